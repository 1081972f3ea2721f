"""Errors of the domain: values moodlog cannot accept, said in plain words."""

from __future__ import annotations

from typing import Any


class ValidationError(ValueError):
    """A value the user (or an import file) gave that moodlog cannot accept.

    ``str(error)`` is a plain sentence naming the field and the allowed range.
    """


def shown(value: Any, limit: int = 40) -> str:
    """``repr`` of a given value for a message, cut short: a message never carries a
    whole note or a 400-digit number (review finding: import errors echoed them)."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
