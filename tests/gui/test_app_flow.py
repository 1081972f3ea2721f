"""Create -> unlock -> lock -> unlock, auto-lock, help while locked, demo mode."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from moodlog.ui.application import AppController
from moodlog.vault.vault import Vault
from tests.conftest import PASSPHRASE
from tests.gui.helpers import activate, create_vault_through_the_window, unlock


def test_create_page_explains_and_rejects_weak_input(qtbot, data_dir: Path):
    controller = AppController(data_dir)
    controller.start()
    qtbot.addWidget(controller.lock_window)
    page = controller.create_page
    assert controller.lock_window.stack.currentWidget() is page
    visible = " ".join(label.text() for label in page.findChildren(QLabel))
    assert "no way to recover" in visible
    qtbot.keyClicks(page.first, "short")
    assert "Too short" in page.strength.text() or "at least 8" in page.strength.text()
    qtbot.keyClicks(page.second, "short")
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert "at least 8" in page.error_label.text()
    page.first.setText("a long enough passphrase")
    assert page.strength.text().startswith("Strength: ")
    page.second.setText("a different passphrase!")
    page.create()
    assert "not the same" in page.error_label.text()
    assert not (data_dir / "moodlog.db").exists()


def test_create_unlock_lock_unlock(qtbot, data_dir: Path):
    controller = create_vault_through_the_window(qtbot, data_dir)
    vault = controller.vault
    assert vault.is_open and controller.main_window.isVisible()
    assert controller.main_window.windowTitle() == "moodlog"

    window = controller.main_window
    activate(qtbot, window)
    QTest.keyClick(window.nav, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert controller.vault is None and controller.main_window is None
    assert not vault.is_open  # the connection (and so the key) is gone
    assert controller.lock_window.stack.currentWidget() is controller.unlock_page

    unlock(qtbot, controller, "not the right one")
    assert "Wrong passphrase" in controller.unlock_page.error_label.text()
    assert controller.vault is None

    unlock(qtbot, controller)
    assert controller.vault is not None and controller.vault.is_open
    assert controller.unlock_page.passphrase.text() == ""
    controller.shutdown()


def test_lock_destroys_the_window_and_its_data(qtbot, data_dir: Path):
    controller = create_vault_through_the_window(qtbot, data_dir)
    window = controller.main_window
    journal = window.screen("Journal")
    destroyed = []
    journal.destroyed.connect(lambda: destroyed.append(True))
    controller.lock()
    qtbot.waitUntil(lambda: destroyed == [True], timeout=3000)


def test_auto_lock_after_idle_closes_the_connection(qtbot, data_dir: Path):
    controller = create_vault_through_the_window(qtbot, data_dir, idle_ms=300)
    vault = controller.vault
    qtbot.waitUntil(lambda: controller.vault is None, timeout=5000)
    assert not vault.is_open
    assert controller.lock_window.isVisible()


def test_activity_postpones_auto_lock(qtbot, data_dir: Path):
    controller = create_vault_through_the_window(qtbot, data_dir, idle_ms=1200)
    note = controller.main_window.screen("Today").form.note
    for _ in range(10):  # 2 s of typing: far beyond the 1.2 s idle limit
        qtbot.wait(200)
        QTest.keyClick(note, Qt.Key.Key_A)
    assert controller.vault is not None
    qtbot.waitUntil(lambda: controller.vault is None, timeout=5000)


def test_time_asleep_counts_toward_the_idle_lock(qtbot, data_dir: Path):
    """Time review: Qt's timers count only time awake, so a lid closed two minutes into
    a five-minute wait and opened hours later showed the journal for three more
    minutes. The watcher also reads a clock that goes on in sleep: within a second of
    waking, the journal is locked."""
    controller = create_vault_through_the_window(qtbot, data_dir, idle_ms=300_000)
    watcher = controller.idle
    asleep = [0.0]
    real_clock = watcher.clock
    watcher.clock = lambda: real_clock() + asleep[0]
    note = controller.main_window.screen("Today").form.note
    QTest.keyClick(note, Qt.Key.Key_A)  # the countdown starts again from here
    asleep[0] = 120.0  # two minutes: not yet
    qtbot.wait(1500)
    assert controller.vault is not None
    assert watcher.timer.remainingTime() > 290_000  # Qt's own countdown saw no sleep
    asleep[0] = 4 * 3600.0  # the lid opened hours later
    qtbot.waitUntil(lambda: controller.vault is None, timeout=5000)
    assert controller.lock_window.isVisible()
    assert not watcher.sleep_check.isActive()  # once locked, nothing more to check


def test_input_after_waking_starts_the_idle_countdown_again(qtbot):
    """The sleep check measures from the last input seen, as the countdown does."""
    from PySide6.QtWidgets import QLineEdit

    from moodlog.ui.application import IdleWatcher

    now = [1000.0]
    watcher = IdleWatcher(60_000, clock=lambda: now[0])
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    idle = []
    watcher.idle.connect(lambda: idle.append(True))
    watcher.start()
    now[0] += 50
    QTest.keyClick(field, Qt.Key.Key_A)
    now[0] += 30  # 80 s since the start, 30 s since the key press
    qtbot.wait(1300)
    assert idle == []
    now[0] += 31  # 61 s since the key press
    qtbot.waitUntil(lambda: idle == [True], timeout=5000)
    qtbot.wait(1300)
    assert idle == [True]  # once
    watcher.stop()


def test_get_help_works_while_locked_without_unlocking(qtbot, data_dir: Path):
    Vault.create(data_dir / "moodlog.db", PASSPHRASE).close()
    controller = AppController(data_dir)
    controller.start()
    qtbot.addWidget(controller.lock_window)
    qtbot.mouseClick(controller.unlock_page.help_button, Qt.MouseButton.LeftButton)
    panel = controller.help_panel
    assert panel is not None and panel.isVisible() and not panel.isModal()
    text = panel.text()
    assert "988" in text and "911" in text
    assert "Unlock moodlog to see your own safety plan" in text
    assert "No one is notified of your answers and no one is monitoring them." in text
    assert controller.vault is None
    panel.country_box.setCurrentIndex(panel.country_box.findData("GB"))
    assert "Samaritans" in panel.text() and "116 123" in panel.text()
    saved = json.loads((data_dir / "preferences.json").read_text())
    assert (saved["country"], saved["idle_lock_minutes"]) == ("GB", 5)
    panel.close()


def test_help_button_in_the_main_window_shows_the_safety_plan(qtbot, data_dir: Path):
    from moodlog.domain.safety import Contact, SafetyPlan

    controller = create_vault_through_the_window(qtbot, data_dir)
    controller.vault.safety_plans.save(
        SafetyPlan(coping=["Cold water"], people=[Contact("Sam", "555-0142")])
    )
    qtbot.mouseClick(controller.main_window.help_button, Qt.MouseButton.LeftButton)
    text = controller.help_panel.text()
    assert "Cold water" in text and "Sam: 555-0142" in text and "988" in text
    controller.shutdown()


def test_demo_mode_is_labelled_and_filled(qtbot, tmp_path: Path):
    controller = AppController(tmp_path, demo=True)
    controller.start()
    qtbot.addWidget(controller.lock_window)
    window = controller.main_window
    assert "DEMO" in window.windowTitle()
    assert controller.vault.entries.count() > 100
    assert controller.vault.treatments.all()
    assert controller.vault.safety_plans.latest() is not None
    controller.shutdown()


def test_every_screen_opens(qtbot, tmp_path: Path):
    from moodlog.ui.main_window import SCREENS

    controller = AppController(tmp_path, demo=True)
    controller.start()
    qtbot.addWidget(controller.lock_window)
    window = controller.main_window
    for row, (title, _, _) in enumerate(SCREENS):
        window.nav.setCurrentRow(row)
        assert window.stack.currentWidget() is window.screens[title]
    controller.shutdown()


def test_unexpected_errors_show_a_calm_message_and_leak_nothing(qtbot, capsys):
    from moodlog.ui.application import UNEXPECTED_ERROR_TEXT, report_unexpected_error

    try:
        raise ValueError("secret note text SQUIRREL-77")
    except ValueError as error:
        report_unexpected_error(type(error), error, error.__traceback__)
    err = capsys.readouterr().err
    assert err.strip() == "moodlog: unexpected error (ValueError)"
    box = report_unexpected_error.last_box
    qtbot.addWidget(box)
    assert box.text() == UNEXPECTED_ERROR_TEXT and not box.isModal()
    assert "SQUIRREL" not in box.text() and "Traceback" not in box.text()


def test_trends_is_prepared_in_an_idle_moment_and_then_only_shown(qtbot, data_dir: Path):
    controller = create_vault_through_the_window(qtbot, data_dir)
    window = controller.main_window
    assert "Trends" not in window.screens  # not at unlock: the window comes first
    qtbot.waitUntil(lambda: controller.preloader.done, timeout=10_000)
    prepared = window.screens["Trends"]
    assert not prepared.isVisible() and prepared.data.complete  # the whole history, too
    rect = window.nav.visualItemRect(window.nav.item(3))
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.screen("Trends") is prepared and prepared.isVisible()


def test_preparing_trends_after_a_lock_does_nothing(qtbot, data_dir: Path):
    controller = create_vault_through_the_window(qtbot, data_dir)
    controller.lock()
    assert controller.main_window is None
    controller._prepare_trends()  # steps left over from the locked session
    controller._complete_trends()
    assert controller.main_window is None and controller.vault is None


def test_new_data_reaches_a_hidden_trends_screen_in_a_quiet_moment(qtbot, data_dir: Path):
    import datetime as dt

    from moodlog.domain.entries import Entry

    controller = create_vault_through_the_window(qtbot, data_dir)
    qtbot.waitUntil(lambda: controller.preloader.done, timeout=10_000)
    trends = controller.main_window.screens["Trends"]
    day = controller.context.today()
    assert day not in trends.data.mood
    controller.vault.entries.add(Entry(day=day, time=dt.time(8), mood=7))
    controller.context.events.data_changed.emit("entries")  # what saving on Today does
    assert not controller.preloader.done  # waits for a quiet moment
    qtbot.waitUntil(lambda: controller.preloader.done, timeout=10_000)
    assert not trends.isVisible()
    assert trends.data.complete and trends.data.mood[day] == 7


def test_a_top_common_passphrase_is_asked_about_first(qtbot, data_dir: Path) -> None:
    """Review finding (a new user): "12345678" made a journal with one Enter. Now a
    question comes first; "Choose another" is the default, "Use it anyway" goes on."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    controller = AppController(data_dir)
    controller.start()
    qtbot.addWidget(controller.lock_window)
    page = controller.lock_window.stack.currentWidget()
    asked: list[str] = []

    def answer(button: str) -> None:
        box = QApplication.activeModalWidget()
        asked.append(box.text())
        assert box.defaultButton().text() == "Choose another"
        next(b for b in box.buttons() if b.text() == button).click()

    for button, created in (("Choose another", False), ("Use it anyway", True)):
        page.first.setText("password123")
        page.second.setText("password123")
        QTimer.singleShot(0, lambda button=button: answer(button))
        page.create()
        assert (data_dir / "moodlog.db").exists() is created
    assert len(asked) == 2 and "among the first anyone would try" in asked[0]
    assert (data_dir / "moodlog.db").exists() and controller.vault is not None
    controller.shutdown()


