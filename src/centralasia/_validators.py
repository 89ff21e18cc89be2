"""
Validators for attrs fields, shared by the value types and the records.

Each raises as attrs' own validators do, with the message first and the
:class:`attrs.Attribute` second in the exception's arguments, so that the
loader can name the field from the error itself.
"""

from __future__ import annotations

import re
import sys
import types
import typing
from collections.abc import Callable, Sized
from decimal import Decimal
from typing import Any, NoReturn, TypeVar

import attrs
from attrs import Attribute

from centralasia._currencies import CURRENCY_CODES
from centralasia._errors import shown

__all__ = [
    "DECIMAL_PRECISION",
    "DECIMAL_SCALE",
    "currency",
    "decimal_fits",
    "file_name",
    "finite_decimal",
    "fraction",
    "frozen",
    "identifier",
    "is_file_name",
    "non_empty",
    "non_negative_decimal",
    "snake_case",
]

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SNAKE = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)*")
# A file's own name: no folder, no parent, no NUL, not hidden, and no lone surrogate (no file
# system can be asked for a name holding one).
_FILE_NAME = re.compile(r"[^/\\\x00.\ud800-\udfff][^/\\\x00\ud800-\udfff]*")

#: Decimals hold up to this many digits (Parquet's decimal128 allows 38) ...
DECIMAL_PRECISION = 38
#: ... of which this many after the point: 28 before it, far beyond any sum of money.
DECIMAL_SCALE = 10


def decimal_fits(value: Decimal) -> bool:
    """Tell whether *value*, as written, fits ``DECIMAL(38, 10)``, which every export can write."""
    _, digits, exponent = value.as_tuple()
    return (
        type(exponent) is int
        and -exponent <= DECIMAL_SCALE
        and len(digits) + exponent <= DECIMAL_PRECISION - DECIMAL_SCALE
    )


def _fail(
    error: type[Exception], attribute: Attribute[Any], value: object, message: str
) -> NoReturn:
    text = f"'{attribute.name}' {message}"
    raise error(text, attribute, value)


def non_empty(_: object, attribute: Attribute[Any], value: Sized) -> None:
    """Refuse an empty or blank string, or an empty tuple."""
    if not isinstance(value, (str, tuple)):
        _fail(TypeError, attribute, value, f"must be text or a tuple, not {type(value).__name__}")
    if not len(value) or (isinstance(value, str) and value.isspace()):
        _fail(ValueError, attribute, value, "must not be empty or blank")


def is_file_name(value: object) -> bool:
    """Tell whether *value* is a file's own name, such as ``001_a.txt``: no folder, not hidden."""
    return type(value) is str and _FILE_NAME.fullmatch(value) is not None


def file_name(_: object, attribute: Attribute[Any], value: object) -> None:
    """Require a file's own name, so that writing it cannot leave its folder."""
    if not is_file_name(value):
        _fail(ValueError, attribute, value, f"must be a file's own name, not {shown(value)}")


def identifier(_: object, attribute: Attribute[Any], value: object) -> None:
    """Require a lowercase slug such as ``china-exim-bank``."""
    if type(value) is not str or _ID.fullmatch(value) is None:
        _fail(
            ValueError,
            attribute,
            value,
            f"must be a lowercase slug such as 'sco', not {shown(value)}",
        )


def snake_case(_: object, attribute: Attribute[Any], value: object) -> None:
    """Require a snake_case name such as ``confucius_institutes``."""
    if type(value) is not str or _SNAKE.fullmatch(value) is None:
        _fail(ValueError, attribute, value, f"must be snake_case, not {shown(value)}")


def finite_decimal(_: object, attribute: Attribute[Any], value: object) -> None:
    """Require a finite Decimal: never a float, an infinity or a NaN."""
    # One validator rather than [instance_of, ...]: loading calls it for every figure.
    if type(value) is not Decimal:
        _fail(TypeError, attribute, value, f"must be a Decimal, not {shown(value)}")
    if not value.is_finite():
        _fail(ValueError, attribute, value, f"must be a finite number, not {value}")


def non_negative_decimal(instance: object, attribute: Attribute[Any], value: object) -> None:
    """Require a finite Decimal that is zero or more."""
    finite_decimal(instance, attribute, value)
    if value < 0:  # type: ignore[operator]
        _fail(ValueError, attribute, value, f"must be >= 0, not {value}")


def fraction(instance: object, attribute: Attribute[Any], value: object) -> None:
    """Require a finite Decimal in [0, 1]: a share, 0.278 for 27.8 percent."""
    finite_decimal(instance, attribute, value)
    if not (0 <= value <= 1):  # type: ignore[operator]
        _fail(ValueError, attribute, value, f"must be a fraction in [0, 1], not {value}")


