"""Safety plan editor: round trip, versions, review date, one-page PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from moodlog.domain.safety import Contact, SafetyPlan
from moodlog.preferences import Preferences
from moodlog.ui.context import AppContext
from moodlog.ui.safety_plan import SafetyPlanScreen
from moodlog.vault.vault import Vault
from tests.conftest import FakeClock

NOW = dt.datetime(2026, 11, 20, 15, 0)


def answer_next_question(button: str) -> list[str]:
    """Click ``button`` in the next question box; returns [its text] once asked."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    asked: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(10, answer)
            return
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == button).click()

    QTimer.singleShot(0, answer)
    return asked


@pytest.fixture
def context(vault: Vault, data_dir: Path):
    return AppContext(
        vault=vault, data_dir=data_dir, preferences=Preferences(country="AU"), now=FakeClock(NOW)
    )


def test_new_plan_has_the_crisis_line_prefilled(qtbot, context):
    screen = SafetyPlanScreen(context)
    qtbot.addWidget(screen)
    names = [c.name for c in screen.fields["professionals"].contacts()]
    assert names == ["Lifeline", "Emergency"]


def test_edit_save_and_reload(qtbot, context, vault):
    screen = SafetyPlanScreen(context)
    qtbot.addWidget(screen)
    screen.fields["warning_signs"].setPlainText("Not sleeping\nSkipping meals")
    screen.fields["reasons"].setPlainText("My dog 🐕")
    table = screen.fields["people"]
    table.item(0, 0).setText("Sam")
    table.item(0, 1).setText("555-0142")
    screen.save()
    plan = vault.safety_plans.latest()
    assert plan.warning_signs == ["Not sleeping", "Skipping meals"]
    assert plan.reasons == ["My dog 🐕"]
    assert plan.people == [Contact("Sam", "555-0142")]
    assert plan.reviewed_on == NOW.date()
    again = SafetyPlanScreen(context)
    qtbot.addWidget(again)
    assert again.plan_from_fields() == SafetyPlan(
        warning_signs=["Not sleeping", "Skipping meals"],
        people=[Contact("Sam", "555-0142")],
        professionals=plan.professionals,
        reasons=["My dog 🐕"],
    )
    assert "Last reviewed 20 November 2026" in again.reviewed_label.text()
    screen.save()
    assert vault.safety_plans.version_count() == 2


def test_unsaved_plan_edits_are_kept_as_a_draft_not_as_the_plan(qtbot, context, vault):
    """Tired-user review (stop 13): leaving the screen saved unsaved edits as the plan, so
    an accidental select-all and delete became the plan "Get help now" shows."""
    screen = SafetyPlanScreen(context)
    qtbot.addWidget(screen)
    screen.fields["reasons"].setPlainText("My sister\nThe garden")
    screen.save()
    screen.fields["reasons"].selectAll()
    qtbot.keyClick(screen.fields["reasons"], Qt.Key.Key_Delete)
    screen.fields["coping"].setPlainText("Breathe")
    assert screen.status.text().startswith("Changes not saved yet")
    screen.leaving()  # a screen switch, a lock, quitting
    plan = vault.safety_plans.latest()
    assert plan.reasons == ["My sister", "The garden"] and plan.coping == []
    assert vault.safety_plans.version_count() == 1

    again = SafetyPlanScreen(context)  # after the next unlock
    qtbot.addWidget(again)
    assert again.fields["reasons"].toPlainText() == ""
    assert again.fields["coping"].toPlainText() == "Breathe"
    assert again.status.text().startswith("Restored your unsaved changes to the plan.")
    again.save()
    assert vault.safety_plans.latest().coping == ["Breathe"]
    assert vault.drafts.load("safety-plan") is None
    third = SafetyPlanScreen(context)
    qtbot.addWidget(third)
    assert third.status.text() == ""


