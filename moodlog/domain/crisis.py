"""Crisis lines by country, read from ``resources/crisis_lines.json``.

Plain data: the GUI, the PDF and the CLI all show the same numbers from here.
The country is the user's own choice (asked when the vault is created, changeable
in Settings and in the help panel). There is no silent default: without a chosen
country, help names "your local emergency number" and "your local crisis line".
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from moodlog.assets import read_text
from moodlog.wording import QT_TR_NOOP

Translate = Callable[[str], str]


def _untranslated(text: str) -> str:
    return text


@dataclass(frozen=True)
class CrisisLine:
    name: str
    how: str
    call: str
    text: str
    chat: str
    source: str
    verified: str
    short: str = ""  # the name used in the one-sentence urgent line
    # Open at every hour (the file says so of each line). A line that is not is never
    # named in a sentence that says "now" (diff review: Italy's line, closed from
    # midnight to 10:00, was); its hours are said where it is named.
    around_the_clock: bool = False
    hours: str = ""  # when it is open, for a line that is not open at every hour

    @property
    def short_name(self) -> str:
        return self.short or self.name


@dataclass(frozen=True)
class CountryResources:
    country: str
    country_name: str
    emergency: str
    lines: tuple[CrisisLine, ...]
    emergency_call: str = ""  # the number named first in the urgent sentence

    @property
    def first_call_line(self) -> CrisisLine | None:
        """The first line that can be called at any hour (some lines are text only, some
        open part of the day)."""
        return next((line for line in self.lines if line.call and line.around_the_clock), None)

    @property
    def part_time_call_line(self) -> CrisisLine | None:
        """The first line that can be called, open part of the day (for a country with
        no line open at every hour)."""
        return next((line for line in self.lines if line.call and not line.around_the_clock), None)

    @property
    def open_part_of_the_day_only(self) -> bool:
        """Its only lines to call are open part of the day (Italy's): none is offered
        "now"."""
        return self.first_call_line is None and self.part_time_call_line is not None

    @property
    def emergency_number(self) -> str:
        return self.emergency_call or self.emergency


@cache
def _data() -> dict:
    return json.loads(read_text("crisis_lines.json"))


def known_countries() -> list[tuple[str, str]]:
    """(code, name) pairs for every country with its own lines, by name."""
    return sorted(
        ((c["country"], c["country_name"]) for c in _data()["countries"]), key=lambda pair: pair[1]
    )


def resources_for(country: str | None) -> CountryResources:
    """The crisis lines and emergency number for a two-letter country code.

    Countries without their own entry get "your local emergency number" (112 in
    the EU) and no named line; the user's own contacts are shown beside it.
    """
    code = (country or "").upper()
    for entry in _data()["countries"]:
        if entry["country"] == code:
            lines = tuple(
                CrisisLine(**{k: line.get(k, "") for k in CrisisLine.__annotations__})
                for line in entry["lines"]
            )
            return CountryResources(
                code,
                entry["country_name"],
                entry["emergency"],
                lines,
                entry.get("emergency_call", ""),
            )
    fallback = _data()["fallback"]
    if code in _data()["eu_countries"]:
        eu = fallback["eu_emergency"]
        return CountryResources(
            code, code, QT_TR_NOOP("{number} (the EU emergency number)").format(number=eu), (), eu
        )
    return CountryResources(code, code or QT_TR_NOOP("your country"), fallback["emergency"], ())


def directory() -> tuple[str, str]:
    """(name, address) of the directory of crisis lines named where moodlog lists none
    for the person's country (Find A Helpline: free, run by ThroughLine)."""
    entry = _data()["fallback"]["directory"]
    return entry["name"], entry["address"]


def lines_in_words(resources: CountryResources, translate: Translate = _untranslated) -> str:
    """Every line as "name: how", for the printed safety plan and the therapist PDF;
    the directory after them when none is open at every hour (Italy's); "" when the
    country has no line."""
    lines = "; ".join(f"{line.name}: {line.how}" for line in resources.lines)
    if lines and resources.first_call_line is None:
        lines = translate(QT_TR_NOOP("{lines}; {address} lists others")).format(
            lines=lines, address=directory()[1]
        )
    return lines


def _line_words(line: CrisisLine) -> str:
    """ "Samaritans (116 123)", or just "1737" when the short name is the number."""
    if line.short_name == line.call:
        return line.call
    return f"{line.short_name} ({line.call})"


def urgent_line(resources: CountryResources, translate: Translate = _untranslated) -> str:
    """The first sentence shown for a ``high`` or ``incomplete`` check-in.

    ``translate`` (the UI passes ``moodlog.i18n.tr``) translates each marked sentence
    before the numbers are filled in; the domain itself stays without Qt."""
    line = resources.first_call_line
    emergency = resources.emergency_number
    if line is not None:
        return translate(
            QT_TR_NOOP("If you might act on these thoughts now, call {emergency} or {line} now.")
        ).format(emergency=emergency, line=_line_words(line))
    if resources.part_time_call_line is not None:  # (it may be closed now)
        return translate(
            QT_TR_NOOP("If you might act on these thoughts now, call {emergency} now.")
        ).format(emergency=emergency)
    return translate(
        QT_TR_NOOP(
            "If you might act on these thoughts now, call {emergency} or your crisis line now."
        )
    ).format(emergency=emergency)


def _call_now(resources: CountryResources, translate: Translate) -> str:
    """ "call <the crisis line>, or <the emergency number> in an emergency." """
    line = resources.first_call_line
    emergency = resources.emergency_number
    if line is None:
        return translate(
            QT_TR_NOOP("call your local crisis line, or {emergency} in an emergency.")
        ).format(emergency=emergency)
    if line.short_name == line.call:
        return translate(QT_TR_NOOP("call {number}, or {emergency} in an emergency.")).format(
            number=line.call, emergency=emergency
        )
    return translate(QT_TR_NOOP("call {name} on {number}, or {emergency} in an emergency.")).format(
        name=line.short_name, number=line.call, emergency=emergency
    )


def _open_part_of_the_day(resources: CountryResources, translate: Translate) -> str | None:
    """For a country whose only line is open part of the day (Italy's): that line with
    its hours, then the emergency number for any other time; no "now" (second diff
    review: "talk to someone now: call Telefono Amico ..." at 2 a.m.). None elsewhere."""
    part_time = resources.part_time_call_line
    if not resources.open_part_of_the_day_only or part_time is None:
        return None
    return translate(
        QT_TR_NOOP(
            "You can talk to {name} on {number} ({hours}). At any other time, or in an "
            "emergency, call {emergency}."
        )
    ).format(
        name=part_time.short_name,
        number=part_time.call,
        hours=part_time.hours,
        emergency=resources.emergency_number,
    )


def calm_help_line(resources: CountryResources, translate: Translate = _untranslated) -> str:
    """One calm sentence naming the crisis line and the emergency number.

    Shown whenever PHQ-9 item 9 is answered above "Not at all", whatever happens next.
    """
    part_of_the_day = _open_part_of_the_day(resources, translate)
    if part_of_the_day is not None:
        return (
            translate(QT_TR_NOOP("You do not have to carry thoughts like these alone."))
            + " "
            + part_of_the_day
        )
    return translate(
        QT_TR_NOOP(
            "You do not have to carry thoughts like these alone. You can talk to someone now: "
            "{call_now}"
        )
    ).format(call_now=_call_now(resources, translate))


def unanswered_item_help_line(
    resources: CountryResources, number: int = 9, translate: Translate = _untranslated
) -> str:
    """The same help, in neutral words, for a PHQ-9 saved with question ``number`` (the
    one about thoughts of being better off dead or of hurting oneself) unanswered: an
    unanswered question is never read as "no", and the person is never told they have
    such thoughts."""
    part_of_the_day = _open_part_of_the_day(resources, translate)
    if part_of_the_day is not None:
        return (
            translate(
                QT_TR_NOOP(
                    "You left question {number} unanswered. If you are having thoughts of "
                    "ending your life, help is there."
                )
            ).format(number=number)
            + " "
            + part_of_the_day
        )
    return translate(
        QT_TR_NOOP(
            "You left question {number} unanswered. If you are having thoughts of ending your "
            "life, you can talk to someone now: {call_now}"
        )
    ).format(number=number, call_now=_call_now(resources, translate))
