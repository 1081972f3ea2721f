"""Small widgets shared by several screens."""

from __future__ import annotations

import re
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QScrollBar,
    QSlider,
    QStackedLayout,
    QTableWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from moodlog.i18n import tr
from moodlog.wording import count_text, numbered  # noqa: F401 (used by the screens)

WRAPPED_COLUMN_WIDTH = 300  # a column of free text starts this wide and wraps
WRAPPED_MINIMUM = 120  # ... and gives way down to this when the table is narrow,
# or further, down to its longest word, when it has to (the smallest window)
WORD_SAMPLE_ROWS = 300  # rows read to find a column's longest word
WRAPPED_LINES = 4  # rows show up to this many lines; the tooltip has the rest
VALUE_MINIMUM_WIDTH = 60  # a scale's value label ("7 / 10", "not recorded")


class WheelNeedsFocus(QObject):
    """The mouse wheel changes a slider, spin box or drop-down only once it has the
    keyboard focus (clicked or tabbed to); over one without it, the wheel scrolls the
    page around it (clinician review: scrolling down Today's form recorded a mood of 3,
    an anxiety of 3 and 0 hours slept that the person never chose, and the page did not
    scroll; in the session dialog it set a dose and a side effect)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.Wheel or watched.hasFocus():
            return False
        parent = watched.parentWidget()
        while parent is not None and not isinstance(parent, QAbstractScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            QApplication.sendEvent(parent.verticalScrollBar(), event)
        return True


_wheel_guard: WheelNeedsFocus | None = None
WHEEL_INPUTS = (QAbstractSlider, QAbstractSpinBox, QComboBox)


def guard_wheel(root: QWidget) -> None:
    """:class:`WheelNeedsFocus` for ``root`` and every slider, spin box and drop-down
    in it (not scroll bars); they no longer take the focus from the wheel itself (Qt
    gives a spin box or drop-down under the wheel the focus before the wheel turns
    it). Call it once a form is built, and again for inputs added later."""
    global _wheel_guard
    if _wheel_guard is None:
        _wheel_guard = WheelNeedsFocus(QApplication.instance())
    widgets = [root] if isinstance(root, WHEEL_INPUTS) else []
    for kind in WHEEL_INPUTS:
        widgets += root.findChildren(kind)
    for widget in widgets:
        if isinstance(widget, QScrollBar):
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(_wheel_guard)  # once: Qt keeps one of each filter
        widget.setProperty(WHEEL_GUARDED, True)  # for the tests that look for one without


WHEEL_GUARDED = "moodlogWheelNeedsFocus"


class DateEdit(QDateEdit):
    """A date field that Tab leaves at once (the arrow keys move between day, month and
    year), as keyboard users expect; Qt's own stops at every part, and one showing a
    special text such as "any" never lets Tab out at all."""

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802
        return QWidget.focusNextPrevChild(self, forward)


class TimeEdit(QTimeEdit):
    """A time field that Tab leaves at once (see :class:`DateEdit`)."""

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802
        return QWidget.focusNextPrevChild(self, forward)


class ValueLabel(QLabel):
    """A one-line label as wide as the widest of the texts it can show (and at least
    ``VALUE_MINIMUM_WIDTH``), fixed at that size: a new text ("not set yet" -> "7 / 10")
    repaints the label but never lays the form around it out again (issue 14: every
    change and every reset of a scale did). Sized again when its font or style changes
    (the style sheet's bold, a theme switch)."""

    def __init__(self, texts: list[str], parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self._texts = texts
        self._fit()

    def _fit(self) -> None:
        metrics = self.fontMetrics()
        margins = self.contentsMargins()
        width = max(metrics.horizontalAdvance(text) for text in self._texts)
        width += margins.left() + margins.right() + 2 * self.margin() + 4
        height = metrics.height() + margins.top() + margins.bottom() + 2 * self.margin()
        self.setFixedSize(max(VALUE_MINIMUM_WIDTH, width), height)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()


class ScaleInput(QWidget):
    """A 0-10 slider with labelled ends that can be left empty ("not recorded").

    Keyboard: arrows/PageUp/PageDown move it; the check box (Space) marks it recorded.
    Every scale starts empty; ``value()`` is None until the user sets it. A required
    scale has no check box: it counts as set once the slider is moved, pressed or
    keyed (nothing is ever preset, so an untouched form never records a middle value).
    ``label``, ``low_text`` and ``high_text`` are shown as given (the caller translates
    them); the sentences made with them here go through ``tr``.
    """

    changed = Signal()

    def __init__(
        self,
        label: str,
        low_text: str,
        high_text: str,
        required: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.required = required
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        # Made inside the scale: a widget without a parent that is set visible becomes a
        # window of its own for a moment, which took the keyboard focus from the
        # window the person was typing in (the unlock window's preloading builds one).
        self.enabled_box = QCheckBox(label, self)
        self.enabled_box.setChecked(False)
        self.enabled_box.setAccessibleName(tr("Record {scale}").format(scale=label))
        self.enabled_box.setAccessibleDescription(
            tr("Ticked: the value on the slider is saved. Not ticked: nothing is recorded")
        )
        title = (
            QLabel(tr("<b>{scale}</b> (required)").format(scale=label))
            if required
            else self.enabled_box
        )
        self.enabled_box.setVisible(not required)
        self.value_label = ValueLabel(
            [
                tr("not set yet") if required else tr("not recorded"),
                *(tr("{value} / 10").format(value=value) for value in range(11)),
            ]
        )
        self.value_label.setObjectName("scaleValue")
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.value_label)
        layout.addLayout(top)
        row = QHBoxLayout()
        low = QLabel(low_text)
        low.setObjectName("scaleEnd")
        high = QLabel(high_text)
        high.setObjectName("scaleEnd")
        for end in (low, high):
            end.setFixedWidth(90)
        high.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 10)
        self.slider.setValue(5)
        self.slider.setPageStep(2)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self._spoken = (label, low_text, high_text)
        self._named_as_recorded: bool | None = None
        self.slider.setAccessibleDescription(
            tr("Arrow keys move it; Space keeps the value it shows")
        )
        row.addWidget(low)
        row.addWidget(self.slider, 1)
        row.addWidget(high)
        layout.addLayout(row)
        self.slider.valueChanged.connect(self._slider_moved)
        self.slider.sliderPressed.connect(self._slider_moved)
        self.slider.installEventFilter(self)
        self.enabled_box.toggled.connect(self._update)
        self._update()

    def focus_chain(self) -> list[QWidget]:
        """Its inputs in tab order: the check box (when it has one), then the slider."""
        return [self.slider] if self.required else [self.enabled_box, self.slider]

    def _slider_moved(self) -> None:
        if not self.enabled_box.isChecked():
            self.enabled_box.setChecked(True)
        self._update()

    def _update(self) -> None:
        recorded = self.enabled_box.isChecked()
        empty = tr("not set yet") if self.required else tr("not recorded")
        self.value_label.setText(
            tr("{value} / 10").format(value=self.slider.value()) if recorded else empty
        )
        if recorded != self._named_as_recorded:  # (only when it changes: a save resets it)
            self._named_as_recorded = recorded
            # Unset, the slider rests at 5: a screen reader says its value, so its name
            # says it is not set (accessibility review: an untouched mood was heard as 5).
            scale, low, high = self._spoken
            name = scale if recorded else tr("{scale} ({state})").format(scale=scale, state=empty)
            self.slider.setAccessibleName(
                tr("{scale}, 0 = {low}, 10 = {high}").format(scale=name, low=low, high=high)
            )
        self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Space on the slider records the value it shows (e.g. a 5 kept as it is)."""
        if (
            watched is self.slider
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Space
        ):
            self._slider_moved()
            return True
        return super().eventFilter(watched, event)

    def value(self) -> int | None:
        return self.slider.value() if self.enabled_box.isChecked() else None

    def set_value(self, value: int | None) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(5 if value is None else value)
        self.slider.blockSignals(False)
        if self.enabled_box.isChecked() != (value is not None):
            self.enabled_box.setChecked(value is not None)  # (toggled: updated)
        else:
            self._update()


class DecimalSpinBox(QDoubleSpinBox):
    """A number with decimals that takes a point or a comma as the decimal mark, whatever
    the locale (locale review: with German number formats "7.5" typed as a dose was read
    as 75 mg, the point being the thousands separator there, and "56.0" as 560; with
    English ones "7,5" likewise). The locale's thousands separator keeps its meaning
    where it is used as one, in groups of three after a first digit that is not 0 ("1,200"
    is 1200 in English, "1.200" in German: diff review, it became 1.2); anywhere else it
    is read as the decimal mark. What is typed is shown as typed."""

    def _number(self, text: str) -> str:
        number = text
        if self.prefix() and number.startswith(self.prefix()):
            number = number[len(self.prefix()) :]
        if self.suffix() and number.endswith(self.suffix()):
            number = number[: -len(self.suffix())]
        return number.strip()

    def _groups(self, partial: bool = False) -> re.Pattern[str]:
        group = re.escape(self.locale().groupSeparator())
        point = re.escape(self.locale().decimalPoint())
        digits = r"\d{0,3}" if partial else r"\d{3}"
        return re.compile(rf"[1-9]\d{{0,2}}(?:{group}{digits})+(?:{point}\d*)?")

    def _decimal(self, text: str) -> str:
        """``text`` with the other mark as the decimal mark, unless it is the locale's own
        thousands grouping."""
        if self._groups().fullmatch(self._number(text)):
            return text
        point = self.locale().decimalPoint()
        return text.replace("." if point == "," else ",", point)

    def validate(self, text: str, position: int) -> object:
        state, _, _ = super().validate(self._decimal(text), position)
        if state == QValidator.State.Invalid and self._groups(partial=True).fullmatch(
            self._number(text)
        ):
            state = QValidator.State.Intermediate  # ("1,20" on the way to "1,200")
        return state, text, position

    def valueFromText(self, text: str) -> float:  # noqa: N802
        return super().valueFromText(self._decimal(text))

    def fixup(self, text: str) -> str:
        """What is left half-typed when the field is left ("1,20" in a field of one
        decimal, on the way to "1,200"): Qt's own fixup deletes every thousands mark and
        made it 120 (short review, high). Unless it is the locale's grouping, the mark is
        the decimal mark: 1.2."""
        if self._groups().fullmatch(self._number(text)):
            return super().fixup(text)
        value, ok = self.locale().toDouble(self._number(self._decimal(text)))
        if not ok:
            return super().fixup(text)
        return self.prefix() + self.textFromValue(round(value, self.decimals())) + self.suffix()


class FittedColumns(QObject):
    """Columns that show their text (issue 15): sized to their contents, free-text
    columns wrapped over up to ``WRAPPED_LINES`` lines, every cell's full text in its
    tooltip, and the widths the person drags remembered in ``window.ini`` (numbers only,
    never content; nothing with ``data_dir`` None, as in the demo).

    Call :meth:`fit` after filling the table."""

    def __init__(
        self,
        table: QTableWidget,
        name: str,
        data_dir: Path | None,
        wrap: tuple[int, ...] = (),
    ) -> None:
        super().__init__(table)
        self.table = table
        self.name = name
        self.data_dir = data_dir
        self.wrap = set(wrap)
        self._sizing = False
        self.user_widths: list[int] | None = None
        if data_dir is not None:
            from moodlog.ui.window_state import load_column_widths

            self.user_widths = load_column_widths(data_dir, name)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        table.setWordWrap(bool(wrap))
        table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move in it
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        lines = table.fontMetrics().lineSpacing() * WRAPPED_LINES + 8
        table.verticalHeader().setMaximumSectionSize(lines if wrap else -1)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(400)
        self._save_timer.timeout.connect(self._save)
        header.sectionResized.connect(self._resized)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(50)
        self._fit_timer.timeout.connect(self.fit_widths)
        self._rows_timer = QTimer(self)
        self._rows_timer.setSingleShot(True)
        self._rows_timer.setInterval(50)
        self._rows_timer.timeout.connect(table.resizeRowsToContents)
        table.installEventFilter(self)

    def remember_in(self, data_dir: Path | None) -> None:
        """Remember widths in ``data_dir`` from now on (for tables built without it)."""
        from moodlog.ui.window_state import load_column_widths

        self.data_dir = data_dir
        self.user_widths = None if data_dir is None else load_column_widths(data_dir, self.name)

    def fit(self) -> None:
        """Tooltips on every cell, then the widths: the person's, else the contents'."""
        table = self.table
        for row in range(table.rowCount()):
            for column in range(table.columnCount()):
                item = table.item(row, column)
                if item is not None and item.text() and not item.toolTip():
                    item.setToolTip(item.text())
        self._sizing = True
        try:
            last = table.columnCount() - 1
            if self.user_widths and len(self.user_widths) == table.columnCount():
                for column, width in enumerate(self.user_widths[:last]):
                    table.setColumnWidth(column, width)
            else:
                self._fit_to_contents()
            if self.wrap:
                table.resizeRowsToContents()
        finally:
            self._sizing = False

    def _fit_to_contents(self) -> None:
        """Every column as wide as its text; when that is wider than the table, the
        free-text columns give way (down to ``WRAPPED_MINIMUM``) and wrap."""
        table = self.table
        last = table.columnCount() - 1
        table.resizeColumnsToContents()
        widths = [table.columnWidth(c) for c in range(last + 1)]
        for column in self.wrap:
            widths[column] = min(widths[column], WRAPPED_COLUMN_WIDTH)
        room = table.viewport().width()
        excess = sum(widths) - room
        for floor in (
            {c: WRAPPED_MINIMUM for c in self.wrap},
            {c: min(WRAPPED_MINIMUM, self._longest_word(c)) for c in self.wrap},
        ):
            shrinkable = [c for c in self.wrap if widths[c] > floor[c]]
            while excess > 0 and shrinkable:
                share = max(1, excess // len(shrinkable))
                for column in shrinkable:
                    cut = min(share, widths[column] - floor[column], excess)
                    widths[column] -= cut
                    excess -= cut
                shrinkable = [c for c in shrinkable if widths[c] > floor[c]]
        for column, width in enumerate(widths):
            table.setColumnWidth(column, width)

    def _longest_word(self, column: int) -> int:
        """The width of the column's longest word (and heading), so wrapping never has
        to cut a word."""
        table = self.table
        metrics = table.fontMetrics()
        header = table.horizontalHeaderItem(column)
        words = {header.text()} if header is not None else set()  # headings do not wrap
        for row in range(min(table.rowCount(), WORD_SAMPLE_ROWS)):
            item = table.item(row, column)
            if item is not None:
                words.update(item.text().split())
        return max((metrics.horizontalAdvance(word) for word in words), default=0) + 14

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """A table that changes size (first shown, window resized) re-fits its columns,
        unless the person set them."""
        if event.type() == QEvent.Type.Resize and not self.user_widths:
            self._fit_timer.start()  # once the resizing pauses
        return False

    def fit_widths(self) -> None:
        if self.user_widths:
            return
        self._sizing = True
        try:
            self._fit_to_contents()
            if self.wrap:
                self.table.resizeRowsToContents()
        finally:
            self._sizing = False

    def _resized(self, column: int, _old: int = 0, _new: int = 0) -> None:
        if self._sizing:
            return
        if self.wrap:
            self._rows_timer.start()  # wrapped text needs new row heights
        if column == self.table.columnCount() - 1:
            return  # the stretching last column following the window
        self._fit_timer.stop()  # the person's widths from now on, not the contents'
        self.user_widths = [self.table.columnWidth(c) for c in range(self.table.columnCount())]
        if self.data_dir is not None and self.table.isVisible():
            self._save_timer.start()

    def _save(self) -> None:
        from moodlog.ui.window_state import save_column_widths

        widths = [self.table.columnWidth(c) for c in range(self.table.columnCount())]
        self.user_widths = widths
        save_column_widths(self.data_dir, self.name, widths)


class _PageLayout(QStackedLayout):
    """QStackedLayout whose sizes, with ``follow_current``, are the shown page's. Qt's
    own asks every page (its largest size, and its tallest height for a width), and Qt's
    layouts ask a widget's layout, not the widget, for a height for a width."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.follow_current = False

    def _current(self) -> QWidget | None:
        return self.currentWidget() if self.follow_current else None

    def sizeHint(self) -> QSize:  # noqa: N802
        page = self._current()
        return super().sizeHint() if page is None else page.sizeHint()

    def minimumSize(self) -> QSize:  # noqa: N802
        page = self._current()
        if page is None:
            return super().minimumSize()
        return page.minimumSizeHint().expandedTo(page.minimumSize())

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        page = self._current()
        return super().hasHeightForWidth() if page is None else page.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        page = self._current()
        return super().heightForWidth(width) if page is None else page.heightForWidth(width)


class CurrentPageStack(QWidget):
    """A stack of pages (QStackedWidget's calls) that, with ``follow_current``, takes the
    size of the page shown, not of the largest page built so far: inside a scroll area on
    a small screen (diff review: after Trends, Help scrolled sideways and Today's Save was
    below the window; the introduction's short first step scrolled over the set-up step's
    height of blank space)."""

    def __init__(self, follow_current: bool = False) -> None:
        super().__init__()
        self._layout = _PageLayout(self)
        self.currentChanged = self._layout.currentChanged
        self.follow_current = follow_current
        self.currentChanged.connect(lambda _index: self._page_changed())

    @property
    def follow_current(self) -> bool:
        return self._layout.follow_current

    @follow_current.setter
    def follow_current(self, follow: bool) -> None:
        self._layout.follow_current = follow
        self._page_changed()

    def _page_changed(self) -> None:
        self._layout.invalidate()
        self.updateGeometry()

    def addWidget(self, page: QWidget) -> int:  # noqa: N802
        return self._layout.addWidget(page)

    def insertWidget(self, index: int, page: QWidget) -> int:  # noqa: N802
        return self._layout.insertWidget(index, page)

    def removeWidget(self, page: QWidget) -> None:  # noqa: N802
        self._layout.removeWidget(page)

    def count(self) -> int:
        return self._layout.count()

    def currentIndex(self) -> int:  # noqa: N802
        return self._layout.currentIndex()

    def setCurrentIndex(self, index: int) -> None:  # noqa: N802
        self._layout.setCurrentIndex(index)

    def currentWidget(self) -> QWidget | None:  # noqa: N802
        return self._layout.currentWidget()

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802
        self._layout.setCurrentWidget(page)

    def widget(self, index: int) -> QWidget | None:
        return self._layout.widget(index)

    def indexOf(self, page: QWidget) -> int:  # noqa: N802
        return self._layout.indexOf(page)


class ContentScrollArea(QScrollArea):
    """A frameless scroll area around ``body`` (named ``name`` for assistive technology:
    it is a Tab stop, its arrow keys scroll) whose size hint is its content's whole size
    (QScrollArea bounds its hint to 36 x 24 lines and keeps the first one), and whose
    height follows the content's height for a width: a dialog sized by its hint is as
    before."""

    def __init__(self, body: QWidget, name: str) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(name)
        self.setWidget(body)

    def _extra(self) -> int:
        return 2 * self.frameWidth()

    def sizeHint(self) -> QSize:  # noqa: N802
        body = self.widget()
        if body is None:
            return super().sizeHint()
        return body.sizeHint() + QSize(self._extra(), self._extra())

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        body = self.widget()
        return body is not None and body.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        body = self.widget()
        if body is None:
            return super().heightForWidth(width)
        return body.heightForWidth(width - self._extra()) + self._extra()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the content changed: the dialog's layout asks again
        return super().event(event)


def scroll_above(layout: QBoxLayout, keep: int = 1) -> QScrollArea:
    """Put everything in a dialog's ``layout`` but its last ``keep`` items (the buttons)
    into a scroll area in their place, stretch factors kept: on a small screen the
    content scrolls and the buttons stay in view (review finding: at 200% on a 1366x768
    laptop the import dialog's Import and Close, and the introduction's Next, were
    below the screen's edge). On a screen with room, nothing scrolls."""
    body = QWidget()
    inner = QVBoxLayout(body)
    inner.setContentsMargins(0, 0, 0, 0)
    while layout.count() > keep:
        stretch = layout.stretch(0)
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            # The old item goes first: deleted after the new one is made, it would leave
            # the widget with no layout item of its own, whose sizes then go stale (the
            # introduction's first step kept the set-up step's height for a width).
            shiboken6.delete(item)
            inner.addWidget(widget, stretch)
        elif item.layout() is not None:
            inner.addLayout(item.layout(), stretch)
        else:
            inner.addItem(item)
    scroll = ContentScrollArea(body, tr("Contents"))  # (diff review: an unnamed Tab stop)
    layout.insertWidget(0, scroll, 1)
    return scroll


def column_memory(context: object) -> Path | None:
    """Where table column widths are remembered: the data folder, none for the demo."""
    return None if getattr(context, "demo", False) else getattr(context, "data_dir", None)


def confirm(
    parent: QWidget, title: str, text: str, action: str | None = None, keep: str | None = None
) -> bool:
    """Asks before something that cannot be undone; ``action`` names the button that
    does it (default "Delete"), ``keep`` the default one that does not (default
    "Cancel"). The caller translates ``title``, ``text``, ``action`` and ``keep``."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(action or tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
    if keep is None:
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
    else:
        box.setDefaultButton(box.addButton(keep, QMessageBox.ButtonRole.RejectRole))
    box.exec()
    return box.clickedButton() is yes


def keep_preferences(
    preferences,  # noqa: ANN001 - moodlog.preferences.Preferences
    data_dir: Path,
    parent: QWidget | None,
    demo: bool = False,
) -> bool:
    """Save preferences.json after a setting changed (the setting already applies).
    When that fails (a full disk), a plain, non-blocking message says the setting
    applies now but not after a restart (review finding: the error went up to "Something
    went wrong inside moodlog", even over the crisis panel). Returns whether it was kept."""
    if demo:
        return True
    try:
        preferences.save(data_dir)
    except OSError as error:
        from moodlog.vault.errors import os_reason

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("moodlog"),
            tr(
                "The setting applies now, but it could not be kept for the next start: {reason}."
            ).format(reason=os_reason(error)),
            parent=parent,
        )
        box.setModal(False)  # never holds up a lock or the help panel
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()
        return False
    return True


def show_error(parent: QWidget | None, text: str, title: str | None = None) -> None:
    QMessageBox.warning(parent, title or tr("moodlog"), text)


def show_message(
    parent: QWidget | None, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Information
) -> QMessageBox:
    """A message that does not block (non-modal, deleted once closed): the person reads
    it while the window stays usable. The last one shown is ``show_message.last_box``."""
    box = QMessageBox(icon, "moodlog", text, parent=parent)
    box.setModal(False)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    show_message.last_box = box  # type: ignore[attr-defined]
    return box


def scrolling_page(scroll: QScrollArea, title: str) -> QVBoxLayout:
    """Fill ``scroll`` with a padded page that starts with a heading (its name for a
    screen reader: a scroll area is a Tab stop); returns its layout."""
    scroll.setWidgetResizable(True)
    scroll.setAccessibleName(title)
    body = QWidget()
    layout = QVBoxLayout(body)
    layout.setContentsMargins(24, 16, 24, 16)
    layout.addWidget(heading(title))
    scroll.setWidget(body)
    return layout


def describe_chart(chart: QAbstractScrollArea, name: str, description: str) -> None:
    """A chart's name and a sentence on what it shows, for a screen reader (review: the
    Trends charts were unnamed Tab stops); its drawing area takes no Tab stop of its own."""
    chart.setAccessibleName(name)
    chart.setAccessibleDescription(description)
    chart.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("heading")
    return label


class PromptBox(QWidget):
    """The tinted box of Today's prompts and notes (``#prompt`` in the style sheets), with
    its layout (``box.row``) ready: a row, or a column with ``vertical``."""

    def __init__(self, vertical: bool = False) -> None:
        super().__init__()
        self.setObjectName("prompt")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # its box, as styled
        self.row = QVBoxLayout(self) if vertical else QHBoxLayout(self)
        self.row.setContentsMargins(10, 6, 10, 6)


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


def add_help_now(buttons: QDialogButtonBox, context: object) -> QPushButton:
    """ "Get help now" in a dialog's button row (placed by the platform's rules for a
    help button): the main window's own button is out of reach while a dialog is open
    over it (night review: a person writing a therapy note or an entry at 2 a.m. had no
    way to help but Cancel, which threw the text away). ``context``: the dialog's
    AppContext. Never the default button (Return in a field does not open the panel);
    Return on the button itself does (:class:`ReturnClicks`)."""
    button = buttons.addButton(tr("Get help now"), QDialogButtonBox.ButtonRole.HelpRole)
    button.setAutoDefault(False)
    button.setObjectName("helpNow")
    button.setAccessibleDescription(
        tr("Opens crisis lines and your safety plan. What you entered here stays.")
    )
    button.clicked.connect(lambda: context.events.help_requested.emit(""))
    button.installEventFilter(ReturnClicks(button))
    return button


class ReturnClicks(QObject):
    """Return or Enter on the focused button clicks it: a button that is never the
    default otherwise passes them to the dialog's default button (diff review: Return
    on "Get help now" saved the question or the questionnaire instead)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            watched.click()
            return True
        return False
