"""Encrypted backups and restore (issue 13): round trip, kills mid-backup, wrong
passphrases, files that are not backups, retention, the command line."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlcipher3

from moodlog.domain.demo import build_demo
from moodlog.domain.entries import Entry
from moodlog.preferences import PREFERENCES_RESET_NOTICE, Preferences
from moodlog.vault import backup, bulk
from moodlog.vault.errors import VaultInUse
from moodlog.vault.migrations import LATEST_VERSION
from moodlog.vault.vault import Vault
from tests.conftest import PASSPHRASE, run_cli

ROOT = Path(__file__).resolve().parents[1]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def filled_vault(data_dir: Path, days: int = 60) -> Vault:
    vault = Vault.create(data_dir / "moodlog.db", PASSPHRASE)
    bulk.store(vault, build_demo(end=dt.date(2026, 3, 1), days=days))
    return vault


def add_entry(vault: Vault, note: str) -> None:
    vault.entries.add(Entry(dt.date(2026, 3, 2), dt.time(9), 4, note=note))


def stray_temps(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if ".tmp" in p.name]


# -- round trip -----------------------------------------------------------------------


def test_backup_then_restore_gives_back_equal_content(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    folder = tmp_path / "backups"
    vault = filled_vault(data)
    before = bulk.load(vault)
    made = backup.write_backup(vault, folder)
    assert made.path.parent == folder and not made.automatic
    assert made.path.stat().st_mode & 0o777 == 0o600
    assert folder.stat().st_mode & 0o777 == 0o700
    assert b"SQLite format 3" not in made.path.read_bytes()[:16]
    add_entry(vault, "written after the backup")
    after = bulk.load(vault)
    vault.close()

    summary, kept = backup.restore(made.path, PASSPHRASE, data / "moodlog.db")
    assert summary.counts["entries"] == len(before.entries)
    restored = Vault.open(data / "moodlog.db", PASSPHRASE)
    try:
        assert bulk.load(restored) == before
        # Full-text search came along too.
        word = next(e.note.split()[0] for e in before.entries if e.note)
        assert restored.entries.search(word)
    finally:
        restored.close()
    assert (data / "moodlog.db").stat().st_mode & 0o777 == 0o600
    # The journal as it was is kept, whole, and opens with its passphrase.
    assert kept is not None and kept.name.startswith("moodlog.db.before-restore-")
    assert kept.stat().st_mode & 0o777 == 0o600
    old = Vault.open(kept, PASSPHRASE)
    try:
        assert bulk.load(old) == after
    finally:
        old.close()
    assert stray_temps(data) == [] and stray_temps(folder) == []


def test_separate_backup_passphrase_and_a_wrong_one(tmp_path: Path, vault: Vault):
    add_entry(vault, "only in this vault")
    made = backup.write_backup(vault, tmp_path / "b", passphrase="backup only secret")
    assert backup.inspect_backup(made.path, "backup only secret").counts["entries"] == 1
    vault_file = vault.path
    vault.close()
    original = sha256(vault_file)
    for wrong in (PASSPHRASE, "backup only secreT", ""):
        with pytest.raises(backup.WrongBackupPassphrase, match="Nothing was changed"):
            backup.restore(made.path, wrong, vault_file)
    assert sha256(vault_file) == original
    # (the mark beside the journal was made by its first backup, above)
    assert sorted(p.name for p in vault_file.parent.iterdir()) == [
        "moodlog.db",
        "moodlog.db.backup-mark",
        "moodlog.db.lock",
    ]
    summary, kept = backup.restore(made.path, "backup only secret", vault_file)
    assert summary.counts["entries"] == 1 and kept is not None
    Vault.open(vault_file, "backup only secret").close()  # it keeps the backup's passphrase


def test_summary_says_what_the_backup_holds(tmp_path: Path, vault: Vault):
    add_entry(vault, "one")
    vault.entries.add(Entry(dt.date(2025, 12, 24), dt.time(20), 6))
    made = backup.write_backup(vault, tmp_path / "b")
    summary = backup.inspect_backup(made.path, PASSPHRASE)
    assert summary.first_day == dt.date(2025, 12, 24)
    assert summary.last_day == dt.date(2026, 3, 2)
    assert summary.version == LATEST_VERSION
    assert "Records from 24 Dec 2025 to 02 Mar 2026." in summary.text()
    assert "2 check-ins" in summary.text()


# -- refusing what cannot be restored -------------------------------------------------------


def _encrypted_db(path: Path, passphrase: str, sql: list[str]) -> None:
    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = '{passphrase}'")
    for statement in sql:
        conn.execute(statement)
    conn.commit()
    conn.close()


def test_restore_refuses_a_newer_version_and_files_that_are_not_backups(
    tmp_path: Path, vault: Vault
):
    add_entry(vault, "mine")
    newer = backup.write_backup(vault, tmp_path / "b").path
    conn = sqlcipher3.connect(str(newer))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    vault_file = vault.path
    vault.close()
    original = sha256(vault_file)

    plain = tmp_path / "plain.db"
    conn = sqlcipher3.connect(str(plain))
    conn.execute("CREATE TABLE entries (x)")
    conn.commit()
    conn.close()
    other_app = tmp_path / "other-app.db"
    _encrypted_db(other_app, PASSPHRASE, ["CREATE TABLE notes (x)", "PRAGMA user_version = 3"])
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    text = tmp_path / "notes.txt"
    text.write_text("not a database at all\n")
    noise = tmp_path / "noise.db"
    noise.write_bytes(random.Random(1).randbytes(4096 * 3))

    cases = [
        (newer, backup.BackupTooNew, "newer version of moodlog"),
        (plain, backup.NotABackup, "unencrypted SQLite"),
        (other_app, backup.NotABackup, "not a moodlog journal"),
        (empty, backup.NotABackup, "empty"),
        (text, backup.NotABackup, "not a moodlog vault"),
        (noise, backup.WrongBackupPassphrase, "not a moodlog backup"),
        (tmp_path / "missing.db", backup.NotABackup, "no such file"),
        (tmp_path, backup.NotABackup, "not a file"),
    ]
    for path, error, words in cases:
        with pytest.raises(error, match=words) as caught:
            backup.restore(path, PASSPHRASE, vault_file)
        assert "Nothing was changed" in str(caught.value)
        assert sha256(vault_file) == original, path
    # (the mark beside the journal was made by its first backup, above)
    assert sorted(p.name for p in vault_file.parent.iterdir()) == [
        "moodlog.db",
        "moodlog.db.backup-mark",
        "moodlog.db.lock",
    ]


def test_restore_refuses_while_another_moodlog_has_the_vault_open(tmp_path: Path, vault: Vault):
    made = backup.write_backup(vault, tmp_path / "b")
    vault_file = vault.path
    vault.close()
    original = sha256(vault_file)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; "
            "from moodlog.vault.lockfile import VaultLock; "
            f"VaultLock.acquire(Path({str(vault_file)!r})); print('held', flush=True); "
            "time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(VaultInUse):
            backup.restore(made.path, PASSPHRASE, vault_file)
    finally:
        holder.kill()
        holder.wait()
    assert sha256(vault_file) == original
    assert stray_temps(vault_file.parent) == []


def test_side_files_of_the_old_vault_go_with_it(tmp_path: Path, vault: Vault):
    made = backup.write_backup(vault, tmp_path / "b")
    vault_file = vault.path
    vault.close()
    journal = vault_file.with_name("moodlog.db-journal")
    journal.write_bytes(b"a hot journal of the old vault")
    _, kept = backup.restore(made.path, PASSPHRASE, vault_file)
    assert not journal.exists()  # it would be rolled into the restored vault otherwise
    assert kept.with_name(kept.name + "-journal").read_bytes() == b"a hot journal of the old vault"
    Vault.open(vault_file, PASSPHRASE).close()


# -- a kill mid-backup leaves earlier backups intact -------------------------------------------

_CHILD = """
import sys, time
from pathlib import Path
from moodlog.vault import backup
from moodlog.vault.vault import Vault
vault = Vault.open(Path(sys.argv[1]), sys.argv[2])
folder = Path(sys.argv[3])
if sys.argv[4] == "at-fsync":
    def stuck(path):
        print("writing", flush=True)
        time.sleep(60)
    backup._fsync_file = stuck
    backup.write_backup(vault, folder)
