"""Charts (pyqtgraph), shared by the Trends screen and the PDF report.

Imported only after unlock: pyqtgraph costs ~0.4 s to import. Dates are drawn as
UTC timestamps at noon with a UTC date axis, so a day never shifts across zones.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPalette,
    QPicture,
    QTransform,
)
from PySide6.QtWidgets import QApplication, QWidget

from moodlog.charts.theme import theme_events
from moodlog.domain.analysis import (
    CourseSummary,
    Series,
    SessionResponse,
    TagComparison,
    compare_tags,
    course_summary,
    daily_series,
    days_by_tag,
    mean_response_curve,
    session_curve,
    session_responses,
    sleep_mood_correlation,
    trailing_mean,
)
from moodlog.domain.contents import VaultContents
from moodlog.domain.questionnaires import BANDS, GAD7, PHQ9, max_total
from moodlog.domain.safety import LEVEL_ORDER, worst_level
from moodlog.domain.treatments import KINDS, Treatment
from moodlog.i18n import date_text, tr
from moodlog.locale_words import LOCALE
from moodlog.wording import QT_TR_NOOP

pg.setConfigOptions(antialias=True)

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
SERIES_STYLE = {  # name: (label, colour, right-hand axis?)
    "anxiety": (QT_TR_NOOP("Anxiety"), "#c0632b", False),
    "energy": (QT_TR_NOOP("Energy"), "#4c8c2b", False),
    "sleep_hours": (QT_TR_NOOP("Hours slept"), "#5a6fb5", False),
}
MOOD_COLOUR = "#2c5d63"
MEDICATION_COLOUR = "#6b5a8e"
SESSION_LINE_LOW, SESSION_LINE_HIGH = -0.9, 10.1
MAX_LABELS = 40
SESSION_LABEL_MARGIN_PX = 4.0  # pyqtgraph's TextItem: blank space each side of its text
SESSION_LABEL_GAP_PX = 6.0  # at least this between two session labels' letters


EPOCH = dt.date(1970, 1, 1)


_EPOCH_ORDINAL = EPOCH.toordinal()


def timestamp(day: dt.date) -> float:
    """Noon UTC of ``day`` as a Unix timestamp."""
    return (day.toordinal() - _EPOCH_ORDINAL) * 86400.0 + 43200.0


def day_of(ts: float) -> dt.date:
    """The day whose noon-UTC timestamp is nearest below or at ``ts``'s day."""
    return EPOCH + dt.timedelta(days=math.floor(ts / 86400))


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
            course={
                name: course_summary(scored, name, contents.treatments, now)
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
        days = list(self.mood) + [t.day for t in self.treatments]
        return min(days) if days else None

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


def worst_level_by_day(levels: list[tuple[dt.date, str]]) -> dict[dt.date, str]:
    """The most concerning self-check level of each day (``safety.LEVEL_ORDER``):
    one marker a day, so a skipped check-in never hides a high one."""
    by_day: dict[dt.date, list[str]] = defaultdict(list)
    for day, level in levels:
        by_day[day].append(level)
    return {day: worst_level(found) for day, found in by_day.items()}


def _series_xy(series: Series, break_at_gaps: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """x (noon-UTC timestamps) and y arrays in day order. With ``break_at_gaps`` a NaN
    is inserted after each missing run of days, so a line drawn with
    ``connect="finite"`` breaks there instead of bridging the gap."""
    if not series:
        return np.empty(0), np.empty(0)
    days = np.fromiter((day.toordinal() for day in series), dtype=np.int64, count=len(series))
    values = np.fromiter(series.values(), dtype=float, count=len(series))
    order = np.argsort(days, kind="stable")  # already sorted when it came from the vault
    days, values = days[order], values[order]
    if break_at_gaps:
        after_gap = np.flatnonzero(np.diff(days) > 1) + 1
        values = np.insert(values, after_gap, np.nan)
        days = np.insert(days, after_gap, days[after_gap - 1] + 1)
    return (days - _EPOCH_ORDINAL) * 86400.0 + 43200.0, values


_PRINTING = False


@contextlib.contextmanager
def for_paper() -> Iterator[None]:
    """Charts built inside this block are black on white, whatever the screen's theme."""
    global _PRINTING
    previous, _PRINTING = _PRINTING, True
    try:
        yield
    finally:
        _PRINTING = previous


def dark_palette() -> bool:
    if _PRINTING:
        return False
    return QApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128


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


def chart_background() -> QColor:
    """White on paper; the palette's base colour on screen."""
    if _PRINTING:
        return QColor("white")
    return QApplication.palette().color(QPalette.ColorRole.Base)


def on_chart(colour: QColor | str, ratio: float = GRAPHIC_CONTRAST) -> QColor:
    """``colour`` as drawn on the chart's background (see :func:`legible`)."""
    return legible(colour, chart_background(), ratio)


def on_window(colour: QColor | str, ratio: float = GRAPHIC_CONTRAST) -> QColor:
    """``colour`` as drawn on the window's background (legends beside a chart)."""
    if _PRINTING:
        return legible(colour, QColor("white"), ratio)
    return legible(colour, QApplication.palette().color(QPalette.ColorRole.Window), ratio)


def mood_colour() -> QColor:
    """The mood series colour, lightened on a dark background for contrast."""
    colour = QColor(MOOD_COLOUR)
    return colour.lighter(190) if dark_palette() else colour


def questionnaire_colour() -> QColor:
    return QColor("#dddddd") if dark_palette() else QColor("#444444")


def text_colour() -> QColor:
    return QColor("black") if _PRINTING else QApplication.palette().color(QPalette.ColorRole.Text)


def apply_background(widget: pg.GraphicsView) -> None:
    widget.setBackground(chart_background())


def _theme_axes(plot: LightPlot) -> None:
    for axis in (plot.left, plot.bottom):
        axis.setPen(pg.mkPen(text_colour()))
        axis.setTextPen(pg.mkPen(text_colour()))


DAY_SECONDS = 86400.0
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
)
AXIS_LABEL_GAP_PX = 14.0  # at least this much space between two date labels
_AXIS_FORMATS = {"day": "d MMM", "month": "MMM yyyy", "year": "yyyy"}


class DayAxis(pg.AxisItem):
    """A date axis (noon-UTC timestamps) with one row of labels that never collide.

    pyqtgraph's DateAxisItem draws two levels of labels that can run into each other
    ("29Oct"). Here the step (days, weeks, months, years) is the smallest whose widest
    label still leaves a gap to the next one, every label is whole ("29 Oct",
    "Oct 2026", "2026", in the locale's month names), and a label that would be cut
    at either end of the axis is left out."""

    def __init__(self, orientation: str = "bottom", **kwargs: object) -> None:
        super().__init__(orientation, **kwargs)
        self.locale = QLocale()
        self._widths: dict[tuple[str, str], float] = {}

    def label_text(self, day: dt.date, unit: str) -> str:
        return self.locale.toString(QDate(day.year, day.month, day.day), _AXIS_FORMATS[unit])

    def label_width(self, unit: str) -> float:
        """The widest label of ``unit`` in the axis font (every month's name)."""
        font = self.style.get("tickFont") or self.font()
        key = (unit, font.key())
        if key not in self._widths:
            metrics = QFontMetricsF(font)
            self._widths[key] = max(
                metrics.horizontalAdvance(self.label_text(dt.date(2028, month, 28), unit))
                for month in range(1, 13)
            )
        return self._widths[key]

    def step_for(self, days_shown: float, pixels: float) -> tuple[str, int, int]:
        per_day = pixels / max(days_shown, 1e-9)
        for unit, count, min_days in AXIS_STEPS:
            if min_days * per_day >= self.label_width(unit) + AXIS_LABEL_GAP_PX:
                return unit, count, min_days
        return AXIS_STEPS[-1]

    def tickValues(  # noqa: N802 (pyqtgraph's name)
        self,
        minVal: float,
        maxVal: float,
        size: float,  # noqa: N803
    ) -> list[tuple[float, list[float]]]:
        if not maxVal > minVal or size <= 0 or maxVal - minVal > 400 * 365 * DAY_SECONDS:
            return []
        unit, count, min_days = self.step_for((maxVal - minVal) / DAY_SECONDS, size)
        first, last = day_of(minVal), day_of(maxVal)
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
        # Leave out a label that would stick out past either end (it would be cut).
        margin = (self.label_width(unit) / 2 + 2) * (maxVal - minVal) / size
        values = [timestamp(d) for d in days]
        return [
            (min_days * DAY_SECONDS, [v for v in values if minVal + margin <= v <= maxVal - margin])
        ]

    def tickStrings(  # noqa: N802 (pyqtgraph's name)
        self, values: list[float], scale: float, spacing: float
    ) -> list[str]:
        days = spacing / DAY_SECONDS
        unit = "day" if days < 28 else "month" if days < 365 else "year"
        return [self.label_text(day_of(v), unit) for v in values]


class LightPlot:
    """A view box with a left axis and a bottom axis (dates or plain numbers), placed
    in two rows of a chart's layout: the part of pyqtgraph's PlotItem these charts use.

    A PlotItem also builds a Qt options form, buttons, a title and four axes, ~12 ms
    a plot, for menus these charts switch off. Putting every plot's left axis in the
    same layout column also lines the plots' x axes up exactly.
    """

    def __init__(self, layout: pg.GraphicsLayout, row: int, dates: bool = True) -> None:
        self.vb = pg.ViewBox(enableMenu=False)
        self.vb.disableAutoRange()  # ranges are set explicitly; no bounds pass per item
        pens = {"pen": pg.mkPen(text_colour()), "textPen": pg.mkPen(text_colour())}
        self.left = pg.AxisItem("left", **pens)
        self.bottom = DayAxis("bottom", **pens) if dates else pg.AxisItem("bottom", **pens)
        for axis in (self.left, self.bottom):
            # Without units there is no SI prefix to choose, but the axis would still
            # re-typeset its label on every range change.
            axis.enableAutoSIPrefix(False)
            axis.linkToView(self.vb)
        # Straight into Qt's grid: pyqtgraph's GraphicsLayout.addItem re-runs the
        # whole layout after every item.
        grid = layout.layout
        grid.addItem(self.left, 2 * row, 0)
        grid.addItem(self.vb, 2 * row, 1)
        grid.addItem(self.bottom, 2 * row + 1, 1)
        self.sigXRangeChanged = self.vb.sigXRangeChanged

    def add(self, item: pg.GraphicsObject, ignore_bounds: bool = False) -> None:
        self.vb.addItem(item, ignoreBounds=ignore_bounds)

    def remove(self, item: pg.GraphicsObject) -> None:
        self.vb.removeItem(item)

    def clear(self) -> None:
        self.vb.clear()

    def set_label(self, text: str) -> None:
        self.left.setLabel(text)

    def show_grid(self, x: bool = False, y: bool = True, alpha: float = 0.15) -> None:
        self.bottom.setGrid(int(alpha * 255) if x else False)
        self.left.setGrid(int(alpha * 255) if y else False)

    def viewRange(self) -> list[list[float]]:  # noqa: N802 (pyqtgraph's name)
        return self.vb.viewRange()

    def contains(self, scene_pos: QPointF) -> bool:
        return self.vb.sceneBoundingRect().contains(scene_pos)


def _stack(widget: pg.GraphicsLayoutWidget, plots: list[LightPlot], stretch: list[int]) -> None:
    """No spacing between a plot and its own date axis, some between plots."""
    grid = widget.ci.layout
    grid.setVerticalSpacing(0)
    grid.setHorizontalSpacing(0)
    for index, factor in enumerate(stretch):
        grid.setRowStretchFactor(2 * index, factor)
        if index < len(plots) - 1:
            grid.setRowSpacing(2 * index + 1, 10)


def scatter(size: float, colour: QColor | str, symbol: str = "o") -> pg.ScatterPlotItem:
    return PaperScatter(symbol=symbol, size=size, pen=None, brush=pg.mkBrush(colour))


_SYMBOLS = pg.graphicsItems.ScatterPlotItem.Symbols
_PER_POINT_DEFAULTS = {"symbol": None, "size": -1, "pen": None, "brush": None}


class PaperScatter(pg.ScatterPlotItem):
    """A scatter item that, when drawn for paper (export mode, see :func:`record_chart`),
    draws its points as vector paths with as few Python calls as possible: pyqtgraph
    draws each point with its own set of calls there (~20 us a point), or, outside
    export mode, stamps them from a pixmap (raster points in a vector PDF). On screen
    nothing changes. Points without an outline are one path (the same shapes filled
    together look exactly like the shapes one by one); outlined points are drawn one
    by one in order, each over the one before, as pyqtgraph draws them. Points with
    styles of their own are left to pyqtgraph."""

    def paint(self, painter: QPainter, option: object, widget: object) -> None:
        if self._exportOpts is False or not self._paint_on_paper(painter):
            super().paint(painter, option, widget)

    def _paint_on_paper(self, painter: QPainter) -> bool:
        opts, data = self.opts, self.data
        if (
            not opts["pxMode"]
            or not isinstance(opts["symbol"], str)
            or any(
                not np.equal(data[name], default).all()
                for name, default in _PER_POINT_DEFAULTS.items()
            )
        ):
            return False
        mask = self._maskAt(self.viewRect())
        points = pg.functions.transformCoordinates(
            painter.transform(), np.vstack([data["x"][mask], data["y"][mask]])
        ).T.tolist()
        size = opts["size"] * self._exportOpts.get("resolutionScale", 1.0)
        shape = QTransform.fromScale(size, size).map(_SYMBOLS[opts["symbol"]])
        pen = opts["pen"]
        outlined = pen is not None and pen.style() != Qt.PenStyle.NoPen
        painter.save()
        painter.resetTransform()  # in device pixels, as pxMode points are
        painter.setRenderHint(
            QPainter.RenderHint.Antialiasing, self._exportOpts.get("antialias", True)
        )
        painter.setPen(pen if outlined else Qt.PenStyle.NoPen)
        painter.setBrush(opts["brush"])
        if outlined:
            for x, y in points:
                painter.drawPath(shape.translated(x, y))
        else:
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.WindingFill)  # overlapping points: their union
            for x, y in points:
                path.addPath(shape.translated(x, y))
            painter.drawPath(path)
        painter.restore()
        return True


