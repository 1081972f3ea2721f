"""Clinician review of issues 11 and 16 through the real widgets: defects found by
looking at the running app, each with the test that failed before its fix."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QLabel

from moodlog.domain.safety import QUESTIONS
from moodlog.preferences import Preferences
from moodlog.ui.context import AppContext
from moodlog.vault.vault import Vault
from tests.conftest import FakeClock

NOW = dt.datetime(2026, 11, 30, 2, 0)


def make_context(vault: Vault, data_dir: Path, country: str = "NZ") -> AppContext:
    return AppContext(
        vault=vault,
        data_dir=data_dir,
        preferences=Preferences(country=country),
        now=FakeClock(NOW),
    )


def question_labels(widget) -> list[QLabel]:
    texts = set(QUESTIONS.values())
    return [label for label in widget.findChildren(QLabel) if label.text() in texts]


def test_follow_up_questions_are_never_cut_off(qtbot, vault: Vault, data_dir: Path):
    """After item 9, the self-check opens at its narrowest; a yes to thoughts shows
    three more questions. Every question must stay readable in full: the dialog grows
    instead of squeezing the wrapped questions to one clipped line."""
    from moodlog.ui.checkin import SelfCheckDialog

    dialog = SelfCheckDialog(make_context(vault, data_dir), reason="A reason.", show_help=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.widget.answer("wish_dead", True)
    dialog.widget.answer("thoughts", True)
    qtbot.wait(20)
    labels = [label for label in question_labels(dialog) if label.isVisible()]
    assert len(labels) == 6
    for label in labels:
        needed = label.heightForWidth(label.width())
        assert label.height() >= needed, label.text()


def test_help_panel_never_claims_a_yes_the_person_did_not_give(qtbot, vault, data_dir):
    """A yes to wishing to be dead with the last question unanswered is `incomplete`
    (urgent) without any yes to thoughts of suicide: the panel that opens must not
    tell the person they said yes to thoughts of suicide."""
    from moodlog.ui.checkin import SelfCheckDialog

    context = make_context(vault, data_dir)
    requested: list[str] = []
    context.events.help_requested.connect(requested.append)
    dialog = SelfCheckDialog(context)
    qtbot.addWidget(dialog)
    dialog.widget.answer("wish_dead", True)
    dialog.widget.answer("thoughts", False)
    dialog.widget.answer("behavior", None)
    dialog.save()
    assert requested == ["incomplete"]
    (checkin,) = vault.checkins.all()
    assert checkin.label == "yes to wishing to be dead, follow-up not answered"

    from moodlog.ui.help_panel import HelpPanel

    panel = HelpPanel("NZ", None, locked=False, level=requested[0])
    qtbot.addWidget(panel)
    text = panel.text()
    assert "If you might act on these thoughts now, call 111 or 1737 now." in text
    assert "thoughts of suicide" not in text


def test_trends_legend_shows_each_level_s_shape_and_one_meaning_of_trend(
    qtbot, vault: Vault, data_dir: Path
):
    """The chart draws each self-check level with its own shape (a `high` day is not
    told apart by colour alone); the legend beside it must show those shapes. And the
    7-day line is a mean, not the "trend" the PDF defines as a fitted line."""
    from moodlog.charts.plots import LEVEL_SYMBOLS
    from moodlog.report.pdf import CHART_KEY
    from moodlog.ui.trends import TrendsScreen

    screen = TrendsScreen(make_context(vault, data_dir))
    qtbot.addWidget(screen)
    legend = screen.legend.text()  # every entry of the key, and its note
    assert "Self-check: " in legend
    for level in ("none", "low", "moderate", "incomplete", "high", "skipped"):
        assert f"{LEVEL_SYMBOLS[level][2]}</span>&nbsp;{level}" in legend
    assert "7-day mean" in legend and "trend" not in legend
    assert "7-day mean" in CHART_KEY and "trend" not in CHART_KEY


def test_session_table_keeps_its_words_whole_during_an_induction_course(
    qapp, vault: Vault, tmp_path: Path
):
    """An induction course (6 sessions in 18 days): the cells say "baseline overlaps
    previous session", "to next session" and "after next session"; in the PDF's narrow
    columns these were broken mid-word ("baseli ne overl aps", "sessio n")."""
    import pypdf
    from PySide6.QtGui import QPageSize

    from moodlog.domain.entries import Entry
    from moodlog.domain.period import Period
    from moodlog.domain.treatments import Treatment
    from moodlog.report.pdf import ReportOptions, export_pdf
    from moodlog.vault import bulk

    first = dt.date(2026, 10, 1)
    for offset in range(-10, 40):
        day = first + dt.timedelta(days=offset)
        vault.entries.add(Entry(day, dt.time(20), 4 if offset < 0 else 6))
    for offset in (0, 3, 7, 10, 14, 17):
        day = first + dt.timedelta(days=offset)
        vault.treatments.save(Treatment(day, dt.time(10), "ketamine_iv", dose_mg=40))
    options = ReportOptions(
        period=Period(first, first + dt.timedelta(days=29)),
        country="US",
        page_size=QPageSize(QPageSize.PageSizeId.A4),
    )
    export_pdf(bulk.load(vault), options, tmp_path / "p.pdf", NOW)
    text = " ".join(
        " ".join(page.extract_text().split()) for page in pypdf.PdfReader(tmp_path / "p.pdf").pages
    )
    start = text.index("Treatment sessions")
    table = text[
        text.index("Durability", text.index("Diss.", start)) : text.index("Medications", start)
    ]
    assert table.count("baseline overlaps previous session") == 4  # sessions 3-6
    assert "(to next session)" in table and "after next session" in table
    for broken in ("baseli ne", "overl aps", "sessio n", "previ ous"):
        assert broken not in table, broken


def test_a_chosen_country_without_listed_lines_is_not_asked_to_choose_again():
    """Egypt chosen: moodlog lists no line for it. The panel must not send a person in
    crisis to "choose your country above", which would show nothing more; it names a
    directory of crisis lines instead."""
    from moodlog.ui.help_panel import help_html

    for code in ("EG", "DK", "ZZ"):  # ZZ: "another country", chosen on purpose
        chosen = help_html(code, None, locked=True, level="high")
        assert "Choose your country" not in chosen
        assert "does not list a crisis line for this country" in chosen
        assert "Call your local crisis line, or a doctor or hospital near you." in chosen
        assert "Find A Helpline (findahelpline.com), a free directory, lists" in chosen
    assert "findahelpline" not in help_html("JP", None, locked=True, level="high")
    # Italy's line is open from 10:00 to midnight: the directory is named too, and no
    # "now" stands above it or sends a person to it "at any time" (diff reviews)
    italy = help_html("IT", None, locked=True, level="moderate")
    assert "Find A Helpline (findahelpline.com)" in italy
    assert "Talk to someone now" not in italy and "<h3>Talk to someone</h3>" in italy
    assert "call a crisis line below at any time" not in italy
    assert "call the crisis line below when it is open, or the emergency number" in italy
    assert "Talk to someone now" in help_html("GB", None, locked=True, level="moderate")
    unchosen = help_html("", None, locked=True)
    assert "Choose your country above to see its crisis lines." in unchosen


def test_italys_part_time_line_says_its_hours_in_the_plan_and_both_pdfs():
    """Second diff review: the starter safety plan showed Telefono Amico's number without
    its hours, and the printed plan and the therapist PDF named no other help for the
    hours it is closed."""
    import datetime as dt

    from moodlog.domain.demo import build_demo
    from moodlog.domain.period import Period
    from moodlog.domain.safety import SafetyPlan
    from moodlog.report.pdf import ReportOptions, build_report
    from moodlog.report.safety_plan_pdf import safety_plan_html

    printed = safety_plan_html(SafetyPlan(), "IT")
    assert "10:00 to midnight every day); findahelpline.com lists others" in printed
    now = dt.datetime(2026, 11, 20, 20)
    options = ReportOptions(period=Period.last_days(30, now.date()), country="IT")
    html = build_report(build_demo(end=now.date(), days=40, now=now), options, now).html
    assert "findahelpline.com lists others; in an emergency: 112 or 118." in html


def test_trends_booster_panel_says_weekly_sessions_cannot_be_measured(qtbot):
    from moodlog.domain.booster import CLOSE_TOGETHER_TEXT, booster_summary
    from moodlog.domain.treatments import Treatment
    from moodlog.ui.booster_chart import BoosterPanel

    first = dt.date(2026, 1, 5)

    def spray(offset: int) -> Treatment:
        day = first + dt.timedelta(days=offset)
        return Treatment(day=day, time=dt.time(10), kind="esketamine_nasal", dose_mg=56)

    sessions = [spray(o) for o in (0, 3, 7, 10, 14, 17, 21, 24, *range(31, 120, 7))]
    mood = {first + dt.timedelta(days=o): 4.0 for o in range(-10, 120)}
    now = dt.datetime.combine(first + dt.timedelta(days=119), dt.time(20))
    panel = BoosterPanel()
    qtbot.addWidget(panel)
    panel.show_summary(booster_summary(mood, sessions, now))
    assert panel.figure.text() == f"{CLOSE_TOGETHER_TEXT[0].upper()}{CLOSE_TOGETHER_TEXT[1:]}."
