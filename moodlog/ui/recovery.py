"""What a person sees when moodlog finds damage inside an unlocked vault.

Shown in the lock window after the vault has been closed: what happened, that
moodlog changed nothing, and what can be done (keep a copy, the encrypted backups
beside the vault, ``moodlog check``). "Get help now" stays on the page.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton

from moodlog.i18n import tr
from moodlog.ui.unlock import _Page


class RecoveryPage(_Page):
    back = Signal()

    def __init__(self, vault_path: Path) -> None:
        super().__init__(tr("Your journal file needs attention"))
        self.vault_path = Path(vault_path)
        self.text = QLabel("")
        self.text.setWordWrap(True)
        self.text.setObjectName("recoveryText")
        self.back_button = QPushButton(tr("Back to unlock"))
        self.back_button.setAccessibleDescription(tr("Shows the unlock page again"))
        self.back_button.clicked.connect(self.back)
        self.form.addWidget(self.text)
        self.form.addWidget(self.back_button)

    def backups(self) -> list[Path]:
        folder = self.vault_path.parent
        return sorted(folder.glob(self.vault_path.name + ".*.bak"))

    def refresh(self) -> None:
        backups = self.backups()
        # A copy kept at a restore opens with the passphrase the journal had then, which
        # may not be today's; only upgrade copies surely share today's passphrase.
        kept = [p for p in backups if ".before-restore-" in p.name]
        upgrades = [p for p in backups if p not in kept]
        parts = []
        if upgrades:
            parts.append(
                tr(
                    "Encrypted copies made before earlier upgrades are in the same folder: "
                    "{files} (same passphrase)."
                ).format(files=", ".join(escape(p.name) for p in upgrades))
            )
        if kept:
            parts.append(
                tr(
                    "Your journal as it was before an earlier restore is kept in the same "
                    "folder: {files} (it opens with the passphrase it had then)."
                ).format(files=", ".join(escape(p.name) for p in kept))
            )
        backup_text = " ".join(parts) or tr("There is no earlier upgrade copy beside it.")
        restore = tr(
            "If you keep backups, “Restore from a backup…” below puts a checked copy in its place."
        )
        backup_text = f"{backup_text} {restore}"
        self.text.setText(
            tr(
                "<p>While reading your journal, moodlog found that part of the file "
                "<b>{file}</b> cannot be read: it is damaged, or another program changed "
                "it. moodlog has locked it and has not changed it.</p>"
                "<p>What you can do:</p><ul>"
                "<li>First keep a copy of the file somewhere safe, as it is.</li>"
                "<li>Unlock again: the parts that can still be read may open.</li>"
                "<li>Run <code>moodlog check</code> to see what is damaged.</li>"
                "<li>{backups}</li></ul>"
            ).format(file=escape(str(self.vault_path)), backups=backup_text)
        )
