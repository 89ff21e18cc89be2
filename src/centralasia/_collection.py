"""
A read-only, typed collection of records of one kind, indexed on first use.
"""

from __future__ import annotations

import datetime as dt
import operator
import typing
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import IO, Any, Generic, TypeVar, overload

from centralasia._criteria import AttributeIndex, attribute_of, criterion_key, index_attribute
from centralasia._dates import Date, as_date
from centralasia._errors import AmbiguousKey, NotFound, shown, wrong_type
from centralasia._keys import normalize
from centralasia._lookup import (
    Match,
    Resolver,
    ambiguous_keys,
    check_limit,
    closest_names,
    key_field_index,
    lookup_index,
    search_index,
)
from centralasia._schema import AttributeType, Kind, attribute_types, cited_articles, kind_of
from centralasia._schema import referenced as referenced_records
from centralasia._shown import Shown
from centralasia._values import Figure, Money
from centralasia._windows import DateIndex, date_attribute, index_dates, within

__all__ = ["Collection", "rebound", "within_resolver"]

T = TypeVar("T")
D = TypeVar("D")

_MISSING: Any = object()

#: What an attribute may be ordered by (``sort_by``, ``rank``): figures by value.
_ORDERED = (str, int, Decimal, Date, Money, Figure, dt.date)


def _orderable(attribute: AttributeType) -> bool:
    element = typing.get_origin(attribute.element) or attribute.element
    return isinstance(element, type) and issubclass(element, _ORDERED)


def _sort_value(value: object) -> Any:
    """Return what *value* sorts by: a figure by its value, money by its amount."""
    if isinstance(value, Figure):
        value = value.value
    return value.amount if isinstance(value, Money) else value


def _currencies(values: Iterable[object]) -> set[str]:
    plain = (value.value if isinstance(value, Figure) else value for value in values)
    return {value.currency for value in plain if isinstance(value, Money)}


class _Referents:
    """Finds the records a collection built on its own names: its items and what they cite."""

    __slots__ = ("_found", "_items")

    def __init__(self, items: tuple[Any, ...]) -> None:
        self._items = items
        self._found: dict[type[Any], Collection[Any]] = {}

    def __call__(self, cls: type[Any]) -> Collection[Any]:
        found = self._found.get(cls)
        if found is None:
            records: dict[str, Any] = {}
            for item in self._items:
                for record in (item, *referenced_records(item), *cited_articles(item)):
                    if type(record) is cls:
                        records.setdefault(record.id, record)
            found = within_resolver(records.values(), cls, self)
            self._found[cls] = found
        return found


