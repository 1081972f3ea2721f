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
