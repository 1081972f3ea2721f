"""Period summary definitions (page 1 of the PDF) on hand-built data."""

from __future__ import annotations

import datetime as dt

import pytest

from moodlog.domain.contents import VaultContents
from moodlog.domain.entries import Entry
from moodlog.domain.period import Period, since_last_appointment, summarise, trend_direction
from moodlog.domain.treatments import SessionNote, Treatment

D = dt.date(2026, 5, 1)


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
    today = D + dt.timedelta(days=40)
    contents = VaultContents(
        session_notes=[SessionNote(D + dt.timedelta(days=20)), SessionNote(today)],
        treatments=[Treatment(D + dt.timedelta(days=30), dt.time(10), "ketamine_iv")],
    )
    assert since_last_appointment(contents, today) == Period(D + dt.timedelta(days=20), today)
    contents.session_notes = []
    assert since_last_appointment(contents, today) == Period(D + dt.timedelta(days=30), today)
    assert since_last_appointment(VaultContents(), today) == Period.last_days(30, today)


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
