"""
Hypothesis strategies for every centralasia type, and for whole valid datasets.

Use them to property-test your own code against our types::

    from hypothesis import given
    from centralasia import strategies

    @given(strategies.datasets())
    def test_my_summary(dataset):
        assert my_summary(dataset) ...

This module imports hypothesis, which the core library does not need: install
it with ``pip install 'centralasia[strategies]'``.

.. versionadded:: 0.1
"""

from __future__ import annotations

import datetime as dt
import string
from decimal import Decimal
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

from centralasia._collection import Collection
from centralasia._currencies import CURRENCY_CODES
from centralasia._dataset import Dataset
from centralasia._dates import Date
from centralasia._model import (
    Ambiguity,
    Article,
    Citation,
    Conflict,
    ConflictKind,
    Corridor,
    CorridorKind,
    Country,
    Event,
    Finance,
    FinanceKind,
    Inference,
    LenderExtent,
    Loan,
    Measurement,
    Membership,
    Organization,
    OrganizationKind,
    Person,
    Position,
    Record,
    Role,
    Site,
    SiteKind,
    Statement,
)
from centralasia._schema import KINDS, kind_of
from centralasia._seeds import seed_lines
from centralasia._values import Figure, LocalName, Money, Qualifier, Span

__all__ = [
    "articles",
    "citations",
    "conflicts",
    "corridors",
    "countries",
    "datasets",
    "dates",
    "events",
    "figures",
    "finance",
    "ids",
    "loans",
    "measurements",
    "memberships",
    "moneys",
    "organizations",
    "people",
    "seed_texts",
    "shares",
    "sites",
    "statements",
]

T = TypeVar("T")

#: Lowercase slugs, the form of every record id.
_SLUG = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
#: Names: letters of any script, digits, spaces and punctuation, never blank.
_NAMES = st.text(
    st.characters(categories=["L", "N", "Zs", "Pd", "Po"], exclude_characters="\n\r"),
    min_size=1,
    max_size=24,
).filter(str.strip)
_LINES = st.text(
    st.characters(categories=["L", "N", "Zs", "P", "S"], exclude_characters="\n\r\x85\u2028\u2029"),
    min_size=1,
    max_size=60,
).filter(str.strip)

# Strategies used in every draw are built once: building one costs more than drawing from it.
_OPTIONAL_NAMES = st.none() | _NAMES
_FEW_NAMES = st.lists(_NAMES, max_size=2).map(tuple)
_CURRENCIES = st.sampled_from(sorted(CURRENCY_CODES))


def ids() -> st.SearchStrategy[str]:
    """
    Return a strategy for record ids: lowercase slugs such as ``china-exim-bank``.

    .. versionadded:: 0.1
    """
    return _SLUG


@st.composite
def dates(draw: st.DrawFn) -> Date:
    """
    Draw a :class:`~centralasia.Date`: a year, season, month, day or an interval of them.

    .. versionadded:: 0.1
    """
    day = draw(st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)))
    point = draw(
        st.sampled_from(
            [
                str(day.year),
                f"{day.year}-{day.month:02d}",
                f"{day.year}-{draw(st.integers(21, 41)):02d}",
                day.isoformat(),
            ]
        )
    )
    if not draw(st.booleans()):
        return Date(point)
    later = Date(point).end + dt.timedelta(days=draw(st.integers(0, 4000)))
    return Date(f"{point}/{later.isoformat()}")


def shares() -> st.SearchStrategy[Decimal]:
    """
    Return a strategy for fractions in [0, 1] with up to four decimal places.

    .. versionadded:: 0.1
    """
    return st.integers(0, 10_000).map(lambda ten_thousandths: Decimal(ten_thousandths) / 10_000)


@st.composite
def moneys(draw: st.DrawFn) -> Money:
    """
    Draw an exact amount of :class:`~centralasia.Money` in an ISO 4217 currency.

    .. versionadded:: 0.1
    """
    cents = draw(st.integers(0, 10**16))
    currency = draw(_CURRENCIES)
    return Money(amount=Decimal(cents).scaleb(-2), currency=currency)


