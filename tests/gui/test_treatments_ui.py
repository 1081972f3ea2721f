"""Treatments screen: add a session with the dialog, see it in the list and on Today."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QTime

from moodlog.domain.treatments import COURSE_NUMBER_RULE, Treatment
from moodlog.preferences import Preferences
from moodlog.ui.context import AppContext
from moodlog.ui.today import TodayScreen
from moodlog.ui.treatments import MedicationDialog, TreatmentDialog, TreatmentsScreen
from moodlog.vault.vault import Vault
from tests.conftest import FakeClock

NOW = dt.datetime(2026, 11, 20, 15, 0)


@pytest.fixture
def context(vault: Vault, data_dir: Path):
    return AppContext(
        vault=vault, data_dir=data_dir, preferences=Preferences(country="US"), now=FakeClock(NOW)
    )


def fill(
    dialog: TreatmentDialog, day: dt.date, hour: int = 10, dose: float = 35, weight: float = 70
) -> None:
    dialog.kind.setCurrentIndex(dialog.kind.findData("ketamine_iv"))
    dialog.date.setDate(QDate(day.year, day.month, day.day))
    dialog.time.setTime(QTime(hour, 0))
    dialog.dose.setValue(dose)
    dialog.weight.setValue(weight)
    dialog.effects["nausea/vomiting"].setCurrentText("mild")
    dialog.dissociation.setValue(6)
    dialog.bp_before.setText("122/78")


def test_add_session_appears_in_the_list_and_on_today(qtbot, context, vault):
    screen = TreatmentsScreen(context)
    qtbot.addWidget(screen)
    dialog = TreatmentDialog(context, parent=screen)
    qtbot.addWidget(dialog)
    fill(dialog, NOW.date())
    assert dialog.mg_per_kg.text() == "= 0.5 mg/kg"
    dialog.save()
    assert dialog.result() == TreatmentDialog.DialogCode.Accepted
    (saved,) = vault.treatments.all()
    assert (saved.dose_mg, saved.weight_kg, saved.mg_per_kg) == (35, 70, 0.5)
    assert saved.side_effects == {"nausea/vomiting": "mild"}
    assert screen.sessions.rowCount() == 1
    assert screen.sessions.item(0, 1).text() == "Ketamine IV infusion"
    assert screen.sessions.item(0, 2).text() == "infusion 1"
    assert screen.sessions.item(0, 3).text() == "35 mg (0.5 mg/kg)"

    today = TodayScreen(context)
    qtbot.addWidget(today)
    assert today.context_label.text().startswith("Session today: Ketamine IV infusion")
    assert (
        "no driving" in today.aftercare_label.text().lower()
        or "do not drive" in today.aftercare_label.text().lower()
    )


def test_an_iv_after_monthly_esketamine_reads_infusion_7_in_the_list_and_on_today(
    qtbot, context, vault
):
    """Clinician review: the figures count it in the same course as the IV induction, so
    the session line does too (whichever kind the list shows), and says how it counts."""
    start = NOW.date() - dt.timedelta(days=170)
    for offset in (0, 2, 4, 7, 9, 11):
        vault.treatments.save(
            Treatment(start + dt.timedelta(days=offset), dt.time(10), "ketamine_iv")
        )
    for month in range(1, 6):
        day = start + dt.timedelta(days=11 + 30 * month)
        vault.treatments.save(Treatment(day, dt.time(10), "esketamine_nasal"))
    vault.treatments.save(Treatment(NOW.date(), dt.time(10), "ketamine_iv"))
    screen = TreatmentsScreen(context)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.sessions.item(0, 2).text() == "infusion 7"
    assert screen.sessions.item(1, 2).text() == "dose 5"
    screen.kind_filter.setCurrentIndex(screen.kind_filter.findData("ketamine_iv"))
    assert screen.sessions.item(0, 2).text() == "infusion 7"
    assert screen.sessions_rule.isVisible()
    assert screen.sessions_rule.text() == COURSE_NUMBER_RULE
    today = TodayScreen(context)
    qtbot.addWidget(today)
    assert "infusion 7" in today.context_label.text()


def test_future_session_is_an_appointment_on_top(qtbot, context, vault):
    screen = TreatmentsScreen(context)
    qtbot.addWidget(screen)
    for day in (NOW.date() - dt.timedelta(days=3), NOW.date() + dt.timedelta(days=9)):
        dialog = TreatmentDialog(context, parent=screen)
        qtbot.addWidget(dialog)
        fill(dialog, day)
        dialog.save()
    assert screen.next_label.text().startswith("Next appointment: Ketamine IV infusion")
    assert "(appointment)" in screen.sessions.item(0, 0).text()
    assert "(appointment)" not in screen.sessions.item(1, 0).text()
    today = TodayScreen(context)
    qtbot.addWidget(today)
    assert "3 days since your last session" in today.context_label.text()
    assert "Next appointment" in today.context_label.text()


def test_validation_message_and_nothing_saved(qtbot, context, vault):
    dialog = TreatmentDialog(context)
    qtbot.addWidget(dialog)
    fill(dialog, NOW.date())
    dialog.bp_before.setText("70/120")
    dialog.save()
    assert "systolic" in dialog.error.text()
    dialog.bp_before.setText("")
    dialog.dose.setValue(1500)
    dialog.save()
    assert "plausible" in dialog.error.text()
    assert vault.treatments.all() == []


def test_integration_prompt_shows_a_day_later(qtbot, context, vault):
    from moodlog.domain.treatments import Treatment

    vault.treatments.save(
        Treatment(
            day=NOW.date() - dt.timedelta(days=1),
            time=dt.time(10),
            kind="esketamine_nasal",
            dose_mg=56,
        )
    )
    today = TodayScreen(context)
    qtbot.addWidget(today)
    texts = [
        today.prompts.itemAt(i).widget().findChildren(type(today.status))[0].text()
        for i in range(today.prompts.count())
    ]
    assert any("What came up?" in text for text in texts)


def test_medication_start_and_change(qtbot, context, vault):
    dialog = MedicationDialog(context)
    qtbot.addWidget(dialog)
    dialog.name.setText("Sertraline")
    dialog.dose.setValue(50)
    dialog.save()
    (med,) = vault.medications.all()
    change = MedicationDialog(context, med)
    qtbot.addWidget(change)
    change.dose.setValue(100)
    change.save()
    (med,) = vault.medications.all()
    assert [(e.event, e.dose) for e in med.events] == [("start", 50), ("change", 100)]


# -- issue 11 §6: the session dialog warns, never blocks ----------------------------------


def test_high_mg_per_kg_warns_and_still_saves(qtbot, context, vault):
    dialog = TreatmentDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, NOW.date(), dose=35, weight=70)
    assert not dialog.dose_warning.isVisible()
    dialog.dose.setValue(84)  # 1.2 mg/kg IV
    assert dialog.dose_warning.isVisible()
    assert "1.2 mg/kg" in dialog.dose_warning.text()
    dialog.save()
    assert dialog.result() == TreatmentDialog.DialogCode.Accepted
    assert vault.treatments.all()[0].dose_mg == 84


def test_esketamine_dose_outside_the_devices_warns_and_saves(qtbot, context, vault):
    dialog = TreatmentDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData("esketamine_nasal"))
    dialog.dose.setValue(56)
    assert not dialog.dose_warning.isVisible()
    dialog.dose.setValue(70)
    assert dialog.dose_warning.isVisible() and "28, 56 or 84 mg" in dialog.dose_warning.text()
    dialog.save()
    assert dialog.result() == TreatmentDialog.DialogCode.Accepted
    assert vault.treatments.all()[0].dose_mg == 70


def test_infusion_duration_is_saved_for_an_infusion(qtbot, context, vault):
    dialog = TreatmentDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, NOW.date())
    assert dialog.infusion_minutes.isVisible()
    assert dialog.infusion_minutes.text() == "not recorded"  # optional, not preset
    dialog.infusion_minutes.setValue(40)
    dialog.save()
    assert vault.treatments.all()[0].infusion_minutes == 40
    edit = TreatmentDialog(context, vault.treatments.all()[0])
    qtbot.addWidget(edit)
    assert edit.infusion_minutes.value() == 40
    edit.kind.setCurrentIndex(edit.kind.findData("esketamine_nasal"))
    assert edit.infusion_minutes.isHidden()


def test_new_side_effects_and_the_dissociation_wording(qtbot, context, vault):
    dialog = TreatmentDialog(context)
    qtbot.addWidget(dialog)
    fill(dialog, NOW.date())
    for name in (
        "numbness/tingling",
        "vertigo",
        "perceptual changes/confusion",
        "urinary symptoms",
        "craving/urge for extra doses",
    ):
        assert dialog.effects[name].currentText() == "none"
    dialog.effects["craving/urge for extra doses"].setCurrentText("mild")
    dialog.effects["vertigo"].setCurrentText("moderate")
    texts = [label.text() for label in dialog.findChildren(type(dialog.error))]
    assert "your own 0-10 rating, not a clinical scale" in texts
    assert not any("adapted self-rating" in text for text in texts)
    dialog.save()
    assert vault.treatments.all()[0].side_effects == {
        "nausea/vomiting": "mild",
        "craving/urge for extra doses": "mild",
        "vertigo": "moderate",
    }


def test_high_blood_pressure_after_the_session_gets_a_calm_note(qtbot, context, vault):
    dialog = TreatmentDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, NOW.date())
    dialog.bp_after.setText("150/95")
    assert not dialog.bp_note.isVisible()
    dialog.bp_after.setText("184/112")
    assert dialog.bp_note.isVisible() and "184/112" in dialog.bp_note.text()
    dialog.save()
    assert dialog.result() == TreatmentDialog.DialogCode.Accepted  # noted, never blocked


def test_the_first_session_has_no_preset_kind(qtbot, context, vault) -> None:  # noqa: ANN001
    """Clinician review (stop 13): the first session was preset to ketamine IV, so an
    esketamine or TMS session saved as it was counted as ketamine in every figure.
    Nothing enters the record that the person did not choose."""
    dialog = TreatmentDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.kind.currentIndex() == -1
    assert dialog.kind.placeholderText() == "Choose the kind of treatment"
    dialog.dose.setValue(56)  # no kind yet: no dose warning to compare with
    assert dialog.dose_warning.isHidden()
    dialog.save()
    assert vault.treatments.all() == []
    assert dialog.error.text() == "Please choose the kind of treatment first."
    dialog.kind.setCurrentIndex(dialog.kind.findData("esketamine_nasal"))
    dialog.save()
    (saved,) = vault.treatments.all()
    assert saved.kind == "esketamine_nasal" and saved.dose_mg == 56
    # The next one starts from this one (issue 15), the kind included.
    again = TreatmentDialog(context)
    qtbot.addWidget(again)
    assert again.kind.currentData() == "esketamine_nasal"


def test_enter_in_a_field_does_not_save_a_session(qtbot, context, vault) -> None:  # noqa: ANN001
    """Tired-user review (stop 13): Enter in an untouched "Add session" dialog recorded
    a session copied from the last one."""
    from PySide6.QtCore import Qt

    first = TreatmentDialog(context)
    qtbot.addWidget(first)
    fill(first, NOW.date() - dt.timedelta(days=7))
    first.save()
    assert len(vault.treatments.all()) == 1
    dialog = TreatmentDialog(context)  # copied from the one before
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.clinic.setFocus()
    qtbot.keyClick(dialog.clinic, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.clinic, Qt.Key.Key_Enter)
    assert len(vault.treatments.all()) == 1 and dialog.isVisible()


def test_a_day_to_come_is_said_to_make_an_appointment(qtbot, context) -> None:  # noqa: ANN001
    """Tired-user review (stop 13): a mistyped month silently made a session an
    appointment, its after-session details kept."""
    dialog = TreatmentDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.appointment_note.isHidden()  # now: a session
    later = NOW.date() + dt.timedelta(days=31)
    dialog.date.setDate(QDate(later.year, later.month, later.day))
    assert not dialog.appointment_note.isHidden()
    assert dialog.appointment_note.text().startswith("This is still to come")
    dialog.date.setDate(QDate(NOW.year, NOW.month, NOW.day))
    dialog.time.setTime(QTime(NOW.hour + 1, 0))  # later today: still to come
    assert not dialog.appointment_note.isHidden()
    dialog.time.setTime(QTime(NOW.hour - 1, 0))
    assert dialog.appointment_note.isHidden()


def test_a_new_therapy_note_is_not_saved_empty_by_enter_or_save(qtbot, data_dir) -> None:  # noqa: ANN001
    """Review finding (a new user): Enter in a new note's date saved an empty, dated
    note, which the therapist's PDF then listed as if an appointment had happened."""
    from PySide6.QtCore import Qt

    from moodlog.ui.treatments import SessionNoteDialog
    from tests.gui.helpers import create_vault_through_the_window

    controller = create_vault_through_the_window(qtbot, data_dir)
    dialog = SessionNoteDialog(controller.context, parent=controller.main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.date, Qt.Key.Key_Return)
    assert dialog.isVisible() and controller.vault.session_notes.all() == []
    dialog.save()  # Save on an empty note: a plain message, nothing saved
    assert dialog.isVisible() and controller.vault.session_notes.all() == []
    assert "Write something" in dialog.error.text()
    dialog.insights.setPlainText("Noticed the inner critic")
    dialog.save()
    assert not dialog.isVisible()
    assert [n.insights for n in controller.vault.session_notes.all()] == [
        "Noticed the inner critic"
    ]


