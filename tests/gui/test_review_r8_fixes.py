"""Fixes from the eighth round of fresh-eyed reviews (a new user at 2 a.m.): one Enter
in the Restore dialog replaced the journal unseen; the printed safety plan came out at
about 3 pt; Enter in the medication dialog saved a start "today" nobody chose."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdf
import shiboken6
from PySide6.QtCore import Qt

from moodlog.domain.entries import Entry
from moodlog.domain.safety import SafetyPlan
from moodlog.report.safety_plan_pdf import export_safety_plan_pdf
from tests.conftest import PASSPHRASE
from tests.gui.helpers import create_vault_through_the_window


def _restore_dialog(qtbot, data_dir: Path):  # noqa: ANN001, ANN202
    controller = create_vault_through_the_window(qtbot, data_dir)
    screen = controller.main_window.show_screen("Backups")
    qtbot.mouseClick(screen.backup_button, Qt.MouseButton.LeftButton)
    controller.vault.entries.add(Entry(dt.date(2026, 3, 2), dt.time(9), 4, note="newer"))
    screen.table.selectRow(0)
    return controller, screen.open_restore()


def test_enter_after_the_right_passphrase_shows_what_the_backup_holds(qtbot, data_dir: Path):
    controller, dialog = _restore_dialog(qtbot, data_dir)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.wait(200)
    assert shiboken6.isValid(dialog) and dialog.isVisible()  # the summary is to be read
    assert dialog.result.isVisible() and dialog.result.text()
    assert controller.vault.entries.count() == 1  # not replaced
    assert dialog.focusWidget() is not dialog.replace_button  # (review r10)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)  # a second Enter
    qtbot.wait(200)
    assert shiboken6.isValid(dialog) and dialog.isVisible()
    assert controller.vault.entries.count() == 1  # still not replaced (review r10)
    dialog.reject()
    controller.shutdown()


def test_enter_after_a_wrong_passphrase_says_so_and_stays(qtbot, data_dir: Path):
    controller, dialog = _restore_dialog(qtbot, data_dir)
    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.wait(200)
    assert shiboken6.isValid(dialog) and dialog.isVisible()
    assert dialog.error.text()
    dialog.reject()
    controller.shutdown()


def test_the_printed_safety_plan_is_readable(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "plan.pdf"
    export_safety_plan_pdf(SafetyPlan(reasons=["Ana"], coping=["Walk"]), "GB", path)
    sizes: dict[str, float] = {}

    def visit(text, cm, tm, font, size) -> None:  # noqa: ANN001
        if text.strip():
            sizes[text.strip()] = size * tm[3] * cm[3]  # the point size on the page

    pypdf.PdfReader(path).pages[0].extract_text(visitor_text=visit)
    assert sizes["Walk"] >= 9.5 and sizes["Ana"] >= 9.5  # 10 pt, was ~3.1 pt
    assert max(sizes.values()) >= 12  # the title


def test_enter_in_the_medication_dialog_does_not_save(qtbot, data_dir: Path):
    from moodlog.ui.treatments import MedicationDialog

    controller = create_vault_through_the_window(qtbot, data_dir)
    dialog = MedicationDialog(controller.context, parent=controller.main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "sertraline")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert controller.vault.medications.all() == []
    controller.shutdown()


def test_restoring_an_older_backup_says_what_it_leaves_out(qtbot, data_dir: Path):
    """Review r8: the dialog showed only what the backup held and said "nothing is
    lost"; the entries made since went without a word."""
    controller, dialog = _restore_dialog(qtbot, data_dir)  # one entry after the backup
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    dialog.check()
    text = dialog.result.text()
    assert "Your journal has records this backup does not" in text
    assert "made): 1 check-in." in text
    assert "only in the copy of your journal kept beside it" in text
    dialog.reject()
    controller.shutdown()


