"""A FHIR R4 export for the clinic: one ``Bundle`` (type ``collection``).

What it holds (codes and their sources are in ``docs/fhir.md``):

- a ``Patient`` with no identifying details (the clinic links the bundle to its own
  record), which every other resource refers to;
- a ``CodeSystem`` defining moodlog's own codes (daily mood and the other 0-10 ratings,
  the self-check), so the bundle explains itself;
- per PHQ-9 / GAD-7: a ``QuestionnaireResponse`` with LOINC item and answer codes, its
  ``text`` saying "Self-report screening, not a diagnosis." (the app's wording), status
  ``completed``, or ``stopped`` when an item was not answered; and, only when every item
  was answered, an ``Observation`` of the total (LOINC 44261-6 / 70274-6, category
  ``survey``, the same label as its ``note``) derived from it;
- per check-in: an ``Observation`` of the mood (0-10), with anxiety, energy,
  irritability, sleep quality and hours slept as components when recorded;
- per past treatment session: a ``MedicationAdministration`` for ketamine and
  esketamine (dose in mg), a ``Procedure`` for TMS, ECT and others;
- per medication: a ``MedicationStatement``, its ``dosage`` the dose and frequency in
  effect today or at its stop (:func:`treatments.regimen`, as in the PDF);
- self-check answers only when ``include_checkins`` is set.

Journal notes, tags, therapy notes and the safety plan are never part of it. Times are
local times with the computer's UTC offset, as FHIR requires.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

from moodlog import __version__
from moodlog.domain import safety
from moodlog.domain.contents import VaultContents
from moodlog.domain.period import DOSE_NOT_RECORDED, Period  # (English: the bundle is)
from moodlog.domain.questionnaires import (
    DIFFICULTY_OPTIONS,
    DIFFICULTY_QUESTIONS,
    GAD7,
    ITEMS,
    PHQ9,
    SCREENING_LABEL,
    QuestionnaireResult,
)
from moodlog.domain.safety import QUESTIONS, SI_KEYS, SICheckin
from moodlog.domain.treatments import KINDS, Medication, Treatment, regimen
from moodlog.paths import export_target

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
# moodlog's own CodeSystem. moodlog has no web address of its own, so its canonical URL
# is a fixed UUID URN (allowed for canonical URLs by FHIR R4).
MOODLOG_CODES = "urn:uuid:6f1c0d3e-9a53-4f7e-8d2b-4d6f0b8e7a21"
_NAMESPACE = uuid.UUID("0b8f2f55-0f6c-4a3e-a6b2-1d7c5e9f3a10")

PANELS = {
    PHQ9: ("44249-1", "PHQ-9 quick depression assessment panel"),
    GAD7: ("69737-5", "Generalized anxiety disorder 7 item (GAD-7)"),
}
TOTALS = {
    PHQ9: ("44261-6", "Patient health questionnaire 9 item total score"),
    GAD7: ("70274-6", "Generalized anxiety disorder 7 item (GAD-7) total score"),
}
ITEM_CODES = {
    PHQ9: (
        "44250-9",
        "44255-8",
        "44259-0",
        "44254-1",
        "44251-7",
        "44258-2",
        "44252-5",
        "44253-3",
        "44260-8",
    ),
    GAD7: ("69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"),
}
ANSWER_CODES = (
    ("LA6568-5", "Not at all"),
    ("LA6569-3", "Several days"),
    ("LA6570-1", "More than half the days"),
    ("LA6571-9", "Nearly every day"),
)
QUESTIONNAIRE_URLS = {PHQ9: f"{LOINC}/q/44249-1", GAD7: f"{LOINC}/q/69737-5"}
# The unscored functional-difficulty answer: an item of its own, with a plain link id
# and the form's words as the answer (docs/fhir.md: its LOINC codes could not be
# confirmed consistently, so none is claimed).
DIFFICULTY_LINK_ID = "difficulty"

RATINGS = {  # moodlog code -> (display, Entry attribute)
    "mood": ("Mood self-rating, 0 = worst possible, 10 = best possible", "mood"),
    "anxiety": ("Anxiety self-rating, 0 = none, 10 = extreme", "anxiety"),
    "energy": ("Energy self-rating, 0 = none, 10 = full", "energy"),
    "irritability": ("Irritability self-rating, 0 = none, 10 = extreme", "irritability"),
    "sleep-quality": ("Sleep quality self-rating, 0 = very poor, 10 = excellent", "sleep_quality"),
    "sleep-hours": ("Hours slept (self-reported)", "sleep_hours"),
}
SELF_CHECK_CODE = ("self-check", "Self-check about thoughts of death or suicide (moodlog)")
XHTML = "http://www.w3.org/1999/xhtml"
NOT_SCORED = "An item was not answered: not scored (status stopped, no total)."
ROUTES = {
    "ketamine_iv": "Intravenous",
    "ketamine_im": "Intramuscular",
    "esketamine_nasal": "Nasal",
    "ketamine_oral": "Oral or sublingual",
    "kap": "As given in the session",
}


def _id(*parts: object) -> str:
    return str(uuid.uuid5(_NAMESPACE, "/".join(str(p) for p in parts)))


def _when(day: dt.date, time: dt.time | None = None) -> str:
    """The local date and time as recorded, with this computer's UTC offset then. A time
    the clocks skipped (02:30 on a spring-forward day; 00:30 where it happens at
    midnight) keeps its date and clock time: ``astimezone`` alone moved it an hour,
    to the day before at midnight (review finding)."""
    if time is None:
        return day.isoformat()
    recorded = dt.datetime.combine(day, time)
    offset = recorded.astimezone().utcoffset() or dt.timedelta()
    # In whole minutes: FHIR's dateTime has no seconds in its offset, which a zone's old
    # local mean time has (Amsterdam in 1930: +01:19:32; time review).
    minutes = dt.timedelta(minutes=round(offset.total_seconds() / 60))
    moment = recorded.replace(tzinfo=dt.timezone(minutes))
    return moment.isoformat(timespec="seconds")


def _coding(system: str, code: str, display: str) -> dict:
    return {"system": system, "code": code, "display": display}


def _moodlog(code: str) -> dict:
    return {"coding": [_coding(MOODLOG_CODES, code, code_display(code))]}


def code_display(code: str) -> str:
    for concept in code_system_concepts():
        if concept["code"] == code:
            return concept["display"]
    raise KeyError(code)


def code_system_concepts() -> list[dict]:
    concepts = [{"code": code, "display": display} for code, (display, _) in RATINGS.items()]
    concepts.append({"code": SELF_CHECK_CODE[0], "display": SELF_CHECK_CODE[1]})
    concepts += [{"code": f"self-check-{key}", "display": QUESTIONS[key]} for key in SI_KEYS]
    # The key's wording (as the PDF's): "incomplete" is also a yes to wishing to be
    # dead with no yes to thoughts of suicide, which LEVEL_LABELS's wording would claim
    # (figures review); each check-in's own label is its concept's text (_checkin).
    labels = safety.LEVEL_KEY
    concepts += [
        {
            "code": f"self-check-level-{level}",
            "display": f"Self-check level: {labels.get(level, level)}",
        }
        for level in safety.LEVELS
    ]
    return concepts


class _Bundle:
    def __init__(self) -> None:
        self.entries: list[dict] = []

    def add(self, resource: dict, key: str) -> str:
        resource_id = _id(resource["resourceType"], key)
        resource["id"] = resource_id
        url = f"urn:uuid:{resource_id}"
        self.entries.append({"fullUrl": url, "resource": resource})
        return url


def _questionnaire(result: QuestionnaireResult, subject: dict) -> dict:
    items = []
    for code, text, answer in zip(
        ITEM_CODES[result.instrument], ITEMS[result.instrument], result.answers, strict=True
    ):
        item: dict[str, Any] = {"linkId": code, "text": text}
        if answer is not None:
            item["answer"] = [{"valueCoding": _coding(LOINC, *ANSWER_CODES[answer])}]
        items.append(item)
    if result.difficulty is not None:  # (clinician review: kept, exported nowhere)
        items.append(
            {
                "linkId": DIFFICULTY_LINK_ID,
                "text": DIFFICULTY_QUESTIONS[result.instrument],
                "answer": [{"valueString": DIFFICULTY_OPTIONS[result.difficulty]}],
            }
        )
    summary = f"{result.instrument}. {SCREENING_LABEL}"
    if not result.scored:
        summary += " " + NOT_SCORED
    return {
        "resourceType": "QuestionnaireResponse",
        "text": {"status": "additional", "div": f'<div xmlns="{XHTML}"><p>{summary}</p></div>'},
        "questionnaire": QUESTIONNAIRE_URLS[result.instrument],
        # A form with an unanswered item is "stopped" (FHIR R4: partially filled out and
        # abandoned, further additions unknown), not "completed" (review finding): it
        # was saved as it is and is never scored. "in-progress" would say more answers
        # are expected, which moodlog does not know.
        "status": "completed" if result.scored else "stopped",
        "subject": subject,
        "authored": _when(result.day, result.time),
        "item": items,
    }


def _total(result: QuestionnaireResult, subject: dict, response_url: str) -> dict:
    code, display = TOTALS[result.instrument]
    return {
        "resourceType": "Observation",
        "status": "final",
        "category": [{"coding": [_coding(OBSERVATION_CATEGORY, "survey", "Survey")]}],
        "code": {"coding": [_coding(LOINC, code, display)], "text": f"{result.instrument} total"},
        "subject": subject,
        "effectiveDateTime": _when(result.day, result.time),
        "valueInteger": result.total,
        "interpretation": [{"text": f"{result.band} (published {result.instrument} band)"}],
        "note": [{"text": SCREENING_LABEL}],
        "derivedFrom": [{"reference": response_url}],
    }


def _survey(subject: dict, when: str, code: str) -> dict:
    return {
        "resourceType": "Observation",
        "status": "final",
        "category": [{"coding": [_coding(OBSERVATION_CATEGORY, "survey", "Survey")]}],
        "code": _moodlog(code),
        "subject": subject,
        "effectiveDateTime": when,
    }


def _mood(entry: Any, subject: dict) -> dict:
    observation = _survey(subject, _when(entry.day, entry.time), "mood")
    observation["valueInteger"] = entry.mood
    components = []
    for code, (_, attribute) in RATINGS.items():
        value = getattr(entry, attribute)
        if code == "mood" or value is None:
            continue
        component: dict[str, Any] = {"code": _moodlog(code)}
        if code == "sleep-hours":
            component["valueQuantity"] = {"value": value, "unit": "h", "system": UCUM, "code": "h"}
        else:
            component["valueInteger"] = value
        components.append(component)
    if components:
        observation["component"] = components
    return observation


def _checkin(checkin: SICheckin, subject: dict) -> dict:
    observation = _survey(subject, _when(checkin.day, checkin.time), "self-check")
    level = _moodlog(f"self-check-level-{checkin.level}")
    level["text"] = f"Self-check level: {checkin.label}"
    observation["valueCodeableConcept"] = level
    components = [
        {"code": _moodlog(f"self-check-{key}"), "valueBoolean": checkin.answers[key]}
        for key in SI_KEYS
        if checkin.answers.get(key) is not None and not checkin.skipped
    ]
    if components:
        observation["component"] = components
    return observation


def _session(treatment: Treatment, subject: dict) -> dict:
    when = _when(treatment.day, treatment.time)
    name = (
        treatment.kind_other
        if treatment.kind == "other" and treatment.kind_other
        else KINDS[treatment.kind].label
    )
    if treatment.kind_info.ketamine:
        drug = "Esketamine" if treatment.kind == "esketamine_nasal" else "Ketamine"
        dosage: dict[str, Any] = {"route": {"text": ROUTES[treatment.kind]}, "text": name}
        if treatment.dose_mg is not None:
            dosage["dose"] = {
                "value": treatment.dose_mg,
                "unit": "mg",
                "system": UCUM,
                "code": "mg",
            }
        return {
            "resourceType": "MedicationAdministration",
            "status": "completed",
            "medicationCodeableConcept": {"text": drug},
            "subject": subject,
            "effectiveDateTime": when,
            "dosage": dosage,
        }
    return {
        "resourceType": "Procedure",
        "status": "completed",
        "code": {"text": name},
        "subject": subject,
        "performedDateTime": when,
    }


def _medication(medication: Medication, subject: dict, today: dt.date) -> dict | None:
    """The statement as of ``today`` (the exported period's last day, if earlier)."""
    events = sorted(medication.events, key=lambda e: e.day)
    if not events:
        return None
    # Only what has happened by today decides (clinician review: a stop dated ahead was
    # "completed" here while the PDF said still taking): a stop ahead is the period's
    # planned end, a start ahead is "intended".
    happened = [e for e in events if e.day <= today]
    stopped = bool(happened) and happened[-1].event == "stop"  # (a restart ahead too:
    # final diff review, it read "active" while the PDF said not taking)
    period: dict[str, str] = {"start": events[0].day.isoformat()}
    if stopped:
        period["end"] = happened[-1].day.isoformat()
    elif events[-1].event == "stop":
        period["end"] = events[-1].day.isoformat()  # the planned end
    status = "completed" if stopped else "active"
    if not happened:
        status = "intended"
    statement: dict[str, Any] = {
        "resourceType": "MedicationStatement",
        "status": status,
        "medicationCodeableConcept": {"text": medication.name},
        "subject": subject,
        "effectivePeriod": period,
        "dateAsserted": _when(today, dt.time(0, 0)),
    }
    # The dose and frequency in effect at the end of the statement's period (today, or
    # just before the stop), by the one rule of the PDF's medications line
    # (treatments.regimen): a change saved without a dose is "dose not recorded", never
    # the dose it replaced (review finding: the last dose ever recorded was stated).
    taken = happened[:-1] if stopped else happened
    if taken:
        dose, frequency = regimen(taken)
        amount = f"{dose:g} {medication.unit}" if dose is not None else DOSE_NOT_RECORDED
        statement["dosage"] = [{"text": f"{amount} {frequency}".strip()}]
        if dose is not None and medication.unit == "mg":
            statement["dosage"][0]["doseAndRate"] = [
                {"doseQuantity": {"value": dose, "unit": "mg", "system": UCUM, "code": "mg"}}
            ]
    return statement


def build_bundle(
    contents: VaultContents,
    period: Period | None = None,
    include_checkins: bool = False,
    now: dt.datetime | None = None,
) -> dict:
    """The bundle as a JSON-ready dict."""
    now = now or dt.datetime.now()

    def inside(day: dt.date) -> bool:
        return period is None or period.contains(day)

    bundle = _Bundle()
    patient_url = bundle.add({"resourceType": "Patient", "active": True}, "patient")
    subject = {"reference": patient_url}
    bundle.add(
        {
            "resourceType": "CodeSystem",
            "url": MOODLOG_CODES,
            "name": "MoodlogObservationCodes",
            "title": "moodlog self-report codes",
            "status": "active",
            "content": "complete",
            "caseSensitive": True,
            "concept": code_system_concepts(),
        },
        "codesystem",
    )
    for result in contents.questionnaires:
        if not inside(result.day):
            continue
        # With its id, as every other record's: two results saved at one minute with the
        # same answers (a double click) were one resource id and fullUrl twice (bdl-7).
        key = f"{result.instrument}/{result.day}/{result.time}/{result.answers}/{result.id}"
        response_url = bundle.add(_questionnaire(result, subject), key)
        if result.scored:  # an unanswered item: no total, no total Observation
            bundle.add(_total(result, subject, response_url), "total/" + key)
    for entry in contents.entries:
        if inside(entry.day):
            key = f"mood/{entry.day}/{entry.time}/{entry.id}/{entry.mood}"
            bundle.add(_mood(entry, subject), key)
    if include_checkins:
        for checkin in contents.checkins:
            if inside(checkin.day):
                key = f"checkin/{checkin.day}/{checkin.time}/{checkin.id}"
                bundle.add(_checkin(checkin, subject), key)
    for treatment in contents.treatments:
        if inside(treatment.day) and not treatment.is_appointment(now):
            key = f"session/{treatment.day}/{treatment.time}/{treatment.id}"
            bundle.add(_session(treatment, subject), key)
    # Medications as of the period's last day (today without a period), as the PDF's
    # medications line of the same period (figures review: October's bundle gave the
    # dose and status of today, after a later change and stop)
    as_of = now.date() if period is None else min(period.last, now.date())
    for medication in contents.medications:
        days = [e.day for e in medication.events]
        if period is not None and days and min(days) > period.last:
            continue
        statement = _medication(medication, subject, as_of)
        if statement is not None:
            bundle.add(statement, f"medication/{medication.id}/{medication.name}")
    return {
        "resourceType": "Bundle",
        "id": str(uuid.uuid4()),
        "meta": {"tag": [{"display": f"Exported by moodlog {__version__}"}]},
        "type": "collection",
        "timestamp": now.astimezone().isoformat(timespec="seconds"),
        "entry": bundle.entries,
    }


def dumps(bundle: dict) -> str:
    return json.dumps(bundle, ensure_ascii=False, indent=1) + "\n"


def export_fhir(
    contents: VaultContents,
    path: Path,
    period: Period | None = None,
    include_checkins: bool = False,
    now: dt.datetime | None = None,
) -> dict:
    """Write the bundle to ``path`` atomically (private temp file, then rename)."""
    bundle = build_bundle(contents, period, include_checkins, now)
    with export_target(Path(path)) as temp, open(temp, "w", encoding="utf-8") as handle:
        handle.write(dumps(bundle))
    return bundle
