"""
The records: frozen, slotted attrs classes with their invariants.

Every record has an ``id``; records that make a claim carry ``sources``, a
non-empty tuple of :class:`Citation`, and ``inferred``, the fields their
quotes do not state themselves.  Invariants are checked here, at
construction, and nowhere else.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NoReturn, TypeAlias, TypeVar

import attrs
from attrs import Attribute, field, fields
from attrs.validators import instance_of, matches_re, optional

from centralasia import _validators as check
from centralasia._currencies import CURRENCY_CODES
from centralasia._dates import Date
from centralasia._errors import wrong_type
from centralasia._shown import Shown
from centralasia._values import Figure, LocalName, Money, Span

if TYPE_CHECKING:  # the attrs plugin of mypy knows attrs.frozen, which this one wraps
    from attrs import frozen
else:  # attrs.frozen with each field's type checked and __init__ run once (issue 22)
    from centralasia._validators import frozen


__all__ = [
    "Ambiguity",
    "Article",
    "Citation",
    "Conflict",
    "ConflictKind",
    "Corridor",
    "CorridorKind",
    "Country",
    "Event",
    "Finance",
    "FinanceKind",
    "Inference",
    "LenderExtent",
    "Loan",
    "Measurement",
    "Membership",
    "Organization",
    "OrganizationKind",
    "Person",
    "Position",
    "Record",
    "Role",
    "Site",
    "SiteKind",
    "Statement",
    "clipped_repr",
    "short_repr",
]


R = TypeVar("R")


def short_repr(value: Any) -> str:
    """Show referenced records by id, so a repr does not print the whole graph."""
    if isinstance(value, tuple):
        return "(" + ", ".join(map(short_repr, value)) + ("," if len(value) == 1 else "") + ")"
    if value is None:
        return "None"
    return f"<{type(value).__name__} {value.id!r}>"


def clipped_repr(text: str, size: int = 60) -> str:
    """Show a long text (a quote, a snippet) in a repr cut to *size* characters."""
    return repr(text if len(text) <= size else text[: size - 1] + "…")


def _fail(attribute: Attribute[Any], value: object, message: str) -> NoReturn:
    text = f"'{attribute.name}' {message}"
    raise ValueError(text, attribute, value)


def _figure(kind: str) -> Any:
    """Return a validator for an optional Figure of *kind*: money, fraction or number."""

    def validate(_: object, attribute: Attribute[Any], value: object) -> None:
        if value is None:
            return
        if not isinstance(value, Figure):
            msg = f"'{attribute.name}' must be a Figure, not {value!r}"
            raise TypeError(msg, attribute, value)
        if kind == "money" and not isinstance(value.value, Money):
            _fail(attribute, value, f"must be a Figure of Money, not {value.value!r}")
        elif kind != "money" and isinstance(value.value, Money):
            _fail(attribute, value, f"must be a Figure of a number, not {value.value}")
        elif kind == "fraction":
            check.fraction(None, attribute, value.value)

    return validate


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
    What kind of route a :class:`Corridor` is.

    .. versionadded:: 0.1
    """

    CORRIDOR = "corridor"
    RAILWAY = "railway"
    ROAD = "road"
    PIPELINE = "pipeline"


class SiteKind(enum.Enum):
    """
    What kind of place a :class:`Site` is.

    .. versionadded:: 0.1
    """

    PORT = "port"
    MINE = "mine"
    FIELD = "field"
    """An oil or gas field."""
    POWER_PLANT = "power_plant"
    POWER_LINE = "power_line"


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


class LenderExtent(enum.Enum):
    """
    How much of a debt figure its :attr:`Loan.lender` holds, as the source words it.

    .. versionadded:: 0.1
    """

    WHOLE = "whole"
    """The whole figure is owed to the lender."""
    PRIMARILY = "primarily"
    """Most of it, worded as "primarily" or "mainly"; the rest is owed elsewhere."""


class ConflictKind(enum.Enum):
    """
    What kind of disagreement a :class:`Conflict` records.

    .. versionadded:: 0.1
    """

    BETWEEN_SOURCES = "between_sources"
    """Two or more articles say things that cannot all hold."""
    WITHIN_SOURCE = "within_source"
    """One article says things that cannot all hold."""
    DIFFERENCE_IN_KIND = "difference_in_kind"
    """Descriptions that differ in kind or base rather than contradict each other."""


