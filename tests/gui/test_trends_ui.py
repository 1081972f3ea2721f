"""Trends screen on a vault built in the test with known data."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage

from moodlog.charts.plots import day_of, timestamp
from moodlog.domain.entries import Entry
from moodlog.domain.questionnaires import GAD7, PHQ9, QuestionnaireResult
from moodlog.domain.safety import SICheckin
from moodlog.domain.treatments import Medication, MedicationEvent, Treatment
from moodlog.preferences import Preferences
from moodlog.ui.context import AppContext
from moodlog.ui.trends import TrendsScreen
from moodlog.vault.vault import Vault
from tests.conftest import FakeClock

NOW = dt.datetime(2026, 6, 30, 20, 0)
START = dt.date(2026, 3, 1)


@pytest.fixture
def known_vault(vault: Vault) -> Vault:
    for offset in range(0, 120):
        if offset % 10 == 9:
            continue  # a gap every tenth day
        vault.entries.add(
            Entry(day=START + dt.timedelta(offset), time=dt.time(20), mood=3 + offset % 5)
        )
    for offset in (40, 43, 47, 80):
        vault.treatments.save(
            Treatment(
                day=START + dt.timedelta(offset),
                time=dt.time(10),
                kind="ketamine_iv",
                dose_mg=40,
                weight_kg=80,
            )
        )
    vault.treatments.save(
        Treatment(
            day=NOW.date() + dt.timedelta(days=7),
            time=dt.time(10),
            kind="esketamine_nasal",
            dose_mg=56,
        )
    )
    vault.medications.save(
        Medication(
            "Sertraline",
            events=[
                MedicationEvent(START + dt.timedelta(5), "start", 50),
                MedicationEvent(START + dt.timedelta(60), "change", 100),
            ],
        )
    )
    for offset, level_answers in (
        (2, {"wish_dead": True, "thoughts": False, "behavior": False}),
        (3, {"wish_dead": False, "thoughts": False, "behavior": False}),
    ):
        vault.checkins.add(SICheckin(START + dt.timedelta(offset), dt.time(21), level_answers))
    vault.checkins.add(SICheckin.skipped_on(START + dt.timedelta(4), dt.time(21)))
    for offset, total in ((30, 18), (60, 12), (100, 8)):
        answers = [min(3, max(0, total - 3 * i)) for i in range(9)]
        vault.questionnaires.add(
            QuestionnaireResult(START + dt.timedelta(offset), dt.time(9), PHQ9, answers)
        )
    vault.questionnaires.add(
        QuestionnaireResult(START + dt.timedelta(30), dt.time(9), GAD7, [2] * 7)
    )
    return vault


def trends_context(vault: Vault, data_dir: Path) -> AppContext:
    return AppContext(
        vault=vault, data_dir=data_dir, preferences=Preferences(country="US"), now=FakeClock(NOW)
    )


@pytest.fixture
def screen(qtbot, known_vault: Vault, data_dir: Path) -> TrendsScreen:
    widget = TrendsScreen(trends_context(known_vault, data_dir))
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


def test_markers_match_the_vault(screen: TrendsScreen):
    chart = screen.timeline
    assert len(chart.session_markers) == 5  # 4 sessions and 1 appointment
    assert len(chart.medication_markers.data) == 2
    shown = {level: len(item.data) for level, item in chart.checkin_markers.items()}
    assert {level: count for level, count in shown.items() if count} == {
        "low": 1,
        "none": 1,
        "skipped": 1,
    }
    assert chart.checkin_markers["low"].opts["brush"].color().name() == "#e8c547"
    screen.range_buttons["All"].click()
    assert len(chart._labels) == 5  # every session labelled when few are in view
    assert len(screen.data.mood) == 120 - 12
    assert screen.data.questionnaires[PHQ9] == [
        (START + dt.timedelta(30), 18),
        (START + dt.timedelta(60), 12),
        (START + dt.timedelta(100), 8),
    ]


def test_gaps_are_gaps_in_the_trend_line(screen: TrendsScreen):
    assert START + dt.timedelta(9) not in screen.data.mood
    assert START + dt.timedelta(9) in screen.data.trend  # the 7-day trend spans a single gap


def test_range_buttons_change_the_view(qtbot, screen: TrendsScreen):
    chart = screen.timeline
    qtbot.mouseClick(screen.range_buttons["30 days"], Qt.MouseButton.LeftButton)
    first, last = chart.visible_days()
    assert (last - first).days in (30, 31) and last >= NOW.date()
    qtbot.mouseClick(screen.range_buttons["All"], Qt.MouseButton.LeftButton)
    first, last = chart.visible_days()
    assert first <= START and last >= NOW.date() + dt.timedelta(days=7)
    qtbot.mouseClick(screen.range_buttons["90 days"], Qt.MouseButton.LeftButton)
    first, last = chart.visible_days()
    assert (last - first).days in (90, 91)


@pytest.mark.parametrize("button, days", [("30 days", 30), ("90 days", 90), ("1 year", 365)])
def test_a_range_shows_the_same_days_as_the_pdfs_last_n_days(
    qtbot, screen: TrendsScreen, button: str, days: int
):
    """Time review: "30 days" drew and summed 31 (from today - 30), where the PDF's
    and the export's "last 30 days" are 30 (from today - 29). One definition now: the
    days whose point is in view, and the footnote's first day, are Period.last_days."""
    from moodlog.charts.plots import timestamp
    from moodlog.domain.period import Period

    qtbot.mouseClick(screen.range_buttons[button], Qt.MouseButton.LeftButton)
    period = Period.last_days(days, NOW.date())
    low, high = screen.timeline.mood_plot.viewRange()[0]
    around = [period.first + dt.timedelta(days=n) for n in range(-3, days + 3)]
    in_view = [day for day in around if low <= timestamp(day) < high]  # (tomorrow: the edge)
    assert in_view[0] == period.first and in_view[-1] == NOW.date()
    assert len(in_view) == days
    assert screen._insights_first_day() == period.first


