"""Export: the PDF summary for the therapist (with preview), and the JSON backup."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QObject, Qt, QThread, Signal
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
from moodlog.i18n import date_text, time_text, tr
from moodlog.report.pdf import (
    FIRST_REPORT_DAY,
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
from moodlog.vault import export_folders
from moodlog.vault.errors import os_reason
from moodlog.wording import QT_TR_NOOP

WARNING_SETTING = "pdf_unencrypted_warning_shown"
# The screen names the sections in the app's own words where the report's list differs:
# "self-check" is the one term for the check-in about thoughts of death or suicide
# (Today, Safety plan history, the PDF's own pages).
# Therapy notes take what the patient wrote about sessions with them: the label says so.
SECTION_LABELS = {
    "checkins": QT_TR_NOOP("Self-checks (thoughts about death or suicide)"),
    "notes": QT_TR_NOOP("Therapy notes and my notes on sessions"),
}
# What each section puts in the summary, for screen readers (accessible descriptions).
SECTION_DESCRIPTIONS = {
    "summary": QT_TR_NOOP("Page 1, the overview, is always in the summary."),
    "charts": QT_TR_NOOP(
        "Charts of your mood over the period, with sessions and medication changes marked."
    ),
    "sessions": QT_TR_NOOP("Your treatment sessions in the period, with doses and side effects."),
    "medications": QT_TR_NOOP("Each medication start, dose change and stop in the period."),
    "questionnaires": QT_TR_NOOP("Your PHQ-9 and GAD-7 results in the period."),
    "checkins": QT_TR_NOOP(
        "Your self-check answers in the period; if you leave them out, page 1 says so."
    ),
    "questions": QT_TR_NOOP("Your questions for your therapist."),
    "notes": QT_TR_NOOP(
        "Your therapy notes in the period, and what you wrote about its sessions "
        "(intention, how you felt afterwards, notes, integration)."
    ),
    "safety_plan": QT_TR_NOOP("Your safety plan as last saved."),
    "journal": QT_TR_NOOP(
        "Shows your journal entries of the period; only the ones you tick go in."
    ),
}


def section_label(key: str) -> str:
    """What the "What to include" box calls report section ``key``, translated."""
    return tr(SECTION_LABELS.get(key) or SECTIONS[key][0])


def period_text(period: Period) -> str:
    """The chosen period in words: "1 Nov 2026 – 30 Nov 2026 (30 days)"."""
    return tr("{first} – {last} ({days})").format(
        first=date_text(period.first, "d MMM yyyy"),
        last=date_text(period.last, "d MMM yyyy"),
        days=count_text(period.days, tr("day"), tr("days")),
    )


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
            from moodlog.report.pdf_writer import PdfNotWritten

            # (its own words say what happened; any other: the plain cause, not the
            # system's words)
            reason = error.strerror if isinstance(error, PdfNotWritten) else os_reason(error)
            self.failed.emit(tr("The PDF could not be saved: {reason}.").format(reason=reason))
        except Exception as error:  # noqa: BLE001 - told in the window, never raised here
            # (review finding: an error raised in this thread reached the last-resort
            # handler, which built its message box here, off the GUI thread, and the
            # whole app hung: no auto-lock either). Its type only, never its text.
            print(f"moodlog: unexpected error ({type(error).__name__})", file=sys.stderr)
            self.failed.emit(tr("The PDF could not be saved because of an unexpected error."))


class PreviewDialog(QDialog):
    def __init__(self, pages: list, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        pages_text = count_text(len(pages), tr("page"), tr("pages"))
        self.setWindowTitle(tr("Preview — {pages}").format(pages=pages_text))
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
        from moodlog.ui.window_state import fitted_size

        self.resize(fitted_size(self, 720, 860))


class ExportScreen(QScrollArea):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.vault = context.vault
        layout = scrolling_page(self, tr("Summary for your therapist"))
        layout.addWidget(
            hint(
                tr(
                    "A PDF of your own records to bring or send to your therapist: "
                    "page 1 is a one-page overview, details follow."
                )
            )
        )

        period_box = QGroupBox(tr("Period"))
        grid = QGridLayout(period_box)
        self.period_group = QButtonGroup(self)
        self.since_last = QRadioButton(tr("Since my last appointment (at least 30 days)"))
        self.since_last.setAccessibleDescription(
            tr("From your last therapy note or past session to today; never fewer than 30 days.")
        )
        self.last_30 = QRadioButton(tr("Last 30 days"))
        self.last_30.setAccessibleDescription(tr("The 30 days up to and including today."))
        self.last_90 = QRadioButton(tr("Last 90 days"))
        self.last_90.setAccessibleDescription(tr("The 90 days up to and including today."))
        self.custom = QRadioButton(tr("From"))
        self.custom.setAccessibleDescription(tr("The days chosen in the two date fields."))
        for index, button in enumerate((self.since_last, self.last_30, self.last_90)):
            self.period_group.addButton(button)
            grid.addWidget(button, index, 0, 1, 4)
        self.period_group.addButton(self.custom)
        today = context.today()
        self.first = DateEdit(QDate(today.year, today.month, today.day).addDays(-29))
        self.last = DateEdit(QDate(today.year, today.month, today.day))
        self.first.setAccessibleName(tr("Report from this day"))
        self.last.setAccessibleName(tr("Report to this day"))
        self.first.setAccessibleDescription(tr("The first day the summary covers."))
        self.last.setAccessibleDescription(tr("The last day the summary covers."))
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.dateChanged.connect(lambda _: self.custom.setChecked(True))
        grid.addWidget(self.custom, 3, 0)
        grid.addWidget(self.first, 3, 1)
        grid.addWidget(QLabel(tr("to")), 3, 2)
        grid.addWidget(self.last, 3, 3)
        grid.setColumnStretch(4, 1)
        self._keep_dates_to_today()
        self.period_label = QLabel("")
        self.period_label.setObjectName("hint")
        grid.addWidget(self.period_label, 4, 0, 1, 4)
        self.since_last.setChecked(True)
        self.period_group.buttonToggled.connect(lambda *_: self._period_changed())
        layout.addWidget(period_box)

        sections_box = QGroupBox(tr("What to include"))
        sections_grid = QGridLayout(sections_box)
        self.section_boxes: dict[str, QCheckBox] = {}
        for index, (key, (_label, default)) in enumerate(SECTIONS.items()):
            box = QCheckBox(section_label(key))
            box.setChecked(default)
            if key == "summary":
                box.setEnabled(False)
            box.setAccessibleDescription(
                tr(
                    SECTION_DESCRIPTIONS.get(
                        key, QT_TR_NOOP("When ticked, this is in the summary.")
                    )
                )
            )
            self.section_boxes[key] = box
            sections_grid.addWidget(box, index // 2, index % 2)
        self.section_boxes["checkins"].setToolTip(
            tr("If you leave this out, page 1 says the self-checks were not included.")
        )
        self.section_boxes["journal"].toggled.connect(self._journal_toggled)
        # Leaving the self-checks out leaves the PHQ-9 in, question 9 too (it is part of
        # its score, and page 1 always gives it): said where the choice is made.
        self.phq9_stays = hint(
            tr(
                "Your PHQ-9 results stay in the summary, with their question 9 (thoughts "
                "that you would be better off dead, or of hurting yourself): it is part of "
                "the PHQ-9's score, and page 1 always shows it."
            )
        )
        self.phq9_stays.setVisible(not self.section_boxes["checkins"].isChecked())
        sections_grid.addWidget(self.phq9_stays, len(SECTIONS) // 2 + 1, 0, 1, 2)
        self.section_boxes["checkins"].toggled.connect(
            lambda included: self.phq9_stays.setVisible(not included)
        )
        layout.addWidget(sections_box)
        self.journal_box = QGroupBox(
            tr("Journal entries to include (none are chosen until you tick them)")
        )
        journal_layout = QVBoxLayout(self.journal_box)
        self.journal_list = QListWidget()
        self.journal_list.setAccessibleName(tr("Journal entries to include"))
        self.journal_list.setAccessibleDescription(
            tr("Tick an entry to put its note in the summary; none are ticked to begin with.")
        )
        self.journal_list.setMaximumHeight(180)
        journal_layout.addWidget(self.journal_list)
        self.journal_box.setVisible(False)
        layout.addWidget(self.journal_box)

        details = QGroupBox(tr("On the first page (optional)"))
        form = QFormLayout(details)
        self.patient_name = QLineEdit()
        self.patient_name.setPlaceholderText(tr("Not shown unless you type it"))
        self.patient_name.setAccessibleDescription(
            tr("Printed on page 1 of the summary, only if you type it.")
        )
        self.therapist_name = QLineEdit()
        self.therapist_name.setPlaceholderText(tr("Not shown unless you type it"))
        self.therapist_name.setAccessibleDescription(
            tr("Printed on page 1 of the summary, only if you type it.")
        )
        self.paper = QComboBox()
        self.paper.addItem(tr("A4"), QPageSize.PageSizeId.A4)
        self.paper.addItem(tr("Letter"), QPageSize.PageSizeId.Letter)
        self.paper.setCurrentIndex(self.paper.findData(locale_page_size().id()))
        self.paper.setAccessibleDescription(
            tr("The paper the PDF is laid out for; it starts as your country's usual size.")
        )
        form.addRow(tr("Your name"), self.patient_name)
        form.addRow(tr("Therapist's name"), self.therapist_name)
        form.addRow(tr("Paper size"), self.paper)
        layout.addWidget(details)

        warning = QLabel(tr(NOT_ENCRYPTED_WARNING))
        warning.setObjectName("notice")
        warning.setWordWrap(True)
        layout.addWidget(warning)
        buttons = QHBoxLayout()
        self.preview_button = QPushButton(tr("Preview…"))
        self.preview_button.setAccessibleDescription(
            tr("Shows the pages of the summary as chosen, without saving anything.")
        )
        self.preview_button.clicked.connect(self.preview)
        self.save_button = QPushButton(tr("Save PDF…"))
        self.save_button.setAccessibleDescription(
            tr("Saves the summary as a PDF file where you choose; the file is not encrypted.")
        )
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
        self._lock_waiting = False  # a lock is waiting for the PDF (see _tell)
        self._untold: list[str] = []
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
        self.period_label.setText(period_text(self.period()))
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
            item = QListWidgetItem(
                tr("{date} {time}: {note}").format(
                    date=date_text(entry.day, "d MMM yyyy"),
                    time=time_text(entry.time),
                    note=first_line,
                )
            )
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
            tr("The PDF is not encrypted"),
            tr(NOT_ENCRYPTED_WARNING) + "\n\n" + tr("Save it anyway?"),
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
        path = ask_save_path(self, tr("Save summary as PDF"), name, tr("PDF (*.pdf)"))
        if path is None:
            return
        self.write_to(path)

    def write_to(self, path: Path) -> None:
        progress = QProgressDialog(tr("Preparing the summary…"), None, 0, 0, self)
        progress.setWindowTitle(tr("Saving PDF"))
        progress.setMinimumDuration(300)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress = progress
        report = self.build()
        # Here, on the window's thread (the writer's may not use the journal), before
        # the writer makes its temp file
        export_folders.remember(self.vault, path)
        self.save_button.setEnabled(False)
        writer = PdfWriterThread(report, Path(path), self)

        def page_written(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)
            progress.setLabelText(
                tr("Writing page {done} of {total}…").format(done=done, total=total)
            )

        writer.page_written.connect(page_written)
        writer.failed.connect(self._tell)
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
            self.status.setText(tr("Not saved: {reason}.").format(reason=error.strerror))
            if not getattr(writer, "write_failed", False):
                self._tell(
                    tr("The PDF could not be saved: {reason}.").format(reason=error.strerror)
                )
        else:
            self.status.setText(
                tr("Saved {name} ({date}). Remember: the PDF is not encrypted.").format(
                    name=Path(path).name, date=date_text(self.context.today(), "d MMM yyyy")
                )
            )
        self.writer = None
        writer.deleteLater()

    def _tell(self, message: str) -> None:
        """A failed PDF: a message box, or, while a lock waits for the PDF, kept for the
        lock screen (a box there would hold up the idle lock until someone answers:
        review finding)."""
        if self._lock_waiting:
            self._untold.append(message)
        else:
            show_error(self, message)

    def finish_writing(self) -> list[str]:
        """Before a lock or quit: a PDF still being written is finished first, so that
        the window is never destroyed under its thread (review finding: a Qt abort, with
        a half-written summary left as a hidden temp file). Returns what went wrong, for
        the lock screen to say."""
        writer = self.writer
        self._untold = []
        if writer is not None and writer.isRunning():
            self._lock_waiting = True
            try:
                writer.wait()
                QCoreApplication.sendPostedEvents()  # its "failed" and "finished", now
            finally:
                self._lock_waiting = False
        return list(dict.fromkeys(self._untold))

    def _keep_dates_to_today(self) -> None:
        """The custom period's fields take the days a report can cover: from
        ``FIRST_REPORT_DAY`` up to today (review findings: 9999-12-31 stopped the export
        with an overflow; a period ending in the future counted its days as days
        without an entry and stretched the mood trend). Set again on each refresh, for
        a window left open past midnight."""
        today = self.context.today()
        first = FIRST_REPORT_DAY
        for edit in (self.first, self.last):
            edit.setDateRange(
                QDate(first.year, first.month, first.day),
                QDate(today.year, today.month, today.day),
            )

    def refresh(self) -> None:
        self._keep_dates_to_today()
        self._period_changed()