@frozen
class Article(Shown):
    """
    One article of the corpus, traced to the lines of the seed file it comes from.

    :attr:`text` is exactly the lines of :attr:`seed` named by :attr:`spans`;
    boilerplate (photo credits, sign-up forms) and the author bio are left out
    of it, and :attr:`bio` holds the bio.  Title, authors, date and publisher
    are filled in only where the text states them.

    .. versionadded:: 0.1
    """

    id: str = field(validator=check.identifier)
    """A stable, readable identifier, such as ``kaleji-debt-trap``."""
    seed: str = field(validator=check.file_name)
    """The name of the seed file in ``seeds/`` the article comes from."""
    spans: tuple[Span, ...] = field(validator=check.non_empty)
    """The runs of seed lines that make up the article's body."""
    text: str = field(validator=check.non_empty, repr=False)
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

    article: Article = field(repr=short_repr)
    """The article the quote comes from."""
    quote: str = field(validator=check.non_empty)
    """The words of the article that support the claim, character for character."""

    @quote.validator
    def _check_quote(self, attribute: Attribute[str], value: str) -> None:
        if value not in self.article.text:
            message = f"does not occur in the text of article {self.article.id!r}: {value!r}"
            _fail(attribute, value, message)

    @property
    def start(self) -> int:
        """Where the quote first occurs in the article's text."""
        return self.article.text.index(self.quote)

    @property
    def end(self) -> int:
        """Where that first occurrence ends."""
        return self.start + len(self.quote)


@frozen
class Inference:
    """
    A field of a record that its quotes do not state, and where it comes from.

    "This year" under a byline dated June 14, 2022 gives an event the year
    2022: the record's ``inferred`` holds
    ``Inference("date", "the byline's date, 2022-06-14, for 'this year'")``.

    .. versionadded:: 0.1
    """

    field: str = field(validator=check.snake_case)
    """The name of the inferred field of the record, such as ``date`` or ``creditor``."""
    # attrs.field, spelled out: the first field is called "field".
    basis: str = attrs.field(validator=check.non_empty)
    """How the value was inferred, and from what."""
    source: Citation | None = None
    """The passage it was inferred from, where that is in an article."""


def _inferences(
    instance: attrs.AttrsInstance, attribute: Attribute[Any], value: tuple[Inference, ...]
) -> None:
    """Each inference names a field of the record, once; the id and sources are never inferred."""
    names = {item.name for item in fields(type(instance))} - {"id", "sources", "inferred"}
    seen: set[str] = set()
    for inference in value:
        if inference.field not in names or inference.field in seen:
            what = "repeats" if inference.field in seen else "names no inferable field"
            _fail(attribute, value, f"{what}: {inference.field!r}")
        seen.add(inference.field)


def _sources() -> Any:
    """Return the ``sources`` field of a claim: one citation at least."""
    return field(validator=check.non_empty)


def _inferred() -> Any:
    """Return the ``inferred`` field of a claim: empty unless a field is inferred."""
    return field(default=(), validator=_inferences)


@frozen
class Country(Shown):
    """
    A country, identified by its ISO 3166-1 codes.

    Names and codes are reference data: :attr:`reference` names where they
    come from, and they need no article quote.

    .. versionadded:: 0.1
    """

    id: str = field(validator=check.identifier)
    """A lowercase id, the ISO 3166-1 alpha-2 code such as ``kg``."""
    name: str = field(validator=check.non_empty)
    """The common English short name, such as ``Kyrgyzstan``."""
    alpha_2: str = field(validator=matches_re(r"[A-Z]{2}"))
    """The ISO 3166-1 alpha-2 code, such as ``KG``."""
    alpha_3: str = field(validator=matches_re(r"[A-Z]{3}"))
    """The ISO 3166-1 alpha-3 code, such as ``KGZ``."""
    official_name: str | None = None
    """The official name, such as ``Kyrgyz Republic``."""
    aliases: tuple[str, ...] = ()
    """Other names and spellings the country is found by (``Kirghizia``)."""
    names: tuple[LocalName, ...] = ()
    """The name in other languages (Russian, Chinese, the region's languages)."""
    reference: str = "ISO 3166-1"
    """Where the names and codes come from; they are reference data, not claims of an article."""


