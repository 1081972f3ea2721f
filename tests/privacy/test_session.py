"""Issue 12, tests/privacy: one whole scripted session, with HOME, XDG_* and TMPDIR in a
fresh temp tree. A unique marker typed into a note, the safety plan, a treatment, a
search and an unsaved draft must be in no file in clear, except the PDF the person chose
to include that journal entry in; the data folder is private even when it existed as
0755; after lock nothing holds the vault open and no widget holds the marker; no socket
is opened and no Qt network module is loaded.

(The former tests/gui/test_privacy.py, extended and moved here.)"""

from __future__ import annotations

import datetime as dt
import os
import socket
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from moodlog.domain.treatments import Treatment
from tests.gui.helpers import create_vault_through_the_window, unlock

MARKER = "WOMBAT-PRIVATE-7f3a91"
ENV_FOLDERS = {
    "HOME": "home",
    "XDG_CONFIG_HOME": "home/.config",
    "XDG_DATA_HOME": "home/.local/share",
    "XDG_CACHE_HOME": "home/.cache",
    "XDG_STATE_HOME": "home/.local/state",
    "XDG_RUNTIME_DIR": "run",
    "TMPDIR": "tmp",
}


def encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]


def files_under(root: Path):
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                yield path


@pytest.fixture
def tree(tmp_path: Path, monkeypatch) -> Path:
    """A fresh home: every place an app may write goes into ``tmp_path/tree``."""
    root = tmp_path / "tree"
    for variable, folder in ENV_FOLDERS.items():
        (root / folder).mkdir(parents=True, exist_ok=True, mode=0o700)
        monkeypatch.setenv(variable, str(root / folder))
    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR
    return root


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a socket from Python fails the test loudly."""
    attempts: list[str] = []

    def refuse(name: str):  # noqa: ANN202
        def refused(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            attempts.append(name)
            raise AssertionError(f"moodlog tried to use the network ({name})")

        return refused

    for name in ("socket", "create_connection", "getaddrinfo", "socketpair", "fromfd"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


def widget_texts(widget: QWidget) -> list[str]:
    texts = [widget.windowTitle(), widget.toolTip(), widget.accessibleName()]
    if isinstance(widget, QLineEdit | QLabel | QAbstractButton):
        texts.append(widget.text())
    if isinstance(widget, QLineEdit):
        texts.append(widget.placeholderText())
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        texts.append(widget.toPlainText())
    if isinstance(widget, QListWidget):
        texts += [widget.item(i).text() for i in range(widget.count())]
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    return texts


def widgets_holding(text: str) -> list[str]:
    QApplication.processEvents()
    return [
        f"{type(w).__name__} {w.objectName()!r}"
        for w in QApplication.allWidgets()
        if any(text in t for t in widget_texts(w))
    ]


def open_handles_to(folder: Path) -> list[str]:
    handles = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue  # closed meanwhile
        if target.startswith(str(folder)) and "moodlog.db" in target:
            handles.append(target)
    return handles


def test_whole_session_leaves_no_trace(qtbot, tree: Path, no_network, monkeypatch, sandbox):
    started = time.time() - 1
    data_dir = tree / "home/.local/share/moodlog"
    data_dir.mkdir(parents=True, mode=0o755)
    os.chmod(data_dir, 0o755)  # as if made by someone else, with a permissive umask
    chosen_pdf = tree / "home/Documents/summary.pdf"
    chosen_pdf.parent.mkdir(parents=True)

    controller = create_vault_through_the_window(qtbot, data_dir)
    window = controller.main_window

    # A check-in with a note and a self-check.
    today = window.screen("Today")
    today.form.mood.set_value(4)
    today.form.note.setPlainText(f"note {MARKER}")
    today.self_check.answer("wish_dead", True)
    today.self_check.discuss_box.setChecked(True)
    qtbot.mouseClick(today.save_button, Qt.MouseButton.LeftButton)
    entries = controller.vault.entries.between()
    assert entries and MARKER in entries[-1].note, "the entry was not saved"
    controller.show_help("low")  # the panel showed the plan; it must leave no trace

    # Safety plan and a treatment session.
    plan_screen = window.show_screen("Safety plan")
    plan_screen.fields["reasons"].setPlainText(f"reason {MARKER}")
    plan_screen.save()
    controller.vault.treatments.save(
        Treatment(
            day=dt.date.today() - dt.timedelta(days=1),
            time=dt.time(10),
            kind="ketamine_iv",
            dose_mg=40,
            notes=f"treatment {MARKER}",
        )
    )

    # Journal search for the marker.
    journal = window.show_screen("Journal")
    journal.search_box.setText(MARKER)
    journal.run_search()

    # PDF export WITH the journal entry, to a path the person chose.
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Save)
    )
    monkeypatch.setattr("moodlog.ui.files.ask_save_path", lambda *a, **k: chosen_pdf)
    export = window.show_screen("Export")
    export.last_30.setChecked(True)
    export.section_boxes["journal"].setChecked(True)
    for index in range(export.journal_list.count()):
        export.journal_list.item(index).setCheckState(Qt.CheckState.Checked)
    assert export.chosen_entry_ids(), "the journal entry could not be chosen"
    export.save_pdf()
    qtbot.waitUntil(lambda: export.writer is None or "Saved" in export.status.text(), timeout=60000)
    qtbot.waitUntil(lambda: "Saved" in export.status.text(), timeout=60000)
    pdf_text = subprocess.run(
        ["pdftotext", str(chosen_pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert MARKER in pdf_text  # the one place the person chose to put it

    # Unsaved text goes into an encrypted draft on lock.
    today = window.show_screen("Today")
    today.form.note.setPlainText(f"draft {MARKER}")
    for widget in QApplication.topLevelWidgets():
        assert MARKER not in widget.windowTitle()
    assert controller.lock()

    # After lock: nothing holds the vault open, no widget holds the marker.
    assert controller.vault is None
    assert open_handles_to(data_dir) == []
    qtbot.wait(50)  # let deleteLater run
    assert widgets_holding(MARKER) == []

    unlock(qtbot, controller)
    assert MARKER in controller.main_window.screen("Today").form.note.toPlainText()
    assert controller.lock()
    assert open_handles_to(data_dir) == []
    controller.shutdown()
    QApplication.processEvents()

    # On disk: the marker only in the PDF that was chosen, nowhere else in clear.
    # The marker is unique to this test: no file anywhere in the test sandbox may hold it.
    # Self-check answers: none in this session's tree or in files written during it
    # outside the other tests' own folders (some of them export answers on purpose).
    others = sandbox / "tmp"  # the other tests' own folders (pytest's tmp_path) live here
    checked = 0
    for root in {tree, sandbox}:
        for path in files_under(root):
            if path == chosen_pdf:
                continue
            content = path.read_bytes()
            checked += 1
            for needle in encodings(MARKER):
                assert needle not in content, f"{MARKER} found in clear in {path}"
            mine = path.is_relative_to(tree) or (
                path.stat().st_mtime >= started and not path.is_relative_to(others)
            )
            if mine:
                assert b"wish_dead" not in content, f"self-check answers in clear in {path}"
    assert checked >= 2  # at least the vault and the preferences were looked at
    assert not (Path(os.environ["XDG_CONFIG_HOME"]) / "QtProject.conf").exists() or (
        "FileDialog" not in (Path(os.environ["XDG_CONFIG_HOME"]) / "QtProject.conf").read_text()
    )

    # Nothing networked: no socket was attempted, no Qt network module is loaded.
    assert no_network == []
    networked = [
        name
        for name in sys.modules
        if name.startswith(("PySide6.QtNetwork", "PySide6.QtWebEngine", "PySide6.QtWebSockets"))
    ]
    assert networked == []

    # Private modes: the folder 0700 (although it existed as 0755), every file 0600.
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    for path in files_under(data_dir):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, f"{path} is not private"
    for folder, names, _ in os.walk(data_dir):
        for name in names:
            assert stat.S_IMODE((Path(folder) / name).stat().st_mode) == 0o700
    assert stat.S_IMODE(chosen_pdf.stat().st_mode) == 0o600
