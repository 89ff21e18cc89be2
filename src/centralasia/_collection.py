"""
A read-only, typed collection of records of one kind, indexed on first use.
"""

from __future__ import annotations

import bisect
import enum
import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any, Generic, TypeVar, overload

from attrs import fields, frozen

from centralasia._dates import Date
from centralasia._errors import NotFound
from centralasia._keys import normalize, record_keys
from centralasia._model import Citation
from centralasia._schema import kind_of
from centralasia._values import Figure, Money

if TYPE_CHECKING:
    import datetime as dt

    from centralasia._schema import Kind

__all__ = ["Collection", "Match"]

T = TypeVar("T")
D = TypeVar("D")

_MISSING: Any = object()
_NONE_KEY = "\x00none"


def _filter_keys(value: object) -> Iterator[str]:
    """Yield the keys an attribute's *value* is found by in :meth:`Collection.where`."""
    if value is None:
        yield _NONE_KEY
    elif isinstance(value, tuple):
        for item in value:
            yield from _filter_keys(item)
    elif isinstance(value, Citation):
        yield from _filter_keys(value.article)
    elif isinstance(value, enum.Enum):
        yield normalize(str(value.value))
    elif isinstance(value, str):
        yield normalize(value)
    elif hasattr(value, "id"):
        yield from map(normalize, record_keys(value))
    else:
        msg = f"cannot filter on {type(value).__name__} values"
        raise TypeError(msg)


def _query_key(value: object) -> str:
    """Return the key that a :meth:`Collection.where` criterion looks up."""
    if value is None:
        return _NONE_KEY
    if isinstance(value, enum.Enum):
        return normalize(str(value.value))
    if isinstance(value, str):
        return normalize(value)
    record_id = getattr(value, "id", None)
    if isinstance(record_id, str):
        return normalize(record_id)
    msg = f"a criterion must be a record, a string, an enum member or None, not {value!r}"
    raise TypeError(msg)


def _attribute_names(kind: type[Any]) -> tuple[str, ...]:
    """Return the fields and public properties of the record type *kind*."""
    names = [attribute.name for attribute in fields(kind)]
    names += [
        name
        for name, member in vars(kind).items()
        if isinstance(member, property) and not name.startswith("_")
    ]
    return tuple(names)


def _sort_value(value: object) -> Any:
    """Return what *value* sorts by: a figure by its value, money by its amount."""
    if isinstance(value, Figure):
        value = value.value
    return value.amount if isinstance(value, Money) else value


def _currencies(values: Iterable[object]) -> set[str]:
    plain = (value.value if isinstance(value, Figure) else value for value in values)
    return {value.currency for value in plain if isinstance(value, Money)}


@frozen
class Match(Generic[T]):
    """
    A record found by :meth:`Collection.search`, with the key it matched and how well.

    *score* runs from 0 to 100 (an exact match of the normalized key).

    .. versionadded:: 0.1
    """

    record: T
    """The record found."""
    key: str
    """The record's key that matched, normalized."""
    score: float
    """How close the key is to the query, from 60 to 100."""