def test_a_strong_passphrase_is_not_asked_about(qtbot, data_dir: Path) -> None:
    from moodlog.ui.unlock import weak_passphrase_accepted

    assert weak_passphrase_accepted(None, PASSPHRASE)  # no question: it would block here


def test_the_idle_lock_leaves_the_crisis_lines_on_screen(qtbot, data_dir: Path):
    """Attacker review: after a yes in the self-check the help panel opens; a person
    reading it (perhaps on the phone to the crisis line) touches nothing, and the idle
    lock closed it, leaving only the unlock page. The locked panel stays: crisis lines,
    no plan, no words about the answers. Ctrl+L still closes it."""
    from moodlog.domain.safety import SafetyPlan

    controller = create_vault_through_the_window(qtbot, data_dir)
    controller.vault.safety_plans.save(SafetyPlan(coping=["Cold water on my face"]))
    controller.show_help("high")
    opened = controller.help_panel
    before = opened.text()
    assert "Cold water" in before and "Thank you for answering honestly" in before
    assert "If you might act on these thoughts now" in before
    opened.showMinimized()  # review r10: the lock must not bring it to the front
    controller.auto_lock()
    assert controller.vault is None
    panel = controller.help_panel
    assert panel is opened and panel.isVisible() and panel.isMinimized()
    text = panel.text()
    assert "988" in text and "Unlock moodlog to see your own safety plan" in text
    assert "Cold water" not in text and "answering honestly" not in text
    assert "act on these thoughts" not in text
    unlock(qtbot, controller)
    qtbot.waitUntil(lambda: controller.vault is not None)
    text = controller.help_panel.text()
    assert "Cold water" in text  # unlocked: the plan is back
    assert "If you might act on these thoughts now" in text  # and the urgent line (r10)
    assert controller.help_panel is opened
    controller.lock()
    assert controller.help_panel is None
    controller.shutdown()
