"""Therapist review (this stop), and the second diff review of its fixes: what the
patient left out of the summary stays out of it (charts, questions); urgent self-checks
are dated on page 1; a request to discuss a self-check can be found; the safety section
is always there with its crisis line; figures as printed (trend, dose ranges, blood
pressure, questionnaire lines)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
from pathlib import Path

from PySide6.QtGui import QPageSize

from moodlog.domain.contents import VaultContents
from moodlog.domain.demo import build_demo
from moodlog.domain.period import Period, summarise
from moodlog.domain.safety import SICheckin
from moodlog.domain.treatments import Question, Treatment
from moodlog.locale_words import LOCALE
from moodlog.report.pdf import (
    CHART_KEY,
    DEFAULT_SECTIONS,
    ReportCharts,
    ReportOptions,
    _checkin_box,
    _dated_yes,
    build_report,
    export_pdf,
    load_for_report,
)
from tests.conftest import SI_ANSWERS
from tests.gui.test_pdf_report import pdf_text

NOW = dt.datetime(2026, 11, 30, 21)
A4 = QPageSize(QPageSize.PageSizeId.A4)
TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "moodlog.ts"


def chart_pixels(contents: VaultContents, options: ReportOptions) -> dict[str, bytes]:
    charts = ReportCharts(contents, options, NOW, 150)
    return {name: bytes(image.constBits()) for name, image in charts.images().items()}


def test_self_checks_left_out_are_not_marked_on_the_charts(qapp) -> None:
    contents = build_demo(end=NOW.date(), days=120, now=NOW)
    assert any(c.level != "none" for c in contents.checkins)
    period = Period(NOW.date() - dt.timedelta(days=89), NOW.date())
    without = ReportOptions(period=period, sections=set(DEFAULT_SECTIONS) - {"checkins"})
    with_them = ReportOptions(period=period, sections=set(DEFAULT_SECTIONS))
    no_checkins = dataclasses.replace(contents, checkins=[])
    assert chart_pixels(contents, without) == chart_pixels(no_checkins, without)
    assert chart_pixels(contents, with_them) != chart_pixels(no_checkins, with_them)
    html = build_report(contents, dataclasses.replace(without, page_size=A4), NOW).html
    assert "self-check (none: circle" not in html and "concerning self-check" not in html
    assert "concerning self-check" in build_report(contents, with_them, NOW).html
    assert CHART_KEY.startswith("Daily mood")


def test_self_checks_left_out_are_not_even_read(vault) -> None:
    vault.checkins.add(SICheckin(NOW.date(), dt.time(9), SI_ANSWERS["high"]))
    period = Period(NOW.date() - dt.timedelta(days=29), NOW.date())
    left_out = ReportOptions(period=period, sections=set(DEFAULT_SECTIONS) - {"checkins"})
    assert load_for_report(vault, left_out, NOW).checkins == []
    assert len(load_for_report(vault, ReportOptions(period=period), NOW).checkins) == 1


def test_an_incomplete_self_check_is_dated_on_page_one_before_low_ones() -> None:
    """When page 1 must shorten its list of check-ins with a yes, the urgent ones (high
    and incomplete) are dated first: an incomplete one was only counted, while low ones
    after it were dated."""
    first = dt.date(2026, 3, 1)
    incomplete = SICheckin(first, dt.time(21), SI_ANSWERS["incomplete"])
    lows = [
        SICheckin(first + dt.timedelta(days=day), dt.time(21), SI_ANSWERS["low"])
        for day in range(10, 65)
    ]
    assert incomplete.level == "incomplete"
    shown = _dated_yes([incomplete, *lows], 12)
    assert incomplete in shown and len(shown) == 12
    assert shown[1:] == lows[-11:]  # then the most recent others, in date order


def test_a_request_to_discuss_a_self_check_is_listed(qapp, vault, tmp_path: Path) -> None:
    day = NOW.date() - dt.timedelta(days=3)
    vault.checkins.add(SICheckin(day, dt.time(21), SI_ANSWERS["none"], discuss=True))
    vault.checkins.add(SICheckin(day - dt.timedelta(days=1), dt.time(21), SI_ANSWERS["none"]))
    options = ReportOptions(period=Period(day - dt.timedelta(days=10), NOW.date()), page_size=A4)
    export_pdf(load_for_report(vault, options, NOW), options, tmp_path / "s.pdf", NOW)
    text = " ".join(" ".join(pdf_text(tmp_path / "s.pdf")).split())
    table = text[text.index("Suicidal-ideation self-checks") :]
    assert f"{day:%d %b %Y} 21:00 none" in table and "yes" in table
    assert "Not listed: 1 with every question answered no and no request to discuss" in table


def test_no_safety_plan_is_said_and_the_crisis_line_is_still_there(qapp, vault) -> None:
    """Review finding: with no plan, the PDF had no safety section and no crisis line
    anywhere, even after a high self-check in the period."""
    period = Period(NOW.date() - dt.timedelta(days=29), NOW.date())
    options = ReportOptions(period=period, page_size=A4, country="US")
    html = build_report(load_for_report(vault, options, NOW), options, NOW).html
    assert "No safety plan recorded in moodlog." in html
    assert "Crisis lines: " in html and "988" in html


def test_the_steps_of_the_plan_left_empty_are_named(qapp, vault) -> None:
    from moodlog.domain.safety import SafetyPlan

    vault.safety_plans.save(SafetyPlan(warning_signs=["not sleeping"], reasons=["my dog"]))
    period = Period(NOW.date() - dt.timedelta(days=29), NOW.date())
    options = ReportOptions(period=period, page_size=A4, country="US")
    html = build_report(load_for_report(vault, options, NOW), options, NOW).html
    section = html[html.index("Safety plan</h2>") :]
    assert "not sleeping" in section and "my dog" in section
    assert "Not filled in: " in section and "Making the environment safe" in section
    assert "Crisis lines: " in section


def test_one_day_and_one_check_in_are_singular(qapp, vault) -> None:
    vault.checkins.add(SICheckin(NOW.date(), dt.time(9), SI_ANSWERS["none"]))
    options = ReportOptions(period=Period(NOW.date(), NOW.date()), page_size=A4)
    html = build_report(load_for_report(vault, options, NOW), options, NOW).html
    assert "0 of 1 day logged" in html and "1 days" not in html
    assert "(1 check-in):" in html and "1 check-in in this period." in html


def test_page_one_gives_each_kind_of_session_its_own_dose_range(qapp, vault) -> None:
    """Review finding: "Ketamine IV infusion ×6, Esketamine nasal spray ×2; dose 35–84
    mg" read as if the IV dose had reached 84 mg (the esketamine dose)."""
    from moodlog.domain.treatments import Treatment

    day = NOW.date() - dt.timedelta(days=20)
    for offset, dose in ((0, 35.0), (3, 42.0), (6, 50.0)):
        vault.treatments.save(
            Treatment(day + dt.timedelta(days=offset), dt.time(10), "ketamine_iv", dose_mg=dose)
        )
    for offset in (10, 13):
        vault.treatments.save(
            Treatment(day + dt.timedelta(days=offset), dt.time(10), "esketamine_nasal", dose_mg=84)
        )
    options = ReportOptions(period=Period(day, NOW.date()), page_size=A4)
    html = build_report(load_for_report(vault, options, NOW), options, NOW).html
    assert "Ketamine IV infusion ×3 (dose 35–50 mg)" in html
    assert "Esketamine nasal spray ×2 (dose 84 mg)" in html


