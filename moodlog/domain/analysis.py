"""Trend and treatment-response analysis: pure functions on domain records.

Every figure the Trends screen and the PDF report show comes from here, so both
always agree. Definitions (each function's docstring repeats its own):

* **Daily series**: the mean of the day's entries. A day without entries is
  missing (a gap): never 0, never interpolated.
* **7-day mean** (the line on the mood charts; not the PDF's "trend within this
  period", a fitted line, see :mod:`moodlog.domain.period`): for each calendar day,
  the mean of the daily values present in the 7 days ending that day, when at least 3
  of those 7 days are present.
* **Per session** (ketamine/esketamine sessions that have happened): day 0 is the
  session day. Baseline = mean daily mood of the days -7..-1 that are not inside an
  earlier session's +1..+7 window (needs 3 days; with fewer left because of that,
  that is, when the whole days -7..-1 have 3 or more, "baseline overlaps previous
  session", else "not enough data"). Change at day +1 = mood(+1) - baseline.
  Window changes for +1..+3, +4..+7 and +8..+14 = mean of the days present minus
  baseline; each window (and day +1) stops before the next session's day, and says
  "to next session" when cut short ("after next session" when it would start only
  then); a window needs a third of the days it keeps (1 of 3, 2 of 4, 3 of 7).
  Durability = days from the session until the 3-day trailing mean (days after the
  session only, at least 2 of 3 days present, 1 for days +1 and +2) is at or below
  the baseline after having been above it; "no rise above baseline" (0 days) when
  none of the means on days +1..+4 is above it and the one on day +4 (of days +2..+4),
  or when it is missing the first one after it up to day +7, is at or below it (each
  leaves day +1 out, so a low day +1 alone, a tired day after the session, is not "no
  rise"); "still above at next session" / "still above so far" (censored: at least the
  last day it was seen above) when the next ketamine session or the end of the data
  comes first, "still above when entries became too few to tell" (censored the same way) when more
  than a week without a 3-day mean (more than 7 days in a row without one, each needing
  a mood on 2 of its 3 days: no entries, or too few) comes
  first; "not above baseline before next session" / "not above baseline so far"
  (no duration) when the next session or the end of the data comes before such a mean,
  with means none of them above yet;
  "not enough data" without a baseline, or with no mean above and none from day +4 to
  day +7.
  :data:`SESSION_WINDOW_RULES` says this in plain words.
* **Around-sessions chart**: each session's days -7..+14 by the same rule (its days
  before it only those its baseline may use, its days after it only up to the day
  before the next session); the mean line per day offset over the sessions with a
  value that day, two sessions on one day counting once (:func:`one_session_a_day`).
  :data:`AROUND_CHART_RULE` says this in plain words.
* **Course** (PHQ-9, and GAD-7 for change and band): the one baseline rule
  (:func:`course_baseline`), used by the questionnaire dialog, Trends and the PDF:
  the result marked as baseline, else the last result in the 30 days before the
  first session of the current course (a gap of more than 90 days starts a new
  course), else no baseline ("no pre-treatment baseline"). Never a result of an
  earlier course or after the current course's first session. Latest = the last
  scored result taken at or after the current course's first session (without any
  session, the last scored result); with none since that session yet, no change,
  response or remission is stated ("no result since the first session"), never a
  change between two results taken before treatment. Percent change = (latest -
  baseline) / baseline. Response: latest <= 50% of baseline; remission: latest < 5
  (PHQ-9); both stated only when the baseline is >= 10 ("not applicable (baseline
  below 10)") and only from results at least 14 days after the baseline. Each also
  reports the date it was first reached (the first such result meeting it).
  :data:`OUTCOME_DEFINITIONS` says this in plain words.
* **Tag comparison**: mean daily mood on days with vs without a tag, only when
  there are at least 3 days of each.
* **Sleep vs next-day mood**: pairs (mean hours slept recorded on day d, mean mood
  on day d+1); Pearson r with the number of pairs, when there are at least 10.
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from moodlog.domain.entries import Entry
from moodlog.domain.questionnaires import PHQ9, QuestionnaireResult, band
from moodlog.domain.treatments import Treatment, split_into_courses
from moodlog.wording import QT_TR_NOOP, Formatting, formatting

Series = dict[dt.date, float]
# the UI passes moodlog.locale_words.LOCALE (tr with the locale's numbers and dates) or
# moodlog.i18n.tr; the domain has no Qt
Translate = Callable[[str], str] | Formatting


def _untranslated(text: str) -> str:
    return text


DAY = dt.timedelta(days=1)
WINDOWS = ((1, 3), (4, 7), (8, 14))

# Printed beside every response/remission figure (Trends, PDF page 1, questionnaire dialog).
OUTCOME_DEFINITIONS = QT_TR_NOOP(
    "Baseline: the PHQ-9 marked as baseline, if taken before the first session of the "
    "current course and after any earlier course (a mark on another is not used), "
    "otherwise the last one in the 30 days before that first session; without one, no "
    "response or remission is stated. Change, response and remission use the latest result "
    "since that first session (none before it). Response = at least 50% lower than baseline; "
    "remission = PHQ-9 below 5; both only when the baseline is 10 or more, and only for "
    "results at least 14 days after the baseline (the PHQ-9 asks about the last 2 weeks)."
)
# Printed beside every per-session figure (Trends > Around sessions, PDF footnote).
SESSION_WINDOW_RULES = QT_TR_NOOP(
    "Per session: baseline = mean mood of the 7 days before it, leaving out days 1-7 after "
    'an earlier session (needs 3 days, else "baseline overlaps previous session" when leaving '
    'those out is why, otherwise "not enough data"); each '
    "window (+1..+3, +4..+7, +8..+14 days) stops at the next session and needs a mood on a "
    "third of the days it keeps. Days are calendar days (a mood at 01:30 after a 23:30 "
    "session is on day +1). Durability = days "
    "until the 3-day mean, once above baseline, is back at it, or "
    '"no rise above baseline" when none of the 3-day means on days +1 to +4 is above it '
    "(the one on day +4, or the next one by day +7, leaves day +1 out: a low day +1 alone "
    'is not "no rise"; with none by day +7, "not enough data"). "Still above ... (at least '
    'N days)", N the last day it was seen above: when the next session, the end of the '
    "data, or more than 7 days in a row without a 3-day mean (each needs a mood on 2 of "
    "its 3 days) came first."
)
# Printed in the mood charts' keys (Trends > Over time, the PDF's charts).
SEVEN_DAY_MEAN_RULE = QT_TR_NOOP(
    "7-day mean: the mean of the days with a mood among the 7 ending that day, drawn when "
    "at least 3 of them have one."
)
T = TypeVar("T")

# Printed beside every around-sessions chart (Trends > Around sessions, PDF).
AROUND_CHART_RULE = QT_TR_NOOP(
    "Each faint line is one session at day 0, on the table's days: before it, none 1-7 "
    "days after an earlier session; after it, up to the day before the next. Bold: the "
    "mean where at least 2 sessions have a mood that day (their number varies; sessions "
    "on one day count once); band: one standard deviation. No mood: a gap."
)


def daily_series(entries: Iterable[Entry], field: str = "mood") -> Series:
    """Mean of ``field`` over each day's entries; days (or values) missing are absent."""
    sums: dict[dt.date, float] = defaultdict(float)
    counts: dict[dt.date, int] = defaultdict(int)
    for entry in entries:
        value = getattr(entry, field)
        if value is None:
            continue
        sums[entry.day] += value
        counts[entry.day] += 1
    return {day: sums[day] / counts[day] for day in sorted(sums)}


