"""Start-up: from a fresh Python process to the first paint of the unlock window, next
to a bare PySide6 window painted, in the same run (issue 14, section 4).

Each try is a new process, timed from just before it is started to the end of its
window's first frame: the first paint of the window, its child widgets' paint (the
unlock window's fields, buttons and labels paint after the page itself) and the flush,
i.e. the first moment the event loop is free again (a zero timer started from the
paint). The process prints the clock there and exits at once, so its tear-down is not
counted; its peak memory is the process's own maximum resident set.
The app is started through its real entry point as a person starts it every day
(``moodlog``, no arguments: argument parsing, core dumps off, the data folder found by
platformdirs, here under ``$XDG_DATA_HOME``, preferences, translation, theme, lock
window) for an existing 10-year vault. The app and the floor alternate; figures are
medians.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.bench_startup
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.common import alternate, child, demo_vault, header, row, spread, tries

TRIES = tries(7)
TARGET = 1.3

BARE = """
import os, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
def framed():
    print(time.time(), flush=True)
    os._exit(0)
class W(QWidget):
    def paintEvent(self, event):
        QTimer.singleShot(0, framed)
w = W(); w.resize(760, 560); w.show()
app.exec()
"""

MOODLOG = """
import os, sys, time
from PySide6.QtCore import QTimer
from moodlog.ui.unlock import UnlockPage
original = UnlockPage.paintEvent
def framed():
    heavy = [m for m in sys.modules if m.split('.')[0] in ('pyqtgraph', 'numpy', 'sqlcipher3')]
    if heavy:  # what start-up must leave out (issue 14 §4): fail, never hang
        print('imported at start:', heavy, file=sys.stderr, flush=True)
        os._exit(1)
    print(time.time(), flush=True)
    os._exit(0)
def painted(self, event):
    original(self, event)
    QTimer.singleShot(0, framed)
UnlockPage.paintEvent = painted
from moodlog.app import main  # the real entry point: `moodlog`
main([])
"""
# The child's data folder, where platformdirs finds it on Linux (a value of
# MOODLOG_DATA_DIR in this shell would otherwise win).
ENV = {"MOODLOG_DATA_DIR": ""}


def main() -> None:
    share = Path(tempfile.mkdtemp(prefix="moodlog-bench-start-"))
    env = {**ENV, "XDG_DATA_HOME": str(share)}
    check = "from moodlog.paths import resolve_data_dir; print(resolve_data_dir())"
    folder = Path(child(["-c", check], env)[2].strip())
    if folder.parent != share:  # not Linux: the unlock window would never show
        raise SystemExit(f"bench_startup: the data folder would be {folder}, not in {share}")
    folder.mkdir()
    demo_vault(10, folder)[0].close()
    child(["-c", BARE])  # warm the file cache for both
    child(["-c", MOODLOG], env)
    app_runs: list[tuple[float, float, str]] = []
    floor_runs: list[tuple[float, float, str]] = []

    def to_paint(
        runs: list[tuple[float, float, str]], args: list[str], env: dict[str, str] | None = None
    ) -> float:
        started = time.time()
        runs.append(child(args, env))
        return (float(runs[-1][2].split()[-1]) - started) * 1000

    def app() -> float:
        return to_paint(app_runs, ["-c", MOODLOG], env)

    def floor() -> float:
        return to_paint(floor_runs, ["-c", BARE])

    app_ms, floor_ms = alternate(app, floor, TRIES)
    header(f"Start-up (fresh processes, median of {TRIES} alternated)")
    row("start -> unlock window painted (floor: bare PySide6 window)", app_ms, floor_ms, TARGET)
    row(
        "peak memory at that paint (floor: bare PySide6 window)",
        [memory for _, memory, _ in app_runs],
        [memory for _, memory, _ in floor_runs],
        TARGET,
        unit="MiB",
    )
    print(f"  ranges: app {spread(app_ms)} ms, floor {spread(floor_ms)} ms")


if __name__ == "__main__":
    main()
