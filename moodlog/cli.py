"""The command line: ``moodlog [--data-dir DIR] SUBCOMMAND [--passphrase-stdin]``.

With no subcommand, moodlog starts the desktop app. Every failure prints one plain
line on stderr and exits non-zero (1: error, 2: usage, 3: wrong passphrase); never
a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from moodlog import __version__
from moodlog.domain.errors import ValidationError
from moodlog.paths import VAULT_FILENAME, ensure_private_dir, resolve_data_dir, write_export
from moodlog.vault.errors import StorageProblem, VaultError, WrongPassphrase, os_reason
from moodlog.wording import count_text, has_have

if TYPE_CHECKING:
    from moodlog.domain.contents import VaultContents

EXIT_ERROR, EXIT_USAGE, EXIT_WRONG_PASSPHRASE = 1, 2, 3


class CliError(Exception):
    pass


class PassphraseSource:
    """Passphrases from stdin lines (``--passphrase-stdin``) or typed without echo."""

    def __init__(self, from_stdin: bool) -> None:
        self._lines: list[bytes | str] | None = None
        if from_stdin and sys.stdin is None:  # (contracts review: AttributeError)
            raise CliError("--passphrase-stdin: standard input is closed; send the passphrase")
        if from_stdin and not sys.stdin.isatty():  # (as bytes: decoded strictly, line by
            stdin = getattr(sys.stdin, "buffer", sys.stdin)  # line, when asked for)
            self._lines = [
                line.rstrip(b"\r\n" if isinstance(line, bytes) else "\r\n")
                for line in stdin.readlines()
            ]

    def get(self, line_number: int, prompt: str, confirm: bool = False) -> str:
        if self._lines is not None:
            if len(self._lines) < line_number or not self._lines[line_number - 1]:
                raise CliError(f"expected a passphrase on line {line_number} of standard input")
            line = self._lines[line_number - 1]
            if isinstance(line, str):
                return line
            try:
                return line.decode("utf-8")
            except UnicodeDecodeError:
                # (review finding: "unexpected error (UnicodeEncodeError)")
                raise CliError(
                    f"the passphrase on line {line_number} of standard input is not UTF-8 "
                    "text; send it as UTF-8"
                ) from None
        # Typed, never shown: also with --passphrase-stdin in a terminal (contracts review:
        # the passphrase was echoed there, then nothing happened until Ctrl-D).
        value = _typed(prompt)
        if confirm and _typed("Repeat it: ") != value:
            raise CliError("the two passphrases are not the same")
        return value


def _typed(prompt: str) -> str:
    """A passphrase typed in the terminal without echo; a plain error where there is no
    terminal (contracts review: getpass's warning with its file's path, then "unexpected
    error (EOFError)" when started from a script without --passphrase-stdin)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", getpass.GetPassWarning)
        try:
            return getpass.getpass(prompt)
        except getpass.GetPassWarning:
            raise CliError(
                "there is no terminal to type the passphrase in; send it on standard input "
                "with --passphrase-stdin"
            ) from None
        except EOFError:
            raise CliError("no passphrase was typed") from None


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
    add_backup_parsers(add)
    add_insights_parser(add)

    export = sub.add_parser("export", help="export the vault (json, pdf)")
    export_sub = export.add_subparsers(dest="format", metavar="FORMAT", required=True)
    export_json = export_sub.add_parser("json", help="everything, in moodlog's JSON format")
    export_json.add_argument("--out", required=True, metavar="FILE", type=out_path)
    export_json.add_argument("--passphrase-stdin", action="store_true")

    export_pdf = export_sub.add_parser("pdf", help="the summary for your therapist")
    export_pdf.add_argument("--out", required=True, metavar="FILE", type=out_path)
    export_pdf.add_argument(
        "--from",
        dest="first",
        metavar="YYYY-MM-DD",
        help="first day (default: the day of your last appointment, at least 30 days back)",
    )
    export_pdf.add_argument(
        "--to", dest="last", metavar="YYYY-MM-DD", help="last day (default: today)"
    )
    export_pdf.add_argument(
        "--sections",
        metavar="a,b,...",
        help="sections to include (default: all but journal): "
        "summary, charts, sessions, medications, questionnaires, checkins, "
        "questions, notes (therapy notes and what you wrote about each session: "
        "intention, how you felt afterwards, notes, integration), safety_plan, journal",
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
    add_interchange_parsers(export_sub, import_sub)
    return parser


def _vault_path(args: argparse.Namespace) -> Path:
    folder = resolve_data_dir(args.data_dir)
    if folder.is_file():  # (contracts review: "There is no vault at FILE/moodlog.db")
        raise CliError(f"the data folder {folder} is a file, not a folder")
    return folder / VAULT_FILENAME


# How long a command waits, as it ends, for the sweep of the folders exports went to: a
# folder on a network share or an unplugged drive can hold it up for seconds.
EXPORT_SWEEP_WAIT_SECONDS = 1.0


@contextlib.contextmanager
def _open(args: argparse.Namespace, passphrases: PassphraseSource):  # noqa: ANN202
    """The journal, open for a command (closed after it). What killed exports left in
    the folders exports went to is removed meanwhile, in the background, as at an unlock
    of the app (``moodlog.vault.export_folders``)."""
    from moodlog.vault import export_folders

    with _opened(_vault_path(args), passphrases.get(1, "Passphrase: ")) as vault:
        sweep = export_folders.start_sweep(vault)
        yield vault
        if sweep is not None:
            sweep.finish(EXPORT_SWEEP_WAIT_SECONDS)


def _opened(path: Path, passphrase: str):  # noqa: ANN202
    """``Vault.open``, with a note on stderr for a file set aside beside the journal."""
    from moodlog.vault.connection import set_aside_notice
    from moodlog.vault.vault import Vault

    vault = Vault.open(path, passphrase)
    for kept in vault.set_aside:
        print(f"moodlog: note: {set_aside_notice(kept)}", file=sys.stderr)
    return vault


VERY_EASY_NOTE = (
    "moodlog: note: this passphrase is among the first anyone would try; a few unrelated "
    "words are much safer and still easy to remember."
)


def new_passphrase(text: str) -> str:
    """A passphrase being chosen: validated, and a note on stderr (never a question: the
    command may be scripted) when zxcvbn scores it 0, as the app asks (attacker review:
    "12345678" was taken without a word)."""
    from moodlog.strength import very_easy
    from moodlog.vault.connection import check_new_passphrase

    chosen = check_new_passphrase(text)
    if very_easy(chosen):
        print(VERY_EASY_NOTE, file=sys.stderr)
    return chosen


def cmd_init(args: argparse.Namespace, passphrases: PassphraseSource) -> int:
    from moodlog.vault.errors import VaultExists
    from moodlog.vault.vault import Vault

    path = _vault_path(args)
    if path.exists():
        raise VaultExists(path)
    passphrase = new_passphrase(passphrases.get(1, "New passphrase: ", confirm=True))
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
    with _opened(_vault_path(args), current) as vault:
        new = passphrases.get(2, "New passphrase: ", confirm=True)
        from moodlog.vault.connection import normalise_passphrase

        if normalise_passphrase(new) != normalise_passphrase(current):
            new = new_passphrase(new)  # (its "very easy" note only for a new one)
        else:
            # (review finding: it said the old one no longer opened the vault; the same
            # words typed another way, é as e + accent, are the same passphrase)
            print("The new passphrase is the same as the current one: nothing changed.")
            return 0
        vault.change_passphrase(current, new)
    print("Passphrase changed: the journal now opens only with the new one.")
    from moodlog.preferences import Preferences
    from moodlog.vault.backup import copies_keeping_their_passphrase, folder_for

    data_dir = resolve_data_dir(args.data_dir)
    folder = folder_for(Preferences.load(data_dir).backup_folder, data_dir)
    advice = "If someone may know the old passphrase, make a new backup and delete the older ones."
    found = copies_keeping_their_passphrase(_vault_path(args), folder)
    if found is None:  # (a drive not plugged in: its backups are there all the same)
        print(
            "Any backups made before now still open with the passphrase they were made with; "
            f"the backup folder ({folder}) cannot be read now, so they were not counted. " + advice
        )
        return 0
    backups, kept = found
    if backups or kept:
        print(
            f"Backups made before now still open with the passphrase they were made "
            f"with ({backups} in {folder}, {kept} kept beside the journal). " + advice
        )
    return 0


def cmd_demo(args: argparse.Namespace, passphrases: PassphraseSource) -> int:
    from moodlog.domain.demo import build_demo
    from moodlog.vault import bulk
    from moodlog.vault.vault import Vault

    if not 0 < args.years <= 30:
        raise CliError("--years must be more than 0 and at most 30")
    path = _vault_path(args)
    if path.exists():
        opened = _open(args, passphrases)
    else:
        passphrase = new_passphrase(passphrases.get(1, "New passphrase: ", confirm=True))
        ensure_private_dir(path.parent)
        opened = Vault.create(path, passphrase)
    with opened as vault:
        if not bulk.is_empty(vault):
            raise CliError(f"{path} already holds data; demo data goes only into an empty vault")
        contents = build_demo(days=max(1, round(args.years * 365)))
        # Checked again inside the write transaction: another run may have filled it.
        bulk.store_into_empty(
            vault, contents, f"{path} already holds data; demo data goes only into an empty vault"
        )
        print(
            f"Added {len(contents.entries)} entries, {len(contents.treatments)} sessions "
            f"and {len(contents.questionnaires)} questionnaires of demo data to {path}."
        )
    return 0


def _date_arg(value: str | None, name: str) -> dt.date | None:
    """A date written exactly YYYY-MM-DD, as the message and the JSON rules say (Python
    also reads "20261101"); a real calendar day, named as such when it is not one
    ("2026-02-29": 2026 has no 29 February)."""
    if value is None:
        return None
    import re

    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):  # (ASCII digits only)
        raise CliError(f"{name} must be a date YYYY-MM-DD (got {value!r})")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CliError(f"{name} {value} is not a day of the calendar") from None


