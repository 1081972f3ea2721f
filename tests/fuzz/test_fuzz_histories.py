"""Property-based tests of the analysis and the reports on random but valid journals
(tests/fuzz/histories.py): whatever a person saved, over whatever period, every surface
makes its figures without an error, each figure is one that can be true, and two
surfaces never state one figure differently.

Bounded and deterministic (``derandomize``, no example database): the same examples on
every run, about 15 s in all on one core. A failure prints the smallest journal found."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moodlog.domain.analysis import daily_series
from moodlog.domain.booster import booster_summary, observation_session
from moodlog.domain.contents import VaultContents
from moodlog.domain.period import Period, summarise
from moodlog.domain.questionnaires import INSTRUMENTS
from moodlog.report import csv_export, fhir, json_format
from moodlog.vault import bulk
from moodlog.vault.vault import Vault
from tests.conftest import PASSPHRASE
from tests.fuzz.histories import NOW, TODAY, _day, entries, scenarios, times, treatment


def profile(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.function_scoped_fixture,
            HealthCheck.data_too_large,
        ],
    )


# What no sentence may print: a NaN or an infinity, or Python's None ("None had a yes"
# is a sentence).
NOT_A_FIGURE = re.compile(r"\b(nan|NaN|inf)\b|\bNone\b(?! had)")


def _printable(text: str) -> bool:
    return NOT_A_FIGURE.search(text) is None


def _within(value: float | None, low: float, high: float) -> bool:
    return value is None or (math.isfinite(value) and low <= value <= high)


@profile(150)
@given(scenarios(future_periods=True))
def test_summary_figures_can_be_true(s):
    contents, period, now = s.contents, s.period, s.now
    summary = summarise(contents, period, now)
    as_of = period.as_of(now)
    assert 0 <= summary.days_logged <= period.days
    assert 0 <= summary.previous_days_logged <= period.days
    assert _within(summary.mood_mean, 0, 10) and _within(summary.previous_mood_mean, 0, 10)
    # (a fitted line's change can pass 10 points on the 0-10 scale: a definition question)
    assert summary.trend_change is None or math.isfinite(summary.trend_change)
    assert summary.backfilled_entries <= sum(1 for e in contents.entries if period.contains(e.day))
    in_period = [c for c in contents.checkins if period.contains(c.day)]
    assert sum(summary.checkin_counts.values()) == len(in_period)
    # Every past ketamine session of the period has its figures, as of the period's end.
    ketamine = [id(t) for t in summary.sessions if t.kind_info.ketamine]
    assert [id(r.session) for r in summary.responses] == ketamine
    for r in summary.responses:
        assert _within(r.baseline, 0, 10)
        for change in (r.day1_change, *r.window_changes):
            assert _within(change, -10, 10)
            assert change is None or r.baseline is not None
        known = (as_of.date() - r.session.day).days  # days after it seen by then
        assert _within(r.durability_days, 0, known) and _within(r.censored_days, 0, known)
    for name, course in summary.course.items():
        assert _within(course.percent_change, -100, 2700)
        assert course.percent_change is None or (course.baseline and course.baseline.total)
        assert not (course.response or course.remission) or course.outcome_status == "assessed"
        for result in (course.latest, course.baseline):
            assert result is None or (result.day, result.time) <= (as_of.date(), as_of.time())
        latest, first = summary.latest_results[name], summary.first_results[name]
        if latest is not None:
            assert period.contains(latest.day) and latest.scored
            assert (first.day, first.time) <= (latest.day, latest.time)
            if course.counts_as_latest(latest):  # page 1's latest is the course's latest
                assert course.latest is latest
        assert _printable(course.describe())
    item9 = summary.item9
    assert item9.positive <= item9.results and item9.unanswered <= item9.results
    assert item9.results == sum(1 for q in summary.results_in_period if q.instrument == "PHQ-9")
    assert summary.latest_checkin is None or summary.latest_checkin.day <= period.last
    assert summary.next_appointment is None or summary.next_appointment.starts_at > now
    assert summary.last_session is None or summary.last_session.starts_at <= now
    for text in (*summary.medications, *summary.medication_changes, summary.mood_words()):
        assert _printable(text), text


@profile(100)
@given(scenarios(), st.sampled_from(["as chosen", "open start", "open end"]))
def test_csv_and_fhir_state_what_the_summary_states(s, ends):
    contents, period, now = s.contents, s.period, s.now
    summary = summarise(contents, period, now)
    tables = csv_export.tables(contents, period, include_checkins=True, now=now)
    bundle = fhir.build_bundle(contents, period, include_checkins=True, now=now)
    json.dumps(bundle, allow_nan=False)
    urls = [entry["fullUrl"] for entry in bundle["entry"]]
    assert len(urls) == len(set(urls))  # a bundle's fullUrls are unique (bdl-7)
    resources = [entry["resource"] for entry in bundle["entry"]]
    kinds = [r["resourceType"] for r in resources]
    # Sessions: had (not booked) in the period.
    sessions = len(summary.sessions)
    assert sum(1 for row in tables["treatments"][1:] if row[-1] == "no") == sessions
    assert kinds.count("MedicationAdministration") + kinds.count("Procedure") == sessions
    # Self-checks: how many, and how many with a yes.
    rows = tables["checkins"][1:]
    assert len(rows) == sum(summary.checkin_counts.values())
    assert sum(1 for row in rows if "yes" in row[2:8]) == len(summary.yes_checkins)
    # The course baseline the CSV marks is the PDF's.
    marked = [row for row in tables["questionnaires"][1:] if row[-1] == "yes"]
    baselines = [summary.course[name].baseline for name in INSTRUMENTS]
    assert len(marked) == sum(1 for b in baselines if b is not None and period.contains(b.day))
    # Medications taken at the end of the period.
    statements = [r for r in resources if r["resourceType"] == "MedicationStatement"]
    active = sorted(
        r["medicationCodeableConcept"]["text"] for r in statements if r["status"] == "active"
    )
    assert active == sorted(text.split(" ")[0] for text in summary.medications)
    # The command line's open ends (--from or --to alone) export too.
    first = dt.date.min if ends == "open start" else period.first
    last = dt.date.max if ends == "open end" else period.last
    csv_export.tables(contents, Period(first, last), True, now)
    fhir.build_bundle(contents, Period(first, last), True, now)


def _without_ids(records: list) -> list:
    """``records`` as compared after a round trip: without journal ids, an entry's tags
    in one order (the journal keeps a set)."""
    return [
        dataclasses.replace(r, id=None, **({"tags": sorted(r.tags)} if hasattr(r, "tags") else {}))
        for r in records
    ]


@profile(100)
@given(scenarios())
def test_the_json_export_reads_back_as_it_was(s):
    contents = s.contents
    text = json.dumps(json_format.to_document(contents), allow_nan=False)
    back = json_format.from_document(json.loads(text))
    for name in ("entries", "questionnaires", "checkins", "treatments", "session_notes"):
        assert _without_ids(getattr(back, name)) == _without_ids(getattr(contents, name)), name
    assert _without_ids(back.questions) == _without_ids(contents.questions)
    for mine, read in zip(contents.medications, back.medications, strict=True):
        assert (read.name, read.unit) == (mine.name, mine.unit)
        assert _without_ids(read.events) == _without_ids(sorted(mine.events, key=lambda e: e.day))


@profile(60)
@given(scenarios())
def test_trends_and_a_pdf_ending_today_agree(qapp, s):
    from moodlog.charts.data import TrendData

    contents, now = s.contents, s.now
    summary = summarise(contents, Period(s.period.first, TODAY), now)
    trends = TrendData.build(contents, now)
    for name in INSTRUMENTS:
        assert trends.course[name].describe() == summary.course[name].describe()
    on_trends = {id(r.session): r for r in trends.responses}
    for response in summary.responses:
        assert on_trends[id(response.session)] == response


@profile(100)
@given(scenarios())
def test_booster_figures_can_be_true(s):
    mood = daily_series(s.contents.entries)
    for moment in (s.now, s.period.as_of(s.now)):
        summary = booster_summary(mood, s.contents.treatments, moment, 3)
        if summary.range is not None:
            assert 0 <= summary.range[0] <= summary.range[1]
        if summary.median_days is not None:
            assert summary.range[0] <= summary.median_days <= summary.range[1]
        assert summary.censored <= summary.sessions
        assert summary.since_last_session_days is None or summary.since_last_session_days >= 0
        for text in (summary.pdf_line(), summary.today_line(), summary.panel_text()):
            assert text is None or (_printable(text) and not re.search(r"(?<![\w.])-\d", text))
        observation_session(mood, s.contents.treatments, moment)


class _Rollback(Exception):
    """Leaves the journal empty for the next example."""


@pytest.fixture(scope="module")
def journal(tmp_path_factory):
    vault = Vault.create(tmp_path_factory.mktemp("histories") / "moodlog.db", PASSPHRASE)
    yield vault
    vault.close()


def _stored(vault: Vault, contents: VaultContents) -> VaultContents:
    """``contents`` saved in ``vault`` (as new records: without the ids the strategies
    give them), read back."""
    c = contents
    for kind in (c.entries, c.treatments, c.questionnaires, c.checkins, c.medications):
        for record in kind:
            record.id = None
    for record in (*c.session_notes, *c.questions):
        record.id = None
    bulk.store(vault, contents)
    return bulk.load(vault)


@profile(40)
@given(scenarios(), st.sets(st.sampled_from(["charts", "sessions", "checkins", "journal"])))
def test_the_report_of_a_journal(journal, qapp, tmp_path_factory, s, sections):
    """The PDF as the Export screen makes it (load_for_report), written to a file; it
    reads what it states, and its "Session durability" is Today's and ``moodlog
    insights``' as of the end of the period."""
    from moodlog.insights import booster_from_vault
    from moodlog.report.pdf import (
        DEFAULT_SECTIONS,
        ReportOptions,
        build_report,
        load_for_report,
        without_self_checks,
        write_pdf,
    )

    period, now = s.period, s.now
    try:
        with journal.transaction():
            loaded = _stored(journal, s.contents)
            for name in ("entries", "questionnaires", "checkins", "treatments"):
                mine = sorted(map(repr, _without_ids(getattr(s.contents, name))))
                assert sorted(map(repr, _without_ids(getattr(loaded, name)))) == mine, name
            chosen = (DEFAULT_SECTIONS - {"charts", "sessions", "checkins"}) | sections
            options = ReportOptions(
                period=period,
                sections=set(chosen),
                journal_entry_ids={e.id for e in loaded.entries[::2]},
                country="GB",
            )
            whole = loaded if "checkins" in chosen else without_self_checks(loaded)
            report = build_report(load_for_report(journal, options, now), options, now)
            assert report.html == build_report(whole, options, now).html
            assert _printable(re.sub("<[^>]*>", " ", report.html))
            write_pdf(report, tmp_path_factory.mktemp("pdf") / "summary.pdf")
            line = booster_from_vault(journal, period.as_of(now)).pdf_line()
            stated = report.summary.session_durability
            if line is None:
                assert stated is None
            else:
                assert stated is not None and stated[0] == line[0].upper() + line[1:] + "."
            raise _Rollback
    except _Rollback:
        pass