class Collection(Sequence[T], Generic[T]):
    """
    An immutable, ordered sequence of records with indexed lookups and filters.

    Records are in id order unless a method says otherwise (:meth:`sort_by`,
    :meth:`rank`).  :meth:`get` finds a record by id and, depending on the
    type, by code, name, acronym or alias, ignoring case, accents,
    typographic apostrophes and extra spaces; :meth:`search` ranks fuzzy
    matches; :meth:`where` and :meth:`between` filter through indexes that
    are built on first use and kept.  Every filter returns a new
    collection, so filters compose.

    .. versionadded:: 0.1
    """

    __slots__ = ("_dates", "_indexes", "_items", "_kind", "_lookup")
    _items: tuple[T, ...]
    _kind: Kind[T]
    _lookup: dict[str, T] | None
    #: Built on first use: attribute name -> filter key -> positions.
    _indexes: dict[str, dict[str, tuple[int, ...]]]
    #: Built on first use: date attribute -> (sorted start days, positions).
    _dates: dict[str, tuple[list[dt.date], tuple[int, ...]]]

    def __init__(self, items: Iterable[T], record_type: type[T]) -> None:
        kind = kind_of(record_type)
        ordered = tuple(sorted(items, key=lambda item: item.id))  # type: ignore[attr-defined]
        for item in ordered:
            if type(item) is not record_type:
                msg = f"a collection of {kind.collection} cannot hold {item!r}"
                raise TypeError(msg)
        self._setup(ordered, kind)

    def _setup(self, items: tuple[T, ...], kind: Kind[T]) -> None:
        init = object.__setattr__  # the collection is read-only once built
        init(self, "_items", items)
        init(self, "_kind", kind)
        init(self, "_lookup", None)
        init(self, "_indexes", {})
        init(self, "_dates", {})

    def _derive(self, items: tuple[T, ...]) -> Collection[T]:
        """Return a collection of *items*, in the order given, of the same kind."""
        derived = object.__new__(type(self))
        derived._setup(items, self._kind)
        return derived

    def _lookup_index(self) -> dict[str, T]:
        if self._lookup is None:
            index: dict[str, T] = {}
            keyed = [(item, record_keys(item)) for item in self._items]
            # Ids first, then codes and names, then aliases: on a clash the more
            # specific key wins, so an alias can never hide another record's id.
            for rank in range(max((len(keys) for _, keys in keyed), default=0)):
                for item, keys in keyed:
                    if rank < len(keys):
                        index.setdefault(normalize(keys[rank]), item)
            object.__setattr__(self, "_lookup", index)
        return self._lookup  # type: ignore[return-value]

    @overload
    def get(self, key: str) -> T: ...
    @overload
    def get(self, key: str, default: D) -> T | D: ...

    def get(self, key: str, default: Any = _MISSING) -> Any:
        """
        Return the record that *key* names, or *default* if given and none does.

        >>> import centralasia as ca
        >>> ca.countries.get("Kyrgyz Republic").alpha_2
        'KG'

        Raises:
            NotFound: If no record matches and no *default* is given; the
                message suggests the closest keys.

        .. versionadded:: 0.1

        """
        index = self._lookup_index()
        # Keys are stored normalized, and normalizing is idempotent: a key
        # already in normal form needs no second pass.
        found = index.get(key)
        if found is None and isinstance(key, str):
            found = index.get(normalize(key))
        if found is not None:
            return found
        if default is not _MISSING:
            return default
        raise NotFound(self._kind.name, key, self._closest(key))

    def search(self, query: str, limit: int = 5) -> tuple[Match[T], ...]:
        """
        Return up to *limit* records whose keys best match *query*, best first.

        Keys are those :meth:`get` knows (ids, codes, names, acronyms,
        aliases), compared after normalization with rapidfuzz's token-set
        ratio, so misspellings, abbreviations and words left out are found;
        equal scores are ordered by plain similarity, then id.  Each record
        appears once, with its best-matching key.

        >>> import centralasia as ca
        >>> [match.record.id for match in ca.countries.search("Kirgizstan", limit=1)]
        ['kg']
        >>> ca.organizations.search("Shanghai Cooperation Org")[0].record.acronym
        'SCO'

        .. versionadded:: 0.1
        """
        # Imported here: only a search pays for the fuzzy matcher.
        from rapidfuzz import fuzz, process  # noqa: PLC0415

        index = self._lookup_index()
        wanted = normalize(query)
        # A key much shorter than the query (a code against a name) would match
        # any query sharing two letters with it: such keys are left out.
        keys = [key for key in index if 2 * len(key) > len(wanted)]
        scored = process.extract(
            wanted, keys, scorer=fuzz.token_set_ratio, limit=None, score_cutoff=60
        )
        position = {id(item): number for number, item in enumerate(self._items)}
        best: dict[int, tuple[float, float, Match[T]]] = {}
        for key, score, _ in scored:
            record = index[key]
            candidate = (score, fuzz.ratio(wanted, key), Match(record, key, score))
            if id(record) not in best or candidate[:2] > best[id(record)][:2]:
                best[id(record)] = candidate
        ranked = sorted(
            best.values(), key=lambda entry: (-entry[0], -entry[1], position[id(entry[2].record)])
        )
        return tuple(match for _, _, match in ranked[:limit])

    def where(self, **criteria: object) -> Collection[T]:
        """
        Return the records whose attributes match every criterion.

        Each keyword names a field or property of the records.  A criterion
        is a record, a key that :meth:`get` would find it by (an id, a code,
        a name), an enum member or its value, a string, or ``None`` for "not
        given".  A field holding several records (``debtors``,
        ``countries``) matches when any of them does; ``sources`` matches
        the cited article.  Strings are compared normalized, as by
        :meth:`get`.  Lookups go through an index per attribute.

        >>> import centralasia as ca
        >>> [loan.id for loan in ca.loans.where(debtor="Kyrgyzstan", lender="Exim Bank")]
        ['kg-exim-2023']
        >>> for loan in ca.loans.where(debtors="TJ", creditor="cn"):
        ...     print(loan.id)
        central-asia-cn-2023h1
        tj-cn-2024-early
        tj-cn-about-half-foreign-debt
        tj-cn-half-of-foreign-debt

        Raises:
            TypeError: If a keyword is not an attribute of the records, or
                names one that cannot be matched this way (use
                :meth:`between` for dates).

        .. versionadded:: 0.1

        """
        positions: set[int] | None = None
        for name, value in criteria.items():
            found = set(self._attribute_index(name).get(_query_key(value), ()))
            positions = found if positions is None else positions & found
        if positions is None:
            return self
        return self._derive(tuple(self._items[number] for number in sorted(positions)))

    def _attribute_index(self, name: str) -> dict[str, tuple[int, ...]]:
        index = self._indexes.get(name)
        if index is None:
            self._check_attribute(name)
            building: dict[str, list[int]] = {}
            for number, item in enumerate(self._items):
                for key in dict.fromkeys(_filter_keys(getattr(item, name))):
                    building.setdefault(key, []).append(number)
            index = {key: tuple(numbers) for key, numbers in building.items()}
            self._indexes[name] = index
        return index

    def _check_attribute(self, name: str) -> None:
        names = _attribute_names(self._kind.cls)
        if name not in names:
            kind = self._kind.name
            msg = f"{kind} records have no attribute {name!r}; they have {', '.join(names)}"
            raise TypeError(msg)

    def between(
        self,
        start: str | Date | None = None,
        end: str | Date | None = None,
        *,
        partly: bool = False,
        attribute: str | None = None,
    ) -> Collection[T]:
        """
        Return the records dated within *start* to *end*, both included.

        The window runs from the first day *start* allows to the last day
        *end* allows: ``between("2013", "2022")`` is 1 January 2013 to
        31 December 2022.  A record is within when every day its date allows
        is inside the window, so a figure dated "2023" is not within
        ``between("2023-06", "2023-12")``; with ``partly=True`` a record is
        kept when its date could fall inside (the intervals overlap).
        Undated records are left out.  Records are dated by their main date
        (an event's ``date``, a loan's ``as_of``...), or by *attribute*.

        >>> import centralasia as ca
        >>> [event.date.edtf for event in ca.events.between("2013", "2013")]
        ['2013', '2013-09-07']
        >>> [event.date.edtf for event in ca.events.between("2013-09", "2013-12")]
        ['2013-09-07']
        >>> partly = ca.events.between("2013-09", "2013-12", partly=True).sort_by("date")
        >>> [event.date.edtf for event in partly]
        ['../2022-06', '2012/..', '2013', '2013/..', '2013-09-07']

        .. versionadded:: 0.1
        """
        first_date = Date(start) if isinstance(start, str) else start
        last_date = Date(end) if isinstance(end, str) else end
        window_start = None if first_date is None else first_date.start
        window_end = None if last_date is None else last_date.end
        starts, numbers = self._date_index(attribute)
        # Candidates by start date through the index; their ends are checked.
        last = len(starts) if window_end is None else bisect.bisect_right(starts, window_end)
        first = 0 if window_start is None or partly else bisect.bisect_left(starts, window_start)
        name = self._date_attribute(attribute)
        kept = []
        for number in numbers[first:last]:
            date: Date = getattr(self._items[number], name)
            if partly:
                inside = window_start is None or date.end >= window_start
            else:
                inside = window_end is None or date.end <= window_end
            if inside:
                kept.append(number)
        return self._derive(tuple(self._items[number] for number in sorted(kept)))

    def _date_attribute(self, attribute: str | None) -> str:
        if attribute is not None:
            self._check_attribute(attribute)
            return attribute
        if self._kind.date is None:
            msg = f"{self._kind.name} records have no date; name one with attribute="
            raise TypeError(msg)
        return self._kind.date

    def _date_index(self, attribute: str | None) -> tuple[list[dt.date], tuple[int, ...]]:
        name = self._date_attribute(attribute)
        cached = self._dates.get(name)
        if cached is None:
            dated = []
            for number, item in enumerate(self._items):
                date = getattr(item, name)
                if date is not None:
                    if not isinstance(date, Date):
                        msg = f"{name!r} is not a date"
                        raise TypeError(msg)
                    dated.append((date.start, number))
            dated.sort()
            cached = ([start for start, _ in dated], tuple(number for _, number in dated))
            self._dates[name] = cached
        return cached

    def sort_by(self, key: str | Callable[[T], Any], *, reverse: bool = False) -> Collection[T]:
        """
        Return the records ordered by *key*, an attribute name or a function.

        Records whose key is ``None`` come last either way; ties keep the
        current order.  Amounts of money sort by amount.

        >>> import centralasia as ca
        >>> [event.date.edtf for event in ca.events.sort_by("date")][:3]
        ['../2022-06', '1895', '1895']

        .. versionadded:: 0.1
        """
        value_of: Callable[[T], Any]
        if isinstance(key, str):
            self._check_attribute(key)
            value_of = operator.attrgetter(key)
        else:
            value_of = key
        values = [(value_of(item), item) for item in self._items]
        given = [(value, item) for value, item in values if value is not None]
        missing = [item for value, item in values if value is None]
        if len(_currencies(value for value, _ in given)) > 1:
            msg = "cannot order amounts in different currencies"
            raise ValueError(msg)
        given.sort(key=lambda pair: _sort_value(pair[0]), reverse=reverse)
        return self._derive((*(item for _, item in given), *missing))

    def rank(self, key: str | Callable[[T], Any]) -> Collection[T]:
        """
        Return the records that have a *key*, largest first.

        >>> import centralasia as ca
        >>> ranked = ca.loans.where(creditor="cn").rank("share_of_gdp")
        >>> [(loan.debtor.name, str(loan.share_of_gdp)) for loan in ranked][:2]
        [('Kyrgyzstan', 'about 0.40'), ('Kazakhstan', 'about 0.035')]

        .. versionadded:: 0.1
        """
        value_of = operator.attrgetter(key) if isinstance(key, str) else key
        ordered = self.sort_by(key, reverse=True)
        return self._derive(tuple(item for item in ordered if value_of(item) is not None))

    def latest(self, attribute: str | None = None) -> Collection[T]:
        """
        Return, for each cited article, its most recent records here.

        A source's latest figure is the one with the latest date (see
        :meth:`between` for which date); ties are all kept, and a source's
        undated records are kept only when it has no dated one.  The result
        is in id order.

        >>> import centralasia as ca
        >>> [loan.id for loan in ca.loans.where(debtor="kz").latest()]
        ['kz-cn-2024-01-01']

        .. versionadded:: 0.1
        """
        name = self._date_attribute(attribute)
        by_article: dict[str, list[T]] = {}
        for item in self._items:
            for citation in getattr(item, "sources", ()):
                group = by_article.setdefault(citation.article.id, [])
                if item not in group:
                    group.append(item)
        kept: set[int] = set()
        for group in by_article.values():
            dated = [item for item in group if getattr(item, name) is not None]
            if not dated:
                kept |= {id(item) for item in group}
                continue
            newest = max(getattr(item, name) for item in dated)
            kept |= {id(item) for item in dated if getattr(item, name) == newest}
        return self._derive(tuple(item for item in self._items if id(item) in kept))

    def filter(self, predicate: Callable[[T], bool]) -> Collection[T]:
        """
        Return the records for which *predicate* is true, as a new collection.

        The result keeps this collection's order and never holds a record this
        one does not, so filters compose in any order:

        >>> import centralasia as ca
        >>> dated = ca.loans.filter(lambda loan: loan.as_of is not None)
        >>> [loan.id for loan in dated.filter(lambda loan: loan.lender is not None)]
        ['kg-exim-2023', 'kz-cn-2024-01-01', 'uz-cdb-2022']

        .. versionadded:: 0.1
        """
        return self._derive(tuple(item for item in self._items if predicate(item)))

    def to_dicts(self) -> tuple[dict[str, Any], ...]:
        """
        Return the records as plain, JSON-ready dicts, as the data files hold them.

        References to other records are given by id.

        >>> import centralasia as ca
        >>> ca.loans.where(lender="Exim Bank").to_dicts()[0]["amount"]
        {'value': {'amount': '1700000000', 'currency': 'USD'}, 'qualifier': 'exact'}

        .. versionadded:: 0.1
        """
        from centralasia._export import to_dict  # noqa: PLC0415

        return tuple(to_dict(item) for item in self._items)

    def to_csv(self, file: IO[str]) -> None:
        """
        Write the records to *file* as CSV, one row per record.

        Columns follow :meth:`to_dicts`, nested fields flattened with dots
        (``amount.amount``, ``amount.currency``); lists of ids are joined with
        ``;`` and sources are written as JSON, so no quote is lost.  Open the
        file with ``newline=""``, as the :mod:`csv` module asks.

        >>> import io, centralasia as ca
        >>> out = io.StringIO()
        >>> ca.countries.where(alpha_2="KG").to_csv(out)
        >>> out.getvalue().splitlines()[0]
        'id,name,alpha_2,alpha_3,official_name,aliases,names,reference'

        .. versionadded:: 0.1
        """
        from centralasia._export import write_csv  # noqa: PLC0415

        write_csv(self.to_dicts(), file)

    def to_pandas(self) -> Any:
        """
        Return the records as a ``pandas.DataFrame``, with the columns of :meth:`to_csv`.

        Needs pandas (``pip install centralasia[pandas]``); the core never imports it.

        >>> import centralasia as ca
        >>> frame = ca.loans.to_pandas()
        >>> len(frame) == len(ca.loans), frame.columns[0]
        (True, 'id')

        .. versionadded:: 0.1
        """
        from centralasia._export import to_data_frame  # noqa: PLC0415

        return to_data_frame(self.to_dicts())

    def _closest(self, key: str, limit: int = 3) -> list[str]:
        names: list[str] = []
        for match in self.search(key, limit=limit * 3):
            name = getattr(match.record, "name", None) or match.record.id  # type: ignore[attr-defined]
            if name not in names:
                names.append(name)
        return names[:limit]

    def __contains__(self, item: object) -> bool:
        record_id = getattr(item, "id", None)
        if not isinstance(record_id, str):
            return False
        return self._lookup_index().get(normalize(record_id)) == item

    @overload
    def __getitem__(self, position: int) -> T: ...
    @overload
    def __getitem__(self, position: slice) -> Collection[T]: ...

    def __getitem__(self, position: int | slice) -> T | Collection[T]:
        if isinstance(position, slice):
            return self._derive(self._items[position])
        return self._items[position]

    @property
    def record_type(self) -> type[T]:
        """
        The class of the records the collection holds.

        >>> import centralasia as ca
        >>> ca.loans.record_type
        <class 'centralasia._model.Loan'>

        .. versionadded:: 0.1
        """
        return self._kind.cls

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Collection):
            return NotImplemented
        return self._items == other._items

    def __hash__(self) -> int:
        return hash(self._items)

    def __repr__(self) -> str:
        shown = ", ".join(item.id for item in self._items[:4])  # type: ignore[attr-defined]
        more = ", …" if len(self._items) > 4 else ""  # noqa: PLR2004 - a line's worth
        count = f"{len(self)} {self._kind.name if len(self) == 1 else self._kind.collection}"
        return f"<Collection of {count}: {shown}{more}>" if shown else f"<Collection of {count}>"

    def __setattr__(self, name: str, value: object) -> None:
        msg = "a Collection is read-only"
        raise AttributeError(msg)

    def __delattr__(self, name: str) -> None:
        msg = "a Collection is read-only"
        raise AttributeError(msg)
