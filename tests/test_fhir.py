"""FHIR R4 export: the bundle parses with fhir.resources, every reference resolves inside
it, and its PHQ-9 / GAD-7 totals are the vault's."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from fhir.resources.R4B.bundle import Bundle

from moodlog.domain.demo import build_demo
from moodlog.domain.period import Period
from moodlog.report import fhir
from moodlog.vault import bulk
from tests.conftest import PASSPHRASE, run_cli


def _references(node) -> list[str]:
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "reference" and isinstance(value, str):
                found.append(value)
            else:
                found.extend(_references(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_references(value))
    return found


def _of_type(bundle: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


@pytest.fixture(scope="module")
def contents():
    return build_demo(days=120)


def test_bundle_validates_and_references_resolve(contents):
    bundle = fhir.build_bundle(contents, include_checkins=True)
    parsed = Bundle.model_validate(bundle)
    assert parsed.type == "collection"
    for entry in parsed.entry:  # every resource parses as its own type
        assert entry.resource.__resource_type__ == entry.resource.get_resource_type()
    urls = {e["fullUrl"] for e in bundle["entry"]}
    references = _references(bundle)
    assert references and set(references) <= urls
    kinds = {e["resource"]["resourceType"] for e in bundle["entry"]}
    assert {
        "Patient",
        "CodeSystem",
        "QuestionnaireResponse",
        "Observation",
        "MedicationAdministration",
        "MedicationStatement",
    } <= kinds
    # Every moodlog code used is defined in the bundle's CodeSystem.
    (code_system,) = _of_type(bundle, "CodeSystem")
    defined = {c["code"] for c in code_system["concept"]}
    used = {
        coding["code"]
        for text in [json.dumps(bundle)]
        for coding in _codings(json.loads(text))
        if coding.get("system") == fhir.MOODLOG_CODES
    }
    assert used and used <= defined


def _codings(node) -> list[dict]:
    found = []
    if isinstance(node, dict):
        if "system" in node and "code" in node:
            found.append(node)
        for value in node.values():
            found.extend(_codings(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_codings(value))
    return found


def test_questionnaire_totals_equal_the_vaults(vault, contents):
    bulk.store(vault, contents)
    stored = bulk.load(vault)
    bundle = fhir.build_bundle(stored)
    for instrument, (code, _) in fhir.TOTALS.items():
        exported = sorted(
            (o["effectiveDateTime"][:16], o["valueInteger"])
            for o in _of_type(bundle, "Observation")
            if o["code"]["coding"][0]["code"] == code
        )
        expected = sorted(
            (
                dt.datetime.combine(r.day, r.time).astimezone().isoformat()[:16],
                r.total,
            )
            for r in vault.questionnaires.all(instrument)
            if r.total is not None
        )
        assert exported == expected and expected, instrument
    # Item answers carry the LOINC item and answer codes, and add up to the total.
    answer_score = {code: n for n, (code, _) in enumerate(fhir.ANSWER_CODES)}
    for response in _of_type(bundle, "QuestionnaireResponse"):
        assert response["questionnaire"] in fhir.QUESTIONNAIRE_URLS.values()
        # (the unscored difficulty answer, when given, is an item of its own, last)
        link_ids = [item["linkId"] for item in response["item"] if item["linkId"] != "difficulty"]
        assert tuple(link_ids) in fhir.ITEM_CODES.values()
    totals = {
        o["derivedFrom"][0]["reference"]: o["valueInteger"]
        for o in _of_type(bundle, "Observation")
        if "derivedFrom" in o
    }
    by_url = {e["fullUrl"]: e["resource"] for e in bundle["entry"]}
    for url, total in totals.items():
        items = [i for i in by_url[url]["item"] if i["linkId"] != "difficulty"]
        assert sum(answer_score[i["answer"][0]["valueCoding"]["code"]] for i in items) == total


def test_loinc_codes_are_the_documented_ones():
    assert fhir.PANELS["PHQ-9"][0] == "44249-1" and fhir.TOTALS["PHQ-9"][0] == "44261-6"
    assert fhir.PANELS["GAD-7"][0] == "69737-5" and fhir.TOTALS["GAD-7"][0] == "70274-6"
    from pathlib import Path

    doc = (Path(__file__).parents[1] / "docs" / "fhir.md").read_text(encoding="utf-8")
    for codes in fhir.ITEM_CODES.values():
        for code in codes:
            assert code in doc
    for code, _ in fhir.ANSWER_CODES:
        assert code in doc
    assert fhir.MOODLOG_CODES in doc
    for concept in fhir.code_system_concepts():
        assert f"`{concept['code']}`" in doc


def test_self_checks_only_when_ticked_in_and_no_journal_text(contents):
    without = fhir.build_bundle(contents)
    text = json.dumps(without)
    assert "valueBoolean" not in text  # no self-check answer at all
    assert not any(
        o["code"]["coding"][0].get("code") == "self-check" for o in _of_type(without, "Observation")
    )
    with_checkins = fhir.build_bundle(contents, include_checkins=True)
    checkins = [
        o
        for o in _of_type(with_checkins, "Observation")
        if o["code"]["coding"][0].get("code") == "self-check"
    ]
    assert len(checkins) == len(contents.checkins)
    notes = [e.note for e in contents.entries if len(e.note) > 20]
    assert notes and not any(note in text for note in notes)


def test_period_and_appointments(contents):
    last = max(e.day for e in contents.entries)
    period = Period(last - dt.timedelta(days=13), last)
    bundle = fhir.build_bundle(contents, period, now=dt.datetime.combine(last, dt.time(23, 59)))
    moods = [o for o in _of_type(bundle, "Observation") if o["code"]["coding"][0]["code"] == "mood"]
    assert len(moods) == sum(1 for e in contents.entries if period.contains(e.day))
    sessions = _of_type(bundle, "MedicationAdministration") + _of_type(bundle, "Procedure")
    expected = [
        t
        for t in contents.treatments
        if period.contains(t.day)
        and not t.is_appointment(dt.datetime.combine(last, dt.time(23, 59)))
    ]
    assert len(sessions) == len(expected)
    for administration in _of_type(bundle, "MedicationAdministration"):
        dose = administration["dosage"].get("dose")
        assert dose is None or dose["unit"] == "mg"


def test_cli_export_fhir(tmp_path):
    data = tmp_path / "vault"
    stdin = PASSPHRASE + "\n"
    run_cli(["--data-dir", str(data), "demo", "--years", "0.1", "--passphrase-stdin"], stdin)
    out = tmp_path / "bundle.json"
    result = run_cli(
        ["--data-dir", str(data), "export", "fhir", "--out", str(out), "--passphrase-stdin"],
        stdin,
    )
    assert result.returncode == 0, result.stderr
    assert "not encrypted" in result.stderr
    assert out.stat().st_mode & 0o777 == 0o600
    Bundle.model_validate(json.loads(out.read_text(encoding="utf-8")))


def _statement(medication, now: dt.datetime) -> dict:
    from moodlog.domain.contents import VaultContents

    bundle = fhir.build_bundle(VaultContents(medications=[medication]), now=now)
    Bundle.model_validate(bundle)
    (statement,) = _of_type(bundle, "MedicationStatement")
    return statement


def test_medication_dosage_is_the_current_dose_as_in_the_pdf():
    """Review finding: after a change saved without a dose, the dosage stated the last
    dose ever recorded ("50 mg once daily") where the PDF says "dose not recorded"."""
    from moodlog.domain.period import medications_on
    from moodlog.domain.treatments import Medication, MedicationEvent

    now = dt.datetime(2026, 11, 30, 12, 0)
    events = [
        MedicationEvent(dt.date(2026, 8, 1), "start", 50, "once daily"),
        MedicationEvent(dt.date(2026, 11, 20), "change", None, ""),
    ]
    med = Medication("Sertraline", "mg", list(events))
    statement = _statement(med, now)
    assert statement["status"] == "active"
    assert statement["dosage"] == [{"text": "(dose not recorded) once daily"}]
    assert medications_on([med], now.date())[0].startswith(
        "Sertraline " + statement["dosage"][0]["text"]
    )
    # Before the change (as of a day between), the dose it was taken at, with a quantity.
    before = _statement(med, dt.datetime(2026, 10, 1, 12, 0))
    assert before["dosage"][0]["text"] == "50 mg once daily"
    assert before["dosage"][0]["doseAndRate"][0]["doseQuantity"]["value"] == 50
    # A later change with a dose and no frequency keeps the frequency given before.
    med.events.append(MedicationEvent(dt.date(2026, 11, 25), "change", 100, ""))
    assert _statement(med, now)["dosage"][0]["text"] == "100 mg once daily"
    # Stopped: the dose in effect until the stop (a stop records no dose).
    med.events.append(MedicationEvent(dt.date(2026, 11, 28), "stop"))
    stopped = _statement(med, now)
    assert stopped["status"] == "completed"
    assert stopped["effectivePeriod"] == {"start": "2026-08-01", "end": "2026-11-28"}
    assert stopped["dosage"][0]["text"] == "100 mg once daily"
    assert stopped["dosage"][0]["doseAndRate"][0]["doseQuantity"]["value"] == 100
    # Stopped right after a change saved without a dose: not the dose before it.
    quiet = Medication("Lithium", "mg", [*events, MedicationEvent(dt.date(2026, 11, 22), "stop")])
    assert _statement(quiet, now)["dosage"] == [{"text": "(dose not recorded) once daily"}]


def test_a_form_with_an_unanswered_item_is_stopped_with_no_total_and_labelled():
    """Review finding: a PHQ-9 with 8 of 9 items answered (never scored) was exported
    as "completed". It is "stopped" (partially filled out; FHIR R4), with no total
    Observation; every response and total says it is self-report screening."""
    from moodlog.domain.contents import VaultContents
    from moodlog.domain.questionnaires import SCREENING_LABEL, QuestionnaireResult

    day = dt.date(2026, 11, 2)
    partial = QuestionnaireResult(day, dt.time(9), "PHQ-9", [1] * 8 + [None])
    whole = QuestionnaireResult(day, dt.time(10), "PHQ-9", [1] * 9)
    no_first = QuestionnaireResult(day, dt.time(11), "GAD-7", [None] + [2] * 6)
    bundle = fhir.build_bundle(
        VaultContents(questionnaires=[partial, whole, no_first]),
        now=dt.datetime(2026, 11, 3, 12, 0),
    )
    Bundle.model_validate(bundle)
    responses = _of_type(bundle, "QuestionnaireResponse")
    assert [r["status"] for r in responses] == ["stopped", "completed", "stopped"]
    # fhir.resources does not check a code against its value set: the R4 codes.
    r4_codes = {"in-progress", "completed", "amended", "entered-in-error", "stopped"}
    assert {r["status"] for r in responses} <= r4_codes
    assert [sum("answer" in i for i in r["item"]) for r in responses] == [8, 9, 6]
    totals = [o for o in _of_type(bundle, "Observation") if "derivedFrom" in o]
    by_url = {e["resource"]["id"]: e["fullUrl"] for e in bundle["entry"]}
    assert [(o["valueInteger"], o["derivedFrom"][0]["reference"]) for o in totals] == [
        (9, by_url[responses[1]["id"]])
    ]
    assert SCREENING_LABEL == "Self-report screening, not a diagnosis."
    for response in responses:
        assert SCREENING_LABEL in response["text"]["div"]
        assert ("not scored" in response["text"]["div"]) == (response["status"] == "stopped")
    assert totals[0]["note"] == [{"text": SCREENING_LABEL}]


def test_the_difficulty_answer_is_exported_in_its_own_words():
    """Clinician review: the PHQ-9/GAD-7 functional-difficulty answer was kept but in
    neither the PDF nor FHIR. It is an item of its own (plain link id, the form's
    words, no LOINC code claimed: docs/fhir.md); none when not answered."""
    from moodlog.domain.contents import VaultContents
    from moodlog.domain.questionnaires import DIFFICULTY_QUESTIONS, QuestionnaireResult

    day = dt.date(2026, 11, 2)
    answered = QuestionnaireResult(day, dt.time(9), "PHQ-9", [1] * 9, difficulty=2)
    gad = QuestionnaireResult(day, dt.time(10), "GAD-7", [1] * 7, difficulty=3)
    silent = QuestionnaireResult(day, dt.time(11), "PHQ-9", [0] * 9)
    bundle = fhir.build_bundle(
        VaultContents(questionnaires=[answered, gad, silent]), now=dt.datetime(2026, 11, 3, 12)
    )
    Bundle.model_validate(bundle)
    items = [
        [i for i in r["item"] if i["linkId"] == "difficulty"]
        for r in _of_type(bundle, "QuestionnaireResponse")
    ]
    assert [[i["answer"][0]["valueString"] for i in found] for found in items] == [
        ["Very difficult"],
        ["Extremely difficult"],
        [],
    ]
    assert items[0][0]["text"] == DIFFICULTY_QUESTIONS["PHQ-9"]
    assert items[1][0]["text"] == DIFFICULTY_QUESTIONS["GAD-7"]


def test_a_stop_dated_ahead_is_not_a_stop_yet():
    """Clinician review (r10): a stop dated 14 days ahead made the statement
    "completed" while the PDF said the medication was still taken."""
    from moodlog.domain.period import medications_on
    from moodlog.domain.treatments import Medication, MedicationEvent

    now = dt.datetime(2026, 11, 30, 12, 0)
    med = Medication(
        "Sertraline",
        "mg",
        [
            MedicationEvent(dt.date(2026, 10, 1), "start", 100, "once daily"),
            MedicationEvent(dt.date(2026, 12, 14), "stop"),
        ],
    )
    statement = _statement(med, now)
    assert statement["status"] == "active"
    assert statement["effectivePeriod"] == {"start": "2026-10-01", "end": "2026-12-14"}
    assert statement["dosage"][0]["text"] == "100 mg once daily"
    assert medications_on([med], now.date())[0].startswith("Sertraline 100 mg once daily")
    later = Medication("Lithium", "mg", [MedicationEvent(dt.date(2026, 12, 5), "start", 300)])
    assert _statement(later, now)["status"] == "intended"


def test_a_stop_with_a_restart_ahead_is_stopped_now():
    """Final diff review: start 1 Jan, stop 1 Oct, start again 14 Dec, today 30 Nov:
    it read "active" with "(dose not recorded)" while the PDF said not taking."""
    from moodlog.domain.period import medications_on
    from moodlog.domain.treatments import Medication, MedicationEvent

    now = dt.datetime(2026, 11, 30, 12, 0)
    med = Medication(
        "Sertraline",
        "mg",
        [
            MedicationEvent(dt.date(2026, 1, 1), "start", 50, "once daily"),
            MedicationEvent(dt.date(2026, 10, 1), "stop"),
            MedicationEvent(dt.date(2026, 12, 14), "start", 50, "once daily"),
        ],
    )
    statement = _statement(med, now)
    assert statement["status"] == "completed"
    assert statement["effectivePeriod"] == {"start": "2026-01-01", "end": "2026-10-01"}
    assert statement["dosage"][0]["text"] == "50 mg once daily"  # until the stop
    assert medications_on([med], now.date()) == []


@pytest.mark.parametrize(
    ("zone", "day", "clock", "expected"),
    [
        ("Europe/Berlin", dt.date(2026, 3, 29), dt.time(2, 30), "2026-03-29T02:30:00+01:00"),
        ("America/Santiago", dt.date(2026, 9, 6), dt.time(0, 30), "2026-09-06T00:30:00-04:00"),
        ("Europe/Berlin", dt.date(2026, 7, 1), dt.time(9, 15), "2026-07-01T09:15:00+02:00"),
        ("Europe/Berlin", dt.date(2026, 1, 5), None, "2026-01-05"),
        # local mean time (time review: "+01:19:32" is no FHIR dateTime)
        ("Europe/Amsterdam", dt.date(1930, 6, 1), dt.time(12), "1930-06-01T12:00:00+01:20"),
    ],
)
def test_times_the_clocks_skipped_keep_their_date_and_time(zone, day, clock, expected):
    """Review finding: 02:30 on Berlin's spring-forward day was exported as 01:30, and
    00:30 where the change happens at midnight (Santiago) as 23:30 the day before;
    docs/fhir.md promises the local times the person recorded."""
    import os
    import time

    before = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        assert fhir._when(day, clock) == expected  # noqa: SLF001
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


def test_a_periods_medications_are_as_of_its_last_day_as_in_its_pdf():
    """Figures review: October's bundle stated Sertraline at 100 mg (a change of 15
    November) and Lithium "completed" (stopped 10 November) while October's PDF read
    50 mg and still taking."""
    from moodlog.domain.contents import VaultContents
    from moodlog.domain.period import medications_on
    from moodlog.domain.treatments import Medication, MedicationEvent

    now = dt.datetime(2026, 11, 30, 12, 0)
    sertraline = Medication(
        "Sertraline",
        "mg",
        [
            MedicationEvent(dt.date(2026, 9, 1), "start", 50, "once daily"),
            MedicationEvent(dt.date(2026, 11, 15), "change", 100, ""),
        ],
    )
    lithium = Medication(
        "Lithium",
        "mg",
        [
            MedicationEvent(dt.date(2026, 9, 1), "start", 400, "twice daily"),
            MedicationEvent(dt.date(2026, 11, 10), "stop"),
        ],
    )
    contents = VaultContents()
    contents.medications = [sertraline, lithium]
    october = Period(dt.date(2026, 10, 1), dt.date(2026, 10, 30))
    statements = {
        s["medicationCodeableConcept"]["text"]: s
        for s in _of_type(fhir.build_bundle(contents, october, now=now), "MedicationStatement")
    }
    assert statements["Sertraline"]["status"] == "active"
    assert statements["Sertraline"]["dosage"][0]["text"] == "50 mg once daily"
    assert statements["Lithium"]["status"] == "active"
    assert statements["Lithium"]["dosage"][0]["text"] == "400 mg twice daily"
    assert statements["Lithium"]["dateAsserted"].startswith("2026-10-30")
    pdf_lines = medications_on(contents.medications, october.last)
    assert any(line.startswith("Sertraline 50 mg once daily") for line in pdf_lines)
    assert any(line.startswith("Lithium 400 mg twice daily") for line in pdf_lines)
    # The whole record (no period): as of today.
    whole = {
        s["medicationCodeableConcept"]["text"]: s
        for s in _of_type(fhir.build_bundle(contents, now=now), "MedicationStatement")
    }
    assert whole["Sertraline"]["dosage"][0]["text"] == "100 mg once daily"
    assert whole["Lithium"]["status"] == "completed"


def test_a_self_check_level_claims_no_yes_it_never_had():
    """Figures review: a yes to wishing to be dead, no to thoughts of suicide and the
    follow-up unanswered was "yes to thoughts of suicide, follow-up not answered" in the
    bundle, beside its own component thoughts = false (the PDF's label is right)."""
    from moodlog.domain.contents import VaultContents
    from moodlog.domain.safety import SICheckin

    checkin = SICheckin(
        day=dt.date(2026, 11, 2),
        time=dt.time(21),
        answers={"wish_dead": True, "thoughts": False, "behavior": None},
    )
    assert checkin.level == "incomplete"
    contents = VaultContents()
    contents.checkins = [checkin]
    bundle = fhir.build_bundle(contents, include_checkins=True, now=dt.datetime(2026, 11, 30))
    observations = _of_type(bundle, "Observation")
    level = observations[0]["valueCodeableConcept"]
    everything = json.dumps(bundle)
    assert "yes to thoughts of suicide, follow-up not answered" not in everything
    assert level["text"] == f"Self-check level: {checkin.label}"
    assert "wishing to be dead" in level["text"]
    assert "wishing to be dead" in level["coding"][0]["display"]
    Bundle.model_validate(bundle)


def test_two_results_saved_at_the_same_minute_are_two_resources(vault):
    """Property-test finding (tests/fuzz/test_fuzz_histories.py): a PHQ-9 saved twice at
    the same minute with the same answers (a double click: two rows of the journal) gave
    two QuestionnaireResponses, and two total Observations, with one id and one fullUrl,
    which a FHIR bundle must not have (bdl-7): a server keeps one, and the total's
    derivedFrom could name either."""
    from moodlog.domain.questionnaires import QuestionnaireResult

    day = dt.date(2026, 6, 1)
    for _ in range(2):
        vault.questionnaires.add(QuestionnaireResult(day, dt.time(9, 0), "PHQ-9", [1] * 9))
    bundle = fhir.build_bundle(bulk.load(vault), now=dt.datetime(2026, 6, 2, 12))
    urls = [entry["fullUrl"] for entry in bundle["entry"]]
    assert len(urls) == len(set(urls))
    assert len(_of_type(bundle, "QuestionnaireResponse")) == 2
    totals = _of_type(bundle, "Observation")
    assert len({t["derivedFrom"][0]["reference"] for t in totals}) == 2
