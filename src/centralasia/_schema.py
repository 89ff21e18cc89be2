"""
The schema: one entry per record kind, from which everything else is derived.

Each :class:`Kind` names a record class, its collection (and so its data file),
the fields a record is found by, and the date that places it in time.  The
fields that refer to other records are read from the class's annotations.
Loading order, lookup order, the reverse index, the command's kinds and the
exports all read this table; adding a kind is a class in ``_model`` and an
entry here.
"""

from __future__ import annotations

import types
import typing
from typing import Any, Generic, TypeVar

import attrs
from attrs import frozen

from centralasia._model import (
    Article,
    Citation,
    Conflict,
    Corridor,
    Country,
    Event,
    Finance,
    Inference,
    Loan,
    Measurement,
    Membership,
    Organization,
    Record,
    Statement,
)

__all__ = [
    "KINDS",
    "Kind",
    "Reference",
    "cited_articles",
    "kind_named",
    "kind_of",
    "referenced",
    "references",
]

R = TypeVar("R")


@frozen
class Kind(Generic[R]):
    """One kind of record: its class, its collection, how it is found and dated."""

    cls: type[R]
    #: The singular name, as in "no loan matches" and in references "loan:kg-exim-2023".
    name: str
    #: The collection's name: the Dataset attribute and the data file's stem.
    collection: str
    #: The fields a record is found by, most specific first (strings, tuples of
    #: strings, or LocalName tuples).
    keys: tuple[str, ...] = ("id",)
    #: The field that places a record in time, if any.
    date: str | None = None

    @property
    def file(self) -> str:
        """The data file's name, such as ``loans.json``."""
        return f"{self.collection}.json"


#: Every kind, in loading order: a file may refer only to the kinds before it
#: and to earlier records of its own kind.
KINDS: tuple[Kind[Any], ...] = (
    Kind(Article, "article", "articles", ("id", "title"), "published"),
    Kind(Country, "country", "countries",
         ("id", "alpha_2", "alpha_3", "name", "official_name", "aliases", "names")),
    Kind(Organization, "organization", "organizations", ("id", "acronym", "name", "aliases"),
         "founded"),
    Kind(Corridor, "corridor", "corridors", ("id", "name", "aliases"), "status_as_of"),
    Kind(Membership, "membership", "memberships", date="joined"),
    Kind(Event, "event", "events", date="date"),
    Kind(Loan, "loan", "loans", date="as_of"),
    Kind(Finance, "finance", "finance", date="period"),
    Kind(Measurement, "measurement", "measurements", date="as_of"),
    Kind(Statement, "statement", "statements", date="as_of"),
    Kind(Conflict, "conflict", "conflicts"),
)  # fmt: skip

_BY_CLASS: dict[type[Any], Kind[Any]] = {kind.cls: kind for kind in KINDS}
_BY_NAME: dict[str, Kind[Any]] = {
    **{kind.name: kind for kind in KINDS},
    **{kind.collection: kind for kind in KINDS},
}


def kind_of(cls: type[R]) -> Kind[R]:
    """Return the kind of the record class *cls*; raise TypeError for anything else."""
    try:
        return _BY_CLASS[cls]
    except KeyError:
        msg = f"{cls.__name__} is not a record class of centralasia"
        raise TypeError(msg) from None


def kind_named(name: str) -> Kind[Any] | None:
    """Return the kind called *name* (``loan`` or ``loans``), or ``None``."""
    return _BY_NAME.get(name)


@frozen
class Reference:
    """A field of a record class that refers to other records, by id in the data files."""

    field: str
    #: The kinds it may refer to: one, or every kind for a conflict's records.
    targets: tuple[Kind[Any], ...]
    #: Whether it holds a tuple of records.
    many: bool
    #: Whether it may be ``None``.
    optional: bool


def _record_types(annotation: Any) -> tuple[type[Any], ...]:
    """Return the record classes *annotation* (an element type) names."""
    members = typing.get_args(annotation) if isinstance(annotation, types.UnionType) else ()
    if annotation is Record or members:
        candidates = members or typing.get_args(Record)
        return tuple(member for member in candidates if member in _BY_CLASS)
    return (annotation,) if annotation in _BY_CLASS else ()


_REFERENCES: dict[type[Any], tuple[Reference, ...]] = {}


def references(cls: type[Any]) -> tuple[Reference, ...]:
    """Return the fields of *cls* that refer to records, read from its annotations once."""
    known = _REFERENCES.get(cls)
    if known is None:
        known = _REFERENCES[cls] = _find_references(cls)
    return known


def _find_references(cls: type[Any]) -> tuple[Reference, ...]:
    hints = typing.get_type_hints(cls)
    found = []
    for attribute in attrs.fields(cls):
        annotation = hints[attribute.name]
        many = typing.get_origin(annotation) is tuple
        if many:
            annotation = typing.get_args(annotation)[0]
        members = typing.get_args(annotation) if isinstance(annotation, types.UnionType) else ()
        optional = type(None) in members
        if optional:
            (annotation,) = (member for member in members if member is not type(None))
        targets = _record_types(annotation)
        if targets:
            kinds = tuple(_BY_CLASS[target] for target in targets)
            found.append(Reference(attribute.name, kinds, many=many, optional=optional))
    return tuple(found)


def cited_articles(record: object) -> tuple[Article, ...]:
    """Return the articles *record* cites, in its sources and its inferences, in order."""
    articles: dict[str, Article] = {}
    for citation in getattr(record, "sources", ()):
        articles.setdefault(citation.article.id, citation.article)
    for inference in getattr(record, "inferred", ()):
        if isinstance(inference, Inference) and isinstance(inference.source, Citation):
            articles.setdefault(inference.source.article.id, inference.source.article)
    return tuple(articles.values())


def referenced(record: Any) -> typing.Iterator[Any]:
    """Yield every record that *record* refers to, through its fields or values inside them."""
    for reference in references(type(record)):
        value = getattr(record, reference.field)
        if reference.many:
            yield from value
        elif value is not None:
            yield value
    for attribute in attrs.fields(type(record)):
        # Values such as an Ambiguity hold references of their own.
        value = getattr(record, attribute.name)
        for item in value if isinstance(value, tuple) else (value,):
            if attrs.has(type(item)) and type(item) not in _BY_CLASS and references(type(item)):
                yield from referenced(item)