def pdf_options(args: argparse.Namespace, contents, today: dt.date):  # noqa: ANN001, ANN201
    """Report options from the command line; the dialog's defaults, spelled out."""
    from moodlog.domain.period import Period, since_last_appointment
    from moodlog.preferences import Preferences
    from moodlog.report.pdf import (
        DEFAULT_SECTIONS,
        FIRST_REPORT_DAY,
        ReportOptions,
        parse_sections,
    )

    last = _date_arg(args.last, "--to") or today
    first = _date_arg(args.first, "--from") or since_last_appointment(contents, last).first
    # A summary covers days that have happened (review finding: a period ending in the
    # future counted its days as days without an entry and stretched the mood trend).
    for day, name in ((last, "--to"), (first, "--from")):
        if day > today:
            raise CliError(
                f"{name} is after today ({today.isoformat()}): a summary covers days up to today"
            )
    if last < first:
        raise CliError("--to is before --from")
    if first < FIRST_REPORT_DAY:
        raise CliError(f"--from must be {FIRST_REPORT_DAY.isoformat()} or later")
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
    from moodlog.domain.contents import VaultContents
    from moodlog.report.pdf import NOT_ENCRYPTED_WARNING, build_report, load_for_report, write_pdf
    from moodlog.vault import export_folders

    out = Path(args.out)
    if not out.parent.is_dir():
        raise CliError(f"the folder {out.parent} does not exist")
    now = dt.datetime.now()
    with _open(args, passphrases) as vault:
        export_folders.remember(vault, out)  # before its temp file is made
        appointments = VaultContents(
            session_notes=vault.session_notes.all(), treatments=vault.treatments.all()
        )
        options = pdf_options(args, appointments, now.date())
        contents = load_for_report(vault, options, now)  # only what the report reads
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:  # the charts need one; no window is shown
        export_pdf_command.app = QApplication(["moodlog", "-platform", "offscreen"])
    from moodlog import i18n

    # The PDF in the system's language when moodlog has that translation, else English
    # (with English dates: i18n.choose_formatting_locale).
    export_pdf_command.translator = i18n.install_shipped_translation(QApplication.instance())
    from moodlog.report.pdf_writer import PdfNotWritten, check_pdf_written

    try:
        report = build_report(contents, options, now)
        del contents  # the report holds what it prints: less held while it is laid out
        write_pdf(report, out)
        check_pdf_written(out)
    except PdfNotWritten as error:
        raise CliError(str(error)) from None
    print(f"Saved {out} ({options.period.describe()}). {NOT_ENCRYPTED_WARNING}", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace, passphrases: PassphraseSource) -> int:
    from moodlog.report import json_format
    from moodlog.vault import bulk, export_folders

    if args.format == "pdf":
        return export_pdf_command(args, passphrases)
    if args.format in ("csv", "fhir"):
        return interchange_export(args, passphrases)
    out = Path(args.out)
    if not out.parent.is_dir():
        raise CliError(f"the folder {out.parent} does not exist")
    with _open(args, passphrases) as vault:
        text = json_format.dumps(bulk.load(vault))
        export_folders.remember(vault, out)  # before its temp file is made
    try:
        write_export(out, text)
    except OSError as error:
        raise CliError(f"the export was not saved: {os_reason(error)}") from None
    print(
        f"Exported to {out}. This file is not encrypted: keep it somewhere private.",
        file=sys.stderr,
    )
    return 0


