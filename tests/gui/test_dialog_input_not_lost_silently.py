"""Attacker and tired-user reviews (stop 13): typed text in a dialog whose input moodlog
does not keep as a draft (a medication change, a questionnaire, the self-check on its
own; a session's details and an integration note are now kept: test_session_drafts.py)
was lost at a lock without a word. Now the lock screen says so (the Lock asked first until
the night review: that question kept the journal open), and closing moodlog asks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from moodlog.ui.application import AppController
from tests.gui.helpers import create_vault_through_the_window, unlock


@pytest.fixture
def controller(qtbot, data_dir: Path) -> Iterator[AppController]:
    controller = create_vault_through_the_window(qtbot, data_dir)
    yield controller
    if controller.vault is not None:  # (a test that went back: locked for real now)
        controller._close_session()
    controller.shutdown()


def open_medication_dialog(controller):  # noqa: ANN001, ANN201
    from PySide6.QtWidgets import QLineEdit

    from moodlog.ui.treatments import MedicationDialog

    dialog = MedicationDialog(controller.context, parent=controller.main_window.screen("Today"))
    dialog.show()
    dialog.name_field = dialog.findChild(QLineEdit)
    return dialog


def test_the_idle_lock_says_what_could_not_be_kept(controller: AppController) -> None:
    dialog = open_medication_dialog(controller)
    dialog.name_field.setText("sertraline")
    controller.auto_lock()
    assert controller.vault is None
    assert controller.unlock_page.error_label.text() == (
        "moodlog locked itself after a while without use. What you entered in “Add "
        "medication” was not saved yet (moodlog does not keep it when it locks). Everything "
        "saved before is safe."
    )


def test_the_lock_locks_at_once_and_says_what_was_not_saved(controller: AppController) -> None:
    """Night review: the Lock asked first, with "Go back" the default, so Ctrl+L then
    Return left the journal open and the dialog's input (a self-check's answers) on
    screen. A dialog moodlog never keeps is no reason to ask: the lock locks."""
    asked: list[str] = []
    controller.ask_discard = lambda reason: asked.append(reason) or False  # "Go back"
    dialog = open_medication_dialog(controller)
    dialog.name_field.setText("sertraline")
    assert controller.lock() is True
    assert asked == []
    assert controller.vault is None and not dialog.isVisible()
    assert controller.unlock_page.error_label.text() == (
        "What you entered in “Add medication” was not saved (moodlog does not keep it when "
        "it locks). Everything saved before is safe."
    )


def test_the_lock_locks_with_a_self_check_answered_yes(qtbot, controller: AppController) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from moodlog.ui.checkin import SelfCheckDialog

    opened: list[str] = []
    asked: list[str] = []
    controller.ask_discard = lambda reason: asked.append(reason) or False  # "Go back"
    controller.context.events.help_requested.connect(opened.append)
    window = controller.main_window
    dialog = SelfCheckDialog(controller.context, parent=window.screen("Today"))
    dialog.show()
    for key in ("wish_dead", "thoughts", "method", "intent"):
        dialog.widget.answer(key, True)
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert asked == []
    qtbot.waitUntil(lambda: controller.vault is None, timeout=2000)
    assert not dialog.isVisible()
    assert opened == []  # closed by the lock: nothing about the answers is shown
    assert "“Self-check” was not saved" in controller.unlock_page.error_label.text()


def test_untouched_or_saved_dialogs_lock_without_asking(qtbot, controller: AppController) -> None:
    asked: list[str] = []
    controller.ask_discard = lambda reason: asked.append(reason) or False
    open_medication_dialog(controller)  # opened, nothing typed
    today = controller.main_window.screen("Today")
    today.open_questionnaire("GAD-7")
    questionnaire = today.questionnaire_dialog
    for group in questionnaire.groups:
        group.button(0).click()
    questionnaire.save()  # saved: stays open, nothing to lose
    assert controller.lock() is True
    assert asked == []
    unlock(qtbot, controller)
    qtbot.waitUntil(lambda: controller.vault is not None, timeout=5000)
    assert len(controller.vault.questionnaires.all()) == 1


def test_the_close_question_for_a_dialog_not_kept_is_no_failure_message(
    controller: AppController,
) -> None:
    """Review finding (a new user): a few unsaved answers brought "Your unsaved text
    could not be kept as a draft ... copy it somewhere first" with a warning icon: the
    words of a full disk, for something that did not fail."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    dialog = open_medication_dialog(controller)
    dialog.name_field.setText("sertraline")
    seen: dict = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        seen.update(text=box.text(), icon=box.icon(), title=box.windowTitle())
        next(b for b in box.buttons() if b.text() == "Go back").click()

    QTimer.singleShot(0, answer)
    controller.main_window.close()  # closing moodlog still asks (nothing to hide there)
    assert controller.main_window.isVisible()  # went back
    assert seen["icon"] == QMessageBox.Icon.Question and seen["title"] == "Not saved yet"
    assert seen["text"].startswith("What you entered in “Add medication” is not saved yet")
    assert "could not" not in seen["text"] and "copy it" not in seen["text"]
    assert dialog.isVisible() and dialog.name_field.text() == "sertraline"
