"""Journal search with its result list (issue 14, section 5), beside the rows fetch.

App: the Journal screen in the app's own main window (10-year demo vault): the search
text set, ``run_search()`` called (what the box's 150 ms typing pause then runs), timed
until the result list has been painted. Floor: ONE query on the same encrypted vault
and connection fetching exactly what the list shows -- the matching entries' columns
and each one's tags (``group_concat``), newest first, the same limit -- through the same
FTS5 index (or the tag index for a tag filter): what any search of this vault costs
before showing anything. The two alternate; figures are medians. An unencrypted
in-memory FTS table is not a floor for an encrypted search and is no longer printed.
"dinner" matches ~380 notes of the 10-year vault: the list shows its limit, 300.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.bench_search
"""

from __future__ import annotations

import datetime as dt
import time

from benchmarks.common import alternate, header, row, spread, ten_year_vault, tries

NOW = dt.datetime(2026, 11, 1, 21)
TRIES = tries(9)
TARGET = 3.0
LIMIT = 300  # what the Journal screen asks for
SEARCHES = ("walk", "stressful work", "dinner", "zzz-not-there")

COLUMNS = (
    "id, day, time, mood, anxiety, energy, irritability, sleep_hours, sleep_quality, note, "
    "created_at, (SELECT group_concat(name, ', ' ORDER BY name COLLATE NOCASE) "
    "FROM entry_tags JOIN tags ON tags.id = tag_id WHERE entry_id = entries.id)"
)


def floor_query(vault, text: str) -> float:  # noqa: ANN001
    from moodlog.vault.repositories import fts_query

    match = fts_query(text)
    start = time.perf_counter()
    rows = vault.conn.execute(
        f"SELECT {COLUMNS} FROM entries WHERE id IN (SELECT rowid FROM entries_fts "
        "WHERE entries_fts MATCH ?) ORDER BY day DESC, time DESC, id DESC LIMIT ?",
        (match, LIMIT),
    ).fetchall()
    elapsed = (time.perf_counter() - start) * 1000
    assert rows is not None
    return elapsed


def floor_tag(vault, tag: str) -> float:  # noqa: ANN001
    start = time.perf_counter()
    vault.conn.execute(
        f"SELECT {COLUMNS} FROM entries WHERE id IN (SELECT entry_id FROM entry_tags "
        "JOIN tags ON tags.id = tag_id WHERE tags.name = ?) "
        "ORDER BY day DESC, time DESC, id DESC LIMIT ?",
        (tag, LIMIT),
    ).fetchall()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from moodlog.ui.application import AppController, apply_style

    apply_style(app)
    vault, contents = ten_year_vault()
    controller = AppController(vault.path.parent)
    controller._open_session(vault)
    controller.context.now = lambda: NOW
    window = controller.main_window
    window.resize(1100, 760)
    journal = window.show_screen("Journal")
    for _ in range(20):
        app.processEvents()
    controller.preloader.stop()  # no idle-time work inside the timed part
    painted: list[float] = []
    original = journal.results.paintEvent

    def paint(event) -> None:  # noqa: ANN001
        original(event)
        painted.append(time.perf_counter())

    journal.results.paintEvent = paint

    def app_search(text: str, tag: str | None = None) -> float:
        journal.search_box.blockSignals(True)
        journal.search_box.setText(text)
        journal.search_box.blockSignals(False)
        journal.tag_box.blockSignals(True)
        journal.tag_box.setCurrentIndex(max(0, journal.tag_box.findData(tag)))
        journal.tag_box.blockSignals(False)
        app.processEvents()
        painted.clear()
        start = time.perf_counter()
        journal.run_search()
        while not painted:
            app.processEvents()
        return (painted[0] - start) * 1000

    header(f"Journal search, 10-year vault ({len(contents.entries)} entries), median of {TRIES}")
    app_search("warm up")
    for text in SEARCHES:
        hits = len(vault.entries.search(text, limit=LIMIT))
        app_ms, floor_ms = alternate(
            lambda text=text: app_search(text), lambda text=text: floor_query(vault, text), TRIES
        )
        row(f"search {text!r} ({hits} shown) + list (floor: its rows)", app_ms, floor_ms, TARGET)
        print(f"  ranges: app {spread(app_ms)} ms, floor {spread(floor_ms)} ms")
    hits = len(vault.entries.search("", ["exercise"], limit=LIMIT))
    app_ms, floor_ms = alternate(
        lambda: app_search("", "exercise"), lambda: floor_tag(vault, "exercise"), TRIES
    )
    row(f"tag 'exercise' ({hits} shown) + list (floor: its rows)", app_ms, floor_ms, TARGET)
    window.close()
    vault.close()


if __name__ == "__main__":
    main()
