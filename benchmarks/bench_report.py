"""PDF summary of the 10-year vault (1 year and 10 years) against its floor.

The floor is a bare ``QPdfWriter`` writing, in the same run, the same pages as the app's
PDF: the same page count, paper and resolution, the same text (every line the app's PDF
holds, read back from it beforehand, drawn line by line with a rule under each, as
tables have), and the same charts' content as vectors: the period's daily mood as points
and a line (the 7-day mean's) on page 1 and again on the timeline, each with a line per
session and an outlined marker per day with a self-check along the top; the PHQ-9 and
GAD-7 panels (bands, a line and a point per result); one 22-day line per session in the
period for the around-sessions chart. It reads nothing from the vault and lays nothing
out: what any PDF of this content costs on this machine. (Until 2026-11-30 the floor
drew the timeline's daily points twice and left out the session lines, the self-check
markers and the questionnaire panels, which the app draws.)

Each time is the median of 9 alternated runs (app, floor, app, floor, ...), so a
machine that drifts drifts for both. The app figure is the whole export: reading the
vault (only what the report needs), the analysis, the charts, the layout and writing
the file.

Peak memory: each try is a fresh process that writes one PDF and exits, its peak the
process's own maximum resident set (``VmHWM``, printed as it ends: ``wait4`` would
report at least this process's own, which a child inherits at fork): the app's opens
the vault (key derivation), loads what the report needs and exports it, with the
modules that takes (Qt, pyqtgraph and numpy for the charts, SQLCipher); the floor's
writes the same pages as above with bare QPdfWriter (Qt only).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.bench_report
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks.common import PASSPHRASE, alternate, child, row, ten_year_vault, tries

NOW = dt.datetime(2026, 11, 1, 21)
RUNS = tries(9)  # a 1-year export is ~0.1 s: more tries steady the median on a busy machine
MEMORY_RUNS = tries(5)  # peak memory varies little (< 0.2 MiB between tries)
TARGETS = {"1 year": 1.5, "10 years": 2.0}  # issue 14: app / floor
MEMORY_TARGET = 1.5


@dataclass
class Shape:
    """What the floor has to write to match one app export."""

    lines: list[list[str]]  # the text of each page, line by line
    table_rows: int
    days: int  # points per timeline chart
    session_curves: int  # 22-day lines in the around-sessions chart
    checkin_days: int = 0  # outlined markers along the top of each timeline chart
    session_lines: int = 0  # vertical lines across each timeline chart
    questionnaire_points: tuple[int, int] = (0, 0)  # PHQ-9 and GAD-7 results (lines, points)

    @property
    def pages(self) -> int:
        return len(self.lines)


def floor_pdf(path: Path, shape: Shape, page_size) -> None:  # noqa: ANN001
    """Write ``shape`` with nothing but QPdfWriter and QPainter."""
    import math

    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPolygonF

    from moodlog.charts.data import BAND_COLOURS
    from moodlog.report.pdf import LOGICAL_DPI, PageGeometry
    from moodlog.report.pdf_writer import new_pdf_writer

    geometry = PageGeometry(page_size)
    writer = new_pdf_writer(path, "floor", page_size, geometry.margins_mm)
    painter = QPainter(writer)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scale = writer.resolution() / LOGICAL_DPI
    body = geometry.body_size_px()
    font = QFont("DejaVu Sans")
    font.setPixelSize(11)
    mood = [5 + 3 * math.sin(day / 9) for day in range(shape.days)]

    def chart(
        top: float, height: float, curves: list[list[float]], points: bool, marks: bool = False
    ) -> None:
        width = body.width() - 40
        painter.setPen(QPen(QColor("#444444"), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(40, top, width, height))
        for tick in range(0, 11, 5):
            y = top + height - tick / 10 * height
            painter.drawText(QPointF(10, y + 4), str(tick))
        if marks:  # what the timeline draws besides mood: sessions, self-checks
            painter.setPen(QPen(QColor("#6b3fa0"), 1.4))
            for index in range(shape.session_lines):
                x = 40 + (index + 0.5) * width / max(1, shape.session_lines)
                painter.drawLine(QPointF(x, top + 8), QPointF(x, top + height))
            painter.setPen(QPen(QColor("black"), 1))
            painter.setBrush(QColor("#7fb89a"))
            for index in range(shape.checkin_days):
                x = 40 + (index + 0.5) * width / max(1, shape.checkin_days)
                painter.drawEllipse(QPointF(x, top + 4), 2.4, 2.4)
        for values in curves:
            step = width / max(1, len(values) - 1)
            polygon = QPolygonF(
                [
                    QPointF(40 + i * step, top + height - v / 10 * height)
                    for i, v in enumerate(values)
                ]
            )
            painter.setPen(QPen(QColor("#2c5d63"), 1.5))
            painter.drawPolyline(polygon)
            if points:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor("#5f9aa1"))
                for point in polygon:
                    painter.drawEllipse(point, 2, 2)

    line_height = 12.5
    for index, lines in enumerate(shape.lines):
        if index:
            writer.newPage()
        painter.save()
        painter.scale(scale, scale)
        painter.setFont(font)
        if index == 0:
            chart(body.height() - 330, 170, [mood], points=True, marks=True)
        elif index == 1:
            chart(body.height() - 760, 250, [mood], points=True, marks=True)
            for panel, count in enumerate(shape.questionnaire_points):
                panel_top = body.height() - 500 + panel * 90
                painter.setPen(Qt.PenStyle.NoPen)
                for band in range(4):
                    painter.setBrush(QColor(BAND_COLOURS[band]))
                    painter.drawRect(QRectF(40, panel_top + band * 18, body.width() - 40, 18))
                values = [10 + 5 * math.sin(i) for i in range(count)]
                chart(panel_top, 72, [values], points=True)
            curves = [mood[i % max(1, shape.days - 22) :][:22] for i in range(shape.session_curves)]
            chart(body.height() - 260, 250, curves, points=False)
        for number, line in enumerate(lines):
            y = number * line_height
            painter.setPen(QColor("#1b1b1b"))
            painter.drawText(QPointF(0, y + 10), line)
            painter.setPen(QColor("#b8c4c6"))
            painter.drawLine(QPointF(0, y + line_height), QPointF(body.width(), y + line_height))
        painter.restore()
    painter.end()
    del writer


def child_export(kind: str, *args: str) -> None:
    """One PDF in this (fresh) process: ``app DAYS VAULT OUT`` or ``floor SHAPE OUT``."""
    from PySide6.QtGui import QPageSize
    from PySide6.QtWidgets import QApplication

    app = QApplication([])  # noqa: F841 - fonts and the charts need it
    paper = QPageSize(QPageSize.PageSizeId.A4)
    if kind == "floor":
        shape_file, out = args
        floor_pdf(Path(out), Shape(**json.loads(Path(shape_file).read_text())), paper)
        print(peak_kib())
        return
    from moodlog.domain.period import Period
    from moodlog.report.pdf import ReportOptions, export_pdf, load_for_report
    from moodlog.vault.vault import Vault

    days, vault_path, out = args
    vault = Vault.open(Path(vault_path), PASSPHRASE)
    options = ReportOptions(period=Period.last_days(int(days), NOW.date()), page_size=paper)
    export_pdf(load_for_report(vault, options), options, Path(out), NOW)
    vault.close()
    print(peak_kib())


def peak_kib() -> int:
    """This process's peak resident set since it started (Linux ``VmHWM``), in KiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/self/status")


