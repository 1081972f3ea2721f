"""PHQ-9 and GAD-7 as one keyboard-operable form, with the result shown after saving."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.questionnaires import (
    ANSWER_OPTIONS,
    DIFFICULTY_OPTIONS,
    DIFFICULTY_QUESTION,
    ITEMS,
    SCREENING_LABEL,
    STEM,
    QuestionnaireResult,
    describe_change,
    max_total,
    needs_safety_follow_up,
    unanswered_items,
)
from moodlog.ui.context import AppContext


def result_summary(result: QuestionnaireResult, history: list[QuestionnaireResult]) -> str:
    """Score, band and changes in plain words, or why there is no score."""
    if not result.scored:
        missing = ", ".join(str(n) for n in unanswered_items(result.answers))
        return (
            f"{result.instrument} not scored: item(s) {missing} unanswered. A total is only "
            f"given when every item is answered. {SCREENING_LABEL}"
        )
    change = describe_change(result, history)
    assert change is not None
    text = f"{result.instrument}: {change.total} of {max_total(result.instrument)} ({change.band})."
    if change.change_from_previous is not None:
        text += f" Change from previous: {change.change_from_previous:+d}."
    if change.change_from_baseline is not None:
        text += f" Change from baseline: {change.change_from_baseline:+d}."
    return f"{text} {SCREENING_LABEL}"


class QuestionnaireDialog(QDialog):
    saved = Signal(object)  # QuestionnaireResult

    def __init__(self, context: AppContext, instrument: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.instrument = instrument
        self.result: QuestionnaireResult | None = None
        self.setWindowTitle(instrument)
        self.resize(860, 760)
        layout = QVBoxLayout(self)
        label = QLabel(SCREENING_LABEL)
        label.setObjectName("hint")
        layout.addWidget(label)
        stem = QLabel(STEM)
        stem.setWordWrap(True)
        stem.setObjectName("subheading")
        layout.addWidget(stem)
        body = QWidget()
        grid = QGridLayout(body)
        grid.setColumnStretch(0, 1)
        for column, option in enumerate(ANSWER_OPTIONS, start=1):
            header = QLabel(f"{option}\n({column - 1})")
            header.setObjectName("hint")
            grid.addWidget(header, 0, column)
        self.groups: list[QButtonGroup] = []
        for row, item in enumerate(ITEMS[instrument], start=1):
            text = QLabel(f"{row}. {item}")
            text.setWordWrap(True)
            grid.addWidget(text, row, 0)
            group = QButtonGroup(self)
            for score, option in enumerate(ANSWER_OPTIONS):
                button = QRadioButton()
                button.setAccessibleName(f"Item {row}: {option}")
                group.addButton(button, score)
                grid.addWidget(button, row, score + 1)
            self.groups.append(group)
        difficulty_row = len(ITEMS[instrument]) + 1
        difficulty = QLabel(DIFFICULTY_QUESTION + " (not scored)")
        difficulty.setWordWrap(True)
        grid.addWidget(difficulty, difficulty_row, 0, 1, 5)
        self.difficulty_group = QButtonGroup(self)
        for index, option in enumerate(DIFFICULTY_OPTIONS):
            button = QRadioButton(option)
            self.difficulty_group.addButton(button, index)
            grid.addWidget(button, difficulty_row + 1 + index // 2, 1 + (index % 2) * 2, 1, 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        self.result_label = QLabel("")
        self.result_label.setWordWrap(True)
        self.result_label.setObjectName("result")
        layout.addWidget(self.result_label)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("Save", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def answers(self) -> list[int | None]:
        return [g.checkedId() if g.checkedId() >= 0 else None for g in self.groups]

    def set_answers(self, answers: list[int | None]) -> None:
        for group, answer in zip(self.groups, answers, strict=True):
            if answer is not None:
                group.button(answer).setChecked(True)

    def save(self) -> None:
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
        self.result_label.setText(result_summary(result, history))
        self.save_button.setEnabled(False)
        self.context.events.data_changed.emit("questionnaires")
        self.saved.emit(result)
        if needs_safety_follow_up(self.instrument, result.answers):
            self.open_follow_up()

    def open_follow_up(self) -> None:
        from moodlog.ui.checkin import SelfCheckDialog

        dialog = SelfCheckDialog(
            self.context,
            self,
            reason="You said you have had thoughts that you would be better off dead or of "
            "hurting yourself. These short questions help you and your care team understand "
            "them. You can skip any of them.",
        )
        self.follow_up = dialog
        dialog.show()


class QuestionnaireHistoryDialog(QDialog):
    """Every PHQ-9 and GAD-7 result; the user can mark the course baseline or delete one."""

    COLUMNS = ("Date", "Questionnaire", "Total", "Band", "Change", "Course baseline")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import (
            QAbstractItemView,
            QHBoxLayout,
            QHeaderView,
            QPushButton,
            QTableWidget,
        )

        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Questionnaire results")
        self.resize(720, 520)
        layout = QVBoxLayout(self)
        note = QLabel(
            f"{SCREENING_LABEL} The course baseline is the result later ones are "
            "compared with; without a mark, moodlog uses the last result in the 14 "
            "days before your first session, else the first result."
        )
        note.setWordWrap(True)
        note.setObjectName("hint")
        layout.addWidget(note)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(self.COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.baseline_button = QPushButton("Mark as course baseline")
        self.baseline_button.clicked.connect(self.mark_baseline)
        self.delete_button = QPushButton("Delete\N{HORIZONTAL ELLIPSIS}")
        self.delete_button.clicked.connect(self.delete_selected)
        close = QPushButton("Close")
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
        self.table.setRowCount(len(self.results))
        for row, result in enumerate(self.results):
            change = describe_change(
                result, [r for r in results if r.instrument == result.instrument]
            )
            delta = ""
            if change and change.change_from_previous is not None:
                delta = f"{change.change_from_previous:+d}"
            cells = (
                f"{result.day:%d %b %Y}",
                result.instrument,
                "not scored" if result.total is None else str(result.total),
                result.band or "",
                delta,
                "\N{BLACK STAR} baseline" if result.is_baseline else "",
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

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
            self, "Delete result", f"Delete the {result.instrument} of {result.day:%d %b %Y}?"
        ):
            self.context.vault.questionnaires.delete(result.id)
            self.context.events.data_changed.emit("questionnaires")
            self.refresh()
