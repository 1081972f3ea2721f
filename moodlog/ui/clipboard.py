"""Text copied from the journal does not outlive the unlocked session.

A note copied with Ctrl+C stayed on the system clipboard after moodlog locked (review
finding), readable by anyone at the computer and by every other program. While a
journal is open, what moodlog itself puts on the clipboard (or, on X11, the mouse
selection) is noted; at lock and at quit it is cleared, unless something else has been
copied since.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QApplication


class CopiedText(QObject):
    """Notes each clipboard change made while a moodlog window is active; ``clear``
    removes those still there."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ours: dict[QClipboard.Mode, str] = {}
        QGuiApplication.clipboard().changed.connect(self._changed)

    def _changed(self, mode: QClipboard.Mode) -> None:
        active = (
            QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
            or QApplication.activeWindow() is not None
        )
        text = QGuiApplication.clipboard().text(mode)
        if active and text:
            self.ours[mode] = text
        else:  # another program's, or emptied
            self.ours.pop(mode, None)

    def clear(self) -> None:
        clipboard = QGuiApplication.clipboard()
        for mode, text in list(self.ours.items()):
            if clipboard.text(mode) == text:
                clipboard.clear(mode)
        self.ours.clear()


SHORTEST_PART = 4  # a copied part of a passphrase this long or longer is cleared too


def clear_copied_passphrases(*passphrases: str) -> None:
    """Clear the clipboard (and, on X11, the mouse selection) where it holds one of
    ``passphrases`` or a part of one, as each passphrase field is cleared after use
    (attacker review: one copied on the create page stayed after the lock and after
    quitting). The fields no longer let their text be copied
    (:class:`moodlog.ui.unlock.ShownPassphraseGuard`); this also takes off a passphrase typed
    or pasted in from text the person copied elsewhere."""
    clipboard = QGuiApplication.clipboard()
    for mode in (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection):
        held = clipboard.text(mode)
        if len(held) >= SHORTEST_PART and any(held in p for p in passphrases if p):
            clipboard.clear(mode)
