"""The daily reminder and the session reminder, driven by a fake clock."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from moodlog.i18n import time_text
from moodlog.ui.reminders import (
    DEFAULT_TEXT,
    ReminderConfig,
    ReminderLogic,
    parse_time,
    session_when,
)


class FakeClock:
    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **kwargs: int) -> None:
        self.now += dt.timedelta(**kwargs)


def logic_at(start: dt.datetime, **config) -> tuple[ReminderLogic, FakeClock]:
    clock = FakeClock(start)
    settings = {"enabled": True, "time": dt.time(20, 0), **config}
    return ReminderLogic(clock, ReminderConfig(**settings)), clock


def kinds(found) -> list[str]:
    return [reminder.kind for reminder in found]


def test_daily_reminder_fires_once_at_the_chosen_time():
    logic, clock = logic_at(dt.datetime(2026, 3, 2, 19, 59))
    assert logic.due() == []
    clock.advance(minutes=1)
    found = logic.due()
    assert kinds(found) == ["daily"] and found[0].text == DEFAULT_TEXT
    for _ in range(10):  # the rest of the evening: not again
        clock.advance(minutes=30)
        assert logic.due() == []
    clock.now = dt.datetime(2026, 3, 3, 20, 0)  # the next day, once more
    assert kinds(logic.due()) == ["daily"]


def test_no_reminder_when_something_was_logged_that_day():
    logic, clock = logic_at(dt.datetime(2026, 3, 2, 9, 0))
    logic.set_logged(True)
    clock.now = dt.datetime(2026, 3, 2, 21, 0)
    assert logic.due() == []
    clock.now = dt.datetime(2026, 3, 3, 20, 5)  # yesterday's entry does not count today
    assert kinds(logic.due()) == ["daily"]


def test_deleting_the_days_entries_makes_the_reminder_due_again():
    logic, clock = logic_at(dt.datetime(2026, 3, 2, 20, 30))
    logic.set_logged(True)
    assert logic.due() == []
    logic.set_logged(False)
    assert kinds(logic.due()) == ["daily"]


def test_snooze_asks_again_later_and_only_once():
    logic, clock = logic_at(dt.datetime(2026, 3, 2, 20, 0))
    assert kinds(logic.due()) == ["daily"]
    logic.snooze(30)
    clock.advance(minutes=29)
    assert logic.due() == []
    clock.advance(minutes=1)
    assert kinds(logic.due()) == ["daily"]
    clock.advance(minutes=30)
    assert logic.due() == []  # a snooze gives one more reminder, not a series


def test_snooze_is_cancelled_by_logging():
    logic, clock = logic_at(dt.datetime(2026, 3, 2, 20, 0))
    logic.due()
    logic.snooze(30)
    clock.advance(minutes=10)
    logic.set_logged(True)
    clock.advance(minutes=30)
    assert logic.due() == []


def test_a_snooze_past_midnight_does_not_take_the_next_days_reminder():
    """Review finding: snoozed at 23:45 for 30 minutes, the reminder came at 00:15 as the
    new day's, and none at 23:30 that day, the time chosen."""
    logic, clock = logic_at(dt.datetime(2026, 3, 2, 23, 30), time=dt.time(23, 30))
    assert kinds(logic.due()) == ["daily"]
    clock.now = dt.datetime(2026, 3, 2, 23, 45)
    logic.snooze(30)
    clock.now = dt.datetime(2026, 3, 3, 0, 15)
    assert logic.due() == []  # Monday's is over with Monday
    clock.now = dt.datetime(2026, 3, 3, 23, 29)
    assert logic.due() == []
    clock.now = dt.datetime(2026, 3, 3, 23, 30)
    assert kinds(logic.due()) == ["daily"]  # Tuesday's, at its time


@pytest.mark.parametrize("pressed", [dt.datetime(2026, 3, 3, 0, 5), dt.datetime(2026, 3, 3, 8)])
def test_later_pressed_after_midnight_is_for_the_reminder_shown(pressed):
    """Diff review: shown at 23:50, "Later" pressed at 00:05 (or the next morning, the
    window left open overnight): it came 30 minutes later as the new day's reminder,
    and none came that evening."""
    logic, clock = logic_at(dt.datetime(2026, 3, 2, 23, 50), time=dt.time(23, 50))
    assert kinds(logic.due()) == ["daily"]
    clock.now = pressed
    logic.snooze(30)
    clock.now = pressed + dt.timedelta(minutes=30)
    assert logic.due() == []
    clock.now = dt.datetime(2026, 3, 3, 23, 50)
    assert kinds(logic.due()) == ["daily"]