def test_the_sessions_table_shows_blood_pressure_and_infusion_minutes(
    qapp, vault, tmp_path: Path
) -> None:
    """Review finding: a reading of 192/118 after a session (above the app's own
    180/110 flag) and a 40-minute infusion never reached the PDF."""
    from moodlog.domain.treatments import BloodPressure, Treatment

    day = NOW.date() - dt.timedelta(days=10)
    vault.treatments.save(
        Treatment(
            day,
            dt.time(10),
            "ketamine_iv",
            dose_mg=40,
            infusion_minutes=40,
            bp_before=BloodPressure(128, 80),
            bp_after=BloodPressure(192, 118),
        )
    )
    options = ReportOptions(period=Period(day, NOW.date()), page_size=A4)
    export_pdf(load_for_report(vault, options, NOW), options, tmp_path / "s.pdf", NOW)
    text = " ".join(" ".join(pdf_text(tmp_path / "s.pdf")).split())
    table = text[text.index("Treatment sessions") :]
    assert "BP before 128/80" in table
    assert "BP after 192/118 (at or above 180/110)" in table
    assert "over 40 min" in table


def _phq9(day: dt.date, answers: list) -> object:
    from moodlog.domain.questionnaires import QuestionnaireResult

    return QuestionnaireResult(day, dt.time(9), "PHQ-9", answers)