@frozen
class Organization(Shown):
    """
    An organization: an intergovernmental body, a bank, a group, an institute...

    .. versionadded:: 0.1
    """

    id: str = field(validator=check.identifier)
    """A stable, readable identifier, such as ``china-exim-bank``."""
    name: str = field(validator=check.non_empty)
    """The full name."""
    kind: OrganizationKind
    """What kind of body it is."""
    sources: tuple[Citation, ...] = _sources()
    """The quotes that name it and say what it is."""
    acronym: str | None = None
    """The acronym the sources use, such as ``SCO``."""
    aliases: tuple[str, ...] = ()
    """Other names it is found by."""
    country: Country | None = field(default=None, repr=short_repr)
    """The country the organization belongs to, for national bodies."""
    founded: Date | None = None
    """When it was founded, where a source states it."""
    predecessor: Organization | None = field(default=None, repr=short_repr)
    """The body this one grew out of, as the sources state it."""
    inferred: tuple[Inference, ...] = _inferred()
    """Fields the quotes do not state, with where they come from."""


@frozen
class Position:
    """
    A role one quote gives a person: an office, a post, a profession.

    "Akylbek Japarov, the chairman of the Kyrgyz Cabinet of Ministers" gives
    the title "chairman of the Cabinet of Ministers" in Kyrgyzstan.  The
    quote is :attr:`source`, one of the person's sources.

    .. versionadded:: 0.1
    """

    title: str = field(validator=check.non_empty)
    """The role in the source's words, without its country ("President", "political scientist")."""
    source: Citation
    """The quote that gives the role."""
    country: Country | None = field(default=None, repr=short_repr)
    """The country the role is of, where the quote names it ("Kyrgyz", "Pakistan's")."""
    organization: Organization | None = field(default=None, repr=short_repr)
    """The body the role is in, where it is a record of ours."""
    as_of: Date | None = None
    """When the quote places the person in the role, as precise as it gives it."""
    former: str | None = None
    """The word that says the role is past, as the quote writes it ("then", "Former"), if any."""


@frozen
class Person(Shown):
    """
    A person the articles name, with the roles they give them.

    Two people who share a family name stay two records: both are found by
    it, so looking it up is ambiguous and says so with both candidates.

    >>> import centralasia as ca
    >>> [role.title for role in ca.people.get("Wang Yi").roles][:1]
    ['Foreign Minister']

    .. versionadded:: 0.1
    """

    id: str = field(validator=check.identifier)
    """A stable, readable identifier, such as ``sadyr-japarov``."""
    name: str = field(validator=check.non_empty)
    """The full name as the sources write it."""
    sources: tuple[Citation, ...] = _sources()
    """The quotes that name the person and give their roles."""
    family_name: str | None = None
    """The family name, by which the texts also refer to the person ("President Xi")."""
    aliases: tuple[str, ...] = ()
    """Other names or spellings the sources use."""
    roles: tuple[Position, ...] = field(default=())
    """The roles the sources give, each with its quote."""
    inferred: tuple[Inference, ...] = _inferred()
    """Fields the quotes do not state, with where they come from."""

    @roles.validator
    def _check_roles(self, attribute: Attribute[Any], value: tuple[Position, ...]) -> None:
        for role in value:
            if role.source not in self.sources:
                _fail(
                    attribute, value, f"cite a quote not among the sources: {role.source.quote!r}"
                )


