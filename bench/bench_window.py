"""Print window figures: launch to aligned panes painted, next-claim (N) latency, PDF export, peak memory.

Each case runs the real window (gui.app.launch.build_window) in its own subprocess, headless
(QT_QPA_PLATFORM=offscreen) unless a DISPLAY is set and --offscreen is not given.  Baselines in
the same run: the bare window (no sources) for the launch, HTML export for the PDF export, and
with --against REV the same figures from that git revision of the window.  The project's modules
are compiled to bytecode once before the launches, as an installed app's are (pip and PyInstaller
ship them compiled); --compile-each-launch times a launch that compiles them again every time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"
SEEDS = ROOT.parent / "shared" / "seeds"
RESOURCES = ROOT / "resources"
PRESSES = 50
CHILD_TIMEOUT_S = 600
PAINT_GRACE_MS = 3000
CASES = ("bare", "demo", "seeds", "synth20", "synth50", "dense8", "dense20")


def _article_files(folder: Path) -> list[Path]:
    """Return the article files of a folder (README and other files left out), in name order."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() in (".txt", ".md", ".html", ".htm") and not p.name.upper().startswith("README")
    )


def _export_figures(ws) -> dict:
    """Time the HTML report (the baseline) and the PDF of divergent claims and of every claim."""
    from core.export.data import ExportOptions, collect
    from core.export.html import render_html
    from gui.dialogs.pdf_writer import write_pdf

    figures = {}
    with tempfile.TemporaryDirectory(prefix="parallax-bench-export-") as folder:
        for scope in ("divergent", "all"):
            data = collect(
                None, ws.alignment, ExportOptions(scope=scope), verdicts=ws.verdicts, annotations=ws.annotations
            )
            start = time.perf_counter()
            html = render_html(data)
            figures[f"html_{scope}_s"] = time.perf_counter() - start
            out = Path(folder) / f"{scope}.pdf"
            write_pdf(html, out)
            figures[f"pdf_{scope}_s"] = time.perf_counter() - start
            figures[f"pdf_{scope}_pages"] = out.read_bytes().count(b"/MediaBox")
    return figures


