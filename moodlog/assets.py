"""Finding files in the top-level ``resources/`` folder.

Installed, ``resources/`` is the package ``moodlog.resources`` (see pyproject's
``package-dir``). Run from a source checkout without installing, it is the folder
beside ``moodlog/``.
"""

from __future__ import annotations

from pathlib import Path


def resource_path(name: str) -> Path:
    # The package's own __file__, not importlib.resources: that costs start-up ~1.6 ms and
    # ~0.8 MiB, and moodlog's resources are always plain files (never inside a zip).
    try:
        import moodlog.resources as package

        candidate = Path(package.__file__).resolve().parent / name
        if candidate.exists():
            return candidate
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "resources" / name


def read_text(name: str) -> str:
    return resource_path(name).read_text(encoding="utf-8")
