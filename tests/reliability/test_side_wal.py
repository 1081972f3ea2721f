"""A ``-wal`` file beside the journal that moodlog did not make (failure review, high).

SQLite applies a ``-wal`` it finds beside a database at the first read, whatever mode the
file is in, and copies its pages into the file when the connection closes. One left by
another SQLCipher tool for another database (or written with another key) destroyed the
journal, and the message then said "Wrong passphrase. Nothing was changed". It is now
tried on a private copy first: kept when it belongs (a tool that crashed with changes
in it), renamed out of SQLite's way when it does not, and the person is told.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
import time
from dataclasses import replace
from pathlib import Path

import pytest
import sqlcipher3

from moodlog.domain.entries import Entry
from moodlog.vault import connection as conn_mod
from moodlog.vault.errors import SideFileInTheWay, VaultBusy, WrongPassphrase
from moodlog.vault.vault import Vault
from tests.conftest import PASSPHRASE, run_cli
from tests.reliability.helpers import child, make_vault, sha256

MARKER = "written-by-another-tool-7f3a"


def foreign_wal(folder: Path, key: str = "another key entirely") -> Path:
    """The ``-wal`` of another SQLCipher database, as it stands while that tool has it open."""
    other = folder / "other.db"
    conn = sqlcipher3.connect(str(other), isolation_level=None)
    conn.execute(f"PRAGMA key = {conn_mod.sql_string_literal(key)}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE t(x)")
    conn.execute("INSERT INTO t VALUES (zeroblob(20000))")
    copy = folder / "foreign.db-wal"
    shutil.copy(f"{other}-wal", copy)
    conn.close()
    return copy


@pytest.fixture
def journal(tmp_path) -> Path:
    path = tmp_path / "data" / "moodlog.db"
    path.parent.mkdir()
    make_vault(path, days=30, note_length=200)
    return path


def with_foreign_wal(journal: Path) -> Path:
    wal = conn_mod.side_wal(journal)
    shutil.copy(foreign_wal(journal.parent.parent), wal)
    return wal


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".moodlog-wal-check"))


def test_a_foreign_wal_is_set_aside_and_the_journal_opens_unchanged(journal):
    before = sha256(journal)
    wal = with_foreign_wal(journal)
    wal_bytes = wal.read_bytes()
    with Vault.open(journal, PASSPHRASE) as vault:
        assert len(vault.entries.between()) == 30
        assert len(vault.set_aside) == 1
        kept = vault.set_aside[0]
        assert kept.parent == journal.parent
        assert kept.name.startswith("moodlog.db-wal.not-applied-")
    assert not wal.exists()
    assert kept.read_bytes() == wal_bytes  # kept as it was, for whoever wrote it
    assert leftovers(journal.parent) == []
    # Byte for byte what moodlog saved (before the fix, page 1 was replaced by the other
    # database's), and it opens again, whole.
    assert sha256(journal) == before
    with Vault.open(journal, PASSPHRASE) as vault:
        vault.check()
        assert vault.set_aside == []


def test_before_the_fix_the_same_wal_destroyed_the_journal(journal, monkeypatch):
    """What the fix prevents, shown with the check taken out (so this test fails if
    SQLite ever stops applying a stray WAL, and the guard could go)."""
    with_foreign_wal(journal)
    monkeypatch.setattr(conn_mod, "settle_side_wal", lambda path, passphrase: None)
    with pytest.raises(WrongPassphrase):
        Vault.open(journal, PASSPHRASE)
    monkeypatch.undo()
    with pytest.raises(WrongPassphrase):  # the right passphrase no longer opens it
        Vault.open(journal, PASSPHRASE)


def test_a_wrong_passphrase_is_told_as_one_and_the_wal_is_left_alone(journal):
    before = sha256(journal)
    wal = with_foreign_wal(journal)
    wal_bytes = wal.read_bytes()
    with pytest.raises(WrongPassphrase):
        Vault.open(journal, "not the passphrase")
    assert sha256(journal) == before
    assert wal.read_bytes() == wal_bytes
    assert leftovers(journal.parent) == []


def left_by_a_crash_in_wal_mode(tmp_path: Path, journal: Path) -> Path:
    """A copy of ``journal`` and its ``-wal`` as another SQLCipher tool leaves them when it
    crashes in WAL mode after saving an entry (``MARKER``); their times kept."""
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    vault = Vault.open(journal, PASSPHRASE)
    vault.conn.execute("PRAGMA journal_mode = WAL")
    vault.conn.execute("PRAGMA wal_autocheckpoint = 0")
    with vault.transaction():
        vault.entries.add(Entry(day=dt.date(2025, 3, 1), time=dt.time(8), mood=6, note=MARKER))
    for suffix in ("", "-wal"):  # the files as they are at the crash
        shutil.copy2(f"{journal}{suffix}", crashed / f"moodlog.db{suffix}")
    vault.close()
    return crashed / "moodlog.db"


def test_a_wal_written_with_the_journals_own_key_is_applied(tmp_path, journal):
    """Another SQLCipher tool opened the journal in WAL mode, saved, and crashed before
    copying its changes into the file: those changes are the person's, and kept."""
    copy = left_by_a_crash_in_wal_mode(tmp_path, journal)
    crashed = copy.parent
    with Vault.open(copy, PASSPHRASE) as reopened:
        notes = [e.note for e in reopened.entries.between()]
        assert MARKER in notes
        assert reopened.set_aside == []
        assert reopened.conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert not conn_mod.side_wal(copy).exists()
    assert leftovers(crashed) == []


