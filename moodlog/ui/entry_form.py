"""The check-in fields (scales, sleep, tags, note), used by Today and the journal editor."""

from __future__ import annotations

import datetime as dt
import math
import string

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QColor, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.dates import EARLIEST_DAY
from moodlog.domain.entries import MAX_TAG_CHARS, Entry, clean_tag
from moodlog.i18n import TIME_FIELD_FORMAT, tr
from moodlog.ui.widgets import DateEdit, DecimalSpinBox, ScaleInput, TimeEdit, guard_wheel

SLEEP_NOT_RECORDED = -0.25


class QuarterHours(DecimalSpinBox):
    """Hours slept: a typed value is taken to the nearest quarter hour (7.3 -> 7.25, as
    the field then shows), the only values the journal keeps. (Review finding: "7.3"
    was shown as typed and then refused at saving.)"""

    def valueFromText(self, text: str) -> float:  # noqa: N802 - Qt's name
        return math.floor(super().valueFromText(text) * 4 + 0.5) / 4


_ASCII_FOLD = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
TAGS_MAX_HEIGHT = 240  # beyond this (dozens of tags) the list scrolls
TICK_ONLY = [Qt.ItemDataRole.CheckStateRole.value]  # the roles of a tick, as a view gets them

# The scales' tick marks, at 3:1 or more against the window (WCAG non-text contrast):
# on a dark window the grey of the dark theme's check-box borders; on a light one, mid grey.
TICKS_ON_DARK = "#9aa1a7"
TICKS_ON_LIGHT = "#7a7a7a"


class VisibleTicks(QObject):
    """Fusion draws a slider's tick marks (and its groove and handle outlines) in the
    window colour darkened by 40%: on a dark window all but invisible (issue 15). This
    gives the slider a window colour of its own from which that darkening gives
    clearly visible ticks, for the window's current theme (again whenever the palette
    changes: a theme switch). Only that one colour is set; the rest follows the app."""

    DARKENED = 140  # QColor.darker() factor Fusion uses for its outline colour

    def __init__(self, slider: QSlider) -> None:
        super().__init__(slider)
        self.slider = slider
        slider.installEventFilter(self)
        self.apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.PaletteChange:
            # Once the change has reached every widget (parents are not always first).
            QTimer.singleShot(0, self, self.apply)
        return False

    def apply(self) -> None:
        parent = self.slider.parentWidget()
        source = parent if parent is not None else self.slider
        window = source.palette().color(QPalette.ColorRole.Window)
        ticks = QColor(TICKS_ON_DARK if window.lightness() < 128 else TICKS_ON_LIGHT)
        wanted = ticks.lighter(self.DARKENED)
        if self.slider.palette().color(QPalette.ColorRole.Window) != wanted:
            palette = QPalette()
            palette.setColor(QPalette.ColorRole.Window, wanted)
            self.slider.setPalette(palette)


