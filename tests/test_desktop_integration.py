"""Desktop integration files: the Linux menu entry, its icons, the ICO and ICNS, and their installer."""

import configparser
import os
import shutil
import struct
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
ICONS = RESOURCES / "icons"
SIZES = (16, 32, 48, 64, 128, 256, 512)
linux_shell = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("sh") is None,
    reason="the installer is a POSIX shell script for Linux desktops",
)


def desktop_entry(path: Path) -> configparser.SectionProxy:
    """Return the [Desktop Entry] group of a .desktop file."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def png_size(path: Path) -> tuple[int, int]:
    """Return the width and height written in a PNG's header."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_the_menu_entry_runs_the_gui_launcher_that_the_package_installs():
    entry = desktop_entry(RESOURCES / "desktop" / "parallax.desktop")
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["gui-scripts"]
    assert entry["Type"] == "Application" and entry["Name"] == "Parallax"
    assert entry["Exec"] == "parallax-gui %F" and "parallax-gui" in scripts
    assert entry["Icon"] == "parallax" and entry["Terminal"] == "false"
    assert "application/x-parallax-case" in entry["MimeType"].split(";")


def test_every_png_icon_has_the_size_its_folder_names():
    for size in SIZES:
        assert png_size(ICONS / "hicolor" / f"{size}x{size}" / "apps" / "parallax.png") == (size, size)


def test_the_windows_icon_holds_every_size_up_to_256():
    data = (ICONS / "parallax.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    # In an ICO directory entry a width of 0 means 256.
    widths = {data[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= widths


def test_the_macos_icon_is_an_icns_file_with_a_512_pixel_image():
    data = (ICONS / "parallax.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    assert b"ic09" in data  # 512 x 512


@linux_shell
def test_the_installer_puts_entry_icons_and_case_type_under_the_users_data_folder(tmp_path):
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    script = ROOT / "packaging" / "install-linux-desktop.sh"
    done = subprocess.run(
        ["sh", str(script), "--exec", "/opt/news tools/parallax-gui"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    entry = desktop_entry(tmp_path / "applications" / "parallax.desktop")
    assert entry["Exec"] == '"/opt/news tools/parallax-gui" %F'
    assert (tmp_path / "mime" / "packages" / "parallax.xml").is_file()
    assert png_size(tmp_path / "icons" / "hicolor" / "48x48" / "apps" / "parallax.png") == (48, 48)
    removed = subprocess.run(["sh", str(script), "--uninstall"], env=env, capture_output=True, text=True, check=False)
    assert removed.returncode == 0
    assert not (tmp_path / "applications" / "parallax.desktop").exists()
    assert not (tmp_path / "icons" / "hicolor" / "48x48" / "apps" / "parallax.png").exists()


@linux_shell
def test_the_installer_says_what_to_do_when_no_launcher_is_found(tmp_path):
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "PATH": "/nonexistent"}
    done = subprocess.run(
        ["/bin/sh", str(ROOT / "packaging" / "install-linux-desktop.sh")],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "give the program with --exec PATH" in done.stderr
    assert not (tmp_path / "applications").exists()
