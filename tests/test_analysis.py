"""Each analysis definition on hand-built series with known answers."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from moodlog.domain.analysis import (
    course_summary,
    daily_series,
    mean_response_curve,
    mean_shown_from,
    runs_of_days,
    session_curves,
    session_responses,
    sleep_vs_next_day_mood,
    tag_comparisons,
    trailing_mean,
)
from moodlog.domain.entries import Entry
from moodlog.domain.questionnaires import GAD7, PHQ9, QuestionnaireResult
from moodlog.domain.treatments import Treatment

D0 = dt.date(2026, 3, 10)
NOW = dt.datetime(2026, 12, 31, 12)


def day(offset: int) -> dt.date:
    return D0 + dt.timedelta(days=offset)


def entries_from(moods: dict[int, float | list[int]], **extra) -> list[Entry]:
    result = []
    for offset, value in moods.items():
        for mood in value if isinstance(value, list) else [value]:
            result.append(Entry(day=day(offset), time=dt.time(9), mood=mood, **extra))
    return result


def series(moods: dict[int, float]) -> dict[dt.date, float]:
    return {day(o): float(v) for o, v in moods.items()}


def iv(offset: int, kind: str = "ketamine_iv") -> Treatment:
    return Treatment(day=day(offset), time=dt.time(10), kind=kind, dose_mg=40)


def test_daily_series_is_the_mean_and_gaps_stay_gaps():
    result = daily_series(entries_from({0: [2, 5], 1: 4, 3: 6}))
    assert result == {day(0): 3.5, day(1): 4.0, day(3): 6.0}
    assert day(2) not in result


def test_daily_series_of_an_optional_field_skips_missing_values():
    entries = [Entry(day(0), dt.time(8), 5, anxiety=None), Entry(day(0), dt.time(9), 5, anxiety=4)]
    assert daily_series(entries, "anxiety") == {day(0): 4.0}


def test_trend_needs_three_of_seven_days():
    s = series({0: 2, 1: 4, 5: 6, 7: 9, 20: 9})
    trend = trailing_mean(s)
    assert day(0) not in trend and day(1) not in trend  # fewer than 3 days yet
    assert trend[day(5)] == pytest.approx(4.0)  # days 0, 1, 5
    assert trend[day(6)] == pytest.approx(4.0)  # a day without entry still has a trend
    assert trend[day(7)] == pytest.approx(19 / 3)  # day 0 left the window: days 1, 5, 7
    assert day(12) not in trend  # window 6..12 holds only day 7
    assert day(20) not in trend
    assert max(trend) <= day(20)  # the trend ends with the data


def test_trend_window_edges():
    s = series({0: 2, 1: 4, 5: 6, 6: 8})
    assert trailing_mean(s) == {day(5): pytest.approx(4.0), day(6): pytest.approx(5.0)}


def test_session_with_known_response():
    moods = {o: 3 for o in range(-7, 0)}
    moods.update(
        {1: 7, 2: 6, 3: 5, 4: 5, 5: 4, 6: 3, 7: 3, 8: 3, 9: 3, 10: 3, 11: 3, 12: 3, 13: 3, 14: 3}
    )
    (r,) = session_responses(series(moods), [iv(0)], NOW)
    assert r.baseline == 3
    assert r.day1_change == 4
    assert r.window_changes[0] == pytest.approx(3.0)  # (7+6+5)/3 - 3
    assert r.window_changes[1] == pytest.approx(0.75)  # (5+4+3+3)/4 - 3
    assert r.window_changes[2] == pytest.approx(0.0)
    # 3-day trailing means: d4 (6+5+5)/3, d5 4.67, d6 4.0, d7 3.33, d8 3.0 <= 3
    assert (r.durability_status, r.durability_days) == ("days", 8)
    assert r.durability_text == "8 days"


def test_session_without_baseline():
    (r,) = session_responses(series({-7: 3, -1: 3, 1: 8, 2: 8}), [iv(0)], NOW)
    assert r.baseline is None and r.day1_change is None
    assert r.window_changes == (None, None, None)
    assert r.durability_text == "not enough data"


def test_windows_need_a_third_of_their_days():
    moods = {o: 4 for o in (-3, -2, -1)}
    moods.update({5: 8, 9: 8, 10: 8})  # +4..+7 has 1 of 4 days, +8..+14 has 2 of 7
    (r,) = session_responses(series(moods), [iv(0)], NOW)
    assert r.window_changes == (None, None, None)


def test_two_sessions_a_day_apart():
    moods = {o: 3 for o in range(-7, 0)}
    moods.update({0: 5, 1: 8, 2: 8, 3: 7})
    first, second = session_responses(series(moods), [iv(0), iv(1)], NOW)
    assert first.day1_change is None  # day +1 is the next session's day
    assert first.window_status == ("after_next_session",) * 3
    assert first.durability_text == "not enough data"  # the next session came at once
    # days -6..-1 of the second session; day 0 (the first session's day) is not in its
    # +1..+7 window
    assert second.baseline == pytest.approx((3 * 6 + 5) / 7)
    assert second.day1_change == pytest.approx(8 - (3 * 6 + 5) / 7)
    assert second.durability_status == "above_so_far"


def test_still_above_at_next_session():
    moods = {o: 3 for o in range(-7, 0)}
    moods.update({o: 7 for o in range(1, 10)})
    first, _ = session_responses(series(moods), [iv(0), iv(5)], NOW)
    assert first.durability_text == "still above at next session (at least 4 days)"
    assert first.duration == (4, True)


def test_appointments_and_non_ketamine_sessions_are_not_analysed():
    moods = series({o: 3 for o in range(-7, 3)})
    future = Treatment(day=dt.date(2027, 1, 5), time=dt.time(10), kind="ketamine_iv")
    assert session_responses(moods, [future, iv(0, "tms")], NOW) == []


def test_mean_response_curve():
    moods = series({-1: 2, 1: 6, 9: 4, 11: 8})
    curve = mean_response_curve(session_curves(moods, [iv(0), iv(10)]))
    assert curve[-1] == (pytest.approx(3.0), pytest.approx(1.0), 2)  # days -1 and 9
    assert curve[1] == (pytest.approx(7.0), pytest.approx(1.0), 2)  # days 1 and 11
    assert 5 not in curve


def test_session_curves_use_the_days_of_the_per_session_table():
    """Induction: sessions on days 0, 3 and 12. Each day counts for the session just
    before it; the days before a session that are 1-7 days after an earlier one are
    not its "before" (its baseline leaves them out too)."""
    moods = series({o: float(o + 20) for o in range(-10, 30)})  # the value names its day
    first, second, third = session_curves(moods, [iv(0), iv(3), iv(12)])
    # The first: days -7..-1 all (nothing earlier), then up to day 2 (the next is day 3).
    assert sorted(first) == [*range(-7, 0), 0, 1, 2]
    assert first[-7] == 13.0 and first[2] == 22.0
    # The second: its days -7..-1 are days -4..2, of which days 1 and 2 are days 1-7
    # after the first session: left out. Then day 3 (its own) up to day 11.
    assert sorted(second) == [-7, -6, -5, -4, -3, *range(0, 9)]
    assert second[-3] == 20.0 and second[8] == 31.0
    # The third: days 5..11 before it; 4..10 are 1-7 days after the second.
    assert sorted(third) == [-1, *range(0, 15)]
    assert third[-1] == 31.0 and third[14] == 46.0
    # The table takes its baseline from the same days.
    table = session_responses(moods, [iv(0), iv(3), iv(12)], NOW)
    assert table[1].baseline == pytest.approx(sum(second[o] for o in range(-7, -2)) / 5)
    assert table[2].baseline is None and table[2].baseline_status == "overlaps_previous_session"


def test_session_curves_gaps_stay_gaps_and_a_day_counts_once_in_the_mean():
    moods = series({-2: 2, 1: 4, 2: 6, 5: 8})  # no mood on days -1, 0, 3, 4
    curves = session_curves(moods, [iv(0), iv(4)])
    # Day -2 is before both (the second's -6); day 2 is the first's +2 only: it is 1-7
    # days after the first, so it is not the second's -2.
    assert curves == [{-2: 2.0, 1: 4.0, 2: 6.0}, {-6: 2.0, 1: 8.0}]
    mean = mean_response_curve(curves)
    assert mean[-2] == (pytest.approx(2.0), pytest.approx(0.0), 1)
    assert mean[1] == (pytest.approx(6.0), pytest.approx(2.0), 2)  # days 1 and 5
    assert mean_response_curve([]) == {}


def test_the_charts_mean_needs_two_sessions_that_day_when_more_are_shown():
    """Reviewer: a bold "mean" of one session's day, beside means of six, read as a dip
    of them all. With two or more sessions shown the mean needs two that day."""
    curves = [{-1: 1.0, 0: 5.0, 1: 6.0}, {0: 5.0, 1: 8.0}, {1: 7.0, 4: 2.0}]
    assert mean_shown_from(3) == 2 and mean_shown_from(1) == 1 and mean_shown_from(0) == 1
    mean = mean_response_curve(curves, mean_shown_from(len(curves)))
    assert sorted(mean) == [0, 1]  # day -1 and day 4: one session each
    assert mean[1] == (pytest.approx(7.0), pytest.approx(math.sqrt(2 / 3)), 3)
    alone = mean_response_curve(curves[:1], mean_shown_from(1))
    assert sorted(alone) == [-1, 0, 1]  # one session shown: the mean is that session


def test_runs_of_days_break_at_a_missing_day():
    assert runs_of_days([3, -2, -1, 0, 5, 6, 1]) == [[-2, -1, 0, 1], [3], [5, 6]]
    assert runs_of_days({}) == []


def test_session_curves_of_two_sessions_on_one_day():
    moods = series({o: 5.0 for o in range(-7, 15)})
    a, b = session_curves(moods, [iv(0), iv(0, "esketamine")])
    assert sorted(a) == sorted(b) == list(range(-7, 15))


def phq(
    offset: int, total: int, baseline: bool = False, instrument: str = PHQ9
) -> QuestionnaireResult:
    count = 9 if instrument == PHQ9 else 7
    answers = [min(3, max(0, total - 3 * i)) for i in range(count)]
    assert sum(answers) == total
    return QuestionnaireResult(day(offset), dt.time(9), instrument, answers, is_baseline=baseline)


def test_course_baseline_is_last_result_in_30_days_before_first_session():
    results = [phq(-45, 24), phq(-20, 20), phq(-3, 18), phq(7, 12), phq(21, 9)]
    summary = course_summary(results, PHQ9, [iv(0), iv(3)], NOW)
    assert summary.baseline.total == 18 and summary.latest.total == 9
    assert summary.baseline_rule == "before_course"
    assert summary.percent_change == pytest.approx(-50.0)
    assert summary.response is True  # exactly 50% counts
    assert summary.response_first_reached == day(21)
    assert summary.remission is False and summary.remission_first_reached is None


@pytest.mark.parametrize("latest, remission", [(4, True), (5, False)])
def test_remission_exactly_at_4_and_5(latest, remission):
    summary = course_summary([phq(-2, 20), phq(30, latest)], PHQ9, [iv(0)], NOW)
    assert summary.remission is remission
    assert (summary.remission_first_reached == day(30)) is remission
    assert summary.response is True


def test_response_just_above_half_is_not_response():
    summary = course_summary([phq(-2, 19), phq(30, 10)], PHQ9, [iv(0)], NOW)
    assert summary.response is False  # 10 > 9.5


def test_gad7_change_and_band():
    summary = course_summary(
        [phq(-2, 15, instrument=GAD7), phq(20, 6, instrument=GAD7)], GAD7, [iv(0)], NOW
    )
    assert summary.change == -9 and summary.remission is False
    assert "severe" in summary.describe() and "mild" in summary.describe()


def test_tag_comparison_needs_three_days_each():
    entries = entries_from({0: 8, 1: 7, 2: 9, 3: 3, 4: 4, 5: 2}, tags=[])
    for entry in entries[:3]:
        entry.tags = ["exercise"]
    entries[0].tags.append("rare")
    (comparison,) = tag_comparisons(entries)
    assert comparison.tag == "exercise"
    assert comparison.with_mean == 8 and comparison.without_mean == 3
    assert comparison.with_days == comparison.without_days == 3


def test_sleep_against_next_day_mood():
    entries = []
    for offset in range(12):
        hours = 5 + offset * 0.25
        entries.append(Entry(day(offset), dt.time(8), mood=3, sleep_hours=hours))
        entries.append(Entry(day(offset + 1), dt.time(20), mood=2 + offset % 7))
    result = sleep_vs_next_day_mood(entries)
    assert result is not None
    r, n = result
    assert n == 12 and -1 <= r <= 1
    assert sleep_vs_next_day_mood(entries[:10]) is None  # fewer than 10 pairs


def test_fast_trend_path_gives_the_same_numbers_as_the_records_path(vault):
    """The Trends screen reads per-day means from SQL; the PDF computes them from the
    records. Both must agree to the last digit that is shown."""
    from moodlog.charts.plots import TrendData
    from moodlog.domain.demo import build_demo
    from moodlog.vault import bulk

    contents = build_demo(days=200, end=dt.date(2026, 6, 30), seed=3)
    bulk.store(vault, contents)
    now = dt.datetime(2026, 6, 30, 22)
    fast = TrendData.from_vault(vault, now)
    full = TrendData.build(bulk.load(vault), now)
    assert fast.mood.keys() == full.mood.keys()
    assert all(fast.mood[d] == pytest.approx(full.mood[d], abs=1e-9) for d in full.mood)
    for name in full.others:
        assert fast.others[name].keys() == full.others[name].keys()
    assert fast.checkin_levels == full.checkin_levels
    assert [r.durability_text for r in fast.responses] == [
        r.durability_text for r in full.responses
    ]
    assert [(c.tag, round(c.difference, 9)) for c in fast.tag_comparisons] == [
        (c.tag, round(c.difference, 9)) for c in full.tag_comparisons
    ]
    assert fast.sleep_correlation == pytest.approx(full.sleep_correlation)


def test_outcome_reached_once_but_not_at_the_latest_result_says_so():
    summary = course_summary([phq(-2, 20), phq(20, 4), phq(40, 12)], PHQ9, [iv(0)], NOW)
    assert summary.remission is False and summary.response is False
    text = summary.outcome_text()
    assert f"remission not at the latest result (reached {day(20):%d %b %Y})" in text
    assert f"response not at the latest result (reached {day(20):%d %b %Y})" in text
    summary = course_summary([phq(-2, 20), phq(20, 4)], PHQ9, [iv(0)], NOW)
    assert summary.outcome_text() == (
        f"response yes (first reached {day(20):%d %b %Y}); "
        f"remission yes (first reached {day(20):%d %b %Y})"
    )


def test_recent_slice_agrees_with_the_whole_history_where_it_is_drawn(vault):
    """The Trends screen first reads only recent days; in that range every point and
    trend value must equal the whole-history numbers."""
    from moodlog.charts.plots import TrendData
    from moodlog.domain.demo import build_demo
    from moodlog.vault import bulk

    bulk.store(vault, build_demo(days=300, end=dt.date(2026, 6, 30), seed=5))
    now = dt.datetime(2026, 6, 30, 22)
    since = dt.date(2026, 4, 1)
    recent = TrendData.from_vault(vault, now, since=since)
    whole = TrendData.from_vault(vault, now)
    assert not recent.complete and whole.complete
    assert recent.mood == {d: v for d, v in whole.mood.items() if d >= since}
    assert recent.trend, "the slice should have a trend"
    assert min(recent.trend) == since + dt.timedelta(days=6)
    assert all(recent.trend[d] == pytest.approx(whole.trend[d]) for d in recent.trend)
    assert recent.checkin_levels == [(d, lv) for d, lv in whole.checkin_levels if d >= since]
    assert len(recent.treatments) == len(whole.treatments)  # sessions are read whole
    assert recent.responses == [] and recent.course == {} and recent.tag_comparisons == []
    assert whole.responses and whole.course


# --- Issue 11 section 3: one baseline rule, response and remission -------------------


def at(offset: int, total: int, hour: int, baseline: bool = False) -> QuestionnaireResult:
    result = phq(offset, total, baseline)
    result.time = dt.time(hour)
    return result


SECOND_COURSE = [iv(0), iv(3), iv(7), iv(200), iv(203)]


@pytest.mark.parametrize(
    "case, results, sessions, baseline, rule",
    [
        (
            "marked wins over the pre-course result",
            [phq(-60, 22, baseline=True), phq(-5, 18), phq(20, 9)],
            [iv(0), iv(3)],
            22,
            "marked",
        ),
        (
            "last result within 30 days before the first session",
            [phq(-45, 24), phq(-20, 20), phq(-3, 18), phq(20, 8)],
            [iv(0), iv(3)],
            18,
            "before_course",
        ),
        ("30 days before still counts", [phq(-30, 20), phq(20, 8)], [iv(0)], 20, "before_course"),
        ("31 days before is too early", [phq(-31, 20), phq(20, 8)], [iv(0)], None, ""),
        ("no result before the course: none", [phq(1, 20), phq(20, 8)], [iv(0)], None, ""),
        ("no session and no mark: none", [phq(-3, 20), phq(20, 8)], [], None, ""),
        ("no session, marked", [phq(-3, 20, baseline=True), phq(20, 8)], [], 20, "marked"),
        ("same day, before the session", [at(0, 20, 9), phq(20, 8)], [iv(0)], 20, "before_course"),
        ("same day, after the session", [at(0, 20, 11), phq(20, 8)], [iv(0)], None, ""),
        (
            "a mark after the first session is not used",
            [phq(-3, 18), phq(5, 20, baseline=True), phq(20, 8)],
            [iv(0)],
            18,
            "before_course",
        ),
        (
            "second course: its own pre-course result",
            [phq(-2, 22), phq(20, 8), phq(190, 16), phq(230, 8)],
            SECOND_COURSE,
            16,
            "before_course",
        ),
        (
            "second course: never a result of the first",
            [phq(-2, 22, baseline=True), phq(20, 8), phq(230, 8)],
            SECOND_COURSE,
            None,
            "",
        ),
    ],
)
def test_baseline_rule_table(case, results, sessions, baseline, rule):
    summary = course_summary(results, PHQ9, sessions, NOW)
    assert (summary.baseline.total if summary.baseline else None) == baseline, case
    assert summary.baseline_rule == rule, case


def test_second_course_reports_response_within_that_course():
    results = [phq(-2, 22), phq(20, 8), phq(190, 16), phq(230, 8)]
    summary = course_summary(results, PHQ9, SECOND_COURSE, NOW)
    assert summary.course_start == day(200)
    assert summary.response is True
    assert summary.response_first_reached == day(230)  # not day 20 of the first course


def test_no_baseline_states_neither_response_nor_remission():
    summary = course_summary([phq(-45, 24), phq(20, 3)], PHQ9, [iv(0)], NOW)
    assert summary.baseline is None
    assert summary.response is False and summary.remission is False
    assert summary.outcome_status == "no_baseline"
    assert "no pre-treatment baseline" in summary.describe()
    assert "response yes" not in summary.describe() and "remission" not in summary.describe()


def test_baseline_below_10_is_not_applicable():
    summary = course_summary([phq(-2, 8), phq(30, 3)], PHQ9, [iv(0)], NOW)
    assert summary.baseline.total == 8
    assert summary.response is False and summary.remission is False
    assert summary.response_first_reached is None and summary.remission_first_reached is None
    assert summary.outcome_text() == "response and remission not applicable (baseline below 10)"
    summary = course_summary([phq(-2, 10), phq(30, 4)], PHQ9, [iv(0)], NOW)
    assert summary.response is True and summary.remission is True  # 10 is enough


def test_a_result_counts_only_14_days_after_the_baseline():
    summary = course_summary([phq(-2, 20), phq(11, 4)], PHQ9, [iv(0)], NOW)  # 13 days
    assert summary.outcome_status == "too_early"
    assert summary.response is False and summary.remission is False
    assert "14 days after the baseline" in summary.outcome_text()
    assert f"{day(12):%d %b %Y}" in summary.outcome_text()
    summary = course_summary([phq(-2, 20), phq(11, 4), phq(12, 4)], PHQ9, [iv(0)], NOW)
    assert summary.response is True and summary.remission is True
    assert summary.response_first_reached == day(12)  # day 11 was too soon
    summary = course_summary([phq(-2, 20), phq(11, 4), phq(30, 12)], PHQ9, [iv(0)], NOW)
    assert summary.response_first_reached is None  # only the early result reached it
    assert summary.outcome_text() == "response no; remission no"


def test_a_result_before_the_first_session_is_never_the_latest():
    """Clinician review: a baseline of 20 marked 45 days before the course and a PHQ-9 of
    9 three days before the first session gave "response yes (first reached ...)", a
    change taken before any treatment."""
    results = [phq(-45, 20, baseline=True), phq(-3, 9)]
    summary = course_summary(results, PHQ9, [iv(0), iv(2)], NOW)
    assert summary.baseline.total == 20 and summary.latest is None
    assert summary.last_result.total == 9
    assert summary.outcome_status == "none_since_start"
    assert summary.response is False and summary.response_first_reached is None
    assert summary.change is None and summary.percent_change is None
    assert summary.outcome_text() == (
        f"no result since the first session ({day(0):%d %b %Y}) yet, so no change, "
        "response or remission is stated"
    )
    assert summary.describe() == (
        f"PHQ-9: baseline 20 (severe, {day(-45):%d %b %Y}); " + summary.outcome_text() + "."
    )
    assert "response yes" not in summary.describe() and "-55%" not in summary.describe()
    # once a result after the first session is there, it is the latest; the one before
    # the course never reaches response
    summary = course_summary([*results, phq(20, 12)], PHQ9, [iv(0), iv(2)], NOW)
    assert summary.latest.total == 12 and summary.change == -8
    assert summary.response is False and summary.response_first_reached is None
    assert summary.outcome_text() == "response no; remission no"


def test_latest_counts_from_the_session_time_on_its_day():
    results = [phq(-2, 20), at(14, 8, 9)]  # day 14, 09:00
    summary = course_summary(results, PHQ9, [iv(14)], NOW)  # session at 10:00
    assert summary.baseline.total == 8  # before the session: the baseline itself
    assert summary.latest is None and summary.outcome_status == "none_since_start"
    summary = course_summary([phq(-2, 20), at(14, 8, 11)], PHQ9, [iv(14)], NOW)
    assert summary.latest.total == 8 and summary.baseline.total == 20


def test_no_result_since_the_first_session_without_a_baseline():
    summary = course_summary([phq(-60, 20)], PHQ9, [iv(0)], NOW)
    assert summary.baseline is None and summary.latest is None
    assert summary.describe() == (
        f"PHQ-9: 20 (severe) on {day(-60):%d %b %Y}, before the first session "
        f"({day(0):%d %b %Y}); no pre-treatment baseline and no result since that session yet."
    )
    gad = course_summary([phq(-3, 12, instrument=GAD7)], GAD7, [iv(0)], NOW)
    assert gad.describe().endswith("yet, so no change is stated.")
    # without any session, the last result is the latest as before
    summary = course_summary([phq(-3, 20, baseline=True), phq(20, 8)], PHQ9, [], NOW)
    assert summary.latest.total == 8 and summary.change == -12


def test_a_result_of_an_earlier_course_is_not_the_latest_of_the_current_one():
    results = [phq(-2, 22), phq(20, 8), phq(190, 16)]
    summary = course_summary(results, PHQ9, SECOND_COURSE, NOW)
    assert summary.baseline.total == 16 and summary.latest is None
    assert summary.outcome_status == "none_since_start"


def test_gad7_uses_the_same_baseline_rule():
    results = [phq(-60, 18, instrument=GAD7), phq(-4, 15, instrument=GAD7)]
    results.append(phq(20, 6, instrument=GAD7))
    summary = course_summary(results, GAD7, [iv(0)], NOW)
    assert summary.baseline.total == 15 and summary.change == -9


def test_definitions_name_each_rule():
    from moodlog.domain.analysis import OUTCOME_DEFINITIONS, SESSION_WINDOW_RULES

    for words in ("marked", "30 days", "50%", "below 5", "10 or more", "14 days"):
        assert words in OUTCOME_DEFINITIONS
    for words in ("7 days before", "1-7", "next session", "no rise above baseline"):
        assert words in SESSION_WINDOW_RULES
    from moodlog.domain.analysis import AROUND_CHART_RULE

    for words in ("table's days", "1-7 days after", "day before the next", "at least 2", "gap"):
        assert words in AROUND_CHART_RULE


# --- Issue 11 section 4: per-session windows ------------------------------------------


def test_induction_course_of_six_sessions_in_18_days():
    session_days = (0, 3, 7, 10, 14, 17)
    moods = {o: 3 for o in range(-7, 0)}
    moods.update({o: 7 for o in range(0, 40)})
    responses = session_responses(series(moods), [iv(d) for d in session_days], NOW)
    assert len(responses) == 6
    first, second, *rest = responses
    assert first.baseline == 3 and first.baseline_status == "ok"
    assert first.window_status == ("cut", "after_next_session", "after_next_session")
    assert first.window_changes[0] == pytest.approx(4.0)  # days 1-2 only, not day 3 onwards
    assert first.window_text(0) == "+4.0 (to next session)"
    assert first.window_text(1) == "after next session"
    assert first.durability_status == "above_at_next_session"
    assert first.duration == (2, True)
    # the second session's days -7..-1 are -4..2: days 1 and 2 follow the first session
    assert second.baseline == pytest.approx((3 * 4 + 7) / 5)  # days -4..0
    for response in rest:  # nothing left before them outside an earlier session's effect
        assert response.baseline is None
        assert response.baseline_text == "baseline overlaps previous session"
        assert response.day1_change is None and response.window_changes == (None, None, None)
        assert response.durability_text == "no baseline"
        assert response.duration is None
    assert rest[-1].window_status == ("full", "full", "full")  # the last one runs on


def test_overlapping_windows_stop_at_the_next_session():
    moods = {o: 3 for o in range(-7, 0)}
    moods.update({0: 3, 1: 8, 2: 8, 3: 6, 4: 5, 5: 9, 6: 9, 7: 9, 8: 9, 9: 9})
    first, second = session_responses(series(moods), [iv(0), iv(5)], NOW)
    assert first.window_status == ("full", "cut", "after_next_session")
    assert first.window_changes[1] == pytest.approx(2.0)  # day 4 only: 5 - 3, not days 5-7
    assert first.window_changes[2] is None
    assert first.window_text(1) == "+2.0 (to next session)"
    # days -2..0 of the second session remain (days 1-4 follow the first session)
    assert second.baseline == pytest.approx(3.0)
    assert second.baseline_status == "ok"


def test_overlap_leaving_fewer_than_3_days():
    moods = {o: 3 for o in range(-7, 12)}
    (_, second) = session_responses(series(moods), [iv(0), iv(6)], NOW)  # days -1..5 -> -1, 0
    assert second.baseline is None and second.baseline_status == "overlaps_previous_session"
    moods = {o: 3 for o in (-7, -1)}
    (only,) = session_responses(series(moods), [iv(0)], NOW)
    assert only.baseline_status == "not_enough_data" and only.baseline_text == "\N{EN DASH}"


@pytest.mark.parametrize("after", [5, 4])
def test_flat_or_falling_mood_has_no_rise(after):
    moods = {o: 5 for o in range(-7, 0)}
    moods.update({o: after for o in range(1, 15)})
    (r,) = session_responses(series(moods), [iv(0)], NOW)
    assert r.durability_status == "no_rise"
    assert r.durability_text == "no rise above baseline"
    assert r.durability_days == 0 and r.duration == (0, False)


@pytest.mark.parametrize(
    ("early", "expected"),
    [
        ({1: 5}, 22),  # day +1 at baseline: its mean alone is not "no rise"
        ({1: 4}, 22),  # day +1 below it
        ({1: 1, 2: 9}, 22),  # day +2's mean (1+9)/2 is above: the rise
    ],
)
def test_a_low_first_day_is_not_no_rise(early, expected):
    """Clinician review: a tired day +1 is common after a session; the first 3-day mean
    (day +1 alone) at baseline gave "no rise above baseline" for two weeks above it."""
    moods = {o: 5 for o in range(-10, 0)}
    moods.update({o: 9 for o in range(2, 20)})
    moods.update({o: 5 for o in range(20, 30)})
    moods.update(early)
    (r,) = session_responses(series(moods), [iv(0)], NOW)
    assert r.durability_status == "days"
    assert r.durability_days == expected  # day 22: (5+5+5)/3, back at the baseline
    assert r.duration == (expected, False)


def test_no_rise_needs_the_mean_without_day_1_and_none_above():
    """Clinician reviews: "no rise" is decided by the 3-day means of days +1..+4; the
    one on day +4 (days +2..+4) leaves day +1 out, so a tired day +1 alone never makes
    it "no rise" (with day +1 in every mean looked at, it still did)."""
    moods = {o: 5 for o in range(-7, 0)}
    moods.update({1: 3, 2: 5, 3: 6, 4: 4})  # means 3, 4, 4.67, 5.0: none above 5
    moods.update({o: 9 for o in range(5, 15)})  # a later rise is not this session's
    (r,) = session_responses(series(moods), [iv(0)], NOW)
    assert r.durability_status == "no_rise" and r.duration == (0, False)
    # The reviewer's case: day +1 = 1, days +2 and +3 = 6, then 7s for two weeks.
    moods = {o: 5 for o in range(-7, 0)}
    moods.update({1: 1, 2: 6, 3: 6, **{o: 7 for o in range(4, 18)}, 18: 3, 19: 3, 20: 3})
    (r,) = session_responses(series(moods), [iv(0)], NOW)
    assert r.durability_status == "days" and r.durability_days == 19  # (7+3+3)/3 <= 5


def test_without_a_mean_from_day_4_to_7_a_rise_cannot_be_judged():
    """Clinician review: no mood on days +1..+9, then baseline moods: it read "no rise"
    (0 days, counted in the median). Without a mean from day +4 to day +7 and none
    above before: "not enough data". A missing day +4 mean alone (a mood every other
    day) lets the next one decide (final diff review)."""
    moods = {o: 5 for o in range(-7, 0)}
    moods.update({10: 5, 11: 5})
    (r,) = session_responses(series(moods), [iv(0)], NOW)
    assert r.durability_status == "not_enough_data" and r.duration is None
    moods.update({1: 4, 4: 4, 5: 4})  # day +4's mean needs 2 of days +2..+4: missing
    (r,) = session_responses(series(moods), [iv(0)], NOW)
    assert r.durability_status == "no_rise"  # day +5's (days 3-5) decides: 4.0
    moods.update({3: 4})  # now day +4's is there (4.0): not above, nothing above before
    (r,) = session_responses(series(moods), [iv(0)], NOW)
    assert r.durability_status == "no_rise"
    moods.update({2: 8, 3: 8})  # above on day +2: a rise, counted until back at 5
    (r,) = session_responses(series(moods), [iv(0)], NOW)
    assert r.durability_status == "days"


@pytest.mark.parametrize("next_session", [2, 3, 4])
def test_next_session_before_day_4_without_a_rise_is_not_no_rise(next_session):
    """A low day +1 then the next session on day +2, +3 or +4: whether mood rose is not
    seen, so neither "no rise" nor a duration."""
    moods = {o: 5 for o in range(-7, 0)}
    moods.update({o: 4 for o in range(1, 12)})
    first, _ = session_responses(series(moods), [iv(0), iv(next_session)], NOW)
    assert first.durability_status == "not_above_at_next_session" and first.duration is None
    assert first.durability_text == "not above baseline before next session"
    moods[next_session - 1] = 9  # above just before the next session: censored
    first, _ = session_responses(series(moods), [iv(0), iv(next_session)], NOW)
    assert first.durability_status == "above_at_next_session"
    assert first.duration == (next_session - 1, True)


def test_end_of_data_before_day_4_without_a_rise_is_not_above_so_far():
    moods = {o: 5 for o in range(-7, 0)}
    moods.update({1: 4, 2: 5, 3: 5})
    (r,) = session_responses(series(moods), [iv(0)], NOW)
    assert r.durability_status == "not_above_so_far" and r.duration is None
    assert r.durability_text == "not above baseline so far"
    del moods[1], moods[2], moods[3]  # no day after the session with a mood
    (r,) = session_responses(series(moods), [iv(0)], NOW)
    assert r.durability_status == "not_enough_data"
    moods.update({1: 4, 2: 5, 3: 5, 4: 5})  # day +4's mean, 5.0: now it is "no rise"
    (r,) = session_responses(series(moods), [iv(0)], NOW)
    assert r.durability_status == "no_rise"


def test_sparse_logging_is_not_enough_data_not_an_overlap():
    """Clinician review: one mood every 4 days left fewer than 3 days and was labelled
    "baseline overlaps previous session" though the overlap removed none of them."""
    moods = {o: 5 for o in range(-30, 40, 4)}  # of days 7..13 (its -7..-1), day 10 only
    (_, second) = session_responses(series(moods), [iv(0), iv(14)], NOW)
    assert second.baseline is None and second.baseline_status == "not_enough_data"
    assert second.durability_status == "not_enough_data"
    # logged every day, the overlap (days -7 of 14 = day 7 of the first) is not the cause
    moods = {o: 5 for o in range(-7, 20)}
    (_, second) = session_responses(series(moods), [iv(0), iv(14)], NOW)
    assert second.baseline_status == "ok"
    # three moods in days -7..-1, two of them in the first session's days 1-7: overlap
    moods = {o: 5 for o in (-3, 5, 6, 9)}
    (_, second) = session_responses(series(moods), [iv(0), iv(10)], NOW)
    assert second.baseline_status == "overlaps_previous_session"
    assert second.baseline_text == "baseline overlaps previous session"
    del moods[9]  # days 5 and 6 only: 2 in the whole week, sparse
    (_, second) = session_responses(series(moods), [iv(0), iv(10)], NOW)
    assert second.baseline_status == "not_enough_data"


def test_still_above_so_far_is_censored_at_the_last_day_seen():
    moods = {o: 3 for o in range(-7, 0)}
    moods.update({o: 7 for o in range(1, 6)})
    (r,) = session_responses(series(moods), [iv(0)], NOW)
    assert r.durability_text == "still above so far (at least 5 days)"
    assert r.duration == (5, True)


def test_weeks_without_entries_after_a_rise_are_censored_not_counted():
    """Clinician review: one session, mood 7 on days +1..+3, nothing for five weeks,
    then 4 from day +38: it read "39 days" (uncensored, counted in the median) though
    the rise was last seen on day +4 and nothing says when it ended."""
    from moodlog.domain.analysis import DURABILITY_WORDING, UNSEEN_DAYS_END_SIGHT

    assert UNSEEN_DAYS_END_SIGHT == 7
    moods = {o: 5 for o in range(-7, 0)}
    moods.update({1: 7, 2: 7, 3: 7, **{o: 4 for o in range(38, 46)}})
    (r,) = session_responses(series(moods), [iv(0)], NOW)
    assert r.durability_status == "above_before_gap"
    assert r.durability_days is None and r.censored_days == 4  # (7+7)/2 on day +4
    assert r.duration == (4, True)
    assert r.durability_text == "still above when entries became too few to tell (at least 4 days)"
    assert (
        DURABILITY_WORDING["above_before_gap"][0]
        == "still above when entries became too few to tell"
    )
    moods[4] = 7  # last seen above on day +5 now
    (r,) = session_responses(series(moods), [iv(0)], NOW)
    assert r.durability_text == "still above when entries became too few to tell (at least 5 days)"


def test_a_week_without_a_mean_counts_on_and_more_than_a_week_censors():
    """Boundary: the last mean above is day +4's (days +2..+4); with moods again on a
    day and the next, the first mean after the gap is on that next day. Days +5..+11
    without a mean (7: short gaps are ordinary) count on; days +5..+12 (8) end the sight."""
    moods = {o: 5 for o in range(-7, 0)}
    moods.update({1: 7, 2: 7, 3: 7, 11: 4, 12: 4})  # first mean after the gap: day +12
    (r,) = session_responses(series(moods), [iv(0)], NOW)
    assert r.durability_status == "days" and r.duration == (12, False)
    del moods[11]
    moods[13] = 4  # first mean after the gap: day +13, days +5..+12 unseen
    (r,) = session_responses(series(moods), [iv(0)], NOW)
    assert r.durability_status == "above_before_gap" and r.duration == (4, True)


def test_a_gap_before_any_mean_above_keeps_the_rise_rule():
    """A gap that starts before any mean above is left to the rise rule (no mean from
    day +4 to +7: "not enough data"); the same gap after a mean above censors."""
    moods = {o: 5 for o in range(-7, 0)}
    moods.update({1: 4, **{o: 4 for o in range(20, 25)}})  # day +1 not above, then a gap
    (r,) = session_responses(series(moods), [iv(0)], NOW)
    assert r.durability_status == "not_enough_data" and r.duration is None
    moods[1] = 7  # above on days +1 and +2 (day +1 alone), then the same gap
    (r,) = session_responses(series(moods), [iv(0)], NOW)
    assert r.durability_status == "above_before_gap" and r.duration == (2, True)


def test_the_next_session_inside_the_gap_is_still_above_at_next_session():
    moods = {o: 5 for o in range(-7, 0)}
    moods.update({1: 7, 2: 7, 3: 7, **{o: 4 for o in range(38, 46)}})
    first, _ = session_responses(series(moods), [iv(0), iv(10)], NOW)
    assert first.durability_status == "above_at_next_session"  # 5 days unseen, then day 10
    assert first.duration == (4, True)
    assert first.durability_text == "still above at next session (at least 4 days)"
    first, _ = session_responses(series(moods), [iv(0), iv(12)], NOW)  # 7 days unseen
    assert first.durability_status == "above_at_next_session"
    first, _ = session_responses(series(moods), [iv(0), iv(13)], NOW)  # 8: sight lost first
    assert first.durability_status == "above_before_gap" and first.duration == (4, True)


def test_two_sessions_on_one_day_count_once_in_the_mean():
    """Clinician review: two sessions on one day have identical curves; counted twice,
    that day's mood weighed double in the around-sessions mean and its n."""
    from moodlog.domain.analysis import one_session_a_day

    moods = series({-1: 2, 1: 6, 19: 4, 21: 8})
    sessions = [iv(0), iv(0, "esketamine_nasal"), iv(20)]
    curves = session_curves(moods, sessions)
    assert curves[0] == curves[1]  # the same days around the same day
    days = one_session_a_day(zip(sessions, curves, strict=True))
    assert [s for s, _ in days] == [sessions[0], sessions[2]]
    mean = mean_response_curve((c for _, c in days), mean_shown_from(len(days)))
    assert mean[1] == (pytest.approx(7.0), pytest.approx(1.0), 2)  # days 1 and 21
    assert mean[-1] == (pytest.approx(3.0), pytest.approx(1.0), 2)  # days -1 and 19


