"""Entries: missing values, back-fill, big notes, tags and full-text search."""

from __future__ import annotations

import datetime as dt

import pytest

from moodlog.domain.entries import Entry, is_backfilled
from moodlog.domain.errors import ValidationError
from moodlog.vault.repositories import fts_query
from moodlog.vault.vault import Vault


def add(vault: Vault, note: str, day: dt.date = dt.date(2026, 4, 1), tags=(), mood=5) -> Entry:
    entry = Entry(day=day, time=dt.time(10), mood=mood, note=note, tags=list(tags))
    vault.entries.add(entry)
    return entry


def test_missing_fields_stay_missing_never_zero(vault: Vault):
    vault.entries.add(Entry(day=dt.date(2026, 4, 1), time=dt.time(8), mood=0))
    (loaded,) = vault.entries.between()
    assert loaded.mood == 0
    assert (
        loaded.anxiety,
        loaded.energy,
        loaded.irritability,
        loaded.sleep_hours,
        loaded.sleep_quality,
    ) == (None, None, None, None, None)


@pytest.mark.parametrize(
    "field, value",
    [
        ("mood", 11),
        ("mood", -1),
        ("anxiety", 10.5),
        ("energy", True),
        ("sleep_hours", 24.25),
        ("sleep_hours", 7.1),
        ("sleep_quality", 42),
        ("mood", None),
    ],
)
def test_out_of_range_values_are_rejected_with_a_message(vault: Vault, field, value):
    entry = Entry(day=dt.date(2026, 4, 1), time=dt.time(8), mood=5)
    setattr(entry, field, value)
    with pytest.raises(ValidationError) as info:
        vault.entries.add(entry)
    assert str(info.value)
    assert vault.entries.count() == 0


def test_backfill_is_more_than_48_hours_after_the_day():
    day = dt.date(2026, 4, 1)
    assert not is_backfilled(day, dt.datetime(2026, 4, 1, 23, 0))
    assert not is_backfilled(day, dt.datetime(2026, 4, 4, 0, 0))  # exactly 48 h after the day
    assert is_backfilled(day, dt.datetime(2026, 4, 4, 0, 1))


def test_backfilled_entry_is_marked(vault: Vault):
    vault.entries.add(
        Entry(
            day=dt.date(2026, 4, 1),
            time=dt.time(8),
            mood=5,
            created_at=dt.datetime(2026, 4, 10, 9, 0),
        )
    )
    assert vault.entries.between()[0].backfilled


def test_one_megabyte_note_with_emoji_and_rtl_round_trips(vault: Vault):
    note = ("שלום עולם مرحبا 🙂🌈 " * 30_000)[:1_000_000]
    add(vault, note)
    vault.close()
    from tests.conftest import PASSPHRASE

    with Vault.open(vault.path, PASSPHRASE) as reopened:
        assert reopened.entries.between()[0].note == note


def test_several_entries_a_day_and_the_daily_mean(vault: Vault):
    add(vault, "morning", mood=3)
    add(vault, "evening", mood=6)
    assert vault.entries.daily_mood() == {dt.date(2026, 4, 1): 4.5}


def test_search_finds_words_and_prefixes(vault: Vault):
    add(vault, "Walked by the river with Sam", day=dt.date(2026, 4, 1))
    add(vault, "Therapy was hard today", day=dt.date(2026, 4, 2))
    assert [e.day.day for e in vault.entries.search("river")] == [1]
    assert [e.day.day for e in vault.entries.search("walk")] == [1]
    assert [e.day.day for e in vault.entries.search("THERAPY hard")] == [2]
    assert vault.entries.search("river therapy") == []


@pytest.mark.parametrize(
    "typed",
    [
        '"',
        "'",
        "*",
        "NEAR",
        "OR",
        "AND",
        "NOT",
        "river OR",
        "NEAR(river sam)",
        "river*",
        '"unbalanced',
        "-river",
        "^",
        "note:river",
        "()",
        "river AND NOT",
        "%",
        "_",
    ],
)
def test_search_is_not_fooled_by_fts_syntax(vault: Vault, typed: str):
    add(vault, "Walked by the river with Sam")
    add(vault, "An OR and a NEAR in this note")
    results = vault.entries.search(typed)  # must not raise
    for entry in results:
        words = [
            w.lower()
            for w in fts_query(typed).replace('"', " ").replace("*", " ").split()
            if w != "AND"
        ]
        assert all(w in entry.note.lower() for w in words)


def test_search_by_operator_words_finds_them_as_words(vault: Vault):
    add(vault, "An OR and a NEAR in this note")
    add(vault, "nothing special")
    assert len(vault.entries.search("NEAR")) == 1
    assert len(vault.entries.search("or")) == 1


