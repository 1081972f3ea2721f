"""Encrypted backups of the vault, and restoring one.

A backup is a complete SQLCipher 4 file, a copy of the vault made by SQLite itself on
the live connection (never by copying the file):

* with the vault's own passphrase: ``VACUUM INTO`` (the copy keeps the vault's key,
  salt and format number; ~15 ms for ten years of data);
* with a separate backup passphrase: ``sqlcipher_export`` into an attached database
  keyed with it, plus the format number.

Each is written to a private (0600) temp file in the backup folder, checked by
reading it back, fsynced, then renamed to its final name (and the folder fsynced),
so a crash or a kill mid-backup leaves at most a stray temp file, which the next
backup removes, and never touches earlier backups.

Automatic backups (one a day, at the first unlock of the day) are named ``...-auto``
and thinned out: the newest of each of the last 7 days with a backup, and the newest
of each of the 4 weeks before those, are kept. Backups made by hand are never deleted
by moodlog.

Restoring checks the backup first (passphrase, that it is a moodlog vault this version
understands, integrity, what it holds) and copies it into a temp file beside the vault
(fsynced) before anything changes. Then, with the vault closed, the current vault file
is kept as ``moodlog.db.before-restore-DATE.bak`` (a hard link, or a copy where links
are not possible) and the copy is renamed over the vault. The restored vault opens with
the backup's passphrase. A kept journal whose last save had been cut short keeps SQLite's
rollback journal beside it; restoring it rolls that back in the temp copy, so it comes
back as of its last commit.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import glob
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import sqlcipher3

from moodlog.paths import clear_stale_temps, create_private_file
from moodlog.vault.connection import (
    LONGEST_SQLITE_PATH,
    apply_key,
    describe_unopenable,
    hot_journal,
    normalise_passphrase,
    path_length,
    sql_string_literal,
)
from moodlog.vault.errors import VaultError, is_damage
from moodlog.vault.migrations import LATEST_VERSION, MIGRATIONS
from moodlog.vault.vault import Vault, split_sql
from moodlog.wording import QT_TR_NOOP, plain_date

BACKUP_PREFIX = "moodlog-backup-"
BACKUP_SUFFIX = ".db"
AUTO_MARK = "-auto"
IMPORT_MARK = "-import"  # made just before an import: kept like one made by hand
TEMP_PREFIX = ".moodlog-backup-"
RESTORE_TEMP_PREFIX = ".moodlog-restore-"
TEMP_SUFFIX = ".tmp"
DEFAULT_FOLDER_NAME = "backups"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
REMINDER_DAYS = 14
# Kept in the vault's drafts table, which no export reads (settings are exported).
PASSPHRASE_SLOT = "backup-passphrase"
SETTING_NOTICE_SHOWN = "backup_passphrase_notice_shown"

PASSPHRASE_NOTICE = (
    "A backup opens with the passphrase it was made with. Changing your passphrase "
    "later does not re-encrypt older backups: they keep opening with the old one."
)
RETENTION_TEXT = (
    f"Automatic backups: one a day, when you first unlock. moodlog keeps the newest of "
    f"each of the last {KEEP_DAILY} days and of each of the {KEEP_WEEKLY} weeks before "
    "those, and deletes older automatic ones. Backups you make yourself are never deleted."
)

MARK_FILENAME = "moodlog.db.backup-mark"  # beside the journal (a journal file name)
_NAME = re.compile(
    re.escape(BACKUP_PREFIX)
    + r"(\d{4}-\d{2}-\d{2})-(\d{6})(?:-(\d+))?("
    + re.escape(AUTO_MARK)
    + r")?("
    + re.escape(IMPORT_MARK)
    + r")?(?:-j([0-9a-f]{8}))?"
    + re.escape(BACKUP_SUFFIX)
)
# The tables every moodlog vault since format 1 has; a file without them is not ours.
_REQUIRED_TABLES = {"entries", "settings", "tags"}
# (key, table, one, many): the nouns in English for the command line, marked for the
# screens to translate (moodlog.ui.backups.HELD_WORDS)
COUNTED = (
    ("entries", "entries", QT_TR_NOOP("check-in"), QT_TR_NOOP("check-ins")),
    ("questionnaires", "questionnaires", QT_TR_NOOP("questionnaire"), QT_TR_NOOP("questionnaires")),
    ("checkins", "si_checkins", QT_TR_NOOP("self-check"), QT_TR_NOOP("self-checks")),
    (
        "treatments",
        "treatments",
        QT_TR_NOOP("treatment session or appointment"),
        QT_TR_NOOP("treatment sessions and appointments"),
    ),
    ("session_notes", "session_notes", QT_TR_NOOP("therapy note"), QT_TR_NOOP("therapy notes")),
    ("medications", "medications", QT_TR_NOOP("medication"), QT_TR_NOOP("medications")),
    (
        "questions",
        "questions",
        QT_TR_NOOP("question for your therapist"),
        QT_TR_NOOP("questions for your therapist"),
    ),
    (
        "safety_plans",
        "safety_plans",
        QT_TR_NOOP("safety plan version"),
        QT_TR_NOOP("safety plan versions"),
    ),
)
_DATED = ("entries", "questionnaires", "si_checkins", "treatments")


# -- errors ---------------------------------------------------------------------------


class BackupError(VaultError):
    """A backup could not be made or read; the message is fit to show as it is."""


class BackupFailed(BackupError):
    def __init__(self, reason: str) -> None:
        super().__init__(f"The backup could not be made: {reason}. Earlier backups are untouched.")


class WrongBackupPassphrase(BackupError):
    def __init__(self, path: object) -> None:
        super().__init__(
            f"That passphrase does not open {path}, or the file is not a moodlog backup "
            "(or is damaged). Nothing was changed; you can try again."
        )


class NotABackup(BackupError):
    def __init__(self, path: object, reason: str) -> None:
        super().__init__(
            f"{path} is not a moodlog backup that can be restored: {reason}. Nothing was changed."
        )


class BackupTooNew(BackupError):
    def __init__(self, path: object, found: int) -> None:
        super().__init__(
            f"{path} was made by a newer version of moodlog (format {found}; this version "
            f"understands up to {LATEST_VERSION}). Please update moodlog to restore it. "
            "Nothing was changed."
        )


# -- the files in a backup folder -------------------------------------------------------


@dataclass(frozen=True)
class BackupFile:
    path: Path
    made_at: dt.datetime
    size: int
    automatic: bool
    journal: str = ""  # the journal mark in its name ("": made before marks, or renamed)
    before_import: bool = False  # made just before an import (never thinned out)

    @property
    def kind(self) -> str:
        """How it came to be, in words the screens translate."""
        if self.before_import:
            return QT_TR_NOOP("before an import")  # (review: not "made by you")
        return QT_TR_NOOP("automatic") if self.automatic else QT_TR_NOOP("made by you")

    def dated_after(self, day: dt.date) -> bool:
        """Named with a later day than ``day`` (today): made while the computer's clock
        was set ahead. Such a backup is kept, but is not the newest: it neither stops the
        daily backup nor takes a place in the retention rule, and the Restore list puts
        it last (review findings). By day: the screens' "now" is to the minute, and a
        backup made in that minute is named to the second."""
        return self.made_at.date() > day

    def belongs_to(self, journal: str) -> bool:
        """Whether it counts as the backup of the journal marked ``journal``: it has
        that mark, or was made before marks (it may be another journal's, but counting
        it keeps an upgraded journal from reading as never backed up)."""
        return self.journal in (journal, "")


def default_folder(data_dir: Path) -> Path:
    return Path(data_dir) / DEFAULT_FOLDER_NAME


def folder_for(chosen: str | None, data_dir: Path) -> Path:
    """The folder backups go to: the one chosen (a preference), else the default."""
    chosen = (chosen or "").strip()
    return Path(chosen).expanduser() if chosen else default_folder(data_dir)


def parse_name(name: str) -> tuple[dt.datetime, bool] | None:
    """(time made, automatic?) from a backup file name, else None."""
    match = _NAME.fullmatch(name)
    if not match:
        return None
    try:
        made = dt.datetime.strptime(match[1] + match[2], "%Y-%m-%d%H%M%S")
    except ValueError:
        return None
    return made, bool(match[4])


def journal_mark(data_dir: Path) -> str:
    """The mark of the journal in ``data_dir`` in the names of its backups (8 hex
    digits), or "" before its first marked backup. Backups of two journals in one folder
    (a laptop and a desktop sharing a synced folder, as the README suggests) are told
    apart by it (review finding: the first journal unlocked each day made the only
    automatic backup, and the other was never backed up while its screen said "today").

    It belongs to the journal's folder, not to its contents: a file beside the journal
    (a random token, nothing of the person's). So a restore on the same computer keeps
    it, and a journal restored onto a new computer gets its own (review finding: kept
    inside the vault, a desktop set up from the laptop's backup had the laptop's mark,
    and the shared-folder problem came back)."""
    try:
        mark = (Path(data_dir) / MARK_FILENAME).read_text(encoding="utf-8").strip()
    except (OSError, ValueError):
        return ""
    return mark if re.fullmatch(r"[0-9a-f]{8}", mark) else ""


def _new_mark(data_dir: Path) -> str:
    """Make and keep the journal's mark; "" (an unmarked backup name) if it cannot be
    kept (the journal's disk full while the backup goes to another)."""
    from moodlog.paths import write_atomically

    mark = os.urandom(4).hex()  # (os.urandom: no module to load at unlock, issue 14 §3)
    try:
        write_atomically(Path(data_dir) / MARK_FILENAME, mark + "\n")
    except OSError:
        return ""
    return mark


def list_backups(folder: Path, journal: str | None = None) -> list[BackupFile]:
    """moodlog's backups in ``folder``, newest first (other files are left out). With
    ``journal`` (:func:`journal_mark`), only this journal's (:meth:`BackupFile.belongs_to`;
    ``""``: a journal without a mark yet, so only the unmarked ones)."""
    found: list[tuple[int, int, BackupFile]] = []
    try:
        children = list(Path(folder).iterdir())
    except OSError:
        return []
    for child in children:
        parsed = parse_name(child.name)
        if parsed is None:
            continue
        try:
            if not child.is_file():
                continue
            stat = child.stat()
        except OSError:
            continue
        match = _NAME.fullmatch(child.name)
        number = int(match[3]) if match and match[3] else 1  # "-2": second in that second
        mark = (match[6] or "") if match else ""
        before_import = bool(match and match[5])
        made = BackupFile(child, parsed[0], stat.st_size, parsed[1], mark, before_import)
        if journal is not None and not made.belongs_to(journal):
            continue
        found.append((stat.st_mtime_ns, number, made))
    # Newest first; within one second, by when the file was written.
    found.sort(key=lambda row: (row[2].made_at, row[0], row[1]), reverse=True)
    return [made for _, _, made in found]


def copies_keeping_their_passphrase(vault_path: Path, folder: Path) -> tuple[int, int] | None:
    """(this journal's backups in ``folder``, copies kept beside the journal: before a
    restore or an upgrade). Each still opens with the passphrase it was made with, which
    a passphrase change does not touch (attacker review: after a change, the person was
    told the old passphrase no longer opened anything). None when ``folder``, one the
    person chose, is not there now (a drive not plugged in: its backups are there all
    the same); the default folder not made yet holds none."""
    vault_path, folder = Path(vault_path), Path(folder)
    if not folder.is_dir() and folder != default_folder(vault_path.parent):
        return None
    backups = list_backups(folder, journal_mark(vault_path.parent))
    kept = [
        p
        for p in kept_copies(vault_path)
        if _KEPT_NAME.search(p.name) or _UPGRADE_NAME.search(p.name)
    ]
    return len(backups), len(kept)


def kept_copies(vault_path: Path) -> list[Path]:
    """The files beside the journal named as its kept copies (``NAME.*.bak``: before a
    restore, before an upgrade); none when its folder cannot be read."""
    vault_path = Path(vault_path)
    with contextlib.suppress(OSError):
        return [
            p
            for p in vault_path.parent.glob(f"{glob.escape(vault_path.name)}.*.bak")
            if p.is_file()
        ]
    return []


def last_backup_time(
    folder: Path, journal: str | None = None, now: dt.datetime | None = None
) -> dt.datetime | None:
    """When the newest backup was made; with ``now``, the newest made by the end of its
    day (:meth:`BackupFile.dated_after`): one named with a later day would otherwise
    stop the daily backup and the reminder until that day came (review finding)."""
    backups = list_backups(folder, journal)
    if now is not None:
        backups = [b for b in backups if not b.dated_after(now.date())]
    return max((b.made_at for b in backups), default=None)


def reminder_text(folder: Path, now: dt.datetime, journal: str | None = None) -> str | None:
    """A gentle line for Today when there has been no backup (of ``journal``) for 14
    days, or never."""
    last = last_backup_time(folder, journal, now)
    if last is None:
        return (
            "Your journal has not been backed up yet. A backup keeps your entries safe "
            "if this computer is lost or breaks."
        )
    if (now - last).days >= REMINDER_DAYS:
        return (
            f"Your last backup was on {plain_date(last, 'dd MMM yyyy')}. A fresh one keeps "
            "recent entries safe."
        )
    return None


def describe_size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


# -- making a backup ------------------------------------------------------------------


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform/filesystem allows it
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def ensure_folder(folder: Path) -> Path:
    """The backup folder, created (0700) if missing. An existing folder the user chose
    keeps its own permissions; the backup files themselves are 0600."""
    folder = Path(folder).expanduser()
    if not folder.exists():
        # Not its parents: a missing parent is most likely a drive that is not
        # connected, and the backup must not land on the computer's own disk instead.
        folder.mkdir()
        os.chmod(folder, 0o700)
    if not folder.is_dir():
        raise BackupFailed(f"{folder} is not a folder")
    return folder


def _final_name(
    folder: Path, made_at: dt.datetime, automatic: bool, journal: str, before_import: bool = False
) -> Path:
    stamp = made_at.strftime("%Y-%m-%d-%H%M%S")
    mark = (AUTO_MARK if automatic else "") + (IMPORT_MARK if before_import else "")
    mark += f"-j{journal}" if journal else ""
    candidate = folder / f"{BACKUP_PREFIX}{stamp}{mark}{BACKUP_SUFFIX}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{BACKUP_PREFIX}{stamp}-{number}{mark}{BACKUP_SUFFIX}"
        number += 1
    return candidate


def _export(vault: Vault, target: Path, passphrase: str | None) -> None:
    """Write the vault into the (empty, existing) ``target`` and read it back."""
    conn = vault.conn
    name = sql_string_literal(str(target))
    if passphrase is None:
        conn.execute(f"VACUUM INTO {name}")
        key_clause = ""  # attached without KEY: the vault's own key
    else:
        key_clause = f" KEY {sql_string_literal(normalise_passphrase(passphrase))}"
        conn.execute(f"ATTACH DATABASE {name} AS moodlog_backup{key_clause}")
        try:
            conn.execute("SELECT sqlcipher_export('moodlog_backup')")
            conn.execute(f"PRAGMA moodlog_backup.user_version = {int(vault.version)}")
        finally:
            conn.execute("DETACH DATABASE moodlog_backup")
    # Read the copy back before it gets its real name.
    conn.execute(f"ATTACH DATABASE {name} AS moodlog_check{key_clause}")
    try:
        problems = [
            row[0]
            for row in conn.execute("PRAGMA moodlog_check.quick_check").fetchall()
            if row[0] != "ok"
        ]
        copied = conn.execute("SELECT count(*) FROM moodlog_check.entries").fetchone()[0]
        original = conn.execute("SELECT count(*) FROM main.entries").fetchone()[0]
    finally:
        conn.execute("DETACH DATABASE moodlog_check")
    if problems or copied != original:
        raise BackupFailed("the copy did not read back the same")


# SQLite's path limit, less the longest name made in a backup folder
# ("moodlog-backup-DATE-TIME-before-import-jMARK-2.db-journal", ~70 bytes; 80 allowed).
LONGEST_BACKUP_FOLDER_PATH = LONGEST_SQLITE_PATH - 1 - 80


def write_backup(
    vault: Vault,
    folder: Path,
    passphrase: str | None = None,
    automatic: bool = False,
    now: dt.datetime | None = None,
    target: Path | None = None,
    before_import: bool = False,
) -> BackupFile:
    """Back up the open vault into ``folder`` (or to exactly ``target``, replacing it).

    ``passphrase`` None: the backup opens with the vault's passphrase. Raises
    BackupFailed with a plain reason; earlier backups are never touched.
    ``before_import``: named as made just before an import (kept like one by hand).
    """
    made_at = (now or dt.datetime.now()).replace(microsecond=0)
    journal = ""
    if target is None:  # (a file the person named keeps that name)
        data_dir = Path(vault.path).parent
        journal = journal_mark(data_dir) or _new_mark(data_dir)
    where = Path(target).parent if target is not None else Path(folder)
    length = path_length(where)
    if length > LONGEST_BACKUP_FOLDER_PATH:  # (diff review: "may not write to that folder")
        raise BackupFailed(
            f"the folder's path is too long ({length} bytes; at most {LONGEST_BACKUP_FOLDER_PATH})"
        )
    try:
        folder = ensure_folder(where)
        clear_stale_temps(folder, TEMP_PREFIX)
        fd, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=folder)
        os.close(fd)
    except OSError as error:
        raise BackupFailed(_os_reason(error)) from None
    temp = Path(temp_name)
    try:
        os.chmod(temp, 0o600)
        _export(vault, temp, passphrase)
        _fsync_file(temp)
        final = (
            target
            if target is not None
            else _final_name(folder, made_at, automatic, journal, before_import)
        )
        os.replace(temp, final)
        _fsync_dir(folder)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(error, BackupError):
            raise
        if isinstance(error, OSError):
            raise BackupFailed(_os_reason(error)) from None
        if isinstance(error, sqlcipher3.Error):
            raise BackupFailed(_sql_reason(error)) from None
        raise
    size = Path(final).stat().st_size
    return BackupFile(Path(final), made_at, size, automatic, journal, before_import)


def _os_reason(error: OSError) -> str:
    import errno

    if error.errno == errno.ENOSPC:
        return "the disk is full"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "moodlog may not write to that folder"
    if error.errno == errno.ENOENT:
        return "the folder is not there (is the drive connected?)"
    return (error.strerror or type(error).__name__).lower()


def _sql_reason(error: Exception) -> str:
    text = str(error).lower()
    if "full" in text:
        return "the disk is full"
    if "unable to open" in text or "readonly" in text:
        return "moodlog may not write to that folder"
    if is_damage(error):
        return (
            "your journal file is damaged (part of it cannot be read; 'moodlog check' "
            "shows what). Restore one of your backups, which keeps the damaged file beside it"
        )
    if "disk i/o" in text:  # a write refused: a file size limit, a drive pulled out
        return "the drive could not be written to (is it full, or was it disconnected?)"
    return "the database reported an error"


def stored_passphrase(vault: Vault) -> str | None:
    """The separate backup passphrase the user chose, or None when backups use the
    vault's own passphrase. It is kept inside the encrypted vault (so that automatic
    backups can use it), in a slot that no export (JSON, CSV, FHIR, PDF) reads."""
    body = vault.drafts.load(PASSPHRASE_SLOT)
    value = body.get("passphrase") if isinstance(body, dict) else None
    return value if isinstance(value, str) and value else None


def set_stored_passphrase(vault: Vault, passphrase: str | None) -> None:
    if passphrase:
        vault.drafts.save(PASSPHRASE_SLOT, {"passphrase": normalise_passphrase(passphrase)})
    else:
        vault.drafts.discard(PASSPHRASE_SLOT)


def backup_due(folder: Path, now: dt.datetime, journal: str | None = None) -> bool:
    """No backup of any kind (of ``journal``) made today (the day of ``now``)."""
    last = last_backup_time(folder, journal, now)
    return last is None or last.date() < now.date()


def auto_backup(vault: Vault, folder: Path, now: dt.datetime | None = None) -> BackupFile | None:
    """The daily backup at the first unlock of a day (another journal's backups in the
    same folder do not count); thins out this journal's older automatic ones."""
    now = now or dt.datetime.now()
    if not backup_due(folder, now, journal_mark(Path(vault.path).parent)):
        return None
    made = write_backup(vault, folder, stored_passphrase(vault), automatic=True, now=now)
    prune(folder, made.journal, now)
    return made


def to_keep(backups: list[BackupFile], now: dt.datetime | None = None) -> set[Path]:
    """Automatic backups to keep: the newest of each of the last 7 days with one, and
    the newest of each of the 4 weeks before those. Hand-made ones are always kept. With
    ``now``, one named with a later day (made while the clock was set ahead) is kept
    and takes no place: those filled the 7 days and 4 weeks, and each new daily backup
    was deleted as soon as it was made (diff review)."""
    keep = {b.path for b in backups if not b.automatic}
    ahead = {b.path for b in backups if now is not None and b.dated_after(now.date())}
    keep |= ahead
    automatic = sorted(
        (b for b in backups if b.automatic and b.path not in ahead),
        key=lambda b: b.made_at,
        reverse=True,
    )
    days: list[dt.date] = []
    for backup in automatic:
        day = backup.made_at.date()
        if day not in days:
            if len(days) == KEEP_DAILY:
                break
            days.append(day)
            keep.add(backup.path)
    oldest_daily = days[-1] if days else None
    weeks: list[tuple[int, int]] = []
    for backup in automatic:
        if oldest_daily is None or backup.made_at.date() >= oldest_daily:
            continue
        week = backup.made_at.isocalendar()[:2]
        if week not in weeks:
            if len(weeks) == KEEP_WEEKLY:
                break
            weeks.append(week)
            keep.add(backup.path)
    return keep


def prune(folder: Path, journal: str | None = None, now: dt.datetime | None = None) -> list[Path]:
    """Delete automatic backups beyond the retention rule (as of ``now``: see
    :func:`to_keep`); returns what was deleted. With ``journal``, only that journal's
    marked ones: never another journal's, nor those made before marks (whose journal
    is not known)."""
    backups = list_backups(folder)
    if journal is not None:
        backups = [b for b in backups if b.journal == journal]
    keep = to_keep(backups, now)
    removed = []
    for backup in backups:
        if backup.automatic and backup.path not in keep:
            with contextlib.suppress(OSError):
                backup.path.unlink()
                removed.append(backup.path)
    return removed


# -- what a backup holds ---------------------------------------------------------------


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    version: int
    counts: dict[str, int]
    first_day: dt.date | None
    last_day: dt.date | None
    size: int
    # each kind's records, each as a fingerprint of its whole row: what one journal has
    # that another (with the same tables: ``shape``) has not, added or changed since, whatever
    # the counts and the record numbers (SQLite reuses a deleted last row's number;
    # final diff review). Compared within one process only (Python's hash is salted).
    rows: dict[str, frozenset[int]] = field(default_factory=dict)
    # the counted tables' columns: rows compare only between journals whose are the same
    # (a format number may differ with them the same: review finding)
    shape: tuple = ()

    def not_in(self, other: BackupSummary) -> dict[str, int] | None:
        """Per kind, how many of this one's records ``other`` does not have (added or
        changed since); None when their tables differ (rows not comparable)."""
        if self.shape != other.shape or not self.rows or not other.rows:
            return None
        return {
            key: len(mine - other.rows.get(key, frozenset())) for key, mine in self.rows.items()
        }

    def lines(self) -> list[str]:
        """Plain lines for the person about to restore it."""
        if self.first_day is None:
            span = "It holds no dated records."
        elif self.first_day == self.last_day:
            span = f"Records from {plain_date(self.first_day, 'dd MMM yyyy')}."
        else:
            first, last = (
                plain_date(day, "dd MMM yyyy") for day in (self.first_day, self.last_day)
            )
            span = f"Records from {first} to {last}."
        held = [
            f"{self.counts[key]} {one if self.counts[key] == 1 else many}"
            for key, _, one, many in COUNTED
            if self.counts.get(key)
        ]
        return [span, ("It holds " + ", ".join(held) + ".") if held else "It is empty."]

    def text(self) -> str:
        return " ".join(self.lines())


def _open_read_only(path: Path, passphrase: str) -> sqlcipher3.Connection:
    """``path`` keyed for reading only, as its own bytes say: ``immutable=1`` keeps SQLite
    from applying a ``-wal`` beside it (and from making a ``-shm``). moodlog never makes
    one, and a restore copies the file alone (diff review: the ``-wal`` of another
    program, kept beside the journal as ``...before-restore-DATE.bak-wal``, made that
    journal "not opened by that passphrase"; one that fitted showed what the restore
    would not put back). A hot rollback journal is rolled back on a copy before this
    (:func:`inspect_backup`)."""
    uri = "file:" + _uri_path(path) + "?mode=ro&immutable=1"
    conn = sqlcipher3.connect(uri, uri=True, isolation_level=None)
    try:
        apply_key(conn, passphrase)
        conn.execute("PRAGMA query_only = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def _uri_path(path: Path) -> str:
    from urllib.parse import quote

    return quote(str(Path(path).resolve()), safe="/")


def schema_of(conn: sqlcipher3.Connection) -> set[tuple[str, str, str]]:
    """Every object a database holds but SQLite's own (tables, indexes, triggers,
    views): its type, name and SQL, the spaces evened out."""
    rows = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
    )
    return {(kind, name, " ".join((sql or "").split())) for kind, name, sql in rows}


@functools.cache
def expected_schema(version: int) -> frozenset[tuple[str, str, str]]:
    """What moodlog's migrations up to ``version`` make (:func:`schema_of`), built in
    memory with the same SQLite: a journal holds exactly that, and a backup that holds
    anything more or different (a trigger, a view, a changed table) is refused."""
    conn = sqlcipher3.connect(":memory:")
    try:
        for script in MIGRATIONS[:version]:
            for statement in split_sql(script):
                conn.execute(statement)
        return frozenset(schema_of(conn))
    finally:
        conn.close()


def _copy_rolled_back(source: Path, target: Path, passphrase: str) -> None:
    """Copy ``source`` into the existing private file ``target`` (fsynced). When SQLite
    left a hot rollback journal beside ``source`` (a journal kept by a restore while a
    save had been cut short, or copied along with its side file), the journal is copied
    too and rolled back into ``target`` by opening it with ``passphrase``, so ``target``
    holds the last commit. ``source`` and its journal are never changed (review finding:
    such a kept journal could not be restored, "damaged" with the right passphrase)."""
    with open(source, "rb") as src, open(target, "r+b") as out:
        out.truncate(0)
        shutil.copyfileobj(src, out, 1024 * 1024)
        out.flush()
        os.fsync(out.fileno())
    if not hot_journal(source):
        return
    side = Path(str(target) + "-journal")
    try:
        fd = os.open(side, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(Path(str(source) + "-journal"), "rb") as src, open(fd, "wb") as out:
            shutil.copyfileobj(src, out, 1024 * 1024)
        conn = sqlcipher3.connect(str(target), isolation_level=None)
        try:
            apply_key(conn, passphrase)
            with contextlib.suppress(sqlcipher3.DatabaseError):
                # The first read rolls the journal back; with a wrong passphrase it
                # fails, and the inspection that follows says which it was.
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    finally:
        with contextlib.suppress(OSError):
            side.unlink()  # rolled back (SQLite removed it) or not: never kept
    with open(target, "rb") as done:
        os.fsync(done.fileno())


def inspect_backup(path: Path, passphrase: str) -> BackupSummary:
    """Check a backup and say what it holds, changing nothing anywhere.

    A backup with a hot journal beside it is checked as it will be restored: a private
    copy with the journal rolled back (:func:`_copy_rolled_back`).

    Raises NotABackup, WrongBackupPassphrase or BackupTooNew.
    """
    path = Path(path)
    if not path.exists():
        raise NotABackup(path, "there is no such file")
    if not path.is_file():
        raise NotABackup(path, "it is not a file")
    try:
        reason = describe_unopenable(path)
    except OSError as error:
        raise NotABackup(path, _os_reason(error)) from None
    if reason:
        raise NotABackup(path, reason)
    if not passphrase:
        raise WrongBackupPassphrase(path)  # an empty key would mean "not encrypted"
    if hot_journal(path):
        return _inspect_rolled_back(path, passphrase)
    return _inspect(path, passphrase, path)


def _inspect_rolled_back(path: Path, passphrase: str) -> BackupSummary:
    """:func:`inspect_backup` of a private copy of ``path`` with its journal rolled back,
    made in a private temp folder (its pages stay encrypted) and removed after."""
    try:
        folder = tempfile.TemporaryDirectory(prefix="moodlog-check-")
    except OSError as error:  # (diff review: on a full disk, the folder itself failed)
        raise _not_checked(path, error) from None
    with folder:
        copy = Path(folder.name) / "backup.db"
        try:
            create_private_file(copy)
            _copy_rolled_back(path, copy, passphrase)
        except OSError as error:  # not the backup's fault (review finding)
            raise _not_checked(path, error) from None
        return _inspect(copy, passphrase, path)


def _not_checked(path: Path, error: OSError) -> BackupError:
    """The backup could not be checked because its temporary copy could not be made (a
    full temp folder): said as such, never "not a moodlog backup"."""
    return BackupError(
        f"{path} could not be checked: a temporary copy to check it could not be made "
        f"({_os_reason(error)}). Nothing was changed."
    )


def _inspect(path: Path, passphrase: str, shown_as: Path) -> BackupSummary:
    """The checks of :func:`inspect_backup` on ``path``, its messages naming
    ``shown_as`` (the file the person chose, when ``path`` is a copy of it)."""
    try:
        conn = _open_read_only(path, passphrase)
    except sqlcipher3.Error:
        raise NotABackup(shown_as, "it cannot be opened") from None
    try:
        try:
            tables = {
                row[0]
                for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
        except sqlcipher3.DatabaseError:
            # A wrong key fails every page's check; damage only the pages it touched.
            pages = max(1, path.stat().st_size // 4096)
            try:
                rows = conn.execute("PRAGMA cipher_integrity_check").fetchall()
                failing = sum(1 for (text,) in rows if "hmac" in str(text).lower())
            except sqlcipher3.DatabaseError:
                failing = 0
            if pages > 1 and 0 < failing < pages:
                raise NotABackup(
                    shown_as, f"it is damaged ({failing} of its {pages} pages cannot be read)"
                ) from None
            raise WrongBackupPassphrase(shown_as) from None
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > LATEST_VERSION:
            raise BackupTooNew(shown_as, version)
        if version < 1 or not _REQUIRED_TABLES <= tables:
            raise NotABackup(shown_as, "it is an encrypted database, but not a moodlog journal")
        if schema_of(conn) != expected_schema(version):
            # (review finding: a "backup" with a trigger added rewrote every mood saved
            # after restoring it, and its integrity check said ok)
            raise NotABackup(
                shown_as,
                "it holds more than, or other than, what a moodlog journal holds "
                "(it may have been altered)",
            )
        try:
            problems = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
            problems = [p for p in problems if p != "ok"]
            problems += [r[0] for r in conn.execute("PRAGMA cipher_integrity_check")]
        except sqlcipher3.DatabaseError:
            problems = ["unreadable pages"]
        if problems:
            raise NotABackup(shown_as, "it is damaged (its integrity check failed)")
        counts, first_day, last_day, rows = _holdings(conn, tables)
        shape = _shape(conn, tables)
    except sqlcipher3.DatabaseError:
        raise NotABackup(shown_as, "it is damaged") from None
    finally:
        conn.close()
    size = shown_as.stat().st_size
    return BackupSummary(shown_as, version, counts, first_day, last_day, size, rows, shape)


def _holdings(
    conn: sqlcipher3.Connection, tables: set[str]
) -> tuple[dict[str, int], dt.date | None, dt.date | None, dict[str, frozenset[int]]]:
    """(how many of each kind of record, the first and the last day of any record, each
    kind's rows as fingerprints: :attr:`BackupSummary.rows`)."""
    counts: dict[str, int] = {}
    rows: dict[str, frozenset[int]] = {}
    for key, table, _, _ in COUNTED:
        if table in tables:
            query = _WHOLE_RECORD.get(table, f"SELECT * FROM {table}")
            rows[key] = frozenset(hash(tuple(row)) for row in conn.execute(query))
            counts[key] = len(rows[key])
    firsts: list[str] = []
    lasts: list[str] = []
    for table in _DATED:
        if table in tables:
            first, last = conn.execute(f"SELECT min(day), max(day) FROM {table}").fetchone()
            if first:
                firsts.append(first)
                lasts.append(last)
    first_day = _day(min(firsts)) if firsts else None
    return counts, first_day, _day(max(lasts)) if lasts else None, rows


# A record with the rows that belong to it (review finding: a tag added to a check-in,
# a dose change of a medication, changed no row of their own table); with the columns
# named, so that a backup of an older format (whose tables have the same columns) is
# compared record by record too.
_WHOLE_RECORD = {
    "entries": (
        "SELECT e.id, e.day, e.time, e.mood, e.anxiety, e.energy, e.irritability, "
        "e.sleep_hours, e.sleep_quality, e.note, e.created_at, "
        "(SELECT group_concat(tag_id) FROM (SELECT tag_id FROM entry_tags "
        "WHERE entry_id = e.id ORDER BY tag_id)) FROM entries e"
    ),
    "medications": (
        "SELECT m.id, m.name, m.unit, (SELECT group_concat(day || '|' || event || '|' || "
        "ifnull(dose, '') || '|' || frequency || '|' || reason, ';') FROM (SELECT * FROM "
        "medication_events WHERE medication_id = m.id ORDER BY id)) FROM medications m"
    ),
}


def _shape(conn: sqlcipher3.Connection, tables: set[str]) -> tuple:
    """The columns of the counted tables and of the rows that belong to them."""
    names = [table for _, table, _, _ in COUNTED] + ["entry_tags", "medication_events"]
    return tuple(
        (table, tuple(row[1] for row in conn.execute(f"PRAGMA table_info({table})")))
        for table in names
        if table in tables
    )


def summarise_journal(vault: Vault) -> BackupSummary:
    """What the open journal holds, as a backup's summary says it: to set beside the
    backup about to replace it (review finding: restoring an old backup did not say
    what would be left out)."""
    conn = vault.conn
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    counts, first_day, last_day, rows = _holdings(conn, tables)
    size = Path(vault.path).stat().st_size
    path, shape = Path(vault.path), _shape(conn, tables)
    return BackupSummary(path, vault.version, counts, first_day, last_day, size, rows, shape)


_KEPT_NAME = re.compile(r"\.before-restore-(\d{8}-\d{6})(?:-\d+)?\.bak$")
_UPGRADE_NAME = re.compile(r"\.v\d+-\d{8}-\d{6}\.bak$")  # vault.backup_path_for


def kept_journals(vault_path: Path) -> list[tuple[Path, dt.datetime]]:
    """The journal files kept beside ``vault_path`` at earlier restores (the journal as
    it was before each), newest first, with when each restore was made."""
    found = []
    for path in kept_copies(vault_path):
        if match := _KEPT_NAME.search(path.name):
            with contextlib.suppress(ValueError):
                found.append((path, dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")))
    return sorted(found, key=lambda item: item[1], reverse=True)


def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


# -- restoring ---------------------------------------------------------------------------


@dataclass
class PreparedRestore:
    """A checked copy of the backup, waiting beside the vault for :func:`finish_restore`."""

    summary: BackupSummary
    vault_path: Path
    temp: Path

    def cancel(self) -> None:
        with contextlib.suppress(OSError):
            self.temp.unlink()


def kept_path_for(vault_path: Path, now: dt.datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    candidate = vault_path.with_name(f"{vault_path.name}.before-restore-{stamp}.bak")
    number = 2
    while candidate.exists():
        candidate = vault_path.with_name(f"{vault_path.name}.before-restore-{stamp}-{number}.bak")
        number += 1
    return candidate


def prepare_restore(backup_path: Path, passphrase: str, vault_path: Path) -> PreparedRestore:
    """Check the backup and copy it (fsynced, 0600) into a temp file beside the vault.

    Nothing the user has is changed; the vault may still be open.
    """
    summary = inspect_backup(backup_path, passphrase)
    vault_path = Path(vault_path)
    try:
        vault_path.parent.mkdir(parents=True, exist_ok=True)
        clear_stale_temps(vault_path.parent, RESTORE_TEMP_PREFIX, min_age=0)
        fd, temp_name = tempfile.mkstemp(
            prefix=RESTORE_TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=vault_path.parent
        )
    except OSError as error:
        raise BackupError(
            f"The backup could not be restored: {_os_reason(error)}. Nothing was changed."
        ) from None
    temp = Path(temp_name)
    try:
        try:
            os.fchmod(fd, 0o600)
        finally:
            os.close(fd)
        _copy_rolled_back(Path(backup_path), temp, passphrase)
        copied = inspect_backup(temp, passphrase)
        if copied.counts != summary.counts:
            raise NotABackup(backup_path, "it changed while it was being read")
    except BaseException as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(error, OSError):
            raise BackupError(
                f"The backup could not be restored: {_os_reason(error)}. Nothing was changed."
            ) from None
        raise
    return PreparedRestore(summary, vault_path, temp)


_SIDE_SUFFIXES = ("-journal", "-wal", "-shm")


def _keep_file(source: Path, kept: Path) -> None:
    """``source`` kept as ``kept``: a hard link, else a copy. A copy that fails part-way
    (a full disk where links are not possible) is removed, not left looking like a whole
    kept journal (review finding)."""
    try:
        os.link(source, kept)
    except OSError:
        fd = os.open(kept, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with open(source, "rb") as src, open(fd, "wb") as out:
                shutil.copyfileobj(src, out, 1024 * 1024)
                out.flush()
                os.fsync(out.fileno())
        except BaseException:
            with contextlib.suppress(OSError):
                kept.unlink()
            raise


def finish_restore(prepared: PreparedRestore, now: dt.datetime | None = None) -> Path | None:
    """Replace the vault with the prepared copy. The vault must be closed (by this
    process; another moodlog must not have it open).

    The current vault file (with any side file SQLite left) is kept first as
    ``<vault>.before-restore-DATE.bak``; returns that path, or None if there was no
    vault. A crash at any moment leaves a whole vault under the vault's name.
    """
    from moodlog.vault.lockfile import VaultLock

    vault_path = prepared.vault_path
    kept: Path | None = None
    try:
        lock = VaultLock.acquire(vault_path)  # VaultInUse if another moodlog has it open
    except BaseException:
        prepared.cancel()
        raise
    moved: list[tuple[Path, Path]] = []  # (side file, where it is kept)
    try:
        if vault_path.exists():
            kept = kept_path_for(vault_path, now or dt.datetime.now())
            _keep_file(vault_path, kept)
            for suffix in _SIDE_SUFFIXES:
                side = vault_path.with_name(vault_path.name + suffix)
                if side.exists():
                    _keep_file(side, kept.with_name(kept.name + suffix))
                    moved.append((side, kept.with_name(kept.name + suffix)))
                    side.unlink()  # it belongs to the old vault, never to the restored one
            _fsync_dir(vault_path.parent)
        os.replace(prepared.temp, vault_path)
    except OSError as error:
        prepared.cancel()
        _undo_keeping(kept, moved)
        raise BackupError(
            f"The backup could not be restored: {_os_reason(error)}. Your journal is as it was."
        ) from None
    finally:
        lock.release()
    # Restored. Should these fail, the journal is still the restored one (a rename is
    # not undone by a failed flush): nothing to undo, nothing to report.
    with contextlib.suppress(OSError):
        os.chmod(vault_path, 0o600)
        _fsync_dir(vault_path.parent)
    return kept


def _undo_keeping(kept: Path | None, moved: list[tuple[Path, Path]]) -> None:
    """A restore that failed before the vault was replaced: the side files go back
    beside the vault (a journal SQLite left after a crash belongs to it) and the kept
    copy goes (review finding: a vault that could not be replaced, e.g. made immutable,
    left a stray ``.before-restore-...bak`` beside a journal said to be as it was)."""
    for side, kept_side in reversed(moved):
        with contextlib.suppress(OSError):
            if side.exists():  # never removed: its kept copy goes (a rename onto a hard
                kept_side.unlink()  # link to the same file would do nothing: diff review)
            else:
                os.replace(kept_side, side)
    if kept is not None:
        with contextlib.suppress(OSError):
            kept.unlink()


def restore(
    backup_path: Path, passphrase: str, vault_path: Path, now: dt.datetime | None = None
) -> tuple[BackupSummary, Path | None]:
    """Prepare and finish in one go, for a closed vault (command line, lock screen)."""
    prepared = prepare_restore(backup_path, passphrase, vault_path)
    return prepared.summary, finish_restore(prepared, now)
