"""The docked panels: sources, claims table, inspector, triage queue, annotations."""
