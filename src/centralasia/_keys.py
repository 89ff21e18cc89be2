"""
How names, codes and aliases become lookup keys, and what a record is found by.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterator

from centralasia._errors import wrong_type
from centralasia._schema import kind_of
from centralasia._values import LocalName

__all__ = ["key_fields", "normalize", "phrases", "record_keys", "record_names", "stem"]

#: Key fields that are codes or ids rather than names a text would use.
_CODES = frozenset({"id", "alpha_2", "alpha_3"})

# U+02BB, the turned comma of Uzbek Latin (CLDR's O\u02bbzbekiston), is typed as "'".
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02bb": "'", "`": "'"})


def normalize(text: str) -> str:
    """
    Return *text* as a lookup key: case-folded, without accents or extra spaces.

    Typographic apostrophes count as plain ones.

    >>> normalize("  Türkmenistan’s   Capital ")
    "turkmenistan's capital"

    .. versionadded:: 0.1
    """
    if not isinstance(text, str):
        raise wrong_type("normalize", "text", "a string", text)
    return _normalized(text)


@functools.lru_cache(maxsize=4096)
def _normalized(text: str) -> str:
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


@functools.cache
def _stemmer() -> Callable[[str], str]:
    """Return the English Snowball stemmer's function for one word."""
    # Imported on the first search, never at start-up: snowballstemmer loads
    # every language's algorithm (about 10 ms), which a lookup must not pay.
    import snowballstemmer  # noqa: PLC0415

    stemmer = snowballstemmer.stemmer("english")
    return stemmer.stemWord  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """
    Return the Snowball stem of a normalized *word*, so inflections meet.

    "ceded" and "ceding" are both "cede"; "territory", "territories" and
    "territorial" are all "territori".
    """
    return _stemmer()(word)


#: A phrase in a query: words between straight or typographic double quotes.
_PHRASE = re.compile(r'["\u201c\u201d]([^"\u201c\u201d]*)["\u201c\u201d]?')


def phrases(query: str) -> list[str]:
    """Return the quoted phrases of *query*, each to be matched as words in a row."""
    return [phrase for phrase in _PHRASE.findall(query) if phrase.strip()]


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
    kind = kind_of(type(record))
    for name in kind.keys:
        value = getattr(record, name)
        if isinstance(value, tuple):
            for position, item in enumerate(value):
                for key in _strings(item):
                    yield f"{name}[{position}]", key
        else:
            for key in _strings(value):
                yield name, key
    # Family names last: the least specific keys, so they never hide a name.
    for name in kind.family_names:
        for position, person in enumerate(getattr(record, name)):
            words = person.split()
            if len(words) > 1:
                yield f"{name}[{position}]", words[-1]


def record_keys(record: object) -> tuple[str, ...]:
    """Return the keys *record* is found by, most specific first, as its kind lists them."""
    return tuple(key for _, key in key_fields(record))


def record_names(record: object) -> tuple[str, ...]:
    """Return the names *record* goes by in prose: its keys other than ids and codes."""
    return tuple(
        key
        for path, key in key_fields(record)
        if path.partition("[")[0] not in _CODES | set(kind_of(type(record)).family_names)
    )
