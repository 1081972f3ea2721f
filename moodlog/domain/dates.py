"""The one range of dates a record may carry, for every kind, screen and import.

From 1900-01-01 (old diaries brought in from other apps) to 5 years after today (a
session may be booked ahead). A date the app lets someone save is one its own export
can be imported with (review finding: a medication dated 2062 by a typo made the
whole JSON export refused on import), and a dialog shows a stored date as it is (one
before 1990 was moved to 1 Jan 1990 by the editor).
"""

from __future__ import annotations

import datetime as dt

from moodlog.domain.errors import ValidationError

EARLIEST_DAY = dt.date(1900, 1, 1)
YEARS_AHEAD = 5


def latest_day(today: dt.date | None = None) -> dt.date:
    """5 years after ``today`` (the 28th at the latest, so no 29 February is needed)."""
    today = today or dt.date.today()
    return dt.date(today.year + YEARS_AHEAD, today.month, min(today.day, 28))


def check_day(day: dt.date, what: str) -> None:
    """Refuse ``day`` outside :data:`EARLIEST_DAY` .. :func:`latest_day`, naming
    ``what`` ("The session date")."""
    latest = latest_day()
    if not EARLIEST_DAY <= day <= latest:
        raise ValidationError(
            f"{what} {day.isoformat()} is not plausible: it must be from "
            f"{EARLIEST_DAY.isoformat()} to {latest.isoformat()}."
        )
