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


def _finite_decimal(_: object, attribute: Attribute[Any], value: object) -> None:
    # One validator rather than [instance_of, ...]: loading calls it for every figure.
    if type(value) is not Decimal:
        msg = f"'{attribute.name}' must be a Decimal, not {value!r}"
        raise TypeError(msg)
    if not value.is_finite():
        msg = f"'{attribute.name}' must be a finite number, not {value}"
        raise ValueError(msg)


def _non_negative_decimal(self: object, attribute: Attribute[Any], value: object) -> None:
    _finite_decimal(self, attribute, value)
    if value < 0:  # type: ignore[operator]
        msg = f"'{attribute.name}' must be >= 0, not {value}"
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
    """The figure as written, with no qualifying word."""
    APPROXIMATE = "approximate"
    """An estimate, worded as "about", "approximately", "around", "roughly", "an estimated"."""
    LOWER_BOUND = "lower_bound"
    """The true value is at least this, worded as "over", "more than", "exceeds"."""
    UPPER_BOUND = "upper_bound"
    """The true value is at most this, worded as "just under", "less than", "nearly"."""


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

    amount: Decimal = field(validator=_non_negative_decimal)
    """The exact amount as a decimal, never a float and never rounded."""
    currency: str = field(validator=_currency)
    """The ISO 4217 code of the currency, such as ``USD``."""

    def __str__(self) -> str:
        return f"{self.amount:,} {self.currency}"


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
    """A stable, readable identifier, such as ``kaleji-debt-trap``."""
    seed: str = field(validator=_non_empty)
    """The name of the seed file in ``seeds/`` the article comes from."""
    spans: tuple[Span, ...] = field(validator=_non_empty)
    """The runs of seed lines that make up the article's body."""
    text: str = field(validator=_non_empty, repr=False)
    """The body, exactly the lines named by :attr:`spans` joined by newlines."""
    title: str | None = None
    """The title, where the text states one."""
    authors: tuple[str, ...] = ()
    """The authors, as the byline names them."""
    published: Date | None = None
    """The publication date, as precise as the text gives it."""
    publisher: str | None = None
    """The publication or publisher the text names."""
    bio_spans: tuple[Span, ...] = ()
    """The runs of seed lines holding the author bio."""
    bio: str | None = field(default=None, repr=False)
    """The author bio, kept apart from the body."""


@frozen
class Citation:
    """
    A verbatim quote from an article that supports a claim.

    The quote must occur, character for character, in the article's text.

    .. versionadded:: 0.1
    """

    article: Article = field(repr=_short_repr)
    """The article the quote comes from."""
    quote: str = field(validator=_non_empty)
    """The words of the article that support the claim, character for character."""

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
    """A lowercase id, the ISO 3166-1 alpha-2 code such as ``kg``."""
    name: str = field(validator=_non_empty)
    """The common English short name, such as ``Kyrgyzstan``."""
    alpha_2: str = field(validator=matches_re(r"[A-Z]{2}"))
    """The ISO 3166-1 alpha-2 code, such as ``KG``."""
    alpha_3: str = field(validator=matches_re(r"[A-Z]{3}"))
    """The ISO 3166-1 alpha-3 code, such as ``KGZ``."""
    official_name: str | None = None
    """The official name, such as ``Kyrgyz Republic``."""
    aliases: tuple[str, ...] = ()
    """Other names and spellings the country is found by (``Kirghizia``)."""
    reference: str = "ISO 3166-1"
    """Where the names and codes come from; they are reference data, not claims of an article."""


@frozen
class Organization:
    """
    An organization: an intergovernmental body, a bank, a group, an institute...

    .. versionadded:: 0.1
    """

    id: str = field(validator=_valid_id)
    """A stable, readable identifier, such as ``china-exim-bank``."""
    name: str = field(validator=_non_empty)
    """The full name."""
    kind: OrganizationKind
    """What kind of body it is."""
    sources: tuple[Citation, ...] = field(validator=_non_empty)
    """The quotes that name it and say what it is."""
    acronym: str | None = None
    """The acronym the sources use, such as ``SCO``."""
    aliases: tuple[str, ...] = ()
    """Other names it is found by."""
    country: Country | None = field(default=None, repr=_short_repr)
    """The country the organization belongs to, for national bodies."""
    founded: Date | None = None
    """When it was founded, where a source states it."""
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
    """A stable, readable identifier, such as ``wakhan-corridor``."""
    name: str = field(validator=_non_empty)
    """The name the sources use."""
    kind: CorridorKind
    """What kind of route or site it is."""
    countries: tuple[Country, ...] = field(repr=_short_repr)
    """The countries it links or lies in, in order along the route."""
    sources: tuple[Citation, ...] = field(validator=_non_empty)
    """The quotes that name it and support its route, status and length."""
    aliases: tuple[str, ...] = ()
    """Other names it is found by."""
    status: str | None = None
    """The state of the project in the source's words ("under construction")."""
    status_as_of: Date | None = None
    """When :attr:`status` held, as precise as the source gives it."""
    length_km: Decimal | None = field(default=None, validator=optional(ge(Decimal(0))))
    """The length in kilometres, where a source states it."""


