"""Issue 11 §1, §2, §6, §7 through the real widgets: PHQ-9 item 9 always shows help,
an unanswered follow-up is urgent, check-ins are stamped when answered, at most one
"skipped" a day, the country is asked at creation, questionnaires' own wording, and
blank or partly answered forms."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton

from moodlog.domain.questionnaires import GAD7, PHQ9
from moodlog.domain.safety import SICheckin
from tests.conftest import PASSPHRASE, FakeClock
from tests.gui.helpers import create_vault_through_the_window

NOW = dt.datetime(2026, 11, 20, 21, 30)


@pytest.fixture
def app(qtbot, data_dir: Path):
    controller = create_vault_through_the_window(qtbot, data_dir)
    controller.preferences.country = "NZ"
    controller.context.now = FakeClock(NOW)
    yield controller
    if controller.help_panel is not None:
        controller.help_panel.close()
    controller.shutdown()


def open_phq9(qtbot, controller, item9: int, instrument: str = PHQ9):
    today = controller.main_window.screen("Today")
    today.open_questionnaire(instrument)
    dialog = today.questionnaire_dialog
    qtbot.addWidget(dialog)
    answers = [1] * (9 if instrument == PHQ9 else 7)
    if instrument == PHQ9:
        answers[8] = item9
    for group, answer in zip(dialog.groups, answers, strict=True):
        group.button(answer).click()
    return dialog


def button(widget, text: str) -> QPushButton:
    (found,) = [b for b in widget.findChildren(QPushButton) if b.text() == text]
    return found


def assert_calm_crisis_line_shown(dialog) -> None:
    box = dialog.crisis_line
    assert box is not None and box.isVisible()
    text = box.text()
    assert "1737" in text and "111" in text  # NZ crisis line and emergency number
    assert box.help_button.isVisible() and box.help_button.text() == "Get help now"


@pytest.mark.parametrize("follow_up", ["not now", "all no"])
def test_item9_positive_always_shows_the_crisis_line(qtbot, app, follow_up):
    dialog = open_phq9(qtbot, app, item9=1)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(app.vault.questionnaires.all()) == 1
    follow = dialog.follow_up
    assert follow.isVisible()
    assert "1737" in follow.crisis_line.text() and follow.crisis_line.isVisible()
    if follow_up == "not now":
        qtbot.mouseClick(button(follow, "Not now"), Qt.MouseButton.LeftButton)
        (checkin,) = app.vault.checkins.all()
        assert checkin.level == "skipped"
    else:
        for key in ("wish_dead", "thoughts", "behavior"):
            follow.widget.answer(key, False)
        qtbot.mouseClick(follow.save_button, Qt.MouseButton.LeftButton)
        (checkin,) = app.vault.checkins.all()
        assert checkin.level == "none"
    assert not follow.isVisible()
    assert_calm_crisis_line_shown(dialog)  # still there, whatever happened next
    qtbot.mouseClick(dialog.crisis_line.help_button, Qt.MouseButton.LeftButton)
    panel = app.help_panel
    assert panel is not None and panel.isVisible() and "1737" in panel.text()


def test_item9_not_at_all_shows_no_crisis_line(qtbot, app):
    dialog = open_phq9(qtbot, app, item9=0)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.crisis_line is None and not hasattr(dialog, "follow_up")


def test_incomplete_follow_up_gets_the_urgent_sentence(qtbot, app):
    dialog = open_phq9(qtbot, app, item9=2)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    follow = dialog.follow_up
    follow.widget.answer("wish_dead", True)
    follow.widget.answer("thoughts", True)
    follow.widget.answer("method", None)  # prefer not to answer
    follow.widget.answer("intent", False)
    follow.widget.answer("plan", False)
    follow.widget.answer("behavior", False)
    qtbot.mouseClick(follow.save_button, Qt.MouseButton.LeftButton)
    (checkin,) = app.vault.checkins.all()
    assert checkin.level == "incomplete"
    assert checkin.label == "yes to thoughts of suicide, follow-up not answered"
    panel = app.help_panel
    assert panel is not None and panel.isVisible()
    first_line = panel.text().strip().splitlines()[0]
    assert first_line == "If you might act on these thoughts now, call 111 or 1737 now."
    assert_calm_crisis_line_shown(dialog)


def test_check_in_is_stamped_when_answered_not_with_the_entry_day(qtbot, app):
    today = app.main_window.screen("Today")
    today.form.mood.set_value(5)
    today.form.date_edit.setDate(QDate(2026, 11, 6))  # a form for 6 Nov, answered 20 Nov
    entry_day = today.form.date_edit.date().toPython()
    for key in ("wish_dead", "thoughts", "behavior"):
        today.self_check.answer(key, False)
    assert today.save()
    (entry,) = app.vault.entries.between()
    (checkin,) = app.vault.checkins.all()
    assert entry.day == entry_day == dt.date(2026, 11, 6)
    assert (checkin.day, checkin.time) == (NOW.date(), NOW.time())


def test_several_entries_a_day_add_one_skipped_check_in(qtbot, app):
    today = app.main_window.screen("Today")
    for mood in (4, 5, 6):
        today.form.mood.set_value(mood)
        assert today.save()
    assert app.vault.entries.count() == 3
    assert [c.level for c in app.vault.checkins.all()] == ["skipped"]


def test_gad7_shows_its_own_stem_and_blank_forms_are_not_saved(qtbot, app):
    from PySide6.QtWidgets import QLabel

    today = app.main_window.screen("Today")
    today.open_questionnaire(GAD7)
    dialog = today.questionnaire_dialog
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Over the last 2 weeks, how often have you been bothered by the following problems?" in (
        texts
    )
    assert not any("any of the following" in text for text in texts)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert app.vault.questionnaires.all() == []
    assert "Nothing was saved" in dialog.result_label.text()
    assert dialog.save_button.isEnabled()


def test_partly_answered_form_needs_confirmation_and_does_not_count_as_taken(qtbot, app):
    today = app.main_window.screen("Today")
    today.open_questionnaire(GAD7)
    dialog = today.questionnaire_dialog
    qtbot.addWidget(dialog)
    dialog.groups[0].button(2).click()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert app.vault.questionnaires.all() == []
    assert dialog.save_button.text() == "Save anyway"
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # read, then a deliberate click
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    (saved,) = app.vault.questionnaires.all()
    assert saved.total is None
    assert app.vault.questionnaires.last_taken(GAD7) is None


def test_create_page_asks_the_country_once_and_remembers_it(qtbot, data_dir: Path, monkeypatch):
    from moodlog import preferences
    from moodlog.preferences import Preferences
    from moodlog.ui.unlock import CreateVaultPage

    monkeypatch.setattr("moodlog.ui.unlock.system_country", lambda: "IE")
    prefs = Preferences()
    page = CreateVaultPage(data_dir / "moodlog.db", prefs)
    qtbot.addWidget(page)
    assert page.country_box.country() == "IE"  # preselected from the system locale
    page.country_box.setCurrentIndex(page.country_box.findData("SG"))
    made = []
    page.created.connect(made.append)
    qtbot.keyClicks(page.first, PASSPHRASE)
    qtbot.keyClicks(page.second, PASSPHRASE)
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert made
    made[0].close()
    assert prefs.country == "SG"
    saved = json.loads((data_dir / "preferences.json").read_text())
    assert saved["country"] == "SG"
    assert preferences.Preferences.load(data_dir).effective_country() == "SG"


def test_create_page_without_a_system_country_preselects_no_country(
    qtbot, data_dir: Path, monkeypatch
):
    from moodlog.ui.unlock import CreateVaultPage

    monkeypatch.setattr("moodlog.ui.unlock.system_country", lambda: "")
    page = CreateVaultPage(data_dir / "moodlog.db")
    qtbot.addWidget(page)
    assert page.country_box.country() == "ZZ"
    assert page.country_box.currentText().startswith("Another country")


def test_settings_change_the_country(qtbot, app):
    settings = app.main_window.screen("Settings")
    settings.country.setCurrentIndex(settings.country.findData("ZA"))
    assert app.preferences.country == "ZA"
    saved = json.loads((app.data_dir / "preferences.json").read_text())
    assert saved["country"] == "ZA"


def test_help_panel_words_and_order_by_level(qtbot):
    from moodlog.domain.safety import Contact, SafetyPlan
    from moodlog.ui.help_panel import help_html

    plan = SafetyPlan(
        warning_signs=["Not sleeping"],
        coping=["Cold water"],
        people=[Contact("Kim Jones", "555-0142")],
        professionals=[Contact("Dr Lee", "555-0199")],
        reasons=["My dog"],
    )

    def text(level):
        from PySide6.QtGui import QTextDocument

        document = QTextDocument()
        document.setHtml(help_html("GB", plan, locked=False, level=level))
        return document.toPlainText()

    standard = text(None)
    order = [
        standard.index(w) for w in ("Not sleeping", "Cold water", "Kim Jones", "Dr Lee", "My dog")
    ]
    assert order == sorted(order)  # warning signs, coping, people, professionals, reasons
    for level in ("high", "incomplete"):
        urgent = text(level)
        assert urgent.splitlines()[0].startswith("If you might act on these thoughts now")
        assert urgent.index("116 123") < urgent.index("Dr Lee") < urgent.index("Not sleeping")
    moderate, low = text("moderate"), text("low")
    assert "clinician" in moderate and "clinician" not in low
    assert moderate.splitlines()[0] != low.splitlines()[0]


def test_self_check_widget_says_sharing_is_a_choice_and_where_help_is(qtbot):
    from PySide6.QtWidgets import QLabel

    from moodlog.ui.checkin import SelfCheckWidget

    widget = SelfCheckWidget()
    qtbot.addWidget(widget)
    texts = " ".join(label.text() for label in widget.findChildren(QLabel))
    assert "if you choose to share" in texts
    assert "No one is notified" in texts and "If you need help now, use Get help now." in texts


def test_a_check_in_recorded_twice_skipped_from_the_follow_up_is_one_row(qtbot, app):
    app.vault.checkins.record(SICheckin.skipped_on(NOW.date(), dt.time(8)))
    dialog = open_phq9(qtbot, app, item9=1)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(dialog.follow_up, "Not now"), Qt.MouseButton.LeftButton)
    assert len(app.vault.checkins.all()) == 1
    assert_calm_crisis_line_shown(dialog)


def test_history_labels_an_unanswered_follow_up(qtbot, data_dir: Path, vault):
    from moodlog.preferences import Preferences
    from moodlog.ui.context import AppContext
    from moodlog.ui.safety_plan import SafetyPlanScreen

    answers = {"wish_dead": False, "thoughts": True, "method": None, "behavior": False}
    vault.checkins.add(SICheckin(NOW.date(), dt.time(21), answers))
    context = AppContext(vault=vault, data_dir=data_dir, preferences=Preferences(country="NZ"))
    screen = SafetyPlanScreen(context)
    qtbot.addWidget(screen)
    screen.refresh()
    assert screen.history.item(0, 1).text() == (
        "incomplete: Yes to thoughts of suicide, follow-up not answered"
    )


def test_a_country_chosen_at_creation_is_not_erased_by_a_later_save(data_dir: Path):
    from moodlog.preferences import Preferences

    Preferences(country="SG").save(data_dir)  # chosen on the create page
    stale = Preferences()  # loaded before the vault existed, country not chosen
    stale.idle_lock_minutes = 10
    stale.save(data_dir)
    again = Preferences.load(data_dir)
    assert (again.country, again.idle_lock_minutes) == ("SG", 10)


def test_saved_answers_cannot_be_changed_on_screen(qtbot, app) -> None:  # noqa: ANN001
    """Clinician review (stop 13): after Save the answers could still be clicked (Save
    greyed out), so the ticks on screen differed from the record and its total, and an
    item 9 changed to above zero showed the crisis line but opened no follow-up."""
    dialog = open_phq9(qtbot, app, item9=0)
    dialog.save()
    saved = app.vault.questionnaires.all()[-1]
    item1 = dialog.groups[0].button(3)
    assert not item1.isEnabled() and not dialog.groups[8].button(2).isEnabled()
    assert not dialog.difficulty_group.button(0).isEnabled()
    qtbot.mouseClick(item1, Qt.MouseButton.LeftButton)
    assert dialog.answers() == saved.answers == [1, 1, 1, 1, 1, 1, 1, 1, 0]
    assert dialog.crisis_line is None


def test_a_double_click_does_not_go_through_save_anyway(qtbot, app, monkeypatch) -> None:  # noqa: ANN001
    """Tired-user review (stop 13): two quick clicks on Save with questions unanswered
    saved the partial form: the second click landed on "Save anyway"."""
    today = app.main_window.screen("Today")
    today.open_questionnaire(PHQ9)
    dialog = today.questionnaire_dialog
    qtbot.addWidget(dialog)
    for group in dialog.groups[:5]:
        group.button(1).click()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # 0 ms later
    assert app.vault.questionnaires.all() == []
    assert dialog.save_button.text() == "Save anyway"
    monkeypatch.setattr(
        "moodlog.ui.questionnaire.QApplication.doubleClickInterval", staticmethod(lambda: 0)
    )
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # a deliberate click
    (saved,) = app.vault.questionnaires.all()
    assert saved.answers[:5] == [1] * 5 and saved.answers[5:] == [None] * 4


LEFT = Qt.MouseButton.LeftButton


def test_closing_unsaved_answers_asks_first(qtbot, app, monkeypatch) -> None:  # noqa: ANN001
    """Tired-user review (stop 13): Escape threw answered questions away without a word."""
    asked: list[str] = []
    answer = [False]
    monkeypatch.setattr(
        "moodlog.ui.questionnaire.confirm",
        lambda _parent, title, _text, _action: asked.append(title) or answer[0],
    )
    today = app.main_window.screen("Today")
    today.open_questionnaire(PHQ9)
    dialog = today.questionnaire_dialog
    qtbot.addWidget(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing answered: closes without asking
    assert asked == [] and not dialog.isVisible()
    today.open_questionnaire(PHQ9)
    dialog = today.questionnaire_dialog
    qtbot.addWidget(dialog)
    dialog.groups[0].button(2).click()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["Close without saving?"] and dialog.isVisible()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Close), LEFT)
    assert asked == ["Close without saving?"] * 2 and dialog.isVisible()
    answer[0] = True
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert app.vault.questionnaires.all() == []


def test_a_yes_on_today_brings_the_crisis_line_before_anything_is_saved(qtbot, app) -> None:  # noqa: ANN001
    """Review finding (a new user at 2 a.m.): a yes changed nothing on screen until Save;
    locking, switching screen or quitting then left the person without help."""
    today = app.main_window.show_screen("Today")
    check = today.self_check
    assert check.crisis_line is None or not check.crisis_line.isVisible()
    check.answer("wish_dead", False)
    assert check.crisis_line is None or not check.crisis_line.isVisible()  # a no: nothing
    check.answer("wish_dead", True)
    assert_calm_crisis_line_shown(check)
    assert app.vault.checkins.all() == []  # nothing saved: the help came first
    asked: list[str] = []
    app.context.events.help_requested.connect(asked.append)
    check.crisis_line.help_button.click()
    assert asked == [""]
    check.answer("wish_dead", False)  # a changed answer does not take the help away
    assert check.crisis_line.isVisible()
    check.reset()  # the form cleared (after a save, or a new day)
    assert not check.crisis_line.isVisible()


def test_a_restored_draft_with_a_yes_shows_the_crisis_line(qtbot, app) -> None:  # noqa: ANN001
    from moodlog.ui.checkin import YES

    check = app.main_window.show_screen("Today").self_check
    check.restore({"answers": {"thoughts": YES}, "skip": False, "discuss": False})
    assert_calm_crisis_line_shown(check)


def test_the_self_check_dialog_shows_it_after_a_yes_and_only_once(qtbot, app) -> None:  # noqa: ANN001
    from moodlog.ui.checkin import CrisisLineBox, SelfCheckDialog

    dialog = SelfCheckDialog(app.context, app.main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.widget.answer("wish_dead", True)
    assert_calm_crisis_line_shown(dialog.widget)
    # After PHQ-9 item 9 the line is already at the top: not a second one below.
    with_help = SelfCheckDialog(app.context, app.main_window, show_help=True)
    qtbot.addWidget(with_help)
    with_help.show()
    with_help.widget.answer("wish_dead", True)
    assert len(with_help.findChildren(CrisisLineBox)) == 1


def test_the_help_panels_emergency_line_is_text_not_markup(qtbot) -> None:  # noqa: ANN001
    """Review finding: "Emergency: <b>112</b>" was shown, tags and all, for every
    country (the line was escaped after the number's markup was put in)."""
    from moodlog.domain.crisis import resources_for
    from moodlog.ui.help_panel import HelpPanel

    for country in ("DE", "GB", "US", "NZ", "ZZ", ""):
        panel = HelpPanel(country, None, locked=True)
        qtbot.addWidget(panel)
        text = panel.text()
        assert "<" not in text and "&lt;" not in text, text
        assert f"Emergency: {resources_for(country).emergency}" in text


def test_arrow_keys_in_the_help_panel_scroll_and_keep_the_country(qtbot, app) -> None:  # noqa: ANN001
    """Review finding: the panel opened with the keyboard on its country box, so Down
    (to scroll) switched a UK user's crisis lines to another country and saved it."""
    app.preferences.country = "GB"
    today = app.main_window.show_screen("Today")
    today.form.mood.slider.setValue(2)
    today.self_check.answer("wish_dead", True)
    today.self_check.answer("thoughts", False)
    today.save()
    qtbot.waitUntil(lambda: app.help_panel is not None and app.help_panel.isVisible())
    panel = app.help_panel
    assert "Samaritans" in panel.text()
    assert QApplication.focusWidget() is panel.browser or panel.focusWidget() is panel.browser
    for _ in range(3):
        qtbot.keyClick(panel.focusWidget(), Qt.Key.Key_Down)
    qtbot.keyClick(panel.focusWidget(), Qt.Key.Key_U)
    assert panel.country_box.country() == "GB" and app.preferences.country == "GB"
    assert "Samaritans" in panel.text()


def test_the_self_checks_crisis_line_follows_a_change_of_country(qtbot, app) -> None:  # noqa: ANN001
    """Final review: the line was made once, with the country of that moment."""
    check = app.main_window.show_screen("Today").self_check
    check.answer("wish_dead", True)
    assert "1737" in check.crisis_line.text()  # NZ
    check.reset()
    app.preferences.country = "GB"
    check.answer("wish_dead", True)
    assert "1737" not in check.crisis_line.text()
    assert "Samaritans" in check.crisis_line.text() or "116 123" in check.crisis_line.text()
