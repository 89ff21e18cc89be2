"""
The ``centralasia`` command.

argparse, from the standard library, parses the arguments: the command needs
no dependency that ``import centralasia`` would not already have.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from centralasia._dataset import load
from centralasia._errors import DataError

EPILOG = """\
examples:
  centralasia validate my-dataset/     check a dataset directory, listing every problem
  python -m centralasia validate .     the same, through the module
"""


def _validate(path: str) -> int:
    try:
        dataset = load(path)
    except DataError as error:
        for problem in error.problems:
            print(problem)
        count = len(error.problems)
        print(f"{count} problem{'s' if count != 1 else ''} in {path}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"cannot read {path}: {error.strerror or error}", file=sys.stderr)
        return 2
    counts = {stem: len(getattr(dataset, stem)) for stem in ("articles", "countries", "loans")}
    summary = ", ".join(f"{count} {stem}" for stem, count in counts.items())
    print(f"{path}: valid ({summary}, ...)")
    return 0


def parser() -> argparse.ArgumentParser:
    """Return the command's argument parser."""
    command = argparse.ArgumentParser(
        prog="centralasia",
        description="China's relations with Central Asia as a source-cited dataset.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = command.add_subparsers(dest="command", required=True, metavar="COMMAND")
    validate = commands.add_parser(
        "validate",
        help="check a dataset directory and print every problem",
        description="Check a dataset directory as ca.load(PATH) would; print every problem "
        "with its file, record and field. Exits 1 when there is a problem.",
    )
    validate.add_argument("path", metavar="PATH", help="a directory in the bundled data's format")
    return command


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with *argv* (default: the process's arguments) and return its exit code."""
    arguments = parser().parse_args(argv)
    if arguments.command == "validate":
        return _validate(arguments.path)
    return 2  # pragma: no cover - argparse refuses unknown commands first


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