def test_clicking_a_day_emits_that_date(qtbot, screen: TrendsScreen):
    chart = screen.timeline
    target = START + dt.timedelta(100)
    view_point = QPointF(timestamp(target), 5)
    scene_point = chart.mood_plot.vb.mapViewToScene(view_point)
    assert chart.day_at_scene_pos(scene_point) == target
    widget_point = chart.mapFromScene(scene_point)
    with qtbot.waitSignal(chart.day_clicked, timeout=2000) as blocker:
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=widget_point)
    assert blocker.args == [target]


def test_hover_describes_the_day(screen: TrendsScreen):
    day = START + dt.timedelta(40)
    text = screen.data.describe_day(day)
    assert "mood" in text and "Ketamine IV infusion 40 mg (0.5 mg/kg)" in text
    assert day_of(timestamp(day)) == day


def test_around_sessions_table_and_picking(screen: TrendsScreen):
    assert screen.around is None  # built when the tab is first shown
    screen.tabs.setCurrentIndex(1)
    table = screen.around.table
    assert table.rowCount() == 4
    assert table.item(3, 0).text() == (START + dt.timedelta(40)).strftime("%d %b %Y")
    assert table.item(3, 2).text() == "40 mg (0.5 mg/kg)"
    assert screen.around.chart.shown_sessions == 4
    screen.around.session_list.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert screen.around.chart.shown_sessions == 3
    assert "PHQ-9: baseline 18" in screen.around.course_label.text()


def test_png_export_is_non_empty_and_the_right_size(
    screen: TrendsScreen, tmp_path: Path, monkeypatch
):
    target = tmp_path / "chart.png"
    monkeypatch.setattr("moodlog.ui.files.ask_save_path", lambda *a, **k: target)
    screen.save_png()
    image = QImage(str(target))
    assert not image.isNull()
    expected = screen.timeline.size() * screen.timeline.devicePixelRatioF()
    assert (image.width(), image.height()) == (expected.width(), expected.height())
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)
    }
    assert len(colours) > 20  # a drawn chart, not a blank image


