"""Synthetic, realistic demo data: months (or years) around a course of ketamine.

Everything is invented. The shape follows what patients and clinicians describe:
low mood with passive suicidal thoughts at first, an induction course of six IV
infusions over about three weeks with a rapid lift after each that fades over days,
boosters every 3-6 weeks, an SSRI continued throughout, weekly therapy.

``build_demo`` returns plain domain objects; the vault stores them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import random

from moodlog.domain.contents import VaultContents
from moodlog.domain.entries import Entry
from moodlog.domain.questionnaires import GAD7, PHQ9, QuestionnaireResult
from moodlog.domain.safety import Contact, SafetyPlan, SICheckin
from moodlog.domain.treatments import (
    BloodPressure,
    Medication,
    MedicationEvent,
    Question,
    SessionNote,
    Treatment,
)

DEMO_PASSPHRASE = "demo passphrase"

NOTES_LOW = (
    "Hard to get out of bed. Skipped lunch again.",
    "Felt flat all day, like watching myself from a distance.",
    "Cancelled on a friend. Everything feels heavy.",
    "Slept badly, woke at 4 and couldn't get back to sleep.",
    "Managed a short walk. Didn't help much but I did it.",
)
NOTES_MID = (
    "A bit better than yesterday. Made a proper dinner.",
    "Work was stressful but I handled it.",
    "Called my sister. We laughed about something from when we were kids.",
    "Tired in the afternoon, otherwise OK.",
    "Read for an hour, first time in ages.",
)
NOTES_GOOD = (
    "Noticed the light on the trees on the way home. Felt present.",
    "Good day. Went for a run and met friends for coffee.",
    "Felt more like myself. Tried the breathing practice from therapy.",
    "Clear head this morning, got a lot done.",
    "Played music again. Something lifted.",
)
SESSION_NOTES = (
    (
        "Self-compassion and the inner critic",
        "Noticed how harsh the voice is after a bad day",
        "Write down one kind thing to myself each evening",
    ),
    (
        "Integration of the last infusion",
        "The image of the open door keeps coming back",
        "Journal about what the door means",
    ),
    (
        "Sleep and routine",
        "Evenings are the hardest part of the day",
        "Screens off at 22:30, wind-down walk",
    ),
    (
        "Values",
        "Connection with my family matters more than work success",
        "Plan one visit this month",
    ),
    (
        "Grief",
        "Some of the heaviness is grief I have not let myself feel",
        "Body scan meditation three times this week",
    ),
)
QUESTIONS = (
    ("Should the booster interval be shorter? Mood dips around week 3.", False),
    ("Can we talk about the nausea after the last infusion?", False),
    ("Is it OK to exercise the day after a session?", False),
    ("How long should I stay on sertraline?", True),
)
TAG_EFFECTS = {
    "exercise": 0.6,
    "outdoors": 0.4,
    "social": 0.4,
    "meditation": 0.3,
    "therapy": 0.2,
    "alcohol": -0.6,
    "work stress": -0.7,
    "poor appetite": -0.4,
    "caffeine": 0.0,
}


def _session_days(start: dt.date, end: dt.date, rng: random.Random) -> list[dt.date]:
    first = start + dt.timedelta(days=min(60, max(14, (end - start).days // 4)))
    days = [first + dt.timedelta(days=offset) for offset in (0, 3, 7, 10, 14, 18)]
    current = days[-1]
    while True:
        current += dt.timedelta(days=rng.randint(21, 42))
        days.append(current)
        if current > end:
            break  # the last one is a future appointment
    return days


def _clip(value: float, low: float = 0, high: float = 10) -> int:
    return int(max(low, min(high, round(value))))


def build_demo(
    end: dt.date | None = None, days: int = 240, seed: int = 7, now: dt.datetime | None = None
) -> VaultContents:
    """Demo data for ``days`` days ending on ``end`` (default today).

    Nothing is dated after ``now`` (default: the end of ``end``), except the next
    treatment appointment, which is in the future on purpose.
    """
    rng = random.Random(seed)
    if now is None:
        now = dt.datetime.now() if end is None else dt.datetime.combine(end, dt.time(23, 59))
    end = end or now.date()
    start = end - dt.timedelta(days=days - 1)
    data = VaultContents()
    session_days = _session_days(start, end, rng)
    first_session = session_days[0]
    weight = 72.0

    for number, day in enumerate(session_days):
        induction = number < 6
        dose = round(weight * (0.5 if number < 2 else 0.6 if induction else 0.75))
        effects = {
            "dissociation": rng.choice(["mild", "moderate"]),
            "nausea/vomiting": rng.choice(["none", "none", "mild"]),
            "dizziness": rng.choice(["none", "mild"]),
        }
        data.treatments.append(
            Treatment(
                day=day,
                time=dt.time(10, 0),
                kind="ketamine_iv",
                dose_mg=float(dose),
                weight_kg=weight,
                course_total=6 if induction else None,
                clinic="Riverside Ketamine Clinic",
                intention=rng.choice(
                    [
                        "Stay open to whatever comes up",
                        "Let go of control",
                        "Be kind to myself",
                        "Notice without judging",
                    ]
                ),
                bp_before=BloodPressure(rng.randint(112, 128), rng.randint(70, 82)),
                bp_after=BloodPressure(rng.randint(122, 142), rng.randint(76, 90)),
                side_effects=effects,
                dissociation=rng.randint(4, 8),
                after_feeling=rng.choice(
                    [
                        "Calm and a bit foggy",
                        "Lighter",
                        "Tired, tearful, then OK",
                        "Spacey but peaceful",
                    ]
                ),
                notes="Music helped. Eyeshades on most of the time.",
                integration=""
                if day >= end - dt.timedelta(days=3)
                else rng.choice(
                    [
                        "Felt connected to my younger self.",
                        "A sense of space around my thoughts.",
                        "Remembered walks with my grandfather.",
                    ]
                ),
                infusion_minutes=40,
            )
        )
        if data.treatments[-1].is_appointment(now):
            # An appointment has not happened: no outcomes before the session (the random
            # draws above are still made, so the rest of the demo stays the same).
            data.treatments[-1] = dataclasses.replace(
                data.treatments[-1],
                bp_before=None,
                bp_after=None,
                side_effects={},
                dissociation=None,
                after_feeling="",
                notes="",
                integration="",
                infusion_minutes=None,
            )

    def mood_model(day: dt.date) -> float:
        base = 3.0
        if day >= first_session:
            progress = min(1.0, (day - first_session).days / 60)
            base += 2.0 * progress
        lift = 0.0
        for session in session_days:
            delta = (day - session).days
            if 1 <= delta <= 40:
                lift += 2.6 * math.exp(-(delta - 1) / 8)
        return base + min(lift, 3.2)

    tag_names = list(TAG_EFFECTS) + ["therapy"]
    day = start
    skipped_checkin = first_session + dt.timedelta(days=5)
    while day <= end:
        level = mood_model(day)
        if rng.random() < 0.08:
            day += dt.timedelta(days=1)
            continue
        for index in range(2 if rng.random() < 0.15 else 1):
            tags = sorted(rng.sample(tag_names, rng.randint(0, 3)))
            if day.weekday() == 2 and "therapy" not in tags:
                tags.append("therapy")
            mood_value = level + sum(TAG_EFFECTS.get(t, 0) for t in tags) + rng.gauss(0, 0.9)
            mood = _clip(mood_value)
            notes = NOTES_LOW if mood <= 3 else NOTES_MID if mood <= 6 else NOTES_GOOD
            hour = 21 if index == 0 else 13
            created = dt.datetime.combine(day, dt.time(hour, rng.randint(0, 59)))
            if rng.random() < 0.03:
                created += dt.timedelta(days=3, hours=2)
            data.entries.append(
                Entry(
                    day=day,
                    time=dt.time(hour, created.minute),
                    mood=mood,
                    anxiety=_clip(9 - mood_value * 0.7 + rng.gauss(0, 1)),
                    energy=None
                    if rng.random() < 0.1
                    else _clip(mood_value * 0.8 + rng.gauss(0, 1)),
                    irritability=None
                    if rng.random() < 0.2
                    else _clip(6 - mood_value * 0.4 + rng.gauss(0, 1)),
                    sleep_hours=round(max(3.0, min(11.0, rng.gauss(6 + mood_value * 0.2, 0.9))) * 4)
                    / 4,
                    sleep_quality=_clip(mood_value * 0.8 + rng.gauss(0, 1.2)),
                    tags=tags,
                    note=rng.choice(notes) if rng.random() < 0.7 else "",
                    created_at=created,
                )
            )
        # Suicidal-ideation self-check: passive thoughts early, fading after sessions.
        time = dt.time(21, 30)
        if day == skipped_checkin:
            data.checkins.append(SICheckin.skipped_on(day, time))
        elif rng.random() < 0.9:
            early = day < first_session + dt.timedelta(days=8)
            passive = early and rng.random() < (0.55 if day < first_session else 0.25)
            active = passive and day < first_session and rng.random() < 0.15
            answers = {"wish_dead": passive, "thoughts": active, "behavior": False}
            if active:
                answers.update(method=False, intent=False, plan=False)
            data.checkins.append(
                SICheckin(
                    day=day,
                    time=time,
                    answers=answers,
                    discuss=active,
                    created_at=dt.datetime.combine(day, time),
                )
            )
        day += dt.timedelta(days=1)

    # Weekly PHQ-9 and fortnightly GAD-7 follow the mood model.
    week_day = start + dt.timedelta(days=3)
    index = 0
    while week_day <= end:
        severity = 10 - mood_model(week_day)
        phq = [_clip(severity * 0.3 + rng.gauss(0, 0.5), 0, 3) for _ in range(9)]
        passive = week_day < first_session + dt.timedelta(days=8)
        phq[8] = 1 if passive and severity > 5.5 else 0
        data.questionnaires.append(
            QuestionnaireResult(
                day=week_day,
                time=dt.time(20, 0),
                instrument=PHQ9,
                answers=phq,
                difficulty=_clip(severity / 3, 0, 3),
                created_at=dt.datetime.combine(week_day, dt.time(20, 0)),
            )
        )
        if index % 2 == 0:
            gad = [_clip(severity * 0.26 + rng.gauss(0, 0.5), 0, 3) for _ in range(7)]
            data.questionnaires.append(
                QuestionnaireResult(
                    day=week_day,
                    time=dt.time(20, 5),
                    instrument=GAD7,
                    answers=gad,
                    created_at=dt.datetime.combine(week_day, dt.time(20, 5)),
                )
            )
        week_day += dt.timedelta(days=7)
        index += 1

    data.medications.append(
        Medication(
            name="Sertraline",
            unit="mg",
            events=[
                MedicationEvent(
                    day=start - dt.timedelta(days=400),
                    event="start",
                    dose=50,
                    frequency="once daily",
                    reason="Depression",
                ),
                MedicationEvent(
                    day=start - dt.timedelta(days=300),
                    event="change",
                    dose=100,
                    frequency="once daily",
                    reason="Partial response",
                ),
            ],
        )
    )
    data.medications.append(
        Medication(
            name="Ondansetron",
            unit="mg",
            events=[
                MedicationEvent(
                    day=first_session + dt.timedelta(days=7),
                    event="start",
                    dose=4,
                    frequency="before infusions",
                    reason="Nausea after infusion",
                ),
            ],
        )
    )

    therapy_day = start + dt.timedelta(days=(2 - start.weekday()) % 7)
    while therapy_day <= end:
        topic, insight, homework = rng.choice(SESSION_NOTES)
        data.session_notes.append(
            SessionNote(
                day=therapy_day,
                therapist="Dr. A. Rivera",
                worked_on=topic,
                insights=insight,
                homework=homework,
            )
        )
        therapy_day += dt.timedelta(days=7)

    for offset, (text, done) in enumerate(QUESTIONS):
        created = end - dt.timedelta(days=20 - offset * 4)
        data.questions.append(
            Question(
                text=text,
                created_on=created,
                source="journal",
                done_on=created + dt.timedelta(days=3) if done else None,
            )
        )

    data.safety_plan = SafetyPlan(
        warning_signs=[
            "Staying in bed past noon",
            "Thinking 'what's the point'",
            "Not answering messages",
        ],
        coping=[
            "Cold water on my face, slow breathing",
            "Walk around the block",
            "Listen to my calm playlist",
        ],
        distractions=["Coffee at the corner café", "Call Sam to talk about anything"],
        people=[Contact("Sam (sister)", "555-0142"), Contact("Alex (friend)", "555-0178")],
        professionals=[
            Contact("Dr. A. Rivera (therapist)", "555-0100"),
            Contact("Riverside Clinic after-hours", "555-0199"),
        ],
        environment=["Keep only a week of medication at home; my sister keeps the rest"],
        reasons=["My niece", "Playing music again", "Seeing the sea in the summer"],
        reviewed_on=end - dt.timedelta(days=30),
    )

    def not_future(record: Entry | SICheckin | QuestionnaireResult) -> bool:
        return dt.datetime.combine(record.day, record.time) <= now

    data.entries = [e for e in data.entries if not_future(e)]
    data.checkins = [c for c in data.checkins if not_future(c)]
    data.questionnaires = [q for q in data.questionnaires if not_future(q)]
    return data
