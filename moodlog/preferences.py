"""Non-sensitive preferences kept outside the vault, in ``preferences.json``.

Only what must work while the vault is locked lives here: the country for crisis
lines ("Get help now" works without unlocking), the idle auto-lock minutes, and the
backup folder with the automatic-backup switch (restoring works from the lock screen),
and the colour theme (the lock screen has it too).
Nothing the user writes about themselves is ever stored here, and never the
passphrase. Everything else is a setting inside the encrypted vault.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from moodlog.paths import PREFERENCES_FILENAME, write_atomically
from moodlog.wording import QT_TR_NOOP

DEFAULT_IDLE_MINUTES = 5
THEMES = ("system", "light", "dark")
PREFERENCES_RESET_NOTICE = QT_TR_NOOP(  # the app shows it with tr()
    "moodlog could not read its preferences file (preferences.json), so it is using its "
    "default settings where needed. Please check the country for crisis lines and the "
    "auto-lock time in Settings. Your journal is not affected."
)


@dataclass
class Preferences:
    country: str = ""
    idle_lock_minutes: int = DEFAULT_IDLE_MINUTES
    # Backups (moodlog.vault.backup): readable while locked, so that a backup can be
    # restored from the unlock screen. A folder path only; "" = <data folder>/backups.
    backup_folder: str = ""
    auto_backup: bool = True
    # Colours (issue 15): "system" (follow the desktop), "light" or "dark". Read before
    # unlock, so that the lock screen has the chosen colours too.
    theme: str = "system"
    # Set by ``load`` when preferences.json could not be used as it was: what to tell
    # the user. Not a preference: never saved.
    notice: str = field(default="", compare=False)

    @classmethod
    def load(cls, data_dir: Path) -> Preferences:
        path = Path(data_dir) / PREFERENCES_FILENAME
        try:
            text = path.read_text(encoding="utf-8")
            import json  # here: no file, no json (~1.5 ms before the lock window)

            raw = json.loads(text)
        except FileNotFoundError:
            return cls()  # first start: the defaults, nothing to say
        except (OSError, ValueError, RecursionError):
            # Unreadable, not UTF-8, not JSON, absurdly nested: start with the defaults
            # (the app and "Get help now" must always start) and say so.
            return cls(notice=PREFERENCES_RESET_NOTICE)
        prefs = cls()
        if not isinstance(raw, dict):
            prefs.notice = PREFERENCES_RESET_NOTICE
            return prefs
        country = raw.get("country", "")
        if isinstance(country, str) and len(country) <= 3 and country.isascii():
            if country.isalpha() or not country:
                prefs.country = country.upper()
            else:
                prefs.notice = PREFERENCES_RESET_NOTICE
        else:
            prefs.notice = PREFERENCES_RESET_NOTICE
        minutes = raw.get("idle_lock_minutes", DEFAULT_IDLE_MINUTES)
        if isinstance(minutes, int) and not isinstance(minutes, bool) and 1 <= minutes <= 240:
            prefs.idle_lock_minutes = minutes
        else:
            prefs.notice = PREFERENCES_RESET_NOTICE
        folder = raw.get("backup_folder", "")
        if isinstance(folder, str) and len(folder) <= 4096 and "\x00" not in folder:
            prefs.backup_folder = folder
        else:
            prefs.notice = PREFERENCES_RESET_NOTICE
        auto_backup = raw.get("auto_backup", True)
        if isinstance(auto_backup, bool):
            prefs.auto_backup = auto_backup
        else:
            prefs.notice = PREFERENCES_RESET_NOTICE
        theme = raw.get("theme", "system")
        if theme in THEMES:
            prefs.theme = theme
        else:
            prefs.notice = PREFERENCES_RESET_NOTICE
        return prefs

    def save(self, data_dir: Path) -> None:
        import json

        Path(data_dir).mkdir(parents=True, exist_ok=True)
        if not self.country:  # "not chosen" never overwrites a country chosen elsewhere
            self.country = Preferences.load(data_dir).country
        body = asdict(self)
        body.pop("notice", None)  # a message for this run, never stored
        write_atomically(Path(data_dir) / PREFERENCES_FILENAME, json.dumps(body))

    def effective_country(self) -> str:
        """The chosen country; else the system locale's territory (a visible guess,
        shown preselected wherever the country can be changed); else "" - never a
        silent US default: help then names "your local emergency number"."""
        return self.country or system_country()


def system_country() -> str:
    """Two-letter country of the system locale, from Qt's ``QLocale`` ("" if none).

    Qt reads the platform's own locale settings (LC_ALL/LANG on Unix, the user's
    region on Windows and macOS); a "C" or POSIX locale has no country.
    """
    try:
        from PySide6.QtCore import QLocale
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        return ""
    code = QLocale.territoryToCode(QLocale.system().territory())  # "" for none
    return code.upper() if len(code) == 2 and code.isalpha() else ""
