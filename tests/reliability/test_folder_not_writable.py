"""Hardening review: when SQLite cannot make the file every save needs beside the vault
(``moodlog.db-journal``: a disk out of inodes, a folder made read-only while moodlog
runs), its error "unable to open database file" was not recognised. Saves showed
"Something went wrong inside moodlog", and Today's 30-second draft timer showed it again
while the person typed."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import resource

import pytest
import sqlcipher3

from moodlog.domain.entries import Entry
from moodlog.preferences import Preferences
from moodlog.ui.context import AppContext
from moodlog.ui.today import TodayScreen
from moodlog.vault.errors import FolderNotWritable, StorageProblem, storage_problem
from moodlog.vault.vault import Vault
from tests.conftest import FakeClock

UNABLE = "unable to open database file"


def test_the_error_is_a_plain_storage_problem(vault: Vault):
    problem = storage_problem(sqlcipher3.OperationalError(UNABLE))
    assert isinstance(problem, FolderNotWritable) and isinstance(problem, StorageProblem)
    assert "folder cannot be written to, or its disk has no room for new files" in str(problem)
    with pytest.raises(FolderNotWritable), vault.transaction():
        raise sqlcipher3.OperationalError(UNABLE)
    vault.entries.add(Entry(dt.date(2026, 11, 1), dt.time(9), 5))  # usable again after it
    assert vault.entries.count() == 1


def test_a_real_failure_to_make_the_file_gives_the_plain_reason(vault: Vault):
    """The real SQLite error: the process may open no more files (as on a disk out of
    inodes or a read-only folder, SQLite cannot make ``moodlog.db-journal``)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    highest = max(int(fd) for fd in os.listdir("/proc/self/fd"))
    resource.setrlimit(resource.RLIMIT_NOFILE, (highest + 1, hard))
    held = []
    try:
        with contextlib.suppress(OSError):  # every free number below the limit taken
            while True:
                held.append(os.open(os.devnull, os.O_RDONLY))
        with pytest.raises(FolderNotWritable):
            vault.entries.add(Entry(dt.date(2026, 11, 1), dt.time(9), 5))
    finally:
        for fd in held:
            os.close(fd)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    assert vault.entries.count() == 0  # nothing half-written
    vault.entries.add(Entry(dt.date(2026, 11, 1), dt.time(9), 5))
    assert vault.entries.count() == 1


def test_todays_draft_timer_stays_quiet(qtbot, vault: Vault, data_dir, monkeypatch):
    """Any SQLite error in the background draft keeping is left for the lock or quit to
    ask about, never raised from the timer (which showed the box every 30 s)."""
    context = AppContext(
        vault=vault,
        data_dir=data_dir,
        preferences=Preferences(country="US"),
        now=FakeClock(dt.datetime(2026, 11, 30, 21)),
    )
    today = TodayScreen(context)
    qtbot.addWidget(today)
    today.form.note.setPlainText("typed while the folder could not be written")
    assert today.has_unsaved_changes()
    calls = []

    def failing(*_args, **_kwargs) -> None:  # noqa: ANN002, ANN003
        calls.append(1)
        raise sqlcipher3.OperationalError("some other SQLite error")

    monkeypatch.setattr(vault.drafts, "save", failing)
    today._keep_draft_now()  # noqa: SLF001 - what the timer calls
    assert calls == [1] and today.has_unsaved_changes()


def test_a_folder_path_too_long_for_sqlite_is_refused_and_leaves_nothing(tmp_path):
    """Hardening review: a data folder over SQLite's 512-byte path limit left an empty
    moodlog.db; the next start asked to unlock a journal that was never made."""
    from moodlog.vault.connection import LONGEST_FOLDER_PATH
    from moodlog.vault.errors import PathTooLong
    from tests.conftest import PASSPHRASE, run_cli

    base = tmp_path
    while len(os.fsencode(base)) + 121 <= LONGEST_FOLDER_PATH:
        base = base / ("ä" * 60)  # 120 bytes a level
    room = LONGEST_FOLDER_PATH - len(os.fsencode(base)) - 1
    at_limit, folder = base / ("a" * room), base / ("a" * (room + 1))
    assert len(os.fsencode(at_limit)) == LONGEST_FOLDER_PATH
    folder.mkdir(parents=True)
    with pytest.raises(PathTooLong, match=r"the path of its folder is too long \(\d+ bytes"):
        Vault.create(folder / "moodlog.db", PASSPHRASE)
    assert not (folder / "moodlog.db").exists()  # (the empty lock file stays, by design)
    done = run_cli(["--data-dir", str(folder), "init", "--passphrase-stdin"], PASSPHRASE + "\n")
    assert done.returncode != 0 and "Choose a folder with a shorter path" in done.stderr
    assert "Traceback" not in done.stderr and not (folder / "moodlog.db").exists()

    # A byte shorter the path fits, and the journal works there, its backups and its
    # restores too (their names are longer than the vault's).
    from moodlog.vault import backup

    at_limit.mkdir()
    with Vault.create(at_limit / "moodlog.db", PASSPHRASE) as vault:
        vault.entries.add(Entry(dt.date(2026, 11, 1), dt.time(9), 5))
        made = backup.auto_backup(vault, at_limit / "backups")
        assert made is not None and made.path.exists()
    prepared = backup.prepare_restore(made.path, PASSPHRASE, at_limit / "moodlog.db")
    assert backup.finish_restore(prepared) is not None
    with Vault.open(at_limit / "moodlog.db", PASSPHRASE) as vault:
        assert vault.entries.count() == 1


def test_a_backup_folder_path_too_long_is_said_plainly(tmp_path, vault: Vault):
    """Diff review: a backup folder chosen with a path too long for SQLite failed each
    day with "moodlog may not write to that folder"."""
    from moodlog.vault import backup

    folder = tmp_path
    while len(os.fsencode(folder)) <= backup.LONGEST_BACKUP_FOLDER_PATH:
        folder = folder / ("ä" * 60)
    with pytest.raises(backup.BackupFailed, match=r"the folder's path is too long \(\d+ bytes"):
        backup.write_backup(vault, folder)
    assert not folder.exists()  # nothing made on the way