def test_sessions_in_view_are_labelled_from_the_start(screen: TrendsScreen):
    chart = screen.timeline
    first, last = chart.visible_days()
    in_view = [t for t in screen.data.treatments if first <= t.day <= last]
    assert in_view, "the fixture should have a session in the default 90-day view"
    assert len(chart._labels) == len(in_view)
    assert {label.textItem.toPlainText() for label in chart._labels} <= {"IV", "ESK"}


def test_recent_days_come_first_and_the_whole_history_after_the_first_paint(
    qtbot, screen: TrendsScreen
):
    assert not screen.data.complete  # built and shown, not yet painted
    assert screen.data.since == NOW.date() - dt.timedelta(days=2 * 90 + 10)
    assert screen.data.course == {}  # the course needs the whole history
    qtbot.waitUntil(lambda: screen.data.complete, timeout=5000)
    assert "PHQ-9: baseline 18" in screen.data.course[PHQ9].describe()
    first, last = screen.timeline.visible_days()
    assert (last - first).days in (90, 91)  # the view the user had is kept


def test_all_and_around_sessions_read_the_whole_history_at_once(screen: TrendsScreen):
    screen.range_buttons["All"].click()
    assert screen.data.complete
    screen.refresh()
    screen.range_buttons["30 days"].click()
    screen.tabs.setCurrentIndex(1)
    assert screen.data.complete and screen.around.table.rowCount() == 4


def test_showing_the_screen_again_rereads_only_after_a_change(qtbot, screen: TrendsScreen):
    qtbot.waitUntil(lambda: screen.data.complete, timeout=5000)
    data = screen.data
    screen.refresh()  # what the main window does each time the screen is shown
    assert screen.data is data
    screen.vault.entries.add(Entry(day=NOW.date(), time=dt.time(19), mood=9))
    screen.context.events.data_changed.emit("entries")
    assert screen.data is not data and screen.data.mood[NOW.date()] == 9


def test_a_booked_session_counts_once_it_has_started(qtbot, screen: TrendsScreen):
    qtbot.waitUntil(lambda: screen.data.complete, timeout=5000)
    booked = NOW + dt.timedelta(days=7)
    assert [t.day for t in screen.data.sessions] == [
        START + dt.timedelta(o) for o in (40, 43, 47, 80)
    ]
    screen.context.now.value = booked.replace(hour=12)
    screen.refresh()
    assert screen.data.sessions[-1].day == booked.date()


def test_new_data_refills_the_same_chart_items(qtbot, screen: TrendsScreen):
    qtbot.waitUntil(lambda: screen.data.complete, timeout=5000)
    chart = screen.timeline
    items = list(chart.mood_plot.vb.addedItems)
    points = len(chart.mood_points.data)
    screen.vault.checkins.add(SICheckin.skipped_on(NOW.date(), dt.time(21)))
    screen.vault.entries.add(Entry(day=NOW.date(), time=dt.time(21), mood=5))
    screen.context.events.data_changed.emit("checkins")
    assert len(chart.checkin_markers["skipped"].data) == 2
    assert len(chart.mood_points.data) == points + 1
    assert list(chart.mood_plot.vb.addedItems) == items  # refilled, not made again


def test_questionnaire_figures_are_labelled_self_report(screen: TrendsScreen):
    """Clinician review: Trends showed PHQ-9/GAD-7 bands and "response yes" with no
    "self-report, not a diagnosis" label (the PDF has one)."""
    from moodlog.domain.questionnaires import SCREENING_LABEL

    legend = screen.legend.text()
    assert f"PHQ-9, GAD-7: {SCREENING_LABEL}" in legend  # beside the banded plots
    screen.tabs.setCurrentIndex(1)
    lines = screen.around.course_label.text().split("\n")
    assert lines[0].startswith("PHQ-9: baseline 18") and lines[1].startswith("GAD-7")
    assert lines[-1] == "Self-report screening, not a diagnosis."


