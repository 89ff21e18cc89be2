"""
One ranked search over the records of every kind: their names, their words and their quotes.

Each record is read as a few fields of text: its keys (id, names, aliases),
the fields its kind lists as describing it (``Kind.texts``: a description,
a summary, a status...) and the quotes it cites.  A query matches a record
when each of its words matches a word of the record; the record's score
weighs how well the words match and where they were found.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from centralasia._keys import key_fields, normalize, phrases, stem
from centralasia._lookup import Match
from centralasia._model import Person, Position
from centralasia._schema import KINDS, Kind

if TYPE_CHECKING:
    from centralasia._dataset import Dataset
    from centralasia._model import Record

__all__ = ["RecordIndex"]

#: Words: letters and digits; underscores split ("chinese_military_bases").
_WORD = re.compile(r"[^\W_]+")
#: A word, or words joined by hyphens into one name ("export-import").
_COMPOUND = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
#: How much a match counts in each part of a record: its names (and codes,
#: aliases...), its id, the words describing it, its quotes.
_KEY, _ID, _TEXT, _QUOTE = 1.0, 0.95, 0.9, 0.8
#: How much a word counts that shares the query word's stem ("ceding" for "ceded"): less
#: than the word itself or one it begins, as much as a near spelling.
_STEMMED = 88.0
#: How much a word counts that is part of a compound name rather than a word of its own.
_PART = 0.6
#: Words spread over several fields of a record count this much of their score.
_SPREAD = 0.9
#: A query word this short must match a word exactly; one this long may be a
#: word's beginning; from _FUZZY_LENGTH letters on it may be misspelt.
_PREFIX_LENGTH, _FUZZY_LENGTH = 3, 4
#: The least rapidfuzz ratio of a misspelt word to the word it stands for.
_FUZZY_CUTOFF = 80


def _strings(path: str, value: object) -> Iterator[tuple[str, str]]:
    """Yield the texts of a field's *value* with their paths (``people[0].name``)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, Position):
        yield f"{path}.title", value.title
    elif isinstance(value, Person):  # an event is found by the people in it
        yield f"{path}.name", value.name
    elif isinstance(value, tuple):
        for position, item in enumerate(value):
            yield from _strings(f"{path}[{position}]", item)


def _texts(record: Any, kind: Kind[Any]) -> Iterator[tuple[str, str, float]]:
    """Yield each text of *record* that the search reads: (path, text, weight)."""
    for path, key in key_fields(record):
        yield path, key, _ID if path == "id" else _KEY
    for name in kind.texts:
        for path, text in _strings(name, getattr(record, name)):
            yield path, text, _TEXT
    for position, citation in enumerate(getattr(record, "sources", ())):
        yield f"sources[{position}].quote", citation.quote, _QUOTE


class _Field:
    """One text of one record, as the index keeps it."""

    __slots__ = ("path", "record", "size", "text", "weight", "words")

    def __init__(self, record: int, path: str, text: str, weight: float, words: list[str]) -> None:
        self.record = record
        self.path = path
        self.text = text
        self.weight = weight
        self.size = len(words)
        self.words = tuple(words)

    def has_phrase(self, phrase: list[str]) -> bool:
        """Whether the field holds the words of *phrase* in a row, each itself or its stem."""
        wanted = [stem(word) for word in phrase]
        last = len(self.words) - len(phrase)
        return any(
            all(stem(self.words[start + n]) == word for n, word in enumerate(wanted))
            for start in range(last + 1)
        )


def _words(path: str, normalized: str) -> Iterator[tuple[str, bool]]:
    """Yield each word of a field with whether it stands whole, not inside a compound name."""
    if path == "id":  # an id's hyphens separate words: "cn-share-of-ca-exports"
        for word in _WORD.findall(normalized):
            yield word, True
        return
    for compound in _COMPOUND.findall(normalized):
        parts = _WORD.findall(compound)
        for part in parts:
            yield part, len(parts) == 1


