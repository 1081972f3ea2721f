"""The Trends screen's charts (pyqtgraph). The PDF draws the same charts without
pyqtgraph (``moodlog.charts.paper``); what both draw, and their shared rules, are in
``moodlog.charts.data``.

Imported only after unlock: pyqtgraph costs ~0.4 s to import. Dates are drawn as
UTC timestamps at noon with a UTC date axis, so a day never shifts across zones.
"""

from __future__ import annotations

import base64
import datetime as dt
import math
from collections import defaultdict

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QLineF,
    QLocale,
    QPointF,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QImage,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QApplication, QWidget

from moodlog.charts.data import (  # noqa: F401 - also imported from here
    _EPOCH_ORDINAL,
    AXIS_LABEL_GAP_PX,
    AXIS_STEPS,
    BAND_COLOURS,
    BAND_EDGE_ALPHA,
    DAY_SECONDS,
    EPOCH,
    GRAPHIC_CONTRAST,
    HALF_DAY,
    LEVEL_COLOURS,
    LEVEL_SYMBOLS,
    MAX_LABELS,
    MEDICATION_COLOUR,
    MOOD_COLOUR,
    SERIES_STYLE,
    SESSION_LABEL_GAP_PX,
    SESSION_LABEL_MARGIN_PX,
    SESSION_LINE_HIGH,
    SESSION_LINE_LOW,
    TEXT_CONTRAST,
    TrendData,
    blend,
    contrast_ratio,
    date_label,
    date_step,
    date_tick_unit,
    date_ticks,
    day_of,
    legible,
    luminance,
    place_session_labels,
    style_session_pen,
    timestamp,
    widest_date_label,
    worst_level_by_day,
)
from moodlog.charts.theme import theme_events
from moodlog.domain.analysis import (
    Series,
    mean_response_curve,
    mean_shown_from,
    one_session_a_day,
    runs_of_days,
    session_curves,
)
from moodlog.domain.period import Period
from moodlog.domain.questionnaires import BANDS, GAD7, PHQ9, max_total
from moodlog.domain.safety import LEVEL_ORDER
from moodlog.domain.treatments import KINDS, Treatment
from moodlog.i18n import tr

pg.setConfigOptions(antialias=True)


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
    return (days - _EPOCH_ORDINAL) * DAY_SECONDS + HALF_DAY, values


def dark_palette() -> bool:
    return QApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128


def chart_background() -> QColor:
    """The palette's base colour."""
    return QApplication.palette().color(QPalette.ColorRole.Base)


def on_chart(colour: QColor | str, ratio: float = GRAPHIC_CONTRAST) -> QColor:
    """``colour`` as drawn on the chart's background (see :func:`legible`)."""
    return legible(colour, chart_background(), ratio)


def on_window(colour: QColor | str, ratio: float = GRAPHIC_CONTRAST) -> QColor:
    """``colour`` as drawn on the window's background (legends beside a chart)."""
    return legible(colour, QApplication.palette().color(QPalette.ColorRole.Window), ratio)


def mood_colour() -> QColor:
    """The mood series colour, lightened on a dark background for contrast."""
    colour = QColor(MOOD_COLOUR)
    return colour.lighter(190) if dark_palette() else colour


def questionnaire_colour() -> QColor:
    return QColor("#dddddd") if dark_palette() else QColor("#444444")


def text_colour() -> QColor:
    return QApplication.palette().color(QPalette.ColorRole.Text)


def apply_background(widget: pg.GraphicsView) -> None:
    widget.setBackground(chart_background())


def _theme_axes(plot: LightPlot) -> None:
    for axis in (plot.left, plot.bottom):
        axis.setPen(pg.mkPen(text_colour()))
        axis.setTextPen(pg.mkPen(text_colour()))


# pyqtgraph's own room for a bottom axis's labels: kept as the least (at the usual text
# size nothing moves).
USUAL_TICK_TEXT_HEIGHT = 18


