"""Page breaks of the therapist PDF (issue 15): no heading alone at the bottom of a page,
space between a table and the heading below it, and white space between the body and
the footer rule, on a year of demo data, on A4 and Letter."""

from __future__ import annotations

import datetime as dt
import io
import re

import pypdf
import pytest
from PySide6.QtGui import QColor, QImage, QPageSize, QTextCursor, QTextDocument

from moodlog.domain.demo import build_demo
from moodlog.domain.period import Period
from moodlog.report.pdf import (
    FOOTER,
    SECTIONS,
    TITLE,
    PageGeometry,
    Report,
    ReportOptions,
    build_report,
    make_document,
    preview_pages,
    write_pdf,
)

END = dt.date(2026, 11, 30)
NOW = dt.datetime(2026, 11, 30, 12)
PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}


@pytest.fixture(scope="module")
def contents():  # noqa: ANN201 - VaultContents
    return build_demo(end=END, days=365, now=NOW)


def year_report(contents, paper: str) -> Report:  # noqa: ANN001
    options = ReportOptions(
        Period(END - dt.timedelta(days=365), END),
        sections=set(SECTIONS),  # everything, journal too: hundreds of headings
        page_size=QPageSize(PAPERS[paper]),
    )
    return build_report(contents, options, NOW)


def headings(document: QTextDocument) -> set[str]:
    found = set()
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            found.add(_words(block.text()))
        block = block.next()
    return found


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_no_page_of_the_pdf_ends_with_a_heading(qapp, tmp_path, contents, paper) -> None:  # noqa: ANN001
    report = year_report(contents, paper)
    document = make_document(report, PageGeometry(report.options.page_size))
    titles = headings(document)
    assert len(titles) > 100  # the journal's entries each have one
    path = tmp_path / "summary.pdf"
    pages = write_pdf(report, path)
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    assert len(reader.pages) == pages > 10
    for number, page in enumerate(reader.pages, start=1):
        lines = [_words(line) for line in page.extract_text().splitlines() if line.strip()]
        body = [
            line
            for line in lines
            if not line.startswith((FOOTER, TITLE)) and not line.startswith("page ")
        ]
        assert body, f"page {number} has no body text"
        assert body[-1] not in titles, f"page {number} ends with the heading {body[-1]!r}"


def test_a_table_keeps_space_above_the_next_heading(qapp, contents) -> None:  # noqa: ANN001
    report = year_report(contents, "a4")
    document = make_document(report, PageGeometry(report.options.page_size))
    layout = document.documentLayout()
    checked = 0
    block = document.begin()
    while block.isValid():
        table = QTextCursor(block.previous()).currentTable() if block.previous().isValid() else None
        if block.blockFormat().headingLevel() and table is not None:
            last_cell = table.cellAt(table.rows() - 1, 0)
            row_bottom = layout.blockBoundingRect(last_cell.lastCursorPosition().block()).bottom()
            text_top = layout.blockBoundingRect(block).top() + block.layout().lineAt(0).y()
            assert text_top - row_bottom >= 14, block.text()
            checked += 1
        block = block.next()
    assert checked >= 1  # the self-check table is followed by "Questions for my therapist"


def test_white_space_between_the_body_and_the_footer_rule(qapp, contents) -> None:  # noqa: ANN001
    """The body (a table's last row too) is clipped at its bottom edge, and the footer
    rule is drawn well below it, with nothing painted in between."""
    report = year_report(contents, "a4")
    geometry = PageGeometry(report.options.page_size)
    page_width = geometry.page_size.size(QPageSize.Unit.Millimeter).width() / 25.4 * 96
    images = preview_pages(report, width_px=round(page_width))  # 1 image pixel = 1 px
    margin = geometry.margins_mm / 25.4 * 96
    body_bottom = margin + geometry.body_top + geometry.body_size_px().height()
    white = QColor("white").rgb()
    for number, image in enumerate(images, start=1):
        rows = [y for y in range(image.height()) if not _row_is_white(image, y, white)]
        rule = _rule_row(image, rows)
        assert rule - body_bottom >= 12, f"page {number}: rule {rule - body_bottom:.0f} px below"
        inked = [y for y in rows if body_bottom + 1 < y < rule - 1]
        assert not inked, f"page {number}: ink between the body and the footer rule"


def _words(text: str) -> str:
    """Text with any run of spaces, tabs or no-break spaces as one space (pypdf gives
    tabs between words)."""
    return " ".join(text.replace("\xa0", " ").split())


def _row_is_white(image: QImage, y: int, white: int) -> bool:
    return all(image.pixel(x, y) == white for x in range(0, image.width(), 2))


