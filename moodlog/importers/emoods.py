"""eMoods' CSV export: one row a day with depression, elevation, irritability and anxiety
rated 0-3 (none, mild, moderate, severe), hours slept, medications and notes.

Columns are found by name (``date``; a name containing ``depress``, ``elevat``,
``irritab``, ``anxi``, ``sleep``, ``note``), so small differences between app versions do
not matter. The mapping, shown before anything is imported:

- mood (0-10, required in moodlog) from the depression rating: none 7, mild 5,
  moderate 3, severe 1 (editable in the import dialog);
- anxiety and irritability: none 0, mild 3, moderate 6, severe 9;
- sleep: hours slept (rounded to a quarter hour);
- every other column with a value (elevation, psychotic symptoms, each medication) is
  kept as a line ``Column: value`` in the note, so nothing the person recorded is lost;
- eMoods has no time of day: entries are placed at 12:00.
"""

from __future__ import annotations

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
    found_columns,
    parse_datetime,
    parse_hours,
    read_table,
)
from moodlog.wording import QT_TR_NOOP

if TYPE_CHECKING:
    from moodlog.vault.vault import Vault

NAME = "eMoods"
SEVERITY_WORDS = {  # as the file writes them; the UI shows tr() of each
    QT_TR_NOOP("none"): 0,
    QT_TR_NOOP("mild"): 1,
    QT_TR_NOOP("moderate"): 2,
    QT_TR_NOOP("severe"): 3,
}
DEFAULT_MOOD_FROM_DEPRESSION = {0: 7, 1: 5, 2: 3, 3: 1}
SEVERITY_TO_SCALE = {0: 0, 1: 3, 2: 6, 3: 9}
FIELDS = {  # moodlog meaning -> part of the column name
    "depression": "depress",
    "anxiety": "anxi",
    "irritability": "irritab",
    "sleep_hours": "sleep",
    "note": "note",
}


def read(path: Path) -> Table:
    table = read_table(path, NAME)
    columns(table, Path(path).name)
    return table


def columns(table: Table, name: str = "the file") -> dict[str, int]:
    """Which column holds each field (``date`` and ``depression`` are required)."""
    found: dict[str, int] = {}
    for index, title in enumerate(table.header):
        lowered = title.strip().lower()
        if lowered == "date" and "date" not in found:
            found["date"] = index
            continue
        for field_name, part in FIELDS.items():
            if part in lowered and field_name not in found:
                found[field_name] = index
                break
    missing = [f for f in ("date", "depression") if f not in found]
    if missing:
        raise ImportFailed(
            f"{name} does not look like an eMoods export: no {' or '.join(missing)} column "
            f"(found: {found_columns(table)})."
        )
    return found


def mapping_lines(table: Table, mood_from_depression: dict[int, int] | None = None) -> list[str]:
    """The mapping in words, for the preview."""
    moods = mood_from_depression or DEFAULT_MOOD_FROM_DEPRESSION
    found = columns(table)
    lines = [
        f'"{table.header[found["depression"]]}" (depression 0-3) becomes mood: '
        + ", ".join(f"{word} {moods[n]}" for word, n in SEVERITY_WORDS.items())
    ]
    for field_name, label in (("anxiety", "anxiety"), ("irritability", "irritability")):
        if field_name in found:
            lines.append(
                f'"{table.header[found[field_name]]}" becomes {label}: none 0, mild 3, '
                "moderate 6, severe 9"
            )
    if "sleep_hours" in found:
        lines.append(f'"{table.header[found["sleep_hours"]]}" becomes hours slept')
    others = [t for i, t in enumerate(table.header) if i not in found.values() and t.strip()]
    if others:
        lines.append(f"Kept as lines in the note: {', '.join(others)}")
    lines.append("eMoods has no time of day: entries are placed at 12:00.")
    return lines


def _severity(text: str, label: str) -> int | None:
    value = text.strip().lower()
    if not value:
        return None
    if value in SEVERITY_WORDS:
        return SEVERITY_WORDS[value]
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"{label} {text.strip()!r} is not a rating 0-3") from None
    if number != int(number) or not 0 <= number <= 3:
        raise ValueError(f"{label} must be 0, 1, 2 or 3 (got {text.strip()})")
    return int(number)


def plan(
    table: Table,
    vault: Vault | None = None,
    mood_from_depression: dict[int, int] | None = None,
) -> ImportPlan:
    moods = mood_from_depression or DEFAULT_MOOD_FROM_DEPRESSION
    found = columns(table)
    result = ImportPlan(source=NAME, rows=len(table.rows))
    others = [i for i, t in enumerate(table.header) if i not in found.values() and t.strip()]

    def read_row(record: list[str]) -> dict[str, object]:
        day, time = parse_datetime(cell(record, found["date"]))
        depression = _severity(cell(record, found["depression"]), "Depression")
        scales = {
            name: _severity(cell(record, found.get(name)), name.capitalize())
            for name in ("anxiety", "irritability")
        }
        hours = parse_hours(cell(record, found.get("sleep_hours")))
        if depression is None:
            raise ValueError("the depression rating is empty")
        extra = [
            f"{table.header[i].strip()}: {cell(record, i).strip()}"
            for i in others
            if cell(record, i).strip()
        ]
        return {
            "day": day,
            "time": time or DEFAULT_TIME,
            "mood": moods[depression],
            **{
                name: None if scale is None else SEVERITY_TO_SCALE[scale]
                for name, scale in scales.items()
            },
            "sleep_hours": hours,
            "note": "\n".join([cell(record, found.get("note")).strip(), *extra]).strip(),
        }

    add_rows(result, table, read_row)
    return finish_plan(result, vault)