def figures(values: st.SearchStrategy[T]) -> st.SearchStrategy[Figure[Any]]:
    """
    Return a strategy for :class:`~centralasia.Figure` values drawn from *values*, any qualifier.

    ``figures(moneys())`` gives amounts, ``figures(shares())`` shares.

    .. versionadded:: 0.1
    """
    return st.builds(Figure, values, st.sampled_from(Qualifier))


_OPTIONAL_DATES = st.none() | dates()
_AMOUNTS = figures(moneys())
_FRACTIONS = figures(shares())


@st.composite
def seed_texts(draw: st.DrawFn) -> str:
    """Draw the text of a seed file: a few lines, with or without a final newline."""
    lines = draw(st.lists(_LINES, min_size=1, max_size=8))
    return "\n".join(lines) + draw(st.sampled_from(["", "\n"]))


@st.composite
def articles(draw: st.DrawFn, seed_name: str | None = None, seed: str | None = None) -> Article:
    """
    Draw an :class:`~centralasia.Article` whose text is some lines of *seed*.

    Without *seed*, a seed text is drawn too (it is then not kept anywhere).

    .. versionadded:: 0.1
    """
    if seed is None:
        seed = draw(seed_texts())
    line_count = len(seed.split("\n"))
    first = draw(st.integers(1, line_count))
    last = draw(st.integers(first, line_count))
    spans = (Span(first, last),)
    text = seed_lines(seed, spans)
    if not text:
        # An empty last line: take the first line, which is never empty.
        spans, text = (Span(1, 1),), seed_lines(seed, (Span(1, 1),))
    return Article(
        id=draw(_SLUG),
        seed=seed_name or draw(_SLUG) + ".txt",
        spans=spans,
        text=text,
        title=draw(_OPTIONAL_NAMES),
        authors=draw(_FEW_NAMES),
        published=draw(_OPTIONAL_DATES),
        publisher=draw(_OPTIONAL_NAMES),
    )


@st.composite
def citations(draw: st.DrawFn, article: Article | None = None) -> Citation:
    """
    Draw a :class:`~centralasia.Citation`: a non-blank stretch of *article*'s text.

    .. versionadded:: 0.1
    """
    if article is None:
        article = draw(articles())
    # A quote starts at a letter, a digit or a sign: a blank quote supports nothing.
    start = draw(st.sampled_from([n for n, char in enumerate(article.text) if not char.isspace()]))
    end = draw(st.integers(start + 1, len(article.text)))
    return Citation(article=article, quote=article.text[start:end])


def _sources(pool: tuple[Article, ...]) -> st.SearchStrategy[tuple[Citation, ...]]:
    return st.lists(st.sampled_from(pool).flatmap(citations), min_size=1, max_size=2).map(tuple)


@st.composite
def countries(draw: st.DrawFn, alpha_2: str | None = None) -> Country:
    """
    Draw a :class:`~centralasia.Country` (its codes need not be assigned by ISO).

    .. versionadded:: 0.1
    """
    letters = st.text(string.ascii_uppercase, min_size=2, max_size=2)
    code = alpha_2 or draw(letters)
    return Country(
        id=code.lower(),
        name=draw(_NAMES),
        alpha_2=code,
        alpha_3=code + draw(st.sampled_from(string.ascii_uppercase)),
        official_name=draw(_OPTIONAL_NAMES),
        aliases=draw(_FEW_NAMES),
        names=tuple(
            draw(
                st.lists(
                    st.builds(LocalName, st.sampled_from(["ru", "zh", "kk", "uz-Cyrl"]), _NAMES),
                    max_size=2,
                    unique_by=lambda name: name.language,
                )
            )
        ),
    )


