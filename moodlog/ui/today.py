"""Today: the daily check-in a person fills in under a minute."""

from __future__ import annotations

import contextlib
import datetime as dt

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.entries import Entry
from moodlog.domain.errors import ValidationError
from moodlog.domain.questionnaires import GAD7, PHQ9, is_due
from moodlog.domain.treatments import (
    DEFAULT_AFTERCARE,
    SESSION_DAY_PHQ9_PROMPT,
    Treatment,
    course_label,
    course_numbers,
    days_since_last_session,
    integration_prompt_due,
    next_appointment,
    session_day_phq9_due,
)
from moodlog.i18n import date_text, time_text, tr
from moodlog.ui.checkin import (
    SelfCheckWidget,
    announce_checkin,
    offer_support,
    store_checkin,
    support_even_if_not_saved,
)
from moodlog.ui.context import AppContext
from moodlog.ui.drafts import DRAFT_EVERY_MS, DraftDialogMixin, ask_question
from moodlog.ui.entry_form import SLEEP_NOT_RECORDED, EntryForm
from moodlog.ui.widgets import PromptBox, heading, hint
from moodlog.wording import QT_TR_NOOP

DRAFT_NAME = "today"
CLOCK_CHECK_SECONDS = 60  # how often Today looks at the clock (new day, appointment begun)
# How much earlier than the last save the clock may read before Today says so: travel
# west across the date line sets the local clock back up to 26 hours.
CLOCK_BEHIND = dt.timedelta(hours=27)
# Shown with tr().
MOOD_MISSING = QT_TR_NOOP(
    "How is your mood right now? Please set the mood scale "
    "(0 = worst possible, 10 = best possible), then save again."
)
MOOD_MISSING_AFTER_SELF_CHECK = QT_TR_NOOP(
    "Your self-check is saved. To save the rest of this check-in, please set the mood "
    "scale (0 = worst possible, 10 = best possible), then save again."
)


def clock(moment: dt.time | dt.datetime) -> str:
    """A check-in's time as its time field shows it (the locale's clock, like the field)."""
    return time_text(moment)


def treatment_context(treatments: list[Treatment], now: dt.datetime) -> str:
    """ "Session today" / "N days since your last session" / the next appointment."""
    parts = []
    numbers = course_numbers(treatments)
    today_sessions = [t for t in treatments if t.day == now.date()]
    if today_sessions:
        t = today_sessions[-1]
        parts.append(
            tr("Session today: {session}, {course}, {time}.").format(
                session=tr(t.label),
                course=course_label(t, numbers[id(t)], tr),
                time=time_text(t.time),
            )
        )
    else:
        days = days_since_last_session(treatments, now)
        if days is not None:
            parts.append(
                tr("Last session yesterday.")
                if days == 1
                else tr("{days} days since your last session.").format(days=days)
            )
    upcoming = next_appointment([t for t in treatments if t.day != now.date()], now)
    if upcoming:
        parts.append(
            tr("Next appointment: {session}, {day} {time}.").format(
                session=tr(upcoming.label),
                day=date_text(upcoming.day, "ddd d MMM"),
                time=time_text(upcoming.time),
            )
        )
    return " ".join(parts)


def _minute(moment: dt.datetime) -> tuple:
    return (moment.date(), moment.hour, moment.minute)


