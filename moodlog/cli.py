"""The command line: ``moodlog [--data-dir DIR] SUBCOMMAND [--passphrase-stdin]``.

With no subcommand, moodlog starts the desktop app. Every failure prints one plain
line on stderr and exits non-zero (1: error, 2: usage, 3: wrong passphrase); never
a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
from collections.abc import Callable
from pathlib import Path

from moodlog import __version__
from moodlog.domain.errors import ValidationError
from moodlog.paths import VAULT_FILENAME, ensure_private_dir, resolve_data_dir
from moodlog.vault.errors import VaultError, WrongPassphrase

EXIT_ERROR, EXIT_USAGE, EXIT_WRONG_PASSPHRASE = 1, 2, 3


class CliError(Exception):
    pass


class PassphraseSource:
    """Passphrases from stdin lines (``--passphrase-stdin``) or typed without echo."""

    def __init__(self, from_stdin: bool) -> None:
        self._lines: list[str] | None = None
        if from_stdin:
            self._lines = [line.rstrip("\r\n") for line in sys.stdin.readlines()]

    def get(self, line_number: int, prompt: str, confirm: bool = False) -> str:
        if self._lines is not None:
            if len(self._lines) < line_number or not self._lines[line_number - 1]:
                raise CliError(f"expected a passphrase on line {line_number} of standard input")
            return self._lines[line_number - 1]
        value = getpass.getpass(prompt)
        if confirm and getpass.getpass("Repeat it: ") != value:
            raise CliError("the two passphrases are not the same")
        return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="moodlog",
        description="A private, encrypted mood and treatment journal. "
        "Without a subcommand, starts the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"moodlog {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder holding the vault (default: the user data folder, or $MOODLOG_DATA_DIR)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start the app on a throw-away demo vault (deleted on exit)",
    )
    sub = parser.add_subparsers(dest="command", metavar="SUBCOMMAND")

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_text, description=help_text)
        command.add_argument(
            "--passphrase-stdin",
            action="store_true",
            help="read the passphrase from the first line of standard input",
        )
        return command

    add("init", "create a new vault (refuses to overwrite one)")
    add("check", "verify the passphrase and the file's integrity")
    add("passwd", "change the passphrase (with --passphrase-stdin: new one on line 2)")
    demo = add("demo", "fill an empty vault with synthetic demo data")
    demo.add_argument("--years", type=float, default=1.0, help="years of daily data (default 1)")

    export = sub.add_parser("export", help="export the vault (json, pdf)")
    export_sub = export.add_subparsers(dest="format", metavar="FORMAT", required=True)
    export_json = export_sub.add_parser("json", help="everything, in moodlog's JSON format")
    export_json.add_argument("--out", required=True, metavar="FILE")
    export_json.add_argument("--passphrase-stdin", action="store_true")

    export_pdf = export_sub.add_parser("pdf", help="the summary for your therapist")
    export_pdf.add_argument("--out", required=True, metavar="FILE")
    export_pdf.add_argument(
        "--from",
        dest="first",
        metavar="YYYY-MM-DD",
        help="first day (default: the day of your last appointment)",
    )
    export_pdf.add_argument(
        "--to", dest="last", metavar="YYYY-MM-DD", help="last day (default: today)"
    )
    export_pdf.add_argument(
        "--sections",
        metavar="a,b,...",
        help="sections to include (default: all but journal): "
        "summary, charts, sessions, medications, questionnaires, checkins, "
        "questions, notes, safety_plan, journal",
    )
    export_pdf.add_argument("--patient", default="", help="patient name on page 1 (optional)")
    export_pdf.add_argument("--therapist", default="", help="therapist name (optional)")
    export_pdf.add_argument(
        "--paper", choices=("a4", "letter"), help="paper size (default: from the locale)"
    )
    export_pdf.add_argument("--passphrase-stdin", action="store_true")

    import_ = sub.add_parser("import", help="import a moodlog export into an empty vault")
    import_sub = import_.add_subparsers(dest="format", metavar="FORMAT", required=True)
    import_json = import_sub.add_parser("json", help="a moodlog JSON export")
    import_json.add_argument("file", metavar="FILE")
    import_json.add_argument("--passphrase-stdin", action="store_true")
    return parser


def _vault_path(args: argparse.Namespace) -> Path:
    return resolve_data_dir(args.data_dir) / VAULT_FILENAME


def _open(args: argparse.Namespace, passphrases: PassphraseSource):  # noqa: ANN202
    from moodlog.vault.vault import Vault

    return Vault.open(_vault_path(args), passphrases.get(1, "Passphrase: "))


def cmd_init(args: argparse.Namespace, passphrases: PassphraseSource) -> int:
    from moodlog.vault.connection import check_new_passphrase
    from moodlog.vault.errors import VaultExists
    from moodlog.vault.vault import Vault

    path = _vault_path(args)
    if path.exists():
        raise VaultExists(path)
    passphrase = check_new_passphrase(passphrases.get(1, "New passphrase: ", confirm=True))
    ensure_private_dir(path.parent)
    Vault.create(path, passphrase).close()
    print(f"Created {path}. There is no way to recover a lost passphrase: keep it safe.")
    return 0


def cmd_check(args: argparse.Namespace, passphrases: PassphraseSource) -> int:
    with _open(args, passphrases) as vault:
        vault.check()
        print(
            f"{vault.path}: passphrase correct, integrity ok, "
            f"{vault.entries.count()} entries, format {vault.version}."
        )
    return 0


def cmd_passwd(args: argparse.Namespace, passphrases: PassphraseSource) -> int:
    current = passphrases.get(1, "Current passphrase: ")
    from moodlog.vault.vault import Vault

    with Vault.open(_vault_path(args), current) as vault:
        new = passphrases.get(2, "New passphrase: ", confirm=True)
        vault.change_passphrase(current, new)
    print("Passphrase changed. The old passphrase no longer opens the vault.")
    return 0


def cmd_demo(args: argparse.Namespace, passphrases: PassphraseSource) -> int:
    from moodlog.domain.demo import build_demo
    from moodlog.vault import bulk
    from moodlog.vault.connection import check_new_passphrase
    from moodlog.vault.vault import Vault

    if not 0 < args.years <= 30:
        raise CliError("--years must be more than 0 and at most 30")
    path = _vault_path(args)
    if path.exists():
        vault = _open(args, passphrases)
    else:
        passphrase = check_new_passphrase(passphrases.get(1, "New passphrase: ", confirm=True))
        ensure_private_dir(path.parent)
        vault = Vault.create(path, passphrase)
    with vault:
        if not bulk.is_empty(vault):
            raise CliError(f"{path} already holds data; demo data goes only into an empty vault")
        contents = build_demo(days=max(1, round(args.years * 365)))
        bulk.store(vault, contents)
        print(
            f"Added {len(contents.entries)} entries, {len(contents.treatments)} sessions "
            f"and {len(contents.questionnaires)} questionnaires of demo data to {path}."
        )
    return 0


def _date_arg(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CliError(f"{name} must be a date YYYY-MM-DD (got {value!r})") from None


def pdf_options(args: argparse.Namespace, contents, today: dt.date):  # noqa: ANN001, ANN201
    """Report options from the command line; the dialog's defaults, spelled out."""
    from moodlog.domain.period import Period, since_last_appointment
    from moodlog.preferences import Preferences
    from moodlog.report.pdf import DEFAULT_SECTIONS, ReportOptions, parse_sections

    last = _date_arg(args.last, "--to") or today
    first = _date_arg(args.first, "--from") or since_last_appointment(contents, last).first
    if last < first:
        raise CliError("--to is before --from")
    try:
        sections = parse_sections(args.sections) if args.sections else set(DEFAULT_SECTIONS)
    except ValueError as error:
        raise CliError(str(error)) from None
    page_size = None
    if args.paper:
        from PySide6.QtGui import QPageSize

        page_size = QPageSize(
            QPageSize.PageSizeId.A4 if args.paper == "a4" else QPageSize.PageSizeId.Letter
        )
    country = Preferences.load(resolve_data_dir(args.data_dir)).effective_country()
    return ReportOptions(
        period=Period(first, last),
        sections=sections,
        patient_name=args.patient,
        therapist_name=args.therapist,
        country=country,
        page_size=page_size,
    )


