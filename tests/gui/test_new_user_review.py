"""A new user's review of the desktop app (issue 15): what a first look at every screen,
light and dark, at 1366x768 and at the minimum window size, found, each checked here."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLabel, QWidget


def settle(rounds: int = 10) -> None:
    for _ in range(rounds):
        QApplication.processEvents()
    QTest.qWait(50)


@pytest.fixture(scope="module")
def demo_window():
    """The real window on the demo vault (synthetic data)."""
    from moodlog.ui.application import AppController

    QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="moodlog-review-"))
    controller = AppController(folder, demo=True)
    controller.start()
    window = controller.main_window
    window.show()
    yield window
    controller.shutdown()
    window.close_for_lock()
    controller.lock_window.close()
    shutil.rmtree(folder, ignore_errors=True)


def rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def shown_whole(label: QLabel) -> bool:
    """A word-wrapped label is given at least the height its text needs at its width."""
    return label.height() >= label.heightForWidth(label.width())


# -- Trends > Around sessions fits at 680 px high and below --------------------------------
@pytest.mark.parametrize("size", [(1100, 680), (1100, 600), "minimum"])
def test_around_sessions_nothing_overlaps_or_is_clipped(demo_window, size):
    window = demo_window
    window.resize(window.minimumSize() if size == "minimum" else window.size().__class__(*size))
    trends = window.show_screen("Trends")
    trends.tabs.setCurrentIndex(1)
    settle()
    around = trends.around
    definitions = around.definitions
    assert shown_whole(definitions), definitions.height()
    chart, table = rect_in(around.chart, around), rect_in(around.table, around)
    text = rect_in(definitions, around)
    assert not text.intersects(chart) and not text.intersects(table)
    assert table.height() >= 100  # a few rows, not a sliver
    panel = around.booster
    for label in (panel.figure, panel.definition):
        assert shown_whole(label), label.text()[:40]
    assert rect_in(panel, around).top() >= table.bottom()
    for area in around.findChildren(QAbstractScrollArea):
        assert not (area.isVisible() and area.horizontalScrollBar().isVisible()), area
    trends.tabs.setCurrentIndex(0)


# -- Dark theme: what was hard or impossible to see ------------------------------------------
@pytest.fixture
def dark(qapp):  # noqa: ANN001, ANN201
    """The dark theme of Settings > Appearance; the application's look put back after."""
    from PySide6.QtGui import QPalette

    from moodlog.ui.application import apply_theme, current_theme

    palette, sheet, theme = QPalette(qapp.palette()), qapp.styleSheet(), current_theme()
    apply_theme(qapp, "dark")
    yield qapp
    apply_theme(qapp, theme)
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)


def strongest_contrast(image, rect: QRect, against) -> float:  # noqa: ANN001
    """The highest WCAG contrast of any pixel in ``rect`` against the colour ``against``:
    an outline that can be seen reaches 3:1 somewhere."""
    from moodlog.charts.plots import contrast_ratio

    return max(
        contrast_ratio(image.pixelColor(x, y), against)
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    )


def test_dark_check_boxes_and_radio_buttons_can_be_seen(qtbot, dark):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QCheckBox, QRadioButton, QStyle, QStyleOptionButton

    window = dark.palette().color(QPalette.ColorRole.Window)
    for kind, element in (
        (QCheckBox, QStyle.SubElement.SE_CheckBoxIndicator),
        (QRadioButton, QStyle.SubElement.SE_RadioButtonIndicator),
    ):
        button = kind("Anxiety")
        qtbot.addWidget(button)
        button.show()
        qtbot.waitExposed(button)
        option = QStyleOptionButton()
        button.initStyleOption(option)
        indicator = button.style().subElementRect(element, option, button)
        unchecked = button.grab().toImage()
        assert strongest_contrast(unchecked, indicator, window) >= 3.0, kind.__name__
        button.setChecked(True)
        checked = button.grab().toImage()
        assert checked != unchecked  # checking it shows


def test_dark_tag_check_boxes_on_today_can_be_seen(qtbot, dark):
    import datetime as dt

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPalette

    from moodlog.ui.entry_form import EntryForm

    form = EntryForm(["alcohol", "exercise", "work stress"], dt.date(2026, 11, 30))
    qtbot.addWidget(form)
    form.resize(900, 500)
    form.show()
    qtbot.waitExposed(form)
    tags = form.tags
    base = tags.palette().color(QPalette.ColorRole.Base)
    item = tags.item(0)
    box = tags.visualItemRect(item)
    box.setWidth(18)  # the check box is drawn left of the tag's name
    image = tags.viewport().grab().toImage()
    assert strongest_contrast(image, box, base) >= 3.0
    item.setCheckState(Qt.CheckState.Checked)
    assert tags.viewport().grab().toImage().copy(box) != image.copy(box)


