"""Opening, creating and rekeying the SQLCipher file.

Facts this module is built on (measured, see shared STACK-NOTES):

* ``PRAGMA key`` always answers ok; a wrong key only shows on the first real read
  ("file is not a database"), and so does a damaged file. We tell them apart by
  looking at the file's shape first (size in whole pages unless a hot journal is
  there to repair it, plaintext SQLite header), then, when the first read fails, by
  ``PRAGMA cipher_integrity_check``: a wrong key fails every page's HMAC, damage only
  some. "Database is locked" means in use, never damaged.
* ``PRAGMA key`` takes no bound parameter, so the passphrase is quoted by doubling
  ``'``. It is NFC-normalised, since the NFD spelling of the same text is a
  different key.
* The default KDF (PBKDF2-HMAC-SHA512, 256,000 iterations) is kept and
  ``cipher_compatibility = 4`` pinned, so any SQLCipher 4 tool opens the file.
* ``cipher_log_level = NONE`` before keying keeps "hmac check failed" off stderr.
* moodlog never makes a ``-wal`` file (the journal is in rollback mode), but SQLite
  applies one it finds beside the file at the first read, whatever mode the file is in,
  and copies its pages into the file when the connection closes. One left by another
  SQLCipher tool, from another database or written with another key, so destroyed the
  journal and was reported as a wrong passphrase (failure review). It is tried on a
  private copy first (:func:`settle_side_wal`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import unicodedata
from pathlib import Path

import sqlcipher3

from moodlog.paths import create_private_file
from moodlog.vault.errors import (
    BrokenLink,
    PassphraseRejected,
    PathTooLong,
    SideFileInTheWay,
    VaultBusy,
    VaultDamaged,
    VaultExists,
    WrongPassphrase,
    missing_vault,
    os_reason,
    storage_problem,
)
from moodlog.wording import QT_TR_NOOP

PAGE_SIZE = 4096
MIN_PASSPHRASE_LENGTH = 8
PLAINTEXT_SQLITE_HEADER = b"SQLite format 3\x00"

Connection = sqlcipher3.Connection
DatabaseError = sqlcipher3.DatabaseError


def normalise_passphrase(passphrase: str) -> str:
    """NFC form of the passphrase; a NUL character cannot pass through SQL text."""
    if "\x00" in passphrase:
        raise PassphraseRejected("A passphrase cannot contain a NUL character.")
    return unicodedata.normalize("NFC", passphrase)


def check_new_passphrase(passphrase: str, repeated: str | None = None) -> str:
    """Validate a passphrase the user is choosing; returns its normalised form."""
    normalised = normalise_passphrase(passphrase)
    if len(normalised) < MIN_PASSPHRASE_LENGTH:
        raise PassphraseRejected(
            f"Please choose a passphrase of at least {MIN_PASSPHRASE_LENGTH} characters."
        )
    if repeated is not None and normalise_passphrase(repeated) != normalised:
        raise PassphraseRejected("The two passphrases are not the same.")
    return normalised


def sql_string_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def apply_key(conn: Connection, passphrase: str) -> None:
    """Key ``conn`` with ``passphrase`` (every connection to a vault or a backup)."""
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {sql_string_literal(normalise_passphrase(passphrase))}")
    conn.execute("PRAGMA cipher_compatibility = 4")


def _apply_hygiene(conn: Connection) -> None:
    """Durability and privacy settings, applied on every open."""
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = EXTRA")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA foreign_keys = ON")


def _connect(path: Path) -> Connection:
    # isolation_level=None: we issue BEGIN/COMMIT ourselves (see Vault.transaction).
    return sqlcipher3.connect(str(path), isolation_level=None)


def hot_journal(path: Path) -> bool:
    """A rollback journal left by a crash (or a write cut short by a size limit): the
    next normal open with the right key rolls the vault back to its last commit."""
    journal = Path(str(path) + "-journal")
    try:
        return journal.is_file() and journal.stat().st_size > 0
    except OSError:
        return False


def describe_unopenable(path: Path) -> str | None:
    """A reason the file cannot be a vault, judged from its bytes alone, else None.

    The size rule is not applied while a hot journal exists: an interrupted commit
    can leave the file a partial page long, and SQLCipher repairs that on open."""
    size = path.stat().st_size
    if size == 0 and not hot_journal(path):
        return "the file is empty"
    with open(path, "rb") as handle:
        header = handle.read(16)
    if header == PLAINTEXT_SQLITE_HEADER:
        return "it is an unencrypted SQLite database, not a moodlog vault"
    if (size < PAGE_SIZE or size % PAGE_SIZE) and not hot_journal(path):
        return "it is truncated or not a moodlog vault (its size is not a whole number of pages)"
    return None


def _pages_failing_their_check(conn: Connection) -> int | None:
    """How many pages fail their HMAC under the key already applied, or None when
    SQLCipher cannot tell. A wrong key fails every page; damage fails only
    the pages it touched, so a damaged first page is not taken for a wrong key."""
    try:
        rows = conn.execute("PRAGMA cipher_integrity_check").fetchall()
    except DatabaseError:
        return None
    return sum(1 for (text,) in rows if "hmac" in str(text).lower())


def _why_unreadable(conn: Connection, path: Path, error: DatabaseError) -> Exception:
    """The true reason a keyed vault could not be read: in use, wrong passphrase, or
    damaged (each with its own message)."""
    problem = storage_problem(error, "The journal could not be opened")
    if isinstance(problem, VaultBusy):
        return problem
    if "not a database" not in str(error):
        return problem or VaultDamaged(path, "its contents are damaged")
    pages = max(1, path.stat().st_size // PAGE_SIZE)
    failing = _pages_failing_their_check(conn)
    if failing is not None and pages > 1 and 0 < failing < pages:
        return VaultDamaged(
            path,
            f"{failing} of its {pages} pages {'is' if failing == 1 else 'are'} damaged "
            "(the passphrase itself is "
            "right: the other pages check out with it)",
        )
    return WrongPassphrase()


def _prove_key(conn: Connection, passphrase: str, path: Path) -> None:
    """Key ``conn`` and read it once; raise the true reason it cannot be read (wrong
    passphrase, damage, in use: :func:`_why_unreadable`, told of ``path``)."""
    apply_key(conn, passphrase)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as error:
        raise _why_unreadable(conn, path, error) from None


def side_wal(path: Path) -> Path:
    return Path(f"{path}-wal")


def _copy_private(source: Path, target: Path) -> None:
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with open(source, "rb") as src, open(fd, "wb") as out:
        shutil.copyfileobj(src, out, 1024 * 1024)


WAL_CHECK_PREFIX = ".moodlog-wal-check-"


def _clear_killed_checks(folder: Path) -> None:
    """Remove what a ``-wal`` check killed part-way left in ``folder`` (a copy of the
    journal under the passphrase of then), at every open: the ``-wal`` that led to it may
    be gone by the next one (diff review: it was removed only at the next check, so such a
    copy could stay for good, and still opened with a passphrase since changed). The
    journal is locked by then, so no check of another moodlog is running."""
    for killed in folder.glob(f"{WAL_CHECK_PREFIX}*"):
        shutil.rmtree(killed, ignore_errors=True)


def _wal_older_than_journal(path: Path) -> bool:
    """The ``-wal`` was last written before the journal was (to the file system's clock):
    a copy come back from earlier (a synced or copied folder), whose pages would undo
    what was saved since, unseen by any check (diff review). A ``-wal`` a tool left at a
    crash is at least as new as the file; one already copied into it loses nothing."""
    return side_wal(path).stat().st_mtime_ns < path.stat().st_mtime_ns


def _wal_belongs(path: Path, passphrase: str) -> bool:
    """Whether the ``-wal`` beside ``path`` belongs to it, tried on private copies (the
    journal, its hot rollback journal if any, then the ``-wal``) in a folder of their
    own: True when the copy reads and passes ``quick_check`` with the WAL applied.

    Raises WrongPassphrase or VaultDamaged when the journal itself does not open with
    ``passphrase`` (judged without the WAL), so a wrong passphrase is still told as one;
    and OSError when no copy can be made. Nothing beside ``path`` is changed, and the
    copies (encrypted pages only) are removed."""
    import tempfile  # (here: only a -wal beside the journal comes this way)

    try:
        folder = Path(tempfile.mkdtemp(prefix=WAL_CHECK_PREFIX, dir=path.parent))
    except OSError:  # (a read-only folder: the system's temp folder, encrypted pages only)
        folder = Path(tempfile.mkdtemp(prefix="moodlog-wal-check-"))
    try:
        copy = folder / "journal.db"
        _copy_private(path, copy)
        if hot_journal(path):
            _copy_private(Path(f"{path}-journal"), Path(f"{copy}-journal"))
        conn = _connect(copy)
        try:
            _prove_key(conn, passphrase, path)
        finally:
            conn.close()
        if _wal_older_than_journal(path):  # (only now: a wrong passphrase is told first)
            return False
        _copy_private(side_wal(path), side_wal(copy))
        conn = _connect(copy)
        try:
            apply_key(conn, passphrase)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            checked = conn.execute("PRAGMA quick_check").fetchall()
            conn.execute("PRAGMA journal_mode = DELETE")  # as every open does next
            return checked == [("ok",)]
        except DatabaseError:
            return False
        finally:
            conn.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


SET_ASIDE_NOTICE = QT_TR_NOOP(
    "A file beside your journal ({name}) was left by another program and does not fit "
    "it: it was written for another database or with another passphrase, is damaged, or "
    "is older than your journal's last save. "
    "moodlog did not apply it, so your journal opened as it was last saved, and kept that "
    "file as {kept}. If you used another program on your journal, keep that file for it; "
    "otherwise you can delete it."
)


def set_aside_notice(kept: Path, translate=lambda text: text) -> str:  # noqa: ANN001
    """What the person is told about a ``-wal`` renamed at open (``translate``: the UI
    passes ``moodlog.i18n.tr``)."""
    name = kept.name.split(".not-applied-")[0]
    return translate(SET_ASIDE_NOTICE).format(name=name, kept=kept.name)


def set_aside_name(wal: Path, now: dt.datetime | None = None) -> Path:
    """Where a ``-wal`` that does not belong is kept: a name SQLite never reads, and
    no file's already there."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = wal.with_name(f"{wal.name}.not-applied-{stamp}")
    count = 1
    while os.path.lexists(target):
        count += 1
        target = wal.with_name(f"{wal.name}.not-applied-{stamp}-{count}")
    return target


# The byte of a ``-shm`` file every SQLite connection in WAL mode holds a shared lock
# on while it is open (SQLite's unix VFS: UNIX_SHM_DMS, 120 + 8).
SHM_DEAD_MAN_SWITCH = 128


def wal_in_use(path: Path) -> bool:
    """Whether another program has the journal open in WAL mode right now: its ``-wal``
    is then live, neither stale nor to be moved. (False where POSIX locks cannot tell.)"""
    try:
        import fcntl
    except ImportError:
        return False
    try:
        fd = os.open(f"{path}-shm", os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, SHM_DEAD_MAN_SWITCH)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, SHM_DEAD_MAN_SWITCH)
        return False
    finally:
        os.close(fd)


