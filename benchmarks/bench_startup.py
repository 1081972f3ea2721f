"""Start-up: from a fresh Python process to the first paint of the unlock window,
next to a bare Qt window in the same run. Each is a new process, timed from outside."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time

from benchmarks.common import report

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
class W(QWidget):
    def paintEvent(self, event):
        app.quit()
w = W(); w.resize(760, 560); w.show()
app.exec()
"""

MOODLOG = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from moodlog.ui.application import AppController, apply_style
apply_style(app)
controller = AppController(Path(sys.argv[1]))
page = controller.create_page
original = page.paintEvent
def painted(event):
    original(event)
    app.quit()
page.paintEvent = painted
controller.start()
app.exec()
heavy = [m for m in sys.modules if m.split('.')[0] in ('pyqtgraph', 'numpy')]
assert not heavy, heavy
"""


CHART_IMPORT = """
import time
from PySide6.QtWidgets import QApplication
app = QApplication([])
start = time.perf_counter()
import moodlog.ui.trends
print((time.perf_counter() - start) * 1000)
"""


def chart_import_ms(repeat: int = 5) -> float:
    """What the idle-time preloader moves out of the first visit to Trends."""
    times = []
    for _ in range(repeat):
        result = subprocess.run(
            [sys.executable, "-c", CHART_IMPORT], check=True, capture_output=True, text=True
        )
        times.append(float(result.stdout.split()[-1]))
    return statistics.median(times)


def run(script: str, *args: str, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", script, *args], check=True, stderr=subprocess.DEVNULL)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    baseline = run(BARE)
    report("bare Qt window, process start to first paint", baseline)
    with tempfile.TemporaryDirectory() as folder:
        report(
            "moodlog unlock window, start to first paint", run(MOODLOG, folder), "bare Qt", baseline
        )
    report(
        "chart modules import (once, in idle time after unlock)",
        chart_import_ms(),
        "bare Qt",
        baseline,
    )


if __name__ == "__main__":
    main()
