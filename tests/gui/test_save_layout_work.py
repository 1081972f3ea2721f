"""Saving from Today lays out nothing in the form (issue 14 §2): the scales' value
labels keep one size whatever they say, and an unchanged day or time is not set again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication

from moodlog.i18n import tr
from moodlog.ui.entry_form import EntryForm
from moodlog.ui.today import TodayScreen
from moodlog.ui.widgets import ScaleInput
from moodlog.vault.vault import Vault
from tests.gui.helpers import shown_today

NOW = dt.datetime(2026, 11, 20, 20, 30)


class LayoutRequests(QObject):
    """Counts the LayoutRequest events the watched widgets receive."""

    def __init__(self, *widgets: QObject) -> None:
        super().__init__()
        self.count = 0
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


@pytest.fixture
def today(qtbot, vault: Vault, data_dir: Path) -> TodayScreen:
    return shown_today(qtbot, vault, data_dir, NOW, height=800)


def test_saving_lays_out_nothing_in_the_form(qtbot, today):
    form = today.form
    form.mood.set_value(7)
    item = form.tags.item(0)
    item.setCheckState(Qt.CheckState.Checked)
    for key in ("wish_dead", "thoughts"):
        today.self_check.answer(key, False)
    qtbot.wait(20)
    requests = LayoutRequests(form, form.mood, form.anxiety)
    label_geometry = form.mood.value_label.geometry()
    assert today.save()
    QApplication.processEvents()
    assert form.mood.value_label.text() == tr("not set yet")  # the form was cleared
    assert form.mood.value() is None and not form.checked_tags()
    assert requests.count == 0
    assert form.mood.value_label.geometry() == label_geometry


def test_a_value_label_keeps_its_size_and_shows_every_text_whole(qtbot):
    scale = ScaleInput("Anxiety", "none", "extreme")
    qtbot.addWidget(scale)
    scale.show()
    qtbot.wait(20)  # shown and laid out
    label = scale.value_label
    size = label.size()
    metrics = label.fontMetrics()
    for value in (None, 0, 10, 3):
        scale.set_value(value)
        assert label.size() == size
        assert metrics.horizontalAdvance(label.text()) <= label.contentsRect().width()
    requests = LayoutRequests(scale)
    scale.set_value(None)
    scale.set_value(8)
    QApplication.processEvents()
    assert requests.count == 0


def test_a_value_label_grows_with_its_font(qtbot):
    scale = ScaleInput("Mood", "worst", "best", required=True)
    qtbot.addWidget(scale)
    label = scale.value_label
    before = label.width()
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    label.setFont(font)
    assert label.width() > before
    assert label.fontMetrics().horizontalAdvance(tr("not set yet")) <= label.contentsRect().width()


def test_the_latest_day_moves_only_when_the_day_changes(qtbot):
    form = EntryForm(["work"], NOW.date())
    qtbot.addWidget(form)
    form.show()
    qtbot.wait(20)  # shown, laid out, the tags' height fitted
    requests = LayoutRequests(form)
    form.set_today(NOW.date())
    form.set_when(NOW)
    form.set_when(NOW)
    QApplication.processEvents()
    assert requests.count == 0
    tomorrow = NOW + dt.timedelta(days=1)
    form.set_today(tomorrow.date())  # past midnight: the new day can be chosen
    form.set_when(tomorrow)
    assert form.date_edit.maximumDate().toPython() == tomorrow.date()
    assert form.day() == tomorrow.date() and form.time() == dt.time(20, 30)
    assert not form.when_changed()
