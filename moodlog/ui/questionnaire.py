"""PHQ-9 and GAD-7 as one keyboard-operable form, with the result shown after saving."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.analysis import (
    NO_BASELINE_TEXT,
    OUTCOME_DEFINITIONS,
    course_baseline,
    course_summary,
)
from moodlog.domain.crisis import calm_help_line, resources_for, unanswered_item_help_line
from moodlog.domain.questionnaires import (
    ANSWER_OPTIONS,
    DIFFICULTY_OPTIONS,
    DIFFICULTY_QUESTIONS,
    GAD7,
    ITEMS,
    PHQ9,
    SCREENING_LABEL,
    STEMS,
    QuestionnaireResult,
    describe_change,
    is_blank,
    max_total,
    needs_safety_follow_up,
    repeated_days,
    self_harm_item_unanswered,
    unanswered_items,
)
from moodlog.domain.treatments import Treatment
from moodlog.i18n import date_text, time_text, tr
from moodlog.locale_words import LOCALE
from moodlog.ui.context import AppContext
from moodlog.ui.drafts import NotKeptAtLock
from moodlog.ui.widgets import FittedColumns, add_help_now, column_memory, confirm, hint, numbered
from moodlog.wording import QT_TR_NOOP


def _same(a: QuestionnaireResult | None, b: QuestionnaireResult) -> bool:
    return a is b or (a is not None and a.id is not None and a.id == b.id)


def result_summary(
    result: QuestionnaireResult,
    history: list[QuestionnaireResult],
    treatments: Iterable[Treatment] = (),
    now: dt.datetime | None = None,
) -> str:
    """Score, band and changes in plain words, or why there is no score.

    The change from the course baseline, and for the PHQ-9 response and remission,
    follow the one baseline rule of :func:`analysis.course_baseline` (the same as
    Trends and the PDF), with its definitions."""
    if not result.scored:
        missing = numbered(tr("item"), unanswered_items(result.answers), tr("items"))
        return " ".join(
            (
                tr(
                    "{instrument} not scored: {missing} unanswered. A total is only given "
                    "when every item is answered."
                ).format(instrument=result.instrument, missing=missing),
                tr(SCREENING_LABEL),
            )
        )
    change = describe_change(result, history)
    assert change is not None
    sentences = [
        tr("{instrument}: {total} of {maximum} ({band}).").format(
            instrument=result.instrument,
            total=change.total,
            maximum=max_total(result.instrument),
            band=tr(change.band),
        )
    ]
    if change.change_from_previous is not None:
        sentences.append(
            tr("Change from previous: {change}.").format(change=f"{change.change_from_previous:+d}")
        )
    course = _course_sentence(result, history, list(treatments), now)
    if course:
        sentences.append(course)
    sentences.append(tr(SCREENING_LABEL))
    return " ".join(sentences)


def _course_sentence(
    result: QuestionnaireResult,
    history: list[QuestionnaireResult],
    treatments: list[Treatment],
    now: dt.datetime | None,
) -> str:
    pool = list(history)
    if not any(_same(r, result) for r in pool):
        pool.append(result)
    when = now or dt.datetime.combine(result.day, result.time)
    course = course_summary(pool, result.instrument, treatments, when)
    baseline = course.baseline
    if baseline is None:
        if course.course_start is None:
            return ""  # no session yet: nothing to compare with
        no_baseline = tr(NO_BASELINE_TEXT)
        no_baseline = no_baseline[:1].upper() + no_baseline[1:]
        if result.instrument == PHQ9:
            return tr("{no_baseline}, so response and remission are not stated.").format(
                no_baseline=no_baseline
            )
        return tr("{no_baseline}.").format(no_baseline=no_baseline)
    if _same(baseline, result):
        return tr("This is your course baseline ({rule}).").format(
            rule=tr(course.baseline_rule_text)
        )
    if (result.day, result.time) < (baseline.day, baseline.time) or baseline.total is None:
        return ""
    if not course.counts_as_latest(result):
        # between the baseline and the first session: a change between two results taken
        # before treatment is not the course's change (clinician review)
        assert course.course_start is not None
        return tr(
            "Taken before the first session of the course ({day}): the change from the "
            "course baseline counts from results after that session."
        ).format(day=date_text(course.course_start, "dd MMM yyyy"))
    difference = result.total - baseline.total
    change_text = f"{difference:+d}"
    if baseline.total:
        change_text += f" ({difference / baseline.total * 100:+.0f}%)"
    text = tr("Change from course baseline ({total} on {day}): {change}.").format(
        total=baseline.total, day=date_text(baseline.day, "dd MMM yyyy"), change=change_text
    )
    if result.instrument == PHQ9 and _same(course.latest, result):
        outcome = course.outcome_text(LOCALE)
        text += f" {outcome[0].upper()}{outcome[1:]}. {tr(OUTCOME_DEFINITIONS)}"
    return text


def _listed(numbers: list[int]) -> str:
    """ "5" or "5, 6 and 7"."""
    texts = [str(n) for n in numbers]
    if len(texts) == 1:
        return texts[0]
    return tr("{first} and {last}").format(first=", ".join(texts[:-1]), last=texts[-1])


def baseline_cell(result: QuestionnaireResult, baselines: dict[str, tuple]) -> str:
    """The history table's "Course baseline" cell: the result the baseline rule uses
    (``baselines``: instrument -> :func:`analysis.course_baseline`), and a mark the
    rule cannot use (an earlier course, or after the course began)."""
    used, rule = baselines.get(result.instrument, (None, ""))
    if _same(used, result):
        return tr("★ baseline") if rule == "marked" else tr("baseline (automatic)")
    if result.is_baseline:
        return tr("marked, not used (not before this course)")
    return ""


class QuestionnaireDialog(NotKeptAtLock, QDialog):
    saved = Signal(object)  # QuestionnaireResult

    def __init__(self, context: AppContext, instrument: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.instrument = instrument
        self.result: QuestionnaireResult | None = None
        self.setWindowTitle(instrument)
        from moodlog.ui.window_state import fitted_size

        # fits a 1366x768 screen, and a smaller one; the questions scroll if need be
        self.resize(fitted_size(self, 820, 640))
        layout = QVBoxLayout(self)
        label = QLabel(tr(SCREENING_LABEL))
        label.setObjectName("hint")
        layout.addWidget(label)
        stem = QLabel(tr(STEMS[instrument]))
        stem.setWordWrap(True)
        stem.setObjectName("subheading")
        layout.addWidget(stem)
        body = QWidget()
        grid = QGridLayout(body)
        grid.setColumnStretch(0, 1)
        grid.setHorizontalSpacing(4)
        centre = Qt.AlignmentFlag.AlignHCenter
        answer_width = 96  # every answer column the same width, its header wrapped above it
        for column, option in enumerate(ANSWER_OPTIONS, start=1):
            header = QLabel(tr(option) + f"\n({column - 1})")
            header.setObjectName("hint")
            header.setWordWrap(True)
            header.setAlignment(centre | Qt.AlignmentFlag.AlignBottom)
            header.setFixedWidth(answer_width)
            grid.addWidget(header, 0, column)
        self.groups: list[QButtonGroup] = []
        for row, item in enumerate(ITEMS[instrument], start=1):
            text = QLabel(f"{row}. {tr(item)}")
            text.setWordWrap(True)
            grid.addWidget(text, row, 0)
            group = QButtonGroup(self)
            for score, option in enumerate(ANSWER_OPTIONS):
                button = QRadioButton()
                # The question is said with each answer (accessibility review: a screen
                # reader heard "Item 9: Not at all", never the question it answers).
                button.setAccessibleName(
                    tr("{answer}, scores {score}. Item {number}: {question}").format(
                        answer=tr(option), score=score, number=row, question=tr(item)
                    )
                )
                button.setAccessibleDescription(
                    tr("Scores {score} for this question.").format(score=score)
                )
                group.addButton(button, score)
                grid.addWidget(button, row, score + 1, centre)
            self.groups.append(group)
        difficulty_row = len(ITEMS[instrument]) + 1
        difficulty = QLabel(
            tr("{question} (not scored)").format(question=tr(DIFFICULTY_QUESTIONS[instrument]))
        )
        difficulty.setWordWrap(True)
        grid.setRowMinimumHeight(difficulty_row, 12)
        grid.addWidget(difficulty, difficulty_row + 1, 0, 1, 5)
        self.difficulty_group = QButtonGroup(self)
        options = QHBoxLayout()
        options.setSpacing(20)  # room between one answer's words and the next circle
        for index, option in enumerate(DIFFICULTY_OPTIONS):
            button = QRadioButton(tr(option))
            button.setAccessibleDescription(
                tr("An answer to: {question} It is not scored.").format(
                    question=tr(DIFFICULTY_QUESTIONS[instrument])
                )
            )
            self.difficulty_group.addButton(button, index)
            options.addWidget(button)
        options.addStretch(1)
        grid.addLayout(options, difficulty_row + 2, 0, 1, 5)
        grid.setRowStretch(difficulty_row + 3, 1)  # spare height below, not between rows
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(tr("Questions"))  # (the keyboard starts here: review)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        self.answers_area = body
        self.result_label = QLabel("")
        self.result_label.setWordWrap(True)
        self.result_label.setObjectName("result")
        layout.addWidget(self.result_label)
        self.crisis_line = None  # the calm crisis line, shown once PHQ-9 item 9 is > 0
        for group in self.groups:
            group.idClicked.connect(self._answer_changed)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setAccessibleDescription(
            tr("Saves your answers and shows the total and its band.")
        )
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleDescription(tr("Closes this window without saving."))
        self.confirming = False  # "Save anyway" is showing: a second click saves
        self._confirming_since = 0.0  # when it appeared (time.monotonic)
        self.buttons.accepted.connect(self._save_clicked)
        self.buttons.rejected.connect(self._close_asked)
        add_help_now(self.buttons, context)
        layout.addWidget(self.buttons)
        self.note_opened()  # (its input is not kept at a lock: said so then)

    def answers(self) -> list[int | None]:
        return [g.checkedId() if g.checkedId() >= 0 else None for g in self.groups]

    def set_answers(self, answers: list[int | None]) -> None:
        for group, answer in zip(self.groups, answers, strict=True):
            if answer is not None:
                group.button(answer).setChecked(True)

    SAVE_ANYWAY = QT_TR_NOOP("Save anyway")

    def _answer_changed(self) -> None:
        """A new answer: a pending "Save anyway" no longer applies; item 9 above
        "Not at all" shows the crisis line at once (it stays, whatever happens next)."""
        if self.confirming:
            self.confirming = False
            self.save_button.setText(tr("Save"))
            self.result_label.setText("")
        if needs_safety_follow_up(self.instrument, self.answers()):
            self.show_crisis_line()

    def show_crisis_line(self, unanswered: bool = False) -> None:
        """The calm crisis line with "Get help now"; with ``unanswered`` (item 9 left
        unanswered) in neutral words that do not say the person has such thoughts."""
        from moodlog.ui.checkin import CrisisLineBox

        first = self.crisis_line is None
        if first:
            self.crisis_line = CrisisLineBox(self.context, self)
            layout = self.layout()
            layout.insertWidget(layout.indexOf(self.result_label) + 1, self.crisis_line)
            self.crisis_line.setVisible(self.isVisible())  # at once, not after a queued show
        resources = resources_for(self.context.preferences.effective_country())
        self.crisis_line.label.setText(
            unanswered_item_help_line(resources, translate=tr)
            if unanswered
            else calm_help_line(resources, translate=tr)
        )
        if first:  # Tab from item 9's last answer reaches "Get help now" (not after Close)
            self.crisis_line.offer_after(self.groups[-1].buttons()[-1])

    def _save_clicked(self) -> None:
        """Save, unless this click comes within a double click of "Save anyway"
        appearing (review finding: a double click on Save went straight through "Save
        anyway", and a partly answered form was saved unread)."""
        interval = QApplication.doubleClickInterval() / 1000
        if self.confirming and time.monotonic() - self._confirming_since < interval:
            return
        self.save()

    def _may_close(self) -> bool:
        """Close, Escape or the window's close button: asks first when answers given
        here are not saved (review finding: they were thrown away without a word). Not
        asked when moodlog closes the dialog itself (a lock keeps nobody waiting, and
        says it could not keep them)."""
        return self.not_kept_reason() is None or confirm(
            self,
            tr("Close without saving?"),
            tr("Your answers are not saved. Close without saving them?"),
            tr("Close without saving"),
        )

    def _close_asked(self) -> None:
        if self._may_close():
            self.reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self._close_asked()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if event.spontaneous() and not self._may_close():  # the window's own close button
            event.ignore()
            return
        super().closeEvent(event)

    def save(self) -> None:
        """Save the form. A blank form is not saved; a partly answered one only after
        a second click on "Save anyway" (it gets no total and does not count as taken)."""
        answers = self.answers()
        if is_blank(answers):
            self.result_label.setText(
                tr(
                    "Nothing was saved: no question is answered yet. Choose an answer for each "
                    "question, or close this window."
                )
            )
            return
        missing = unanswered_items(answers)
        if missing and not self.confirming:
            if len(missing) == 1:
                first = tr("Question {numbers} is not answered yet.")
            else:
                first = tr("Questions {numbers} are not answered yet.")
            numbers = _listed(missing)
            self.result_label.setText(
                first.format(numbers=numbers)
                + " "
                + tr(
                    "A total is only given when every question is answered, and a partly "
                    "answered {instrument} does not count as taken. You can answer them, "
                    "or choose “{save_anyway}” to keep it as it is."
                ).format(instrument=self.instrument, save_anyway=tr(self.SAVE_ANYWAY))
            )
            self.save_button.setText(tr(self.SAVE_ANYWAY))
            self.confirming = True
            self._confirming_since = time.monotonic()
            return
        now = self.context.now()
        difficulty = self.difficulty_group.checkedId()
        result = QuestionnaireResult(
            day=now.date(),
            time=now.time(),
            instrument=self.instrument,
            answers=self.answers(),
            difficulty=difficulty if difficulty >= 0 else None,
        )
        self.context.vault.questionnaires.add(result)
        self.result = result
        history = self.context.vault.questionnaires.all(self.instrument)
        treatments = self.context.vault.treatments.all()
        self.result_label.setText(result_summary(result, history, treatments, now))
        self.save_button.setEnabled(False)
        # The saved answers stay on show, as saved (review finding: they could still be
        # changed after saving, and the ticks then differed from the record and its
        # total; a changed item 9 showed the crisis line but opened no follow-up).
        self.answers_area.setEnabled(False)
        self.input_saved = True
        self.context.events.data_changed.emit("questionnaires")
        self.saved.emit(result)
        if needs_safety_follow_up(self.instrument, result.answers):
            self.show_crisis_line()
            self.open_follow_up()
        elif self_harm_item_unanswered(self.instrument, result.answers):
            self.show_crisis_line(unanswered=True)

    def open_follow_up(self) -> None:
        from moodlog.ui.checkin import SelfCheckDialog

        dialog = SelfCheckDialog(
            self.context,
            self,
            reason=tr(
                "You said you have had thoughts that you would be better off dead or of "
                "hurting yourself. These short questions can help you understand them, and "
                "your care team too, if you choose to share them. You can skip any of them."
            ),
            show_help=True,
        )
        self.follow_up = dialog
        dialog.show()


class QuestionnaireHistoryDialog(QDialog):
    """Every PHQ-9 and GAD-7 result; the user can mark the course baseline or delete one."""

    COLUMNS = (
        QT_TR_NOOP("Date"),
        QT_TR_NOOP("Questionnaire"),
        QT_TR_NOOP("Total"),
        QT_TR_NOOP("Band"),
        QT_TR_NOOP("Change"),
        QT_TR_NOOP("Course baseline"),
    )

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import (
            QAbstractItemView,
            QHBoxLayout,
            QPushButton,
            QTableWidget,
        )

        super().__init__(parent)
        self.context = context
        self.setWindowTitle(tr("Questionnaire results"))
        from moodlog.ui.window_state import fitted_size

        self.resize(fitted_size(self, 720, 520))
        layout = QVBoxLayout(self)
        note = hint(
            tr(SCREENING_LABEL)
            + " "
            + tr(
                "The course baseline is the result later ones are compared with: the one you "
                "mark, else the last result in the 30 days before the first session of your "
                "current course. Without either there is no pre-treatment baseline, and "
                "moodlog does not state response or remission."
            )
        )
        layout.addWidget(note)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(column) for column in self.COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAccessibleName(tr("Questionnaire results"))
        self.table.setAccessibleDescription(
            tr("Every PHQ-9 and GAD-7 you saved, newest first; select one to mark or delete it.")
        )
        self.columns = FittedColumns(  # issue 15: columns that show their text
            self.table, "questionnaire_results", column_memory(context), wrap=(3, 5)
        )
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.baseline_button = QPushButton(tr("Mark as course baseline"))
        self.baseline_button.setAccessibleDescription(
            tr("Makes the selected result the one later results are compared with.")
        )
        self.baseline_button.clicked.connect(self.mark_baseline)
        self.delete_button = QPushButton(tr("Delete…"))
        self.delete_button.setAccessibleDescription(
            tr("Deletes the selected result, after asking you to confirm.")
        )
        self.delete_button.clicked.connect(self.delete_selected)
        close = QPushButton(tr("Close"))
        close.setAccessibleDescription(tr("Closes this window."))
        close.clicked.connect(self.accept)
        row.addWidget(self.baseline_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        from PySide6.QtWidgets import QTableWidgetItem

        results = self.context.vault.questionnaires.all()
        self.results = list(reversed(results))
        treatments, now = self.context.vault.treatments.all(), self.context.now()
        baselines = {n: course_baseline(results, n, treatments, now) for n in (PHQ9, GAD7)}
        repeated = repeated_days(results)
        self.table.setRowCount(len(self.results))
        for row, result in enumerate(self.results):
            change = describe_change(
                result, [r for r in results if r.instrument == result.instrument]
            )
            delta = ""
            if change and change.change_from_previous is not None:
                delta = f"{change.change_from_previous:+d}"
            when = date_text(result.day, "dd MMM yyyy")
            if (result.instrument, result.day) in repeated:  # which came first matters
                when += " " + time_text(result.time)
            cells = (
                when,
                result.instrument,
                tr("not scored") if result.total is None else str(result.total),
                tr(result.band) if result.band else "",
                delta,
                baseline_cell(result, baselines),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.columns.fit()

    def selected(self) -> QuestionnaireResult | None:
        row = self.table.currentRow()
        return self.results[row] if 0 <= row < len(self.results) else None

    def mark_baseline(self) -> None:
        result = self.selected()
        if result is not None:
            self.context.vault.questionnaires.set_baseline(result.id)
            self.context.events.data_changed.emit("questionnaires")
            self.refresh()

    def delete_selected(self) -> None:
        from moodlog.ui.widgets import confirm

        result = self.selected()
        if result and confirm(
            self,
            tr("Delete result"),
            tr("Delete the {instrument} of {day}?").format(
                instrument=result.instrument, day=date_text(result.day, "dd MMM yyyy")
            ),
        ):
            self.context.vault.questionnaires.delete(result.id)
            self.context.events.data_changed.emit("questionnaires")
            self.refresh()
