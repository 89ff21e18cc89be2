"""The notebook display: compact HTML tables and short text, all worded through _words."""

from __future__ import annotations

import html
import types
from typing import Any

import attrs
import pytest

import centralasia as ca
from centralasia import _words as words
from centralasia._display import LINES, ROWS, WIDTH
from centralasia._schema import KINDS, Kind


def escaped(text: str) -> str:
    return html.escape(text, quote=True)


def text_of(item: Any) -> str:
    """Return the text *item* gives IPython's pretty printer."""
    printed: list[str] = []
    item._repr_pretty_(types.SimpleNamespace(text=printed.append), cycle=False)
    return "".join(printed)


class TestRecords:
    @pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
    def test_every_kind_shows_its_facts_quotes_and_address(
        self, dataset: ca.Dataset, kind: Kind[Any]
    ) -> None:
        """A record's HTML links its page, and holds every fact in words and every quote."""
        for record in dataset.collections[kind.collection]:
            shown = record._repr_html_()

            assert f'href="{escaped(ca.address(record))}"' in shown
            assert escaped(words.label(record)) in shown
            for name in words.shown_fields(record):
                assert escaped(words.field(record, name)) in shown, (record.id, name)
            for citation in getattr(record, "sources", ()):
                assert escaped(citation.quote) in shown

    def test_figure_with_qualifier_date_and_quote(self, dataset: ca.Dataset) -> None:
        """A debt figure shows its qualifier and date in words beside its quote."""
        loan = dataset.loans.get("kg-exim-2023")
        assert loan.amount is not None
        assert loan.as_of is not None
        shown = loan._repr_html_()

        assert escaped(loan.amount.describe()) in shown
        assert escaped(loan.as_of.words) in shown
        assert escaped(loan.sources[0].quote) in shown

    def test_text_is_escaped(self, dataset: ca.Dataset) -> None:
        """Markup in a record's text is shown as text, never run as HTML."""
        loan = attrs.evolve(dataset.loans[0], description='<script>alert("x")</script> & co')
        shown = loan._repr_html_()

        assert "<script>" not in shown
        assert escaped('<script>alert("x")</script> & co') in shown

    def test_pretty_is_short(self, dataset: ca.Dataset) -> None:
        """IPython's text form names the kind, id and label, its figures and its first quote."""
        loan = dataset.loans.get("kg-exim-2023")
        lines = text_of(loan).splitlines()

        assert f"loan {loan.id}: {words.label(loan)}" == lines[0]
        assert f"  amount: {words.figure(loan, 'amount')}" in lines
        assert f"  source: {words.value(loan.sources[0])}" == lines[-1]
        assert len(lines) <= 2 + len(loan.figures) + 1


class TestCollections:
    def test_rows_then_how_many_more(self, dataset: ca.Dataset) -> None:
        """A collection shows its first rows, each linked, then how many more it holds."""
        events = dataset.events
        shown = events._repr_html_()

        assert len(events) > ROWS
        assert ROWS == shown.count("<tr><td>")
        assert f"… and {len(events) - ROWS} more" in shown
        assert all(escaped(ca.address(event)) in shown for event in events[:ROWS])

    @pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
    def test_every_collection_shows(self, dataset: ca.Dataset, kind: Kind[Any]) -> None:
        """Every collection shows a row per record up to a screen's worth, each linked."""
        records = dataset.collections[kind.collection]
        shown = records._repr_html_()

        assert min(len(records), ROWS) == shown.count("<tr><td>")
        assert all(escaped(ca.address(record)) in shown for record in records[:ROWS])
        assert all(escaped(words.label(record)) in shown for record in records[:ROWS])

    def test_cycle(self, dataset: ca.Dataset) -> None:
        """A record met again while it is being printed prints as an ellipsis."""
        printed: list[str] = []
        printer = types.SimpleNamespace(text=printed.append)
        dataset.loans[0]._repr_pretty_(printer, cycle=True)

        assert ["..."] == printed

    def test_pretty_lists_the_first_lines(self, dataset: ca.Dataset) -> None:
        """The text form counts the records and lists the first ones by id and label."""
        lines = text_of(dataset.events).splitlines()

        assert f"{len(dataset.events)} events" == lines[0]
        assert LINES + 2 == len(lines)
        assert (
            f"  {dataset.events[0].id}: {words.label(dataset.events[0])}"[: WIDTH - 1] in lines[1]
        )

    def test_empty(self, dataset: ca.Dataset) -> None:
        """An empty collection says so, and shows no rows."""
        empty = dataset.loans.where(debtors=dataset.countries.get("cn"))

        assert "0 loans" in empty._repr_html_()
        assert "<tr><td>" not in empty._repr_html_()
        assert "0 loans" == text_of(empty)


class TestProfiles:
    def test_every_part_with_every_record(self, dataset: ca.Dataset) -> None:
        """A profile's HTML and text show every non-empty part, and every record in it."""
        profile = dataset.about("kg")
        shown, text = profile._repr_html_(), text_of(profile)

        for name, part in words.parts(profile):
            assert escaped(words.part_title(name)) in shown
            assert f"  {name} ({len(part)}): {', '.join(r.id for r in part)}" in text
            assert all(escaped(ca.address(record)) in shown for record in part)

    def test_nothing_refers(self, dataset: ca.Dataset) -> None:
        """A profile with nothing in it says so."""
        record = next(
            record
            for collection in dataset.collections.values()
            for record in collection
            if not words.parts(dataset.about(record))
        )

        assert "Nothing refers to it." in dataset.about(record)._repr_html_()


class TestConflictsAndResults:
    def test_conflict_shows_both_sides(self, dataset: ca.Dataset) -> None:
        """A conflict shows each side linked, with its figures and its quote."""
        conflict = dataset.conflicts.get("kg-debt-to-china")
        shown = conflict._repr_html_()

        for side in conflict.records:
            assert escaped(ca.address(side)) in shown
            assert all(escaped(c.quote) in shown for c in getattr(side, "sources", ())[:1])

    def test_search_results(self, dataset: ca.Dataset) -> None:
        """A record found by a search and an article's passage show in HTML and text."""
        match = dataset.search("debt trap")[0]
        hit = dataset.find_text("debt trap")[0]

        assert escaped(ca.address(match.record)) in match._repr_html_()
        assert text_of(match).endswith(f"(matched {match.field})")
        assert escaped(hit.snippet) in hit._repr_html_()
        assert f"{hit.score:.2f} {hit.article.id}: {hit.snippet}" == text_of(hit)


class TestIPython:
    def test_ipython_prints_the_short_text(self, dataset: ca.Dataset) -> None:
        """IPython's printer uses the short text of each, not the class's repr."""
        pretty = pytest.importorskip("IPython.lib.pretty", reason="IPython comes with ipykernel")
        items = [dataset.loans[0], dataset.loans, dataset.about("kg"), dataset.conflicts[0],
                 dataset.search("debt trap")[0], dataset.find_text("debt trap")[0]]  # fmt: skip

        for item in items:
            assert text_of(item) == pretty.pretty(item)
