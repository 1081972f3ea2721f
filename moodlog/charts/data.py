"""What the charts draw, and the drawing rules they share, without numpy or pyqtgraph:
the data (``TrendData``), the day <-> timestamp mapping, colours and their contrast, and
the date axis's steps and labels. The Trends screen draws with pyqtgraph
(``moodlog.charts.plots``); the PDF draws the same data straight onto its pages
(``moodlog.charts.paper``), so that writing a report imports neither library (issue 14:
~50 MiB and ~40 ms less per export)."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QColor, QPen

from moodlog.domain.analysis import (
    CourseSummary,
    Series,
    SessionResponse,
    TagComparison,
    compare_tags,
    course_summary,
    daily_series,
    days_by_tag,
    session_responses,
    sleep_mood_correlation,
    trailing_mean,
)
from moodlog.domain.contents import VaultContents
from moodlog.domain.questionnaires import GAD7, PHQ9
from moodlog.domain.safety import worst_level
from moodlog.domain.treatments import KINDS, Treatment
from moodlog.i18n import date_text, tr
from moodlog.locale_words import LOCALE
from moodlog.wording import QT_TR_NOOP

LEVEL_COLOURS = {
    "none": "#7fb89a",
    "low": "#e8c547",
    "moderate": "#e8903a",
    "incomplete": "#a0357a",
    "high": "#c8453b",
    "skipped": "#b5b5b5",
}
# A shape per level, so that levels differ without colour too (pyqtgraph symbols),
# a size factor, and the same shape as a character for legends.
LEVEL_SYMBOLS = {
    "skipped": ("x", 0.9, "\N{MULTIPLICATION SIGN}"),
    "none": ("o", 0.8, "\N{BLACK CIRCLE}"),
    "low": ("t", 1.1, "\N{BLACK DOWN-POINTING TRIANGLE}"),
    "moderate": ("d", 1.25, "\N{BLACK DIAMOND}"),
    "incomplete": ("star", 1.5, "\N{BLACK STAR}"),
    "high": ("s", 1.25, "\N{BLACK SQUARE}"),
}
BAND_COLOURS = ("#e7f2ea", "#f5f1dc", "#f8e6cf", "#f6d7c9", "#f2c9c4")
# A thin line (the text colour at this alpha) where one severity band meets the next:
# the bands' pale fills are nearly the same grey on a black-and-white printout (mild is
# even a shade lighter than minimal), so without it a score's band was told by colour
# alone there (print review).
BAND_EDGE_ALPHA = 90
SERIES_STYLE = {  # name: (label, colour, right-hand axis?)
    "anxiety": (QT_TR_NOOP("Anxiety"), "#c0632b", False),
    "energy": (QT_TR_NOOP("Energy"), "#4c8c2b", False),
    "sleep_hours": (QT_TR_NOOP("Hours slept"), "#5a6fb5", False),
}
MOOD_COLOUR = "#2c5d63"
MEDICATION_COLOUR = "#6b5a8e"
SESSION_LINE_LOW, SESSION_LINE_HIGH = -0.9, 10.1
# A line pattern per session kind (Qt dash pattern in pen widths; None: solid) and its
# name in the charts' keys. Print review: on a black-and-white printout, and to
# red-green colour blindness, IV purple and esketamine blue are the same grey, and the
# labels under the lines are thinned (an esketamine course among IV boosters showed no
# "ESK"), so the kind was told by colour alone. A booked appointment stays dashed (Qt's
# DashLine, 4 on 2 off), a pattern no kind uses.
SESSION_PATTERNS: dict[str, tuple[tuple[float, ...] | None, str]] = {
    "ketamine_iv": (None, QT_TR_NOOP("solid")),
    "esketamine_nasal": ((1.0, 1.6), QT_TR_NOOP("dotted")),
    "ketamine_im": ((5.0, 2.0, 1.0, 2.0), QT_TR_NOOP("dash-dot")),
    "ketamine_oral": ((5.0, 2.0, 1.0, 2.0, 1.0, 2.0), QT_TR_NOOP("dash-dot-dot")),
    "kap": ((9.0, 3.0), QT_TR_NOOP("long dashes")),
    "tms": ((9.0, 3.0, 1.0, 3.0), QT_TR_NOOP("long dash-dot")),
    "ect": ((9.0, 3.0, 1.0, 3.0, 1.0, 3.0), QT_TR_NOOP("long dash-dot-dot")),
    "other": ((2.0, 2.0), QT_TR_NOOP("short dashes")),
}
MAX_LABELS = 40
SESSION_LABEL_MARGIN_PX = 4.0  # pyqtgraph's TextItem: blank space each side of its text
SESSION_LABEL_GAP_PX = 6.0  # at least this between two session labels' letters


EPOCH = dt.date(1970, 1, 1)


_EPOCH_ORDINAL = EPOCH.toordinal()


DAY_SECONDS = 86400.0
HALF_DAY = DAY_SECONDS / 2  # a day's point is drawn at its noon: half a day either side


def timestamp(day: dt.date) -> float:
    """Noon UTC of ``day`` as a Unix timestamp."""
    return (day.toordinal() - _EPOCH_ORDINAL) * DAY_SECONDS + HALF_DAY


def day_of(ts: float) -> dt.date:
    """The day whose noon-UTC timestamp is nearest below or at ``ts``'s day."""
    return EPOCH + dt.timedelta(days=math.floor(ts / DAY_SECONDS))


