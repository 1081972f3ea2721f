"""The suicidal-ideation self-check: a widget for Today and a dialog of its own.

Wording rules: plain and calm, never blocking saving, never claiming anyone
watches; every answer can be "prefer not to answer", and the whole check can be
skipped (recorded as skipped, never as "no").

A check-in is stamped with the moment it was answered (saved), not with the day of
the entry it was filled in with: a self-check answered on 20 Nov in a form for 6 Nov
is a 20 Nov check-in. At most one "skipped" is recorded per day.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.crisis import calm_help_line, resources_for
from moodlog.domain.safety import (
    ELEVATED_LEVELS,
    FOLLOW_UP_KEYS,
    HELP_NOW_HINT,
    PRIVACY_STATEMENT,
    QUESTION_INTRO,
    QUESTIONS,
    SELF_CHECK_LABEL,
    SI_KEYS,
    SICheckin,
)
from moodlog.domain.treatments import Question
from moodlog.i18n import tr
from moodlog.ui.context import AppContext
from moodlog.ui.drafts import NotKeptAtLock
from moodlog.ui.widgets import add_help_now, hint
from moodlog.wording import QT_TR_NOOP

YES, NO, PREFER_NOT = 1, 0, 2
# Shown with tr().
ANSWER_TEXT = {
    YES: QT_TR_NOOP("Yes"),
    NO: QT_TR_NOOP("No"),
    PREFER_NOT: QT_TR_NOOP("Prefer not to answer"),
}
DISCUSS_QUESTION = QT_TR_NOOP(
    "I want to talk about my recent self-check (thoughts about death or suicide)."
)


class SelfCheckWidget(QGroupBox):
    """Six questions, yes / no / prefer not; 3-5 appear only after a yes to 2.

    With a ``context``, a yes brings the crisis line and "Get help now" into the
    self-check at once, before anything is saved (review finding: help came only with
    Save, so a lock, a switch of screen or quitting after a yes left the person with
    none). It stays until the form is cleared, also when the yes is changed."""

    changed = Signal()
    help_offered = Signal(object)  # the crisis line shown after a yes (to scroll to it)

    def __init__(self, parent: QWidget | None = None, context: AppContext | None = None) -> None:
        super().__init__(tr("Self-check"), parent)
        self.context = context
        self.crisis_line: CrisisLineBox | None = None
        self.setObjectName("selfCheck")
        layout = QVBoxLayout(self)
        label = hint(" ".join(tr(t) for t in (SELF_CHECK_LABEL, PRIVACY_STATEMENT, HELP_NOW_HINT)))
        layout.addWidget(label)
        self.skip_box = QCheckBox(tr("Skip the self-check this time"))
        self.skip_box.setAccessibleDescription(
            tr("Records that you skipped it today; nothing else is asked.")
        )
        layout.addWidget(self.skip_box)
        intro = QLabel(tr(QUESTION_INTRO))
        layout.addWidget(intro)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(0, 1)
        self.groups: dict[str, QButtonGroup] = {}
        self.rows: dict[str, list[QWidget]] = {}
        for row, key in enumerate(SI_KEYS):
            number = row + 1
            question = QLabel(tr(QUESTIONS[key]))
            question.setWordWrap(True)
            question.setMinimumWidth(320)
            group = QButtonGroup(self)
            group.setExclusive(True)
            widgets: list[QWidget] = [question]
            self.grid.addWidget(question, row, 0)
            for column, value in enumerate((YES, NO, PREFER_NOT), start=1):
                answer = tr(ANSWER_TEXT[value])
                button = QRadioButton(answer)
                button.setAccessibleName(
                    tr("Question {number}: {answer}").format(number=number, answer=answer)
                )
                button.setAccessibleDescription(tr(QUESTIONS[key]))
                group.addButton(button, value)
                self.grid.addWidget(button, row, column)
                widgets.append(button)
            group.idClicked.connect(self._answered)
            self.groups[key] = group
            self.rows[key] = widgets
        layout.addLayout(self.grid)
        self.help_row = QVBoxLayout()  # where the crisis line goes after a yes
        layout.addLayout(self.help_row)
        self.discuss_box = QCheckBox(tr("I want to talk about this at my next appointment"))
        self.discuss_box.setAccessibleDescription(
            tr("Adds it to the questions for your next appointment.")
        )
        layout.addWidget(self.discuss_box)
        self.skip_box.toggled.connect(self._update_visibility)
        self.discuss_box.toggled.connect(self.changed)
        self._update_visibility()

    def _answered(self) -> None:
        if self.skip_box.isChecked():
            self.skip_box.setChecked(False)
        self._update_visibility()
        self.changed.emit()

    def _update_visibility(self) -> None:
        """Show the rows that apply; only rows whose visibility changes are touched (a
        reset after every save otherwise set all 24 widgets again, issue 14 §2)."""
        skipped = self.skip_box.isChecked()
        follow_up = self.groups["thoughts"].checkedId() == YES
        for key, widgets in self.rows.items():
            visible = not skipped and (key not in FOLLOW_UP_KEYS or follow_up)
            if widgets[0].isHidden() == visible:  # the row's shown state is to change
                for widget in widgets:
                    widget.setVisible(visible)
        self._offer_help_after_a_yes(skipped)
        self.changed.emit()

    def _offer_help_after_a_yes(self, skipped: bool) -> None:
        if self.context is None:
            return
        if skipped or not self._any_yes():
            if self.crisis_line is not None and not self.touched():
                self.crisis_line.hide()  # the form was cleared (saved, or a new day)
            return
        if self.answered().level not in ELEVATED_LEVELS:  # (a yes: something is answered)
            return
        if self.crisis_line is None:
            self.crisis_line = CrisisLineBox(self.context, self)
            self.help_row.addWidget(self.crisis_line)
        elif self.crisis_line.isVisibleTo(self):
            return  # already there: nothing moves while the person answers on
        else:
            self.crisis_line.refresh()
        self.crisis_line.show()
        line = self.crisis_line
        line.offer_after(self._last_yes_answer())
        QTimer.singleShot(0, self, lambda: self.help_offered.emit(line))  # once laid out

    def _last_yes_answer(self) -> QWidget | None:
        """The last answer button of the last question answered yes (None: no yes)."""
        yes = [widgets for key, widgets in self.rows.items() if self.groups[key].checkedId() == YES]
        return yes[-1][-1] if yes else None

    def focus_chain(self) -> list[QWidget]:
        """Tab's way through the self-check: skip, each question's answers, "Get help
        now" (when shown) right after the last question answered yes, then "discuss"."""
        chain: list[QWidget] = [self.skip_box]
        shown = self.crisis_line is not None and self.crisis_line.isVisibleTo(self)
        after = self._last_yes_answer() if shown else None
        for widgets in self.rows.values():
            chain += widgets[1:]
            if after is not None and widgets[-1] is after:
                chain.append(self.crisis_line.help_button)
        return [*chain, self.discuss_box]

    def _any_yes(self) -> bool:
        return any(group.checkedId() == YES for group in self.groups.values())

    def touched(self) -> bool:
        return self.skip_box.isChecked() or any(g.checkedId() != -1 for g in self.groups.values())

    def answers(self) -> dict[str, bool | None]:
        return self._answers({key: group.checkedId() for key, group in self.groups.items()})

    @staticmethod
    def _answers(checked: dict[str, int]) -> dict[str, bool | None]:
        """The answers from each question's checked button id (-1: none)."""
        follow_up = checked["thoughts"] == YES
        result: dict[str, bool | None] = {}
        for key, value in checked.items():
            if key in FOLLOW_UP_KEYS and not follow_up:
                result[key] = None
            else:
                result[key] = {YES: True, NO: False}.get(value)
        return result

    def answer(self, key: str, value: bool | None) -> None:
        """Set one answer as a click would (used by drafts and tests)."""
        button = self.groups[key].button(PREFER_NOT if value is None else YES if value else NO)
        button.click()

    def checkin(self, day: dt.date, time: dt.time) -> SICheckin:
        """The check-in to record; untouched or skipped means skipped. (Each button
        group is asked once: this runs in every save, issue 14 §2.)"""
        discuss = self.discuss_box.isChecked()
        if self.skip_box.isChecked():
            return SICheckin(day=day, time=time, skipped=True, discuss=discuss)
        checked = {key: group.checkedId() for key, group in self.groups.items()}
        if all(value == -1 for value in checked.values()):  # untouched
            return SICheckin(day=day, time=time, skipped=True, discuss=discuss)
        return SICheckin(day=day, time=time, answers=self._answers(checked), discuss=discuss)

    def answered(self) -> SICheckin | None:
        """What the questions hold now, as a check-in, whether or not "Skip" is ticked
        (the answers stay checked under it); None when none is answered. For help after
        a yes that is not recorded: a skip ticked after it, "Not now", Escape."""
        checked = {key: group.checkedId() for key, group in self.groups.items()}
        if all(value == -1 for value in checked.values()):
            return None
        return SICheckin(dt.date.min, dt.time(), self._answers(checked))

    def reset(self) -> None:
        for group in self.groups.values():
            checked = group.checkedButton()  # at most one: the group is exclusive
            if checked is not None:
                group.setExclusive(False)
                checked.setChecked(False)
                group.setExclusive(True)
        self.skip_box.setChecked(False)
        self.discuss_box.setChecked(False)
        self._update_visibility()

    def state(self) -> dict:
        return {
            "answers": {k: g.checkedId() for k, g in self.groups.items()},
            "skip": self.skip_box.isChecked(),
            "discuss": self.discuss_box.isChecked(),
        }

    def restore(self, state: dict) -> None:
        self.reset()
        for key, checked in state.get("answers", {}).items():
            if key in self.groups and checked in (YES, NO, PREFER_NOT):
                self.groups[key].button(checked).setChecked(True)
        self.skip_box.setChecked(bool(state.get("skip")))
        self.discuss_box.setChecked(bool(state.get("discuss")))
        self._update_visibility()


