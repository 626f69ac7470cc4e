"""Where each claim's passages lie in a pane, in the pane's pixels, for the link map's bands."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QAbstractScrollArea, QTextEdit


def passage_rect(edit, start: int, end: int) -> QRect:
    """Return the viewport rectangle spanned by text[start:end] of a QTextEdit/QPlainTextEdit."""
    length = max(0, edit.document().characterCount() - 1)
    cursor = QTextCursor(edit.document())
    cursor.setPosition(max(0, min(start, length)))
    top = edit.cursorRect(cursor).top()
    cursor.setPosition(max(0, min(max(start, end - 1), length)))
    bottom = edit.cursorRect(cursor).bottom()
    return QRect(0, top, edit.viewport().width(), max(1, bottom - top + 1))


def text_edit_of(pane):
    """Return the text widget of a pane (its `view`, or the pane when it is the text widget)."""
    return pane.view if hasattr(pane, "view") else pane


def is_pane(obj) -> bool:
    """Return True when obj shows a source's text (a SourcePane or a text edit)."""
    return obj is not None and (hasattr(obj, "view") or isinstance(obj, QAbstractScrollArea))


def pane_document(workspace, pane):
    """Return the aligned document a pane shows, or None."""
    if hasattr(pane, "view") and callable(getattr(pane, "document", None)):
        return pane.document()  # a SourcePane knows its aligned document
    key = getattr(pane, "source_key", None)
    return workspace.document_for(key) if key is not None else None


def first_telling(members, prefix: str) -> list[str]:
    """Return a document's first run of adjacent member passages of a claim.

    A band links one telling to one telling: a source that tells the fact again further down would
    otherwise stretch the band over all the text between.
    """
    ids = sorted((m for m in members if m.startswith(prefix)), key=lambda m: int(m.split(":p")[1]))
    run = ids[:1]
    for pid in ids[1:]:
        if int(pid.split(":p")[1]) != int(run[-1].split(":p")[1]) + 1:
            break
        run.append(pid)
    return run


def member_extent(workspace, pane, claim) -> tuple[int, int] | None:
    """Return the viewport top and bottom of a pane's first telling of a claim, or None."""
    doc = pane_document(workspace, pane)
    if doc is None:
        return None
    prefix = doc.id + ":"
    tops, bottoms = [], []
    for pid in first_telling(claim.members, prefix):
        if hasattr(pane, "passage_rect"):
            rect = pane.passage_rect(pid)
        else:
            p = doc.passages[int(pid.split(":p")[1])]
            rect = passage_rect(text_edit_of(pane), p.start, p.end)
        if rect is not None and not rect.isNull():
            tops.append(rect.top())
            bottoms.append(rect.bottom())
    return (min(tops), max(bottoms)) if tops else None


class PaneExtents:
    """Remember where each passage of a pane lies in its document, so a scroll only shifts them."""

    def __init__(self, workspace, pane):
        self.ws, self.pane, self.edit = workspace, pane, text_edit_of(pane)
        self._key = None
        self._content: dict[str, tuple[int, int]] = {}
        self._claims: dict[str, tuple[int, int]] = {}  # claim id -> extent of its members here
        self.generation = 0  # bumped on every re-measure, so the link map knows its pairs are stale
        self._prefix = ""
        self._value = 0
        # The pane measures itself when it can; a line-scrolled edit cannot be cached in pixels.
        self._direct = hasattr(pane, "passage_rect") or not isinstance(self.edit, QTextEdit)

    def prepare(self) -> None:
        """Re-measure after a layout change; note the scroll position (call once per paint)."""
        if self._direct:
            return
        doc = pane_document(self.ws, self.pane)
        self._prefix = doc.id + ":" if doc is not None else "\0"
        self._value = self.edit.verticalScrollBar().value()
        key = (id(self.ws.alignment), id(doc), self.edit.document().size().toSize(), self.edit.viewport().width())
        if key != self._key:
            self._key, self._content, self._claims = key, {}, {}
            for p in doc.passages if doc is not None else ():
                rect = passage_rect(self.edit, p.start, p.end)
                self._content[p.id] = (rect.top() + self._value, rect.bottom() + self._value)
            for claim in self.ws.alignment.claims if self.ws.alignment is not None else ():
                spans = [self._content[m] for m in first_telling(claim.members, self._prefix) if m in self._content]
                if spans:
                    self._claims[claim.id] = (min(t for t, _b in spans), max(b for _t, b in spans))
            self.generation += 1

    def forget(self) -> None:
        """Re-measure on the next prepare()."""
        self._key = None

    @property
    def scroll(self) -> int:
        """Return the scroll position noted by the last prepare()."""
        return self._value

    def content_extents(self) -> dict[str, tuple[int, int]] | None:
        """Return claim id -> top and bottom in document pixels, or None when not cacheable."""
        return None if self._direct else self._claims

    def of(self, claim) -> tuple[int, int] | None:
        """Return the viewport top and bottom of this pane's members of a claim, or None."""
        if self._direct:
            return member_extent(self.ws, self.pane, claim)
        extent = self._claims.get(claim.id)
        return None if extent is None else (extent[0] - self._value, extent[1] - self._value)
