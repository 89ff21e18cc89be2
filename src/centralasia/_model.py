"""
The domain model: frozen, slotted records with their invariants.

Every record has an ``id``; records that make a claim carry ``sources``, a
non-empty tuple of :class:`Citation`.  Invariants are checked here, at
construction, and nowhere else.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sized
from decimal import Decimal
from typing import Any

from attrs import Attribute, field, frozen
from attrs.validators import ge, instance_of, matches_re, optional

from centralasia._currencies import CURRENCY_CODES
from centralasia._dates import Date

__all__ = [
    "Article",
    "Citation",
    "Conflict",
    "Corridor",
    "CorridorKind",
    "Country",
    "Event",
    "Finance",
    "FinanceKind",
    "Loan",
    "Measurement",
    "Membership",
    "Money",
    "Organization",
    "OrganizationKind",
    "Participant",
    "Qualifier",
    "Role",
    "Span",
]

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _non_empty(_: object, attribute: Attribute[Any], value: Sized) -> None:
    if not len(value):
        msg = f"'{attribute.name}' must not be empty"
        raise ValueError(msg)


def _fraction(_: object, attribute: Attribute[Any], value: Decimal | None) -> None:
    if value is not None and not (0 <= value <= 1):
        msg = f"'{attribute.name}' must be a fraction in [0, 1], not {value}"
        raise ValueError(msg)


def _currency(_: object, attribute: Attribute[Any], value: str) -> None:
    if value not in CURRENCY_CODES:
        msg = f"'{attribute.name}' must be an ISO 4217 currency code, not {value!r}"
        raise ValueError(msg)


def _short_repr(value: Any) -> str:
    """Show referenced records by id, so a repr does not print the whole graph."""
    if isinstance(value, tuple):
        return "(" + ", ".join(map(_short_repr, value)) + ("," if len(value) == 1 else "") + ")"
    if value is None:
        return "None"
    return f"<{type(value).__name__} {value.id!r}>"


_valid_id = matches_re(_ID)


class Qualifier(enum.Enum):
    """
    How a figure relates to the true value, as its source words it.

    .. versionadded:: 0.1
    """

    EXACT = "exact"
    APPROXIMATE = "approximate"
    """"About", "approximately", "around", "roughly", "an estimated"."""
    LOWER_BOUND = "lower_bound"
    """"Over", "more than", "exceeds": the true value is at least this."""
    UPPER_BOUND = "upper_bound"
    """"Just under", "less than", "nearly": the true value is at most this."""


class Role(enum.Enum):
    """
    A country's role in an organization.

    .. versionadded:: 0.1
    """

    MEMBER = "member"
    FOUNDING_MEMBER = "founding_member"
    OBSERVER = "observer"
    DIALOGUE_PARTNER = "dialogue_partner"


class OrganizationKind(enum.Enum):
    """
    What kind of body an :class:`Organization` is.

    .. versionadded:: 0.1
    """

    INTERGOVERNMENTAL = "intergovernmental"
    FORMAT = "format"
    """A recurring diplomatic format such as "C+C5"."""
    BANK = "bank"
    GOVERNMENT_BODY = "government_body"
    COMPANY = "company"
    MILITANT_GROUP = "militant_group"
    MOVEMENT = "movement"
    INSTITUTE = "institute"
    PUBLICATION = "publication"
    INITIATIVE = "initiative"


class CorridorKind(enum.Enum):
    """
    What kind of route or site a :class:`Corridor` is.

    .. versionadded:: 0.1
    """

    CORRIDOR = "corridor"
    RAILWAY = "railway"
    ROAD = "road"
    PIPELINE = "pipeline"
    POWER_LINE = "power_line"
    PORT = "port"
    MINE = "mine"
    FIELD = "field"
    POWER_PLANT = "power_plant"


@frozen
class Money:
    """
    An exact amount of money in an ISO 4217 currency.

    >>> Money(Decimal("3775000000"), "USD")
    Money(amount=Decimal('3775000000'), currency='USD')

    .. versionadded:: 0.1
    """

    amount: Decimal = field(validator=[instance_of(Decimal), ge(Decimal(0))])
    currency: str = field(validator=_currency)

    def __str__(self) -> str:
        return f"{self.amount:,} {self.currency}"


@frozen
class Span:
    """
    A run of lines of a seed file, 1-based and inclusive.

    .. versionadded:: 0.1
    """

    first_line: int = field(validator=ge(1))
    last_line: int = field()

    @last_line.validator
    def _check_last_line(self, _: Attribute[int], value: int) -> None:
        if value < self.first_line:
            msg = f"'last_line' ({value}) is before 'first_line' ({self.first_line})"
            raise ValueError(msg)


@frozen
class Article:
    """
    One article of the corpus, traced to the lines of the seed file it comes from.

    :attr:`text` is exactly the lines of :attr:`seed` named by :attr:`spans`;
    boilerplate (photo credits, sign-up forms) and the author bio are left out
    of it, and :attr:`bio` holds the bio.  Title, authors, date and publisher
    are filled in only where the text states them.

    .. versionadded:: 0.1
    """

    id: str = field(validator=_valid_id)
    seed: str = field(validator=_non_empty)
    spans: tuple[Span, ...] = field(validator=_non_empty)
    text: str = field(validator=_non_empty, repr=False)
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: Date | None = None
    publisher: str | None = None
    bio_spans: tuple[Span, ...] = ()
    bio: str | None = field(default=None, repr=False)


@frozen
class Citation:
    """
    A verbatim quote from an article that supports a claim.

    The quote must occur, character for character, in the article's text.

    .. versionadded:: 0.1
    """

    article: Article = field(repr=_short_repr)
    quote: str = field(validator=_non_empty)

    @quote.validator
    def _check_quote(self, _: Attribute[str], value: str) -> None:
        if value not in self.article.text:
            msg = f"'quote' does not occur in the text of article {self.article.id!r}: {value!r}"
            raise ValueError(msg)


@frozen
class Country:
    """
    A country, identified by its ISO 3166-1 codes.

    Names and codes are reference data: :attr:`reference` names where they
    come from, and they need no article quote.

    .. versionadded:: 0.1
    """

    id: str = field(validator=_valid_id)
    name: str = field(validator=_non_empty)
    alpha_2: str = field(validator=matches_re(r"[A-Z]{2}"))
    alpha_3: str = field(validator=matches_re(r"[A-Z]{3}"))
    official_name: str | None = None
    aliases: tuple[str, ...] = ()
    reference: str = "ISO 3166-1"


@frozen
class Organization:
    """
    An organization: an intergovernmental body, a bank, a group, an institute...

    .. versionadded:: 0.1
    """

    id: str = field(validator=_valid_id)
    name: str = field(validator=_non_empty)
    kind: OrganizationKind
    sources: tuple[Citation, ...] = field(validator=_non_empty)
    acronym: str | None = None
    aliases: tuple[str, ...] = ()
    country: Country | None = field(default=None, repr=_short_repr)
    """The country the organization belongs to, for national bodies."""
    founded: Date | None = None
    predecessor: Organization | None = field(default=None, repr=_short_repr)
    """The body this one grew out of, as the sources state it."""


@frozen
class Corridor:
    """
    A route or site: a corridor, railway, road, pipeline, port, mine or field.

    :attr:`countries` lists the countries in order along the route.

    .. versionadded:: 0.1
    """

    id: str = field(validator=_valid_id)
    name: str = field(validator=_non_empty)
    kind: CorridorKind
    countries: tuple[Country, ...] = field(repr=_short_repr)
    sources: tuple[Citation, ...] = field(validator=_non_empty)
    aliases: tuple[str, ...] = ()
    status: str | None = None
    """The state of the project in the source's words ("under construction")."""
    status_as_of: Date | None = None
    length_km: Decimal | None = field(default=None, validator=optional(ge(Decimal(0))))


