"""Each kind of damage gets its own true message and leaves the file byte for byte
as it was; "in use" is never called damage; a hot journal is recovered, not refused."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
import sqlcipher3

from moodlog.vault import connection as conn_mod
from moodlog.vault.errors import VaultBusy, VaultDamaged, VaultInUse, WrongPassphrase
from moodlog.vault.vault import Vault
from tests.conftest import PASSPHRASE, run_cli
from tests.reliability.helpers import child, hold_open, make_vault, sha256

PAGE = 4096


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("pristine") / "moodlog.db"
    make_vault(path)
    return path.read_bytes()


def flipped(data: bytes, offset: int) -> bytes:
    damaged = bytearray(data)
    damaged[offset] ^= 0x5A
    return bytes(damaged)


def damaged_variants(data: bytes) -> dict[str, bytes]:
    pages = len(data) // PAGE
    return {
        "page 1": flipped(data, 100),
        "middle page": flipped(data, pages // 2 * PAGE + 200),
        "last page": flipped(data, (pages - 1) * PAGE + 300),
        "truncated": data[: len(data) // 2 + 1234],
        "truncated at a page boundary": data[: pages // 2 * PAGE],
        "zero-length": b"",
        "random bytes": os.urandom(len(data)),
        "plain SQLite": b"SQLite format 3\x00" + os.urandom(PAGE * 4 - 16),
    }


def open_and_read_everything(path: Path) -> None:
    with Vault.open(path, PASSPHRASE) as vault:
        vault.check()
        vault.entries.between()


EXPECTED = {
    # kind: (exception, words in its message)
    "page 1": (VaultDamaged, "passphrase itself is right"),
    "middle page": (VaultDamaged, "integrity check failed"),
    "last page": (VaultDamaged, "integrity check failed"),
    "truncated": (VaultDamaged, "truncated"),
    "truncated at a page boundary": (VaultDamaged, "cannot be opened"),
    "zero-length": (VaultDamaged, "empty"),
    "random bytes": (WrongPassphrase, "Wrong passphrase"),  # no key tells them apart
    "plain SQLite": (VaultDamaged, "unencrypted SQLite"),
}


@pytest.mark.parametrize("kind", list(EXPECTED))
def test_each_kind_of_damage_has_its_own_message_and_the_file_is_unchanged(
    pristine: bytes, data_dir: Path, kind: str
):
    path = data_dir / "moodlog.db"
    path.write_bytes(damaged_variants(pristine)[kind])
    before = sha256(path)
    error_type, words = EXPECTED[kind]
    with pytest.raises(error_type) as info:
        open_and_read_everything(path)
    assert words in str(info.value)
    if error_type is VaultDamaged:
        assert "Wrong passphrase" not in str(info.value)
    assert sha256(path) == before
    assert not Path(str(path) + "-journal").exists()


def test_damaged_first_page_is_not_called_a_wrong_passphrase_by_the_cli(
    pristine: bytes, data_dir: Path
):
    path = data_dir / "moodlog.db"
    path.write_bytes(flipped(pristine, 100))
    before = sha256(path)
    result = run_cli(["--data-dir", str(data_dir), "check", "--passphrase-stdin"], PASSPHRASE)
    assert result.returncode == 1, result.stderr
    assert "damaged" in result.stderr and "Wrong passphrase" not in result.stderr
    wrong = run_cli(["--data-dir", str(data_dir), "check", "--passphrase-stdin"], "not it at all")
    assert "damaged" in wrong.stderr or "Wrong passphrase" in wrong.stderr
    assert sha256(path) == before


SPILLER = """
import os, sys
from moodlog.vault.vault import Vault
vault = Vault.open(sys.argv[1], sys.argv[2])
vault.conn.execute("PRAGMA cache_size = 2")  # dirty pages reach the file before COMMIT
vault.conn.execute("BEGIN IMMEDIATE")
for _ in range(300):
    vault.conn.execute(
        "INSERT INTO entries (day, time, mood, note, created_at) "
        "VALUES ('2026-01-01', '08:00', 5, ?, '2026-01-01T08:00:00')", ("y" * 3000,)
    )
