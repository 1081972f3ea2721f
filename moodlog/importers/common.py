"""What every import from another app shares: reading a CSV file safely, the preview
(an :class:`ImportPlan`), duplicate detection and the all-or-nothing write.

Every import is two steps. ``plan`` reads the file and describes what would happen
(rows found, date range, duplicates already in the vault, rows with problems and why)
without touching the vault; :func:`apply_plan` then adds the new entries in one
transaction, or nothing at all when any row has a problem.

A *duplicate* is an entry with the same day, time (to the minute) and note as one
already in the vault, whatever its mood (so changing the mood values and importing
again never doubles entries), or a row equal in every way, mood too, to an earlier row
of the same file. Importing the same file twice therefore adds nothing the second time.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from moodlog.domain.dates import EARLIEST_DAY
from moodlog.domain.entries import Entry, validate_entry
from moodlog.domain.errors import ValidationError
from moodlog.wording import count_text, has_have, plain_date

if TYPE_CHECKING:
    from moodlog.vault.vault import Vault

MAX_FILE_BYTES = 20 * 1024 * 1024  # ten years of daily entries with long notes is ~5 MB
MAX_ROWS = 200_000
MAX_FIELD_CHARS = 5_000_000  # the longest note moodlog keeps
MAX_PROBLEMS_SHOWN = 50
DEFAULT_TIME = dt.time(12, 0)
EARLIEST_DATE = EARLIEST_DAY  # as the JSON format (moodlog.domain.dates)


class ImportFailed(ValidationError):
    """The file cannot be imported; the message says why in plain words."""


@dataclass
class Problem:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass
class Table:
    """A CSV file's header and its rows, each with the line it starts on."""

    header: list[str]
    rows: list[tuple[int, list[str]]]

    def column(self, name: str) -> int | None:
        wanted = name.strip().lower()
        for index, title in enumerate(self.header):
            if title.strip().lower() == wanted:
                return index
        return None


@dataclass
class ImportPlan:
    """What an import would do. Nothing is written until :func:`apply_plan`."""

    source: str
    rows: int = 0
    entries: list[Entry] = field(default_factory=list)  # every row that could be read
    new: list[Entry] = field(default_factory=list)  # those not already in the vault
    duplicates: int = 0
    different_mood: int = 0  # duplicates whose entry has another mood in the journal
    problems: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def first(self) -> dt.date | None:
        return min((e.day for e in self.entries), default=None)

    @property
    def last(self) -> dt.date | None:
        return max((e.day for e in self.entries), default=None)

    @property
    def can_import(self) -> bool:
        return not self.problems and bool(self.new)

    def summary_lines(self) -> list[str]:
        lines = [f"{self.source} file: {count_text(self.rows, 'row')} found."]
        if self.first and self.last:
            first, last = (plain_date(day, "dd MMM yyyy") for day in (self.first, self.last))
            lines.append(f"Dates: {first} to {last}.")  # (English months: not the system's)
        lines.append(
            f"{len(self.new)} new entr{'y' if len(self.new) == 1 else 'ies'} to add; "
            f"{self.duplicates} already in your journal (same day, time and note) "
            "will be skipped."
        )
        if self.different_mood:
            lines.append(
                f"{self.different_mood} of them have a different mood in your journal "
                "(were the mood values changed since the last import?). Your journal "
                "keeps its own values; change an entry in the Journal if you want."
            )
        lines.extend(self.notices)
        if self.problems:
            lines.append(
                f"{count_text(len(self.problems), 'row')} {has_have(len(self.problems))} "
                "a problem, so nothing will be imported "
                "until the file or the mapping is fixed:"
            )
            lines.extend(f"  {p}" for p in self.problems[:MAX_PROBLEMS_SHOWN])
            if len(self.problems) > MAX_PROBLEMS_SHOWN:
                lines.append(f"  ... and {len(self.problems) - MAX_PROBLEMS_SHOWN} more.")
        return lines


