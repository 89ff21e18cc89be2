"""
Your own data: add an article and a figure of your own, validate them, and query them with ours.

A dataset is a directory of JSON files and a ``seeds/`` folder of source
texts.  This example starts from a copy of the bundled dataset, adds a seed
text, an article traced to its lines and a debt figure quoting it, checks the
directory with ``ca.load`` (what ``centralasia validate DIR`` does), and then
queries the bundled data and yours side by side.  It also shows what a
mistake looks like: every problem, with its file, record and field.

Run it with ``python examples/own_data.py [--out DIR]``.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import shutil
from typing import Any

import centralasia as ca

OUTPUT = pathlib.Path(__file__).parent / "output"

MY_SEED = """\
My field notes, Bishkek
In March 2024 a ministry official told me the country owed China about US$ 4.1 billion.
"""

MY_ARTICLE: dict[str, Any] = {
    "id": "my-field-notes",
    "seed": "my-notes.txt",
    "spans": [[1, 2]],
    "title": "My field notes, Bishkek",
    "authors": ["A. Researcher"],
}

MY_LOAN: dict[str, Any] = {
    "id": "kg-cn-my-notes-2024-03",
    "debtors": ["kg"],
    "creditor": "cn",
    "description": "debt to China, as an official put it",
    "as_of": "2024-03",
    "amount": {"value": {"amount": "4100000000", "currency": "USD"}, "qualifier": "approximate"},
    "sources": [{"article": "my-field-notes",
                 "quote": "the country owed China about US$ 4.1 billion"}],
}  # fmt: skip


def append(directory: pathlib.Path, stem: str, record: dict[str, object]) -> None:
    """Add *record* to the JSON array in ``directory/stem.json``."""
    path = directory / f"{stem}.json"
    records = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps([*records, record], ensure_ascii=False, indent=2), "utf-8")


def main() -> None:
    """Build the directory, show a refused mistake, then load and query it."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].strip())
    parser.add_argument(
        "--out", type=pathlib.Path, default=pathlib.Path(__file__).parent / "output"
    )
    directory = parser.parse_args().out / "my-dataset"
    shutil.rmtree(directory, ignore_errors=True)
    ca.load().dump(directory)  # the bundled data, as files
    (directory / "seeds" / "my-notes.txt").write_text(MY_SEED, encoding="utf-8")
    append(directory, "articles", MY_ARTICLE)
    mistake = {"value": {"amount": "4.1 billion", "currency": "USD"}, "qualifier": "approximate"}
    append(directory, "loans", {**MY_LOAN, "amount": mistake})
    print(f"Wrote a dataset to {directory}, with a mistake in it. Loading it says:")
    try:
        ca.load(directory)
    except ca.DataError as error:
        for problem in error.problems:
            print(f"  {problem}")

    loans = json.loads((directory / "loans.json").read_text(encoding="utf-8"))
    (directory / "loans.json").write_text(json.dumps([*loans[:-1], MY_LOAN], indent=2), "utf-8")
    mine = ca.load(directory)
    print(f"\nFixed, it loads: {len(mine.loans)} loans ({len(ca.loans)} bundled, 1 of yours).")

    print("\nKyrgyzstan's debt to China, every figure, bundled and yours:")
    for loan in mine.loans.where(debtor="kg", creditor="cn").sort_by("as_of"):
        source = loan.sources[0].article
        amount = loan.amount.describe() if loan.amount else "-"
        when = loan.as_of.words if loan.as_of else "undated"
        print(f"  {when:<10} {amount:<28} {source.id}")
    print(f"\nYour figure's quote: “{mine.loans.get(MY_LOAN['id']).sources[0].quote}”")


if __name__ == "__main__":
    main()
