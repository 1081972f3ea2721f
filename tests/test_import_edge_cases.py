"""Imports from other apps, tried as a tired user and an attacker would (review of
issue 13): impossible dates, spreadsheets that saved with semicolons or tabs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from moodlog.importers import common, daylio, emoods, generic
from moodlog.report import csv_export, fhir, json_format
from moodlog.vault import bulk

HEADER = "full_date,date,weekday,time,mood,activities,note_title,note"


def _write(tmp_path: Path, text: str, name: str = "export.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _plans(tmp_path: Path, day: str, vault) -> list[common.ImportPlan]:
    """The same one-row file in each importer's shape, dated ``day``."""
    table = daylio.read(_write(tmp_path, f"{HEADER}\n{day},x,Mon,10:00,good,,,n\n", "d.csv"))
    mapping = daylio.mapping_from_text(daylio.mood_labels(table), {})
    moods = emoods.read(_write(tmp_path, f"date,depressed\n{day},1\n", "e.csv"))
    other = generic.read(_write(tmp_path, f"Day,Feeling\n{day},8\n", "g.csv"))
    return [
        daylio.plan(table, mapping, vault),
        emoods.plan(moods, vault),
        generic.plan(other, {"date": "Day", "mood": "Feeling"}, vault),
    ]


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1899-12-31", "2099-01-07"])
def test_impossible_dates_are_a_problem_of_their_row_not_a_broken_vault(tmp_path, vault, day):
    # Before: every importer stored them; 9999-12-31 and 0001-01-01 then broke the JSON
    # export (OverflowError), the CSV export and the FHIR export.
    for plan in _plans(tmp_path, day, vault):
        assert [p.line for p in plan.problems] == [2], plan.source
        assert "date" in plan.problems[0].reason
        with pytest.raises(common.ImportFailed):
            common.apply_plan(vault, plan)
    assert vault.entries.count() == 0


def test_a_day_no_calendar_has_is_named_as_such(tmp_path, vault):
    """Time review: "2025-02-29" was told it is "not a date (expected YYYY-MM-DD)",
    which it is written as: it is a day 2025 does not have."""
    for plan in _plans(tmp_path, "2025-02-29", vault)[1:]:  # (Daylio's own date column)
        assert "is not a day of the calendar" in plan.problems[0].reason, plan.source
    for other_form in ("2025/02/29", "29.02.2025", "2025-2-29", "29.2.2025"):  # (diff reviews)
        assert "is not a day of the calendar" in common_problem(tmp_path, vault, other_form)
    assert "is not a date (expected YYYY-MM-DD)" in common_problem(tmp_path, vault, "2025/02/x")


def common_problem(tmp_path, vault, day: str) -> str:  # noqa: ANN001
    return _plans(tmp_path, day, vault)[2].problems[0].reason


def test_today_and_tomorrow_are_accepted_the_day_after_is_not(tmp_path, vault):
    # Tomorrow: a phone in a time zone ahead of this computer may already be there.
    today = dt.date.today()
    for offset, ok in ((0, True), (1, True), (2, False)):
        day = (today + dt.timedelta(days=offset)).isoformat()
        for plan in _plans(tmp_path, day, vault):
            assert (not plan.problems) is ok, (plan.source, day, plan.problems)
            if not ok:  # (second diff review: the clock's own date, as it may be wrong)
                assert f"by this computer's clock today is {today}" in plan.problems[0].reason


def test_everything_an_import_accepts_can_be_exported_again(tmp_path, vault):
    plans = _plans(tmp_path, "1900-01-01", vault)
    assert not plans[0].problems
    common.apply_plan(vault, plans[0])
    contents = bulk.load(vault)
    json_format.loads(json_format.dumps(contents))
    csv_export.export_csv(contents, tmp_path / "csv", None, False)
    fhir.export_fhir(contents, tmp_path / "out.json", None, False)


