"""Failure review: an export killed part-way leaves its temp file (the person's records in
plain text) beside its target, and only the next export into that same folder removed
it: in a folder no export went back to (a USB stick, the Desktop, a one-off folder) it
stayed for good. Each export now remembers its folder inside the encrypted journal
before it makes its temp file, and each unlock sweeps those folders off the window's
thread (``moodlog.vault.export_folders``)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from moodlog.paths import HELD_PREFIX
from moodlog.vault import export_folders
from tests.conftest import PASSPHRASE, run_cli
from tests.gui.helpers import create_vault_through_the_window, unlock
from tests.reliability import test_killed_export_temps as killed_export_temps

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="file locks: the age rule alone there"
)


def start_writer(target: Path, how: str) -> tuple[subprocess.Popen, Path]:
    """Another process exporting to ``target``: killed part-way, or still writing."""
    child, temp = killed_export_temps.start_writer(target, how)
    assert temp.name.startswith(HELD_PREFIX) and temp.exists()
    return child, temp


def export_fhir_through_the_window(controller, path: Path, monkeypatch) -> None:  # noqa: ANN001
    from moodlog.ui import importing

    monkeypatch.setattr(importing, "confirm_unencrypted", lambda *args: True)
    screen = controller.main_window.show_screen("Export")
    screen.interchange.save_fhir(path)
    assert path.exists(), screen.interchange.status.text()


def locked_after_an_export_to_a_share(qtbot, tmp_path: Path, monkeypatch):  # noqa: ANN001, ANN201
    """A journal that exported once into a folder (a network share), then locked."""
    data_dir, share = tmp_path / "data", tmp_path / "network-share"
    share.mkdir()
    controller = create_vault_through_the_window(qtbot, data_dir)
    export_fhir_through_the_window(controller, share / "a.json", monkeypatch)
    assert controller.lock()
    return controller, share


def lock_and_unlock(qtbot, controller) -> None:  # noqa: ANN001
    assert controller.lock()
    unlock(qtbot, controller)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=10000)


def test_a_killed_exports_temp_in_a_folder_used_once_goes_at_the_next_unlock(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    data_dir, stick = tmp_path / "data", tmp_path / "usb-stick"
    stick.mkdir()
    controller = create_vault_through_the_window(qtbot, data_dir)
    export_fhir_through_the_window(controller, stick / "for-the-clinic.json", monkeypatch)
    # (the writing one first: an export clears what a killed one left in its folder)
    writing, being_written = start_writer(stick / "other.json", "write")
    killed, left = start_writer(stick / "summary.json", "kill")
    killed.wait(timeout=30)
    try:
        theirs = stick / ".other-app.tmp"
        theirs.write_text("not moodlog's")
        mine = stick / "notes.txt"
        mine.write_text("the person's own file")
        another_kind = stick / ".moodlog-backup-1234.tmp"  # not held: the age rule
        another_kind.write_text("encrypted")
        assert (
            killed_export_temps.MARKER in left.read_text()
        )  # the killed export's plain text, left behind

        lock_and_unlock(qtbot, controller)
        qtbot.waitUntil(lambda: not left.exists(), timeout=10000)
        controller.export_sweep.thread.join(10)
        assert being_written.exists()  # another moodlog writing right now: kept
        assert theirs.read_text() == "not moodlog's"
        assert mine.read_text() == "the person's own file"
        assert another_kind.exists()
        assert (stick / "for-the-clinic.json").exists()
    finally:
        writing.kill()
        writing.wait(timeout=30)


def test_the_folder_list_is_in_the_journal_and_nowhere_in_clear(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    from moodlog.report import json_format
    from moodlog.vault import bulk

    data_dir = tmp_path / "data"
    unique = "one-off-folder-8d2b7e"
    folder = tmp_path / unique
    folder.mkdir()
    controller = create_vault_through_the_window(qtbot, data_dir)
    export_fhir_through_the_window(controller, folder / "bundle.json", monkeypatch)
    assert export_folders.remembered(controller.vault) == [folder]
    # Not carried by a JSON export of the journal either.
    assert unique not in json_format.dumps(bulk.load(controller.vault))
    assert controller.lock()
    unlock(qtbot, controller)
    controller.shutdown()
    QApplication.processEvents()
    checked = 0
    for path in data_dir.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            checked += 1
            for needle in (unique.encode(), unique.encode("utf-16-le")):
                assert needle not in content, f"the export folder in clear in {path}"
    assert checked >= 2  # at least the journal and the preferences


def test_a_folder_not_there_now_is_kept_and_swept_when_it_is_back(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """A USB stick unplugged at the next unlock is the very place a killed export's temp
    waits: its folder stays on the list, and the temp goes at the unlock after it is back."""
    data_dir, stick, away = tmp_path / "data", tmp_path / "usb-stick", tmp_path / "drawer"
    stick.mkdir()
    controller = create_vault_through_the_window(qtbot, data_dir)
    export_fhir_through_the_window(controller, stick / "a.json", monkeypatch)
    killed, left = start_writer(stick / "b.json", "kill")
    killed.wait(timeout=30)
    stick.rename(away)  # unplugged
    lock_and_unlock(qtbot, controller)
    controller.export_sweep.thread.join(10)
    assert export_folders.remembered(controller.vault) == [stick]
    away.rename(stick)  # plugged in again
    assert left.exists()
    lock_and_unlock(qtbot, controller)
    controller.export_sweep.thread.join(10)
    assert not left.exists()
    assert (stick / "a.json").exists()


def test_a_folder_that_holds_up_its_sweep_never_holds_up_the_unlock(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """A remembered folder on a network share or an unplugged drive: its scandir may
    hang for seconds. The main window shows meanwhile; the sweep is in its own thread."""
    import moodlog.paths as paths

    controller, share = locked_after_an_export_to_a_share(qtbot, tmp_path, monkeypatch)

    real_scandir = os.scandir
    entered, released = threading.Event(), threading.Event()
    threads: list[threading.Thread] = []

    def slow_scandir(path=".") -> object:  # noqa: ANN001
        if Path(path) == share:
            threads.append(threading.current_thread())
            entered.set()
            released.wait(5)  # (a sweep on the window's thread would hold it up this long)
        return real_scandir(path)

    monkeypatch.setattr(paths.os, "scandir", slow_scandir)
    try:
        started = time.monotonic()
        unlock(qtbot, controller)
        assert controller.main_window is not None and controller.main_window.isVisible()
        assert time.monotonic() - started < 4
        assert entered.wait(10)  # the sweep did reach the folder
        assert not released.is_set()  # and is held up there still
        assert threads and threads[0] is not threading.main_thread()
    finally:
        released.set()
    controller.export_sweep.thread.join(10)
    assert not controller.export_sweep.thread.is_alive()


def test_every_export_from_the_window_remembers_its_folder_before_its_temp_file(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """The PDF summary, the safety plan's PDF, the CSV files, the FHIR file and a chart's
    PNG: each notes its folder in the journal before it makes a temp file there (a
    killed export must already be remembered)."""
    from PySide6.QtWidgets import QMessageBox

    import moodlog.paths as paths
    from moodlog.ui import importing

    events: list[tuple[str, Path]] = []
    remember = export_folders.remember

    def remembering(vault, target, into_folder=False) -> None:  # noqa: ANN001
        events.append(("remembered", Path(target) if into_folder else Path(target).parent))
        remember(vault, target, into_folder=into_folder)

    class HeldNames(set):
        def add(self, key: str) -> None:
            events.append(("temp made", Path(key).parent))
            super().add(key)

    monkeypatch.setattr(export_folders, "remember", remembering)
    monkeypatch.setattr(paths, "_HELD_HERE", HeldNames())
    monkeypatch.setattr(importing, "confirm_unencrypted", lambda *args: True)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Save)
    )
    controller = create_vault_through_the_window(qtbot, tmp_path / "data")
    window = controller.main_window

    def save_pdf_summary() -> None:
        screen = window.show_screen("Export")
        screen.save_pdf()
        qtbot.waitUntil(lambda: screen.writer is None, timeout=60000)

    exports = {
        "summary": (save_pdf_summary, "summary.pdf"),
        "plan": (lambda: window.show_screen("Safety plan").export_pdf(), "plan.pdf"),
        "chart": (lambda: window.show_screen("Trends").save_png(), "chart.png"),
    }
    for name, (export, file_name) in exports.items():
        folder = tmp_path / name
        folder.mkdir()
        monkeypatch.setattr("moodlog.ui.files.ask_save_path", lambda *a, f=folder / file_name: f)
        export()
        assert (folder / file_name).exists(), name
    interchange = window.show_screen("Export").interchange
    (tmp_path / "fhir").mkdir()
    interchange.save_fhir(tmp_path / "fhir" / "bundle.json")
    (tmp_path / "csv").mkdir()
    interchange.save_csv(tmp_path / "csv")
    (csv_folder,) = (tmp_path / "csv").iterdir()  # the folder the CSV export makes

    expected = [tmp_path / name for name in (*exports, "fhir")] + [csv_folder]
    for folder in expected:
        about = [what for what, where in events if where == folder]
        assert about[:1] == ["remembered"] and "temp made" in about, (folder, about)
    assert export_folders.remembered(controller.vault) == expected[::-1]


def test_no_sweep_when_no_export_was_ever_made(vault) -> None:  # noqa: ANN001
    """The usual unlock (nothing exported yet): one read of one setting, no thread."""
    before = threading.active_count()
    assert export_folders.start_sweep(vault) is None
    assert threading.active_count() == before


def test_the_list_keeps_the_latest_folders_newest_first(vault, tmp_path: Path) -> None:  # noqa: ANN001
    for number in range(export_folders.KEEP + 5):
        export_folders.remember(vault, tmp_path / f"folder-{number}" / "summary.pdf")
    export_folders.remember(vault, tmp_path / "folder-10" / "all.json")  # used again: first, once
    remembered = export_folders.remembered(vault)
    assert len(remembered) == export_folders.KEEP
    assert remembered[0] == tmp_path / "folder-10"
    assert remembered[1] == tmp_path / f"folder-{export_folders.KEEP + 4}"
    assert len(set(remembered)) == len(remembered)
    assert tmp_path / "folder-0" not in remembered  # the oldest went


def test_a_relative_folder_is_remembered_as_the_place_it_named(
    vault, tmp_path: Path, monkeypatch
) -> None:  # noqa: ANN001
    monkeypatch.chdir(tmp_path)
    export_folders.remember(vault, Path("exports/summary.pdf"))
    export_folders.remember(vault, Path("csv"), into_folder=True)
    assert export_folders.remembered(vault) == [tmp_path / "csv", tmp_path / "exports"]


def test_a_journal_that_cannot_take_the_note_does_not_stop_the_export(
    vault, tmp_path: Path, monkeypatch
) -> None:  # noqa: ANN001
    from moodlog.vault.errors import DiskFull

    def full(*args: object) -> None:
        raise DiskFull()

    monkeypatch.setattr(vault.settings, "set", full)
    export_folders.remember(vault, tmp_path / "summary.pdf")  # no error
    assert export_folders.remembered(vault) == []


def test_every_export_from_the_command_line_remembers_its_folder(tmp_path: Path) -> None:
    from moodlog.vault.vault import Vault

    data_dir = tmp_path / "data"
    base = ["--data-dir", str(data_dir)]
    made = run_cli([*base, "init", "--passphrase-stdin"], PASSPHRASE + "\n")
    assert made.returncode == 0, made.stderr
    outs = {
        "pdf": tmp_path / "pdf" / "summary.pdf",
        "json": tmp_path / "json" / "all.json",
        "fhir": tmp_path / "fhir" / "bundle.json",
        "csv": tmp_path / "csv" / "files",  # the CSV files' own folder
    }
    for kind, out in outs.items():
        out.parent.mkdir()
        exported = run_cli(
            [*base, "export", kind, "--out", str(out), "--passphrase-stdin"], PASSPHRASE + "\n"
        )
        assert exported.returncode == 0, exported.stderr
    with Vault.open(data_dir / "moodlog.db", PASSPHRASE) as vault:
        remembered = export_folders.remembered(vault)
    assert remembered == [outs["csv"], outs["fhir"].parent, outs["json"].parent, tmp_path / "pdf"]


def test_the_command_line_remembers_and_sweeps_too(tmp_path: Path) -> None:
    data_dir, stick = tmp_path / "data", tmp_path / "usb-stick"
    stick.mkdir()
    base = ["--data-dir", str(data_dir)]
    made = run_cli([*base, "init", "--passphrase-stdin"], PASSPHRASE + "\n")
    assert made.returncode == 0, made.stderr
    exported = run_cli(
        [*base, "export", "csv", "--out", str(stick / "csv"), "--passphrase-stdin"],
        PASSPHRASE + "\n",
    )
    assert exported.returncode == 0, exported.stderr
    killed, left = start_writer(stick / "csv" / "entries.csv", "kill")
    killed.wait(timeout=30)
    assert left.exists()
    checked = run_cli([*base, "check", "--passphrase-stdin"], PASSPHRASE + "\n")
    assert checked.returncode == 0, checked.stderr
    assert not left.exists()
    assert (stick / "csv" / "entries.csv").exists()
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert b"usb-stick" not in path.read_bytes(), path


def test_exporting_to_the_same_folder_again_leaves_the_journal_as_it_was(
    vault, tmp_path: Path
) -> None:  # noqa: ANN001
    import hashlib

    export_folders.remember(vault, tmp_path / "one.pdf")
    before = hashlib.sha256(vault.path.read_bytes()).hexdigest()
    # (its folder is the latest already: SQLite leaves a row written unchanged as it is)
    export_folders.remember(vault, tmp_path / "two.pdf")
    assert hashlib.sha256(vault.path.read_bytes()).hexdigest() == before
    export_folders.remember(vault, vault.path)  # refused by the export: nothing noted
    assert hashlib.sha256(vault.path.read_bytes()).hexdigest() == before


def test_a_sweep_still_held_up_is_not_started_again_at_each_unlock(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """Diff review: a folder that holds its sweep up for good (a share gone quiet) held
    one more thread at each unlock (the idle lock locks every few minutes). While one
    sweep is still at it, an unlock starts none; once it is done, the next one does."""
    import moodlog.paths as paths

    controller, share = locked_after_an_export_to_a_share(qtbot, tmp_path, monkeypatch)

    real_scandir = os.scandir
    released = threading.Event()
    entered: list[threading.Thread] = []

    def stuck_scandir(path=".") -> object:  # noqa: ANN001
        if Path(path) == share:
            entered.append(threading.current_thread())
            released.wait(20)
        return real_scandir(path)

    monkeypatch.setattr(paths.os, "scandir", stuck_scandir)
    try:
        unlock(qtbot, controller)
        qtbot.waitUntil(lambda: len(entered) == 1)
        for _ in range(3):
            lock_and_unlock(qtbot, controller)
        time.sleep(0.3)  # (time for a sweep started by those unlocks to reach the share)
        sweeping = [t for t in threading.enumerate() if t.name == "moodlog export-folder sweep"]
        assert len(entered) == 1 and len(sweeping) == 1
    finally:
        released.set()
    controller.export_sweep.thread.join(10)
    assert not controller.export_sweep.thread.is_alive()
    lock_and_unlock(qtbot, controller)  # done: the next unlock sweeps again
    qtbot.waitUntil(lambda: len(entered) == 2)


def test_restoring_a_backup_keeps_the_folders_exported_to_since(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """Diff review: the restored journal's list stops where its backup was made; a
    killed export into a folder used since would never be swept again."""
    from moodlog.vault import backup

    data_dir, stick = tmp_path / "data", tmp_path / "usb-stick"
    stick.mkdir()
    controller = create_vault_through_the_window(qtbot, data_dir)
    made = backup.write_backup(controller.vault, tmp_path / "backups")  # before any export
    export_fhir_through_the_window(controller, stick / "for-the-clinic.json", monkeypatch)
    killed, left = start_writer(stick / "summary.json", "kill")
    killed.wait(timeout=30)
    assert left.exists()

    assert controller.restore_from_backup(made.path, PASSPHRASE)
    assert stick in export_folders.remembered(controller.vault)
    qtbot.waitUntil(lambda: not left.exists(), timeout=10000)  # the restored unlock's sweep
    assert (stick / "for-the-clinic.json").exists()


def test_restoring_from_the_command_line_keeps_them_too(tmp_path: Path) -> None:
    from moodlog.vault.vault import Vault

    data_dir, stick = tmp_path / "data", tmp_path / "usb-stick"
    stick.mkdir()
    base = ["--data-dir", str(data_dir)]
    backup_file = tmp_path / "before.db"
    for command in (
        ["init"],
        ["backup", "--out", str(backup_file)],
        ["export", "csv", "--out", str(stick / "csv")],
        ["restore", str(backup_file)],
    ):
        done = run_cli([*base, *command, "--passphrase-stdin"], PASSPHRASE + "\n")
        assert done.returncode == 0, (command, done.stderr)
    with Vault.open(data_dir / "moodlog.db", PASSPHRASE) as vault:
        assert export_folders.remembered(vault) == [stick / "csv"]
    killed, left = start_writer(stick / "csv" / "entries.csv", "kill")
    killed.wait(timeout=30)
    checked = run_cli([*base, "check", "--passphrase-stdin"], PASSPHRASE + "\n")
    assert checked.returncode == 0, checked.stderr
    assert not left.exists()


def test_carrying_puts_the_replaced_journals_folders_first(vault, tmp_path: Path) -> None:  # noqa: ANN001
    older, newer = tmp_path / "older", tmp_path / "newer"
    export_folders.remember(vault, older / "a.pdf")
    export_folders.remember(vault, newer / "b.pdf")
    export_folders.carry(vault, [newer, tmp_path / "since"])
    assert export_folders.remembered(vault) == [newer, tmp_path / "since", older]
    export_folders.carry(vault, [])
    assert export_folders.remembered(vault) == [newer, tmp_path / "since", older]
