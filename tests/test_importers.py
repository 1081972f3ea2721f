"""Imports from other mood apps: Daylio, eMoods and any CSV, previewed then written in
one transaction; bad files change nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moodlog.domain.entries import Entry
from moodlog.importers import common, daylio, emoods, generic
from moodlog.importers.common import ImportFailed
from moodlog.vault import bulk
from tests.conftest import PASSPHRASE, run_cli

DAYLIO = (
    "full_date,date,weekday,time,mood,activities,note_title,note,scales\n"
    '2024-03-05,March 5,Tuesday,9:05 pm,Ecstatic,"friends | \U0001f3ae gaming | sport",'
    '"Good, day","Line one\nline two, with a comma and ""quotes"""\n'
    "2024-03-04,March 4,Monday,08:15,meh,,,,\n"
    "2024-03-03,March 3,Sunday,12:00 am,awful,\U0001f4a4 sleep,,Woke up,\n"
    "2024-03-03,March 3,Sunday,12:30 PM,Rad,,,,\n"
)


def _write(tmp_path: Path, text: str, name: str = "export.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _snapshot(vault) -> list:
    return [
        (e.day, e.time, e.mood, e.note, sorted(e.tags), e.sleep_hours)
        for e in vault.entries.between()
    ]


def test_daylio_12_hour_times_custom_moods_emoji_quoted_notes_and_scales(tmp_path, vault):
    table = daylio.read(_write(tmp_path, DAYLIO))
    labels = daylio.mood_labels(table)
    assert labels == ["Ecstatic", "meh", "awful", "Rad"]
    proposed = daylio.proposed_mapping(labels)
    assert proposed == {"Ecstatic": None, "meh": 5, "awful": 1, "Rad": 9}

    # A custom mood name gets no invented value: the row is a problem until chosen.
    preview = daylio.plan(table, proposed, vault)
    assert [p.line for p in preview.problems] == [2]
    assert "Ecstatic" in preview.problems[0].reason
    with pytest.raises(ImportFailed):
        common.apply_plan(vault, preview)
    assert vault.entries.count() == 0

    mapping = daylio.mapping_from_text(labels, {"ecstatic": "10", "meh": "4"})
    preview = daylio.plan(table, mapping, vault)
    assert not preview.problems
    assert preview.rows == 4 and len(preview.new) == 4 and preview.duplicates == 0
    assert (preview.first, preview.last) == (dt.date(2024, 3, 3), dt.date(2024, 3, 5))
    assert any("scales" in line for line in preview.summary_lines())
    assert common.apply_plan(vault, preview) == 4

    entries = {(e.day, e.time): e for e in vault.entries.between()}
    evening = entries[(dt.date(2024, 3, 5), dt.time(21, 5))]
    assert evening.mood == 10
    assert evening.note == 'Good, day\n\nLine one\nline two, with a comma and "quotes"'
    assert sorted(evening.tags) == sorted(["\U0001f3ae gaming", "friends", "sport"])
    assert entries[(dt.date(2024, 3, 4), dt.time(8, 15))].mood == 4
    midnight = entries[(dt.date(2024, 3, 3), dt.time(0, 0))]
    assert midnight.mood == 1 and midnight.tags == ["\U0001f4a4 sleep"]
    assert midnight.note == "Woke up"
    assert entries[(dt.date(2024, 3, 3), dt.time(12, 30))].mood == 9
    assert not midnight.backfilled  # recorded when it happened, in the other app


def test_reimporting_the_same_file_adds_nothing(tmp_path, vault):
    path = _write(tmp_path, DAYLIO)
    mapping = daylio.mapping_from_text(daylio.mood_labels(daylio.read(path)), {"Ecstatic": "10"})
    first = daylio.plan(daylio.read(path), mapping, vault)
    assert common.apply_plan(vault, first) == 4
    before = _snapshot(vault)
    again = daylio.plan(daylio.read(path), mapping, vault)
    assert again.duplicates == 4 and again.new == []
    assert common.apply_plan(vault, again) == 0
    assert _snapshot(vault) == before


def test_duplicate_means_same_day_time_mood_and_note(tmp_path, vault):
    vault.entries.add(Entry(day=dt.date(2024, 3, 4), time=dt.time(8, 15), mood=5))
    vault.entries.add(Entry(day=dt.date(2024, 3, 3), time=dt.time(0, 0), mood=1, note="other"))
    table = daylio.read(_write(tmp_path, DAYLIO))
    preview = daylio.plan(table, {"Ecstatic": 10, "meh": 5, "awful": 1, "Rad": 9}, vault)
    assert preview.duplicates == 1  # 4 March 08:15 mood 5 no note; 3 March's note differs
    assert len(preview.new) == 3


def test_a_malformed_row_rejects_the_whole_import_with_its_line_number(tmp_path, vault):
    vault.entries.add(Entry(day=dt.date(2020, 1, 1), time=dt.time(9, 0), mood=6))
    before = _snapshot(vault)
    text = DAYLIO + "2024-02-30,Feb 30,?,10:00,meh,,,,\n" + "2024-03-06,x,y,25:61,meh,,,,\n"
    table = daylio.read(_write(tmp_path, text))
    preview = daylio.plan(table, {"Ecstatic": 10, "meh": 5, "awful": 1, "Rad": 9}, vault)
    assert [p.line for p in preview.problems] == [7, 8]
    assert "2024-02-30" in preview.problems[0].reason
    assert "25:61" in preview.problems[1].reason
    with pytest.raises(ImportFailed, match="line 7"):
        common.apply_plan(vault, preview)
    assert _snapshot(vault) == before


def test_a_row_with_more_cells_than_the_header_is_a_problem(tmp_path):
    text = "full_date,date,weekday,time,mood,activities,note_title,note\n"
    text += "2024-03-05,a,b,10:00,meh,,,note,stray\n"
    preview = daylio.plan(daylio.read(_write(tmp_path, text)), {"meh": 5})
    assert [p.line for p in preview.problems] == [2]
    assert "cells" in preview.problems[0].reason


def test_old_daylio_exports_with_year_and_day_month(tmp_path, vault):
    text = (
        "year,date,weekday,time,mood,activities,note\n"
        '2018,18 May,Friday,11:54 pm,good,"clean | cook | music","Went to a party"\n'
    )
    preview = daylio.plan(daylio.read(_write(tmp_path, text)), {"good": 7}, vault)
    assert not preview.problems
    (entry,) = preview.new
    assert (entry.day, entry.time, entry.mood) == (dt.date(2018, 5, 18), dt.time(23, 54), 7)
    assert entry.tags == ["clean", "cook", "music"] and entry.note == "Went to a party"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("caf\xe9,mood\n1,2\n".encode("latin-1"), "not UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
        (b"", "empty"),
        (b"name,score\nAda,3\n", "does not look like a Daylio export"),
        (b'full_date,time,mood\n2024-01-01,10:00,"meh\n', "not a well-formed CSV"),
    ],
)
def test_bad_files_get_a_clear_message_and_change_nothing(tmp_path, vault, content, message):
    vault.entries.add(Entry(day=dt.date(2020, 1, 1), time=dt.time(9, 0), mood=6))
    before = _snapshot(vault)
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFailed, match=message):
        daylio.read(path)
    assert _snapshot(vault) == before


