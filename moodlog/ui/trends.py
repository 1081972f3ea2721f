"""Trends: mood over time around treatment dates, and the per-session response."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.analysis import SessionResponse, compare_tags
from moodlog.domain.questionnaires import GAD7, PHQ9
from moodlog.ui.charts import (
    LEVEL_COLOURS,
    SERIES_STYLE,
    AroundSessionsChart,
    TimelineChart,
    TrendData,
)
from moodlog.ui.context import AppContext
from moodlog.ui.widgets import heading, hint, show_error

RANGES = (("30 days", 30), ("90 days", 90), ("1 year", 365), ("All", None))
SESSION_COLUMNS = (
    "Date",
    "Kind",
    "Dose",
    "Baseline",
    "Day +1",
    "+1..+3",
    "+4..+7",
    "+8..+14",
    "Durability",
)


def _signed(value: float | None) -> str:
    return "\N{EN DASH}" if value is None else f"{value:+.1f}"


def session_row(response: SessionResponse) -> tuple[str, ...]:
    t = response.session
    return (
        f"{t.day:%d %b %Y}",
        t.label,
        t.dose_text(),
        "\N{EN DASH}" if response.baseline is None else f"{response.baseline:.1f}",
        _signed(response.day1_change),
        *(_signed(c) for c in response.window_changes),
        response.durability_text,
    )


def insights_text(data: TrendData) -> str:
    """Associations in the user's own data, in plain words (not causes)."""
    parts = []
    if data.tag_comparisons:
        parts.append(
            "Mood on days with a tag vs without: "
            + "; ".join(
                f"{c.tag} {c.with_mean:.1f} vs {c.without_mean:.1f}"
                for c in data.tag_comparisons[:4]
            )
            + "."
        )
    if data.sleep_correlation is not None:
        r, n = data.sleep_correlation
        strength = "little" if abs(r) < 0.2 else "some" if abs(r) < 0.4 else "a clear"
        parts.append(f"Hours slept vs next day's mood: {strength} link (r = {r:+.2f}, {n} days).")
    if parts:
        parts.append("These are associations in your own data, not causes.")
    return " ".join(parts)


