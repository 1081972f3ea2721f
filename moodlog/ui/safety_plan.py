"""Safety plan (Stanley-Brown) editor, the self-check and its history."""

from __future__ import annotations

import contextlib
from html import escape

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.crisis import resources_for
from moodlog.domain.safety import (
    CONTACT_SECTIONS,
    SAFETY_PLAN_SECTIONS,
    Contact,
    SafetyPlan,
)
from moodlog.i18n import date_text, time_text, tr
from moodlog.ui.context import AppContext
from moodlog.ui.drafts import DRAFT_EVERY_MS
from moodlog.ui.widgets import (
    FittedColumns,
    column_memory,
    confirm,
    count_text,
    heading,
    hint,
    scrolling_page,
    show_error,
)
from moodlog.wording import QT_TR_NOOP

# The level words shown in the history, beside their labels, marked for lupdate.
LEVEL_WORDS = {
    "none": QT_TR_NOOP("none"),
    "low": QT_TR_NOOP("low"),
    "moderate": QT_TR_NOOP("moderate"),
    "incomplete": QT_TR_NOOP("incomplete"),
    "high": QT_TR_NOOP("high"),
    "skipped": QT_TR_NOOP("skipped"),
}
LEVEL_COLOURS = {
    "none": "#e8f1ec",
    "low": "#f6e7b4",
    "moderate": "#f2c48d",
    "incomplete": "#e39a8f",
    "high": "#e39a8f",
    "skipped": "#e4e4e4",
}


def _section_heading(number: int | None, title: str) -> str:
    """A plan section's numbered title (rich text), translated. Its help line is a
    hint label below it, coloured by the theme (review finding: a fixed #666 read at
    2.6:1 on the dark theme)."""
    title = (
        tr(title)
        if number is None
        else tr("{number}. {title}").format(number=number, title=tr(title))
    )
    return f"<b>{escape(title)}</b>"


class ContactsTable(QTableWidget):
    def __init__(self) -> None:
        super().__init__(0, 2)
        self.setHorizontalHeaderLabels([tr("Name"), tr("Phone")])
        self.setAccessibleDescription(
            tr("One person a row: a name and a phone number. A new row appears as you fill one.")
        )
        self.setTabKeyNavigation(False)  # Tab moves on; the arrows move between cells
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setVisible(False)
        self.setMinimumHeight(120)

    def set_contacts(self, contacts: list[Contact]) -> None:
        self.setRowCount(0)
        for contact in contacts:
            self.add_row(contact.name, contact.phone)
        self.add_row("", "")

    def add_row(self, name: str, phone: str) -> None:
        row = self.rowCount()
        self.insertRow(row)
        self.setItem(row, 0, QTableWidgetItem(name))
        self.setItem(row, 1, QTableWidgetItem(phone))

    def contacts(self) -> list[Contact]:
        result = []
        for row in range(self.rowCount()):
            name = (self.item(row, 0).text() if self.item(row, 0) else "").strip()
            phone = (self.item(row, 1).text() if self.item(row, 1) else "").strip()
            if name or phone:
                result.append(Contact(name or phone, phone))
        return result


PLAN_DRAFT = "safety-plan"  # the draft slot of unsaved plan edits
NOT_SAVED_YET = QT_TR_NOOP(
    "Changes not saved yet: “Get help now” shows your plan as last saved until you save."
)
RESTORED_PLAN_EDITS = QT_TR_NOOP(
    "Restored your unsaved changes to the plan. They are not saved yet: “Get help now” "
    "shows your plan as last saved until you save."
)