@frozen
class Membership:
    """
    A country's place in an organization, with its role and dates where known.

    .. versionadded:: 0.1
    """

    id: str = field(validator=_valid_id)
    country: Country = field(repr=_short_repr)
    organization: Organization = field(repr=_short_repr)
    role: Role
    sources: tuple[Citation, ...] = field(validator=_non_empty)
    joined: Date | None = field(default=None, validator=optional(instance_of(Date)))
    left: Date | None = field(default=None, validator=optional(instance_of(Date)))

    @left.validator
    def _check_left(self, _: Attribute[Date | None], value: Date | None) -> None:
        if value is not None and self.joined is not None and value.before(self.joined):
            msg = f"'left' ({value}) is before 'joined' ({self.joined})"
            raise ValueError(msg)

    def held_on(self, date: Date) -> bool | None:
        """
        Return whether the membership held on *date*, or ``None`` if the sources cannot say.

        True when it certainly began by *date* and had not ended; False when
        it began after *date* or ended before it; ``None`` when the joining
        date is unknown or too coarse to tell (joined "2001", asked about
        June 2001).

        >>> import centralasia as ca
        >>> uzbekistan = ca.memberships.get("uz-sco")
        >>> uzbekistan.joined.edtf
        '2002'
        >>> [uzbekistan.held_on(ca.Date(day)) for day in ("2001-06-15", "2002-06", "2003")]
        [False, None, True]

        .. versionadded:: 0.1
        """
        if self.left is not None and self.left.before(date):
            return False
        if self.joined is None:
            return None
        if self.joined.after(date):
            return False
        if self.joined.end <= date.start and (self.left is None or self.left.after(date)):
            return True
        return None


