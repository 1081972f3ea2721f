"""Period summary definitions (page 1 of the PDF) on hand-built data."""

from __future__ import annotations

import datetime as dt

import pytest

from moodlog.domain.contents import VaultContents
from moodlog.domain.entries import Entry
from moodlog.domain.period import (
    Period,
    any_yes,
    asked_unanswered,
    direction_of,
    item9_summary,
    since_last_appointment,
    summarise,
    trend_direction,
    trend_status,
)
from moodlog.domain.questionnaires import PHQ9, QuestionnaireResult
from moodlog.domain.safety import SICheckin
from moodlog.domain.treatments import Medication, MedicationEvent, SessionNote, Treatment

D = dt.date(2026, 5, 1)
AFTER_MONTH = dt.datetime(2026, 6, 1, 12)


def test_period_arithmetic():
    period = Period(D, D + dt.timedelta(days=29))
    assert period.days == 30
    assert period.contains(D) and period.contains(D + dt.timedelta(days=29))
    assert not period.contains(D - dt.timedelta(days=1))
    assert period.previous() == Period(D - dt.timedelta(days=30), D - dt.timedelta(days=1))
    assert Period.last_days(30, D) == Period(D - dt.timedelta(days=29), D)
    with pytest.raises(ValueError):
        Period(D, D - dt.timedelta(days=1))


@pytest.mark.parametrize(
    "values, expected",
    [
        ([5, 5, 5, 5, 5, 5], "steady"),
        ([3, 4, 5, 6, 7, 8], "rising"),
        ([8, 7, 6, 5, 4, 3], "falling"),
        ([5, 5, 5], "not enough data"),
    ],
)
def test_trend_direction(values, expected):
    series = {D + dt.timedelta(days=i * 5): float(v) for i, v in enumerate(values)}
    period = Period(D, D + dt.timedelta(days=29))
    assert trend_direction(series, period) == expected


def test_small_change_over_the_period_is_steady():
    series = {D + dt.timedelta(days=i): 5 + 0.01 * i for i in range(30)}  # +0.29 in 30 days
    assert trend_direction(series, Period(D, D + dt.timedelta(days=29))) == "steady"


def test_since_last_appointment_prefers_therapy_notes():
    today = D + dt.timedelta(days=60)
    contents = VaultContents(
        session_notes=[SessionNote(D + dt.timedelta(days=10)), SessionNote(today)],
        treatments=[Treatment(D + dt.timedelta(days=20), dt.time(10), "ketamine_iv")],
    )
    assert since_last_appointment(contents, today) == Period(D + dt.timedelta(days=10), today)
    contents.session_notes = []
    assert since_last_appointment(contents, today) == Period(D + dt.timedelta(days=20), today)
    assert since_last_appointment(VaultContents(), today) == Period.last_days(30, today)


def test_default_period_is_never_a_few_days():
    """A session or therapy note a few days ago must not make a 3-day summary."""
    today = D + dt.timedelta(days=60)
    recent = VaultContents(
        session_notes=[SessionNote(today - dt.timedelta(days=2))],
        treatments=[Treatment(today - dt.timedelta(days=1), dt.time(10), "ketamine_iv")],
    )
    assert since_last_appointment(recent, today) == Period.last_days(30, today)
    recent.session_notes = []
    assert since_last_appointment(recent, today).days == 30


def test_mood_mean_counts_each_day_once():
    entries = [
        Entry(D, dt.time(8), 2),
        Entry(D, dt.time(9), 2),
        Entry(D, dt.time(10), 2),
        Entry(D + dt.timedelta(days=1), dt.time(8), 8),
    ]
    summary = summarise(
        VaultContents(entries=entries), Period(D, D + dt.timedelta(days=6)), dt.datetime(2026, 6, 1)
    )
    assert summary.mood_mean == 5.0  # (2 + 8) / 2, not (2+2+2+8) / 4
    assert summary.days_logged == 2
    assert summary.previous_mood_mean is None
    assert "no entries in the previous 7 days" in summary.mood_text


def _phq(day: dt.date, item9: int | None) -> QuestionnaireResult:
    return QuestionnaireResult(day, dt.time(9), PHQ9, [1] * 8 + [item9])


