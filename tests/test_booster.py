"""Booster timing (issue 16): Kaplan-Meier median, induction/maintenance, observation."""

from __future__ import annotations

import datetime as dt

import pytest

from moodlog.domain.booster import (
    BoosterSummary,
    SessionDuration,
    booster_summary,
    induction_sessions,
    kaplan_meier,
    km_median,
    maintenance_sessions,
    observation_allowed,
    observation_session,
    shown_value,
)
from moodlog.domain.treatments import Treatment

D0 = dt.date(2026, 1, 5)


def day(offset: int) -> dt.date:
    return D0 + dt.timedelta(days=offset)


def at(offset: int, hour: int = 20) -> dt.datetime:
    return dt.datetime.combine(day(offset), dt.time(hour))


def iv(offset: int, kind: str = "ketamine_iv") -> Treatment:
    return Treatment(day=day(offset), time=dt.time(10), kind=kind, dose_mg=40)


def test_kaplan_meier_worked_example_with_censoring():
    # Durations 12, 15+, 17, 19, 21+ (+: censored).
    # t=12: 5 at risk, 1 event: S = 4/5 = 0.8
    # t=15: censored, leaves the risk set (no step)
    # t=17: 3 at risk, 1 event: S = 0.8 * 2/3 = 0.5333
    # t=19: 2 at risk, 1 event: S = 0.5333 * 1/2 = 0.2667 -> first <= 0.5: median 19
    durations = [12, 15, 17, 19, 21]
    censored = [False, True, False, False, True]
    curve = kaplan_meier(durations, censored)
    assert [t for t, _ in curve] == [12, 17, 19]
    assert [s for _, s in curve] == pytest.approx([0.8, 0.8 * 2 / 3, 0.8 * 2 / 3 / 2])
    assert km_median(durations, censored) == 19
    # Ignoring the censoring would give 17 (the plain median of the five numbers).
    assert km_median(durations, [False] * 5) == 17


def test_kaplan_meier_ties_and_unreached_median():
    # Exactly one half at t=10: the median is the first time S <= 0.5.
    assert km_median([5, 10, 15, 20], [False] * 4) == 10
    # An event and a censoring at the same time: the censored one is still at risk.
    curve = kaplan_meier([4, 4, 8], [False, True, False])
    assert curve == [(4.0, pytest.approx(2 / 3)), (8.0, 0.0)]
    # Most still above when observation ended: not reached.
    assert km_median([5, 10, 12, 14], [False, True, True, True]) is None


def test_the_first_session_on_record_is_never_maintenance():
    """New-user review: after a person's very first session, Trends said "1 maintenance
    session". A later lone session after a long gap is still a booster."""
    first = iv(0)
    assert induction_sessions([first], at(5)) == [first]
    assert maintenance_sessions([first], at(5)) == []
    weekly = [iv(0), iv(10), iv(20)]  # no run at the start: only the first is induction
    assert induction_sessions(weekly, at(30)) == weekly[:1]
    assert maintenance_sessions(weekly, at(30)) == weekly[1:]
    later = [iv(0), iv(3), iv(200)]  # a new course of one session after a long gap
    assert maintenance_sessions(later, at(210)) == later[2:]


def test_induction_and_maintenance_split():
    first_course = [iv(d) for d in (0, 3, 7, 10, 14, 17)]  # gaps 3-4 days: induction
    boosters = [iv(d) for d in (24, 45, 80)]  # 7 days after the last one: maintenance
    restart = [iv(d) for d in (300, 303, 306)]  # a new course after > 90 days
    lone = [iv(500)]  # a single booster after a long gap is maintenance
    sessions = first_course + boosters + restart + lone
    now = at(600)
    assert induction_sessions(sessions, now) == first_course + restart
    assert maintenance_sessions(sessions, now) == boosters + lone


def test_a_switch_to_another_kind_starts_its_own_induction():
    """Clinician review: esketamine started within 90 days of IV ketamine has its own
    twice-weekly induction (4 weeks on its label); counted as maintenance, its sessions
    3-4 days apart each gave a duration of 0 days and pulled the median to 0."""
    iv_course = [iv(d) for d in (0, 3, 7, 10, 14, 17)]
    iv_boosters = [iv(d) for d in (40, 70)]
    esk_induction = [iv(d, "esketamine_nasal") for d in (90, 93, 97, 100, 104, 107, 111, 114)]
    esk_maintenance = [iv(d, "esketamine_nasal") for d in (121, 135, 149)]  # weekly or less
    sessions = iv_course + iv_boosters + esk_induction + esk_maintenance
    now = at(200)
    assert induction_sessions(sessions, now) == iv_course + esk_induction
    assert maintenance_sessions(sessions, now) == iv_boosters + esk_maintenance


