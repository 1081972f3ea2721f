"""Entry point for ``moodlog`` and ``python -m moodlog``."""

from __future__ import annotations

import sys


def gui_arguments(argv: list[str]) -> tuple[str | None, bool] | None:
    """``(data_dir, demo)`` when ``argv`` only starts the desktop app, as it does every
    day (``moodlog``, ``moodlog --data-dir DIR``, ``moodlog --demo``); else None, and the
    command line's own parser decides (subcommands, ``--help``, ``--version``, mistakes).
    Building that parser, with every subcommand, costs ~7 ms before the lock window
    appears (issue 14 §4). Anything unusual (an abbreviation, a repeated option, a
    value that starts with "-") goes to the full parser, which has the last word;
    tests/test_app_entry.py checks that both read the same."""
    data_dir: str | None = None
    demo = False
    rest = list(argv)
    while rest:
        token = rest.pop(0)
        if token == "--demo" and not demo:
            demo = True
        elif token == "--data-dir" and data_dir is None and rest and not rest[0].startswith("-"):
            data_dir = rest.pop(0)
        elif token.startswith("--data-dir=") and data_dir is None:
            data_dir = token.partition("=")[2]
        else:
            return None
    return data_dir, demo


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    gui = gui_arguments(argv)
    if gui is not None:
        from moodlog.process import disable_core_dumps
        from moodlog.ui.application import run_gui

        disable_core_dumps()  # before anything is decrypted
        data_dir, demo = gui
        return run_gui(data_dir=data_dir, demo=demo)
    from moodlog.cli import build_parser, run

    parser = build_parser()
    parser.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="add moodlog to your application menu (Linux, current user only) and exit",
    )
    args = parser.parse_args(argv)
    if args.install_desktop_entry:
        from moodlog.desktop_entry import main as install_desktop_entry

        return install_desktop_entry()
    from moodlog.process import disable_core_dumps

    disable_core_dumps()  # before anything is decrypted (GUI and command line)
    if args.command:
        if args.demo:  # (contracts review: "--demo check" ran on the real journal)
            parser.error("--demo starts the app on a throw-away journal; not with a subcommand")
        return run(args)
    from moodlog.ui.application import run_gui

    return run_gui(data_dir=args.data_dir, demo=args.demo)


if __name__ == "__main__":
    sys.exit(main())
