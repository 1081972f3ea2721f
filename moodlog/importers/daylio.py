"""Daylio's CSV export.

Header ``full_date,date,weekday,time,mood,activities,note_title,note`` (newer exports add
``scales``; older ones have ``year`` instead of ``full_date`` and no ``note_title``).
Activities are separated by `` | ``; times are 24-hour or ``9:05 pm``; mood labels are the
person's own names (by default rad, good, meh, bad, awful).

Each distinct mood label gets a 0-10 value: the defaults below for Daylio's own names,
and nothing for a custom name until the person chooses one (no value is ever guessed).
Activities become tags; the note title and the note become the note. The ``scales``
column has no counterpart in moodlog and is not imported (the preview says so).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path
from typing import TYPE_CHECKING

from moodlog.importers.common import (
    ImportFailed,
    ImportPlan,
    Table,
    add_rows,
    cell,
    finish_plan,
    missing_columns,
    parse_date,
    parse_time,
    read_table,
)
from moodlog.wording import english_month

if TYPE_CHECKING:
    from moodlog.vault.vault import Vault

NAME = "Daylio"
DEFAULT_VALUES = {"awful": 1, "bad": 3, "meh": 5, "good": 7, "rad": 9}
ACTIVITY_SEPARATOR = " | "
MAX_MOOD_NAMES = 200  # each gets a value box on the mapping screen
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def read(path: Path) -> Table:
    table = read_table(path, NAME)
    check_columns(table, Path(path).name)
    count = len(mood_labels(table))
    if count > MAX_MOOD_NAMES:
        raise ImportFailed(
            f"{Path(path).name} has {count:,} different moods in its mood column; a Daylio "
            f"export has a few (at most {MAX_MOOD_NAMES}). Is this the right file? A file "
            'from another app or a spreadsheet imports as "any CSV" (in the app: "Another '
            'app or a spreadsheet"; on the command line: moodlog import csv).'
        )
    return table


def check_columns(table: Table, name: str) -> None:
    missing = [c for c in ("time", "mood") if table.column(c) is None]
    if table.column("full_date") is None and table.column("year") is None:
        missing.insert(0, "full_date")
    if missing:
        raise missing_columns(table, missing, name, NAME)


def _key(label: str) -> str:
    return label.strip().casefold()


def mood_labels(table: Table) -> list[str]:
    """Each distinct mood label, in the order it first appears."""
    index = table.column("mood")
    seen: dict[str, str] = {}
    for _line, record in table.rows:
        label = cell(record, index).strip()
        if label and _key(label) not in seen:
            seen[_key(label)] = label
    return list(seen.values())


def proposed_mapping(labels: list[str]) -> dict[str, int | None]:
    """Daylio's default names get their default value; custom names get none."""
    return {label: DEFAULT_VALUES.get(_key(label)) for label in labels}


def _note(title: str, body: str) -> str:
    parts = [html.unescape(_BREAK.sub("\n", p)).strip() for p in (title, body)]
    return "\n\n".join(p for p in parts if p)


def _date(table: Table, record: list[str]) -> dt.date:
    full = table.column("full_date")
    if full is not None:
        return parse_date(cell(record, full))
    # Old exports: year,date ("18 May"),weekday,...
    text = f"{cell(record, table.column('date')).strip()} {cell(record, table.column('year'))}"
    # "18 May 2019" or "May 18 2019", with English month names (never the system's)
    words = text.replace(",", " ").split()
    if len(words) == 3 and words[2].isascii() and words[2].isdigit():
        day, month = (words[0], words[1]) if words[0].isdigit() else (words[1], words[0])
        number = english_month(month)
        if number is not None and day.isascii() and day.isdigit():
            try:
                return dt.date(int(words[2]), number, int(day))
            except ValueError:  # ("30 February": second diff review)
                raise ValueError(f"{text.strip()!r} is not a day of the calendar") from None
    raise ValueError(f"{text.strip()!r} is not a date")


def plan(table: Table, mapping: dict[str, int | None], vault: Vault | None = None) -> ImportPlan:
    """The preview of importing ``table`` with mood labels valued by ``mapping``."""
    result = ImportPlan(source=NAME, rows=len(table.rows))
    values = {_key(label): value for label, value in mapping.items()}
    columns = {
        name: table.column(name) for name in ("time", "mood", "activities", "note_title", "note")
    }

    def read_row(record: list[str]) -> dict[str, object]:
        day = _date(table, record)
        time = parse_time(cell(record, columns["time"]))
        label = cell(record, columns["mood"]).strip()
        if not label:
            raise ValueError("the mood is empty")
        value = values.get(_key(label))
        if value is None:
            raise ValueError(f"the mood {label!r} has no 0-10 value yet: choose one")
        tags = [
            t.strip()
            for t in cell(record, columns["activities"]).split(ACTIVITY_SEPARATOR.strip())
            if t.strip()
        ]
        return {
            "day": day,
            "time": time,
            "mood": value,
            "tags": list(dict.fromkeys(tags)),
            "note": _note(cell(record, columns["note_title"]), cell(record, columns["note"])),
        }

    add_rows(result, table, read_row)
    if table.column("scales") is not None:
        result.notices.append(
            'The "scales" column has no counterpart in moodlog and is not imported.'
        )
    return finish_plan(result, vault)


def mapping_from_text(labels: list[str], overrides: dict[str, str]) -> dict[str, int | None]:
    """The proposed mapping with ``--map label=value`` overrides applied."""
    mapping = proposed_mapping(labels)
    by_key = {_key(label): label for label in labels}
    for label, text in overrides.items():
        try:
            value = int(text)
        except ValueError:
            raise ImportFailed(
                f"--map {label}={text}: the value must be a whole number from 0 to 10."
            ) from None
        if not 0 <= value <= 10:
            raise ImportFailed(
                f"--map {label}={text}: the value must be a whole number from 0 to 10."
            )
        if _key(label) not in by_key:
            raise ImportFailed(
                f"--map: the file has no mood called {label!r} "
                f"(it has: {', '.join(labels) or 'none'})."
            )
        mapping[by_key[_key(label)]] = value
    return mapping
