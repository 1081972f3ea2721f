"""Charts (pyqtgraph), shared by the Trends screen and the PDF report.

Imported only after unlock: pyqtgraph costs ~0.4 s to import. Dates are drawn as
UTC timestamps at noon with a UTC date axis, so a day never shifts across zones.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from moodlog.domain.analysis import (
    CourseSummary,
    Series,
    SessionResponse,
    TagComparison,
    compare_tags,
    course_summary,
    daily_series,
    mean_response_curve,
    session_curve,
    session_responses,
    sleep_mood_correlation,
    tags_by_day,
    trailing_mean,
)
from moodlog.domain.contents import VaultContents
from moodlog.domain.questionnaires import BANDS, GAD7, PHQ9, max_total
from moodlog.domain.treatments import KINDS, Treatment

pg.setConfigOptions(antialias=True)

LEVEL_COLOURS = {
    "none": "#7fb89a",
    "low": "#e8c547",
    "moderate": "#e8903a",
    "high": "#c8453b",
    "skipped": "#b5b5b5",
}
BAND_COLOURS = ("#e7f2ea", "#f5f1dc", "#f8e6cf", "#f6d7c9", "#f2c9c4")
SERIES_STYLE = {  # name: (label, colour, right-hand axis?)
    "anxiety": ("Anxiety", "#c0632b", False),
    "energy": ("Energy", "#4c8c2b", False),
    "sleep_hours": ("Hours slept", "#5a6fb5", False),
}
MOOD_COLOUR = "#2c5d63"
SESSION_LINE_LOW, SESSION_LINE_HIGH = -0.9, 10.1
MAX_LABELS = 40


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

    @classmethod
    def build(cls, contents: VaultContents, now: dt.datetime) -> TrendData:
        """From whole records (the PDF report's path)."""
        entries = contents.entries
        return cls.from_parts(
            now=now,
            series={name: daily_series(entries, name) for name in ("mood", *SERIES_STYLE)},
            day_tags=tags_by_day(entries),
            contents=contents,
            checkin_levels=[(c.day, c.level) for c in contents.checkins],
        )

    @classmethod
    def from_vault(
        cls,
        vault,
        now: dt.datetime,
        with_tags: bool = True,  # noqa: ANN001
    ) -> TrendData:
        """From the vault's per-day means (the Trends screen's fast path); the same
        numbers as :meth:`build`, which tests check."""
        contents = VaultContents(
            questionnaires=vault.questionnaires.all(),
            treatments=vault.treatments.all(),
            medications=vault.medications.all(),
        )
        return cls.from_parts(
            now=now,
            series=vault.entries.daily_means(),
            day_tags=vault.entries.tags_by_day() if with_tags else {},
            contents=contents,
            checkin_levels=vault.checkins.levels(),
        )

    @classmethod
    def from_parts(
        cls,
        now: dt.datetime,
        series: dict[str, Series],
        day_tags: dict[dt.date, set[str]],
        contents: VaultContents,
        checkin_levels: list[tuple[dt.date, str]],
    ) -> TrendData:
        mood = series["mood"]
        sessions = sorted(
            (t for t in contents.treatments if t.kind_info.ketamine and not t.is_appointment(now)),
            key=lambda t: t.starts_at,
        )
        events = [
            (e.day, f"{m.name} {e.event}" + (f" {e.dose:g} {m.unit}" if e.dose else ""))
            for m in contents.medications
            for e in m.events
        ]
        questionnaires = {
            name: sorted(
                (q.day, q.total)
                for q in contents.questionnaires
                if q.instrument == name and q.scored
            )
            for name in (PHQ9, GAD7)
        }
        return cls(
            now=now,
            mood=mood,
            trend=trailing_mean(mood),
            others={name: series[name] for name in SERIES_STYLE},
            treatments=sorted(contents.treatments, key=lambda t: t.starts_at),
            sessions=sessions,
            responses=session_responses(mood, contents.treatments, now),
            medication_events=sorted(events),
            checkin_levels=checkin_levels,
            questionnaires=questionnaires,
            course={
                name: course_summary(contents.questionnaires, name, contents.treatments, now)
                for name in (PHQ9, GAD7)
            },
            tag_comparisons=compare_tags(mood, day_tags),
            sleep_correlation=sleep_mood_correlation(series["sleep_hours"], mood),
        )

    def first_day(self) -> dt.date | None:
        days = list(self.mood) + [t.day for t in self.treatments]
        return min(days) if days else None

    def describe_day(self, day: dt.date) -> str:
        parts = [f"{day:%a %d %b %Y}"]
        if day in self.mood:
            parts.append(f"mood {self.mood[day]:.1f}")
        else:
            parts.append("no entry")
        for name, (label, _, _) in SERIES_STYLE.items():
            value = self.others[name].get(day)
            if value is not None:
                parts.append(f"{label.lower()} {value:.1f}")
        for t in self.treatments:
            if t.day == day:
                parts.append(t.label + (f" {t.dose_text()}" if t.dose_mg else ""))
        for event_day, text in self.medication_events:
            if event_day == day:
                parts.append(text)
        return " \N{MIDDLE DOT} ".join(parts)


def _series_xy(series: Series) -> tuple[list[float], list[float]]:
    """x/y with NaN inserted across missing days, so lines break at gaps."""
    if not series:
        return [], []
    ordinals = sorted(day.toordinal() for day in series)
    xs: list[float] = []
    ys: list[float] = []
    previous = ordinals[0]
    for ordinal in ordinals:
        if ordinal - previous > 1:
            xs.append((previous + 1 - _EPOCH_ORDINAL) * 86400.0 + 43200.0)
            ys.append(math.nan)
        xs.append((ordinal - _EPOCH_ORDINAL) * 86400.0 + 43200.0)
        ys.append(series[dt.date.fromordinal(ordinal)])
        previous = ordinal
    return xs, ys


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


def mood_colour() -> QColor:
    """The mood series colour, lightened on a dark background for contrast."""
    colour = QColor(MOOD_COLOUR)
    return colour.lighter(190) if dark_palette() else colour


def questionnaire_colour() -> QColor:
    return QColor("#dddddd") if dark_palette() else QColor("#444444")


def apply_palette(widget: pg.GraphicsView | pg.GraphicsLayoutWidget, plots: list) -> None:
    palette = QApplication.palette()
    background = QColor("white") if _PRINTING else palette.color(QPalette.ColorRole.Base)
    text = QColor("black") if _PRINTING else palette.color(QPalette.ColorRole.Text)
    widget.setBackground(background)
    for plot in plots:
        for name in ("left", "bottom", "right"):
            axis = plot.getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))


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
        painter.setPen(Qt.PenStyle.NoPen)
        for low, high, colour in self.bands:
            painter.setBrush(colour)
            painter.drawRect(QRectF(-1e12, low, 2e12, high - low))


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
        # No right-click menus: the range buttons and "Save as PNG" cover them, and
        # building pyqtgraph's menus costs ~8 ms a plot.
        self.mood_plot = pg.PlotItem(
            axisItems={"bottom": pg.DateAxisItem(utcOffset=0)}, enableMenu=False
        )
        self.addItem(self.mood_plot, row=0, col=0)
        self.phq_plot = pg.PlotItem(
            axisItems={"bottom": pg.DateAxisItem(utcOffset=0)}, enableMenu=False
        )
        self.gad_plot = pg.PlotItem(
            axisItems={"bottom": pg.DateAxisItem(utcOffset=0)}, enableMenu=False
        )
        if show_questionnaires:
            self.addItem(self.phq_plot, row=1, col=0)
            self.addItem(self.gad_plot, row=2, col=0)
        if show_questionnaires:
            self.ci.layout.setRowStretchFactor(0, 5)
            self.ci.layout.setRowStretchFactor(1, 2)
            self.ci.layout.setRowStretchFactor(2, 2)
        for plot in (self.phq_plot, self.gad_plot):
            plot.setXLink(self.mood_plot)
        self.mood_plot.setLabel("left", "Mood (0-10)")
        self.mood_plot.setYRange(-0.9, 11, padding=0)
        self.mood_plot.setLimits(yMin=-1.5, yMax=25)
        self.mood_plot.showGrid(y=True, alpha=0.15)
        for plot, name in ((self.phq_plot, PHQ9), (self.gad_plot, GAD7)):
            plot.setLabel("left", name)
            plot.setYRange(0, max_total(name), padding=0.02)
            plot.setMouseEnabled(y=False)
        self.mood_plot.setMouseEnabled(y=False)
        apply_palette(self, [self.mood_plot, self.phq_plot, self.gad_plot])
        self.session_markers: list[tuple[dt.date, str]] = []
        self.medication_markers: pg.ScatterPlotItem | None = None
        self.checkin_markers: dict[str, pg.ScatterPlotItem] = {}
        self._labels: list[pg.TextItem] = []
        self.mood_plot.sigXRangeChanged.connect(self._update_labels)
        self.mood_plot.sigXRangeChanged.connect(self._update_window)
        self._windowed: list[tuple[pg.GraphicsObject, list[float], list[float]]] = []
        self._window: tuple[float, float] | None = None
        self.series_items: dict[str, pg.PlotDataItem] = {}
        self.cursor = pg.InfiniteLine(angle=90, pen=pg.mkPen("#888888", style=Qt.PenStyle.DotLine))
        self.scene().sigMouseMoved.connect(self._mouse_moved)
        self.scene().sigMouseClicked.connect(self._mouse_clicked)

    # -- data ----------------------------------------------------------------------
    def set_data(self, data: TrendData, initial_days: int | None = None) -> None:
        self.data = data
        for plot in (self.mood_plot, self.phq_plot, self.gad_plot):
            plot.clear()
        self._labels = []
        self._windowed = []
        self._window = None
        mood_item = self.mood_plot.plot(
            [],
            [],
            pen=None,
            symbol="o",
            symbolSize=5 * self.k,
            symbolBrush=mood_colour().lighter(130),
            symbolPen=None,
            name="Daily mood",
        )
        self._add_windowed(mood_item, *_series_xy(data.mood))
        trend_item = self.mood_plot.plot(
            [],
            [],
            pen=pg.mkPen(mood_colour(), width=2.5 * self.k),
            connect="finite",
            name="7-day trend",
        )
        self._add_windowed(trend_item, *_series_xy(data.trend))
        self.series_items = {}  # optional series are drawn when first switched on
        self._draw_session_lines(data)
        self._draw_small_markers(data)
        for plot, name in ((self.phq_plot, PHQ9), (self.gad_plot, GAD7)):
            bands = BandsItem(
                [
                    (low - 0.5 if low else 0, high + 0.5, colour)
                    for (low, high, _), colour in zip(BANDS[name], BAND_COLOURS, strict=False)
                ]
            )
            plot.addItem(bands, ignoreBounds=True)
            points = data.questionnaires.get(name, [])
            plot.plot(
                [timestamp(d) for d, _ in points],
                [total for _, total in points],
                pen=pg.mkPen(questionnaire_colour(), width=1.5 * self.k),
                symbol="o",
                symbolSize=6 * self.k,
                symbolBrush=questionnaire_colour(),
            )
        self.mood_plot.addItem(self.cursor, ignoreBounds=True)
        self.set_range(initial_days)

    def _add_windowed(self, item: pg.GraphicsObject, xs: list[float], ys: list[float]) -> None:
        self._windowed.append((item, xs, ys))

    def _update_window(self) -> None:
        """Give the point and line items only the data near the visible range (with one
        range's width of margin each side), reloading when the view leaves it. With
        10 years of data the 90-day view then draws ~270 days, not 3,650."""
        if not self._windowed:
            return
        low, high = self.mood_plot.viewRange()[0]
        if self._window and self._window[0] <= low and high <= self._window[1]:
            return
        span = max(high - low, 86400.0)
        self._window = (low - span, high + span)
        for item, xs, ys in self._windowed:
            first = bisect.bisect_left(xs, self._window[0])
            last = bisect.bisect_right(xs, self._window[1])
            if isinstance(item, pg.ScatterPlotItem):
                item.setData(x=xs[first:last], y=ys[first:last])
            else:
                item.setData(xs[first:last], ys[first:last])

    def _draw_session_lines(self, data: TrendData) -> None:
        """One line item per kind and style (fast with hundreds of sessions); the
        short labels are added for the sessions in view (see _update_labels)."""
        groups: dict[tuple[str, bool], list[float]] = defaultdict(list)
        for t in data.treatments:
            groups[(t.kind, t.is_appointment(data.now))].append(timestamp(t.day))
        for (kind, appointment), xs in groups.items():
            colour = KINDS[kind].colour
            pen = pg.mkPen(
                colour,
                width=1.4 * self.k,
                style=Qt.PenStyle.DashLine if appointment else Qt.PenStyle.SolidLine,
            )
            line_x = [x for x in xs for _ in (0, 1)]
            line_y = [SESSION_LINE_LOW, SESSION_LINE_HIGH] * len(xs)
            item = pg.PlotDataItem(line_x, line_y, pen=pen, connect="pairs")
            self.mood_plot.addItem(item, ignoreBounds=True)
        self.session_markers = [(t.day, t.kind) for t in data.treatments]

    def _draw_small_markers(self, data: TrendData) -> None:
        if data.medication_events:
            self.medication_markers = pg.ScatterPlotItem(
                x=[timestamp(d) for d, _ in data.medication_events],
                y=[-0.55] * len(data.medication_events),
                symbol="t1",
                size=9 * self.k,
                brush=pg.mkBrush("#6b5a8e"),
                pen=None,
            )
            self.mood_plot.addItem(self.medication_markers)
        else:
            self.medication_markers = None
        self.checkin_markers = {}
        by_level: dict[str, list[float]] = defaultdict(list)
        for day, level in data.checkin_levels:
            by_level[level].append(timestamp(day))
        for level, xs in by_level.items():
            xs.sort()
            item = pg.ScatterPlotItem(
                symbol="s", size=6 * self.k, pen=None, brush=pg.mkBrush(LEVEL_COLOURS[level])
            )
            self.mood_plot.addItem(item)
            self.checkin_markers[level] = item
            self._add_windowed(item, xs, [10.55] * len(xs))

    def _update_labels(self) -> None:
        for label in self._labels:
            self.mood_plot.removeItem(label)
        self._labels = []
        if self.data is None:
            return
        first, last = self.visible_days()
        visible = [t for t in self.data.treatments if first <= t.day <= last]
        if len(visible) > MAX_LABELS:
            return
        for t in visible:
            kind = KINDS[t.kind]
            label = pg.TextItem(kind.short, color=kind.colour, anchor=(0, 1))  # above the axis
            label.setPos(timestamp(t.day), SESSION_LINE_LOW)
            self.mood_plot.addItem(label, ignoreBounds=True)
            self._labels.append(label)

    def set_series_visible(self, name: str, visible: bool) -> None:
        if self.data is None:
            return
        if visible and name not in self.series_items:
            label, colour, _ = SERIES_STYLE[name]
            item = self.mood_plot.plot(
                [], [], pen=pg.mkPen(colour, width=1.2 * self.k), connect="finite", name=label
            )
            self.series_items[name] = item
            self._add_windowed(item, *_series_xy(self.data.others[name]))
            self._window = None
            self._update_window()
        if name in self.series_items:
            self.series_items[name].setVisible(visible)
        if name == "sleep_hours":
            top = 13 if visible else 11
            self.mood_plot.setYRange(-0.9, top, padding=0)
            self.mood_plot.setLabel("left", "Mood (0-10), hours" if visible else "Mood (0-10)")

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
        self.mood_plot.setXRange(timestamp(start), timestamp(end + dt.timedelta(days=1)), padding=0)
        self._range_changed()

    def show_period(self, first: dt.date, last: dt.date) -> None:
        self.mood_plot.setXRange(timestamp(first) - 43200, timestamp(last) + 43200, padding=0)
        self._range_changed()

    def _range_changed(self) -> None:
        """Refresh what depends on the visible range; the view's own signal does not
        fire while the chart has no size yet, or when the range did not change."""
        self._update_window()
        self._update_labels()

    def visible_days(self) -> tuple[dt.date, dt.date]:
        low, high = self.mood_plot.viewRange()[0]
        return day_of(low), day_of(high)

    # -- mouse ---------------------------------------------------------------------
    def day_at_scene_pos(self, pos: QPointF) -> dt.date | None:
        for plot in (self.mood_plot, self.phq_plot, self.gad_plot):
            if plot.sceneBoundingRect().contains(pos):
                point = plot.vb.mapSceneToView(pos)
                return day_of(point.x())
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


