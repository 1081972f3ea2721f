"""tools/screenshots.py keeps working: a couple of screens, light and dark."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def load_tool():
    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "tools" / "screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_screenshot_script_writes_non_empty_images(qapp, tmp_path):
    tool = load_tool()
    sheet = qapp.styleSheet()
    written = tool.take_screenshots(tmp_path, screens=("Lock", "Today"), size=(900, 600))
    assert sorted(p.name for p in written) == [
        "lock-dark.png",
        "lock-light.png",
        "today-dark.png",
        "today-light.png",
    ]
    images = {p.name: QImage(str(p)) for p in written}
    for name, image in images.items():
        assert not image.isNull() and image.width() >= 600, name
        whole = QRect(0, 0, image.width(), image.height())
        assert lightness_spread(image, whole) > 10, name  # something drawn, not one flat colour
    for screen in ("lock", "today"):
        light, dark = images[f"{screen}-light.png"], images[f"{screen}-dark.png"]
        whole = QRect(0, 0, light.width(), light.height())
        # The dark palette really is applied: the whole picture, and the page beside the
        # side menu, are much darker on average (not one pixel that a layout change moves).
        assert mean_lightness(dark, whole) < mean_lightness(light, whole) - 60, screen
        page = QRect(
            light.width() // 3, light.height() // 4, light.width() // 2, light.height() // 2
        )
        assert mean_lightness(dark, page) < mean_lightness(light, page) - 60, screen
    assert qapp.styleSheet() == sheet  # the app's look is put back


def samples(image: QImage, rect: QRect, step: int = 5) -> list[int]:
    """Lightness (0-255) of every ``step``-th pixel in ``rect``, both ways."""
    return [
        image.pixelColor(x, y).lightness()
        for x in range(rect.left(), rect.right() + 1, step)
        for y in range(rect.top(), rect.bottom() + 1, step)
    ]


def mean_lightness(image: QImage, rect: QRect) -> float:
    values = samples(image, rect)
    return sum(values) / len(values)


def lightness_spread(image: QImage, rect: QRect) -> float:
    """The standard deviation of lightness over ``rect``: 0 for a flat colour."""
    import statistics

    return statistics.pstdev(samples(image, rect))


def test_readme_links_the_committed_screenshots():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    linked = re.findall(r"\(docs/screenshots/([\w-]+\.png)\)", readme)
    assert len(linked) >= 4
    for name in linked:
        assert (ROOT / "docs" / "screenshots" / name).stat().st_size > 1000, name
    assert "!docs/screenshots/*.png" in (ROOT / ".gitignore").read_text(encoding="utf-8")