def child_peak_mib(args: list[str]) -> float:
    return int(child(args)[2].split()[-1]) / 1024


def peak_memory(
    folder: Path, vault_path: Path, shapes: dict[str, tuple[int, Shape]]
) -> list[tuple[str, float, float, float, float]]:
    """Peak memory of one export in a fresh process, app and floor alternated."""
    results = []
    for label, (days, shape) in shapes.items():
        shape_file = folder / f"shape-{days}.json"
        shape_file.write_text(json.dumps(asdict(shape)))
        app_args = ["-m", "benchmarks.bench_report", "--child", "app", str(days)]
        app_args += [str(vault_path), str(folder / f"child-app-{days}.pdf")]
        floor_args = ["-m", "benchmarks.bench_report", "--child", "floor", str(shape_file)]
        floor_args.append(str(folder / f"child-floor-{days}.pdf"))
        child(app_args)  # warm the file cache for both
        child(floor_args)
        app_mib, floor_mib = alternate(
            lambda args=app_args: child_peak_mib(args),
            lambda args=floor_args: child_peak_mib(args),
            MEMORY_RUNS,
        )
        name = f"PDF {label}: peak memory (fresh process; floor: bare QPdfWriter)"
        ratio = row(name, app_mib, floor_mib, MEMORY_TARGET, unit="MiB")
        app_median, floor_median = statistics.median(app_mib), statistics.median(floor_mib)
        results.append((name, app_median, floor_median, ratio or 0.0, MEMORY_TARGET))
    return results


