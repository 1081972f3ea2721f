"""Writing a QTextDocument to PDF safely.

* Atomic: the PDF is written to a private temp file in the target folder, then
  renamed over the target. No plaintext copy anywhere else (charts are embedded
  from memory, never saved as temp PNGs).
* Generic metadata: the title is "moodlog summary"-like, no author is set.
* Needs a QGuiApplication (fonts); ``ensure_gui_app`` makes an offscreen one for the CLI.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from moodlog.paths import export_target, is_journal_file


class PdfNotWritten(OSError):
    """The PDF file is missing, empty or cut short (a full disk, a size limit...).
    Qt's PDF writer does not report write errors, so the file itself is checked."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(errno.EIO, detail, str(path))

    def __str__(self) -> str:
        return f"The PDF was not saved: {self.strerror}."


def check_pdf_written(path: Path) -> None:
    """Raise PdfNotWritten unless ``path`` is a complete PDF (header and end marker).
    A broken file is removed, so nothing half-written is left looking like a PDF."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(5)
            handle.seek(max(0, size - 64))
            tail = handle.read()
    except OSError:
        raise PdfNotWritten(path, "the file could not be written") from None
    if size == 0 or head != b"%PDF-" or b"%%EOF" not in tail:
        if not is_journal_file(path):  # (an export refused there left the journal as it was)
            path.unlink(missing_ok=True)
        raise PdfNotWritten(
            path, "the file was cut short (is the disk full?); nothing was kept"
        ) from None


def ensure_gui_app() -> None:
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        ensure_gui_app.app = QGuiApplication([])  # type: ignore[attr-defined]


def locale_page_size() -> QPageSize:
    """Letter where the locale uses it (US, Canada, ...), A4 elsewhere."""
    letter_countries = {
        QLocale.Country.UnitedStates,
        QLocale.Country.Canada,
        QLocale.Country.Mexico,
        QLocale.Country.Philippines,
        QLocale.Country.Chile,
        QLocale.Country.Colombia,
    }
    if QLocale.system().territory() in letter_countries:
        return QPageSize(QPageSize.PageSizeId.Letter)
    return QPageSize(QPageSize.PageSizeId.A4)


def new_pdf_writer(
    target: Path, title: str, page_size: QPageSize, margins_mm: float, resolution: int = 300
) -> QPdfWriter:
    """A PDF writer with generic metadata: the given title, "moodlog" as creator, no
    author (Qt writes none unless asked)."""
    writer = QPdfWriter(str(target))
    writer.setTitle(title)
    writer.setCreator("moodlog")
    writer.setResolution(resolution)
    writer.setPageLayout(
        QPageLayout(
            page_size,
            QPageLayout.Orientation.Portrait,
            QMarginsF(margins_mm, margins_mm, margins_mm, margins_mm),
            QPageLayout.Unit.Millimeter,
        )
    )
    return writer


def write_document_pdf(
    document: QTextDocument,
    path: Path,
    title: str,
    page_size: QPageSize | None = None,
    resolution: int = 300,
) -> None:
    """Print a QTextDocument to ``path`` atomically (used for the one-page safety plan)."""
    with export_target(path, ".pdf.tmp") as temp:
        writer = new_pdf_writer(temp, title, page_size or locale_page_size(), 15, resolution)
        # Laid out at the writer's resolution: a page size in its pixels with the
        # document's default (screen, 96 dpi) layout printed every point size at about
        # a third of its size (review r8: 10 pt text came out at 3.5 pt).
        document.documentLayout().setPaintDevice(writer)
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        document.setPageSize(QSizeF(rect.width(), rect.height()))
        document.print_(writer)
        del writer  # closes the file
        check_pdf_written(temp)