def test_a_100_mb_file_is_refused_by_its_size_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.csv"
    with open(path, "wb") as handle:  # sparse: costs no disk and no time
        handle.truncate(100 * 1024 * 1024)

    def no_reading(*_args, **_kwargs):
        raise AssertionError("the file was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with pytest.raises(ImportFailed, match="100 MB"):
        daylio.read(path)


def test_emoods_mapping_and_import(tmp_path, vault):
    text = (
        "date,depressed,elevated,irritability,anxiety,sleep,Sertraline,notes\n"
        "2024-05-01,2,0,1,3,7.5,50,Rough day\n"
        "2024-05-02,0,1,0,0,8,50,\n"
        "2024-05-03,severe,,,mild,,,\n"
    )
    table = emoods.read(_write(tmp_path, text))
    lines = emoods.mapping_lines(table)
    assert any("depression 0-3" in line and "severe 1" in line for line in lines)
    assert any("elevated" in line and "Sertraline" in line for line in lines)
    preview = emoods.plan(table, vault)
    assert not preview.problems
    assert common.apply_plan(vault, preview) == 3
    entries = vault.entries.between()
    first, second, third = entries
    assert (first.mood, first.anxiety, first.irritability, first.sleep_hours) == (3, 9, 3, 7.5)
    assert first.time == dt.time(12, 0)
    assert first.note == "Rough day\nelevated: 0\nSertraline: 50"
    assert (second.mood, second.anxiety, second.sleep_hours) == (7, 0, 8)
    assert (third.mood, third.anxiety, third.irritability, third.sleep_hours) == (1, 3, None, None)
    assert emoods.plan(emoods.read(tmp_path / "export.csv"), vault).duplicates == 3


def test_emoods_bad_rating_names_its_line(tmp_path):
    text = "date,depressed\n2024-05-01,1\n2024-05-02,7\n"
    preview = emoods.plan(emoods.read(_write(tmp_path, text)))
    assert [str(p) for p in preview.problems] == ["line 3: Depression must be 0, 1, 2 or 3 (got 7)"]


def test_generic_csv_with_a_column_mapping(tmp_path, vault):
    text = (
        "Day,How I felt,Slept,Journal,Labels,Clock\n"
        "2024-06-01,6,7.25,Walked by the sea,walk; sea,7:30 am\n"
        "2024-06-02 21:00,4,,,,\n"
    )
    table = generic.read(_write(tmp_path, text))
    mapping = {
        "date": "Day",
        "mood": "How I felt",
        "sleep_hours": "Slept",
        "note": "Journal",
        "tags": "Labels",
        "time": "Clock",
    }
    preview = generic.plan(table, mapping, vault)
    assert not preview.problems
    assert common.apply_plan(vault, preview) == 2
    first, second = vault.entries.between()
    assert (first.day, first.time, first.mood, first.sleep_hours) == (
        dt.date(2024, 6, 1),
        dt.time(7, 30),
        6,
        7.25,
    )
    assert sorted(first.tags) == ["sea", "walk"] and first.note == "Walked by the sea"
    assert (second.time, second.mood) == (dt.time(21, 0), 4)
    with pytest.raises(ImportFailed, match="no column 'Mood'"):
        generic.plan(table, {"date": "Day", "mood": "Mood"})
    with pytest.raises(ImportFailed, match="mood"):
        generic.plan(table, {"date": "Day"})


def test_generic_csv_out_of_range_value_names_its_line(tmp_path):
    text = "date,mood\n2024-06-01,6\n2024-06-02,11\n2024-06-03,\n"
    preview = generic.plan(generic.read(_write(tmp_path, text)), {"date": "date", "mood": "mood"})
    assert [p.line for p in preview.problems] == [3, 4]
    assert "0 to 10" in preview.problems[0].reason


def test_time_parsing():
    assert common.parse_time("9:05 pm") == dt.time(21, 5)
    assert common.parse_time("9:05PM") == dt.time(21, 5)
    assert common.parse_time("12:00 am") == dt.time(0, 0)
    assert common.parse_time("12:10 p.m.") == dt.time(12, 10)
    assert common.parse_time("23:59:30") == dt.time(23, 59)
    for bad in ("13:00 pm", "24:00", "noon", ""):
        with pytest.raises(ValueError):
            common.parse_time(bad)


IMPORTERS = {
    "daylio": lambda path, vault: daylio.plan(
        (table := daylio.read(path)), daylio.proposed_mapping(daylio.mood_labels(table)), vault
    ),
    "emoods": lambda path, vault: emoods.plan(emoods.read(path), vault),
    "csv": lambda path, vault: generic.plan(
        generic.read(path), {"date": "date", "mood": "mood"}, vault
    ),
}


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    kind=st.sampled_from(sorted(IMPORTERS)),
    header=st.sampled_from(
        [
            b"",
            b"full_date,date,weekday,time,mood,activities,note_title,note\n",
            b"date,depressed,anxiety,sleep,notes\n",
            b"date,mood\n",
        ]
    ),
    body=st.binary(max_size=400),
)
def test_random_bytes_never_crash_an_importer_or_change_the_vault(
    tmp_path, vault, kind, header, body
):
    if vault.entries.count() == 0:
        vault.entries.add(Entry(day=dt.date(2020, 1, 1), time=dt.time(9, 0), mood=6))
    before = _snapshot(vault)
    path = tmp_path / "random.csv"
    path.write_bytes(header + body)
    try:
        preview = IMPORTERS[kind](path, vault)
    except ImportFailed as error:
        assert str(error) and "Traceback" not in str(error)
    else:
        assert all(p.line >= 1 and p.reason for p in preview.problems)
    assert _snapshot(vault) == before


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["2024-01-01", "2024-02-29", "2023-02-29", "x", ""]),
            st.text(max_size=8),
            st.sampled_from(["rad", "good", "meh", "bad", "awful", "custom", ""]),
            st.text(max_size=30),
        ),
        max_size=6,
    )
)
def test_random_daylio_rows_import_all_or_nothing(tmp_path, vault, rows):
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["full_date", "date", "weekday", "time", "mood", "activities", "note"])
    for day, time, mood, note in rows:
        writer.writerow([day, "", "", time, mood, "", note])
    path = tmp_path / "rows.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    before = vault.entries.count()
    try:
        table = daylio.read(path)
    except ImportFailed:
        assert vault.entries.count() == before
        return
    preview = daylio.plan(table, daylio.proposed_mapping(daylio.mood_labels(table)), vault)
    if preview.problems:
        with pytest.raises(ImportFailed):
            common.apply_plan(vault, preview)
        assert vault.entries.count() == before
    else:
        added = common.apply_plan(vault, preview)
        assert vault.entries.count() == before + added


