"""Attacker review (stop 13): an export aimed at the journal's own files is refused.

``moodlog export json --out DATADIR/moodlog.db`` used to replace the encrypted journal
with its contents in plain text and report success (the same from the app, for every
export format, and into the lock file)."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest

from moodlog.paths import JournalFileTarget, export_target, refuse_journal_files
from tests.conftest import PASSPHRASE, run_cli


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "name",
    [
        "moodlog.db",
        "moodlog.db.lock",
        "moodlog.db-journal",
        "moodlog.db.v3-2026-11-30.bak",
        "MoodLog.DB",
        "preferences.json",
    ],
)
def test_the_journals_own_files_are_refused(tmp_path: Path, name: str) -> None:
    (tmp_path / "moodlog.db").write_bytes(b"encrypted")
    with pytest.raises(JournalFileTarget) as refused:
        refuse_journal_files(tmp_path / name)
    assert "one of your journal's own files" in refused.value.strerror
    with pytest.raises(JournalFileTarget), export_target(tmp_path / name) as temp:
        temp.write_text("plain text")
    assert (tmp_path / "moodlog.db").read_bytes() == b"encrypted"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["moodlog.db"]  # no temp left


def test_other_names_and_folders_are_fine(tmp_path: Path) -> None:
    (tmp_path / "moodlog.db").write_bytes(b"encrypted")
    refuse_journal_files(tmp_path / "summary.pdf")
    refuse_journal_files(tmp_path / "my-moodlog.db.pdf")
    elsewhere = tmp_path / "exports"
    elsewhere.mkdir()
    refuse_journal_files(elsewhere / "moodlog.db")  # no journal in that folder
    with export_target(tmp_path / "summary.json") as temp:
        temp.write_text("{}")
    assert stat.S_IMODE(os.stat(tmp_path / "summary.json").st_mode) == 0o600


def test_the_command_line_refuses_to_export_onto_the_journal(tmp_path: Path) -> None:
    data = tmp_path / "vault"
    made = run_cli(["--data-dir", str(data), "init", "--passphrase-stdin"], PASSPHRASE + "\n")
    assert made.returncode == 0, made.stderr
    vault = data / "moodlog.db"
    before = digest(vault)
    for fmt, name in (("json", "moodlog.db"), ("pdf", "moodlog.db"), ("fhir", "moodlog.db.lock")):
        result = run_cli(
            ["--data-dir", str(data), "export", fmt, "--out", str(data / name)]
            + ["--passphrase-stdin"],
            PASSPHRASE + "\n",
        )
        assert result.returncode == 1, (fmt, result.stderr)
        assert "one of your journal's own files" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
        assert digest(vault) == before
    assert (data / "moodlog.db.lock").read_bytes() == b""
    checked = run_cli(["--data-dir", str(data), "check", "--passphrase-stdin"], PASSPHRASE + "\n")
    assert checked.returncode == 0, checked.stderr


def test_the_app_refuses_to_save_a_pdf_or_png_onto_the_journal(
    qtbot, vault, data_dir: Path, monkeypatch
) -> None:  # noqa: ANN001
    from moodlog.preferences import Preferences
    from moodlog.ui.context import AppContext
    from moodlog.ui.export import ExportScreen
    from moodlog.ui.trends import TrendsScreen

    said: list[str] = []
    monkeypatch.setattr("moodlog.ui.export.show_error", lambda _parent, text: said.append(text))
    monkeypatch.setattr("moodlog.ui.widgets.show_error", lambda _p, text, *a: said.append(text))
    context = AppContext(vault=vault, data_dir=data_dir, preferences=Preferences(country="US"))
    journal = vault.path
    before = digest(journal)
    screen = ExportScreen(context)
    qtbot.addWidget(screen)
    screen.write_to(journal)
    qtbot.waitUntil(lambda: screen.writer is None, timeout=30000)
    assert said == [
        "The PDF could not be saved: it is one of your journal's own files; choose another "
        "name or folder."
    ]
    assert screen.status.text().startswith("Not saved")
    assert digest(journal) == before

    trends = TrendsScreen(context)
    qtbot.addWidget(trends)
    monkeypatch.setattr("moodlog.ui.files.ask_save_path", lambda *a, **k: journal)
    trends.save_png()
    assert said[-1] == (
        "The image could not be saved: it is one of your journal's own files; choose another "
        "name or folder."
    )
    assert digest(journal) == before
    # Elsewhere the PNG is saved as privately as every other export (it was 0644).
    png = data_dir.parent / "chart.png"
    monkeypatch.setattr("moodlog.ui.files.ask_save_path", lambda *a, **k: png)
    trends.save_png()
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert stat.S_IMODE(os.stat(png).st_mode) == 0o600


def test_checking_a_pdf_never_removes_a_journal_file(tmp_path: Path) -> None:
    """``check_pdf_written`` removes a broken PDF; aimed at the journal (after a refused
    export), it must leave it."""
    from moodlog.report.pdf_writer import PdfNotWritten, check_pdf_written

    journal = tmp_path / "moodlog.db"
    journal.write_bytes(b"encrypted pages")
    with pytest.raises(PdfNotWritten):
        check_pdf_written(journal)
    assert journal.read_bytes() == b"encrypted pages"
    broken = tmp_path / "summary.pdf"
    broken.write_bytes(b"%PDF-1.4 cut")
    with pytest.raises(PdfNotWritten):
        check_pdf_written(broken)
    assert not broken.exists()


@pytest.mark.parametrize(
    "name",
    ["moodlog-backup-2026-11-30-101500.db", "moodlog-backup-2026-11-30-101500-auto.db"],
)
def test_a_backup_is_never_replaced_by_an_export(tmp_path: Path, name: str) -> None:
    """Diff review (stop 13): ``export json --out BACKUPS/moodlog-backup-....db`` replaced
    the encrypted backup with plain text, in any folder."""
    backup = tmp_path / name
    backup.write_bytes(b"encrypted backup")
    with pytest.raises(JournalFileTarget), export_target(backup) as temp:
        temp.write_text("plain")
    assert backup.read_bytes() == b"encrypted backup"
