"""Packaging: icon sizes, the .desktop file, AppStream metainfo, the per-user install,
package data, and the remembered window geometry (never content)."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtGui import QImage

from moodlog.assets import resource_path
from moodlog.desktop_entry import (
    DESKTOP_FILE,
    ICON_SIZES,
    METAINFO_FILE,
    desktop_entry_text,
    install_desktop_entry,
)
from tests.gui.helpers import create_vault_through_the_window, unlock

ROOT = Path(__file__).resolve().parents[2]


def test_icons_exist_in_every_size():
    assert resource_path("moodlog.svg").exists()
    for size in ICON_SIZES:
        image = QImage(str(resource_path(f"moodlog-{size}.png")))
        assert not image.isNull() and (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 2).alpha() == 255  # drawn, not blank


def test_desktop_file_names_the_app_and_its_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read_string(resource_path(DESKTOP_FILE).read_text(encoding="utf-8"))
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application" and section["Name"] == "moodlog"
    assert section["Icon"] == "moodlog" and section["Exec"] == "moodlog"
    assert section["StartupWMClass"] == "moodlog"
    if shutil.which("desktop-file-validate"):  # desktop-file-utils, where installed
        run = subprocess.run(
            ["desktop-file-validate", str(resource_path(DESKTOP_FILE))],
            capture_output=True,
            text=True,
        )
        assert run.returncode == 0, run.stdout + run.stderr


def test_metainfo_is_valid_appstream():
    root = ET.parse(resource_path(METAINFO_FILE)).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == "io.github.moodlog"
    assert root.findtext("project_license") == "GPL-3.0-or-later"
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("launchable") == DESKTOP_FILE
    assert "not a crisis service" in ET.tostring(root.find("description"), encoding="unicode")
    if shutil.which("appstreamcli"):
        run = subprocess.run(
            ["appstreamcli", "validate", "--no-net", str(resource_path(METAINFO_FILE))],
            capture_output=True,
            text=True,
        )
        assert run.returncode == 0, run.stdout + run.stderr


def test_install_desktop_entry_for_the_current_user(tmp_path, monkeypatch):
    from moodlog.app import main

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert main(["--install-desktop-entry"]) == 0
    base = tmp_path / "share"
    desktop = (base / "applications" / DESKTOP_FILE).read_text(encoding="utf-8")
    assert "Icon=moodlog" in desktop
    exec_line = next(line for line in desktop.splitlines() if line.startswith("Exec="))
    assert "moodlog" in exec_line
    assert (base / "metainfo" / METAINFO_FILE).read_bytes() == resource_path(
        METAINFO_FILE
    ).read_bytes()
    assert (base / "icons/hicolor/scalable/apps/moodlog.svg").exists()
    for size in ICON_SIZES:
        icon = base / f"icons/hicolor/{size}x{size}/apps/moodlog.png"
        assert QImage(str(icon)).width() == size
    again = install_desktop_entry(base)  # running it twice replaces the same files
    assert len(again) == len(set(again)) == 3 + len(ICON_SIZES)
    assert not list(base.rglob("*.tmp"))


def test_exec_line_points_at_this_installation():
    text = desktop_entry_text("/opt/x/bin/moodlog")
    assert "Exec=/opt/x/bin/moodlog\n" in text and text.count("Exec=") == 1


def test_package_data_ships_the_resources():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["moodlog.resources"]
    for name in ("moodlog.svg", "moodlog-16.png", DESKTOP_FILE, METAINFO_FILE):
        assert any(Path(name).match(pattern) for pattern in patterns), name
    assert any(dep.startswith("zxcvbn") for dep in config["project"]["dependencies"])
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8")
    assert "!resources/*.png" in ignored


def test_window_geometry_is_remembered_and_nothing_else(qtbot, data_dir):
    controller = create_vault_through_the_window(qtbot, data_dir)
    controller.onboarding.close()
    window = controller.main_window
    window.resize(830, 570)  # the offscreen screen is 800x600
    controller.lock()
    assert (data_dir / "window.ini").stat().st_mode & 0o777 == 0o600
    state = (data_dir / "window.ini").read_text(encoding="latin-1")
    assert state.splitlines()[0] == "[main_window]"
    assert [line.split("=")[0] for line in state.splitlines()[1:] if line] == ["geometry"]
    unlock(qtbot, controller)
    assert controller.main_window is not window
    # Qt fits a restored window onto the screen: the height is kept as it was.
    assert controller.main_window.height() == 570  # a new window would be 760 high
    controller.shutdown()
