"""Diff review (stop 13): the lock and what is still going on when it comes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from tests.gui.helpers import create_vault_through_the_window


def test_locking_while_a_pdf_is_written_finishes_it_first(
    qtbot, data_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    """Locking destroyed the Export screen under its writer thread: a Qt abort, and a
    half-written summary left as a hidden temp file."""
    from moodlog.domain.demo import build_demo
    from moodlog.report.pdf_writer import check_pdf_written
    from moodlog.vault import bulk

    controller = create_vault_through_the_window(qtbot, data_dir)
    bulk.store(controller.vault, build_demo(days=3 * 365))
    export = controller.main_window.show_screen("Export")
    export.custom.setChecked(True)
    export.first.setDate(export.first.minimumDate().addYears(126))  # ~2026: a long period
    said: list[str] = []
    monkeypatch.setattr("moodlog.ui.export.show_error", lambda _p, text: said.append(text))
    out = tmp_path / "out"
    out.mkdir()
    target = out / "summary.pdf"
    export.write_to(target)
    assert export.writer is not None and export.writer.isRunning()
    assert controller.lock() is True
    assert controller.vault is None
    check_pdf_written(target)  # whole
    assert [p.name for p in out.iterdir()] == ["summary.pdf"]  # no temp file left
    assert said == []


def test_ctrl_l_again_after_going_back_locks(qtbot, data_dir: Path) -> None:
    """After "Go back" at the Lock's question, Ctrl+L did nothing while the dialog stayed
    open; and Ctrl+L in the question opened a second one on top."""
    from moodlog.ui.treatments import MedicationDialog

    controller = create_vault_through_the_window(qtbot, data_dir)
    window = controller.main_window
    asked: list[str] = []
    seen: dict = {}

    def go_back(reason: str) -> bool:
        asked.append(reason)
        controller.lock()  # Ctrl+L again while the question is open: no second question
        return False

    def in_the_dialog() -> None:
        dialog = seen["dialog"] = window.findChild(MedicationDialog)
        field = dialog.findChild(QLineEdit)
        field.setText("sertraline")
        controller.ask_discard = go_back
        QTest.keyClick(field, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        seen["first"] = (list(asked), controller.vault is not None)
        controller.ask_discard = lambda reason: asked.append(reason) or True  # lock now
        QTest.keyClick(field, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        seen["locked"] = controller.vault is None
        if controller.vault is not None:
            controller.auto_lock()

    QTimer.singleShot(300, in_the_dialog)
    MedicationDialog(controller.context, parent=window.show_screen("Treatments")).exec()
    reason = "moodlog does not keep drafts of “Add medication”"
    assert seen["first"] == ([reason], True)
    assert seen["locked"] and asked == [reason, reason]
