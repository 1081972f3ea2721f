"""The encrypted vault: keys, damage, migrations, durability, rekey."""

from __future__ import annotations

import datetime as dt
import os
import signal
import stat
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
import sqlcipher3

from moodlog.domain.entries import Entry
from moodlog.vault import connection as conn_mod
from moodlog.vault.errors import (
    DiskFull,
    PassphraseChangeFailed,
    PassphraseRejected,
    VaultDamaged,
    VaultExists,
    VaultTooNew,
    WrongPassphrase,
)
from moodlog.vault.migrations import LATEST_VERSION, MIGRATIONS
from moodlog.vault.vault import Vault
from tests.conftest import PASSPHRASE

MARKER = "ZEBRA-MARKER-7f3a9c"


def entry(note: str = "", day: dt.date = dt.date(2026, 3, 1), mood: int = 6) -> Entry:
    return Entry(day=day, time=dt.time(9, 30), mood=mood, note=note)


def fill(vault: Vault, days: int, note_length: int) -> None:
    """Enough daily entries to make the file many pages long."""
    with vault.transaction():
        for day in range(days):
            vault.entries.add(
                entry(note="x" * note_length, day=dt.date(2025, 1, 1) + dt.timedelta(day))
            )


def test_round_trip_keeps_every_field(vault: Vault):
    original = Entry(
        day=dt.date(2026, 3, 1),
        time=dt.time(21, 15),
        mood=4,
        anxiety=7,
        energy=None,
        irritability=0,
        sleep_hours=6.75,
        sleep_quality=None,
        tags=["exercise", "Yoga 🧘"],
        note="Ein Tag — مرحبا 🙂",
    )
    vault.entries.add(original)
    path = vault.path
    vault.close()
    with Vault.open(path, PASSPHRASE) as reopened:
        (loaded,) = reopened.entries.between()
    assert (
        loaded.day,
        loaded.time,
        loaded.mood,
        loaded.anxiety,
        loaded.energy,
        loaded.irritability,
        loaded.sleep_hours,
        loaded.sleep_quality,
    ) == (original.day, original.time, 4, 7, None, 0, 6.75, None)
    assert sorted(loaded.tags) == sorted(["exercise", "Yoga 🧘"])
    assert loaded.note == "Ein Tag — مرحبا 🙂"


def test_marker_is_not_in_the_file_or_its_journal(vault: Vault):
    vault.entries.add(entry(note=f"secret {MARKER} secret"))
    # Look at the files while a write transaction holds a hot journal, too.
    with vault.transaction():
        vault.entries.add(entry(note=f"second {MARKER}"))
        for side in vault.path.parent.iterdir():
            assert MARKER.encode() not in side.read_bytes(), side
    for side in vault.path.parent.iterdir():
        assert MARKER.encode() not in side.read_bytes(), side
        assert MARKER.encode("utf-16-le") not in side.read_bytes()


def test_pragmas_for_durability_and_hygiene(vault: Vault):
    conn = vault.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] in (2, 3)  # FULL or EXTRA
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_file_and_folder_are_private(vault: Vault):
    assert stat.S_IMODE(vault.path.stat().st_mode) == 0o600


def test_a_standard_sqlcipher4_client_opens_the_vault(vault: Vault):
    vault.entries.add(entry(note="portable"))
    path = vault.path
    vault.close()
    plain = sqlcipher3.connect(str(path))
    plain.execute(f"PRAGMA key = '{PASSPHRASE}'")  # defaults only: no settings of ours
    assert plain.execute("SELECT note FROM entries").fetchone()[0] == "portable"
    plain.close()


