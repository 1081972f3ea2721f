"""Treatment sessions, medications, therapy notes and questions for the therapist."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from moodlog.domain.dates import check_day
from moodlog.domain.errors import ValidationError, shown
from moodlog.wording import QT_TR_NOOP, Formatting, formatting


@dataclass(frozen=True)
class Kind:
    code: str
    label: str
    short: str
    colour: str
    dose_range_mg: tuple[float, float] | None  # plausible per-session dose, None: no dose
    ketamine: bool


KINDS: dict[str, Kind] = {
    k.code: k
    for k in (
        Kind("ketamine_iv", QT_TR_NOOP("Ketamine IV infusion"), "IV", "#7b3fa0", (5, 300), True),
        Kind("ketamine_im", QT_TR_NOOP("Ketamine IM injection"), "IM", "#b0417a", (5, 300), True),
        Kind(
            "esketamine_nasal",
            QT_TR_NOOP("Esketamine nasal spray"),
            "ESK",
            "#2f7ab9",
            (14, 112),
            True,
        ),
        Kind(
            "ketamine_oral",
            QT_TR_NOOP("Ketamine sublingual/oral (lozenge, troche)"),
            "ORAL",
            "#c98a1b",
            (5, 1000),
            True,
        ),
        Kind(
            "kap", QT_TR_NOOP("Ketamine-assisted psychotherapy"), "KAP", "#3c9a6b", (5, 1000), True
        ),
        Kind("tms", QT_TR_NOOP("TMS"), "TMS", "#5b6b7c", None, False),
        Kind("ect", QT_TR_NOOP("ECT"), "ECT", "#8c5a3c", None, False),
        Kind("other", QT_TR_NOOP("Other"), "OTHER", "#777777", None, False),
    )
}
SIDE_EFFECTS = (
    QT_TR_NOOP("dissociation"),
    QT_TR_NOOP("dizziness"),
    QT_TR_NOOP("nausea/vomiting"),
    QT_TR_NOOP("headache"),
    QT_TR_NOOP("sedation"),
    QT_TR_NOOP("raised blood pressure"),
    QT_TR_NOOP("anxiety"),
    QT_TR_NOOP("blurred vision"),
    QT_TR_NOOP("numbness/tingling"),
    QT_TR_NOOP("vertigo"),
    QT_TR_NOOP("perceptual changes/confusion"),
    QT_TR_NOOP("urinary symptoms"),
    QT_TR_NOOP("craving/urge for extra doses"),
    QT_TR_NOOP("other"),
)
SEVERITIES = (
    QT_TR_NOOP("none"),
    QT_TR_NOOP("mild"),
    QT_TR_NOOP("moderate"),
    QT_TR_NOOP("severe"),
)
DEFAULT_AFTERCARE = QT_TR_NOOP(
    "After a ketamine or esketamine session: do not drive, cycle or operate machinery "
    "until the next day after a restful night's sleep. Rest, drink water, and have someone "
    "you trust nearby if you can. Contact your clinic if something worries you."
)
INTEGRATION_WINDOW = (dt.timedelta(hours=24), dt.timedelta(hours=72))
NEW_COURSE_AFTER_DAYS = 90
DISSOCIATION_LABEL = QT_TR_NOOP("Dissociation 0-10 (your own 0-10 rating, not a clinical scale)")
DISSOCIATION_HINT = QT_TR_NOOP("your own 0-10 rating, not a clinical scale")
# Dose checks only warn (a typing slip or an unusual protocol); they never block saving.
MG_PER_KG_WARN_ABOVE = 1.0  # IV/IM ketamine for depression: usually 0.5-1 mg/kg
ESKETAMINE_DOSES_MG = (28, 56, 84)  # one, two or three 28 mg nasal devices
# Treatment.dose_warnings' calm notes: translated, then the numbers filled in the locale's way.
MG_PER_KG_WARNING = QT_TR_NOOP(
    "{dose} mg at {weight} kg is {per_kg} mg/kg, above the {limit} mg/kg usually used for IV "
    "or IM ketamine for depression. Please check the dose and weight; you can save it as it is."
)
ESKETAMINE_DOSE_WARNING = QT_TR_NOOP(
    "Esketamine nasal spray doses are usually {doses} mg (one, two or three devices); "
    "{dose} mg is none of these. Please check the number; you can save it as it is."
)
# "28, 56 or 84": the list of usual doses inside ESKETAMINE_DOSE_WARNING
DOSE_LIST = QT_TR_NOOP("{first}, {second} or {third}")
# A post-session reading at or above this is flagged (a note, no advice).
BP_FLAG_AT = (180, 110)
MAX_INFUSION_MINUTES = 24 * 60


@dataclass(frozen=True)
class BloodPressure:
    systolic: int
    diastolic: int

    def __str__(self) -> str:
        return f"{self.systolic}/{self.diastolic}"

    @property
    def flagged(self) -> bool:
        """At or above :data:`BP_FLAG_AT` (180/110), systolic or diastolic."""
        return self.systolic >= BP_FLAG_AT[0] or self.diastolic >= BP_FLAG_AT[1]

    def validate(self, label: str) -> None:
        for value, low, high, name in (
            (self.systolic, 60, 260, "systolic"),
            (self.diastolic, 30, 160, "diastolic"),
        ):
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise ValidationError(
                    f"Blood pressure {label}: {name} must be {low}-{high} mmHg "
                    f"(got {shown(value)})."
                )
        if self.systolic <= self.diastolic:
            raise ValidationError(
                f"Blood pressure {label}: systolic ({self.systolic}) must be higher than "
                f"diastolic ({self.diastolic})."
            )

    @classmethod
    def parse(cls, text: str) -> BloodPressure | None:
        text = text.strip()
        if not text:
            return None
        try:
            systolic, diastolic = (int(part) for part in text.split("/"))
        except ValueError:
            raise ValidationError(
                f"Blood pressure must look like 120/80 (got {shown(text)})."
            ) from None
        return cls(systolic, diastolic)


@dataclass
class Treatment:
    day: dt.date
    time: dt.time
    kind: str
    dose_mg: float | None = None
    weight_kg: float | None = None
    kind_other: str = ""
    course_number: int | None = None  # user's override of the computed number
    course_total: int | None = None  # planned sessions in the course ("3 of 6")
    clinic: str = ""
    intention: str = ""
    bp_before: BloodPressure | None = None
    bp_after: BloodPressure | None = None
    side_effects: dict[str, str] = field(default_factory=dict)
    dissociation: int | None = None
    after_feeling: str = ""
    notes: str = ""
    integration: str = ""
    infusion_minutes: int | None = None  # how long the infusion ran, if the person noted it
    created_at: dt.datetime | None = None
    id: int | None = None

    @property
    def kind_info(self) -> Kind:
        return KINDS[self.kind]

    @property
    def label(self) -> str:
        if self.kind == "other" and self.kind_other:
            return self.kind_other
        return self.kind_info.label

    @property
    def starts_at(self) -> dt.datetime:
        return dt.datetime.combine(self.day, self.time)

    @property
    def mg_per_kg(self) -> float | None:
        if self.dose_mg is None or not self.weight_kg:
            return None
        return round(self.dose_mg / self.weight_kg, 2)

    def is_appointment(self, now: dt.datetime) -> bool:
        """A future-dated session is an appointment, not yet a treatment."""
        return self.starts_at > now

    def dose_text(self, translate: Callable[[str], str] | Formatting | None = None) -> str:
        """ "56 mg" or "35 mg (0.5 mg/kg)"; ``translate`` (the UI passes
        ``moodlog.locale_words.LOCALE``) writes the numbers the locale's way."""
        if self.dose_mg is None:
            return ""
        words = formatting(translate)
        text = f"{words.general(self.dose_mg)} mg"
        if self.mg_per_kg is not None:
            text += f" ({words.general(self.mg_per_kg)} mg/kg)"
        return text

    def dose_warnings(
        self, translate: Callable[[str], str] | Formatting | None = None
    ) -> list[str]:
        """Calm notes about a dose worth checking; saving is never blocked by them.
        ``translate`` (the UI passes ``moodlog.locale_words.LOCALE``) translates each
        note before its numbers are filled in the locale's way."""
        words = formatting(translate)
        warnings: list[str] = []
        if self.dose_mg is None or self.kind not in KINDS:
            return warnings
        per_kg = self.mg_per_kg
        if (
            self.kind in ("ketamine_iv", "ketamine_im")
            and per_kg is not None
            and per_kg > MG_PER_KG_WARN_ABOVE
        ):
            assert self.weight_kg is not None  # per_kg needs it
            warnings.append(
                words(MG_PER_KG_WARNING).format(
                    dose=words.general(self.dose_mg),
                    weight=words.general(self.weight_kg),
                    per_kg=words.general(per_kg),
                    limit=words.general(MG_PER_KG_WARN_ABOVE),
                )
            )
        if self.kind == "esketamine_nasal" and self.dose_mg not in ESKETAMINE_DOSES_MG:
            first, second, third = (words.general(d) for d in ESKETAMINE_DOSES_MG)
            doses = words(DOSE_LIST).format(first=first, second=second, third=third)
            warnings.append(
                words(ESKETAMINE_DOSE_WARNING).format(doses=doses, dose=words.general(self.dose_mg))
            )
        return warnings

    def bp_note(self) -> str:
        """A calm note when the reading after the session is 180/110 or higher."""
        bp = self.bp_after
        if bp is None or not bp.flagged:
            return ""
        return (
            f"Noted: the reading after the session, {bp}, is at or above "
            f"{BP_FLAG_AT[0]}/{BP_FLAG_AT[1]}."
        )

    def validate(self) -> None:
        if self.kind not in KINDS:
            raise ValidationError(
                f"Unknown treatment kind {shown(self.kind)}; expected one of {', '.join(KINDS)}."
            )
        info = self.kind_info
        if self.dose_mg is not None:
            if (
                isinstance(self.dose_mg, bool)
                or not isinstance(self.dose_mg, int | float)
                or not math.isfinite(self.dose_mg)  # NaN or infinity: not a dose
            ):
                raise ValidationError("The dose must be a number of mg.")
            if self.dose_mg <= 0:
                raise ValidationError("The dose must be more than 0 mg.")
            if info.dose_range_mg is not None:
                low, high = info.dose_range_mg
                if not low <= self.dose_mg <= high:
                    raise ValidationError(
                        f"A {info.label} dose of {self.dose_mg:g} mg is outside the plausible "
                        f"range {low:g}-{high:g} mg. Please check the number."
                    )
        if self.weight_kg is not None and (
            isinstance(self.weight_kg, bool)
            or not isinstance(self.weight_kg, int | float)
            or not 20 <= self.weight_kg <= 350
        ):
            raise ValidationError(f"Weight must be 20-350 kg (got {shown(self.weight_kg)}).")
        for value, name in (
            (self.course_number, "Session number"),
            (self.course_total, "Sessions in the course"),
        ):
            if value is not None and (not isinstance(value, int) or not 1 <= value <= 500):
                raise ValidationError(f"{name} must be a whole number from 1 to 500.")
        if self.bp_before:
            self.bp_before.validate("before")
        if self.bp_after:
            self.bp_after.validate("after")
        for name, severity in self.side_effects.items():
            if name not in SIDE_EFFECTS:
                raise ValidationError(f"Unknown side effect {shown(name)}.")
            if severity not in SEVERITIES:
                raise ValidationError(
                    f"Side effect {shown(name)} severity must be one of {', '.join(SEVERITIES)}."
                )
        if self.dissociation is not None and (
            isinstance(self.dissociation, bool)
            or not isinstance(self.dissociation, int)
            or not 0 <= self.dissociation <= 10
        ):
            raise ValidationError("Dissociation must be a whole number from 0 to 10.")
        if self.infusion_minutes is not None and (
            isinstance(self.infusion_minutes, bool)
            or not isinstance(self.infusion_minutes, int)
            or not 1 <= self.infusion_minutes <= MAX_INFUSION_MINUTES
        ):
            raise ValidationError(
                f"Infusion duration must be a whole number of minutes from 1 to "
                f"{MAX_INFUSION_MINUTES} (got {shown(self.infusion_minutes)})."
            )
        check_day(self.day, "The session date")


