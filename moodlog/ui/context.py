"""What every screen of an unlocked session shares."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from moodlog.preferences import Preferences

if TYPE_CHECKING:  # the session brings its open Vault; no SQLCipher import for this
    from moodlog.vault.vault import Vault


class Events(QObject):
    """App-wide notifications so screens refresh when another one saves."""

    data_changed = Signal(str)  # which kind: "entries", "treatments", ...
    open_day = Signal(object)  # a datetime.date to show in the journal
    help_requested = Signal(str)  # the self-check level that prompted it, or ""
    question_added = Signal()


@dataclass
class AppContext:
    vault: Vault
    data_dir: Path
    preferences: Preferences
    demo: bool = False
    now: Callable[[], dt.datetime] = field(
        default=lambda: dt.datetime.now().replace(second=0, microsecond=0)
    )
    events: Events = field(default_factory=Events)

    def today(self) -> dt.date:
        return self.now().date()