@pytest.mark.parametrize("separator", [";", "\t"])
def test_a_daylio_file_saved_by_a_spreadsheet_with_semicolons_or_tabs(tmp_path, vault, separator):
    # Before: "it has no full_date, time, mood column(s)" although it has all of them.
    rows = [
        HEADER.split(","),
        ["2026-01-05", "January 5", "Monday", "11:59 pm", "good", "work | sleep", "", "a, b; c"],
        ["2026-01-06", "January 6", "Tuesday", "12:01 am", "rad", "", "", "x"],
    ]
    text = "\ufeff" + "\r\n".join(
        separator.join(f'"{cell}"' if separator in cell else cell for cell in row) for row in rows
    )
    table = daylio.read(_write(tmp_path, text + "\r\n"))
    plan = daylio.plan(table, daylio.mapping_from_text(daylio.mood_labels(table), {}), vault)
    assert not plan.problems
    assert [(e.day.day, e.time.strftime("%H:%M"), e.mood) for e in plan.new] == [
        (5, "23:59", 7),
        (6, "00:01", 9),
    ]
    assert plan.new[0].note == "a, b; c" and plan.new[0].tags == ["work", "sleep"]


def test_a_comma_file_whose_notes_hold_semicolons_stays_a_comma_file(tmp_path, vault):
    text = f"{HEADER}\n2026-01-05,x,Mon,10:00,good,,,one; two; three\n"
    table = daylio.read(_write(tmp_path, text))
    plan = daylio.plan(table, daylio.mapping_from_text(daylio.mood_labels(table), {}), vault)
    assert not plan.problems and plan.new[0].note == "one; two; three"


def test_reimporting_after_changing_the_mood_values_does_not_double_entries(tmp_path, vault):
    # A tired user imports, finds "good" should have been 8, changes it and imports the
    # same file again. Before: every entry was added a second time (the mood was part of
    # what makes a duplicate), with the old and the new value side by side.
    text = (
        f"{HEADER}\n2026-01-05,x,Mon,10:00,good,,,a note\n2026-01-06,x,Tue,09:00,good,,,\n"
        "2026-01-07,x,Wed,09:00,rad,,,\n"
    )
    path = _write(tmp_path, text)
    table = daylio.read(path)
    first = daylio.plan(table, daylio.mapping_from_text(daylio.mood_labels(table), {}), vault)
    assert common.apply_plan(vault, first) == 3
    changed = daylio.mapping_from_text(daylio.mood_labels(table), {"good": "8"})
    again = daylio.plan(table, changed, vault)
    assert again.new == [] and again.duplicates == 3
    assert any(
        "2 of them have a different mood in your journal" in n for n in again.summary_lines()
    )
    assert common.apply_plan(vault, again) == 0
    assert sorted(e.mood for e in vault.entries.between()) == [7, 7, 9]  # kept as they were


def test_two_rows_of_one_file_at_the_same_minute_are_both_kept(tmp_path, vault):
    # Within one file only a row equal in every way (mood too) is a duplicate.
    text = f"{HEADER}\n2026-01-05,x,Mon,10:00,good,,,\n2026-01-05,x,Mon,10:00,awful,,,\n"
    table = daylio.read(_write(tmp_path, text))
    plan = daylio.plan(table, daylio.mapping_from_text(daylio.mood_labels(table), {}), vault)
    assert len(plan.new) == 2 and plan.duplicates == 0
    common.apply_plan(vault, plan)
    again = daylio.plan(table, daylio.mapping_from_text(daylio.mood_labels(table), {}), vault)
    assert again.new == [] and again.duplicates == 2


def test_a_file_with_hundreds_of_mood_names_is_not_a_daylio_export(tmp_path):
    # A spreadsheet with note text in its "mood" column would have built one mood
    # value box per distinct text (tens of thousands: the window froze for minutes).
    rows = "".join(f"2024-01-01,x,Mon,10:00,feeling {i},,,\n" for i in range(201))
    with pytest.raises(common.ImportFailed, match="201 different moods"):
        daylio.read(_write(tmp_path, f"{HEADER}\n{rows}"))
    custom = "".join(f"2024-01-01,x,Mon,10:00,mood {i},,,\n" for i in range(200))
    assert len(daylio.mood_labels(daylio.read(_write(tmp_path, f"{HEADER}\n{custom}")))) == 200