class Collection(Shown, Sequence[T], Generic[T]):
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

    __slots__ = (
        "_ambiguous", "_dates", "_indexes", "_items", "_key_fields", "_kind", "_lookup",
        "_resolver",
    )  # fmt: skip
    _items: tuple[T, ...]
    _kind: Kind[T]
    _lookup: dict[str, T] | None
    #: Built with the lookup index: the keys, none an id, that name several records.
    _ambiguous: dict[str, tuple[T, ...]]
    #: Built on a first search: the field each key of the lookup index comes from.
    _key_fields: dict[str, str] | None
    #: Finds the records that names in criteria refer to (see :meth:`where`).
    _resolver: Resolver
    #: Built on first use: attribute name -> filter key -> positions.
    _indexes: dict[str, AttributeIndex]
    #: Built on first use: date attribute -> (sorted start days, positions).
    _dates: dict[str, DateIndex]

    def __init__(self, items: Iterable[T], record_type: type[T]) -> None:
        try:  # a shared collection (ca.loans) re-initialised would change for everyone
            object.__getattribute__(self, "_items")
        except AttributeError:
            pass
        else:
            msg = "Collection is immutable: its __init__ cannot be called again"
            raise TypeError(msg)
        if not isinstance(record_type, type):
            accepted = "a record class such as centralasia.Loan"
            raise wrong_type("Collection", "record_type", accepted, record_type)
        kind = kind_of(record_type)
        if isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
            raise wrong_type("Collection", "items", "an iterable of records", items)
        listed = tuple(items)
        for item in listed:
            if type(item) is not record_type:
                msg = f"Collection(): a collection of {kind.collection} cannot hold {shown(item)}"
                raise TypeError(msg)
        ordered = tuple(sorted(listed, key=lambda item: item.id))  # type: ignore[attr-defined]
        # Built on its own, a collection finds names among its records and
        # the records they refer to; a Dataset rebinds it to look in the dataset.
        self._setup(ordered, kind, _Referents(ordered))

    def _setup(self, items: tuple[T, ...], kind: Kind[T], resolver: Resolver) -> None:
        init = object.__setattr__  # the collection is read-only once built
        init(self, "_items", items)
        init(self, "_kind", kind)
        init(self, "_resolver", resolver)
        init(self, "_lookup", None)
        init(self, "_ambiguous", {})
        init(self, "_key_fields", None)
        init(self, "_indexes", {})
        init(self, "_dates", {})

    def _derive(self, items: tuple[T, ...]) -> Collection[T]:
        """Return a collection of *items*, in the order given, of the same kind and resolver."""
        derived = object.__new__(type(self))
        derived._setup(items, self._kind, self._resolver)
        return derived

    def _lookup_index(self) -> dict[str, T]:
        if self._lookup is None:
            object.__setattr__(self, "_ambiguous", ambiguous_keys(self._items))
            object.__setattr__(self, "_lookup", lookup_index(self._items))
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

        A key that names several records and is none's id (a family name two
        people share) names none of them:

        >>> ca.people.get("Japarov")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        centralasia._errors.AmbiguousKey: 'Japarov' is ambiguous: it names person ...' (Akylbek ...

        Raises:
            NotFound: If no record matches and no *default* is given; the
                message suggests the closest keys.
            AmbiguousKey: If *key* names several records, even with a
                *default*; it lists them all.
            TypeError: If *key* is not a string.

        .. versionadded:: 0.1

        """
        index = self._lookup_index()
        # Keys are stored normalized, and normalizing is idempotent: a key
        # already in normal form needs no second pass.
        try:
            found = index.get(key)
        except TypeError:  # unhashable: not a key, said below
            found = None
        if found is None:
            if not isinstance(key, str):
                raise wrong_type("get", "key", "a str (an id, a code or a name)", key)
            found = index.get(normalize(key))
        if found is not None:
            several = self._ambiguous and self._ambiguous.get(normalize(key))
            if several:
                raise AmbiguousKey(self._kind.name, key, several)
            return found
        if default is not _MISSING:
            return default
        raise NotFound(self._kind.name, key, closest_names(self.search(key, limit=9)))

    def search(self, query: str, limit: int = 5) -> tuple[Match[T], ...]:
        """
        Return up to *limit* records whose keys best match *query*, best first.

        Keys are those :meth:`get` knows (ids, codes, names, acronyms,
        aliases; an article's title and authors), compared after
        normalization with rapidfuzz's token-set ratio, words parted at
        hyphens too, so misspellings, abbreviations, words left out and a
        word of an id ("wakhan" of ``turgunbaeva-ghiasi-wakhan``) are found;
        equal scores are ordered by plain similarity, then id.  Each record
        appears once, with its best-matching key.  To search every
        collection, descriptions and quotes too, use :meth:`Dataset.search`.

        >>> import centralasia as ca
        >>> [match.record.id for match in ca.countries.search("Kirgizstan", limit=1)]
        ['kg']
        >>> ca.organizations.search("Shanghai Cooperation Org")[0].record.acronym
        'SCO'

        .. versionadded:: 0.1
        """
        if not isinstance(query, str):
            raise wrong_type("search", "query", "a str", query)
        check_limit("search", limit)
        return search_index(query, self._items, self._lookup_index(), self._key_field_index, limit)

    def _key_field_index(self) -> dict[str, str]:
        """Return the field each key of the lookup index comes from (``aliases[1]``)."""
        if self._key_fields is None:
            found = key_field_index(self._items, self._lookup_index())
            object.__setattr__(self, "_key_fields", found)
        return self._key_fields  # type: ignore[return-value]

    def where(self, **criteria: object) -> Collection[T]:
        """
        Return the records whose attributes match every criterion.

        Each keyword names a field or property of the records, and what it
        takes depends on what the attribute holds:

        - a reference to records (``debtor``, ``countries``, ``lender``;
          ``sources`` names the cited article): a record, or a key that
          :meth:`get` finds it by (an id, a code, a name).  The key is looked
          up like :meth:`get` does, among every record of the dataset the
          collection comes from (or, for a collection you built, among its
          records and those they refer to), so a misspelt name raises
          :class:`NotFound` rather than matching nothing.  A field holding
          several records matches when any of them does.
        - an enum (``kind``, ``role``): a member or its value, in any case.
        - a string (``description``, ``unit``): a string, compared normalized.
        - ``None`` matches "not given" (``None``, or an empty tuple) on the
          attributes that may be so.

        A correct name may still match nothing (Turkmenistan owes no
        recorded debt): the sources say nothing about it.  Lookups go
        through an index per attribute.

        >>> import centralasia as ca
        >>> [loan.id for loan in ca.loans.where(debtor="Kyrgyzstan", lender="Exim Bank")]
        ['kg-exim-2023']
        >>> for loan in ca.loans.where(debtors="TJ", creditor="cn"):
        ...     print(loan.id)
        central-asia-cn-2023h1
        tj-cn-2024-early
        tj-cn-about-half-foreign-debt
        tj-cn-half-of-foreign-debt
        >>> len(ca.loans.where(debtor="tm"))
        0
        >>> try:
        ...     ca.loans.where(debtor="Kazakstan")
        ... except ca.NotFound as error:
        ...     print(error.suggestions[0])
        Kazakhstan

        Raises:
            NotFound: If a key names no record; the message suggests the
                closest names.
            TypeError: If a keyword is not an attribute of the records, a
                criterion is of a type the attribute cannot hold, or the
                attribute cannot be matched this way (use :meth:`between`
                for dates, :meth:`filter` for the rest).
            ValueError: If an enum attribute is given a value that is not
                one of its members'; the message lists them.

        .. versionadded:: 0.1

        """
        # Every criterion is checked, and every name resolved, before any is
        # used: an error never depends on what the collection holds.
        wanted = [
            (name, criterion_key(self._kind, name, value, self._resolver))
            for name, value in criteria.items()
        ]
        positions: set[int] | None = None
        for name, key in wanted:
            found = set(self._attribute_index(name).get(key, ()))
            positions = found if positions is None else positions & found
        if positions is None:
            return self
        return self._derive(tuple(self._items[number] for number in sorted(positions)))

    def _attribute_index(self, name: str) -> AttributeIndex:
        index = self._indexes.get(name)
        if index is None:
            index = index_attribute(self._kind, self._items, name)
            self._indexes[name] = index
        return index

    def between(
        self,
        start: str | Date | int | dt.date | None = None,
        end: str | Date | int | dt.date | None = None,
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
        *start* and *end* are each a :class:`Date`, an EDTF string, a year
        (``2013`` is ``"2013"``) or a :class:`datetime.date`; ``None`` leaves
        the window open on that side.

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
        if type(partly) is not bool:
            raise wrong_type("between", "partly", "True or False", partly)
        window = (as_date(start, "between", "start"), as_date(end, "between", "end"))
        name = date_attribute(self._kind, attribute)
        index = self._dates.get(name)
        if index is None:
            index = index_dates(self._items, name)
            self._dates[name] = index
        kept = within(self._items, index, name, window, partly=partly)
        return self._derive(tuple(self._items[number] for number in kept))

    def sort_by(self, key: str | Callable[[T], Any], *, reverse: bool = False) -> Collection[T]:
        """
        Return the records ordered by *key*, an attribute name or a function.

        Records whose key is ``None`` come last either way; ties keep the
        current order.  Amounts of money sort by amount; figures by their
        value.

        Raises:
            TypeError: If *key* names no attribute, or one whose values have
                no order (records, citations); pass a function for those.
            ValueError: If amounts of money in different currencies would be
                compared.

        >>> import centralasia as ca
        >>> [event.date.edtf for event in ca.events.sort_by("date")][:3]
        ['../2022-06', '1895', '1895']

        .. versionadded:: 0.1

        """
        if type(reverse) is not bool:  # 10**100 is true, and sort() overflows on it
            raise wrong_type("sort_by", "reverse", "True or False", reverse)
        return self._sorted(key, "sort_by", reverse=reverse)

    def _value_of(self, key: object, function: str) -> Callable[[T], Any]:
        """Return how to read *key*, an attribute that orders or a function, from a record."""
        if isinstance(key, str):
            attribute = attribute_of(self._kind, key)
            if not _orderable(attribute):
                kind = self._kind.name
                msg = (
                    f"{function}(): {kind} records cannot be ordered by {key!r}; "
                    f"pass a function instead, such as lambda {kind}: ..."
                )
                raise TypeError(msg)
            return operator.attrgetter(key)
        if callable(key):
            return key
        raise wrong_type(function, "key", "an attribute name (str) or a function", key)

    def _sorted(self, key: object, function: str, *, reverse: bool) -> Collection[T]:
        value_of = self._value_of(key, function)
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

        *key* is as for :meth:`sort_by`, and raises the same errors.

        >>> import centralasia as ca
        >>> ranked = ca.loans.where(creditor="cn").rank("share_of_gdp")
        >>> [(loan.debtor.name, str(loan.share_of_gdp)) for loan in ranked][:2]
        [('Kyrgyzstan', 'about 0.40'), ('Kazakhstan', 'about 0.035')]

        .. versionadded:: 0.1
        """
        value_of = self._value_of(key, "rank")
        ordered = self._sorted(key, "rank", reverse=True)
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
        if "sources" not in attribute_types(self._kind.cls):
            msg = f"latest(): {self._kind.name} records cite no sources"
            raise TypeError(msg)
        name = date_attribute(self._kind, attribute)
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
        if not callable(predicate):
            raise wrong_type("filter", "predicate", "a function", predicate)
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
        # The writers are imported on call: neither start-up nor a query pays for them.
        from centralasia._export import to_dict  # noqa: PLC0415

        return tuple(to_dict(item) for item in self._items)

    def to_csv(self, file: IO[str]) -> None:
        """
        Write the records to *file* as CSV: a header row, then one row per record.

        The columns are fixed by the record type, whatever the rows hold (see
        the data dictionary's tables): money as an amount and a currency,
        each figure's qualifier beside it, a date as its EDTF string with its
        first and last day and its precision, references as ids, and lists
        joined with ``;``.  Quotes are in the ``citations`` table of
        :meth:`Dataset.export`.  Open the file with ``newline=""``, as the
        :mod:`csv` module asks.

        >>> import io, centralasia as ca
        >>> out = io.StringIO()
        >>> ca.countries.where(alpha_2="KG").to_csv(out)
        >>> header, row = out.getvalue().splitlines()
        >>> print(header)
        id,name,alpha_2,alpha_3,official_name,aliases,reference,label
        >>> print(row.split(",ISO")[0])
        kg,Kyrgyzstan,KG,KGZ,Kyrgyz Republic,Kirghizia;Kirgizia

        .. versionadded:: 0.1
        """
        # The writers are imported on call: neither start-up nor a query pays for them.
        from centralasia._export import collection_values, write_csv  # noqa: PLC0415

        if not callable(getattr(file, "write", None)):
            raise wrong_type("to_csv", "file", "a text file open for writing", file)
        write_csv(*collection_values(self._items, self._kind.cls), file)

    def to_pandas(self) -> Any:
        """
        Return the records as a ``pandas.DataFrame``, with the columns of :meth:`to_csv`, typed.

        Amounts and shares are ``float64`` (the double nearest the exact
        decimal: exact for whole numbers below 2**53, otherwise within a
        relative 1.1e-16; :meth:`Dataset.export` to Parquet keeps the exact
        decimals); dates' first and last days are ``datetime64[s]``;
        enumerations are categoricals; text is ``string`` and counts are
        ``Int64``, both nullable; lists are lists.  Needs pandas
        (``pip install 'centralasia[pandas]'``); the core never imports it.

        >>> import centralasia as ca
        >>> frame = ca.loans.to_pandas()
        >>> exact = sum(loan.amount.value.amount for loan in ca.loans if loan.amount)
        >>> bool(frame["amount"].sum() == exact)
        True
        >>> str(frame["as_of_start"].dtype), str(frame["amount_qualifier"].dtype)
        ('datetime64[s]', 'category')

        Raises:
            ImportError: If pandas is not installed.

        .. versionadded:: 0.1

        """
        # The writers are imported on call: neither start-up nor a query pays for them.
        from centralasia._arrow import frame  # noqa: PLC0415
        from centralasia._tables import table_of  # noqa: PLC0415 - as the line above

        return frame(table_of(self._kind.cls), {self._kind.collection: self._items})

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

    def __copy__(self) -> Collection[T]:
        return self  # immutable: a copy could not be told apart

    def __deepcopy__(self, memo: dict[int, Any]) -> Collection[T]:
        return self  # its records are immutable too

    def __reduce__(self) -> tuple[Any, ...]:
        # The records in their order; the indexes are rebuilt on first use.
        return (_rebuilt, (self._items, self._kind.cls))

    def __setattr__(self, name: str, value: object) -> None:
        msg = "a Collection is read-only"
        raise AttributeError(msg)

    def __delattr__(self, name: str) -> None:
        msg = "a Collection is read-only"
        raise AttributeError(msg)


def _rebuilt(items: tuple[Any, ...], record_type: type[Any]) -> Collection[Any]:
    """Return the collection of *items*, in their order, as __reduce__ gave them."""
    collection: Collection[Any] = object.__new__(Collection)
    collection._setup(items, kind_of(record_type), _Referents(items))  # noqa: SLF001 - its own module
    return collection


def within_resolver(items: Iterable[Any], record_type: type[Any], resolver: Resolver) -> Any:
    """Return a collection of *items* in id order that resolves names through *resolver*."""
    collection: Collection[Any] = object.__new__(Collection)
    ordered = tuple(sorted(items, key=operator.attrgetter("id")))
    collection._setup(ordered, kind_of(record_type), resolver)  # noqa: SLF001 - its own module
    return collection


def rebound(collection: Collection[T], resolver: Resolver) -> Collection[T]:
    """Return *collection* resolving names through *resolver*; its indexes are shared."""
    bound = collection._derive(collection._items)  # noqa: SLF001 - its own module
    object.__setattr__(bound, "_resolver", resolver)
    object.__setattr__(bound, "_lookup", collection._lookup)  # noqa: SLF001
    object.__setattr__(bound, "_ambiguous", collection._ambiguous)  # noqa: SLF001
    object.__setattr__(bound, "_indexes", collection._indexes)  # noqa: SLF001
    object.__setattr__(bound, "_dates", collection._dates)  # noqa: SLF001
    return bound
