"""
Every number and date written in an article lies in some record's quote, or is explained.

Every sentence is accounted for as well: a record quotes it, or an explained
passage that is the whole sentence says why it carries no checkable claim.

Named memberships are covered too: a sentence that names an organization, a
country and a word of membership ("member", "includes", "admission"...) is
carried by a Membership record citing that article, or listed in
``NOT_MEMBERSHIPS`` with the reason it says no such thing.

The reading of numbers, dates and names, the quotes collected from every data
file and the explanation files (``curation/<article-id>.json``) are those of
the contributors' tool, ``tools/curate.py``, imported here so that the tool and
the test can never disagree.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import pathlib
import re
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import centralasia as ca
from centralasia._keys import normalize, record_names

REPO = pathlib.Path(__file__).parent.parent


def _import_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("curate", REPO / "tools" / "curate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


curate = _import_tool()
ARTICLES = [raw["id"] for raw in json.loads((curate.DATA / "articles.json").read_text("utf-8"))]


def _texts(mentions: list[Any], kind: str) -> list[str]:
    return [mention.text for mention in mentions if mention.kind == kind]


class TestNumbers:
    def test_digits_and_number_words(self) -> None:
        """Runs of digits and number words, plural or adverb too, are numbers."""
        text = "US$ 3.775 billion to 22 countries, two decades; firstly, half of it"

        found = _texts(curate.mentions(text), "number")

        assert ["3.775", "billion", "22", "two", "decades", "firstly", "half"] == found

    def test_only_whole_words(self) -> None:
        """A number word inside another word is no number."""
        assert [] == curate.numbers("tensions, tendencies and someone’s bones")


class TestDates:
    @pytest.mark.parametrize(
        "text",
        [
            "the first half of 2023",
            "January 1, 2024",
            "October 30",
            "early 2024",
            "mid-2023",
            "the end of 2023",
            "last year",
            "earlier this year",
            "spring 2022",
            "in recent years",
            "1990s",
        ],
    )
    def test_date_expressions(self, text: str) -> None:
        """A date expression is read whole, with what narrows it."""
        assert [text] == _texts(curate.mentions(f"It happened {text}, they said."), "date")

    def test_a_number_in_a_date_is_part_of_it(self) -> None:
        """The year and ordinal of a date are not listed again as numbers."""
        found = curate.mentions("By the first half of 2023, debt reached US$ 15.7 billion.")

        assert ["the first half of 2023"] == _texts(found, "date")
        assert ["15.7", "billion"] == _texts(found, "number")

    def test_may_the_verb(self) -> None:
        """The month May is read only with a day or a year, or after "in"."""
        assert ["May 2024", "May"] == _texts(
            curate.mentions("It may grow. May 2024 and in May were busy."), "date"
        )

    def test_not_every_four_digits(self) -> None:
        """An amount, a share or a decimal is not a year."""
        assert [] == curate.dates("US$ 2,000 and 2000% and 2023.5")


class TestNames:
    def test_runs_of_capitalised_words(self) -> None:
        """A name is a run of capitalised words that joining words may link."""
        text = "The Export-Import Bank of China lent to Xi Jinping’s BRI."

        assert ["Export-Import Bank of China", "Xi Jinping", "BRI"] == _texts(
            curate.mentions(text), "name"
        )

    def test_a_month_in_a_date_is_no_name(self) -> None:
        """The month of a date is part of the date."""
        found = curate.mentions("In Astana on Tuesday, May 14, 2024, they met.")

        assert [("name", "Astana"), ("date", "Tuesday, May 14, 2024")] == [
            (mention.kind, mention.text) for mention in found
        ]

    def test_sentence_openers(self) -> None:
        """A word that opens a sentence and is capitalised nowhere else is no name."""
        text = "However, Kazakhstan borrowed. Allegations followed. The SCO met in Kazakhstan."

        assert ["Kazakhstan", "SCO", "Kazakhstan"] == _texts(curate.names(text), "name")


class TestCitations:
    def test_quotes_at_any_depth(self, tmp_path: pathlib.Path) -> None:
        """Quotes are collected from sources and inferences alike, whatever the file."""
        records = [{
            "id": "x",
            "sources": [{"article": "a", "quote": "one"}],
            "inferred": [{"field": "as_of", "basis": "byline", "source": {
                "article": "b", "quote": "two"}}, {"field": "date", "source": None}],
        }]  # fmt: skip
        (tmp_path / "anything.json").write_text(json.dumps(records), encoding="utf-8")

        assert {"a": ("one",), "b": ("two",)} == curate.citations(tmp_path)


class TestExplanations:
    def test_every_article_has_an_explanation_file(self) -> None:
        """Each article has an explanation file, and each explanation file an article."""
        assert sorted(ARTICLES) == sorted(path.stem for path in curate.CURATION.glob("*.json"))

    def test_explanations_are_sound(self, dataset: ca.Dataset) -> None:
        """Each explained passage is in its article, holds a number or date, and has a reason."""
        assert [] == curate.explanation_problems(dataset.articles)

    def test_a_stale_passage_is_a_problem(
        self, dataset: ca.Dataset, tmp_path: pathlib.Path
    ) -> None:
        """A passage that no longer holds a number or date is reported."""
        article = dataset.articles.get("walayat-alliance")
        explained = {"article": article.id, "explained": [{"text": "Flashback", "reason": "x"}]}
        (tmp_path / f"{article.id}.json").write_text(json.dumps(explained), encoding="utf-8")

        problems = curate.explanation_problems([article], tmp_path)

        assert [f"{tmp_path / article.id}.json: passage holds no number or date: 'Flashback'"] == (
            problems
        )


class TestCoverage:
    @pytest.mark.parametrize("article_id", ARTICLES)
    def test_numbers_are_covered(self, dataset: ca.Dataset, article_id: str) -> None:
        """Every number in the article lies in a quote or in an explained passage."""
        article = dataset.articles.get(article_id)

        found = curate.uncovered(article)

        assert [] == [curate.context(article.text, m) for m in found if m.kind == "number"]

    @pytest.mark.parametrize("article_id", ARTICLES)
    def test_dates_are_covered(self, dataset: ca.Dataset, article_id: str) -> None:
        """Every date expression in the article lies whole in a quote or an explained passage."""
        article = dataset.articles.get(article_id)

        found = curate.uncovered(article)

        assert [] == [curate.context(article.text, m) for m in found if m.kind == "date"]

    def test_names_of_records_are_covered(
        self, dataset: ca.Dataset, tmp_path: pathlib.Path
    ) -> None:
        """A name is covered by a record's name or alias, alone or joined by "and"."""
        article = dataset.articles.get("blank-sco-challenge")
        records = [
            {"id": "ru", "name": "Russia"},
            {"id": "cn", "name": "PRC", "aliases": ["China"]},
        ]
        (tmp_path / "countries.json").write_text(json.dumps(records), encoding="utf-8")

        found = _texts(curate.uncovered(article, tmp_path, tmp_path), "name")

        assert set() == {"Russia", "China", "Russia and China"} & set(found)
        assert {"Moscow", "Beijing"} <= set(found)