def test_kinds_alternating_a_month_apart_are_all_maintenance():
    sessions = [iv(0), iv(3), iv(6)] + [
        iv(d, kind) for d, kind in ((40, "ketamine_im"), (70, "ketamine_iv"), (100, "ketamine_im"))
    ]
    now = at(200)
    assert induction_sessions(sessions, now) == sessions[:3]
    assert maintenance_sessions(sessions, now) == sessions[3:]


def test_the_first_run_of_a_course_is_induction_whatever_the_kinds():
    """Diff review: IV and IM alternating twice a week at a course's start were all
    maintenance (each change of kind began a run of one), and one IM session inside an
    IV induction became maintenance."""
    alternating = [
        iv(d, kind)
        for d, kind in zip((0, 3, 7, 10, 14, 17), ("ketamine_iv", "ketamine_im") * 3, strict=True)
    ]
    boosters = [iv(d) for d in (40, 70)]
    sessions = alternating + boosters
    now = at(200)
    assert induction_sessions(sessions, now) == alternating
    assert maintenance_sessions(sessions, now) == boosters
    one_im_inside = [iv(0), iv(3), iv(7, "ketamine_im"), iv(10), iv(14)]
    assert induction_sessions(one_im_inside + boosters, now) == one_im_inside


def test_a_single_session_of_another_kind_starts_no_induction():
    """One IM session among monthly IV ones is maintenance, and the IV sessions after it
    stay maintenance too (IV is not a new kind in the course)."""
    first = [iv(0), iv(3), iv(6)]
    later = [iv(30), iv(60, "ketamine_im"), iv(66), iv(72), iv(100)]
    now = at(200)
    assert induction_sessions(first + later, now) == first
    assert maintenance_sessions(first + later, now) == later


def test_a_kind_used_again_later_in_the_course_starts_no_new_induction():
    sessions = [iv(0), iv(3), iv(6)]
    sessions += [iv(d, "esketamine_nasal") for d in (30, 33, 37)]  # its own induction
    sessions += [iv(60), iv(63)]  # IV again, close together: IV is not new in the course
    now = at(200)
    assert induction_sessions(sessions, now) == sessions[:6]
    assert maintenance_sessions(sessions, now) == sessions[6:]


def build(sessions: dict[int, tuple[int, str]], end: int) -> dict[dt.date, float]:
    """Mood 3 everywhere; after a session with (m, "rise"): 7 on days +1..+m, then 1 on
    +m+1 and +m+2, so the 3-day mean is back at 3 exactly on day +m+2."""
    mood = {day(o): 3.0 for o in range(-10, end + 1)}
    for start, (m, shape) in sessions.items():
        if shape == "rise":
            for o in range(1, m + 1):
                mood[day(start + o)] = 7.0
            for o in (m + 1, m + 2):
                mood[day(start + o)] = 1.0
        elif shape == "up_to_end":
            for o in range(start + 1, end + 1):
                mood[day(o)] = 7.0
    return mood


def test_summary_of_the_last_five_maintenance_sessions():
    induction = {0: (0, "flat"), 3: (0, "flat"), 7: (0, "flat"), 10: (0, "flat")}
    maintenance = {
        40: (20, "rise"),  # 22 days, but the sixth from last: not used
        70: (10, "rise"),  # 12 days
        100: (0, "flat"),  # no rise: 0 days
        130: (15, "rise"),  # 17 days
        160: (17, "rise"),  # 19 days
        190: (0, "up_to_end"),  # still above at the end of the data: at least 21 days
    }
    mood = build(maintenance, end=211)
    sessions = [iv(d) for d in (*induction, *maintenance)]
    summary = booster_summary(mood, sessions, at(211))
    assert [(d.days, d.censored) for d in summary.durations] == [
        (12, False),
        (0, False),
        (17, False),
        (19, False),
        (21, True),
    ]
    # KM: t=0 S=4/5, t=12 S=4/5*3/4=0.6, t=17 S=0.6*2/3=0.4 -> median 17
    assert summary.median_days == 17
    assert summary.range == (0, 21) and summary.censored == 1
    assert summary.since_last_session_days == 21
    assert summary.as_json() == {
        "booster": {
            "sessions": 5,
            "median_days": 17,
            "range": [0, 21],
            "censored": 1,
            "since_last_session_days": 21,
            "method": "kaplan-meier",
        }
    }
    assert summary.today_line() == (
        "Your last 5 maintenance sessions: the 3-day average of mood stayed above its "
        "pre-session level for a median of 17 days (range 0 to at least 21). Today is day 21 "
        "since your last ketamine or esketamine session."
    )
    assert "median of 17 days" in summary.pdf_line()
    assert booster_summary(mood, sessions, at(211), last=3).median_days == 19  # 17, 19, 21+


