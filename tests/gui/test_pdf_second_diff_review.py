"""Second diff review (this stop) of the therapist-review fixes: each finding, a test
that failed before its fix."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

from PySide6.QtGui import QPageSize

from moodlog.domain.contents import VaultContents
from moodlog.domain.period import Period, summarise
from moodlog.domain.safety import SICheckin
from moodlog.domain.treatments import Question, Treatment
from moodlog.locale_words import LOCALE
from moodlog.report.pdf import (
    DEFAULT_SECTIONS,
    ReportOptions,
    _checkin_box,
    build_report,
    load_for_report,
)
from tests.conftest import SI_ANSWERS

NOW = dt.datetime(2026, 11, 30, 21)
A4 = QPageSize(QPageSize.PageSizeId.A4)
TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "moodlog.ts"


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
    assert "from its first to its last day</source>" in ts  # TREND_MEANING, shown with tr()


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
