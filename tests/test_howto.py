"""Each question of docs/howto/ asked in one expression, its answer checked against the data."""

from __future__ import annotations

import ast
import csv
import doctest
import io
import pathlib
from collections.abc import Callable

import pytest

import centralasia as ca

REPO = pathlib.Path(__file__).parent.parent
HOWTO = REPO / "docs" / "howto"


def _find(data: ca.Dataset) -> None:
    """Find a country, organization, corridor or article (find.md)."""
    bank = ca.record("Export-Import Bank of China")
    assert bank is data.organizations.get("china-exim-bank")
    assert "Export-Import Bank of China" in (bank.name, *bank.aliases)
    assert "kg" == ca.countries.search("Kirgizstan")[0].record.id


def _owe(data: ca.Dataset) -> None:
    """What a country owes China, according to whom, as of when (owe.md)."""
    answer = ca.loans.where(debtor="Kyrgyzstan", creditor="China")
    kg, cn = data.countries.get("kg"), data.countries.get("cn")
    assert [loan for loan in data.loans if loan.debtors == (kg,) and loan.creditor is cn] == list(
        answer
    )
    assert all(loan.sources for loan in answer)


def _rank(data: ca.Dataset) -> None:
    """Rank countries by their debt to China (rank.md)."""
    answer = ca.loans.where(creditor="cn").rank("share_of_gdp")
    shares = [loan.share_of_gdp.value for loan in answer if loan.share_of_gdp]
    cn = data.countries.get("cn")
    owed = [loan for loan in data.loans if loan.creditor is cn and loan.share_of_gdp is not None]
    assert sorted(shares, reverse=True) == shares
    assert set(owed) == set(answer)


def _corridors(data: ca.Dataset) -> None:
    """Which corridors pass through a country, or link two (corridors.md)."""
    answer = ca.corridors.where(countries="cn").where(countries="Uzbekistan")
    cn, uz = data.countries.get("cn"), data.countries.get("uz")
    assert [c for c in data.corridors if cn in c.countries and uz in c.countries] == list(answer)
    assert answer


def _memberships(data: ca.Dataset) -> None:
    """Which organizations a country belongs to, and who the members are (memberships.md)."""
    answer = ca.members("Shanghai Cooperation Organization", on="2003")
    sco, on = data.organizations.get("sco"), ca.Date("2003")
    assert [m for m in data.memberships
            if m.organization is sco and m.held_on(on) is not False] == list(answer)  # fmt: skip
    belongs = ca.memberships.where(country="Kyrgyzstan")
    assert [m for m in data.memberships if m.country.id == "kg"] == list(belongs)


def _texts(data: ca.Dataset) -> None:
    """Which articles discuss a topic, and what each article supports (texts.md)."""
    hits = ca.find_text("debt trap")
    assert all("debt" in ca.normalize(hit.article.text) for hit in hits)
    assert "kaleji-debt-trap" == hits[0].article.id
    supported = ca.about("legiec-perspectives").loans
    legiec = data.articles.get("legiec-perspectives")
    assert [loan for loan in data.loans
            if legiec in [c.article for c in loan.sources]] == list(supported)  # fmt: skip


def _timeline(data: ca.Dataset) -> None:
    """What happened between two dates (timeline.md)."""
    answer = ca.timeline(2022, 2022, country="Kazakhstan")
    kz, year = data.countries.get("kz"), ca.Date("2022")
    expected = [e for e in data.events if kz in e.countries and e.date.during(year)]
    assert sorted(expected, key=lambda event: event.date) == list(answer)


def _conflicts(data: ca.Dataset) -> None:
    """Where the sources disagree (conflicts.md)."""
    answer = ca.conflicts.where(countries="Tajikistan")
    tj = data.countries.get("tj")
    assert [c for c in data.conflicts if tj in c.countries] == list(answer)
    assert answer


def _about(data: ca.Dataset) -> None:
    """Everything about one record (about.md)."""
    answer = ca.about("Kyrgyzstan")
    kg = data.countries.get("kg")
    assert [loan for loan in data.loans if kg in loan.debtors or loan.creditor is kg] == list(
        answer.loans
    )
    assert [e for e in data.events if kg in e.countries] == list(answer.events)


def _export(data: ca.Dataset) -> None:
    """Take the data elsewhere (export.md)."""
    out = io.StringIO()
    ca.loans.where(lender="Exim Bank").to_csv(out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    bank = data.organizations.get("china-exim-bank")
    assert [loan.id for loan in data.loans if loan.lender is bank] == [row["id"] for row in rows]


QUESTIONS: dict[str, Callable[[ca.Dataset], None]] = {
    "find": _find, "owe": _owe, "rank": _rank, "corridors": _corridors,
    "memberships": _memberships, "texts": _texts, "timeline": _timeline,
    "conflicts": _conflicts, "about": _about, "export": _export,
}  # fmt: skip


class TestHowTo:
    def test_every_page_has_its_question(self) -> None:
        """Each how-to page (but the index) is asked here, and nothing else is."""
        pages = {path.stem for path in HOWTO.glob("*.md")} - {"index"}

        assert pages == set(QUESTIONS)

    @pytest.mark.parametrize("page", sorted(QUESTIONS))
    def test_answered_in_one_expression(self, dataset: ca.Dataset, page: str) -> None:
        """The page's question, asked in one expression, gives what a scan of the data gives."""
        QUESTIONS[page](dataset)


def _doctest_setup() -> str:
    """The setup the Sphinx doctest builder runs before each page (docs/conf.py's)."""
    tree = ast.parse((REPO / "docs" / "conf.py").read_text(encoding="utf-8"))
    (setup,) = (
        node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and [getattr(target, "id", None) for target in node.targets] == ["doctest_global_setup"]
        and isinstance(node.value, ast.Constant)
    )
    assert isinstance(setup, str)
    return setup


#: The pages whose ```{doctest} blocks the Sphinx doctest builder runs.
PAGES = sorted(
    path.relative_to(REPO).as_posix()
    for path in (REPO / "docs").rglob("*.md")
    if "```{doctest}" in path.read_text(encoding="utf-8") and "_build" not in path.parts
)


class TestDocExamples:
    def test_how_to_pages_are_among_them(self) -> None:
        """Every how-to page with a question has examples that run here."""
        assert {f"docs/howto/{page}.md" for page in QUESTIONS} <= set(PAGES)

    @pytest.mark.parametrize("page", PAGES)
    def test_examples_give_their_output(
        self, page: str, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A page's examples, run in order in one namespace, give the output the page shows."""
        text = (REPO / page).read_text(encoding="utf-8")
        blocks = [block.split("\n```")[0] for block in text.split("```{doctest}\n")[1:]]
        namespace: dict[str, object] = {}
        exec(_doctest_setup(), namespace)  # noqa: S102 - our own docs' setup
        parser = doctest.DocTestParser()
        test = parser.get_doctest("\n".join(blocks), namespace, page, page, 0)
        # The flags the Sphinx doctest builder uses by default (doctest_default_flags).
        flags = doctest.ELLIPSIS | doctest.IGNORE_EXCEPTION_DETAIL | doctest.DONT_ACCEPT_TRUE_FOR_1
        runner = doctest.DocTestRunner(optionflags=flags)
        monkeypatch.chdir(tmp_path)  # an example that writes a file writes it here

        runner.run(test, clear_globs=False)

        assert (0, len(test.examples)) == tuple(runner.summarize(verbose=False))
        assert test.examples
