"""Where moodlog keeps its files, and how it makes them private.

The vault lives in ``platformdirs.user_data_dir("moodlog")`` unless the user names
another folder with ``--data-dir`` or ``MOODLOG_DATA_DIR``. The folder is made
0700 and the vault 0600 *before* SQLCipher writes a byte, so the side files
(``-journal``) inherit the private mode too.
"""

from __future__ import annotations

import os
from pathlib import Path

VAULT_FILENAME = "moodlog.db"
PREFERENCES_FILENAME = "preferences.json"
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


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) and make the leaf folder owner-only (0700)."""
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, 0o700)
    return path


def create_private_file(path: Path) -> None:
    """Create an empty file with mode 0600, failing if it already exists."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)
