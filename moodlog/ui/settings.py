"""Settings: auto-lock, country for crisis lines, questionnaire rhythm, after-care text,
tags, and changing the passphrase."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
)

from moodlog.domain.entries import MAX_TAG_CHARS, clean_tag
from moodlog.domain.treatments import DEFAULT_AFTERCARE
from moodlog.i18n import tr
from moodlog.ui.application import THEMES, apply_theme
from moodlog.ui.context import AppContext
from moodlog.ui.country import CountryBox
from moodlog.ui.widgets import hint, keep_preferences, scrolling_page
from moodlog.vault.errors import VaultError


def aftercare_text(settings) -> str:  # noqa: ANN001 - SettingsRepository
    """The after-care note as the person wrote it, or moodlog's default in the user's
    language when they never changed it (the person's own words are never translated)."""
    text = settings.get("aftercare_text")
    return tr(DEFAULT_AFTERCARE) if not text or text == DEFAULT_AFTERCARE else text


class SettingsScreen(QScrollArea):
    idle_minutes_changed = Signal(int)
    lock_needed = Signal()  # the journal was closed under the screen (see change_passphrase)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.vault = context.vault
        layout = scrolling_page(self, tr("Settings"))

        general = QGroupBox(tr("Privacy and help"))
        form = QFormLayout(general)
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(1, 240)
        self.idle_minutes.setSuffix(tr(" minutes"))
        self.idle_minutes.setAccessibleDescription(
            tr("moodlog locks itself after this many minutes without any typing or clicking.")
        )
        self.idle_minutes.setValue(context.preferences.idle_lock_minutes)
        self.idle_minutes.valueChanged.connect(self.idle_minutes_changed)
        form.addRow(tr("Lock after no activity for"), self.idle_minutes)
        self.country = CountryBox(context.preferences.effective_country())
        self.country.country_picked.connect(self._country_changed)
        self.country.setAccessibleDescription(
            tr("The crisis lines and emergency number moodlog shows are those of this country.")
        )
        form.addRow(tr("Country for crisis lines"), self.country)
        layout.addWidget(general)

        appearance = QGroupBox(tr("Appearance"))  # issue 15: themes
        form = QFormLayout(appearance)
        self.theme = QComboBox()
        for key, label in THEMES.items():
            self.theme.addItem(tr(label), key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(context.preferences.theme)))
        self.theme.setAccessibleName(tr("Colour theme"))
        self.theme.setAccessibleDescription(
            tr("Light or dark colours, or the same as the rest of your computer.")
        )
        self.theme.currentIndexChanged.connect(self._theme_changed)
        form.addRow(tr("Colours"), self.theme)
        layout.addWidget(appearance)

        rhythm = QGroupBox(tr("Questionnaires and sessions"))
        form = QFormLayout(rhythm)
        self.every_days = QSpinBox()
        self.every_days.setRange(1, 90)
        self.every_days.setSuffix(tr(" days"))
        self.every_days.setAccessibleDescription(
            tr("How many days apart Today suggests filling in the PHQ-9 and GAD-7.")
        )
        self.every_days.setValue(int(self.vault.settings.get("questionnaire_every_days", 7)))
        self.every_days.valueChanged.connect(
            lambda v: self.vault.settings.set("questionnaire_every_days", v)
        )
        form.addRow(tr("Suggest PHQ-9 and GAD-7 every"), self.every_days)
        self.aftercare = QPlainTextEdit(aftercare_text(self.vault.settings))
        self.aftercare.setMaximumHeight(90)
        self.aftercare.setTabChangesFocus(True)
        self.aftercare.setAccessibleDescription(
            tr("The reminder shown after you record a ketamine or esketamine session.")
        )
        save_aftercare = QPushButton(tr("Save after-care text"))
        save_aftercare.setAccessibleDescription(tr("Keeps the after-care note as written above."))
        self.aftercare_status = QLabel("")
        save_aftercare.clicked.connect(self._save_aftercare)
        form.addRow(tr("After-care note shown after a ketamine session"), self.aftercare)
        form.addRow(self.aftercare_status, save_aftercare)
        layout.addWidget(rhythm)
        from moodlog.ui.reminders import ReminderSettings  # issue 15: daily reminder

        self.reminders = ReminderSettings(self.vault.settings, with_save_button=True)
        layout.addWidget(self.reminders)

        tags = QGroupBox(tr("Tags"))
        tag_layout = QVBoxLayout(tags)
        self.tag_list = QListWidget()
        self.tag_list.setAccessibleName(tr("Tags offered on Today"))
        self.tag_list.setAccessibleDescription(
            tr("The tags you can pick on Today. Choose one to remove it from the choices.")
        )
        self.tag_list.setMaximumHeight(160)
        tag_layout.addWidget(self.tag_list)
        row = QHBoxLayout()
        self.new_tag = QLineEdit()
        self.new_tag.setMaxLength(MAX_TAG_CHARS)
        self.new_tag.setPlaceholderText(tr("New tag"))
        self.new_tag.setAccessibleName(tr("New tag"))
        self.new_tag.setAccessibleDescription(tr("Type a tag to offer on Today, then Add."))
        add = QPushButton(tr("Add"))
        add.setAccessibleDescription(tr("Adds the tag typed beside it to the choices."))
        add.clicked.connect(self._add_tag)
        self.new_tag.returnPressed.connect(self._add_tag)  # (review r8: Enter did nothing)
        hide = QPushButton(tr("Remove from choices"))
        hide.setAccessibleDescription(
            tr("Removes the chosen tag from the choices; past entries keep it.")
        )
        hide.clicked.connect(self._hide_tag)
        row.addWidget(self.new_tag)
        row.addWidget(add)
        row.addWidget(hide)
        tag_layout.addLayout(row)
        tag_layout.addWidget(hint(tr("Removing a tag keeps it on past entries.")))
        layout.addWidget(tags)

        other_apps = QGroupBox(tr("Other apps"))  # issue 13: imports from Daylio, eMoods, CSV
        other_layout = QVBoxLayout(other_apps)
        self.import_button = QPushButton(tr("Import from another app…"))
        self.import_button.setAccessibleDescription(
            tr("Adds entries from Daylio, eMoods or a CSV file, with a preview first.")
        )
        self.import_button.clicked.connect(self.open_import)
        other_layout.addWidget(self.import_button)
        other_layout.addWidget(
            hint(tr("Daylio, eMoods or any CSV file: adds entries, with a preview first."))
        )
        layout.addWidget(other_apps)

        passphrase = QGroupBox(tr("Change passphrase"))
        form = QFormLayout(passphrase)
        self.current = QLineEdit()
        self.new = QLineEdit()
        self.repeat = QLineEdit()
        for field in (self.current, self.new, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.current.setAccessibleDescription(tr("The passphrase that opens moodlog now."))
        self.new.setAccessibleDescription(tr("The passphrase that will open moodlog from now on."))
        self.repeat.setAccessibleDescription(tr("The new passphrase once more, to catch a typo."))
        form.addRow(tr("Current passphrase"), self.current)
        form.addRow(tr("New passphrase"), self.new)
        form.addRow(tr("New passphrase again"), self.repeat)
        self.repeat.returnPressed.connect(self.change_passphrase)  # (review r8: did nothing)
        self._just_changed = False
        for field in (self.current, self.new, self.repeat):
            field.textEdited.connect(self._passphrase_typed)
        change = QPushButton(tr("Change passphrase"))
        change.setAccessibleDescription(
            tr(
                "Re-encrypts your journal with the new passphrase; the old one no longer opens "
                "it. Backups made before keep the passphrase they were made with."
            )
        )
        change.clicked.connect(self.change_passphrase)
        self.passphrase_status = QLabel("")
        self.passphrase_status.setWordWrap(True)
        form.addRow(change, self.passphrase_status)
        form.addRow(hint(tr("There is no way to recover a lost passphrase.")))
        layout.addWidget(passphrase)
        layout.addWidget(hint(tr("Your vault: {path}").format(path=self.vault.path)))
        layout.addStretch(1)
        self.refresh()

    def _save_aftercare(self) -> None:
        self.vault.settings.set(
            "aftercare_text", self.aftercare.toPlainText().strip() or DEFAULT_AFTERCARE
        )
        # Emptied: the field shows the default now kept (diff review: it stayed empty,
        # and every later visit saved the default again).
        self.aftercare.setPlainText(aftercare_text(self.vault.settings))
        self.aftercare_status.setText(tr("Saved."))

    def leaving(self) -> None:
        """The reminder settings and the after-care note, changed but not saved with
        their buttons, are saved when the person leaves this screen, locks or quits
        (review finding: they were lost without a word, while the screen still showed
        them as chosen, and no reminder came). Only what changed is written."""
        if not self.vault.is_open:
            return
        if self.reminders.changed():
            self.reminders.save()
        if self.aftercare.toPlainText().strip() != aftercare_text(self.vault.settings).strip():
            self._save_aftercare()

    def refresh(self) -> None:
        if not self.vault.is_open:
            return
        self.tag_list.clear()
        self.tag_list.addItems(self.vault.tags.names())

    def open_import(self) -> None:
        from moodlog.ui.importing import ImportDialog

        self.import_dialog = ImportDialog(self.context, self.window())
        self.import_dialog.show()

    def _country_changed(self) -> None:
        self.context.preferences.country = self.country.country()
        self._keep_preferences()

    def _theme_changed(self) -> None:
        theme = self.theme.currentData()
        self.context.preferences.theme = theme
        apply_theme(QApplication.instance(), theme)
        self._keep_preferences()

    def _keep_preferences(self) -> None:
        context = self.context
        keep_preferences(context.preferences, context.data_dir, self, context.demo)

    def _add_tag(self) -> None:
        if not clean_tag(self.new_tag.text()):
            return
        self.vault.tags.add(clean_tag(self.new_tag.text())[:MAX_TAG_CHARS])
        self.new_tag.clear()
        self.refresh()
        self.context.events.data_changed.emit("tags")

    def _hide_tag(self) -> None:
        item = self.tag_list.currentItem()
        if item:
            self.vault.tags.hide(item.text())
            self.refresh()
            self.context.events.data_changed.emit("tags")

    def _passphrase_typed(self) -> None:
        self._just_changed = False

    def change_passphrase(self) -> None:
        from moodlog.ui.unlock import weak_passphrase_accepted
        from moodlog.vault.connection import check_new_passphrase

        if self._just_changed and not (self.current.text() or self.new.text()):
            return  # a second Enter right after a change: its message stays (review r10)
        # Asked about only once it is a passphrase the change would take: too short or
        # typed differently twice is said by the change itself, below.
        with contextlib.suppress(VaultError):
            chosen = check_new_passphrase(self.new.text(), self.repeat.text())
            if not weak_passphrase_accepted(self, chosen):
                self.new.setFocus()
                return
        try:
            self.vault.change_passphrase(self.current.text(), self.new.text(), self.repeat.text())
        except VaultError as error:
            # Not even reopened with the old passphrase (a disk failing twice), the
            # journal is closed: moodlog locks rather than show screens that can save
            # nothing (review finding).
            closed = not self.vault.is_open
            locks = " " + tr("moodlog locks now: unlock it with your old passphrase.")
            self.passphrase_status.setText(str(error) + (locks if closed else ""))
            if closed:
                self.lock_needed.emit()
            return
        finally:
            from moodlog.ui.clipboard import clear_copied_passphrases

            clear_copied_passphrases(self.current.text(), self.new.text(), self.repeat.text())
            for field in (self.current, self.new, self.repeat):
                field.clear()
        self.passphrase_status.setText(passphrase_changed_text(self.context))
        self._just_changed = True  # until something is typed again


def passphrase_changed_text(context) -> str:  # noqa: ANN001 - an AppContext
    """What Settings says after a change: the journal's new passphrase, and the copies
    that still open with the old one (attacker review: it said the old passphrase no
    longer opened anything, while every backup did)."""
    from moodlog.ui.backups import backup_folder
    from moodlog.vault.backup import copies_keeping_their_passphrase

    text = tr("Passphrase changed: your journal now opens only with the new one.")
    folder = backup_folder(context.preferences, context.data_dir)
    advice = tr(
        "If someone may know your old passphrase, make a new backup now on the Backups "
        "screen and delete the older ones."
    )
    found = copies_keeping_their_passphrase(context.vault.path, folder)
    if found is None:
        # A drive not plugged in: its backups are not counted, but they are there
        # (review finding: then nothing at all was said about them).
        return (
            text
            + " "
            + tr(
                "Any backups made before now still open with the passphrase they were "
                "made with; your backup folder ({folder}) cannot be read now, so they "
                "were not counted."
            ).format(folder=folder)
            + " "
            + advice
        )
    backups, kept = found
    if backups or kept:
        text += " " + tr(
            "Backups made before now still open with the passphrase they were made with "
            "(found: {backups} in your backup folder, {kept} kept beside your journal)."
        ).format(backups=backups, kept=kept)
        text += " " + advice
    return text
