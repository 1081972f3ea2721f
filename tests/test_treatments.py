"""Treatment sessions, medications and questions: rules and timings."""

from __future__ import annotations

import datetime as dt

import pytest

from moodlog.domain.analysis import course_start, courses
from moodlog.domain.errors import ValidationError
from moodlog.domain.treatments import (
    BloodPressure,
    Medication,
    MedicationEvent,
    Question,
    Treatment,
    course_label,
    course_numbers,
    days_since_last_session,
    integration_prompt_due,
    next_appointment,
)
from moodlog.vault.vault import Vault


def session(day: dt.date, kind: str = "ketamine_iv", **fields) -> Treatment:
    return Treatment(day=day, time=dt.time(10), kind=kind, **fields)


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"dose_mg": 0}, "more than 0"),
        ({"dose_mg": -5}, "more than 0"),
        ({"dose_mg": 2000}, "plausible"),
        ({"kind": "esketamine_nasal", "dose_mg": 200}, "plausible"),
        ({"weight_kg": 5}, "Weight"),
        ({"bp_before": BloodPressure(80, 120)}, "higher than"),
        ({"bp_after": BloodPressure(300, 90)}, "systolic"),
        ({"bp_after": BloodPressure(120, 10)}, "diastolic"),
        ({"side_effects": {"headache": "awful"}}, "severity"),
        ({"side_effects": {"hiccups": "mild"}}, "Unknown side effect"),
        ({"dissociation": 11}, "Dissociation"),
        ({"kind": "laser"}, "Unknown treatment kind"),
        ({"day": dt.date(1899, 12, 31)}, "not plausible"),
        ({"day": dt.date.today() + dt.timedelta(days=6 * 366)}, "not plausible"),
    ],
)
def test_validation_edges(fields, message):
    base = {"day": dt.date(2026, 3, 2), "kind": "ketamine_iv", "dose_mg": 50.0}
    base.update(fields)
    with pytest.raises(ValidationError) as info:
        Treatment(time=dt.time(10), **base).validate()
    assert message in str(info.value)


@pytest.mark.parametrize(
    "fields",
    [
        {"dose_mg": 5},
        {"dose_mg": 300},
        {"kind": "esketamine_nasal", "dose_mg": 84},
        {"bp_before": BloodPressure(121, 80)},
        {"kind": "tms", "dose_mg": None},
        {"side_effects": {"nausea/vomiting": "severe"}},
        {"dissociation": 0},
    ],
)
def test_valid_edges(fields):
    base = {"day": dt.date(2026, 3, 2), "kind": "ketamine_iv"}
    base.update(fields)
    Treatment(time=dt.time(10), **base).validate()


def test_blood_pressure_parsing():
    assert BloodPressure.parse("128/84") == BloodPressure(128, 84)
    assert BloodPressure.parse(" ") is None
    with pytest.raises(ValidationError):
        BloodPressure.parse("128-84")


def test_mg_per_kg():
    assert session(dt.date(2026, 1, 1), dose_mg=35, weight_kg=70).mg_per_kg == 0.5
    assert session(dt.date(2026, 1, 1), dose_mg=52.5, weight_kg=70).mg_per_kg == 0.75
    assert session(dt.date(2026, 1, 1), dose_mg=35).mg_per_kg is None
    assert session(dt.date(2026, 1, 1), dose_mg=35, weight_kg=70).dose_text() == "35 mg (0.5 mg/kg)"


def test_course_numbering_continues_boosters_and_restarts_after_a_long_gap():
    days = [dt.date(2026, 1, 1) + dt.timedelta(d) for d in (0, 3, 7, 10, 14, 18, 50, 90)]
    later = dt.date(2026, 12, 1)
    sessions = [session(d) for d in days] + [session(later), session(dt.date(2026, 1, 5), "tms")]
    numbers = course_numbers(sessions)
    assert [numbers[id(s)] for s in sessions] == [1, 2, 3, 4, 5, 6, 7, 8, 1, 1]


