"""tools/screenshots.py keeps working: a couple of screens, light and dark."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

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
        colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in (50, 300)}
        assert len(colours) > 3, name  # something drawn, not one flat colour
    light = images["today-light.png"].pixelColor(600, 300).lightness()
    dark = images["today-dark.png"].pixelColor(600, 300).lightness()
    assert dark < light  # the dark palette really is applied
    assert qapp.styleSheet() == sheet  # the app's look is put back


def test_readme_links_the_committed_screenshots():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    linked = re.findall(r"\(docs/screenshots/([\w-]+\.png)\)", readme)
    assert len(linked) >= 4
    for name in linked:
        assert (ROOT / "docs" / "screenshots" / name).stat().st_size > 1000, name
    assert "!docs/screenshots/*.png" in (ROOT / ".gitignore").read_text(encoding="utf-8")
