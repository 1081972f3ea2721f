"""Screens show the domain's sentences with the locale's numbers and dates (review
finding to issue 15): the session dialog's dose warning and the Trends "around
sessions" row under German read "1,2 mg/kg" and "+1,4", like the figures beside them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate

from moodlog.domain.analysis import SessionResponse
from moodlog.domain.treatments import Treatment
from moodlog.preferences import Preferences
from moodlog.ui.context import AppContext
from moodlog.ui.treatments import TreatmentDialog
from moodlog.ui.trends import session_row
from moodlog.vault.vault import Vault
from tests.conftest import FakeClock

NOW = dt.datetime(2026, 5, 27, 15, 0)


def test_dose_warning_uses_the_locales_decimals(qtbot, vault: Vault, data_dir: Path, german):
    context = AppContext(
        vault=vault, data_dir=data_dir, preferences=Preferences(country="DE"), now=FakeClock(NOW)
    )
    dialog = TreatmentDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData("ketamine_iv"))
    dialog.date.setDate(QDate(2026, 5, 27))
    dialog.weight.setValue(70)
    dialog.dose.setValue(84.5)  # 1.21 mg/kg
    assert dialog.dose_warning.isVisible()
    text = dialog.dose_warning.text()
    assert text.startswith("84,5 mg at 70 kg is 1,21 mg/kg, above the 1 mg/kg"), text
    assert "84.5" not in text and "1.21" not in text
    dialog.kind.setCurrentIndex(dialog.kind.findData("esketamine_nasal"))
    dialog.dose.setValue(30.5)
    assert "30,5 mg is none of these" in dialog.dose_warning.text()


def test_trends_session_row_is_german_throughout(german) -> None:
    session = Treatment(
        day=dt.date(2026, 3, 2), time=dt.time(10), kind="ketamine_iv", dose_mg=35.5, weight_kg=71
    )
    response = SessionResponse(
        session=session,
        baseline=4.25,
        day1_change=1.44,
        window_changes=(1.44, -0.36, None),
        durability_days=5,
        durability_status="days",
        window_status=("full", "cut", "after_next_session"),
    )
    row = session_row(response)
    assert row[0] == "02 März 2026"
    assert row[2:6] == ("35,5 mg (0,5 mg/kg)", "4,2", "+1,4", "+1,4")
    assert row[6] == "-0,4 (to next session)"
    assert not any("." in cell for cell in row[2:7])


def _typed(qtbot, box, text: str) -> float:  # noqa: ANN001
    """``text`` typed over the field's contents, then Tab: as a person enters a number."""
    from PySide6.QtCore import Qt

    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Tab)
    box.interpretText()
    return box.value()


@pytest.mark.parametrize("locale_name", ["de_DE", "en_US", "fr_FR"])
def test_a_point_or_a_comma_is_the_decimal_mark_whatever_the_locale(
    qtbot, vault: Vault, data_dir: Path, locale_name: str
):
    """Locale review: with German number formats "7.5" typed as a dose was saved as 75
    mg ("56.0" as 560 mg, "7.5" hours slept as 7), the point read as a thousands
    separator; with English ones "7,5" likewise. Both marks are the decimal mark now."""
    from PySide6.QtCore import QLocale

    from moodlog.ui.entry_form import QuarterHours
    from moodlog.ui.today import TodayScreen
    from moodlog.ui.treatments import MedicationDialog

    before = QLocale()
    QLocale.setDefault(QLocale(locale_name))
    try:
        context = AppContext(
            vault=vault,
            data_dir=data_dir,
            preferences=Preferences(country="DE"),
            now=FakeClock(NOW),
        )
        dialog = TreatmentDialog(context)
        medication = MedicationDialog(context)
        today = TodayScreen(context)
        for widget in (dialog, medication, today):
            qtbot.addWidget(widget)
            widget.show()
        sleep = today.findChild(QuarterHours)
        for text, value in (("7.5", 7.5), ("7,5", 7.5), ("56.0", 56.0), ("12", 12.0)):
            assert _typed(qtbot, dialog.dose, text) == value, (locale_name, "dose", text)
            assert _typed(qtbot, dialog.weight, text) == value, (locale_name, "weight", text)
            assert _typed(qtbot, medication.dose, text) == value, (locale_name, "med", text)
        assert _typed(qtbot, sleep, "7.5") == _typed(qtbot, sleep, "7,5") == 7.5
        # The locale's own thousands grouping keeps its meaning (diff review: "1,200" of
        # lithium became 1.2 mg); a French "1,200" is 1.2, as it reads there.
        thousands = {"de_DE": "1.200", "en_US": "1,200"}.get(locale_name)
        if thousands is not None:
            assert _typed(qtbot, medication.dose, thousands) == 1200.0, locale_name
            assert _typed(qtbot, dialog.dose, thousands) == 1200.0, locale_name
        else:
            assert _typed(qtbot, medication.dose, "1,200") == 1.2
        # Left half-typed with two decimals in a field of one (short review: Qt's own fixup
        # deleted the mark: "1,20" became 120 mg, "12,50" 1250 mg).
        for text, value in (("1,20", 1.2), ("12,50", 12.5), ("1.20", 1.2), ("12.50", 12.5)):
            assert _typed(qtbot, dialog.dose, text) == value, (locale_name, text)
    finally:
        QLocale.setDefault(before)