def test_a_session_lost_sight_of_in_a_gap_counts_as_censored():
    """Clinician review: a rise last seen on day +4, then no entries for 11 days, read
    "16 days" (the first mean after the gap) and counted as ended in the median."""
    induction = {0: (0, "flat"), 3: (0, "flat"), 7: (0, "flat"), 10: (0, "flat")}
    maintenance = {
        40: (20, "rise"),  # not used (sixth from last)
        70: (10, "rise"),  # 12 days
        100: (0, "flat"),  # 0 days
        130: (3, "rise"),  # 7 on +1..+3, then no entries on +4..+14: at least 4 days
        160: (17, "rise"),  # 19 days
        190: (0, "up_to_end"),  # at least 21 days
    }
    mood = build(maintenance, end=211)
    for o in range(134, 145):
        del mood[day(o)]
    sessions = [iv(d) for d in (*induction, *maintenance)]
    summary = booster_summary(mood, sessions, at(211))
    assert [(d.days, d.censored) for d in summary.durations] == [
        (12, False),
        (0, False),
        (4, True),
        (19, False),
        (21, True),
    ]
    assert summary.durations[2].text == "at least 4 days"
    # KM: t=0 S=4/5, t=12 (3 at risk) S=0.8*2/3, t=19 (2 at risk) S=0.8*2/3*1/2 -> 19
    assert summary.censored == 2 and summary.median_days == 19


def test_fewer_than_three_maintenance_sessions_states_nothing_else():
    sessions = [iv(d) for d in (0, 3, 7, 40, 70)]
    mood = build({40: (10, "rise"), 70: (8, "rise")}, end=100)
    summary = booster_summary(mood, sessions, at(100))
    assert summary.sessions == 2 and not summary.enough
    assert summary.today_line() == "How long your sessions help: not enough sessions yet."
    assert summary.pdf_line() is None
    figures = summary.as_json()["booster"]
    assert figures["median_days"] is None and figures["range"] is None
    assert booster_summary({}, [], at(0)).today_line() is None  # no session at all


def test_a_session_without_rise_counts_as_zero_days():
    # (after an induction: the first session on record is never maintenance)
    sessions = [iv(d) for d in (0, 3, 40, 70, 100)]
    mood = build({}, end=130)  # flat: no session lifts the mood
    summary = booster_summary(mood, sessions, at(130))
    assert [(d.days, d.censored) for d in summary.durations] == [(0, False)] * 3
    assert summary.median_days == 0


def test_sessions_cut_by_the_next_one_are_censored():
    # Mood stays up from each session to the next, 10 days apart; baselines come from
    # the 7 days before the first (later ones overlap their previous session's window).
    sessions = [iv(d) for d in (0, 3, 40, 50, 60, 70)]  # (an induction first)
    mood = build({}, end=75)
    for o in range(41, 76):
        mood[day(o)] = 7.0
    summary = booster_summary(mood, sessions, at(75))
    first = summary.maintenance[0]
    assert (first.days, first.censored) == (9, True)  # still above on day +9, then day 50
    assert first.text == "at least 9 days"


def observation_mood(back_through: int) -> dict[dt.date, float]:
    """Baseline 3, mood 7 on days +1..+10, back at 3 on days +11..``back_through``."""
    mood = {day(o): 3.0 for o in range(-7, 0)}
    for o in range(1, 11):
        mood[day(o)] = 7.0
    for o in range(11, back_through + 1):
        mood[day(o)] = 3.0
    return mood


