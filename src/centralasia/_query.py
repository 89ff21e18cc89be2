"""
Read-only collections of records, indexed once for lookups.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Generic, TypeVar, overload

from centralasia._errors import NotFound
from centralasia._model import Article, Corridor, Country, Organization

__all__ = ["Collection", "normalize"]

T = TypeVar("T")
D = TypeVar("D")

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_MISSING: Any = object()


@functools.lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """
    Return *text* as a lookup key: case-folded, without accents or extra spaces.

    Typographic apostrophes count as plain ones.

    >>> normalize("  Türkmenistan’s   Capital ")
    "turkmenistan's capital"

    .. versionadded:: 0.1
    """
    # One pass can leave work for another (decomposing U+0149 gives U+02BC, whose
    # apostrophe is then translated), so repeat until nothing changes: keys
    # must be fixed points for the index's fast path.
    previous = None
    while text != previous:
        previous = text
        decomposed = unicodedata.normalize("NFKD", text).casefold().translate(_QUOTES)
        bare = "".join(char for char in decomposed if not unicodedata.combining(char))
        text = " ".join(bare.split())
    return text


def lookup_keys(record: object) -> tuple[str, ...]:
    """Return the keys *record* is found by, most specific first."""
    if isinstance(record, Country):
        return (record.id, record.alpha_2, record.alpha_3, record.name,
                *filter(None, [record.official_name]), *record.aliases)  # fmt: skip
    if isinstance(record, Organization):
        return (record.id, *filter(None, [record.acronym]), record.name, *record.aliases)
    if isinstance(record, Corridor):
        return (record.id, record.name, *record.aliases)
    if isinstance(record, Article):
        return (record.id, *filter(None, [record.title]))
    return (record.id,)  # type: ignore[attr-defined]


class Collection(Sequence[T], Generic[T]):
    """
    An immutable, ordered sequence of records with indexed lookups.

    Records are in id order.  :meth:`get` finds a record by id and, depending
    on the type, by code, name, acronym or alias, ignoring case, accents,
    typographic apostrophes and extra spaces.

    .. versionadded:: 0.1
    """

    __slots__ = ("_index", "_items", "_keys", "_kind")

    def __init__(
        self,
        items: Iterable[T],
        kind: str,
        keys: Callable[[T], Iterable[str]] = lookup_keys,
    ) -> None:
        self._items: tuple[T, ...] = tuple(sorted(items, key=lambda item: item.id))  # type: ignore[attr-defined]
        self._kind = kind
        self._keys = keys
        index: dict[str, T] = {}
        keyed = [(item, tuple(keys(item))) for item in self._items]
        # Ids first, then codes and names, then aliases: on a clash the more
        # specific key wins, so an alias can never hide another record's id.
        for rank in range(max((len(record_keys) for _, record_keys in keyed), default=0)):
            for item, record_keys in keyed:
                if rank < len(record_keys):
                    index.setdefault(normalize(record_keys[rank]), item)
        self._index = index

    @overload
    def get(self, key: str) -> T: ...
    @overload
    def get(self, key: str, default: D) -> T | D: ...

    def get(self, key: str, default: Any = _MISSING) -> Any:
        """
        Return the record that *key* names, or *default* if given and none does.

        Raises:
            NotFound: If no record matches and no *default* is given; the
                message suggests the closest keys.

        .. versionadded:: 0.1

        """
        # Keys are stored normalized, and normalizing is idempotent: a key
        # already in normal form needs no second pass.
        found = self._index.get(key)
        if found is None and isinstance(key, str):
            found = self._index.get(normalize(key))
        if found is not None:
            return found
        if default is not _MISSING:
            return default
        raise NotFound(self._kind, key, self._closest(key))

    def filter(self, predicate: Callable[[T], bool]) -> Collection[T]:
        """
        Return the records for which *predicate* is true, as a new collection.

        The result keeps this collection's order and never holds a record this
        one does not, so filters compose in any order:

        >>> import centralasia as ca
        >>> dated = ca.loans.filter(lambda loan: loan.as_of is not None)
        >>> [loan.id for loan in dated.filter(lambda loan: loan.lender is not None)]
        ['kg-exim-2023', 'uz-cdb-2022']

        .. versionadded:: 0.1
        """
        return Collection(filter(predicate, self._items), self._kind, self._keys)

    def _closest(self, key: str, limit: int = 3) -> list[str]:
        # Imported here: only a miss pays for the fuzzy matcher.
        from rapidfuzz import fuzz, process, utils  # noqa: PLC0415

        keys = list(self._index)
        matches = process.extract(
            normalize(key), keys, scorer=fuzz.ratio,
            processor=utils.default_process, limit=limit * 3, score_cutoff=50,
        )  # fmt: skip
        names: list[str] = []
        for _, _, position in matches:
            record = self._index[keys[position]]
            name = getattr(record, "name", None) or record.id  # type: ignore[attr-defined]
            if name not in names:
                names.append(name)
        return names[:limit]

    def __contains__(self, item: object) -> bool:
        record_id = getattr(item, "id", None)
        return isinstance(record_id, str) and self._index.get(normalize(record_id)) == item

    @overload
    def __getitem__(self, position: int) -> T: ...
    @overload
    def __getitem__(self, position: slice) -> tuple[T, ...]: ...

    def __getitem__(self, position: int | slice) -> T | tuple[T, ...]:
        return self._items[position]

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
        return f"<Collection of {len(self)} {self._kind} records>"

    def __setattr__(self, name: str, value: object) -> None:
        if hasattr(self, "_index"):
            msg = "a Collection is read-only"
            raise AttributeError(msg)
        super().__setattr__(name, value)
