"""Trends screen on 10 years of daily data (~3,900 entries, ~130 sessions)."""

from __future__ import annotations

import datetime as dt

from benchmarks.common import measure, report, ten_year_vault


def main() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    import pyqtgraph as pg

    from moodlog.domain.analysis import daily_series, session_responses
    from moodlog.preferences import Preferences
    from moodlog.ui.charts import timestamp
    from moodlog.ui.context import AppContext
    from moodlog.ui.trends import TrendsScreen

    vault, contents = ten_year_vault()
    now = dt.datetime(2026, 11, 1, 21)
    mood = daily_series(contents.entries)
    xs = [timestamp(d) for d in mood]
    ys = list(mood.values())
    print(
        f"data: {len(contents.entries)} entries, {len(mood)} days, "
        f"{len(contents.treatments)} sessions, {len(contents.checkins)} self-checks"
    )

    def bare_plot() -> None:
        widget = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()})
        widget.plot(xs, ys, pen=None, symbol="o", symbolSize=5)
        widget.resize(1000, 650)
        widget.show()
        widget.repaint()
        widget.close()

    baseline = measure(bare_plot)
    report("bare pyqtgraph plot of the same points", baseline)

    context = AppContext(
        vault=vault, data_dir=vault.path.parent, preferences=Preferences(), now=lambda: now
    )
    holder = {}

    def open_screen() -> None:
        screen = TrendsScreen(context)
        screen.resize(1000, 700)
        screen.show()
        screen.repaint()
        holder["screen"] = screen

    report(
        "open Trends (load, analyse, draw, first paint)",
        measure(open_screen, 5),
        "bare plot",
        baseline,
    )
    screen = holder["screen"]
    ranges = iter([30, 90, 365, None] * 10)

    def switch_range() -> None:
        screen.set_range(next(ranges))
        screen.timeline.repaint()

    report("switch range and repaint", measure(switch_range, 8), "bare plot", baseline)
    report(
        "recompute per-session table (analysis only)",
        measure(lambda: session_responses(mood, contents.treatments, now)),
        "bare plot",
        baseline,
    )
    report(
        "recompute and fill the per-session table + overlay",
        measure(screen._fill_sessions),
        "bare plot",
        baseline,
    )
    app.processEvents()
    vault.close()


if __name__ == "__main__":
    main()
