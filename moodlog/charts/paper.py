"""The report's charts drawn straight onto a page with ``QPainter`` (issue 14 §1).

The Trends screen draws with pyqtgraph (``moodlog.charts.plots``). The PDF used to build
those same widgets, unseen, and record them: ~40 ms and ~50 MiB (pyqtgraph and numpy)
for every export. Here the same charts are drawn directly, with the same layout rules
as pyqtgraph's (9 px margins, axis widths from their labels, tick spacing and the
tick labels it keeps, grid alphas, pixel-size symbols), the same colours, symbols and
pen widths, so that the page looks as before (compared by eye, and a test compares the
pixels of the two).

A chart is measured and laid out when it is made (``PaperTimeline``/``PaperAround``,
in the GUI thread, where the fonts are) and can then be drawn in any thread, any number
of times, onto a PDF page or an image: :meth:`draw` paints in logical (96 dpi) pixels
from the painter's origin, so the caller scales the painter to the device.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QLocale, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTransform,
)

from moodlog.charts.data import (
    BAND_COLOURS,
    BAND_EDGE_ALPHA,
    GRAPHIC_CONTRAST,
    HALF_DAY,
    LEVEL_COLOURS,
    LEVEL_SYMBOLS,
    MEDICATION_COLOUR,
    MOOD_COLOUR,
    SESSION_LINE_HIGH,
    SESSION_LINE_LOW,
    TEXT_CONTRAST,
    TrendData,
    blend,
    contrast_ratio,
    date_label,
    date_tick_unit,
    date_ticks,
    day_of,
    legible,
    place_session_labels,
    style_session_pen,
    timestamp,
    widest_date_label,
    worst_level_by_day,
)
from moodlog.domain.analysis import (
    Series,
    mean_response_curve,
    mean_shown_from,
    one_session_a_day,
    runs_of_days,
    session_curves,
)
from moodlog.domain.questionnaires import BANDS, GAD7, PHQ9, max_total
from moodlog.domain.safety import LEVEL_ORDER
from moodlog.domain.treatments import KINDS, Treatment
from moodlog.i18n import tr

WHITE = QColor("white")
INK = QColor("black")
QUESTIONNAIRE_INK = QColor("#444444")
MARGIN = 9.0  # around the whole chart (pyqtgraph's layout margins)
ROW_GAP = 10.0  # between a plot's date axis and the next plot
TICK_LENGTH = 5.0  # tick marks point into the plot
TEXT_OFFSET = (5.0, 2.0)  # space between an axis and its tick labels (left, bottom)
GRID_ALPHA = int(0.15 * 255)
OVERFLOW = 15.0  # how far a tick label may reach past the end of an axis without a grid
FIT_TOLERANCE = 0.5  # px: a label measured a fraction of a pixel larger still fits
LABEL_MARGIN = 4.0  # blank space around an axis title (a text item's document margin)
# How much of an axis its tick labels may fill before a finer level is left unlabelled:
# (labels already kept, fill ratio).
TEXT_FILL_LIMITS = ((0, 0.8), (2, 0.6), (4, 0.4), (6, 0.2))


def _symbol_paths() -> dict[str, QPainterPath]:
    """pyqtgraph's point symbols, one unit wide and centred on the point (y down)."""
    coords = {
        "t": [(-0.5, -0.5), (0, 0.5), (0.5, -0.5)],
        "t1": [(-0.5, 0.5), (0, -0.5), (0.5, 0.5)],
        "d": [(0.0, -0.5), (-0.4, 0.0), (0, 0.5), (0.4, 0)],
        "+": [
            (-0.5, -0.05),
            (-0.5, 0.05),
            (-0.05, 0.05),
            (-0.05, 0.5),
            (0.05, 0.5),
            (0.05, 0.05),
            (0.5, 0.05),
            (0.5, -0.05),
            (0.05, -0.05),
            (0.05, -0.5),
            (-0.05, -0.5),
            (-0.05, -0.05),
        ],  # fmt: skip
        "star": [
            (0, -0.5),
            (-0.1123, -0.1545),
            (-0.4755, -0.1545),
            (-0.1816, 0.059),
            (-0.2939, 0.4045),
            (0, 0.1910),
            (0.2939, 0.4045),
            (0.1816, 0.059),
            (0.4755, -0.1545),
            (0.1123, -0.1545),
        ],  # fmt: skip
    }
    paths: dict[str, QPainterPath] = {}
    for name, points in coords.items():
        path = QPainterPath()
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
        path.closeSubpath()
        paths[name] = path
    paths["o"] = QPainterPath()
    paths["o"].addEllipse(QRectF(-0.5, -0.5, 1, 1))
    paths["s"] = QPainterPath()
    paths["s"].addRect(QRectF(-0.5, -0.5, 1, 1))
    paths["x"] = QTransform().rotate(45).map(paths["+"])
    return paths


