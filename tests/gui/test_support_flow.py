"""After a yes in the self-check the help panel opens with the right country's numbers;
the demo folder disappears when the app quits."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.conftest import SI_ANSWERS
from tests.gui.helpers import create_vault_through_the_window


@pytest.mark.parametrize("level", ["low", "moderate", "incomplete", "high"])
@pytest.mark.parametrize(
    "country, line, emergency", [("NZ", "1737", "111"), ("GB", "116 123", "999")]
)
def test_panel_for_each_yes_level_with_the_countrys_numbers(
    qtbot, data_dir: Path, level, country, line, emergency
):
    controller = create_vault_through_the_window(qtbot, data_dir)
    controller.preferences.country = country
    today = controller.main_window.screen("Today")
    today.form.mood.set_value(6)
    for key, value in SI_ANSWERS[level].items():
        today.self_check.answer(key, value)
    qtbot.mouseClick(today.save_button, Qt.MouseButton.LeftButton)
    assert controller.vault.entries.count() == 1  # saving was not blocked
    panel = controller.help_panel
    assert panel is not None and panel.isVisible() and not panel.isModal()
    text = panel.text()
    assert line in text and emergency in text
    assert "No one is notified of your answers and no one is monitoring them." in text
    first_line = text.strip().splitlines()[0]
    if level in ("high", "incomplete"):
        assert first_line.startswith("If you might act on these thoughts now, call")
        assert emergency in first_line and line in first_line
    else:
        assert not first_line.startswith("If you might act")
    for word in ("panic", "danger", "emergency services have been", "alert"):
        assert word not in text.lower()
    panel.close()
    controller.shutdown()


def test_no_panel_after_all_no(qtbot, data_dir: Path):
    controller = create_vault_through_the_window(qtbot, data_dir)
    today = controller.main_window.screen("Today")
    today.form.mood.set_value(6)
    for key in ("wish_dead", "thoughts", "behavior"):
        today.self_check.answer(key, False)
    today.save()
    assert controller.help_panel is None
    controller.shutdown()


DEMO_SCRIPT = """
import sys, tempfile
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from moodlog.ui import application

app = QApplication(sys.argv[:1])
made = []
real = tempfile.mkdtemp


def recording(*args, **kwargs):
    made.append(real(*args, **kwargs))
    print("DIR", made[-1], flush=True)
    return made[-1]


tempfile.mkdtemp = recording  # (run_gui imports tempfile when it makes a demo)


def look_then_quit():
    import os
    print("VAULT", os.path.exists(os.path.join(made[0], "moodlog.db")), flush=True)
    print("TITLES", [w.windowTitle() for w in app.topLevelWidgets() if w.isVisible()],
          flush=True)
    app.quit()


QTimer.singleShot(1500, look_then_quit)
sys.exit(application.run_gui(demo=True))
"""


def test_demo_folder_is_deleted_on_exit():
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", DEMO_SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert lines["VAULT"] == "True"
    assert "DEMO" in lines["TITLES"]
    assert not Path(lines["DIR"]).exists()


def test_demo_folder_is_deleted_when_the_app_is_terminated(tmp_path: Path):
    import os
    import signal
    import subprocess
    import sys
    import time

    env = {**os.environ, "TMPDIR": str(tmp_path)}  # (the tests' screen: tests/conftest.py)
    process = subprocess.Popen(
        [sys.executable, "-m", "moodlog", "--demo"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    folders: list[Path] = []
    while time.monotonic() < deadline and not folders:
        folders = [p for p in tmp_path.glob("moodlog-demo-*") if (p / "moodlog.db").exists()]
        time.sleep(0.2)
    assert folders, "the demo vault never appeared"
    time.sleep(1.0)  # let the window come up
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0
    assert not folders[0].exists()
