"""Shared fixtures. Qt runs offscreen; HOME-like folders point into a temp dir so no
test touches the real user's files, and privacy tests can scan everything written."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
import tempfile
import weakref
from pathlib import Path

import pytest

_SANDBOX = Path(tempfile.mkdtemp(prefix="moodlog-tests-"))
# A common laptop screen, 1366x768 (Qt's offscreen default, 800x800, is narrower than the
# window's minimum width: every test would see the narrow-screen layout).
_SCREEN = _SANDBOX / "screen.json"
_SCREEN.write_text(
    '{"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, '
    '"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}',
    encoding="utf-8",
)
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"
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


# Every AppController made since the test began (see _track_controllers); weak, so
# that it keeps no app alive.
_CONTROLLERS: weakref.WeakSet = weakref.WeakSet()


def _track_controllers() -> None:
    """Record each AppController made from now on, to end the app a test leaves running."""
    module = sys.modules.get("moodlog.ui.application")
    if module is None or "_made_in_tests" in vars(module.AppController):
        return
    cls = module.AppController
    init = cls.__init__

    def tracked_init(self, *args, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        init(self, *args, **kwargs)
        _CONTROLLERS.add(self)

    cls.__init__ = tracked_init
    cls._made_in_tests = True


def _windows(app) -> dict[int, object]:  # noqa: ANN001 - a QApplication or None
    """The app's top-level widgets by their C++ address (a wrapper can be made anew)."""
    if app is None:
        return {}
    import shiboken6

    return {shiboken6.getCppPointer(w)[0]: w for w in app.topLevelWidgets()}


def quit_app(controller) -> list:  # noqa: ANN001 - an AppController
    """End an app as quitting does (drafts kept, the vault closed), stop what would run
    on (idle lock, preloading, reminders) and close its windows; returns them."""
    import shiboken6

    if not shiboken6.isValid(controller):
        return []
    with contextlib.suppress(Exception):
        controller.shutdown()
    controller.preloader.stop()
    reminders = controller.reminders
    if reminders is not None and shiboken6.isValid(reminders):
        reminders.timer.stop()
    windows = [controller.main_window, controller.lock_window]
    windows = [w for w in windows if w is not None and shiboken6.isValid(w)]
    for window in windows:
        _close(window)
    return windows


def _close(window) -> None:  # noqa: ANN001 - a QWidget
    """Close ``window`` without its questions: a main window as at a lock (its dialogs
    too, their text left as it is), any other window as a program closes it."""
    if hasattr(window, "close_for_lock"):
        window.close_for_lock()
    else:
        window.closing_for_lock = True  # a draft dialog: its draft is not forgotten
        window.close()


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_teardown(item):  # noqa: ANN001, ANN201
    """While a test is torn down, a question box (QMessageBox.exec) returns at once,
    unanswered: closing a dialog a failed test left changed ("Close without saving?")
    must fail that test, never wait for an answer that cannot come (a hung run)."""
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is None:
        yield
        return
    box = widgets.QMessageBox
    original = box.exec
    box.exec = lambda self: int(widgets.QMessageBox.StandardButton.Cancel.value)
    try:
        yield
    finally:
        box.exec = original


@pytest.fixture(autouse=True)
def _close_what_the_test_left_open():
    """After each test, close the windows it opened and end the apps it started.

    A window left open keeps its shortcuts: the main window's Ctrl+L is an
    application shortcut, so a main window left by one test made Ctrl+L ambiguous in
    the next one, where it then did nothing (test_onboarding then test_app_flow). An
    app left running kept its timers (idle lock, preloading, reminders), which could
    fire in a later test. Windows a wider-scoped fixture opened before the test
    (a module's demo window) are left alone. Costs nothing without Qt."""
    widgets = sys.modules.get("PySide6.QtWidgets")
    app = widgets.QApplication.instance() if widgets is not None else None
    before = _windows(app)
    _track_controllers()
    _CONTROLLERS.clear()
    application = sys.modules.get("moodlog.ui.application")
    current = application.AppController.current if application is not None else None
    yield
    widgets = sys.modules.get("PySide6.QtWidgets")
    app = widgets.QApplication.instance() if widgets is not None else None
    if app is None:
        return
    left: list = []  # the windows to delete
    application = sys.modules.get("moodlog.ui.application")
    if application is not None:
        made = list(_CONTROLLERS)
        _CONTROLLERS.clear()
        latest = application.AppController.current
        if latest is not None and latest is not current and latest not in made:
            made.append(latest)  # made before the tracking began (its first import)
        for controller in made:
            left += quit_app(controller)
        application.AppController.current = current
    import shiboken6
    from PySide6.QtCore import QEvent

    for key, window in _windows(app).items():
        if key not in before and shiboken6.isValid(window) and window.isVisible():
            _close(window)
            left.append(window)
    for window in left:
        if shiboken6.isValid(window):
            window.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(scope="session", autouse=True)
def _core_limit_of_the_test_run_kept():
    """The entry points set RLIMIT_CORE to 0 for good, soft and hard
    (moodlog.process.disable_core_dumps). Called in-process by a test
    (test_app_entry's main()), that made it 0 for the rest of the run, and
    tests/privacy/test_core_limit.py, which starts moodlog allowing core files, failed
    when it came later (reverse order). In the test process it does nothing; the
    limit is checked on fresh processes (tests/privacy, tests/reliability)."""
    import moodlog.process

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(moodlog.process, "disable_core_dumps", lambda: None)
        yield


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
