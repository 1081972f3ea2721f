"""Imports from other mood apps (Daylio, eMoods, any CSV) and the CSV / FHIR exports.

:class:`ImportDialog` walks through: choose what kind of file, choose the file, check the
mapping (Daylio mood names -> 0-10, the eMoods mapping, or which column is which), read
the preview (rows found, dates, duplicates, rows with problems and why), then import in
one transaction. Nothing changes before the last button, and nothing at all when any
row has a problem.

:class:`InterchangeBox` is the "Other formats" group on the Export screen: CSV files,
a FHIR bundle (self-check answers only when ticked) and the import dialog. Both exports
first warn that the files are not encrypted, with Cancel as the default button.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.period import Period
from moodlog.i18n import date_text, tr
from moodlog.importers import common, daylio, emoods, generic
from moodlog.importers.common import ImportFailed, ImportPlan, Table
from moodlog.report import csv_export, fhir
from moodlog.ui.context import AppContext
from moodlog.ui.files import ask_folder_path, ask_open_path, ask_save_path
from moodlog.ui.widgets import guard_wheel, hint, show_error
from moodlog.vault import bulk, export_folders
from moodlog.vault.errors import StorageProblem, VaultError, os_reason
from moodlog.wording import QT_TR_NOOP, count_text

KINDS = {  # shown with tr()
    "daylio": QT_TR_NOOP("Daylio (CSV export)"),
    "emoods": QT_TR_NOOP("eMoods (CSV export)"),
    "csv": QT_TR_NOOP("Another app or a spreadsheet (CSV with a header row)"),
}
KIND_DESCRIPTIONS = {
    "daylio": QT_TR_NOOP("A CSV file from Daylio's export: moods, activities and notes."),
    "emoods": QT_TR_NOOP("A CSV file from eMoods' export: ratings, sleep and notes."),
    "csv": QT_TR_NOOP("Any CSV file whose first row names its columns; you choose which is which."),
}
NOT_CHOSEN = -1  # a Daylio mood name without a value yet
FHIR_NOT_ENCRYPTED = QT_TR_NOOP(
    "The FHIR file is not encrypted: anyone who can open it can read it. Send it to your "
    "clinic the way they ask, keep it private, and delete it once they have it."
)


def entries_text(count: int) -> str:
    """ "1 entry", "3 entries" (in words, translated)."""
    return count_text(count, tr("entry"), tr("entries"))


# -- the import dialog ------------------------------------------------------------------


class ImportDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.vault = context.vault
        self.setWindowTitle(tr("Import from another app"))
        self.table: Table | None = None
        self.kind = "daylio"
        self.plan: ImportPlan | None = None
        self.imported = 0
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                tr(
                    "Entries from another app are added to your journal. You will see what "
                    "would be added before anything changes; entries already in your "
                    "journal (same day, time and note) are skipped."
                )
            )
        )

        source = QGroupBox(tr("1. What kind of file"))
        source_layout = QVBoxLayout(source)
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[str, QRadioButton] = {}
        for key, label in KINDS.items():
            button = QRadioButton(tr(label))
            button.setAccessibleDescription(tr(KIND_DESCRIPTIONS[key]))
            self.kind_group.addButton(button)
            self.kind_buttons[key] = button
            source_layout.addWidget(button)
        self.kind_buttons["daylio"].setChecked(True)
        row = QHBoxLayout()
        self.choose_button = QPushButton(tr("Choose file…"))
        self.choose_button.setAccessibleDescription(
            tr("Opens a file window to choose the export file; nothing is imported yet.")
        )
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel(tr("No file chosen."))
        self.file_label.setWordWrap(True)
        row.addWidget(self.choose_button)
        row.addWidget(self.file_label, 1)
        source_layout.addLayout(row)
        layout.addWidget(source)

        mapping_box = QGroupBox(tr("2. How it maps to moodlog"))
        mapping_layout = QVBoxLayout(mapping_box)
        self.mapping_stack = QStackedWidget()
        self.empty_page = QLabel(tr("Choose a file first."))
        self.daylio_page = QWidget()
        self.daylio_form = QFormLayout(self.daylio_page)
        self.emoods_page = QWidget()
        self.emoods_form = QFormLayout(self.emoods_page)
        self.csv_page = QWidget()
        self.csv_form = QFormLayout(self.csv_page)
        for page in (self.empty_page, self.daylio_page, self.emoods_page, self.csv_page):
            self.mapping_stack.addWidget(page)
        mapping_layout.addWidget(self.mapping_stack)
        layout.addWidget(mapping_box)
        self.mood_boxes: dict[str, QSpinBox] = {}
        self.depression_boxes: dict[int, QSpinBox] = {}
        self.column_boxes: dict[str, QComboBox] = {}
        self.emoods_lines = QLabel("")
        self.emoods_lines.setWordWrap(True)

        preview_box = QGroupBox(tr("3. Preview"))
        preview_layout = QVBoxLayout(preview_box)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(tr("Preview"))
        self.preview.setAccessibleDescription(
            tr("What would be added: rows found, dates, entries already there, rows with problems.")
        )
        self.preview.setMinimumHeight(140)
        preview_layout.addWidget(self.preview)
        layout.addWidget(preview_box)

        buttons = QHBoxLayout()
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.import_button = QPushButton(tr("Import"))
        self.import_button.setAccessibleDescription(
            tr("Adds the entries shown in the preview to your journal, all or none.")
        )
        self.import_button.setObjectName("primary")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        self.close_button = QPushButton(tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.import_button)
        layout.addLayout(buttons)
        from moodlog.ui.widgets import scroll_above

        scroll_above(layout)  # on a small screen the steps scroll, the buttons stay
        self.kind_group.buttonToggled.connect(self._kind_changed)
        from moodlog.ui.window_state import fitted_size

        self.resize(fitted_size(self, 640, 720))

    # -- choosing the file ---------------------------------------------------------
    def chosen_kind(self) -> str:
        return next(key for key, button in self.kind_buttons.items() if button.isChecked())

    def _kind_changed(self, _button: object, checked: bool) -> None:
        if checked and self.table is not None and self.chosen_kind() != self.kind:
            self._clear(tr("Choose the file again for this kind of export."))

    def choose_file(self) -> None:
        path = ask_open_path(
            self, tr("Choose the export file"), tr("CSV files (*.csv);;All files (*)")
        )
        if path is not None:
            self.load_file(path, self.chosen_kind())

    def _clear(self, message: str) -> None:
        self.table, self.plan = None, None
        self.mapping_stack.setCurrentWidget(self.empty_page)
        self.preview.setPlainText(message)
        self.import_button.setEnabled(False)
        self.import_button.setText(tr("Import"))

    def load_file(self, path: Path, kind: str) -> None:
        """Read the file and show its mapping and preview (the vault is not touched)."""
        self.kind_buttons[kind].setChecked(True)
        self.kind = kind
        self.status.setText("")
        self.file_label.setText(Path(path).name)
        reader = {"daylio": daylio.read, "emoods": emoods.read, "csv": generic.read}[kind]
        try:
            self.table = reader(Path(path))
        except ImportFailed as error:
            self._clear(
                tr("This file cannot be imported.\n\n{reason}\n\nNothing was changed.").format(
                    reason=error
                )
            )
            return
        except OSError as error:
            self._clear(
                tr("The file could not be read: {reason}.").format(reason=error.strerror or error)
            )
            return
        {"daylio": self._daylio_mapping, "emoods": self._emoods_mapping, "csv": self._csv_mapping}[
            kind
        ]()
        guard_wheel(self)
        self.update_preview()

    # -- mapping pages ---------------------------------------------------------------
    @staticmethod
    def _reset(form: QFormLayout) -> None:
        while form.rowCount():
            form.removeRow(0)

    def _daylio_mapping(self) -> None:
        assert self.table is not None
        self._reset(self.daylio_form)
        self.mood_boxes = {}
        self.daylio_form.addRow(
            hint(
                tr(
                    "Each mood name in the file, with the moodlog mood it becomes "
                    "(0 = worst possible, 10 = best possible). Daylio's own names have a "
                    "suggestion; choose a value for your own names."
                )
            )
        )
        for label, value in daylio.proposed_mapping(daylio.mood_labels(self.table)).items():
            box = QSpinBox()
            box.setRange(NOT_CHOSEN, 10)
            box.setSpecialValueText(tr("Choose…"))
            box.setAccessibleName(label)
            box.setAccessibleDescription(
                tr("The moodlog mood (0-10) this mood name becomes; not chosen yet at first.")
            )
            box.setValue(NOT_CHOSEN if value is None else value)
            box.valueChanged.connect(self.update_preview)
            self.mood_boxes[label] = box
            self.daylio_form.addRow(label, box)
        self.daylio_form.addRow(
            hint(tr("Activities become tags; the title and note become the note."))
        )
        self.mapping_stack.setCurrentWidget(self.daylio_page)

    def _emoods_mapping(self) -> None:
        assert self.table is not None
        self._reset(self.emoods_form)
        self.depression_boxes = {}
        self.emoods_form.addRow(hint(tr("The depression rating (0-3) becomes your mood (0-10):")))
        for word, number in emoods.SEVERITY_WORDS.items():
            box = QSpinBox()
            box.setRange(0, 10)
            box.setValue(emoods.DEFAULT_MOOD_FROM_DEPRESSION[number])
            box.valueChanged.connect(self.update_preview)
            self.depression_boxes[number] = box
            label = tr("Depression {word} ({number})").format(word=tr(word), number=number)
            box.setAccessibleName(label)
            box.setAccessibleDescription(tr("The moodlog mood (0-10) this rating becomes."))
            self.emoods_form.addRow(label, box)
        self.emoods_lines = QLabel("")
        self.emoods_lines.setWordWrap(True)
        self.emoods_form.addRow(self.emoods_lines)
        self.mapping_stack.setCurrentWidget(self.emoods_page)

    def _csv_mapping(self) -> None:
        assert self.table is not None
        self._reset(self.csv_form)
        self.column_boxes = {}
        proposed = generic.proposed_mapping(self.table)
        self.csv_form.addRow(
            hint(tr("Which column holds what. Date and mood are needed; values must be 0-10."))
        )
        for field_name, label in generic.FIELDS.items():
            box = QComboBox()
            box.addItem(tr("(not in the file)"), None)
            for title in self.table.header:
                if title.strip():
                    box.addItem(title, title)
            index = box.findData(proposed.get(field_name))
            box.setCurrentIndex(max(index, 0))
            box.currentIndexChanged.connect(self.update_preview)
            self.column_boxes[field_name] = box
            if field_name in generic.REQUIRED:
                shown = tr("{field} (needed)").format(field=tr(label))
            else:
                shown = tr(label)
            box.setAccessibleName(shown)
            box.setAccessibleDescription(tr("The column of the file that holds this."))
            self.csv_form.addRow(shown, box)
        self.mapping_stack.setCurrentWidget(self.csv_page)

    def daylio_mapping(self) -> dict[str, int | None]:
        return {
            label: (None if box.value() == NOT_CHOSEN else box.value())
            for label, box in self.mood_boxes.items()
        }

    def depression_mapping(self) -> dict[int, int]:
        return {number: box.value() for number, box in self.depression_boxes.items()}

    def column_mapping(self) -> dict[str, str]:
        return {
            field_name: box.currentData()
            for field_name, box in self.column_boxes.items()
            if box.currentData() is not None
        }

    # -- preview and import ----------------------------------------------------------
    def make_plan(self) -> ImportPlan:
        assert self.table is not None
        if self.kind == "daylio":
            return daylio.plan(self.table, self.daylio_mapping(), self.vault)
        if self.kind == "emoods":
            return emoods.plan(self.table, self.vault, self.depression_mapping())
        return generic.plan(self.table, self.column_mapping(), self.vault)

    def update_preview(self) -> None:
        if self.table is None:
            return
        if self.kind == "emoods":
            self.emoods_lines.setText("\n".join(emoods.mapping_lines(self.table)[1:]))
        try:
            self.plan = self.make_plan()
        except ImportFailed as error:
            self.plan = None
            self.preview.setPlainText(str(error))
            self.import_button.setEnabled(False)
            return
        self.preview.setPlainText("\n".join(self.plan.summary_lines()))
        count = len(self.plan.new)
        self.import_button.setText(tr("Import {entries}").format(entries=entries_text(count)))
        self.import_button.setEnabled(self.plan.can_import)

    def _back_up_first(self) -> str | None:
        """A backup of the journal just before the import, and the sentence saying so
        (review finding: an import with a wrong mapping could not be undone; importing
        again with the right one added nothing). Named as made before an import and
        kept like one made by hand, which moodlog never deletes (review r10: as an
        automatic one, a second import the same day made the first's backup be thinned
        out the next day; as one by hand, it was listed as "made by you"). When it cannot be made,
        the person is asked first; None: they chose not to import."""
        from moodlog.ui.backups import backup_folder
        from moodlog.ui.widgets import confirm
        from moodlog.vault import backup

        if self.context.demo:
            return ""
        try:
            made = backup.write_backup(
                self.vault,
                backup_folder(self.context.preferences, self.context.data_dir),
                backup.stored_passphrase(self.vault),
                before_import=True,
            )
        except (VaultError, OSError) as error:
            go = confirm(
                self,
                tr("No backup before the import"),
                tr(
                    "{reason} Without it, this import cannot be undone by a restore. Import anyway?"
                ).format(reason=error if isinstance(error, VaultError) else os_reason(error)),
                action=tr("Import anyway"),
                keep=tr("Cancel"),
            )
            return tr("No backup was made first.") if go else None
        return tr(
            "Your journal as it was just before is in the backup {name}: Backups > Restore… "
            "brings it back."
        ).format(name=made.path.name)

    def run_import(self) -> None:
        if self.plan is None or not self.plan.can_import:
            return
        before = self._back_up_first()
        if before is None:
            return
        try:
            self.plan = self.make_plan()  # the vault may have changed since the preview
            added = common.apply_plan(self.vault, self.plan)
        except ImportFailed as error:
            show_error(self, str(error))
            return
        except StorageProblem as error:  # disk full, in use...: the real reason
            show_error(self, str(type(error)(tr("Nothing was imported"))))
            return
        except Exception:  # noqa: BLE001 - never a traceback in a dialog
            show_error(
                self,
                tr(
                    "The import did not finish because of a problem inside moodlog. Nothing "
                    "was imported; your journal is as it was."
                ),
            )
            return
        self.imported += added
        self.status.setText(
            tr("Added {entries} to your journal.").format(entries=entries_text(added))
            + (" " + before if before else "")
        )
        self.context.events.data_changed.emit("entries")
        self.update_preview()


# -- exports ----------------------------------------------------------------------------


def unencrypted_warning(parent: QWidget, title: str, text: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    return box


def confirm_unencrypted(parent: QWidget, title: str, text: str) -> bool:
    return unencrypted_warning(parent, title, text).exec() == QMessageBox.StandardButton.Save


def ask_folder(parent: QWidget, caption: str) -> Path | None:
    return ask_folder_path(parent, caption, Path.home())


class InterchangeBox(QGroupBox):
    """CSV and FHIR exports and imports from other apps, on the Export screen."""

    def __init__(
        self,
        context: AppContext,
        period: Callable[[], Period] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("Other formats and other apps"), parent)
        self.context = context
        self.period_source = period
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                tr(
                    "CSV files open in a spreadsheet; a FHIR file is the standard format a "
                    "clinic's records system can take in. Journal notes are in the CSV files "
                    "but never in the FHIR file."
                )
            )
        )
        self.only_period = QCheckBox(tr("Only the period chosen above"))
        self.only_period.setAccessibleDescription(
            tr("Unticked, the files hold your whole journal.")
        )
        self.include_checkins = QCheckBox(tr("Include my self-check answers"))
        self.include_checkins.setToolTip(tr("Left out unless you tick this."))
        self.include_checkins.setAccessibleDescription(
            tr("Your answers about thoughts of death or suicide are left out unless ticked.")
        )
        layout.addWidget(self.only_period)
        layout.addWidget(self.include_checkins)
        row = QHBoxLayout()
        self.csv_button = QPushButton(tr("Save CSV files…"))
        self.csv_button.setAccessibleDescription(
            tr("Saves one unencrypted CSV file per kind of record in a folder you choose.")
        )
        self.csv_button.clicked.connect(self.save_csv)
        self.fhir_button = QPushButton(tr("Save FHIR file…"))
        self.fhir_button.setAccessibleDescription(
            tr("Saves an unencrypted FHIR file for a clinic's records system, without notes.")
        )
        self.fhir_button.clicked.connect(self.save_fhir)
        self.import_button = QPushButton(tr("Import from another app…"))
        self.import_button.setAccessibleDescription(
            tr("Adds entries from Daylio, eMoods or a spreadsheet, after a preview.")
        )
        self.import_button.clicked.connect(self.open_import)
        for button in (self.csv_button, self.fhir_button, self.import_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.dialog: ImportDialog | None = None

    def chosen_period(self) -> Period | None:
        if self.only_period.isChecked() and self.period_source is not None:
            return self.period_source()
        return None

    def save_csv(self, folder: Path | None = None) -> None:
        if not confirm_unencrypted(
            self, tr("The CSV files are not encrypted"), tr(csv_export.NOT_ENCRYPTED_WARNING)
        ):
            return
        folder = folder or ask_folder(self, tr("Choose a folder for the CSV files"))
        if folder is None:
            return
        target = Path(folder) / f"moodlog-csv-{self.context.today():%Y-%m-%d}"
        export_folders.remember(self.context.vault, target, into_folder=True)  # (before a temp)
        try:
            written = csv_export.export_csv(
                bulk.load(self.context.vault),
                target,
                self.chosen_period(),
                self.include_checkins.isChecked(),
                self.context.now(),
            )
        except OSError as error:
            show_error(
                self,
                tr("The CSV files could not be saved: {reason}.").format(reason=os_reason(error)),
            )
            return
        self.status.setText(
            tr("Saved {files} in {folder} ({day}). They are not encrypted.").format(
                files=count_text(len(written), tr("CSV file"), tr("CSV files")),
                folder=target.name,
                day=date_text(self.context.today(), "d MMM yyyy"),
            )
        )

    def save_fhir(self, path: Path | None = None) -> None:
        if not confirm_unencrypted(
            self, tr("The FHIR file is not encrypted"), tr(FHIR_NOT_ENCRYPTED)
        ):
            return
        name = f"moodlog-fhir-{self.context.today():%Y-%m-%d}.json"
        path = path or ask_save_path(self, tr("Save FHIR file"), name, tr("FHIR JSON (*.json)"))
        if path is None:
            return
        export_folders.remember(self.context.vault, path)  # (before its temp file)
        try:
            bundle = fhir.export_fhir(
                bulk.load(self.context.vault),
                Path(path),
                self.chosen_period(),
                self.include_checkins.isChecked(),
                self.context.now(),
            )
        except OSError as error:
            show_error(
                self,
                tr("The FHIR file could not be saved: {reason}.").format(reason=os_reason(error)),
            )
            return
        self.status.setText(
            tr("Saved {file} ({records}). It is not encrypted.").format(
                file=Path(path).name,
                records=count_text(len(bundle["entry"]), tr("record"), tr("records")),
            )
        )

    def open_import(self) -> ImportDialog:
        self.dialog = ImportDialog(self.context, self.window())
        self.dialog.show()
        return self.dialog
