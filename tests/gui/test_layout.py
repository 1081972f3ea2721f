"""Layout that fits real screens (issue 15): Save always in view, nothing to scroll
sideways at the minimum size, tags never cut, table columns that show their text and
remember the widths the person gave them, the Journal calendar, the questionnaire
grid, plurals in words, a new session that starts from the last one, and a daily
check-in done with the keyboard alone."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QRadioButton,
    QStyle,
    QStyleOptionViewItem,
    QTabWidget,
    QWidget,
)

from moodlog.domain.treatments import Treatment
from moodlog.preferences import Preferences
from moodlog.ui.context import AppContext
from moodlog.ui.main_window import SCREENS, MainWindow
from moodlog.ui.window_state import (
    DEFAULT_SIZE,
    SIDE_FRAME_ALLOWANCE,
    TITLE_BAR_ALLOWANCE,
    WINDOW_STATE_FILENAME,
)
from moodlog.vault.vault import Vault
from tests.conftest import FakeClock
from tests.gui.helpers import demo_main_window

NOW = dt.datetime(2026, 11, 20, 20, 30)
LAPTOP = (1366, 768)
LONG_EFFECTS = {
    "dissociation": "moderate",
    "nausea/vomiting": "mild",
    "dizziness": "mild",
    "headache": "severe",
}


@pytest.fixture
def context(vault: Vault, data_dir: Path) -> AppContext:
    return AppContext(
        vault=vault, data_dir=data_dir, preferences=Preferences(country="US"), now=FakeClock(NOW)
    )


def settle(rounds: int = 5) -> None:
    """Let layouts, and tables re-fitting their columns after a resize, finish."""
    for _ in range(rounds):
        QApplication.processEvents()
    QTest.qWait(80)


@pytest.fixture
def window(qtbot, context: AppContext) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    settle()
    return window


def fully_visible(widget: QWidget) -> bool:
    """``widget`` is shown whole inside its window, not scrolled away or clipped."""
    if not widget.isVisible():
        return False
    shown = widget.visibleRegion().boundingRect()
    return shown.size() == widget.size()


def add_sessions(vault: Vault) -> None:
    for days_ago in (30, 9, 2):
        vault.treatments.save(
            Treatment(
                day=NOW.date() - dt.timedelta(days=days_ago),
                time=dt.time(10),
                kind="ketamine_iv",
                dose_mg=42,
                weight_kg=70,
                clinic="Riverside Clinic",
                side_effects=dict(LONG_EFFECTS),
            )
        )


# -- Save in view, the window fits ---------------------------------------------------
def test_default_window_fits_a_1366x768_laptop(window):
    width, height = DEFAULT_SIZE
    assert width <= LAPTOP[0] and height + TITLE_BAR_ALLOWANCE <= LAPTOP[1]
    free = window.windowHandle().screen().availableGeometry()  # the tests' 1366x768 screen
    assert free.size().toTuple() == LAPTOP
    assert window.size().toTuple() == DEFAULT_SIZE  # the first size, on that laptop


@pytest.mark.parametrize(
    "size", [(LAPTOP[0], LAPTOP[1] - TITLE_BAR_ALLOWANCE), "minimum"], ids=["1366x768", "min"]
)
def test_today_save_is_visible_without_scrolling(window, vault, size):
    add_sessions(vault)  # prompts above the form make the page taller
    window.resize(window.minimumSize() if size == "minimum" else window.size().__class__(*size))
    today = window.show_screen("Today")
    today.self_check.groups["thoughts"].button(1).click()  # the follow-up questions too
    settle()
    assert today.self_check.rows["plan"][0].isVisible()
    assert fully_visible(today.save_button)
    bottom_left = today.save_button.mapTo(window, QPoint(0, today.save_button.height()))
    assert bottom_left.y() <= window.height()


SCREEN_PAGES = [(title, page) for title, _, _ in SCREENS for page in range(4)]


@pytest.fixture(scope="module")
def demo_window_at_minimum():
    """The real window on the demo vault (synthetic data) at its minimum size."""
    with demo_main_window("moodlog-layout-", at_minimum_size=True) as window:
        yield window


@pytest.mark.parametrize("title", [title for title, _, _ in SCREENS])
def test_nothing_scrolls_sideways_at_the_minimum_size(demo_window_at_minimum, title):
    window = demo_window_at_minimum
    screen = window.show_screen(title)
    tabs = screen if isinstance(screen, QTabWidget) else getattr(screen, "tabs", None)
    pages = range(tabs.count()) if isinstance(tabs, QTabWidget) else [None]
    sideways = []
    for page in pages:
        if page is not None:
            tabs.setCurrentIndex(page)
        settle(10)
        for area in [screen, *screen.findChildren(QAbstractScrollArea)]:
            if (
                isinstance(area, QAbstractScrollArea)
                and area.isVisible()
                and area.horizontalScrollBar().isVisible()
            ):
                sideways.append(f"page {page}: {type(area).__name__} {area.accessibleName()}")
    assert sideways == [], f"{title} scrolls sideways at {window.size().toTuple()}: {sideways}"


def test_every_tag_is_shown_whole_at_the_minimum_size(window):
    names = [f"tag number {number}" for number in range(24)]
    today = window.show_screen("Today")
    today.form.set_tag_choices(names)
    window.resize(window.minimumSize())
    settle(10)
    tags = today.form.tags
    assert not tags.verticalScrollBar().isVisible()
    viewport = tags.viewport().rect()
    for i in range(tags.count()):
        assert viewport.contains(tags.visualItemRect(tags.item(i))), tags.item(i).text()


# -- Table columns --------------------------------------------------------------------
def test_long_cells_wrap_with_a_tooltip_and_dragged_widths_are_remembered(
    qtbot, context, vault, data_dir
):
    from moodlog.ui.treatments import TreatmentsScreen

    add_sessions(vault)
    screen = TreatmentsScreen(context)
    qtbot.addWidget(screen)
    screen.resize(700, 500)
    screen.show()
    settle(10)
    table = screen.sessions
    effects = table.item(0, 5)
    assert "headache (severe)" in effects.text() and effects.toolTip() == effects.text()
    assert not table.horizontalScrollBar().isVisible()  # the free text wraps instead
    assert table.rowHeight(0) > table.fontMetrics().lineSpacing() * 1.5  # wrapped

    table.horizontalHeader().resizeSection(0, 233)  # as a drag on the header does
    qtbot.waitUntil(lambda: (data_dir / WINDOW_STATE_FILENAME).exists(), timeout=3000)
    stored = (data_dir / WINDOW_STATE_FILENAME).read_text()
    assert "233" in stored
    for private in ("headache", "Riverside", "Ketamine", "2026"):
        assert private not in stored  # widths only, never content
    assert stat.S_IMODE((data_dir / WINDOW_STATE_FILENAME).stat().st_mode) == 0o600

    again = TreatmentsScreen(context)
    qtbot.addWidget(again)
    again.resize(700, 500)
    again.show()
    settle(10)
    assert again.sessions.columnWidth(0) == 233


def test_the_demo_remembers_no_column_widths(qtbot, context, vault, data_dir):
    from moodlog.ui.treatments import TreatmentsScreen

    context.demo = True
    add_sessions(vault)
    screen = TreatmentsScreen(context)
    qtbot.addWidget(screen)
    screen.show()
    screen.sessions.horizontalHeader().resizeSection(0, 233)
    qtbot.wait(600)
    assert not (data_dir / WINDOW_STATE_FILENAME).exists()


def test_self_check_history_dates_are_not_cut(qtbot, context, vault):
    from moodlog.domain.safety import SICheckin
    from moodlog.ui.safety_plan import SafetyPlanScreen

    vault.checkins.add(
        SICheckin(day=NOW.date(), time=dt.time(21, 30), answers={"wish_dead": False})
    )
    screen = SafetyPlanScreen(context)
    qtbot.addWidget(screen)
    screen.resize(700, 500)
    screen.show()
    screen.setCurrentIndex(1)
    screen.refresh()
    settle(10)
    table = screen.history
    assert table.rowCount() >= 1
    date = table.item(0, 0)
    needed = table.fontMetrics().horizontalAdvance(date.text())
    assert table.columnWidth(0) >= needed  # the whole date, e.g. "Fri 20 Nov 2026 21:30"


# -- Journal calendar -----------------------------------------------------------------
def test_calendar_days_to_come_look_different_from_missed_days(qtbot):
    from moodlog.ui.journal import YearHeatMap

    heatmap = YearHeatMap()
    qtbot.addWidget(heatmap)
    heatmap.resize(heatmap.sizeHint())
    heatmap.set_data(2026, {dt.date(2026, 11, 2): 6.0}, today=dt.date(2026, 11, 20))
    image = heatmap.grab().toImage()

    def centre(day: dt.date):  # noqa: ANN202
        return image.pixelColor(heatmap.cell_rect(day).center())

    missed, to_come = centre(dt.date(2026, 11, 10)), centre(dt.date(2026, 12, 10))
    assert missed != to_come
    assert centre(dt.date(2026, 11, 2)) not in (missed, to_come)
    assert heatmap.is_future(dt.date(2026, 12, 10)) and not heatmap.is_future(dt.date(2026, 11, 10))


@pytest.mark.parametrize("year", [2012, 2026])  # 2012 spans 54 weeks
def test_calendar_keeps_weekday_labels_and_the_last_week_in_view(qtbot, context, year):
    from moodlog.ui.journal import JournalScreen

    journal = JournalScreen(context)
    qtbot.addWidget(journal)
    journal.resize(640, 500)  # the Journal's width in the smallest main window
    journal.show()
    journal.year_box.setValue(year)
    settle()
    heatmap = journal.heatmap
    assert heatmap.left >= heatmap.fontMetrics().horizontalAdvance("Wed") + 4
    last = heatmap.cell_rect(dt.date(year, 12, 31))
    assert last.right() < heatmap.width() and last.bottom() < heatmap.height()
    assert heatmap.day_at(last.center()) == dt.date(year, 12, 31)


# -- Questionnaire grid, side menu, plurals --------------------------------------------
@pytest.mark.parametrize("instrument", ["PHQ-9", "GAD-7"])
def test_questionnaire_answers_line_up_under_their_headings(qtbot, context, instrument):
    from moodlog.ui.questionnaire import QuestionnaireDialog

    dialog = QuestionnaireDialog(context, instrument)
    qtbot.addWidget(dialog)
    dialog.show()
    settle()
    body = dialog.groups[0].buttons()[0].parentWidget()
    headers = sorted(
        (w for w in body.findChildren(QWidget) if w.objectName() == "hint"),
        key=lambda w: w.x(),
    )[:4]

    def centre_x(widget: QWidget) -> int:
        return widget.mapTo(body, widget.rect().center()).x()

    for group in dialog.groups:
        for score, header in enumerate(headers):
            assert abs(centre_x(group.button(score)) - centre_x(header)) <= 3
    first = dialog.groups[0].button(0)
    assert first.y() - (headers[0].y() + headers[0].height()) < 24  # no large gap
    rows = [g.button(0).y() for g in dialog.groups]
    gaps = [b - a for a, b in zip(rows, rows[1:], strict=False)]
    assert max(gaps) < 6 * first.fontMetrics().lineSpacing()
    assert dialog.height() + TITLE_BAR_ALLOWANCE <= LAPTOP[1]


def test_side_menu_draws_no_focus_rectangle(window):
    window.nav.setFocus()
    QTest.mouseClick(
        window.nav.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.nav.visualItemRect(window.nav.item(2)).center(),
    )
    index = window.nav.currentIndex()
    assert index.row() == 2
    option = QStyleOptionViewItem()
    option.state = QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_Selected
    window.nav.itemDelegate().initStyleOption(option, index)
    assert not option.state & QStyle.StateFlag.State_HasFocus
    assert option.state & QStyle.StateFlag.State_Selected  # where you are still shows


def test_counts_are_in_words():
    from moodlog.ui.widgets import count_text, numbered

    assert count_text(1, "time") == "1 time"
    assert count_text(2, "version") == "2 versions"
    assert count_text(0, "page") == "0 pages"
    assert numbered("question", [9]) == "question 9"
    assert numbered("question", [3, 5, 7]) == "questions 3, 5 and 7"


def test_no_user_visible_text_says_s_in_brackets():
    root = Path(__file__).resolve().parents[2] / "moodlog" / "ui"
    offenders = [
        f"{path.name}:{number}"
        for path in sorted(root.glob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if "(s)" in line and not line.lstrip().startswith("#")
    ]
    assert offenders == []


def test_partly_answered_questionnaire_names_its_question_in_words(qtbot, context):
    from moodlog.ui.questionnaire import QuestionnaireDialog

    dialog = QuestionnaireDialog(context, "GAD-7")
    qtbot.addWidget(dialog)
    dialog.set_answers([1, 1, 1, 1, 1, 1, None])
    dialog.save()
    assert "Question 7 is not answered yet" in dialog.result_label.text()

    other = QuestionnaireDialog(context, "GAD-7")
    qtbot.addWidget(other)
    other.set_answers([1, 1, 1, 1, None, 1, None])
    other.save()
    assert "Questions 5 and 7 are not answered yet" in other.result_label.text()


# -- A new session starts from the last one ----------------------------------------------
def test_new_session_starts_from_the_last_sessions_details(qtbot, context, vault):
    from moodlog.ui.treatments import TreatmentDialog

    empty = TreatmentDialog(context)
    qtbot.addWidget(empty)
    assert (empty.clinic.text(), empty.dose.value(), empty.weight.value()) == ("", 0, 0)
    assert empty.copied_from is None

    vault.treatments.save(
        Treatment(
            day=NOW.date() - dt.timedelta(days=7),
            time=dt.time(9, 30),
            kind="ketamine_im",
            dose_mg=50,
            weight_kg=72.5,
            clinic="Harbour Clinic",
            intention="let go",
            side_effects={"headache": "mild"},
            dissociation=5,
        )
    )
    dialog = TreatmentDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.kind.currentData() == "ketamine_im"
    assert (dialog.clinic.text(), dialog.dose.value(), dialog.weight.value()) == (
        "Harbour Clinic",
        50,
        72.5,
    )
    # only those: what happened in that session is not copied
    assert dialog.intention.text() == "" and dialog.dissociation.value() == -1
    assert dialog.effects["headache"].currentText() == "none"
    assert dialog.date.date().toPython() == NOW.date()
    dialog.clinic.setText("Riverside Clinic")  # editable
    dialog.save()
    saved = max(vault.treatments.all(), key=lambda t: t.starts_at)
    assert (saved.clinic, saved.dose_mg, saved.day) == ("Riverside Clinic", 50, NOW.date())


# -- Keyboard first ---------------------------------------------------------------------
def test_today_tab_order_follows_the_page(window):
    today = window.show_screen("Today")
    form, check = today.form, today.self_check
    expected = [
        form.date_edit,
        form.time_edit,
        form.mood.slider,
        form.anxiety.enabled_box,
        form.anxiety.slider,
        form.sleep_hours,
        form.tags,
        form.add_tag_button,
        form.note,
        check.skip_box,
        today.save_button,
        today.question_button,
        today.phq_button,
    ]
    form.date_edit.setFocus(Qt.FocusReason.TabFocusReason)
    visited = []
    for _ in range(80):
        widget = QApplication.focusWidget()
        if widget is not None and widget not in visited:
            visited.append(widget)
        QTest.keyClick(widget or window, Qt.Key.Key_Tab)
    positions = [visited.index(w) for w in expected]
    assert positions == sorted(positions), [type(w).__name__ for w in visited[:30]]


def test_daily_check_in_with_the_keyboard_alone(window, vault):
    """From a fresh Today screen to a saved entry with its self-check: key presses only."""
    window.activateWindow()

    def key(key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
        QTest.keyClick(QApplication.focusWidget() or window, key, modifier)

    def tab_to(predicate, limit: int = 40) -> int:  # noqa: ANN001
        for presses in range(limit):
            if predicate(QApplication.focusWidget()):
                return presses
            key(Qt.Key.Key_Tab)
        raise AssertionError(f"not reached: focus on {QApplication.focusWidget()}")

    key(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # new entry: the mood scale
    today = window.screens["Today"]
    assert QApplication.focusWidget() is today.form.mood.slider
    key(Qt.Key.Key_Right)
    key(Qt.Key.Key_Right)
    assert today.form.mood.value() == 7
    questions = today.self_check.groups

    def answer_no(name: str) -> None:
        presses = tab_to(lambda w: isinstance(w, QRadioButton) and w.group() is questions[name], 40)
        assert presses < 40
        while QApplication.focusWidget() is not questions[name].button(0):  # "No"
            key(Qt.Key.Key_Right)
        key(Qt.Key.Key_Space)
        assert questions[name].checkedId() == 0

    answer_no("wish_dead")
    answer_no("thoughts")
    answer_no("behavior")
    key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    (entry,) = vault.entries.between()
    assert entry.mood == 7
    (checkin,) = vault.checkins.all()
    assert checkin.level == "none" and not checkin.skipped


def test_after_a_yes_tab_goes_to_get_help_now_and_the_line_is_announced(window, monkeypatch):
    """Accessibility review: after a yes ticked with the keyboard, the crisis line's "Get
    help now" was the screen's last Tab stop (9 presses away), and the line appeared
    without a word to a screen reader. It follows the answer now, also after Today is
    refreshed, and its sentence is announced."""
    from tests.gui.helpers import spy_announcements

    announced = spy_announcements(monkeypatch)
    window.activateWindow()
    today = window.show_screen("Today")
    check = today.self_check
    yes = check.groups["wish_dead"].button(1)
    yes.setFocus()
    QTest.keyClick(yes, Qt.Key.Key_Space)
    assert check.groups["wish_dead"].checkedId() == 1
    line = check.crisis_line
    assert line is not None and line.isVisibleTo(today)
    assert announced == [line.text()] and announced[0]

    def tabs_to_help() -> int:
        for presses in range(1, 6):
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            if QApplication.focusWidget() is line.help_button:
                return presses
        raise AssertionError(f"not reached: focus on {QApplication.focusWidget()}")

    assert tabs_to_help() <= 3  # from "Yes", past the row's other answers at most
    today.refresh()  # (Tab's order is set again when Today's prompts change)
    yes.setFocus()
    assert tabs_to_help() <= 3
    check.answer("wish_dead", False)  # (the fixture's window is shared: leave no yes)


def test_a_damaged_column_memory_falls_back_to_the_contents(qtbot, context, vault, data_dir):
    from moodlog.ui.treatments import TreatmentsScreen

    (data_dir / WINDOW_STATE_FILENAME).write_text("[columns]\nsessions=wide,-3\n")
    add_sessions(vault)
    screen = TreatmentsScreen(context)
    qtbot.addWidget(screen)
    screen.resize(900, 500)
    screen.show()
    settle(10)
    table = screen.sessions
    assert screen.sessions_columns.user_widths is None
    dose = table.item(1, 3).text()
    assert table.columnWidth(3) >= table.fontMetrics().horizontalAdvance(dose)


def test_the_safety_plan_with_all_its_buttons_does_not_scroll_sideways(demo_window_at_minimum):
    """Review r8: once "Discard changes" appeared (and now "Earlier versions…"), the
    buttons' row pushed the page 62 px sideways at the smallest window, cutting the
    section titles and the status text."""
    window = demo_window_at_minimum
    plan = window.show_screen("Safety plan")
    plan.setCurrentIndex(0)  # (a tab widget: the plan, then the self-check history)
    plan.save()  # a second version: "Earlier versions…" shows
    plan.fields["reasons"].setPlainText("changed, not saved")  # "Discard changes" shows
    settle(10)
    assert plan.versions_button.isVisible() and plan.discard_button.isVisible()
    shown = [a for a in plan.findChildren(QAbstractScrollArea) if a.isVisible()]
    assert shown and not any(a.horizontalScrollBar().isVisible() for a in shown)
    plan.discard_changes()


def _run_on_screens(tmp_path: Path, code: str, screens: list[dict]) -> list[list[str]]:
    """Run ``code`` in a child on its own offscreen screens; its lines starting "R "."""
    import json
    import os
    import subprocess
    import sys

    config = tmp_path / "screens.json"
    dpi = {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [{**screen, **dpi} for screen in screens]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return [line.split()[1:] for line in done.stdout.splitlines() if line.startswith("R ")]


SMALL_SCREEN_CHILD = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from tests.gui.helpers import demo_main_window
with demo_main_window("moodlog-small-screen-", at_minimum_size=True) as window:
    today = window.show_screen("Today")
    for _ in range(5):
        app.processEvents()
    free = app.primaryScreen().availableGeometry()
    button = today.save_button
    bottom = button.mapTo(window, button.rect().bottomLeft()).y()
    from moodlog.ui.help_panel import HelpPanel
    from moodlog.ui.importing import ImportDialog
    dialogs = [ImportDialog(window.context, window), HelpPanel("GB", None, locked=False)]
    for dialog in dialogs:
        dialog.show()
    app.processEvents()
    print("R", max(d.height() for d in dialogs))
    print("R", window.minimumSize().height(), window.height(), free.height(), bottom)
"""


