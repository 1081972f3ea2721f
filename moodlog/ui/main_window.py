"""The main window of an unlocked session: navigation on the left, one screen at a time."""

from __future__ import annotations

import contextlib
import importlib
import sys
from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from moodlog.i18n import tr
from moodlog.ui.context import AppContext
from moodlog.wording import QT_TR_NOOP

# (title, module, class): screens are built when first shown, so unlocking stays quick.
NAV_WIDTH = 180  # the sections list at the usual text size
# A title's room beside its text: the item's padding (14 px each side, style.qss), the
# selected item's 3 px bar and a little air.
NAV_ITEM_ROOM = 2 * 14 + 3 + 9
# The titles are the screens' names in the code (show_screen("Trends")); the navigation
# shows them translated.
SCREENS = (
    (QT_TR_NOOP("Today"), "moodlog.ui.today", "TodayScreen"),
    (QT_TR_NOOP("Journal"), "moodlog.ui.journal", "JournalScreen"),
    (QT_TR_NOOP("Treatments"), "moodlog.ui.treatments", "TreatmentsScreen"),
    (QT_TR_NOOP("Trends"), "moodlog.ui.trends", "TrendsScreen"),
    (QT_TR_NOOP("Safety plan"), "moodlog.ui.safety_plan", "SafetyPlanScreen"),
    (QT_TR_NOOP("Export"), "moodlog.ui.export", "ExportScreen"),
    (QT_TR_NOOP("Settings"), "moodlog.ui.settings", "SettingsScreen"),
    (QT_TR_NOOP("Backups"), "moodlog.ui.backups", "BackupsScreen"),
    (QT_TR_NOOP("Help"), "moodlog.ui.help_screen", "HelpScreen"),
)


class NoFocusRectDelegate(QStyledItemDelegate):
    """Draws items without the dotted focus rectangle a click leaves behind."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.state &= ~QStyle.StateFlag.State_HasFocus


class LockKeysWhileBlocked(QObject):
    """The lock keys, seen application-wide while a modal dialog blocks the main window:
    Qt triggers no shortcut of a blocked window, not even an application shortcut, so
    Ctrl+L did nothing while a confirmation, a file dialog or an editor was open (review
    finding: "lock always locks"). Installed only while the window is blocked, so that
    no Python filter looks at every event the rest of the time."""

    def __init__(self, keys: QKeySequence, lock: Signal, parent: QObject) -> None:
        super().__init__(parent)
        self.keys, self.lock = keys, lock
        self.installed = False

    def install(self, on: bool) -> None:
        if on != self.installed:
            app = QApplication.instance()
            (app.installEventFilter if on else app.removeEventFilter)(self)
            self.installed = on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            event.type() == QEvent.Type.KeyPress
            and QKeySequence(event.keyCombination()) == self.keys
            and self._typed_in_own_dialog(watched)
        ):
            # Installed still while the window is blocked: after "Go back" at the Lock's
            # question, Ctrl+L locks again (review finding).
            self.lock.emit()
            return True
        return False

    def _typed_in_own_dialog(self, target: QObject) -> bool:
        """Whether the keys were typed in a window of this main window (a dialog of
        it); any other window, such as a main window left from before a lock, has no
        say."""
        widget = target if isinstance(target, QWidget) else None
        from moodlog.ui.help_panel import HelpPanel

        window = widget.window() if widget is not None else None
        while window is not None and not isinstance(window, HelpPanel):
            window = window.parentWidget()  # (a box the panel opened, a popup of it)
        if window is not None:
            # The help panel this window's session opened, above its dialog (diff review:
            # Ctrl+L there left the journal open, the plan on screen); another window's
            # panel is that window's to lock.
            return getattr(window, "opened_for", None) is self.parent()
        while widget is not None and widget is not self.parent():
            widget = widget.parentWidget()
        return widget is not None


class LockAction(QAction):
    """The lock keys, application-wide (Ctrl+L). When the same keys are an application
    shortcut of another live window too, Qt calls them "ambiguous" and triggers
    nothing, only a warning ("QAction::event: Ambiguous shortcut overload"): a window
    left open somewhere was enough to make Ctrl+L do nothing. Ambiguous lock keys lock
    all the same: the session of the window they were typed in, or this one's."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Shortcut and event.isAmbiguous():
            (lock_action_of(QApplication.activeWindow()) or self).trigger()
            return True
        return super().event(event)


def lock_action_of(window: QWidget | None) -> QAction | None:
    """The lock action of the main window that ``window`` is, or is a dialog of."""
    while window is not None and not isinstance(window, MainWindow):
        window = window.parentWidget()
    return window.lock_action if window is not None else None


