"""Any other tracker or spreadsheet: a UTF-8 CSV with a header row, and a column mapping
``moodlog field -> column title`` chosen by the person.

Fields: ``date`` (required; ``YYYY-MM-DD``, or a date and time ``YYYY-MM-DD HH:MM``),
``mood`` (required, 0-10), ``time`` (``21:05`` or ``9:05 pm``; without it entries are
placed at 12:00), ``anxiety``, ``energy``, ``irritability``, ``sleep_quality`` (0-10),
``sleep_hours`` (0-24), ``note``, ``tags`` (separated by ``|`` or ``;``). Values must
already be on moodlog's scales; a row that is not is reported with its line number.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from moodlog.importers.common import (
    DEFAULT_TIME,
    ImportFailed,
    ImportPlan,
    Table,
    add_rows,
    cell,
    finish_plan,
    parse_datetime,
    parse_hours,
    parse_scale,
    parse_time,
    read_table,
)
from moodlog.wording import QT_TR_NOOP

if TYPE_CHECKING:
    from moodlog.vault.vault import Vault

NAME = "CSV"
FIELDS = {  # the English label also matches a column title; the UI shows tr(label)
    "date": QT_TR_NOOP("Date"),
    "time": QT_TR_NOOP("Time"),
    "mood": QT_TR_NOOP("Mood (0-10)"),
    "anxiety": QT_TR_NOOP("Anxiety (0-10)"),
    "energy": QT_TR_NOOP("Energy (0-10)"),
    "irritability": QT_TR_NOOP("Irritability (0-10)"),
    "sleep_hours": QT_TR_NOOP("Hours slept"),
    "sleep_quality": QT_TR_NOOP("Sleep quality (0-10)"),
    "note": QT_TR_NOOP("Note"),
    "tags": QT_TR_NOOP("Tags"),
}
REQUIRED = ("date", "mood")
SCALES = ("mood", "anxiety", "energy", "irritability", "sleep_quality")
_TAG_SPLIT = re.compile(r"[|;]")


def read(path: Path) -> Table:
    return read_table(path, "CSV")


def proposed_mapping(table: Table) -> dict[str, str]:
    """Columns whose title is a field's name (``mood``, ``Mood (0-10)``, ``note``...)."""
    mapping: dict[str, str] = {}
    for field_name, label in FIELDS.items():
        for title in table.header:
            lowered = title.strip().lower()
            if lowered in (field_name, label.lower(), field_name.replace("_", " ")):
                mapping[field_name] = title
                break
    return mapping


def resolve(table: Table, mapping: dict[str, str]) -> dict[str, int]:
    """Column indexes for ``field -> column title``; unknown names are refused."""
    indexes: dict[str, int] = {}
    for field_name, title in mapping.items():
        if field_name not in FIELDS:
            raise ImportFailed(
                f"--map: {field_name!r} is not a moodlog field (fields: {', '.join(FIELDS)})."
            )
        index = table.column(title)
        if index is None:
            raise ImportFailed(
                f"The file has no column {title!r} (columns: {', '.join(table.header[:20])})."
            )
        indexes[field_name] = index
    missing = [f for f in REQUIRED if f not in indexes]
    if missing:
        raise ColumnsNeeded(missing)
    return indexes


class ColumnsNeeded(ImportFailed):
    """Required fields without a column: the app asks with its column choices, the
    command line adds how ``--map`` names them (review finding: the app showed the
    command line's "--map" example)."""

    def __init__(self, fields: list[str]) -> None:
        super().__init__(f"Choose a column for {' and '.join(fields)}.")
        self.fields = fields


def plan(table: Table, mapping: dict[str, str], vault: Vault | None = None) -> ImportPlan:
    columns = resolve(table, mapping)
    result = ImportPlan(source=NAME, rows=len(table.rows))
    if "time" not in columns:
        result.notices.append("No time column: entries are placed at 12:00.")

    def read_row(record: list[str]) -> dict[str, object]:
        day, time = parse_datetime(cell(record, columns["date"]))
        if "time" in columns and cell(record, columns["time"]).strip():
            time = parse_time(cell(record, columns["time"]))
        values = {
            name: parse_scale(cell(record, columns.get(name)), FIELDS[name].split(" (")[0])
            for name in SCALES
        }
        hours = parse_hours(cell(record, columns.get("sleep_hours")))
        if values["mood"] is None:
            raise ValueError("the mood is empty")
        tags = [t.strip() for t in _TAG_SPLIT.split(cell(record, columns.get("tags")))]
        return {
            "day": day,
            "time": time or DEFAULT_TIME,
            "sleep_hours": hours,
            "tags": list(dict.fromkeys(t for t in tags if t)),
            "note": cell(record, columns.get("note")).strip(),
            **values,
        }

    add_rows(result, table, read_row)
    return finish_plan(result, vault)