def test_on_a_low_screen_the_window_fits_and_save_is_on_it(tmp_path):
    """Review r8: at 150% on a 1366x768 laptop (911x512 free) the window's fixed
    minimum height of 560 put Today's "Save check-in" below the screen's edge. The
    minimum now follows a low screen (never under 300): the screens scroll instead."""
    screen = {"name": "s1", "x": 0, "y": 0, "width": 911, "height": 512}
    (tallest,), (minimum, height, free, bottom) = (
        map(int, row) for row in _run_on_screens(tmp_path, SMALL_SCREEN_CHILD, [screen])
    )
    assert minimum == free - 40 == 472 and height == minimum
    assert bottom <= height  # "Save check-in" inside the window, the window on the screen
    assert tallest <= free - 40  # the import dialog (720 high) and the help panel (560)


NARROW = {"name": "laptop", "x": 0, "y": 0, "width": 683, "height": 344}

NARROW_SCREEN_CHILD = """
from PySide6.QtWidgets import QApplication
app = QApplication([])
from tests.gui.helpers import demo_main_window
with demo_main_window("moodlog-narrow-screen-", at_minimum_size=True) as window:
    free = app.primaryScreen().availableGeometry()
    for title in ("Today", "Trends", "Settings"):
        window.show_screen(title)
        for _ in range(5):
            app.processEvents()
        bar = window.lock_button
        right = bar.mapTo(window, bar.rect().topRight()).x()
        help_right = window.help_button.mapTo(window, window.help_button.rect().topRight()).x()
        print("R", title, window.width(), free.width(), right, help_right)
"""


