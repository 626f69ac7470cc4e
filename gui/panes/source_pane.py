"""One read-only source pane: header, claim bands, typed divergence underlines, unique marks."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPalette, QPen, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QLabel, QTextEdit, QVBoxLayout, QWidget

from gui.style import theme
from gui.panes.source_view import MarginBar, TextView
from gui.panes.pane_marks import contradiction_variants, divergence_variants, mark_descriptions, underline
from core.ingest.textnorm import word_count

if TYPE_CHECKING:
    from gui.panes.linkmap import LinkMap
    from gui.panes.ruler import OverviewRuler

LEVEL_FRACTION = 0.25  # where a newly current claim is placed, as a fraction of the pane height


class SourcePane(QWidget):
    """Show one source with its alignment marks; tell the pane area about clicks and scrolling."""

    passageClicked = Signal(str)
    scrolledByUser = Signal(object)
    _ruler: OverviewRuler  # beside the pane in its cell, placed there by the pane area
    _linkmap: LinkMap
    clicks_wired = False  # the main window connects each pane's clicks once

    def __init__(self, workspace, source_key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = workspace
        self.source_key = source_key
        self.last_passage_id: str | None = None  # the passage last clicked in this pane
        self._programmatic = 0
        self._find: list[tuple[int, int]] = []
        self._find_current = -1
        self._text = None
        self._words: tuple = (None, 0)  # the text last counted and its word count
        self._members: tuple = (None, None, [])  # document, claim, that claim's passages here
        self._marked: tuple | None = None  # document and what update_current last drew on it
        self.tint_all = False  # tint every claim's passages; by default only the current claim's
        self.header = QLabel(self)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(False)
        self.header.setMinimumWidth(1)  # long titles elide instead of widening the pane
        self.header.setOpenExternalLinks(False)
        self.header.setContentsMargins(6, 4, 6, 4)
        self.view = TextView(self, self)
        self.margin = MarginBar(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        self.view.clicked.connect(self._on_click)
        self.view.verticalScrollBar().valueChanged.connect(self._on_scroll)
        self.setMinimumWidth(120)
        self.refresh()

    # ----- content ------------------------------------------------------------------------
    def source(self):
        """Return the source shown."""
        return self.ws.source(self.source_key)

    def document(self):
        """Return the aligned document of this source, or None before alignment."""
        return self.ws.document_for(self.source_key)

    def refresh(self) -> None:
        """Redraw header, text and alignment marks from the workspace."""
        source = self.source()
        if source is None:
            return
        self._set_header(source)
        if self._text != source.text:
            self._text = source.text
            with self._keep_scroll():
                self.view.setPlainText(source.text)
                self.view.keep_glyphs()
                self.view.apply_padding()
        self._apply_formats()
        self._marked = None  # new text drops the selections: draw them again
        self.update_current()

    def _set_header(self, source) -> None:
        index = next((i for i, s in enumerate(self.ws.sources) if s.key == source.key), 0)
        chip = theme.source_colour(index).name()
        if self._words[0] is not source.text:  # a header is set again on every width change
            self._words = (source.text, word_count(source.text))
        head = source.label  # the name every summary uses; the headline goes under it
        room = max(40, self.width() - 40)
        bold = self.header.font()
        bold.setBold(True)

        def fit(text: str, font=None) -> str:
            # Each line ends in an ellipsis when it does not fit: never cut mid-letter, never wrapped.
            metrics = QFontMetrics(font or self.header.font())
            return html.escape(metrics.elidedText(text, Qt.TextElideMode.ElideRight, room))

        bits = [f"<span style='color:{chip}; font-size:14pt'>&#9632;</span> <b>{fit(head, bold)}</b>"]
        if source.subtitle:
            bits.append(f"<br>{fit(source.subtitle)}")
        meta = [x for x in (source.published[:10], source.author) if x]
        meta.append(f"{self._words[1]:,} words")
        dim = theme.boilerplate_colour(self.palette()).name()
        bits.append(f"<br><span style='color:{dim}'>" + fit(" · ".join(meta)) + "</span>")
        if source.url:
            bits.append(f"<br><small>{fit(source.url)}</small>")
        self.header.setText("".join(bits))
        self.header.setToolTip(
            "\n".join(
                x
                for x in (source.outlet, source.title, source.published, source.author, source.url or source.path)
                if x
            )
        )

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width() and self.source() is not None:
            self._set_header(self.source())

    def _apply_formats(self) -> None:
        pal = self.view.palette()
        doc = self.document()
        qdoc = self.view.document()
        cursor = QTextCursor(qdoc)
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.setCharFormat(QTextCharFormat())
        if doc is not None:
            for pid_list, colour in self._bands(pal):
                for p in pid_list:
                    fmt = QTextCharFormat()
                    fmt.setBackground(colour)
                    self._merge(cursor, p.start, p.end, fmt)
            for span in doc.boilerplate:
                fmt = QTextCharFormat()
                fmt.setForeground(theme.boilerplate_colour(pal))
                fmt.setFontItalic(True)
                self._merge(cursor, span.start, span.end, fmt)
            # One format per type, not per variant: a dense article has thousands of variants.
            formats: dict[str, QTextCharFormat] = {}
            for div, variant in self._variants():
                if div.type not in formats:
                    formats[div.type] = underline(div.type, pal)
                self._merge(cursor, variant.start, variant.end, formats[div.type])
            for contradiction, variant in self._contradictions():
                fmt = underline(contradiction.type, pal)
                fmt.setFontOverline(True)  # one source against itself: marked above and below
                self._merge(cursor, variant.start, variant.end, fmt)
        cursor.endEditBlock()
        self.formatted_for = self.ws.alignment  # its ruler and link maps wait for this (see PaneArea)
        self.margin.update()

    def _merge(self, cursor: QTextCursor, start: int, end: int, fmt: QTextCharFormat) -> None:
        length = len(self._text or "")
        start, end = max(0, min(start, length)), max(0, min(end, length))
        if end <= start:
            return
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)

    def _bands(self, pal):
        if not self.tint_all:
            return  # only the current claim is tinted (update_current): its divergence stands out
        doc = self.document()
        for p in doc.passages:
            if self.ws.is_unique(p.id):
                yield [p], theme.unique_band(pal)
                continue
            claim = self.ws.claim_of_passage(p.id)
            if claim is not None:
                yield [p], theme.claim_band(claim.key, pal)

    def _variants(self):
        return divergence_variants(self.ws.alignment, self.document())

    def _contradictions(self):
        return contradiction_variants(self.ws.alignment, self.document())

    def member_passages(self, claim) -> list:
        """Return this pane's passages that belong to a claim, in text order."""
        doc = self.document()
        if doc is None or claim is None:
            return []
        # Asked four times a pane on every J (marks, levelling, the out-of-view hint): read once.
        held_doc, held_claim, passages = self._members
        if held_doc is not doc or held_claim is not claim:
            prefix = doc.id + ":"
            numbers = sorted(int(m.split(":p")[1]) for m in claim.members if m.startswith(prefix))
            passages = [doc.passages[n] for n in numbers]
            self._members = (doc, claim, passages)
        return list(passages)

    def margin_marks(self, unique: bool = True, with_current: bool = True) -> list[tuple[int, int, QColor]]:
        """Return (start, end, colour) of the left margin bars: unique passages, the current claim."""
        doc = self.document()
        if doc is None:
            return []
        pal = self.view.palette()
        marks = [(p.start, p.end, theme.unique_bar(pal)) for p in doc.passages if unique and self.ws.is_unique(p.id)]
        if not with_current:
            return marks
        current = self.member_passages(self.ws.current_claim())
        if not current and self.ws.current_passage_id:
            pid = self.ws.current_passage_id
            if pid.split(":")[0] == doc.id:
                current = [self.ws.alignment.passage(pid)]
        marks += [(p.start, p.end, pal.color(QPalette.ColorRole.Highlight)) for p in current]
        return marks

    def update_current(self) -> None:
        """Emphasise the current claim, the current divergence and the find matches."""
        pal = self.view.palette()
        selections = []
        members = self.member_passages(self.ws.current_claim())
        doc = self.document()
        if not members and self.ws.current_passage_id and doc is not None:
            pid = self.ws.current_passage_id
            if pid.split(":")[0] == doc.id:
                members = [self.ws.alignment.passage(pid)]
        div = self.ws.current_divergence()
        variants = [v for v in div.variants if v.passage.split(":")[0] == doc.id] if div and doc else []
        # Marks unchanged (most panes on most keys): new selections, even equal ones, repaint text and margin.
        marked = (
            tuple((p.start, p.end) for p in members),
            tuple((v.start, v.end) for v in variants),
            tuple(self._find),
            self._find_current,
            pal.cacheKey(),
        )
        if self._marked is not None and self._marked[0] is doc and self._marked[1] == marked:
            return
        self._marked = (doc, marked)
        for p in members:
            selections.append(self._selection(p.start, p.end, background=theme.current_band(pal)))
        for v in variants:
            sel = self._selection(v.start, v.end, background=theme.current_divergence_band(pal))
            sel.format.setForeground(theme.current_divergence_text(pal))
            sel.format.setProperty(QTextFormat.Property.OutlinePen, QPen(pal.color(QPalette.ColorRole.Highlight), 1.5))
            # No bolder weight: wider glyphs re-wrap the paragraph, and a document whose
            # height changes on every J makes the ruler and link maps measure it again.
            selections.append(sel)
        find_bg = QColor("#ffd54f") if not theme.is_dark(pal) else QColor("#8d6e00")
        for i, (start, end) in enumerate(self._find):
            sel = self._selection(start, end, background=find_bg)
            if i == self._find_current:
                sel.format.setBackground(QColor("#ff9800"))
            selections.append(sel)
        self.view.setExtraSelections(selections)
        self.margin.update()

    def _selection(self, start: int, end: int, background: QColor | None = None) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.view.document())
        length = len(self._text or "")
        cursor.setPosition(max(0, min(start, length)))
        cursor.setPosition(max(0, min(end, length)), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        if background is not None:
            sel.format.setBackground(background)
        return sel

    # ----- find ---------------------------------------------------------------------------
    def set_find_matches(self, matches: list[tuple[int, int]], current: int = -1) -> None:
        """Highlight find matches; the current one stronger and scrolled into view."""
        self._find, self._find_current = list(matches), current
        self.update_current()
        if 0 <= current < len(matches):
            start, end = matches[current]
            cursor = QTextCursor(self.view.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            with self._programmatic_scroll():
                self.view.setTextCursor(cursor)
                self.center_span(start, end)

    def center_span(self, start: int, end: int) -> None:
        """Scroll so that a span sits in the middle of the pane (a match at the edge is easy to miss)."""
        top, bottom = self.span_y(start, end)
        bar = self.view.verticalScrollBar()
        middle = self.view.viewport().height() // 2
        with self._programmatic_scroll():
            bar.setValue(bar.value() + (top + bottom) // 2 - middle)

    # ----- geometry and scrolling -----------------------------------------------------------
    def span_y(self, start: int, end: int) -> tuple[int, int]:
        """Return the viewport y of the top of start and the bottom of end."""
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(max(0, min(start, len(self._text or ""))))
        top = self.view.cursorRect(cursor).top()
        cursor.setPosition(max(0, min(end, len(self._text or ""))))
        return top, self.view.cursorRect(cursor).bottom()

    def passage_y(self, passage) -> int:
        """Return the viewport y of a passage's first line."""
        return self.span_y(passage.start, passage.start)[0]

    def top_passage(self):
        """Return the first passage whose text shows at the top of the pane, or None."""
        doc = self.document()
        if doc is None:
            return None
        for p in doc.passages:
            if self.span_y(p.end, p.end)[1] > 0:
                return p
        return None

    def scroll_passage_to(self, passage, y: int, now: int | None = None) -> None:
        """Scroll so that a passage's first line (now at viewport y `now`, when known) sits at viewport y."""
        bar = self.view.verticalScrollBar()
        with self._programmatic_scroll():
            bar.setValue(bar.value() + (self.passage_y(passage) if now is None else now) - y)

    def reachable_y(self, passage, now: int | None = None) -> tuple[int, int]:
        """Return the lowest and highest viewport y this pane can scroll a passage (now at `now`) to."""
        bar = self.view.verticalScrollBar()
        content_y = (self.passage_y(passage) if now is None else now) + bar.value()
        return content_y - bar.maximum(), content_y - bar.minimum()

    def level_y(self) -> int:
        """Return the y where a newly current claim is placed."""
        return int(self.view.viewport().height() * LEVEL_FRACTION)

    def is_visible_y(self, y: int) -> bool:
        """Return True when viewport y is inside the visible text."""
        return 0 <= y < self.view.viewport().height() - 10

    def _on_scroll(self, _value: int) -> None:
        self.margin.update()
        if not self._programmatic:
            self.scrolledByUser.emit(self)

    def _programmatic_scroll(self):
        pane = self

        class _Guard:
            def __enter__(self):
                pane._programmatic += 1

            def __exit__(self, *exc):
                pane._programmatic -= 1

        return _Guard()

    def _keep_scroll(self):
        return self._programmatic_scroll()

    # ----- input -------------------------------------------------------------------------------
    def _on_click(self, offset: int) -> None:
        pid = self.ws.passage_at(self.source_key, offset)
        if pid is not None:
            self.last_passage_id = pid
            self.passageClicked.emit(pid)
            self.ws.select_passage(pid)

    def cursor_offset(self) -> int:
        """Return the text cursor position (where a split cuts)."""
        return self.view.textCursor().position()

    def selected_range(self) -> tuple[int, int] | None:
        """Return the selected text range, or None when nothing is selected."""
        cursor = self.view.textCursor()
        if not cursor.hasSelection():
            return None
        return cursor.selectionStart(), cursor.selectionEnd()

    def zoom(self, steps: int) -> None:
        """Enlarge (positive) or shrink (negative) the text."""
        if steps > 0:
            self.view.zoomIn(steps)
        elif steps < 0:
            self.view.zoomOut(-steps)
        self.margin.update()

    def tooltip_at(self, offset: int) -> str:
        """Return the hover text at an offset: divergence type and the other sources' wording."""
        doc = self.document()
        if doc is None:
            return ""
        lines = mark_descriptions(self.ws.alignment, doc, offset)
        if lines:
            return "<br>".join(lines)
        if any(s.start <= offset < s.end for s in doc.boilerplate):
            return "Boilerplate: shown dimmed, left out of the alignment."
        pid = self.ws.passage_at(self.source_key, offset)
        if pid and self.ws.is_unique(pid):
            return "Unique: no other source reports this passage."
        return ""

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_formats()
            self.update_current()