@pytest.mark.parametrize("first", [1, 2])
def test_a_mood_every_other_day_is_judged_the_same_on_odd_and_even_days(first):
    """Final diff review: moods on days +1, +3, +5... (never 2 of days +2..+4) read "not
    enough data" while the even days read "no rise", so odd-day loggers' lows left the
    median and their rises stayed."""
    moods = {o: 5 for o in range(-7, 0)}
    moods.update({o: 3 for o in range(first, 30, 2)})
    (r,) = session_responses(series(moods), [iv(0)], NOW)
    assert r.durability_status == "no_rise" and r.duration == (0, False)
    moods.update({o: 8 for o in range(first, 30, 2)})
    (r,) = session_responses(series(moods), [iv(0)], NOW)
    assert r.durability_status == "above_so_far"


def test_no_scored_result_says_there_are_unscored_ones():
    """Review finding: "PHQ-9: no scored results yet." beside a PHQ-9 with an item left
    unanswered read as if none had been taken."""
    from moodlog.domain.analysis import course_summary

    unscored = QuestionnaireResult(dt.date(2026, 11, 2), dt.time(9), PHQ9, [1] * 8 + [None])
    summary = course_summary([unscored], PHQ9, [], dt.datetime(2026, 11, 30, 12))
    assert summary.latest is None and summary.unscored == 1
    assert summary.describe() == (
        "PHQ-9: no scored results yet (1 not scored: an item left unanswered)."
    )
    assert course_summary([], PHQ9, [], dt.datetime(2026, 11, 30)).describe() == (
        "PHQ-9: no scored results yet."
    )


