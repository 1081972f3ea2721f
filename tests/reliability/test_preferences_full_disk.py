"""Hardening review: with a full disk, a setting kept in preferences.json (auto-lock
minutes, country, theme; the help panel's country, also on the lock screen) went up to
"Something went wrong inside moodlog", even over the crisis panel, and a new auto-lock
time was not applied. Now the setting applies and a plain, non-blocking line says it
is not kept for the next start."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from moodlog.preferences import Preferences
from tests.gui.helpers import create_vault_through_the_window


@pytest.fixture
def full_disk(monkeypatch):  # noqa: ANN001, ANN201
    def no_room(self, data_dir: Path) -> None:  # noqa: ANN001
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Preferences, "save", no_room)


def _messages() -> list[str]:
    return [
        w.text()
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.isVisible()
    ]


def test_settings_apply_and_say_they_are_not_kept(qtbot, data_dir: Path, full_disk) -> None:  # noqa: ANN001
    controller = create_vault_through_the_window(qtbot, data_dir)
    settings = controller.main_window.show_screen("Settings")
    settings.idle_minutes.setValue(3)  # (valueChanged: applied at once)
    assert controller.idle.timer.interval() == 3 * 60_000
    messages = _messages()
    assert messages and all(
        "could not be kept for the next start: the disk is full" in m for m in messages
    )
    assert all(
        not w.isModal() for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)
    )
    index = settings.theme.findData("dark")
    settings.theme.setCurrentIndex(index)
    assert controller.preferences.theme == "dark"
    controller.shutdown()


def test_the_help_panels_country_applies_on_a_full_disk(qtbot, data_dir: Path, full_disk) -> None:  # noqa: ANN001
    controller = create_vault_through_the_window(qtbot, data_dir)
    controller.show_help()
    panel = controller.help_panel
    panel.country_box.set_country("GB")
    panel._country_picked("GB")  # as a pick in the box does
    assert controller.preferences.country == "GB"
    assert "Samaritans" in panel.text()
    assert any("could not be kept" in m for m in _messages())
    controller.shutdown()
