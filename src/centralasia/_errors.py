"""
The library's exceptions.
"""

from __future__ import annotations

import reprlib
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
from attrs import frozen

__all__ = [
    "AmbiguousKey",
    "DataError",
    "NotFound",
    "Problem",
    "cut",
    "indefinite",
    "shown",
    "wrong_type",
]

#: How many characters of a value or a message an error shows: enough to find it, readable.
SHOWN = 80
#: How many characters of a problem's message are kept.
MESSAGE = 300

# reprlib bounds the depth and the length of what it shows, so a value nested a
# thousand deep or ten megabytes long is shown in a line (issue 22).
_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxstring, _REPR.maxother = 3, SHOWN, SHOWN


def cut(text: str, size: int = MESSAGE) -> str:
    """Return *text* cut to *size* characters, an ellipsis marking the cut."""
    return text if len(text) <= size else text[: size - 1] + "…"


def shown(value: object) -> str:
    """Return the repr of *value* for an error message, cut to a readable length."""
    return cut(_REPR.repr(value), SHOWN)


@frozen
class Problem:
    """
    One thing wrong in a data file: where it is and what is wrong.

    *record* is the record's id, or its position (``#3``) when it has no
    usable id; *field* is a path such as ``sources[0].quote``, empty when the
    problem is with the file or the record as a whole.  *consequence* is true
    when the problem only follows from another one: a reference to a record
    that is itself invalid, or that is in a file that could not be read.

    .. versionadded:: 0.1
    """

    file: str
    record: str
    field: str
    message: str
    # attrs.field, spelled out: a field of the class is called "field".
    consequence: bool = attrs.field(default=False, kw_only=True)
    """Whether the problem goes away once the problems it follows from are fixed."""

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


def _count(count: int, noun: str = "problem") -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"


class DataError(ValueError):
    """
    A data file is malformed or inconsistent; nothing was loaded.

    :attr:`problems` lists every problem found, each naming the file, the
    record and the field, so that all of them can be fixed at once.  One
    mistake can cause many problems (a file that is not JSON leaves every
    reference to its records unresolved): :attr:`causes` are the ones to fix,
    :attr:`consequences` those that follow from them.  The message lists
    the causes and counts the consequences.

    .. versionadded:: 0.1
    """

    problems: tuple[Problem, ...]
    """Every problem found, in file order."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        lines = [f"{_count(len(self.causes))} in the data:"]
        lines += [f"  {problem}" for problem in self.causes]
        if self.consequences:
            lines.append(
                f"and {_count(len(self.consequences))} that follow from "
                f"{'it' if len(self.causes) == 1 else 'them'} (see DataError.consequences)"
            )
        super().__init__("\n".join(lines))

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from its problems, so it crosses a process (a ProcessPoolExecutor's worker).
        return (type(self), (self.problems,))

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.problems == other.problems

    def __hash__(self) -> int:
        return hash(self.problems)

    @property
    def causes(self) -> tuple[Problem, ...]:
        """
        The problems to fix (those that are not consequences), in file order.

        .. versionadded:: 0.1
        """
        causes = tuple(problem for problem in self.problems if not problem.consequence)
        # A consequence always has a cause; were none marked, every problem is shown.
        return causes or self.problems

    @property
    def consequences(self) -> tuple[Problem, ...]:
        """
        The problems that follow from :attr:`causes` and go away with them, in file order.

        .. versionadded:: 0.1
        """
        if not any(not problem.consequence for problem in self.problems):
            return ()
        return tuple(problem for problem in self.problems if problem.consequence)


def tally(error: DataError) -> str:
    """Return how many problems *error* holds, causes and consequences, in words."""
    causes, consequences = len(error.causes), len(error.consequences)
    words = _count(causes)
    if consequences:
        words += f", and {consequences} that follow from {'it' if causes == 1 else 'them'}"
    return words


class Consequence(ValueError):
    """A structuring error that only follows from another problem, reported as such."""


class NotFound(LookupError):
    """
    No record matches a key; :attr:`suggestions` holds the closest matches.

    .. versionadded:: 0.1
    """

    kind: str
    """The kind of record looked for, such as ``country``."""
    key: str
    suggestions: tuple[str, ...]
    """The names closest to the key, best first; empty when nothing is close."""

    def __init__(self, kind: str, key: str, suggestions: Sequence[str] = ()) -> None:
        self.kind = kind
        self.key = key
        self.suggestions = tuple(suggestions)
        message = f"no {kind} matches {key!r}"
        if self.suggestions:
            message += "; did you mean " + ", ".join(map(repr, self.suggestions)) + "?"
        super().__init__(message)

    def __str__(self) -> str:
        # LookupError would otherwise wrap the message in quotes, as KeyError does.
        return str(self.args[0])

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.kind, self.key, self.suggestions))

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__reduce__() == other.__reduce__()

    def __hash__(self) -> int:
        return hash(self.__reduce__()[1])


class AmbiguousKey(NotFound):
    """
    A key names more than one record; :attr:`candidates` holds every one.

    Two people who share a family name are both found by it: the key says
    neither, so :meth:`~centralasia.Collection.get` names both rather than
    pick one.  It is a :class:`NotFound` too, since no single record matches.

    .. versionadded:: 0.1
    """

    candidates: tuple[Any, ...]
    """The records the key names, in id order."""

    def __init__(self, kind: str, key: str, candidates: Sequence[Any]) -> None:
        self.candidates = tuple(candidates)
        names = [getattr(record, "name", None) or record.id for record in self.candidates]
        listed = " and ".join(
            f"{kind} {record.id!r} ({name})"
            for record, name in zip(self.candidates, names, strict=True)
        )
        super().__init__(kind, key, names)
        self.args = (f"{key!r} is ambiguous: it names {listed}; give an id or a full name",)


def wrong_type(function: str, parameter: str, accepted: str, value: object) -> TypeError:
    """Return the TypeError for *value* given as *parameter* of *function*, saying what it takes."""
    return TypeError(f"{function}(): {parameter} must be {accepted}, not {type(value).__name__}")


def indefinite(noun: str) -> str:
    """Return *noun* with its indefinite article: "a country", "an organization"."""
    return f"an {noun}" if noun[:1] in set("aeiou") else f"a {noun}"
