"""
Reading, checking and writing datasets; the bundled dataset, loaded once.

A dataset is a directory holding one JSON file per record type (an array of
records) and a ``seeds/`` folder with the texts the articles come from.
"""

from __future__ import annotations

import os
import threading
import types
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import field, frozen

from centralasia._dates import Date
from centralasia._errors import DataError, NotFound, Problem
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
)
from centralasia._query import Collection

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from centralasia._relations import Profile, Relations
    from centralasia._text import TextHit, TextIndex

T = TypeVar("T")

# json, pathlib and importlib.resources are imported where they are used:
# together they would double the cost of `import centralasia`.

__all__ = ["Dataset", "load"]

#: File name stem and record type of each collection, in loading order: a
#: file may refer only to records of the files before it.
FILES: tuple[tuple[str, type[Any]], ...] = (
    ("articles", Article),
    ("countries", Country),
    ("organizations", Organization),
    ("corridors", Corridor),
    ("memberships", Membership),
    ("events", Event),
    ("loans", Loan),
    ("finance", Finance),
    ("measurements", Measurement),
    ("conflicts", Conflict),
)
SEEDS = "seeds"
#: Where :meth:`Dataset.record` looks for a key, in order.
_SEARCH_ORDER = ("countries", "organizations", "corridors", "articles", "events", "loans",
                 "memberships", "finance", "measurements", "conflicts")  # fmt: skip


def _read_only(seeds: Mapping[str, str]) -> Mapping[str, str]:
    return types.MappingProxyType(dict(seeds))


class _Derived:
    """Indexes over a whole dataset, built on first use and then kept."""

    __slots__ = ("relations", "text")

    def __init__(self) -> None:
        self.relations: Relations | None = None
        self.text: TextIndex | None = None


