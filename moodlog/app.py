"""Entry point for ``moodlog`` and ``python -m moodlog``."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
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
        return run(args)
    from moodlog.ui.application import run_gui

    return run_gui(data_dir=args.data_dir, demo=args.demo)


if __name__ == "__main__":
    sys.exit(main())
