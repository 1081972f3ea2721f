"""Issue 14 §2 and §3: what saving from Today and unlocking do at once, and what they
leave for the moment after the result is on screen (and that it still happens)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from moodlog.domain.entries import Entry
from moodlog.domain.treatments import Treatment
from moodlog.ui.booster_today import BoosterLine, ObservationNote
from moodlog.ui.context import AppContext
from moodlog.vault.vault import Vault
from tests.conftest import SI_ANSWERS, FakeClock

NOW = dt.datetime(2026, 6, 30, 20, 0)


def make_context(vault: Vault, data_dir: Path, now: dt.datetime = NOW) -> AppContext:
    from moodlog.preferences import Preferences

    return AppContext(
        vault=vault, data_dir=data_dir, preferences=Preferences(country="US"), now=FakeClock(now)
    )


def today_screen(qtbot, context: AppContext):
    from moodlog.ui.today import TodayScreen

    screen = TodayScreen(context)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def shown(screen, kind) -> list:
    return [w for w in screen.findChildren(kind) if w.isVisible()]


def session_then_baseline_until_yesterday(vault: Vault) -> None:
    """A session 15 days ago after a week at mood 3; 7 on days 1-10 after it, 3 on
    days 11-14 (yesterday). Today has no entry yet."""
    start = NOW.date() - dt.timedelta(days=15)
    vault.treatments.save(Treatment(start, dt.time(10), "ketamine_iv", dose_mg=40))
    for offset in range(-7, 15):
        mood = 7 if 1 <= offset <= 10 else 3
        vault.entries.add(Entry(start + dt.timedelta(days=offset), dt.time(9), mood=mood))


def fill_and_save(qtbot, screen, mood: int) -> None:
    screen.form.mood.set_value(mood)
    for key, value in SI_ANSWERS["none"].items():
        screen.self_check.answer(key, value)
    assert screen.save()


def test_the_booster_observation_follows_a_saved_entry(qtbot, vault, data_dir):
    """Today's mood can bring the 3-day mean back to the pre-session level: the gentle
    observation then appears after the save (once its result is on screen), without
    leaving and re-opening Today."""
    session_then_baseline_until_yesterday(vault)
    screen = today_screen(qtbot, make_context(vault, data_dir))
    assert len(shown(screen, BoosterLine)) == 1
    assert shown(screen, ObservationNote) == []  # days 13 and 14 only: not yet
    fill_and_save(qtbot, screen, 3)
    qtbot.waitUntil(lambda: len(shown(screen, ObservationNote)) == 1, timeout=3000)
    assert len(shown(screen, BoosterLine)) == 1  # still one line, above the observation
    lines = [screen.prompts.itemAt(i).widget() for i in range(screen.prompts.count())]
    kinds = [type(w) for w in lines if w is not None and w.isVisible()]
    assert kinds.index(BoosterLine) < kinds.index(ObservationNote)


def test_a_save_announces_its_changes_only_once_they_are_committed(qtbot, vault, data_dir):
    context = make_context(vault, data_dir)
    screen = today_screen(qtbot, context)
    seen: list[tuple[str, bool, int, int]] = []

    def changed(kind: str) -> None:  # what a listener can read at that moment
        seen.append(
            (kind, vault.conn.in_transaction, vault.entries.count(), len(vault.checkins.all()))
        )

    context.events.data_changed.connect(changed)
    fill_and_save(qtbot, screen, 6)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=3000)  # (once its result is painted)
    for kind, in_transaction, entries, checkins in seen:
        assert not in_transaction, f"{kind!r} announced inside the save's transaction"
        assert (entries, checkins) == (1, 1)  # both rows, committed, whatever the order
    assert [kind for kind, *_ in seen] == ["checkins", "entries"]


class Paints(QObject):
    """Counts the paints of one widget."""

    def __init__(self, widget) -> None:  # noqa: ANN001
        super().__init__(widget)
        self.widget, self.count = widget, 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.widget and event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_other_screens_are_told_of_a_save_once_its_result_is_painted(qtbot, vault, data_dir):
    """Ctrl+S: the other screens (reminders, Trends, a Journal opened earlier) hear of
    the save just after its "Saved at ..." line is painted, not before it (issue 14 §2),
    in the same order as before (the self-check and its question, then the entry);
    help after a yes is offered at once, inside the key press."""
    context = make_context(vault, data_dir)
    screen = today_screen(qtbot, context)
    paints = Paints(screen.status)
    seen: list[tuple[str, int]] = []  # (what, the status line's paints by then)
    context.events.data_changed.connect(lambda kind: seen.append((kind, paints.count)))
    context.events.question_added.connect(lambda: seen.append(("question", paints.count)))
    context.events.help_requested.connect(lambda level: seen.append(("help", paints.count)))
    screen.form.mood.set_value(4)
    for key, value in SI_ANSWERS["low"].items():
        screen.self_check.answer(key, value)
    screen.self_check.discuss_box.setChecked(True)
    qtbot.wait(30)
    before = paints.count
    screen.form.note.setFocus()
    QTest.keySequence(screen.form.note, QKeySequence(QKeySequence.StandardKey.Save))
    assert vault.entries.count() == 1
    assert seen == [("help", before)]  # at once: before any paint
    qtbot.waitUntil(lambda: len(seen) == 4, timeout=3000)
    assert [what for what, _ in seen] == ["help", "question", "checkins", "entries"]
    assert all(painted > before for what, painted in seen[1:])  # after the result's paint


def test_leaving_today_tells_the_other_screens_first(qtbot, vault, data_dir):
    """A save not told yet (its result not painted yet) is told before Today is left:
    the screen shown next, or a lock, never reads the journal without knowing of it."""
    context = make_context(vault, data_dir)
    screen = today_screen(qtbot, context)
    seen: list[str] = []
    context.events.data_changed.connect(seen.append)
    fill_and_save(qtbot, screen, 6)
    assert seen == []  # (not painted yet)
    screen.leaving()  # what the main window calls before showing another screen
    assert seen == ["checkins", "entries"]
    qtbot.wait(300)  # (the paint, and the fallback after it)
    assert seen == ["checkins", "entries"]  # told once


def test_reminders_read_only_what_a_change_can_affect(qtbot, data_dir, monkeypatch):
    """A new entry or self-check can only change "logged today": no session is decoded
    for it, and a burst of changes is read once, after the saving screen is done."""
    from tests.gui.helpers import create_vault_through_the_window

    controller = create_vault_through_the_window(qtbot, data_dir)
    service = controller.reminders
    vault = controller.vault
    now = service.logic.clock()
    qtbot.wait(500)  # the state read just after unlock
    import moodlog.ui.reminders as reminders

    sessions: list[int] = []
    days: list[int] = []
    real_all, real_logged_on = vault.treatments.all, reminders.logged_on
    monkeypatch.setattr(vault.treatments, "all", lambda: sessions.append(1) or real_all())
    monkeypatch.setattr(reminders, "logged_on", lambda v, d: days.append(1) or real_logged_on(v, d))
    vault.entries.add(Entry(now.date(), dt.time(0, 0), mood=5))
    events = controller.context.events
    events.data_changed.emit("checkins")
    events.data_changed.emit("entries")
    assert service.logic.logged_day is None  # not yet: once the screen has shown it
    qtbot.waitUntil(lambda: service.logic.logged_day == now.date(), timeout=3000)
    assert sessions == [] and days == [1]  # one read for both, no session decoded
    ahead = now.replace(second=0, microsecond=0) + dt.timedelta(days=2)
    vault.treatments.save(Treatment(ahead.date(), ahead.time(), "ketamine_iv", dose_mg=40))
    events.data_changed.emit("treatments")
    qtbot.waitUntil(lambda: ahead in service.logic.sessions, timeout=3000)
    controller.shutdown()


def test_unlocking_shows_today_before_the_sessions_are_read(qtbot, vault, data_dir):
    """The main window built at unlock paints Today first; what comes from the sessions
    (the line about the last session, the prompts, the session-durability line) follows
    just after that paint (issue 14 §3), read once."""
    import moodlog.ui.booster_today as booster_today
    from moodlog.ui.main_window import MainWindow

    session_then_baseline_until_yesterday(vault)
    reads: list[int] = []
    real = booster_today.booster_from_vault

    def counted(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        reads.append(1)
        return real(*args, **kwargs)

    vault.created_now = False  # an existing journal, as unlocking opens it
    booster_today.booster_from_vault = counted
    try:
        window = MainWindow(make_context(vault, data_dir))
        qtbot.addWidget(window)
        today = window.screens["Today"]
        assert reads == [] and today.findChildren(BoosterLine) == []
        assert today.context_label.text() == "" and today.context_label.isHidden()
        window.show()
        qtbot.waitUntil(lambda: len(shown(today, BoosterLine)) == 1, timeout=3000)
        assert reads == [1]
        assert "15 days since your last session" in today.context_label.text()
        assert today.context_label.isVisible()
    finally:
        booster_today.booster_from_vault = real


def test_today_opened_later_shows_the_sessions_at_once(qtbot, vault, data_dir):
    """Only the build at unlock defers them: a Today built on its own, or in the window
    of a journal created just now (nothing to wait for), has them from the start."""
    from moodlog.ui.main_window import MainWindow

    session_then_baseline_until_yesterday(vault)
    screen = today_screen(qtbot, make_context(vault, data_dir))
    assert len(shown(screen, BoosterLine)) == 1
    assert vault.created_now  # the fixture made it in this process
    window = MainWindow(make_context(vault, data_dir))
    qtbot.addWidget(window)
    today = window.screens["Today"]
    assert "15 days since your last session" in today.context_label.text()
    assert len(today.findChildren(BoosterLine)) == 1


def test_ticking_no_new_tag_does_not_lay_the_tag_list_out_again(qtbot, vault):
    """Resetting the form after a save unticks tags without re-measuring the list
    (a full relayout and repaint of it that the person would wait for)."""
    from moodlog.ui.entry_form import EntryForm

    form = EntryForm(["walk", "friends"], NOW.date())
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    qtbot.wait(50)  # the first layout after showing it
    calls: list[int] = []
    fit = form.tags.fit_height
    form.tags.fit_height = lambda: calls.append(1) or fit()
    form.check_tags(["walk"])
    form.check_tags([])
    qtbot.wait(20)
    assert calls == [] and form.checked_tags() == []
    form.check_tags(["yoga"])  # a new tag: the list grows
    qtbot.waitUntil(lambda: calls == [1], timeout=2000)
    assert form.checked_tags() == ["yoga"]


# -- issue 15 leftover: the scales' tick marks in the dark theme -----------------------------


def test_scale_tick_marks_can_be_seen_in_dark_and_light(qtbot, qapp):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QPalette

    from moodlog.ui.application import apply_theme, current_theme
    from moodlog.ui.entry_form import EntryForm
    from tests.gui.test_new_user_review import strongest_contrast

    palette, sheet, theme = QPalette(qapp.palette()), qapp.styleSheet(), current_theme()
    form = EntryForm([], NOW.date())
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    try:
        for chosen in ("dark", "light", "dark"):  # and again after a switch
            apply_theme(qapp, chosen)
            qtbot.wait(10)
            window = form.palette().color(QPalette.ColorRole.Window)
            assert (window.lightness() < 128) == (chosen == "dark")
            for scale in (form.mood, form.anxiety, form.sleep_quality):
                slider = scale.slider
                image = slider.grab().toImage()
                # Below the groove, left of the handle (in the middle): only tick marks.
                ticks = QRect(0, slider.height() // 2 + 3, slider.width() // 3, 6)
                seen = strongest_contrast(image, ticks, window)
                assert seen >= 3.0, (chosen, scale.slider.accessibleName(), seen)
    finally:
        apply_theme(qapp, theme)
        qapp.setPalette(palette)
        qapp.setStyleSheet(sheet)
