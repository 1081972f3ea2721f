"""Screenshots of moodlog's main screens, light and dark, for the README.

Runs the real app on the demo vault (synthetic data, in a temporary folder deleted
afterwards) on Qt's offscreen platform, so no display is needed:

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py [OUT_DIR]

Writes ``<screen>-<theme>.png`` (e.g. ``today-light.png``) into OUT_DIR, by default
``docs/screenshots/``. "Dark" is a dark system palette, which moodlog follows (its
dark style sheet loads on top), as a desktop in dark mode would give it.
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
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#24272b"),
        (roles.WindowText, "#e6e8ea"),
        (roles.Base, "#1b1d20"),
        (roles.AlternateBase, "#2b2f33"),
        (roles.Text, "#e6e8ea"),
        (roles.Button, "#30343a"),
        (roles.ButtonText, "#e6e8ea"),
        (roles.Highlight, "#3d7f86"),
        (roles.HighlightedText, "#ffffff"),
        (roles.ToolTipBase, "#30343a"),
        (roles.ToolTipText, "#e6e8ea"),
        (roles.PlaceholderText, "#9aa1a7"),
        (roles.Link, "#8fd0d6"),
    ):
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, roles.Text, QColor("#7d8389"))
    palette.setColor(QPalette.ColorGroup.Disabled, roles.ButtonText, QColor("#7d8389"))
    return palette


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

    from moodlog.ui.application import AppController, apply_style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    saved_palette, saved_sheet = app.palette(), app.styleSheet()
    written: list[Path] = []
    try:
        for theme in themes:
            app.setPalette(dark_palette() if theme == "dark" else app.style().standardPalette())
            apply_style(app)
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
