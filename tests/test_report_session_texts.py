"""The PDF prints what the patient wrote about each session (therapist review, stop 14:
a session's notes and how the patient felt afterwards were kept but printed nowhere;
only the integration note was), under the therapy-notes choice, which says so."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QPageSize

from moodlog.domain.contents import VaultContents
from moodlog.domain.period import Period
from moodlog.domain.treatments import Treatment
from moodlog.report.pdf import DEFAULT_SECTIONS, ReportOptions, build_report, export_pdf

NOW = dt.datetime(2026, 11, 30, 12, 0)
PERIOD = Period(dt.date(2026, 10, 1), dt.date(2026, 11, 30))


def contents() -> VaultContents:
    def session(day: dt.date, **texts: str) -> Treatment:
        return Treatment(day=day, time=dt.time(10), kind="ketamine_iv", dose_mg=50, **texts)

    return VaultContents(
        treatments=[
            session(dt.date(2026, 9, 20), notes="before the period: not printed"),
            session(
                dt.date(2026, 11, 10),
                intention="to be kinder to myself",
                after_feeling="light & <calm>",
                notes="nausea at 30 minutes\nbetter by evening",
                integration="talked about my father",
            ),
            session(dt.date(2026, 10, 20), after_feeling="tired"),
            session(dt.date(2026, 11, 24)),  # nothing written: no paragraph
        ]
    )


def options(sections: set[str] | None = None) -> ReportOptions:
    return ReportOptions(
        PERIOD,
        sections=set(DEFAULT_SECTIONS if sections is None else sections),
        page_size=QPageSize(QPageSize.PageSizeId.A4),
    )


def test_every_text_of_a_session_in_the_period_is_printed_under_its_label(qapp) -> None:  # noqa: ANN001
    html = build_report(contents(), options(), NOW).html
    assert "What I wrote about my sessions" in html
    for label, text in (
        ("Intention:", "to be kinder to myself"),
        ("How I felt afterwards:", "light &amp; &lt;calm&gt;"),  # escaped, not markup
        ("Notes:", "nausea at 30 minutes<br>better by evening"),
        ("Integration (what came up):", "talked about my father"),
    ):
        assert f"{label}</span> {text}" in html
    assert "before the period" not in html
    # In time order, whatever the order they were kept in; the empty one is left out.
    section = html[html.index("What I wrote about my sessions") :]
    assert section.index("20 Oct 2026") < section.index("10 Nov 2026")
    assert "24 Nov 2026" not in section


def test_left_out_with_the_notes_choice_and_absent_when_nothing_was_written(qapp) -> None:  # noqa: ANN001
    without = build_report(contents(), options(set(DEFAULT_SECTIONS) - {"notes"}), NOW).html
    assert "What I wrote about my sessions" not in without
    assert "to be kinder to myself" not in without and "tired" not in without
    silent = VaultContents(
        treatments=[Treatment(dt.date(2026, 11, 10), dt.time(10), "ketamine_iv")]
    )
    assert "What I wrote about my sessions" not in build_report(silent, options(), NOW).html


def test_the_texts_are_on_the_pages(qapp, tmp_path) -> None:  # noqa: ANN001
    import pypdf

    path = tmp_path / "summary.pdf"
    export_pdf(contents(), options(), path, NOW)
    text = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages)
    assert "How I felt afterwards: light & <calm>" in text
    assert "nausea at 30 minutes better by evening" in text


def test_the_export_choice_says_session_texts_go_with_the_therapy_notes(qapp) -> None:  # noqa: ANN001
    from moodlog.ui.export import SECTION_DESCRIPTIONS, section_label

    assert section_label("notes") == "Therapy notes and my notes on sessions"
    words = SECTION_DESCRIPTIONS["notes"]
    for field in ("therapy notes", "intention", "how you felt afterwards", "integration"):
        assert field in words


def test_an_appointment_later_today_is_not_printed_as_a_session(qapp) -> None:  # noqa: ANN001
    """Reviewer: its intention was printed as a session's, while the sessions table on
    the same PDF calls it the next appointment."""
    later = Treatment(NOW.date(), dt.time(15), "ketamine_iv", intention="APPOINTMENT-INTENTION")
    done = Treatment(NOW.date(), dt.time(9), "ketamine_iv", intention="from this morning")
    html = build_report(VaultContents(treatments=[later, done]), options(), NOW).html
    assert "from this morning" in html
    assert "APPOINTMENT-INTENTION" not in html
