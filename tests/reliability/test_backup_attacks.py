"""Backups and restore tried as an attacker and a tired user would (review of issue 13):
a journal whose first bytes are damaged, a drive that refuses a write."""

from __future__ import annotations

from pathlib import Path

from moodlog.vault import backup
from moodlog.vault.vault import Vault
from tests.conftest import PASSPHRASE, run_cli
from tests.reliability.helpers import child, make_vault, sha256

BACKUP_PASSPHRASE = "the backup's 'own' \U0001f511 passphrase"


def test_cli_restores_over_a_journal_whose_first_bytes_are_damaged(tmp_path: Path):
    # Damage to the salt (the file's first 16 bytes) looks exactly like a wrong
    # passphrase. Before: `moodlog restore` refused with "Wrong passphrase", so the
    # backup could only be restored from the app's unlock screen.
    data = tmp_path / "data"
    data.mkdir()
    vault_path = data / "moodlog.db"
    make_vault(vault_path, days=5, note_length=10)
    with Vault.open(vault_path, PASSPHRASE) as vault:
        made = backup.write_backup(vault, tmp_path / "backups", BACKUP_PASSPHRASE)
    damaged = bytearray(vault_path.read_bytes())
    damaged[5] ^= 0xFF
    vault_path.write_bytes(bytes(damaged))
    before = sha256(vault_path)
    check = run_cli(["--data-dir", str(data), "check", "--passphrase-stdin"], PASSPHRASE + "\n")
    assert check.returncode == 3  # it looks like a wrong passphrase
    base = ["--data-dir", str(data), "restore", str(made.path), "--passphrase-stdin"]

    wrong_backup = run_cli(base, f"{PASSPHRASE}\nnot it\n")
    assert wrong_backup.returncode == 3, wrong_backup.stderr
    assert sha256(vault_path) == before  # nothing changed

    done = run_cli(base, f"{PASSPHRASE}\n{BACKUP_PASSPHRASE}\n")
    assert done.returncode == 0, done.stderr
    assert "did not open with that passphrase" in done.stderr
    assert "Traceback" not in done.stderr
    (kept,) = data.glob("moodlog.db.before-restore-*.bak")
    assert sha256(kept) == before  # the damaged journal, exactly as it was
    assert "kept exactly as it was" in done.stdout
    with Vault.open(vault_path, BACKUP_PASSPHRASE) as vault:
        assert vault.entries.count() == 5
    assert vault_path.stat().st_mode & 0o777 == 0o600


FILE_SIZE_LIMIT = """
import resource, signal, sys
from pathlib import Path
from moodlog.vault import backup
from moodlog.vault.vault import Vault
vault = Vault.open(sys.argv[1], sys.argv[2])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, resource.RLIM_INFINITY))
for separate in (None, "a separate one"):
    try:
        backup.write_backup(vault, Path(sys.argv[3]), separate)
    except backup.BackupFailed as error:
        print(error, flush=True)
"""


def test_a_backup_cut_short_by_the_drive_says_so(tmp_path: Path):
    # A file size limit (or a drive pulled out) makes SQLite report "disk I/O error".
    # Before: "the database reported an error", which tells the person nothing.
    vault_path = tmp_path / "moodlog.db"
    make_vault(vault_path, days=60)
    folder = tmp_path / "backups"
    folder.mkdir()
    process = child(FILE_SIZE_LIMIT, str(vault_path), PASSPHRASE, str(folder))
    out, err = process.communicate(timeout=60)
    lines = out.splitlines()
    assert len(lines) == 2, (out, err)
    for line in lines:
        assert "the drive could not be written to" in line
        assert "Earlier backups are untouched" in line
    assert list(folder.iterdir()) == []  # no temp file, no half backup


def test_cli_backup_never_replaces_the_journal_or_its_own_files(tmp_path: Path):
    # Before: only the vault and its "-journal"-style files were refused, so
    # `--out moodlog.db.before-restore-....bak` replaced the only copy of the journal
    # kept at a restore, and `--out moodlog.db.lock` replaced the one-writer lock file.
    data = tmp_path / "data"
    data.mkdir()
    make_vault(data / "moodlog.db", days=2, note_length=10)
    kept = data / "moodlog.db.before-restore-20260101-120000.bak"
    kept.write_bytes(b"the old journal")
    for name in ("moodlog.db", kept.name, "moodlog.db.lock", "moodlog.db-journal"):
        target = data / name
        before = target.read_bytes() if target.exists() else None
        result = run_cli(
            ["--data-dir", str(data), "backup", "--out", str(target), "--passphrase-stdin"],
            PASSPHRASE + "\n",
        )
        assert result.returncode == 1, (name, result.stdout)
        assert "must not be" in result.stderr and "Traceback" not in result.stderr
        assert (target.read_bytes() if target.exists() else None) == before
    one = run_cli(
        ["--data-dir", str(data), "backup", "--out", str(tmp_path / "b.db"), "--passphrase-stdin"],
        PASSPHRASE + "\n",
    )
    assert one.returncode == 0, one.stderr
    assert one.stdout.startswith("Backed up 2 entries to ")