class SafetyPlanScreen(QTabWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.vault = context.vault
        self._dirty = False
        # Unsaved edits kept as a draft every DRAFT_EVERY_MS while typing, as on Today and
        # in the dialogs (failure review: a crash or a killed app lost every word typed
        # here since the screen was opened).
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_EVERY_MS)
        self._draft_timer.timeout.connect(self._keep_draft_now)
        self.addTab(self._build_editor(), tr("My safety plan"))
        self.addTab(self._build_history(), tr("Self-check history"))
        context.events.data_changed.connect(self._data_changed)
        self.load()

    # -- editor --------------------------------------------------------------------
    def _build_editor(self) -> QWidget:
        scroll = QScrollArea()
        layout = scrolling_page(scroll, tr("My safety plan"))
        layout.addWidget(
            hint(
                tr(
                    "A safety plan is a short list, in your own words, of what helps when things "
                    "get hard. Write it when you feel steady, ideally with your therapist. One "
                    "item a line."
                )
            )
        )
        self.reviewed_label = QLabel("")
        self.reviewed_label.setObjectName("contextLine")
        layout.addWidget(self.reviewed_label)
        form = QVBoxLayout()
        form.setSpacing(4)
        self.fields: dict[str, QPlainTextEdit | ContactsTable] = {}
        for number, (key, title, help_text) in enumerate(SAFETY_PLAN_SECTIONS, start=1):
            label = QLabel(_section_heading(None if key == "reasons" else number, title))
            label.setWordWrap(True)
            help_line = hint(tr(help_text))
            if key in CONTACT_SECTIONS:
                field = ContactsTable()
                field.itemChanged.connect(self._contact_edited)
            else:
                field = QPlainTextEdit()
                field.setTabChangesFocus(True)  # Tab moves on to the next section
                field.setMaximumHeight(90)
                field.textChanged.connect(self._mark_dirty)
            field.setAccessibleName(tr(title))
            if key not in CONTACT_SECTIONS:  # a contacts table says how its rows work
                field.setAccessibleDescription(tr(help_text))
            self.fields[key] = field
            form.addSpacing(6)
            form.addWidget(label)
            form.addWidget(help_line)
            form.addWidget(field)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(tr("Save plan"))
        self.save_button.setAccessibleDescription(
            tr("Saves the plan as a new version; earlier versions are kept.")
        )
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        self.reviewed_button = QPushButton(tr("Mark as reviewed today"))
        self.reviewed_button.setAccessibleDescription(
            tr("Saves the plan and records today as the day you last went through it.")
        )
        self.reviewed_button.clicked.connect(self.mark_reviewed)
        self.pdf_button = QPushButton(tr("Save as PDF to print…"))
        self.pdf_button.setAccessibleDescription(
            tr("Saves the plan as written here as a one-page PDF, which is not encrypted.")
        )
        self.pdf_button.clicked.connect(self.export_pdf)
        self.discard_button = QPushButton(tr("Discard changes"))
        self.discard_button.setAccessibleDescription(
            tr("Puts back the plan as you last saved it; the changes not saved are dropped.")
        )
        self.discard_button.clicked.connect(self.ask_discard_changes)
        self.discard_button.hide()  # shown while there are changes not saved
        self.versions_button = QPushButton(tr("Earlier versions…"))
        self.versions_button.setAccessibleDescription(
            tr("Shows the versions of your plan saved before; one can be put back.")
        )
        self.versions_button.clicked.connect(self.show_versions)
        self.status = QLabel("")
        self.status.setObjectName("status")
        self.status.setWordWrap(True)  # (a long line never widens the page)
        for widget in (self.save_button, self.reviewed_button, self.pdf_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        # A second row and the status below: in one row they pushed the page sideways
        # at the smallest window (review finding).
        more = QHBoxLayout()
        more.addWidget(self.versions_button)
        more.addWidget(self.discard_button)
        more.addStretch(1)
        layout.addLayout(more)
        layout.addWidget(self.status)
        layout.addStretch(1)
        return scroll

    def _mark_dirty(self) -> None:
        if not self._dirty:
            self.status.setText(tr(NOT_SAVED_YET))
            self.discard_button.setVisible(self.vault.safety_plans.latest() is not None)
        self._dirty = True
        if not self._draft_timer.isActive():
            self._draft_timer.start()

    def _keep_draft_now(self) -> None:
        """The edits as a draft only, never saved as the plan (that is the person's
        Save, or leaving the screen with a first plan); nothing for the starter plan
        untouched. A draft that cannot be kept (a full disk) is left for the lock or
        quit to ask about."""
        from moodlog.vault.connection import DatabaseError
        from moodlog.vault.errors import VaultError

        if not self._dirty or not self.vault.is_open:
            return
        edited = self.plan_from_fields().to_dict()
        if self.vault.safety_plans.latest() is None and edited == self._starter_plan().to_dict():
            return
        with contextlib.suppress(VaultError, DatabaseError):  # (not a box every 30 s)
            self.vault.drafts.save(PLAN_DRAFT, edited)

    def ask_discard_changes(self) -> None:
        """ "Discard changes", asked first (review finding: one click beside "Save as
        PDF" dropped every change, with no undo)."""
        if confirm(
            self,
            tr("Discard changes"),
            tr("Drop the changes not saved? The plan goes back to the one you last saved."),
            action=tr("Discard changes"),
            keep=tr("Keep editing"),
        ):
            self.discard_changes()

    def show_versions(self) -> None:
        """The saved versions; one can be put back in the editor (review finding: the
        screen said earlier versions were kept, but nothing showed them)."""
        dialog = PlanVersionsDialog(self.vault.safety_plans.versions(), self)
        # Modal to this window only: an open "Get help now" stays usable (review r10).
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        if not dialog.exec() or dialog.chosen is None:
            return
        if self._dirty and not confirm(
            self,
            tr("Put this version in the editor"),
            tr(
                "Your changes not saved yet would be replaced by this version. Put it in "
                "the editor anyway?"
            ),
            action=tr("Put it in the editor"),
            keep=tr("Keep my changes"),
        ):
            return  # (review r10: the changes not saved were dropped without a word)
        self._show_plan(dialog.chosen)
        self._dirty = False
        self._mark_dirty()
        self.status.setText(
            tr(
                "The version saved {when} is in the editor, not saved yet. Save plan "
                "makes it your plan again; Discard changes puts back the last saved one."
            ).format(when=saved_text(dialog.chosen))
        )

    def discard_changes(self) -> None:
        """Back to the plan as last saved (review finding: an accidental deletion, kept
        as a draft, could only be undone by retyping)."""
        self.vault.drafts.discard(PLAN_DRAFT)
        self.load()
        self.status.setText(tr("Your plan is as you last saved it."))

    def _contact_edited(self, item: QTableWidgetItem) -> None:
        self._mark_dirty()
        table = item.tableWidget()
        if item.row() == table.rowCount() - 1 and item.text().strip():
            table.blockSignals(True)
            table.add_row("", "")
            table.blockSignals(False)

    def load(self) -> None:
        plan = self.vault.safety_plans.latest() or self._starter_plan()
        self._show_plan(plan)
        self._dirty = False
        self.discard_button.hide()
        draft = self.vault.drafts.load(PLAN_DRAFT)
        if isinstance(draft, dict):
            try:
                edited = SafetyPlan.from_dict(draft)
            except (KeyError, TypeError, ValueError):
                self.vault.drafts.discard(PLAN_DRAFT)  # from an older moodlog: left out
                return
            self._show_plan(edited)
            self._dirty = True
            self.status.setText(tr(RESTORED_PLAN_EDITS))
            self.discard_button.show()

    def _starter_plan(self) -> SafetyPlan:
        """An empty plan with the crisis line prefilled under professionals."""
        res = resources_for(self.context.preferences.effective_country())
        plan = SafetyPlan()
        plan.professionals = [
            # a line open part of the day with its hours (second diff review)
            Contact(f"{line.name} ({line.hours})" if line.hours else line.name, line.call)
            for line in res.lines
        ]
        plan.professionals.append(Contact(tr("Emergency"), res.emergency))
        return plan

    def _show_plan(self, plan: SafetyPlan) -> None:
        for key, field in self.fields.items():
            field.blockSignals(True)
            if isinstance(field, ContactsTable):
                field.set_contacts(getattr(plan, key))
            else:
                field.setPlainText("\n".join(getattr(plan, key)))
            field.blockSignals(False)
        saved = self.vault.safety_plans.latest()
        count = self.vault.safety_plans.version_count()
        self.versions_button.setVisible(count > 1)  # one before the plan now, at least
        if saved is None:
            self.reviewed_label.setText(tr("Not saved yet."))
        else:
            versions = count_text(count, tr("saved version"), tr("saved versions"))
            if saved.reviewed_on is None:  # (a plan imported without a review date)
                text = tr("No review date. {versions}.").format(versions=versions)
            else:
                text = tr("Last reviewed {date}. {versions}.").format(
                    date=date_text(saved.reviewed_on, "d MMMM yyyy"), versions=versions
                )
            if saved.review_due(self.context.today()):
                text += " " + tr("Time for a review.")
            self.reviewed_label.setText(text)

    def plan_from_fields(self) -> SafetyPlan:
        plan = SafetyPlan()
        for key, field in self.fields.items():
            if isinstance(field, ContactsTable):
                setattr(plan, key, field.contacts())
            else:
                lines = [line.strip() for line in field.toPlainText().splitlines()]
                setattr(plan, key, [line for line in lines if line])
        return plan

    def save(self) -> bool:
        """Save the plan as a new version; False when the person went back instead."""
        plan = self.plan_from_fields()
        saved = self.vault.safety_plans.latest()
        if (
            plan.is_empty()
            and saved is not None
            and not saved.is_empty()
            and not confirm(
                self,
                tr("Save an empty plan?"),
                tr(
                    "Every section is empty. If you save it, “Get help now” shows no plan of "
                    "yours, only the crisis lines. Earlier versions stay kept (Earlier "
                    "versions…)."
                ),
                action=tr("Save the empty plan"),
                keep=tr("Go back"),
            )
        ):
            return False
        with self.vault.transaction():
            self.vault.safety_plans.save(plan, self.context.today())
            self.vault.drafts.discard(PLAN_DRAFT)
        self._dirty = False
        self.discard_button.hide()
        self.status.setText(tr("Saved."))
        self._show_plan(self.vault.safety_plans.latest())
        self.context.events.data_changed.emit("safety_plan")
        return True

    def mark_reviewed(self) -> None:
        if self.save():  # (review r10: "Saved" was said after "Go back" too)
            self.status.setText(tr("Saved and marked as reviewed today."))

    def leaving(self) -> None:
        """Unsaved plan edits are kept as an encrypted draft (at a lock, a screen
        switch, quitting), never saved as the plan: the plan "Get help now" shows is only
        ever one the person saved (review finding: an accidental select-all and delete
        in "Reasons for living", then another screen, became the plan shown in a
        crisis). The draft comes back on this screen, said to be unsaved."""
        if self._dirty and self.vault.is_open:
            if self.vault.safety_plans.latest() is None:
                # The first plan: nothing saved to spoil, and "Get help now" should show
                # what was written (diff review: a first plan typed and never saved was
                # missing there). Not the starter plan untouched (a letter typed and
                # deleted), and dated by the app's clock like Save.
                if self.plan_from_fields().to_dict() == self._starter_plan().to_dict():
                    self._dirty = False
                    return
                self.save()
                return
            self.vault.drafts.save(PLAN_DRAFT, self.plan_from_fields().to_dict())

    def export_pdf(self) -> None:
        from moodlog.report.safety_plan_pdf import export_safety_plan_pdf
        from moodlog.ui.files import ask_save_path

        path = ask_save_path(
            self, tr("Save safety plan as PDF"), "safety-plan.pdf", tr("PDF (*.pdf)")
        )
        if path is None:
            return
        from moodlog.vault import export_folders

        export_folders.remember(self.vault, path)  # before its temp file is made
        try:
            export_safety_plan_pdf(
                self.plan_from_fields(), self.context.preferences.effective_country(), path
            )
        except OSError as error:
            from moodlog.vault.errors import os_reason

            show_error(
                self, tr("The PDF could not be saved: {reason}.").format(reason=os_reason(error))
            )
            return
        self.status.setText(tr("Saved {name}. This PDF is not encrypted.").format(name=path.name))

    # -- history -------------------------------------------------------------------
    def _build_history(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 16, 24, 16)
        row = QHBoxLayout()
        row.addWidget(heading(tr("Self-check history")))
        row.addStretch(1)
        self.check_button = QPushButton(tr("Take the self-check now"))
        self.check_button.setAccessibleDescription(
            tr("Opens the self-check on its own; your answers stay private.")
        )
        self.check_button.clicked.connect(self.open_self_check)
        row.addWidget(self.check_button)
        # (night review: a mis-clicked yes stayed for good, printed on page 1 of every
        # summary for the therapist; a self-check cannot be changed, only removed)
        self.delete_button = QPushButton(tr("Delete…"))
        self.delete_button.setAccessibleName(tr("Delete the chosen self-check"))
        self.delete_button.setAccessibleDescription(
            tr("Removes the chosen self-check, after asking: one answered by mistake.")
        )
        self.delete_button.setEnabled(False)
        self.delete_button.clicked.connect(self.delete_selected)
        row.addWidget(self.delete_button)
        layout.addLayout(row)
        layout.addWidget(
            hint(
                tr(
                    "Your answers are private. No one is notified and no one is "
                    "monitoring them. If you need help now, use Get help now. The levels "
                    "are a summary to help you and your care team, if you choose to share "
                    "them, not a clinical assessment."
                )
            )
        )
        self.history = QTableWidget(0, 3)
        self.history.setAccessibleName(tr("Self-check history"))
        self.history.setAccessibleDescription(
            tr("Your self-checks, newest first: the day, the level and whether to discuss it.")
        )
        self.history.setHorizontalHeaderLabels([tr("Date"), tr("Level"), tr("To discuss")])
        self.history_columns = FittedColumns(
            self.history, "self_check_history", column_memory(self.context), wrap=(1,)
        )
        self.history.verticalHeader().setVisible(False)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history.itemSelectionChanged.connect(
            lambda: self.delete_button.setEnabled(bool(self.history.selectedItems()))
        )
        self._history_checkins: list = []  # the rows' self-checks, newest first
        layout.addWidget(self.history, 1)
        return page

    def refresh(self) -> None:
        checkins = self.vault.checkins.all()
        self._history_checkins = list(reversed(checkins))
        self.history.clearSelection()
        self.history.setRowCount(len(checkins))
        for row, checkin in enumerate(self._history_checkins):
            level = checkin.level
            label = tr(checkin.label)
            cells = (
                f"{date_text(checkin.day, 'ddd d MMM yyyy')} {time_text(checkin.time)}",
                # One set of level words everywhere (history, PDF): the domain's labels.
                tr("{level}: {label}").format(
                    level=tr(LEVEL_WORDS.get(level, level)), label=label[:1].upper() + label[1:]
                ),
                tr("yes") if checkin.discuss else "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setBackground(QColor(LEVEL_COLOURS[level]))
                    item.setForeground(QColor("#222222"))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.history.setItem(row, column, item)
        self.history_columns.fit()

    def _data_changed(self, kind: str) -> None:
        if kind == "checkins" and self.vault.is_open:
            self.refresh()

    def delete_selected(self) -> None:
        """Delete the chosen self-check, after asking ("Cancel" the default)."""
        rows = {item.row() for item in self.history.selectedItems()}
        if len(rows) != 1 or not 0 <= min(rows) < len(self._history_checkins):
            return
        checkin = self._history_checkins[min(rows)]
        when = f"{date_text(checkin.day, 'ddd d MMM yyyy')} {time_text(checkin.time)}"
        if not confirm(
            self,
            tr("Delete this self-check?"),
            tr(
                "The self-check of {when} is removed from your journal, your charts and the "
                "summaries you print. This cannot be undone."
            ).format(when=when),
        ):
            return
        self.vault.checkins.delete(checkin.id)
        self.context.events.data_changed.emit("checkins")

    def open_self_check(self) -> None:
        from moodlog.ui.checkin import SelfCheckDialog

        dialog = SelfCheckDialog(self.context, self)
        self.self_check_dialog = dialog
        dialog.show()


def saved_text(plan: SafetyPlan) -> str:
    """When a version was saved: "3 Nov 2026, 14:05" (the locale's names and clock)."""
    if plan.saved_at is None:
        return ""
    return tr("{date}, {time}").format(
        date=date_text(plan.saved_at.date(), "d MMM yyyy"), time=time_text(plan.saved_at)
    )


class PlanVersionsDialog(QDialog):
    """The saved versions of the plan, newest first, each shown as it was; ``chosen``
    is the one to put back in the editor (nothing is saved here)."""

    def __init__(self, versions: list[SafetyPlan], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Earlier versions of your plan"))
        self.versions = versions
        self.chosen: SafetyPlan | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(tr("Newest first. Putting one back fills the editor; nothing is saved yet."))
        )
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Saved versions"))
        seen: dict[str, int] = {}
        for number, plan in enumerate(versions):
            label = saved_text(plan)
            # Saves in one minute read alike: the earlier ones numbered (review r10).
            seen[label] = seen.get(label, 0) + 1
            if seen[label] > 1:
                label = tr("{when}, earlier ({number})").format(when=label, number=seen[label])
            if number == 0:
                label = tr("{when} (your plan now)").format(when=label)
            if plan.is_empty():
                label = tr("{when} — empty").format(when=label)
            self.list.addItem(label)
        self.preview = QTextBrowser()
        self.preview.setAccessibleName(tr("The chosen version"))
        self.list.currentRowChanged.connect(self._show)
        layout.addWidget(self.list)
        layout.addWidget(self.preview, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.put_back = buttons.addButton(
            tr("Put this version in the editor"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self._choose)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        from moodlog.ui.window_state import fitted_size

        self.resize(fitted_size(self, 560, 520))
        self.list.setCurrentRow(1 if len(versions) > 1 else 0)

    def _show(self, row: int) -> None:
        from moodlog.report.safety_plan_pdf import plan_sections_html

        if not 0 <= row < len(self.versions):
            self.preview.clear()
            return
        keys = [key for key, _, _ in SAFETY_PLAN_SECTIONS]
        empty = tr("Empty.")
        html = plan_sections_html(self.versions[row], keys)
        self.preview.setHtml(html or f"<p><i>{escape(empty)}</i></p>")

    def _choose(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.versions):
            self.chosen = self.versions[row]
        self.accept()
