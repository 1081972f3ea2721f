"""ruff keeps the code base clean; a finding fails the suite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_finds_nothing():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "moodlog", "tests", "benchmarks", "tools"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# Which top-level parts of moodlog each layer may import. The GUI sits on top; the
# report and the charts never reach up into it, and the domain knows no Qt and no SQL.
LAYER_MAY_NOT_IMPORT = {
    "domain": ("moodlog.ui", "moodlog.report", "moodlog.vault", "moodlog.charts", "PySide6"),
    "vault": ("moodlog.ui", "moodlog.report", "moodlog.charts", "PySide6"),
    "charts": ("moodlog.ui", "moodlog.report", "moodlog.vault"),
    "report": ("moodlog.ui",),
    "importers": ("moodlog.ui", "PySide6"),
}


def _imported_modules(path: Path) -> set[str]:
    import ast

    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_layers_import_only_what_lies_below_them():
    found = []
    for layer, forbidden in LAYER_MAY_NOT_IMPORT.items():
        for path in sorted((ROOT / "moodlog" / layer).rglob("*.py")):
            for name in _imported_modules(path):
                if any(name == f or name.startswith(f + ".") for f in forbidden):
                    found.append(f"{path.relative_to(ROOT)} imports {name}")
    assert found == []


def test_the_layer_check_sees_imports_inside_functions(tmp_path: Path):
    module = tmp_path / "sample.py"
    module.write_text("def draw():\n    from moodlog.ui.trends import TrendsScreen\n")
    assert "moodlog.ui.trends" in _imported_modules(module)
