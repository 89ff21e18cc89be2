"""
Validators for attrs fields, shared by the value types and the records.

Each raises as attrs' own validators do, with the message first and the
:class:`attrs.Attribute` second in the exception's arguments, so that the
loader can name the field from the error itself.
"""

from __future__ import annotations

import re
from collections.abc import Sized
from decimal import Decimal
from typing import Any, NoReturn

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
    if value not in CURRENCY_CODES:
        _fail(
            ValueError, attribute, value, f"must be an ISO 4217 currency code, not {shown(value)}"
        )
