"""The Journal's result list shows results in its first paint (issue 14 section 5) and a
new journal says what to do next (issue 15)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QStyledItemDelegate

from moodlog.domain.entries import Entry
from moodlog.preferences import Preferences
from moodlog.ui.context import AppContext
from tests.conftest import FakeClock
from tests.gui.test_journal_search import journal_screen

NOW = dt.datetime(2026, 3, 15, 21)


def add_walks(vault, count: int) -> None:  # noqa: ANN001
    first = dt.date(2025, 1, 1)
    vault.entries.add_many(
        [
            Entry(
                first + dt.timedelta(days=n),
                dt.time(19, 30),
                mood=n % 11,
                tags=["outdoors"],
                note=f"evening walk number {n} along the canal",
            )
            for n in range(count)
        ]
    )


class CountingDelegate(QStyledItemDelegate):
    """Counts the lines the list paints."""

    def __init__(self, parent) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.painted = 0

    def paint(self, painter, option, index) -> None:  # noqa: ANN001
        self.painted += 1
        super().paint(painter, option, index)


def test_the_first_paint_of_a_long_list_shows_results(qtbot, vault, data_dir: Path):
    """300 results: the first paint after the search draws lines (Qt's batched layout
    painted nothing until all 300 were laid out), then the whole list follows."""
    from moodlog.ui.journal import entry_summary

    add_walks(vault, 320)
    screen = journal_screen(qtbot, vault, data_dir)
    results = screen.results
    delegate = CountingDelegate(results)
    results.setItemDelegate(delegate)
    paints: list[int] = []  # lines drawn by each paint
    original = results.paintEvent

    def paint(event) -> None:  # noqa: ANN001
        before = delegate.painted
        original(event)
        paints.append(delegate.painted - before)

    results.paintEvent = paint
    screen.search_box.setText("canal")
    screen.run_search()
    assert results.count() == 300  # every result has its row at once
    first = results.shown_first
    assert 0 < first < 300
    assert [results.isRowHidden(r) for r in (0, first - 1, first, 299)] == [0, 0, 1, 1]
    qtbot.waitUntil(lambda: bool(paints), timeout=3000)
    assert paints[0] > 0  # the first paint drew results
    qtbot.waitUntil(lambda: not results.isRowHidden(299), timeout=3000)
    found = vault.entries.search("canal", limit=300)
    assert [results.item(r).text() for r in (0, first, 299)] == [
        entry_summary(found[r]) for r in (0, first, 299)
    ]
    assert not any(results.isRowHidden(r) for r in range(300))


def test_a_new_search_replaces_lines_still_to_be_written(qtbot, vault, data_dir: Path):
    add_walks(vault, 320)
    vault.entries.add(Entry(dt.date(2026, 3, 1), dt.time(9), mood=6, note="harbour swim"))
    screen = journal_screen(qtbot, vault, data_dir)
    screen.search_box.setText("canal")
    screen.run_search()  # 300 lines, most still to be written ...
    screen.search_box.setText("harbour")
    screen.run_search()  # ... when the next search comes
    qtbot.wait(50)
    assert screen.results.count() == 1
    assert screen.results.item(0).text().endswith("harbour swim")
    assert screen.result_days() == [dt.date(2026, 3, 1)]


def test_a_new_journal_says_how_to_write_the_first_entry(qtbot, vault, data_dir: Path):
    screen = journal_screen(qtbot, vault, data_dir)
    text = screen.results.item(0).text()
    assert text.startswith("No entries yet.")
    assert "Today" in text and "Ctrl+N" in text and "Ctrl+S" in text
    screen.search_box.setText("anything")  # searching an empty journal: the same help
    screen.run_search()
    assert screen.results.item(0).text() == text
    screen.results.itemClicked.emit(screen.results.item(0))
    assert screen.selected_day is None
    vault.entries.add(Entry(dt.date(2026, 3, 1), dt.time(9), mood=6, note="first"))
    screen.run_search()
    assert screen.results.item(0).text() == "No entries match."


def test_a_hidden_journal_writes_a_whole_screen_high_first(qtbot, vault, data_dir: Path):
    """Searched while hidden (a data change elsewhere), the list cannot know its height:
    it writes lines for a whole screen's height, so that its first paint is never a
    few lines at the top of an empty list."""
    from moodlog.ui.journal import JournalScreen

    add_walks(vault, 320)
    context = AppContext(
        vault=vault, data_dir=data_dir, preferences=Preferences(country="US"), now=FakeClock(NOW)
    )
    screen = JournalScreen(context)
    qtbot.addWidget(screen)
    assert not screen.isVisible()
    screen.search_box.setText("canal")
    screen.run_search()
    results = screen.results
    height = results.screen().availableGeometry().height()
    line = results.fontMetrics().lineSpacing()
    written = sum(results.item(r).text().count("\n") + 1 for r in range(results.shown_first))
    assert written * line + results.shown_first * 2 * results.spacing() > height


def test_a_row_reached_by_keyboard_before_the_rest_is_written_stays_current(
    qtbot, vault, data_dir: Path
):
    """Review finding: End pressed before the first paint selected a row not yet written;
    writing the rest removed it and left no current row."""
    add_walks(vault, 320)
    screen = journal_screen(qtbot, vault, data_dir)
    results = screen.results
    screen.search_box.setText("canal")  # no event processed: the rest is not written yet
    assert results._rest is not None
    last = results.count() - 1
    results.setCurrentRow(last)  # where End or a row number takes it
    results.show_all()
    assert results.currentRow() == last
    assert "canal" in results.item(last).text()
