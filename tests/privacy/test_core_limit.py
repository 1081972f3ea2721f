"""Issue 12 #5, checked from outside: the real entry points (`python -m moodlog`, GUI and
command line) run with a core-file limit of 0, even when started with core dumps allowed,
so a crash never writes decrypted journal text or the passphrase to disk."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest


def _allow_core_dumps() -> None:  # runs in the child before moodlog starts
    _, hard = resource.getrlimit(resource.RLIMIT_CORE)
    resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))


def _core_limit(pid: int) -> str:
    for line in Path(f"/proc/{pid}/limits").read_text().splitlines():
        if line.startswith("Max core file size"):
            return " ".join(line.split()[4:6])  # soft hard
    raise AssertionError("no core limit line")


def _wait_for_zero(process: subprocess.Popen) -> str:
    deadline = time.monotonic() + 30
    limit = ""
    while time.monotonic() < deadline and process.poll() is None:
        limit = _core_limit(process.pid)
        if limit == "0 0":
            break
        time.sleep(0.05)
    return limit


@pytest.fixture
def started_with_cores_allowed():
    _, hard = resource.getrlimit(resource.RLIMIT_CORE)
    if hard == 0:
        pytest.fail("this machine forbids core files altogether; the test cannot tell")
    return _allow_core_dumps


@pytest.mark.parametrize(
    "args",
    [
        ["init", "--passphrase-stdin"],  # the command line, waiting for the passphrase
        [],  # the GUI, showing its lock window
    ],
    ids=["cli", "gui"],
)
def test_entry_points_run_without_core_dumps(tmp_path: Path, started_with_cores_allowed, args):
    process = subprocess.Popen(
        [sys.executable, "-m", "moodlog", "--data-dir", str(tmp_path / "data"), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=started_with_cores_allowed,
        env=dict(os.environ),
    )
    try:
        assert _wait_for_zero(process) == "0 0"
        assert process.poll() is None  # read from the running program, not after it ended
    finally:
        process.kill()
        process.wait(timeout=30)
