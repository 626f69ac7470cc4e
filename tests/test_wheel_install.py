"""The built wheel carries everything a user needs: `parallax align` and `export` work outside the checkout."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_A = "The river ferry stopped at noon on Friday, the operator said.\nNine crew were aboard.\n"
ARTICLE_B = "The river ferry stopped at 1 p.m. on Friday, the harbour office told reporters.\nEight crew were aboard.\n"


@pytest.fixture(scope="module")
def installed_wheel(tmp_path_factory):
    """Build the wheel without network and unpack it with its console scripts into a folder."""
    base = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(base / "dist"),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    wheels = list((base / "dist").glob("parallax-*.whl"))
    assert len(wheels) == 1
    target = base / "site"
    unpacked = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-index",
            "--quiet",
            "--target",
            str(target),
            str(wheels[0]),
        ],
        capture_output=True,
        text=True,
    )
    assert unpacked.returncode == 0, unpacked.stderr
    return target


def _run(target: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    # The wheel's folder goes first on the path, so its modules win over the editable checkout.
    env = dict(os.environ, PYTHONPATH=str(target), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [str(target / "bin" / "parallax"), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def test_the_wheel_ships_the_demo_case_icons_style_and_schema(installed_wheel):
    resources = installed_wheel / "resources"
    assert (resources / "samples" / "planted.json").is_file()
    assert len(list((resources / "samples").glob("*.txt"))) >= 2
    assert (resources / "icons" / "parallax.svg").is_file()
    assert (resources / "style" / "parallax.qss").is_file()
    assert (resources / "schema" / "export.schema.json").is_file()


def test_parallax_from_the_wheel_aligns_and_exports_outside_the_checkout(installed_wheel, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    where = _run(installed_wheel, tmp_path, "--version")
    assert where.returncode == 0 and where.stdout.startswith("parallax ")
    aligned = _run(installed_wheel, tmp_path, "align", "a.txt", "b.txt", "--json")
    assert aligned.returncode == 0, aligned.stderr
    assert '"version": 1' in aligned.stdout
    exported = _run(installed_wheel, tmp_path, "export", "a.txt", "b.txt", "--format", "md", "-o", "out.md")
    assert exported.returncode == 0, exported.stderr
    assert "ferry" in (tmp_path / "out.md").read_text(encoding="utf-8")
    probe = subprocess.run(
        [sys.executable, "-c", "import app; print(app.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(installed_wheel)),
    )
    assert probe.stdout.strip().startswith(str(installed_wheel))
