"""Import what an unlocked session needs while the lock screen waits for the
passphrase, and prepare the Trends screen while the user is idle after unlock.

pyqtgraph and numpy take ~0.5-0.7 s to import, nearly all of it Python code and
extension set-up that holds Python's lock (so a background thread would freeze
the window just the same). They are kept out of start-up so that the lock window
appears quickly. Once the lock window has painted, the app imports them, and the
modules of the main window and Today, one at a time in quiet moments (typing a
passphrase postpones the next one), so that neither unlocking nor the first visit
to Trends waits for an import. Whatever is still pending at unlock (someone who
typed without a pause) goes on in quiet moments after it. After unlock the app
builds the Trends screen, hidden, the same way (~50 ms), and reads its whole
history in the next quiet moment, so that choosing it only has to show it.
"""

from __future__ import annotations

import sys

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

# No importlib or functools at the top: once PySide6 is loaded, its import hook reads
# the source of each module the first time an import statement names it (~0.1 ms each
# before the lock window, issue 14 §4). Type checkers take any TYPE_CHECKING as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QPaintEvent

# One module a step; measured on the 2-core CI machine: numpy ~0.13 s, pyqtgraph
# ~0.3-0.45 s (mostly PySide6 building its enums for pyqtgraph's Qt shim), the
# chart and Trends modules ~0.1 s.
CHART_MODULES = ("numpy", "pyqtgraph", "moodlog.charts.plots", "moodlog.ui.trends")
# What opening a session imports (the main window, Today and what they import when
# built; ~0.1 s in all). tests/test_startup.py checks that nothing is left over.
SESSION_MODULES = (
    "moodlog.vault.repositories",
    "moodlog.ui.context",
    "moodlog.ui.main_window",
    "moodlog.ui.today",
    "moodlog.ui.booster_today",
    "moodlog.ui.daily_fields",
    "moodlog.insights",
    "moodlog.ui.drafts",
    "moodlog.ui.backups",
    "moodlog.ui.window_state",
    "_strptime",
    "numpy.ma",  # numpy imports it on first use of np.unique (the booster lines)
)
# Imported while the lock screen waits: the session's first (needed at every
# unlock), then the charts.
LOCK_SCREEN_MODULES = SESSION_MODULES + CHART_MODULES
# The first step on the lock screen, this long after its first paint (nobody types
# a passphrase sooner); there, a pause this long in typing is a quiet moment too, so
# that the imports are done by the time a passphrase is (after unlock: ``quiet_ms``).
AFTER_FIRST_PAINT_MS = 300
# Between steps on the lock screen (enough for input to be handled in between).
LOCK_SCREEN_GAP_MS = 10


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
            (name, _importer(name)) for name in modules if name not in sys.modules
        ]
        self.quiet_ms = quiet_ms
        self.gap_ms = gap_ms
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._run_next)
        self._painted_widget: QWidget | None = None
        self._first_paint_quiet_ms = AFTER_FIRST_PAINT_MS
        self._quiet_now = quiet_ms
        self._gap_now = gap_ms
        # Whether steps may still run (the app sets it: a window of its is open).
        self.active: Callable[[], bool] = lambda: True

    @property
    def done(self) -> bool:
        return not self.pending

    def add(self, name: str, step: Callable[[], object]) -> None:
        """Queue ``step`` after the others, unless a step of that name is waiting."""
        if all(pending != name for pending, _ in self.pending):
            self.pending.append((name, step))

    def start(self, quiet_ms: int | None = None, gap_ms: int | None = None) -> None:
        """Run the steps from ``quiet_ms`` (default: :attr:`quiet_ms`) on, ``gap_ms``
        (default: :attr:`gap_ms`) apart; input postpones the next one by ``quiet_ms``."""
        self._quiet_now = self.quiet_ms if quiet_ms is None else quiet_ms
        self._gap_now = self.gap_ms if gap_ms is None else gap_ms
        if not self.done:
            self.timer.start(self._quiet_now)

    def start_after_first_paint(
        self, widget: QWidget, quiet_ms: int = AFTER_FIRST_PAINT_MS
    ) -> None:
        """Start ``quiet_ms`` after ``widget``'s next paint (the lock window's first),
        so that no import delays the window itself.

        The paint is seen by giving this one widget (made from Python) a ``paintEvent``
        of its own until it has painted: PySide calls an object's own method before its
        class's. Not an event filter: the first events it was given made PySide build
        the Python types of a dozen event classes before the lock window's first frame
        (~3 ms, issue 14 §4)."""
        if self.done:
            return
        self.stop()
        self._painted_widget = widget
        self._first_paint_quiet_ms = quiet_ms
        widget.paintEvent = self._first_paint

    def _first_paint(self, event: QPaintEvent) -> None:
        widget = self._painted_widget
        self._forget_painted_widget()
        if widget is not None:
            type(widget).paintEvent(widget, event)  # the widget's own paint, as always
        # From the event loop, once the paint is finished.
        self.start(self._first_paint_quiet_ms, LOCK_SCREEN_GAP_MS)

    def _forget_painted_widget(self) -> None:
        widget, self._painted_widget = self._painted_widget, None
        if widget is not None and shiboken6.isValid(widget):
            vars(widget).pop("paintEvent", None)  # its class's paintEvent again

    def stop(self) -> None:
        self.timer.stop()
        self._forget_painted_widget()

    def postpone(self) -> None:
        if self.timer.isActive():
            self.timer.start(self._quiet_now)

    def _run_next(self) -> None:
        while self.pending and self.pending[0][0] in sys.modules:
            self.pending.pop(0)  # imported meanwhile: no step of its own
        if self.done or not self.active():
            return  # nobody is waiting for it (the app's windows are closed)
        _, step = self.pending.pop(0)
        try:
            step()
        except Exception:  # noqa: BLE001
            # Only a head start: the user's own action does the same work again and
            # reports a failure the usual way.
            pass
        # A step can run Python's garbage collector, which may delete the app (and this
        # object with it) if nothing refers to it any more.
        if not self.done and shiboken6.isValid(self.timer):
            self.timer.start(self._gap_now)