def blend(colour: QColor, alpha: int, background: QColor) -> QColor:
    """The opaque colour that ``colour`` at ``alpha`` (0-255) gives over ``background``."""
    a = alpha / 255
    return QColor.fromRgbF(
        a * colour.redF() + (1 - a) * background.redF(),
        a * colour.greenF() + (1 - a) * background.greenF(),
        a * colour.blueF() + (1 - a) * background.blueF(),
    )


class BandsItem(pg.GraphicsObject):
    """Horizontal severity bands across the whole time axis, painted as one item."""

    def __init__(self, bands: list[tuple[float, float, str]]) -> None:
        super().__init__()
        self.bands = []
        for low, high, name in bands:
            colour = QColor(name)
            colour.setAlpha(150)  # soft on light and dark backgrounds alike
            self.bands.append((low, high, colour))
        self.setZValue(-10)

    def boundingRect(self) -> QRectF:  # noqa: N802
        low = min(b[0] for b in self.bands)
        high = max(b[1] for b in self.bands)
        return QRectF(-1e12, low, 2e12, high - low)

    def paint(self, painter: QPainter, *args: object) -> None:
        view = self.viewRect()  # only the part in view: huge rectangles rasterise slowly
        left, width = (view.left(), view.width()) if view is not None else (-1e12, 2e12)
        painter.setPen(Qt.PenStyle.NoPen)
        for low, high, colour in self.bands:
            painter.setBrush(colour)
            painter.drawRect(QRectF(left, low, width, high - low))


