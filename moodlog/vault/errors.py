"""Errors the vault raises, each with a message fit to show a person as it is."""

from __future__ import annotations


class VaultError(Exception):
    """Base class. ``str(error)`` is a plain-language sentence for the user."""


class WrongPassphrase(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "Wrong passphrase. Nothing was changed; you can try again as often as you like."
        )


class VaultDamaged(VaultError):
    def __init__(self, path: object, detail: str) -> None:
        super().__init__(
            f"The file {path} cannot be opened as a moodlog vault: {detail}. "
            "It has not been changed."
        )


class SideFileInTheWay(VaultError):
    """A file beside the journal under a name SQLite uses for its own (``-journal``,
    ``-wal``) that it cannot use: a folder or a link there, or a ``-wal`` that moodlog
    could not check or move out of the way (``connection.settle_side_wal``). The journal
    is then not opened, so nothing in it changes (failure review: a folder named
    ``moodlog.db-journal`` let the journal open, then every save said the folder could
    not be written to)."""

    def __init__(self, path: object, side: object, detail: str) -> None:
        from pathlib import Path

        name = Path(str(side)).name
        super().__init__(
            f"The journal {path} was not opened: beside it is {name}, a name SQLite keeps "
            f"for its own working files, and {detail}. Move {name} to another folder, then "
            "try again. The journal has not been changed."
        )


class VaultTooNew(VaultError):
    def __init__(self, path: object, found: int, supported: int) -> None:
        super().__init__(
            f"The vault {path} was written by a newer version of moodlog (format {found}; "
            f"this version understands up to {supported}). Please update moodlog. "
            "The vault has not been changed."
        )


class UpdateNeedsWriting(VaultError):
    """An older journal's one-time update could not write beside it (a read-only disk or
    folder: failure review, "The journal could not be opened: Read-only file system"
    said neither why nor what to do)."""

    def __init__(self, path: object, reason: str) -> None:
        super().__init__(
            f"This journal was made by an older moodlog and is updated once when it is first "
            f"opened, which writes beside it; that was not possible ({reason}). Copy the "
            f"journal ({path}) to a folder you can write to and open it there. It has not "
            "been changed."
        )


class VaultExists(VaultError):
    def __init__(self, path: object) -> None:
        super().__init__(f"A vault already exists at {path}; it was left as it is.")


class PathTooLong(VaultError):
    """A data folder whose path leaves too little room under SQLite's 512-byte limit for
    the names made in it (``connection.LONGEST_FOLDER_PATH``)."""

    def __init__(self, path: object, length: int, limit: int) -> None:
        super().__init__(
            f"The journal could not be created: the path of its folder is too long "
            f"({length} bytes; at most {limit}). Choose a folder with a shorter path."
        )


class VaultMissing(VaultError):
    def __init__(self, path: object) -> None:
        super().__init__(f"There is no vault at {path}. Create one first (moodlog init).")


def missing_vault(path: object) -> VaultMissing:
    """Why there is no vault at ``path``: :class:`BrokenLink` when it, or a folder above
    it, is a link to something not there (a drive not connected), else :class:`VaultMissing`."""
    from pathlib import Path

    from moodlog.paths import dangling_link

    link = dangling_link(Path(path))
    return VaultMissing(path) if link is None else BrokenLink(link)


class BrokenLink(VaultMissing):
    """The vault's name is a link to a file that is not there (review finding: "no vault:
    run init", then init failed with "file exists")."""

    def __init__(self, path: object) -> None:
        import os

        VaultError.__init__(
            self,
            f"{path} is a link to {os.readlink(path)}, which is not there (is the drive "
            "connected?). moodlog leaves the link as it is and makes no journal in its place.",
        )


class PassphraseRejected(VaultError):
    """A new passphrase that does not meet the rules (too short, mismatched...)."""


class PassphraseChangeFailed(VaultError):
    pass


class VaultInUse(VaultError):
    """Another moodlog (window or command) has this vault open."""

    def __init__(self, path: object) -> None:
        super().__init__(
            f"This journal ({path}) is open in another moodlog window or process. "
            "Lock or close it there first, then try again. Nothing was changed."
        )


SAVED_BEFORE_IS_SAFE = "What was saved before is safe."


