"""The desktop app's start skips building the command-line parser for the every-day
command lines (issue 14 §4); what it reads must be exactly what the parser reads."""

from __future__ import annotations

import pytest

from moodlog.app import gui_arguments
from moodlog.cli import build_parser

EVERY_DAY = [
    [],
    ["--demo"],
    ["--data-dir", "/tmp/journal"],
    ["--data-dir=/tmp/journal"],
    ["--data-dir="],
    ["--data-dir", "my journal", "--demo"],
    ["--demo", "--data-dir", "check"],  # a folder named like a subcommand
]
FOR_THE_PARSER = [
    ["--help"],
    ["--version"],
    ["check"],
    ["--data-dir", "/tmp/j", "check", "--passphrase-stdin"],
    ["--data", "/tmp/j"],  # an abbreviation: argparse's rules
    ["--data-dir"],
    ["--data-dir", "-x"],
    ["--demo", "--demo"],
    ["--data-dir", "a", "--data-dir", "b"],
    ["--install-desktop-entry"],
    ["-h"],
    ["gui"],
]


@pytest.mark.parametrize("argv", EVERY_DAY)
def test_the_every_day_command_lines_read_as_the_parser_reads_them(argv: list[str]):
    args = build_parser().parse_args(argv)
    assert args.command is None
    assert gui_arguments(argv) == (args.data_dir, args.demo)


@pytest.mark.parametrize("argv", FOR_THE_PARSER)
def test_everything_else_is_left_to_the_parser(argv: list[str]):
    assert gui_arguments(argv) is None


def test_the_app_starts_without_building_the_parser(monkeypatch, tmp_path):
    import moodlog.cli
    import moodlog.ui.application

    started = []
    monkeypatch.setattr(moodlog.cli, "build_parser", lambda: pytest.fail("parser built"))
    monkeypatch.setattr(
        moodlog.ui.application, "run_gui", lambda **kwargs: started.append(kwargs) or 0
    )
    from moodlog.app import main

    assert main(["--data-dir", str(tmp_path)]) == 0
    assert started == [{"data_dir": str(tmp_path), "demo": False}]