def _child(launched_at: float, data_dir: str, files: list[str], tree: str = "", export: bool = False) -> int:
    """Open the window on files, time the first painted alignment and 50 next-claim presses."""
    tree = tree or str(ROOT)
    sys.path.insert(0, tree)
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    import resource

    from gui.style import theme
    from gui.app.launch import build_window

    app = QApplication(sys.argv[:1])
    app.setStyleSheet(theme.style_sheet(RESOURCES))
    marks: dict[str, float] = {}
    window = build_window(files, Path(tree) / "resources", data_dir=Path(data_dir))
    ws = window.ws
    window.show()
    marks["shown"] = time.time()
    if len(files) == 1 and files[0].endswith(".parallax"):  # an empty case: the launch baseline
        QTimer.singleShot(
            0,
            lambda: (
                print("RESULT " + json.dumps({"launch_to_shown": time.time() - launched_at, "bare": True})),
                app.exit(0),
            ),
        )
        return app.exec()
    # Three moments, each the first paint of every pane in view after it: its source's text
    # ("text"), the claims of an alignment ("claims": the first stage's on a large case), and the
    # whole analysis with its divergences ("painted"; the N presses run after it).
    painted: dict[str, set[int]] = {"text": set(), "claims": set(), "painted": set()}
    landing_of = getattr(ws, "landing", None)

    def pending() -> bool:
        return bool(getattr(ws, "divergences_pending", False))

    def complete(alignment) -> bool:
        return alignment is not None and len(alignment.documents) >= len(ws.visible_sources())

    def panes_in_view() -> list:
        panes = [p for p in window.pane_area.panes if not p.view.viewport().visibleRegion().isEmpty()]
        return panes or list(window.pane_area.panes)

    def ready(pane, moment: str) -> bool:
        if moment == "text":
            return bool(getattr(pane, "_text", None))
        taken = getattr(pane, "formatted_for", ws.alignment)
        if moment == "claims":
            return complete(ws.alignment) and taken is ws.alignment
        return "landed" in marks and not pending() and taken is ws.alignment

    class PaintWatch(QObject):
        """Note the first paint of every pane in view at each moment (large cases fill pane by pane)."""

        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() != QEvent.Type.Paint:
                return False
            panes = panes_in_view()
            pane = next((p for p in panes if p.view.viewport() is obj), None)
            if pane is None:
                return False
            for moment in ("text", "claims", "painted"):
                if moment not in marks and ready(pane, moment):
                    painted[moment].add(id(pane))
                    if {id(p) for p in panes} <= painted[moment]:
                        marks[moment] = time.time()
                        if moment == "painted":
                            QTimer.singleShot(0, presses)
            return False

    watch = PaintWatch()
    app.installEventFilter(watch)

    def watched_land(land):
        def landing(alignment):
            # The moment the engine's result reaches the window, before any widget takes it: what
            # follows until "painted" is the window's own work.
            if complete(alignment):
                marks.setdefault("claims_landed", time.time())
                if not pending():
                    marks.setdefault("landed", time.time())
            land(alignment)

        return landing

    if landing_of is not None:
        landing_of.land = watched_land(landing_of.land)
    else:  # an older tree: one landing, the whole analysis
        ws._set_alignment = watched_land(ws._set_alignment)

    def on_alignment():
        if complete(ws.alignment) and not pending() and "aligned" not in marks:
            marks["aligned"] = time.time()
            # Fallback only: if some pane has nothing to repaint the run must still end.
            QTimer.singleShot(PAINT_GRACE_MS, lambda: "painted" not in marks and force_painted())

    def force_painted():
        marks["painted"] = time.time()
        marks["paint_forced"] = 1.0
        presses()

    def presses():
        claims = ws.alignment.claims if ws.alignment is not None else ()
        action = window.actions_by_id["nav.next_claim"]
        times, moved = [], 0
        for _ in range(PRESSES if claims else 0):
            if ws.current_claim_id == claims[-1].id:
                ws.select_claim(claims[0].id)  # wrap around, untimed
                app.processEvents()
            before = ws.current_claim_id
            start = time.perf_counter()
            action.trigger()
            app.processEvents()
            times.append(time.perf_counter() - start)
            moved += ws.current_claim_id != before
        rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        app.removeEventFilter(watch)
        result = {
            "launch_to_shown": marks["shown"] - launched_at,
            "launch_to_text": marks.get("text", marks["painted"]) - launched_at,
            "launch_to_claims_landed": marks.get("claims_landed", marks["aligned"]) - launched_at,
            "launch_to_claims": marks.get("claims", marks["painted"]) - launched_at,
            "launch_to_aligned": marks["aligned"] - launched_at,
            "launch_to_painted": marks["painted"] - launched_at,
            "landed_to_painted": marks["painted"] - marks.get("landed", marks["aligned"]),
            "paint_forced": bool(marks.get("paint_forced")),
            "sources": len(ws.sources),
            "panes": len(window.pane_area.panes),
            "words": sum(len(s.text.split()) for s in ws.visible_sources()),
            "passages": sum(len(d.passages) for d in ws.alignment.documents) if ws.alignment else 0,
            "claims": len(claims),
            "presses": len(times),
            "moved": moved,
            "next_median_ms": statistics.median(times) * 1000 if times else None,
            "next_p95_ms": sorted(times)[int(len(times) * 0.95) - 1] * 1000 if times else None,
            "next_max_ms": max(times) * 1000 if times else None,
            "maxrss_mb": rss_kb / 1024,
        }
        if export and ws.alignment is not None:
            result.update(_export_figures(ws))
        print("RESULT " + json.dumps(result), flush=True)
        ws.close()
        app.exit(0)

    def on_failure(text: str):
        if text.startswith("Alignment failed"):
            print("FAILED " + text, flush=True)
            app.exit(3)

    ws.alignmentChanged.connect(on_alignment)
    ws.message.connect(on_failure)
    on_alignment()
    return app.exec()


def _child_env(offscreen: bool, bytecode: str) -> dict:
    """Return the environment of a window subprocess: its platform, and where its bytecode is kept."""
    env = dict(os.environ)
    if offscreen or not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    if bytecode:  # a folder of compiled modules, shared by every launch of the run
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = bytecode
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    return env