else:
    print("writing", flush=True)
    while True:
        backup.write_backup(vault, folder)
"""


def _start_child(vault_file: Path, folder: Path, mode: str) -> subprocess.Popen:
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(vault_file), PASSPHRASE, str(folder), mode],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert child.stdout.readline().strip() == "writing"
    return child


def test_kill_during_backup_leaves_previous_backups_intact(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    folder = tmp_path / "backups"
    vault = filled_vault(data, days=150)
    earlier = [backup.write_backup(vault, folder, now=dt.datetime(2026, 1, d, 9)) for d in (1, 2)]
    vault.close()
    hashes = {b.path: sha256(b.path) for b in earlier}

    # Killed after writing, before the rename: the copy never gets a backup's name.
    child = _start_child(data / "moodlog.db", folder, "at-fsync")
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert [b.path for b in backup.list_backups(folder)] == [b.path for b in reversed(earlier)]
    assert stray_temps(folder)  # the half-made copy is only a temp file

    # Killed at random moments while backing up again and again.
    rng = random.Random(13)
    seen = {b.path for b in earlier}
    for _ in range(4):
        child = _start_child(data / "moodlog.db", folder, "loop")
        time.sleep(rng.uniform(0.0, 0.3))
        child.send_signal(signal.SIGKILL)
        child.wait()
        for made in backup.list_backups(folder):
            if made.path not in seen:  # every backup that got its name is whole
                backup.inspect_backup(made.path, PASSPHRASE)
                seen.add(made.path)
    for path, digest in hashes.items():
        assert sha256(path) == digest

    # The next backup clears the leftovers, once they are an hour old (a fresh one may
    # be another journal's backup being written into a shared folder).
    import os

    for name in stray_temps(folder):
        stamp = time.time() - 2 * 3600
        os.utime(folder / name, (stamp, stamp))
    with Vault.open(data / "moodlog.db", PASSPHRASE) as vault:
        backup.write_backup(vault, folder)
    assert stray_temps(folder) == []


# -- automatic backups, retention, reminder ----------------------------------------------------


def test_automatic_backup_once_a_day(tmp_path: Path, vault: Vault):
    folder = tmp_path / "b"
    first = backup.auto_backup(vault, folder, dt.datetime(2026, 3, 1, 8))
    assert first is not None and first.automatic
    assert first.path.name == f"moodlog-backup-2026-03-01-080000-auto-j{first.journal}.db"
    assert backup.auto_backup(vault, folder, dt.datetime(2026, 3, 1, 22)) is None
    assert backup.auto_backup(vault, folder, dt.datetime(2026, 3, 2, 7)) is not None
    assert len(backup.list_backups(folder)) == 2
    assert backup.last_backup_time(folder) == dt.datetime(2026, 3, 2, 7)


def test_keeps_seven_daily_and_four_weekly_automatic_backups(tmp_path: Path):
    folder = tmp_path / "b"
    folder.mkdir()
    start = dt.datetime(2026, 1, 1, 9)
    for day in range(60):
        made = start + dt.timedelta(days=day)
        name = f"moodlog-backup-{made:%Y-%m-%d-%H%M%S}-auto.db"
        (folder / name).write_bytes(b"x")
    by_hand = folder / "moodlog-backup-2025-06-01-120000.db"
    by_hand.write_bytes(b"x")
    (folder / "holiday-photo.jpg").write_bytes(b"x")
    removed = backup.prune(folder)
    left = backup.list_backups(folder)
    automatic = [b.made_at.date() for b in left if b.automatic]
    last = dt.date(2026, 3, 1)
    daily = [last - dt.timedelta(days=n) for n in range(7)]
    assert automatic[:7] == daily
    weekly = automatic[7:]
    assert len(weekly) == 4
    weeks = [d.isocalendar()[:2] for d in weekly]
    assert len(set(weeks)) == 4 and all(d < daily[-1] for d in weekly)
    assert len(removed) == 60 - 11
    assert by_hand.exists() and (folder / "holiday-photo.jpg").exists()


def test_reminder_after_fourteen_days_or_never(tmp_path: Path, vault: Vault):
    folder = tmp_path / "b"
    now = dt.datetime(2026, 3, 20, 10)
    assert "not been backed up yet" in backup.reminder_text(folder, now)
    backup.write_backup(vault, folder, now=dt.datetime(2026, 3, 7, 9))
    assert backup.reminder_text(folder, now) is None
    later = dt.datetime(2026, 3, 21, 9, 30)
    assert "07 Mar 2026" in backup.reminder_text(folder, later)


def test_a_backup_that_cannot_be_written_says_why_and_keeps_earlier_ones(
    tmp_path: Path, vault: Vault
):
    folder = tmp_path / "b"
    earlier = backup.write_backup(vault, folder, now=dt.datetime(2026, 1, 1))
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(backup.BackupFailed, match="not a folder"):
        backup.write_backup(vault, blocker)
    if os.geteuid() != 0:  # root may write anywhere
        os.chmod(folder, 0o500)
        try:
            with pytest.raises(backup.BackupFailed, match="may not write"):
                backup.write_backup(vault, folder)
        finally:
            os.chmod(folder, 0o700)
    assert backup.list_backups(folder)[0].path == earlier.path


def test_backup_folder_preference_round_trip_and_bad_values(tmp_path: Path):
    prefs = Preferences.load(tmp_path)
    assert prefs.backup_folder == "" and prefs.auto_backup is True
    prefs.backup_folder = "/media/usb/moodlog"
    prefs.auto_backup = False
    prefs.save(tmp_path)
    again = Preferences.load(tmp_path)
    assert again.backup_folder == "/media/usb/moodlog" and again.auto_backup is False
    (tmp_path / "preferences.json").write_text(
        json.dumps({"backup_folder": 7, "auto_backup": "yes"}), encoding="utf-8"
    )
    odd = Preferences.load(tmp_path)
    assert odd.backup_folder == "" and odd.auto_backup is True
    assert odd.notice == PREFERENCES_RESET_NOTICE


# -- command line -------------------------------------------------------------------------------


def test_cli_backup_and_restore(tmp_path: Path):
    data = tmp_path / "data"
    assert run_cli(["--data-dir", str(data), "init", "--passphrase-stdin"], PASSPHRASE + "\n")
    with Vault.open(data / "moodlog.db", PASSPHRASE) as vault:
        add_entry(vault, "in the backup")
    out = tmp_path / "my backup.db"
    made = run_cli(
        ["--data-dir", str(data), "backup", "--out", str(out), "--passphrase-stdin"],
        PASSPHRASE + "\n",
    )
    assert made.returncode == 0, made.stderr
    assert "does not re-encrypt" in made.stdout
    assert out.stat().st_mode & 0o777 == 0o600
    with Vault.open(data / "moodlog.db", PASSPHRASE) as vault:
        add_entry(vault, "after the backup")

    wrong = run_cli(
        ["--data-dir", str(data), "restore", str(out), "--passphrase-stdin"],
        f"{PASSPHRASE}\nnot the backup's\n",
    )
    assert wrong.returncode == 3
    assert "Nothing was changed" in wrong.stderr and "Traceback" not in wrong.stderr
    not_vault = run_cli(
        ["--data-dir", str(data), "restore", str(out), "--passphrase-stdin"],
        "not the vault's\n",
    )
    assert not_vault.returncode == 3
    dry = run_cli(
        ["--data-dir", str(data), "restore", str(out), "--dry-run", "--passphrase-stdin"],
        f"{PASSPHRASE}\n",
    )
    assert dry.returncode == 0 and "1 check-in" in dry.stdout
    with Vault.open(data / "moodlog.db", PASSPHRASE) as vault:
        assert vault.entries.count() == 2  # nothing changed so far

    # Line 2 missing: the backup's passphrase is the vault's.
    restored = run_cli(
        ["--data-dir", str(data), "restore", str(out), "--passphrase-stdin"], PASSPHRASE + "\n"
    )
    assert restored.returncode == 0, restored.stderr
    assert "1 check-in" in restored.stdout and "before-restore" in restored.stdout
    with Vault.open(data / "moodlog.db", PASSPHRASE) as vault:
        assert [e.note for e in vault.entries.between()] == ["in the backup"]
    assert len(list(data.glob("moodlog.db.before-restore-*.bak"))) == 1

    # A folder as --out gets a dated name; a separate passphrase comes from line 2.
    folder = tmp_path / "drive"
    folder.mkdir()
    separate = run_cli(
        [
            "--data-dir",
            str(data),
            "backup",
            "--out",
            str(folder),
            "--separate-passphrase",
            "--passphrase-stdin",
        ],
        f"{PASSPHRASE}\nbackup passphrase two\n",
    )
    assert separate.returncode == 0, separate.stderr
    (dated,) = backup.list_backups(folder)
    backup.inspect_backup(dated.path, "backup passphrase two")

    newer = tmp_path / "newer.db"
    newer.write_bytes(out.read_bytes())
    conn = sqlcipher3.connect(str(newer))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    refused = run_cli(
        ["--data-dir", str(data), "restore", str(newer), "--passphrase-stdin"], PASSPHRASE + "\n"
    )
    assert refused.returncode == 1 and "newer version" in refused.stderr
    assert len([ln for ln in refused.stderr.splitlines() if ln.strip()]) == 1

    into_vault = run_cli(
        [
            "--data-dir",
            str(data),
            "backup",
            "--out",
            str(data / "moodlog.db"),
            "--passphrase-stdin",
        ],
        PASSPHRASE + "\n",
    )
    assert into_vault.returncode == 1 and "must not be the vault" in into_vault.stderr


def test_cli_restore_onto_a_new_computer(tmp_path: Path, vault: Vault):
    add_entry(vault, "from the old laptop")
    made = backup.write_backup(vault, tmp_path / "usb")
    fresh = tmp_path / "new-laptop"
    result = run_cli(
        ["--data-dir", str(fresh), "restore", str(made.path), "--passphrase-stdin"],
        PASSPHRASE + "\n",
    )
    assert result.returncode == 0, result.stderr
    assert fresh.stat().st_mode & 0o777 == 0o700
    assert (fresh / "moodlog.db").stat().st_mode & 0o777 == 0o600
    with Vault.open(fresh / "moodlog.db", PASSPHRASE) as restored:
        assert restored.entries.between()[0].note == "from the old laptop"


_RESTORE_CHILD = """
import os, sys, time
from pathlib import Path
from moodlog.vault import backup
real_replace = os.replace
def stuck(source, target):
    print("replacing", flush=True)
    time.sleep(60)
