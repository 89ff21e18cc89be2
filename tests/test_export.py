"""Exports read back with the tools their users open them with: JSON, CSV, Excel's CSV, the Data
Package (frictionless), SQLite (and Datasette, served for real) and DuckDB."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import pathlib
import socket
import sqlite3
import subprocess
import sys
import time
import typing
import urllib.error
import urllib.request
from collections.abc import Iterator
from decimal import Decimal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import centralasia as ca
from centralasia import strategies
from centralasia._export import export, write_csv
from centralasia._formats import FORMATS
from centralasia._tables import table_of, tables, values

#: Where each format writes, under one folder: a database is a file, the rest are folders.
TARGETS = {"sqlite": "centralasia.db", "duckdb": "centralasia.duckdb"}


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.fixture(name="exported", scope="module")
def _exported(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    """The bundled dataset exported once in every format, under one folder."""
    root = tmp_path_factory.mktemp("exported")
    for form in FORMATS:
        ca.export(root / TARGETS.get(form, form), form)  # type: ignore[arg-type]
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

    def test_list_items_are_checked(self, exported: pathlib.Path, tmp_path: pathlib.Path) -> None:
        """A debtor in a loan's list that is no country breaks the link table's foreign key."""
        frictionless = pytest.importorskip("frictionless")
        copy = tmp_path / "package"
        copy.mkdir()
        for path in (exported / "datapackage").iterdir():
            copy.joinpath(path.name).write_bytes(path.read_bytes())
        debtors = copy / "loan_debtors.csv"
        debtors.write_text(debtors.read_text("utf-8").replace(",kg\n", ",zz\n", 1), "utf-8")
        report = frictionless.validate(copy / "datapackage.json")

        assert [("foreign-key", "loan_debtors")] == [
            (error.type, task.name) for task in report.tasks for error in task.errors
        ]

    def test_empty_list_is_no_missing_value(self, exported: pathlib.Path) -> None:
        """Read through frictionless, an empty list is an empty list and a missing value None."""
        frictionless = pytest.importorskip("frictionless")
        package = frictionless.Package(exported / "datapackage" / "datapackage.json")
        rows = {row["id"]: row for row in package.get_resource("loans").read_rows()}
        loan = ca.loans.get("kg-cn-about-half-foreign-debt")

        assert () == loan.inferred
        assert [] == rows[loan.id]["inferred"]
        assert rows[loan.id]["lender"] is None is loan.lender

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
    def test_datasette_metadata_of_own_data(
        self, bundled_dir: pathlib.Path, tmp_path: pathlib.Path
    ) -> None:
        """A dataset of one's own gets Datasette's descriptions, but not our licence or source."""
        export(ca.load(bundled_dir), tmp_path / "mine.db", "sqlite")
        metadata = json.loads((tmp_path / "mine.metadata.json").read_text("utf-8"))

        assert {"license", "source"}.isdisjoint(metadata)
        assert "label" == metadata["databases"]["mine"]["tables"]["articles"]["label_column"]

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
        amounts = {loan: (amount, exact) for loan, amount, exact in
                   database.execute("SELECT id, amount, amount_exact FROM loans")}  # fmt: skip
        (citations,) = database.execute("SELECT count(*) FROM citations").fetchone()
        database.close()

        for loan in dataset.loans:
            exact = None if loan.amount is None else loan.amount.value.amount
            assert (None if exact is None else float(exact)) == amounts[loan.id][0]
            assert (None if exact is None else Decimal(amounts[loan.id][1])) == exact
        assert sum(len(getattr(record, "sources", ())) for collection in
                   dataset.collections.values() for record in collection) == citations  # fmt: skip


class TestExcelCsv:
    def test_byte_order_mark(self, exported: pathlib.Path) -> None:
        """Each file starts with UTF-8's byte order mark and reads back whole, lists quoted."""
        raw = (exported / "excel-csv" / "countries.csv").read_bytes()
        rows = read_csv(raw.decode("utf-8-sig"))
        kyrgyzstan = next(row for row in rows if row["id"] == "kg")

        assert raw.startswith(b'\xef\xbb\xbf"id",')
        assert '"Kirghizia;Kirgizia"' in raw.decode("utf-8-sig")
        assert ["Kirghizia", "Kirgizia"] == kyrgyzstan["aliases"].split(";")
        assert len(ca.countries) == len(rows)

    def test_cyrillic_and_apostrophes(self, exported: pathlib.Path) -> None:
        """Cyrillic names and typographic apostrophes survive the round trip."""
        text = (exported / "excel-csv" / "country_names.csv").read_bytes().decode("utf-8-sig")
        citations = (exported / "excel-csv" / "citations.csv").read_bytes().decode("utf-8-sig")

        assert "Кыргызстан" in text
        assert "Uzbekistan’s" in citations

    @pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
    def test_formulas_are_inert(self, start: str) -> None:
        """Text that a spreadsheet would run as a formula gets a leading quote (OWASP)."""
        loan = attrs.evolve(ca.loans.get("kg-exim-2023"),
                            description=f'{start}HYPERLINK("http://x","y")')  # fmt: skip
        table = table_of(ca.Loan)
        out = io.StringIO()
        write_csv(table, values(table, {"loans": [loan]}), out, "excel")
        (row,) = read_csv(out.getvalue())

        assert f"'{loan.description}" == row["description"]
        assert "1700000000" == row["amount"]  # a number is written by us, never escaped

    def test_plain_csv_is_unchanged(self) -> None:
        """The plain CSV format never adds quotes to what a formula might start with."""
        loan = attrs.evolve(ca.loans.get("kg-exim-2023"), description="=1+1")
        table = table_of(ca.Loan)
        out = io.StringIO()
        write_csv(table, values(table, {"loans": [loan]}), out)

        assert "=1+1" == read_csv(out.getvalue())[0]["description"]


