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
    any_yes = any(answers[k] is True for k in ("wish_dead", "thoughts", "method"))
    if any_yes and answers["behavior"] is None:
        return "incomplete"
    if answers["thoughts"] is True and None in (
        answers["method"],
        answers["intent"],
        answers["plan"],
    ):
        return "incomplete"
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
        ("PT", "1411", "112"),
        ("NO", "116 123", "113"),
        ("JP", "0120-279-338", "119"),
        ("KR", "109", "119"),
        ("BR", "188", "192"),
        ("MX", "800 911 2000", "911"),
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
    assert resources_for("DK").emergency == "112 (the EU emergency number)"  # no line listed
    assert resources_for("EG").emergency == "your local emergency number"
    assert "your crisis line" in urgent_line(resources_for("EG"))


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


# -- issue 11 §1: unanswered high-risk questions are not "no" ---------------------------
@pytest.mark.parametrize(
    "answers",
    [
        # yes to thoughts, method / intent / plan left "prefer not to answer"
        {"wish_dead": True, "thoughts": True, "behavior": False},
        {"wish_dead": False, "thoughts": True, "method": True, "behavior": False},
        {
            "wish_dead": False,
            "thoughts": True,
            "method": False,
            "intent": None,
            "plan": False,
            "behavior": False,
        },
        # behaviour unanswered after a yes
        {"wish_dead": True, "thoughts": False, "behavior": None},
    ],
)
def test_yes_with_unanswered_follow_up_is_incomplete(answers):
    assert level({k: answers.get(k) for k in SI_KEYS}) == "incomplete"


def test_incomplete_is_urgent_elevated_and_labelled():
    from moodlog.domain.safety import (
        ELEVATED_LEVELS,
        LEVEL_LABELS,
        LEVELS,
        URGENT_LEVELS,
        label_for,
    )

    assert "incomplete" in LEVELS and "incomplete" in ELEVATED_LEVELS
    assert "incomplete" in URGENT_LEVELS
    assert set(LEVEL_LABELS) == set(LEVELS)
    answers = {k: None for k in SI_KEYS} | {"wish_dead": False, "thoughts": True}
    answers["behavior"] = False
    assert label_for(answers) == "yes to thoughts of suicide, follow-up not answered"
    # A yes only to wishing to be dead does not become a claimed yes to thoughts.
    only_wish = {k: None for k in SI_KEYS} | {"wish_dead": True, "thoughts": False}
    assert level(only_wish) == "incomplete"
    assert "thoughts of suicide" not in label_for(only_wish)


def test_level_ranking_and_worst_level():
    from moodlog.domain.safety import LEVEL_ORDER, LEVELS, worst_level

    assert LEVEL_ORDER == ("skipped", "none", "low", "moderate", "incomplete", "high")
    assert set(LEVEL_ORDER) == set(LEVELS)
    assert worst_level(["skipped", "high", "none"]) == "high"
    assert worst_level(["skipped", "none"]) == "none"
    assert worst_level(["low", "incomplete", "moderate"]) == "incomplete"
    assert worst_level([]) is None


# -- issue 11 §2: countries, text options, sources, short names --------------------------
@pytest.mark.parametrize(
    "country, number, emergency",
    [
        ("GB", "85258", "999"),
        ("IE", "50808", "112"),
        ("AU", "0477 13 11 14", "000"),
        ("DE", "0800 111 0 111", "112"),
        ("FR", "3114", "112"),
        ("NL", "0800-0113", "112"),
        ("ES", "024", "112"),
        ("IN", "14416", "112"),
        ("ZA", "0800 567 567", "112"),
        ("SG", "1767", "995"),
    ],
)
def test_listed_countries_have_their_lines_and_text_options(country, number, emergency):
    res = resources_for(country)
    shown = " ".join(f"{line.how} {line.call} {line.text}" for line in res.lines)
    assert number in shown
    assert emergency in res.emergency and res.emergency_number == emergency
    for line in res.lines:
        assert line.source.startswith("https://") and line.verified >= "2026-11-29"


def test_every_line_has_an_https_source_and_a_verified_date():
    import datetime as dt

    from moodlog.domain.crisis import known_countries

    assert len(known_countries()) >= 30
    for code, _ in known_countries():
        res = resources_for(code)
        assert res.lines and res.emergency_number
        for line in res.lines:
            assert line.source.startswith("https://"), (code, line.name)
            dt.date.fromisoformat(line.verified)
            assert line.call or line.text


