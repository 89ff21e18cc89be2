"""
The one private cattrs converter: how data files become records and back.

Values are read strictly: a string is never taken for a number or a list,
decimals are written as strings so that no float touches a figure.  Fields
that refer to other records are found from the schema and written as ids;
while a file is structured they resolve through the current
:class:`~centralasia._references.Registry`.
"""

from __future__ import annotations

import functools
import re
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

import attrs
from cattrs import Converter
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from centralasia import _references
from centralasia._dates import Date
from centralasia._errors import Consequence, shown
from centralasia._model import Article, Citation
from centralasia._schema import Reference, references, written
from centralasia._seeds import FOLDER, seed_lines
from centralasia._validators import DECIMAL_PRECISION, DECIMAL_SCALE, decimal_fits
from centralasia._values import Figure, Qualifier, Span

__all__ = ["converter", "structure_record"]

T = TypeVar("T")

converter = Converter(forbid_extra_keys=True)


def _expect(value: object, kind: type[T] | tuple[type[Any], ...], what: str) -> Any:
    # cattrs' default hooks coerce (str(5) == "5"); a data file must say what it means.
    if type(value) is kind:  # the common case, first
        return value
    if not isinstance(value, kind) or isinstance(value, bool) != (kind is bool):
        msg = f"expected {what}, got {type(value).__name__} {shown(value)}"
        raise TypeError(msg)
    return value


# A lone surrogate ("\\ud800" in JSON) cannot be encoded as UTF-8, so every
# export of it would fail; a NUL ends a C string in SQLite and in terminals.
_UNWRITABLE = re.compile("[\x00\ud800-\udfff]")


def _structure_str(value: object, _: Any) -> str:
    text: str = _expect(value, str, "a string")
    if ("\x00" in text or not text.isascii()) and _UNWRITABLE.search(text) is not None:
        msg = f"expected text, got a NUL or a lone surrogate in {shown(text)}"
        raise ValueError(msg)
    return text


def _exactly(kind: type[T], what: str) -> Callable[[object, Any], T]:
    """Return a hook accepting values of exactly *kind*."""

    def structure(value: object, _: Any) -> T:
        return _expect(value, kind, what)  # type: ignore[no-any-return]

    return structure


#: A decimal as a data file writes it: ASCII digits, an optional point and exponent.
_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?", re.ASCII)
#: The longest decimal string read: longer ones cannot fit DECIMAL(38, 10) anyway.
_DECIMAL_LENGTH = 48


def _structure_decimal(value: object, _: type[Decimal]) -> Decimal:
    # Floats are refused: 0.1 in JSON already lost digits before we see it.
    _expect(value, (str, int), 'a decimal number written as a string, such as "0.278"')
    text = str(value)
    # Decimal() takes "1_000", "+5", ".5", " 5 ", a fullwidth 5 and "NaN": a data file may not.
    if len(text) > _DECIMAL_LENGTH or _DECIMAL.fullmatch(text) is None:
        msg = (
            f'expected a finite decimal number in ASCII digits such as "0.278", got {shown(value)}'
        )
        raise ValueError(msg)
    number = Decimal(text)
    if not decimal_fits(number):
        msg = (
            f"expected a decimal with at most {DECIMAL_PRECISION - DECIMAL_SCALE} digits before "
            f"the point and {DECIMAL_SCALE} after it (what every export writes), got {shown(value)}"
        )
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
        msg = f"expected a [first_line, last_line] pair, got {shown(pair)}"
        raise ValueError(msg)
    first, last = (_expect(number, int, "a line number") for number in pair)
    return Span(first, last)


converter.register_structure_hook(str, _structure_str)
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


def _is_figure(type_: Any) -> bool:
    return typing.get_origin(type_) is Figure


def _structure_figure_factory(type_: Any) -> Callable[[object, Any], Figure[Any]]:
    """Structure ``{"value": ..., "qualifier": ...}``; the qualifier defaults to exact."""
    (value_type,) = typing.get_args(type_)
    value_hook = converter.get_structure_hook(value_type)

    def structure(value: object, _: Any) -> Figure[Any]:
        mapping = _expect(value, dict, 'a figure such as {"value": "0.13", "qualifier": "exact"}')
        errors: list[Exception] = []
        unknown = set(mapping) - {"value", "qualifier"}
        if unknown:
            message = f"unknown field(s): {', '.join(sorted(unknown))}"
            errors.append(TypeError(message))
        parts: dict[str, Any] = {}
        for name, hook, kind in (
            ("value", value_hook, value_type),
            ("qualifier", converter.get_structure_hook(Qualifier), Qualifier),
        ):
            if name not in mapping:
                if name == "value":
                    exc: Exception = KeyError(name)
                    exc.add_note(AttributeValidationNote(f"Structuring {name}", name, kind))
                    errors.append(exc)
                continue
            try:
                parts[name] = hook(mapping[name], kind)
            except Exception as exc:  # noqa: BLE001 - reported with the field's name
                exc.add_note(AttributeValidationNote(f"Structuring {name}", name, kind))
                errors.append(exc)
        if errors:
            msg = f"While structuring {type_!r}"
            raise ClassValidationError(msg, errors, Figure)
        return Figure(**parts)

    return structure