def test_history_shows_levels_by_day(qtbot, context, vault):
    from moodlog.domain.safety import SICheckin

    vault.checkins.add(
        SICheckin(
            dt.date(2026, 11, 1),
            dt.time(9),
            {"wish_dead": True, "thoughts": False, "behavior": False},
        )
    )
    vault.checkins.add(SICheckin.skipped_on(dt.date(2026, 11, 2), dt.time(9)))
    screen = SafetyPlanScreen(context)
    qtbot.addWidget(screen)
    screen.refresh()
    assert screen.history.rowCount() == 2
    assert screen.history.item(0, 1).text().startswith("skipped")
    assert screen.history.item(1, 1).text().startswith("low")


def test_plan_prints_on_one_page(qtbot, context, tmp_path: Path, monkeypatch):
    screen = SafetyPlanScreen(context)
    qtbot.addWidget(screen)
    screen.fields["coping"].setPlainText("Cold water\nWalk around the block")
    screen.fields["reasons"].setPlainText("Seeing the sea")
    target = tmp_path / "plan.pdf"
    monkeypatch.setattr("moodlog.ui.files.ask_save_path", lambda *a, **k: target)
    screen.export_pdf()
    reader = pypdf.PdfReader(target)
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Walk around the block" in text and "Seeing the sea" in text
    assert "Lifeline" in text and "13 11 14" in text
    assert reader.metadata.title == "moodlog safety plan"
    assert not reader.metadata.author
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "plan.pdf"]  # no temp file


def test_a_first_plan_is_saved_when_leaving_and_later_edits_can_be_discarded(
    qtbot, context, vault
) -> None:
    """Diff review (stop 13): a first plan typed and never saved was missing from "Get
    help now"; and an accidental change kept as a draft could only be undone by
    retyping."""
    screen = SafetyPlanScreen(context)
    qtbot.addWidget(screen)
    assert vault.safety_plans.latest() is None
    screen.fields["reasons"].setPlainText("My sister")
    assert screen.discard_button.isHidden()  # nothing saved to go back to
    screen.leaving()
    assert vault.safety_plans.latest().reasons == ["My sister"]  # nothing to spoil
    screen.fields["reasons"].clear()
    assert not screen.discard_button.isHidden()
    screen.leaving()
    assert vault.safety_plans.latest().reasons == ["My sister"]  # a draft, not the plan
    answer_next_question("Keep editing")  # review r8: asked first; the person goes back
    qtbot.mouseClick(screen.discard_button, Qt.MouseButton.LeftButton)
    assert screen.fields["reasons"].toPlainText() == ""
    answer_next_question("Discard changes")
    qtbot.mouseClick(screen.discard_button, Qt.MouseButton.LeftButton)
    assert screen.fields["reasons"].toPlainText() == "My sister"
    assert vault.drafts.load("safety-plan") is None
    assert screen.status.text() == "Your plan is as you last saved it."
    assert screen.discard_button.isHidden()


def test_an_untouched_starter_plan_is_not_saved_and_a_first_plan_is_dated_by_the_app(
    qtbot, context, vault
) -> None:
    """Second diff review: a letter typed and deleted saved the starter plan as "reviewed
    today", dated by the computer's clock rather than the app's."""
    screen = SafetyPlanScreen(context)
    qtbot.addWidget(screen)
    qtbot.keyClicks(screen.fields["coping"], "x")
    qtbot.keyClick(screen.fields["coping"], Qt.Key.Key_Backspace)
    screen.leaving()
    assert vault.safety_plans.latest() is None
    screen.fields["coping"].setPlainText("Walk the dog")
    screen.leaving()
    assert vault.safety_plans.latest().reviewed_on == context.today()


