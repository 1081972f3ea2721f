"""Choosing where to save a file without leaving a trace of the folder behind.

Every file dialog is Qt's own, never the desktop's: GTK's file chooser (which Qt uses
under GNOME and Xfce, directly or through the desktop portal) adds every file it
accepts to the account's recently-used list (``~/.local/share/recently-used.xbel``:
``add_selection_to_recent_list`` in GTK 3.24's ``gtkfilechooserwidget.c``), and KDE's
to its recent documents, where "moodlog-summary-2026-11-30.pdf" would say what the
person is treated for, with where they keep it (review: suspected, then confirmed in
GTK's source). Qt's own dialog remembers the last folder and recent places in
``~/.config/QtProject.conf`` instead, which we remove after every use.
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


# Qt's own dialog (see the module's docstring): no desktop recent-files list.
NO_TRACE = QFileDialog.Option.DontUseNativeDialog


def ask_save_path(
    parent: QWidget, caption: str, default_name: str, name_filter: str
) -> Path | None:
    try:
        start = str(Path.home() / default_name)
        chosen, _ = QFileDialog.getSaveFileName(
            parent, caption, start, name_filter, options=NO_TRACE
        )
    finally:
        scrub_qt_file_dialog_history()
    return Path(chosen) if chosen else None


def ask_open_path(parent: QWidget, caption: str, name_filter: str) -> Path | None:
    try:
        chosen, _ = QFileDialog.getOpenFileName(
            parent, caption, str(Path.home()), name_filter, options=NO_TRACE
        )
    finally:
        scrub_qt_file_dialog_history()
    return Path(chosen) if chosen else None


def ask_folder_path(parent: QWidget, caption: str, start: Path) -> Path | None:
    try:
        chosen = QFileDialog.getExistingDirectory(
            parent, caption, str(start), QFileDialog.Option.ShowDirsOnly | NO_TRACE
        )
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
