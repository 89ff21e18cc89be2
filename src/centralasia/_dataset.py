"""
The dataset: one typed collection per kind of record, and the questions asked of them.
"""

from __future__ import annotations

import os
import types
import typing
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, overload

from attrs import field, frozen

from centralasia._collection import Collection
from centralasia._dates import Date
from centralasia._errors import NotFound
from centralasia._model import (
    Article,
    Conflict,
    Corridor,
    Country,
    Event,
    Finance,
    Loan,
    Measurement,
    Membership,
    Organization,
    Record,
    Statement,
)
from centralasia._schema import KINDS

if TYPE_CHECKING:
    from centralasia._relations import Profile, Relations
    from centralasia._text import TextHit, TextIndex

T = TypeVar("T")
D = TypeVar("D")

__all__ = ["Dataset", "load"]

_MISSING: Any = object()
#: Kinds whose records have names come first when a key is looked up in every collection.
_LOOKUP_ORDER = tuple(sorted(KINDS, key=lambda kind: kind.keys == ("id",)))


def _read_only(seeds: Mapping[str, str]) -> Mapping[str, str]:
    return types.MappingProxyType(dict(seeds))


class _Derived:
    """Indexes over a whole dataset, built on first use and then kept."""

    __slots__ = ("relations", "text")

    def __init__(self) -> None:
        self.relations: Relations | None = None
        self.text: TextIndex | None = None


