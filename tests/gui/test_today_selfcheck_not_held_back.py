"""Clinician review (stop 13): an answered self-check is saved, and help offered after a
yes, even when the entry beside it cannot be saved yet; hours slept are quarter hours."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt

from tests.gui.helpers import shown_today

NOW = dt.datetime(2026, 11, 20, 21, 30)


def answer_with_a_yes(screen) -> None:  # noqa: ANN001
    check = screen.self_check
    for key, value in (
        ("wish_dead", True),
        ("thoughts", True),
        ("method", True),
        ("intent", True),
        ("plan", False),
        ("behavior", False),
    ):
        check.answer(key, value)


def test_a_yes_is_saved_and_help_offered_when_the_entry_is_refused(
    qtbot, vault, data_dir: Path
) -> None:
    """Review finding: with a value the journal refuses (hours slept 7.3, from a form
    filled before quarter hours were enforced), save() stopped at the entry's error:
    the self-check with a yes to intent was dropped and no help was offered."""
    screen = shown_today(qtbot, vault, data_dir, NOW)
    asked: list[str] = []
    screen.context.events.help_requested.connect(asked.append)
    screen.form.mood.set_value(3)
    screen.form.sleep_hours.setValue(7.3)  # (typing can no longer give this)
    answer_with_a_yes(screen)

    assert screen.save() is False
    checkins = vault.checkins.all(None, None)
    assert len(checkins) == 1 and checkins[0].answers["intent"] is True
    assert asked == ["high"]
    assert vault.entries.count() == 0  # the entry itself waits for a valid value
    status = screen.status.text()
    assert status.startswith("Your self-check is saved.")
    assert "Hours slept must be from 0 to 24 in quarter hours" in status
    assert screen.form.mood.value() == 3  # the rest of the form is kept to correct

    # Corrected and saved: the entry is stored, the self-check not a second time.
    screen.form.sleep_hours.setValue(7.25)
    assert screen.save() is True
    assert vault.entries.count() == 1
    assert len(vault.checkins.all(None, None)) == 1


def test_without_a_self_check_the_refused_entry_only_says_why(qtbot, vault, data_dir: Path) -> None:
    screen = shown_today(qtbot, vault, data_dir, NOW)
    screen.form.mood.set_value(6)
    screen.form.sleep_hours.setValue(7.3)
    assert screen.save() is False
    assert screen.status.text().startswith("Hours slept must be from 0 to 24")
    assert vault.checkins.all(None, None) == [] and vault.entries.count() == 0


def test_typed_hours_slept_are_taken_to_the_nearest_quarter_hour(
    qtbot, vault, data_dir: Path
) -> None:
    """Review finding: "7.3" typed in Hours slept was shown as typed and then refused."""
    screen = shown_today(qtbot, vault, data_dir, NOW)
    box = screen.form.sleep_hours
    for typed, kept in (("7.3", 7.25), ("7.4", 7.5), ("0.1", 0.0), ("23.9", 24.0)):
        box.setFocus()
        box.lineEdit().selectAll()
        qtbot.keyClicks(box.lineEdit(), typed)
        qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Tab)
        assert box.value() == kept, typed
        assert box.text() == f"{kept:.2f} h"
    screen.form.mood.set_value(5)
    assert screen.save() is True
    assert vault.entries.on_day(NOW.date())[0].sleep_hours == 24.0