@frozen
class Participant:
    """
    A person named in an event, with the role the source gives them.

    .. versionadded:: 0.1
    """

    name: str = field(validator=_non_empty)
    role: str | None = None


@frozen
class Event:
    """
    A dated happening, with the countries, organizations and corridors it involves.

    .. versionadded:: 0.1
    """

    id: str = field(validator=_valid_id)
    date: Date
    summary: str = field(validator=_non_empty)
    sources: tuple[Citation, ...] = field(validator=_non_empty)
    countries: tuple[Country, ...] = field(default=(), repr=_short_repr)
    organizations: tuple[Organization, ...] = field(default=(), repr=_short_repr)
    corridors: tuple[Corridor, ...] = field(default=(), repr=_short_repr)
    people: tuple[Participant, ...] = ()


@frozen
class Loan:
    """
    A sourced figure of debt owed by one or more countries to a creditor state.

    Each figure has a qualifier saying whether it is exact, approximate or a
    bound: "just under 13 percent" is an upper bound on the share even when
    the amount beside it is exact.  Shares are fractions: 0.278 is 27.8 percent.
    A figure about several countries together (a region's debt) lists them
    all in :attr:`debtors`; :attr:`debtor` is then ``None``.

    .. versionadded:: 0.1
    """

    id: str = field(validator=_valid_id)
    debtors: tuple[Country, ...] = field(validator=_non_empty, repr=_short_repr)
    creditor: Country = field(repr=_short_repr)
    sources: tuple[Citation, ...] = field(validator=_non_empty)
    description: str = field(validator=_non_empty)
    """What the figure counts, in the source's words ("outstanding loans")."""
    lender: Organization | None = field(default=None, repr=_short_repr)
    as_of: Date | None = None
    amount: Money | None = None
    amount_qualifier: Qualifier = Qualifier.EXACT
    share_of_gdp: Decimal | None = field(default=None, validator=_fraction)
    share_of_gdp_qualifier: Qualifier = Qualifier.EXACT
    share_of_external_debt: Decimal | None = field(default=None, validator=_fraction)
    share_of_external_debt_qualifier: Qualifier = Qualifier.EXACT
    share_of_total_debt: Decimal | None = field(default=None, validator=_fraction)
    """A share of the debtor's total debt, domestic and external, where that is the base."""
    share_of_total_debt_qualifier: Qualifier = Qualifier.EXACT
    per_capita: Money | None = None
    per_capita_qualifier: Qualifier = Qualifier.EXACT

    def __attrs_post_init__(self) -> None:
        figures = (self.amount, self.share_of_gdp, self.share_of_external_debt,
                   self.share_of_total_debt, self.per_capita)  # fmt: skip
        if all(figure is None for figure in figures):
            msg = "a loan needs at least one figure: amount, a share, or per_capita"
            raise ValueError(msg)

    @property
    def debtor(self) -> Country | None:
        """The debtor, or ``None`` when the figure is about several countries together."""
        return self.debtors[0] if len(self.debtors) == 1 else None