@frozen(cache_hash=True)
class Dataset:
    """
    A complete, checked set of records: articles, countries, loans and the rest.

    Each collection is an immutable :class:`Collection` in id order.
    :attr:`seeds` maps each seed file's name to its text.  A dataset is a
    value: equal datasets hash equal, and the bundled one is shared safely.

    .. versionadded:: 0.1
    """

    articles: Collection[Article]
    """The articles of the corpus, the sources of every claim."""
    countries: Collection[Country]
    """Countries, with their ISO 3166-1 codes (reference data)."""
    organizations: Collection[Organization]
    """Intergovernmental bodies, banks, groups, institutes, initiatives..."""
    corridors: Collection[Corridor]
    """Routes, railways, pipelines, ports, mines and fields."""
    memberships: Collection[Membership]
    """Countries' places in organizations."""
    events: Collection[Event]
    """Dated happenings."""
    loans: Collection[Loan]
    """Figures of debt owed to a creditor state or its banks."""
    finance: Collection[Finance]
    """Money pledged, invested, lent in rescue or repaid."""
    measurements: Collection[Measurement]
    """Other figures, such as trade shares, counts, casualties and areas."""
    statements: Collection[Statement]
    """Claims that have no figure and no date of their own, such as rankings and trends."""
    conflicts: Collection[Conflict]
    """Where the sources disagree."""
    seeds: Mapping[str, str] = field(converter=_read_only, hash=False, repr=False)
    """The seed files' texts by file name, read-only."""
    _derived: _Derived = field(factory=_Derived, init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        for kind in KINDS:
            collection = getattr(self, kind.collection)
            if not isinstance(collection, Collection) or collection.record_type is not kind.cls:
                msg = f"'{kind.collection}' must be a Collection of {kind.collection}"
                raise TypeError(msg)

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(self.collections[kind.collection])} {kind.collection}"
                           for kind in KINDS)  # fmt: skip
        return f"<Dataset: {counts}>"

    @property
    def collections(self) -> Mapping[str, Collection[Any]]:
        """
        Every collection by name (``"loans"``...), in the schema's loading order.

        .. versionadded:: 0.1
        """
        return {kind.collection: getattr(self, kind.collection) for kind in KINDS}

    def _built(self, name: str, build: Callable[[], T]) -> T:
        built = getattr(self._derived, name)
        if built is None:
            built = build()
            setattr(self._derived, name, built)
        return built  # type: ignore[no-any-return]

    @overload
    def record(self, key: str) -> Record: ...
    @overload
    def record(self, key: str, default: D) -> Record | D: ...

    def record(self, key: str, default: Any = _MISSING) -> Any:
        """
        Return the record that *key* names, looking in every collection.

        Named records (articles, countries, organizations, corridors) come
        first, then the rest by id; *default*, if given, is returned when
        nothing matches.

        >>> import centralasia as ca
        >>> ca.load().record("KGZ").name
        'Kyrgyzstan'

        Raises:
            NotFound: If no collection has it and no *default* is given; the
                message suggests the closest names.

        .. versionadded:: 0.1

        """
        for kind in _LOOKUP_ORDER:
            found = getattr(self, kind.collection).get(key, None)
            if found is not None:
                return found
        if default is not _MISSING:
            return default
        suggestions = [
            getattr(match.record, "name", match.record.id)
            for kind in _LOOKUP_ORDER
            if kind.keys != ("id",)
            for match in getattr(self, kind.collection).search(key, limit=1)
        ]
        raise NotFound("record", key, suggestions)

    def about(self, record: object) -> Profile:
        """
        Return everything the dataset holds about *record*, a record or a key.

        >>> import centralasia as ca
        >>> kg = ca.about("Kyrgyzstan")
        >>> [loan.id for loan in kg.loans.where(lender="china-exim-bank")]
        ['kg-exim-2023']
        >>> sorted(article.id for article in ca.about("kg-exim-2023").articles)
        ['kaleji-debt-trap']

        See :class:`Profile` for what each part holds.

        .. versionadded:: 0.1
        """
        from centralasia._relations import Relations  # noqa: PLC0415

        target = self.record(record) if isinstance(record, str) else record
        if not isinstance(target, typing.get_args(Record)):
            msg = f"about() takes a record or a key (str), not {type(record).__name__}"
            raise TypeError(msg)
        return self._built("relations", lambda: Relations(self)).profile(target)

    def timeline(
        self,
        start: str | Date | None = None,
        end: str | Date | None = None,
        *,
        country: object = None,
        organization: object = None,
        partly: bool = False,
    ) -> Collection[Event]:
        """
        Return the events from *start* to *end*, in date order.

        *country* and *organization* (records or keys) keep the events that
        involve them.  Dates compare as intervals, as in
        :meth:`Collection.between`: an event dated only "2022" is within
        ``timeline("2022", "2022")`` but not ``timeline("2022-01", "2022-06")``,
        unless *partly* is true.  Events on the same date keep id order.

        >>> import centralasia as ca
        >>> [event.date.edtf for event in ca.timeline("2013", "2022", country="kz")]
        ['2013-09-07', '2020-40', '2022-01', '2022-01/2022-06', ..., '2022-06', '2022-06-07']

        .. versionadded:: 0.1
        """
        criteria = {"countries": country, "organizations": organization}
        events = self.events.where(**{k: v for k, v in criteria.items() if v is not None})
        return events.between(start, end, partly=partly).sort_by("date")

    def members(self, organization: object, on: str | Date | None = None) -> Collection[Membership]:
        """
        Return the memberships of *organization* (a record or a key).

        With *on*, only those that may hold on that date: a membership whose
        joining date is not known is kept, since the sources do not rule it
        out; :meth:`Membership.held_on` tells which are certain.

        >>> import centralasia as ca
        >>> [m.country.id for m in ca.members("Shanghai Five")]
        ['cn', 'kg', 'kz', 'ru', 'tj']

        .. versionadded:: 0.1
        """
        memberships = self.memberships.where(organization=organization)
        if on is None:
            return memberships
        date = Date(on) if isinstance(on, str) else on
        return memberships.filter(lambda membership: membership.held_on(date) is not False)

    def find_text(self, query: str, limit: int | None = 10) -> tuple[TextHit, ...]:
        """
        Return the articles that use every word of *query*, best first.

        Words match case- and accent-blind, and a query word matches the
        words it begins ("loan" finds "loans").  Ranking is tf-idf; each hit
        carries a snippet of the passage where the words cluster.

        >>> import centralasia as ca
        >>> hit = ca.find_text("debt trap")[0]
        >>> hit.article.id
        'kaleji-debt-trap'

        .. versionadded:: 0.1
        """
        from centralasia._text import TextIndex  # noqa: PLC0415

        return self._built("text", lambda: TextIndex(self.articles)).search(query, limit)

    def dump(self, path: str | os.PathLike[str]) -> None:
        """
        Write the dataset to the directory *path*, creating it if needed.

        ``load(path)`` then gives back an equal dataset: a starting point for a
        dataset of your own.

        >>> import tempfile, centralasia as ca
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     ca.load().dump(folder)
        ...     ca.load(folder) == ca.load()
        True

        .. versionadded:: 0.1
        """
        import json  # noqa: PLC0415
        import pathlib  # noqa: PLC0415

        from centralasia._converter import converter  # noqa: PLC0415
        from centralasia._seeds import FOLDER  # noqa: PLC0415

        root = pathlib.Path(path)
        (root / FOLDER).mkdir(parents=True, exist_ok=True)
        for name, text in self.seeds.items():
            (root / FOLDER / name).write_bytes(text.encode("utf-8"))
        for kind in KINDS:
            records = converter.unstructure(tuple(getattr(self, kind.collection)))
            text = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
            (root / kind.file).write_text(text, encoding="utf-8")


def load(path: str | os.PathLike[str] | None = None) -> Dataset:
    """
    Return the dataset in the directory *path*, or the bundled one.

    With no *path*, the dataset shipped inside the package is read on first
    use, checked, and cached; every later call returns the same object.

    Raises:
        DataError: If any file is missing, malformed or inconsistent; it
            lists every problem, and nothing is loaded.

    >>> load().countries.get("Kyrgyz Republic").alpha_3
    'KGZ'

    .. versionadded:: 0.1

    """
    from centralasia import _bundled  # noqa: PLC0415

    if path is None:
        return _bundled.bundled()
    import pathlib  # noqa: PLC0415

    from centralasia._loader import read  # noqa: PLC0415

    return read(pathlib.Path(path))