def _rule_row(image: QImage, rows: list[int]) -> int:
    """The footer rule: the lowest row inked across most of the width."""
    for y in reversed(rows):
        inked = sum(image.pixel(x, y) != QColor("white").rgb() for x in range(0, image.width(), 4))
        if inked > image.width() / 4 * 0.6:
            return y
    raise AssertionError("no footer rule found")


def test_tab_table_columns_start_at_their_stops(qapp, contents) -> None:  # noqa: ANN001
    """Review finding: with the stops set as a document-wide default before the HTML,
    Qt used its default stops every 80 px, and the questionnaire table's totals sat under
    "Questionnaire". Every row of every tab table has its layout's stops, and the text
    after a row's first tab starts at the first stop."""
    from moodlog.report.pdf import TAB_LAYOUTS

    report = year_report(contents, "a4")
    geometry = PageGeometry(report.options.page_size)
    document = make_document(report, geometry)
    width = geometry.body_size_px().width()
    rows = 0
    block = document.begin()
    while block.isValid():
        layout = TAB_LAYOUTS.get(block.userState())
        if layout is not None and "\t" in block.text():
            stops = [round(stop * width, 1) for stop in layout[0]]
            positions = [round(tab.position, 1) for tab in block.blockFormat().tabPositions()]
            assert positions == stops, block.text()
            line = block.layout().lineForTextPosition(block.text().index("\t") + 1)
            x = line.cursorToX(block.text().index("\t") + 1)[0]
            assert abs(x - stops[0]) < 2, (block.text(), x, stops[0])
            rows += 1
        block = block.next()
    assert rows > 10


@pytest.mark.parametrize(("lines", "moved"), [(2, False), (12, True)])
def test_a_charts_heading_and_caption_go_with_the_chart(qapp, lines, moved) -> None:  # noqa: ANN001
    """Review finding: "Mood around sessions" and its caption ended a page whose chart
    had moved to the next (the caption's line was on the page, so the heading stayed).
    The heading now starts the chart's page when the chart does not fit below it."""
    from PySide6.QtCore import QSizeF

    from moodlog.report.pdf import _chart_block, keep_headings_with_next

    document = QTextDocument()
    document.setHtml(
        "<p>a line</p>" * lines
        + "<h3>Mood around sessions</h3><p class='small'>Its caption.</p>"
        + _chart_block("around", 600, 300)
        + "<p>after</p>"
    )
    document.setPageSize(QSizeF(700, 600))
    heading = next(
        b
        for b in _blocks(document)
        if b.blockFormat().headingLevel() and b.text().startswith("Mood")
    )
    layout = document.documentLayout()
    assert keep_headings_with_next(document) == int(moved)
    heading_page = int(layout.blockBoundingRect(heading).top() // 600)
    chart = heading.next().next()
    chart_bottom = layout.blockBoundingRect(chart).bottom()
    assert heading_page == (1 if moved else 0)
    assert int((chart_bottom - 1) // 600) == heading_page  # the chart on the heading's page


def _blocks(document: QTextDocument):  # noqa: ANN202
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def test_a_pages_first_line_is_not_also_in_the_text_of_the_page_before(qapp, tmp_path) -> None:  # noqa: ANN001
    """Review finding: a line Qt moved to the top of a page (it would have crossed the
    page's edge by a fraction of a pixel) was also painted, clipped and unseen, at the
    bottom of the page before: the PDF's text layer had it on both pages, and search or
    copy found it twice. (Qt still paints, clipped, the last line of the page before at
    the top of the next one, the line before the first it shows: at most one line.)"""
    from moodlog.domain.contents import VaultContents
    from moodlog.domain.treatments import Treatment

    words = [f"w{i:05d}" for i in range(6000)]
    session = Treatment(dt.date(2026, 11, 10), dt.time(10), "ketamine_iv", notes=" ".join(words))
    options = ReportOptions(
        Period(dt.date(2026, 11, 1), END), page_size=QPageSize(QPageSize.PageSizeId.A4)
    )
    path = tmp_path / "long.pdf"
    write_pdf(build_report(VaultContents(treatments=[session]), options, NOW), path)
    pages = [  # (pypdf splits some words in two: the spaces are taken out first)
        re.findall(r"w\d{5}", "".join(page.extract_text().split()))
        for page in pypdf.PdfReader(path).pages
    ]
    pages = [page for page in pages if page]
    assert len(pages) >= 5
    assert {w for page in pages for w in page} == set(words)  # nothing lost
    for before, page in zip(pages, pages[1:], strict=False):
        earlier = set(before)
        repeated = 0
        while repeated < len(page) and page[repeated] in earlier:
            repeated += 1
        assert repeated <= 20, f"more than a line of {page[0]}.. is on both pages"
        first_shown = page[repeated]
        assert first_shown not in earlier, first_shown
        # The first line shown on this page: none of its words on the page before.
        assert not earlier & set(page[repeated : repeated + 8])
