"""
The one private cattrs converter, and how records refer to each other.

In the data files a reference to another record is its id; once loaded it is
the record itself.  Which fields are references follows from their types: any
field typed as a referenceable record (or an optional or a tuple of one) is
written as ids.  While a file is structured, :data:`_REGISTRY` holds the
records loaded so far, by type and id.
"""

from __future__ import annotations

import contextvars
import functools
import re
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

import attrs
from cattrs import Converter
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from centralasia._dates import Date
from centralasia._model import (
    Article,
    Citation,
    Corridor,
    Country,
    Event,
    Finance,
    Loan,
    Measurement,
    Membership,
    Organization,
    Span,
)

T = TypeVar("T")

#: Record types that other records refer to by id.
REFERENCEABLE: tuple[type[Any], ...] = (
    Article, Country, Organization, Corridor, Membership, Event, Loan, Finance, Measurement,
)  # fmt: skip


class Registry:
    """What a file being structured may refer to: records by type and id, and seed texts."""

    def __init__(self, seeds: Mapping[str, str]) -> None:
        self.seeds = seeds
        self.records: dict[type[Any], dict[str, Any]] = {kind: {} for kind in REFERENCEABLE}
        #: Ids of records that were in the files but failed to load.
        self.invalid: dict[type[Any], set[str]] = {kind: set() for kind in REFERENCEABLE}
        #: Citations already built, by (article id, quote): records citing the same
        #: passage share one immutable Citation, which saves time and memory.
        self.citations: dict[tuple[str, str], Citation] = {}


_REGISTRY: contextvars.ContextVar[Registry] = contextvars.ContextVar("centralasia_registry")

converter = Converter(forbid_extra_keys=True)


def _expect(value: object, kind: type[T] | tuple[type[Any], ...], what: str) -> Any:
    # cattrs' default hooks coerce (str(5) == "5"); a data file must say what it means.
    if type(value) is kind:  # the common case, first
        return value
    if not isinstance(value, kind) or isinstance(value, bool) != (kind is bool):
        msg = f"expected {what}, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    return value


def _structure_decimal(value: object, _: type[Decimal]) -> Decimal:
    # Floats are refused: 0.1 in JSON already lost digits before we see it.
    _expect(value, (str, int), 'a decimal number written as a string, such as "0.278"')
    try:
        number = Decimal(value)  # type: ignore[arg-type]
    except InvalidOperation:
        msg = f"expected a decimal number, got {value!r}"
        raise ValueError(msg) from None
    if not number.is_finite():
        msg = f"expected a finite decimal number, got {value!r}"
        raise ValueError(msg)
    return number


@functools.lru_cache(maxsize=4096)
def _date(edtf: str) -> Date:
    """Return the Date for *edtf*; dates are immutable, so equal ones are shared."""
    return Date(edtf)


def _structure_date(value: object, _: type[Date]) -> Date:
    return _date(_expect(value, str, 'an EDTF date string such as "2023-06"'))


def _structure_span(value: object, _: type[Span]) -> Span:
    pair = _expect(value, list, "a [first_line, last_line] pair")
    if len(pair) != 2:  # noqa: PLR2004 - a pair
        msg = f"expected a [first_line, last_line] pair, got {pair!r}"
        raise ValueError(msg)
    first, last = (_expect(number, int, "a line number") for number in pair)
    return Span(first, last)


def _exactly(kind: type[T], what: str) -> Callable[[object, Any], T]:
    """Return a hook accepting values of exactly *kind*, checking the common case first."""

    def structure(value: object, _: Any) -> T:
        if type(value) is kind:
            return value
        return _expect(value, kind, what)  # type: ignore[no-any-return]

    return structure


converter.register_structure_hook(str, _exactly(str, "a string"))
converter.register_structure_hook(int, _exactly(int, "an integer"))
converter.register_structure_hook(bool, _exactly(bool, "true or false"))
converter.register_structure_hook(Decimal, _structure_decimal)
converter.register_unstructure_hook(Decimal, str)
converter.register_structure_hook(Date, _structure_date)
converter.register_unstructure_hook(Date, lambda date: date.edtf)
converter.register_structure_hook(Span, _structure_span)
converter.register_unstructure_hook(Span, lambda span: [span.first_line, span.last_line])


def _is_tuple(type_: Any) -> bool:
    return typing.get_origin(type_) is tuple and typing.get_args(type_)[1:] == (...,)


