"""Help: keyboard shortcuts, the questionnaires and their bands, the per-session view,
the privacy model, where the data lives, and About (version and licences).

The shortcuts are read from the running main window's actions (and Today's Save, the
standard Save key), so the list cannot drift from what the keys really do. Figures are
explained with the same definitions the rest of the app prints
(``moodlog.domain.analysis``, ``moodlog.domain.questionnaires``).
"""

from __future__ import annotations

import html
from importlib import metadata

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from moodlog import __version__
from moodlog.domain.analysis import OUTCOME_DEFINITIONS, SESSION_WINDOW_RULES
from moodlog.domain.questionnaires import BANDS, GAD7, PHQ9
from moodlog.i18n import tr
from moodlog.ui.context import AppContext
from moodlog.ui.widgets import scrolling_page
from moodlog.wording import QT_TR_NOOP

# (what, licence) for moodlog and the libraries it ships with.
LICENCES = (
    ("moodlog", QT_TR_NOOP("GNU General Public License v3.0 or later (GPL-3.0-or-later)")),
    (QT_TR_NOOP("Qt 6 and PySide6"), QT_TR_NOOP("GNU Lesser General Public License v3 (LGPL-3.0)")),
    ("pyqtgraph", QT_TR_NOOP("MIT licence")),
    (
        "SQLCipher",
        QT_TR_NOOP("BSD-style licence (Zetetic LLC); SQLite is in the public domain"),
    ),
    (QT_TR_NOOP("sqlcipher3 (Python binding)"), QT_TR_NOOP("zlib licence")),
    ("NumPy", QT_TR_NOOP("BSD-3-Clause licence")),
    ("platformdirs", QT_TR_NOOP("MIT licence")),
    (QT_TR_NOOP("zxcvbn (passphrase strength)"), QT_TR_NOOP("MIT licence")),
)
VERSION_OF = {
    "PySide6": "PySide6-Essentials",
    "pyqtgraph": "pyqtgraph",
    "sqlcipher3": "sqlcipher3",
    "platformdirs": "platformdirs",
}


def native(sequence: QKeySequence | str) -> str:
    """A key sequence as this platform writes it ("Ctrl+L", "⌘L")."""
    if isinstance(sequence, str):
        sequence = QKeySequence(sequence)
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def shortcut_rows(window: QWidget | None) -> list[tuple[str, str]]:
    """(keys, what they do) for every shortcut of the main window, plus Save on Today."""
    rows: list[tuple[str, str]] = []
    if window is not None:
        for action in window.actions():
            if isinstance(action, QAction) and not action.shortcut().isEmpty():
                what = action.toolTip() or action.text()
                rows.append((native(action.shortcut()), what))
    save = QKeySequence(QKeySequence.StandardKey.Save)
    rows.append((native(save), tr("Save the check-in (Today)")))
    return rows


def _bands_html(instrument: str) -> str:
    parts = [
        f"{low}\N{EN DASH}{high} {html.escape(tr(name))}" for low, high, name in BANDS[instrument]
    ]
    return ", ".join(parts)


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return tr("unknown")