@dataclass
class TrendData:
    """Everything the charts draw, computed once from the vault's contents."""

    now: dt.datetime
    mood: Series
    trend: Series
    others: dict[str, Series]
    treatments: list[Treatment]
    sessions: list[Treatment]  # past ketamine/esketamine sessions
    responses: list[SessionResponse]
    medication_events: list[tuple[dt.date, str]]
    checkin_levels: list[tuple[dt.date, str]]
    questionnaires: dict[str, list[tuple[dt.date, int]]] = field(default_factory=dict)
    course: dict[str, CourseSummary] = field(default_factory=dict)
    tag_comparisons: list[TagComparison] = field(default_factory=list)
    sleep_correlation: tuple[float, int] | None = None
    since: dt.date | None = None  # set for a recent slice only (see from_vault)
    tag_days: dict[str, set[dt.date]] = field(default_factory=dict)  # whole history only

    @property
    def complete(self) -> bool:
        return self.since is None

    @classmethod
    def build(cls, contents: VaultContents, now: dt.datetime, analysis: bool = True) -> TrendData:
        """From whole records (the PDF report's path). Without ``analysis``, only what
        the charts draw: no per-session, course, tag or sleep analysis (the report
        states those from its own summary)."""
        entries = contents.entries
        return cls.from_parts(
            now=now,
            series={name: daily_series(entries, name) for name in ("mood", *SERIES_STYLE)},
            tag_days=days_by_tag(entries) if analysis else {},
            contents=contents,
            checkin_levels=[(c.day, c.level) for c in contents.checkins],
            analysis=analysis,
        )

    @classmethod
    def from_vault(
        cls,
        vault,  # noqa: ANN001
        now: dt.datetime,
        since: dt.date | None = None,
    ) -> TrendData:
        """From the vault's per-day means (the Trends screen's fast path); the same
        numbers as :meth:`build`, which tests check.

        With ``since``, only the days from then on are read, for a first paint of the
        recent range that does not wait for ten years of history: enough for the
        charts there (the trend is dropped for the first 6 days, whose 7-day window
        reaches before ``since``), but no per-session, course or tag analysis, which
        need everything. Sessions and medication changes are always read whole.
        """
        contents = VaultContents(
            questionnaires=vault.questionnaires.all(since=since),
            treatments=vault.treatments.all(),
            medications=vault.medications.all(),
        )
        return cls.from_parts(
            now=now,
            series=vault.entries.daily_means(since),
            tag_days={} if since else vault.entries.days_by_tag(),
            contents=contents,
            checkin_levels=vault.checkins.levels(since),
            since=since,
        )

    @classmethod
    def from_parts(
        cls,
        now: dt.datetime,
        series: dict[str, Series],
        tag_days: dict[str, set[dt.date]],
        contents: VaultContents,
        checkin_levels: list[tuple[dt.date, str]],
        since: dt.date | None = None,
        analysis: bool = True,
    ) -> TrendData:
        mood = series["mood"]
        trend = trailing_mean(mood)
        if since is not None:
            trend_from = since + dt.timedelta(days=6)
            trend = {day: value for day, value in trend.items() if day >= trend_from}
        sessions = sorted(
            (t for t in contents.treatments if t.kind_info.ketamine and not t.is_appointment(now)),
            key=lambda t: t.starts_at,
        )
        events = [
            (
                e.day,
                f"{m.name} {e.event}" + (f" {LOCALE.general(e.dose)} {m.unit}" if e.dose else ""),
            )
            for m in contents.medications
            for e in m.events
        ]
        scored = [q for q in contents.questionnaires if q.scored]
        questionnaires = {
            name: sorted((q.day, q.total) for q in scored if q.instrument == name)
            for name in (PHQ9, GAD7)
        }
        whole = since is None and analysis
        return cls(
            now=now,
            mood=mood,
            trend=trend,
            others={name: series[name] for name in SERIES_STYLE},
            treatments=sorted(contents.treatments, key=lambda t: t.starts_at),
            sessions=sessions,
            responses=session_responses(mood, contents.treatments, now) if whole else [],
            medication_events=sorted(events),
            checkin_levels=checkin_levels,
            questionnaires=questionnaires,
            course={  # (all results: an unscored one is counted as such, as in the PDF)
                name: course_summary(contents.questionnaires, name, contents.treatments, now)
                for name in (PHQ9, GAD7)
            }
            if whole
            else {},
            tag_comparisons=compare_tags(mood, tag_days) if whole else [],
            sleep_correlation=sleep_mood_correlation(series["sleep_hours"], mood)
            if whole
            else None,
            since=since,
            tag_days=tag_days if whole else {},
        )

    def associations(
        self, first: dt.date | None = None
    ) -> tuple[list[TagComparison], tuple[float, int] | None]:
        """Mood with vs without each tag, and hours slept vs the next day's mood, over
        the days from ``first`` on (None: the whole history), so that the words under
        the chart are about the range it shows."""
        if first is None:
            return self.tag_comparisons, self.sleep_correlation
        mood = {day: value for day, value in self.mood.items() if day >= first}
        tags = {tag: {d for d in days if d >= first} for tag, days in self.tag_days.items()}
        sleep = {day: value for day, value in self.others["sleep_hours"].items() if day >= first}
        return compare_tags(mood, tags), sleep_mood_correlation(sleep, mood)

    def outdated(self, now: dt.datetime) -> bool:
        """True once ``now`` is another day, or a booked session has started since
        (it then counts as a session, no longer an appointment)."""
        return now.date() != self.now.date() or any(
            self.now < t.starts_at <= now for t in self.treatments
        )

    def first_day(self) -> dt.date | None:
        """The first day with anything drawn: "All" starts there (a questionnaire taken
        before the first mood was left out of view)."""
        days = [min(self.mood, default=None)]
        days += [min((t.day for t in self.treatments), default=None)]
        days += [points[0][0] for points in self.questionnaires.values() if points]
        days += [min((day for day, _ in self.checkin_levels), default=None)]
        days += [min((day for day, _ in self.medication_events), default=None)]
        return min((day for day in days if day is not None), default=None)

    def describe_day(self, day: dt.date) -> str:
        """The day's figures in one line (shown when the pointer is over a day), in the
        locale's day names and decimals: "Mon 01 Jun 2026 · mood 6.5 · energy 5.0"."""
        parts = [date_text(day, "ddd dd MMM yyyy")]
        if day in self.mood:
            parts.append(tr("mood {value}").format(value=LOCALE.number(self.mood[day], 1)))
        else:
            parts.append(tr("no entry"))
        for name, (label, _, _) in SERIES_STYLE.items():
            value = self.others[name].get(day)
            if value is not None:
                parts.append(f"{tr(label).lower()} {LOCALE.number(value, 1)}")
        for t in self.treatments:
            if t.day == day:
                parts.append(tr(t.label) + (f" {t.dose_text(LOCALE)}" if t.dose_mg else ""))
        for event_day, text in self.medication_events:
            if event_day == day:
                parts.append(text)
        return " \N{MIDDLE DOT} ".join(parts)


