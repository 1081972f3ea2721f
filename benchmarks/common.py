"""Shared set-up: demo vaults in a temporary folder, alternated timing, child processes
with their peak memory, and the figure | app | floor | ratio | target line."""

from __future__ import annotations

import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # A 1366x768 laptop screen, as the tests have (tests/conftest.py): on Qt's offscreen
    # default, 800x800, the main window is in its narrow-screen layout (its screens in a
    # sideways scroll area), which no laptop or desktop shows. Children inherit it.
    SCREEN = Path(tempfile.gettempdir()) / "moodlog-bench-screen.json"
    SCREEN.write_text(
        '{"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, '
        '"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}',
        encoding="utf-8",
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"
# An installed app runs from compiled bytecode (pip compiles it on install). This
# machine sets PYTHONDONTWRITEBYTECODE, which would make every fresh process compile
# moodlog from source (~70 ms more at start) while PySide6 has its bytecode: keep the
# bytecode in a folder of its own (not in the working tree), for this process and its
# children.
PYCACHE = str(Path(tempfile.gettempdir()) / "moodlog-bench-pycache")
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
os.environ["PYTHONPYCACHEPREFIX"] = PYCACHE
sys.dont_write_bytecode = False
sys.pycache_prefix = PYCACHE

PASSPHRASE = "benchmark passphrase"
# MOODLOG_BENCH_QUICK=1: one or two tries of everything, to check that the benchmarks
# run (``python -m benchmarks --quick``); its figures mean nothing.
QUICK = os.environ.get("MOODLOG_BENCH_QUICK") == "1"


def tries(normal: int) -> int:
    return min(normal, 2) if QUICK else normal


END = dt.date(2026, 11, 1)
# Esketamine courses added to the demo's ketamine boosters (see demo_vault).
COURSE_YEARS = (2018, 2020, 2021, 2023, 2025)


def demo_vault(years: int = 10, folder: Path | None = None, end: dt.date = END):  # noqa: ANN201
    """``years`` of daily demo data ending on ``end``; returns (vault, contents).

    The demo's boosters every 3-6 weeks give ~12 ketamine sessions a year; esketamine
    courses (twice a week for four weeks, as esketamine induction is given) are added
    in the COURSE_YEARS inside the period, and every second year before 2016, so that
    10 years hold ~160 sessions (the Trends goal's ~150) and longer vaults as many a
    year."""
    import dataclasses

    from moodlog.domain.demo import build_demo
    from moodlog.vault import bulk
    from moodlog.vault.vault import Vault

    folder = folder or Path(tempfile.mkdtemp(prefix="moodlog-bench-"))
    vault = Vault.create(folder / "moodlog.db", PASSPHRASE)
    days = 3650 if years == 10 else round(365.25 * years)
    contents = build_demo(days=days, end=end, seed=11)
    template = contents.treatments[0]
    first_day = end - dt.timedelta(days=days - 1)
    course_years = [*range(1990, 2016, 2), *COURSE_YEARS]
    for year in course_years:
        first = dt.date(year + end.year - END.year, 3, 2)
        if first < first_day or first > end:
            continue
        for offset in (0, 3, 7, 10, 14, 17, 21, 24):
            contents.treatments.append(
                dataclasses.replace(
                    template,
                    day=first + dt.timedelta(days=offset),
                    kind="esketamine_nasal",
                    dose_mg=56,
                    weight_kg=None,
                    course_total=8,  # (the template's 6 infusions read "dose 8 of 6")
                    course_number=None,
                    id=None,
                )
            )
    bulk.store(vault, contents)
    return vault, contents


def ten_year_vault():  # noqa: ANN201
    """10 years of daily demo data with ~160 ketamine and esketamine sessions."""
    return demo_vault(10)


def measure(action: Callable[[], object], repeat: int = 7) -> float:
    """Median wall time in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def alternate(
    app: Callable[[], float], floor: Callable[[], float], tries: int = 7
) -> tuple[list[float], list[float]]:
    """Run app, floor, app, floor, ... ``tries`` times each; each returns its own figure
    (milliseconds, or anything else), so drift on this machine hits both alike."""
    app_values: list[float] = []
    floor_values: list[float] = []
    for _ in range(tries):
        app_values.append(app())
        floor_values.append(floor())
    return app_values, floor_values


def child(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Run a fresh Python process; (wall ms from start to exit, peak memory in MiB,
    its stdout). The peak is the child's own maximum resident set (``wait4``)."""
    errors = tempfile.TemporaryFile(mode="w+")
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, *args],
        stdout=subprocess.PIPE,
        stderr=errors,
        text=True,
        env={**os.environ, **(env or {})},
    )
    out = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    wall = (time.perf_counter() - start) * 1000
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        errors.seek(0)
        raise RuntimeError(f"benchmark child failed: {errors.read()[-2000:]}")
    errors.close()
    return wall, usage.ru_maxrss / 1024, out


HEADER = f"{'figure':<60} {'app':>10} {'floor':>10} {'ratio':>6}  target"


def header(title: str) -> None:
    print()
    print(title)
    print(HEADER)


def row(
    figure: str,
    app: list[float] | float,
    floor: list[float] | float | None,
    target: float | str | None = None,
    unit: str = "ms",
) -> float | None:
    """Print one line: medians, their ratio and the target (a ratio, or a text for an
    absolute goal such as "<= 150 ms"). Returns the ratio."""
    app_value = statistics.median(app) if isinstance(app, list) else app
    floor_value = statistics.median(floor) if isinstance(floor, list) else floor
    ratio = app_value / floor_value if floor_value else None
    verdict = ""
    if isinstance(target, float | int) and ratio is not None:
        verdict = f"<= {target:g}x {'met' if ratio <= target else 'NOT met'}"
    elif isinstance(target, str):
        verdict = target
    record(figure, app_value, floor_value, ratio, verdict, unit)
    floor_text = "" if floor_value is None else f"{floor_value:8.1f}{unit}"
    ratio_text = "" if ratio is None else f"{ratio:5.2f}x"
    print(f"{figure:<60} {app_value:8.1f}{unit} {floor_text:>10} {ratio_text:>6}  {verdict}")
    return ratio


def record(
    figure: str, app: float, floor: float | None, ratio: float | None, target: str, unit: str
) -> None:
    """Append the figure to the file ``python -m benchmarks`` collects them in."""
    path = os.environ.get("MOODLOG_BENCH_RESULTS")
    if not path:
        return
    import json

    line = {"bench": Path(sys.argv[0]).stem, "figure": figure, "app": app, "floor": floor}
    line.update({"ratio": ratio, "target": target, "unit": unit})
    with open(path, "a", encoding="utf-8") as out:
        out.write(json.dumps(line) + "\n")


def spread(values: list[float]) -> str:
    return f"{min(values):.1f}-{max(values):.1f}"