# Edges a code review's mutations showed no test looked at (each fails on its mutation).
def test_a_gap_of_exactly_90_days_stays_in_the_course_and_91_starts_a_new_one():
    from moodlog.domain.analysis import courses

    later = dt.datetime.combine(day(400), dt.time(12))
    assert [len(c) for c in courses([iv(0), iv(90)], later)] == [2]
    assert [len(c) for c in courses([iv(0), iv(91)], later)] == [1, 1]


def test_a_baseline_is_never_from_the_previous_course_last_day_nor_at_the_session_start():
    from moodlog.domain.analysis import course_baseline

    later = dt.datetime.combine(day(400), dt.time(12))
    sessions = [iv(0), iv(10), iv(200)]  # two courses: the second starts on day 200 at 10:00
    on_last_day = QuestionnaireResult(day(10), dt.time(18), PHQ9, [2] * 9, is_baseline=True)
    assert course_baseline([on_last_day], PHQ9, sessions, later) == (None, "")
    at_the_start = QuestionnaireResult(day(200), dt.time(10), PHQ9, [2] * 9, is_baseline=True)
    assert course_baseline([at_the_start], PHQ9, sessions, later) == (None, "")
    a_minute_before = QuestionnaireResult(day(200), dt.time(9, 59), PHQ9, [2] * 9)
    found = course_baseline([a_minute_before], PHQ9, sessions, later)
    assert found == (a_minute_before, "before_course")


