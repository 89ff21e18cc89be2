"""
Value types: money, a figure with its qualifier, runs of seed lines, names.

Values have no id and are compared by what they hold; records (in
:mod:`centralasia._model`) are built from them.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from attrs import Attribute, field
from attrs.validators import ge, matches_re

from centralasia import _validators as check
from centralasia._errors import wrong_type

if TYPE_CHECKING:  # the attrs plugin of mypy knows attrs.frozen, which this one wraps
    from attrs import frozen
else:  # attrs.frozen with each field's type checked and __init__ run once (issue 22)
    from centralasia._validators import frozen


__all__ = ["Figure", "LocalName", "Money", "Participant", "Qualifier", "Span"]


class Qualifier(enum.Enum):
    """
    How a figure relates to the true value, as its source words it.

    .. versionadded:: 0.1
    """

    EXACT = "exact"
    """The figure as written, with no qualifying word."""
    APPROXIMATE = "approximate"
    """A rounded figure, worded as "about", "approximately", "around", "roughly"."""
    ESTIMATED = "estimated"
    """An estimate, worded as "an estimated" or "estimates put it at"."""
    AT_LEAST = "at_least"
    """The true value is this or more, worded as "at least", "no fewer than"."""
    MORE_THAN = "more_than"
    """The true value is above this, worded as "over", "more than", "exceeds"."""
    AT_MOST = "at_most"
    """The true value is this or less, worded as "as much as", "up to"."""
    LESS_THAN = "less_than"
    """The true value is below this, worded as "under", "less than", "below"."""
    JUST_BELOW = "just_below"
    """The true value is a little below this, worded as "just under", "almost", "nearly"."""


@frozen
class Money:
    """
    An exact amount of money in an ISO 4217 currency.

    >>> Money(Decimal("3775000000"), "USD")
    Money(amount=Decimal('3775000000'), currency='USD')

    .. versionadded:: 0.1
    """

    amount: Decimal = field(validator=check.non_negative_decimal)
    """The exact amount as a decimal, never a float and never rounded."""
    currency: str = field(validator=check.currency)
    """The ISO 4217 code of the currency, such as ``USD``."""

    def __str__(self) -> str:
        return f"{self.amount:,} {self.currency}"


#: The word put before a figure for each qualifier, as a source would word it.
_QUALIFIER_WORDS: dict[Qualifier, str] = {
    Qualifier.EXACT: "",
    Qualifier.APPROXIMATE: "about ",
    Qualifier.ESTIMATED: "an estimated ",
    Qualifier.AT_LEAST: "at least ",
    Qualifier.MORE_THAN: "over ",
    Qualifier.AT_MOST: "as much as ",
    Qualifier.LESS_THAN: "less than ",
    Qualifier.JUST_BELOW: "just under ",
}

#: What a figure may hold: an amount of money, or a plain number (a share, a count).
V = TypeVar("V", Money, Decimal)


def _figure_value(_: object, attribute: Attribute[Any], value: object) -> None:
    if not isinstance(value, Money):
        check.finite_decimal(None, attribute, value)


@frozen
class Figure(Generic[V]):
    """
    One figure as its source gives it: a number or an amount, and how exact it is.

    The value and its qualifier are one object, so no qualifier can exist
    without its figure.  "just under 13 percent" is
    ``Figure(Decimal("0.13"), Qualifier.JUST_BELOW)``; shares are
    fractions.

    >>> Figure(Money(Decimal("700"), "USD"), Qualifier.APPROXIMATE).value.amount
    Decimal('700')

    .. versionadded:: 0.1
    """

    value: V = field(validator=_figure_value)
    """The number (a :class:`~decimal.Decimal`) or the :class:`Money`, exactly as written."""
    qualifier: Qualifier = field(default=Qualifier.EXACT)
    """Whether :attr:`value` is exact, rounded, an estimate or a bound."""

    @qualifier.validator
    def _check_qualifier(self, attribute: Attribute[Qualifier], value: object) -> None:
        if not isinstance(value, Qualifier):
            msg = f"'{attribute.name}' must be a Qualifier, not {value!r}"
            raise TypeError(msg, attribute, value)

    def describe(self, *, percent: bool = False) -> str:
        """
        Return the figure as a reader would say it, its qualifier in words.

        With *percent*, a number is a share and is written as a percentage,
        exactly: 0.278 is ``27.8%``.

        >>> Figure(Money(Decimal("4000000000"), "USD"), Qualifier.APPROXIMATE).describe()
        'about 4,000,000,000 USD'
        >>> Figure(Decimal("0.13"), Qualifier.JUST_BELOW).describe(percent=True)
        'just under 13%'

        .. versionadded:: 0.1
        """
        if type(percent) is not bool:
            raise wrong_type("Figure.describe", "percent", "True or False", percent)
        value = self.value
        if isinstance(value, Money):
            shown = str(value)
        elif percent:
            shown = f"{(value * 100).normalize():f}%"
        else:
            shown = f"{value:,}"
        return _QUALIFIER_WORDS[self.qualifier] + shown

    def __str__(self) -> str:
        return self.describe()


@frozen
class Span:
    """
    A run of lines of a seed file, 1-based and inclusive.

    .. versionadded:: 0.1
    """

    first_line: int = field(validator=ge(1))
    """The first line of the run, counting from 1."""
    last_line: int = field()
    """The last line of the run, included."""

    @last_line.validator
    def _check_last_line(self, attribute: Attribute[int], value: int) -> None:
        if value < self.first_line:
            msg = f"'last_line' ({value}) is before 'first_line' ({self.first_line})"
            raise ValueError(msg, attribute, value)


@frozen
class Participant:
    """
    A person named in an event, with the role the source gives them.

    .. versionadded:: 0.1
    """

    name: str = field(validator=check.non_empty)
    """The person's name as the source writes it."""
    role: str | None = None
    """Their role or office in the event ("Chinese Foreign Minister")."""


@frozen
class LocalName:
    """
    A country's name in another language: reference data from the Unicode CLDR.

    .. versionadded:: 0.1
    """

    language: str = field(validator=matches_re(r"[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?"))
    """The BCP 47 language tag, such as ``ru``, ``zh`` or ``uz-Cyrl``."""
    name: str = field(validator=check.non_empty)
    """The name in that language, such as ``Казахстан``."""