def _unstructure_figure(figure: Figure[Any]) -> dict[str, Any]:
    return {"value": converter.unstructure(figure.value), "qualifier": figure.qualifier.value}


converter.register_structure_hook_factory(_is_tuple, _structure_tuple_factory)
converter.register_structure_hook_factory(_is_optional, _structure_optional_factory)
converter.register_structure_hook_factory(_is_figure, _structure_figure_factory)
converter.register_unstructure_hook(Figure, _unstructure_figure)


def _reference_override(reference: Reference) -> Any:
    """Return the cattrs override that reads and writes *reference* as ids."""
    one: Callable[[object], Any]
    write: Callable[[Any], str]
    if len(reference.targets) == 1:
        (kind,) = reference.targets

        def one(value: object) -> Any:
            return _references.resolve(kind, value)

        def write(record: Any) -> str:
            return record.id  # type: ignore[no-any-return]
    else:
        one, write = _references.resolve_any, written

    def structure_many(value: object, _: Any) -> tuple[Any, ...]:
        return tuple(one(item) for item in _expect(value, list, "an array of ids"))

    def unstructure_many(records: tuple[Any, ...]) -> list[str]:
        return [write(record) for record in records]

    def structure_one(value: object, _: Any) -> Any:
        return None if value is None and reference.optional else one(value)

    def unstructure_one(record: Any) -> str | None:
        return None if record is None else write(record)

    if reference.many:
        return override(struct_hook=structure_many, unstruct_hook=unstructure_many)
    return override(struct_hook=structure_one, unstruct_hook=unstructure_one)


def _overrides(cls: type[Any]) -> dict[str, Any]:
    return {reference.field: _reference_override(reference) for reference in references(cls)}


def _is_record(type_: Any) -> bool:
    return attrs.has(type_) and type_ not in {Date, Span} and not _is_figure(type_)


def _structure_record_factory(cls: type[Any]) -> Callable[[object, Any], Any]:
    attrs.resolve_types(cls)
    structure = make_dict_structure_fn(cls, converter, **_overrides(cls))

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
        shared = _references.current().citations
        citation = shared.get((article, quote))
        if citation is None:
            citation = shared[article, quote] = structure_mapping(value, type_)
        return citation

    return structure_citation if cls is Citation else structure_mapping


def _unstructure_record_factory(cls: type[Any]) -> Callable[[Any], dict[str, Any]]:
    attrs.resolve_types(cls)
    overrides = _overrides(cls)
    if cls is Article:
        # An article's text and bio are read from its seed, never written to a file.
        overrides |= {"text": override(omit=True), "bio": override(omit=True)}
    return make_dict_unstructure_fn(cls, converter, **overrides)


converter.register_structure_hook_factory(_is_record, _structure_record_factory)
converter.register_unstructure_hook_factory(_is_record, _unstructure_record_factory)


def _field_error(exc: Exception, name: str, type_: Any) -> ClassValidationError:
    """Return *exc* as an error of the Article's field *name*, so the loader can name it."""
    exc.add_note(AttributeValidationNote(f"Structuring {name}", name, type_))
    return ClassValidationError("While structuring Article", [exc], Article)


def _with_article_text(mapping: dict[str, Any]) -> dict[str, Any]:
    """Return *mapping* with the article's text and bio cut from its seed."""
    for derived in ("text", "bio"):
        if derived in mapping:
            msg = f"'{derived}' is read from the seed file and must not be given"
            raise _field_error(ValueError(msg), derived, str)
    registry = _references.current()
    seeds = registry.seeds
    seed_name = mapping.get("seed")
    if type(seed_name) is str and {FOLDER, f"{FOLDER}/{seed_name}"} & registry.unread:
        msg = f"'seed' names {shown(seed_name)}, which could not be read"
        raise _field_error(Consequence(msg), "seed", str)
    if type(seed_name) is not str or seed_name not in seeds:
        msg = f"'seed' names {shown(seed_name)}, which is not a file in the seeds/ folder"
        raise _field_error(ValueError(msg), "seed", str)
    texts = {}
    for name in ("spans", "bio_spans"):
        try:
            spans = converter.structure(mapping.get(name, []), tuple[Span, ...])
            texts[name] = seed_lines(seeds[seed_name], spans)
        except Exception as exc:  # noqa: BLE001 - reported with the field's name
            raise _field_error(exc, name, tuple[Span, ...]) from None
    # The generated hook builds the record; these keys are not in the file.
    return {**mapping, "text": texts["spans"], "bio": texts["bio_spans"].strip() or None}


def structure_record(raw: object, cls: type[T]) -> T:
    """Structure one record of type *cls*; references resolve through the current registry."""
    return converter.structure(raw, cls)
