"""Remembering where the main window was and how big it was - never what it showed.

Only ``QWidget.saveGeometry()`` (position, size, maximised or not, and the screen) is
written, to ``window.ini`` in the data folder beside ``preferences.json``; one file per
journal folder, so a ``--data-dir`` journal keeps its own. Nothing about the content,
the screen that was open or any text is kept. The demo vault remembers nothing.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget

WINDOW_STATE_FILENAME = "window.ini"
GEOMETRY_KEY = "main_window/geometry"


def _settings(data_dir: Path) -> QSettings:
    return QSettings(str(Path(data_dir) / WINDOW_STATE_FILENAME), QSettings.Format.IniFormat)


def restore_geometry(window: QWidget, data_dir: Path) -> bool:
    """Put ``window`` where it was last time; False (and the default size) if unknown."""
    value = _settings(data_dir).value(GEOMETRY_KEY)
    if not isinstance(value, QByteArray | bytes) or not value:
        return False
    return bool(window.restoreGeometry(QByteArray(value)))


def save_geometry(window: QWidget, data_dir: Path) -> None:
    """Remember ``window``'s geometry; a folder that cannot be written is not an error."""
    settings = _settings(data_dir)
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    settings.sync()
    path = Path(data_dir) / WINDOW_STATE_FILENAME
    with contextlib.suppress(OSError):
        os.chmod(path, 0o600)  # private like every file in the data folder
