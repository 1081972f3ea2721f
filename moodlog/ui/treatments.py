"""Treatments: sessions and appointments, medications, therapy notes, questions."""

from __future__ import annotations

import contextlib
import datetime as dt
from math import isfinite

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.dates import EARLIEST_DAY, latest_day
from moodlog.domain.errors import ValidationError
from moodlog.domain.treatments import (
    COURSE_NUMBER_RULE,
    DISSOCIATION_HINT,
    KINDS,
    MAX_INFUSION_MINUTES,
    MEDICATION_EVENTS,
    SEVERITIES,
    SIDE_EFFECTS,
    BloodPressure,
    Medication,
    MedicationEvent,
    SessionNote,
    Treatment,
    course_label,
    course_numbers,
    next_appointment,
)
from moodlog.i18n import TIME_FIELD_FORMAT, date_text, number_text, time_text, tr
from moodlog.locale_words import LOCALE
from moodlog.ui.context import AppContext
from moodlog.ui.drafts import DraftDialogMixin, EnterDoesNotSave, NotKeptAtLock
from moodlog.ui.widgets import (
    DecimalSpinBox,
    FittedColumns,
    add_help_now,
    column_memory,
    confirm,
    guard_wheel,
    heading,
    hint,
)
from moodlog.wording import QT_TR_NOOP


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date_edit(day: dt.date) -> QDateEdit:
    """A date field over the one range of dates (:mod:`moodlog.domain.dates`), widened
    to show a stored day outside it as it is (saving it then says why)."""
    edit = QDateEdit()
    edit.setDateRange(_qdate(min(day, EARLIEST_DAY)), _qdate(max(day, latest_day())))
    edit.setDate(_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("ddd d MMM yyyy")
    return edit


def _day(day: dt.date) -> str:
    """A date in a table or sentence: "3 Nov 2026" (the locale's month names)."""
    return date_text(day, "d MMM yyyy")


def kind_label(treatment: Treatment) -> str:
    """A session's kind as shown: the person's own name for "Other", else the kind's
    label, translated."""
    if treatment.kind == "other" and treatment.kind_other:
        return treatment.kind_other
    return tr(treatment.kind_info.label)


def _read_only(table: QTableWidget) -> None:
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)


def _tab_page(
    title: str, hint_text: str, buttons: list[tuple[str, str, object]]
) -> tuple[QWidget, QVBoxLayout]:
    """A tab with a heading, an optional hint and a row of action buttons, each given as
    (label, accessible description, slot), all already translated."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(24, 16, 24, 16)
    layout.addWidget(heading(title))
    if hint_text:
        layout.addWidget(hint(hint_text))
    row = QHBoxLayout()
    for label, description, slot in buttons:
        button = QPushButton(label)
        button.setAccessibleDescription(description)
        button.clicked.connect(slot)
        row.addWidget(button)
    row.addStretch(1)
    layout.addLayout(row)
    return page, layout


def _number(value: float) -> str:
    """A dose or ratio as typed, the locale's way: "50", "0.5" or "0,5" (no trailing 0s)."""
    text = number_text(value, 2)
    decimal = number_text(0.5, 1)[1]  # the locale's decimal separator
    return text.rstrip("0").rstrip(decimal) if decimal in text else text


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    _read_only(table)
    return table


def last_session(treatments: list[Treatment], now: dt.datetime) -> Treatment | None:
    """The latest session that has taken place, else the latest appointment."""
    if not treatments:
        return None
    held = [t for t in treatments if not t.is_appointment(now)]
    return max(held or treatments, key=lambda t: t.starts_at)


NO_KIND_YET = ""  # a new session's kind before the person chooses one


def new_session(previous: Treatment | None, now: dt.datetime) -> Treatment:
    """A new session now, starting from ``previous``'s kind, clinic, dose and weight (the
    person sees them, marked as copied, and changes what differs); nothing else copied.
    Without a previous session the kind is left to choose (``NO_KIND_YET``): nothing
    enters the record that the person did not enter (review finding: the first session
    was preset to ketamine IV, and an esketamine or TMS session saved as it was counted
    as ketamine in every figure)."""
    when = {"day": now.date(), "time": dt.time(now.hour, now.minute)}
    if previous is None:
        return Treatment(**when, kind=NO_KIND_YET)
    return Treatment(
        **when,
        kind=previous.kind,
        kind_other=previous.kind_other,
        clinic=previous.clinic,
        dose_mg=previous.dose_mg,
        weight_kg=previous.weight_kg,
    )