class TimelineChart(pg.GraphicsLayoutWidget):
    """Mood over time with trend, sessions, medication events and self-check levels;
    PHQ-9 and GAD-7 below on their own banded plots. The x axes are linked."""

    day_clicked = Signal(object)
    day_hovered = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        show_questionnaires: bool = True,
        marker_scale: float = 1.0,
    ) -> None:
        super().__init__(parent)
        self.data: TrendData | None = None
        self.k = marker_scale  # symbols and pens are in device pixels: scale them for print
        self.on_paper = _PRINTING
        # On paper, session labels are placed once, when the chart is laid out for its
        # one paint (_lay_out_for_paint), not at each size and range on the way there.
        self._labels_on_hold = self.on_paper
        self.mood_plot = LightPlot(self.ci, 0)
        self.plots = [self.mood_plot]
        self.questionnaire_plots: dict[str, LightPlot] = {}
        if show_questionnaires:
            for row, name in enumerate((PHQ9, GAD7), start=1):
                plot = LightPlot(self.ci, row)
                plot.vb.setXLink(self.mood_plot.vb)
                plot.set_label(name)
                # Ticks where the severity bands start (every other one if that would
                # crowd the short plot), instead of a comb of minor ticks.
                starts = [low for low, _, _ in BANDS[name]]
                starts = starts[::2] if len(starts) > 4 else starts
                plot.left.setTicks([[(low, str(low)) for low in starts], []])
                plot.vb.setYRange(0, max_total(name), padding=0.02)
                plot.vb.setMouseEnabled(y=False)
                if name == PHQ9:  # dates are read off the plots above and below it
                    plot.bottom.setStyle(showValues=False)
                self.questionnaire_plots[name] = plot
                self.plots.append(plot)
        _stack(self, self.plots, [5, 2, 2][: len(self.plots)])
        self.mood_plot.set_label(tr("Mood (0-10)"))
        self.mood_plot.vb.setYRange(-0.9, 11, padding=0)
        self.mood_plot.vb.setLimits(yMin=-1.5, yMax=25)
        self.mood_plot.vb.setMouseEnabled(y=False)
        self.mood_plot.show_grid(y=True)
        apply_background(self)
        self._make_items()
        self.session_markers: list[tuple[dt.date, str]] = []
        self._labels: list[pg.TextItem] = []  # the session labels now shown
        self._label_pool: dict[int, pg.TextItem] = {}  # by index in data.treatments
        self._labelled: tuple[dt.date, dt.date, float] | None = None
        self.mood_plot.sigXRangeChanged.connect(self._range_changed)
        self.mood_plot.vb.sigResized.connect(self._update_labels)
        self._windowed: list[tuple[pg.GraphicsObject, np.ndarray, np.ndarray]] = []
        self._window: tuple[float, float] | None = None
        self.scene().sigMouseMoved.connect(self._mouse_moved)
        self.scene().sigMouseClicked.connect(self._mouse_clicked)
        theme_events().changed.connect(self.apply_theme)  # recolour when the theme changes

    def _make_items(self) -> None:
        """The chart's items, made once: new data only replaces what they hold, which
        is several times cheaper than making them again."""
        k = self.k
        self.mood_points = scatter(5 * k, mood_colour().lighter(130))
        self.trend_line = pg.PlotCurveItem(pen=pg.mkPen(mood_colour(), width=2.5 * k))
        self.trend_line.opts["connect"] = "finite"
        self.medication_markers = scatter(9 * k, on_chart(MEDICATION_COLOUR), symbol="t1")
        # One item per level, added least concerning first, so that where days share
        # a pixel (a long range) the more concerning level is drawn on top.
        self.checkin_markers = {
            level: scatter(
                6 * k * LEVEL_SYMBOLS[level][1], LEVEL_COLOURS[level], LEVEL_SYMBOLS[level][0]
            )
            for level in LEVEL_ORDER
        }
        self._outline_markers()
        for item in (self.mood_points, self.trend_line, self.medication_markers):
            self.mood_plot.add(item)
        for z, item in enumerate(self.checkin_markers.values()):
            item.setZValue(z + 1)
            self.mood_plot.add(item)
        self.session_lines: dict[tuple[str, bool], pg.PlotCurveItem] = {}  # made as needed
        self.series_items: dict[str, pg.PlotCurveItem] = {}  # made when first switched on
        self.cursor = pg.InfiniteLine(angle=90, pen=pg.mkPen("#888888", style=Qt.PenStyle.DotLine))
        self.mood_plot.add(self.cursor, ignore_bounds=True)
        self.questionnaire_items: dict[str, tuple[pg.PlotCurveItem, pg.ScatterPlotItem]] = {}
        for name, plot in self.questionnaire_plots.items():
            bands = BandsItem(
                [
                    (low - 0.5 if low else 0, high + 0.5, colour)
                    for (low, high, _), colour in zip(BANDS[name], BAND_COLOURS, strict=False)
                ]
            )
            plot.add(bands, ignore_bounds=True)
            curve = pg.PlotCurveItem(pen=pg.mkPen(questionnaire_colour(), width=1.5 * k))
            dots = scatter(6 * k, questionnaire_colour())
            plot.add(curve)
            plot.add(dots)
            self.questionnaire_items[name] = (curve, dots)

    # -- data ----------------------------------------------------------------------
    def set_data(
        self, data: TrendData, initial_days: int | None = None, keep_view: bool = False
    ) -> None:
        """Draw ``data``, showing the last ``initial_days`` days (None: all), or with
        ``keep_view`` the range already in view."""
        self.data = data
        for label in self._label_pool.values():
            self.mood_plot.remove(label)
        self._labels = []
        self._label_pool = {}
        self._labelled = None
        self._window = None
        mood_x, mood_y = _series_xy(data.mood, break_at_gaps=False)
        self.mood_points.setData(x=mood_x, y=mood_y)  # points out of view are skipped
        self._windowed = [(self.trend_line, *_series_xy(data.trend))]
        self._windowed += [
            (item, *_series_xy(data.others[name])) for name, item in self.series_items.items()
        ]
        self._draw_session_lines(data)
        self._draw_small_markers(data)
        for name, (curve, dots) in self.questionnaire_items.items():
            points = data.questionnaires.get(name, [])
            xs = [timestamp(day) for day, _ in points]
            totals = [total for _, total in points]
            curve.setData(xs, totals)
            dots.setData(x=xs, y=totals)
        if keep_view:
            self._range_changed()
        else:
            self.set_range(initial_days)

    def _update_window(self) -> None:
        """Give the lines only the data near the visible range (with one range's width
        of margin each side), reloading when the view leaves it: a line is stroked
        whole at every paint, even where it is out of view, so with 10 years of data
        the 90-day view strokes ~270 days, not 3,650. (Point items skip what is out
        of view themselves, so they hold everything.) Over more than a year, lines
        are drawn without antialiasing: several days share a pixel there, and
        smoothing 10 years of lines and a hundred session markers costs ~60 ms a
        paint (paper is drawn once: always smooth)."""
        if not self._windowed:
            return
        low, high = self.mood_plot.viewRange()[0]
        smooth = self.on_paper or high - low < 400 * 86400.0
        lines = [
            *self.session_lines.values(),
            *(item for item, _, _ in self._windowed),
            *(curve for curve, _ in self.questionnaire_items.values()),
        ]
        for item in lines:
            item.opts["antialias"] = smooth
        if self._window and self._window[0] <= low and high <= self._window[1]:
            return
        span = max(high - low, 86400.0)
        self._window = (low - span, high + span)
        for item, xs, ys in self._windowed:
            first = int(np.searchsorted(xs, self._window[0], "left"))
            last = int(np.searchsorted(xs, self._window[1], "right"))
            item.setData(x=xs[first:last], y=ys[first:last])

    def _draw_session_lines(self, data: TrendData) -> None:
        """One line item per kind and style (fast with hundreds of sessions); the
        short labels are added for the sessions in view (see _update_labels)."""
        groups: dict[tuple[str, bool], list[float]] = defaultdict(list)
        for t in data.treatments:
            groups[(t.kind, t.is_appointment(data.now))].append(timestamp(t.day))
        for key in set(self.session_lines) | set(groups):
            xs = groups.get(key, [])
            lines = self.session_lines.get(key)
            if lines is None:
                lines = pg.PlotCurveItem(pen=self._session_pen(key), connect="pairs")
                self.mood_plot.add(lines, ignore_bounds=True)
                self.session_lines[key] = lines
            lines.setData(
                [x for x in xs for _ in (0, 1)], [SESSION_LINE_LOW, SESSION_LINE_HIGH] * len(xs)
            )
        self.session_markers = [(t.day, t.kind) for t in data.treatments]

    def _session_pen(self, key: tuple[str, bool]) -> object:
        """Solid for a session, dashed for a booked appointment: the kind's colour,
        at graphic contrast on the chart's background."""
        kind, appointment = key
        return pg.mkPen(
            on_chart(KINDS[kind].colour),
            width=1.4 * self.k,
            style=Qt.PenStyle.DashLine if appointment else Qt.PenStyle.SolidLine,
        )

    def apply_theme(self) -> None:
        """Recolour for the palette now in use (light or dark); paper stays as it is,
        and a closed chart (pyqtgraph has deleted its items) is left alone."""
        if self.on_paper or getattr(self, "closed", False):
            return
        apply_background(self)
        for plot in self.plots:
            _theme_axes(plot)
        k = self.k
        self.mood_points.setBrush(pg.mkBrush(mood_colour().lighter(130)))
        self.trend_line.setPen(pg.mkPen(mood_colour(), width=2.5 * k))
        self.medication_markers.setBrush(pg.mkBrush(on_chart(MEDICATION_COLOUR)))
        self._outline_markers()
        for key, lines in self.session_lines.items():
            lines.setPen(self._session_pen(key))
        for name, item in self.series_items.items():
            item.setPen(pg.mkPen(on_chart(SERIES_STYLE[name][1]), width=1.2 * k))
        for curve, dots in self.questionnaire_items.values():
            curve.setPen(pg.mkPen(questionnaire_colour(), width=1.5 * k))
            dots.setBrush(pg.mkBrush(questionnaire_colour()))
        if self.data is not None:
            for index, label in self._label_pool.items():
                label.setColor(on_chart(KINDS[self.data.treatments[index].kind].colour, 4.5))

    def _outline_markers(self) -> None:
        """Self-check markers keep their level's colour (the same on screen, on paper
        and in the legend); a marker whose colour is too faint on this background
        (yellow on white) gets a thin outline that is not."""
        background = chart_background()
        outline = text_colour()
        for level, item in self.checkin_markers.items():
            faint = contrast_ratio(QColor(LEVEL_COLOURS[level]), background) < GRAPHIC_CONTRAST
            item.setPen(pg.mkPen(outline, width=self.k) if faint else None)

    def _draw_small_markers(self, data: TrendData) -> None:
        self.medication_markers.setData(
            x=[timestamp(d) for d, _ in data.medication_events],
            y=[-0.55] * len(data.medication_events),
        )
        by_level: dict[str, list[float]] = {level: [] for level in self.checkin_markers}
        for day, level in worst_level_by_day(data.checkin_levels).items():
            by_level[level].append(timestamp(day))
        for level, xs in by_level.items():
            self.checkin_markers[level].setData(x=xs, y=[10.55] * len(xs))

    def _update_labels(self) -> None:
        """Label the sessions in view, thinned so that labels never overlap: during an
        induction course (sessions days apart) only every few get a label instead of
        "IVIVIV"; the lines still show each one. A label near the right edge is drawn
        to the left of its line so it is not cut. Labels are made once per session
        and then only shown or hidden."""
        if self.data is None or self._labels_on_hold:
            return
        first, last = self.visible_days()
        width = self.mood_plot.vb.width()
        if self._labelled == (first, last, width):
            return
        self._labelled = (first, last, width)
        visible = [i for i, t in enumerate(self.data.treatments) if first <= t.day <= last]
        low, high = self.mood_plot.viewRange()[0]
        for label in self._labels:
            label.setVisible(False)
        self._labels = []
        if width <= 0 or high <= low:  # not laid out yet: labelled once it has a size
            return
        per_second = width / (high - low)
        metrics = QFontMetricsF(self.font())
        free_from = -math.inf  # pixels: where the next label may start
        for index in visible:
            t = self.data.treatments[index]
            kind = KINDS[t.kind]
            x = (timestamp(t.day) - low) * per_second
            text_width = metrics.horizontalAdvance(kind.short)
            box_width = text_width + 2 * SESSION_LABEL_MARGIN_PX  # the TextItem's box
            at_right_edge = x + box_width > width
            left = (x - box_width if at_right_edge else x) + SESSION_LABEL_MARGIN_PX  # ink
            if left < free_from or left < 0:
                continue
            free_from = left + text_width + SESSION_LABEL_GAP_PX
            label = self._label_pool.get(index)
            if label is None:
                label = pg.TextItem(kind.short, color=on_chart(kind.colour, TEXT_CONTRAST))
                label.setPos(timestamp(t.day), SESSION_LINE_LOW)
                self.mood_plot.add(label, ignore_bounds=True)
                self._label_pool[index] = label
            label.setAnchor((1, 1) if at_right_edge else (0, 1))  # above the axis
            label.setVisible(True)
            self._labels.append(label)
            if len(self._labels) >= MAX_LABELS:
                break

    def set_series_visible(self, name: str, visible: bool) -> None:
        if self.data is None:
            return
        if visible and name not in self.series_items:
            _, colour, _ = SERIES_STYLE[name]
            item = pg.PlotCurveItem(pen=pg.mkPen(on_chart(colour), width=1.2 * self.k))
            item.opts["connect"] = "finite"
            self.mood_plot.add(item)
            self.series_items[name] = item
            self._windowed.append((item, *_series_xy(self.data.others[name])))
            self._window = None
            self._update_window()
        if name in self.series_items:
            self.series_items[name].setVisible(visible)
        if name == "sleep_hours":
            top = 13 if visible else 11
            self.mood_plot.vb.setYRange(-0.9, top, padding=0)
            self.mood_plot.set_label(tr("Mood (0-10), hours") if visible else tr("Mood (0-10)"))

    def set_range(self, days: int | None) -> None:
        """Show the last ``days`` days up to today, or everything (None)."""
        if self.data is None:
            return
        end = self.data.now.date()
        if days is None:
            first = self.data.first_day() or end - dt.timedelta(days=30)
            start = first - dt.timedelta(days=2)
            last_marker = max([t.day for t in self.data.treatments], default=end)
            end = max(end, last_marker)
        else:
            start = end - dt.timedelta(days=days)
        self.mood_plot.vb.setXRange(
            timestamp(start), timestamp(end + dt.timedelta(days=1)), padding=0
        )
        self._range_changed()

    def show_period(self, first: dt.date, last: dt.date) -> None:
        self.mood_plot.vb.setXRange(timestamp(first) - 43200, timestamp(last) + 43200, padding=0)
        self._range_changed()

    def _range_changed(self) -> None:
        """Refresh what depends on the visible range. Called by the view's signal and
        directly after setting a range, because the signal does not fire while the
        chart has no size yet; both steps skip work when nothing changed."""
        self._update_window()
        self._update_labels()

    def visible_days(self) -> tuple[dt.date, dt.date]:
        low, high = self.mood_plot.viewRange()[0]
        return day_of(low), day_of(high)

    # -- mouse ---------------------------------------------------------------------
    def day_at_scene_pos(self, pos: QPointF) -> dt.date | None:
        for plot in self.plots:
            if plot.contains(pos):
                return day_of(plot.vb.mapSceneToView(pos).x())
        return None

    def _mouse_moved(self, pos: QPointF) -> None:
        day = self.day_at_scene_pos(pos)
        if day is None or self.data is None:
            return
        self.cursor.setPos(timestamp(day))
        self.day_hovered.emit(self.data.describe_day(day))

    def _mouse_clicked(self, event) -> None:  # noqa: ANN001
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        day = self.day_at_scene_pos(event.scenePos())
        if day is not None:
            self.day_clicked.emit(day)