#: Words that make a sentence naming an organization and a country a possible membership.
MEMBERSHIP_WORDS = re.compile(
    r"\b(member|members|membership|includes|including|admission|admitted|joined|join|founding|"
    r"observer)\b",
    flags=re.IGNORECASE,
)
#: (article, organization, country) that such a sentence names without a membership, and why.
NOT_MEMBERSHIPS = {
    ("blank-sco-challenge", "sco", "af"): "Afghanistan is a ground of the members' rivalries",
    ("blank-sco-challenge", "sco", "cn"): "China is named as India's rival, not as a member",
    ("blank-sco-challenge", "bri", "af"): "a rivalry over Afghanistan, not the BRI's members",
    ("blank-sco-challenge", "bri", "cn"): "a rivalry with China over the BRI, not a membership",
    ("blank-sco-challenge", "bri", "in"): "India's rivalry with China, not a membership",
    ("blank-sco-challenge", "bri", "pk"): "Pakistan's rivalry with India, not a membership",
    ("legiec-perspectives", "etim", "cn"): "'including' lists the group; China is its target",
    ("legiec-perspectives", "csto", "ru"): "'Russian-controlled': Russia controls it; "
    "the sentence does not make it a member",
    ("legiec-perspectives", "eaeu", "kz"): "'members of the organisation' are the CSTO's, the one "
    "the military infrastructure belongs to",
    ("legiec-perspectives", "eaeu", "kg"): "as for Kazakhstan: the members named are the CSTO's",
    ("legiec-perspectives", "eaeu", "tj"): "as for Kazakhstan: the members named are the CSTO's",
    ("usman-connectivity", "bri", "cn"): "'including' lists railways and highways, not members",
}  # fmt: skip


