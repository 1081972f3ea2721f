"""Failure review (stop 20): an export killed part-way (a crash, a power cut, kill -9)
left its temp file, the journal in plain text, beside the chosen file; the next export
to that folder removed only temps an hour old. A temp is now locked by its writer for as
long as that lives: one nobody holds goes at the next export there, whatever its age,
and one still being written (another moodlog) stays."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from moodlog.paths import HELD_PREFIX, clear_stale_temps, export_target

MARKER = "KILLED-EXPORT-MARKER-7f3a"

WRITER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from moodlog.paths import export_target
    with export_target(Path(sys.argv[1])) as temp:
        temp.write_text(sys.argv[2])
        print(temp, flush=True)
        if sys.argv[3] == "kill":
            os._exit(9)  # killed mid-export: no clean-up runs
        time.sleep(30)  # still writing (a slow export in another moodlog)
    """
)


def start_writer(target: Path, how: str) -> tuple[subprocess.Popen, Path]:
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(target), MARKER, how],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
    )
    temp = Path(child.stdout.readline().strip())
    return child, temp


@pytest.mark.skipif(sys.platform == "win32", reason="file locks: the age rule alone there")
def test_a_killed_exports_temp_goes_at_the_next_export_there(tmp_path: Path) -> None:
    child, temp = start_writer(tmp_path / "summary.json", "kill")
    child.wait(timeout=30)
    assert temp.name.startswith(HELD_PREFIX) and MARKER in temp.read_text()  # left behind
    with export_target(tmp_path / "other.json") as fresh:
        fresh.write_text("{}")
    assert not temp.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.json"]


@pytest.mark.skipif(sys.platform == "win32", reason="file locks: the age rule alone there")
def test_a_temp_still_being_written_stays(tmp_path: Path) -> None:
    child, temp = start_writer(tmp_path / "summary.json", "write")
    try:
        clear_stale_temps(tmp_path)
        assert temp.exists()  # its writer lives: left alone
        child.kill()
        child.wait(timeout=30)
        deadline = time.monotonic() + 5
        clear_stale_temps(tmp_path)
        while temp.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
            clear_stale_temps(tmp_path)
        assert not temp.exists()
    finally:
        child.kill()


def test_an_unheld_temp_of_another_kind_keeps_the_age_rule(tmp_path: Path) -> None:
    """A backup's or a restore's temp (not held) is another moodlog's until an hour old."""
    other = tmp_path / ".moodlog-backup-1234.tmp"
    other.write_text("encrypted")
    clear_stale_temps(tmp_path)
    assert other.exists()


def test_a_temp_this_process_is_writing_is_never_taken_for_a_killed_ones(
    tmp_path: Path, monkeypatch
) -> None:
    """Diff review: on a network file system a lock can be per process, so this
    process's own lock test would find its own temp "held by nobody" (a CSV export
    deleting the PDF a thread of the same moodlog was writing)."""
    import types

    from moodlog.paths import held_temp

    per_process = types.SimpleNamespace(LOCK_EX=2, LOCK_NB=4, flock=lambda fd, how: None)
    with held_temp(tmp_path) as temp:
        temp.write_text(MARKER)
        monkeypatch.setitem(sys.modules, "fcntl", per_process)  # every lock test succeeds
        clear_stale_temps(tmp_path)
        assert temp.exists()
    monkeypatch.undo()
    clear_stale_temps(tmp_path)  # its writer done (and the real lock test): it goes
    assert not temp.exists()


def test_without_file_locks_an_atomic_write_still_works(tmp_path: Path, monkeypatch) -> None:
    """Where there are no such locks (Windows) the temp's descriptor is closed at once
    (Windows refuses to rename a file still open) and the age rule alone applies."""
    import moodlog.paths as paths

    monkeypatch.setattr(paths, "_hold", lambda fd: False)
    target = tmp_path / "summary.json"
    with export_target(target) as temp:
        temp.write_text("{}")
    assert target.read_text() == "{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.json"]


def test_a_sweep_landing_between_a_temps_creation_and_its_lock_leaves_it(
    tmp_path: Path, monkeypatch
) -> None:
    """The folders exports went to are swept at unlock in a thread of their own
    (moodlog.vault.export_folders): one that ran just after an export of this process
    made its temp file, before the lock, took it for a killed write's and deleted it
    (the export then failed). The temp counts as this process's before it is there."""
    real_open = os.open

    def open_then_sweep(path, flags, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        fd = real_open(path, flags, *args, **kwargs)
        if os.path.basename(path).startswith(HELD_PREFIX) and flags & os.O_CREAT:
            clear_stale_temps(Path(os.path.dirname(path)))  # the other thread's sweep
        return fd

    monkeypatch.setattr(os, "open", open_then_sweep)
    target = tmp_path / "summary.json"
    with export_target(target) as temp:
        assert temp.exists()
        temp.write_text("{}")
    assert target.read_text() == "{}"
