"""CSV export: one UTF-8 file per kind, header row, ISO dates, empty cells for missing
values; self-check answers only when asked for."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

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


def test_text_that_a_spreadsheet_would_run_as_a_formula_is_kept_as_text(tmp_path):
    # A note (or one typed into another app and imported) starting with "=" would be run
    # by Excel or LibreOffice as a formula (e.g. =HYPERLINK(...) sending data away).
    # Such a cell gets a leading apostrophe; everything else is written as it is.
    risky = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\r=1"]
    contents = VaultContents(
        entries=[
            Entry(day=dt.date(2024, 3, d + 1), time=dt.time(9), mood=5, note=n, tags=[n.strip()])
            for d, n in enumerate(risky)
        ]
        + [Entry(day=dt.date(2024, 3, 20), time=dt.time(9), mood=5, note="a = b, 'c', -")],
        medications=[
            Medication(
                name="=cmd|' /C calc'!A0",
                events=[MedicationEvent(dt.date(2024, 3, 1), "start", 10, "-1+1")],
            )
        ],
    )
    export_csv(contents, tmp_path / "out")
    with open(tmp_path / "out" / "entries.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["note"] for r in rows] == ["'" + n for n in risky] + ["a = b, 'c', -"]
    assert [r["tags"] for r in rows[:-1]] == [
        "'" + n.strip() if n.strip()[0] in "=+-@" else n.strip() for n in risky
    ]
    assert [r["date"] for r in rows][:2] == ["2024-03-01", "2024-03-02"]
    assert rows[0]["mood"] == "5"
    with open(tmp_path / "out" / "medications.csv", encoding="utf-8", newline="") as handle:
        (medication,) = list(csv.DictReader(handle))
    assert medication["name"] == "'=cmd|' /C calc'!A0" and medication["frequency"] == "'-1+1"
    assert medication["dose"] == "10" and medication["date"] == "2024-03-01"


def test_a_full_disk_leaves_no_partial_set_of_files(tmp_path, monkeypatch):
    # Before: the files written before the disk filled up stayed (entries.csv and
    # questionnaires.csv in clear, without the rest), next to the error.
    import errno

    from moodlog.report import csv_export

    real_render = csv_export.render
    calls = []

    def render_until_full(rows):
        calls.append(1)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_render(rows)

    monkeypatch.setattr(csv_export, "render", render_until_full)
    new_folder = tmp_path / "new"
    with pytest.raises(OSError):
        export_csv(_contents(), new_folder)
    assert not new_folder.exists()  # the folder this export made is gone again

    earlier = tmp_path / "earlier"
    monkeypatch.setattr(csv_export, "render", real_render)
    export_csv(_contents(), earlier)
    before = {p.name: p.read_bytes() for p in earlier.iterdir()}
    calls.clear()
    monkeypatch.setattr(csv_export, "render", render_until_full)
    with pytest.raises(OSError):
        export_csv(VaultContents(), earlier)
    assert {p.name: p.read_bytes() for p in earlier.iterdir()} == before


def _phq(total: int) -> list[int | None]:
    return [min(3, max(0, total - 3 * i)) for i in range(9)]


def _course_contents() -> VaultContents:
    """An earlier course with a result marked baseline back then; the current course
    from 2026-03-01 with a PHQ-9 10 days before it, one after, and a partial one; a
    GAD-7 marked in the days before the current course."""
    first = dt.date(2026, 3, 1)
    old = dt.date(2025, 5, 1)
    session = dict(time=dt.time(10, 0), kind="ketamine_iv")
    return VaultContents(
        treatments=[Treatment(day=old, **session), Treatment(day=old + dt.timedelta(3), **session)]
        + [Treatment(day=first + dt.timedelta(k), **session) for k in (0, 3, 7, 10)],
        questionnaires=[
            QuestionnaireResult(
                old - dt.timedelta(5), dt.time(9), "PHQ-9", _phq(22), is_baseline=True
            ),
            QuestionnaireResult(first - dt.timedelta(10), dt.time(9), "PHQ-9", _phq(20)),
            QuestionnaireResult(first + dt.timedelta(20), dt.time(9), "PHQ-9", _phq(9)),
            QuestionnaireResult(
                first + dt.timedelta(21), dt.time(9), "PHQ-9", _phq(6)[:8] + [None]
            ),
            QuestionnaireResult(
                first - dt.timedelta(2), dt.time(9), "GAD-7", [2] * 7, is_baseline=True
            ),
            QuestionnaireResult(first - dt.timedelta(1), dt.time(9), "GAD-7", [1] * 7),
        ],
    )


def test_course_baseline_column_is_the_pdfs_baseline_and_baseline_stays_the_mark(tmp_path):
    """Review finding: ``baseline`` wrote the person's mark, which the PDF ignores when it
    is from an earlier course; ``course_baseline`` (added at the end, ``baseline`` kept)
    is the course baseline the PDF and Trends use."""
    from moodlog.domain.period import summarise

    contents = _course_contents()
    now = dt.datetime(2026, 5, 1, 12, 0)
    export_csv(contents, tmp_path, now=now)
    with open(tmp_path / "questionnaires.csv", encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header[-2:] == ["baseline", "course_baseline"]
    rows = _read(tmp_path / "questionnaires.csv")
    marks = [(r["date"], r["instrument"], r["baseline"], r["course_baseline"]) for r in rows]
    assert marks == [
        ("2025-04-26", "PHQ-9", "yes", "no"),  # marked, but in an earlier course
        ("2026-02-19", "PHQ-9", "no", "yes"),  # the last in the 30 days before the course
        ("2026-03-21", "PHQ-9", "no", "no"),
        ("2026-03-22", "PHQ-9", "no", "no"),  # partial: never a baseline
        ("2026-02-27", "GAD-7", "yes", "yes"),  # a usable mark wins over a later result
        ("2026-02-28", "GAD-7", "no", "no"),
    ]
    # The same results the PDF's course summary takes as baseline.
    period = Period(dt.date(2026, 1, 1), dt.date(2026, 4, 30))
    summary = summarise(contents, period, now)
    pdf = {(s.baseline.day.isoformat(), name) for name, s in summary.course.items()}
    assert pdf == {(r["date"], r["instrument"]) for r in rows if r["course_baseline"] == "yes"}


def test_course_baseline_column_is_as_of_the_end_of_the_period(tmp_path):
    """Exported for a period that ends before the current course: as in the PDF for that
    period, the course then was the earlier one, whose marked baseline counts."""
    contents = _course_contents()
    period = Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    export_csv(contents, tmp_path, period, now=dt.datetime(2026, 5, 1, 12, 0))
    rows = _read(tmp_path / "questionnaires.csv")
    assert [(r["date"], r["baseline"], r["course_baseline"]) for r in rows] == [
        ("2025-04-26", "yes", "yes")
    ]


def test_a_booked_appointment_is_marked_in_the_last_column(tmp_path):
    """Review finding: a session booked for next week (or for 23:30 tonight) was a row
    like any session given, with its dose."""
    from moodlog.report.csv_export import tables

    now = dt.datetime(2026, 11, 30, 19, 41)
    contents = VaultContents(
        treatments=[
            Treatment(dt.date(2026, 11, 16), dt.time(10), "ketamine_iv", dose_mg=40),
            Treatment(dt.date(2026, 11, 30), dt.time(23, 30), "ketamine_iv", dose_mg=40),
            Treatment(dt.date(2026, 12, 7), dt.time(10), "ketamine_iv", dose_mg=40),
        ]
    )
    header, *rows = tables(contents, now=now)["treatments"]
    assert header[-1] == "appointment" and header[:2] == ["date", "time"]
    assert [(row[0], row[1], row[-1]) for row in rows] == [
        ("2026-11-16", "10:00", "no"),
        ("2026-11-30", "23:30", "yes"),
        ("2026-12-07", "10:00", "yes"),
    ]
