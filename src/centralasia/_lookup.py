"""
Finding records by key: the lookup index, fuzzy matching and "did you mean" suggestions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from attrs import field, frozen

from centralasia._errors import NotFound, wrong_type
from centralasia._keys import key_fields, normalize, record_keys
from centralasia._model import clipped_repr, short_repr
from centralasia._schema import LOOKUP_ORDER, Kind
from centralasia._shown import Shown

if TYPE_CHECKING:
    from typing import TypeAlias

    from centralasia._collection import Collection

__all__ = [
    "Match",
    "Resolver",
    "check_limit",
    "closest_names",
    "key_field_index",
    "lookup_index",
    "lookup_order",
    "not_found",
    "resolve",
    "search_index",
]

T = TypeVar("T")

#: Finds the collection that holds records of a class: how a collection
#: turns the names in ``where(debtor="Kyrgyzstan")`` into records.
Resolver: TypeAlias = "Callable[[type[Any]], Collection[Any]]"


@frozen
class Match(Shown, Generic[T]):
    """
    A record found by a search, with the text it matched and how well.

    :meth:`Collection.search` matches the keys :meth:`Collection.get` knows;
    :meth:`Dataset.search` also matches descriptions, summaries and quotes.

    .. versionadded:: 0.1
    """

    record: T = field(repr=short_repr)
    """The record found."""
    key: str = field(repr=clipped_repr)
    """The text of the record that matched best, normalized."""
    score: float
    """
    How close the text is to the query, up to 100 (an exact match); :meth:`Collection.search`
    keeps scores from 60.
    """
    field: str
    """Where :attr:`key` comes from: a field (``name``, ``aliases[1]``) or ``sources[0].quote``."""


def check_limit(function: str, limit: object, *, optional: bool = False) -> None:
    """Raise TypeError or ValueError unless *limit* is a count (or, if *optional*, None)."""
    if limit is None and optional:
        return
    if not isinstance(limit, int) or isinstance(limit, bool):
        raise wrong_type(function, "limit", "an int" + (" or None" if optional else ""), limit)
    if limit < 0:
        msg = f"{function}(): limit must be 0 or more, not {limit}"
        raise ValueError(msg)


def lookup_index(items: Sequence[T]) -> dict[str, T]:
    """Return each normalized key of *items* with the record it names."""
    index: dict[str, T] = {}
    keyed = [(item, record_keys(item)) for item in items]
    # Ids first, then codes and names, then aliases: on a clash the more
    # specific key wins, so an alias can never hide another record's id.
    for rank in range(max((len(keys) for _, keys in keyed), default=0)):
        for item, keys in keyed:
            if rank < len(keys):
                index.setdefault(normalize(keys[rank]), item)
    return index


def ambiguous_keys(items: Sequence[T]) -> dict[str, tuple[T, ...]]:
    """Return each normalized key, none an id, that names several of *items*, with them all."""
    claims: dict[str, dict[int, T]] = {}
    for item in items:
        for key in record_keys(item):
            claims.setdefault(normalize(key), {})[id(item)] = item
    ids = {normalize(item.id) for item in items}  # type: ignore[attr-defined]
    return {
        key: tuple(found.values())
        for key, found in claims.items()
        if len(found) > 1 and key not in ids
    }


def key_field_index(items: Sequence[T], index: dict[str, T]) -> dict[str, str]:
    """Return the field each key of *index* comes from (``aliases[1]``)."""
    found: dict[str, str] = {}
    for item in items:
        for name, key in key_fields(item):
            normalized = normalize(key)
            if index.get(normalized) is item:
                found.setdefault(normalized, name)
    return found


def search_index(
    query: str,
    items: Sequence[T],
    index: dict[str, T],
    fields: Callable[[], dict[str, str]],
    limit: int,
) -> tuple[Match[T], ...]:
    """Return up to *limit* records of *index* whose keys best match *query*, best first."""
    from rapidfuzz import fuzz, process, utils  # noqa: PLC0415 - only a search pays for it

    wanted = normalize(query)
    # A key much shorter than the query (a code against a name) would match
    # any query sharing two letters with it: such keys are left out.
    keys = [key for key in index if 2 * len(key) > len(wanted)]
    # Hyphens part words too: an id names its subject ("turgunbaeva-ghiasi-wakhan").
    scored = process.extract(
        wanted,
        keys,
        scorer=fuzz.token_set_ratio,
        processor=utils.default_process,
        limit=None,
        score_cutoff=60,
    )
    position = {id(item): number for number, item in enumerate(items)}
    best: dict[int, tuple[float, float, T, str]] = {}
    for key, score, _ in scored:
        record = index[key]
        candidate = (score, fuzz.ratio(wanted, key), record, key)
        if id(record) not in best or candidate[:2] > best[id(record)][:2]:
            best[id(record)] = candidate
    ranked = sorted(best.values(), key=lambda entry: (-entry[0], -entry[1], position[id(entry[2])]))
    field_of = fields()
    return tuple(
        Match(record, key, score, field_of[key]) for score, _, record, key in ranked[:limit]
    )


def closest_names(matches: Iterable[Match[Any]], limit: int = 3) -> list[str]:
    """Return the names of the records *matches* found, once each, at most *limit*."""
    names = (getattr(match.record, "name", None) or match.record.id for match in matches)
    return list(dict.fromkeys(names))[:limit]


def lookup_order(kinds: Iterable[Kind[Any]]) -> tuple[Kind[Any], ...]:
    """Return *kinds* in the order a key is looked up among them: named kinds first."""
    wanted = set(kinds)
    return tuple(kind for kind in LOOKUP_ORDER if kind in wanted)


def resolve(key: str, kinds: Sequence[Kind[Any]], collection_of: Resolver) -> Any:
    """Return the record *key* names among records of *kinds* (in lookup order), or None."""
    for kind in kinds:
        found = collection_of(kind.cls).get(key, None)
        if found is not None:
            return found
    return None


def not_found(key: str, kinds: Sequence[Kind[Any]], collection_of: Resolver) -> NotFound:
    """Return the NotFound for *key* among *kinds* (in lookup order), suggesting close names."""
    ordered = lookup_order(kinds)
    matches = [match for kind in ordered for match in collection_of(kind.cls).search(key, limit=3)]
    matches.sort(key=lambda match: -match.score)  # stable: ties stay in lookup order
    return NotFound(ordered[0].name if len(ordered) == 1 else "record", key, closest_names(matches))
