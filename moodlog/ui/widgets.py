"""Small widgets shared by several screens."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSlider,
    QVBoxLayout,
    QWidget,
)


class ScaleInput(QWidget):
    """A 0-10 slider with labelled ends that can be left empty ("not recorded").

    Keyboard: arrows/PageUp/PageDown move it; the check box (Space) marks it recorded.
    Every scale starts empty; ``value()`` is None until the user sets it. A required
    scale has no check box: it counts as set once the slider is moved, pressed or
    keyed (nothing is ever preset, so an untouched form never records a middle value).
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
        self.enabled_box = QCheckBox(label)
        self.enabled_box.setChecked(False)
        self.enabled_box.setAccessibleName(f"Record {label}")
        title = QLabel(f"<b>{label}</b> (required)") if required else self.enabled_box
        self.enabled_box.setVisible(not required)
        self.value_label = QLabel("")
        self.value_label.setObjectName("scaleValue")
        self.value_label.setMinimumWidth(60)
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
        self.slider.setAccessibleName(f"{label}, 0 = {low_text}, 10 = {high_text}")
        row.addWidget(low)
        row.addWidget(self.slider, 1)
        row.addWidget(high)
        layout.addLayout(row)
        self.slider.valueChanged.connect(self._slider_moved)
        self.slider.sliderPressed.connect(self._slider_moved)
        self.slider.installEventFilter(self)
        self.enabled_box.toggled.connect(self._update)
        self._update()

    def _slider_moved(self) -> None:
        if not self.enabled_box.isChecked():
            self.enabled_box.setChecked(True)
        self._update()

    def _update(self) -> None:
        recorded = self.enabled_box.isChecked()
        empty = "not set yet" if self.required else "not recorded"
        self.value_label.setText(f"{self.slider.value()} / 10" if recorded else empty)
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
        self.enabled_box.setChecked(value is not None)
        self._update()


def confirm(parent: QWidget, title: str, text: str, action: str = "Delete") -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes


def show_error(parent: QWidget | None, text: str, title: str = "moodlog") -> None:
    QMessageBox.warning(parent, title, text)


def scrolling_page(scroll: QScrollArea, title: str) -> QVBoxLayout:
    """Fill ``scroll`` with a padded page that starts with a heading; returns its layout."""
    scroll.setWidgetResizable(True)
    body = QWidget()
    layout = QVBoxLayout(body)
    layout.setContentsMargins(24, 16, 24, 16)
    layout.addWidget(heading(title))
    scroll.setWidget(body)
    return layout


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("heading")
    return label


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label