def test_page_one_names_a_latest_result_before_the_period_and_unscored_forms(qapp, vault):
    """Review finding: "no result in this period; course baseline 20 (01 Jan), -60%;
    response yes" took its -60% from a result before the period that it never named,
    and said nothing of a partly answered PHQ-9 in the period."""
    from moodlog.domain.treatments import Treatment

    jan = dt.date(2026, 1, 1)
    vault.treatments.save(Treatment(jan + dt.timedelta(days=1), dt.time(10), "ketamine_iv"))
    vault.questionnaires.add(_phq9(jan, [2, 2, 2, 2, 3, 3, 2, 2, 2]))  # 20: baseline
    vault.questionnaires.add(_phq9(jan + dt.timedelta(days=31), [1] * 8 + [0]))  # 8, 01 Feb
    partly = [1, 1, 1, None, 1, 1, 1, 1, 2]
    vault.questionnaires.add(_phq9(dt.date(2026, 3, 12), partly))
    options = ReportOptions(period=Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31)), page_size=A4)
    html = build_report(load_for_report(vault, options, NOW), options, NOW).html
    line = html[html.index("no scored result in this period") :][:400]
    assert "(1 not scored: unanswered items)" in line
    assert "latest 8 (mild) on 01 Feb 2026, before this period" in line
    assert "course baseline 20 (01 Jan 2026, last result in the 30 days before the first" in line


def test_a_safety_plan_due_for_review_says_so(qapp, vault) -> None:
    from moodlog.domain.safety import SafetyPlan

    plan = SafetyPlan(warning_signs=["not sleeping"])
    vault.safety_plans.save(plan, reviewed_on=NOW.date() - dt.timedelta(days=120))
    options = ReportOptions(period=Period(NOW.date(), NOW.date()), page_size=A4)
    html = build_report(load_for_report(vault, options, NOW), options, NOW).html
    assert "A review is due (every 90 days)." in html
    vault.safety_plans.save(plan, reviewed_on=NOW.date() - dt.timedelta(days=10))
    html = build_report(load_for_report(vault, options, NOW), options, NOW).html
    assert "A review is due" not in html
    # Imported without a review date (diff review: the screens said so, the PDF nothing).
    undated = SafetyPlan(warning_signs=["not sleeping"])
    vault.safety_plans.save(undated, saved_at=dt.datetime(2026, 1, 5, 9))
    html = build_report(load_for_report(vault, options, NOW), options, NOW).html
    assert "No review date. A review is due (every 90 days)." in html


# -- second diff review ------------------------------------------------------------------


def test_self_check_left_out_but_its_discuss_question_is_printed(qapp, vault) -> None:
    """A self-check marked "discuss" adds this question (moodlog.ui.checkin.store_checkin);
    with the self-checks left out, page 1 says "not included (the patient's choice)" and
    then lists it."""
    from moodlog.ui.checkin import DISCUSS_QUESTION

    day = NOW.date() - dt.timedelta(days=3)
    vault.checkins.add(SICheckin(day, dt.time(21), SI_ANSWERS["high"], discuss=True))
    vault.questions.add(Question(DISCUSS_QUESTION, day, source="self-check", flagged=True))
    period = Period(NOW.date() - dt.timedelta(days=29), NOW.date())
    options = ReportOptions(
        period=period, sections=set(DEFAULT_SECTIONS) - {"checkins"}, page_size=A4
    )
    text = build_report(load_for_report(vault, options, NOW), options, NOW).html
    assert "not included in this summary" in text
    assert "thoughts about death or suicide" not in text


def test_hidden_check_ins_are_not_all_earlier() -> None:
    """Urgent ones are dated first; the low ones left undated are later than the dated
    incomplete one, yet the text calls them "earlier"."""
    first = NOW.date() - dt.timedelta(days=29)
    checkins = [SICheckin(first, dt.time(21), SI_ANSWERS["incomplete"])] + [
        SICheckin(first + dt.timedelta(days=i), dt.time(21), SI_ANSWERS["low"])
        for i in range(1, 30)
    ]
    summary = summarise(VaultContents(checkins=checkins), Period(first, NOW.date()), NOW, LOCALE)
    text = html.unescape(re.sub("<[^>]+>", " ", _checkin_box(summary, True, 6)))
    assert "24 earlier" not in text, text[:400]
    assert "24 not dated here (low 24; listed in the self-check table)" in text