def settle_side_wal(path: Path, passphrase: str) -> Path | None:
    """Make a ``-wal`` file beside the journal safe to open with: kept when it belongs
    (SQLite then applies it, as the tool that wrote it meant), else renamed out of
    SQLite's way and that new path returned. An empty one holds nothing and is left to
    SQLite. Raises :class:`SideFileInTheWay` when it is not a plain file or cannot be
    renamed (the journal is then not opened at all, so nothing in it changes)."""
    _clear_killed_checks(path.parent)
    wal = side_wal(path)
    if not os.path.lexists(wal):
        return None
    if wal.is_symlink() or not wal.is_file():
        raise SideFileInTheWay(path, wal, "it is not a plain file")
    if wal.stat().st_size == 0:
        return None
    if wal_in_use(path):
        raise VaultBusy("The journal could not be opened")
    if _wal_belongs(path, passphrase):
        return None
    target = set_aside_name(wal)
    try:
        os.rename(wal, target)
    except OSError as error:
        raise SideFileInTheWay(
            path, wal, f"it could not be moved aside: {os_reason(error)}"
        ) from None
    return target


def open_connection(path: Path, passphrase: str, set_aside: list[Path] | None = None) -> Connection:
    """Open an existing vault. Raises WrongPassphrase, VaultDamaged or VaultBusy;
    writes nothing to the file until the key has been proven right (a hot journal
    is then rolled back by SQLCipher itself, as after any crash). A ``-wal`` file that
    does not belong to the journal is renamed first and its new path appended to
    ``set_aside`` (:func:`settle_side_wal`)."""
    path = Path(path)
    if not path.exists():
        raise missing_vault(path)
    if not path.is_file():
        raise VaultDamaged(path, "it is not a regular file")
    reason = describe_unopenable(path)
    if reason:
        raise VaultDamaged(path, reason)
    if not passphrase:  # SQLCipher refuses an empty key with an error of its own
        raise PassphraseRejected("Please enter your passphrase.")
    rollback_journal = Path(f"{path}-journal")
    if os.path.lexists(rollback_journal) and (
        rollback_journal.is_symlink() or not rollback_journal.is_file()
    ):
        raise SideFileInTheWay(path, rollback_journal, "it is not a plain file")
    kept_aside = settle_side_wal(path, passphrase)  # (an OSError: no copy could be made)
    if kept_aside is not None and set_aside is not None:
        set_aside.append(kept_aside)
    conn = _connect(path)
    try:
        _prove_key(conn, passphrase, path)
        try:
            _apply_hygiene(conn)
        except DatabaseError as error:
            raise (
                storage_problem(error, "The journal could not be opened")
                or VaultDamaged(path, "its contents are damaged")
            ) from None
    except BaseException:
        conn.close()
        raise
    return conn


