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
