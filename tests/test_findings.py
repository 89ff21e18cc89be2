"""Issue 14's findings, one class each: complete answers or a clear refusal."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pytest

import centralasia as ca
from centralasia._schema import cited_articles

#: What a call does, as the outcome fixture reports it.
Outcome = Callable[[Callable[[], object]], tuple[str, str]]


class TestFinding1MisspeltFilters:
    def test_where_refuses_a_misspelt_debtor(self) -> None:
        """`loans.where(debtor="Kazakstan")` raises NotFound suggesting Kazakhstan, as get does."""
        with pytest.raises(ca.NotFound) as caught:
            ca.loans.where(debtor="Kazakstan")
        with pytest.raises(ca.NotFound) as by_get:
            ca.countries.get("Kazakstan")

        assert "Kazakhstan" == caught.value.suggestions[0]
        assert by_get.value.suggestions == caught.value.suggestions

    def test_timeline_refuses_a_misspelt_country(self) -> None:
        """`timeline(country="Afganistan")` raises NotFound suggesting Afghanistan."""
        with pytest.raises(ca.NotFound, match="did you mean 'Afghanistan'"):
            ca.timeline("2020", "2024", country="Afganistan")

    def test_members_refuses_a_misspelt_organization(self) -> None:
        """`members("Shanghai Cooperation Org")` raises NotFound suggesting the SCO's name."""
        with pytest.raises(ca.NotFound) as caught:
            ca.members("Shanghai Cooperation Org")

        assert "Shanghai Cooperation Organization" == caught.value.suggestions[0]

    def test_a_correct_name_may_find_nothing(self) -> None:
        """A correct name with no records gives an empty answer: the sources say nothing."""
        assert 0 == len(ca.loans.where(debtor="tm"))
        assert 0 == len(ca.loans.where(debtor="Turkmenistan").where(debtor="Kazakhstan"))

    def test_an_empty_result_still_refuses_a_misspelling(self) -> None:
        """Filtering an empty result by a misspelt name still raises."""
        with pytest.raises(ca.NotFound):
            ca.loans.where(debtor="tm").where(lender="Exim Bnak of Nowhere")


class TestFinding2WrongTypes:
    @pytest.mark.parametrize(
        ("call", "message"),
        [
            (lambda: ca.countries.get(None), r"get\(\): key must be a str"),  # type: ignore[call-overload]
            (lambda: ca.countries.get(417), r"get\(\): key must be a str"),  # type: ignore[call-overload]
            (lambda: ca.find_text(None), r"find_text\(\): query must be a str"),  # type: ignore[arg-type]
            (lambda: ca.about(None), r"about\(\): record must be a record or a key"),
            (lambda: ca.record(None), r"record\(\): key must be a str"),  # type: ignore[call-overload]
            (lambda: ca.timeline(2020.5), r"timeline\(\): start must be a Date"),  # type: ignore[arg-type]
            (lambda: ca.loans.rank("amount_qualifier"), r"no attribute 'amount_qualifier'"),
            (lambda: ca.loans.rank("debtors"), r"rank\(\): .* cannot be ordered by 'debtors'"),
            (lambda: ca.loans.where(debtor=417), r"where\(\): debtor must be a country"),
            (lambda: ca.loans.where(as_of="2024"), r"use between\(\) for dates"),
            (lambda: ca.loans.between(attribute="description"), r"'description' is not a date"),
        ],
    )
    def test_type_errors_name_the_parameter(self, call: Any, message: str) -> None:
        """Wrong types raise TypeError naming the parameter and what it takes, not a traceback."""
        with pytest.raises(TypeError, match=message):
            call()

    def test_enum_values_are_checked(self) -> None:
        """An enum attribute given a value it does not have names the valid values."""
        with pytest.raises(ValueError, match="use whole, primarily"):
            ca.loans.where(lender_extent="mostly")

    def test_years_as_ints(self) -> None:
        """`timeline(2020, 2024)` reads ints as years, as `timeline("2020", "2024")`."""
        assert ca.timeline("2020", "2024") == ca.timeline(2020, 2024)
        assert ca.timeline(2020, 2024)

    @pytest.mark.parametrize(
        "call",
        [
            lambda c: c.where(nonsense=1),
            lambda c: c.where(as_of="2024"),
            lambda c: c.where(description=None),
            lambda c: c.where(debtor="Kazakstan"),
            lambda c: c.sort_by("bogus"),
            lambda c: c.sort_by("creditor"),
            lambda c: c.between(attribute="description"),
        ],
    )
    def test_empty_and_full_collections_alike(self, call: Any, outcome: Outcome) -> None:
        """Each call raises on an empty collection exactly as on a full one."""
        full = ca.loans.where(creditor="cn")
        empty = ca.loans.where(debtor="tm")

        assert outcome(lambda: call(full)) == outcome(lambda: call(empty))
        assert outcome(lambda: call(full)) == outcome(lambda: call(full[:1]))


