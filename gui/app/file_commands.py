"""The file commands of the main window: cases, sources (add, paste, URL, details, original), export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QUndoCommand
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from core.case.error_wording import skipped_message
from gui.app.recent_cases import remember_case
from gui.dialogs.source_details_dialog import SourceDetailsDialog

SOURCE_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm);;All files (*)"
CASE_FILTER = "Parallax cases (*.parallax)"


class SourceDetailsEdit(QUndoCommand):
    """One undo step: a source's details before and after an edit, applied through the workspace."""

    def __init__(self, workspace, key: str, before: dict, after: dict):
        super().__init__(f"Details of {workspace.source(key).label}")
        self.ws, self.key, self.before, self.after = workspace, key, before, after

    def redo(self) -> None:
        self.ws.update_source_details(self.key, **self.after)

    def undo(self) -> None:
        self.ws.update_source_details(self.key, **self.before)


class FileCommands:
    """Run the File actions; the window is the context (its workspace, source list and panes)."""

    def __init__(self, window):
        self.window = window
        self.ws = window.ws

    # ----- cases -----------------------------------------------------------------------------
    def open_paths(self, paths) -> None:
        """Open a dropped or given .parallax file as the case, or add articles as sources."""
        paths = [str(p) for p in paths]
        cases = [p for p in paths if p.endswith(".parallax")]
        if cases:
            self.open_case(cases[0])
        articles = [p for p in paths if not p.endswith(".parallax")]
        if articles:
            self.ws.add_files(articles)

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
        self.window.update_title()
        if skipped_message(case):
            self.ws.message.emit(skipped_message(case))
        if self.window.data_dir is not None:
            remember_case(self.window.data_dir, path)
            self.window.recent_menu.refresh()

    def take_over_case(self) -> None:
        """Make this window the case's writer after a plain warning (the banner's "Take over…")."""
        case = self.ws.case
        owner = getattr(case, "lock_owner", None)
        if case is None or owner is None:
            return
        holder = (
            "another program"
            if owner.unknown
            else f"another Parallax window (pid {owner.pid}" + (f" on {owner.host})" if owner.host else ")")
        )
        answer = QMessageBox.warning(
            self.window,
            "Take over this case?",
            f"{Path(case.path).name} is marked as open in {holder}.\n\nTake it over only if that window "
            "is closed or its computer has crashed. If it is still open, both windows will save into "
            "the same case and each will miss the other's changes until it is reopened.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        from core.errors import CaseError

        try:
            case.take_over()
        except CaseError as exc:
            self.ws.message.emit(f"Could not take over: {exc}")
            return
        self.window.update_title()
        self.ws.message.emit(f"This window now saves {Path(case.path).name}.")

    def new_case_dialog(self) -> None:
        """Create an empty case file and open it."""
        path, _ = QFileDialog.getSaveFileName(self.window, "New case", "untitled.parallax", CASE_FILTER)
        if path:
            if not path.endswith(".parallax"):
                path += ".parallax"
            self.open_case(path)

    def open_case_dialog(self) -> None:
        """Choose a case file and open it."""
        path, _ = QFileDialog.getOpenFileName(self.window, "Open case", "", CASE_FILTER)
        if path:
            self.open_case(path)

    def export_dialog(self) -> None:
        """Export the comparison (format, scope, full texts) in the background."""
        from gui.dialogs.export_dialog import run_export_dialog

        run_export_dialog(self.window)

    # ----- sources ---------------------------------------------------------------------------
    def add_sources_dialog(self) -> None:
        """Choose articles to add."""
        paths, _ = QFileDialog.getOpenFileNames(self.window, "Add sources", "", SOURCE_FILTER)
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

    def add_url_dialog(self) -> None:
        """Ask for a web address and download the article in the background."""
        clip = QGuiApplication.clipboard().text().strip()
        suggestion = clip if clip.startswith(("http://", "https://")) and "\n" not in clip else ""
        url, ok = QInputDialog.getText(
            self.window, "Add from URL", "Address of the article (http or https):", text=suggestion
        )
        self.window.focus_reading()
        if ok and url.strip():
            self.window.url_fetcher.start(url)

    def selected_source_key(self) -> str | None:
        """Return the source in use: the focused pane's, the claim view's current row's, else the list's."""
        win = self.window
        focus = QGuiApplication.focusObject()
        pane = next((p for p in win.pane_area.panes if focus in (p.view, p.view.viewport())), None)
        if pane is not None:
            return pane.source_key
        if focus is win.claim_view and self.ws.current_passage_id and self.ws.alignment is not None:
            return self.ws.alignment.document_of(self.ws.current_passage_id).source.key
        key = win.source_list.current_key()
        if key is None:
            pane = win.current_pane()
            key = pane.source_key if pane is not None else None
        return key

    def _selected_source(self):
        """Return the selected source, or None after asking the user to select one."""
        key = self.selected_source_key()
        source = self.ws.source(key) if key else None
        if source is None:
            self.ws.message.emit("Select a source in the list or click in its pane first.")
        return source

    def edit_source_details(self) -> None:
        """Edit the outlet, title, date, author and URL of the selected source."""
        source = self._selected_source()
        if source is None:
            return
        if not self.ws.check_writable():
            return
        details = SourceDetailsDialog.ask(self.window, source)
        self.window.focus_reading()
        before = {name: getattr(source, name) for name in details or {}}
        if details is None or details == before:
            return
        self.ws.undo_stack.push(SourceDetailsEdit(self.ws, source.key, before, details))
        self.ws.message.emit(f"Saved the details of {self.ws.source(source.key).label} (Ctrl+Z undoes).")

    def open_original(self) -> None:
        """Open the selected source's web page, or its file when it came from disk."""
        source = self._selected_source()
        if source is None:
            return
        if source.url.startswith(("http://", "https://")):
            target = QUrl(source.url)
        elif source.path and Path(source.path).is_file():
            target = QUrl.fromLocalFile(str(Path(source.path).resolve()))
        else:
            self.ws.message.emit(f"{source.label} has no web address or file to open; F2 sets its URL.")
            return
        if not QDesktopServices.openUrl(target):
            self.ws.message.emit(f"Could not open {target.toDisplayString()}: no application accepted it.")

    def remove_current_source(self) -> None:
        """Remove the selected source from the case."""
        key = self.selected_source_key()
        if key is not None:
            label = self.ws.source(key).label
            answer = QMessageBox.question(
                self.window, "Remove source", f"Remove {label} from the case? Its verdicts and notes stay in the case."
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.ws.remove_source(key)
                self.ws.message.emit(f"Removed {label}.")

    def toggle_current_source(self) -> None:
        """Hide the selected source's pane, or show it again (the alignment is not re-run)."""
        key = self.selected_source_key()
        if key is not None:
            self.ws.set_hidden(key, key not in self.ws.hidden)

    def hide_current_source_and_realign(self) -> None:
        """Hide the selected source and align the others again."""
        key = self.selected_source_key()
        if key is not None and key not in self.ws.hidden:
            self.ws.set_hidden(key, True, realign=True)
