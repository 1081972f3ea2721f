"""The one-writer lock when its file is not what moodlog made (review of issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from moodlog.vault.errors import VaultInUse
from moodlog.vault.lockfile import lock_path_for
from moodlog.vault.vault import Vault
from tests.conftest import PASSPHRASE
from tests.reliability.helpers import hold_open, make_vault


def test_a_lock_file_that_cannot_be_opened_for_writing_still_locks(tmp_path: Path):
    # A folder copied or synced back can bring a "moodlog.db.lock" that cannot be opened
    # for writing (read-only, or even a folder). Before: no lock was taken at all, and
    # a second moodlog unlocked the same vault silently.
    vault_path = tmp_path / "moodlog.db"
    make_vault(vault_path, days=2, note_length=10)
    lock = lock_path_for(vault_path)
    lock.unlink()
    lock.mkdir()
    holder = hold_open(vault_path)
    try:
        with pytest.raises(VaultInUse):
            Vault.open(vault_path, PASSPHRASE)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    with Vault.open(vault_path, PASSPHRASE) as vault:  # let in once the other has gone
        assert vault.entries.count() == 2


def test_a_drive_without_file_locks_still_opens_the_journal(tmp_path: Path, monkeypatch):
    # Some network and FUSE drives answer flock with "No locks available" (ENOLCK).
    # Before: that error escaped, and the journal could not be opened at all there.
    import errno
    import fcntl

    vault_path = tmp_path / "moodlog.db"
    make_vault(vault_path, days=1, note_length=10)

    def no_locks(fd: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    with Vault.open(vault_path, PASSPHRASE) as vault:
        assert vault.entries.count() == 1