def style_session_pen(pen: QPen, kind: str, appointment: bool) -> QPen:
    """``pen`` (the kind's colour and width) with the line pattern of a session of
    ``kind`` (:data:`SESSION_PATTERNS`), or dashed for a booked appointment: the same
    on the Trends screen and on paper. A patterned line has flat ends, so that its
    dots and gaps are as long as the pattern says."""
    pattern = SESSION_PATTERNS[kind][0]
    if appointment:
        pen.setStyle(Qt.PenStyle.DashLine)
    elif pattern is None:
        pen.setStyle(Qt.PenStyle.SolidLine)
    else:
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        pen.setDashPattern(list(pattern))
    return pen


def session_kinds_key(kinds: Iterable[str]) -> str:
    """The session lines' key for ``kinds`` in the order given: "Session lines: IV,
    Ketamine IV infusion: solid; ESK, Esketamine nasal spray: dotted." (a kind whose
    name is its short label, as TMS, is named once). Empty for none."""
    parts = []
    for kind in dict.fromkeys(kinds):
        short, name = KINDS[kind].short, tr(KINDS[kind].label)
        pattern = tr(SESSION_PATTERNS[kind][1])
        if name == short:
            parts.append(tr("{short}: {pattern}").format(short=short, pattern=pattern))
        else:
            parts.append(
                tr("{short}, {name}: {pattern}").format(short=short, name=name, pattern=pattern)
            )
    return tr("Session lines: {kinds}.").format(kinds="; ".join(parts)) if parts else ""


