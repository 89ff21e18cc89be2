"""Every record has one stable address in the documentation, following from its kind and id."""

from __future__ import annotations

import urllib.parse

import pytest
from hypothesis import given

import centralasia as ca
from centralasia import strategies
from centralasia._address import DOCUMENTATION, collection_address, has_page
from centralasia._schema import KINDS, kind_of


class TestAddress:
    def test_named_kinds_have_pages(self, dataset: ca.Dataset) -> None:
        """A country, organization, corridor or article has a page named by its id."""
        assert "https://centralasia.readthedocs.io/en/latest/data/countries/kg.html" == ca.address(
            dataset.countries.get("kg")
        )
        assert "data/organizations/sco.html" == ca.address(dataset.organizations.get("sco"), "")
        assert "data/corridors/wakhan-corridor.html" == ca.address(
            dataset.corridors.get("wakhan-corridor"), ""
        )
        assert "data/articles/kaleji-debt-trap.html" == ca.address(
            dataset.articles.get("kaleji-debt-trap"), ""
        )

    def test_other_kinds_are_anchors(self, dataset: ca.Dataset) -> None:
        """Any other record is an anchor, its id, on the page of its collection."""
        assert "data/loans.html#kg-exim-2023" == ca.address(dataset.loans.get("kg-exim-2023"), "")
        assert "data/conflicts.html#sco-founding-year" == ca.address(
            dataset.conflicts.get("sco-founding-year"), ""
        )

    def test_which_kinds_have_pages(self) -> None:
        """Exactly the kinds whose records have names have pages."""
        assert {"articles", "countries", "organizations", "people", "corridors", "sites"} == {
            kind.collection for kind in KINDS if has_page(kind)
        }

    @pytest.mark.parametrize(
        ("base", "expected"),
        [
            ("https://example.org/docs/", "https://example.org/docs/data/loans.html#kg-exim-2023"),
            ("https://example.org/docs", "https://example.org/docs/data/loans.html#kg-exim-2023"),
            ("", "data/loans.html#kg-exim-2023"),
        ],
    )
    def test_base(self, dataset: ca.Dataset, base: str, expected: str) -> None:
        """The base is the documentation's root, with or without its final slash."""
        assert expected == ca.address(dataset.loans.get("kg-exim-2023"), base)

    def test_default_base_is_the_hosted_documentation(self, dataset: ca.Dataset) -> None:
        """Without a base, the address is on the latest hosted documentation."""
        loan = dataset.loans.get("kg-exim-2023")

        assert DOCUMENTATION + ca.address(loan, "") == ca.address(loan)

    def test_not_a_record(self, dataset: ca.Dataset) -> None:
        """A value inside a record has no address of its own."""
        citation = dataset.loans.get("kg-exim-2023").sources[0]

        with pytest.raises(TypeError, match="Citation is not a record class"):
            ca.address(citation)  # type: ignore[arg-type]

    def test_every_bundled_record_has_its_own_address(self, dataset: ca.Dataset) -> None:
        """No two records of the bundled data share an address."""
        records = [record for collection in dataset.collections.values() for record in collection]

        assert len(records) == len({ca.address(record) for record in records})

    @given(strategies.datasets())
    def test_address_follows_kind_and_id(self, dataset: ca.Dataset) -> None:
        """An address is the collection page or a page under it, and ends with the id."""
        for collection in dataset.collections.values():
            for record in collection:
                kind = kind_of(type(record))
                parts = urllib.parse.urlsplit(ca.address(record, ""))
                page = collection_address(kind, "")

                if has_page(kind):
                    assert (page.removesuffix(".html"), record.id) == tuple(
                        parts.path.removesuffix(".html").rsplit("/", 1)
                    )
                    assert "" == parts.fragment
                else:
                    assert (page, record.id) == (parts.path, parts.fragment)
