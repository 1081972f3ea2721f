"""Screenshots of moodlog's main screens, light and dark, for the README.

Runs the real app on the demo vault (synthetic data, in a temporary folder deleted
afterwards) on Qt's offscreen platform, so no display is needed:

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py [OUT_DIR]

Writes ``<screen>-<theme>.png`` (e.g. ``today-light.png``) into OUT_DIR, by default
``docs/screenshots/``. "Light" and "Dark" are the themes of Settings > Appearance
(``apply_theme``: moodlog's palette and its style sheets). Text is in the platform's
default font and size, as moodlog uses the system's (9 pt on the offscreen platform).
tests/gui/test_screenshots.py runs it on a couple of screens so it stays working.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SCREENS = ("Lock", "Today", "Journal", "Treatments", "Trends", "Export", "Help")
THEMES = ("light", "dark")
WINDOW_SIZE = (1100, 720)


def dark_palette():  # noqa: ANN201 - a QPalette
    """moodlog's own dark palette, as Settings > Appearance > Dark gives it."""
    from moodlog.ui.application import dark_palette as palette

    return palette()


def _settle(app, rounds: int = 5) -> None:  # noqa: ANN001
    for _ in range(rounds):
        app.processEvents()


def take_screenshots(
    out_dir: Path,
    screens: tuple[str, ...] = SCREENS,
    themes: tuple[str, ...] = THEMES,
    size: tuple[int, int] = WINDOW_SIZE,
) -> list[Path]:
    """Save a PNG per screen and theme into ``out_dir``; returns the files written.

    The application's palette and style sheet are put back afterwards, so this can
    run inside a test session."""
    from PySide6.QtWidgets import QApplication

    from moodlog.ui.application import AppController, apply_theme, current_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    saved_palette, saved_sheet = app.palette(), app.styleSheet()
    saved_theme = current_theme()
    written: list[Path] = []
    try:
        for theme in themes:
            apply_theme(app, theme)
            folder = Path(tempfile.mkdtemp(prefix="moodlog-shots-"))
            controller = AppController(folder, demo=True)
            try:
                if "Lock" in screens:
                    controller.show_lock_screen()  # the create page of an empty folder
                    controller.lock_window.resize(760, 560)
                    _settle(app)
                    written.append(_save(controller.lock_window, out_dir, "lock", theme))
                    controller.lock_window.hide()
                controller.start()
                window = controller.main_window
                window.resize(*size)
                _settle(app)
                for title in screens:
                    if title == "Lock":
                        continue
                    window.show_screen(title)
                    _settle(app, 10)
                    name = title.lower().replace(" ", "-")
                    written.append(_save(window, out_dir, name, theme))
            finally:
                controller.shutdown()
                if controller.main_window is not None:
                    controller.main_window.close_for_lock()
                controller.lock_window.close()
                shutil.rmtree(folder, ignore_errors=True)
    finally:
        apply_theme(app, saved_theme)
        app.setPalette(saved_palette)
        app.setStyleSheet(saved_sheet)
    return written


def _save(widget, out_dir: Path, name: str, theme: str) -> Path:  # noqa: ANN001
    target = out_dir / f"{name}-{theme}.png"
    if not widget.grab().save(str(target), "PNG", 0):  # 0: smallest file (lossless)
        raise OSError(f"could not write {target}")
    return target


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    args = sys.argv[1:] if argv is None else argv
    out_dir = Path(args[0]) if args else ROOT / "docs" / "screenshots"
    for path in take_screenshots(out_dir):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
