"""The command line contract: moodlog [--data-dir DIR] SUBCOMMAND --passphrase-stdin."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, run_cli


def _one_plain_line(stderr: str) -> None:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr


def test_init_check_passwd_demo_export_import(tmp_path: Path):
    data = tmp_path / "vault"
    result = run_cli(["--data-dir", str(data), "init", "--passphrase-stdin"], PASSPHRASE + "\n")
    assert result.returncode == 0, result.stderr
    assert "no way to recover" in result.stdout
    assert (data / "moodlog.db").stat().st_mode & 0o777 == 0o600
    assert data.stat().st_mode & 0o777 == 0o700

    again = run_cli(["--data-dir", str(data), "init", "--passphrase-stdin"], PASSPHRASE + "\n")
    assert again.returncode == 1
    _one_plain_line(again.stderr)
    assert "already exists" in again.stderr

    demo = run_cli(
        ["--data-dir", str(data), "demo", "--years", "0.3", "--passphrase-stdin"], PASSPHRASE + "\n"
    )
    assert demo.returncode == 0, demo.stderr
    check = run_cli(["--data-dir", str(data), "check", "--passphrase-stdin"], PASSPHRASE + "\n")
    assert check.returncode == 0 and "integrity ok" in check.stdout

    twice = run_cli(["--data-dir", str(data), "demo", "--passphrase-stdin"], PASSPHRASE + "\n")
    assert twice.returncode == 1 and "already holds data" in twice.stderr

    changed = run_cli(
        ["--data-dir", str(data), "passwd", "--passphrase-stdin"],
        f"{PASSPHRASE}\nmy new passphrase\n",
    )
    assert changed.returncode == 0, changed.stderr
    assert "now opens only with the new one" in changed.stdout
    assert "still open with the passphrase" not in changed.stdout  # no backup made yet
    old = run_cli(["--data-dir", str(data), "check", "--passphrase-stdin"], PASSPHRASE + "\n")
    assert old.returncode == 3
    _one_plain_line(old.stderr)
    assert "Wrong passphrase" in old.stderr

    out = tmp_path / "export.json"
    exported = run_cli(
        ["--data-dir", str(data), "export", "json", "--out", str(out), "--passphrase-stdin"],
        "my new passphrase\n",
    )
    assert exported.returncode == 0, exported.stderr
    assert out.stat().st_mode & 0o777 == 0o600
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == "moodlog" and document["entries"]

    other = tmp_path / "other"
    run_cli(["--data-dir", str(other), "init", "--passphrase-stdin"], "other passphrase\n")
    imported = run_cli(
        ["--data-dir", str(other), "import", "json", str(out), "--passphrase-stdin"],
        "other passphrase\n",
    )
    assert imported.returncode == 0, imported.stderr
    counts = {key: len(document[key]) for key in ("entries", "questionnaires", "treatments")}
    # Every kind it brought is named, not only the entries (review finding).
    assert imported.stdout.startswith(
        f"Imported {counts['entries']} entries, {counts['questionnaires']} questionnaires, "
    )
    assert f"{counts['treatments']} sessions or appointments" in imported.stdout
    assert "a safety plan" in imported.stdout and imported.stdout.rstrip().endswith(f"{out}.")
    out2 = tmp_path / "export2.json"
    run_cli(
        ["--data-dir", str(other), "export", "json", "--out", str(out2), "--passphrase-stdin"],
        "other passphrase\n",
    )
    assert out2.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


def test_data_dir_from_environment(tmp_path: Path):
    data = tmp_path / "from-env"
    result = run_cli(
        ["init", "--passphrase-stdin"], PASSPHRASE + "\n", env={"MOODLOG_DATA_DIR": str(data)}
    )
    assert result.returncode == 0, result.stderr
    assert (data / "moodlog.db").exists()


def test_errors_are_one_plain_line(tmp_path: Path):
    data = tmp_path / "vault"
    missing = run_cli(["--data-dir", str(data), "check", "--passphrase-stdin"], "whatever1\n")
    assert missing.returncode == 1
    _one_plain_line(missing.stderr)
    assert "no vault" in missing.stderr.lower()

    short = run_cli(["--data-dir", str(data), "init", "--passphrase-stdin"], "short\n")
    assert short.returncode == 1 and "at least 8" in short.stderr
    no_input = run_cli(["--data-dir", str(data), "init", "--passphrase-stdin"], "")
    assert no_input.returncode == 1
    _one_plain_line(no_input.stderr)

    run_cli(["--data-dir", str(data), "init", "--passphrase-stdin"], PASSPHRASE + "\n")
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"format": "moodlog", "version": 1, "entries": [{"date": "2026-01-01", '
        '"time": "08:00", "mood": 99}]}',
        encoding="utf-8",
    )
    result = run_cli(
        ["--data-dir", str(data), "import", "json", str(bad), "--passphrase-stdin"],
        PASSPHRASE + "\n",
    )
    assert result.returncode == 1
    _one_plain_line(result.stderr)
    assert "entries[1]" in result.stderr and "Mood" in result.stderr
    check = run_cli(["--data-dir", str(data), "check", "--passphrase-stdin"], PASSPHRASE + "\n")
    assert "0 entries" in check.stdout


def test_damaged_file_is_named(tmp_path: Path):
    data = tmp_path / "vault"
    data.mkdir()
    (data / "moodlog.db").write_bytes(b"not a vault at all")
    result = run_cli(["--data-dir", str(data), "check", "--passphrase-stdin"], PASSPHRASE + "\n")
    assert result.returncode == 1
    _one_plain_line(result.stderr)
    assert str(data / "moodlog.db") in result.stderr
    assert (data / "moodlog.db").read_bytes() == b"not a vault at all"


def test_unexpected_errors_are_one_line_without_their_text(monkeypatch, capsys, tmp_path):
    from moodlog import cli

    def explode(args, passphrases):
        raise RuntimeError("the user's secret note ZEBRA-9")

    monkeypatch.setitem(cli.COMMANDS, "check", explode)
    args = cli.build_parser().parse_args(["--data-dir", str(tmp_path), "check"])
    assert cli.run(args) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert err.strip() == "moodlog: unexpected error (RuntimeError); nothing was changed"


def test_a_pdf_period_outside_the_report_days_gets_a_plain_message(tmp_path: Path):
    """Review finding: a period ending 9999-12-31 stopped the export with an overflow
    (the day after it does not exist); the command line says which days it takes."""
    data = tmp_path / "vault"
    created = run_cli(["--data-dir", str(data), "init", "--passphrase-stdin"], PASSPHRASE + "\n")
    assert created.returncode == 0, created.stderr
    out = tmp_path / "summary.pdf"
    today = dt.date.today()
    tomorrow = (today + dt.timedelta(days=1)).isoformat()
    for dates, said in (
        (["--from", "0001-01-01"], "--from must be 1900-01-01 or later"),
        (["--to", "9999-12-31"], f"--to is after today ({today.isoformat()})"),
        # Review finding: a period ending in the future counted its days as days
        # without an entry and stretched the mood trend over them.
        (["--to", tomorrow], f"--to is after today ({today.isoformat()})"),
        (["--from", tomorrow], f"--from is after today ({today.isoformat()})"),
    ):
        result = run_cli(
            ["--data-dir", str(data), "export", "pdf", "--out", str(out), *dates]
            + ["--passphrase-stdin"],
            PASSPHRASE + "\n",
        )
        assert result.returncode != 0
        _one_plain_line(result.stderr)
        assert said in result.stderr
        assert not out.exists()


def test_a_very_easy_passphrase_gets_a_note_not_a_question(tmp_path: Path):
    """Attacker review: init, passwd and backup --separate-passphrase took "12345678"
    without a word; the app asks about it. The command line notes it on stderr (it may
    be scripted: never a question) and goes on."""
    data = tmp_path / "vault"
    easy = run_cli(["--data-dir", str(data), "init", "--passphrase-stdin"], "12345678\n")
    assert easy.returncode == 0 and "among the first anyone would try" in easy.stderr
    changed = run_cli(
        ["--data-dir", str(data), "passwd", "--passphrase-stdin"], "12345678\npassword123\n"
    )
    assert changed.returncode == 0 and "among the first anyone would try" in changed.stderr
    out = tmp_path / "b.db"
    separate = run_cli(
        [
            "--data-dir",
            str(data),
            "backup",
            "--out",
            str(out),
            "--separate-passphrase",
            "--passphrase-stdin",
        ],
        "password123\nqwertyuiop\n",
    )
    assert separate.returncode == 0, separate.stderr
    assert "among the first anyone would try" in separate.stderr
    strong = run_cli(
        ["--data-dir", str(tmp_path / "v2"), "init", "--passphrase-stdin"], PASSPHRASE + "\n"
    )
    assert strong.returncode == 0 and "among the first" not in strong.stderr


def test_backup_out_never_replaces_a_file_of_a_journal(tmp_path: Path):
    """Review finding: `backup --out OTHER/moodlog.db` wrote over another journal's vault
    (its passphrase then failed, its entries were gone) and `--out DATA/preferences.json`
    over this journal's preferences (the crisis-line country with them)."""
    mine, other = tmp_path / "mine", tmp_path / "other"
    for folder in (mine, other):
        made = run_cli(["--data-dir", str(folder), "init", "--passphrase-stdin"], PASSPHRASE + "\n")
        assert made.returncode == 0, made.stderr
    (mine / "preferences.json").write_text('{"country": "GB"}', encoding="utf-8")
    (mine / "window.ini").write_text("[main_window]\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in (other / "moodlog.db", mine / "preferences.json")}
    for target in (other / "moodlog.db", mine / "preferences.json", mine / "window.ini"):
        refused = run_cli(
            ["--data-dir", str(mine), "backup", "--out", str(target), "--passphrase-stdin"],
            PASSPHRASE + "\n",
        )
        assert refused.returncode != 0, target
        _one_plain_line(refused.stderr)
        assert "is a file of a journal" in refused.stderr
    assert {p: p.read_bytes() for p in before} == before
    opened = run_cli(["--data-dir", str(other), "check", "--passphrase-stdin"], PASSPHRASE + "\n")
    assert opened.returncode == 0, opened.stderr

    # A file named as moodlog names backups may be replaced by a newer backup.
    first = run_cli(
        ["--data-dir", str(mine), "backup", "--out", str(tmp_path), "--passphrase-stdin"],
        PASSPHRASE + "\n",
    )
    assert first.returncode == 0, first.stderr
    (named,) = tmp_path.glob("moodlog-backup-*")
    again = run_cli(
        ["--data-dir", str(mine), "backup", "--out", str(named), "--passphrase-stdin"],
        PASSPHRASE + "\n",
    )
    assert again.returncode == 0, again.stderr


@pytest.mark.parametrize(
    "command", [["export", "pdf"], ["export", "json"], ["export", "csv"], ["backup"]]
)
def test_an_empty_out_is_refused(tmp_path: Path, command: list[str]):
    """Review finding: ``--out ""`` meant the current folder ("device or resource busy"
    for a PDF; CSV files and a backup dropped wherever the command ran)."""
    data = tmp_path / "vault"
    run_cli(["--data-dir", str(data), "init", "--passphrase-stdin"], PASSPHRASE + "\n")
    before = set(Path.cwd().iterdir())
    done = run_cli(
        ["--data-dir", str(data), *command, "--out", "", "--passphrase-stdin"], PASSPHRASE + "\n"
    )
    assert done.returncode == 2
    assert "argument --out: it is empty; name a file or folder" in done.stderr
    assert set(Path.cwd().iterdir()) == before


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("20261101", "--from must be a date YYYY-MM-DD (got '20261101')"),
        ("2026-W44-1", "--from must be a date YYYY-MM-DD"),
        ("2026-02-29", "--from 2026-02-29 is not a day of the calendar"),
    ],
)
def test_period_dates_are_exactly_yyyy_mm_dd_and_real_days(tmp_path: Path, value, message):
    """Time-and-dates review: "20261101" was read as a date although the message and the
    JSON rules say YYYY-MM-DD, and 2026-02-29 was said to be badly written."""
    data = tmp_path / "vault"
    run_cli(["--data-dir", str(data), "init", "--passphrase-stdin"], PASSPHRASE + "\n")
    done = run_cli(
        [
            *("--data-dir", str(data), "export", "pdf", "--out", str(tmp_path / "s.pdf")),
            *("--from", value, "--passphrase-stdin"),
        ],
        PASSPHRASE + "\n",
    )
    assert done.returncode != 0 and message in done.stderr
    _one_plain_line(done.stderr)
    assert not (tmp_path / "s.pdf").exists()