def _importer(name: str) -> Callable[[], None]:
    """The step that imports module ``name``."""

    def step() -> None:
        import importlib

        importlib.import_module(name)

    return step


def warm_up_session_widgets() -> None:
    """Build, polish and paint off screen, then drop, the kinds of widgets the main
    window and Today are made of (no data: an empty form), in the same arrangement (the
    style sheet's rules are matched per widget kind, name and place). A widget class's
    first use costs several times its later ones (Python wrappers made, style sheet
    rules matched, fonts and glyphs cached); paying that while the lock screen waits
    takes ~25% off unlock -> main window painted. Nothing of it stays on screen or in
    memory."""
    import datetime as dt

    from PySide6.QtGui import QAction, QKeySequence, QShortcut
    from PySide6.QtWidgets import (
        QFrame,
        QHBoxLayout,
        QLabel,
        QListWidget,
        QListWidgetItem,
        QMainWindow,
        QPushButton,
        QScrollArea,
        QStackedWidget,
        QVBoxLayout,
    )

    from moodlog.ui.checkin import SelfCheckWidget
    from moodlog.ui.entry_form import EntryForm
    from moodlog.ui.main_window import SCREENS, NoFocusRectDelegate
    from moodlog.ui.widgets import PromptBox, heading, hint

    sample = "Today"  # never shown: the widgets only need some text to lay out
    window = QMainWindow()
    window.resize(1100, 760)
    central = QWidget(window)
    outer = QVBoxLayout(central)
    bar = QWidget(central)
    bar.setObjectName("topBar")
    row = QHBoxLayout(bar)
    for name in ("barName", "demoBadge"):
        label = QLabel(sample, bar)
        label.setObjectName(name)
        row.addWidget(label)
    for name in ("helpButton", ""):
        button = QPushButton(sample, bar)
        button.setObjectName(name)
        row.addWidget(button)
    outer.addWidget(bar)
    body = QHBoxLayout()
    nav = QListWidget(central)
    nav.setObjectName("nav")
    nav.setItemDelegate(NoFocusRectDelegate(nav))
    for title, _, _ in SCREENS:
        QListWidgetItem(title, nav)
    nav.setCurrentRow(0)
    stack = QStackedWidget(central)
    body.addWidget(nav)
    body.addWidget(stack, 1)
    outer.addLayout(body, 1)
    window.setCentralWidget(central)
    page = QWidget(stack)
    stack.addWidget(page)
    page_layout = QVBoxLayout(page)
    area = QScrollArea(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    page_layout.addWidget(area, 1)
    screen = QWidget()
    screen.setObjectName("screen")
    layout = QVBoxLayout(screen)
    area.setWidget(screen)
    layout.addWidget(heading(sample))
    for name in ("contextLine", "notice"):
        label = QLabel(sample, screen)
        label.setObjectName(name)
        label.setWordWrap(True)
        layout.addWidget(label)
    box = PromptBox()
    box.row.addWidget(QLabel(sample), 1)
    box.row.addWidget(QPushButton(sample))
    layout.addWidget(box)
    layout.addWidget(EntryForm([], dt.date.today(), screen))
    layout.addWidget(SelfCheckWidget(screen))
    layout.addWidget(hint(sample))
    line = QFrame(page)
    line.setFrameShape(QFrame.Shape.HLine)
    page_layout.addWidget(line)
    actions = QWidget(page)
    actions.setObjectName("actionBar")
    action_row = QHBoxLayout(actions)
    save = QPushButton(sample, actions)
    save.setObjectName("primary")
    status = QLabel(sample, actions)
    status.setObjectName("status")
    action_row.addWidget(save)
    action_row.addWidget(status, 1)
    page_layout.addWidget(actions)
    QShortcut(QKeySequence.StandardKey.Save, page)
    action = QAction(sample, window)
    action.setShortcut(QKeySequence("Ctrl+L"))
    window.addAction(action)
    window.grab()  # lays out, polishes and paints it without showing it
    window.deleteLater()
