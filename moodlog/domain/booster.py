"""How long a session helps: booster timing from the person's own data (issue 16).

Pure functions on domain records (no Qt, no SQL). Definitions:

* **Duration** of a ketamine/esketamine session: its durability from
  :func:`analysis.session_responses` (days until the 3-day mean of mood, once above
  the pre-session baseline, is back at it; 0 days when none of the 3-day means on days
  +1..+4 was above it: the one on day +4, or the next by day +7, leaves day +1 out, so
  a low day +1 alone is not "no rise"). When the next
  session, the end of the data or more than a week without a 3-day mean (more than 7 days
  in a row without one after the last one above, each needing a mood on 2 of its 3 days:
  :data:`analysis.UNSEEN_DAYS_END_SIGHT`) comes first it is **censored**: "at least N
  days", N the last day the mood was seen above the baseline. A session without a
  baseline or without a 3-day mean from day +4 to +7 (none above before) gives no
  duration, nor does one whose next session or end of data comes before such a mean
  with none above yet (a rise not seen
  either way: "not above baseline before next session" / "so far").
* **Induction / maintenance**: in each course (a gap of more than 90 days starts a
  new one) the sessions at its start that are less than 7 days apart (two or more, of
  any kinds) are the induction, and the first session on record always is, even alone
  (new-user review: "1 maintenance session" after a person's very first session; a
  lone session after a long gap stays a booster); so are, for each kind first used
  later in the course, the first sessions of that kind less than 7 days apart (two or
  more of it: esketamine started after IV ketamine has its own twice-weekly induction,
  which counted as maintenance gave durations of 0 days; clinician review). Every
  other session is maintenance. A run counts days: two sessions on one day alone are
  not an induction.
* **Summary**: the durations of the last 5 maintenance sessions that have one
  (the number is a setting; of sessions on one day, only the first: the same days
  of mood give one duration), summarised by the **Kaplan-Meier median** so that
  censored durations count as "at least" (the smallest time at which the estimated
  share still above baseline is 50% or less; not reached when it stays above 50%).
  With fewer than 3 such sessions: "not enough sessions yet", nothing else; or, when
  the last maintenance sessions are there but their pre-session days overlap the
  previous session's +1..+7 (weekly sessions), that they cannot be measured while
  this close together.
* **Observation**: when the 3-day mean after the last session has been at or below
  that session's baseline on each of the last 3 days (ending today or yesterday),
  a gentle note; shown at most once per session (on the day it first appears).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from moodlog.domain.analysis import (
    RISE_DECIDED_BY,
    Series,
    SessionResponse,
    by_ordinal,
    courses,
    daily_series,
    one_session_a_day,
    past_sessions,
    session_responses,
)
from moodlog.domain.contents import VaultContents
from moodlog.domain.treatments import Treatment
from moodlog.wording import QT_TR_NOOP, Formatting, count_text, formatting

INDUCTION_GAP_DAYS = 7  # sessions closer than this at the start of a course: induction
DEFAULT_LAST_SESSIONS = 5
MAX_LAST_SESSIONS = 20
MIN_SESSIONS = 3
OBSERVATION_DAYS = 3
METHOD = "kaplan-meier"
SETTING_LAST_SESSIONS = "booster_last_sessions"  # vault setting: how many sessions
SETTING_OBSERVATION = "booster_observation_shown"  # vault setting: {"session", "day"}
NOT_ENOUGH_TEXT = QT_TR_NOOP("not enough sessions yet")
# When maintenance sessions are there but too close together to measure (each one's 7
# days before it lie inside the previous one's first 7 days): "not enough sessions
# yet" would be false, more sessions at that spacing never change it.
CLOSE_TOGETHER_TEXT = QT_TR_NOOP(
    "not measurable while your sessions are this close together (the week before each "
    "session still holds the first days after the one before)"
)
# When maintenance sessions are there but none has the mood entries a duration needs.
NO_MOOD_DATA_TEXT = QT_TR_NOOP(
    "{sessions}, but {which} enough mood entries around it to measure how long it helped "
    "(at least 3 days with a mood in the week before the session, and days with a mood "
    "after it)"
)
OBSERVATION_TEXT = QT_TR_NOOP(
    "Your mood has been back at its pre-session level for 3 days. "
    "You may want to mention this to your clinic."
)
OBSERVATION_LABEL = QT_TR_NOOP("An observation from your own data, not medical advice.")
DURABILITY_DEFINITION = QT_TR_NOOP(
    "Session durability: for each maintenance session (every session but the induction: "
    "a course's first run of sessions less than 7 days apart, the first session on "
    "record always, and the first such run of a kind first used later in the course; a "
    "gap of more than 90 days starts a new course), "
    "the days until the 3-day mean of mood, once above the pre-session baseline, is back at "
    "it (0 when none of the 3-day means on days 1-4 after the session was above it); when "
    "the next "
    "session, the end of the data or more than 7 days in a row without a 3-day mean (each "
    "needs a mood on 2 of its 3 days) came first, the duration counts "
    'as "at least" that long (censored). Median by the Kaplan-Meier method over the last '
    "maintenance sessions that have a duration, up to {n} (a setting; sessions on one day "
    "count once)."
)


# the UI passes moodlog.locale_words.LOCALE (tr with the locale's numbers) or
# moodlog.i18n.tr; the domain has no Qt
Translate = Callable[[str], str] | Formatting


def _untranslated(text: str) -> str:
    return text


def last_sessions_setting(value: object) -> int:
    """The stored "how many maintenance sessions" setting (3-20), else the default."""
    if type(value) is int and MIN_SESSIONS <= value <= MAX_LAST_SESSIONS:
        return value
    return DEFAULT_LAST_SESSIONS


def kaplan_meier(durations: Iterable[float], censored: Iterable[bool]) -> list[tuple[float, float]]:
    """The Kaplan-Meier estimate as (time, share still above) after each event time.

    At each distinct event time t, S(t) = S(previous) * (1 - d / n), with d the events
    at t and n the durations still at risk (>= t). A censored duration at the same
    time as an event is still at risk at that time (the usual convention)."""
    times = [float(t) for t in durations]
    is_censored = [bool(c) for c in censored]
    if len(times) != len(is_censored):
        raise ValueError("durations and censored must have the same length")
    curve = []
    share = 1.0
    for t in sorted({time for time, cut in zip(times, is_censored, strict=True) if not cut}):
        at_risk = sum(1 for time in times if time >= t)
        events = sum(
            1 for time, cut in zip(times, is_censored, strict=True) if time == t and not cut
        )
        share *= 1 - events / at_risk
        curve.append((float(t), share))
    return curve


def km_median(durations: Iterable[float], censored: Iterable[bool]) -> float | None:
    """Kaplan-Meier median: the smallest event time at which the estimated share still
    above baseline is 0.5 or less; None when it never falls that far (not reached)."""
    for time, share in kaplan_meier(durations, censored):
        if share <= 0.5 + 1e-12:
            return time
    return None


def induction_sessions(treatments: Iterable[Treatment], now: dt.datetime) -> list[Treatment]:
    """The induction (see the module's docstring): in each course, its first run of
    sessions less than 7 days apart (two or more, of any kinds; the first course's may
    be its first session alone: the first session on record is never maintenance), and
    for each kind first used later in the course, that kind's own first run (two or
    more of it)."""
    result: list[Treatment] = []
    for number, course in enumerate(courses(treatments, now)):
        least = 1 if number == 0 else 2
        induction = {id(t) for t in _first_run(course, 0, any_kind=True, least=least)}
        used = set()
        for index, session in enumerate(course):
            if index and session.kind not in used:
                induction |= {id(t) for t in _first_run(course, index, any_kind=False)}
            used.add(session.kind)
        result.extend(t for t in course if id(t) in induction)
    return result


def _first_run(
    course: list[Treatment], start: int, any_kind: bool, least: int = 2
) -> list[Treatment]:
    """From ``course[start]`` on, the sessions each less than 7 days after the one
    before (of the same kind, unless ``any_kind``: sessions of other kinds between them
    are passed over, reviews r10: one IV session inside an esketamine induction made
    that induction maintenance, or not, by the clock order of a same-day pair), on
    ``least`` or more days, or none (two sessions on one day are not a run)."""
    run = [course[start]]
    for session in course[start + 1 :]:
        if not any_kind and session.kind != run[0].kind:
            continue
        if (session.day - run[-1].day).days >= INDUCTION_GAP_DAYS:
            break
        run.append(session)
    return run if len({session.day for session in run}) >= least else []


def maintenance_sessions(treatments: Iterable[Treatment], now: dt.datetime) -> list[Treatment]:
    treatments = list(treatments)
    induction = {id(t) for t in induction_sessions(treatments, now)}
    return [t for t in past_sessions(treatments, now) if id(t) not in induction]


@dataclass(frozen=True)
class SessionDuration:
    session: Treatment
    days: int
    censored: bool

    @property
    def text(self) -> str:
        unit = "day" if self.days == 1 else "days"
        return f"at least {self.days} {unit}" if self.censored else f"{self.days} {unit}"


@dataclass(frozen=True)
class BoosterSummary:
    durations: list[SessionDuration]  # the sessions summarised, oldest first
    median_days: float | None
    since_last_session_days: int | None
    last: int = DEFAULT_LAST_SESSIONS
    maintenance: list[SessionDuration] = field(default_factory=list)  # every one, for charts
    method: str = METHOD
    # of the last ``last`` maintenance sessions, those without a duration because their
    # pre-session days overlap the previous session's +1..+7
    overlapping: int = 0
    maintenance_count: int = 0  # past maintenance sessions, with a duration or not
    # the last past session is a maintenance one with a baseline (so only the days
    # after it are missing for its duration)
    last_is_maintenance: bool = False
    maintenance_days: int = 0  # the days with a past maintenance session

    @property
    def sessions(self) -> int:
        return len(self.durations)

    @property
    def enough(self) -> bool:
        return self.sessions >= MIN_SESSIONS

    @property
    def censored(self) -> int:
        return sum(1 for d in self.durations if d.censored)

    @property
    def range(self) -> tuple[int, int] | None:
        """(shortest, longest) in days. The shortest is of the durations that ended: one
        still above when the next session came or the data ended says only "at least", so
        "range 1-17" from a session measured the day after would mislead (its open bar and
        the count of them say it); only when none ended is it the shortest of those."""
        if not self.durations:
            return None
        ended = [d.days for d in self.durations if not d.censored]
        low = min(ended) if ended else min(d.days for d in self.durations)
        return low, max(d.days for d in self.durations)

    def as_json(self) -> dict:
        """``{"booster": {...}}`` as ``moodlog insights --json`` prints it. With fewer
        than 3 sessions the figures are null (nothing is stated)."""
        enough = self.enough
        median = self.median_days
        return {
            "booster": {
                "sessions": self.sessions,
                "median_days": (int(median) if median is not None else None) if enough else None,
                "range": list(self.range) if enough and self.range else None,
                "censored": self.censored,
                "since_last_session_days": self.since_last_session_days,
                "method": self.method,
            }
        }

    # The sentences below take ``translate`` (the UI passes ``moodlog.i18n.tr``): each
    # marked wording is translated before the figures are filled in.

    def range_text(self, translate: Translate = _untranslated) -> str:
        """ "range 12-21", "range 12 to at least 21" when the longest is censored,
        "all 12 days" when they are the same; when none ended, "range at least 3 to at
        least 9" (or "each at least 9 days")."""
        assert self.range is not None
        low, high = self.range
        top_censored = any(d.censored and d.days == high for d in self.durations) and not any(
            not d.censored and d.days == high for d in self.durations
        )
        if not any(not d.censored for d in self.durations):
            if low == high:
                wording = QT_TR_NOOP("each at least {low} days")
            else:
                wording = QT_TR_NOOP("range at least {low} to at least {high}")
        elif top_censored:
            wording = QT_TR_NOOP("range {low} to at least {high}")
        elif any(d.censored and d.days < low for d in self.durations):
            # one still running, shorter so far, is left out of the range: not "all"
            # (diff review: "all 10 days" beside a session 3 days ago, still above)
            if low == high:
                wording = QT_TR_NOOP("{low} days each for those that ended")
            else:
                wording = QT_TR_NOOP("range {low}-{high} for those that ended")
        elif low == high:
            wording = QT_TR_NOOP("all {low} days")
        else:
            wording = QT_TR_NOOP("range {low}-{high}")
        return translate(wording).format(low=low, high=high)

    def not_enough_text(self, translate: Translate = _untranslated) -> str:
        """Why nothing is stated: "not enough sessions yet", or, when the sessions are
        there but too close together to measure, :data:`CLOSE_TOGETHER_TEXT`."""
        if self.overlapping and self.sessions + self.overlapping >= MIN_SESSIONS:
            return translate(CLOSE_TOGETHER_TEXT)
        return translate(NOT_ENOUGH_TEXT)

    def panel_text(self, translate: Translate = _untranslated) -> str:
        """The figure as the Trends panel states it, as a sentence: also when there are
        no maintenance sessions, or none with the mood entries to measure it."""
        if not self.maintenance_count:
            return translate(
                QT_TR_NOOP(
                    "No maintenance sessions yet (every session but the induction: a "
                    "course's first run of sessions less than 7 days apart, the first "
                    "session on record always, and the first such run of a kind first "
                    "used later in the course)."
                )
            )
        recent = self.since_last_session_days
        if (
            not self.maintenance
            and self.maintenance_days == 1  # (a same-day pair is one: last diff review)
            and self.last_is_maintenance
            and recent is not None
            and recent <= RISE_DECIDED_BY  # (decided by day +4 to +7: day +7's mood too)
        ):
            # The one maintenance session is the last, days ago, with its baseline: it is
            # not that the mood entries are missing (clinician review r10), the days are
            # still coming (without a baseline it would never be measured: final review).
            return translate(
                QT_TR_NOOP(
                    "1 maintenance session, too recent to measure yet: how long it helps "
                    "shows from the 4th to the 7th day after it."
                )
            )
        if not self.maintenance and not self.overlapping:
            sessions = count_text(
                self.maintenance_count,
                translate(QT_TR_NOOP("maintenance session")),
                translate(QT_TR_NOOP("maintenance sessions")),
            )
            if self.maintenance_count == 1:
                which = translate(QT_TR_NOOP("it does not have"))
            else:
                which = translate(QT_TR_NOOP("none has"))
            return translate(NO_MOOD_DATA_TEXT).format(sessions=sessions, which=which) + "."
        if not self.enough:
            reason = self.not_enough_text(translate)
            return f"{reason[0].upper()}{reason[1:]}."
        text = translate(QT_TR_NOOP("Your last {n} maintenance sessions: {figure}.")).format(
            n=self.sessions, figure=self.figure_text(translate)
        )
        if self.censored:
            text += " " + translate(
                QT_TR_NOOP(
                    "{n} still above when the next session came or the data ended (open bars)."
                )
            ).format(n=self.censored)
        return text

    def figure_text(self, translate: Translate = _untranslated) -> str:
        """ "the 3-day average of mood stayed above its pre-session level for a median
        of 17 days (range 12-21)", or why nothing is stated (:meth:`not_enough_text`).
        It says "the 3-day average": that is what the durations measure, and it lags a
        drop of the daily mood by up to 2 days (clinician review)."""
        if not self.enough:
            return self.not_enough_text(translate)
        if self.median_days is None:
            longest = max(d.days for d in self.durations)
            return translate(
                QT_TR_NOOP(
                    "the 3-day average of mood stayed above its pre-session level for more than "
                    "half of them, up to the next session or today (median more than {longest} "
                    "days; {range})"
                )
            ).format(longest=longest, range=self.range_text(translate))
        if self.median_days == 0:  # "stayed above ... for a median of 0 days" read oddly
            return translate(
                QT_TR_NOOP(
                    "the 3-day average of mood did not rise above its pre-session level after "
                    "at least half of them (median 0 days; {range})"
                )
            ).format(range=self.range_text(translate))
        return translate(
            QT_TR_NOOP(
                "the 3-day average of mood stayed above its pre-session level for a median of "
                "{median} days ({range})"
            )
        ).format(
            median=formatting(translate).general(self.median_days),
            range=self.range_text(translate),
        )

    def today_line(self, translate: Translate = _untranslated) -> str | None:
        """The one calm line for Today; None without any past session."""
        if self.since_last_session_days is None:
            return None
        if not self.enough:
            return translate(QT_TR_NOOP("How long your sessions help: {reason}.")).format(
                reason=self.not_enough_text(translate)
            )
        day = self.since_last_session_days
        if day == 0:
            # "ketamine or esketamine": Today's line above it counts any kind (review
            # finding: "2 days since your last session" over "day 13" after a TMS session)
            when = translate(QT_TR_NOOP("Your last ketamine or esketamine session was today."))
        else:
            when = translate(
                QT_TR_NOOP("Today is day {day} since your last ketamine or esketamine session.")
            ).format(day=day)
        return translate(QT_TR_NOOP("Your last {n} maintenance sessions: {figure}. {when}")).format(
            n=self.sessions, figure=self.figure_text(translate), when=when
        )

    def pdf_line(self, translate: Translate = _untranslated) -> str | None:
        """The PDF's "Session durability" line, or None with fewer than 3 sessions."""
        if not self.enough:
            return None
        text = translate(QT_TR_NOOP("last {n} maintenance sessions: {figure}")).format(
            n=self.sessions, figure=self.figure_text(translate)
        )
        if self.censored:
            text += "; " + translate(
                QT_TR_NOOP(
                    "{n} still above when the next session came or the entries ended "
                    "(counted as 'at least')"
                )
            ).format(n=self.censored)
        return text


