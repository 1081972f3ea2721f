"""CSV export: one UTF-8 file per kind, header row, ISO dates, empty cells for missing
values; self-check answers only when asked for."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from moodlog.domain.contents import VaultContents
from moodlog.domain.entries import Entry
from moodlog.domain.period import Period
from moodlog.domain.questionnaires import QuestionnaireResult
from moodlog.domain.safety import SICheckin
from moodlog.domain.treatments import Medication, MedicationEvent, Treatment
from moodlog.report.csv_export import export_csv
from tests.conftest import PASSPHRASE, SI_ANSWERS, run_cli


def _contents() -> VaultContents:
    return VaultContents(
        entries=[
            Entry(
                day=dt.date(2024, 3, 1),
                time=dt.time(8, 5),
                mood=4,
                sleep_hours=6.5,
                tags=["walk", "\U0001f33f garden"],
                note='First line, with a comma\nand "quotes" \u2014 \u00e9t\u00e9',
                created_at=dt.datetime(2024, 3, 1, 8, 6),
            ),
            Entry(day=dt.date(2024, 3, 20), time=dt.time(21, 0), mood=0, anxiety=0),
        ],
        questionnaires=[
            QuestionnaireResult(
                day=dt.date(2024, 3, 2),
                time=dt.time(9, 0),
                instrument="GAD-7",
                answers=[1, 2, 0, 3, None, 1, 1],
            ),
            QuestionnaireResult(
                day=dt.date(2024, 3, 2),
                time=dt.time(9, 5),
                instrument="PHQ-9",
                answers=[2, 2, 1, 1, 0, 1, 2, 0, 0],
            ),
        ],
        checkins=[
            SICheckin(day=dt.date(2024, 3, 2), time=dt.time(9, 0), answers=SI_ANSWERS["low"])
        ],
        treatments=[
            Treatment(
                day=dt.date(2024, 3, 3), time=dt.time(10, 0), kind="esketamine_nasal", dose_mg=56
            )
        ],
        medications=[
            Medication(
                name="Sertraline",
                events=[
                    MedicationEvent(
                        day=dt.date(2024, 1, 1), event="start", dose=50, frequency="daily"
                    ),
                    MedicationEvent(day=dt.date(2024, 3, 10), event="change", dose=100),
                ],
            )
        ],
    )


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_one_file_per_kind_with_iso_dates_and_empty_cells(tmp_path):
    folder = tmp_path / "out"
    written = export_csv(_contents(), folder)
    assert sorted(p.name for p in written) == [
        "entries.csv",
        "medications.csv",
        "questionnaires.csv",
        "treatments.csv",
    ]
    assert folder.stat().st_mode & 0o777 == 0o700
    for path in written:
        assert path.stat().st_mode & 0o777 == 0o600
    entries = _read(folder / "entries.csv")
    assert entries[0]["date"] == "2024-03-01" and entries[0]["time"] == "08:05"
    assert entries[0]["anxiety"] == ""  # not recorded: empty, never 0
    assert entries[1]["anxiety"] == "0" and entries[1]["mood"] == "0"
    assert entries[0]["sleep_hours"] == "6.5"
    assert entries[0]["note"] == 'First line, with a comma\nand "quotes" \u2014 \u00e9t\u00e9'
    assert entries[0]["tags"] == "walk | \U0001f33f garden"
    assert entries[0]["recorded_at"] == "2024-03-01T08:06:00"
    questionnaires = _read(folder / "questionnaires.csv")
    gad, phq = questionnaires
    assert gad["item_5"] == "" and gad["total"] == "" and gad["item_8"] == ""
    assert phq["total"] == "9" and phq["band"] == "mild"
    assert _read(folder / "treatments.csv")[0]["dose_mg"] == "56"
    medications = _read(folder / "medications.csv")
    assert [(m["date"], m["event"], m["dose"]) for m in medications] == [
        ("2024-01-01", "start", "50"),
        ("2024-03-10", "change", "100"),
    ]
    assert (folder / "entries.csv").read_bytes().startswith(b"date,time,mood")


def test_checkins_only_when_asked_and_period_filter(tmp_path):
    written = export_csv(
        _contents(), tmp_path, Period(dt.date(2024, 3, 2), dt.date(2024, 3, 31)), True
    )
    assert "checkins.csv" in {p.name for p in written}
    (checkin,) = _read(tmp_path / "checkins.csv")
    assert checkin["wish_dead"] == "yes" and checkin["method"] == "" and checkin["level"] == "low"
    assert [e["date"] for e in _read(tmp_path / "entries.csv")] == ["2024-03-20"]
    assert [m["date"] for m in _read(tmp_path / "medications.csv")] == ["2024-03-10"]


def test_cli_export_csv(tmp_path):
    data = tmp_path / "vault"
    stdin = PASSPHRASE + "\n"
    run_cli(["--data-dir", str(data), "demo", "--years", "0.1", "--passphrase-stdin"], stdin)
    out = tmp_path / "csv"
    result = run_cli(
        ["--data-dir", str(data), "export", "csv", "--out", str(out), "--passphrase-stdin"], stdin
    )
    assert result.returncode == 0, result.stderr
    assert "not encrypted" in result.stderr
    assert not (out / "checkins.csv").exists()
    assert len(_read(out / "entries.csv")) > 20
    result = run_cli(
        [
            "--data-dir",
            str(data),
            "export",
            "csv",
            "--out",
            str(out),
            "--from",
            "2999-01-01",
            "--include-checkins",
            "--passphrase-stdin",
        ],
        stdin,
    )
    assert result.returncode == 0, result.stderr
    assert _read(out / "entries.csv") == [] and (out / "checkins.csv").exists()
    bad = run_cli(
        [
            "--data-dir",
            str(data),
            "export",
            "csv",
            "--out",
            str(out),
            "--from",
            "March",
            "--passphrase-stdin",
        ],
        stdin,
    )
    assert bad.returncode == 1 and "YYYY-MM-DD" in bad.stderr
