"""Issue 12 #4: a damaged preferences.json never stops moodlog starting; "Get help now"
stays reachable; the defaults are used and the user is told."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from moodlog.paths import PREFERENCES_FILENAME
from moodlog.preferences import DEFAULT_IDLE_MINUTES, PREFERENCES_RESET_NOTICE, Preferences

CORRUPT = [
    b"[]",
    b"null",
    b"42",
    b'"text"',
    b"\xff\xfe\x00garbage\x80",
    b"{not json",
    b"",
    b'{"country": 5, "idle_lock_minutes": 5}',
    b'{"country": "NZ", "idle_lock_minutes": "ten"}',
    b'{"country": "NZ", "idle_lock_minutes": true}',
    b'{"country": "NZ", "idle_lock_minutes": 100000}',
    b'{"country": ["NZ"], "idle_lock_minutes": 5}',
    b'{"country": "N\\u0000", "idle_lock_minutes": 5}',
    b'{"country": "\\ud800", "idle_lock_minutes": 5}',
    b"[" * 100_000 + b"]" * 100_000,
    b'{"idle_lock_minutes": 1e999}',
]


@pytest.mark.parametrize("raw", CORRUPT, ids=lambda raw: repr(raw[:24]))
def test_corrupt_preferences_fall_back_and_say_so(tmp_path: Path, raw: bytes):
    (tmp_path / PREFERENCES_FILENAME).write_bytes(raw)
    prefs = Preferences.load(tmp_path)
    assert isinstance(prefs.country, str) and (prefs.country == "" or prefs.country.isalpha())
    assert 1 <= prefs.idle_lock_minutes <= 240
    assert prefs.notice == PREFERENCES_RESET_NOTICE
    # What could be read is kept: a good country survives a bad auto-lock value.
    if b'"country": "NZ"' in raw:
        assert prefs.country == "NZ"
    # Saving writes a clean file again, without the notice.
    prefs.save(tmp_path)
    saved = json.loads((tmp_path / PREFERENCES_FILENAME).read_text(encoding="utf-8"))
    assert "notice" not in saved
    again = Preferences.load(tmp_path)
    assert again.notice == "" and again.idle_lock_minutes == prefs.idle_lock_minutes


def test_missing_or_good_preferences_say_nothing(tmp_path: Path):
    assert Preferences.load(tmp_path).notice == ""
    assert Preferences.load(tmp_path).idle_lock_minutes == DEFAULT_IDLE_MINUTES
    Preferences(country="ie", idle_lock_minutes=12).save(tmp_path)
    loaded = Preferences.load(tmp_path)
    assert (loaded.country, loaded.idle_lock_minutes, loaded.notice) == ("IE", 12, "")


def test_a_folder_in_place_of_the_file_does_not_stop_start(tmp_path: Path):
    (tmp_path / PREFERENCES_FILENAME).mkdir()
    prefs = Preferences.load(tmp_path)
    assert prefs.notice == PREFERENCES_RESET_NOTICE