backup.os.replace = stuck
backup.restore(Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]))
"""


def test_kill_during_restore_leaves_the_journal_whole(tmp_path: Path, vault: Vault):
    add_entry(vault, "in the backup")
    made = backup.write_backup(vault, tmp_path / "b")
    add_entry(vault, "only in the journal")
    vault_file = vault.path
    vault.close()
    original = sha256(vault_file)
    child = subprocess.Popen(
        [sys.executable, "-c", _RESTORE_CHILD, str(made.path), PASSPHRASE, str(vault_file)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert child.stdout.readline().strip() == "replacing"
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert sha256(vault_file) == original
    with Vault.open(vault_file, PASSPHRASE) as again:
        assert again.entries.count() == 2
    # The next restore clears the leftover copy and works.
    backup.restore(made.path, PASSPHRASE, vault_file)
    assert stray_temps(vault_file.parent) == []
    with Vault.open(vault_file, PASSPHRASE) as restored:
        assert [e.note for e in restored.entries.between()] == ["in the backup"]


def test_a_folder_on_a_drive_that_is_not_connected_is_not_created(tmp_path: Path, vault: Vault):
    unplugged = tmp_path / "media" / "usb-stick" / "moodlog"
    with pytest.raises(backup.BackupFailed, match="is the drive connected"):
        backup.write_backup(vault, unplugged)
    assert not (tmp_path / "media").exists()


def test_a_damaged_backup_is_not_taken_for_a_wrong_passphrase(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    vault = filled_vault(data, days=120)
    made = backup.write_backup(vault, tmp_path / "b")
    vault_file = vault.path
    vault.close()
    original = sha256(vault_file)
    damaged = bytearray(made.path.read_bytes())
    damaged[20:4000] = bytes(3980)  # the first page wrecked, the others whole
    made.path.write_bytes(bytes(damaged))
    with pytest.raises(backup.NotABackup, match="it is damaged"):
        backup.restore(made.path, PASSPHRASE, vault_file)
    with pytest.raises(backup.WrongBackupPassphrase):
        backup.restore(made.path, "another passphrase", vault_file)
    assert sha256(vault_file) == original


def test_two_journals_sharing_a_backup_folder_each_get_their_backups(tmp_path: Path):
    """Hardening review: with a laptop's and a desktop's journals backing up into one
    synced folder, the first unlocked each day made the only automatic backup; the other
    was never backed up, while its screen said "today". Each journal's backups now carry
    its mark; only its own count for it, and pruning never deletes another's."""
    folder = tmp_path / "shared"
    for name in ("laptop", "desktop"):
        (tmp_path / name).mkdir()
    laptop = Vault.create(tmp_path / "laptop" / "moodlog.db", PASSPHRASE)
    desktop = Vault.create(tmp_path / "desktop" / "moodlog.db", "another long passphrase")
    try:
        for day in range(1, 41):
            morning = dt.datetime(2026, 3, 1, 8) + dt.timedelta(days=day)
            assert backup.auto_backup(laptop, folder, morning) is not None
            evening = morning + dt.timedelta(hours=12)
            made = backup.auto_backup(desktop, folder, evening)
            assert made is not None, f"day {day}: the desktop was not backed up"
        marks = {backup.journal_mark(laptop.path.parent), backup.journal_mark(desktop.path.parent)}
        assert len(marks) == 2 and "" not in marks
        for vault in (laptop, desktop):
            mine = backup.list_backups(folder, backup.journal_mark(vault.path.parent))
            assert len(mine) == 11  # 7 daily + 4 weekly: each journal's own, kept
            assert {b.journal for b in mine} == {backup.journal_mark(vault.path.parent)}
        assert len(backup.list_backups(folder)) == 22
        last = backup.last_backup_time(folder, backup.journal_mark(desktop.path.parent))
        assert last == dt.datetime(2026, 4, 10, 20)
    finally:
        laptop.close()
        desktop.close()