def test_a_long_sentence_is_a_passphrase_like_any_other(tmp_path: Path):
    """Contracts review: zxcvbn 4.5 refuses text over 72 characters, and every
    passphrase longer than that (the advice itself suggests a few unrelated words) ended
    in "unexpected error" for init, passwd and a backup's own passphrase."""
    data = tmp_path / "vault"
    long = "the quiet river runs past the old mill every morning before the sun is up, ok"
    longer = long + " and again at night when the owls call over the frozen fields of home"
    assert len(long) > 72 and len(longer) > 140
    made = run_cli(["--data-dir", str(data), "init", "--passphrase-stdin"], long + "\n")
    assert made.returncode == 0, made.stderr
    changed = run_cli(
        ["--data-dir", str(data), "passwd", "--passphrase-stdin"], f"{long}\n{longer}\n"
    )
    assert changed.returncode == 0, changed.stderr
    check = run_cli(["--data-dir", str(data), "check", "--passphrase-stdin"], longer + "\n")
    assert check.returncode == 0 and "integrity ok" in check.stdout


def test_without_a_terminal_or_standard_input_the_passphrase_is_asked_for_plainly(tmp_path: Path):
    """Contracts review: no terminal and no --passphrase-stdin printed getpass's warning
    (with its file's path) and then "unexpected error (EOFError)"; a closed standard
    input with --passphrase-stdin gave "unexpected error (AttributeError)"."""
    import os
    import subprocess
    import sys

    data = tmp_path / "vault"
    made = run_cli(["--data-dir", str(data), "init", "--passphrase-stdin"], PASSPHRASE)
    assert made.returncode == 0

    def run(args: list[str], **kwargs) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "moodlog", "--data-dir", str(data), *args],
            capture_output=True,
            text=True,
            timeout=120,
            start_new_session=True,  # no controlling terminal, as from a service or cron
            env=os.environ,
            **kwargs,
        )

    no_terminal = run(["check"], stdin=subprocess.DEVNULL)
    assert no_terminal.returncode == 1
    assert no_terminal.stderr.strip() == (
        "moodlog: there is no terminal to type the passphrase in; send it on standard "
        "input with --passphrase-stdin"
    )
    closed = run(["check", "--passphrase-stdin"], preexec_fn=lambda: os.close(0))
    assert closed.returncode == 1
    assert closed.stderr.strip() == (
        "moodlog: --passphrase-stdin: standard input is closed; send the passphrase"
    )


