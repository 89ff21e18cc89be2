"""
The dataset: one typed collection per kind of record, and the questions asked of them.
"""

from __future__ import annotations

import datetime as dt
import os
import pathlib
import types
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, overload

from attrs import field

from centralasia import _model as model
from centralasia._collection import Collection, rebound
from centralasia._dates import Date, as_date
from centralasia._errors import indefinite, wrong_type
from centralasia._formats import Format
from centralasia._lookup import Match, check_limit, not_found, resolve
from centralasia._model import Record
from centralasia._schema import KINDS, LOOKUP_ORDER, kind_of

if TYPE_CHECKING:  # the attrs plugin of mypy knows attrs.frozen, which this one wraps
    from attrs import frozen
else:  # attrs.frozen with each field's type checked and __init__ run once (issue 22)
    from centralasia._validators import frozen


if TYPE_CHECKING:
    from centralasia._relations import Profile, Relations
    from centralasia._search import RecordIndex
    from centralasia._text import TextHit, TextIndex

T = TypeVar("T")
D = TypeVar("D")

__all__ = ["Dataset", "is_package_data", "read"]

_MISSING: Any = object()
#: Every record class, for isinstance checks.
_RECORD_TYPES = tuple(kind.cls for kind in KINDS)


def _read_only(seeds: Mapping[str, str]) -> Mapping[str, str]:
    return types.MappingProxyType(dict(seeds))


class _Derived:
    """Indexes over a whole dataset, built on first use and then kept."""

    __slots__ = ("package", "records", "relations", "text")

    def __init__(self) -> None:
        #: Whether this is the package's own data, whose exports name its version and licence.
        self.package = False
        self.relations: Relations | None = None
        self.text: TextIndex | None = None
        self.records: RecordIndex | None = None