def test_a_backup_that_fails_leaves_no_mark_and_an_old_unmarked_one_still_counts(
    tmp_path: Path, vault: Vault
):
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "moodlog-backup-2026-03-01-080000-auto.db").write_bytes(b"x")  # before marks
    assert backup.journal_mark(vault.path.parent) == ""
    assert not backup.backup_due(folder, dt.datetime(2026, 3, 1, 20), "")
    assert backup.parse_name("moodlog-backup-2026-03-01-080000-auto-j0a1b2c3d.db") == (
        dt.datetime(2026, 3, 1, 8),
        True,
    )
    (folder / "blocked").mkdir()
    with pytest.raises(backup.BackupFailed):
        backup.write_backup(vault, folder, target=folder / "blocked")
    assert backup.journal_mark(vault.path.parent) == ""  # (the file named: no mark made)
    made = backup.write_backup(vault, folder, now=dt.datetime(2026, 3, 2, 9))
    assert made.journal and backup.journal_mark(vault.path.parent) == made.journal
    # The unmarked automatic one is never pruned by a journal: its journal is not known.
    assert backup.prune(folder, made.journal) == []


def test_a_kept_copy_cut_short_is_removed(tmp_path: Path, monkeypatch):
    """Hardening review: on a disk without hard links that filled up, a restore left a
    partial ``moodlog.db.before-restore-....bak`` that looked like a whole kept journal."""
    import errno
    import os

    source = tmp_path / "moodlog.db"
    source.write_bytes(b"x" * 100_000)
    kept = tmp_path / "moodlog.db.before-restore-2026-11-30.bak"

    def no_links(*_args):  # noqa: ANN002, ANN202
        raise OSError(errno.EPERM, "Operation not permitted")

    def full_after_a_bit(src, dst, length=0):  # noqa: ANN001, ANN202
        dst.write(src.read(1000))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "link", no_links)
    monkeypatch.setattr(backup.shutil, "copyfileobj", full_after_a_bit)
    with pytest.raises(OSError):
        backup._keep_file(source, kept)
    assert not kept.exists() and source.stat().st_size == 100_000