class TestDuckDb:
    def test_join_loans_to_countries(self, exported: pathlib.Path) -> None:
        """One file holds every table: loans join their debtors' countries through a link table."""
        import duckdb  # noqa: PLC0415

        with duckdb.connect(str(exported / "centralasia.duckdb"), read_only=True) as database:
            found = database.sql("""
                SELECT countries.name, sum(loans.amount) FROM loans
                JOIN loan_debtors ON loan_debtors.loan = loans.id
                JOIN countries ON countries.id = loan_debtors.country
                WHERE loans.amount_currency = 'USD' AND countries.id = 'kg'
                GROUP BY countries.name
            """).fetchall()
            names = {row[0] for row in database.sql("SHOW TABLES").fetchall()}
        expected = sum(loan.amount.value.amount for loan in ca.loans
                       if loan.amount and loan.amount.value.currency == "USD"
                       and "kg" in {debtor.id for debtor in loan.debtors})  # fmt: skip

        assert {table.name for table in tables()} == names
        assert [("Kyrgyzstan", expected)] == found

    def test_keys_are_enforced(self, exported: pathlib.Path, tmp_path: pathlib.Path) -> None:
        """The database keeps its foreign keys: a debtor that is no country is refused."""
        import duckdb  # noqa: PLC0415

        copy = tmp_path / "copy.duckdb"
        copy.write_bytes((exported / "centralasia.duckdb").read_bytes())
        with duckdb.connect(str(copy)) as database, pytest.raises(duckdb.ConstraintException):
            database.execute("INSERT INTO loan_debtors VALUES ('kg-exim-2023', 9, 'zz')")

    def test_conflict_sides(self, exported: pathlib.Path) -> None:
        """A conflict's sides are rows of their own, each a foreign key to its kind's table."""
        import duckdb  # noqa: PLC0415

        with duckdb.connect(str(exported / "centralasia.duckdb"), read_only=True) as database:
            sides = database.sql("""
                SELECT events.date FROM conflict_records
                JOIN events ON events.id = conflict_records.event
                WHERE conflict = 'sco-founding-year' ORDER BY position
            """).fetchall()  # fmt: skip

        assert [("2001",), ("2002",)] == sides

    def test_without_the_extra(
        self, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without duckdb, the export says which extra brings it and writes nothing."""
        monkeypatch.setitem(sys.modules, "duckdb", None)

        with pytest.raises(ImportError, match=r"centralasia\[duckdb\]"):
            ca.export(tmp_path / "x.duckdb", "duckdb")
        assert [] == list(tmp_path.iterdir())

    def test_decimals_beyond_the_scale(self, tmp_path: pathlib.Path) -> None:
        """A decimal DuckDB's DECIMAL(38, 10) would round is refused, naming the column."""
        figure = ca.Figure(Decimal("0.12345678901"))
        loan = attrs.evolve(ca.loans.get("kg-exim-2023"), share_of_gdp=figure)
        dataset = attrs.evolve(ca.load(), loans=ca.Collection([loan], ca.Loan))

        with pytest.raises(ValueError, match=r"loans\.share_of_gdp"):
            export(dataset, tmp_path / "x.duckdb", "duckdb")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> typing.Any:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our own server
        return json.load(response)


@pytest.fixture(name="datasette", scope="module")
def _datasette(exported: pathlib.Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Datasette serving the exported database with its metadata; yields the database's URL."""
    port = _free_port()
    database = exported / "centralasia.db"
    metadata = exported / "centralasia.metadata.json"
    log = tmp_path_factory.mktemp("datasette") / "log.txt"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "datasette", "serve", str(database), "-m", str(metadata),
             "--host", "127.0.0.1", "--port", str(port)],
            stdout=output, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONWARNINGS": ""},
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}/centralasia"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                _get(f"http://127.0.0.1:{port}/-/versions.json")
                break
            except (urllib.error.URLError, ConnectionError):
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"Datasette did not start: {log.read_text(errors='replace')}")
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:  # pragma: no cover - a server that will not stop
            server.kill()
            server.wait(timeout=10)