@frozen
class Corridor(Shown):
    """
    A route: a transport corridor, a railway, a road or a pipeline.

    A port, mine, field, power plant or power line is a :class:`Site`.

    :attr:`countries` lists the countries in order along the route.

    .. versionadded:: 0.1
    """

    id: str = field(validator=check.identifier)
    """A stable, readable identifier, such as ``wakhan-corridor``."""
    name: str = field(validator=check.non_empty)
    """The name the sources use."""
    kind: CorridorKind
    """What kind of route or site it is."""
    countries: tuple[Country, ...] = field(repr=short_repr)
    """The countries it links or lies in, in order along the route."""
    sources: tuple[Citation, ...] = _sources()
    """The quotes that name it and support its route, status and length."""
    aliases: tuple[str, ...] = ()
    """Other names it is found by."""
    status: str | None = None
    """The state of the project in the source's words ("under construction")."""
    status_as_of: Date | None = None
    """When :attr:`status` held, as precise as the source gives it."""
    length_km: Figure[Decimal] | None = field(default=None, validator=_figure("length"))
    """The length in kilometres, where a source states it."""
    inferred: tuple[Inference, ...] = _inferred()
    """Fields the quotes do not state, with where they come from."""

    @length_km.validator
    def _check_length(self, attribute: Attribute[Any], value: Figure[Decimal] | None) -> None:
        if value is not None and value.value < 0:
            _fail(attribute, value, f"must be >= 0, not {value.value}")


@frozen
class Site(Shown):
    """
    A place rather than a route: a port, mine, oil or gas field, power plant or power line.

    :attr:`corridors` holds the routes it lies on, where a source says so.

    .. versionadded:: 0.1
    """

    id: str = field(validator=check.identifier)
    """A stable, readable identifier, such as ``gwadar-port``."""
    name: str = field(validator=check.non_empty)
    """The name the sources use."""
    kind: SiteKind
    """What kind of place it is."""
    sources: tuple[Citation, ...] = _sources()
    """The quotes that name it and support its country and status."""
    country: Country | None = field(default=None, repr=short_repr)
    """The country it lies in."""
    aliases: tuple[str, ...] = ()
    """Other names it is found by."""
    status: str | None = None
    """The state of the project in the source's words ("long-stalled")."""
    status_as_of: Date | None = None
    """When :attr:`status` held, as precise as the source gives it."""
    corridors: tuple[Corridor, ...] = field(default=(), repr=short_repr)
    """The routes it lies on, where a source says so."""
    inferred: tuple[Inference, ...] = _inferred()
    """Fields the quotes do not state, with where they come from."""


@frozen
class Membership(Shown):
    """
    A country's place in an organization, with its role and dates where known.

    .. versionadded:: 0.1
    """

    id: str = field(validator=check.identifier)
    """A stable id, such as ``uz-sco``."""
    country: Country = field(repr=short_repr)
    """The member country."""
    organization: Organization = field(repr=short_repr)
    """The organization."""
    role: Role
    """The country's role in it."""
    sources: tuple[Citation, ...] = _sources()
    """The quotes that say so."""
    joined: Date | None = field(default=None, validator=optional(instance_of(Date)))
    """When the country joined, where a source states it; ``None`` if unknown."""
    left: Date | None = field(default=None, validator=optional(instance_of(Date)))
    """When the country left, where a source states it."""
    inferred: tuple[Inference, ...] = _inferred()
    """Fields the quotes do not state, with where they come from."""

    @left.validator
    def _check_left(self, attribute: Attribute[Date | None], value: Date | None) -> None:
        if value is not None and self.joined is not None and value.before(self.joined):
            _fail(attribute, value, f"({value}) is before 'joined' ({self.joined})")

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
        if not isinstance(date, Date):
            raise wrong_type("Membership.held_on", "date", "a Date", date)
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
class Event(Shown):
    """
    A dated happening, with the countries, organizations and corridors it involves.

    .. versionadded:: 0.1
    """

    id: str = field(validator=check.identifier)
    """A stable, readable identifier."""
    date: Date
    """When it happened, as precise as the source states."""
    summary: str = field(validator=check.non_empty)
    """One plain sentence saying what happened."""
    sources: tuple[Citation, ...] = _sources()
    """The quotes that report it."""
    countries: tuple[Country, ...] = field(default=(), repr=short_repr)
    """The countries involved."""
    organizations: tuple[Organization, ...] = field(default=(), repr=short_repr)
    """The organizations involved."""
    corridors: tuple[Corridor, ...] = field(default=(), repr=short_repr)
    """The routes involved."""
    sites: tuple[Site, ...] = field(default=(), repr=short_repr)
    """The ports, mines, fields and power plants involved."""
    people: tuple[Person, ...] = field(default=(), repr=short_repr)
    """The people it involves; their roles are on their records."""
    inferred: tuple[Inference, ...] = _inferred()
    """Fields the quotes do not state, with where they come from."""


