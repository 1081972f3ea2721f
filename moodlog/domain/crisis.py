"""Crisis lines by country, read from ``resources/crisis_lines.json``.

Plain data: the GUI, the PDF and the CLI all show the same numbers from here.
"""

from __future__ import annotations

import json
import locale
import os
from dataclasses import dataclass
from functools import cache

from moodlog.assets import read_text


@dataclass(frozen=True)
class CrisisLine:
    name: str
    how: str
    call: str
    text: str
    chat: str
    source: str
    verified: str


@dataclass(frozen=True)
class CountryResources:
    country: str
    country_name: str
    emergency: str
    lines: tuple[CrisisLine, ...]

    @property
    def first_line_number(self) -> str:
        return self.lines[0].call if self.lines else ""


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
            return CountryResources(code, entry["country_name"], entry["emergency"], lines)
    fallback = _data()["fallback"]
    if code in _data()["eu_countries"]:
        return CountryResources(
            code, code, f"{fallback['eu_emergency']} (the EU emergency number)", ()
        )
    return CountryResources(code, code or "your country", fallback["emergency"], ())


def country_from_locale() -> str:
    """Two-letter country from the system locale (``en_GB.UTF-8`` -> ``GB``), else ``US``."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if "_" in value:
            return value.split("_", 1)[1][:2].upper()
    try:
        name = locale.getlocale()[0] or ""
    except ValueError:
        name = ""
    if "_" in name:
        return name.split("_", 1)[1][:2].upper()
    return "US"


def urgent_line(resources: CountryResources) -> str:
    """The first sentence shown for a ``high`` check-in."""
    if resources.lines:
        line = resources.lines[0]
        return (
            f"If you might act on these thoughts now, call {resources.emergency} "
            f"or {line.name} ({line.call}) now."
        )
    return (
        f"If you might act on these thoughts now, call {resources.emergency} "
        "or your crisis line now."
    )
