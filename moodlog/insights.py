"""Insights read from an open vault (no Qt): the booster-timing summary and the gentle
observation, shared by the Today screen and ``moodlog insights``.

The figures themselves are defined in :mod:`moodlog.domain.booster`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from moodlog.domain.analysis import past_sessions
from moodlog.domain.booster import (
    SETTING_LAST_SESSIONS,
    SETTING_OBSERVATION,
    BoosterSummary,
    booster_summary,
    last_sessions_setting,
    maintenance_sessions,
    observation_allowed,
    observation_session,
    shown_value,
)
from moodlog.domain.treatments import Treatment


def booster_from_vault(
    vault: Any, now: dt.datetime, treatments: list[Treatment] | None = None
) -> BoosterSummary:
    """The summary (per-day means read in SQL), equal to one over the whole history.

    A session's figure needs only the days from 7 before it on, so the days of the
    last ``3 * last`` maintenance sessions are read first; the whole history only
    when fewer than ``last`` of those have a figure and older ones exist. (The
    ``maintenance`` list of the result then holds only the sessions read.)"""
    treatments = vault.treatments.all() if treatments is None else treatments
    last = last_sessions_setting(vault.settings.get(SETTING_LAST_SESSIONS))
    maintenance = maintenance_sessions(treatments, now)
    if not maintenance:
        return booster_summary({}, treatments, now, last)
    since = _window_start(maintenance, last)
    summary = booster_summary(vault.entries.daily_means(since)["mood"], treatments, now, last)
    if summary.sessions < last and len(maintenance) > 3 * last:
        summary = booster_summary(vault.entries.daily_means()["mood"], treatments, now, last)
    return summary


def _window_start(maintenance: list[Treatment], last: int) -> dt.date:
    """7 days before the first of the last ``3 * last`` maintenance sessions."""
    return maintenance[-3 * last :][0].day - dt.timedelta(days=7)


def booster_entries_since(
    vault: Any, now: dt.datetime, treatments: list[Treatment] | None = None
) -> dt.date | None:
    """The first day whose entries :func:`booster_from_vault` reads for ``now`` (None:
    the whole history), so that a report reading only recent entries still states the
    same "Session durability" figure as Today and ``moodlog insights``."""
    treatments = vault.treatments.all() if treatments is None else treatments
    last = last_sessions_setting(vault.settings.get(SETTING_LAST_SESSIONS))
    maintenance = maintenance_sessions(treatments, now)
    if not maintenance:
        return now.date()
    since = _window_start(maintenance, last)
    if len(maintenance) > 3 * last:
        mood = vault.entries.daily_means(since)["mood"]
        if booster_summary(mood, treatments, now, last).sessions < last:
            return None
    return since


def observation_from_vault(
    vault: Any, now: dt.datetime, treatments: list[Treatment] | None = None
) -> bool:
    """True when the gentle observation is due and allowed (at most once per session:
    the first day it shows is recorded in the vault's settings)."""
    treatments = vault.treatments.all() if treatments is None else treatments
    sessions = past_sessions(treatments, now)
    if not sessions:
        return False
    # The last session's baseline needs the 7 days before it (the earlier sessions'
    # days come from ``treatments``); its 3-day means only the days after it.
    mood = vault.entries.daily_means(sessions[-1].day - dt.timedelta(days=7))["mood"]
    session = observation_session(mood, treatments, now)
    if session is None:
        return False
    if not observation_allowed(session, now.date(), vault.settings.get(SETTING_OBSERVATION)):
        return False
    vault.settings.set(SETTING_OBSERVATION, shown_value(session, now.date()))
    return True
