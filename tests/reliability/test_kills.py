"""SIGKILL at any moment: no acknowledged entry lost, the file sound, and a killed
``passwd`` leaves exactly one working passphrase."""

from __future__ import annotations

import datetime as dt
import random
import signal
import time
from pathlib import Path

from moodlog.vault.vault import Vault
from tests.conftest import PASSPHRASE
from tests.reliability.helpers import child
from tests.test_vault import kill_passwd_after

SAVER = """
import datetime as dt, sys
from moodlog.domain.entries import Entry
from moodlog.vault.vault import Vault
vault = Vault.open(sys.argv[1], sys.argv[2])
start = int(sys.argv[3])
print("ready", flush=True)
for n in range(start, start + 100000):
    vault.entries.add(
        Entry(day=dt.date(2026, 1, 1), time=dt.time(8), mood=n % 11, note=f"ack {n} " * 40)
    )
    vault.drafts.save("today", {"note": f"draft {n}"})
    print(n, flush=True)
"""


def test_thirty_kills_mid_save_lose_no_acknowledged_entry(data_dir: Path):
    path = data_dir / "moodlog.db"
    Vault.create(path, PASSPHRASE).close()
    rng = random.Random(30)
    acknowledged: set[int] = set()
    next_number = 0
    for _ in range(30):
        process = child(SAVER, str(path), PASSPHRASE, str(next_number))
        assert process.stdout.readline().strip() == "ready", process.stderr.read()
        time.sleep(rng.uniform(0, 0.03))
        process.send_signal(signal.SIGKILL)
        out, _ = process.communicate(timeout=30)
        acknowledged.update(int(line) for line in out.split())
        with Vault.open(path, PASSPHRASE) as vault:
            assert vault.integrity_problems() == []
            stored = {int(e.note.split()[1]) for e in vault.entries.between()}
            next_number = max(stored | acknowledged | {-1}) + 1
    assert acknowledged  # the kills did land after some saves
    assert acknowledged <= stored


def test_twenty_kills_mid_passwd_leave_exactly_one_passphrase(data_dir: Path):
    from moodlog.domain.demo import build_demo
    from moodlog.vault import bulk

    path = data_dir / "moodlog.db"
    with Vault.create(path, PASSPHRASE) as vault:
        bulk.store(vault, build_demo(days=365, end=dt.date(2026, 1, 1)))
        count = vault.entries.count()
    current, new = PASSPHRASE, "the second passphrase"
    changed = 0
    for delay in [0.1 + 0.05 * i for i in range(20)]:
        working = kill_passwd_after(data_dir, current, new, delay)
        assert len(working) == 1, (delay, working)
        assert working[0][1] == count
        if working[0][0] == new:
            changed += 1
            current, new = new, current
    assert changed < 20  # some kills landed before the change was made
