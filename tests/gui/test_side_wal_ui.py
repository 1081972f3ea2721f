"""The unlock screen and a ``-wal`` file another program left beside the journal
(tests/reliability/test_side_wal.py has the vault's side): the person is told what was
set aside, in plain words, and a file that cannot be moved is named on the screen."""

from __future__ import annotations

import shutil
from pathlib import Path

from moodlog.vault import connection as conn_mod
from tests.gui.helpers import create_vault_through_the_window, unlock
from tests.reliability.test_side_wal import foreign_wal


def locked_with(qtbot, data_dir: Path, wal_is_folder: bool = False):  # noqa: ANN201
    controller = create_vault_through_the_window(qtbot, data_dir)
    controller.lock()
    journal = data_dir / "moodlog.db"
    wal = conn_mod.side_wal(journal)
    if wal_is_folder:
        wal.mkdir()
    else:
        shutil.copy(foreign_wal(data_dir.parent), wal)
    return controller, wal


def test_unlock_tells_what_was_set_aside(qtbot, data_dir: Path):
    controller, wal = locked_with(qtbot, data_dir)
    unlock(qtbot, controller)
    assert controller.vault is not None and controller.main_window.isVisible()
    box = controller.set_aside_box
    qtbot.waitUntil(box.isVisible, timeout=3000)
    kept = sorted(data_dir.glob("moodlog.db-wal.not-applied-*"))
    assert len(kept) == 1 and not wal.exists()
    assert "(moodlog.db-wal) was left by another program and does not fit" in box.text()
    assert kept[0].name in box.text()
    assert not box.isModal()  # it informs; the journal is usable at once
    controller.lock()
    unlock(qtbot, controller)  # told once: nothing new beside the journal
    assert controller.vault.set_aside == []


def test_a_wal_that_cannot_be_moved_is_named_on_the_unlock_screen(qtbot, data_dir: Path):
    controller, _ = locked_with(qtbot, data_dir, wal_is_folder=True)
    unlock(qtbot, controller)
    assert controller.vault is None
    text = controller.unlock_page.error_label.text()
    assert "beside it is moodlog.db-wal" in text and "Move moodlog.db-wal" in text
    assert "Traceback" not in text and "Wrong passphrase" not in text
