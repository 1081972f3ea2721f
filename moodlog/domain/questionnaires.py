"""PHQ-9 and GAD-7, worded and scored exactly as published.

PHQ-9 (Kroenke, Spitzer & Williams, 2001) and GAD-7 (Spitzer et al., 2006), both
developed by Drs. Spitzer, Williams, Kroenke and colleagues with an educational grant
from Pfizer; no permission is required to reproduce, translate, display or
distribute them. Each item is scored 0-3; the total is the plain sum.

Bands (published cut-points):
* PHQ-9 (0-27): 0-4 minimal, 5-9 mild, 10-14 moderate, 15-19 moderately severe,
  20-27 severe. The functional-difficulty question is asked but not scored.
* GAD-7 (0-21): 0-4 minimal, 5-9 mild, 10-14 moderate, 15-21 severe.

A form with any unanswered item has no total and no band. A blank form is never saved;
a partly answered one is saved only when the user confirms, and it never counts as
"taken" for the every-7-days prompt (only scored results do).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from moodlog.domain.errors import ValidationError, shown
from moodlog.wording import QT_TR_NOOP

PHQ9 = "PHQ-9"
GAD7 = "GAD-7"
INSTRUMENTS = (PHQ9, GAD7)

# Display strings are marked with QT_TR_NOOP (unchanged here; the UI shows them through
# moodlog.i18n.tr). Non-ASCII characters are written as themselves, not as \N{...}
# escapes, which pyside6-lupdate would extract wrongly.
SCREENING_LABEL = QT_TR_NOOP("Self-report screening, not a diagnosis.")
# Each instrument's own published stem: the PHQ-9 asks about "any of the following
# problems", the GAD-7 about "the following problems".
STEMS: dict[str, str] = {
    PHQ9: QT_TR_NOOP(
        "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
    ),
    GAD7: QT_TR_NOOP(
        "Over the last 2 weeks, how often have you been bothered by the following problems?"
    ),
}
ANSWER_OPTIONS = (
    QT_TR_NOOP("Not at all"),
    QT_TR_NOOP("Several days"),
    QT_TR_NOOP("More than half the days"),
    QT_TR_NOOP("Nearly every day"),
)
# The (unscored) functional-difficulty question, as each published form words it: the
# PHQ-9 asks how difficult "these problems" have made it, the GAD-7 how difficult "these".
DIFFICULTY_QUESTION = QT_TR_NOOP(
    "If you checked off any problems, how difficult have these problems made it for you "
    "to do your work, take care of things at home, or get along with other people?"
)
DIFFICULTY_QUESTIONS: dict[str, str] = {
    PHQ9: DIFFICULTY_QUESTION,
    GAD7: QT_TR_NOOP(
        "If you checked off any problems, how difficult have these made it for you "
        "to do your work, take care of things at home, or get along with other people?"
    ),
}
DIFFICULTY_OPTIONS = (
    QT_TR_NOOP("Not difficult at all"),
    QT_TR_NOOP("Somewhat difficult"),
    QT_TR_NOOP("Very difficult"),
    QT_TR_NOOP("Extremely difficult"),
)

ITEMS: dict[str, tuple[str, ...]] = {
    PHQ9: (
        QT_TR_NOOP("Little interest or pleasure in doing things"),
        QT_TR_NOOP("Feeling down, depressed, or hopeless"),
        QT_TR_NOOP("Trouble falling or staying asleep, or sleeping too much"),
        QT_TR_NOOP("Feeling tired or having little energy"),
        QT_TR_NOOP("Poor appetite or overeating"),
        QT_TR_NOOP(
            "Feeling bad about yourself — or that you are a failure or have let "
            "yourself or your family down"
        ),
        QT_TR_NOOP(
            "Trouble concentrating on things, such as reading the newspaper or watching television"
        ),
        QT_TR_NOOP(
            "Moving or speaking so slowly that other people could have noticed? Or the opposite "
            "— being so fidgety or restless that you have been moving around a lot "
            "more than usual"
        ),
        QT_TR_NOOP("Thoughts that you would be better off dead or of hurting yourself in some way"),
    ),
    GAD7: (
        QT_TR_NOOP("Feeling nervous, anxious, or on edge"),
        QT_TR_NOOP("Not being able to stop or control worrying"),
        QT_TR_NOOP("Worrying too much about different things"),
        QT_TR_NOOP("Trouble relaxing"),
        QT_TR_NOOP("Being so restless that it is hard to sit still"),
        QT_TR_NOOP("Becoming easily annoyed or irritable"),
        QT_TR_NOOP("Feeling afraid as if something awful might happen"),
    ),
}

BANDS: dict[str, tuple[tuple[int, int, str], ...]] = {
    PHQ9: (
        (0, 4, QT_TR_NOOP("minimal")),
        (5, 9, QT_TR_NOOP("mild")),
        (10, 14, QT_TR_NOOP("moderate")),
        (15, 19, QT_TR_NOOP("moderately severe")),
        (20, 27, QT_TR_NOOP("severe")),
    ),
    GAD7: (
        (0, 4, QT_TR_NOOP("minimal")),
        (5, 9, QT_TR_NOOP("mild")),
        (10, 14, QT_TR_NOOP("moderate")),
        (15, 21, QT_TR_NOOP("severe")),
    ),
}

PHQ9_SELF_HARM_ITEM = 8  # zero-based index of item 9


def item_count(instrument: str) -> int:
    return len(ITEMS[_known(instrument)])


def max_total(instrument: str) -> int:
    return 3 * item_count(instrument)


def _known(instrument: str) -> str:
    if instrument not in ITEMS:
        raise ValidationError(
            f"Unknown questionnaire {shown(instrument)}; expected one of {', '.join(INSTRUMENTS)}."
        )
    return instrument


def validate_answers(instrument: str, answers: list[int | None]) -> None:
    expected = item_count(instrument)
    if (
        isinstance(answers, list)
        and len(answers) == expected
        and all(a is None or (type(a) is int and 0 <= a <= 3) for a in answers)
    ):
        return  # the common case, checked in one pass; the loop below names the problem
    if not isinstance(answers, list) or len(answers) != expected:
        raise ValidationError(f"{instrument} has {expected} items; got {shown(answers)}.")
    for number, answer in enumerate(answers, start=1):
        if answer is None:
            continue
        if isinstance(answer, bool) or not isinstance(answer, int) or not 0 <= answer <= 3:
            raise ValidationError(
                f"{instrument} item {number} must be 0, 1, 2 or 3 (got {shown(answer)})."
            )


def total_score(instrument: str, answers: list[int | None]) -> int | None:
    """Sum of the item scores, or None when any item is unanswered."""
    validate_answers(instrument, answers)
    if any(answer is None for answer in answers):
        return None
    return sum(answers)  # type: ignore[arg-type]


def band(instrument: str, total: int | None) -> str | None:
    if total is None:
        return None
    for low, high, name in BANDS[_known(instrument)]:
        if low <= total <= high:
            return name
    raise ValidationError(f"{instrument} total must be 0-{max_total(instrument)} (got {total}).")


def is_blank(answers: list[int | None]) -> bool:
    """No item answered: such a form is not saved at all."""
    return all(answer is None for answer in answers)


def unanswered_items(answers: list[int | None]) -> list[int]:
    return [number for number, answer in enumerate(answers, start=1) if answer is None]


def needs_safety_follow_up(instrument: str, answers: list[int | None]) -> bool:
    """PHQ-9 item 9 answered above "Not at all" opens the suicidal-ideation check-in."""
    if instrument != PHQ9 or len(answers) != 9:
        return False
    answer = answers[PHQ9_SELF_HARM_ITEM]
    return answer is not None and answer > 0


def self_harm_item_unanswered(instrument: str, answers: list[int | None]) -> bool:
    """A PHQ-9 whose item 9 (thoughts of being better off dead or of hurting oneself)
    is unanswered while another item is answered: like an unanswered self-check
    question, it is never read as "no", so the same help line is shown."""
    if instrument != PHQ9 or len(answers) != 9 or is_blank(answers):
        return False
    return answers[PHQ9_SELF_HARM_ITEM] is None


@dataclass
class QuestionnaireResult:
    day: dt.date
    time: dt.time
    instrument: str
    answers: list[int | None]
    difficulty: int | None = None
    is_baseline: bool = False
    created_at: dt.datetime | None = None
    id: int | None = None
    _total_cache: tuple | None = field(default=None, init=False, compare=False, repr=False)

    @property
    def total(self) -> int | None:
        key = (self.instrument, tuple(self.answers))
        if self._total_cache is None or self._total_cache[0] != key:  # answers may change
            self._total_cache = (key, total_score(self.instrument, self.answers))
        return self._total_cache[1]

    @property
    def band(self) -> str | None:
        return band(self.instrument, self.total)

    @property
    def scored(self) -> bool:
        return self.total is not None

    def validate(self) -> None:
        validate_answers(self.instrument, self.answers)
        if self.difficulty is not None and self.difficulty not in (0, 1, 2, 3):
            raise ValidationError("The difficulty answer must be 0-3.")


@dataclass(frozen=True)
class ScoreChange:
    """Score, band and the previous scored result. The change from the course baseline
    is not here: there is one baseline rule, :func:`analysis.course_baseline`."""

    total: int
    band: str
    previous: int | None

    @property
    def change_from_previous(self) -> int | None:
        return None if self.previous is None else self.total - self.previous


def describe_change(
    result: QuestionnaireResult, history: list[QuestionnaireResult]
) -> ScoreChange | None:
    """Score, band and change versus the previous scored result.

    ``history`` is every result of the same instrument (any order).
    """
    total = result.total
    if total is None:
        return None
    scored = sorted(
        (
            r
            for r in history
            if r.instrument == result.instrument and r.scored and r.id != result.id
        ),
        key=lambda r: (r.day, r.time),
    )
    earlier = [r for r in scored if (r.day, r.time) <= (result.day, result.time)]
    previous = earlier[-1].total if earlier else None
    return ScoreChange(total=total, band=band(result.instrument, total) or "", previous=previous)


def repeated_days(results: Iterable[QuestionnaireResult]) -> set[tuple[str, dt.date]]:
    """(instrument, day) of every day with two or more results of one questionnaire:
    lists show those results' times, since which came first decides the change and
    whether one counts before a course's first session."""
    seen: set[tuple[str, dt.date]] = set()
    repeated: set[tuple[str, dt.date]] = set()
    for result in results:
        key = (result.instrument, result.day)
        (repeated if key in seen else seen).add(key)
    return repeated


def is_due(
    last_taken: dt.date | None, today: dt.date, every_days: int, session_today: bool = False
) -> bool:
    """A gentle prompt is due every ``every_days`` days, and on a treatment day."""
    if session_today:
        return True
    if last_taken is None:
        return True
    return (today - last_taken).days >= every_days