def mean_colour(image, rect: QRect):  # noqa: ANN001, ANN201
    from PySide6.QtGui import QColor

    pixels = [
        image.pixelColor(x, y)
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    ]
    return QColor(
        *(
            round(sum(getattr(p, c)() for p in pixels) / len(pixels))
            for c in ("red", "green", "blue")
        )
    )


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_todays_notes_are_drawn_on_their_own_box(qtbot, qapp, theme):
    """The booster line and Today's other notes are set apart by their box (the style
    sheet's #prompt background); it was never painted, so in dark the line sat loose."""
    from PySide6.QtGui import QColor, QPalette

    from moodlog.ui.application import apply_theme, current_theme
    from moodlog.ui.booster_today import BoosterLine

    palette, sheet, saved = QPalette(qapp.palette()), qapp.styleSheet(), current_theme()
    try:
        apply_theme(qapp, theme)
        page = QWidget()  # on a page, as on Today (a window paints its own background)
        qtbot.addWidget(page)
        line = BoosterLine("Your last 5 sessions: mood stayed above its pre-session level.")
        line.setParent(page)
        line.setGeometry(10, 10, 600, 60)
        page.resize(620, 80)
        page.show()
        qtbot.waitExposed(page)
        inside = mean_colour(page.grab().toImage(), QRect(13, 30, 4, 20))
        expected = QColor("#332e1c" if theme == "dark" else "#fbf6e6")
        window = qapp.palette().color(QPalette.ColorRole.Window)
        assert inside == expected, (inside.name(), window.name())
    finally:
        apply_theme(qapp, saved)
        qapp.setPalette(palette)
        qapp.setStyleSheet(sheet)


def test_dark_treatment_kind_names_are_legible(qtbot, dark, vault, data_dir):
    import datetime as dt

    from PySide6.QtGui import QPalette

    from moodlog.charts.plots import contrast_ratio
    from moodlog.domain.treatments import KINDS, Treatment
    from moodlog.preferences import Preferences
    from moodlog.ui.context import AppContext
    from moodlog.ui.treatments import TreatmentsScreen

    for offset, kind in enumerate(KINDS):
        vault.treatments.save(
            Treatment(dt.date(2026, 11, 1) + dt.timedelta(days=offset), dt.time(10), kind)
        )
    context = AppContext(vault=vault, data_dir=data_dir, preferences=Preferences())
    screen = TreatmentsScreen(context)
    qtbot.addWidget(screen)
    screen.refresh()
    table = screen.sessions
    base = table.palette().color(QPalette.ColorRole.Base)
    assert table.rowCount() == len(KINDS)
    for row in range(table.rowCount()):
        item = table.item(row, 1)
        colour = item.foreground().color()
        assert contrast_ratio(colour, base) >= 4.5, (item.text(), colour.name())


def test_dark_booster_median_is_legible(qtbot, dark):
    import datetime as dt

    from PySide6.QtGui import QPalette

    from moodlog.charts.plots import contrast_ratio
    from moodlog.domain.booster import booster_summary
    from moodlog.domain.demo import build_demo
    from moodlog.ui.booster_chart import DurationChart

    now = dt.datetime(2026, 11, 30, 12)
    contents = build_demo(end=now.date(), days=365, now=now)
    mood = {}
    for entry in contents.entries:
        mood.setdefault(entry.day, []).append(entry.mood)
    summary = booster_summary(
        {day: sum(v) / len(v) for day, v in mood.items()}, contents.treatments, now, 5
    )
    chart = DurationChart()
    qtbot.addWidget(chart)
    chart.set_summary(summary)
    assert chart.median_line is not None
    window = dark.palette().color(QPalette.ColorRole.Window)
    assert contrast_ratio(chart.median_line.pen.color(), window) >= 4.5


# -- README: what preferences.json holds ---------------------------------------------------
def test_readme_lists_exactly_what_preferences_json_holds(tmp_path):
    import dataclasses
    import json

    from moodlog.preferences import Preferences

    Preferences(country="GB").save(tmp_path)
    stored = set(json.loads((tmp_path / "preferences.json").read_text(encoding="utf-8")))
    assert stored == {f.name for f in dataclasses.fields(Preferences) if f.name != "notice"}
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Where your data lives", 1)[1].split("\n## ", 1)[0]
    bullet = next(part for part in section.split("\n- ") if part.startswith("`preferences.json`"))
    named = set(re.findall(r"`([a-z_]+)`", bullet))
    assert stored <= named, stored - named
    assert f"exactly {NUMBER_WORDS[len(stored)]} settings" in bullet


