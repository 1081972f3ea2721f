"""A unique marker typed everywhere a person writes must be nowhere on disk in clear."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from moodlog.domain.treatments import Treatment
from tests.gui.helpers import create_vault_through_the_window, unlock

MARKER = "QUOKKA-PRIVATE-5e1d"


def encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]


def files_under(root: Path):
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                yield path


def test_marker_is_nowhere_in_clear(qtbot, sandbox: Path, tmp_path: Path):
    data_dir = tmp_path / "vault-folder"
    controller = create_vault_through_the_window(qtbot, data_dir)
    window = controller.main_window
    today = window.screen("Today")
    today.form.note.setPlainText(f"note {MARKER}")
    today.self_check.answer("wish_dead", True)
    today.self_check.discuss_box.setChecked(True)
    qtbot.mouseClick(today.save_button, Qt.MouseButton.LeftButton)
    controller.show_help("low")  # the panel showed the plan; it must leave no trace
    plan_screen = window.show_screen("Safety plan") if "Safety plan" in window.screens else None
    window.nav.setCurrentRow(4)
    plan_screen = window.screens["Safety plan"]
    plan_screen.fields["reasons"].setPlainText(f"reason {MARKER}")
    plan_screen.save()
    controller.vault.treatments.save(
        Treatment(
            day=dt.date(2026, 11, 1),
            time=dt.time(10),
            kind="ketamine_iv",
            dose_mg=40,
            notes=f"treatment {MARKER}",
        )
    )
    window.nav.setCurrentRow(2)
    window.nav.setCurrentRow(1)
    journal = window.screens["Journal"]
    journal.search_box.setText(MARKER)
    journal.run_search()
    # Unsaved text goes into an encrypted draft on lock.
    window.nav.setCurrentRow(0)
    today.form.note.setPlainText(f"draft {MARKER}")
    for widget in QApplication.topLevelWidgets():
        assert MARKER not in widget.windowTitle()
    controller.lock()
    unlock(qtbot, controller)
    assert MARKER in controller.main_window.screen("Today").form.note.toPlainText()
    controller.lock()
    controller.shutdown()
    QApplication.processEvents()

    roots = {sandbox, tmp_path, data_dir}
    checked = 0
    for root in roots:
        for path in files_under(root):
            content = path.read_bytes()
            checked += 1
            for needle in encodings(MARKER):
                assert needle not in content, f"{MARKER} found in clear in {path}"
            # self-check answers are stored as {"wish_dead": true, ...}: never in clear
            assert b"wish_dead" not in content, f"self-check answers in clear in {path}"
    assert checked >= 2  # at least the vault and preferences were looked at
    assert (data_dir / "moodlog.db").exists()
    qt_conf = Path(os.environ["XDG_CONFIG_HOME"]) / "QtProject.conf"
    assert not qt_conf.exists() or "FileDialog" not in qt_conf.read_text()