class MainWindow(QMainWindow):
    lock_requested = Signal()
    help_requested = Signal(str)
    idle_minutes_changed = Signal(int)
    restore_requested = Signal(object, str)  # a backup file and its passphrase

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self._closing_for_lock = False
        self._watching_screen = False  # (from the first show: the window has a handle)
        self._watched_screen = None  # whose free area changes refit the window
        self.screens: dict[str, QWidget] = {}
        from moodlog.ui.window_state import default_size, minimum_size

        self.setMinimumSize(minimum_size(self))
        self.resize(default_size(self))  # fits 1366x768 with the title bar (issue 15)
        if not context.demo:  # size and position only, never content (moodlog.ui.window_state)
            from moodlog.ui.window_state import restore_geometry

            restore_geometry(self, context.data_dir)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        bar = QWidget()
        bar.setObjectName("topBar")
        bar_layout = QHBoxLayout(bar)
        bar_layout.setContentsMargins(16, 8, 16, 8)
        name = QLabel(tr("moodlog"))
        name.setObjectName("barName")
        bar_layout.addWidget(name)
        if context.demo:
            demo = QLabel(tr("DEMO — sample data, deleted when you quit"))
            demo.setObjectName("demoBadge")
            bar_layout.addWidget(demo)
        bar_layout.addStretch(1)
        self.help_button = QPushButton(tr("Get help now"))
        self.help_button.setObjectName("helpButton")
        self.help_button.setAccessibleDescription(
            tr("Crisis lines, emergency numbers and your safety plan.")
        )
        self.help_button.clicked.connect(lambda: self.help_requested.emit(""))
        lock_keys = QKeySequence("Ctrl+L")
        self.lock_button = QPushButton(tr("Lock"))
        self.lock_button.setToolTip(
            tr("Lock moodlog ({keys})").format(
                keys=lock_keys.toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.lock_button.setAccessibleDescription(
            tr("Closes your journal; your passphrase opens it again.")
        )
        self.lock_button.clicked.connect(self.lock_requested)
        bar_layout.addWidget(self.help_button)
        bar_layout.addWidget(self.lock_button)
        outer.addWidget(bar)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setAccessibleName(tr("Sections"))
        self.nav.setAccessibleDescription(tr("Choose the screen to show."))
        # The highlighted row shows where you are; no dotted focus rectangle on top.
        self.nav.setItemDelegate(NoFocusRectDelegate(self.nav))
        from moodlog.ui.widgets import CurrentPageStack

        self.stack = CurrentPageStack()
        for title, _, _ in SCREENS:
            QListWidgetItem(tr(title), self.nav)
            placeholder = QWidget()
            self.stack.addWidget(placeholder)
        self._fit_nav()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        self._body = body
        self._sideways: QScrollArea | None = None
        self._fit_screen()
        outer.addLayout(body, 1)
        self.setCentralWidget(central)

        self.lock_action = lock_action = LockAction(tr("Lock"), self)
        lock_action.setShortcut(lock_keys)
        lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        lock_action.triggered.connect(self.lock_requested)
        lock_action.setToolTip(tr("Lock moodlog"))
        self.addAction(lock_action)
        self.lock_keys_while_blocked = LockKeysWhileBlocked(lock_keys, self.lock_requested, self)
        # Set by the controller: asks before closing loses text that could not be kept
        # as a draft (reason) -> whether to close anyway.
        self.ask_before_closing: Callable[[str], bool] | None = None
        # What the lock screen says after a lock, besides drafts (a PDF that failed).
        self.lock_notices: list[str] = []
        # Listed on the Help screen from these actions (moodlog.ui.help_screen).
        for text, keys, slot in (
            (tr("New entry (Today)"), "Ctrl+N", self.new_entry),
            (tr("Search your notes (Journal)"), QKeySequence.StandardKey.Find, self.search_notes),
            (tr("Help"), QKeySequence.StandardKey.HelpContents, lambda: self.show_screen("Help")),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            self.addAction(action)
        for number in range(len(SCREENS)):
            action = QAction(tr("Go to {screen}").format(screen=tr(SCREENS[number][0])), self)
            action.setShortcut(QKeySequence(f"Ctrl+{number + 1}"))
            action.triggered.connect(lambda _=False, n=number: self.nav.setCurrentRow(n))
            self.addAction(action)

        self.nav.currentRowChanged.connect(self._show_row)
        context.events.open_day.connect(self._open_day)
        context.events.help_requested.connect(self.help_requested)
        self.nav.setCurrentRow(0)

    # -- screens --------------------------------------------------------------
    def screen(self, title: str) -> QWidget:
        """The screen called ``title``, building it on first use."""
        if title not in self.screens:
            row = [t for t, _, _ in SCREENS].index(title)
            _, module_name, class_name = SCREENS[row]
            screen_class = getattr(importlib.import_module(module_name), class_name)
            if title == "Today":  # built in place; at unlock, shown sooner
                # (A journal made just now has no sessions to wait for.)
                later = not self.isVisible() and not getattr(self.context.vault, "created_now", 0)
                widget = screen_class(self.context, sessions_after_paint=later, parent=self.stack)
            else:
                widget = screen_class(self.context)
            if not widget.accessibleName():  # (a screen that is a Tab stop: review)
                widget.setAccessibleName(tr(title))
            if hasattr(widget, "idle_minutes_changed"):
                widget.idle_minutes_changed.connect(self.idle_minutes_changed)
            if hasattr(widget, "lock_needed"):
                widget.lock_needed.connect(self.lock_requested)
            if hasattr(widget, "restore_requested"):
                widget.restore_requested.connect(self.restore_requested)
            old = self.stack.widget(row)
            self.stack.insertWidget(row, widget)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.screens[title] = widget
            if title == "Today":  # the optional fields the person chose to show
                from moodlog.ui.daily_fields import apply_to_today

                apply_to_today(self, self.context.vault.settings)
            from moodlog.ui.widgets import guard_wheel

            guard_wheel(widget)
        return self.screens[title]

    def show_screen(self, title: str) -> QWidget:
        row = [t for t, _, _ in SCREENS].index(title)
        self.nav.setCurrentRow(row)
        return self.screens[title]

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        previous = self.stack.currentWidget()
        if previous is not None and hasattr(previous, "leaving"):
            from moodlog.vault.errors import VaultError

            # The draft is a safety net only: the screen keeps its text while the journal
            # is open, and a lock or quit asks about it. (Review finding: on a full disk
            # the switch stopped halfway, the menu on one screen and another shown,
            # with a "Not saved" nobody had asked for.)
            with contextlib.suppress(VaultError):
                previous.leaving()
        title = SCREENS[row][0]
        widget = self.screen(title)
        self.stack.setCurrentIndex(row)
        if hasattr(widget, "refresh"):
            widget.refresh()

    def new_entry(self) -> None:
        """Ctrl+N: Today, with the keyboard on the mood scale."""
        today = self.show_screen("Today")
        form = getattr(today, "form", None)
        mood = getattr(form, "mood", None)
        target = getattr(mood, "slider", None) or form or today  # the arrow keys set it
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def search_notes(self) -> None:
        """Ctrl+F: the Journal's search box, its text selected."""
        journal = self.show_screen("Journal")
        box = getattr(journal, "search_box", None)
        if box is not None:
            box.setFocus(Qt.FocusReason.ShortcutFocusReason)
            box.selectAll()

    def _open_day(self, day: object) -> None:
        journal = self.show_screen("Journal")
        journal.select_day(day)

    # -- lock / close -------------------------------------------------------------
    def prepare_to_lock(self) -> list[str]:
        """Give every screen and open dialog the chance to keep unsaved work as an
        encrypted draft. Returns the plain reasons ("the disk is full") of any that
        could not; the others are kept regardless."""
        from moodlog.vault.errors import StorageProblem, VaultError

        for screen in self.screens.values():
            if hasattr(screen, "finish_writing"):  # (a PDF still being written: see there)
                self.lock_notices += screen.finish_writing()
        keepers = [w.leaving for w in self.screens.values() if hasattr(w, "leaving")]
        problems: list[str] = []
        for window in self.findChildren(QWidget):
            if window.isWindow() and window.isVisible():
                if hasattr(window, "keep_draft"):
                    keepers.append(window.keep_draft)
                elif hasattr(window, "not_kept_reason"):  # (moodlog.ui.drafts.NotKeptAtLock)
                    if (reason := window.not_kept_reason()) is not None:
                        problems.append(reason)
        for keep in keepers:
            try:
                keep()
            except StorageProblem as error:
                problems.append(error.reason)
            except VaultError:
                problems.append(tr("the vault could not be written"))
            except Exception as error:  # noqa: BLE001 - locking must go on; no text shown
                # Its type only, never its text (it may quote what was typed): a trace for
                # a maintainer (code review: a programming error here left none).
                print(f"moodlog: unexpected error ({type(error).__name__})", file=sys.stderr)
                problems.append(tr("an unexpected error"))
        return problems

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.WindowBlocked, QEvent.Type.WindowUnblocked):
            self.lock_keys_while_blocked.install(kind == QEvent.Type.WindowBlocked)
        elif kind == QEvent.Type.Show and not self._watching_screen:
            self._watching_screen = True
            self.windowHandle().screenChanged.connect(self._screen_changed)
            self._screen_changed(self.windowHandle().screen())
        return super().event(event)

    # -- the screen the window is on -------------------------------------------------
    def _screen_changed(self, screen) -> None:  # noqa: ANN001 - a QScreen
        """Moved to another screen, or its scaling changed: fit it again (diff review: a
        window dragged onto a laptop at 200% kept Lock beyond the screen's edge)."""
        self._stop_watching_screen()
        self._watched_screen = screen
        if screen is not None:
            screen.availableGeometryChanged.connect(self._fit_screen)
        self._fit_screen()

    def _stop_watching_screen(self) -> None:
        """Undo the connection to the screen, which outlives the window (left, it kept
        the closed window's method alive: tests/reliability/test_endurance.py)."""
        if self._watched_screen is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self._watched_screen.availableGeometryChanged.disconnect(self._fit_screen)
            self._watched_screen = None

    def _fit_nav(self) -> None:
        """The sections list as wide as its longest title needs (at a 20 pt body font
        "Safety plan" was cut at its right; a translation may be longer), never
        narrower than usual."""
        self.nav.ensurePolished()  # (its font comes from the style sheet)
        advance = self.nav.fontMetrics().horizontalAdvance
        widest = max(advance(self.nav.item(row).text()) for row in range(self.nav.count()))
        needed = widest + NAV_ITEM_ROOM
        if needed > NAV_WIDTH:  # large text: the list may also need to scroll down, and
            # its scroll bar must not cover a title with a sideways bar (second diff review)
            needed += self.nav.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setFixedWidth(max(NAV_WIDTH, needed))

    def _fit_screen(self, *_args: object) -> None:
        """The minimum size for this screen (:func:`window_state.minimum_size`), and on a
        screen narrower than the screens' layout (200% on a 1366x768 laptop) the screens
        in a scroll area, so that the window fits it and the bar with "Get help now" and
        Lock stays in view while the screen below scrolls sideways."""
        from moodlog.ui.window_state import MINIMUM_SIZE, minimum_size

        minimum = minimum_size(self)
        narrow = minimum.width() < MINIMUM_SIZE[0]
        if narrow and self._sideways is None:
            sideways = QScrollArea()
            sideways.setWidgetResizable(True)
            sideways.setFrameShape(QFrame.Shape.NoFrame)
            sideways.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # (the screens' own take it)
            self._body.replaceWidget(self.stack, sideways)
            self.stack.follow_current = True
            sideways.setWidget(self.stack)
            self._sideways = sideways
        elif not narrow and self._sideways is not None:
            sideways, self._sideways = self._sideways, None
            self.stack.follow_current = False
            stack = sideways.takeWidget()
            self._body.replaceWidget(sideways, stack)
            sideways.deleteLater()
        self.setMinimumSize(minimum)
        if self.isVisible() and not (self.isMaximized() or self.isFullScreen()):
            # (a window larger than its new screen is made to fit it, "Get help now"
            # and Lock in view)
            from moodlog.ui.window_state import fitted_size

            fitted = fitted_size(self, self.width(), self.height()).expandedTo(minimum)
            if fitted != self.size():
                self.resize(fitted)

    def dialogs_closed_by_the_lock(self) -> list[QWidget]:
        """This window's dialogs, each marked as closed by the lock (or a quit) that
        just kept their drafts: closing them then does not forget the drafts."""
        dialogs = [w for w in self.findChildren(QWidget) if w.isWindow() and w is not self]
        for dialog in dialogs:
            dialog.closing_for_lock = True
        return dialogs

    def close_for_lock(self) -> None:
        self._closing_for_lock = True
        self._stop_watching_screen()
        self.lock_keys_while_blocked.install(False)
        for dialog in self.dialogs_closed_by_the_lock():
            dialog.close()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._closing_for_lock:
            problems = self.prepare_to_lock()
            ask = self.ask_before_closing
            if problems and ask is not None and not ask(problems[0]):
                # (review finding: closing threw unsaved text away without a word when
                # its draft could not be kept; the Lock asked, closing did not)
                event.ignore()
                return
        if not self.context.demo:
            from moodlog.ui.window_state import save_geometry

            save_geometry(self, self.context.data_dir)
        super().closeEvent(event)