def test_the_journal_kept_at_a_restore_is_offered_by_the_next_restore(qtbot, data_dir: Path):
    from moodlog.ui.backups import restore_into

    controller, dialog = _restore_dialog(qtbot, data_dir)
    path = dialog.chosen_path()
    dialog.reject()
    qtbot.waitUntil(lambda: controller.main_window is not None)
    accept_message_boxes_soon()
    assert restore_into(controller, path, PASSPHRASE)
    assert controller.vault.entries.count() == 0  # the backup: made before the entry
    screen = controller.main_window.show_screen("Backups")
    again = screen.open_restore()
    labels = [again.choice.itemText(i) for i in range(again.choice.count())]
    kept = [t for t in labels if "your journal as it was before that restore" in t]
    assert len(kept) == 1
    again.choice.setCurrentIndex(labels.index(kept[0]))
    qtbot.keyClicks(again.passphrase, PASSPHRASE)
    again.check()
    assert "It holds 1 check-in" in again.result.text()  # the entry is there to go back to
    assert "records this backup does not" not in again.result.text()
    again.reject()
    controller.shutdown()


def test_reminder_and_after_care_changes_are_kept_when_leaving_settings(qtbot, data_dir: Path):
    """Review r8: a ticked reminder and an edited after-care note, not saved with their
    buttons, were lost when the person switched screens or locked, while the screen
    showed them as chosen (and no reminder came)."""
    from PySide6.QtCore import QTime

    from moodlog.ui.reminders import SETTING_TIME, ReminderConfig
    from moodlog.ui.settings import aftercare_text
    from tests.gui.helpers import unlock

    controller = create_vault_through_the_window(qtbot, data_dir)
    window = controller.main_window
    settings = window.show_screen("Settings")
    settings.leaving()  # nothing changed: nothing written
    assert controller.vault.settings.get(SETTING_TIME) is None
    assert not ReminderConfig.load(controller.vault.settings).enabled
    settings.reminders.enabled.setChecked(True)
    settings.reminders.time.setTime(QTime(21, 30))
    settings.aftercare.setPlainText("Rest, drink water, no driving today.")
    window.show_screen("Today")  # leaving Settings
    config = ReminderConfig.load(controller.vault.settings)
    assert config.enabled and config.time == dt.time(21, 30)
    assert aftercare_text(controller.vault.settings) == "Rest, drink water, no driving today."
    window.show_screen("Settings")  # changed again, then the idle lock comes
    settings.reminders.time.setTime(QTime(7, 15))
    controller.auto_lock()
    unlock(qtbot, controller)
    qtbot.waitUntil(lambda: controller.vault is not None)
    assert ReminderConfig.load(controller.vault.settings).time == dt.time(7, 15)
    controller.shutdown()


def test_a_stop_dated_before_the_start_is_refused_in_the_dialog(qtbot, data_dir: Path):
    from PySide6.QtCore import QDate

    from moodlog.domain.treatments import Medication, MedicationEvent
    from moodlog.ui.treatments import MedicationDialog

    controller = create_vault_through_the_window(qtbot, data_dir)
    vault = controller.vault
    vault.medications.save(
        Medication("sertraline", events=[MedicationEvent(dt.date(2024, 3, 1), "start", 50)])
    )
    (medication,) = vault.medications.all()
    dialog = MedicationDialog(controller.context, medication, controller.main_window)
    qtbot.addWidget(dialog)
    dialog.event.setCurrentIndex(dialog.event.findData("stop"))
    dialog.date.setDate(QDate(2020, 3, 1))
    dialog.save()
    assert "before the medication was started" in dialog.error.text()
    assert [e.event for e in vault.medications.all()[0].events] == ["start"]
    controller.shutdown()


def test_what_a_backup_holds_is_said_in_the_persons_language(pseudo_translation) -> None:  # noqa: ANN001
    """Review r8: the restore dialog showed the command line's English summary."""
    from moodlog.ui.backups import HELD_WORDS, summary_text
    from moodlog.vault import backup

    assert set(HELD_WORDS) == {key for key, *_ in backup.COUNTED}  # every kind counted
    summary = backup.BackupSummary(
        Path("b.db"), 5, {"entries": 2, "treatments": 1}, dt.date(2026, 1, 2), None, 4096
    )
    text = summary_text(summary)
    assert "«It holds no dated records.»" in text
    assert "«check-ins»" in text and "«treatment session or appointment»" in text


