"""The JSON export: lossless round trip, strict validation, nothing half-imported."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest

from moodlog.domain.demo import build_demo
from moodlog.domain.errors import ValidationError
from moodlog.domain.treatments import Medication, Question, SessionNote
from moodlog.report import json_format
from moodlog.vault import bulk
from moodlog.vault.vault import Vault
from tests.conftest import PASSPHRASE


@pytest.fixture
def demo_document(vault: Vault) -> dict:
    bulk.store(vault, build_demo(days=120, end=dt.date(2026, 6, 30)))
    return json_format.to_document(bulk.load(vault))


def test_round_trip_is_identical(demo_document: dict, tmp_path: Path):
    text = json.dumps(demo_document, ensure_ascii=False, indent=2) + "\n"
    with Vault.create(tmp_path / "second.db", PASSPHRASE) as second:
        bulk.store(second, json_format.from_document(json.loads(text)))
        again = json_format.dumps(bulk.load(second))
    assert again == text


def test_document_has_the_contract_keys(demo_document: dict):
    assert demo_document["format"] == "moodlog" and demo_document["version"] == 1
    entry = demo_document["entries"][0]
    assert set(entry) >= {
        "date",
        "time",
        "mood",
        "anxiety",
        "energy",
        "irritability",
        "sleep_hours",
        "sleep_quality",
        "tags",
        "note",
    }
    questionnaire = demo_document["questionnaires"][0]
    assert set(questionnaire) >= {"date", "instrument", "answers", "total"}
    checkin = demo_document["si_checkins"][0]
    assert set(checkin["answers"]) == {
        "wish_dead",
        "thoughts",
        "method",
        "intent",
        "plan",
        "behavior",
    }
    assert checkin["level"] in ("none", "low", "moderate", "high", "skipped")
    treatment = demo_document["treatments"][0]
    assert set(treatment) >= {
        "date",
        "time",
        "kind",
        "dose_mg",
        "weight_kg",
        "side_effects",
        "dissociation",
        "bp_before",
        "bp_after",
        "notes",
    }
    assert demo_document["safety_plan"]["reasons"]
    assert demo_document["medications"][0]["events"]
    assert demo_document["session_notes"] and demo_document["questions"]
    assert any(c["level"] == "skipped" for c in demo_document["si_checkins"])


def _broken(document: dict, path: list, value) -> dict:
    copy_ = copy.deepcopy(document)
    target = copy_
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return copy_


@pytest.mark.parametrize(
    "path, value, where",
    [
        (["entries", 3, "mood"], 11, "entries[4]"),
        (["entries", 0, "date"], "2026-13-01", "entries[1]"),
        (["entries", 2, "time"], "9am", "entries[3]"),
        (["entries", 1, "sleep_hours"], "seven", "entries[2]"),
        (["entries", 1, "tags"], [1, 2], "entries[2]"),
        (["questionnaires", 0, "answers"], [9] * 9, "questionnaires[1]"),
        (["questionnaires", 0, "total"], 99, "questionnaires[1]"),
        (["questionnaires", 1, "instrument"], "BDI", "questionnaires[2]"),
        (["si_checkins", 0, "answers"], {"wish_dead": "maybe"}, "si_checkins[1]"),
        (["si_checkins", 0, "level"], "high", "si_checkins[1]"),
        (["treatments", 0, "kind"], "laser", "treatments[1]"),
        (["treatments", 0, "dose_mg"], -3, "treatments[1]"),
        (["treatments", 0, "bp_before"], "80/120", "treatments[1]"),
        (["medications", 0, "events", 0, "event"], "pause", "medications[1]"),
        (["safety_plan", "people"], "Sam", "safety_plan"),
        (["questions", 0, "text"], None, "questions[1]"),
    ],
)
def test_bad_records_are_named_and_nothing_is_imported(demo_document, tmp_path, path, value, where):
    bad = _broken(demo_document, path, value)
    with pytest.raises(ValidationError) as info:
        json_format.from_document(bad)
    assert str(info.value).startswith(where)


@pytest.mark.parametrize(
    "document, words",
    [
        ({"format": "other", "version": 1}, "not a moodlog export"),
        ({"format": "moodlog"}, "version"),
        ({"format": "moodlog", "version": 2}, "newer moodlog"),
        ([], "not a moodlog export"),
    ],
)
def test_wrong_format_or_newer_version(document, words):
    with pytest.raises(ValidationError) as info:
        json_format.from_document(document)
    assert words in str(info.value)


def test_malformed_files(tmp_path: Path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "moodlog", "version": 1, "entries": [', encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        json_format.load_file(broken)
    assert "not valid JSON" in str(info.value) and "line 1" in str(info.value)
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ValidationError):
        json_format.load_file(binary)
    with pytest.raises(ValidationError):
        json_format.load_file(tmp_path / "missing.json")


def test_store_is_all_or_nothing(vault: Vault):
    contents = build_demo(days=30, end=dt.date(2026, 6, 30))
    contents.questions[-1].text = " "  # invalid, and stored last
    with pytest.raises(ValidationError):
        bulk.store(vault, contents)
    assert bulk.is_empty(vault)
    assert vault.entries.count() == 0


@pytest.mark.parametrize(
    "add",
    [
        lambda v: v.medications.save(Medication("Sertraline")),
        lambda v: v.session_notes.save(SessionNote(dt.date(2026, 1, 1))),
        lambda v: v.questions.add(Question("Why?", dt.date(2026, 1, 1))),
    ],
)
def test_any_record_makes_the_vault_not_empty(vault: Vault, add):
    assert bulk.is_empty(vault)
    add(vault)
    assert not bulk.is_empty(vault)  # so an import or demo data never lands on top of it


# -- issue 12 #3: every stored field validated; issue 11 §6: unknown recorded_at ----------


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "import.json"
    path.write_text(text, encoding="utf-8")
    return path


def _import_error(tmp_path: Path, document: dict) -> str:
    path = _write(tmp_path, json.dumps(document, ensure_ascii=False))
    with pytest.raises(ValidationError) as info:
        json_format.load_file(path)
    return str(info.value)


@pytest.mark.parametrize(
    "path, value, expected",
    [
        (["settings", "questionnaire_every_days"], "weekly", "settings.questionnaire_every_days"),
        (["settings", "questionnaire_every_days"], 0, "settings.questionnaire_every_days"),
        (["settings", "aftercare_text"], 5, "settings.aftercare_text"),
        (["settings", "pdf_unencrypted_warning_shown"], "yes", "settings.pdf_unencrypted"),
        (["entries", 0, "date"], "9999-12-31", "entries[1]: 'date' must be a date from 1900"),
        (["entries", 0, "date"], "1899-12-31", "entries[1]: 'date' must be a date from 1900"),
        (["entries", 0, "date"], "20260101", "entries[1]: 'date' must be a date YYYY-MM-DD"),
        (["entries", 0, "date"], "2026-W01-1", "entries[1]: 'date' must be a date YYYY-MM-DD"),
        (["entries", 0, "date"], "2025-02-29", "entries[1]: 'date' is not a day of the calendar"),
        (["entries", 1, "time"], "T12:30", "entries[2]: 'time' must be a time HH:MM"),
        (["entries", 1, "time"], "1230", "entries[2]: 'time' must be a time HH:MM"),
        (["entries", 2, "recorded_at"], "2026-01-01T10:00:00+02:00", "without a time zone"),
        (["entries", 2, "recorded_at"], "2026-01-01T10:00:00Z", "entries[3]: 'recorded_at'"),
        (["entries", 2, "recorded_at"], "2026-01-01T10:00:00.123", "00.123' with fractions of"),
        (["questionnaires", 0, "answers", 0], None, "an item is unanswered, so there is no total"),
        (["entries", 2, "recorded_at"], "2026-01-01 10:00", "entries[3]: 'recorded_at'"),
        (["entries", 2, "recorded_at"], "9999-01-01T10:00:00", "entries[3]: 'recorded_at'"),
        (["questionnaires", 0, "recorded_at"], "20260101T100000", "questionnaires[1]"),
        (["treatments", 0, "dose_mg"], float("inf"), "treatments[1].dose_mg: Infinity"),
        (["medications", 0, "events", 0, "dose"], float("inf"), "medications[1].events[1].dose"),
        (["entries", 4, "sleep_hours"], float("nan"), "entries[5].sleep_hours: NaN"),
        (["entries", 4, "sleep_hours"], 1e308, "entries[5]"),
        (["treatments", 0, "dose_mg"], -float("inf"), "treatments[1].dose_mg: -Infinity"),
        (["tags"], ["x" * 10_000], "tags[1]: a tag must be 1 to 60 characters"),
        (["tags"], ["ok", 5], "tags[2]"),
        (["entries", 1, "tags"], ["y" * 61], "entries[2].tags[1]"),
        (["treatments", 0, "notes"], "n" * 5_000_001, "treatments[1]: 'notes' is too long"),
        (["treatments", 0, "clinic"], "c" * 1_001, "treatments[1]: 'clinic' is too long"),
        (["session_notes", 0, "insights"], "i" * 5_000_001, "session_notes[1]: 'insights'"),
        (["safety_plan", "reviewed_on"], "20260101", "safety_plan: 'reviewed_on'"),
        (["safety_plan", "people"], [{"name": "Sam", "phone": 5}], "safety_plan.people[1]"),
        (["medications", 0, "name"], "m" * 1_001, "medications[1]: 'name' is too long"),
        (["version"], 0, '"version"'),
        (["version"], -1, '"version"'),
        (["version"], 1.0, '"version"'),
        (["version"], True, '"version"'),
        (["version"], "1", '"version"'),
    ],
)
def test_every_stored_field_is_checked_and_named(demo_document, tmp_path, path, value, expected):
    bad = _broken(demo_document, path, value)
    message = _import_error(tmp_path, bad)
    assert message.startswith(expected) or expected in message, message
    assert len(message) < 400  # never the whole bad value


def test_nan_is_refused_not_stored_as_null(tmp_path: Path, demo_document: dict):
    text = json.dumps(demo_document).replace('"sleep_hours": 7.5', '"sleep_hours": NaN', 1)
    assert "NaN" in text
    with pytest.raises(ValidationError) as info:
        json_format.load_file(_write(tmp_path, text))
    assert "sleep_hours: NaN is not a number" in str(info.value)


def test_duplicate_keys_are_refused_and_named(tmp_path: Path):
    path = _write(
        tmp_path,
        '{"format": "moodlog", "version": 1, "entries": [{"date": "2026-01-02", '
        '"time": "09:00", "mood": 3, "mood": 7}]}',
    )
    with pytest.raises(ValidationError) as info:
        json_format.load_file(path)
    assert str(info.value) == "entries[1]: the key 'mood' appears more than once."


def test_lone_surrogate_gets_a_clear_message(tmp_path: Path):
    path = _write(
        tmp_path,
        '{"format": "moodlog", "version": 1, "entries": [{"date": "2026-01-02", '
        '"time": "09:00", "mood": 3, "note": "half \\ud83d a smile"}]}',
    )
    with pytest.raises(ValidationError) as info:
        json_format.load_file(path)
    assert str(info.value).startswith("entries[1].note: the text holds a character")
    assert "surrogate" in str(info.value)


def test_deep_nesting_gets_a_clear_message(tmp_path: Path):
    depth = 100_000
    path = _write(
        tmp_path,
        '{"format": "moodlog", "version": 1, "entries": ' + "[" * depth + "]" * depth + "}",
    )
    with pytest.raises(ValidationError) as info:
        json_format.load_file(path)
    assert "nested too deeply" in str(info.value)
    # A document built in memory is checked without recursion too.
    nested: list = []
    for _ in range(depth):
        nested = [nested]
    with pytest.raises(ValidationError) as info:
        json_format.from_document({"format": "moodlog", "version": 1, "entries": nested})
    assert "nested too deeply" in str(info.value)


def test_huge_numbers_and_files_are_refused(tmp_path: Path, monkeypatch):
    path = _write(tmp_path, '{"format": "moodlog", "version": 1, "x": ' + "9" * 5000 + "}")
    with pytest.raises(ValidationError) as info:
        json_format.load_file(path)
    assert "number too long" in str(info.value)
    monkeypatch.setattr(json_format, "MAX_IMPORT_BYTES", 10)
    with pytest.raises(ValidationError) as info:
        json_format.load_file(path)
    assert "too large" in str(info.value) and "MB" in str(info.value)


def test_unknown_settings_are_ignored_known_ones_kept(demo_document: dict):
    document = _broken(demo_document, ["settings"], {"questionnaire_every_days": 14, "x": [1]})
    contents = json_format.from_document(document)
    assert contents.settings == {"questionnaire_every_days": 14}


def test_cli_import_of_a_bad_file_leaves_the_vault_empty(tmp_path: Path, demo_document: dict):
    from tests.conftest import run_cli

    data_dir = tmp_path / "cli"
    created = run_cli(["--data-dir", str(data_dir), "init", "--passphrase-stdin"], PASSPHRASE)
    assert created.returncode == 0, created.stderr
    # The last kind in the file is broken: everything before it is valid.
    bad = _broken(demo_document, ["questions", 0, "created_on"], "2026-W01-1")
    path = _write(tmp_path, json.dumps(bad))
    result = run_cli(
        ["--data-dir", str(data_dir), "import", "json", str(path), "--passphrase-stdin"],
        PASSPHRASE,
    )
    assert result.returncode != 0
    assert "questions[1]: 'created_on' must be a date YYYY-MM-DD" in result.stderr
    assert "unexpected error" not in result.stderr and "Traceback" not in result.stderr
    with Vault.open(data_dir / "moodlog.db", PASSPHRASE) as vault:
        assert bulk.is_empty(vault) and vault.entries.count() == 0
        assert vault.tags.names() == sorted(vault.tags.names(), key=str.casefold)


def test_unknown_recorded_at_stays_unknown_and_round_trips(demo_document: dict, tmp_path: Path):
    document = copy.deepcopy(demo_document)
    for kind in ("entries", "questionnaires", "si_checkins", "treatments"):
        for record in document[kind][::2]:
            record["recorded_at"] = None
    for record in document["entries"][::2]:
        record["backfilled"] = False  # derived: unknown is never "filled in late"
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    with Vault.create(tmp_path / "second.db", PASSPHRASE) as second:
        bulk.store(second, json_format.from_document(json.loads(text)))
        loaded = bulk.load(second)
        again = json_format.dumps(loaded)
    assert again == text
    unknown = [e for e in loaded.entries if e.created_at is None]
    assert len(unknown) == len(document["entries"][::2])
    assert not any(e.backfilled for e in unknown)
    unknown_treatments = sum(r["recorded_at"] is None for r in document["treatments"])
    assert sum(t.created_at is None for t in loaded.treatments) == unknown_treatments > 0


def test_bulk_import_keeps_tags_ids_and_the_last_baseline(vault: Vault):
    from moodlog.domain.entries import Entry
    from moodlog.domain.questionnaires import QuestionnaireResult

    vault.tags.add("Yoga")
    entries = [
        Entry(dt.date(2026, 1, d), dt.time(9), 5, tags=["yoga", "Sun ", "sun"]) for d in (1, 2)
    ]
    first = QuestionnaireResult(dt.date(2026, 1, 1), dt.time(9), "PHQ-9", [1] * 9)
    second = QuestionnaireResult(dt.date(2026, 1, 2), dt.time(9), "PHQ-9", [2] * 9)
    first.is_baseline = second.is_baseline = True
    vault.entries.add_many(entries)
    vault.questionnaires.add_many([first, second])
    assert [e.id for e in entries] == [1, 2]
    stored = vault.entries.between()
    assert [sorted(e.tags) for e in stored] == [["Sun", "Yoga"]] * 2
    assert vault.tags.names().count("Yoga") == 1 and "sun" not in vault.tags.names()
    assert [q.is_baseline for q in vault.questionnaires.all()] == [False, True]


def test_a_folder_or_a_pipe_is_refused_without_reading_it(tmp_path: Path):
    # Before: a named pipe (or a device such as /dev/zero) was read without end and the
    # command hung; a folder got "Is a directory" from the operating system.
    import os
    import threading

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)

    def feed() -> None:  # so that a reader gets an end (and this test no hang) on failure
        try:
            with open(pipe, "w") as writer:
                writer.write("{")
        except OSError:  # the reader went away first
            pass

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    try:
        for path in (pipe, tmp_path):
            with pytest.raises(ValidationError, match="is not a file"):
                json_format.load_file(path)
    finally:
        if feeder.is_alive():  # nobody opened the pipe: let the feeder go
            os.close(os.open(pipe, os.O_RDONLY | os.O_NONBLOCK))
        feeder.join(timeout=5)


def test_an_integer_answer_is_refused_after_a_boolean_one(demo_document: dict):
    """0 == False and 1 == True hash alike: the per-answer-set verdict cache must not let
    a check-in answered 0 pass on an earlier check-in answered false (found by the
    hypothesis fuzzer)."""
    document = json.loads(json.dumps(demo_document))
    checkins = document["si_checkins"]
    second = json.loads(json.dumps(checkins[0]))
    second["answers"] = {
        **checkins[0]["answers"],
        "thoughts": int(bool(checkins[0]["answers"]["thoughts"])),
    }
    checkins.append(second)
    with pytest.raises(ValidationError, match=r"si_checkins\[\d+\].*thoughts"):
        json_format.from_document(document)


def test_records_made_as_they_happen_may_not_be_dated_ahead():
    """Hardening review: a GAD-7 dated five years ahead was imported without a word, and
    Today's questionnaire prompt was silent from then on. Entries, questionnaires and
    self-checks may be dated up to tomorrow (as the CSV importers); sessions, which may
    be appointments, up to 5 years ahead."""
    import datetime as dt

    import pytest

    from moodlog.domain.errors import ValidationError
    from moodlog.report.json_format import from_document

    ahead = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    records = {
        "entries": {"date": ahead, "time": "09:00", "mood": 5},
        "questionnaires": {
            "date": ahead,
            "time": "09:00",
            "instrument": "GAD-7",
            "answers": [1] * 7,
        },
        "si_checkins": {"date": ahead, "time": "09:00", "skipped": True},
    }
    for section, record in records.items():
        with pytest.raises(ValidationError) as refused:
            from_document({"format": "moodlog", "version": 1, section: [record]})
        assert f"{section}[1]: 'date' is in the future" in str(refused.value)
        today = dt.date.today().isoformat()
        assert f"by this computer's clock today is {today}" in str(refused.value)
        assert "If this computer's date is wrong, set it and import again" in str(refused.value)
        on_time = {**record, "date": tomorrow}
        loaded = from_document({"format": "moodlog", "version": 1, section: [on_time]})
        assert loaded  # tomorrow is fine
    booked = {"date": ahead, "time": "10:00", "kind": "ketamine_iv"}
    contents = from_document({"format": "moodlog", "version": 1, "treatments": [booked]})
    assert [t.day.isoformat() for t in contents.treatments] == [ahead]


def test_earlier_plan_versions_and_hidden_tags_survive_a_move(vault: Vault, tmp_path: Path):
    """Review finding: export -> import kept only the latest safety plan, stamped with the
    time of the import (the "Earlier versions…" list was empty), and a tag the person had
    removed from the choices came back. Both are in the file now (new keys, version 1)."""
    from moodlog.domain.safety import Contact, SafetyPlan

    first = SafetyPlan(warning_signs=["cannot sleep"], reviewed_on=dt.date(2026, 3, 1))
    vault.safety_plans.save(first, saved_at=dt.datetime(2026, 3, 1, 21, 5))
    second = SafetyPlan(
        warning_signs=["cannot sleep", "skipping meals"],
        people=[Contact("Sam", "555 0100")],
        reviewed_on=dt.date(2026, 5, 2),
    )
    vault.safety_plans.save(second, saved_at=dt.datetime(2026, 5, 2, 8, 30))
    vault.tags.add("ex-partner")
    vault.tags.hide("ex-partner")
    document = json_format.to_document(bulk.load(vault))
    assert document["safety_plan"]["saved_at"] == "2026-05-02T08:30:00"
    assert [v["warning_signs"] for v in document["safety_plan_versions"]] == [["cannot sleep"]]
    assert document["safety_plan_versions"][0]["saved_at"] == "2026-03-01T21:05:00"
    assert document["hidden_tags"] == ["ex-partner"] and "ex-partner" in document["tags"]

    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    with Vault.create(tmp_path / "moved.db", PASSPHRASE) as moved:
        bulk.store(moved, json_format.from_document(json.loads(text)))
        versions = moved.safety_plans.versions()
        assert [(v.saved_at, v.warning_signs) for v in versions] == [
            (dt.datetime(2026, 5, 2, 8, 30), ["cannot sleep", "skipping meals"]),
            (dt.datetime(2026, 3, 1, 21, 5), ["cannot sleep"]),
        ]
        assert versions[0].people == [Contact("Sam", "555 0100")]
        assert "ex-partner" not in moved.tags.names()
        assert "ex-partner" in moved.tags.names(include_hidden=True)
        assert json_format.dumps(bulk.load(moved)) == text

    # A name tidied as tags are (a hand-edited file): still hidden (diff review).
    document["hidden_tags"] = ["sleep  well "]
    with Vault.create(tmp_path / "edited.db", PASSPHRASE) as edited:
        bulk.store(edited, json_format.from_document(document))
        assert "sleep well" in edited.tags.names(include_hidden=True)
        assert "sleep well" not in edited.tags.names()


def test_a_file_without_the_newer_keys_still_imports(demo_document: dict, tmp_path: Path):
    """Files written before ``hidden_tags``, ``safety_plan_versions`` and the plan's
    ``saved_at`` existed: the plan is saved at the import, as before."""
    older = copy.deepcopy(demo_document)
    del older["hidden_tags"], older["safety_plan_versions"]
    del older["safety_plan"]["saved_at"]
    contents = json_format.from_document(older)
    assert contents.safety_plan is not None and contents.safety_plan.saved_at is None
    assert contents.safety_plan_versions == [] and contents.hidden_tags == []
    with Vault.create(tmp_path / "older.db", PASSPHRASE) as vault:
        bulk.store(vault, contents)
        assert vault.safety_plans.version_count() == 1
        assert vault.safety_plans.latest().saved_at.date() == dt.date.today()


@pytest.mark.parametrize(
    "change, where",
    [
        ({"safety_plan_versions": ["not a plan"]}, "safety_plan_versions[1]: expected an object"),
        (
            {"safety_plan_versions": [{"people": "Sam"}]},
            "safety_plan_versions[1]: Safety plan section 'people' must be a list",
        ),
        (
            {"safety_plan_versions": [{"saved_at": "2026-03-01T21:05:00Z"}]},
            "safety_plan_versions[1]: 'saved_at' must be a local date and time",
        ),
        ({"safety_plan": None, "safety_plan_versions": [{}]}, "need the current one"),
        ({"hidden_tags": [""]}, "hidden_tags[1]: a tag must be"),
    ],
)
def test_bad_plan_versions_and_hidden_tags_are_named(demo_document: dict, change, where):
    bad = {**copy.deepcopy(demo_document), **change}
    with pytest.raises(ValidationError) as info:
        json_format.from_document(bad)
    assert where in str(info.value)


def test_the_persons_settings_move_with_them_and_the_round_trip_is_identical(
    vault: Vault, tmp_path: Path
):
    """Contracts review: an export of a journal set up in the app carried the reminder,
    the fields shown on Today and the seen introduction, and the import dropped them:
    on the new computer the reminder was off and the introduction ran again, and the
    second export differed from the first."""
    from moodlog.ui.daily_fields import save_shown_fields, shown_fields
    from moodlog.ui.reminders import SETTING_KEYS, ReminderConfig

    ReminderConfig(enabled=True, time=dt.time(20, 30), text="Notes?", session_hours=12).save(
        vault.settings
    )
    save_shown_fields(vault.settings, ["sleep_hours", "anxiety"])
    for key in ("onboarding_done", "backup_passphrase_notice_shown"):
        vault.settings.set(key, True)
    vault.settings.set("an_internal_key_of_a_later_version", {"x": 1})
    with_no_time = copy.deepcopy(bulk.load(vault))
    with_no_time.settings["reminder_time"] = None  # (no time chosen: stored as null)
    text = json_format.dumps(with_no_time)
    assert '"reminder_time"' not in text
    with Vault.create(tmp_path / "no-time.db", PASSPHRASE) as no_time:
        bulk.store(no_time, json_format.from_document(json.loads(text)))
        assert json_format.dumps(bulk.load(no_time)) == text
    first = json_format.dumps(bulk.load(vault))
    assert "an_internal_key" not in first  # only the documented keys are written
    target = Vault.create(tmp_path / "moodlog.db", PASSPHRASE)
    try:
        bulk.store(target, json_format.from_document(json.loads(first)))
        assert json_format.dumps(bulk.load(target)) == first
        assert ReminderConfig.load(target.settings) == ReminderConfig.load(vault.settings)
        assert shown_fields(target.settings) == ("anxiety", "sleep_hours")
        assert target.settings.get("onboarding_done") is True
        assert {key: target.settings.get(key) for key in SETTING_KEYS}["reminder_time"] == "20:30"
    finally:
        target.close()


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("reminder_time", "25:00"),
        ("reminder_time", "8:30"),
        ("session_reminder_hours", 73),
        ("daily_fields", ["mood"]),
        ("daily_fields", ["anxiety", "anxiety"]),
        ("onboarding_done", "yes"),
    ],
)
def test_a_bad_carried_setting_is_named(demo_document: dict, key: str, value):
    document = _broken(demo_document, ["settings"], {key: value})
    with pytest.raises(ValidationError, match=f"settings.{key}: must be"):
        json_format.from_document(document)


def test_the_session_reminder_range_is_the_settings_screens(qapp, vault: Vault):
    from moodlog.ui.reminders import ReminderSettings

    box = ReminderSettings(vault.settings).session_hours
    assert (box.minimum(), box.maximum()) == (0, json_format.SESSION_REMINDER_MAX_HOURS)


@pytest.mark.parametrize("saved_at", [None, "2026-03-01T21:05:00"])
def test_a_plan_imported_without_a_review_date_is_not_reviewed_on_the_import_day(
    demo_document: dict, tmp_path: Path, saved_at
):
    """Contracts review: ``"reviewed_on": null`` became the day of the import: the PDF
    said "Last reviewed" that day and the 90-day review reminder was reset."""
    document = copy.deepcopy(demo_document)
    document["safety_plan"] = {"coping": ["a walk"], "reviewed_on": None, "saved_at": saved_at}
    document.pop("safety_plan_versions", None)
    text = json.dumps(document)
    with Vault.create(tmp_path / "moved.db", PASSPHRASE) as moved:
        bulk.store(moved, json_format.from_document(json.loads(text)))
        plan = moved.safety_plans.latest()
        assert plan.coping == ["a walk"] and plan.reviewed_on is None
        assert plan.review_due(dt.date.today())  # a plan with no review date is due one
        again = json_format.to_document(bulk.load(moved))
    assert again["safety_plan"]["reviewed_on"] is None


def test_a_skipped_self_check_with_answers_is_refused_and_named(demo_document: dict):
    """Contracts review: a hand-written self-check with yes answers and ``"skipped":
    true`` was stored, and read as skipped everywhere (the yes to intent unseen)."""
    document = copy.deepcopy(demo_document)
    checkin = document["si_checkins"][0]
    checkin.update(answers={"wish_dead": True, "thoughts": True, "intent": True}, skipped=True)
    checkin.pop("level", None)
    with pytest.raises(
        ValidationError, match=r"si_checkins\[1\]: 'skipped' is true but 'wish_dead'"
    ):
        json_format.from_document(document)
    checkin.update(answers={"wish_dead": None}, skipped=True)  # unanswered: as the app saves
    assert json_format.from_document(document).checkins[0].skipped
