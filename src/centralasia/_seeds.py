"""
The seed texts: reading the ``seeds/`` folder and cutting an article's lines out of a seed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from centralasia._errors import Problem

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from centralasia._values import Span

__all__ = ["FOLDER", "read_seeds", "seed_lines"]

#: The folder of a dataset that holds the seed texts.
FOLDER = "seeds"


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


def read_seeds(folder: Traversable, problems: list[Problem]) -> dict[str, str]:
    """Return the texts of the seed files in *folder* by name, adding any problem to *problems*."""
    if not folder.is_dir():
        problems.append(Problem(FOLDER, "", "", "the seeds/ folder is missing"))
        return {}
    seeds: dict[str, str] = {}
    for entry in sorted(folder.iterdir(), key=lambda entry: entry.name):
        if entry.is_file():
            try:
                seeds[entry.name] = entry.read_bytes().decode("utf-8")
            except UnicodeDecodeError as exc:
                problems.append(Problem(f"{FOLDER}/{entry.name}", "", "", f"not UTF-8: {exc}"))
    return seeds
