"""The reverse index: `about(x)` holds everything that refers to x, by construction."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given

import centralasia as ca
from centralasia import strategies
from centralasia._relations import Profile
from centralasia._schema import cited_articles, referenced

#: The parts of a profile that hold only records referring to its record.
PARTS = [field.name for field in attrs.fields(Profile)
         if field.name not in {"record", "articles", "conflicts"}]  # fmt: skip


def _records(dataset: ca.Dataset) -> list[Any]:
    return [record for collection in dataset.collections.values() for record in collection]


def _refers(source: Any, target: Any) -> bool:
    """Whether *source* refers to *target*, through a reference field or a citation."""
    return any(
        type(item) is type(target) and item.id == target.id
        for item in (*referenced(source), *cited_articles(source))
    )


class TestAboutIsComplete:
    @given(strategies.datasets())
    def test_parts_are_exactly_the_referrers(self, dataset: ca.Dataset) -> None:
        """For every record r, each part of about(r) holds exactly the records that refer to r."""
        records = _records(dataset)
        for target in records:
            profile = dataset.about(target)
            for part in PARTS:
                expected = [s for s in dataset.collections[part] if _refers(s, target)]

                assert expected == list(getattr(profile, part)), (target.id, part)

    @given(strategies.datasets())
    def test_every_conflict_over_it_or_a_referrer(self, dataset: ca.Dataset) -> None:
        """Every conflict naming r, or a record that refers to r, is in about(r).conflicts."""
        records = _records(dataset)
        for target in records:
            referrers = [source for source in records if _refers(source, target)]
            expected = {
                conflict.id
                for conflict in dataset.conflicts
                if any(_refers(conflict, side) for side in (target, *referrers))
            }

            assert expected == {c.id for c in dataset.about(target).conflicts}

    @given(strategies.datasets())
    def test_articles(self, dataset: ca.Dataset) -> None:
        """An article's `articles` are the others its records cite; a record's hold its sources."""
        records = _records(dataset)
        for target in records:
            sources = [s for s in records if _refers(s, target)]
            found = {a.id for a in dataset.about(target).articles}
            if isinstance(target, ca.Article):
                assert {a.id for s in sources for a in cited_articles(s)} - {target.id} == found
            else:
                assert {a.id for s in (target, *sources) for a in cited_articles(s)} <= found


class TestAboutTheBundle:
    def test_conflicts_of_a_country(self, dataset: ca.Dataset) -> None:
        """Every conflict over a country's records is in its profile (Tajikistan's debt)."""
        for country in dataset.countries:
            expected = dataset.conflicts.where(countries=country)

            assert set(expected) <= set(dataset.about(country).conflicts), country.id
        assert "tj-debt-to-china" in [c.id for c in dataset.about("tj").conflicts]

    def test_a_corridor_holds_its_measurements(self, dataset: ca.Dataset) -> None:
        """A corridor's profile holds every measurement and event about it (the Wakhan road)."""
        for corridor in dataset.corridors:
            profile = dataset.about(corridor)

            assert list(dataset.measurements.where(corridors=corridor)) == list(
                profile.measurements
            )
            assert list(dataset.events.where(corridors=corridor)) == list(profile.events)

    def test_parts_resolve_names_in_the_dataset(self, dataset: ca.Dataset) -> None:
        """A profile's parts look names up in the whole dataset, as its collections do."""
        loans = dataset.about("kg").loans

        assert 0 == len(loans.where(lender="china-development-bank"))
        with pytest.raises(ca.NotFound, match="Kazakhstan"):
            loans.where(debtors="Kazakstan")

    def test_wrong_types_and_misses(self, dataset: ca.Dataset) -> None:
        """`about` refuses what is neither a record nor a key, and keys that name nothing."""
        with pytest.raises(TypeError, match=r"about\(\): record must be a record or a key"):
            dataset.about(None)
        with pytest.raises(ca.NotFound, match="did you mean 'Kazakhstan'"):
            dataset.about("Kazakstan")


class TestAboutAPerson:
    def test_roles_statements_and_events(self, dataset: ca.Dataset) -> None:
        """about() of a person gives the events they take part in and the statements they make."""
        for person in dataset.people:
            profile = dataset.about(person)
            events = sorted(e.id for e in dataset.events if person in e.people)
            said = sorted(s.id for s in dataset.statements
                          if s.speaker is person or person in s.people)  # fmt: skip

            assert events == [event.id for event in profile.events]
            assert said == [statement.id for statement in profile.statements]
        assert ["kg-peak-of-external-debt-payments"] == [
            statement.id for statement in dataset.about("Akylbek Japarov").statements
        ]

    def test_a_country_lists_its_people(self, dataset: ca.Dataset) -> None:
        """A country's profile lists the people whose roles are in it."""
        people = [p.id for p in dataset.people if any(r.country is dataset.countries.get("kg")
                                                      for r in p.roles)]  # fmt: skip

        assert people == [person.id for person in dataset.about("kg").people]
        assert {"akylbek-japarov", "sadyr-japarov"} <= set(people)