def _named(names: tuple[str, ...], text: str) -> bool:
    return any(
        re.search(rf"\b{re.escape(normalize(name))}\b", text) for name in names if len(name) > 3
    ) or any(re.search(rf"\b{re.escape(name)}\b", text.upper()) for name in names if len(name) <= 3)


def _named_memberships(dataset: ca.Dataset) -> set[tuple[str, str, str]]:
    """Return (article, organization, country) for each possible membership a sentence names."""
    found = set()
    for article in dataset.articles:
        for sentence in re.split(r"(?<=[.!?])\s+", article.text):
            if not MEMBERSHIP_WORDS.search(sentence):
                continue
            text = normalize(sentence)
            for body in dataset.organizations:
                if not _named(record_names(body), text):
                    continue
                found |= {
                    (article.id, body.id, country.id)
                    for country in dataset.countries
                    if _named(tuple(n for n in record_names(country) if len(n) > 3), text)
                }
    return found


class TestNamedMemberships:
    def test_every_named_membership_is_a_record(self, dataset: ca.Dataset) -> None:
        """A sentence naming a country's membership is carried by a Membership citing it."""
        recorded = {
            (citation.article.id, membership.organization.id, membership.country.id)
            for membership in dataset.memberships
            for citation in membership.sources
        }

        missing = _named_memberships(dataset) - recorded - set(NOT_MEMBERSHIPS)

        assert set() == missing

    def test_explanations_are_not_stale(self, dataset: ca.Dataset) -> None:
        """Every listed exception is still named by a sentence, and still has no record."""
        recorded = {
            (citation.article.id, membership.organization.id, membership.country.id)
            for membership in dataset.memberships
            for citation in membership.sources
        }

        assert set() == set(NOT_MEMBERSHIPS) - (_named_memberships(dataset) - recorded)