def test_course_number_is_editable_and_counting_continues_from_it():
    sessions = [session(dt.date(2026, 1, 1), course_number=4), session(dt.date(2026, 1, 4))]
    numbers = course_numbers(sessions)
    assert [numbers[id(s)] for s in sessions] == [4, 5]
    planned = session(dt.date(2026, 1, 1), course_total=6)
    assert course_label(planned, 3) == "infusion 3 of 6"
    assert course_label(session(dt.date(2026, 1, 1), "kap"), 2) == "session 2"


# -- one course for the session numbers and the figures (clinician review) -------------
# A ketamine/esketamine course is the figures' course (analysis.courses): any ketamine
# kind, a gap of more than 90 days between two of them starts a new one; within it each
# kind keeps its own count. TMS, ECT and other count by their own kind.
COURSE_START = dt.date(2026, 1, 5)


def on(days_after_start: int, kind: str = "ketamine_iv", **fields) -> Treatment:
    return session(COURSE_START + dt.timedelta(days=days_after_start), kind, **fields)


def numbered(sessions: list[Treatment]) -> list[int]:
    numbers = course_numbers(sessions)
    return [numbers[id(s)] for s in sessions]


def after_all(sessions: list[Treatment]) -> dt.datetime:
    return dt.datetime.combine(max(s.day for s in sessions), dt.time(23))


def test_an_iv_after_monthly_esketamine_is_infusion_7_as_the_figures_count_it():
    induction = [on(d) for d in (0, 2, 4, 7, 9, 11)]
    monthly = [on(11 + 30 * month, "esketamine_nasal") for month in range(1, 6)]
    iv = on(11 + 30 * 6)
    sessions = [*induction, *monthly, iv]
    assert numbered(sessions) == [1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 7]
    assert course_label(iv, numbered(sessions)[-1]) == "infusion 7"
    assert len(courses(sessions, after_all(sessions))) == 1  # the figures: one course


def test_exactly_90_days_between_ketamine_sessions_keeps_the_course():
    sessions = [on(0), on(90, "esketamine_nasal"), on(180)]
    assert numbered(sessions) == [1, 1, 2]
    assert len(courses(sessions, after_all(sessions))) == 1


def test_91_days_without_any_ketamine_session_starts_a_new_course():
    sessions = [on(0), on(90, "esketamine_nasal"), on(180), on(271, "esketamine_nasal"), on(272)]
    assert numbered(sessions) == [1, 1, 2, 1, 1]
    assert [course[0] for course in courses(sessions, after_all(sessions))] == [
        sessions[0],
        sessions[3],
    ]


def test_any_ketamine_kind_bridges_the_course():
    sessions = [on(0), on(60, "ketamine_oral"), on(120, "kap"), on(180, "ketamine_im"), on(240)]
    assert numbered(sessions) == [1, 1, 1, 1, 2]


def test_a_non_ketamine_session_does_not_bridge_a_ketamine_course():
    sessions = [on(0), on(60, "esketamine_nasal"), on(120), on(200, "tms"), on(205, "ect")]
    sessions.append(on(250))  # 130 days after the last ketamine session: TMS/ECT between
    assert numbered(sessions) == [1, 1, 2, 1, 1, 1]


def test_tms_is_still_counted_by_its_own_kind_and_gap():
    sessions = [
        on(0, "tms"),
        on(10),
        on(80, "tms"),
        on(95, "esketamine_nasal"),
        on(150),
        on(171, "tms"),  # 91 days after the last TMS: ketamine between does not bridge it
        on(172, "tms"),
    ]
    assert numbered(sessions) == [1, 1, 2, 1, 2, 1, 2]