def main() -> list[tuple[str, float, float, float, float]]:
    """Print and return (figure, app ms, floor ms, ratio, target ratio) per period."""
    from PySide6.QtGui import QPageSize
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from moodlog.charts.data import TrendData
    from moodlog.domain.period import Period
    from moodlog.report.pdf import ReportOptions, build_report, export_pdf, load_for_report

    vault, _ = ten_year_vault()
    folder = Path(tempfile.mkdtemp(prefix="moodlog-bench-pdf-"))
    paper = QPageSize(QPageSize.PageSizeId.A4)

    def options(days: int) -> ReportOptions:
        return ReportOptions(period=Period.last_days(days, NOW.date()), page_size=paper)

    def app_export(days: int) -> int:
        chosen = options(days)
        report = export_pdf(load_for_report(vault, chosen), chosen, folder / f"app-{days}.pdf", NOW)
        return report.html.count("<tr>")

    app_export(30)  # warm up fonts, the PDF engine and the chart library
    results = []
    shapes: dict[str, tuple[int, Shape]] = {}
    print()
    print("PDF export of the 10-year vault (median of alternated runs)")
    print(f"{'figure':<60} {'app':>10} {'floor':>10} {'ratio':>6}  target")
    for label, days in (("1 year", 365), ("10 years", 3650)):
        contents = load_for_report(vault, options(days))
        report = build_report(contents, options(days), NOW)
        sessions = len(report.summary.responses)
        from pypdf import PdfReader

        app_export(days)
        lines = [
            page.extract_text().splitlines() for page in PdfReader(folder / f"app-{days}.pdf").pages
        ]
        data, period = TrendData.build(contents, NOW, analysis=False), options(days).period
        shape = Shape(
            lines,
            report.html.count("<tr>"),
            days,
            sessions,
            checkin_days=len({day for day, _ in data.checkin_levels if period.contains(day)}),
            session_lines=sum(period.contains(t.day) for t in data.treatments),
            questionnaire_points=tuple(
                sum(period.contains(day) for day, _ in data.questionnaires.get(name, []))
                for name in ("PHQ-9", "GAD-7")
            ),
        )
        shapes[label] = (days, shape)
        pages = shape.pages
        floor_pdf(folder / "floor-warm.pdf", shape, paper)
        app_times, floor_times = [], []
        for _ in range(RUNS):
            start = time.perf_counter()
            app_export(days)
            app_times.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            floor_pdf(folder / f"floor-{days}.pdf", shape, paper)
            floor_times.append((time.perf_counter() - start) * 1000)
        app_ms, floor_ms = statistics.median(app_times), statistics.median(floor_times)
        name = f"PDF export, {label} ({pages} pages; floor: bare QPdfWriter)"
        ratio = row(name, app_times, floor_times, TARGETS[label])
        results.append((name, app_ms, floor_ms, ratio or 0.0, TARGETS[label]))
    app.processEvents()
    vault.close()  # the children open it: one moodlog process per vault
    results += peak_memory(folder, vault.path, shapes)
    return results


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child_export(*sys.argv[2:])
    else:
        main()