def record_checkin(context: AppContext, checkin: SICheckin) -> None:
    """Save a check-in (never blocked by its answers) and its "discuss" question.

    The check-in is stamped now, the moment it was answered, whatever day the entry
    it came with describes; a second "skipped" on the same day is not added.
    """
    question = store_checkin(context, checkin)
    announce_checkin(context, question)


def store_checkin(context: AppContext, checkin: SICheckin) -> bool:
    """The writes of :func:`record_checkin` without telling the screens, for a caller
    that saves it inside a larger transaction and calls :func:`announce_checkin` once
    that is committed (so that nobody reads or shows a change that may yet be rolled
    back). Returns whether a "discuss" question was added."""
    now = context.now()
    checkin.day, checkin.time = now.date(), now.time()
    context.vault.checkins.record(checkin)
    if checkin.discuss:
        context.vault.questions.add(
            Question(
                text=tr(DISCUSS_QUESTION),
                created_on=checkin.day,
                source="self-check",
                flagged=True,
            )
        )
    return checkin.discuss


def announce_checkin(context: AppContext, question_added: bool) -> None:
    """Tell the screens that a check-in (and maybe its question) was saved."""
    if question_added:
        context.events.question_added.emit()
    context.events.data_changed.emit("checkins")


def offer_support(context: AppContext, checkin: SICheckin) -> None:
    """After any yes: open the help panel (calm, closable) for that level."""
    if checkin.level in ELEVATED_LEVELS:
        context.events.help_requested.emit(checkin.level)


