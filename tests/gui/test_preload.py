"""Idle-time imports wait for a quiet moment and then happen; input postpones them."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from moodlog.ui.application import IdleWatcher
from moodlog.ui.preload import Preloader


def test_input_seen_by_the_idle_watcher_postpones_the_next_import(qtbot):
    watcher = IdleWatcher(60_000)
    preloader = Preloader(modules=("moodlog_never_imported_probe",), quiet_ms=5000)
    watcher.activity.connect(preloader.postpone)
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    watcher.start()
    preloader.start()
    qtbot.wait(1500)
    assert preloader.timer.remainingTime() < 4000
    qtbot.keyClick(field, Qt.Key.Key_A)
    assert preloader.timer.remainingTime() > 4500  # restarted by the key press
    preloader.stop()
    watcher.stop()
    assert not preloader.timer.isActive()


def test_modules_are_imported_one_by_one_when_idle(qtbot, tmp_path: Path, monkeypatch):
    for name in ("probe_one", "probe_two"):
        (tmp_path / f"{name}.py").write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    preloader = Preloader(modules=("probe_one", "probe_two"), quiet_ms=50, gap_ms=10)
    assert [name for name, _ in preloader.pending] == ["probe_one", "probe_two"]
    preloader.start()
    assert "probe_one" not in sys.modules  # nothing happens before the quiet moment
    qtbot.waitUntil(lambda: preloader.done, timeout=5000)
    assert "probe_one" in sys.modules and "probe_two" in sys.modules
    assert not preloader.timer.isActive()
    for name in ("probe_one", "probe_two"):
        monkeypatch.delitem(sys.modules, name)


def test_the_idle_watcher_looks_away_briefly_after_input_and_then_watches_again(qtbot):
    watcher = IdleWatcher(800)  # pause: 100 ms
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    watcher.start()
    assert watcher.watching
    qtbot.keyClick(field, Qt.Key.Key_A)
    assert not watcher.watching and watcher.timer.remainingTime() > 700
    qtbot.waitUntil(lambda: watcher.watching, timeout=2000)
    assert watcher.timer.isActive()  # still counting down from the key press
    with qtbot.waitSignal(watcher.idle, timeout=3000):
        pass
    watcher.stop()
    assert not watcher.watching


def test_added_steps_run_once_in_order_and_a_failing_one_does_not_stop_the_rest(qtbot):
    ran = []

    def fail() -> None:
        ran.append("fail")
        raise RuntimeError("only a head start")

    preloader = Preloader(modules=(), quiet_ms=20, gap_ms=5)
    preloader.add("first", fail)
    preloader.add("second", lambda: ran.append("second"))
    preloader.add("second", lambda: ran.append("second again"))  # already waiting
    preloader.start()
    qtbot.waitUntil(lambda: preloader.done, timeout=5000)
    assert ran == ["fail", "second"]


def test_the_lock_screen_starts_importing_only_after_its_first_paint(qtbot, tmp_path: Path):
    from PySide6.QtWidgets import QLabel

    preloader = Preloader(modules=("moodlog_never_imported_probe",), quiet_ms=5000)
    window = QLabel("unlock")
    qtbot.addWidget(window)
    preloader.start_after_first_paint(window, quiet_ms=400)
    assert not preloader.timer.isActive()  # nothing before the window is painted
    window.show()
    qtbot.waitUntil(preloader.timer.isActive, timeout=3000)
    assert preloader.timer.interval() == 400  # the short wait after the paint
    assert "paintEvent" not in vars(window)  # seen once, then its class paints it again
    qtbot.waitUntil(lambda: preloader.timer.remainingTime() < 250, timeout=3000)
    preloader.postpone()  # typing a passphrase: the next step waits for a pause in it
    assert preloader.timer.interval() == 400 and preloader.timer.remainingTime() > 300
    preloader.stop()
    assert not preloader.timer.isActive()


def test_a_window_painted_for_the_preloader_paints_itself_as_always(qtbot):
    from PySide6.QtWidgets import QLabel

    plain = QLabel("unlock")
    watched = QLabel("unlock")
    for label in (plain, watched):
        label.resize(120, 30)
        qtbot.addWidget(label)
    preloader = Preloader(modules=("moodlog_never_imported_probe",), quiet_ms=5000)
    preloader.start_after_first_paint(watched, quiet_ms=400)
    assert watched.grab().toImage() == plain.grab().toImage()  # its first paint: its own
    assert preloader.timer.isActive()
    preloader.stop()
    stopped = QLabel("unlock")
    qtbot.addWidget(stopped)
    preloader.start_after_first_paint(stopped)
    preloader.stop()  # before any paint: nothing of the preloader's is left on it
    assert "paintEvent" not in vars(stopped) and not preloader.timer.isActive()


def test_typing_a_passphrase_postpones_the_lock_screen_imports(qtbot, data_dir: Path, vault):
    from moodlog.ui.application import AppController

    vault.close()
    controller = AppController(data_dir)
    controller.preloader.pending.insert(0, ("probe", lambda: None))  # never left undone
    controller.start()
    qtbot.addWidget(controller.lock_window)
    qtbot.waitUntil(controller.preloader.timer.isActive, timeout=3000)
    qtbot.waitUntil(lambda: controller.preloader.timer.remainingTime() < 150, timeout=3000)
    qtbot.keyClick(controller.unlock_page.passphrase, Qt.Key.Key_A)
    assert controller.preloader.timer.remainingTime() > 200  # a pause in typing, again
    assert controller.preloader.pending[0][0] == "probe"  # not run meanwhile
    controller.preloader.stop()


def test_today_is_refreshed_once_while_the_main_window_is_built(
    qtbot, data_dir: Path, vault, monkeypatch
):
    from moodlog.ui.application import AppController
    from moodlog.ui.today import TodayScreen

    calls = []
    original = TodayScreen._build_prompts
    monkeypatch.setattr(
        TodayScreen,
        "_build_prompts",
        lambda self, *args: (calls.append(1), original(self, *args))[1],
    )
    controller = AppController(data_dir)
    controller.open_session(vault)
    qtbot.addWidget(controller.main_window)
    assert "Today" in controller.main_window.screens and len(calls) == 1
    # Later visits still read the vault afresh.
    qtbot.wait(10)
    controller.main_window.show_screen("Journal")
    controller.main_window.show_screen("Today")
    assert len(calls) == 2
    controller.preloader.stop()
    controller.shutdown()


def test_no_step_runs_once_the_apps_windows_are_closed(qtbot):
    ran = []
    open_windows = [True]
    preloader = Preloader(modules=(), quiet_ms=10, gap_ms=5)
    preloader.active = lambda: bool(open_windows)
    preloader.add("first", lambda: (ran.append("first"), open_windows.clear()))
    preloader.add("second", lambda: ran.append("second"))
    preloader.start()
    qtbot.waitUntil(lambda: ran == ["first"], timeout=3000)
    qtbot.wait(100)
    assert ran == ["first"] and not preloader.done  # kept for when a window opens again
