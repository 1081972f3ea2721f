"""Clinician review (stop 13): every figure of one summary is worked out as of the end
of its period, and a medication's dose is the one its last event gives."""

from __future__ import annotations

import datetime as dt

from moodlog.domain.contents import VaultContents
from moodlog.domain.entries import Entry
from moodlog.domain.period import Period, medications_on, summarise
from moodlog.domain.treatments import Medication, MedicationEvent, Treatment

NOW = dt.datetime(2026, 11, 30, 12, 0)
D0 = dt.date(2026, 6, 1)
# Maintenance sessions every 20 days; mood 4 before each, 8 for the 10 days after it.
SESSIONS = [D0 + dt.timedelta(days=20 * k) for k in range(1, 8)]


def contents() -> VaultContents:
    entries = []
    for offset in range(170):
        day = D0 + dt.timedelta(days=offset)
        since = [(day - s).days for s in SESSIONS if (day - s).days > 0]
        mood = 8 if since and min(since) <= 10 else 4
        entries.append(Entry(day=day, time=dt.time(20), mood=mood))
    treatments = [
        Treatment(day=s, time=dt.time(10), kind="ketamine_iv", dose_mg=50) for s in SESSIONS
    ]
    return VaultContents(entries=entries, treatments=treatments)


def test_a_session_near_the_end_of_a_past_period_is_measured_up_to_that_end() -> None:
    """Review finding: the sessions table measured the last session of a past period with
    mood from after the period (+8..+14 and "lasted 10 days"), while page 1's durability
    figure stopped at the period's end: two definitions in one PDF."""
    last = SESSIONS[-1]
    past = summarise(contents(), Period(D0, last + dt.timedelta(days=2)), NOW)
    row = past.responses[-1]
    assert row.session.day == last
    assert row.durability_status == "above_so_far"  # only days +1 and +2 are known
    assert row.window_changes[1] is None and row.window_changes[2] is None
    assert row.window_changes[0] is not None  # +1..+3: two of its days, enough
    # The same session in a period that covers its aftermath: the whole figure.
    later = summarise(contents(), Period(D0, last + dt.timedelta(days=20)), NOW)
    row = later.responses[-1]
    assert (row.durability_status, row.durability_days) == ("days", 13)
    assert row.window_changes[2] is not None
    # Earlier sessions in the period keep the same figures either way.
    assert [r.durability_days for r in past.responses[:-1]] == [
        r.durability_days for r in later.responses[:-1]
    ]


def test_a_medication_changed_without_a_dose_does_not_state_the_old_dose() -> None:
    """Review finding: after a change saved with the dose left "not recorded", the PDF
    still said "50 mg" (the FHIR export said the dose was unknown)."""
    med = Medication(
        "Sertraline",
        "mg",
        [
            MedicationEvent(dt.date(2026, 1, 5), "start", 50, "once daily"),
            MedicationEvent(dt.date(2026, 11, 1), "change", None, "", "side effects"),
        ],
    )
    day = dt.date(2026, 11, 20)
    assert med.current_dose(day) is None
    assert medications_on([med], day) == [
        "Sertraline (dose not recorded) once daily (since 01 Nov 2026)"
    ]
    # Before the change: the dose it was taken at.
    assert medications_on([med], dt.date(2026, 10, 1)) == ["Sertraline 50 mg once daily"]


def test_the_around_sessions_chart_stops_at_the_end_of_the_period(qapp) -> None:  # noqa: ANN001
    """The PDF's around-sessions chart draws the days its sessions table measures: none
    after the period (a session two days before its end shows days -7..+2)."""
    from PySide6.QtGui import QPageSize

    from moodlog.report.pdf import ReportCharts, ReportOptions

    last = SESSIONS[-1]
    period = Period(D0, last + dt.timedelta(days=2))
    options = ReportOptions(period=period, page_size=QPageSize(QPageSize.PageSizeId.A4))
    around = ReportCharts(contents(), options, NOW, 200).charts["around"]
    session, curve = around.curves[-1]
    assert session.day == last
    assert max(curve) == 2  # its days up to the period's end, no later
    assert all(max(c) + s.day.toordinal() <= period.last.toordinal() for s, c in around.curves)
