from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from moodlog.ui.application import AppController
from tests.conftest import PASSPHRASE


def create_vault_through_the_window(qtbot, data_dir: Path, **kwargs) -> AppController:
    controller = AppController(data_dir, **kwargs)
    controller.start()
    page = controller.create_page
    assert controller.lock_window.stack.currentWidget() is page
    qtbot.keyClicks(page.first, PASSPHRASE)
    qtbot.keyClicks(page.second, PASSPHRASE)
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert controller.main_window is not None
    qtbot.addWidget(controller.lock_window)
    return controller


def unlock(qtbot, controller: AppController, passphrase: str = PASSPHRASE) -> None:
    page = controller.unlock_page
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, passphrase)
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
