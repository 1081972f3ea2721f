"""Export: the PDF summary for the therapist (with preview), and the JSON backup."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QObject, Qt, QThread, Signal
from PySide6.QtGui import QPageSize, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.contents import VaultContents
from moodlog.domain.period import Period, since_last_appointment
from moodlog.report.pdf import (
    NOT_ENCRYPTED_WARNING,
    SECTIONS,
    Report,
    ReportOptions,
    build_report,
    load_for_report,
    preview_pages,
    write_pdf,
)
from moodlog.report.pdf_writer import locale_page_size
from moodlog.ui.context import AppContext
from moodlog.ui.widgets import DateEdit, count_text, hint, scrolling_page, show_error

WARNING_SETTING = "pdf_unencrypted_warning_shown"


class PdfWriterThread(QThread):
    """Writes the pages off the GUI thread so the window stays responsive."""

    page_written = Signal(int, int)
    failed = Signal(str)

    def __init__(self, report: Report, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.report, self.path = report, path

    def run(self) -> None:
        try:
            write_pdf(
                self.report, self.path, lambda done, total: self.page_written.emit(done, total)
            )
        except OSError as error:
            self.failed.emit(f"The PDF could not be saved: {error.strerror or error}.")


class PreviewDialog(QDialog):
    def __init__(self, pages: list, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Preview \N{EM DASH} {count_text(len(pages), 'page')}")
        layout = QVBoxLayout(self)
        scroll = QScrollArea()
        body = QWidget()
        column = QVBoxLayout(body)
        self.page_labels = []
        for image in pages:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("border: 1px solid #999; background: white;")
            column.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        layout.addWidget(scroll)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 860)


class ExportScreen(QScrollArea):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.vault = context.vault
        layout = scrolling_page(self, "Summary for your therapist")
        layout.addWidget(
            hint(
                "A PDF of your own records to bring or send to your therapist: "
                "page 1 is a one-page overview, details follow."
            )
        )

        period_box = QGroupBox("Period")
        grid = QGridLayout(period_box)
        self.period_group = QButtonGroup(self)
        self.since_last = QRadioButton("Since my last appointment (at least 30 days)")
        self.last_30 = QRadioButton("Last 30 days")
        self.last_90 = QRadioButton("Last 90 days")
        self.custom = QRadioButton("From")
        for index, button in enumerate((self.since_last, self.last_30, self.last_90)):
            self.period_group.addButton(button)
            grid.addWidget(button, index, 0, 1, 4)
        self.period_group.addButton(self.custom)
        today = context.today()
        self.first = DateEdit(QDate(today.year, today.month, today.day).addDays(-29))
        self.last = DateEdit(QDate(today.year, today.month, today.day))
        self.first.setAccessibleName("Report from this day")
        self.last.setAccessibleName("Report to this day")
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.dateChanged.connect(lambda _: self.custom.setChecked(True))
        grid.addWidget(self.custom, 3, 0)
        grid.addWidget(self.first, 3, 1)
        grid.addWidget(QLabel("to"), 3, 2)
        grid.addWidget(self.last, 3, 3)
        grid.setColumnStretch(4, 1)
        self.period_label = QLabel("")
        self.period_label.setObjectName("hint")
        grid.addWidget(self.period_label, 4, 0, 1, 4)
        self.since_last.setChecked(True)
        self.period_group.buttonToggled.connect(lambda *_: self._period_changed())
        layout.addWidget(period_box)

        sections_box = QGroupBox("What to include")
        sections_grid = QGridLayout(sections_box)
        self.section_boxes: dict[str, QCheckBox] = {}
        for index, (key, (label, default)) in enumerate(SECTIONS.items()):
            box = QCheckBox(label)
            box.setChecked(default)
            if key == "summary":
                box.setEnabled(False)
            self.section_boxes[key] = box
            sections_grid.addWidget(box, index // 2, index % 2)
        self.section_boxes["checkins"].setToolTip(
            "If you leave this out, page 1 says the self-checks were not included."
        )
        self.section_boxes["journal"].toggled.connect(self._journal_toggled)
        layout.addWidget(sections_box)
        self.journal_box = QGroupBox(
            "Journal entries to include (none are chosen until you tick them)"
        )
        journal_layout = QVBoxLayout(self.journal_box)
        self.journal_list = QListWidget()
        self.journal_list.setMaximumHeight(180)
        journal_layout.addWidget(self.journal_list)
        self.journal_box.setVisible(False)
        layout.addWidget(self.journal_box)

        details = QGroupBox("On the first page (optional)")
        form = QFormLayout(details)
        self.patient_name = QLineEdit()
        self.patient_name.setPlaceholderText("Not shown unless you type it")
        self.therapist_name = QLineEdit()
        self.therapist_name.setPlaceholderText("Not shown unless you type it")
        self.paper = QComboBox()
        self.paper.addItem("A4", QPageSize.PageSizeId.A4)
        self.paper.addItem("Letter", QPageSize.PageSizeId.Letter)
        self.paper.setCurrentIndex(self.paper.findData(locale_page_size().id()))
        form.addRow("Your name", self.patient_name)
        form.addRow("Therapist's name", self.therapist_name)
        form.addRow("Paper size", self.paper)
        layout.addWidget(details)

        warning = QLabel(NOT_ENCRYPTED_WARNING)
        warning.setObjectName("notice")
        warning.setWordWrap(True)
        layout.addWidget(warning)
        buttons = QHBoxLayout()
        self.preview_button = QPushButton("Preview\N{HORIZONTAL ELLIPSIS}")
        self.preview_button.clicked.connect(self.preview)
        self.save_button = QPushButton("Save PDF\N{HORIZONTAL ELLIPSIS}")
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save_pdf)
        self.status = QLabel("")
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.status, 1)
        layout.addLayout(buttons)
        from moodlog.ui.importing import InterchangeBox  # CSV, FHIR, imports (issue 13)

        self.interchange = InterchangeBox(context, self.period, self)
        layout.addWidget(self.interchange)
        layout.addStretch(1)
        self.writer: PdfWriterThread | None = None
        self._period_changed()

    # -- options -------------------------------------------------------------------
    def period(self) -> Period:
        today = self.context.today()
        if self.since_last.isChecked():
            appointments = VaultContents(
                session_notes=self.vault.session_notes.all(), treatments=self.vault.treatments.all()
            )
            return since_last_appointment(appointments, today)
        if self.last_30.isChecked():
            return Period.last_days(30, today)
        if self.last_90.isChecked():
            return Period.last_days(90, today)
        first, last = self.first.date().toPython(), self.last.date().toPython()
        return Period(min(first, last), max(first, last))

    def _period_changed(self) -> None:
        if not self.vault.is_open:
            return
        self.period_label.setText(self.period().describe())
        if self.section_boxes["journal"].isChecked():
            self._fill_journal()

    def _journal_toggled(self, on: bool) -> None:
        self.journal_box.setVisible(on)
        if on:
            self._fill_journal()

    def _fill_journal(self) -> None:
        chosen = self.chosen_entry_ids()
        period = self.period()
        self.journal_list.clear()
        for entry in self.vault.entries.between(period.first, period.last):
            if not entry.note.strip():
                continue
            first_line = entry.note.strip().splitlines()[0][:90]
            item = QListWidgetItem(f"{entry.day:%d %b %Y} {entry.time:%H:%M}: {first_line}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if entry.id in chosen else Qt.CheckState.Unchecked
            )
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.journal_list.addItem(item)

    def chosen_entry_ids(self) -> set[int]:
        return {
            self.journal_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.journal_list.count())
            if self.journal_list.item(i).checkState() == Qt.CheckState.Checked
        }

    def options(self) -> ReportOptions:
        return ReportOptions(
            period=self.period(),
            sections={key for key, box in self.section_boxes.items() if box.isChecked()},
            patient_name=self.patient_name.text(),
            therapist_name=self.therapist_name.text(),
            journal_entry_ids=self.chosen_entry_ids(),
            country=self.context.preferences.effective_country(),
            page_size=QPageSize(self.paper.currentData()),
        )

    def build(self) -> Report:
        options = self.options()
        now = self.context.now()
        return build_report(load_for_report(self.vault, options, now), options, now)

    # -- actions -------------------------------------------------------------------
    def preview(self) -> None:
        dialog = PreviewDialog(preview_pages(self.build()), self)
        self.preview_dialog = dialog
        dialog.show()

    def _warn_once(self) -> bool:
        if self.vault.settings.get(WARNING_SETTING, False):
            return True
        answer = QMessageBox.question(
            self,
            "The PDF is not encrypted",
            NOT_ENCRYPTED_WARNING + "\n\nSave it anyway?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Save:
            return False
        self.vault.settings.set(WARNING_SETTING, True)
        return True

    def save_pdf(self) -> None:
        from moodlog.ui.files import ask_save_path

        if not self._warn_once():
            return
        name = f"moodlog-summary-{self.context.today():%Y-%m-%d}.pdf"
        path = ask_save_path(self, "Save summary as PDF", name, "PDF (*.pdf)")
        if path is None:
            return
        self.write_to(path)

    def write_to(self, path: Path) -> None:
        progress = QProgressDialog("Preparing the summary\N{HORIZONTAL ELLIPSIS}", None, 0, 0, self)
        progress.setWindowTitle("Saving PDF")
        progress.setMinimumDuration(300)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress = progress
        report = self.build()
        self.save_button.setEnabled(False)
        writer = PdfWriterThread(report, Path(path), self)

        def page_written(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)
            progress.setLabelText(f"Writing page {done} of {total}\N{HORIZONTAL ELLIPSIS}")

        writer.page_written.connect(page_written)
        writer.failed.connect(lambda message: show_error(self, message))
        writer.failed.connect(lambda _message: setattr(writer, "write_failed", True))
        writer.finished.connect(lambda: self._written(path, writer))
        self.writer = writer
        writer.start()

    def _written(self, path: Path, writer: PdfWriterThread) -> None:
        self.progress.close()
        self.save_button.setEnabled(True)
        # Saved only when the writer reported no error and the file is a whole PDF
        # (Qt's PDF writer does not report a full disk).
        from moodlog.report.pdf_writer import PdfNotWritten, check_pdf_written

        try:
            if getattr(writer, "write_failed", False):
                raise PdfNotWritten(Path(path), "it could not be written")
            check_pdf_written(Path(path))
        except PdfNotWritten as error:
            self.status.setText(f"Not saved: {error.strerror}.")
            if not getattr(writer, "write_failed", False):
                show_error(self, f"The PDF could not be saved: {error.strerror}.")
        else:
            self.status.setText(
                f"Saved {Path(path).name} ({dt.date.today():%d %b %Y}). "
                "Remember: the PDF is not encrypted."
            )
        self.writer = None
        writer.deleteLater()

    def refresh(self) -> None:
        self._period_changed()
