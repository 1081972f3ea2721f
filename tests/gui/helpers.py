from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from moodlog.ui.application import AppController
from tests.conftest import PASSPHRASE, quit_app


def activate(qtbot, window) -> None:
    """Make ``window`` the active window. Asked again while waiting: on a loaded machine
    an activation still queued for another window (the introduction, the lock window)
    can land after ours."""
    qtbot.waitUntil(lambda: window.activateWindow() or window.isActiveWindow(), timeout=5000)


def create_vault_through_the_window(
    qtbot, data_dir: Path, keep_introduction: bool = False, **kwargs
) -> AppController:
    """Create a vault through the lock window; the first-run introduction is skipped, as
    most tests are about what comes after it (``keep_introduction`` leaves it open)."""
    controller = AppController(data_dir, **kwargs)
    controller.start()
    page = controller.create_page
    assert controller.lock_window.stack.currentWidget() is page
    qtbot.keyClicks(page.first, PASSPHRASE)
    qtbot.keyClicks(page.second, PASSPHRASE)
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert controller.main_window is not None
    qtbot.addWidget(controller.lock_window)
    introduction = getattr(controller, "onboarding", None)
    if introduction is not None and not keep_introduction:
        introduction.skip()
        qtbot.waitUntil(lambda: not introduction.isVisible(), timeout=3000)
    return controller


def unlock(qtbot, controller: AppController, passphrase: str = PASSPHRASE) -> None:
    page = controller.unlock_page
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, passphrase)
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)


@contextlib.contextmanager
def demo_main_window(prefix: str, at_minimum_size: bool = False) -> Iterator:
    """The real main window on the demo vault (synthetic data) in a new temporary folder
    named ``prefix...``, shown (first resized to its minimum size with
    ``at_minimum_size``); shut down and its folder removed afterwards."""
    QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    controller = AppController(folder, demo=True)
    controller.start()
    window = controller.main_window
    if at_minimum_size:
        window.resize(window.minimumSize())
    window.show()
    try:
        yield window
    finally:
        controller.shutdown()
        window.close_for_lock()
        controller.lock_window.close()
        shutil.rmtree(folder, ignore_errors=True)


def close_app(controller: AppController) -> None:
    """End a test's app as quitting does, and close its windows (what tests/conftest.py
    does after each test, here at a chosen moment)."""
    quit_app(controller)


def shown_today(qtbot, vault, data_dir: Path, now, height: int = 900):  # noqa: ANN001, ANN201
    """Today on ``vault`` at the fixed time ``now`` (a US locale's preferences), shown
    at 1000 x ``height``, laid out and painted: the tags' height fitted, the prompts
    built."""
    from moodlog.preferences import Preferences
    from moodlog.ui.context import AppContext
    from moodlog.ui.today import TodayScreen
    from tests.conftest import FakeClock

    context = AppContext(
        vault=vault, data_dir=data_dir, preferences=Preferences(country="US"), now=FakeClock(now)
    )
    screen = TodayScreen(context)
    qtbot.addWidget(screen)
    screen.resize(1000, height)
    screen.show()
    qtbot.waitExposed(screen)
    qtbot.wait(30)
    return screen


def spy_announcements(monkeypatch) -> list[str]:  # noqa: ANN001
    """The sentences told to screen readers (``QAccessibleAnnouncementEvent``) from now
    on, for the rest of the test."""
    from PySide6.QtGui import QAccessible

    announced: list[str] = []
    real = QAccessible.updateAccessibility

    def update(event) -> None:  # noqa: ANN001
        if event.type() == QAccessible.Event.Announcement:
            announced.append(event.message())
        real(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", update)
    return announced
