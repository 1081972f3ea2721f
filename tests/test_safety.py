"""The self-check level table, crisis lines, and safety-plan data."""

from __future__ import annotations

import itertools

import pytest

from moodlog.domain.crisis import resources_for, urgent_line
from moodlog.domain.errors import ValidationError
from moodlog.domain.safety import SI_KEYS, Contact, SafetyPlan, level

CHOICES = (True, False, None)


def reference_level(answers: dict) -> str:
    """The issue's rules, written out independently of the implementation."""
    if any(answers[k] is True for k in ("intent", "plan", "behavior")):
        return "high"
    if answers["method"] is True:
        return "moderate"
    if answers["wish_dead"] is True or answers["thoughts"] is True:
        return "low"
    asked = ["wish_dead", "thoughts", "behavior"]
    if answers["thoughts"] is True:
        asked += ["method", "intent", "plan"]
    if all(answers[k] is False for k in asked):
        return "none"
    return "skipped"


ALL_COMBINATIONS = [
    dict(zip(SI_KEYS, combo, strict=True))
    for combo in itertools.product(CHOICES, repeat=len(SI_KEYS))
]


def test_every_combination_of_answers():
    assert len(ALL_COMBINATIONS) == 729
    for answers in ALL_COMBINATIONS:
        assert level(answers) == reference_level(answers), answers


def test_skipping_wins_over_any_answers():
    for answers in ALL_COMBINATIONS[::37]:
        assert level(answers, skipped=True) == "skipped"


@pytest.mark.parametrize(
    "answers, expected",
    [
        ({"wish_dead": False, "thoughts": False, "behavior": False}, "none"),
        ({"wish_dead": True, "thoughts": False, "behavior": False}, "low"),
        (
            {
                "wish_dead": False,
                "thoughts": True,
                "method": False,
                "intent": False,
                "plan": False,
                "behavior": False,
            },
            "low",
        ),
        (
            {
                "wish_dead": True,
                "thoughts": True,
                "method": True,
                "intent": False,
                "plan": False,
                "behavior": False,
            },
            "moderate",
        ),
        (
            {
                "wish_dead": True,
                "thoughts": True,
                "method": True,
                "intent": True,
                "plan": False,
                "behavior": False,
            },
            "high",
        ),
        (
            {
                "wish_dead": False,
                "thoughts": True,
                "method": False,
                "intent": False,
                "plan": True,
                "behavior": False,
            },
            "high",
        ),
        ({"wish_dead": False, "thoughts": False, "behavior": True}, "high"),
        ({"wish_dead": None, "thoughts": False, "behavior": False}, "skipped"),
        ({}, "skipped"),
    ],
)
def test_named_cases(answers, expected):
    assert level({k: answers.get(k) for k in SI_KEYS}) == expected


def test_prefer_not_is_never_read_as_no():
    answers = dict.fromkeys(SI_KEYS, False)
    answers["behavior"] = None
    assert level(answers) != "none"


def test_bad_answers_are_rejected():
    with pytest.raises(ValidationError):
        level({"wish_dead": "yes"})
    with pytest.raises(ValidationError):
        level({"unknown": True})


@pytest.mark.parametrize(
    "country, line, emergency",
    [
        ("US", "988", "911"),
        ("CA", "988", "911"),
        ("GB", "116 123", "999"),
        ("IE", "116 123", "112"),
        ("AU", "13 11 14", "000"),
        ("NZ", "1737", "111"),
    ],
)
def test_crisis_lines_by_country(country, line, emergency):
    res = resources_for(country)
    assert res.lines and res.lines[0].call == line
    assert emergency in res.emergency
    assert res.lines[0].source.startswith("https://")
    assert res.lines[0].verified
    assert line in urgent_line(res) and emergency in urgent_line(res)
    assert urgent_line(res).startswith("If you might act on these thoughts now, call ")


def test_elsewhere_gets_the_local_or_eu_emergency_number():
    assert "112" in resources_for("DE").emergency
    assert resources_for("JP").emergency == "your local emergency number"
    assert "your crisis line" in urgent_line(resources_for("JP"))


def test_safety_plan_round_trip_and_review():
    import datetime as dt

    plan = SafetyPlan(
        warning_signs=["a"],
        people=[Contact("Sam", "555")],
        reasons=["🌊"],
        reviewed_on=dt.date(2026, 1, 1),
    )
    again = SafetyPlan.from_dict(plan.to_dict())
    assert again == plan
    assert not plan.review_due(dt.date(2026, 3, 31))
    assert plan.review_due(dt.date(2026, 4, 1))
