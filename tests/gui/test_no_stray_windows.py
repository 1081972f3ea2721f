"""No widget shows itself as a window of its own while a screen or dialog is built.

A widget made without a parent and then set visible becomes a top-level window until
a layout adopts it. The scales on Today and in the journal's edit dialog did this with
their "record" check box: four windows flashed up and went again each time a form was
built. On the offscreen platform (and with some window managers) the window shown
takes the keyboard focus and nothing gives it back, so the window the person was typing
in lost it. The preloading builds such a form while the unlock window waits for the
passphrase; in the test suite it made a Tab-order check fail now and then.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

from moodlog.ui.main_window import SCREENS
from tests.gui.helpers import demo_main_window


class StrayWindows(QObject):
    """Notes every ordinary window shown that is not a main window or a dialog."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and watched.windowType() == Qt.WindowType.Window
            and not isinstance(watched, (QMainWindow, QDialog))
        ):
            text = getattr(watched, "text", lambda: "")()
            self.shown.append(f"{type(watched).__name__}({text!r})")
        return False


@pytest.fixture(scope="module")
def demo_window() -> Iterator:
    with demo_main_window("moodlog-stray-") as window:
        yield window


@pytest.fixture
def stray(qapp) -> Iterator[StrayWindows]:  # noqa: ANN001
    watcher = StrayWindows()
    qapp.installEventFilter(watcher)
    try:
        yield watcher
    finally:
        qapp.removeEventFilter(watcher)


def test_the_watcher_sees_a_widget_shown_without_a_parent(stray) -> None:
    from PySide6.QtWidgets import QCheckBox

    box = QCheckBox("made without a parent")
    box.setVisible(True)
    box.setParent(None)
    assert stray.shown == ["QCheckBox('made without a parent')"]
    box.hide()
    box.deleteLater()


def test_building_the_main_window_and_every_screen_shows_no_stray_window(stray) -> None:
    with demo_main_window("moodlog-stray-build-") as window:
        for title, _, _ in SCREENS:
            window.show_screen(title)
            QApplication.processEvents()
    assert stray.shown == []


def test_the_unlock_windows_warm_up_shows_no_stray_window(stray) -> None:
    from moodlog.ui.preload import warm_up_session_widgets

    warm_up_session_widgets()
    QApplication.processEvents()
    assert stray.shown == []


def _dialogs(window) -> list[tuple[str, Callable[[], QDialog]]]:  # noqa: ANN001
    from moodlog.ui.backups import RestoreDialog
    from moodlog.ui.checkin import SelfCheckDialog
    from moodlog.ui.drafts import QuestionDialog
    from moodlog.ui.help_panel import HelpPanel
    from moodlog.ui.importing import ImportDialog
    from moodlog.ui.journal import EntryDialog
    from moodlog.ui.onboarding import OnboardingDialog
    from moodlog.ui.questionnaire import QuestionnaireDialog, QuestionnaireHistoryDialog
    from moodlog.ui.reminders import ReminderWindow
    from moodlog.ui.today import IntegrationDialog
    from moodlog.ui.treatments import MedicationDialog, SessionNoteDialog, TreatmentDialog

    context = window.context
    vault = context.vault
    session = vault.treatments.all()[-1]
    entry = vault.entries.between()[-1]
    return [
        ("new session", lambda: TreatmentDialog(context, parent=window)),
        ("a session", lambda: TreatmentDialog(context, session, window)),
        ("integration note", lambda: IntegrationDialog(context, session, window)),
        ("journal entry", lambda: EntryDialog(context, entry, window)),
        ("medication", lambda: MedicationDialog(context, parent=window)),
        ("therapy note", lambda: SessionNoteDialog(context, parent=window)),
        ("PHQ-9", lambda: QuestionnaireDialog(context, "PHQ-9", window)),
        ("GAD-7", lambda: QuestionnaireDialog(context, "GAD-7", window)),
        ("questionnaire history", lambda: QuestionnaireHistoryDialog(context, window)),
        ("self-check", lambda: SelfCheckDialog(context, window)),
        ("question", lambda: QuestionDialog(context, "today", parent=window)),
        ("introduction", lambda: OnboardingDialog(context, window, first_run=False)),
        ("help", lambda: HelpPanel("US", None, locked=False, parent=window)),
        ("import", lambda: ImportDialog(context, window)),
        ("restore", lambda: RestoreDialog(context.data_dir, parent=window)),
        ("reminder", lambda: ReminderWindow("Time for your check-in.", window)),
    ]


def test_building_and_showing_every_dialog_shows_no_stray_window(demo_window, stray) -> None:
    built: list[str] = []
    for name, make in _dialogs(demo_window):
        dialog = make()
        dialog.show()
        QApplication.processEvents()
        dialog.hide()
        dialog.deleteLater()
        built.append(name)
    QApplication.processEvents()
    assert len(built) == 16
    assert stray.shown == []


def test_the_warm_up_leaves_the_passphrase_field_focused(qtbot, data_dir) -> None:  # noqa: ANN001
    """What the person sees: typing a passphrase while the unlock window preloads."""
    from PySide6.QtTest import QTest

    from moodlog.ui.preload import warm_up_session_widgets
    from tests.gui.helpers import activate, create_vault_through_the_window

    controller = create_vault_through_the_window(qtbot, data_dir)
    controller.lock()
    window = controller.lock_window
    field = controller.unlock_page.passphrase
    activate(qtbot, window)
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field, timeout=5000)
    QTest.keyClicks(field, "half a pass")
    warm_up_session_widgets()
    QApplication.processEvents()
    assert QApplication.focusWidget() is field
    assert window.isActiveWindow()