class FittedAxis(pg.AxisItem):
    """An axis whose labels have room at any text size. pyqtgraph measures a label as
    0.8 of its height, so at a 16 pt body font the dates under a chart were cut at the
    bottom (accessibility review): a bottom axis is as tall as a line of its font."""

    def __init__(self, orientation: str, **kwargs: object) -> None:
        super().__init__(orientation, **kwargs)
        self.fit_text()

    def fit_text(self) -> None:
        if self.orientation in ("bottom", "top"):
            font = self.style.get("tickFont") or self.font()
            line = math.ceil(QFontMetricsF(font).height())
            self.setStyle(
                autoExpandTextSpace=False,
                tickTextHeight=max(USUAL_TICK_TEXT_HEIGHT, line),
            )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_text()


class DayAxis(FittedAxis):
    """A date axis (noon-UTC timestamps) with one row of labels that never collide.

    pyqtgraph's DateAxisItem draws two levels of labels that can run into each other
    ("29Oct"). Here the step (days, weeks, months, years) is the smallest whose widest
    label still leaves a gap to the next one, every label is whole ("29 Oct",
    "Oct 2026", "2026", in the locale's month names), and a label that would be cut
    at either end of the axis is left out (the rules: ``moodlog.charts.data``, which
    the paper charts share)."""

    def __init__(self, orientation: str = "bottom", **kwargs: object) -> None:
        super().__init__(orientation, **kwargs)
        self.locale = QLocale()
        self._widths: dict[tuple[str, str], float] = {}

    def label_text(self, day: dt.date, unit: str) -> str:
        return date_label(self.locale, day, unit)

    def label_width(self, unit: str) -> float:
        """The widest label of ``unit`` in the axis font (every month's name)."""
        font = self.style.get("tickFont") or self.font()
        key = (unit, font.key())
        if key not in self._widths:
            advance = QFontMetricsF(font).horizontalAdvance
            self._widths[key] = widest_date_label(self.locale, advance, unit)
        return self._widths[key]

    def step_for(self, days_shown: float, pixels: float) -> tuple[str, int, int]:
        return date_step(days_shown, pixels, self.label_width)

    def tickValues(  # noqa: N802 (pyqtgraph's name)
        self,
        minVal: float,
        maxVal: float,
        size: float,  # noqa: N803
    ) -> list[tuple[float, list[float]]]:
        return date_ticks(minVal, maxVal, size, self.label_width)

    def tickStrings(  # noqa: N802 (pyqtgraph's name)
        self, values: list[float], scale: float, spacing: float
    ) -> list[str]:
        unit = date_tick_unit(spacing)
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
        self.bottom = DayAxis("bottom", **pens) if dates else FittedAxis("bottom", **pens)
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


TITLE_ROOM = 2  # pixels beyond a rotated axis title's length


def title_length(plot: LightPlot) -> float:
    """How long a plot's rotated axis title is, in pixels, with its text item's margins."""
    return plot.left.label.boundingRect().width()


def scatter(size: float, colour: QColor | str, symbol: str = "o") -> pg.ScatterPlotItem:
    return pg.ScatterPlotItem(symbol=symbol, size=size, pen=None, brush=pg.mkBrush(colour))