def test_item9_counts_positive_results_and_never_reads_unanswered_as_no():
    period = Period(D, D + dt.timedelta(days=29))
    results = [
        _phq(D - dt.timedelta(days=10), 1),  # before the period
        _phq(D + dt.timedelta(days=1), 0),
        _phq(D + dt.timedelta(days=8), 2),
        _phq(D + dt.timedelta(days=15), None),
        _phq(D + dt.timedelta(days=22), 1),
        _phq(D + dt.timedelta(days=40), 3),  # after the period
    ]
    summary = item9_summary(results, period)
    assert summary.text == "positive on 2 of 4 results (not answered on 1), last on 23 May 2026"
    quiet = item9_summary(results[:2], period)
    assert quiet.text == (
        "positive on 0 of 1 results; last positive before this period: 21 Apr 2026"
    )
    assert item9_summary([], period).text == "no PHQ-9 in this period"


def test_summary_knows_last_session_next_appointment_and_medications_outside_the_period():
    period = Period(D, D + dt.timedelta(days=29))
    now = dt.datetime.combine(D + dt.timedelta(days=35), dt.time(12))
    contents = VaultContents(
        treatments=[
            Treatment(D - dt.timedelta(days=20), dt.time(10), "ketamine_iv"),
            Treatment(D - dt.timedelta(days=5), dt.time(10), "esketamine_nasal", dose_mg=56),
            Treatment(D + dt.timedelta(days=50), dt.time(9), "esketamine_nasal"),
        ],
        medications=[
            Medication("Sertraline", events=[MedicationEvent(D - dt.timedelta(90), "start", 50)]),
            Medication("Bupropion", events=[MedicationEvent(D - dt.timedelta(90), "start")]),
            Medication(
                "Lithium",
                events=[
                    MedicationEvent(D - dt.timedelta(90), "start", 400),
                    MedicationEvent(D + dt.timedelta(10), "stop"),
                ],
            ),
        ],
        checkins=[SICheckin(D - dt.timedelta(days=3), dt.time(21), {"wish_dead": True})],
    )
    summary = summarise(contents, period, now)
    assert summary.sessions == []
    assert summary.last_session.day == D - dt.timedelta(days=5)
    assert summary.next_appointment.day == D + dt.timedelta(days=50)
    assert summary.medications == ["Bupropion (dose not recorded)", "Sertraline 50 mg"]
    assert summary.latest_checkin.day == D - dt.timedelta(days=3)  # before the period
    assert summary.yes_checkins == []


def test_the_latest_check_in_and_therapy_note_are_the_last_saved_at_the_same_time():
    """Time review: two self-checks saved in the same minute (times are kept to the
    minute), a "no" and then a yes: page 1 read "Latest check-in: ..., none" (max()
    kept the first). The later saved is the latest, as the journal lists them; the same
    for two therapy notes of one day."""
    no = {"wish_dead": False, "thoughts": False, "behavior": False}
    yes = {"wish_dead": True, "thoughts": False, "behavior": False}
    contents = VaultContents(
        checkins=[
            SICheckin(D, dt.time(14, 5), no, id=7),
            SICheckin(D, dt.time(14, 5), yes, id=8),
        ],
        session_notes=[
            SessionNote(D, worked_on="first", id=3),
            SessionNote(D, worked_on="second", id=4),
        ],
    )
    period = Period(D - dt.timedelta(days=29), D)
    summary = summarise(contents, period, dt.datetime.combine(D, dt.time(20)))
    assert summary.latest_checkin.id == 8 and summary.latest_checkin.level == "low"
    assert summary.last_therapy_note.worked_on == "second"


