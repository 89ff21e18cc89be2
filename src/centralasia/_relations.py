"""
How records refer to each other, read backwards: everything about one record.

The data files refer forwards (a loan names its debtors, a citation its
article).  The reverse index here answers the other question, what refers to
a record, from one walk over the dataset, made on first use.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from attrs import field, fields, frozen, has

from centralasia._model import (
    Article,
    Citation,
    Conflict,
    Corridor,
    Country,
    Event,
    Finance,
    Loan,
    Measurement,
    Membership,
    Organization,
    _short_repr,
)
from centralasia._query import Collection, normalize

if TYPE_CHECKING:
    from centralasia._dataset import Dataset

__all__ = ["Profile"]


@frozen
class Profile:
    """
    Everything the dataset holds about one record.

    Each collection holds the records that refer to :attr:`record`: for a
    country, the loans it owes (group figures included), the corridors
    through it, its memberships and events; for an organization, its
    memberships (its members), the loans it made, its events.  For an article
    they are the records it supports.  :attr:`articles` are the articles that
    cite the record or a record about it, or name it in their text.

    .. versionadded:: 0.1
    """

    record: Any = field(repr=_short_repr)
    """The record the profile is about."""
    articles: Collection[Article] = field(repr=False)
    """Articles citing the record or a record about it, or naming it."""
    organizations: Collection[Organization] = field(repr=False)
    """Organizations referring to it (its successors, national bodies of a country)."""
    corridors: Collection[Corridor] = field(repr=False)
    """Corridors through a country."""
    memberships: Collection[Membership] = field(repr=False)
    """A country's memberships, or an organization's members."""
    events: Collection[Event] = field(repr=False)
    """Events involving it."""
    loans: Collection[Loan] = field(repr=False)
    """Debt figures owed by a country (group figures too) or made by a lender."""
    finance: Collection[Finance] = field(repr=False)
    """Money flows from or to it."""
    measurements: Collection[Measurement] = field(repr=False)
    """Other figures about it."""
    conflicts: Collection[Conflict] = field(repr=False)
    """Disagreements in which one of the records is it."""


#: Profile field for each record type that can refer to others.
_GROUPS: dict[type[Any], str] = {
    Organization: "organizations",
    Corridor: "corridors",
    Membership: "memberships",
    Event: "events",
    Loan: "loans",
    Finance: "finance",
    Measurement: "measurements",
    Conflict: "conflicts",
}


def references(record: Any) -> Iterator[Any]:
    """Yield every record that *record* refers to, cited articles included."""
    for attribute in fields(type(record)):
        values = getattr(record, attribute.name)
        for value in values if isinstance(values, tuple) else (values,):
            if isinstance(value, Citation):
                yield value.article
            elif has(type(value)) and isinstance(getattr(value, "id", None), str):
                yield value


def _key(record: Any) -> tuple[type[Any], str]:
    return type(record), record.id


class Relations:
    """The reverse index of a dataset: who refers to whom."""

    __slots__ = ("_dataset", "_referrers", "_texts")

    def __init__(self, dataset: Dataset) -> None:
        self._dataset = dataset
        referrers: dict[tuple[type[Any], str], dict[int, Any]] = {}
        for stem in _GROUPS.values():
            for record in getattr(dataset, stem):
                for target in references(record):
                    referrers.setdefault(_key(target), {})[id(record)] = record
        self._referrers = {key: tuple(found.values()) for key, found in referrers.items()}
        self._texts: list[tuple[Article, str]] | None = None

    def profile(self, record: Any) -> Profile:
        """Return the :class:`Profile` of *record*."""
        referrers = self._referrers.get(_key(record), ())
        groups: dict[str, list[Any]] = {stem: [] for stem in _GROUPS.values()}
        for referrer in referrers:
            groups[_GROUPS[type(referrer)]].append(referrer)
        articles = {
            article.id: article
            for source in (record, *referrers)
            for citation in getattr(source, "sources", ())
            for article in [citation.article]
        }
        articles.update((article.id, article) for article in self._named_in(record))
        if isinstance(record, Article):
            articles.pop(record.id, None)
        return Profile(
            record,
            Collection(articles.values(), "article"),
            **{stem: Collection(items, stem.rstrip("s")) for stem, items in groups.items()},
        )

    def _named_in(self, record: Any) -> tuple[Article, ...]:
        """Return the articles whose text names *record* (codes and ids aside)."""
        if isinstance(record, Country):
            names = [record.name, record.official_name, *record.aliases]
        elif isinstance(record, Organization):
            names = [record.name, record.acronym, *record.aliases]
        elif isinstance(record, Corridor):
            names = [record.name, *record.aliases]
        else:
            return ()
        if self._texts is None:
            self._texts = [(article, normalize(article.text)) for article in self._dataset.articles]
        pattern = re.compile(
            "|".join(rf"\b{re.escape(normalize(name))}\b" for name in names if name)
        )
        return tuple(article for article, text in self._texts if pattern.search(text))
