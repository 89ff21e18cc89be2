"""Properties of the model, stated over the public strategies."""

from __future__ import annotations

import json
import tempfile
from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import centralasia as ca
from centralasia import strategies
from centralasia._converter import converter, structure_record
from centralasia._references import Registry, using
from centralasia._schema import KINDS


def _registry(dataset: ca.Dataset) -> Registry:
    registry = Registry(dataset.seeds)
    for kind in KINDS:
        registry.records[kind.cls] = {
            record.id: record for record in getattr(dataset, kind.collection)
        }
    return registry


class TestRoundTrips:
    @given(strategies.datasets())
    def test_unstructure_then_structure(self, dataset: ca.Dataset) -> None:
        """Every record of every type survives unstructure then structure, through JSON."""
        with using(_registry(dataset)):
            for kind in KINDS:
                for record in getattr(dataset, kind.collection):
                    raw = json.loads(json.dumps(converter.unstructure(record)))

                    assert record == structure_record(raw, kind.cls)

    @given(strategies.datasets())
    def test_dump_then_load(self, dataset: ca.Dataset) -> None:
        """Dumping a dataset and loading it back gives an equal dataset."""
        with tempfile.TemporaryDirectory() as folder:
            dataset.dump(folder)

            assert dataset == ca.load(folder)

    @given(strategies.moneys())
    def test_money_keeps_every_digit(self, money: ca.Money) -> None:
        """Money never loses a digit through JSON."""
        text = json.dumps(converter.unstructure(money))
        again = converter.structure(json.loads(text), ca.Money)

        assert money.amount.as_tuple() == again.amount.as_tuple()
        assert money == again

    @given(strategies.dates())
    def test_dates_through_json(self, date: ca.Date) -> None:
        """Dates keep their EDTF form, and so their precision, through JSON."""
        again = converter.structure(json.loads(json.dumps(converter.unstructure(date))), ca.Date)

        assert (date.edtf, date.start, date.end, date.precision) == (
            again.edtf, again.start, again.end, again.precision)  # fmt: skip


def _accented(text: str) -> str:
    return "".join(char + "\u0301" if char.isalpha() else char for char in text)


class TestLookups:
    @given(strategies.datasets())
    def test_get_by_id(self, dataset: ca.Dataset) -> None:
        """`get(r.id)` returns r itself, whatever the case or accents of the key."""
        for collection in dataset.collections.values():
            for record in collection:
                assert record is collection.get(record.id)
                assert record is collection.get(f"  {record.id.upper()} ")
                assert record is collection.get(_accented(record.id))

    @given(strategies.datasets())
    def test_get_by_code(self, dataset: ca.Dataset) -> None:
        """Countries are found by either ISO code in any case."""
        for country in dataset.countries:
            assert country is dataset.countries.get(country.alpha_2.lower())
            assert country is dataset.countries.get(country.alpha_3.lower())

    @given(strategies.datasets(), st.text(max_size=12))
    def test_miss_or_match(self, dataset: ca.Dataset, key: str) -> None:
        """A key finds a record one of whose keys normalizes equal to it, or raises NotFound."""
        try:
            found = dataset.organizations.get(key)
        except ca.NotFound as error:
            assert key == error.key
            return
        keys = {ca.normalize(name) for name in (found.id, found.acronym or "", found.name,
                                                 *found.aliases)}  # fmt: skip
        assert ca.normalize(key) in keys


class TestNormalize:
    @given(st.text())
    def test_idempotent(self, text: str) -> None:
        """Normalizing a normalized key changes nothing, so stored keys match themselves."""
        once = ca.normalize(text)

        assert once == ca.normalize(once)

    @given(st.text(alphabet=st.characters(codec="ascii")))
    def test_ignores_case_accents_and_spaces(self, text: str) -> None:
        """Case, combining accents and runs of spaces do not change an ASCII key."""
        assert ca.normalize(text) == ca.normalize(f"  {_accented(text).upper()}  ")


class TestOrder:
    @given(strategies.datasets())
    def test_collections_are_sorted_by_id(self, dataset: ca.Dataset) -> None:
        """Every collection is in id order."""
        for collection in dataset.collections.values():
            ids = [record.id for record in collection]

            assert sorted(ids) == ids


PREDICATES = st.sampled_from(
    [
        lambda loan: loan.amount is not None,
        lambda loan: loan.as_of is not None,
        lambda loan: loan.lender is not None,
        lambda loan: len(loan.debtors) == 1,
        lambda loan: loan.share_of_gdp is not None and loan.share_of_gdp.value > Decimal("0.5"),
    ]
)


class TestFilters:
    @given(strategies.datasets(), PREDICATES)
    def test_never_add_records(self, dataset: ca.Dataset, predicate: Any) -> None:
        """A filter keeps a subset of the records, in their order."""
        kept = dataset.loans.filter(predicate)

        assert [loan for loan in dataset.loans if predicate(loan)] == list(kept)
        assert all(loan in dataset.loans for loan in kept)

    @given(strategies.datasets(), PREDICATES, PREDICATES)
    def test_compose_in_any_order(self, dataset: ca.Dataset, first: Any, second: Any) -> None:
        """Filtering by one predicate then another equals the other order."""
        assert dataset.loans.filter(first).filter(second) == dataset.loans.filter(second).filter(
            first)  # fmt: skip

    @given(strategies.datasets(), PREDICATES)
    def test_filtered_lookups(self, dataset: ca.Dataset, predicate: Any) -> None:
        """A filtered collection finds exactly its own records by id."""
        kept = dataset.loans.filter(predicate)

        for loan in dataset.loans:
            assert (loan if predicate(loan) else None) is kept.get(loan.id, None)


class TestValidity:
    @given(strategies.datasets())
    def test_quotes_occur(self, dataset: ca.Dataset) -> None:
        """Generated datasets hold only quotes that occur in their articles."""
        for collection in dataset.collections.values():
            for record in collection:
                for citation in getattr(record, "sources", ()):
                    assert citation.quote in citation.article.text
                    assert citation.article in dataset.articles

    @given(strategies.shares())
    def test_shares_are_fractions(self, share: Decimal) -> None:
        """Shares are in [0, 1]."""
        assert Decimal(0) <= share <= Decimal(1)
