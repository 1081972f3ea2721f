"""A marker typed into a note is, after import, backups (both passphrases), restore and the
CSV / FHIR / JSON exports, in no file but the exports the person chose to write (and the
file they imported from); no temp file is left; modes are private (review of issue 13)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from tests.conftest import run_cli

MARKER = "MARKERq7Z9xv"
TAG_MARKER = "TAGMARKERk3W"
PASSPHRASE = 'it\'s a "quoted" caf\u00e9 \U0001f600'
SEPARATE = "another 'one' \U0001f511"


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_marker_is_only_in_the_plaintext_files_the_person_chose(tmp_path: Path):
    tree = tmp_path / "tree"
    home, temp, usb = tree / "home", tree / "tmp", tree / "usb"
    for folder in (home, temp, usb):
        folder.mkdir(parents=True)
    usb.chmod(0o755)  # a folder that existed, with the usual permissions
    env = {
        "HOME": str(home),
        "TMPDIR": str(temp),
        "XDG_CONFIG_HOME": str(tree / "config"),
        "XDG_DATA_HOME": str(tree / "data"),
        "XDG_CACHE_HOME": str(tree / "cache"),
        "XDG_STATE_HOME": str(tree / "state"),
        "MOODLOG_DATA_DIR": str(tree / "vault"),
    }
    line = PASSPHRASE + "\n"

    def cli(*args: str, stdin: str) -> str:
        result = run_cli(list(args), stdin, env)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        return result.stdout

    cli("init", "--passphrase-stdin", stdin=line * 2)
    source = home / "daylio.csv"
    source.write_text(
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        f"2026-01-05,x,Mon,10:00,good,{TAG_MARKER},,secret {MARKER} note\n",
        encoding="utf-8",
    )
    assert "nothing was changed" in cli(
        "import", "daylio", str(source), "--preview", "--passphrase-stdin", stdin=line
    )
    cli("import", "daylio", str(source), "--passphrase-stdin", stdin=line)
    cli("backup", "--out", str(usb), "--passphrase-stdin", stdin=line)
    first_backups = set(usb.iterdir())
    cli(
        "backup",
        "--out",
        str(usb),
        "--separate-passphrase",
        "--passphrase-stdin",
        stdin=line + f"{SEPARATE}\n",
    )
    # The second backup (named "-2" only when both came in the same second).
    (separate,) = set(usb.iterdir()) - first_backups
    assert len(list(usb.iterdir())) == 2
    # NFD spelling of the separate passphrase: the same passphrase to a person.
    nfd = unicodedata.normalize("NFD", SEPARATE)
    cli("restore", str(separate), "--passphrase-stdin", stdin=f"{line}{nfd}\n")
    line = SEPARATE + "\n"  # the restored journal opens with the backup's passphrase
    csv_folder = home / "csv"
    cli("export", "csv", "--out", str(csv_folder), "--passphrase-stdin", stdin=line)
    cli("export", "fhir", "--out", str(home / "bundle.json"), "--passphrase-stdin", stdin=line)
    cli("export", "json", "--out", str(home / "all.json"), "--passphrase-stdin", stdin=line)

    chosen = {source, csv_folder / "entries.csv", home / "all.json"}
    holding = set()
    for path in tree.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if MARKER.encode() in data or TAG_MARKER.encode() in data:
                holding.add(path)
    assert holding == chosen  # not the vault, the backups, the kept vault, FHIR, temp
    assert list(temp.iterdir()) == []
    assert [p.name for p in usb.iterdir() if not p.name.endswith(".db")] == []

    vault_dir = tree / "vault"
    assert _mode(vault_dir) == 0o700
    for path in vault_dir.iterdir():
        assert _mode(path) == 0o600, path
    for path in usb.iterdir():
        assert _mode(path) == 0o600, path
    assert _mode(csv_folder) == 0o700
    for path in [*csv_folder.iterdir(), home / "bundle.json", home / "all.json"]:
        assert _mode(path) == 0o600, path
    assert len(list(vault_dir.glob("moodlog.db.before-restore-*.bak"))) == 1
