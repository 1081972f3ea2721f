"""Every file dialog is Qt's own: the desktop's (GTK's under GNOME and Xfce, KDE's)
adds each file it accepts to the account's recently-used list, in clear, where
"moodlog-summary-2026-11-30.pdf" says what the person is treated for (GTK 3.24:
``add_selection_to_recent_list`` in ``gtkfilechooserwidget.c``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget

import moodlog
from moodlog.ui import backups, files, importing


@pytest.fixture
def asked(monkeypatch) -> list:  # noqa: ANN001
    """The options each QFileDialog function was called with (nothing is shown)."""
    seen: list = []

    def save(parent, caption, start, name_filter, options=None):  # noqa: ANN001, ANN202
        seen.append(("save", options))
        return "", ""

    def open_(parent, caption, start, name_filter, options=None):  # noqa: ANN001, ANN202
        seen.append(("open", options))
        return "", ""

    def folder(parent, caption, start, options=None):  # noqa: ANN001, ANN202
        seen.append(("folder", options))
        return ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(folder))
    return seen


def test_every_file_dialog_of_moodlog_is_qts_own(qtbot, asked: list) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    assert files.ask_save_path(parent, "Save", "moodlog-summary.pdf", "PDF (*.pdf)") is None
    assert files.ask_open_path(parent, "Open", "JSON (*.json)") is None
    assert backups.ask_folder(parent, Path.home()) is None
    assert importing.ask_folder(parent, "Folder") is None
    assert [kind for kind, _ in asked] == ["save", "open", "folder", "folder"]
    for kind, options in asked:
        assert options is not None, kind
        assert options & QFileDialog.Option.DontUseNativeDialog, kind


def test_no_file_dialog_is_opened_anywhere_else() -> None:
    """New code must go through moodlog.ui.files (or it would bring the desktop's
    dialog, and its recent-files list, back)."""
    root = Path(moodlog.__file__).parent
    pattern = re.compile(r"QFileDialog\b")
    found = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if path.name != "files.py" and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []
