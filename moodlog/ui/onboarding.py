"""The short introduction shown once after a new journal is created (and from Help).

Four screens, each skippable: what moodlog does and does not do; privacy and the
passphrase that cannot be recovered; set-up (daily reminder, which daily fields to show,
how often to suggest the questionnaires); and an offer to fill in the safety plan now or
later. The country for crisis lines was already asked when the journal was created.

Nothing is written until the person presses "Save and continue" on the set-up screen;
"Skip" never changes a setting. Everything chosen is stored through the vault's
settings (``vault.settings``), like the Settings screen does.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from moodlog.i18n import tr
from moodlog.ui.context import AppContext
from moodlog.ui.daily_fields import OPTIONAL_FIELDS, apply_to_today, save_shown_fields, shown_fields
from moodlog.ui.reminders import ReminderSettings
from moodlog.wording import QT_TR_NOOP

SETTING_ONBOARDING_DONE = "onboarding_done"
SETTING_QUESTIONNAIRE_DAYS = "questionnaire_every_days"  # the Settings screen's key

# Shown with tr() (constants are made before a translation is installed).
WELCOME = QT_TR_NOOP(
    "<p>moodlog is your private journal for the weeks and months of treatment: a short "
    "daily check-in of mood, sleep and notes, your treatment sessions and therapy notes, "
    "the PHQ-9 and GAD-7 questionnaires, and a PDF summary you can bring to your "
    "therapist.</p>"
    "<p><b>moodlog is not a crisis service, and no one is monitoring what you write.</b> "
    "No one is told about your answers. If you need someone now, <b>Get help now</b> "
    "(at the top of every screen) shows crisis lines for your country and your own "
    "safety plan.</p>"
)
PRIVACY = QT_TR_NOOP(
    "<p>Everything stays in one encrypted file on this computer. moodlog has no account "
    "and never uses the network.</p>"
    "<p><b>Your passphrase is the only key, and it cannot be recovered.</b> If you lose "
    "it, nobody, including the people who make moodlog, can open your journal. Keep it "
    "somewhere safe, and make backups (the Backups screen).</p>"
    "<p>moodlog locks itself after a few minutes without use. Files you export (PDF, "
    "CSV) are not encrypted: keep them private.</p>"
)
SAFETY_PLAN = QT_TR_NOOP(
    "<p>A safety plan is a short list, in your own words, of warning signs, things that "
    "help, people and places, and professionals to contact when things get hard. "
    "<b>Get help now</b> shows it next to the crisis lines.</p>"
    "<p>You can fill it in now, or later from <b>Safety plan</b> in the side menu.</p>"
)


def _text(html: str) -> QLabel:
    label = QLabel(html)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


class OnboardingDialog(QDialog):
    """The introduction. ``first_run`` marks it as seen when it ends (any way)."""

    finished_setup = Signal()
    safety_plan_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None, first_run: bool = True):
        super().__init__(parent)
        self.context = context
        self.settings = context.vault.settings
        self.first_run = first_run
        self.setup_saved = False
        self.setWindowTitle(tr("Welcome to moodlog"))
        self.setAccessibleName(tr("Introduction to moodlog"))
        self.setModal(False)
        from moodlog.ui.window_state import fitted_size

        self.resize(fitted_size(self, 620, 520))
        outer = QVBoxLayout(self)
        self.step_label = QLabel("")
        self.step_label.setObjectName("hint")
        outer.addWidget(self.step_label)
        from moodlog.ui.widgets import CurrentPageStack

        self.pages = CurrentPageStack(follow_current=True)  # (each page its own height)
        outer.addWidget(self.pages, 1)

        self.pages.addWidget(self._page(tr("What moodlog is"), _text(tr(WELCOME))))
        self.pages.addWidget(self._page(tr("Your privacy"), _text(tr(PRIVACY))))
        self.pages.addWidget(self._page(tr("Set up"), self._setup_widget()))
        plan_widget = QWidget()
        plan_layout = QVBoxLayout(plan_widget)
        plan_layout.setContentsMargins(0, 0, 0, 0)
        plan_layout.addWidget(_text(tr(SAFETY_PLAN)))
        self.plan_now = QPushButton(tr("Fill in my safety plan now"))
        self.plan_now.setAccessibleName(tr("Fill in my safety plan now"))
        self.plan_now.setAccessibleDescription(
            tr("Closes the introduction and opens your safety plan")
        )
        self.plan_now.clicked.connect(self.open_safety_plan)
        plan_layout.addWidget(self.plan_now, 0, Qt.AlignmentFlag.AlignLeft)
        plan_layout.addStretch(1)
        self.pages.addWidget(self._page(tr("Your safety plan"), plan_widget))

        buttons = QHBoxLayout()
        self.skip_button = QPushButton(tr("Skip the introduction"))
        self.back_button = QPushButton(tr("Back"))
        self.next_button = QPushButton(tr("Next"))
        for button in (self.skip_button, self.back_button, self.next_button):
            button.setAccessibleName(button.text())
        self.skip_button.setAccessibleDescription(
            tr("Closes the introduction without changing any setting")
        )
        self.back_button.setAccessibleDescription(tr("Shows the previous step"))
        self.next_button.setDefault(True)
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        outer.addLayout(buttons)
        from moodlog.ui.widgets import scroll_above

        scroll_above(outer)  # on a small screen the step scrolls, the buttons stay
        self.skip_button.clicked.connect(self.skip)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        from moodlog.ui.widgets import guard_wheel

        guard_wheel(self)
        self._show_page(0)

    # -- pages --------------------------------------------------------------------
    def _page(self, title: str, body: QWidget) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        heading = QLabel(title)
        heading.setObjectName("heading")
        layout.addWidget(heading)
        layout.addWidget(body, 1)
        page.setAccessibleName(title)
        return page

    def _setup_widget(self) -> QWidget:
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        self.reminder = ReminderSettings(self.settings)
        layout.addWidget(self.reminder)

        fields = QGroupBox(tr("Daily check-in"))
        fields_layout = QVBoxLayout(fields)
        intro = QLabel(tr("Mood, tags and the note are always there. Also show:"))
        intro.setWordWrap(True)
        fields_layout.addWidget(intro)
        shown = shown_fields(self.settings)
        self.field_boxes: dict[str, QCheckBox] = {}
        row = QHBoxLayout()
        for name, label in OPTIONAL_FIELDS:
            box = QCheckBox(tr(label))
            box.setChecked(name in shown)
            box.setAccessibleName(tr("Show on Today: {field}").format(field=tr(label)))
            self.field_boxes[name] = box
            row.addWidget(box)
        row.addStretch(1)
        fields_layout.addLayout(row)
        layout.addWidget(fields)

        questionnaires = QGroupBox(tr("Questionnaires"))
        form = QFormLayout(questionnaires)
        self.every_days = QSpinBox()
        self.every_days.setRange(1, 90)
        self.every_days.valueChanged.connect(self._days_suffix)
        self.every_days.setValue(int(self.settings.get(SETTING_QUESTIONNAIRE_DAYS, 7) or 7))
        self._days_suffix(self.every_days.value())  # also for 1, which emits no change
        self.every_days.setAccessibleName(tr("Suggest PHQ-9 and GAD-7 every so many days"))
        self.every_days.setAccessibleDescription(
            tr("Today reminds you of the questionnaires when this many days have passed")
        )
        form.addRow(tr("Suggest PHQ-9 and GAD-7 every"), self.every_days)
        layout.addWidget(questionnaires)
        layout.addStretch(1)
        return widget

    def _days_suffix(self, days: int) -> None:
        self.every_days.setSuffix(" " + (tr("day") if days == 1 else tr("days")))

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        count = self.pages.count()
        self.step_label.setText(
            tr("Step {number} of {count}").format(number=index + 1, count=count)
        )
        self.back_button.setEnabled(index > 0)
        setup = index == 2
        last = index == count - 1
        self.next_button.setText(
            tr("Save and continue") if setup else (tr("Later, finish") if last else tr("Next"))
        )
        self.next_button.setAccessibleName(self.next_button.text())
        self.skip_button.setVisible(not last)

    def back(self) -> None:
        self._show_page(max(0, self.pages.currentIndex() - 1))

    def next(self) -> None:
        index = self.pages.currentIndex()
        if index == 2:
            self.save_setup()
        if index == self.pages.count() - 1:
            self.finish()
            return
        self._show_page(index + 1)

    # -- results ----------------------------------------------------------------------
    def save_setup(self) -> None:
        """Write the set-up choices through the vault's settings."""
        self.reminder.save()
        save_shown_fields(
            self.settings, [name for name, box in self.field_boxes.items() if box.isChecked()]
        )
        self.settings.set(SETTING_QUESTIONNAIRE_DAYS, self.every_days.value())
        self.setup_saved = True
        window = self.parent()
        if window is not None:
            apply_to_today(window, self.settings)
            settings_screen = getattr(window, "screens", {}).get("Settings")
            spin = getattr(settings_screen, "every_days", None)
            if spin is not None:
                spin.blockSignals(True)
                spin.setValue(self.every_days.value())
                spin.blockSignals(False)
        self.context.events.data_changed.emit("settings")
        self.finished_setup.emit()

    def _mark_seen(self) -> None:
        if self.first_run and self.context.vault.is_open:
            self.settings.set(SETTING_ONBOARDING_DONE, True)

    def skip(self) -> None:
        self._mark_seen()
        self.close()

    def finish(self) -> None:
        self._mark_seen()
        self.close()

    def open_safety_plan(self) -> None:
        self._mark_seen()
        self.safety_plan_requested.emit()
        window = self.parent()
        self.close()
        if window is not None and hasattr(window, "show_screen"):
            window.show_screen("Safety plan")

    def keep_draft(self) -> None:
        """Called at lock: nothing typed here needs keeping (settings save at once)."""


def start_onboarding(controller) -> OnboardingDialog | None:  # noqa: ANN001 - AppController
    """After a new journal is created: show the introduction once."""
    window = controller.main_window
    if window is None or controller.vault is None:
        return None
    if controller.vault.settings.get(SETTING_ONBOARDING_DONE, False):
        return None
    dialog = OnboardingDialog(controller.context, window, first_run=True)
    controller.onboarding = dialog
    dialog.show()
    dialog.raise_()
    return dialog