class StorageProblem(VaultError):
    """Reading or writing the file failed for a reason outside moodlog (disk full,
    another program holding the file...). ``reason`` is the plain cause, e.g.
    "the disk is full"; the message says what did not happen and what to do."""

    reason = "the vault file could not be read or written"
    advice = "What was saved before is safe. Please try again."
    new_journal_advice = ""  # (the advice for a journal being made, when not the above)

    def __init__(self, doing: str = "Not saved", new_journal: bool = False) -> None:
        self.doing = doing
        advice = self.advice
        if new_journal:  # nothing was saved before (review finding: init on a full disk)
            kept = self.new_journal_advice or advice.replace(SAVED_BEFORE_IS_SAFE, "").strip()
            advice = f"{kept} No journal was made."
        super().__init__(f"{doing}: {self.reason}. {advice}")


class DiskFull(StorageProblem):
    reason = "the disk is full"
    advice = "Free some space, then try again. What was saved before is safe."


class VaultBusy(StorageProblem):
    reason = "the vault is in use by another moodlog or another program"
    advice = "Close it there (or wait a moment), then try again. What was saved before is safe."


class VaultChanged(StorageProblem):
    reason = (
        "the vault file was changed by another program while moodlog had it open "
        "(for example, its passphrase was changed from the command line)"
    )
    advice = "Lock moodlog and unlock it again. What was saved before is safe."


class VaultMoved(StorageProblem):
    """The journal's file is no longer at its path (moved, renamed, replaced or deleted
    by another program while open): SQLite then refuses every write as "readonly"."""

    reason = (
        "the journal file was moved, renamed, replaced or deleted by another program "
        "while moodlog had it open"
    )
    advice = (
        "Everything saved until now is still in the open journal, and moodlog backs it up "
        "when it locks or quits; to be sure, make a backup now on the Backups screen, then "
        "put the file back or restore that backup."
    )


class VaultReadOnly(StorageProblem):
    reason = "the vault file or its folder cannot be written (read-only)"
    advice = "Check the file's permissions or the disk, then try again."


class DiskError(StorageProblem):
    reason = "the disk reported an error while reading or writing the vault"
    advice = "Check the disk, then try again. Run 'moodlog check' to verify the vault."
    new_journal_advice = "Check the disk, then try again."


class FolderNotWritable(StorageProblem):
    """SQLite's "unable to open database file" on a vault that is open: it could not
    make the file beside the vault that every save needs (``moodlog.db-journal``)."""

    reason = "the journal's folder cannot be written to, or its disk has no room for new files"
    advice = (
        "Check the folder's permissions and the disk's free space, then try again. What "
        "was saved before is safe."
    )


def storage_problem(
    error: BaseException, doing: str = "Not saved", new_journal: bool = False
) -> StorageProblem | None:
    """The plain-language StorageProblem behind an SQLite error, if it is one
    (``new_journal``: one being created, with nothing saved before)."""
    text = str(error).lower()
    kind: type[StorageProblem] | None = None
    if "database or disk is full" in text or "disk is full" in text:
        kind = DiskFull
    elif "database is locked" in text or "database table is locked" in text or "busy" in text:
        kind = VaultBusy
    elif "file is not a database" in text:
        kind = VaultChanged
    elif "readonly database" in text or "read-only" in text:
        kind = VaultReadOnly
    elif "disk i/o error" in text:
        kind = DiskError
    elif "unable to open database file" in text:  # (review finding: out of inodes, a
        kind = FolderNotWritable  # folder made read-only: "Something went wrong")
    return None if kind is None else kind(doing, new_journal)


def os_reason(error: OSError) -> str:
    """The plain cause of a failed file operation ("the disk is full"), for a sentence
    like "The CSV files were not saved: <reason>." Never a temp file's name."""
    import errno

    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if error.errno == errno.EFBIG:
        return "the file is too large for that disk (or the disk is full)"
    if error.errno == errno.EROFS:
        return "that disk is read-only"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "moodlog may not write there"
    if error.errno == errno.EISDIR:  # (contracts review: "is a directory")
        return "that is a folder; name a file in it"
    if error.errno == errno.ENOENT:
        return "the folder is not there (is the drive connected?)"
    if error.errno == errno.EIO:
        return "the disk reported an error (was the drive disconnected?)"
    return (error.strerror or "the file could not be written").lower()


DAMAGE_WORDS = ("malformed", "not a database", "disk image", "corrupt")


def is_damage(error: BaseException) -> bool:
    """An SQLite error that means some of the vault's pages cannot be read as they
    should (found after the vault opened: the first pages were fine)."""
    text = str(error).lower()
    return any(words in text for words in DAMAGE_WORDS)


DAMAGED_AFTER_OPEN = (
    "Your journal file is damaged: part of it cannot be read, so this could not be "
    "done. Nothing was changed. 'moodlog check' shows what is damaged; 'moodlog restore "
    "BACKUP' puts a backup in its place and keeps the damaged file beside it."
)
