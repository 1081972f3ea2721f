"""The numbers and dates inside the domain's sentences follow the locale (review finding
to issue 15): under German, "+1,4" and "27 Mai 2026" everywhere, never "+1.4" or
"27 May 2026" beside them; under the test locale (en_US) exactly the English of before."""

from __future__ import annotations

import datetime as dt

import pytest

from moodlog.domain.analysis import CourseSummary, SessionResponse
from moodlog.domain.booster import BoosterSummary, SessionDuration
from moodlog.domain.period import Item9Summary, Period, PeriodSummary, medications_on
from moodlog.domain.questionnaires import PHQ9, QuestionnaireResult
from moodlog.domain.treatments import Medication, MedicationEvent, Treatment
from moodlog.locale_words import LOCALE
from moodlog.wording import PLAIN, Formatting, formatting, plain_date

DAY = dt.date(2026, 5, 27)


def session(**changes: object) -> Treatment:
    values: dict[str, object] = {"day": DAY, "time": dt.time(10), "kind": "ketamine_iv"}
    values.update(changes)
    return Treatment(**values)  # type: ignore[arg-type]


def response() -> SessionResponse:
    return SessionResponse(
        session=session(dose_mg=35.5, weight_kg=71),
        baseline=4.25,
        day1_change=1.44,
        window_changes=(1.44, -0.36, None),
        durability_days=5,
        durability_status="days",
        window_status=("full", "cut", "after_next_session"),
    )


def booster(median: float) -> BoosterSummary:
    durations = [
        SessionDuration(session(day=DAY - dt.timedelta(days=30 * i)), days, False)
        for i, days in enumerate((12, 17, 18, 21))
    ]
    return BoosterSummary(durations=durations, median_days=median, since_last_session_days=4)


def result(day: dt.date, total_answers: list[int]) -> QuestionnaireResult:
    return QuestionnaireResult(day=day, time=dt.time(9), instrument=PHQ9, answers=total_answers)


def course() -> CourseSummary:
    baseline = result(dt.date(2026, 3, 2), [3, 3, 2, 2, 2, 2, 2, 2, 0])  # 18
    latest = result(DAY, [1, 1, 1, 1, 1, 1, 1, 0, 0])  # 7
    return CourseSummary(PHQ9, baseline, latest, baseline, response_first_reached=DAY)


def period_summary() -> PeriodSummary:
    from collections import Counter

    return PeriodSummary(
        period=Period(dt.date(2026, 5, 1), DAY),
        days_logged=20,
        mood_mean=5.25,
        previous_mood_mean=4.75,
        previous_days_logged=12,
        trend_direction="rising",
        backfilled_entries=0,
        first_results={},
        latest_results={},
        course={},
        sessions=[],
        session_kinds=Counter(),
        dose_ranges={},
        responses=[],
        checkin_counts={},
        elevated_checkins=[],
        skipped_checkins=0,
        open_questions=[],
        trend_change=1.36,
    )


def dose_warnings() -> list[str]:
    per_kg = session(dose_mg=52.5, weight_kg=35).dose_warnings(LOCALE)
    nasal = session(kind="esketamine_nasal", dose_mg=30.5).dose_warnings(LOCALE)
    return per_kg + nasal


def test_german_numbers_and_month_names_in_every_sentence(german: None) -> None:
    r = response()
    assert r.baseline_words(LOCALE) == "4,2"  # rounded as in English: 4.25 -> 4.2
    assert r.day1_text(LOCALE) == "+1,4"
    assert r.window_text(0, LOCALE) == "+1,4"
    assert r.window_text(1, LOCALE) == "-0,4 (to next session)"
    assert r.session.dose_text(LOCALE) == "35,5 mg (0,5 mg/kg)"

    assert Period(dt.date(2026, 5, 1), DAY).describe(LOCALE) == (
        "01 Mai 2026 \N{EN DASH} 27 Mai 2026 (27 days)"
    )
    item9 = Item9Summary(
        results=3, positive=1, unanswered=0, last_positive=DAY, last_positive_before=None
    )
    assert item9.words(LOCALE) == "positive on 1 of 3 results, last on 27 Mai 2026"
    assert period_summary().mood_words(LOCALE) == (
        "mean 5,2 of 10 (previous 27 days: 4,8 from 12 days logged); trend within this period: "
        "rising "
        "(+1,4 points from the first to the last day with a mood)"
    )

    line = booster(17.5).today_line(LOCALE)
    assert line is not None and "median of 17,5 days" in line
    assert "17.5" not in line

    described = course().describe(LOCALE)
    assert "02 März 2026" in described and "27 Mai 2026" in described
    assert "-61%" in described  # (7 - 18) / 18
    assert "May" not in described and "Mar " not in described

    warnings = dose_warnings()
    assert warnings[0].startswith("52,5 mg at 35 kg is 1,5 mg/kg, above the 1 mg/kg")
    assert "usually 28, 56 or 84 mg" in warnings[1] and "30,5 mg is none" in warnings[1]
    assert not any(mark in " ".join(warnings) for mark in ("52.5", "1.5", "30.5"))