def test_wrong_passphrase_leaves_the_file_unchanged_and_is_quiet(vault: Vault, tmp_path: Path):
    vault.entries.add(entry(note="x"))
    path = vault.path
    vault.close()
    before = path.read_bytes()
    # SQLCipher logs from C; only a child process shows what reaches stderr.
    script = (
        "import sys\nfrom moodlog.vault.vault import Vault\nfrom moodlog.vault.errors import "
        "WrongPassphrase\ntry:\n    Vault.open(sys.argv[1], 'not the passphrase')\n"
        "except WrongPassphrase as e:\n    print('WRONG', e)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.startswith("WRONG Wrong passphrase")
    assert result.stderr == ""
    for _ in range(3):  # no lock-out: the right passphrase still works at once
        with pytest.raises(WrongPassphrase):
            Vault.open(path, "still wrong")
    assert path.read_bytes() == before
    Vault.open(path, PASSPHRASE).close()


@pytest.mark.parametrize(
    "passphrase",
    [
        "it's O'Brien's ''quoted'' pass",
        'double "quotes" and \\ backslash',
        "emoji 🔐🌈 and ümlauts",
        "  spaces at both ends  ",
        "'; DROP TABLE entries; --",
    ],
)
def test_passphrases_with_quotes_and_unicode(data_dir: Path, passphrase: str):
    path = data_dir / "moodlog.db"
    with Vault.create(path, passphrase) as v:
        v.entries.add(entry(note="ok"))
    with Vault.open(path, passphrase) as v:
        assert v.entries.count() == 1
    with pytest.raises(WrongPassphrase):
        Vault.open(path, passphrase + "x")


def test_nfd_and_nfc_spellings_open_the_same_vault(data_dir: Path):
    nfc = unicodedata.normalize("NFC", "café crème brûlée")
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    path = data_dir / "moodlog.db"
    Vault.create(path, nfc).close()
    Vault.open(path, nfd).close()


def test_short_passphrase_is_rejected(data_dir: Path):
    with pytest.raises(PassphraseRejected):
        conn_mod.check_new_passphrase("short")
    with pytest.raises(PassphraseRejected):
        conn_mod.check_new_passphrase("long enough 1", "long enough 2")


def test_create_refuses_to_overwrite(vault: Vault):
    before = vault.path.read_bytes()
    with pytest.raises(VaultExists):
        Vault.create(vault.path, "another passphrase")
    assert vault.path.read_bytes() == before


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", "empty"),
        (b"SQLite format 3\x00" + bytes(4080), "unencrypted"),
        (os.urandom(1000), "truncated"),
        (os.urandom(4096 * 3 + 17), "truncated"),
    ],
)
def test_damaged_or_foreign_files_are_named_and_untouched(
    data_dir: Path, content: bytes, words: str
):
    path = data_dir / "moodlog.db"
    path.write_bytes(content)
    with pytest.raises(VaultDamaged) as info:
        Vault.open(path, PASSPHRASE)
    assert str(path) in str(info.value)
    assert words in str(info.value)
    assert path.read_bytes() == content


