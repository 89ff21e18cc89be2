"""
The ``centralasia`` command.

argparse, from the standard library, parses the arguments: the command needs
no dependency that ``import centralasia`` would not already have, and
``import centralasia`` never imports this module.

Output is an aligned table on a terminal, tab-separated lines when piped, and
JSON with ``--json``.  Errors are one line on standard error: exit code 1 for
a record not found or invalid data, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import enum
import json
import os
import pathlib
import shutil
import sys
import textwrap
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from centralasia._dataset import Dataset, load
from centralasia._dates import Date
from centralasia._errors import DataError, NotFound
from centralasia._export import to_dict, write_csv
from centralasia._model import Conflict, Event, Loan
from centralasia._schema import cited_articles, kind_of
from centralasia._values import Figure, Participant

EPILOG = """\
examples:
  centralasia show Kyrgyzstan                 a record, with what refers to it and its sources
  centralasia search "debt trap"              records and article passages that match
  centralasia loans --debtor kg               every debt figure for Kyrgyzstan, with sources
  centralasia timeline --from 2013 --country Kazakhstan
  centralasia conflicts                       where the sources disagree
  centralasia export --format csv --out out/  every collection as a CSV file
  centralasia validate my-dataset/            check your own dataset, listing every problem
  centralasia --json loans | jq .             any command's result as JSON
"""


def _print_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Print *rows* aligned under *headers* on a terminal, tab-separated otherwise."""
    if not sys.stdout.isatty():
        for row in (headers, *rows):
            print("\t".join(" ".join(cell.split()) for cell in row))
        return
    width = shutil.get_terminal_size().columns
    widths = [max(len(row[n]) for row in (headers, *rows)) for n in range(len(headers))]
    # The last column takes what is left, and long cells are cut to fit.
    room = max(20, width - sum(widths[:-1]) - 2 * (len(widths) - 1))
    widths[-1] = min(widths[-1], room)
    for number, row in enumerate((headers, *rows)):
        cells = [_fit(" ".join(cell.split()), size) for cell, size in zip(row, widths, strict=True)]
        print(
            "  ".join(cell.ljust(size) for cell, size in zip(cells, widths, strict=True)).rstrip()
        )
        if number == 0:
            print("  ".join("-" * size for size in widths))