def test_an_entered_number_wins_and_its_kind_counts_on_from_it_within_the_course():
    sessions = [
        on(0, course_number=4),
        on(60, "esketamine_nasal"),
        on(120),
        on(150, "esketamine_nasal", course_number=10),
        on(160),
        on(170, "esketamine_nasal"),
    ]
    assert numbered(sessions) == [4, 1, 5, 10, 6, 11]


def test_two_sessions_on_one_day_count_in_time_order():
    later = Treatment(COURSE_START + dt.timedelta(days=160), dt.time(14), "ketamine_iv")
    earlier = Treatment(COURSE_START + dt.timedelta(days=160), dt.time(9), "ketamine_iv")
    sessions = [on(0), on(80, "esketamine_nasal"), later, earlier]
    assert numbered(sessions) == [1, 1, 3, 2]


def test_an_appointment_continues_the_course_of_the_past_sessions():
    sessions = [on(0), on(3), on(60, "esketamine_nasal")]
    appointment = on(120)
    now = dt.datetime.combine(COURSE_START + dt.timedelta(days=100), dt.time(12))
    assert appointment.is_appointment(now)
    assert numbered([*sessions, appointment]) == [1, 2, 1, 3]
    # The figures count past sessions only, in the same course the numbers use.
    assert courses([*sessions, appointment], now) == [sessions]
    assert course_start([*sessions, appointment], now) == COURSE_START


def test_the_numbers_do_not_depend_on_the_order_given():
    ordered = [on(d) for d in (0, 2, 4)] + [on(30 * m, "esketamine_nasal") for m in (1, 2, 3)]
    ordered += [on(150), on(152, "tms"), on(160, "tms")]
    expected = dict(zip(map(id, ordered), [1, 2, 3, 1, 2, 3, 4, 1, 2], strict=True))
    shuffled = [ordered[i] for i in (7, 3, 0, 8, 5, 1, 6, 4, 2)]
    numbers = course_numbers(shuffled)
    assert {key: numbers[key] for key in expected} == expected


def test_the_numbers_and_the_figures_share_one_course_rule():
    """However the sessions fall, each of the figures' courses numbers each kind 1, 2, 3
    ... from its first session (nothing entered by hand), so the two cannot drift."""
    import random

    rng = random.Random(7)
    kinds = ["ketamine_iv", "esketamine_nasal", "ketamine_im", "tms"]
    day, sessions = 0, []
    for _ in range(120):
        day += rng.choice((1, 3, 7, 30, 60, 89, 90, 91, 120))
        sessions.append(on(day, rng.choice(kinds)))
    numbers = course_numbers(sessions)
    found = courses(sessions, after_all(sessions))
    assert len(found) > 1  # the gaps do start new courses
    for course in found:
        for kind in {s.kind for s in course}:
            assert [numbers[id(s)] for s in course if s.kind == kind] == list(
                range(1, 1 + sum(s.kind == kind for s in course))
            )


def test_appointments_versus_past_sessions():
    now = dt.datetime(2026, 5, 10, 12, 0)
    past = session(dt.date(2026, 5, 1))
    this_morning = session(dt.date(2026, 5, 10))
    this_evening = Treatment(day=dt.date(2026, 5, 10), time=dt.time(18), kind="ketamine_iv")
    future = session(dt.date(2026, 5, 20))
    assert not past.is_appointment(now) and not this_morning.is_appointment(now)
    assert this_evening.is_appointment(now) and future.is_appointment(now)
    everything = [past, this_morning, this_evening, future]
    assert next_appointment(everything, now) is this_evening
    assert days_since_last_session(everything, now) == 0
    assert days_since_last_session([past, future], now) == 9
    assert days_since_last_session([future], now) is None


@pytest.mark.parametrize(
    "hours_later, due",
    [(0, False), (23.9, False), (24, True), (48, True), (72, True), (72.1, False)],
)
def test_integration_prompt_timing_with_a_fake_clock(hours_later, due):
    t = session(dt.date(2026, 5, 1))
    now = t.starts_at + dt.timedelta(hours=hours_later)
    assert integration_prompt_due(t, now) is due