def test_truncated_vault_is_reported_not_overwritten(vault: Vault):
    fill(vault, days=200, note_length=2000)
    path = vault.path
    vault.close()
    data = path.read_bytes()
    cut = data[: len(data) // 2 // 4096 * 4096]
    path.write_bytes(cut)
    with pytest.raises(VaultDamaged) as info:
        with Vault.open(path, PASSPHRASE) as v:
            v.check()
            v.entries.between()
    assert str(path) in str(info.value)
    assert path.read_bytes() == cut


def test_damaged_page_is_found_by_check(vault: Vault):
    fill(vault, days=100, note_length=3000)
    path = vault.path
    vault.close()
    data = bytearray(path.read_bytes())
    middle = len(data) // 2 // 4096 * 4096 + 100
    data[middle : middle + 32] = bytes(32)
    path.write_bytes(bytes(data))
    with pytest.raises(VaultDamaged):
        with Vault.open(path, PASSPHRASE) as v:
            v.check()


def _vault_at_version(path: Path, version: int) -> None:
    conn = conn_mod.create_connection(path, PASSPHRASE)
    v = Vault(path, conn)
    v._migrate(PASSPHRASE, make_backup=False, target_version=version)
    conn.execute(
        "INSERT INTO entries (day, time, mood, note, created_at) VALUES "
        "('2025-05-05', '08:00', 3, 'from an old version', '2025-05-05T08:00:00')"
    )
    v.close()


@pytest.mark.parametrize("version", range(1, LATEST_VERSION))
def test_migration_from_every_earlier_version(data_dir: Path, version: int):
    path = data_dir / "moodlog.db"
    _vault_at_version(path, version)
    with Vault.open(path, PASSPHRASE) as v:
        assert v.version == LATEST_VERSION
        assert [e.note for e in v.entries.between()] == ["from an old version"]
        assert [e.note for e in v.entries.search("old version")] == ["from an old version"]
        v.check()
    backups = list(data_dir.glob(f"moodlog.db.v{version}-*.bak"))
    assert len(backups) == 1
    assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600
    raw = conn_mod.open_connection(backups[0], PASSPHRASE)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == version
    assert raw.execute("SELECT note FROM entries").fetchone()[0] == "from an old version"
    raw.close()


def test_migrations_are_each_one_transaction(data_dir: Path, monkeypatch):
    path = data_dir / "moodlog.db"
    _vault_at_version(path, 1)
    broken = list(MIGRATIONS)
    broken[1] = MIGRATIONS[1] + "\nCREATE TABLE questionnaires (x);"  # fails halfway
    monkeypatch.setattr("moodlog.vault.vault.MIGRATIONS", broken)
    with pytest.raises(sqlcipher3.DatabaseError):
        Vault.open(path, PASSPHRASE)
    raw = conn_mod.open_connection(path, PASSPHRASE)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 1
    names = {r[0] for r in raw.execute("SELECT name FROM sqlite_master")}
    assert "entries_fts" not in names
    raw.close()
    # Not upgraded: the copy made before is the journal as it is, and goes (upgrade
    # review: on a full disk it stayed, taking the room the next try needed).
    assert not list(path.parent.glob("*.bak")) and not list(path.parent.glob(".moodlog-*"))


def test_the_copy_before_an_upgrade_is_whole_or_not_there(data_dir: Path, monkeypatch):
    """Upgrade review: a kill during the copy made before an upgrade left a broken file
    under the copy's own name (empty, or not a journal), kept for good; a second try in
    the same second then failed with "File exists". The copy is written under a temp
    name and renamed; a temp file a killed try left is removed at the next."""
    path = data_dir / "moodlog.db"
    _vault_at_version(path, LATEST_VERSION - 1)
    left = data_dir / ".moodlog-upgrade-4242.tmp"
    left.write_bytes(b"half a copy")  # what a kill during the copy left
    real = conn_mod.attach_encrypted_copy
    names: list[str] = []

    def copy(conn, target, passphrase):  # noqa: ANN001, ANN202
        names.append(Path(target).name)
        return real(conn, target, passphrase)

    monkeypatch.setattr(conn_mod, "attach_encrypted_copy", copy)
    with Vault.open(path, PASSPHRASE) as v:
        assert v.version == LATEST_VERSION
    assert names and names[0].startswith(".moodlog-upgrade-")  # never the copy's own name
    assert not left.exists() and not list(data_dir.glob(".moodlog-*"))
    (kept,) = data_dir.glob(f"moodlog.db.v{LATEST_VERSION - 1}-*.bak")
    raw = conn_mod.open_connection(kept, PASSPHRASE)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION - 1
    raw.close()


def test_vault_from_a_newer_moodlog_is_refused_untouched(vault: Vault):
    vault.conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    path = vault.path
    vault.close()
    before = path.read_bytes()
    with pytest.raises(VaultTooNew) as info:
        Vault.open(path, PASSPHRASE)
    assert "newer version" in str(info.value)
    assert path.read_bytes() == before
    assert not list(path.parent.glob("*.bak"))


def test_change_passphrase(vault: Vault):
    vault.entries.add(entry(note="kept"))
    vault.change_passphrase(PASSPHRASE, "a brand new passphrase", "a brand new passphrase")
    assert vault.entries.count() == 1  # still usable after the change
    path = vault.path
    vault.close()
    with pytest.raises(WrongPassphrase):
        Vault.open(path, PASSPHRASE)
    with Vault.open(path, "a brand new passphrase") as v:
        assert v.entries.between()[0].note == "kept"


def test_change_passphrase_needs_the_current_one(vault: Vault):
    with pytest.raises(WrongPassphrase):
        vault.change_passphrase("not it at all", "a brand new passphrase")
    vault.close()
    Vault.open(vault.path, PASSPHRASE).close()


def test_rekey_that_silently_does_nothing_is_not_reported_as_success(vault: Vault, monkeypatch):
    monkeypatch.setattr(conn_mod, "rekey", lambda conn, new: None)
    with pytest.raises(PassphraseChangeFailed):
        vault.change_passphrase(PASSPHRASE, "a brand new passphrase")
    vault.close()
    Vault.open(vault.path, PASSPHRASE).close()


def test_a_rekey_that_fails_on_a_full_disk_says_so(vault: Vault, monkeypatch):
    """Hardening review: a passphrase change that failed for want of room for its
    rollback journal said only "could not be changed" (SQLCipher hides the cause)."""
    import shutil
    from collections import namedtuple

    def refused(conn, new):  # noqa: ANN001, ANN202 - SQLCipher's own words
        raise sqlcipher3.OperationalError("An error occurred with PRAGMA key or rekey.")

    monkeypatch.setattr(conn_mod, "rekey", refused)
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda _folder: usage(10**9, 10**9 - 4096, 4096))
    with pytest.raises(DiskFull) as info:
        vault.change_passphrase(PASSPHRASE, "a brand new passphrase")
    assert str(info.value).startswith(
        "The passphrase was not changed (the old one still works): the disk is full."
    )
    monkeypatch.setattr(shutil, "disk_usage", lambda _folder: usage(10**12, 0, 10**12))
    with pytest.raises(PassphraseChangeFailed):  # room enough: no cause is guessed
        vault.change_passphrase(PASSPHRASE, "a brand new passphrase")
    vault.entries.add(entry(note="still usable"))
    vault.close()
    Vault.open(vault.path, PASSPHRASE).close()


