"""Trends (charts around treatment dates): see issue 6."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from moodlog.ui.context import AppContext


class TrendsScreen(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        QVBoxLayout(self).addWidget(QLabel("Trends"))
