"""Entry point for ``moodlog`` and ``python -m moodlog``."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from moodlog.cli import build_parser, run

    args = build_parser().parse_args(argv)
    if args.command:
        return run(args)
    from moodlog.ui.application import run_gui

    return run_gui(data_dir=args.data_dir, demo=args.demo)


if __name__ == "__main__":
    sys.exit(main())
