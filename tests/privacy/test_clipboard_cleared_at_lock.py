"""Attacker and tired-user reviews (stop 13): text copied from the journal is taken off
the clipboard when moodlog locks or quits; what another program copied is left."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication

from tests.gui.helpers import activate, create_vault_through_the_window, unlock

MARKER = "WALLABY-CLIP-1618"


def test_copied_note_is_cleared_at_lock_and_quit(qtbot, data_dir: Path) -> None:
    controller = create_vault_through_the_window(qtbot, data_dir)
    activate(qtbot, controller.main_window)  # copied in moodlog, as a person does
    note = controller.main_window.show_screen("Today").form.note
    note.setPlainText(f"I thought about it tonight {MARKER}")
    note.selectAll()
    note.copy()
    clipboard = QGuiApplication.clipboard()
    assert MARKER in clipboard.text()
    controller.lock()
    assert clipboard.text() == ""

    unlock(qtbot, controller)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=5000)
    activate(qtbot, controller.main_window)
    note = controller.main_window.show_screen("Today").form.note
    note.setPlainText(MARKER)
    note.selectAll()
    note.copy()
    controller.shutdown()
    assert clipboard.text() == ""


def test_what_was_copied_elsewhere_afterwards_stays(qtbot, data_dir: Path) -> None:
    controller = create_vault_through_the_window(qtbot, data_dir)
    activate(qtbot, controller.main_window)
    note = controller.main_window.show_screen("Today").form.note
    note.setPlainText(MARKER)
    note.selectAll()
    note.copy()
    assert controller.copied_text.ours  # noted as moodlog's
    QGuiApplication.clipboard().setText("a shopping list")  # as another program would:
    controller.copied_text.ours.clear()  # (a change moodlog did not make)
    controller.lock()
    assert QGuiApplication.clipboard().text() == "a shopping list"
    controller.shutdown()


def test_a_passphrase_copied_on_the_lock_screen_is_cleared_once_used(qtbot, data_dir: Path):
    """Attacker review: a passphrase shown in clear on the create page and copied
    stayed on the clipboard after the lock and after quitting (the clipboard watch
    starts at the first unlock); one copied on the unlock page stayed all session."""
    from PySide6.QtCore import Qt

    from moodlog.ui.application import AppController
    from tests.conftest import PASSPHRASE

    clipboard = QGuiApplication.clipboard()
    controller = AppController(data_dir)
    controller.start()
    qtbot.addWidget(controller.lock_window)
    page = controller.create_page
    page.show_toggle.setChecked(True)
    page.first.setText(PASSPHRASE)
    page.second.setText(PASSPHRASE)
    page.first.selectAll()
    page.first.copy()
    assert clipboard.text() == PASSPHRASE
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.vault is not None, timeout=5000)
    assert clipboard.text() == ""
    controller.lock()
    clipboard.setText(PASSPHRASE[:6])  # a part of it, copied on the unlock page
    unlock(qtbot, controller)
    qtbot.waitUntil(lambda: controller.vault is not None, timeout=5000)
    assert clipboard.text() == ""
    controller.lock()
    clipboard.setText("a shopping list")  # nothing to do with the passphrase: left
    unlock(qtbot, controller)
    qtbot.waitUntil(lambda: controller.vault is not None, timeout=5000)
    assert clipboard.text() == "a shopping list"
    controller.shutdown()
