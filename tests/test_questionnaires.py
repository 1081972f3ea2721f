"""PHQ-9 and GAD-7 scoring, checked against the published cut-points."""

from __future__ import annotations

import datetime as dt

import pytest

from moodlog.domain.errors import ValidationError
from moodlog.domain.questionnaires import (
    GAD7,
    ITEMS,
    PHQ9,
    QuestionnaireResult,
    band,
    describe_change,
    is_due,
    needs_safety_follow_up,
    total_score,
)

# Published: PHQ-9 0-4 minimal, 5-9 mild, 10-14 moderate, 15-19 moderately severe, 20-27 severe.
PHQ9_EDGES = [
    (0, "minimal"),
    (4, "minimal"),
    (5, "mild"),
    (9, "mild"),
    (10, "moderate"),
    (14, "moderate"),
    (15, "moderately severe"),
    (19, "moderately severe"),
    (20, "severe"),
    (27, "severe"),
]
# Published: GAD-7 0-4 minimal, 5-9 mild, 10-14 moderate, 15-21 severe.
GAD7_EDGES = [
    (0, "minimal"),
    (4, "minimal"),
    (5, "mild"),
    (9, "mild"),
    (10, "moderate"),
    (14, "moderate"),
    (15, "severe"),
    (21, "severe"),
]


def answers_totalling(instrument: str, total: int) -> list[int]:
    count = len(ITEMS[instrument])
    answers = [0] * count
    for index in range(count):
        answers[index] = min(3, total - sum(answers))
    assert sum(answers) == total
    return answers


@pytest.mark.parametrize("total, expected", PHQ9_EDGES)
def test_phq9_band_edges(total: int, expected: str):
    answers = answers_totalling(PHQ9, total)
    assert total_score(PHQ9, answers) == total
    assert band(PHQ9, total) == expected


@pytest.mark.parametrize("total, expected", GAD7_EDGES)
def test_gad7_band_edges(total: int, expected: str):
    answers = answers_totalling(GAD7, total)
    assert total_score(GAD7, answers) == total
    assert band(GAD7, total) == expected


def test_item_counts_and_maximum_totals():
    assert len(ITEMS[PHQ9]) == 9 and len(ITEMS[GAD7]) == 7
    assert total_score(PHQ9, [3] * 9) == 27
    assert total_score(GAD7, [3] * 7) == 21
    with pytest.raises(ValidationError):
        band(PHQ9, 28)
    with pytest.raises(ValidationError):
        band(GAD7, 22)


def test_item_nine_wording_is_the_published_one():
    assert ITEMS[PHQ9][8] == (
        "Thoughts that you would be better off dead or of hurting yourself in some way"
    )


@pytest.mark.parametrize("missing", range(9))
def test_any_unanswered_item_means_no_score(missing: int):
    answers: list[int | None] = [2] * 9
    answers[missing] = None
    assert total_score(PHQ9, answers) is None
    assert band(PHQ9, None) is None
    result = QuestionnaireResult(dt.date(2026, 1, 1), dt.time(9), PHQ9, answers)
    assert not result.scored


@pytest.mark.parametrize(
    "bad", [[4] + [0] * 8, [-1] + [0] * 8, [0] * 8, [0] * 10, [True] + [0] * 8, ["1"] + [0] * 8]
)
def test_out_of_range_answers_are_rejected(bad: list):
    with pytest.raises(ValidationError):
        total_score(PHQ9, bad)


@pytest.mark.parametrize(
    "item9, expected", [(None, False), (0, False), (1, True), (2, True), (3, True)]
)
def test_item_nine_above_not_at_all_opens_the_follow_up(item9, expected):
    assert needs_safety_follow_up(PHQ9, [0] * 8 + [item9]) is expected


def test_gad7_never_triggers_the_follow_up():
    assert not needs_safety_follow_up(GAD7, [3] * 7)


def _result(day: int, total: int, baseline: bool = False, rid: int | None = None):
    return QuestionnaireResult(
        dt.date(2026, 1, day),
        dt.time(9),
        PHQ9,
        answers_totalling(PHQ9, total),
        is_baseline=baseline,
        id=rid,
    )


def test_change_from_previous():
    history = [_result(1, 20, rid=1), _result(8, 15, rid=2), _result(15, 9, rid=3)]
    change = describe_change(history[2], history)
    assert (change.total, change.band, change.previous) == (9, "mild", 15)
    assert change.change_from_previous == -6


def test_score_change_has_no_baseline_of_its_own():
    """Clinician review: describe_change used to carry a second baseline rule (the
    marked result, else the very first result ever, from any course). The one rule
    is analysis.course_baseline; a second one must not be there to be picked up."""
    history = [_result(1, 20, rid=1), _result(8, 18, baseline=True, rid=2), _result(15, 9, rid=3)]
    change = describe_change(history[2], history)
    assert not hasattr(change, "baseline") and not hasattr(change, "change_from_baseline")


def test_questionnaire_due_rhythm():
    today = dt.date(2026, 5, 10)
    assert is_due(None, today, 7)
    assert not is_due(dt.date(2026, 5, 4), today, 7)
    assert is_due(dt.date(2026, 5, 3), today, 7)
    assert is_due(dt.date(2026, 5, 9), today, 7, session_today=True)


# -- issue 11 §6: each instrument's own published wording -------------------------------
def test_gad7_has_its_own_stem_and_both_have_the_published_difficulty_question():
    from moodlog.domain.questionnaires import DIFFICULTY_QUESTIONS, STEMS

    assert STEMS[PHQ9] == (
        "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
    )
    assert STEMS[GAD7] == (
        "Over the last 2 weeks, how often have you been bothered by the following problems?"
    )
    # The two published forms differ by one word: the PHQ-9 asks how difficult "these
    # problems" have made it, the GAD-7 (Spitzer et al., Pfizer form) how difficult "these".
    assert DIFFICULTY_QUESTIONS[PHQ9] == (
        "If you checked off any problems, how difficult have these problems made it for you "
        "to do your work, take care of things at home, or get along with other people?"
    )
    assert DIFFICULTY_QUESTIONS[GAD7] == (
        "If you checked off any problems, how difficult have these made it for you "
        "to do your work, take care of things at home, or get along with other people?"
    )
    assert ITEMS[GAD7][0] == "Feeling nervous, anxious, or on edge"


# -- issue 11 §7: a blank form is not "taken"; a partial one never counts as taken ------
def test_blank_forms_are_recognised():
    from moodlog.domain.questionnaires import is_blank

    assert is_blank([None] * 7)
    assert not is_blank([None] * 6 + [0])


def test_partly_answered_results_never_count_as_taken(vault):
    day = dt.date(2026, 11, 20)
    scored = QuestionnaireResult(day, dt.time(9), GAD7, [1] * 7)
    vault.questionnaires.add(scored)
    partial = QuestionnaireResult(day + dt.timedelta(days=5), dt.time(9), GAD7, [1] * 6 + [None])
    vault.questionnaires.add(partial)
    assert vault.questionnaires.last_taken(GAD7) == day
    assert is_due(vault.questionnaires.last_taken(GAD7), day + dt.timedelta(days=7), 7)
    only_partial = QuestionnaireResult(day, dt.time(9), PHQ9, [None] * 8 + [1])
    vault.questionnaires.add(only_partial)
    assert vault.questionnaires.last_taken(PHQ9) is None
