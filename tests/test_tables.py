"""The tabular schema: fixed columns derived from the model, and the values read for them."""

from __future__ import annotations

import datetime as dt
import types
from decimal import Decimal

import attrs
import pytest
from hypothesis import given

import centralasia as ca
from centralasia import strategies
from centralasia._schema import KINDS, references
from centralasia._tables import (
    Column,
    ColumnType,
    _plain_columns,
    table_named,
    table_of,
    tables,
    values,
)
from centralasia._words import label


class TestSchema:
    def test_every_field_has_a_place(self) -> None:
        """Each field of each record class is a column of its kind's table or a table of its own."""
        names = {table.name for table in tables()}
        for kind in KINDS:
            columns = table_of(kind.cls).column_names
            for field in attrs.fields(kind.cls):
                assert field.name in columns or f"{kind.name}_{field.name}" in names, field.name

    def test_names_are_unique(self) -> None:
        """Table names, and column names within a table, are unique."""
        assert len(tables()) == len({table.name for table in tables()})
        for table in tables():
            assert len(table.columns) == len(set(table.column_names)), table.name

    def test_keys_are_columns(self) -> None:
        """Primary keys are required columns; foreign keys name tables that have an id."""
        ids = {table.name for table in tables() if "id" in table.column_names}
        for table in tables():
            by_name = {column.name: column for column in table.columns}
            assert all(not by_name[key].nullable for key in table.primary_key), table.name
            for column in table.columns:
                assert column.references is None or column.references in ids

    def test_every_column_is_described(self) -> None:
        """Every table and column has a description, read from the model's docstrings."""
        for table in tables():
            assert table.description, table.name
            for column in table.columns:
                assert len(column.description) > 10, f"{table.name}.{column.name}"

    def test_loans_columns(self) -> None:
        """A loan's money, figures, dates and references take the documented columns, in order."""
        columns = table_of(ca.Loan).column_names

        assert ("as_of", "as_of_start", "as_of_end", "as_of_precision", "as_of_words") == (
            columns[8:13]
        )
        assert ("amount", "amount_currency", "amount_qualifier", "amount_words") == columns[13:17]
        assert ("share_of_gdp", "share_of_gdp_qualifier", "share_of_gdp_words") == columns[17:20]
        assert "label" == columns[-1]
        assert ColumnType.LIST is table_of(ca.Loan).columns[1].type  # debtors
        assert "countries" == table_of(ca.Loan).columns[2].references  # creditor

    def test_side_tables(self) -> None:
        """Citations and inferences have their own tables, keyed by record kind and id."""
        citations = table_named("citations").column_names
        inferences = table_named("inferences").column_names

        citing = tuple(kind.name for kind in KINDS if "sources" in attrs.fields_dict(kind.cls))

        assert ("record_kind", "record_id", "position", "article", "quote", "quote_start",
                "quote_end", *citing) == citations  # fmt: skip
        assert ("record_kind", "record_id", "field", "basis", "article", "quote",
                "quote_start", "quote_end", *citing) == inferences  # fmt: skip
        assert "event_people" in {table.name for table in tables()}

    def test_every_list_of_records_has_a_link_table(self) -> None:
        """Each list-valued reference has a table of its own, a foreign key to each side."""
        for kind in KINDS:
            for reference in references(kind.cls):
                if not reference.many:
                    continue
                link = table_named(f"{kind.name}_{reference.field}")
                keys = {column.references for column in link.columns} - {None}

                assert (kind.name, "position") == link.primary_key
                assert {kind.collection, *(target.collection for target in reference.targets)} == (
                    keys
                )

    def test_lists_inside_parts_have_link_tables(self) -> None:
        """A list of records inside a part (an ambiguity's candidates) has a table of its own."""
        link = table_named("statement_ambiguities_candidates")
        rows = values(link, ca.load().collections)
        expected = [(statement.id, number, place, country.id)
                    for statement in ca.statements
                    for number, ambiguity in enumerate(statement.ambiguities, 1)
                    for place, country in enumerate(ambiguity.candidates, 1)]  # fmt: skip

        assert ("statements", "countries") == tuple(
            column.references for column in link.columns if column.references
        )
        assert expected == list(zip(*rows.values(), strict=True))
        assert expected

    def test_records_reach_their_quotes(self) -> None:
        """Citations name their record in the column of its kind, a foreign key to its table."""
        citations = {column.name: column for column in table_named("citations").columns}

        assert "loans" == citations["loan"].references
        assert "events" == citations["event"].references
        assert "conflicts" == table_named("conflict_records").columns[-1].references

    def test_unknown_field_type(self) -> None:
        """A field of a type no column is defined for is refused, naming the field."""
        with pytest.raises(TypeError, match="'flag'"):
            _plain_columns("flag", "", bool, lambda row: row, nullable=False)

    def test_unknown_table(self) -> None:
        """An unknown table name raises KeyError."""
        with pytest.raises(KeyError):
            table_named("nothing")