@frozen
class Loan(Shown):
    """
    A sourced figure of debt owed by one or more countries.

    Each figure is a :class:`Figure` carrying its own qualifier: "just under
    13 percent" sits just below 13 percent (:attr:`Qualifier.JUST_BELOW`)
    even when the amount beside it is exact.  Shares are fractions: 0.278 is 27.8 percent.  A figure
    about several countries together (a region's debt) lists them all in
    :attr:`debtors`; :attr:`debtor` is then ``None``.  A creditor that is
    not a country of the dataset ("foreign investors") is given in words in
    :attr:`creditor_text`.

    .. versionadded:: 0.1
    """

    id: str = field(validator=check.identifier)
    """A stable, readable identifier, such as ``uz-cn-2023-end``."""
    debtors: tuple[Country, ...] = field(validator=check.non_empty, repr=short_repr)
    """The country that owes, or every country of a group figure."""
    creditor: Country | None = field(repr=short_repr)
    """The creditor state, where the sources name one."""
    description: str = field(validator=check.non_empty)
    """What the figure counts, in the source's words ("outstanding loans")."""
    sources: tuple[Citation, ...] = _sources()
    """The quotes that give the figures."""
    creditor_text: str | None = None
    """The creditor in the source's words, when it is not a country ("foreign investors")."""
    lender: Organization | None = field(default=None, repr=short_repr)
    """The lending bank or organization, where the figure is about one."""
    lender_extent: LenderExtent = LenderExtent.WHOLE
    """Whether the lender holds the whole figure or, as the source words it, primarily."""
    as_of: Date | None = None
    """When the figure held, as precise as the source states."""
    amount: Figure[Money] | None = field(default=None, validator=_figure("money"))
    """The amount owed."""
    share_of_gdp: Figure[Decimal] | None = field(default=None, validator=_figure("fraction"))
    """The debt as a fraction of the debtor's GDP (0.278 is 27.8 percent)."""
    share_of_external_debt: Figure[Decimal] | None = field(
        default=None, validator=_figure("fraction")
    )
    """The debt as a fraction of the debtor's external (foreign) debt."""
    share_of_total_debt: Figure[Decimal] | None = field(default=None, validator=_figure("fraction"))
    """A share of the debtor's total debt, domestic and external, where that is the base."""
    per_capita: Figure[Money] | None = field(default=None, validator=_figure("money"))
    """The debt per inhabitant of the debtor."""
    inferred: tuple[Inference, ...] = _inferred()
    """Fields the quotes do not state, with where they come from."""

    def __attrs_post_init__(self) -> None:
        if not self.figures:
            msg = "a loan needs at least one figure: amount, a share, or per_capita"
            raise ValueError(msg)
        if self.creditor is None and not self.creditor_text:
            msg = "a loan needs a creditor, or the creditor in words (creditor_text)"
            raise ValueError(msg)

    @property
    def debtor(self) -> Country | None:
        """The debtor, or ``None`` when the figure is about several countries together."""
        return self.debtors[0] if len(self.debtors) == 1 else None

    @property
    def figures(self) -> dict[str, Figure[Any]]:
        """The figures the loan gives, by field name, in field order."""
        names = ("amount", "share_of_gdp", "share_of_external_debt", "share_of_total_debt",
                 "per_capita")  # fmt: skip
        found = {name: getattr(self, name) for name in names}
        return {name: figure for name, figure in found.items() if figure is not None}