def test_later_on_a_session_reminder_brings_that_reminder_back():
    """Diff review: "Later" on a session reminder snoozed the daily reminder instead:
    it came 30 minutes later (not at its time), and the session's never came again."""
    session = dt.datetime(2026, 3, 2, 14, 0)
    logic, clock = logic_at(dt.datetime(2026, 3, 2, 10, 0), session_hours=6)
    logic.set_sessions([session])
    (reminder,) = logic.due()
    assert reminder.kind == "session" and reminder.session == session
    logic.snooze(30, reminder)
    clock.advance(minutes=29)
    assert logic.due() == []
    clock.advance(minutes=1)
    assert kinds(logic.due()) == ["session"]  # the session's, once more
    clock.advance(minutes=30)
    assert logic.due() == []
    clock.now = dt.datetime(2026, 3, 2, 20, 0)
    assert kinds(logic.due()) == ["daily"]  # the daily one at its time, untouched


def test_nothing_when_off_or_without_a_time():
    logic, clock = logic_at(dt.datetime(2026, 3, 2, 21, 0), enabled=False)
    assert logic.due() == []
    logic, clock = logic_at(dt.datetime(2026, 3, 2, 21, 0), time=None)
    assert logic.due() == []


def test_session_reminder_once_the_chosen_hours_before():
    logic, clock = logic_at(dt.datetime(2026, 3, 2, 8, 0), session_hours=24)
    logic.set_logged(True)
    session = dt.datetime(2026, 3, 3, 10, 0)
    logic.set_sessions([session])
    assert logic.due() == []
    clock.now = dt.datetime(2026, 3, 2, 10, 0)
    found = logic.due()
    assert kinds(found) == ["session"]
    # The locale's clock (tests run in en_US: "10:00 AM").
    assert found[0].text == f"Reminder: appointment tomorrow at {time_text(dt.time(10, 0))}."
    clock.advance(hours=1)
    assert logic.due() == []
    clock.now = session + dt.timedelta(minutes=1)  # past sessions are never announced
    logic.sessions_reminded.clear()
    assert logic.due() == []


def test_no_session_reminder_when_switched_off():
    logic, clock = logic_at(dt.datetime(2026, 3, 3, 9, 0), session_hours=0)
    logic.set_logged(True)
    logic.set_sessions([dt.datetime(2026, 3, 3, 10, 0)])
    assert logic.due() == []


def test_wording_has_no_health_words_by_default():
    for word in ("mood", "depress", "ketamine", "therapy", "treatment", "suicid", "health"):
        assert word not in DEFAULT_TEXT.lower()
        assert word not in session_when(dt.datetime(2026, 3, 3, 10), dt.datetime(2026, 3, 1))


@pytest.mark.parametrize(
    ("stored", "expected"),
    [("07:30", dt.time(7, 30)), ("25:00", None), ("x", None), (None, None), (730, None)],
)
def test_stored_times_are_read_strictly(stored, expected):
    assert parse_time(stored) == expected


def test_config_round_trips_through_the_vault(vault):
    config = ReminderConfig(enabled=True, time=dt.time(7, 45), text="Hi", session_hours=12)
    config.save(vault.settings)
    assert ReminderConfig.load(vault.settings) == config
    vault.settings.set("reminder_text", "")
    assert ReminderConfig.load(vault.settings).text == DEFAULT_TEXT


def test_a_fresh_vault_has_reminders_off(vault):
    assert ReminderConfig.load(vault.settings) == ReminderConfig()
    assert ReminderConfig().enabled is False


