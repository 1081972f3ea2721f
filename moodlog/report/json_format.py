"""The moodlog JSON format, version 1 (documented in docs/json-format.md).

``to_document`` and ``from_document`` convert between :class:`VaultContents` and a
plain JSON-ready dict. Import validates every record and stops at the first bad
one, naming it, before anything is written.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

from moodlog.domain.contents import VaultContents
from moodlog.domain.entries import Entry, validate_entry
from moodlog.domain.errors import ValidationError
from moodlog.domain.questionnaires import INSTRUMENTS, QuestionnaireResult, band, total_score
from moodlog.domain.safety import SI_KEYS, SafetyPlan, SICheckin, level
from moodlog.domain.treatments import (
    BloodPressure,
    Medication,
    MedicationEvent,
    Question,
    SessionNote,
    Treatment,
)
from moodlog.paths import atomic_target

FORMAT_NAME = "moodlog"
FORMAT_VERSION = 1
MAX_IMPORT_BYTES = 512 * 1024 * 1024


def _d(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _t(value: dt.time) -> str:
    return value.strftime("%H:%M")


def _dt(value: dt.datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def _bp(value: BloodPressure | None) -> str | None:
    return str(value) if value else None


def to_document(contents: VaultContents) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "tags": sorted(contents.tags, key=str.casefold),
        "settings": dict(sorted(contents.settings.items())),
        "entries": [
            {
                "date": _d(e.day),
                "time": _t(e.time),
                "mood": e.mood,
                "anxiety": e.anxiety,
                "energy": e.energy,
                "irritability": e.irritability,
                "sleep_hours": e.sleep_hours,
                "sleep_quality": e.sleep_quality,
                "tags": sorted(e.tags, key=str.casefold),
                "note": e.note,
                "recorded_at": _dt(e.created_at),
                "backfilled": e.backfilled,
            }
            for e in contents.entries
        ],
        "questionnaires": [
            {
                "date": _d(q.day),
                "time": _t(q.time),
                "instrument": q.instrument,
                "answers": list(q.answers),
                "total": q.total,
                "band": q.band,
                "difficulty": q.difficulty,
                "baseline": q.is_baseline,
                "recorded_at": _dt(q.created_at),
            }
            for q in contents.questionnaires
        ],
        "si_checkins": [
            {
                "date": _d(c.day),
                "time": _t(c.time),
                "answers": {key: c.answers.get(key) for key in SI_KEYS},
                "level": c.level,
                "skipped": c.skipped,
                "discuss": c.discuss,
                "recorded_at": _dt(c.created_at),
            }
            for c in contents.checkins
        ],
        "safety_plan": contents.safety_plan.to_dict() if contents.safety_plan else None,
        "treatments": [
            {
                "date": _d(t.day),
                "time": _t(t.time),
                "kind": t.kind,
                "kind_other": t.kind_other,
                "dose_mg": t.dose_mg,
                "weight_kg": t.weight_kg,
                "mg_per_kg": t.mg_per_kg,
                "course_number": t.course_number,
                "course_total": t.course_total,
                "clinic": t.clinic,
                "intention": t.intention,
                "bp_before": _bp(t.bp_before),
                "bp_after": _bp(t.bp_after),
                "side_effects": dict(sorted(t.side_effects.items())),
                "dissociation": t.dissociation,
                "after_feeling": t.after_feeling,
                "notes": t.notes,
                "integration": t.integration,
                "recorded_at": _dt(t.created_at),
            }
            for t in contents.treatments
        ],
        "medications": [
            {
                "name": m.name,
                "unit": m.unit,
                "events": [
                    {
                        "date": _d(e.day),
                        "event": e.event,
                        "dose": e.dose,
                        "frequency": e.frequency,
                        "reason": e.reason,
                    }
                    for e in sorted(m.events, key=lambda e: e.day)
                ],
            }
            for m in contents.medications
        ],
        "session_notes": [
            {
                "date": _d(n.day),
                "therapist": n.therapist,
                "worked_on": n.worked_on,
                "insights": n.insights,
                "homework": n.homework,
            }
            for n in contents.session_notes
        ],
        "questions": [
            {
                "text": q.text,
                "created_on": _d(q.created_on),
                "source": q.source,
                "flagged": q.flagged,
                "done_on": _d(q.done_on),
            }
            for q in contents.questions
        ],
    }


def dumps(contents: VaultContents) -> str:
    return json.dumps(to_document(contents), ensure_ascii=False, indent=2) + "\n"


def write_atomically(path: Path, text: str) -> None:
    """Write via a private temp file in the same folder, then rename over ``path``."""
    with atomic_target(path) as temp, open(temp, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


# -- import ---------------------------------------------------------------------------


class _Reader:
    """Typed field access that names the record and field in every error."""

    def __init__(self, record: Any, where: str) -> None:
        if not isinstance(record, dict):
            raise ValidationError(f"{where}: expected an object.")
        self.record = record
        self.where = where

    def fail(self, message: str) -> ValidationError:
        return ValidationError(f"{self.where}: {message}")

    def get(
        self, key: str, kinds: tuple[type, ...], required: bool = False, default: Any = None
    ) -> Any:
        if key not in self.record or self.record[key] is None:
            if required:
                raise self.fail(f"'{key}' is missing.")
            return default
        value = self.record[key]
        if isinstance(value, bool) and bool not in kinds:
            raise self.fail(f"'{key}' has the wrong type ({value!r}).")
        if not isinstance(value, kinds):
            raise self.fail(f"'{key}' has the wrong type ({value!r}).")
        return value

    def text(self, key: str, default: str = "") -> str:
        return self.get(key, (str,), default=default)

    def number(self, key: str) -> float | int | None:
        return self.get(key, (int, float))

    def integer(self, key: str, required: bool = False) -> int | None:
        return self.get(key, (int,), required=required)

    def flag(self, key: str) -> bool:
        return bool(self.get(key, (bool,), default=False))

    def date(self, key: str, required: bool = True) -> dt.date | None:
        value = self.get(key, (str,), required=required)
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise self.fail(f"'{key}' must be a date YYYY-MM-DD (got {value!r}).") from None

    def time(self, key: str = "time") -> dt.time:
        value = self.get(key, (str,), required=True)
        try:
            parsed = dt.time.fromisoformat(value)
        except ValueError:
            parsed = None
        if parsed is None or len(value) != 5:
            raise self.fail(f"'{key}' must be a time HH:MM (got {value!r}).")
        return parsed

    def datetime(self, key: str) -> dt.datetime | None:
        value = self.get(key, (str,))
        if value is None:
            return None
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            raise self.fail(f"'{key}' must be a date and time (got {value!r}).") from None

    def bp(self, key: str) -> BloodPressure | None:
        value = self.get(key, (str,))
        return BloodPressure.parse(value) if value else None

    def items(self, key: str) -> list:
        return self.get(key, (list,), default=[])


def _wrap(where: str, action):  # noqa: ANN001, ANN202
    try:
        return action()
    except ValidationError as error:
        message = str(error)
        raise ValidationError(
            message if message.startswith(where) else f"{where}: {message}"
        ) from None


def from_document(document: Any) -> VaultContents:
    """Validate a parsed JSON document and turn it into domain objects."""
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ValidationError('This is not a moodlog export ("format" is not "moodlog").')
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ValidationError('The export has no valid "version" number.')
    if version > FORMAT_VERSION:
        raise ValidationError(
            f"This export is format version {version}, from a newer moodlog; this version "
            f"reads up to {FORMAT_VERSION}. Please update moodlog."
        )
    top = _Reader(document, "file")
    contents = VaultContents()
    contents.tags = [t for t in top.items("tags") if isinstance(t, str)]
    settings = top.get("settings", (dict,), default={})
    contents.settings = dict(settings)

    for index, record in enumerate(top.items("entries"), start=1):
        where = f"entries[{index}]"
        r = _Reader(record, where)
        tags = r.items("tags")
        if not all(isinstance(t, str) for t in tags):
            raise r.fail("'tags' must be a list of text.")
        entry = Entry(
            day=r.date("date"),
            time=r.time(),
            mood=r.integer("mood", required=True),
            anxiety=r.integer("anxiety"),
            energy=r.integer("energy"),
            irritability=r.integer("irritability"),
            sleep_hours=r.number("sleep_hours"),
            sleep_quality=r.integer("sleep_quality"),
            tags=list(tags),
            note=r.text("note"),
            created_at=r.datetime("recorded_at"),
        )
        _wrap(where, lambda entry=entry: validate_entry(entry))
        contents.entries.append(entry)

    for index, record in enumerate(top.items("questionnaires"), start=1):
        where = f"questionnaires[{index}]"
        r = _Reader(record, where)
        instrument = r.get("instrument", (str,), required=True)
        if instrument not in INSTRUMENTS:
            raise r.fail(f"'instrument' must be one of {', '.join(INSTRUMENTS)}.")
        answers = r.items("answers")
        result = QuestionnaireResult(
            day=r.date("date"),
            time=r.time(),
            instrument=instrument,
            answers=list(answers),
            difficulty=r.integer("difficulty"),
            is_baseline=r.flag("baseline"),
            created_at=r.datetime("recorded_at"),
        )
        _wrap(where, result.validate)
        total = r.integer("total")
        computed = total_score(instrument, result.answers)
        if "total" in record and total != computed:
            raise r.fail(f"'total' is {total} but the answers add up to {computed}.")
        if record.get("band") is not None and record["band"] != band(instrument, computed):
            raise r.fail(f"'band' {record['band']!r} does not match the total.")
        contents.questionnaires.append(result)

    for index, record in enumerate(top.items("si_checkins"), start=1):
        where = f"si_checkins[{index}]"
        r = _Reader(record, where)
        answers = r.get("answers", (dict,), default={})
        skipped = r.flag("skipped")
        checkin = SICheckin(
            day=r.date("date"),
            time=r.time(),
            answers=dict(answers),
            skipped=skipped,
            discuss=r.flag("discuss"),
            created_at=r.datetime("recorded_at"),
        )
        computed = _wrap(where, lambda a=answers, s=skipped: level(dict(a), s))
        if record.get("level") is not None and record["level"] != computed:
            raise r.fail(f"'level' is {record['level']!r} but the answers give {computed!r}.")
        contents.checkins.append(checkin)

    plan = top.get("safety_plan", (dict,))
    if plan is not None:
        contents.safety_plan = _wrap("safety_plan", lambda: SafetyPlan.from_dict(plan))

    for index, record in enumerate(top.items("treatments"), start=1):
        where = f"treatments[{index}]"
        r = _Reader(record, where)
        effects = r.get("side_effects", (dict,), default={})
        treatment = _wrap(
            where,
            lambda r=r, effects=effects: Treatment(
                day=r.date("date"),
                time=r.time(),
                kind=r.get("kind", (str,), required=True),
                kind_other=r.text("kind_other"),
                dose_mg=r.number("dose_mg"),
                weight_kg=r.number("weight_kg"),
                course_number=r.integer("course_number"),
                course_total=r.integer("course_total"),
                clinic=r.text("clinic"),
                intention=r.text("intention"),
                bp_before=r.bp("bp_before"),
                bp_after=r.bp("bp_after"),
                side_effects=dict(effects),
                dissociation=r.integer("dissociation"),
                after_feeling=r.text("after_feeling"),
                notes=r.text("notes"),
                integration=r.text("integration"),
                created_at=r.datetime("recorded_at"),
            ),
        )
        _wrap(where, treatment.validate)
        contents.treatments.append(treatment)

    for index, record in enumerate(top.items("medications"), start=1):
        where = f"medications[{index}]"
        r = _Reader(record, where)
        events = []
        for event_index, event_record in enumerate(r.items("events"), start=1):
            e = _Reader(event_record, f"{where}.events[{event_index}]")
            events.append(
                MedicationEvent(
                    day=e.date("date"),
                    event=e.get("event", (str,), required=True),
                    dose=e.number("dose"),
                    frequency=e.text("frequency"),
                    reason=e.text("reason"),
                )
            )
        medication = Medication(
            name=r.get("name", (str,), required=True), unit=r.text("unit", "mg"), events=events
        )
        _wrap(where, medication.validate)
        contents.medications.append(medication)

    for index, record in enumerate(top.items("session_notes"), start=1):
        r = _Reader(record, f"session_notes[{index}]")
        contents.session_notes.append(
            SessionNote(
                day=r.date("date"),
                therapist=r.text("therapist"),
                worked_on=r.text("worked_on"),
                insights=r.text("insights"),
                homework=r.text("homework"),
            )
        )

    for index, record in enumerate(top.items("questions"), start=1):
        where = f"questions[{index}]"
        r = _Reader(record, where)
        question = Question(
            text=r.get("text", (str,), required=True),
            created_on=r.date("created_on"),
            source=r.text("source"),
            flagged=r.flag("flagged"),
            done_on=r.date("done_on", required=False),
        )
        _wrap(where, question.validate)
        contents.questions.append(question)
    return contents


def load_file(path: Path) -> VaultContents:
    """Read and validate an export file; raises ValidationError with a plain message."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ValidationError(f"Cannot read {path}: {error.strerror}.") from None
    if size > MAX_IMPORT_BYTES:
        raise ValidationError(f"{path} is too large to be a moodlog export.")
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ValidationError(f"{path} is not a text file (not UTF-8).") from None
    except json.JSONDecodeError as error:
        raise ValidationError(
            f"{path} is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})."
        ) from None
    return from_document(document)
