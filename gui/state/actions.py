"""The one registry of user actions: menus, the command palette and the help screen all read it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ActionSpec:
    """A user action declared once: id, menu text, shortcuts, handler method name, help text."""

    id: str
    text: str
    shortcuts: tuple[str, ...]
    handler: str  # "group.method": a method of one of the main window's command objects
    help: str
    menu: str  # "File", "Edit", "Navigate", "Triage", "Alignment", "View", "Help"


def _a(id, text, shortcuts, handler, help, menu):
    return ActionSpec(id, text, tuple(shortcuts), handler, help, menu)


ACTIONS: tuple[ActionSpec, ...] = (
    # File
    _a(
        "file.open",
        "Add sources…",
        ["Ctrl+O"],
        "files.add_sources_dialog",
        "Add .txt, .md or .html articles to the case.",
        "File",
    ),
    _a(
        "file.paste",
        "Paste as new source",
        ["Ctrl+Shift+V"],
        "files.paste_source",
        "Add the clipboard's text as a new source.",
        "File",
    ),
    _a(
        "file.add_url",
        "Add from URL…",
        ["Ctrl+U"],
        "files.add_url_dialog",
        "Download an article from a web address and add it as a source.",
        "File",
    ),
    _a(
        "file.source_details",
        "Edit source details…",
        ["F2"],
        "files.edit_source_details",
        "Set the outlet, title, date, author and URL of the selected source.",
        "File",
    ),
    _a(
        "file.open_original",
        "Open original",
        ["Ctrl+Shift+Return"],
        "files.open_original",
        "Open the selected source's web page or file in the system's viewer.",
        "File",
    ),
    _a("file.new_case", "New case…", ["Ctrl+N"], "files.new_case_dialog", "Create an empty case file.", "File"),
    _a(
        "file.open_case",
        "Open case…",
        ["Ctrl+Shift+O"],
        "files.open_case_dialog",
        "Open a .parallax case file.",
        "File",
    ),
    _a(
        "file.export",
        "Export…",
        ["Ctrl+E"],
        "files.export_dialog",
        "Export the comparison as HTML, PDF, Markdown, CSV or JSON.",
        "File",
    ),
    _a(
        "file.remove_source",
        "Remove current source",
        ["Ctrl+Shift+Del"],
        "files.remove_current_source",
        "Remove the selected source from the case (its verdicts stay in the case).",
        "File",
    ),
    _a("file.quit", "Quit", ["Ctrl+Q"], "window.close", "Close the window; everything is already saved.", "File"),
    # Edit
    _a(
        "edit.undo",
        "Undo",
        ["Ctrl+Z"],
        "edits.undo",
        "Undo the last verdict, note, annotation or alignment edit.",
        "Edit",
    ),
    _a("edit.redo", "Redo", ["Ctrl+Shift+Z", "Ctrl+Y"], "edits.redo", "Redo what was undone.", "Edit"),
    _a(
        "edit.find",
        "Find in all sources",
        ["/", "Ctrl+F"],
        "views.find_in_sources",
        "Search every source for a word or phrase.",
        "Edit",
    ),
    _a(
        "edit.annotate",
        "Annotate",
        ["A"],
        "judgements.annotate",
        "Annotate the selected text, or the current claim when nothing is selected.",
        "Edit",
    ),
    _a("edit.note", "Edit note", ["E"], "judgements.edit_note", "Edit the note of the current divergence.", "Edit"),
    # Navigate
    _a(
        "nav.next_divergence",
        "Next divergence",
        ["J"],
        "triage.next_divergence",
        "Go to the next item of the triage queue: a divergence, a contradiction or a fact row "
        "(with nothing selected, the first one without a verdict).",
        "Navigate",
    ),
    _a(
        "nav.prev_divergence",
        "Previous divergence",
        ["K"],
        "triage.previous_divergence",
        "Go to the previous item of the triage queue.",
        "Navigate",
    ),
    _a("nav.next_claim", "Next claim", ["N"], "triage.next_claim", "Go to the next claim.", "Navigate"),
    _a("nav.prev_claim", "Previous claim", ["P"], "triage.previous_claim", "Go to the previous claim.", "Navigate"),
    _a(
        "nav.next_unique",
        "Next unique passage",
        ["U"],
        "triage.next_unique",
        "Go to the next passage that only one source has.",
        "Navigate",
    ),
    # Triage
    *(
        _a(
            f"triage.{verdict}",
            f"Verdict: {title}",
            [key],
            f"triage.verdict_{verdict}",
            f"Mark the current item {how}, then move on to the next untriaged item (unless auto-advance is off).",
            "Triage",
        )
        for verdict, title, key, how in (
            ("confirmed", "discrepancy confirmed", "1", "as a confirmed discrepancy"),
            ("not_significant", "not significant", "2", "as not significant"),
            ("follow_up", "needs follow-up", "3", "as needing follow-up"),
            ("source_error", "error in a source", "4", "as an error in a named source"),
        )
    ),
    _a(
        "triage.auto_advance",
        "Move on after a verdict (auto-advance)",
        ["Ctrl+Shift+J"],
        "triage.toggle_auto_advance",
        "Turn on or off moving to the next untriaged item after 1-4; "
        "the status bar says where it moved. Saved with the case.",
        "Triage",
    ),
    _a(
        "triage.clear",
        "Clear verdict",
        ["0"],
        "triage.clear_verdict",
        "Remove the verdict of the current divergence.",
        "Triage",
    ),
    _a(
        "triage.apply_to_type",
        "Apply verdict to all of this type…",
        ["Ctrl+Shift+A"],
        "judgements.apply_verdict_to_type",
        "Give every item of the current type a verdict: says first how many "
        "are untriaged and how many already have a verdict, which are kept unless you choose otherwise.",
        "Triage",
    ),
    # Alignment
    _a(
        "align.link",
        "Link passages",
        ["Ctrl+L"],
        "edits.link_passages",
        "Put the passages selected in two panes into the same claim.",
        "Alignment",
    ),
    _a(
        "align.unlink",
        "Unlink passage",
        ["Ctrl+Shift+L"],
        "edits.unlink_passage",
        "Take the selected passage out of its claim.",
        "Alignment",
    ),
    _a(
        "align.split",
        "Split passage at cursor",
        ["Ctrl+Shift+S"],
        "edits.split_passage",
        "Cut the passage in two at the text cursor.",
        "Alignment",
    ),
    _a(
        "align.merge",
        "Merge with next passage",
        ["Ctrl+M"],
        "edits.merge_passages",
        "Join the selected passage and the next one of the same source.",
        "Alignment",
    ),
    _a(
        "align.realign",
        "Re-run alignment",
        ["F5"],
        "edits.realign",
        "Align the sources again (manual edits are kept).",
        "Alignment",
    ),
    _a(
        "align.cancel",
        "Cancel running work",
        ["Ctrl+."],
        "edits.cancel_work",
        "Stop the alignment or export that is running.",
        "Alignment",
    ),
    # View
    _a(
        "view.palette",
        "Command palette",
        ["Ctrl+K"],
        "views.show_palette",
        "Search every action by name and run it.",
        "View",
    ),
    _a(
        "view.claim_view",
        "Claim view",
        ["Ctrl+1"],
        "views.toggle_claim_view",
        "Show or hide the current claim's variants stacked above the panes.",
        "View",
    ),
    _a(
        "view.word_diff",
        "Word diff of near-verbatim pairs",
        ["W"],
        "views.toggle_word_diff",
        "Show the word-by-word changes of variants that are nearly the same sentence.",
        "View",
    ),
    _a(
        "view.focus_claim",
        "Panes: only the current claim's sources",
        ["Ctrl+Shift+C"],
        "views.toggle_focus_claim",
        "Show only the panes of the sources in the current claim, or all again.",
        "View",
    ),
    _a(
        "view.focus_pair",
        "Panes: compare two sources…",
        ["Ctrl+Shift+P"],
        "views.choose_pair",
        "Show only two chosen sources side by side, or all again.",
        "View",
    ),
    _a(
        "view.tint_all",
        "Tint all claims",
        ["Ctrl+Shift+T"],
        "views.toggle_tint_all",
        "Colour every claim's passages, not only the current claim's.",
        "View",
    ),
    _a(
        "view.sources_panel",
        "Sources panel",
        ["Ctrl+B"],
        "views.toggle_sources_panel",
        "Show or hide the source list and triage queue.",
        "View",
    ),
    _a(
        "view.claims_table",
        "Claims table",
        ["Ctrl+T"],
        "views.toggle_claims_table",
        "Switch between the side-by-side panes and the claims table.",
        "View",
    ),
    _a(
        "view.facts",
        "Facts view",
        ["Ctrl+Shift+F"],
        "views.toggle_facts_view",
        "Switch between the panes and the fact sheet: what each source says about each person, number "
        "and event, divergent rows first.",
        "View",
    ),
    _a(
        "view.inspector",
        "Inspector",
        ["Ctrl+I"],
        "views.toggle_inspector",
        "Show or hide the inspector of the current claim.",
        "View",
    ),
    _a(
        "view.annotations",
        "Annotations sidebar",
        ["Ctrl+Shift+N"],
        "views.toggle_annotations",
        "Show or hide the list of annotations.",
        "View",
    ),
    _a("view.zoom_in", "Zoom in", ["Ctrl++", "Ctrl+="], "views.zoom_in", "Enlarge the text.", "View"),
    _a("view.zoom_out", "Zoom out", ["Ctrl+-"], "views.zoom_out", "Shrink the text.", "View"),
    _a(
        "view.set_aside",
        "Set aside",
        ["Ctrl+Shift+B"],
        "views.toggle_set_aside",
        "List the verdicts, notes and annotations the current alignment cannot place; re-attach "
        "(Enter) or dismiss (Delete) each.",
        "View",
    ),
    _a(
        "view.toggle_source",
        "Hide or show current source",
        ["Ctrl+H"],
        "files.toggle_current_source",
        "Hide the current source's pane, or show it again; the alignment is not re-run (F5 or "
        "Ctrl+Shift+H re-runs it without the hidden sources). Nothing is lost either way.",
        "View",
    ),
    _a(
        "view.hide_and_realign",
        "Hide current source and re-align",
        ["Ctrl+Shift+H"],
        "files.hide_current_source_and_realign",
        "Hide the current source and align the others again; "
        "verdicts that need it are set aside, and come back when it is shown again.",
        "View",
    ),
    # Help
    _a(
        "help.shortcuts",
        "Keyboard shortcuts",
        ["F1", "?"],
        "views.show_help",
        "List every action and its shortcut.",
        "Help",
    ),
)

MENUS = ("File", "Edit", "Navigate", "Triage", "Alignment", "View", "Help")


def action_by_id(action_id: str) -> ActionSpec:
    """Return the action declared with this id."""
    for spec in ACTIONS:
        if spec.id == action_id:
            return spec
    raise KeyError(action_id)
