"""The report's charts show what was known at the end of the period, like its figures
(stop 13's rule): a past period's charts are the same, pixel for pixel, whether or not
anything was entered after its end. Before, a PHQ-9 taken after the period drew the
questionnaire line heading towards it across the period's last weeks, and the mood's
7-day-mean line its first half-day towards the day after."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtGui import QPageSize

from moodlog.domain.contents import VaultContents
from moodlog.domain.demo import build_demo
from moodlog.domain.period import Period
from moodlog.domain.questionnaires import QuestionnaireResult
from moodlog.report.pdf import ReportCharts, ReportOptions

NOW = dt.datetime(2026, 11, 30, 21)


def up_to(contents: VaultContents, last: dt.date) -> VaultContents:
    """``contents`` as they stood at the end of ``last``."""
    return dataclasses.replace(
        contents,
        entries=[e for e in contents.entries if e.day <= last],
        checkins=[c for c in contents.checkins if c.day <= last],
        questionnaires=[q for q in contents.questionnaires if q.day <= last],
        treatments=[t for t in contents.treatments if t.day <= last],
        medications=contents.medications,
    )


def pixels(contents: VaultContents, period: Period) -> dict[str, bytes]:
    options = ReportOptions(period=period, page_size=QPageSize(QPageSize.PageSizeId.A4))
    charts = ReportCharts(contents, options, NOW, 150)
    images = charts.images()
    assert set(images) == {"mood_small", "timeline", "around"}
    return {name: bytes(image.constBits()) for name, image in images.items()}


@pytest.mark.parametrize("days", [30, 120])
def test_a_past_periods_charts_do_not_show_what_came_after_it(qapp, days: int) -> None:
    contents = build_demo(end=NOW.date(), days=360, now=NOW)
    last = NOW.date() - dt.timedelta(days=60)
    period = Period(last - dt.timedelta(days=days - 1), last)
    # A very different PHQ-9 and mood just after the period: only later data differs.
    later = dataclasses.replace(
        contents,
        questionnaires=[
            *contents.questionnaires,
            QuestionnaireResult(last + dt.timedelta(days=2), dt.time(9), "PHQ-9", [3] * 9),
        ],
    )
    assert pixels(later, period) == pixels(up_to(later, last), period)