def test_new_pdf_strings_are_in_the_translation_template() -> None:
    ts = TS.read_text(encoding="utf-8")
    assert "<source>No safety plan recorded in moodlog.</source>" in ts
    assert "to the last day with a mood (at least 5" in ts  # TREND_MEANING, shown with tr()


def test_a_dose_range_of_one_session_is_not_read_as_every_session(qapp, vault) -> None:
    day = NOW.date() - dt.timedelta(days=20)
    vault.treatments.save(Treatment(day, dt.time(10), "ketamine_iv", dose_mg=40))
    vault.treatments.save(Treatment(day + dt.timedelta(days=3), dt.time(10), "ketamine_iv"))
    vault.treatments.save(Treatment(day + dt.timedelta(days=6), dt.time(10), "ketamine_iv"))
    options = ReportOptions(period=Period(day, NOW.date()), page_size=A4)
    text = build_report(load_for_report(vault, options, NOW), options, NOW).html
    assert "Ketamine IV infusion ×3 (dose 40 mg; recorded for 1)" in text


def test_a_high_reading_before_a_session_is_flagged_too(qapp, vault) -> None:
    from moodlog.domain.treatments import BloodPressure
    from moodlog.report.pdf import _bp_text

    session = Treatment(NOW.date(), dt.time(10), "ketamine_iv")
    session.bp_before, session.bp_after = BloodPressure(200, 120), BloodPressure(150, 90)
    assert _bp_text(session) == "BP before 200/120 (at or above 180/110)\nBP after 150/90"


def test_an_empty_saved_plan_is_called_empty(qapp, vault) -> None:
    from moodlog.domain.safety import SafetyPlan

    vault.safety_plans.save(SafetyPlan())
    options = ReportOptions(period=Period(NOW.date(), NOW.date()), page_size=A4)
    text = build_report(load_for_report(vault, options, NOW), options, NOW).html
    assert "The safety plan in moodlog is empty." in text and "Not filled in" not in text


def test_a_questionnaire_line_over_several_years_dates_with_the_year(qapp, vault) -> None:
    """Review finding: "17 (moderately severe, 07 Nov) → 8 (mild, 26 Oct)" on a
    ten-year summary did not say which years."""
    vault.questionnaires.add(_phq9(dt.date(2020, 11, 7), [2] * 8 + [1]))
    vault.questionnaires.add(_phq9(dt.date(2026, 10, 26), [1] * 8 + [0]))
    options = ReportOptions(period=Period(dt.date(2020, 1, 1), NOW.date()), page_size=A4)
    html = build_report(load_for_report(vault, options, NOW), options, NOW).html
    assert "(moderately severe, 07 Nov 2020) → 8 (mild, 26 Oct 2026)" in html
    one_year = ReportOptions(period=Period(dt.date(2026, 1, 1), NOW.date()), page_size=A4)
    html = build_report(load_for_report(vault, one_year, NOW), one_year, NOW).html
    assert "8 (mild) on 26 Oct" in html and "26 Oct 2026)" not in html


def test_page_one_takes_no_course_change_from_before_the_first_session(qapp, vault):
    """Clinician review: a baseline marked 45 days before the course and a PHQ-9 of 9
    three days before its first session printed "-55%; response yes" on page 1."""
    from moodlog.domain.treatments import Treatment

    first = dt.date(2026, 11, 20)
    marked = _phq9(first - dt.timedelta(days=45), [3, 3, 3, 3, 3, 3, 2, 0, 0])  # 20
    marked.is_baseline = True
    vault.questionnaires.add(marked)
    vault.questionnaires.add(_phq9(first - dt.timedelta(days=3), [1] * 9))  # 9
    vault.treatments.save(Treatment(first, dt.time(10), "ketamine_iv"))
    options = ReportOptions(
        period=Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30)), page_size=A4
    )
    html = build_report(load_for_report(vault, options, NOW), options, NOW).html
    line = html[html.index("9 (mild) on 17 Nov") :][:400]
    assert "course baseline 20 (06 Oct 2026, marked as baseline)" in line
    assert "no result since the first session (20 Nov 2026) yet" in line
    assert "-55%" not in line and "response yes" not in line
