"""A full disk or a vault in use: the save fails with its real reason, the connection
stays usable, the text stays where it was typed, and locking always locks.

A full disk is simulated with SQLite's ``PRAGMA max_page_count`` (per connection:
the vault opens normally afterwards)."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import pytest
import sqlcipher3

from moodlog.domain.entries import Entry
from moodlog.vault import connection as conn_mod
from moodlog.vault.errors import DiskFull, VaultBusy, storage_problem
from moodlog.vault.vault import Vault
from tests.conftest import PASSPHRASE

BIG_NOTE = "words of a long evening " * 1500  # ~36 KB: needs new pages


def fill_the_disk(vault: Vault) -> None:
    pages = vault.conn.execute("PRAGMA page_count").fetchone()[0]
    vault.conn.execute(f"PRAGMA max_page_count = {pages}")


def make_room(vault: Vault) -> None:
    vault.conn.execute("PRAGMA max_page_count = 1073741823")


def entry(note: str = "", day: int = 1) -> Entry:
    return Entry(day=dt.date(2026, 3, day), time=dt.time(9), mood=6, note=note)


def test_full_disk_save_says_not_saved_and_the_connection_stays_usable(vault: Vault):
    vault.entries.add(entry("before"))
    fill_the_disk(vault)
    with pytest.raises(DiskFull) as info:
        vault.entries.add(entry(BIG_NOTE, 2))
    assert str(info.value).startswith("Not saved: the disk is full.")
    assert not vault.conn.in_transaction
    assert vault.entries.count() == 1
    make_room(vault)
    vault.entries.add(entry("after", 3))
    assert [e.note for e in vault.entries.between()] == ["before", "after"]
    vault.check()


def reader_holding_a_read_transaction(path: Path) -> conn_mod.Connection:
    reader = conn_mod.open_connection(path, PASSPHRASE)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM entries").fetchone()
    return reader


def test_failed_commit_is_rolled_back_and_later_saves_work(vault: Vault):
    """Another process reading: COMMIT fails. Before, the connection stayed inside
    the transaction and every later save failed ("cannot start a transaction within
    a transaction")."""
    vault.conn.execute("PRAGMA busy_timeout = 100")
    reader = reader_holding_a_read_transaction(vault.path)
    try:
        with pytest.raises(VaultBusy) as info:
            vault.entries.add(entry("while another reads"))
        assert "in use by another moodlog" in str(info.value)
        assert not vault.conn.in_transaction
    finally:
        reader.execute("ROLLBACK")
        reader.close()
    vault.entries.add(entry("afterwards", 2))
    vault.drafts.save("today", {"note": "draft"})
    assert [e.note for e in vault.entries.between()] == ["afterwards"]
    vault.close()
    Vault.open(vault.path, PASSPHRASE).close()


# -- the app: lock after a failed draft save -------------------------------------------


def type_a_long_note(qtbot, controller) -> str:
    today = controller.main_window.screen("Today")
    qtbot.keyClicks(today.form.note, "typed ")
    today.form.note.insertPlainText(BIG_NOTE)
    assert today.has_unsaved_changes()
    return today.form.note.toPlainText()


def test_lock_with_a_draft_that_cannot_be_kept_asks_then_locks(qtbot, data_dir: Path):
    from tests.gui.helpers import create_vault_through_the_window

    controller = create_vault_through_the_window(qtbot, data_dir)
    text = type_a_long_note(qtbot, controller)
    vault = controller.vault
    fill_the_disk(vault)
    asked: list[str] = []
    controller.ask_discard = lambda reason: asked.append(reason) is not None  # "go back"
    assert controller.lock() is False
    assert asked == ["the disk is full"]
    assert controller.vault is vault and vault.is_open and not vault.conn.in_transaction
    assert controller.main_window.isVisible()
    assert controller.main_window.screen("Today").form.note.toPlainText() == text
    assert controller.idle.timer.isActive()  # auto-lock still armed

    controller.ask_discard = lambda reason: asked.append(reason) is None  # "lock anyway"
    assert controller.lock() is True
    assert asked == ["the disk is full"] * 2
    assert controller.vault is None and controller.main_window is None
    assert not vault.is_open
    assert controller.lock_window.isVisible()
    with Vault.open(data_dir / "moodlog.db", PASSPHRASE) as reopened:  # opens afterwards
        assert reopened.drafts.load("today") is None
        reopened.check()


def test_auto_lock_locks_even_when_the_draft_cannot_be_kept(qtbot, data_dir: Path):
    from tests.gui.helpers import create_vault_through_the_window, unlock

    controller = create_vault_through_the_window(qtbot, data_dir, idle_ms=400)
    type_a_long_note(qtbot, controller)
    vault = controller.vault
    fill_the_disk(vault)
    controller.ask_discard = lambda reason: pytest.fail("nobody is there to answer")
    qtbot.waitUntil(lambda: controller.vault is None, timeout=5000)
    assert not vault.is_open
    message = controller.unlock_page.error_label.text()
    assert "could not be kept: the disk is full" in message
    unlock(qtbot, controller)
    assert controller.vault is not None  # and it unlocks again
    controller.shutdown()


def test_lock_keeps_the_draft_when_it_can(qtbot, data_dir: Path):
    from tests.gui.helpers import create_vault_through_the_window, unlock

    controller = create_vault_through_the_window(qtbot, data_dir)
    text = type_a_long_note(qtbot, controller)
    controller.ask_discard = lambda reason: pytest.fail("nothing to ask")
    assert controller.lock() is True
    unlock(qtbot, controller)
    assert controller.main_window.screen("Today").form.note.toPlainText() == text
    controller.shutdown()


def test_save_on_a_full_disk_keeps_the_text_and_says_why(qtbot, data_dir: Path):
    from moodlog.ui.application import report_unexpected_error
    from tests.gui.helpers import create_vault_through_the_window

    controller = create_vault_through_the_window(qtbot, data_dir)
    text = type_a_long_note(qtbot, controller)
    today = controller.main_window.screen("Today")
    today.form.mood.set_value(6)
    fill_the_disk(controller.vault)
    with pytest.raises(DiskFull) as info:
        today.save()
    assert today.form.note.toPlainText() == text  # still in the editor
    report_unexpected_error(DiskFull, info.value, None)  # what the app's handler shows
    box = report_unexpected_error.last_box
    qtbot.addWidget(box)
    assert box.text().startswith("Not saved: the disk is full.")
    make_room(controller.vault)
    assert today.save() is True
    assert [e.note for e in controller.vault.entries.between()] == [text]
    controller.shutdown()


# -- the command line ------------------------------------------------------------------


def run_in_process(args: list[str], stdin: str, capsys) -> tuple[int, str]:
    from moodlog.cli import build_parser, run

    saved = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        code = run(build_parser().parse_args(args))
    finally:
        sys.stdin = saved
    return code, capsys.readouterr().err


@pytest.fixture
def small_disk(monkeypatch):
    """Every vault connection may hold at most this many pages (None: no limit)."""
    limit = {"pages": None}
    real = conn_mod._apply_hygiene

    def hygiene(conn):  # noqa: ANN001, ANN202
        real(conn)
        if limit["pages"] is not None:
            conn.execute(f"PRAGMA max_page_count = {limit['pages']}")

    monkeypatch.setattr(conn_mod, "_apply_hygiene", hygiene)
    return limit


def test_init_on_a_full_disk_says_so_and_leaves_no_file(data_dir: Path, small_disk, capsys):
    small_disk["pages"] = 3
    code, err = run_in_process(
        ["--data-dir", str(data_dir), "init", "--passphrase-stdin"], PASSPHRASE, capsys
    )
    assert code == 1
    assert "could not be created: the disk is full" in err and "unexpected" not in err
    assert "No journal was made." in err and "saved before" not in err  # (nothing was)
    assert not (data_dir / "moodlog.db").exists()


def test_a_journal_that_cannot_be_created_says_nothing_was_saved_before(tmp_path: Path):
    """The header written, its folder then full (review finding: "What was saved
    before is safe" for a journal that never had anything in it)."""
    error = conn_mod.DatabaseError("database or disk is full")
    created = storage_problem(error, "The journal could not be created", new_journal=True)
    opened = storage_problem(error, "Not saved")
    assert str(created) == (
        "The journal could not be created: the disk is full. Free some space, then try "
        "again. No journal was made."
    )
    assert str(opened).endswith("What was saved before is safe.")
    for text in ("disk i/o error", "attempt to write a readonly database"):
        made = str(storage_problem(conn_mod.DatabaseError(text), "Not made", new_journal=True))
        assert made.endswith(" then try again. No journal was made."), made  # (no 'check')


def test_import_on_a_full_disk_says_so_and_imports_nothing(
    data_dir: Path, tmp_path: Path, small_disk, capsys
):
    from moodlog.domain.demo import build_demo
    from moodlog.report import json_format

    export = tmp_path / "export.json"
    export.write_text(json_format.dumps(build_demo(days=200, end=dt.date(2026, 1, 1))))
    Vault.create(data_dir / "moodlog.db", PASSPHRASE).close()
    small_disk["pages"] = 40
    code, err = run_in_process(
        ["--data-dir", str(data_dir), "import", "json", str(export), "--passphrase-stdin"],
        PASSPHRASE,
        capsys,
    )
    assert code == 1
    assert "Nothing was imported: the disk is full" in err and "unexpected" not in err
    small_disk["pages"] = None
    with Vault.open(data_dir / "moodlog.db", PASSPHRASE) as vault:
        assert vault.entries.count() == 0
        vault.check()


def run_while_another_reads(
    data_dir: Path, monkeypatch, capsys, args: list[str], stdin: str
) -> tuple[int, str]:
    """``moodlog --data-dir DIR ARGS --passphrase-stdin`` while another program holds a
    read transaction on the vault; moodlog waits 0.2 s for the lock, not SQLite's
    default 5 s. Returns the exit code and stderr."""
    monkeypatch.setattr(
        conn_mod,
        "_connect",
        lambda p: sqlcipher3.connect(str(p), isolation_level=None, timeout=0.2),
    )
    reader = reader_holding_a_read_transaction(data_dir / "moodlog.db")
    try:
        return run_in_process(
            ["--data-dir", str(data_dir), *args, "--passphrase-stdin"], stdin, capsys
        )
    finally:
        reader.execute("ROLLBACK")
        reader.close()


def test_import_while_another_program_reads_says_in_use(
    data_dir: Path, tmp_path: Path, monkeypatch, capsys
):
    from moodlog.domain.demo import build_demo
    from moodlog.report import json_format

    export = tmp_path / "export.json"
    export.write_text(json_format.dumps(build_demo(days=30, end=dt.date(2026, 1, 1))))
    Vault.create(data_dir / "moodlog.db", PASSPHRASE).close()
    code, err = run_while_another_reads(
        data_dir, monkeypatch, capsys, ["import", "json", str(export)], PASSPHRASE
    )
    assert code == 1
    assert "Nothing was imported: the vault is in use" in err and "unexpected" not in err
    with Vault.open(data_dir / "moodlog.db", PASSPHRASE) as vault:
        assert vault.entries.count() == 0


def test_passwd_while_another_program_reads_says_in_use(data_dir: Path, monkeypatch, capsys):
    Vault.create(data_dir / "moodlog.db", PASSPHRASE).close()
    code, err = run_while_another_reads(
        data_dir, monkeypatch, capsys, ["passwd"], f"{PASSPHRASE}\nthe new passphrase\n"
    )
    assert code == 1
    assert "in use by another program" in err and "unexpected" not in err
    Vault.open(data_dir / "moodlog.db", PASSPHRASE).close()  # the old one still works


def test_upgrade_copy_cut_short_by_a_full_disk_leaves_no_half_backup(data_dir: Path):
    """Before migrating, moodlog writes an encrypted copy; when the disk fills up
    meanwhile, the open fails with the real reason and no partial copy is left."""
    import resource
    import signal
    import subprocess

    from moodlog.vault.migrations import LATEST_VERSION, MIGRATIONS

    path = data_dir / "moodlog.db"
    older = next(i for i, script in enumerate(MIGRATIONS) if "secure-delete" in script)
    with Vault(path, conn_mod.create_connection(path, PASSPHRASE)) as vault:  # an older format
        vault._migrate(PASSPHRASE, make_backup=False, target_version=older)
        with vault.transaction():
            for day in range(1, 61):
                vault.entries.add(entry("x" * 1500, day=1 + day % 28))
    limit = path.stat().st_size // 2

    def small_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    result = subprocess.run(
        [sys.executable, "-m", "moodlog", "--data-dir", str(data_dir), "check"]
        + ["--passphrase-stdin"],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=small_disk,
    )
    assert result.returncode == 1
    assert "could not be opened" in result.stderr and "unexpected" not in result.stderr
    assert "disk is full" in result.stderr or "disk reported an error" in result.stderr
    assert not list(data_dir.glob("*.bak"))
    with Vault.open(path, PASSPHRASE) as vault:  # with room again it upgrades normally
        assert vault.version == LATEST_VERSION and vault.entries.count() == 60
    assert len(list(data_dir.glob("*.bak"))) == 1


def test_switching_screens_on_a_full_disk_switches_and_keeps_the_text(
    qtbot, data_dir: Path
) -> None:
    """Tired-user review (stop 13): the Today draft could not be kept when leaving the
    screen, and the switch stopped halfway (the menu on Journal, Today still shown) with a
    "Not saved" message nobody had asked for."""
    from tests.gui.helpers import create_vault_through_the_window

    controller = create_vault_through_the_window(qtbot, data_dir)
    text = type_a_long_note(qtbot, controller)
    fill_the_disk(controller.vault)
    window = controller.main_window
    window.show_screen("Journal")
    assert window.stack.currentWidget() is window.screen("Journal")
    window.show_screen("Today")
    assert window.screen("Today").form.note.toPlainText() == text  # still there to save
    controller.ask_discard = lambda reason: True
    controller.lock()


def test_closing_with_a_draft_that_cannot_be_kept_asks_first(qtbot, data_dir: Path) -> None:
    """Tired-user review (stop 13): closing the window threw the text away without a word
    when its draft could not be kept (the Lock asked)."""
    from tests.gui.helpers import create_vault_through_the_window

    controller = create_vault_through_the_window(qtbot, data_dir)
    text = type_a_long_note(qtbot, controller)
    fill_the_disk(controller.vault)
    asked: list[str] = []
    controller.ask_close_discard = lambda reason: asked.append(reason) is not None  # go back
    window = controller.main_window
    assert window.close() is False
    assert asked == ["the disk is full"]
    assert window.isVisible() and window.screen("Today").form.note.toPlainText() == text
    controller.ask_close_discard = lambda reason: asked.append(reason) is None  # close
    assert window.close() is True
    assert asked == ["the disk is full"] * 2
    controller.shutdown()
