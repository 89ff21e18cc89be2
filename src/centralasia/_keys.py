"""
How names, codes and aliases become lookup keys, and what a record is found by.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator

from centralasia._schema import kind_of
from centralasia._values import LocalName

__all__ = ["key_fields", "normalize", "record_keys", "record_names"]

#: Key fields that are codes or ids rather than names a text would use.
_CODES = frozenset({"id", "alpha_2", "alpha_3"})

# U+02BB, the turned comma of Uzbek Latin (CLDR's O\u02bbzbekiston), is typed as "'".
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02bb": "'", "`": "'"})


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


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, LocalName):
        yield value.name
    elif isinstance(value, tuple):
        for item in value:
            yield from _strings(item)


def key_fields(record: object) -> Iterator[tuple[str, str]]:
    """Yield each key of *record* with the field it comes from (``aliases[1]``), in key order."""
    for name in kind_of(type(record)).keys:
        value = getattr(record, name)
        if isinstance(value, tuple):
            for position, item in enumerate(value):
                for key in _strings(item):
                    yield f"{name}[{position}]", key
        else:
            for key in _strings(value):
                yield name, key


def record_keys(record: object) -> tuple[str, ...]:
    """Return the keys *record* is found by, most specific first, as its kind lists them."""
    fields = kind_of(type(record)).keys
    return tuple(key for name in fields for key in _strings(getattr(record, name)))


def record_names(record: object) -> tuple[str, ...]:
    """Return the names *record* goes by in prose: its keys other than ids and codes."""
    fields = kind_of(type(record)).keys
    return tuple(
        key for name in fields if name not in _CODES for key in _strings(getattr(record, name))
    )
