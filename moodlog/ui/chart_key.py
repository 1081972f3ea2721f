"""A chart's key: its entries flow from line to line like words, but each entry (a
symbol or a piece of line, and the words it stands for) stays whole.

The key used to be one rich-text label. Qt breaks a line after an inline image whatever
follows it (a word joiner or ``white-space: nowrap`` do not stop it), so at large text
a session kind's piece of line ended one line and its name began the next ("──" then
"TMS"): a reader could pair the pattern with the wrong kind. Here each entry is a label
of its own that never wraps, and :class:`FlowLayout` moves whole entries to the next
line.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLabel, QLayout, QLayoutItem, QSizePolicy, QVBoxLayout, QWidget


class FlowLayout(QLayout):
    """Items left to right, on as many lines as the width needs (Qt's flow layout
    example, kept to what the key uses: fixed spacing, no right-to-left)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 12) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt's name)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        """As wide as the widest entry (the key never makes the window wider than that)."""
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        return size

    def lines(self, width: int) -> list[list[QWidget]]:
        """The widgets on each line at ``width`` (what :meth:`setGeometry` does)."""
        rows: list[list[QWidget]] = []
        self._arrange(QRect(0, 0, width, 0), move=False, rows=rows)
        return rows

    def _arrange(self, rect: QRect, move: bool, rows: list[list[QWidget]] | None = None) -> int:
        x, y, line_height = rect.x(), rect.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            size = item.sizeHint()
            wrapped = x > rect.x() and x + size.width() > rect.right() + 1
            if wrapped:
                x, y, line_height = rect.x(), y + line_height + self._gap // 3, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), size))
            if rows is not None:
                if wrapped or not rows:
                    rows.append([])
                rows[-1].append(item.widget())
            x += size.width() + self._gap
            line_height = max(line_height, size.height())
        return y + line_height - rect.y()


class ChartKey(QWidget):
    """Entries (rich text: a coloured symbol or a line's picture, then words) that wrap
    as wholes, and a note under them that wraps as text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.entries = QWidget()
        self.flow = FlowLayout(self.entries)
        layout.addWidget(self.entries)
        self.note = QLabel("")
        self.note.setWordWrap(True)
        self.note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.note)
        self._labels: list[QLabel] = []

    def set_entries(self, entries: list[str], note: str) -> None:
        """Show ``entries`` (each a piece of rich text kept on one line) and ``note``
        (rich text, wrapped). Labels are reused: the key is set again after each save."""
        while len(self._labels) < len(entries):
            label = QLabel()
            label.setTextFormat(Qt.TextFormat.RichText)
            self._labels.append(label)
            self.flow.addWidget(label)
        for label, entry in zip(self._labels, entries, strict=False):
            label.setText(entry)
            label.show()
        for label in self._labels[len(entries) :]:
            label.hide()
        self.note.setText(note)
        self.flow.invalidate()

    def text(self) -> str:
        """Everything the key says, in order, as one piece of rich text."""
        shown = [label.text() for label in self._labels if not label.isHidden()]
        return " &nbsp; ".join(shown) + "<br>" + self.note.text()
