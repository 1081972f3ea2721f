"""The first windows a person sees: create a vault, or unlock it.

This module must stay light: it is shown before pyqtgraph or numpy are imported.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from moodlog.vault.connection import MIN_PASSPHRASE_LENGTH, check_new_passphrase
from moodlog.vault.errors import VaultError
from moodlog.vault.vault import Vault

NO_RECOVERY = (
    "Your journal is encrypted with this passphrase, and there is no way to "
    "recover it if you lose it, so keep it somewhere safe."
)


def passphrase_strength(passphrase: str) -> tuple[int, str]:
    """A rough 0-4 score with words. Length matters most for passphrases."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return 0, f"Too short: at least {MIN_PASSPHRASE_LENGTH} characters"
    kinds = sum(
        any(test(c) for c in passphrase)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    words = len(passphrase.split())
    score = 1
    if len(passphrase) >= 12 or kinds >= 3:
        score = 2
    if len(passphrase) >= 16 or (len(passphrase) >= 12 and kinds >= 3) or words >= 3:
        score = 3
    if len(passphrase) >= 24 or (words >= 4 and len(passphrase) >= 20):
        score = 4
    if len(set(passphrase)) <= 3:
        score = 1
    return score, ("Weak", "Weak", "Fair", "Strong", "Very strong")[score]


class _Page(QWidget):
    help_requested = Signal()

    def __init__(self, title: str, demo_hint: str = "") -> None:
        super().__init__()
        self.setObjectName("lockPage")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 32, 48, 32)
        top = QHBoxLayout()
        top.addStretch(1)
        self.help_button = QPushButton("Get help now")
        self.help_button.setObjectName("helpButton")
        self.help_button.clicked.connect(self.help_requested)
        top.addWidget(self.help_button)
        outer.addLayout(top)
        outer.addStretch(1)
        name = QLabel("moodlog")
        name.setObjectName("appName")
        name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(name)
        heading = QLabel(title)
        heading.setObjectName("heading")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(heading)
        self.form = QVBoxLayout()
        self.form.setSpacing(8)
        box = QWidget()
        box.setMaximumWidth(420)
        box.setLayout(self.form)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 4)
        row.addStretch(1)
        outer.addLayout(row)
        if demo_hint:
            label = QLabel(demo_hint)
            label.setObjectName("hint")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            outer.addWidget(label)
        self.error_label = QLabel("")
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.error_label)
        outer.addStretch(2)

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)


def _secret_field(placeholder: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    field.setAccessibleName(placeholder)
    # Keep the passphrase out of any input-method history or clipboard.
    field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
    field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    return field


class CreateVaultPage(_Page):
    """First run: choose a passphrase (twice), with strength feedback."""

    created = Signal(object)  # Vault

    def __init__(self, path: Path) -> None:
        super().__init__("Create your private journal")
        self.path = Path(path)
        explanation = QLabel(NO_RECOVERY)
        explanation.setWordWrap(True)
        explanation.setObjectName("hint")
        self.first = _secret_field("Choose a passphrase")
        self.second = _secret_field("Type it again")
        self.strength = QLabel("")
        self.strength.setObjectName("hint")
        self.create_button = QPushButton("Create journal")
        self.create_button.setDefault(True)
        for widget in (explanation, self.first, self.second, self.strength, self.create_button):
            self.form.addWidget(widget)
        self.first.textChanged.connect(self._update_strength)
        self.first.returnPressed.connect(self.second.setFocus)
        self.second.returnPressed.connect(self.create)
        self.create_button.clicked.connect(self.create)
        self._update_strength()

    def _update_strength(self) -> None:
        _, words = passphrase_strength(self.first.text())
        self.strength.setText(
            f"Strength: {words}"
            if self.first.text()
            else f"At least {MIN_PASSPHRASE_LENGTH} characters. A few unrelated "
            "words make a strong passphrase you can remember."
        )

    def create(self) -> None:
        try:
            passphrase = check_new_passphrase(self.first.text(), self.second.text())
            from moodlog.paths import ensure_private_dir

            ensure_private_dir(self.path.parent)
            vault = Vault.create(self.path, passphrase)
        except (VaultError, OSError) as error:
            self.show_error(
                str(error)
                if isinstance(error, VaultError)
                else f"The journal could not be created: {error.strerror}."
            )
            return
        self.first.clear()
        self.second.clear()
        self.created.emit(vault)


class UnlockPage(_Page):
    unlocked = Signal(object)  # Vault

    def __init__(self, path: Path, demo_hint: str = "") -> None:
        super().__init__("Unlock your journal", demo_hint)
        self.path = Path(path)
        self.passphrase = _secret_field("Passphrase")
        self.unlock_button = QPushButton("Unlock")
        self.unlock_button.setDefault(True)
        self.form.addWidget(self.passphrase)
        self.form.addWidget(self.unlock_button)
        self.passphrase.returnPressed.connect(self.unlock)
        self.unlock_button.clicked.connect(self.unlock)

    def unlock(self) -> None:
        try:
            vault = Vault.open(self.path, self.passphrase.text())
        except VaultError as error:
            self.show_error(str(error))
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        except OSError as error:
            self.show_error(f"The journal could not be opened: {error.strerror}.")
            return
        self.passphrase.clear()
        self.show_error("")
        self.unlocked.emit(vault)