def test_cli_on_a_journal_damaged_in_the_middle_says_it_is_damaged(tmp_path: Path):
    # Pages in the middle that fail their check are found only when read, after the
    # vault opened. Before: "unexpected error (DatabaseError)" from every export and
    # "the database reported an error" from backup.
    data = tmp_path / "data"
    data.mkdir()
    vault_path = data / "moodlog.db"
    make_vault(vault_path, days=120)
    damaged = bytearray(vault_path.read_bytes())
    pages = len(damaged) // 4096
    for page in (pages // 2, pages // 2 + 1):
        damaged[page * 4096 + 500] ^= 0xFF
    vault_path.write_bytes(bytes(damaged))
    before = sha256(vault_path)
    out = tmp_path / "out"
    out.mkdir()
    for args, words in (
        (["export", "json", "--out", str(out / "a.json")], "Your journal file is damaged"),
        (["export", "csv", "--out", str(out / "csv")], "Your journal file is damaged"),
        (["export", "fhir", "--out", str(out / "f.json")], "Your journal file is damaged"),
        (["backup", "--out", str(out)], "your journal file is damaged"),
    ):
        result = run_cli(["--data-dir", str(data), *args, "--passphrase-stdin"], PASSPHRASE + "\n")
        assert result.returncode == 1, (args, result.stdout)
        assert words in result.stderr, (args, result.stderr)
        assert "unexpected error" not in result.stderr and "Traceback" not in result.stderr
    assert list(out.iterdir()) == []
    assert sha256(vault_path) == before


def test_a_backup_leaves_other_peoples_and_odd_files_alone(tmp_path, monkeypatch):
    """Attacker review: the backup folder's cleanup deleted any old file named like a
    backup temp, whoever owned it and whatever kind it was (a shared folder, a link)."""
    import os
    import time

    from moodlog.paths import clear_stale_temps
    from moodlog.vault import backup

    folder = tmp_path / "shared"
    folder.mkdir()
    old = time.time() - 2 * 3600
    stale = folder / ".moodlog-backup-abc.tmp"
    stale.write_bytes(b"left by a killed backup")
    side = folder / ".moodlog-backup-abc.tmp-journal"
    side.write_bytes(b"its side file")
    fresh = folder / ".moodlog-backup-new.tmp"
    fresh.write_bytes(b"another journal's backup being written")
    target = tmp_path / "precious.txt"
    target.write_text("not moodlog's")
    link = folder / ".moodlog-backup-link.tmp"
    link.symlink_to(target)
    subfolder = folder / ".moodlog-backup-dir.tmp"
    subfolder.mkdir()
    for path in (stale, side, link, subfolder):  # an hour old and more; ``fresh`` is new
        os.utime(path, (old, old), follow_symlinks=False)
    real_scandir = os.scandir
    mine = os.getuid()

    class Foreign:
        """``os.DirEntry`` of a file owned by someone else."""

        def __init__(self, entry) -> None:  # noqa: ANN001
            self.entry, self.name, self.path = entry, entry.name, entry.path

        def stat(self, follow_symlinks: bool = True):  # noqa: ANN201
            info = self.entry.stat(follow_symlinks=follow_symlinks)
            return os.stat_result((info.st_mode, 0, 0, 1, mine + 1, 0, 0, 0, info.st_mtime, 0))

    foreign = folder / ".moodlog-backup-theirs.tmp"
    foreign.write_bytes(b"someone else's")
    os.utime(foreign, (old, old))

    def scandir(path):  # noqa: ANN001, ANN202
        return [Foreign(e) if e.name == foreign.name else e for e in real_scandir(path)]

    monkeypatch.setattr(os, "scandir", scandir)
    clear_stale_temps(folder, backup.TEMP_PREFIX)
    assert not stale.exists() and not side.exists()
    assert fresh.exists() and link.is_symlink() and subfolder.is_dir() and foreign.exists()
    assert target.read_text() == "not moodlog's"
