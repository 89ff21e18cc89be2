from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

import centralasia as ca
from centralasia._words import value


@pytest.fixture(name="article")
def _article(dataset: ca.Dataset) -> ca.Article:
    return dataset.articles.get("kaleji-debt-trap")


@pytest.fixture(name="loan")
def _loan(dataset: ca.Dataset) -> ca.Loan:
    return dataset.loans.get("uz-cn-2023-end")


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
    @pytest.mark.parametrize("share", [Decimal("-0.01"), Decimal("1.01")])
    def test_share_outside_unit_interval(self, loan: ca.Loan, share: Decimal) -> None:
        """Shares are fractions in [0, 1]."""
        with pytest.raises(ValueError, match="fraction in \\[0, 1\\]"):
            attrs.evolve(loan, share_of_external_debt=ca.Figure(share))

    def test_needs_a_figure(self, loan: ca.Loan) -> None:
        """A loan with no figure at all says nothing."""
        with pytest.raises(ValueError, match="at least one figure"):
            attrs.evolve(loan, amount=None, share_of_external_debt=None)

    def test_needs_sources(self, loan: ca.Loan) -> None:
        """Every claim carries at least one citation."""
        with pytest.raises(ValueError, match="'sources' must not be empty"):
            attrs.evolve(loan, sources=())

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
            id="x", quantity="share_of_trade", value=ca.Figure(Decimal(value)), unit=unit,
            description="a share", sources=dataset.loans[0].sources,
        )  # fmt: skip

    def test_fraction_in_unit_interval(self, dataset: ca.Dataset) -> None:
        """A measurement in the unit 'fraction' is in [0, 1]."""
        with pytest.raises(ValueError, match="fraction in"):
            self._measurement(dataset, "fraction", "1.5")

    def test_counts_may_exceed_one(self, dataset: ca.Dataset) -> None:
        """Other units are not fractions."""
        assert Decimal(30000) == self._measurement(dataset, "people", "30000").value.value

    def test_only_a_change_is_negative(self, dataset: ca.Dataset) -> None:
        """'-53%' is a change; a count or a share is never negative."""
        assert (
            Decimal("-0.53") == self._measurement(dataset, "relative_change", "-0.53").value.value
        )
        for unit in ("count", "fraction"):
            with pytest.raises(ValueError, match=r">= 0|fraction in"):
                self._measurement(dataset, unit, "-1")

    def test_rejects_infinity(self, dataset: ca.Dataset) -> None:
        """A figure is a finite number."""
        with pytest.raises(ValueError, match="finite"):
            self._measurement(dataset, "count", "Infinity")

    def test_money_is_never_a_measurement(self, dataset: ca.Dataset) -> None:
        """A currency is not a unit: money is a loan or finance amount."""
        with pytest.raises(ValueError, match="is a currency"):
            self._measurement(dataset, "USD", "3300000000")


class TestConflict:
    def test_needs_two_sides(self, dataset: ca.Dataset) -> None:
        """A conflict names at least two different records."""
        (loan,) = dataset.loans[:1]
        with pytest.raises(ValueError, match="at least two different records"):
            ca.Conflict(id="x", topic="debt", kind=ca.ConflictKind.WITHIN_SOURCE,
                        description="one side", records=(loan, loan))  # fmt: skip

    def test_records(self, dataset: ca.Dataset) -> None:
        """`records` lists every side, of any kind."""
        sides = (dataset.loans.get("tj-cn-2024-early"), dataset.events[0])
        conflict = ca.Conflict(id="x", topic="debt", kind=ca.ConflictKind.DIFFERENCE_IN_KIND,
                               description="two figures", records=sides)  # fmt: skip

        assert sides == conflict.records


class TestFigure:
    def test_no_qualifier_without_a_value(self) -> None:
        """A qualifier exists only inside a figure, and a figure needs its value."""
        with pytest.raises(TypeError):
            ca.Figure()  # type: ignore[call-arg]
        with pytest.raises(TypeError, match="must be a Decimal"):
            ca.Figure(None)  # type: ignore[type-var]

    @pytest.mark.parametrize("text", ["NaN", "sNaN", "Infinity", "-Infinity"])
    def test_not_finite(self, text: str) -> None:
        """NaN and infinities are refused with ValueError, never decimal.InvalidOperation."""
        with pytest.raises(ValueError, match="finite"):
            ca.Figure(Decimal(text))

    def test_qualifier_is_a_qualifier(self) -> None:
        """A qualifier given as a plain string is a TypeError."""
        with pytest.raises(TypeError, match="Qualifier"):
            ca.Figure(Decimal(1), "approximate")  # type: ignore[arg-type]

    @pytest.mark.parametrize("text", ["NaN", "Infinity", "1.5", "-0.1"])
    def test_share_must_be_a_fraction(self, dataset: ca.Dataset, text: str) -> None:
        """A share is a finite fraction in [0, 1], whatever is wrong with it."""
        loan = dataset.loans.get("uz-cn-2023-end")
        with pytest.raises(ValueError, match=r"finite|fraction"):
            attrs.evolve(loan, share_of_gdp=ca.Figure(Decimal(text)))

    def test_money_where_money_is_due(self, dataset: ca.Dataset) -> None:
        """An amount is a Figure of Money; a share is a Figure of a number."""
        loan = dataset.loans.get("uz-cn-2023-end")
        with pytest.raises(ValueError, match="Figure of Money"):
            attrs.evolve(loan, amount=ca.Figure(Decimal(5)))  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="Figure of a number"):
            attrs.evolve(
                loan,
                share_of_gdp=ca.Figure(ca.Money(Decimal(5), "USD")),  # type: ignore[arg-type]
            )
        with pytest.raises(TypeError, match="must be a Figure"):
            attrs.evolve(loan, share_of_gdp=Decimal("0.1"))  # type: ignore[arg-type]


