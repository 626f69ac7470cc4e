"""The export dialog and PDF export: labels with their Alt keys, divergent claims by default for PDF,
every claim on request, page progress, cancel."""

import re

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QLabel  # noqa: E402

from core.errors import Cancelled  # noqa: E402
from core.export.data import ExportOptions  # noqa: E402
from fixtures.export.sample import build_data  # noqa: E402
from core.export.data import collect  # noqa: E402
from gui.dialogs.export_dialog import ExportDialog, _write_text  # noqa: E402
from gui_doubles import fake_analyze, story_sources  # noqa: E402


def _pages(path) -> int:
    return len(re.findall(rb"/MediaBox", path.read_bytes()))


def test_every_label_with_an_alt_key_has_the_field_it_jumps_to(qtbot):
    dialog = ExportDialog(None, "", "inquiry")
    qtbot.addWidget(dialog)
    labels = [label for label in dialog.findChildren(QLabel) if "&" in label.text()]
    assert {label.text() for label in labels} >= {"&Format:", "&Scope:", "&File:"}
    for label in labels:
        assert label.buddy() is not None, label.text()
    assert dialog.file_label.buddy() is dialog.path


@pytest.fixture
def dialog(qtbot, tmp_path):
    widget = ExportDialog(None, str(tmp_path), "harbour")
    qtbot.addWidget(widget)
    return widget


def test_pdf_export_defaults_to_divergent_claims(dialog):
    assert dialog.options().scope == "all"  # HTML: the whole comparison
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    assert dialog.options().scope == "divergent"
    assert dialog.path.text().endswith("harbour.pdf")


def test_choosing_every_claim_is_kept_when_the_format_changes(dialog):
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    dialog.scope.setCurrentIndex(dialog.scope.findData("all"))
    dialog.scope.activated.emit(dialog.scope.currentIndex())  # as a user's pick does
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    assert dialog.options().scope == "all"


def test_the_every_claim_option_prints_the_claims_the_default_leaves_out(qapp, tmp_path):
    alignment = fake_analyze(story_sources())  # "Crowds cheered at the river." is a claim without divergence
    printed = {}
    for scope in ("divergent", "all"):
        out = tmp_path / f"{scope}.pdf"
        _path, _fmt, html, _protected = _write_text(
            collect(None, alignment, ExportOptions(scope=scope)), "pdf", str(out)
        )
        assert out.read_bytes().startswith(b"%PDF-")
        printed[scope] = (html, _pages(out))
    assert "Crowds cheered" not in printed["divergent"][0]
    assert "Crowds cheered" in printed["all"][0]
    assert printed["all"][1] >= printed["divergent"][1] >= 1


def test_pdf_export_reports_progress_up_to_the_last_page(qapp, tmp_path):
    seen = []
    _write_text(
        build_data(options=ExportOptions(include_full_texts=True)), "pdf", str(tmp_path / "r.pdf"), progress=seen.append
    )
    assert seen == sorted(seen) and seen[-1] == pytest.approx(1.0)
    assert len(seen) >= 3  # layout, then one step per page


def test_a_cancelled_pdf_export_leaves_no_file(qapp, tmp_path):
    out = tmp_path / "r.pdf"
    with pytest.raises(Cancelled):
        _write_text(build_data(), "pdf", str(out), should_cancel=lambda: True)
    assert list(tmp_path.iterdir()) == []


def test_the_window_prints_a_pdf_off_the_ui_thread_and_says_when_it_is_done(qtbot, tmp_path):
    from gui.app.main_window import MainWindow
    from gui.dialogs.export_dialog import start_export
    from gui.state.workspace import Workspace

    ws = Workspace(analyze=fake_analyze, debounce_ms=0)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        ws.add_sources(story_sources())
    out = tmp_path / "report.pdf"
    with qtbot.waitSignal(ws.message, timeout=20000, check_params_cb=lambda text: text.startswith("Exported")):
        start_export(window, "pdf", ExportOptions(scope="divergent"), str(out))
    assert out.read_bytes().startswith(b"%PDF-") and _pages(out) >= 1
    window.close()


def test_a_pdf_printed_off_the_ui_thread_never_replaces_an_input(qapp, tmp_path):
    from core.cli.export import ExportFailed

    article = tmp_path / "article.pdf"  # an input that happens to be a PDF
    article.write_bytes(b"%PDF-1.4 the reporter's own file")
    with pytest.raises(ExportFailed):
        _write_text(build_data(), "pdf", str(article), protected=(str(article),))
    assert article.read_bytes() == b"%PDF-1.4 the reporter's own file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.pdf"]