def test_the_app_reminds_while_locked_and_not_after_an_entry(qtbot, data_dir):
    """The service in a running app: no tray here (offscreen), so the small window."""
    from moodlog.domain.entries import Entry
    from moodlog.ui.reminders import ReminderWindow
    from tests.gui.helpers import close_app, create_vault_through_the_window, unlock

    controller = create_vault_through_the_window(qtbot, data_dir)
    service = controller.reminders
    assert service.tray is None
    clock = FakeClock(dt.datetime(2026, 3, 2, 19, 0))
    service.logic.clock = clock
    config = ReminderConfig(enabled=True, time=dt.time(20, 0))
    config.save(controller.vault.settings)
    controller.lock()
    unlock(qtbot, controller)  # the settings are read at unlock
    assert service.logic.config == config
    controller.lock()  # kept in memory while locked
    assert service.check() == []
    clock.advance(hours=1)
    shown = service.check()
    assert kinds(shown) == ["daily"]
    window = service.window
    assert isinstance(window, ReminderWindow) and window.isVisible()
    assert window.label.text() == DEFAULT_TEXT
    qtbot.mouseClick(window.snooze_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()
    clock.advance(minutes=30)
    unlock(qtbot, controller)
    controller.vault.entries.add(Entry(day=clock.now.date(), time=dt.time(20, 10), mood=5))
    controller.context.events.data_changed.emit("entries")
    assert service.check() == []  # snoozed, but something was logged meanwhile
    close_app(controller)


def test_settings_screen_changes_the_reminder(qtbot, data_dir):
    from PySide6.QtCore import QTime

    from tests.gui.helpers import close_app, create_vault_through_the_window

    controller = create_vault_through_the_window(qtbot, data_dir)
    controller.onboarding.close()
    box = controller.main_window.show_screen("Settings").reminders
    assert box.title() == "Daily reminder"
    assert not box.time.isEnabled()  # off until ticked
    box.enabled.setChecked(True)
    box.time.setTime(QTime(21, 15))
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert box.status.text() == f"Saved: every day at {time_text(dt.time(21, 15))}."
    saved = ReminderConfig.load(controller.vault.settings)
    assert saved.enabled and saved.time == dt.time(21, 15)
    assert controller.reminders.logic.config == saved
    close_app(controller)


def daily_and_session_due(qtbot, data_dir):  # noqa: ANN001, ANN201
    """A running app whose daily reminder (20:00) and a session's (tomorrow 10:00, 24 h
    ahead) were just shown together, at 20:00: (controller, service, clock)."""
    from moodlog.domain.treatments import Treatment
    from tests.gui.helpers import create_vault_through_the_window, unlock

    controller = create_vault_through_the_window(qtbot, data_dir)
    service = controller.reminders
    clock = FakeClock(dt.datetime(2026, 3, 2, 19, 0))
    service.logic.clock = clock
    ReminderConfig(enabled=True, time=dt.time(20, 0), session_hours=24).save(
        controller.vault.settings
    )
    controller.vault.treatments.save(
        Treatment(dt.date(2026, 3, 3), dt.time(10), "ketamine_iv", dose_mg=40)
    )
    controller.lock()
    unlock(qtbot, controller)
    service.refresh_state()
    clock.advance(hours=1)
    assert sorted(kinds(service.check())) == ["daily", "session"]
    return controller, service, clock


def test_the_trays_later_brings_back_every_reminder_shown_last(qtbot, data_dir):
    """Diff review: the daily and a session's reminder shown together, the tray's "Remind
    me in 30 minutes" brought back only the session's; the daily one was lost that day."""
    from tests.gui.helpers import close_app

    controller, service, clock = daily_and_session_due(qtbot, data_dir)
    service.snooze()  # the tray menu's "Remind me in 30 minutes"
    clock.advance(minutes=29)
    assert service.check() == []
    clock.advance(minutes=1)
    assert sorted(kinds(service.check())) == ["daily", "session"]
    close_app(controller)


def test_without_a_tray_reminders_due_together_share_one_window(qtbot, data_dir):
    """Diff review: with no tray, the session reminder's window closed the daily one's,
    and its "Later" brought back only the session's: the daily one was lost that day."""
    from moodlog.ui.reminders import DEFAULT_SESSION_TEXT
    from tests.gui.helpers import close_app

    controller, service, clock = daily_and_session_due(qtbot, data_dir)
    assert service.tray is None  # (offscreen: the reminder window)
    text = service.window.label.text()
    assert DEFAULT_TEXT in text and DEFAULT_SESSION_TEXT.split("{")[0].strip() in text
    qtbot.mouseClick(service.window.snooze_button, Qt.MouseButton.LeftButton)
    clock.advance(minutes=30)
    assert sorted(kinds(service.check())) == ["daily", "session"]
    close_app(controller)
