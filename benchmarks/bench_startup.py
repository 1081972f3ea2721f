"""Start-up: from a fresh Python process to the first paint of the unlock window, next
to a bare PySide6 window painted, in the same run (issue 14, section 4).

Each try is a new process, timed from just before it is started to the end of its
window's first paint (the process prints the clock there and exits at once, so its
tear-down is not counted); its peak memory is the process's own maximum resident set.
The app is started through its real entry point (``moodlog --data-dir DIR``: argument
parsing, core dumps off, theme, lock window) for an existing 10-year vault, as a person
meets it every day. The app and the floor alternate; figures are medians.

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
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
class W(QWidget):
    def paintEvent(self, event):
        print(time.time(), flush=True)
        os._exit(0)
w = W(); w.resize(760, 560); w.show()
app.exec()
"""

MOODLOG = """
import os, sys, time
from moodlog.ui.unlock import UnlockPage
original = UnlockPage.paintEvent
def painted(self, event):
    original(self, event)
    heavy = [m for m in sys.modules if m.split('.')[0] in ('pyqtgraph', 'numpy')]
    assert not heavy, heavy
    print(time.time(), flush=True)
    os._exit(0)
UnlockPage.paintEvent = painted
from moodlog.app import main  # the real entry point: `moodlog --data-dir DIR`
main(["--data-dir", sys.argv[1]])
"""


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="moodlog-bench-start-"))
    demo_vault(10, folder)[0].close()
    child(["-c", BARE])  # warm the file cache for both
    child(["-c", MOODLOG, str(folder)])
    app_runs: list[tuple[float, float, str]] = []
    floor_runs: list[tuple[float, float, str]] = []

    def to_paint(runs: list[tuple[float, float, str]], args: list[str]) -> float:
        started = time.time()
        runs.append(child(args))
        return (float(runs[-1][2].split()[-1]) - started) * 1000

    def app() -> float:
        return to_paint(app_runs, ["-c", MOODLOG, str(folder)])

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