def cmd_import(args: argparse.Namespace, passphrases: PassphraseSource) -> int:
    from moodlog.report import json_format
    from moodlog.vault import bulk

    if args.format != "json":
        return interchange_import(args, passphrases)
    contents = json_format.load_file(Path(args.file))
    with _open(args, passphrases) as vault:
        # Decided inside the write transaction, so two imports at once cannot both
        # find the vault empty.
        try:
            bulk.store_into_empty(
                vault,
                contents,
                f"{vault.path} already holds data; import into a new, empty vault "
                "(moodlog --data-dir NEW_FOLDER init)",
                checked=True,  # load_file validated every record
            )
        except StorageProblem as error:
            raise type(error)("Nothing was imported") from None
    print(f"Imported {imported_text(contents)} from {args.file}.")
    return 0


def imported_text(contents: VaultContents) -> str:
    """ "17 entries, 2 questionnaires, 6 sessions and a safety plan (2 versions)": every
    kind a JSON import brought, not only the entries (review finding)."""
    parts = [count_text(len(contents.entries), "entry", "entries")]
    for records, singular, plural in (
        (contents.questionnaires, "questionnaire", None),
        (contents.checkins, "self-check", None),
        (contents.treatments, "session or appointment", "sessions or appointments"),
        (contents.medications, "medication", None),
        (contents.session_notes, "therapy note", None),
        (contents.questions, "question", None),
    ):
        if records:
            parts.append(count_text(len(records), singular, plural))
    if contents.safety_plan is not None:
        versions = len(contents.safety_plan_versions) + 1
        parts.append("a safety plan" + (f" ({versions} versions)" if versions > 1 else ""))
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