# SQLite opens no file whose full path is 512 bytes or longer (SQLITE_MAX_PATHNAME): a
# folder's path, its separator and a file's name come to at most this.
LONGEST_SQLITE_PATH = 512 - 1
# In the data folder moodlog and SQLite make files with names up to ~80 bytes
# ("backups/moodlog-backup-...-auto-j....db-journal", "moodlog.db.before-restore-...bak",
# ".moodlog-restore-....tmp"): the folder's own path leaves room for 100.
LONGEST_FOLDER_PATH = LONGEST_SQLITE_PATH - 1 - 100


def path_length(folder: Path) -> int:
    """The bytes of ``folder``'s absolute path, as SQLite counts them."""
    return len(os.fsencode(Path(folder).absolute()))


def create_connection(path: Path, passphrase: str) -> Connection:
    """Create a new, empty, keyed vault file (mode 0600). Refuses to overwrite, and a
    folder whose path SQLite cannot open files in (review finding: an empty file was
    left behind, and the next start asked to unlock a journal never made)."""
    path = Path(path)
    if path.exists():
        raise VaultExists(path)
    if path.is_symlink():
        raise BrokenLink(path)
    length = path_length(path.parent)
    if length > LONGEST_FOLDER_PATH:  # (diff review: backups and restores failed there too)
        raise PathTooLong(path.parent, length, LONGEST_FOLDER_PATH)
    create_private_file(path)
    conn = None
    try:
        conn = _connect(path)
        apply_key(conn, passphrase)
        _apply_hygiene(conn)
        # Force the header page (salt) to disk now so the file is a vault at once.
        conn.execute("PRAGMA user_version = 0")
        conn.execute("CREATE TABLE IF NOT EXISTS _bootstrap(x)")
        conn.execute("DROP TABLE _bootstrap")
    except BaseException as error:
        if conn is not None:
            conn.close()
        os.unlink(path)
        if isinstance(error, DatabaseError):
            problem = storage_problem(error, "The journal could not be created", new_journal=True)
            if problem is not None:
                raise problem from None
        raise
    return conn


