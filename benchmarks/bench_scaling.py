"""How the costs grow with the history: 1, 3, 10 and 30 years of daily demo data
(issue 14's scaling table). For each size:

* unlock -> main window painted, and Trends painted after a click right after unlock
  (fresh processes, as in ``bench_unlock``; the key derivation beside it), and the
  peak memory of that process once Trends has read and drawn the whole history;
* journal search "dinner" with its result list (as in ``bench_search``; the list shows
  at most 300, so this stays flat once a vault has that many matches);
* the PDF summary of the whole history, per page (as in ``bench_report``).

Medians of 5 tries (3 for the PDF of the whole history, which is up to ~30 s at 30
years). Run by hand (~5-10 minutes):

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.bench_scaling
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_unlock import unlock_figures
from benchmarks.common import PASSPHRASE, QUICK, child, demo_vault, tries

SIZES = (1, 3) if QUICK else (1, 3, 10, 30)
TRIES = tries(5)
PDF_TRIES = tries(3)


def inner(folder: Path) -> None:
    """In a child process: search and PDF figures for the vault in ``folder``."""
    from PySide6.QtGui import QPageSize
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from pypdf import PdfReader

    from moodlog.domain.period import Period
    from moodlog.report.pdf import ReportOptions, export_pdf, load_for_report
    from moodlog.ui.application import AppController, apply_style
    from moodlog.vault.vault import Vault

    apply_style(app)
    vault = Vault.open(folder / "moodlog.db", PASSPHRASE)
    controller = AppController(folder)
    controller.open_session(vault)
    window = controller.main_window
    journal = window.show_screen("Journal")
    for _ in range(20):
        app.processEvents()
    controller.preloader.stop()
    painted: list[float] = []
    original = journal.results.paintEvent

    def paint(event) -> None:  # noqa: ANN001
        original(event)
        painted.append(time.perf_counter())

    journal.results.paintEvent = paint

    def search(text: str) -> float:
        journal.search_box.blockSignals(True)
        journal.search_box.setText(text)
        journal.search_box.blockSignals(False)
        app.processEvents()
        painted.clear()
        start = time.perf_counter()
        journal.run_search()
        while not painted:
            app.processEvents()
        return (painted[0] - start) * 1000

    search("warm up")
    search_ms = statistics.median(search("dinner") for _ in range(TRIES))
    entries = vault.conn.execute("SELECT count(*) FROM entries").fetchone()[0]
    first = vault.conn.execute("SELECT min(day) FROM entries").fetchone()[0]
    today = dt.date.today()
    days = (today - dt.date.fromisoformat(first)).days + 1
    options = ReportOptions(
        period=Period.last_days(days, today), page_size=QPageSize(QPageSize.PageSizeId.A4)
    )
    path = folder / "report.pdf"
    pdf_times = []
    for _ in range(PDF_TRIES):
        start = time.perf_counter()
        export_pdf(load_for_report(vault, options), options, path)
        pdf_times.append((time.perf_counter() - start) * 1000)
    pages = len(PdfReader(path).pages)
    window.close()
    vault.close()
    print(
        json.dumps(
            {
                "entries": entries,
                "search": search_ms,
                "pdf": statistics.median(pdf_times),
                "pages": pages,
            }
        )
    )


def main() -> None:
    rows = []
    for years in SIZES:
        folder = Path(tempfile.mkdtemp(prefix=f"moodlog-bench-{years}y-"))
        demo_vault(years, folder, end=dt.date.today())[0].close()
        figures = unlock_figures(folder, (0.0,), TRIES)
        _, _, out = child(["-m", "benchmarks.bench_scaling", "--inner", str(folder)])
        other = json.loads(out.strip().splitlines()[-1])
        results = figures["results"]
        rows.append(
            {
                "years": years,
                "entries": other["entries"],
                "unlock": statistics.median(figures["unlock"]),
                "kdf": statistics.median(figures["kdf"]),
                "trends": statistics.median(r["trends"] for r in results),
                "memory": statistics.median(r["memory"] for r in results),
                "search": other["search"],
                "pdf_page": other["pdf"] / other["pages"],
                "pages": other["pages"],
            }
        )
        print(f"  {years} years done", flush=True)
    print()
    print("Scaling with the history (fresh processes; medians)")
    print(
        f"{'years':>5} {'entries':>8} {'unlock':>8} {'(KDF)':>8} {'Trends':>8} "
        f"{'search':>8} {'PDF/page':>9} {'pages':>6} {'memory':>9}"
    )
    for r in rows:
        print(
            f"{r['years']:>5} {r['entries']:>8} {r['unlock']:6.0f}ms {r['kdf']:6.0f}ms "
            f"{r['trends']:6.0f}ms {r['search']:6.1f}ms {r['pdf_page']:7.1f}ms "
            f"{r['pages']:>6} {r['memory']:6.0f}MiB"
        )
    base = rows[0]
    print("growth from 1 year (x the data: entries):")
    for r in rows[1:]:
        print(
            f"  {r['years']:>2} years: data x{r['entries'] / base['entries']:.1f}; unlock "
            f"x{r['unlock'] / base['unlock']:.2f}, Trends x{r['trends'] / base['trends']:.2f}, "
            f"search x{r['search'] / base['search']:.2f}, PDF per page "
            f"x{r['pdf_page'] / base['pdf_page']:.2f}, memory x{r['memory'] / base['memory']:.2f}"
        )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--inner":
        inner(Path(sys.argv[2]))
    else:
        main()