def by_ordinal(series: Series) -> dict[int, float]:
    """The same values keyed by ``date.toordinal()``: day arithmetic on ints is several
    times cheaper than on dates, which matters over ten years of days."""
    return {day.toordinal(): value for day, value in series.items()}


def trailing_mean(series: Series, window: int = 7, min_days: int = 3) -> Series:
    """Mean of the values present in the ``window`` days ending on each calendar day,
    for days with at least ``min_days`` present; from the first to the last day."""
    if not series:
        return {}
    values = by_ordinal(series)
    result: dict[int, float] = {}
    total, count = 0.0, 0
    for day in range(min(values), max(values) + 1):
        arriving = values.get(day)
        if arriving is not None:
            total += arriving
            count += 1
        leaving = values.get(day - window)
        if leaving is not None:
            total -= leaving
            count -= 1
        if count >= min_days:
            result[day] = total / count
    return {dt.date.fromordinal(day): mean for day, mean in result.items()}


def _mean_of_days(values: dict[int, float], first: int, last: int, needed: int) -> float | None:
    """Mean of the values present on the ordinal days ``first``..``last``, when there
    are at least ``needed`` of them."""
    found = [v for day in range(first, last + 1) if (v := values.get(day)) is not None]
    return sum(found) / len(found) if len(found) >= needed else None