class TestCorridor:
    @pytest.mark.parametrize("text", ["Infinity", "NaN", "-1"])
    def test_length_is_finite_and_not_negative(self, dataset: ca.Dataset, text: str) -> None:
        """A corridor's length is a finite number of kilometres, zero or more."""
        corridor = dataset.corridors[0]
        with pytest.raises(ValueError, match=r"finite|>= 0"):
            attrs.evolve(corridor, length_km=ca.Figure(Decimal(text)))


class TestInference:
    def test_names_a_field(self, dataset: ca.Dataset) -> None:
        """An inference names a field of its record, once, and never the id or sources."""
        loan = dataset.loans.get("uz-cn-2023-end")
        for name in ("colour", "id", "sources"):
            with pytest.raises(ValueError, match="names no inferable field"):
                attrs.evolve(loan, inferred=(ca.Inference(name, "a guess"),))
        twice = (ca.Inference("as_of", "a"), ca.Inference("as_of", "b"))
        with pytest.raises(ValueError, match="repeats"):
            attrs.evolve(loan, inferred=twice)

    def test_accepted(self, dataset: ca.Dataset) -> None:
        """An inference with its basis and passage is kept on the record."""
        loan = dataset.loans.get("uz-cn-2023-end")
        inference = ca.Inference("creditor", "the sentence before", loan.sources[0])

        assert (inference,) == attrs.evolve(loan, inferred=(inference,)).inferred


class TestDatasetValue:
    def test_hashable(self, dataset: ca.Dataset) -> None:
        """A dataset is a value: it hashes, and equal datasets hash equal."""
        copy = ca.Dataset(**dataset.collections, seeds=dict(dataset.seeds))

        assert dataset == copy
        assert hash(dataset) == hash(copy)

    def test_short_repr(self, dataset: ca.Dataset) -> None:
        """A dataset's repr counts its records instead of printing the corpus."""
        assert 300 > len(repr(dataset))
        assert "loans" in repr(dataset)


class TestPerson:
    def test_roles_cite_the_persons_sources(self, dataset: ca.Dataset) -> None:
        """A role whose quote is not among the person's sources is refused."""
        person = dataset.people.get("sadyr-japarov")
        stranger = dataset.people.get("wang-yi").sources[0]
        role = attrs.evolve(person.roles[0], source=stranger)

        with pytest.raises(ValueError, match="not among the sources"):
            attrs.evolve(person, roles=(role,))

    def test_every_quote_names_the_person(self, dataset: ca.Dataset) -> None:
        """Each quote a person cites names them, by full name, family name or alias."""
        for person in dataset.people:
            names = [person.name, *person.aliases, *filter(None, [person.family_name])]
            for citation in person.sources:
                assert any(name in citation.quote for name in names), (person.id, citation.quote)

    def test_position_words(self, dataset: ca.Dataset) -> None:
        """A role reads as its title, where it is held and when, and says when it was before."""
        (role,) = dataset.people.get("Gurbanguly Berdymukhamedov").roles

        assert "then President (Turkmenistan), 12 June 2021" == value(role)
        (former,) = dataset.people.get("Khuram").roles
        assert "Former Information Minister (Afghanistan)" == value(former)


class TestSite:
    def test_corridors_are_routes(self, dataset: ca.Dataset) -> None:
        """Every corridor is a route; ports, mines, fields and power plants are sites."""
        routes = {"corridor", "railway", "road", "pipeline"}

        assert routes == {kind.value for kind in ca.CorridorKind}
        assert all(corridor.kind.value in routes for corridor in dataset.corridors)
        assert not {kind.value for kind in ca.SiteKind} & routes

    def test_moved_sites_keep_their_ids(self, dataset: ca.Dataset) -> None:
        """The nine places that were corridors are sites under the same ids, each in its country."""
        moved = {"gwadar-port": "pk", "hambantota-port": "lk", "galkynysh-gas-field": "tm",
                 "bishkek-thermal-power-plant": "kg", "datka-kemin-power-line": "kg",
                 "tj-gold-silver-mines": "tj", "amu-darya-oil-fields": "af",
                 "takhar-badakhshan-gold-mines": "af", "mes-aynak-copper-mine": "af"}  # fmt: skip

        for site_id, country in moved.items():
            site = dataset.sites.get(site_id)
            assert country == (site.country.id if site.country else None)
            assert None is dataset.corridors.get(site_id, None)
        assert set(moved) == {site.id for site in dataset.sites}

    def test_a_sites_profile(self, dataset: ca.Dataset) -> None:
        """Events and figures about a site are in its profile; a country's profile has its sites."""
        events = [
            e.id for e in dataset.events if dataset.sites.get("mes-aynak-copper-mine") in e.sites
        ]

        assert events == [event.id for event in dataset.about("mes-aynak-copper-mine").events]
        assert "mes-aynak-awarded-to-china-2010" in events
        assert ["hambantota-lease-term"] == [
            m.id for m in dataset.about("hambantota-port").measurements
        ]
        assert {"bishkek-thermal-power-plant", "datka-kemin-power-line"} == {
            site.id for site in dataset.about("kg").sites
        }
