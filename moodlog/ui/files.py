"""Choosing where to save a file without leaving a trace of the folder behind.

Qt's own (non-native) file dialog remembers the last folder and recent places in
``~/.config/QtProject.conf``. That history would reveal where a person keeps their
therapy summaries, so we remove Qt's ``FileDialog`` group after every use.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget


def scrub_qt_file_dialog_history() -> None:
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")  # QtProject.conf
    if "FileDialog" in settings.childGroups():
        settings.remove("FileDialog")
        settings.sync()


def ask_save_path(
    parent: QWidget, caption: str, default_name: str, name_filter: str
) -> Path | None:
    try:
        start = str(Path.home() / default_name)
        chosen, _ = QFileDialog.getSaveFileName(parent, caption, start, name_filter)
    finally:
        scrub_qt_file_dialog_history()
    return Path(chosen) if chosen else None


def ask_open_path(parent: QWidget, caption: str, name_filter: str) -> Path | None:
    try:
        chosen, _ = QFileDialog.getOpenFileName(parent, caption, str(Path.home()), name_filter)
    finally:
        scrub_qt_file_dialog_history()
    return Path(chosen) if chosen else None
