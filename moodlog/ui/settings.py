"""Settings: auto-lock, country for crisis lines, questionnaire rhythm, after-care text,
tags, and changing the passphrase."""

from __future__ import annotations

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

from moodlog.domain.treatments import DEFAULT_AFTERCARE
from moodlog.ui.application import THEMES, apply_theme
from moodlog.ui.context import AppContext
from moodlog.ui.country import CountryBox
from moodlog.ui.widgets import hint, scrolling_page
from moodlog.vault.errors import VaultError


class SettingsScreen(QScrollArea):
    idle_minutes_changed = Signal(int)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.vault = context.vault
        layout = scrolling_page(self, "Settings")

        general = QGroupBox("Privacy and help")
        form = QFormLayout(general)
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(1, 240)
        self.idle_minutes.setSuffix(" minutes")
        self.idle_minutes.setValue(context.preferences.idle_lock_minutes)
        self.idle_minutes.valueChanged.connect(self.idle_minutes_changed)
        form.addRow("Lock after no activity for", self.idle_minutes)
        self.country = CountryBox(context.preferences.effective_country())
        self.country.country_picked.connect(self._country_changed)
        form.addRow("Country for crisis lines", self.country)
        layout.addWidget(general)

        appearance = QGroupBox("Appearance")  # issue 15: themes
        form = QFormLayout(appearance)
        self.theme = QComboBox()
        for key, label in THEMES.items():
            self.theme.addItem(label, key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(context.preferences.theme)))
        self.theme.setAccessibleName("Colour theme")
        self.theme.currentIndexChanged.connect(self._theme_changed)
        form.addRow("Colours", self.theme)
        layout.addWidget(appearance)

        rhythm = QGroupBox("Questionnaires and sessions")
        form = QFormLayout(rhythm)
        self.every_days = QSpinBox()
        self.every_days.setRange(1, 90)
        self.every_days.setSuffix(" days")
        self.every_days.setValue(int(self.vault.settings.get("questionnaire_every_days", 7)))
        self.every_days.valueChanged.connect(
            lambda v: self.vault.settings.set("questionnaire_every_days", v)
        )
        form.addRow("Suggest PHQ-9 and GAD-7 every", self.every_days)
        self.aftercare = QPlainTextEdit(
            self.vault.settings.get("aftercare_text", DEFAULT_AFTERCARE)
        )
        self.aftercare.setMaximumHeight(90)
        self.aftercare.setTabChangesFocus(True)
        save_aftercare = QPushButton("Save after-care text")
        save_aftercare.clicked.connect(
            lambda: self.vault.settings.set(
                "aftercare_text", self.aftercare.toPlainText().strip() or DEFAULT_AFTERCARE
            )
        )
        form.addRow("After-care note shown after a ketamine session", self.aftercare)
        form.addRow("", save_aftercare)
        layout.addWidget(rhythm)
        from moodlog.ui.reminders import ReminderSettings  # issue 15: daily reminder

        self.reminders = ReminderSettings(self.vault.settings, with_save_button=True)
        layout.addWidget(self.reminders)

        tags = QGroupBox("Tags")
        tag_layout = QVBoxLayout(tags)
        self.tag_list = QListWidget()
        self.tag_list.setAccessibleName("Tags offered on Today")
        self.tag_list.setMaximumHeight(160)
        tag_layout.addWidget(self.tag_list)
        row = QHBoxLayout()
        self.new_tag = QLineEdit()
        self.new_tag.setPlaceholderText("New tag")
        self.new_tag.setAccessibleName("New tag")
        add = QPushButton("Add")
        add.clicked.connect(self._add_tag)
        hide = QPushButton("Remove from choices")
        hide.clicked.connect(self._hide_tag)
        row.addWidget(self.new_tag)
        row.addWidget(add)
        row.addWidget(hide)
        tag_layout.addLayout(row)
        tag_layout.addWidget(hint("Removing a tag keeps it on past entries."))
        layout.addWidget(tags)

        other_apps = QGroupBox("Other apps")  # issue 13: imports from Daylio, eMoods, CSV
        other_layout = QVBoxLayout(other_apps)
        self.import_button = QPushButton("Import from another app\N{HORIZONTAL ELLIPSIS}")
        self.import_button.clicked.connect(self.open_import)
        other_layout.addWidget(self.import_button)
        other_layout.addWidget(
            hint("Daylio, eMoods or any CSV file: adds entries, with a preview first.")
        )
        layout.addWidget(other_apps)

        passphrase = QGroupBox("Change passphrase")
        form = QFormLayout(passphrase)
        self.current = QLineEdit()
        self.new = QLineEdit()
        self.repeat = QLineEdit()
        for field in (self.current, self.new, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow("Current passphrase", self.current)
        form.addRow("New passphrase", self.new)
        form.addRow("New passphrase again", self.repeat)
        change = QPushButton("Change passphrase")
        change.clicked.connect(self.change_passphrase)
        self.passphrase_status = QLabel("")
        self.passphrase_status.setWordWrap(True)
        form.addRow(change, self.passphrase_status)
        form.addRow(hint("There is no way to recover a lost passphrase."))
        layout.addWidget(passphrase)
        layout.addWidget(hint(f"Your vault: {self.vault.path}"))
        layout.addStretch(1)
        self.refresh()

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
        code = self.country.country()
        self.context.preferences.country = code
        if not self.context.demo:
            self.context.preferences.save(self.context.data_dir)

    def _theme_changed(self) -> None:
        theme = self.theme.currentData()
        self.context.preferences.theme = theme
        if not self.context.demo:
            self.context.preferences.save(self.context.data_dir)
        apply_theme(QApplication.instance(), theme)

    def _add_tag(self) -> None:
        self.vault.tags.add(self.new_tag.text()[:60])
        self.new_tag.clear()
        self.refresh()
        self.context.events.data_changed.emit("tags")

    def _hide_tag(self) -> None:
        item = self.tag_list.currentItem()
        if item:
            self.vault.tags.hide(item.text())
            self.refresh()
            self.context.events.data_changed.emit("tags")

    def change_passphrase(self) -> None:
        try:
            self.vault.change_passphrase(self.current.text(), self.new.text(), self.repeat.text())
        except VaultError as error:
            self.passphrase_status.setText(str(error))
            return
        finally:
            for field in (self.current, self.new, self.repeat):
                field.clear()
        self.passphrase_status.setText("Passphrase changed. The old one no longer opens the vault.")