def durations(
    responses: Iterable[SessionResponse], sessions: Iterable[Treatment]
) -> list[SessionDuration]:
    """The durations of ``sessions`` (by identity) that have one, oldest first; of
    sessions on one day, the first's only (:func:`analysis.one_session_a_day`: the
    same days of mood, one duration)."""
    wanted = {id(s) for s in sessions}
    chosen = [(r.session, r.duration) for r in responses if id(r.session) in wanted]
    result = []
    # Chosen first, then one a day: which of a same-day pair comes first by the clock
    # must not decide whether the day counts (review r10).
    for session, figure in one_session_a_day(chosen):
        if figure is not None:
            result.append(SessionDuration(session, figure[0], figure[1]))
    return result


def booster_summary(
    series: Series,
    treatments: Iterable[Treatment],
    now: dt.datetime,
    last: int = DEFAULT_LAST_SESSIONS,
    responses: list[SessionResponse] | None = None,
) -> BoosterSummary:
    """The summary of the last ``last`` maintenance sessions with a duration (see the
    module docstring). ``responses`` may pass :func:`session_responses` already made."""
    treatments = list(treatments)
    if responses is None:
        responses = session_responses(series, treatments, now)
    sessions = past_sessions(treatments, now)
    maintenance_all = maintenance_sessions(treatments, now)
    maintenance = durations(responses, maintenance_all)
    used = maintenance[-last:] if last > 0 else []
    recent = {id(s) for s in maintenance_all[-last:]} if last > 0 else set()
    overlapping = len(  # days, not sessions: a same-day pair is one (clinician review)
        {
            r.session.day
            for r in responses
            if id(r.session) in recent and r.baseline_status == "overlaps_previous_session"
        }
    )
    median = (
        km_median([d.days for d in used], [d.censored for d in used])
        if len(used) >= MIN_SESSIONS
        else None
    )
    since = (now.date() - sessions[-1].day).days if sessions else None
    return BoosterSummary(
        used,
        median,
        since,
        last,
        maintenance,
        overlapping=overlapping,
        maintenance_count=len(maintenance_all),
        maintenance_days=len({s.day for s in maintenance_all}),
        last_is_maintenance=bool(sessions and maintenance_all)
        and sessions[-1] is maintenance_all[-1]
        and any(r.session is sessions[-1] and r.baseline is not None for r in responses),
    )


