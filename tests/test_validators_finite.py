"""Bugs the fuzzing found (issue 12): validators that let a value through which the vault
or an export then cannot hold."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from moodlog.domain.errors import ValidationError
from moodlog.domain.treatments import Medication, MedicationEvent, Treatment
from moodlog.report import json_format


@pytest.mark.parametrize("dose", [math.inf, -math.inf, math.nan])
@pytest.mark.parametrize("kind", ["tms", "ect", "other", "ketamine_iv"])
def test_a_treatment_dose_must_be_finite(kind: str, dose: float):
    treatment = Treatment(dt.date(2026, 1, 5), dt.time(10), kind, dose_mg=dose)
    with pytest.raises(ValidationError):
        treatment.validate()


@pytest.mark.parametrize("dose", [math.inf, math.nan])
def test_a_medication_dose_must_be_finite(dose: float):
    medication = Medication(
        "Sertraline", events=[MedicationEvent(dt.date(2026, 1, 5), "start", dose)]
    )
    with pytest.raises(ValidationError):
        medication.validate()


def test_a_skipped_check_in_still_needs_valid_answers():
    document = {
        "format": "moodlog",
        "version": 1,
        "si_checkins": [
            {
                "date": "2026-01-05",
                "time": "09:00",
                "answers": {"intent": 5},
                "skipped": True,
                "level": "skipped",
            }
        ],
    }
    with pytest.raises(ValidationError) as info:
        json_format.from_document(document)
    assert str(info.value).startswith("si_checkins[1]: ")
    assert "intent" in str(info.value)
