"""Export: see issue 7."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from moodlog.ui.context import AppContext


class ExportScreen(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        QVBoxLayout(self).addWidget(QLabel("Export"))
