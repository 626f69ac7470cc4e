"""The file, case and alignment-edit handlers of the main window (actions of gui/actions.py)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from core.model import AlignmentEdit

SOURCE_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm);;All files (*)"
CASE_FILTER = "Parallax cases (*.parallax)"


class FileHandlers:
    """Mixin of MainWindow: add sources, open cases, export, and edit the alignment by hand."""

    # ----- alignment edits -------------------------------------------------------------------
    def _current_pane(self):
        focus = QGuiApplication.focusObject()
        for pane in self.pane_area.panes:
            if focus is pane.view or focus is pane.view.viewport():
                return pane
        return self.pane_area.pane_of_passage(self.ws.current_passage_id) or \
            (self.pane_area.panes[0] if self.pane_area.panes else None)

    def link_passages(self) -> None:
        """Link the current passage with the passage last selected in another pane."""
        a = self.ws.current_passage_id
        al = self.ws.alignment
        if a is None or al is None:
            self.ws.message.emit("Click a passage in one pane, then one in another, then Ctrl+L.")
            return
        ref_a = self.ws.passage_ref(a)
        ref_b = next((r for r in reversed(self._click_history) if r.source != ref_a.source
                      and self.ws.document_for(r.source) is not None), None)
        if ref_b is None:
            self.ws.message.emit("Click the passage to link with in another pane first.")
            return
        self.ws.add_edit(AlignmentEdit("link", ref_a, ref_b))
        self.ws.message.emit(f"Linked {self.ws.source(ref_a.source).label} with {self.ws.source(ref_b.source).label}.")

    def unlink_passage(self) -> None:
        """Take the current passage out of its claim (one undo step)."""
        pid = self.ws.current_passage_id
        claim = self.ws.claim_of_passage(pid)
        if claim is None:
            self.ws.message.emit("The current passage is not linked to anything.")
            return
        doc = pid.split(":")[0]
        others = [m for m in claim.members if m.split(":")[0] != doc]
        self.ws.undo_stack.beginMacro("Unlink passage")
        for other in others:
            self.ws.add_edit(AlignmentEdit("unlink", self.ws.passage_ref(pid), self.ws.passage_ref(other)))
        self.ws.undo_stack.endMacro()

    def split_passage(self) -> None:
        """Cut the passage under the text cursor in two at the cursor."""
        pane = self._current_pane()
        if pane is None:
            return
        offset = pane.cursor_offset()
        pid = self.ws.passage_at(pane.source_key, offset)
        ref = self.ws.passage_ref(pid) if pid else None
        if ref is None or not ref.start < offset < ref.end:
            self.ws.message.emit("Put the text cursor inside a sentence to split it there.")
            return
        self.ws.add_edit(AlignmentEdit("split", ref, at=offset))

    def merge_passages(self) -> None:
        """Join the current passage with the next passage of the same source."""
        pid = self.ws.current_passage_id
        al = self.ws.alignment
        if pid is None or al is None:
            self.ws.message.emit("Click a passage first.")
            return
        doc = al.document_of(pid)
        index = int(pid.split(":p")[1])
        if index + 1 >= len(doc.passages):
            self.ws.message.emit("This is the last passage of the source.")
            return
        nxt = doc.passages[index + 1].id
        self.ws.add_edit(AlignmentEdit("merge", self.ws.passage_ref(pid), self.ws.passage_ref(nxt)))

    def realign(self) -> None:
        """Align the sources again."""
        self.ws.realign_now()

    def cancel_work(self) -> None:
        """Stop the running work."""
        self.ws.cancel()
        export_runner = getattr(self, "_export_runner", None)
        if export_runner is not None:
            export_runner.cancel()

    # ----- files and cases --------------------------------------------------------------------
    def open_paths(self, paths) -> None:
        """Open a dropped or given .parallax file as the case, or add articles as sources."""
        paths = [str(p) for p in paths]
        cases = [p for p in paths if p.endswith(".parallax")]
        if cases:
            self.open_case(cases[0])
        articles = [p for p in paths if not p.endswith(".parallax")]
        if articles:
            self.ws.add_files(articles)

    def take_over_case(self) -> None:
        """Make this window the case's writer after a plain warning (the banner's "Take over…")."""
        case = self.ws.case
        owner = getattr(case, "lock_owner", None)
        if case is None or owner is None:
            return
        holder = "another program" if owner.unknown else f"another Parallax window (pid {owner.pid}" + \
            (f" on {owner.host})" if owner.host else ")")
        answer = QMessageBox.warning(
            self, "Take over this case?",
            f"{Path(case.path).name} is marked as open in {holder}.\n\nTake it over only if that window "
            "is closed or its computer has crashed. If it is still open, both windows will save into "
            "the same case and each will miss the other's changes until it is reopened.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        from core.errors import CaseError
        try:
            case.take_over()
        except CaseError as exc:
            self.ws.message.emit(f"Could not take over: {exc}")
            return
        self._update_title()
        self.ws.message.emit(f"This window now saves {Path(case.path).name}.")

    def open_case(self, path: str) -> None:
        """Open (or create) a case file and show it."""
        from core.case.store import Case
        from core.errors import CaseError
        current = self.ws.case
        if current is not None and Path(current.path).resolve() == Path(path).resolve():
            self.ws.message.emit(f"{Path(path).name} is already open.")
            return
        try:
            case = Case.open(path, create=True)
        except CaseError as exc:
            self.ws.message.emit(f"Could not open {Path(path).name}: {exc}")
            return
        self.ws.load_case(case)
        self._update_title()
        from gui.app.launch import skipped_message
        if skipped_message(case):
            self.ws.message.emit(skipped_message(case))
        if self.data_dir is not None:
            from gui.app.launch import remember_case
            remember_case(self.data_dir, path)
            self.recent_menu.refresh()

    def add_sources_dialog(self) -> None:
        """Choose articles to add."""
        paths, _ = QFileDialog.getOpenFileNames(self, "Add sources", "", SOURCE_FILTER)
        if paths:
            self.ws.add_files(paths)

    def paste_source(self) -> None:
        """Add the clipboard's text as a source."""
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.ws.message.emit("The clipboard holds no text.")
            return
        first_line = next((line.strip() for line in text.splitlines() if line.strip()), "Pasted text")
        self.ws.add_text(text, title=first_line[:80])

    def new_case_dialog(self) -> None:
        """Create an empty case file and open it."""
        path, _ = QFileDialog.getSaveFileName(self, "New case", "untitled.parallax", CASE_FILTER)
        if path:
            if not path.endswith(".parallax"):
                path += ".parallax"
            self.open_case(path)

    def open_case_dialog(self) -> None:
        """Choose a case file and open it."""
        path, _ = QFileDialog.getOpenFileName(self, "Open case", "", CASE_FILTER)
        if path:
            self.open_case(path)

    def export_dialog(self) -> None:
        """Export the comparison (format, scope, full texts) in the background."""
        from gui.dialogs.export_dialog import run_export_dialog
        run_export_dialog(self)

    def _selected_source_key(self) -> str | None:
        key = self.source_list.current_key()
        if key is None:
            pane = self._current_pane()
            key = pane.source_key if pane is not None else None
        return key

    def remove_current_source(self) -> None:
        """Remove the selected source from the case."""
        key = self._selected_source_key()
        if key is not None:
            label = self.ws.source(key).label
            answer = QMessageBox.question(self, "Remove source",
                                          f"Remove {label} from the case? Its verdicts and notes stay in the case.")
            if answer == QMessageBox.StandardButton.Yes:
                self.ws.remove_source(key)
                self.ws.message.emit(f"Removed {label}.")

    def toggle_current_source(self) -> None:
        """Hide the selected source's pane, or show it again."""
        key = self._selected_source_key()
        if key is not None:
            self.ws.set_hidden(key, key not in self.ws.hidden)
