"""The therapist summary as a PDF, written with Qt (QTextDocument + QPdfWriter).

Why Qt and not reportlab: Qt is already our stack, embeds DejaVu fonts (any script,
emoji-safe fallbacks), keeps text real and searchable, and draws our charts from
the same widgets as the Trends screen. We paint each page ourselves so every page
gets the header ("moodlog \u2014 patient-reported summary", period, date) and the
footer ("Self-reported data, not a clinical assessment", page X of Y); long
tables repeat their header rows (``<thead>``) across pages.

Privacy: charts are rendered to images in memory; the PDF goes to a private temp
file in the target folder and is renamed into place; the title is generic and no
author is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from PySide6.QtCore import QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QImage,
    QPageSize,
    QPainter,
    QTextDocument,
)

from moodlog.domain.contents import VaultContents
from moodlog.domain.crisis import resources_for
from moodlog.domain.period import Period, PeriodSummary, summarise
from moodlog.domain.questionnaires import PHQ9, band
from moodlog.domain.safety import SAFETY_PLAN_SECTIONS
from moodlog.domain.treatments import course_label, course_numbers
from moodlog.paths import atomic_target
from moodlog.report.safety_plan_pdf import plan_items_html

TITLE = "moodlog \N{EM DASH} patient-reported summary"
FOOTER = "Self-reported data, not a clinical assessment"
PDF_TITLE = "moodlog summary"
NOT_ENCRYPTED_WARNING = (
    "The PDF itself is not encrypted. Anyone who gets the file can read "
    "it: keep it somewhere private and delete it when you no longer need it."
)
SECTIONS: dict[str, tuple[str, bool]] = {
    "summary": ("One-page summary (always)", True),
    "charts": ("Charts", True),
    "sessions": ("Treatment sessions", True),
    "medications": ("Medication changes", True),
    "questionnaires": ("Questionnaires (PHQ-9, GAD-7)", True),
    "checkins": ("Suicidal-ideation check-ins", True),
    "questions": ("Questions for my therapist", True),
    "notes": ("Therapy notes", True),
    "safety_plan": ("Safety plan", True),
    "journal": ("Journal excerpts (you choose which)", False),
}
DEFAULT_SECTIONS = frozenset(key for key, (_, on) in SECTIONS.items() if on)
LOGICAL_DPI = 96  # QTextDocument lays out at 96 dpi; we scale to the printer's resolution
CHART_SCALE = 2.6  # chart pixels per logical pixel: >= 240 dpi on paper
DASH = "\N{EN DASH}"


def parse_sections(text: str) -> set[str]:
    chosen = {part.strip() for part in text.split(",") if part.strip()}
    unknown = chosen - set(SECTIONS)
    if unknown:
        raise ValueError(
            f"unknown section(s): {', '.join(sorted(unknown))}; choose from {', '.join(SECTIONS)}"
        )
    return chosen | {"summary"}


@dataclass
class ReportOptions:
    period: Period
    sections: set[str] = field(default_factory=lambda: set(DEFAULT_SECTIONS))
    patient_name: str = ""
    therapist_name: str = ""
    journal_entry_ids: set[int] | None = None  # None: every entry with a note in the period
    country: str = "US"
    page_size: QPageSize | None = None


@dataclass
class Report:
    html: str
    images: dict[str, QImage]
    summary: PeriodSummary
    generated: dt.date
    options: ReportOptions


# -- building ------------------------------------------------------------------------


def _fmt(value: float | None, digits: int = 1) -> str:
    return DASH if value is None else f"{value:.{digits}f}"


def _signed(value: float | None) -> str:
    return DASH if value is None else f"{value:+.1f}"


def _table(headers: list[str], rows: list[list[str]], widths: list[int] | None = None) -> str:
    head = "".join(
        f"<th{' width=' + chr(34) + str(widths[i]) + '%' + chr(34) if widths else ''}>"
        f"{escape(h)}</th>"
        for i, h in enumerate(headers)
    )
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return (
        f"<table class='data' width='100%' cellspacing='0' cellpadding='3' border='1'>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _render_charts(
    contents: VaultContents, options: ReportOptions, now: dt.datetime
) -> dict[str, QImage]:
    from moodlog.ui.charts import TrendData, for_paper

    data = TrendData.build(contents, now)
    with for_paper():
        return _chart_images(data, options)


def _chart_images(data, options: ReportOptions) -> dict[str, QImage]:  # noqa: ANN001
    from moodlog.ui.charts import AroundSessionsChart, TimelineChart, render_chart

    images = {}
    page1 = TimelineChart(show_questionnaires=False, marker_scale=CHART_SCALE)
    page1.set_data(data)
    page1.show_period(options.period.first, options.period.last)
    images["mood_small"] = render_chart(page1, 680, 210, CHART_SCALE)
    if "charts" in options.sections:
        full = TimelineChart(marker_scale=CHART_SCALE)
        full.set_data(data)
        full.show_period(options.period.first, options.period.last)
        images["timeline"] = render_chart(full, 680, 470, CHART_SCALE)
        around = AroundSessionsChart(marker_scale=CHART_SCALE)
        in_period = [s for s in data.sessions if options.period.contains(s.day)]
        around.set_data(data.mood, in_period)
        images["around"] = render_chart(around, 680, 250, CHART_SCALE)
    return images


def build_report(contents: VaultContents, options: ReportOptions, now: dt.datetime) -> Report:
    """The report's HTML and chart images; needs a QApplication for the charts."""
    summary = summarise(contents, options.period, now)
    images = _render_charts(contents, options, now)
    around_count = len(summary.responses)  # the past ketamine sessions in the period
    html = [_STYLE, _page_one(summary, options, now.date())]
    s = options.sections
    period = options.period
    if "charts" in s:
        html.append("<h2 class='newpage'>Charts</h2>")
        html.append(
            "<p class='small'>Daily mood (points) with 7-day trend, treatment sessions "
            "(vertical lines), medication changes (triangles) and self-check levels "
            "(squares at the top); PHQ-9 and GAD-7 with their severity bands.</p>"
        )
        html.append("<img src='chart://timeline' width='680'>")
        if around_count:
            html.append(
                f"<h3>Mood around sessions ({around_count} in this period)</h3>"
                "<p class='small'>Each session aligned at day 0; the bold line is the "
                "mean, the band one standard deviation.</p>"
                "<img src='chart://around' width='680'>"
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
    if "safety_plan" in s and contents.safety_plan is not None:
        html.append(_safety_plan_section(contents, options.country))
    if "journal" in s:
        html.append(_journal_section(contents, options))
    return Report("".join(html), images, summary, now.date(), options)


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
</style>
"""


def _page_one(summary: PeriodSummary, options: ReportOptions, generated: dt.date) -> str:
    s = options.sections
    parts = [
        f"<h1>{escape(TITLE)}</h1>",
        f"<p><b>Period:</b> {escape(summary.period.describe())} &nbsp; "
        f"<b>Generated:</b> {generated:%d %b %Y}</p>",
    ]
    names = []
    if options.patient_name.strip():
        names.append(f"<b>Patient:</b> {escape(options.patient_name.strip())}")
    if options.therapist_name.strip():
        names.append(f"<b>For:</b> {escape(options.therapist_name.strip())}")
    if names:
        parts.append("<p>" + " &nbsp; ".join(names) + "</p>")
    rows = []
    late = summary.backfilled_entries
    logged = f"{summary.days_logged} of {summary.period.days} days logged" + (
        f"; {late} {'entry' if late == 1 else 'entries'} filled in more than 48 h after the day"
        if late
        else "; no entries filled in later"
    )
    rows.append(("Mood", summary.mood_text + "."))
    rows.append(("Logging", logged + "."))
    for name in ("PHQ-9", "GAD-7"):
        rows.append((name, _questionnaire_line(summary, name)))
    if summary.sessions:
        kinds = ", ".join(
            f"{label} \N{MULTIPLICATION SIGN}{count}"
            for label, count in summary.session_kinds.most_common()
        )
        dose = ""
        if summary.dose_range:
            low, high = summary.dose_range
            dose = f"; dose {low:g} mg" if low == high else f"; dose {low:g}{DASH}{high:g} mg"
        rows.append(("Sessions", f"{len(summary.sessions)} in this period: {kinds}{dose}."))
    else:
        rows.append(("Sessions", "none in this period."))
    table = "".join(
        f"<tr><td width='16%' class='label'>{escape(k)}</td><td>{escape(v)}</td></tr>"
        for k, v in rows
    )
    parts.append(f"<table width='100%' cellspacing='0' cellpadding='2'>{table}</table>")
    parts.append("<img src='chart://mood_small' width='680'>")
    parts.append(_checkin_box(summary, "checkins" in s))
    if "questions" in s:
        parts.append(_questions_box(summary))
    return "".join(parts)


def _questionnaire_line(summary: PeriodSummary, name: str) -> str:
    first, latest = summary.first_results[name], summary.latest_results[name]
    course = summary.course[name]
    if latest is None:
        text = "no result in this period"
    elif first is latest:
        text = f"{latest.total} ({latest.band}) on {latest.day:%d %b}"
    else:
        text = (
            f"{first.total} ({first.band}, {first.day:%d %b}) \N{RIGHTWARDS ARROW} "
            f"{latest.total} ({latest.band}, {latest.day:%d %b})"
        )
    if (
        course.baseline is not None
        and course.latest is not None
        and course.baseline is not course.latest
    ):
        text += f"; course baseline {course.baseline.total} ({course.baseline.day:%d %b %Y})"
        if course.percent_change is not None:
            text += f", {course.percent_change:+.0f}%"
        if name == PHQ9:
            text += "; " + course.outcome_text()
    return text + ". Self-report screening, not a diagnosis."


def _checkin_box(summary: PeriodSummary, included: bool) -> str:
    if not included:
        body = "Suicidal-ideation check-ins: not included in this summary (the patient's choice)."
        return f"<table width='100%' cellpadding='6' class='box'><tr><td>{body}</td></tr></table>"
    counts = summary.checkin_counts
    total = sum(counts.values())
    line = ", ".join(f"{level} {counts[level]}" for level in ("none", "low", "moderate", "high"))
    text = [
        f"<b>Suicidal-ideation self-check</b> ({total} check-ins): {line}; "
        f"skipped or not answered {summary.skipped_checkins}."
    ]
    if summary.elevated_checkins:
        dates = ", ".join(f"{c.day:%d %b %Y} ({c.level})" for c in summary.elevated_checkins)
        text.append(f"<br><b>Moderate or high on:</b> {dates}.")
    else:
        text.append("<br>No moderate or high check-ins in this period.")
    if summary.flagged_checkins_to_discuss:
        text.append(
            f"<br>The patient asked to talk about this "
            f"({summary.flagged_checkins_to_discuss} time(s))."
        )
    text.append(
        "<br><span class='small'>low: wished to be dead or thoughts of suicide; "
        "moderate: thought about how; high: intention, plan or preparation. "
        "Self-check adapted from the C-SSRS screener structure, not a clinical "
        "assessment.</span>"
    )
    return (
        f"<table width='100%' cellpadding='6' class='box'><tr><td>{''.join(text)}</td></tr></table>"
    )


def _questions_box(summary: PeriodSummary, top: int = 5) -> str:
    if not summary.open_questions:
        return "<p><b>Open questions for the therapist:</b> none.</p>"
    items = "".join(
        f"<li>{escape(q.text)}{' (flagged)' if q.flagged else ''}</li>"
        for q in summary.open_questions[:top]
    )
    more = len(summary.open_questions) - top
    extra = f"<p class='small'>and {more} more on a later page.</p>" if more > 0 else ""
    return f"<h3>Open questions for the therapist</h3><ol>{items}</ol>{extra}"


def _sessions_section(contents: VaultContents, summary: PeriodSummary, now: dt.datetime) -> str:
    numbers = course_numbers(contents.treatments)
    responses = {id(r.session): r for r in summary.responses}
    rows = []
    for t in summary.sessions:
        r = responses.get(id(t))
        effects = ", ".join(f"{k} {v}" for k, v in t.side_effects.items() if v != "none")
        rows.append(
            [
                f"{t.day:%d %b %Y}",
                f"{t.label} ({course_label(t, numbers[id(t)])})",
                t.dose_text() or DASH,
                effects or "none recorded",
                DASH if t.dissociation is None else str(t.dissociation),
                _fmt(r.baseline) if r else DASH,
                _signed(r.day1_change) if r else DASH,
                _signed(r.window_changes[0]) if r else DASH,
                _signed(r.window_changes[1]) if r else DASH,
                _signed(r.window_changes[2]) if r else DASH,
                r.durability_text if r else DASH,
            ]
        )
    upcoming = [t for t in contents.treatments if t.is_appointment(now)]
    html = ["<h2 class='newpage'>Treatment sessions</h2>"]
    if rows:
        html.append(
            "<p class='small'>Mood change against the mean of the 7 days before the "
            "session (needs 3 days); durability: days until the 3-day mean is back at "
            "that baseline. Dissociation: adapted 0-10 self-rating, not a clinical "
            "scale.</p>"
        )
        html.append(
            _table(
                [
                    "Date",
                    "Kind",
                    "Dose",
                    "Side effects",
                    "Diss.",
                    "Base",
                    "Day +1",
                    "+1..3",
                    "+4..7",
                    "+8..14",
                    "Durability",
                ],
                rows,
            )
        )
    else:
        html.append("<p>No treatment sessions in this period.</p>")
    if upcoming:
        nxt = min(upcoming, key=lambda t: t.starts_at)
        html.append(
            f"<p>Next appointment: {escape(nxt.label)}, {nxt.day:%d %b %Y} {nxt.time:%H:%M}.</p>"
        )
    return "".join(html)


def _medications_section(contents: VaultContents, period: Period) -> str:
    rows = []
    for med in contents.medications:
        for event in med.events:
            if period.contains(event.day):
                dose = f"{event.dose:g} {med.unit}" if event.dose is not None else DASH
                rows.append(
                    [
                        f"{event.day:%d %b %Y}",
                        med.name,
                        event.event,
                        dose,
                        event.frequency,
                        event.reason,
                    ]
                )
    current = [
        f"{m.name} {dose:g} {m.unit}"
        for m in contents.medications
        if (dose := m.current_dose(period.last)) is not None
    ]
    html = [
        "<h2>Medications</h2>",
        f"<p>Taking at the end of the period: {escape(', '.join(current) or 'none recorded')}.</p>",
    ]
    if rows:
        html.append(
            _table(["Date", "Medication", "Change", "Dose", "Frequency", "Reason"], sorted(rows))
        )
    else:
        html.append("<p>No medication changes in this period.</p>")
    return "".join(html)


def _questionnaires_section(summary: PeriodSummary) -> str:
    rows = []
    for q in summary.results_in_period:
        total = DASH if q.total is None else str(q.total)
        item9 = ""
        if q.instrument == PHQ9 and q.answers[8] is not None:
            item9 = str(q.answers[8])
        rows.append(
            [
                f"{q.day:%d %b %Y}",
                q.instrument,
                total,
                band(q.instrument, q.total) or "not scored (unanswered items)",
                item9,
            ]
        )
    html = [
        "<h2>Questionnaires</h2>",
        "<p class='small'>PHQ-9 bands: 0-4 minimal, 5-9 mild, 10-14 moderate, 15-19 "
        "moderately severe, 20-27 severe. GAD-7: 0-4 minimal, 5-9 mild, 10-14 moderate, "
        "15-21 severe. Self-report screening, not a diagnosis.</p>",
    ]
    for name in ("PHQ-9", "GAD-7"):
        html.append(f"<p>{escape(summary.course[name].describe())}</p>")
    if rows:
        html.append(_table(["Date", "Questionnaire", "Total", "Band", "PHQ-9 item 9"], rows))
    else:
        html.append("<p>No questionnaires in this period.</p>")
    return "".join(html)


def _checkins_section(contents: VaultContents, period: Period) -> str:
    checkins = sorted(
        (c for c in contents.checkins if period.contains(c.day)), key=lambda c: (c.day, c.time)
    )
    html = ["<h2>Suicidal-ideation self-checks</h2>"]
    if not checkins:
        return "".join(html) + "<p>No self-checks in this period.</p>"
    rows = []
    for c in checkins:
        yes = [k.replace("_", " ") for k, v in c.answers.items() if v is True]
        rows.append(
            [
                f"{c.day:%d %b %Y} {c.time:%H:%M}",
                c.level,
                ", ".join(yes) if yes else DASH,
                "yes" if c.discuss else "",
            ]
        )
    html.append(_table(["Date", "Level", "Answered yes", "To discuss"], rows))
    return "".join(html)


def _notes_and_questions(
    contents: VaultContents, summary: PeriodSummary, period: Period, sections: set[str]
) -> str:
    html = []
    if "questions" in sections:
        html.append("<h2>Questions for my therapist</h2>")
        if summary.open_questions:
            html.append(
                "<ol>"
                + "".join(
                    f"<li>{escape(q.text)} <span class='small'>(added {q.created_on:%d %b %Y}"
                    f"{', flagged' if q.flagged else ''})</span></li>"
                    for q in summary.open_questions
                )
                + "</ol>"
            )
        else:
            html.append("<p>No open questions.</p>")
    if "notes" in sections:
        notes = [n for n in contents.session_notes if period.contains(n.day)]
        html.append("<h2>Therapy notes</h2>")
        if notes:
            html.append(
                _table(
                    ["Date", "Worked on", "Insights", "Homework / practices"],
                    [[f"{n.day:%d %b %Y}", n.worked_on, n.insights, n.homework] for n in notes],
                    [14, 28, 30, 28],
                )
            )
        else:
            html.append("<p>No therapy notes in this period.</p>")
        integration = [
            t for t in contents.treatments if period.contains(t.day) and t.integration.strip()
        ]
        if integration:
            html.append("<h3>Integration notes after sessions</h3>")
            html.append(
                _table(
                    ["Session", "What came up"],
                    [[f"{t.day:%d %b %Y} {t.label}", t.integration] for t in integration],
                    [25, 75],
                )
            )
    return "".join(html)


def _safety_plan_section(contents: VaultContents, country: str) -> str:
    plan = contents.safety_plan
    assert plan is not None
    html = ["<h2 class='newpage'>Safety plan</h2>"]
    if plan.reviewed_on:
        html.append(f"<p class='small'>Last reviewed {plan.reviewed_on:%d %b %Y}.</p>")
    for key, title, _ in SAFETY_PLAN_SECTIONS:
        values = getattr(plan, key)
        if not values:
            continue
        html.append(f"<h3>{escape(title)}</h3>{plan_items_html(plan, key)}")
    res = resources_for(country)
    lines = "; ".join(f"{line.name}: {line.how}" for line in res.lines)
    html.append(
        f"<p>Crisis lines: {escape(lines + '; ' if lines else '')}emergency "
        f"{escape(res.emergency)}.</p>"
    )
    return "".join(html)


def _journal_section(contents: VaultContents, options: ReportOptions) -> str:
    chosen = [
        e
        for e in contents.entries
        if options.period.contains(e.day)
        and e.note.strip()
        and (options.journal_entry_ids is None or e.id in options.journal_entry_ids)
    ]
    html = ["<h2 class='newpage'>Journal excerpts (chosen by the patient)</h2>"]
    if not chosen:
        return "".join(html) + "<p>No journal entries chosen.</p>"
    for e in chosen:
        html.append(
            f"<h3>{e.day:%a %d %b %Y} {e.time:%H:%M} \N{MIDDLE DOT} mood {e.mood}</h3>"
            f"<p>{escape(e.note).replace(chr(10), '<br>')}</p>"
        )
    return "".join(html)


# -- painting ---------------------------------------------------------------------------


@dataclass
class PageGeometry:
    page_size: QPageSize
    margins_mm: float = 16.0
    header_px: float = 34.0
    footer_px: float = 30.0

    def content_size_px(self) -> QSizeF:
        size_mm = self.page_size.size(QPageSize.Unit.Millimeter)
        to_px = LOGICAL_DPI / 25.4
        return QSizeF(
            (size_mm.width() - 2 * self.margins_mm) * to_px,
            (size_mm.height() - 2 * self.margins_mm) * to_px,
        )

    def body_size_px(self) -> QSizeF:
        content = self.content_size_px()
        return QSizeF(content.width(), content.height() - self.header_px - self.footer_px)


def report_font(pixel_size: int | None = None) -> QFont:
    """DejaVu Sans without ligatures, so "fi" stays two letters when a clinician copies
    or searches the text."""
    font = QFont("DejaVu Sans", 9)
    if pixel_size:
        font.setPixelSize(pixel_size)
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def make_document(report: Report, geometry: PageGeometry) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(report_font())
    document.setDocumentMargin(0)
    for name, image in report.images.items():
        document.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(f"chart://{name}"), image
        )
    document.setHtml(report.html)
    document.setPageSize(geometry.body_size_px())
    return document


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
    painter.drawText(header, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), TITLE)
    painter.drawText(
        header,
        int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
        f"{report.summary.period.describe()} \N{MIDDLE DOT} generated {report.generated:%d %b %Y}",
    )
    painter.setPen(QColor("#b8c4c6"))
    painter.drawLine(
        0, int(geometry.header_px - 12), int(content.width()), int(geometry.header_px - 12)
    )
    footer_top = geometry.header_px + body.height() + 8
    painter.drawLine(0, int(footer_top), int(content.width()), int(footer_top))
    painter.setPen(QColor("#444444"))
    footer = QRectF(0, footer_top + 4, content.width(), geometry.footer_px - 8)
    painter.drawText(footer, int(Qt.AlignmentFlag.AlignLeft), FOOTER)
    painter.drawText(footer, int(Qt.AlignmentFlag.AlignRight), f"page {index + 1} of {page_count}")
    painter.restore()
    painter.save()
    painter.translate(0, geometry.header_px - index * body.height())
    clip = QRectF(0, index * body.height(), body.width(), body.height())
    painter.setClipRect(clip)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = clip
    document.documentLayout().draw(painter, context)
    painter.restore()


def write_pdf(
    report: Report, path: Path, progress: Callable[[int, int], None] | None = None
) -> int:
    """Write the PDF atomically; returns the number of pages."""
    from moodlog.report.pdf_writer import locale_page_size, new_pdf_writer

    geometry = PageGeometry(report.options.page_size or locale_page_size())
    document = make_document(report, geometry)
    page_count = document.pageCount()
    with atomic_target(path, ".pdf.tmp") as temp:
        writer = new_pdf_writer(temp, PDF_TITLE, geometry.page_size, geometry.margins_mm)
        painter = QPainter(writer)
        scale = writer.resolution() / LOGICAL_DPI
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
    return page_count


def preview_pages(report: Report, width_px: int = 620) -> list[QImage]:
    """The same pages as the PDF, painted into images for the preview."""
    from moodlog.report.pdf_writer import locale_page_size

    geometry = PageGeometry(report.options.page_size or locale_page_size())
    document = make_document(report, geometry)
    size_mm = geometry.page_size.size(QPageSize.Unit.Millimeter)
    page_w = size_mm.width() / 25.4 * LOGICAL_DPI
    page_h = size_mm.height() / 25.4 * LOGICAL_DPI
    scale = width_px / page_w
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
    """Build and write the summary; the same path for the CLI and the dialog."""
    report = build_report(contents, options, now or dt.datetime.now())
    write_pdf(report, path, progress)
    return report
