"""The fact sheet: what each source says about each person, quantity and event."""

from core.compare.facts.sheet import build_fact_sheet

__all__ = ["build_fact_sheet"]
