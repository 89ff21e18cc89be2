"""
Turning a structuring error into problems that name their field.

cattrs reports where in the structure an error arose through notes on the
exceptions it groups; the model's validators put the offending
:class:`attrs.Attribute` in their exception's arguments, as attrs' own
validators do.  The field path comes from those, never from parsing messages.  An error
that only follows from another problem (a reference to a record that is
itself invalid) is a :class:`~centralasia._errors.Consequence`.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from centralasia._errors import Consequence

__all__ = ["explain"]


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def explain(exc: BaseException, path: str = "") -> Iterator[tuple[str, str, bool]]:
    """Yield ``(field path, message, whether a consequence)`` for every error inside *exc*."""
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        with_notes, without_notes = exc.group_exceptions()
        for inner, note in with_notes:
            if isinstance(note, IterableValidationNote):
                step = f"{path}[{note.index}]"
            else:
                step = _join(path, note.name)
            yield from explain(inner, step)
        for inner in without_notes:
            yield from explain(inner, path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        names = ", ".join(sorted(exc.extra_fields))
        yield path, f"unknown field(s): {names}", False
    elif isinstance(exc, KeyError):
        yield path, "missing required field", False
    elif isinstance(exc, BaseExceptionGroup):
        for nested in exc.exceptions:
            yield from explain(nested, path)
    else:
        # A validator's exception: the message first, the attribute among the arguments.
        message = exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
        named = next((arg for arg in exc.args if isinstance(arg, attrs.Attribute)), None)
        if named is not None:
            path = _join(path, named.name)
        yield path, message or type(exc).__name__, isinstance(exc, Consequence)