SYMBOLS = _symbol_paths()


def chart_font() -> QFont:
    """The application's font at its size on a 96 dpi screen, in pixels (the charts are
    drawn in logical pixels onto devices of any resolution). A separate copy, not one
    sharing the application font's data: the PDF writer's thread draws with it."""
    from PySide6.QtWidgets import QApplication

    application = QApplication.font()
    font = QFont()
    font.fromString(application.toString())  # its own copy: drawn in the PDF writer's thread
    if application.pixelSize() <= 0:
        font.setPixelSize(round(application.pointSizeF() * 96 / 72))
    return font


def _pen(colour: QColor | str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    """A pen ``width`` logical pixels wide, capped and joined as pyqtgraph's are."""
    pen = QPen(QBrush(QColor(colour)), width)
    pen.setStyle(style)
    pen.setCapStyle(Qt.PenCapStyle.SquareCap)
    pen.setJoinStyle(Qt.PenJoinStyle.BevelJoin)
    return pen


def _hairline(colour: QColor | str) -> QPen:
    """One device pixel wide, whatever the scale (pyqtgraph's cosmetic axis pens)."""
    pen = QPen(QColor(colour), 1)
    pen.setCosmetic(True)
    return pen


# -- axes -------------------------------------------------------------------------------


def numeric_tick_levels(low: float, high: float, pixels: float) -> list[float]:
    """Tick spacings, major first, for an axis ``pixels`` long (pyqtgraph's rule)."""
    span = abs(high - low)
    if span == 0 or pixels <= 0:
        return []
    intervals = max(2.25, 2.25 * math.sqrt(pixels / 300.0))
    widest = span / intervals
    _, exponent = math.frexp(widest)
    unit = 10.0 ** (math.floor((exponent - 1) / 3.32192809488736) - 1)
    if 100.0 * unit <= widest:
        major_factor = 10
        unit *= 10.0
    else:
        for major_factor in (50, 20, 10):
            if major_factor * unit <= widest:
                break
    levels = [major_factor * unit]
    finest = 2 * span / pixels
    for minor_factor in (5, 10) if major_factor == 10 else (10, 20, 50):
        if minor_factor * unit >= finest:
            break
    levels.append(minor_factor * unit)
    extra_trials = {10: (1, 2, 5, 10), 20: (2, 5, 10, 20), 50: (5, 10, 50)}[major_factor]
    for extra_factor in extra_trials:
        if extra_factor * unit >= finest or extra_factor == minor_factor:
            break
    if extra_factor < minor_factor:  # a finer level only where it can be seen
        levels.append(extra_factor * unit)
    return levels


def numeric_ticks(low: float, high: float, pixels: float) -> list[tuple[float, list[float]]]:
    """(spacing, values) per level; a value appears on its coarsest level only."""
    low, high = sorted((low, high))
    levels, seen = [], []
    for spacing in numeric_tick_levels(low, high, pixels):
        start = math.ceil(low / spacing) * spacing
        count = int((high - start) / spacing) + 1
        values = [start + i * spacing for i in range(count)]
        values = [v for v in values if all(abs(v - s) > spacing * 0.01 for s in seen)]
        seen += values
        levels.append((spacing, values))
    return levels


def numeric_label(value: float, spacing: float) -> str:
    places = max(0, math.ceil(-math.log10(spacing)))
    return f"{value:.{places}f}"


@dataclass
class Tick:
    value: float
    level: int
    text: str | None = None


@dataclass
class Axis:
    """One axis: its ticks (with the labels kept), its title and its range."""

    low: float
    high: float
    ticks: list[Tick]
    title: str = ""
    grid: bool = False
    show_values: bool = True


def _text_box(metrics: QFontMetricsF, text: str) -> QSizeF:
    """A tick label's box as pyqtgraph sizes it (80% of the line height)."""
    box = metrics.boundingRect(QRectF(0, 0, 100, 100), Qt.AlignmentFlag.AlignCenter, text)
    return QSizeF(box.width(), box.height() * 0.8)


def labelled_ticks(
    levels: list[tuple[float, list[float]]],
    pixels: float,
    metrics: QFontMetricsF,
    label: Callable[[float, float], str],
    vertical: bool,
) -> list[Tick]:
    """Every tick, with a label on the major level and on finer levels while their
    labels fill little enough of the axis (pyqtgraph's text fill limits)."""
    ticks: list[Tick] = []
    kept = 0
    filled = 0.0
    labelling = True
    for index, (spacing, values) in enumerate(levels):
        texts = [label(v, spacing) for v in values] if labelling else []
        if labelling and texts:
            boxes = [_text_box(metrics, t) for t in texts]
            filled += sum(b.height() if vertical else b.width() for b in boxes)
            if index > 0 and any(
                kept >= count and filled / pixels >= limit for count, limit in TEXT_FILL_LIMITS
            ):
                labelling, texts = False, []
        for position, value in enumerate(values):
            ticks.append(Tick(value, index, texts[position] if texts else None))
        kept += len(texts)
    return ticks


class Frame:
    """A plot's box (logical pixels) and the values at its edges."""

    def __init__(self, rect: QRectF, x: tuple[float, float], y: tuple[float, float]) -> None:
        self.rect, (self.x0, self.x1), (self.y0, self.y1) = rect, x, y
        self.sx = rect.width() / (self.x1 - self.x0)
        self.sy = rect.height() / (self.y1 - self.y0)

    def x(self, value: float) -> float:
        return self.rect.left() + (value - self.x0) * self.sx

    def y(self, value: float) -> float:
        return self.rect.bottom() - (value - self.y0) * self.sy

    def point(self, x: float, y: float) -> QPointF:
        return QPointF(self.x(x), self.y(y))


class PaperChart:
    """Axes, grid and titles drawn as pyqtgraph's ``AxisItem`` draws them."""

    def __init__(self, font: QFont | None = None) -> None:
        self.font = font or chart_font()
        self.metrics = QFontMetricsF(self.font)
        self.title_height = math.ceil(self.metrics.height() + 2 * LABEL_MARGIN - 0.5)

    # Sizes of the axes, from their labels (pyqtgraph keeps 30 px for tick labels and
    # 18 px of height unless the labels differ from that by 10 px or more).
    def left_width(self, axis: Axis) -> float:
        widths = [_text_box(self.metrics, t.text).width() for t in axis.ticks if t.text]
        widest = max(widths, default=0.0)
        width = widest if widest > 30 or widest < 20 else 30.0
        width += TEXT_OFFSET[0]
        return width + (self.title_height * 0.8 if axis.title else 0.0)

    def bottom_height(self, axis: Axis) -> float:
        if not axis.show_values:
            return 0.0
        heights = [_text_box(self.metrics, t.text).height() for t in axis.ticks if t.text]
        tallest = max(heights, default=0.0)
        height = tallest if tallest > 18 or tallest < 8 else 18.0
        height += TEXT_OFFSET[1]
        return height + (self.title_height * 0.8 if axis.title else 0.0)

    def draw_left(self, painter: QPainter, axis: Axis, frame: Frame, width: float) -> None:
        rect = frame.rect
        box = QRectF(rect.left() - width, rect.top(), width, rect.height())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(_hairline(INK))
        painter.drawLine(
            QPointF(rect.left() - 1, rect.top() - 1), QPointF(rect.left() - 1, rect.bottom() + 1)
        )
        by_level = self._by_level(axis.ticks)
        for level, ticks in by_level.items():
            painter.setPen(_hairline(self._tick_colour(axis, level, len(ticks), rect.height())))
            for tick in ticks:
                y = frame.y(tick.value)
                if not rect.top() - 1e-6 <= y <= rect.bottom() + 1e-6:
                    continue
                end = rect.right() if axis.grid else rect.left() + TICK_LENGTH / (level * 0.5 + 1)
                painter.drawLine(QPointF(rect.left(), y), QPointF(end, y))
        painter.setPen(INK)
        painter.setFont(self.font)
        flags = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for text_rect, text in self.left_labels(axis, frame, width):
            painter.drawText(text_rect, int(flags | Qt.TextFlag.TextDontClip), text)
        if axis.title:
            advance = self.metrics.horizontalAdvance(axis.title) + 2 * LABEL_MARGIN
            painter.translate(box.left() - 5, box.top() + int(box.height() / 2 + advance / 2))
            painter.rotate(-90)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.drawText(
                QPointF(LABEL_MARGIN, LABEL_MARGIN + self.metrics.ascent()), axis.title
            )
        painter.restore()

    def draw_bottom(
        self,
        painter: QPainter,
        axis: Axis,
        frame: Frame,
        height: float,
    ) -> None:
        rect = frame.rect
        box = QRectF(rect.left(), rect.bottom(), rect.width(), height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(_hairline(INK))
        painter.drawLine(
            QPointF(rect.left() - 1, rect.bottom() + 1),
            QPointF(rect.right() + 1, rect.bottom() + 1),
        )
        for level, ticks in self._by_level(axis.ticks).items():
            painter.setPen(_hairline(self._tick_colour(axis, level, len(ticks), rect.width())))
            for tick in ticks:
                x = frame.x(tick.value)
                if not rect.left() - 1e-6 <= x <= rect.right() + 1e-6:
                    continue
                end = rect.top() if axis.grid else rect.bottom() - TICK_LENGTH / (level * 0.5 + 1)
                painter.drawLine(QPointF(x, rect.bottom()), QPointF(x, end))
        painter.setPen(INK)
        painter.setFont(self.font)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        for text_rect, text in self.bottom_labels(axis, frame, height):
            painter.drawText(text_rect, int(flags | Qt.TextFlag.TextDontClip), text)
        if axis.title:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            advance = self.metrics.horizontalAdvance(axis.title) + 2 * LABEL_MARGIN
            left = box.left() + int(box.width() / 2 - advance / 2)
            top = box.top() + int(height - self.title_height + 5)
            painter.drawText(
                QPointF(left + LABEL_MARGIN, top + LABEL_MARGIN + self.metrics.ascent()),
                axis.title,
            )
        painter.restore()

    def left_labels(self, axis: Axis, frame: Frame, width: float) -> list[tuple[QRectF, str]]:
        """The left axis's tick labels that fit (a box each, right-aligned 5 px from the
        axis and centred on its tick): inside the axis (15 px past its ends), or inside
        the axis and the plot when it draws a grid (pyqtgraph's rule)."""
        rect = frame.rect
        box = QRectF(rect.left() - width, rect.top(), width, rect.height())
        bounds = (
            box.united(rect) if axis.grid else box.adjusted(0, -OVERFLOW, TICK_LENGTH, OVERFLOW)
        )
        labels = []
        for tick in axis.ticks:
            if tick.text is None:
                continue
            size = _text_box(self.metrics, tick.text)
            text_rect = QRectF(
                rect.left() - TEXT_OFFSET[0] - size.width(),
                frame.y(tick.value) - size.height() / 2,
                size.width(),
                size.height(),
            )
            if _fits(text_rect, bounds):
                labels.append((text_rect, tick.text))
        return labels

    def bottom_labels(self, axis: Axis, frame: Frame, height: float) -> list[tuple[QRectF, str]]:
        """The bottom axis's tick labels that fit (a box each, centred under its tick)."""
        if not axis.show_values:
            return []
        rect = frame.rect
        box = QRectF(rect.left(), rect.bottom(), rect.width(), height)
        bounds = (
            box.united(rect) if axis.grid else box.adjusted(-OVERFLOW, -TICK_LENGTH, OVERFLOW, 0)
        )
        labels = []
        for tick in axis.ticks:
            if tick.text is None:
                continue
            size = _text_box(self.metrics, tick.text)
            top = rect.bottom() + TEXT_OFFSET[1]
            x = frame.x(tick.value)
            text_rect = QRectF(x - size.width() / 2, top, size.width(), size.height())
            if _fits(text_rect, bounds):
                labels.append((text_rect, tick.text))
        return labels

    @staticmethod
    def _by_level(ticks: list[Tick]) -> dict[int, list[Tick]]:
        levels: dict[int, list[Tick]] = defaultdict(list)
        for tick in ticks:
            levels[tick.level].append(tick)
        return levels

    @staticmethod
    def _tick_colour(axis: Axis, level: int, count: int, length: float) -> QColor:
        alpha = 255 / (level + 1)
        if axis.grid:
            alpha *= GRID_ALPHA / 255 * min(1.0, max(0.0, 0.05 * length / (count + 1)))
        colour = QColor(INK)
        colour.setAlpha(int(alpha))
        return colour

    def numeric_axis(
        self,
        low: float,
        high: float,
        pixels: float,
        vertical: bool,
        title: str = "",
        grid: bool = False,
    ) -> Axis:
        levels = numeric_ticks(low, high, pixels)
        ticks = labelled_ticks(levels, pixels, self.metrics, numeric_label, vertical)
        return Axis(low, high, ticks, title, grid)


def _fits(rect: QRectF, bounds: QRectF) -> bool:
    """``rect`` inside ``bounds``, give or take a fraction of a pixel: text measured
    with this font's metrics may come out a little larger than pyqtgraph measured it
    (review finding: the "0" of a short page-1 chart was left out by 0.14 px)."""
    tolerance = FIT_TOLERANCE
    return bounds.adjusted(-tolerance, -tolerance, tolerance, tolerance).contains(rect)


def _points(
    painter: QPainter,
    frame: Frame,
    points: Iterable[tuple[float, float]],
    symbol: str,
    size: float,
    brush: QColor,
    outline: QPen | None = None,
) -> None:
    """Point symbols ``size`` pixels wide at data positions: unoutlined ones as one path
    (overlapping points show their union, as when drawn one by one), outlined ones one
    by one, each over the one before."""
    shape = QTransform.fromScale(size, size).map(SYMBOLS[symbol])
    painter.setBrush(brush)
    if outline is None:
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)
        for x, y in points:
            path.addPath(shape.translated(frame.x(x), frame.y(y)))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPath(path)
        return
    painter.setPen(outline)
    for x, y in points:
        painter.drawPath(shape.translated(frame.x(x), frame.y(y)))


def _polyline_path(frame: Frame, runs: Iterable[list[tuple[float, float]]]) -> QPainterPath:
    path = QPainterPath()
    for run in runs:
        if not run:
            continue
        path.moveTo(frame.point(*run[0]))
        for x, y in run[1:]:
            path.lineTo(frame.x(x), frame.y(y))
    return path


def _runs(series: Series) -> list[list[tuple[float, float]]]:
    """A series as runs of consecutive days (x: noon-UTC timestamps): a line breaks at
    a missing day instead of bridging it."""
    runs: list[list[tuple[float, float]]] = []
    previous: dt.date | None = None
    for day in sorted(series):
        if previous is None or (day - previous).days > 1:
            runs.append([])
        runs[-1].append((timestamp(day), series[day]))
        previous = day
    return runs


def grid_rows(
    height: float, fixed: list[float], stretch: list[int], gaps: list[float]
) -> list[float]:
    """Heights of stretching rows, as Qt's graphics grid layout gives them to
    pyqtgraph's view boxes (preferred height 50, expanding) between fixed-height
    axis rows: measured by laying out such a grid, so that it is Qt's own rule."""
    key = (height, tuple(fixed), tuple(stretch), tuple(gaps))
    if key not in _ROW_CACHE:
        from PySide6.QtWidgets import QGraphicsGridLayout, QGraphicsWidget, QSizePolicy

        holder = QGraphicsWidget()
        grid = QGraphicsGridLayout()
        grid.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        grid.setVerticalSpacing(0)
        grid.setHorizontalSpacing(0)
        boxes = []
        for index, factor in enumerate(stretch):
            box = QGraphicsWidget()
            box.setPreferredSize(50, 50)
            box.setMinimumSize(0, 0)
            policy = QSizePolicy.Policy.Expanding
            box.setSizePolicy(policy, policy)
            axis = QGraphicsWidget()
            axis.setMinimumHeight(fixed[index])
            axis.setMaximumHeight(fixed[index])
            grid.addItem(box, 2 * index, 0)
            grid.addItem(axis, 2 * index + 1, 0)
            grid.setRowStretchFactor(2 * index, factor)
            if index < len(gaps):
                grid.setRowSpacing(2 * index + 1, gaps[index])
            boxes.append(box)
        holder.setLayout(grid)
        holder.resize(600, height)
        grid.activate()
        _ROW_CACHE[key] = [box.geometry().height() for box in boxes]
        holder.deleteLater()
    return _ROW_CACHE[key]


_ROW_CACHE: dict[tuple, list[float]] = {}


# -- the two charts ---------------------------------------------------------------------


class PaperTimeline(PaperChart):
    """Mood over a period with its 7-day mean, treatment sessions (labelled, thinned so
    labels never overlap), medication changes, each day's most concerning self-check
    along the top, and (``questionnaires``) PHQ-9 and GAD-7 below on banded plots: the
    Trends screen's ``TimelineChart`` on paper."""

    def __init__(
        self,
        data: TrendData,
        first: dt.date,
        last: dt.date,
        width: float,
        height: float,
        questionnaires: bool = True,
        font: QFont | None = None,
    ) -> None:
        super().__init__(font)
        self.data = data
        self.x_range = (timestamp(first) - HALF_DAY, timestamp(last) + HALF_DAY)
        self.first, self.last = first, last
        # What is drawn: the period and the day before it (its point half in view at
        # the left edge, the lines coming in from it), and nothing after the period:
        # a report shows what was known at its end, in its charts as in its figures
        # (review: a PHQ-9 taken after the period drew its line heading there).
        self.near = (first - dt.timedelta(days=1), last)
        self.names = [PHQ9, GAD7] if questionnaires else []
        self.locale = QLocale()
        label_widths: dict[str, float] = {}

        def label_width(unit: str) -> float:
            if unit not in label_widths:
                advance = self.metrics.horizontalAdvance
                label_widths[unit] = widest_date_label(self.locale, advance, unit)
            return label_widths[unit]

        # The plot's width first needs the left axes' width, which needs their labels,
        # which need only the heights: lay out vertically first.
        rows = 1 + len(self.names)

        def row_heights(date_height: float) -> tuple[list[float], list[float]]:
            """The axis rows' fixed heights (dates under the mood plot and under the
            last questionnaire plot; PHQ-9 shows none) and the plots' heights."""
            fixed = [date_height] + ([0.0, date_height] if rows > 1 else [])
            return fixed, grid_rows(height, fixed, [5, 2, 2][:rows], [ROW_GAP] * (rows - 1))

        _, heights = row_heights(20.0)  # pyqtgraph's date axis height, until measured
        self.y_axes: list[Axis] = [
            self.numeric_axis(-0.9, 11, heights[0], True, tr("Mood (0-10)"), grid=True)
        ]
        for name in self.names:
            top = max_total(name)
            starts = [low for low, _, _ in BANDS[name]]
            starts = starts[::2] if len(starts) > 4 else starts
            axis = Axis(-0.02 * top, top * 1.02, [Tick(s, 0, str(s)) for s in starts], name)
            self.y_axes.append(axis)
        left = max(self.left_width(axis) for axis in self.y_axes)
        plot_width = width - 2 * MARGIN - left
        values = date_ticks(*self.x_range, plot_width, label_width)
        unit = date_tick_unit(values[0][0]) if values else "day"
        date_ticks_kept = (
            [Tick(v, 0, date_label(self.locale, day_of(v), unit)) for v in values[0][1]]
            if values
            else []
        )
        date_axis = Axis(*self.x_range, date_ticks_kept)
        fixed, heights = row_heights(self.bottom_height(date_axis))
        self.x_axes = [date_axis] + (
            [Axis(*self.x_range, date_ticks_kept, show_values=False), date_axis] if rows > 1 else []
        )
        self.frames: list[Frame] = []
        top = MARGIN
        for index, axis in enumerate(self.y_axes):
            rect = QRectF(MARGIN + left, top, plot_width, heights[index])
            self.frames.append(Frame(rect, self.x_range, (axis.low, axis.high)))
            top += heights[index] + fixed[index] + ROW_GAP
        self.left = left
        self.fixed = fixed
        self.labels = self._session_labels()

    def _session_labels(self) -> list[tuple[float, float, str, QColor]]:
        """(x, baseline y, text, colour) of the session labels, thinned as on screen."""
        frame = self.frames[0]
        shown = [t for t in self.data.treatments if self.first <= t.day <= self.last]
        advance = self.metrics.horizontalAdvance
        wanted = [
            (frame.x(timestamp(t.day)) - frame.rect.left(), advance(KINDS[t.kind].short))
            for t in shown
        ]
        baseline = frame.y(SESSION_LINE_LOW) - self.title_height + LABEL_MARGIN
        baseline += self.metrics.ascent()
        labels = []
        for position, _, ink_left in place_session_labels(wanted, frame.rect.width()):
            kind = KINDS[shown[position].kind]
            colour = legible(kind.colour, WHITE, TEXT_CONTRAST)
            labels.append((frame.rect.left() + ink_left, baseline, kind.short, colour))
        return labels

    def draw(self, painter: QPainter) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        for index, (y_axis, x_axis, frame) in enumerate(
            zip(self.y_axes, self.x_axes, self.frames, strict=True)
        ):
            self.draw_left(painter, y_axis, frame, self.left)
            painter.save()
            painter.setClipRect(frame.rect)
            if index == 0:
                self._draw_mood(painter, frame)
            else:
                self._draw_questionnaire(painter, frame, self.names[index - 1])
            painter.restore()
            self.draw_bottom(painter, x_axis, frame, self.fixed[index])
        painter.restore()

    def _draw_mood(self, painter: QPainter, frame: Frame) -> None:
        data = self.data
        first, last = self.near
        mood = [(timestamp(day), value) for day, value in data.mood.items() if first <= day <= last]
        _points(painter, frame, mood, "o", 5, QColor(MOOD_COLOUR).lighter(130))
        near = {day: value for day, value in data.trend.items() if first <= day <= last}
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(_pen(MOOD_COLOUR, 2.5))
        painter.drawPath(_polyline_path(frame, _runs(near)))
        medication = [
            (timestamp(day), -0.55) for day, _ in data.medication_events if first <= day <= last
        ]
        _points(painter, frame, medication, "t1", 9, legible(MEDICATION_COLOUR, WHITE))
        self._draw_sessions(painter, frame)
        for x, baseline, text, colour in self.labels:
            painter.setPen(colour)
            painter.setFont(self.font)
            painter.drawText(QPointF(x, baseline), text)
        by_level: dict[str, list[tuple[float, float]]] = {level: [] for level in LEVEL_ORDER}
        for day, level in worst_level_by_day(data.checkin_levels).items():
            if first <= day <= last:
                by_level[level].append((timestamp(day), 10.55))
        for level in LEVEL_ORDER:  # least concerning first: the most concerning on top
            symbol, factor, _ = LEVEL_SYMBOLS[level]
            colour = QColor(LEVEL_COLOURS[level])
            faint = contrast_ratio(colour, WHITE) < GRAPHIC_CONTRAST
            outline = _pen(INK, 1) if faint else None
            _points(painter, frame, by_level[level], symbol, 6 * factor, colour, outline)

    def _draw_sessions(self, painter: QPainter, frame: Frame) -> None:
        groups: dict[tuple[str, bool], list[float]] = defaultdict(list)
        first, last = self.near
        for t in self.data.treatments:
            if first <= t.day <= last:
                groups[(t.kind, t.is_appointment(self.data.now))].append(timestamp(t.day))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for (kind, appointment), xs in groups.items():
            pen = _pen(legible(KINDS[kind].colour, WHITE), 1.4)
            painter.setPen(style_session_pen(pen, kind, appointment))
            path = QPainterPath()
            for x in xs:
                path.moveTo(frame.point(x, SESSION_LINE_LOW))
                path.lineTo(frame.point(x, SESSION_LINE_HIGH))
            painter.drawPath(path)

    def _draw_questionnaire(self, painter: QPainter, frame: Frame, name: str) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        for (low, high, _), colour in zip(BANDS[name], BAND_COLOURS, strict=False):
            band = QColor(colour)
            band.setAlpha(150)
            painter.setBrush(band)
            top, bottom = frame.y(high + 0.5), frame.y(low - 0.5 if low else 0)
            painter.drawRect(QRectF(frame.rect.left(), top, frame.rect.width(), bottom - top))
        edge = QColor(INK)
        edge.setAlpha(BAND_EDGE_ALPHA)
        painter.setPen(_pen(edge, 0.8))
        for low, _, _ in BANDS[name][1:]:  # where each band meets the one below it
            y = frame.y(low - 0.5)
            painter.drawLine(QLineF(frame.rect.left(), y, frame.rect.right(), y))
        points = [  # the line may come in from before the period, never from after it
            (timestamp(day), total)
            for day, total in self.data.questionnaires.get(name, [])
            if day <= self.last
        ]
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(_pen(QUESTIONNAIRE_INK, 1.5))
        painter.drawPath(_polyline_path(frame, [points]))
        _points(painter, frame, points, "o", 6, QUESTIONNAIRE_INK)
        taken = self.data.questionnaires.get(name, [])
        if not any(self.first <= day <= self.last for day, _ in taken):
            # (review finding: an empty banded plot said nothing)
            painter.setPen(QUESTIONNAIRE_INK)
            painter.setFont(self.font)
            painter.drawText(
                frame.rect,
                int(Qt.AlignmentFlag.AlignCenter),
                tr("No scored {name} in this period").format(name=name),
            )


class PaperAround(PaperChart):
    """Every session aligned at day 0 (-7..+14): a faint line each, the mean bold with
    its spread (one standard deviation): the Trends screen's ``AroundSessionsChart``
    on paper. ``sessions``: every past session up to the period's end, in time order
    (they set each other's cuts); ``shown`` picks the ones drawn (default: all)."""

    FIRST, LAST = -7, 14

    def __init__(
        self,
        mood: Series,
        sessions: list[Treatment],
        width: float,
        height: float,
        font: QFont | None = None,
        shown: Callable[[Treatment], bool] | None = None,
    ) -> None:
        super().__init__(font)
        curves = session_curves(mood, sessions, self.FIRST, self.LAST)
        self.curves = [
            (session, curve)
            for session, curve in zip(sessions, curves, strict=True)
            if shown is None or shown(session)
        ]
        days = one_session_a_day(self.curves)
        self.mean = mean_response_curve((c for _, c in days), mean_shown_from(len(days)))
        x_pad, y_pad = 0.02 * (self.LAST - self.FIRST), 0.04 * 10
        self.x_range = (self.FIRST - x_pad, self.LAST + x_pad)
        y_range = (-y_pad, 10 + y_pad)
        # The left axis's labels depend on the plot's height, the bottom axis's on its
        # width: heights first (the bottom axis's height does not depend on its labels
        # here: one line of numbers and the title).
        probe = Axis(*self.x_range, [Tick(0, 0, "0")], tr("Days from session"), grid=True)
        bottom = self.bottom_height(probe)
        plot_height = height - 2 * MARGIN - bottom
        self.y_axis = self.numeric_axis(*y_range, plot_height, True, tr("Mood (0-10)"), grid=True)
        left = self.left_width(self.y_axis)
        plot_width = width - 2 * MARGIN - left
        self.x_axis = self.numeric_axis(
            *self.x_range, plot_width, False, tr("Days from session"), grid=True
        )
        self.bottom = self.bottom_height(self.x_axis)
        plot_height = height - 2 * MARGIN - self.bottom
        rect = QRectF(MARGIN + left, MARGIN, plot_width, plot_height)
        self.frame = Frame(rect, self.x_range, y_range)
        self.left = left

    def draw(self, painter: QPainter) -> None:
        frame = self.frame
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.draw_left(painter, self.y_axis, frame, self.left)
        painter.save()
        painter.setClipRect(frame.rect)
        painter.setPen(_hairline("#777777"))
        painter.drawLine(QLineF(frame.point(0, frame.y0), frame.point(0, frame.y1)))
        by_kind: dict[str, list[list[tuple[float, float]]]] = defaultdict(list)
        for session, curve in self.curves:
            by_kind[session.kind] += [[(x, curve[x]) for x in run] for run in runs_of_days(curve)]
        mean = self.mean
        mean_runs = [[(x, mean[x][0]) for x in run] for run in runs_of_days(mean)]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(44, 93, 99, 45))
        for run in mean_runs:  # the spread under the sessions' lines (pyqtgraph's order)
            upper = [frame.point(x, y + mean[x][1]) for x, y in run]
            lower = [frame.point(x, y - mean[x][1]) for x, y in reversed(run)]
            painter.drawPolygon(QPolygonF(upper + lower))
        for kind, runs in by_kind.items():
            alpha = 70 if len(self.curves) > 1 else 230
            colour = blend(legible(KINDS[kind].colour, WHITE), alpha, WHITE)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(_pen(colour, 1))
            painter.drawPath(_polyline_path(frame, runs))
            # A day with no neighbour draws no line: a dot instead (as on Trends).
            _points(painter, frame, [run[0] for run in runs if len(run) == 1], "o", 4, colour)
        if mean_runs:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(_pen(MOOD_COLOUR, 3.5))
            painter.drawPath(_polyline_path(frame, mean_runs))
            lone = [run[0] for run in mean_runs if len(run) == 1]
            _points(painter, frame, lone, "o", 7, QColor(MOOD_COLOUR))
        painter.restore()
        self.draw_bottom(painter, self.x_axis, frame, self.bottom)
        painter.restore()
