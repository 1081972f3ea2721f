"""Booster timing on screen and on paper (issue 16): Today, Trends, PDF page 1."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtGui import QPageSize

from moodlog.domain.booster import (
    OBSERVATION_LABEL,
    OBSERVATION_TEXT,
    SETTING_LAST_SESSIONS,
    SETTING_OBSERVATION,
)
from moodlog.domain.entries import Entry
from moodlog.domain.treatments import Treatment
from moodlog.insights import booster_from_vault
from moodlog.ui.booster_today import BoosterLine, ObservationNote
from moodlog.ui.context import AppContext
from moodlog.vault import bulk
from moodlog.vault.vault import Vault
from tests.conftest import FakeClock

NOW = dt.datetime(2026, 6, 30, 20, 0)


def make_context(vault: Vault, data_dir: Path, now: dt.datetime = NOW) -> AppContext:
    from moodlog.preferences import Preferences

    return AppContext(
        vault=vault, data_dir=data_dir, preferences=Preferences(country="US"), now=FakeClock(now)
    )


@pytest.fixture
def demo(vault: Vault) -> Vault:
    from moodlog.domain.demo import build_demo

    bulk.store(vault, build_demo(days=240, end=NOW.date(), seed=7))
    return vault


def today_screen(qtbot, context: AppContext):
    from moodlog.ui.today import TodayScreen

    screen = TodayScreen(context)
    qtbot.addWidget(screen)
    screen.show()
    return screen


def shown(screen, kind) -> list:
    return [w for w in screen.findChildren(kind) if w.isVisible()]


def test_today_line_on_a_demo_vault(qtbot, demo, data_dir):
    screen = today_screen(qtbot, make_context(demo, data_dir))
    (line,) = shown(screen, BoosterLine)
    text = line.label.text()
    summary = booster_from_vault(demo, NOW)
    assert summary.enough and summary.median_days is not None
    assert text.startswith(
        f"Your last {summary.sessions} maintenance sessions: the 3-day average of mood stayed "
        f"above its pre-session level for a median of {summary.median_days:g} days (range "
    )
    assert text.endswith(
        f"Today is day {summary.since_last_session_days} since your last ketamine or "
        "esketamine session."
    )
    assert line.details.text() == "Details"
    for word in ("booster", "dose", "book"):  # an observation of data, never advice
        assert word not in text.lower()


def test_no_line_without_sessions(qtbot, vault, data_dir):
    vault.entries.add(Entry(day=NOW.date(), time=dt.time(9), mood=5))
    screen = today_screen(qtbot, make_context(vault, data_dir))
    assert shown(screen, BoosterLine) == []


def back_at_baseline(vault: Vault) -> Treatment:
    """A session on day 0 after a week at mood 3; 7 on days 1-10, 3 from day 11 on."""
    start = NOW.date() - dt.timedelta(days=15)
    session = Treatment(start, dt.time(10), "ketamine_iv", dose_mg=40)
    vault.treatments.save(session)
    for offset in range(-7, 16):
        mood = 7 if 1 <= offset <= 10 else 3
        vault.entries.add(Entry(start + dt.timedelta(days=offset), dt.time(9), mood=mood))
    return session


def test_observation_shows_once_per_session(qtbot, vault, data_dir):
    back_at_baseline(vault)  # days 13, 14 and 15 (today) have a 3-day mean of 3
    context = make_context(vault, data_dir)
    screen = today_screen(qtbot, context)
    (note,) = shown(screen, ObservationNote)
    assert note.label.text() == OBSERVATION_TEXT
    assert note.note.text() == OBSERVATION_LABEL
    assert "not medical advice" in OBSERVATION_LABEL
    assert vault.settings.get(SETTING_OBSERVATION)["day"] == NOW.date().isoformat()
    screen.refresh()  # the same day: it stays
    qtbot.waitUntil(lambda: len(shown(screen, ObservationNote)) == 1)
    context.now.value = NOW + dt.timedelta(days=1)  # the next day: never again
    screen.refresh()
    qtbot.waitUntil(lambda: shown(screen, ObservationNote) == [])


def test_no_observation_before_three_days(qtbot, vault, data_dir):
    back_at_baseline(vault)
    screen = today_screen(qtbot, make_context(vault, data_dir, NOW - dt.timedelta(days=1)))
    assert shown(screen, ObservationNote) == []  # only days 13 and 14 so far
    assert vault.settings.get(SETTING_OBSERVATION) is None


def test_trends_duration_chart_and_its_setting(qtbot, demo, data_dir):
    from moodlog.ui.trends import TrendsScreen

    screen = TrendsScreen(make_context(demo, data_dir))
    qtbot.addWidget(screen)
    screen.show()
    screen.tabs.setCurrentIndex(1)
    panel = screen.around.booster
    summary = booster_from_vault(demo, NOW)
    assert panel.last.value() == 5
    assert f"a median of {summary.median_days:g} days" in panel.figure.text()
    assert "Kaplan-Meier" in panel.definition.text()
    assert len(panel.chart.bars) == min(12, len(summary.maintenance))
    assert panel.chart.median == summary.median_days
    panel.last.setValue(3)
    assert demo.settings.get(SETTING_LAST_SESSIONS) == 3
    assert "Your last 3 maintenance sessions" in panel.figure.text()
    assert booster_from_vault(demo, NOW).sessions == 3  # Today follows the setting


def test_pdf_page_one_durability_line(qapp, demo, tmp_path):
    import pypdf

    from moodlog.domain.period import Period
    from moodlog.report.pdf import ReportOptions, export_pdf

    options = ReportOptions(
        period=Period(NOW.date() - dt.timedelta(days=29), NOW.date()),
        country="US",
        page_size=QPageSize(QPageSize.PageSizeId.A4),
    )
    path = tmp_path / "summary.pdf"
    export_pdf(bulk.load(demo), options, path, NOW)
    page1 = " ".join(pypdf.PdfReader(path).pages[0].extract_text().split())
    summary = booster_from_vault(demo, NOW)
    assert "Session durability" in page1
    assert f"Last {summary.sessions} maintenance sessions" in page1
    assert "Kaplan-Meier method" in page1.replace("- ", "-")  # the footnote's definition


def test_details_opens_trends_around_sessions(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

    class Window(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.tabs = QTabWidget()
            self.tabs.addTab(QWidget(), "Over time")
            self.tabs.addTab(QWidget(), "Around sessions")
            self.line = BoosterLine("Your last 5 sessions: ...")
            layout = QVBoxLayout(self)
            layout.addWidget(self.tabs)
            layout.addWidget(self.line)
            self.opened: list[str] = []

        def show_screen(self, title: str) -> QWidget:
            self.opened.append(title)
            return self

    window = Window()
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(window.line.details, Qt.MouseButton.LeftButton)
    assert window.opened == ["Trends"] and window.tabs.currentIndex() == 1


def test_summary_from_the_vault_equals_the_whole_history(demo):
    from moodlog.domain.analysis import daily_series
    from moodlog.domain.booster import booster_summary

    def whole(v: Vault):
        contents = bulk.load(v)
        return booster_summary(daily_series(contents.entries), contents.treatments, NOW)

    fast = booster_from_vault(demo, NOW)
    assert fast.durations == whole(demo).durations and fast.enough


def test_summary_reads_older_sessions_when_recent_ones_have_no_figure(vault):
    from moodlog.domain.analysis import daily_series
    from moodlog.domain.booster import booster_summary

    vault.settings.set(SETTING_LAST_SESSIONS, 3)
    start = NOW.date() - dt.timedelta(days=400)
    days = [start + dt.timedelta(days=30 * i) for i in range(13)]
    for day in days:
        vault.treatments.save(Treatment(day, dt.time(10), "ketamine_iv", dose_mg=40))
    for offset in range(-7, 120):  # mood only around the first four sessions
        mood = 7 if offset % 30 in range(1, 6) else 3
        vault.entries.add(Entry(start + dt.timedelta(days=offset), dt.time(9), mood=mood))
    fast = booster_from_vault(vault, NOW)
    contents = bulk.load(vault)
    full = booster_summary(daily_series(contents.entries), contents.treatments, NOW, 3)
    assert fast.sessions == 3 and fast.durations == full.durations
    assert [d.session.day for d in fast.durations] == days[1:4]