@contextlib.contextmanager
def trends_with_text_of(qtbot, qapp, vault: Vault, data_dir: Path, points: int, size):  # noqa: ANN001
    """Trends on ``vault`` with the application's text at ``points``, ``size`` (w, h),
    shown and laid out (the font put back after)."""
    before = qapp.font()
    font = qapp.font()
    font.setPointSize(points)
    qapp.setFont(font)
    try:
        widget = TrendsScreen(trends_context(vault, data_dir))
        qtbot.addWidget(widget)
        widget.resize(*size)
        widget.show()
        qtbot.waitExposed(widget)
        qtbot.waitUntil(lambda: widget.timeline.height() > 0)
        for _ in range(5):  # (the scroll bar shown, the page laid out again)
            qapp.processEvents()
        yield widget
    finally:
        qapp.setFont(before)


@pytest.mark.parametrize("points", [10, 16])
def test_with_large_text_the_chart_keeps_its_room_and_the_page_scrolls(
    qtbot, qapp, known_vault: Vault, data_dir: Path, points: int
):
    """Accessibility review: at a 16 pt body font the legend and notes took the room and
    the chart over time shrank to a strip whose mood axis showed only "5". It keeps room
    for 14 lines of text now, and the page scrolls; at the usual size nothing scrolls."""
    from PySide6.QtWidgets import QScrollArea

    with trends_with_text_of(qtbot, qapp, known_vault, data_dir, points, (900, 600)) as widget:
        page = widget.tabs.widget(0)
        assert isinstance(page, QScrollArea)
        lines = widget.timeline.height() / widget.fontMetrics().height()
        scrolls = page.verticalScrollBar().maximum() > 0
        if points == 16:
            assert lines >= 14 and scrolls
        else:
            assert lines >= 14 and not scrolls
        assert page.horizontalScrollBar().maximum() == 0  # never sideways
        assert page.widget().width() <= page.viewport().width()


def drawn_labels(axis) -> list[tuple[str, float]]:  # noqa: ANN001 - a pyqtgraph axis
    """The tick labels pyqtgraph draws on ``axis`` as it is now, with their centres
    along it (y for a left axis, x for a bottom one)."""
    from PySide6.QtGui import QPainter, QPicture

    picture = QPicture()
    painter = QPainter(picture)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    vertical = axis.orientation in ("left", "right")
    return [
        (text, rect.center().y() if vertical else rect.center().x())
        for rect, _flags, text in (specs[2] if specs else [])
    ]


@pytest.mark.parametrize("points", [10, 16])
def test_with_large_text_every_axis_label_is_whole_and_apart(
    qtbot, qapp, known_vault: Vault, data_dir: Path, points: int
):
    """Accessibility review, 16 pt: the dates under the charts were cut at the bottom
    (pyqtgraph measures a label as 0.8 of its height) and the GAD-7's 0, 5, 10 and 15
    ran into each other. Each date axis is a whole line tall now; a questionnaire axis
    labels every other band start while they would overlap; the mood axis keeps 0, 5
    and 10. At the usual size the labels are as they were."""
    from PySide6.QtGui import QFontMetricsF

    with trends_with_text_of(qtbot, qapp, known_vault, data_dir, points, (1100, 700)) as widget:
        chart = widget.timeline
        line = QFontMetricsF(chart.mood_plot.bottom.font()).height()
        shown = [plot.bottom for plot in chart.plots if plot.bottom.style["showValues"]]
        assert len(shown) == 2 and all(axis.height() >= line for axis in shown)
        assert all(drawn_labels(axis) for axis in shown)
        assert {"0", "5", "10"} <= {text for text, _ in drawn_labels(chart.mood_plot.left)}
        for name, plot in chart.questionnaire_plots.items():
            labels = sorted(drawn_labels(plot.left), key=lambda label: -label[1])
            gaps = [low[1] - high[1] for low, high in zip(labels, labels[1:], strict=False)]
            assert len(labels) >= 2 and min(gaps) >= line, (name, labels, line)
        if points == 10:  # as before
            assert [text for text, _ in drawn_labels(chart.questionnaire_plots[GAD7].left)] == [
                "0",
                "5",
                "10",
                "15",
            ]
            assert [text for text, _ in drawn_labels(chart.questionnaire_plots[PHQ9].left)] == [
                "0",
                "10",
                "20",
            ]


