"""Tags of a saved entry are looked up in one query (issue 14 §2), with the same ids,
the same new tags and the same case-insensitive matching as one look-up per tag."""

from __future__ import annotations

import datetime as dt

from moodlog.domain.entries import Entry
from moodlog.vault.vault import Vault


def _entry(tags: list[str]) -> Entry:
    return Entry(day=dt.date(2026, 11, 1), time=dt.time(21, 0), mood=6, tags=tags)


def _statements(vault: Vault, tags: list[str]) -> tuple[int, list[str]]:
    statements: list[str] = []
    vault.conn.set_trace_callback(statements.append)
    try:
        entry_id = vault.entries.add(_entry(tags))
    finally:
        vault.conn.set_trace_callback(None)
    return entry_id, [s for s in statements if not s.startswith("--")]


def test_known_tags_cost_one_look_up(vault: Vault):
    vault.tags.add("exercise")
    vault.tags.add("outdoors")
    entry_id, statements = _statements(vault, ["exercise", "outdoors"])
    tag_statements = [s for s in statements if "tags" in s and "entries_fts" not in s]
    # one SELECT for both tags, then the two links
    assert len([s for s in tag_statements if s.startswith("SELECT")]) == 1
    assert not [s for s in tag_statements if s.startswith("INSERT INTO tags")]
    assert sorted(vault.entries.get(entry_id).tags) == ["exercise", "outdoors"]


def test_new_duplicate_and_differently_cased_tags(vault: Vault):
    vault.tags.add("Yoga")
    vault.tags.hide("Yoga")
    before = set(vault.tags.names(include_hidden=True))
    entry_id = vault.entries.add(_entry(["yoga", " piano ", "piano", "YOGA", "walk"]))
    # "yoga" matched the existing (hidden) "Yoga" without renaming or showing it again
    assert set(vault.tags.names(include_hidden=True)) == before | {"piano", "walk"}
    assert "Yoga" not in vault.tags.names()
    assert sorted(vault.entries.get(entry_id).tags) == ["Yoga", "piano", "walk"]
    (links,) = vault.conn.execute(
        "SELECT count(*) FROM entry_tags WHERE entry_id = ?", (entry_id,)
    ).fetchone()
    assert links == 3


def test_update_replaces_the_tags(vault: Vault):
    entry = _entry(["a", "b"])
    vault.entries.add(entry)
    entry.tags = ["b", "c"]
    vault.entries.update(entry)
    assert sorted(vault.entries.get(entry.id).tags) == ["b", "c"]
    entry.tags = []
    vault.entries.update(entry)
    assert vault.entries.get(entry.id).tags == []