def test_a_wal_of_this_journal_come_back_from_earlier_is_set_aside(tmp_path, journal):
    """Diff review: a ``-wal`` another tool left on this journal, applied at the next
    unlock, then back again later from a copy (a synced folder, a copied folder): its pages
    fit, so the check passed, and the edits saved since were silently undone. One older
    than the journal's last save is set aside."""
    copy = left_by_a_crash_in_wal_mode(tmp_path, journal)
    stale = tmp_path / "old-copy-of-the-wal"
    shutil.copy2(conn_mod.side_wal(copy), stale)  # (the copy keeps its time, as syncs do)
    with Vault.open(copy, PASSPHRASE) as reopened:  # applied: it is the newest there
        assert reopened.set_aside == []
        with reopened.transaction():
            for entry in reopened.entries.between():
                reopened.entries.update(replace(entry, note="edited since"))
    os.utime(copy, ns=(time.time_ns(), time.time_ns() + 5_000_000_000))  # (coarse clocks)
    shutil.copy2(stale, conn_mod.side_wal(copy))  # back again, from earlier
    with Vault.open(copy, PASSPHRASE) as reopened:
        assert len(reopened.set_aside) == 1
        assert {e.note for e in reopened.entries.between()} == {"edited since"}
        reopened.check()


WAL_HOLDER = """
import sys
import sqlcipher3
from moodlog.vault.connection import apply_key
conn = sqlcipher3.connect(sys.argv[1], isolation_level=None)
apply_key(conn, sys.argv[2])
conn.execute("PRAGMA journal_mode = WAL")
conn.execute("PRAGMA wal_autocheckpoint = 0")
conn.execute("UPDATE entries SET mood = 7 WHERE id = 1")
print("open", flush=True)
sys.stdin.read()
conn.close()
"""


def test_a_wal_another_program_has_open_now_is_not_touched(journal):
    """A live WAL (another program has the journal open in WAL mode right now) is neither
    checked on a copy nor moved from under that program: "in use"."""
    other = child(WAL_HOLDER, str(journal), PASSPHRASE)
    wal = conn_mod.side_wal(journal)
    try:
        assert other.stdout.readline().strip() == "open", other.stderr.read()
        assert conn_mod.wal_in_use(journal)
        with pytest.raises(VaultBusy):
            Vault.open(journal, PASSPHRASE)
        assert wal.exists()
        assert leftovers(journal.parent) == []
    finally:
        other.communicate("", timeout=30)
    assert not conn_mod.wal_in_use(journal)
    with Vault.open(journal, PASSPHRASE) as vault:
        assert vault.set_aside == []
        assert vault.entries.between()[0].mood == 7  # its change, kept


