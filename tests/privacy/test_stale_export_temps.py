"""Hardening review: an export killed part-way (CSV, PDF) left ``.moodlog-*.tmp`` files
with its plain text in the chosen folder, and no later export removed them. The next
write into that folder removes those an hour old or more; a fresh one (another moodlog
writing right now) and anything not moodlog's stay."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

from moodlog.domain.contents import VaultContents
from moodlog.domain.entries import Entry
from moodlog.paths import STALE_TEMP_SECONDS, write_export
from moodlog.report.csv_export import export_csv


def _left(folder: Path, name: str, age_seconds: float) -> Path:
    path = folder / name
    path.write_text("MARKER-a-note-in-plain-text")
    stamp = time.time() - age_seconds
    os.utime(path, (stamp, stamp))
    return path


def test_the_next_export_removes_what_a_killed_one_left(tmp_path: Path) -> None:
    old = _left(tmp_path, ".moodlog-abc123.tmp", STALE_TEMP_SECONDS + 60)
    old_pdf = _left(tmp_path, ".moodlog-def456.pdf.tmp", STALE_TEMP_SECONDS * 5)
    fresh = _left(tmp_path, ".moodlog-ghi789.tmp", 5)  # another moodlog, writing now
    theirs = _left(tmp_path, ".other-app.tmp", STALE_TEMP_SECONDS * 5)
    not_a_temp = _left(tmp_path, ".moodlog-notes.txt", STALE_TEMP_SECONDS * 5)
    write_export(tmp_path / "export.json", "{}")
    assert not old.exists() and not old_pdf.exists()
    assert fresh.exists() and theirs.exists() and not_a_temp.exists()
    assert (tmp_path / "export.json").read_text() == "{}"


def test_a_csv_export_clears_its_folder_too(tmp_path: Path) -> None:
    from moodlog.domain.period import Period

    old = _left(tmp_path, ".moodlog-csv000.tmp", STALE_TEMP_SECONDS + 1)
    contents = VaultContents(entries=[Entry(dt.date(2026, 11, 1), dt.time(9), mood=5)])
    period = Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    export_csv(contents, tmp_path, period)
    assert not old.exists()
    assert (tmp_path / "entries.csv").exists()


def test_on_a_system_without_user_ids_the_old_temps_still_go(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """Final review: on Windows (no os.getuid) an export into a folder holding an old
    temp file raised AttributeError."""
    old = _left(tmp_path, ".moodlog-abc123.tmp", STALE_TEMP_SECONDS + 60)
    monkeypatch.delattr(os, "getuid")
    write_export(tmp_path / "export.json", "{}")
    assert not old.exists()