def test_a_line_named_with_now_is_open_at_every_hour():
    """Diff review: Italy's urgent sentence said "call 112 or Telefono Amico (02 2327
    2327) now", a line closed from midnight to 10:00. Only a line open at every hour is
    named in a sentence that says "now"; a line that is not says its hours where it is
    named, and the file says which is which for every line."""
    import json

    from moodlog.assets import read_text
    from moodlog.domain.crisis import calm_help_line, known_countries, unanswered_item_help_line

    for entry in json.loads(read_text("crisis_lines.json"))["countries"]:
        for line in entry["lines"]:
            assert isinstance(line["around_the_clock"], bool), (entry["country"], line["name"])
            if line["around_the_clock"]:
                assert "24 hours" in line["how"], (entry["country"], line["name"])
            else:
                assert line["hours"] and line["hours"] in line["how"], line["name"]
    for code, _ in known_countries():
        res = resources_for(code)
        if res.first_call_line is not None:
            assert res.first_call_line.around_the_clock
    italy = resources_for("IT")
    assert urgent_line(italy) == "If you might act on these thoughts now, call 112 now."
    # the calm lines name it with its hours and no "now" (second diff review: "talk to
    # someone now: call Telefono Amico ..." at 2 a.m.)
    assert calm_help_line(italy) == (
        "You do not have to carry thoughts like these alone. You can talk to Telefono Amico "
        "on 02 2327 2327 (10:00 to midnight every day). At any other time, or in an "
        "emergency, call 112."
    )
    unanswered = unanswered_item_help_line(italy)
    assert unanswered.endswith("At any other time, or in an emergency, call 112.")
    assert "now" not in calm_help_line(italy) and "now" not in unanswered
    assert "Yorisoi Hotline (0120-279-338)" in urgent_line(resources_for("JP"))
    assert "NCMH (0917-899-8727)" in urgent_line(resources_for("PH"))


def test_urgent_sentence_uses_the_short_name():
    assert urgent_line(resources_for("NZ")) == (
        "If you might act on these thoughts now, call 111 or 1737 now."
    )
    assert urgent_line(resources_for("GB")) == (
        "If you might act on these thoughts now, call 999 or Samaritans (116 123) now."
    )


def test_no_country_is_never_a_silent_us_default(monkeypatch):
    from moodlog import preferences

    monkeypatch.setattr(preferences, "system_country", lambda: "")
    prefs = preferences.Preferences()
    assert prefs.effective_country() == ""
    res = resources_for(prefs.effective_country())
    assert "988" not in urgent_line(res) and "911" not in urgent_line(res)
    assert res.emergency == "your local emergency number"
    assert preferences.Preferences(country="NZ").effective_country() == "NZ"


def test_system_country_comes_from_qlocale(monkeypatch):
    from PySide6.QtCore import QLocale

    from moodlog import preferences

    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert preferences.system_country() == "DE"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale.c()))
    assert preferences.system_country() == ""


def test_wording_offers_sharing_as_a_choice():
    from moodlog.domain.safety import HELP_NOW_HINT, SELF_CHECK_LABEL

    assert "if you choose to share" in SELF_CHECK_LABEL
    assert HELP_NOW_HINT == "If you need help now, use Get help now."


def test_the_printed_plans_crisis_line_reads_well_with_and_without_lines_for_the_country():
    """Review r8: for a country without its own lines the printed plan read "In a
    crisis: emergency your local emergency number."."""
    from moodlog.domain.safety import SafetyPlan
    from moodlog.report.safety_plan_pdf import safety_plan_html

    other = safety_plan_html(SafetyPlan(), "ZZ")
    assert (
        "In a crisis:</b> your local crisis line (findahelpline.com lists them); in an "
        "emergency: your local emergency number." in other
    )
    uk = safety_plan_html(SafetyPlan(), "GB")
    assert "Samaritans" in uk and "; in an emergency: 999" in uk


def test_the_help_panel_tells_an_empty_saved_plan_from_none(qapp):  # noqa: ANN001
    """Review r10: after an empty plan was saved (earlier versions kept), the help panel
    said "You have not written a safety plan yet"."""
    from moodlog.domain.safety import SafetyPlan
    from moodlog.ui.help_panel import help_html

    assert "have not written a safety plan yet" in help_html("GB", None, locked=False)
    empty = help_html("GB", SafetyPlan(), locked=False)
    assert "have not written" not in empty and "when you feel ready" in empty
    assert "Samaritans" in empty  # the crisis lines are there either way
