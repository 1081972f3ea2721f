"""Leftovers of the clinical review through the real widgets: the booster panel when no
maintenance session can be measured, and the help line for a PHQ-9 saved with item 9
unanswered."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from moodlog.domain.analysis import daily_series
from moodlog.domain.booster import booster_summary
from moodlog.domain.questionnaires import PHQ9
from moodlog.domain.treatments import Treatment
from moodlog.ui.context import AppContext
from moodlog.vault.vault import Vault
from tests.conftest import FakeClock

NOW = dt.datetime(2026, 11, 20, 21, 30)


@pytest.fixture
def context(vault: Vault, data_dir: Path) -> AppContext:
    from moodlog.preferences import Preferences

    return AppContext(
        vault=vault, data_dir=data_dir, preferences=Preferences(country="NZ"), now=FakeClock(NOW)
    )


def test_booster_panel_says_sessions_exist_but_lack_mood_data(qtbot):
    from moodlog.ui.booster_chart import BoosterPanel

    start = NOW.date() - dt.timedelta(days=120)
    sessions = [
        Treatment(start + dt.timedelta(days=d), dt.time(10), "ketamine_iv", dose_mg=40)
        for d in (0, 2, 4, 40, 60, 80)
    ]
    panel = BoosterPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.show_summary(booster_summary(daily_series([]), sessions, NOW))
    text = panel.figure.text()
    assert "No maintenance sessions yet" not in text
    assert text.startswith("3 maintenance sessions, but none has enough mood entries")
    assert panel.figure.isVisible()


def open_phq9(qtbot, context: AppContext, item9: int | None):
    from moodlog.ui.questionnaire import QuestionnaireDialog

    dialog = QuestionnaireDialog(context, PHQ9)
    qtbot.addWidget(dialog)
    dialog.show()
    for group, answer in zip(dialog.groups, [1] * 8 + [item9], strict=True):
        if answer is not None:
            group.button(answer).click()
    return dialog


def test_phq9_saved_with_item9_unanswered_shows_the_help_line(qtbot, context):
    dialog = open_phq9(qtbot, context, item9=None)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.crisis_line is None  # not saved yet: "Save anyway" is offered first
    assert dialog.save_button.text() == dialog.SAVE_ANYWAY
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # read, then a deliberate click
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    (saved,) = context.vault.questionnaires.all()
    assert saved.answers[8] is None
    box = dialog.crisis_line
    assert box is not None and box.isVisible() and box.label.isVisible()
    text = box.text()
    assert text.startswith("You left question 9 unanswered. If you are having thoughts of ")
    assert "1737" in text and "111" in text  # NZ crisis line and emergency number
    assert box.help_button.isVisible() and box.help_button.text() == "Get help now"
    assert not hasattr(dialog, "follow_up")  # no follow-up questions forced on anyone
    with qtbot.waitSignal(context.events.help_requested, timeout=1000):
        qtbot.mouseClick(box.help_button, Qt.MouseButton.LeftButton)


def test_phq9_item9_positive_keeps_the_calm_wording(qtbot, context):
    dialog = open_phq9(qtbot, context, item9=1)
    assert dialog.crisis_line is not None and dialog.crisis_line.isVisible()
    assert dialog.crisis_line.text().startswith("You do not have to carry thoughts like these")