# -- CSV and FHIR exports, imports from other apps (issue 13) -------------------------


def add_interchange_parsers(export_sub, import_sub) -> None:  # noqa: ANN001
    """``export csv|fhir`` and ``import daylio|emoods|csv``."""
    for name, help_text, out in (
        ("csv", "one CSV file per kind of record, for spreadsheets", "DIR"),
        ("fhir", "a FHIR R4 bundle for your clinic's records", "FILE"),
    ):
        command = export_sub.add_parser(name, help=help_text, description=help_text)
        command.add_argument("--out", required=True, metavar=out, type=out_path)
        command.add_argument("--from", dest="first", metavar="YYYY-MM-DD", help="first day")
        command.add_argument("--to", dest="last", metavar="YYYY-MM-DD", help="last day")
        command.add_argument(
            "--include-checkins",
            action="store_true",
            help="also export your self-check answers (left out unless you ask)",
        )
        command.add_argument("--passphrase-stdin", action="store_true")
    for name, help_text, map_help in (
        (
            "daylio",
            "add entries from a Daylio CSV export",
            "mood values, e.g. rad=9,good=7,ecstatic=10 (defaults: awful 1, bad 3, meh 5, "
            "good 7, rad 9; your own mood names need one)",
        ),
        ("emoods", "add entries from an eMoods CSV export", None),
        (
            "csv",
            "add entries from any CSV file with a header row",
            "field=column title, e.g. date=Day,mood=Mood,note=Notes (fields: date, time, "
            "mood, anxiety, energy, irritability, sleep_hours, sleep_quality, note, tags)",
        ),
    ):
        command = import_sub.add_parser(name, help=help_text, description=help_text)
        command.add_argument("file", metavar="FILE")
        if map_help:
            command.add_argument("--map", required=name == "csv", metavar="A=B,...", help=map_help)
        command.add_argument(
            "--preview", action="store_true", help="only show what would be imported"
        )
        command.add_argument("--passphrase-stdin", action="store_true")