def test_the_mark_belongs_to_the_journals_folder_not_its_contents(tmp_path: Path):
    """Final review: kept inside the vault, the mark came with a backup restored onto a
    new computer, so the desktop set up from the laptop's backup had the laptop's mark
    and was never backed up in the shared folder. The mark is a file beside the
    journal: a restore on the same computer keeps it, a new computer gets its own."""
    shared = tmp_path / "shared"
    laptop_dir, desktop_dir = tmp_path / "laptop", tmp_path / "desktop"
    for folder in (laptop_dir, desktop_dir):
        folder.mkdir()
    with Vault.create(laptop_dir / "moodlog.db", PASSPHRASE) as laptop:
        made = backup.write_backup(laptop, shared, now=dt.datetime(2026, 3, 1, 8))
    laptop_mark = backup.journal_mark(laptop_dir)
    assert made.journal == laptop_mark != ""
    assert (laptop_dir / backup.MARK_FILENAME).read_text().strip() == laptop_mark
    # A new computer: its journal restored from the laptop's backup.
    prepared = backup.prepare_restore(made.path, PASSPHRASE, desktop_dir / "moodlog.db")
    backup.finish_restore(prepared)
    with Vault.open(desktop_dir / "moodlog.db", PASSPHRASE) as desktop:
        assert backup.auto_backup(desktop, shared, dt.datetime(2026, 3, 1, 20)) is not None
    desktop_mark = backup.journal_mark(desktop_dir)
    assert desktop_mark not in ("", laptop_mark)
    # The laptop restores its own backup: its mark stays, its backups stay its own.
    prepared = backup.prepare_restore(made.path, PASSPHRASE, laptop_dir / "moodlog.db")
    backup.finish_restore(prepared)
    assert backup.journal_mark(laptop_dir) == laptop_mark
    assert [b.path for b in backup.list_backups(shared, laptop_mark)] == [made.path]