@dataclass(frozen=True)
class SessionResponse:
    session: Treatment
    baseline: float | None
    day1_change: float | None
    window_changes: tuple[float | None, float | None, float | None]  # +1..3, +4..7, +8..14
    durability_days: int | None
    # "days", "no_rise", "above_at_next_session", "above_so_far", "above_before_gap",
    # "no_baseline", "not_enough_data", "not_above_at_next_session", "not_above_so_far"
    durability_status: str
    # "ok", "overlaps_previous_session" or "not_enough_data"
    baseline_status: str = "ok"
    # per window: "full", "cut" (stops at the next session), "after_next_session"
    window_status: tuple[str, str, str] = ("full", "full", "full")
    # for a censored durability: the last day after the session the mood was still
    # seen above the baseline ("at least N days")
    censored_days: int | None = None

    @property
    def baseline_text(self) -> str:
        return self.baseline_words(_untranslated)

    def baseline_words(self, translate: Translate = _untranslated) -> str:
        """:attr:`baseline_text` translated, its number the locale's way."""
        if self.baseline is not None:
            return formatting(translate).number(self.baseline, 1)
        if self.baseline_status == "overlaps_previous_session":
            return translate(QT_TR_NOOP("baseline overlaps previous session"))
        return "\N{EN DASH}"

    def day1_text(self, translate: Translate = _untranslated) -> str:
        """The change at day +1, signed ("+1.5"), or an en dash."""
        if self.day1_change is None:
            return "\N{EN DASH}"
        return formatting(translate).signed(self.day1_change, 1)

    def window_text(self, index: int, translate: Translate = _untranslated) -> str:
        """A window's change, "+1.5 (to next session)" when the next session cut it
        short, "after next session" when it starts only after the next session."""
        status = self.window_status[index]
        if status == "after_next_session":
            return translate(QT_TR_NOOP("after next session"))
        change = self.window_changes[index]
        text = "\N{EN DASH}" if change is None else formatting(translate).signed(change, 1)
        if status == "cut":
            return translate(QT_TR_NOOP("{change} (to next session)")).format(change=text)
        return text

    @property
    def durability_text(self) -> str:
        return self.durability_words()

    def durability_words(self, translate: Translate = _untranslated) -> str:
        """:attr:`durability_text`, each wording through ``translate`` (the UI passes
        ``moodlog.i18n.tr``) before the days are filled in."""
        status = self.durability_status
        if status == "days":
            if self.durability_days == 1:
                return translate(QT_TR_NOOP("1 day"))
            return translate(QT_TR_NOOP("{days} days")).format(days=self.durability_days)
        if status in CENSORED_STATUSES:
            plain, at_least = DURABILITY_WORDING[status]
            if not self.censored_days:
                return translate(plain)
            days = (
                translate(QT_TR_NOOP("1 day"))
                if self.censored_days == 1
                else translate(QT_TR_NOOP("{days} days")).format(days=self.censored_days)
            )
            return translate(at_least).format(days=days)
        return translate(DURABILITY_WORDING[status][0])

    @property
    def duration(self) -> tuple[int, bool] | None:
        """(days, censored) for the booster-timing figure: an end at ``days`` after the
        session (0 without a rise), or, censored, still above after ``days`` days;
        None when the session gives no figure."""
        if self.durability_status in ("days", "no_rise"):
            return (self.durability_days or 0), False
        if self.durability_status in CENSORED_STATUSES:
            return (self.censored_days or 0), True
        return None


# durability_words per status: (the words, with "at least N days" for a censored one)
DURABILITY_WORDING: dict[str, tuple[str, str]] = {
    "no_rise": (QT_TR_NOOP("no rise above baseline"), ""),
    "above_at_next_session": (
        QT_TR_NOOP("still above at next session"),
        QT_TR_NOOP("still above at next session (at least {days})"),
    ),
    "above_so_far": (
        QT_TR_NOOP("still above so far"),
        QT_TR_NOOP("still above so far (at least {days})"),
    ),
    # more than UNSEEN_DAYS_END_SIGHT days without a 3-day mean after the last one above
    # (clinician review: five weeks without entries counted as five weeks still above)
    "above_before_gap": (
        QT_TR_NOOP("still above when entries became too few to tell"),
        QT_TR_NOOP("still above when entries became too few to tell (at least {days})"),
    ),
    "no_baseline": (QT_TR_NOOP("no baseline"), ""),
    "not_enough_data": (QT_TR_NOOP("not enough data"), ""),
    # the next session or the end of the data before the rise is decided (day +4, or
    # the next mean by day +7), with no mean above yet
    "not_above_at_next_session": (QT_TR_NOOP("not above baseline before next session"), ""),
    "not_above_so_far": (QT_TR_NOOP("not above baseline so far"), ""),
}
# durability statuses whose duration is censored: "at least" the last day seen above
CENSORED_STATUSES = ("above_at_next_session", "above_so_far", "above_before_gap")
PREVIOUS_SESSION_WINDOW = (1, 7)  # days after a session left out of the next baseline
# A rise is looked for in the 3-day means of days +1..+4: the one on day +4 (days +2..+4)
# leaves day +1 out, so a low day +1 alone (a tired day after a session is common) is
# never "no rise" (clinician reviews: with day +1 in every mean looked at, it still was)
RISE_WITHIN_DAYS = 4
# ... and when that day's mean is missing (a mood every other day), the first mean
# after it up to day +7 decides (each leaves day +1 out); none by then: not enough data
# (final diff review: odd-day loggers' lows were dropped while their rises counted)
RISE_DECIDED_BY = 7
# After the last 3-day mean above the baseline, more than this many days in a row without
# a 3-day mean (the mood not logged for about a week) end the sight of the rise: the
# duration is censored at the last day seen above ("above_before_gap"), not counted on
# through the gap to whenever entries resume (clinician review: one session, mood 7 on
# days +1..+3, nothing for five weeks, then 4 read "39 days"). Shorter gaps count on.
UNSEEN_DAYS_END_SIGHT = 7


def past_sessions(treatments: Iterable[Treatment], now: dt.datetime) -> list[Treatment]:
    """Ketamine/esketamine sessions that have happened by ``now``, in order."""
    return sorted(
        (t for t in treatments if t.kind_info.ketamine and not t.is_appointment(now)),
        key=lambda t: t.starts_at,
    )


