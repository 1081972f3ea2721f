"""The suicidal-ideation self-check and the safety plan.

The check-in follows the structure of the Columbia (C-SSRS) screener, in our own
words, about the time "since your last check-in". Answers are True (yes),
False (no) or None (prefer not to answer, or not asked). Questions 3-5 are asked
only after a yes to question 2.

Levels (``level``):

* ``high``: yes to intent, plan or behaviour;
* ``incomplete``: nothing ``high``, but yes to thoughts with method, intent or plan
  left unanswered, or behaviour left unanswered after any yes. It is treated as
  urgent: an unanswered high-risk question is never read as "no";
* ``moderate``: yes to method, and no yes to intent, plan or behaviour;
* ``low``: yes to wishing to be dead or to thoughts, and nothing above;
* ``none``: every question asked was answered no;
* ``skipped``: the check-in was skipped, or no question was answered yes and at
  least one was left unanswered ("prefer not to answer"). An unanswered question is
  never read as "no".

Ranking (``LEVEL_ORDER``, least to most concerning), used wherever one level must
stand for several check-ins (the worst of a day in charts and reports):
skipped < none < low < moderate < incomplete < high. ``skipped`` ranks lowest because
it tells nothing; ``incomplete`` ranks just below ``high`` because it is handled as
urgent (the urgent sentence and crisis line are shown).

This is a self-check to help the user, and their care team if they choose to share it,
not a clinical assessment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from moodlog.domain.errors import ValidationError, shown
from moodlog.wording import QT_TR_NOOP

SI_KEYS = ("wish_dead", "thoughts", "method", "intent", "plan", "behavior")
FOLLOW_UP_KEYS = ("method", "intent", "plan")  # asked only after a yes to "thoughts"
# Each question in a few words, for tables (the PDF's self-check list), in the words of
# LEVEL_LABELS (review finding: the PDF printed the keys, "wish dead", "behavior").
ANSWER_SHORT_LABELS: dict[str, str] = {
    "wish_dead": QT_TR_NOOP("wishing to be dead"),
    "thoughts": QT_TR_NOOP("thoughts of suicide"),
    "method": QT_TR_NOOP("method"),
    "intent": QT_TR_NOOP("intent"),
    "plan": QT_TR_NOOP("a plan"),
    "behavior": QT_TR_NOOP("preparing or acting"),
}
LEVELS = ("none", "low", "moderate", "incomplete", "high", "skipped")
ELEVATED_LEVELS = ("low", "moderate", "incomplete", "high")
URGENT_LEVELS = ("incomplete", "high")
# Least to most concerning; see the module docstring.
LEVEL_ORDER = ("skipped", "none", "low", "moderate", "incomplete", "high")
# Display strings are marked with QT_TR_NOOP (unchanged here; the UI shows them through
# moodlog.i18n.tr). The level codes themselves ("none", "low"...) are data, not marked.
LEVEL_LABELS: dict[str, str] = {
    "none": QT_TR_NOOP("no to every question"),
    "low": QT_TR_NOOP("yes to wishing to be dead or thoughts of suicide"),
    "moderate": QT_TR_NOOP("yes to thinking about how (method)"),
    "incomplete": QT_TR_NOOP("yes to thoughts of suicide, follow-up not answered"),
    "high": QT_TR_NOOP("yes to intent, a plan, or preparing or acting"),
    "skipped": QT_TR_NOOP("skipped or not answered"),
}
# :func:`label_for`'s label of an ``incomplete`` check-in with no yes to thoughts.
WISH_INCOMPLETE_LABEL = QT_TR_NOOP("yes to wishing to be dead, follow-up not answered")
# The key printed beside levels (PDF): ``incomplete`` covers both of its labels.
LEVEL_KEY: dict[str, str] = {
    **LEVEL_LABELS,
    "incomplete": QT_TR_NOOP(
        "yes to thoughts of suicide or to wishing to be dead, and a follow-up question not answered"
    ),
}


def level_rank(value: str) -> int:
    """Position of ``value`` in ``LEVEL_ORDER`` (higher is more concerning)."""
    return LEVEL_ORDER.index(value)


def worst_level(levels: Iterable[str]) -> str | None:
    """The most concerning of ``levels`` by ``LEVEL_ORDER``; None when there are none."""
    found = list(levels)
    if not found:
        return None
    return max(found, key=level_rank)


SELF_CHECK_LABEL = QT_TR_NOOP(
    "A self-check to help you and your care team, if you choose to share your answers "
    "with them. It is not a clinical assessment."
)
PRIVACY_STATEMENT = QT_TR_NOOP(
    "moodlog is private. No one is notified of your answers and no one is monitoring them."
)
HELP_NOW_HINT = QT_TR_NOOP("If you need help now, use Get help now.")

QUESTIONS = {
    "wish_dead": QT_TR_NOOP(
        "Have you wished you were dead, or wished you could go to sleep and not wake up?"
    ),
    "thoughts": QT_TR_NOOP("Have you had any thoughts of killing yourself?"),
    "method": QT_TR_NOOP("Have you thought about how you might do this?"),
    "intent": QT_TR_NOOP("Have you had any intention of acting on these thoughts?"),
    "plan": QT_TR_NOOP(
        "Have you started to work out the details of a plan, and do you intend to carry it out?"
    ),
    "behavior": QT_TR_NOOP(
        "Have you done anything, started to do anything, or prepared to do anything "
        "to end your life?"
    ),
}
QUESTION_INTRO = QT_TR_NOOP("Since your last check-in:")


def level(answers: dict[str, bool | None], skipped: bool = False) -> str:
    if skipped:
        return "skipped"
    validate_answers(answers)
    said_yes = {key for key in SI_KEYS if answers.get(key) is True}
    if said_yes & {"intent", "plan", "behavior"}:
        return "high"
    if said_yes and answers.get("behavior") is None:
        return "incomplete"
    if answers.get("thoughts") is True and any(answers.get(key) is None for key in FOLLOW_UP_KEYS):
        return "incomplete"
    if "method" in said_yes:
        return "moderate"
    if said_yes & {"wish_dead", "thoughts"}:
        return "low"
    asked = [key for key in SI_KEYS if key not in FOLLOW_UP_KEYS or answers.get("thoughts")]
    if all(answers.get(key) is False for key in asked):
        return "none"
    return "skipped"


def legacy_level(answers: dict[str, bool | None], skipped: bool = False) -> str:
    """The level moodlog computed before ``incomplete`` existed (exports written by older
    versions carry it); only used to accept those files on import."""
    if skipped:
        return "skipped"
    said_yes = {key for key in SI_KEYS if answers.get(key) is True}
    if said_yes & {"intent", "plan", "behavior"}:
        return "high"
    if "method" in said_yes:
        return "moderate"
    if said_yes & {"wish_dead", "thoughts"}:
        return "low"
    return level(answers)


def label_for(answers: dict[str, bool | None], skipped: bool = False) -> str:
    """The plain label of a check-in for history and PDF: ``LEVEL_LABELS`` of its level,
    except that an ``incomplete`` check-in without a yes to thoughts of suicide (a yes to
    wishing to be dead, behaviour unanswered) does not claim a yes it never had."""
    value = level(answers, skipped)
    if value == "incomplete" and answers.get("thoughts") is not True:
        return WISH_INCOMPLETE_LABEL
    return LEVEL_LABELS[value]


def validate_answers(answers: dict[str, bool | None]) -> None:
    if not isinstance(answers, dict):
        raise ValidationError("Check-in answers must be a mapping of question to yes/no/null.")
    unknown = set(answers) - set(SI_KEYS)
    if unknown:
        raise ValidationError(f"Unknown check-in questions: {', '.join(sorted(unknown))}.")
    for key, value in answers.items():
        if value is not None and not isinstance(value, bool):
            raise ValidationError(f"Check-in answer {shown(key)} must be true, false or null.")


@dataclass
class SICheckin:
    day: dt.date
    time: dt.time
    answers: dict[str, bool | None] = field(default_factory=dict)
    skipped: bool = False
    discuss: bool = False
    created_at: dt.datetime | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        self.answers = {key: self.answers.get(key) for key in SI_KEYS}

    @property
    def level(self) -> str:
        return level(self.answers, self.skipped)

    @property
    def label(self) -> str:
        return label_for(self.answers, self.skipped)

    @classmethod
    def skipped_on(cls, day: dt.date, time: dt.time) -> SICheckin:
        return cls(day=day, time=time, skipped=True)


SAFETY_PLAN_SECTIONS = (  # (key, title, hint): the title and hint are shown
    (
        "warning_signs",
        QT_TR_NOOP("Warning signs"),
        QT_TR_NOOP(
            "Thoughts, images, moods, situations or behaviours "
            "that tell me a crisis may be developing."
        ),
    ),
    (
        "coping",
        QT_TR_NOOP("Internal coping strategies"),
        QT_TR_NOOP(
            "Things I can do on my own to take my mind off my problems, without contacting anyone."
        ),
    ),
    (
        "distractions",
        QT_TR_NOOP("People and social settings that distract me"),
        QT_TR_NOOP("People and places that help me feel better."),
    ),
    ("people", QT_TR_NOOP("People I can ask for help"), QT_TR_NOOP("Name and phone number.")),
    (
        "professionals",
        QT_TR_NOOP("Professionals and agencies I can contact in a crisis"),
        QT_TR_NOOP("Clinician, after-hours number, crisis line."),
    ),
    (
        "environment",
        QT_TR_NOOP("Making the environment safe"),
        QT_TR_NOOP("Steps I can take to keep myself safe."),
    ),
    (
        "reasons",
        QT_TR_NOOP("My reasons for living"),
        QT_TR_NOOP("What matters most to me and is worth living for."),
    ),
)
CONTACT_SECTIONS = ("people", "professionals")
REVIEW_EVERY_DAYS = 90


@dataclass
class Contact:
    name: str
    phone: str = ""


@dataclass
class SafetyPlan:
    """The Stanley-Brown safety plan, in the user's own words.

    Text sections are lists of lines; ``people`` and ``professionals`` are contacts.
    """

    warning_signs: list[str] = field(default_factory=list)
    coping: list[str] = field(default_factory=list)
    distractions: list[str] = field(default_factory=list)
    people: list[Contact] = field(default_factory=list)
    professionals: list[Contact] = field(default_factory=list)
    environment: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    reviewed_on: dt.date | None = None
    saved_at: dt.datetime | None = None

    def is_empty(self) -> bool:
        return not any(getattr(self, key) for key, _, _ in SAFETY_PLAN_SECTIONS)

    def review_due(self, today: dt.date) -> bool:
        if self.reviewed_on is None:
            return not self.is_empty()
        return (today - self.reviewed_on).days >= REVIEW_EVERY_DAYS

    def to_dict(self) -> dict:
        body: dict = {}
        for key, _, _ in SAFETY_PLAN_SECTIONS:
            values = getattr(self, key)
            if key in CONTACT_SECTIONS:
                body[key] = [{"name": c.name, "phone": c.phone} for c in values]
            else:
                body[key] = list(values)
        body["reviewed_on"] = self.reviewed_on.isoformat() if self.reviewed_on else None
        return body

    @classmethod
    def from_dict(cls, body: dict) -> SafetyPlan:
        if not isinstance(body, dict):
            raise ValidationError("The safety plan must be an object.")
        plan = cls()
        for key, _, _ in SAFETY_PLAN_SECTIONS:
            values = body.get(key, [])
            if not isinstance(values, list):
                raise ValidationError(f"Safety plan section {shown(key)} must be a list.")
            if key in CONTACT_SECTIONS:
                contacts = []
                for item in values:
                    if not isinstance(item, dict) or not isinstance(item.get("name", ""), str):
                        raise ValidationError(f"Safety plan {shown(key)} entries need a name.")
                    contacts.append(Contact(str(item.get("name", "")), str(item.get("phone", ""))))
                setattr(plan, key, contacts)
            else:
                if not all(isinstance(line, str) for line in values):
                    raise ValidationError(f"Safety plan section {shown(key)} must hold text lines.")
                setattr(plan, key, list(values))
        reviewed = body.get("reviewed_on")
        if reviewed is not None:
            try:
                plan.reviewed_on = dt.date.fromisoformat(reviewed)
            except (TypeError, ValueError):
                raise ValidationError(
                    f"Safety plan reviewed_on {shown(reviewed)} is not a date."
                ) from None
        return plan
