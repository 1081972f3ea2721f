"""Journal: a year of days coloured by mood, full-text search, and each day's entries."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.entries import Entry
from moodlog.domain.errors import ValidationError
from moodlog.ui.context import AppContext
from moodlog.ui.drafts import DraftDialogMixin
from moodlog.ui.entry_form import EntryForm
from moodlog.ui.widgets import DateEdit, confirm, heading, hint

# BrBG-like, colour-blind safe: low mood brown, middle sand, high mood teal.
MOOD_STOPS = ((0, QColor("#8c510a")), (5, QColor("#f0e2bd")), (10, QColor("#01665e")))


def mood_colour(mood: float) -> QColor:
    for (low_value, low), (high_value, high) in zip(MOOD_STOPS, MOOD_STOPS[1:], strict=False):
        if mood <= high_value:
            t = (mood - low_value) / (high_value - low_value)
            return QColor(
                round(low.red() + (high.red() - low.red()) * t),
                round(low.green() + (high.green() - low.green()) * t),
                round(low.blue() + (high.blue() - low.blue()) * t),
            )
    return MOOD_STOPS[-1][1]


class YearHeatMap(QWidget):
    """A GitHub-style year: one square a day, weeks as columns, empty days hollow, days
    still to come faint and dotted. The squares shrink to the width available, so the
    weekday labels and the year's last week are never cut off (issue 15)."""

    day_clicked = Signal(object)
    CELL = 13  # the largest square; smaller in a narrow window, never below MIN_CELL
    MIN_CELL = 6
    GAP = 3
    TOP = 18
    WEEKDAYS = ((0, "Mon"), (2, "Wed"), (4, "Fri"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = dt.date.today().year
        self.today: dt.date | None = None
        self.moods: dict[dt.date, float] = {}
        self.selected: dt.date | None = None
        self.setMouseTracking(True)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAccessibleName("Mood calendar for the year")

    @property
    def left(self) -> int:
        """Room for the weekday labels, measured in the font in use."""
        metrics = self.fontMetrics()
        return max(metrics.horizontalAdvance(name) for _, name in self.WEEKDAYS) + 8

    def columns(self) -> int:
        """Weeks shown: 53 or 54, from the Monday on or before 1 January to 31 December."""
        return (dt.date(self.year, 12, 31) - self._first_cell_day()).days // 7 + 1

    def cell(self, width: int | None = None) -> int:
        width = self.width() if width is None else width
        step = (width - self.left) // self.columns()
        return max(self.MIN_CELL, min(self.CELL, step - self.GAP))

    def _height(self, cell: int) -> int:
        return self.TOP + 7 * (cell + self.GAP) + 4

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.left + self.columns() * (self.CELL + self.GAP), self._height(self.CELL))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        step = self.MIN_CELL + self.GAP
        return QSize(self.left + self.columns() * step, self._height(self.MIN_CELL))

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._height(self.cell(width))

    def set_data(
        self, year: int, moods: dict[dt.date, float], today: dt.date | None = None
    ) -> None:
        self.year = year
        self.moods = moods
        self.today = today
        self.updateGeometry()
        self.update()

    def _first_cell_day(self) -> dt.date:
        first = dt.date(self.year, 1, 1)
        return first - dt.timedelta(days=first.weekday())

    def cell_rect(self, day: dt.date) -> QRect:
        offset = (day - self._first_cell_day()).days
        column, row = divmod(offset, 7)
        cell = self.cell()
        step = cell + self.GAP
        return QRect(self.left + column * step, self.TOP + row * step, cell, cell)

    def day_at(self, point: QPoint) -> dt.date | None:
        step = self.cell() + self.GAP
        column = (point.x() - self.left) // step
        row = (point.y() - self.TOP) // step
        if column < 0 or not 0 <= row < 7:
            return None
        day = self._first_cell_day() + dt.timedelta(days=column * 7 + row)
        return day if day.year == self.year else None

    def is_future(self, day: dt.date) -> bool:
        return self.today is not None and day > self.today

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().color(self.foregroundRole())
        painter.setPen(text_colour)
        step = self.cell() + self.GAP
        for row, name in self.WEEKDAYS:
            painter.drawText(
                QRect(0, self.TOP + row * step - 4, self.left - 4, step + 8),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
        day = dt.date(self.year, 1, 1)
        empty_pen = QPen(QColor("#b9b9b9"))
        # Hollow in the theme's own background (white in light, dark in dark).
        empty_fill = self.palette().color(QPalette.ColorRole.Base)
        future_pen = QPen(QColor("#b9b9b9"), 1, Qt.PenStyle.DotLine)
        while day.year == self.year:
            rect = self.cell_rect(day)
            if day.day == 1:
                painter.setPen(text_colour)
                painter.drawText(rect.x(), self.TOP - 5, day.strftime("%b"))
            mood = self.moods.get(day)
            if mood is not None:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(mood_colour(mood))
            elif self.is_future(day):  # not missed: still to come
                painter.setPen(future_pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
            else:
                painter.setPen(empty_pen)
                painter.setBrush(empty_fill)
            painter.drawRoundedRect(rect.adjusted(0, 0, -1, -1), 2, 2)
            if day == self.selected:
                painter.setPen(QPen(text_colour, 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect.adjusted(-1, -1, 0, 0), 2, 2)
            day += dt.timedelta(days=1)
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        day = self.day_at(event.position().toPoint())
        if day is None:
            self.setToolTip("")
            return
        mood = self.moods.get(day)
        if mood is not None:
            state = f"mood {mood:.1f}"
        else:
            state = "still to come" if self.is_future(day) else "no entry"
        self.setToolTip(f"{day:%a %d %b %Y}: {state}")

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        day = self.day_at(event.position().toPoint())
        if day is not None:
            self.day_clicked.emit(day)


class EntryDialog(DraftDialogMixin, QDialog):
    draft_kind = "entry_edit"

    def __init__(self, context: AppContext, entry: Entry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit entry")
        self.context = context
        self.entry = entry
        layout = QVBoxLayout(self)
        layout.addWidget(self.restored_notice())
        self.form = EntryForm(context.vault.tags.names(), context.today())
        self.form.load(entry)
        layout.addWidget(self.form)
        self.error = QLabel("")
        self.error.setObjectName("error")
        layout.addWidget(self.error)
        layout.addWidget(self.save_buttons())
        self.resize(900, 560)
        self.watch_draft()

    def draft_body(self) -> dict:
        return {"id": self.entry.id, "fields": self.form.state()}

    def save(self) -> None:
        updated = self.form.entry()
        updated.id, updated.created_at = self.entry.id, self.entry.created_at
        try:
            self.context.vault.entries.update(updated)
        except ValidationError as error:
            self.error.setText(str(error))
            return
        self.context.events.data_changed.emit("entries")
        self.accept()


_NAMES: dict[str, list[str]] = {}


def _short_names() -> dict[str, list[str]]:
    """Weekday and month abbreviations as ``strftime`` gives them (%a, %b), looked up
    once: ``strftime`` per result costs more than the rest of a line (search speed)."""
    if not _NAMES:
        _NAMES["day"] = [dt.date(2024, 1, 1 + i).strftime("%a") for i in range(7)]
        _NAMES["month"] = [""] + [dt.date(2024, m, 1).strftime("%b") for m in range(1, 13)]
    return _NAMES


def entry_summary(entry: Entry) -> str:
    names, day, time = _short_names(), entry.day, entry.time
    parts = [
        f"{names['day'][day.weekday()]} {day.day:02d} {names['month'][day.month]} {day.year} "
        f"{time.hour:02d}:{time.minute:02d}",
        f"mood {entry.mood}",
    ]
    for name in ("anxiety", "energy", "irritability", "sleep_quality"):
        value = getattr(entry, name)
        if value is not None:
            parts.append(f"{name.replace('_', ' ')} {value}")
    if entry.sleep_hours is not None:
        parts.append(f"slept {entry.sleep_hours:g} h")
    if entry.backfilled:
        parts.append("filled in later")
    text = " \N{MIDDLE DOT} ".join(parts)
    if entry.tags:
        text += "\nTags: " + ", ".join(entry.tags)
    if entry.note:
        snippet = (
            entry.note if len(entry.note) <= 300 else entry.note[:300] + "\N{HORIZONTAL ELLIPSIS}"
        )
        text += "\n" + snippet
    return text


class JournalScreen(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.vault = context.vault
        self.selected_day: dt.date | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        top = QHBoxLayout()
        top.addWidget(heading("Journal"))
        top.addStretch(1)
        top.addWidget(QLabel("Year"))
        self.year_box = QSpinBox()
        self.year_box.setAccessibleName("Year shown in the calendar")
        self.year_box.setRange(1990, context.today().year)
        self.year_box.setValue(context.today().year)
        self.year_box.valueChanged.connect(self._load_year)
        top.addWidget(self.year_box)
        layout.addLayout(top)
        self.heatmap = YearHeatMap()
        self.heatmap.day_clicked.connect(self.select_day)
        layout.addWidget(self.heatmap)
        layout.addWidget(
            hint(
                "Each square is a day, coloured by average mood (brown = low, "
                "teal = high). Hollow squares are days without an entry; faint dotted "
                "squares are days still to come."
            )
        )

        search_row = QHBoxLayout()
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText("Search your notes")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName("Search notes")
        self.tag_box = QComboBox()
        self.tag_box.setAccessibleName("Filter by tag")
        self.from_date = DateEdit()
        self.to_date = DateEdit()
        for edit, label in ((self.from_date, "From"), (self.to_date, "To")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumDate(QDate(1990, 1, 1))
            edit.setSpecialValueText("any")
            edit.setDate(edit.minimumDate())
            edit.setAccessibleName(f"{label} date")
        search_row.addWidget(self.search_box, 3)
        search_row.addWidget(self.tag_box, 1)
        search_row.addWidget(QLabel("From"))
        search_row.addWidget(self.from_date)
        search_row.addWidget(QLabel("to"))
        search_row.addWidget(self.to_date)
        layout.addLayout(search_row)

        splitter = QSplitter()
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setAlternatingRowColors(True)
        self.results.setSpacing(2)
        self.results.setAccessibleName("Entries")
        # Lay out (and paint) the first results at once, the rest in the next moments.
        self.results.setLayoutMode(QListView.LayoutMode.Batched)
        self.results.setBatchSize(25)
        self._result_days: list[dt.date] = []
        self.results.itemActivated.connect(self._result_chosen)
        self.results.itemClicked.connect(self._result_chosen)
        splitter.addWidget(self.results)
        day_panel = QWidget()
        day_layout = QVBoxLayout(day_panel)
        day_layout.setContentsMargins(8, 0, 0, 0)
        self.day_title = QLabel("Choose a day")
        self.day_title.setObjectName("subheading")
        day_layout.addWidget(self.day_title)
        self.day_entries = QListWidget()
        self.day_entries.setAccessibleName("Entries of the chosen day")
        self.day_entries.setWordWrap(True)
        self.day_entries.setAlternatingRowColors(True)
        self.day_entries.setSpacing(2)
        self.day_entries.itemDoubleClicked.connect(lambda _: self.edit_selected())
        day_layout.addWidget(self.day_entries, 1)
        buttons = QHBoxLayout()
        self.edit_button = QPushButton("Edit")
        self.delete_button = QPushButton("Delete\N{HORIZONTAL ELLIPSIS}")
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        question = QPushButton("Add a question for my therapist\N{HORIZONTAL ELLIPSIS}")
        question.clicked.connect(self._add_question)
        buttons.addWidget(question)
        day_layout.addLayout(buttons)
        splitter.addWidget(day_panel)
        splitter.setSizes([500, 400])
        layout.addWidget(splitter, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(self._search_timer.start)
        self.tag_box.currentIndexChanged.connect(self.run_search)
        self.from_date.dateChanged.connect(self.run_search)
        self.to_date.dateChanged.connect(self.run_search)
        context.events.data_changed.connect(self._data_changed)
        self.refresh()

    def _data_changed(self, kind: str) -> None:
        if kind in ("entries", "tags") and self.vault.is_open:
            self.refresh()

    def refresh(self) -> None:
        current_tag = self.tag_box.currentData()
        self.tag_box.blockSignals(True)
        self.tag_box.clear()
        self.tag_box.addItem("Any tag", None)
        for name in self.vault.tags.names(include_hidden=True):
            self.tag_box.addItem(name, name)
        index = self.tag_box.findData(current_tag)
        self.tag_box.setCurrentIndex(max(0, index))
        self.tag_box.blockSignals(False)
        self._load_year()
        self.run_search()
        if self.selected_day:
            self.select_day(self.selected_day)

    def _load_year(self) -> None:
        year = self.year_box.value()
        moods = self.vault.entries.daily_mood(dt.date(year, 1, 1), dt.date(year, 12, 31))
        self.heatmap.set_data(year, moods, self.context.today())

    def _date_filter(self, edit: DateEdit) -> dt.date | None:
        return None if edit.date() == edit.minimumDate() else edit.date().toPython()

    def leaving(self) -> None:
        self._search_timer.stop()

    def run_search(self) -> None:
        if not self.vault.is_open:
            return
        results = self.vault.entries.search(
            self.search_box.text(),
            [self.tag_box.currentData()] if self.tag_box.currentData() else None,
            self._date_filter(self.from_date),
            self._date_filter(self.to_date),
            limit=300,
        )
        self.results.clear()
        self._result_days = [entry.day for entry in results]
        self.results.addItems([entry_summary(entry) for entry in results])  # one call
        if not results:
            self.results.addItem(
                "No entries match."
                if self.search_box.text().strip() or self.tag_box.currentData()
                else "No entries yet."
            )

    def result_days(self) -> list[dt.date]:
        return list(self._result_days)

    def _result_chosen(self, item: QListWidgetItem) -> None:
        row = self.results.row(item)
        if 0 <= row < len(self._result_days):  # not the "No entries match." line
            self.select_day(self._result_days[row])

    def select_day(self, day: dt.date) -> None:
        self.selected_day = day
        if day.year != self.year_box.value():
            self.year_box.setValue(day.year)
        self.heatmap.selected = day
        self.heatmap.update()
        entries = self.vault.entries.on_day(day)
        self.day_title.setText(f"{day:%A %d %B %Y}" + ("" if entries else ": no entries"))
        self.day_entries.clear()
        for entry in entries:
            item = QListWidgetItem(
                entry_summary(entry).split("\n", 1)[0]
                + ("\n" + entry.note if entry.note else "")
                + ("\nTags: " + ", ".join(entry.tags) if entry.tags else "")
            )
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.day_entries.addItem(item)
        if entries:
            self.day_entries.setCurrentRow(0)

    def _add_question(self) -> None:
        from moodlog.ui.drafts import ask_question

        ask_question(self.context, self, "journal")

    def _selected_entry(self) -> Entry | None:
        item = self.day_entries.currentItem()
        if item is None:
            return None
        return self.vault.entries.get(item.data(Qt.ItemDataRole.UserRole))

    def edit_selected(self) -> None:
        entry = self._selected_entry()
        if entry is None:
            return
        dialog = EntryDialog(self.context, entry, self)
        self.edit_dialog = dialog
        dialog.open()

    def resume_edit_draft(self, body: dict) -> EntryDialog | None:
        """The edit dialog again, with the text kept at the last lock (not opened yet)."""
        entry = self.vault.entries.get(body.get("id")) if body.get("id") else None
        if entry is None:
            return None
        self.select_day(entry.day)
        dialog = EntryDialog(self.context, entry, self)
        if isinstance(body.get("fields"), dict):
            dialog.form.restore(body["fields"])
        self.edit_dialog = dialog
        return dialog

    def delete_selected(self) -> None:
        entry = self._selected_entry()
        if entry is None:
            return
        if confirm(
            self,
            "Delete entry",
            f"Delete the entry of {entry.day:%d %b %Y} {entry.time:%H:%M}? This cannot be undone.",
        ):
            self.vault.entries.delete(entry.id)
            self.context.events.data_changed.emit("entries")
