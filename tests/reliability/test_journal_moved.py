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