@frozen
class Finance(Shown):
    """
    Money pledged, granted, invested, lent in a rescue or repaid: a flow, not a debt stock.

    Providers and recipients are countries or organizations; recipients that
    are not records of ours ("22 countries") are described in
    :attr:`recipients_text`.

    .. versionadded:: 0.1
    """

    id: str = field(validator=check.identifier)
    """A stable, readable identifier."""
    kind: FinanceKind
    """What kind of flow it is."""
    description: str = field(validator=check.non_empty)
    """What the money is for, in the source's words."""
    sources: tuple[Citation, ...] = _sources()
    """The quotes that give the figure."""
    from_countries: tuple[Country, ...] = field(default=(), repr=short_repr)
    """The countries providing the money."""
    from_organizations: tuple[Organization, ...] = field(default=(), repr=short_repr)
    """The banks or organizations providing the money."""
    to_countries: tuple[Country, ...] = field(default=(), repr=short_repr)
    """The recipient countries, where they are countries of the dataset."""
    recipients_text: str | None = None
    """The recipients in the source's words, when they are not records ("22 countries")."""
    amount: Figure[Money] | None = field(default=None, validator=_figure("money"))
    """The amount, with its qualifier."""
    period: Date | None = None
    """When, or over which period, the money flowed."""
    inferred: tuple[Inference, ...] = _inferred()
    """Fields the quotes do not state, with where they come from."""


@frozen
class Measurement(Shown):
    """
    Any other sourced figure: a trade share, a count, casualties, an area, a length.

    *quantity* names what is measured in snake_case ("confucius_institutes");
    *unit* says what the value counts ("count", "fraction", "km", "km2",
    "people"); a fraction is in [0, 1].  A change ("relative_change": -0.53
    for "-53%") is the one kind of figure that may be negative.  Money is
    never a measurement: it is a :class:`Loan` or a :class:`Finance` amount.

    .. versionadded:: 0.1
    """

    id: str = field(validator=check.identifier)
    """A stable, readable identifier."""
    quantity: str = field(validator=check.snake_case)
    """What is measured, in snake_case (``confucius_institutes``)."""
    value: Figure[Decimal] = field(validator=_figure("number"))
    """The figure, an exact decimal with its qualifier; negative only for a change."""
    unit: str = field(validator=check.non_empty)
    """The unit the value counts in, such as ``count``, ``fraction``, ``km`` or ``people``."""
    description: str = field(validator=check.non_empty)
    """What the figure is, in a sentence."""
    sources: tuple[Citation, ...] = _sources()
    """The quotes that give it."""
    countries: tuple[Country, ...] = field(default=(), repr=short_repr)
    """The countries it is about."""
    organizations: tuple[Organization, ...] = field(default=(), repr=short_repr)
    """The organizations it is about."""
    corridors: tuple[Corridor, ...] = field(default=(), repr=short_repr)
    """The routes it measures (a road's length)."""
    sites: tuple[Site, ...] = field(default=(), repr=short_repr)
    """The sites it is about."""
    events: tuple[Event, ...] = field(default=(), repr=short_repr)
    """The events it measures (an attack's casualties)."""
    as_of: Date | None = None
    """When the figure held, as precise as the source states."""
    inferred: tuple[Inference, ...] = _inferred()
    """Fields the quotes do not state, with where they come from."""

    @unit.validator
    def _check_unit(self, attribute: Attribute[str], value: str) -> None:
        if value in CURRENCY_CODES:
            _fail(attribute, value, f"is a currency ({value}): money is a Loan or Finance amount")
        number = self.value.value
        if value == "fraction":
            check.fraction(None, fields(Measurement).value, number)
        elif number < 0 and not value.endswith("change"):
            msg = f"must be >= 0 unless the unit is a change, not {number}"
            _fail(fields(Measurement).value, number, msg)


@frozen
class Ambiguity:
    """
    A name in a quote that could mean more than one country, left unresolved.

    Kaleji's "Congo" may be the Republic of the Congo or the Democratic
    Republic of the Congo: the record names both as candidates and picks
    neither.

    .. versionadded:: 0.1
    """

    text: str = field(validator=check.non_empty)
    """The name as the quote writes it."""
    candidates: tuple[Country, ...] = field(repr=short_repr)
    """The countries it could mean, two at least."""
    basis: str = field(validator=check.non_empty)
    """Why the text does not settle which."""

    @candidates.validator
    def _check_candidates(self, attribute: Attribute[Any], value: tuple[Country, ...]) -> None:
        if len({country.id for country in value}) < 2:  # noqa: PLR2004 - an ambiguity has two
            _fail(attribute, value, "must name at least two different countries")


