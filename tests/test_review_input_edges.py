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
