"""`parallax align` on the command line: JSON contract, report, bad files, no Qt."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from core.cli.align import align_main
from test_align import COAST, HARBOUR, LEDGER

ROOT = Path(__file__).resolve().parent.parent
CONTRACT_DOCUMENT_KEYS = {"id", "path", "title", "outlet", "passages", "boilerplate"}


def _write(tmp_path, **texts):
    paths = []
    for name, text in texts.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def _document_text(path):
    """Return the text offsets index: the file itself for .txt, the extracted text for .html."""
    if path.endswith((".html", ".htm")):
        from core.ingest.sources import load_path

        return load_path(path).text
    return Path(path).read_bytes().decode("utf-8")


def _run(*args):
    return subprocess.run(
        [sys.executable, str(ROOT / "app.py"), "align", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def _check_contract(data, files):
    assert list(data) == ["version", "documents", "claims", "unique", "contradictions", "facts"]
    assert data["version"] == 1 and len(data["documents"]) == len(files)
    passage_ids = set()
    for n, document in enumerate(data["documents"]):
        assert CONTRACT_DOCUMENT_KEYS <= set(document) and document["id"] == f"d{n}"
        text = _document_text(files[n])
        for passage in document["passages"]:
            assert text[passage["start"] : passage["end"]] == passage["text"]
            passage_ids.add(passage["id"])
        for span in document["boilerplate"]:
            assert text[span["start"] : span["end"]] == span["text"]
    for claim in data["claims"]:
        assert {"id", "score", "members", "divergences"} <= set(claim)
        assert set(claim["members"]) <= passage_ids
        for divergence in claim["divergences"]:
            assert {"type", "rank", "summary", "variants"} <= set(divergence)
    assert set(data["unique"]) <= passage_ids
    claimed = {m for c in data["claims"] for m in c["members"]}
    assert claimed.isdisjoint(data["unique"]) and claimed | set(data["unique"]) == passage_ids
    for contradiction in data["contradictions"]:
        assert set(contradiction) == {"doc", "type", "summary", "variants"}


def test_one_file_is_refused_with_exit_code_two(capsys):
    assert align_main(["only.txt"]) == 2
    assert capsys.readouterr().err.strip() == "parallax align: give 2 to 50 files (got 1)"


def test_more_than_fifty_files_are_refused(capsys):
    assert align_main([f"f{n}.txt" for n in range(51)]) == 2
    assert "give 2 to 50 files (got 51)" in capsys.readouterr().err


def test_app_align_json_on_the_demo_case_parses_and_matches_the_contract(samples_dir):
    planted = samples_dir / "planted.json"
    if not planted.is_file():
        pytest.skip("the demo case is not in resources/samples yet")
    names = [s["file"] for s in json.loads(planted.read_text(encoding="utf-8"))["sources"]]
    files = [str(samples_dir / name) for name in names]
    result = _run(*files, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    _check_contract(data, files)
    assert data["claims"] and data["unique"]


def test_align_json_on_invented_articles_matches_the_contract(tmp_path):
    files = _write(tmp_path, harbour=HARBOUR, coast=COAST, ledger=LEDGER)
    result = _run(*files, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    _check_contract(data, files)
    assert ["d0:p0", "d1:p1", "d2:p3"] in [c["members"] for c in data["claims"]]


def test_the_headless_command_never_imports_qt(tmp_path):
    files = _write(tmp_path, harbour=HARBOUR, coast=COAST)
    code = (
        "import sys; sys.argv = ['app.py', 'align', *sys.argv[1:]]; import app; "
        "rc = app.main(sys.argv[1:]); "
        "sys.stderr.write('QT=' + str(any(m.startswith('PySide6') for m in sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", code, *files], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0
    assert result.stderr.endswith("QT=False")


def test_output_option_writes_the_report_to_a_file(tmp_path):
    files = _write(tmp_path, harbour=HARBOUR, coast=COAST)
    out = tmp_path / "report.txt"
    result = _run(*files, "-o", str(out))
    assert result.returncode == 0 and result.stdout == ""
    report = out.read_text(encoding="utf-8")
    assert report.startswith("Parallax alignment: 2 sources,")
    assert "Mayor Ilse Dornbach welcomed the deal" in report


def test_a_bad_file_is_reported_in_one_line_and_the_rest_is_aligned(tmp_path):
    files = _write(tmp_path, harbour=HARBOUR, coast=COAST)
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    result = _run(*files, str(binary), "--json")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("parallax align: ") and "image.txt" in lines[0]
    assert "Traceback" not in result.stderr
    assert len(json.loads(result.stdout)["documents"]) == 2


def test_fewer_than_two_usable_sources_exit_with_code_two(tmp_path):
    files = _write(tmp_path, harbour=HARBOUR)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    result = _run(files[0], str(empty), str(missing))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3 and lines[-1] == "parallax align: need at least 2 usable sources, 1 left"