# Printed where a session number is read (PDF sessions table, the session dialog).
COURSE_NUMBER_RULE = QT_TR_NOOP(
    "Sessions are numbered within the course: a gap of more than 90 days between ketamine "
    "or esketamine sessions starts a new one (infusions count infusions, doses count doses; "
    "TMS, ECT and other sessions are counted by kind)."
)


def split_into_courses(sessions: Iterable[Treatment]) -> list[list[Treatment]]:
    """``sessions`` in time order, split into courses: more than
    :data:`NEW_COURSE_AFTER_DAYS` days between one session and the next starts a new
    course. The one copy of the rule: the session numbers (:func:`course_numbers`) and
    every figure a therapist reads (``analysis.courses``: baseline, response, induction
    and maintenance, boosters) use it, so a worked-out "infusion 1" and the figures'
    course cannot disagree (clinician review); a number the person typed in is theirs."""
    result: list[list[Treatment]] = []
    for session in sorted(sessions, key=lambda t: t.starts_at):
        if result and (session.day - result[-1][-1].day).days <= NEW_COURSE_AFTER_DAYS:
            result[-1].append(session)
        else:
            result.append([session])
    return result


def _counted_with(treatment: Treatment) -> str | None:
    """Which sessions share a course with ``treatment``: every ketamine/esketamine kind
    together (``None``), as the figures count them; any other kind on its own."""
    info = KINDS.get(treatment.kind)
    return None if info is not None and info.ketamine else treatment.kind


