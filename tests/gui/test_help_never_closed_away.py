"""Night review (stop 20): a yes to the self-check, then "Not now", Escape, the window's
close button or "Skip the self-check this time": the answers are not recorded (the
person chose not to), and the help panel is offered all the same. And help is one
click away from every dialog a person writes in, above a dialog that blocks the rest."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from tests.conftest import FakeClock
from tests.gui.helpers import create_vault_through_the_window

NOW = dt.datetime(2026, 11, 20, 2, 10)
INTENT = ("wish_dead", "thoughts", "method", "intent")


@pytest.fixture
def app(qtbot, data_dir: Path):
    controller = create_vault_through_the_window(qtbot, data_dir)
    controller.preferences.country = "NZ"
    controller.context.now = FakeClock(NOW)
    levels: list[str] = []
    controller.context.events.help_requested.connect(levels.append)
    controller.levels = levels
    yield controller
    if controller.help_panel is not None:
        controller.help_panel.close()
    controller.shutdown()


def self_check_dialog(qtbot, controller, answers=INTENT):  # noqa: ANN001, ANN201
    from moodlog.ui.checkin import SelfCheckDialog

    dialog = SelfCheckDialog(controller.context, parent=controller.main_window.screen("Today"))
    qtbot.addWidget(dialog)
    dialog.show()
    for key in answers:
        dialog.widget.answer(key, True)
    return dialog


def button(widget, text: str) -> QPushButton:  # noqa: ANN001
    (found,) = [b for b in widget.findChildren(QPushButton) if b.text() == text]
    return found


def in_a_dialog_that_blocks_every_window(app, steps) -> None:  # noqa: ANN001
    """Run ``steps(dialog)`` while a medication dialog is open with exec() (it blocks
    every other window), then close it whatever happened."""
    from moodlog.ui.treatments import MedicationDialog

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            steps(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(200, run)
    MedicationDialog(app.context, parent=app.main_window.show_screen("Treatments")).exec()


def test_not_now_after_a_yes_records_a_skip_and_offers_help(qtbot, app) -> None:  # noqa: ANN001
    dialog = self_check_dialog(qtbot, app)
    button(dialog, "Not now").click()
    assert not dialog.isVisible()
    (checkin,) = app.vault.checkins.all()
    assert checkin.skipped and not any(checkin.answers.values())  # answers not recorded
    assert app.levels == ["high"]
    assert app.help_panel is not None and app.help_panel.isVisible()


@pytest.mark.parametrize("how", ["escape", "close button"])
def test_escape_or_closing_after_a_yes_offers_help(qtbot, app, how: str) -> None:  # noqa: ANN001
    dialog = self_check_dialog(qtbot, app, answers=("wish_dead", "thoughts"))
    if how == "escape":
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
    else:
        dialog.close()
    assert not dialog.isVisible()
    assert app.vault.checkins.all() == []  # nothing recorded
    assert app.levels == ["incomplete"]  # follow-up not answered: the urgent words
    assert app.help_panel.isVisible()


def test_no_answer_or_no_yes_offers_nothing(qtbot, app) -> None:  # noqa: ANN001
    untouched = self_check_dialog(qtbot, app, answers=())
    QTest.keyClick(untouched, Qt.Key.Key_Escape)
    answered_no = self_check_dialog(qtbot, app, answers=())
    for key in ("wish_dead", "thoughts"):
        answered_no.widget.answer(key, False)
    button(answered_no, "Not now").click()
    assert app.levels == [] and app.help_panel is None


def test_saving_after_a_yes_then_skip_ticked_offers_help(qtbot, app) -> None:  # noqa: ANN001
    dialog = self_check_dialog(qtbot, app)
    dialog.widget.skip_box.setChecked(True)
    button(dialog, "Save").click()
    (checkin,) = app.vault.checkins.all()
    assert checkin.skipped
    assert app.levels == ["high"]  # once: not again when the dialog closes


def test_today_a_yes_then_skip_saves_a_skip_and_offers_help(qtbot, app) -> None:  # noqa: ANN001
    today = app.main_window.screen("Today")
    today.form.mood.slider.setValue(1)
    for key in INTENT:
        today.self_check.answer(key, True)
    today.self_check.skip_box.setChecked(True)
    assert today.save() is True
    (checkin,) = app.vault.checkins.all()
    assert checkin.skipped and not any(checkin.answers.values())
    assert app.levels == ["high"]
    assert app.help_panel.isVisible()


def click_through_the_window(widget) -> None:  # noqa: ANN001
    """A click as the window system delivers it, where a modal dialog blocks a window
    (QTest.mouseClick on a widget skips that check)."""
    window = widget.window()
    position = widget.mapTo(window, widget.rect().center())
    QTest.mouseClick(
        window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, position
    )


@pytest.mark.parametrize("modal", ["exec", "open"])
def test_help_is_one_click_away_from_a_dialog_and_answers_above_it(qtbot, app, modal) -> None:  # noqa: ANN001
    """A dialog blocked the main window's "Get help now" (Cancel, which threw away what
    was typed, was the only way to it). Each writing dialog has its own; the panel it
    opens takes clicks above a dialog that blocks every other window."""
    from moodlog.ui.treatments import SessionNoteDialog

    app.main_window.activateWindow()
    seen: dict = {}

    def in_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            seen["main blocked"] = dialog is not None
            click_through_the_window(app.main_window.help_button)
            seen["main button"] = app.help_panel is not None
            click_through_the_window(button(dialog, "Get help now"))
            panel = app.help_panel
            seen["panel"] = panel is not None and panel.isVisible()
            if panel is not None:
                close = button(panel, "Close")
                click_through_the_window(close)  # answers: not blocked by the dialog
                seen["closed"] = not panel.isVisible()
        finally:
            seen["dialog open"] = dialog.isVisible()
            dialog.reject()

    dialog = SessionNoteDialog(app.context, parent=app.main_window.show_screen("Treatments"))
    QTimer.singleShot(200, in_the_dialog)
    if modal == "exec":
        dialog.exec()
    else:
        dialog.open()
        qtbot.waitUntil(lambda: "dialog open" in seen, timeout=3000)
    assert seen == {
        "main blocked": True,
        "main button": False,  # (the window system keeps it blocked, as before)
        "panel": True,
        "closed": True,
        "dialog open": True,
    }


def test_every_writing_dialog_has_get_help_now(qtbot, app) -> None:  # noqa: ANN001
    from moodlog.ui.checkin import SelfCheckDialog
    from moodlog.ui.drafts import QuestionDialog
    from moodlog.ui.questionnaire import QuestionnaireDialog
    from moodlog.ui.treatments import MedicationDialog, SessionNoteDialog, TreatmentDialog

    context = app.context
    dialogs = [
        TreatmentDialog(context),
        MedicationDialog(context),
        SessionNoteDialog(context),
        QuestionDialog(context, "journal"),
        QuestionnaireDialog(context, "PHQ-9"),
        SelfCheckDialog(context),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        help_now = button(dialog, "Get help now")
        assert not help_now.isDefault() and not help_now.autoDefault()
        help_now.click()
        dialog.close()
    assert app.levels == [""] * len(dialogs)


def test_a_panel_kept_through_the_idle_lock_does_not_block_the_unlock_page(qtbot, app) -> None:  # noqa: ANN001

    seen: dict = {}

    def in_the_dialog(dialog) -> None:  # noqa: ANN001
        button(dialog, "Get help now").click()
        seen["modal"] = app.help_panel.isModal()
        panel = app.help_panel
        app.auto_lock()
        seen["kept"] = panel.isVisible() and not panel.isModal()
        seen["unlock page free"] = QApplication.activeModalWidget() is None
        panel.close()

    in_a_dialog_that_blocks_every_window(app, in_the_dialog)
    assert seen == {"modal": True, "kept": True, "unlock page free": True}
    assert app.vault is None


@pytest.mark.parametrize("how", ["escape", "cancel", "close button"])
def test_typed_text_is_not_thrown_away_without_asking(qtbot, app, monkeypatch, how) -> None:  # noqa: ANN001
    """Night review: a long therapy note, then Escape (or Cancel, or the window's close
    button): gone, with its draft, without a word. Now it asks, "Go back" the default."""
    from PySide6.QtWidgets import QDialogButtonBox

    from moodlog.ui.treatments import SessionNoteDialog

    answers = [False, True]  # "Go back", then "Close without saving"
    asked: list[str] = []

    def confirm(_parent, title, _text, action, keep) -> bool:  # noqa: ANN001
        asked.append(f"{title} / {action} / {keep}")
        return answers.pop(0)

    monkeypatch.setattr("moodlog.ui.drafts.confirm", confirm)
    dialog = SessionNoteDialog(app.context, parent=app.main_window.show_screen("Treatments"))
    qtbot.addWidget(dialog)
    dialog.show()

    def close() -> None:
        if how == "escape":
            QTest.keyClick(dialog, Qt.Key.Key_Escape)
        elif how == "cancel":
            box = dialog.findChild(QDialogButtonBox)
            box.button(QDialogButtonBox.StandardButton.Cancel).click()
        else:
            dialog.close()

    close()  # nothing typed: closes at once
    assert not dialog.isVisible() and asked == []
    dialog.show()
    dialog.worked_on.setPlainText("What came up about my father, at length")
    close()
    assert dialog.isVisible()  # "Go back": still open, the text there
    assert dialog.worked_on.toPlainText() == "What came up about my father, at length"
    close()
    assert not dialog.isVisible()
    assert asked == ["Close without saving? / Close without saving / Go back"] * 2


def test_yesterdays_session_asks_for_its_time_once(qtbot, app) -> None:  # noqa: ANN001
    """Night review: a session recorded the next day, its date changed and its time
    never touched, was saved at the minute the form had opened (01:47), which decides
    which questionnaires and moods count as before it. Save asks once; a second Save
    keeps the time; a time set by the person is saved at once."""
    from PySide6.QtCore import QDate, QTime

    from moodlog.ui.treatments import TreatmentDialog

    def dialog_for_yesterday() -> TreatmentDialog:
        dialog = TreatmentDialog(app.context, parent=app.main_window)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.kind.setCurrentIndex(dialog.kind.findData("esketamine_nasal"))
        dialog.date.setDate(QDate(2026, 11, 19))
        return dialog

    first = dialog_for_yesterday()
    first.save()
    assert first.isVisible() and app.vault.treatments.all() == []
    assert first.error.text().startswith("What time did the session start?")
    from moodlog.i18n import time_text

    assert f"({time_text(dt.time(2, 10))})" in first.error.text()  # the minute it opened
    first.save()  # kept as it is, after being told
    (kept,) = app.vault.treatments.all()
    assert kept.time == dt.time(2, 10)

    second = dialog_for_yesterday()
    second.time.setTime(QTime(10, 30))
    second.save()
    assert not second.isVisible()
    assert sorted(t.time for t in app.vault.treatments.all()) == [dt.time(2, 10), dt.time(10, 30)]

    today = TreatmentDialog(app.context, parent=app.main_window)  # recorded as it happens
    qtbot.addWidget(today)
    today.kind.setCurrentIndex(today.kind.findData("esketamine_nasal"))
    today.save()
    assert len(app.vault.treatments.all()) == 3


def test_return_in_edit_entry_does_not_save(qtbot, app) -> None:  # noqa: ANN001
    """Night review: Return on the mood in Edit entry saved at once, where the session
    and note dialogs ignore it (only Save saves)."""
    from moodlog.domain.entries import Entry

    app.vault.entries.add(Entry(day=NOW.date(), time=dt.time(1, 0), mood=2, note="late"))
    journal = app.main_window.show_screen("Journal")
    journal.select_day(NOW.date())
    journal.day_entries.setCurrentRow(0)
    journal.edit_selected()
    dialog = journal.edit_dialog
    qtbot.addWidget(dialog)
    dialog.form.mood.slider.setValue(3)
    QTest.keyClick(dialog.form.mood.slider, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert [e.mood for e in app.vault.entries.on_day(NOW.date())] == [2]
    button(dialog, "Save").click()
    assert [e.mood for e in app.vault.entries.on_day(NOW.date())] == [3]


def test_the_create_pages_error_goes_once_the_passphrases_match(
    qtbot, tmp_path, monkeypatch
) -> None:  # noqa: ANN001
    """Night review: "The two passphrases are not the same." stayed on the page after the
    typo was fixed and the weak-passphrase question answered "Choose another"."""
    from moodlog.ui.application import AppController

    monkeypatch.setattr("moodlog.ui.unlock.weak_passphrase_accepted", lambda *_: False)
    controller = AppController(tmp_path)
    controller.start()
    try:
        page = controller.create_page
        page.first.setText("password123")
        page.second.setText("password12")
        page.create()
        assert "not the same" in page.error_label.text()
        page.second.setText("password123")
        page.create()  # "Choose another"
        assert page.error_label.text() == ""
        assert controller.vault is None
    finally:
        controller.shutdown()


def test_the_session_dialog_is_as_wide_as_larger_text_needs(qtbot, app) -> None:  # noqa: ANN001
    """Night review: at 150% text the session dialog stayed 900 px wide, its side
    effects cut off behind a sideways scroll bar, on a screen with room to spare."""
    from PySide6.QtWidgets import QScrollArea

    from moodlog.ui.treatments import TreatmentDialog

    qapp = QApplication.instance()
    saved = qapp.font()
    try:
        for points, wider in ((saved.pointSizeF(), False), (saved.pointSizeF() * 1.5, True)):
            font = qapp.font()
            font.setPointSizeF(points)
            qapp.setFont(font)
            dialog = TreatmentDialog(app.context, parent=app.main_window)
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.waitExposed(dialog)
            scroll = dialog.findChild(QScrollArea)
            assert scroll.horizontalScrollBar().maximum() == 0  # nothing cut off sideways
            assert (dialog.width() > 900) is wider  # the usual size kept at the usual text
            dialog.close()
    finally:
        qapp.setFont(saved)


def test_return_on_get_help_now_opens_help_not_save(qtbot, app) -> None:  # noqa: ANN001
    """Diff review: Return on a focused "Get help now" (never a default button) went to
    the dialog's default, Save: the question was saved and closed, no help."""
    from moodlog.ui.drafts import QuestionDialog

    dialog = QuestionDialog(app.context, "journal", parent=app.main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text.setPlainText("Ask about sleep")
    help_now = button(dialog, "Get help now")
    help_now.setFocus()
    QTest.keyClick(help_now, Qt.Key.Key_Return)
    assert app.levels == [""]
    assert dialog.isVisible() and app.vault.questions.all() == []


def test_not_now_after_a_yes_on_a_full_disk_still_offers_help(qtbot, app, monkeypatch) -> None:  # noqa: ANN001
    from moodlog.vault.errors import DiskFull

    dialog = self_check_dialog(qtbot, app)

    def full(_checkin) -> None:  # noqa: ANN001
        raise DiskFull()

    monkeypatch.setattr(app.vault.checkins, "record", full)
    with pytest.raises(DiskFull):
        dialog._skip()
    assert app.levels == ["high"]


def test_the_lock_never_opens_help_for_a_yes_in_the_self_check(qtbot, app) -> None:  # noqa: ANN001
    """The lock closes the self-check (its answers are not kept); help is not opened for
    answers nobody may now see (diff review: no test failed without this)."""
    dialog = self_check_dialog(qtbot, app)
    assert app.lock() is True
    assert not dialog.isVisible()
    assert app.levels == []


def test_ctrl_l_locks_with_the_help_panel_above_a_dialog(qtbot, app) -> None:  # noqa: ANN001
    """Diff review: the panel, opened with "Get help now" in a dialog that blocks every
    other window, took Ctrl+L for nothing: the journal stayed open, the plan on screen."""

    seen: dict = {}

    def in_the_dialog(dialog) -> None:  # noqa: ANN001
        button(dialog, "Get help now").click()
        panel = app.help_panel
        seen["modal"] = panel.isModal()
        QTest.keyClick(panel, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        seen["locked"] = app.vault is None

    in_a_dialog_that_blocks_every_window(app, in_the_dialog)
    assert seen == {"modal": True, "locked": True}


def test_an_appointment_is_asked_its_time_not_when_it_started(qtbot, app) -> None:  # noqa: ANN001
    from PySide6.QtCore import QDate

    from moodlog.ui.treatments import TreatmentDialog

    dialog = TreatmentDialog(app.context, parent=app.main_window)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("esketamine_nasal"))
    dialog.date.setDate(QDate(2026, 11, 24))  # ahead: an appointment
    dialog.save()
    assert dialog.error.text().startswith("What time is the appointment?")
    assert app.vault.treatments.all() == []


def test_ctrl_l_locks_from_a_box_the_help_panel_opened(qtbot, app, monkeypatch) -> None:  # noqa: ANN001
    """Second diff review: a message box the panel opened (its country kept on a full
    disk) above a dialog that blocks every window took Ctrl+L for nothing."""
    import errno

    from PySide6.QtWidgets import QMessageBox

    from moodlog.ui.treatments import MedicationDialog

    def full(*_args, **_kwargs) -> None:  # noqa: ANN002, ANN003
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(type(app.preferences), "save", full)
    seen: dict = {}

    def in_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            button(dialog, "Get help now").click()
            app.help_panel.country_box.country_picked.emit("GB")
            boxes = [
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.isVisible()
            ]
            seen["boxes"] = len(boxes)
            box = boxes[0]
            QTest.keyClick(
                box.focusWidget() or box, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
            )
            seen["locked"] = app.vault is None
        finally:
            for box in [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]:
                box.close()
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(200, in_the_dialog)
    MedicationDialog(app.context, parent=app.main_window.show_screen("Treatments")).exec()
    assert seen == {"boxes": 1, "locked": True}


def test_ctrl_l_in_a_panel_kept_through_the_idle_lock_locks_the_new_session(qtbot, app) -> None:  # noqa: ANN001
    """The panel kept open through the idle lock belongs to the session opened after it:
    its Ctrl+L, above that session's dialog, locks it (and another window's panel never
    locks this one: a main window left from an earlier session took it)."""
    from tests.gui.helpers import unlock

    app.show_help("")
    panel = app.help_panel
    app.auto_lock()
    assert panel.isVisible() and app.vault is None
    unlock(qtbot, app)
    qtbot.waitUntil(lambda: app.vault is not None, timeout=5000)
    assert panel.opened_for is app.main_window
    seen: dict = {}

    def in_the_dialog(dialog) -> None:  # noqa: ANN001
        QTest.keyClick(panel, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        seen["locked"] = app.vault is None

    in_a_dialog_that_blocks_every_window(app, in_the_dialog)
    assert seen == {"locked": True}