def test_an_earlier_version_can_be_seen_and_put_back(qtbot, context, vault) -> None:
    """Review r8: the screen said earlier versions were kept, but nothing showed them:
    a select-all and delete in "Reasons for living", then Save, could not be undone."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from moodlog.ui.safety_plan import PlanVersionsDialog

    screen = SafetyPlanScreen(context)
    qtbot.addWidget(screen)
    screen.fields["reasons"].setPlainText("My daughter\nThe sea in summer")
    screen.save()
    screen.fields["reasons"].clear()
    screen.fields["coping"].setPlainText("Walk")
    screen.save()
    assert vault.safety_plans.latest().reasons == []
    versions = vault.safety_plans.versions()
    assert [v.reasons for v in versions] == [[], ["My daughter", "The sea in summer"]]

    def put_back() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PlanVersionsDialog):
            QTimer.singleShot(10, put_back)
            return
        assert dialog.list.count() == 2 and "(your plan now)" in dialog.list.item(0).text()
        labels = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        assert len(set(labels)) == 2  # saved in one minute, still told apart (review r10)
        assert dialog.list.currentRow() == 1  # the one before the plan now
        assert "My daughter" in dialog.preview.toPlainText()
        dialog.put_back.click()

    QTimer.singleShot(0, put_back)
    screen.show_versions()
    assert screen.fields["reasons"].toPlainText() == "My daughter\nThe sea in summer"
    assert "not saved yet" in screen.status.text()
    assert vault.safety_plans.latest().reasons == []  # nothing saved by putting it back
    screen.save()
    assert vault.safety_plans.latest().reasons == ["My daughter", "The sea in summer"]


def test_saving_an_empty_plan_over_a_plan_is_asked_about(qtbot, context, vault) -> None:
    screen = SafetyPlanScreen(context)
    qtbot.addWidget(screen)
    screen.fields["reasons"].setPlainText("My dog")
    screen.save()
    for key, field in screen.fields.items():
        if key in ("people", "professionals"):
            field.set_contacts([])
        else:
            field.clear()
    asked = answer_next_question("Go back")
    screen.save()
    assert asked and "Every section is empty" in asked[0]
    assert vault.safety_plans.latest().reasons == ["My dog"]
    answer_next_question("Save the empty plan")
    screen.save()
    assert vault.safety_plans.latest().is_empty()


def test_putting_a_version_back_over_unsaved_changes_is_asked_about(qtbot, context, vault):
    """Review r10: "Put this version in the editor" dropped the changes not saved yet
    without a word; and "Mark as reviewed today" said "Saved" after "Go back"."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from moodlog.ui.safety_plan import PlanVersionsDialog

    screen = SafetyPlanScreen(context)
    qtbot.addWidget(screen)
    screen.fields["reasons"].setPlainText("My daughter")
    screen.save()
    screen.fields["reasons"].setPlainText("My daughter\nMy friends")
    screen.save()
    screen.fields["coping"].setPlainText("typed, not saved")

    def put_back() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PlanVersionsDialog):
            QTimer.singleShot(10, put_back)
            return
        answer_next_question("Keep my changes")
        dialog.put_back.click()

    QTimer.singleShot(0, put_back)
    screen.show_versions()
    assert screen.fields["coping"].toPlainText() == "typed, not saved"  # kept
    for key, field in screen.fields.items():  # everything emptied, then reviewed
        if key in ("people", "professionals"):
            field.set_contacts([])
        else:
            field.clear()
    answer_next_question("Go back")
    screen.mark_reviewed()
    assert "Saved" not in screen.status.text()
    assert vault.safety_plans.latest().reasons == ["My daughter", "My friends"]


def test_a_plan_with_no_review_date_says_so_and_can_be_marked_reviewed(qtbot, context, vault):
    """Contracts review: a plan imported with ``"reviewed_on": null`` was dated the day
    of the import. It keeps no date now; the screens must then say so (a date of None
    could not be shown) and offer the review."""
    from moodlog.ui.today import TodayScreen

    vault.safety_plans.save(SafetyPlan(coping=["a walk"]), saved_at=dt.datetime(2026, 3, 1, 9))
    assert vault.safety_plans.latest().reviewed_on is None
    screen = SafetyPlanScreen(context)
    qtbot.addWidget(screen)
    assert screen.reviewed_label.text().startswith("No review date. 1 saved version.")
    assert "Time for a review." in screen.reviewed_label.text()
    today = TodayScreen(context)
    qtbot.addWidget(today)
    today.refresh()
    prompts = [w.text() for w in today.findChildren(QLabel)]
    assert any("safety plan has no review date" in text for text in prompts)
    screen.mark_reviewed()
    assert vault.safety_plans.latest().reviewed_on == NOW.date()
    assert "Last reviewed 20 November 2026" in screen.reviewed_label.text()