@st.composite
def organizations(
    draw: st.DrawFn, pool: tuple[Article, ...], nations: tuple[Country, ...] = ()
) -> Organization:
    """
    Draw an :class:`~centralasia.Organization` citing articles of *pool*.

    .. versionadded:: 0.1
    """
    return Organization(
        id=draw(_SLUG),
        name=draw(_NAMES),
        kind=draw(st.sampled_from(OrganizationKind)),
        sources=draw(_sources(pool)),
        acronym=draw(_OPTIONAL_NAMES),
        aliases=draw(_FEW_NAMES),
        country=draw(st.none() | st.sampled_from(nations)) if nations else None,
        founded=draw(_OPTIONAL_DATES),
    )


@st.composite
def people(
    draw: st.DrawFn,
    pool: tuple[Article, ...],
    nations: tuple[Country, ...] = (),
    bodies: tuple[Organization, ...] = (),
) -> Person:
    """
    Draw a :class:`~centralasia.Person` whose roles each cite one of its sources.

    .. versionadded:: 0.1
    """
    sources = draw(_sources(pool))
    roles = tuple(
        Position(
            title=draw(_NAMES),
            source=draw(st.sampled_from(sources)),
            country=draw(st.none() | st.sampled_from(nations)) if nations else None,
            organization=draw(st.none() | st.sampled_from(bodies)) if bodies else None,
            as_of=draw(_OPTIONAL_DATES),
            former=draw(st.none() | st.sampled_from(["then", "Former"])),
        )
        for _ in range(draw(st.integers(0, 2)))
    )
    return Person(
        id=draw(_SLUG),
        name=draw(_NAMES),
        sources=sources,
        family_name=draw(_OPTIONAL_NAMES),
        aliases=draw(_FEW_NAMES),
        roles=roles,
        inferred=draw(_inferences(pool, ("roles",))),
    )


def _some(pool: tuple[T, ...], min_size: int = 0) -> st.SearchStrategy[tuple[T, ...]]:
    """Draw up to three distinct members of *pool*, in any order; none from an empty pool."""
    if not pool:
        return st.just(())
    positions = st.lists(st.integers(0, len(pool) - 1), min_size=min_size,
                         max_size=min(3, len(pool)), unique=True)  # fmt: skip
    return positions.map(lambda chosen: tuple(pool[position] for position in chosen))


@st.composite
def _subjects(
    draw: st.DrawFn,
    nations: tuple[Country, ...],
    bodies: tuple[Organization, ...],
    routes: tuple[Corridor, ...],
    locations: tuple[Site, ...] = (),
) -> dict[str, tuple[Any, ...]]:
    """Draw what a record is about: some countries, organizations and corridors of the pools."""
    return {
        "countries": draw(_some(nations)),
        "organizations": draw(_some(bodies)),
        "corridors": draw(_some(routes)),
        "sites": draw(_some(locations)),
    }


@st.composite
def corridors(draw: st.DrawFn, pool: tuple[Article, ...], nations: tuple[Country, ...]) -> Corridor:
    """
    Draw a :class:`~centralasia.Corridor` through countries of *nations*.

    .. versionadded:: 0.1
    """
    return Corridor(
        id=draw(_SLUG),
        name=draw(_NAMES),
        kind=draw(st.sampled_from(CorridorKind)),
        countries=draw(_some(nations)),
        sources=draw(_sources(pool)),
        aliases=draw(_FEW_NAMES),
        status=draw(_OPTIONAL_NAMES),
        status_as_of=draw(_OPTIONAL_DATES),
        length_km=draw(
            st.none() | figures(st.integers(0, 10**7).map(lambda m: Decimal(m).scaleb(-3)))
        ),
    )


@st.composite
def sites(
    draw: st.DrawFn,
    pool: tuple[Article, ...],
    nations: tuple[Country, ...] = (),
    routes: tuple[Corridor, ...] = (),
) -> Site:
    """
    Draw a :class:`~centralasia.Site` in a country of *nations*, on some of *routes*.

    .. versionadded:: 0.1
    """
    return Site(
        id=draw(_SLUG),
        name=draw(_NAMES),
        kind=draw(st.sampled_from(SiteKind)),
        sources=draw(_sources(pool)),
        country=draw(st.none() | st.sampled_from(nations)) if nations else None,
        aliases=draw(_FEW_NAMES),
        status=draw(_OPTIONAL_NAMES),
        status_as_of=draw(_OPTIONAL_DATES),
        corridors=draw(_some(routes)),
        inferred=draw(_inferences(pool, ("country", "status_as_of"))),
    )


