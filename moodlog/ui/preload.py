"""Import the chart modules while the user is idle after unlock.

pyqtgraph and numpy take ~0.5-0.7 s to import, nearly all of it Python code and
extension set-up that holds Python's lock (so a background thread would freeze
the window just the same). They are kept out of start-up so the lock window appears quickly;
importing them one at a time, each only after a short pause with no keyboard or
mouse input, means the first visit to Trends does not wait for them either.
"""

from __future__ import annotations

import importlib
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

# One module a step; measured on the 2-core CI machine: numpy ~0.13 s, pyqtgraph
# ~0.3-0.45 s (mostly PySide6 building its enums for pyqtgraph's Qt shim), the
# chart and Trends modules ~0.1 s.
CHART_MODULES = ("numpy", "pyqtgraph", "moodlog.ui.charts", "moodlog.ui.trends")
INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}


class Preloader(QObject):
    """Imports ``modules`` one per quiet moment: after ``quiet_ms`` without input for
    the first, then ``gap_ms`` apart while the user stays idle."""

    def __init__(
        self,
        modules: tuple[str, ...] = CHART_MODULES,
        quiet_ms: int = 1500,
        gap_ms: int = 50,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.pending = [name for name in modules if name not in sys.modules]
        self.quiet_ms = quiet_ms
        self.gap_ms = gap_ms
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._import_next)
        self._watching = False

    @property
    def done(self) -> bool:
        return not self.pending

    def start(self) -> None:
        if self.done or self._watching:
            return
        QApplication.instance().installEventFilter(self)
        self._watching = True
        self.timer.start(self.quiet_ms)

    def stop(self) -> None:
        self.timer.stop()
        if self._watching:
            QApplication.instance().removeEventFilter(self)
            self._watching = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in INPUT_EVENTS:
            self.timer.start(self.quiet_ms)  # wait for the next quiet moment
        return False

    def _import_next(self) -> None:
        name = self.pending.pop(0)
        try:
            importlib.import_module(name)
        except ImportError:
            pass  # opening Trends will import it again and show what went wrong
        if self.done:
            self.stop()
        else:
            self.timer.start(self.gap_ms)