def test_the_starter_plan_gives_a_part_time_lines_hours(qtbot, vault: Vault, data_dir: Path):
    """Second diff review: in Italy the starter plan showed "Telefono Amico Italia: 02 2327
    2327" without its hours (it is closed from midnight to 10:00), and the help panel
    shows the plan's professionals right under the urgent sentence."""
    context = AppContext(vault=vault, data_dir=data_dir, preferences=Preferences(country="IT"))
    screen = SafetyPlanScreen(context)
    qtbot.addWidget(screen)
    names = [contact.name for contact in screen._starter_plan().professionals]  # noqa: SLF001
    assert names[0] == "Telefono Amico Italia (10:00 to midnight every day)"
    uk = AppContext(vault=vault, data_dir=data_dir, preferences=Preferences(country="GB"))
    other = SafetyPlanScreen(uk)
    qtbot.addWidget(other)
    assert other._starter_plan().professionals[0].name == "Samaritans"  # noqa: SLF001


@pytest.mark.parametrize("first_plan", [True, False])
def test_typing_is_kept_as_a_draft_while_the_screen_is_open(
    qtbot, context, vault, monkeypatch, first_plan: bool
):
    """Failure review (stop 20): the plan's draft was kept only when leaving the screen,
    so a crash or a killed app lost everything typed there; Today and the dialogs keep
    theirs every 30 s. The timer keeps a draft, never the plan."""
    import moodlog.ui.safety_plan as safety_plan_module

    monkeypatch.setattr(safety_plan_module, "DRAFT_EVERY_MS", 50)
    screen = SafetyPlanScreen(context)
    qtbot.addWidget(screen)
    if not first_plan:
        screen.fields["reasons"].setPlainText("My sister")
        screen.save()
    qtbot.wait(120)
    assert vault.drafts.load("safety-plan") is None  # nothing typed since: no draft
    screen.fields["coping"].setPlainText("Walk round the block\nCall Sam")
    qtbot.waitUntil(lambda: vault.drafts.load("safety-plan") is not None, timeout=2000)
    assert vault.drafts.load("safety-plan")["coping"] == ["Walk round the block", "Call Sam"]
    assert vault.safety_plans.version_count() == (0 if first_plan else 1)  # not saved
    # The app killed now: the next unlock shows the typing, said to be unsaved.
    again = SafetyPlanScreen(context)
    qtbot.addWidget(again)
    assert again.fields["coping"].toPlainText() == "Walk round the block\nCall Sam"
    assert again.status.text().startswith("Restored your unsaved changes to the plan.")


def test_a_self_check_answered_by_mistake_can_be_deleted(qtbot, context, vault, monkeypatch):
    """Night review (stop 20): a mis-clicked yes could not be removed anywhere, and was
    printed on page 1 of every summary for the therapist."""
    from moodlog.domain.safety import SICheckin

    yes = {"wish_dead": True, "thoughts": False, "behavior": False}
    no = {"wish_dead": False, "thoughts": False, "behavior": False}
    vault.checkins.add(SICheckin(dt.date(2026, 11, 18), dt.time(21), answers=no))
    vault.checkins.add(SICheckin(dt.date(2026, 11, 19), dt.time(21), answers=yes))
    screen = SafetyPlanScreen(context)
    qtbot.addWidget(screen)
    screen.refresh()
    assert not screen.delete_button.isEnabled()  # nothing chosen
    answers: list[bool] = [False, True]  # Cancel, then Delete
    asked: list[str] = []
    monkeypatch.setattr(
        "moodlog.ui.safety_plan.confirm",
        lambda _parent, title, text, *_: asked.append(text) or answers.pop(0),
    )
    screen.history.selectRow(0)  # newest first: the yes
    assert screen.delete_button.isEnabled()
    screen.delete_button.click()
    assert len(vault.checkins.all()) == 2  # Cancel: nothing removed
    screen.delete_button.click()
    assert [c.day for c in vault.checkins.all()] == [dt.date(2026, 11, 18)]  # the no stays
    assert asked[0].startswith("The self-check of Thu 19 Nov 2026")
    assert screen.history.rowCount() == 1
    assert not screen.delete_button.isEnabled()