class BandsItem(pg.GraphicsObject):
    """Horizontal severity bands across the whole time axis, painted as one item, with
    a thin line where one band meets the next (``BAND_EDGE_ALPHA``, as on paper)."""

    def __init__(self, bands: list[tuple[float, float, str]]) -> None:
        super().__init__()
        self.bands = []
        for low, high, name in bands:
            colour = QColor(name)
            colour.setAlpha(150)  # soft on light and dark backgrounds alike
            self.bands.append((low, high, colour))
        self.edges = [low for low, _, _ in self.bands[1:]]  # each band's lower edge
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
        edge = text_colour()  # dark on a light theme, light on a dark one
        edge.setAlpha(BAND_EDGE_ALPHA)
        pen = QPen(edge, 1)
        pen.setCosmetic(True)
        painter.setPen(pen)
        for y in self.edges:
            painter.drawLine(QLineF(left, y, left + width, y))


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
        self.k = marker_scale  # symbols and pens are in device pixels: scale them to draw larger
        self.mood_plot = LightPlot(self.ci, 0)
        self.plots = [self.mood_plot]
        self.questionnaire_plots: dict[str, LightPlot] = {}
        self._band_ticks: dict[str, list[int]] = {}  # the values each axis labels
        if show_questionnaires:
            for row, name in enumerate((PHQ9, GAD7), start=1):
                plot = LightPlot(self.ci, row)
                plot.vb.setXLink(self.mood_plot.vb)
                plot.set_label(name)
                plot.vb.setYRange(0, max_total(name), padding=0.02)
                plot.vb.setMouseEnabled(y=False)
                if name == PHQ9:  # dates are read off the plots above and below it
                    plot.bottom.setStyle(showValues=False)
                self.questionnaire_plots[name] = plot
                self.plots.append(plot)
                self._band_ticks[name] = []
                self._fit_band_ticks(plot.vb)
                plot.vb.sigResized.connect(self._fit_band_ticks)
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

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 (Qt's name)
        super().resizeEvent(event)
        # Not while pyqtgraph sets itself up (no plots yet), nor once it has closed: its
        # close() deletes the scene's items, then resizes (a crash, reaching for them).
        if getattr(self, "plots", None) and not getattr(self, "closed", False):
            self._room_for_titles()

    def _room_for_titles(self) -> None:
        """At a height where a plot would be lower than its rotated axis title is long,
        every plot keeps at least that height (the page scrolls): at 20 pt and more the
        short PHQ-9 and GAD-7 plots squeezed their titles into one another ("GAD-PHQ-9"),
        and the mood plot, given only its share, kept one value of its axis
        (accessibility review). Only then: a minimum changes how the layout shares the
        height out, and with room to spare the charts keep their look. Judged afresh at
        each size, from the layout without minimums."""
        grid = self.ci.layout
        rows = range(len(self.plots))
        for row in rows:
            grid.setRowMinimumHeight(2 * row, 0)
        grid.activate()
        if any(plot.vb.height() <= 0 for plot in self.plots):
            return  # (not laid out)
        needed = [math.ceil(title_length(plot)) + TITLE_ROOM for plot in self.plots]
        if all(plot.vb.height() >= need for plot, need in zip(self.plots, needed, strict=True)):
            return
        for row, need in zip(rows, needed, strict=True):
            grid.setRowMinimumHeight(2 * row, need)
        grid.activate()
        # ...and the chart as tall as that takes, with its dates (the page scrolls).
        least = self.ci.effectiveSizeHint(Qt.SizeHint.MinimumSize).height()
        least = math.ceil(least) + self.height() - self.viewport().height()
        if least > self.minimumHeight():
            self.setMinimumHeight(least)

    def _fit_band_ticks(self, view_box: pg.ViewBox) -> None:
        """Label a questionnaire plot's axis where its severity bands start (not a comb
        of minor ticks): every other start when they would crowd the short plot, and
        every other again while a label would run into the next at the text's size (at
        16 pt the GAD-7's 0, 5, 10 and 15 overlapped: accessibility review)."""
        name = next(n for n, plot in self.questionnaire_plots.items() if plot.vb is view_box)
        plot = self.questionnaire_plots[name]
        height = view_box.height()
        if height <= 0:
            return  # not laid out yet: labelled when it is
        starts = [low for low, _, _ in BANDS[name]]
        starts = starts[::2] if len(starts) > 4 else starts
        low, high = view_box.viewRange()[1]
        line = QFontMetricsF(plot.left.font()).height()
        while len(starts) > 2 and (starts[1] - starts[0]) / (high - low) * height < line:
            starts = starts[::2]
        if starts != self._band_ticks[name]:
            self._band_ticks[name] = starts
            plot.left.setTicks([[(value, str(value)) for value in starts], []])

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
        # shown once the mouse is over a day (else a dotted line at its start, 1 Jan 1970,
        # in view with records from before then: diff review)
        self.cursor.setVisible(False)
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
        # Said in a plot with no scored result in view (review finding: an empty banded
        # plot said nothing); placed and shown by _update_questionnaire_notes.
        self.questionnaire_notes: dict[str, pg.TextItem] = {}
        self._questionnaire_xs: dict[str, np.ndarray] = {}
        for name, plot in self.questionnaire_plots.items():
            note = pg.TextItem(
                tr("No scored {name} in view").format(name=name),
                color=text_colour(),
                anchor=(0.5, 0.5),
            )
            note.setVisible(False)
            plot.add(note, ignore_bounds=True)
            self.questionnaire_notes[name] = note

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
            self._questionnaire_xs[name] = np.array(xs, dtype=float)
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
        paint."""
        if not self._windowed:
            return
        low, high = self.mood_plot.viewRange()[0]
        smooth = high - low < 400 * DAY_SECONDS
        lines = [
            *self.session_lines.values(),
            *(item for item, _, _ in self._windowed),
            *(curve for curve, _ in self.questionnaire_items.values()),
        ]
        for item in lines:
            item.opts["antialias"] = smooth
        if self._window and self._window[0] <= low and high <= self._window[1]:
            return
        span = max(high - low, DAY_SECONDS)
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
        """The kind's line pattern for a session, dashed for a booked appointment
        (:func:`style_session_pen`, as on paper): the kind's colour, at graphic contrast
        on the chart's background."""
        kind, appointment = key
        pen = pg.mkPen(on_chart(KINDS[kind].colour), width=1.4 * self.k)
        return style_session_pen(pen, kind, appointment)

    def apply_theme(self) -> None:
        """Recolour for the palette now in use (light or dark); a closed chart
        (pyqtgraph has deleted its items) is left alone."""
        if getattr(self, "closed", False):
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
        for note in self.questionnaire_notes.values():
            note.setColor(text_colour())
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
        if self.data is None:
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
        advance = QFontMetricsF(self.font()).horizontalAdvance
        treatments = self.data.treatments
        wanted = [
            (
                (timestamp(treatments[i].day) - low) * per_second,
                advance(KINDS[treatments[i].kind].short),
            )
            for i in visible
        ]
        for position, at_right_edge, _ in place_session_labels(wanted, width):
            index = visible[position]
            t = treatments[index]
            kind = KINDS[t.kind]
            label = self._label_pool.get(index)
            if label is None:
                label = pg.TextItem(kind.short, color=on_chart(kind.colour, TEXT_CONTRAST))
                label.setPos(timestamp(t.day), SESSION_LINE_LOW)
                self.mood_plot.add(label, ignore_bounds=True)
                self._label_pool[index] = label
            label.setAnchor((1, 1) if at_right_edge else (0, 1))  # above the axis
            label.setVisible(True)
            self._labels.append(label)

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
        else:  # the same days as the PDF's "last N days" (it showed N + 1: time review)
            start = Period.last_days(days, end).first
        self.mood_plot.vb.setXRange(
            timestamp(start) - HALF_DAY, timestamp(end + dt.timedelta(days=1)), padding=0
        )
        self._range_changed()

    def show_period(self, first: dt.date, last: dt.date) -> None:
        self.mood_plot.vb.setXRange(
            timestamp(first) - HALF_DAY, timestamp(last) + HALF_DAY, padding=0
        )
        self._range_changed()

    def _range_changed(self) -> None:
        """Refresh what depends on the visible range. Called by the view's signal and
        directly after setting a range, because the signal does not fire while the
        chart has no size yet; both steps skip work when nothing changed."""
        self._update_window()
        self._update_labels()
        self._update_questionnaire_notes()

    def _update_questionnaire_notes(self) -> None:
        low, high = self.mood_plot.viewRange()[0]
        for name, note in self.questionnaire_notes.items():
            xs = self._questionnaire_xs.get(name)
            empty = xs is None or not np.any((xs >= low) & (xs <= high))
            if empty:
                top = max_total(name)
                note.setPos((low + high) / 2, top / 2)
            if note.isVisible() != empty:
                note.setVisible(empty)

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
        self.cursor.setVisible(True)
        self.day_hovered.emit(self.data.describe_day(day))

    def _mouse_clicked(self, event) -> None:  # noqa: ANN001
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        day = self.day_at_scene_pos(event.scenePos())
        if day is not None:
            self.day_clicked.emit(day)


class AroundSessionsChart(pg.GraphicsLayoutWidget):
    """Every session aligned at day 0 (-7..+14): a faint line each, the mean bold with
    its spread (one standard deviation); each session's days by the per-session rule
    (:func:`moodlog.domain.analysis.session_curves`)."""

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
        self.shown_sessions = 0
        self.mean_line: pg.PlotCurveItem | None = None
        self._shown: tuple[Series, list[Treatment], set[int] | None] | None = None
        theme_events().changed.connect(self.apply_theme)

    def apply_theme(self) -> None:
        """Recolour for the palette now in use; a closed chart stays as it is."""
        if getattr(self, "closed", False):
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
        # Every session sets the cuts of its neighbours' days, shown or not.
        curves = session_curves(series, sessions, self.FIRST, self.LAST)
        chosen = [
            (session, curve)
            for session, curve in zip(sessions, curves, strict=True)
            if selected is None or session.id in selected
        ]
        self.shown_sessions = len(chosen)
        by_kind: dict[str, tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
        lone_days: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for session, curve in chosen:
            xs, ys = by_kind[session.kind]
            for x in range(self.FIRST, self.LAST + 1):
                xs.append(x)
                ys.append(curve.get(x, math.nan))
            xs.append(self.LAST + 0.5)  # break the line before the next session
            ys.append(math.nan)
            lone_days[session.kind] += [(run[0], curve[run[0]]) for run in _lone(curve)]
        background = self.backgroundBrush().color()
        for kind, (xs, ys) in by_kind.items():
            # Faint, but opaque: the kind's colour at 70/255 over the background. (A
            # translucent line is stroked as one path for all its sessions, ~1 s for
            # 150 sessions on paper; one path a kind also never darkened where its own
            # sessions crossed, so the look is the same.)
            colour = blend(on_chart(KINDS[kind].colour), 70 if len(chosen) > 1 else 230, background)
            line = pg.PlotCurveItem(xs, ys, pen=pg.mkPen(colour, width=self.k), connect="finite")
            self.plot.add(line)
            if lone_days[kind]:  # a day with no neighbour draws no line: a dot instead
                dots = scatter(4 * self.k, colour)
                dots.setData(*zip(*lone_days[kind], strict=True))
                self.plot.add(dots)
        self.mean_line = None
        days = one_session_a_day(chosen)
        mean = mean_response_curve((c for _, c in days), mean_shown_from(len(days)))
        runs = runs_of_days(mean)
        for xs in runs:  # a day without a mean is a gap in the band and the line
            upper = pg.PlotCurveItem(xs, [mean[x][0] + mean[x][1] for x in xs], pen=None)
            lower = pg.PlotCurveItem(xs, [mean[x][0] - mean[x][1] for x in xs], pen=None)
            for item in (upper, lower, pg.FillBetweenItem(upper, lower, brush=(44, 93, 99, 45))):
                self.plot.add(item)
        if mean:
            xs, ys = [], []
            for run in runs:
                xs += [*run, run[-1] + 0.5]
                ys += [*(mean[x][0] for x in run), math.nan]
            pen = pg.mkPen(mood_colour(), width=3.5 * self.k)
            self.mean_line = pg.PlotCurveItem(xs, ys, pen=pen, connect="finite")
            self.plot.add(self.mean_line)
            lone = [run[0] for run in runs if len(run) == 1]
            if lone:
                dots = scatter(7 * self.k, mood_colour())
                dots.setData(lone, [mean[x][0] for x in lone])
                self.plot.add(dots)


def _lone(curve: dict[int, float]) -> list[list[int]]:
    """The runs of one day in a session's curve: no line to draw, a dot instead."""
    return [run for run in runs_of_days(curve) if len(run) == 1]


def level_legend_html() -> list[str]:
    """The self-check markers' legend, one entry a level (shape and colour, most
    concerning last), for a chart's key: colours at graphic contrast on the window."""
    return [
        f"<span style='color:{on_window(LEVEL_COLOURS[level]).name()}'>"
        f"{LEVEL_SYMBOLS[level][2]}</span>&nbsp;{level}"  # (held together where it wraps)
        for level in LEVEL_ORDER
    ]


def session_line_sample(kind: str, appointment: bool = False, width: int = 22) -> str:
    """A short piece of a session line as the chart draws it (the kind's colour and
    line pattern, or dashed when booked), as an inline ``<img>`` for a legend beside
    the chart: a pattern is read from the line itself, which a character cannot show
    (print review: the legend showed one colour for every kind)."""
    scale, height = 2, 10
    image = QImage(width * scale, height * scale, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(scale, scale)
    pen = style_session_pen(QPen(on_window(KINDS[kind].colour), 1.4), kind, appointment)
    painter.setPen(pen)
    painter.drawLine(QLineF(0, height / 2, width, height / 2))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    encoded = base64.b64encode(bytes(data)).decode("ascii")
    return (
        f"<img src='data:image/png;base64,{encoded}' width='{width}' height='{height}' "
        "style='vertical-align: middle'>"
    )
