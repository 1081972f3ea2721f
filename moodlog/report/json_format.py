"""The moodlog JSON format, version 1 (documented in docs/json-format.md).

``to_document`` and ``from_document`` convert between :class:`VaultContents` and a
plain JSON-ready dict. Import validates every record and stops at the first bad
one, naming it, before anything is written.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
import re
from pathlib import Path
from typing import Any

from moodlog.domain.contents import VaultContents
from moodlog.domain.dates import EARLIEST_DAY, YEARS_AHEAD, latest_day
from moodlog.domain.entries import (
    MAX_NOTE_CHARS,
    MAX_TAG_CHARS,
    OPTIONAL_DAILY_FIELDS,
    Entry,
    clean_tag,
    validate_entry,
)
from moodlog.domain.errors import ValidationError, shown
from moodlog.domain.questionnaires import INSTRUMENTS, QuestionnaireResult, band, total_score
from moodlog.domain.safety import SI_KEYS, SafetyPlan, SICheckin, legacy_level, level
from moodlog.domain.safety import validate_answers as validate_si_answers
from moodlog.domain.treatments import (
    BloodPressure,
    Medication,
    MedicationEvent,
    Question,
    SessionNote,
    Treatment,
)

FORMAT_NAME = "moodlog"
FORMAT_VERSION = 1
# Size caps on import (stated in docs/json-format.md).
MAX_IMPORT_BYTES = 256 * 1024 * 1024  # the whole file
MAX_TEXT_CHARS = MAX_NOTE_CHARS  # a note or any other free text: as the app allows
MAX_SHORT_CHARS = 1_000  # names, units, phone numbers, frequencies, clinics
MAX_DEPTH = 16  # nesting of objects and lists (version 1 needs 5)
EARLIEST_YEAR = EARLIEST_DAY.year  # one range for every date (moodlog.domain.dates)
LATEST_YEARS_AHEAD = YEARS_AHEAD  # dates up to 5 years after today (appointments)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_TIME = re.compile(r"\d{2}:\d{2}", re.ASCII)
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}", re.ASCII)
_SURROGATE = re.compile("[\ud800-\udfff]")


def _d(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _t(value: dt.time) -> str:
    return value.strftime("%H:%M")


def _dt(value: dt.datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def _bp(value: BloodPressure | None) -> str | None:
    return str(value) if value else None


def _plan(plan: SafetyPlan) -> dict[str, Any]:
    return {**plan.to_dict(), "saved_at": _dt(plan.saved_at)}


def to_document(contents: VaultContents) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "tags": sorted(contents.tags, key=str.casefold),
        "hidden_tags": sorted(contents.hidden_tags, key=str.casefold),
        "settings": {  # (a setting with no value is left out: an import skips it too)
            k: v for k, v in sorted(contents.settings.items()) if k in SETTINGS and v is not None
        },
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
        "safety_plan": _plan(contents.safety_plan) if contents.safety_plan else None,
        "safety_plan_versions": [_plan(plan) for plan in contents.safety_plan_versions],
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
                "infusion_minutes": t.infusion_minutes,
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


# -- import ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=16384)
def _date_of(value: str) -> dt.date | None:
    """The date written exactly YYYY-MM-DD, else None (cached: a record's dates repeat)."""
    if not _DATE.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


@functools.lru_cache(maxsize=2048)
def _time_of(value: str) -> dt.time | None:
    """The time written exactly HH:MM, else None (cached: there are only 1,440)."""
    if not _TIME.fullmatch(value):
        return None
    try:
        return dt.time.fromisoformat(value)
    except ValueError:
        return None


_latest_date = functools.lru_cache(maxsize=4)(latest_day)
_EARLIEST_DATE = EARLIEST_DAY
# The latest date as of loading this module: today only moves forward while the app
# runs, so a date up to this one is in range without asking for today's date again.
_SURELY_IN_RANGE = _latest_date(dt.date.today())


def _parse_date(value: str, fail: Any, latest: dt.date | None = None) -> dt.date:
    """A date written exactly YYYY-MM-DD, from 1900 to 5 years after today (sessions:
    appointments), or, with ``latest`` (what the person records as it happens: check-ins,
    self-checks, questionnaires), up to that day."""
    parsed = _date_of(value)
    if parsed is None and isinstance(value, str) and _DATE.fullmatch(value):
        # (time review: "2027-02-29" was told it "must be a date YYYY-MM-DD")
        raise fail(f"is not a day of the calendar (got {shown(value)}).")
    if parsed is None:
        raise fail(f"must be a date YYYY-MM-DD (got {shown(value)}).")
    if parsed < _EARLIEST_DATE or parsed > _SURELY_IN_RANGE:
        furthest = _latest_date(dt.date.today())
        if not _EARLIEST_DATE <= parsed <= furthest:
            raise fail(
                f"must be a date from {EARLIEST_YEAR} to {furthest.isoformat()} "
                f"(got {shown(value)})."
            )  # (else: the app has been running since an earlier day)
    if latest is not None and parsed > latest:
        # (time review: the journal's own export, saved while the computer's clock was
        # ahead, is refused here; both likely causes are named, with this clock's date:
        # second diff review)
        today = (latest - dt.timedelta(days=1)).isoformat()
        raise fail(
            f"is in the future (got {shown(value)}; by this computer's clock today is "
            f"{today}); only sessions may be booked ahead. If this computer's date is "
            "wrong, set it and import again; if the record's date is wrong (saved while a "
            "clock was ahead), correct it where it was saved and export again."
        )
    return parsed


class _NonFinite(str):
    """What the JSON reader gives for ``NaN``, ``Infinity`` and ``-Infinity`` (which are
    not JSON), so the check below can name the field instead of storing them."""


class _DuplicateKeys(dict):
    """An object in which a key appears more than once (``duplicate`` names it)."""

    duplicate = ""


def _object(pairs: list[tuple[str, Any]]) -> dict:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                result = _DuplicateKeys(result)
                result.duplicate = key
                break
            seen.add(key)
    return result


def _check_tree(document: Any) -> None:
    """Reject what no field may hold, naming where it is: NaN or infinite numbers, text
    that is not valid Unicode (a lone surrogate), duplicate keys, deep nesting, and
    anything that is not a JSON value. Iterative, so no depth can overflow the stack."""
    stack: list[tuple[Any, str, int]] = [(document, "", 0)]
    while stack:
        value, where, depth = stack.pop()
        kind = type(value)
        if kind is str:
            if _SURROGATE.search(value):
                raise ValidationError(
                    f"{where or 'file'}: the text holds a character that is not valid "
                    "Unicode (a lone surrogate); the file is damaged or was not written "
                    "by moodlog."
                )
        elif kind is int or kind is bool or value is None:
            pass
        elif kind is float:
            if not math.isfinite(value):
                raise ValidationError(
                    f"{where}: {shown(value)} is not a number moodlog can store (use null for "
                    "'not recorded')."
                )
        elif kind is _NonFinite:
            raise ValidationError(
                f"{where}: {value} is not a number moodlog can store (use null for 'not recorded')."
            )
        elif kind is dict or kind is _DuplicateKeys or kind is list:
            if depth >= MAX_DEPTH:
                raise ValidationError(
                    f"{where or 'file'}: nested too deeply to be a moodlog export."
                )
            if kind is _DuplicateKeys:
                raise ValidationError(
                    f"{where or 'file'}: the key {shown(value.duplicate)} appears more than once."
                )
            if kind is list:
                # entries[1] ... are counted from 1, as in every message
                stack.extend(
                    (item, f"{where}[{index}]", depth + 1)
                    for index, item in enumerate(value, start=1)
                )
            else:
                for key, item in value.items():
                    if type(key) is not str:
                        raise ValidationError(f"{where or 'file'}: a key is not text.")
                    if _SURROGATE.search(key):
                        raise ValidationError(
                            f"{where or 'file'}: a key holds a character that is not valid "
                            "Unicode (a lone surrogate)."
                        )
                    stack.append((item, f"{where}.{key}" if where else key, depth + 1))
        else:
            raise ValidationError(f"{where or 'file'}: {kind.__name__} is not a JSON value.")


# In-vault settings an export may carry: how each is checked. Keys not listed here are
# ignored on import (as unknown keys anywhere are), so nothing unchecked is stored.
def _whole_days(value: Any) -> bool:
    return type(value) is int and 1 <= value <= 90


def _long_text(value: Any) -> bool:
    return type(value) is str and len(value) <= MAX_TEXT_CHARS


def _true_or_false(value: Any) -> bool:
    return type(value) is bool


SESSION_REMINDER_MAX_HOURS = 72  # (Settings offers 0-72 hours before an appointment)


SETTINGS: dict[str, tuple[Any, str]] = {
    "questionnaire_every_days": (_whole_days, "a whole number of days from 1 to 90"),
    "aftercare_text": (_long_text, f"text of at most {MAX_TEXT_CHARS:,} characters"),
    "pdf_unencrypted_warning_shown": (_true_or_false, "true or false"),
    # booster timing (issue 16): sessions in the summary; the session the observation was
    # last shown for, and the day
    "booster_last_sessions": (
        lambda value: type(value) is int and 3 <= value <= 20,
        "a whole number from 3 to 20",
    ),
    "booster_observation_shown": (
        lambda value: (
            isinstance(value, dict)
            and set(value) == {"session", "day"}
            and all(type(v) is str and len(v) <= 100 for v in value.values())
        ),
        'an object with the texts "session" and "day"',
    ),
    # The person's choices, carried to a new computer (contracts review: the reminder,
    # the fields shown on Today and the seen introduction were lost on the way).
    "reminder_enabled": (_true_or_false, "true or false"),
    "reminder_time": (
        lambda value: type(value) is str and re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value),
        'a time of day as "HH:MM"',
    ),
    "reminder_text": (_long_text, f"text of at most {MAX_TEXT_CHARS:,} characters"),
    "session_reminder_hours": (
        lambda value: type(value) is int and 0 <= value <= SESSION_REMINDER_MAX_HOURS,
        f"a whole number of hours from 0 to {SESSION_REMINDER_MAX_HOURS}",
    ),
    "daily_fields": (
        lambda value: (
            isinstance(value, list)
            and all(type(name) is str and name in OPTIONAL_DAILY_FIELDS for name in value)
            and len(set(value)) == len(value)
        ),
        "a list of distinct names among " + ", ".join(OPTIONAL_DAILY_FIELDS),
    ),
    "onboarding_done": (_true_or_false, "true or false"),
    "backup_passphrase_notice_shown": (_true_or_false, "true or false"),
}


