"""CSV export for spreadsheets and researchers: one UTF-8 file per kind of record, with
a header row, ISO dates (``YYYY-MM-DD``), 24-hour times (``HH:MM``) and an empty cell
for every value that was not recorded (never 0).

Files: ``entries.csv``, ``questionnaires.csv``, ``treatments.csv``, ``medications.csv``
and, only when asked for, ``checkins.csv`` (the self-check answers). Each file is written
to a private temp file beside it and renamed, so a failure never leaves half a file.
The files are not encrypted.

``questionnaires.csv`` (self-report screening, not a diagnosis): ``baseline`` is the
person's own mark ("marked by you"), kept as it always was; ``course_baseline`` (the
last column) says which result is the course baseline the PDF, Trends and the
questionnaire dialog compare with (:func:`analysis.course_baseline`: a mark from an
earlier course is not used; without a usable mark, the last result in the 30 days
before the course's first session), one per instrument at most, as of the end of the
period. Columns are documented in docs/importing.md.

Formula injection: a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return gets a leading apostrophe, so that a spreadsheet shows it as text instead
of running it (see :func:`spreadsheet_safe` and docs/importing.md).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import os
from pathlib import Path

from moodlog.domain.analysis import course_baseline
from moodlog.domain.contents import VaultContents
from moodlog.domain.entries import is_backfilled
from moodlog.domain.period import Period
from moodlog.domain.questionnaires import INSTRUMENTS, item_count
from moodlog.domain.safety import SI_KEYS
from moodlog.domain.treatments import KINDS, SIDE_EFFECTS
from moodlog.paths import clear_stale_temps, ensure_private_dir, held_temp
from moodlog.wording import QT_TR_NOOP

NOT_ENCRYPTED_WARNING = QT_TR_NOOP(  # the UI shows tr() of it
    "CSV files are not encrypted: anyone who can open the folder can read them. "
    "Keep them somewhere private and delete them when you no longer need them."
)
TAG_SEPARATOR = " | "
FILES = ("entries", "questionnaires", "checkins", "treatments", "medications")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _in(period: Period | None, day: object) -> bool:
    return period is None or period.first <= day <= period.last  # type: ignore[operator]


def course_baselines(contents: VaultContents, period: Period | None, now: dt.datetime) -> set[int]:
    """``id()`` of each instrument's course baseline, by the one rule
    (:func:`analysis.course_baseline`) and as of the same moment as the PDF's course
    summary: the end of the period (never after ``now``), with the results up to then."""
    as_of = now
    results = list(contents.questionnaires)
    if period is not None:
        as_of = period.as_of(now)
        results = [q for q in results if q.day <= period.last]
    found = (course_baseline(results, name, contents.treatments, as_of)[0] for name in INSTRUMENTS)
    return {id(result) for result in found if result is not None}


def tables(
    contents: VaultContents,
    period: Period | None = None,
    include_checkins: bool = False,
    now: dt.datetime | None = None,
) -> dict[str, list[list[str]]]:
    """Each file's rows (header first) as text cells. ``now``: the moment the course
    baseline is taken as of (the end of the period if earlier); default the clock."""
    result: dict[str, list[list[str]]] = {}
    now = now or dt.datetime.now()
    baselines = course_baselines(contents, period, now)
    result["entries"] = [
        [
            "date",
            "time",
            "mood",
            "anxiety",
            "energy",
            "irritability",
            "sleep_hours",
            "sleep_quality",
            "tags",
            "note",
            "recorded_at",
            "filled_in_later",
        ]
    ] + [
        [
            e.day.isoformat(),
            e.time.strftime("%H:%M"),
            *(
                _text(v)
                for v in (
                    e.mood,
                    e.anxiety,
                    e.energy,
                    e.irritability,
                    e.sleep_hours,
                    e.sleep_quality,
                )
            ),
            TAG_SEPARATOR.join(e.tags),
            e.note,
            e.created_at.isoformat(timespec="seconds") if e.created_at else "",
            _text(is_backfilled(e.day, e.created_at)),
        ]
        for e in contents.entries
        if _in(period, e.day)
    ]
    most_items = max(item_count(i) for i in INSTRUMENTS)
    result["questionnaires"] = [
        ["date", "time", "instrument"]
        + [f"item_{n}" for n in range(1, most_items + 1)]
        + ["total", "band", "difficulty", "baseline", "course_baseline"]
    ] + [
        [
            q.day.isoformat(),
            q.time.strftime("%H:%M"),
            q.instrument,
            *(_text(a) for a in q.answers),
            *([""] * (most_items - len(q.answers))),
            _text(q.total),
            _text(q.band),
            _text(q.difficulty),
            _text(q.is_baseline),  # the person's mark (a contract: kept as it was)
            _text(id(q) in baselines),  # the baseline the PDF and Trends compare with
        ]
        for q in contents.questionnaires
        if _in(period, q.day)
    ]
    if include_checkins:
        result["checkins"] = [["date", "time", *SI_KEYS, "level", "skipped", "discuss"]] + [
            [
                c.day.isoformat(),
                c.time.strftime("%H:%M"),
                *(_text(c.answers.get(k)) for k in SI_KEYS),
                c.level,
                _text(c.skipped),
                _text(c.discuss),
            ]
            for c in contents.checkins
            if _in(period, c.day)
        ]
    result["treatments"] = [
        [
            "date",
            "time",
            "kind",
            "kind_name",
            "dose_mg",
            "weight_kg",
            "mg_per_kg",
            "course_number",
            "course_total",
            "clinic",
            "bp_before",
            "bp_after",
            "dissociation",
            *(f"side_effect_{name}" for name in SIDE_EFFECTS),
            "intention",
            "after_feeling",
            "notes",
            "integration",
            "appointment",  # (the last column: columns are only ever added at the end)
        ]
    ] + [
        [
            t.day.isoformat(),
            t.time.strftime("%H:%M"),
            t.kind,
            t.kind_other if t.kind == "other" and t.kind_other else KINDS[t.kind].label,
            _text(t.dose_mg),
            _text(t.weight_kg),
            _text(round(t.mg_per_kg, 3) if t.mg_per_kg is not None else None),
            _text(t.course_number),
            _text(t.course_total),
            t.clinic,
            _text(t.bp_before),
            _text(t.bp_after),
            _text(t.dissociation),
            *(t.side_effects.get(name, "") for name in SIDE_EFFECTS),
            t.intention,
            t.after_feeling,
            t.notes,
            t.integration,
            # booked, not yet had (review finding: it read as a session given)
            _text(t.is_appointment(now)),
        ]
        for t in contents.treatments
        if _in(period, t.day)
    ]
    result["medications"] = [["name", "unit", "date", "event", "dose", "frequency", "reason"]] + [
        [m.name, m.unit, e.day.isoformat(), e.event, _text(e.dose), e.frequency, e.reason]
        for m in contents.medications
        for e in sorted(m.events, key=lambda e: e.day)
        if _in(period, e.day)
    ]
    return result


# A cell starting with one of these is run as a formula by Excel, LibreOffice and
# Google Sheets (e.g. ``=HYPERLINK(...)`` in a note, typed or imported from another app).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """The cell, with a leading apostrophe when a spreadsheet would take it for a
    formula: the apostrophe is the only change (moodlog's own values, dates, times and
    numbers never start with these characters, so they are never changed)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def render(rows: list[list[str]]) -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(
        [spreadsheet_safe(cell) for cell in row] for row in rows
    )
    return buffer.getvalue()


