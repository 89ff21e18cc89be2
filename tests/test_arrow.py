"""The formats of the optional extras: typed pandas frames, Parquet files read by DuckDB."""

from __future__ import annotations

import math
import pathlib
import subprocess
import sys
import tomllib
from decimal import Decimal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import centralasia as ca
from centralasia import strategies
from centralasia._tables import table_named, table_of, tables

REPO = pathlib.Path(__file__).parent.parent
#: The documented precision of float64 amounts: the nearest double, 2**-53 relative.
EPSILON = 2.0**-53


@pytest.fixture(name="pandas")
def _pandas() -> None:
    pytest.importorskip("pandas")


@pytest.fixture(name="parquet", scope="module")
def _parquet(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    pytest.importorskip("pyarrow")
    folder = tmp_path_factory.mktemp("parquet") / "centralasia"
    ca.export(folder, "parquet")
    return folder


@pytest.mark.usefixtures("pandas")
class TestPandas:
    def test_every_column_its_dtype(self) -> None:
        """Every column of every table has the pandas dtype of its type."""
        from centralasia._arrow import PANDAS_DTYPES  # noqa: PLC0415

        for name, frame in ca.load().to_pandas().items():
            for column in table_named(name).columns:
                assert PANDAS_DTYPES[column.type] == str(frame[column.name].dtype), column.name

    def test_dtypes(self) -> None:
        """Numbers are float64, days datetime64, enumerations categorical, text nullable."""
        frame = ca.loans.to_pandas()
        dtypes = {name: str(dtype) for name, dtype in frame.dtypes.items()}

        assert list(table_of(ca.Loan).column_names) == list(frame.columns)
        assert "float64" == dtypes["amount"] == dtypes["share_of_gdp"]
        assert "datetime64[s]" == dtypes["as_of_start"] == dtypes["as_of_end"]
        assert "category" == dtypes["amount_qualifier"] == dtypes["as_of_precision"]
        assert "string" == dtypes["id"] == dtypes["creditor"]
        assert ["kz", "kg", "tj", "tm", "uz"] == frame.loc[0, "debtors"]
        assert frame["as_of_precision"].cat.ordered

    def test_sums_are_exact(self) -> None:
        """Whole amounts sum exactly; shares to the exact sum within the documented precision."""
        frame = ca.loans.to_pandas()
        amounts = [loan.amount.value.amount for loan in ca.loans if loan.amount]
        shares = [loan.share_of_gdp.value for loan in ca.loans if loan.share_of_gdp]

        assert float(sum(amounts)) == frame["amount"].sum()
        assert math.isclose(sum(shares), frame["share_of_gdp"].sum(), rel_tol=len(shares) * EPSILON)

    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(strategies.figures(strategies.moneys()), min_size=1, max_size=30))
    def test_any_amounts(self, figures: list[ca.Figure[ca.Money]]) -> None:
        """Any amounts sum to their exact sum within n * 2**-53 of it, relatively."""
        base = ca.loans.get("kg-exim-2023")
        loans = ca.Collection([attrs.evolve(base, id=f"loan-{number}", amount=figure)
                               for number, figure in enumerate(figures)], ca.Loan)  # fmt: skip
        exact = sum(figure.value.amount for figure in figures)

        total = loans.to_pandas()["amount"].sum()
        assert math.isclose(exact, total, rel_tol=len(figures) * EPSILON, abs_tol=0)

    def test_empty_frame_is_typed(self) -> None:
        """A frame with no rows has every column, with its dtype."""
        frame = ca.loans[:0].to_pandas()

        assert list(table_of(ca.Loan).column_names) == list(frame.columns)
        assert "float64" == str(frame["amount"].dtype)
        assert "category" == str(frame["amount_qualifier"].dtype)

    def test_every_table(self) -> None:
        """The dataset gives every table as a frame; citations say where each loan comes from."""
        frames = ca.load().to_pandas()
        quotes = frames["citations"].query("record_kind == 'loan'")

        assert [table.name for table in tables()] == list(frames)
        assert sum(len(loan.sources) for loan in ca.loans) == len(quotes)
        assert "Int64" == str(frames["citations"]["quote_start"].dtype)

    def test_without_pandas(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without pandas, to_pandas() says which extra to install."""
        monkeypatch.setitem(sys.modules, "pandas", None)

        with pytest.raises(ImportError, match=r"centralasia\[pandas\]"):
            ca.loans.to_pandas()


class TestParquet:
    def test_exact_decimals(self, parquet: pathlib.Path) -> None:
        """Amounts and shares read back from Parquet as the exact decimals of the records."""
        import pyarrow.parquet as pq  # noqa: PLC0415

        data = pq.read_table(parquet / "loans.parquet").to_pylist()

        assert [loan.id for loan in ca.loans] == [row["id"] for row in data]
        for loan, row in zip(ca.loans, data, strict=True):
            assert (loan.amount and loan.amount.value.amount) == row["amount"]
            assert (loan.share_of_gdp and loan.share_of_gdp.value) == row["share_of_gdp"]
            assert (loan.as_of and loan.as_of.start) == row["as_of_start"]
            assert [country.id for country in loan.debtors] == row["debtors"]

    def test_schema(self, parquet: pathlib.Path) -> None:
        """Each file has its table's columns, decimals as decimal128, categories as dictionaries."""
        import pyarrow.parquet as pq  # noqa: PLC0415

        for table in tables():
            schema = pq.read_schema(parquet / f"{table.name}.parquet")
            assert list(table.column_names) == schema.names
        loans = pq.read_schema(parquet / "loans.parquet")
        assert "decimal128(38, 10)" == str(loans.field("amount").type)
        assert "dictionary<values=string, indices=int32, ordered=0>" == str(
            loans.field("amount_qualifier").type
        )
        assert loans.field("amount").metadata[b"description"].startswith(b"The amount owed")

    def test_duckdb(self, parquet: pathlib.Path) -> None:
        """DuckDB joins loans to countries and sums them by debtor as the library does."""
        duckdb = pytest.importorskip("duckdb")
        rows = duckdb.sql(f"""
            SELECT countries.name, sum(loans.amount) AS total
            FROM '{parquet / "loans.parquet"}' AS loans
            JOIN '{parquet / "countries.parquet"}' AS countries ON countries.id = loans.debtors[1]
            WHERE len(loans.debtors) = 1 AND loans.amount IS NOT NULL
            GROUP BY countries.name ORDER BY countries.name
        """).fetchall()  # noqa: S608 - our own file names
        ours: dict[str, Decimal] = {}
        for loan in ca.loans:
            if loan.debtor is not None and loan.amount is not None:
                name = loan.debtor.name
                ours[name] = ours.get(name, Decimal(0)) + loan.amount.value.amount

        assert sorted(ours.items()) == rows

    @settings(max_examples=10, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(strategies.datasets())
    def test_any_dataset(
        self, tmp_path_factory: pytest.TempPathFactory, dataset: ca.Dataset
    ) -> None:
        """Any dataset writes a file per table whose rows are the table's, figures exact."""
        pq = pytest.importorskip("pyarrow.parquet")
        folder = tmp_path_factory.mktemp("any")
        dataset.export(folder, "parquet", overwrite=True)
        measurements = pq.read_table(folder / "measurements.parquet").to_pylist()

        assert [m.value.value for m in dataset.measurements] == [r["value"] for r in measurements]
        citations = pq.read_table(folder / "citations.parquet")
        assert sum(len(m.sources) for m in dataset.measurements) == len(
            [kind for kind in citations.column("record_kind").to_pylist() if kind == "measurement"]
        )

    def test_too_precise(self, tmp_path: pathlib.Path) -> None:
        """A figure with more decimal places than Parquet's decimals hold is refused, not cut."""
        pytest.importorskip("pyarrow")
        from centralasia._arrow import write_parquet  # noqa: PLC0415
        from centralasia._export import collection_values  # noqa: PLC0415

        share = ca.Figure(Decimal("0.12345678901"))
        loan = attrs.evolve(ca.loans.get("kg-exim-2023"), share_of_gdp=share)
        table, columns = collection_values([loan], ca.Loan)

        with pytest.raises(ValueError, match=r"loans\.share_of_gdp"):
            write_parquet(table, columns, tmp_path / "loans.parquet")

    @pytest.mark.parametrize("share", ["1e-10000000", "1e-400", "5e-20"])
    def test_huge_exponent(self, tmp_path: pathlib.Path, share: str) -> None:
        """A decimal pyarrow would crash on is refused before it sees it (in a subprocess)."""
        pytest.importorskip("pyarrow")
        script = (
            "import attrs, sys, decimal, centralasia as ca\n"
            f"share = ca.Figure(decimal.Decimal({share!r}))\n"
            "loan = attrs.evolve(ca.loans.get('kg-exim-2023'), share_of_gdp=share)\n"
            "loans = {'loans': ca.Collection([loan], ca.Loan)}\n"
            "data = ca.Dataset(**(ca.load().collections | loans), seeds=ca.load().seeds)\n"
            "try:\n    data.export(sys.argv[1], 'parquet')\n"
            "except ValueError as error:\n    print(error)\n"
        )

        done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "out")],
                              capture_output=True, text=True, check=False, timeout=120)  # fmt: skip

        assert (0, "") == (done.returncode, done.stderr)
        assert "loans.share_of_gdp" in done.stdout

    def test_without_pyarrow(self, monkeypatch: pytest.MonkeyPatch, tmp_path: pathlib.Path) -> None:
        """Without pyarrow, a Parquet export names the extra and writes nothing."""
        monkeypatch.setitem(sys.modules, "pyarrow", None)

        with pytest.raises(ImportError, match=r"centralasia\[parquet\]"):
            ca.export(tmp_path / "out", "parquet")
        assert not (tmp_path / "out").exists()


class TestDependencies:
    def test_extras_are_not_dependencies(self) -> None:
        """A plain install pulls in neither pandas nor pyarrow: they are extras."""
        project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
        names = {requirement.split(">")[0].split("=")[0].split("[")[0].strip().lower()
                 for requirement in project["dependencies"]}  # fmt: skip

        assert not names & {"pandas", "pyarrow", "numpy", "duckdb", "frictionless"}
        assert ["pandas>=2.0"] == project["optional-dependencies"]["pandas"]
        assert ["pyarrow>=14"] == project["optional-dependencies"]["parquet"]
