"""The main window of an unlocked session: navigation on the left, one screen at a time."""

from __future__ import annotations

import importlib

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from moodlog.ui.context import AppContext

# (title, module, class): screens are built when first shown, so unlocking stays quick.
SCREENS = (
    ("Today", "moodlog.ui.today", "TodayScreen"),
    ("Journal", "moodlog.ui.journal", "JournalScreen"),
    ("Treatments", "moodlog.ui.treatments", "TreatmentsScreen"),
    ("Trends", "moodlog.ui.trends", "TrendsScreen"),
    ("Safety plan", "moodlog.ui.safety_plan", "SafetyPlanScreen"),
    ("Export", "moodlog.ui.export", "ExportScreen"),
    ("Settings", "moodlog.ui.settings", "SettingsScreen"),
)


class MainWindow(QMainWindow):
    lock_requested = Signal()
    help_requested = Signal(str)
    idle_minutes_changed = Signal(int)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self._closing_for_lock = False
        self.screens: dict[str, QWidget] = {}
        self.resize(1100, 760)
        self.setMinimumSize(QSize(820, 560))

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        bar = QWidget()
        bar.setObjectName("topBar")
        bar_layout = QHBoxLayout(bar)
        bar_layout.setContentsMargins(16, 8, 16, 8)
        name = QLabel("moodlog")
        name.setObjectName("barName")
        bar_layout.addWidget(name)
        if context.demo:
            demo = QLabel("DEMO \N{EM DASH} sample data, deleted when you quit")
            demo.setObjectName("demoBadge")
            bar_layout.addWidget(demo)
        bar_layout.addStretch(1)
        self.help_button = QPushButton("Get help now")
        self.help_button.setObjectName("helpButton")
        self.help_button.clicked.connect(lambda: self.help_requested.emit(""))
        self.lock_button = QPushButton("Lock")
        self.lock_button.setToolTip("Lock moodlog (Ctrl+L)")
        self.lock_button.clicked.connect(self.lock_requested)
        bar_layout.addWidget(self.help_button)
        bar_layout.addWidget(self.lock_button)
        outer.addWidget(bar)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(180)
        self.nav.setAccessibleName("Sections")
        self.stack = QStackedWidget()
        for title, _, _ in SCREENS:
            QListWidgetItem(title, self.nav)
            placeholder = QWidget()
            self.stack.addWidget(placeholder)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)

        lock_action = QAction("Lock", self)
        lock_action.setShortcut(QKeySequence("Ctrl+L"))
        lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        lock_action.triggered.connect(self.lock_requested)
        self.addAction(lock_action)
        for number in range(len(SCREENS)):
            action = QAction(self)
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
            widget = screen_class(self.context)
            if hasattr(widget, "idle_minutes_changed"):
                widget.idle_minutes_changed.connect(self.idle_minutes_changed)
            old = self.stack.widget(row)
            self.stack.insertWidget(row, widget)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.screens[title] = widget
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
            previous.leaving()
        title = SCREENS[row][0]
        widget = self.screen(title)
        self.stack.setCurrentIndex(row)
        if hasattr(widget, "refresh"):
            widget.refresh()

    def _open_day(self, day: object) -> None:
        journal = self.show_screen("Journal")
        journal.select_day(day)

    # -- lock / close -------------------------------------------------------------
    def prepare_to_lock(self) -> None:
        """Give every screen the chance to keep unsaved work as an encrypted draft."""
        for widget in self.screens.values():
            if hasattr(widget, "leaving"):
                widget.leaving()

    def close_for_lock(self) -> None:
        self._closing_for_lock = True
        for dialog in self.findChildren(QWidget):
            if dialog.isWindow() and dialog is not self:
                dialog.close()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._closing_for_lock:
            self.prepare_to_lock()
        super().closeEvent(event)
