"""Finding files in the top-level ``resources/`` folder.

Installed, ``resources/`` is the package ``moodlog.resources`` (see pyproject's
``package-dir``). Run from a source checkout without installing, it is the folder
beside ``moodlog/``.
"""

from __future__ import annotations

from importlib import resources as importlib_resources
from pathlib import Path


def resource_path(name: str) -> Path:
    try:
        base = importlib_resources.files("moodlog.resources")
        candidate = Path(str(base)) / name
        if candidate.exists():
            return candidate
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "resources" / name


def read_text(name: str) -> str:
    return resource_path(name).read_text(encoding="utf-8")
