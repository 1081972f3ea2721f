"""The figures of a period summary (page 1 of the therapist PDF).

Pure functions on :class:`VaultContents`; every number comes from
:mod:`moodlog.domain.analysis`, so the PDF and the Trends screen agree.

Definitions:

* Period: ``first``..``last``, both days included.
* Days logged: days in the period with at least one entry.
* Mood mean: the mean of the daily means (each day counts once) over the days
  logged; the previous period is the same number of days just before ``first``.
* Trend direction: least-squares slope of the daily means over the period, times
  the number of days in the period: "rising" if that is >= +0.5 points, "falling"
  if <= -0.5, else "steady"; "not enough data" with fewer than 5 days logged.
* Questionnaires: first and latest scored result inside the period; baseline,
  percent change, response and remission are the course figures
  (:func:`analysis.course_summary`) as of the end of the period.
* Self-check: check-ins in the period counted by level; dates of any moderate or
  high; number of skipped check-ins.
* Back-filled: entries in the period written more than 48 h after their day.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from moodlog.domain.analysis import (
    CourseSummary,
    SessionResponse,
    course_summary,
    daily_series,
    session_responses,
)
from moodlog.domain.contents import VaultContents
from moodlog.domain.questionnaires import GAD7, PHQ9, QuestionnaireResult
from moodlog.domain.safety import LEVELS, SICheckin
from moodlog.domain.treatments import Question, Treatment

TREND_THRESHOLD = 0.5


@dataclass(frozen=True)
class Period:
    first: dt.date
    last: dt.date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError("The period ends before it starts.")

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def contains(self, day: dt.date) -> bool:
        return self.first <= day <= self.last

    def previous(self) -> Period:
        return Period(self.first - dt.timedelta(days=self.days), self.first - dt.timedelta(days=1))

    def describe(self) -> str:
        return f"{self.first:%d %b %Y} \N{EN DASH} {self.last:%d %b %Y} ({self.days} days)"

    @classmethod
    def last_days(cls, days: int, today: dt.date) -> Period:
        return cls(today - dt.timedelta(days=days - 1), today)


def since_last_appointment(contents: VaultContents, today: dt.date) -> Period:
    """From the day of the last therapy note (else the last past treatment session)
    to today; the last 30 days when there is neither."""
    candidates = [n.day for n in contents.session_notes if n.day < today]
    if not candidates:
        candidates = [t.day for t in contents.treatments if t.day < today]
    if not candidates:
        return Period.last_days(30, today)
    return Period(max(candidates), today)


@dataclass
class PeriodSummary:
    period: Period
    days_logged: int
    mood_mean: float | None
    previous_mood_mean: float | None
    trend_direction: str
    backfilled_entries: int
    first_results: dict[str, QuestionnaireResult | None]
    latest_results: dict[str, QuestionnaireResult | None]
    course: dict[str, CourseSummary]
    sessions: list[Treatment]
    session_kinds: Counter
    dose_range: tuple[float, float] | None
    responses: list[SessionResponse]
    checkin_counts: dict[str, int]
    elevated_checkins: list[SICheckin]
    skipped_checkins: int
    open_questions: list[Question]
    flagged_checkins_to_discuss: int = 0
    results_in_period: list[QuestionnaireResult] = field(default_factory=list)

    @property
    def mood_text(self) -> str:
        if self.mood_mean is None:
            return "no mood entries in this period"
        text = f"mean {self.mood_mean:.1f} of 10"
        if self.previous_mood_mean is not None:
            text += f" (previous {self.period.days} days: {self.previous_mood_mean:.1f})"
        else:
            text += f" (no entries in the previous {self.period.days} days)"
        return text + f"; trend {self.trend_direction}"


def trend_direction(series: dict[dt.date, float], period: Period) -> str:
    points = [
        ((day - period.first).days, value) for day, value in series.items() if period.contains(day)
    ]
    if len(points) < 5:
        return "not enough data"
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    sxx = sum((x - mean_x) ** 2 for x, _ in points)
    if sxx == 0:
        return "not enough data"
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / sxx
    change = slope * period.days
    if change >= TREND_THRESHOLD:
        return "rising"
    if change <= -TREND_THRESHOLD:
        return "falling"
    return "steady"


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def summarise(contents: VaultContents, period: Period, now: dt.datetime) -> PeriodSummary:
    mood = daily_series(contents.entries)
    in_period = [v for d, v in mood.items() if period.contains(d)]
    previous = period.previous()
    before = [v for d, v in mood.items() if previous.contains(d)]
    end_of_period = min(now, dt.datetime.combine(period.last, dt.time(23, 59)))
    first_results: dict[str, QuestionnaireResult | None] = {}
    latest_results: dict[str, QuestionnaireResult | None] = {}
    results_in_period = sorted(
        (q for q in contents.questionnaires if period.contains(q.day)),
        key=lambda q: (q.day, q.time),
    )
    course = {}
    for name in (PHQ9, GAD7):
        scored = [q for q in results_in_period if q.instrument == name and q.scored]
        first_results[name] = scored[0] if scored else None
        latest_results[name] = scored[-1] if scored else None
        upto = [q for q in contents.questionnaires if q.day <= period.last]
        course[name] = course_summary(upto, name, contents.treatments, end_of_period)
    sessions = sorted(
        (t for t in contents.treatments if period.contains(t.day) and not t.is_appointment(now)),
        key=lambda t: t.starts_at,
    )
    doses = [t.dose_mg for t in sessions if t.dose_mg is not None]
    responses = [
        r
        for r in session_responses(mood, contents.treatments, now)
        if period.contains(r.session.day)
    ]
    checkins = sorted(
        (c for c in contents.checkins if period.contains(c.day)), key=lambda c: (c.day, c.time)
    )
    counts = Counter(c.level for c in checkins)
    open_questions = sorted(
        (q for q in contents.questions if q.is_open), key=lambda q: (not q.flagged, q.created_on)
    )
    return PeriodSummary(
        period=period,
        days_logged=len(in_period),
        mood_mean=_mean(in_period),
        previous_mood_mean=_mean(before),
        trend_direction=trend_direction(mood, period),
        backfilled_entries=sum(
            1 for e in contents.entries if period.contains(e.day) and e.backfilled
        ),
        first_results=first_results,
        latest_results=latest_results,
        course=course,
        sessions=sessions,
        session_kinds=Counter(t.label for t in sessions),
        dose_range=(min(doses), max(doses)) if doses else None,
        responses=responses,
        checkin_counts={level: counts.get(level, 0) for level in LEVELS},
        elevated_checkins=[c for c in checkins if c.level in ("moderate", "high")],
        skipped_checkins=counts.get("skipped", 0),
        open_questions=open_questions,
        flagged_checkins_to_discuss=sum(1 for c in checkins if c.discuss),
        results_in_period=results_in_period,
    )