def test_search_filters_by_tag_and_date_range(vault: Vault):
    add(vault, "one", day=dt.date(2026, 4, 1), tags=["exercise"])
    add(vault, "two", day=dt.date(2026, 4, 5), tags=["exercise", "social"])
    add(vault, "three", day=dt.date(2026, 4, 9), tags=["social"])
    assert {e.note for e in vault.entries.search(tags=["exercise"])} == {"one", "two"}
    assert {
        e.note for e in vault.entries.search(first=dt.date(2026, 4, 5), last=dt.date(2026, 4, 9))
    } == {"two", "three"}
    assert {e.note for e in vault.entries.search(tags=["social"], last=dt.date(2026, 4, 5))} == {
        "two"
    }


def test_editing_a_note_updates_the_search_index(vault: Vault):
    entry = add(vault, "old words")
    entry.note = "fresh words"
    vault.entries.update(entry)
    assert vault.entries.search("old") == []
    assert len(vault.entries.search("fresh")) == 1
    vault.entries.delete(entry.id)
    assert vault.entries.search("fresh") == []


def test_tags_are_user_editable(vault: Vault):
    assert "exercise" in vault.tags.names()
    vault.tags.add("yoga")
    vault.tags.hide("alcohol")
    assert "yoga" in vault.tags.names() and "alcohol" not in vault.tags.names()
    assert "alcohol" in vault.tags.names(include_hidden=True)


def test_an_emoji_typed_alone_is_searched_for_as_typed(vault) -> None:  # noqa: ANN001
    """Tired-user review (stop 13): searching for "🙂" said "No entries match" (the search
    index keeps letters and digits only)."""
    import datetime as dt

    from moodlog.domain.entries import Entry

    day = dt.date(2026, 11, 1)
    vault.entries.add(Entry(day=day, time=dt.time(9), mood=7, note="a good walk 🙂 today"))
    vault.entries.add(Entry(day=day, time=dt.time(21), mood=4, note="a long walk 😞"))
    vault.entries.add(Entry(day=day, time=dt.time(22), mood=5, note="nothing to say"))
    assert [e.note for e in vault.entries.search("🙂")] == ["a good walk 🙂 today"]
    assert [e.note for e in vault.entries.search("walk 😞")] == ["a long walk 😞"]
    assert len(vault.entries.search("walk")) == 2
    assert vault.entries.search("🌧") == []


def test_a_word_inside_chinese_japanese_or_thai_text_is_found(vault: Vault) -> None:
    """Locale review: these scripts put no spaces between words; the index kept a whole
    run as one word, so "心情" did not find "今天心情很好" nor "疲れ" "今日は疲れました"."""
    day = dt.date(2026, 11, 1)
    notes = ["今天心情很好，但是很累", "今日は疲れました", "วันนี้เหนื่อยมาก", "a walk by the river"]
    for hour, note in enumerate(notes, start=8):
        vault.entries.add(Entry(day=day, time=dt.time(hour), mood=5, note=note))
    assert [e.note for e in vault.entries.search("心情")] == [notes[0]]
    assert [e.note for e in vault.entries.search("疲れ")] == [notes[1]]
    assert [e.note for e in vault.entries.search("เหนื่อย")] == [notes[2]]
    assert [e.note for e in vault.entries.search("心情 累")] == [notes[0]]  # every word
    assert vault.entries.search("心情 river") == []
    assert [e.note for e in vault.entries.search("riv")] == [notes[3]]  # as before
    assert vault.entries.search("快乐") == []


def test_a_thai_word_is_looked_for_whole_and_a_long_search_is_cut_not_refused(
    vault: Vault,
) -> None:
    """Diff review: Thai was split at its vowel marks, so "เหนื่อย" (tired) also found "a bird
    flies above the sea"; a search of over ~1000 words made SQLite refuse it ("Expression
    tree is too large": "Something went wrong"); "ketamine治疗" missed "Ketamine治疗"."""
    day = dt.date(2026, 11, 1)
    tired, bird = "วันนี้เหนื่อยมาก", "นกบินอยู่เหนือทะเล"
    for hour, note in enumerate((tired, bird, "Ketamine治疗第三次"), start=8):
        vault.entries.add(Entry(day=day, time=dt.time(hour), mood=5, note=note))
    assert [e.note for e in vault.entries.search("เหนื่อย")] == [tired]
    assert [e.note for e in vault.entries.search("ketamine治疗")] == ["Ketamine治疗第三次"]
    assert [e.note for e in vault.entries.search("「治疗」")] == ["Ketamine治疗第三次"]
    assert [e.note for e in vault.entries.search(" ".join(["治疗"] * 2000))] == [
        "Ketamine治疗第三次"
    ]
    assert vault.entries.search(" ".join(["walk"] * 2000)) == []
