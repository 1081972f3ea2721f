"""Shared set-up: a 10-year demo vault in a temporary folder, and a timer."""

from __future__ import annotations

import datetime as dt
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSPHRASE = "benchmark passphrase"


def ten_year_vault():  # noqa: ANN201
    """10 years of daily demo data with ~150 ketamine sessions, as the Trends goal
    asks: the demo's boosters every 3-6 weeks give ~120, so five esketamine courses
    (twice a week for four weeks, as esketamine induction is given) are added."""
    import dataclasses

    from moodlog.domain.demo import build_demo
    from moodlog.vault import bulk
    from moodlog.vault.vault import Vault

    folder = Path(tempfile.mkdtemp(prefix="moodlog-bench-"))
    vault = Vault.create(folder / "moodlog.db", PASSPHRASE)
    contents = build_demo(days=3650, end=dt.date(2026, 11, 1), seed=11)
    template = contents.treatments[0]
    for year in (2018, 2020, 2021, 2023, 2025):
        first = dt.date(year, 3, 2)
        for offset in (0, 3, 7, 10, 14, 17, 21, 24):
            contents.treatments.append(
                dataclasses.replace(
                    template,
                    day=first + dt.timedelta(days=offset),
                    kind="esketamine_nasal",
                    dose_mg=56,
                    weight_kg=None,
                    id=None,
                )
            )
    bulk.store(vault, contents)
    return vault, contents


def measure(action: Callable[[], object], repeat: int = 7) -> float:
    """Median wall time in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def report(name: str, ms: float, baseline_name: str = "", baseline_ms: float | None = None) -> None:
    line = f"{name:<48} {ms:8.2f} ms"
    if baseline_ms is not None:
        line += f"   (baseline {baseline_name}: {baseline_ms:.2f} ms, x{ms / baseline_ms:.1f})"
    print(line)
