"""Tired-user review (stop 13): a restored draft is saved for the day and time it shows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from moodlog.preferences import Preferences
from moodlog.ui.context import AppContext
from moodlog.ui.today import TodayScreen
from tests.conftest import FakeClock

SATURDAY_NIGHT = dt.datetime(2026, 3, 28, 23, 50)


def today_at(qtbot, vault, data_dir: Path, clock: FakeClock) -> TodayScreen:  # noqa: ANN001
    context = AppContext(
        vault=vault, data_dir=data_dir, preferences=Preferences(country="US"), now=clock
    )
    screen = TodayScreen(context)
    qtbot.addWidget(screen)
    return screen


def test_a_draft_from_last_night_is_saved_for_last_night(qtbot, vault, data_dir: Path) -> None:
    """It showed Saturday 23:50 and was saved as Sunday 08:00."""
    clock = FakeClock(SATURDAY_NIGHT)
    screen = today_at(qtbot, vault, data_dir, clock)
    screen.form.mood.set_value(3)
    screen.form.note.setPlainText("a long evening")
    screen.leaving()  # the lock keeps it as a draft
    clock.value = dt.datetime(2026, 3, 29, 8, 0)
    again = today_at(qtbot, vault, data_dir, clock)
    assert (again.form.day(), again.form.time()) == (SATURDAY_NIGHT.date(), dt.time(23, 50))
    assert again.save() is True
    (saved,) = vault.entries.on_day(SATURDAY_NIGHT.date())
    assert saved.time == dt.time(23, 50) and saved.note == "a long evening"
    assert vault.entries.on_day(dt.date(2026, 3, 29)) == []


def test_a_draft_from_earlier_today_follows_the_clock_as_shown(
    qtbot, vault, data_dir: Path
) -> None:
    clock = FakeClock(dt.datetime(2026, 3, 29, 9, 0))
    screen = today_at(qtbot, vault, data_dir, clock)
    screen.form.mood.set_value(6)
    screen.leaving()
    clock.value = dt.datetime(2026, 3, 29, 14, 30)
    again = today_at(qtbot, vault, data_dir, clock)
    assert again.form.time() == dt.time(14, 30)  # shown as it will be saved
    assert again.save() is True
    assert vault.entries.on_day(dt.date(2026, 3, 29))[0].time == dt.time(14, 30)


def test_typing_is_kept_as_a_draft_every_little_while(
    qtbot, vault, data_dir: Path, monkeypatch
) -> None:
    """Tired-user review (stop 13): a crash or a killed app lost everything typed since
    the last screen switch (drafts were kept only then, at lock and at quit)."""
    monkeypatch.setattr("moodlog.ui.today.DRAFT_EVERY_MS", 50)
    screen = today_at(qtbot, vault, data_dir, FakeClock(SATURDAY_NIGHT))
    assert vault.drafts.load("today") is None
    qtbot.keyClicks(screen.form.note, "the first lines")
    qtbot.waitUntil(lambda: vault.drafts.load("today") is not None, timeout=2000)
    assert vault.drafts.load("today")["entry"]["note"] == "the first lines"
    qtbot.keyClicks(screen.form.note, ", then more")
    qtbot.waitUntil(
        lambda: vault.drafts.load("today")["entry"]["note"] == "the first lines, then more",
        timeout=2000,
    )
    screen.form.mood.set_value(4)
    assert screen.save() is True
    qtbot.wait(120)  # a kept draft is gone with the save, and not written again
    assert vault.drafts.load("today") is None


def test_a_draft_from_before_the_mood_was_left_unset_brings_no_mood(
    qtbot, vault, data_dir: Path
) -> None:
    """Upgrade review: versions before format 5 started the mood at 5 and kept it in the
    Today draft (with no "when_changed"); after the update Save recorded that 5, at the
    draft's old day and time, as the person's. The note comes back; the mood does not."""
    old_draft = {
        "entry": {"day": "2026-03-25", "time": "08:00", "mood": 5, "tags": [], "note": "slept"},
        "self_check": {},
    }
    vault.drafts.save("today", old_draft)
    clock = FakeClock(dt.datetime(2026, 3, 29, 14, 30))
    screen = today_at(qtbot, vault, data_dir, clock)
    assert screen.form.note.toPlainText() == "slept"
    assert screen.form.mood.value() is None
    # (its day and time, as any draft from an earlier day keeps what it showed)
    assert (screen.form.day(), screen.form.time()) == (dt.date(2026, 3, 25), dt.time(8, 0))
    assert screen.save() is False  # no mood chosen: nothing saved
    assert vault.entries.count() == 0


def test_an_old_draft_with_a_mood_the_person_moved_keeps_it(qtbot, vault, data_dir: Path) -> None:
    """Diff review: only the old preset, 5, was not the person's; a 8 was moved there."""
    old_draft = {"entry": {"day": "2026-03-29", "time": "08:00", "mood": 8, "note": "ok"}}
    vault.drafts.save("today", old_draft)
    screen = today_at(qtbot, vault, data_dir, FakeClock(dt.datetime(2026, 3, 29, 9, 0)))
    assert screen.form.mood.value() == 8 and screen.form.note.toPlainText() == "ok"
