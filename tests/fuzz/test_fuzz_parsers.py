"""Property-based fuzzing of the other parsers of user input (issue 12): preferences.json,
the domain's form validators and date ranges. Each either accepts a value that the rest of
the app can store and show, or refuses it with a plain ValidationError (ValueError for a
period that ends before it starts); never any other exception."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moodlog.domain.contents import VaultContents
from moodlog.domain.entries import Entry, validate_entry
from moodlog.domain.errors import ValidationError
from moodlog.domain.period import Period, since_last_appointment
from moodlog.domain.questionnaires import INSTRUMENTS, QuestionnaireResult, band, total_score
from moodlog.domain.safety import SafetyPlan, level
from moodlog.domain.treatments import (
    BloodPressure,
    Medication,
    MedicationEvent,
    Question,
    SessionNote,
    Treatment,
)
from moodlog.paths import PREFERENCES_FILENAME
from moodlog.preferences import Preferences
from moodlog.vault.repositories import treatment_to_body

FUZZ = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

any_text = st.text(st.characters(blacklist_categories=()), max_size=20)
numbers = st.one_of(
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
)
scalars = st.one_of(st.none(), st.booleans(), numbers, any_text)
json_like = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(any_text, inner, max_size=3)
    ),
    max_leaves=8,
)
days = st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))
plausible_days = st.dates(dt.date(1990, 1, 1), dt.date.today() + dt.timedelta(days=700))
times = st.times().map(lambda t: t.replace(second=0, microsecond=0))


def _exportable(value) -> None:  # noqa: ANN001
    """What the vault stores and an export writes must be valid JSON (no NaN/Infinity)."""
    json.loads(json.dumps(value, allow_nan=False))


# -- preferences.json ----------------------------------------------------------------


@FUZZ
@given(raw=st.one_of(st.binary(max_size=120), json_like.map(lambda v: json.dumps(v).encode())))
def test_any_preferences_file_starts_with_usable_preferences(tmp_path: Path, raw: bytes):
    (tmp_path / PREFERENCES_FILENAME).write_bytes(raw)
    prefs = Preferences.load(tmp_path)
    assert isinstance(prefs.country, str) and len(prefs.country) <= 3
    assert prefs.country == "" or (prefs.country.isascii() and prefs.country.isalpha())
    assert type(prefs.idle_lock_minutes) is int and 1 <= prefs.idle_lock_minutes <= 240
    prefs.save(tmp_path)  # and it can be written back
    assert Preferences.load(tmp_path).notice == ""


@FUZZ
@given(country=json_like, minutes=json_like)
def test_any_preference_values_start_with_usable_preferences(tmp_path: Path, country, minutes):
    body = json.dumps({"country": country, "idle_lock_minutes": minutes})
    (tmp_path / PREFERENCES_FILENAME).write_text(body, encoding="utf-8")
    prefs = Preferences.load(tmp_path)
    assert type(prefs.idle_lock_minutes) is int and 1 <= prefs.idle_lock_minutes <= 240
    assert isinstance(prefs.country, str) and len(prefs.country) <= 3


# -- form validators -------------------------------------------------------------------


@FUZZ
@given(
    day=plausible_days,
    time=times,
    values=st.fixed_dictionaries(
        {name: scalars for name in ("mood", "anxiety", "energy", "irritability", "sleep_quality")}
    ),
    sleep=scalars,
    tags=st.lists(scalars, max_size=3),
    note=scalars,
)
def test_entry_validation(day, time, values, sleep, tags, note):
    entry = Entry(day=day, time=time, sleep_hours=sleep, tags=tags, note=note, **values)
    try:
        validate_entry(entry)
    except ValidationError:
        return
    _exportable([entry.mood, entry.anxiety, entry.sleep_hours, entry.tags, entry.note])
    assert 0 <= entry.mood <= 10


@FUZZ
@given(
    day=plausible_days,
    time=times,
    kind=st.one_of(st.sampled_from(["ketamine_iv", "esketamine_nasal", "tms", "other"]), any_text),
    numbers=st.fixed_dictionaries(
        {
            name: scalars
            for name in (
                "dose_mg",
                "weight_kg",
                "course_number",
                "course_total",
                "dissociation",
                "infusion_minutes",
            )
        }
    ),
    effects=st.dictionaries(
        st.one_of(st.sampled_from(["dissociation", "nausea/vomiting"]), any_text),
        st.one_of(st.sampled_from(["none", "mild", "severe"]), scalars),
        max_size=3,
    ),
    bp=st.one_of(any_text, st.from_regex(r"\A\s*[0-9+\-]{1,4}\s*/\s*[0-9+\-]{1,4}\s*\Z")),
)
def test_treatment_validation(day, time, kind, numbers, effects, bp):
    try:
        treatment = Treatment(
            day=day,
            time=time,
            kind=kind,
            side_effects=effects,
            bp_before=BloodPressure.parse(bp),
            **numbers,
        )
        treatment.validate()
    except ValidationError:
        return
    _exportable(treatment_to_body(treatment))
    assert treatment.dose_text() is not None and treatment.label


@FUZZ
@given(
    day=days,
    event=st.one_of(st.sampled_from(["start", "change", "stop"]), any_text),
    dose=scalars,
    name=any_text,
)
def test_medication_validation(day, event, dose, name):
    medication = Medication(name=name, events=[MedicationEvent(day=day, event=event, dose=dose)])
    try:
        medication.validate()
    except ValidationError:
        return
    _exportable([e.dose for e in medication.events])
    medication.current_dose(day)


@FUZZ
@given(instrument=st.one_of(st.sampled_from(INSTRUMENTS), any_text), answers=json_like)
def test_questionnaire_validation(instrument, answers):
    try:
        result = QuestionnaireResult(dt.date(2026, 1, 1), dt.time(9), instrument, answers)
        result.validate()
        total = total_score(instrument, answers)
    except ValidationError:
        return
    assert band(instrument, total) is None or result.scored
    _exportable(result.answers)


@FUZZ
@given(answers=json_like, skipped=st.booleans())
def test_self_check_level(answers, skipped):
    try:
        result = level(answers, skipped)
    except ValidationError:
        return
    assert result in ("none", "low", "moderate", "high", "skipped", "incomplete")


@FUZZ
@given(body=json_like)
def test_safety_plan_from_any_body(body):
    try:
        plan = SafetyPlan.from_dict(body)
    except ValidationError:
        return
    _exportable(plan.to_dict())


@FUZZ
@given(text=any_text, created=days)
def test_question_validation(text, created):
    try:
        Question(text=text, created_on=created).validate()
    except ValidationError:
        return
    assert text.strip()


# -- date ranges -----------------------------------------------------------------------


@FUZZ
@given(first=days, last=days, note_days=st.lists(days, max_size=3), today=days)
def test_periods(first, last, note_days, today):
    try:
        period = Period(first, last)
    except ValueError as error:
        assert last < first and "ends before it starts" in str(error)
        return
    assert period.days >= 1 and period.contains(first) and period.contains(last)
    assert str(period.days) in period.describe()
    contents = VaultContents(session_notes=[SessionNote(day=d) for d in note_days])
    try:
        default = since_last_appointment(contents, today)
    except OverflowError:
        assert today < dt.date(1, 2, 1)  # 30 days before year 1 do not exist
        return
    assert default.last == today and default.days >= 30