def test_no_integration_prompt_once_written_or_for_non_ketamine():
    now = dt.datetime(2026, 5, 2, 12)
    assert not integration_prompt_due(session(dt.date(2026, 5, 1), integration="done"), now)
    assert not integration_prompt_due(session(dt.date(2026, 5, 1), "tms"), now)


def test_medication_events_and_current_dose(vault: Vault):
    med = Medication(
        "Sertraline",
        "mg",
        [
            MedicationEvent(dt.date(2025, 1, 1), "start", 50, "daily"),
            MedicationEvent(dt.date(2025, 3, 1), "change", 100, "daily"),
            MedicationEvent(dt.date(2025, 9, 1), "stop"),
        ],
    )
    vault.medications.save(med)
    (loaded,) = vault.medications.all()
    assert [e.event for e in loaded.events] == ["start", "change", "stop"]
    assert loaded.current_dose(dt.date(2025, 2, 1)) == 50
    assert loaded.current_dose(dt.date(2025, 5, 1)) == 100
    assert loaded.current_dose(dt.date(2025, 10, 1)) is None
    with pytest.raises(ValidationError):
        Medication("X", events=[MedicationEvent(dt.date(2025, 1, 1), "pause")]).validate()


def test_questions_carry_forward_until_ticked(vault: Vault):
    first = Question("Booster interval?", dt.date(2026, 1, 1))
    second = Question("Nausea?", dt.date(2026, 2, 1))
    vault.questions.add(first)
    vault.questions.add(second)
    assert [q.text for q in vault.questions.all(open_only=True)] == ["Booster interval?", "Nausea?"]
    vault.questions.set_done(first.id, dt.date(2026, 2, 10))
    assert [q.text for q in vault.questions.all(open_only=True)] == ["Nausea?"]
    vault.questions.set_done(first.id, None)  # un-ticking brings it back
    assert len(vault.questions.all(open_only=True)) == 2
    with pytest.raises(ValidationError):
        vault.questions.add(Question("   ", dt.date(2026, 1, 1)))


def test_treatment_round_trip_in_the_vault(vault: Vault):
    t = session(
        dt.date(2026, 3, 3),
        dose_mg=42.5,
        weight_kg=70,
        bp_before=BloodPressure(120, 80),
        side_effects={"nausea/vomiting": "mild"},
        dissociation=6,
        notes="🎧 music",
    )
    vault.treatments.save(t)
    (loaded,) = vault.treatments.all()
    assert loaded == t
    loaded.dose_mg = 50
    vault.treatments.save(loaded)
    assert vault.treatments.all()[0].dose_mg == 50
    vault.treatments.delete(loaded.id)
    assert vault.treatments.all() == []


# -- issue 11 §6: dose checks warn, infusion duration, side effects, BP note -------------


@pytest.mark.parametrize(
    "fields, warned",
    [
        ({"dose_mg": 80, "weight_kg": 70}, True),  # 1.14 mg/kg IV
        ({"dose_mg": 70, "weight_kg": 70}, False),  # exactly 1 mg/kg: not above
        ({"kind": "ketamine_im", "dose_mg": 90, "weight_kg": 60}, True),
        ({"dose_mg": 200}, False),  # weight unknown: no mg/kg check
        ({"kind": "ketamine_oral", "dose_mg": 200, "weight_kg": 60}, False),
        ({"kind": "esketamine_nasal", "dose_mg": 56}, False),
        ({"kind": "esketamine_nasal", "dose_mg": 84}, False),
        ({"kind": "esketamine_nasal", "dose_mg": 70}, True),
        ({"kind": "esketamine_nasal", "dose_mg": 14}, True),
    ],
)
def test_dose_checks_warn_and_never_block(fields, warned):
    t = session(dt.date(2026, 3, 2), **fields)
    t.validate()  # saving is allowed either way
    warnings = t.dose_warnings()
    assert bool(warnings) is warned
    for text in warnings:
        assert "you can save it as it is" in text


