"""
Benchmark centralasia against the libraries users reach for today, side by side.

Run from a checkout, after the README's test setup::

    python -m pip install --group bench && python bench/run.py

It measures, in one run on this machine, medians of several repetitions:

- process start-up: ``python -c pass``, importing attrs, centralasia, pycountry,
  iso3166, a whole "import and look up Kyrgyzstan" process for each, and the
  floor (Python, attrs and the model's classes, with no data read);
- in-process lookups: ``get`` by id, code and name, fuzzy search and full-text
  search, against pycountry's ``get``/``lookup``/``search_fuzzy`` and a dict,
  and the recall of the labelled queries (``tests/queries.json``);
- loading a generated dataset of 10,000 and 100,000 loans with citations,
  against ``json.loads`` of the same files, and the memory each loan retains;
- filtering those loans by debtor through the index, against a scan;
- exporting the bundled data to every format, and 100,000 generated loans to
  Parquet, SQLite and DuckDB, against pandas' own ``to_parquet`` and ``to_sql`` of the
  same tables (the loans and their citations).

It prints a table with the targets of issues 8 and 26 and writes it to
``bench/results/latest.md``.  Figures are noisy: compare ratios within a run.
"""

from __future__ import annotations

import gc
import json
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
import tracemalloc
from collections.abc import Callable
from typing import TYPE_CHECKING

import centralasia as ca

if TYPE_CHECKING:
    from centralasia._formats import Format as ExportFormat

RESULTS = pathlib.Path(__file__).parent / "results"
#: The labelled queries: what a reader asks and the records they expect among the first.
QUERIES = pathlib.Path(__file__).parent.parent / "tests" / "queries.json"
#: How many results a reader looks at: recall is counted among the first RECALL_AT.
RECALL_AT = 5
#: Issue 8's in-process targets, in µs.
GET_TARGET_US, FUZZY_TARGET_US, TEXT_TARGET_US = 2, 100, 1000
ROWS: list[tuple[str, str, str, str]] = []


def row(what: str, ours: str, baseline: str, note: str = "") -> None:
    """Record and print one line of the table."""
    ROWS.append((what, ours, baseline, note))
    print(f"{what:<52} {ours:>14} {baseline:>32}  {note}")


def verdict(measured: float, target: float) -> str:
    """Say whether *measured* is under *target* (both in µs)."""
    return f"target < {target} µs: " + ("met" if measured < target else "missed")


