"""``moodlog --install-desktop-entry``: put moodlog in the Linux application menu.

Copies the freedesktop ``.desktop`` file, the AppStream metainfo and the icons (SVG and
PNG sizes) from ``resources/`` into the current user's XDG data folder:

- ``$XDG_DATA_HOME/applications/moodlog.desktop``
- ``$XDG_DATA_HOME/metainfo/io.github.moodlog.metainfo.xml``
- ``$XDG_DATA_HOME/icons/hicolor/<N>x<N>/apps/moodlog.png`` and
  ``.../scalable/apps/moodlog.svg``

``XDG_DATA_HOME`` defaults to ``~/.local/share``. Nothing is written outside it, no
system folder is touched, and running it again replaces the same files. The
``Exec=`` line names the ``moodlog`` found on ``PATH`` (or the running interpreter with
``-m moodlog`` when it is not there), so the menu entry starts this installation.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

from moodlog.assets import resource_path

APP_ID = "io.github.moodlog"
DESKTOP_FILE = "moodlog.desktop"  # the name Qt reports (setDesktopFileName)
METAINFO_FILE = f"{APP_ID}.metainfo.xml"
ICON_NAME = "moodlog"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def xdg_data_home() -> Path:
    value = os.environ.get("XDG_DATA_HOME", "")
    # The spec: a relative path is invalid and must be ignored.
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home() / ".local" / "share"


def exec_command() -> str:
    """The command line the menu entry runs."""
    found = shutil.which("moodlog")
    if found:
        return shlex.quote(found)
    return f"{shlex.quote(sys.executable)} -m moodlog"


def desktop_entry_text(command: str | None = None) -> str:
    """The bundled ``.desktop`` file with ``Exec=`` pointing at this installation."""
    lines = resource_path(DESKTOP_FILE).read_text(encoding="utf-8").splitlines()
    exec_line = f"Exec={command or exec_command()}"
    return "\n".join(exec_line if line.startswith("Exec=") else line for line in lines) + "\n"


def install_desktop_entry(data_home: Path | None = None) -> list[Path]:
    """Install the menu entry, metainfo and icons; returns the files written."""
    base = Path(data_home) if data_home is not None else xdg_data_home()
    written: list[Path] = []

    def put(target: Path, data: bytes) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = target.with_name(f".{target.name}.tmp")
        temp.write_bytes(data)
        os.chmod(temp, 0o644)
        os.replace(temp, target)
        written.append(target)

    put(base / "applications" / DESKTOP_FILE, desktop_entry_text().encode("utf-8"))
    put(base / "metainfo" / METAINFO_FILE, resource_path(METAINFO_FILE).read_bytes())
    icons = base / "icons" / "hicolor"
    put(icons / "scalable" / "apps" / f"{ICON_NAME}.svg", resource_path("moodlog.svg").read_bytes())
    for size in ICON_SIZES:
        png = resource_path(f"moodlog-{size}.png")
        if png.exists():
            put(icons / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png", png.read_bytes())
    _refresh_caches(base)
    return written


def _refresh_caches(base: Path) -> None:
    """Tell the desktop about the new entry when the usual tools are installed (quietly:
    menus also pick it up on their own at the next log-in)."""
    import subprocess

    for command in (
        ["update-desktop-database", str(base / "applications")],
        ["gtk-update-icon-cache", "-q", "-t", str(base / "icons" / "hicolor")],
    ):
        if shutil.which(command[0]):
            try:
                subprocess.run(command, check=False, capture_output=True, timeout=20)
            except (OSError, subprocess.SubprocessError):
                pass


def main() -> int:
    """Run by ``moodlog --install-desktop-entry``: one plain line per outcome."""
    if not sys.platform.startswith("linux"):
        print(
            "moodlog: --install-desktop-entry is for Linux desktops; on Windows and macOS "
            "start moodlog from where it is installed.",
            file=sys.stderr,
        )
        return 1
    try:
        written = install_desktop_entry()
    except OSError as error:
        print(f"moodlog: the menu entry could not be installed: {error.strerror}.", file=sys.stderr)
        return 1
    print(f"moodlog is now in your application menu ({len(written)} files in {xdg_data_home()}).")
    return 0