def test_passphrase_stdin_in_a_terminal_asks_without_showing_it(tmp_path: Path):
    """Contracts review: typed in a terminal, the passphrase was shown, and nothing
    happened until Ctrl-D. It is asked for without echo there now."""
    import os
    import pty
    import subprocess
    import sys
    import time

    data = tmp_path / "vault"
    made = run_cli(["--data-dir", str(data), "init", "--passphrase-stdin"], PASSPHRASE)
    assert made.returncode == 0
    main, terminal = pty.openpty()
    child = subprocess.Popen(
        [sys.executable, "-m", "moodlog", "--data-dir", str(data), "check", "--passphrase-stdin"],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        start_new_session=True,
        env=os.environ,
    )
    os.close(terminal)
    seen = b""
    os.set_blocking(main, False)
    deadline = time.monotonic() + 60

    def read() -> bytes:
        try:
            return os.read(main, 4096)
        except (BlockingIOError, OSError):  # nothing yet, or the child closed it
            time.sleep(0.02)
            return b""

    try:
        while b"Passphrase" not in seen and time.monotonic() < deadline:
            seen += read()
        os.write(main, PASSPHRASE.encode() + b"\n")
        while child.poll() is None and time.monotonic() < deadline:
            seen += read()
        seen += read()
    finally:
        child.kill()  # (the old code waited for Ctrl-D: never hang the suite)
        child.wait(timeout=60)
        os.close(main)
    assert child.returncode == 0, seen
    assert b"integrity ok" in seen and PASSPHRASE.encode() not in seen  # never echoed


