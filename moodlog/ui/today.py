"""Today: the daily check-in a person fills in under a minute."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.errors import ValidationError
from moodlog.domain.questionnaires import GAD7, PHQ9, is_due
from moodlog.domain.treatments import (
    DEFAULT_AFTERCARE,
    Question,
    Treatment,
    course_label,
    course_numbers,
    days_since_last_session,
    integration_prompt_due,
    next_appointment,
)
from moodlog.ui.checkin import SelfCheckWidget, offer_support, record_checkin
from moodlog.ui.context import AppContext
from moodlog.ui.entry_form import EntryForm
from moodlog.ui.widgets import heading, hint

DRAFT_NAME = "today"


def add_question(context: AppContext, parent: QWidget, source: str) -> bool:
    """Ask for a question for the next appointment and add it to the running list."""
    text, ok = QInputDialog.getMultiLineText(
        parent, "Question for my next appointment", "What would you like to ask or talk about?"
    )
    if not ok or not text.strip():
        return False
    context.vault.questions.add(
        Question(text=text.strip(), created_on=context.today(), source=source)
    )
    context.events.question_added.emit()
    context.events.data_changed.emit("questions")
    return True


def treatment_context(treatments: list[Treatment], now: dt.datetime) -> str:
    """ "Session today" / "N days since your last session" / the next appointment."""
    parts = []
    numbers = course_numbers(treatments)
    today_sessions = [t for t in treatments if t.day == now.date()]
    if today_sessions:
        t = today_sessions[-1]
        parts.append(
            f"Session today: {t.label}, {course_label(t, numbers[id(t)])}, "
            f"{t.time.strftime('%H:%M')}."
        )
    else:
        days = days_since_last_session(treatments, now)
        if days is not None:
            parts.append(
                "Last session yesterday." if days == 1 else f"{days} days since your last session."
            )
    upcoming = next_appointment([t for t in treatments if t.day != now.date()], now)
    if upcoming:
        parts.append(
            f"Next appointment: {upcoming.label}, "
            f"{upcoming.day.strftime('%a %d %b')} {upcoming.time.strftime('%H:%M')}."
        )
    return " ".join(parts)


class IntegrationDialog(QDialog):
    def __init__(self, treatment: Treatment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Integration note")
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(f"Your {treatment.label.lower()} on {treatment.day.strftime('%A %d %B')}:")
        )
        layout.addWidget(hint("What came up? What do you want to remember, or bring to therapy?"))
        self.text = QPlainTextEdit(treatment.integration)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class TodayScreen(QScrollArea):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.vault = context.vault
        self._dirty = False
        self.setWidgetResizable(True)
        body = QWidget()
        body.setObjectName("screen")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 16, 24, 16)
        self.title = heading("")
        layout.addWidget(self.title)
        self.context_label = QLabel("")
        self.context_label.setObjectName("contextLine")
        self.context_label.setWordWrap(True)
        layout.addWidget(self.context_label)
        self.aftercare_label = QLabel("")
        self.aftercare_label.setObjectName("notice")
        self.aftercare_label.setWordWrap(True)
        layout.addWidget(self.aftercare_label)
        self.prompts = QVBoxLayout()
        layout.addLayout(self.prompts)

        self.form = EntryForm(self.vault.tags.names(), context.today())
        self.form.changed.connect(self._mark_dirty)
        layout.addWidget(self.form)
        self.self_check = SelfCheckWidget()
        self.self_check.changed.connect(self._mark_dirty)
        layout.addWidget(self.self_check)

        actions = QHBoxLayout()
        self.save_button = QPushButton("Save check-in")
        self.save_button.setObjectName("primary")
        self.save_button.setToolTip("Save (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel("")
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        question_button = QPushButton("Add a question for my therapist\N{HORIZONTAL ELLIPSIS}")
        question_button.clicked.connect(lambda: add_question(context, self, "today"))
        self.phq_button = QPushButton("PHQ-9 questionnaire")
        self.gad_button = QPushButton("GAD-7 questionnaire")
        self.phq_button.clicked.connect(lambda: self.open_questionnaire(PHQ9))
        self.gad_button.clicked.connect(lambda: self.open_questionnaire(GAD7))
        actions.addWidget(self.save_button)
        actions.addWidget(self.status, 1)
        actions.addWidget(question_button)
        layout.addLayout(actions)
        more = QHBoxLayout()
        more.addWidget(self.phq_button)
        more.addWidget(self.gad_button)
        history_button = QPushButton("Questionnaire results\N{HORIZONTAL ELLIPSIS}")
        history_button.clicked.connect(self.open_questionnaire_history)
        more.addWidget(history_button)
        more.addStretch(1)
        layout.addLayout(more)
        self.earlier = QLabel("")
        self.earlier.setObjectName("hint")
        self.earlier.setWordWrap(True)
        layout.addWidget(self.earlier)
        layout.addStretch(1)
        self.setWidget(body)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        context.events.data_changed.connect(self._data_changed)

        self._reset_form()
        draft = self.vault.drafts.load(DRAFT_NAME)
        if draft:
            self.form.restore(draft.get("entry", {}))
            self.self_check.restore(draft.get("self_check", {}))
            self._dirty = True
            self.status.setText("Restored your unsaved check-in. It is not saved yet.")
        self.refresh()

    # -- state -------------------------------------------------------------------
    def _mark_dirty(self) -> None:
        self._dirty = True

    def has_unsaved_changes(self) -> bool:
        return self._dirty

    def leaving(self) -> None:
        """Keep unsaved edits as an encrypted draft inside the vault."""
        if self._dirty and self.vault.is_open:
            self.vault.drafts.save(
                DRAFT_NAME, {"entry": self.form.state(), "self_check": self.self_check.state()}
            )

    def _reset_form(self) -> None:
        now = self.context.now()
        self.form.set_when(now)
        for scale in (
            self.form.mood,
            self.form.anxiety,
            self.form.energy,
            self.form.irritability,
            self.form.sleep_quality,
        ):
            scale.set_value(5 if scale is self.form.mood else None)
        self.form.sleep_hours.setValue(self.form.sleep_hours.minimum())
        self.form.check_tags([])
        self.form.note.clear()
        self.self_check.reset()
        self._dirty = False

    def _data_changed(self, kind: str) -> None:
        if kind in ("treatments", "questionnaires", "safety_plan", "entries", "tags"):
            self.refresh()

    # -- display -----------------------------------------------------------------
    def refresh(self) -> None:
        if not self.vault.is_open:
            return
        now = self.context.now()
        self.title.setText(now.strftime("Today, %A %d %B"))
        treatments = self.vault.treatments.all()
        self.context_label.setText(treatment_context(treatments, now))
        session_today = [
            t
            for t in treatments
            if t.day == now.date() and t.kind_info.ketamine and not t.is_appointment(now)
        ]
        aftercare = self.vault.settings.get("aftercare_text", DEFAULT_AFTERCARE)
        self.aftercare_label.setText(f"After today's session: {aftercare}" if session_today else "")
        self.aftercare_label.setVisible(bool(session_today))
        self._build_prompts(treatments, now, bool(session_today))
        if not self._dirty:
            self.form.set_tag_choices(self.vault.tags.names())
        entries = self.vault.entries.on_day(now.date())
        if entries:
            lines = ", ".join(f"{e.time.strftime('%H:%M')} mood {e.mood}" for e in entries)
            self.earlier.setText(
                f"Already saved today: {lines}. You can add another check-in "
                "at any time; charts use the day's average."
            )
        else:
            self.earlier.setText("")

    def _build_prompts(
        self, treatments: list[Treatment], now: dt.datetime, session_today: bool
    ) -> None:
        while self.prompts.count():
            item = self.prompts.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        every = int(self.vault.settings.get("questionnaire_every_days", 7))
        for instrument, button in ((PHQ9, self.phq_button), (GAD7, self.gad_button)):
            due = is_due(
                self.vault.questionnaires.last_taken(instrument), now.date(), every, session_today
            )
            button.setText(f"{instrument} questionnaire" + (" (due)" if due else ""))
            if due and instrument == PHQ9:
                self._add_prompt(
                    "It is a good time for your PHQ-9 questionnaire (about two minutes)."
                    if not session_today
                    else "A PHQ-9 on a treatment day helps you see how the session works.",
                    "Take PHQ-9",
                    lambda: self.open_questionnaire(PHQ9),
                )
        for treatment in treatments:
            if integration_prompt_due(treatment, now):
                self._add_prompt(
                    f"It has been a day or two since your {treatment.label.lower()} on "
                    f"{treatment.day.strftime('%a %d %b')}. What came up?",
                    "Write an integration note",
                    lambda t=treatment: self.write_integration(t),
                )
        plan = self.vault.safety_plans.latest()
        if plan is not None and plan.review_due(now.date()):
            self._add_prompt(
                f"Your safety plan was last reviewed on {plan.reviewed_on:%d %b %Y}. "
                "Look it over when you feel ready.",
                "Open safety plan",
                lambda: self.window().show_screen("Safety plan"),
            )

    def _add_prompt(self, text: str, action: str, slot) -> None:  # noqa: ANN001
        box = QWidget()
        box.setObjectName("prompt")
        row = QHBoxLayout(box)
        row.setContentsMargins(10, 6, 10, 6)
        label = QLabel(text)
        label.setWordWrap(True)
        row.addWidget(label, 1)
        button = QPushButton(action)
        button.clicked.connect(slot)
        row.addWidget(button)
        self.prompts.addWidget(box)

    # -- actions -----------------------------------------------------------------
    def save(self) -> bool:
        entry = self.form.entry()
        try:
            entry.validate()
        except ValidationError as error:
            self.status.setText(str(error))
            return False
        self.vault.entries.add(entry)
        checkin = self.self_check.checkin(entry.day, entry.time)
        record_checkin(self.context, checkin)
        self.vault.drafts.discard(DRAFT_NAME)
        self._reset_form()
        self.status.setText(
            f"Saved at {self.context.now():%H:%M} \N{EM DASH} mood {entry.mood}"
            + (" (marked as filled in later)" if entry.backfilled else "")
            + "."
        )
        self.context.events.data_changed.emit("entries")
        offer_support(self.context, checkin)
        return True

    def open_questionnaire(self, instrument: str) -> None:
        from moodlog.ui.questionnaire import QuestionnaireDialog

        dialog = QuestionnaireDialog(self.context, instrument, self)
        self.questionnaire_dialog = dialog
        dialog.show()

    def open_questionnaire_history(self) -> None:
        from moodlog.ui.questionnaire import QuestionnaireHistoryDialog

        dialog = QuestionnaireHistoryDialog(self.context, self)
        self.history_dialog = dialog
        dialog.show()

    def write_integration(self, treatment: Treatment) -> None:
        dialog = IntegrationDialog(treatment, self)
        if dialog.exec():
            treatment.integration = dialog.text.toPlainText().strip()
            self.vault.treatments.save(treatment)
            self.context.events.data_changed.emit("treatments")
