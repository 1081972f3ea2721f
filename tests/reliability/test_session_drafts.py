"""A session's details and an integration note survive a lock as an encrypted draft and
come back after unlock (review finding, stop 13: they were lost at an idle lock; the
lock screen only said so). An untouched dialog is not kept, so it does not reopen after
every unlock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from moodlog.domain.treatments import Treatment
from moodlog.ui.drafts import DIALOG_DRAFT, RESTORED_TEXT
from moodlog.ui.treatments import TreatmentDialog
from tests.gui.helpers import create_vault_through_the_window, unlock

MARKER = "HERON-session-draft-7731"


@pytest.fixture
def controller(qtbot, data_dir: Path):  # noqa: ANN201
    controller = create_vault_through_the_window(qtbot, data_dir)
    yield controller
    controller.shutdown()


def idle_lock_and_unlock(qtbot, controller) -> None:  # noqa: ANN001
    controller.auto_lock()
    assert controller.vault is None and controller.main_window is None
    unlock(qtbot, controller)
    assert controller.vault is not None


def past_session(controller, **details) -> Treatment:  # noqa: ANN001
    session = Treatment(
        day=controller.context.today() - dt.timedelta(days=2),
        time=dt.time(10),
        kind="ketamine_iv",
        dose_mg=35.0,
        clinic="North clinic",
        **details,
    )
    controller.vault.treatments.save(session)
    return session


def test_a_new_session_typed_before_the_idle_lock_comes_back_and_saves(qtbot, controller):
    past_session(controller)
    screen = controller.main_window.show_screen("Treatments")
    screen.add_session()
    dialog = screen.dialog
    assert dialog.copied_hint is not None  # copied from the last session (issue 15)
    dialog.kind.setCurrentIndex(dialog.kind.findData("esketamine_nasal"))
    dialog.dose.setValue(56)
    dialog.effects["nausea/vomiting"].setCurrentIndex(
        dialog.effects["nausea/vomiting"].findData("mild")
    )
    dialog.dissociation.setValue(4)
    dialog.notes.setPlainText(f"the room tilted, then calm {MARKER}")
    dialog.integration.setPlainText("wrote to my sister")
    idle_lock_and_unlock(qtbot, controller)
    assert "could not be kept" not in controller.unlock_page.error_label.text()

    resumed = controller.resumed_dialog
    assert isinstance(resumed, TreatmentDialog) and resumed.isVisible()
    assert resumed.treatment is None  # still a new session
    assert resumed.notice.text() == RESTORED_TEXT and not resumed.notice.isHidden()
    assert resumed.copied_hint.isHidden()  # the fields are theirs now, not the copy
    assert resumed.kind.currentData() == "esketamine_nasal"
    assert resumed.dose.value() == 56
    assert resumed.effects["nausea/vomiting"].currentData() == "mild"
    assert resumed.dissociation.value() == 4
    assert resumed.notes.toPlainText() == f"the room tilted, then calm {MARKER}"
    assert resumed.clinic.text() == "North clinic"
    resumed.save()
    saved = [t for t in controller.vault.treatments.all() if t.kind == "esketamine_nasal"]
    assert len(saved) == 1
    assert saved[0].notes == f"the room tilted, then calm {MARKER}"
    assert saved[0].integration == "wrote to my sister"
    assert saved[0].side_effects == {"nausea/vomiting": "mild"} and saved[0].dissociation == 4
    assert controller.vault.drafts.load(DIALOG_DRAFT) is None
    idle_lock_and_unlock(qtbot, controller)
    assert controller.resumed_dialog is None  # nothing left to resume


def test_an_untouched_session_dialog_is_not_kept_nor_reopened(qtbot, controller):
    past_session(controller)
    screen = controller.main_window.show_screen("Treatments")
    screen.add_session()  # copied from the last session, nothing typed
    asked: list[str] = []
    controller.ask_discard = lambda reason: asked.append(reason) or True
    assert controller.lock() is True
    assert asked == []
    assert controller.unlock_page.error_label.text() == ""
    unlock(qtbot, controller)
    assert controller.resumed_dialog is None
    assert controller.vault.drafts.load(DIALOG_DRAFT) is None


def test_the_lock_keeps_an_edit_of_a_session_without_asking(qtbot, controller):
    session = past_session(controller, notes="before")
    screen = controller.main_window.show_screen("Treatments")
    dialog = TreatmentDialog(controller.context, session, screen)
    screen.dialog = dialog
    dialog.open()
    dialog.notes.setPlainText(f"after {MARKER}")
    asked: list[str] = []
    controller.ask_discard = lambda reason: asked.append(reason) or False
    assert controller.lock() is True  # nothing to lose: no question
    assert asked == []
    unlock(qtbot, controller)
    resumed = controller.resumed_dialog
    assert isinstance(resumed, TreatmentDialog) and resumed.treatment.id == session.id
    resumed.save()
    sessions = controller.vault.treatments.all()
    assert [(t.id, t.notes) for t in sessions] == [(session.id, f"after {MARKER}")]


def test_cancel_forgets_the_draft(qtbot, controller, monkeypatch):
    monkeypatch.setattr("moodlog.ui.drafts.confirm", lambda *_: True)  # "Close without saving"
    screen = controller.main_window.show_screen("Treatments")
    screen.add_session()
    screen.dialog.notes.setPlainText("never mind")
    screen.dialog.keep_draft()  # as a lock would
    assert controller.vault.drafts.load(DIALOG_DRAFT)["kind"] == "session"
    screen.dialog.reject()
    assert controller.vault.drafts.load(DIALOG_DRAFT) is None


def test_a_session_deleted_meanwhile_comes_back_as_a_new_one(qtbot, controller):
    screen = controller.main_window.show_screen("Treatments")
    body = {"kind": "session", "id": 9999, "notes": MARKER, "day": "2026-01-05"}
    dialog = screen.resume_session_draft(body)
    assert dialog.treatment is None
    assert dialog.notes.toPlainText() == MARKER
    assert dialog.date.date().toPython() == dt.date(2026, 1, 5)


def test_a_draft_with_values_of_the_wrong_type_leaves_those_fields_alone(qtbot, controller):
    screen = controller.main_window.show_screen("Treatments")
    body = {
        "kind": "session",
        "treatment_kind": 5,
        "day": None,
        "time": "25:99",
        "dose": "lots",
        "weight": float("nan"),
        "total": float("inf"),
        "dissociation": True,
        "clinic": ["x"],
        "effects": ["nausea"],
        "notes": "kept",
    }
    dialog = screen.resume_session_draft(body)
    assert dialog.kind.currentIndex() == -1
    assert dialog.dose.value() == 0 and dialog.dissociation.value() == -1
    assert dialog.weight.value() == 0 and dialog.total.value() == 0
    assert dialog.clinic.text() == "" and dialog.notes.toPlainText() == "kept"


def test_an_integration_note_typed_before_the_idle_lock_comes_back(qtbot, controller):
    session = past_session(controller)
    today = controller.main_window.show_screen("Today")
    dialog = today.write_integration(session)
    dialog.text.setPlainText(f"I forgave myself a little {MARKER}")
    idle_lock_and_unlock(qtbot, controller)
    resumed = controller.resumed_dialog
    assert type(resumed).__name__ == "IntegrationDialog" and resumed.isVisible()
    assert resumed.text.toPlainText() == f"I forgave myself a little {MARKER}"
    assert resumed.notice.text() == RESTORED_TEXT
    resumed.save()
    (stored,) = controller.vault.treatments.all()
    assert stored.integration == f"I forgave myself a little {MARKER}"
    assert controller.vault.drafts.load(DIALOG_DRAFT) is None


def test_an_integration_note_of_a_session_gone_meanwhile_is_not_reopened(qtbot, controller):
    today = controller.main_window.show_screen("Today")
    body = {"kind": "integration", "id": 424242, "text": "x"}
    assert today.resume_integration_draft(body) is None


def test_an_untouched_integration_note_is_not_kept(qtbot, controller):
    session = past_session(controller, integration="already written")
    today = controller.main_window.show_screen("Today")
    today.write_integration(session)
    idle_lock_and_unlock(qtbot, controller)
    assert controller.resumed_dialog is None


# -- diff review (this stop) ------------------------------------------------------------


def test_quitting_keeps_an_open_dialogs_draft(qtbot, controller, monkeypatch):
    """SIGTERM, SIGINT or logging out quit through Qt, which closes every window, a
    dialog before its main window: the dialog forgot its draft, and was hidden by the
    time the main window kept the rest (review finding)."""
    import signal

    from PySide6.QtWidgets import QApplication

    from moodlog.ui.application import _quit_on_signals

    past_session(controller)
    screen = controller.main_window.show_screen("Treatments")
    screen.add_session()
    screen.dialog.notes.setPlainText(f"before the logout {MARKER}")
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    handlers = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGINT)}
    try:
        _quit_on_signals(QApplication.instance(), controller)
        signal.getsignal(signal.SIGTERM)(signal.SIGTERM, None)  # what the signal runs
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)
    assert quits == [True]
    QApplication.closeAllWindows()  # what Qt's quit does next
    kept = controller.vault.drafts.load(DIALOG_DRAFT)
    assert kept["kind"] == "session" and kept["notes"] == f"before the logout {MARKER}"


def test_saving_and_removing_the_draft_are_one(qtbot, controller, monkeypatch):
    """Review finding: the session was saved but its draft's removal failed (the vault
    busy for a moment); the dialog came back after the next unlock as "not saved yet",
    and saving it again made a second, identical session."""
    from moodlog.vault.errors import VaultBusy

    screen = controller.main_window.show_screen("Treatments")
    screen.add_session()
    dialog = screen.dialog
    dialog.kind.setCurrentIndex(dialog.kind.findData("ketamine_iv"))
    dialog.notes.setPlainText("once")
    dialog.keep_draft()  # as a lock would
    drafts = type(controller.vault.drafts)
    real = drafts.discard
    failures = [VaultBusy()]

    def busy_once(self, name):  # noqa: ANN001, ANN202
        if failures:
            raise failures.pop()
        return real(self, name)

    monkeypatch.setattr(drafts, "discard", busy_once)
    with pytest.raises(VaultBusy):
        dialog.save()  # (the app tells it, and the text stays in the dialog)
    assert controller.vault.treatments.all() == []  # neither the session...
    assert controller.vault.drafts.load(DIALOG_DRAFT) is not None  # ...nor the removal
    dialog.save()
    assert [t.notes for t in controller.vault.treatments.all()] == ["once"]
    assert controller.vault.drafts.load(DIALOG_DRAFT) is None


def test_opening_the_date_calendar_is_not_typing(qtbot, controller):
    """Review finding: the date field's calendar, once opened, counted as input, so an
    untouched "Add session" came back after unlock as "your unsaved text", the copied
    values looking like the person's own."""
    past_session(controller)
    screen = controller.main_window.show_screen("Treatments")
    screen.add_session()
    screen.dialog.date.calendarWidget()  # what opening its popup makes
    idle_lock_and_unlock(qtbot, controller)
    assert controller.resumed_dialog is None