def _compile_tree(tree: Path, bytecode: str) -> None:
    """Compile a tree's modules into the bytecode folder, as installing the app does."""
    env = _child_env(True, bytecode)
    folders = [str(tree / name) for name in ("core", "gui", "bench")]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *folders], env=env, check=True, capture_output=True)


def _run_case(
    files: list[Path], offscreen: bool, tree: Path = ROOT, export: bool = False, bytecode: str = ""
) -> dict | str:
    """Run one window subprocess and return its result, or the reason it failed."""
    env = _child_env(offscreen, bytecode)
    with tempfile.TemporaryDirectory(prefix="parallax-bench-") as data_dir:
        command = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--child",
            data_dir,
            "--tree",
            str(tree),
            *(["--export"] if export else []),
            "--launched-at",
        ]
        launched_at = time.time()
        try:
            done = subprocess.run(
                command + [repr(launched_at), *map(str, files)],
                env=env,
                capture_output=True,
                text=True,
                timeout=CHILD_TIMEOUT_S,
            )
        except subprocess.TimeoutExpired:
            return f"no result within {CHILD_TIMEOUT_S} s"
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT ") :])
        if line.startswith("FAILED "):
            return line[len("FAILED ") :]
    tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
    return f"exit {done.returncode}: {tail}"


def _median_result(runs: list[dict]) -> dict:
    """Return one result whose numeric figures are the medians over several launches."""
    merged = dict(runs[0])
    for name, value in runs[0].items():
        if isinstance(value, float):
            merged[name] = statistics.median(r[name] for r in runs)
    merged["paint_forced"] = any(r.get("paint_forced") for r in runs)
    return merged


def _fmt(value, digits: int = 2) -> str:
    """Format a number for the table, or '-' when missing."""
    return "-" if value is None else f"{value:.{digits}f}"


