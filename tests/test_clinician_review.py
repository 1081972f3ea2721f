"""Clinician review of issues 11 and 16: defects found by using the app and the PDF as
a therapist and a patient would, each with the test that failed before its fix."""

from __future__ import annotations

import datetime as dt

from moodlog.domain.contents import VaultContents
from moodlog.domain.entries import Entry
from moodlog.domain.period import Period, summarise
from moodlog.domain.treatments import Treatment
from moodlog.vault import bulk
from moodlog.vault.vault import Vault

D0 = dt.date(2026, 1, 5)


def day(offset: int) -> dt.date:
    return D0 + dt.timedelta(days=offset)


def at(offset: int, hour: int = 20) -> dt.datetime:
    return dt.datetime.combine(day(offset), dt.time(hour))


def iv(offset: int) -> Treatment:
    return Treatment(day=day(offset), time=dt.time(10), kind="ketamine_iv", dose_mg=40)


def boosters_vault(vault: Vault, end: int) -> list[int]:
    """An induction course, then a booster every 30 days; mood 3, 7 on the 10 days after
    each booster (the 3-day mean is back at 3 on day +13). Returns the booster days."""
    induction = [0, 3, 7, 10]
    boosters = list(range(40, end - 10, 30))
    mood = {o: 3 for o in range(-10, end + 1)}
    for start in boosters:
        for o in range(1, 11):
            mood[start + o] = 7
    entries = [Entry(day(o), dt.time(9), value) for o, value in mood.items()]
    treatments = [iv(o) for o in induction + boosters]
    bulk.store(vault, VaultContents(entries=entries, treatments=treatments))
    return boosters


# -- PDF page 1 "Session durability": the same figure as Today, whatever the period -----
def test_pdf_durability_line_uses_every_session_and_the_setting(vault: Vault):
    """The report reads only recent entries; the durability line must still count
    the last N maintenance sessions (the setting), as Today and `insights` do."""
    from moodlog.domain.booster import SETTING_LAST_SESSIONS
    from moodlog.insights import booster_from_vault
    from moodlog.report.pdf import ReportOptions, load_for_report

    boosters_vault(vault, end=400)
    now = at(400)
    period = Period.last_days(30, now.date())
    options = ReportOptions(period=period)
    full = summarise(bulk.load(vault), period, now).session_durability
    assert full is not None and full[0].startswith("Last 5 maintenance sessions")
    partial = summarise(load_for_report(vault, options, now), period, now).session_durability
    assert partial == full
    assert booster_from_vault(vault, now).median_days == 13
    assert "median of 13 days" in full[0]

    vault.settings.set(SETTING_LAST_SESSIONS, 8)
    line, footnote = summarise(load_for_report(vault, options, now), period, now).session_durability
    assert line.startswith("Last 8 maintenance sessions") and "up to 8 (a setting;" in footnote
    assert booster_from_vault(vault, now).sessions == 8


# -- Today's booster line on the day of a session ----------------------------------------
def test_today_line_on_the_day_of_a_session_does_not_say_day_0():
    from moodlog.domain.booster import booster_summary

    boosters = [40, 70, 100]
    mood = {day(o): 3.0 for o in range(30, 131)}
    for start in boosters:
        for o in range(1, 11):
            mood[day(start + o)] = 7.0
    # (an induction first: the first session on record is never maintenance)
    sessions = [iv(o) for o in (0, 3, *boosters, 130)]
    line = booster_summary(mood, sessions, at(130)).today_line()
    assert line is not None and "day 0" not in line
    assert line.endswith("Your last ketamine or esketamine session was today.")
    later = booster_summary(mood, sessions, at(131)).today_line()
    assert later is not None and later.endswith(
        "Today is day 1 since your last ketamine or esketamine session."
    )


def test_page_one_without_medications_does_not_say_none_recorded_taken():
    from moodlog.report.pdf import ReportOptions, _page_one_rows

    period = Period.last_days(30, day(0))
    summary = summarise(VaultContents(), period, at(0))
    rows = dict(_page_one_rows(summary, ReportOptions(period=period), day(0), None))
    assert rows["Medications"] == "none recorded."


# -- weekly maintenance: every baseline overlaps the previous session -------------------
def test_weekly_maintenance_is_not_told_not_enough_sessions_yet():
    """24 weekly esketamine sessions after induction: no session's 7 days before it lie
    outside the previous one's +1..+7, so no duration can be measured. "Not enough
    sessions yet" would be false (more weekly sessions never change it)."""
    from moodlog.domain.booster import NOT_ENOUGH_TEXT, booster_summary

    def spray(offset: int) -> Treatment:
        return Treatment(day=day(offset), time=dt.time(10), kind="esketamine_nasal", dose_mg=56)

    induction = (0, 3, 7, 10, 14, 17, 21, 24)
    sessions = [spray(o) for o in (*induction, *range(31, 200, 7))]
    mood = {day(o): 3.0 + (2 if (o - 31) % 7 in (1, 2, 3) else 0) for o in range(-10, 200)}
    summary = booster_summary(mood, sessions, at(199))
    line = summary.today_line()
    assert line is not None and NOT_ENOUGH_TEXT not in line
    assert "close together" in line
    assert summary.as_json()["booster"]["median_days"] is None  # still nothing stated
    # Two measurable sessions and nothing overlapping: "not enough sessions yet".
    few = [spray(o) for o in (*induction, 40, 70)]
    assert booster_summary(mood, few, at(100)).today_line() == (
        f"How long your sessions help: {NOT_ENOUGH_TEXT}."
    )


# -- page 1 check-in box: a busy month never hides a `high` check-in's date -------------
def test_page_one_keeps_every_high_check_in_dated_when_the_list_is_shortened():
    from moodlog.domain.safety import SICheckin
    from moodlog.report.pdf import _checkin_box
    from tests.conftest import SI_ANSWERS

    checkins = [SICheckin(day(1), dt.time(21), SI_ANSWERS["high"])]
    checkins += [
        SICheckin(day(2 + i % 27), dt.time(8 + i % 12), SI_ANSWERS["low"]) for i in range(30)
    ]
    period = Period(day(0), day(29))
    summary = summarise(VaultContents(checkins=checkins), period, at(29))
    box = _checkin_box(summary, True, yes_limit=6)
    assert f"{day(1):%d %b %Y} (high)" in box
    assert "Any yes (31):" in box
    assert "25 not dated here (low 25; listed in the self-check table)" in box


# -- PDF: an `incomplete` check-in with no yes to thoughts is not labelled as one --------
def test_pdf_labels_incomplete_without_thoughts_by_what_was_answered():
    from moodlog.domain.safety import SICheckin
    from moodlog.report.pdf import _checkin_box, _checkins_section

    wish_only = SICheckin(day(3), dt.time(18), {"wish_dead": True, "thoughts": False})
    assert wish_only.level == "incomplete"  # behaviour left unanswered after a yes
    contents = VaultContents(checkins=[wish_only])
    period = Period(day(0), day(29))
    table = _checkins_section(contents, period)
    box = _checkin_box(summarise(contents, period, at(29)), True)
    for html in (table, box):
        assert "yes to wishing to be dead, follow-up not answered" in html
        assert "incomplete (yes to thoughts of suicide" not in html
