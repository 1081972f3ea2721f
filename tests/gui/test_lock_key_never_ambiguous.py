"""Ctrl+L always locks: never two live main windows, and the lock keys lock even when
another window has them too.

Ctrl+L is an application shortcut of the main window. When a second visible window has
the same application shortcut, Qt calls the keys "ambiguous" and triggers nothing
("QAction::event: Ambiguous shortcut overload: Ctrl+L"). A main window left open by an
earlier test did that (test_onboarding then test_app_flow). In the app a main window is
hidden when its session locks, before another can be opened, and a hidden window's
shortcuts count for nothing; these tests hold both to that."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from moodlog.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.gui.helpers import activate, create_vault_through_the_window, unlock


def shown_main_windows() -> list[MainWindow]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]


def press_lock_keys(qtbot, window: MainWindow) -> None:
    activate(qtbot, window)
    QTest.keyClick(window.nav, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_l_locks_although_another_window_has_it_too(qtbot, tmp_path: Path):
    """A main window left open (of another app here) made Ctrl+L do nothing."""
    (tmp_path / "other").mkdir()
    (tmp_path / "ours").mkdir()
    other = create_vault_through_the_window(qtbot, tmp_path / "other")
    controller = create_vault_through_the_window(qtbot, tmp_path / "ours")
    assert len(shown_main_windows()) == 2  # both Ctrl+L: ambiguous
    press_lock_keys(qtbot, controller.main_window)
    assert controller.vault is None  # the window it was typed in locked
    press_lock_keys(qtbot, other.main_window)  # once ours is gone, the other's works too
    assert other.vault is None


def test_ctrl_l_locks_at_once_after_a_quick_unlock(qtbot, data_dir: Path):
    """Lock, then unlock before the old window is deleted (deleteLater): it is hidden,
    so its Ctrl+L does not compete with the new window's."""
    controller = create_vault_through_the_window(qtbot, data_dir)
    for _ in range(3):
        old = controller.main_window
        press_lock_keys(qtbot, old)
        assert controller.vault is None and not old.isVisible()
        unlock(qtbot, controller)  # no event loop in between: old is still there
        assert controller.vault is not None and shiboken6.isValid(old)
        assert shown_main_windows() == [controller.main_window]
    press_lock_keys(qtbot, controller.main_window)
    assert controller.vault is None and shown_main_windows() == []


def test_ctrl_l_locks_after_a_restore_from_the_backups_screen(qtbot, data_dir: Path):
    """A restore replaces the main window: it locks first, so only the new one is left."""
    controller = create_vault_through_the_window(qtbot, data_dir)
    screen = controller.main_window.show_screen("Backups")
    dialog = screen.open_restore()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    old = controller.main_window
    qtbot.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)
    assert controller.main_window is not old and controller.vault is not None
    assert shown_main_windows() == [controller.main_window]
    press_lock_keys(qtbot, controller.main_window)
    assert controller.vault is None and shown_main_windows() == []


def test_ctrl_l_locks_the_demo_and_after_the_introduction(qtbot, tmp_path: Path):
    from moodlog.domain.demo import DEMO_PASSPHRASE
    from moodlog.ui.application import AppController

    controller = AppController(tmp_path, demo=True)
    controller.start()
    press_lock_keys(qtbot, controller.main_window)
    assert controller.vault is None
    unlock(qtbot, controller, DEMO_PASSPHRASE)
    assert shown_main_windows() == [controller.main_window]
    press_lock_keys(qtbot, controller.main_window)
    assert controller.vault is None

    (tmp_path / "new").mkdir()
    created = create_vault_through_the_window(qtbot, tmp_path / "new", keep_introduction=True)
    introduction = created.onboarding
    assert introduction.isVisible() and shown_main_windows() == [created.main_window]
    activate(qtbot, introduction)
    QTest.keyClick(introduction, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert created.vault is None and not introduction.isVisible()