def test_on_a_narrow_screen_the_window_fits_and_help_is_on_it(tmp_path):
    """At 200% on a 1366x768 laptop (683 px wide) the window stayed 820 px wide: "Get
    help now" and Lock were beyond the screen's right edge. The window now follows a
    narrow screen (never under 480 px) and the screens below the top bar scroll sideways."""
    rows = _run_on_screens(tmp_path, NARROW_SCREEN_CHILD, [NARROW])
    assert [row[0] for row in rows] == ["Today", "Trends", "Settings"]
    for _title, width, free, lock_right, help_right in rows:
        assert int(width) == int(free) - SIDE_FRAME_ALLOWANCE == 683 - 16  # with its frame
        assert int(help_right) < int(lock_right) < int(width)  # both in the window


VISITED_CHILD = """
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
app = QApplication([])
from tests.gui.helpers import demo_main_window
def settle():
    for _ in range(8):
        app.processEvents()
def off_screen(window):
    free = QWidget.screen(window).availableGeometry()
    return [b.text() for b in window.findChildren(QPushButton) if b.isVisible()
            and not free.contains(QRect(b.mapToGlobal(QPoint(0, 0)), b.size()))]
with demo_main_window("moodlog-narrow-") as window:
    outer = window.stack.parentWidget().parentWidget()
    for title in ("Trends", "Journal", "Help"):
        window.show_screen(title)
        settle()
    help_screen = window.screens["Help"]
    bar_x = help_screen.verticalScrollBar().mapTo(window, QPoint(0, 0)).x()
    print("R help", bar_x < window.width(), outer.horizontalScrollBar().maximum())
    today = window.show_screen("Today")
    settle()
    save = today.save_button
    bottom = save.mapTo(outer.viewport(), QPoint(0, save.height())).y()
    print("R save", bottom <= outer.viewport().height())
    from moodlog.ui.backups import RestoreDialog
    from moodlog.ui.importing import ImportDialog
    from moodlog.ui.onboarding import OnboardingDialog
    from moodlog.ui.questionnaire import QuestionnaireDialog
    phq = QuestionnaireDialog(window.context, "PHQ-9", window)
    phq.show()
    settle()
    phq.set_answers([1] * 9)
    phq.save()  # item 9 answered: the self-check with the crisis line opens
    settle()
    dialogs = {
        "selfcheck": phq.follow_up,
        "import": ImportDialog(window.context, window),
        "onboarding": OnboardingDialog(window.context, window, first_run=False),
        "restore": RestoreDialog(window.context.data_dir, None, window),
    }
    for name, dialog in dialogs.items():
        dialog.show()
        settle()
        print("R", name, "|".join(off_screen(dialog)) or "-")
        dialog.close()
import tempfile
from pathlib import Path
from moodlog.ui.application import AppController
first_run = AppController(Path(tempfile.mkdtemp(prefix="moodlog-narrow-first-")))
first_run.start()  # the create page, "Restore from a backup…" at its foot
settle()
lock = first_run.lock_window
print("R lock", QWidget.screen(lock).availableGeometry().contains(lock.frameGeometry()))
first_run.shutdown()
"""