def test_dose_warning_names_the_figures():
    (text,) = session(dt.date(2026, 3, 2), dose_mg=80, weight_kg=70).dose_warnings()
    assert "1.14 mg/kg" in text and "above the 1 mg/kg" in text
    (text,) = session(dt.date(2026, 3, 2), "esketamine_nasal", dose_mg=70).dose_warnings()
    assert "28, 56 or 84 mg" in text and "70 mg" in text


def test_esketamine_dose_between_devices_is_saved(vault: Vault):
    t = session(dt.date(2026, 3, 2), "esketamine_nasal", dose_mg=42)
    vault.treatments.save(t)  # used to be accepted silently; now warned, still saved
    assert vault.treatments.all()[0].dose_mg == 42


@pytest.mark.parametrize(
    "name",
    [
        "numbness/tingling",
        "vertigo",
        "perceptual changes/confusion",
        "urinary symptoms",
        "craving/urge for extra doses",
    ],
)
def test_new_side_effects_are_accepted(name):
    session(dt.date(2026, 3, 2), side_effects={name: "mild"}).validate()


@pytest.mark.parametrize("minutes", [0, -5, 1441, 40.5, True])
def test_infusion_duration_must_be_whole_minutes(minutes):
    with pytest.raises(ValidationError) as info:
        session(dt.date(2026, 3, 2), infusion_minutes=minutes).validate()
    assert "Infusion duration" in str(info.value)


def test_infusion_duration_is_stored_and_exported(vault: Vault, tmp_path):
    from moodlog.report import json_format
    from moodlog.vault import bulk
    from tests.conftest import PASSPHRASE

    vault.treatments.save(session(dt.date(2026, 3, 2), dose_mg=35, infusion_minutes=40))
    (loaded,) = vault.treatments.all()
    assert loaded.infusion_minutes == 40
    document = json_format.to_document(bulk.load(vault))
    (record,) = document["treatments"]
    assert record["infusion_minutes"] == 40
    again = json_format.from_document(document)
    assert again.treatments[0].infusion_minutes == 40
    # A file written before the field existed still imports (duration unknown).
    del record["infusion_minutes"]
    old = json_format.from_document(document)
    assert old.treatments[0].infusion_minutes is None
    with Vault.create(tmp_path / "second.db", PASSPHRASE) as second:
        bulk.store(second, old)
        assert second.treatments.all()[0].infusion_minutes is None


@pytest.mark.parametrize(
    "after, flagged",
    [((180, 100), True), ((170, 110), True), ((179, 109), False), (None, False)],
)
def test_post_session_blood_pressure_note(after, flagged):
    t = session(dt.date(2026, 3, 2), bp_after=BloodPressure(*after) if after else None)
    note = t.bp_note()
    assert bool(note) is flagged
    if flagged:
        assert f"{after[0]}/{after[1]}" in note and "180/110" in note
        for word in ("call", "should", "emergency", "danger"):
            assert word not in note.lower()  # a calm note, no advice


def test_dissociation_label_says_it_is_the_persons_own_rating():
    from moodlog.domain.treatments import DISSOCIATION_HINT, DISSOCIATION_LABEL

    assert "your own 0-10 rating, not a clinical scale" in DISSOCIATION_LABEL
    assert DISSOCIATION_HINT == "your own 0-10 rating, not a clinical scale"


@pytest.mark.parametrize(
    "days_ago, due", [(None, True), (0, False), (3, False), (6, False), (7, True), (20, True)]
)
def test_session_day_phq9_prompt_only_a_week_after_the_last(days_ago, due):
    from moodlog.domain.treatments import session_day_phq9_due

    today = dt.date(2026, 5, 10)
    last = None if days_ago is None else today - dt.timedelta(days=days_ago)
    assert session_day_phq9_due(last, today) is due


