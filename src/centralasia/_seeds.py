"""
The seed texts: reading the ``seeds/`` folder and cutting an article's lines out of a seed.
"""

from __future__ import annotations

import pathlib
import stat
from collections.abc import Iterable
from typing import TYPE_CHECKING

from centralasia._errors import Problem
from centralasia._validators import is_file_name

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from centralasia._values import Span

__all__ = ["FOLDER", "read_seeds", "seed_lines", "unsafe"]

#: The folder of a dataset that holds the seed texts.
FOLDER = "seeds"
#: Why a file named in a dataset is not read when there is none.
MISSING = "the file is missing"


def seed_lines(seed: str, spans: tuple[Span, ...]) -> str:
    """Return the lines of *seed* that *spans* name, with their line endings."""
    lines = seed.split("\n")
    ends = ["\n"] * (len(lines) - 1) + [""]
    chosen: list[str] = []
    for span in spans:
        if span.last_line > len(lines):
            msg = f"line {span.last_line} is past the end of the seed ({len(lines)} lines)"
            raise ValueError(msg)
        numbers = range(span.first_line - 1, span.last_line)
        chosen.extend(lines[number] + ends[number] for number in numbers)
    return "".join(chosen)


def unsafe(entry: Traversable, inside: Traversable) -> str | None:
    """
    Say why *entry* is no file to read from the dataset folder *inside*, or None if it is one.

    A file is read only if it is a regular file whose real path lies inside
    the folder: a symlink out of it would copy an outside file into the data
    (issue 22), and a FIFO or a device would block or never end.
    """
    if not isinstance(entry, pathlib.Path) or not isinstance(inside, pathlib.Path):
        return None if entry.is_file() else MISSING  # a package's own files
    try:
        mode = entry.stat().st_mode  # follows links, as reading would
        real, folder = entry.resolve(strict=True), inside.resolve(strict=True)
    except FileNotFoundError:
        return MISSING if not entry.is_symlink() else "is a broken symlink"
    except (OSError, RuntimeError) as exc:  # a symlink loop, a name too long, no permission
        return f"cannot be opened: {exc.strerror if isinstance(exc, OSError) else exc}"
    if not stat.S_ISREG(mode):
        return "is not a regular file (a folder, a device or a pipe)"
    if not real.is_relative_to(folder):
        return "is a symlink to a file outside the dataset folder, which is not read"
    return None


def read_text(entry: Traversable, inside: Traversable, name: str) -> str | Problem:
    """Return the UTF-8 text of the file *entry*, or the problem, filed as *name*, stopping it."""
    reason = unsafe(entry, inside)
    if reason is not None:
        return Problem(name, "", "", reason)
    try:
        return entry.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return Problem(name, "", "", f"not UTF-8: {exc}")
    except OSError as exc:
        return Problem(name, "", "", f"cannot be read: {exc.strerror}")


def read_seeds(
    folder: Traversable, names: Iterable[str], inside: Traversable, problems: list[Problem]
) -> dict[str, str]:
    """
    Return the texts of the seeds *names* in *folder*, adding any problem to *problems*.

    Only the seeds that articles name are read: a stray file in ``seeds/``
    (a ``.DS_Store``, a large unrelated file) is no part of the dataset.
    A name that is no plain file name is left for the article to report.
    """
    try:
        present = folder.is_dir()
    except OSError:
        present = False
    if not present:
        problems.append(Problem(FOLDER, "", "", "the seeds/ folder is missing"))
        return {}
    seeds: dict[str, str] = {}
    for name in sorted(set(names)):
        if is_file_name(name):
            text = read_text(folder / name, inside, f"{FOLDER}/{name}")
            if isinstance(text, Problem):
                # A missing seed is the article's problem: it names no file of the folder.
                if text.message != MISSING:
                    problems.append(text)
            elif "\x00" in text:
                problems.append(Problem(f"{FOLDER}/{name}", "", "", "holds a NUL character"))
            else:
                seeds[name] = text
    return seeds
