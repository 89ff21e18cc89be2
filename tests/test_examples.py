"""Every example script runs, says what it did, and shows where its figures come from."""

from __future__ import annotations

import pathlib
import subprocess
import sys

import pytest

import centralasia as ca
from centralasia import _words as words

EXAMPLES = pathlib.Path(__file__).parent.parent / "examples"
PNG = b"\x89PNG\r\n\x1a\n"


def run(name: str, *argv: str) -> str:
    """Run examples/NAME.py and return what it printed; fail on a non-zero exit."""
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / f"{name}.py"), *argv],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert 0 == result.returncode, result.stderr
    return result.stdout


def flat(text: str) -> str:
    return " ".join(text.split())


def test_every_example_is_tested() -> None:
    """Each script in examples/ has a test here."""
    tested = {"tour", "debt", "timeline", "corridors", "conflicts", "own_data", "duckdb_parquet"}
    assert tested == {path.stem for path in EXAMPLES.glob("*.py")}
    assert {"tour.ipynb"} == {path.name for path in EXAMPLES.glob("*.ipynb")}


def test_tour_notebook() -> None:
    """The notebook runs, each record shown as HTML linked to its page and as short text."""
    # The test group installs both; a development environment made before may lack them.
    nbformat = pytest.importorskip("nbformat", reason="nbclient, of the test group, brings it")
    nbclient = pytest.importorskip("nbclient", reason="the test group's nbclient runs it")
    notebook = nbformat.read(EXAMPLES / "tour.ipynb", as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells)  # committed without outputs
    nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3").execute()
    shown = {
        cell.source.splitlines()[-1]: output["data"]
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output["output_type"] == "execute_result"
    }
    loan = ca.loans.get("kg-exim-2023")
    conflict = ca.conflicts.get("kg-debt-to-china")
    profile = ca.about("kg")

    assert all(output["output_type"] != "error" for cell in notebook.cells
               for output in cell.get("outputs", []))  # fmt: skip
    assert loan._repr_html_() == shown['ca.loans.get("kg-exim-2023")']["text/html"]
    assert (
        f"loan {loan.id}: {words.label(loan)}"
        in shown['ca.loans.get("kg-exim-2023")']["text/plain"]
    )
    assert (
        ca.loans.where(debtors="kg")._repr_html_()
        == shown['ca.loans.where(debtors="kg")']["text/html"]
    )
    assert profile._repr_html_() == shown['ca.about("kg")']["text/html"]
    assert all(ca.address(side) in shown['ca.conflicts.get("kg-debt-to-china")']["text/html"]
               for side in conflict.records)  # fmt: skip
    assert (
        ca.address(ca.search("debt trap")[0].record)
        in shown['ca.search("debt trap")[0]']["text/html"]
    )
    assert (
        ca.find_text("debt trap")[0].snippet in shown['ca.find_text("debt trap")[0]']["text/plain"]
    )


def test_tour() -> None:
    """The tour quotes every debt figure's source."""
    out = flat(run("tour"))
    for loan in ca.loans:
        assert flat(loan.sources[0].quote) in out


def test_debt(tmp_path: pathlib.Path) -> None:
    """The debt picture lists each country's figures with their quotes, and draws them."""
    out = flat(run("debt", "--out", str(tmp_path)))

    for country in ("kz", "kg", "tj", "uz"):
        for loan in ca.loans.where(debtor=country, creditor="cn"):
            for citation in loan.sources:
                assert flat(citation.quote) in out, loan.id
    # Every conflict over a figure it shows; conflicts about these countries that name no
    # debt figure (China or Russia as main partner) are not its subject.
    shown = {loan.id for country in ("kz", "kg", "tj", "uz")
             for loan in ca.loans.where(debtor=country, creditor="cn")}  # fmt: skip
    for conflict in ca.conflicts:
        if shown & {loan.id for loan in conflict.of(ca.Loan)}:
            assert f"Disputed ({conflict.topic})" in out
    chart = tmp_path / "debt.png"
    assert f"Chart written to {chart}" in out
    assert chart.read_bytes().startswith(PNG)


def test_timeline(tmp_path: pathlib.Path) -> None:
    """The timeline prints the window's events in date order, and draws them."""
    out = run("timeline", "--from", "2013", "--country", "Kazakhstan", "--out", str(tmp_path))
    events = ca.timeline("2013", country="kz")
    lines = [line for line in out.splitlines() if line[:4].isdigit()]

    assert [(event.date.edtf, event.summary) for event in events] == [
        (line.split()[0], line.split(")", 1)[1].split("  [")[0].strip()) for line in lines
    ]
    assert (tmp_path / "timeline.png").read_bytes().startswith(PNG)


def test_corridors() -> None:
    """Every corridor is listed with its route and sources; a country narrows the list."""
    out = flat(run("corridors"))
    for corridor in ca.corridors:
        route = " → ".join(country.name for country in corridor.countries)
        assert f"{corridor.name}: {route}" in out

    through = flat(run("corridors", "Uzbekistan"))
    assert f"Routes through Uzbekistan: {len(ca.corridors.where(countries='uz'))}" in through


def test_conflicts() -> None:
    """Each disagreement is printed with every side's quote."""
    out = flat(run("conflicts"))
    for conflict in ca.conflicts:
        assert f"== {conflict.topic} ({conflict.id})" in out
        for record in conflict.records:
            assert not isinstance(record, ca.Article | ca.Country | ca.Conflict)  # a claim
            assert flat(record.sources[0].quote) in out


def test_own_data(tmp_path: pathlib.Path) -> None:
    """A user's article and figure are refused while wrong, then load beside ours."""
    out = run("own_data", "--out", str(tmp_path))

    assert "field amount.value.amount" in out
    assert f"{len(ca.loans) + 1} loans ({len(ca.loans)} bundled, 1 of yours)" in out
    mine = ca.load(tmp_path / "my-dataset")
    assert "my-field-notes" == mine.loans.get("kg-cn-my-notes-2024-03").sources[0].article.id


def test_duckdb_parquet(tmp_path: pathlib.Path) -> None:
    """DuckDB's sums over the Parquet files equal the library's, and each figure is quoted."""
    pytest.importorskip("duckdb")
    pytest.importorskip("pyarrow")
    out = flat(run("duckdb_parquet", "--out", str(tmp_path)))

    assert "DuckDB's answer equals the library's own, exactly: True" in out
    assert len(list((tmp_path / "parquet").glob("*.parquet"))) > len(ca.load().collections)
    for loan in ca.loans.where(debtors="kg"):
        if loan.debtor is not None and loan.amount is not None:
            assert flat(loan.sources[0].quote) in out