# -- issue 11 §7: demo appointments carry no outcomes -------------------------------------


def test_demo_future_appointments_carry_no_outcomes():
    from moodlog.domain.demo import build_demo

    now = dt.datetime(2026, 6, 30, 12, 0)
    contents = build_demo(end=now.date(), days=200, now=now)
    future = [t for t in contents.treatments if t.is_appointment(now)]
    past = [t for t in contents.treatments if not t.is_appointment(now)]
    assert future and past
    for t in future:
        assert t.dissociation is None and t.side_effects == {}
        assert t.bp_before is None and t.bp_after is None
        assert t.after_feeling == "" and t.integration == "" and t.notes == ""
        assert t.infusion_minutes is None
        assert t.dose_mg is not None  # the planned dose is part of the appointment
    assert all(t.dissociation is not None and t.bp_after is not None for t in past)


def test_a_change_or_stop_before_the_start_is_refused_where_it_is_added():
    """Review r8: a stop dated 2020, before a 2024 start, was accepted."""
    import datetime as dt

    import pytest

    from moodlog.domain.errors import ValidationError
    from moodlog.domain.treatments import Medication, MedicationEvent

    medication = Medication(
        "sertraline", events=[MedicationEvent(dt.date(2024, 3, 1), "start", 50)]
    )
    with pytest.raises(ValidationError, match="before the medication was started"):
        medication.check_new_event(MedicationEvent(dt.date(2020, 3, 1), "stop"))
    with pytest.raises(ValidationError, match="before the medication was started"):
        medication.check_new_event(MedicationEvent(dt.date(2024, 2, 29), "change", 100))
    medication.check_new_event(MedicationEvent(dt.date(2024, 3, 1), "stop"))  # same day: fine
    medication.check_new_event(
        MedicationEvent(dt.date(2023, 1, 1), "start", 25)
    )  # an earlier start
    Medication("new").check_new_event(MedicationEvent(dt.date(2020, 1, 1), "start", 10))


def test_every_kind_of_record_takes_the_one_range_of_dates():
    """Review finding: a medication dated 2062 by a typo, or a therapy note dated 1800,
    was saved, and then the app's own JSON export was refused on import. One range
    (moodlog.domain.dates) now holds for every kind, as for the JSON format."""
    from moodlog.domain.dates import EARLIEST_DAY, latest_day
    from moodlog.domain.treatments import Medication, MedicationEvent, Question, SessionNote

    too_late = latest_day() + dt.timedelta(days=1)
    sertraline = Medication(
        "Sertraline", events=[MedicationEvent(dt.date(2026, 1, 5), "start", 50)]
    )
    with pytest.raises(ValidationError, match="The change date 2062-11-30 is not plausible"):
        sertraline.check_new_event(MedicationEvent(dt.date(2062, 11, 30), "change", 100))
    # An event an older version saved out of range does not keep a stop from being added
    # (diff review: the medication could then only be deleted, history and all).
    old = Medication("Lithium", events=[MedicationEvent(dt.date(1826, 3, 1), "start", 400)])
    stop = MedicationEvent(dt.date(2026, 11, 15), "stop")
    old.check_new_event(stop)
    old.events.append(stop)
    old.validate()
    with pytest.raises(ValidationError, match="therapy note's date 1800-01-01"):
        SessionNote(dt.date(1800, 1, 1)).validate()
    with pytest.raises(ValidationError, match="question's date"):
        Question("Dose?", created_on=too_late).validate()
    for day in (EARLIEST_DAY, latest_day()):  # both ends are in
        SessionNote(day).validate()
        Treatment(day=day, time=dt.time(10), kind="ketamine_iv", dose_mg=40).validate()
        Medication("Bupropion").check_new_event(MedicationEvent(day, "start", 150))