def session_responses(
    series: Series, treatments: Iterable[Treatment], now: dt.datetime
) -> list[SessionResponse]:
    """Response of daily mood around each past ketamine/esketamine session.

    Baseline: mean mood of days -7..-1 that are not inside an earlier session's
    +1..+7 window (needs 3 days; else "overlaps previous session" when the days left
    out are what took it below 3, or "not enough data"). Each window (+1..+3, +4..+7, +8..+14) and
    day +1 stop before the next session's day; a window needs a third of the days it
    keeps. Durability: see :func:`_durability`. Days after ``now``'s are left out (a
    mood dated tomorrow, saved on a phone in a zone ahead: figures review, it ended a
    duration in Trends, Today and ``insights`` that the PDF of the period ending today
    still counted as going on).
    """
    sessions = past_sessions(treatments, now)
    today = now.date().toordinal()
    values = {day: value for day, value in by_ordinal(series).items() if day <= today}
    last_data_day = max(values) if values else None
    session_days = [s.day.toordinal() for s in sessions]
    results = []
    for index, session in enumerate(sessions):
        day0 = session_days[index]
        earlier, next_day = _neighbours(session_days, index)
        baseline, baseline_status = _session_baseline(values, day0, earlier)
        stop = None if next_day is None else next_day - 1  # the next session's day is its own
        day1 = values.get(day0 + 1) if stop is None or day0 + 1 <= stop else None
        day1_change = None if baseline is None or day1 is None else day1 - baseline
        changes: list[float | None] = []
        statuses: list[str] = []
        for first, last in WINDOWS:
            if stop is not None and day0 + first > stop:
                changes.append(None)
                statuses.append("after_next_session")
                continue
            end = day0 + last if stop is None else min(day0 + last, stop)
            statuses.append("full" if end == day0 + last else "cut")
            needed = math.ceil((end - day0 - first + 1) / 3)
            mean = _mean_of_days(values, day0 + first, end, needed)
            changes.append(None if baseline is None or mean is None else mean - baseline)
        if baseline is None and baseline_status == "overlaps_previous_session":
            status, days, censored = "no_baseline", None, None
        else:
            status, days, censored = _durability(values, day0, baseline, next_day, last_data_day)
        results.append(
            SessionResponse(
                session,
                baseline,
                day1_change,
                (changes[0], changes[1], changes[2]),
                days,
                status,
                baseline_status,
                (statuses[0], statuses[1], statuses[2]),
                censored,
            )
        )
    return results


def _neighbours(session_days: list[int], index: int) -> tuple[list[int], int | None]:
    """(the earlier sessions whose +1..+7 window can reach into session ``index``'s days
    -7..-1, the day of the next session on a later day) for ordinals in time order."""
    day0 = session_days[index]
    # only sessions up to 14 days earlier have a +1..+7 window inside days -7..-1
    earlier = session_days[bisect_left(session_days, day0 - 14, 0, index) : index]
    next_day = next((d for d in session_days[index + 1 :] if d > day0), None)
    return earlier, next_day


def _baseline_days(day0: int, earlier_sessions: list[int]) -> list[int]:
    """Days -7..-1 of the session on ``day0`` outside every earlier session's +1..+7."""
    first, last = PREVIOUS_SESSION_WINDOW
    excluded = {d for s in earlier_sessions for d in range(s + first, s + last + 1)}
    return [d for d in range(day0 - 7, day0) if d not in excluded]


def _session_baseline(
    values: dict[int, float], day0: int, earlier_sessions: list[int]
) -> tuple[float | None, str]:
    """Mean mood of days -7..-1 outside every earlier session's +1..+7 window; without
    3 such days, "overlaps_previous_session" only when the whole days -7..-1 have 3
    moods or more (the overlap removed them), else "not_enough_data" (sparse logging,
    clinician review)."""
    days = _baseline_days(day0, earlier_sessions)
    found = [v for d in days if (v := values.get(d)) is not None]
    if len(found) >= 3:
        return sum(found) / len(found), "ok"
    logged = sum(1 for d in range(day0 - 7, day0) if d in values)
    return None, ("overlaps_previous_session" if logged >= 3 else "not_enough_data")


def _durability(
    values: dict[int, float],
    day0: int,
    baseline: float | None,
    next_session: int | None,
    last_data_day: int | None,
) -> tuple[str, int | None, int | None]:
    """(status, days, censored days): days (ordinals) from ``day0`` until the 3-day
    trailing mean of the days after the session (at least 2 of 3 days present, 1 for
    days +1 and +2) is at or below ``baseline`` after it was above it. Whether it rose
    is seen in the means of days +1..+``RISE_WITHIN_DAYS``: "no_rise" (0 days) when
    none is above and the one on day +4 (days +2..+4, which leaves day +1 out), or
    when it is missing the first one after it up to day +``RISE_DECIDED_BY``, is at or
    below; "not_enough_data" when there is none by then (nothing to tell a rise
    from). Censored at the last day seen above when the next session, the end of the
    data, or more than a week without a 3-day mean (more than ``UNSEEN_DAYS_END_SIGHT`` days
    in a row without a 3-day mean after the last one above: "above_before_gap") comes
    first; when the next session or the end of the data comes before such a mean, after
    means none above: "not_above_at_next_session" / "not_above_so_far" (no duration)."""
    if baseline is None or last_data_day is None or last_data_day <= day0:
        return "not_enough_data", None, None
    last_above: int | None = None
    seen_low = False  # a mean at or below the baseline before day +4, passed over
    for offset in range(1, last_data_day - day0 + 1):
        day = day0 + offset
        if next_session is not None and day >= next_session:
            if last_above is None:
                return ("not_above_at_next_session" if seen_low else "not_enough_data"), None, None
            return "above_at_next_session", None, last_above
        needed = 1 if offset < 3 else 2
        mean = _mean_of_days(values, day0 + max(1, offset - 2), day, needed)
        if mean is None:
            if last_above is None and offset == RISE_DECIDED_BY:
                return "not_enough_data", None, None  # no mean without day +1 up to here
            if last_above is not None and offset - last_above > UNSEEN_DAYS_END_SIGHT:
                return "above_before_gap", None, last_above  # not seen since: censored
            continue
        if mean <= baseline:
            if last_above is not None:
                return "days", offset, None
            if offset >= RISE_WITHIN_DAYS:  # the first mean without day +1: not above
                return "no_rise", 0, None
            seen_low = True
            continue
        last_above = offset
    if last_above is None:
        return ("not_above_so_far" if seen_low else "not_enough_data"), None, None
    return "above_so_far", None, last_above