def test_observation_only_after_three_days_at_baseline():
    sessions = [iv(0)]
    # The 3-day mean is first back at 3 on day 13 (days 11-13): 3 days are 13, 14, 15.
    assert observation_session(observation_mood(13), sessions, at(13)) is None
    assert observation_session(observation_mood(14), sessions, at(14)) is None  # 2 days
    assert observation_session(observation_mood(15), sessions, at(15)) is sessions[0]
    # yesterday's entry still counts (today not logged yet), two days ago does not
    assert observation_session(observation_mood(15), sessions, at(16)) is sessions[0]
    assert observation_session(observation_mood(15), sessions, at(17)) is None
    rising = observation_mood(15)
    rising[day(15)] = 9.0  # (3 + 3 + 9) / 3 = 5 on day 15: above again
    assert observation_session(rising, sessions, at(15)) is None


def test_observation_at_most_once_per_session():
    session = iv(0)
    assert observation_allowed(session, day(15), None)
    stored = shown_value(session, day(15))
    assert observation_allowed(session, day(15), stored)  # the same day: it stays
    assert not observation_allowed(session, day(16), stored)  # never again for it
    assert observation_allowed(iv(30), day(45), stored)  # a new session may show it
    assert observation_allowed(session, day(16), "damaged")  # unknown shape: not shown yet


def test_insights_json_output_keys(tmp_path):
    import json

    from tests.conftest import PASSPHRASE, run_cli

    data = ["--data-dir", str(tmp_path / "vault")]
    made = run_cli([*data, "demo", "--years", "0.6", "--passphrase-stdin"], PASSPHRASE + "\n")
    assert made.returncode == 0, made.stderr
    result = run_cli([*data, "insights", "--json", "--passphrase-stdin"], PASSPHRASE + "\n")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)["booster"]
    assert set(figures) == {
        "sessions",
        "median_days",
        "range",
        "censored",
        "since_last_session_days",
        "method",
    }
    assert figures["method"] == "kaplan-meier"
    assert figures["sessions"] >= 3  # the demo has boosters after its induction course
    low, high = figures["range"]
    median = figures["median_days"]
    assert median is None or (isinstance(median, int) and low <= median <= high)
    assert 0 <= figures["censored"] <= figures["sessions"]
    assert isinstance(figures["since_last_session_days"], int)
    plain = run_cli([*data, "insights", "--passphrase-stdin"], PASSPHRASE + "\n")
    assert plain.returncode == 0 and "Kaplan-Meier" in plain.stdout


def test_pdf_line_only_with_three_maintenance_sessions():
    from moodlog.domain.booster import period_durability
    from moodlog.domain.contents import VaultContents
    from moodlog.domain.entries import Entry

    def contents(session_days: tuple[int, ...], end: int) -> VaultContents:
        mood = build({d: (10, "rise") for d in session_days}, end=end)
        entries = [Entry(d, dt.time(9), mood=round(v)) for d, v in mood.items()]
        return VaultContents(entries=entries, treatments=[iv(d) for d in session_days])

    # (an induction on days 0 and 3 first: the first session on record is never
    # maintenance)
    assert period_durability(contents((0, 3, 40, 70), 100), day(100), at(100)) is None
    line, footnote = period_durability(contents((0, 3, 40, 70, 100), 130), day(130), at(130))
    assert line == (
        "Last 3 maintenance sessions: the 3-day average of mood stayed above its pre-session "
        "level for a median "
        "of 12 days (all 12 days)."
    )
    assert "Kaplan-Meier" in footnote and "censored" in footnote
    # As of the end of an earlier period: only what had happened by then.
    assert period_durability(contents((0, 3, 40, 70, 100), 130), day(99), at(130)) is None


def test_booster_settings_survive_export_and_import():
    from moodlog.domain.booster import SETTING_LAST_SESSIONS, SETTING_OBSERVATION
    from moodlog.domain.contents import VaultContents
    from moodlog.report import json_format

    settings = {
        SETTING_LAST_SESSIONS: 4,
        SETTING_OBSERVATION: shown_value(iv(0), day(15)),
    }
    document = json_format.loads(json_format.dumps(VaultContents(settings=settings)))
    loaded = json_format.from_document(document)
    assert loaded.settings == settings