def _interchange_period(args: argparse.Namespace):  # noqa: ANN202
    from moodlog.domain.period import Period

    first, last = _date_arg(args.first, "--from"), _date_arg(args.last, "--to")
    if first is None and last is None:
        return None
    first, last = first or dt.date.min, last or dt.date.max
    if last < first:
        raise CliError("--to is before --from")
    return Period(first, last)


def interchange_export(args: argparse.Namespace, passphrases: PassphraseSource) -> int:
    from moodlog.report import csv_export, fhir
    from moodlog.vault import bulk, export_folders

    out = Path(args.out)
    if not out.parent.is_dir():
        raise CliError(f"the folder {out.parent} does not exist")
    if args.format == "csv" and out.exists() and not out.is_dir():
        raise CliError(f"{out} is a file; --out needs a folder for the CSV files")
    period = _interchange_period(args)
    with _open(args, passphrases) as vault:
        contents = bulk.load(vault)
        # (before a temp file is made: the CSV files' folder, or the FHIR file's)
        export_folders.remember(vault, out, into_folder=args.format == "csv")
    if args.format == "csv":
        try:
            written = csv_export.export_csv(contents, out, period, args.include_checkins)
        except OSError as error:
            raise CliError(f"the CSV files were not saved: {os_reason(error)}") from None
        print(f"Saved {', '.join(p.name for p in written)} in {out}.")
        print(csv_export.NOT_ENCRYPTED_WARNING, file=sys.stderr)
    else:
        try:
            bundle = fhir.export_fhir(contents, out, period, args.include_checkins)
        except OSError as error:
            raise CliError(f"the FHIR file was not saved: {os_reason(error)}") from None
        print(f"Saved {out} (FHIR R4 bundle, {len(bundle['entry'])} resources).")
        print(
            "This file is not encrypted: keep it private and delete it once the clinic has it.",
            file=sys.stderr,
        )
    return 0


def interchange_import(args: argparse.Namespace, passphrases: PassphraseSource) -> int:
    from moodlog.importers import common, daylio, emoods, generic

    path = Path(args.file)
    overrides = common.parse_mapping(args.map) if getattr(args, "map", None) else {}
    if args.format == "daylio":
        table = daylio.read(path)
        mapping = daylio.mapping_from_text(daylio.mood_labels(table), overrides)

        def make_plan(vault):  # noqa: ANN001, ANN202
            return daylio.plan(table, mapping, vault)

    elif args.format == "emoods":
        table = emoods.read(path)

        def make_plan(vault):  # noqa: ANN001, ANN202
            return emoods.plan(table, vault)

    else:
        table = generic.read(path)
        try:
            generic.resolve(table, overrides)
        except generic.ColumnsNeeded as error:
            raise CliError(f"{str(error).rstrip('.')} (e.g. --map date=Day,mood=Mood).") from None

        def make_plan(vault):  # noqa: ANN001, ANN202
            return generic.plan(table, overrides, vault)

    with _open(args, passphrases) as vault:
        plan = make_plan(vault)
        print("\n".join(plan.summary_lines()))
        if args.format == "emoods":
            print("\n".join(emoods.mapping_lines(table)))
        if plan.problems:
            raise CliError(
                f"nothing was imported: {count_text(len(plan.problems), 'row')} "
                f"{has_have(len(plan.problems))} a problem "
                f"(first: {plan.problems[0]})"
                + ("; give mood values with --map label=value" if args.format == "daylio" else "")
            )
        if args.preview:
            print("Preview only: nothing was changed.")
            return 0
        added = common.apply_plan(vault, plan)
    print(f"Imported {added} new entr{'y' if added == 1 else 'ies'} from {path.name}.")
    return 0