def test_a_fresh_temp_file_in_a_shared_folder_is_left_to_its_writer(tmp_path: Path, vault: Vault):
    """Final review: one journal's backup deleted the other's backup being written
    (it then failed with "is the drive connected?"). Only old leftovers are removed."""
    import os
    import time

    folder = tmp_path / "shared"
    folder.mkdir()
    writing = folder / ".moodlog-backup-abc.tmp"
    writing.write_bytes(b"another journal's backup, being written")
    left = folder / ".moodlog-backup-old.tmp"
    left.write_bytes(b"killed long ago")
    stamp = time.time() - 2 * 3600
    os.utime(left, (stamp, stamp))
    backup.write_backup(vault, folder)
    assert writing.exists() and not left.exists()


def test_a_backup_before_an_import_is_named_so_and_never_thinned_out(tmp_path: Path):
    """Final review: the backup made before an import was listed as "made by you"."""
    vault = filled_vault(tmp_path, days=10)
    folder = tmp_path / "backups"
    made = backup.write_backup(vault, folder, before_import=True, now=dt.datetime(2026, 3, 1, 9))
    assert "-import" in made.path.name and made.before_import and not made.automatic
    (listed,) = backup.list_backups(folder)
    assert listed.before_import and listed.kind == "before an import"
    assert listed.journal == made.journal and listed.journal
    for offset in range(1, 40):  # five weeks of daily automatic backups, thinned out
        backup.auto_backup(vault, folder, dt.datetime(2026, 3, 1, 9) + dt.timedelta(days=offset))
    assert len(backup.list_backups(folder)) < 40  # (the thinning did happen)
    assert made.path.exists()  # kept like one made by hand
    old = backup.write_backup(vault, folder, now=dt.datetime(2026, 5, 1, 9))
    assert old.kind == "made by you"
    vault.close()


