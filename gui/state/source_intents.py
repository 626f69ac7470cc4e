"""Change the workspace's list of sources: add files or text, remove, hide, reorder, edit details."""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Iterable

from core.errors import CaseError, ParallaxError
from core.model import Source


def _load_paths(paths, progress=None, should_cancel=None):
    # Decoding and HTML extraction can take a second (50 MB files, trafilatura's first import):
    # done off the UI thread; only the case writes happen on it.
    from core.ingest.sources import load_paths

    return load_paths(paths)


def refused_message(errors: Iterable) -> str:
    """Return one line naming every refused file with its reason."""
    errors = list(errors)
    parts = []
    for err in errors:
        name = os.path.basename(getattr(err, "path", "") or "") or "text"
        parts.append(f"{name} ({getattr(err, 'reason', str(err))})")
    noun = "file" if len(errors) == 1 else "files"
    return f"Refused {len(errors)} {noun}: " + "; ".join(parts)


class SourceIntents:
    """The workspace's source intents; the case is written at once and the sources re-aligned."""

    def __init__(self, workspace):
        self.ws = workspace

    def add_files(self, paths) -> None:
        """Load files in the background; the good ones join the case, the refused ones get one message."""
        paths = [str(p) for p in paths]
        if paths:
            self.ws.loader.start(_load_paths, paths)

    def add_text(self, text: str, title: str = "Pasted text") -> None:
        """Add pasted text as a source."""
        from core.ingest.sources import load_text

        try:
            source = load_text(text, title=title)
        except ParallaxError as exc:
            self.ws.message.emit(f"Refused pasted text: {getattr(exc, 'reason', exc)}")
            return
        self.add_sources([source], [])

    def add_sources(self, sources: list[Source], errors: Iterable = ()) -> None:
        """Add loaded sources to the case; report duplicates and refused files in one message."""
        errors = list(errors)
        if sources and not self.ws.check_writable():
            return
        added, duplicates = [], []
        known = {s.sha256 for s in self.ws.sources}
        for source in sources:
            if source.sha256 in known:
                duplicates.append(source.label)
                continue
            try:
                stored = self.ws.case.add_source(source) if self.ws.case is not None else source
            except CaseError as exc:
                self.ws.message.emit(f"Could not save {source.label}: {exc}")
                continue
            known.add(stored.sha256)
            self.ws.sources.append(stored)
            added.append(stored)
        parts = []
        if added:
            parts.append(f"Added {len(added)} source{'s' if len(added) != 1 else ''}.")
        if duplicates:
            parts.append("Already in the case: " + ", ".join(duplicates) + ".")
        if errors:
            parts.append(refused_message(errors))
        if parts:
            self.ws.message.emit(" ".join(parts))
        if added:
            large = sum(len(s.text) for s in self.ws.visible_sources()) > self.ws.staged_chars
            at_once = large and len(added) > 1 and self.ws.alignment is None and not self.ws.busy
            if at_once:
                # Many long articles opened together (a launch, a multiple choice) are one whole
                # change: the first alignment starts without waiting for more, and before the
                # panes are built, so the engine runs while Qt lays out their texts.
                self.ws.realign_now()
            self.ws.sourcesChanged.emit()
            if not at_once:
                self.ws.realign()

    def remove_source(self, key: str) -> None:
        """Remove a source from the case (its verdicts stay stored)."""
        if self.ws.source(key) is None or not self.ws.check_writable():
            return
        try:
            if self.ws.case is not None:
                self.ws.case.remove_source(key)
        except CaseError as exc:
            self.ws.message.emit(str(exc))
            return
        self.ws.sources = [s for s in self.ws.sources if s.key != key]
        self.ws.hidden.discard(key)
        self.ws.sourcesChanged.emit()
        self.ws.realign()

    def set_hidden(self, key: str, hidden: bool, realign: bool = False) -> None:
        """Hide a source's pane or show it again; the alignment re-runs only when asked (or needed)."""
        source = self.ws.source(key)
        if source is None or (key in self.ws.hidden) == hidden:
            return
        if self.ws.case is not None and not self.ws.case.read_only:
            try:
                self.ws.case.set_source_hidden(key, hidden)
            except CaseError as exc:
                self.ws.message.emit(str(exc))
        # Hiding is a view choice: allowed on a read-only case, just not saved.
        (self.ws.hidden.add if hidden else self.ws.hidden.discard)(key)
        self.ws.sourcesChanged.emit()
        # Showing a source the alignment no longer has needs a run; hiding never does unless asked.
        if realign or (not hidden and self.ws.document_for(key) is None):
            self.ws.realign()
            self.ws.message.emit(
                f"{'Hid' if hidden else 'Showing'} {source.label}; re-aligning"
                + (" without it: verdicts that need it are set aside until it is shown." if hidden else ".")
            )
        elif hidden:
            self.ws.message.emit(
                f"Hid {source.label} from view; the alignment was not re-run, so nothing "
                "moved (Ctrl+Shift+H hides and re-aligns)."
            )

    def move_source(self, key: str, new_index: int) -> None:
        """Move a source to a new position in the pane order."""
        source = self.ws.source(key)
        if source is None:
            return
        order = [s for s in self.ws.sources if s.key != key]
        new_index = max(0, min(new_index, len(order)))
        order.insert(new_index, source)
        if [s.key for s in order] == [s.key for s in self.ws.sources]:
            return
        self.ws.sources = order
        if self.ws.case is not None and not self.ws.case.read_only:
            try:
                self.ws.case.set_source_order([s.key for s in order])
            except CaseError as exc:
                self.ws.message.emit(str(exc))
        self.ws.sourcesChanged.emit()
        self.ws.realign()

    def update_source_details(self, key: str, **details: str) -> bool:
        """Change a source's outlet, title, author, published date or URL, save it and re-align."""
        ws = self.ws
        source = ws.source(key)
        if source is None or not ws.check_writable():
            return False
        details = {name: str(value).strip() for name, value in details.items()}
        if all(getattr(source, name) == value for name, value in details.items()):
            return True
        updated = replace(source, **details)
        if ws.case is not None:
            try:
                updated = replace(ws.case.update_source(key, **details), original=source.original)
            except CaseError as exc:
                ws.message.emit(str(exc))
                return False
        ws.sources = [updated if s.key == key else s for s in ws.sources]
        ws.sourcesChanged.emit()
        ws.realign()  # labels in claims, summaries and the queue come from the aligned documents
        return True
