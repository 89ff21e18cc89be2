"""
Full-text search over the articles: an inverted index of words, built once.

Words are compared normalized (case, accents and apostrophes ignored), and a
query word matches every word it begins, so "loan" finds "loans", and every
word with its Snowball stem, so "ceded" finds "ceding".  A quoted phrase
matches only where its words stand in a row.  Articles
are ranked by tf-idf: a word that few articles use weighs more.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence

from attrs import field, frozen

from centralasia._keys import normalize, phrases, stem
from centralasia._model import Article, clipped_repr, short_repr
from centralasia._shown import Shown

__all__ = ["TextHit", "TextIndex"]

_WORD = re.compile(r"\w+")
#: Characters of context on each side of a hit in a snippet.
_CONTEXT = 80


@frozen
class TextHit(Shown):
    """
    An article matching a text search, with a snippet around its best passage.

    ``article.text[start:end]`` is the matched passage, from its first
    matched word to its last; :attr:`snippet` shows it in context.

    .. versionadded:: 0.1
    """

    article: Article = field(repr=short_repr)
    """The matching article."""
    score: float
    """How well it matches by tf-idf; higher is better, comparable within one search."""
    snippet: str = field(repr=clipped_repr)
    """The passage with some context, on one line, cut at word boundaries."""
    start: int
    """Where the passage starts in ``article.text``."""
    end: int
    """Where the passage ends in ``article.text``."""


def _snippet(text: str, start: int, end: int) -> str:
    """Return the passage *start*:*end* of *text* with context, cut at word boundaries."""
    left = max(0, start - _CONTEXT)
    right = min(len(text), end + _CONTEXT)
    if left > 0:  # start after a space, so no word is cut
        left = text.find(" ", left, start) + 1 or left
    if right < len(text):  # stop at a space, so no word is cut
        space = text.rfind(" ", end, right)
        right = space if space > 0 else right
    body = " ".join(text[left:right].split())
    return ("…" if left > 0 else "") + body + ("…" if right < len(text) else "")


class TextIndex:
    """Where every normalized word occurs in each article, for ranked search."""

    __slots__ = ("_articles", "_postings", "_stems", "_vocabulary")

    def __init__(self, articles: Sequence[Article]) -> None:
        self._articles = tuple(articles)
        # word -> (article, the word's position among the article's words, start, end)
        postings: dict[str, list[tuple[int, int, int, int]]] = {}
        for number, article in enumerate(self._articles):
            for position, match in enumerate(_WORD.finditer(article.text)):
                postings.setdefault(normalize(match[0]), []).append(
                    (number, position, match.start(), match.end())
                )
        self._postings = postings
        self._vocabulary = sorted(postings)
        self._stems: dict[str, list[str]] = {}
        for entry in self._vocabulary:
            self._stems.setdefault(stem(entry), []).append(entry)

    def _entries(self, word: str) -> list[str]:
        """Return the indexed words that *word* begins or shares its stem with."""
        first = bisect.bisect_left(self._vocabulary, word)
        found = dict.fromkeys(self._stems.get(stem(word), ()))  # "ceded" finds "ceding"
        for entry in self._vocabulary[first:]:
            if not entry.startswith(word):
                break
            found[entry] = None
        return list(found)

    def _occurrences(self, word: str) -> list[tuple[int, int, int, int]]:
        """Return (article, position, start, end) of every word *word* stands for."""
        return [occurrence for entry in self._entries(word) for occurrence in self._postings[entry]]

    def _phrase_articles(self, phrase: list[str]) -> set[int]:
        """Return the articles holding the words of *phrase* in a row, each itself or its stem."""
        wanted = [stem(word) for word in phrase]
        starts: set[tuple[int, int]] | None = None
        for offset, word in enumerate(wanted):
            entries = self._stems.get(word, ())
            here = {
                (number, position - offset)
                for entry in entries
                for number, position, _, _ in self._postings[entry]
            }
            starts = here if starts is None else starts & here
        return {number for number, _ in starts or ()}

    def search(self, query: str, limit: int | None = 10) -> tuple[TextHit, ...]:
        """Return the articles holding every word of *query*, best first; quoted words in a row."""
        words = list(dict.fromkeys(_WORD.findall(normalize(query))))
        if not words:
            return ()
        total = len(self._articles)
        scores: dict[int, float] = {}
        hits: dict[int, list[tuple[float, int, int]]] = {}
        for word in words:
            occurrences = self._occurrences(word)
            counts: dict[int, int] = {}
            for number, _, _, _ in occurrences:
                counts[number] = counts.get(number, 0) + 1
            weight = math.log(1 + total / len(counts)) if counts else 0.0
            matched = set(counts)
            scores = (
                {number: (1 + math.log(counts[number])) * weight for number in matched}
                if word == words[0]
                else {
                    number: score + (1 + math.log(counts[number])) * weight
                    for number, score in scores.items()
                    if number in matched
                }
            )
            for number, _, start, end in occurrences:
                hits.setdefault(number, []).append((weight, start, end))
        for phrase in phrases(query):
            within = self._phrase_articles(_WORD.findall(normalize(phrase)))
            scores = {number: score for number, score in scores.items() if number in within}
        ranked = sorted(scores, key=lambda number: (-scores[number], self._articles[number].id))
        return tuple(self._hit(number, scores[number], hits[number]) for number in ranked[:limit])

    def _hit(self, number: int, score: float, hits: list[tuple[float, int, int]]) -> TextHit:
        """Build the hit for an article: its best passage is where the words cluster."""
        text = self._articles[number].text
        hits.sort(key=lambda hit: hit[1])
        # A window of 2 * _CONTEXT characters slides over the hits; the window
        # whose words weigh most (rare words weigh more) is the passage.
        best_value, best_first, best_last = -1.0, 0, 0
        last, value = 0, 0.0
        for first, (_, start, _) in enumerate(hits):
            while last < len(hits) and hits[last][1] <= start + 2 * _CONTEXT:
                value += hits[last][0]
                last += 1
            if value > best_value:
                best_value, best_first, best_last = value, first, last - 1
            value -= hits[first][0]
        start, end = hits[best_first][1], hits[best_last][2]
        snippet = _snippet(text, start, end)
        return TextHit(self._articles[number], round(score, 6), snippet, start, end)
