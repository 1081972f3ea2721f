"""The locale's :class:`~moodlog.wording.Formatting` for the domain's sentences: the UI
and the PDF pass :data:`LOCALE` wherever a domain sentence function takes ``translate``,
so its numbers ("1,4") and dates ("09 Mai 2026") read like the rest of the screen."""

from __future__ import annotations

from moodlog.i18n import date_text, number_text, tr
from moodlog.wording import Formatting

LOCALE = Formatting(translate=tr, number=number_text, date=date_text)
