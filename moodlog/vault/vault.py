"""The vault: one encrypted SQLCipher file, one connection, and the repositories.

``Vault`` is the small service object the UI and the command line talk to; nothing
outside ``moodlog/vault/`` writes SQL.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

from moodlog.vault import connection as conn_mod
from moodlog.vault.errors import (
    DiskFull,
    PassphraseChangeFailed,
    StorageProblem,
    VaultDamaged,
    VaultError,
    VaultMoved,
    VaultReadOnly,
    VaultTooNew,
    WrongPassphrase,
    missing_vault,
    storage_problem,
)
from moodlog.vault.lockfile import VaultLock
from moodlog.vault.migrations import LATEST_VERSION, MIGRATIONS


def backup_path_for(path: Path, from_version: int, now: dt.datetime | None = None) -> Path:
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.name}.v{from_version}-{stamp}.bak")


class Vault:
    """An unlocked vault. Create with :meth:`create` or :meth:`open`; :meth:`close` locks."""

    def __init__(
        self, path: Path, connection: conn_mod.Connection, lock: VaultLock | None = None
    ) -> None:
        self.path = Path(path)
        self._conn: conn_mod.Connection | None = connection
        self._lock = lock  # one moodlog process per vault (see lockfile)
        self._depth = 0
        self.created_now = False  # made by create() in this process: nothing in it yet
        # Files found beside the journal that did not belong to it, renamed at open so
        # SQLite would not apply them (``connection.settle_side_wal``): to be told.
        self.set_aside: list[Path] = []
        self._identity = self._file_identity()
        from moodlog.vault import repositories as repos

        self.settings = repos.SettingsRepository(self)
        self.entries = repos.EntryRepository(self)
        self.tags = repos.TagRepository(self)
        self.drafts = repos.DraftRepository(self)
        self.questionnaires = repos.QuestionnaireRepository(self)
        self.checkins = repos.CheckinRepository(self)
        self.safety_plans = repos.SafetyPlanRepository(self)
        self.treatments = repos.TreatmentRepository(self)
        self.medications = repos.MedicationRepository(self)
        self.session_notes = repos.SessionNoteRepository(self)
        self.questions = repos.QuestionRepository(self)

    # -- lifecycle -------------------------------------------------------------
    @classmethod
    def create(cls, path: Path, passphrase: str) -> Vault:
        """Create a new vault at ``path`` (refuses to overwrite) and migrate it."""
        path = Path(path)
        lock = VaultLock.acquire(path)
        try:
            connection = conn_mod.create_connection(path, passphrase)
        except BaseException:
            lock.release()
            raise
        vault = cls(path, connection, lock)
        vault.created_now = True
        try:
            vault._migrate(passphrase, make_backup=False)
        except BaseException as error:
            vault.close()
            path.unlink(missing_ok=True)
            if isinstance(error, StorageProblem):
                raise type(error)("The journal could not be created", new_journal=True) from None
            raise
        return vault

    @classmethod
    def open(cls, path: Path, passphrase: str, target_version: int = LATEST_VERSION) -> Vault:
        """Unlock an existing vault, migrating it (after an encrypted backup) if older."""
        path = Path(path)
        if not path.exists():
            raise missing_vault(path)
        lock = VaultLock.acquire(path)  # before reading: another moodlog may be writing
        set_aside: list[Path] = []
        try:
            connection = conn_mod.open_connection(path, passphrase, set_aside)
        except BaseException:
            lock.release()
            raise
        vault = cls(path, connection, lock)
        vault.set_aside = set_aside
        try:
            vault._migrate(passphrase, make_backup=True, target_version=target_version)
        except BaseException as error:
            vault.close()
            if isinstance(error, StorageProblem):  # (upgrade review: "Not saved: the disk
                raise type(error)("The journal could not be opened") from None  # is full")
            if isinstance(error, conn_mod.DatabaseError):
                problem = storage_problem(error, "The journal could not be opened")
                if problem is not None:
                    raise problem from None
            if isinstance(error, OSError) and not isinstance(error, VaultError):
                from moodlog.vault.errors import UpdateNeedsWriting, os_reason

                raise UpdateNeedsWriting(path, os_reason(error)) from None
            raise
        return vault

    def _file_identity(self) -> tuple[int, int] | None:
        try:
            info = os.stat(self.path)
        except OSError:
            return None
        return (info.st_dev, info.st_ino)

    def file_moved(self) -> bool:
        """The file at the vault's path is not the one this connection has open."""
        return self._identity is not None and self._file_identity() != self._identity

    def file_lost(self) -> bool:
        """The journal's file is not there as opened: moved, replaced, deleted, or cut to
        nothing (failure review: an emptied file's "no such table" was reported as
        "Something went wrong ... everything you had saved is safe")."""
        try:
            return self.file_moved() or os.stat(self.path).st_size == 0
        except OSError:
            return True

    def _problem(self, error: BaseException) -> StorageProblem | None:
        problem = storage_problem(error)
        if problem is not None and self.file_moved():
            return VaultMoved()
        return problem

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def close(self) -> None:
        """Close the connection (the key goes with it) and let other moodlogs in."""
        self._close_connection()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _close_connection(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None
        self._depth = 0

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def conn(self) -> conn_mod.Connection:
        if self._conn is None:
            raise VaultError("The vault is locked.")
        return self._conn

    # -- transactions ----------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[conn_mod.Connection]:
        """One atomic unit of work; nested uses join the outer transaction.

        Whatever fails (the work, or the COMMIT itself: disk full, another process
        reading), the transaction is rolled back and the connection is usable again.
        Failures from outside moodlog are raised as a StorageProblem naming the real
        cause ("the disk is full", "the vault is in use by another moodlog ...")."""
        conn = self.conn
        if self._depth:
            self._depth += 1
            try:
                yield conn
            finally:
                self._depth -= 1
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except conn_mod.DatabaseError as error:
            self._rollback_quietly(conn)
            raise self._problem(error) or error from None
        self._depth = 1
        try:
            yield conn
        except BaseException as error:
            self._depth = 0
            self._rollback_quietly(conn)
            problem = self._problem(error) if isinstance(error, conn_mod.DatabaseError) else None
            if problem is not None:
                raise problem from None
            raise
        self._depth = 0
        try:
            conn.execute("COMMIT")
        except conn_mod.DatabaseError as error:
            self._rollback_quietly(conn)
            raise self._problem(error) or error from None

    @staticmethod
    def _rollback_quietly(conn: conn_mod.Connection) -> None:
        """End a failed transaction; SQLite may already have rolled it back itself."""
        if conn.in_transaction:
            with contextlib.suppress(conn_mod.DatabaseError):
                conn.execute("ROLLBACK")

    # -- schema ------------------------------------------------------------------
    @property
    def version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(
        self, passphrase: str, make_backup: bool, target_version: int = LATEST_VERSION
    ) -> None:
        current = self.version
        if current > LATEST_VERSION:
            raise VaultTooNew(self.path, current, LATEST_VERSION)
        if current >= target_version:
            return
        copy = self._keep_before_upgrade(passphrase, current) if make_backup and current else None
        try:
            for number in range(current + 1, target_version + 1):
                script = MIGRATIONS[number - 1]
                with self.transaction() as conn:
                    for statement in split_sql(script):
                        conn.execute(statement)
                    conn.execute(f"PRAGMA user_version = {number}")
        except BaseException:
            if copy is not None and self.version == current:  # not upgraded: the copy is
                copy.unlink(missing_ok=True)  # the journal as it is (upgrade review: it
            raise  # stayed, taking the room of a full disk)
        if current == 0:
            self.tags.ensure_defaults()

    def _keep_before_upgrade(self, passphrase: str, version: int) -> Path:
        """The encrypted copy of the journal as it is, kept before an upgrade as
        ``moodlog.db.vVERSION-DATE.bak``: written under a temp name, flushed, then renamed
        (upgrade review: a kill during the copy left a broken file under that name, and a
        second try in the same second failed with "File exists"). What a killed copy
        left is removed first: this journal is locked, so no other moodlog writes one."""
        from moodlog.paths import clear_stale_temps

        clear_stale_temps(self.path.parent, prefix=".moodlog-upgrade-", min_age=0)
        temp = self.path.with_name(f".moodlog-upgrade-{os.getpid()}.tmp")
        try:
            conn_mod.attach_encrypted_copy(self.conn, temp, passphrase)
            with open(temp, "rb+") as handle:
                os.fsync(handle.fileno())
            target = backup_path_for(self.path, version)
            os.replace(temp, target)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        return target

    # -- maintenance --------------------------------------------------------------
    def integrity_problems(self) -> list[str]:
        try:
            return conn_mod.integrity_problems(self.conn)
        except conn_mod.DatabaseError as error:
            return [str(error)]

    def check(self) -> None:
        """Raise VaultDamaged if SQLite or SQLCipher find anything wrong."""
        problems = self.integrity_problems()
        if problems:
            raise VaultDamaged(self.path, "integrity check failed: " + "; ".join(problems[:3]))

    def _why_rekey_failed(self) -> StorageProblem | None:
        """The likely cause of a failed rekey, which SQLCipher reports only as "an error
        occurred with PRAGMA key or rekey" (review finding: a full disk was not named).
        Rewriting every page needs a rollback journal as large as the vault beside it."""
        import shutil

        doing = "The passphrase was not changed (the old one still works)"
        folder = self.path.parent
        try:
            free = shutil.disk_usage(folder).free
            needed = self.path.stat().st_size + conn_mod.PAGE_SIZE * 16
        except OSError:
            return None
        if free < needed:
            return DiskFull(doing)
        if not os.access(folder, os.W_OK):
            return VaultReadOnly(doing)
        return None

    def change_passphrase(self, current: str, new: str, repeated: str | None = None) -> None:
        """Re-encrypt under ``new``; success only once a fresh connection proves it.

        ``PRAGMA rekey`` rewrites every page in one transaction, so a crash leaves
        either the old or the new passphrase working. It can also answer ok without
        changing anything while another reader is active; hence the check by
        reopening with both passphrases.
        """
        new = conn_mod.check_new_passphrase(new, repeated)
        # The open connection proves nothing about what the user typed as "current".
        conn_mod.open_connection(self.path, current).close()
        try:
            conn_mod.rekey(self.conn, new)
        except conn_mod.DatabaseError as error:
            self._rollback_quietly(self.conn)
            # A failed rekey leaves this connection's codec writing with the new key while
            # the file keeps the old one: the next write mixed the two, and then neither
            # passphrase opened the journal (review finding, a full disk). Reopened with
            # the current passphrase before anything else is written; if even that
            # fails, the vault is left closed (the app locks), never half-keyed.
            self._close_connection()
            with contextlib.suppress(VaultError, OSError, conn_mod.DatabaseError):
                self._conn = conn_mod.open_connection(self.path, current)
            raise (
                storage_problem(error, "The passphrase was not changed")
                or self._why_rekey_failed()
                or PassphraseChangeFailed(
                    "The passphrase could not be changed; the old passphrase still works."
                )
            ) from None
        self._close_connection()  # the lock stays held: no other moodlog in between
        try:
            verified = conn_mod.open_connection(self.path, new)
        except WrongPassphrase:
            self._conn = conn_mod.open_connection(self.path, current)
            # SQLCipher's rekey does nothing, quietly, while another connection reads.
            raise PassphraseChangeFailed(
                "The passphrase was not changed: the vault is in use by another program "
                "(or another moodlog) right now. The old passphrase still works; close the "
                "other program and try again."
            ) from None
        if conn_mod.normalise_passphrase(current) != new:
            try:
                conn_mod.open_connection(self.path, current).close()
            except WrongPassphrase:
                pass
            else:
                verified.close()
                raise PassphraseChangeFailed(
                    "The vault still opens with the old passphrase; nothing was changed."
                )
        self._conn = verified


def split_sql(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    import sqlcipher3

    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlcipher3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
