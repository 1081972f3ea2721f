"""Saving a check-in from Today (Ctrl+S) on the 10-year demo vault, beside its floor.

App figure: Ctrl+S pressed on Today (a real key event, sent to the journal note that was
typed in last, through Today's shortcut to ``TodayScreen.save()``) in the app's own main
window (opened by the app controller, shown and active, Trends prepared in idle time as
after any unlock), with a filled form: mood, two tags, a short note and an answered
self-check. Timed from the key press until the event loop has painted its result (the
"Saved at ... mood N." line, with the form cleared in the same paint): what the person
waits for. The time until the key press and release have been handled (the save done)
is printed too. (Earlier versions called ``save()`` directly: without a key press the
idle-lock watcher, which looks away after any input, inspected every event of the save
from Python, ~0.1 ms that a real Ctrl+S does not cost; the key dispatch is timed now.)
What a save leaves for later (Trends brought up to date, the booster line on Today
checked against the new mood) runs after that paint, in the event loop's next moments,
and is not timed (``settle``); the reminders' "logged today" query (a zero-delay timer,
~0.08 ms) runs before Qt's low-priority paint request and is timed.

Floor: the same rows written with raw SQL on the same encrypted connection in ONE
committed transaction (the entry, its two tag links, the self-check, the draft's
removal): what one encrypted commit of that data costs on this machine.

The two alternate (app, floor, app, floor, ...) so that drift on this VM hits both; each
figure is the median of the tries, printed with the ratio and the target (<= 2x).
Run by hand, never in the test suite:

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.bench_save
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import time

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from benchmarks.common import header, row, spread, ten_year_vault, tries

NOW = dt.datetime(2026, 11, 1, 21)
TRIES = 15
TARGET = 2.0
TAGS = ("exercise", "outdoors")
NOTE = "Walked by the river after work; calmer in the evening."
ANSWERS = {"wish_dead": False, "thoughts": False, "behavior": False}


def settle(app, controller, seconds: float = 0.05) -> None:  # noqa: ANN001
    """Let the idle-time work a save schedules (Trends brought up to date) finish
    outside the timed part, as it does in the quiet moment after a real save."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end or not controller.preloader.done:
        app.processEvents()
        time.sleep(0.002)


def press_save(today) -> None:  # noqa: ANN001
    """Ctrl+S, pressed and released, where the person typed last (the journal note).
    (The benchmark's own imports are done before the clock starts: an import statement
    inside this timed function went through PySide's Python-level import hook twice,
    ~38 us after the quiet moment before each press, that a real key press never costs.)"""
    QTest.keyClick(today.form.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def fill(today) -> None:  # noqa: ANN001
    today.form.mood.slider.setValue(6)
    for name in TAGS:
        item = today.form.tags.findItems(name, Qt.MatchFlag.MatchExactly)[0]
        item.setCheckState(Qt.CheckState.Checked)
    today.form.note.setPlainText(NOTE)
    for key, value in ANSWERS.items():
        today.self_check.answer(key, value)
    today.form.note.setFocus()


def floor_save(vault) -> float:  # noqa: ANN001
    """One transaction of the same rows in raw SQL; milliseconds."""
    conn = vault.conn
    tag_ids = [
        conn.execute("SELECT id FROM tags WHERE name = ?", (name,)).fetchone()[0] for name in TAGS
    ]
    stamp = NOW.isoformat(timespec="seconds")
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    entry_id = conn.execute(
        "INSERT INTO entries (day, time, mood, anxiety, energy, irritability, sleep_hours, "
        "sleep_quality, note, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (NOW.date().isoformat(), "21:00", 6, None, None, None, None, None, NOTE, stamp),
    ).lastrowid
    conn.executemany(
        "INSERT INTO entry_tags (entry_id, tag_id) VALUES (?, ?)",
        [(entry_id, tag_id) for tag_id in tag_ids],
    )
    conn.execute(
        "INSERT INTO si_checkins (day, time, answers, skipped, discuss, created_at) "
        "VALUES (?,?,?,?,?,?)",
        (NOW.date().isoformat(), "21:00", json.dumps(ANSWERS), 0, 0, stamp),
    )
    conn.execute("DELETE FROM drafts WHERE name = ?", ("today",))
    conn.execute("COMMIT")
    return (time.perf_counter() - start) * 1000


def spy_paint(widget) -> list[float]:  # noqa: ANN001
    """The clock at the end of each of ``widget``'s paints, from now on."""
    painted: list[float] = []
    original = widget.paintEvent

    def paint(event) -> None:  # noqa: ANN001
        original(event)
        painted.append(time.perf_counter())

    widget.paintEvent = paint
    return painted


def main() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from moodlog.ui.application import AppController, apply_style

    apply_style(app)
    vault, contents = ten_year_vault()
    print(
        f"data: {len(contents.entries)} entries, {len(contents.treatments)} sessions, "
        f"{len(contents.checkins)} self-checks (10-year demo vault)"
    )
    controller = AppController(vault.path.parent)
    controller.open_session(vault)
    controller.context.now = lambda: NOW
    controller.main_window.resize(1100, 760)
    today = controller.main_window.screen("Today")
    today.refresh()  # shown for the benchmark's clock, as Today is after any unlock
    settle(app, controller, 1.5)  # the idle-time preparation after unlock
    assert "Trends" in controller.main_window.screens
    assert controller.main_window.isVisible() and today.status.isVisible()
    window = controller.main_window
    window.activateWindow()  # shortcuts work in the active window
    settle(app, controller)
    assert app.activeWindow() is window
    painted = spy_paint(today.status)

    app_times: list[float] = []
    shown_times: list[float] = []
    floor_times: list[float] = []
    for n in range(tries(TRIES)):
        fill(today)
        today.form.mood.slider.setValue(5 + n % 2)  # a new "Saved ... mood N" each time
        settle(app, controller)
        painted.clear()
        entries = vault.entries.count()
        start = time.perf_counter()
        press_save(today)
        app_times.append((time.perf_counter() - start) * 1000)
        assert vault.entries.count() == entries + 1, today.status.text()
        while not painted:  # the event loop paints the result ("Saved at ...")
            app.processEvents()
        shown_times.append((painted[0] - start) * 1000)
        settle(app, controller)
        floor_times.append(floor_save(vault))
        settle(app, controller)

    header("Save a check-in from Today (Ctrl+S), 10-year vault, alternated with the floor")
    row(
        "Ctrl+S pressed -> saved and its result painted (floor: one commit)",
        shown_times,
        floor_times,
        TARGET,
    )
    row("(of which: until the key press is handled)", app_times, floor_times, "(for reference)")
    paired = statistics.median(a / f for a, f in zip(shown_times, floor_times, strict=True))
    print(
        f"  medians of {len(app_times)} alternated tries; ranges: painted "
        f"{spread(shown_times)} ms, returned {spread(app_times)} ms, floor "
        f"{spread(floor_times)} ms; median of the paired ratios (painted) {paired:.2f}x"
    )
    controller.main_window.close()
    vault.close()


if __name__ == "__main__":
    main()