@st.composite
def many_sessions(draw: st.DrawFn) -> VaultContents:
    """Sessions every few days to weeks for up to a year (more than 3 times the
    maintenance sessions summarised: ``insights`` then reads only recent days)."""
    rng = random.Random(draw(st.integers(0, 2**32)))
    spacing = draw(st.sampled_from([3, 5, 7, 10, 14, 21]))
    day, sessions = draw(st.integers(-400, -100)), []
    while day < 30:
        kind = draw(st.sampled_from(["ketamine_iv", "esketamine_nasal", "tms"]))
        sessions.append(treatment(kind, _day(day), draw(times), rng))
        day += spacing + draw(st.integers(-2, 4))
    return VaultContents(
        treatments=sessions,
        entries=draw(entries([t.day for t in sessions])),
        settings={"booster_last_sessions": draw(st.integers(3, 6))},
    )


@profile(40)
@given(many_sessions(), st.integers(-200, 40))
def test_insights_read_from_the_journal_are_the_whole_historys(journal, contents, days):
    from moodlog.insights import booster_from_vault, observation_from_vault

    moment = NOW + dt.timedelta(days=days)
    try:
        with journal.transaction():
            loaded = _stored(journal, contents)
            read = booster_from_vault(journal, moment)
            mood = daily_series(loaded.entries)
            whole = booster_summary(mood, loaded.treatments, moment, read.last)
            assert read.as_json() == whole.as_json()
            assert read.today_line() == whole.today_line()
            assert read.pdf_line() == whole.pdf_line()
            due = observation_session(mood, loaded.treatments, moment) is not None
            assert observation_from_vault(journal, moment) == due
            raise _Rollback
    except _Rollback:
        pass