class TestValues:
    def test_words_beside_dates_and_figures(self) -> None:
        """Dates and figures have their words beside them, as the library says them."""
        loans = values(table_of(ca.Loan), ca.load().collections)
        row = loans["id"].index("uz-cn-2023-end")
        loan = ca.loans.get("uz-cn-2023-end")

        assert loan.as_of is not None
        assert loan.share_of_external_debt is not None
        assert loan.as_of.words == loans["as_of_words"][row]
        assert (
            loan.share_of_external_debt.describe(percent=True)
            == (loans["share_of_external_debt_words"][row])
        )
        assert "just under 13%" == loans["share_of_external_debt_words"][row]
        assert loans["share_of_gdp"][row] is None is loans["share_of_gdp_words"][row]

    def test_every_record_has_a_label(self) -> None:
        """Every record has a label; an untitled article is named by its authors."""
        dataset = ca.load()
        for kind in KINDS:
            labels = values(table_of(kind.cls), dataset.collections)["label"]

            assert all(labels), kind.name
        articles = values(table_of(ca.Article), dataset.collections)
        named = dict(zip(articles["id"], articles["label"], strict=True))

        assert "Untitled article by Vali Kaleji" == named["kaleji-debt-trap"]
        assert dataset.articles.get("walayat-alliance").title == named["walayat-alliance"]

    def test_label_falls_back_to_the_id(self) -> None:
        """A record with nothing to call it by is called by its id."""
        assert "x-1" == label(types.SimpleNamespace(id="x-1", name=None, summary=""))

    @given(strategies.datasets())
    def test_link_tables_list_every_item(self, dataset: ca.Dataset) -> None:
        """A link table has a row per item of each record's list, in order."""
        for table in tables():
            if table.name not in {f"{k.name}_{r.field}" for k in KINDS for r in references(k.cls)}:
                continue
            kind = next(k for k in KINDS if table.name.startswith(f"{k.name}_"))
            field = table.name.removeprefix(f"{kind.name}_")
            columns = values(table, dataset.collections)
            target = "record_id" if "record_id" in columns else table.column_names[2]
            expected = [(record.id, number, item.id)
                        for record in getattr(dataset, kind.collection)
                        for number, item in enumerate(getattr(record, field), 1)]  # fmt: skip

            assert expected == list(zip(columns[kind.name], columns["position"], columns[target],
                                        strict=True))  # fmt: skip

    @given(strategies.datasets())
    def test_columns_never_depend_on_rows(self, dataset: ca.Dataset) -> None:
        """Any dataset, even an empty one, gives every column of every table, equally long."""
        for table in tables():
            columns = values(table, dataset.collections)

            assert list(table.column_names) == list(columns)
            assert len({len(cells) for cells in columns.values()}) == 1

    @given(strategies.datasets())
    def test_one_citation_row_per_source(self, dataset: ca.Dataset) -> None:
        """The citations table has a row per source of every record, its offsets on the quote."""
        columns = values(table_named("citations"), dataset.collections)
        expected = [
            (citation.article.id, citation.quote)
            for collection in dataset.collections.values()
            for record in collection
            for citation in getattr(record, "sources", ())
        ]

        assert expected == list(zip(columns["article"], columns["quote"], strict=True))
        for article, quote, start, end in zip(columns["article"], columns["quote"],
                                              columns["quote_start"], columns["quote_end"],
                                              strict=True):  # fmt: skip
            assert quote == dataset.articles.get(article).text[start:end]

    @given(strategies.datasets())
    def test_one_inference_row_each(self, dataset: ca.Dataset) -> None:
        """The inferences table has a row per inferred field, with its passage if it has one."""
        columns = values(table_named("inferences"), dataset.collections)
        expected = [
            (record.id, inference.field, inference.source and inference.source.quote)
            for collection in dataset.collections.values()
            for record in collection
            for inference in getattr(record, "inferred", ())
        ]

        assert expected == list(zip(columns["record_id"], columns["field"], columns["quote"],
                                    strict=True))  # fmt: skip

    @given(strategies.dates())
    def test_dates(self, date: ca.Date) -> None:
        """A date's columns are its EDTF string, first and last days and precision."""
        event = ca.load().events[0]
        table = table_of(ca.Event)
        row = {c.name: c.get(attrs.evolve(event, date=date)) for c in table.columns}

        assert date.edtf == row["date"]
        assert (date.start, date.end) == (row["date_start"], row["date_end"])
        assert date.precision.name.lower() == row["date_precision"]

    def test_open_dates_have_no_day(self) -> None:
        """An open end of an interval is an empty cell, not year 1 or 9999."""
        table = table_of(ca.Event)
        event = attrs.evolve(ca.load().events[0], date=ca.Date("2019/.."))
        row = {column.name: column.get(event) for column in table.columns}

        assert (dt.date(2019, 1, 1), None) == (row["date_start"], row["date_end"])

    @given(strategies.figures(strategies.moneys()))
    def test_money(self, figure: ca.Figure[ca.Money]) -> None:
        """Money is its exact amount, its currency, and its qualifier beside it."""
        loan = attrs.evolve(ca.loans.get("kg-exim-2023"), amount=figure)
        row = {column.name: column.get(loan) for column in table_of(ca.Loan).columns}

        assert figure.value.amount == row["amount"]
        assert isinstance(row["amount"], Decimal)
        assert (figure.value.currency, figure.qualifier.value) == (
            row["amount_currency"],
            row["amount_qualifier"],
        )

    def test_categories_are_the_enumerations(self) -> None:
        """A categorical column may take exactly its enumeration's values."""
        kinds: dict[str, Column] = {c.name: c for c in table_of(ca.Organization).columns}

        assert tuple(kind.value for kind in ca.OrganizationKind) == kinds["kind"].categories

    def test_bundled_primary_keys_unique(self) -> None:
        """In the bundled data, every table's primary key is unique."""
        for table in tables():
            columns = values(table, ca.load().collections)
            keys = list(zip(*(columns[key] for key in table.primary_key), strict=True))

            assert len(keys) == len(set(keys)), table.name


class TestWordsColumns:
    def test_every_qualifier_and_date_has_words_beside_it(self, dataset: ca.Dataset) -> None:
        """Each table's qualifier and date-precision columns are followed by their words column."""
        checked = 0
        for table in tables():
            names = list(table.column_names)
            for number, name in enumerate(names):
                base = name.removesuffix("_qualifier").removesuffix("_precision")
                if base == name:
                    continue
                rows = values(table, dataset.collections)
                worded = [said for said in rows[f"{base}_words"] if said is not None]
                checked += 1

                assert f"{base}_words" in names[number + 1 : number + 3], (table.name, name)
                assert all(said.strip() for said in worded), (table.name, name)
        assert checked >= 20, checked  # every date and figure field of the kinds
