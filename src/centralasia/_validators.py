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

__all__ = [
    "currency",
    "finite_decimal",
    "fraction",
    "identifier",
    "non_empty",
    "non_negative_decimal",
    "snake_case",
]

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SNAKE = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)*")


def _fail(
    error: type[Exception], attribute: Attribute[Any], value: object, message: str
) -> NoReturn:
    text = f"'{attribute.name}' {message}"
    raise error(text, attribute, value)


def non_empty(_: object, attribute: Attribute[Any], value: Sized) -> None:
    """Refuse an empty string or tuple."""
    if not len(value):
        _fail(ValueError, attribute, value, "must not be empty")


def identifier(_: object, attribute: Attribute[Any], value: object) -> None:
    """Require a lowercase slug such as ``china-exim-bank``."""
    if type(value) is not str or _ID.fullmatch(value) is None:
        _fail(
            ValueError, attribute, value, f"must be a lowercase slug such as 'sco', not {value!r}"
        )


def snake_case(_: object, attribute: Attribute[Any], value: object) -> None:
    """Require a snake_case name such as ``confucius_institutes``."""
    if type(value) is not str or _SNAKE.fullmatch(value) is None:
        _fail(ValueError, attribute, value, f"must be snake_case, not {value!r}")


def finite_decimal(_: object, attribute: Attribute[Any], value: object) -> None:
    """Require a finite Decimal: never a float, an infinity or a NaN."""
    # One validator rather than [instance_of, ...]: loading calls it for every figure.
    if type(value) is not Decimal:
        _fail(TypeError, attribute, value, f"must be a Decimal, not {value!r}")
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
        _fail(ValueError, attribute, value, f"must be an ISO 4217 currency code, not {value!r}")
