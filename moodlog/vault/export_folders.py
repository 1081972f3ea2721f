"""The folders exports went to, kept inside the encrypted journal, so that what a killed
export left there is removed at the next unlock.

Every export writes a private temp file beside its target and renames it
(:func:`moodlog.paths.atomic_target`); killed part-way, it leaves that temp: the person's
records in plain text. The next export into the same folder removes it
(:func:`moodlog.paths.clear_stale_temps`), but a folder no export goes back to (a USB
stick, the Desktop, a one-off folder) kept it for good (failure review). So each export
remembers its folder *before* its temp file is made, and each unlock sweeps them.

The list is a setting in the journal, never in the preferences or any plain file: a
list of where someone saved their mental-health records is a recent-files list. It is
not among the settings a JSON export carries (``moodlog.report.json_format.SETTINGS``).
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Iterable
from pathlib import Path

import sqlcipher3

from moodlog.paths import clear_stale_temps, is_journal_file
from moodlog.vault.errors import StorageProblem

TYPE_CHECKING = False
if TYPE_CHECKING:
    from moodlog.vault.vault import Vault

SETTING = "export_folders"  # in the journal's settings table; most recent first
KEEP = 20  # the folders of the last this-many distinct exports


def _stored(vault: Vault) -> list[str]:
    """The remembered folders as stored; anything that is not a list of texts is none."""
    try:
        value = vault.settings.get(SETTING, [])
    except ValueError:  # (not JSON: never written by moodlog; nothing to sweep)
        return []
    return _folders_in(value)


def _folders_in(value: object) -> list[str]:
    if not isinstance(value, list):
        return []
    return [item for item in value if type(item) is str and item]


def remember(vault: Vault, target: str | os.PathLike[str], *, into_folder: bool = False) -> None:
    """Remember the folder an export to ``target`` writes into: the file's folder, or,
    ``into_folder``, ``target`` itself (the folder a CSV export makes for its files).
    Every export calls this on the thread that owns the vault, before it makes its temp
    file: a killed export must already be remembered.

    An export aimed at one of the journal's own files is refused before it writes
    anything (:func:`moodlog.paths.refuse_journal_files`): the journal is left as it
    was. A journal that cannot take the note (a full disk, a read-only drive) does not
    stop the export: the folder is then not swept, as before."""
    if not into_folder and is_journal_file(Path(target)):
        return
    carry(
        vault,
        [os.path.abspath(target if into_folder else os.path.dirname(os.path.abspath(target)))],
    )


def carry(vault: Vault, folders: Iterable[str | os.PathLike[str]]) -> None:
    """Put ``folders`` first on the list (the latest :data:`KEEP` kept): an export's
    folder (:func:`remember`), or after a restore, the folders the replaced journal
    remembered, kept in the restored one so the next unlock still sweeps them (the
    backup's own list stops where the backup was made: diff review). A journal that
    cannot take the note does not stop the export or the restore."""
    carried = [os.fspath(folder) for folder in folders]
    if not carried:
        return
    try:
        with vault.transaction():
            kept = [item for item in _stored(vault) if item not in carried]
            vault.settings.set(SETTING, [*carried, *kept][:KEEP])
    except StorageProblem:
        pass


def remembered_on(connection: sqlcipher3.Connection) -> list[str]:
    """The remembered folders of a journal open on a bare ``connection`` (the command
    line's restore proves the passphrase without opening the journal as a vault);
    nothing when the journal has none or cannot be read."""
    try:
        row = connection.execute("SELECT value FROM settings WHERE key = ?", (SETTING,)).fetchone()
        value = json.loads(row[0]) if row else []
    except (sqlcipher3.Error, ValueError, TypeError):
        return []
    return _folders_in(value)


def remembered(vault: Vault) -> list[Path]:
    """The remembered folders, most recent first (one read of one setting)."""
    return [Path(item) for item in _stored(vault)]


def sweep(folders: Iterable[Path]) -> None:
    """Remove what killed exports left in ``folders`` (:func:`clear_stale_temps`: a held
    temp whose writer is gone, at any age; another moodlog temp an hour old). A folder
    not there now stays on the list: a USB stick unplugged today is the very place a
    killed export's temp waits for its next visit (the list keeps the latest
    :data:`KEEP` anyway). Touches files only, never the journal: it runs off the window's
    thread, where a folder on a network share or an unplugged drive may hold it up for
    seconds."""
    for folder in folders:
        if os.path.isdir(folder):
            clear_stale_temps(folder)


class Sweep:
    """:func:`sweep`, in a daemon thread (it never keeps moodlog from quitting)."""

    def __init__(self, folders: list[Path]) -> None:
        self.folders = list(folders)
        self.thread = threading.Thread(
            target=self._run, name="moodlog export-folder sweep", daemon=True
        )
        self.thread.start()

    def _run(self) -> None:
        # Nothing raised here is anyone's to see: a sweep that fails changes nothing and
        # is tried again at the next unlock (and the app may be gone by the time it ends).
        with contextlib.suppress(Exception):
            sweep(self.folders)

    def finish(self, wait: float = 0.0) -> None:
        """Wait up to ``wait`` seconds for the sweep (a command, before it exits)."""
        self.thread.join(wait)


def start_sweep(vault: Vault) -> Sweep | None:
    """Sweep the remembered folders in the background: the list is read here, on the
    vault's thread; nothing is started when it is empty (the usual unlock: one read of
    one setting)."""
    folders = remembered(vault)
    if not folders:
        return None
    return Sweep(folders)
