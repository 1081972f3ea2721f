"""Check-ins in the vault: at most one "skipped" a day from the app (issue 11 §1)."""

from __future__ import annotations

import datetime as dt

import pytest

from moodlog.domain.safety import SICheckin
from tests.conftest import SI_ANSWERS

DAY = dt.date(2026, 11, 20)


def test_several_skipped_check_ins_a_day_are_recorded_once(vault):
    for hour in (8, 12, 20):
        vault.checkins.record(SICheckin.skipped_on(DAY, dt.time(hour)))
    vault.checkins.record(SICheckin.skipped_on(DAY + dt.timedelta(days=1), dt.time(9)))
    days = [(c.day, c.level) for c in vault.checkins.all()]
    assert days == [(DAY, "skipped"), (DAY + dt.timedelta(days=1), "skipped")]


def test_answered_check_ins_are_all_kept_and_a_discuss_wish_is_not_lost(vault):
    vault.checkins.record(SICheckin.skipped_on(DAY, dt.time(8)))
    vault.checkins.record(SICheckin(DAY, dt.time(9), answers=SI_ANSWERS["none"]))
    vault.checkins.record(SICheckin(DAY, dt.time(10), answers=SI_ANSWERS["low"]))
    again = SICheckin(DAY, dt.time(11), skipped=True, discuss=True)
    first_id = vault.checkins.all()[0].id
    assert vault.checkins.record(again) == first_id
    levels = [c.level for c in vault.checkins.all()]
    assert levels == ["skipped", "none", "low"]
    assert vault.checkins.all()[0].discuss


def test_import_path_keeps_every_row(vault):
    for hour in (8, 12):
        vault.checkins.add(SICheckin.skipped_on(DAY, dt.time(hour)))
    assert len(vault.checkins.all()) == 2


def test_old_exports_with_low_for_an_unanswered_follow_up_still_import():
    from moodlog.domain.contents import VaultContents
    from moodlog.report.json_format import from_document, to_document

    answers = {"wish_dead": True, "thoughts": True, "method": None, "intent": None}
    answers |= {"plan": None, "behavior": False}
    document = to_document(VaultContents(checkins=[SICheckin(DAY, dt.time(21), answers)]))
    (record,) = document["si_checkins"]
    assert record["level"] == "incomplete"
    record["level"] = "low"  # what moodlog wrote before "incomplete" existed
    (checkin,) = from_document(document).checkins
    assert checkin.level == "incomplete"
    record["level"] = "high"  # still refused: it does not match the answers in any version
    with pytest.raises(Exception, match="level"):
        from_document(document)
