"""The first windows a person sees: create a vault, or unlock it.

This module must stay light: it is shown before pyqtgraph or numpy are imported.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from moodlog.i18n import tr
from moodlog.preferences import Preferences, system_country
from moodlog.wording import QT_TR_NOOP

# Not imported here, for start-up (issue 14 §4): the vault (SQLCipher, ~6 MiB) is
# imported when a passphrase is checked, and the country list with the create page,
# which an existing journal never shows.

NO_RECOVERY = QT_TR_NOOP(
    "Your journal is encrypted with this passphrase, and there is no way to "
    "recover it if you lose it, so keep it somewhere safe."
)


STRENGTH_WORDS = (
    QT_TR_NOOP("Very weak"),
    QT_TR_NOOP("Weak"),
    QT_TR_NOOP("Fair"),
    QT_TR_NOOP("Strong"),
    QT_TR_NOOP("Very strong"),
)


def passphrase_check(passphrase: str) -> tuple[int, str, str]:
    """``(score 0-4, word, advice)`` from zxcvbn, the maintained strength estimator.

    The advice is zxcvbn's own warning and suggestions, in plain sentences ("This is a
    very common password. Add another word or two."; English: zxcvbn has no other
    language). zxcvbn is imported on first use (about 40 ms), so the lock window still
    opens before it is needed."""
    from moodlog.vault.connection import MIN_PASSPHRASE_LENGTH

    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        too_short = tr("Too short: at least {count} characters")
        return 0, too_short.format(count=MIN_PASSPHRASE_LENGTH), ""
    from moodlog.strength import estimate

    result = estimate(passphrase)
    score = int(result["score"])
    feedback = result.get("feedback") or {}
    parts = [feedback.get("warning") or ""] + list(feedback.get("suggestions") or [])
    advice = " ".join(part.strip() for part in parts if part and part.strip())
    return score, tr(STRENGTH_WORDS[score]), advice


def weak_passphrase_accepted(parent: QWidget, passphrase: str, for_backups: bool = False) -> bool:
    """Whether to go on with ``passphrase``: asked only when zxcvbn scores it 0 (a
    top-ranked common password such as "password123"): "Choose another" is the default,
    "Use it anyway" goes on (review finding: "12345678" made a journal with one Enter,
    its "Very weak" line unread). Never blocks: the person decides. ``for_backups``: the
    separate passphrase of the backups (attacker review: it was never asked about,
    though backups often sit in a synced folder)."""
    if passphrase_check(passphrase)[0] > 0:
        return True
    from moodlog.ui.widgets import confirm

    text = (
        tr(
            "This passphrase is among the first anyone would try: someone with a copy of "
            "your backups (a synced folder, a lost drive) could open them. A few unrelated "
            "words are much safer and still easy to remember."
        )
        if for_backups
        else tr(
            "This passphrase is among the first anyone would try: someone with your "
            "computer could open your journal. A few unrelated words are much safer and "
            "still easy to remember."
        )
    )
    return confirm(
        parent,
        tr("A very easy passphrase"),
        text,
        action=tr("Use it anyway"),
        keep=tr("Choose another"),
    )


def passphrase_strength(passphrase: str) -> tuple[int, str]:
    """A 0-4 score with its word (see :func:`passphrase_check`)."""
    score, word, _ = passphrase_check(passphrase)
    return score, word


ATTEMPTS = (  # whole phrases: an ordinal agrees with its noun in many languages
    QT_TR_NOOP("first attempt"),
    QT_TR_NOOP("second attempt"),
    QT_TR_NOOP("third attempt"),
    QT_TR_NOOP("fourth attempt"),
    QT_TR_NOOP("fifth attempt"),
    QT_TR_NOOP("sixth attempt"),
    QT_TR_NOOP("seventh attempt"),
    QT_TR_NOOP("eighth attempt"),
)


def attempt_words(number: int) -> str:
    """The words for attempt ``number``: "second attempt", ..., then "attempt 9"."""
    if number <= len(ATTEMPTS):
        return tr(ATTEMPTS[number - 1])
    return tr("attempt {number}").format(number=number)


class _Page(QWidget):
    help_requested = Signal()
    restore_requested = Signal()  # "Restore from a backup..." (moodlog.ui.backups)

    def __init__(self, title: str, demo_hint: str = "") -> None:
        super().__init__()
        self.setObjectName("lockPage")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 32, 48, 32)
        top = QHBoxLayout()
        top.addStretch(1)
        self.help_button = QPushButton(tr("Get help now"))
        self.help_button.setObjectName("helpButton")
        self.help_button.setAccessibleDescription(
            tr("Shows crisis lines for your country and your own safety plan")
        )
        self.help_button.clicked.connect(self.help_requested)
        top.addWidget(self.help_button)
        outer.addLayout(top)
        outer.addStretch(1)
        name = QLabel(tr("moodlog"))
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
        self.restore_button = QPushButton(tr("Restore from a backup…"))
        self.restore_button.setAccessibleDescription(
            tr("Choose one of your encrypted backups to put in place of this journal")
        )
        self.restore_button.setFlat(True)
        self.restore_button.clicked.connect(self.restore_requested)
        restore_row = QHBoxLayout()
        restore_row.addStretch(1)
        restore_row.addWidget(self.restore_button)
        restore_row.addStretch(1)
        outer.addLayout(restore_row)
        outer.addStretch(2)

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)


class ShownPassphraseGuard(QObject):
    """Keeps a passphrase field's text off the clipboard while it is shown (hidden, Qt
    copies nothing from it): copy and cut do nothing, and a selection is taken off X11's
    mouse selection at once (attacker review: a passphrase copied on the lock screen
    stayed on the clipboard after a wrong try, a lock or quitting). Pasting in (from a
    password manager) still works. Installed the first time a field is shown, so that
    start-up installs nothing (issue 14)."""

    def __init__(self, field: QLineEdit) -> None:
        super().__init__(field)
        self.field = field
        field.installEventFilter(self)
        field.selectionChanged.connect(self._forget_selection)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.KeyPress:
            from PySide6.QtGui import QKeySequence

            if event.matches(QKeySequence.StandardKey.Copy) or event.matches(
                QKeySequence.StandardKey.Cut
            ):
                return True
        if kind in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonRelease):
            # Qt puts a selection on X11's mouse selection as it handles these, after
            # selectionChanged: taken off once it has (final diff review).
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, self, self._forget_selection)
        return False

    def _forget_selection(self) -> None:
        from PySide6.QtGui import QClipboard, QGuiApplication

        clipboard = QGuiApplication.clipboard()
        if not clipboard.supportsSelection():
            return
        held = clipboard.text(QClipboard.Mode.Selection)
        if held and held in self.field.text():
            clipboard.clear(QClipboard.Mode.Selection)


def secret_field(placeholder: str) -> QLineEdit:
    """A passphrase field (also used by the backup screens)."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    field.setAccessibleName(placeholder)
    field.setAccessibleDescription(tr("The characters you type are hidden"))
    # Keep the passphrase out of any input-method history or clipboard.
    field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
    field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    return field