class AfterPaint(QObject):
    """Once armed, runs ``callback`` (once) from the event loop just after ``widget``'s
    next paint, so that work nobody waits for comes after what they do wait for is on
    screen; or ``fallback_ms`` after arming if no paint comes (the widget hidden)."""

    def __init__(self, widget: QWidget, callback, fallback_ms: int = 250) -> None:  # noqa: ANN001
        super().__init__(widget)
        self.callback = callback
        self.widget = widget
        self.fallback_ms = fallback_ms
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._run)
        widget.installEventFilter(self)

    @property
    def armed(self) -> bool:
        return self.timer.isActive()

    def arm(self) -> None:
        if not self.armed:
            self.timer.start(self.fallback_ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if self.armed and watched is self.widget and event.type() == QEvent.Type.Paint:
            self.timer.start(0)  # once this paint is finished
        return False

    def _run(self) -> None:
        self.callback()


class IntegrationDialog(DraftDialogMixin, QDialog):
    """What came up after a session. Kept as an encrypted draft if moodlog locks while
    it is open, and reopened after unlock (review finding: it was lost at an idle lock,
    often the most personal text of the week)."""

    draft_kind = "integration"

    def __init__(
        self, context: AppContext, treatment: Treatment, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.treatment = treatment
        self.setWindowTitle(tr("Integration note"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.restored_notice())
        layout.addWidget(
            QLabel(
                tr("Your session on {day} ({session}):").format(
                    day=date_text(treatment.day, "dddd d MMMM"), session=tr(treatment.label)
                )
            )
        )
        layout.addWidget(
            hint(tr("What came up? What do you want to remember, or bring to therapy?"))
        )
        self.text = QPlainTextEdit(treatment.integration)
        self.text.setTabChangesFocus(True)  # Tab moves on (a typed tab: nothing)
        self.text.setAccessibleName(tr("Integration note"))
        self.text.setAccessibleDescription(tr("Kept with this session, encrypted."))
        layout.addWidget(self.text)
        layout.addWidget(self.save_buttons())
        self.watch_draft()

    def draft_body(self) -> dict:
        return {"id": self.treatment.id, "text": self.text.toPlainText()}

    def save(self) -> None:
        self.treatment.integration = self.text.toPlainText().strip()
        with self.saving():
            self.context.vault.treatments.save(self.treatment)
        self.context.events.data_changed.emit("treatments")
        self.accept()


class TodayScreen(QWidget):
    """The check-in scrolls; the bar with Save stays fixed at the bottom of the page, so
    saving never needs scrolling, whatever the window's height (issue 15)."""

    def __init__(
        self,
        context: AppContext,
        sessions_after_paint: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """With ``sessions_after_paint`` (the main window building it at unlock), what
        comes from the treatment sessions (the line about the last and next session,
        aftercare, the prompts and the session-durability line) is filled in just after
        the screen's first paint, so that unlocking does not wait for every session to
        be read (issue 14 §3). Built inside its ``parent`` (and its parts inside
        theirs), no widget tree is moved, which would make Qt work out every widget's
        style again."""
        super().__init__(parent)
        self.context = context
        self.vault = context.vault
        self._treatments: list[Treatment] = []  # as read by the last refresh
        self._sessions_read_at: dt.datetime | None = None  # the clock at that refresh
        self._booster_shown: tuple | None = None  # (line, observation) on screen
        self._booster_widgets: list[QWidget] = []
        self._booster_index = 0  # where they go among the prompts
        self._sessions_after_paint = sessions_after_paint
        self._dirty = False
        self._checkin_recorded = False  # this form's self-check was saved on its own
        self._shown_day: dt.date | None = None
        self._today_entries: list[tuple[dt.time, int, str]] = []  # (time, id, as shown)
        self._saving = False
        self._saved_message = ""  # the status line of the last save, while it is shown
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(0)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setAccessibleName(tr("Today's check-in"))  # (a Tab stop: review)
        page.addWidget(self.scroll, 1)
        body = QWidget()
        body.setObjectName("screen")
        layout = QVBoxLayout(body)
        self.scroll.setWidget(body)  # before its contents are built (see __init__'s doc)
        layout.setContentsMargins(16, 12, 16, 10)
        self.title = heading("")
        layout.addWidget(self.title)
        self._sessions_later = AfterPaint(self.title, self._refresh_sessions)
        self.context_label = QLabel("")
        self.context_label.setObjectName("contextLine")
        self.context_label.setWordWrap(True)
        self.context_label.hide()  # until there is something to say (no empty gap)
        layout.addWidget(self.context_label)
        # A computer clock that reads earlier than the journal's last day (a flat clock
        # battery: 1 January 2001): what is saved then gets that date, and a yes falls
        # out of the therapist's last 30 days (time review). Said, never blocking.
        self.clock_notice = QLabel("")
        self.clock_notice.setObjectName("notice")
        self.clock_notice.setWordWrap(True)
        self.clock_notice.hide()
        layout.addWidget(self.clock_notice)
        self.aftercare_label = QLabel("")
        self.aftercare_label.setObjectName("notice")
        self.aftercare_label.setWordWrap(True)
        self.aftercare_label.hide()
        layout.addWidget(self.aftercare_label)
        self.prompts = QVBoxLayout()
        layout.addLayout(self.prompts)

        self.form = EntryForm(self.vault.tags.names(), context.today(), body)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_EVERY_MS)
        self._draft_timer.timeout.connect(self._keep_draft_now)
        self.form.changed.connect(self._mark_dirty)
        layout.addWidget(self.form)
        self.self_check = SelfCheckWidget(body, context)
        # The crisis line after a yes is brought into view (it could appear below the
        # window's edge on a small screen: review finding).
        self.self_check.help_offered.connect(
            lambda line: self.scroll.ensureWidgetVisible(line, 0, 8)
        )
        self.self_check.changed.connect(self._mark_dirty)
        for widgets in self.self_check.rows.values():
            widgets[0].setMinimumWidth(200)  # the question wraps; no sideways scrolling
        layout.addWidget(self.self_check)

        self.save_button = QPushButton(tr("Save check-in"))
        self.save_button.setObjectName("primary")
        save_keys = QKeySequence(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(
            tr("Save ({keys})").format(
                keys=save_keys.toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.save_button.setAccessibleDescription(
            tr("Saves the check-in and the self-check together.")
        )
        self.save_button.clicked.connect(self.save)
        self.status = QLabel("")
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        # After a save, once its result is painted (the status line always is; the title
        # is not, which left the booster line to the 250 ms fallback, issue 14 §2).
        self._booster_later = AfterPaint(self.status, self._update_booster_lines)
        # What a save tells the other screens, once its result is painted (_tell_others).
        self._untold: list[tuple[bool, bool]] = []  # per save: (self-check, question)
        self._tell_later = AfterPaint(self.status, self._tell_others)
        self.question_button = QPushButton(tr("Add a question for my therapist…"))
        self.question_button.setAccessibleDescription(
            tr("Adds it to the questions for your next appointment.")
        )
        # The same dialog as the Journal's: kept every half minute and at a lock, and
        # only when something was typed (attacker review: Today's plain input dialog
        # came back empty after every lock, and a crash lost its text).
        self.question_button.clicked.connect(lambda: ask_question(context, self, "today"))
        self.phq_button = QPushButton(tr("{instrument} questionnaire").format(instrument=PHQ9))
        self.gad_button = QPushButton(tr("{instrument} questionnaire").format(instrument=GAD7))
        self.phq_button.setAccessibleDescription(tr("Depression questionnaire, nine questions."))
        self.gad_button.setAccessibleDescription(tr("Anxiety questionnaire, seven questions."))
        self.phq_button.clicked.connect(lambda: self.open_questionnaire(PHQ9))
        self.gad_button.clicked.connect(lambda: self.open_questionnaire(GAD7))
        more = QHBoxLayout()
        more.addWidget(self.phq_button)
        more.addWidget(self.gad_button)
        self.history_button = QPushButton(tr("Questionnaire results…"))
        self.history_button.setAccessibleDescription(
            tr("Your earlier PHQ-9 and GAD-7 scores and what they mean.")
        )
        self.history_button.clicked.connect(self.open_questionnaire_history)
        more.addWidget(self.history_button)
        more.addStretch(1)
        layout.addLayout(more)
        self.earlier = hint("")
        layout.addWidget(self.earlier)
        layout.addStretch(1)

        self.action_bar = QWidget()
        self.action_bar.setObjectName("actionBar")
        actions = QHBoxLayout(self.action_bar)
        actions.setContentsMargins(16, 8, 16, 8)
        actions.addWidget(self.save_button)
        actions.addWidget(self.status, 1)
        actions.addWidget(self.question_button)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Plain)
        line.setForegroundRole(QPalette.ColorRole.Mid)  # a quiet rule in light and dark
        page.addWidget(line)
        page.addWidget(self.action_bar)
        self._set_tab_order()
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        context.events.data_changed.connect(self._data_changed)

        self._reset_form()
        draft = self.vault.drafts.load(DRAFT_NAME)
        if draft:
            entry_state = dict(draft.get("entry") or {})
            if "when_changed" not in entry_state:
                # A draft kept by a version before the mood was left unset (format 4):
                # its mood started at 5 and its day and time at "now" (upgrade review:
                # the update brought back a mood of 5, saved as the person's). Another
                # mood was moved there by the person: it stays (diff review).
                if entry_state.get("mood") == 5:
                    entry_state["mood"] = None
                entry_state["when_changed"] = False
            self.form.restore(entry_state)
            self._keep_restored_when()
            self.self_check.restore(draft.get("self_check", {}))
            self._checkin_recorded = bool(draft.get("checkin_recorded"))
            self._dirty = True
            self.status.setText(tr("Restored your unsaved check-in. It is not saved yet."))
        self.refresh()
        # The main window refreshes a screen whenever it shows it, the first time right
        # after building it: that refresh is skipped (once, in the same minute, before
        # any data change or the event loop's next turn), as nothing can have changed.
        self._built_at: tuple | None = _minute(self.context.now())
        QTimer.singleShot(0, self, self._settled)
        # At midnight the screen turns to the new day (review finding: left open over
        # midnight it still read "Today, Thursday 31 December" with 23:50 in the fields,
        # while a save went to Friday 00:10).
        self._midnight = QTimer(self)
        self._midnight.setSingleShot(True)
        self._midnight.timeout.connect(self.new_day)
        self._arm_midnight()

    def _settled(self) -> None:
        self._built_at = None

    def _arm_midnight(self) -> None:
        """Looks at the clock again just after midnight, and at least every minute: a
        timer counts only time awake, so after a night asleep (or a time-zone change)
        Today showed yesterday until its timer had run its remaining hours (time
        review)."""
        now = self.context.now()
        midnight = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time())
        wait = (midnight - now).total_seconds() + 1  # (just after it)
        self._midnight.start(int(min(max(wait, 1), CLOCK_CHECK_SECONDS) * 1000))

    def _appointment_began(self, now: dt.datetime) -> bool:
        """An appointment the screen shows as coming has begun (its after-care and
        prompts change: time review, they waited for the next refresh)."""
        shown_at = self._sessions_read_at
        return shown_at is not None and any(
            t.is_appointment(shown_at) and not t.is_appointment(now) for t in self._treatments
        )

    def new_day(self) -> None:
        """The day changed while the screen was open (or an appointment began): its
        title, prompts and sessions, and the day and time in the form unless the
        person set them."""
        now = self.context.now()
        if self.vault.is_open and now.date() != self._shown_day:
            self.refresh()
            if not self.form.when_changed():
                from PySide6.QtCore import QSignalBlocker

                blocker = QSignalBlocker(self.form)  # following the clock types nothing
                self.form.set_today(now.date())
                self.form.set_when(now)
                blocker.unblock()
        elif self.vault.is_open and self._appointment_began(now):
            self._refresh_sessions(now)
        self._arm_midnight()

    def _set_tab_order(self) -> None:
        """Tab goes down the page as it reads: the prompts, the check-in, the
        self-check, Save, then the other actions."""
        prompts = [
            button
            for i in range(self.prompts.count())
            if (box := self.prompts.itemAt(i).widget()) is not None
            for button in box.findChildren(QPushButton)
        ]
        check = self.self_check
        chain = [
            *prompts,
            *self.form.focus_chain(),
            *check.focus_chain(),
            self.save_button,
            self.question_button,
            self.phq_button,
            self.gad_button,
            self.history_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- state -------------------------------------------------------------------
    def _mark_dirty(self) -> None:
        self._dirty = True
        if not self._draft_timer.isActive():
            self._draft_timer.start()

    def _keep_draft_now(self) -> None:
        """While typing, the unsaved check-in is kept as an encrypted draft every
        ``DRAFT_EVERY_MS`` (review finding: a crash or a killed app lost everything typed
        since the last screen switch). A draft that cannot be kept (a full disk) is left
        for the lock or quit to ask about."""
        from moodlog.vault.connection import DatabaseError
        from moodlog.vault.errors import VaultError

        with contextlib.suppress(VaultError, DatabaseError):  # (not a box every 30 s)
            self.leaving()

    def has_unsaved_changes(self) -> bool:
        return self._dirty

    def leaving(self) -> None:
        """Keep unsaved edits as an encrypted draft inside the vault (and tell the
        other screens of a save not told yet, before any of them is shown)."""
        self._tell_others()
        if self._dirty and self.vault.is_open:
            self.vault.drafts.save(
                DRAFT_NAME,
                {
                    "entry": self.form.state(),
                    "self_check": self.self_check.state(),
                    "checkin_recorded": self._checkin_recorded,
                },
            )

    def _keep_restored_when(self) -> None:
        """A restored draft is saved for the day and time its fields show (review
        finding: a draft from Saturday 23:50, reopened on Sunday morning, showed Saturday
        23:50 and was saved as Sunday 08:00). One that followed the clock today goes on
        following it, shown at once; one from an earlier day keeps its day and time."""
        form = self.form
        if form.when_changed():
            return
        now = self.context.now()
        if form.day() == now.date():
            form.set_when(now)
        else:
            form.set_when(dt.datetime.combine(form.day(), form.time()), by_user=True)

    def _reset_form(self) -> None:
        # Quiet while clearing: each cleared field would say "changed" to mark the form
        # dirty, and it is marked clean at the end anyway.
        self.form.blockSignals(True)
        self.self_check.blockSignals(True)
        try:
            self._clear_fields()
        finally:
            self.form.blockSignals(False)
            self.self_check.blockSignals(False)
        self._checkin_recorded = False
        self._dirty = False

    def _clear_fields(self) -> None:
        now = self.context.now()
        self.form.set_today(now.date())
        self.form.set_when(now)
        for scale in (
            self.form.mood,
            self.form.anxiety,
            self.form.energy,
            self.form.irritability,
            self.form.sleep_quality,
        ):
            if scale.value() is not None or scale.slider.value() != 5:
                scale.set_value(None)  # nothing is preset, mood included
        if self.form.sleep_hours.value() != SLEEP_NOT_RECORDED:  # (else a repaint)
            self.form.sleep_hours.setValue(SLEEP_NOT_RECORDED)
        self.form.check_tags([])
        if self.form.note.document().characterCount() > 1:  # an empty one has 1
            self.form.note.clear()
        self.self_check.reset()

    def _data_changed(self, kind: str) -> None:
        self._built_at = None
        if not self.vault.is_open:
            return
        if kind == "entries" and self._saving:
            return  # save() updates its own line without reading the day again
        if kind == "entries" and self._shown_day == self.context.now().date():
            self._refresh_entries()  # entries change neither prompts nor sessions,
            if self.isVisible():  # but can change the booster line (else: when shown)
                self._update_booster_later()
        elif kind in ("treatments", "questionnaires", "safety_plan", "entries", "tags"):
            self.refresh()

    # -- display -----------------------------------------------------------------
    def refresh(self) -> None:
        built_at, self._built_at = getattr(self, "_built_at", None), None
        if built_at is not None and built_at == _minute(self.context.now()):
            return  # just built and refreshed (see __init__)
        if not self.vault.is_open:
            return
        now = self.context.now()
        self._shown_day = now.date()
        if not self._dirty:
            self.form.set_today(now.date())
        self.title.setText(tr("Today, {date}").format(date=date_text(now.date(), "dddd d MMMM")))
        if self._sessions_after_paint:
            self._sessions_after_paint = False
            self._sessions_later.arm()
        else:
            self._sessions_later.timer.stop()  # done now
            self._refresh_sessions(now)
        if not self._dirty:
            self.form.set_tag_choices(self.vault.tags.names())
        self._refresh_entries()
        self._check_the_clock(now)

    def _check_the_clock(self, now: dt.datetime) -> None:
        """Said when the clock reads earlier than the moment the journal last saved a
        check-in (more than a day: travel west may set it back that far). A check-in
        saved once while the clock was ahead stops it at the next save (second diff
        review: counting check-ins dated ahead missed a clock a few days early and
        kept a notice for months after one saved ahead)."""
        saved = self.vault.entries.last_saved_at()
        behind = saved is not None and saved - now > CLOCK_BEHIND
        if behind:
            self.clock_notice.setText(
                tr(
                    "This computer's clock says it is {today}, but your last check-in was "
                    "saved on {saved}. If the date is wrong, what you save now gets the wrong "
                    "date: set the computer's date and time first."
                ).format(
                    today=date_text(now.date(), "d MMMM yyyy"),
                    saved=date_text(saved.date(), "d MMMM yyyy"),
                )
            )
        self.clock_notice.setVisible(behind)

    def _refresh_sessions(self, now: dt.datetime | None = None) -> None:
        """What comes from the treatment sessions: the line about the last and next
        session, aftercare on a session day, the prompts and the booster line."""
        if not self.vault.is_open:
            return
        now = now or self.context.now()
        treatments = self.vault.treatments.all()
        self._treatments = treatments
        self._sessions_read_at = now
        self.context_label.setText(treatment_context(treatments, now))
        self.context_label.setVisible(bool(self.context_label.text()))  # no empty gap
        session_today = [
            t
            for t in treatments
            if t.day == now.date() and t.kind_info.ketamine and not t.is_appointment(now)
        ]
        aftercare = self.vault.settings.get("aftercare_text", DEFAULT_AFTERCARE)
        if aftercare == DEFAULT_AFTERCARE:  # moodlog's words, not the person's own
            aftercare = tr(DEFAULT_AFTERCARE)
        self.aftercare_label.setText(
            tr("After today's session: {aftercare}").format(aftercare=aftercare)
            if session_today
            else ""
        )
        self.aftercare_label.setVisible(bool(session_today))
        self._build_prompts(treatments, now, bool(session_today))

    def _refresh_entries(self, just_saved: Entry | None = None) -> None:
        """The "already saved today" line: one small query (no sessions decoded), or
        none when the entry this screen just saved is simply added to it (then only
        its own part is written: the others' are kept from before)."""
        line = tr("{time} mood {mood}")
        if just_saved is not None:
            time, mood = just_saved.time, just_saved.mood
            text = line.format(time=clock(time), mood=mood)
            self._today_entries.append((time, just_saved.id or 0, text))
            self._today_entries.sort()
        else:
            day = self._shown_day or self.context.now().date()
            self._today_entries = [
                (e.time, e.id or 0, line.format(time=clock(e.time), mood=e.mood))
                for e in self.vault.entries.on_day(day)
            ]
        if self._today_entries:
            lines = ", ".join(text for _, _, text in self._today_entries)
            self.earlier.setText(
                tr(
                    "Already saved today: {entries}. You can add another check-in "
                    "at any time; charts use the day's average."
                ).format(entries=lines)
            )
        else:
            self.earlier.setText("")

    def _build_prompts(
        self, treatments: list[Treatment], now: dt.datetime, session_today: bool
    ) -> None:
        focus = QApplication.focusWidget()
        focus_in_prompts = focus is not None and any(
            self.prompts.itemAt(i).widget() is not None
            and self.prompts.itemAt(i).widget().isAncestorOf(focus)
            for i in range(self.prompts.count())
        )
        if focus_in_prompts:
            # Parked on the Save button first: hiding the focused prompt would send the
            # keyboard down the tab chain into the form (review finding: to the day
            # field, where an arrow key changes the entry's day).
            self.save_button.setFocus(Qt.FocusReason.OtherFocusReason)
        while self.prompts.count():
            item = self.prompts.takeAt(0)
            if item.widget():
                # Hidden at once: out of the layout it would stay on screen where it was,
                # over the new prompts and the form, until it is deleted (the event loop's
                # next turn, or never where none runs) and be painted with every save.
                item.widget().hide()
                item.widget().deleteLater()
        every = int(self.vault.settings.get("questionnaire_every_days", 7))
        session_ahead = any(
            t.day == now.date() and t.kind_info.ketamine and t.is_appointment(now)
            for t in treatments
        )
        for instrument, button in ((PHQ9, self.phq_button), (GAD7, self.gad_button)):
            last = self.vault.questionnaires.last_taken(instrument)
            # A session day adds a PHQ-9 prompt only when the last one is a week old:
            # taking one clears the label and the prompt at once, session day or not.
            before_session = (
                instrument == PHQ9 and session_ahead and session_day_phq9_due(last, now.date())
            )
            due = is_due(last, now.date(), every) or before_session
            label = (
                tr("{instrument} questionnaire (due)") if due else tr("{instrument} questionnaire")
            )
            button.setText(label.format(instrument=instrument))
            if due and instrument == PHQ9:
                self._add_prompt(
                    tr(SESSION_DAY_PHQ9_PROMPT)
                    if before_session
                    else tr("It is a good time for your PHQ-9 questionnaire (about two minutes)."),
                    tr("Take PHQ-9"),
                    lambda: self.open_questionnaire(PHQ9),
                )
        for treatment in treatments:
            if integration_prompt_due(treatment, now):
                self._add_prompt(
                    tr(
                        "It has been a day or two since your session on {day} ({session}). "
                        "What came up?"
                    ).format(
                        day=date_text(treatment.day, "ddd d MMM"), session=tr(treatment.label)
                    ),
                    tr("Write an integration note"),
                    lambda _checked=False, t=treatment: self.write_integration(t),
                )
        plan = self.vault.safety_plans.latest()
        if plan is not None and plan.review_due(now.date()):
            self._add_prompt(
                tr(
                    "Your safety plan was last reviewed on {day}. Look it over when you feel ready."
                ).format(day=date_text(plan.reviewed_on, "d MMM yyyy"))
                if plan.reviewed_on is not None  # (a plan imported without a review date)
                else tr("Your safety plan has no review date. Look it over when you feel ready."),
                tr("Open safety plan"),
                lambda: self.window().show_screen("Safety plan"),
            )
        self._booster_index = self.prompts.count()  # how long sessions help
        self._booster_widgets, self._booster_shown = [], None
        self._booster_later.timer.stop()  # done now
        self._update_booster_lines(now)
        from moodlog.ui.backups import reminder_text  # no backup for 14 days, or never

        if reminder := reminder_text(self.context):
            self._add_prompt(
                reminder, tr("Open Backups"), lambda: self.window().show_screen("Backups")
            )
        self._set_tab_order()
        if focus_in_prompts:  # back to the prompts, now the new ones
            first = self.prompts.itemAt(0)
            buttons = first.widget().findChildren(QPushButton) if first and first.widget() else []
            if buttons:
                buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_booster_later(self) -> None:
        """The booster line brought up to date once the screen has been painted."""
        self._booster_later.arm()

    def _update_booster_lines(self, now: dt.datetime | None = None) -> None:
        """Show the session-durability line and observation for now (from the sessions
        the last refresh read): a new entry can change both. Replaced only if changed."""
        from moodlog.ui.booster_today import booster_state, booster_widgets

        if not self.vault.is_open or self._sessions_later.armed:
            return  # (the sessions, when read, bring it up to date)
        state = booster_state(self.vault, self._treatments, now or self.context.now())
        if state == self._booster_shown:
            return
        for widget in self._booster_widgets:
            self.prompts.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._booster_widgets = booster_widgets(state)
        for offset, widget in enumerate(self._booster_widgets):
            self.prompts.insertWidget(self._booster_index + offset, widget)
        self._booster_shown = state
        self._set_tab_order()

    def _add_prompt(self, text: str, action: str, slot) -> None:  # noqa: ANN001
        box = PromptBox()
        label = QLabel(text)
        label.setWordWrap(True)
        box.row.addWidget(label, 1)
        button = QPushButton(action)
        button.setAccessibleDescription(text)  # what the prompt beside it says
        button.clicked.connect(slot)
        box.row.addWidget(button)
        self.prompts.addWidget(box)

    # -- actions -----------------------------------------------------------------
    def save(self) -> bool:
        if self._untold:
            self._tell_others()  # an earlier save's news first
        now = self.context.now()
        self.form.set_today(now.date())
        if not self.form.when_changed():
            self.form.set_when(now)  # the time of saving, not of opening the screen
        entry = self.form.entry()
        entry.created_at = now.replace(microsecond=0)
        if entry.mood is None:
            if (
                self._saved_message
                and not self._dirty
                and self.status.text() == self._saved_message
            ):
                # Ctrl+S again on the form its save just cleared: the save stands, and
                # its line stays (review finding: asking for the mood here read as if
                # the save had failed, inviting a second, duplicate check-in).
                return False
            return self._ask_for_mood(entry)
        try:
            entry.validate()
        except ValidationError as error:
            saved_but = tr(
                "Your self-check is saved. The rest of this check-in is not saved yet: {problem}"
            ).format(problem=str(error))
            return self._save_self_check_alone(entry, str(error), saved_but)
        checkin = None
        if not self._checkin_recorded or self.self_check.touched():
            checkin = self.self_check.checkin(entry.day, entry.time)
        # A yes, then "Skip" ticked: recorded as skipped, help offered all the same (night
        # review: help went with the cleared form)
        answered = self.self_check.answered() if checkin is not None and checkin.skipped else None
        # One transaction: the entry, the self-check and the draft's removal are saved
        # together or not at all (and cost one commit, not three).
        question = False
        try:
            with (
                support_even_if_not_saved(self.context, answered or checkin),
                self.vault.transaction(),
            ):
                self.vault.entries.add(entry)
                if checkin is not None:
                    question = store_checkin(self.context, checkin)
                self.vault.drafts.discard(DRAFT_NAME)
        except BaseException:
            # The reason is shown by the caller; the line must not keep saying an earlier
            # save's "Saved at ..." (review finding, a full disk).
            self._saved_message = ""
            self.status.setText(tr("This check-in is not saved yet."))
            raise
        tags_known = set(entry.tags) <= set(self.form.tags.names)  # (asks Qt nothing)
        self._reset_form()
        saved = (
            tr("Saved at {time} — mood {mood} (marked as filled in later).")
            if entry.backfilled
            else tr("Saved at {time} — mood {mood}.")
        )
        self._saved_message = saved.format(time=clock(self.context.now()), mood=entry.mood)
        self.status.setText(self._saved_message)
        # Painted even when the line reads as before (a second save in the same minute
        # with the same mood: setText then repaints nothing, and the notices below
        # waited for the 250 ms fallback; review finding).
        self.status.update()
        # The other screens are told once it is all committed and its result is on
        # screen: just after that paint (or when Today is left first). What they do
        # about it (the reminders' query, Trends and a Journal opened earlier marked
        # or read again) is nothing the person waits for here (issue 14 §2). Help after
        # a yes is not told this way: it is offered at once, below.
        self._untold.append((checkin is not None, question))
        self._tell_later.arm()
        if self._shown_day != now.date():
            self.refresh()  # past midnight: a new day's title, prompts and sessions
        else:
            if entry.day == now.date():
                self._refresh_entries(just_saved=entry)
            self._update_booster_later()  # the day's mood can change it
        if not tags_known:
            self.form.set_tag_choices(self.vault.tags.names())
        if checkin is not None:
            offer_support(self.context, answered or checkin)
        return True

    def _tell_others(self) -> None:
        """Tell the other screens what the saves not told yet changed, as each save
        used to at once: its self-check (and question) first, then the entries. Runs
        just after a save's result is painted, or before anything else Today does that
        others could see first: leaving the screen (a switch, a lock), the next save."""
        untold, self._untold = self._untold, []
        self._tell_later.timer.stop()
        if not untold or not self.vault.is_open:
            return
        if any(checkin for checkin, _ in untold):
            announce_checkin(self.context, any(question for _, question in untold))
        self._saving = True  # (save() has shown the entry already: see _data_changed)
        try:
            self.context.events.data_changed.emit("entries")
        finally:
            self._saving = False

    def _ask_for_mood(self, entry: Entry) -> bool:
        """Mood is never preset: ask for it, calmly."""
        self.form.mood.slider.setFocus()
        return self._save_self_check_alone(
            entry, tr(MOOD_MISSING), tr(MOOD_MISSING_AFTER_SELF_CHECK)
        )

    def _save_self_check_alone(self, entry: Entry, problem: str, saved_but: str) -> bool:
        """The entry cannot be saved yet (``problem``: no mood, or a value out of range).
        An answered self-check is not held back by it: it is saved now, on its own, and
        help offered after any yes (``saved_but`` then says so and what is left)."""
        if self.self_check.skip_box.isChecked() or not self.self_check.touched():
            self.status.setText(problem)
            return False
        checkin = self.self_check.checkin(entry.day, entry.time)
        with support_even_if_not_saved(self.context, checkin), self.vault.transaction():
            question = store_checkin(self.context, checkin)
        announce_checkin(self.context, question)
        self._checkin_recorded = True
        self.self_check.reset()
        self.status.setText(saved_but)
        offer_support(self.context, checkin)
        return False

    def open_questionnaire(self, instrument: str) -> None:
        from moodlog.ui.questionnaire import QuestionnaireDialog

        dialog = QuestionnaireDialog(self.context, instrument, self)
        self.questionnaire_dialog = dialog
        opener = self.window().focusWidget()
        dialog.finished.connect(lambda _result: self._focus_after_questionnaire(instrument, opener))
        dialog.show()

    def _focus_after_questionnaire(self, instrument: str, opener: QWidget | None) -> None:
        """Back on this questionnaire's button when the prompt that opened it went with
        the refresh after the save (accessibility review: the keyboard landed on the top
        bar's "Get help now", far from where the person was)."""
        import shiboken6

        if opener is None or not shiboken6.isValid(opener) or not opener.isVisible():
            (self.phq_button if instrument == PHQ9 else self.gad_button).setFocus()

    def open_questionnaire_history(self) -> None:
        from moodlog.ui.questionnaire import QuestionnaireHistoryDialog

        dialog = QuestionnaireHistoryDialog(self.context, self)
        self.history_dialog = dialog
        dialog.show()

    def write_integration(self, treatment: Treatment) -> IntegrationDialog:
        """Open the integration note of ``treatment`` (window-modal, not blocking: the
        lock can still come, and keeps what was typed)."""
        dialog = IntegrationDialog(self.context, treatment, self)
        self.integration_dialog = dialog
        dialog.open()
        return dialog

    def resume_integration_draft(self, body: dict) -> IntegrationDialog | None:
        """The integration note again, with the text typed before the last lock; None
        when its session is gone (only a restore from a backup can do that while
        moodlog is locked)."""
        treatment = next((t for t in self.vault.treatments.all() if t.id == body.get("id")), None)
        if treatment is None or not isinstance(body.get("text"), str):
            return None
        dialog = IntegrationDialog(self.context, treatment, self)
        dialog.text.setPlainText(body["text"])
        self.integration_dialog = dialog
        return dialog
