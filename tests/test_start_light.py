"""What the unlock window leaves out at start (issue 14 §4): the vault (SQLCipher), the
create page with its country list, the introduction and the reminders are made or
imported only when needed, and everything still works when they are. Nor hashlib: it
loads OpenSSL, ~4 MiB of the start's peak memory (a temp file's name drawn with
``secrets`` brought it in, and the memory target was missed)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from moodlog.ui.application import AppController, install_translation
from tests.conftest import PASSPHRASE

AT_FIRST_PAINT = """
import os, sys
from moodlog.ui.unlock import UnlockPage
original = UnlockPage.paintEvent
def painted(self, event):
    original(self, event)
    from moodlog.ui.application import AppController
    controller = AppController.current
    loaded = [m for m in ("sqlcipher3", "moodlog.vault.vault", "moodlog.ui.country",
              "moodlog.ui.onboarding", "moodlog.ui.reminders", "moodlog.cli",
              "hashlib", "secrets") if m in sys.modules]
    print("LOADED", loaded, "CREATE PAGE", controller._create_page is not None, flush=True)
    os._exit(0)
UnlockPage.paintEvent = painted
from moodlog.app import main
main(["--data-dir", sys.argv[1]])
"""


def test_the_unlock_window_paints_without_the_vault_or_the_create_page(vault, data_dir: Path):
    vault.close()
    result = subprocess.run(
        [sys.executable, "-c", AT_FIRST_PAINT, str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "LOADED [] CREATE PAGE False" in result.stdout


def test_the_create_page_is_made_when_there_is_no_journal(qtbot, data_dir: Path):
    controller = AppController(data_dir)
    controller.start()
    qtbot.addWidget(controller.lock_window)
    page = controller.lock_window.stack.currentWidget()
    assert page is controller.create_page  # made once, then the same page
    assert controller.lock_window.stack.indexOf(page) >= 0
    assert controller.reminders is None  # nothing to remind of before a journal is open
    qtbot.keyClicks(page.first, PASSPHRASE)
    qtbot.keyClicks(page.second, PASSPHRASE)
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert controller.main_window is not None
    assert controller.reminders is not None  # from the first unlock on
    assert controller.onboarding.isVisible()  # the introduction, after the session opened
    controller.onboarding.skip()
    controller.shutdown()


def test_help_and_restore_work_from_a_create_page_made_late(qtbot, data_dir: Path, monkeypatch):
    controller = AppController(data_dir)
    controller.start()
    qtbot.addWidget(controller.lock_window)
    asked = []
    monkeypatch.setattr(controller, "show_restore_dialog", lambda: asked.append("restore"))
    page = controller.create_page  # made now, connected like the unlock page
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert asked == ["restore"]
    qtbot.mouseClick(page.help_button, Qt.MouseButton.LeftButton)
    assert controller.help_panel is not None and controller.help_panel.isVisible()
    controller.shutdown()


def test_no_translator_is_made_when_none_is_shipped(monkeypatch, tmp_path: Path):
    from PySide6.QtWidgets import QApplication

    from moodlog import i18n
    from moodlog.ui import application

    monkeypatch.setitem(application._translation, "translator", None)
    made = []
    monkeypatch.setattr(i18n, "install_translator", lambda app: made.append(app) or "T")
    monkeypatch.setattr(i18n, "resource_path", lambda name: tmp_path)
    app = QApplication.instance()
    assert install_translation(app) is None and made == []
    (tmp_path / "moodlog_de.qm").write_bytes(b"")
    assert install_translation(app) == "T" and made == [app]


def _shown_texts(root) -> list[str]:  # noqa: ANN001
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit

    from moodlog.ui.reminders import ReminderSettings

    texts = []
    for kind in (QLabel, QAbstractButton, QLineEdit):
        for widget in root.findChildren(kind):
            inside_other = any(isinstance(p, ReminderSettings) for p in _parents(widget))
            if inside_other or not widget.isVisibleTo(root):
                continue  # moodlog.ui.reminders' own strings are not these modules'
            text = widget.placeholderText() if kind is QLineEdit else widget.text()
            if text:
                texts.append(text)
    return texts


def _parents(widget):  # noqa: ANN001, ANN202
    parent = widget.parentWidget()
    while parent is not None:
        yield parent
        parent = parent.parentWidget()


def test_the_lock_pages_and_the_introduction_take_every_text_from_the_translation(
    qtbot, data_dir: Path, pseudo_translation
):
    controller = AppController(data_dir)
    controller.start()
    qtbot.addWidget(controller.lock_window)
    create = controller.create_page
    texts = _shown_texts(create)
    assert texts and all("«" in t for t in texts), texts
    assert "«" in controller.lock_window.windowTitle()
    qtbot.keyClicks(create.first, PASSPHRASE)
    qtbot.keyClicks(create.second, PASSPHRASE)
    qtbot.mouseClick(create.create_button, Qt.MouseButton.LeftButton)
    dialog = controller.onboarding
    for step in range(dialog.pages.count()):
        dialog._show_page(step)
        texts = _shown_texts(dialog)
        assert texts and all("«" in t for t in texts), (step, texts)
    dialog.skip()
    controller.lock()
    texts = _shown_texts(controller.unlock_page)
    assert texts and all("«" in t for t in texts), texts
    controller.shutdown()