class RecordIndex:
    """Where every normalized word occurs in the records' texts, for ranked search."""

    __slots__ = ("_fields", "_postings", "_records", "_stems", "_vocabulary")

    def __init__(self, dataset: Dataset) -> None:
        self._records: list[Any] = []
        self._fields: list[_Field] = []
        # word -> (field number, whether the word stands whole there) for each field holding it.
        postings: dict[str, list[tuple[int, bool]]] = {}
        for kind in KINDS:
            for record in dataset.collections[kind.collection]:
                self._records.append(record)
                for path, text, weight in _texts(record, kind):
                    normalized = normalize(text)
                    words = list(_words(path, normalized))
                    if not words:
                        continue
                    number = len(self._fields)
                    self._fields.append(
                        _Field(
                            len(self._records) - 1, path, normalized, weight, [w for w, _ in words]
                        )
                    )
                    whole: dict[str, bool] = {}
                    for word, alone in words:
                        whole[word] = whole.get(word, False) or alone
                    for word, alone in whole.items():
                        postings.setdefault(word, []).append((number, alone))
        self._postings = postings
        self._vocabulary = sorted(postings)
        self._stems: dict[str, list[str]] = {}
        for entry in self._vocabulary:
            self._stems.setdefault(stem(entry), []).append(entry)

    def _matches(self, word: str) -> dict[str, float]:
        """Return the indexed words *word* may stand for, each with how well, up to 100."""
        found: dict[str, float] = {}

        def add(entry: str, score: float) -> None:
            found[entry] = max(score, found.get(entry, 0.0))

        if word in self._postings:
            add(word, 100.0)
        for entry in self._stems.get(stem(word), ()):  # an inflection: "ceded", "ceding"
            add(entry, _STEMMED)
        if len(word) >= _PREFIX_LENGTH:
            # A word it begins: 90 and up, the more of the word typed the better.
            first = bisect.bisect_left(self._vocabulary, word)
            for entry in self._vocabulary[first:]:
                if not entry.startswith(word):
                    break
                add(entry, 90 + 10 * len(word) / len(entry))
        if len(word) >= _FUZZY_LENGTH:
            from rapidfuzz import fuzz, process  # noqa: PLC0415 - only a search pays for it

            for entry, ratio, _ in process.extract(
                word, self._vocabulary, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF, limit=None
            ):
                if entry not in found:
                    found[entry] = 0.9 * ratio  # below any exact, inflected or begun word
        return found

    def search(self, query: str, limit: int | None) -> tuple[Match[Record], ...]:
        """Return the records matching every word of *query*, best first; quoted words in a row."""
        words = list(dict.fromkeys(_WORD.findall(normalize(query))))
        if not words:
            return ()
        quoted = [_WORD.findall(normalize(phrase)) for phrase in phrases(query)]
        quoted = [phrase for phrase in quoted if len(phrase) > 1]
        # For each query word: field number -> how well the field's best word matches it.
        per_word: list[dict[int, float]] = []
        for word in words:
            scores: dict[int, float] = {}
            for entry, score in self._matches(word).items():
                for number, alone in self._postings[entry]:
                    # A word inside a compound name ("Export-Import Bank") counts less.
                    value = score if alone else score * _PART
                    scores[number] = max(value, scores.get(number, 0.0))
            per_word.append(scores)
        # For each record: per query word, its fields' weighted scores.
        best: dict[int, list[dict[int, float]]] = {}
        for position, scores in enumerate(per_word):
            for number, score in scores.items():
                record = self._fields[number].record
                found = best.setdefault(record, [{} for _ in words])
                found[position][number] = score
        ranked = []
        for record, found in best.items():
            if all(found) and all(self._has_phrase(found, phrase, words) for phrase in quoted):
                ranked.append(self._rank(record, found, len(words)))
        ranked.sort(key=lambda entry: entry[0])
        return tuple(match for _, match in ranked[:limit])

    def _has_phrase(
        self, found: list[dict[int, float]], phrase: list[str], words: list[str]
    ) -> bool:
        """Whether one of the fields that matched a phrase's first word holds the whole phrase."""
        return any(
            self._fields[number].has_phrase(phrase) for number in found[words.index(phrase[0])]
        )

    def _rank(
        self, record: int, found: list[dict[int, float]], count: int
    ) -> tuple[tuple[float, float, int], Match[Record]]:
        """Return the sort key and the Match of a record whose fields matched every word."""
        # Words found together in one field: that field's weight times their mean score.
        together = set.intersection(*(set(scores) for scores in found))
        candidates = [
            (
                self._fields[number].weight * sum(scores[number] for scores in found) / count,
                count / self._fields[number].size,
                number,
            )
            for number in together
        ]
        if not candidates:
            # Words spread over fields: each word's best weighted score, discounted.
            weighted = [
                max((self._fields[n].weight * score, n) for n, score in scores.items())
                for scores in found
            ]
            score = _SPREAD * sum(value for value, _ in weighted) / count
            number = max(weighted)[1]
            candidates = [(score, count / sum(self._fields[n].size for _, n in weighted), number)]
        score, density, number = max(candidates, key=lambda entry: (entry[0], entry[1], -entry[2]))
        field = self._fields[number]
        key = (-round(score, 6), -density, record)  # records are in schema, then id, order
        match = Match(self._records[record], field.text, round(score, 2), field.path)
        return key, match
