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
