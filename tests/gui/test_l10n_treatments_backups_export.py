"""Localisation of Treatments, Backups, Export, Settings and Safety plan (issue 15).

A pseudo-translator wraps every string that goes through ``moodlog.i18n.tr`` in «…».
With it installed, every text these screens and their dialogs show (labels, buttons,
group titles, tabs, table headers, combo items, placeholders, window titles, accessible
names and descriptions) comes out wrapped: nothing bypasses tr(), including the words
that come from the domain (treatment kinds, side effects, levels, plan sections). The
static scan of tests/test_localisation.py finds nothing in these modules either.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from moodlog.domain.entries import Entry
from moodlog.domain.safety import SICheckin
from moodlog.domain.treatments import Medication, MedicationEvent, SessionNote, Treatment
from moodlog.preferences import Preferences
from moodlog.ui.context import AppContext
from moodlog.vault import backup
from tests.conftest import FakeClock
from tests.test_localisation import untranslated_literals

ROOT = Path(__file__).resolve().parent.parent.parent
MODULES = ("treatments", "backups", "export", "settings", "safety_plan")
NOW = dt.datetime(2026, 11, 20, 15, 0)


@pytest.fixture
def context(vault, data_dir: Path) -> AppContext:
    vault.treatments.save(
        Treatment(
            dt.date(2026, 11, 1),
            dt.time(10),
            "ketamine_iv",
            dose_mg=35,
            weight_kg=70,
            side_effects={"nausea/vomiting": "mild"},
        )
    )
    vault.treatments.save(Treatment(dt.date(2026, 12, 1), dt.time(10), "esketamine_nasal"))
    vault.medications.save(
        Medication(
            name="Sertraline", unit="mg", events=[MedicationEvent(dt.date(2026, 10, 1), "start")]
        )
    )
    vault.session_notes.save(SessionNote(day=dt.date(2026, 11, 5), worked_on="Sleep"))
    vault.checkins.add(
        SICheckin(dt.date(2026, 11, 2), dt.time(9), {"wish_dead": False, "behavior": False})
    )
    vault.entries.add(Entry(dt.date(2026, 11, 3), dt.time(9), 5, note="A walk"))
    backup.write_backup(vault, data_dir / "backups", None)
    return AppContext(
        vault=vault, data_dir=data_dir, preferences=Preferences(country="AU"), now=FakeClock(NOW)
    )


@pytest.mark.parametrize("module", MODULES)
def test_the_static_scan_finds_nothing(module: str) -> None:
    assert untranslated_literals(ROOT / "moodlog" / "ui" / f"{module}.py") == []


def _theirs(widget: QWidget, root: QWidget) -> bool:
    """Whether ``widget`` belongs to a part another module builds (the country box, the
    reminder settings, the CSV/FHIR box), which its own tests check."""
    own = {f"moodlog.ui.{module}" for module in MODULES} | {"moodlog.ui.widgets"}
    while widget is not None and widget is not root:
        module = type(widget).__module__
        if module.startswith("moodlog.") and module not in own:
            return True
        widget = widget.parentWidget()
    return False


def _shown_texts(root: QWidget) -> list[str]:
    """Every text ``root`` shows or announces (its own and its children's)."""
    widgets = [root, *(w for w in root.findChildren(QWidget) if not _theirs(w, root))]
    texts = [root.windowTitle()]
    for widget in widgets:
        texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            texts.append(widget.placeholderText())
        if isinstance(widget, QAbstractSpinBox):
            texts.append(widget.specialValueText())
        if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
            texts.append(widget.suffix())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QTableWidget):
            texts += [
                widget.horizontalHeaderItem(c).text()
                for c in range(widget.columnCount())
                if widget.horizontalHeaderItem(c)
            ]
    return texts


def _untranslated(root: QWidget, data: tuple[str, ...] = ()) -> list[str]:
    """Texts with words that did not go through tr(); ``data`` are what the person wrote
    or where their files are (shown as they are)."""
    return [
        text
        for text in _shown_texts(root)
        if re.search(r"[A-Za-z]{2}", text or "")
        and "«" not in text
        and not any(part in text for part in data)
    ]


def _screens(context: AppContext):  # noqa: ANN202
    from moodlog.ui.backups import BackupsScreen
    from moodlog.ui.export import ExportScreen
    from moodlog.ui.safety_plan import SafetyPlanScreen
    from moodlog.ui.settings import SettingsScreen
    from moodlog.ui.treatments import TreatmentsScreen

    return [
        TreatmentsScreen(context),
        BackupsScreen(context),
        ExportScreen(context),
        SettingsScreen(context),
        SafetyPlanScreen(context),
    ]


def test_every_text_of_the_screens_goes_through_tr(qtbot, pseudo_translation, context, data_dir):
    # The person's own words, file locations, crisis-line names and the app's name.
    data = (str(data_dir), "Sertraline", "Sleep", "Lifeline", "000", "moodlog", "A walk")
    found = {}
    for screen in _screens(context):
        qtbot.addWidget(screen)
        screen.refresh()
        if hasattr(screen, "section_boxes"):  # Export: the journal list is shown too
            screen.section_boxes["journal"].setChecked(True)
        found[type(screen).__name__] = _untranslated(screen, data)
    assert found == {name: [] for name in found}