class TreatmentDialog(EnterDoesNotSave, DraftDialogMixin, QDialog):
    """Add or edit one session; a future date makes it an appointment. A new one starts
    from the last session's kind, clinic, dose and weight (issue 15). What was typed or
    changed is kept as an encrypted draft if moodlog locks, and comes back after unlock
    (review finding: the notes of a session were lost at an idle lock)."""

    draft_kind = "session"

    def __init__(
        self, context: AppContext, treatment: Treatment | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.treatment = treatment
        self.setWindowTitle(tr("Edit session") if treatment else tr("Add session"))
        now = context.now()
        self.copied_from = None if treatment else last_session(context.vault.treatments.all(), now)
        t = treatment or new_session(self.copied_from, now)
        outer = QVBoxLayout(self)
        outer.addWidget(self.restored_notice())
        self.copied_hint: QLabel | None = None
        if self.copied_from is not None:
            self.copied_hint = hint(
                tr(
                    "Kind, clinic, dose and weight are copied from your last session "
                    "({date}). Change anything that is different."
                ).format(date=_day(self.copied_from.day))
            )
            outer.addWidget(self.copied_hint)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(tr("Session details"))
        body = QWidget()
        body_layout = QVBoxLayout(body)
        form = QFormLayout()
        body_layout.addLayout(form)
        body_layout.addStretch(1)  # spare height below the form, not between its rows
        self.kind = QComboBox()
        for kind in KINDS.values():
            self.kind.addItem(tr(kind.label), kind.code)
        self.kind.setPlaceholderText(tr("Choose the kind of treatment"))
        self.kind.setCurrentIndex(self.kind.findData(t.kind))  # -1 (none) for NO_KIND_YET
        self.kind.setAccessibleDescription(tr("What kind of treatment this session is."))
        self.kind_other = QLineEdit(t.kind_other)
        self.kind_other.setPlaceholderText(tr("Name of the treatment (for Other)"))
        self.kind_other.setAccessibleName(tr("Name of the treatment"))
        self.kind_other.setAccessibleDescription(
            tr("Your own name for a treatment of the kind Other.")
        )
        self.date = _date_edit(t.day)
        self.time = QTimeEdit(QTime(t.time.hour, t.time.minute))
        self.time.setDisplayFormat(TIME_FIELD_FORMAT)
        # A new session's time starts as the moment the dialog opened: right for one
        # recorded as it happens, not for yesterday's (night review: saved at 01:47,
        # the minute the form opened). Chosen by the person once touched, or restored.
        self._opened_time = None if treatment else self.time.time()
        self._time_checked = False
        self.date.setAccessibleName(tr("Date"))
        self.date.setAccessibleDescription(
            tr("The day of the session; a day to come makes it an appointment.")
        )
        self.time.setAccessibleName(tr("Start time"))
        self.time.setAccessibleDescription(tr("When the session starts."))
        when = QHBoxLayout()
        when.addWidget(self.date, 2)
        when.addWidget(self.time, 1)
        self.dose = DecimalSpinBox()
        self.dose.setRange(0, 2000)
        self.dose.setDecimals(1)
        self.dose.setSuffix(tr(" mg"))
        self.dose.setSpecialValueText(tr("not recorded"))
        self.dose.setAccessibleName(tr("Dose"))
        self.dose.setAccessibleDescription(
            tr("The dose of this session in milligrams; 0 leaves it not recorded.")
        )
        self.dose.setValue(t.dose_mg or 0)
        self.weight = DecimalSpinBox()
        self.weight.setRange(0, 350)
        self.weight.setDecimals(1)
        self.weight.setSuffix(tr(" kg"))
        self.weight.setSpecialValueText(tr("not recorded"))
        self.weight.setAccessibleName(tr("Body weight"))
        self.weight.setAccessibleDescription(
            tr("Your weight in kilograms, for the dose per kilogram; 0 leaves it not recorded.")
        )
        self.weight.setValue(t.weight_kg or 0)
        self.mg_per_kg = QLabel("")
        dose_row = QHBoxLayout()
        dose_row.addWidget(self.dose)
        dose_row.addWidget(QLabel(tr("weight")))
        dose_row.addWidget(self.weight)
        dose_row.addWidget(self.mg_per_kg, 1)
        self.dose_warning = QLabel("")
        self.dose_warning.setObjectName("notice")
        self.dose_warning.setWordWrap(True)
        self.dose_warning.setVisible(False)
        self.infusion_minutes = QSpinBox()
        self.infusion_minutes.setRange(0, MAX_INFUSION_MINUTES)
        self.infusion_minutes.setSuffix(tr(" min"))
        self.infusion_minutes.setSpecialValueText(tr("not recorded"))
        self.infusion_minutes.setValue(t.infusion_minutes or 0)
        self.infusion_minutes.setAccessibleName(tr("Infusion duration in minutes"))
        self.infusion_minutes.setAccessibleDescription(
            tr("Optional: how long the infusion ran; 0 leaves it not recorded.")
        )
        self.number = QSpinBox()
        self.number.setRange(0, 500)
        self.number.setSpecialValueText(tr("automatic"))
        self.number.setValue(t.course_number or 0)
        self.number.setAccessibleName(tr("Session number in the course"))
        self.number.setAccessibleDescription(
            tr("This session's number in the course; automatic counts it for you.")
            + " "
            + tr(COURSE_NUMBER_RULE)
        )
        self.total = QSpinBox()
        self.total.setRange(0, 500)
        self.total.setSpecialValueText(tr("not set"))
        self.total.setValue(t.course_total or 0)
        self.total.setAccessibleName(tr("Sessions planned in the course"))
        self.total.setAccessibleDescription(
            tr("How many sessions the course has in all, if you know; 0 leaves it not set.")
        )
        number_row = QHBoxLayout()
        number_row.addWidget(self.number)
        number_row.addWidget(QLabel(tr("of")))
        number_row.addWidget(self.total)
        number_row.addStretch(1)
        self.clinic = QLineEdit(t.clinic)
        self.intention = QLineEdit(t.intention)
        self.clinic.setAccessibleDescription(tr("Where, or with whom, the session is."))
        self.intention.setAccessibleDescription(
            tr("Optional: what you hope for from this session, in your own words.")
        )
        self.bp_before = QLineEdit(str(t.bp_before) if t.bp_before else "")
        self.bp_after = QLineEdit(str(t.bp_after) if t.bp_after else "")
        for field in (self.bp_before, self.bp_after):
            field.setPlaceholderText(tr("e.g. 120/80"))
        self.bp_before.setAccessibleName(tr("Blood pressure before"))
        self.bp_after.setAccessibleName(tr("Blood pressure after"))
        self.bp_before.setAccessibleDescription(
            tr("Optional: the reading before the session, as systolic/diastolic.")
        )
        self.bp_after.setAccessibleDescription(
            tr("Optional: the reading after the session, as systolic/diastolic.")
        )
        bp_row = QHBoxLayout()
        bp_row.addWidget(QLabel(tr("before")))
        bp_row.addWidget(self.bp_before)
        bp_row.addWidget(QLabel(tr("after")))
        bp_row.addWidget(self.bp_after)
        self.bp_note = hint("")
        self.bp_note.setVisible(False)
        effects = QGridLayout()
        self.effects: dict[str, QComboBox] = {}
        for index, name in enumerate(SIDE_EFFECTS):
            box = QComboBox()
            for severity in SEVERITIES:  # shown translated, kept as the domain's word
                box.addItem(tr(severity), severity)
            box.setCurrentIndex(box.findData(t.side_effects.get(name, "none")))
            box.setAccessibleName(tr("Side effect {name}").format(name=tr(name)))
            box.setAccessibleDescription(tr("How strong this side effect was, if at all."))
            label = QLabel(tr(name))
            label.setBuddy(box)  # (on Linux a screen reader names a list by its label only)
            effects.addWidget(label, index // 2, (index % 2) * 2)
            effects.addWidget(box, index // 2, (index % 2) * 2 + 1)
            self.effects[name] = box
        self.dissociation = QSpinBox()
        self.dissociation.setRange(-1, 10)
        self.dissociation.setSpecialValueText(tr("not recorded"))
        self.dissociation.setValue(-1 if t.dissociation is None else t.dissociation)
        self.dissociation.setAccessibleName(tr("Dissociation, 0 to 10"))
        self.dissociation.setAccessibleDescription(tr(DISSOCIATION_HINT))
        self.after = QLineEdit(t.after_feeling)
        self.after.setAccessibleDescription(tr("In your own words, how you felt afterwards."))
        self.notes = QPlainTextEdit(t.notes)
        self.notes.setTabChangesFocus(True)  # Tab moves on (a typed tab: nothing)
        self.notes.setMaximumHeight(80)
        self.notes.setAccessibleDescription(tr("Anything else about the session."))
        self.integration = QPlainTextEdit(t.integration)
        self.integration.setTabChangesFocus(True)  # Tab moves on (a typed tab: nothing)
        self.integration.setMaximumHeight(80)
        self.integration.setAccessibleDescription(
            tr("What came up during or after the session, in the days that followed.")
        )
        form.addRow(tr("Kind"), self.kind)
        form.addRow("", self.kind_other)
        # Said at once when the day and time are still to come (review finding: a
        # mistyped month silently made a session an appointment, with its after-session
        # details kept).
        self.appointment_note = QLabel(
            tr(
                "This is still to come, so it is saved as an appointment. What happened "
                "(side effects, blood pressure after, how you felt) is best added once it "
                "has taken place."
            )
        )
        self.appointment_note.setObjectName("notice")
        self.appointment_note.setWordWrap(True)
        # A questionnaire saved the same day before the time given: whether it counts as
        # before the session depends on that time, which starts as "now" (clinician
        # review: a PHQ-9 taken after a morning session, with the session entered in the
        # evening, became the course's pre-treatment baseline).
        self.same_day_note = QLabel("")
        self.same_day_note.setObjectName("notice")
        self.same_day_note.setWordWrap(True)
        when_box = QVBoxLayout()  # (as the dose and its warning)
        when_box.addLayout(when)
        when_box.addWidget(self.appointment_note)
        when_box.addWidget(self.same_day_note)
        form.addRow(tr("Date and start time"), when_box)
        dose_box = QVBoxLayout()
        dose_box.addLayout(dose_row)
        dose_box.addWidget(self.dose_warning)
        form.addRow(tr("Dose"), dose_box)
        duration_row = QHBoxLayout()
        duration_row.addWidget(self.infusion_minutes)
        duration_row.addWidget(hint(tr("optional: how long the infusion ran")), 1)
        form.addRow(tr("Infusion duration"), duration_row)
        self._duration_row = duration_row
        form.addRow(tr("Session number"), number_row)
        form.addRow(tr("Clinic / provider"), self.clinic)
        form.addRow(tr("Intention"), self.intention)
        bp_box = QVBoxLayout()
        bp_box.addLayout(bp_row)
        bp_box.addWidget(self.bp_note)
        form.addRow(tr("Blood pressure"), bp_box)
        form.addRow(tr("Side effects"), effects)
        dissociation_row = QHBoxLayout()
        dissociation_row.addWidget(self.dissociation)
        dissociation_row.addWidget(hint(tr(DISSOCIATION_HINT)), 1)
        form.addRow(tr("Dissociation (0-10)"), dissociation_row)
        form.addRow(tr("How I felt afterwards"), self.after)
        form.addRow(tr("Notes"), self.notes)
        form.addRow(tr("Integration: what came up"), self.integration)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.error = QLabel("")
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        outer.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        add_help_now(buttons, context)
        outer.addWidget(buttons)
        self.form = form
        from moodlog.ui.window_state import fitted_size

        # fits a 1366x768 screen, and a smaller one; the form scrolls if need be. As wide
        # as the form needs with larger text, where the screen has room (night review: at
        # 150% it stayed 900 px, the side effects cut off behind a sideways scroll bar).
        room = scroll.verticalScrollBar().sizeHint().width() + 2 * scroll.frameWidth()
        margins = outer.contentsMargins()
        width = body.sizeHint().width() + room + margins.left() + margins.right()
        self.resize(fitted_size(self, max(900, width), 640))
        for signal in (self.dose.valueChanged, self.weight.valueChanged):
            signal.connect(self._update_mg_per_kg)
        self.kind.currentIndexChanged.connect(self._update_kind)
        self.bp_after.textChanged.connect(self._update_bp_note)
        self.date.dateChanged.connect(self._update_appointment_note)
        self.time.timeChanged.connect(self._update_appointment_note)
        self._update_appointment_note()
        self.date.dateChanged.connect(self._update_same_day_note)
        self.time.timeChanged.connect(self._update_same_day_note)
        self.kind.currentIndexChanged.connect(self._update_same_day_note)
        self._update_same_day_note()
        self._update_mg_per_kg()
        self._update_kind()
        self._update_bp_note()
        guard_wheel(self)
        self.watch_draft()

    def _draft_fields(
        self,
    ) -> tuple[
        dict[str, QSpinBox | QDoubleSpinBox], dict[str, QLineEdit], dict[str, QPlainTextEdit]
    ]:
        """The fields a draft keeps under their keys, by kind: numbers, lines, texts
        (one list for :meth:`draft_body` and :meth:`restore_draft`)."""
        numbers = {
            "dose": self.dose,
            "weight": self.weight,
            "infusion_minutes": self.infusion_minutes,
            "number": self.number,
            "total": self.total,
            "dissociation": self.dissociation,
        }
        lines = {
            "kind_other": self.kind_other,
            "clinic": self.clinic,
            "intention": self.intention,
            "bp_before": self.bp_before,
            "bp_after": self.bp_after,
            "after": self.after,
        }
        return numbers, lines, {"notes": self.notes, "integration": self.integration}

    def draft_body(self) -> dict:
        time = self.time.time()
        numbers, lines, texts = self._draft_fields()
        return {
            "id": self.treatment.id if self.treatment else None,
            "treatment_kind": self.kind.currentData(),  # ("kind" names the dialog)
            "day": self.date.date().toPython().isoformat(),
            "time": f"{time.hour():02d}:{time.minute():02d}",
            **{key: box.value() for key, box in numbers.items()},
            **{key: field.text() for key, field in lines.items()},
            **{key: field.toPlainText() for key, field in texts.items()},
            "effects": {name: box.currentData() for name, box in self.effects.items()},
        }

    def restore_draft(self, body: dict) -> None:
        """The fields as they were at the lock. A value of the wrong type (a draft is
        the app's own, but never trusted to be well formed) leaves its field as it is."""
        if self.copied_hint is not None:
            self.copied_hint.hide()  # what is shown is theirs now, not the copy
        self._opened_time = None  # (the time as it was at the lock: theirs)
        kind = body.get("treatment_kind")
        self.kind.setCurrentIndex(self.kind.findData(kind) if isinstance(kind, str) else -1)
        with contextlib.suppress(TypeError, ValueError):
            self.date.setDate(_qdate(dt.date.fromisoformat(str(body.get("day")))))
        with contextlib.suppress(TypeError, ValueError):
            when = dt.time.fromisoformat(str(body.get("time")))
            self.time.setTime(QTime(when.hour, when.minute))
        numbers, lines, texts = self._draft_fields()
        for key, box in numbers.items():
            value = body.get(key)
            if isinstance(value, int | float) and not isinstance(value, bool) and isfinite(value):
                box.setValue(value if isinstance(box, QDoubleSpinBox) else int(value))
        for key, field in lines.items():
            if isinstance(body.get(key), str):
                field.setText(body[key])
        for key, field in texts.items():
            if isinstance(body.get(key), str):
                field.setPlainText(body[key])
        effects = body.get("effects")
        if isinstance(effects, dict):
            for name, box in self.effects.items():
                index = box.findData(effects.get(name))
                if index >= 0:
                    box.setCurrentIndex(index)

    def _when(self) -> tuple[dt.date, dt.time]:
        """The day and start time shown, to the minute."""
        time = self.time.time()
        return self.date.date().toPython(), dt.time(time.hour(), time.minute())

    def _update_appointment_note(self) -> None:
        day, time = self._when()
        probe = Treatment(day=day, time=time, kind="other")  # (the domain's one rule)
        self.appointment_note.setVisible(probe.is_appointment(self.context.now()))

    def _update_same_day_note(self) -> None:
        day, time = self._when()
        kind = self.kind.currentData()
        earlier = []
        if kind in KINDS and KINDS[kind].ketamine and self._first_of_a_course(day, time, kind):
            earlier = [
                q
                for q in self.context.vault.questionnaires.all(since=day)
                # course_baseline's own rule: scored, and strictly before
                if q.day == day and q.scored and q.time < time
            ]
        if earlier:
            last = max(earlier, key=lambda q: q.time)
            self.same_day_note.setText(
                tr(
                    "A {instrument} was saved this day at {time}, before the start time "
                    "given here. If the session began earlier, set its start time: a "
                    "result before a course's first session counts as taken before "
                    "treatment."
                ).format(instrument=last.instrument, time=time_text(last.time))
            )
        self.same_day_note.setVisible(bool(earlier))

    def _first_of_a_course(self, day: dt.date, time: dt.time, kind: str) -> bool:
        """Whether a session then would be the first of its course: only that one's
        start time decides which result counts as before treatment (review finding:
        the note showed on every session of a course with a PHQ-9 before each)."""
        from moodlog.domain.analysis import courses

        probe = Treatment(day=day, time=time, kind=kind)
        now = self.context.now()
        if probe.is_appointment(now):
            return False  # still to come: no result can be after it yet
        editing = self.treatment.id if self.treatment is not None else None
        others = [t for t in self.context.vault.treatments.all() if t.id != editing]
        return any(course[0] is probe for course in courses([*others, probe], now))

    def _update_kind(self) -> None:
        self.form.setRowVisible(self.kind_other, self.kind.currentData() == "other")
        self.form.setRowVisible(self._duration_row, self.kind.currentData() == "ketamine_iv")
        self._update_dose_warning()

    def _update_dose_warning(self) -> None:
        """Warn (never block) about a dose worth a second look, as it is typed."""
        if self.kind.currentData() is None:  # no kind chosen yet: nothing to compare with
            self.dose_warning.setVisible(False)
            return
        probe = Treatment(
            day=self.date.date().toPython(),
            time=dt.time(0),
            kind=self.kind.currentData(),
            dose_mg=self.dose.value() or None,
            weight_kg=self.weight.value() or None,
        )
        warnings = probe.dose_warnings(LOCALE)
        self.dose_warning.setText(" ".join(warnings))
        self.dose_warning.setVisible(bool(warnings))

    def _update_bp_note(self) -> None:
        try:
            after = BloodPressure.parse(self.bp_after.text())
        except ValidationError:
            after = None
        probe = Treatment(day=self.date.date().toPython(), time=dt.time(0), kind="other")
        probe.bp_after = after
        note = probe.bp_note()
        self.bp_note.setText(note)
        self.bp_note.setVisible(bool(note))

    def _update_mg_per_kg(self) -> None:
        dose, weight = self.dose.value(), self.weight.value()
        self.mg_per_kg.setText(
            tr("= {value} mg/kg").format(value=_number(round(dose / weight, 2)))
            if dose and weight
            else ""
        )
        self._update_dose_warning()

    def build(self) -> Treatment:
        if self.kind.currentData() is None:
            raise ValidationError(tr("Please choose the kind of treatment first."))
        day, time = self._when()
        return Treatment(
            id=self.treatment.id if self.treatment else None,
            created_at=self.treatment.created_at if self.treatment else None,
            day=day,
            time=time,
            kind=self.kind.currentData(),
            kind_other=self.kind_other.text().strip(),
            dose_mg=self.dose.value() or None,
            weight_kg=self.weight.value() or None,
            course_number=self.number.value() or None,
            course_total=self.total.value() or None,
            clinic=self.clinic.text().strip(),
            intention=self.intention.text().strip(),
            bp_before=BloodPressure.parse(self.bp_before.text()),
            bp_after=BloodPressure.parse(self.bp_after.text()),
            side_effects={
                name: box.currentData()
                for name, box in self.effects.items()
                if box.currentData() != "none"
            },
            dissociation=None if self.dissociation.value() < 0 else self.dissociation.value(),
            after_feeling=self.after.text().strip(),
            notes=self.notes.toPlainText().strip(),
            integration=self.integration.toPlainText().strip(),
            infusion_minutes=(
                self.infusion_minutes.value() or None
                if self.kind.currentData() == "ketamine_iv"
                else None
            ),
        )

    def _time_left_as_opened(self) -> bool:
        """A new session moved to another day, its start time still the moment this
        dialog opened (asked once: a second Save keeps it)."""
        return (
            self._opened_time is not None
            and not self._time_checked
            and self.time.time() == self._opened_time
            and self.date.date().toPython() != self.context.today()
        )

    def save(self) -> None:
        if self._time_left_as_opened():
            self._time_checked = True
            ahead = self.date.date().toPython() > self.context.today()  # an appointment
            question = (
                tr(
                    "What time is the appointment? The time still shows when this window was "
                    "opened ({time}). Set it, or save again to keep it."
                )
                if ahead
                else tr(
                    "What time did the session start? The time still shows when this window "
                    "was opened ({time}). Set it (it decides which questionnaires and moods "
                    "count as before the session), or save again to keep it."
                )
            )
            self.error.setText(question.format(time=time_text(self.time.time().toPython())))
            self.time.setFocus()
            return
        try:
            treatment = self.build()
            with self.saving():
                self.context.vault.treatments.save(treatment)
        except ValidationError as error:
            self.error.setText(str(error))
            return
        self.saved_treatment = treatment
        self.context.events.data_changed.emit("treatments")
        self.accept()


class MedicationDialog(EnterDoesNotSave, NotKeptAtLock, QDialog):
    """Add a medication with its start, or an event (change/stop) to an existing one."""

    def __init__(
        self,
        context: AppContext,
        medication: Medication | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.medication = medication
        self.setWindowTitle(tr("Medication change") if medication else tr("Add medication"))
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Room for a real name or reason ("Sertraline (Zoloft) 50 mg tablets..."): the
        # dialog was 230 px wide, its fields a dozen letters (issue 15).
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        self.name = QLineEdit(medication.name if medication else "")
        self.name.setPlaceholderText(tr("e.g. sertraline"))
        self.name.setReadOnly(medication is not None)
        self.name.setAccessibleDescription(tr("The medication's name, as on the packet."))
        self.unit = QLineEdit(medication.unit if medication else "mg")
        self.unit.setAccessibleDescription(tr("The unit of the dose, such as mg."))
        self.event = QComboBox()
        for event in MEDICATION_EVENTS if medication else ("start",):
            self.event.addItem(tr(event), event)  # shown translated, kept as the word
        if medication:
            self.event.setCurrentIndex(self.event.findData("change"))
        self.event.setAccessibleDescription(
            tr("Whether you started, changed the dose of, or stopped this medication.")
        )
        self.date = _date_edit(context.today())
        self.date.setAccessibleDescription(tr("The day of the start, change or stop."))
        self.dose = DecimalSpinBox()
        self.dose.setRange(0, 100000)
        self.dose.setDecimals(2)
        self.dose.setSpecialValueText(tr("not recorded"))
        self.dose.setAccessibleDescription(
            tr("The dose from this day on, in the unit above; 0 leaves it not recorded.")
        )
        self.frequency = QLineEdit()
        self.frequency.setPlaceholderText(tr("e.g. once daily"))
        self.frequency.setAccessibleDescription(tr("Optional: how often you take it."))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("optional, e.g. side effects, doctor's advice"))
        self.reason.setAccessibleDescription(tr("Optional: why it started, changed or stopped."))
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("Unit"), self.unit)
        form.addRow(tr("Event"), self.event)
        form.addRow(tr("Date"), self.date)
        form.addRow(tr("Dose"), self.dose)
        form.addRow(tr("Frequency"), self.frequency)
        form.addRow(tr("Reason"), self.reason)
        self.error = QLabel("")
        self.error.setObjectName("error")
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        add_help_now(buttons, context)
        form.addRow(buttons)
        guard_wheel(self)
        self.note_opened()  # (its input is not kept at a lock: said so then)

    def save(self) -> None:
        medication = self.medication or Medication(
            name=self.name.text().strip(), unit=self.unit.text().strip() or "mg"
        )
        medication.unit = self.unit.text().strip() or "mg"
        event = MedicationEvent(
            day=self.date.date().toPython(),
            event=self.event.currentData(),
            dose=self.dose.value() or None,
            frequency=self.frequency.text().strip(),
            reason=self.reason.text().strip(),
        )
        try:
            medication.check_new_event(event)
        except ValidationError as error:
            self.error.setText(str(error))
            return
        medication.events.append(event)
        try:
            self.context.vault.medications.save(medication)
        except ValidationError as error:
            medication.events.pop()
            self.error.setText(str(error))
            return
        self.context.events.data_changed.emit("medications")
        self.accept()


class SessionNoteDialog(EnterDoesNotSave, DraftDialogMixin, QDialog):
    draft_kind = "session_note"  # kept as an encrypted draft if moodlog locks

    def __init__(
        self, context: AppContext, note: SessionNote | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.note = note or SessionNote(day=context.today())
        self.setWindowTitle(tr("Therapy note"))
        form = QFormLayout(self)
        form.addRow(self.restored_notice())
        self.date = _date_edit(self.note.day)
        self.therapist = QLineEdit(self.note.therapist)
        self.worked_on = QPlainTextEdit(self.note.worked_on)
        self.worked_on.setTabChangesFocus(True)  # Tab moves on (a typed tab: nothing)
        self.insights = QPlainTextEdit(self.note.insights)
        self.insights.setTabChangesFocus(True)  # Tab moves on (a typed tab: nothing)
        self.homework = QPlainTextEdit(self.note.homework)
        self.homework.setTabChangesFocus(True)  # Tab moves on (a typed tab: nothing)
        self.date.setAccessibleDescription(tr("The day of the therapy appointment."))
        self.therapist.setAccessibleDescription(tr("Optional: who you saw."))
        for field, description in (
            (self.worked_on, tr("What the session was about, in your own words.")),
            (self.insights, tr("What you noticed or understood.")),
            (self.homework, tr("What you agreed to try or practise before the next one.")),
        ):
            field.setAccessibleDescription(description)
        form.addRow(tr("Date"), self.date)
        form.addRow(tr("Therapist"), self.therapist)
        form.addRow(tr("What we worked on"), self.worked_on)
        form.addRow(tr("Insights"), self.insights)
        form.addRow(tr("Homework / practices"), self.homework)
        self.error = QLabel("")
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        form.addRow(self.save_buttons())
        from moodlog.ui.window_state import fitted_size

        self.resize(fitted_size(self, 600, 520))
        guard_wheel(self)
        self.watch_draft()

    def _text_boxes(self) -> tuple[QPlainTextEdit, ...]:
        return (self.worked_on, self.insights, self.homework)

    def draft_body(self) -> dict:
        return {
            "id": self.note.id,
            "day": self.date.date().toPython().isoformat(),
            "therapist": self.therapist.text(),
            "worked_on": self.worked_on.toPlainText(),
            "insights": self.insights.toPlainText(),
            "homework": self.homework.toPlainText(),
        }

    def restore_draft(self, body: dict) -> None:
        try:
            self.date.setDate(_qdate(dt.date.fromisoformat(str(body.get("day")))))
        except ValueError:
            pass
        self.therapist.setText(str(body.get("therapist", "")))
        self.worked_on.setPlainText(str(body.get("worked_on", "")))
        self.insights.setPlainText(str(body.get("insights", "")))
        self.homework.setPlainText(str(body.get("homework", "")))

    def save(self) -> None:
        texts = (self.therapist.text(), *(box.toPlainText() for box in self._text_boxes()))
        if not any(text.strip() for text in texts):
            # No empty, dated note in the record (the PDF listed it as an appointment).
            self.error.setText(tr("Write something in the note first, or choose Cancel."))
            self.worked_on.setFocus()
            return
        self.note.day = self.date.date().toPython()
        self.note.therapist = self.therapist.text().strip()
        self.note.worked_on = self.worked_on.toPlainText().strip()
        self.note.insights = self.insights.toPlainText().strip()
        self.note.homework = self.homework.toPlainText().strip()
        try:
            with self.saving():
                self.context.vault.session_notes.save(self.note)
        except ValidationError as error:  # a date outside the one range (an older note)
            self.error.setText(str(error))
            return
        self.context.events.data_changed.emit("session_notes")
        self.accept()


NO_SESSIONS_YET = QT_TR_NOOP(
    "No sessions recorded yet. “Add session or appointment…” records a session you had "
    "(a past date) or books one (a future date)."
)


def kind_text_colour(colour: str, background: QColor) -> QColor:
    """A treatment kind's colour as text on ``background``: darkened on a light table,
    lightened on a dark one (same hue) until it reads at WCAG AA (4.5:1)."""
    from moodlog.charts.plots import TEXT_CONTRAST, legible  # imported after unlock anyway

    return legible(colour, background, TEXT_CONTRAST)


class TreatmentsScreen(QTabWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.vault = context.vault
        self.addTab(self._build_sessions(), tr("Sessions"))
        self.addTab(self._build_medications(), tr("Medications"))
        self.addTab(self._build_notes(), tr("Therapy notes"))
        self.addTab(self._build_questions(), tr("Questions for my therapist"))
        context.events.data_changed.connect(self._data_changed)
        context.events.question_added.connect(self._refresh_questions)
        from moodlog.charts.theme import theme_events

        theme_events().changed.connect(self._recolour)  # the kinds' colours, light or dark
        self.refresh()

    def _recolour(self) -> None:
        if self.vault.is_open:
            self._refresh_sessions()

    # -- sessions ------------------------------------------------------------------
    def _build_sessions(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(heading(tr("Treatment sessions")))
        self.next_label = QLabel("")
        self.next_label.setObjectName("contextLine")
        self.next_label.setWordWrap(True)
        layout.addWidget(self.next_label)
        row = QHBoxLayout()
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName(tr("Show sessions of this kind"))
        self.kind_filter.setAccessibleDescription(
            tr("Lists only the sessions of the kind chosen here, or all of them.")
        )
        self.kind_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.kind_filter.setMinimumContentsLength(12)  # room left for the buttons beside
        self.kind_filter.addItem(tr("All kinds"), None)
        for kind in KINDS.values():
            self.kind_filter.addItem(tr(kind.label), kind.code)
        self.kind_filter.currentIndexChanged.connect(self._refresh_sessions)
        self.add_button = QPushButton(tr("Add session or appointment…"))
        self.add_button.setAccessibleDescription(
            tr("Records a session you had (a past date) or books one (a future date).")
        )
        self.add_button.setObjectName("primary")
        self.add_button.clicked.connect(self.add_session)
        self.edit_button = QPushButton(tr("Edit"))
        self.edit_button.setAccessibleDescription(tr("Opens the chosen session to change it."))
        self.edit_button.clicked.connect(self.edit_session)
        self.delete_button = QPushButton(tr("Delete…"))
        self.delete_button.setAccessibleDescription(tr("Deletes the chosen session, after asking."))
        self.delete_button.clicked.connect(self.delete_session)
        show = QLabel(tr("Show"))
        show.setBuddy(self.kind_filter)  # (a screen reader on Linux names a list by its label)
        row.addWidget(show)
        row.addWidget(self.kind_filter)
        row.addStretch(1)
        for button in (self.add_button, self.edit_button, self.delete_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.sessions = QTableWidget(0, 6)
        self.sessions.setAccessibleName(tr("Treatment sessions"))
        self.sessions.setAccessibleDescription(
            tr("Your sessions and appointments, newest first. Appointments are in italics.")
        )
        self.sessions.setHorizontalHeaderLabels(
            [
                tr("Date"),
                tr("Kind"),
                tr("Session"),
                tr("Dose"),
                tr("Dissociation"),
                tr("Side effects"),
            ]
        )
        _read_only(self.sessions)
        self.sessions_columns = FittedColumns(
            self.sessions, "sessions", column_memory(self.context), wrap=(0, 1, 2, 3, 5)
        )
        self.sessions.doubleClicked.connect(lambda _: self.edit_session())
        self.sessions.itemSelectionChanged.connect(self._session_chosen)
        self._session_chosen()
        layout.addWidget(self.sessions, 1)
        self.sessions_rule = hint(tr(COURSE_NUMBER_RULE))  # what "infusion 7" counts
        layout.addWidget(self.sessions_rule)
        return page

    def _session_chosen(self) -> None:
        """Edit and Delete act on the chosen session: available once one is chosen."""
        chosen = bool(self.sessions.selectionModel().selectedRows())
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _filtered_sessions(self) -> list[Treatment]:
        kind = self.kind_filter.currentData()
        treatments = self.vault.treatments.all()
        return [t for t in treatments if kind is None or t.kind == kind]

    def _refresh_sessions(self) -> None:
        now = self.context.now()
        all_treatments = self.vault.treatments.all()
        numbers = course_numbers(all_treatments)
        by_id = {t.id: numbers[id(t)] for t in all_treatments}
        upcoming = next_appointment(all_treatments, now)
        if upcoming and upcoming.clinic:
            text = tr("Next appointment: {kind}, {date} at {time}, {clinic}").format(
                kind=kind_label(upcoming),
                date=date_text(upcoming.day, "dddd d MMMM"),
                time=time_text(upcoming.time),
                clinic=upcoming.clinic,
            )
        elif upcoming:
            text = tr("Next appointment: {kind}, {date} at {time}").format(
                kind=kind_label(upcoming),
                date=date_text(upcoming.day, "dddd d MMMM"),
                time=time_text(upcoming.time),
            )
        elif all_treatments:
            text = tr("No appointment planned.")
        else:
            text = tr(NO_SESSIONS_YET)  # a new journal: what to do first
        self.next_label.setText(text)
        rows = sorted(self._filtered_sessions(), key=lambda t: t.starts_at, reverse=True)
        base = self.sessions.palette().color(QPalette.ColorRole.Base)
        self.sessions.setRowCount(len(rows))
        self._rows = rows
        for row, t in enumerate(rows):
            appointment = t.is_appointment(now)
            when = f"{date_text(t.day, 'ddd d MMM yyyy')} {time_text(t.time)}"
            effects = (
                tr("{effect} ({severity})").format(effect=tr(name), severity=tr(severity))
                for name, severity in t.side_effects.items()
            )
            cells = (
                when + "\n" + tr("(appointment)") if appointment else when,
                kind_label(t),
                course_label(t, by_id[t.id], translate=tr),
                t.dose_text(LOCALE),
                "" if t.dissociation is None else str(t.dissociation),
                ", ".join(effects),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:  # the kind's colour, made legible on the table (issue 15)
                    item.setForeground(kind_text_colour(t.kind_info.colour, base))
                if appointment:
                    font = item.font()
                    font.setItalic(True)
                    item.setFont(font)
                self.sessions.setItem(row, column, item)
        self.sessions_columns.fit()

    def _selected_session(self) -> Treatment | None:
        row = self.sessions.currentRow()
        return self._rows[row] if 0 <= row < len(getattr(self, "_rows", [])) else None

    def add_session(self) -> None:
        dialog = TreatmentDialog(self.context, parent=self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._after_save(dialog))
        dialog.open()

    def resume_session_draft(self, body: dict) -> TreatmentDialog:
        """The session dialog again, with what was typed before the last lock. A session
        deleted meanwhile comes back as a new one (its text is not thrown away)."""
        treatment = None
        if body.get("id") is not None:
            treatment = next((t for t in self.vault.treatments.all() if t.id == body["id"]), None)
        self.setCurrentIndex(0)
        dialog = TreatmentDialog(self.context, treatment, self)
        dialog.restore_draft(body)
        if treatment is None:
            dialog.accepted.connect(lambda: self._after_save(dialog))
        self.dialog = dialog
        return dialog

    def _after_save(self, dialog: TreatmentDialog) -> None:
        treatment = dialog.saved_treatment
        now = self.context.now()
        if (
            treatment.kind_info.ketamine
            and not treatment.is_appointment(now)
            and (now - treatment.starts_at) < dt.timedelta(hours=24)
        ):
            from moodlog.ui.settings import aftercare_text

            box = QMessageBox(
                QMessageBox.Icon.Information,
                tr("After your session"),
                aftercare_text(self.vault.settings),  # the person's words are not translated
                parent=self,
            )
            box.setModal(False)
            box.show()
            self.aftercare_box = box

    def edit_session(self) -> None:
        treatment = self._selected_session()
        if treatment is None:
            return
        dialog = TreatmentDialog(self.context, treatment, self)
        self.dialog = dialog
        dialog.open()

    def delete_session(self) -> None:
        treatment = self._selected_session()
        if treatment and confirm(
            self,
            tr("Delete session"),
            tr("Delete the {kind} of {date}?").format(
                kind=kind_label(treatment), date=_day(treatment.day)
            ),
            tr("Delete"),
        ):
            self.vault.treatments.delete(treatment.id)
            self.context.events.data_changed.emit("treatments")

    # -- medications -----------------------------------------------------------------
    def _build_medications(self) -> QWidget:
        page, layout = _tab_page(
            tr("Medications"),
            tr("Each start, dose change and stop is a dated event; the Trends charts mark them."),
            [
                (
                    tr("Add medication…"),
                    tr("Records a medication you start, with its first dose."),
                    lambda: MedicationDialog(self.context, parent=self).exec(),
                ),
                (
                    tr("Record change or stop…"),
                    tr("Records a new dose or the end of the chosen medication."),
                    self._change_medication,
                ),
                (
                    tr("Delete…"),
                    tr("Deletes the chosen medication and all its events, after asking."),
                    self._delete_medication,
                ),
            ],
        )
        self.medications = _table(
            [tr("Date"), tr("Medication"), tr("Event"), tr("Dose"), tr("Frequency / reason")]
        )
        self.medications.setAccessibleName(tr("Medication events"))
        self.medications.setAccessibleDescription(
            tr("Each start, dose change and stop, newest first.")
        )
        self.medications_columns = FittedColumns(
            self.medications, "medications", column_memory(self.context), wrap=(1, 3, 4)
        )
        layout.addWidget(self.medications, 1)
        return page

    def _refresh_medications(self) -> None:
        rows = []
        for medication in self.vault.medications.all():
            for event in medication.events:
                rows.append((event.day, medication, event))
        rows.sort(key=lambda r: r[0], reverse=True)
        self._medication_rows = rows
        self.medications.setRowCount(len(rows))
        for row, (day, medication, event) in enumerate(rows):
            dose = (
                tr("{dose} {unit}").format(dose=_number(event.dose), unit=medication.unit)
                if event.dose is not None
                else ""
            )
            detail = " \N{MIDDLE DOT} ".join(p for p in (event.frequency, event.reason) if p)
            for column, text in enumerate(
                (_day(day), medication.name, tr(event.event), dose, detail)
            ):
                self.medications.setItem(row, column, QTableWidgetItem(text))
        self.medications_columns.fit()

    def _selected_medication(self) -> Medication | None:
        row = self.medications.currentRow()
        rows = getattr(self, "_medication_rows", [])
        return rows[row][1] if 0 <= row < len(rows) else None

    def _change_medication(self) -> None:
        medication = self._selected_medication()
        if medication is not None:
            MedicationDialog(self.context, medication, self).exec()

    def _delete_medication(self) -> None:
        medication = self._selected_medication()
        if medication and confirm(
            self,
            tr("Delete medication"),
            tr("Delete {name} and all its events?").format(name=medication.name),
            tr("Delete"),
        ):
            self.vault.medications.delete(medication.id)
            self.context.events.data_changed.emit("medications")

    # -- therapy notes ---------------------------------------------------------------
    def _build_notes(self) -> QWidget:
        page, layout = _tab_page(
            tr("Therapy and integration notes"),
            "",
            [
                (
                    tr("Add note…"),
                    tr("Writes a note about a therapy appointment."),
                    lambda: SessionNoteDialog(self.context, parent=self).exec(),
                ),
                (tr("Edit"), tr("Opens the chosen note to change it."), self._edit_note),
                (tr("Delete…"), tr("Deletes the chosen note, after asking."), self._delete_note),
            ],
        )
        self.notes = _table([tr("Date"), tr("Worked on"), tr("Insights"), tr("Homework")])
        self.notes.setAccessibleName(tr("Therapy and integration notes"))
        self.notes.setAccessibleDescription(
            tr("Your therapy notes, newest first. Double-click one to open it.")
        )
        self.notes_columns = FittedColumns(
            self.notes, "therapy_notes", column_memory(self.context), wrap=(1, 2, 3)
        )
        self.notes.doubleClicked.connect(lambda _: self._edit_note())
        layout.addWidget(self.notes, 1)
        return page

    def _refresh_notes(self) -> None:
        notes = sorted(
            self.vault.session_notes.all(), key=lambda n: (n.day, n.id or 0), reverse=True
        )
        self._note_rows = notes
        self.notes.setRowCount(len(notes))
        for row, note in enumerate(notes):
            for column, text in enumerate(
                (_day(note.day), note.worked_on, note.insights, note.homework)
            ):
                self.notes.setItem(row, column, QTableWidgetItem(text))
        self.notes_columns.fit()

    def _selected_note(self) -> SessionNote | None:
        row = self.notes.currentRow()
        rows = getattr(self, "_note_rows", [])
        return rows[row] if 0 <= row < len(rows) else None

    def _edit_note(self) -> None:
        note = self._selected_note()
        if note is not None:
            SessionNoteDialog(self.context, note, self).exec()

    def _delete_note(self) -> None:
        note = self._selected_note()
        if note and confirm(
            self,
            tr("Delete note"),
            tr("Delete the note of {date}?").format(date=_day(note.day)),
            tr("Delete"),
        ):
            self.vault.session_notes.delete(note.id)
            self.context.events.data_changed.emit("session_notes")

    # -- questions -------------------------------------------------------------------
    def _build_questions(self) -> QWidget:
        page, layout = _tab_page(
            tr("Questions for my next appointment"),
            tr(
                "Open questions carry forward until you tick them off, and go into the PDF "
                "summary for your therapist."
            ),
            [
                (
                    tr("Add a question…"),
                    tr("Writes down a question to ask at your next appointment."),
                    self._add_question,
                ),
                (
                    tr("Delete…"),
                    tr("Deletes the chosen question, after asking."),
                    self._delete_question,
                ),
            ],
        )
        self.questions = QListWidget()
        self.questions.setAccessibleName(tr("Questions for my therapist"))
        self.questions.setAccessibleDescription(
            tr("Tick a question once it has been answered; open ones come first.")
        )
        self.questions.setWordWrap(True)
        self.questions.itemChanged.connect(self._question_ticked)
        layout.addWidget(self.questions, 1)
        return page

    def _refresh_questions(self) -> None:
        self.questions.blockSignals(True)
        self.questions.clear()
        questions = self.vault.questions.all()
        questions.sort(key=lambda q: (not q.is_open, not q.flagged, q.created_on))
        for question in questions:
            text = question.text + (" " + tr("(flagged)") if question.flagged else "")
            text += "\n" + (
                tr("added {added}, done {done}").format(
                    added=_day(question.created_on), done=_day(question.done_on)
                )
                if question.done_on
                else tr("added {added}").format(added=_day(question.created_on))
            )
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Unchecked if question.is_open else Qt.CheckState.Checked
            )
            item.setData(Qt.ItemDataRole.UserRole, question.id)
            self.questions.addItem(item)
        self.questions.blockSignals(False)

    def _question_ticked(self, item: QListWidgetItem) -> None:
        done = item.checkState() == Qt.CheckState.Checked
        self.vault.questions.set_done(
            item.data(Qt.ItemDataRole.UserRole), self.context.today() if done else None
        )
        self.context.events.data_changed.emit("questions")

    def _add_question(self) -> None:
        from moodlog.ui.drafts import ask_question

        ask_question(self.context, self, "treatments")

    def resume_note_draft(self, body: dict) -> SessionNoteDialog | None:
        """The therapy-note dialog again, with the text kept at the last lock."""
        note = None
        if body.get("id") is not None:
            note = next((n for n in self.vault.session_notes.all() if n.id == body["id"]), None)
            if note is None:  # deleted meanwhile: keep the text as a new note
                body = {**body, "id": None}
        self.setCurrentIndex(2)
        dialog = SessionNoteDialog(self.context, note, self)
        dialog.restore_draft(body)
        self.note_dialog = dialog
        return dialog

    def _delete_question(self) -> None:
        item = self.questions.currentItem()
        if item and confirm(self, tr("Delete question"), tr("Delete this question?"), tr("Delete")):
            self.vault.questions.delete(item.data(Qt.ItemDataRole.UserRole))
            self.context.events.data_changed.emit("questions")

    # -- refresh -------------------------------------------------------------------
    def refresh(self) -> None:
        if not self.vault.is_open:
            return
        self._refresh_sessions()
        self._refresh_medications()
        self._refresh_notes()
        self._refresh_questions()

    def _data_changed(self, kind: str) -> None:
        if (
            kind in ("treatments", "medications", "session_notes", "questions")
            and self.vault.is_open
        ):
            self.refresh()
