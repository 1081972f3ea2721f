"""Non-sensitive preferences kept outside the vault, in ``preferences.json``.

Only what must work while the vault is locked lives here: the country for crisis
lines ("Get help now" works without unlocking) and the idle auto-lock minutes.
Nothing the user writes about themselves is ever stored here, and never the
passphrase. Everything else is a setting inside the encrypted vault.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from moodlog.paths import PREFERENCES_FILENAME

DEFAULT_IDLE_MINUTES = 5


@dataclass
class Preferences:
    country: str = ""
    idle_lock_minutes: int = DEFAULT_IDLE_MINUTES

    @classmethod
    def load(cls, data_dir: Path) -> Preferences:
        path = Path(data_dir) / PREFERENCES_FILENAME
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        prefs = cls()
        if isinstance(raw.get("country"), str) and len(raw["country"]) <= 3:
            prefs.country = raw["country"].upper()
        minutes = raw.get("idle_lock_minutes")
        if isinstance(minutes, int) and not isinstance(minutes, bool) and 1 <= minutes <= 240:
            prefs.idle_lock_minutes = minutes
        return prefs

    def save(self, data_dir: Path) -> None:
        from moodlog.report.json_format import write_atomically

        Path(data_dir).mkdir(parents=True, exist_ok=True)
        write_atomically(Path(data_dir) / PREFERENCES_FILENAME, json.dumps(asdict(self)))

    def effective_country(self) -> str:
        from moodlog.domain.crisis import country_from_locale

        return self.country or country_from_locale()