def course_numbers(treatments: list[Treatment]) -> dict[int, int]:
    """Number of each session within its course, keyed by ``id(treatment)``.

    Pass every session (appointments too), not a period's: a number counts from the
    course's first session, however long ago. Ketamine and esketamine sessions of any
    kind form one course, the figures' course (:func:`split_into_courses`): IV induction,
    monthly esketamine, then an IV reads "infusion 7", not "infusion 1". Within it each
    kind is counted on its own (infusions count infusions, doses count doses). TMS, ECT
    and other sessions form courses of their own kind. Appointments continue the count.
    A user-entered number wins and the count of that kind continues from it.
    """
    groups: dict[str | None, list[Treatment]] = {}
    for treatment in treatments:
        groups.setdefault(_counted_with(treatment), []).append(treatment)
    numbers: dict[int, int] = {}
    for group in groups.values():
        for course in split_into_courses(group):
            last: dict[str, int] = {}
            for treatment in course:
                number = treatment.course_number
                if number is None:
                    number = last.get(treatment.kind, 0) + 1
                numbers[id(treatment)] = number
                last[treatment.kind] = number
    return numbers


# course_label's wording by kind: (without the planned total, with it).
COURSE_LABELS: dict[str, tuple[str, str]] = {
    "ketamine_iv": (QT_TR_NOOP("infusion {number}"), QT_TR_NOOP("infusion {number} of {total}")),
    "ketamine_im": (QT_TR_NOOP("injection {number}"), QT_TR_NOOP("injection {number} of {total}")),
    "esketamine_nasal": (QT_TR_NOOP("dose {number}"), QT_TR_NOOP("dose {number} of {total}")),
}
SESSION_COURSE_LABEL = (QT_TR_NOOP("session {number}"), QT_TR_NOOP("session {number} of {total}"))