def integrity_problems(conn: Connection) -> list[str]:
    rows = conn.execute("PRAGMA integrity_check").fetchall()
    problems = [row[0] for row in rows if row[0] != "ok"]
    cipher_rows = conn.execute("PRAGMA cipher_integrity_check").fetchall()
    problems += [row[0] for row in cipher_rows]
    return problems


def rekey(conn: Connection, new_passphrase: str) -> None:
    """Re-encrypt every page under the new passphrase in one transaction.

    The caller must verify with a fresh connection: rekey can answer ok without
    changing the key while something else reads.
    """
    conn.execute(f"PRAGMA rekey = {sql_string_literal(normalise_passphrase(new_passphrase))}")


def attach_encrypted_copy(conn: Connection, target: Path, passphrase: str) -> None:
    """Write a consistent encrypted copy of the open vault to ``target`` (0600).

    Uses ``sqlcipher_export`` into an attached database keyed with the same
    passphrase, never a file copy of a live vault.
    """
    create_private_file(target)
    key = sql_string_literal(normalise_passphrase(passphrase))
    conn.execute(f"ATTACH DATABASE {sql_string_literal(str(target))} AS backup KEY {key}")
    try:
        conn.execute("SELECT sqlcipher_export('backup')")
        version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        conn.execute(f"PRAGMA backup.user_version = {int(version)}")
    except BaseException:
        # A copy cut short (disk full...) is no copy: never leave it looking like one.
        with contextlib.suppress(DatabaseError):
            conn.execute("DETACH DATABASE backup")
        Path(target).unlink(missing_ok=True)
        Path(f"{target}-journal").unlink(missing_ok=True)  # (diff review: left on a full disk)
        raise
    conn.execute("DETACH DATABASE backup")
