"""Text typed in the therapy-note, question and journal-edit dialogs survives an
auto-lock as an encrypted draft, and comes back in the same dialog after unlock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from moodlog.domain.entries import Entry
from moodlog.ui.drafts import DIALOG_DRAFT, RESTORED_TEXT, QuestionDialog
from moodlog.vault.vault import Vault
from tests.conftest import PASSPHRASE
from tests.gui.helpers import create_vault_through_the_window, unlock

MARKER = "PELICAN-draft-5521"


def relock(qtbot, controller) -> None:
    """What the idle timer does, then unlock again."""
    controller.auto_lock()
    assert controller.vault is None and controller.main_window is None
    unlock(qtbot, controller)
    assert controller.vault is not None


def in_modal_loop(qtbot, action) -> None:  # noqa: ANN001
    """Run ``action(dialog)`` once a modal dialog's own event loop is running."""

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, step)
            return
        action(dialog)

    QTimer.singleShot(20, step)


def test_therapy_note_typed_in_a_modal_dialog_survives_auto_lock(qtbot, data_dir: Path):
    controller = create_vault_through_the_window(qtbot, data_dir)
    screen = controller.main_window.show_screen("Treatments")
    add = next(b for b in screen.findChildren(QPushButton) if b.text().startswith("Add note"))

    def type_then_go_idle(dialog) -> None:  # noqa: ANN001
        dialog.worked_on.setPlainText(f"grief and {MARKER}")
        dialog.homework.setPlainText("walk daily")
        controller.auto_lock()  # the idle timer fires while the dialog is open

    in_modal_loop(qtbot, type_then_go_idle)
    add.click()  # returns when the lock has closed the dialog
    assert controller.vault is None
    unlock(qtbot, controller)
    dialog = controller.resumed_dialog
    assert type(dialog).__name__ == "SessionNoteDialog" and dialog.isVisible()
    assert dialog.worked_on.toPlainText() == f"grief and {MARKER}"
    assert dialog.homework.toPlainText() == "walk daily"
    assert dialog.notice.text() == RESTORED_TEXT
    dialog.save()
    notes = controller.vault.session_notes.all()
    assert [n.worked_on for n in notes] == [f"grief and {MARKER}"]
    assert controller.vault.drafts.load(DIALOG_DRAFT) is None
    relock(qtbot, controller)
    assert controller.resumed_dialog is None  # nothing left to resume
    controller.shutdown()


def test_editing_an_existing_therapy_note_resumes_that_note(qtbot, data_dir: Path):
    from moodlog.domain.treatments import SessionNote
    from moodlog.ui.treatments import SessionNoteDialog

    controller = create_vault_through_the_window(qtbot, data_dir)
    note = SessionNote(day=dt.date(2026, 2, 3), worked_on="before")
    controller.vault.session_notes.save(note)
    screen = controller.main_window.show_screen("Treatments")
    dialog = SessionNoteDialog(controller.context, note, screen)
    dialog.open()
    dialog.insights.setPlainText(MARKER)
    relock(qtbot, controller)
    resumed = controller.resumed_dialog
    assert resumed.note.id == note.id and resumed.insights.toPlainText() == MARKER
    resumed.save()
    (saved,) = controller.vault.session_notes.all()
    assert (saved.worked_on, saved.insights) == ("before", MARKER)
    controller.shutdown()


def test_journal_edit_survives_auto_lock(qtbot, data_dir: Path):
    controller = create_vault_through_the_window(qtbot, data_dir)
    day = dt.date(2026, 1, 12)
    controller.vault.entries.add(Entry(day=day, time=dt.time(8), mood=4, note="first words"))
    journal = controller.main_window.show_screen("Journal")
    journal.select_day(day)
    journal.edit_selected()
    journal.edit_dialog.form.note.setPlainText(f"first words, then {MARKER}")
    journal.edit_dialog.form.mood.set_value(7)
    relock(qtbot, controller)
    dialog = controller.resumed_dialog
    assert type(dialog).__name__ == "EntryDialog" and dialog.isVisible()
    assert dialog.form.note.toPlainText() == f"first words, then {MARKER}"
    assert dialog.form.mood.value() == 7
    assert controller.main_window.stack.currentWidget() is controller.main_window.screens["Journal"]
    dialog.save()
    (entry,) = controller.vault.entries.between()
    assert (entry.note, entry.mood) == (f"first words, then {MARKER}", 7)
    controller.shutdown()