@frozen
class Dataset:
    """
    A complete, checked set of records: articles, countries, loans and the rest.

    Each collection is an immutable :class:`Collection` in id order.
    :attr:`seeds` maps each seed file's name to its text.

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
    conflicts: Collection[Conflict]
    """Where the sources disagree."""
    seeds: Mapping[str, str] = field(converter=_read_only)
    """The seed files' texts by file name, read-only."""
    _derived: _Derived = field(factory=_Derived, init=False, repr=False, eq=False)

    def _built(self, name: str, build: Callable[[], T]) -> T:
        built = getattr(self._derived, name)
        if built is None:
            built = build()
            setattr(self._derived, name, built)
        return built  # type: ignore[no-any-return]

    def record(self, key: str) -> Any:
        """
        Return the record that *key* names, looking in every collection.

        Countries come first, then organizations, corridors, articles, and
        the rest by id.

        >>> import centralasia as ca
        >>> ca.load().record("KGZ").name
        'Kyrgyzstan'

        Raises:
            NotFound: If no collection has it; the message suggests the
                closest names.

        .. versionadded:: 0.1

        """
        for stem in _SEARCH_ORDER:
            found = getattr(self, stem).get(key, None)
            if found is not None:
                return found
        suggestions = [
            getattr(match.record, "name", match.record.id)
            for stem in _SEARCH_ORDER[:3]
            for match in getattr(self, stem).search(key, limit=1)
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
        ['2013-09-07', '2020-40', '2022-01', '2022', '2022', '2022-06', '2022-06-07']

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

        root = pathlib.Path(path)
        (root / SEEDS).mkdir(parents=True, exist_ok=True)
        for name, text in self.seeds.items():
            (root / SEEDS / name).write_bytes(text.encode("utf-8"))
        for stem, _ in FILES:
            records = converter.unstructure(tuple(getattr(self, stem)))
            text = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
            (root / f"{stem}.json").write_text(text, encoding="utf-8")


def _read_seeds(folder: Traversable, problems: list[Problem]) -> dict[str, str]:
    if not folder.is_dir():
        problems.append(Problem(SEEDS, "", "", "the seeds/ folder is missing"))
        return {}
    seeds: dict[str, str] = {}
    for entry in sorted(folder.iterdir(), key=lambda entry: entry.name):
        if entry.is_file():
            try:
                seeds[entry.name] = entry.read_bytes().decode("utf-8")
            except UnicodeDecodeError as exc:
                problems.append(Problem(f"{SEEDS}/{entry.name}", "", "", f"not UTF-8: {exc}"))
    return seeds


def _read_array(root: Traversable, file_name: str, problems: list[Problem]) -> list[Any]:
    import json  # noqa: PLC0415

    entry = root / file_name
    if not entry.is_file():
        problems.append(Problem(file_name, "", "", "the file is missing"))
        return []
    try:
        raw = json.loads(entry.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as exc:
        problems.append(Problem(file_name, "", "", f"not UTF-8: {exc}"))
        return []
    except json.JSONDecodeError as exc:
        problems.append(Problem(file_name, "", "", f"not valid JSON: {exc}"))
        return []
    if not isinstance(raw, list):
        message = f"expected a JSON array of records, got {type(raw).__name__}"
        problems.append(Problem(file_name, "", "", message))
        return []
    return raw


def _in_dependency_order(raws: list[Any], fields: tuple[str, ...]) -> list[tuple[int, Any]]:
    """
    Order records so that one referring to another of its file comes after it.

    Records keep their positions for error messages; a reference that cannot
    be ordered (a cycle, an unknown id) is left to fail when it is resolved.
    """
    numbered = list(enumerate(raws))
    if not fields:
        return numbered

    def wanted(raw: Any) -> set[str]:
        if not isinstance(raw, dict):
            return set()
        values = [raw.get(name) for name in fields]
        flat = [
            item for value in values for item in (value if isinstance(value, list) else [value])
        ]
        return {item for item in flat if isinstance(item, str)}

    present = {raw.get("id") for raw in raws if isinstance(raw, dict)}
    ordered: list[tuple[int, Any]] = []
    placed: set[Any] = set()
    waiting = numbered
    while waiting:
        ready = [(n, raw) for n, raw in waiting if wanted(raw) & present <= placed]
        if not ready:  # a cycle: keep file order and let resolution report it
            ready = waiting
        ordered += ready
        placed |= {raw.get("id") for _, raw in ready if isinstance(raw, dict)}
        done = {position for position, _ in ready}
        waiting = [(position, raw) for position, raw in waiting if position not in done]
    return ordered


def _record_name(raw: object, position: int) -> str:
    record_id = raw.get("id") if isinstance(raw, dict) else None
    return record_id if isinstance(record_id, str) and record_id else f"#{position}"


def read(root: Traversable, seeds: Traversable | None = None) -> Dataset:
    """
    Read and check the dataset in *root*; raise :class:`DataError` listing every problem.

    The articles' seed texts are read from *seeds*, by default ``root/seeds``.
    """
    import gc  # noqa: PLC0415

    # Loading makes many objects and no reference cycles. With the cyclic
    # collector on, each of its passes rescans every record built so far, and
    # large loads grow faster than linearly (17 times the time for 10 times
    # the records), so it is paused meanwhile.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read(root, seeds)
    finally:
        if collecting:
            gc.enable()


def _read(root: Traversable, seeds: Traversable | None) -> Dataset:
    # Imported here so that importing the package does not import cattrs.
    from centralasia._converter import (  # noqa: PLC0415
        Registry,
        explain,
        self_references,
        structure_record,
    )

    if not root.is_dir():
        raise DataError([Problem(str(root), "", "", "not a directory")])
    problems: list[Problem] = []
    registry = Registry(_read_seeds(root / SEEDS if seeds is None else seeds, problems))
    collections: dict[str, Collection[Any]] = {}
    for stem, kind in FILES:
        file_name = f"{stem}.json"
        records: dict[str, Any] = {}
        if kind in registry.records:
            # Filled as the file loads, so records may refer to earlier ones of the file.
            registry.records[kind] = records
        raws = _read_array(root, file_name, problems)
        for position, raw in _in_dependency_order(raws, self_references(kind)):
            name = _record_name(raw, position)
            try:
                record = structure_record(raw, kind, registry)
            except Exception as exc:  # noqa: BLE001 - every error becomes a Problem
                problems += [
                    Problem(file_name, name, path, message)
                    for path, message in explain(exc, owner=kind)
                ]
                if kind in registry.invalid:
                    registry.invalid[kind].add(name)
                continue
            if record.id in records:
                problems.append(Problem(file_name, name, "id", f"duplicate id {record.id!r}"))
                continue
            records[record.id] = record
        collections[stem] = Collection(records.values(), kind.__name__.lower())
    if problems:
        raise DataError(problems)
    return Dataset(**collections, seeds=registry.seeds)


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
    if path is None:
        return bundled()
    import pathlib  # noqa: PLC0415

    return read(pathlib.Path(path))


_bundled: Dataset | None = None
_bundled_lock = threading.Lock()


def bundled() -> Dataset:
    """Return the bundled dataset, reading it exactly once even under threads."""
    global _bundled  # noqa: PLW0603 - the process-wide cache of the bundled data
    if _bundled is None:
        with _bundled_lock:
            if _bundled is None:
                _bundled = read(*_bundled_location())
    return _bundled


def _bundled_location() -> tuple[Traversable, Traversable]:
    """
    Return the bundled data folder and its seeds folder.

    A built package carries the seeds in ``data/seeds``; an editable install
    of a source checkout reads them from the checkout's top-level ``seeds/``,
    the one copy of the corpus.
    """
    import pathlib  # noqa: PLC0415

    # The package is always installed as files (a wheel is unpacked, never
    # imported from a zip), so a path will do; importlib.resources would cost
    # another 5 ms of imports on every first use.
    data = pathlib.Path(__file__).parent / "data"
    seeds = data / SEEDS
    checkout_seeds = pathlib.Path(__file__).resolve().parents[2] / SEEDS
    if not seeds.is_dir() and checkout_seeds.is_dir():
        return data, checkout_seeds
    return data, seeds


_BUNDLED_NAMES = frozenset(
    [*(stem for stem, _ in FILES), "about", "find_text", "members", "record", "timeline"]
)


def bundled_attribute(name: str) -> Any:
    """Give the package ``ca.countries``, ``ca.about``...: the bundled dataset's parts."""
    if name in _BUNDLED_NAMES:
        return getattr(bundled(), name)  # the caller keeps it: later uses skip this
    msg = f"module 'centralasia' has no attribute {name!r}"
    raise AttributeError(msg)