def test_import_adds_to_a_non_empty_vault_in_one_transaction(tmp_path, vault, monkeypatch):
    vault.entries.add(Entry(day=dt.date(2020, 1, 1), time=dt.time(9, 0), mood=6))
    before = _snapshot(vault)
    preview = daylio.plan(
        daylio.read(_write(tmp_path, DAYLIO)), {"Ecstatic": 10, "meh": 5, "awful": 1, "Rad": 9}
    )
    real_add_many = vault.entries.add_many

    def add_then_fail(entries):
        real_add_many(entries)  # the rows are written...
        raise OSError("disk full")  # ...then something fails before the commit

    monkeypatch.setattr(vault.entries, "add_many", add_then_fail)
    with pytest.raises(OSError):
        common.apply_plan(vault, preview)
    monkeypatch.undo()
    assert _snapshot(vault) == before
    assert not bulk.is_empty(vault)


def test_cli_imports(tmp_path):
    data = tmp_path / "vault"
    stdin = PASSPHRASE + "\n"
    assert run_cli(["--data-dir", str(data), "init", "--passphrase-stdin"], stdin).returncode == 0
    path = _write(tmp_path, DAYLIO)
    base = ["--data-dir", str(data), "import", "daylio", str(path), "--passphrase-stdin"]

    unmapped = run_cli(base, stdin)
    assert unmapped.returncode == 1
    assert "line 2" in unmapped.stderr and "--map" in unmapped.stderr
    assert "Traceback" not in unmapped.stderr

    preview = run_cli([*base, "--map", "Ecstatic=10", "--preview"], stdin)
    assert preview.returncode == 0, preview.stderr
    assert "4 new entries" in preview.stdout and "nothing was changed" in preview.stdout

    done = run_cli([*base, "--map", "Ecstatic=10"], stdin)
    assert done.returncode == 0, done.stderr
    assert "Imported 4 new entries" in done.stdout
    again = run_cli([*base, "--map", "Ecstatic=10"], stdin)
    assert "Imported 0 new entries" in again.stdout

    bad_map = run_cli([*base, "--map", "Ecstatic=11"], stdin)
    assert bad_map.returncode == 1 and "0 to 10" in bad_map.stderr

    emoods_file = _write(tmp_path, "date,depressed\n2024-05-01,1\n", "emoods.csv")
    result = run_cli(
        ["--data-dir", str(data), "import", "emoods", str(emoods_file), "--passphrase-stdin"],
        stdin,
    )
    assert result.returncode == 0, result.stderr
    assert "becomes mood" in result.stdout

    generic_file = _write(tmp_path, "Day,Feeling\n2024-07-01,8\n", "other.csv")
    args = ["--data-dir", str(data), "import", "csv", str(generic_file), "--passphrase-stdin"]
    missing_map = run_cli(args, stdin)
    assert missing_map.returncode == 2  # usage: --map is required
    half = run_cli([*args, "--map", "date=Day"], stdin)
    assert half.returncode == 1 and "Choose a column for mood (e.g. --map" in half.stderr
    with pytest.raises(generic.ColumnsNeeded, match=r"^Choose a column for mood\.$"):
        generic.resolve(generic.read(generic_file), {"date": "Day"})
    result = run_cli([*args, "--map", "date=Day,mood=Feeling"], stdin)
    assert result.returncode == 0, result.stderr
    assert "Imported 1 new entry" in result.stdout

    binary = tmp_path / "garbage.csv"
    binary.write_bytes(bytes(range(256)) * 4)
    result = run_cli(
        ["--data-dir", str(data), "import", "daylio", str(binary), "--passphrase-stdin"], stdin
    )
    assert result.returncode == 1
    assert "not a text file" in result.stderr and "Traceback" not in result.stderr

    from moodlog.vault.vault import Vault

    with Vault.open(data / "moodlog.db", PASSPHRASE) as vault:
        assert vault.entries.count() == 6