def test_while_the_page_scrolls_the_wheel_over_the_chart_scrolls_it(
    qtbot, qapp, known_vault: Vault, data_dir: Path
):
    """Short review: at 16 pt on a small screen the chart filled the view and the wheel
    over it zoomed it (past the range shown): the notes below were out of reach. While
    the page scrolls, the wheel scrolls it; Ctrl+wheel still zooms."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    with trends_with_text_of(qtbot, qapp, known_vault, data_dir, 16, (700, 420)) as widget:
        page = widget.tabs.widget(0)
        bar = page.verticalScrollBar()
        assert bar.maximum() > 0 and bar.value() == 0
        viewport = widget.timeline.viewport()
        shown = widget.timeline.mood_plot.vb.viewRange()[0]

        def wheel(modifiers: Qt.KeyboardModifier) -> None:
            # over the mood plot (the middle of the chart may be an axis or the gap
            # between two plots)
            chart = widget.timeline
            centre = QPointF(chart.mapFromScene(chart.mood_plot.vb.sceneBoundingRect().center()))
            event = QWheelEvent(
                centre,
                QPointF(viewport.mapToGlobal(centre.toPoint())),
                QPoint(0, 0),
                QPoint(0, -120),
                Qt.MouseButton.NoButton,
                modifiers,
                Qt.ScrollPhase.NoScrollPhase,
                False,
            )
            QApplication.sendEvent(viewport, event)
            qapp.processEvents()

        wheel(Qt.KeyboardModifier.NoModifier)
        assert bar.value() > 0  # the page scrolled
        assert widget.timeline.mood_plot.vb.viewRange()[0] == shown  # the chart did not zoom
        wheel(Qt.KeyboardModifier.ControlModifier)
        assert widget.timeline.mood_plot.vb.viewRange()[0] != shown  # Ctrl+wheel zooms


@pytest.mark.parametrize("points", [20, 24])
def test_with_very_large_text_the_axis_titles_keep_apart(
    qtbot, qapp, known_vault: Vault, data_dir: Path, points: int
):
    """Accessibility review (carried): at 20 pt and more the short PHQ-9 and GAD-7 plots
    squeezed their rotated titles into one another ("GAD-PHQ-9"). Each plot is now at
    least as tall as its title, the chart as tall as that takes, its dates in view."""
    with trends_with_text_of(qtbot, qapp, known_vault, data_dir, points, (900, 600)) as widget:
        chart = widget.timeline
        titles = [plot.left.label.sceneBoundingRect() for plot in chart.plots]
        for plot, title in zip(chart.plots, titles, strict=True):
            assert plot.vb.height() >= title.height() - 1, (plot.vb.height(), title)
        for upper, lower in itertools.pairwise(titles):
            assert upper.bottom() <= lower.top(), (upper, lower)
        last_dates = chart.plots[-1].bottom.sceneBoundingRect()
        assert last_dates.bottom() <= chart.viewport().height() + 1


def test_with_room_to_spare_the_charts_keep_their_shares(
    qtbot, qapp, known_vault: Vault, data_dir: Path
):
    """The titles' minimum applies only when a plot would be lower than its title: a
    minimum changes how the layout shares the height out, and at the usual size the
    charts look as they always have."""
    with trends_with_text_of(qtbot, qapp, known_vault, data_dir, 10, (1100, 900)) as widget:
        grid = widget.timeline.ci.layout
        assert [grid.rowMinimumHeight(2 * row) for row in range(3)] == [0, 0, 0]
