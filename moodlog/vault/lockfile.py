"""One moodlog at a time per vault: an OS file lock beside the vault.

While a vault is unlocked (GUI) or used by a command, moodlog holds an exclusive
``flock`` (``msvcrt.locking`` on Windows) on ``moodlog.db.lock`` in the same folder.
The operating system drops the lock when the process ends, even by a crash or
``kill -9``, so a stale lock never keeps anyone out. The file itself is empty and
stays; only the lock on it matters.

The lock is on a separate file, never on the vault: SQLite's own POSIX locks on the
vault would be released by closing any other descriptor of it in this process.

Within one process the lock is shared (counted): the same app may open its own
vault twice (e.g. a passphrase check). A second *process* is refused.

A lock file that cannot be opened for writing (read-only, even a folder) is locked
through a read-only descriptor. Only where no lock can be had at all (a read-only folder
without a lock file, a drive that has no file locks) does the vault open unlocked.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

from moodlog.vault.errors import VaultInUse

_held: dict[str, list[int]] = {}  # real lock path -> [fd, users]
_guard = threading.Lock()


def lock_path_for(vault_path: Path) -> Path:
    vault_path = Path(vault_path)
    return vault_path.with_name(vault_path.name + ".lock")


class _NoLocksHere(Exception):
    """The file system has no file locks (some network and FUSE drives)."""


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as error:  # ENOLCK, EOPNOTSUPP...: no locks on this drive at all
        raise _NoLocksHere from error
    return True


class VaultLock:
    """Held while a vault is open in this process; :meth:`release` gives it back."""

    def __init__(self, key: str | None) -> None:
        self._key = key

    @classmethod
    def acquire(cls, vault_path: Path) -> VaultLock:
        """Take the lock or raise VaultInUse. Where no lock file can be made (a
        read-only folder, where nothing can be written anyway) no lock is taken; an
        existing lock file that cannot be written is locked read-only."""
        path = lock_path_for(vault_path)
        key = os.path.realpath(path)
        with _guard:
            if key in _held:
                _held[key][1] += 1
                return cls(key)
            try:
                fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError:
                # An existing lock file that cannot be opened for writing (read-only,
                # or not a file: a folder sync or copy can bring one) still locks:
                # flock needs only an open descriptor.
                try:
                    fd = os.open(path, os.O_RDONLY)
                except OSError:
                    return cls(None)
            try:
                locked = _try_lock(fd)
            except _NoLocksHere:
                # The journal must still open there; as in a read-only folder, no
                # lock is taken (the drive cannot keep a second moodlog out).
                os.close(fd)
                return cls(None)
            if not locked:
                os.close(fd)
                raise VaultInUse(Path(vault_path))
            _held[key] = [fd, 1]
        return cls(key)

    def release(self) -> None:
        key, self._key = self._key, None
        if key is None:
            return
        with _guard:
            record = _held.get(key)
            if record is None:
                return
            record[1] -= 1
            if record[1] <= 0:
                del _held[key]
                os.close(record[0])  # closing the descriptor drops the OS lock
