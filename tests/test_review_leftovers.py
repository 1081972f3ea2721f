"""Leftovers of the clinical review (issues 11 and 16), below the widgets: the PDF's
self-check key, the booster panel's wording when no session can be measured, and the
help line for a PHQ-9 saved with item 9 unanswered."""

from __future__ import annotations

import datetime as dt

from moodlog.domain.analysis import daily_series
from moodlog.domain.booster import booster_summary
from moodlog.domain.contents import VaultContents
from moodlog.domain.crisis import calm_help_line, resources_for
from moodlog.domain.entries import Entry
from moodlog.domain.period import Period, summarise
from moodlog.domain.questionnaires import GAD7, PHQ9
from moodlog.domain.safety import SICheckin, label_for
from moodlog.domain.treatments import Treatment

D0 = dt.date(2026, 1, 5)


def day(offset: int) -> dt.date:
    return D0 + dt.timedelta(days=offset)


def session(offset: int) -> Treatment:
    return Treatment(day=day(offset), time=dt.time(10), kind="ketamine_iv", dose_mg=40)


# -- PDF: the key says what `incomplete` stands for, both ways -----------------------------
def test_pdf_key_defines_incomplete_for_both_of_its_labels():
    from moodlog.report.pdf import _checkin_box

    wish_only = {"wish_dead": True, "thoughts": False}  # behaviour left unanswered
    thoughts = {"wish_dead": True, "thoughts": True, "method": None, "behavior": False}
    checkins = [SICheckin(day(1), dt.time(20), wish_only), SICheckin(day(2), dt.time(20), thoughts)]
    assert {c.level for c in checkins} == {"incomplete"}
    period = Period(day(0), day(29))
    box = _checkin_box(
        summarise(
            VaultContents(checkins=checkins), period, dt.datetime.combine(day(29), dt.time(21))
        ),
        True,
    )
    key = box[box.index("incomplete: ") :].split(";")[0]
    # One sentence that covers what label_for gives each of these check-ins.
    assert "thoughts of suicide" in key and "wishing to be dead" in key, key
    assert "follow-up question not answered" in key
    assert label_for(wish_only).startswith("yes to wishing to be dead")
    assert label_for(thoughts).startswith("yes to thoughts of suicide")


# -- booster panel: sessions there, none measurable ------------------------------------------
def test_maintenance_sessions_without_mood_data_are_not_called_missing():
    sessions = [session(0), session(2), session(4), session(40), session(60), session(80)]
    mood = daily_series([Entry(day(d), dt.time(9), mood=5) for d in (1, 3)])
    summary = booster_summary(mood, sessions, dt.datetime.combine(day(100), dt.time(20)))
    assert summary.maintenance_count == 3 and summary.maintenance == []
    text = summary.panel_text()
    assert not text.startswith("No maintenance sessions yet"), text
    assert text.startswith("3 maintenance sessions, but none has enough mood entries")


def test_no_maintenance_sessions_still_says_so():
    summary = booster_summary({}, [session(0), session(2), session(4)], dt.datetime(2026, 3, 1))
    assert summary.maintenance_count == 0
    assert summary.panel_text().startswith("No maintenance sessions yet")


def test_one_maintenance_session_without_mood_data_is_singular():
    summary = booster_summary({}, [session(0), session(2), session(40)], dt.datetime(2026, 3, 1))
    assert summary.panel_text().startswith("1 maintenance session, but it does not have enough")


# -- PHQ-9 item 9 unanswered ----------------------------------------------------------------
def test_item9_unanswered_is_recognised_only_on_a_partly_answered_phq9():
    from moodlog.domain.questionnaires import self_harm_item_unanswered

    answered = [1] * 8
    assert self_harm_item_unanswered(PHQ9, [*answered, None])
    assert not self_harm_item_unanswered(PHQ9, [*answered, 0])
    assert not self_harm_item_unanswered(PHQ9, [None] * 9)  # blank: never saved
    assert not self_harm_item_unanswered(GAD7, [1] * 6 + [None])


def test_unanswered_help_line_is_neutral_and_names_the_same_numbers():
    from moodlog.domain.crisis import unanswered_item_help_line

    resources = resources_for("NZ")
    text = unanswered_item_help_line(resources)
    assert text.startswith("You left question 9 unanswered. If you are having thoughts of ")
    assert "1737" in text and "111" in text
    assert "carry thoughts like these" not in text  # does not say the person has them
    # The same call-to-action as the calm line for a positive item 9.
    assert text.split("now: ")[1] == calm_help_line(resources).split("now: ")[1]


def test_a_data_dir_that_is_a_file_is_refused_and_left_as_it_was(tmp_path):
    """Attacker review: a mistaken --data-dir naming a file made it 0700 before failing,
    and the app printed a traceback."""
    import os
    import stat

    import pytest

    from moodlog.paths import ensure_private_dir
    from tests.conftest import PASSPHRASE, run_cli

    afile = tmp_path / "notes.txt"
    afile.write_text("someone's notes")
    os.chmod(afile, 0o644)
    with pytest.raises(NotADirectoryError):
        ensure_private_dir(afile)
    with pytest.raises(NotADirectoryError):
        ensure_private_dir(afile / "sub")
    for args in (["--data-dir", str(afile)], ["--data-dir", str(afile / "sub")]):
        gui = run_cli(args, env={"QT_QPA_PLATFORM": os.environ["QT_QPA_PLATFORM"]})
        assert gui.returncode == 2
        assert gui.stderr.count("\n") == 1 and "Traceback" not in gui.stderr
        assert "cannot use the data folder" in gui.stderr and "file" in gui.stderr
        cli = run_cli([*args, "init", "--passphrase-stdin"], PASSPHRASE + "\n")
        assert cli.returncode == 1 and "Traceback" not in cli.stderr
    assert stat.S_IMODE(afile.stat().st_mode) == 0o644
    assert afile.read_text() == "someone's notes"


def test_an_existing_folder_that_may_not_be_made_private_is_used_as_it_is(tmp_path, monkeypatch):
    import os

    from moodlog import paths

    folder = tmp_path / "shared"
    folder.mkdir()

    def refused(*_args) -> None:  # noqa: ANN002
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "chmod", refused)
    assert paths.ensure_private_dir(folder) == folder