def session_curves(
    series: Series, sessions: list[Treatment], first: int = -7, last: int = 14
) -> list[dict[int, float]]:
    """For the around-sessions charts: each session's daily mood by day offset
    (``first``..``last``), by the rule of :func:`session_responses`
    (:data:`AROUND_CHART_RULE`): a day before the session only if its baseline may use
    it (not 1-7 days after an earlier session), the session's own day, and a day after
    it only before the next session's day. ``sessions``: every past session, in time
    order (the earlier and later ones set the cuts); one curve each, in that order."""
    values = by_ordinal(series)
    session_days = [s.day.toordinal() for s in sessions]
    curves = []
    for index, day0 in enumerate(session_days):
        earlier, next_day = _neighbours(session_days, index)
        before = set(_baseline_days(day0, earlier))
        end = day0 + last if next_day is None else min(day0 + last, next_day - 1)
        curves.append(
            {
                day - day0: value
                for day in range(day0 + first, end + 1)
                if (day >= day0 or day in before) and (value := values.get(day)) is not None
            }
        )
    return curves


def mean_response_curve(
    curves: Iterable[dict[int, float]], min_sessions: int = 1
) -> dict[int, tuple[float, float, int]]:
    """Per day offset, (mean, standard deviation, n) of the ``curves``
    (:func:`session_curves`) that have a value that day; days fewer than
    ``min_sessions`` of them have are left out (the charts ask for 2 when they show
    more than one session: a "mean" of one session's day, beside means of six, read as
    a dip or a peak of them all)."""
    values: dict[int, list[float]] = defaultdict(list)
    for curve in curves:
        for offset, value in curve.items():
            values[offset].append(value)
    result = {}
    for offset in sorted(values):
        points = values[offset]
        if len(points) < min_sessions:
            continue
        mean = sum(points) / len(points)
        spread = math.sqrt(sum((p - mean) ** 2 for p in points) / len(points))
        result[offset] = (mean, spread, len(points))
    return result


def one_session_a_day(pairs: Iterable[tuple[Treatment, T]]) -> list[tuple[Treatment, T]]:
    """Of (session, anything) pairs in time order, the first of each session day. Two
    sessions on one day (a split dose, a second record of one visit) have the same
    days around them: counted twice, that one day's mood would weigh double in a mean
    (clinician review)."""
    seen: set[dt.date] = set()
    result = []
    for session, value in pairs:
        if session.day not in seen:
            seen.add(session.day)
            result.append((session, value))
    return result


def mean_shown_from(sessions_shown: int) -> int:
    """How many sessions need a mood on a day for the charts' mean to be drawn there
    (:data:`AROUND_CHART_RULE`): 2, or 1 when only one session is shown."""
    return min(2, max(1, sessions_shown))


def runs_of_days(offsets: Iterable[int]) -> list[list[int]]:
    """Day offsets in runs of consecutive days: a chart's line breaks at a missing day
    instead of bridging it."""
    runs: list[list[int]] = []
    for offset in sorted(offsets):
        if runs and offset == runs[-1][-1] + 1:
            runs[-1].append(offset)
        else:
            runs.append([offset])
    return runs


BASELINE_WINDOW_DAYS = 30  # an unmarked baseline: the last result this close before the course
MIN_OUTCOME_BASELINE = 10  # response/remission only from a baseline of at least moderate
MIN_DAYS_AFTER_BASELINE = 14  # the PHQ-9 and GAD-7 ask about the last 2 weeks
NO_BASELINE_TEXT = QT_TR_NOOP("no pre-treatment baseline")


