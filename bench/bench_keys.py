"""Print key-press figures of the window: J and verdict keys, with 10,000 annotations, with 1,000 verdicts given, and a "j 2" burst.

Each case opens the real window (gui.app.launch.build_window) in its own subprocess, headless, on
dense generated articles (bench/dense_news.py).  Baselines printed in the same run: N (next
claim) for J and the verdicts, the idle event loop's longest heartbeat gap for the burst, and,
with --against REV, the same figures from that git revision of the window (checked out into a
temporary folder).  Nothing here asserts a time: the table is for reading.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
CHILD_TIMEOUT_S = 900
PRESSES = 30
ANNOTATIONS = 10_000
JUDGED = 1_000  # verdicts given in memory before the last figures: a checker deep into the queue
HEARTBEAT_MS = 5
KEY_SPACING_MS = 10
TARGET_MS = 16.0
TARGET_GAP_MS = 100.0
CPU_COLUMNS = ("N", "J", "V1", "V2", "V3", "V4", "J_ann", "V2_ann", "J_judged", "V2_judged")  # the keys timed


def _median_ms(times: list[float]) -> float | None:
    return statistics.median(times) * 1000 if times else None


def _key_burst(window):
    """Return the window's key-burst queue: on its triage commands, on the window itself in older trees, or None."""
    return getattr(getattr(window, "triage", None), "key_burst", None) or getattr(window, "key_burst", None)