def test_a_median_of_zero_days_says_the_mood_did_not_rise():
    """Therapist review: "mood stayed above its pre-session level for a median of 0
    days (range 0-6)" read oddly; at least half of the sessions gave no rise."""
    from moodlog.domain.booster import BoosterSummary, SessionDuration

    durations = [SessionDuration(iv(d), days, False) for d, days in ((30, 0), (60, 0), (90, 6))]
    summary = BoosterSummary(durations, km_median([0, 0, 6], [False] * 3), 3)
    assert summary.median_days == 0
    assert summary.figure_text() == (
        "the 3-day average of mood did not rise above its pre-session level after at least "
        "half of them (median 0 days; range 0-6)"
    )


def test_two_sessions_on_one_day_give_one_duration_and_make_no_induction():
    """Clinician review: two sessions on one day (a split dose, a visit recorded twice)
    have the same days of mood around them. Counted twice, that one duration weighed
    double in the median, and the pair alone after a long gap made an "induction"."""
    induction = {0: (0, "flat"), 3: (0, "flat"), 7: (0, "flat")}
    maintenance = {40: (10, "rise"), 70: (10, "rise"), 100: (20, "rise"), 130: (20, "rise")}
    mood = build(maintenance, end=160)
    sessions = [iv(d) for d in (*induction, *maintenance)]
    twice = iv(40)  # the same day as the first booster, recorded again
    summary = booster_summary(mood, [*sessions, twice], at(160))
    assert [d.days for d in summary.durations] == [12, 12, 22, 22]  # not 12, 12, 12, ...
    assert summary.durations[0].session is sessions[3]  # the first of the day's two
    assert summary.median_days == booster_summary(mood, sessions, at(160)).median_days
    assert summary.median_days == 12  # KM over 12, 12, 22, 22: S = 0.5 at t=12
    # After a gap of more than 90 days, two sessions on one day are not a run.
    later = [iv(0), iv(3), iv(300), iv(300, "esketamine_nasal")]
    assert induction_sessions(later, at(320)) == later[:2]
    assert maintenance_sessions(later, at(320)) == later[2:]
    # The first session on record may be induction alone, with its same-day twin.
    pair = [iv(0), iv(0)]
    assert induction_sessions(pair, at(20)) == pair


def test_a_tired_day_after_each_session_still_counts_its_rise():
    """Clinician review: with day +1 a little below the baseline and mood clearly above
    from day +2 for two weeks, every session read "no rise" and the median 0 days."""
    sessions = [iv(d) for d in (0, 50, 80, 110, 140)]  # the first: the induction
    mood = {day(o): 5.0 for o in range(-10, 170)}
    for start in (50, 80, 110, 140):
        mood[day(start + 1)] = 4.0
        for o in range(2, 16):
            mood[day(start + o)] = 9.0
    summary = booster_summary(mood, sessions, at(169))
    # days +16 and +17 still above in the 3-day mean ((9+9+5)/3, (9+5+5)/3); +18 back
    assert [(d.days, d.censored) for d in summary.durations] == [(18, False)] * 4
    assert summary.median_days == 18


def test_sparse_logging_is_not_called_too_close_together():
    """Clinician review: sessions every 14 days and one mood every 4 days gave
    "not measurable while your sessions are this close together"; the overlap left out
    one pre-session day only, the cause was the sparse logging."""
    from moodlog.domain.booster import CLOSE_TOGETHER_TEXT

    sessions = [iv(o) for o in range(0, 126, 14)]
    mood = {day(o): 5.0 for o in range(-20, 126, 4)}
    summary = booster_summary(mood, sessions, at(125))
    assert summary.overlapping == 0
    assert summary.panel_text() != CLOSE_TOGETHER_TEXT[0].upper() + CLOSE_TOGETHER_TEXT[1:] + "."
    assert "none has enough mood entries" in summary.panel_text()
    # logged daily with weekly sessions, the overlap is the cause: still said
    weekly = [iv(o) for o in range(0, 126, 7)]
    daily = {day(o): 5.0 for o in range(-20, 126)}
    assert booster_summary(daily, weekly, at(125)).not_enough_text() == CLOSE_TOGETHER_TEXT


