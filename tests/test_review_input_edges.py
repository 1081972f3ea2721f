"""Attacker review (stop 13): odd input gets a plain message, never an unexpected error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from moodlog.importers.common import parse_hours, parse_scale


@pytest.mark.parametrize("cell", ["1e400", "inf", "-inf", "nan", "NaN", "10.5", "-1"])
def test_a_mood_cell_out_of_range_is_a_row_problem(cell: str) -> None:
    """Review finding: "1e400" and "inf" raised OverflowError (an unexpected error for
    the whole import), "nan" a technical message."""
    with pytest.raises(ValueError, match="must be a whole number from 0 to 10"):
        parse_scale(cell, "Mood")


@pytest.mark.parametrize("cell", ["1e400", "inf", "nan"])
def test_an_hours_cell_out_of_range_is_a_row_problem(cell: str) -> None:
    with pytest.raises(ValueError, match="must be from 0 to 24"):
        parse_hours(cell)


def test_a_passphrase_that_is_not_utf8_gets_a_plain_message(tmp_path: Path) -> None:
    """Review finding: "moodlog: unexpected error (UnicodeEncodeError)"."""
    result = subprocess.run(
        [sys.executable, "-m", "moodlog", "--data-dir", str(tmp_path / "v"), "init"]
        + ["--passphrase-stdin"],
        input="café au lait every morning\n".encode("latin-1"),
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.decode() == (
        "moodlog: the passphrase on line 1 of standard input is not UTF-8 text; send it as UTF-8\n"
    )
    assert not (tmp_path / "v" / "moodlog.db").exists()


def test_a_json_export_saved_with_a_byte_order_mark_is_read(tmp_path: Path, vault) -> None:  # noqa: ANN001
    """Review finding: a file saved by Notepad (a UTF-8 byte order mark first) was refused
    with "Unexpected UTF-8 BOM (decode using utf-8-sig)"."""
    from moodlog.report import json_format
    from moodlog.vault import bulk

    text = json_format.dumps(bulk.load(vault))
    plain, marked = tmp_path / "export.json", tmp_path / "notepad.json"
    plain.write_text(text, encoding="utf-8")
    marked.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert json_format.load_file(marked) == json_format.load_file(plain)


def new_journal(tmp_path: Path, passphrase: str) -> Path:
    """A new journal's folder, made with the command line."""
    from tests.conftest import run_cli

    data = tmp_path / "v"
    made = run_cli(["--data-dir", str(data), "init", "--passphrase-stdin"], passphrase + "\n")
    assert made.returncode == 0, made.stderr
    return data


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_passwd_with_the_same_passphrase_says_nothing_changed(tmp_path: Path, form: str) -> None:
    """Review finding: it said the old passphrase no longer opened the vault (also for
    the same words typed another way: é as e + accent)."""
    import unicodedata

    from tests.conftest import run_cli

    passphrase = "un café crème chaque matin"
    data = new_journal(tmp_path, passphrase)
    again = unicodedata.normalize(form, passphrase)
    same = run_cli(
        ["--data-dir", str(data), "passwd", "--passphrase-stdin"], f"{passphrase}\n{again}\n"
    )
    assert same.returncode == 0
    assert same.stdout == "The new passphrase is the same as the current one: nothing changed.\n"


def test_backup_into_a_folder_that_is_not_there(tmp_path: Path) -> None:
    """Review finding: ``backup --out newdir/`` wrote a file named "newdir"."""
    from tests.conftest import PASSPHRASE, run_cli

    data = new_journal(tmp_path, PASSPHRASE)
    folder = f"{tmp_path / 'newdir'}/"
    result = run_cli(
        ["--data-dir", str(data), "backup", "--out", folder, "--passphrase-stdin"],
        PASSPHRASE + "\n",
    )
    assert result.returncode == 1
    assert "does not exist" in result.stderr
    assert not (tmp_path / "newdir").exists()


def test_a_utf16_csv_gets_told_how_to_save_it() -> None:
    """Attacker review (stop 13): Excel's "Unicode text" (UTF-16) was called binary data."""
    from moodlog.importers.common import ImportFailed, parse_table

    data = "date,mood\n2026-11-01,5\n".encode("utf-16")
    with pytest.raises(ImportFailed, match='saved as UTF-16.*"CSV UTF-8"'):
        parse_table(data, "mood.csv", "generic CSV")


def test_folders_made_for_the_journal_are_private(tmp_path: Path) -> None:
    """Attacker review (stop 13): ``--data-dir a/b/c`` made a and b with the umask's
    mode (0777 under umask 000); only c was 0700."""
    import os
    import stat

    from moodlog.paths import ensure_private_dir

    there = tmp_path / "there"
    there.mkdir(mode=0o755)
    os.chmod(there, 0o755)
    old = os.umask(0)
    try:
        ensure_private_dir(there / "a" / "b" / "c")
    finally:
        os.umask(old)
    for folder in (there / "a", there / "a" / "b", there / "a" / "b" / "c"):
        assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700, folder
    assert stat.S_IMODE(os.stat(there).st_mode) == 0o755  # not made here: left as it was


def test_messages_never_carry_a_whole_value() -> None:
    """Attacker review (stop 13): a refused value was echoed whole in its message (a
    400-digit number, a note given where a number or a dose belongs); every import and
    every command line prints these messages."""
    import datetime as dt

    from moodlog.domain.entries import Entry
    from moodlog.domain.errors import ValidationError
    from moodlog.domain.questionnaires import PHQ9, QuestionnaireResult
    from moodlog.domain.treatments import BloodPressure

    secret = "my private words " * 50
    day, time = dt.date(2026, 11, 1), dt.time(9)
    refused = [
        lambda: Entry(day=day, time=time, mood=10**400).validate(),
        lambda: Entry(day=day, time=time, mood=5, sleep_hours=secret).validate(),
        lambda: QuestionnaireResult(
            day=day, time=time, instrument=PHQ9, answers=[secret] * 9
        ).validate(),
        lambda: BloodPressure.parse(secret),
    ]
    for attempt in refused:
        with pytest.raises(ValidationError) as error:
            attempt()
        message = str(error.value)
        assert len(message) < 160, message
        assert "private words private" not in message and "0" * 60 not in message
