"""Choosing where to save a file without leaving a trace of the folder behind.

Qt's own (non-native) file dialog remembers the last folder and recent places in
``~/.config/QtProject.conf``. That history would reveal where a person keeps their
therapy summaries, so we remove Qt's ``FileDialog`` group after every use.
"""

from __future__ import annotations

import errno
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QPixmap
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


def export_png(image: QPixmap, path: Path, parent: QWidget) -> bool:
    """Save a chart as a PNG the way every other export is saved: private (0600),
    written beside ``path`` and renamed (never half a file), never over one of the
    journal's own files; a plain message when it cannot be (review finding: the PNG
    was saved in place, readable by anyone, and over any file chosen)."""
    from moodlog.i18n import tr
    from moodlog.paths import export_target
    from moodlog.ui.widgets import show_error
    from moodlog.vault.errors import os_reason

    try:
        with export_target(path, ".png.tmp") as temp:
            if not image.save(str(temp), "PNG"):
                raise OSError(errno.EIO, "the image could not be written", str(path))
    except OSError as error:
        reason = os_reason(error)
        show_error(parent, tr("The image could not be saved: {reason}.").format(reason=reason))
        return False
    return True
