"""
What :meth:`Collection.where` accepts for each attribute, and the indexes it looks keys up in.
"""

from __future__ import annotations

import enum
from collections.abc import Hashable, Iterator, Sequence
from typing import Any

from attrs import frozen

from centralasia._dates import Date
from centralasia._errors import indefinite, wrong_type
from centralasia._keys import normalize
from centralasia._lookup import Resolver, lookup_order, not_found, resolve
from centralasia._model import Article, Citation
from centralasia._schema import AttributeType, Kind, attribute_types, kind_of

__all__ = ["AttributeIndex", "attribute_of", "category", "criterion_key", "index_attribute"]

#: The index key of "not given": ``None``, or an empty tuple.
_NONE_KEY = "\x00none"

#: An attribute's index: filter key -> positions of the records that have it.
AttributeIndex = dict[Hashable, tuple[int, ...]]


def category(attribute: AttributeType) -> str:
    """Say how ``where`` matches *attribute*: reference, enum, text, date or other."""
    element = attribute.element
    if attribute.targets or element is Citation:
        return "reference"
    if isinstance(element, type) and issubclass(element, enum.Enum):
        return "enum"
    if element is str:
        return "text"
    return "date" if element is Date else "other"


def attribute_of(kind: Kind[Any], name: object) -> AttributeType:
    """Return the attribute *name* of *kind*'s records; raise TypeError if they have none."""
    attributes = attribute_types(kind.cls)
    attribute = attributes.get(name) if isinstance(name, str) else None
    if attribute is None:
        msg = f"{kind.name} records have no attribute {name!r}; they have {', '.join(attributes)}"
        raise TypeError(msg)
    return attribute


@frozen
class _Criterion:
    """What :meth:`Collection.where` accepts for one attribute, read once from its type."""

    #: How values are matched: reference, enum, text, date or other.
    category: str
    #: Whether None ("not given") can match: the attribute is optional or a tuple.
    nullable: bool
    #: The type of one value (the enum, for an enum attribute).
    element: Any
    #: For a reference, the kinds it names, in lookup order, and their classes.
    targets: tuple[Kind[Any], ...]
    classes: tuple[type[Any], ...]


_CRITERIA: dict[tuple[type[Any], str], _Criterion] = {}


def _criterion_for(kind: Kind[Any], name: str) -> _Criterion:
    """Return what ``where`` accepts for the attribute *name*; raise TypeError if none."""
    criterion = _CRITERIA.get((kind.cls, name))
    if criterion is None:
        attribute = attribute_of(kind, name)
        matched = category(attribute)
        targets: tuple[Kind[Any], ...] = ()
        if matched == "reference":  # ``sources`` holds citations: it names their articles
            targets = lookup_order(attribute.targets or (kind_of(Article),))
        nullable = attribute.optional or attribute.many
        classes = tuple(target.cls for target in targets)
        criterion = _Criterion(matched, nullable, attribute.element, targets, classes)
        _CRITERIA[kind.cls, name] = criterion
    return criterion


def _record_key(record: Any) -> tuple[type[Any], str]:
    return type(record), record.id


def _index_keys(matched: str, value: object) -> Iterator[Hashable]:
    """Yield the keys an attribute's *value* is found by in :meth:`Collection.where`."""
    if value is None or (isinstance(value, tuple) and not value):
        yield _NONE_KEY
        return
    for item in value if isinstance(value, tuple) else (value,):
        if matched == "reference":
            yield _record_key(item.article if isinstance(item, Citation) else item)
        elif matched == "enum":
            yield normalize(str(item.value))
        elif matched == "text":
            yield normalize(item)
        # Dates and other values are matched only as given or not (None).


def index_attribute(kind: Kind[Any], items: Sequence[Any], name: str) -> AttributeIndex:
    """Return the index of *items* by the attribute *name*, as :func:`criterion_key` keys it."""
    matched = _criterion_for(kind, name).category
    building: dict[Hashable, list[int]] = {}
    for number, item in enumerate(items):
        for key in dict.fromkeys(_index_keys(matched, getattr(item, name))):
            building.setdefault(key, []).append(number)
    return {key: tuple(numbers) for key, numbers in building.items()}


def criterion_key(kind: Kind[Any], name: str, value: object, resolver: Resolver) -> Hashable:
    """Return the index key that the criterion ``name=value`` of :meth:`where` looks up."""
    criterion = _criterion_for(kind, name)
    matched, nullable = criterion.category, criterion.nullable
    if value is None:
        if nullable:
            return _NONE_KEY
        msg = f"where(): every {kind.name} has {indefinite(name)}, so {name}=None matches nothing"
        raise TypeError(msg)
    if matched == "reference":
        targets = criterion.targets
        if isinstance(value, str):
            record = resolve(value, targets, resolver)
            if record is None:
                raise not_found(value, targets, resolver)
            return _record_key(record)
        if isinstance(value, criterion.classes):
            return _record_key(value)
        what = indefinite(targets[0].name) if len(targets) == 1 else "a record"
        accepted = f"{what}, a key (str) that names one{', or None' if nullable else ''}"
        raise wrong_type("where", name, accepted, value)
    if matched == "enum":
        return _enum_key(name, criterion.element, value, nullable=nullable)
    if matched == "text":
        if isinstance(value, str):
            return normalize(value)
        raise wrong_type("where", name, "a str" + (" or None" if nullable else ""), value)
    hint = "between() for dates" if matched == "date" else "filter() with a function"
    msg = f"where() matches {name!r} only with None (not given); use {hint}"
    raise TypeError(msg)


def _enum_key(name: str, kind: type[enum.Enum], value: object, *, nullable: bool) -> str:
    """Return the key of an enum criterion: a member, or a member's value in any case."""
    if isinstance(value, kind):
        return normalize(str(value.value))
    if not isinstance(value, str):
        accepted = f"a {kind.__name__}, its value (str){' or None' if nullable else ''}"
        raise wrong_type("where", name, accepted, value)
    key = normalize(value)
    values = [str(member.value) for member in kind]
    if key not in map(normalize, values):
        msg = f"where(): {name}={value!r} is not a {kind.__name__}: use {', '.join(values)}"
        raise ValueError(msg)
    return key