def process_ms(code: str, runs: int = 15) -> float:
    """Return the median wall time, in ms, of a fresh ``python -c CODE`` process."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def per_call_us(call: Callable[[], object], number: int = 2000, repeat: int = 7) -> float:
    """Return the best time of one call, in µs (timeit's convention)."""
    return min(timeit.repeat(call, number=number, repeat=repeat)) / number * 1e6


def seconds_with_gc(call: Callable[[], object], repeat: int = 3) -> float:
    """Return the median time of *call*, in s, with the garbage collector on, as in real use."""
    return statistics.median(timeit.repeat(call, setup="gc.enable()", number=1, repeat=repeat,
                                           globals={"gc": gc}))  # fmt: skip


def startup() -> None:
    """Process-level figures: import costs and a whole lookup process."""
    bare = process_ms("pass")
    attrs_ms = process_ms("import attrs")
    ours = process_ms("import centralasia")
    row("python -c pass (ms)", f"{bare:.1f}", "", "")
    row("import centralasia vs import attrs (ms)", f"{ours:.1f}", f"attrs {attrs_ms:.1f}",
        f"{ours - attrs_ms:+.1f} ms against attrs (target: at most a few ms more)")  # fmt: skip
    try:
        pycountry_import = process_ms("import pycountry")
    except subprocess.CalledProcessError:
        pycountry_import = float("nan")
    row("import pycountry (ms)", "", f"{pycountry_import:.1f}", "")
    lookup = process_ms("import centralasia as ca; ca.countries.get('KG')")
    peer = process_ms("import pycountry; pycountry.countries.get(alpha_2='KG')")
    iso = process_ms("from iso3166 import countries; countries.get('KG')")
    row("process: import + get Kyrgyzstan (ms)", f"{lookup:.1f}",
        f"pycountry {peer:.1f}, iso3166 {iso:.1f}",
        f"{lookup / peer:.2f}x pycountry (target <= 1.1)")  # fmt: skip
    # The floor: Python, attrs and the model's classes, with no data read.
    floor = process_ms("import centralasia as ca; ca.Loan")
    row("floor: import + the model's classes, no data (ms)", f"{floor:.1f}",
        f"pycountry {peer:.1f}", f"lookup process {lookup / floor:.2f}x the floor, "
        f"the floor {floor / peer:.2f}x pycountry")  # fmt: skip


def lookups() -> None:
    """In-process lookups, fuzzy search and text search."""
    import pycountry  # noqa: PLC0415 - a peer, installed for the benchmark only

    ca.countries.get("kg")  # build the indexes first
    plain = {"kg": 1}
    for key in ("kg", "KGZ", "Kyrgyz Republic"):

        def get(key: str = key) -> ca.Country:
            return ca.countries.get(key)

        ours = per_call_us(get)
        row(f"get({key!r}) (µs)", f"{ours:.2f}",
            f"dict {per_call_us(lambda: plain.get('kg')):.3f}",
            verdict(ours, GET_TARGET_US))  # fmt: skip
    row("pycountry get(alpha_2='KG') / lookup('Kyrgyzstan') (µs)", "",
        f"{per_call_us(lambda: pycountry.countries.get(alpha_2='KG')):.2f} / "
        f"{per_call_us(lambda: pycountry.countries.lookup('Kyrgyzstan')):.2f}")  # fmt: skip
    fuzzy = per_call_us(lambda: ca.countries.search("Kirgizstan"), number=200)

    def peer_fuzzy() -> object:
        try:
            return pycountry.countries.search_fuzzy("Kirgizstan")
        except LookupError:
            return None

    found = "finds nothing" if peer_fuzzy() is None else "finds it"
    row("fuzzy search 'Kirgizstan' (µs)", f"{fuzzy:.1f}",
        f"pycountry {per_call_us(peer_fuzzy, number=5, repeat=3):.0f} ({found})",
        verdict(fuzzy, FUZZY_TARGET_US))  # fmt: skip
    ca.find_text("debt")
    text = per_call_us(lambda: ca.find_text("debt trap"), number=200)
    common = per_call_us(lambda: ca.find_text("china"), number=200)
    row("full-text 'debt trap' / 'china' (µs)", f"{text:.0f} / {common:.0f}", "",
        verdict(max(text, common), TEXT_TARGET_US))  # fmt: skip
    figure, missed = recall(ca.load())
    count = len(json.loads(QUERIES.read_text(encoding="utf-8")))
    row(f"recall of {count} labelled queries, first {RECALL_AT}", f"{figure:.3f}", "",
        f"{len(missed)} miss a record")  # fmt: skip


def answers(dataset: ca.Dataset, query: str, where: str) -> list[ca.Record]:
    """Return the first RECALL_AT records that a search *where* gives for *query*."""
    if where == "records":
        return [match.record for match in dataset.search(query, RECALL_AT)]
    if where == "articles":
        return [match.record for match in dataset.articles.search(query, RECALL_AT)]
    return [hit.article for hit in dataset.find_text(query, RECALL_AT)]


def recall(dataset: ca.Dataset) -> tuple[float, list[str]]:
    """
    Return the labelled queries' mean recall and the queries that missed an expected record.

    Each query's recall is the share of its expected records (collection and
    id, such as ``"loans:kg-exim-2023"``) among its first RECALL_AT answers; the figure
    is their mean over the queries.
    """
    queries = json.loads(QUERIES.read_text(encoding="utf-8"))
    shares, missed = [], []
    for entry in queries:
        got = answers(dataset, entry["query"], entry["in"])
        expected = [
            dataset.collections[collection].get(key)
            for collection, _, key in (label.partition(":") for label in entry["expected"])
        ]
        share = sum(record in got for record in expected) / len(expected)
        shares.append(share)
        if share < 1:
            missed.append(entry["query"])
    return statistics.fmean(shares), missed


def generate(directory: pathlib.Path, loans: int) -> None:
    """Write a valid dataset of *loans* loans, each citing a quote of one article."""
    bundled = ca.load()
    bundled.dump(directory)  # articles, countries, organizations and seeds to cite
    countries = ["kz", "kg", "tj", "tm", "uz"]
    lenders = [None, "china-exim-bank", "china-development-bank"]
    qualifiers = [qualifier.value for qualifier in ca.Qualifier]
    quotes = [
        citation.quote for loan in bundled.loans for citation in loan.sources
        if citation.article.id == "kaleji-debt-trap"
    ]  # fmt: skip
    records = [
        {
            "id": f"loan-{number}",
            "debtors": [countries[number % 5]],
            "creditor": "cn",
            "lender": lenders[number % 3],
            "description": "generated figure",
            "as_of": f"{2000 + number % 24}-{1 + number % 12:02d}",
            "amount": {
                "value": {"amount": str(1_000_000 + number), "currency": "USD"},
                "qualifier": qualifiers[number % len(qualifiers)],
            },
            "share_of_gdp": {"value": f"0.{number % 1000:03d}", "qualifier": "exact"},
            "sources": [{"article": "kaleji-debt-trap", "quote": quotes[number % len(quotes)]}],
        }
        for number in range(loans)
    ]
    (directory / "loans.json").write_text(json.dumps(records), encoding="utf-8")
    for stem in ("conflicts",):  # they name bundled loans, which are replaced
        (directory / f"{stem}.json").write_text("[]", encoding="utf-8")


def loading() -> None:
    """Load generated datasets; compare with json.loads; check linearity and memory."""
    timings = {}
    root = pathlib.Path(tempfile.mkdtemp(prefix="centralasia-bench-"))
    try:
        for size in (10_000, 100_000):
            directory = root / str(size)
            generate(directory, size)
            files = sorted(directory.glob("*.json"))

            def parse(files: list[pathlib.Path] = files) -> None:
                for path in files:
                    json.loads(path.read_bytes())

            parse_s = seconds_with_gc(parse)

            def load(directory: pathlib.Path = directory) -> ca.Dataset:
                return ca.load(directory)

            load_s = seconds_with_gc(load)
            timings[size] = load_s
            row(f"load {size:,} loans (s)", f"{load_s:.2f}", f"json.loads {parse_s:.2f}",
                f"{load_s / parse_s:.1f}x json.loads (target <= 4)")  # fmt: skip
        ratio = timings[100_000] / timings[10_000]
        row("10x the loans costs (x the time)", f"{ratio:.1f}", "", "target <= 11")
        gc.collect()
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        dataset = ca.load(root / "100000")
        retained = (tracemalloc.get_traced_memory()[0] - before) / len(dataset.loans)
        tracemalloc.stop()
        row("memory retained per loan (bytes)", f"{retained:.0f}", "", "target <= 1024")
        debtor = dataset.countries.get("kg")
        indexed = per_call_us(lambda: dataset.loans.where(debtor=debtor), number=5, repeat=3)
        scan = per_call_us(lambda: [loan for loan in dataset.loans if loan.debtor is debtor],
                           number=5, repeat=3)  # fmt: skip
        row("where(debtor=...) over 100,000 loans (ms)", f"{indexed / 1000:.1f}",
            f"list scan {scan / 1000:.1f}")  # fmt: skip
    finally:
        shutil.rmtree(root, ignore_errors=True)


def exports() -> None:
    """Export the bundled data to every format, and 100,000 loans beside pandas' writers."""
    import importlib.util  # noqa: PLC0415

    if not all(importlib.util.find_spec(name) for name in ("pandas", "pyarrow", "duckdb")):
        row("exports", "", "", "skipped: needs pandas, pyarrow and duckdb (pip install --group "
            "bench)")  # fmt: skip
        return
    import sqlite3  # noqa: PLC0415

    root = pathlib.Path(tempfile.mkdtemp(prefix="centralasia-bench-"))
    try:
        bundled = ca.load()
        formats: tuple[ExportFormat, ...] = ("json", "csv", "excel-csv", "datapackage", "parquet",
                                             "sqlite", "duckdb")  # fmt: skip

        def every_format() -> None:
            for form in formats:
                bundled.export(root / "bundled" / form, form, overwrite=True)

        every_format()  # imports pyarrow once, as a first export would
        row("export the bundled data to every format (s)", f"{seconds_with_gc(every_format):.2f}",
            "", "target < 1 s")  # fmt: skip
        generate(root / "data", 100_000)
        dataset = ca.load(root / "data")
        frames = seconds_with_gc(dataset.loans.to_pandas)
        row("100,000 loans: Collection.to_pandas() (s)", f"{frames:.2f}", "", "records to frame")
        tables = dataset.to_pandas()
        grown = {name: tables[name] for name in ("loans", "citations")}  # what grows with loans

        def pandas_parquet() -> None:
            for name, frame in grown.items():
                frame.to_parquet(root / f"pandas-{name}.parquet", compression="zstd")

        def pandas_sql() -> None:
            database = sqlite3.connect(root / "pandas.db")
            for name, frame in grown.items():
                listed = [column for column in frame if frame[column].dtype == object]
                plain = frame.assign(**{column: frame[column].map(json.dumps) for column in listed})
                plain.to_sql(name, database, if_exists="replace", index=False)
            database.close()

        ours = seconds_with_gc(lambda: dataset.export(root / "parquet", "parquet", overwrite=True))
        theirs = seconds_with_gc(pandas_parquet)
        row("100,000 loans: export to Parquet (s)", f"{ours:.2f}",
            f"pandas to_parquet {theirs:.2f}", f"{ours / theirs:.1f}x, every table from records; "
            "pandas writes loans and citations from frames")  # fmt: skip
        ours = seconds_with_gc(lambda: dataset.export(root / "ca.db", "sqlite", overwrite=True))
        theirs = seconds_with_gc(pandas_sql)
        row("100,000 loans: export to SQLite (s)", f"{ours:.2f}", f"pandas to_sql {theirs:.2f}",
            f"{ours / theirs:.1f}x, with keys and full-text indexes")  # fmt: skip
        ours = seconds_with_gc(lambda: dataset.export(root / "ca.duckdb", "duckdb", overwrite=True))
        row("100,000 loans: export to DuckDB (s)", f"{ours:.2f}", "",
            "one database, every table with its keys")  # fmt: skip
        sizes = {
            "Parquet": sum(path.stat().st_size for path in (root / "parquet").iterdir()),
            "SQLite": (root / "ca.db").stat().st_size,
            "DuckDB": (root / "ca.duckdb").stat().st_size,
        }
        row("100,000 loans: size of Parquet / SQLite / DuckDB (MB)",
            " / ".join(f"{size / 1e6:.1f}" for size in sizes.values()), "", "")  # fmt: skip
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main() -> None:
    """Run every measurement and write the table."""
    print(f"centralasia {ca.__version__}, Python {sys.version.split()[0]}\n")
    print(f"{'measure':<52} {'centralasia':>14} {'baseline':>32}  verdict")
    startup()
    lookups()
    loading()
    exports()
    RESULTS.mkdir(exist_ok=True)
    lines = ["| measure | centralasia | baseline | verdict |", "| --- | ---: | ---: | --- |"]
    lines += [f"| {what} | {ours} | {baseline} | {note} |" for what, ours, baseline, note in ROWS]
    (RESULTS / "latest.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"\nTable written to {RESULTS / 'latest.md'}")


if __name__ == "__main__":
    main()
