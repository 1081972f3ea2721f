"""Hypothesis strategies for random but valid journals (``VaultContents``) and the
periods a summary of them may cover: what a person could have saved through the
screens, over months, with the shapes that break day arithmetic (gaps of weeks, several
entries a day, sessions at the same minute, records dated after "now", forms left
partly unanswered, medications changed on a period's first or last day).

Every record passes its own ``validate()``; a period never starts before
``pdf.FIRST_REPORT_DAY``. Dates are around a fixed ``NOW`` so runs are reproducible."""

from __future__ import annotations

import copy
import datetime as dt
import random
from dataclasses import dataclass

from hypothesis import strategies as st

from moodlog.domain.contents import VaultContents
from moodlog.domain.entries import Entry
from moodlog.domain.period import Period, since_last_appointment
from moodlog.domain.questionnaires import GAD7, PHQ9, QuestionnaireResult, item_count
from moodlog.domain.safety import FOLLOW_UP_KEYS, SI_KEYS, Contact, SafetyPlan, SICheckin
from moodlog.domain.safety import validate_answers as validate_checkin
from moodlog.domain.treatments import (
    ESKETAMINE_DOSES_MG,
    KINDS,
    SEVERITIES,
    SIDE_EFFECTS,
    BloodPressure,
    Medication,
    MedicationEvent,
    Question,
    SessionNote,
    Treatment,
)

NOW = dt.datetime(2026, 6, 15, 14, 30)
TODAY = NOW.date()
DAY = dt.timedelta(days=1)
# Offsets from TODAY that records are dated at: a bit over a year back, a few weeks ahead.
EARLIEST, LATEST = -420, 40

# Times a record is saved at, HH:MM as the journal keeps them: midnight and the minute
# before it (day arithmetic), a few shared ones (same-minute records), NOW's minute and
# the one after it (is it an appointment yet?).
TIMES = [
    dt.time(0, 0),
    dt.time(0, 30),
    dt.time(9, 0),
    NOW.time(),
    (NOW + dt.timedelta(minutes=1)).time(),
    dt.time(23, 30),
    dt.time(23, 59),
]
times = st.one_of(
    st.sampled_from(TIMES), st.times().map(lambda t: t.replace(second=0, microsecond=0, fold=0))
)


def _plan() -> SafetyPlan:
    return SafetyPlan(
        warning_signs=["Not sleeping"], people=[Contact("Sam", "0123")], reviewed_on=_day(-100)
    )


NOTES = ["", "", "ok", "Rest.", "tired but fine", "talked to Sam"]
short_text = st.sampled_from(NOTES)
# A day, as an offset from TODAY: any, or one where "now" matters (today, yesterday,
# tomorrow) or a course's edges fall (a week, a month, 90 days back).
offsets = st.one_of(
    st.integers(EARLIEST, LATEST), st.sampled_from([0, 0, -1, 1, -7, -14, -30, -91])
)


def _day(offset: int) -> dt.date:
    return TODAY + dt.timedelta(days=offset)


@st.composite
def entry_days(draw: st.DrawFn, sessions: list[dt.date]) -> list[dt.date]:
    """Runs of logging: dense (every day), sparse (every few days), with gaps of weeks
    between runs, and some days logged several times; often a run around the
    ``sessions`` (from 10 days before the first to 3 weeks after the last), with days
    left out at random, so that sessions have baselines and durations."""
    days: list[dt.date] = []
    if sessions and draw(st.integers(0, 3)):
        first, last = min(sessions) - 10 * DAY, max(sessions) + 21 * DAY
        kept = draw(st.sampled_from([1.0, 0.9, 0.6, 0.4]))
        rng = random.Random(draw(st.integers(0, 2**32)))
        days += [first + i * DAY for i in range((last - first).days + 1) if rng.random() < kept]
    for _ in range(draw(st.integers(0, 3))):
        start = draw(offsets)
        length = draw(st.sampled_from([1, 3, 7, 14, 30, 60]))
        step = draw(st.sampled_from([1, 1, 1, 2, 3, 7]))
        days += [_day(start + i) for i in range(0, length, step)]
    days += [_day(d) for d in draw(st.lists(offsets, max_size=6))]
    repeated = draw(st.lists(st.sampled_from(days), max_size=4)) if days else []
    return [day for day in days + repeated if day <= _day(LATEST)]


