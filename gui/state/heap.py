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
