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


class VaultTooNew(VaultError):
    def __init__(self, path: object, found: int, supported: int) -> None:
        super().__init__(
            f"The vault {path} was written by a newer version of moodlog (format {found}; "
            f"this version understands up to {supported}). Please update moodlog. "
            "The vault has not been changed."
        )


class VaultExists(VaultError):
    def __init__(self, path: object) -> None:
        super().__init__(f"A vault already exists at {path}; it was left as it is.")


class VaultMissing(VaultError):
    def __init__(self, path: object) -> None:
        super().__init__(f"There is no vault at {path}. Create one first (moodlog init).")


class PassphraseRejected(VaultError):
    """A new passphrase that does not meet the rules (too short, mismatched...)."""


class PassphraseChangeFailed(VaultError):
    pass


class InvalidData(VaultError):
    """A value outside its allowed range, or a malformed record."""
