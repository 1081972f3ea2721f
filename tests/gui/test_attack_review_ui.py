"""Backups, restore and imports in the app, tried as a tired user would (review of issues
12 and 13): the app locks itself with dialogs open, then a restore from the lock screen;
the recovery page names each kept copy with the passphrase it opens with."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit

from moodlog.ui import backups as backups_ui
from moodlog.ui.widgets import show_message
from tests.conftest import PASSPHRASE
from tests.gui.helpers import create_vault_through_the_window

CLICK = Qt.MouseButton.LeftButton
MARKER = "MARKERgq4V"


def _texts_on_screen() -> list[str]:
    texts = []
    for window in QApplication.topLevelWidgets():
        if not shiboken6.isValid(window):
            continue
        for kind, read in (
            (QLabel, QLabel.text),
            (QLineEdit, QLineEdit.text),
            (QPlainTextEdit, QPlainTextEdit.toPlainText),
        ):
            texts += [read(w) for w in window.findChildren(kind) if shiboken6.isValid(w)]
    return texts


def test_auto_lock_with_the_import_and_restore_dialogs_open(qtbot, data_dir: Path, tmp_path):
    controller = create_vault_through_the_window(qtbot, data_dir)
    source = tmp_path / "daylio.csv"
    source.write_text(
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        f"2024-03-04,x,Mon,08:15,meh,,,{MARKER}\n",
        encoding="utf-8",
    )
    settings = controller.main_window.show_screen("Settings")
    qtbot.mouseClick(settings.import_button, CLICK)
    importer = settings.import_dialog
    importer.load_file(source, "daylio")
    assert importer.import_button.isEnabled()
    restore = controller.main_window.show_screen("Backups").open_restore()
    qtbot.keyClicks(restore.passphrase, PASSPHRASE)
    qtbot.mouseClick(restore.check_button, CLICK)
    assert restore.replace_button.isEnabled()

    controller.auto_lock()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert controller.vault is None
    assert not shiboken6.isValid(importer) and not shiboken6.isValid(restore)
    assert not any(MARKER in text or PASSPHRASE in text for text in _texts_on_screen())

    # Restore from the lock screen now: the automatic backup of this morning.
    controller.show_restore_dialog()
    dialog = backups_ui.open_restore_dialog.last
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.mouseClick(dialog.check_button, CLICK)
    qtbot.mouseClick(dialog.replace_button, CLICK)
    assert controller.vault is not None and controller.vault.entries.count() == 0
    assert "restored from" in show_message.last_box.text()
    controller.lock()
    controller.shutdown()


def test_recovery_page_does_not_promise_the_same_passphrase_for_a_kept_copy(qtbot, data_dir: Path):
    # Before: every "*.bak" beside the vault was called a copy made before an upgrade,
    # "(same passphrase)"; a journal kept at a restore opens with the passphrase it had.
    controller = create_vault_through_the_window(qtbot, data_dir)
    controller.lock()
    kept = data_dir / "moodlog.db.before-restore-20260101-120000.bak"
    upgrade = data_dir / "moodlog.db.v3-20250101-120000.bak"
    kept.write_bytes(b"")
    upgrade.write_bytes(b"")
    controller.show_recovery()
    text = controller.recovery_page.text.text()
    assert f"{upgrade.name} (same passphrase)" in text
    assert kept.name in text and f"{kept.name} (same passphrase)" not in text
    assert "the passphrase it had then" in text
    controller.shutdown()


def test_a_restore_from_the_lock_screen_leaves_no_passphrase_typed_there(qtbot, data_dir: Path):
    # The person typed their passphrase (shown), was told the journal is damaged, and
    # restored a backup instead. Before: the passphrase stayed typed in the hidden lock
    # window for the whole session, and after the next lock anyone could press Enter.
    controller = create_vault_through_the_window(qtbot, data_dir)
    controller.lock()
    page = controller.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    page.show_toggle.setChecked(True)
    controller.show_restore_dialog()
    dialog = backups_ui.open_restore_dialog.last
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.mouseClick(dialog.check_button, CLICK)
    qtbot.mouseClick(dialog.replace_button, CLICK)
    assert controller.vault is not None
    assert page.passphrase.text() == "" and not page.show_toggle.isChecked()
    assert PASSPHRASE not in _texts_on_screen()
    controller.lock()
    assert controller.lock_window.stack.currentWidget() is page
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert controller.vault is None  # nothing typed: Enter does not unlock
    controller.shutdown()


def test_enter_on_an_empty_passphrase_field_asks_for_the_passphrase(qtbot, data_dir: Path):
    # Before: SQLCipher refused the empty key with an error that reached the last-resort
    # handler ("Something went wrong inside moodlog").
    from moodlog.vault.connection import open_connection
    from moodlog.vault.errors import PassphraseRejected

    controller = create_vault_through_the_window(qtbot, data_dir)
    controller.lock()
    page = controller.unlock_page
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert controller.vault is None
    assert page.error_label.text() == "Please enter your passphrase."
    with pytest.raises(PassphraseRejected):
        open_connection(data_dir / "moodlog.db", "")
    controller.shutdown()
