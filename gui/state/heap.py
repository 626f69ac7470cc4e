"""Keep the garbage collector's full passes out of the key presses that follow an alignment."""

from __future__ import annotations

import gc

# An alignment of a large case is hundreds of thousands of Python objects.  The cyclic collector
# walks every tracked object on each full pass, and its next full pass comes soon after they appear:
# on 20 articles of 3,000 words a pass of 140-220 ms fell on the first keys pressed after the
# alignment landed (bench/bench_window.py, "N max").  Nearly none of those objects
# are cyclic garbage (a whole analysis leaves about ten), so once an alignment has landed everything
# alive is frozen out of later passes, which then walk only what was made since.  When a new
# alignment starts, the frozen objects are handed back, so the old alignment's cycles, if any, are
# collected by the passes that run anyway during the analysis: nothing stays frozen longer than one
# alignment.


def alignment_landed() -> None:
    """Move every object alive now (the new alignment, the window's state) out of later full passes."""
    gc.freeze()


def realign_started() -> None:
    """Hand the objects frozen at the last alignment back to the collector (some may become garbage)."""
    gc.unfreeze()


# While an analysis runs on a worker thread, the UI thread still paints and answers keys (a large
# case shows its claims before its divergences).  Two things of the interpreter decide how well:
# every Qt call lets the worker take the interpreter back, and the UI thread waits one switch
# interval to regain it, so at the default 5 ms an N press during the second stage took 75 ms
# (500 ms at worst); at 1 ms it takes about 24 ms, for about 6% more analysis time.  And each
# full pass of the collector, run by the worker over a million fresh objects, held everything
# for 100-150 ms three times a run: the worker's garbage is nearly all freed by reference
# counting, so the automatic collector waits until the run ends.  Only the UI thread switches
# these, when a run starts and when it reports back, so overlapping runs never toggle them
# under each other.
ANALYSIS_SWITCH_INTERVAL_S = 0.001
_saved: dict[str, object] = {}


def analysis_running(running: bool) -> None:
    """Give the UI thread the interpreter often and pause the collector while a run is under way."""
    import sys

    if running and not _saved:
        _saved["interval"] = sys.getswitchinterval()
        _saved["collecting"] = gc.isenabled()
        sys.setswitchinterval(ANALYSIS_SWITCH_INTERVAL_S)
        gc.disable()
    elif not running and _saved:
        sys.setswitchinterval(float(_saved.pop("interval")))  # type: ignore[arg-type]
        if _saved.pop("collecting"):
            gc.enable()
