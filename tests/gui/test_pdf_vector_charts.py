"""The PDF's charts are vectors (issue 14 §1): painted once, in the GUI thread, into
pictures that the pages play, also when the PDF is written in a worker thread; points
drawn for paper look as pyqtgraph draws them."""

from __future__ import annotations

import datetime as dt
import io
import threading

import pypdf
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPageSize, QPainter

from moodlog.charts.plots import PaperScatter, TrendData
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


def test_pdf_written_in_a_worker_thread_plays_pictures_recorded_before(
    qapp,  # noqa: ANN001
    contents,  # noqa: ANN001
    tmp_path,  # noqa: ANN001
    monkeypatch,  # noqa: ANN001
) -> None:
    """The export screen writes the PDF in a QThread, where the chart widgets must not
    be touched: build_report records every picture the PDF needs beforehand."""
    report = build_report(contents, options(), NOW)
    main = threading.get_ident()
    recorded_in: list[int] = []
    original = pdf.ReportCharts._record

    def record(self, scale, raster):  # noqa: ANN001, ANN202
        recorded_in.append(threading.get_ident())
        return original(self, scale, raster)

    monkeypatch.setattr(pdf.ReportCharts, "_record", record)
    pages: list[int] = []
    worker = threading.Thread(target=lambda: pages.append(write_pdf(report, tmp_path / "w.pdf")))
    worker.start()
    worker.join(60)
    assert pages and pages[0] >= 3
    assert recorded_in == []  # nothing recorded in the worker
    text = " ".join(pypdf.PdfReader(tmp_path / "w.pdf").pages[1].extract_text().split())
    assert "Days from session" in text
    preview_pages(report)  # the preview (GUI thread) draws images of its own
    assert recorded_in == [main]


def test_charts_for_paper_need_no_analysis(contents) -> None:  # noqa: ANN001
    whole = TrendData.build(contents, NOW)
    light = TrendData.build(contents, NOW, analysis=False)
    for name in ("mood", "trend", "treatments", "sessions", "medication_events"):
        assert getattr(light, name) == getattr(whole, name), name
    assert light.checkin_levels == whole.checkin_levels
    assert light.questionnaires == whole.questionnaires
    assert whole.responses and not light.responses


def _scatter_image(item: pg.ScatterPlotItem) -> QImage:
    """``item`` in a view, drawn as for paper (export mode) into an image."""
    view = pg.ViewBox()
    scene = pg.GraphicsScene()
    scene.addItem(view)
    view.setGeometry(QRectF(0, 0, 200, 200))
    view.setRange(QRectF(0, 0, 10, 10), padding=0)
    view.addItem(item)
    view.updateMatrix()
    item.setExportMode(True, {"antialias": True})
    image = QImage(200, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, 200, 200), QRectF(0, 0, 200, 200))
    painter.end()
    return image


@pytest.mark.parametrize("outline", [False, True])
def test_paper_points_look_as_pyqtgraph_draws_them(qapp, outline: bool) -> None:  # noqa: ANN001
    """PaperScatter draws points for paper with a few calls; the pixels are those of
    pyqtgraph drawing each point itself (overlapping points, outlined ones too)."""
    xs = [1, 1.3, 2, 5, 5.2, 8]
    ys = [1, 1.2, 6, 5, 5.1, 9]

    def make(kind: type) -> pg.ScatterPlotItem:
        item = kind(x=xs, y=ys, symbol="t", size=14, brush=pg.mkBrush("#e8c547"))
        item.setPen(pg.mkPen("black", width=1.5) if outline else None)
        return item

    ours = _scatter_image(make(PaperScatter))
    theirs = _scatter_image(make(pg.ScatterPlotItem))
    inked = sum(
        QColor(theirs.pixel(x, y)) != QColor("white") for x in range(200) for y in range(200)
    )
    differing = sum(
        abs(QColor(ours.pixel(x, y)).lightness() - QColor(theirs.pixel(x, y)).lightness()) > 40
        for x in range(200)
        for y in range(200)
    )
    assert inked > 500  # the six points were drawn
    assert differing <= inked * 0.02


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