class TagList(QListWidget):
    """Check-box tags that wrap like words and grow to show every tag: none is cut off
    at the bottom, whatever the width (issue 15).

    Every tag has a check state from the moment it is added (its box is always drawn),
    so ticking or unticking one changes no tag's size: only that tag is drawn again, at
    once. (A list view lays every item out again after ANY change of an item's data, on
    a timer: the whole list re-measured and repainted in a later frame than the rest of
    the form, after every tick and after every save's reset, issue 14 §2.)

    The names shown and the ticked rows are kept in Python too (``names``,
    ``ticked_rows``), up to date with every tick, the person's or the program's: reading
    what is ticked at a save asks Qt nothing (cold calls into Qt cost ~0.1 ms there).
    Tags are only appended (:meth:`add_tag`) or all removed (:meth:`clear`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names: list[str] = []  # row -> name
        self.ticked_rows: set[int] = set()
        # Fitted in the event loop's next turn, by a timer of its own: a zero-timer with
        # a bound method (QTimer.singleShot) kept this list alive after its window was
        # closed, one each lock (tests/reliability/test_endurance.py).
        self._fit_later = QTimer(self)
        self._fit_later.setSingleShot(True)
        self._fit_later.setInterval(0)
        self._fit_later.timeout.connect(self.fit_height)

    def fit_height_later(self) -> None:
        self._fit_later.start()

    def add_tag(self, name: str, ticked: bool = False) -> None:
        """Append a tag, with its check box (ticked or not) from the start."""
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.addItem(item)
        if ticked:
            self.ticked_rows.add(len(self.names))
        self.names.append(name)

    def clear(self) -> None:
        super().clear()
        self.names = []
        self.ticked_rows = set()

    def set_ticked(self, row: int, ticked: bool) -> None:
        """Tick or untick one tag, as a click would (``itemChanged`` is emitted)."""
        self.item(row).setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        if ticked:
            self.ticked_rows.add(row)
        else:
            self.ticked_rows.discard(row)

    def ticked_names(self) -> list[str]:
        return [self.names[row] for row in sorted(self.ticked_rows)]

    def dataChanged(self, top_left, bottom_right, roles=()) -> None:  # noqa: ANN001, N802
        if roles == TICK_ONLY:
            # The item view's own handling: the item repainted, the change announced to
            # assistive technology; the list view's full relayout is left out.
            QAbstractItemView.dataChanged(self, top_left, bottom_right, roles)
        else:
            super().dataChanged(top_left, bottom_right, roles)
        if not roles or Qt.ItemDataRole.CheckStateRole.value in roles:
            # A tick (a click, the space bar, setCheckState anywhere), or a change that
            # may include one (no roles named means every role): the rows read back from
            # Qt, so the two never differ.
            self._note_ticks(top_left.row(), bottom_right.row())

    def _note_ticks(self, first: int, last: int) -> None:
        for row in range(first, last + 1):
            item = self.item(row)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                self.ticked_rows.add(row)
            else:
                self.ticked_rows.discard(row)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit_height_later()

    def fit_height(self) -> None:
        self.doItemsLayout()
        bottom = max(
            (self.visualItemRect(self.item(i)).bottom() for i in range(self.count())),
            default=24,
        )
        height = bottom + self.verticalOffset() + 2 * self.frameWidth() + 2 * self.spacing() + 2
        height = max(40, min(TAGS_MAX_HEIGHT, height))
        if height != self.height():
            self.setFixedHeight(height)


class EntryForm(QWidget):
    changed = Signal()

    def __init__(self, tag_names: list[str], today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        when = QFormLayout()
        self.date_edit = DateEdit()
        self.date_edit.setAccessibleName(tr("Day of this check-in"))
        self.date_edit.setAccessibleDescription(
            tr("Today unless you are filling in an earlier day.")
        )
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.date_edit.setMinimumDate(QDate(EARLIEST_DAY.year, 1, 1))  # (old diaries imported)
        self.time_edit = TimeEdit()
        self.time_edit.setAccessibleName(tr("Time of this check-in"))
        self.time_edit.setAccessibleDescription(tr("The time of saving unless you change it."))
        self.time_edit.setDisplayFormat(TIME_FIELD_FORMAT)
        row = QHBoxLayout()
        row.addWidget(self.date_edit, 2)
        row.addWidget(self.time_edit, 1)
        when.addRow(tr("Day and time"), row)
        left.addLayout(when)
        self.mood = ScaleInput(tr("Mood"), tr("worst possible"), tr("best possible"), required=True)
        self.anxiety = ScaleInput(tr("Anxiety"), tr("none"), tr("extreme"))
        self.energy = ScaleInput(tr("Energy"), tr("none"), tr("full"))
        self.irritability = ScaleInput(tr("Irritability"), tr("none"), tr("extreme"))
        self.sleep_quality = ScaleInput(tr("Sleep quality"), tr("very poor"), tr("excellent"))
        self.mood.slider.setAccessibleDescription(
            tr("Required. The arrow keys move it; Space keeps the value it shows.")
        )
        for scale in (self.mood, self.anxiety, self.energy, self.irritability):
            left.addWidget(scale)
            scale.changed.connect(self.changed)
        for scale in (self.mood, self.anxiety, self.energy, self.irritability, self.sleep_quality):
            VisibleTicks(scale.slider)
            if scale is not self.mood:
                scale.slider.setAccessibleDescription(
                    tr("Optional. Moving it records it; untick the box to leave it out.")
                )
        sleep_row = QFormLayout()
        self.sleep_hours = QuarterHours()
        self.sleep_hours.setRange(SLEEP_NOT_RECORDED, 24)
        self.sleep_hours.setSingleStep(0.25)
        self.sleep_hours.setDecimals(2)
        self.sleep_hours.setSpecialValueText(tr("not recorded"))
        self.sleep_hours.setSuffix(tr(" h", "hours, after a number"))
        self.sleep_hours.setValue(SLEEP_NOT_RECORDED)
        self.sleep_hours.setAccessibleName(tr("Hours slept, in quarter hours"))
        self.sleep_hours.setAccessibleDescription(
            tr("Optional. At its lowest it says not recorded and nothing is saved.")
        )
        sleep_row.addRow(tr("Hours slept"), self.sleep_hours)
        left.addLayout(sleep_row)
        left.addWidget(self.sleep_quality)
        self.sleep_quality.changed.connect(self.changed)
        left.addStretch(1)
        layout.addLayout(left, 3)

        right = QVBoxLayout()
        tags_label = QLabel(tr("What was part of your day?"))
        tags_label.setObjectName("subheading")
        right.addWidget(tags_label)
        self.tags = TagList()
        self.tags.setFlow(QListWidget.Flow.LeftToRight)
        self.tags.setWrapping(True)
        self.tags.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.tags.setSpacing(3)
        self.tags.setAccessibleName(tr("Tags"))
        self.tags.setAccessibleDescription(tr("Tick what was part of your day; Space ticks."))
        self.set_tag_choices(tag_names)
        right.addWidget(self.tags)
        self.add_tag_button = QPushButton(tr("Add a tag…"))
        self.add_tag_button.setAccessibleDescription(tr("Adds a tag of your own, ticked."))
        self.add_tag_button.clicked.connect(self._add_tag)
        right.addWidget(self.add_tag_button, 0, Qt.AlignmentFlag.AlignLeft)
        note_label = QLabel(tr("Journal note"))
        note_label.setObjectName("subheading")
        right.addWidget(note_label)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(
            tr("Anything you want to remember about today. Only you can read this.")
        )
        self.note.setAccessibleName(tr("Journal note"))
        self.note.setAccessibleDescription(
            tr("Free text, kept encrypted; Tab moves on to the next field.")
        )
        self.note.setTabChangesFocus(True)  # Tab moves on; the check-in works by keyboard
        right.addWidget(self.note, 1)
        layout.addLayout(right, 4)

        self.sleep_hours.valueChanged.connect(self.changed)
        self.note.textChanged.connect(self.changed)
        self.tags.itemChanged.connect(self.changed)
        self.date_edit.dateChanged.connect(self.changed)
        self.time_edit.timeChanged.connect(self.changed)
        self.date_edit.dateChanged.connect(self._when_edited)
        self.time_edit.timeChanged.connect(self._when_edited)
        self._when_changed = False
        self._setting_when = False
        self._when_set: tuple[dt.date, int, int] | None = None  # shown by set_when
        self.set_when(dt.datetime.combine(today, dt.time(12, 0)))
        guard_wheel(self)  # a wheel over the form scrolls it; it records nothing

    def focus_chain(self) -> list[QWidget]:
        """The inputs in reading order (left column top to bottom, then the right)."""
        chain: list[QWidget] = [self.date_edit, self.time_edit]
        for scale in (self.mood, self.anxiety, self.energy, self.irritability):
            chain += scale.focus_chain()
        chain.append(self.sleep_hours)
        chain += self.sleep_quality.focus_chain()
        return [*chain, self.tags, self.add_tag_button, self.note]

    # -- tags ----------------------------------------------------------------
    def set_tag_choices(self, names: list[str]) -> None:
        checked = set(self.checked_tags())
        self.tags.blockSignals(True)
        self.tags.clear()
        for name in names:
            self.tags.add_tag(name, ticked=name in checked)
        self.tags.blockSignals(False)
        self.tags.fit_height_later()

    def checked_tags(self) -> list[str]:
        """The ticked tags, in the list's order."""
        return self.tags.ticked_names()

    def check_tags(self, names: list[str]) -> None:
        tags = self.tags
        if not names:  # (the form cleared after a save: only the ticked ones change)
            for row in sorted(tags.ticked_rows):
                tags.set_ticked(row, False)
            return
        existing = set(tags.names)
        added = False
        for name in names:
            if name not in existing:
                tags.add_tag(name)  # then ticked below, as a click would
                existing.add(name)
                added = True
        wanted = set(names)
        for row, text in enumerate(tags.names):
            ticked = text in wanted
            if ticked != (row in tags.ticked_rows):
                tags.set_ticked(row, ticked)
        if added:  # ticking and unticking leave the height as it is
            self.tags.fit_height_later()

    def _add_tag(self) -> None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(tr("Add a tag"))
        dialog.setLabelText(tr("New tag (e.g. yoga):"))
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        field = dialog.findChild(QLineEdit)
        if field is not None:  # the longest tag the journal keeps, shown while typing
            field.setMaxLength(MAX_TAG_CHARS)
        if not dialog.exec():
            return
        name = self.known_tag(clean_tag(dialog.textValue())[:MAX_TAG_CHARS])
        if name:
            self.check_tags([*self.checked_tags(), name])

    def known_tag(self, name: str) -> str:
        """``name`` as the list already shows it when it differs only in ASCII capitals
        ("Social" for "social"): the journal matches tags that way (SQLite's NOCASE), so
        a second row would show a tag that is saved as the first (review finding)."""
        key = name.translate(_ASCII_FOLD)
        return next(
            (shown for shown in self.tags.names if shown.translate(_ASCII_FOLD) == key), name
        )

    # -- values --------------------------------------------------------------
    def _when_edited(self) -> None:
        if not self._setting_when:
            self._when_changed = True
            self._when_set = None

    def set_today(self, today: dt.date) -> None:
        """Move the latest day that can be chosen (the form may stay open past midnight)."""
        if today == self._today:
            return  # unchanged: setting it again would lay the form out again (issue 14)
        self._today = today
        self._setting_when = True
        try:
            self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        finally:
            self._setting_when = False

    def set_when(self, when: dt.datetime, by_user: bool = False) -> None:
        """Show ``when``; unless ``by_user``, the form keeps following the clock."""
        if when.date() > self._today:
            self.set_today(when.date())
        if when.date() < EARLIEST_DAY:  # (an older vault's: shown as it is, not moved)
            self.date_edit.setMinimumDate(QDate(when.year, when.month, when.day))
        shown = (when.date(), when.hour, when.minute)
        if shown == self._when_set and not self._when_changed:
            self._when_changed = by_user
            return  # showing it already (a save sets the time of saving, then clears)
        self._when_set = shown if not by_user else None
        self._setting_when = True
        try:
            # Only what differs: setting the same day or time again repaints the field
            # (issue 14: a save set both twice).
            day = QDate(when.year, when.month, when.day)
            if self.date_edit.date() != day:
                self.date_edit.setDate(day)
            clock = QTime(when.hour, when.minute)
            if self.time_edit.time() != clock:
                self.time_edit.setTime(clock)
        finally:
            self._setting_when = False
        self._when_changed = by_user

    def when_changed(self) -> bool:
        """True once the person picked the day or time themselves."""
        return self._when_changed

    def day(self) -> dt.date:
        return self.date_edit.date().toPython()

    def time(self) -> dt.time:
        value = self.time_edit.time()
        return dt.time(value.hour(), value.minute())

    def sleep_value(self) -> float | None:
        value = self.sleep_hours.value()
        return None if value <= SLEEP_NOT_RECORDED else value

    def entry(self) -> Entry:
        return Entry(
            day=self.day(),
            time=self.time(),
            mood=self.mood.value(),
            anxiety=self.anxiety.value(),
            energy=self.energy.value(),
            irritability=self.irritability.value(),
            sleep_hours=self.sleep_value(),
            sleep_quality=self.sleep_quality.value(),
            tags=self.checked_tags(),
            note=self.note.toPlainText(),
        )

    def load(self, entry: Entry) -> None:
        self.set_when(dt.datetime.combine(entry.day, entry.time), by_user=True)
        self.mood.set_value(entry.mood)
        self.anxiety.set_value(entry.anxiety)
        self.energy.set_value(entry.energy)
        self.irritability.set_value(entry.irritability)
        self.sleep_quality.set_value(entry.sleep_quality)
        self.sleep_hours.setValue(
            SLEEP_NOT_RECORDED if entry.sleep_hours is None else entry.sleep_hours
        )
        self.check_tags(list(entry.tags))
        self.note.setPlainText(entry.note)

    def state(self) -> dict:
        """Everything typed so far, JSON-ready (for an encrypted draft)."""
        return {
            "day": self.day().isoformat(),
            "time": self.time().strftime("%H:%M"),
            "mood": self.mood.value(),
            "anxiety": self.anxiety.value(),
            "energy": self.energy.value(),
            "irritability": self.irritability.value(),
            "sleep_hours": self.sleep_value(),
            "sleep_quality": self.sleep_quality.value(),
            "tags": self.checked_tags(),
            "note": self.note.toPlainText(),
            "when_changed": self.when_changed(),
        }

    def restore(self, state: dict) -> None:
        try:
            entry = Entry(
                day=dt.date.fromisoformat(state["day"]),
                time=dt.time.fromisoformat(state["time"]),
                mood=state.get("mood"),  # never preset: a draft without a mood has none
                anxiety=state.get("anxiety"),
                energy=state.get("energy"),
                irritability=state.get("irritability"),
                sleep_hours=state.get("sleep_hours"),
                sleep_quality=state.get("sleep_quality"),
                tags=list(state.get("tags", [])),
                note=state.get("note", ""),
            )
        except (KeyError, TypeError, ValueError):
            return
        self.load(entry)
        self._when_changed = bool(state.get("when_changed", True))
