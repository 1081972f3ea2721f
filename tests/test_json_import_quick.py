"""The quick reading of the JSON import (issue 14 section 5): records that hold exactly
what is expected are read without the field-by-field reader. It must accept only what
the field-by-field reading accepts, build the very same objects, and leave every
refusal (and its message) to the field-by-field reading."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import json
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moodlog.domain.demo import build_demo
from moodlog.domain.errors import ValidationError
from moodlog.report import json_format

TODAY = dt.date.today()
DOCUMENT = json.loads(
    json_format.dumps(build_demo(days=30, end=TODAY - dt.timedelta(days=1), seed=5))
)
QUICK = ("_quick_entry", "_quick_questionnaire", "_quick_checkin")
KINDS = ("entries", "questionnaires", "si_checkins")


@contextlib.contextmanager
def field_by_field() -> Iterator[None]:
    """Every record read by the field-by-field reader (the quick reading switched off)."""
    saved = {name: getattr(json_format, name) for name in QUICK}
    try:
        for name in QUICK:
            setattr(json_format, name, lambda *args: None)
        yield
    finally:
        for name, function in saved.items():
            setattr(json_format, name, function)


def outcome(document: dict) -> tuple[str, str]:
    """("accepted", the contents' repr: ``True`` and ``1`` differ there) or
    ("refused", the message)."""
    try:
        return "accepted", repr(json_format.from_document(document))
    except ValidationError as error:
        return "refused", str(error)


def both_ways(document: dict) -> tuple[tuple[str, str], tuple[str, str]]:
    quick = outcome(copy.deepcopy(document))
    with field_by_field():
        slow = outcome(copy.deepcopy(document))
    return quick, slow


def test_a_real_export_is_read_quickly_record_by_record():
    """Every entry, questionnaire and self-check of a moodlog export takes the quick
    reading (else it would be no quicker), with the same result as field by field."""
    verdicts: dict = {}
    assert all(json_format._quick_entry(r) is not None for r in DOCUMENT["entries"])
    assert all(json_format._quick_questionnaire(r) is not None for r in DOCUMENT["questionnaires"])
    assert all(json_format._quick_checkin(r, verdicts) is not None for r in DOCUMENT["si_checkins"])
    quick, slow = both_ways(DOCUMENT)
    assert quick[0] == "accepted" and quick == slow


@pytest.mark.parametrize(
    ("kind", "field", "value", "message"),
    [
        ("entries", "mood", True, r"entries\[2\].*wrong type"),
        ("entries", "mood", 11, r"entries\[2\].*Mood must be a whole number from 0 to 10"),
        ("entries", "sleep_hours", 7.3, r"entries\[2\].*quarter hours"),
        ("entries", "tags", ["ok", " "], r"entries\[2\]\.tags\[2\]"),
        ("entries", "recorded_at", "2026-01-01T10:00:00Z", r"entries\[2\].*time zone"),
        ("entries", "recorded_at", "2099-01-01T10:00:00", r"entries\[2\].*'recorded_at'"),
        ("entries", "recorded_at", "2026-02-30T10:00:00", r"entries\[2\].*'recorded_at'"),
        ("entries", "date", "2026-02-30", r"entries\[2\].*'date'"),
        ("questionnaires", "total", 99, r"questionnaires\[2\].*'total' is 99"),
        ("questionnaires", "band", "mild-ish", r"questionnaires\[2\].*'band'"),
        ("questionnaires", "baseline", 1, r"questionnaires\[2\].*'baseline'"),
        ("si_checkins", "level", "none-ish", r"si_checkins\[2\].*'level'"),
        ("si_checkins", "skipped", 0, r"si_checkins\[2\].*'skipped'"),
    ],
)
def test_a_record_the_quick_reading_leaves_is_refused_by_name(
    kind: str, field: str, value: object, message: str
):
    document = copy.deepcopy(DOCUMENT)
    document[kind][1][field] = value
    quick, slow = both_ways(document)
    assert quick == slow and quick[0] == "refused"
    with pytest.raises(ValidationError, match=message):
        json_format.from_document(document)


def test_an_answer_of_0_after_an_answer_of_false_is_refused_on_the_quick_path():
    """The quick reading's own verdicts hold only true/false/null answer sets: 0 and
    false hash alike, and 0 must still be refused after a false was judged."""
    document = copy.deepcopy(DOCUMENT)
    first = document["si_checkins"][0]
    assert first["answers"]["wish_dead"] is False
    second = copy.deepcopy(first)
    second["answers"]["wish_dead"] = 0
    document["si_checkins"].append(second)
    quick, slow = both_ways(document)
    assert quick == slow and quick[0] == "refused" and "wish_dead" in quick[1]


# -- the two readings agree on mutated records ------------------------------------------

edge_values = st.sampled_from(
    [
        None,
        True,
        False,
        0,
        1,
        -1,
        3,
        4,
        10,
        11,
        0.0,
        7.25,
        7.3,
        24.0,
        24.25,
        1e308,
        10**20,
        "",
        " ",
        "x" * 61,
        "none",
        "low",
        "moderate",
        "incomplete",
        "high",
        "skipped",
        "mild",
        "PHQ-9",
        "GAD-7",
        "2026-01-01",
        "1899-12-31",
        "9999-12-31",
        "2026-02-30",
        "20260101",
        "12:30",
        "24:00",
        "12:30:00",
        "2026-01-01T10:00:00",
        "2026-01-01T10:00:00+02:00",
        "1900-01-01T00:00:00",
        "1899-12-31T23:59:59",
        "9999-12-31T23:59:59",
        "2099-01-01T00:00:00",
        "2026-02-30T10:00:00",
        [],
        [None],
        [0, 1, 2, 3, 0, 1, 2, 3, 0],
        [0, 1, 2, 3, 0, 1, 2],
        [True] * 9,
        ["exercise"],
        {},
        {"wish_dead": True},
        {"wish_dead": 1},
        {"wish_dead": False, "thoughts": None},
        {"unknown": False},
    ]
)
values = st.one_of(
    edge_values,
    st.integers(-5, 30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=5),
)
FIELDS = {
    "entries": (
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
        "recorded_at",
    ),
    "questionnaires": (
        "date",
        "time",
        "instrument",
        "answers",
        "total",
        "band",
        "difficulty",
        "baseline",
        "recorded_at",
    ),
    "si_checkins": (
        "date",
        "time",
        "answers",
        "level",
        "skipped",
        "discuss",
        "recorded_at",
        "answers.wish_dead",
        "answers.thoughts",
        "answers.method",
        "answers.behavior",
        "answers.other",
    ),
}


@st.composite
def mutations(draw: st.DrawFn) -> list[tuple[str, int, str, object]]:
    changes = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(KINDS))
        index = draw(st.integers(0, min(4, len(DOCUMENT[kind]) - 1)))
        field = draw(st.sampled_from(FIELDS[kind]))
        value = draw(st.one_of(st.just("<delete>"), values))
        changes.append((kind, index, field, value))
    return changes


@settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(mutations())
def test_the_quick_and_the_field_by_field_reading_agree(changes):
    """Whatever a record holds: both readings accept it into the same objects, or both
    refuse it with the same message."""
    document = copy.deepcopy(DOCUMENT)
    for kind, index, field, value in changes:
        record = document[kind][index]
        if field.startswith("answers."):
            if not isinstance(record.get("answers"), dict):
                continue
            record, field = record["answers"], field.removeprefix("answers.")
        if value == "<delete>":
            record.pop(field, None)
        else:
            record[field] = copy.deepcopy(value)
    quick, slow = both_ways(document)
    assert quick == slow
