"""The workspace that owns the state, its background tasks and its undo commands."""