class TestDatasette:
    def test_country_lists_what_refers_to_it(self, datasette: str) -> None:
        """A country's row page lists its loans, events, memberships and corridors by key."""
        row = _get(f"{datasette}/countries/kg.json?_extras=foreign_key_tables")
        tables_ = {(fk["other_table"], fk["other_column"]): fk["count"]
                   for fk in row["foreign_key_tables"]}  # fmt: skip
        kyrgyzstan = ca.countries.get("kg")

        def count(records: typing.Iterable[typing.Any], field: str) -> int:
            return sum(kyrgyzstan in getattr(record, field) for record in records)

        assert count(ca.loans, "debtors") == tables_[("loan_debtors", "country")]
        assert count(ca.events, "countries") == tables_[("event_countries", "country")]
        assert count(ca.corridors, "countries") == tables_[("corridor_countries", "country")]
        memberships = sum(m.country == kyrgyzstan for m in ca.memberships)
        assert memberships == tables_[("memberships", "country")]
        assert 0 < memberships
        assert 0 < tables_[("loan_debtors", "country")]

    def test_loan_reaches_its_quotes(self, datasette: str) -> None:
        """A loan's row page counts its citations, through the citations' loan column."""
        row = _get(f"{datasette}/loans/kg-exim-2023.json?_extras=foreign_key_tables")
        tables_ = {(fk["other_table"], fk["other_column"]): fk["count"]
                   for fk in row["foreign_key_tables"]}  # fmt: skip

        assert len(ca.loans.get("kg-exim-2023").sources) == tables_[("citations", "loan")]

    def test_full_text_search(self, datasette: str) -> None:
        """Datasette's search box finds the quote, its record named by kind and id."""
        found = _get(f"{datasette}/citations.json?_search=concessional&_shape=objects")

        assert [("loan", "kg-cn-bilateral-concessional")] == [
            (row["record_kind"], row["record_id"]) for row in found["rows"]
        ]

    def test_metadata_is_served(self, datasette: str) -> None:
        """The metadata gives the licence, titles, descriptions and the label of each table."""
        served = _get(datasette.rsplit("/", 1)[0] + "/-/metadata.json")
        tables_ = served["databases"]["centralasia"]["tables"]
        articles = _get(f"{datasette}/citations.json?_labels=on&_shape=objects&record_kind=loan")

        assert "MIT" == served["license"]
        assert "label" == tables_["loans"]["label_column"]
        assert "km" == tables_["corridors"]["units"]["length_km"]
        assert tables_["loan_debtors"]["hidden"]
        assert {"value": "kaleji-debt-trap", "label": "Untitled article by Vali Kaleji"} in [
            row["article"] for row in articles["rows"]
        ]


class TestOverwrite:
    @pytest.mark.parametrize("form", FORMATS)
    def test_never_replaces(self, tmp_path: pathlib.Path, form: str) -> None:
        """An existing file is never replaced without overwrite, and nothing is written then."""
        target = tmp_path / {"sqlite": "out.db", "duckdb": "out.duckdb"}.get(form, "out")
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
