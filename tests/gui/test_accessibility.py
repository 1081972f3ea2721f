"""Keyboard and screen-reader basics on every screen of the main window (issue 15).

Every focusable input control says what it is (an accessible name, its own text, or a
buddy label), and Tab, starting anywhere on a screen, reaches every one of its visible
focusable controls: nothing is skipped and nothing (a text box eating Tab) traps it.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from moodlog.ui.main_window import SCREENS
from tests.gui.helpers import demo_main_window

INPUTS = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QTabBar,
)


@pytest.fixture(scope="module")
def demo_window():
    """The real main window on the demo vault (synthetic data, a temporary folder)."""
    with demo_main_window("moodlog-a11y-") as window:
        yield window


def _pages(screen: QWidget) -> list[int]:
    tabs = screen if isinstance(screen, QTabWidget) else getattr(screen, "tabs", None)
    return list(range(tabs.count())) if isinstance(tabs, QTabWidget) else [-1]


def _show(window, title: str, page: int) -> QWidget:  # noqa: ANN001
    screen = window.show_screen(title)
    tabs = screen if isinstance(screen, QTabWidget) else getattr(screen, "tabs", None)
    if page >= 0:
        tabs.setCurrentIndex(page)
    for _ in range(5):
        QApplication.processEvents()
    return screen


def focusable_inputs(screen: QWidget) -> list[QWidget]:
    return [
        w
        for w in screen.findChildren(QWidget)
        if isinstance(w, INPUTS)
        and w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.window() is screen.window()
        and not w.objectName().startswith("qt_")
    ]


def name_of(widget: QWidget) -> str:
    """What a screen reader announces for ``widget``."""
    if widget.accessibleName().strip():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return widget.text()
    if isinstance(widget, QTabBar):
        return "tabs"
    for label in widget.window().findChildren(QLabel):
        if label.buddy() is widget and label.text().strip():
            return label.text()
    return ""


@pytest.mark.parametrize("title", [title for title, _, _ in SCREENS])
def test_every_input_has_a_name_and_tab_reaches_it(demo_window, title):
    screen = demo_window.show_screen(title)
    problems: list[str] = []
    for page in _pages(screen):
        screen = _show(demo_window, title, page)
        inputs = focusable_inputs(screen)
        assert inputs, f"{title}: no focusable control found"
        nameless = [
            f"{type(w).__name__}({w.objectName()})" for w in inputs if not name_of(w).strip()
        ]
        if nameless:
            problems.append(f"page {page}: controls without a name: {nameless}")

        # Tab from the first control around the screen: every control is reached.
        start = inputs[0]
        demo_window.activateWindow()
        start.setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        seen: set[int] = set()
        for _ in range(len(inputs) * 3 + 60):
            current = QApplication.focusWidget()
            if current is not None:
                seen.add(id(current))
            QApplication.sendEvent(
                current or start,
                _tab_event(),
            )
            QApplication.processEvents()
        missed = [
            f"{type(w).__name__}:{name_of(w)[:30]}"
            for w in inputs
            if id(w) not in seen and not _radio_in_answered_group(w)
        ]
        if missed:
            problems.append(f"page {page}: Tab never reaches {missed}")
    assert problems == [], f"{title}: {problems}"


def _tab_event():  # noqa: ANN202
    from PySide6.QtGui import QKeyEvent

    return QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)


def _radio_in_answered_group(widget: QWidget) -> bool:
    """Tab visits one button of an exclusive group (radio buttons, a row of range
    buttons); the arrow keys move inside it, as on every desktop."""
    if not isinstance(widget, QAbstractButton):
        return False
    group = widget.group()
    if group is not None:
        return group.exclusive() and len(group.buttons()) > 1
    return widget.autoExclusive() and widget.isCheckable()


def owner_module(widget: QWidget) -> str:
    """The moodlog module that builds ``widget``: that of the nearest ancestor whose
    class moodlog defines, so an offender points at the file to fix."""
    current: QWidget | None = widget.parentWidget()
    while current is not None:
        module = type(current).__module__
        if module.startswith("moodlog."):
            return module.removeprefix("moodlog.").replace(".", "/") + ".py"
        current = current.parentWidget()
    return "?"


def describe(widget: QWidget) -> str:
    """ "ui/today.py QPushButton 'Save' (saveButton)": where it is and what it is."""
    name = name_of(widget) or "(no name)"
    object_name = f" ({widget.objectName()})" if widget.objectName() else ""
    return f"{owner_module(widget)} {type(widget).__name__} {name[:40]!r}{object_name}"


def visible_inputs(screen: QWidget) -> list[QWidget]:
    """Every input control shown on ``screen``, enabled or not (a disabled one is still
    announced, and enabled later), that can take focus."""
    return [
        w
        for w in screen.findChildren(QWidget)
        if isinstance(w, INPUTS)
        and w.isVisible()
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and w.window() is screen.window()
        and not w.objectName().startswith("qt_")
    ]


def without_description(widgets: list[QWidget]) -> list[str]:
    return [describe(w) for w in widgets if not w.accessibleDescription().strip()]


def test_without_description_lists_each_offender(qtbot) -> None:
    """Positive control: a control without a description is listed with its class and
    name; one with a description is not."""
    from PySide6.QtWidgets import QPushButton

    bare = QPushButton("Delete")
    described = QPushButton("Save")
    described.setAccessibleDescription("Saves the check-in.")
    qtbot.addWidget(bare)
    qtbot.addWidget(described)
    assert without_description([bare, described]) == ["? QPushButton 'Delete'"]


def test_every_input_has_an_accessible_description(demo_window) -> None:
    """Issue 15: every visible input control on every main-window screen (every tab of
    a screen with tabs), and the window's own controls (side menu, Get help now), has
    an accessible description, so a screen reader says what it does or what its value
    means. Fails with the list of offenders: screen, file, class, accessible name."""
    offenders: list[str] = []
    for title, _, _ in SCREENS:
        screen = demo_window.show_screen(title)
        for page in _pages(screen):
            screen = _show(demo_window, title, page)
            where = title if page < 0 else f"{title} (tab {page + 1})"
            offenders += [
                f"{where}: {text}" for text in without_description(visible_inputs(screen))
            ]
    stack = demo_window.stack
    chrome = [
        w
        for w in visible_inputs(demo_window.centralWidget())
        if w is not stack and not stack.isAncestorOf(w)
    ]
    offenders += [f"Main window: {text}" for text in without_description(chrome)]
    unique = list(dict.fromkeys(offenders))  # a tab's controls are seen once
    assert unique == [], f"{len(unique)} controls without a description:\n" + "\n".join(unique)


@pytest.mark.parametrize("instrument", ["PHQ-9", "GAD-7"])
def test_every_questionnaire_answer_says_its_question(qtbot, demo_window, instrument):
    """Accessibility review: each answer was named "Item 9: Not at all" with "Scores 0
    for this question.": a screen-reader user never heard the question answered, and a
    PHQ-9 total came from answers to questions they did not hear."""
    from PySide6.QtGui import QAccessible

    from moodlog.domain.questionnaires import DIFFICULTY_QUESTIONS, ITEMS
    from moodlog.ui.questionnaire import QuestionnaireDialog

    dialog = QuestionnaireDialog(demo_window.context, instrument, demo_window)
    qtbot.addWidget(dialog)
    for number, (item, group) in enumerate(zip(ITEMS[instrument], dialog.groups, strict=True), 1):
        for score, button in enumerate(group.buttons()):
            said = QAccessible.queryAccessibleInterface(button).text(QAccessible.Text.Name)
            assert f"Item {number}: {item}" in said and f"scores {score}" in said, said
    for button in dialog.difficulty_group.buttons():
        assert DIFFICULTY_QUESTIONS[instrument] in button.accessibleDescription()


def test_after_item_9_tab_goes_to_get_help_now_not_past_close(qtbot, demo_window):
    """Accessibility review: in the PHQ-9 the crisis line's "Get help now" came after
    Close in Tab's order."""
    from PySide6.QtTest import QTest

    from moodlog.ui.questionnaire import QuestionnaireDialog

    dialog = QuestionnaireDialog(demo_window.context, "PHQ-9", demo_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    several_days = dialog.groups[8].button(1)
    several_days.setFocus()
    QTest.keyClick(several_days, Qt.Key.Key_Space)
    help_button = dialog.crisis_line.help_button
    widget = dialog.groups[8].buttons()[-1]  # item 9's last answer
    stops = []
    while len(stops) < 3:
        widget = widget.nextInFocusChain()
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible():
            stops.append(widget)
    assert stops[0] is help_button, stops


def test_the_self_check_after_item_9_starts_on_its_first_question_with_no_default(
    qtbot, demo_window, monkeypatch
):
    """Accessibility review: the self-check after PHQ-9 item 9 opened with the keyboard
    on Save, its default button: a second Return saved it unseen (as skipped), and a
    screen reader's first word was "Save", not the crisis line."""
    from PySide6.QtTest import QTest

    from moodlog.ui.questionnaire import QuestionnaireDialog
    from tests.gui.helpers import spy_announcements

    vault = demo_window.context.vault
    before = len(vault.checkins.all())
    phq = QuestionnaireDialog(demo_window.context, "PHQ-9", demo_window)
    qtbot.addWidget(phq)
    phq.show()
    phq.set_answers([1] * 9)
    announced = spy_announcements(monkeypatch)
    phq.save()
    dialog = phq.follow_up
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    first = dialog.widget.groups["wish_dead"].buttons()[0]
    assert dialog.focusWidget() is first
    box = dialog.save_button.parentWidget()  # Save and "Not now"
    assert not any(b.isDefault() or b.autoDefault() for b in box.findChildren(QPushButton))
    QTest.keyClick(first, Qt.Key.Key_Return)
    assert dialog.isVisible() and len(vault.checkins.all()) == before  # nothing saved
    assert dialog.crisis_line.text() in announced
    dialog.reject()


def _label_relation(widget: QWidget) -> list[str]:
    """The labels a screen reader finds for ``widget`` (Qt's Label relation)."""
    from PySide6.QtGui import QAccessible

    interface = QAccessible.queryAccessibleInterface(widget)
    return [
        other.text(QAccessible.Text.Name)
        for other, relation in interface.relations(QAccessible.RelationFlag.Label)
    ]


def test_drop_down_lists_are_labelled_for_screen_readers_on_linux(qtbot, demo_window) -> None:
    """Accessibility review: on Linux Qt names a drop-down list by its current text and
    finds its name through a label's buddy only: the session dialog's side-effect lists
    were each read as "none", the Journal's tag filter as "Any tag", the Treatments filter
    as "All kinds"."""
    from moodlog.domain.treatments import Treatment
    from moodlog.ui.treatments import TreatmentDialog

    journal = demo_window.show_screen("Journal")
    assert _label_relation(journal.tag_box) == ["Tag"]
    treatments = demo_window.show_screen("Treatments")
    assert _label_relation(treatments.kind_filter) == ["Show"]
    import datetime as dt

    dialog = TreatmentDialog(
        demo_window.context, Treatment(dt.date(2026, 11, 1), dt.time(10), "ketamine_iv")
    )
    qtbot.addWidget(dialog)
    for name, box in dialog.effects.items():
        assert _label_relation(box) == [name], name


@pytest.mark.parametrize("required", [True, False])
def test_an_unset_scale_is_not_heard_as_a_5(qtbot, required: bool) -> None:
    """Accessibility review: an untouched mood slider (its label "not set yet") was
    heard as 5, its resting value; so were the optional scales ("not recorded")."""
    from moodlog.ui.widgets import ScaleInput

    scale = ScaleInput("Mood", "worst", "best", required=required)
    qtbot.addWidget(scale)
    state = "not set yet" if required else "not recorded"
    assert scale.slider.accessibleName() == f"Mood ({state}), 0 = worst, 10 = best"
    scale.set_value(5)
    assert scale.slider.accessibleName() == "Mood, 0 = worst, 10 = best"
    scale.set_value(None)
    assert f"({state})" in scale.slider.accessibleName()


def _unnamed_tab_stops(root: QWidget) -> list[str]:
    """Tab stops in ``root`` a screen reader would announce with no name (any kind of
    widget: scroll areas, charts, tab containers and the screens themselves too)."""
    from PySide6.QtGui import QAccessible

    found = []
    for widget in root.findChildren(QWidget):
        if not (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and not widget.objectName().startswith("qt_")
        ):
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        named = interface.text(QAccessible.Text.Name).strip()
        if not named and not interface.relations(QAccessible.RelationFlag.Label):
            found.append(f"{type(widget).__name__} in {type(widget.parentWidget()).__name__}")
    return found


@pytest.mark.parametrize("title", [title for title, _, _ in SCREENS])
def test_no_tab_stop_is_unnamed_on_any_screen(demo_window, title) -> None:
    """Accessibility review: the Today and dialogs' scroll areas, five screens, the Trends
    tabs, its three charts and four session-dialog fields were unnamed Tab stops."""
    screen = demo_window.show_screen(title)
    for page in _pages(screen):
        _show(demo_window, title, page)
        assert _unnamed_tab_stops(demo_window) == [], (title, page)


def test_no_tab_stop_is_unnamed_in_the_questionnaire_and_session_dialogs(
    qtbot, demo_window
) -> None:
    import datetime as dt

    from moodlog.domain.treatments import Treatment
    from moodlog.ui.questionnaire import QuestionnaireDialog
    from moodlog.ui.treatments import TreatmentDialog

    for dialog in (
        QuestionnaireDialog(demo_window.context, "PHQ-9", demo_window),
        TreatmentDialog(
            demo_window.context, Treatment(dt.date(2026, 11, 1), dt.time(10), "ketamine_iv")
        ),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert _unnamed_tab_stops(dialog) == [], type(dialog).__name__
        dialog.close()


def test_return_on_an_answer_never_saves_the_self_check(qtbot, demo_window) -> None:
    """Diff review: once the keyboard had passed "Get help now" (a button Qt makes the
    default while it has the keyboard), Qt made Save the default again, and Return on the
    next answer saved the self-check with one answer, unseen."""
    from PySide6.QtTest import QTest

    from moodlog.ui.checkin import SelfCheckDialog

    vault = demo_window.context.vault
    before = len(vault.checkins.all())
    dialog = SelfCheckDialog(demo_window.context, demo_window)  # as from the Safety plan
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    first = dialog.widget.groups["wish_dead"].buttons()[0]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    QTest.keyClick(first, Qt.Key.Key_Space)  # yes: the crisis line appears
    QTest.keyClick(first, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.widget.crisis_line.help_button
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # the next question
    assert isinstance(QApplication.focusWidget(), QRadioButton)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert dialog.isVisible() and len(vault.checkins.all()) == before
    opened: list[str] = []
    demo_window.context.events.help_requested.connect(opened.append)
    dialog.reject()
    assert opened == ["incomplete"]  # closed after a yes: help offered all the same (night review)
