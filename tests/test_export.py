"""Exports with the standard library: JSON, CSV, the Data Package and SQLite, read back."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import pathlib
import sqlite3
import typing
from decimal import Decimal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import centralasia as ca
from centralasia import strategies
from centralasia._export import FORMATS, export
from centralasia._tables import table_of, tables


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.fixture(name="exported", scope="module")
def _exported(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    """The bundled dataset exported once in every format, under one folder."""
    root = tmp_path_factory.mktemp("exported")
    for form in FORMATS:
        ca.export(root / ("centralasia.db" if form == "sqlite" else form), form)  # type: ignore[arg-type]
    return root


class TestJson:
    def test_round_trip(self, exported: pathlib.Path) -> None:
        """The JSON export is the data files and seeds: it loads back as the same dataset."""
        assert ca.load() == ca.load(exported / "json")


class TestCsv:
    def test_header_without_rows(self) -> None:
        """An empty collection still writes the header, with every column."""
        out = io.StringIO()
        ca.loans[:0].to_csv(out)

        assert ",".join(table_of(ca.Loan).column_names) + "\r\n" == out.getvalue()

    def test_columns_do_not_follow_rows(self) -> None:
        """Loans filtered by lender keep the columns their figures leave empty."""
        out = io.StringIO()
        ca.loans.where(lender="china-exim-bank").to_csv(out)
        rows = read_csv(out.getvalue())

        assert list(table_of(ca.Loan).column_names) == list(rows[0])
        assert "" == rows[0]["share_of_gdp"]

    def test_values_read_back(self) -> None:
        """Amounts, qualifiers, dates and ids read back exactly from the cells."""
        out = io.StringIO()
        ca.loans.to_csv(out)
        rows = read_csv(out.getvalue())

        assert [loan.id for loan in ca.loans] == [row["id"] for row in rows]
        for loan, row in zip(ca.loans, rows, strict=True):
            if loan.amount is not None:
                assert loan.amount.value.amount == Decimal(row["amount"])
                assert loan.amount.qualifier.value == row["amount_qualifier"]
            if loan.as_of is not None:
                assert loan.as_of.start == dt.date.fromisoformat(row["as_of_start"])
                assert loan.as_of.precision.name.lower() == row["as_of_precision"]
            assert [country.id for country in loan.debtors] == row["debtors"].split(";")
            assert [c.article.id for c in loan.sources][:1] == row["sources"].split(";")[:1]

    def test_decimals_have_no_exponent(self) -> None:
        """A decimal is written in plain digits, never as 1E+9."""
        figure = ca.Figure(ca.Money(Decimal("1E+9"), "USD"))
        loan = attrs.evolve(ca.loans.get("kg-exim-2023"), amount=figure)
        out = io.StringIO()
        ca.Collection([loan], ca.Loan).to_csv(out)

        assert "1000000000" == read_csv(out.getvalue())[0]["amount"]

    def test_delimiter_in_a_list_item(self) -> None:
        """An alias holding the list delimiter is refused rather than split in two."""
        country = attrs.evolve(ca.countries.get("kg"), aliases=("Kirghizia; Kirgizia",))

        with pytest.raises(ValueError, match=r"countries\.aliases"):
            ca.Collection([country], ca.Country).to_csv(io.StringIO())


class TestDataPackage:
    def test_valid(self, exported: pathlib.Path) -> None:
        """The Data Package passes frictionless validation: types, enumerations, keys."""
        frictionless = pytest.importorskip("frictionless")
        report = frictionless.validate(exported / "datapackage" / "datapackage.json")

        assert report.valid, report.flatten(["type", "message"])[:5]
        assert len(tables()) == len(report.tasks)

    def test_invalid_is_caught(self, exported: pathlib.Path, tmp_path: pathlib.Path) -> None:
        """A loan whose creditor is no country breaks a foreign key, which validation reports."""
        frictionless = pytest.importorskip("frictionless")
        copy = tmp_path / "package"
        copy.mkdir()
        for path in (exported / "datapackage").iterdir():
            copy.joinpath(path.name).write_bytes(path.read_bytes())
        loans = copy / "loans.csv"
        loans.write_text(loans.read_text("utf-8").replace(",cn,", ",zz,", 1), "utf-8")
        report = frictionless.validate(copy / "datapackage.json")

        assert ["foreign-key"] == [error[0] for error in report.flatten(["type"])]

    def test_exact_values(self, exported: pathlib.Path) -> None:
        """Read through frictionless, amounts are exact decimals and lists are lists."""
        frictionless = pytest.importorskip("frictionless")
        package = frictionless.Package(exported / "datapackage" / "datapackage.json")
        rows = {row["id"]: row for row in package.get_resource("loans").read_rows()}

        for loan in ca.loans:
            row = rows[loan.id]
            assert (loan.amount and loan.amount.value.amount) == row["amount"]
            assert [country.id for country in loan.debtors] == row["debtors"]

    def test_descriptor(self, exported: pathlib.Path) -> None:
        """The descriptor names the licence, the articles as sources, and every table."""
        package = json.loads((exported / "datapackage" / "datapackage.json").read_text("utf-8"))

        assert "MIT" == package["licenses"][0]["name"]
        assert len(ca.articles) == len(package["sources"])
        assert [table.name for table in tables()] == [r["name"] for r in package["resources"]]
        loans = next(r for r in package["resources"] if r["name"] == "loans")
        keys = {key["fields"][0]: key["reference"]["resource"]
                for key in loans["schema"]["foreignKeys"]}  # fmt: skip
        assert {"creditor": "countries", "lender": "organizations"} == keys

    def test_own_data_has_no_licence(
        self, bundled_dir: pathlib.Path, tmp_path: pathlib.Path
    ) -> None:
        """A dataset of one's own is not given the package's licence."""
        ca.load(bundled_dir).export(tmp_path / "out", "datapackage")
        package = json.loads((tmp_path / "out" / "datapackage.json").read_text("utf-8"))

        assert "licenses" not in package


class TestSqlite:
    @pytest.fixture(name="database")
    def _database(self, exported: pathlib.Path) -> sqlite3.Connection:
        return sqlite3.connect(exported / "centralasia.db")

    def test_join(self, database: sqlite3.Connection) -> None:
        """Loans join their creditor, and sums of amounts are exact integers."""
        rows = database.execute(
            "SELECT countries.name, sum(loans.amount) FROM loans "
            "JOIN countries ON countries.id = loans.creditor GROUP BY countries.name"
        ).fetchall()
        exact = sum(loan.amount.value.amount for loan in ca.loans.where(creditor="cn")
                    if loan.amount)  # fmt: skip

        assert [("China", exact)] == rows

    def test_lists_are_json(self, database: sqlite3.Connection) -> None:
        """A list of ids is a JSON array, which json_each joins."""
        rows = database.execute(
            "SELECT loans.id FROM loans, json_each(loans.debtors) AS debtor "
            "WHERE debtor.value = 'tj' ORDER BY loans.id"
        ).fetchall()

        assert [loan.id for loan in ca.loans.where(debtors="tj")] == [id_ for (id_,) in rows]

    def test_full_text(self, database: sqlite3.Connection) -> None:
        """The quotes and article texts are searchable with FTS5, as Datasette searches them."""
        quotes = database.execute(
            "SELECT citations.record_kind, citations.record_id FROM citations_fts "
            "JOIN citations ON citations.rowid = citations_fts.rowid "
            "WHERE citations_fts MATCH '\"Export-Import Bank\"' ORDER BY rank"
        ).fetchall()
        articles = database.execute(
            "SELECT articles.id FROM articles_fts JOIN articles "
            "ON articles.rowid = articles_fts.rowid WHERE articles_fts MATCH '\"debt trap\"'"
        ).fetchall()

        assert ("loan", "kg-exim-2023") in quotes
        assert ("kaleji-debt-trap",) in articles

    def test_keys_hold(self, database: sqlite3.Connection) -> None:
        """Every foreign key resolves, and each table has its kind's row count."""
        assert [] == database.execute("PRAGMA foreign_key_check").fetchall()
        for name, collection in ca.load().collections.items():
            (count,) = database.execute(f'SELECT count(*) FROM "{name}"').fetchone()  # noqa: S608
            assert len(collection) == count

    @settings(max_examples=10, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(strategies.datasets())
    def test_any_dataset(self, tmp_path: pathlib.Path, dataset: ca.Dataset) -> None:
        """Any dataset's amounts read back exactly where whole, and its citations all arrive."""
        path = tmp_path / "any.db"
        export(dataset, path, "sqlite", overwrite=True)
        database = sqlite3.connect(path)
        amounts = dict(database.execute("SELECT id, amount FROM loans").fetchall())
        (citations,) = database.execute("SELECT count(*) FROM citations").fetchone()
        database.close()

        for loan in dataset.loans:
            exact = None if loan.amount is None else loan.amount.value.amount
            assert (None if exact is None else float(exact)) == amounts[loan.id]
        assert sum(len(getattr(record, "sources", ())) for collection in
                   dataset.collections.values() for record in collection) == citations  # fmt: skip


class TestOverwrite:
    @pytest.mark.parametrize("form", FORMATS)
    def test_never_replaces(self, tmp_path: pathlib.Path, form: str) -> None:
        """An existing file is never replaced without overwrite, and nothing is written then."""
        target = tmp_path / ("out.db" if form == "sqlite" else "out")
        first = ca.export(target, form)  # type: ignore[arg-type]
        victim = first[-1]
        victim.write_text("mine", encoding="utf-8")
        others = {path: path.stat().st_mtime_ns for path in first if path != victim}

        with pytest.raises(FileExistsError):
            ca.export(target, form)  # type: ignore[arg-type]
        assert "mine" == victim.read_text(encoding="utf-8")
        assert others == {path: path.stat().st_mtime_ns for path in others}
        ca.export(target, form, overwrite=True)  # type: ignore[arg-type]
        assert "mine" != victim.read_bytes()[:4].decode("utf-8", "replace")

    def test_formats_are_documented(self) -> None:
        """The formats Dataset.export() accepts are exactly those the exporter writes."""
        hints = typing.get_type_hints(ca.Dataset.export)

        assert FORMATS == typing.get_args(hints["format"])

    def test_unknown_format(self, tmp_path: pathlib.Path) -> None:
        """An unknown format is refused, naming the known ones."""
        with pytest.raises(ValueError, match="datapackage"):
            ca.export(tmp_path, "xlsx")  # type: ignore[arg-type]

    def test_database_is_a_file(self, tmp_path: pathlib.Path) -> None:
        """SQLite writes a file: a directory in its place is refused."""
        with pytest.raises(IsADirectoryError):
            ca.export(tmp_path, "sqlite")

    def test_directory_is_a_directory(self, tmp_path: pathlib.Path) -> None:
        """The directory formats refuse a file in place of the directory."""
        (tmp_path / "file").write_text("", encoding="utf-8")
        with pytest.raises(NotADirectoryError):
            ca.export(tmp_path / "file", "csv")