@dataclass(frozen=True)
class CourseSummary:
    instrument: str
    baseline: QuestionnaireResult | None
    # the last scored result since the current course's first session began (any, with
    # no session): the one change, response and remission use
    latest: QuestionnaireResult | None
    first: QuestionnaireResult | None

    @property
    def percent_change(self) -> float | None:
        if not self.baseline or not self.latest or not self.baseline.total:
            return None
        if self.latest is self.baseline:
            return None
        return (self.latest.total - self.baseline.total) / self.baseline.total * 100

    @property
    def change(self) -> int | None:
        if not self.baseline or not self.latest or self.latest is self.baseline:
            return None
        return self.latest.total - self.baseline.total

    @property
    def outcome_status(self) -> str:
        """Whether response and remission can be stated (:data:`OUTCOME_DEFINITIONS`):
        "no_results", "none_since_start" (scored results, but none since the course's
        first session), "no_baseline", "baseline_below_10", "too_early" (no result yet
        at least 14 days after the baseline) or "assessed"."""
        if self.latest is None:
            return "none_since_start" if self.last_result is not None else "no_results"
        if self.baseline is None:
            return "no_baseline"
        if (self.baseline.total or 0) < MIN_OUTCOME_BASELINE:
            return "baseline_below_10"
        if (self.latest.day - self.baseline.day).days < MIN_DAYS_AFTER_BASELINE:
            return "too_early"
        return "assessed"

    @property
    def response(self) -> bool:
        return bool(
            self.outcome_status == "assessed"
            and self.baseline
            and self.latest
            and self.latest.total <= 0.5 * self.baseline.total
        )

    @property
    def remission(self) -> bool:
        return bool(
            self.instrument == PHQ9
            and self.outcome_status == "assessed"
            and self.latest
            and self.latest.total < 5
        )

    response_first_reached: dt.date | None = None
    remission_first_reached: dt.date | None = None
    # "marked" (the user's choice), "before_course" (the last result in the 30 days
    # before the course's first session) or "" (no baseline)
    baseline_rule: str = ""
    # when the current course's first session began: results before it are never
    # "latest"
    course_start_at: dt.datetime | None = None
    # the last scored result of any time (the PDF names it when none is in its period)
    last_result: QuestionnaireResult | None = None
    # results not scored (an item left unanswered), counted when none is scored: "no
    # scored results yet" says there are some (review finding)
    unscored: int = 0

    @property
    def course_start(self) -> dt.date | None:
        """The day of the current course's first session."""
        return None if self.course_start_at is None else self.course_start_at.date()

    def counts_as_latest(self, result: QuestionnaireResult) -> bool:
        """Whether ``result`` was taken at or after the current course's first session
        began (any result, without a session): only such a result is compared with
        the baseline."""
        return taken_since(result, self.course_start_at)

    @property
    def baseline_rule_text(self) -> str:
        return {
            "marked": QT_TR_NOOP("marked as baseline"),
            "before_course": QT_TR_NOOP("last result in the 30 days before the first session"),
        }.get(self.baseline_rule, NO_BASELINE_TEXT)

    def describe(self, translate: Translate = _untranslated) -> str:
        """The course in one line (Trends, PDF). ``translate`` (the UI passes
        ``moodlog.locale_words.LOCALE``) translates each marked wording before the figures
        are filled in, and words the dates ("30 Nov 2026") and numbers."""
        words = formatting(translate)
        if self.latest is None and self.last_result is not None:
            return self._describe_none_since_start(translate)
        if self.latest is None and self.unscored:
            return translate(
                QT_TR_NOOP(
                    "{instrument}: no scored results yet ({count} not scored: an item left "
                    "unanswered)."
                )
            ).format(instrument=self.instrument, count=self.unscored)
        if self.latest is None:
            return translate(QT_TR_NOOP("{instrument}: no scored results yet.")).format(
                instrument=self.instrument
            )
        latest = translate(QT_TR_NOOP("{total} ({band})")).format(
            total=self.latest.total, band=translate(band(self.instrument, self.latest.total))
        )
        day = words.day(self.latest.day)
        if self.baseline is None:
            return translate(
                QT_TR_NOOP("{instrument}: {latest} on {day}; no pre-treatment baseline.")
            ).format(instrument=self.instrument, latest=latest, day=day)
        if self.baseline is self.latest:
            text = translate(QT_TR_NOOP("{instrument}: {latest} on {day} (course baseline)"))
            text = text.format(instrument=self.instrument, latest=latest, day=day)
        else:
            text = translate(
                QT_TR_NOOP(
                    "{instrument}: baseline {baseline} ({band}, {baseline_day}) → "
                    "latest {latest}, {day}"
                )
            ).format(
                instrument=self.instrument,
                baseline=self.baseline.total,
                band=translate(band(self.instrument, self.baseline.total)),
                baseline_day=words.day(self.baseline.day),
                latest=latest,
                day=day,
            )
        if self.percent_change is not None:
            text += "; " + translate(QT_TR_NOOP("{change}%")).format(
                change=words.signed(self.percent_change, 0)
            )
        if self.instrument == PHQ9:
            text += "; " + self.outcome_text(translate)
        return text + "."

    def _describe_none_since_start(self, translate: Translate) -> str:
        """:meth:`describe` with scored results, none since the course's first session:
        the baseline (or the last result) and that nothing is compared yet."""
        words = formatting(translate)
        assert self.last_result is not None and self.course_start is not None
        if self.baseline is None:
            last = self.last_result
            return translate(
                QT_TR_NOOP(
                    "{instrument}: {latest} on {day}, before the first session ({start}); "
                    "no pre-treatment baseline and no result since that session yet."
                )
            ).format(
                instrument=self.instrument,
                latest=translate(QT_TR_NOOP("{total} ({band})")).format(
                    total=last.total, band=translate(band(self.instrument, last.total))
                ),
                day=words.day(last.day),
                start=words.day(self.course_start),
            )
        text = translate(QT_TR_NOOP("{instrument}: baseline {baseline} ({band}, {baseline_day})"))
        text = text.format(
            instrument=self.instrument,
            baseline=self.baseline.total,
            band=translate(band(self.instrument, self.baseline.total)),
            baseline_day=words.day(self.baseline.day),
        )
        return text + "; " + self.outcome_text(translate) + "."

    def outcome_text(self, translate: Translate = _untranslated) -> str:
        """ "response yes (first reached 09 Jun 2026); remission no" (PHQ-9). An
        outcome reached once but not met by the latest result says so, rather than
        a bare "no" next to a date. Without a baseline, with a baseline below 10 or
        before a result 14 days after the baseline, it says so instead."""
        status = self.outcome_status
        if status == "no_results":
            return translate(QT_TR_NOOP("no scored results yet"))
        if status == "none_since_start":
            assert self.course_start is not None
            wording = (
                QT_TR_NOOP(
                    "no result since the first session ({day}) yet, so no change, response "
                    "or remission is stated"
                )
                if self.instrument == PHQ9
                else QT_TR_NOOP(
                    "no result since the first session ({day}) yet, so no change is stated"
                )
            )
            return translate(wording).format(day=formatting(translate).day(self.course_start))
        if status == "no_baseline":
            return translate(
                QT_TR_NOOP("no pre-treatment baseline, so response and remission are not stated")
            )
        if status == "baseline_below_10":
            return translate(
                QT_TR_NOOP("response and remission not applicable (baseline below 10)")
            )
        if status == "too_early":
            assert self.baseline is not None
            from_day = self.baseline.day + dt.timedelta(days=MIN_DAYS_AFTER_BASELINE)
            return translate(
                QT_TR_NOOP(
                    "response and remission not assessed yet (a result counts from 14 days "
                    "after the baseline, {day})"
                )
            ).format(day=formatting(translate).day(from_day))
        parts = []
        for wording, met, first in (
            (OUTCOME_WORDING["response"], self.response, self.response_first_reached),
            (OUTCOME_WORDING["remission"], self.remission, self.remission_first_reached),
        ):
            yes_since, yes, reached_before, no = wording
            if met:
                part = translate(yes_since if first else yes)
            elif first:
                part = translate(reached_before)
            else:
                part = translate(no)
            parts.append(part.format(day=formatting(translate).day(first) if first else ""))
        return "; ".join(parts)