class HelpScreen(QScrollArea):
    """The Help page of the side menu (F1)."""

    introduction_requested = Signal()

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setAccessibleName(tr("Help"))
        layout = scrolling_page(self, tr("Help"))

        self.shortcuts = self._section(layout, tr("Keyboard shortcuts"), "")
        self.shortcuts.setAccessibleName(tr("Keyboard shortcuts"))

        self._section(
            layout,
            tr("Questionnaires"),
            tr(
                "<p>The PHQ-9 (depression, 9 questions, 0–27) and GAD-7 (anxiety, 7 "
                "questions, 0–21) ask about the last two weeks and are scored by their "
                "published rules: each answer counts 0–3 and the total is their sum. A "
                "form with an unanswered question has no total.</p>"
            )
            + tr("<p>PHQ-9 bands: {phq9}.<br>GAD-7 bands: {gad7}.</p>").format(
                phq9=_bands_html(PHQ9), gad7=_bands_html(GAD7)
            )
            + tr(
                "<p><b>These are self-report questionnaires, not a diagnosis.</b> They help "
                "you and your therapist see change over time; only a professional can "
                "diagnose.</p>"
            )
            + f"<p>{html.escape(tr(OUTCOME_DEFINITIONS))}</p>",
        )
        self._section(
            layout,
            tr("Around sessions"),
            tr(
                "<p>Trends → Around sessions lines up every ketamine or esketamine session at "
                "day 0, so you can see how your mood moved in the days after each one, and how "
                "long each session helped.</p>"
            )
            + f"<p>{html.escape(tr(SESSION_WINDOW_RULES))}</p>",
        )
        self._section(
            layout,
            tr("Privacy"),
            tr(
                "<p>Everything you write is kept in one encrypted file on this computer. "
                "moodlog has no account, no cloud and never uses the network. <b>No one is "
                "monitoring your answers</b>, and no one is notified of them: moodlog is not a "
                "crisis service. When you need someone now, <b>Get help now</b> (on every "
                "screen and on the lock screen) shows crisis lines for your country and your "
                "own safety plan.</p>"
                "<p>Your passphrase is the only key. <b>A lost passphrase cannot be "
                "recovered</b>, by anyone. moodlog locks itself after a few minutes without "
                "use (Settings). Exports (PDF, CSV, FHIR) are not encrypted: keep them "
                "private.</p>"
            ),
        )
        self.where = self._section(layout, tr("Where your data lives"), "")

        self.intro_button = QPushButton(tr("Show the introduction again"))
        self.intro_button.setAccessibleName(tr("Show the introduction again"))
        self.intro_button.setAccessibleDescription(
            tr("The short tour shown when the journal was created, with its set-up choices")
        )
        self.intro_button.clicked.connect(self.show_introduction)
        layout.addWidget(self.intro_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.about = self._section(layout, tr("About moodlog"), self._about_html())
        layout.addStretch(1)
        self.refresh()

    def _section(self, layout: QVBoxLayout, title: str, text: str) -> QLabel:
        box = QGroupBox(title)
        inner = QVBoxLayout(box)
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAccessibleName(title)
        inner.addWidget(label)
        layout.addWidget(box)
        return label

    def _about_html(self) -> str:
        versions = ", ".join(f"{name} {_version(dist)}" for name, dist in VERSION_OF.items())
        licences = "".join(
            f"<li>{html.escape(tr(what))}: {html.escape(tr(licence))}</li>"
            for what, licence in LICENCES
        )
        return (
            tr(
                "<p><b>moodlog {version}</b>, a private, encrypted mood and treatment journal. "
                "Free software: you may share and change it under the terms of the GNU General "
                "Public License, version 3 or (at your option) any later version. It comes with "
                "no warranty.</p>"
            ).format(version=html.escape(__version__))
            + tr("<p>Built with {versions}.</p>").format(versions=html.escape(versions))
            + f"<ul>{licences}</ul>"
        )

    def refresh(self) -> None:
        rows = shortcut_rows(self.window() if self.window() is not self else None)
        table = (  # markup only: the keys' names and the actions' words are translated
            "<table cellspacing='0' cellpadding='3'>"
            + "".join(
                f"<tr><td><b>{html.escape(keys)}</b></td><td>{html.escape(what)}</td></tr>"
                for keys, what in rows
            )
            + "</table>"
        )
        self.shortcuts.setText(table)
        self.where.setText(self._where_html())

    def _where_html(self) -> str:
        from moodlog.ui.backups import backup_folder

        context = self.context
        vault_path = getattr(context.vault, "path", context.data_dir / "moodlog.db")
        folder = backup_folder(context.preferences, context.data_dir)
        demo = (
            tr("<p><b>This is the demo journal:</b> it is deleted when you quit.</p>")
            if context.demo
            else ""
        )
        return (
            demo
            + tr(
                "<p>Your journal: {path} (encrypted with SQLCipher 4; any standard SQLCipher 4 "
                "tool opens it with your passphrase).</p>"
            ).format(path=f"<code>{html.escape(str(vault_path))}</code>")
            + tr("<p>Backups: {path} (encrypted too).</p>").format(
                path=f"<code>{html.escape(str(folder))}</code>"
            )
            + tr(
                "<p>Beside the journal, <code>preferences.json</code> holds only the country "
                "for crisis lines, the auto-lock time, the theme, the backup folder and "
                "whether to back up automatically; <code>window.ini</code> only the window's "
                "size and position and the widths of table columns; and "
                "<code>moodlog.db.backup-mark</code> only a random mark that tells this "
                "journal's backups apart. Nothing you write is stored outside the encrypted "
                "file.</p>"
            )
        )

    def show_introduction(self) -> None:
        """Open the introduction (onboarding) again, with the current settings."""
        from moodlog.ui.onboarding import OnboardingDialog

        self.introduction_requested.emit()
        self.onboarding = OnboardingDialog(self.context, self.window(), first_run=False)
        self.onboarding.show()