def course_label(
    treatment: Treatment, number: int, translate: Callable[[str], str] = lambda text: text
) -> str:
    """ "infusion 3 of 6" or "dose 2"; ``translate`` (the UI passes ``moodlog.i18n.tr``)
    translates the marked wording before the numbers are filled in."""
    plain, of_total = COURSE_LABELS.get(treatment.kind, SESSION_COURSE_LABEL)
    if treatment.course_total:
        return translate(of_total).format(number=number, total=treatment.course_total)
    return translate(plain).format(number=number)


def integration_prompt_due(treatment: Treatment, now: dt.datetime) -> bool:
    """24-72 h after a past ketamine/esketamine session with no integration note yet."""
    if not treatment.kind_info.ketamine or treatment.integration.strip():
        return False
    elapsed = now - treatment.starts_at
    return INTEGRATION_WINDOW[0] <= elapsed <= INTEGRATION_WINDOW[1]


PHQ9_ON_SESSION_DAY_AFTER_DAYS = 7
SESSION_DAY_PHQ9_PROMPT = QT_TR_NOOP(
    "If it's been a week, a PHQ-9 before your session helps track the course."
)


def session_day_phq9_due(last_taken: dt.date | None, today: dt.date) -> bool:
    """On a day with a session still ahead: prompt a PHQ-9 only when the last one is at
    least 7 days old (or there is none). A weekly result tracks the course; one before
    every session of an induction course would not (the PHQ-9 asks about 2 weeks)."""
    return last_taken is None or (today - last_taken).days >= PHQ9_ON_SESSION_DAY_AFTER_DAYS


