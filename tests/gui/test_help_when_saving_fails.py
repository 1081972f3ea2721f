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