@frozen(cache_hash=True)
class Dataset:
    """
    A complete, checked set of records: articles, countries, loans and the rest.

    Each collection is an immutable :class:`Collection` in id order.
    :attr:`seeds` maps each seed file's name to its text.  A dataset is a
    value: equal datasets hash equal, and the bundled one is shared safely.

    .. versionadded:: 0.1
    """

    articles: Collection[model.Article]
    """The articles of the corpus, the sources of every claim."""
    countries: Collection[model.Country]
    """Countries, with their ISO 3166-1 codes (reference data)."""
    organizations: Collection[model.Organization]
    """Intergovernmental bodies, banks, groups, institutes, initiatives..."""
    people: Collection[model.Person]
    """The people the articles name, with their roles.

    .. versionadded:: 0.1
    """
    corridors: Collection[model.Corridor]
    """The routes (transport corridors, railways, roads and pipelines)."""
    sites: Collection[model.Site]
    """Ports, mines, oil and gas fields, power plants and power lines.

    .. versionadded:: 0.1
    """
    memberships: Collection[model.Membership]
    """Countries' places in organizations."""
    events: Collection[model.Event]
    """Dated happenings."""
    loans: Collection[model.Loan]
    """Figures of debt owed to a creditor state or its banks."""
    finance: Collection[model.Finance]
    """Money pledged, invested, lent in rescue or repaid."""
    measurements: Collection[model.Measurement]
    """Other figures, such as trade shares, counts, casualties and areas."""
    statements: Collection[model.Statement]
    """Claims that have no figure and no date of their own, such as rankings and trends."""
    conflicts: Collection[model.Conflict]
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
            # Names in criteria (loans.where(debtor="Kyrgyzstan")) are looked up
            # in this dataset, by the collections and all those derived from them.
            object.__setattr__(self, kind.collection, rebound(collection, self._collection_of))

    def __reduce__(self) -> tuple[Any, ...]:
        # The seeds are a read-only view, which cannot be copied as it is; the indexes are rebuilt.
        return (_rebuilt, (dict(self.collections), dict(self.seeds), self._derived.package))

    def _collection_of(self, cls: type[Any]) -> Collection[Any]:
        """Return the collection of records of class *cls*."""
        return getattr(self, kind_of(cls).collection)  # type: ignore[no-any-return]

    def _named(self, cls: type[T], value: object, function: str, parameter: str) -> T:
        """Return the record of class *cls* that *value*, a record or a key, names."""
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            return self._collection_of(cls).get(value)  # type: ignore[no-any-return]
        name = kind_of(cls).name
        raise wrong_type(
            function, parameter, f"{indefinite(name)} or a key (str) that names one", value
        )

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

    @staticmethod
    def _check_query(function: str, query: object, limit: object) -> None:
        """Refuse a *query* that is not a string and a *limit* that is not an int or None."""
        if not isinstance(query, str):
            raise wrong_type(function, "query", "a str", query)
        check_limit(function, limit, optional=True)

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

        >>> ca.load().record("Atlantis", None) is None
        True

        Raises:
            NotFound: If no collection has it and no *default* is given; the
                message suggests the closest names.
            TypeError: If *key* is not a string.

        .. versionadded:: 0.1

        """
        if not isinstance(key, str):
            raise wrong_type("record", "key", "a str (an id, a code or a name)", key)
        found = resolve(key, LOOKUP_ORDER, self._collection_of)
        if found is not None:
            return found
        if default is not _MISSING:
            return default
        raise not_found(key, LOOKUP_ORDER, self._collection_of)

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

        Raises:
            NotFound: If *record* is a key that names no record.
            TypeError: If *record* is neither a record nor a string.

        .. versionadded:: 0.1

        """
        from centralasia._relations import Relations  # noqa: PLC0415 - on first use: start-up stays cheap

        if isinstance(record, str):
            target = self.record(record)
        elif isinstance(record, _RECORD_TYPES):
            target = record
        else:
            raise wrong_type("about", "record", "a record or a key (str) that names one", record)
        return self._built("relations", lambda: Relations(self)).profile(target)

    def timeline(
        self,
        start: str | Date | int | dt.date | None = None,
        end: str | Date | int | dt.date | None = None,
        *,
        country: model.Country | str | None = None,
        organization: model.Organization | str | None = None,
        partly: bool = False,
    ) -> Collection[model.Event]:
        """
        Return the events from *start* to *end*, in date order.

        *start* and *end* are each a :class:`Date`, an EDTF string, a year
        (``timeline(2020, 2024)`` is 2020 to 2024, whole years) or a
        :class:`datetime.date`.  *country* and *organization* (records or
        keys, looked up as by :meth:`Collection.get`) keep the events that
        involve them.  Dates compare as intervals, as in
        :meth:`Collection.between`: an event dated only "2022" is within
        ``timeline("2022", "2022")`` but not ``timeline("2022-01", "2022-06")``,
        unless *partly* is true.  Events on the same date keep id order.

        >>> import centralasia as ca
        >>> [event.date.edtf for event in ca.timeline("2013", "2022", country="kz")]
        ['2013-09-07', '2020-40', '2022-01', '2022-01/2022-06', ..., '2022-06', '2022-06-07']
        >>> ca.timeline(2013, 2022, country="kz") == ca.timeline("2013", "2022", country="kz")
        True

        Raises:
            NotFound: If *country* or *organization* names no record.
            TypeError: If a parameter is of a type it cannot take.
            ValueError: If *start* or *end* is not a valid date.

        .. versionadded:: 0.1

        """
        first = as_date(start, "timeline", "start")
        last = as_date(end, "timeline", "end")
        events = self.events
        if country is not None:
            events = events.where(
                countries=self._named(model.Country, country, "timeline", "country")
            )
        if organization is not None:
            body = self._named(model.Organization, organization, "timeline", "organization")
            events = events.where(organizations=body)
        if type(partly) is not bool:
            raise wrong_type("timeline", "partly", "True or False", partly)
        return events.between(first, last, partly=partly).sort_by("date")

    def members(
        self,
        organization: model.Organization | str,
        on: str | Date | int | dt.date | None = None,
    ) -> Collection[model.Membership]:
        """
        Return the memberships of *organization* (a record or a key).

        Without *on*, every membership of the organization itself.  With *on*
        (a date, as for :meth:`timeline`), only those that may hold on that
        date: a membership whose joining date is not known is kept, since the
        sources do not rule it out; :meth:`Membership.held_on` tells which
        are certain.  If the organization did not exist yet on that date, the
        question goes to its :attr:`~Organization.predecessor`: the SCO asked
        about 1996 answers with the Shanghai Five's members, and each
        membership's :attr:`~Membership.organization` says which body it is
        in.  An organization exists from its :attr:`~Organization.founded`
        date or, where no source dates its founding, from the earliest date
        of a membership of it or an event involving it.

        >>> import centralasia as ca
        >>> [m.country.id for m in ca.members("Shanghai Five")]
        ['cn', 'kg', 'kz', 'ru', 'tj']
        >>> [m.organization.name for m in ca.members("sco", on=1996)][:2]
        ['Shanghai Five', 'Shanghai Five']

        Raises:
            NotFound: If *organization* is a key that names no organization.
            TypeError: If a parameter is of a type it cannot take.

        .. versionadded:: 0.1

        """
        body = self._named(model.Organization, organization, "members", "organization")
        date = as_date(on, "members", "on")
        if date is None:
            return self.memberships.where(organization=body)
        seen = {body.id}
        while body.predecessor is not None and body.predecessor.id not in seen:
            begins = self._begins(body)
            if begins is None or not begins.after(date):
                break
            body = body.predecessor
            seen.add(body.id)
        memberships = self.memberships.where(organization=body)
        return memberships.filter(lambda membership: membership.held_on(date) is not False)

    def _begins(self, body: model.Organization) -> Date | None:
        """Return when *body* is first known to exist: founded, or its earliest dated record."""
        if body.founded is not None:
            return body.founded
        dates = [m.joined for m in self.memberships.where(organization=body) if m.joined]
        dates += [event.date for event in self.events.where(organizations=body)]
        return min(dates, key=lambda date: date.start, default=None)

    def find_text(self, query: str, limit: int | None = 10) -> tuple[TextHit, ...]:
        """
        Return the articles that use every word of *query*, best first.

        Words match case- and accent-blind, and a query word matches the
        words it begins ("loan" finds "loans") and those that share its
        Snowball stem ("ceded" finds "ceding"); words in double quotes match
        only as a phrase, in a row.  Ranking is tf-idf; each hit carries a
        snippet of the passage where the words cluster.

        >>> import centralasia as ca
        >>> hit = ca.find_text("debt trap")[0]
        >>> hit.article.id
        'kaleji-debt-trap'

        To find records rather than articles, use :meth:`search`.

        Raises:
            TypeError: If *query* is not a string or *limit* not an int or None.

        .. versionadded:: 0.1

        """
        from centralasia._text import TextIndex  # noqa: PLC0415 - on first use: start-up stays cheap

        self._check_query("find_text", query, limit)
        return self._built("text", lambda: TextIndex(self.articles)).search(query, limit)

    def search(self, query: str, limit: int | None = 10) -> tuple[Match[Record], ...]:
        """
        Return the records of every kind that best match *query*, best first.

        A record matches when every word of the query is in its names,
        aliases or id, in the words that describe it (a description, a
        summary, a topic, a status, a quantity, authors, people) or in the
        quotes it cites.  A query word matches a word it begins ("base"
        finds "bases"), one that shares its Snowball stem ("territory" finds
        "territorial") or, from four letters on, one spelt nearly alike;
        case and accents are ignored, and words in double quotes match only
        as a phrase.  A match in a name counts most, then in a description,
        then in a quote; a word of its own more than a word inside a
        hyphenated name ("Export-Import"), and words found together in one
        field more than words spread over several; equal scores put the
        record whose matching text is shortest first, then follow the
        schema's order of kinds and ids.  Each :class:`Match` says which
        text matched and where it comes from.  To search the articles'
        text, use :meth:`find_text`.

        >>> import centralasia as ca
        >>> best = ca.search("military base")[0]
        >>> best.record.id, best.field
        ('cn-military-bases-central-asia', 'id')

        Raises:
            TypeError: If *query* is not a string or *limit* not an int or None.

        .. versionadded:: 0.1

        """
        from centralasia._search import RecordIndex  # noqa: PLC0415 - on first use: start-up stays cheap

        self._check_query("search", query, limit)
        return self._built("records", lambda: RecordIndex(self)).search(query, limit)

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
        import json  # noqa: PLC0415 - on first use: start-up stays cheap

        from centralasia._converter import converter  # noqa: PLC0415 - on first use: start-up stays cheap
        from centralasia._seeds import FOLDER  # noqa: PLC0415 - on first use: start-up stays cheap

        if not isinstance(path, (str, os.PathLike)):
            raise wrong_type("dump", "path", "a path to a folder", path)
        root = pathlib.Path(path)
        (root / FOLDER).mkdir(parents=True, exist_ok=True)
        for name, text in self.seeds.items():
            (root / FOLDER / name).write_bytes(text.encode("utf-8"))
        for kind in KINDS:
            records = converter.unstructure(tuple(getattr(self, kind.collection)))
            text = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
            (root / kind.file).write_text(text, encoding="utf-8")

    def export(
        self,
        path: str | os.PathLike[str],
        format: Format,  # noqa: A002
        *,
        overwrite: bool = False,
    ) -> tuple[pathlib.Path, ...]:
        """
        Write the dataset to *path* for other tools, in *format*; return the files written.

        - ``"csv"``: a CSV file per table in the directory *path*;
        - ``"excel-csv"``: the same files for Excel: UTF-8 with a byte order
          mark, every cell quoted, and text that a spreadsheet would run as a
          formula (``=``, ``+``, ``-``, ``@``, a tab or a carriage return
          first) made inert with a leading ``'``;
        - ``"datapackage"``: the CSV files, lists as JSON arrays, and
          ``datapackage.json``, a Frictionless Data Package with a Table Schema
          for each table (types, primary and foreign keys) and the articles as
          its sources;
        - ``"parquet"``: a Parquet file per table, amounts and shares as exact
          decimals (needs the ``parquet`` extra: pyarrow);
        - ``"sqlite"``: the SQLite database file *path*: the tables with
          their foreign keys, and full-text indexes of the articles' texts and
          the quotes (``articles_fts``, ``citations_fts``), and beside it
          Datasette's metadata (``NAME.metadata.json``);
        - ``"duckdb"``: the DuckDB database file *path*, every table with its
          keys (needs the ``duckdb`` extra);
        - ``"json"``: the data files and seed texts, as :meth:`dump` writes them.

        The tables, one per kind of record, one per list of records
        (``loan_debtors``) with ``citations`` and ``inferences`` beside them,
        have fixed columns, listed in the data dictionary.  Existing files are
        replaced only with *overwrite*.

        >>> import pathlib, tempfile, centralasia as ca
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     written = ca.export(pathlib.Path(folder, "out"), "datapackage")
        ...     [path.name for path in written][-3:]
        ['citations.csv', 'inferences.csv', 'datapackage.json']

        Raises:
            FileExistsError: If a file to be written exists and *overwrite* is
                false; nothing is written then.
            ImportError: For Parquet without pyarrow, DuckDB without duckdb.
            ValueError: For an unknown *format*, or a value the format cannot
                hold exactly (a decimal with more than ten decimal places in
                Parquet or DuckDB, a list item holding ``;`` in CSV).

        .. versionadded:: 0.1

        """
        from centralasia._export import export  # noqa: PLC0415 - on first use: start-up stays cheap

        written = export(self, path, format, overwrite=overwrite, package=is_package_data(self))
        return tuple(dict.fromkeys(item.path for item in written))

    def to_pandas(self) -> dict[str, Any]:
        """
        Return every table that :meth:`export` writes as a ``pandas.DataFrame``, by name.

        Columns are typed as by :meth:`Collection.to_pandas`.  The quotes
        behind each figure are in the ``citations`` frame:

        >>> import centralasia as ca
        >>> frames = ca.load().to_pandas()
        >>> quotes = frames["citations"].query("record_kind == 'loan'")
        >>> sourced = frames["loans"].merge(quotes, left_on="id", right_on="record_id")
        >>> sourced.loc[sourced["id"] == "kg-exim-2023", ["amount", "article"]].to_numpy().tolist()
        [[1700000000.0, 'kaleji-debt-trap']]

        Raises:
            ImportError: If pandas is not installed.

        .. versionadded:: 0.1

        """
        from centralasia._arrow import frame  # noqa: PLC0415 - on first use: start-up stays cheap
        from centralasia._tables import tables  # noqa: PLC0415 - on first use: start-up stays cheap

        collections = self.collections
        return {table.name: frame(table, collections) for table in tables()}


