"""Journal: a year of days coloured by mood, full-text search, and each day's entries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QLocale, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
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

from moodlog.domain.dates import EARLIEST_DAY
from moodlog.domain.entries import Entry
from moodlog.domain.errors import ValidationError
from moodlog.i18n import date_text, number_text, time_text, tr
from moodlog.ui.context import AppContext
from moodlog.ui.drafts import DraftDialogMixin, EnterDoesNotSave
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
    WEEKDAY_ROWS = (0, 2, 4)  # Monday, Wednesday, Friday: labelled in the locale's words

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
        self.setAccessibleName(tr("Mood calendar for the year"))
        self.setAccessibleDescription(
            tr(
                "One square a day, coloured by that day's average mood; click a day to "
                "see its entries."
            )
        )
        locale = QLocale()
        self.weekdays = [
            (row, locale.dayName(row + 1, QLocale.FormatType.ShortFormat))
            for row in self.WEEKDAY_ROWS
        ]

    @property
    def left(self) -> int:
        """Room for the weekday labels, measured in the font in use."""
        metrics = self.fontMetrics()
        return max(metrics.horizontalAdvance(name) for _, name in self.weekdays) + 8

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
        for row, name in self.weekdays:
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
                painter.drawText(rect.x(), self.TOP - 5, date_text(day, "MMM"))
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
        words = date_text(day, "ddd d MMM yyyy")
        if mood is not None:
            text = tr("{day}: mood {mood}").format(day=words, mood=number_text(mood, 1))
        elif self.is_future(day):
            text = tr("{day}: still to come").format(day=words)
        else:
            text = tr("{day}: no entry").format(day=words)
        self.setToolTip(text)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        day = self.day_at(event.position().toPoint())
        if day is not None:
            self.day_clicked.emit(day)


class EntryDialog(EnterDoesNotSave, DraftDialogMixin, QDialog):
    draft_kind = "entry_edit"

    def __init__(self, context: AppContext, entry: Entry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Edit entry"))
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
        from moodlog.ui.window_state import fitted_size

        self.resize(fitted_size(self, 900, 560))
        self.watch_draft()

    def draft_body(self) -> dict:
        return {"id": self.entry.id, "fields": self.form.state()}

    def save(self) -> None:
        updated = self.form.entry()
        updated.id, updated.created_at = self.entry.id, self.entry.created_at
        try:
            with self.saving():
                self.context.vault.entries.update(updated)
        except ValidationError as error:
            self.error.setText(str(error))
            return
        self.context.events.data_changed.emit("entries")
        self.accept()


class SummaryWords:
    """The words of a result line, translated once for a whole list, and the day and
    clock words of the days and times met so far (``tr`` and the locale's formatting
    for every field of 300 lines would cost more than the rest of the search)."""

    SCALES = ("anxiety", "energy", "irritability", "sleep_quality")

    def __init__(self) -> None:
        self.mood = tr("mood {value}")
        self.scales = {
            "anxiety": tr("anxiety {value}"),
            "energy": tr("energy {value}"),
            "irritability": tr("irritability {value}"),
            "sleep_quality": tr("sleep quality {value}"),
        }
        self.slept = tr("slept {hours} h")
        self.later = tr("filled in later")
        self.tags = tr("Tags: {tags}")
        locale = QLocale()
        self.numbers = [locale.toString(number) for number in range(11)]  # the 0-10 scales
        self.days: dict[dt.date, str] = {}
        self.clocks: dict[tuple[int, int], str] = {}

    def day(self, day: dt.date) -> str:
        words = self.days.get(day)
        if words is None:
            words = self.days[day] = date_text(day, "ddd d MMM yyyy")
        return words

    def clock(self, time: dt.time) -> str:
        key = (time.hour, time.minute)
        words = self.clocks.get(key)
        if words is None:
            words = self.clocks[key] = time_text(time)
        return words


def _hours_text(hours: float) -> str:
    """7 -> "7", 7.5 -> "7.5", 7.25 -> "7.25", with the locale's decimal separator."""
    return number_text(hours, 0 if hours == int(hours) else 2 if hours * 2 % 1 else 1)