def test_a_wal_that_cannot_be_moved_keeps_the_journal_closed(journal, monkeypatch):
    before = sha256(journal)
    wal = with_foreign_wal(journal)
    real_rename = os.rename

    def refuse(source, target):
        if str(source) == str(wal):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_rename(source, target)

    monkeypatch.setattr(conn_mod.os, "rename", refuse)
    with pytest.raises(SideFileInTheWay) as raised:
        Vault.open(journal, PASSPHRASE)
    message = str(raised.value)
    assert "moodlog.db-wal" in message and "has not been changed" in message
    assert "Move moodlog.db-wal to another folder" in message
    assert sha256(journal) == before and wal.exists()


def test_a_folder_named_like_a_wal_keeps_the_journal_closed(journal):
    before = sha256(journal)
    conn_mod.side_wal(journal).mkdir()
    with pytest.raises(SideFileInTheWay, match="not a plain file"):
        Vault.open(journal, PASSPHRASE)
    assert sha256(journal) == before


def test_no_room_for_the_check_copy_changes_nothing(journal, monkeypatch):
    before = sha256(journal)
    wal = with_foreign_wal(journal)

    def full(source, target):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(conn_mod, "_copy_private", full)
    with pytest.raises(OSError) as raised:
        Vault.open(journal, PASSPHRASE)
    assert raised.value.errno == errno.ENOSPC
    assert sha256(journal) == before and wal.exists()
    assert leftovers(journal.parent) == []
    monkeypatch.undo()
    with Vault.open(journal, PASSPHRASE) as vault:  # the lock was let go
        assert len(vault.set_aside) == 1


def test_an_empty_wal_is_harmless(journal):
    """An empty ``-wal`` holds no pages (SQLite leaves it be): nothing to check or move."""
    before = sha256(journal)
    wal = conn_mod.side_wal(journal)
    wal.write_bytes(b"")
    with Vault.open(journal, PASSPHRASE) as vault:
        assert vault.set_aside == [] and len(vault.entries.between()) == 30
        assert vault.conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert wal.read_bytes() == b""
    assert leftovers(journal.parent) == []
    with Vault.open(journal, PASSPHRASE):
        pass
    assert sha256(journal) == before


def test_a_killed_check_leaves_nothing_for_long(journal):
    stale = journal.parent / ".moodlog-wal-check-killed"
    stale.mkdir()
    (stale / "journal.db").write_bytes(journal.read_bytes())
    with_foreign_wal(journal)
    with Vault.open(journal, PASSPHRASE):
        pass
    assert leftovers(journal.parent) == []


def test_a_killed_check_is_cleared_even_once_the_wal_has_gone(journal):
    """Diff review: killed during the check (kill -9, a power cut), the copy of the journal
    stayed until the next check, and there is none once the ``-wal`` is gone (deleted by
    the person, or taken back by its program): it stayed for good, opening with the
    passphrase of then."""
    stale = journal.parent / ".moodlog-wal-check-killed"
    stale.mkdir()
    (stale / "journal.db").write_bytes(journal.read_bytes())
    assert not conn_mod.side_wal(journal).exists()
    with Vault.open(journal, PASSPHRASE):
        pass
    assert leftovers(journal.parent) == []


def test_two_set_aside_in_the_same_second_keep_both(journal):
    wal = conn_mod.side_wal(journal)
    now = dt.datetime(2026, 12, 1, 4, 30)
    first = conn_mod.set_aside_name(wal, now)
    first.write_bytes(b"x")
    second = conn_mod.set_aside_name(wal, now)
    assert second != first and second.name.startswith(first.name)


