"""Counts in words, for every layer (no Qt): "1 row", "2 rows", "questions 3 and 5"."""

from __future__ import annotations


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
