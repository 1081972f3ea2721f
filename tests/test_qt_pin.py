"""Guard against the PySide6 6.12.0 / Python 3.11 `none_dealloc` abort.

Every call of a Python override such as ``paint()`` dropped a reference to None and
the process aborted after ~16k calls. A custom-painted item is repainted 20,000
times in a child process; it must finish cleanly.
"""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsScene

app = QApplication([])


class Painted(QGraphicsItem):
    calls = 0

    def boundingRect(self):
        return QRectF(0, 0, 10, 10)

    def paint(self, painter, option, widget=None):
        Painted.calls += 1
        painter.drawLine(0, 0, 10, 10)


scene = QGraphicsScene()
item = Painted()
scene.addItem(item)
image = QImage(16, 16, QImage.Format.Format_ARGB32)
for _ in range(20_000):
    painter = QPainter(image)
    scene.render(painter)
    painter.end()
print("painted", Painted.calls)
"""


def test_twenty_thousand_repaints_of_a_python_paint_override():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "painted 20000"