# A day's list shows this much of a note (some ten pages); the rest is read in the editor
# (review finding: a 1 MB note took 2.8 s to lay out each time its day was chosen).
# (a page or so: 20,000 characters still pushed the day's other entries screens down;
# night review)
DAY_LIST_NOTE_CHARS = 2_000


def shown_note(note: str) -> str:
    """``note`` as a day's list shows it: whole, or its beginning and how to read the rest."""
    if len(note) <= DAY_LIST_NOTE_CHARS:
        return note
    rest = tr("… ({count} more characters: Edit shows the whole note)").format(
        count=number_text(len(note) - DAY_LIST_NOTE_CHARS, 0)
    )
    return note[:DAY_LIST_NOTE_CHARS] + rest


def entry_summary(entry: Entry, words: SummaryWords | None = None) -> str:
    words = words or SummaryWords()
    parts = [
        f"{words.day(entry.day)} {words.clock(entry.time)}",
        words.mood.format(value=words.numbers[entry.mood]),
    ]
    for name in SummaryWords.SCALES:
        value = getattr(entry, name)
        if value is not None:
            parts.append(words.scales[name].format(value=words.numbers[value]))
    if entry.sleep_hours is not None:
        parts.append(words.slept.format(hours=_hours_text(entry.sleep_hours)))
    if entry.backfilled:
        parts.append(words.later)
    text = " \N{MIDDLE DOT} ".join(parts)
    if entry.tags:
        text += "\n" + words.tags.format(tags=", ".join(entry.tags))
    if entry.note:
        snippet = (
            entry.note if len(entry.note) <= 300 else entry.note[:300] + "\N{HORIZONTAL ELLIPSIS}"
        )
        text += "\n" + snippet
    return text


class ResultList(QListWidget):
    """The search results, a screenful first.

    Qt paints nothing of a list before its whole layout is done (in its batched layout
    mode too: no batch is painted before the last), and laying out a wrapped line costs
    ~30 us: 300 results used to appear ~10 ms after the search. ``show_lines`` writes and
    lays out only the lines that fill the visible part, so the first paint comes at once;
    the other rows are there (``count()`` is complete, rows keep their numbers) but
    hidden and empty, and are written and laid out in the moment after that paint."""

    def __init__(self) -> None:
        super().__init__()
        self.setLayoutMode(QListView.LayoutMode.SinglePass)
        self.shown_first = 0  # lines written and laid out for the first paint
        self._rest: tuple[int, Callable[[int], str]] | None = None  # from row, how
        self._show_rest = QTimer(self)
        self._show_rest.setSingleShot(True)
        self._show_rest.setInterval(0)
        self._show_rest.timeout.connect(self.show_all)

    def show_lines(self, count: int, line: Callable[[int], str]) -> None:
        """``count`` lines, ``line(row)`` writing each. Lines are written until they fill
        the visible part (counting each line of text once: wrapping only adds height)."""
        self._show_rest.stop()
        self._rest = None
        self.clear()
        room = self.viewport().height()
        if not self.isVisible():  # its size is not known yet: as high as the screen
            screen = self.screen() or QGuiApplication.primaryScreen()
            room = max(room, screen.availableGeometry().height() if screen else 1080)
        step, spacing = max(1, self.fontMetrics().lineSpacing()), 2 * self.spacing()
        shown: list[str] = []
        while len(shown) < count and room >= 0:
            text = line(len(shown))
            shown.append(text)
            room -= (text.count("\n") + 1) * step + spacing
        self.shown_first = len(shown)
        self.addItems(shown + [""] * (count - len(shown)))  # one call
        if len(shown) < count:
            for row in range(len(shown), count):
                self.setRowHidden(row, True)
            self._rest = (len(shown), line)

    def show_all(self) -> None:
        """Write and show the rows still hidden (at once: no need to wait for a paint)."""
        if self._rest is None:
            return
        first, line = self._rest
        self._rest = None
        count, current = self.count(), self.currentRow()
        self.model().removeRows(first, count - first)  # their hidden marks go with them
        self.addItems([line(row) for row in range(first, count)])
        if current >= first:  # a key (End, Page Down) reached a row not yet written
            self.setCurrentRow(current)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if self._rest is not None and not self._show_rest.isActive():
            self._show_rest.start()  # the next moment: after this paint is on the screen