def test_on_a_narrow_screen_every_screen_and_dialog_fits(tmp_path):
    """Diff review of the narrow-screen change: after Trends, Help scrolled sideways and
    Today's Save was below the window (the stack took the largest screen's size); the
    self-check after PHQ-9 item 9 was 760 px wide, its "Get help now" and "Not now"
    beyond the screen; the import dialog's Import and Close, the introduction's Next,
    and the lock window's "Restore from a backup…" were below it."""
    rows = {row[0]: row[1:] for row in _run_on_screens(tmp_path, VISITED_CHILD, [NARROW])}
    assert rows["help"] == ["True", "0"]  # its scrollbar in the window, no sideways scroll
    assert rows["save"] == ["True"]
    for name in ("selfcheck", "import", "onboarding", "restore"):
        assert rows[name] == ["-"], (name, rows[name])
    assert rows["lock"] == ["True"]


INTRODUCTION_CHILD = """
from PySide6.QtWidgets import QApplication
app = QApplication([])
from tests.gui.helpers import demo_main_window
from moodlog.ui.onboarding import OnboardingDialog
from moodlog.ui.widgets import ContentScrollArea
with demo_main_window("moodlog-narrow-intro-") as window:
    dialog = OnboardingDialog(window.context, window, first_run=False)
    dialog.show()
    area = dialog.findChild(ContentScrollArea)
    for index in (0, 1, 2, 3, 2, 1):
        dialog._show_page(index)
        for _ in range(8):
            app.processEvents()
        page = dialog.pages.currentWidget()
        need = page.heightForWidth(page.width())
        print("R", index, need, area.viewport().height(), area.verticalScrollBar().maximum())
    dialog.close()
"""


