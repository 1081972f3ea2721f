"""The PDF's charts are vectors (issue 14 §1), drawn straight onto the page without
pyqtgraph or numpy, in any thread, and look as the Trends screen's pyqtgraph charts."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
import threading

import pypdf
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPageSize, QPainter

from moodlog.charts.data import TrendData
from moodlog.charts.paper import PaperAround, PaperChart, PaperTimeline, numeric_ticks
from moodlog.charts.plots import AroundSessionsChart, TimelineChart
from moodlog.domain.demo import build_demo
from moodlog.domain.period import Period
from moodlog.report import pdf
from moodlog.report.pdf import ReportOptions, build_report, export_pdf, preview_pages, write_pdf

END = dt.date(2026, 11, 30)
NOW = dt.datetime(2026, 11, 30, 12)


@pytest.fixture(scope="module")
def contents():  # noqa: ANN201 - VaultContents
    return build_demo(end=END, days=120, now=NOW)


def options() -> ReportOptions:
    return ReportOptions(
        Period(END - dt.timedelta(days=90), END), page_size=QPageSize(QPageSize.PageSizeId.A4)
    )


def test_charts_are_vector_drawings_with_real_text(qapp, contents, tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "summary.pdf"
    export_pdf(contents, options(), path, NOW)
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    for page in reader.pages:
        xobjects = page["/Resources"].get("/XObject", {})
        images = [r for r in xobjects.values() if r.get_object().get("/Subtype") == "/Image"]
        assert not images, "a chart was embedded as a raster image"
    charts_page = " ".join(reader.pages[1].extract_text().split())
    # The axes' words are text in the PDF now, not pixels.
    assert "Days from session" in charts_page
    assert "Mood (0-10)" in charts_page
    # Page 2 holds the two charts' lines and points as paths: many path operators.
    content = reader.pages[1].get_contents().get_data()
    assert content.count(b" c\n") + content.count(b" l\n") > 2000


def test_pdf_written_in_a_worker_thread_draws_the_same_charts(
    qapp,  # noqa: ANN001
    contents,  # noqa: ANN001
    tmp_path,  # noqa: ANN001
) -> None:
    """The Export screen writes the PDF in a QThread: the charts are drawn there, with
    no widget involved, exactly as in the GUI thread."""
    report = build_report(contents, options(), NOW)
    pages: list[int] = []
    worker = threading.Thread(target=lambda: pages.append(write_pdf(report, tmp_path / "w.pdf")))
    worker.start()
    worker.join(60)
    assert pages and pages[0] >= 3
    write_pdf(report, tmp_path / "g.pdf")
    in_worker, in_gui = (pypdf.PdfReader(tmp_path / name).pages[1] for name in ("w.pdf", "g.pdf"))
    assert "Days from session" in " ".join(in_worker.extract_text().split())
    assert in_worker.extract_text() == in_gui.extract_text()
    assert in_worker.get_contents().get_data() == in_gui.get_contents().get_data()
    assert len(preview_pages(report)) == pages[0]  # the preview draws the same charts


def test_charts_for_paper_need_no_analysis(contents) -> None:  # noqa: ANN001
    whole = TrendData.build(contents, NOW)
    light = TrendData.build(contents, NOW, analysis=False)
    for name in ("mood", "trend", "treatments", "sessions", "medication_events"):
        assert getattr(light, name) == getattr(whole, name), name
    assert light.checkin_levels == whole.checkin_levels
    assert light.questionnaires == whole.questionnaires
    assert whole.responses and not light.responses


def _pyqtgraph_image(chart: pg.GraphicsLayoutWidget, width: int, height: int) -> QImage:
    """A Trends screen chart (never shown) painted once into an image, its axes sized
    from their labels first, as a shown chart would be."""
    chart.resize(width, height)
    chart.setRange(QRectF(0, 0, width, height), padding=0, disableAutoPixel=False)
    chart.ci.layout.activate()
    probe = QImage(1, 1, QImage.Format.Format_RGB32)
    painter = QPainter(probe)
    for item in chart.scene().items():
        if isinstance(item, pg.AxisItem) and item.isVisible():
            item.generateDrawSpecs(painter)
    painter.end()
    chart.ci.layout.activate()
    if isinstance(chart, TimelineChart):
        chart._labelled = None
        chart._update_labels()
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    chart.scene().render(painter, QRectF(0, 0, width, height), QRectF(0, 0, width, height))
    painter.end()
    return image


def _paper_image(chart: PaperChart, width: int, height: int) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    chart.draw(painter)
    painter.end()
    return image


def _differing_share(ours: QImage, theirs: QImage) -> float:
    """The share of the inked pixels whose lightness differs visibly between the two,
    both softened to half size first: antialiasing and a label placed half a pixel
    apart (pyqtgraph rounds positions, and stamps points from pixmaps on screen) are
    not what this compares."""

    def soft(image: QImage) -> QImage:
        return image.scaled(
            image.width() // 2,
            image.height() // 2,
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )

    ours, theirs = soft(ours), soft(theirs)
    inked = differing = 0
    for x in range(ours.width()):
        for y in range(ours.height()):
            a, b = QColor(ours.pixel(x, y)).lightness(), QColor(theirs.pixel(x, y)).lightness()
            inked += min(a, b) < 230
            differing += abs(a - b) > 60
    return differing / max(1, inked)


def test_paper_charts_look_as_the_trends_screen_draws_them(qapp, contents) -> None:  # noqa: ANN001
    """The PDF draws the Trends screen's charts without pyqtgraph: the same layout,
    axes, ticks, labels, symbols and colours. Measured: ~10% of the inked pixels of the
    timeline differ (rotated titles and points placed a pixel apart), ~3% of the
    around-sessions chart; the same chart one day narrower differs by ~45%."""
    data = TrendData.build(contents, NOW)
    period = options().period
    width, height = 680, 470
    screen = TimelineChart()
    screen.set_data(data, keep_view=True)
    screen.show_period(period.first, period.last)
    theirs = _pyqtgraph_image(screen, width, height)
    ours = _paper_image(
        PaperTimeline(data, period.first, period.last, width, height), width, height
    )
    assert _differing_share(ours, theirs) < 0.2
    shifted = _paper_image(
        PaperTimeline(data, period.first + dt.timedelta(days=1), period.last, width, height),
        width,
        height,
    )
    assert _differing_share(shifted, theirs) > 0.35  # the comparison can fail
    # As the PDF: every session up to the period's end sets the cuts, those in it drawn.
    sessions = [s for s in data.sessions if s.day <= period.last]
    in_period = {s.id for s in sessions if period.contains(s.day)}
    assert 0 < len(in_period) < len(sessions)
    around = AroundSessionsChart()
    around.set_data(data.mood, sessions, in_period)
    theirs = _pyqtgraph_image(around, width, 250)
    paper = PaperAround(data.mood, sessions, width, 250, shown=lambda s: s.id in in_period)
    ours = _paper_image(paper, width, 250)
    assert _differing_share(ours, theirs) < 0.1


def test_both_around_charts_cut_a_sessions_days_by_the_sessions_not_drawn(qapp) -> None:  # noqa: ANN001
    """A session before the period (or not ticked in Trends) still cuts the days of the
    ones drawn: the chart's days are the per-session table's."""
    from moodlog.domain.treatments import Treatment

    first = dt.date(2026, 3, 1)
    sessions = [
        Treatment(day=first + dt.timedelta(days=offset), time=dt.time(10), kind="ketamine_iv")
        for offset in (0, 3)
    ]
    for number, session in enumerate(sessions):
        session.id = number + 1
    mood = {first + dt.timedelta(days=o): 5.0 for o in range(-10, 20)}
    paper = PaperAround(mood, sessions, 680, 250, shown=lambda s: s.id == 2)
    assert [s.id for s, _ in paper.curves] == [2]
    drawn = paper.curves[0][1]
    assert -2 not in drawn and -1 not in drawn  # days 1 and 2 after the first session
    assert -7 in drawn and -3 in drawn  # before the first; the first session's own day
    assert 8 in drawn  # up to 8 days after: a day later is the first's +12, still shown
    assert sorted(drawn) == [-7, -6, -5, -4, -3, *range(0, 15)]
    screen = AroundSessionsChart()
    screen.set_data(mood, sessions, {2})
    assert screen.shown_sessions == 1
    xs, ys = screen.mean_line.getData()
    assert [x for x, y in zip(xs.tolist(), ys.tolist(), strict=True) if y == y] == sorted(drawn)


def _induction_with_a_gap():  # noqa: ANN202
    """Six sessions in 18 days; no mood on days -2 and -1 of the first (reviewer's case)."""
    from moodlog.domain.treatments import Treatment

    first = dt.date(2026, 3, 10)
    sessions = []
    for number, offset in enumerate((0, 3, 7, 10, 14, 17), start=1):
        session = Treatment(first + dt.timedelta(days=offset), dt.time(10), "ketamine_iv")
        session.id = number
        sessions.append(session)
    mood = {first + dt.timedelta(days=o): 4.0 + o % 5 for o in range(-10, 40) if o not in (-2, -1)}
    return mood, sessions


def test_the_mean_is_not_drawn_across_a_day_without_it(qapp) -> None:  # noqa: ANN001
    """Reviewer: the bold mean and its band ran straight from day -3 to day 0 over two
    days no session had a mood (and day -7.. -3 of the first session alone made a
    "mean"). Gaps stay gaps; the mean needs 2 sessions that day when more are shown."""
    import math

    import moodlog.charts.paper as paper

    mood, sessions = _induction_with_a_gap()
    screen = AroundSessionsChart()
    screen.set_data(mood, sessions)
    xs, ys = screen.mean_line.getData()
    points = [(x, y) for x, y in zip(xs.tolist(), ys.tolist(), strict=True)]
    for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
        if not (math.isnan(y1) or math.isnan(y2)):
            assert x2 - x1 == 1, f"the mean joins day {x1} to day {x2}"
    drawn = [x for x, y in points if not math.isnan(y)]
    assert -1 not in drawn and -2 not in drawn

    seen: list[list[list[float]]] = []
    original = paper._polyline_path

    def spy(frame, runs):  # noqa: ANN001, ANN202
        runs = list(runs)
        seen.append([[x for x, _ in run] for run in runs])
        return original(frame, runs)

    chart = PaperAround(mood, sessions, 680, 250)
    image = QImage(680, 250, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(paper, "_polyline_path", spy)
        chart.draw(painter)
    painter.end()
    mean_runs = seen[-1]
    assert [x for run in mean_runs for x in run] == drawn
    for run in mean_runs:
        assert all(b - a == 1 for a, b in zip(run, run[1:], strict=False)), run


def test_a_day_with_no_neighbour_is_a_dot_not_nothing(qapp) -> None:  # noqa: ANN001
    """Reviewer: weekly sessions keep one day before each; a one-day piece of line
    draws nothing, on Trends and on paper. It is a dot now."""
    from moodlog.domain.treatments import Treatment

    first = dt.date(2026, 3, 10)
    sessions = [
        Treatment(first + dt.timedelta(days=o), dt.time(10), "ketamine_iv") for o in (0, 10)
    ]
    # One mood, on day 12: the second session's day +2, with no neighbour.
    mood = {first + dt.timedelta(days=12): 9.0}
    for shown, dots_expected in ((None, [[2.0], [9.0]]), ({2}, [[2.0], [9.0], [2.0], [9.0]])):
        for number, session in enumerate(sessions, start=1):
            session.id = number
        screen = AroundSessionsChart()
        screen.set_data(mood, sessions, shown)
        dots = [i for i in screen.plot.vb.addedItems if isinstance(i, pg.ScatterPlotItem)]
        # The session's dot; with it alone shown, the mean (that session) is a dot too.
        assert [p.tolist() for d in dots for p in d.getData()] == dots_expected
    blank = _paper_image(PaperAround({}, sessions, 680, 250), 680, 250)
    ours = _paper_image(PaperAround(mood, sessions, 680, 250), 680, 250)
    assert ours != blank  # (faint: too light for _differing_share's inked pixels)


@pytest.mark.parametrize(
    ("low", "high"), [(-0.9, 11), (-0.4, 10.4), (-7.42, 14.42), (-0.54, 27.54), (0, 1), (-3, 250)]
)
def test_axis_ticks_are_pyqtgraphs(qapp, low: float, high: float) -> None:  # noqa: ANN001
    axis = pg.AxisItem("left")
    for pixels in (40, 73.4, 132, 194.4, 245.1, 300, 624.15, 1000):
        theirs = [
            (s, [round(v, 9) for v in values]) for s, values in axis.tickValues(low, high, pixels)
        ]
        ours = [
            (s, [round(v, 9) for v in values]) for s, values in numeric_ticks(low, high, pixels)
        ]
        assert ours == theirs, pixels


@pytest.mark.parametrize("height", [110, 130, 150, 170])
def test_a_short_page_one_chart_keeps_its_mood_scale(qapp, contents, height: int) -> None:  # noqa: ANN001
    """Review finding: on a crowded page 1 (the chart shrunk to 110 px) the "0" of the
    mood axis was left out, measured 0.14 px too tall for the axis."""
    period = options().period
    chart = PaperTimeline(
        TrendData.build(contents, NOW), period.first, period.last, 680, height, False
    )
    shown = [text for _, text in chart.left_labels(chart.y_axes[0], chart.frames[0], chart.left)]
    assert shown == ["0", "5", "10"]


def test_long_periods_get_date_labels_that_do_not_collide(qapp) -> None:  # noqa: ANN001
    """Review finding: a mistyped year (a period of centuries) ran the year labels into
    each other; the axis now steps by up to 100 years."""
    chart = PaperTimeline(
        TrendData.build(build_demo(end=END, days=30, now=NOW), NOW),
        dt.date(1900, 1, 1),
        dt.date(2199, 12, 31),
        680,
        170,
        False,
    )
    labels = chart.bottom_labels(chart.x_axes[0], chart.frames[0], chart.fixed[0])
    assert len(labels) >= 2
    for (left, _), (right, _) in zip(labels, labels[1:], strict=False):
        assert right.left() - left.right() >= 6


def test_the_pdf_text_is_black_on_a_dark_desktop(qapp, contents) -> None:  # noqa: ANN001
    """Review finding: with a dark theme the report's text took the theme's near-white
    text colour and was barely visible on the white page."""
    from PySide6.QtGui import QPalette

    report = build_report(contents, options(), NOW)

    def dark_pixels() -> int:
        page = preview_pages(report)[0]
        return sum(
            QColor(page.pixel(x, y)).lightness() < 90
            for x in range(0, page.width(), 2)
            for y in range(0, page.height(), 2)
        )

    light = dark_pixels()
    original = qapp.palette()
    dark = QPalette(original)
    dark.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    qapp.setPalette(dark)
    try:
        assert dark_pixels() == light
    finally:
        qapp.setPalette(original)


def test_writing_a_pdf_imports_neither_pyqtgraph_nor_numpy(tmp_path) -> None:  # noqa: ANN001
    """Drawing the charts directly is what keeps an export's memory near a bare
    QPdfWriter's (issue 14 §1): the CLI's export and the Export screen's both go
    through export_pdf."""
    script = f"""
import datetime as dt, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from moodlog.domain.demo import build_demo
from moodlog.domain.period import Period
from moodlog.report.pdf import ReportOptions, export_pdf
end = dt.date(2026, 11, 30)
contents = build_demo(end=end, days=120, now=dt.datetime(2026, 11, 30, 12))
export_pdf(contents, ReportOptions(Period(end - dt.timedelta(days=90), end)),
           Path({str(tmp_path / "x.pdf")!r}), dt.datetime(2026, 11, 30, 12))
print(sorted({{m.split('.')[0] for m in sys.modules}} & {{'pyqtgraph', 'numpy'}}))
"""
    env = dict(os.environ)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "x.pdf").stat().st_size > 10_000


# -- issue 15: the PDF's words go through tr() -----------------------------------------


def test_the_pdf_and_the_safety_plan_take_a_translation(
    qapp, contents, tmp_path, pseudo_translation
) -> None:  # noqa: ANN001
    from moodlog.domain.safety import SafetyPlan
    from moodlog.report.pdf import SECTIONS
    from moodlog.report.safety_plan_pdf import safety_plan_html

    chosen = ReportOptions(
        Period(END - dt.timedelta(days=90), END),
        sections=set(SECTIONS),
        page_size=QPageSize(QPageSize.PageSizeId.A4),
    )
    report = export_pdf(contents, chosen, tmp_path / "t.pdf", NOW)
    plan = safety_plan_html(SafetyPlan(coping=["Walk"], reviewed_on=END), "GB")
    html = report.html
    for text in (
        "«moodlog — patient-reported summary»",
        "«Care»",
        "«Charts»",
        "«Treatment sessions»",
        "«Questionnaires»",
        "«Suicidal-ideation self-checks»",
        "«Date»",  # table headers
        "«Safety plan»",
        "«Journal excerpts (all entries with a note in this period)»",
    ):
        assert text in html, text
    assert "«Mood around sessions (" in html and " in this period)»" in html  # filled after
    first = " ".join(pypdf.PdfReader(tmp_path / "t.pdf").pages[0].extract_text().split())
    assert "«Self-reported data, not a clinical assessment»" in first
    assert "«page 1 of " in first  # the numbers are filled in after translation
    assert "«My safety plan»" in plan and "«Step {number}: {title}»" not in plan
    assert "«Step 2: «Internal coping strategies»»" in plan


def test_medication_changes_are_listed_by_date(qapp) -> None:  # noqa: ANN001
    """Sorted by the day, not by the day's text ("01 Dec" came before "02 Nov")."""
    from moodlog.domain.contents import VaultContents
    from moodlog.domain.treatments import Medication, MedicationEvent

    med = Medication(
        "Sertraline",
        events=[
            MedicationEvent(dt.date(2026, 12, 1), "change", 100, "once daily"),
            MedicationEvent(dt.date(2026, 11, 2), "start", 50, "once daily"),
        ],
    )
    html = pdf._medications_section(
        VaultContents(medications=[med]), Period(dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    )
    table = html[html.index("<table") :]
    assert table.index("02 Nov 2026") < table.index("01 Dec 2026")


@pytest.mark.parametrize("paper", [QPageSize.PageSizeId.A4, QPageSize.PageSizeId.Letter])
def test_each_chart_is_drawn_once_on_its_own_page_under_a_translation(
    qapp,  # noqa: ANN001
    contents,  # noqa: ANN001
    tmp_path,  # noqa: ANN001
    pseudo_translation,  # noqa: ANN001
    paper,  # noqa: ANN001
) -> None:
    """Review finding: with longer (translated) captions a chart whose line moved to the
    next page was also played on the page before, over its footer (a picture's own clip
    replaces the page's), and a caption ending in a closing quotation mark was glued to
    its chart, leaving half a page empty."""
    chosen = ReportOptions(Period(END - dt.timedelta(days=90), END), page_size=QPageSize(paper))

    def page_texts(name: str) -> list[str]:
        export_pdf(contents, chosen, tmp_path / name, NOW)
        reader = pypdf.PdfReader(tmp_path / name)
        return [" ".join(page.extract_text().split()) for page in reader.pages]

    pages = page_texts("translated.pdf")
    qapp.removeTranslator(pseudo_translation)
    english = page_texts("english.pdf")
    qapp.installTranslator(pseudo_translation)
    # Every chart's axis titles are drawn once, as in English: no page repeats a chart.
    for title in ("Days from session", "Mood (0-10)"):
        assert sum(p.count(title) for p in pages) == sum(p.count(title) for p in english)
    assert sum(p.count("Days from session") for p in pages) == 1
    # The charts page holds the timeline and the around-sessions chart.
    charts_page = next(page for page in pages if "«Charts»" in page)
    assert charts_page.count("Mood (0-10)") == 2 and "Days from session" in charts_page


def test_two_sessions_on_one_day_count_once_in_both_charts_means(qapp) -> None:  # noqa: ANN001
    """Clinician review: a session recorded twice on one day weighed that day's mood
    double in the bold mean, on Trends and in the PDF."""
    from moodlog.domain.treatments import Treatment

    first = dt.date(2026, 3, 1)
    sessions = []
    for number, (offset, kind) in enumerate(
        [(0, "ketamine_iv"), (0, "esketamine_nasal"), (20, "ketamine_iv")], start=1
    ):
        session = Treatment(first + dt.timedelta(days=offset), dt.time(10), kind)
        session.id = number
        sessions.append(session)
    mood = {first + dt.timedelta(days=o): v for o, v in {-1: 2.0, 1: 6.0, 19: 4.0, 21: 8.0}.items()}
    paper = PaperAround(mood, sessions, 680, 250)
    assert len(paper.curves) == 3  # a faint line for each session
    assert paper.mean[1] == (pytest.approx(7.0), pytest.approx(1.0), 2)  # not 6.67 of 3
    screen = AroundSessionsChart()
    screen.set_data(mood, sessions)
    xs, ys = screen.mean_line.getData()
    shown = {x: y for x, y in zip(xs.tolist(), ys.tolist(), strict=True) if y == y}
    assert shown[1] == pytest.approx(7.0) and shown[-1] == pytest.approx(3.0)


@pytest.mark.parametrize("days", [14, 30, 365, 3650])
def test_page_one_is_fitted_as_trying_each_level_in_turn_would(qapp, days) -> None:  # noqa: ANN001
    """fit_page_one searches by halving (one layout less for a year); it must choose
    what trying every level from the most detailed would (A4 and Letter)."""
    from PySide6.QtGui import QTextDocument

    from moodlog.domain.period import summarise
    from moodlog.locale_words import LOCALE

    now = dt.datetime(2026, 11, 1, 21)
    contents = build_demo(end=now.date(), days=3700)
    for paper in (QPageSize.PageSizeId.A4, QPageSize.PageSizeId.Letter):
        options = ReportOptions(
            period=Period.last_days(days, now.date()), page_size=QPageSize(paper)
        )
        summary = summarise(contents, options.period, now, LOCALE)
        body = pdf.PageGeometry(options.page_size).body_size_px()
        in_turn = None
        for detail in pdf.PAGE_ONE_DETAIL:
            html = pdf._page_one(summary, options, now.date(), detail)
            document = QTextDocument()
            document.setDefaultFont(pdf.report_font())
            document.setDocumentMargin(0)
            document.setPageSize(body)
            document.setHtml(pdf._STYLE + html)
            in_turn = (html, detail[3])
            if document.pageCount() <= 1:
                break
        assert pdf.fit_page_one(summary, options, now.date(), body) == in_turn