def no_entries_yet() -> str:
    """The results list of a journal with no entry at all: what to do next."""
    return tr(
        "No entries yet. Your check-ins appear here once you have saved one: go to Today "
        "(Ctrl+N), choose your mood and save with Ctrl+S. Their notes can then be "
        "searched here (Ctrl+F)."
    )


class JournalScreen(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.vault = context.vault
        self.selected_day: dt.date | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        top = QHBoxLayout()
        top.addWidget(heading(tr("Journal")))
        top.addStretch(1)
        top.addWidget(QLabel(tr("Year")))
        self.year_box = QSpinBox()
        self.year_box.setAccessibleName(tr("Year shown in the calendar"))
        self.year_box.setAccessibleDescription(tr("The year the mood calendar shows."))
        self.year_box.setRange(EARLIEST_DAY.year, self._last_year())
        self.year_box.setValue(context.today().year)
        self.year_box.valueChanged.connect(self._load_year)
        top.addWidget(self.year_box)
        layout.addLayout(top)
        self.heatmap = YearHeatMap()
        self.heatmap.day_clicked.connect(self.select_day)
        layout.addWidget(self.heatmap)
        layout.addWidget(
            hint(
                tr(
                    "Each square is a day, coloured by average mood (brown = low, "
                    "teal = high). Hollow squares are days without an entry; faint dotted "
                    "squares are days still to come."
                )
            )
        )

        search_row = QHBoxLayout()
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(tr("Search your notes"))
        # Its hint in full on a narrow screen too (diff review: "Searc…" at 683 px, the
        # row's labels taking the room); the screen scrolls sideways instead.
        hint_width = self.search_box.fontMetrics().horizontalAdvance(tr("Search your notes"))
        self.search_box.setMinimumWidth(hint_width + 24)
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName(tr("Search notes"))
        self.search_box.setAccessibleDescription(
            tr("Lists the entries whose note has every word you type (Ctrl+F comes here).")
        )
        self.tag_box = QComboBox()
        self.tag_box.setAccessibleName(tr("Filter by tag"))
        self.tag_box.setAccessibleDescription(tr("Lists only the entries with this tag."))
        self.from_date = DateEdit()
        self.to_date = DateEdit()
        dates = (
            (self.from_date, tr("From date"), tr("Lists entries from this day on; any: no limit.")),
            (self.to_date, tr("To date"), tr("Lists entries up to this day; any: no limit.")),
        )
        for edit, name, description in dates:
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumDate(QDate(EARLIEST_DAY.year, 1, 1))
            edit.setSpecialValueText(tr("any"))
            edit.setDate(edit.minimumDate())
            edit.setAccessibleName(name)
            edit.setAccessibleDescription(description)
        search_row.addWidget(self.search_box, 3)
        # Each field beside its label, its buddy: a screen reader on Linux names a list by
        # its label only (accessibility review: the tag list was read as "Any tag").
        for text, field, stretch in (
            (tr("Tag"), self.tag_box, 1),
            (tr("From"), self.from_date, 0),
            (tr("to"), self.to_date, 0),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            search_row.addWidget(label)
            search_row.addWidget(field, stretch)
        layout.addLayout(search_row)

        splitter = QSplitter()
        self.results = ResultList()
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setAlternatingRowColors(True)
        self.results.setSpacing(2)
        self.results.setAccessibleName(tr("Entries"))
        self.results.setAccessibleDescription(
            tr("The entries found, newest first; choose one to see its day.")
        )
        self._result_days: list[dt.date] = []
        self._words = SummaryWords()
        self.results.itemActivated.connect(self._result_chosen)
        self.results.itemClicked.connect(self._result_chosen)
        splitter.addWidget(self.results)
        day_panel = QWidget()
        day_layout = QVBoxLayout(day_panel)
        day_layout.setContentsMargins(8, 0, 0, 0)
        self.day_title = QLabel(tr("Choose a day"))
        self.day_title.setObjectName("subheading")
        day_layout.addWidget(self.day_title)
        self.day_entries = QListWidget()
        self.day_entries.setAccessibleName(tr("Entries of the chosen day"))
        self.day_entries.setAccessibleDescription(
            tr(
                "Every entry of the day chosen in the calendar or the results; "
                "double-click one to edit it."
            )
        )
        self.day_entries.setWordWrap(True)
        self.day_entries.setAlternatingRowColors(True)
        self.day_entries.setSpacing(2)
        self.day_entries.itemDoubleClicked.connect(lambda _: self.edit_selected())
        day_layout.addWidget(self.day_entries, 1)
        buttons = QHBoxLayout()
        self.edit_button = QPushButton(tr("Edit"))
        self.edit_button.setAccessibleDescription(tr("Opens the chosen entry to change it."))
        self.delete_button = QPushButton(tr("Delete…"))
        self.delete_button.setAccessibleDescription(
            tr("Deletes the chosen entry, after asking you.")
        )
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        question = QPushButton(tr("Add a question for my therapist…"))
        question.setAccessibleDescription(
            tr("Writes down a question to bring to your next appointment.")
        )
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
        self.tag_box.addItem(tr("Any tag"), None)
        for name in self.vault.tags.names(include_hidden=True):
            self.tag_box.addItem(name, name)
        index = self.tag_box.findData(current_tag)
        self.tag_box.setCurrentIndex(max(0, index))
        self.tag_box.blockSignals(False)
        # (left open over New Year, the calendar could not show the new year)
        self.year_box.setMaximum(max(self.year_box.maximum(), self._last_year()))
        self._load_year()
        self.run_search()
        if self.selected_day:
            self.select_day(self.selected_day)

    def _last_year(self) -> int:
        """The calendar's last year: this one, or a later one that has entries (saved
        while the computer's clock was ahead: they were out of reach, and choosing one
        in the search results showed this year's calendar instead)."""
        last_day = self.vault.entries.last_day()
        return max(self.context.today().year, last_day.year if last_day else 0)

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
        self._result_days = [entry.day for entry in results]
        words = self._words
        if results:
            self.results.show_lines(len(results), lambda row: entry_summary(results[row], words))
        else:  # a new journal: what to do next, whatever was searched for
            message = tr("No entries match.") if self.vault.entries.count() else no_entries_yet()
            self.results.show_lines(1, lambda row: message)

    def result_days(self) -> list[dt.date]:
        return list(self._result_days)

    def _result_chosen(self, item: QListWidgetItem) -> None:
        row = self.results.row(item)
        if 0 <= row < len(self._result_days):  # not the "No entries match." line
            self.select_day(self._result_days[row])

    def select_day(self, day: dt.date) -> None:
        self.selected_day = day
        if day.year != self.year_box.value():
            self.year_box.setMaximum(max(self.year_box.maximum(), day.year))
            self.year_box.setValue(day.year)
        self.heatmap.selected = day
        self.heatmap.update()
        entries = self.vault.entries.on_day(day)
        words = date_text(day, "dddd d MMMM yyyy")
        self.day_title.setText(words if entries else tr("{day}: no entries").format(day=words))
        self.day_entries.clear()
        for entry in entries:
            item = QListWidgetItem(
                entry_summary(entry, self._words).split("\n", 1)[0]
                + ("\n" + shown_note(entry.note) if entry.note else "")
                + ("\n" + self._words.tags.format(tags=", ".join(entry.tags)) if entry.tags else "")
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
            tr("Delete entry"),
            tr("Delete the entry of {day} {time}? This cannot be undone.").format(
                day=date_text(entry.day, "d MMM yyyy"), time=time_text(entry.time)
            ),
            tr("Delete"),
        ):
            self.vault.entries.delete(entry.id)
            self.context.events.data_changed.emit("entries")