def test_on_a_narrow_screen_each_introduction_step_scrolls_only_as_far_as_it_goes(tmp_path):
    """At 683x344 the introduction's short steps (two paragraphs) scrolled over 140 px of
    blank space: their stack took the set-up step's height for a width (Qt's stacked
    layout asks every page), and a widget moved into the scroll area kept a stale size."""
    rows = [list(map(int, row)) for row in _run_on_screens(tmp_path, INTRODUCTION_CHILD, [NARROW])]
    assert [row[0] for row in rows] == [0, 1, 2, 3, 2, 1]
    setup = rows[2]
    assert setup[1] > setup[2] and setup[3] > 0  # the set-up step is taller: it scrolls
    for index, need, viewport, scroll in rows:
        if need < viewport - 40:  # a short step (with room for the heading): no scrolling
            assert scroll == 0, (index, need, viewport, scroll)
    assert rows[3][3] == 0 and rows[5][3] == 0  # nor after the tall one was shown


TALLEST_PAGE_CHILD = """
from PySide6.QtWidgets import QApplication
app = QApplication([])
from tests.gui.helpers import demo_main_window
with demo_main_window("moodlog-tallest-") as window:
    window.resize(1100, 700)
    sideways = window.stack.parentWidget().parentWidget()
    for title in ("Settings", "Help", "Trends", "Journal"):
        window.show_screen(title)
        for _ in range(10):
            app.processEvents()
    print("R", type(sideways).__name__, sideways.verticalScrollBar().maximum())
"""


