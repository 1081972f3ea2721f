"""Review findings on Today's prompts and a repeated save (issue 14 §2 review): the
"Write an integration note" prompt opens its dialog, the keyboard stays in the prompts
when they are rebuilt, and Ctrl+S again on a just-cleared form keeps its "Saved" line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton

from moodlog.domain.treatments import Treatment
from moodlog.ui.today import TodayScreen
from moodlog.ui.widgets import PromptBox
from moodlog.vault.vault import Vault
from tests.gui.helpers import shown_today

NOW = dt.datetime(2026, 11, 20, 20, 30)


@pytest.fixture
def today(qtbot, vault: Vault, data_dir: Path) -> TodayScreen:
    yesterday = NOW.date() - dt.timedelta(days=1)
    vault.treatments.save(Treatment(day=yesterday, time=dt.time(10), kind="ketamine_iv"))
    screen = shown_today(qtbot, vault, data_dir, NOW)
    screen.activateWindow()
    qtbot.wait(10)
    return screen


def _prompt_button(screen: TodayScreen, text: str) -> QPushButton:
    return next(
        button
        for box in screen.findChildren(PromptBox)
        if box.isVisible()
        for button in box.findChildren(QPushButton)
        if button.text() == text
    )


def test_the_integration_note_prompt_opens_its_dialog(qtbot, today, vault) -> None:  # noqa: ANN001
    """It crashed: the button's "clicked" passed its checked flag as the session."""
    button = _prompt_button(today, "Write an integration note")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = QApplication.activeModalWidget()  # window-modal, and the lock can still come
    assert type(dialog).__name__ == "IntegrationDialog" and dialog is today.integration_dialog
    dialog.text.setPlainText("It felt calm.")
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert vault.treatments.all()[0].integration == "It felt calm."


def test_rebuilt_prompts_keep_the_keyboard_in_the_prompts(qtbot, today) -> None:  # noqa: ANN001
    """Hiding the focused prompt sent the focus down the tab chain to the day field,
    where an arrow key moves the entry to another day."""
    button = _prompt_button(today, "Write an integration note")
    button.setFocus()
    assert QApplication.focusWidget() is button
    today.context.events.data_changed.emit("treatments")  # the prompts are built again
    assert QApplication.focusWidget() is not today.form.date_edit
    qtbot.wait(20)  # new prompts are shown in the event loop's next turn
    focus = QApplication.focusWidget()
    assert isinstance(focus, QPushButton) and focus.isVisible()
    assert any(box.isAncestorOf(focus) for box in today.findChildren(PromptBox))
    QTest.keyClick(focus, Qt.Key.Key_Down)
    assert today.form.day() == NOW.date()


def test_a_second_ctrl_s_keeps_the_saved_line(qtbot, today, vault) -> None:  # noqa: ANN001
    """Ctrl+S twice: one entry, and the "Saved" line stays (asking for the mood again
    read as if the save had failed)."""
    today.form.mood.set_value(6)
    today.form.note.setFocus()
    QTest.keySequence(today, QKeySequence("Ctrl+S"))
    saved = today.status.text()
    assert saved.startswith("Saved at")
    QTest.keySequence(today, QKeySequence("Ctrl+S"))
    assert today.status.text() == saved
    assert len(vault.entries.on_day(NOW.date())) == 1
    today.form.energy.set_value(4)  # a new, unfinished check-in: the mood is asked for
    QTest.keySequence(today, QKeySequence("Ctrl+S"))
    assert "mood" in today.status.text() and today.status.text() != saved
    assert len(vault.entries.on_day(NOW.date())) == 1


def _add_tag_typing(qtbot, today: TodayScreen, typed: str) -> list[int]:  # noqa: ANN001
    """Press "Add a tag…" and type ``typed`` into its dialog; returns its field's limit."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    limits: list[int] = []

    def type_it() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        field = dialog.findChild(QLineEdit)
        limits.append(field.maxLength())
        QTest.keyClicks(field, typed)
        dialog.accept()

    QTimer.singleShot(50, type_it)
    qtbot.mouseClick(today.form.add_tag_button, Qt.MouseButton.LeftButton)
    return limits


def test_a_tag_typed_in_other_capitals_ticks_the_one_shown(qtbot, today, vault) -> None:  # noqa: ANN001
    """Review finding: "Social" while "social" was listed showed a second row, ticked,
    though the journal stores the two as one tag (it matches tags ignoring ASCII case)."""
    vault.tags.add("social")
    today.form.set_tag_choices(vault.tags.names())
    rows = today.form.tags.count()
    limits = _add_tag_typing(qtbot, today, "Social")
    assert limits == [60]  # the longest tag the journal keeps, as the person types
    assert today.form.tags.count() == rows
    assert today.form.checked_tags() == ["social"]
    today.form.mood.set_value(5)
    assert today.save()
    (entry,) = vault.entries.on_day(NOW.date())
    assert entry.tags == ["social"]


def test_a_long_tag_is_cut_while_it_is_typed(qtbot, today, vault) -> None:  # noqa: ANN001
    _add_tag_typing(qtbot, today, "x" * 75)
    assert "x" * 60 in today.form.checked_tags()
