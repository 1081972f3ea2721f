"""Hardening review: a passphrase change that fails part-way (a full disk; here a file
size limit, so no small file system is needed) said "the old passphrase still works",
but the open connection then wrote with the new key: the next save left the journal
damaged, opened by neither passphrase."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from pathlib import Path

from moodlog.domain.entries import Entry
from moodlog.vault.vault import Vault
from tests.conftest import PASSPHRASE

CHILD = textwrap.dedent(
    """
    import datetime as dt, resource, signal, sys
    from pathlib import Path
    from moodlog.domain.entries import Entry
    from moodlog.vault.vault import Vault
    path, passphrase = Path(sys.argv[1]), sys.argv[2]
    vault = Vault.open(path, passphrase)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG)
    size = path.stat().st_size
    _, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))  # the rekey journal cannot fit
    try:
        vault.change_passphrase(passphrase, "a brand new passphrase")
    except Exception as error:
        print("rekey failed:", type(error).__name__, error)
    resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))  # room again: the next save
    vault.entries.add(Entry(day=dt.date(2026, 11, 30), time=dt.time(21), mood=5, note="after"))
    vault.close()
    """
)


def test_a_save_after_a_failed_passphrase_change_keeps_the_journal_whole(tmp_path: Path):
    path = tmp_path / "moodlog.db"
    with Vault.create(path, PASSPHRASE) as vault:
        for day in range(1, 29):
            note = "words " * 400
            vault.entries.add(Entry(day=dt.date(2026, 2, day), time=dt.time(9), mood=5, note=note))
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), PASSPHRASE],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert "rekey failed" in result.stdout, result.stdout + result.stderr
    assert "the old passphrase still works" in result.stdout or "not changed" in result.stdout
    assert result.returncode == 0, result.stderr
    with Vault.open(path, PASSPHRASE) as vault:  # before the fix: VaultDamaged
        assert vault.entries.count() == 29
        assert vault.integrity_problems() == []
