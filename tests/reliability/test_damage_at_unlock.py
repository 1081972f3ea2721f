"""Failure review (stop 20): a journal whose first page reads but whose tags table is
damaged, unlocked in the app: the recovery page came, and on top of it a second box,
"Something went wrong inside moodlog... everything you had saved is safe" (the unlock
went on after the damage had closed the session)."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import pytest
import shiboken6

from moodlog.domain.entries import Entry
from moodlog.ui.application import AppController
from moodlog.vault.vault import Vault
from tests.conftest import PASSPHRASE
from tests.gui.helpers import unlock


@pytest.mark.qt_no_exception_capture
def test_damage_found_while_the_first_screen_is_built_says_one_thing(
    qtbot, data_dir: Path, monkeypatch
) -> None:
    import moodlog.ui.application as application

    errors: list[str] = []

    def hook(kind, error, trace) -> None:  # noqa: ANN001
        errors.append(kind.__name__)
        application.report_unexpected_error(kind, error, trace)  # (finds the damage)

    monkeypatch.setattr(sys, "excepthook", hook)
    path = data_dir / "moodlog.db"
    with Vault.create(path, PASSPHRASE) as vault, vault.transaction():
        for offset in range(50):
            day = dt.date(2025, 1, 1) + dt.timedelta(offset)
            vault.entries.add(Entry(day=day, time=dt.time(9), mood=5, note="n" * 1500))
    with Vault.open(path, PASSPHRASE) as vault:
        query = "SELECT rootpage FROM sqlite_master WHERE name = 'tags'"
        root = vault.conn.execute(query).fetchone()[0]
    data = bytearray(path.read_bytes())
    start = (root - 1) * 4096 + 100  # inside the tags table's page only
    data[start : start + 100] = os.urandom(100)
    path.write_bytes(bytes(data))
    controller = AppController(data_dir)
    controller.start()
    try:
        unlock(qtbot, controller)
        qtbot.wait(300)
        assert controller.vault is None and controller.main_window is None
        page = controller.lock_window.stack.currentWidget()
        assert type(page).__name__ == "RecoveryPage"
        assert errors == ["DatabaseError"]  # the damage, and nothing after it
        box = getattr(application.report_unexpected_error, "last_box", None)
        assert (
            box is None or not shiboken6.isValid(box) or not box.isVisible()
        )  # no "Something went wrong" on top
    finally:
        controller.shutdown()