def test_check_ins_with_a_yes_include_low_and_unanswered_means_asked():
    low = SICheckin(D, dt.time(21), {"wish_dead": True, "thoughts": False, "behavior": False})
    none = SICheckin(D, dt.time(22), {"wish_dead": False, "thoughts": False, "behavior": False})
    partly = SICheckin(D, dt.time(23), {"wish_dead": False, "thoughts": False, "behavior": None})
    follow_up = SICheckin(D, dt.time(23), {"wish_dead": True, "thoughts": True, "behavior": False})
    assert any_yes(low) and not any_yes(none)
    assert asked_unanswered(none) == []  # follow-ups not asked after "no" to thoughts
    assert asked_unanswered(partly) == ["behavior"]
    assert asked_unanswered(follow_up) == ["method", "intent", "plan"]
    assert asked_unanswered(SICheckin.skipped_on(D, dt.time(9))) == []
    summary = summarise(
        VaultContents(checkins=[low, none, partly, follow_up]),
        Period(D, D),
        dt.datetime(2026, 6, 1),
    )
    assert summary.yes_checkins == [low, follow_up]
    assert summary.unanswered_checkins == [partly, follow_up]


def test_mood_text_says_the_trend_is_within_the_period():
    entries = [Entry(D + dt.timedelta(days=i), dt.time(8), 3 + i // 5) for i in range(30)]
    entries += [Entry(D - dt.timedelta(days=i), dt.time(8), 8) for i in range(1, 31)]
    summary = summarise(
        VaultContents(entries=entries),
        Period(D, D + dt.timedelta(days=29)),
        dt.datetime(2026, 7, 1),
    )
    assert summary.mood_text.startswith(
        "mean 5.5 of 10 (previous 30 days: 8.0 from 30 days logged)"
    )
    assert "trend within this period: rising (+" in summary.mood_text
    assert summary.mood_text.endswith("points from the first to the last day with a mood)")


def test_a_one_day_period_reads_1_day():
    """Review finding: the PDF header and the CLI said "(1 days)"."""
    from moodlog.domain.period import Period

    day = dt.date(2026, 11, 30)
    assert Period(day, day).describe().endswith("(1 day)")
    assert Period(day - dt.timedelta(days=1), day).describe().endswith("(2 days)")


def test_the_trend_is_the_fitted_change_from_the_first_to_the_last_day() -> None:
    """Therapist review: a line rising 0.4 from the first to the last of 5 days was
    reported as +0.5 ("rising"): the slope was multiplied by the days in the period
    instead of the days from its first to its last day."""
    from moodlog.domain.period import trend_change, trend_direction

    first = dt.date(2026, 3, 1)
    period = Period(first, first + dt.timedelta(days=4))
    series = {first + dt.timedelta(days=d): 5 + 0.1 * d for d in range(5)}
    assert trend_change(series, period) == pytest.approx(0.4)
    assert trend_direction(series, period) == "steady"
    month = Period(first, first + dt.timedelta(days=29))
    rising = {first + dt.timedelta(days=d): 4 + d / 29 for d in range(30)}
    assert trend_change(rising, month) == pytest.approx(1.0)


def test_the_trend_spans_the_days_with_a_mood_not_the_whole_period() -> None:
    """Clinician review: 5 days logged at the end of a 30-day period (3, 4, 5, 6, 7) read
    "rising (+29.0 points from start to end)" on a 0-10 scale: the slope was multiplied
    by the period's 29 days instead of the 4 days it was fitted to."""
    from moodlog.domain.period import trend_change, trend_status

    month = Period(D, D + dt.timedelta(days=29))
    late = {D + dt.timedelta(days=25 + k): 3.0 + k for k in range(5)}
    assert trend_status(late, month) == "short_span" and trend_change(late, month) is None
    entries = [Entry(day=d, time=dt.time(20), mood=int(v)) for d, v in late.items()]
    summary = summarise(VaultContents(entries=entries), month, AFTER_MONTH)
    assert summary.mood_words().endswith(
        "trend within this period: not enough data (the days with a mood cover less than "
        "half of it)"
    )
    # 15 of 30 days covered (days 15..29), 5 days with a mood: the change over 14 days
    spread = {D + dt.timedelta(days=d): 3.0 + (d - 15) / 14 for d in (15, 18, 22, 26, 29)}
    assert trend_status(spread, month) == "ok"
    assert trend_change(spread, month) == pytest.approx(1.0)  # not 29/14 of it
    # 14 days covered (days 16..29): not enough
    shorter = {d: v for d, v in spread.items() if d != D + dt.timedelta(days=15)}
    shorter[D + dt.timedelta(days=16)] = 3.0
    assert trend_status(shorter, month) == "short_span"
    assert trend_status(dict(list(spread.items())[:4]), month) == "too_few_days"
    # a 5-day period logged daily: 5 days cover it (rounded up: at least 3)
    week = Period(D, D + dt.timedelta(days=4))
    assert trend_status({D + dt.timedelta(days=d): 5.0 for d in range(5)}, week) == "ok"


def test_the_trend_sentence_says_what_it_measured() -> None:
    month = Period(D, D + dt.timedelta(days=29))
    entries = [
        Entry(day=D + dt.timedelta(days=d), time=dt.time(20), mood=4 + d // 10)
        for d in range(0, 30, 2)
    ]
    text = summarise(VaultContents(entries=entries), month, AFTER_MONTH).mood_words()
    assert "trend within this period: rising (+" in text
    assert "points from the first to the last day with a mood)" in text


def test_many_changes_of_one_medication_are_summed_up():
    """Diff review: nine changes of one medication in the period were each named on
    page 1, which then ran onto a second page."""
    from moodlog.domain.period import medication_changes
    from moodlog.domain.treatments import Medication, MedicationEvent

    days = [dt.date(2026, 11, d) for d in (2, 5, 8, 11, 14, 17, 20, 23, 26)]
    med = Medication(
        "Lamotrigine",
        events=[MedicationEvent(days[0], "start", 25)]
        + [MedicationEvent(d, "change", 25 * (i + 2)) for i, d in enumerate(days[1:-1])]
        + [MedicationEvent(days[-1], "stop")],
    )
    november = Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert medication_changes([med], november) == [
        "Lamotrigine started 02 Nov 2026, 7 more changes, stopped 26 Nov 2026"
    ]
    three = Medication("Sertraline", events=med.events[:3])
    assert medication_changes([three], november) == [
        "Sertraline started 02 Nov 2026, changed 05 Nov 2026, changed 08 Nov 2026"
    ]


def test_a_stop_and_a_restart_are_never_summed_up():
    """Diff review: start, stop, restart and changes read "started ..., 2 more changes,
    changed ...", hiding the stop and the restart."""
    from moodlog.domain.period import medication_changes
    from moodlog.domain.treatments import Medication, MedicationEvent

    def on(day: int, event: str, dose: float | None = 50) -> MedicationEvent:
        return MedicationEvent(dt.date(2026, 11, day), event, dose)

    med = Medication(
        "Sertraline",
        events=[on(2, "start"), on(5, "stop", None), on(8, "start"), on(11, "change", 75)]
        + [on(14, "change", 100), on(20, "change", 150)],
    )
    november = Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert medication_changes([med], november) == [
        "Sertraline started 02 Nov 2026, stopped 05 Nov 2026, started 08 Nov 2026, "
        "2 more changes, changed 20 Nov 2026"
    ]


def test_a_lone_change_between_a_start_and_a_stop_is_named():
    """Diff review: "started 01 Nov, 1 more changes, stopped 10 Nov, ...": one change
    counted instead of named, for no room saved."""
    from moodlog.domain.period import medication_changes
    from moodlog.domain.treatments import Medication, MedicationEvent

    def on(day: int, event: str, dose: float | None = 50) -> MedicationEvent:
        return MedicationEvent(dt.date(2026, 11, day), event, dose)

    med = Medication(
        "Sertraline",
        events=[on(1, "start"), on(5, "change", 75), on(10, "stop", None), on(15, "start")]
        + [on(20, "change", 100)],
    )
    november = Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert medication_changes([med], november) == [
        "Sertraline started 01 Nov 2026, changed 05 Nov 2026, stopped 10 Nov 2026, "
        "started 15 Nov 2026, changed 20 Nov 2026"
    ]


# Edges a code review's mutations showed no test looked at (each fails on its mutation).
D0 = dt.date(2026, 3, 1)


def test_the_default_period_starts_at_the_last_of_several_therapy_notes():
    today = D0 + dt.timedelta(days=200)
    notes = [SessionNote(D0 + dt.timedelta(days=d)) for d in (10, 100, 150)]
    period = since_last_appointment(VaultContents(session_notes=notes), today)
    assert period.first == D0 + dt.timedelta(days=150)


def test_half_the_period_is_rounded_up_for_an_odd_length():
    period = Period(D0, D0 + dt.timedelta(days=30))  # 31 days: 16 must be covered
    covered_15 = {D0 + dt.timedelta(days=d): 5.0 for d in (16, 19, 23, 27, 30)}
    assert trend_status(covered_15, period) == "short_span"
    covered_16 = {D0 + dt.timedelta(days=d): 5.0 for d in (15, 19, 23, 27, 30)}
    assert trend_status(covered_16, period) != "short_span"


@pytest.mark.parametrize(
    ("change", "expected"),
    [(0.5, "rising"), (0.48, "rising"), (0.44, "steady"), (-0.46, "falling"), (-0.44, "steady")],
)
def test_the_direction_is_judged_on_the_change_as_printed(change: float, expected: str):
    """Code review: 30 ordinary moods of 4-6 read "steady (+0.5 points...)" (0.477),
    where another period's 0.5 read "rising (+0.5 points...)"."""
    assert direction_of(change) == expected


def test_a_change_printed_as_plus_0_5_is_not_called_steady():
    moods = [4, 4, 5, 5, 5, 5, 6, 5, 5, 4, 6, 4, 6, 5, 6, 5, 5, 6, 6, 4, 5, 5, 5, 4, 5, 6]
    moods += [5, 6, 5, 5]
    period = Period(D0, D0 + dt.timedelta(days=29))
    entries = [
        Entry(day=D0 + dt.timedelta(days=i), time=dt.time(20), mood=m) for i, m in enumerate(moods)
    ]
    summary = summarise(VaultContents(entries=entries), period, dt.datetime(2026, 4, 1, 9))
    words = summary.mood_words()
    assert "rising (+0.5 points" in words, words


def test_a_positive_item_9_on_the_first_day_is_in_the_period_not_before_it():
    period = Period(D0, D0 + dt.timedelta(days=29))
    first_day = QuestionnaireResult(D0, dt.time(9), PHQ9, [0] * 8 + [2])
    summary = item9_summary([first_day], period)
    assert summary.last_positive_before is None


def test_a_result_dated_after_the_summary_is_made_is_not_its_latest():
    """Property-test finding (tests/fuzz/test_fuzz_histories.py): a PHQ-9 dated later
    today than the PDF is made (saved while a clock was ahead) was page 1's latest,
    "16 → 1 (minimal, 15 Jun)", beside the course's "-41%; response no; remission no"
    worked out from the 16 (the course leaves such a result out: analysis.taken_by),
    and the Questionnaires section said "latest 16" above a table listing the 1. The
    period's results are those taken by the moment the summary is taken as of, as
    one dated tomorrow is not in it either; once that moment has passed, it counts."""
    now = dt.datetime(2026, 6, 15, 14, 30)
    today = now.date()
    results = [
        QuestionnaireResult(today - dt.timedelta(days=31), dt.time(9), PHQ9, [3] * 9),
        QuestionnaireResult(today - dt.timedelta(days=3), dt.time(9), PHQ9, [2] * 8 + [0]),
        QuestionnaireResult(today, dt.time(20), PHQ9, [0] * 8 + [1]),  # after `now`
    ]
    contents = VaultContents(
        questionnaires=results,
        treatments=[Treatment(today - dt.timedelta(days=30), dt.time(9), "ketamine_iv")],
    )
    period = Period.last_days(30, today)
    summary = summarise(contents, period, now)
    latest = summary.latest_results[PHQ9]
    assert latest is summary.course[PHQ9].latest is results[1]
    assert [q.total for q in summary.phq9_series] == [16]
    assert summary.results_in_period == [results[1]]
    assert summary.item9.results == 1 and summary.item9.positive == 0
    later = summarise(contents, period, dt.datetime(2026, 6, 15, 20, 0))
    assert later.latest_results[PHQ9] is later.course[PHQ9].latest is results[2]
    assert later.item9.positive == 1
