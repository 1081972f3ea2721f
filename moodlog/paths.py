"""Where moodlog keeps its files, and how it makes them private.

The vault lives in ``platformdirs.user_data_dir("moodlog")`` unless the user names
another folder with ``--data-dir`` or ``MOODLOG_DATA_DIR``. The folder is made
0700 and the vault 0600 *before* SQLCipher writes a byte, so the side files
(``-journal``) inherit the private mode too.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path

VAULT_FILENAME = "moodlog.db"
PREFERENCES_FILENAME = "preferences.json"
WINDOW_STATE_FILENAME = "window.ini"  # the window's size and place (moodlog.ui.window_state)
DATA_DIR_ENV = "MOODLOG_DATA_DIR"


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("moodlog", appauthor=False))


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: the command-line value, else the environment, else the default."""
    if cli_value:
        return Path(cli_value).expanduser()
    env_value = os.environ.get(DATA_DIR_ENV)
    if env_value:
        return Path(env_value).expanduser()
    return default_data_dir()


def dangling_link(path: Path) -> Path | None:
    """``path``, or the nearest folder above it, when it is a link to something not there
    (a drive not connected); else None."""
    for part in (path, *path.parents):
        if part.exists():
            return None  # (and so is everything above it)
        if part.is_symlink():
            return part
    return None


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` and make it owner-only (0700); the folders above it that this
    makes are owner-only too (review finding: with ``--data-dir a/b/c`` they got the
    umask's mode, 0777 under umask 000). Folders that were there are left as they are.

    A path that is there but is not a folder is refused before anything is changed
    (attacker review: a mistaken ``--data-dir`` naming a file made that file 0700). A
    folder that was there and may not be made owner-only (another owner, a FAT drive)
    is used as it is."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "it is a file, not a folder", str(path))
    link = dangling_link(path)
    if link is not None:
        raise FileNotFoundError(
            errno.ENOENT,
            f"it is a link to {os.readlink(link)}, which is not there (is the drive connected?)",
            str(link),
        )
    missing = []
    folder = path
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    if not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "a part of it is a file", str(folder))
    for folder in reversed(missing):
        folder.mkdir(exist_ok=True)
        os.chmod(folder, 0o700)
    try:
        os.chmod(path, 0o700)
    except PermissionError:
        if missing:
            raise  # a folder made just now is ours to set
    return path


def create_private_file(path: Path) -> None:
    """Create an empty file with mode 0600, failing if it already exists."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


STALE_TEMP_SECONDS = 3600  # an export takes seconds: a temp file this old was left behind
# Temp files whose writer holds an advisory lock on them for as long as it lives
# (:func:`held_temp`): the system lets the lock go when the process ends, however it
# ends, so one that nobody holds was left by a killed write and goes at once, whatever
# its age (failure review: a killed export's whole journal, in plain text, stayed beside
# the next export for an hour, and for good in a folder no export went to again).
HELD_PREFIX = ".moodlog-held-"


# The held temps this process is writing: never taken for a killed write's, whatever a
# lock test says (on a network file system a lock may be per process: diff review, a CSV
# export could then have deleted the PDF a thread of the same moodlog was writing).
_HELD_HERE: set[str] = set()


def _hold(fd: int) -> bool:
    """Lock the temp file open at ``fd`` for this process; False where there are no
    such locks (Windows: the age rule alone applies there)."""
    try:
        import fcntl
    except ImportError:
        return False
    with contextlib.suppress(OSError):  # (a file system without locks: the age rule)
        fcntl.flock(fd, fcntl.LOCK_EX)
    return True


def held_by_nobody(path: str | Path) -> bool:
    """Whether the held temp file at ``path`` has no live writer (False when that cannot
    be told: no locks on this system or file system)."""
    if os.path.abspath(path) in _HELD_HERE:
        return False
    try:
        import fcntl
    except ImportError:
        return False
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


@contextlib.contextmanager
def held_temp(folder: Path, suffix: str = ".tmp") -> Iterator[Path]:
    """A private (0600) temp file in ``folder``, locked by this process until the block
    ends (rename or delete it inside the block). Where there are no such locks its
    descriptor is closed at once: Windows refuses to rename a file still open (diff
    review)."""
    # Its name is counted as this process's before the file is there: a sweep in
    # another thread (moodlog.vault.export_folders, at unlock) must never find it
    # between its creation and its lock and take it for a killed write's.
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_BINARY", 0)
    while True:
        # (os.urandom, as secrets does: secrets loads hashlib and OpenSSL, ~4 MiB at start)
        name = os.path.join(folder, f"{HELD_PREFIX}{os.urandom(8).hex()}{suffix}")
        key = os.path.abspath(name)
        _HELD_HERE.add(key)
        try:
            fd = os.open(name, flags, 0o600)
            break
        except FileExistsError:
            _HELD_HERE.discard(key)
        except BaseException:
            _HELD_HERE.discard(key)
            raise
    held = _hold(fd)
    if not held:
        os.close(fd)
    try:
        yield Path(name)
    finally:
        _HELD_HERE.discard(key)
        if held:
            os.close(fd)  # (the lock goes with it)


def clear_stale_temps(
    folder: Path, prefix: str = ".moodlog-", min_age: float = STALE_TEMP_SECONDS
) -> None:
    """Remove moodlog's own temp files (``PREFIX*.tmp``, and a side file SQLite gave
    one, ``PREFIX*.tmp-journal``) left in ``folder`` by an export, save, backup or
    restore that was killed part-way: ``min_age`` seconds old or more (an hour unless
    told), this user's, plain files only, or a held one (:func:`held_temp`) whose writer
    is gone, at any age. A fresher one may be another moodlog's, still being written (two
    journals can share a backup folder): left alone. Review findings:
    a killed CSV export left its plain text there for good; a backup folder's cleanup
    deleted any matching file, whoever owned it and whatever kind it was."""
    import stat
    import time

    now = time.time()
    uid = getattr(os, "getuid", None)  # (not on Windows: there, no owner check)
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            name = entry.name
            if not (name.startswith(prefix) and (name.endswith(".tmp") or ".tmp-" in name)):
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if (
                    stat.S_ISREG(info.st_mode)
                    and (uid is None or info.st_uid == uid())
                    and (
                        now - info.st_mtime >= min_age
                        or (name.startswith(HELD_PREFIX) and held_by_nobody(entry.path))
                    )
                ):
                    os.unlink(entry.path)


@contextlib.contextmanager
def atomic_target(path: Path, suffix: str = ".tmp") -> Iterator[Path]:
    """A private (0600) temp file beside ``path`` to write into; renamed over ``path``
    when the block succeeds, deleted when it fails. No half-written file is ever
    left under the real name, and nothing is written outside the target folder (and
    what an earlier, killed write left there is removed: :func:`clear_stale_temps`)."""
    path = Path(path)
    clear_stale_temps(path.parent)
    with held_temp(path.parent, suffix) as temp:
        try:
            yield temp
            os.replace(temp, path)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise


class JournalFileTarget(OSError):
    """An export aimed at one of the journal's own files: the vault, its lock or
    journal files, the copies kept beside it, or the preferences (review finding:
    ``export json --out DATADIR/moodlog.db`` replaced the encrypted journal with the
    same text in plain, and reported success). An OSError, so that every export path
    says it the way it says a full disk."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            errno.EINVAL,
            "it is one of your journal's own files; choose another name or folder",
            str(path),
        )


def is_journal_file(path: Path) -> bool:
    """Whether ``path`` names a file of a journal: any name starting with ``moodlog.db``
    (in any case: macOS and Windows ignore it), the preferences or the window's state, in
    a folder that
    holds a vault; a backup (named as moodlog names them, in any folder: review
    finding, an export replaced an encrypted backup with plain text) or one of
    moodlog's own temp files (``.moodlog-...``), anywhere."""
    from moodlog.vault.backup import parse_name

    path = Path(path)
    name = path.name.casefold()
    if parse_name(path.name) is not None or name.startswith(".moodlog-"):
        return True
    own = name.startswith(VAULT_FILENAME) or name in (PREFERENCES_FILENAME, WINDOW_STATE_FILENAME)
    return own and (path.parent / VAULT_FILENAME).exists()


def refuse_journal_files(path: Path) -> None:
    """Raise :class:`JournalFileTarget` when writing ``path`` would replace a file of a
    journal (:func:`is_journal_file`)."""
    if is_journal_file(path):
        raise JournalFileTarget(Path(path))


@contextlib.contextmanager
def export_target(path: Path, suffix: str = ".tmp") -> Iterator[Path]:
    """:func:`atomic_target` for a file the person exports (PDF, JSON, FHIR, PNG...):
    never one of the journal's own files (:func:`refuse_journal_files`)."""
    refuse_journal_files(path)
    with atomic_target(path, suffix) as temp:
        yield temp


def write_export(path: Path, text: str) -> None:
    """:func:`write_atomically`, for an exported file (:func:`export_target`)."""
    refuse_journal_files(path)
    write_atomically(path, text)


def write_atomically(path: Path, text: str) -> None:
    """Write via a private temp file in the same folder, then rename over ``path``."""
    with atomic_target(path) as temp, open(temp, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
