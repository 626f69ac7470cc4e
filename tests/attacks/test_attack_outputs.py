"""Finding 1: an export or an alignment never replaces the case, an input, or a special file."""

import os
from pathlib import Path

import pytest

from attack_helpers import make_case, one_line, run_cli, snapshot, write_articles
from core.case.store import Case
from core.cli.align import align_main
from core.cli.export import export_main


def test_exporting_a_case_onto_itself_is_refused_and_the_case_still_opens(tmp_path, capsys):
    case = make_case(tmp_path / "my.parallax")
    before = snapshot(case)
    assert export_main([str(case), "--format", "json", "-o", str(case)]) == 2
    assert "is a Parallax case; an export never replaces a case" in one_line(capsys.readouterr().err)
    assert snapshot(case) == before
    with Case.open(case) as reopened:
        assert reopened.verdicts()["key-0"].verdict == "confirmed"


def test_exporting_over_another_case_file_is_refused(tmp_path, capsys):
    case = make_case(tmp_path / "my.parallax")
    other = make_case(tmp_path / "other.parallax")
    before = snapshot(other)
    assert export_main([str(case), "--format", "html", "-o", str(other)]) == 2
    assert "is a Parallax case" in one_line(capsys.readouterr().err)
    assert snapshot(other) == before


def test_exporting_over_the_case_journal_or_lock_is_refused(tmp_path, capsys):
    case = make_case(tmp_path / "my.parallax")
    assert export_main([str(case), "--format", "json", "-o", str(case) + "-wal"]) == 2
    assert "belongs to the case" in one_line(capsys.readouterr().err)
    assert not os.path.exists(str(case) + "-wal")


@pytest.mark.parametrize("command", ["export", "align"])
def test_writing_over_an_input_article_is_refused(tmp_path, command):
    articles = write_articles(tmp_path)
    before = snapshot(articles[0])
    extra = ["--format", "json"] if command == "export" else ["--json"]
    done = run_cli(command, *articles, *extra, "-o", articles[0])
    assert done.returncode == 2
    assert "is one of the inputs" in one_line(done.stderr)
    assert snapshot(articles[0]) == before


def test_an_input_reached_through_a_symlink_is_still_refused(tmp_path, capsys):
    articles = write_articles(tmp_path)
    link = tmp_path / "out.json"
    link.symlink_to(articles[1])
    before = snapshot(articles[1])
    assert align_main([*map(str, articles), "--json", "-o", str(link)]) == 2
    assert "is one of the inputs" in one_line(capsys.readouterr().err)
    assert snapshot(articles[1]) == before and link.is_symlink()


def test_align_refuses_to_write_over_a_case(tmp_path, capsys):
    articles = write_articles(tmp_path)
    case = make_case(tmp_path / "my.parallax")
    before = snapshot(case)
    assert align_main([*map(str, articles), "-o", str(case)]) == 2
    assert "is a Parallax case" in one_line(capsys.readouterr().err)
    assert snapshot(case) == before


@pytest.mark.parametrize("command", ["export", "align"])
def test_a_fifo_output_is_refused_at_once_and_stays_a_fifo(tmp_path, command):
    articles = write_articles(tmp_path)
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    extra = ["--format", "json"] if command == "export" else ["--json"]
    done = run_cli(command, *articles, *extra, "-o", fifo, timeout=60)
    assert done.returncode == 2
    assert "is a named pipe (FIFO), not a regular file" in one_line(done.stderr)
    assert Path(fifo).is_fifo()


def test_a_device_output_is_refused(tmp_path, capsys):
    articles = write_articles(tmp_path)
    assert align_main([*map(str, articles), "-o", os.devnull]) == 2
    assert "is a device, not a regular file" in one_line(capsys.readouterr().err)


def test_a_refused_export_writes_nothing_next_to_the_target(tmp_path, capsys):
    case = make_case(tmp_path / "my.parallax")
    export_main([str(case), "--format", "json", "-o", str(case)])
    assert sorted(os.listdir(tmp_path)) == ["my.parallax"]


@pytest.fixture
def dialog_answers(monkeypatch):
    """Record the export dialog's warnings and questions; answer questions from a list."""
    from PySide6.QtWidgets import QMessageBox

    seen = {"warnings": [], "questions": [], "answers": []}
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: seen["warnings"].append(text))

    def question(parent, title, text, *args):
        seen["questions"].append(text)
        return seen["answers"].pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    return seen


def _dialog(qtbot, case: Path, target: Path):
    from gui.dialogs.export_dialog import ExportDialog

    dialog = ExportDialog(None, str(case.parent), "my", protected=(str(case),))
    qtbot.addWidget(dialog)
    dialog.path.setText(str(target))
    return dialog


def test_the_export_dialog_refuses_the_open_case(tmp_path, qtbot, dialog_answers):
    case = make_case(tmp_path / "my.parallax")
    dialog = _dialog(qtbot, case, case)
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "is a Parallax case" in dialog_answers["warnings"][0]


def test_the_export_dialog_asks_before_replacing_a_file(tmp_path, qtbot, dialog_answers):
    from PySide6.QtWidgets import QMessageBox

    case = make_case(tmp_path / "my.parallax")
    existing = tmp_path / "report.html"
    existing.write_text("yesterday's report", encoding="utf-8")
    dialog = _dialog(qtbot, case, existing)
    dialog_answers["answers"] += [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog_answers["questions"] == ["report.html already exists. Replace it?"]
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_ctrl_e_onto_the_open_case_is_refused_and_the_case_survives(tmp_path, qtbot, samples_dir, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox
    from gui_keyboard import CTRL, NONE, answer_dialog, open_window, press, sample_paths
    from gui_keyboard import make_case as make_window_case

    case = make_window_case(tmp_path / "w.parallax", sample_paths(samples_dir)[:2])
    window = open_window(qtbot, case)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))
    # Offscreen the dialog never becomes active, so mnemonics do not fire: Tab to the file field.
    to_file = [(Qt.Key.Key_Tab, NONE)] * 4 + [(Qt.Key.Key_A, CTRL), str(case)]
    seen = answer_dialog(qtbot, to_file + [(Qt.Key.Key_Return, NONE), (Qt.Key.Key_Escape, NONE)])
    press(qtbot, window, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen[0][0] == "ExportDialog"
    assert len(warnings) == 1 and "is a Parallax case; an export never replaces a case" in warnings[0]
    window.close()
    with Case.open(case) as reopened:  # still a case, still opens
        assert len(reopened.sources()) == 2
