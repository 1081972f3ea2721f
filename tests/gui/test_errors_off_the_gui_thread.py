"""Attacker review (stop 13): an unexpected error while the PDF is written in its own
thread hung the whole app (its message box was built off the GUI thread), so the idle
lock could never run either."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QMessageBox

from moodlog.preferences import Preferences
from moodlog.ui import application
from moodlog.ui.context import AppContext
from moodlog.ui.export import ExportScreen


def test_an_unexpected_error_in_the_pdf_thread_is_told_in_the_window(
    qtbot, vault, data_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    def broken(*_args, **_kwargs) -> None:  # noqa: ANN002, ANN003
        raise ValueError("words from a note")

    said: list[str] = []
    monkeypatch.setattr("moodlog.ui.export.write_pdf", broken)
    monkeypatch.setattr("moodlog.ui.export.show_error", lambda _parent, text: said.append(text))
    context = AppContext(vault=vault, data_dir=data_dir, preferences=Preferences(country="US"))
    screen = ExportScreen(context)
    qtbot.addWidget(screen)
    screen.write_to(tmp_path / "summary.pdf")
    qtbot.waitUntil(lambda: screen.writer is None, timeout=10000)
    assert said == ["The PDF could not be saved because of an unexpected error."]
    assert screen.status.text().startswith("Not saved")
    assert screen.save_button.isEnabled()
    assert not (tmp_path / "summary.pdf").exists()


def test_the_last_resort_handler_shows_its_message_in_the_gui_thread(qtbot) -> None:  # noqa: ANN001
    class Failing(QThread):
        def run(self) -> None:
            try:
                raise ValueError("words from a note")
            except ValueError as error:
                application.report_unexpected_error(ValueError, error, None)

    if hasattr(application.report_unexpected_error, "last_box"):
        del application.report_unexpected_error.last_box
    thread = Failing()
    thread.start()
    assert thread.wait(5000)
    qtbot.waitUntil(lambda: hasattr(application.report_unexpected_error, "last_box"), timeout=5000)
    box: QMessageBox = application.report_unexpected_error.last_box
    assert box.thread() is QApplication.instance().thread()
    assert "words from a note" not in box.text()
    box.close()