def _rebuilt(
    collections: dict[str, Collection[Any]],
    seeds: dict[str, str],
    package: bool,  # noqa: FBT001
) -> Dataset:
    """Return the dataset that __reduce__ gave the parts of."""
    dataset = Dataset(**collections, seeds=seeds)
    dataset._derived.package = package  # noqa: SLF001 - set once, as it is made
    return dataset


def read(
    path: str | os.PathLike[str], seeds: pathlib.Path | None = None, *, package: bool = False
) -> Dataset:
    """Return the dataset in the directory *path* (seeds in *seeds*); *package* if it is ours."""
    # Imported here: the loader and its converter are paid for on the first read only.
    from centralasia import _loader  # noqa: PLC0415 - on first use: start-up stays cheap

    loaded = _loader.read(pathlib.Path(path), seeds)
    if package:
        return package_data(loaded.collections, loaded.seeds)
    return Dataset(**loaded.collections, seeds=loaded.seeds)


def package_data(collections: Mapping[str, Collection[Any]], seeds: Mapping[str, str]) -> Dataset:
    """Return the package's own dataset of *collections* and *seeds*, read or from its snapshot."""
    dataset = Dataset(**collections, seeds=seeds)
    dataset._derived.package = True  # noqa: SLF001 - set once, as it is made
    return dataset


def is_package_data(dataset: Dataset) -> bool:
    """Say whether *dataset* is the package's own data: its exports name our version and licence."""
    return dataset._derived.package  # noqa: SLF001 - its own module
