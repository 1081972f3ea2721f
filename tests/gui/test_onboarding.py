"""The introduction after a new journal is created: skippable, and it writes what the
person chose (reminder, daily fields, questionnaire rhythm) through the vault settings."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTime

from moodlog.ui.daily_fields import ALL_FIELDS, shown_fields
from moodlog.ui.onboarding import SETTING_ONBOARDING_DONE, OnboardingDialog
from moodlog.ui.reminders import ReminderConfig
from tests.gui.helpers import create_vault_through_the_window, unlock


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_new_journal_starts_with_the_introduction_and_it_writes_the_choices(qtbot, data_dir):
    controller = create_vault_through_the_window(qtbot, data_dir, keep_introduction=True)
    dialog = controller.onboarding
    assert isinstance(dialog, OnboardingDialog) and dialog.isVisible()
    settings = controller.vault.settings
    assert dialog.step_label.text() == "Step 1 of 4"
    text = dialog.pages.widget(0).findChildren(type(dialog.step_label))[1].text()
    assert "not a crisis service" in text and "no one is monitoring" in text
    click(qtbot, dialog.next_button)
    privacy = " ".join(
        label.text() for label in dialog.pages.widget(1).findChildren(type(dialog.step_label))
    )
    assert "cannot be recovered" in privacy
    click(qtbot, dialog.next_button)
    assert dialog.next_button.text() == "Save and continue"

    dialog.reminder.enabled.setChecked(True)
    dialog.reminder.time.setTime(QTime(7, 45))
    dialog.reminder.text.setText("Hello there")
    dialog.reminder.session_hours.setValue(12)
    dialog.field_boxes["irritability"].setChecked(False)
    dialog.field_boxes["sleep_quality"].setChecked(False)
    dialog.every_days.setValue(14)
    assert settings.get("reminder_enabled") is None  # nothing written before the person saves
    click(qtbot, dialog.next_button)

    assert ReminderConfig.load(settings) == ReminderConfig(
        enabled=True, time=dt.time(7, 45), text="Hello there", session_hours=12
    )
    assert controller.reminders.logic.config.time == dt.time(7, 45)  # the running service too
    assert shown_fields(settings) == ("anxiety", "energy", "sleep_hours")
    assert settings.get("questionnaire_every_days") == 14
    today = controller.main_window.screens["Today"]
    assert today.form.irritability.isHidden() and today.form.sleep_quality.isHidden()
    assert not today.form.anxiety.isHidden()

    assert dialog.step_label.text() == "Step 4 of 4"
    click(qtbot, dialog.next_button)  # "Later, finish"
    assert not dialog.isVisible()
    assert settings.get(SETTING_ONBOARDING_DONE) is True

    controller.lock()  # not shown again; the hidden fields stay hidden
    unlock(qtbot, controller)
    assert controller.onboarding is dialog
    today = controller.main_window.screen("Today")
    assert today.form.irritability.isHidden()
    controller.shutdown()


def test_skipping_changes_no_setting(qtbot, data_dir):
    controller = create_vault_through_the_window(qtbot, data_dir, keep_introduction=True)
    dialog = controller.onboarding
    before = controller.vault.settings.all()
    click(qtbot, dialog.next_button)
    click(qtbot, dialog.next_button)
    dialog.reminder.enabled.setChecked(True)
    dialog.field_boxes["energy"].setChecked(False)
    click(qtbot, dialog.skip_button)
    assert not dialog.isVisible()
    after = controller.vault.settings.all()
    assert after.pop(SETTING_ONBOARDING_DONE) is True
    assert after == before
    assert shown_fields(controller.vault.settings) == ALL_FIELDS
    controller.shutdown()


def test_the_safety_plan_can_be_filled_in_right_away(qtbot, data_dir):
    controller = create_vault_through_the_window(qtbot, data_dir, keep_introduction=True)
    dialog = controller.onboarding
    for _ in range(3):
        click(qtbot, dialog.next_button)
    assert dialog.pages.currentIndex() == 3
    assert not dialog.skip_button.isVisible()
    click(qtbot, dialog.plan_now)
    assert not dialog.isVisible()
    window = controller.main_window
    assert window.stack.currentWidget() is window.screens["Safety plan"]
    assert controller.vault.settings.get(SETTING_ONBOARDING_DONE) is True
    controller.shutdown()


def test_every_control_has_a_name_and_the_pages_work_by_keyboard(qtbot, data_dir):
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QLineEdit

    controller = create_vault_through_the_window(qtbot, data_dir, keep_introduction=True)
    dialog = controller.onboarding
    for widget in dialog.findChildren(QAbstractButton) + dialog.findChildren(QAbstractSpinBox):
        if isinstance(widget, QAbstractButton) and widget.text():
            continue  # a button is named by its text
        assert widget.accessibleName(), widget
    for widget in dialog.findChildren(QLineEdit):
        if widget.parent() is not None and isinstance(widget.parent(), QAbstractSpinBox):
            continue
        assert widget.accessibleName(), widget
    assert dialog.next_button.isDefault()
    qtbot.keyClick(dialog.next_button, Qt.Key.Key_Space)
    assert dialog.pages.currentIndex() == 1
    controller.shutdown()


def test_setup_tab_order_follows_the_page_and_plurals_are_words(qtbot, data_dir):
    controller = create_vault_through_the_window(qtbot, data_dir, keep_introduction=True)
    dialog = controller.onboarding
    click(qtbot, dialog.next_button)
    click(qtbot, dialog.next_button)
    dialog.reminder.enabled.setChecked(True)
    order = []
    widget = dialog.reminder.enabled
    for _ in range(60):
        if widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.TabFocus:
            order.append(widget)
        widget = widget.nextInFocusChain()
        if widget is dialog.reminder.enabled:
            break
    expected = [
        dialog.reminder.enabled,
        dialog.reminder.time,
        dialog.reminder.text,
        dialog.reminder.session_hours,
        *dialog.field_boxes.values(),
        dialog.every_days,
        dialog.skip_button,
        dialog.back_button,
        dialog.next_button,
    ]
    assert [w for w in order if w in expected] == expected
    dialog.reminder.session_hours.setValue(1)
    assert dialog.reminder.session_hours.text() == "1 hour before"
    dialog.every_days.setValue(1)
    assert dialog.every_days.text() == "1 day"
    dialog.every_days.setValue(2)
    assert dialog.every_days.text() == "2 days"
    controller.shutdown()