def test_every_durability_sentence_says_it_measures_the_3_day_average():
    """Clinician review: "mood stayed above its pre-session level for a median of N
    days" measures a 3-day mean, which lags a drop of the daily mood by up to 2 days;
    each sentence (Today, the Trends panel, the PDF) now says what is measured."""
    from moodlog.domain.booster import BoosterSummary, SessionDuration

    durations = [SessionDuration(iv(d), 10, True) for d in (30, 60, 90)]  # none ended
    median = km_median([10] * 3, [True] * 3)
    summary = BoosterSummary(durations, median, 3, maintenance=durations, maintenance_count=3)
    assert summary.median_days is None
    for text in (summary.today_line(), summary.pdf_line(), summary.panel_text()):
        assert "the 3-day average of mood stayed above its pre-session level for more than " in (
            text
        )


def test_the_pdfs_durability_line_is_the_same_from_the_summarys_own_responses():
    """The PDF's summary hands its per-session responses to the durability line (one
    analysis instead of two); the line is the same, and they are used only when made
    from the same mood series."""
    from moodlog.domain.analysis import session_responses
    from moodlog.domain.booster import period_durability
    from moodlog.domain.contents import VaultContents
    from moodlog.domain.entries import Entry

    maintenance = {40: (10, "rise"), 70: (10, "rise"), 100: (20, "rise"), 130: (20, "rise")}
    mood = build(maintenance, end=160)
    sessions = [iv(d) for d in (0, 3, 7, *maintenance)]
    contents = VaultContents(
        entries=[Entry(day=d, time=dt.time(9), mood=round(v)) for d, v in mood.items()],
        treatments=sessions,
    )
    last_day, now = day(160), at(170)
    alone = period_durability(contents, last_day, now)
    assert alone is not None and "median" in alone[0]
    series = {d: float(round(v)) for d, v in mood.items()}
    as_of = dt.datetime.combine(last_day, dt.time(23, 59))
    known = (series, session_responses(series, sessions, as_of))
    assert period_durability(contents, last_day, now, known=known) == alone
    # Responses of another series are not used (nothing made from them is stated).
    other = ({**series, day(41): 0.0}, [])
    assert period_durability(contents, last_day, now, known=other) == alone
    assert period_durability(contents, last_day, now, known=(series, [])) is None  # used


def test_a_session_of_another_kind_inside_an_induction_does_not_end_it():
    """Reviews r10: esketamine sessions on days 40, 43, 47 and 50 after an IV course
    are its induction; one IV session on day 40 (after the esketamine by the clock) or
    an IM one on day 41 made them all maintenance, feeding the booster median."""
    iv_course = [iv(d) for d in (0, 3, 7, 10)]
    esk = [iv(d, "esketamine_nasal") for d in (40, 43, 47, 50)]
    late_iv = Treatment(day=day(40), time=dt.time(15), kind="ketamine_iv", dose_mg=40)
    im = iv(41, "ketamine_im")
    for extra in (late_iv, im):
        sessions = sorted([*iv_course, *esk, extra], key=lambda t: t.starts_at)
        induction = induction_sessions(sessions, at(80))
        assert all(s in induction for s in esk), extra.kind
        assert extra not in induction  # its own kind's run has one session: maintenance


def test_which_of_a_same_day_pair_comes_first_does_not_change_the_durations():
    maintenance = {40: (10, "rise"), 70: (10, "rise"), 100: (20, "rise"), 130: (20, "rise")}
    mood = build(maintenance, end=160)
    base = [iv(d) for d in (0, 3, 7, *maintenance)]

    def pair(first: str, second: str) -> list[Treatment]:
        a = Treatment(day=day(100), time=dt.time(9), kind=first, dose_mg=40)
        b = Treatment(day=day(100), time=dt.time(15), kind=second, dose_mg=40)
        return sorted([*base[:-2], a, b, base[-1]], key=lambda t: t.starts_at)

    one = booster_summary(mood, pair("ketamine_iv", "esketamine_nasal"), at(160))
    other = booster_summary(mood, pair("esketamine_nasal", "ketamine_iv"), at(160))
    assert [d.days for d in one.durations] == [d.days for d in other.durations]
    assert one.median_days == other.median_days


def test_a_maintenance_session_days_ago_is_too_recent_not_short_of_entries():
    """Clinician review r10: after a booster today (or yesterday, with a low day +1),
    the Trends panel said it "does not have enough mood entries around it" for someone
    who logs every day; it is too recent to measure."""
    sessions = [iv(0), iv(3), iv(40)]
    mood = build({}, end=42)  # every day logged, 3 everywhere
    for now_day in (40, 41, 43):
        summary = booster_summary(mood, sessions, at(now_day))
        assert summary.maintenance_count == 1 and not summary.maintenance
        assert "too recent to measure yet" in summary.panel_text(), now_day
    later = booster_summary(build({}, end=60), sessions, at(60))
    assert "too recent" not in later.panel_text()


