"""`parallax export`: arguments, formats, atomic writes and one-line errors."""

import importlib
import csv
import errno
import io
import json
import os

import pytest

from core.cli import export as command
from core.cli.export import export_main
from fixtures.export.sample import build_data


@pytest.fixture
def canned(monkeypatch):
    """Replace the alignment of plain files by the hand-made export data."""
    monkeypatch.setattr(command, "_from_files", lambda paths, options: build_data(options=options))


@pytest.mark.parametrize(
    "fmt, start",
    [("html", "<!DOCTYPE html>"), ("md", "# Parallax comparison"), ("csv", "row_type,claim_id"), ("json", "{")],
)
def test_every_text_format_is_written_from_the_extension(canned, tmp_path, fmt, start):
    out = tmp_path / f"report.{fmt}"
    assert export_main(["a.txt", "b.txt", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith(start)
    assert os.listdir(tmp_path) == [f"report.{fmt}"]  # no temporary file left behind
    assert out.stat().st_mode & 0o777 != 0o600  # a normal file, not mkstemp's private mode


def test_format_option_wins_over_the_extension_and_options_reach_the_data(canned, tmp_path):
    out = tmp_path / "report.txt"
    assert (
        export_main(["a.txt", "b.txt", "--format", "json", "--scope", "divergent", "--full-texts", "-o", str(out)]) == 0
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["options"] == {"scope": "divergent", "include_full_texts": True, "source_keys": []}


def test_csv_is_written_byte_for_byte_with_crlf_rows(canned, tmp_path):
    out = tmp_path / "report.csv"
    assert export_main(["a.txt", "b.txt", "-o", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.count(b"\r\n") == 12 and b"\r\r\n" not in raw
    assert len(list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))) == 12


def test_pdf_is_printed_through_qt(qapp, canned, tmp_path):
    pytest.importorskip("PySide6")
    from gui.dialogs.pdf_writer import write_pdf

    out = tmp_path / "report.pdf"
    assert export_main(["a.txt", "b.txt", "-o", str(out)], pdf_writer=write_pdf) == 0
    assert out.read_bytes().startswith(b"%PDF-")


def test_pdf_without_a_qt_printer_is_a_one_line_error_and_writes_nothing(canned, tmp_path, capsys):
    out = tmp_path / "report.pdf"
    assert export_main(["a.txt", "b.txt", "-o", str(out)]) == 2
    assert "PDF" in capsys.readouterr().err and not out.exists()


def test_an_unknown_extension_without_format_is_a_one_line_error(canned, tmp_path, capsys):
    assert export_main(["a.txt", "b.txt", "-o", str(tmp_path / "report.docx")]) == 2
    err = capsys.readouterr().err
    assert (
        err
        == f"parallax export: {tmp_path / 'report.docx'}: cannot tell the format from the extension; give --format\n"
    )


def test_a_missing_folder_is_reported_and_nothing_is_created(canned, tmp_path, capsys):
    out = tmp_path / "nowhere" / "report.html"
    assert export_main(["a.txt", "b.txt", "-o", str(out)]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert not out.parent.exists()


def test_a_full_disk_leaves_the_previous_export_intact(canned, tmp_path, monkeypatch, capsys):
    out = tmp_path / "report.html"
    out.write_text("previous export", encoding="utf-8")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(command.os, "fsync", full)
    assert export_main(["a.txt", "b.txt", "-o", str(out)]) == 2
    assert capsys.readouterr().err == f"parallax export: {out}: the disk is full; nothing was written\n"
    assert out.read_text(encoding="utf-8") == "previous export"
    assert os.listdir(tmp_path) == ["report.html"]


def test_a_case_and_files_together_are_refused(tmp_path, capsys):
    assert export_main(["x.parallax", "a.txt", "-o", str(tmp_path / "r.html")]) == 2
    assert capsys.readouterr().err == "parallax export: give either one .parallax case or article files, not both\n"


def test_a_missing_case_is_a_one_line_error(tmp_path, capsys):
    assert export_main([str(tmp_path / "gone.parallax"), "-o", str(tmp_path / "r.html")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("parallax export: ") and "gone.parallax" in err and err.count("\n") == 1


def test_real_files_are_loaded_and_aligned(samples_dir, tmp_path):
    files = sorted(str(p) for p in samples_dir.glob("*.txt"))
    out = tmp_path / "samples.json"
    assert export_main([*files, "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["sources"]) == len(files) == 4
    assert data["annotations"] == [] and all(d["verdict"] is None for d in data["divergences"])


def test_unreadable_files_leave_too_few_sources(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert export_main([str(empty), str(tmp_path / "missing.txt"), "-o", str(tmp_path / "r.html")]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines[-1] == "parallax export: need at least 2 usable sources, 0 left"
    assert not (tmp_path / "r.html").exists()


def test_a_case_exports_its_visible_sources_verdicts_and_annotations(samples_dir, tmp_path):
    case_module = importlib.import_module("core.case.store")
    from core.analysis import analyze
    from core.case.anchoring import make_selector
    from core.case.records import Annotation, VerdictRecord
    from core.ingest.sources import load_path

    path = tmp_path / "demo.parallax"
    case = case_module.Case.open(path, create=True, author="ana")
    stored = [case.add_source(load_path(p)) for p in sorted(samples_dir.glob("*.txt"))]
    case.set_source_hidden(stored[-1].key, True)
    alignment = analyze([s for s in stored[:-1]])
    first = alignment.divergences()[0]
    case.set_verdict(VerdictRecord(first.key, "follow_up", "Call the ministry."))
    text = stored[0].text
    case.add_annotation(
        Annotation(
            "",
            "span",
            source_key=stored[0].key,
            selector=make_selector(text, 0, 20),
            label="verified",
            note="Headline checked.",
        )
    )
    case.close()
    out = tmp_path / "demo.json"
    assert export_main([str(path), "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["case"] == "demo"
    assert [s["key"] for s in data["sources"]] == [s.key for s in stored[:-1]]
    verdicts = {d["key"]: d["verdict"] for d in data["divergences"]}
    assert verdicts[first.key]["verdict"] == "follow_up" and verdicts[first.key]["note"] == "Call the ministry."
    assert [a["body"][0]["value"] for a in data["annotations"]] == ["Headline checked."]
    assert data["annotations"][0]["target"]["selector"][1] == {"type": "TextPositionSelector", "start": 0, "end": 20}
    assert [e["action"] for e in data["audit"]].count("source.add") == 4


def test_text_formats_never_load_qt(samples_dir, tmp_path):
    import subprocess
    import sys

    files = sorted(str(p) for p in samples_dir.glob("*.txt"))
    script = (
        "import sys; from core.cli.export import export_main; "
        f"code = export_main({files!r} + ['-o', {str(tmp_path / 'r.html')!r}]); "
        "print(code, 'PySide6' in sys.modules)"
    )
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    done = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "0 False"


def test_write_export_is_what_the_window_calls_with_its_live_data(tmp_path):
    out = tmp_path / "live.md"
    command.write_export(build_data(), "md", str(out))
    assert out.read_text(encoding="utf-8").splitlines()[0] == "# Parallax comparison: ferry-strike"
    with pytest.raises(command.ExportFailed, match="unknown format 'docx'"):
        command.write_export(build_data(), "docx", str(tmp_path / "x.docx"))