@frozen
class Statement(Shown):
    """
    A claim of a source that has no figure and no date of its own.

    A ranking ("China is Tajikistan's primary creditor"), a trend ("relatively
    stable over the past three years") or a list ("countries such as Sri
    Lanka, Pakistan, ... Congo") is a statement.  Names the text leaves
    ambiguous are kept in :attr:`ambiguities` rather than resolved.

    .. versionadded:: 0.1
    """

    id: str = field(validator=check.identifier)
    """A stable, readable identifier, such as ``tj-cn-primary-creditor``."""
    summary: str = field(validator=check.non_empty)
    """The claim in one plain sentence, close to the source's words."""
    sources: tuple[Citation, ...] = _sources()
    """The quotes that make the claim."""
    countries: tuple[Country, ...] = field(default=(), repr=short_repr)
    """The countries it is about."""
    organizations: tuple[Organization, ...] = field(default=(), repr=short_repr)
    """The organizations it is about."""
    corridors: tuple[Corridor, ...] = field(default=(), repr=short_repr)
    """The routes it is about."""
    sites: tuple[Site, ...] = field(default=(), repr=short_repr)
    """The sites it is about."""
    ambiguities: tuple[Ambiguity, ...] = ()
    """Names in the quotes that could mean more than one country."""
    as_of: Date | None = None
    """When the claim held, where the source dates it."""
    speaker: Person | None = field(default=None, repr=short_repr)
    """The person who makes the claim, where the source attributes it to one."""
    speaker_text: str | None = None
    """Who makes the claim in the source's words, when that is not one person ("experts")."""
    people: tuple[Person, ...] = field(default=(), repr=short_repr)
    """The people the claim is about, the speaker aside."""
    inferred: tuple[Inference, ...] = _inferred()
    """Fields the quotes do not state, with where they come from."""


@frozen
class Conflict(Shown):
    """
    A disagreement the sources leave unresolved, naming the records on each side.

    Where two quotes cannot both hold (two debt figures for the same debtor
    and time, two founding years), every version is kept as its own record
    with its own citation, and a Conflict links them, says how they differ
    and what kind of disagreement it is.  Nothing is averaged or picked.

    .. versionadded:: 0.1
    """

    id: str = field(validator=check.identifier)
    """A stable, readable identifier, such as ``sco-founding-year``."""
    topic: str = field(validator=check.non_empty)
    """What the sources disagree about, in a few words."""
    kind: ConflictKind
    """Whether articles disagree, one article with itself, or descriptions differ in kind."""
    description: str = field(validator=check.non_empty)
    """How they disagree, naming each side."""
    records: tuple[Record, ...] = field(repr=short_repr)
    """Every record on any side of the disagreement, two at least."""

    @records.validator
    def _check_records(self, attribute: Attribute[Any], value: tuple[Any, ...]) -> None:
        if len({(type(record), record.id) for record in value}) < 2:  # noqa: PLR2004
            _fail(attribute, value, "must name at least two different records")

    def of(self, cls: type[R]) -> tuple[R, ...]:
        """
        Return the records on any side that are of the class *cls*, in order.

        >>> import centralasia as ca
        >>> [event.date.edtf for event in ca.conflicts.get("sco-founding-year").of(ca.Event)]
        ['2001', '2002']

        .. versionadded:: 0.1
        """
        return tuple(record for record in self.records if isinstance(record, cls))

    @property
    def countries(self) -> tuple[Country, ...]:
        """
        The countries the disagreeing records refer to, in first-named order.

        >>> import centralasia as ca
        >>> [country.name for country in ca.conflicts.get("tj-debt-to-china").countries]
        ['Tajikistan', 'China']
        """
        found: dict[str, Country] = {}
        for record in self.records:
            for attribute in fields(type(record)):
                value = getattr(record, attribute.name)
                for item in value if isinstance(value, tuple) else (value,):
                    if isinstance(item, Country):
                        found.setdefault(item.id, item)
        return tuple(found.values())


#: Any record of the dataset.
Record: TypeAlias = (
    Article | Country | Organization | Person | Corridor | Site | Membership | Event | Loan
    | Finance | Measurement | Statement | Conflict
)  # fmt: skip
