"""The view commands of the main window: which views and panes show, zoom, tint, palette, help."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QInputDialog

from gui.dialogs.command_palette import CommandPalette
from gui.dialogs.help_overlay import HelpOverlay
from gui.panels.variant_diff import near_verbatim_share
from gui.state.actions import ACTIONS


class ViewCommands:
    """Run the View and Help actions; the window is the context (its stack, docks and pane area)."""

    def __init__(self, window):
        self.window = window
        self.ws = window.ws
        self._palette = None
        self._help = None

    def find_in_sources(self) -> None:
        """Open the find bar over every pane."""
        win = self.window
        if win.stack.currentWidget() is not win.reading:
            win.stack.setCurrentWidget(win.reading)
        win.find_bar.open_bar()

    def show_palette(self) -> None:
        """Open the command palette."""
        palette = CommandPalette(ACTIONS, lambda spec: self.window.actions_by_id[spec.id].trigger(), self.window)
        palette.finished.connect(palette.deleteLater)
        palette.popup()
        self._palette = palette

    def show_help(self) -> None:
        """Show every action and its shortcut over the window (Esc, F1 or ? closes)."""
        if self._help is None:
            self._help = HelpOverlay(ACTIONS, self.window)
        self._help.toggle()

    @property
    def help_overlay(self):
        """Return the help overlay once shown (None before)."""
        return self._help

    def _switch_to(self, view) -> bool:
        """Show a view in place of the reading view, or the reading view again; return True when shown."""
        win = self.window
        showing = win.stack.currentWidget() is view
        win.stack.setCurrentWidget(win.reading if showing else view)
        if showing:  # back on the panes: scroll them to the current item once they have a size
            QTimer.singleShot(0, win.pane_area.show_current)
        return not showing

    def toggle_claims_table(self) -> None:
        """Switch between the reading view (claim view and panes) and the claims table."""
        self._switch_to(self.window.claims_table)

    def toggle_facts_view(self) -> None:
        """Switch between the reading view and the fact sheet."""
        if self._switch_to(self.window.facts_view):
            self.window.facts_view.table.setFocus()

    def show_fact_cell(self, passage_id: str, source_key: str, start: int, end: int) -> None:
        """Show the panes on a fact cell's passage with its words selected."""
        win = self.window
        win.stack.setCurrentWidget(win.reading)
        pane = win.pane_area.pane(source_key)

        def reveal() -> None:
            win.pane_area.show_current()
            if pane is not None:
                cursor = pane.view.textCursor()
                cursor.setPosition(start)
                cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
                pane.view.setTextCursor(cursor)
                pane.view.ensureCursorVisible()

        QTimer.singleShot(0, reveal)

    def toggle_claim_view(self) -> None:
        """Show or hide the claim view above the panes."""
        win = self.window
        if win.stack.currentWidget() is not win.reading:
            win.stack.setCurrentWidget(win.reading)
            win.claim_view.show()
        else:
            win.claim_view.setVisible(not win.claim_view.isVisibleTo(win.reading))
        if win.claim_view.isVisibleTo(win.reading):
            win.claim_view.setFocus()
        else:
            win.focus_reading()
        QTimer.singleShot(0, win.pane_area.show_current)

    def toggle_word_diff(self) -> None:
        """Show or hide the word diff of near-verbatim variants in the claim view."""
        win = self.window
        if not win.claim_view.isVisibleTo(win.reading):
            self.toggle_claim_view()
        win.claim_view.set_word_diff(not win.claim_view.word_diff)
        win.card_fit.fit_soon()  # the diffs take lines of their own
        self.ws.message.emit(self._word_diff_message() if win.claim_view.word_diff else "Word diff hidden.")

    def _word_diff_message(self) -> str:
        """Say how many variants of the current claim the word diff covers: none is worth saying."""
        claim, al = self.ws.current_claim(), self.ws.alignment
        if claim is None or al is None:
            return "Word diff on: it shows under variants nearly the same as the claim's reference."
        near, others = near_verbatim_share(al, claim, self.ws.pivots.get(claim.key, claim.pivot))
        if others == 0:
            return "Word diff on; this claim has one source, nothing to compare."
        if near == 0:
            which = "the other variant is a paraphrase" if others == 1 else f"all {others} are paraphrases"
            return (
                f"Word diff on; no variant of this claim is near-verbatim ({which}, named as such): "
                "the marked facts are what differs."
            )
        verb = "is near-verbatim and shows its" if near == 1 else "are near-verbatim and show their"
        return f"Word diff on: {near} of {others} variants {verb} changed words."

    def toggle_focus_claim(self) -> None:
        """Show only the current claim's sources in the panes, or every source again."""
        area = self.window.pane_area
        if area.focus_mode == "claim":
            area.set_focus("all")
            self.ws.message.emit("Panes: every source.")
        else:
            area.set_focus("claim")
            self.ws.message.emit("Panes: only the current claim's sources (Ctrl+Shift+C shows all again).")

    def choose_pair(self) -> None:
        """Show two chosen sources side by side, or every source again."""
        area = self.window.pane_area
        if area.focus_mode == "pair":
            area.set_focus("all")
            self.ws.message.emit("Panes: every source.")
            return
        sources = self.ws.visible_sources()
        if len(sources) < 2:
            self.ws.message.emit("A pair needs two visible sources.")
            return
        labels = [f"{i + 1}. {s.label}" for i, s in enumerate(sources)]
        first, ok = QInputDialog.getItem(self.window, "Compare two sources", "First source:", labels, 0, False)
        if ok:
            rest = [label for label in labels if label != first]
            second, ok = QInputDialog.getItem(self.window, "Compare two sources", "Second source:", rest, 0, False)
        self.window.focus_reading()
        if ok:
            keys = [sources[labels.index(first)].key, sources[labels.index(second)].key]
            area.set_focus("pair", keys)
            self.ws.message.emit("Panes: the chosen pair (Ctrl+Shift+P shows all again).")

    def toggle_tint_all(self) -> None:
        """Tint every claim's passages, or only the current claim's."""
        area = self.window.pane_area
        area.set_tint_all(not area.tint_all)

    def toggle_sources_panel(self) -> None:
        """Show or hide the source list and triage queue."""
        self.window.toggle_dock(self.window.left_dock)

    def toggle_inspector(self) -> None:
        """Show or hide the inspector."""
        self.window.toggle_dock(self.window.inspector_dock)

    def toggle_annotations(self) -> None:
        """Show or hide the annotations sidebar."""
        self.window.toggle_dock(self.window.annotations_dock)

    def toggle_set_aside(self) -> None:
        """Show the set-aside list with the keyboard in it, or hide it."""
        win = self.window
        win.toggle_dock(win.set_aside_dock)
        if win.set_aside_dock.isVisible():
            # A strip under the panes: the texts stay readable while the list is open.
            win.resizeDocks([win.set_aside_dock], [max(160, win.height() // 4)], Qt.Orientation.Vertical)
            win.set_aside_panel.list.setFocus()
        else:
            win.focus_reading()

    def zoom_in(self) -> None:
        """Enlarge the text of every pane and of the claim view."""
        self.window.pane_area.zoom(1)
        self.window.claim_view.zoom(1)
        self.window.card_fit.fit_soon()

    def zoom_out(self) -> None:
        """Shrink the text of every pane and of the claim view."""
        self.window.pane_area.zoom(-1)
        self.window.claim_view.zoom(-1)
        self.window.card_fit.fit_soon()