def currency(_: object, attribute: Attribute[Any], value: object) -> None:
    """Require an ISO 4217 currency code."""
    if type(value) is not str or value not in CURRENCY_CODES:
        _fail(
            ValueError, attribute, value, f"must be an ISO 4217 currency code, not {shown(value)}"
        )


C = TypeVar("C", bound=type)


def _checker(hint: Any) -> Callable[[object], bool] | None:
    """Return a test of whether a value has the type *hint*, or None when it is not checked."""
    origin, arguments = typing.get_origin(hint), typing.get_args(hint)
    if isinstance(hint, TypeVar) or hint is Any:
        return None  # a generic value (Figure's): its own validator checks it
    if origin in {types.UnionType, typing.Union}:
        options = [_checker(argument) for argument in arguments]
        if any(option is None for option in options):
            return None
        return lambda value: any(option(value) for option in options)  # type: ignore[misc]
    if origin is tuple and arguments[1:] == (...,):
        item = _checker(arguments[0])
        return lambda value: type(value) is tuple and (item is None or all(map(item, value)))
    if origin is not None:
        hint = origin  # Figure[Money], Mapping[str, str]: the class, not its parameters
    if hint is type(None):
        return lambda value: value is None
    if hint is int:
        return lambda value: type(value) is int  # bool is an int, but no line number
    return lambda value: isinstance(value, hint)


Validator = Callable[[object, "Attribute[Any]", object], None]


def _typed(cls: type[Any]) -> Validator:
    """Return a validator refusing a value whose type is not its field's annotation."""
    # Resolved on first use: an annotation may name a class defined later (a forward reference).
    checks: dict[str, tuple[Callable[[object], bool] | None, str]] = {}

    def validate(instance: object, attribute: Attribute[Any], value: object) -> None:
        name = attribute.name
        if name not in checks:
            hint = _resolved(cls, attribute.type)
            checks[name] = _checker(hint), _words(hint)
        test, words = checks[name]
        if test is not None and not test(value):
            what = type(value).__name__
            message = f"{type(instance).__name__}(): '{name}' must be {words}, not {what}"
            raise TypeError(message, attribute, value)

    return validate


def _words(hint: Any) -> str:
    """Return the type *hint* in words: "a str or None", "a tuple of Country"."""
    origin, arguments = typing.get_origin(hint), typing.get_args(hint)
    if origin in {types.UnionType, typing.Union}:
        return " or ".join(_words(argument) for argument in arguments)
    if origin is tuple:
        return f"a tuple of {_words(arguments[0]).split(' ', 1)[-1]}"
    if hint is type(None):
        return "None"
    name = getattr(origin or hint, "__name__", str(hint))
    return f"{'an' if name[:1] in set('AEIOU') else 'a'} {name}"


def _resolved(cls: type[Any], hint: Any) -> Any:
    """Return the annotation *hint* of a field of *cls*, evaluated if it is a string."""
    if not isinstance(hint, str):
        return hint
    holder = types.SimpleNamespace(__annotations__={"hint": hint}, __module__=cls.__module__)
    return typing.get_type_hints(holder, vars(sys.modules[cls.__module__]))["hint"]


def _types_checked(cls: type[Any], fields: list[Attribute[Any]]) -> list[Attribute[Any]]:
    """Add a type check to each field's validators (attrs' field transformer)."""
    typed = _typed(cls)
    # The type first: a field's own validator may assume it (len(), a comparison).
    return [
        attribute.evolve(
            validator=typed
            if attribute.validator is None
            else attrs.validators.and_(typed, attribute.validator)
        )
        for attribute in fields
    ]


def _init_once(self: object) -> None:
    # A shared record re-initialised would change under every holder (issue 22):
    # attrs' frozen classes set their fields through object.__setattr__, so
    # only this check, run first by every __init__, keeps them values.
    try:
        object.__getattribute__(self, type(self).__attrs_attrs__[0].name)  # type: ignore[attr-defined]
    except AttributeError:
        return
    msg = f"{type(self).__name__} is immutable: its __init__ cannot be called again"
    raise TypeError(msg)


def frozen(cls: C | None = None, **options: Any) -> Any:
    """
    Return :func:`attrs.frozen` for a value class, each field's type checked, run once.

    A wrong type is a :class:`TypeError` naming the class and the field, as
    ``Citation(None, "x")`` or a name given as an int; calling ``__init__``
    again on a built record is a :class:`TypeError` too.
    """

    def wrap(cls: C) -> C:
        cls.__attrs_pre_init__ = _init_once  # type: ignore[attr-defined]
        return attrs.frozen(cls, field_transformer=_types_checked, **options)

    return wrap if cls is None else wrap(cls)
