"""Today's booster-timing line and gentle observation (issue 16).

Kept apart from the duration chart so that Today does not import pyqtgraph. The
figures come from :mod:`moodlog.domain.booster` through :mod:`moodlog.insights`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from moodlog.domain.booster import OBSERVATION_LABEL, OBSERVATION_TEXT
from moodlog.domain.treatments import Treatment
from moodlog.i18n import tr
from moodlog.insights import booster_from_vault, observation_from_vault
from moodlog.locale_words import LOCALE
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
        self.details = QPushButton(tr("Details"))
        self.details.setToolTip(tr("Trends → Around sessions"))
        self.details.setAccessibleDescription(
            tr("Opens Trends at Around sessions: your mood before and after each session.")
        )
        self.details.clicked.connect(lambda: open_around_sessions(self))
        self.row.addWidget(self.details)


class ObservationNote(PromptBox):
    """The gentle observation: what the data shows, labelled as not advice."""

    def __init__(self) -> None:
        super().__init__(vertical=True)
        self.label = QLabel(tr(OBSERVATION_TEXT))
        self.label.setWordWrap(True)
        self.row.addWidget(self.label)
        self.note = hint(tr(OBSERVATION_LABEL))
        self.row.addWidget(self.note)


BoosterState = tuple[str | None, bool]  # (the line, whether the observation shows)


def booster_state(vault: Any, treatments: list[Treatment], now: dt.datetime) -> BoosterState:
    """What Today shows about session durability: the line (None: none) and whether
    the observation is due; nothing without a past ketamine or esketamine session."""
    if not any(t.kind_info.ketamine and not t.is_appointment(now) for t in treatments):
        return None, False
    line = booster_from_vault(vault, now, treatments).today_line(LOCALE)
    return line, observation_from_vault(vault, now, treatments)


def booster_widgets(state: BoosterState) -> list[QWidget]:
    """The line and the observation (when due) as prompt boxes, in that order."""
    line, observation = state
    widgets: list[QWidget] = [] if line is None else [BoosterLine(line)]
    if observation:
        widgets.append(ObservationNote())
    return widgets
