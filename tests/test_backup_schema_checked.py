"""Attacker review (stop 13): a backup that holds more than a journal is refused.

A "backup" with one trigger added (AFTER INSERT ON entries ... SET mood = 10) was
restored without a word; every mood saved afterwards was stored as 10, and the
integrity check said ok."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
import sqlcipher3

from moodlog.domain.entries import Entry
from moodlog.vault import backup
from moodlog.vault.migrations import LATEST_VERSION
from moodlog.vault.vault import Vault
from tests.conftest import PASSPHRASE

EVIL = [
    "CREATE TRIGGER zz AFTER INSERT ON entries BEGIN "
    "UPDATE entries SET mood = 10 WHERE id = NEW.id; END",
    "CREATE VIEW v AS SELECT note FROM entries",
    "CREATE INDEX extra ON entries(note)",
    "CREATE TABLE extra(x)",
    # the journal's own trigger, changed
    "DROP TRIGGER entries_fts_insert",
]


def altered_backup(tmp_path: Path, vault: Vault, statement: str) -> Path:
    made = backup.write_backup(vault, tmp_path / "backups").path
    conn = sqlcipher3.connect(str(made))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute(statement)
    conn.commit()
    conn.close()
    return made


def test_a_true_backup_matches_what_the_migrations_make(tmp_path: Path, vault: Vault) -> None:
    made = backup.write_backup(vault, tmp_path / "backups").path
    assert backup.inspect_backup(made, PASSPHRASE).counts is not None
    schema = backup.expected_schema(LATEST_VERSION)
    assert ("trigger", "entries_fts_insert") in {(kind, name) for kind, name, _ in schema}
    assert len(backup.expected_schema(1)) < len(schema)  # an older journal holds less


@pytest.mark.parametrize("statement", EVIL)
def test_an_altered_backup_is_refused_and_nothing_changes(
    tmp_path: Path, vault: Vault, statement: str
) -> None:
    vault.entries.add(Entry(day=dt.date(2026, 11, 30), time=dt.time(9), mood=3))
    evil = altered_backup(tmp_path, vault, statement)
    journal = vault.path
    vault.close()
    before = hashlib.sha256(journal.read_bytes()).hexdigest()
    with pytest.raises(backup.NotABackup) as refused:
        backup.restore(evil, PASSPHRASE, journal)
    assert "it may have been altered" in str(refused.value)
    assert hashlib.sha256(journal.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in journal.parent.iterdir() if p.name.startswith("moodlog.db")) == [
        "moodlog.db",
        "moodlog.db.backup-mark",  # (made by the backup that was then altered)
        "moodlog.db.lock",
    ]