def _fit(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _figure(figure: Figure[Any] | None, *, percent: bool = False) -> str:
    return "" if figure is None else figure.describe(percent=percent)


def _cell(value: object) -> str:
    """Write a field's value for a reader: records by id, enums by value."""
    if isinstance(value, tuple):
        return ", ".join(map(_cell, value))
    if isinstance(value, enum.Enum):
        return str(value.value)
    if attrs.has(type(value)) and hasattr(value, "id"):
        return str(value.id)
    if isinstance(value, Figure):
        return value.describe()
    if isinstance(value, Participant):
        return value.name + (f" ({value.role})" if value.role else "")
    return str(value)


def _sources(record: Any) -> str:
    return ", ".join(article.id for article in cited_articles(record))


#: The parts of a record's Profile that ``show`` lists.
_RELATED = ("loans", "memberships", "corridors", "events", "organizations", "finance",
            "measurements", "conflicts")  # fmt: skip


def _show(dataset: Dataset, key: str, *, as_json: bool) -> None:
    record = dataset.record(key)
    profile = dataset.about(record)
    related = {stem: [item.id for item in getattr(profile, stem)] for stem in _RELATED}
    if as_json:
        _print_json({"record": to_dict(record), "kind": kind_of(type(record)).name,
                     "related": related,
                     "articles": [article.id for article in profile.articles]})  # fmt: skip
        return
    print(f"{kind_of(type(record)).name} {record.id}")
    for attribute in attrs.fields(type(record)):
        value = getattr(record, attribute.name)
        hidden = attribute.name in {"id", "sources", "text", "bio", "spans", "bio_spans"}
        if not hidden and value not in (None, ()):
            print(f"  {attribute.name}: {_cell(value)}")
    for citation in getattr(record, "sources", ()):
        print(textwrap.fill(f"“{citation.quote}”", width=88, initial_indent="  source: ",
                            subsequent_indent="          "))  # fmt: skip
        print(f"          — {citation.article.id}")
    for stem, ids in related.items():
        if ids:
            print(f"  {stem}: {', '.join(ids)}")
    print(f"  articles: {', '.join(article.id for article in profile.articles) or '-'}")


def _search(dataset: Dataset, text: str, limit: int, *, as_json: bool) -> None:
    matches = [
        (match.score, stem, match.record, match.key)
        for stem in ("countries", "organizations", "corridors", "articles")
        for match in getattr(dataset, stem).search(text, limit=limit)
    ]
    matches.sort(key=lambda found: -found[0])
    hits = dataset.find_text(text, limit=limit)
    if as_json:
        _print_json({
            "records": [{"kind": stem, "id": record.id, "matched": key, "score": round(score, 1)}
                        for score, stem, record, key in matches[:limit]],
            "passages": [{"article": hit.article.id, "score": hit.score, "snippet": hit.snippet,
                          "start": hit.start, "end": hit.end} for hit in hits],
        })  # fmt: skip
        return
    print("Records:")
    _print_table(["score", "kind", "id", "matched"],
                 [[f"{score:.0f}", stem, record.id, key]
                  for score, stem, record, key in matches[:limit]])  # fmt: skip
    print("\nArticle passages:")
    _print_table(["score", "article", "passage"],
                 [[f"{hit.score:.2f}", hit.article.id, hit.snippet] for hit in hits])  # fmt: skip


def _loans(dataset: Dataset, arguments: argparse.Namespace, *, as_json: bool) -> None:
    given = {"debtors": arguments.debtor, "creditor": arguments.creditor,
             "lender": arguments.lender}  # fmt: skip
    # Names are resolved first: a misspelt name is an error, not an empty table.
    criteria = {
        name: (dataset.organizations if name == "lender" else dataset.countries).get(value)
        for name, value in given.items()
        if value is not None
    }
    loans: Sequence[Loan] = dataset.loans.where(**criteria)
    if as_json:
        _print_json([to_dict(loan) for loan in loans])
        return
    _print_table(
        ["id", "debtor", "lender", "as of", "amount", "% GDP", "% ext. debt", "% all debt",
         "sources"],
        [[loan.id, "+".join(c.alpha_2 for c in loan.debtors),
          loan.lender.id if loan.lender else "", str(loan.as_of or ""),
          _figure(loan.amount), _figure(loan.share_of_gdp, percent=True),
          _figure(loan.share_of_external_debt, percent=True),
          _figure(loan.share_of_total_debt, percent=True),
          _sources(loan)] for loan in loans],
    )  # fmt: skip


def _timeline(dataset: Dataset, arguments: argparse.Namespace, *, as_json: bool) -> None:
    country = None if arguments.country is None else dataset.countries.get(arguments.country)
    organization = (
        None if arguments.organization is None
        else dataset.organizations.get(arguments.organization)
    )  # fmt: skip
    events: Sequence[Event] = dataset.timeline(
        arguments.start, arguments.end, country=country, organization=organization
    )
    if as_json:
        _print_json([to_dict(event) for event in events])
        return
    _print_table(["date", "id", "what happened"],
                 [[str(event.date), event.id, event.summary] for event in events])  # fmt: skip


def _conflicts(dataset: Dataset, arguments: argparse.Namespace, *, as_json: bool) -> None:
    conflicts: Sequence[Conflict] = dataset.conflicts
    if arguments.country is not None:
        conflicts = dataset.conflicts.where(countries=dataset.countries.get(arguments.country))
    if as_json:
        _print_json([to_dict(conflict) for conflict in conflicts])
        return
    for conflict in conflicts:
        print(f"{conflict.id}: {conflict.topic}")
        print(textwrap.fill(conflict.description, width=88, initial_indent="  ",
                            subsequent_indent="  "))  # fmt: skip
        for record in conflict.records:
            sources = getattr(record, "sources", ())
            quote = sources[0].quote if sources else ""
            print(f"  - {record.id} ({_sources(record)}): “{_fit(quote, 120)}”")
        print()


def _export(dataset: Dataset, arguments: argparse.Namespace, *, as_json: bool) -> None:
    out = pathlib.Path(arguments.out)
    out.mkdir(parents=True, exist_ok=True)
    written: list[tuple[str, int]] = []
    for name, collection in dataset.collections.items():
        rows = collection.to_dicts()
        path = out / f"{name}.{arguments.format}"
        if arguments.format == "json":
            path.write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", "utf-8")
        else:
            with path.open("w", encoding="utf-8", newline="") as file:
                write_csv(rows, file)
        written.append((str(path), len(rows)))
    if as_json:
        _print_json([{"file": file, "records": count} for file, count in written])
        return
    _print_table(["file", "records"], [[file, str(count)] for file, count in written])


def _validate(path: str, *, as_json: bool) -> int:
    try:
        dataset = load(path)
    except DataError as error:
        if as_json:
            _print_json([{"file": p.file, "record": p.record, "field": p.field,
                          "message": p.message} for p in error.problems])  # fmt: skip
        else:
            for problem in error.problems:
                print(problem)
        count = len(error.problems)
        print(f"{count} problem{'s' if count != 1 else ''} in {path}", file=sys.stderr)
        return 1
    counts = {name: len(collection) for name, collection in dataset.collections.items()}
    if as_json:
        _print_json({"path": path, "valid": True, "records": counts})
    else:
        summary = ", ".join(f"{count} {stem}" for stem, count in counts.items())
        print(f"{path}: valid ({summary})")
    return 0


def _date(text: str) -> Date:
    try:
        return Date(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def parser() -> argparse.ArgumentParser:
    """Return the command's argument parser."""
    command = argparse.ArgumentParser(
        prog="centralasia",
        description="China's relations with Central Asia as a source-cited dataset.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("--json", action="store_true", help="print results as JSON")
    command.add_argument("--data", metavar="PATH",
                         help="query the dataset in PATH instead of the bundled one")  # fmt: skip
    commands = command.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, summary: str, example: str) -> argparse.ArgumentParser:
        return commands.add_parser(
            name, help=summary, description=summary, epilog=f"example:\n  {example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )  # fmt: skip

    show = add("show", "show a record by id, code, name or alias, with its sources",
               "centralasia show 'Exim Bank'")  # fmt: skip
    show.add_argument("key", metavar="ID-OR-NAME")
    search = add("search", "find records and article passages matching TEXT, ranked",
                 "centralasia search 'Shanghai Cooperation Org'")  # fmt: skip
    search.add_argument("text", metavar="TEXT")
    search.add_argument("--limit", type=int, default=5, help="results of each kind (default 5)")
    loans = add("loans", "list debt figures with their sources",
                "centralasia loans --debtor Tajikistan --creditor China")  # fmt: skip
    loans.add_argument("--debtor", help="a country owing the debt (group figures included)")
    loans.add_argument("--creditor", help="the creditor country")
    loans.add_argument("--lender", help="the lending bank or organization")
    timeline = add("timeline", "list events in date order",
                   "centralasia timeline --from 2013 --to 2022 --country kz")  # fmt: skip
    timeline.add_argument("--from", dest="start", type=_date, metavar="DATE",
                          help="EDTF date: 2013, 2013-09, 2013-09-07")  # fmt: skip
    timeline.add_argument("--to", dest="end", type=_date, metavar="DATE")
    timeline.add_argument("--country", help="only events involving this country")
    timeline.add_argument("--organization", help="only events involving this organization")
    conflicts = add("conflicts", "list where the sources disagree, with each side's quote",
                    "centralasia conflicts --country Tajikistan")  # fmt: skip
    conflicts.add_argument("--country", help="only disagreements about this country")
    export = add("export", "write every collection to DIR as JSON or CSV files",
                 "centralasia export --format csv --out exported/")  # fmt: skip
    export.add_argument("--format", choices=("json", "csv"), required=True)
    export.add_argument("--out", required=True, metavar="DIR")
    validate = add("validate", "check a dataset directory and print every problem, "
                   "with its file, record and field; exit 1 when there is one",
                   "centralasia validate my-dataset/")  # fmt: skip
    validate.add_argument("path", metavar="PATH", help="a directory in the bundled data's format")
    return command


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with *argv* (default: the process's arguments) and return its exit code."""
    arguments = parser().parse_args(argv)
    as_json: bool = arguments.json
    if arguments.command == "validate":
        return _validate(arguments.path, as_json=as_json)
    handlers: dict[str, Callable[[Dataset], None]] = {
        "show": lambda data: _show(data, arguments.key, as_json=as_json),
        "search": lambda data: _search(data, arguments.text, arguments.limit, as_json=as_json),
        "loans": lambda data: _loans(data, arguments, as_json=as_json),
        "timeline": lambda data: _timeline(data, arguments, as_json=as_json),
        "conflicts": lambda data: _conflicts(data, arguments, as_json=as_json),
        "export": lambda data: _export(data, arguments, as_json=as_json),
    }
    try:
        handlers[arguments.command](load(arguments.data))
    except NotFound as error:
        print(f"centralasia: {error}", file=sys.stderr)
        return 1
    except DataError as error:
        count = len(error.problems)
        print(f"centralasia: {arguments.data} is not a valid dataset ({count} problem"
              f"{'s' if count != 1 else ''}; run 'centralasia validate {arguments.data}')",
              file=sys.stderr)  # fmt: skip
        return 1
    except BrokenPipeError:  # pragma: no cover - `centralasia loans | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except OSError as error:
        print(f"centralasia: {error.strerror or error}: {error.filename or ''}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
