"""Remembering where the main window was and how big it was - never what it showed.

Only ``QWidget.saveGeometry()`` (position, size, maximised or not, and the screen) and
the widths the person gave table columns (numbers under ``columns/<table>``) are
written, to ``window.ini`` in the data folder beside ``preferences.json``; one file per
journal folder, so a ``--data-dir`` journal keeps its own. Nothing about the content,
the screen that was open or any text is kept. The demo vault remembers nothing.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from moodlog.paths import WINDOW_STATE_FILENAME

GEOMETRY_KEY = "main_window/geometry"
COLUMNS_GROUP = "columns"
# The first window fits a 1366x768 laptop with its title bar and a panel or taskbar.
DEFAULT_SIZE = (1100, 680)
TITLE_BAR_ALLOWANCE = 40
SIDE_FRAME_ALLOWANCE = 16  # the window frame's left and right borders together


def _settings(data_dir: Path) -> QSettings:
    return QSettings(str(Path(data_dir) / WINDOW_STATE_FILENAME), QSettings.Format.IniFormat)


def restore_geometry(window: QWidget, data_dir: Path) -> bool:
    """Put ``window`` where it was last time; False (and the default size) if unknown."""
    value = _settings(data_dir).value(GEOMETRY_KEY)
    if not isinstance(value, QByteArray | bytes) or not value:
        return False
    return bool(window.restoreGeometry(QByteArray(value)))


MINIMUM_SIZE = (820, 560)  # every screen is laid out for at least this much
SMALLEST_HEIGHT = 300  # ... and, on a screen too low for that, scrolls down to this
SMALLEST_WIDTH = 480  # ... and, on a screen too narrow, scrolls sideways down to this


def minimum_size(window: QWidget) -> QSize:
    """``MINIMUM_SIZE``, made lower on a screen whose free height (minus a title bar)
    cannot hold it (review finding: at 150% on a 1366x768 laptop, 911x512 free, the
    window's bottom with "Save check-in" was off the screen); never below
    ``SMALLEST_HEIGHT``: the screens scroll. Likewise narrower on a screen narrower than
    that (200% on 1366x768: 683 px; "Get help now" and Lock were beyond its edge), never
    below ``SMALLEST_WIDTH``: the main window then scrolls its screens sideways."""
    width, height = MINIMUM_SIZE
    screen = QWidget.screen(window) or QGuiApplication.primaryScreen()
    if screen is not None:
        free = screen.availableGeometry()
        height = max(SMALLEST_HEIGHT, min(height, free.height() - TITLE_BAR_ALLOWANCE))
        width = max(SMALLEST_WIDTH, min(width, free.width() - SIDE_FRAME_ALLOWANCE))
    return QSize(width, height)


def fitted_size(widget: QWidget, width: int, height: int) -> QSize:
    """``width`` x ``height``, made smaller on a screen whose free area (minus a title
    bar) cannot hold it: a dialog's first size (review finding: at 150% on a 1366x768
    laptop the import dialog's Import and Close buttons, and the help panel's Close, were
    below the screen's edge). Qt keeps it at least the dialog's own minimum."""
    screen = QWidget.screen(widget) or QGuiApplication.primaryScreen()
    if screen is not None:
        free = screen.availableGeometry()
        width = min(width, free.width() - SIDE_FRAME_ALLOWANCE)
        height = min(height, free.height() - TITLE_BAR_ALLOWANCE)
    return QSize(width, height)


def default_size(window: QWidget) -> QSize:
    """The first size of ``window``: ``DEFAULT_SIZE``, made smaller on a screen whose free
    area (minus a title bar) cannot hold it (:func:`fitted_size`), never below the
    window's minimum size."""
    fitted, minimum = fitted_size(window, *DEFAULT_SIZE), window.minimumSize()
    return QSize(max(fitted.width(), minimum.width()), max(fitted.height(), minimum.height()))


def save_geometry(window: QWidget, data_dir: Path) -> None:
    """Remember ``window``'s geometry; a folder that cannot be written is not an error."""
    settings = _settings(data_dir)
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    _sync(settings, data_dir)


def _sync(settings: QSettings, data_dir: Path) -> None:
    settings.sync()
    path = Path(data_dir) / WINDOW_STATE_FILENAME
    with contextlib.suppress(OSError):
        os.chmod(path, 0o600)  # private like every file in the data folder


def load_column_widths(data_dir: Path, table: str) -> list[int] | None:
    """The column widths (pixels) the person last gave ``table``, or None."""
    value = _settings(data_dir).value(f"{COLUMNS_GROUP}/{table}")
    if isinstance(value, list):  # QSettings reads "1,2,3" back as a list
        value = ",".join(str(part) for part in value)
    if not isinstance(value, str) or not value:
        return None
    try:
        widths = [int(part) for part in value.split(",")]
    except ValueError:
        return None  # a hand-edited file: fall back to sizing by content
    return widths if all(8 <= w <= 4000 for w in widths) else None


def save_column_widths(data_dir: Path, table: str, widths: list[int]) -> None:
    """Remember the widths of ``table``'s columns: numbers only, never cell text."""
    settings = _settings(data_dir)
    settings.setValue(f"{COLUMNS_GROUP}/{table}", ",".join(str(int(w)) for w in widths))
    _sync(settings, data_dir)
