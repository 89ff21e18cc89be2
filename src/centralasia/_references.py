"""
What a data file may refer to while it is structured: records by kind and id.

In the data files a reference to another record is its id (or, where a field
may hold records of any kind, ``kind:id``); once loaded it is the record
itself.  The loader fills a :class:`Registry` file by file and the
converter's hooks resolve ids through the one that is current.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TypeVar

from centralasia._errors import Consequence, shown
from centralasia._model import Citation
from centralasia._schema import KINDS, Kind, kind_named

__all__ = ["Registry", "current", "resolve", "resolve_any", "using"]

T = TypeVar("T")


class Registry:
    """Records loaded so far by kind and id, the seed texts, and shared citations."""

    def __init__(self, seeds: Mapping[str, str]) -> None:
        self.seeds = seeds
        self.records: dict[type[Any], dict[str, Any]] = {kind.cls: {} for kind in KINDS}
        #: Ids of records that were in the files but failed to load.
        self.invalid: dict[type[Any], set[str]] = {kind.cls: set() for kind in KINDS}
        #: Files that could not be read (``articles.json``, ``seeds/a.txt``, ``seeds``):
        #: what they would hold is unknown, so a reference to it is no problem of its own.
        self.unread: set[str] = set()
        #: Citations already built, by (article id, quote): records citing the same
        #: passage share one immutable Citation, which saves time and memory.
        self.citations: dict[tuple[str, str], Citation] = {}


_CURRENT: contextvars.ContextVar[Registry] = contextvars.ContextVar("centralasia_registry")


@contextmanager
def using(registry: Registry) -> Iterator[Registry]:
    """Make *registry* the one references resolve through, for the ``with`` block."""
    token = _CURRENT.set(registry)
    try:
        yield registry
    finally:
        _CURRENT.reset(token)


def current() -> Registry:
    """Return the registry of the file being structured."""
    return _CURRENT.get()


def _type_error(value: object, what: str) -> TypeError:
    return TypeError(f"expected {what}, got {type(value).__name__} {shown(value)}")


def resolve(kind: Kind[T], value: object) -> T:
    """Return the record of *kind* whose id is *value*."""
    registry = _CURRENT.get()
    if type(value) is str:
        found = registry.records[kind.cls].get(value)
        if found is not None:  # the common case, first
            return found  # type: ignore[no-any-return]
        if value in registry.invalid[kind.cls]:
            msg = f"the {kind.name} {shown(value)} is itself invalid (see its own problem)"
            raise Consequence(msg)
        if kind.file in registry.unread:
            msg = f"the {kind.name} {shown(value)} is unknown: {kind.file} could not be read"
            raise Consequence(msg)
        msg = f"no {kind.name} has the id {shown(value)}"
        raise ValueError(msg)
    raise _type_error(value, f"the id of a {kind.name}")


def resolve_any(value: object) -> Any:
    """Return the record that *value*, written ``kind:id`` (``loan:kg-exim-2023``), names."""
    if type(value) is not str:
        raise _type_error(value, 'a reference written "kind:id", such as "loan:kg-exim-2023"')
    name, colon, record_id = value.partition(":")
    kind = kind_named(name)
    if not colon or kind is None:
        names = ", ".join(kind.name for kind in KINDS)
        msg = (
            f"expected a reference written 'kind:id' with a kind among {names}, got {shown(value)}"
        )
        raise ValueError(msg)
    return resolve(kind, record_id)