def observation_session(
    series: Series, treatments: Iterable[Treatment], now: dt.datetime
) -> Treatment | None:
    """The last session, when the 3-day mean of the days after it has been at or below
    its pre-session baseline on each of the last 3 days, ending today or yesterday
    (each mean: days after the session only, at least 2 of 3 days present)."""
    treatments = list(treatments)
    sessions = past_sessions(treatments, now)
    if not sessions:
        return None
    last = sessions[-1]
    # Only sessions up to 14 days before the last can reach into its days -7..-1.
    nearby = [s for s in sessions if (last.day - s.day).days <= 14]
    responses = session_responses(series, nearby, now)
    baseline = next((r.baseline for r in responses if r.session is last), None)
    if baseline is None:
        return None
    values = by_ordinal(series)
    day0 = last.day.toordinal()
    today = now.date().toordinal()
    logged = [d for d in values if day0 < d <= today]
    if not logged or max(logged) < today - 1:
        return None
    end = max(logged)
    for day in range(end - OBSERVATION_DAYS + 1, end + 1):
        first = max(day0 + 1, day - 2)
        if day - first < 2:  # fewer than 3 days since the session
            return None
        found = [v for d in range(first, day + 1) if (v := values.get(d)) is not None]
        if len(found) < 2 or sum(found) / len(found) > baseline:
            return None
    return last