@contextlib.contextmanager
def support_even_if_not_saved(context: AppContext, checkin: SICheckin | None) -> Iterator[None]:
    """Around the writing of ``checkin``: when the write fails (a full disk), help after
    a yes is offered all the same, then the failure is reported as usual (review
    finding: a yes to intent on a full disk brought only "Not saved")."""
    try:
        yield
    except Exception:
        if checkin is not None:
            offer_support(context, checkin)
        raise


class CrisisLineBox(QFrame):
    """A calm line naming the crisis line and emergency number for the user's country,
    with a one-click "Get help now". Shown after PHQ-9 item 9 is answered above
    "Not at all", whatever happens in the follow-up."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("crisisLine")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.refresh()
        row.addWidget(self.label, 1)
        self.help_button = QPushButton(tr("Get help now"))
        self.help_button.setAccessibleDescription(
            tr("Crisis lines, emergency numbers and your safety plan.")
        )
        self.help_button.setObjectName("helpButton")
        self.help_button.clicked.connect(lambda: context.events.help_requested.emit(""))
        row.addWidget(self.help_button)

    def refresh(self) -> None:
        """The line for the country chosen now (it may have changed since it was made:
        review finding, the self-check's line kept the old country's numbers)."""
        country = self.context.preferences.effective_country()
        self.label.setText(calm_help_line(resources_for(country), tr))

    def text(self) -> str:
        return self.label.text()

    def offer_after(self, answer: QWidget) -> None:
        """Tab goes from ``answer`` (the answer that brought this line) straight to "Get
        help now", and a screen reader is told the line has appeared (accessibility
        review: the button was the last Tab stop of the screen, and the line came
        unannounced)."""
        QWidget.setTabOrder(answer, self.help_button)
        self.announce()

    def announce(self) -> None:
        """Tell a screen reader the line's sentence (it is a label: Tab never reaches it)."""
        from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, self.text()))