class TestSentences:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("It left the U.S. forces. Then it rose.", ["It left the U.S. forces.",
                                                         "Then it rose."]),
            ("For the U.S., China’s rise matters.", ["For the U.S., China’s rise matters."]),
            ("threats, e.g. one, i.e. not only", ["threats, e.g. one, i.e. not only"]),
            ("Dr. Abazov wrote. Mr. A. Khan read.", ["Dr. Abazov wrote.", "Mr. A. Khan read."]),
            ("US$ 3.775 billion, over 1,000 km. Next.", ["US$ 3.775 billion, over 1,000 km.",
                                                         "Next."]),
            ("He said “no.” Then left.", ["He said “no.”", "Then left."]),
            ("**Heading.** Body (e.g., -1.5% here).", ["**Heading.**", "Body (e.g., -1.5% here)."]),
            ("## Flashback\n\nIn 1991 it began.", ["## Flashback", "In 1991 it began."]),
            ("strive for good\n\nrelations held.", ["strive for good\n\nrelations held."]),
            ("the New Silk Road\n\nInitiative is.\nNext", ["the New Silk Road\n\nInitiative is.",
                                                          "Next"]),
            ("BACKGROUND:\nThe text", ["BACKGROUND:", "The text"]),
            ("Is it? Yes! 2023 was busy.", ["Is it?", "Yes!", "2023 was busy."]),
        ],
    )  # fmt: skip
    def test_the_rule_on_the_seeds_cases(self, text: str, expected: list[str]) -> None:
        """Abbreviations, initials, decimals, quotes and headings split as the rule says."""
        assert expected == [sentence.text for sentence in curate.sentences(text)]

    @given(st.text(alphabet=st.sampled_from("aZ1 .!?”\n(U.S.e.g.")))
    def test_sentences_tile_the_text(self, text: str) -> None:
        """Sentences are in order, disjoint, stripped, and hold every character but spaces."""
        found = curate.sentences(text)

        assert all(sentence.text == text[sentence.start : sentence.end] for sentence in found)
        assert all(sentence.text == sentence.text.strip() and sentence.text for sentence in found)
        assert all(a.end <= b.start for a, b in itertools.pairwise(found))
        assert "".join(text.split()) == "".join("".join(s.text.split()) for s in found)

    def test_every_seed_sentence_opens_with_a_capital_or_a_mark(self, dataset: ca.Dataset) -> None:
        """No sentence of the seeds is cut after an abbreviation: none opens in lower case."""
        opened = [
            sentence.text[:30]
            for article in dataset.articles
            for sentence in curate.sentences(article.text)
            if sentence.text[0].islower()
        ]

        assert [] == opened


def _curation(tmp_path: pathlib.Path, article: ca.Article, *items: tuple[str, str]) -> pathlib.Path:
    explained = [{"text": text, "reason": reason} for text, reason in items]
    path = tmp_path / f"{article.id}.json"
    path.write_text(json.dumps({"article": article.id, "explained": explained}), encoding="utf-8")
    return tmp_path


def _sentence(article: ca.Article, start: str) -> str:
    found: str = next(s.text for s in curate.sentences(article.text) if s.text.startswith(start))
    return found