class AroundSessionsChart(pg.GraphicsLayoutWidget):
    """Every session aligned at day 0 (-7..+14): a faint line each, the mean bold with
    its spread (one standard deviation)."""

    FIRST, LAST = -7, 14

    def __init__(self, parent: QWidget | None = None, marker_scale: float = 1.0) -> None:
        super().__init__(parent)
        self.k = marker_scale
        self.plot = LightPlot(self.ci, 0, dates=False)
        _stack(self, [self.plot], [1])
        self.plot.bottom.setLabel(tr("Days from session"))
        self.plot.set_label(tr("Mood (0-10)"))
        self.plot.vb.setXRange(self.FIRST, self.LAST, padding=0.02)
        self.plot.vb.setYRange(0, 10, padding=0.04)
        self.plot.show_grid(x=True, y=True)
        apply_background(self)
        self.on_paper = _PRINTING
        self.shown_sessions = 0
        self.mean_line: pg.PlotCurveItem | None = None
        self._shown: tuple[Series, list[Treatment], set[int] | None] | None = None
        theme_events().changed.connect(self.apply_theme)

    def apply_theme(self) -> None:
        """Recolour for the palette now in use; paper and a closed chart stay as they are."""
        if self.on_paper or getattr(self, "closed", False):
            return
        apply_background(self)
        _theme_axes(self.plot)
        if self._shown is not None:
            self.set_data(*self._shown)

    def set_data(
        self, series: Series, sessions: list[Treatment], selected: set[int] | None = None
    ) -> None:
        self._shown = (series, sessions, selected)
        self.plot.clear()
        self.plot.add(pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen("#777777", width=1)))
        chosen = [s for s in sessions if selected is None or s.id in selected]
        self.shown_sessions = len(chosen)
        by_kind: dict[str, tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
        for session in chosen:
            curve = session_curve(series, session, self.FIRST, self.LAST)
            xs, ys = by_kind[session.kind]
            for x in range(self.FIRST, self.LAST + 1):
                xs.append(x)
                ys.append(curve.get(x, math.nan))
            xs.append(self.LAST + 0.5)  # break the line before the next session
            ys.append(math.nan)
        background = self.backgroundBrush().color()
        for kind, (xs, ys) in by_kind.items():
            # Faint, but opaque: the kind's colour at 70/255 over the background. (A
            # translucent line is stroked as one path for all its sessions, ~1 s for
            # 150 sessions on paper; one path a kind also never darkened where its own
            # sessions crossed, so the look is the same.)
            colour = blend(on_chart(KINDS[kind].colour), 70 if len(chosen) > 1 else 230, background)
            line = pg.PlotCurveItem(xs, ys, pen=pg.mkPen(colour, width=self.k), connect="finite")
            self.plot.add(line)
        self.mean_line = None
        mean = mean_response_curve(series, chosen, self.FIRST, self.LAST)
        if mean:
            xs = sorted(mean)
            upper = pg.PlotCurveItem(xs, [mean[x][0] + mean[x][1] for x in xs], pen=None)
            lower = pg.PlotCurveItem(xs, [mean[x][0] - mean[x][1] for x in xs], pen=None)
            for item in (upper, lower, pg.FillBetweenItem(upper, lower, brush=(44, 93, 99, 45))):
                self.plot.add(item)
            self.mean_line = pg.PlotCurveItem(
                xs, [mean[x][0] for x in xs], pen=pg.mkPen(mood_colour(), width=3.5 * self.k)
            )
            self.plot.add(self.mean_line)


def _lay_out_for_paint(widget: pg.GraphicsView, width: int, height: int, segmented: bool) -> None:
    """Lay a chart (never shown) out at ``width`` x ``height`` logical pixels, so that it
    is painted once: showing it would paint it a first time, unseen; its axes size
    themselves from their tick labels before that one paint. With ``segmented``, opaque
    lines are stroked segment by segment (``segmentedLineMode``): for raster targets,
    where a long antialiased line stroked as one path is several times slower, and
    opaque segments look the same. Points are drawn as vectors (export mode)."""
    widget.resize(width, height)
    widget.setRange(QRectF(0, 0, width, height), padding=0, disableAutoPixel=False)
    widget.ci.layout.activate()
    probe = QImage(1, 1, QImage.Format.Format_RGB32)
    painter = QPainter(probe)
    for item in widget.scene().items():
        if isinstance(item, pg.AxisItem) and item.isVisible():
            item.generateDrawSpecs(painter)  # sets the axis width from its labels
        elif isinstance(item, pg.ScatterPlotItem):
            item.setExportMode(True, {"antialias": True})
        elif segmented and isinstance(item, pg.PlotCurveItem):
            pen = item.opts["pen"]
            if pen is not None and pen.color().alpha() == 255:
                item.setSegmentedLineMode("on")
    painter.end()
    widget.ci.layout.activate()
    if isinstance(widget, TimelineChart):
        widget._labels_on_hold = False
        widget._update_labels()


def record_chart(
    widget: pg.GraphicsView, width: int, height: int, scale: float, segmented: bool = False
) -> QPicture:
    """Paint a chart (never shown) of ``width`` x ``height`` logical pixels once, as
    vectors, into a picture ``scale`` times larger: build the chart with
    ``marker_scale=scale``, the scale of the device it will be played on (device
    pixels per logical pixel), so that device-pixel symbols and pens keep their size.
    The picture is plain drawing commands: it can be played (``report.pdf.play_chart``) in any
    thread, the PDF writer's too, while the chart itself belongs to the GUI thread."""
    _lay_out_for_paint(widget, width, height, segmented)
    picture = QPicture()
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    target = QRectF(0, 0, width * scale, height * scale)
    widget.scene().render(painter, target, QRectF(0, 0, width, height))
    painter.end()
    return picture


def render_chart(widget: pg.GraphicsView, width: int, height: int, scale: float = 2.0) -> QImage:
    """Paint a chart (never shown) of ``width`` x ``height`` logical pixels into an image
    ``scale`` times larger, in memory only. Vector items scale; build the chart with
    ``marker_scale=scale`` so device-pixel symbols and pens scale too. Painted once
    (see :func:`_lay_out_for_paint`)."""
    _lay_out_for_paint(widget, width, height, segmented=True)
    image = QImage(int(width * scale), int(height * scale), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    rect = QRectF(0, 0, width, height)
    widget.scene().render(painter, QRectF(0, 0, image.width(), image.height()), rect)
    painter.end()
    image.setDevicePixelRatio(scale)
    return image


def level_legend_html() -> str:
    """The self-check markers' legend (shape and colour per level, most concerning
    last), for a QLabel beside a chart: colours at graphic contrast on the window."""
    return " ".join(
        f"<span style='color:{on_window(LEVEL_COLOURS[level]).name()}'>"
        f"{LEVEL_SYMBOLS[level][2]}</span> {level}"
        for level in LEVEL_ORDER
    )
