"""The Help screen: reachable by F1 and the side menu; lists the real shortcuts; explains
the questionnaires, the per-session view, privacy and where the data lives; About."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from moodlog import __version__
from moodlog.domain.analysis import OUTCOME_DEFINITIONS, SESSION_WINDOW_RULES
from moodlog.ui.help_screen import HelpScreen, native, shortcut_rows
from moodlog.ui.onboarding import OnboardingDialog
from tests.gui.helpers import activate, create_vault_through_the_window


def plain(label) -> str:
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(label.text())
    return " ".join(document.toPlainText().split())


def press(qtbot, window, keys) -> None:
    sequence = QKeySequence(keys)
    combo = sequence[0]
    window.activateWindow()
    qtbot.keyClick(window, combo.key(), combo.keyboardModifiers())


def open_app(qtbot, data_dir):
    controller = create_vault_through_the_window(qtbot, data_dir)
    window = controller.main_window
    activate(qtbot, window)
    return controller, window


def test_f1_and_the_side_menu_open_help(qtbot, data_dir):
    controller, window = open_app(qtbot, data_dir)
    press(qtbot, window, QKeySequence.StandardKey.HelpContents)
    assert isinstance(window.stack.currentWidget(), HelpScreen)
    window.show_screen("Today")
    row = [window.nav.item(i).text() for i in range(window.nav.count())].index("Help")
    window.nav.setCurrentRow(row)
    assert isinstance(window.stack.currentWidget(), HelpScreen)
    controller.shutdown()


def test_the_listed_shortcuts_are_the_real_ones_and_they_work(qtbot, data_dir):
    controller, window = open_app(qtbot, data_dir)
    help_screen = window.show_screen("Help")
    listed = plain(help_screen.shortcuts)
    real = [action for action in window.actions() if not action.shortcut().isEmpty()]
    assert len(real) >= 12
    for action in real:
        assert f"{native(action.shortcut())} {action.toolTip()}" in listed
    for keys in ("Ctrl+L", "Ctrl+N", "Ctrl+F", "F1", "Ctrl+S"):
        assert native(keys) in listed
    assert dict(shortcut_rows(window))[native("Ctrl+S")] == "Save the check-in (Today)"

    press(qtbot, window, "Ctrl+F")
    journal = window.screens["Journal"]
    assert window.stack.currentWidget() is journal
    assert QApplication.focusWidget() is journal.search_box
    press(qtbot, window, "Ctrl+N")
    today = window.screens["Today"]
    assert window.stack.currentWidget() is today
    focused = QApplication.focusWidget()
    assert focused is today.form.mood or today.form.mood.isAncestorOf(focused)
    press(qtbot, window, "Ctrl+L")  # (no window of an earlier test is left: tests/conftest.py)
    assert controller.vault is None  # locked
    controller.shutdown()


def test_help_explains_bands_sessions_privacy_data_and_about(qtbot, data_dir):
    controller, window = open_app(qtbot, data_dir)
    help_screen = window.show_screen("Help")
    text = " ".join(plain(label) for label in help_screen.findChildren(type(help_screen.about)))
    assert "not a diagnosis" in text
    assert "PHQ-9 bands: 0–4 minimal, 5–9 mild, 10–14 moderate" in text
    assert "15–19 moderately severe, 20–27 severe" in text
    assert "GAD-7 bands: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe" in text
    assert " ".join(OUTCOME_DEFINITIONS.split()) in text
    assert " ".join(SESSION_WINDOW_RULES.split()) in text
    assert "No one is monitoring" in text and "cannot be recovered" in text
    assert str(controller.vault.path) in text
    about = plain(help_screen.about)
    assert f"moodlog {__version__}" in about
    for licence in ("GPL-3.0-or-later", "LGPL-3.0", "pyqtgraph: MIT", "SQLCipher: BSD-style"):
        assert licence in about
    assert "platformdirs: MIT" in about
    controller.shutdown()


def test_the_introduction_is_reachable_again_from_help(qtbot, data_dir):
    controller, window = open_app(qtbot, data_dir)
    help_screen = window.show_screen("Help")
    assert help_screen.intro_button.accessibleName()
    qtbot.mouseClick(help_screen.intro_button, Qt.MouseButton.LeftButton)
    dialog = help_screen.onboarding
    assert isinstance(dialog, OnboardingDialog) and dialog.isVisible()
    assert dialog.first_run is False
    dialog.close()
    controller.shutdown()
