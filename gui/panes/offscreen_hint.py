"""The words of the hint that names the sources of the current claim scrolled out of the row's view."""

from __future__ import annotations

HINT_NAMES = 3  # out-of-view panes the hint names; more are counted by side


def _sources(count: int) -> str:
    """Return "1 source" or "n sources"."""
    return f"{count} source" + ("" if count == 1 else "s")


def hint_text(before: list[str], after: list[str], is_claim: bool, focus_mode: str) -> str:
    """Return the hint for the sources out of view to the left (`before`) and right (`after`)."""
    if len(before) + len(after) <= HINT_NAMES:
        names = [f"← {name}" for name in before] + [f"{name} →" for name in after]
    else:  # twenty sources' names would run off the window: count them by side
        names = [f"← {_sources(len(before))}"] * bool(before) + [f"{_sources(len(after))} →"] * bool(after)
    # Ctrl+Shift+C shows a claim's sources only; it does nothing for a claim-less item and, once
    # on, shows every source again: then only smaller text fits more panes in the row.
    advice = "Ctrl+Shift+C shows only its sources" if is_claim and focus_mode != "claim" else "Ctrl+- fits more panes"
    return f"Also in this {'claim' if is_claim else 'item'}, out of view: {', '.join(names)} · {advice}"