class _FullHeight(QObject):
    """Keeps a wrapped label as tall as its text needs at its width (the lock pages'
    layouts do not ask wrapped text for its height, so a long hint was cut off).
    Call :meth:`fit` after changing the text; resizes refit by themselves."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label)
        self.label = label
        label.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        needed = self.label.heightForWidth(self.label.width())
        if needed > 0 and needed != self.label.minimumHeight():
            self.label.setMinimumHeight(needed)


def _show_toggle(*fields: QLineEdit) -> QCheckBox:
    """A "Show passphrase" box: shows the typed characters of ``fields`` while ticked."""
    toggle = QCheckBox(tr("Show passphrase"))
    toggle.setAccessibleName(tr("Show passphrase"))
    toggle.setAccessibleDescription(tr("Shows the characters you type, for anyone who can see"))

    def show(on: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        for field in fields:
            if on and field.findChild(ShownPassphraseGuard) is None:
                ShownPassphraseGuard(field)
            field.setEchoMode(mode)

    toggle.toggled.connect(show)
    return toggle


class CreateVaultPage(_Page):
    """First run: choose a passphrase (twice), with strength feedback, and the country
    whose crisis lines "Get help now" shows (asked once here, preselected from the
    system locale, changeable in Settings; saved in ``preferences``)."""

    created = Signal(object)  # Vault

    def __init__(self, path: Path, preferences: Preferences | None = None) -> None:
        from moodlog.ui.country import CountryBox

        super().__init__(tr("Create your private journal"))
        self.path = Path(path)
        self.preferences = preferences
        explanation = QLabel(tr(NO_RECOVERY))
        explanation.setWordWrap(True)
        explanation.setObjectName("hint")
        self.first = secret_field(tr("Choose a passphrase"))
        self.second = secret_field(tr("Type it again"))
        self.strength = QLabel("")
        self.strength.setObjectName("hint")
        self.strength.setWordWrap(True)  # the whole hint, never cut off
        self._strength_height = _FullHeight(self.strength)
        self.strength.setAccessibleName(tr("Passphrase strength"))
        self.show_toggle = _show_toggle(self.first, self.second)
        self.create_button = QPushButton(tr("Create journal"))
        self.create_button.setAccessibleDescription(
            tr("Creates your encrypted journal with this passphrase")
        )
        self.create_button.setDefault(True)
        country_label = QLabel(
            tr(
                "Your country, so that “Get help now” shows its crisis lines "
                "(you can change it later in Settings):"
            )
        )
        country_label.setWordWrap(True)
        chosen = preferences.country if preferences and preferences.country else ""
        self.country_box = CountryBox(chosen or system_country())
        country_label.setBuddy(self.country_box)
        for widget in (
            explanation,
            self.first,
            self.second,
            self.show_toggle,
            self.strength,
            country_label,
            self.country_box,
            self.create_button,
        ):
            self.form.addWidget(widget)
        self.form.setAlignment(self.show_toggle, Qt.AlignmentFlag.AlignLeft)
        self.first.textChanged.connect(self._update_strength)
        self.first.returnPressed.connect(self.second.setFocus)
        self.second.returnPressed.connect(self.create)
        self.create_button.clicked.connect(self.create)
        self._update_strength()

    def _update_strength(self) -> None:
        from moodlog.vault.connection import MIN_PASSPHRASE_LENGTH

        if not self.first.text():
            self.strength.setText(
                tr(
                    "At least {count} characters. A few unrelated words make a strong "
                    "passphrase you can remember."
                ).format(count=MIN_PASSPHRASE_LENGTH)
            )
        else:
            _, word, advice = passphrase_check(self.first.text())
            strength = tr("Strength: {word}.").format(word=word)
            self.strength.setText(f"{strength} {advice}".strip())
        self._strength_height.fit()

    def create(self) -> None:
        from moodlog.vault.connection import check_new_passphrase
        from moodlog.vault.errors import VaultError
        from moodlog.vault.vault import Vault

        self.show_error("")  # (night review: "not the same" stayed after the typo was fixed)
        try:
            passphrase = check_new_passphrase(self.first.text(), self.second.text())
            if not weak_passphrase_accepted(self, passphrase):
                self.first.setFocus()
                return
            from moodlog.paths import ensure_private_dir

            ensure_private_dir(self.path.parent)
            vault = Vault.create(self.path, passphrase)
        except (VaultError, OSError) as error:
            self.show_error(
                str(error)
                if isinstance(error, VaultError)
                else tr("The journal could not be created: {reason}.").format(reason=error.strerror)
            )
            return
        from moodlog.ui.clipboard import clear_copied_passphrases

        clear_copied_passphrases(self.first.text(), self.second.text())
        self.first.clear()
        self.second.clear()
        self.show_toggle.setChecked(False)
        self._keep_country()
        self.created.emit(vault)

    def _keep_country(self) -> None:
        """Remember the chosen country in preferences.json (it must work while locked)."""
        prefs = self.preferences
        if prefs is None:
            prefs = self.preferences = Preferences.load(self.path.parent)
        prefs.country = self.country_box.country()
        try:
            prefs.save(self.path.parent)
        except OSError:
            pass  # kept for this session; Settings can save it again later


class UnlockPage(_Page):
    unlocked = Signal(object)  # Vault

    def __init__(self, path: Path, demo_hint: str = "") -> None:
        super().__init__(tr("Unlock your journal"), demo_hint)
        self.path = Path(path)
        self.passphrase = secret_field(tr("Passphrase"))
        self.unlock_button = QPushButton(tr("Unlock"))
        self.unlock_button.setAccessibleDescription(tr("Opens your journal with this passphrase"))
        self.unlock_button.setDefault(True)
        self.show_toggle = _show_toggle(self.passphrase)
        self.wrong_attempts = 0  # since the last unlock, so the message visibly changes
        self.form.addWidget(self.passphrase)
        self.form.addWidget(self.show_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        self.form.addWidget(self.unlock_button)
        self.passphrase.returnPressed.connect(self.unlock)
        self.unlock_button.clicked.connect(self.unlock)

    def unlock(self) -> None:
        from moodlog.vault.errors import VaultError, WrongPassphrase, os_reason
        from moodlog.vault.vault import Vault

        try:
            vault = Vault.open(self.path, self.passphrase.text())
        except VaultError as error:
            text = str(error)
            if isinstance(error, WrongPassphrase):
                self.wrong_attempts += 1
                if self.wrong_attempts > 1:
                    text = tr(
                        "Wrong passphrase ({attempt}). Check Caps Lock and the keyboard "
                        "layout. Nothing was changed; you can try again as often as you like."
                    ).format(attempt=attempt_words(self.wrong_attempts))
            self.show_error(text)
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        except OSError as error:
            self.show_error(
                tr("The journal could not be opened: {reason}.").format(reason=os_reason(error))
            )
            return
        from moodlog.ui.clipboard import clear_copied_passphrases

        clear_copied_passphrases(self.passphrase.text())
        self.passphrase.clear()
        self.show_toggle.setChecked(False)
        self.wrong_attempts = 0
        self.show_error("")
        self.unlocked.emit(vault)