def test_question_dialog_survives_auto_lock_and_cancel_discards_it(
    qtbot, data_dir: Path, monkeypatch
):
    asked: list[str] = []
    monkeypatch.setattr(
        "moodlog.ui.drafts.confirm", lambda _parent, title, *_: asked.append(title) or True
    )
    controller = create_vault_through_the_window(qtbot, data_dir)
    journal = controller.main_window.show_screen("Journal")
    journal._add_question()
    dialog = journal._question_dialog
    assert isinstance(dialog, QuestionDialog)
    dialog.text.setPlainText(f"Ask about {MARKER}")
    relock(qtbot, controller)
    resumed = controller.resumed_dialog
    assert isinstance(resumed, QuestionDialog)
    assert resumed.text.toPlainText() == f"Ask about {MARKER}"
    assert resumed.source == "journal"
    resumed.reject()  # the person cancels, and says to close without saving: the draft goes
    assert asked == ["Close without saving?"]
    assert controller.vault.drafts.load(DIALOG_DRAFT) is None
    relock(qtbot, controller)
    assert controller.resumed_dialog is None
    assert controller.vault.questions.all() == []
    controller.shutdown()


def test_todays_question_box_is_kept_too(qtbot, data_dir: Path):
    """Today's "Add a question" is the Journal's draft-kept dialog (attacker review: a
    plain input dialog there came back empty after every lock, and a crash lost it)."""
    controller = create_vault_through_the_window(qtbot, data_dir)
    today = controller.main_window.screen("Today")
    button = next(
        b for b in today.findChildren(QPushButton) if b.text().startswith("Add a question")
    )
    button.click()
    dialog = today._question_dialog
    assert isinstance(dialog, QuestionDialog) and dialog.isVisible()
    relock(qtbot, controller)
    assert controller.resumed_dialog is None  # nothing typed: nothing comes back
    controller.main_window.screen("Today").question_button.click()
    dialog = controller.main_window.screen("Today")._question_dialog
    dialog.text.setPlainText(f"Is {MARKER} normal?")
    relock(qtbot, controller)
    resumed = controller.resumed_dialog
    assert isinstance(resumed, QuestionDialog)
    assert resumed.text.toPlainText() == f"Is {MARKER} normal?" and resumed.source == "today"
    resumed.save()
    assert [q.text for q in controller.vault.questions.all()] == [f"Is {MARKER} normal?"]
    controller.shutdown()


def test_text_typed_then_erased_does_not_come_back(qtbot, data_dir: Path):
    """Attacker review: the half-minute draft kept a sentence the person then erased;
    at the lock the dialog was as it opened, so nothing newer was kept, and the older
    draft came back after unlock as their unsaved text, and Save stored it."""
    controller = create_vault_through_the_window(qtbot, data_dir)
    day = dt.date(2026, 1, 12)
    controller.vault.entries.add(Entry(day=day, time=dt.time(8), mood=4, note="Slept badly."))
    journal = controller.main_window.show_screen("Journal")
    journal.select_day(day)
    journal.edit_selected()
    dialog = journal.edit_dialog
    dialog.form.note.setPlainText(f"Slept badly. {MARKER}")
    dialog._draft_timer.timeout.emit()  # the half-minute keep
    assert MARKER in str(controller.vault.drafts.load(DIALOG_DRAFT))
    dialog.form.note.setPlainText("Slept badly.")  # erased again
    dialog._draft_timer.timeout.emit()
    assert controller.vault.drafts.load(DIALOG_DRAFT) is None  # the erased text is gone
    dialog.form.note.setPlainText(f"Slept badly. {MARKER}")
    dialog._draft_timer.timeout.emit()
    dialog.form.note.setPlainText("Slept badly.")
    relock(qtbot, controller)  # the lock's own keep finds it unchanged
    assert controller.resumed_dialog is None
    assert controller.vault.drafts.load(DIALOG_DRAFT) is None
    (entry,) = controller.vault.entries.between()
    assert entry.note == "Slept badly."
    controller.shutdown()