@frozen
class Membership:
    """
    A country's place in an organization, with its role and dates where known.

    .. versionadded:: 0.1
    """

    id: str = field(validator=_valid_id)
    """A stable id, such as ``uz-sco``."""
    country: Country = field(repr=_short_repr)
    """The member country."""
    organization: Organization = field(repr=_short_repr)
    """The organization."""
    role: Role
    """The country's role in it."""
    sources: tuple[Citation, ...] = field(validator=_non_empty)
    """The quotes that say so."""
    joined: Date | None = field(default=None, validator=optional(instance_of(Date)))
    """When the country joined, where a source states it; ``None`` if unknown."""
    left: Date | None = field(default=None, validator=optional(instance_of(Date)))
    """When the country left, where a source states it."""

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
    """The person's name as the source writes it."""
    role: str | None = None
    """Their role or office in the event ("Chinese Foreign Minister")."""


@frozen
class Event:
    """
    A dated happening, with the countries, organizations and corridors it involves.

    .. versionadded:: 0.1
    """

    id: str = field(validator=_valid_id)
    """A stable, readable identifier."""
    date: Date
    """When it happened, as precise as the source states."""
    summary: str = field(validator=_non_empty)
    """One plain sentence saying what happened."""
    sources: tuple[Citation, ...] = field(validator=_non_empty)
    """The quotes that report it."""
    countries: tuple[Country, ...] = field(default=(), repr=_short_repr)
    """The countries involved."""
    organizations: tuple[Organization, ...] = field(default=(), repr=_short_repr)
    """The organizations involved."""
    corridors: tuple[Corridor, ...] = field(default=(), repr=_short_repr)
    """The corridors or sites involved."""
    people: tuple[Participant, ...] = ()
    """The people named, with their roles."""


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
    """A stable, readable identifier, such as ``uz-cn-2023-end``."""
    debtors: tuple[Country, ...] = field(validator=_non_empty, repr=_short_repr)
    """The country that owes, or every country of a group figure."""
    creditor: Country = field(repr=_short_repr)
    """The creditor state."""
    sources: tuple[Citation, ...] = field(validator=_non_empty)
    """The quotes that give the figures."""
    description: str = field(validator=_non_empty)
    """What the figure counts, in the source's words ("outstanding loans")."""
    lender: Organization | None = field(default=None, repr=_short_repr)
    """The lending bank or organization, where the figure is about one."""
    as_of: Date | None = None
    """When the figure held, as precise as the source states."""
    amount: Money | None = None
    """The amount owed."""
    amount_qualifier: Qualifier = Qualifier.EXACT
    """Whether :attr:`amount` is exact, an estimate or a bound."""
    share_of_gdp: Decimal | None = field(default=None, validator=_fraction)
    """The debt as a fraction of the debtor's GDP (0.278 is 27.8 percent)."""
    share_of_gdp_qualifier: Qualifier = Qualifier.EXACT
    """Whether :attr:`share_of_gdp` is exact, an estimate or a bound."""
    share_of_external_debt: Decimal | None = field(default=None, validator=_fraction)
    """The debt as a fraction of the debtor's external (foreign) debt."""
    share_of_external_debt_qualifier: Qualifier = Qualifier.EXACT
    """Whether :attr:`share_of_external_debt` is exact, an estimate or a bound."""
    share_of_total_debt: Decimal | None = field(default=None, validator=_fraction)
    """A share of the debtor's total debt, domestic and external, where that is the base."""
    share_of_total_debt_qualifier: Qualifier = Qualifier.EXACT
    """Whether :attr:`share_of_total_debt` is exact, an estimate or a bound."""
    per_capita: Money | None = None
    """The debt per inhabitant of the debtor."""
    per_capita_qualifier: Qualifier = Qualifier.EXACT
    """Whether :attr:`per_capita` is exact, an estimate or a bound."""

    def __attrs_post_init__(self) -> None:
        figures = (self.amount, self.share_of_gdp, self.share_of_external_debt,
                   self.share_of_total_debt, self.per_capita)  # fmt: skip
        if figures.count(None) == len(figures):
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
    """A stable, readable identifier."""
    kind: FinanceKind
    """What kind of flow it is."""
    description: str = field(validator=_non_empty)
    """What the money is for, in the source's words."""
    sources: tuple[Citation, ...] = field(validator=_non_empty)
    """The quotes that give the figure."""
    from_countries: tuple[Country, ...] = field(default=(), repr=_short_repr)
    """The countries providing the money."""
    from_organizations: tuple[Organization, ...] = field(default=(), repr=_short_repr)
    """The banks or organizations providing the money."""
    to_countries: tuple[Country, ...] = field(default=(), repr=_short_repr)
    """The recipient countries, where they are countries of the dataset."""
    recipients_text: str | None = None
    """The recipients in the source's words, when they are not records ("22 countries")."""
    amount: Money | None = None
    """The amount."""
    amount_qualifier: Qualifier = Qualifier.EXACT
    """Whether :attr:`amount` is exact, an estimate or a bound."""
    period: Date | None = None
    """When, or over which period, the money flowed."""


