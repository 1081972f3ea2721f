"""The therapist summary as a PDF, written with Qt (QTextDocument + QPdfWriter).

Why Qt and not reportlab: Qt is already our stack, embeds DejaVu fonts (any script,
emoji-safe fallbacks), keeps text real and searchable, and draws our charts from
the same data and look as the Trends screen. We paint each page ourselves so every page
gets the header ("moodlog \u2014 patient-reported summary", period, date) and the
footer ("Self-reported data, not a clinical assessment", page X of Y); long
tables repeat their header rows (``<thead>``) across pages, and the longest simple
one (questionnaire results) is tab-stopped paragraphs, ten times cheaper to lay out,
whose column titles paint_page repeats in a band under the page header.

Page 1 is fitted to one page (``fit_page_one``): long lists are shortened to their
latest items, saying where the rest is.

Charts are vectors, drawn with QPainter straight onto the page where the document lays
out its ``<img>`` (``ChartObject``, ``moodlog.charts.paper``): the same look as the
Trends screen's pyqtgraph charts, without building widgets or importing pyqtgraph and
numpy, and in any thread (the Export screen writes the PDF in a worker thread).

Privacy: charts exist in memory only; the PDF goes to a private temp file in the
target folder and is renamed into place; the title is generic and no author is
written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QImage,
    QPageSize,
    QPainter,
    QPalette,
    QPyTextObject,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
    QTextTable,
)

from moodlog.domain.analysis import (
    AROUND_CHART_RULE,
    OUTCOME_DEFINITIONS,
    SESSION_WINDOW_RULES,
    SEVEN_DAY_MEAN_RULE,
    SessionResponse,
)
from moodlog.domain.contents import VaultContents
from moodlog.domain.crisis import directory, lines_in_words, resources_for
from moodlog.domain.dates import EARLIEST_DAY
from moodlog.domain.period import (
    TREND_MEANING,
    Period,
    PeriodSummary,
    asked_unanswered,
    medications_on,
    summarise,
)
from moodlog.domain.questionnaires import DIFFICULTY_OPTIONS, PHQ9, band, repeated_days
from moodlog.domain.safety import (
    ANSWER_SHORT_LABELS,
    LEVEL_KEY,
    LEVEL_ORDER,
    LEVELS,
    REVIEW_EVERY_DAYS,
    SAFETY_PLAN_SECTIONS,
    URGENT_LEVELS,
    SICheckin,
)
from moodlog.domain.treatments import (
    BP_FLAG_AT,
    COURSE_NUMBER_RULE,
    KINDS,
    Treatment,
    course_label,
    course_numbers,
)
from moodlog.i18n import date_text, number_text, tr
from moodlog.locale_words import LOCALE
from moodlog.paths import export_target
from moodlog.report.safety_plan_pdf import plan_items_html
from moodlog.wording import QT_TR_NOOP, count_text

# Module texts are the English source strings (other modules and tests use them as
# they are); the report shows them through tr().
TITLE = QT_TR_NOOP("moodlog — patient-reported summary")
FOOTER = QT_TR_NOOP("Self-reported data, not a clinical assessment")
PDF_TITLE = "moodlog summary"  # file metadata: generic, the same in every language
NOT_ENCRYPTED_WARNING = QT_TR_NOOP(
    "The PDF itself is not encrypted. Anyone who gets the file can read "
    "it: keep it somewhere private and delete it when you no longer need it."
)
SECTIONS: dict[str, tuple[str, bool]] = {
    "summary": (QT_TR_NOOP("One-page summary (always)"), True),
    "charts": (QT_TR_NOOP("Charts"), True),
    "sessions": (QT_TR_NOOP("Treatment sessions"), True),
    "medications": (QT_TR_NOOP("Medication changes"), True),
    "questionnaires": (QT_TR_NOOP("Questionnaires (PHQ-9, GAD-7)"), True),
    "checkins": (QT_TR_NOOP("Suicidal-ideation check-ins"), True),
    "questions": (QT_TR_NOOP("Questions for my therapist"), True),
    "notes": (QT_TR_NOOP("Therapy notes"), True),
    "safety_plan": (QT_TR_NOOP("Safety plan"), True),
    "journal": (QT_TR_NOOP("Journal excerpts (you choose which)"), False),
}
CHART_KEY = QT_TR_NOOP(
    "Daily mood (points) with its 7-day mean, treatment sessions (vertical lines), "
    "medication changes (triangles at the bottom) and, along the top, each day's most "
    "concerning self-check (none: circle, low: triangle, moderate: diamond, incomplete: "
    "star, high: square, skipped: cross)."
)
# Under the charts when a booked appointment falls in the period (drawn dashed).
BOOKED_LINE_KEY = QT_TR_NOOP("Dashed line: a booked appointment, not yet a session.")
# The same without the self-checks: the patient left them out of the summary.
CHART_KEY_WITHOUT_CHECKINS = QT_TR_NOOP(
    "Daily mood (points) with its 7-day mean, treatment sessions (vertical lines) and "
    "medication changes (triangles at the bottom)."
)
# The mood chart on page 1, in logical (96 dpi) pixels.
PAGE_ONE_CHART = (680, 170)
# How much of each list page 1 shows, from everything down to the least that still
# says where the rest is: (PHQ-9 scores, dated check-ins with a yes, open questions,
# chart height). The first level whose page 1 fits on one page is used.
PAGE_ONE_DETAIL = (
    (None, None, 5, PAGE_ONE_CHART[1]),
    (26, 40, 5, PAGE_ONE_CHART[1]),
    (26, 24, 3, 150),
    (13, 12, 3, 130),
    (8, 6, 0, 110),
)
DEFAULT_SECTIONS = frozenset(key for key, (_, on) in SECTIONS.items() if on)
LOGICAL_DPI = 96  # QTextDocument lays out at 96 dpi; we scale to the printer's resolution
CHART_SCALE = 2.6  # chart pixels per logical pixel in chart images (ReportCharts.images)
PDF_RESOLUTION = 300  # dots per inch of the PDF's page coordinates
PDF_SCALE = PDF_RESOLUTION / LOGICAL_DPI  # device pixels per logical pixel in the PDF
# The charts' sizes in logical pixels (page 1's height is chosen by fit_page_one).
CHART_SIZES = {"timeline": (680, 450), "around": (680, 230)}
DASH = "\N{EN DASH}"
# The first day a report may cover (before it, a period's previous period could start
# before year 1). The last is today: a summary covers days that have happened (the
# Export screen's date fields and the command line keep to both).
FIRST_REPORT_DAY = EARLIEST_DAY


def parse_sections(text: str) -> set[str]:
    chosen = {part.strip() for part in text.split(",") if part.strip()}
    unknown = chosen - set(SECTIONS)
    if unknown:
        raise ValueError(
            f"unknown sections: {', '.join(sorted(unknown))}; choose from {', '.join(SECTIONS)}"
        )
    return chosen | {"summary"}


@dataclass
class ReportOptions:
    period: Period
    sections: set[str] = field(default_factory=lambda: set(DEFAULT_SECTIONS))
    patient_name: str = ""
    therapist_name: str = ""
    journal_entry_ids: set[int] | None = None  # None: every entry with a note in the period
    country: str = ""  # not chosen: the report names the local emergency number only
    page_size: QPageSize | None = None


class ReportCharts:
    """The report's charts: their data, measured and laid out when made (in the GUI
    thread, where the fonts are), then drawn straight onto the page wherever the
    document places them, in any thread (``moodlog.charts.paper``: no chart widgets,
    no pyqtgraph)."""

    def __init__(
        self,
        contents: VaultContents,
        options: ReportOptions,
        now: dt.datetime,
        page_one_height: int,
    ) -> None:
        from moodlog.charts.data import TrendData
        from moodlog.charts.paper import PaperAround, PaperTimeline, chart_font

        if "checkins" not in options.sections:
            # Left out by the patient: not marked along the charts' top either (review
            # finding: page 1 said "not included" above a chart showing each day's level).
            contents = without_self_checks(contents)
        data = TrendData.build(contents, now, analysis=False)  # not kept: the charts hold theirs
        period, font = options.period, chart_font()
        self.sizes = {"mood_small": (PAGE_ONE_CHART[0], page_one_height)}
        if "charts" in options.sections:
            self.sizes.update(CHART_SIZES)
        self.charts: dict[str, PaperTimeline | PaperAround] = {
            "mood_small": PaperTimeline(
                data, period.first, period.last, *self.sizes["mood_small"], False, font
            )
        }
        if "timeline" in self.sizes:
            self.charts["timeline"] = PaperTimeline(
                data, period.first, period.last, *self.sizes["timeline"], True, font
            )
            # The sessions before the period cut the first ones' days as in the table.
            sessions = [s for s in data.sessions if s.day <= period.last]
            mood = {day: value for day, value in data.mood.items() if day <= period.last}
            self.charts["around"] = PaperAround(
                mood,
                sessions,
                *self.sizes["around"],
                font,
                shown=lambda session: period.contains(session.day),
            )

    def draw(self, name: str, painter: QPainter, left: float, top: float) -> None:
        """Draw chart ``name`` with its top left corner at (left, top), in the painter's
        logical pixels; clipped to the chart and to any clip the painter has."""
        chart = self.charts.get(name)
        if chart is None:
            return
        width, height = self.sizes[name]
        painter.save()
        painter.translate(left, top)
        painter.setClipRect(QRectF(0, 0, width, height), Qt.ClipOperation.IntersectClip)
        chart.draw(painter)
        painter.restore()

    def images(self, scale: float = CHART_SCALE) -> dict[str, QImage]:
        """Each chart as an image on white (``scale`` image pixels per logical pixel)."""
        images = {}
        for name, (width, height) in self.sizes.items():
            image = QImage(round(width * scale), round(height * scale), QImage.Format.Format_RGB32)
            image.fill(QColor("white"))
            painter = QPainter(image)
            painter.scale(scale, scale)
            self.draw(name, painter, 0, 0)
            painter.end()
            image.setDevicePixelRatio(scale)
            images[name] = image
        return images


class ChartObject(QPyTextObject):
    """Draws the document's ``<img src='chart://NAME'>`` as the chart itself (the PDF),
    or as its image (the preview), in the box the HTML gives it (its width and height
    attributes)."""

    def __init__(self, charts: ReportCharts | dict[str, QImage], parent: QObject) -> None:
        super().__init__(parent)
        self.charts = charts

    def intrinsicSize(self, document, position, text_format) -> QSizeF:  # noqa: ANN001, N802
        image = text_format.toImageFormat()
        return QSizeF(image.width(), image.height())

    def drawObject(self, painter, rect, document, position, text_format) -> None:  # noqa: ANN001, N802
        if painter.hasClipping():
            page = painter.clipBoundingRect()
            if rect.top() < page.top() - 0.5 or rect.bottom() > page.bottom() + 0.5:
                # A chart on another page: a chart never straddles pages (its line moves
                # to the next page whole); drawing it here would paint over this page's
                # header or footer.
                return
        name = text_format.toImageFormat().name().removeprefix("chart://")
        if isinstance(self.charts, ReportCharts):
            self.charts.draw(name, painter, rect.left(), rect.top())
        elif name in self.charts:
            painter.drawImage(rect, self.charts[name])


def _element(tag: str, text: str) -> str:
    """``<tag>text</tag>``, the text escaped. (Its words are translated by the caller
    with ``tr("...")`` outside any f-string: lupdate does not read inside f-strings.)"""
    return f"<{tag}>{escape(text)}</{tag}>"


def _chart_key(sections: set[str], summary: PeriodSummary) -> str:
    """The charts' key, with the 7-day mean's rule (clinician review: it was printed
    nowhere) and, when it draws sessions of more than one kind, each kind's line pattern
    (print review: on a black-and-white printout the kinds' colours are one grey, and
    most lines have no label); without the self-checks when the patient left them out."""
    from moodlog.charts.data import session_kinds_key  # with the charts, as ReportCharts

    key = tr(CHART_KEY if "checkins" in sections else CHART_KEY_WITHOUT_CHECKINS)
    drawn = {t.kind for t in summary.sessions}
    # Named when they differ: with one kind, every line is of the kind its labels name.
    kinds = session_kinds_key(kind for kind in KINDS if kind in drawn) if len(drawn) > 1 else ""
    # A booked appointment in the period (later on its last day) is drawn dashed, whatever
    # its kind (``charts.data.style_session_pen``): said as such, never as its kind's
    # pattern (diff review: "ESK: dotted" stood under a dashed line, "dashed" nowhere).
    booked = summary.next_appointment
    in_period = booked is not None and summary.period.contains(booked.day)
    booked_key = tr(BOOKED_LINE_KEY) if in_period else ""
    return " ".join(part for part in (key, kinds, booked_key, tr(SEVEN_DAY_MEAN_RULE)) if part)


def _chart_block(name: str, width: int, height: int) -> str:
    """A chart in a paragraph of its own. An ``<img>`` right after a caption's ``</p>``
    joins the caption's paragraph, and where line breaking may not break before it (after
    a closing quotation mark, as translations end sentences) the caption's last word and
    the chart become one unbreakable piece, leaving half a page empty."""
    return f"<p style='margin:0'><img src='chart://{name}' width='{width}' height='{height}'></p>"


@dataclass
class Report:
    html: str
    charts: ReportCharts
    summary: PeriodSummary
    generated: dt.date
    options: ReportOptions


# -- building ------------------------------------------------------------------------


def _signed(value: float | None, digits: int = 1) -> str:
    """ "+1.5", "-0.3" (the locale's decimal separator)."""
    if value is None:
        return DASH
    return f"{value:+.{digits}f}"[0] + number_text(abs(value), digits)


def _day(day: dt.date) -> str:
    """ "01 Nov 2026": word dates in a fixed day-month order, the locale's month names."""
    return date_text(day, "dd MMM yyyy")


def _day_month(day: dt.date) -> str:
    return date_text(day, "dd MMM")


def _clock(time: dt.time) -> str:
    """ "21:30": the 24-hour clock, read the same way in every country on paper."""
    return f"{time:%H:%M}"


def _mg(value: float) -> str:
    """A dose as entered: "56", "0.5" (the locale's decimal separator)."""
    return QLocale().toString(float(value), "g", 6)


def _table(
    headers: list[str], rows: list[list[str | None]], widths: list[int] | None = None
) -> str:
    """A bordered table; a None cell is covered by the cell before it (one cell over
    several columns, so a long phrase is not broken mid-word in narrow columns)."""
    head = "".join(
        f"<th{' width=' + chr(34) + str(widths[i]) + '%' + chr(34) if widths else ''}>"
        f"{escape(h)}</th>"
        for i, h in enumerate(headers)
    )
    body = "".join("<tr>" + _row_cells(row) + "</tr>" for row in rows)
    return (
        f"<table class='data' width='100%' cellspacing='0' cellpadding='3' border='1'>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _row_cells(row: list[str | None]) -> str:
    cells = []
    for index, cell in enumerate(row):
        if cell is None:
            continue
        span = 1
        while index + span < len(row) and row[index + span] is None:
            span += 1
        attribute = f" colspan='{span}'" if span > 1 else ""
        cells.append(f"<td{attribute}>{escape(cell).replace(chr(10), '<br>')}</td>")
    return "".join(cells)


def _text(text: str) -> str:
    """User text as HTML: escaped, its line breaks kept."""
    return escape(text).replace("\n", "<br>")


# Long, simple tables (the questionnaire results, ~80 rows a year) are paragraphs with
# tab stops, not <table>: a QTextDocument table row costs ~1 ms to build, lay out and
# paint, a paragraph ~0.1 ms. Each paragraph carries its layout's number as its block's
# user state; make_document sets the tab stops (fractions of the body width).
QUESTIONNAIRE_HEADERS = (
    QT_TR_NOOP("Date"),
    QT_TR_NOOP("Questionnaire"),
    QT_TR_NOOP("Total"),
    QT_TR_NOOP("Band"),
    QT_TR_NOOP("PHQ-9 item 9"),
    QT_TR_NOOP("Difficulty"),
)
TAB_LAYOUTS: dict[int, tuple[tuple[float, ...], tuple[str, ...]]] = {
    1: ((0.14, 0.30, 0.37, 0.63, 0.78), QUESTIONNAIRE_HEADERS),
    # the same, its dates with a time ("16 Oct 2026 18:45": two results that day)
    2: ((0.20, 0.35, 0.42, 0.65, 0.79), QUESTIONNAIRE_HEADERS),
}


def _tab_table(layout: int, headers: list[str], rows: list[list[str]]) -> str:
    """Header and rows as tab-separated paragraphs, every other row shaded (the
    classes are in _STYLE: their CSS gives each paragraph its layout number)."""

    def cells(row: list[str]) -> str:
        return "\t".join(escape(" ".join(cell.split())) for cell in row)

    html = [f"<p class='tab{layout} tabhead'>{cells(headers)}</p>"]
    for index, row in enumerate(rows):
        html.append(f"<p class='tab{layout}{' shade' if index % 2 else ''}'>{cells(row)}</p>")
    return "".join(html)


def _set_tab_stops(document: QTextDocument, width: float) -> None:
    """Each tab-table paragraph gets its layout's tab stops (after ``setHtml``: the
    paragraphs' layouts are known only then; Qt ignores a document-wide default here,
    as every paragraph carries its own, empty, tab list)."""
    cursor = QTextCursor(document)
    formats = {}
    for layout, (stops, _) in TAB_LAYOUTS.items():
        block_format = QTextBlockFormat()
        block_format.setTabPositions(
            [QTextOption.Tab(stop * width, QTextOption.TabType.LeftTab) for stop in stops]
        )
        formats[layout] = block_format
    cursor.beginEditBlock()  # one layout pass for all the changes, not one each
    block = document.begin()
    while block.isValid():
        block_format = formats.get(block.userState())
        if block_format is not None:
            cursor.setPosition(block.position())
            cursor.mergeBlockFormat(block_format)
        block = block.next()
    cursor.endEditBlock()


# Days read before the previous period (the mood mean "previous N days"): the 7-day
# trend, each session's 7-day baseline and the previous session's +1..+7 window.
REPORT_MARGIN_DAYS = 30


def load_for_report(
    vault,  # noqa: ANN001
    options: ReportOptions,
    now: dt.datetime | None = None,
) -> VaultContents:
    """What the report reads from the vault, not all of it: entries from the previous
    period (minus a margin) on, and from earlier when the "Session durability" line
    needs them (the same days as Today's figure: the last maintenance sessions as of the
    end of the period, with the vault's setting of how many); their notes only when the
    journal section is on and only in the period; check-ins from 90 days before the
    period on (all up to its end when none is there: the latest check-in may be older);
    everything else whole (small tables; the course baseline and the last session may
    lie anywhere before)."""
    from moodlog.domain.booster import SETTING_LAST_SESSIONS
    from moodlog.insights import booster_entries_since

    period = options.period
    now = now or dt.datetime.now()
    treatments = vault.treatments.all()
    as_of = period.as_of(now)
    start: dt.date | None = period.previous().first - dt.timedelta(days=REPORT_MARGIN_DAYS)
    durability_start = booster_entries_since(vault, as_of, treatments)
    if durability_start is None or (start is not None and durability_start < start):
        start = durability_start
    before = period.first - dt.timedelta(days=1)
    entries = vault.entries.between(start, before, with_notes=False)
    entries += vault.entries.between(period.first, None, with_notes="journal" in options.sections)
    checkins = []  # not read at all when the patient leaves the self-checks out
    if "checkins" in options.sections:
        checkins = vault.checkins.all(period.first - dt.timedelta(days=90), None)
        if not any(c.day <= period.last for c in checkins):
            checkins = vault.checkins.all(None, period.last) + [
                c for c in checkins if c.day > period.last
            ]
    contents = VaultContents(
        entries=entries,
        questionnaires=vault.questionnaires.all(),
        checkins=checkins,
        treatments=treatments,
        medications=vault.medications.all(),
        session_notes=vault.session_notes.all(),
        questions=vault.questions.all(),
        safety_plan=vault.safety_plans.latest(),
        settings={SETTING_LAST_SESSIONS: vault.settings.get(SETTING_LAST_SESSIONS)},
    )
    return contents if "checkins" in options.sections else without_self_checks(contents)


def without_self_checks(contents: VaultContents) -> VaultContents:
    """What a summary may hold when the patient leaves the self-checks out: no
    check-in, and not the question a self-check marked "discuss" added (self-check
    data too: second diff review)."""
    return dataclasses.replace(
        contents,
        checkins=[],
        questions=[q for q in contents.questions if q.source != "self-check"],
    )


def build_report(contents: VaultContents, options: ReportOptions, now: dt.datetime) -> Report:
    """The report's HTML and charts (measured and laid out here, in the GUI thread);
    needs a QApplication for the charts' fonts."""
    from moodlog.report.pdf_writer import locale_page_size

    summary = summarise(contents, options.period, now, LOCALE)
    geometry = PageGeometry(options.page_size or locale_page_size())
    page_one, chart_height = fit_page_one(summary, options, now.date(), geometry.body_size_px())
    charts = ReportCharts(contents, options, now, chart_height)
    around_count = len(summary.responses)  # the past ketamine sessions in the period
    html = [_STYLE, page_one]
    s = options.sections
    period = options.period
    if "charts" in s:
        html.append(f"<h2 class='newpage'>{escape(tr('Charts'))}</h2>")
        # (print review: on a black-and-white printout the bands' fills are one grey)
        key = tr("PHQ-9 and GAD-7 with their severity bands, a thin line where two meet.")
        html.append(f"<p class='small'>{escape(_chart_key(s, summary))} {escape(key)}</p>")
        html.append(_chart_block("timeline", *CHART_SIZES["timeline"]))
        if around_count:
            title = tr("Mood around sessions ({count} in this period)").format(count=around_count)
            key = tr(AROUND_CHART_RULE)
            html.append(
                f"<h3>{escape(title)}</h3><p class='small'>{escape(key)}</p>"
                + _chart_block("around", *CHART_SIZES["around"])
            )
    if "sessions" in s:
        html.append(_sessions_section(contents, summary, now))
    if "medications" in s:
        html.append(_medications_section(contents, period))
    if "questionnaires" in s:
        html.append(_questionnaires_section(summary))
    if "checkins" in s:
        html.append(_checkins_section(contents, period))
    if "questions" in s or "notes" in s:
        html.append(_notes_and_questions(contents, summary, period, s))
    if "safety_plan" in s:
        html.append(_safety_plan_section(contents, options.country, now.date()))
    if "journal" in s:
        html.append(_journal_section(contents, options))
    return Report("".join(html), charts, summary, now.date(), options)


_STYLE = """
<style>
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; color: #1b1b1b; }
h1 { font-size: 15pt; color: #17393d; margin: 0; }
h2 { font-size: 12.5pt; color: #17393d; margin-top: 12px; margin-bottom: 4px; }
h3 { font-size: 10.5pt; color: #17393d; margin-top: 10px; margin-bottom: 3px; }
p { margin-top: 2px; margin-bottom: 4px; }
.small { font-size: 8.5pt; color: #444444; }
.newpage { page-break-before: always; }
table.data { border-color: #b8c4c6; border-style: solid; }
table.data th { background-color: #e4ecee; font-size: 8.5pt; text-align: left; }
table.data td { font-size: 8.5pt; }
.box { background-color: #fbf3e4; }
.label { color: #17393d; font-weight: bold; }
.note { margin-bottom: 5px; }
p.tab1 { -qt-user-state: 1; white-space: pre-wrap; margin: 0; font-size: 8.5pt; }
p.tab2 { -qt-user-state: 2; white-space: pre-wrap; margin: 0; font-size: 8.5pt; }
p.tabhead { background-color: #e4ecee; font-weight: bold; }
p.shade { background-color: #f1f5f6; }
</style>
"""


def _when(day: dt.date, generated: dt.date) -> str:
    days = (generated - day).days
    if days == 0:
        return tr("today")
    if days > 0:
        return tr("{days} ago").format(days=count_text(days, tr("day"), tr("days")))
    return tr("in {days}").format(days=count_text(-days, tr("day"), tr("days")))


def _care_line(summary: PeriodSummary, generated: dt.date) -> str:
    """Last session and next appointment, whether or not they fall in the period."""
    last = summary.last_session
    parts = [
        tr("last session {kind}, {date} ({when})").format(
            kind=_label(last.label), date=_day(last.day), when=_when(last.day, generated)
        )
        if last
        else tr("no session recorded")
    ]
    note = summary.last_therapy_note
    if note is not None:
        parts.append(
            tr("last therapy note {date} ({when})").format(
                date=_day(note.day), when=_when(note.day, generated)
            )
        )
    nxt = summary.next_appointment
    parts.append(
        tr("next appointment {kind}, {date} {time}").format(
            kind=_label(nxt.label), date=_day(nxt.day), time=_clock(nxt.time)
        )
        if nxt
        else tr("no next appointment booked")
    )
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def _scores_text(results: list) -> str:  # noqa: ANN001 (QuestionnaireResult)
    """ "04 Dec: 18, 11 Dec: 18" grouped by year ("2025 — 04 Dec: 18; 2026 — ...")
    when the results span more than one year."""
    years = sorted({q.day.year for q in results})
    repeated = repeated_days(results)

    def score(q) -> str:  # noqa: ANN001
        when = _day_month(q.day)
        if (q.instrument, q.day) in repeated:  # "16 Oct 09:00: 12, 16 Oct 18:45: 7"
            when += " " + _clock(q.time)
        return f"{when}: {q.total}"

    if len(years) == 1:
        return ", ".join(score(q) for q in results)
    return "; ".join(
        f"{year} \N{EM DASH} " + ", ".join(score(q) for q in results if q.day.year == year)
        for year in years
    )


def _phq9_series_line(summary: PeriodSummary, limit: int | None, has_table: bool) -> str:
    series = summary.phq9_series
    if not series:
        return tr("no scored PHQ-9 in this period.")
    shown = series if limit is None else series[-limit:]
    text = _scores_text(shown)
    hidden = len(series) - len(shown)
    if hidden:
        if has_table:
            earlier = tr("{count} earlier (in the Questionnaires section); ")
        else:
            earlier = tr("{count} earlier (not listed here); ")
        text = earlier.format(count=hidden) + text
    return text + "."


def _dose_range_text(doses: tuple[float, float, int] | None, sessions: int) -> str:
    """ " (dose 35 mg)", " (dose 35–50 mg)" or, when only some of the ``sessions`` had
    a dose recorded, " (dose 40 mg; recorded for 1)", for one kind; "" without one."""
    if doses is None:
        return ""
    low, high, recorded = doses
    if low == high:
        dose = tr("dose {dose} mg").format(dose=_mg(low))
    else:
        dose = tr("dose {low}{dash}{high} mg").format(low=_mg(low), dash=DASH, high=_mg(high))
    if recorded < sessions:
        dose += tr("; recorded for {count}").format(count=recorded)
    return f" ({dose})"


def _page_one_rows(
    summary: PeriodSummary, options: ReportOptions, generated: dt.date, phq_limit: int | None
) -> list[tuple[str, str]]:
    """Label and text of each line of page 1's overview table. (Keep them short:
    page 1 must stay one page.)"""
    rows = [(tr("Care"), _care_line(summary, generated))]
    rows.append((tr("Medications"), _medications_line(summary)))
    rows.append((tr("Mood"), summary.mood_words(LOCALE) + "."))
    late = summary.backfilled_entries
    logged = tr("{logged} of {days} logged").format(
        logged=summary.days_logged,
        days=count_text(summary.period.days, tr("day"), tr("days")),  # "0 of 1 day logged"
    ) + (
        tr("; {entries} filled in more than 48 h after the day").format(
            entries=count_text(late, tr("entry"), tr("entries"))
        )
        if late
        else tr("; no entries filled in later")
    )
    rows.append((tr("Logging"), logged + "."))
    rows.append((tr("PHQ-9"), _questionnaire_line(summary, PHQ9)))
    rows.append(
        (
            tr("PHQ-9 scores"),
            _phq9_series_line(summary, phq_limit, "questionnaires" in options.sections),
        )
    )
    if summary.item9 is not None:
        rows.append((tr("PHQ-9 item 9"), summary.item9.words(LOCALE) + "."))
    rows.append((tr("GAD-7"), _questionnaire_line(summary, "GAD-7")))
    if summary.sessions:
        kinds = ", ".join(
            f"{_label(label)} \N{MULTIPLICATION SIGN}{count}"
            + _dose_range_text(summary.dose_ranges.get(label), count)
            for label, count in summary.session_kinds.most_common()
        )
        text = tr("{count} in this period: {kinds}.")
        rows.append((tr("Sessions"), text.format(count=len(summary.sessions), kinds=kinds)))
    else:
        rows.append((tr("Sessions"), tr("none in this period.")))
    if summary.session_durability is not None:  # >= 3 maintenance sessions (issue 16)
        rows.append((tr("Session durability"), summary.session_durability[0]))
    return rows


# Page 1 names at most this many medications changed in the period (page 1 must stay one
# page; the Medications section lists every change).
PAGE_ONE_MEDICATION_CHANGES = 3


def _medications_line(summary: PeriodSummary) -> str:
    """What was taken at the end of the period, and what was started, changed or
    stopped within it: "none recorded" only when no medication is on record at all."""
    meds = "; ".join(summary.medications)
    if meds:
        text = tr("{medications} (taken at the end of the period).").format(medications=meds)
    elif summary.medications_recorded:
        text = tr("none taken at the end of the period.")
    else:
        return tr("none recorded.")
    changes = summary.medication_changes
    if changes:
        named = "; ".join(changes[:PAGE_ONE_MEDICATION_CHANGES])
        more = len(changes) - PAGE_ONE_MEDICATION_CHANGES
        if more > 0:
            named += "; " + tr("{count} more in the Medications section").format(count=more)
        text += " " + tr("In this period: {changes}.").format(changes=named)
    return text


def _page_one(
    summary: PeriodSummary,
    options: ReportOptions,
    generated: dt.date,
    detail: tuple[int | None, int | None, int, int] = PAGE_ONE_DETAIL[0],
) -> str:
    phq_limit, yes_limit, questions_top, chart_height = detail
    s = options.sections
    period_label, generated_label = tr("Period:"), tr("Generated:")
    parts = [
        f"<h1>{escape(tr(TITLE))}</h1>",
        f"<p><b>{escape(period_label)}</b> {escape(summary.period.describe(LOCALE))} &nbsp; "
        f"<b>{escape(generated_label)}</b> {_day(generated)}</p>",
    ]
    names = []
    if options.patient_name.strip():
        patient = tr("Patient:")
        names.append(f"<b>{escape(patient)}</b> {escape(options.patient_name.strip())}")
    if options.therapist_name.strip():
        for_whom = tr("For:")
        names.append(f"<b>{escape(for_whom)}</b> {escape(options.therapist_name.strip())}")
    if names:
        parts.append("<p>" + " &nbsp; ".join(names) + "</p>")
    rows = _page_one_rows(summary, options, generated, phq_limit)
    table = "".join(
        f"<tr><td width='15%' class='label'>{escape(k)}</td><td>{escape(v)}</td></tr>"
        for k, v in rows
    )
    parts.append(f"<table width='100%' cellspacing='0' cellpadding='1'>{table}</table>")
    durability = f" {summary.session_durability[1]}" if summary.session_durability else ""
    trend = tr("Mood {meaning}.").format(meaning=tr(TREND_MEANING))
    parts.append(
        f"<p class='small'>{escape(tr(OUTCOME_DEFINITIONS))} {escape(trend)}"
        f"{escape(durability)}</p>"
    )
    width = PAGE_ONE_CHART[0]
    parts.append(_chart_block("mood_small", width, chart_height))
    parts.append(f"<p class='small'>{escape(_chart_key(s, summary))}</p>")
    parts.append(_checkin_box(summary, "checkins" in s, yes_limit))
    if "questions" in s:
        parts.append(_questions_box(summary, questions_top))
    return "".join(parts)


def fit_page_one(
    summary: PeriodSummary, options: ReportOptions, generated: dt.date, body: QSizeF
) -> tuple[str, int]:
    """Page 1's HTML at the most detailed level that fits one page of ``body`` size
    (the least detailed if none does), and that level's chart height. Long lists (a year
    of weekly PHQ-9s, many check-ins) are shortened to their latest items, saying where
    the rest is.

    Each try lays the page out (~2.5 ms): the full detail first (most periods fit), then
    a halving search over the shorter levels, each shorter than the one before, so one
    that fits means every shorter one fits too (3 layouts for a year, where trying them
    in order took 4)."""

    def page(index: int) -> tuple[str, int]:
        detail = PAGE_ONE_DETAIL[index]
        return _page_one(summary, options, generated, detail), detail[3]

    def fits(html: str) -> bool:
        document = QTextDocument()
        document.setDefaultFont(report_font())
        document.setDocumentMargin(0)
        document.setPageSize(body)
        document.setHtml(_STYLE + html)
        return document.pageCount() <= 1

    first = page(0)
    if fits(first[0]):
        return first
    chosen = len(PAGE_ONE_DETAIL) - 1
    low, high = 1, len(PAGE_ONE_DETAIL) - 1
    while low <= high:
        middle = (low + high) // 2
        if fits(page(middle)[0]):
            chosen, high = middle, middle - 1
        else:
            low = middle + 1
    return page(chosen)


def _questionnaire_line(summary: PeriodSummary, name: str) -> str:
    first, latest = summary.first_results[name], summary.latest_results[name]
    course = summary.course[name]
    period = summary.period
    # With the year when the period spans more than one (review: "17 (07 Nov) → 8
    # (26 Oct)" on a 10-year summary did not say which years).
    when = _day_month if period.first.year == period.last.year else _day
    unscored = sum(1 for q in summary.results_in_period if q.instrument == name and not q.scored)
    if latest is None:
        # Said as it is (therapist review): "no result in this period" hid forms that
        # were partly answered, and the figures after it came from a result before the
        # period that the line did not name.
        if unscored:
            text = tr("no scored result in this period ({count} not scored: unanswered items)")
            text = text.format(count=unscored)
        else:
            text = tr("no result in this period")
        if course.last_result is not None:
            text += tr("; latest {total} ({band}) on {date}, before this period").format(
                total=course.last_result.total,
                band=_label(course.last_result.band),
                date=_day(course.last_result.day),
            )
    elif first is latest:
        text = tr("{total} ({band}) on {date}").format(
            total=latest.total, band=_label(latest.band), date=when(latest.day)
        )
    else:
        text = tr("{first} ({first_band}, {first_date}) {arrow} {latest} ({band}, {date})").format(
            first=first.total,
            first_band=_label(first.band),
            first_date=when(first.day),
            arrow="\N{RIGHTWARDS ARROW}",
            latest=latest.total,
            band=_label(latest.band),
            date=when(latest.day),
        )
    if latest is not None and unscored:
        text += tr("; {count} more not scored (unanswered items)").format(count=unscored)
    # Nothing since the course's first session: a change between two results taken
    # before treatment is not shown (clinician review), the line says so instead.
    none_since_start = course.outcome_status == "none_since_start"
    if course.baseline is not None and course.baseline is not course.latest:
        text += tr("; course baseline {total} ({date}, {rule})").format(
            total=course.baseline.total,
            date=_day(course.baseline.day),
            rule=tr(course.baseline_rule_text),  # which part of the rule gave it
        )
        if course.percent_change is not None:
            text += f", {_signed(course.percent_change, 0)}%"
        if name == PHQ9 or none_since_start:
            text += "; " + course.outcome_text(LOCALE)
    elif (name == PHQ9 and course.latest is not None) or none_since_start:
        text += "; " + course.outcome_text(LOCALE)
    return text + tr(". Self-report screening, not a diagnosis.")


def _level_text(checkin: SICheckin, name_unanswered: bool = False) -> str:
    """The level, and for ``incomplete`` what it stands for in this check-in's answers
    (:attr:`SICheckin.label`: a yes to wishing to be dead alone is not called a yes to
    thoughts of suicide). A check-in answered in part, with no yes, is "not answered",
    not "skipped" (review finding: "prefer not to answer" to wishing to be dead read as
    a skipped check-in on page 1); ``name_unanswered`` adds which questions, for page 1,
    which has no "Not answered" column."""
    if checkin.level == "skipped" and not checkin.skipped:
        word = tr("no yes; not all answered")
        if not name_unanswered:
            return word
        names = ", ".join(_label(ANSWER_SHORT_LABELS[k]) for k in asked_unanswered(checkin))
        return f"{word} ({names})"
    level = tr(checkin.level)
    return f"{level} ({tr(checkin.label)})" if checkin.level == "incomplete" else level


def _label(text: str | None) -> str:
    """A label from the domain (a level, a band, a kind of treatment) in the user's
    language (the domain marks them with QT_TR_NOOP)."""
    return tr(text) if text else (text or "")


def _dated_yes(yes: list[SICheckin], limit: int | None) -> list[SICheckin]:
    """The check-ins with a yes that page 1 dates when it must shorten the list: every
    urgent one, ``high`` or ``incomplete`` (the most recent ``limit`` if there are
    more; review finding: an incomplete one was only counted while low ones were
    dated), then the most recent others, in date order; the rest are counted by level."""
    if limit is None or len(yes) <= limit:
        return yes
    high = [c for c in yes if c.level in URGENT_LEVELS][-limit:]
    others = [c for c in yes if c.level not in URGENT_LEVELS]
    room = limit - len(high)
    kept = {id(c) for c in high + (others[-room:] if room > 0 else [])}
    return [c for c in yes if id(c) in kept]


def _checkin_box(summary: PeriodSummary, included: bool, yes_limit: int | None = None) -> str:
    if not included:
        body = escape(
            tr("Suicidal-ideation check-ins: not included in this summary (the patient's choice).")
        )
        return f"<table width='100%' cellpadding='5' class='box'><tr><td>{body}</td></tr></table>"
    counts = summary.checkin_counts
    total = sum(counts.values())
    line = ", ".join(f"{tr(level)} {counts[level]}" for level in LEVELS if level != "skipped")
    title = escape(tr("Suicidal-ideation self-check"))
    text = [
        f"<b>{title}</b> "
        + escape(
            tr("({count}): {levels}; skipped or not answered {skipped}.").format(
                count=count_text(total, tr("check-in"), tr("check-ins")),
                levels=line,
                skipped=summary.skipped_checkins,
            )
        )
    ]
    yes = summary.yes_checkins
    if yes:
        shown = _dated_yes(yes, yes_limit)
        dates = ", ".join(f"{_day(c.day)} ({tr(c.level)})" for c in shown)
        kept = {id(c) for c in shown}
        hidden = Counter(c.level for c in yes if id(c) not in kept)
        earlier = ""
        if hidden:
            levels = ", ".join(
                f"{tr(level)} {hidden[level]}" for level in reversed(LEVEL_ORDER) if hidden[level]
            )
            earlier = tr(
                "{count} not dated here ({levels}; listed in the self-check table); "
            ).format(count=sum(hidden.values()), levels=levels)
        heading = escape(tr("Any yes ({count}):").format(count=len(yes)))
        text.append(f"<br><b>{heading}</b> {escape(earlier + dates)}.")
    else:
        text.append("<br>" + escape(tr("No yes answers in this period.")))
    latest = summary.latest_checkin
    heading = escape(tr("Latest check-in:"))
    if latest is None:
        text.append(f"<br><b>{heading}</b> " + escape(tr("none recorded.")))
    else:
        when = f"{_day(latest.day)} {_clock(latest.time)}"
        if latest.day < summary.period.first:
            line = tr("{when}, {level} (before this period).")
        else:
            line = tr("{when}, {level}.")
        text.append(
            f"<br><b>{heading}</b> "
            + escape(line.format(when=when, level=_level_text(latest, name_unanswered=True)))
        )
    if summary.flagged_checkins_to_discuss:
        times = count_text(summary.flagged_checkins_to_discuss, tr("time"), tr("times"))
        text.append(
            "<br>"
            + escape(tr("The patient asked to talk about this ({times}).").format(times=times))
        )
    legend = "; ".join(
        f"{tr(level)}: {tr(LEVEL_KEY[level])}"
        for level in ("low", "moderate", "incomplete", "high")
    )
    source = tr("Self-check adapted from the C-SSRS screener structure, not a clinical assessment.")
    text.append(f"<br><span class='small'>{escape(legend)}. {escape(source)}</span>")
    return (
        f"<table width='100%' cellpadding='5' class='box'><tr><td>{''.join(text)}</td></tr></table>"
    )


def _questions_box(summary: PeriodSummary, top: int = 5) -> str:
    heading = escape(tr("Open questions for the therapist:"))
    if not summary.open_questions:
        none = tr("none.")
        return f"<p><b>{heading}</b> {escape(none)}</p>"
    if top <= 0:
        count = len(summary.open_questions)
        later = escape(tr("{count}, listed on a later page.").format(count=count))
        return f"<p><b>{heading}</b> {later}</p>"
    flagged = escape(tr(" (flagged)"))
    items = "".join(
        f"<li>{escape(q.text)}{flagged if q.flagged else ''}</li>"
        for q in summary.open_questions[:top]
    )
    more = len(summary.open_questions) - top
    more_text = tr("and {count} more on a later page.")
    extra = f"<p class='small'>{escape(more_text.format(count=more))}</p>" if more > 0 else ""
    title = escape(tr("Open questions for the therapist"))
    return f"<h3>{title}</h3><ol>{items}</ol>{extra}"


def _response_cells(r: SessionResponse) -> list[str | None]:
    """Base, Day +1 and the three windows. Phrases stay whole in the narrow columns: a
    baseline that overlaps the previous session takes the five cells (nothing after it
    can be compared), windows after the next session share one cell, and a window cut
    short puts "(to next session)" on its own lines."""
    if r.baseline is None and r.baseline_status == "overlaps_previous_session":
        return [r.baseline_words(LOCALE), None, None, None, None]
    cells: list[str | None] = [r.baseline_words(LOCALE), _signed(r.day1_change)]
    for index in range(3):
        status = r.window_status[index]
        if status == "after_next_session" and index and r.window_status[index - 1] == status:
            cells.append(None)
        elif status == "cut":
            change = r.window_changes[index]
            cells.append(_signed(change) + "\n" + tr("(to next\nsession)"))
        else:
            cells.append(r.window_text(index, LOCALE))
    return cells


def _dose_cell(t: Treatment) -> str:
    """The dose, and an infusion's minutes when recorded (therapist review: neither the
    minutes nor the blood pressure reached the PDF)."""
    dose = t.dose_text(LOCALE) or DASH
    if t.infusion_minutes:
        dose += "\n" + tr("over {minutes} min").format(minutes=t.infusion_minutes)
    return dose


def _bp_text(t: Treatment) -> str:
    """ "BP before 128/80", "BP after 192/118 (at or above 180/110)", one a line: either
    reading at or above the app's flag says so (a high reading before the session,
    unflagged beside flagged ones after, read as if it were under it)."""
    lines = []
    for wording, reading in (
        (tr("BP before {reading}"), t.bp_before),
        (tr("BP after {reading}"), t.bp_after),
    ):
        if reading is None:
            continue
        line = wording.format(reading=reading)
        if reading.flagged:
            flag = f"{BP_FLAG_AT[0]}/{BP_FLAG_AT[1]}"
            line += " " + tr("(at or above {flag})").format(flag=flag)
        lines.append(line)
    return "\n".join(lines)


# A session number the patient typed in is theirs and wins over the worked-out count
# (issue 15); the table marks it, so a therapist can tell a count that restarts or jumps
# mid-course from the rule printed above it (diff review of the course numbering).
TYPED_NUMBER_MARK = "\N{DAGGER}"
TYPED_NUMBER_KEY = QT_TR_NOOP(
    "{mark} A number the patient typed in; later sessions of that kind count on from it."
)


def _sessions_section(contents: VaultContents, summary: PeriodSummary, now: dt.datetime) -> str:
    numbers = course_numbers(contents.treatments)
    responses = {id(r.session): r for r in summary.responses}
    rows = []
    for t in summary.sessions:
        r = responses.get(id(t))
        # One effect a line, whole words only: a narrow column must not break words.
        effects = "\n".join(
            f"{_label(k)} ({_label(v)})" for k, v in t.side_effects.items() if v != "none"
        )
        number = course_label(t, numbers[id(t)], tr)
        if t.course_number is not None:
            number += TYPED_NUMBER_MARK
        rows.append(
            [
                _day(t.day),
                f"{_label(t.label)} ({number})",
                _dose_cell(t),
                "\n".join(part for part in (effects, _bp_text(t)) if part) or tr("none recorded"),
                DASH if t.dissociation is None else str(t.dissociation),
                *(_response_cells(r) if r else [DASH] * 5),
                r.durability_words(LOCALE) if r else DASH,
            ]
        )
    upcoming = [t for t in contents.treatments if t.is_appointment(now)]
    html = [f"<h2 class='newpage'>{escape(tr('Treatment sessions'))}</h2>"]
    if rows:
        rules = tr(
            "Changes are against that baseline. Diss.: the patient's own 0-10 dissociation "
            "rating, not a clinical scale."
        )
        typed = ""
        if any(t.course_number is not None for t in summary.sessions):
            typed = " " + tr(TYPED_NUMBER_KEY).format(mark=TYPED_NUMBER_MARK)
        html.append(
            f"<p class='small'>{escape(tr(COURSE_NUMBER_RULE) + typed)} "
            f"{escape(tr(SESSION_WINDOW_RULES))} {escape(rules)}</p>"
        )
        html.append(
            _table(
                [
                    tr("Date"),
                    tr("Kind"),
                    tr("Dose"),
                    tr("Side effects, BP"),
                    tr("Diss."),
                    tr("Base"),
                    tr("Day +1"),
                    "+1..3",
                    "+4..7",
                    "+8..14",
                    tr("Durability"),
                ],
                rows,
                [9, 13, 8, 17, 6, 6, 6, 8, 8, 8, 11],
            )
        )
    else:
        html.append(_element("p", tr("No treatment sessions in this period.")))
    if upcoming:
        nxt = min(upcoming, key=lambda t: t.starts_at)
        text = tr("Next appointment: {kind}, {date} {time}.").format(
            kind=_label(nxt.label), date=_day(nxt.day), time=_clock(nxt.time)
        )
        html.append(f"<p>{escape(text)}</p>")
    return "".join(html)


def _medications_section(contents: VaultContents, period: Period) -> str:
    dated = []
    for med in contents.medications:
        for event in med.events:
            if period.contains(event.day):
                dose = f"{_mg(event.dose)} {med.unit}" if event.dose is not None else DASH
                row = [_day(event.day), med.name, _label(event.event), dose, event.frequency]
                dated.append((event.day, [*row, event.reason]))
    rows = [row for _, row in sorted(dated, key=lambda pair: (pair[0], pair[1][1:]))]
    taking_now = medications_on(contents.medications, period.last, LOCALE)
    current = "; ".join(taking_now) or (tr("none") if contents.medications else tr("none recorded"))
    taking = tr("Taking at the end of the period: {medications}.").format(medications=current)
    html = [_element("h2", tr("Medications")), f"<p>{escape(taking)}</p>"]
    if rows:
        headers = [tr("Date"), tr("Medication"), tr("Change"), tr("Dose"), tr("Frequency")]
        html.append(_table([*headers, tr("Reason")], rows))
    else:
        html.append(_element("p", tr("No medication changes in this period.")))
    return "".join(html)


def _questionnaires_section(summary: PeriodSummary) -> str:
    rows = []
    repeated = repeated_days(summary.results_in_period)
    for q in summary.results_in_period:
        total = DASH if q.total is None else str(q.total)
        item9 = DASH  # GAD-7 has no item 9
        if q.instrument == PHQ9:
            item9 = tr("not answered") if q.answers[8] is None else str(q.answers[8])
        # The unscored functional-difficulty answer (clinician review: kept, printed
        # nowhere), in the form's own words.
        difficulty = DASH if q.difficulty is None else tr(DIFFICULTY_OPTIONS[q.difficulty])
        when = _day(q.day)
        if (q.instrument, q.day) in repeated:  # which came first decides the change
            when += " " + _clock(q.time)
        rows.append(
            [
                when,
                q.instrument,
                total,
                _label(band(q.instrument, q.total)) or tr("not scored (unanswered items)"),
                item9,
                difficulty,
            ]
        )
    bands = tr(
        "PHQ-9 bands: 0-4 minimal, 5-9 mild, 10-14 moderate, 15-19 moderately severe, "
        "20-27 severe. GAD-7: 0-4 minimal, 5-9 mild, 10-14 moderate, 15-21 severe. "
        "Self-report screening, not a diagnosis."
    )
    html = [_element("h2", tr("Questionnaires")), f"<p class='small'>{escape(bands)}</p>"]
    for name in ("PHQ-9", "GAD-7"):
        html.append(f"<p>{escape(summary.course[name].describe(LOCALE))}</p>")
    if rows:
        layout = 2 if repeated else 1
        html.append(_tab_table(layout, [tr(h) for h in QUESTIONNAIRE_HEADERS], rows))
    else:
        html.append(_element("p", tr("No questionnaires in this period.")))
    return "".join(html)


def _checkins_section(contents: VaultContents, period: Period) -> str:
    """Every check-in with a yes, with a question left unanswered (skipped ones
    included) or marked to discuss, and the count of the rest (every question answered
    no, nothing to discuss)."""
    checkins = sorted(
        (c for c in contents.checkins if period.contains(c.day)), key=lambda c: (c.day, c.time)
    )
    html = [_element("h2", tr("Suicidal-ideation self-checks"))]
    if not checkins:
        return "".join(html) + _element("p", tr("No self-checks in this period."))
    rows = []
    for c in checkins:
        yes = [_label(ANSWER_SHORT_LABELS[k]) for k, v in c.answers.items() if v is True]
        unanswered = asked_unanswered(c)
        if not yes and not unanswered and not c.skipped and not c.discuss:
            continue
        rows.append(
            [
                f"{_day(c.day)} {_clock(c.time)}",
                _level_text(c),
                ", ".join(yes) if yes else DASH,
                tr("all (skipped)")
                if c.skipped
                else ", ".join(_label(ANSWER_SHORT_LABELS[k]) for k in unanswered) or DASH,
                tr("yes") if c.discuss else "",
            ]
        )
    rest = len(checkins) - len(rows)
    listed = (
        tr(
            "Listed: the {count} with any yes, any question not answered, or marked to discuss."
        ).format(count=len(rows))
        if rows
        else tr("None had a yes, a question left unanswered, or a request to discuss it.")
    )
    counts = tr("{count} in this period.").format(
        count=count_text(len(checkins), tr("check-in"), tr("check-ins"))
    )
    rest_text = tr(
        "Not listed: {count} with every question answered no and no request to discuss."
    ).format(count=rest)
    html.append(f"<p>{escape(counts)} {escape(listed)} {escape(rest_text)}</p>")
    if rows:
        html.append(
            _table(
                [tr("Date"), tr("Level"), tr("Answered yes"), tr("Not answered"), tr("To discuss")],
                rows,
                [19, 25, 25, 21, 10],
            )
        )
    return "".join(html)


def _notes_and_questions(
    contents: VaultContents, summary: PeriodSummary, period: Period, sections: set[str]
) -> str:
    html = []
    if "questions" in sections:
        html.append(_element("h2", tr("Questions for my therapist")))
        if summary.open_questions:
            items = []
            for q in summary.open_questions:
                added = (
                    tr("(added {date}, flagged)") if q.flagged else tr("(added {date})")
                ).format(date=_day(q.created_on))
                items.append(
                    f"<li>{escape(q.text)} <span class='small'>{escape(added)}</span></li>"
                )
            html.append("<ol>" + "".join(items) + "</ol>")
        else:
            html.append(_element("p", tr("No open questions.")))
    if "notes" in sections:
        notes = [n for n in contents.session_notes if period.contains(n.day)]
        html.append(_element("h2", tr("Therapy notes")))
        if notes:
            labels = (tr("Worked on:"), tr("Insights:"), tr("Homework / practices:"))
            for n in notes:
                texts = zip(labels, (n.worked_on, n.insights, n.homework), strict=True)
                html.append(_note_paragraph(f"<b>{_day(n.day)}</b>", _labelled_texts(texts)))
        else:
            html.append(_element("p", tr("No therapy notes in this period.")))
        html.append(_session_texts(summary.sessions))
    return "".join(html)


def _session_texts(sessions: list[Treatment]) -> str:
    """What the patient wrote about each of the period's ``sessions`` (those that have
    happened, in time order: an appointment later today is the sessions table's "next
    appointment", not a session here), the session dialog's free-text fields in its
    words: a paragraph a session with any such text. Before, only the integration
    note was printed, and a session's notes and how the patient felt afterwards were in
    the vault but on no page."""
    fields = (
        (tr("Intention:"), "intention"),
        (tr("How I felt afterwards:"), "after_feeling"),
        (tr("Notes:"), "notes"),
        (tr("Integration (what came up):"), "integration"),
    )
    paragraphs = []
    for t in sessions:
        parts = _labelled_texts((label, getattr(t, name)) for label, name in fields)
        if parts:
            heading = f"<b>{_day(t.day)} {escape(_label(t.label))}</b>"
            paragraphs.append(_note_paragraph(heading, parts))
    if not paragraphs:
        return ""
    return _element("h3", tr("What I wrote about my sessions")) + "".join(paragraphs)


def _labelled_texts(labelled: Iterable[tuple[str, str]]) -> list[str]:
    """The texts that are not empty, each after its (translated) label, as a note
    paragraph shows them."""
    return [
        f"<span class='label'>{escape(label)}</span> {_text(text)}"
        for label, text in labelled
        if text.strip()
    ]


def _note_paragraph(heading: str, parts: list[str]) -> str:
    """A therapy note's or a session's texts as one paragraph after its dated heading
    (a paragraph a note: a table row costs ten times more to lay out)."""
    return "<p class='note'>" + " &nbsp;\N{MIDDLE DOT}&nbsp; ".join([heading, *parts]) + "</p>"


def _safety_plan_section(contents: VaultContents, country: str, generated: dt.date) -> str:
    """The patient's plan, step by step, saying which steps are not filled in and, with
    no plan at all, that there is none (review finding: the section and its crisis line
    were left out without a word, even after a high self-check); the crisis line
    always."""
    plan = contents.safety_plan
    html = [f"<h2 class='newpage'>{escape(tr('Safety plan'))}</h2>"]
    if plan is None or plan.is_empty():
        no_plan = (
            tr("No safety plan recorded in moodlog.")
            if plan is None
            else tr("The safety plan in moodlog is empty.")
        )
        html.append(f"<p>{escape(no_plan)}</p>")
    else:
        # (A plan imported without a review date has none: said so, as on the screens.)
        reviewed = (
            tr("Last reviewed {date}.").format(date=_day(plan.reviewed_on))
            if plan.reviewed_on
            else tr("No review date.")
        )
        if plan.review_due(generated):  # (as Today prompts: every 90 days)
            reviewed += " " + tr("A review is due (every {days} days).").format(
                days=REVIEW_EVERY_DAYS
            )
        html.append(f"<p class='small'>{escape(reviewed)}</p>")
        empty = []
        for key, title, _ in SAFETY_PLAN_SECTIONS:
            if getattr(plan, key):
                html.append(f"<h3>{escape(tr(title))}</h3>{plan_items_html(plan, key)}")
            else:
                empty.append(tr(title))
        if empty:
            text = tr("Not filled in: {steps}.").format(steps="; ".join(empty))
            html.append(f"<p class='small'>{escape(text)}</p>")
    res = resources_for(country)
    emergency = tr(res.emergency)  # (without a country: "your local emergency number")
    if res.lines:
        lines = lines_in_words(res, tr)
        crisis = tr("Crisis lines: {lines}; in an emergency: {emergency}.").format(
            lines=lines, emergency=emergency
        )
    else:  # (review finding: it read "Crisis lines: emergency your local emergency number.")
        crisis = tr(
            "Crisis line: your local crisis line ({address} lists them); in an emergency: "
            "{emergency}."
        ).format(address=directory()[1], emergency=emergency)
    html.append(f"<p>{escape(crisis)}</p>")
    return "".join(html)


def _journal_section(contents: VaultContents, options: ReportOptions) -> str:
    chosen = [
        e
        for e in contents.entries
        if options.period.contains(e.day)
        and e.note.strip()
        and (options.journal_entry_ids is None or e.id in options.journal_entry_ids)
    ]
    heading = (
        tr("Journal excerpts (all entries with a note in this period)")
        if options.journal_entry_ids is None
        else tr("Journal excerpts (chosen by the patient)")
    )
    html = [f"<h2 class='newpage'>{escape(heading)}</h2>"]
    if not chosen:
        return "".join(html) + _element("p", tr("No journal entries chosen."))
    for e in chosen:
        title = tr("{date} {time} {dot} mood {mood}").format(
            date=date_text(e.day, "ddd dd MMM yyyy"),
            time=_clock(e.time),
            dot="\N{MIDDLE DOT}",
            mood=e.mood,
        )
        html.append(f"<h3>{escape(title)}</h3><p>{escape(e.note).replace(chr(10), '<br>')}</p>")
    return "".join(html)


# -- painting ---------------------------------------------------------------------------


@dataclass
class PageGeometry:
    page_size: QPageSize
    margins_mm: float = 16.0
    header_px: float = 34.0
    footer_px: float = 38.0
    footer_gap_px: float = 14.0  # white space between the body (a table's last row) and the rule
    band_px: float = 15.0  # under the header: a tab table's column titles when it goes on

    @property
    def body_top(self) -> float:
        return self.header_px + self.band_px

    def content_size_px(self) -> QSizeF:
        size_mm = self.page_size.size(QPageSize.Unit.Millimeter)
        to_px = LOGICAL_DPI / 25.4
        return QSizeF(
            (size_mm.width() - 2 * self.margins_mm) * to_px,
            (size_mm.height() - 2 * self.margins_mm) * to_px,
        )

    def body_size_px(self) -> QSizeF:
        content = self.content_size_px()
        return QSizeF(content.width(), content.height() - self.body_top - self.footer_px)


def report_font(pixel_size: int | None = None) -> QFont:
    """DejaVu Sans without ligatures, so "fi" stays two letters when a clinician copies
    or searches the text."""
    font = QFont("DejaVu Sans", 9)
    if pixel_size:
        font.setPixelSize(pixel_size)
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def make_document(report: Report, geometry: PageGeometry, preview: bool = False) -> QTextDocument:
    """The report laid out in pages of the body's size, its charts drawn as the PDF's
    vectors, or for a ``preview`` as images (vectors painted small on screen would draw
    their hairlines and grid heavier than paper shows them)."""
    document = QTextDocument()
    document.setDefaultFont(report_font())
    document.setDocumentMargin(0)
    handler = ChartObject(report.charts.images() if preview else report.charts, document)
    document.documentLayout().registerHandler(QTextFormat.ObjectTypes.ImageObject, handler)
    document.setHtml(report.html)
    # The page size after the changes to the formats: then everything is laid out once.
    _set_tab_stops(document, geometry.body_size_px().width())
    _space_headings_after_tables(document)
    document.setPageSize(geometry.body_size_px())
    keep_headings_with_next(document)
    return document


HEADING_AFTER_TABLE_PX = 18.0


def _space_headings_after_tables(document: QTextDocument) -> None:
    """Qt ignores a heading's top margin when a table ends just above it, which glued the
    heading to the table's last row: such a table gets the space below it instead.
    (Tables are found as the root frame's children: looking at every block's format
    cost ~16 ms for a 10-year report.)"""
    for frame in document.rootFrame().childFrames():
        if not isinstance(frame, QTextTable):
            continue
        block = document.findBlock(frame.lastPosition() + 1)
        if not block.isValid() or not block.blockFormat().headingLevel():
            continue
        table_format = frame.format()
        table_format.setBottomMargin(
            max(table_format.bottomMargin(), block.blockFormat().topMargin())
            + HEADING_AFTER_TABLE_PX
        )
        frame.setFormat(table_format)


def _first_line_bottom(document: QTextDocument, block: QTextBlock) -> float:
    """Where the first line of ``block`` ends, in document coordinates (a line Qt moved
    to the next page is there, even when the block itself starts on the page before)."""
    rect = document.documentLayout().blockBoundingRect(block)
    layout = block.layout()
    if layout is None or layout.lineCount() == 0:
        return rect.bottom()
    return rect.top() + layout.lineAt(0).rect().bottom()


def _is_chart(block: QTextBlock) -> bool:
    """A chart's own paragraph (:func:`_chart_block`): one image and nothing else."""
    if not block.isValid() or block.text() != "\N{OBJECT REPLACEMENT CHARACTER}":
        return False
    fragment = block.begin().fragment()
    return fragment.isValid() and fragment.charFormat().isImageFormat()


def _kept_with_heading(block: QTextBlock) -> QTextBlock:
    """The block a heading must share its page with: the next one, or, when that is a
    chart's caption, the chart (review finding: "Mood around sessions" and its caption
    ended a page whose chart had moved to the next)."""
    following = block.next()
    after = following.next()
    if not _is_chart(following) and _is_chart(after):
        return after
    return following


def keep_headings_with_next(document: QTextDocument) -> int:
    """No heading alone at the bottom of a page: a heading whose next line (a
    paragraph's or a table's first row; a chart's, after its caption) is on the next
    page starts that page itself. Headings are taken in order, so a moved one moves
    what follows it before the next is looked at. Returns how many headings were
    moved."""
    height = document.pageSize().height()
    layout = document.documentLayout()
    moved = 0
    block = document.begin()
    while block.isValid():
        following = block.next()
        if block.blockFormat().headingLevel() and following.isValid():
            rect = layout.blockBoundingRect(block)
            page = int(rect.top() // height)
            kept = _kept_with_heading(block)
            next_page = int((_first_line_bottom(document, kept) - 0.5) // height)
            if next_page > page and rect.top() - page * height > 1:
                block_format = QTextBlockFormat()
                block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).mergeBlockFormat(block_format)
                document.markContentsDirty(
                    block.position(), document.characterCount() - block.position()
                )
                moved += 1
        block = following
    return moved


def paint_page(
    painter: QPainter,
    document: QTextDocument,
    report: Report,
    geometry: PageGeometry,
    index: int,
    page_count: int,
) -> None:
    """Paint page ``index`` in logical (96 dpi) units at the painter's origin."""
    content = geometry.content_size_px()
    body = geometry.body_size_px()
    painter.save()
    painter.setPen(QColor("#17393d"))
    painter.setFont(report_font(pixel_size=10))  # logical 96-dpi pixels: about 7.5 pt
    header = QRectF(0, 0, content.width(), geometry.header_px - 10)
    painter.drawText(header, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), tr(TITLE))
    painter.drawText(
        header,
        int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
        tr("{period} {dot} generated {date}").format(
            period=report.summary.period.describe(LOCALE),
            dot="\N{MIDDLE DOT}",
            date=_day(report.generated),
        ),
    )
    painter.setPen(QColor("#b8c4c6"))
    painter.drawLine(
        0, int(geometry.header_px - 12), int(content.width()), int(geometry.header_px - 12)
    )
    footer_top = geometry.body_top + body.height() + geometry.footer_gap_px
    painter.drawLine(0, int(footer_top), int(content.width()), int(footer_top))
    painter.setPen(QColor("#444444"))
    footer = QRectF(
        0, footer_top + 4, content.width(), geometry.footer_px - geometry.footer_gap_px - 4
    )
    painter.drawText(footer, int(Qt.AlignmentFlag.AlignLeft), tr(FOOTER))
    painter.drawText(
        footer,
        int(Qt.AlignmentFlag.AlignRight),
        tr("page {page} of {pages}").format(page=index + 1, pages=page_count),
    )
    painter.restore()
    _continued_table_header(painter, document, geometry, index)
    painter.save()
    painter.translate(0, geometry.body_top - index * body.height())
    clip = QRectF(0, index * body.height(), body.width(), body.height())
    painter.setClipRect(clip)
    context = QAbstractTextDocumentLayout.PaintContext()
    # Lines are painted when they touch the context's clip: a line Qt moved to the top
    # of a page can start a fraction of a pixel above the page's edge, and was also
    # painted (clipped, so unseen) at the bottom of the page before, where the PDF's
    # text layer had it twice (search and copy found it on both pages). Half a pixel in
    # from each edge leaves it to its own page. (Qt's layout still paints the one line
    # just above a clip's top: at most that line is in two pages' text.)
    context.clip = clip.adjusted(0, 0.5, 0, -0.5)
    # Black text on white paper, whatever the desktop's theme: the context's palette is
    # the application's, whose text is near white in a dark theme (review finding).
    context.palette = QPalette(QColor("black"), QColor("white"))
    document.documentLayout().draw(painter, context)
    painter.restore()


def _continued_table_header(
    painter: QPainter, document: QTextDocument, geometry: PageGeometry, index: int
) -> None:
    """A tab table going on from the page before gets its column titles again, in the
    band above the body (tab tables are paragraphs: Qt repeats only <table> headers)."""
    if index == 0:
        return
    body = geometry.body_size_px()
    position = document.documentLayout().hitTest(
        QPointF(1, index * body.height() + 1), Qt.HitTestAccuracy.FuzzyHit
    )
    block = document.findBlock(max(0, position))
    layout = TAB_LAYOUTS.get(block.userState())
    if layout is None:
        return
    stops, sources = layout
    headers = [tr(source) for source in sources]
    if block.text() == "\t".join(headers) or block.previous().userState() != block.userState():
        return  # the table starts on this page, with its own titles
    painter.save()
    top = geometry.body_top - geometry.band_px + 1
    painter.fillRect(QRectF(0, top, body.width(), geometry.band_px - 2), QColor("#e4ecee"))
    font = report_font(pixel_size=11)  # logical 96-dpi pixels: 8.5 pt, as the rows
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#1b1b1b"))
    for start, title in zip((0.0, *stops), headers, strict=False):
        rect = QRectF(start * body.width() + 1, top, body.width(), geometry.band_px - 2)
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), title
        )
    painter.restore()


