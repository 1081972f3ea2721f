"""Today: fill in the check-in with the keyboard and mouse, save, find it again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from moodlog.domain.questionnaires import PHQ9
from moodlog.i18n import time_text
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


def set_mood(screen: TodayScreen, value: int = 6) -> None:
    screen.form.mood.set_value(value)


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
    set_mood(today)
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
    set_mood(today)
    today.save()
    (saved,) = vault.entries.between()
    assert saved.day == NOW.date() - dt.timedelta(days=5)
    assert saved.created_at is not None
    assert "filled in later" in today.status.text()


def test_untouched_self_check_is_recorded_as_skipped(today, vault, help_levels):
    set_mood(today)
    today.save()
    (checkin,) = vault.checkins.all()
    assert checkin.skipped and checkin.level == "skipped"
    assert help_levels == []


@pytest.mark.parametrize("level", ["none", "low", "moderate", "high"])
def test_saving_works_with_any_answer_and_support_follows_yes(today, vault, help_levels, level):
    for key, value in SI_ANSWERS[level].items():
        today.self_check.answer(key, value)
    set_mood(today)
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
    set_mood(today)
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
    assert restored.form.mood.value() is None  # a draft without a mood gets none
    set_mood(restored)
    assert restored.save()
    assert vault.drafts.load("today") is None


def test_invalid_input_shows_a_message_and_saves_nothing(today, vault):
    set_mood(today, 5)
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
    dialog.save()  # a partly answered form is saved only after "Save anyway"
    assert "4" in dialog.result_label.text() and vault.questionnaires.all() == []
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


# -- issue 11 §7: the record holds what the person entered ---------------------------------


def test_mood_starts_unset_and_save_asks_for_it(qtbot, today, vault):
    assert today.form.mood.value() is None
    assert "not set yet" in today.form.mood.value_label.text()
    qtbot.mouseClick(today.save_button, Qt.MouseButton.LeftButton)
    assert vault.entries.count() == 0  # no "mood 5" from an untouched form
    assert vault.checkins.all() == []
    text = today.status.text()
    assert "mood" in text.lower() and "0 = worst possible" in text
    for word in ("error", "invalid", "must"):
        assert word not in text.lower()
    today.form.mood.slider.setValue(3)
    assert today.save()
    (saved,) = vault.entries.between()
    assert saved.mood == 3


def test_the_shown_middle_value_is_recorded_only_when_chosen(qtbot, today, vault):
    slider = today.form.mood.slider
    slider.setFocus()
    QTest.keyClick(slider, Qt.Key.Key_Space)  # keep the 5 it shows, with the keyboard
    assert today.form.mood.value() == 5
    today.form.mood.set_value(None)
    assert today.form.mood.value() is None
    qtbot.mousePress(slider, Qt.MouseButton.LeftButton, pos=slider.rect().center())
    qtbot.mouseRelease(slider, Qt.MouseButton.LeftButton, pos=slider.rect().center())
    assert today.form.mood.value() is not None  # a click on the slider sets it


def test_missing_mood_does_not_hold_back_an_answered_self_check(today, vault, help_levels):
    for key, value in SI_ANSWERS["low"].items():
        today.self_check.answer(key, value)
    assert not today.save()
    assert vault.entries.count() == 0
    (checkin,) = vault.checkins.all()
    assert checkin.level == "low" and help_levels == ["low"]
    assert "self-check is saved" in today.status.text() and "mood" in today.status.text()
    set_mood(today, 4)
    assert today.save()
    assert vault.entries.count() == 1
    assert len(vault.checkins.all()) == 1  # no extra "skipped" for the same form


def test_entry_time_is_the_time_of_saving(today, context, vault):
    context.now.value = NOW + dt.timedelta(minutes=17)  # the form stayed open a while
    set_mood(today)
    assert today.save()
    (saved,) = vault.entries.between()
    assert (saved.day, saved.time) == (NOW.date(), dt.time(20, 47))


def test_form_open_across_midnight_lands_on_the_new_day(qtbot, context, vault):
    context.now.value = dt.datetime(2026, 11, 20, 23, 50)
    screen = TodayScreen(context)
    qtbot.addWidget(screen)
    set_mood(screen)
    context.now.value = dt.datetime(2026, 11, 21, 0, 10)
    assert screen.save()
    (saved,) = vault.entries.between()
    assert (saved.day, saved.time) == (dt.date(2026, 11, 21), dt.time(0, 10))
    assert not saved.backfilled


def test_a_day_and_time_the_person_chose_are_kept(today, context, vault):
    from PySide6.QtCore import QTime

    today.form.time_edit.setTime(QTime(8, 15))
    context.now.value = NOW + dt.timedelta(minutes=30)
    set_mood(today)
    assert today.save()
    (saved,) = vault.entries.between()
    assert (saved.day, saved.time) == (NOW.date(), dt.time(8, 15))


def prompt_texts(screen: TodayScreen) -> list[str]:
    return [
        screen.prompts.itemAt(i).widget().findChildren(type(screen.status))[0].text()
        for i in range(screen.prompts.count())
    ]


def _session_today(vault: Vault, hour: int) -> None:
    from moodlog.domain.treatments import Treatment

    vault.treatments.save(
        Treatment(day=NOW.date(), time=dt.time(hour), kind="esketamine_nasal", dose_mg=56)
    )


def _phq9_days_ago(vault: Vault, days: int) -> None:
    from moodlog.domain.questionnaires import QuestionnaireResult

    vault.questionnaires.add(
        QuestionnaireResult(NOW.date() - dt.timedelta(days=days), dt.time(9), PHQ9, [1] * 9)
    )


def test_phq9_due_label_and_prompt_clear_as_soon_as_one_is_taken(qtbot, context, vault):
    _session_today(vault, 10)  # a treatment day (the session was this morning)
    screen = TodayScreen(context)
    qtbot.addWidget(screen)
    assert "(due)" in screen.phq_button.text()
    assert any("PHQ-9" in text for text in prompt_texts(screen))
    screen.open_questionnaire(PHQ9)
    dialog = screen.questionnaire_dialog
    qtbot.addWidget(dialog)
    dialog.set_answers([1, 1, 1, 1, 1, 1, 1, 1, 0])
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "(due)" not in screen.phq_button.text()
    assert not any("PHQ-9" in text for text in prompt_texts(screen))


@pytest.mark.parametrize("days_ago, prompted", [(3, False), (6, False), (7, True), (10, True)])
def test_session_day_phq9_prompt_only_a_week_after_the_last(
    qtbot, context, vault, days_ago, prompted
):
    vault.settings.set("questionnaire_every_days", 14)  # the regular prompt stays quiet
    _session_today(vault, 22)  # the session is later today
    _phq9_days_ago(vault, days_ago)
    screen = TodayScreen(context)
    qtbot.addWidget(screen)
    expected = "If it's been a week, a PHQ-9 before your session helps track the course."
    assert (expected in prompt_texts(screen)) is prompted
    assert ("(due)" in screen.phq_button.text()) is prompted


def test_no_treatment_day_phq9_prompt_within_a_week(qtbot, context, vault):
    _session_today(vault, 10)  # this morning's session
    _phq9_days_ago(vault, 2)
    screen = TodayScreen(context)
    qtbot.addWidget(screen)
    assert not any("PHQ-9" in text for text in prompt_texts(screen))
    assert "(due)" not in screen.phq_button.text()


# -- issue 14 §2: one transaction per save ---------------------------------------------------


def test_save_is_one_transaction_and_does_not_reread_sessions(today, vault, monkeypatch):
    statements: list[str] = []
    vault.conn.set_trace_callback(statements.append)
    calls = []
    monkeypatch.setattr(vault.treatments, "all", lambda: calls.append(1) or [])
    for key, value in SI_ANSWERS["none"].items():
        today.self_check.answer(key, value)
    set_mood(today)
    assert today.save()
    vault.conn.set_trace_callback(None)
    commits = [s for s in statements if s.strip().upper() in ("COMMIT", "END")]
    begins = [s for s in statements if s.strip().upper().startswith("BEGIN")]
    assert (len(begins), len(commits)) == (1, 1)
    assert calls == []  # no full refresh decoding every session's JSON
    assert vault.entries.count() == 1 and len(vault.checkins.all()) == 1


def test_a_failed_save_leaves_nothing_half_written(today, vault, monkeypatch):
    from moodlog.vault import repositories

    def broken(self, checkin):  # noqa: ANN001
        raise RuntimeError("disk full")

    monkeypatch.setattr(repositories.CheckinRepository, "add", broken)
    set_mood(today)
    today.form.note.setPlainText("kept")
    with pytest.raises(RuntimeError):
        today.save()
    assert vault.entries.count() == 0  # the entry went back with the check-in
    assert today.form.note.toPlainText() == "kept"  # and the form still holds it


def test_already_saved_line_follows_own_saves_and_other_screens(today, context, vault):
    from moodlog.domain.entries import Entry

    set_mood(today, 3)
    assert today.save()
    context.now.value = NOW + dt.timedelta(minutes=5)
    set_mood(today, 7)
    assert today.save()
    first, second = (time_text(dt.time(20, m)) for m in (30, 35))  # the locale's clock
    assert f"{first} mood 3, {second} mood 7" in today.earlier.text()
    vault.entries.add(Entry(NOW.date(), dt.time(8, 0), 2))  # e.g. added in the journal
    context.events.data_changed.emit("entries")
    morning = time_text(dt.time(8, 0))
    assert f"{morning} mood 2, {first} mood 3, {second} mood 7" in today.earlier.text()


def test_a_typed_evening_time_is_saved_as_typed_in_a_12_hour_locale(qtbot, today, vault):
    """Review finding: with the locale's 12-hour format in the field (tests run in
    en_US), typing 20:30 into a field showing an afternoon time saved 14:42. Time fields
    stay 24-hour; written times follow the locale."""
    from PySide6.QtCore import QLocale

    assert QLocale().timeFormat(QLocale.FormatType.ShortFormat).startswith("h:mm")  # en_US
    field = today.form.time_edit
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    field.setSelectedSection(field.Section.HourSection)
    qtbot.keyClicks(field, "20:30")
    set_mood(today)
    assert today.save()
    (saved,) = vault.entries.between()
    assert saved.time == dt.time(20, 30)
