"""A journal whose save was cut short (a hot rollback journal beside it) and then
replaced by a restore is kept with that side file. Restoring the kept copy must bring
back its last commit with its own passphrase (review finding: it was refused as
"damaged" or "wrong passphrase"), and must change neither the kept file nor its side
file."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import pytest

from moodlog.domain.entries import Entry
from moodlog.vault import backup
from moodlog.vault.connection import hot_journal
from moodlog.vault.errors import VaultError
from moodlog.vault.vault import Vault
from tests.conftest import PASSPHRASE, run_cli
from tests.reliability.helpers import child, sha256

CUT_SHORT = """
import os, sys
from moodlog.vault.vault import Vault
vault = Vault.open(sys.argv[1], sys.argv[2])
conn = vault.conn
conn.execute("PRAGMA cache_size = 2")  # spill pages into the file before the commit
conn.execute("BEGIN IMMEDIATE")
for n in range(3000):
    conn.execute("INSERT INTO tags(name) VALUES (?)", (f"never committed {n}",))
os._exit(0)
"""

COMMITTED_NOTES = {f"committed {n}" for n in range(5)}


@pytest.fixture
def kept(data_dir: Path) -> tuple[Path, Path]:
    """The vault file kept by a restore while a hot journal lay beside it, and the
    backup that was restored over it (empty)."""
    path = data_dir / "moodlog.db"
    with Vault.create(path, PASSPHRASE) as vault:
        empty = backup.write_backup(vault, data_dir / "backups")
        with vault.transaction():
            for note in sorted(COMMITTED_NOTES):
                vault.entries.add(
                    Entry(day=dt.date(2026, 1, 5), time=dt.time(9), mood=6, note=note)
                )
    process = child(CUT_SHORT, str(path), PASSPHRASE)
    _, errors = process.communicate(timeout=60)
    assert process.returncode == 0, errors
    assert hot_journal(path)
    _, kept_path = backup.restore(empty.path, PASSPHRASE, path)
    assert kept_path is not None
    assert hot_journal(kept_path)  # the side file was kept with it
    return kept_path, empty.path


def _notes(path: Path) -> set[str]:
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.integrity_problems() == []
        assert [t for t in vault.tags.names(include_hidden=True) if "never" in t] == []
        return {entry.note for entry in vault.entries.between()}


def test_the_kept_copy_is_checked_and_restored_as_of_its_last_commit(kept, data_dir: Path):
    kept_path, _ = kept
    side = Path(str(kept_path) + "-journal")
    before = (sha256(kept_path), sha256(side))
    summary = backup.inspect_backup(kept_path, PASSPHRASE)
    assert summary.counts["entries"] == len(COMMITTED_NOTES)
    assert summary.path == kept_path
    assert summary.size == kept_path.stat().st_size
    backup.restore(kept_path, PASSPHRASE, data_dir / "moodlog.db")
    assert _notes(data_dir / "moodlog.db") == COMMITTED_NOTES
    assert (sha256(kept_path), sha256(side)) == before  # the kept files are untouched
    leftovers = [p.name for p in data_dir.iterdir() if p.name.startswith(".moodlog-restore-")]
    assert leftovers == []


def test_a_wrong_passphrase_is_still_called_wrong(kept):
    kept_path, _ = kept
    before = sha256(kept_path)
    with pytest.raises(backup.WrongBackupPassphrase):
        backup.inspect_backup(kept_path, "not the passphrase at all")
    assert sha256(kept_path) == before
    assert hot_journal(kept_path)


def test_the_check_leaves_no_copy_in_the_temp_folder(kept, monkeypatch, tmp_path: Path):
    kept_path, _ = kept
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    backup.inspect_backup(kept_path, PASSPHRASE)
    with pytest.raises(backup.WrongBackupPassphrase):
        backup.inspect_backup(kept_path, "not the passphrase at all")
    assert list(scratch.iterdir()) == []


def test_a_full_disk_while_copying_changes_nothing(kept, monkeypatch, data_dir: Path):
    kept_path, _ = kept
    vault_path = data_dir / "moodlog.db"
    before = sha256(vault_path)
    real_copy = backup.shutil.copyfileobj

    def copy_then_fail(source, target, length=0):
        if getattr(source, "name", "").endswith("-journal"):
            raise OSError(28, "No space left on device")
        return real_copy(source, target, length)

    monkeypatch.setattr(backup.shutil, "copyfileobj", copy_then_fail)
    with pytest.raises(VaultError) as raised:
        backup.prepare_restore(kept_path, PASSPHRASE, vault_path)
    assert "disk is full" in str(raised.value) or "space" in str(raised.value)
    assert sha256(vault_path) == before
    names = [p.name for p in data_dir.iterdir()]
    assert [n for n in names if n.startswith(".moodlog-restore-")] == []


def test_the_command_line_restores_it(kept, data_dir: Path):
    kept_path, _ = kept
    result = run_cli(
        ["--data-dir", str(data_dir), "restore", str(kept_path), "--passphrase-stdin"],
        PASSPHRASE + "\n" + PASSPHRASE + "\n",
    )
    assert result.returncode == 0, result.stderr
    assert _notes(data_dir / "moodlog.db") == COMMITTED_NOTES
    assert os.stat(data_dir / "moodlog.db").st_mode & 0o777 == 0o600


def test_a_full_temp_folder_is_not_blamed_on_the_kept_copy(kept, monkeypatch):
    """Hardening review: with the temp folder full, the kept copy was called "not a
    moodlog backup that can be restored: the disk is full"; the file is fine."""
    import errno

    kept_path, _ = kept

    def no_room(*_args, **_kwargs) -> None:  # noqa: ANN002, ANN003
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup, "create_private_file", no_room)
    with pytest.raises(backup.BackupError) as info:
        backup.inspect_backup(kept_path, PASSPHRASE)
    assert not isinstance(info.value, backup.NotABackup)
    said = "could not be checked: a temporary copy to check it could not be made (the disk is full"
    assert said in str(info.value)
    monkeypatch.undo()
    # No room even for the temp folder itself (diff review: a raw OSError came out).
    monkeypatch.setattr(tempfile, "mkdtemp", no_room)
    with pytest.raises(backup.BackupError) as info:
        backup.inspect_backup(kept_path, PASSPHRASE)
    assert said in str(info.value)
