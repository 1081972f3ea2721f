"""Regenerate the translation template and compile any translations.

    .venv/bin/python tools/update_translations.py

1. ``pyside6-lupdate`` reads every module of ``moodlog/`` and updates
   ``resources/translations/moodlog.ts``, the template with every user-visible string
   (``tr(...)`` in the UI and report, ``QT_TR_NOOP(...)`` in the domain).
2. Each ``resources/translations/moodlog_<lang>.ts`` (a translator's copy of the template,
   e.g. made with ``pyside6-linguist``) is updated the same way and compiled to
   ``moodlog_<lang>.qm``, which ``moodlog.i18n.install_translator`` loads at start-up for
   that language.

No translation ships yet: a test (tests/test_localisation.py) keeps the template current
and proves, with a generated pseudo-translation, that the screens take their text from it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"


def qt_tool(name: str) -> str:
    """``pyside6-lupdate`` / ``pyside6-lrelease`` from the running virtualenv, else PATH."""
    scripts = Path(sys.executable).parent
    for candidate in (scripts / f"pyside6-{name}", scripts / f"pyside6-{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: it comes with PySide6.")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "moodlog").rglob("*.py"))


def main() -> int:
    FOLDER.mkdir(parents=True, exist_ok=True)
    targets = [FOLDER / "moodlog.ts", *sorted(FOLDER.glob("moodlog_*.ts"))]
    for target in targets:
        subprocess.run(
            [qt_tool("lupdate"), "-locations", "none", "-no-obsolete", *sources(), "-ts"]
            + [str(target)],
            cwd=ROOT,
            check=True,
        )
    for translation in targets[1:]:
        subprocess.run(
            [qt_tool("lrelease"), str(translation), "-qm", str(translation.with_suffix(".qm"))],
            check=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