class AroundSessionsChart(pg.PlotWidget):
    """Every session aligned at day 0 (-7..+14): a faint line each, the mean bold with
    its spread (one standard deviation)."""

    FIRST, LAST = -7, 14

    def __init__(self, parent: QWidget | None = None, marker_scale: float = 1.0) -> None:
        super().__init__(parent)
        self.k = marker_scale
        self.plot_item = self.getPlotItem()
        self.plot_item.setLabel("bottom", "Days from session")
        self.plot_item.setLabel("left", "Mood (0-10)")
        self.plot_item.setXRange(self.FIRST, self.LAST, padding=0.02)
        self.plot_item.setYRange(0, 10, padding=0.04)
        self.plot_item.showGrid(x=True, y=True, alpha=0.15)
        apply_palette(self, [self.plot_item])
        self.shown_sessions = 0

    def set_data(
        self, series: Series, sessions: list[Treatment], selected: set[int] | None = None
    ) -> None:
        self.plot_item.clear()
        self.plot_item.addItem(pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen("#777777", width=1)))
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
        for kind, (xs, ys) in by_kind.items():
            colour = QColor(KINDS[kind].colour)
            colour.setAlpha(70 if len(chosen) > 1 else 230)
            self.plot_item.plot(xs, ys, pen=pg.mkPen(colour, width=self.k), connect="finite")
        mean = mean_response_curve(series, chosen, self.FIRST, self.LAST)
        if mean:
            xs = sorted(mean)
            upper = pg.PlotDataItem(xs, [mean[x][0] + mean[x][1] for x in xs], pen=None)
            lower = pg.PlotDataItem(xs, [mean[x][0] - mean[x][1] for x in xs], pen=None)
            spread = pg.FillBetweenItem(upper, lower, brush=pg.mkBrush(44, 93, 99, 45))
            self.plot_item.addItem(upper)
            self.plot_item.addItem(lower)
            self.plot_item.addItem(spread)
            self.mean_line = self.plot_item.plot(
                xs, [mean[x][0] for x in xs], pen=pg.mkPen(mood_colour(), width=3.5 * self.k)
            )


def render_chart(widget: pg.GraphicsView, width: int, height: int, scale: float = 2.0) -> QImage:
    """Paint a chart (never shown) of ``width`` x ``height`` logical pixels into an image
    ``scale`` times larger, in memory only. Vector items scale; build the chart with
    ``marker_scale=scale`` so device-pixel symbols and pens scale too."""
    widget.resize(width, height)
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    widget.show()
    QApplication.processEvents()
    image = QImage(int(width * scale), int(height * scale), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    widget.scene().render(painter, QRectF(0, 0, image.width(), image.height()), widget.sceneRect())
    painter.end()
    widget.hide()
    image.setDevicePixelRatio(scale)
    return image
