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
    assert today._midnight.interval() == 60_000  # noqa: SLF001 - at least every minute
    clock.value = dt.datetime(2026, 12, 31, 23, 59, 30)
    today.new_day()  # (nothing to change yet)
    assert today.title.text() == "Today, Thursday 31 December"
    assert 31_000 <= today._midnight.interval() <= 31_500  # noqa: SLF001 - just after midnight
    if typed:
        today.form.note.setPlainText("a long day")
    clock.value = AFTER_MIDNIGHT
    today.new_day()  # what the timer calls
    assert today.title.text() == "Today, Friday 1 January"
    assert today.form.date_edit.date() == QDate(2027, 1, 1)
    assert today.form.note.toPlainText() == ("a long day" if typed else "")
    assert today.has_unsaved_changes() is typed  # turning the day types nothing
    assert today._midnight.isActive()  # noqa: SLF001 - armed for the next midnight


def test_after_a_night_asleep_today_turns_to_the_new_day_within_its_check(
    qtbot, context, clock, monkeypatch
):
    """Time review: a timer counts only time awake, so with the lid closed at 22:00 and
    opened at 07:30 Today showed yesterday (its title, its saved check-ins, yesterday's
    after-care) until the timer's remaining two hours had passed awake. It looks at the
    clock at least every minute (here every 0.2 s)."""
    import moodlog.ui.today as today_module

    monkeypatch.setattr(today_module, "CLOCK_CHECK_SECONDS", 0.2)
    clock.value = dt.datetime(2026, 12, 31, 22, 0)
    today = TodayScreen(context)
    qtbot.addWidget(today)
    today.show()
    assert today.title.text() == "Today, Thursday 31 December"
    clock.value = dt.datetime(2027, 1, 1, 7, 30)  # the lid opened next morning
    qtbot.waitUntil(lambda: today.title.text() == "Today, Friday 1 January", timeout=5000)
    assert today.form.date_edit.date() == QDate(2027, 1, 1)


def test_an_appointment_that_begins_while_today_is_open_brings_its_aftercare(
    qtbot, context, clock, vault, monkeypatch
):
    """Time review: with Today open from 08:00 and a session booked at 10:00, at 13:00
    it still had no after-care line, until the screen was refreshed for another
    reason."""
    import moodlog.ui.today as today_module
    from moodlog.domain.treatments import Treatment

    monkeypatch.setattr(today_module, "CLOCK_CHECK_SECONDS", 0.2)
    morning = dt.datetime(2026, 12, 30, 8, 0)
    vault.treatments.save(
        Treatment(day=morning.date(), time=dt.time(10), kind="esketamine_nasal", dose_mg=56)
    )
    clock.value = morning
    today = TodayScreen(context)
    qtbot.addWidget(today)
    today.show()
    assert not today.aftercare_label.isVisible()
    clock.value = dt.datetime(2026, 12, 30, 13, 0)
    qtbot.waitUntil(today.aftercare_label.isVisible, timeout=5000)
    refreshed = today._sessions_read_at  # noqa: SLF001
    qtbot.wait(600)  # nothing more begins: the sessions are not read again
    assert today._sessions_read_at == refreshed  # noqa: SLF001


def test_a_clock_behind_the_journal_is_said_on_today(qtbot, context, clock, vault):
    """Time review: with the computer's clock reset to 2001 (a flat clock battery),
    Today read "Today, Monday 1 January" and a yes was saved as 1 January 2001, outside
    the therapist's last 30 days once the clock was right. Today says so, calmly, and
    still saves."""
    from moodlog.domain.entries import Entry

    saved = dt.datetime(2026, 12, 31, 21, 0)
    vault.entries.add(Entry(day=saved.date(), time=dt.time(21), mood=5, created_at=saved))
    clock.value = dt.datetime(2001, 1, 1, 9, 0)
    today = TodayScreen(context)
    qtbot.addWidget(today)
    today.show()
    notice = today.clock_notice
    assert notice.isVisible()
    assert "clock says it is 1 January 2001" in notice.text()
    assert "your last check-in was saved on 31 December 2026" in notice.text()
    today.form.mood.set_value(4)
    assert today.save()  # never blocked
    clock.value = dt.datetime(2027, 1, 1, 8, 0)  # set right
    today.form.mood.set_value(5)
    assert today.save()
    today.refresh()
    assert not notice.isVisible()


@pytest.mark.parametrize(
    "last_saved, now, said",
    [
        # daily check-ins up to yesterday, the clock now 3 days early (second diff review:
        # counting days dated ahead missed it)
        (dt.datetime(2026, 12, 30, 21), dt.datetime(2026, 12, 28, 9), True),
        # one check-in saved while the clock was a week ahead, then one with it right
        (None, dt.datetime(2026, 12, 1, 9), False),
        # a day's travel west: no alarm
        (dt.datetime(2026, 12, 30, 21), dt.datetime(2026, 12, 30, 8), False),
    ],
)
def test_the_clock_is_compared_with_the_last_save(
    qtbot, context, clock, vault, last_saved, now, said: bool
):
    from moodlog.domain.entries import Entry

    if last_saved is None:  # saved ahead, then a later save with the clock right
        ahead = dt.datetime(2026, 12, 8, 21)
        vault.entries.add(Entry(day=ahead.date(), time=dt.time(21), mood=5, created_at=ahead))
        last_saved = dt.datetime(2026, 11, 30, 21)
    vault.entries.add(Entry(day=last_saved.date(), time=dt.time(21), mood=5, created_at=last_saved))
    clock.value = now
    today = TodayScreen(context)
    qtbot.addWidget(today)
    today.show()
    assert today.clock_notice.isVisible() is said


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


def test_the_journal_reaches_entries_saved_with_the_clock_ahead(qtbot, context, vault):
    """An entry saved while the computer's clock read a later year (then put right) was
    out of the calendar's reach: choosing it among the search results showed this
    year's calendar, with the day chosen nowhere in it."""
    from moodlog.domain.entries import Entry

    ahead = dt.date(2027, 3, 4)
    vault.entries.add(Entry(day=ahead, time=dt.time(21), mood=7, note="from the clock ahead"))
    journal = JournalScreen(context)
    qtbot.addWidget(journal)
    assert journal.year_box.maximum() == 2027
    assert journal.year_box.value() == 2026  # the calendar opens on this year
    assert journal.result_days() == [ahead]
    journal.select_day(ahead)
    assert journal.year_box.value() == 2027
    assert journal.heatmap.year == 2027
    assert journal.heatmap.moods == {ahead: 7.0}
