"""
Every number written in a curated article is in some record's quote, or explained.

A number is any run of digits or a number word ("two", "thirty", "half",
"second"...).  It is covered when it lies inside the quote of a citation of
that article, or inside a passage listed in the article's curation file
(``curation/<article-id>.json``, ``explained``) with the reason it
is not a fact (a page number, a repeat, an ordinal in an argument).
"""

from __future__ import annotations

import json
import pathlib
import re

import pytest

import centralasia as ca

REPO = pathlib.Path(__file__).parent.parent
CURATION = REPO / "curation"
WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fifteen|twenty|"
    "thirty|forty|fifty|sixty|hundred|thousand|million|billion|half|first|second|third|fourth|"
    "fifth|decade|dozen"
)
NUMBER = re.compile(rf"\d[\d,.]*\d|\d|\b(?:{WORDS})\w*\b", flags=re.IGNORECASE)
CURATED = sorted(path.stem for path in CURATION.glob("*.json"))


def _spans(text: str, passages: list[str]) -> list[tuple[int, int]]:
    spans = []
    for passage in passages:
        start = text.find(passage)
        while passage and start != -1:
            spans.append((start, start + len(passage)))
            start = text.find(passage, start + 1)
    return spans


def _quotes(dataset: ca.Dataset, article: ca.Article) -> list[str]:
    collections = (dataset.organizations, dataset.corridors, dataset.memberships, dataset.events,
                   dataset.loans, dataset.finance, dataset.measurements)  # fmt: skip
    return [
        citation.quote
        for collection in collections
        for record in collection
        for citation in record.sources
        if citation.article is article
    ]


class TestCoverage:
    def test_every_article_is_curated(self, dataset: ca.Dataset) -> None:
        """Each article has a curation file, and each curation file an article."""
        assert sorted(article.id for article in dataset.articles) == CURATED

    @pytest.mark.parametrize("article_id", CURATED)
    def test_numbers_are_covered(self, dataset: ca.Dataset, article_id: str) -> None:
        """Every number in the article lies in a quote or in an explained passage."""
        article = dataset.articles.get(article_id)
        staged = json.loads((CURATION / f"{article_id}.json").read_text(encoding="utf-8"))
        explained = [item["text"] for item in staged["explained"]]
        covered = _spans(article.text, _quotes(dataset, article) + explained)

        uncovered = [
            article.text[max(0, match.start() - 30) : match.end() + 30]
            for match in NUMBER.finditer(article.text)
            if not any(lo <= match.start() and match.end() <= hi for lo, hi in covered)
        ]

        assert [] == uncovered
        assert all(item["reason"] for item in staged["explained"])
