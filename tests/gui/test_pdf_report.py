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
    add(LAST, 20, 6, note="last day")
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
    assert "(previous 30 days: 1.0)" in page1
    assert "moodlog — patient-reported summary" in page1
    assert "01 Oct 2026 – 30 Oct 2026 (30 days)" in page1
    assert "18 (moderately severe, 02 Oct) → 9 (mild, 29 Oct)" in page1
    assert "course baseline 21" in page1 and "-57%" in page1
    assert "response yes (first reached 29 Oct 2026)" in page1
    assert "Sessions 3 in this period" in page1
    assert "Ketamine IV infusion ×2" in page1 and "Esketamine nasal spray ×1" in page1
    assert "dose 40–56 mg" in page1
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
    assert JOURNAL_MARKER in chosen and "last day" not in chosen


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


def test_charts_are_embedded_at_print_resolution(qapp, known: Vault, tmp_path: Path):
    export(known, tmp_path / "summary.pdf")
    reader = pypdf.PdfReader(tmp_path / "summary.pdf")
    widths = []
    for page in reader.pages:
        xobjects = page["/Resources"].get("/XObject", {})
        for ref in xobjects.values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                widths.append(int(obj["/Width"]))
    assert widths, "no chart images found"
    # Charts are 680 logical px (96 dpi) wide on paper: >= 200 dpi needs >= 1417 px.
    assert min(widths) >= 1417


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
    assert bad_date.returncode == 1 and "YYYY-MM-DD" in bad_date.stderr
    bad_section = run_cli([*base, "--sections", "summary,gossip"], PASSPHRASE + "\n")
    assert bad_section.returncode == 1 and "gossip" in bad_section.stderr
    assert not (tmp_path / "x.pdf").exists()


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

    from moodlog.report.pdf import _render_charts

    original = qapp.palette()
    dark = QPalette(original)
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        dark.setColor(role, QColor("#1e1e1e"))
    qapp.setPalette(dark)
    try:
        options = ReportOptions(period=Period(FIRST, LAST))
        images = _render_charts(bulk.load(known), options, NOW)
    finally:
        qapp.setPalette(original)
    image = images["mood_small"]
    corner = QColor(image.pixel(image.width() - 3, image.height() // 2))
    assert corner.lightness() > 240