def test_a_huge_first_line_is_not_put_whole_into_the_message(tmp_path):
    """Hardening review: a file whose first line was ~200 KB printed all of it in
    "found: ..."."""
    path = tmp_path / "wide.csv"
    path.write_text("x" * 200_000 + ",y\n1,2\n", encoding="utf-8")
    with pytest.raises(ImportFailed) as info:
        daylio.read(path)
    message = str(info.value)
    assert "does not look like a Daylio export" in message and len(message) < 600
    assert "(found: " + "x" * 37 + "..., y)." in message


@pytest.mark.parametrize(
    ("date", "year", "expected"),
    [
        ("18 May", "2018", dt.date(2018, 5, 18)),
        ("May 18", "2018", dt.date(2018, 5, 18)),
        ("3 March", "2019", dt.date(2019, 3, 3)),
        ("Sep 30", "2019", dt.date(2019, 9, 30)),
        ("sept 30", "2019", dt.date(2019, 9, 30)),
    ],
)
def test_old_daylio_dates_are_read_with_english_month_names_on_any_system(
    tmp_path, vault, monkeypatch, date: str, year: str, expected: dt.date
):
    """Locale review: ``strptime``'s month names follow the system's language once Qt
    has set the C locale; on a German system "18 May 2019" was not a date and nothing
    could be imported. The months are read from an English table now."""
    import types

    class GermanDatetime(dt.datetime):
        @classmethod
        def strptime(cls, text: str, fmt: str) -> dt.datetime:  # as on a German system
            raise ValueError(f"time data {text!r} does not match format {fmt!r}")

    text = f"year,date,weekday,time,mood,activities,note\n{year},{date},Friday,9:00 am,good,,\n"
    monkeypatch.setattr(daylio, "dt", types.SimpleNamespace(date=dt.date, datetime=GermanDatetime))
    preview = daylio.plan(daylio.read(_write(tmp_path, text)), {"good": 7}, vault)
    assert not preview.problems, preview.problems
    assert preview.new[0].day == expected
    bad = text.replace(date, "31 Febr")
    problems = daylio.plan(daylio.read(_write(tmp_path, bad)), {"good": 7}, vault).problems
    assert problems and "is not a day of the calendar" in problems[0].reason  # (diff review)
    worse = text.replace(date, "31 Smarch")
    problems = daylio.plan(daylio.read(_write(tmp_path, worse)), {"good": 7}, vault).problems
    assert problems and "is not a date" in problems[0].reason


def test_english_month_names_and_their_starts():
    from moodlog.wording import english_month

    assert [english_month(n) for n in ("May", "may", "SEPTEMBER", "Sep", "sept")] == [5, 5, 9, 9, 9]
    assert [english_month(n) for n in ("Mai", "Ma", "", "Märzen")] == [None, None, None, None]