def test_a_result_taken_at_the_session_start_counts_as_since_it():
    from moodlog.domain.analysis import taken_since

    start = dt.datetime.combine(day(200), dt.time(10))
    assert taken_since(QuestionnaireResult(day(200), dt.time(10), PHQ9, [1] * 9), start)
    assert not taken_since(QuestionnaireResult(day(200), dt.time(9, 59), PHQ9, [1] * 9), start)


def test_trends_counts_an_unscored_questionnaire_as_the_pdf_does():
    """Figures review (stop 20): Trends said "PHQ-9: no scored results yet." where the
    PDF, from the same results, said "(1 not scored: an item left unanswered)": Trends
    gave the course summary only the scored results."""
    from moodlog.charts.data import TrendData
    from moodlog.domain.contents import VaultContents
    from moodlog.domain.period import Period, summarise
    from moodlog.domain.questionnaires import QuestionnaireResult

    now = dt.datetime(2026, 11, 30, 21)
    contents = VaultContents()
    unanswered = [1] * 8 + [None]
    contents.questionnaires = [
        QuestionnaireResult(dt.date(2026, 11, 20), dt.time(9), "PHQ-9", unanswered)
    ]
    trends = TrendData.build(contents, now).course["PHQ-9"]
    pdf = summarise(contents, Period.last_days(30, now.date()), now).course["PHQ-9"]
    assert trends.unscored == pdf.unscored == 1
    assert trends.describe() == pdf.describe()
    assert "(1 not scored: an item left unanswered)" in trends.describe()