@frozen
class Measurement:
    """
    Any other sourced figure: a trade share, a count, casualties, an area.

    *quantity* names what is measured in snake_case ("confucius_institutes");
    *unit* says what *value* counts ("count", "fraction", "km", "km2",
    "people"); a fraction is in [0, 1].  A change ("relative_change": -0.53
    for "-53%") is the one kind of figure that may be negative.

    .. versionadded:: 0.1
    """

    id: str = field(validator=_valid_id)
    """A stable, readable identifier."""
    quantity: str = field(validator=matches_re(r"[a-z0-9]+(?:_[a-z0-9]+)*"))
    """What is measured, in snake_case (``confucius_institutes``)."""
    value: Decimal = field(validator=_finite_decimal)
    """The figure, as an exact decimal; negative only for a change."""
    unit: str = field(validator=_non_empty)
    """What :attr:`value` counts: ``count``, ``fraction``, ``km``, ``km2``, ``people``..."""
    description: str = field(validator=_non_empty)
    """What the figure is, in a sentence."""
    sources: tuple[Citation, ...] = field(validator=_non_empty)
    """The quotes that give it."""
    qualifier: Qualifier = Qualifier.EXACT
    """Whether :attr:`value` is exact, an estimate or a bound."""
    countries: tuple[Country, ...] = field(default=(), repr=_short_repr)
    """The countries it is about."""
    organizations: tuple[Organization, ...] = field(default=(), repr=_short_repr)
    """The organizations it is about."""
    as_of: Date | None = None
    """When the figure held, as precise as the source states."""

    @value.validator
    def _check_unit(self, attribute: Attribute[Decimal], value: Decimal) -> None:
        if self.unit == "fraction":
            _fraction(self, attribute, value)
        elif value < 0 and not self.unit.endswith("change"):
            msg = f"'{attribute.name}' must be >= 0 unless the unit is a change, not {value}"
            raise ValueError(msg)


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
    """A stable, readable identifier, such as ``sco-founding-year``."""
    topic: str = field(validator=_non_empty)
    """What the sources disagree about, in a few words."""
    description: str = field(validator=_non_empty)
    """How they disagree, naming each side."""
    loans: tuple[Loan, ...] = field(default=(), repr=_short_repr)
    """Debt figures that disagree."""
    organizations: tuple[Organization, ...] = field(default=(), repr=_short_repr)
    """Organizations whose records disagree."""
    memberships: tuple[Membership, ...] = field(default=(), repr=_short_repr)
    """Memberships that disagree."""
    events: tuple[Event, ...] = field(default=(), repr=_short_repr)
    """Events that disagree."""
    measurements: tuple[Measurement, ...] = field(default=(), repr=_short_repr)
    """Measurements that disagree."""
    finance: tuple[Finance, ...] = field(default=(), repr=_short_repr)
    """Money flows that disagree."""

    def __attrs_post_init__(self) -> None:
        if len(self.records) < 2:  # noqa: PLR2004 - a disagreement has two sides
            msg = "a conflict names at least two records"
            raise ValueError(msg)

    @property
    def countries(self) -> tuple[Country, ...]:
        """
        The countries the disagreeing records are about, in first-named order.

        >>> import centralasia as ca
        >>> [country.name for country in ca.conflicts.get("tj-debt-to-china").countries]
        ['Tajikistan']
        """
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
