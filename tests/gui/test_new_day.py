"""Left open over midnight (time-and-dates review): Today still read "Today, Thursday
31 December" with 23:50 in its fields, while a save went to Friday 00:10; the Journal's
year box could not reach the new year until a lock."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate

from moodlog.preferences import Preferences
from moodlog.ui.context import AppContext
from moodlog.ui.journal import JournalScreen
from moodlog.ui.today import TodayScreen
from tests.conftest import FakeClock

EVENING = dt.datetime(2026, 12, 31, 23, 50)
AFTER_MIDNIGHT = dt.datetime(2027, 1, 1, 0, 10)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(EVENING)


@pytest.fixture
def context(vault, data_dir, clock):  # noqa: ANN001, ANN201
    return AppContext(
        vault=vault, data_dir=data_dir, preferences=Preferences(country="US"), now=clock
    )


@pytest.mark.parametrize("typed", [False, True])
def test_today_turns_to_the_new_day_at_midnight(qtbot, context, clock, typed: bool):
    today = TodayScreen(context)
    qtbot.addWidget(today)
    assert today.title.text() == "Today, Thursday 31 December"
    assert today._midnight.isActive()  # noqa: SLF001
    assert 600_000 <= today._midnight.interval() <= 602_000  # noqa: SLF001 - 10 min + 1 s
    if typed:
        today.form.note.setPlainText("a long day")
    clock.value = AFTER_MIDNIGHT
    today.new_day()  # what the timer calls
    assert today.title.text() == "Today, Friday 1 January"
    assert today.form.date_edit.date() == QDate(2027, 1, 1)
    assert today.form.note.toPlainText() == ("a long day" if typed else "")
    assert today.has_unsaved_changes() is typed  # turning the day types nothing
    assert today._midnight.isActive()  # noqa: SLF001 - armed for the next midnight


def test_a_day_the_person_chose_is_kept_at_midnight(qtbot, context, clock):
    today = TodayScreen(context)
    qtbot.addWidget(today)
    today.form.note.setPlainText("about Thursday")
    today.form.date_edit.setDate(QDate(2026, 12, 30))  # chosen by the person
    clock.value = AFTER_MIDNIGHT
    today.new_day()
    assert today.title.text() == "Today, Friday 1 January"
    assert today.form.date_edit.date() == QDate(2026, 12, 30)


def test_the_journal_reaches_the_new_year(qtbot, context, clock):
    journal = JournalScreen(context)
    qtbot.addWidget(journal)
    assert journal.year_box.maximum() == 2026
    clock.value = AFTER_MIDNIGHT
    journal.refresh()
    assert journal.year_box.maximum() == 2027
    journal.year_box.setValue(2027)
    assert journal.year_box.value() == 2027
