"""The therapist PDF on a vault built in the test with known data."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pypdf
import pytest
from PySide6.QtGui import QPageSize

from moodlog.domain.entries import Entry
from moodlog.domain.period import Period
from moodlog.domain.questionnaires import GAD7, PHQ9, QuestionnaireResult
from moodlog.domain.safety import Contact, SafetyPlan, SICheckin
from moodlog.domain.treatments import Question, SessionNote, Treatment
from moodlog.report.pdf import DEFAULT_SECTIONS, ReportOptions, export_pdf
from moodlog.vault import bulk
from moodlog.vault.vault import Vault
from tests.conftest import PASSPHRASE, SI_ANSWERS, run_cli

FIRST = dt.date(2026, 10, 1)
LAST = dt.date(2026, 10, 30)
NOW = dt.datetime(2026, 11, 2, 12, 0)
JOURNAL_MARKER = "Lighthouse-journal-text"


def phq(day: dt.date, total: int, instrument: str = PHQ9) -> QuestionnaireResult:
    count = 9 if instrument == PHQ9 else 7
    return QuestionnaireResult(
        day, dt.time(9), instrument, [min(3, max(0, total - 3 * i)) for i in range(count)]
    )


@pytest.fixture
def known(vault: Vault) -> Vault:
    # Mood: 4 on the first day, 6 on the last, 5 on every other even day, nothing else.
    def add(day: dt.date, hour: int, mood: int, note: str = "", late: bool = False) -> None:
        written = dt.datetime.combine(day, dt.time(hour)) + dt.timedelta(days=4 if late else 0)
        vault.entries.add(Entry(day, dt.time(hour), mood, note=note, created_at=written))

    add(FIRST, 20, 4, note=f"{JOURNAL_MARKER} first")
    add(LAST, 20, 6, note="final-day-note")
    add(LAST, 8, 7)  # two entries: the day's mean is 6.5
    for offset in range(2, 29, 2):
        add(FIRST + dt.timedelta(offset), 20, 5, late=offset == 10)  # one filled in later
    add(FIRST - dt.timedelta(days=1), 20, 1)  # outside the period
    add(LAST + dt.timedelta(days=1), 20, 10)  # outside the period
    for day, total in (
        (dt.date(2026, 9, 25), 21),
        (dt.date(2026, 10, 2), 18),
        (dt.date(2026, 10, 16), 12),
        (dt.date(2026, 10, 29), 9),
    ):
        vault.questionnaires.add(phq(day, total))
    vault.questionnaires.add(phq(dt.date(2026, 10, 3), 14, GAD7))
    for day in (dt.date(2026, 9, 28), dt.date(2026, 10, 5), dt.date(2026, 10, 12)):
        vault.treatments.save(Treatment(day, dt.time(10), "ketamine_iv", dose_mg=40, weight_kg=80))
    vault.treatments.save(
        Treatment(dt.date(2026, 10, 20), dt.time(10), "esketamine_nasal", dose_mg=56)
    )
    vault.checkins.add(SICheckin(dt.date(2026, 10, 7), dt.time(21), SI_ANSWERS["moderate"]))
    vault.checkins.add(SICheckin(dt.date(2026, 10, 9), dt.time(21), SI_ANSWERS["high"]))
    vault.checkins.add(
        SICheckin(
            dt.date(2026, 10, 10),
            dt.time(21),
            SI_ANSWERS["low"],
        )
    )
    vault.checkins.add(SICheckin.skipped_on(dt.date(2026, 10, 11), dt.time(21)))
    vault.questions.add(Question("Can we lower the booster dose?", dt.date(2026, 10, 3)))
    vault.questions.add(
        Question("Already answered", dt.date(2026, 10, 3), done_on=dt.date(2026, 10, 9))
    )
    vault.session_notes.save(
        SessionNote(
            dt.date(2026, 10, 14), "Dr R", "Sleep routine", "Evenings are hard", "Walk after dinner"
        )
    )
    vault.safety_plans.save(
        SafetyPlan(coping=["Cold water on my face"], people=[Contact("Sam", "555-0142")])
    )
    return vault


def export_screen(qtbot, vault: Vault, **context_options):
    from moodlog.preferences import Preferences
    from moodlog.ui.context import AppContext
    from moodlog.ui.export import ExportScreen

    context = AppContext(
        vault=vault,
        data_dir=vault.path.parent,
        preferences=Preferences(country="US"),
        **context_options,
    )
    screen = ExportScreen(context)
    qtbot.addWidget(screen)
    return screen


def pdf_text(path: Path) -> list[str]:
    reader = pypdf.PdfReader(path)
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def export(vault: Vault, path: Path, **kwargs) -> list[str]:
    options = ReportOptions(
        period=Period(FIRST, LAST),
        country="US",
        page_size=QPageSize(QPageSize.PageSizeId.A4),
        **kwargs,
    )
    export_pdf(bulk.load(vault), options, path, NOW)
    return pdf_text(path)


def test_page_one_has_the_key_figures(qapp, known: Vault, tmp_path: Path):
    pages = export(known, tmp_path / "summary.pdf")
    page1 = pages[0]
    # Daily means: 4, fourteen days of 5, 6.5 -> (4 + 70 + 6.5) / 16 = 5.03125
    assert "mean 5.0 of 10" in page1
    assert "16 of 30 days logged; 1 entry filled in more than 48 h after the day" in page1
    assert "(previous 30 days: 1.0 from 1 day logged)" in page1  # one mood on 30 Sep
    assert "moodlog — patient-reported summary" in page1
    assert "01 Oct 2026 – 30 Oct 2026 (30 days)" in page1
    assert "18 (moderately severe, 02 Oct) → 9 (mild, 29 Oct)" in page1
    assert "course baseline 21" in page1 and "-57%" in page1
    assert "response yes (first reached 29 Oct 2026)" in page1
    assert "Sessions 3 in this period" in page1
    assert "Ketamine IV infusion ×2 (dose 40 mg)" in page1
    assert "Esketamine nasal spray ×1 (dose 56 mg)" in page1
    assert "07 Oct 2026 (moderate)" in page1 and "09 Oct 2026 (high)" in page1
    assert "low 1" in page1 and "skipped or not answered 1" in page1
    assert "Can we lower the booster dose?" in page1
    assert "Already answered" not in page1
    assert "Self-reported data, not a clinical assessment" in page1
    assert f"page 1 of {len(pages)}" in page1
    assert pages[1].startswith("moodlog — patient-reported summary") and "Charts" in pages[1]


def test_every_page_has_header_and_footer(qapp, known: Vault, tmp_path: Path):
    pages = export(known, tmp_path / "summary.pdf")
    furniture = len(
        "moodlog — patient-reported summary 01 Oct 2026 – 30 Oct 2026 (30 days) · "
        "generated 02 Nov 2026 Self-reported data, not a clinical assessment "
        "page 1 of 1"
    )
    for number, text in enumerate(pages, start=1):
        assert "moodlog — patient-reported summary" in text
        assert f"page {number} of {len(pages)}" in text
        assert "Self-reported data, not a clinical assessment" in text
        assert len(text) > furniture + 40, f"page {number} is (nearly) blank"
    reader = pypdf.PdfReader(tmp_path / "summary.pdf")
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descendant = font.get_object()["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, "font not embedded"
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert any("DejaVuSans" in name for name in fonts)


def test_period_boundaries_are_inclusive(qapp, known: Vault, tmp_path: Path):
    pages = export(known, tmp_path / "summary.pdf", sections={"summary"})
    assert "16 of 30 days logged" in pages[0]  # first and last day in, the days around out


def test_sections_off_leave_their_text_out(qapp, known: Vault, tmp_path: Path):
    full = " ".join(export(known, tmp_path / "full.pdf"))
    assert "Sleep routine" in full and "Cold water on my face" in full
    assert "Suicidal-ideation self-checks" in full
    minimal = " ".join(export(known, tmp_path / "min.pdf", sections={"summary", "questionnaires"}))
    assert "Sleep routine" not in minimal
    assert "Cold water on my face" not in minimal
    assert "Treatment sessions" not in minimal
    assert "Can we lower the booster dose?" not in minimal
    no_checkins = export(
        known, tmp_path / "nock.pdf", sections=set(DEFAULT_SECTIONS) - {"checkins"}
    )[0]
    assert "not included" in no_checkins and "09 Oct 2026" not in no_checkins
    assert "item 9" in no_checkins  # as the Export screen says when they are left out


def test_leaving_out_the_self_checks_says_the_phq9s_question_9_stays(qtbot, known: Vault):
    screen = export_screen(qtbot, known)
    screen.show()
    note = screen.phq9_stays
    assert not note.isVisible()
    screen.section_boxes["checkins"].click()
    assert note.isVisible() and "question 9" in note.text() and "page 1" in note.text()
    screen.section_boxes["checkins"].click()
    assert not note.isVisible()


def test_journal_text_absent_by_default_and_only_chosen_entries(qapp, known: Vault, tmp_path: Path):
    assert JOURNAL_MARKER not in " ".join(export(known, tmp_path / "default.pdf"))
    first_entry = known.entries.on_day(FIRST)[0]
    chosen = " ".join(
        export(
            known,
            tmp_path / "chosen.pdf",
            sections=set(DEFAULT_SECTIONS) | {"journal"},
            journal_entry_ids={first_entry.id},
        )
    )
    assert JOURNAL_MARKER in chosen and "final-day-note" not in chosen


def test_file_is_private_generic_and_atomic(qapp, known: Vault, tmp_path: Path):
    target = tmp_path / "out" / "summary.pdf"
    target.parent.mkdir()
    export(known, target, patient_name="Alex Example")
    reader = pypdf.PdfReader(target)
    assert reader.metadata.title == "moodlog summary"
    assert not reader.metadata.author
    assert [p.name for p in target.parent.iterdir()] == ["summary.pdf"]
    assert "Alex Example" in pdf_text(target)[0]
    assert "Alex Example" not in str(reader.metadata)


def test_letter_paper(qapp, known: Vault, tmp_path: Path):
    options = ReportOptions(
        period=Period(FIRST, LAST), page_size=QPageSize(QPageSize.PageSizeId.Letter)
    )
    export_pdf(bulk.load(known), options, tmp_path / "letter.pdf", NOW)
    box = pypdf.PdfReader(tmp_path / "letter.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_cli_and_dialog_produce_the_same_content(qtbot, known: Vault, tmp_path: Path):

    path = known.path
    screen = export_screen(qtbot, known)  # real clock: the CLI below uses it too
    screen.custom.setChecked(True)
    screen.first.setDate(FIRST)
    screen.last.setDate(LAST)
    screen.paper.setCurrentIndex(screen.paper.findData(QPageSize.PageSizeId.A4))
    dialog_pdf = tmp_path / "dialog.pdf"
    screen.write_to(dialog_pdf)
    qtbot.waitUntil(lambda: screen.writer is None, timeout=30000)
    known.close()

    cli_pdf = tmp_path / "cli.pdf"
    result = run_cli(
        [
            "--data-dir",
            str(path.parent),
            "export",
            "pdf",
            "--out",
            str(cli_pdf),
            "--from",
            FIRST.isoformat(),
            "--to",
            LAST.isoformat(),
            "--paper",
            "a4",
            "--passphrase-stdin",
        ],
        PASSPHRASE + "\n",
    )
    assert result.returncode == 0, result.stderr
    assert "not encrypted" in result.stderr
    assert pdf_text(cli_pdf) == pdf_text(dialog_pdf)


def test_preview_shows_the_same_pages(qtbot, known: Vault, tmp_path: Path):

    screen = export_screen(qtbot, known, now=lambda: NOW)
    screen.last_30.setChecked(True)
    screen.preview()
    pages = len(screen.preview_dialog.page_labels)
    screen.write_to(tmp_path / "p.pdf")
    qtbot.waitUntil(lambda: screen.writer is None, timeout=30000)
    assert pages == len(pypdf.PdfReader(tmp_path / "p.pdf").pages) >= 2


def test_file_dialog_history_is_scrubbed(qapp, sandbox: Path):
    from moodlog.ui.files import scrub_qt_file_dialog_history

    conf = Path(os.environ["XDG_CONFIG_HOME"]) / "QtProject.conf"
    conf.parent.mkdir(parents=True, exist_ok=True)
    conf.write_text(
        "[FileDialog]\nlastVisited=file:///home/someone/therapy\n"
        "history=file:///home/someone/therapy\n"
    )
    scrub_qt_file_dialog_history()
    assert "therapy" not in conf.read_text()


def test_cli_rejects_bad_dates_and_sections(known: Vault, tmp_path: Path):
    known.close()
    base = [
        "--data-dir",
        str(known.path.parent),
        "export",
        "pdf",
        "--out",
        str(tmp_path / "x.pdf"),
        "--passphrase-stdin",
    ]
    bad_date = run_cli([*base, "--from", "2026-13-01"], PASSPHRASE + "\n")
    assert bad_date.returncode == 1 and "2026-13-01 is not a day of the calendar" in bad_date.stderr
    bad_section = run_cli([*base, "--sections", "summary,gossip"], PASSPHRASE + "\n")
    assert bad_section.returncode == 1 and "gossip" in bad_section.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_export_date_fields_keep_to_the_days_a_report_can_cover(qtbot, known: Vault):
    """Review finding: the custom period's fields took 9999-12-31 (their maximum), and
    the export then stopped with an overflow."""
    from PySide6.QtCore import QDate

    clock = [NOW]
    screen = export_screen(qtbot, known, now=lambda: clock[0])
    today = QDate(NOW.year, NOW.month, NOW.day)
    for edit in (screen.first, screen.last):
        edit.setDate(QDate(9999, 12, 31))
        assert edit.date() == today  # a summary covers days that have happened
        edit.setDate(today.addDays(1))
        assert edit.date() == today
        edit.setDate(QDate(100, 1, 1))
        assert edit.date() == QDate(1900, 1, 1)
    # Left open past midnight: the next refresh lets the fields reach the new today.
    clock[0] = NOW + dt.timedelta(days=1)
    screen.refresh()
    screen.last.setDate(today.addDays(5))
    assert screen.last.date() == today.addDays(1)
    assert screen.period().last == NOW.date() + dt.timedelta(days=1)


def test_export_warns_once_that_the_pdf_is_not_encrypted(
    qtbot, known: Vault, tmp_path: Path, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    asked = []

    def fake_question(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Save

    monkeypatch.setattr(QMessageBox, "question", staticmethod(fake_question))
    targets = iter([tmp_path / "one.pdf", tmp_path / "two.pdf"])
    monkeypatch.setattr("moodlog.ui.files.ask_save_path", lambda *a, **k: next(targets))
    screen = export_screen(qtbot, known, now=lambda: NOW)
    screen.last_30.setChecked(True)
    for _ in range(2):
        screen.save_pdf()
        qtbot.waitUntil(lambda: screen.writer is None, timeout=30000)
    assert len(asked) == 1 and "not encrypted" in asked[0]
    assert (tmp_path / "one.pdf").exists() and (tmp_path / "two.pdf").exists()
    assert "not encrypted" in screen.status.text()


def test_charts_on_paper_are_light_even_with_a_dark_theme(qapp, known: Vault):
    from PySide6.QtGui import QColor, QPalette

    from moodlog.report.pdf import PAGE_ONE_CHART, ReportCharts

    original = qapp.palette()
    dark = QPalette(original)
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        dark.setColor(role, QColor("#1e1e1e"))
    qapp.setPalette(dark)
    try:
        options = ReportOptions(period=Period(FIRST, LAST))
        images = ReportCharts(bulk.load(known), options, NOW, PAGE_ONE_CHART[1]).images()
    finally:
        qapp.setPalette(original)
    image = images["mood_small"]
    corner = QColor(image.pixel(image.width() - 3, image.height() // 2))
    assert corner.lightness() > 240


# -- issue 11 §5 / §7: a page 1 a clinician can act on ---------------------------------


def _clinical_extras(vault: Vault) -> None:
    """A low check-in with thoughts of suicide, a PHQ-9 with item 9 positive and one
    with item 9 unanswered, a medication, a session before the period and an
    appointment after it."""
    from moodlog.domain.treatments import Medication, MedicationEvent

    vault.checkins.add(
        SICheckin(
            dt.date(2026, 10, 18),
            dt.time(21),
            {
                "wish_dead": True,
                "thoughts": True,
                "method": False,
                "intent": False,
                "plan": False,
                "behavior": False,
            },
        )
    )
    positive = phq(dt.date(2026, 10, 22), 12)
    positive.answers[8] = 2
    vault.questionnaires.add(positive)
    unanswered = phq(dt.date(2026, 10, 25), 11)
    unanswered.answers[8] = None
    vault.questionnaires.add(unanswered)
    vault.medications.save(
        Medication(
            "Sertraline",
            events=[
                MedicationEvent(dt.date(2025, 3, 1), "start", 50, "once daily"),
                MedicationEvent(dt.date(2025, 6, 1), "change", 100, "once daily"),
            ],
        )
    )
    vault.medications.save(
        Medication(
            "Lithium",
            events=[
                MedicationEvent(dt.date(2025, 3, 1), "start", 400),
                MedicationEvent(dt.date(2025, 9, 1), "stop"),
            ],
        )
    )


def test_page_one_holds_what_a_clinician_needs(qapp, known: Vault, tmp_path: Path):
    _clinical_extras(known)
    # The period holds no session: the last one (20 Oct) and the next are outside it.
    known.treatments.save(Treatment(dt.date(2026, 11, 9), dt.time(11), "esketamine_nasal", 56))
    options = ReportOptions(
        period=Period(dt.date(2026, 10, 21), dt.date(2026, 10, 31)),
        page_size=QPageSize(QPageSize.PageSizeId.A4),
    )
    export_pdf(bulk.load(known), options, tmp_path / "p.pdf", NOW)
    pages = pdf_text(tmp_path / "p.pdf")
    page1 = pages[0]
    assert "Sessions none in this period" in page1
    assert "Last session Esketamine nasal spray, 20 Oct 2026 (13 days ago)" in page1
    assert "next appointment Esketamine nasal spray, 09 Nov 2026 11:00" in page1
    assert "Sertraline 100 mg once daily" in page1
    assert "Lithium" not in page1  # stopped before the period
    # PHQ-9 22 Oct (item 9 = 2), 25 Oct (item 9 unanswered: not scored), 29 Oct (0).
    assert "PHQ-9 scores 22 Oct: 14, 29 Oct: 9." in page1
    assert "PHQ-9 item 9 positive on 1 of 3 results (not answered on 1), last on 22 Oct 2026" in (
        page1
    )
    assert "Response = at least 50% lower than baseline" in page1  # the definitions
    assert pages[1].startswith("moodlog — patient-reported summary") and "Charts" in pages[1]


def test_page_one_dates_every_check_in_with_a_yes(qapp, known: Vault, tmp_path: Path):
    _clinical_extras(known)
    page1 = export(known, tmp_path / "p.pdf")[0]
    assert (
        "Any yes (4): 07 Oct 2026 (moderate), 09 Oct 2026 (high), 10 Oct 2026 (low), "
        "18 Oct 2026 (low)." in page1
    )
    assert "Latest check-in: 18 Oct 2026 21:00, low." in page1
    assert "Sertraline 100 mg once daily (since 01 Jun 2025)" in page1
    assert "positive on 1 of 5 results" in page1


def test_latest_check_in_before_the_period_is_still_shown(qapp, known: Vault, tmp_path: Path):
    options = ReportOptions(
        period=Period(dt.date(2026, 10, 20), dt.date(2026, 10, 30)),
        page_size=QPageSize(QPageSize.PageSizeId.A4),
    )
    export_pdf(bulk.load(known), options, tmp_path / "p.pdf", NOW)
    page1 = pdf_text(tmp_path / "p.pdf")[0]
    assert "No yes answers in this period." in page1
    assert "Latest check-in: 11 Oct 2026 21:00, skipped (before this period)." in page1


def test_mood_line_says_what_the_trend_covers(qapp, known: Vault, tmp_path: Path):
    page1 = export(known, tmp_path / "p.pdf")[0]
    assert "(previous 30 days: 1.0 from 1 day logged); trend within this period:" in page1
    assert "Mood trend = change of a straight line fitted to this period's daily means" in page1


def test_page_one_stays_one_page_with_a_busy_year(qapp, vault: Vault, tmp_path: Path):
    """A year of weekly PHQ-9s, a yes every third day and ten open questions: page 1
    shortens its lists (saying where the rest is) instead of spilling over."""
    first = dt.date(2025, 11, 1)
    for week in range(52):
        vault.questionnaires.add(phq(first + dt.timedelta(weeks=week), 14))
    for day in range(0, 365, 3):
        vault.checkins.add(
            SICheckin(first + dt.timedelta(days=day), dt.time(21), SI_ANSWERS["low"])
        )
    for number in range(10):
        vault.questions.add(Question(f"Question number {number}", first))
    options = ReportOptions(
        period=Period(first, first + dt.timedelta(days=364)),
        page_size=QPageSize(QPageSize.PageSizeId.Letter),
    )
    export_pdf(bulk.load(vault), options, tmp_path / "busy.pdf", NOW)
    pages = pdf_text(tmp_path / "busy.pdf")
    assert "Open questions for the therapist" in pages[0]
    assert "Charts" in pages[1] and "Open questions" not in pages[1]
    assert "not dated here (low " in pages[0] and "; listed in the self-check table)" in pages[0]
    assert "30 Oct 2026 (low)" in pages[0]  # the latest yes is always on page 1


def test_tables_say_not_answered_and_list_only_check_ins_that_need_a_look(
    qapp, known: Vault, tmp_path: Path
):
    _clinical_extras(known)
    for day in range(1, 29):
        known.checkins.add(
            SICheckin(FIRST + dt.timedelta(days=day), dt.time(8), SI_ANSWERS["none"])
        )
    partly = dict(SI_ANSWERS["none"], behavior=None)  # "prefer not to answer"
    known.checkins.add(SICheckin(dt.date(2026, 10, 19), dt.time(8), partly))
    text = " ".join(export(known, tmp_path / "p.pdf"))
    questionnaires = text[text.index("Questionnaires PHQ-9 bands") :]
    assert "25 Oct 2026 PHQ-9 – not scored (unanswered items) not answered" in questionnaires
    assert "22 Oct 2026 PHQ-9 14 moderate 2" in questionnaires
    checkins = text[text.index("Suicidal-ideation self-checks") :]
    # 4 with a yes, 1 skipped, 1 partly answered are listed; the 28 "none" are counted.
    assert "34 check-ins in this period" in checkins
    assert "Listed: the 6 with any yes, any question not answered, or marked to discuss" in checkins
    assert "Not listed: 28 with every question answered no and no request to discuss" in checkins
    assert "19 Oct 2026 08:00 no yes; not all answered – preparing or acting" in checkins
    assert "11 Oct 2026 21:00 skipped – all (skipped)" in checkins
    assert " none " not in checkins[: checkins.index("Questions for my therapist")]


def test_side_effects_column_keeps_words_whole(qapp, known: Vault, tmp_path: Path):
    known.treatments.save(
        Treatment(
            dt.date(2026, 10, 26),
            dt.time(10),
            "ketamine_iv",
            dose_mg=40,
            weight_kg=80,
            side_effects={"dissociation": "moderate", "nausea/vomiting": "mild"},
        )
    )
    text = " ".join(export(known, tmp_path / "p.pdf"))
    start = text.index("Treatment sessions")
    sessions = text[start : text.index("Medications", start)]
    assert "dissociation (moderate)" in sessions
    assert "nausea/vomiting (mild)" in sessions
    for header in ("Diss.", "Base", "+4..7", "+8..14", "Durability"):
        assert header in sessions, header
    assert "each window (+1..+3, +4..+7, +8..+14 days) stops at the next session" in sessions


def test_journal_from_the_command_line_says_all_entries_with_a_note(
    qapp, known: Vault, tmp_path: Path
):
    every = " ".join(
        export(known, tmp_path / "all.pdf", sections=set(DEFAULT_SECTIONS) | {"journal"})
    )
    assert "Journal excerpts (all entries with a note in this period)" in every
    assert "chosen by the patient" not in every
    assert JOURNAL_MARKER in every and "final-day-note" in every


def test_incomplete_follow_up_is_dated_and_labelled(qapp, known: Vault, tmp_path: Path):
    thoughts_only = {
        "wish_dead": True,
        "thoughts": True,
        "behavior": False,
    }  # follow-ups unanswered
    known.checkins.add(SICheckin(dt.date(2026, 10, 27), dt.time(22), thoughts_only))
    pages = export(known, tmp_path / "p.pdf")
    assert "27 Oct 2026 (incomplete)" in pages[0]
    assert (
        "Latest check-in: 27 Oct 2026 22:00, incomplete (yes to thoughts of suicide, "
        "follow-up not answered)." in pages[0]
    )
    text = " ".join(pages)
    table = text[text.index("Suicidal-ideation self-checks") :]
    assert "method, intent, a plan" in table  # the unanswered follow-ups, named


def test_long_questionnaire_list_repeats_its_column_titles(qapp, known: Vault, tmp_path: Path):
    """The results are light paragraphs, not a <table> (issue 14): a page the list goes
    on to still starts with the column titles."""
    for day in range(1, 30):
        for hour in range(8, 12):
            known.questionnaires.add(
                QuestionnaireResult(FIRST + dt.timedelta(days=day), dt.time(hour), GAD7, [1] * 7)
            )
    text = " ".join(export(known, tmp_path / "long.pdf"))
    titles = "Date Questionnaire Total Band PHQ-9 item 9"
    assert text.count(titles) >= 2, "titles not repeated on the next page"
    assert "30 Oct 2026 11:00 GAD-7 7 mild –" in text  # four that day: with their times


def test_two_results_of_one_questionnaire_on_one_day_show_their_times(
    qapp, known: Vault, tmp_path: Path
):
    """Which came first decides the change from one to the next and whether one counts
    before the course: two PHQ-9s on 16 Oct say their times; the lone GAD-7 does not."""
    later = phq(dt.date(2026, 10, 16), 7)
    later.time = dt.time(18, 45)
    known.questionnaires.add(later)
    known.questionnaires.add(phq(dt.date(2026, 10, 16), 11, GAD7))
    text = " ".join(export(known, tmp_path / "twice.pdf"))
    assert "16 Oct 2026 09:00 PHQ-9 12" in text
    assert "16 Oct 2026 18:45 PHQ-9 7" in text
    assert "16 Oct 2026 GAD-7 11" in text
    assert "02 Oct 2026 PHQ-9 18" in text
    assert "PHQ-9 scores 02 Oct: 18, 16 Oct 09:00: 12, 16 Oct 18:45: 7, 29 Oct: 9." in text


def test_page_one_names_medications_changed_or_stopped_in_the_period(
    qapp, known: Vault, tmp_path: Path
):
    """Review finding: an antidepressant changed and stopped within the period read
    "Medications none recorded." on page 1 and "none recorded" above the table of its
    changes. "none recorded" is only for a journal with no medication at all."""
    from moodlog.domain.treatments import Medication, MedicationEvent

    known.medications.save(
        Medication(
            "Sertraline",
            events=[
                MedicationEvent(dt.date(2026, 9, 1), "start", 50, "once daily"),
                MedicationEvent(dt.date(2026, 10, 8), "change", 100, "once daily"),
                MedicationEvent(dt.date(2026, 10, 25), "stop"),
            ],
        )
    )
    pages = export(known, tmp_path / "meds.pdf")
    assert (
        "Medications none taken at the end of the period. In this period: Sertraline changed "
        "08 Oct 2026, stopped 25 Oct 2026." in pages[0]
    )
    text = " ".join(pages)
    assert "Taking at the end of the period: none." in text
    assert "none recorded" not in text.split("Medications", 2)[1][:40]
    # Still taken at the end, started within the period: both said.
    known.medications.save(
        Medication("Bupropion", events=[MedicationEvent(dt.date(2026, 10, 20), "start", 150)])
    )
    page1 = export(known, tmp_path / "meds2.pdf")[0]
    assert (
        "Bupropion 150 mg (taken at the end of the period). In this period: Bupropion started "
        "20 Oct 2026; Sertraline changed 08 Oct 2026, stopped 25 Oct 2026." in page1
    )


def test_page_one_with_no_medication_on_record_says_none_recorded(
    qapp, known: Vault, tmp_path: Path
):
    page1 = export(known, tmp_path / "none.pdf")[0]
    assert "Medications none recorded." in page1


def test_a_check_in_answered_in_part_is_not_called_skipped(qapp, known: Vault, tmp_path: Path):
    """Review finding: "prefer not to answer" to wishing to be dead, no to the rest, read
    "Latest check-in: ..., skipped." on page 1, whose key has no such word."""
    known.checkins.add(
        SICheckin(
            dt.date(2026, 10, 27),
            dt.time(7, 6),
            {"wish_dead": None, "thoughts": False, "behavior": False},
        )
    )
    pages = export(known, tmp_path / "part.pdf")
    assert (
        "Latest check-in: 27 Oct 2026 07:06, no yes; not all answered (wishing to be dead)."
        in pages[0]
    )
    text = " ".join(pages)
    table = text[text.index("Suicidal-ideation self-checks") :]
    assert "27 Oct 2026 07:06 no yes; not all answered – wishing to be dead" in table
    known.checkins.add(SICheckin.skipped_on(dt.date(2026, 10, 28), dt.time(8)))
    assert "Latest check-in: 28 Oct 2026 08:00, skipped." in export(known, tmp_path / "s.pdf")[0]


def test_an_empty_questionnaire_plot_says_so(qapp, known: Vault, tmp_path: Path):
    """Review finding: with no scored GAD-7 in the period its banded plot was blank."""
    options = ReportOptions(
        period=Period(dt.date(2026, 10, 21), dt.date(2026, 10, 31)),
        page_size=QPageSize(QPageSize.PageSizeId.A4),
    )
    export_pdf(bulk.load(known), options, tmp_path / "p.pdf", NOW)
    text = " ".join(pdf_text(tmp_path / "p.pdf"))
    assert "No scored GAD-7 in this period" in text  # the one GAD-7 is on 03 Oct
    assert "No scored PHQ-9 in this period" not in text  # 29 Oct: 9