def test_the_command_line_says_what_it_set_aside(journal):
    with_foreign_wal(journal)
    result = run_cli(
        ["--data-dir", str(journal.parent), "check", "--passphrase-stdin"], PASSPHRASE + "\n"
    )
    assert result.returncode == 0, result.stderr
    assert "moodlog: note: A file beside your journal (moodlog.db-wal)" in result.stderr
    assert "moodlog.db-wal.not-applied-" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("kind", ["folder", "link"])
def test_an_odd_journal_side_file_is_named_at_unlock(journal, tmp_path, kind):
    """Failure review: a folder named ``moodlog.db-journal`` let the journal open, then
    every save said the folder could not be written to. SQLite needs that name for every
    save, so the journal is not opened, and the message names the file."""
    before = sha256(journal)
    side = Path(f"{journal}-journal")
    if kind == "folder":
        side.mkdir()
    else:
        side.symlink_to(tmp_path / "elsewhere")
    with pytest.raises(SideFileInTheWay) as raised:
        Vault.open(journal, PASSPHRASE)
    text = str(raised.value)
    assert "beside it is moodlog.db-journal" in text and "not a plain file" in text
    assert "Move moodlog.db-journal to another folder" in text
    assert sha256(journal) == before
    side.rmdir() if kind == "folder" else side.unlink()
    with Vault.open(journal, PASSPHRASE) as vault:
        assert len(vault.entries.between()) == 30


def test_a_journal_kept_at_a_restore_with_a_foreign_wal_still_opens(journal):
    """Diff review: a restore keeps the journal's side files beside the kept journal, the
    ``-wal`` as ``...before-restore-DATE.bak-wal``: a name SQLite reads. Checking that kept
    journal applied the other program's WAL and said "That passphrase does not open" it,
    so the person's own journal could not be restored with the right passphrase."""
    from moodlog.vault import backup

    with Vault.open(journal, PASSPHRASE) as vault:
        made = backup.write_backup(vault, journal.parent.parent / "backups").path
        vault.conn.execute("DELETE FROM entries WHERE id > 10")  # only in the journal now
    with_foreign_wal(journal)
    _, kept = backup.restore(made, PASSPHRASE, journal)
    assert Path(f"{kept}-wal").exists()  # kept for whoever wrote it
    summary = backup.inspect_backup(kept, PASSPHRASE)
    assert summary.counts["entries"] == 10
    assert not Path(f"{kept}-shm").exists()  # a check writes nothing beside the file
    backup.restore(kept, PASSPHRASE, journal)  # and it goes back, as checked
    with Vault.open(journal, PASSPHRASE) as vault:
        assert len(vault.entries.between()) == 10


def test_a_backup_is_checked_as_the_restore_puts_it_back_whatever_wal_is_beside_it(journal):
    """A ``-wal`` beside a backup (another tool opened it in WAL mode and crashed) is not
    what a restore copies: the check shows the backup file alone, so what it says is what
    comes back (before: it showed 5 entries, then the restore stopped with "it changed
    while it was being read")."""
    from moodlog.vault import backup

    with Vault.open(journal, PASSPHRASE) as vault:
        made = backup.write_backup(vault, journal.parent.parent / "backups").path
    tool = sqlcipher3.connect(str(made), isolation_level=None)
    conn_mod.apply_key(tool, PASSPHRASE)
    tool.execute("PRAGMA journal_mode = WAL")
    tool.execute("PRAGMA wal_autocheckpoint = 0")
    tool.execute("DELETE FROM entries WHERE id > 5")
    left = {suffix: Path(f"{made}{suffix}").read_bytes() for suffix in ("", "-wal")}
    tool.close()  # (this copies the WAL in: the files are put back as the crash left them)
    for suffix, data in left.items():
        Path(f"{made}{suffix}").write_bytes(data)
    summary = backup.inspect_backup(made, PASSPHRASE)
    backup.restore(made, PASSPHRASE, journal)
    with Vault.open(journal, PASSPHRASE) as vault:
        assert summary.counts["entries"] == len(vault.entries.between()) == 30
    assert not Path(f"{made}-shm").exists()
