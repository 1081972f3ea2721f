"""Tired-user review (stop 13): a tag must be visible and read as typed."""

from __future__ import annotations

import datetime as dt

import pytest

from moodlog.domain.entries import Entry, clean_tag
from moodlog.domain.errors import ValidationError


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("yoga", "yoga"),
        ("  yoga ", "yoga"),
        ("work\nstress", "work stress"),
        ("a\x00b", "a b"),
        ("\u202eyoga", "yoga"),  # a right-to-left override would show "agoy"
        ("\u200b", ""),  # zero-width space: nothing to see
        ("\u0301", ""),  # a combining accent alone
        ("   ", ""),
        ("👩\u200d⚕️", "👩\u200d⚕️"),  # an emoji's joiner is part of it
        ("café", "café"),
    ],
)
def test_clean_tag(typed: str, kept: str) -> None:
    assert clean_tag(typed) == kept


@pytest.mark.parametrize("tag", ["\u200b", "\u202e", " \t "])
def test_entries_with_an_invisible_tag_are_refused(tag: str) -> None:
    entry = Entry(day=dt.date(2026, 11, 30), time=dt.time(9), mood=5, tags=[tag])
    with pytest.raises(ValidationError, match="visible text"):
        entry.validate()


def test_other_odd_tags_are_stored_clean(vault) -> None:  # noqa: ANN001
    """Diff review (stop 13): a tag an earlier version or another app stored with a tab,
    a double space or a narrow no-break space ("Soirée\u202f!", French typing) was
    refused; it is kept, evened out."""
    day = dt.date(2026, 11, 30)
    tags = ["a\tb", "work  stress", "Soirée\u202f!", "\u202eyoga"]
    entry = Entry(day=day, time=dt.time(9), mood=5, tags=tags)
    entry.validate()
    vault.entries.add(entry)
    (stored,) = vault.entries.on_day(day)
    assert sorted(stored.tags) == sorted(["a b", "work stress", "Soirée !", "yoga"])


def test_the_journal_keeps_tags_clean(vault) -> None:  # noqa: ANN001
    before = set(vault.tags.names())
    assert "qigong" not in before
    vault.tags.add("\u200b")
    vault.tags.add("\u202eqigong\x00")
    assert set(vault.tags.names()) - before == {"qigong"}