class SelfCheckDialog(NotKeptAtLock, QDialog):
    """The self-check on its own (from Safety plan, or after PHQ-9 item 9).

    With ``show_help`` (after PHQ-9 item 9) the crisis line and "Get help now" stay
    at the top, and whatever the answers or "Not now", the person is never left
    without them.
    """

    saved = Signal(object)  # SICheckin

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        reason: str = "",
        show_help: bool = False,
    ) -> None:
        super().__init__(parent)
        from moodlog.ui.window_state import fitted_size

        self.context = context
        self.setWindowTitle(tr("Self-check"))
        # 760 wide, or the screen's width (review finding: at 200% on a 1366x768 laptop,
        # 683 px, "Get help now" and "Not now" were beyond the screen's edge)
        self.setMinimumWidth(fitted_size(self, 760, 0).width())
        layout = QVBoxLayout(self)
        self.crisis_line: CrisisLineBox | None = None
        if show_help:
            self.crisis_line = CrisisLineBox(context)
            layout.addWidget(self.crisis_line)
        # The questions scroll on a small screen; the crisis line above and the buttons
        # below stay in view.
        from moodlog.ui.widgets import ContentScrollArea

        body = QWidget()
        questions = QVBoxLayout(body)
        questions.setContentsMargins(0, 0, 0, 0)
        if reason:
            text = QLabel(reason)
            text.setWordWrap(True)
            questions.addWidget(text)
        # (its own crisis line after a yes, unless it is already at the top)
        self.widget = SelfCheckWidget(context=None if show_help else context)
        questions.addWidget(self.widget)
        self.scroll = ContentScrollArea(body, tr("Questions"))
        layout.addWidget(self.scroll, 1)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(tr("Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        if not show_help:  # (with it, "Get help now" is at the top, in the crisis line)
            add_help_now(buttons, context)
        self._buttons = buttons
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self._skip)
        row = QHBoxLayout()
        row.addWidget(buttons)
        layout.addLayout(row)
        self.widget.changed.connect(self._fit_height)
        self._fitted_at_first_show = False
        self._help_offered = False
        self.note_opened()  # (its input is not kept at a lock: said so then)

    def keyPressEvent(self, event) -> None:  # noqa: N802, ANN001
        """Return or Enter on an answer does nothing: it never falls through to a
        default button (diff review: once "Get help now", an auto-default button, had
        had the keyboard, Qt made Save the default again, and Return on an answer saved
        the self-check unseen). On a button it presses that button, as usual."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not isinstance(QApplication.focusWidget(), QPushButton):
            event.accept()
            return
        super().keyPressEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802, ANN001
        super().showEvent(event)
        # No default button (the button box makes Save one as it is shown), and the
        # keyboard starts on the first question (accessibility review: it started on
        # Save, and a second Return after the PHQ-9's saved the self-check unseen).
        for button in self._buttons.buttons():
            button.setAutoDefault(False)
            button.setDefault(False)
        if not self._fitted_at_first_show:  # (not at a restore: the size the person
            self._fitted_at_first_show = True  # chose is kept)
            self._fit_height()  # (Qt's first size is at most 2/3 of the screen's height)
            self.widget.rows[SI_KEYS[0]][1].setFocus()  # the first question's first answer
            if self.crisis_line is not None:
                self.crisis_line.announce()  # said first to a screen reader

    def _fit_height(self) -> None:
        """Grow (never shrink) to the height the wrapped questions need at this width:
        the three follow-up questions appear after a yes, and a window that kept its
        size would squeeze every question to one clipped line."""
        from moodlog.ui.window_state import fitted_size

        self.scroll.widget().layout().activate()  # (the questions just shown, at once)
        self.scroll.updateGeometry()
        layout = self.layout()
        layout.invalidate()
        if layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(self.width())
        else:
            needed = layout.totalSizeHint().height()
        needed = fitted_size(self, self.width(), needed).height()  # (then the questions scroll)
        if needed > self.height():
            self.resize(self.width(), needed)
            screen = self.screen()
            if screen is not None and self.isVisible():  # grown downwards: kept on screen
                free, frame = screen.availableGeometry(), self.frameGeometry()
                over = frame.bottom() - free.bottom()
                if over > 0:
                    self.move(self.x(), max(free.top(), frame.top() - over))

    def save(self) -> None:
        now = self.context.now()
        checkin = self.widget.checkin(now.date(), now.time())
        answered = self.widget.answered()  # (a skip ticked after a yes: help all the same)
        with support_even_if_not_saved(self.context, answered or checkin):
            record_checkin(self.context, checkin)
        self.saved.emit(checkin)
        self._help_offered = True
        self.accept()
        offer_support(self.context, answered or checkin)

    def _skip(self) -> None:
        """ "Not now": recorded as skipped, the answers given left out (the person chose
        not to record them), help offered after any yes among them."""
        answered = self.widget.answered()
        now = self.context.now()
        checkin = SICheckin.skipped_on(now.date(), now.time())
        checkin.discuss = self.widget.discuss_box.isChecked()
        with support_even_if_not_saved(self.context, answered):  # (a full disk: help too)
            record_checkin(self.context, checkin)
        self.saved.emit(checkin)
        self._help_offered = True  # (below: not again by reject)
        self.reject()
        if answered is not None:
            offer_support(self.context, answered)

    def reject(self) -> None:
        """Escape or the window's close button: nothing is recorded, and after a yes the
        help panel is offered all the same (night review: a yes to intent closed away
        with Escape, or "Not now", left the person with no help in view). Not when the
        lock closes the dialog: a locked journal shows nothing of the answers."""
        answered = None
        if not self._help_offered and not self.closing_for_lock:
            answered = self.widget.answered()
        super().reject()
        if answered is not None:
            offer_support(self.context, answered)
