"""Deleted and edited-out note words leave the vault's pages at once.

The file is decrypted page by page (free pages and stale search-index segments
included), so this sees what an attacker with the passphrase and the file would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from moodlog.domain.entries import Entry
from moodlog.vault import connection as conn_mod
from moodlog.vault.migrations import MIGRATIONS
from moodlog.vault.vault import Vault
from tests.conftest import PASSPHRASE
from tests.reliability.sqlcipher_pages import decrypted_pages, looks_decrypted

GONE = "qzvelvetgone"  # a word no other note shares a prefix with
EDITED = "qxjadeedited"


def pages_holding(path: Path, word: str) -> int:
    pages = decrypted_pages(path, PASSPHRASE)
    assert looks_decrypted(pages[0])
    return sum(word.encode() in page for page in pages)


def open_as_it_is(path: Path) -> Vault:
    """Open without migrating (to act as an older moodlog would)."""
    return Vault(path, conn_mod.open_connection(path, PASSPHRASE))


def open_and_migrate(path: Path) -> Vault:
    return Vault.open(path, PASSPHRASE)


def write_then_remove(vault: Vault, reopen=open_and_migrate) -> None:  # noqa: ANN001
    for day in range(1, 30):
        vault.entries.add(
            Entry(day=dt.date(2026, 1, day), time=dt.time(9), mood=5, note=f"ordinary day {day}")
        )
    doomed = Entry(day=dt.date(2026, 2, 1), time=dt.time(9), mood=3, note=f"{GONE} secret")
    vault.entries.add(doomed)
    edited = Entry(day=dt.date(2026, 2, 2), time=dt.time(9), mood=4, note=f"{EDITED} private")
    vault.entries.add(edited)
    path = vault.path
    vault.close()
    assert pages_holding(path, GONE) > 0  # the decryption really sees note words
    assert pages_holding(path, EDITED) > 0
    with reopen(path) as again:
        again.entries.delete(doomed.id)
        edited.note = "nothing to see"
        again.entries.update(edited)


def test_deleted_and_edited_out_words_are_gone_from_every_decrypted_page(vault: Vault):
    path = vault.path
    write_then_remove(vault)
    assert pages_holding(path, GONE) == 0
    assert pages_holding(path, EDITED) == 0
    with Vault.open(path, PASSPHRASE) as again:
        assert again.entries.search("ordinary") and not again.entries.search(GONE)
        assert again.conn.execute("PRAGMA secure_delete").fetchone()[0] == 1


def old_vault_with_deleted_words(data_dir: Path) -> Path:
    """A vault just before the secure-delete migration, where words were written,
    then deleted or edited out, by a moodlog of that version (no migration)."""
    before = next(i for i, script in enumerate(MIGRATIONS) if "secure-delete" in script)
    path = data_dir / "moodlog.db"
    old = Vault(path, conn_mod.create_connection(path, PASSPHRASE))
    old._migrate(PASSPHRASE, make_backup=False, target_version=before)
    old.close()
    write_then_remove(open_as_it_is(path), open_as_it_is)
    return path


def test_without_fts_secure_delete_the_words_would_stay(data_dir: Path):
    """The same steps on a vault just before the secure-delete migration: the
    search index keeps the deleted words (what the migration fixes)."""
    path = old_vault_with_deleted_words(data_dir)
    assert pages_holding(path, GONE) > 0


def test_migrating_an_old_vault_purges_words_of_earlier_deletions(data_dir: Path):
    path = old_vault_with_deleted_words(data_dir)
    assert pages_holding(path, GONE) > 0
    Vault.open(path, PASSPHRASE).close()  # migrates
    assert pages_holding(path, GONE) == 0