def test_on_an_800_px_screen_the_journal_does_not_scroll_for_a_taller_screen(tmp_path):
    """On Qt's default 800x800 screen (narrower than the layout) the screens sit in a
    scroll area; after Settings and Help, the Journal scrolled down over blank space and
    its Edit and Delete were below the window: the stack took the tallest screen's
    height for a width."""
    screen = {"name": "square", "x": 0, "y": 0, "width": 800, "height": 800}
    ((kind, scroll),) = _run_on_screens(tmp_path, TALLEST_PAGE_CHILD, [screen])
    assert kind == "QScrollArea" and int(scroll) == 0


MOVED_CHILD = """
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
from tests.gui.helpers import demo_main_window
def settle():
    for _ in range(10):
        app.processEvents()
with demo_main_window("moodlog-moved-") as window:
    settle()
    window.move(1366, 0)  # dragged onto the laptop at 200%, its size left as it was
    settle()
    free = QWidget.screen(window).availableGeometry()
    lock, help_button = window.lock_button, window.help_button
    right = lock.mapToGlobal(QPoint(lock.width(), 0)).x()
    help_right = help_button.mapToGlobal(QPoint(help_button.width(), 0)).x()
    print("R laptop", QWidget.screen(window).name(), right <= free.right() and help_right < right)
    window.move(0, 0)  # and back onto the wide monitor
    settle()
    print("R monitor", QWidget.screen(window).name(), window.minimumWidth())
"""