def test_a_mood_dated_tomorrow_does_not_end_a_duration_today():
    """Figures review (stop 20): an entry dated tomorrow (a phone in a zone ahead) ended
    a session's duration in Trends, Today and ``moodlog insights`` ("11 days"), while the
    PDF of the period ending today said "still above so far (at least 9 days)"."""
    from moodlog.domain.treatments import Treatment

    now = dt.datetime(2026, 12, 1, 21)
    session = Treatment(dt.date(2026, 11, 21), dt.time(10), "ketamine_iv")
    series = {dt.date(2026, 11, 21) + dt.timedelta(days=d): 7.0 for d in range(1, 11)}
    series.update({dt.date(2026, 11, 21) - dt.timedelta(days=d): 4.0 for d in range(1, 8)})
    without = session_responses(series, [session], now)[0]
    series[dt.date(2026, 12, 2)] = 1.0  # tomorrow
    series[dt.date(2026, 12, 3)] = 1.0
    (response,) = session_responses(series, [session], now)
    assert response == without
    assert response.durability_status == "above_so_far" and response.censored_days == 10
    later = session_responses(series, [session], dt.datetime(2026, 12, 3, 21))[0]
    assert later.durability_status == "days"  # once that day has come, it counts


def test_a_baseline_marked_on_a_result_dated_after_now_is_not_used_yet():
    """Second diff review (stop 20): the course summary left out a result dated after
    now, while the baseline rule (the questionnaire history's star, the CSV's flag)
    still used one marked as baseline: one figure, two definitions."""
    from moodlog.domain.analysis import course_baseline, course_summary
    from moodlog.domain.questionnaires import QuestionnaireResult

    now = dt.datetime(2026, 11, 20, 15)
    later_today = QuestionnaireResult(dt.date(2026, 11, 20), dt.time(22), "PHQ-9", [2] * 9)
    later_today.is_baseline = True
    assert course_baseline([later_today], "PHQ-9", [], now) == (None, "")
    assert course_summary([later_today], "PHQ-9", [], now).baseline is None
    evening = dt.datetime(2026, 11, 20, 22)
    assert course_baseline([later_today], "PHQ-9", [], evening) == (later_today, "marked")