def export_csv(
    contents: VaultContents,
    folder: Path,
    period: Period | None = None,
    include_checkins: bool = False,
    now: dt.datetime | None = None,
) -> list[Path]:
    """Write the CSV files into ``folder`` (made, private, if missing); returns them.

    All or nothing: every file is first written to a private temp file beside it, and
    only when all of them are written are they renamed to their names. A failure (a
    full disk) leaves no temp file, no partial set, files of an earlier export as they
    were, and no folder that this export made."""
    folder = Path(folder)
    made_folder = False
    if not folder.exists():
        if not folder.parent.is_dir():
            raise FileNotFoundError(2, "No such folder", str(folder.parent))
        ensure_private_dir(folder)
        made_folder = True
    clear_stale_temps(folder)
    temps: list[tuple[Path, Path]] = []
    held = contextlib.ExitStack()  # each temp locked until the end (paths.held_temp)
    try:
        for name, rows in tables(contents, period, include_checkins, now).items():
            temp = held.enter_context(held_temp(folder))
            temps.append((temp, folder / f"{name}.csv"))
            with open(temp, "w", encoding="utf-8", newline="") as handle:
                handle.write(render(rows))
                handle.flush()
                os.fsync(handle.fileno())
        for temp, path in temps:
            os.replace(temp, path)
    except BaseException:
        for temp, _ in temps:
            with contextlib.suppress(OSError):
                temp.unlink()
        if made_folder:
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    finally:
        held.close()
    return [path for _, path in temps]
