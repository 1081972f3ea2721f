"""The figures of a period summary (page 1 of the therapist PDF).

Pure functions on :class:`VaultContents`; every number comes from
:mod:`moodlog.domain.analysis`, so the PDF and the Trends screen agree.

Definitions:

* Period: ``first``..``last``, both days included.
* Days logged: days in the period with at least one entry.
* Mood mean: the mean of the daily means (each day counts once) over the days
  logged; the previous period is the same number of days just before ``first``.
* Trend direction: least-squares slope of the daily means in the period, times the
  days from the first to the last day with a mood in it (the change of the fitted line
  across the days it was fitted to, not against the previous period; review findings:
  it was times the days in the period, so 5 days logged at the end of 30 read as
  "+29.0 points from start to end" on a 0-10 scale): "rising" if that is >= +0.5
  points, "falling" if <= -0.5, else "steady"; "not enough data" with fewer than 5
  days with a mood, or when the first to the last of them (both counted) cover less
  than half of the period's days (rounded up: 15 of 30, 3 of 5): a line over a few
  days at one end says little about the period.
* Default period: from the last therapy appointment (the last therapy note before
  today), else the last past treatment session, to today; never shorter than 30
  days, so a session two days ago does not make a two-day summary.
* Questionnaires: first and latest scored result inside the period; baseline,
  percent change, response and remission are the course figures
  (:func:`analysis.course_summary`) as of the end of the period. A result dated after
  that moment (later today than the summary is made: a clock ahead) is not yet in the
  period, as for the course (:func:`analysis.taken_by`), nor in item 9's count.
* PHQ-9 item 9: "positive" means answered above "not at all" (1-3); counted over
  every PHQ-9 in the period, scored or not; unanswered item 9 is never "no".
* Self-check: check-ins in the period counted by level; the date of every check-in
  with any yes (``low`` included: it covers thoughts of suicide); the latest
  check-in up to the end of the period, even before it; number of skipped ones.
* Last session and next appointment are as of the moment the summary is made,
  whether or not they fall inside the period; medications are those taken at the
  end of the period (last event before it not a stop).
* Back-filled: entries in the period written more than 48 h after their day.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from moodlog.domain.analysis import (
    CourseSummary,
    SessionResponse,
    course_summary,
    daily_series,
    session_responses,
    taken_by,
)
from moodlog.domain.booster import period_durability
from moodlog.domain.contents import VaultContents
from moodlog.domain.questionnaires import GAD7, PHQ9, QuestionnaireResult
from moodlog.domain.safety import FOLLOW_UP_KEYS, LEVELS, SI_KEYS, SICheckin
from moodlog.domain.treatments import Medication, Question, SessionNote, Treatment, regimen
from moodlog.wording import QT_TR_NOOP, Formatting, count_text, formatting

TREND_THRESHOLD = 0.5
MIN_DEFAULT_DAYS = 30
TREND_MEANING = QT_TR_NOOP(
    "trend = change of a straight line fitted to this period's daily means, from the "
    "first to the last day with a mood (at least 5 such days, covering at least half of "
    "the period)"
)
MIN_TREND_DAYS = 5  # days with a mood the trend needs
# A medication taken whose last start or change gave no dose (also the FHIR export's)
DOSE_NOT_RECORDED = QT_TR_NOOP("(dose not recorded)")


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

    def as_of(self, now: dt.datetime) -> dt.datetime:
        """The moment a summary of the period is taken as of: its last day's end, or
        ``now`` when that is earlier (booster.period_durability says the same of a day)."""
        return min(now, dt.datetime.combine(self.last, dt.time(23, 59)))

    def describe(self, translate: Callable[[str], str] | Formatting | None = None) -> str:
        """ "01 May 2026 – 30 May 2026 (30 days)"; ``translate`` (the UI and the PDF pass
        ``moodlog.locale_words.LOCALE``) words the dates and the sentence."""
        words = formatting(translate)
        if self.days == 1:
            sentence = QT_TR_NOOP("{first} – {last} (1 day)")
        else:
            sentence = QT_TR_NOOP("{first} – {last} ({days} days)")
        return words(sentence).format(
            first=words.day(self.first), last=words.day(self.last), days=self.days
        )

    @classmethod
    def last_days(cls, days: int, today: dt.date) -> Period:
        return cls(today - dt.timedelta(days=days - 1), today)


def since_last_appointment(contents: VaultContents, today: dt.date) -> Period:
    """The default period: from the day of the last therapy note (the last appointment
    with the therapist), else the last past treatment session, to today; but never
    fewer than 30 days (a session a few days ago would leave a summary of a few days),
    and the last 30 days when there is neither."""
    candidates = [n.day for n in contents.session_notes if n.day < today]
    if not candidates:
        candidates = [t.day for t in contents.treatments if t.day < today]
    floor = Period.last_days(MIN_DEFAULT_DAYS, today)
    if not candidates:
        return floor
    return Period(min(max(candidates), floor.first), today)


@dataclass(frozen=True)
class Item9Summary:
    """PHQ-9 item 9 ("thoughts that you would be better off dead, or of hurting
    yourself") over the PHQ-9 results of a period."""

    results: int  # PHQ-9 results in the period
    positive: int  # item 9 answered 1-3
    unanswered: int
    last_positive: dt.date | None  # in the period
    last_positive_before: dt.date | None  # before the period, when none in it

    @property
    def text(self) -> str:
        return self.words()

    def words(self, translate: Callable[[str], str] | Formatting | None = None) -> str:
        """:attr:`text`, translated, its dates the locale's way (``translate``: see
        :meth:`Period.describe`)."""
        words = formatting(translate)
        if not self.results:
            text = words(QT_TR_NOOP("no PHQ-9 in this period"))
        else:
            wording = ITEM9_WORDING[bool(self.unanswered), self.last_positive is not None]
            text = words(wording).format(
                positive=self.positive,
                results=self.results,
                unanswered=self.unanswered,
                day=words.day(self.last_positive) if self.last_positive else "",
            )
        if self.last_positive is None and self.last_positive_before is not None:
            text += "; " + words(QT_TR_NOOP("last positive before this period: {day}")).format(
                day=words.day(self.last_positive_before)
            )
        return text


# Item9Summary.words by (some results with item 9 unanswered, a positive one in the period)
ITEM9_WORDING = {
    (False, False): QT_TR_NOOP("positive on {positive} of {results} results"),
    (True, False): QT_TR_NOOP(
        "positive on {positive} of {results} results (not answered on {unanswered})"
    ),
    (False, True): QT_TR_NOOP("positive on {positive} of {results} results, last on {day}"),
    (True, True): QT_TR_NOOP(
        "positive on {positive} of {results} results (not answered on {unanswered}), last on {day}"
    ),
}


def item9_summary(results: list[QuestionnaireResult], period: Period) -> Item9Summary:
    phq = sorted(
        (q for q in results if q.instrument == PHQ9 and q.day <= period.last),
        key=lambda q: (q.day, q.time),
    )
    inside = [q for q in phq if period.contains(q.day)]
    positive = [q for q in inside if (q.answers[8] or 0) > 0]
    before = [q.day for q in phq if q.day < period.first and (q.answers[8] or 0) > 0]
    return Item9Summary(
        results=len(inside),
        positive=len(positive),
        unanswered=sum(1 for q in inside if q.answers[8] is None),
        last_positive=positive[-1].day if positive else None,
        last_positive_before=before[-1] if before else None,
    )


def asked_unanswered(checkin: SICheckin) -> list[str]:
    """Questions asked but left "prefer not to answer" (a skipped check-in: none
    asked). The follow-ups (method, intent, plan) are asked only after a yes to
    thoughts."""
    if checkin.skipped:
        return []
    return [
        key
        for key in SI_KEYS
        if checkin.answers.get(key) is None
        and (key not in FOLLOW_UP_KEYS or checkin.answers.get("thoughts") is True)
    ]


def any_yes(checkin: SICheckin) -> bool:
    return any(v is True for v in checkin.answers.values())


def medications_on(
    medications: list[Medication],
    day: dt.date,
    translate: Callable[[str], str] | Formatting | None = None,
) -> list[str]:
    """ "Sertraline 100 mg once daily" for each medication taken on ``day`` (its last
    event up to then is not a stop), its dose and frequency by
    :func:`treatments.regimen` (as in the FHIR export): the dose is that last event's,
    "dose not recorded" when it has none, never an earlier dose that a change replaced
    (review finding); the frequency is the latest one given.
    ``translate``: see :meth:`Period.describe`."""
    words = formatting(translate)
    taking = []
    for med in sorted(medications, key=lambda m: m.name.lower()):
        events = sorted((e for e in med.events if e.day <= day), key=lambda e: e.day)
        if not events or events[-1].event == "stop":
            continue
        last = events[-1]
        dose, frequency = regimen(events)
        text = f"{med.name} " + (
            f"{words.general(dose)} {med.unit}" if dose is not None else words(DOSE_NOT_RECORDED)
        )
        if frequency:
            text += f" {frequency}"
        if last.event != "start" or len(events) > 1:
            text += " " + words(QT_TR_NOOP("(since {day})")).format(day=words.day(last.day))
        taking.append(text)
    return taking


# A medication event in a sentence, by its kind (the PDF's page 1).
MEDICATION_EVENT_WORDS = {
    "start": QT_TR_NOOP("started {day}"),
    "change": QT_TR_NOOP("changed {day}"),
    "stop": QT_TR_NOOP("stopped {day}"),
}


def medication_changes(
    medications: list[Medication],
    period: Period,
    translate: Callable[[str], str] | Formatting | None = None,
) -> list[str]:
    """ "Sertraline changed 08 Nov 2026, stopped 25 Nov 2026" for each medication started,
    changed or stopped within ``period`` (review finding: page 1 said "none recorded"
    of an antidepressant stopped five days before its end). With more than three events,
    the dose changes between the first and the last are counted ("7 more changes");
    every start and stop is named. ``translate``: see :meth:`Period.describe`."""
    words = formatting(translate)
    changed = []
    for med in sorted(medications, key=lambda m: m.name.lower()):
        events = sorted((e for e in med.events if period.contains(e.day)), key=lambda e: e.day)
        # Every start and stop, the first and the last event; dose changes between them
        # are counted (diff review: nine changes of one medication pushed page 1 onto a
        # second page), never a stop or a restart.
        last = len(events) - 1
        named = [
            len(events) <= 3 or event.event != "change" or index in (0, last)
            for index, event in enumerate(events)
        ]
        for index in range(len(events)):  # a lone change between named ones: named too
            if not named[index] and named[index - 1] and (index == last or named[index + 1]):
                named[index] = True
        said: list[str] = []
        hidden = 0
        for event, shown in zip(events, named, strict=True):
            if not shown:
                hidden += 1
                continue
            if hidden:
                said.append(words(QT_TR_NOOP("{count} more changes")).format(count=hidden))
                hidden = 0
            said.append(words(MEDICATION_EVENT_WORDS[event.event]).format(day=words.day(event.day)))
        if said:
            changed.append(f"{med.name} {', '.join(said)}")
    return changed


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
    # per kind (its label), the lowest and highest dose recorded in the period and how
    # many of its sessions had one: one range across kinds read as if the IV dose
    # reached the esketamine one
    dose_ranges: dict[str, tuple[float, float, int]]
    responses: list[SessionResponse]
    checkin_counts: dict[str, int]
    elevated_checkins: list[SICheckin]
    skipped_checkins: int
    open_questions: list[Question]
    flagged_checkins_to_discuss: int = 0
    results_in_period: list[QuestionnaireResult] = field(default_factory=list)
    trend_change: float | None = None
    # why there is no trend: "too_few_days" or "short_span" (:func:`trend_status`)
    trend_status: str = "too_few_days"
    item9: Item9Summary | None = None
    yes_checkins: list[SICheckin] = field(default_factory=list)
    unanswered_checkins: list[SICheckin] = field(default_factory=list)
    latest_checkin: SICheckin | None = None
    last_session: Treatment | None = None
    last_therapy_note: SessionNote | None = None
    next_appointment: Treatment | None = None
    # days with a mood in the previous period, printed beside its mean (review finding:
    # "previous 30 days: 2.7" came from 3 days)
    previous_days_logged: int = 0
    medications: list[str] = field(default_factory=list)  # taken at the period's end
    medication_changes: list[str] = field(default_factory=list)  # within the period
    medications_recorded: bool = False  # any medication on record, at any time
    # ("Session durability" line, its footnote) from booster.period_durability, or None
    session_durability: tuple[str, str] | None = None

    @property
    def phq9_series(self) -> list[QuestionnaireResult]:
        """Every scored PHQ-9 in the period, in order."""
        return [q for q in self.results_in_period if q.instrument == PHQ9 and q.scored]

    @property
    def mood_text(self) -> str:
        """Mean against the previous period, then the direction *within* this period,
        said so, so that "lower than before" and "rising" do not read as a
        contradiction."""
        return self.mood_words()

    def mood_words(self, translate: Callable[[str], str] | Formatting | None = None) -> str:
        """:attr:`mood_text`, translated, its numbers the locale's way (``translate``:
        see :meth:`Period.describe`)."""
        words = formatting(translate)
        if self.mood_mean is None:
            return words(QT_TR_NOOP("no mood entries in this period"))
        mean = words.number(self.mood_mean, 1)
        if self.previous_mood_mean is not None:
            text = words(
                QT_TR_NOOP("mean {mean} of 10 (previous {days}: {previous} from {logged} logged)")
            )
            previous = words.number(self.previous_mood_mean, 1)
        else:
            text = words(QT_TR_NOOP("mean {mean} of 10 (no entries in the previous {days})"))
            previous = ""
        days = count_text(self.period.days, words(QT_TR_NOOP("day")), words(QT_TR_NOOP("days")))
        logged = count_text(
            self.previous_days_logged, words(QT_TR_NOOP("day")), words(QT_TR_NOOP("days"))
        )
        text = text.format(mean=mean, days=days, previous=previous, logged=logged)
        if self.trend_change is None and self.trend_status == "short_span":
            trend = words(
                QT_TR_NOOP(
                    "trend within this period: not enough data (the days with a mood cover "
                    "less than half of it)"
                )
            )
        elif self.trend_change is None:
            trend = words(
                QT_TR_NOOP("trend within this period: not enough data (fewer than 5 days)")
            )
        else:
            trend = words(
                QT_TR_NOOP(
                    "trend within this period: {direction} ({change} points from the first "
                    "to the last day with a mood)"
                )
            ).format(
                direction=words(self.trend_direction), change=words.signed(self.trend_change, 1)
            )
        return text + "; " + trend


def _trend_points(series: dict[dt.date, float], period: Period) -> list[tuple[int, float]]:
    return [
        ((day - period.first).days, value) for day, value in series.items() if period.contains(day)
    ]


def trend_status(series: dict[dt.date, float], period: Period) -> str:
    """ "ok", "too_few_days" (fewer than 5 days with a mood in the period) or
    "short_span" (the first to the last of them cover less than half of the period's
    days, rounded up)."""
    days = [x for x, _ in _trend_points(series, period)]
    if len(days) < MIN_TREND_DAYS:
        return "too_few_days"
    if max(days) - min(days) + 1 < math.ceil(period.days / 2):
        return "short_span"
    return "ok"


def trend_change(series: dict[dt.date, float], period: Period) -> float | None:
    """The fitted line's change from the first to the last day with a mood in the
    period, or None without enough data (:func:`trend_status`; the module docstring)."""
    if trend_status(series, period) != "ok":
        return None
    points = _trend_points(series, period)
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    sxx = sum((x - mean_x) ** 2 for x, _ in points)
    if sxx == 0:
        return None
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / sxx
    return slope * (max(x for x, _ in points) - min(x for x, _ in points))


def trend_direction(series: dict[dt.date, float], period: Period) -> str:
    return direction_of(trend_change(series, period))


def direction_of(change: float | None) -> str:
    """ "rising", "falling" or "steady" for a :func:`trend_change`, judged on the change
    as printed, to one decimal (code review: a change of 0.48 read "steady (+0.5 points)"
    where another period's 0.5 read "rising (+0.5 points)")."""
    if change is None:
        return QT_TR_NOOP("not enough data")
    change = round(change, 1)
    if change >= TREND_THRESHOLD:
        return QT_TR_NOOP("rising")
    if change <= -TREND_THRESHOLD:
        return QT_TR_NOOP("falling")
    return QT_TR_NOOP("steady")


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def summarise(
    contents: VaultContents,
    period: Period,
    now: dt.datetime,
    translate: Callable[[str], str] | Formatting | None = None,
) -> PeriodSummary:
    """The period's figures; ``translate`` (the PDF passes ``moodlog.locale_words.LOCALE``)
    words the sentences built here (medications, session durability)."""
    mood = daily_series(contents.entries)
    change = trend_change(mood, period)  # (once: the direction is read from it)
    in_period = [v for d, v in mood.items() if period.contains(d)]
    previous = period.previous()
    before = [v for d, v in mood.items() if previous.contains(d)]
    end_of_period = period.as_of(now)
    first_results: dict[str, QuestionnaireResult | None] = {}
    latest_results: dict[str, QuestionnaireResult | None] = {}
    # Only results taken by the summary's moment, as for the course figures
    # (analysis.taken_by): one dated later today (a clock ahead) was page 1's latest
    # beside a change and remission worked out from the result before it.
    taken = taken_by(contents.questionnaires, end_of_period)
    results_in_period = sorted(
        (q for q in taken if period.contains(q.day)), key=lambda q: (q.day, q.time)
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
    doses: dict[str, list[float]] = {}
    for t in sessions:
        if t.dose_mg is not None:
            doses.setdefault(t.label, []).append(t.dose_mg)
    # As of the end of the period, like every other figure of the summary (review
    # finding: a session near the end of a past period was measured with mood from
    # after it, while page 1's durability was not).
    mood_to_end = {day: value for day, value in mood.items() if day <= period.last}
    every_response = session_responses(mood_to_end, contents.treatments, end_of_period)
    responses = [r for r in every_response if period.contains(r.session.day)]
    checkins = sorted(
        (c for c in contents.checkins if period.contains(c.day)), key=lambda c: (c.day, c.time)
    )
    counts = Counter(c.level for c in checkins)
    upto_end = [c for c in contents.checkins if c.day <= period.last]
    past = [t for t in contents.treatments if not t.is_appointment(now)]
    upcoming = [t for t in contents.treatments if t.is_appointment(now)]
    notes = [n for n in contents.session_notes if n.day <= now.date()]
    open_questions = sorted(
        (q for q in contents.questions if q.is_open), key=lambda q: (not q.flagged, q.created_on)
    )
    return PeriodSummary(
        period=period,
        days_logged=len(in_period),
        mood_mean=_mean(in_period),
        previous_mood_mean=_mean(before),
        previous_days_logged=len(before),
        trend_direction=direction_of(change),
        backfilled_entries=sum(
            1 for e in contents.entries if period.contains(e.day) and e.backfilled
        ),
        first_results=first_results,
        latest_results=latest_results,
        course=course,
        sessions=sessions,
        session_kinds=Counter(t.label for t in sessions),
        dose_ranges={label: (min(mg), max(mg), len(mg)) for label, mg in doses.items()},
        responses=responses,
        checkin_counts={level: counts.get(level, 0) for level in LEVELS},
        elevated_checkins=[c for c in checkins if c.level in ("moderate", "high")],
        skipped_checkins=counts.get("skipped", 0),
        open_questions=open_questions,
        flagged_checkins_to_discuss=sum(1 for c in checkins if c.discuss),
        results_in_period=results_in_period,
        trend_change=change,
        trend_status=trend_status(mood, period),
        item9=item9_summary(taken, period),
        yes_checkins=[c for c in checkins if any_yes(c)],
        unanswered_checkins=[c for c in checkins if asked_unanswered(c)],
        # The last saved of those at the same minute (the order the journal lists them
        # in; max() kept the first: a "no" read as latest after a later yes, time review)
        latest_checkin=max(upto_end, key=lambda c: (c.day, c.time, c.id or 0), default=None),
        last_session=max(past, key=lambda t: t.starts_at, default=None),
        last_therapy_note=max(notes, key=lambda n: (n.day, n.id or 0), default=None),
        next_appointment=min(upcoming, key=lambda t: t.starts_at, default=None),
        medications=medications_on(contents.medications, period.last, translate),
        medication_changes=medication_changes(contents.medications, period, translate),
        medications_recorded=bool(contents.medications),
        session_durability=period_durability(
            contents, period.last, now, formatting(translate), (mood_to_end, every_response)
        ),
    )
