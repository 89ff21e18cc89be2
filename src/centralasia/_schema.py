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
    Person,
    Record,
    Site,
    Statement,
)

__all__ = [
    "KINDS",
    "LOOKUP_ORDER",
    "AttributeType",
    "Kind",
    "Reference",
    "attribute_types",
    "citations",
    "cited_articles",
    "kind_named",
    "kind_of",
    "referenced",
    "references",
    "refers",
    "written",
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
    #: The fields, besides its keys, that say in words what a record is:
    #: what the record search (``Dataset.search``) reads, with the quotes.
    texts: tuple[str, ...] = ()
    #: The field that says in words what a record is, if one does: its label
    #: (``centralasia._words.label``) and a listing's last column.
    label: str | None = None
    #: The title of the collection for a reader, where its name is not it.
    title: str | None = None
    #: The codes a record is found by (``alpha_2``, ``acronym``): listed beside its id.
    codes: tuple[str, ...] = ()
    #: Key fields that hold people's names, each also found by its last word,
    #: the family name (``articles.get("Kaleji")``).
    family_names: tuple[str, ...] = ()

    @property
    def file(self) -> str:
        """The data file's name, such as ``loans.json``."""
        return f"{self.collection}.json"

    @property
    def collection_title(self) -> str:
        """The collection's title for a reader: "Debt figures" for loans."""
        return self.title or self.collection.capitalize()

    @property
    def has_page(self) -> bool:
        """Whether each record has a page of its own: it has a name to be found by."""
        return self.keys != ("id",)


#: Every kind, in loading order: a file may refer only to the kinds before it
#: and to earlier records of its own kind.
KINDS: tuple[Kind[Any], ...] = (
    Kind(Article, "article", "articles", ("id", "title", "authors"), "published",
         texts=("publisher",), label="title", family_names=("authors",)),
    Kind(Country, "country", "countries",
         ("id", "alpha_2", "alpha_3", "name", "official_name", "aliases", "names"),
         label="name", codes=("alpha_2", "alpha_3")),
    Kind(Organization, "organization", "organizations", ("id", "acronym", "name", "aliases"),
         "founded", label="name", codes=("acronym",)),
    Kind(Person, "person", "people", ("id", "name", "family_name", "aliases"),
         texts=("roles",), label="name"),
    Kind(Corridor, "corridor", "corridors", ("id", "name", "aliases"), "status_as_of",
         texts=("status",), label="name", title="Corridors"),
    Kind(Site, "site", "sites", ("id", "name", "aliases"), "status_as_of",
         texts=("status",), label="name"),
    Kind(Membership, "membership", "memberships", date="joined"),
    Kind(Event, "event", "events", date="date", texts=("summary", "people"), label="summary"),
    Kind(Loan, "loan", "loans", date="as_of", texts=("description", "creditor_text"),
         label="description", title="Debt figures"),
    Kind(Finance, "finance", "finance", date="period", texts=("description", "recipients_text"),
         label="description"),
    Kind(Measurement, "measurement", "measurements", date="as_of",
         texts=("quantity", "description"), label="description", title="Other figures"),
    Kind(Statement, "statement", "statements", date="as_of",
         texts=("summary", "speaker", "speaker_text", "people"), label="summary"),
    Kind(Conflict, "conflict", "conflicts", texts=("topic", "description"), label="topic"),
)  # fmt: skip

#: The kinds in the order a key is looked up among several: kinds whose
#: records have names first (a name is what people type), then the rest.
LOOKUP_ORDER: tuple[Kind[Any], ...] = tuple(sorted(KINDS, key=lambda kind: kind.keys == ("id",)))

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


def _union_members(annotation: Any) -> tuple[Any, ...]:
    """Return the members of a union annotation (``X | None``), or ``()`` for any other."""
    if typing.get_origin(annotation) in {typing.Union, types.UnionType}:
        return typing.get_args(annotation)
    return ()


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


def refers(cls: type[Any]) -> bool:
    """Return whether records of *cls* refer to others, in a field or in a value inside one."""
    if references(cls):
        return True
    elements = (attribute.element for attribute in attribute_types(cls).values())
    return any(
        attrs.has(element) and element not in _BY_CLASS and refers(element)
        for element in elements
        if isinstance(element, type)
    )


def written(record: Any) -> str:
    """Return how a record is named where any kind may stand: ``kind:id``, ``loan:kg-exim-2023``."""
    return f"{kind_of(type(record)).name}:{record.id}"


def citations(record: object) -> typing.Iterator[tuple[Citation, str | None]]:
    """Yield each citation of *record*: its sources (with None), then its inferences' passages."""
    for citation in getattr(record, "sources", ()):
        yield citation, None
    for inference in getattr(record, "inferred", ()):
        if isinstance(inference, Inference) and isinstance(inference.source, Citation):
            yield inference.source, inference.field


def cited_articles(record: object) -> tuple[Article, ...]:
    """Return the articles *record* cites, in its sources and its inferences, in order."""
    articles = {citation.article.id: citation.article for citation, _ in citations(record)}
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


@frozen
class AttributeType:
    """What a field or public property of a record class holds, read from its annotation."""

    name: str
    #: The type of one value: ``Country``, ``str``, ``Date``, ``Role``, the
    #: ``Record`` union...  (for a tuple, of its items; ``None`` left out).
    element: Any
    #: Whether it holds a tuple of such values.
    many: bool
    #: Whether it may be ``None``.
    optional: bool
    #: The kinds of record it refers to; empty when it holds no records.
    targets: tuple[Kind[Any], ...]


def _attribute_type(name: str, annotation: Any) -> AttributeType:
    many = typing.get_origin(annotation) is tuple
    if many:
        annotation = typing.get_args(annotation)[0]
    members = _union_members(annotation)
    optional = type(None) in members
    if optional:
        rest = [member for member in members if member is not type(None)]
        annotation = rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]  # noqa: UP007
    targets = tuple(_BY_CLASS[cls] for cls in _record_types(annotation))
    return AttributeType(name, annotation, many=many, optional=optional, targets=targets)


_ATTRIBUTES: dict[type[Any], dict[str, AttributeType]] = {}


def attribute_types(cls: type[Any]) -> dict[str, AttributeType]:
    """
    Return the fields and public properties of the record class *cls*, typed, in order.

    Read once from the annotations (a property's from its return type), so
    that what a query may do with an attribute never depends on the values
    a collection happens to hold.
    """
    known = _ATTRIBUTES.get(cls)
    if known is None:
        hints = typing.get_type_hints(cls)
        found = {
            item.name: _attribute_type(item.name, hints[item.name]) for item in attrs.fields(cls)
        }
        for name, member in vars(cls).items():
            if isinstance(member, property) and not name.startswith("_"):
                returns = typing.get_type_hints(member.fget)["return"]
                found[name] = _attribute_type(name, returns)
        known = _ATTRIBUTES[cls] = found
    return known
