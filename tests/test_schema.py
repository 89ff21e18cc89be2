"""The schema table is the one description of each record kind; everything else agrees with it."""

from __future__ import annotations

import typing

import attrs
import pytest

import centralasia as ca
from centralasia import strategies
from centralasia._relations import Profile
from centralasia._schema import KINDS, kind_named, kind_of, references, refers


class TestSchema:
    def test_one_entry_per_record_class(self) -> None:
        """Every record class has one kind, and every kind's class is a public record."""
        assert sorted(typing.get_args(ca.Record), key=lambda cls: cls.__name__) == sorted(
            (kind.cls for kind in KINDS), key=lambda cls: cls.__name__
        )
        for kind in KINDS:
            assert kind.cls is getattr(ca, kind.cls.__name__)
            assert kind is kind_of(kind.cls)
            assert kind is kind_named(kind.name)
            assert kind is kind_named(kind.collection)

    def test_dataset_has_a_collection_per_kind(self) -> None:
        """The Dataset's typed fields are the schema's collections, in loading order."""
        fields = [field.name for field in attrs.fields(ca.Dataset) if field.name != "seeds"]

        assert [kind.collection for kind in KINDS] == [
            name for name in fields if not name.startswith("_")
        ]

    def test_profile_has_a_part_per_referring_kind(self) -> None:
        """A Profile has a collection for every kind whose records refer to others."""
        referring = [kind.collection for kind in KINDS if refers(kind.cls)]
        parts = [field.name for field in attrs.fields(Profile)]

        assert ["record", "articles", *referring] == parts

    def test_a_strategy_per_kind(self) -> None:
        """The public strategies draw every kind of record."""
        for kind in KINDS:
            assert callable(getattr(strategies, kind.collection))

    def test_bundled_collection_per_kind(self) -> None:
        """The package gives each bundled collection as an attribute, and lists it in dir()."""
        for kind in KINDS:
            assert getattr(ca, kind.collection) is ca.load().collections[kind.collection]
            assert kind.collection in dir(ca)

    @pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
    def test_keys_and_dates_are_fields(self, kind: typing.Any) -> None:
        """A kind's lookup keys and its date name fields of its class."""
        names = attrs.fields_dict(kind.cls)

        assert set(kind.keys) <= set(names)
        assert kind.date is None or kind.date in names

    def test_references_point_backwards(self) -> None:
        """A kind refers only to kinds loaded before it, or to itself (loading order)."""
        order = {kind.cls: position for position, kind in enumerate(KINDS)}
        for kind in KINDS:
            for reference in references(kind.cls):
                for target in reference.targets:
                    assert order[target.cls] <= order[kind.cls], (kind.name, reference.field)
