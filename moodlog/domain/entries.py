"""Daily check-in entries."""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from dataclasses import dataclass, field

from moodlog.domain.errors import ValidationError, shown
from moodlog.wording import QT_TR_NOOP

SCALE_FIELDS = ("mood", "anxiety", "energy", "irritability", "sleep_quality")
FIELD_LABELS = {
    "mood": QT_TR_NOOP("Mood"),
    "anxiety": QT_TR_NOOP("Anxiety"),
    "energy": QT_TR_NOOP("Energy"),
    "irritability": QT_TR_NOOP("Irritability"),
    "sleep_hours": QT_TR_NOOP("Hours slept"),
    "sleep_quality": QT_TR_NOOP("Sleep quality"),
}
# The scales a person may hide from Today (mood, tags and the note are always asked).
OPTIONAL_DAILY_FIELDS = ("anxiety", "energy", "irritability", "sleep_hours", "sleep_quality")
BACKFILL_AFTER = dt.timedelta(hours=48)
MAX_NOTE_CHARS = 5_000_000
MAX_TAG_CHARS = 60  # a tag's name, on every screen and in every import
# Marks that turn the direction of the text around them (U+202E shows "gnilffab" for
# "baffling"): in a tag's name they could disguise it.
_DIRECTION_MARKS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


@functools.lru_cache(maxsize=4096)  # a journal has few tags, used on thousands of entries
def clean_tag(name: str) -> str:
    """A tag's name as the journal keeps it: trimmed, spaces evened out, control
    characters (a NUL, a line break) as spaces, without direction marks, and "" when
    nothing visible is left (only spaces, zero-width or combining characters). Review
    finding: a zero-width space, a NUL or a right-to-left override made a tag that could
    not be seen or read rightly, and stayed for good. Joiners inside an emoji are kept."""
    if name.isascii() and name.isprintable():  # the usual case, checked in C
        return " ".join(name.split())
    kept = "".join(
        " " if unicodedata.category(ch) == "Cc" else ch  # (a line break: a space)
        for ch in name
        if ch not in _DIRECTION_MARKS
    )
    kept = " ".join(kept.split())
    if not any(unicodedata.category(ch)[0] not in "ZCM" for ch in kept):
        return ""
    return kept


DEFAULT_TAGS = (
    "exercise",
    "therapy",
    "meditation",
    "social",
    "outdoors",
    "alcohol",
    "caffeine",
    "work stress",
    "poor appetite",
    "conflict",
    "creative",
    "rest day",
    "nature",
    "medication missed",
)


@dataclass
class Entry:
    """One check-in. ``None`` in an optional field means *not recorded*, never 0."""

    day: dt.date
    time: dt.time
    mood: int
    anxiety: int | None = None
    energy: int | None = None
    irritability: int | None = None
    sleep_hours: float | None = None
    sleep_quality: int | None = None
    tags: list[str] = field(default_factory=list)
    note: str = ""
    created_at: dt.datetime | None = None
    id: int | None = None

    @property
    def backfilled(self) -> bool:
        """Recorded more than 48 h after the end of the day it describes."""
        return is_backfilled(self.day, self.created_at)

    def validate(self) -> None:
        validate_entry(self)


def is_backfilled(day: dt.date, created_at: dt.datetime | None) -> bool:
    if created_at is None:
        return False
    end_of_day = dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
    return created_at - end_of_day > BACKFILL_AFTER


def validate_entry(entry: Entry) -> None:
    for name in SCALE_FIELDS + ("mood",):
        value = getattr(entry, name)
        if value is None and name != "mood":
            continue
        if value is None:
            raise ValidationError("Mood is required (0 = worst possible, 10 = best possible).")
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
            raise ValidationError(
                f"{FIELD_LABELS[name]} must be a whole number from 0 to 10 (got {shown(value)})."
            )
    hours = entry.sleep_hours
    if hours is not None:
        if isinstance(hours, bool) or not isinstance(hours, int | float):
            raise ValidationError(f"Hours slept must be a number (got {shown(hours)}).")
        if not 0 <= hours <= 24 or round(hours * 4) != hours * 4:
            raise ValidationError(
                f"Hours slept must be from 0 to 24 in quarter hours (got {shown(hours)})."
            )
    if not isinstance(entry.note, str):
        raise ValidationError("The note must be text.")
    if len(entry.note) > MAX_NOTE_CHARS:
        raise ValidationError(
            f"The note is too long ({len(entry.note):,} characters; "
            f"the limit is {MAX_NOTE_CHARS:,})."
        )
    for tag in entry.tags:
        # Stored as clean_tag gives it (a tab or a double space from an earlier version or
        # another app is evened out, not refused: diff review); refused when nothing is left.
        if not isinstance(tag, str) or not clean_tag(tag):
            raise ValidationError(
                f"A tag must be 1 to 60 characters of visible text (got {shown(tag)})."
                if isinstance(tag, str)
                else f"A tag must be text (got {type(tag).__name__})."
            )
        if len(tag) > MAX_TAG_CHARS:
            raise ValidationError(f"A tag must be 1 to 60 characters of text (got {shown(tag)}).")