def write_pdf(
    report: Report, path: Path, progress: Callable[[int, int], None] | None = None
) -> int:
    """Write the PDF atomically; returns the number of pages."""
    from moodlog.report.pdf_writer import check_pdf_written, locale_page_size, new_pdf_writer

    geometry = PageGeometry(report.options.page_size or locale_page_size())
    document = make_document(report, geometry)
    page_count = document.pageCount()
    with export_target(path, ".pdf.tmp") as temp:
        writer = new_pdf_writer(
            temp, PDF_TITLE, geometry.page_size, geometry.margins_mm, PDF_RESOLUTION
        )
        painter = QPainter(writer)
        scale = PDF_SCALE
        for index in range(page_count):
            if index:
                writer.newPage()
            painter.save()
            painter.scale(scale, scale)
            paint_page(painter, document, report, geometry, index, page_count)
            painter.restore()
            if progress:
                progress(index + 1, page_count)
        painter.end()
        del writer
        check_pdf_written(temp)  # before the rename: an older PDF there survives a failed write
    return page_count


def preview_pages(report: Report, width_px: int = 620) -> list[QImage]:
    """The same pages as the PDF, painted into images for the preview."""
    from moodlog.report.pdf_writer import locale_page_size

    geometry = PageGeometry(report.options.page_size or locale_page_size())
    size_mm = geometry.page_size.size(QPageSize.Unit.Millimeter)
    page_w = size_mm.width() / 25.4 * LOGICAL_DPI
    page_h = size_mm.height() / 25.4 * LOGICAL_DPI
    scale = width_px / page_w
    document = make_document(report, geometry, preview=True)
    margin = geometry.margins_mm / 25.4 * LOGICAL_DPI
    pages = []
    count = document.pageCount()
    for index in range(count):
        image = QImage(int(page_w * scale), int(page_h * scale), QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.scale(scale, scale)
        painter.translate(margin, margin)
        paint_page(painter, document, report, geometry, index, count)
        painter.end()
        pages.append(image)
    return pages


def export_pdf(
    contents: VaultContents,
    options: ReportOptions,
    path: Path,
    now: dt.datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Build and write the summary. The records are let go before the layout (the
    report holds what it prints): a caller that passes them straight from
    :func:`load_for_report` keeps a ten-year summary's peak memory lower."""
    report = build_report(contents, options, now or dt.datetime.now())
    del contents
    write_pdf(report, path, progress)
    return report