NUMBER_WORDS = {4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight"}


# -- Trends on a new journal says what to do, not blank axes ---------------------------------
def test_trends_on_a_new_journal_shows_a_hint_until_there_is_data(qtbot, vault, data_dir):
    import datetime as dt

    from moodlog.domain.entries import Entry
    from moodlog.domain.treatments import Treatment
    from moodlog.preferences import Preferences
    from moodlog.ui.context import AppContext
    from moodlog.ui.trends import TrendsScreen

    context = AppContext(vault=vault, data_dir=data_dir, preferences=Preferences())
    screen = TrendsScreen(context)
    qtbot.addWidget(screen)
    screen.resize(900, 600)
    screen.show()
    qtbot.waitUntil(lambda: screen.data is not None and screen.data.complete, timeout=3000)
    assert screen.empty_hint.isVisible() and "Today" in screen.empty_hint.text()
    assert not screen.timeline.isVisible()
    screen.tabs.setCurrentIndex(1)
    around = screen.around
    qtbot.waitUntil(around.isVisible, timeout=3000)  # added to the shown tab
    assert around.empty_hint.isVisible() and "Treatments" in around.empty_hint.text()
    assert not around.chart.isVisible() and not around.table.isVisible()

    today = dt.date.today()
    vault.entries.add(Entry(day=today, time=dt.time(9), mood=6))
    yesterday = today - dt.timedelta(days=1)  # a past session, not an appointment
    vault.treatments.save(Treatment(yesterday, dt.time(8), "ketamine_iv", dose_mg=40))
    context.events.data_changed.emit("entries")
    context.events.data_changed.emit("treatments")
    screen.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: screen.timeline.isVisible(), timeout=3000)
    assert not screen.empty_hint.isVisible()
    screen.tabs.setCurrentIndex(1)
    assert around.chart.isVisible() and not around.empty_hint.isVisible()


# -- Cramped dialogs -------------------------------------------------------------------------
@pytest.fixture
def context(vault, data_dir):  # noqa: ANN001, ANN201
    from moodlog.preferences import Preferences
    from moodlog.ui.context import AppContext

    return AppContext(vault=vault, data_dir=data_dir, preferences=Preferences())


def test_questionnaire_difficulty_answers_are_set_apart(qtbot, context):
    """The answers "Not difficult at all", "Somewhat difficult"... each with room before the next
    circle, so a circle is not read as belonging to the words before it."""
    from moodlog.ui.questionnaire import QuestionnaireDialog

    dialog = QuestionnaireDialog(context, "PHQ-9")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    buttons = dialog.difficulty_group.buttons()
    assert len(buttons) == 4
    for left, right in zip(buttons, buttons[1:], strict=False):
        gap = right.x() - (left.x() + left.width())
        assert gap >= 12, (left.text(), gap)


def test_medication_dialog_has_room_for_a_name_and_a_reason(qtbot, context):
    from moodlog.ui.treatments import MedicationDialog

    dialog = MedicationDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    room = dialog.fontMetrics().horizontalAdvance("Sertraline (Zoloft) 50 mg tablets, with food")
    assert dialog.name.width() >= room and dialog.reason.width() >= room
    assert dialog.name.placeholderText()  # what goes there, for a first medication


# -- Treatments on a new journal ---------------------------------------------------------
def test_treatments_says_what_to_do_first_and_edit_waits_for_a_choice(qtbot, context, vault):
    import datetime as dt

    from moodlog.domain.treatments import Treatment
    from moodlog.ui.treatments import TreatmentsScreen

    screen = TreatmentsScreen(context)
    qtbot.addWidget(screen)
    screen.show()
    text = screen.next_label.text()
    assert "No sessions recorded yet" in text and "Add session or appointment" in text
    # Edit and Delete did nothing at all with no session chosen: now they wait for one.
    assert not screen.edit_button.isEnabled() and not screen.delete_button.isEnabled()
    vault.treatments.save(Treatment(dt.date(2026, 11, 1), dt.time(10), "ketamine_iv"))
    context.events.data_changed.emit("treatments")
    assert "No sessions recorded yet" not in screen.next_label.text()
    assert not screen.edit_button.isEnabled()
    screen.sessions.selectRow(0)
    assert screen.edit_button.isEnabled() and screen.delete_button.isEnabled()
    screen.sessions.clearSelection()
    assert not screen.edit_button.isEnabled()


def test_today_leaves_no_empty_line_without_treatments(qtbot, context, vault):
    import datetime as dt

    from moodlog.domain.treatments import Treatment
    from moodlog.ui.today import TodayScreen

    screen = TodayScreen(context)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.context_label.text() == "" and screen.context_label.isHidden()
    vault.treatments.save(
        Treatment(dt.date.today() - dt.timedelta(days=3), dt.time(10), "ketamine_iv")
    )
    again = TodayScreen(context)
    qtbot.addWidget(again)
    again.show()
    assert "3 days since your last session" in again.context_label.text()
    assert again.context_label.isVisible()


def test_the_wheel_over_the_around_sessions_chart_scrolls_the_page(demo_window):
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QWheelEvent

    window = demo_window
    window.resize(1100, 680)
    trends = window.show_screen("Trends")
    trends.tabs.setCurrentIndex(1)
    settle()
    around = trends.around
    bar = around.scroll.verticalScrollBar()
    assert bar.maximum() > 0  # the page is taller than the window here
    bar.setValue(0)
    viewport = around.chart.viewport()
    shown = around.chart.plot.vb.viewRange()
    point = QPointF(viewport.width() / 2, viewport.height() / 2)
    wheel = QWheelEvent(
        point,
        viewport.mapToGlobal(point),
        QPoint(0, 0),
        QPoint(0, -120),  # one notch down
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, wheel)
    settle(3)
    assert bar.value() > 0
    assert around.chart.plot.vb.viewRange() == shown  # not zoomed
    trends.tabs.setCurrentIndex(0)