def test_a_window_moved_between_wide_and_narrow_screens_fits_each(tmp_path):
    """Diff reviews: dragged from a wide monitor onto a laptop at 200%, the window kept
    its 820 px minimum, then (with the minimum refitted) its 1100 px size: Lock and
    "Get help now" beyond the screen's edge."""
    wide = {"name": "monitor", "x": 0, "y": 0, "width": 1366, "height": 768}
    laptop = {"name": "laptop", "x": 1366, "y": 0, "width": 683, "height": 384}
    rows = {row[0]: row[1:] for row in _run_on_screens(tmp_path, MOVED_CHILD, [wide, laptop])}
    assert rows["laptop"] == ["laptop", "True"]
    assert rows["monitor"] == ["monitor", "820"]


def test_a_journal_linked_to_nothing_opens_on_the_unlock_page_saying_why(qapp, tmp_path):
    """Diff review: a journal on a drive not connected (its name a link to nothing)
    showed "Create your private journal"; only after a passphrase was typed twice did
    it say why creating failed."""
    from moodlog.ui.application import AppController

    (tmp_path / "moodlog.db").symlink_to(tmp_path / "usb-drive" / "moodlog.db")
    controller = AppController(tmp_path)
    controller.start()
    try:
        page = controller.lock_window.stack.currentWidget()
        assert page is controller.unlock_page
        assert "is a link to" in page.error_label.text()
        assert "is the drive connected?" in page.error_label.text()
    finally:
        controller.shutdown()
        controller.lock_window.close()


