"""Clinician review (stop 13): PDF wording a therapist reads as written."""

from __future__ import annotations

import datetime as dt

import pytest

from moodlog.domain.contents import VaultContents
from moodlog.domain.demo import build_demo
from moodlog.domain.entries import Entry
from moodlog.domain.period import Period, summarise
from moodlog.domain.safety import SI_KEYS, SICheckin
from moodlog.report.pdf import ReportOptions, build_report

NOW = dt.datetime(2026, 11, 30, 12)


@pytest.fixture(scope="module")
def demo() -> VaultContents:
    return build_demo(end=NOW.date(), days=365, now=NOW)


def report_html(qapp, contents: VaultContents, country: str = "") -> str:  # noqa: ANN001
    options = ReportOptions(period=Period.last_days(90, NOW.date()), country=country)
    return build_report(contents, options, NOW).html


def test_crisis_lines_without_a_country_read_as_a_sentence(qapp, demo) -> None:  # noqa: ANN001
    """Review finding: "Crisis lines: emergency your local emergency number." """
    html = report_html(qapp, demo)
    assert (
        "Crisis line: your local crisis line (findahelpline.com lists them); in an emergency: "
        "your local emergency number." in html
    )  # (diff review: the directory the help panel and the printed plan name)
    assert "emergency your local" not in html
    us = report_html(qapp, demo, "US")
    assert "Crisis lines: 988 Suicide &amp; Crisis Lifeline" in us
    assert "; in an emergency: 911." in us


def test_the_self_check_table_names_each_question_in_words(qapp) -> None:  # noqa: ANN001
    """Review finding: the table printed the answers' keys ("wish dead", "behavior")."""
    yes_to_all = SICheckin(day=NOW.date(), time=dt.time(9), answers=dict.fromkeys(SI_KEYS, True))
    html = report_html(qapp, VaultContents(checkins=[yes_to_all]))
    assert (
        "wishing to be dead, thoughts of suicide, method, intent, a plan, preparing or acting"
        in html
    )
    assert "wish dead" not in html and "behavior" not in html


def test_a_one_day_period_compares_with_the_previous_day() -> None:
    """Review finding: "(previous 1 days: 6.0)"."""
    entries = [
        Entry(day=NOW.date() - dt.timedelta(days=1), time=dt.time(9), mood=6),
        Entry(day=NOW.date(), time=dt.time(9), mood=7),
    ]
    one_day = summarise(VaultContents(entries=entries), Period(NOW.date(), NOW.date()), NOW)
    assert one_day.mood_text.startswith("mean 7.0 of 10 (previous 1 day: 6.0 from 1 day logged)")
    nothing_before = summarise(
        VaultContents(entries=entries[1:]), Period(NOW.date(), NOW.date()), NOW
    )
    assert "(no entries in the previous 1 day)" in nothing_before.mood_text


def test_the_durability_footnote_agrees_with_the_line_above_it(qapp, demo) -> None:  # noqa: ANN001
    """Review finding: the line said "last 3 maintenance sessions" and its footnote
    "over the last 5 maintenance sessions" (the setting)."""
    html = report_html(qapp, demo)
    assert "over the last maintenance sessions that have a duration, up to 5 (a setting;" in html
    assert "over the last 5 maintenance sessions" not in html


def test_the_questionnaire_table_prints_the_difficulty_answer():
    """Clinician review: the unscored functional-difficulty answer was printed nowhere."""
    import datetime as dt

    from moodlog.domain.contents import VaultContents
    from moodlog.domain.period import Period
    from moodlog.domain.questionnaires import QuestionnaireResult
    from moodlog.report.pdf import ReportOptions, build_report

    now = dt.datetime(2026, 11, 3, 12)
    results = [
        QuestionnaireResult(dt.date(2026, 11, 1), dt.time(9), "PHQ-9", [1] * 9, difficulty=3),
        QuestionnaireResult(dt.date(2026, 11, 2), dt.time(9), "GAD-7", [1] * 7),
    ]
    report = build_report(
        VaultContents(questionnaires=results), ReportOptions(Period.last_days(30, now.date())), now
    )
    assert "\tDifficulty</p>" in report.html
    assert "\tExtremely difficult</p>" in report.html
