"""Writing a QTextDocument to PDF safely.

* Atomic: the PDF is written to a private temp file in the target folder, then
  renamed over the target. No plaintext copy anywhere else (charts are embedded
  from memory, never saved as temp PNGs).
* Generic metadata: the title is "moodlog summary"-like, no author is set.
* Needs a QGuiApplication (fonts); ``ensure_gui_app`` makes an offscreen one for the CLI.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument


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


def write_document_pdf(
    document: QTextDocument,
    path: Path,
    title: str,
    page_size: QPageSize | None = None,
    resolution: int = 300,
) -> None:
    path = Path(path)
    fd, temp_name = tempfile.mkstemp(prefix=".moodlog-", suffix=".pdf.tmp", dir=path.parent)
    os.close(fd)
    try:
        writer = QPdfWriter(temp_name)
        writer.setTitle(title)
        writer.setCreator("moodlog")
        writer.setResolution(resolution)
        writer.setPageLayout(
            QPageLayout(
                page_size or locale_page_size(),
                QPageLayout.Orientation.Portrait,
                QMarginsF(15, 15, 15, 15),
                QPageLayout.Unit.Millimeter,
            )
        )
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        document.setPageSize(QSizeF(rect.width(), rect.height()))
        document.print_(writer)
        del writer
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