def test_the_dialogs_and_table_words_go_through_tr(qtbot, pseudo_translation, context, data_dir):
    from moodlog.ui.backups import RestoreDialog
    from moodlog.ui.treatments import (
        MedicationDialog,
        SessionNoteDialog,
        TreatmentDialog,
        TreatmentsScreen,
    )

    vault = context.vault
    first = vault.treatments.all()[0]
    dialogs = [
        TreatmentDialog(context),  # a new one, copied from the last session
        TreatmentDialog(context, first),
        MedicationDialog(context),
        MedicationDialog(context, vault.medications.all()[0]),
        SessionNoteDialog(context),
        RestoreDialog(data_dir / "backups"),
    ]
    found = {}
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        found[type(dialog).__name__] = _untranslated(dialog, ("Sertraline", str(data_dir)))
    assert found == {name: [] for name in found}

    screen = TreatmentsScreen(context)
    qtbot.addWidget(screen)
    table = screen.sessions
    kinds = {table.item(row, 1).text() for row in range(table.rowCount())}
    assert kinds == {"«Ketamine IV infusion»", "«Esketamine nasal spray»"}
    effects = [table.item(row, 5).text() for row in range(table.rowCount())]
    assert "«{effect} ({severity})»".format(effect="«nausea/vomiting»", severity="«mild»") in (
        effects
    )
    assert screen.medications.item(0, 2).text() == "«start»"
    assert screen.next_label.text().startswith("«Next appointment:")


def test_translated_combo_items_still_save_the_domain_words(qtbot, pseudo_translation, context):
    """Severities and medication events are shown translated but stored as the domain's
    words (the record must not depend on the language it was typed in)."""
    from moodlog.ui.treatments import MedicationDialog, TreatmentDialog

    vault = context.vault
    dialog = TreatmentDialog(context, vault.treatments.all()[0])
    qtbot.addWidget(dialog)
    box = dialog.effects["headache"]
    box.setCurrentIndex(box.findText("«moderate»"))
    dialog.save()
    saved = next(t for t in vault.treatments.all() if t.id == dialog.treatment.id)
    assert saved.side_effects == {"nausea/vomiting": "mild", "headache": "moderate"}

    change = MedicationDialog(context, vault.medications.all()[0])
    qtbot.addWidget(change)
    assert change.event.currentText() == "«change»"
    change.event.setCurrentIndex(change.event.findText("«stop»"))
    change.save()
    assert [e.event for e in vault.medications.all()[0].events] == ["start", "stop"]


#: The input controls of each screen and dialog that must say what they do.
DESCRIBED = {
    "TreatmentsScreen": (
        "kind_filter add_button edit_button delete_button sessions medications notes questions"
    ),
    "BackupsScreen": (
        "backup_button auto_box table restore_button same_radio separate_radio "
        "separate_first separate_second"
    ),
    "ExportScreen": (
        "since_last last_30 last_90 custom first last journal_list patient_name "
        "therapist_name paper preview_button save_button"
    ),
    "SettingsScreen": (
        "idle_minutes country theme every_days aftercare tag_list new_tag import_button "
        "current new repeat"
    ),
    "SafetyPlanScreen": "save_button reviewed_button pdf_button check_button history",
    "TreatmentDialog": (
        "kind kind_other date time dose weight infusion_minutes number total clinic intention "
        "bp_before bp_after dissociation after notes integration"
    ),
    "MedicationDialog": "name unit event date dose frequency reason",
    "SessionNoteDialog": "date therapist worked_on insights homework",
    "RestoreDialog": "choice passphrase check_button replace_button",
}


def test_every_input_says_what_it_does(qtbot, context, data_dir):
    """A screen reader reads each control's description after its name."""
    from moodlog.ui.backups import RestoreDialog
    from moodlog.ui.treatments import MedicationDialog, SessionNoteDialog, TreatmentDialog

    roots = [
        *_screens(context),
        TreatmentDialog(context),
        MedicationDialog(context),
        SessionNoteDialog(context),
        RestoreDialog(data_dir / "backups"),
    ]
    missing = {}
    for root in roots:
        qtbot.addWidget(root)
        name = type(root).__name__
        controls = [getattr(root, attribute) for attribute in DESCRIBED[name].split()]
        controls += list(getattr(root, "effects", {}).values())  # side-effect severities
        controls += list(getattr(root, "fields", {}).values())  # safety-plan sections
        controls += list(getattr(root, "section_boxes", {}).values())  # report sections
        missing[name] = [
            control.accessibleName() or type(control).__name__
            for control in controls
            if not control.accessibleDescription().strip()
        ]
    assert missing == {name: [] for name in missing}


def test_export_names_the_self_check_as_every_other_screen_does(qtbot, context):
    from moodlog.ui.export import ExportScreen

    screen = ExportScreen(context)
    qtbot.addWidget(screen)
    label = screen.section_boxes["checkins"].text()
    assert "Self-check" in label and "Suicidal-ideation check-in" not in label
    texts = " ".join(box.text() for box in screen.section_boxes.values())
    assert "check-in" not in texts.lower()


def test_backup_retention_words_match_the_vault(qtbot):
    """The Backups screen says the retention rule in its own (translatable) words: in
    English they are exactly the vault's."""
    from moodlog.ui.backups import retention_text

    assert retention_text() == backup.RETENTION_TEXT


def test_the_aftercare_default_is_translated_and_the_persons_own_text_is_not(
    qtbot, pseudo_translation, context
):
    """Review finding: Settings showed moodlog's default after-care note in English, and
    the person's own note was run through tr()."""
    from moodlog.domain.treatments import DEFAULT_AFTERCARE
    from moodlog.ui.settings import SettingsScreen, aftercare_text

    screen = SettingsScreen(context)
    qtbot.addWidget(screen)
    assert screen.aftercare.toPlainText() == f"«{DEFAULT_AFTERCARE}»"
    context.vault.settings.set("aftercare_text", DEFAULT_AFTERCARE)  # saved unchanged
    assert aftercare_text(context.vault.settings) == f"«{DEFAULT_AFTERCARE}»"
    context.vault.settings.set("aftercare_text", "Rest, then call Sam.")
    assert aftercare_text(context.vault.settings) == "Rest, then call Sam."