def worst_level_by_day(levels: list[tuple[dt.date, str]]) -> dict[dt.date, str]:
    """The most concerning self-check level of each day (``safety.LEVEL_ORDER``):
    one marker a day, so a skipped check-in never hides a high one."""
    by_day: dict[dt.date, list[str]] = defaultdict(list)
    for day, level in levels:
        by_day[day].append(level)
    return {day: worst_level(found) for day, found in by_day.items()}


# WCAG 2.1 contrast: 4.5:1 for text (AA), 3:1 for the lines and markers that carry
# meaning (non-text contrast, 1.4.11).
TEXT_CONTRAST = 4.5
GRAPHIC_CONTRAST = 3.0


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of an opaque colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio of two opaque colours (1 to 21)."""
    a, b = sorted((luminance(QColor(first)), luminance(QColor(second))), reverse=True)
    return (a + 0.05) / (b + 0.05)


def legible(colour: QColor | str, background: QColor, ratio: float = GRAPHIC_CONTRAST) -> QColor:
    """``colour``, darkened on a light background or lightened on a dark one just enough
    (same hue) to reach ``ratio`` against ``background``."""
    colour = QColor(colour)
    if contrast_ratio(colour, background) >= ratio:
        return colour
    hue, saturation, lightness, _ = colour.getHslF()
    hue = max(hue, 0.0)  # -1 for greys
    step = 0.02 if background.lightnessF() < 0.5 else -0.02
    while 0.0 < lightness < 1.0:
        lightness = min(1.0, max(0.0, lightness + step))
        candidate = QColor.fromHslF(hue, saturation, lightness)
        if contrast_ratio(candidate, background) >= ratio:
            return candidate
    return QColor.fromHslF(hue, saturation, lightness)


def blend(colour: QColor, alpha: int, background: QColor) -> QColor:
    """The opaque colour that ``colour`` at ``alpha`` (0-255) gives over ``background``."""
    a = alpha / 255
    return QColor.fromRgbF(
        a * colour.redF() + (1 - a) * background.redF(),
        a * colour.greenF() + (1 - a) * background.greenF(),
        a * colour.blueF() + (1 - a) * background.blueF(),
    )


# Date-axis steps, smallest first: (unit, how many), and the fewest days one spans.
AXIS_STEPS = (
    ("day", 1, 1),
    ("day", 2, 2),
    ("day", 7, 7),
    ("day", 14, 14),
    ("month", 1, 28),
    ("month", 2, 59),
    ("month", 3, 89),
    ("month", 6, 181),
    ("year", 1, 365),
    ("year", 2, 730),
    ("year", 5, 1826),
    ("year", 10, 3652),
    ("year", 20, 7305),
    ("year", 50, 18262),
    ("year", 100, 36525),
)
AXIS_LABEL_GAP_PX = 14.0  # at least this much space between two date labels
_AXIS_FORMATS = {"day": "d MMM", "month": "MMM yyyy", "year": "yyyy"}


def date_label(locale: QLocale, day: dt.date, unit: str) -> str:
    """A date-axis label: "29 Oct", "Oct 2026" or "2026" in the locale's month names."""
    return locale.toString(QDate(day.year, day.month, day.day), _AXIS_FORMATS[unit])