def _child(tree: str, data_dir: str, burst: int, files: list[str], profile_dir: str = "") -> int:
    """Open the window of `tree` on files; time J, N, verdicts, J with annotations, and a burst."""
    sys.path.insert(0, tree)
    import cProfile
    from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from core.case.anchoring import make_selector
    from core.case.records import Annotation
    from gui.app.launch import build_window

    app = QApplication(sys.argv[:1])
    # As the application runs it (gui.app.launch.run_window): with its style sheet.
    from gui.style import theme

    if hasattr(theme, "style_sheet"):
        app.setStyleSheet(theme.style_sheet(Path(tree) / "resources"))
    window = build_window(files, Path(tree) / "resources", data_dir=Path(data_dir))
    ws = window.ws
    window.resize(1600, 950)
    window.show()
    result: dict = {}

    def settle(ms: int = 0) -> None:
        app.processEvents()
        burst_object = _key_burst(window)
        while burst_object is not None and burst_object.pending():
            app.processEvents()
        if ms:
            QTest.qWait(ms)

    def timed(action_id: str, count: int, before=None, label: str = "") -> list[float]:
        action = window.actions_by_id[action_id]
        profiler = cProfile.Profile() if profile_dir else None
        times: list[float] = []
        cpu: list[float] = []
        for _ in range(count):
            if before is not None:
                before()
            if profiler is not None:
                profiler.enable()
            start, cpu_start = time.perf_counter(), time.thread_time()
            action.trigger()
            settle()
            times.append(time.perf_counter() - start)
            cpu.append(time.thread_time() - cpu_start)
            if profiler is not None:
                profiler.disable()
        if profiler is not None:
            profiler.dump_stats(str(Path(profile_dir) / f"{label or action_id}.prof"))
        # The UI thread's own CPU time per key: on a machine shared with other work, the wall
        # time also counts the moments another process had the core.
        result[f"{label or action_id}_cpu_ms"] = _median_ms(cpu)
        return times

    def to_first_divergence() -> None:
        keys = [d.key for d in ws.alignment.divergences()]
        if ws.current_divergence_key == keys[-1] or ws.current_divergence_key is None:
            ws.select_divergence(keys[0])
            settle()

    def add_annotations(count: int) -> None:
        docs = ws.alignment.documents
        made = []
        for n in range(count):
            doc = docs[n % len(docs)]
            passage = doc.passages[(n * 7) % len(doc.passages)]
            if n % 5 == 4:
                claim = ws.alignment.claims[n % len(ws.alignment.claims)]
                made.append(Annotation(f"bench{n}", "claim", claim_key=claim.key, label="checked", note="bench"))
                continue
            sel = make_selector(doc.source.text, passage.start, min(passage.end, passage.start + 24))
            made.append(
                Annotation(f"bench{n}", "span", source_key=doc.source.key, selector=sel, label="checked", note="bench")
            )
        ws.annotations = list(ws.annotations) + made  # in memory only: the figure is the window's
        ws.annotationsChanged.emit()
        settle()

    def judge_in_memory(count: int) -> None:
        """Give the last `count` items of the queue a verdict, in memory only (the keys' work, not the case's)."""
        from core.case.records import VerdictRecord

        keys = list(window.triage_panel.key_order())[-count:]
        for key in keys:
            record = VerdictRecord(key, "confirmed", "", "", "bench", "2026-01-01T00:00:00+00:00")
            ws.stored_verdicts[key] = ws.described(record)
        ws.place_verdicts(announce=False)
        settle()

    def heartbeat_gaps(run, settle_ms: int) -> tuple[float, float]:
        """Run `run` (which returns when its work has been queued) and return (longest gap ms, seconds)."""
        ticks = []
        beat = QTimer()
        beat.setTimerType(Qt.TimerType.PreciseTimer)
        beat.setInterval(HEARTBEAT_MS)
        beat.timeout.connect(lambda: ticks.append(time.perf_counter()))
        beat.start()
        start = time.perf_counter()
        done = run()
        while not done():
            QTest.qWait(HEARTBEAT_MS)
        elapsed = time.perf_counter() - start
        QTest.qWait(settle_ms)
        beat.stop()
        gaps = [b - a for a, b in zip(ticks, ticks[1:])]
        return (max(gaps) * 1000 if gaps else 0.0), elapsed

    class KeyPoster(QObject):
        """Deliver key presses on the UI thread, sent from a timer thread every few milliseconds."""

        press = Signal(int)

        def __init__(self):
            super().__init__()
            self.delivered = 0
            self.press.connect(self.deliver, Qt.ConnectionType.QueuedConnection)

        @Slot(int)
        def deliver(self, key: int) -> None:
            target = QApplication.focusWidget() or window
            QTest.keyClick(target, Qt.Key(key))
            self.delivered += 1

    def start_burst(keys: list) -> callable:
        poster = KeyPoster()
        holder.append(poster)

        def send():
            t0 = time.perf_counter()
            for n, key in enumerate(keys):
                delay = t0 + n * KEY_SPACING_MS / 1000 - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)
                poster.press.emit(int(key))

        thread = threading.Thread(target=send, daemon=True)
        thread.start()
        burst_object = _key_burst(window)
        return lambda: (
            poster.delivered == len(keys)
            and not thread.is_alive()
            and (burst_object is None or not burst_object.pending())
        )

    holder: list = []
    writes: list[float] = []  # each verdict's case write (one committed, fsynced transaction)
    case = ws.case
    if case is not None:
        store_verdict = case.set_verdict

        def timed_write(*args, **kwargs):
            start = time.perf_counter()
            try:
                return store_verdict(*args, **kwargs)
            finally:
                writes.append(time.perf_counter() - start)

        case.set_verdict = timed_write

    def measure():
        QTest.qWait(300)
        window.activateWindow()
        QApplication.setActiveWindow(window)
        window.pane_area.panes[0].view.setFocus()
        settle(100)
        result["idle_gap_ms"], _ = heartbeat_gaps(lambda: lambda: True, 500)
        result["claims"] = len(ws.alignment.claims)
        result["divergences"] = len(ws.alignment.divergences())
        result["words"] = sum(len(s.text.split()) for s in ws.visible_sources())
        result["sources"] = len(ws.visible_sources())
        result["N_ms"] = _median_ms(timed("nav.next_claim", PRESSES, label="N"))
        ws.select_divergence(ws.alignment.divergences()[0].key)
        settle()
        result["J_ms"] = _median_ms(timed("nav.next_divergence", PRESSES, to_first_divergence, "J"))
        for digit, action_id in (("1", "triage.confirmed"), ("2", "triage.not_significant"), ("3", "triage.follow_up")):
            result[f"V{digit}_ms"] = _median_ms(timed(action_id, PRESSES // 3, to_first_divergence, f"V{digit}"))
        if "triage.source_error" in window.actions_by_id:
            # 4 asks which source is wrong: the question is answered at once with the source it
            # proposes (the current passage's), so the figure is the key's own work, not the reading.
            from PySide6.QtWidgets import QInputDialog

            ask = QInputDialog.getItem
            QInputDialog.getItem = staticmethod(
                lambda _parent, _title, _label, items, current=0, *_a, **_k: (items[current], True)
            )
            try:
                result["V4_ms"] = _median_ms(timed("triage.source_error", PRESSES // 3, to_first_divergence, "V4"))
            finally:
                QInputDialog.getItem = ask
        ws.undo_stack.setIndex(0)  # every verdict given above is taken back: the burst starts untriaged
        settle()
        result["burst_keys"] = burst
        if burst:
            ws.select_divergence(ws.alignment.divergences()[0].key)
            settle(100)
            before = ws.undo_stack.index()
            keys = [Qt.Key.Key_J, Qt.Key.Key_2] * burst
            pauses: list[float] = []
            started: list[float] = []

            def gc_watch(phase, _info):
                if phase == "start":
                    started[:] = [time.perf_counter()]
                elif started:
                    pauses.append(time.perf_counter() - started[0])

            gc.callbacks.append(gc_watch)
            result["burst_gap_ms"], result["burst_s"] = heartbeat_gaps(lambda: start_burst(keys), 300)
            gc.callbacks.remove(gc_watch)
            result["burst_gc_ms"] = max(pauses, default=0.0) * 1000
            result["burst_verdicts"] = ws.undo_stack.index() - before
        add_annotations(ANNOTATIONS)
        result["annotations"] = len(ws.annotations)
        ws.select_divergence(ws.alignment.divergences()[0].key)
        settle()
        result["J_ann_ms"] = _median_ms(timed("nav.next_divergence", PRESSES, to_first_divergence, "J_ann"))
        result["V2_ann_ms"] = _median_ms(timed("triage.not_significant", PRESSES // 3, to_first_divergence, "V2_ann"))
        judge_in_memory(JUDGED)
        result["judged"] = len(ws.verdicts)
        ws.select_divergence(ws.alignment.divergences()[0].key)
        settle()
        result["J_judged_ms"] = _median_ms(timed("nav.next_divergence", PRESSES, to_first_divergence, "J_judged"))
        result["V2_judged_ms"] = _median_ms(
            timed("triage.not_significant", PRESSES // 3, to_first_divergence, "V2_judged")
        )
        result["write_ms"] = _median_ms(writes)
        print("RESULT " + json.dumps(result), flush=True)
        app.exit(0)

    def on_alignment():
        if ws.alignment is None or len(ws.alignment.documents) < len(ws.visible_sources()) or result:
            return
        if getattr(ws, "divergences_pending", False):
            return  # a large case shows its claims first: the keys are timed on the whole analysis
        if not ws.alignment.divergences():
            print("FAILED no divergences", flush=True)
            app.exit(3)
            return
        result["aligned"] = True
        QTimer.singleShot(0, measure)

    ws.alignmentChanged.connect(on_alignment)
    ws.message.connect(lambda text: text.startswith("Alignment failed") and (print("FAILED " + text), app.exit(3)))
    return app.exec()


def _run(tree: Path, files: list[Path], burst: int, profile_dir: str = "") -> dict | str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory(prefix="parallax-keys-") as data_dir:
        command = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--child",
            str(tree),
            data_dir,
            "--burst",
            str(burst),
            *(["--profile", profile_dir] if profile_dir else []),
            *map(str, files),
        ]
        try:
            done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=CHILD_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            return f"no result within {CHILD_TIMEOUT_S} s"
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT ") :])
        if line.startswith("FAILED "):
            return line[len("FAILED ") :]
    return f"exit {done.returncode}: " + ((done.stderr.strip().splitlines() or ["no output"])[-1])


def _fmt(value, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _ratio(value, base) -> str:
    return "-" if not value or not base else f"{value / base:.2f}x"


def main(argv: list[str] | None = None) -> int:
    """Print the key-press table for the chosen sizes (or run one window with --child)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", nargs=2, metavar=("TREE", "DATA_DIR"), help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default="8,20", help="numbers of 3,000-word articles, comma-separated")
    parser.add_argument("--words", type=int, default=3000, help="words per article")
    parser.add_argument("--burst", type=int, default=100, help='number of "j 2" pairs in the burst')
    parser.add_argument("--against", metavar="REV", help="also run the window of this git revision")
    parser.add_argument(
        "--profile", metavar="DIR", default="", help="write cProfile stats of each key (J.prof, V1.prof, ...) to DIR"
    )
    parser.add_argument(
        "--repeat", type=int, default=1, help="run each tree this many times, alternating (a row per run)"
    )
    parser.add_argument("files", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child(args.child[0], args.child[1], args.burst, args.files, args.profile)

    sys.path.insert(0, str(ROOT / "bench"))
    from dense_news import make_dense_articles
    from trees import export_tree

    print(
        f"Key-press benchmark (offscreen; dense articles of {args.words:,} words; medians of {PRESSES} "
        f'presses; burst of {args.burst} "j 2" at {KEY_SPACING_MS} ms per key; '
        f"{ANNOTATIONS:,} annotations added in memory, then {JUDGED:,} verdicts)\n"
    )
    print(
        "| tree | articles | divergences | N ms (baseline) | J ms | J/N | 1 ms | 2 ms | 3 ms | 4 ms "
        "| J ms, 10k ann. | 2 ms, 10k ann. | J ms, +1k verdicts | 2 ms, +1k verdicts | idle gap ms | burst gap ms "
        "| longest GC pause ms | burst s | verdicts | case write ms |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    cpu_rows: list[str] = []
    runs: dict[tuple, list] = {}  # (tree, size, key) -> CPU ms of each run
    with tempfile.TemporaryDirectory(prefix="parallax-keys-trees-") as scratch:
        trees = [("this tree", ROOT)]
        if args.against:
            trees.append((args.against, export_tree(args.against, Path(scratch) / "against")))
        for size in (int(s) for s in args.sizes.split(",")):
            folder = Path(scratch) / f"dense{size}"
            folder.mkdir(parents=True)
            files = []
            for name, text in make_dense_articles(size, args.words):
                (folder / name).write_text(text, encoding="utf-8")
                files.append(folder / name)
            # Alternating runs see the same load from other processes: compare a tree's range with
            # the other's, and the medians over the runs printed at the end.
            for label, tree in trees * max(1, args.repeat):
                profile_dir = ""
                if args.profile and label == "this tree":
                    profile_dir = str(Path(args.profile).resolve() / f"dense{size}")
                    Path(profile_dir).mkdir(parents=True, exist_ok=True)
                r = _run(tree, files, args.burst, profile_dir)
                if isinstance(r, str):
                    print(f"| {label} | {size} | failed: {r} |")
                    continue
                print(
                    f"| {label} | {size} | {r['divergences']:,} | {_fmt(r['N_ms'])} | {_fmt(r['J_ms'])} "
                    f"| {_ratio(r['J_ms'], r['N_ms'])} | {_fmt(r['V1_ms'])} | {_fmt(r['V2_ms'])} "
                    f"| {_fmt(r['V3_ms'])} | {_fmt(r.get('V4_ms'))} | {_fmt(r['J_ann_ms'])} | {_fmt(r['V2_ann_ms'])} "
                    f"| {_fmt(r.get('J_judged_ms'))} | {_fmt(r.get('V2_judged_ms'))} "
                    f"| {_fmt(r['idle_gap_ms'])} | {_fmt(r.get('burst_gap_ms'))} | {_fmt(r.get('burst_gc_ms'))} "
                    f"| {_fmt(r.get('burst_s'), 2)} "
                    f"| {r.get('burst_verdicts', '-')} | {_fmt(r.get('write_ms'), 2)} |",
                    flush=True,
                )
                for column in CPU_COLUMNS:
                    runs.setdefault((label, size, column), []).append(r.get(f"{column}_cpu_ms"))
                cpu_rows.append(
                    f"| {label} | {size} | {_fmt(r.get('N_cpu_ms'))} | {_fmt(r.get('J_cpu_ms'))} "
                    f"| {_fmt(r.get('V1_cpu_ms'))} | {_fmt(r.get('V2_cpu_ms'))} | {_fmt(r.get('V3_cpu_ms'))} "
                    f"| {_fmt(r.get('V4_cpu_ms'))} "
                    f"| {_fmt(r.get('J_ann_cpu_ms'))} | {_fmt(r.get('V2_ann_cpu_ms'))} "
                    f"| {_fmt(r.get('J_judged_cpu_ms'))} | {_fmt(r.get('V2_judged_cpu_ms'))} |"
                )
    print(
        "\nThe same keys in CPU time of the UI thread (median ms; wall time above also counts the moments "
        "another process had the core):\n"
    )
    print("| tree | articles | N | J | 1 | 2 | 3 | 4 | J, 10k ann. | 2, 10k ann. | J, +1k verdicts | 2, +1k verdicts |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print("\n".join(cpu_rows))
    if args.repeat > 1:
        print(f"\nMedian and range of the CPU figures over {args.repeat} runs per tree:\n")
        print("| tree | articles | " + " | ".join(CPU_COLUMNS) + " |")
        print("|---|---:|" + "---:|" * len(CPU_COLUMNS))
        for label, size in dict.fromkeys((k[0], k[1]) for k in runs):
            cells = []
            for column in CPU_COLUMNS:
                values = [v for v in runs[(label, size, column)] if v is not None]
                cells.append(
                    f"{statistics.median(values):.1f} ({min(values):.1f}-{max(values):.1f})" if values else "-"
                )
            print(f"| {label} | {size} | " + " | ".join(cells) + " |")
    print(
        f"\nTargets: J and each verdict key <= {TARGET_MS:.0f} ms median; no event-loop gap over "
        f"{TARGET_GAP_MS:.0f} ms during the burst.\nA key's time is its action plus the event-loop turn "
        "that shows it; 4 asks which source is wrong: the bench answers with the source it proposes at once "
        "(the dialog's own time is left out). The idle gap is the "
        "heartbeat's\nlongest gap with nothing to do (the floor of the burst gap); verdicts: how many the "
        "burst recorded;\ncase write: the median time of one verdict's transaction (synchronous=FULL: committed "
        "and fsynced before the key returns), on the disk of the temporary folder."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