def test_an_unchanged_dialog_leaves_another_dialogs_draft_alone(qtbot, data_dir: Path):
    """Only this dialog's own draft (same kind, same record) is forgotten."""
    controller = create_vault_through_the_window(qtbot, data_dir)
    vault = controller.vault
    other = {"kind": "question", "source": "journal", "text": f"keep {MARKER}"}
    vault.drafts.save(DIALOG_DRAFT, other)
    day = dt.date(2026, 1, 12)
    vault.entries.add(Entry(day=day, time=dt.time(8), mood=4, note="as it was"))
    journal = controller.main_window.show_screen("Journal")
    journal.select_day(day)
    journal.edit_selected()
    journal.edit_dialog.keep_draft()  # unchanged: nothing of its own to keep
    assert vault.drafts.load(DIALOG_DRAFT) == other
    controller.shutdown()


def test_dialog_drafts_are_inside_the_encrypted_vault_only(qtbot, data_dir: Path):
    controller = create_vault_through_the_window(qtbot, data_dir)
    journal = controller.main_window.show_screen("Journal")
    journal._add_question()
    journal._question_dialog.text.setPlainText(MARKER)
    controller.auto_lock()
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert MARKER.encode() not in path.read_bytes(), path
    with Vault.open(data_dir / "moodlog.db", PASSPHRASE) as vault:
        assert vault.drafts.load(DIALOG_DRAFT)["text"] == MARKER


def test_an_open_dialogs_text_is_kept_every_half_minute_for_a_crash(qtbot, data_dir: Path):
    """Hardening review: a dialog's text was kept only at a lock, a quit or a screen
    switch; a crash or a killed app lost the whole therapy note. Now it is kept every
    half minute while the dialog is open, only when it changed, and never again once
    the dialog is saved or cancelled."""
    from moodlog.ui.drafts import DRAFT_EVERY_MS
    from moodlog.ui.treatments import SessionNoteDialog

    controller = create_vault_through_the_window(qtbot, data_dir)
    vault = controller.vault
    dialog = SessionNoteDialog(controller.context, parent=controller.main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog._draft_timer.isActive() and dialog._draft_timer.interval() == DRAFT_EVERY_MS
    dialog._draft_timer.timeout.emit()
    assert vault.drafts.load(DIALOG_DRAFT) is None  # nothing typed: nothing kept
    dialog.worked_on.setPlainText(f"grief and {MARKER}")
    dialog._draft_timer.timeout.emit()
    kept = vault.drafts.load(DIALOG_DRAFT)
    assert kept["kind"] == "session_note" and kept["worked_on"] == f"grief and {MARKER}"
    # As after a crash: another connection reading the file finds the text there.
    from moodlog.vault import connection as conn_mod

    reader = conn_mod.open_connection(vault.path, PASSPHRASE)
    try:
        row = reader.execute("SELECT body FROM drafts WHERE name = ?", (DIALOG_DRAFT,)).fetchone()
    finally:
        reader.close()
    assert MARKER in row[0]
    dialog.insights.setPlainText("an insight")
    dialog.save()
    assert not dialog._draft_timer.isActive()
    dialog._draft_timer.timeout.emit()  # (a last tick already queued)
    assert vault.drafts.load(DIALOG_DRAFT) is None  # saved: no draft comes back
    assert [n.worked_on for n in vault.session_notes.all()] == [f"grief and {MARKER}"]


def test_a_restored_question_survives_a_second_lock(qtbot, data_dir: Path):
    """Diff review: a question restored after a lock was built with its text, so the
    next lock (or the half-minute keep) found it "unchanged" and forgot the draft."""
    controller = create_vault_through_the_window(qtbot, data_dir)
    journal = controller.main_window.show_screen("Journal")
    journal._add_question()
    journal._question_dialog.text.setPlainText(f"Ask about {MARKER}")
    relock(qtbot, controller)
    resumed = controller.resumed_dialog
    resumed._draft_timer.timeout.emit()  # the half-minute keep, nothing typed since
    assert controller.vault.drafts.load(DIALOG_DRAFT)["text"] == f"Ask about {MARKER}"
    relock(qtbot, controller)  # untouched through a second lock
    again = controller.resumed_dialog
    assert isinstance(again, QuestionDialog)
    assert again.text.toPlainText() == f"Ask about {MARKER}"
    controller.shutdown()
