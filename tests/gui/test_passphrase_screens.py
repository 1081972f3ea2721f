"""Passphrase screens: show/hide, zxcvbn strength with plain advice, the whole hint
visible, and a repeated wrong passphrase says which attempt it is."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from moodlog.ui.application import AppController
from moodlog.ui.unlock import attempt_words, passphrase_check, passphrase_strength
from tests.gui.helpers import create_vault_through_the_window, unlock


def test_strength_comes_from_zxcvbn_with_its_advice():
    score, word, advice = passphrase_check("password123")
    assert (score, word) == (0, "Very weak")
    assert "very common password" in advice  # zxcvbn's own warning, in plain words
    assert passphrase_strength("correct horse battery staple lamp") == (4, "Very strong")
    # The old hand-written rule called this "Strong" (12 characters, 4 kinds).
    assert passphrase_check("Password123!")[:2] == (1, "Weak")
    assert passphrase_check("short")[1].startswith("Too short")


@pytest.fixture
def app_style(qapp):
    from moodlog.ui.application import apply_style

    before = qapp.styleSheet()
    apply_style(qapp)  # the real look: the hint's font and colours
    yield
    qapp.setStyleSheet(before)


def test_create_page_shows_strength_advice_in_full_and_can_show_the_passphrase(
    qtbot, data_dir, app_style
):
    controller = AppController(data_dir)
    controller.start()
    qtbot.addWidget(controller.lock_window)
    controller.lock_window.resize(760, 560)
    page = controller.create_page
    assert page.strength.wordWrap()  # the hint is wrapped, never cut off
    qtbot.keyClicks(page.first, "Password123!")  # the longest advice: four lines
    text = page.strength.text()
    assert text.startswith("Strength: Weak.") and "Add another word" in text
    controller.lock_window.show()
    qtbot.waitExposed(controller.lock_window)
    for size in ((760, 560), (760, 480)):
        controller.lock_window.resize(*size)
        QApplication.processEvents()
        needed = page.strength.heightForWidth(page.strength.width())
        assert page.strength.height() >= needed, size  # every line of it is visible
    assert page.first.echoMode() == QLineEdit.EchoMode.Password
    qtbot.mouseClick(page.show_toggle, Qt.MouseButton.LeftButton)
    assert page.first.echoMode() == page.second.echoMode() == QLineEdit.EchoMode.Normal
    qtbot.mouseClick(page.show_toggle, Qt.MouseButton.LeftButton)
    assert page.first.echoMode() == QLineEdit.EchoMode.Password
    assert page.show_toggle.accessibleName() == "Show passphrase"


def test_repeated_wrong_passphrase_says_which_attempt(qtbot, data_dir):
    controller = create_vault_through_the_window(qtbot, data_dir)
    controller.onboarding.close()
    controller.lock()
    page = controller.unlock_page
    unlock(qtbot, controller, "not the right one")
    first = page.error_label.text()
    assert first.startswith("Wrong passphrase")
    unlock(qtbot, controller, "still not right")
    second = page.error_label.text()
    assert "second attempt" in second and second != first
    unlock(qtbot, controller, "nope again")
    assert "third attempt" in page.error_label.text()
    page.show_toggle.setChecked(True)
    unlock(qtbot, controller)
    assert controller.vault is not None
    assert page.wrong_attempts == 0 and not page.show_toggle.isChecked()  # hidden again
    controller.lock()
    unlock(qtbot, controller, "wrong once more")
    assert "attempt" not in page.error_label.text()  # counting starts again
    controller.shutdown()


def test_attempt_words():
    assert attempt_words(2) == "second attempt"
    assert attempt_words(8) == "eighth attempt"
    assert attempt_words(12) == "attempt 12"


def test_a_passphrase_longer_than_zxcvbn_reads_is_rated_and_creates_the_journal(qtbot, data_dir):
    """Contracts review: past 72 characters every keystroke raised zxcvbn's ValueError
    (an "unexpected error" box each time) and Create made no journal."""
    long = "the quiet river runs past the old mill every morning before the sun is up, ok"
    controller = AppController(data_dir)
    controller.start()
    qtbot.addWidget(controller.lock_window)
    page = controller.create_page
    qtbot.keyClicks(page.first, long)  # (an exception in a slot fails the test: pytest-qt)
    qtbot.keyClicks(page.second, long)
    assert page.strength.text().startswith("Strength: Very strong")
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert controller.main_window is not None and (data_dir / "moodlog.db").exists()
