"""Trends: mood over time around treatment dates, and the per-session response."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from moodlog.charts.plots import (
    MEDICATION_COLOUR,
    SERIES_STYLE,
    TEXT_CONTRAST,
    AroundSessionsChart,
    TimelineChart,
    TrendData,
    level_legend_html,
    mood_colour,
    on_window,
    session_line_sample,
)
from moodlog.charts.theme import theme_events
from moodlog.domain.analysis import (
    AROUND_CHART_RULE,
    OUTCOME_DEFINITIONS,
    SESSION_WINDOW_RULES,
    SEVEN_DAY_MEAN_RULE,
    SessionResponse,
)
from moodlog.domain.booster import SETTING_LAST_SESSIONS, booster_summary, last_sessions_setting
from moodlog.domain.period import Period
from moodlog.domain.questionnaires import GAD7, PHQ9, SCREENING_LABEL
from moodlog.domain.treatments import KINDS
from moodlog.i18n import date_text, number_text, tr
from moodlog.locale_words import LOCALE
from moodlog.ui.booster_chart import BoosterPanel
from moodlog.ui.chart_key import ChartKey
from moodlog.ui.context import AppContext
from moodlog.ui.widgets import FittedColumns, column_memory, describe_chart, heading, hint
from moodlog.wording import QT_TR_NOOP

CHART_MIN_HEIGHT = 200  # Around sessions: below these the tab scrolls as a whole
TABLE_MIN_HEIGHT = 130
TIMELINE_MIN_LINES = 15  # the chart over time is never lower than this many lines of text

EMPTY_HINT = QT_TR_NOOP(
    "Nothing to draw yet. Save a check-in on Today (Ctrl+N) and your mood appears here "
    "day by day. Treatment sessions (Treatments), questionnaires and self-checks are "
    "added to the charts as you record them."
)
AROUND_EMPTY_HINT = QT_TR_NOOP(
    "No ketamine or esketamine sessions recorded yet. Add them under Treatments "
    "→ Sessions; this page then lines up your mood around each one "
    "and shows how long each session helped."
)
# (label, days); the label is also the key of ``TrendsScreen.range_buttons``
RANGES = (
    (QT_TR_NOOP("30 days"), 30),
    (QT_TR_NOOP("90 days"), 90),
    (QT_TR_NOOP("1 year"), 365),
    (QT_TR_NOOP("All"), None),
)
CHARTED = ("entries", "treatments", "questionnaires", "checkins", "medications")
SESSION_COLUMNS = (
    QT_TR_NOOP("Date"),
    QT_TR_NOOP("Kind"),
    QT_TR_NOOP("Dose"),
    QT_TR_NOOP("Baseline"),
    QT_TR_NOOP("Day +1"),
    "+1..+3",
    "+4..+7",
    "+8..+14",
    QT_TR_NOOP("Durability"),
)


def recent_since(today: dt.date, days: int | None) -> dt.date | None:
    """The first day to read for a range of ``days`` ending today: the range, as much
    again before it (the chart keeps a range's width either side of the view) and
    the 7 days the first trend value needs; None (everything) for "All"."""
    return None if days is None else today - dt.timedelta(days=2 * days + 10)


def session_row(response: SessionResponse) -> tuple[str, ...]:
    t = response.session
    return (
        date_text(t.day, "dd MMM yyyy"),
        tr(t.label),
        t.dose_text(LOCALE),
        response.baseline_words(LOCALE),
        response.day1_text(LOCALE),
        *(response.window_text(i, LOCALE) for i in range(len(response.window_changes))),
        response.durability_words(LOCALE),
    )


def insights_text(data: TrendData, first: dt.date | None = None) -> str:
    """Associations in the user's own data, in plain words (not causes), over the days
    from ``first`` on (the range the chart shows; None: the whole history)."""
    parts = []
    comparisons, sleep_correlation = data.associations(first)
    if comparisons:
        pairs = "; ".join(
            tr("{tag} {with_tag} vs {without_tag}").format(
                tag=c.tag,
                with_tag=number_text(c.with_mean, 1),
                without_tag=number_text(c.without_mean, 1),
            )
            for c in comparisons[:4]
        )
        parts.append(tr("Mood on days with a tag vs without: {pairs}.").format(pairs=pairs))
    if sleep_correlation is not None:
        r, n = sleep_correlation
        if abs(r) < 0.2:
            sentence = tr("Hours slept vs next day's mood: little link (r = {r}, {n} days).")
        elif abs(r) < 0.4:
            sentence = tr("Hours slept vs next day's mood: some link (r = {r}, {n} days).")
        else:
            sentence = tr("Hours slept vs next day's mood: a clear link (r = {r}, {n} days).")
        parts.append(sentence.format(r=LOCALE.signed(r, 2), n=n))
    if parts:
        parts.append(tr("These are associations in your own data, not causes."))
        if first is None:
            parts.insert(0, tr("From all your entries:"))
        else:
            day = date_text(first, "dd MMM yyyy")
            parts.insert(0, tr("From {day} to today:").format(day=day))
    return " ".join(parts)


class AfterFirstPaint(QObject):
    """Once armed, runs ``callback`` from the event loop just after ``widget`` is next
    painted, so that work waits until the user already sees the screen."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self.callback = callback
        self.armed = False
        widget.installEventFilter(self)

    def arm(self) -> None:
        self.armed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if self.armed and event.type() == QEvent.Type.Paint:
            self.armed = False
            QTimer.singleShot(0, self, self.callback)  # dropped if the screen is gone
        return False


class WheelScrollsPage(QObject):
    """The mouse wheel over a chart inside a scrolling page scrolls the page, as over
    the rest of it, instead of zooming the chart (which then filled the view: the page
    could not be scrolled past it with the wheel). With ``while_it_scrolls``, only while
    the page can scroll, and never with Ctrl held: then the wheel zooms the chart."""

    def __init__(self, widget: QWidget, scroll: QScrollArea, while_it_scrolls: bool = False):
        super().__init__(widget)
        self.scroll = scroll
        self.while_it_scrolls = while_it_scrolls
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.Wheel:
            return False
        bar = self.scroll.verticalScrollBar()
        if self.while_it_scrolls and (
            bar.maximum() == 0 or event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            return False  # the chart zooms, as the hint under it says
        QApplication.sendEvent(bar, event)
        return True


def scrolling_tab(content: QWidget, name: str) -> QScrollArea:
    """A tab's page that scrolls down when the window is too low for ``content``, never
    sideways, with no frame of its own; ``name`` for a screen reader (it is a Tab stop)."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setAccessibleName(name)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(content)
    return scroll


class PageTimeline(TimelineChart):
    """The chart over time on its scrolling page: it wishes for no more height than its
    minimum (pyqtgraph's wish, 480 px, made the page scroll on any screen), so the page
    fills the view, the chart takes what is left, and the page scrolls only when that
    minimum does not fit (large text)."""

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(super().sizeHint().width(), self.minimumHeight())


class AroundSessionsTab(QWidget):
    """Every session aligned at day 0, with a picker of the sessions shown, the table
    per session and the course summary."""

    def __init__(self) -> None:
        super().__init__()
        self.data: TrendData | None = None
        # Everything scrolls together (never sideways) when the window is too low to
        # show it all: below ~700 px the definitions covered the chart and the booster
        # panel's text was cut (issue 15).
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        content = QWidget()
        self.scroll = scrolling_tab(content, tr("Around sessions"))
        outer.addWidget(self.scroll)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(6, 4, 2, 2)  # the table's columns need the width
        self.course_label = QLabel("")
        self.course_label.setWordWrap(True)
        self.course_label.setObjectName("contextLine")
        layout.addWidget(self.course_label)
        self.empty_hint = QLabel(tr(AROUND_EMPTY_HINT))  # no session yet: what this page is for
        self.empty_hint.setObjectName("notice")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.hide()
        layout.addWidget(self.empty_hint)
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
        self.chart = AroundSessionsChart()
        describe_chart(
            self.chart,
            tr("Mood around sessions chart"),
            tr("Mood on the days before and after each session; the table beside lists them."),
        )
        self.wheel = WheelScrollsPage(self.chart.viewport(), self.scroll)
        splitter.addWidget(self.chart)
        picker = QWidget()
        picker_layout = QVBoxLayout(picker)
        picker_layout.setContentsMargins(6, 0, 0, 0)
        picker_label = QLabel(tr("Sessions shown"))
        picker_layout.addWidget(picker_label)
        self.session_list = QListWidget()
        picker_label.setBuddy(self.session_list)
        self.session_list.setAccessibleName(tr("Sessions shown in the chart"))
        self.session_list.setAccessibleDescription(
            tr("Tick the sessions whose mood the chart lines up at day 0.")
        )
        self.session_list.setMinimumWidth(  # a whole "20 Nov 2026 ESK" line, no side scroll
            self.session_list.fontMetrics().horizontalAdvance("00 Mmm 0000 ESK") + 64
        )
        self.session_list.itemChanged.connect(self._sessions_picked)
        picker_layout.addWidget(self.session_list, 1)
        all_button = QPushButton(tr("Show all"))
        all_button.setAccessibleDescription(tr("Ticks every session in the list."))
        all_button.clicked.connect(lambda: self._check_all(True))
        picker_layout.addWidget(all_button)
        splitter.addWidget(picker)
        splitter.setSizes([700, 220])
        splitter.setMinimumHeight(CHART_MIN_HEIGHT)
        layout.addWidget(splitter, 3)
        self.definitions = hint(
            tr(AROUND_CHART_RULE)
            + f" {tr(SESSION_WINDOW_RULES)}\n"
            + tr("PHQ-9 outcome.")
            + f" {tr(OUTCOME_DEFINITIONS)}"
        )
        layout.addWidget(self.definitions)
        self.table = QTableWidget(0, len(SESSION_COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(column) for column in SESSION_COLUMNS])
        self.table.setAccessibleName(tr("Mood around each session"))
        self.table.setAccessibleDescription(
            tr("One row per session: its mood baseline and the change in the days after it.")
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.columns = FittedColumns(  # issue 15: columns that show their text
            self.table, "around_sessions", None, wrap=tuple(range(len(SESSION_COLUMNS)))
        )
        self.table.setMinimumHeight(TABLE_MIN_HEIGHT)
        layout.addWidget(self.table, 2)
        self.booster = BoosterPanel()
        layout.addWidget(self.booster)
        layout.addStretch(0)  # takes the room the hidden parts leave when there are none

    def show_data(self, data: TrendData) -> None:
        """Fill everything from the whole history (``data.complete``)."""
        self.data = data
        phq, gad = data.course[PHQ9], data.course[GAD7]
        # response, remission and bands from self-report questionnaires: labelled as
        # the PDF labels them (clinician review)
        self.course_label.setText(
            "\n".join((phq.describe(LOCALE), gad.describe(LOCALE), tr(SCREENING_LABEL)))
        )
        empty = not data.sessions
        self.empty_hint.setVisible(empty)
        for part in (self.splitter, self.table, self.booster):
            part.setVisible(not empty)
        responses = list(reversed(data.responses))
        self.table.setRowCount(len(responses))
        for row, response in enumerate(responses):
            for column, text in enumerate(session_row(response)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.columns.fit()
        self.session_list.blockSignals(True)
        self.session_list.clear()
        for session in reversed(data.sessions):
            item = QListWidgetItem(
                f"{date_text(session.day, 'dd MMM yyyy')} {session.kind_info.short}"
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, session.id)
            self.session_list.addItem(item)
        self.session_list.blockSignals(False)
        self._sessions_picked()

    def _check_all(self, checked: bool) -> None:
        self.session_list.blockSignals(True)
        for i in range(self.session_list.count()):
            self.session_list.item(i).setCheckState(
                Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
            )
        self.session_list.blockSignals(False)
        self._sessions_picked()

    def _sessions_picked(self) -> None:
        if self.data is None:
            return
        selected = {
            self.session_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.session_list.count())
            if self.session_list.item(i).checkState() == Qt.CheckState.Checked
        }
        self.chart.set_data(self.data.mood, self.data.sessions, selected)


class TrendsScreen(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.vault = context.vault
        self.data: TrendData | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        top = QHBoxLayout()
        top.addWidget(heading(tr("Trends")))
        top.addStretch(1)
        self.range_group = QButtonGroup(self)
        self.range_buttons: dict[str, QPushButton] = {}
        for label, days in RANGES:
            button = QPushButton(tr(label))
            button.setAccessibleDescription(tr("Shows this many days up to today on the chart."))
            button.setCheckable(True)
            button.setObjectName("rangeButton")  # the range shown stands out (style.qss)
            button.setProperty("range_days", days)
            button.clicked.connect(lambda _=False, d=days: self.set_range(d))
            self.range_group.addButton(button)
            self.range_buttons[label] = button
            top.addWidget(button)
        self.save_button = QPushButton(tr("Save as PNG…"))
        self.save_button.setAccessibleDescription(
            tr("Saves the chart you see as an image file you choose.")
        )
        self.save_button.clicked.connect(self.save_png)
        top.addWidget(self.save_button)
        layout.addLayout(top)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(tr("Trends views"))
        layout.addWidget(self.tabs, 1)
        over_time = QWidget()
        over_layout = QVBoxLayout(over_time)
        toggles = QHBoxLayout()
        self.toggles: dict[str, QCheckBox] = {}
        for name, (label, _colour, _) in SERIES_STYLE.items():
            box = QCheckBox(tr(label))  # coloured as its line, by _show_legend
            box.setAccessibleDescription(tr("Shows or hides this line on the chart."))
            box.toggled.connect(lambda on, n=name: self.timeline.set_series_visible(n, on))
            self.toggles[name] = box
            toggles.addWidget(box)
        toggles.addStretch(1)
        over_layout.addLayout(toggles)
        self.legend = ChartKey()  # filled by _show_legend, again when the theme changes
        self.legend.setAccessibleName(tr("Chart key"))
        self._show_legend()
        theme_events().changed.connect(self._show_legend)
        over_layout.addWidget(self.legend)
        self.timeline = PageTimeline()
        describe_chart(
            self.timeline,
            tr("Mood over time chart"),
            tr("Daily mood, sessions, self-checks and questionnaire scores over the range chosen."),
        )
        self.timeline.day_hovered.connect(lambda text: self.hover_label.setText(text))
        self.timeline.day_clicked.connect(context.events.open_day)
        over_layout.addWidget(self.timeline, 1)
        self.empty_hint = QLabel(tr(EMPTY_HINT))  # instead of blank axes on a new journal
        self.empty_hint.setObjectName("notice")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.empty_hint.hide()
        over_layout.addWidget(self.empty_hint)
        self.empty_space = over_layout.count()
        over_layout.addStretch(0)
        self.hover_label = QLabel(
            tr(
                "Hover over a day to see its values; click it to open it in "
                "the journal. Drag to pan, scroll to zoom (Ctrl+scroll while the page scrolls)."
            )
        )
        self.hover_label.setObjectName("hint")
        self.hover_label.setWordWrap(True)  # (with large text it was cut at the right)
        over_layout.addWidget(self.hover_label)
        self.insights = QLabel("")
        self.insights.setWordWrap(True)
        self.insights.setObjectName("hint")
        over_layout.addWidget(self.insights)
        # With large text the legend and notes took the room and the chart shrank to a
        # strip whose mood axis showed only "5" (accessibility review, 16 pt): the chart
        # keeps room for its axis and the page scrolls instead (never sideways).
        self.over_layout = over_layout
        self.timeline.setMinimumHeight(TIMELINE_MIN_LINES * self.fontMetrics().height())
        over_scroll = scrolling_tab(over_time, tr("Over time"))
        # While the page scrolls, the wheel over the chart scrolls it (Ctrl+wheel zooms):
        # the chart may fill the view (short review: the notes below were out of reach).
        self.over_wheel = WheelScrollsPage(self.timeline.viewport(), over_scroll, True)
        over_time.setAutoFillBackground(False)  # the tab's own background, as before (a
        over_scroll.viewport().setAutoFillBackground(False)  # scroll area fills its own)
        self.tabs.addTab(over_scroll, tr("Over time"))

        # The around-sessions tab is built, and filled, when it is first shown.
        self.around_page = QWidget()
        QVBoxLayout(self.around_page).setContentsMargins(0, 0, 0, 0)
        self.around: AroundSessionsTab | None = None
        self.tabs.addTab(self.around_page, tr("Around sessions"))
        self._sessions_stale = True  # the around-sessions tab is filled when first shown
        self._stale = True
        self._after_paint = AfterFirstPaint(self.timeline.viewport(), self.complete_data)
        self.tabs.currentChanged.connect(self._tab_changed)
        context.events.data_changed.connect(self._data_changed)
        self.range_buttons["90 days"].setChecked(True)
        self.refresh()

    def _data_changed(self, kind: str) -> None:
        if kind in CHARTED:
            self._stale = True
            if self.isVisible():
                self.refresh()

    def selected_days(self) -> int | None:
        checked = self.range_group.checkedButton()
        return checked.property("range_days") if checked is not None else 90

    def refresh(self, whole: bool = False) -> None:
        """Load and draw the data, unless nothing the charts show has changed since
        the last time (the main window calls this every time the screen is shown).

        For a quick first paint only the recent days the chosen range needs are read
        (with a range's width to each side, as the chart keeps in memory); the whole
        history, with the per-session, course and tag analysis, follows as soon as
        that first paint is done, or at once when something needs it sooner. With
        ``whole``, everything is read at once (for idle time, when nobody waits).
        """
        if not self.vault.is_open:
            return
        now = self.context.now()
        if not self._stale and self.data is not None and not self.data.outdated(now):
            return
        self._stale = False
        days = self.selected_days()
        since = None if whole else recent_since(now.date(), days)
        self.data = TrendData.from_vault(self.vault, now, since=since)
        self.timeline.set_data(self.data, days)
        self._show_legend()  # the kinds of session recorded
        self._show_toggled_series()
        if self.data.complete:
            self._whole_history_loaded()
        elif self.timeline.isHidden():  # the empty-journal hint: no paint to wait for
            self.complete_data()
        else:
            self._after_paint.arm()

    def bring_up_to_date(self) -> None:
        """Read and draw the whole history now if anything is missing or changed: what
        the app does in idle moments while the screen is hidden."""
        self.refresh(whole=True)
        self.complete_data()

    def complete_data(self) -> None:
        """Read the whole history, if only the recent days were read so far."""
        if self.data is None or self.data.complete or not self.vault.is_open:
            return
        self.data = TrendData.from_vault(self.vault, self.data.now)
        self.timeline.set_data(self.data, keep_view=True)
        self._show_toggled_series()
        self._whole_history_loaded()

    def _show_legend(self) -> None:
        """The chart's key, in the chart's colours made legible on this window's
        background (light or dark); shapes and line styles tell the same without
        colour."""
        mood = on_window(mood_colour()).name()  # lighter on a dark background, as in the chart
        session = on_window(KINDS["ketamine_iv"].colour).name()
        medication = on_window(MEDICATION_COLOUR).name()
        # Each kind of session recorded, by its line as drawn (its colour and pattern)
        # and the short name its labels use (print review: one purple "sessions" stood
        # for every kind, and IV and esketamine differed by colour alone).
        recorded = {t.kind for t in self.data.treatments} if self.data is not None else set()
        sessions = [
            (session, session_line_sample(kind), html.escape(KINDS[kind].short))
            for kind in KINDS
            if kind in recorded
        ] or [(session, "&#9474;", tr("sessions"))]
        keys = (
            (mood, "&#9679;", tr("daily mood")),
            (mood, "&#9473;", tr("7-day mean")),
            *sessions,
            (session, "&#9478;", tr("booked")),
            (medication, "&#9650;", tr("medication")),
        )
        # Each entry whole on its line (ChartKey): wrapped by a narrow window or large
        # text, a symbol or a kind's line piece ended one line and its words began the next.
        entries = [  # markup and symbols; the words are translated above
            f"<span style='color:{colour}'>{mark}</span>&nbsp;{words}"
            for colour, mark, words in keys
        ]
        levels = level_legend_html()  # each level's own shape, as drawn on the chart
        entries.append(tr("Self-check: {legend}").format(legend=levels[0]))
        entries += levels[1:]
        # the PHQ-9 and GAD-7 plots' bands are screening bands (clinician review: the
        # PDF said so, Trends did not); the words have no markup in them
        screening = tr("PHQ-9, GAD-7: {label}").format(label=tr(SCREENING_LABEL))
        note = html.escape(screening) + "<br>" + html.escape(tr(SEVEN_DAY_MEAN_RULE))
        self.legend.set_entries(entries, note)
        for name, box in self.toggles.items():
            colour = on_window(SERIES_STYLE[name][1], TEXT_CONTRAST).name()
            box.setStyleSheet(f"QCheckBox {{ color: {colour}; }}")

    def _insights_first_day(self) -> dt.date | None:
        """The first day of the chosen range (None for "All"), for the footnote."""
        days = self.selected_days()
        if self.data is None or days is None:
            return None
        return Period.last_days(days, self.data.now.date()).first

    def _show_empty_hint(self) -> None:
        """A journal with nothing to chart gets a hint of what to do, not blank axes.
        Judged on the whole history only (a recent slice may be empty on its own)."""
        data = self.data
        empty = (
            data is not None
            and data.complete
            and not data.mood
            and not data.treatments
            and not any(data.questionnaires.values())
            and not data.checkin_levels
            and not data.medication_events
        )
        self.empty_hint.setVisible(empty)
        self.timeline.setVisible(not empty)
        self.hover_label.setVisible(not empty)
        self.over_layout.setStretch(self.empty_space, 1 if empty else 0)

    def _show_toggled_series(self) -> None:
        for name, box in self.toggles.items():
            if box.isChecked():
                self.timeline.set_series_visible(name, True)

    def _whole_history_loaded(self) -> None:
        assert self.data is not None
        self._show_empty_hint()
        self.insights.setText(insights_text(self.data, self._insights_first_day()))
        self._sessions_stale = True
        if self.tabs.currentIndex() == 1:
            self._show_around()

    def _tab_changed(self, index: int) -> None:
        if index == 1:
            self.complete_data()
            self._show_around()

    def _show_around(self) -> None:
        if self.around is None:
            self.around = AroundSessionsTab()
            self.around.columns.remember_in(column_memory(self.context))
            self.around.booster.last_changed.connect(self._booster_sessions_changed)
            self.around_page.layout().addWidget(self.around)
        if self._sessions_stale and self.data is not None:
            self._sessions_stale = False
            self.around.show_data(self.data)
            self._show_booster()

    def _show_booster(self) -> None:
        """The booster-timing panel from the same whole-history data as the table."""
        if self.around is None or self.data is None or not self.data.complete:
            return
        last = last_sessions_setting(self.vault.settings.get(SETTING_LAST_SESSIONS))
        summary = booster_summary(
            self.data.mood, self.data.treatments, self.data.now, last, self.data.responses
        )
        self.around.booster.show_summary(summary)

    def _booster_sessions_changed(self, value: int) -> None:
        if self.vault.is_open:
            self.vault.settings.set(SETTING_LAST_SESSIONS, value)
            self._show_booster()

    def set_range(self, days: int | None) -> None:
        if self.data is not None and self.data.since is not None:
            needed = recent_since(self.data.now.date(), days)
            if needed is None or needed < self.data.since:
                self.complete_data()  # "All", or a longer range than was read
        self.timeline.set_range(days)
        if self.data is not None and self.data.complete:  # the footnote follows the range
            self.insights.setText(insights_text(self.data, self._insights_first_day()))

    def save_png(self) -> None:
        from moodlog.ui.files import ask_save_path, export_png

        path = ask_save_path(
            self, tr("Save chart as PNG"), "moodlog-trends.png", tr("PNG image (*.png)")
        )
        if path is None:
            return
        from moodlog.vault import export_folders

        export_folders.remember(self.vault, path)  # before its temp file is made
        on_around = self.tabs.currentIndex() == 1 and self.around is not None
        chart = self.around.chart if on_around else self.timeline
        export_png(chart.grab(), path, self)
