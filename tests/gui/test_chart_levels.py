"""Self-check markers on the charts (app and PDF): one marker a day, the day's most
concerning level, each level its own shape as well as its own colour."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF

from moodlog.charts.plots import (
    LEVEL_SYMBOLS,
    TimelineChart,
    TrendData,
    level_legend_html,
    timestamp,
    worst_level_by_day,
)
from moodlog.domain.contents import VaultContents
from moodlog.domain.entries import Entry
from moodlog.domain.safety import LEVEL_ORDER, SICheckin

D = dt.date(2026, 5, 4)
NOW = dt.datetime(2026, 5, 20, 12)
HIGH = {"wish_dead": True, "thoughts": True, "method": True, "intent": True, "plan": False}
LOW = {"wish_dead": True, "thoughts": False, "behavior": False}
NONE = {"wish_dead": False, "thoughts": False, "behavior": False}


def test_worst_level_of_each_day():
    levels = [(D, "high"), (D, "skipped"), (D, "none"), (D + dt.timedelta(1), "none")]
    levels += [(D + dt.timedelta(2), "skipped"), (D + dt.timedelta(2), "incomplete")]
    assert worst_level_by_day(levels) == {
        D: "high",
        D + dt.timedelta(1): "none",
        D + dt.timedelta(2): "incomplete",
    }


def test_a_high_day_shows_high_even_when_skipped_comes_last(qtbot):
    contents = VaultContents(
        entries=[Entry(D, dt.time(8), 5)],
        checkins=[
            SICheckin(D, dt.time(9), HIGH),
            SICheckin(D, dt.time(10), NONE),
            SICheckin.skipped_on(D, dt.time(23)),  # the last of the day
            SICheckin(D + dt.timedelta(1), dt.time(9), LOW),
            SICheckin(D + dt.timedelta(1), dt.time(22), NONE),
        ],
    )
    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.set_data(TrendData.build(contents, NOW))
    shown = {level: list(item.data["x"]) for level, item in chart.checkin_markers.items()}
    assert shown["high"] == [timestamp(D)]
    assert shown["low"] == [timestamp(D + dt.timedelta(1))]
    assert shown["skipped"] == shown["none"] == []


def test_levels_differ_in_shape_and_worse_levels_are_drawn_on_top(qtbot):
    chart = TimelineChart()
    qtbot.addWidget(chart)
    symbols = {level: item.opts["symbol"] for level, item in chart.checkin_markers.items()}
    assert len(set(symbols.values())) == len(LEVEL_ORDER) == len(symbols)
    z = [chart.checkin_markers[level].zValue() for level in LEVEL_ORDER]
    assert z == sorted(z) and len(set(z)) == len(z)
    legend = " ".join(level_legend_html())
    for level in LEVEL_ORDER:
        assert f"{LEVEL_SYMBOLS[level][2]}</span>&nbsp;{level}" in legend


def test_the_hover_line_is_shown_only_over_a_day(qtbot):
    """Diff review: the hover line sat at its start, 1 Jan 1970, and was drawn there in
    "All" once any record was older (dates now go back to 1900)."""
    old = dt.date(1965, 5, 1)
    contents = VaultContents(entries=[Entry(old, dt.time(9), 5), Entry(D, dt.time(9), 6)])
    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.resize(800, 500)
    chart.show()
    chart.set_data(TrendData.build(contents, NOW))
    assert not chart.cursor.isVisible()
    middle = chart.mood_plot.vb.mapViewToScene(QPointF(timestamp(D), 5))
    chart._mouse_moved(middle)  # noqa: SLF001 - what a mouse move over the plot calls
    assert chart.cursor.isVisible() and chart.cursor.value() == timestamp(D)


def test_a_questionnaire_plot_with_nothing_in_view_says_so(qtbot):
    """Review finding: with no scored PHQ-9 in view, its banded plot said nothing."""
    from moodlog.domain.questionnaires import PHQ9, QuestionnaireResult

    early = D - dt.timedelta(days=120)
    contents = VaultContents(
        entries=[Entry(D, dt.time(9), 6)],
        questionnaires=[QuestionnaireResult(early, dt.time(9), PHQ9, [1] * 9)],
    )
    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.resize(800, 500)
    chart.show()
    chart.set_data(TrendData.build(contents, NOW), initial_days=30)
    phq, gad = chart.questionnaire_notes["PHQ-9"], chart.questionnaire_notes["GAD-7"]
    assert phq.isVisible() and gad.isVisible()
    assert phq.textItem.toPlainText() == "No scored PHQ-9 in view"
    chart.set_range(None)  # all: the PHQ-9 of 120 days ago is in view
    assert not phq.isVisible() and gad.isVisible()


def test_all_starts_at_the_first_thing_drawn():
    """Diff review: "All" began at the first mood, leaving an earlier self-check (with
    a yes) and a medication start out of view."""
    from moodlog.domain.treatments import Medication, MedicationEvent

    contents = VaultContents(
        entries=[Entry(D, dt.time(9), 6)],
        checkins=[SICheckin(D - dt.timedelta(days=40), dt.time(9), HIGH)],
        medications=[
            Medication("Sertraline", events=[MedicationEvent(D - dt.timedelta(days=60), "start")])
        ],
    )
    assert TrendData.build(contents, NOW).first_day() == D - dt.timedelta(days=60)
    contents.medications = []
    assert TrendData.build(contents, NOW).first_day() == D - dt.timedelta(days=40)
