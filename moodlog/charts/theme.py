"""One signal for "the colours changed" (issue 15: themes), light to import: the app
emits it after it applies a theme (Settings, or the desktop switching between light and
dark); charts and legends connect to it and recolour themselves.

A signal rather than each widget overriding ``changeEvent``: a Python override of an
event handler on a chart is still called while the chart is being destroyed, which
crashed the next style-sheet change. A slot that is a method of a QObject is
disconnected when that object is destroyed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ThemeEvents(QObject):
    changed = Signal()


_EVENTS: list[ThemeEvents] = []


def theme_events() -> ThemeEvents:
    """The application's one ThemeEvents object (made at first use)."""
    if not _EVENTS:
        _EVENTS.append(ThemeEvents())
    return _EVENTS[0]