def out_path(text: str) -> str:
    """``--out`` as given, refusing an empty one (review finding: ``--out ""`` meant the
    current folder: "device or resource busy" for a PDF, CSV files dropped there)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("it is empty; name a file or folder")
    return text


# -- backup and restore (issue 13) ------------------------------------------------------


def add_backup_parsers(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    backup = add("backup", "write an encrypted backup of the vault (a SQLCipher 4 file)")
    backup.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        type=out_path,
        help="the backup file to write (replaced if it exists), or a folder to put a dated "
        "backup in",
    )
    backup.add_argument(
        "--separate-passphrase",
        action="store_true",
        help="encrypt the backup with its own passphrase (with --passphrase-stdin: line 2)",
    )
    restore = add(
        "restore",
        "replace the vault with a backup (the current vault is kept beside it); with "
        "--passphrase-stdin: the vault's passphrase on line 1, the backup's on line 2 "
        "(or line 1 again when line 2 is missing)",
    )
    restore.add_argument("file", metavar="FILE")
    restore.add_argument(
        "--dry-run", action="store_true", help="only show what the backup holds; change nothing"
    )


def cmd_backup(args: argparse.Namespace, passphrases: PassphraseSource) -> int:
    from moodlog.vault import backup

    vault_path = _vault_path(args)
    out = Path(args.out).expanduser()
    if args.out.endswith(("/", os.sep)) and not out.is_dir():
        # (review finding: "newdir/" wrote a backup file named "newdir")
        raise CliError(f"the folder {out} does not exist")
    beside_vault = out.resolve().parent == vault_path.resolve().parent
    if out.resolve() == vault_path.resolve() or (
        beside_vault and out.name.startswith(vault_path.name)
    ):
        # The vault, its side files, its lock file, or a copy kept at a restore.
        raise CliError(
            "--out must not be the vault itself or one of its files; choose another file or folder"
        )
    from moodlog.paths import is_journal_file
    from moodlog.vault.backup import parse_name

    if not out.is_dir() and is_journal_file(out) and parse_name(out.name) is None:
        # Another journal's vault or any journal's preferences (review finding: a backup
        # written over another journal's moodlog.db lost it); an earlier backup, named as
        # moodlog names them, may be replaced.
        raise CliError(
            f"--out {out} is a file of a journal (its vault, preferences or window "
            "state); choose another file or folder"
        )
    if not out.is_dir() and not out.parent.is_dir():
        raise CliError(f"the folder {out.parent} does not exist")
    with _open(args, passphrases) as vault:
        separate = None
        if args.separate_passphrase:
            separate = new_passphrase(
                passphrases.get(2, "Passphrase for the backup: ", confirm=True)
            )
        if out.is_dir():
            made = backup.write_backup(vault, out, separate)
        else:
            made = backup.write_backup(vault, out.parent, separate, target=out)
        entries = vault.entries.count()
    which = "the backup passphrase you chose" if separate else "your current passphrase"
    print(
        f"Backed up {entries} entr{'y' if entries == 1 else 'ies'} to {made.path} "
        f"({backup.describe_size(made.size)}). "
        f"It opens with {which}. {backup.PASSPHRASE_NOTICE}"
    )
    return 0


def _backup_passphrase(
    passphrases: PassphraseSource, current: str | None, vault_exists: bool
) -> str:
    """Line 2 (line 1 when no vault exists yet); else the vault's passphrase."""
    lines = passphrases._lines  # noqa: SLF001 - this module's own class
    if lines is not None:
        index = 1 if vault_exists else 0
        if len(lines) > index and lines[index]:
            return passphrases.get(index + 1, "")
        return passphrases.get(1, "")
    typed = _typed("Passphrase of the backup (press Enter if it is the same): ")
    return typed or current or passphrases.get(1, "Passphrase of the backup: ")


