"""The mouse wheel never records a value the person did not choose (clinician review:
scrolling down Today's form set a mood of 3, an anxiety of 3 and 0 hours slept, and
the page did not scroll; in the session dialog it set a dose and a side effect). A
slider, spin box or drop-down turns with the wheel only once it has the keyboard
focus; otherwise the wheel scrolls the page around it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QScrollArea,
    QScrollBar,
    QWidget,
)

from moodlog.ui.main_window import SCREENS
from moodlog.ui.widgets import WHEEL_GUARDED, WHEEL_INPUTS, WheelNeedsFocus
from tests.gui.helpers import demo_main_window
from tests.gui.test_no_stray_windows import _dialogs


def wheel(widget: QWidget, notches: int = -1) -> None:
    """A wheel turn over the middle of ``widget``, as the mouse sends it."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    QApplication.processEvents()


@pytest.fixture(scope="module")
def demo_window() -> Iterator:
    with demo_main_window("moodlog-wheel-") as window:
        yield window


def test_a_wheel_over_todays_form_scrolls_it_and_records_nothing(qtbot) -> None:  # noqa: ANN001
    import datetime as dt

    from moodlog.ui.entry_form import EntryForm

    form = EntryForm(["exercise"], dt.date(2026, 11, 30))
    area = QScrollArea()
    area.setWidget(form)
    area.setWidgetResizable(True)
    area.resize(600, 260)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    area.setFocus()
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0  # the form is taller than the area: there is room to scroll
    for widget in (form.mood.slider, form.anxiety.slider, form.sleep_hours):
        wheel(widget)
    assert form.mood.value() is None and form.anxiety.value() is None
    assert form.sleep_value() is None
    assert bar.value() > 0  # the page scrolled instead
    # Once the person has chosen the field (clicked or tabbed to it), the wheel turns it.
    form.sleep_hours.setFocus()
    qtbot.waitUntil(form.sleep_hours.hasFocus)
    wheel(form.sleep_hours, 1)
    assert form.sleep_value() is not None


def test_the_session_dialogs_inputs_keep_their_values_under_the_wheel(demo_window) -> None:
    from moodlog.ui.treatments import TreatmentDialog

    dialog = TreatmentDialog(demo_window.context, parent=demo_window)
    dialog.show()
    QApplication.processEvents()
    inputs = [w for w in dialog.findChildren(QWidget) if isinstance(w, WHEEL_INPUTS)]
    inputs = [w for w in inputs if not isinstance(w, QScrollBar)]
    assert dialog.dose in inputs and dialog.dissociation in inputs and dialog.kind in inputs
    values = [_value(w) for w in inputs]
    dialog.setFocus()
    for widget in inputs:
        wheel(widget)
        wheel(widget, 1)
    assert [_value(w) for w in inputs] == values
    dialog.reject()
    dialog.deleteLater()


def _value(widget: QWidget) -> object:
    for name in ("value", "currentIndex", "dateTime", "time", "date"):
        if hasattr(widget, name):
            return getattr(widget, name)()
    return None


def _unguarded(root: QWidget) -> list[str]:
    """The wheel inputs in ``root`` that the wheel would turn without the focus."""
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, WHEEL_INPUTS) or isinstance(widget, QScrollBar):
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus or not _has_guard(widget):
            missing.append(f"{type(widget).__name__}({widget.accessibleName()!r})")
    return missing


def _has_guard(widget: QWidget) -> bool:
    """Marked by :func:`guard_wheel`; and, where the wheel can reach it now, a wheel
    turn with the focus elsewhere leaves its value as it was (checked, not assumed)."""
    if not widget.property(WHEEL_GUARDED):
        return False
    if not (widget.isEnabled() and widget.isVisible()) or widget.hasFocus():
        return True
    before = _value(widget)
    wheel(widget)
    wheel(widget, 1)
    return _value(widget) == before


def test_every_screen_and_dialog_guards_its_wheel_inputs(demo_window) -> None:
    missing: dict[str, list[str]] = {}
    for title, _, _ in SCREENS:
        screen = demo_window.screen(title)
        demo_window.show_screen(title)
        QApplication.processEvents()
        if found := _unguarded(screen):
            missing[title] = found
    for name, make in _dialogs(demo_window):
        dialog = make()
        dialog.show()
        QApplication.processEvents()
        if found := _unguarded(dialog):
            missing[name] = found
        dialog.hide()
        dialog.deleteLater()
    QApplication.processEvents()
    assert missing == {}


def test_the_wheel_scrolls_the_nearest_scrolling_page() -> None:
    guard = WheelNeedsFocus()
    area = QScrollArea()
    inner = QWidget()
    inner.setMinimumHeight(2000)
    area.setWidget(inner)
    area.resize(300, 200)
    area.show()
    QApplication.processEvents()
    from PySide6.QtWidgets import QSpinBox

    box = QSpinBox(inner)
    box.installEventFilter(guard)
    box.setValue(5)
    wheel(box)
    assert box.value() == 5
    assert isinstance(area, QAbstractScrollArea) and area.verticalScrollBar().value() > 0
    area.close()
    area.deleteLater()