def test_english_locale_gives_exactly_the_english_of_before() -> None:
    """Under the test locale the i18n formatters and the plain defaults agree with
    each other and with the strings the domain built with f-strings and strftime."""
    r = response()
    for words in (LOCALE, PLAIN):
        assert r.baseline_words(words) == "4.2"  # f"{4.25:.1f}": round half to even
        assert r.window_text(1, words) == "-0.4 (to next session)"
        assert r.session.dose_text(words) == "35.5 mg (0.5 mg/kg)"
        assert Period(dt.date(2026, 5, 1), DAY).describe(words) == (
            "01 May 2026 \N{EN DASH} 27 May 2026 (27 days)"
        )
    assert r.baseline_text == "4.2" and r.window_text(0) == "+1.4"
    for value in (-0.04, 4.25, -0.25, 0.05, 12.0):  # Python's rounding, sign of -0.0 kept
        assert LOCALE.signed(value, 1) == f"{value:+.1f}"
    summary = period_summary()
    assert (
        summary.mood_words(LOCALE)
        == summary.mood_text
        == (
            "mean 5.2 of 10 (previous 27 days: 4.8 from 12 days logged); trend within this "
            "period: rising "
            "(+1.4 points from the first to the last day with a mood)"
        )
    )
    c = course()
    assert (
        c.describe(LOCALE)
        == c.describe()
        == (
            "PHQ-9: baseline 18 (moderately severe, 02 Mar 2026) → latest 7 (mild), 27 May 2026; "
            "-61%; response yes (first reached 27 May 2026); remission no."
        )
    )
    b = booster(17.5)
    assert b.today_line(LOCALE) == b.today_line()
    assert dose_warnings() == [
        "52.5 mg at 35 kg is 1.5 mg/kg, above the 1 mg/kg usually used for IV or IM ketamine "
        "for depression. Please check the dose and weight; you can save it as it is.",
        "Esketamine nasal spray doses are usually 28, 56 or 84 mg (one, two or three "
        "devices); 30.5 mg is none of these. Please check the number; you can save it as "
        "it is.",
    ]


def test_medications_on_words_dose_and_date(german: None) -> None:
    med = Medication(
        name="Sertraline",
        unit="mg",
        events=[
            MedicationEvent(day=dt.date(2026, 3, 1), event="start", dose=50),
            MedicationEvent(day=dt.date(2026, 5, 2), event="change", dose=62.5),
        ],
    )
    assert medications_on([med], DAY, LOCALE) == ["Sertraline 62,5 mg (since 02 Mai 2026)"]
    assert medications_on([med], DAY) == ["Sertraline 62.5 mg (since 02 May 2026)"]


@pytest.mark.parametrize(
    "pattern, strftime",
    [("dd MMM yyyy", "%d %b %Y"), ("ddd d MMM", "%a %-d %b"), ("dddd d MMMM yy", "%A %-d %B %y")],
)
def test_plain_dates_match_strftime_every_day_of_a_year(pattern: str, strftime: str) -> None:
    day = dt.date(2027, 1, 1)
    while day.year == 2027:
        assert plain_date(day, pattern) == day.strftime(strftime)
        day += dt.timedelta(days=1)


def test_signed_and_general_numbers() -> None:
    comma = Formatting(number=lambda value, decimals: f"{value:.{decimals}f}".replace(".", ","))
    for value in (1.44, -0.36, 0.0, -0.04, 12.0):
        assert PLAIN.signed(value, 1) == f"{value:+.1f}"
        assert comma.signed(value, 1) == f"{value:+.1f}".replace(".", ",")
    for value in (56, 56.0, 0.75, 17.5, 1234.5, 0.125):
        assert PLAIN.general(value) == f"{value:g}"
    assert comma.general(0.75) == "0,75" and comma.general(84.0) == "84"
    assert formatting(None) is PLAIN and formatting(comma) is comma
    assert formatting(str.upper)("x") == "X"  # a bare translate function keeps working


@pytest.mark.parametrize(
    "unanswered, last, before, expected",
    [
        (0, None, None, "positive on 1 of 3 results"),
        (
            2,
            None,
            DAY,
            "positive on 1 of 3 results (not answered on 2); last positive before "
            "this period: 27 May 2026",
        ),
        (0, DAY, None, "positive on 1 of 3 results, last on 27 May 2026"),
        (2, DAY, None, "positive on 1 of 3 results (not answered on 2), last on 27 May 2026"),
    ],
)
def test_item9_sentences_read_as_before_in_english(unanswered, last, before, expected) -> None:
    item9 = Item9Summary(3, 1, unanswered, last, before)
    assert item9.text == item9.words(LOCALE) == expected