def test_enter_adds_a_tag_and_changes_the_passphrase_in_settings(qtbot, data_dir: Path):
    controller = create_vault_through_the_window(qtbot, data_dir)
    settings = controller.main_window.show_screen("Settings")
    qtbot.keyClick(settings.new_tag, Qt.Key.Key_Return)  # empty: nothing happens
    qtbot.keyClicks(settings.new_tag, "gardening")
    qtbot.keyClick(settings.new_tag, Qt.Key.Key_Return)
    assert "gardening" in controller.vault.tags.names()
    assert settings.new_tag.text() == ""
    settings.current.setText(PASSPHRASE)
    settings.new.setText("a different long passphrase")
    qtbot.keyClicks(settings.repeat, "a different long passphrase")
    qtbot.keyClick(settings.repeat, Qt.Key.Key_Return)
    assert "opens only with the new one" in settings.passphrase_status.text()
    controller.shutdown()


def test_unsaved_text_on_today_goes_into_the_restored_journal(qtbot, data_dir: Path):
    """Review r8: "Tonight was hard…" typed on Today, not saved, stayed in the journal
    that the restore replaced, and the restored journal's Today was empty."""

    from moodlog.ui.backups import restore_into

    controller, dialog = _restore_dialog(qtbot, data_dir)
    path = dialog.chosen_path()
    dialog.reject()
    today = controller.main_window.show_screen("Today")
    today.form.note.setPlainText("Tonight was hard, not saved yet")
    accept_message_boxes_soon()
    assert restore_into(controller, path, PASSPHRASE)
    qtbot.waitUntil(lambda: controller.main_window is not None)
    today = controller.main_window.screen("Today")
    assert today.form.note.toPlainText() == "Tonight was hard, not saved yet"
    assert controller.vault.entries.count() == 0  # the backup's entries: nothing saved
    controller.shutdown()


