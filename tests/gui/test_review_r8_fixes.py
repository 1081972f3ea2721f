"""Fixes from the eighth round of fresh-eyed reviews (a new user at 2 a.m.): one Enter
in the Restore dialog replaced the journal unseen; the printed safety plan came out at
about 3 pt; Enter in the medication dialog saved a start "today" nobody chose."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdf
import shiboken6
from PySide6.QtCore import Qt

from moodlog.domain.entries import Entry
from moodlog.domain.safety import SafetyPlan
from moodlog.report.safety_plan_pdf import export_safety_plan_pdf
from tests.conftest import PASSPHRASE
from tests.gui.helpers import create_vault_through_the_window


def _restore_dialog(qtbot, data_dir: Path):  # noqa: ANN001, ANN202
    controller = create_vault_through_the_window(qtbot, data_dir)
    screen = controller.main_window.show_screen("Backups")
    qtbot.mouseClick(screen.backup_button, Qt.MouseButton.LeftButton)
    controller.vault.entries.add(Entry(dt.date(2026, 3, 2), dt.time(9), 4, note="newer"))
    screen.table.selectRow(0)
    return controller, screen.open_restore()


def test_enter_after_the_right_passphrase_shows_what_the_backup_holds(qtbot, data_dir: Path):
    controller, dialog = _restore_dialog(qtbot, data_dir)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.wait(200)
    assert shiboken6.isValid(dialog) and dialog.isVisible()  # the summary is to be read
    assert dialog.result.isVisible() and dialog.result.text()
    assert controller.vault.entries.count() == 1  # not replaced
    dialog.reject()
    controller.shutdown()


def test_enter_after_a_wrong_passphrase_says_so_and_stays(qtbot, data_dir: Path):
    controller, dialog = _restore_dialog(qtbot, data_dir)
    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.wait(200)
    assert shiboken6.isValid(dialog) and dialog.isVisible()
    assert dialog.error.text()
    dialog.reject()
    controller.shutdown()


def test_the_printed_safety_plan_is_readable(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "plan.pdf"
    export_safety_plan_pdf(SafetyPlan(reasons=["Ana"], coping=["Walk"]), "GB", path)
    sizes: dict[str, float] = {}

    def visit(text, cm, tm, font, size) -> None:  # noqa: ANN001
        if text.strip():
            sizes[text.strip()] = size * tm[3] * cm[3]  # the point size on the page

    pypdf.PdfReader(path).pages[0].extract_text(visitor_text=visit)
    assert sizes["Walk"] >= 9.5 and sizes["Ana"] >= 9.5  # 10 pt, was ~3.1 pt
    assert max(sizes.values()) >= 12  # the title


def test_enter_in_the_medication_dialog_does_not_save(qtbot, data_dir: Path):
    from moodlog.ui.treatments import MedicationDialog

    controller = create_vault_through_the_window(qtbot, data_dir)
    dialog = MedicationDialog(controller.context, parent=controller.main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "sertraline")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert controller.vault.medications.all() == []
    controller.shutdown()
