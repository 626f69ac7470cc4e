"""The one registry of user actions: menus, the command palette and the help screen all read it."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ActionSpec:
    """A user action declared once: id, menu text, shortcuts, handler method name, help text."""
    id: str
    text: str
    shortcuts: tuple[str, ...]
    handler: str          # name of a method on the main window
    help: str
    menu: str             # "File", "Edit", "Navigate", "Triage", "Alignment", "View", "Help"


def _a(id, text, shortcuts, handler, help, menu):
    return ActionSpec(id, text, tuple(shortcuts), handler, help, menu)


ACTIONS: tuple[ActionSpec, ...] = (
    # File
    _a("file.open", "Add sources…", ["Ctrl+O"], "add_sources_dialog",
       "Add .txt, .md or .html articles to the case.", "File"),
    _a("file.paste", "Paste as new source", ["Ctrl+Shift+V"], "paste_source",
       "Add the clipboard's text as a new source.", "File"),
    _a("file.new_case", "New case…", ["Ctrl+N"], "new_case_dialog",
       "Create an empty case file.", "File"),
    _a("file.open_case", "Open case…", ["Ctrl+Shift+O"], "open_case_dialog",
       "Open a .parallax case file.", "File"),
    _a("file.export", "Export…", ["Ctrl+E"], "export_dialog",
       "Export the comparison as HTML, PDF, Markdown, CSV or JSON.", "File"),
    _a("file.remove_source", "Remove current source", ["Ctrl+Shift+Del"], "remove_current_source",
       "Remove the selected source from the case (its verdicts stay in the case).", "File"),
    _a("file.quit", "Quit", ["Ctrl+Q"], "close",
       "Close the window; everything is already saved.", "File"),
    # Edit
    _a("edit.undo", "Undo", ["Ctrl+Z"], "undo",
       "Undo the last verdict, note, annotation or alignment edit.", "Edit"),
    _a("edit.redo", "Redo", ["Ctrl+Shift+Z", "Ctrl+Y"], "redo",
       "Redo what was undone.", "Edit"),
    _a("edit.find", "Find in all sources", ["/", "Ctrl+F"], "find_in_sources",
       "Search every source for a word or phrase.", "Edit"),
    _a("edit.annotate", "Annotate", ["A"], "annotate",
       "Annotate the selected text, or the current claim when nothing is selected.", "Edit"),
    _a("edit.note", "Edit note", ["E"], "edit_note",
       "Edit the note of the current divergence.", "Edit"),
    # Navigate
    _a("nav.next_divergence", "Next divergence", ["J"], "next_divergence",
       "Go to the next divergence in the triage queue.", "Navigate"),
    _a("nav.prev_divergence", "Previous divergence", ["K"], "previous_divergence",
       "Go to the previous divergence in the triage queue.", "Navigate"),
    _a("nav.next_claim", "Next claim", ["N"], "next_claim",
       "Go to the next claim.", "Navigate"),
    _a("nav.prev_claim", "Previous claim", ["P"], "previous_claim",
       "Go to the previous claim.", "Navigate"),
    _a("nav.next_unique", "Next unique passage", ["U"], "next_unique",
       "Go to the next passage that only one source has.", "Navigate"),
    # Triage
    _a("triage.confirmed", "Verdict: discrepancy confirmed", ["1"], "verdict_confirmed",
       "Mark the current divergence as a confirmed discrepancy.", "Triage"),
    _a("triage.not_significant", "Verdict: not significant", ["2"], "verdict_not_significant",
       "Mark the current divergence as not significant.", "Triage"),
    _a("triage.follow_up", "Verdict: needs follow-up", ["3"], "verdict_follow_up",
       "Mark the current divergence as needing follow-up.", "Triage"),
    _a("triage.source_error", "Verdict: error in a source", ["4"], "verdict_source_error",
       "Mark the current divergence as an error in a named source.", "Triage"),
    _a("triage.clear", "Clear verdict", ["0"], "clear_verdict",
       "Remove the verdict of the current divergence.", "Triage"),
    _a("triage.apply_to_type", "Apply verdict to all of this type…", ["Ctrl+Shift+A"],
       "apply_verdict_to_type", "Give every divergence of the current type the same verdict.",
       "Triage"),
    # Alignment
    _a("align.link", "Link passages", ["Ctrl+L"], "link_passages",
       "Put the passages selected in two panes into the same claim.", "Alignment"),
    _a("align.unlink", "Unlink passage", ["Ctrl+Shift+L"], "unlink_passage",
       "Take the selected passage out of its claim.", "Alignment"),
    _a("align.split", "Split passage at cursor", ["Ctrl+Shift+S"], "split_passage",
       "Cut the passage in two at the text cursor.", "Alignment"),
    _a("align.merge", "Merge with next passage", ["Ctrl+M"], "merge_passages",
       "Join the selected passage and the next one of the same source.", "Alignment"),
    _a("align.realign", "Re-run alignment", ["F5"], "realign",
       "Align the sources again (manual edits are kept).", "Alignment"),
    _a("align.cancel", "Cancel running work", ["Ctrl+."], "cancel_work",
       "Stop the alignment or export that is running.", "Alignment"),
    # View
    _a("view.palette", "Command palette", ["Ctrl+K"], "show_palette",
       "Search every action by name and run it.", "View"),
    _a("view.claims_table", "Claims table", ["Ctrl+T"], "toggle_claims_table",
       "Switch between the side-by-side panes and the claims table.", "View"),
    _a("view.facts", "Facts view", ["Ctrl+Shift+F"], "toggle_facts_view",
       "Switch between the panes and the fact sheet: what each source says about each person, number "
       "and event, divergent rows first.", "View"),
    _a("view.inspector", "Inspector", ["Ctrl+I"], "toggle_inspector",
       "Show or hide the inspector of the current claim.", "View"),
    _a("view.annotations", "Annotations sidebar", ["Ctrl+Shift+N"], "toggle_annotations",
       "Show or hide the list of annotations.", "View"),
    _a("view.zoom_in", "Zoom in", ["Ctrl++", "Ctrl+="], "zoom_in", "Enlarge the text.", "View"),
    _a("view.zoom_out", "Zoom out", ["Ctrl+-"], "zoom_out", "Shrink the text.", "View"),
    _a("view.toggle_source", "Hide or show current source", ["Ctrl+H"], "toggle_current_source",
       "Hide the current source's pane, or show it again.", "View"),
    # Help
    _a("help.shortcuts", "Keyboard shortcuts", ["F1", "?"], "show_help",
       "List every action and its shortcut.", "Help"),
)

MENUS = ("File", "Edit", "Navigate", "Triage", "Alignment", "View", "Help")


def action_by_id(action_id: str) -> ActionSpec:
    """Return the action declared with this id."""
    for spec in ACTIONS:
        if spec.id == action_id:
            return spec
    raise KeyError(action_id)
