"""Tired-user review (stop 13): Tab in a dialog's multi-line field typed a tab instead of
moving on (the Today note and the safety plan already moved on)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QPlainTextEdit

from moodlog.domain.treatments import Treatment
from moodlog.preferences import Preferences
from moodlog.ui.context import AppContext
from moodlog.ui.drafts import QuestionDialog
from moodlog.ui.today import IntegrationDialog
from moodlog.ui.treatments import SessionNoteDialog, TreatmentDialog


def test_every_multi_line_field_of_the_dialogs_moves_on_with_tab(
    qtbot, vault, data_dir: Path
) -> None:
    context = AppContext(vault=vault, data_dir=data_dir, preferences=Preferences(country="US"))
    session = Treatment(day=dt.date(2026, 11, 1), time=dt.time(10), kind="ketamine_iv")
    dialogs = [
        TreatmentDialog(context),
        SessionNoteDialog(context),
        IntegrationDialog(context, session),
        QuestionDialog(context, "today"),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        fields = dialog.findChildren(QPlainTextEdit)
        assert fields, type(dialog).__name__
        for field in fields:
            assert field.tabChangesFocus(), (type(dialog).__name__, field.accessibleName())
