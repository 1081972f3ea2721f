"""Counts in words, for every layer (no Qt): "1 row", "2 rows", "questions 3 and 5"; and
the numbers and dates inside the domain's sentences (:class:`Formatting`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

TYPE_CHECKING = False
if TYPE_CHECKING:  # only for hints: datetime costs the lock window ~1.3 ms (issue 14 §4)
    import datetime as dt


def count_text(count: int, singular: str, plural: str | None = None) -> str:
    """A number with its noun in words: "1 time", "2 times", "0 versions"."""
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


def numbered(singular: str, numbers: list[int], plural: str | None = None) -> str:
    """ "question 3" or "questions 3, 5 and 7": the noun agrees with the numbers."""
    texts = [str(n) for n in numbers]
    listed = texts[0] if len(texts) == 1 else ", ".join(texts[:-1]) + " and " + texts[-1]
    return f"{singular if len(texts) == 1 else (plural or singular + 's')} {listed}"


def has_have(count: int) -> str:
    return "has" if count == 1 else "have"


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Marks a display string in a layer without Qt (domain) for translation: lupdate
    extracts it, and the UI translates it where it is shown with ``moodlog.i18n.tr``."""
    return text


_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_DATE_CODE = re.compile(r"d{1,4}|M{1,4}|yyyy|yy")


def plain_date(day: dt.date, pattern: str = "ddd d MMM") -> str:
    """``day`` in English by a Qt date pattern ("d MMM yyyy" -> "9 Jun 2026"; codes d, dd,
    ddd, dddd, M, MM, MMM, MMMM, yy, yyyy), the domain's Qt-free twin of
    ``moodlog.i18n.date_text``."""

    def code(match: re.Match[str]) -> str:
        token = match.group()
        return {
            "d": str(day.day),
            "dd": f"{day.day:02d}",
            "ddd": _WEEKDAYS[day.weekday()][:3],
            "dddd": _WEEKDAYS[day.weekday()],
            "M": str(day.month),
            "MM": f"{day.month:02d}",
            "MMM": _MONTHS[day.month - 1][:3],
            "MMMM": _MONTHS[day.month - 1],
            "yy": f"{day.year % 100:02d}",
            "yyyy": f"{day.year:04d}",
        }[token]

    return _DATE_CODE.sub(code, pattern)


def english_month(name: str) -> int | None:
    """The month (1-12) an English month name or its three-letter start names ("May",
    "sep", "September"), whatever the system's language (locale review: ``strptime``'s
    ``%B`` reads the system's names once Qt has set the C locale: "18 May 2019" from an
    old Daylio export was not a date on a German system)."""
    name = name.strip().casefold()
    for number, month in enumerate(_MONTHS, start=1):
        full = month.casefold()
        if name == full or (len(name) >= 3 and full.startswith(name)):
            return number
    return None


def plain_number(value: float, decimals: int = 1) -> str:
    """``value`` with a dot and ``decimals`` decimals: the Qt-free twin of
    ``moodlog.i18n.number_text``."""
    return f"{value:.{decimals}f}"


def _same(text: str) -> str:
    return text


@dataclass(frozen=True)
class Formatting:
    """How the domain's sentences are put into words: ``translate`` each marked wording
    (``moodlog.i18n.tr`` in the UI), ``number`` (value, decimals) and ``date`` (day, Qt
    date pattern). The defaults give plain English with dot decimals and English month
    names (CLI, tests); the UI and the PDF pass the locale's (``moodlog.locale_words``).

    A Formatting is callable like a translate function, so it can be passed wherever a
    sentence function takes ``translate``."""

    translate: Callable[[str], str] = _same
    number: Callable[[float, int], str] = plain_number
    date: Callable[[dt.date, str], str] = plain_date

    def __call__(self, text: str) -> str:
        return self.translate(text)

    def signed(self, value: float, decimals: int = 1) -> str:
        """ "+1.4" / "-0.3" (a sign always shown, like ``f"{value:+.1f}"``)."""
        text = self.number(value, decimals)
        return text if text.startswith(("-", "\N{MINUS SIGN}", "+")) else "+" + text

    def general(self, value: float) -> str:
        """``value`` with as many decimals as it needs, like ``f"{value:g}"`` ("56",
        "0.75")."""
        plain = f"{value:g}"
        if "e" in plain or "n" in plain:  # exponent, inf or nan: not a dose or a day count
            return plain
        decimals = len(plain.partition(".")[2])
        return self.number(value, decimals)

    def day(self, day: dt.date) -> str:
        """A date in a sentence: "09 Jun 2026" (locale month names)."""
        return self.date(day, "dd MMM yyyy")


PLAIN = Formatting()


def formatting(translate: Callable[[str], str] | Formatting | None) -> Formatting:
    """The :class:`Formatting` for a sentence function's ``translate`` argument: itself
    when it is one, else plain numbers and dates with that translate function."""
    if translate is None:
        return PLAIN
    if isinstance(translate, Formatting):
        return translate
    return Formatting(translate=translate)
