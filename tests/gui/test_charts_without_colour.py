"""Print review: the charts read the same printed in black and white on an office
printer, or seen with red-green colour blindness. Session kinds differed by colour
alone (IV purple and esketamine blue are one grey, and to deuteranopia both blue; the
labels under the lines are thinned, so most lines had none), and the PHQ-9/GAD-7
severity bands by fills that are one pale grey in print."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPen

from moodlog.charts.data import (
    SESSION_LINE_HIGH,
    SESSION_PATTERNS,
    TrendData,
    session_kinds_key,
    style_session_pen,
    timestamp,
)
from moodlog.charts.paper import PaperTimeline
from moodlog.charts.plots import TimelineChart
from moodlog.domain.demo import build_demo
from moodlog.domain.period import Period
from moodlog.domain.questionnaires import BANDS, PHQ9
from moodlog.domain.treatments import KINDS
from moodlog.report.pdf import ReportOptions, build_report

END = dt.date(2026, 11, 30)
NOW = dt.datetime(2026, 11, 30, 12)
IV_DAY, ESK_DAY = END - dt.timedelta(days=40), END - dt.timedelta(days=20)
SCALE = 2  # image pixels per logical pixel


@pytest.fixture(scope="module")
def contents():  # noqa: ANN201 - VaultContents
    """120 demo days; sessions in the last 60 days: one IV and one esketamine, both
    labelled on the chart, whose lines differ only by their kind."""
    data = build_demo(end=END, days=120, now=NOW)
    template = data.treatments[0]
    data.treatments = [t for t in data.treatments if t.day < END - dt.timedelta(days=60)]
    data.entries = [e for e in data.entries if e.day not in (IV_DAY, ESK_DAY)]  # no points
    for day, kind in ((IV_DAY, "ketamine_iv"), (ESK_DAY, "esketamine_nasal")):
        data.treatments.append(dataclasses.replace(template, day=day, kind=kind, id=None))
    return data


def _pattern(pen: QPen) -> tuple:
    return (pen.style(), tuple(pen.dashPattern()) if pen.style() != Qt.PenStyle.SolidLine else ())


def test_every_kind_has_a_line_pattern_of_its_own() -> None:
    assert set(SESSION_PATTERNS) == set(KINDS)
    patterns = {kind: _pattern(style_session_pen(QPen(), kind, False)) for kind in KINDS}
    assert len(set(patterns.values())) == len(KINDS), patterns
    booked = _pattern(style_session_pen(QPen(), "esketamine_nasal", True))
    assert booked[0] == Qt.PenStyle.DashLine
    assert booked not in patterns.values()  # "booked" is told from every kind
    assert patterns["ketamine_iv"] == (Qt.PenStyle.SolidLine, ())  # the usual look stays


def _grey_column(image: QImage, x: float, top: float, bottom: float) -> list[int]:
    """Grey levels (0 black..255 white) down one pixel column, as a grey printer has it."""
    column = round(x * SCALE)
    return [
        QColor(image.pixel(column, y)).lightness()
        for y in range(round(top * SCALE), round(bottom * SCALE))
    ]


def _inked_runs(greys: list[int], threshold: int = 200) -> int:
    runs, inside = 0, False
    for grey in greys:
        if grey < threshold and not inside:
            runs += 1
        inside = grey < threshold
    return runs


def _paper(contents, width: int = 680, height: int = 450):  # noqa: ANN001, ANN202
    data = TrendData.build(contents, NOW, analysis=False)
    first = END - dt.timedelta(days=59)
    chart = PaperTimeline(data, first, END, width, height)
    image = QImage(width * SCALE, height * SCALE, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(SCALE, SCALE)
    chart.draw(painter)
    painter.end()
    return chart, image


def test_on_paper_an_esketamine_line_is_broken_where_an_iv_line_is_solid(qapp, contents) -> None:  # noqa: ANN001
    """Down each session's line, between the self-check markers and the trend's range
    (no mood recorded on those two days): the IV line is one stroke, the esketamine line
    many dots."""
    chart, image = _paper(contents)
    frame = chart.frames[0]
    top, bottom = frame.y(SESSION_LINE_HIGH) + 2, frame.y(7.5)
    assert bottom - top > 40
    iv = _grey_column(image, frame.x(timestamp(IV_DAY)), top, bottom)
    esk = _grey_column(image, frame.x(timestamp(ESK_DAY)), top, bottom)
    assert min(iv) < 200 and min(esk) < 200  # both lines are drawn there
    assert _inked_runs(iv) == 1
    assert _inked_runs(esk) >= 4


def test_the_trends_chart_draws_each_kind_with_the_papers_pattern(qapp, contents) -> None:  # noqa: ANN001
    chart = TimelineChart()
    chart.set_data(TrendData.build(contents, NOW, analysis=False))
    pens = {kind: chart.session_lines[(kind, False)].opts["pen"] for kind, _ in chart.session_lines}
    assert set(pens) == {"ketamine_iv", "esketamine_nasal"}
    assert _pattern(pens["ketamine_iv"]) != _pattern(pens["esketamine_nasal"])
    for kind, pen in pens.items():
        assert _pattern(pen) == _pattern(style_session_pen(QPen(), kind, False))
    assert pens["esketamine_nasal"].color() != pens["ketamine_iv"].color()  # colours stay
    chart.close()


def test_the_pdf_names_each_kind_drawn_with_its_pattern(qapp, contents) -> None:  # noqa: ANN001
    """Under page 1's chart and the charts page: every kind in the period by its label
    and its pattern; a kind only before the period is not named."""
    period = Period(END - dt.timedelta(days=59), END)
    earlier = dataclasses.replace(contents.treatments[0], kind="tms", id=None)
    assert not period.contains(earlier.day)
    with_earlier = dataclasses.replace(contents, treatments=[*contents.treatments, earlier])
    options = ReportOptions(period, page_size=QPageSize(QPageSize.PageSizeId.A4))
    html = build_report(with_earlier, options, NOW).html
    key = "Session lines: IV, Ketamine IV infusion: solid; ESK, Esketamine nasal spray: dotted."
    assert key == session_kinds_key(["ketamine_iv", "esketamine_nasal"])
    assert html.count(key) == 2  # page 1 and the charts page
    assert "TMS:" not in html
    assert "a thin line where two meet" in html
    # With one kind every line is the kind its labels name: no key (room on the page).
    only_iv = [t for t in contents.treatments if t.kind == "ketamine_iv"]
    one_kind = dataclasses.replace(contents, treatments=only_iv)
    assert "Session lines" not in build_report(one_kind, options, NOW).html


def test_severity_bands_have_an_edge_a_grey_printout_shows(qapp, contents) -> None:  # noqa: ANN001
    """Where two PHQ-9 bands meet, a line clearly darker than either fill (the fills of
    "minimal" and "mild" differ by a grey level or two in print)."""
    chart, image = _paper(contents)
    frame = chart.frames[1]
    assert chart.names[0] == PHQ9
    x = frame.rect.left() + 3  # left of every point and line of the plot
    for low, _, _ in BANDS[PHQ9][1:]:
        edge = round(frame.y(low - 0.5) * SCALE)
        column = round(x * SCALE)
        darkest = min(
            QColor(image.pixel(column, y)).lightness() for y in (edge - 1, edge, edge + 1)
        )
        inside = [
            QColor(image.pixel(column, round(frame.y(v) * SCALE))).lightness()
            for v in (low - 2, low + 2)
        ]
        assert min(inside) - darkest > 25, (low, darkest, inside)


def test_the_trends_bands_have_the_same_edges(qapp, contents) -> None:  # noqa: ANN001
    chart = TimelineChart()
    chart.resize(900, 600)
    chart.set_data(TrendData.build(contents, NOW, analysis=False))
    chart.show()
    qapp.processEvents()
    image = chart.grab().toImage()
    view = chart.questionnaire_plots[PHQ9].vb
    low_x = view.viewRange()[0][0]
    for low, _, _ in BANDS[PHQ9][1:]:

        def grey(value: float) -> int:
            point = chart.mapFromScene(view.mapViewToScene(QPointF(low_x, value)))
            ratio = image.devicePixelRatio()
            return QColor(
                image.pixel(round((point.x() + 3) * ratio), round(point.y() * ratio))
            ).lightness()

        darkest = min(grey(low - 0.5 + d) for d in (-0.15, 0, 0.15))
        assert min(grey(low - 2), grey(low + 2)) - darkest > 15, low
    chart.close()


def test_the_trends_legend_names_each_kind_recorded_by_its_line(qtbot, vault, data_dir) -> None:  # noqa: ANN001
    """The legend showed one purple "sessions" for every kind: now each kind recorded,
    by a piece of its line (colour and pattern) and its short label; no other kind."""
    from moodlog.preferences import Preferences
    from moodlog.ui.context import AppContext
    from moodlog.ui.trends import TrendsScreen
    from tests.conftest import FakeClock

    for day, kind in ((IV_DAY, "ketamine_iv"), (ESK_DAY, "esketamine_nasal")):
        vault.treatments.save(dataclasses.replace(_session(), day=day, kind=kind))
    context = AppContext(
        vault=vault, data_dir=data_dir, preferences=Preferences(country="US"), now=FakeClock(NOW)
    )
    screen = TrendsScreen(context)
    qtbot.addWidget(screen)
    legend = screen.legend.text()
    assert "</span>&nbsp;IV &nbsp;" in legend and "</span>&nbsp;ESK &nbsp;" in legend
    assert legend.count("data:image/png;base64,") == 2
    assert "</span>&nbsp;TMS &nbsp;" not in legend and "</span>&nbsp;sessions &nbsp;" not in legend


def _session():  # noqa: ANN202 - Treatment
    from moodlog.domain.treatments import Treatment

    return Treatment(day=END, time=dt.time(10), kind="ketamine_iv", dose_mg=40, weight_kg=80)


def test_a_booked_appointment_in_the_period_is_keyed_as_dashed(qapp, contents) -> None:  # noqa: ANN001
    """Diff review: an esketamine appointment later on the period's last day is drawn
    dashed (booked), yet the key named "ESK: dotted" for it, and "dashed" nowhere."""
    period = Period(END - dt.timedelta(days=59), END)
    later_today = dataclasses.replace(_session(), kind="esketamine_nasal", time=dt.time(18))
    assert later_today.is_appointment(NOW) and period.contains(later_today.day)
    only_iv = [t for t in contents.treatments if t.kind == "ketamine_iv"]
    booked = dataclasses.replace(contents, treatments=[*only_iv, later_today])
    options = ReportOptions(period, page_size=QPageSize(QPageSize.PageSizeId.A4))
    html = build_report(booked, options, NOW).html
    assert "Esketamine nasal spray: dotted" not in html  # no dotted line is drawn
    assert html.count("Dashed line: a booked appointment") == 2  # page 1, charts page
    # Without an appointment in the period, no word of one.
    assert "Dashed line" not in build_report(contents, options, NOW).html


def test_the_trends_legend_never_wraps_a_mark_away_from_its_name(qtbot, vault, data_dir) -> None:  # noqa: ANN001
    """Diff review: wrapped by a narrow window or large text, the legend put a symbol at
    one line's end and its words at the next line's start ("Self-check: x", then
    "skipped"); Qt breaks a line after an image whatever follows it, so a kind's line
    piece could end a line and its name ("TMS") begin the next. Each entry is now a
    label of its own: at every width from narrow to wide, at large text, entries move
    to the next line whole, and no line is wider than the key but a lone entry."""
    from PySide6.QtGui import QFont

    from moodlog.charts.data import LEVEL_SYMBOLS
    from moodlog.preferences import Preferences
    from moodlog.ui.context import AppContext
    from moodlog.ui.trends import TrendsScreen
    from tests.conftest import FakeClock

    for number, kind in enumerate(KINDS):
        day = END - dt.timedelta(days=3 * number)
        vault.treatments.save(dataclasses.replace(_session(), day=day, kind=kind))
    context = AppContext(
        vault=vault, data_dir=data_dir, preferences=Preferences(country="US"), now=FakeClock(NOW)
    )
    screen = TrendsScreen(context)
    qtbot.addWidget(screen)
    key = screen.legend
    large = QFont(key.font())
    large.setPointSize(20)
    key.setFont(large)
    entries = [label for label in key._labels if not label.isHidden()]
    pictures = [label for label in entries if "data:image/png;base64," in label.text()]
    assert len(pictures) == len(KINDS)  # one piece of line a kind, each with its name
    names = {html.escape(info.short) for info in KINDS.values()}
    assert {label.text().rsplit("&nbsp;", 1)[1] for label in pictures} == names
    symbols = {symbol for _, _, symbol in LEVEL_SYMBOLS.values()}
    assert sum(any(symbol in label.text() for symbol in symbols) for label in entries) == len(
        LEVEL_SYMBOLS
    )
    wrapped = 0
    for width in range(150, 1400, 9):
        lines = key.flow.lines(width)
        assert [label for line in lines for label in line] == entries  # all, in order
        for line in lines:
            used = sum(label.sizeHint().width() for label in line)
            assert used <= width or len(line) == 1, (width, [x.text() for x in line])
        wrapped += len(lines) > 1
    assert wrapped > 50  # at 20 pt, most widths need several lines
