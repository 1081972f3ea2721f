"""Start-up stays light: the unlock window appears without pyqtgraph or numpy; they and
the session's modules are imported while it waits, so unlocking imports nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from moodlog.ui.application import AppController, apply_style
apply_style(app)
controller = AppController(Path(sys.argv[1]))
controller.start()
app.processEvents()
assert controller.lock_window.isVisible()
heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('pyqtgraph', 'numpy'))
print('HEAVY', heavy)
"""


def test_unlock_window_does_not_import_pyqtgraph_or_numpy(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "HEAVY []" in result.stdout


AFTER_UNLOCK = """
import sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from moodlog.ui.application import AppController
from moodlog.vault.vault import Vault
folder = Path(sys.argv[1])
vault = Vault.create(folder / "moodlog.db", "a long enough passphrase")
controller = AppController(folder)
controller.open_session(vault)
app.processEvents()
print('AT UNLOCK', 'pyqtgraph' in sys.modules)
deadline = time.monotonic() + 60
while not controller.preloader.done and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
print('LATER', 'pyqtgraph' in sys.modules, 'moodlog.ui.trends' in sys.modules)
controller.shutdown()
"""


def test_chart_modules_are_imported_in_idle_time_after_unlock(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-c", AFTER_UNLOCK, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "AT UNLOCK False" in result.stdout  # the main window does not wait for them
    assert "LATER True True" in result.stdout


WHILE_LOCKED = """
import sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from moodlog.ui.application import AppController, apply_style
folder = Path(sys.argv[1])
apply_style(app)
controller = AppController(folder)
controller.start()
app.processEvents()
print('AT FIRST PAINT', 'pyqtgraph' in sys.modules, 'moodlog.ui.main_window' in sys.modules)
deadline = time.monotonic() + 60
while not controller.preloader.done and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
print('WAITING DONE', controller.preloader.done)
before = set(sys.modules)
controller.unlock_page.passphrase.setText("a long enough passphrase")
controller.unlock_page.unlock_button.click()
for _ in range(5):
    app.processEvents()
assert controller.main_window is not None and controller.main_window.isVisible()
controller.main_window.show_screen("Trends")
for _ in range(5):
    app.processEvents()
print('IMPORTED AFTER UNLOCK', sorted(set(sys.modules) - before))
controller.preloader.stop()
controller.shutdown()
"""


def test_the_lock_screen_imports_what_unlocking_and_trends_need_while_it_waits(tmp_path: Path):
    import datetime as dt

    from moodlog.domain.demo import build_demo
    from moodlog.vault import bulk
    from moodlog.vault.vault import Vault

    # Made here, not in the child: the child only opens it, as a person's app does.
    # Sessions and check-ins, so that Today shows what it shows on a real day.
    vault = Vault.create(tmp_path / "moodlog.db", "a long enough passphrase")
    bulk.store(vault, build_demo(days=200, end=dt.date.today(), seed=3))
    vault.close()
    result = subprocess.run(
        [sys.executable, "-c", WHILE_LOCKED, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "AT FIRST PAINT False False" in result.stdout  # not before the window shows
    assert "WAITING DONE True" in result.stdout
    assert "IMPORTED AFTER UNLOCK []" in result.stdout  # nothing left for unlock or Trends