def optional(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(st.none(), strategy)


@st.composite
def entries(draw: st.DrawFn, sessions: list[dt.date]) -> list[Entry]:
    """Entries on :func:`entry_days`. Their values come from a seeded generator (drawing
    each of hundreds of values through hypothesis made one example take 0.1 s); the
    mood's shape is drawn: any, flat, a step up or down, or a lift after each of the
    ``sessions`` that lasts some days (what durability measures)."""
    days = draw(entry_days(sessions))
    rng = random.Random(draw(st.integers(0, 2**32)))
    shape = draw(st.sampled_from(["any", "flat", "step", "lift", "lift"]))
    flat, low, high = draw(st.integers(0, 10)), draw(st.integers(0, 10)), draw(st.integers(0, 10))
    middle = TODAY - rng.randint(0, 200) * DAY
    lasts = draw(st.integers(0, 25))
    session_days = sorted(sessions)

    def mood(day: dt.date) -> int:
        if shape == "flat":
            return flat
        if shape == "step":
            return low if day < middle else high
        if shape == "lift":
            since = [(day - s).days for s in session_days if s < day]
            lifted = bool(since) and min(since) <= lasts
            return min(10, max(0, (high if lifted else low) + rng.choice([-1, 0, 0, 1])))
        return rng.randint(0, 10)

    def maybe(value: object) -> object:
        return value if rng.random() < 0.6 else None

    result = []
    for day in days:
        created = rng.choice(
            [
                None,
                dt.datetime.combine(day, dt.time(21, 0)),
                dt.datetime.combine(day, dt.time()) + dt.timedelta(hours=rng.randint(0, 240)),
            ]
        )
        result.append(
            Entry(
                day=day,
                time=rng.choice(TIMES),
                mood=mood(day),
                anxiety=maybe(rng.randint(0, 10)),
                energy=maybe(rng.randint(0, 10)),
                irritability=maybe(rng.randint(0, 10)),
                sleep_hours=maybe(rng.randint(0, 96) / 4),
                sleep_quality=maybe(rng.randint(0, 10)),
                tags=rng.sample(["exercise", "work stress", "rest day"], rng.randint(0, 2)),
                note=rng.choice(NOTES),
                created_at=created,
            )
        )
    return result


def _dose(kind: str, rng: random.Random) -> float | None:
    info = KINDS[kind]
    if info.dose_range_mg is None or rng.random() < 0.2:
        return None
    low, high = info.dose_range_mg
    if rng.random() < 0.5:
        return float(rng.randint(int(low), int(high)))
    return float(rng.choice(ESKETAMINE_DOSES_MG if kind == "esketamine_nasal" else (35, 50)))


def treatment(kind: str, day: dt.date, time: dt.time, rng: random.Random) -> Treatment:
    """A session of ``kind`` at ``day`` ``time``, what else was noted about it drawn
    from ``rng``."""

    def maybe(value: object) -> object:
        return value if rng.random() < 0.6 else None

    return Treatment(
        day=day,
        time=time,
        kind=kind,
        dose_mg=_dose(kind, rng),
        weight_kg=maybe(rng.choice([50.0, 72.5, 110.0])),
        kind_other=rng.choice(["", "Psilocybin trial"]) if kind == "other" else "",
        course_number=rng.randint(1, 12) if rng.random() < 0.1 else None,
        course_total=maybe(rng.randint(1, 12)),
        bp_before=maybe(BloodPressure(124, 80)),
        bp_after=maybe(rng.choice([BloodPressure(130, 85), BloodPressure(185, 112)])),
        side_effects={
            rng.choice(SIDE_EFFECTS): rng.choice(SEVERITIES) for _ in range(rng.randint(0, 3))
        },
        dissociation=maybe(rng.randint(0, 10)),
        after_feeling=rng.choice(NOTES),
        notes=rng.choice(NOTES),
        integration=rng.choice(NOTES),
        infusion_minutes=maybe(rng.randint(1, 240)),
    )


kinds = st.one_of(
    st.sampled_from(["ketamine_iv", "esketamine_nasal"]),  # most sessions
    st.sampled_from(sorted(KINDS)),
)


@st.composite
def treatments(draw: st.DrawFn) -> list[Treatment]:
    """Courses: an induction run (sessions a few days apart), boosters weeks apart, a
    gap of months (a new course), sessions on one day or at the same minute,
    appointments ahead (after NOW, some later today)."""
    days: list[dt.date] = []
    for _ in range(draw(st.integers(0, 3))):
        start = draw(offsets)
        count = draw(st.integers(1, 8))
        spacing = draw(st.sampled_from([1, 2, 3, 4, 7, 14, 21, 35]))
        days += [_day(start + i * spacing) for i in range(count)]
    days += [_day(d) for d in draw(st.lists(offsets, max_size=3))]
    rng = random.Random(draw(st.integers(0, 2**32)))
    result: list[Treatment] = []
    for day in [day for day in days if day <= _day(LATEST)][:24]:
        result.append(treatment(draw(kinds), day, draw(times), rng))
        if draw(st.integers(0, 6)) == 0:  # a second session that day, maybe the same minute
            time = result[-1].time if draw(st.booleans()) else draw(times)
            result.append(treatment(draw(kinds), day, time, rng))
    return result


@st.composite
def questionnaires(draw: st.DrawFn) -> list[QuestionnaireResult]:
    """PHQ-9s and GAD-7s, most of them whole, some with items left unanswered (never
    all of them: a blank form is not saved), some marked as the baseline."""
    result = []
    for offset in draw(st.lists(offsets, max_size=10)):
        instrument = draw(st.sampled_from([PHQ9, PHQ9, GAD7]))
        count = item_count(instrument)
        answers: list[int | None] = list(
            draw(st.lists(st.integers(0, 3), min_size=count, max_size=count))
        )
        if draw(st.integers(0, 4)) == 0:
            for index in draw(st.lists(st.integers(0, count - 1), max_size=count - 1)):
                answers[index] = None
        result.append(
            QuestionnaireResult(
                day=_day(offset),
                time=draw(times),
                instrument=instrument,
                answers=answers,
                difficulty=draw(optional(st.integers(0, 3))),
                is_baseline=draw(st.integers(0, 4)) == 0,
            )
        )
    return result


@st.composite
def checkin(draw: st.DrawFn, day: dt.date) -> SICheckin:
    if draw(st.integers(0, 6)) == 0:
        return SICheckin.skipped_on(day, draw(times))
    yes_no = st.sampled_from([True, False, False, None])
    answers = {key: draw(yes_no) for key in SI_KEYS if key not in FOLLOW_UP_KEYS}
    if answers["thoughts"] is True:  # the follow-ups are asked only after a yes to thoughts
        answers.update({key: draw(yes_no) for key in FOLLOW_UP_KEYS})
    return SICheckin(day=day, time=draw(times), answers=answers, discuss=draw(st.booleans()))


@st.composite
def checkins(draw: st.DrawFn) -> list[SICheckin]:
    return [draw(checkin(_day(offset))) for offset in draw(st.lists(offsets, max_size=12))]


@st.composite
def medications(draw: st.DrawFn, edges: list[dt.date]) -> list[Medication]:
    """Medications started, changed and stopped, some of it on (or a day off) ``edges``:
    a period's first and last days."""
    near = [d + k * DAY for d in edges for k in (-1, 0, 1)]
    some_day = st.one_of(offsets.map(_day), st.sampled_from(near))
    result = []
    for name in draw(
        st.lists(st.sampled_from(["Sertraline", "Lithium", "Bupropion"]), max_size=3, unique=True)
    ):
        days = sorted(draw(st.lists(some_day, min_size=1, max_size=5)))
        events = [
            MedicationEvent(
                days[0],
                "start",
                draw(optional(st.sampled_from([50.0, 100.0]))),
                draw(st.sampled_from(["", "once daily"])),
            )
        ]
        for day in days[1:]:
            kind = draw(st.sampled_from(["change", "change", "stop", "start"]))
            dose = None if kind == "stop" else draw(optional(st.sampled_from([25.0, 150.0])))
            events.append(MedicationEvent(day, kind, dose, draw(st.sampled_from(["", "twice"]))))
        result.append(Medication(name=name, events=events))
    return result


@st.composite
def periods(draw: st.DrawFn, contents: VaultContents, future: bool = False) -> Period:
    """1 day, a week, a month, a year, from the first record, or the Export screen's
    default; ending today, on a record's day, before the first record or (``future``)
    after the last. A period the report accepts: it ends today at the latest unless
    ``future``."""
    record_days = (
        [e.day for e in contents.entries]
        + [t.day for t in contents.treatments]
        + [q.day for q in contents.questionnaires]
        + [c.day for c in contents.checkins]
    ) or [TODAY]
    ends = [TODAY, min(record_days) - DAY, max(record_days), *record_days[:5]]
    if future:
        ends.append(max(record_days) + 10 * DAY)
    last = draw(st.sampled_from(ends))
    if not future:
        last = min(last, TODAY)
    length = draw(st.sampled_from([1, 7, 30, 90, 365, "all", "default"]))
    if length == "default":  # the Export screen's: since the last appointment
        return since_last_appointment(contents, last)
    if length == "all":  # from the first record
        return Period(min(min(record_days), last), last)
    return Period(last - (length - 1) * DAY, last)


@dataclass
class Scenario:
    contents: VaultContents
    period: Period
    now: dt.datetime


@st.composite
def scenarios(draw: st.DrawFn, future_periods: bool = False) -> Scenario:
    sessions = draw(treatments())
    contents = VaultContents(
        entries=draw(entries([t.day for t in sessions if t.kind_info.ketamine])),
        questionnaires=draw(questionnaires()),
        checkins=draw(checkins()),
        treatments=sessions,
        session_notes=[
            SessionNote(_day(o), worked_on="sleep") for o in draw(st.lists(offsets, max_size=3))
        ],
        questions=[
            Question("Dose?", _day(o), source=source, flagged=flagged)
            for o, source, flagged in draw(
                st.lists(
                    st.tuples(
                        st.integers(EARLIEST, 0), st.sampled_from(["", "self-check"]), st.booleans()
                    ),
                    max_size=2,
                )
            )
        ],
        safety_plan=draw(
            st.sampled_from([None, SafetyPlan, _plan]).map(lambda make: make and make())
        ),
        settings=draw(
            st.one_of(
                st.just({}), st.builds(lambda n: {"booster_last_sessions": n}, st.integers(3, 8))
            )
        ),
    )
    for kind in (contents.entries, contents.questionnaires, contents.checkins):
        if kind:  # saved twice (a double click): the same record at the same minute
            for index in draw(st.lists(st.integers(0, len(kind) - 1), max_size=2)):
                kind.append(copy.deepcopy(kind[index]))
    period = draw(periods(contents, future_periods))
    contents.medications = draw(medications([period.first, period.last]))
    for record in (
        *contents.entries,
        *contents.treatments,
        *contents.questionnaires,
        *contents.medications,
    ):
        record.validate()
    for check in contents.checkins:
        validate_checkin(check.answers)
    # ids, as records read back from the journal have (the FHIR keys, the report's order)
    for kind in (
        contents.entries,
        contents.treatments,
        contents.questionnaires,
        contents.checkins,
        contents.medications,
        contents.session_notes,
        contents.questions,
    ):
        for number, record in enumerate(kind, start=1):
            record.id = number
    return Scenario(contents, period, NOW)