class TestSentenceCoverage:
    @pytest.mark.parametrize("article_id", ARTICLES)
    def test_every_sentence_is_accounted_for(self, dataset: ca.Dataset, article_id: str) -> None:
        """Each sentence of the article is quoted by a record or excluded with a reason."""
        article = dataset.articles.get(article_id)

        open_sentences = [
            sentence.text
            for sentence, state in curate.sentence_coverage(article)
            if state == curate.OPEN
        ]

        assert [] == open_sentences

    @pytest.mark.parametrize("article_id", ARTICLES)
    def test_exclusions_are_sound(self, dataset: ca.Dataset, article_id: str) -> None:
        """Each excluded sentence is unquoted, reasoned in a sentence, and hides no fact."""
        assert [] == curate.exclusion_problems(dataset.articles.get(article_id))

    def test_a_quote_supports_the_sentence_it_overlaps(
        self, dataset: ca.Dataset, tmp_path: pathlib.Path
    ) -> None:
        """A sentence that a quote overlaps is supported; one with no quote is open."""
        article = dataset.articles.get("danilovich-new-formula")
        first, second = curate.sentences(article.text)[:2]
        records = [{"id": "x", "sources": [{"article": article.id, "quote": first.text[5:25]}]}]
        (tmp_path / "x.json").write_text(json.dumps(records), encoding="utf-8")

        states = dict(curate.sentence_coverage(article, tmp_path, _curation(tmp_path, article)))

        assert curate.SUPPORTED == states[first]
        assert curate.OPEN == states[second]

    def test_only_a_whole_sentence_is_excluded(
        self, dataset: ca.Dataset, tmp_path: pathlib.Path
    ) -> None:
        """A passage holding a sentence whole excludes it; a part of one excludes nothing."""
        article = dataset.articles.get("danilovich-new-formula")
        first, second = curate.sentences(article.text)[:2]
        reason = "The sentence restates the article's own argument."
        curation = _curation(tmp_path, article, (first.text, reason), (second.text[:-2], reason))

        states = dict(curate.sentence_coverage(article, tmp_path, curation))

        assert curate.EXPLAINED == states[first]
        assert curate.OPEN == states[second]

    def test_unsound_exclusions_are_reported(
        self, dataset: ca.Dataset, tmp_path: pathlib.Path
    ) -> None:
        """A reason that is no sentence, a quoted sentence, a hidden date and a speaker fail."""
        article = dataset.articles.get("usman-connectivity")
        opening, dated, rhetoric = (
            _sentence(article, start)
            for start in ("In a rapidly", "This modern Silk Road", "The DSR can have")
        )
        records = [{"id": "x", "sources": [{"article": article.id, "quote": opening}]}]
        (tmp_path / "x.json").write_text(json.dumps(records), encoding="utf-8")
        curation = _curation(
            tmp_path,
            article,
            (opening, "Rhetoric that opens the article and states no fact."),
            (dated, "The article's own argument, stated once more here."),
            (rhetoric, "rhetoric"),
        )

        problems = curate.exclusion_problems(article, tmp_path, curation)

        path = curate._shown(curation / f"{article.id}.json")
        assert [
            f"{path}: a record quotes {curate.short(opening)!r}; drop its exclusion",
            f"{path}: {curate.short(dated)!r} hides '2013'",
            f"{path}: the reason for {rhetoric!r} is not a sentence",
        ] == problems

    def test_an_attributed_claim_is_no_exclusion(
        self, dataset: ca.Dataset, tmp_path: pathlib.Path
    ) -> None:
        """A sentence that puts a claim in someone's mouth cannot be excluded."""
        article = dataset.articles.get("walayat-alliance")
        said = next(
            s.text for s in curate.sentences(article.text) if curate.ATTRIBUTION.search(s.text)
        )
        curation = _curation(tmp_path, article, (said, "The author's own argument, restated here."))

        problems = curate.exclusion_problems(article, tmp_path, curation)

        assert any("make it a statement" in problem for problem in problems)


#: Statements whose quotes hold a word of attribution that gives no one's claim, and why.
NOT_ATTRIBUTED = {
    "kz-cn-debt-share-of-gdp-stable": "'According to central bank data' says where a figure "
    "comes from; the trend is the article's own",
    "south-korea-ca-plan": "'newly announced' is said of a plan, which is the statement",
}


def _unnamed(dataset: ca.Dataset) -> set[str]:
    """Return the statements quoting a word of attribution that name no speaker."""
    return {
        statement.id
        for statement in dataset.statements
        if any(curate.ATTRIBUTION.search(source.quote) for source in statement.sources)
        and statement.speaker is None
        and statement.speaker_text is None
    }


class TestAttributedClaims:
    def test_an_attributed_statement_names_its_speaker(self, dataset: ca.Dataset) -> None:
        """A statement quoting a claim put in someone's mouth says who makes it."""
        assert set() == _unnamed(dataset) - set(NOT_ATTRIBUTED)

    def test_exceptions_are_not_stale(self, dataset: ca.Dataset) -> None:
        """Every listed exception still quotes a word of attribution and names no speaker."""
        assert set() == set(NOT_ATTRIBUTED) - _unnamed(dataset)

    def test_who_said_it_is_one_query_away(self, dataset: ca.Dataset) -> None:
        """The issue's two attributed claims are found by their speakers."""
        warned = dataset.statements.where(speaker="Parviz Mullojanov")
        dismissed = [
            s.id
            for s in dataset.statements
            if s.speaker_text == "leaders and experts close to Central Asian governments"
        ]

        assert ["mullojanov-cn-debt-playing-with-fire"] == [s.id for s in warned]
        assert ["ca-officials-dismiss-debt-trap-concerns"] == dismissed
