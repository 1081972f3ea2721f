"""Issue 12 #4 through the real window: with preferences.json holding `[]` (or garbage)
the app starts, and "Get help now" on the lock screen opens the crisis lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from moodlog.paths import PREFERENCES_FILENAME
from moodlog.preferences import PREFERENCES_RESET_NOTICE
from moodlog.ui.application import AppController


@pytest.mark.parametrize("raw", [b"[]", b"\x00\xffgarbage", b'{"idle_lock_minutes": "x"}'])
def test_app_starts_and_help_is_reachable(qtbot, tmp_path: Path, raw: bytes):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / PREFERENCES_FILENAME).write_bytes(raw)
    controller = AppController(data_dir)
    qtbot.addWidget(controller.lock_window)
    controller.start()
    assert controller.lock_window.isVisible()
    page = controller.lock_window.stack.currentWidget()
    # The person is told once, on the lock screen, that the defaults are in use.
    assert page.error_label.text() == PREFERENCES_RESET_NOTICE
    assert controller.preferences.notice == ""
    qtbot.mouseClick(page.help_button, Qt.MouseButton.LeftButton)
    panel = controller.help_panel
    assert panel is not None and panel.isVisible()
    qtbot.addWidget(panel)
    assert "Emergency" in panel.text()  # the crisis lines are shown
    controller.shutdown()