def test_demo_is_never_combined_with_a_command_on_the_real_journal(tmp_path: Path):
    """Contracts review: ``moodlog --demo check`` ran the check on the person's real
    journal, the demo flag silently dropped."""
    result = run_cli(["--data-dir", str(tmp_path / "real"), "--demo", "check"], PASSPHRASE)
    assert result.returncode == 2
    assert "--demo starts the app on a throw-away journal; not with a subcommand" in result.stderr
    assert not (tmp_path / "real").exists()


def test_without_a_desktop_session_the_app_says_so_and_leaves_nothing(tmp_path: Path):
    """Contracts review: over ssh, ``moodlog --demo`` aborted with Qt's "Reinstalling
    the application may fix this problem" (exit 134) and left an empty demo folder."""
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="", XDG_RUNTIME_DIR=str(tmp_path), TMPDIR=str(tmp_path))
    import subprocess
    import sys

    for args in (["--demo"], ["--data-dir", str(tmp_path / "real")]):
        result = subprocess.run(
            [sys.executable, "-m", "moodlog", *args],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )
        assert result.returncode == 2, result.stderr
        assert result.stderr.startswith("moodlog: no desktop session to show a window in")
        assert "Reinstalling" not in result.stderr
    assert list(tmp_path.iterdir()) == []  # no demo folder, no data folder


def test_a_data_folder_that_is_a_file_and_an_export_to_a_folder_are_said_plainly(
    tmp_path: Path,
):
    """Contracts review: ``--data-dir FILE`` said "There is no vault at FILE/moodlog.db",
    and ``export json --out FOLDER`` "not saved: is a directory"."""
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    result = run_cli(["--data-dir", str(a_file), "check", "--passphrase-stdin"], PASSPHRASE)
    assert result.returncode == 1
    assert f"the data folder {a_file} is a file, not a folder" in result.stderr
    data = tmp_path / "vault"
    run_cli(["--data-dir", str(data), "init", "--passphrase-stdin"], PASSPHRASE)
    folder = tmp_path / "out"
    folder.mkdir()
    export = run_cli(
        ["--data-dir", str(data), "export", "json", "--out", str(folder), "--passphrase-stdin"],
        PASSPHRASE,
    )
    assert export.returncode == 1 and "that is a folder; name a file in it" in export.stderr
    assert list(folder.iterdir()) == []
