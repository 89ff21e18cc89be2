"""Records check their fields' types when built, and cannot be built twice."""

from __future__ import annotations

import copy
import pickle
from decimal import Decimal
from typing import Any

import attrs
import pytest

import centralasia as ca
from centralasia._schema import KINDS


def _fields_with(record: Any, name: str, value: object) -> dict[str, Any]:
    return {field.name: getattr(record, field.name) for field in attrs.fields(type(record))
            if field.init} | {name: value}  # fmt: skip


class TestTypes:
    @pytest.mark.parametrize(
        ("cls", "name", "value"),
        [
            (ca.Citation, "article", None),
            (ca.Country, "name", 5),
            (ca.Country, "name", None),
            (ca.Country, "official_name", 5),
            (ca.Country, "aliases", ["a"]),
            (ca.Country, "aliases", ("a", 5)),
            (ca.Loan, "description", 5),
            (ca.Loan, "creditor_text", b"x"),
            (ca.Loan, "as_of", "2023"),
            (ca.Loan, "debtors", ("kg",)),
            (ca.Organization, "predecessor", "sco"),
            (ca.Span, "first_line", "1"),
            (ca.Money, "currency", ["USD"]),
            (ca.Participant, "role", 1),
        ],
    )  # fmt: skip
    def test_wrong_type(self, cls: type[Any], name: str, value: object) -> None:
        """A value of the wrong type is a TypeError naming the class and the field."""
        examples = {kind.cls: next(iter(getattr(ca.load(), kind.collection))) for kind in KINDS}
        examples |= {ca.Span: ca.Span(1, 2), ca.Money: ca.Money(Decimal(1), "USD"),
                     ca.Participant: ca.Participant("A"),
                     ca.Citation: ca.loans.get("kg-exim-2023").sources[0]}  # fmt: skip
        record = examples[cls]

        with pytest.raises(TypeError) as caught:
            cls(**_fields_with(record, name, value))

        assert f"'{name}'" in caught.value.args[0]
        assert caught.value.args[0].startswith(f"{cls.__name__}(): '{name}' must be ")

    def test_right_types_pass(self, dataset: ca.Dataset) -> None:
        """Every bundled record rebuilt from its own fields is equal to itself."""
        for collection in dataset.collections.values():
            for record in collection:
                assert record == type(record)(**_fields_with(record, "id", record.id))


class TestBuiltOnce:
    @pytest.mark.parametrize(
        "make",
        [lambda: ca.Date("2023"), lambda: ca.loans.get("kg-exim-2023"),
         lambda: ca.Money(Decimal(1), "USD"), ca.load],
    )  # fmt: skip
    def test_init_again(self, make: Any) -> None:
        """Calling __init__ again on a built value raises TypeError and changes nothing."""
        value = make()
        before = copy.copy(value)

        with pytest.raises(TypeError, match="immutable"):
            value.__init__(*[getattr(value, f.name) for f in attrs.fields(type(value)) if f.init])

        assert before == value

    def test_shared_date(self) -> None:
        """A Date that records share cannot be redated through __init__."""
        date = ca.loans.get("kg-exim-2023").as_of
        assert date is not None
        edtf = date.edtf

        with pytest.raises(TypeError, match="immutable"):
            date.__init__("1999")  # type: ignore[misc]

        assert edtf == ca.loans.get("kg-exim-2023").as_of.edtf  # type: ignore[union-attr]

    def test_shared_collection(self) -> None:
        """The bundled loans cannot be emptied through Collection.__init__."""
        count = len(ca.loans)

        with pytest.raises(TypeError, match="immutable"):
            ca.loans.__init__([], ca.Loan)  # type: ignore[misc]

        assert count == len(ca.loans)
        assert count == len(ca.load().loans)


class TestCopies:
    @pytest.mark.parametrize(
        "make",
        [ca.load, lambda: ca.loans, lambda: ca.loans.sort_by("as_of", reverse=True),
         lambda: ca.loans.get("kg-exim-2023"), lambda: ca.Date("2023-40"),
         lambda: ca.loans.get("kg-exim-2023").sources[0],
         lambda: ca.articles.get("kaleji-debt-trap")],
    )  # fmt: skip
    def test_copy_deepcopy_pickle(self, make: Any) -> None:
        """Records, collections and datasets copy, deep-copy and pickle to equal values."""
        value = make()

        for again in (copy.copy(value), copy.deepcopy(value),
                      pickle.loads(pickle.dumps(value))):  # noqa: S301 - our own bytes  # fmt: skip
            assert value == again
            assert type(value) is type(again)

    def test_pickled_collection_keeps_its_order(self) -> None:
        """A sorted collection unpickles in its order and still answers queries."""
        ranked = ca.loans.rank("amount")

        again = pickle.loads(pickle.dumps(ranked))  # noqa: S301 - our own bytes

        assert [loan.id for loan in ranked] == [loan.id for loan in again]
        assert len(ranked.where(debtor="kg")) == len(again.where(debtor="kg"))

    def test_pickled_dataset_answers(self) -> None:
        """An unpickled dataset resolves names through itself."""
        again = pickle.loads(pickle.dumps(ca.load()))  # noqa: S301 - our own bytes

        assert ca.load().loans.where(debtor="Kyrgyzstan") == again.loans.where(debtor="Kyrgyzstan")
        assert ca.load().seeds == again.seeds
