"""Import the chart modules, and prepare the Trends screen, while the user is idle
after unlock.

pyqtgraph and numpy take ~0.5-0.7 s to import, nearly all of it Python code and
extension set-up that holds Python's lock (so a background thread would freeze
the window just the same). They are kept out of start-up so that the lock window
appears quickly; importing them one at a time, each only after a moment with no
keyboard or mouse input, means the first visit to Trends does not wait for them.
The app then builds the Trends screen, hidden, the same way (~50 ms), and reads
its whole history in the next quiet moment, so that choosing it only has to show it.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QTimer

# One module a step; measured on the 2-core CI machine: numpy ~0.13 s, pyqtgraph
# ~0.3-0.45 s (mostly PySide6 building its enums for pyqtgraph's Qt shim), the
# chart and Trends modules ~0.1 s.
CHART_MODULES = ("numpy", "pyqtgraph", "moodlog.ui.charts", "moodlog.ui.trends")


class Preloader(QObject):
    """Runs steps one per quiet moment: ``quiet_ms`` after starting or after the last
    :meth:`postpone` (the app calls it on keyboard and mouse input), then ``gap_ms``
    apart while nothing postpones it. The steps are the imports of ``modules`` and
    whatever is :meth:`add`-ed. It has no event filter of its own: the idle-lock
    watcher already sees the input."""

    def __init__(
        self,
        modules: tuple[str, ...] = CHART_MODULES,
        quiet_ms: int = 1000,
        gap_ms: int = 50,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.pending: list[tuple[str, Callable[[], object]]] = [
            (name, partial(_import, name)) for name in modules if name not in sys.modules
        ]
        self.quiet_ms = quiet_ms
        self.gap_ms = gap_ms
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._run_next)

    @property
    def done(self) -> bool:
        return not self.pending

    def add(self, name: str, step: Callable[[], object]) -> None:
        """Queue ``step`` after the others, unless a step of that name is waiting."""
        if all(pending != name for pending, _ in self.pending):
            self.pending.append((name, step))

    def start(self) -> None:
        if not self.done:
            self.timer.start(self.quiet_ms)

    def stop(self) -> None:
        self.timer.stop()

    def postpone(self) -> None:
        if self.timer.isActive():
            self.timer.start(self.quiet_ms)

    def _run_next(self) -> None:
        _, step = self.pending.pop(0)
        try:
            step()
        except Exception:  # noqa: BLE001
            # Only a head start: the user's own action does the same work again and
            # reports a failure the usual way.
            pass
        if not self.done:
            self.timer.start(self.gap_ms)


def _import(name: str) -> None:
    importlib.import_module(name)
