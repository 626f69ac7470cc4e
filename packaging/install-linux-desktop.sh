#!/bin/sh
# Add Parallax to the desktop menu of the current user: the menu entry, its icons, and the
# .parallax case file type (so a file manager opens cases with Parallax).
#
#   sh packaging/install-linux-desktop.sh [--exec PROGRAM] [--resources DIR]
#
# PROGRAM is what the menu runs: by default the `parallax-gui` found on PATH (pip install), else
# give it, e.g. --exec "$PWD/.venv/bin/parallax-gui" or --exec "$PWD/dist/parallax/parallax".
# DIR is the resources folder (default: the one beside this script's folder). Files go under
# $XDG_DATA_HOME (default ~/.local/share); remove them with --uninstall.
set -eu

resources="$(cd "$(dirname "$0")/.." && pwd)/resources"
program=""
uninstall=""
while [ $# -gt 0 ]; do
    case "$1" in
        --exec) program="$2"; shift 2 ;;
        --resources) resources="$2"; shift 2 ;;
        --uninstall) uninstall=1; shift ;;
        *) echo "install-linux-desktop: unknown argument $1" >&2; exit 2 ;;
    esac
done

data="${XDG_DATA_HOME:-$HOME/.local/share}"
sizes="16 32 48 64 128 256 512"

refresh() {
    # Desktops read these caches; each tool is optional, so a missing one is not an error.
    if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$data/mime" || true; fi
    if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database "$data/applications" || true; fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t "$data/icons/hicolor" || true; fi
}

if [ -n "$uninstall" ]; then
    rm -f "$data/applications/parallax.desktop" "$data/mime/packages/parallax.xml" \
          "$data/icons/hicolor/scalable/apps/parallax.svg"
    for size in $sizes; do rm -f "$data/icons/hicolor/${size}x${size}/apps/parallax.png"; done
    refresh
    echo "Parallax removed from the desktop menu."
    exit 0
fi

if [ -z "$program" ]; then
    program="$(command -v parallax-gui || true)"
fi
if [ -z "$program" ]; then
    echo "install-linux-desktop: parallax-gui is not on PATH; give the program with --exec PATH" >&2
    exit 1
fi
if [ ! -f "$resources/desktop/parallax.desktop" ]; then
    echo "install-linux-desktop: no desktop/parallax.desktop in $resources; give --resources DIR" >&2
    exit 1
fi

mkdir -p "$data/applications" "$data/mime/packages" "$data/icons/hicolor/scalable/apps"
# Quote the program for the Exec key (spaces in a path are allowed there when quoted).
sed -e "s|^Exec=parallax-gui |Exec=\"$program\" |" -e "s|^TryExec=parallax-gui\$|TryExec=$program|" \
    "$resources/desktop/parallax.desktop" > "$data/applications/parallax.desktop"
cp "$resources/desktop/parallax-mime.xml" "$data/mime/packages/parallax.xml"
cp "$resources/icons/parallax.svg" "$data/icons/hicolor/scalable/apps/parallax.svg"
for size in $sizes; do
    mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
    cp "$resources/icons/hicolor/${size}x${size}/apps/parallax.png" "$data/icons/hicolor/${size}x${size}/apps/parallax.png"
done
refresh
echo "Parallax is in the desktop menu (runs $program)."