def test_too_recent_only_for_a_session_that_will_be_measured():
    """Final diff review: weekly sessions (the first booster's baseline overlapping the
    induction) or no mood in the week before read "too recent to measure yet", then
    something else: that session would never be measured."""
    weekly = [iv(0), iv(3), iv(6), iv(13)]  # day 13's days -7..-1 are 1-7 after day 6
    summary = booster_summary(build({}, end=14), weekly, at(14))
    assert "too recent" not in summary.panel_text()
    unlogged = [iv(0), iv(3), iv(40)]
    mood = {d: v for d, v in build({}, end=42).items() if not day(33) <= d < day(40)}
    assert "too recent" not in booster_summary(mood, unlogged, at(41)).panel_text()


def test_too_recent_lasts_until_the_rise_is_decided_and_counts_a_same_day_pair_once():
    """Last diff review: with a mood every other day the rise is decided by day +5, and
    day +4 read "not enough mood entries"; a same-day pair read "2 maintenance sessions,
    but none has enough mood entries" the day after."""
    sessions = [iv(0), iv(3), iv(40)]
    odd = {d: v for d, v in build({}, end=48).items() if d <= day(39) or (d - day(40)).days % 2}
    for now_day in (41, 43, 44):
        upto = {d: v for d, v in odd.items() if d <= day(now_day)}  # as of that day
        text = booster_summary(upto, sessions, at(now_day)).panel_text()
        assert "too recent to measure yet" in text and "7th day" in text, now_day
    pair = [iv(0), iv(3), iv(40), iv(40, "esketamine_nasal")]
    text = booster_summary(build({}, end=41), pair, at(41)).panel_text()
    assert "too recent to measure yet" in text


def test_too_recent_holds_through_day_7_until_its_mood():
    """Last quick review: with moods on days +1 and +6 only, the morning of day +7 read
    "not enough mood entries" though that day's mood could still settle it."""
    sessions = [iv(0), iv(3), iv(40)]
    mood = {d: v for d, v in build({}, end=47).items() if d <= day(39) or d in (day(41), day(46))}
    assert "too recent" in booster_summary(mood, sessions, at(47, 8)).panel_text()


def test_range_starts_at_the_shortest_duration_that_ended():
    """A session measured the day after it, still above, is "at least 3 days": it does not
    make the range "3-19" (it may yet last longer than any); the open bar and the count
    of them say it. Only when none ended is the low end an "at least"."""
    maintenance = {
        70: (10, "rise"),  # 12 days
        100: (15, "rise"),  # 17 days
        130: (17, "rise"),  # 19 days
        160: (0, "up_to_end"),  # still above on day +3, the end of the data
    }
    mood = build(maintenance, end=163)
    sessions = [iv(d) for d in (0, 3, 7, 10, *maintenance)]
    summary = booster_summary(mood, sessions, at(163))
    assert [(d.days, d.censored) for d in summary.durations][-1] == (3, True)
    assert summary.range == (12, 19)
    assert summary.as_json()["booster"]["range"] == [12, 19]
    assert "(range 12-19 for those that ended)" in summary.figure_text()

    def durations(*pairs: tuple[int, bool]) -> BoosterSummary:
        return BoosterSummary(
            durations=[SessionDuration(iv(i), days, cut) for i, (days, cut) in enumerate(pairs)],
            median_days=None,
            since_last_session_days=1,
        )

    none_ended = durations((3, True), (9, True), (5, True))
    assert none_ended.range == (3, 9)
    assert none_ended.range_text() == "range at least 3 to at least 9"
    assert durations((4, True), (4, True), (4, True)).range_text() == "each at least 4 days"
    assert durations((2, True), (8, False), (11, True)).range_text() == ("range 8 to at least 11")
    assert durations((2, False), (8, False), (8, True)).range_text() == "range 2-8"
    # A session still running, shorter so far than any that ended (diff review: "all 10
    # days" beside one 3 days ago).
    assert durations((10, False), (10, False), (3, True)).range_text() == (
        "10 days each for those that ended"
    )
    assert durations((10, False), (10, False), (10, True)).range_text() == "all 10 days"
