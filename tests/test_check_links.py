"""The documentation's checker (docs/check_links.py) finds each kind of problem it claims to."""

from __future__ import annotations

import html
import json
import pathlib
from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest

import centralasia as ca
from centralasia._address import passage_anchor

ARTICLE = "data/articles/kaleji-debt-trap.html"


@pytest.fixture(name="checker", scope="module")
def _checker(docs_module: Callable[[str], ModuleType]) -> ModuleType:
    return docs_module("check_links")


@pytest.fixture(name="loan")
def _loan(dataset: ca.Dataset) -> ca.Loan:
    return dataset.loans.get("kg-exim-2023")


def pages(loan: ca.Loan) -> dict[str, str]:
    """Return a smallest correct site for *loan* and its article, by file name."""
    citation = loan.sources[0]
    anchor = passage_anchor(citation)
    return {
        "index.html": '<a href="data/loans.html#kg-exim-2023">a loan</a>'
        '<a href="data/articles/kaleji-debt-trap.html">an article</a>',
        "data/loans.html": '<section id="kg-exim-2023" data-record="loan:kg-exim-2023">'
        f'<a href="articles/kaleji-debt-trap.html#{anchor}">the passage</a></section>',
        "data/articles/kaleji-debt-trap.html": '<div data-record="article:kaleji-debt-trap"></div>'
        f'<p>Before. <span id="{anchor}"></span><mark data-passages="{anchor}">'
        f"{html.escape(citation.quote)}</mark><sup>"
        f'<a data-passage="{anchor}" href="../loans.html#kg-exim-2023">kg-exim-2023</a></sup></p>',
    }


def problems(checker: Any, root: pathlib.Path, files: dict[str, str], loan: ca.Loan) -> list[str]:
    """Write *files* under *root* and return every problem the checker finds in them."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"<html><body>{text}</body></html>", encoding="utf-8")
    site = checker.site(root)
    records = [loan, loan.sources[0].article]
    return [
        *checker.broken_links(site, root),
        *checker.misplaced_records(site, root, records),
        *checker.unhighlighted_citations(site, root, records),
        *checker.unreachable_records(site, root, records),
        *checker.unlinked_ids(site, root, records),
    ]


class TestChecker:
    def test_a_complete_site_passes(
        self, checker: Any, tmp_path: pathlib.Path, loan: ca.Loan
    ) -> None:
        """A site with every record at its address, highlighted and linked, has no problem."""
        assert [] == problems(checker, tmp_path, pages(loan), loan)

    @pytest.mark.parametrize(
        "case",
        [
            ("data/loans.html", 'data-record="loan:', 'data-x="', "no element marked"),
            (ARTICLE, "mark", "span", "not highlighted as quoted"),
            (ARTICLE, "data-passage=", "data-x=", "does not link to the record"),
            ("data/loans.html", "#q", "#x", "does not link to the passage"),
            ("index.html", "data/loans.html", "loans.html", "(no such file)"),
            ("index.html", "</a><a", "</a><code>kg-exim-2023</code><a", "is not a link"),
        ],
        ids=lambda case: case[3],
    )
    def test_each_problem_is_found(
        self, checker: Any, tmp_path: pathlib.Path, loan: ca.Loan, case: tuple[str, ...]
    ) -> None:
        """Each kind of problem is reported, naming what is wrong."""
        name, old, new, expected = case
        files = pages(loan)
        files[name] = files[name].replace(old, new)

        assert any(expected in line for line in problems(checker, tmp_path, files, loan))

    def test_records_past_three_clicks_are_unreachable(
        self, checker: Any, tmp_path: pathlib.Path, loan: ca.Loan
    ) -> None:
        """A record four clicks from the home page is reported, and one three clicks away is not."""
        files = pages(loan)
        files["index.html"] = '<a href="1.html">one</a>'
        files["1.html"] = '<a href="2.html">two</a>'
        files["2.html"] = (
            '<a href="data/articles/kaleji-debt-trap.html">an article</a><a href="3.html">three</a>'
        )
        files["3.html"] = '<a href="data/loans.html#kg-exim-2023">a loan</a>'

        assert [
            "loan:kg-exim-2023: data/loans.html#kg-exim-2023 is more than 3 clicks from home"
        ] == (problems(checker, tmp_path, files, loan))


class TestSearchAndOutlines:
    def test_split_passage_needs_its_rule(
        self, checker: Any, tmp_path: pathlib.Path, loan: ca.Loan
    ) -> None:
        """A passage split into two marks is reported until a :has() rule outlines both."""
        anchor = passage_anchor(loan.sources[0])
        split = (f'<p><span id="{anchor}"></span><mark data-passages="{anchor}">a</mark>'
                 f'<mark data-passages="{anchor} q0-1">b</mark></p>')  # fmt: skip
        rule = f'<style>.x:has(#{anchor}:target) mark[data-passages~="{anchor}"] {{}}</style>'
        (tmp_path / "bare.html").write_text(split, encoding="utf-8")
        (tmp_path / "ruled.html").write_text(rule + split, encoding="utf-8")
        found = checker.split_passages_not_outlined(checker.site(tmp_path), tmp_path)

        assert [f"bare.html#{anchor}: 2 marks, not outlined together"] == found

    def test_duplicates_in_the_search(self, checker: Any, tmp_path: pathlib.Path) -> None:
        """A record listed twice, or beside its own page, is reported; others are not."""
        index = {
            "docnames": ["data/loans", "data/countries/kg"],
            "objtypes": {"0": "data:loan", "1": "data:country", "2": "py:class"},
            "objects": {"": [[0, 0, 1, "", "kg-exim-2023"], [0, 0, 1, "", "kg-exim-2023"],
                             [0, 0, 1, "", "uz-cn-2023-end"], [1, 1, 1, "record", "Kyrgyzstan"],
                             [0, 2, 1, "", "kg-exim-2023"]]},
        }  # fmt: skip
        (tmp_path / "searchindex.js").write_text(f"Search.setIndex({json.dumps(index)})", "utf-8")

        assert ["data/countries/kg: Kyrgyzstan listed beside the record's own page",
                "data/loans#kg-exim-2023: listed 2 times"] == (
            checker.duplicate_search_results(tmp_path)
        )  # fmt: skip

    def test_no_index(self, checker: Any, tmp_path: pathlib.Path) -> None:
        """A site without a search index is reported."""
        assert ["searchindex.js: missing"] == checker.duplicate_search_results(tmp_path)
