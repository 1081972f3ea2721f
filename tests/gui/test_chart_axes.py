"""Trends axes (issue 15): date labels never collide ("29Oct", "29 Nov03" before), the
last label is not cut, and session labels during an induction course do not smear
into "IVIVIV", at the Trends chart's default size for 30 d / 90 d / 1 y / All."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from moodlog.charts.plots import DayAxis, TimelineChart, TrendData
from moodlog.domain.contents import VaultContents
from moodlog.domain.demo import build_demo
from moodlog.domain.treatments import Treatment

NOW = dt.datetime(2026, 11, 30, 12)
RANGES = {"30 days": 30, "90 days": 90, "1 year": 365, "All": None}
# The chart's size on the Trends screen in the default window, and a narrow window.
SIZES = {"default": (880, 430), "narrow": (560, 400)}


@pytest.fixture(scope="module")
def data() -> TrendData:
    contents = build_demo(end=NOW.date(), days=3 * 365, now=NOW)
    # An induction course: six infusions in two weeks, ending a week ago.
    course = [
        Treatment(NOW.date() - dt.timedelta(days=7 + d), dt.time(10), "ketamine_iv", dose_mg=40)
        for d in (0, 2, 5, 7, 9, 12)
    ]
    contents = VaultContents(
        entries=contents.entries,
        treatments=contents.treatments + course,
        questionnaires=contents.questionnaires,
        checkins=contents.checkins,
        medications=contents.medications,
    )
    return TrendData.build(contents, NOW)


def tick_label_rects(axis: DayAxis) -> list[tuple[QRectF, str]]:
    image = QImage(10, 10, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    assert specs is not None
    _, _, texts = specs
    return [(rect, text) for rect, _, text in texts]


@pytest.fixture
def chart(qtbot, data: TrendData):  # noqa: ANN201
    widget = TimelineChart()
    qtbot.addWidget(widget)
    widget.set_data(data, 90)
    return widget


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("range_name", RANGES)
def test_no_two_date_labels_overlap_and_none_is_cut(qtbot, chart, size, range_name) -> None:  # noqa: ANN001
    chart.resize(*SIZES[size])
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_range(RANGES[range_name])
    qtbot.wait(1)
    axes = [chart.mood_plot.bottom, chart.questionnaire_plots["GAD-7"].bottom]
    for axis in axes:
        labels = tick_label_rects(axis)
        assert len(labels) >= 3, [text for _, text in labels]  # the axis says when
        labels.sort(key=lambda item: item[0].left())
        for (left, left_text), (right, right_text) in zip(labels, labels[1:], strict=False):
            gap = right.left() - left.right()
            assert gap >= 6, f"{left_text!r} and {right_text!r} are {gap:.1f} px apart"
        bounds = axis.boundingRect()
        for rect, text in labels:
            assert bounds.left() <= rect.left() and rect.right() <= bounds.right(), (
                f"{text!r} is cut at the end of the axis"
            )
        assert all(text.strip() for _, text in labels)


@pytest.mark.parametrize("range_name", RANGES)
def test_session_labels_do_not_overlap(qtbot, chart, range_name) -> None:  # noqa: ANN001
    chart.resize(*SIZES["default"])
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_range(RANGES[range_name])
    qtbot.wait(1)
    view = chart.mood_plot.vb.sceneBoundingRect()
    inks = []
    for label in chart._labels:
        box = label.mapRectToScene(label.boundingRect())
        margin = label.textItem.document().documentMargin()  # blank, each side of the text
        inks.append(box.adjusted(margin, 0, -margin, 0))
        assert view.left() - 0.5 <= box.left() and box.right() <= view.right() + 0.5
    inks.sort(key=QRectF.left)
    assert inks, "no session labelled"
    for left, right in zip(inks, inks[1:], strict=False):
        assert right.left() - left.right() >= 4, "session labels run into each other"


def test_an_induction_course_is_thinned_not_smeared(qtbot, chart) -> None:  # noqa: ANN001
    chart.resize(*SIZES["default"])
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_range(365)  # a year: a day is ~2 px, the course's sessions 2-3 days apart
    qtbot.wait(1)
    first = NOW.date() - dt.timedelta(days=19)
    in_course = [
        t for t in chart.data.treatments if first <= t.day <= NOW.date() - dt.timedelta(days=7)
    ]
    assert len(in_course) >= 6
    labelled_days = {
        chart.data.treatments[i].day for i, lbl in chart._label_pool.items() if lbl.isVisible()
    }
    shown = [t for t in in_course if t.day in labelled_days]
    assert 1 <= len(shown) < len(in_course)  # some labelled, not all on top of each other
    chart.set_range(30)  # zoomed in, there is room for each
    qtbot.wait(1)
    labelled_days = {
        chart.data.treatments[i].day for i, lbl in chart._label_pool.items() if lbl.isVisible()
    }
    assert all(t.day in labelled_days for t in in_course)


def test_labels_use_day_month_then_month_year_then_year(qtbot) -> None:  # noqa: ANN001
    axis = DayAxis("bottom")
    day = dt.date(2026, 10, 29)
    assert axis.label_text(day, "day") == "29 Oct"
    assert axis.label_text(day, "month") == "Oct 2026"
    assert axis.label_text(day, "year") == "2026"
    unit, _, _ = axis.step_for(30, 800)
    assert unit == "day"
    unit, _, _ = axis.step_for(3 * 365, 800)
    assert unit in ("month", "year")