def widest_date_label(locale: QLocale, advance: Callable[[str], float], unit: str) -> float:
    """The widest label of ``unit`` (every month's name), measured by ``advance``."""
    return max(
        advance(date_label(locale, dt.date(2028, month, 28), unit)) for month in range(1, 13)
    )


def date_step(
    days_shown: float, pixels: float, label_width: Callable[[str], float]
) -> tuple[str, int, int]:
    """The smallest step whose widest label still leaves a gap to the next one."""
    per_day = pixels / max(days_shown, 1e-9)
    for unit, count, min_days in AXIS_STEPS:
        if min_days * per_day >= label_width(unit) + AXIS_LABEL_GAP_PX:
            return unit, count, min_days
    return AXIS_STEPS[-1]


def date_ticks(
    low: float, high: float, pixels: float, label_width: Callable[[str], float]
) -> list[tuple[float, list[float]]]:
    """Tick positions (noon-UTC timestamps) between ``low`` and ``high`` on an axis
    ``pixels`` long, as pyqtgraph's ``tickValues`` returns them: one level, whole labels
    only (a label that would stick out past either end is left out)."""
    if not high > low or pixels <= 0 or high - low > 400 * 365 * DAY_SECONDS:
        return []
    unit, count, min_days = date_step((high - low) / DAY_SECONDS, pixels, label_width)
    first, last = day_of(low), day_of(high)
    if unit == "day":
        start = first.toordinal()
        if count == 14:
            start -= (start - 1) % 14  # every other Monday (ordinal 1 was a Monday)
        elif count == 7:
            start -= (start - 1) % 7  # Mondays
        else:
            start -= start % count
        days = [dt.date.fromordinal(o) for o in range(start, last.toordinal() + 1, count)]
    elif unit == "month":
        days = []
        year, month = first.year, 1
        while dt.date(year, month, 1) <= last:
            if (month - 1) % count == 0 and dt.date(year, month, 1) >= first:
                days.append(dt.date(year, month, 1))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    else:
        days = [
            dt.date(year, 1, 1)
            for year in range(first.year - first.year % count, last.year + 1, count)
            if dt.date(year, 1, 1) >= first
        ]
    margin = (label_width(unit) / 2 + 2) * (high - low) / pixels
    values = [timestamp(d) for d in days]
    return [(min_days * DAY_SECONDS, [v for v in values if low + margin <= v <= high - margin])]


def date_tick_unit(spacing: float) -> str:
    """The label unit of a tick level ``spacing`` seconds apart."""
    days = spacing / DAY_SECONDS
    return "day" if days < 28 else "month" if days < 365 else "year"


def place_session_labels(
    labels: list[tuple[float, float]], width: float
) -> list[tuple[int, bool, float]]:
    """Which session labels a chart shows, so that labels never overlap: during an
    induction course (sessions days apart) only every few get a label instead of
    "IVIVIV" (the lines still show each session). ``labels``: (x of the session's line,
    width of its text) in pixels from the plot's left, in day order; ``width``: the
    plot's. A label near the right edge is drawn to the left of its line so it is not
    cut. Returns (position in ``labels``, drawn left of its line, where its letters
    start), at most ``MAX_LABELS``. The Trends screen and the PDF share this rule."""
    placed: list[tuple[int, bool, float]] = []
    free_from = -math.inf  # where the next label's letters may start
    for position, (x, text_width) in enumerate(labels):
        box_width = text_width + 2 * SESSION_LABEL_MARGIN_PX  # a text item's box
        at_right_edge = x + box_width > width
        ink_left = (x - box_width if at_right_edge else x) + SESSION_LABEL_MARGIN_PX
        if ink_left < free_from or ink_left < 0:
            continue
        free_from = ink_left + text_width + SESSION_LABEL_GAP_PX
        placed.append((position, at_right_edge, ink_left))
        if len(placed) >= MAX_LABELS:
            break
    return placed
