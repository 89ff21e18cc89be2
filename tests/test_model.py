from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

import centralasia as ca


@pytest.fixture(name="article")
def _article(dataset: ca.Dataset) -> ca.Article:
    return dataset.articles.get("kaleji-debt-trap")


class TestMoney:
    def test_keeps_every_digit(self) -> None:
        """Amounts are exact decimals, never floats."""
        money = ca.Money(Decimal("3775000000.01"), "USD")

        assert Decimal("3775000000.01") == money.amount

    def test_rejects_negative(self) -> None:
        """A negative amount is impossible."""
        with pytest.raises(ValueError, match="'amount' must be >= 0"):
            ca.Money(Decimal(-1), "USD")

    def test_rejects_unknown_currency(self) -> None:
        """Currencies are ISO 4217 codes."""
        with pytest.raises(ValueError, match="ISO 4217"):
            ca.Money(Decimal(1), "XYZ")

    def test_rejects_float(self) -> None:
        """A float amount would already have lost digits."""
        with pytest.raises(TypeError):
            ca.Money(0.1, "USD")  # type: ignore[arg-type]


class TestCitation:
    def test_quote_must_occur(self, article: ca.Article) -> None:
        """A quote that is not in the article's text is refused at construction."""
        with pytest.raises(ValueError, match="does not occur"):
            ca.Citation(article, "Kyrgyzstan owes nothing to anyone.")

    def test_verbatim_quote(self, article: ca.Article) -> None:
        """A verbatim quote is accepted."""
        citation = ca.Citation(article, "US$ 3.775 billion")

        assert "US$ 3.775 billion" == citation.quote


class TestLoan:
    def _loan(self, dataset: ca.Dataset, **changes: object) -> ca.Loan:
        return attrs.evolve(dataset.loans.get("uz-cn-2023-end"), **changes)

    @pytest.mark.parametrize("share", [Decimal("-0.01"), Decimal("1.01")])
    def test_share_outside_unit_interval(self, dataset: ca.Dataset, share: Decimal) -> None:
        """Shares are fractions in [0, 1]."""
        with pytest.raises(ValueError, match="fraction in \\[0, 1\\]"):
            self._loan(dataset, share_of_external_debt=share)

    def test_needs_a_figure(self, dataset: ca.Dataset) -> None:
        """A loan with no figure at all says nothing."""
        with pytest.raises(ValueError, match="at least one figure"):
            self._loan(dataset, amount=None, share_of_external_debt=None)

    def test_needs_sources(self, dataset: ca.Dataset) -> None:
        """Every claim carries at least one citation."""
        with pytest.raises(ValueError, match="'sources' must not be empty"):
            self._loan(dataset, sources=())

    def test_debtor_of_a_group_figure(self, dataset: ca.Dataset) -> None:
        """A figure about several countries has no single debtor."""
        regional = dataset.loans.get("central-asia-cn-2023h1")

        assert regional.debtor is None
        assert 5 == len(regional.debtors)
        assert dataset.countries.get("UZ") is dataset.loans.get("uz-cn-2023-end").debtor

    def test_frozen(self, dataset: ca.Dataset) -> None:
        """Records cannot be changed in place."""
        loan = dataset.loans.get("uz-cn-2023-end")

        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            loan.amount = None  # type: ignore[misc]


class TestMembership:
    def test_left_before_joined(self, dataset: ca.Dataset) -> None:
        """A membership cannot end before it starts."""
        citation = dataset.loans[0].sources[0]
        with pytest.raises(ValueError, match=r"'left' .* is before 'joined'"):
            ca.Membership(
                id="x", country=dataset.countries.get("uz"),
                organization=dataset.organizations.get("cdb"), role=ca.Role.MEMBER,
                sources=(citation,), joined=ca.Date("2002"), left=ca.Date("2001"),
            )  # fmt: skip

    def test_left_in_same_year(self, dataset: ca.Dataset) -> None:
        """Dates of different precision that overlap are not an end before a start."""
        citation = dataset.loans[0].sources[0]
        membership = ca.Membership(
            id="x", country=dataset.countries.get("uz"),
            organization=dataset.organizations.get("cdb"), role=ca.Role.MEMBER,
            sources=(citation,), joined=ca.Date("2002"), left=ca.Date("2002-06"),
        )  # fmt: skip

        assert ca.Date("2002-06") == membership.left


class TestSpan:
    def test_last_before_first(self) -> None:
        """A span cannot end before it starts."""
        with pytest.raises(ValueError, match="before 'first_line'"):
            ca.Span(5, 4)


class TestMeasurement:
    def _measurement(self, dataset: ca.Dataset, unit: str, value: str) -> ca.Measurement:
        return ca.Measurement(
            id="x", quantity="share_of_trade", value=Decimal(value), unit=unit,
            description="a share", sources=dataset.loans[0].sources,
        )  # fmt: skip

    def test_fraction_in_unit_interval(self, dataset: ca.Dataset) -> None:
        """A measurement in the unit 'fraction' is in [0, 1]."""
        with pytest.raises(ValueError, match="fraction in"):
            self._measurement(dataset, "fraction", "1.5")

    def test_counts_may_exceed_one(self, dataset: ca.Dataset) -> None:
        """Other units are not fractions."""
        assert Decimal(30000) == self._measurement(dataset, "people", "30000").value

    def test_only_a_change_is_negative(self, dataset: ca.Dataset) -> None:
        """'-53%' is a change; a count or a share is never negative."""
        assert Decimal("-0.53") == self._measurement(dataset, "relative_change", "-0.53").value
        for unit in ("count", "fraction"):
            with pytest.raises(ValueError, match=r">= 0|fraction in"):
                self._measurement(dataset, unit, "-1")

    def test_rejects_infinity(self, dataset: ca.Dataset) -> None:
        """A figure is a finite number."""
        with pytest.raises(ValueError, match="finite"):
            self._measurement(dataset, "count", "Infinity")


class TestConflict:
    def test_needs_two_sides(self, dataset: ca.Dataset) -> None:
        """A conflict names at least two records."""
        with pytest.raises(ValueError, match="at least two records"):
            ca.Conflict(id="x", topic="debt", description="one side", loans=dataset.loans[:1])

    def test_records(self, dataset: ca.Dataset) -> None:
        """`records` lists every side."""
        tajik = (
            dataset.loans.get("tj-cn-half-of-foreign-debt"),
            dataset.loans.get("tj-cn-2024-early"),
        )
        conflict = ca.Conflict(id="x", topic="debt", description="two figures", loans=tajik)

        assert tajik == conflict.records