@st.composite
def memberships(
    draw: st.DrawFn,
    pool: tuple[Article, ...],
    nations: tuple[Country, ...],
    bodies: tuple[Organization, ...],
) -> Membership:
    """
    Draw a :class:`~centralasia.Membership` whose end, if any, is not before its start.

    .. versionadded:: 0.1
    """
    joined = draw(_OPTIONAL_DATES)
    left = draw(_OPTIONAL_DATES)
    if joined is not None and left is not None and left.before(joined):
        joined, left = left, joined
    return Membership(
        id=draw(_SLUG),
        country=draw(st.sampled_from(nations)),
        organization=draw(st.sampled_from(bodies)),
        role=draw(st.sampled_from(Role)),
        sources=draw(_sources(pool)),
        joined=joined,
        left=left,
    )


@st.composite
def events(  # noqa: PLR0913 - a pool for each kind an event may involve
    draw: st.DrawFn,
    pool: tuple[Article, ...],
    nations: tuple[Country, ...] = (),
    bodies: tuple[Organization, ...] = (),
    routes: tuple[Corridor, ...] = (),
    *,
    persons: tuple[Person, ...] = (),
    locations: tuple[Site, ...] = (),
) -> Event:
    """
    Draw an :class:`~centralasia.Event` involving records of the given pools.

    .. versionadded:: 0.1
    """
    return Event(
        id=draw(_SLUG),
        date=draw(dates()),
        summary=draw(_NAMES),
        sources=draw(_sources(pool)),
        **draw(_subjects(nations, bodies, routes, locations)),
        people=draw(_some(persons)),
    )


@st.composite
def loans(
    draw: st.DrawFn,
    pool: tuple[Article, ...],
    nations: tuple[Country, ...],
    lenders: tuple[Organization, ...] = (),
) -> Loan:
    """
    Draw a :class:`~centralasia.Loan` with at least one figure.

    .. versionadded:: 0.1
    """
    drawn: dict[str, Any] = {
        "amount": draw(st.none() | _AMOUNTS),
        "share_of_gdp": draw(st.none() | _FRACTIONS),
        "share_of_external_debt": draw(st.none() | _FRACTIONS),
        "share_of_total_debt": draw(st.none() | _FRACTIONS),
        "per_capita": draw(st.none() | _AMOUNTS),
    }
    if all(value is None for value in drawn.values()):
        drawn["amount"] = draw(_AMOUNTS)
    creditor = draw(st.none() | st.sampled_from(nations))
    return Loan(
        id=draw(_SLUG),
        debtors=draw(_some(nations, min_size=1)),
        creditor=creditor,
        creditor_text=draw(_NAMES) if creditor is None else draw(_OPTIONAL_NAMES),
        sources=draw(_sources(pool)),
        description=draw(_NAMES),
        lender=draw(st.none() | st.sampled_from(lenders)) if lenders else None,
        lender_extent=draw(st.sampled_from(LenderExtent)),
        as_of=draw(_OPTIONAL_DATES),
        inferred=draw(_inferences(pool, ("as_of", "creditor", "lender", "amount"))),
        **drawn,
    )


@st.composite
def finance(
    draw: st.DrawFn,
    pool: tuple[Article, ...],
    nations: tuple[Country, ...] = (),
    bodies: tuple[Organization, ...] = (),
) -> Finance:
    """
    Draw a :class:`~centralasia.Finance` flow between records of the given pools.

    .. versionadded:: 0.1
    """
    return Finance(
        id=draw(_SLUG),
        kind=draw(st.sampled_from(FinanceKind)),
        description=draw(_NAMES),
        sources=draw(_sources(pool)),
        from_countries=draw(_some(nations)),
        from_organizations=draw(_some(bodies)),
        to_countries=draw(_some(nations)),
        recipients_text=draw(_OPTIONAL_NAMES),
        amount=draw(st.none() | _AMOUNTS),
        period=draw(_OPTIONAL_DATES),
    )