def session_key(session: Treatment) -> str:
    """Stable across export and import (database ids are not)."""
    return f"{session.kind}@{session.starts_at.isoformat(timespec='minutes')}"


def observation_allowed(session: Treatment, today: dt.date, shown: object) -> bool:
    """At most once per session: allowed when it was never shown for ``session``, or
    first shown for it today (it stays while the day lasts). ``shown`` is the stored
    setting value (any shape from an older or damaged vault is treated as unknown)."""
    if not isinstance(shown, dict) or shown.get("session") != session_key(session):
        return True
    return shown.get("day") == today.isoformat()


def shown_value(session: Treatment, today: dt.date) -> dict[str, str]:
    return {"session": session_key(session), "day": today.isoformat()}


def period_durability(
    contents: VaultContents,
    last_day: dt.date,
    now: dt.datetime,
    translate: Translate = _untranslated,
    known: tuple[Series, list[SessionResponse]] | None = None,
) -> tuple[str, str] | None:
    """The PDF page 1 "Session durability" line and its footnote, as of the end of the
    period (``last_day``, or ``now`` if earlier); None with fewer than 3 maintenance
    sessions. The number of sessions is the vault setting, as on Today and Trends.
    ``known``: a mood series and the :func:`session_responses` made from it as of the
    same moment, used when the series is this one (the summary has just made them)."""
    as_of = min(now, dt.datetime.combine(last_day, dt.time(23, 59)))
    if not any(t.kind_info.ketamine for t in contents.treatments):
        return None
    mood = daily_series(e for e in contents.entries if e.day <= as_of.date())
    last = last_sessions_setting(contents.settings.get(SETTING_LAST_SESSIONS))
    responses = known[1] if known is not None and known[0] == mood else None
    summary = booster_summary(mood, contents.treatments, as_of, last, responses)
    line = summary.pdf_line(translate)
    if line is None:
        return None
    return line[0].upper() + line[1:] + ".", translate(DURABILITY_DEFINITION).format(n=last)