class TrendsScreen(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.vault = context.vault
        self.data: TrendData | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        top = QHBoxLayout()
        top.addWidget(heading("Trends"))
        top.addStretch(1)
        self.range_group = QButtonGroup(self)
        self.range_buttons: dict[str, QPushButton] = {}
        for label, days in RANGES:
            button = QPushButton(label)
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, d=days: self.set_range(d))
            self.range_group.addButton(button)
            self.range_buttons[label] = button
            top.addWidget(button)
        self.save_button = QPushButton("Save as PNG\N{HORIZONTAL ELLIPSIS}")
        self.save_button.clicked.connect(self.save_png)
        top.addWidget(self.save_button)
        layout.addLayout(top)

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        over_time = QWidget()
        over_layout = QVBoxLayout(over_time)
        toggles = QHBoxLayout()
        self.toggles: dict[str, QCheckBox] = {}
        for name, (label, colour, _) in SERIES_STYLE.items():
            box = QCheckBox(label)
            box.setStyleSheet(f"color: {colour}")
            box.toggled.connect(lambda on, n=name: self.timeline.set_series_visible(n, on))
            self.toggles[name] = box
            toggles.addWidget(box)
        toggles.addStretch(1)
        legend = " ".join(
            f"<span style='color:{colour}'>&#9632;</span> {level}"
            for level, colour in LEVEL_COLOURS.items()
        )
        over_layout.addLayout(toggles)
        toggles = QHBoxLayout()
        toggles.addWidget(
            QLabel(
                "<span style='color:#2c5d63'>&#9679;</span> daily mood &nbsp; "
                "<span style='color:#2c5d63'>&#9473;</span> 7-day trend &nbsp; "
                "<span style='color:#7b3fa0'>|</span> sessions &nbsp; "
                "<span style='color:#6b5a8e'>&#9650;</span> medication &nbsp; "
                f"&nbsp;&nbsp; Self-check: {legend}"
            )
        )
        toggles.addStretch(1)
        over_layout.addLayout(toggles)
        self.timeline = TimelineChart()
        self.timeline.day_hovered.connect(lambda text: self.hover_label.setText(text))
        self.timeline.day_clicked.connect(context.events.open_day)
        over_layout.addWidget(self.timeline, 1)
        self.hover_label = QLabel(
            "Hover over a day to see its values; click it to open it in "
            "the journal. Drag to pan, scroll to zoom."
        )
        self.hover_label.setObjectName("hint")
        over_layout.addWidget(self.hover_label)
        self.insights = QLabel("")
        self.insights.setWordWrap(True)
        self.insights.setObjectName("hint")
        over_layout.addWidget(self.insights)
        self.tabs.addTab(over_time, "Over time")

        around = QWidget()
        around_layout = QVBoxLayout(around)
        self.course_label = QLabel("")
        self.course_label.setWordWrap(True)
        self.course_label.setObjectName("contextLine")
        around_layout.addWidget(self.course_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.around_chart: AroundSessionsChart | None = None  # made when the tab is shown
        self.around_holder = QWidget()
        QVBoxLayout(self.around_holder).setContentsMargins(0, 0, 0, 0)
        splitter.addWidget(self.around_holder)
        picker = QWidget()
        picker_layout = QVBoxLayout(picker)
        picker_layout.setContentsMargins(6, 0, 0, 0)
        picker_layout.addWidget(QLabel("Sessions shown"))
        self.session_list = QListWidget()
        self.session_list.itemChanged.connect(self._sessions_picked)
        picker_layout.addWidget(self.session_list, 1)
        all_button = QPushButton("Show all")
        all_button.clicked.connect(lambda: self._check_all(True))
        picker_layout.addWidget(all_button)
        splitter.addWidget(picker)
        splitter.setSizes([700, 220])
        around_layout.addWidget(splitter, 3)
        around_layout.addWidget(
            hint(
                "Mood around each ketamine or esketamine session, aligned at day 0. Changes are "
                "against the mean mood of the 7 days before (needs 3 days). Durability: days until "
                "the 3-day mean falls back to that baseline."
            )
        )
        self.session_table = QTableWidget(0, len(SESSION_COLUMNS))
        self.session_table.setHorizontalHeaderLabels(SESSION_COLUMNS)
        self.session_table.verticalHeader().setVisible(False)
        self.session_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.session_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        around_layout.addWidget(self.session_table, 2)
        self.tabs.addTab(around, "Around sessions")
        self._sessions_stale = True  # the around-sessions tab is filled when first shown
        self.tabs.currentChanged.connect(self._tab_changed)
        context.events.data_changed.connect(self._data_changed)
        self.range_buttons["90 days"].setChecked(True)
        self.refresh()

    def _data_changed(self, kind: str) -> None:
        if self.vault.is_open and kind in (
            "entries",
            "treatments",
            "questionnaires",
            "checkins",
            "medications",
        ):
            self.refresh()

    def refresh(self) -> None:
        if not self.vault.is_open:
            return
        now = self.context.now()
        self.data = TrendData.from_vault(self.vault, now, with_tags=False)
        QTimer.singleShot(0, self._load_insights)  # after the first paint
        checked = self.range_group.checkedButton()
        days = dict(RANGES)[checked.text()] if checked is not None else 90
        self.timeline.set_data(self.data, days)
        for name, box in self.toggles.items():
            if box.isChecked():
                self.timeline.set_series_visible(name, True)
        self._sessions_stale = True
        if self.tabs.currentIndex() == 1:
            self._fill_sessions()
        phq, gad = self.data.course[PHQ9], self.data.course[GAD7]
        self.course_label.setText(phq.describe() + "\n" + gad.describe())

    def _load_insights(self) -> None:
        if self.data is None or not self.vault.is_open:
            return
        self.data.tag_comparisons = compare_tags(self.data.mood, self.vault.entries.tags_by_day())
        self.insights.setText(insights_text(self.data))

    def _tab_changed(self, index: int) -> None:
        if index == 1 and self._sessions_stale:
            self._fill_sessions()

    def _fill_sessions(self) -> None:
        self._sessions_stale = False
        assert self.data is not None
        responses = list(reversed(self.data.responses))
        self.session_table.setRowCount(len(responses))
        for row, response in enumerate(responses):
            for column, text in enumerate(session_row(response)):
                self.session_table.setItem(row, column, QTableWidgetItem(text))
        self.session_list.blockSignals(True)
        self.session_list.clear()
        for session in reversed(self.data.sessions):
            item = QListWidgetItem(f"{session.day:%d %b %Y} {session.kind_info.short}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, session.id)
            self.session_list.addItem(item)
        self.session_list.blockSignals(False)
        self._sessions_picked()

    def _check_all(self, checked: bool) -> None:
        self.session_list.blockSignals(True)
        for i in range(self.session_list.count()):
            self.session_list.item(i).setCheckState(
                Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
            )
        self.session_list.blockSignals(False)
        self._sessions_picked()

    def _sessions_picked(self) -> None:
        if self.data is None:
            return
        selected = {
            self.session_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.session_list.count())
            if self.session_list.item(i).checkState() == Qt.CheckState.Checked
        }
        if self.around_chart is None:
            self.around_chart = AroundSessionsChart()
            self.around_holder.layout().addWidget(self.around_chart)
        self.around_chart.set_data(self.data.mood, self.data.sessions, selected)

    def set_range(self, days: int | None) -> None:
        self.timeline.set_range(days)

    def save_png(self) -> None:
        from moodlog.ui.files import ask_save_path

        path = ask_save_path(self, "Save chart as PNG", "moodlog-trends.png", "PNG image (*.png)")
        if path is None:
            return
        chart = self.timeline if self.tabs.currentIndex() == 0 else self.around_chart
        if not chart.grab().save(str(path), "PNG"):
            show_error(self, f"The image could not be saved to {path}.")