print("written", flush=True)
os.kill(os.getpid(), 9)
"""


def test_hot_journal_with_a_partial_last_page_is_recovered_by_a_normal_open(data_dir: Path):
    """A crash mid-transaction (or a write cut short by a size limit) leaves the file
    longer and not a whole number of pages, with a hot journal: SQLCipher rolls it
    back on open; moodlog must not refuse it as "truncated" first."""
    path = data_dir / "moodlog.db"
    make_vault(path, days=50, note_length=100)
    process = child(SPILLER, str(path), PASSPHRASE)
    assert process.stdout.readline().strip() == "written"
    assert process.wait(timeout=60) == -signal.SIGKILL
    journal = Path(str(path) + "-journal")
    assert journal.stat().st_size > 0
    with open(path, "r+b") as handle:  # the last write was cut short
        handle.truncate(path.stat().st_size - 1500)
    assert path.stat().st_size % PAGE
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.entries.count() == 50
        assert vault.integrity_problems() == []
    assert path.stat().st_size % PAGE == 0
    assert not journal.exists() or journal.stat().st_size == 0


def test_a_wrong_passphrase_on_a_vault_with_a_hot_journal_is_still_only_wrong(
    data_dir: Path,
):
    """SQLite rolls a hot journal back on the first read whatever the key (the journal
    holds the pages as encrypted on disk): the vault returns to its last commit, the
    person is told the passphrase is wrong, and the right one then opens everything."""
    path = data_dir / "moodlog.db"
    make_vault(path, days=50, note_length=100)
    process = child(SPILLER, str(path), PASSPHRASE)
    process.stdout.readline()
    process.wait(timeout=60)
    with pytest.raises(WrongPassphrase):
        Vault.open(path, "not the passphrase")
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.entries.count() == 50
        assert vault.integrity_problems() == []


def test_vault_open_in_another_process_is_reported_as_in_use_not_damaged(data_dir: Path):
    path = data_dir / "moodlog.db"
    make_vault(path, days=5, note_length=10)
    before = sha256(path)
    holder = hold_open(path)
    try:
        with pytest.raises(VaultInUse) as info:
            Vault.open(path, PASSPHRASE)
        assert "open in another moodlog window or process" in str(info.value)
        result = run_cli(["--data-dir", str(data_dir), "check", "--passphrase-stdin"], PASSPHRASE)
        assert result.returncode == 1
        assert "open in another moodlog" in result.stderr
        assert "damaged" not in result.stderr
    finally:
        holder.send_signal(signal.SIGKILL)  # a crash: the OS lock goes with it
        holder.wait(timeout=30)
    assert sha256(path) == before
    open_and_read_everything(path)  # no stale lock keeps anyone out


def test_vault_locked_by_another_sqlite_program_is_busy_not_damaged(data_dir: Path, monkeypatch):
    """A non-moodlog program holding SQLite's exclusive lock: "in use", not "damaged"."""
    path = data_dir / "moodlog.db"
    make_vault(path, days=5, note_length=10)
    other = conn_mod.open_connection(path, PASSPHRASE)
    other.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(  # wait 0.2 s for the lock, not SQLite's default 5 s
        conn_mod,
        "_connect",
        lambda p: sqlcipher3.connect(str(p), isolation_level=None, timeout=0.2),
    )
    try:
        with pytest.raises(VaultBusy) as info:
            Vault.open(path, PASSPHRASE)
        assert "in use by another moodlog or another program" in str(info.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
    open_and_read_everything(path)


def test_unlock_window_says_in_use(qtbot, data_dir: Path):
    from moodlog.ui.application import AppController
    from tests.gui.helpers import unlock

    path = data_dir / "moodlog.db"
    make_vault(path, days=3, note_length=10)
    holder = hold_open(path)
    try:
        controller = AppController(data_dir)
        controller.start()
        qtbot.addWidget(controller.lock_window)
        unlock(qtbot, controller)
        assert controller.vault is None  # never a second unlocked window
        assert "open in another moodlog" in controller.unlock_page.error_label.text()
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    unlock(qtbot, controller)
    assert controller.vault is not None
    controller.shutdown()


def test_cli_reports_in_use_for_every_command(data_dir: Path):
    path = data_dir / "moodlog.db"
    make_vault(path, days=3, note_length=10)
    holder = hold_open(path)
    try:
        for args, stdin in (
            (["passwd"], f"{PASSPHRASE}\nanother passphrase\n"),
            (["export", "json", "--out", str(data_dir / "x.json")], PASSPHRASE),
            (["demo", "--years", "0.1"], PASSPHRASE),
        ):
            result = run_cli(["--data-dir", str(data_dir), *args, "--passphrase-stdin"], stdin)
            assert result.returncode == 1, (args, result.stderr)
            assert "open in another moodlog" in result.stderr, (args, result.stderr)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert not (data_dir / "x.json").exists()
    Vault.open(path, PASSPHRASE).close()  # the passphrase was not changed


def test_damage_found_after_unlock_leads_to_the_recovery_page(
    qtbot, pristine: bytes, data_dir: Path
):
    """The first page is sound, so the journal unlocks; reading a damaged page later
    must not leave screens that silently show nothing."""
    from moodlog.ui.application import AppController, report_unexpected_error
    from tests.gui.helpers import unlock

    path = data_dir / "moodlog.db"
    path.write_bytes(damaged_variants(pristine)["middle page"])
    before = sha256(path)
    controller = AppController(data_dir)
    controller.start()
    qtbot.addWidget(controller.lock_window)
    with qtbot.capture_exceptions() as caught:  # raised in Qt slots while unlocking
        unlock(qtbot, controller)
        assert controller.vault is not None  # the first page is sound: it unlocks
        if not caught:
            try:
                controller.vault.entries.between()  # what the Journal reads
            except sqlcipher3.DatabaseError as error:
                caught.append((type(error), error, None))
    assert caught and issubclass(caught[0][0], sqlcipher3.DatabaseError)
    report_unexpected_error(*caught[0])  # what the app's error handler is given
    assert controller.vault is None and controller.main_window is None
    page = controller.recovery_page
    assert controller.lock_window.stack.currentWidget() is page
    text = page.text.text()
    assert "cannot be read" in text and str(path) in text and "moodlog check" in text
    assert page.help_button.isVisible() or not controller.lock_window.isVisible()
    page.back_button.click()
    assert controller.lock_window.stack.currentWidget() is controller.unlock_page
    assert sha256(path) == before