def _structure_tuple_factory(type_: Any) -> Callable[[object, Any], tuple[Any, ...]]:
    """Structure a JSON array, and only an array, into a tuple, noting bad indexes."""
    (item_type, _) = typing.get_args(type_)
    item_hook = converter.get_structure_hook(item_type)

    def structure(value: object, _: Any) -> tuple[Any, ...]:
        items = _expect(value, list, "an array")
        result, errors = [], []
        for index, item in enumerate(items):
            try:
                result.append(item_hook(item, item_type))
            except Exception as exc:  # noqa: BLE001 - every error is reported, with its index
                exc.add_note(IterableValidationNote(f"@ index {index}", index, item_type))
                errors.append(exc)
        if errors:
            msg = f"While structuring {type_!r}"
            raise IterableValidationError(msg, errors, type_)
        return tuple(result)

    return structure


converter.register_structure_hook_factory(_is_tuple, _structure_tuple_factory)


def _is_optional(type_: Any) -> bool:
    arguments = typing.get_args(type_)
    return isinstance(type_, types.UnionType) and len(arguments) == 2 and type(None) in arguments  # noqa: PLR2004


def _structure_optional_factory(type_: Any) -> Callable[[object, Any], Any]:
    """Structure ``X | None`` with X's hook, looked up once rather than on every value."""
    (inner,) = (argument for argument in typing.get_args(type_) if argument is not type(None))
    hook = converter.get_structure_hook(inner)

    def structure(value: object, _: Any) -> Any:
        return None if value is None else hook(value, inner)

    return structure


converter.register_structure_hook_factory(_is_optional, _structure_optional_factory)


def _resolve(kind: type[T], value: object) -> T:
    registry = _REGISTRY.get()
    if type(value) is str:  # the common case, first
        found = registry.records[kind].get(value)
        if found is not None:
            return found  # type: ignore[no-any-return]
    name = kind.__name__.lower()
    key = _expect(value, str, f"the id of a {name}")
    try:
        return registry.records[kind][key]  # type: ignore[no-any-return]
    except KeyError:
        if key in registry.invalid[kind]:
            msg = f"the {name} {key!r} is itself invalid (see its own problem)"
        else:
            msg = f"no {name} has the id {key!r}"
        raise ValueError(msg) from None


def _by_id(record: Any) -> str:
    return record.id  # type: ignore[no-any-return]


def _one(kind: type[Any]) -> Any:
    def structure(value: object, _: Any) -> Any:
        return _resolve(kind, value)

    return override(struct_hook=structure, unstruct_hook=_by_id)


def _optional(kind: type[Any]) -> Any:
    def structure(value: object, _: Any) -> Any:
        return None if value is None else _resolve(kind, value)

    def unstructure(record: Any) -> str | None:
        return None if record is None else _by_id(record)

    return override(struct_hook=structure, unstruct_hook=unstructure)


def _many(kind: type[Any]) -> Any:
    def structure(value: object, _: Any) -> tuple[Any, ...]:
        ids = _expect(value, list, "an array of ids")
        return tuple(_resolve(kind, item) for item in ids)

    def unstructure(records: tuple[Any, ...]) -> list[str]:
        return [_by_id(record) for record in records]

    return override(struct_hook=structure, unstruct_hook=unstructure)


def _reference_overrides(cls: type[Any]) -> dict[str, Any]:
    """Return cattrs overrides that write the reference fields of *cls* as ids."""
    overrides = {}
    for attribute in attrs.fields(cls):
        type_ = attribute.type
        members = set(typing.get_args(type_)) if isinstance(type_, types.UnionType) else set()
        if type_ in REFERENCEABLE:
            overrides[attribute.name] = _one(type_)
        elif members & set(REFERENCEABLE):
            (kind,) = members - {type(None)}
            overrides[attribute.name] = _optional(kind)
        elif _is_tuple(type_) and typing.get_args(type_)[0] in REFERENCEABLE:
            overrides[attribute.name] = _many(typing.get_args(type_)[0])
    return overrides


def self_references(cls: type[Any]) -> tuple[str, ...]:
    """Return the names of the fields of *cls* that refer to records of *cls* itself."""
    attrs.resolve_types(cls)
    return tuple(
        attribute.name
        for attribute in attrs.fields(cls)
        if cls in {attribute.type, *typing.get_args(attribute.type)}
    )


def _is_record(type_: Any) -> bool:
    return attrs.has(type_) and type_ not in {Date, Span}