def _settings(raw: Any) -> dict[str, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ValidationError("settings: expected an object.")
    settings = {}
    for key, value in raw.items():
        if key not in SETTINGS or value is None:
            continue
        check, expected = SETTINGS[key]
        if not check(value):
            raise ValidationError(f"settings.{key}: must be {expected} (got {shown(value)}).")
        settings[key] = value
    return settings


def _safety_plan(body: Any, where: str) -> SafetyPlan:
    """A safety plan (``safety_plan`` or one of ``safety_plan_versions``) with when it
    was saved (``saved_at``; null: saved at the import)."""
    if not isinstance(body, dict):
        raise ValidationError(f"{where}: expected an object.")
    _check_safety_plan(body, where)
    plan = _wrap(where, lambda: SafetyPlan.from_dict(body))
    plan.saved_at = _Reader(body, where).datetime("saved_at")
    return plan


def _check_safety_plan(plan: dict, where: str = "safety_plan") -> None:
    """Types and sizes of the safety plan's fields, and a strict ``reviewed_on`` date
    (``SafetyPlan.from_dict`` checks the shape)."""
    from moodlog.domain.safety import CONTACT_SECTIONS, SAFETY_PLAN_SECTIONS

    for key, _, _ in SAFETY_PLAN_SECTIONS:
        values = plan.get(key)
        if not isinstance(values, list):
            continue  # from_dict names a wrong type
        for number, item in enumerate(values, start=1):
            place = f"{where}.{key}[{number}]"
            if key in CONTACT_SECTIONS:
                if not isinstance(item, dict):
                    continue
                contact = _Reader(item, place)
                contact.required_text("name", MAX_SHORT_CHARS)
                contact.short("phone")
            elif isinstance(item, str) and len(item) > MAX_TEXT_CHARS:
                raise ValidationError(f"{place}: the line is too long ({len(item):,} characters).")
    _Reader(plan, where).date("reviewed_on", required=False)


def _tag(value: Any, where: str) -> str:
    """A tag by the journal's own rule (:func:`clean_tag`: nothing visible is no tag)."""
    if type(value) is not str or not clean_tag(value) or len(value) > MAX_TAG_CHARS:
        raise ValidationError(
            f"{where}: a tag must be 1 to {MAX_TAG_CHARS} characters of text (got {shown(value)})."
        )
    return value


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
        value = self.record.get(key)
        if value is None:
            if required:
                raise self.fail(f"'{key}' is missing.")
            return default
        if type(value) in kinds:  # the common case: exactly the type asked for
            return value
        if isinstance(value, bool) and bool not in kinds:
            raise self.fail(f"'{key}' has the wrong type ({shown(value)}).")
        if not isinstance(value, kinds):
            raise self.fail(f"'{key}' has the wrong type ({shown(value)}).")
        return value

    def text(self, key: str, default: str = "", limit: int = MAX_TEXT_CHARS) -> str:
        value = self.get(key, (str,), default=default)
        if len(value) > limit:
            raise self.fail(
                f"'{key}' is too long ({len(value):,} characters; the limit is {limit:,})."
            )
        return value

    def short(self, key: str, default: str = "") -> str:
        return self.text(key, default, MAX_SHORT_CHARS)

    def required_text(self, key: str, limit: int = MAX_TEXT_CHARS) -> str:
        self.get(key, (str,), required=True)
        return self.text(key, limit=limit)

    def number(self, key: str, limit: float = 1_000_000) -> float | int | None:
        value = self.get(key, (int, float))
        if value is not None and not -limit <= value <= limit:  # NaN/inf: _check_tree
            raise self.fail(f"'{key}' is out of range (got {shown(value)}).")
        return value

    def integer(self, key: str, required: bool = False) -> int | None:
        return self.get(key, (int,), required=required)

    def flag(self, key: str) -> bool:
        return bool(self.get(key, (bool,), default=False))

    def date(
        self, key: str, required: bool = True, latest: dt.date | None = None
    ) -> dt.date | None:
        value = self.get(key, (str,), required=required)
        if value is None:
            return None
        return _parse_date(value, lambda message: self.fail(f"'{key}' {message}"), latest)

    def time(self, key: str = "time") -> dt.time:
        value = self.get(key, (str,), required=True)
        parsed = _time_of(value)
        if parsed is None:
            raise self.fail(f"'{key}' must be a time HH:MM (got {shown(value)}).")
        return parsed

    def datetime(self, key: str) -> dt.datetime | None:
        value = self.get(key, (str,))
        if value is None:
            return None
        if not _TIMESTAMP.fullmatch(value):
            rest = value[19:] if _TIMESTAMP.match(value) else ""
            zone = (  # (contracts review: ".123" was called a time zone)
                " with fractions of a second"
                if rest.startswith((".", ","))
                else (" with a time zone" if rest else "")
            )
            raise self.fail(
                f"'{key}' must be a local date and time YYYY-MM-DDTHH:MM:SS, without a time "
                f"zone (got {shown(value)}{zone})."
            )
        try:
            stamp = dt.datetime.fromisoformat(value)
        except ValueError:
            raise self.fail(f"'{key}' is not a real date and time (got {shown(value)}).") from None
        _parse_date(value[:10], lambda message: self.fail(f"'{key}' {message}"))  # the range
        return stamp

    def bp(self, key: str) -> BloodPressure | None:
        value = self.get(key, (str,))
        return BloodPressure.parse(value) if value else None

    def items(self, key: str) -> list:
        return self.get(key, (list,), default=[])


# -- the quick reading -----------------------------------------------------------------
# Most records of a real export hold exactly what is expected. ``_quick_*`` read such a
# record with plain type checks and the same domain validation, without naming fields,
# and return None for anything else (or any doubt): the field-by-field ``_Reader`` then
# reads that record, builds the same object or refuses it naming the field. A quick
# reading accepts only what the field-by-field one accepts, with the same result
# (tests/test_json_import_quick.py compares the two on mutated records).
_NOT_READ = object()
_SI_KEY_SET = frozenset(SI_KEYS)
_ANSWER_TYPES = frozenset({bool, type(None)})
_EARLIEST_STAMP = dt.datetime(EARLIEST_YEAR, 1, 1)
_STAMPS_BEFORE = dt.datetime.combine(_SURELY_IN_RANGE + dt.timedelta(days=1), dt.time())


def _quick_date(value: Any, latest: dt.date = _SURELY_IN_RANGE) -> dt.date | None:
    if type(value) is str:
        day = _date_of(value)
        if day is not None and _EARLIEST_DATE <= day <= latest:
            return day
    return None


def recorded_by() -> dt.date:
    """The latest day a check-in, self-check or questionnaire may have: tomorrow (a
    phone in a time zone ahead of this computer may be there already), as the CSV
    importers allow (review finding: a GAD-7 dated five years ahead was taken, and
    the questionnaire prompt on Today was silent since)."""
    return dt.date.today() + dt.timedelta(days=1)


def _quick_time(value: Any) -> dt.time | None:
    return _time_of(value) if type(value) is str else None


def _quick_stamp(value: Any) -> Any:
    """A ``recorded_at``: None (not known), its date and time, or ``_NOT_READ``."""
    if value is None:
        return None
    if type(value) is str and _TIMESTAMP.fullmatch(value):
        try:
            stamp = dt.datetime.fromisoformat(value)
        except ValueError:
            return _NOT_READ
        if _EARLIEST_STAMP <= stamp < _STAMPS_BEFORE:
            return stamp
    return _NOT_READ


def _quick_flag(value: Any) -> Any:
    if value is None:
        return False
    return value if type(value) is bool else _NOT_READ


def _quick_entry(record: Any, latest: dt.date | None = None) -> Entry | None:
    if type(record) is not dict:
        return None
    get = record.get
    day = _quick_date(get("date"), latest or recorded_by())
    time, mood = _quick_time(get("time")), get("mood")
    if day is None or time is None or type(mood) is not int:
        return None
    anxiety, energy = get("anxiety"), get("energy")
    irritability, quality, hours = get("irritability"), get("sleep_quality"), get("sleep_hours")
    for value in (anxiety, energy, irritability, quality):
        if value is not None and type(value) is not int:
            return None
    if hours is not None and type(hours) is not float and type(hours) is not int:
        return None
    tags = get("tags")
    if tags is None:
        tags = []
    elif type(tags) is not list:
        return None
    for tag in tags:
        if type(tag) is not str or len(tag) > MAX_TAG_CHARS or not tag.strip():
            return None
    note = get("note")
    if note is None:
        note = ""
    elif type(note) is not str or len(note) > MAX_TEXT_CHARS:
        return None
    stamp = _quick_stamp(get("recorded_at"))
    if stamp is _NOT_READ:
        return None
    entry = Entry(
        day=day,
        time=time,
        mood=mood,
        anxiety=anxiety,
        energy=energy,
        irritability=irritability,
        sleep_hours=hours,
        sleep_quality=quality,
        tags=list(tags),
        note=note,
        created_at=stamp,
    )
    try:
        validate_entry(entry)
    except ValidationError:
        return None
    return entry


def _quick_questionnaire(record: Any, latest: dt.date | None = None) -> QuestionnaireResult | None:
    if type(record) is not dict:
        return None
    get = record.get
    instrument, answers, difficulty = get("instrument"), get("answers"), get("difficulty")
    day = _quick_date(get("date"), latest or recorded_by())
    time, baseline = _quick_time(get("time")), get("baseline")
    if (
        type(instrument) is not str
        or instrument not in INSTRUMENTS
        or type(answers) is not list
        or (difficulty is not None and type(difficulty) is not int)
        or day is None
        or time is None
    ):
        return None
    baseline, stamp = _quick_flag(baseline), _quick_stamp(get("recorded_at"))
    if baseline is _NOT_READ or stamp is _NOT_READ:
        return None
    result = QuestionnaireResult(
        day=day,
        time=time,
        instrument=instrument,
        answers=list(answers),
        difficulty=difficulty,
        is_baseline=baseline,
        created_at=stamp,
    )
    try:
        result.validate()
        computed = total_score(instrument, result.answers)
        stated_band = get("band")
        if stated_band is not None and stated_band != band(instrument, computed):
            return None
    except ValidationError:
        return None
    if "total" in record:
        total = get("total")
        if (total is not None and type(total) is not int) or total != computed:
            return None
    return result


def _quick_checkin(
    record: Any, verdicts: dict[tuple, tuple[str, str]], latest: dt.date | None = None
) -> SICheckin | None:
    """``verdicts``: (level, legacy level) of each answer set met so far in this file,
    keyed by the six answers (only true, false and null get here, so 0 and 1 never meet
    false and true) and ``skipped``."""
    if type(record) is not dict:
        return None
    get = record.get
    answers = get("answers")
    if (
        type(answers) is not dict
        or not answers.keys() <= _SI_KEY_SET
        or not set(map(type, answers.values())) <= _ANSWER_TYPES
    ):
        return None
    day, time = _quick_date(get("date"), latest or recorded_by()), _quick_time(get("time"))
    skipped, discuss = _quick_flag(get("skipped")), _quick_flag(get("discuss"))
    stamp = _quick_stamp(get("recorded_at"))
    if (
        day is None
        or time is None
        or skipped is _NOT_READ
        or discuss is _NOT_READ
        or stamp is _NOT_READ
        or (skipped and any(value is not None for value in answers.values()))
    ):
        return None
    key = (*map(answers.get, SI_KEYS), skipped)
    verdict = verdicts.get(key)
    if verdict is None:
        plain = dict(answers)
        try:
            validate_si_answers(plain)
            verdict = verdicts[key] = (level(plain, skipped), legacy_level(plain, skipped))
        except ValidationError:
            return None
    stated = get("level")
    if stated is not None and stated != verdict[0] and stated != verdict[1]:
        return None
    return SICheckin(
        day=day,
        time=time,
        answers=dict(answers),
        skipped=skipped,
        discuss=discuss,
        created_at=stamp,
    )


def _wrap(where: str, action):  # noqa: ANN001, ANN202
    try:
        return action()
    except ValidationError as error:
        message = str(error)
        raise ValidationError(
            message if message.startswith(where) else f"{where}: {message}"
        ) from None


def from_document(document: Any) -> VaultContents:
    """Validate a parsed JSON document and turn it into domain objects.

    Every field that is stored is checked (type, range, format, size); the first
    problem is raised as a ValidationError naming the record and field."""
    return _validated(document, check_tree=True)


def _validated(document: Any, check_tree: bool) -> VaultContents:
    """``from_document``; ``check_tree=False`` only for a document from ``_parse`` that
    found nothing the tree check looks for (it then has nothing to find)."""
    try:
        return _from_document(document, check_tree)
    except ValidationError as error:
        message = str(error)
        if len(message) > 400:  # a domain message may quote a value at length
            message = message[:397] + "..."
        raise ValidationError(message) from None
    except RecursionError:
        raise ValidationError("The file is nested too deeply to be a moodlog export.") from None


def _from_document(document: Any, check_tree: bool = True) -> VaultContents:
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ValidationError('This is not a moodlog export ("format" is not "moodlog").')
    if check_tree:
        _check_tree(document)
    version = document.get("version")
    if type(version) is int and version > FORMAT_VERSION:
        raise ValidationError(
            f"This export is format version {version}, from a newer moodlog; this version "
            f"reads up to {FORMAT_VERSION}. Please update moodlog."
        )
    if type(version) is not int or version != FORMAT_VERSION:
        raise ValidationError(
            f'The export has no valid "version" number (it must be {FORMAT_VERSION}; '
            f"got {shown(version)})."
        )
    top = _Reader(document, "file")
    contents = VaultContents()
    contents.tags = [_tag(t, f"tags[{i}]") for i, t in enumerate(top.items("tags"), start=1)]
    contents.hidden_tags = [
        _tag(t, f"hidden_tags[{i}]") for i, t in enumerate(top.items("hidden_tags"), start=1)
    ]
    contents.settings = _settings(document.get("settings"))

    latest = recorded_by()  # check-ins, self-checks, questionnaires: not ahead of tomorrow
    for index, record in enumerate(top.items("entries"), start=1):
        entry = _quick_entry(record, latest)
        if entry is not None:
            contents.entries.append(entry)
            continue
        where = f"entries[{index}]"
        r = _Reader(record, where)
        tags = [_tag(t, f"{where}.tags[{i}]") for i, t in enumerate(r.items("tags"), start=1)]
        entry = Entry(
            day=r.date("date", latest=latest),
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
        quick = _quick_questionnaire(record, latest)
        if quick is not None:
            contents.questionnaires.append(quick)
            continue
        where = f"questionnaires[{index}]"
        r = _Reader(record, where)
        instrument = r.get("instrument", (str,), required=True)
        if instrument not in INSTRUMENTS:
            raise r.fail(f"'instrument' must be one of {', '.join(INSTRUMENTS)}.")
        answers = r.items("answers")
        result = QuestionnaireResult(
            day=r.date("date", latest=latest),
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
            if computed is None:  # (contracts review: "the answers add up to None")
                raise r.fail(
                    f"'total' is {total} but an item is unanswered, so there is no total: "
                    "'total' must be null."
                )
            raise r.fail(f"'total' is {total} but the answers add up to {computed}.")
        if record.get("band") is not None and record["band"] != band(instrument, computed):
            raise r.fail(f"'band' {record['band']!r} does not match the total.")
        contents.questionnaires.append(result)

    levels: dict[tuple, str] = {}
    verdicts: dict[tuple, tuple[str, str]] = {}
    for index, record in enumerate(top.items("si_checkins"), start=1):
        quick_checkin = _quick_checkin(record, verdicts, latest)
        if quick_checkin is not None:
            contents.checkins.append(quick_checkin)
            continue
        where = f"si_checkins[{index}]"
        r = _Reader(record, where)
        answers = r.get("answers", (dict,), default={})
        skipped = r.flag("skipped")
        checkin = SICheckin(
            day=r.date("date", latest=latest),
            time=r.time(),
            answers=dict(answers),
            skipped=skipped,
            discuss=r.flag("discuss"),
            created_at=r.datetime("recorded_at"),
        )
        try:  # a few distinct answer sets recur thousands of times: judge each once
            # The type is part of the key: 0 == False and 1 == True hash alike, and an
            # integer must not pass on a boolean's earlier verdict.
            key: tuple | None = (
                tuple(sorted((k, type(v), v) for k, v in answers.items())),
                skipped,
            )
            computed = levels.get(key)  # type: ignore[arg-type]
        except TypeError:  # an unhashable answer (a list...): judged below, which names it
            key, computed = None, None
        if computed is None:
            # Checked even when skipped (``level`` of a skipped check-in looks at nothing).
            _wrap(where, lambda a=answers: validate_si_answers(dict(a)))
            computed = _wrap(where, lambda a=answers, s=skipped: level(dict(a), s))
            if key is not None:
                levels[key] = computed
        answered = [key for key, value in answers.items() if value is not None]
        if skipped and answered:  # (contracts review: a yes under "skipped" was stored,
            raise r.fail(  # and read as skipped everywhere)
                f"'skipped' is true but '{answered[0]}' is answered; a skipped self-check "
                "has no answers (set 'skipped' to false to keep them)."
            )
        stated = record.get("level")
        # Files from before the level "incomplete" existed say "low" or "moderate" where
        # a follow-up was left unanswered: accepted, and the answers decide the level.
        if (
            stated is not None
            and stated != computed
            and stated != legacy_level(dict(answers), skipped)
        ):
            raise r.fail(f"'level' is {record['level']!r} but the answers give {computed!r}.")
        contents.checkins.append(checkin)

    plan = top.get("safety_plan", (dict,))
    if plan is not None:
        contents.safety_plan = _safety_plan(plan, "safety_plan")
    contents.safety_plan_versions = [
        _safety_plan(body, f"safety_plan_versions[{index}]")
        for index, body in enumerate(top.items("safety_plan_versions"), start=1)
    ]
    if contents.safety_plan_versions and contents.safety_plan is None:
        raise ValidationError(
            "safety_plan_versions: earlier versions of a safety plan need the current one "
            "(safety_plan is null)."
        )

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
                kind_other=r.short("kind_other"),
                dose_mg=r.number("dose_mg", 100_000),
                weight_kg=r.number("weight_kg"),
                course_number=r.integer("course_number"),
                course_total=r.integer("course_total"),
                clinic=r.short("clinic"),
                intention=r.text("intention"),
                bp_before=r.bp("bp_before"),
                bp_after=r.bp("bp_after"),
                side_effects=dict(effects),
                dissociation=r.integer("dissociation"),
                after_feeling=r.text("after_feeling"),
                notes=r.text("notes"),
                integration=r.text("integration"),
                infusion_minutes=r.integer("infusion_minutes"),
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
                    frequency=e.short("frequency"),
                    reason=e.text("reason"),
                )
            )
        medication = Medication(
            name=r.required_text("name", MAX_SHORT_CHARS), unit=r.short("unit", "mg"), events=events
        )
        _wrap(where, medication.validate)
        contents.medications.append(medication)

    for index, record in enumerate(top.items("session_notes"), start=1):
        r = _Reader(record, f"session_notes[{index}]")
        contents.session_notes.append(
            SessionNote(
                day=r.date("date"),
                therapist=r.short("therapist"),
                worked_on=r.text("worked_on"),
                insights=r.text("insights"),
                homework=r.text("homework"),
            )
        )

    for index, record in enumerate(top.items("questions"), start=1):
        where = f"questions[{index}]"
        r = _Reader(record, where)
        question = Question(
            text=r.required_text("text"),
            created_on=r.date("created_on"),
            source=r.short("source"),
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
    if not path.is_file():  # a folder, or a pipe or device that would be read forever
        raise ValidationError(f"{path} is not a file.")
    if size > MAX_IMPORT_BYTES:
        raise ValidationError(
            f"{path} is too large to be a moodlog export ({size / 2**20:,.0f} MB; the limit "
            f"is {MAX_IMPORT_BYTES // 2**20} MB)."
        )
    try:
        # (a byte order mark, as Notepad writes it, is read past: review finding)
        document, suspicious = _parse(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise ValidationError(f"{path} is not a text file (not UTF-8).") from None
    except json.JSONDecodeError as error:
        raise ValidationError(
            f"{path} is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})."
        ) from None
    except RecursionError:
        raise ValidationError(f"{path} is nested too deeply to be a moodlog export.") from None
    except ValueError:  # e.g. a number with thousands of digits
        raise ValidationError(f"{path} holds a number too long to be read.") from None
    except OSError as error:
        raise ValidationError(f"Cannot read {path}: {error.strerror}.") from None
    return _validated(document, check_tree=suspicious)


def loads(text: str) -> Any:
    """``json.loads`` that keeps what JSON does not allow visible to ``from_document``:
    NaN/Infinity become markers and duplicate keys are remembered, so the import can
    reject them naming the record and field."""
    return json.loads(text, parse_constant=_NonFinite, object_pairs_hook=_object)


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _parse(text: str) -> tuple[Any, bool]:
    """``loads``, and whether the document may hold anything ``_check_tree`` looks for:
    NaN/Infinity, a number too large to be finite, a duplicate key, an escaped
    surrogate (text decoded from UTF-8 cannot hold one otherwise). Deep nesting is
    refused by ``json.loads`` itself (RecursionError) or by the typed reading. Most files
    hold none of these, and the whole-tree walk is then skipped."""
    found: list[bool] = []

    def pairs(items: list[tuple[str, Any]]) -> dict:
        result = dict(items)
        if len(result) != len(items):
            found.append(True)
            return _object(items)
        return result

    def constant(name: str) -> _NonFinite:
        found.append(True)
        return _NonFinite(name)

    def number(literal: str) -> float:
        value = float(literal)
        if not math.isfinite(value):
            found.append(True)
        return value

    document = json.loads(
        text, parse_constant=constant, object_pairs_hook=pairs, parse_float=number
    )
    # No backslash at all (moodlog writes text unescaped): one memchr, ~0.03 ms for 3 MB.
    escaped = "\\" in text and _SURROGATE_ESCAPE.search(text) is not None
    return document, bool(found) or escaped
