"""Diff review (stop 13): the lock and what is still going on when it comes."""

from __future__ import annotations

from pathlib import Path

import pytest
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
    open; and Ctrl+L in the question opened a second one on top. (The question comes
    when a draft cannot be kept, a full disk here: a dialog moodlog never keeps is no
    reason to ask since the night review.)"""
    from moodlog.ui.treatments import MedicationDialog

    controller = create_vault_through_the_window(qtbot, data_dir)
    controller._keep_unsaved_work = lambda: ["the disk is full"]
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
    reason = "the disk is full"
    assert seen["first"] == ([reason], True)
    assert seen["locked"] and asked == [reason, reason]


def test_the_idle_lock_never_waits_for_an_answer_about_a_failed_pdf(
    qtbot, data_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    """Second diff review: while the idle lock waited for a PDF whose writing failed (a
    full disk), the failure's message box held the lock until someone answered."""
    from moodlog.domain.demo import build_demo
    from moodlog.report.pdf_writer import PdfNotWritten
    from moodlog.vault import bulk

    def cut_short(path):  # noqa: ANN001, ANN202 - as Qt's writer fails on a full disk
        raise PdfNotWritten(path, "the file was cut short (is the disk full?); nothing was kept")

    controller = create_vault_through_the_window(qtbot, data_dir)
    bulk.store(controller.vault, build_demo(days=365))
    export = controller.main_window.show_screen("Export")
    monkeypatch.setattr("moodlog.report.pdf_writer.check_pdf_written", cut_short)
    monkeypatch.setattr(
        "moodlog.ui.export.show_error", lambda *_: pytest.fail("a box during the lock")
    )
    export.write_to(tmp_path / "summary.pdf")
    controller.auto_lock()
    assert controller.vault is None and controller.lock_window.isVisible()
    assert controller.unlock_page.error_label.text() == (
        "The PDF could not be saved: the file was cut short (is the disk full?); nothing was kept."
    )


def test_a_lock_that_comes_while_another_waits_is_not_asked_about(qtbot, data_dir: Path) -> None:
    """Second diff review: a lock inside a lock (the idle lock, or Ctrl+L in a box shown
    while the first one waited) left the first asking, on the lock screen, about text
    that was "lost"."""
    controller = create_vault_through_the_window(qtbot, data_dir)
    window = controller.main_window
    keep = window.prepare_to_lock

    def idle_lock_meanwhile() -> list[str]:
        window.prepare_to_lock = keep  # the idle lock's own turn: as usual
        problems = keep()
        controller.auto_lock()
        return [*problems, "the disk is full"]

    window.prepare_to_lock = idle_lock_meanwhile
    controller.ask_discard = lambda reason: pytest.fail(f"asked: {reason}")
    assert controller.lock() is True
    assert controller.vault is None
