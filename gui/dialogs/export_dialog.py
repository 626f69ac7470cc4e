"""The export dialog: format, scope, full texts, file; rendering and writing run off the UI thread."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from core.cli.export import ExportFailed, check_output, default_scope, write_atomically
from gui.dialogs.pdf_writer import write_pdf
from core.errors import Cancelled
from core.export.data import ExportOptions, collect
from gui.state.tasks import TaskRunner

FORMATS = (
    ("html", "HTML report (side by side, self-contained)"),
    ("pdf", "PDF (printable report)"),
    ("md", "Markdown"),
    ("csv", "CSV of divergences and annotations"),
    ("json", "JSON (W3C Web Annotation)"),
)
SCOPES = (
    ("all", "Every claim (long: a page or more per claim in PDF)"),
    ("divergent", "Only claims with divergences, verdicts or notes"),
)


def export_text(data, fmt: str, progress=None, should_cancel=None) -> str:
    """Render export data in a format (PDF renders the HTML it is printed from)."""
    from core.export import render_csv, render_html, render_json, render_markdown

    render = {"html": render_html, "pdf": render_html, "md": render_markdown, "csv": render_csv, "json": render_json}[
        fmt
    ]
    text = render(data)
    if progress is not None:
        progress(0.8)
    return text


def _write_text(
    data, fmt: str, path: str, protected=(), progress=None, should_cancel=None
) -> tuple[str, str, str, tuple]:
    if fmt != "pdf":
        text = export_text(data, fmt, progress, should_cancel)
        write_atomically(path, fmt, text, inputs=protected)
        return path, fmt, text, protected
    # PDF: the report is rendered, then printed page by page here, off the UI thread, so a
    # 600-page case shows progress and can be cancelled between pages.
    text = export_text(data, fmt)
    if should_cancel is not None and should_cancel():
        raise Cancelled("export cancelled")
    if progress is not None:
        progress(0.1)

    def pdf_writer(html: str, target: str) -> None:
        write_pdf(html, target, progress=lambda f: progress and progress(0.1 + 0.9 * f), should_cancel=should_cancel)

    write_atomically(path, fmt, text, pdf_writer=pdf_writer, inputs=protected)
    return path, fmt, text, protected


class ExportDialog(QDialog):
    """Ask for format, scope, full texts and the file to write."""

    def __init__(
        self,
        parent: QWidget | None = None,
        default_dir: str = "",
        case_name: str = "comparison",
        protected: tuple[str, ...] = (),
    ):
        super().__init__(parent)
        self.protected = protected  # the open case and the sources' files: never written over
        self.setWindowTitle("Export")
        self.format = QComboBox(self)
        for fmt, label in FORMATS:
            self.format.addItem(label, fmt)
        self.scope = QComboBox(self)
        for scope, label in SCOPES:
            self.scope.addItem(label, scope)
        self.full_texts = QCheckBox("Append each source's full text", self)
        self.path = QLineEdit(str(Path(default_dir or os.getcwd()) / f"{case_name}.html"), self)
        browse = QPushButton("Browse…", self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow("&Format:", self.format)
        form.addRow("&Scope:", self.scope)
        form.addRow("", self.full_texts)
        # A row holding a layout gets no buddy, so its "&" would show: give the label its field.
        self.file_label = QLabel("&File:", self)
        self.file_label.setBuddy(self.path)
        form.addRow(self.file_label, row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._scope_chosen = False  # once the user picks a scope, a format change keeps it
        self.scope.activated.connect(lambda _i: setattr(self, "_scope_chosen", True))
        self.format.currentIndexChanged.connect(self._fix_extension)
        self._fix_scope()
        self.setMinimumWidth(520)

    def chosen_format(self) -> str:
        """Return html, pdf, md, csv or json."""
        return self.format.currentData()

    def options(self) -> ExportOptions:
        """Return the scope and full-text choice."""
        return ExportOptions(scope=self.scope.currentData(), include_full_texts=self.full_texts.isChecked())

    def accept(self) -> None:
        """Close only for a file that may be written: refuse the case and inputs, ask before replacing."""
        path = self.path.text().strip()
        if not path:
            QMessageBox.warning(self, "Export", "Choose a file to export to.")
            return
        try:
            check_output(path, self.protected)
        except ExportFailed as exc:
            QMessageBox.warning(self, "Export", f"Cannot export there: {exc}.")
            return
        if os.path.exists(path):
            answer = QMessageBox.question(
                self,
                "Export",
                f"{Path(path).name} already exists. Replace it?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().accept()

    def _fix_extension(self) -> None:
        path = Path(self.path.text())
        self.path.setText(str(path.with_suffix("." + self.chosen_format())))
        self._fix_scope()

    def _fix_scope(self) -> None:
        if not self._scope_chosen:
            self.scope.setCurrentIndex(self.scope.findData(default_scope(self.chosen_format())))

    def _browse(self) -> None:
        fmt = self.chosen_format()
        # The file dialog's own overwrite prompt is skipped: accept() asks once, for every way in.
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Export to",
            self.path.text(),
            f"{fmt.upper()} (*.{fmt})",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.path.setText(path)


def run_export_dialog(window) -> None:
    """Ask for the export settings, then render and write in the background with progress."""
    ws = window.ws
    if ws.alignment is None:
        ws.message.emit("Nothing to export yet: the sources are still being aligned.")
        return
    if ws.divergences_pending:
        # A report of claims without their divergences would read as "no divergence found".
        ws.message.emit(f"Not exported: {ws.analysis_status()} A report needs them.")
        return
    case_name = Path(ws.case.path).stem if ws.case is not None else "comparison"
    default_dir = str(Path(ws.case.path).parent) if ws.case is not None else ""
    dialog = ExportDialog(window, default_dir, case_name, protected_paths(ws))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    start_export(window, dialog.chosen_format(), dialog.options(), dialog.path.text().strip())


def protected_paths(ws) -> tuple[str, ...]:
    """Return the files an export must never replace: the open case and the sources' own files."""
    paths = [ws.case.path] if ws.case is not None and ws.case.path else []
    paths += [s.path for s in ws.sources if getattr(s, "path", "")]
    return tuple(paths)


def start_export(window, fmt: str, options: ExportOptions, path: str) -> None:
    """Collect the case's data on the UI thread and write the export from a pool thread."""
    ws = window.ws
    visible = tuple(d.source.key for d in ws.alignment.documents)
    options = ExportOptions(options.scope, options.include_full_texts, visible)
    # The stored records: collect places them itself, so the set-aside ones are exported too.
    data = collect(ws.case, ws.alignment, options, verdicts=ws.stored_verdicts, annotations=ws.annotations)
    runner = getattr(window, "_export_runner", None)
    if runner is None:
        runner = window._export_runner = TaskRunner(window)
        runner.finished.connect(lambda _t, result: _finished(window, result))
        runner.failed.connect(lambda _t, exc: ws.message.emit(f"Could not export: {exc}"))
        runner.cancelled.connect(lambda _t: ws.message.emit("Export cancelled."))
        runner.busyChanged.connect(window._on_busy)
        runner.progress.connect(lambda _t, f: window.progress.setValue(int(f * 100)))
    ws.message.emit(f"Exporting {Path(path).name}…")
    runner.start(_write_text, data, fmt, path, protected_paths(ws))


def _finished(window, result: tuple[str, str, str, tuple]) -> None:
    window.ws.message.emit(f"Exported {result[0]}")
