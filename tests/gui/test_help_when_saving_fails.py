"""Tired-user review (stop 13): a self-check with a yes brings help even when it cannot
be saved (a full disk); before, only "Not saved: the disk is full" was said."""

from __future__ import annotations

import datetime as dt

import pytest

from moodlog.preferences import Preferences
from moodlog.ui.checkin import SelfCheckDialog
from moodlog.ui.context import AppContext
from moodlog.ui.today import TodayScreen
from moodlog.vault.errors import DiskFull
from tests.conftest import SI_ANSWERS, FakeClock

NOW = dt.datetime(2026, 3, 29, 2, 0)


def full_disk(*_args, **_kwargs) -> None:  # noqa: ANN002, ANN003
    raise DiskFull()


@pytest.fixture
def context(vault, data_dir):  # noqa: ANN001, ANN201
    return AppContext(
        vault=vault, data_dir=data_dir, preferences=Preferences(country="US"), now=FakeClock(NOW)
    )


def answered_high_on_a_full_disk(qtbot, widget, check, context, vault, monkeypatch):  # noqa: ANN001, ANN201
    """``widget`` shown, its self-check ``check`` answered at the level "high", and every
    check-in write failing with a full disk; returns the help levels asked for."""
    qtbot.addWidget(widget)
    levels: list[str] = []
    context.events.help_requested.connect(levels.append)
    for key, value in SI_ANSWERS["high"].items():
        check.answer(key, value)
    monkeypatch.setattr(vault.checkins, "record", full_disk)
    return levels


@pytest.mark.parametrize("with_mood", [True, False])
def test_today_offers_help_when_the_self_check_cannot_be_saved(
    qtbot, context, vault, monkeypatch, with_mood: bool
) -> None:  # noqa: ANN001
    screen = TodayScreen(context)
    levels = answered_high_on_a_full_disk(
        qtbot, screen, screen.self_check, context, vault, monkeypatch
    )
    if with_mood:
        screen.form.mood.set_value(1)
    with pytest.raises(DiskFull):  # reported by the caller, as every storage problem
        screen.save()
    assert levels == ["high"]
    assert vault.entries.count() == 0


def test_the_self_check_dialog_offers_help_when_it_cannot_be_saved(
    qtbot, context, vault, monkeypatch
) -> None:  # noqa: ANN001
    dialog = SelfCheckDialog(context)
    levels = answered_high_on_a_full_disk(qtbot, dialog, dialog.widget, context, vault, monkeypatch)
    with pytest.raises(DiskFull):
        dialog.save()
    assert levels == ["high"]


def test_a_failed_save_does_not_leave_the_last_saved_line(qtbot, context, vault, monkeypatch):
    """Hardening review: on a full disk the box said "Not saved", but once closed the
    line under the form still read "Saved at ..." from the save before."""
    screen = TodayScreen(context)
    qtbot.addWidget(screen)
    screen.form.mood.set_value(4)
    assert screen.save()
    assert screen.status.text().startswith("Saved at")
    screen.form.mood.set_value(6)
    screen.form.note.setPlainText("a long evening note")
    monkeypatch.setattr(vault.entries, "add", full_disk)
    with pytest.raises(DiskFull):
        screen.save()
    assert screen.status.text() == "This check-in is not saved yet."
    assert screen.form.note.toPlainText() == "a long evening note"  # kept in the form
    assert vault.entries.count() == 1
