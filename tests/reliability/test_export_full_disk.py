"""CSV, FHIR and JSON exports from the command line when the disk fills up (review of
issue 13): one plain sentence, and no file, temp file or partial set left behind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from moodlog.domain.demo import build_demo
from moodlog.vault import bulk
from moodlog.vault.vault import Vault
from tests.conftest import PASSPHRASE
from tests.reliability.test_processes import limited_file_size


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("full-disk-exports")
    with Vault.create(folder / "moodlog.db", PASSPHRASE) as vault:
        bulk.store(vault, build_demo(days=90))
    return folder


@pytest.mark.parametrize(
    ("kind", "target", "words"),
    [
        ("csv", "csv-folder", "the CSV files were not saved"),
        ("fhir", "bundle.json", "the FHIR file was not saved"),
        ("json", "all.json", "the export was not saved"),
    ],
)
def test_an_export_on_a_full_disk_says_so_and_leaves_nothing(data, tmp_path, kind, target, words):
    # Before: "moodlog: No space left on device ()" (or "File too large ()"), and the CSV
    # export left the files written before the disk filled up.
    out = tmp_path / "out"
    out.mkdir()
    process = subprocess.run(
        [sys.executable, "-m", "moodlog", "--data-dir", str(data), "export", kind]
        + ["--out", str(out / target), "--passphrase-stdin"],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limited_file_size(6_000),
    )
    assert process.returncode == 1, process.stderr
    assert words in process.stderr, process.stderr
    assert "too large for that disk (or the disk is full)" in process.stderr
    assert "()" not in process.stderr and "Traceback" not in process.stderr
    assert list(out.iterdir()) == []  # no file, no temp file, no half set of CSV files
