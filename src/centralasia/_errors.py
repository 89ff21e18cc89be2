"""
The library's exceptions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from attrs import frozen

__all__ = ["DataError", "NotFound", "Problem", "indefinite", "wrong_type"]


@frozen
class Problem:
    """
    One thing wrong in a data file: where it is and what is wrong.

    *record* is the record's id, or its position (``#3``) when it has no
    usable id; *field* is a path such as ``sources[0].quote``, empty when the
    problem is with the file or the record as a whole.

    .. versionadded:: 0.1
    """

    file: str
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        where = ", ".join(
            part
            for part in (
                self.file,
                f"record {self.record}" if self.record else "",
                f"field {self.field}" if self.field else "",
            )
            if part
        )
        return f"{where}: {self.message}"


class DataError(ValueError):
    """
    A data file is malformed or inconsistent; nothing was loaded.

    :attr:`problems` lists every problem found, each naming the file, the
    record and the field, so that all of them can be fixed at once.

    .. versionadded:: 0.1
    """

    problems: tuple[Problem, ...]
    """Every problem found, in file order."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        lines = [f"{count} problem{'s' if count != 1 else ''} in the data:"]
        lines += [f"  {problem}" for problem in self.problems]
        super().__init__("\n".join(lines))


class NotFound(LookupError):
    """
    No record matches a key; :attr:`suggestions` holds the closest matches.

    .. versionadded:: 0.1
    """

    key: str
    suggestions: tuple[str, ...]
    """The names closest to the key, best first; empty when nothing is close."""

    def __init__(self, kind: str, key: str, suggestions: Sequence[str] = ()) -> None:
        self.key = key
        self.suggestions = tuple(suggestions)
        message = f"no {kind} matches {key!r}"
        if self.suggestions:
            message += "; did you mean " + ", ".join(map(repr, self.suggestions)) + "?"
        super().__init__(message)

    def __str__(self) -> str:
        # LookupError would otherwise wrap the message in quotes, as KeyError does.
        return str(self.args[0])


def wrong_type(function: str, parameter: str, accepted: str, value: object) -> TypeError:
    """Return the TypeError for *value* given as *parameter* of *function*, saying what it takes."""
    return TypeError(f"{function}(): {parameter} must be {accepted}, not {type(value).__name__}")


def indefinite(noun: str) -> str:
    """Return *noun* with its indefinite article: "a country", "an organization"."""
    return f"an {noun}" if noun[:1] in set("aeiou") else f"a {noun}"
