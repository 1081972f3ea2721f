"""Today's booster-timing line and gentle observation (issue 16).

Kept apart from the duration chart so that Today does not import pyqtgraph. The
figures come from :mod:`moodlog.domain.booster` through :mod:`moodlog.insights`.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from moodlog.domain.booster import OBSERVATION_LABEL, OBSERVATION_TEXT
from moodlog.domain.treatments import Treatment
from moodlog.insights import booster_from_vault, observation_from_vault
from moodlog.ui.widgets import PromptBox, hint


def open_around_sessions(widget: QWidget) -> None:
    """Show Trends > Around sessions, where the details are."""
    window = widget.window()
    if not hasattr(window, "show_screen"):
        return
    trends = window.show_screen("Trends")
    if hasattr(trends, "tabs"):
        trends.tabs.setCurrentIndex(1)


class BoosterLine(PromptBox):
    """One calm line: how long the last sessions helped, with a link to the details."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.row.addWidget(self.label, 1)
        self.details = QPushButton("Details")
        self.details.setToolTip("Trends \N{RIGHTWARDS ARROW} Around sessions")
        self.details.clicked.connect(lambda: open_around_sessions(self))
        self.row.addWidget(self.details)


class ObservationNote(PromptBox):
    """The gentle observation: what the data shows, labelled as not advice."""

    def __init__(self) -> None:
        super().__init__(vertical=True)
        self.label = QLabel(OBSERVATION_TEXT)
        self.label.setWordWrap(True)
        self.row.addWidget(self.label)
        self.note = hint(OBSERVATION_LABEL)
        self.row.addWidget(self.note)


def add_booster_lines(screen: QWidget, treatments: list[Treatment], now: dt.datetime) -> None:
    """Add the line (and, when due, the observation) to Today's prompts layout; nothing
    without a past ketamine or esketamine session."""
    if not any(t.kind_info.ketamine and not t.is_appointment(now) for t in treatments):
        return
    vault = screen.vault
    line = booster_from_vault(vault, now, treatments).today_line()
    if line is not None:
        screen.prompts.addWidget(BoosterLine(line))
    if observation_from_vault(vault, now, treatments):
        screen.prompts.addWidget(ObservationNote())
