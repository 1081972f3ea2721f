"""Shared fixtures. Qt runs offscreen; HOME-like folders point into a temp dir so no
test touches the real user's files, and privacy tests can scan everything written."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
_SANDBOX = Path(tempfile.mkdtemp(prefix="moodlog-tests-"))
for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[variable] = str(_SANDBOX / variable.lower())
os.environ["HOME"] = str(_SANDBOX / "home")
os.environ["TMPDIR"] = str(_SANDBOX / "tmp")
os.environ.pop("MOODLOG_DATA_DIR", None)
os.environ["LANG"] = "en_US.UTF-8"
for folder in ("home", "tmp"):
    (_SANDBOX / folder).mkdir(parents=True, exist_ok=True)
tempfile.tempdir = None  # re-read TMPDIR

PASSPHRASE = "correct horse battery"

# Self-check answers that give each level (questions 3-5 only after a yes to 2).
SI_ANSWERS = {
    "none": {"wish_dead": False, "thoughts": False, "behavior": False},
    "low": {"wish_dead": True, "thoughts": False, "behavior": False},
    "moderate": {
        "wish_dead": True,
        "thoughts": True,
        "method": True,
        "intent": False,
        "plan": False,
        "behavior": False,
    },
    "high": {
        "wish_dead": True,
        "thoughts": True,
        "method": True,
        "intent": True,
        "plan": False,
        "behavior": False,
    },
    # yes to thoughts, "how" and "plan" left "prefer not to answer"
    "incomplete": {
        "wish_dead": True,
        "thoughts": True,
        "method": None,
        "intent": False,
        "plan": None,
        "behavior": False,
    },
}


@pytest.fixture(scope="session")
def sandbox() -> Path:
    return _SANDBOX


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def vault(data_dir: Path):
    from moodlog.vault.vault import Vault

    v = Vault.create(data_dir / "moodlog.db", PASSPHRASE)
    yield v
    v.close()


@pytest.fixture
def python() -> str:
    return sys.executable


def run_cli(args: list[str], stdin: str = "", env: dict | None = None):
    import subprocess

    return subprocess.run(
        [sys.executable, "-m", "moodlog", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


class FakeClock:
    def __init__(self, now: dt.datetime) -> None:
        self.value = now

    def __call__(self) -> dt.datetime:
        return self.value


@pytest.fixture
def pseudo_translation():
    """A translation of every string to «string», installed for the test (no .qm file
    needed): a text shown without «» did not go through tr()."""
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    class Pseudo(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001, ANN201, ARG002
            return f"«{source}»"

        def isEmpty(self) -> bool:  # noqa: N802
            return False

    app = QApplication.instance() or QApplication([])
    translator = Pseudo()
    app.installTranslator(translator)
    yield translator
    app.removeTranslator(translator)


@pytest.fixture
def german():
    """Formatting as under a German locale (QLocale's default) for the test."""
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    yield
    QLocale.setDefault(before)
