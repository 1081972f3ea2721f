"""The Export screen says "Saved" only for a PDF that was really written."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from moodlog.ui.application import AppController


@pytest.fixture
def export_screen(qtbot, tmp_path: Path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr("moodlog.ui.export.show_error", lambda parent, text: shown.append(text))
    controller = AppController(tmp_path / "demo", demo=True)
    (tmp_path / "demo").mkdir()
    controller.start()
    qtbot.addWidget(controller.lock_window)
    screen = controller.main_window.show_screen("Export")
    screen.errors_shown = shown
    yield screen
    controller.shutdown()


def test_a_pdf_cut_short_by_a_full_disk_is_not_reported_as_saved(
    qtbot, export_screen, tmp_path: Path, monkeypatch
):
    def cut_short(report, path, progress=None):  # noqa: ANN001, ANN202 - what a full disk leaves
        Path(path).write_bytes(b"%PDF-1.4\n" + b"0" * 5000)
        return 1

    monkeypatch.setattr("moodlog.ui.export.write_pdf", cut_short)
    target = tmp_path / "summary.pdf"
    export_screen.write_to(target)
    qtbot.waitUntil(lambda: export_screen.writer is None, timeout=30_000)
    assert export_screen.status.text().startswith("Not saved")
    assert "Saved" not in export_screen.status.text()
    assert export_screen.errors_shown and "could not be saved" in export_screen.errors_shown[0]
    assert not target.exists()  # nothing half-written left looking like a PDF


def test_a_failed_write_over_an_older_file_is_not_reported_as_saved(
    qtbot, export_screen, tmp_path: Path, monkeypatch
):
    target = tmp_path / "summary.pdf"
    target.write_bytes(b"%PDF-1.4 an older summary %%EOF\n")

    def disk_full(report, path, progress=None):  # noqa: ANN001, ANN202
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("moodlog.ui.export.write_pdf", disk_full)
    export_screen.write_to(target)
    qtbot.waitUntil(lambda: export_screen.writer is None, timeout=30_000)
    assert "Saved" not in export_screen.status.text()
    assert export_screen.errors_shown == ["The PDF could not be saved: the disk is full."]
    assert target.read_bytes().startswith(b"%PDF-1.4 an older")  # the old file untouched


def test_a_whole_pdf_is_reported_as_saved(qtbot, export_screen, tmp_path: Path):
    target = tmp_path / "summary.pdf"
    export_screen.last_30.setChecked(True)
    export_screen.write_to(target)
    qtbot.waitUntil(lambda: export_screen.writer is None, timeout=60_000)
    assert export_screen.status.text().startswith("Saved summary.pdf")
    assert target.read_bytes().startswith(b"%PDF-")