class FinanceKind(enum.Enum):
    """
    What kind of money flow a :class:`Finance` record is.

    .. versionadded:: 0.1
    """

    AID_PLEDGE = "aid_pledge"
    INVESTMENT = "investment"
    DEVELOPMENT_FINANCE = "development_finance"
    BAILOUT = "bailout"
    REPAYMENT = "repayment"
    TRADE = "trade"
    OTHER = "other"


@frozen
class Finance:
    """
    Money pledged, granted, invested, lent in a rescue or repaid: a flow, not a debt stock.

    Providers and recipients are countries or organizations; recipients that
    are not records of ours ("22 countries") are described in
    :attr:`recipients_text`.

    .. versionadded:: 0.1
    """

    id: str = field(validator=_valid_id)
    kind: FinanceKind
    description: str = field(validator=_non_empty)
    sources: tuple[Citation, ...] = field(validator=_non_empty)
    from_countries: tuple[Country, ...] = field(default=(), repr=_short_repr)
    from_organizations: tuple[Organization, ...] = field(default=(), repr=_short_repr)
    to_countries: tuple[Country, ...] = field(default=(), repr=_short_repr)
    recipients_text: str | None = None
    amount: Money | None = None
    amount_qualifier: Qualifier = Qualifier.EXACT
    period: Date | None = None


@frozen
class Measurement:
    """
    Any other sourced figure: a trade share, a count, casualties, an area.

    *quantity* names what is measured in snake_case ("confucius_institutes");
    *unit* says what *value* counts ("count", "fraction", "km", "km2",
    "people"); a fraction is in [0, 1].

    .. versionadded:: 0.1
    """

    id: str = field(validator=_valid_id)
    quantity: str = field(validator=matches_re(r"[a-z0-9]+(?:_[a-z0-9]+)*"))
    value: Decimal = field(validator=[instance_of(Decimal), ge(Decimal(0))])
    unit: str = field(validator=_non_empty)
    description: str = field(validator=_non_empty)
    sources: tuple[Citation, ...] = field(validator=_non_empty)
    qualifier: Qualifier = Qualifier.EXACT
    countries: tuple[Country, ...] = field(default=(), repr=_short_repr)
    organizations: tuple[Organization, ...] = field(default=(), repr=_short_repr)
    as_of: Date | None = None

    @value.validator
    def _check_fraction(self, attribute: Attribute[Decimal], value: Decimal) -> None:
        if self.unit == "fraction":
            _fraction(self, attribute, value)


@frozen
class Conflict:
    """
    A disagreement between sources, naming the records on each side.

    Where two quotes cannot both hold (two debt figures for the same debtor
    and time, two founding years), every version is kept as its own record
    with its own citation, and a Conflict links them and says how they
    differ.  Nothing is averaged or picked.

    .. versionadded:: 0.1
    """

    id: str = field(validator=_valid_id)
    topic: str = field(validator=_non_empty)
    description: str = field(validator=_non_empty)
    loans: tuple[Loan, ...] = field(default=(), repr=_short_repr)
    organizations: tuple[Organization, ...] = field(default=(), repr=_short_repr)
    memberships: tuple[Membership, ...] = field(default=(), repr=_short_repr)
    events: tuple[Event, ...] = field(default=(), repr=_short_repr)
    measurements: tuple[Measurement, ...] = field(default=(), repr=_short_repr)
    finance: tuple[Finance, ...] = field(default=(), repr=_short_repr)

    def __attrs_post_init__(self) -> None:
        if len(self.records) < 2:  # noqa: PLR2004 - a disagreement has two sides
            msg = "a conflict names at least two records"
            raise ValueError(msg)

    @property
    def countries(self) -> tuple[Country, ...]:
        """The countries the disagreeing records are about, in first-named order."""
        found: dict[str, Country] = {}
        for record in self.records:
            for name in ("debtors", "countries", "country", "from_countries", "to_countries"):
                value = getattr(record, name, None)
                for country in value if isinstance(value, tuple) else (value,):
                    if isinstance(country, Country):
                        found.setdefault(country.id, country)
        return tuple(found.values())

    @property
    def records(self) -> tuple[Any, ...]:
        """Every record on any side of the disagreement."""
        return (*self.loans, *self.organizations, *self.memberships, *self.events,
                *self.measurements, *self.finance)  # fmt: skip