WRITER = """
import datetime as dt, sys, time
from moodlog.vault.vault import Vault
from moodlog.domain.entries import Entry
v = Vault.open(sys.argv[1], sys.argv[2])
v.entries.add(Entry(day=dt.date(2026, 1, 2), time=dt.time(8, 0), mood=7, note="durable"))
print("committed", flush=True)
time.sleep(60)
"""


def test_committed_entry_survives_kill_9(vault: Vault):
    path = vault.path
    vault.close()
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), PASSPHRASE], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout.readline().strip() == "committed"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    with Vault.open(path, PASSPHRASE) as v:
        assert [e.note for e in v.entries.between()] == ["durable"]


def passphrases_that_open(path: Path, candidates: tuple[str, ...]) -> list[tuple[str, int]]:
    """Each candidate that opens the vault at ``path`` (integrity checked), with the
    number of entries it then holds."""
    working = []
    for candidate in candidates:
        try:
            with Vault.open(path, candidate) as v:
                v.check()
                working.append((candidate, v.entries.count()))
        except WrongPassphrase:
            pass
    return working


def kill_passwd_after(
    data_dir: Path, current: str, new: str, delay: float
) -> list[tuple[str, int]]:
    """Run ``moodlog passwd`` from ``current`` to ``new``, SIGKILL it after ``delay``
    seconds, and return :func:`passphrases_that_open` of the two."""
    process = subprocess.Popen(
        [sys.executable, "-m", "moodlog", "--data-dir", str(data_dir), "passwd"]
        + ["--passphrase-stdin"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    process.stdin.write(f"{current}\n{new}\n".encode())
    process.stdin.close()
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    return passphrases_that_open(data_dir / "moodlog.db", (current, new))


def test_passwd_killed_at_any_moment_leaves_exactly_one_passphrase_working(data_dir: Path):
    from moodlog.domain.demo import build_demo
    from moodlog.vault import bulk

    path = data_dir / "moodlog.db"
    with Vault.create(path, PASSPHRASE) as v:
        bulk.store(v, build_demo(days=3 * 365, end=dt.date(2026, 1, 1)))
    new = "the second passphrase"
    current = PASSPHRASE
    outcomes = set()
    for delay in (0.05, 0.2, 0.35, 0.45, 0.55, 0.65, 0.8, 1.2):
        working = kill_passwd_after(data_dir, current, new, delay)
        assert len(working) == 1, (delay, working)
        assert working[0][1] > 900
        outcomes.add(working[0][0] == new)
        if working[0][0] == new:
            current, new = new, current
    assert outcomes  # the loop ran; both outcomes are fine, neither is lost


REKEYER = """
import sys
from moodlog.vault import connection as c
conn = c.open_connection(sys.argv[1], sys.argv[2])
print("rekeying", flush=True)
c.rekey(conn, sys.argv[3])
print("done", flush=True)
"""


def test_rekey_killed_mid_transaction_leaves_exactly_one_passphrase_working(data_dir: Path):
    path = data_dir / "moodlog.db"
    with Vault.create(path, PASSPHRASE) as v:
        fill(v, days=1500, note_length=1500)
    current, new = PASSPHRASE, "the second passphrase"
    finished_before_kill = 0
    for delay in (0.0, 0.001, 0.003, 0.006, 0.01, 0.02, 0.04, 0.08):
        process = subprocess.Popen(
            [sys.executable, "-c", REKEYER, str(path), current, new],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert process.stdout.readline().strip() == "rekeying"
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        working = passphrases_that_open(path, (current, new))
        assert len(working) == 1, (delay, working)
        assert working[0][1] == 1500
        if working[0][0] == new:
            finished_before_kill += 1
            current, new = new, current
    # At least one kill landed before the rekey committed (the old key still worked).
    assert finished_before_kill < 8


def test_a_vault_name_linked_to_nothing_is_named_as_such(tmp_path: Path):
    """Hardening review: a link to a file not there (a drive not connected) read "no
    vault: run moodlog init", and init then failed with "file exists"."""
    from moodlog.vault.errors import BrokenLink
    from tests.conftest import run_cli

    folder = tmp_path / "journal"
    folder.mkdir()
    (folder / "moodlog.db").symlink_to(tmp_path / "usb-drive" / "moodlog.db")
    for command in ("check", "init"):
        done = run_cli(["--data-dir", str(folder), command, "--passphrase-stdin"], "pw long one\n")
        assert done.returncode != 0, command
        assert "is a link to" in done.stderr and "which is not there" in done.stderr
        assert "Traceback" not in done.stderr
    with pytest.raises(BrokenLink):
        Vault.open(folder / "moodlog.db", PASSPHRASE)
    with pytest.raises(BrokenLink):
        Vault.create(folder / "moodlog.db", PASSPHRASE)
    assert (folder / "moodlog.db").is_symlink()  # left as it is
    assert not (tmp_path / "usb-drive").exists()


def test_a_data_folder_linked_to_nothing_is_named_as_such(tmp_path: Path):
    """Diff review: with the data folder itself a link to a drive not connected, check
    said "no vault: run init" and init said "file exists"."""
    from tests.conftest import run_cli

    folder = tmp_path / "data"
    folder.symlink_to(tmp_path / "usb-drive" / "journal")
    checked = run_cli(["--data-dir", str(folder), "check", "--passphrase-stdin"], "pw long one\n")
    assert checked.returncode != 0
    assert f"{folder} is a link to" in checked.stderr and "which is not there" in checked.stderr
    made = run_cli(["--data-dir", str(folder), "init", "--passphrase-stdin"], "pw long one\n")
    assert made.returncode != 0 and "is the drive connected?" in made.stderr
    assert "file exists" not in made.stderr and "Traceback" not in made.stderr
    assert folder.is_symlink() and not (tmp_path / "usb-drive").exists()


def test_an_upgrade_on_a_full_disk_says_the_journal_was_not_opened(data_dir: Path, monkeypatch):
    """Upgrade review: unlocking said "Not saved: the disk is full", though the person
    had saved nothing; only tried to open the journal."""
    import contextlib

    path = data_dir / "moodlog.db"
    _vault_at_version(path, LATEST_VERSION - 1)

    @contextlib.contextmanager
    def full(self):  # noqa: ANN001, ANN202
        raise DiskFull()
        yield  # (a generator)

    monkeypatch.setattr(Vault, "transaction", full)
    with pytest.raises(DiskFull) as info:
        Vault.open(path, PASSPHRASE)
    assert str(info.value).startswith("The journal could not be opened: the disk is full.")
    assert not list(data_dir.glob("*.bak"))  # the copy made before: gone with the try


def test_an_old_journal_on_a_read_only_disk_says_why_and_what_to_do(
    data_dir: Path, monkeypatch
) -> None:
    """Failure review (stop 20): an older journal on a read-only disk said "The journal
    could not be opened: Read-only file system" (its one-time update keeps a copy beside
    it first), neither why nor what to do."""
    import errno
    import hashlib

    from moodlog.vault.errors import UpdateNeedsWriting

    path = data_dir / "moodlog.db"
    _vault_at_version(path, 1)
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    def read_only(self, passphrase, version):  # noqa: ANN001, ANN202
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(Vault, "_keep_before_upgrade", read_only)
    with pytest.raises(UpdateNeedsWriting) as caught:
        Vault.open(path, PASSPHRASE)
    text = str(caught.value)
    assert "made by an older moodlog" in text and "that disk is read-only" in text
    assert "Copy the journal" in text and "It has not been changed." in text
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    monkeypatch.undo()
    with Vault.open(path, PASSPHRASE) as vault:  # where it can write: updated as usual
        assert vault.version == LATEST_VERSION