def test_unsaved_text_that_cannot_be_brought_over_is_said_and_where_it_is(
    qtbot, data_dir: Path, monkeypatch
):
    """Hardening review: with the disk full after the restore, the unsaved text was not
    put into the restored journal and nobody was told; it survived only in the kept
    journal. The message now says so, and names that journal."""
    from PySide6.QtWidgets import QMessageBox

    from moodlog.ui import backups as backups_ui
    from moodlog.vault.errors import DiskFull

    controller, dialog = _restore_dialog(qtbot, data_dir)
    path = dialog.chosen_path()
    dialog.reject()
    today = controller.main_window.show_screen("Today")
    today.form.note.setPlainText("Tonight was hard, not saved yet")
    real_open = backups_ui.Vault.open

    def full(*_args, **_kwargs) -> None:  # noqa: ANN002, ANN003
        raise DiskFull()

    def opened_on_a_full_disk(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        vault = real_open(*args, **kwargs)  # the restored journal: no room for drafts
        monkeypatch.setattr(vault.drafts, "save", full)
        return vault

    monkeypatch.setattr(backups_ui.Vault, "open", staticmethod(opened_on_a_full_disk))
    shown: list[tuple[str, object]] = []
    monkeypatch.setattr(
        backups_ui, "show_message", lambda _parent, text, icon: shown.append((text, icon))
    )
    assert backups_ui.restore_into(controller, path, PASSPHRASE)
    ((text, icon),) = shown
    assert icon == QMessageBox.Icon.Warning
    assert "could not be brought over (the disk is full)" in text
    kept = next(data_dir.glob("moodlog.db.before-restore*"))
    assert f"it is still in the journal kept as {kept.name}, as not saved yet" in text
    controller.shutdown()


def test_changing_the_backup_folder_says_where_the_earlier_backups_are(qtbot, data_dir, tmp_path):
    controller = create_vault_through_the_window(qtbot, data_dir)
    screen = controller.main_window.show_screen("Backups")
    qtbot.mouseClick(screen.backup_button, Qt.MouseButton.LeftButton)
    before = screen.folder
    elsewhere = tmp_path / "usb"
    elsewhere.mkdir()
    screen.set_folder(elsewhere)
    text = screen.status.text()
    assert f"New backups go to {elsewhere}." in text
    assert f"Your earlier backups stay in {before}" in text
    screen.set_folder(before)  # back: the one just left has no backup: nothing more said
    assert screen.status.text() == f"New backups go to {before}."
    controller.shutdown()


def test_the_seven_day_mean_and_the_windows_third_are_printed(qtbot, data_dir: Path):
    """Clinician review: the 7-day mean's rule (3 of 7 days) was printed nowhere, and
    the per-session rules left out that a window needs a mood on a third of its days."""
    from moodlog.domain.analysis import SESSION_WINDOW_RULES, SEVEN_DAY_MEAN_RULE
    from moodlog.domain.demo import build_demo
    from moodlog.domain.period import Period
    from moodlog.report.pdf import ReportOptions, build_report

    assert "third of the days" in SESSION_WINDOW_RULES
    now = dt.datetime(2026, 11, 1, 21)
    report = build_report(
        build_demo(end=now.date(), days=120), ReportOptions(Period.last_days(60, now.date())), now
    )
    assert SEVEN_DAY_MEAN_RULE in report.html
    controller = create_vault_through_the_window(qtbot, data_dir)
    trends = controller.main_window.show_screen("Trends")
    qtbot.waitUntil(lambda: "at least 3 of them" in trends.legend.text(), timeout=5000)
    controller.shutdown()


def test_records_left_out_are_named_whatever_their_dates(qtbot, data_dir: Path):
    """Review r10: a session booked ahead was the "last record" of both journal and
    backup, and entries from the backup's own day were not mentioned: nothing was said
    about the 10 check-ins the restore would leave out."""
    from moodlog.domain.treatments import Treatment
    from moodlog.ui.backups import left_out_text
    from moodlog.vault import backup

    controller = create_vault_through_the_window(qtbot, data_dir)
    vault = controller.vault
    vault.treatments.save(Treatment(dt.date(2027, 6, 1), dt.time(10), "ketamine_iv"))
    vault.entries.add(Entry(dt.date(2026, 3, 2), dt.time(9), 4))
    before = backup.summarise_journal(vault)
    for hour in range(10, 20):  # the same day, after the backup
        vault.entries.add(Entry(dt.date(2026, 3, 2), dt.time(hour), 5))
    now = backup.summarise_journal(vault)
    text = left_out_text(now, before)
    assert "made): 10 check-ins." in text and "2027" not in text
    assert left_out_text(before, before) == ""  # nothing more: nothing said
    controller.shutdown()


def accept_message_boxes_soon() -> None:
    """Click OK on the message box a restore shows, once it is up."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    QTimer.singleShot(
        100,
        lambda: [
            w.accept()
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        ],
    )


def test_the_session_dialog_says_when_a_questionnaire_came_earlier_that_day(
    qtbot, data_dir: Path, monkeypatch
):
    """Clinician review r10: whether a same-day PHQ-9 counts as before the session
    depends on the session's start time, which starts as "now": a PHQ-9 taken after a
    morning session, with the session entered in the evening, became the course's
    pre-treatment baseline. The dialog says so while the time can still be set."""
    from PySide6.QtCore import QDate, QTime

    from moodlog.domain.questionnaires import QuestionnaireResult
    from moodlog.ui.treatments import TreatmentDialog

    monkeypatch.setattr("moodlog.ui.drafts.confirm", lambda *_: True)  # "Close without saving"
    controller = create_vault_through_the_window(qtbot, data_dir)
    day = dt.date(2026, 11, 20)
    controller.vault.questionnaires.add(QuestionnaireResult(day, dt.time(12), "PHQ-9", [1] * 9))
    dialog = TreatmentDialog(controller.context, parent=controller.main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData("ketamine_iv"))
    dialog.date.setDate(QDate(2026, 11, 20))
    dialog.time.setTime(QTime(20, 0))
    assert dialog.same_day_note.isVisible()
    assert "PHQ-9 was saved this day at 12:00" in dialog.same_day_note.text()
    dialog.time.setTime(QTime(9, 0))  # the session was in the morning: nothing to say
    assert not dialog.same_day_note.isVisible()
    dialog.time.setTime(QTime(12, 0))  # the same minute: not "before" (the baseline rule)
    assert not dialog.same_day_note.isVisible()
    dialog.time.setTime(QTime(20, 0))
    dialog.kind.setCurrentIndex(dialog.kind.findData("tms"))  # not a course session
    assert not dialog.same_day_note.isVisible()
    dialog.kind.setCurrentIndex(dialog.kind.findData("ketamine_iv"))
    dialog.date.setDate(QDate(2026, 11, 21))
    dialog.time.setTime(QTime(20, 0))
    assert not dialog.same_day_note.isVisible()  # another day
    dialog.reject()
    # Only a course's first session's time decides (final review): a session later in a
    # course, or an unscored result, gives no note.
    from moodlog.domain.treatments import Treatment

    controller.vault.treatments.save(Treatment(dt.date(2026, 11, 10), dt.time(10), "ketamine_iv"))
    later = TreatmentDialog(controller.context, parent=controller.main_window)
    qtbot.addWidget(later)
    later.show()
    later.kind.setCurrentIndex(later.kind.findData("ketamine_iv"))
    later.date.setDate(QDate(2026, 11, 20))
    later.time.setTime(QTime(20, 0))
    assert not later.same_day_note.isVisible()
    later.reject()
    controller.shutdown()


def test_a_record_added_after_the_backup_is_named_even_when_the_counts_match(qtbot, data_dir: Path):
    """Final diff reviews: one check-in deleted and another added after the backup left
    the counts equal (and SQLite gives a re-entered last row the deleted one's number),
    and the dialog said nothing of the new one; nor of an edited note."""
    from moodlog.ui.backups import left_out_text
    from moodlog.vault import backup

    controller = create_vault_through_the_window(qtbot, data_dir)
    vault = controller.vault
    vault.entries.add(Entry(dt.date(2026, 3, 1), dt.time(9), 4))
    last = vault.entries.add(Entry(dt.date(2026, 3, 2), dt.time(9), 5, note="morning"))
    before = backup.summarise_journal(vault)
    assert left_out_text(before, before) == ""
    vault.entries.delete(last)  # a mistake just made, entered again: the same number
    again = vault.entries.add(Entry(dt.date(2026, 3, 2), dt.time(21), 5, note="evening"))
    assert again == last
    now = backup.summarise_journal(vault)
    assert now.counts["entries"] == before.counts["entries"] == 2
    assert "made): 1 check-in." in left_out_text(now, before)
    # Fewer now than in the backup, one of them new: still named, never "more".
    vault.entries.delete(again)
    fewer = backup.summarise_journal(vault)
    assert left_out_text(fewer, before) == ""  # nothing the backup lacks
    (first,) = vault.entries.between()
    first.note = "a note written into it after the backup"
    vault.entries.update(first)
    edited = backup.summarise_journal(vault)
    assert "made): 1 check-in." in left_out_text(edited, before)
    controller.shutdown()


def test_a_tag_or_a_dose_change_added_after_the_backup_is_named(qtbot, data_dir: Path):
    """Last quick review: a tag added to a check-in, a dose change of a medication,
    changed no row of their own table, and the restore dialog said nothing."""
    from moodlog.domain.treatments import Medication, MedicationEvent
    from moodlog.ui.backups import left_out_text
    from moodlog.vault import backup

    controller = create_vault_through_the_window(qtbot, data_dir)
    vault = controller.vault
    vault.entries.add(Entry(dt.date(2026, 3, 1), dt.time(9), 4))
    vault.medications.save(
        Medication("sertraline", events=[MedicationEvent(dt.date(2026, 3, 1), "start", 50)])
    )
    before = backup.summarise_journal(vault)
    (entry,) = vault.entries.between()
    entry.tags = ["panic attack"]
    vault.entries.update(entry)
    assert "made): 1 check-in." in left_out_text(backup.summarise_journal(vault), before)
    (medication,) = vault.medications.all()
    medication.events.append(MedicationEvent(dt.date(2026, 3, 9), "change", 100))
    vault.medications.save(medication)
    text = left_out_text(backup.summarise_journal(vault), before)
    assert "1 check-in, 1 medication." in text
    # A summary of another format with the same tables compares record by record too.
    older = backup.BackupSummary(
        before.path, 4, before.counts, None, None, 0, before.rows, before.shape
    )
    assert left_out_text(backup.summarise_journal(vault), older) == text
    controller.shutdown()
