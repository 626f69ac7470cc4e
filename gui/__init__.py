"""Parallax window: renders what core returns and sends the user's intents back."""