def _structure_record_factory(cls: type[Any]) -> Callable[[object, Any], Any]:
    attrs.resolve_types(cls)
    structure = make_dict_structure_fn(cls, converter, **_reference_overrides(cls))

    def structure_mapping(value: object, type_: Any) -> Any:
        mapping = _expect(value, dict, "an object")
        if cls is Article:
            mapping = _with_article_text(mapping)
        return structure(mapping, type_)

    def structure_citation(value: object, type_: Any) -> Any:
        # Only a well-formed {"article": ..., "quote": ...} pair of strings is
        # shared; anything else takes the normal path and gets its normal error.
        if type(value) is not dict or len(value) != 2:  # noqa: PLR2004 - article and quote
            return structure_mapping(value, type_)
        article, quote = value.get("article"), value.get("quote")
        if type(article) is not str or type(quote) is not str:
            return structure_mapping(value, type_)
        shared = _REGISTRY.get().citations
        citation = shared.get((article, quote))
        if citation is None:
            citation = shared[article, quote] = structure_mapping(value, type_)
        return citation

    return structure_citation if cls is Citation else structure_mapping


def _unstructure_record_factory(cls: type[Any]) -> Callable[[Any], dict[str, Any]]:
    attrs.resolve_types(cls)
    overrides = _reference_overrides(cls)
    if cls is Article:
        # An article's text and bio are read from its seed, never written to a file.
        overrides |= {"text": override(omit=True), "bio": override(omit=True)}
    return make_dict_unstructure_fn(cls, converter, **overrides)


converter.register_structure_hook_factory(_is_record, _structure_record_factory)
converter.register_unstructure_hook_factory(_is_record, _unstructure_record_factory)


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


def _with_article_text(mapping: dict[str, Any]) -> dict[str, Any]:
    """Return *mapping* with the article's text and bio read from its seed."""
    for derived in ("text", "bio"):
        if derived in mapping:
            msg = f"'{derived}' is read from the seed file and must not be given"
            raise ValueError(msg)
    seed_name = _expect(mapping.get("seed"), str, "the name of a file in seeds/")
    seeds = _REGISTRY.get().seeds
    if seed_name not in seeds:
        msg = f"'seed' names {seed_name!r}, which is not in the seeds/ folder"
        raise ValueError(msg)
    seed = seeds[seed_name]
    texts = {}
    for name in ("spans", "bio_spans"):
        try:
            spans = converter.structure(mapping.get(name, []), tuple[Span, ...])
            texts[name] = seed_lines(seed, spans)
        except Exception as exc:  # noqa: BLE001 - reported with the field's name
            exc.add_note(AttributeValidationNote(f"Structuring {name}", name, tuple[Span, ...]))
            raise ClassValidationError("While structuring Article", [exc], Article) from None
    text, bio = texts["spans"], texts["bio_spans"].strip() or None
    # The generated hook builds the record; these keys are not in the file.
    return {**mapping, "text": text, "bio": bio}


def structure_record(raw: object, cls: type[T], registry: Registry) -> T:
    """Structure one record of type *cls*, resolving its references through *registry*."""
    token = _REGISTRY.set(registry)
    try:
        return converter.structure(raw, cls)
    finally:
        _REGISTRY.reset(token)


_FIELD_IN_MESSAGE = re.compile(r"'(\w+)'")


def explain(exc: BaseException, path: str = "", owner: Any = None) -> Iterator[tuple[str, str]]:
    """
    Yield ``(field path, message)`` for every error inside a structuring error.

    *owner* is the type being structured at *path*: when its constructor's
    validator names one of its fields, that field is added to the path.
    """
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        with_notes, without_notes = exc.group_exceptions()
        for inner, note in with_notes:
            if isinstance(note, IterableValidationNote):
                step = f"{path}[{note.index}]"
            else:
                step = f"{path}.{note.name}" if path else note.name
            yield from explain(inner, step, note.type)
        for inner in without_notes:
            yield from explain(inner, path, owner)
    elif isinstance(exc, ForbiddenExtraKeysError):
        names = ", ".join(sorted(exc.extra_fields))
        yield path, f"unknown field(s): {names}"
    elif isinstance(exc, KeyError):
        yield path, "missing required field"
    elif isinstance(exc, BaseExceptionGroup):
        for nested in exc.exceptions:
            yield from explain(nested, path, owner)
    else:
        # attrs' validators put the message first and the offending values after it.
        message = exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
        named = _FIELD_IN_MESSAGE.match(message)
        owners = typing.get_args(owner) if isinstance(owner, types.UnionType) else (owner,)
        if named and any(
            attrs.has(kind) and named[1] in attrs.fields_dict(kind) for kind in owners
        ):
            path = f"{path}.{named[1]}" if path else named[1]
        yield path, message or type(exc).__name__
