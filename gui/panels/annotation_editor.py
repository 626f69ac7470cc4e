"""The annotation dialog: label, status and note for a quoted target; Ctrl+Enter saves, Esc cancels."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout

from core.case.anchoring import make_selector
from core.case.records import ANNOTATION_LABELS, ANNOTATION_STATUSES, NEUTRAL_LABEL, Annotation
from gui.dialogs.dialog_keys import SaveKeyFilter

SAVE_KEYS = ("Ctrl+Return", "Ctrl+Enter")


def draft_for_context(workspace, source_key: str | None, selection) -> tuple[Annotation, str] | None:
    """Return the new annotation's target and quoted text: the selection, else the current claim."""
    source = workspace.source(source_key) if source_key else None
    if source is not None and selection and selection[1] > selection[0]:
        start, end = selection
        return (
            Annotation("", "span", source_key=source.key, selector=make_selector(source.text, start, end)),
            source.text[start:end],
        )
    claim = workspace.current_claim()
    al = workspace.alignment
    if claim is not None and al is not None:
        pivot = workspace.pivots.get(claim.key, claim.pivot)
        return Annotation("", "claim", claim_key=claim.key), al.passage(pivot).text
    pid = workspace.current_passage_id
    if pid and al is not None:
        source, p = al.document_of(pid).source, al.passage(pid)
        return (
            Annotation("", "passage", source_key=source.key, selector=make_selector(source.text, p.start, p.end)),
            p.text,
        )
    return None


def label_choices(case_labels: Iterable[str]) -> list[str]:
    """Return the standard labels followed by the case's own, without repeats or blanks."""
    out: list[str] = []
    for label in (*ANNOTATION_LABELS, *case_labels):
        label = (label or "").strip()
        if label and label.casefold() not in {x.casefold() for x in out}:
            out.append(label)
    return out


def quoted_target(annotation: Annotation | None) -> str:
    """Return the annotated text with a little context, as the dialog quotes it."""
    sel = annotation.selector if annotation is not None else None
    if sel is None:
        return ""
    return f"…{sel.prefix}“{sel.exact}”{sel.suffix}…"


class AnnotationEditor(QDialog):
    """Ask for an annotation's label, status and note; read them back after exec()."""

    def __init__(
        self, parent=None, labels: Iterable[str] = (), annotation: Annotation | None = None, target_text: str = ""
    ):
        super().__init__(parent)
        self.annotation = annotation
        self.setWindowTitle("Edit annotation" if annotation is not None and annotation.id else "Annotate")
        self.setMinimumWidth(440)
        self.label_combo = QComboBox(self)
        self.label_combo.setEditable(True)
        self.label_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.label_combo.addItems(label_choices(labels))
        self.label_combo.setCurrentText(NEUTRAL_LABEL)
        self.status_combo = QComboBox(self)
        self.status_combo.addItems(list(ANNOTATION_STATUSES))
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setPlaceholderText("What did you find? (Ctrl+Enter saves)")
        self.note_edit.setTabChangesFocus(True)  # Tab / Shift+Tab reach the label and status by keyboard
        self.target = QPlainTextEdit(self)
        self.target.setReadOnly(True)
        self.target.setPlainText(target_text or quoted_target(annotation))
        self.target.setMaximumHeight(80)
        self.target.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Save).setToolTip("Save (Ctrl+Enter)")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip("Cancel (Esc)")
        form = QFormLayout()
        form.addRow("Annotated text:", self.target)
        form.addRow("&Label:", self.label_combo)
        form.addRow("&Status:", self.status_combo)
        form.addRow("&Note:", self.note_edit)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(QLabel("<small>Ctrl+Enter saves · Esc cancels</small>", self))
        column.addWidget(buttons)
        for keys in SAVE_KEYS:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.accept)
        # The note editor would take Ctrl+Enter as a line break; it saves instead.
        # ... and so would the label's line edit (as "choose this entry"): Ctrl+Enter saves in every field.
        fields = (self.note_edit, self.label_combo.lineEdit(), self.label_combo, self.status_combo)
        SaveKeyFilter(self, fields).saveRequested.connect(self.accept)
        if annotation is not None and annotation.id:
            if self.label_combo.findText(annotation.label) < 0 and annotation.label:
                self.label_combo.addItem(annotation.label)
            self.label_combo.setCurrentText(annotation.label or NEUTRAL_LABEL)
            self.status_combo.setCurrentText(annotation.status or "open")
            self.note_edit.setPlainText(annotation.note)
        self.note_edit.setFocus()

    def showEvent(self, event) -> None:
        # The note is what the checker types first; the label and status are a Shift+Tab away.
        super().showEvent(event)
        self.note_edit.setFocus()

    def label(self) -> str:
        """Return the label chosen or typed."""
        return self.label_combo.currentText().strip()

    def status(self) -> str:
        """Return "open" or "resolved"."""
        return self.status_combo.currentText()

    def note(self) -> str:
        """Return the note as typed (surrounding blank space removed)."""
        return self.note_edit.toPlainText().strip()

    def values(self) -> tuple[str, str, str]:
        """Return (label, status, note)."""
        return self.label(), self.status(), self.note()

    def updated(self, base: Annotation) -> Annotation:
        """Return base with the dialog's label, status and note."""
        return replace(base, label=self.label(), status=self.status(), note=self.note())

    @classmethod
    def for_context(cls, workspace, parent=None, source_key: str | None = None, selection=None):
        """Return a dialog that adds an annotation on the selection or current claim when saved.

        Returns None (and tells the user why) when there is nothing to annotate.
        """
        found = draft_for_context(workspace, source_key, selection)
        if found is None:
            workspace.message.emit("Select some text or a claim to annotate.")
            return None
        draft, quote = found
        labels = [a.label for a in workspace.annotations if a.label]
        dialog = cls(parent, labels, draft, quote)
        dialog.accepted.connect(lambda: workspace.add_annotation(dialog.updated(draft)))
        return dialog

    @classmethod
    def ask(
        cls, parent, labels: Iterable[str] = (), annotation: Annotation | None = None, target_text: str = ""
    ) -> tuple[str, str, str] | None:
        """Show the dialog; return (label, status, note), or None when cancelled."""
        dialog = cls(parent, labels, annotation, target_text)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
