"""Stage 4, case: the SQLite case file (sources, edits, verdicts, annotations, audit) and the triage queue."""
