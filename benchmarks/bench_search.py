"""Journal search with its result list (issue 14, section 5), beside the rows fetch.

App: the Journal screen in the app's own main window (10-year demo vault): the search
text set, ``run_search()`` called (what the box's 150 ms typing pause then runs), timed
until the end of the first paint of the result list that draws results (a probe on the
list's item delegate tells; a paint before the list is laid out draws nothing, and an
earlier version of this benchmark stopped the clock at such an empty paint). Floor: ONE
query on the same encrypted vault and connection fetching exactly what the list shows
-- the matching entries' columns and each one's tags (``group_concat``), newest first,
the same limit -- through the same FTS5 index (or the tag index for a tag filter): what
any search of this vault costs before showing anything. The two alternate; figures are
medians. "dinner" matches ~380 notes of the 10-year vault: the list holds its limit, 300.

Printed too, without a target: (a) until the whole list is laid out (the app lays out
and paints a screenful first, the rest just after that paint); (b) the app against a
second floor that also paints: the same query, then a bare ``QListWidget`` (word wrap,
same size and style) showing the lines the app's first paint shows. For a short list
the paint is most of the cost, and the query-only floor (~0.1 ms) paints nothing.

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


def painted_probe(view):  # noqa: ANN001, ANN201
    """A delegate for ``view`` that counts the results it paints (``probe.painted``)."""
    from PySide6.QtWidgets import QStyledItemDelegate

    class Probe(QStyledItemDelegate):
        painted = 0

        def paint(self, painter, option, index) -> None:  # noqa: ANN001
            Probe.painted += 1
            super().paint(painter, option, index)

    probe = Probe(view)
    view.setItemDelegate(probe)
    return Probe


def main() -> None:
    from PySide6.QtWidgets import QApplication, QListWidget

    app = QApplication.instance() or QApplication([])
    from moodlog.ui.application import AppController, apply_style

    apply_style(app)
    vault, contents = ten_year_vault()
    controller = AppController(vault.path.parent)
    controller.open_session(vault)
    controller.context.now = lambda: NOW
    window = controller.main_window
    window.resize(1100, 760)
    journal = window.show_screen("Journal")
    for _ in range(20):
        app.processEvents()
    controller.preloader.stop()  # no idle-time work inside the timed part
    results = journal.results
    probe = painted_probe(results)
    painted: list[float] = []  # ends of paints that drew results
    complete: list[float] = []  # ... and of those with the whole list laid out
    original = results.paintEvent

    def paint(event) -> None:  # noqa: ANN001
        before = probe.painted
        original(event)
        if probe.painted > before:
            painted.append(time.perf_counter())
            if results._rest is None:
                complete.append(painted[-1])

    results.paintEvent = paint

    def app_search(text: str, tag: str | None = None, whole: list[float] | None = None) -> float:
        journal.search_box.blockSignals(True)
        journal.search_box.setText(text)
        journal.search_box.blockSignals(False)
        journal.tag_box.blockSignals(True)
        journal.tag_box.setCurrentIndex(max(0, journal.tag_box.findData(tag)))
        journal.tag_box.blockSignals(False)
        for _ in range(3):
            app.processEvents()
        painted.clear()
        complete.clear()
        start = time.perf_counter()
        journal.run_search()
        while not complete:
            app.processEvents()
        if whole is not None:
            whole.append((complete[0] - start) * 1000)
        return (painted[0] - start) * 1000

    # The second floor: the query, then a bare list showing what the app's first paint
    # shows, in a window of its own of the same size.
    bare = QListWidget()
    bare.setWordWrap(True)
    bare.resize(results.size())
    bare.show()
    bare_probe = painted_probe(bare)
    bare_painted: list[float] = []
    bare_original = bare.paintEvent

    def bare_paint(event) -> None:  # noqa: ANN001
        before = bare_probe.painted
        bare_original(event)
        if bare_probe.painted > before:
            bare_painted.append(time.perf_counter())

    bare.paintEvent = bare_paint

    def floor_shown(text: str, lines: list[str]) -> float:
        for _ in range(3):
            app.processEvents()
        bare_painted.clear()
        start = time.perf_counter()
        floor_query(vault, text)
        bare.clear()
        bare.addItems(lines)
        while not bare_painted:
            app.processEvents()
        return (bare_painted[0] - start) * 1000

    header(f"Journal search, 10-year vault ({len(contents.entries)} entries), median of {TRIES}")
    app_search("warm up")
    for text in SEARCHES:
        hits = len(vault.entries.search(text, limit=LIMIT))
        whole: list[float] = []
        app_ms, floor_ms = alternate(
            lambda text=text, whole=whole: app_search(text, whole=whole),
            lambda text=text: floor_query(vault, text),
            TRIES,
        )
        row(f"search {text!r} ({hits} found) + list (floor: its rows)", app_ms, floor_ms, TARGET)
        print(f"  ranges: app {spread(app_ms)} ms, floor {spread(floor_ms)} ms")
        first = results.shown_first
        lines = [results.item(row).text() for row in range(first)]
        shown_ms = [floor_shown(text, lines) for _ in range(TRIES)]
        row(f"  the same, floor: its rows + a bare list of {len(lines)} lines", app_ms, shown_ms)
        if hits > first:
            row(f"  the same, until all {hits} lines are laid out", whole, floor_ms)
    hits = len(vault.entries.search("", ["exercise"], limit=LIMIT))
    app_ms, floor_ms = alternate(
        lambda: app_search("", "exercise"), lambda: floor_tag(vault, "exercise"), TRIES
    )
    row(f"tag 'exercise' ({hits} shown) + list (floor: its rows)", app_ms, floor_ms, TARGET)
    window.close()
    vault.close()


if __name__ == "__main__":
    main()