@st.composite
def measurements(  # noqa: PLR0913 - a pool for each kind a measurement may be about
    draw: st.DrawFn,
    pool: tuple[Article, ...],
    nations: tuple[Country, ...] = (),
    bodies: tuple[Organization, ...] = (),
    *,
    routes: tuple[Corridor, ...] = (),
    happenings: tuple[Event, ...] = (),
    locations: tuple[Site, ...] = (),
) -> Measurement:
    """
    Draw a :class:`~centralasia.Measurement` about records of the pools; a fraction is in [0, 1].

    .. versionadded:: 0.1
    """
    unit = draw(st.sampled_from(["count", "fraction", "km", "people"]))
    value = draw(shares() if unit == "fraction" else st.integers(0, 10**9).map(Decimal))
    return Measurement(
        id=draw(_SLUG),
        quantity=draw(st.from_regex(r"[a-z]{1,8}(_[a-z0-9]{1,8}){0,2}", fullmatch=True)),
        value=draw(figures(st.just(value))),
        unit=unit,
        description=draw(_NAMES),
        sources=draw(_sources(pool)),
        **draw(_subjects(nations, bodies, routes, locations)),
        events=draw(_some(happenings)),
        as_of=draw(_OPTIONAL_DATES),
    )


@st.composite
def statements(  # noqa: PLR0913 - a pool for each kind a statement may be about
    draw: st.DrawFn,
    pool: tuple[Article, ...],
    nations: tuple[Country, ...] = (),
    bodies: tuple[Organization, ...] = (),
    *,
    routes: tuple[Corridor, ...] = (),
    persons: tuple[Person, ...] = (),
    locations: tuple[Site, ...] = (),
) -> Statement:
    """
    Draw a :class:`~centralasia.Statement` about records of the given pools.

    .. versionadded:: 0.1
    """
    ambiguities: tuple[Ambiguity, ...] = ()
    if len(nations) >= 2 and draw(st.booleans()):  # noqa: PLR2004 - two candidates
        candidates = tuple(draw(st.lists(st.sampled_from(nations), min_size=2, max_size=3,
                                         unique_by=lambda country: country.id)))  # fmt: skip
        ambiguities = (Ambiguity(draw(_NAMES), candidates, draw(_NAMES)),)
    return Statement(
        id=draw(_SLUG),
        summary=draw(_NAMES),
        sources=draw(_sources(pool)),
        **draw(_subjects(nations, bodies, routes, locations)),
        ambiguities=ambiguities,
        as_of=draw(_OPTIONAL_DATES),
        speaker=draw(st.none() | st.sampled_from(persons)) if persons else None,
        speaker_text=draw(_OPTIONAL_NAMES),
        people=draw(_some(persons)),
        inferred=draw(_inferences(pool, ("as_of", "countries", "speaker"))),
    )


@st.composite
def conflicts(draw: st.DrawFn, records: tuple[Record, ...]) -> Conflict:
    """
    Draw a :class:`~centralasia.Conflict` between at least two of *records*.

    .. versionadded:: 0.1
    """
    chosen = draw(st.lists(st.sampled_from(records), min_size=2, max_size=4,
                           unique_by=lambda record: (type(record), record.id)))  # fmt: skip
    return Conflict(
        id=draw(_SLUG),
        topic=draw(_NAMES),
        kind=draw(st.sampled_from(ConflictKind)),
        description=draw(_NAMES),
        records=tuple(chosen),
    )


@st.composite
def _inferences(
    draw: st.DrawFn, pool: tuple[Article, ...], names: tuple[str, ...]
) -> tuple[Inference, ...]:
    """Draw inferences for some of the fields *names*, each with a basis and maybe a passage."""
    chosen = draw(st.lists(st.sampled_from(names), max_size=2, unique=True))
    return tuple(
        Inference(name, draw(_NAMES), draw(st.none() | st.sampled_from(pool).flatmap(citations)))
        for name in chosen
    )


