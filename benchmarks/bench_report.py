"""PDF summary of a 10-year vault: 90 days, a year, and everything."""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path

from benchmarks.common import report, ten_year_vault


def main() -> None:
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from moodlog.domain.period import Period
    from moodlog.report.pdf import ReportOptions, export_pdf
    from moodlog.report.pdf_writer import write_document_pdf
    from moodlog.vault import bulk

    vault, _ = ten_year_vault()
    contents = bulk.load(vault)
    now = dt.datetime(2026, 11, 1, 21)
    folder = Path(tempfile.mkdtemp(prefix="moodlog-bench-pdf-"))

    def bare() -> None:
        document = QTextDocument()
        document.setHtml("<table>" + "<tr><td>row</td><td>1</td></tr>" * 100 + "</table>")
        write_document_pdf(document, folder / "bare.pdf", "bare")

    bare()  # warm up fonts and the PDF engine
    export_pdf(
        contents, ReportOptions(period=Period.last_days(30, now.date())), folder / "warm.pdf", now
    )  # and the chart library
    start = time.perf_counter()
    bare()
    baseline = (time.perf_counter() - start) * 1000
    report("bare QTextDocument PDF, 100-row table", baseline)
    for label, days in (("90 days", 90), ("1 year", 365), ("10 years", 3650)):
        options = ReportOptions(period=Period.last_days(days, now.date()))
        start = time.perf_counter()
        result = export_pdf(contents, options, folder / f"{days}.pdf", now)
        ms = (time.perf_counter() - start) * 1000
        del result
        size = (folder / f"{days}.pdf").stat().st_size // 1024
        report(f"export {label} ({size} KB)", ms, "bare PDF", baseline)
    app.processEvents()
    vault.close()


if __name__ == "__main__":
    main()
