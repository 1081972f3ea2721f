"""Failure review (stop 20): the journal's file moved, renamed, replaced or deleted by
another program (a sync tool, a file manager) while moodlog had it open. Every save said
"the vault file or its folder cannot be written (read-only)", and after the lock the
window showed "Create your private journal" with no word about the journal that had
just been open."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import shiboken6

from moodlog.domain.entries import Entry
from moodlog.vault.errors import VaultMoved
from moodlog.vault.vault import Vault
from tests.conftest import PASSPHRASE

DAY = dt.date(2026, 11, 2)


def gone(path: Path, how: str) -> None:
    if how == "deleted":
        path.unlink()
    elif how == "moved":
        path.rename(path.with_name("elsewhere.db"))
    else:  # replaced by another journal of the same name
        other = path.with_name("other.db")
        Vault.create(other, PASSPHRASE).close()
        path.unlink()
        other.rename(path)


@pytest.mark.parametrize("how", ["deleted", "moved", "replaced"])
def test_a_save_says_the_file_is_gone_not_read_only(tmp_path: Path, how: str) -> None:
    path = tmp_path / "moodlog.db"
    vault = Vault.create(path, PASSPHRASE)
    try:
        vault.entries.add(Entry(DAY, dt.time(9), 5, note="first"))
        assert not vault.file_moved()
        gone(path, how)
        assert vault.file_moved()
        with pytest.raises(VaultMoved) as caught:
            vault.entries.add(Entry(DAY, dt.time(10), 6, note="second"))
        text = str(caught.value)
        assert "moved, renamed, replaced or deleted by another program" in text
        assert "read-only" not in text
        assert "make a backup now on the Backups screen" in text
        assert vault.entries.count() == 1  # the open journal still reads
    finally:
        vault.close()


def test_the_lock_screen_says_the_journal_is_gone(qtbot, data_dir: Path) -> None:
    from tests.gui.helpers import create_vault_through_the_window

    controller = create_vault_through_the_window(qtbot, data_dir)
    try:
        path = controller.vault.path
        path.unlink()
        assert controller.lock() is True
        page = controller.lock_window.stack.currentWidget()
        assert page is controller.create_page  # no file: the page to make one
        assert page.error_label.text().startswith(
            "Your journal is no longer where moodlog keeps it: another program moved, "
            "renamed, replaced or deleted its file while it was open."
        )
    finally:
        controller.shutdown()


def test_a_journal_cut_to_nothing_while_open_is_not_called_safe(qtbot, data_dir: Path) -> None:
    """The file emptied by another program while open: a save's "no such table" brought
    "Something went wrong inside moodlog. Everything you had saved is safe in your
    encrypted journal." Now the journal is locked and the recovery page says what to do."""
    import os

    import moodlog.ui.application as application
    from tests.gui.helpers import create_vault_through_the_window

    controller = create_vault_through_the_window(qtbot, data_dir)
    try:
        today = controller.main_window.screen("Today")
        today.form.mood.set_value(5)
        assert today.save()
        os.truncate(controller.vault.path, 0)
        today.form.mood.set_value(6)
        with pytest.raises(Exception) as caught:  # noqa: PT011 - whatever SQLite raises
            today.save()
        assert not isinstance(caught.value, AssertionError)
        application.report_unexpected_error(type(caught.value), caught.value, None)
        assert controller.vault is None
        page = controller.lock_window.stack.currentWidget()
        assert type(page).__name__ == "RecoveryPage"
        box = getattr(application.report_unexpected_error, "last_box", None)
        assert box is None or not shiboken6.isValid(box) or not box.isVisible()
    finally:
        controller.shutdown()


MARKER = "only-in-the-open-journal-5c1e"


def _backups_holding_the_marker(folder: Path) -> list[Path]:
    from moodlog.vault.connection import open_connection

    found = []
    for path in sorted(folder.glob("moodlog-backup-*.db")):
        conn = open_connection(path, PASSPHRASE)
        try:
            notes = [row[0] for row in conn.execute("SELECT note FROM entries")]
        finally:
            conn.close()
        if MARKER in notes:
            found.append(path)
    return found


@pytest.mark.parametrize("how", ["deleted", "moved"])
def test_the_idle_lock_backs_up_a_journal_whose_file_went(qtbot, data_dir: Path, how) -> None:
    """Failure review: after the file was deleted while open, the advice "make a backup
    now before you lock" could be overtaken by the idle lock, and what was written since
    the last backup went with the key. The lock now makes that backup itself."""
    from tests.gui.helpers import create_vault_through_the_window

    controller = create_vault_through_the_window(qtbot, data_dir, idle_ms=1500)
    try:
        controller.vault.entries.add(Entry(DAY, dt.time(9), 5, note=MARKER))
        gone(controller.vault.path, how)
        qtbot.waitUntil(lambda: controller.vault is None, timeout=8000)
        kept = _backups_holding_the_marker(data_dir / "backups")
        assert len(kept) == 1
        text = controller.lock_window.stack.currentWidget().error_label.text()
        assert text.startswith("Your journal is no longer where moodlog keeps it")
        assert "restore your latest backup with “Restore from a backup…”." in text
        assert (
            f"Your latest backup, made just now, holds everything it had: {kept[0].name}, "
            f"in {kept[0].parent}."
        ) in text
        assert text.count("Restore from a backup") == 1  # said once (a tired reader)
    finally:
        controller.shutdown()


def test_quitting_backs_up_a_journal_whose_file_was_deleted(qtbot, data_dir: Path) -> None:
    from tests.gui.helpers import create_vault_through_the_window

    controller = create_vault_through_the_window(qtbot, data_dir)
    controller.vault.entries.add(Entry(DAY, dt.time(9), 5, note=MARKER))
    controller.vault.path.unlink()
    controller.shutdown()
    assert len(_backups_holding_the_marker(data_dir / "backups")) == 1


def test_a_journal_still_in_place_is_not_backed_up_at_the_lock(qtbot, data_dir: Path) -> None:
    from tests.gui.helpers import create_vault_through_the_window

    controller = create_vault_through_the_window(qtbot, data_dir)
    before = sorted((data_dir / "backups").glob("*.db")) if (data_dir / "backups").exists() else []
    controller.vault.entries.add(Entry(DAY, dt.time(9), 5, note=MARKER))
    assert controller.lock() is True
    controller.shutdown()
    after = sorted((data_dir / "backups").glob("*.db")) if (data_dir / "backups").exists() else []
    assert after == before


def test_a_backup_that_cannot_be_made_at_the_lock_is_said(qtbot, data_dir: Path) -> None:
    """Diff review: when that backup could not be made (the backup folder's drive not
    there, a full disk), the lock screen said nothing of it, after the advice had said
    moodlog backs the journal up as it locks: the person took it as done."""
    from tests.gui.helpers import create_vault_through_the_window

    controller = create_vault_through_the_window(qtbot, data_dir)
    try:
        controller.preferences.backup_folder = str(data_dir / "unplugged-drive" / "backups")
        controller.vault.entries.add(Entry(DAY, dt.time(9), 5, note=MARKER))
        gone(controller.vault.path, "moved")
        assert controller.lock() is True
        text = controller.lock_window.stack.currentWidget().error_label.text()
        assert text.startswith("Your journal is no longer where moodlog keeps it")
        assert "moodlog tried to keep what your journal held until now as a backup, but " in text
        assert "The backup could not be made: " in text
        assert "put that file back" in text
        assert not (data_dir / "unplugged-drive").exists()
    finally:
        controller.shutdown()