def _successions(draw: st.DrawFn, bodies: tuple[Organization, ...]) -> tuple[Organization, ...]:
    """Give some of *bodies* a predecessor drawn among those before them: never a cycle."""
    grown: list[Organization] = []
    for body in bodies:
        succeeds: bool = draw(st.booleans())
        if grown and succeeds:
            body = attrs.evolve(body, predecessor=draw(st.sampled_from(grown)))  # noqa: PLW2901
        grown.append(body)
    return tuple(grown)


def _unique(records: list[T]) -> tuple[T, ...]:
    by_id: dict[str, T] = {}
    for record in records:
        by_id.setdefault(record.id, record)  # type: ignore[attr-defined]
    return tuple(by_id.values())


@st.composite
def datasets(draw: st.DrawFn, max_records: int = 4) -> Dataset:
    """
    Draw a valid :class:`~centralasia.Dataset`.

    Every reference resolves, every quote occurs in its article, and ids are
    unique within each collection.

    .. versionadded:: 0.1
    """
    texts = draw(st.dictionaries(_SLUG.map(lambda name: name + ".txt"), seed_texts(),
                                 min_size=1, max_size=2))  # fmt: skip
    names = sorted(texts)
    pool = _unique(
        [
            draw(articles(seed_name=name, seed=texts[name]))
            for name in draw(st.lists(st.sampled_from(names), min_size=1, max_size=max_records))
        ]
    )
    codes = draw(st.lists(st.text(string.ascii_uppercase, min_size=2, max_size=2),
                          min_size=1, max_size=max_records, unique=True))  # fmt: skip
    nations = tuple(draw(countries(alpha_2=code)) for code in codes)
    many = st.integers(0, max_records)
    bodies = _successions(
        draw, _unique([draw(organizations(pool, nations)) for _ in range(draw(many))])
    )
    persons = _unique([draw(people(pool, nations, bodies)) for _ in range(draw(many))])
    routes = _unique([draw(corridors(pool, nations)) for _ in range(draw(many))])
    locations = _unique([draw(sites(pool, nations, routes)) for _ in range(draw(many))])
    places = (
        _unique([draw(memberships(pool, nations, bodies)) for _ in range(draw(many))])
        if bodies
        else ()
    )
    happenings = _unique(
        [
            draw(events(pool, nations, bodies, routes, persons=persons, locations=locations))
            for _ in range(draw(many))
        ]
    )
    debts = _unique([draw(loans(pool, nations, bodies)) for _ in range(draw(many))])
    flows = _unique([draw(finance(pool, nations, bodies)) for _ in range(draw(many))])
    measured = measurements(
        pool, nations, bodies, routes=routes, happenings=happenings, locations=locations
    )
    numbers = _unique([draw(measured) for _ in range(draw(many))])
    claims = _unique(
        [
            draw(
                statements(
                    pool, nations, bodies, routes=routes, persons=persons, locations=locations
                )
            )
            for _ in range(draw(many))
        ]
    )
    sides: tuple[Record, ...] = (*nations, *bodies, *persons, *routes, *locations, *places,
                                 *happenings, *debts, *flows, *numbers, *claims)  # fmt: skip
    disagreements = (
        _unique([draw(conflicts(sides)) for _ in range(draw(many))])
        if len({(type(side), side.id) for side in sides}) >= 2  # noqa: PLR2004 - two sides
        else ()
    )
    drawn: tuple[tuple[Any, ...], ...] = (pool, nations, bodies, persons, routes, locations,
                                          places, happenings, debts, flows, numbers, claims,
                                          disagreements)  # fmt: skip
    collections = {
        kind_of(type(records[0])).collection: Collection(records, type(records[0]))
        for records in drawn
        if records
    }
    empty = {kind.collection: Collection((), kind.cls) for kind in KINDS}
    # Loading reads only the seeds that articles name: a dataset holds no others.
    used = {name: texts[name] for name in sorted({article.seed for article in pool})}
    return Dataset(**(empty | collections), seeds=used)
