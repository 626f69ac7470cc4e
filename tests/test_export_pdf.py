"""PDF printed from the HTML report through Qt.

The tests take pytest-qt's qapp so that the one application of the test session is a
QApplication (write_pdf would otherwise create a bare QGuiApplication, fine for the CLI only).
"""

import re

import pytest

pytest.importorskip("PySide6")

from core.export.data import ExportOptions  # noqa: E402
from core.export.html import render_html  # noqa: E402
from fixtures.export.sample import build_data  # noqa: E402
from gui.dialogs.pdf_writer import write_pdf  # noqa: E402


def media_boxes(raw: bytes) -> list[tuple[float, float]]:
    return [(float(w), float(h)) for w, h in re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", raw)]


def test_the_report_prints_to_an_a4_pdf(qapp, tmp_path):
    out = tmp_path / "report.pdf"
    write_pdf(render_html(build_data(options=ExportOptions(include_full_texts=True))), out)
    raw = out.read_bytes()
    assert raw.startswith(b"%PDF-") and raw.rstrip().endswith(b"%%EOF")
    boxes = media_boxes(raw)
    assert len(boxes) >= 2
    assert all(round(w) == 595 and round(h) == 842 for w, h in boxes)


def test_a_longer_report_gets_more_pages(qapp, tmp_path):
    short, long = tmp_path / "short.pdf", tmp_path / "long.pdf"
    html = render_html(build_data())
    write_pdf(html, short)
    write_pdf(html.replace("</body>", "<p>filler paragraph</p>" * 400 + "</body>"), long)
    assert len(media_boxes(long.read_bytes())) > len(media_boxes(short.read_bytes()))


def test_an_unwritable_path_raises_oserror(qapp, tmp_path):
    with pytest.raises(OSError):
        write_pdf("<p>x</p>", tmp_path / "missing" / "report.pdf")