class TestFinding3AboutMissesRecords:
    def test_conflicts_of_a_country(self) -> None:
        """`about("tj").conflicts` holds what `conflicts.where(countries="tj")` finds."""
        assert set(ca.conflicts.where(countries="tj")) <= set(ca.about("tj").conflicts)
        assert ca.conflicts.where(countries="tj")

    def test_measurements_of_a_corridor(self, dataset: ca.Dataset) -> None:
        """A measurement about a corridor is in the corridor's profile, with its conflicts."""
        road = dataset.corridors.get("Wakhan Corridor")
        length = ca.Measurement(
            id="wakhan-road-length", quantity="length", value=ca.Figure(Decimal(49)),
            unit="km", description="The Wakhan road", sources=road.sources, corridors=(road,),
        )  # fmt: skip
        dispute = ca.Conflict("wakhan-length", "length", ca.ConflictKind.WITHIN_SOURCE, "…",
                              (length, dataset.events[0]))  # fmt: skip
        parts = {
            **dataset.collections,
            "measurements": ca.Collection([*dataset.measurements, length], ca.Measurement),
            "conflicts": ca.Collection([*dataset.conflicts, dispute], ca.Conflict),
        }
        extended = ca.Dataset(**parts, seeds=dataset.seeds)
        profile = extended.about("Wakhan Corridor")

        assert length in profile.measurements
        assert dispute in profile.conflicts

    def test_an_articles_articles_are_defined(self, dataset: ca.Dataset) -> None:
        """For an article, `articles` are the other articles the records it supports also cite."""
        profile = dataset.about("kaleji-debt-trap")
        parts = [field.name for field in attrs.fields(ca.Profile)][2:]  # after record, articles
        supported = [record for part in parts for record in getattr(profile, part)]
        cited = {article.id for record in supported for article in cited_articles(record)}

        assert cited - {"kaleji-debt-trap"} == {a.id for a in profile.articles}


class TestFinding4RecordSearch:
    def test_military_base(self) -> None:
        """`ca.search("military base")` finds the measurement that is exactly that, first."""
        best = ca.search("military base")[0]

        assert "cn-military-bases-central-asia" == best.record.id
        assert isinstance(best.record, ca.Measurement)

    def test_descriptions_and_quotes(self) -> None:
        """Records are found by their descriptions and quotes, not only their names."""
        fields = {match.field.split("[")[0] for match in ca.search("debt", limit=None)}

        assert {"description", "sources"} <= fields


class TestFinding5DirShowsTheApi:
    def test_fresh_interpreter(self) -> None:
        """In a fresh interpreter `dir(ca)` lists the collections and helpers, nothing private."""
        code = "import json, centralasia as ca; print(json.dumps(dir(ca)))"
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                             text=True).stdout  # fmt: skip
        listed = set(json.loads(out))

        assert {"countries", "loans", "about", "members", "search", "timeline"} <= listed
        assert {"strategies", "Collection", "Date"} <= listed
        assert not {"Any", "TYPE_CHECKING", "_HOMES"} & listed

    def test_strategies_without_importing(self) -> None:
        """`ca.strategies` works without `import centralasia.strategies`."""
        code = "import centralasia as ca; print(ca.strategies.dates.__name__)"
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                             text=True).stdout  # fmt: skip

        assert "dates" == out.strip()


class TestFinding6Reprs:
    def test_dataset_repr_is_a_line(self) -> None:
        """`repr(ca.load())` is one line of counts."""
        assert len(repr(ca.load())) < 200
        assert "\n" not in repr(ca.load())

    def test_collection_repr_shows_ids(self) -> None:
        """A collection's repr shows its first ids, not only a count."""
        assert "kg-exim-2023" in repr(ca.loans.where(lender="Exim Bank"))

    def test_matches_and_hits_are_short(self) -> None:
        """A match or a text hit shows its record by id, not the whole record."""
        assert len(repr(ca.countries.search("Kirgizstan")[0])) < 120
        assert len(repr(ca.search("debt")[0])) < 200
        assert len(repr(ca.find_text("china")[0])) < 200

    def test_slice_is_a_collection(self) -> None:
        """A slice is a collection, and filters compose on it."""
        part = ca.loans[2:8]

        assert isinstance(part, ca.Collection)
        cn = ca.countries.get("cn")

        assert [loan for loan in part if loan.creditor is cn] == list(part.where(creditor="cn"))


class TestFinding7RecordDefault:
    def test_default(self) -> None:
        """`ca.record(key, default)` returns the default on a miss, as `get` does."""
        marker = object()

        assert marker is ca.record("Atlantis", marker)
        assert None is ca.record("Atlantis", None)
        assert ca.countries.get("kg") is ca.record("Kyrgyzstan", None)
        with pytest.raises(ca.NotFound):
            ca.record("Atlantis")


class TestFinding8DatesInWords:
    @pytest.mark.parametrize(
        ("edtf", "words"),
        [("2024-01/2024-04", "January to April 2024"), ("2023-40", "the first half of 2023"),
         ("2012/..", "from 2012 on"), ("2024-10?", "October 2024 (uncertain)"),
         ("2024~", "about 2024")],
    )  # fmt: skip
    def test_words(self, edtf: str, words: str) -> None:
        """Dates read as a reader says them, not as EDTF codes."""
        assert words == ca.Date(edtf).words
