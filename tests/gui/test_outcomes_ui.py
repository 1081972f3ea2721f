"""The one baseline rule in the questionnaire dialog, its history and Trends (issue 11 §3-4)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from moodlog.domain.analysis import OUTCOME_DEFINITIONS, SESSION_WINDOW_RULES
from moodlog.domain.questionnaires import GAD7, PHQ9, QuestionnaireResult
from moodlog.domain.treatments import Treatment
from moodlog.i18n import time_text
from moodlog.ui.context import AppContext
from moodlog.ui.questionnaire import QuestionnaireDialog, QuestionnaireHistoryDialog
from moodlog.vault.vault import Vault
from tests.conftest import FakeClock

NOW = dt.datetime(2026, 11, 20, 20, 30)
FIRST_SESSION = dt.date(2026, 10, 1)


def answers_for(total: int) -> list[int]:
    return [min(3, max(0, total - 3 * i)) for i in range(9)]


def phq(day: dt.date, total: int) -> QuestionnaireResult:
    return QuestionnaireResult(day, dt.time(9), PHQ9, answers_for(total))


@pytest.fixture
def context(vault: Vault, data_dir: Path) -> AppContext:
    from moodlog.preferences import Preferences

    return AppContext(
        vault=vault, data_dir=data_dir, preferences=Preferences(country="US"), now=FakeClock(NOW)
    )


@pytest.fixture
def course(vault: Vault) -> Vault:
    """A first-ever PHQ-9 of 10 long before the course, 20 in the 30 days before it."""
    vault.questionnaires.add(phq(dt.date(2026, 6, 1), 10))
    vault.questionnaires.add(phq(dt.date(2026, 9, 25), 20))
    for offset in (0, 3, 7):
        day = FIRST_SESSION + dt.timedelta(days=offset)
        vault.treatments.save(Treatment(day, dt.time(10), "ketamine_iv", dose_mg=40))
    return vault


def test_dialog_uses_the_course_baseline_and_prints_the_definitions(qtbot, context, course):
    dialog = QuestionnaireDialog(context, PHQ9)
    qtbot.addWidget(dialog)
    dialog.set_answers(answers_for(4))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    text = dialog.result_label.text()
    assert "Change from course baseline (20 on 25 Sep 2026): -16 (-80%)" in text
    assert "Response yes (first reached 20 Nov 2026); remission yes" in text
    assert OUTCOME_DEFINITIONS in text
    assert "baseline (10" not in text  # never against the first result ever (10)


def test_dialog_without_a_pre_treatment_baseline_states_no_outcome(qtbot, context, vault):
    vault.questionnaires.add(phq(dt.date(2026, 6, 1), 20))  # long before the course
    vault.treatments.save(Treatment(FIRST_SESSION, dt.time(10), "ketamine_iv", dose_mg=40))
    dialog = QuestionnaireDialog(context, PHQ9)
    qtbot.addWidget(dialog)
    dialog.set_answers(answers_for(4))
    dialog.save()
    text = dialog.result_label.text()
    assert "No pre-treatment baseline, so response and remission are not stated." in text
    assert "Response yes" not in text and "remission yes" not in text


def test_history_shows_which_result_is_the_baseline(qtbot, context, course):
    dialog = QuestionnaireHistoryDialog(context)
    qtbot.addWidget(dialog)
    cells = {
        dialog.table.item(row, 0).text(): dialog.table.item(row, 5).text()
        for row in range(dialog.table.rowCount())
    }
    assert cells == {"25 Sep 2026": "baseline (automatic)", "01 Jun 2026": ""}
    dialog.table.selectRow(1)  # 01 Jun 2026: months before the course
    dialog.mark_baseline()
    cells = {
        dialog.table.item(row, 0).text(): dialog.table.item(row, 5).text()
        for row in range(dialog.table.rowCount())
    }
    assert cells["01 Jun 2026"] == "\N{BLACK STAR} baseline"
    assert cells["25 Sep 2026"] == ""


def test_trends_states_the_rules(qtbot, context, course):
    from moodlog.ui.trends import TrendsScreen

    course.questionnaires.add(phq(dt.date(2026, 11, 1), 9))
    screen = TrendsScreen(context)
    qtbot.addWidget(screen)
    screen.show()
    screen.tabs.setCurrentIndex(1)
    text = screen.around.definitions.text()
    assert SESSION_WINDOW_RULES in text and OUTCOME_DEFINITIONS in text
    label = screen.around.course_label.text()
    assert "PHQ-9: baseline 20 (severe, 25 Sep 2026)" in label
    assert "response yes (first reached 01 Nov 2026)" in label


def test_a_result_before_the_first_session_is_not_the_course_change(qtbot, context, vault):
    """Clinician review: a PHQ-9 three days before the first session counted as the
    latest, for a "response yes" before any treatment. Trends and the history's
    sentence now say there is no result since the first session yet."""
    from moodlog.ui.questionnaire import result_summary
    from moodlog.ui.trends import TrendsScreen

    marked = phq(dt.date(2026, 8, 17), 20)
    marked.is_baseline = True
    before = phq(dt.date(2026, 9, 28), 9)
    vault.questionnaires.add(marked)
    vault.questionnaires.add(before)
    vault.treatments.save(Treatment(FIRST_SESSION, dt.time(10), "ketamine_iv", dose_mg=40))
    text = result_summary(before, [marked, before], [*vault.treatments.all()], NOW)
    assert "Taken before the first session of the course (01 Oct 2026)" in text
    assert "Change from course baseline" not in text and "Response yes" not in text
    screen = TrendsScreen(context)
    qtbot.addWidget(screen)
    screen.show()
    screen.tabs.setCurrentIndex(1)
    label = screen.around.course_label.text()
    assert "PHQ-9: baseline 20 (severe, 17 Aug 2026); no result since the first session" in label
    assert "response yes" not in label and "-55%" not in label


def test_history_shows_the_times_of_two_results_on_one_day(qtbot, context, course):
    """Which came first decides the change column: two PHQ-9s on one day say their
    times; a GAD-7 the same day and the other days do not."""
    evening = phq(dt.date(2026, 9, 25), 12)
    evening.time = dt.time(21, 15)
    course.questionnaires.add(evening)
    course.questionnaires.add(QuestionnaireResult(dt.date(2026, 9, 25), dt.time(9), GAD7, [1] * 7))
    dialog = QuestionnaireHistoryDialog(context)
    qtbot.addWidget(dialog)
    rows = [
        (dialog.table.item(row, 0).text(), dialog.table.item(row, 1).text())
        for row in range(dialog.table.rowCount())
    ]
    morning, night = time_text(dt.time(9)), time_text(dt.time(21, 15))
    assert ("25 Sep 2026 " + morning, "PHQ-9") in rows
    assert ("25 Sep 2026 " + night, "PHQ-9") in rows
    assert ("25 Sep 2026", "GAD-7") in rows and ("01 Jun 2026", "PHQ-9") in rows
    changes = {
        dialog.table.item(row, 0).text(): dialog.table.item(row, 4).text()
        for row in range(dialog.table.rowCount())
    }
    assert changes["25 Sep 2026 " + night] == "-8"  # from 20 that morning