def export_pdf_command(args: argparse.Namespace, passphrases: PassphraseSource) -> int:
    from moodlog.report.pdf import NOT_ENCRYPTED_WARNING, export_pdf
    from moodlog.vault import bulk

    out = Path(args.out)
    if not out.parent.is_dir():
        raise CliError(f"the folder {out.parent} does not exist")
    with _open(args, passphrases) as vault:
        contents = bulk.load(vault)
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:  # the charts need one; no window is shown
        export_pdf_command.app = QApplication(["moodlog", "-platform", "offscreen"])
    now = dt.datetime.now()
    options = pdf_options(args, contents, now.date())
    export_pdf(contents, options, out, now)
    print(f"Saved {out} ({options.period.describe()}). {NOT_ENCRYPTED_WARNING}", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace, passphrases: PassphraseSource) -> int:
    from moodlog.report import json_format
    from moodlog.vault import bulk

    if args.format == "pdf":
        return export_pdf_command(args, passphrases)
    out = Path(args.out)
    if not out.parent.is_dir():
        raise CliError(f"the folder {out.parent} does not exist")
    with _open(args, passphrases) as vault:
        json_format.write_atomically(out, json_format.dumps(bulk.load(vault)))
    print(
        f"Exported to {out}. This file is not encrypted: keep it somewhere private.",
        file=sys.stderr,
    )
    return 0


def cmd_import(args: argparse.Namespace, passphrases: PassphraseSource) -> int:
    from moodlog.report import json_format
    from moodlog.vault import bulk

    contents = json_format.load_file(Path(args.file))
    with _open(args, passphrases) as vault:
        if not bulk.is_empty(vault):
            raise CliError(
                f"{vault.path} already holds data; import into a new, empty vault "
                "(moodlog --data-dir NEW_FOLDER init)"
            )
        bulk.store(vault, contents)
    print(f"Imported {len(contents.entries)} entries from {args.file}.")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, PassphraseSource], int]] = {
    "init": cmd_init,
    "check": cmd_check,
    "passwd": cmd_passwd,
    "demo": cmd_demo,
    "export": cmd_export,
    "import": cmd_import,
}


def run(args: argparse.Namespace) -> int:
    try:
        passphrases = PassphraseSource(getattr(args, "passphrase_stdin", False))
        return COMMANDS[args.command](args, passphrases)
    except WrongPassphrase as error:
        print(f"moodlog: {error}", file=sys.stderr)
        return EXIT_WRONG_PASSPHRASE
    except (VaultError, ValidationError, CliError) as error:
        print(f"moodlog: {error}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as error:
        print(f"moodlog: {error.strerror or error} ({error.filename or ''})", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("moodlog: interrupted; nothing was changed", file=sys.stderr)
        return EXIT_ERROR
    except Exception as error:  # noqa: BLE001 - last resort: one line, no traceback
        # Only the type: an exception's text could carry something the user wrote.
        print(
            f"moodlog: unexpected error ({type(error).__name__}); nothing was changed",
            file=sys.stderr,
        )
        return EXIT_ERROR
