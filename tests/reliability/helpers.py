"""Shared by the reliability tests: vault fixtures, child processes, file hashes."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import sys
from pathlib import Path

from moodlog.domain.entries import Entry
from moodlog.vault.vault import Vault
from tests.conftest import PASSPHRASE


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def make_vault(path: Path, days: int = 120, note_length: int = 1500) -> None:
    """A closed vault many pages long (each entry with a note)."""
    with Vault.create(path, PASSPHRASE) as vault, vault.transaction():
        for day in range(days):
            vault.entries.add(
                Entry(
                    day=dt.date(2025, 1, 1) + dt.timedelta(day),
                    time=dt.time(9, 30),
                    mood=day % 11,
                    note=f"day {day} " + "x" * note_length,
                )
            )


def child(script: str, *args: str, **kwargs) -> subprocess.Popen:
    """A Python child running ``script`` with the project importable."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        **kwargs,
    )


HOLDER = """
import sys
from moodlog.vault.vault import Vault
vault = Vault.open(sys.argv[1], sys.argv[2])
print("open", flush=True)
sys.stdin.read()
"""


def hold_open(path: Path) -> subprocess.Popen:
    """Another moodlog process with the vault unlocked, until its stdin closes."""
    process = child(HOLDER, str(path), PASSPHRASE)
    assert process.stdout.readline().strip() == "open", process.stderr.read()
    return process