def test_an_old_diary_entry_keeps_its_day_when_edited(qtbot, context, vault):
    """Review finding: an entry dated 1985 (imported from another app, which allows
    dates from 1900) was shown as 1 Jan 1990 by the editor, and saving a new mood moved
    it there."""
    from moodlog.domain.entries import Entry
    from moodlog.ui.journal import EntryDialog

    vault.entries.add(Entry(dt.date(1985, 6, 1), dt.time(9), 4, note="old diary"))
    (entry,) = vault.entries.between()
    dialog = EntryDialog(context, entry)
    qtbot.addWidget(dialog)
    assert dialog.form.date_edit.date() == QDate(1985, 6, 1)
    dialog.form.mood.set_value(6)
    dialog.save()
    (saved,) = vault.entries.between()
    assert (saved.day, saved.mood, saved.note) == (dt.date(1985, 6, 1), 6, "old diary")


def test_date_fields_follow_the_one_range_and_show_a_stored_day_as_it_is(qtbot, context, vault):
    """A typo like 2062 cannot be picked (the range of moodlog.domain.dates); a day
    stored by an older version outside it is shown as it is, and saving says why."""
    from moodlog.domain.dates import latest_day

    dialog = MedicationDialog(context)
    qtbot.addWidget(dialog)
    latest = latest_day()
    assert dialog.date.maximumDate() == QDate(latest.year, latest.month, latest.day)
    dialog.date.setDate(QDate(2062, 11, 30))
    assert dialog.date.date() == QDate(latest.year, latest.month, latest.day)

    from moodlog.domain.treatments import SessionNote
    from moodlog.ui.treatments import SessionNoteDialog

    vault.session_notes.save(SessionNote(dt.date(2026, 1, 5), worked_on="grief"))
    vault.conn.execute("UPDATE session_notes SET day = '1800-01-05'")  # an older version's
    (old,) = vault.session_notes.all()
    note = SessionNoteDialog(context, old)
    qtbot.addWidget(note)
    note.show()
    assert note.date.date() == QDate(1800, 1, 5)  # as stored, not moved
    note.save()
    assert "1800-01-05 is not plausible" in note.error.text() and note.isVisible()
    assert vault.session_notes.all()[0].day == dt.date(1800, 1, 5)  # unchanged
    note.date.setDate(QDate(2026, 1, 5))
    note.save()
    assert not note.isVisible()  # saved and closed
    assert vault.session_notes.all()[0].day == dt.date(2026, 1, 5)

    # A medication with an event an older version saved out of range still takes a stop.
    from moodlog.domain.treatments import Medication, MedicationEvent

    vault.medications.save(
        Medication("Lithium", events=[MedicationEvent(dt.date(2026, 1, 5), "start", 400)])
    )
    vault.conn.execute("UPDATE medication_events SET day = '1826-03-01'")  # an older version's
    (lithium,) = vault.medications.all()
    stop = MedicationDialog(context, lithium)
    qtbot.addWidget(stop)
    stop.event.setCurrentIndex(stop.event.findData("stop"))
    stop.save()
    assert stop.error.text() == ""
    assert [e.event for e in vault.medications.all()[0].events] == ["start", "stop"]


def test_two_therapy_notes_of_one_day_list_the_later_saved_first(qtbot, context, vault):
    """Diff review: the PDF's last therapy note is the later saved of a day's two; the
    Treatments screen's top row was the earlier (a stable sort by day alone)."""
    from moodlog.domain.treatments import SessionNote
    from moodlog.ui.treatments import TreatmentsScreen

    day = NOW.date() - dt.timedelta(days=3)
    vault.session_notes.save(SessionNote(day=day, worked_on="saved first"))
    vault.session_notes.save(SessionNote(day=day, worked_on="saved second"))
    screen = TreatmentsScreen(context)
    qtbot.addWidget(screen)
    screen._refresh_notes()  # noqa: SLF001
    assert screen.notes.item(0, 1).text() == "saved second"
