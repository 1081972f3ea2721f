"""Trends > Around sessions: how long each maintenance session helped (issue 16).

Bars of each maintenance session's duration (days until the 3-day mean of mood was
back at the pre-session baseline); censored ones ("at least") are drawn open-ended,
dashed with an arrow on top; a line marks the Kaplan-Meier median. Definitions are
in :mod:`moodlog.domain.booster`.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from moodlog.charts.plots import TEXT_CONTRAST, on_window
from moodlog.charts.theme import theme_events
from moodlog.domain.booster import (
    DURABILITY_DEFINITION,
    MAX_LAST_SESSIONS,
    MIN_SESSIONS,
    BoosterSummary,
)
from moodlog.i18n import date_text, tr
from moodlog.locale_words import LOCALE
from moodlog.ui.widgets import hint

BAR_COLOUR = "#7b3fa0"
OLDER_COLOUR = "#c9b6d6"  # maintenance sessions not in the summary
MEDIAN_COLOUR = "#2c5d63"
SHOWN_SESSIONS = 12


class DurationChart(pg.PlotWidget):
    """One bar per maintenance session (the last 12), the median as a line."""

    def __init__(self) -> None:
        super().__init__()
        self.setBackground(None)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setLabel("left", tr("Days"))
        self.showGrid(y=True, alpha=0.2)
        self.setMinimumHeight(150)
        self.setMaximumHeight(260)  # a few bars: it need not take a whole screen
        self.bars: list[tuple[str, int, bool, bool]] = []  # (date, days, censored, used)
        self.median: float | None = None
        self.median_line: pg.InfiniteLine | None = None
        self.summary: BoosterSummary | None = None
        theme_events().changed.connect(self._recolour)  # legible in light and dark

    def _recolour(self) -> None:
        if self.summary is not None:
            self.set_summary(self.summary)

    def set_summary(self, summary: BoosterSummary) -> None:
        self.clear()
        self.summary = summary
        self.median_line = None
        used = {id(d.session) for d in summary.durations}
        shown = summary.maintenance[-SHOWN_SESSIONS:]
        self.bars = [
            (date_text(d.session.day, "dd MMM"), d.days, d.censored, id(d.session) in used)
            for d in shown
        ]
        self.median = summary.median_days if summary.enough else None
        if not shown:
            self.getAxis("bottom").setTicks([[]])
            return
        x = np.arange(len(shown), dtype=float)
        heights = np.array([max(d.days, 0.15) for d in shown], dtype=float)  # 0 stays visible
        for censored in (False, True):
            for in_summary in (True, False):
                pick = [
                    i
                    for i, (_, _, c, u) in enumerate(self.bars)
                    if c is censored and u is in_summary
                ]
                if not pick:
                    continue
                colour = on_window(BAR_COLOUR).name() if in_summary else OLDER_COLOUR
                pen = pg.mkPen(
                    colour,
                    width=1.5,
                    style=Qt.PenStyle.DashLine if censored else Qt.PenStyle.SolidLine,
                )
                brush = pg.mkBrush(colour + ("30" if censored else "c0"))
                self.addItem(
                    pg.BarGraphItem(
                        x=x[pick], height=heights[pick], width=0.6, pen=pen, brush=brush
                    )
                )
                if censored:  # open-ended: the duration is at least this long
                    self.addItem(
                        pg.ScatterPlotItem(
                            x=x[pick],
                            y=heights[pick] + 0.6,
                            symbol="t1",
                            size=10,
                            pen=pg.mkPen(colour),
                            brush=pg.mkBrush(colour),
                        )
                    )
        if self.median is not None:
            median_colour = on_window(MEDIAN_COLOUR, TEXT_CONTRAST)  # dark teal, or light
            line = pg.InfiniteLine(
                pos=self.median,
                angle=0,
                pen=pg.mkPen(median_colour, width=2, style=Qt.PenStyle.DashLine),
                label=tr("median {days} days").format(days=LOCALE.general(self.median)),
                labelOpts={"position": 0.1, "color": median_colour, "anchors": [(0, 1), (0, 1)]},
            )
            self.addItem(line)
            self.median_line = line
        self.getAxis("bottom").setTicks([[(i, label) for i, (label, *_) in enumerate(self.bars)]])
        top = max([*heights, self.median or 0]) + 3
        self.setRange(xRange=(-0.6, len(shown) - 0.4), yRange=(0, top), padding=0)


class BoosterPanel(QWidget):
    """The duration chart with its figure, definition and the number of sessions used."""

    last_changed = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.chart = DurationChart()
        from moodlog.ui.widgets import describe_chart

        describe_chart(
            self.chart,
            tr("How long sessions helped chart"),
            tr("Days each session's mood stayed above its baseline; the text beside sums it up."),
        )
        layout.addWidget(self.chart, 3)
        side = QVBoxLayout()
        title = QLabel("<b>{}</b>".format(tr("How long sessions helped")))
        side.addWidget(title)
        self.figure = QLabel("")
        self.figure.setWordWrap(True)
        side.addWidget(self.figure)
        row = QHBoxLayout()
        last_label = QLabel(tr("Maintenance sessions in the summary:"))
        row.addWidget(last_label)
        self.last = QSpinBox()
        last_label.setBuddy(self.last)
        self.last.setRange(MIN_SESSIONS, MAX_LAST_SESSIONS)
        self.last.setAccessibleName(tr("Maintenance sessions in the summary"))
        self.last.setAccessibleDescription(
            tr("How many of your most recent maintenance sessions the median is taken over.")
        )
        self.last.valueChanged.connect(self.last_changed.emit)
        row.addWidget(self.last)
        row.addStretch(1)
        side.addLayout(row)
        self.definition = hint("")
        side.addWidget(self.definition)
        side.addStretch(1)
        layout.addLayout(side, 2)

    def show_summary(self, summary: BoosterSummary) -> None:
        self.last.blockSignals(True)
        self.last.setValue(summary.last)
        self.last.blockSignals(False)
        self.figure.setText(summary.panel_text(LOCALE))
        self.definition.setText(tr(DURABILITY_DEFINITION).format(n=summary.last))
        self.chart.set_summary(summary)
