"""Review of the deferred save notices (this stop): a save tells the other screens just
after its result is painted; a lock right after it must not lose what the reminders
learn from it, and a second save whose line reads as before is still painted (and so
told) at once, not after the 250 ms fallback."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from moodlog.ui.reminders import READ_AFTER_UNLOCK_MS
from tests.gui.helpers import activate, create_vault_through_the_window


def opened(qtbot, data_dir: Path):  # noqa: ANN001, ANN201
    controller = create_vault_through_the_window(qtbot, data_dir)
    window = controller.main_window
    qtbot.waitExposed(window)
    activate(qtbot, window)
    today = window.show_screen("Today")
    qtbot.wait(READ_AFTER_UNLOCK_MS + 200)  # the reminders' first read after unlock
    return controller, today


def test_the_reminders_know_of_a_save_followed_at_once_by_a_lock(qtbot, data_dir: Path):
    controller, today = opened(qtbot, data_dir)
    reminders = controller.reminders
    today.form.mood.set_value(6)
    assert today.save()
    QTimer.singleShot(0, controller.lock)  # already queued when the result would paint
    qtbot.waitUntil(lambda: controller.vault is None, timeout=3000)
    assert reminders.logic.logged_day == dt.date.today()


def test_a_second_save_reading_as_the_first_is_painted_and_told_at_once(qtbot, data_dir):
    controller, today = opened(qtbot, data_dir)
    told: list[str] = []
    controller.context.events.data_changed.connect(told.append)
    for _ in range(2):  # the same mood in the same minute: the same "Saved at" line
        today.form.mood.set_value(6)
        assert today.save()
        for _ in range(3):  # the paint and what follows it; no waiting on a clock
            QApplication.sendPostedEvents()
            QApplication.processEvents()
    assert told.count("entries") == 2
