"""Today: fill in the check-in with the keyboard and mouse, save, find it again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from moodlog.domain.questionnaires import PHQ9
from moodlog.ui.context import AppContext
from moodlog.ui.today import TodayScreen
from moodlog.vault.vault import Vault
from tests.conftest import SI_ANSWERS, FakeClock

NOW = dt.datetime(2026, 11, 20, 20, 30)


@pytest.fixture
def context(vault: Vault, data_dir: Path):
    from moodlog.preferences import Preferences

    return AppContext(
        vault=vault, data_dir=data_dir, preferences=Preferences(country="US"), now=FakeClock(NOW)
    )


@pytest.fixture
def today(qtbot, context) -> TodayScreen:
    screen = TodayScreen(context)
    qtbot.addWidget(screen)
    screen.show()
    return screen


@pytest.fixture
def help_levels(context) -> list[str]:
    levels: list[str] = []
    context.events.help_requested.connect(levels.append)
    return levels


def tick_tag(screen: TodayScreen, name: str) -> None:
    tags = screen.form.tags
    item = tags.findItems(name, Qt.MatchFlag.MatchExactly)[0]
    item.setCheckState(Qt.CheckState.Checked)


def test_fill_save_and_find_in_calendar_and_search(qtbot, today, context, vault):
    form = today.form
    form.mood.slider.setFocus()
    QTest.keyClick(form.mood.slider, Qt.Key.Key_Right)  # 5 -> 6 with the keyboard
    QTest.keyClick(form.mood.slider, Qt.Key.Key_Right)
    assert form.mood.value() == 7
    qtbot.mouseClick(form.anxiety.enabled_box, Qt.MouseButton.LeftButton)
    form.anxiety.slider.setValue(2)
    form.sleep_hours.setValue(7.25)
    tick_tag(today, "exercise")
    qtbot.keyClicks(form.note, "Walked to the lighthouse ")
    form.note.insertPlainText("🌊")  # QTest can only type ASCII
    qtbot.mouseClick(today.save_button, Qt.MouseButton.LeftButton)

    (saved,) = vault.entries.between()
    assert (saved.day, saved.mood, saved.anxiety, saved.energy, saved.sleep_hours) == (
        NOW.date(),
        7,
        2,
        None,
        7.25,
    )
    assert saved.tags == ["exercise"] and saved.note == "Walked to the lighthouse 🌊"
    assert "Saved" in today.status.text()
    assert form.note.toPlainText() == ""  # ready for another check-in
    assert "Already saved today" in today.earlier.text()

    from moodlog.domain.entries import Entry
    from moodlog.ui.journal import JournalScreen

    vault.entries.add(Entry(NOW.date() - dt.timedelta(days=3), dt.time(9), 4, note="other day"))
    journal = JournalScreen(context)
    qtbot.addWidget(journal)
    journal.year_box.setValue(NOW.year)
    assert journal.heatmap.moods == {NOW.date(): 7.0, NOW.date() - dt.timedelta(days=3): 4.0}
    assert len(journal.result_days()) == 2
    qtbot.keyClicks(journal.search_box, "lighthouse")
    qtbot.waitUntil(lambda: journal.result_days() == [NOW.date()], timeout=2000)
    journal.search_box.setText('NEAR "')
    qtbot.waitUntil(lambda: journal.result_days() == [], timeout=2000)


def test_empty_optional_fields_are_stored_as_missing(qtbot, today, vault):
    today.save()
    (saved,) = vault.entries.between()
    assert (
        saved.anxiety,
        saved.energy,
        saved.irritability,
        saved.sleep_hours,
        saved.sleep_quality,
    ) == (None,) * 5


def test_past_days_can_be_filled_in_and_are_marked_backfilled(qtbot, today, vault):
    today.form.date_edit.setDate(today.form.date_edit.date().addDays(-5))
    today.save()
    (saved,) = vault.entries.between()
    assert saved.day == NOW.date() - dt.timedelta(days=5)
    assert saved.created_at is not None
    assert "filled in later" in today.status.text()


def test_untouched_self_check_is_recorded_as_skipped(today, vault, help_levels):
    today.save()
    (checkin,) = vault.checkins.all()
    assert checkin.skipped and checkin.level == "skipped"
    assert help_levels == []


@pytest.mark.parametrize("level", ["none", "low", "moderate", "high"])
def test_saving_works_with_any_answer_and_support_follows_yes(today, vault, help_levels, level):
    for key, value in SI_ANSWERS[level].items():
        today.self_check.answer(key, value)
    assert today.save()
    assert vault.entries.count() == 1
    (checkin,) = vault.checkins.all()
    assert checkin.level == level
    assert help_levels == ([] if level == "none" else [level])


def test_follow_up_questions_appear_only_after_yes_to_thoughts(today):
    widget = today.self_check
    method_row = widget.rows["method"][0]
    assert method_row.isHidden()
    widget.answer("thoughts", True)
    assert not method_row.isHidden()
    widget.answer("thoughts", False)
    assert method_row.isHidden()
    assert widget.answers()["method"] is None


def test_discuss_adds_a_flagged_question(today, vault):
    today.self_check.answer("wish_dead", True)
    today.self_check.discuss_box.setChecked(True)
    today.save()
    (question,) = vault.questions.all(open_only=True)
    assert question.flagged and question.source == "self-check"
    assert vault.checkins.all()[0].discuss


def test_unsaved_edits_become_an_encrypted_draft(qtbot, today, context, vault):
    qtbot.keyClicks(today.form.note, "half-written thought")
    today.self_check.answer("wish_dead", False)
    today.leaving()
    assert vault.drafts.load("today")["entry"]["note"] == "half-written thought"
    restored = TodayScreen(context)
    qtbot.addWidget(restored)
    assert restored.form.note.toPlainText() == "half-written thought"
    assert restored.self_check.answers()["wish_dead"] is False
    assert "unsaved" in restored.status.text()
    restored.save()
    assert vault.drafts.load("today") is None


def test_invalid_input_shows_a_message_and_saves_nothing(today, vault):
    today.form.mood.slider.setValue(5)
    today.form.sleep_hours.setValue(7.3)  # QDoubleSpinBox keeps 2 decimals: not a quarter
    assert not today.save()
    assert "quarter hours" in today.status.text()
    assert vault.entries.count() == 0


def test_phq9_item_nine_opens_the_self_check(qtbot, today, context, vault):
    today.open_questionnaire(PHQ9)
    dialog = today.questionnaire_dialog
    qtbot.addWidget(dialog)
    dialog.set_answers([1, 2, 1, 2, 1, 0, 1, 0, 1])
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    text = dialog.result_label.text()
    assert "PHQ-9: 9 of 27 (mild)" in text and "not a diagnosis" in text
    assert dialog.follow_up.isVisible()
    (result,) = vault.questionnaires.all()
    assert result.total == 9


def test_unanswered_questionnaire_is_not_scored(qtbot, today, vault):
    today.open_questionnaire(PHQ9)
    dialog = today.questionnaire_dialog
    qtbot.addWidget(dialog)
    dialog.set_answers([1, 1, 1, None, 1, 1, 1, 1, 0])
    dialog.save()
    assert "not scored" in dialog.result_label.text() and "4" in dialog.result_label.text()
    assert not hasattr(dialog, "follow_up")


def test_phq9_prompt_when_due(today, vault):
    prompts = [today.prompts.itemAt(i).widget() for i in range(today.prompts.count())]
    assert any("PHQ-9" in w.findChildren(type(today.status))[0].text() for w in prompts)
    assert "(due)" in today.phq_button.text()


def test_questionnaire_history_marks_the_course_baseline(qtbot, today, vault):
    from moodlog.domain.questionnaires import QuestionnaireResult

    for day, total in ((1, 20), (8, 15), (15, 9)):
        answers = [min(3, max(0, total - 3 * i)) for i in range(9)]
        vault.questionnaires.add(
            QuestionnaireResult(dt.date(2026, 11, day), dt.time(9), PHQ9, answers)
        )
    today.open_questionnaire_history()
    dialog = today.history_dialog
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 3
    assert dialog.table.item(0, 4).text() == "-6"
    dialog.table.selectRow(1)  # the 15 on 8 Nov
    dialog.mark_baseline()
    assert [r.total for r in vault.questionnaires.all() if r.is_baseline] == [15]
    assert "baseline" in dialog.table.item(1, 5).text()