def test_a_backup_dated_ahead_does_not_stop_the_daily_one(tmp_path: Path, vault: Vault):
    """Review finding: one automatic backup made while the clock read a year ahead
    stopped every daily backup and the reminder until that date came."""
    folder = tmp_path / "b"
    backup.write_backup(vault, folder, automatic=True, now=dt.datetime(2027, 11, 30, 9))
    now = dt.datetime(2026, 12, 1, 9)
    assert backup.backup_due(folder, now)
    assert "not been backed up yet" in backup.reminder_text(folder, now)
    made = backup.auto_backup(vault, folder, now)
    assert made is not None and made.made_at == now
    assert not backup.backup_due(folder, now + dt.timedelta(hours=2))
    assert backup.reminder_text(folder, dt.datetime(2026, 12, 20, 9)) is not None  # 19 days
    assert backup.last_backup_time(folder) == dt.datetime(2027, 11, 30, 9)  # still listed


def test_backups_dated_ahead_take_no_place_and_never_push_out_todays(tmp_path: Path, vault: Vault):
    """Diff review: with the clock a year ahead for five weeks, the future-dated daily
    backups filled the 7 days and 4 weeks, and every real day's backup was deleted as
    soon as it was made."""
    folder = tmp_path / "b"
    ahead = dt.datetime(2027, 11, 30, 9)
    for day in range(35):
        backup.auto_backup(vault, folder, ahead + dt.timedelta(days=day))
    future = {b.path for b in backup.list_backups(folder)}
    assert len(future) == 11  # 7 days and 4 weeks, by the rule, as of then
    for day in range(10):
        now = dt.datetime(2026, 12, 1, 9) + dt.timedelta(days=day)
        made = backup.auto_backup(vault, folder, now)
        assert made is not None and made.path.exists(), now
    left = backup.list_backups(folder)
    real = [b for b in left if b.path not in future]
    assert len(real) == 8  # 7 days, and the week before them
    assert future <= {b.path for b in left}  # kept, taking no place