def days_since_last_session(treatments: list[Treatment], now: dt.datetime) -> int | None:
    past = [t for t in treatments if not t.is_appointment(now)]
    if not past:
        return None
    return (now.date() - max(t.day for t in past)).days


def next_appointment(treatments: list[Treatment], now: dt.datetime) -> Treatment | None:
    future = [t for t in treatments if t.is_appointment(now)]
    return min(future, key=lambda t: t.starts_at) if future else None


MEDICATION_EVENTS = (QT_TR_NOOP("start"), QT_TR_NOOP("change"), QT_TR_NOOP("stop"))


@dataclass
class MedicationEvent:
    day: dt.date
    event: str
    dose: float | None = None
    frequency: str = ""
    reason: str = ""
    id: int | None = None

    def validate(self) -> None:
        if self.event not in MEDICATION_EVENTS:
            raise ValidationError(
                f"Medication event must be start, change or stop (got {shown(self.event)})."
            )
        if self.dose is not None and (
            isinstance(self.dose, bool)
            or not isinstance(self.dose, int | float)
            or not math.isfinite(self.dose)  # NaN or infinity: not a dose
            or self.dose <= 0
        ):
            raise ValidationError("A medication dose must be a number above 0.")


@dataclass
class Medication:
    name: str
    unit: str = "mg"
    events: list[MedicationEvent] = field(default_factory=list)
    id: int | None = None

    def validate(self) -> None:
        if not self.name.strip():
            raise ValidationError("A medication needs a name.")
        for event in self.events:
            event.validate()

    def current_dose(self, on: dt.date) -> float | None:
        return regimen(e for e in self.events if e.day <= on)[0]

    def check_new_event(self, event: MedicationEvent) -> None:
        """A change or stop being added must not be dated before the medication's first
        start (review finding: a stop typed as 2020, before a 2024 start, was taken and
        could not be removed on its own), and it must be in the one range of dates
        (:mod:`moodlog.domain.dates`). Checked where a person adds one, for the new event
        only: an event saved out of range by an older version must not keep a change or
        stop from being added (diff review); imports keep the history they carry (the
        JSON format checks the same range)."""
        check_day(event.day, f"The {event.event} date")
        starts = [e.day for e in self.events if e.event == "start"]
        if event.event != "start" and starts and event.day < min(starts):
            raise ValidationError(
                f"This {event.event} is dated {event.day.isoformat()}, before the "
                f"medication was started ({min(starts).isoformat()}). Check the date."
            )


def regimen(events: Iterable[MedicationEvent]) -> tuple[float | None, str]:
    """The dose and frequency in effect after ``events`` (one definition, used by
    :meth:`Medication.current_dose`, the PDF's medications line and the FHIR
    MedicationStatement): the dose is the last event's (in day order), none after a stop
    or a change saved without a dose, never an earlier dose that the change replaced;
    the frequency is the latest one given (a change that gives none leaves it as it
    was)."""
    ordered = sorted(events, key=lambda e: e.day)
    if not ordered:
        return None, ""
    last = ordered[-1]
    dose = None if last.event == "stop" else last.dose
    frequency = next((e.frequency for e in reversed(ordered) if e.frequency), "")
    return dose, frequency


@dataclass
class SessionNote:
    day: dt.date
    therapist: str = ""
    worked_on: str = ""
    insights: str = ""
    homework: str = ""
    id: int | None = None

    def validate(self) -> None:
        check_day(self.day, "The therapy note's date")


@dataclass
class Question:
    text: str
    created_on: dt.date
    source: str = ""
    flagged: bool = False
    done_on: dt.date | None = None
    id: int | None = None

    @property
    def is_open(self) -> bool:
        return self.done_on is None

    def validate(self) -> None:
        if not self.text.strip():
            raise ValidationError("A question cannot be empty.")
        check_day(self.created_on, "The question's date")
        if self.done_on is not None:
            check_day(self.done_on, "The day the question was ticked off")
