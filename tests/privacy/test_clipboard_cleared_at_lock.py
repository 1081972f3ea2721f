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


def test_a_shown_passphrase_cannot_be_copied_or_cut(qtbot, data_dir: Path):
    """Attacker review (r10): a passphrase shown and copied on the lock screen stayed on
    the clipboard after a wrong try or quitting. Copy and cut do nothing in passphrase
    fields; pasting in still works."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    from moodlog.ui.application import AppController

    clipboard = QGuiApplication.clipboard()
    clipboard.setText("something else")
    controller = AppController(data_dir)
    controller.start()
    qtbot.addWidget(controller.lock_window)
    field = controller.create_page.first
    controller.create_page.show_toggle.setChecked(True)
    field.setText("correct horse battery")
    field.selectAll()
    QTest.keySequence(field, QKeySequence(QKeySequence.StandardKey.Copy))
    assert clipboard.text() == "something else"
    QTest.keySequence(field, QKeySequence(QKeySequence.StandardKey.Cut))
    assert clipboard.text() == "something else" and field.text() == "correct horse battery"
    clipboard.setText(" and more")
    field.end(False)
    QTest.keySequence(field, QKeySequence(QKeySequence.StandardKey.Paste))
    assert field.text() == "correct horse battery and more"
    assert field.echoMode() == field.EchoMode.Normal  # shown: the case that mattered
    QTest.keyClick(field, Qt.Key.Key_A)  # other keys still type
    assert field.text().endswith("morea")
    controller.shutdown()