SELF_CHECK_CHILD = """
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QRadioButton, QWidget
app = QApplication([])
from tests.gui.helpers import demo_main_window
def settle():
    for _ in range(10):
        app.processEvents()
def scrolled(dialog):
    areas = [a for a in dialog.findChildren(QAbstractScrollArea) if a.isVisible()]
    return max([a.verticalScrollBar().maximum() for a in areas] or [0])
with demo_main_window("moodlog-self-check-room-") as window:
    from moodlog.ui.questionnaire import QuestionnaireDialog
    phq = QuestionnaireDialog(window.context, "PHQ-9", window)
    phq.show()
    settle()
    phq.set_answers([1] * 9)
    phq.save()
    settle()
    dialog = phq.follow_up
    room = QWidget.screen(dialog).availableGeometry().height() - 40
    print("R first", dialog.height(), room, scrolled(dialog))
    radios = [b for b in dialog.findChildren(QRadioButton) if b.isVisible()]
    radios[0].click()
    radios[3].click()  # yes, yes: the three follow-up questions appear
    settle()
    print("R yes", dialog.height(), room, scrolled(dialog))
    from PySide6.QtCore import QPoint
    free = QWidget.screen(dialog).availableGeometry()
    save = dialog.save_button
    print("R save", int(save.mapToGlobal(QPoint(0, save.height())).y() <= free.bottom() + 1))
    dialog.resize(dialog.width(), dialog.minimumHeight())  # the person makes it small
    dialog.hide()
    dialog.show()
    settle()
    print("R kept", int(dialog.height() == dialog.minimumHeight()))
"""


@pytest.mark.parametrize("height", [768, 512, 344])
def test_the_self_check_uses_the_room_the_screen_has(tmp_path, height: int):
    """Diff review: with its questions in a scroll area, the self-check after PHQ-9 item
    9 stopped growing for its follow-up questions (they scrolled in a 406 px dialog on a
    768 px screen), and on a 344 px screen it opened at Qt's two-thirds of the screen
    with not one question in view."""
    screen = {"name": "laptop", "x": 0, "y": 0, "width": {768: 1366, 512: 910, 344: 683}[height]}
    rows = {
        row[0]: [int(x) for x in row[1:]]
        for row in _run_on_screens(tmp_path, SELF_CHECK_CHILD, [{**screen, "height": height}])
    }
    for moment in ("first", "yes"):
        dialog_height, room, scrolls = rows[moment]
        assert scrolls == 0 or dialog_height >= room, (moment, rows)
    # Grown for the follow-up questions, its buttons stay on the screen (diff review: at
    # 150% on 1366x768, 512 px, Save went below it); a height the person chose is kept
    # when it is shown again.
    assert rows["save"] == [1] and rows["kept"] == [1]


def test_a_draft_keeper_that_fails_unexpectedly_leaves_its_type_not_its_text(qtbot, window, capsys):
    """Code review: an unexpected error while keeping drafts at a lock became "an
    unexpected error" with no trace for a maintainer. Its type goes to stderr now; never
    its text, which may quote what was typed."""
    from PySide6.QtWidgets import QDialog

    class Broken(QDialog):
        def keep_draft(self) -> None:
            raise RuntimeError("words the person typed")

    dialog = Broken(window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert window.prepare_to_lock() == ["an unexpected error"]
    err = capsys.readouterr().err
    assert "moodlog: unexpected error (RuntimeError)" in err
    assert "words the person typed" not in err
    dialog.close()


def test_after_a_questionnaire_from_a_prompt_the_keyboard_is_back_on_today(qtbot, window, vault):
    """Accessibility review: the Today prompt that opened the PHQ-9 is rebuilt after the
    save; the keyboard then landed on the top bar's "Get help now"."""
    from PySide6.QtWidgets import QPushButton

    today = window.show_screen("Today")
    (prompt,) = [b for b in today.findChildren(QPushButton) if b.text() == "Take PHQ-9"]
    prompt.setFocus()  # the prompt "PHQ-9 is due", its button
    today.open_questionnaire("PHQ-9")
    dialog = today.questionnaire_dialog
    dialog.set_answers([0] * 9)
    dialog.save()  # (Today's prompts are rebuilt: the one that opened it is gone)
    QApplication.processEvents()
    dialog.reject()  # Close: the result was on show
    assert window.focusWidget() is today.phq_button  # where the person was, near enough
