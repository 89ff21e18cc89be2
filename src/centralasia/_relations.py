"""
How records refer to each other, read backwards: everything about one record.

The data files refer forwards (a loan names its debtors, a citation its
article).  The reverse index here answers the other question, what refers to
a record, from one walk over the dataset made on first use, following every
reference field the schema finds.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from attrs import field, fields, frozen

from centralasia import _model as model
from centralasia._collection import Collection, within_resolver
from centralasia._keys import normalize, record_names
from centralasia._model import Record, short_repr
from centralasia._schema import KINDS, cited_articles, kind_of, referenced, refers
from centralasia._shown import Shown

if TYPE_CHECKING:
    from centralasia._dataset import Dataset

__all__ = ["Profile", "Relations"]


@frozen
class Profile(Shown):
    """
    Everything the dataset holds about one record.

    Each collection holds the records that refer to :attr:`record`, through
    any field: for a country, the loans it owes (group figures included) or
    lends, the corridors through it, its memberships, events and figures;
    for an organization, its members, its loans, its successors; for a
    corridor, the events and figures about it; for a person, the events they
    take part in and the statements they make or are named in (their roles
    are on the record itself).  For an article they are the
    records it supports.  :attr:`conflicts` holds every conflict naming the
    record or any of those records.  Nothing is left out by construction:
    the parts are read from one reverse index of every reference field.
    The collections filter further, and look names up in the whole dataset.

    >>> import centralasia as ca
    >>> ca.about("china-exim-bank")  # doctest: +ELLIPSIS
    <Profile of organization 'china-exim-bank': 1 article, 2 loans, ...>

    .. versionadded:: 0.1
    """

    record: Record = field(repr=short_repr)
    """The record the profile is about."""
    articles: Collection[model.Article] = field(repr=False)
    """
    The articles cited by the record or by any record of the profile, and
    those whose text names it.  For an article: the other articles cited by
    the records it supports, the sources that corroborate or dispute it.
    """
    organizations: Collection[model.Organization] = field(repr=False)
    """Organizations referring to it (its successors, national bodies of a country)."""
    people: Collection[model.Person] = field(repr=False)
    """People whose roles are in it (a country's presidents, an organization's officials)."""
    corridors: Collection[model.Corridor] = field(repr=False)
    """Corridors through a country."""
    sites: Collection[model.Site] = field(repr=False)
    """Sites in a country, or on a corridor."""
    memberships: Collection[model.Membership] = field(repr=False)
    """A country's memberships, or an organization's members."""
    events: Collection[model.Event] = field(repr=False)
    """Events involving it."""
    loans: Collection[model.Loan] = field(repr=False)
    """Debt figures owed by or to a country (group figures too), or made by a lender."""
    finance: Collection[model.Finance] = field(repr=False)
    """Money flows from or to it."""
    measurements: Collection[model.Measurement] = field(repr=False)
    """Other figures about it."""
    statements: Collection[model.Statement] = field(repr=False)
    """Claims without a figure about it."""
    conflicts: Collection[model.Conflict] = field(repr=False)
    """Disagreements over it or over any record of the profile."""

    def __repr__(self) -> str:
        kind = kind_of(type(self.record)).name
        parts = [
            f"{len(records)} {kind_of(records.record_type).name if len(records) == 1 else name}"
            for name, records in (
                (attribute.name, getattr(self, attribute.name)) for attribute in fields(Profile)
            )
            if name != "record" and records
        ]
        shown = ", ".join(parts[:4]) + (", ..." if len(parts) > 4 else "")  # noqa: PLR2004
        return f"<Profile of {kind} {self.record.id!r}: {shown or 'nothing refers to it'}>"


def _key(record: Any) -> tuple[type[Any], str]:
    return type(record), record.id


#: The kinds whose records refer to others: the parts of a Profile.
_REFERRING = tuple(kind for kind in KINDS if refers(kind.cls))


class Relations:
    """The reverse index of a dataset: who refers to whom."""

    __slots__ = ("_dataset", "_referrers", "_texts")

    def __init__(self, dataset: Dataset) -> None:
        self._dataset = dataset
        referrers: dict[tuple[type[Any], str], dict[int, Any]] = {}
        for collection in dataset.collections.values():
            for record in collection:
                for target in (*referenced(record), *cited_articles(record)):
                    referrers.setdefault(_key(target), {})[id(record)] = record
        self._referrers = {key: tuple(found.values()) for key, found in referrers.items()}
        self._texts: list[tuple[model.Article, str]] | None = None

    def referrers(self, record: Any) -> tuple[Any, ...]:
        """Return every record that refers to *record*."""
        return self._referrers.get(_key(record), ())

    def profile(self, record: Record) -> Profile:
        """Return the :class:`Profile` of *record*."""
        referrers = self.referrers(record)
        groups: dict[str, dict[str, Any]] = {kind.collection: {} for kind in _REFERRING}
        for referrer in referrers:
            groups[kind_of(type(referrer)).collection][referrer.id] = referrer
        # A conflict over a record about this one is about this one too.
        for about in (record, *referrers):
            for conflict in self.referrers(about):
                if isinstance(conflict, model.Conflict):
                    groups["conflicts"][conflict.id] = conflict
        articles = {
            article.id: article
            for source in (record, *referrers)
            for article in cited_articles(source)
        }
        articles.update((article.id, article) for article in self._named_in(record))
        if isinstance(record, model.Article):
            articles.pop(record.id, None)
        # The parts look names up in the whole dataset, as its collections do.
        resolver = self._dataset._collection_of  # noqa: SLF001 - the dataset's own resolver
        return Profile(
            record,
            within_resolver(articles.values(), model.Article, resolver),
            **{
                kind.collection: within_resolver(
                    groups[kind.collection].values(), kind.cls, resolver
                )
                for kind in _REFERRING
            },
        )

    def _named_in(self, record: Any) -> tuple[model.Article, ...]:
        """Return the articles whose text names *record* (codes and ids aside)."""
        names = record_names(record)
        if not names or isinstance(record, model.Article):
            return ()
        if self._texts is None:
            self._texts = [(article, normalize(article.text)) for article in self._dataset.articles]
        pattern = re.compile(
            "|".join(rf"\b{re.escape(normalize(name))}\b" for name in names if name)
        )
        return tuple(article for article, text in self._texts if pattern.search(text))
