"""The one ranked search over records: names, words that describe them, and quotes."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from rapidfuzz import fuzz

import centralasia as ca
from centralasia import strategies
from centralasia._keys import record_keys
from centralasia._schema import kind_of
from centralasia._search import RecordIndex, _texts

_WORD = re.compile(r"[^\W_]+")


def _alike(word: str, other: str) -> bool:
    """Whether a query *word* stands for *other*: the same, its beginning, or nearly alike."""
    if word == other or (len(word) >= 3 and other.startswith(word)):
        return True
    return len(word) >= 4 and fuzz.ratio(word, other) >= 80


def _text_at(record: Any, path: str) -> str:
    """The text at *path* of *record*, such as ``sources[0].quote`` or ``aliases[1]``."""
    value: Any = record
    for part in path.split("."):
        name, _, position = part.partition("[")
        value = getattr(value, name)
        if position:
            value = value[int(position.rstrip("]"))]
    return value  # type: ignore[no-any-return]


class TestRecordSearch:
    def test_military_base(self, dataset: ca.Dataset) -> None:
        """`search("military base")` finds the measurement of Chinese military bases first."""
        assert "cn-military-bases-central-asia" == dataset.search("military base")[0].record.id
        assert ca.search is not None
        assert dataset.search("military base") == ca.search("military base")

    @pytest.mark.parametrize(
        ("query", "expected"),
        [("Kazakhstan", "kz"), ("Kirgizstan", "kg"), ("Exim Bank", "china-exim-bank"),
         ("Shanghai Cooperation Org", "sco"), ("power line", "datka-kemin-power-line"),
         ("Kirgizstan railway", "china-kyrgyzstan-uzbekistan-railway"),
         ("kg-exim-2023", "kg-exim-2023"), ("debt trap", "kaleji-debt-trap"),
         ("confucius institutes", "confucius-institutes-central-asia")],
    )  # fmt: skip
    def test_sensible_first(self, dataset: ca.Dataset, query: str, expected: str) -> None:
        """A name, a misspelling, a description or an id finds its record first."""
        assert expected == dataset.search(query)[0].record.id

    @pytest.mark.parametrize("query", ["debt", "military base", "Kirgizstan", "SCO", "the"])
    def test_ranked_unique_and_stable(self, dataset: ca.Dataset, query: str) -> None:
        """Matches are best first, each record once, the same on every call and every index."""
        matches = dataset.search(query, limit=None)
        scores = [match.score for match in matches]
        keys = [(type(match.record), match.record.id) for match in matches]

        assert sorted(scores, reverse=True) == scores
        assert len(set(keys)) == len(keys)
        assert matches == dataset.search(query, limit=None)
        assert matches == RecordIndex(dataset).search(query, None)
        assert matches[:3] == dataset.search(query, limit=3)

    @pytest.mark.parametrize("query", ["debt china", "military base", "Kirgizstan", "Xi"])
    def test_every_word_matches(self, dataset: ca.Dataset, query: str) -> None:
        """Each match's text is the record's, at the field it names; every query word is found."""
        words = _WORD.findall(ca.normalize(query))
        for match in dataset.search(query, limit=None):
            kind = kind_of(type(match.record))
            texts = [ca.normalize(text) for _, text, _ in _texts(match.record, kind)]
            found = {word for text in texts for word in _WORD.findall(text)}

            assert ca.normalize(_text_at(match.record, match.field)) == match.key
            assert 0 < match.score <= 100
            assert all(any(_alike(word, other) for other in found) for word in words)

    def test_names_count_more_than_quotes(self, dataset: ca.Dataset) -> None:
        """A country named "Kazakhstan" ranks above records that only quote the name."""
        matches = dataset.search("Kazakhstan", limit=None)
        quoted = [m for m in matches if m.field.startswith("sources")]

        assert "name" == matches[0].field
        assert quoted
        assert all(m.score < matches[0].score for m in quoted)

    def test_people_and_descriptions(self, dataset: ca.Dataset) -> None:
        """People named in events, and descriptions, are searched too."""
        people = dataset.search("Xi Jinping", limit=None)

        assert any(m.field.startswith("people[") for m in people)
        kinds = (ca.Event, ca.Finance, ca.Organization, ca.Loan, ca.Measurement, ca.Statement,
                 ca.Conflict)  # fmt: skip
        assert all(isinstance(m.record, kinds) for m in people)

    def test_nothing_and_blank(self, dataset: ca.Dataset) -> None:
        """A query whose words are nowhere, or with no word at all, finds nothing."""
        assert () == dataset.search("zzzzqqqq")
        assert () == dataset.search("military zzzzqqqq")
        assert () == dataset.search("  -- ")

    def test_wrong_types(self, dataset: ca.Dataset) -> None:
        """A query that is not a string, or a limit that is not a count, is refused."""
        with pytest.raises(TypeError, match=r"search\(\): query must be a str"):
            dataset.search(None)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"search\(\): limit must be an int or None"):
            dataset.search("debt", limit="3")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match=r"search\(\): limit must be 0 or more"):
            dataset.search("debt", limit=-1)

    @given(strategies.datasets(), st.data())
    def test_every_record_is_found_by_its_names(
        self, dataset: ca.Dataset, data: st.DataObject
    ) -> None:
        """Any record of a generated dataset is found by any of its keys that has a word."""
        records = [record for collection in dataset.collections.values() for record in collection]
        record = data.draw(st.sampled_from(records))
        key = data.draw(st.sampled_from(record_keys(record)))
        assume(_WORD.search(ca.normalize(key)))

        found = [(type(m.record), m.record.id) for m in dataset.search(key, limit=None)]

        assert (type(record), record.id) in found