def main(argv: list[str] | None = None) -> int:
    """Print the window benchmark table (or run one window when called with --child)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", metavar="DATA_DIR", help=argparse.SUPPRESS)
    parser.add_argument("--launched-at", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--tree", help=argparse.SUPPRESS)
    parser.add_argument(
        "--export", action="store_true", help="also time the PDF export (divergent claims, every claim) against HTML"
    )
    parser.add_argument("--against", metavar="REV", help="also run the window of this git revision")
    parser.add_argument("--offscreen", action="store_true", help="force QT_QPA_PLATFORM=offscreen")
    parser.add_argument(
        "--compile-each-launch",
        action="store_true",
        help="compile the project's modules at every launch instead of once before them (a source checkout run "
        "with PYTHONDONTWRITEBYTECODE)",
    )
    parser.add_argument("--only", choices=CASES, action="append", help="run only these cases (repeatable)")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        metavar="N",
        help="launch each case N times and print the median of each figure",
    )
    parser.add_argument("files", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child(args.launched_at, args.child, args.files, args.tree or "", args.export)

    sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
    from dense_news import make_dense_articles
    from synth import make_articles
    from trees import export_tree

    wanted = args.only or ["bare", "demo", "seeds", "synth20", "dense20"]
    platform = "offscreen" if args.offscreen or not os.environ.get("DISPLAY") else os.environ["DISPLAY"]
    compiled = "modules compiled at every launch" if args.compile_each_launch else "modules compiled once before"
    print(
        f"Window benchmark ({platform}; {PRESSES} presses of N per case; times from process launch; "
        f"median of {args.repeat} launch(es); {compiled})\n"
    )
    header = (
        "| tree | case | sources | panes | words | claims | shown s | text painted s | claims landed s "
        "| claims painted s | claims painted / bare | analysis landed s | analysis painted s | window's share s "
        "| N median ms | N p95 ms | N max ms | peak RSS MB |"
    )
    print(header)
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    exports = []
    with tempfile.TemporaryDirectory(prefix="parallax-synth-") as synth_dir:
        trees = [("this tree", ROOT)]
        if args.against:
            trees.append((args.against, export_tree(args.against, Path(synth_dir) / "against")))
        bytecode = "" if args.compile_each_launch else str(Path(synth_dir) / "bytecode")
        for _label, tree in trees if bytecode else ():
            _compile_tree(tree, bytecode)
        bare: dict[str, float] = {}
        for case in wanted:
            if case == "bare":
                files = [Path(synth_dir) / "bare" / "empty.parallax"]
            elif case == "demo":
                files = _article_files(SAMPLES)
            elif case == "seeds":
                files = _article_files(SEEDS) if SEEDS.is_dir() else []
                if not files:
                    print("| | seeds | not present (../shared/seeds) |")
                    continue
            else:
                dense = case.startswith("dense")
                count = int(case[len("dense" if dense else "synth") :])
                folder = Path(synth_dir) / case
                folder.mkdir()
                files = []
                made = make_dense_articles(count, 3000) if dense else make_articles(count, 3000)
                for name, text in made:
                    (folder / name).write_text(text, encoding="utf-8")
                    files.append(folder / name)
            # The trees' launches alternate, so that a spell of load from other work falls on both.
            launches: dict[str, list] = {label: [] for label, _tree in trees}
            for n in range(args.repeat):
                for label, tree in trees:
                    if case == "bare":
                        # A new empty case per launch: the window with nothing to align.
                        folder = Path(synth_dir) / "bare" / f"{label.replace(' ', '_')}{n}"
                        folder.mkdir(parents=True)
                        launches[label].append(
                            _run_case([folder / "empty.parallax"], args.offscreen, tree, bytecode=bytecode)
                        )
                    else:
                        launches[label].append(_run_case(files, args.offscreen, tree, args.export, bytecode))
            for label, tree in trees:
                runs = launches[label]
                failures = [r for r in runs if isinstance(r, str)]
                if failures:
                    print(f"| {label} | {case} | failed: {failures[0]} |")
                    continue
                result = _median_result(runs)
                if result.get("bare"):
                    bare[label] = result["launch_to_shown"]
                    print(
                        f"| {label} | bare (no sources) | 0 | 0 | 0 | 0 | {_fmt(result['launch_to_shown'])} "
                        f"| - | - | - | 1.00x | - | - | - | - | - | - | - |"
                    )
                    continue
                note = " (paint forced)" if result["paint_forced"] else ""
                ratio = f"{result['launch_to_claims'] / bare[label]:.2f}x" if bare.get(label) else "-"
                print(
                    f"| {label} | {case}{note} | {result['sources']} | {result['panes']} | {result['words']:,} "
                    f"| {result['claims']} | {_fmt(result['launch_to_shown'])} | {_fmt(result['launch_to_text'])} "
                    f"| {_fmt(result['launch_to_claims_landed'])} | {_fmt(result['launch_to_claims'])} | {ratio} "
                    f"| {_fmt(result['launch_to_aligned'])} | {_fmt(result['launch_to_painted'])} "
                    f"| {_fmt(result['landed_to_painted'])} "
                    f"| {_fmt(result['next_median_ms'], 1)} | {_fmt(result['next_p95_ms'], 1)} "
                    f"| {_fmt(result['next_max_ms'], 1)} | {result['maxrss_mb']:.0f} |"
                )
                sys.stdout.flush()
                if "pdf_all_s" in result:
                    exports.append((label, case, result))
    if exports:
        print(
            "\n| tree | case | HTML s (baseline) | PDF divergent s | pages | PDF all s | pages "
            "| divergent / HTML | all / HTML |"
        )
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
        for label, case, r in exports:
            print(
                f"| {label} | {case} | {_fmt(r['html_all_s'])} | {_fmt(r['pdf_divergent_s'])} "
                f"| {r['pdf_divergent_pages']} | {_fmt(r['pdf_all_s'])} | {r['pdf_all_pages']} "
                f"| {r['pdf_divergent_s'] / r['html_all_s']:.1f}x | {r['pdf_all_s'] / r['html_all_s']:.1f}x |"
            )
    print(
        "\nAll times from process launch. shown: window.show() returned; text painted: every pane in view"
        "\npainted with its article's text; claims landed / painted: the first alignment with every source"
        "\nreached the window / every pane in view painted its claims (on a large case the claims come"
        '\nbefore the divergences, and the panel says "finding divergences…"); analysis landed / painted:'
        "\nthe whole analysis, divergences included, reached the window (after its widgets took it) / every"
        "\npane painted it; window's share: from the whole analysis reaching the window to painted; bare:"
        "\nan empty case's window shown (the baseline of the ratio). N: the next-claim action handler plus processEvents(). PDF and HTML times"
        "\ninclude rendering the report from the case; pages are A4."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
