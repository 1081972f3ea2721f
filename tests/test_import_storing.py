"""Storing an import (issue 14 section 5): a batch of entries puts its notes into the
search index in one statement instead of one trigger run per entry, and the search
index and its trigger come out exactly as they were meant to be, also after a failure."""

from __future__ import annotations

import datetime as dt

import pytest

from moodlog.domain.entries import Entry
from moodlog.domain.errors import ValidationError
from moodlog.vault import bulk
from moodlog.vault.vault import Vault

TRIGGER_SQL = "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?"


def entries(count: int, first_day: dt.date = dt.date(2026, 3, 1)) -> list[Entry]:
    return [
        Entry(
            day=first_day + dt.timedelta(days=n),
            time=dt.time(20, 0),
            mood=5,
            tags=["walk"] if n % 2 else [],
            note=f"evening number{n} by the river",
        )
        for n in range(count)
    ]


def index_is_consistent(vault: Vault) -> bool:
    """FTS5's own check of an external-content index against the entries table."""
    vault.conn.execute("INSERT INTO entries_fts (entries_fts) VALUES ('integrity-check')")
    return True


def test_a_batch_runs_no_trigger_per_entry_and_every_note_is_found(vault: Vault):
    before = vault.conn.execute(TRIGGER_SQL, ("entries_fts_insert",)).fetchone()[0]
    statements: list[str] = []
    vault.conn.set_trace_callback(statements.append)
    try:
        vault.entries.add_many(entries(40))
    finally:
        vault.conn.set_trace_callback(None)
    # SQLite's trace names the row's INSERT again for the trigger program and for the
    # statement inside it: a trigger run per entry shows each INSERT three times.
    inserts = [s for s in statements if s.startswith("INSERT INTO entries (")]
    assert len(inserts) == 40
    # The trigger is back, with the very same SQL, and still indexes a single entry.
    assert vault.conn.execute(TRIGGER_SQL, ("entries_fts_insert",)).fetchone()[0] == before
    vault.entries.add(entries(1, dt.date(2026, 5, 1))[0])
    assert len(vault.entries.search("river", limit=100)) == 41
    assert [e.note for e in vault.entries.search("number7")] == ["evening number7 by the river"]
    assert index_is_consistent(vault)


def test_a_failed_row_leaves_the_index_and_the_trigger_whole(vault: Vault):
    """A row the database refuses halfway through a batch, inside a transaction that
    goes on (the caller catches the error): the rows inserted before it are indexed and
    the trigger is back; the error is the database's own."""
    batch = entries(5)
    batch[3].mood = 11  # the table's CHECK refuses it (validation skipped: checked=True)
    with vault.transaction():
        with pytest.raises(Exception, match="CHECK"):
            vault.entries.add_many(batch, checked=True)
        vault.entries.add(entries(1, dt.date(2026, 6, 1))[0])
    assert vault.conn.execute(TRIGGER_SQL, ("entries_fts_insert",)).fetchone() is not None
    assert vault.entries.count() == 4  # three of the batch, then the single entry
    assert len(vault.entries.search("river")) == 4
    assert index_is_consistent(vault)


def test_a_rolled_back_import_leaves_the_schema_as_it_was(vault: Vault):
    schema = vault.conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    with pytest.raises(RuntimeError), vault.transaction():
        vault.entries.add_many(entries(10))
        raise RuntimeError("a later step failed")
    assert vault.conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall() == schema
    assert vault.entries.count() == 0
    vault.entries.add_many(entries(3))
    assert len(vault.entries.search("river")) == 3


def test_records_are_validated_unless_the_caller_just_did(vault: Vault):
    bad = entries(2)
    bad[1].mood = 12
    contents = bulk.load(vault)
    contents.entries = bad
    with pytest.raises(ValidationError, match="Mood"):
        bulk.store(vault, contents)
    assert vault.entries.count() == 0