# -- reading -----------------------------------------------------------------------


def read_table(path: Path, what: str) -> Table:
    """Read a UTF-8 CSV file. The size is checked before anything is read; binary
    files, other encodings and broken quoting get one plain sentence."""
    path = Path(path)
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        raise ImportFailed(f"There is no file at {path}.") from None
    if not path.is_file():
        raise ImportFailed(f"{path.name} is not a file.")
    if size > MAX_FILE_BYTES:
        raise ImportFailed(
            f"{path.name} is {size / 1024 / 1024:.0f} MB; a {what} export is far smaller "
            f"(the limit is {MAX_FILE_BYTES // 1024 // 1024} MB). Is this the right file?"
        )
    data = path.read_bytes()
    return parse_table(data, path.name, what)


def parse_table(data: bytes, name: str, what: str) -> Table:
    if len(data) > MAX_FILE_BYTES:
        raise ImportFailed(f"{name} is too large for a {what} export.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16, Excel's "Unicode text"
        raise ImportFailed(
            f'{name} is saved as UTF-16 (Excel\'s "Unicode text"). Save it again as '
            '"CSV UTF-8" and import that file.'
        )
    if b"\x00" in data:
        raise ImportFailed(f"{name} is not a text file (it looks like binary data).")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFailed(
            f"{name} is not UTF-8 text. If you saved it from a spreadsheet, save it "
            'again as "CSV UTF-8" and import that file.'
        ) from None
    if not text.strip():
        raise ImportFailed(f"{name} is empty.")
    csv.field_size_limit(MAX_FIELD_CHARS)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for record in reader:
            line, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue
            if header is None:
                header = [cell.strip().lstrip("\ufeff") for cell in record]
                continue
            rows.append((line, record))
            if len(rows) > MAX_ROWS:
                raise ImportFailed(f"{name} has more than {MAX_ROWS:,} rows.")
    except csv.Error as error:
        raise ImportFailed(
            f"{name}, line {reader.line_num}: this is not a well-formed CSV file ({error})."
        ) from None
    if header is None:
        raise ImportFailed(f"{name} is empty.")
    return Table(header=header, rows=rows)


def _delimiter(text: str) -> str:
    """``,`` unless the header line has none but has ``;`` or a tab: spreadsheets set to
    a language that writes decimal commas save "CSV" with semicolons."""
    header = next((line for line in text.lstrip("\ufeff").splitlines() if line.strip()), "")
    if "," not in header:
        for candidate in (";", "\t"):
            if candidate in header:
                return candidate
    return ","


def found_columns(table: Table) -> str:
    """The first 12 column names for a message, each cut short (review finding: a file
    whose first line was 200 KB put all of it in the message)."""
    names = [name if len(name) <= 40 else name[:37] + "..." for name in table.header[:12]]
    return ", ".join(names) or "nothing"


def missing_columns(table: Table, missing: list[str], name: str, what: str) -> ImportFailed:
    """The error for a file ``name`` that lacks the ``missing`` columns of a ``what`` export."""
    found = found_columns(table)
    return ImportFailed(
        f"{name} does not look like a {what} export: it has no "
        f"{', '.join(missing)} {'column' if len(missing) == 1 else 'columns'} (found: {found})."
    )


# -- values ------------------------------------------------------------------------

_TIME_12 = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s*m\.?$", re.IGNORECASE)
_TIME_24 = re.compile(r"^(\d{1,2}):(\d{2})(?::\d{2})?$")


def parse_time(text: str) -> dt.time:
    """``21:05``, ``21:05:00``, ``9:05 pm``, ``9:05PM``, ``9 a.m.``; seconds are dropped."""
    value = text.strip()
    match = _TIME_12.match(value)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if not 1 <= hour <= 12 or minute > 59:
            raise ValueError(f"{text!r} is not a time")
        hour = hour % 12 + (12 if match.group(3).lower() == "p" else 0)
        return dt.time(hour, minute)
    match = _TIME_24.match(value)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour > 23 or minute > 59:
            raise ValueError(f"{text!r} is not a time")
        return dt.time(hour, minute)
    raise ValueError(f"{text!r} is not a time (expected e.g. 21:05 or 9:05 pm)")


_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d.%m.%Y")
# The shapes of those forms (strptime reads each number with one digit or two: "2026-2-3")
_DATE_SHAPES = re.compile(
    r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{4}/[0-9]{1,2}/[0-9]{1,2}|[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}"
)


def parse_date(text: str) -> dt.date:
    """An ISO date (``2024-03-05``, also ``2024/03/05`` and ``05.03.2024``). Day/month
    orders that could be read two ways (03/05/2024) are refused rather than guessed."""
    value = text.strip()
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    if _DATE_SHAPES.fullmatch(value):  # written as one of the forms, but no such day
        raise ValueError(f"{text!r} is not a day of the calendar")
    raise ValueError(f"{text!r} is not a date (expected YYYY-MM-DD)")


def parse_datetime(text: str) -> tuple[dt.date, dt.time | None]:
    """A date, or a date and time separated by a space or ``T``."""
    value = text.strip()
    for separator in ("T", " "):
        if separator in value:
            day, _, rest = value.partition(separator)
            return parse_date(day), parse_time(rest)
    return parse_date(value), None


def parse_scale(text: str, label: str) -> int | None:
    """A 0-10 whole number, or None for an empty cell."""
    value = text.strip()
    if not value:
        return None
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        raise ValueError(f"{label} {value!r} is not a number") from None
    # (review finding: "1e400" and "inf" stopped the import with an OverflowError, "nan"
    # with a technical message; the range is checked before any int())
    if not 0 <= number <= 10 or number != int(number):
        raise ValueError(f"{label} must be a whole number from 0 to 10 (got {value[:20]})")
    return int(number)


def parse_hours(text: str, label: str = "Hours slept") -> float | None:
    value = text.strip()
    if not value:
        return None
    try:
        hours = float(value.replace(",", "."))
    except ValueError:
        raise ValueError(f"{label} {value!r} is not a number") from None
    if not 0 <= hours <= 24:  # (NaN fails it too)
        raise ValueError(f"{label} must be from 0 to 24 (got {value[:20]})")
    return round(hours * 4) / 4


def row_problem(table: Table, line: int, record: list[str]) -> Problem | None:
    """A row with more cells than the header has columns is malformed (a stray comma
    or a quote that was not closed where it should have been)."""
    if len(record) > len(table.header):
        return Problem(
            line, f"the row has {len(record)} cells but the header has {len(table.header)}"
        )
    return None


def cell(record: list[str], index: int | None) -> str:
    if index is None or index >= len(record):
        return ""
    return record[index]


# -- duplicates and writing ----------------------------------------------------------


def entry_key(entry: Entry) -> tuple[dt.date, str, int, str]:
    """Duplicate identity within one file: same day, time to the minute, mood and note."""
    return (entry.day, entry.time.strftime("%H:%M"), entry.mood, entry.note.strip())


def place_key(entry: Entry) -> tuple[dt.date, str, str]:
    """Duplicate identity against the journal: same day, time to the minute and note.
    The mood is left out, so that importing a file again after changing the mood
    values (Daylio's mapping, eMoods' depression scale) never doubles its entries."""
    return (entry.day, entry.time.strftime("%H:%M"), entry.note.strip())


def existing_keys(
    vault: Vault, first: dt.date | None, last: dt.date | None
) -> dict[tuple[dt.date, str, str], set[int]]:
    """The journal's entries in the range: place -> the moods recorded there."""
    found: dict[tuple[dt.date, str, str], set[int]] = {}
    if first is None or last is None:
        return found
    for entry in vault.entries.between(first, last):
        found.setdefault(place_key(entry), set()).add(entry.mood)
    return found


def finish_plan(plan: ImportPlan, vault: Vault | None) -> ImportPlan:
    """Split the plan's entries into new ones and duplicates (of an entry in the vault
    at the same day, minute and note, or of an earlier, equal row of the same file).
    A row whose entry is in the journal with another mood is skipped too, never
    changed or added twice, and counted in ``different_mood``."""
    existing = existing_keys(vault, plan.first, plan.last) if vault is not None else {}
    seen: set[tuple[dt.date, str, int, str]] = set()
    plan.new, plan.duplicates, plan.different_mood = [], 0, 0
    for entry in plan.entries:
        key = entry_key(entry)
        moods = existing.get(place_key(entry))
        if key in seen or moods is not None:
            plan.duplicates += 1
            if moods is not None and entry.mood not in moods:
                plan.different_mood += 1
            continue
        seen.add(key)
        plan.new.append(entry)
    return plan


def date_problem(day: dt.date, today: dt.date | None = None) -> str | None:
    """Why a mood cannot be recorded for ``day``: before 1900 (as the JSON format), or
    after tomorrow (a phone in a time zone ahead of this computer may be there already).
    A date like 9999-12-31 would otherwise break every later export."""
    today = today or dt.date.today()
    latest = today + dt.timedelta(days=1)
    if day < EARLIEST_DATE:
        return f"the date {day.isoformat()} is before {EARLIEST_DATE.year}"
    if day > latest:  # (with this clock's date: it may be the clock that is wrong)
        return (
            f"the date {day.isoformat()} is in the future (by this computer's clock today "
            f"is {today.isoformat()})"
        )
    return None


def add_rows(
    plan: ImportPlan, table: Table, read_row: Callable[[list[str]], dict[str, object]]
) -> None:
    """Add one entry a row of ``table``. ``read_row`` turns a row's cells into the entry's
    values and raises ``ValueError`` with the reason for a row it cannot read; a malformed
    row, an unreadable row and an invalid entry each become a problem with its line."""
    for line, record in table.rows:
        problem = row_problem(table, line, record)
        if problem:
            plan.problems.append(problem)
            continue
        try:
            values = read_row(record)
        except ValueError as error:
            plan.problems.append(Problem(line, str(error)))
            continue
        make_entry(plan, line, **values)


def make_entry(plan: ImportPlan, line: int, **values: object) -> None:
    """Validate one row's entry; a bad one becomes a problem with its line number."""
    values.setdefault("time", DEFAULT_TIME)
    reason = date_problem(values["day"])  # type: ignore[arg-type]
    if reason:
        plan.problems.append(Problem(line, reason))
        return
    entry = Entry(**values)  # type: ignore[arg-type]
    entry.created_at = dt.datetime.combine(entry.day, entry.time)
    try:
        validate_entry(entry)
    except ValidationError as error:
        plan.problems.append(Problem(line, str(error)))
        return
    plan.entries.append(entry)


def apply_plan(vault: Vault, plan: ImportPlan) -> int:
    """Add the plan's new entries in one transaction: all of them, or none. Returns
    how many were added. Duplicates are checked again inside the transaction."""
    if plan.problems:
        first = plan.problems[0]
        raise ImportFailed(
            f"Nothing was imported: {count_text(len(plan.problems), 'row')} "
            f"{has_have(len(plan.problems))} a problem (first: {first})."
        )
    with vault.transaction():
        finish_plan(plan, vault)
        vault.entries.add_many(plan.new)
    return len(plan.new)


def parse_mapping(text: str) -> dict[str, str]:
    """``label=value,label=value`` into a dict (labels may hold spaces and emoji; a
    comma or ``=`` inside a label is not supported)."""
    mapping: dict[str, str] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        label, sep, value = part.rpartition("=")
        if not sep or not label.strip():
            raise ImportFailed(f"--map: expected label=value, got {part.strip()!r}.")
        mapping[label.strip()] = value.strip()
    return mapping
