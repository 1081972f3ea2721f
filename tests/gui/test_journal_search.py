"""The Journal's result list after the search-speed work (issue 14): every result is
listed (laid out in batches), each line reads as before, and choosing one opens its day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt

from moodlog.domain.entries import Entry
from moodlog.preferences import Preferences
from moodlog.ui.context import AppContext
from tests.conftest import FakeClock

NOW = dt.datetime(2026, 3, 15, 21)


def journal_screen(qtbot, vault, data_dir: Path):  # noqa: ANN201
    from moodlog.ui.journal import JournalScreen

    context = AppContext(
        vault=vault, data_dir=data_dir, preferences=Preferences(country="US"), now=FakeClock(NOW)
    )
    screen = JournalScreen(context)
    qtbot.addWidget(screen)
    screen.resize(900, 700)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def test_every_match_is_listed_newest_first_and_reads_as_before(qtbot, vault, data_dir: Path):
    first = dt.date(2025, 11, 1)
    for offset in range(60):  # more than one layout batch
        vault.entries.add(
            Entry(
                first + dt.timedelta(days=offset),
                dt.time(8, 5),
                mood=offset % 11,
                energy=4,
                sleep_hours=7.5,
                note=f"walked to the harbour {offset}",
                tags=["outdoors", "exercise"],
                created_at=dt.datetime.combine(first + dt.timedelta(days=offset), dt.time(8, 5)),
            )
        )
    vault.entries.add(Entry(first, dt.time(9), mood=5, note="stayed in"))
    screen = journal_screen(qtbot, vault, data_dir)
    qtbot.keyClicks(screen.search_box, "harbour")
    expected = [first + dt.timedelta(days=offset) for offset in range(59, -1, -1)]
    qtbot.waitUntil(lambda: screen.result_days() == expected, timeout=3000)
    assert screen.results.count() == 60
    newest = first + dt.timedelta(days=59)
    # Day and clock in the locale's words (issue 15): en_US here, "8:05 AM".
    from moodlog.i18n import date_text, time_text

    assert screen.results.item(0).text() == (
        f"{date_text(newest, 'ddd d MMM yyyy')} {time_text(dt.time(8, 5))} "
        f"\N{MIDDLE DOT} mood {59 % 11} "
        "\N{MIDDLE DOT} energy 4 \N{MIDDLE DOT} slept 7.5 h\n"
        "Tags: exercise, outdoors\nwalked to the harbour 59"
    )


def test_choosing_a_result_opens_its_day_and_the_no_match_line_does_nothing(
    qtbot, vault, data_dir: Path
):
    vault.entries.add(Entry(dt.date(2026, 3, 2), dt.time(20), mood=6, note="lighthouse walk"))
    vault.entries.add(Entry(dt.date(2026, 3, 9), dt.time(20), mood=3, note="lighthouse again"))
    screen = journal_screen(qtbot, vault, data_dir)
    qtbot.keyClicks(screen.search_box, "lighthouse")
    qtbot.waitUntil(lambda: len(screen.result_days()) == 2, timeout=3000)
    rect = screen.results.visualItemRect(screen.results.item(1))
    qtbot.mouseClick(screen.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert screen.selected_day == dt.date(2026, 3, 2)
    assert screen.day_entries.count() == 1

    screen.search_box.setText("nothing like this")
    qtbot.waitUntil(lambda: screen.result_days() == [], timeout=3000)
    assert screen.results.item(0).text() == "No entries match."
    rect = screen.results.visualItemRect(screen.results.item(0))
    qtbot.mouseClick(screen.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert screen.selected_day == dt.date(2026, 3, 2)  # unchanged


def test_a_very_long_note_shows_its_beginning_in_the_days_list(
    qtbot, vault, data_dir: Path
) -> None:
    """Tired-user review (stop 13): a 1 MB note took 2.8 s to lay out each time its day
    was chosen; the day's list shows its first 2,000 characters and how to read all
    (20,000 until the night review: the day's other entries were screens further down)."""
    from moodlog.domain.entries import Entry
    from moodlog.ui.journal import DAY_LIST_NOTE_CHARS

    day = NOW.date()
    long_note = "all of it, " * 100_000  # 1.1 million characters
    vault.entries.add(Entry(day=day, time=dt.time(9), mood=5, note=long_note))
    vault.entries.add(Entry(day=day, time=dt.time(21), mood=6, note="short"))
    screen = journal_screen(qtbot, vault, data_dir)
    screen.select_day(day)
    texts = [screen.day_entries.item(row).text() for row in range(screen.day_entries.count())]
    (long_text,) = [text for text in texts if "all of it" in text]
    assert DAY_LIST_NOTE_CHARS == 2_000 and len(long_text) < DAY_LIST_NOTE_CHARS + 200
    assert long_text.rstrip().endswith("(1,098,000 more characters: Edit shows the whole note)")
    assert any(text.endswith("\nshort") for text in texts)
    assert vault.entries.on_day(day)[0].note == long_note  # only the view is shortened