def cmd_restore(args: argparse.Namespace, passphrases: PassphraseSource) -> int:
    from moodlog.vault import backup, export_folders
    from moodlog.vault.connection import open_connection, set_aside_notice
    from moodlog.vault.errors import VaultDamaged, VaultError
    from moodlog.vault.lockfile import VaultLock
    from moodlog.vault.vault import Vault

    vault_path = _vault_path(args)
    source = Path(args.file).expanduser()
    current = None
    note = ""
    folders: list[str] = []
    if vault_path.exists() and not args.dry_run:
        current = passphrases.get(1, "Passphrase of your journal now: ")
        lock = VaultLock.acquire(vault_path)
        try:
            kept: list[Path] = []
            connection = open_connection(vault_path, current, kept)  # proves it; changes nothing
            folders = export_folders.remembered_on(connection)  # for the restored journal
            connection.close()
            for aside in kept:
                print(f"moodlog: note: {set_aside_notice(aside)}", file=sys.stderr)
        except VaultDamaged:
            note = " (it could not be opened; it is kept exactly as it was)"
        except WrongPassphrase:
            # A forgotten passphrase, or damage to the file's first bytes (which looks
            # the same): the backup is what can help, as on the unlock screen. Its own
            # passphrase is still checked, and the journal is kept exactly as it was.
            note = (
                " (it did not open with the passphrase given: a different passphrase, or "
                "damage at the start of the file; it is kept exactly as it was)"
            )
            print(
                "moodlog: your journal did not open with that passphrase. You can still "
                "put the backup in its place; the journal is kept beside it as it is.",
                file=sys.stderr,
            )
        finally:
            lock.release()
    backup_passphrase = _backup_passphrase(passphrases, current, vault_path.exists())
    try:
        summary = backup.inspect_backup(source, backup_passphrase)
    except backup.WrongBackupPassphrase as error:
        print(f"moodlog: {error}", file=sys.stderr)
        return EXIT_WRONG_PASSPHRASE
    print(f"{source}: {summary.text()}")
    if args.dry_run:
        return 0
    if not args.passphrase_stdin:
        answer = input("Replace your journal with this backup? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing was changed.")
            return 0
    ensure_private_dir(vault_path.parent)
    _, kept = backup.restore(source, backup_passphrase, vault_path)
    if folders:
        # The folders the replaced journal exported to stay swept (``export_folders.carry``).
        with contextlib.suppress(VaultError), Vault.open(vault_path, backup_passphrase) as restored:
            export_folders.carry(restored, folders)
    kept_text = f" Your journal as it was is kept as {kept}{note}." if kept else ""
    print(
        f"Restored {vault_path} from {source}.{kept_text} "
        "The journal now opens with the backup's passphrase."
    )
    return 0


# -- insights (issue 16): how long sessions help, from the person's own data ---------


def add_insights_parser(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    insights = add("insights", "how long your sessions help (booster timing), in plain numbers")
    insights.add_argument(
        "--json", action="store_true", help="print the figures as JSON (for scripts and checks)"
    )


def cmd_insights(args: argparse.Namespace, passphrases: PassphraseSource) -> int:
    import json

    from moodlog.domain.booster import DURABILITY_DEFINITION
    from moodlog.insights import booster_from_vault

    with _open(args, passphrases) as vault:
        summary = booster_from_vault(vault, dt.datetime.now())
    if args.json:
        print(json.dumps(summary.as_json(), indent=2))
    else:
        print(summary.today_line() or "No ketamine or esketamine sessions recorded yet.")
        print(DURABILITY_DEFINITION.format(n=summary.last))
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, PassphraseSource], int]] = {
    "init": cmd_init,
    "check": cmd_check,
    "passwd": cmd_passwd,
    "demo": cmd_demo,
    "export": cmd_export,
    "import": cmd_import,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "insights": cmd_insights,
}


def run(args: argparse.Namespace) -> int:
    from moodlog.process import disable_core_dumps

    disable_core_dumps()
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
        name = Path(error.filename).name if isinstance(error.filename, str) else ""
        where = f" ({error.filename})" if name and not name.startswith(".moodlog-") else ""
        print(f"moodlog: not done: {os_reason(error)}{where}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("moodlog: interrupted; nothing was changed", file=sys.stderr)
        return EXIT_ERROR
    except Exception as error:  # noqa: BLE001 - last resort: one line, no traceback
        from moodlog.vault.connection import DatabaseError
        from moodlog.vault.errors import storage_problem

        if isinstance(error, DatabaseError):  # disk full, locked...: the real reason
            from moodlog.vault.errors import DAMAGED_AFTER_OPEN, is_damage

            problem = storage_problem(error, "moodlog could not finish")
            if is_damage(error):  # pages that fail their check, found after opening
                print(f"moodlog: {DAMAGED_AFTER_OPEN}", file=sys.stderr)
                return EXIT_ERROR
            if problem is not None:
                print(f"moodlog: {problem}", file=sys.stderr)
                return EXIT_ERROR
        # Only the type: an exception's text could carry something the user wrote.
        print(
            f"moodlog: unexpected error ({type(error).__name__}); nothing was changed",
            file=sys.stderr,
        )
        return EXIT_ERROR
