"""Attacker review (stop 13): Ctrl+L locks whatever dialog is open.

Qt triggers no shortcut of a window that a modal dialog blocks, not even an application
shortcut: Ctrl+L did nothing while a confirmation, a file dialog or an editor was open
(the non-modal questionnaire was fine)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from tests.gui.helpers import create_vault_through_the_window

KINDS = [
    "session_note",
    "medication",
    "question",
    "add_tag",
    "confirm",
    "file_dialog",
    "journal_edit",
    "questionnaire",
]


def press_lock_keys(controller, seen: dict) -> None:  # noqa: ANN001
    """Ctrl+L where the person would type: in the focused field of the active dialog."""
    own = [  # (a dialog left open by an earlier test belongs to another window)
        w for w in controller.main_window.findChildren(QWidget) if w.isWindow() and w.isVisible()
    ]
    dialog = own[-1]
    for _ in range(50):
        dialog.activateWindow()
        QTest.qWait(20)
        if dialog.isActiveWindow():
            break
    seen["dialog"] = type(dialog).__name__
    seen["shown"] = lambda: shiboken6.isValid(dialog) and dialog.isVisible()
    QTest.keyClick(
        dialog.focusWidget() or dialog, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
    )
    seen["locked"] = controller.vault is None
    if controller.vault is not None:
        controller.auto_lock()  # let the modal dialog's own loop end


@pytest.mark.parametrize("kind", KINDS)
def test_ctrl_l_locks_with_a_dialog_open(qtbot, data_dir: Path, kind: str) -> None:
    controller = create_vault_through_the_window(qtbot, data_dir)
    window = controller.main_window
    seen: dict = {}
    if kind in ("journal_edit", "questionnaire"):
        if kind == "questionnaire":  # not modal: the shortcut always worked here
            window.show_screen("Today").open_questionnaire("PHQ-9")
            dialog = window.show_screen("Today").questionnaire_dialog
        else:
            from moodlog.domain.entries import Entry

            today = dt.date.today()
            controller.vault.entries.add(Entry(day=today, time=dt.time(9), mood=4, note="x"))
            journal = window.show_screen("Journal")
            journal.refresh()
            journal.select_day(today)
            journal.day_entries.setCurrentRow(0)
            journal.edit_selected()
            dialog = journal.edit_dialog
        dialog.activateWindow()
        qtbot.wait(100)
        press_lock_keys(controller, seen)
    else:
        QTimer.singleShot(300, lambda: press_lock_keys(controller, seen))
        if kind == "session_note":
            from moodlog.ui.treatments import SessionNoteDialog

            SessionNoteDialog(controller.context, parent=window.show_screen("Treatments")).exec()
        elif kind == "medication":
            from moodlog.ui.treatments import MedicationDialog

            MedicationDialog(controller.context, parent=window.show_screen("Treatments")).exec()
        elif kind == "question":
            from moodlog.ui.drafts import ask_question

            ask_question(controller.context, window.show_screen("Journal"), "journal")
        elif kind == "add_tag":
            window.show_screen("Today").form._add_tag()
        elif kind == "confirm":
            from moodlog.ui.widgets import confirm

            confirm(window, "Delete", "Delete?")
        elif kind == "file_dialog":
            window.show_screen("Safety plan").export_pdf()
        qtbot.wait(600)
    assert seen.get("locked"), seen
    assert controller.lock_window.isVisible() and controller.main_window is None
    assert not seen["shown"]()  # closed (or deleted with its window)
