"""Start-up stays light: the unlock window appears without pyqtgraph or numpy."""

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
controller._open_session(vault)
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
