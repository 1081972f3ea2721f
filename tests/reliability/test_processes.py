"""Two moodlogs at once, core dumps, and PDFs that were not written."""

from __future__ import annotations

import datetime as dt
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from moodlog.vault import bulk
from moodlog.vault.vault import Vault
from tests.conftest import PASSPHRASE, run_cli
from tests.reliability.helpers import child, hold_open


@pytest.fixture(scope="module")
def export_file(tmp_path_factory) -> Path:
    from moodlog.domain.demo import build_demo
    from moodlog.report import json_format

    path = tmp_path_factory.mktemp("export") / "export.json"
    path.write_text(json_format.dumps(build_demo(days=400, end=dt.date(2026, 1, 1))))
    return path


def moodlog_process(data_dir: Path, *args: str, stdin: str = PASSPHRASE) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "moodlog", "--data-dir", str(data_dir), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    process.stdin.write(stdin + "\n")
    process.stdin.close()
    return process


def test_two_imports_at_once_never_double_the_rows(data_dir: Path, export_file: Path):
    Vault.create(data_dir / "moodlog.db", PASSPHRASE).close()
    runs = [
        moodlog_process(data_dir, "import", "json", str(export_file), "--passphrase-stdin")
        for _ in range(2)
    ]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in runs]
    assert sorted(code for code, _ in results) == [0, 1], results
    refusal = next(err for code, err in results if code == 1)
    assert "open in another moodlog" in refusal or "already holds data" in refusal
    with Vault.open(data_dir / "moodlog.db", PASSPHRASE) as vault:
        expected = len(__import__("json").loads(export_file.read_text())["entries"])
        assert vault.entries.count() == expected


def test_emptiness_is_decided_inside_the_write_transaction(
    vault: Vault, monkeypatch, export_file: Path
):
    from moodlog.report import json_format

    seen = []
    real = bulk.is_empty
    monkeypatch.setattr(bulk, "is_empty", lambda v: seen.append(v.conn.in_transaction) or real(v))
    bulk.store_into_empty(vault, json_format.load_file(export_file), "not empty")
    assert seen == [True]
    with pytest.raises(bulk.VaultNotEmpty, match="not empty"):
        bulk.store_into_empty(vault, json_format.load_file(export_file), "not empty")
    assert not vault.conn.in_transaction


def test_second_process_is_refused_while_the_first_runs_and_let_in_after_a_crash(
    data_dir: Path,
):
    Vault.create(data_dir / "moodlog.db", PASSPHRASE).close()
    holder = hold_open(data_dir / "moodlog.db")
    refused = run_cli(["--data-dir", str(data_dir), "demo", "--passphrase-stdin"], PASSPHRASE)
    assert refused.returncode == 1
    assert "open in another moodlog window or process" in refused.stderr
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    done = run_cli(
        ["--data-dir", str(data_dir), "demo", "--years", "0.2", "--passphrase-stdin"], PASSPHRASE
    )
    assert done.returncode == 0, done.stderr


CORE_LIMIT = """
import resource, sys
before = resource.getrlimit(resource.RLIMIT_CORE)[0]
from moodlog.app import main
code = main(sys.argv[1:])
print("core", before, "->", resource.getrlimit(resource.RLIMIT_CORE)[0], "code", code)
"""


def allow_core_dumps() -> None:
    """For a child: core files allowed, as far as the hard limit lets (the parent may
    already run with a soft limit of 0)."""
    _, hard = resource.getrlimit(resource.RLIMIT_CORE)
    resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))


def core_limits(out: str) -> tuple[int, int]:
    words = out.split()
    start = words.index("core")
    return int(words[start + 1]), int(words[start + 3])


def test_command_line_runs_without_core_dumps(data_dir: Path):
    Vault.create(data_dir / "moodlog.db", PASSPHRASE).close()
    process = child(
        CORE_LIMIT,
        "--data-dir",
        str(data_dir),
        "check",
        "--passphrase-stdin",
        preexec_fn=allow_core_dumps,
    )
    out, err = process.communicate(PASSPHRASE + "\n", timeout=60)
    before, after = core_limits(out)
    assert after == 0 and out.strip().endswith("code 0"), (out, err)
    assert before == resource.getrlimit(resource.RLIMIT_CORE)[1]  # it was not 0 by chance


GUI_CORE_LIMIT = """
import resource
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from moodlog.ui import application
app = QApplication(["moodlog", "-platform", "offscreen"])
QTimer.singleShot(0, app.quit)
before = resource.getrlimit(resource.RLIMIT_CORE)[0]
application.run_gui(data_dir=__import__("sys").argv[1])
print("core", before, "->", resource.getrlimit(resource.RLIMIT_CORE)[0])
"""


def test_desktop_app_runs_without_core_dumps(data_dir: Path):
    process = child(
        GUI_CORE_LIMIT,
        str(data_dir),
        preexec_fn=allow_core_dumps,
    )
    out, err = process.communicate("", timeout=60)
    before, after = core_limits(out)
    assert after == 0, (out, err)
    assert before == resource.getrlimit(resource.RLIMIT_CORE)[1]


def limited_file_size(limit: int):  # noqa: ANN201
    """For a child: files may not grow beyond ``limit`` bytes, and writing past it
    fails with EFBIG instead of killing the process (like a full disk)."""

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    return apply


def test_cli_pdf_on_a_full_disk_is_not_reported_as_saved(data_dir: Path, tmp_path: Path):
    from moodlog.domain.demo import build_demo

    with Vault.create(data_dir / "moodlog.db", PASSPHRASE) as vault:
        bulk.store(vault, build_demo(days=120))
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "summary.pdf"
    process = subprocess.Popen(
        [sys.executable, "-m", "moodlog", "--data-dir", str(data_dir), "export", "pdf"]
        + ["--out", str(out), "--passphrase-stdin"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=limited_file_size(20_000),
    )
    _, err = process.communicate(PASSPHRASE + "\n", timeout=120)
    assert process.returncode == 1, err
    assert "The PDF was not saved" in err and "Saved" not in err
    assert not out.exists()
    assert list(out.parent.iterdir()) == []  # no temp file left either


SAFETY_PLAN_PDF = """
import sys
from moodlog.domain.safety import SafetyPlan
from moodlog.report.safety_plan_pdf import export_safety_plan_pdf
try:
    export_safety_plan_pdf(SafetyPlan(coping=["Walk"] * 40), "US", sys.argv[1])
except OSError as error:
    print("failed:", error.strerror)
else:
    print("saved")
"""


def test_safety_plan_pdf_on_a_full_disk_fails_clearly(tmp_path: Path):
    out = tmp_path / "plan.pdf"
    process = child(SAFETY_PLAN_PDF, str(out), preexec_fn=limited_file_size(3_000))
    stdout, err = process.communicate("", timeout=60)
    assert stdout.startswith("failed:") and "cut short" in stdout, (stdout, err)
    assert not out.exists()
    # With room, the same plan is written and checks out.
    process = child(SAFETY_PLAN_PDF, str(out))
    stdout, err = process.communicate("", timeout=60)
    assert stdout.strip() == "saved", err
    assert out.read_bytes().startswith(b"%PDF-")