# outcome_text's words per outcome: met (with the day first reached), met, reached once
# but not at the latest result, not met.
OUTCOME_WORDING: dict[str, tuple[str, str, str, str]] = {
    "response": (
        QT_TR_NOOP("response yes (first reached {day})"),
        QT_TR_NOOP("response yes"),
        QT_TR_NOOP("response not at the latest result (reached {day})"),
        QT_TR_NOOP("response no"),
    ),
    "remission": (
        QT_TR_NOOP("remission yes (first reached {day})"),
        QT_TR_NOOP("remission yes"),
        QT_TR_NOOP("remission not at the latest result (reached {day})"),
        QT_TR_NOOP("remission no"),
    ),
}


def courses(treatments: Iterable[Treatment], now: dt.datetime) -> list[list[Treatment]]:
    """Past ketamine/esketamine sessions grouped into courses, in order: a gap of more
    than 90 days between sessions starts a new course (:func:`split_into_courses`, the
    rule the session numbers use too)."""
    return split_into_courses(past_sessions(treatments, now))


def course_start(treatments: Iterable[Treatment], now: dt.datetime) -> dt.date | None:
    """First session of the latest course of ketamine/esketamine (a gap of more than
    90 days between sessions starts a new course)."""
    found = courses(treatments, now)
    return found[-1][0].day if found else None


def taken_by(results: Iterable[QuestionnaireResult], now: dt.datetime) -> list[QuestionnaireResult]:
    """The results taken by ``now``: one dated later (saved with a clock ahead, or on a
    phone in a zone ahead) is not yet, for the baseline and the course summary alike, as
    in the PDF of a period ending today (diff reviews: a PHQ-9 dated tomorrow was Trends'
    "latest", with a remission, and a baseline marked on one was still used)."""
    moment = (now.date(), now.time())
    return [r for r in results if (r.day, r.time) <= moment]


def course_baseline(
    results: Iterable[QuestionnaireResult],
    instrument: str,
    treatments: Iterable[Treatment],
    now: dt.datetime,
) -> tuple[QuestionnaireResult | None, str]:
    """The one baseline rule (:data:`OUTCOME_DEFINITIONS`), with which part of it gave
    the baseline ("marked", "before_course" or "" for none).

    The scored result the user marked as baseline, else the last scored result in
    the 30 days before the current course's first session, else none. Never a result
    from an earlier course (on or before its last session's day) or after the current
    course's first session began; a mark on such a result is not used. Without any
    session there is only the marked result.
    """
    scored = sorted(
        (r for r in taken_by(results, now) if r.instrument == instrument and r.scored),
        key=lambda r: (r.day, r.time),
    )
    found = courses(treatments, now)
    current = found[-1] if found else None
    previous_end = found[-2][-1].day if len(found) > 1 else None

    def allowed(r: QuestionnaireResult) -> bool:
        if previous_end is not None and r.day <= previous_end:
            return False
        return current is None or dt.datetime.combine(r.day, r.time) < current[0].starts_at

    marked = [r for r in scored if r.is_baseline and allowed(r)]
    if marked:
        return marked[-1], "marked"
    if current is None:
        return None, ""
    window_start = current[0].day - dt.timedelta(days=BASELINE_WINDOW_DAYS)
    before = [r for r in scored if r.day >= window_start and allowed(r)]
    return (before[-1], "before_course") if before else (None, "")


