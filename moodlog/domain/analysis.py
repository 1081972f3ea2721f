"""Trend and treatment-response analysis: pure functions on domain records.

Every figure the Trends screen and the PDF report show comes from here, so both
always agree. Definitions (each function's docstring repeats its own):

* **Daily series**: the mean of the day's entries. A day without entries is
  missing (a gap): never 0, never interpolated.
* **Trend**: for each calendar day, the mean of the daily values present in the
  7 days ending that day, when at least 3 of those 7 days are present.
* **Per session** (ketamine/esketamine sessions that have happened): day 0 is the
  session day. Baseline = mean daily mood of days -7..-1 (needs 3 days).
  Change at day +1 = mood(+1) - baseline. Window changes for +1..+3, +4..+7 and
  +8..+14 = mean of the days present minus baseline; a window needs a third of
  its days (1 of 3, 2 of 4, 3 of 7). Durability = days from the session until the
  3-day trailing mean (days after the session only, at least 2 of 3 days present,
  1 for days +1 and +2) is at or below the baseline; "still above at next session"
  when the next ketamine session comes first; "still above so far" when the data
  ends first; "not enough data" without a baseline or any day after.
* **Course** (PHQ-9, and GAD-7 for change and band): baseline = the result marked
  as baseline, else the last result in the 14 days before the first session of the
  latest course, else the first result. Latest = the last scored result. Percent
  change = (latest - baseline) / baseline. Response: latest <= 50% of baseline;
  remission: latest < 5 (PHQ-9). Each also reports the date it was first reached
  (the first result after the baseline meeting it).
* **Tag comparison**: mean daily mood on days with vs without a tag, only when
  there are at least 3 days of each.
* **Sleep vs next-day mood**: pairs (mean hours slept recorded on day d, mean mood
  on day d+1); Pearson r with the number of pairs, when there are at least 10.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from moodlog.domain.entries import Entry
from moodlog.domain.questionnaires import GAD7, PHQ9, QuestionnaireResult, band
from moodlog.domain.treatments import NEW_COURSE_AFTER_DAYS, Treatment

Series = dict[dt.date, float]
DAY = dt.timedelta(days=1)
WINDOWS = ((1, 3), (4, 7), (8, 14))


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
    durability_status: str  # "days", "above_at_next_session", "above_so_far", "not_enough_data"

    @property
    def durability_text(self) -> str:
        return {
            "days": f"{self.durability_days} days" if self.durability_days != 1 else "1 day",
            "above_at_next_session": "still above at next session",
            "above_so_far": "still above so far",
            "not_enough_data": "not enough data",
        }[self.durability_status]


def session_responses(
    series: Series, treatments: Iterable[Treatment], now: dt.datetime
) -> list[SessionResponse]:
    """Response of daily mood around each past ketamine/esketamine session."""
    sessions = sorted(
        (t for t in treatments if t.kind_info.ketamine and not t.is_appointment(now)),
        key=lambda t: t.starts_at,
    )
    values = by_ordinal(series)
    last_data_day = max(values) if values else None
    session_days = [s.day.toordinal() for s in sessions]
    results = []
    for index, session in enumerate(sessions):
        day0 = session_days[index]
        baseline = _mean_of_days(values, day0 - 7, day0 - 1, 3)
        next_day = next((d for d in session_days[index + 1 :] if d > day0), None)
        day1 = values.get(day0 + 1)
        day1_change = None if baseline is None or day1 is None else day1 - baseline
        changes = []
        for first, last in WINDOWS:
            needed = math.ceil((last - first + 1) / 3)
            mean = _mean_of_days(values, day0 + first, day0 + last, needed)
            changes.append(None if baseline is None or mean is None else mean - baseline)
        status, days = _durability(values, day0, baseline, next_day, last_data_day)
        results.append(
            SessionResponse(
                session, baseline, day1_change, (changes[0], changes[1], changes[2]), days, status
            )
        )
    return results


def _durability(
    values: dict[int, float],
    day0: int,
    baseline: float | None,
    next_session: int | None,
    last_data_day: int | None,
) -> tuple[str, int | None]:
    """Days (ordinals) from ``day0`` until the 3-day trailing mean of the days after
    the session is at or below ``baseline``; see the module docstring."""
    if baseline is None or last_data_day is None or last_data_day <= day0:
        return "not_enough_data", None
    seen_any = False
    for offset in range(1, last_data_day - day0 + 1):
        day = day0 + offset
        if next_session is not None and day >= next_session:
            return ("above_at_next_session", None) if seen_any else ("not_enough_data", None)
        needed = 1 if offset < 3 else 2
        mean = _mean_of_days(values, day0 + max(1, offset - 2), day, needed)
        if mean is not None:
            seen_any = True
            if mean <= baseline:
                return "days", offset
    return ("above_so_far", None) if seen_any else ("not_enough_data", None)


def mean_response_curve(
    series: Series, sessions: Iterable[Treatment], first: int = -7, last: int = 14
) -> dict[int, tuple[float, float, int]]:
    """For the around-sessions view: per day offset, (mean, standard deviation, n) of
    daily mood over all sessions with a value that day."""
    values: dict[int, list[float]] = defaultdict(list)
    for session in sessions:
        for offset in range(first, last + 1):
            value = series.get(session.day + dt.timedelta(days=offset))
            if value is not None:
                values[offset].append(value)
    curve = {}
    for offset in range(first, last + 1):
        points = values.get(offset, [])
        if points:
            mean = sum(points) / len(points)
            spread = math.sqrt(sum((p - mean) ** 2 for p in points) / len(points))
            curve[offset] = (mean, spread, len(points))
    return curve


def session_curve(
    series: Series, session: Treatment, first: int = -7, last: int = 14
) -> dict[int, float]:
    return {
        offset: series[d]
        for offset in range(first, last + 1)
        if (d := session.day + dt.timedelta(days=offset)) in series
    }


@dataclass(frozen=True)
class CourseSummary:
    instrument: str
    baseline: QuestionnaireResult | None
    latest: QuestionnaireResult | None
    first: QuestionnaireResult | None

    @property
    def percent_change(self) -> float | None:
        if not self.baseline or not self.latest or not self.baseline.total:
            return None
        return (self.latest.total - self.baseline.total) / self.baseline.total * 100

    @property
    def change(self) -> int | None:
        if not self.baseline or not self.latest:
            return None
        return self.latest.total - self.baseline.total

    @property
    def response(self) -> bool:
        return bool(
            self.baseline
            and self.latest
            and self.baseline.total
            and self.latest.total <= 0.5 * self.baseline.total
        )

    @property
    def remission(self) -> bool:
        return bool(self.instrument == PHQ9 and self.latest and self.latest.total < 5)

    response_first_reached: dt.date | None = None
    remission_first_reached: dt.date | None = None

    def describe(self) -> str:
        if self.latest is None:
            return f"{self.instrument}: no scored results yet."
        latest = f"{self.latest.total} ({band(self.instrument, self.latest.total)})"
        if self.baseline is None or self.baseline is self.latest:
            return f"{self.instrument}: {latest} on {self.latest.day:%d %b %Y}."
        text = (
            f"{self.instrument}: baseline {self.baseline.total} "
            f"({band(self.instrument, self.baseline.total)}, {self.baseline.day:%d %b %Y})"
            f" \N{RIGHTWARDS ARROW} latest {latest}, {self.latest.day:%d %b %Y}"
        )
        if self.percent_change is not None:
            text += f"; {self.percent_change:+.0f}%"
        if self.instrument == PHQ9:
            text += "; " + self.outcome_text()
        return text + "."

    def outcome_text(self) -> str:
        """ "response yes (first reached 09 Jun 2026); remission no" (PHQ-9). An
        outcome reached once but not met by the latest result says so, rather than
        a bare "no" next to a date."""
        parts = []
        for name, met, first in (
            ("response", self.response, self.response_first_reached),
            ("remission", self.remission, self.remission_first_reached),
        ):
            if met:
                part = f"{name} yes" + (f" (first reached {first:%d %b %Y})" if first else "")
            elif first:
                part = f"{name} not at the latest result (reached {first:%d %b %Y})"
            else:
                part = f"{name} no"
            parts.append(part)
        return "; ".join(parts)


def course_start(treatments: Iterable[Treatment], now: dt.datetime) -> dt.date | None:
    """First session of the latest course of ketamine/esketamine (a gap of more than
    90 days between sessions starts a new course)."""
    days = sorted(t.day for t in treatments if t.kind_info.ketamine and not t.is_appointment(now))
    if not days:
        return None
    start = days[0]
    for previous, current in zip(days, days[1:], strict=False):
        if (current - previous).days > NEW_COURSE_AFTER_DAYS:
            start = current
    return start


def course_summary(
    results: Iterable[QuestionnaireResult],
    instrument: str,
    treatments: Iterable[Treatment],
    now: dt.datetime,
) -> CourseSummary:
    scored = sorted(
        (r for r in results if r.instrument == instrument and r.scored),
        key=lambda r: (r.day, r.time),
    )
    if not scored:
        return CourseSummary(instrument, None, None, None)
    marked = [r for r in scored if r.is_baseline]
    start = course_start(treatments, now)
    if marked:
        baseline = marked[-1]
    else:
        before = [r for r in scored if start and start - dt.timedelta(days=14) <= r.day < start]
        baseline = before[-1] if before else scored[0]
    latest = scored[-1]
    after = [r for r in scored if (r.day, r.time) > (baseline.day, baseline.time)]
    response_day = next(
        (r.day for r in after if baseline.total and r.total <= 0.5 * baseline.total), None
    )
    remission_day = (
        next((r.day for r in after if r.total < 5), None) if instrument == PHQ9 else None
    )
    return CourseSummary(instrument, baseline, latest, scored[0], response_day, remission_day)


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


def gad7_summary(
    results: Iterable[QuestionnaireResult], treatments: Iterable[Treatment], now: dt.datetime
) -> CourseSummary:
    return course_summary(results, GAD7, treatments, now)
