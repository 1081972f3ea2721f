"""``python -m benchmarks``: every benchmark, each figure beside its floor measured in the
same run (see README.md). Each benchmark runs in a fresh process, one after the other.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks [--scaling] [--quick]
        [--only bench_search,bench_save] [--log FILE]

--scaling adds the 1/3/10/30-year table (bench_scaling, ~5-10 minutes more);
--quick runs one or two tries of each of moodlog's own benchmarks, only to check
that they run. Never part of the test suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

import benchmarks.common  # noqa: F401 - sets the bytecode cache for the children

ALL = (
    "bench_startup",  # issue 14 section 4
    "bench_unlock",  # section 3
    "bench_trends",
    "bench_search",  # section 5 (search)
    "bench_save",  # section 2
    "bench_import",  # section 5 (JSON import)
    "bench_report",  # section 1
)
RATIO = re.compile(r"\d\.\d\dx|x\d+\.\d+")


def machine() -> list[str]:
    cpu = ""
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    with open("/proc/meminfo", encoding="utf-8") as info:
        memory = f"{int(info.readline().split()[1]) / 2**20:.1f} GiB RAM"
    import PySide6
    from PySide6.QtCore import qVersion

    versions = [f"PySide6 {PySide6.__version__} (Qt {qVersion()})"]
    for name in ("pyqtgraph", "numpy", "sqlcipher3", "pypdf"):
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            pass
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    cipher = conn.execute("PRAGMA cipher_version").fetchone()
    versions.append(f"SQLCipher {cipher[0] if cipher else '?'}")
    versions.append(f"SQLite {conn.execute('SELECT sqlite_version()').fetchone()[0]}")
    conn.close()
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain"], capture_output=True, text=True)
        code = f"{head}{' + uncommitted changes' if dirty.stdout.strip() else ''}"
    except (OSError, subprocess.CalledProcessError):
        code = "(not a git checkout)"
    return [
        f"date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; code: {code}",
        f"machine: {cpu}, {os.cpu_count()} cores, {memory}; {platform.platform()}",
        f"Python {platform.python_version()}; " + ", ".join(versions),
        f"Qt platform: {os.environ.get('QT_QPA_PLATFORM', '(default)')}",
    ]


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f}"


def table(collected: Path) -> list[str]:
    """The figures the benchmarks recorded (``common.row``), as a Markdown table."""
    lines = ["| figure | app | floor | ratio | target |", "|---|---|---|---|---|"]
    for raw in collected.read_text(encoding="utf-8").splitlines():
        r = json.loads(raw)
        unit = r["unit"]
        floor = "" if r["floor"] is None else f"{r['floor']:.1f} {unit}"
        ratio = "" if r["ratio"] is None else f"{r['ratio']:.2f}x"
        lines.append(
            f"| {r['figure']} | {r['app']:.1f} {unit} | {floor} | {ratio} | {r['target']} |"
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--scaling", action="store_true", help="add the 1-30 year table")
    parser.add_argument("--quick", action="store_true", help="a smoke run, not figures")
    parser.add_argument("--only", default="", help="comma-separated benchmark names")
    parser.add_argument("--log", type=Path, help="also write everything to this file")
    args = parser.parse_args()
    names = [n.strip() for n in args.only.split(",") if n.strip()] or list(ALL)
    if args.scaling and "bench_scaling" not in names:
        names.append("bench_scaling")
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    collected = Path(tempfile.mkstemp(prefix="moodlog-bench-", suffix=".jsonl")[1])
    env["MOODLOG_BENCH_RESULTS"] = str(collected)
    if args.quick:
        env["MOODLOG_BENCH_QUICK"] = "1"
    log = args.log.open("w", encoding="utf-8") if args.log else None

    def say(line: str = "") -> None:
        print(line, flush=True)
        if log:
            log.write(line + "\n")
            log.flush()

    for line in machine():
        say(line)
    summary: list[str] = []
    failed: list[str] = []
    started = time.perf_counter()
    for name in names:
        say()
        say(f"== {name} ({load()})")
        begun = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", f"benchmarks.{name}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
        )
        assert process.stdout is not None
        for raw in process.stdout:
            line = raw.rstrip("\n")
            if "This plugin does not support" in line or "QBackingStore::flush" in line:
                continue  # offscreen Qt's harmless notices
            say(line)
            if RATIO.search(line):
                summary.append(f"{name}: {line.strip()}")
        if process.wait() != 0:
            failed.append(name)
            say(f"!! {name} failed (exit {process.returncode})")
        say(f"   ({name}: {time.perf_counter() - begun:.0f} s, {load()})")
    say()
    say(f"== summary ({time.perf_counter() - started:.0f} s in all; {load()})")
    for line in summary:
        say(line)
    if failed:
        say("failed: " + ", ".join(failed))
    say()
    say("== as a table (moodlog's own rows; see the lines above for the others)")
    for line in table(collected):
        say(line)
    collected.unlink()
    if log:
        log.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