@pytest.mark.parametrize("fails", ["replace", "keep side", "remove side"])
def test_a_restore_that_cannot_replace_the_journal_leaves_it_and_its_files_as_they_were(
    tmp_path: Path, monkeypatch, fails: str
):
    """Hard-conditions review: a journal that could not be replaced (made immutable)
    left a stray ``moodlog.db.before-restore-...bak`` beside a journal said to be "as it
    was". A side file SQLite left after a crash (its rollback journal) goes back too: it
    was taken away first, and a journal without it would lose its last write's undo."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    vault_path = data_dir / "moodlog.db"
    with Vault.create(vault_path, PASSPHRASE) as vault:
        vault.entries.add(Entry(day=dt.date(2026, 3, 1), time=dt.time(9), mood=4))
        made = backup.write_backup(vault, tmp_path / "backups", now=dt.datetime(2026, 3, 1, 9))
    (data_dir / "moodlog.db-journal").write_bytes(b"rollback journal left by a crash")
    (data_dir / "moodlog.db-wal").write_bytes(b"a write-ahead log")
    before = {p.name: p.read_bytes() for p in data_dir.iterdir()}
    prepared = backup.prepare_restore(made.path, PASSPHRASE, vault_path)
    real_replace, real_keep = os.replace, backup._keep_file

    def replace(source, target):  # noqa: ANN001, ANN202
        if Path(target) == vault_path:
            raise PermissionError(1, "Operation not permitted", str(target))
        return real_replace(source, target)

    def keep(source: Path, kept: Path) -> None:
        if source.name.endswith("-wal"):
            raise OSError(28, "No space left on device")
        real_keep(source, kept)

    real_unlink = Path.unlink

    def unlink(self: Path, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        if self.name == "moodlog.db-journal":  # (diff review: its kept copy stayed)
            raise PermissionError(13, "Permission denied", str(self))
        real_unlink(self, *args, **kwargs)

    if fails == "replace":
        monkeypatch.setattr(backup.os, "replace", replace)
    elif fails == "keep side":
        monkeypatch.setattr(backup, "_keep_file", keep)
    else:
        monkeypatch.setattr(Path, "unlink", unlink)
    with pytest.raises(backup.BackupError, match="Your journal is as it was"):
        backup.finish_restore(prepared, now=dt.datetime(2026, 3, 2, 9))
    monkeypatch.undo()
    after = {p.name: p.read_bytes() for p in data_dir.iterdir()}
    assert after == before  # no .bak, no temp file, the side files back, the journal the same