def taken_since(result: QuestionnaireResult, start: dt.datetime | None) -> bool:
    """Whether ``result`` was taken at or after ``start`` (any result when None)."""
    return start is None or dt.datetime.combine(result.day, result.time) >= start


def course_summary(
    results: Iterable[QuestionnaireResult],
    instrument: str,
    treatments: Iterable[Treatment],
    now: dt.datetime,
) -> CourseSummary:
    """Baseline (:func:`course_baseline`), latest result (the last since the current
    course's first session began; without a session, the last), change and, when the
    baseline is at least 10, response and remission with the first result (14 days or
    more after the baseline, and since that first session) that met each."""
    results = taken_by(results, now)
    treatments = list(treatments)
    scored = sorted(
        (r for r in results if r.instrument == instrument and r.scored),
        key=lambda r: (r.day, r.time),
    )
    found = courses(treatments, now)
    start_at = found[-1][0].starts_at if found else None
    if not scored:
        unscored = sum(1 for r in results if r.instrument == instrument and not r.scored)
        return CourseSummary(
            instrument, None, None, None, course_start_at=start_at, unscored=unscored
        )
    baseline, rule = course_baseline(scored, instrument, treatments, now)
    since_start = [r for r in scored if taken_since(r, start_at)]
    latest = since_start[-1] if since_start else None
    summary = CourseSummary(
        instrument,
        baseline,
        latest,
        scored[0],
        baseline_rule=rule,
        course_start_at=start_at,
        last_result=scored[-1],
    )
    if summary.outcome_status != "assessed":
        return summary
    assert baseline is not None and baseline.total is not None
    counted = [
        r
        for r in since_start
        if (r.day, r.time) > (baseline.day, baseline.time)
        and (r.day - baseline.day).days >= MIN_DAYS_AFTER_BASELINE
    ]
    response_day = next((r.day for r in counted if r.total <= 0.5 * baseline.total), None)
    remission_day = (
        next((r.day for r in counted if r.total < 5), None) if instrument == PHQ9 else None
    )
    return CourseSummary(
        instrument,
        baseline,
        latest,
        scored[0],
        response_day,
        remission_day,
        baseline_rule=rule,
        course_start_at=start_at,
        last_result=scored[-1],
    )


@dataclass(frozen=True)
class TagComparison:
    tag: str
    with_mean: float
    with_days: int
    without_mean: float
    without_days: int

    @property
    def difference(self) -> float:
        return self.with_mean - self.without_mean


def days_by_tag(entries: Iterable[Entry]) -> dict[str, set[dt.date]]:
    days: dict[str, set[dt.date]] = defaultdict(set)
    for entry in entries:
        for tag in entry.tags:
            days[tag].add(entry.day)
    return dict(days)


def tag_comparisons(entries: Iterable[Entry], min_days: int = 3) -> list[TagComparison]:
    entries = list(entries)
    return compare_tags(daily_series(entries), days_by_tag(entries), min_days)


def compare_tags(
    mood: Series, tag_days: dict[str, set[dt.date]], min_days: int = 3
) -> list[TagComparison]:
    """Mean daily mood on days with vs without each tag (>= ``min_days`` of each),
    largest difference first."""
    result = []
    for tag in sorted(tag_days, key=str.casefold):
        days = tag_days[tag]
        with_tag = [mood[d] for d in sorted(days) if d in mood]
        if len(with_tag) < min_days or len(mood) - len(with_tag) < min_days:
            continue
        without = [v for d, v in mood.items() if d not in days]
        result.append(
            TagComparison(
                tag,
                sum(with_tag) / len(with_tag),
                len(with_tag),
                sum(without) / len(without),
                len(without),
            )
        )
    return sorted(result, key=lambda c: -abs(c.difference))


def sleep_vs_next_day_mood(
    entries: Iterable[Entry], min_pairs: int = 10
) -> tuple[float, int] | None:
    """Pearson r between hours slept recorded on day d and mood on day d+1, with n."""
    entries = list(entries)
    return sleep_mood_correlation(
        daily_series(entries, "sleep_hours"), daily_series(entries), min_pairs
    )


def sleep_mood_correlation(
    sleep: Series, mood: Series, min_pairs: int = 10
) -> tuple[float, int] | None:
    next_day_mood = by_ordinal(mood)
    pairs = [
        (hours, next_mood)
        for day, hours in sleep.items()
        if (next_mood := next_day_mood.get(day.toordinal() + 1)) is not None
    ]
    if len(pairs) < min_pairs:
        return None
    r = pearson([p[0] for p in pairs], [p[1] for p in pairs])
    return None if r is None else (r, len(pairs))


def pearson(xs: list[float], ys: list[float]) -> float | None:
    n = len(xs)
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mean_x) ** 2 for x in xs)
    syy = sum((y - mean_y) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    return sxy / math.sqrt(sxx * syy)
