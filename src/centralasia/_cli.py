"""
The ``centralasia`` command.

argparse, from the standard library, parses the arguments: the command needs
no dependency that ``import centralasia`` would not already have, and
``import centralasia`` never imports this module.

Output is an aligned table on a terminal, tab-separated lines when piped, and
JSON with ``--json``; tables give dates and figures in words.  Errors are one
line on standard error: exit code 1 for a record not found or invalid data, 2
for a usage error.  What a listing shows of each kind is derived from the
schema and the record classes (:func:`_columns`), so a new kind lists itself.
"""

from __future__ import annotations

import argparse
import enum
import json
import os
import shutil
import sys
import textwrap
import types
import typing
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any

import attrs

from centralasia import _words as words
from centralasia._bundled import load
from centralasia._collection import Collection
from centralasia._dataset import Dataset, is_package_data
from centralasia._dates import Date
from centralasia._errors import DataError, NotFound, cut, tally
from centralasia._export import export as export_dataset
from centralasia._export import to_dict
from centralasia._formats import FORMATS
from centralasia._model import Conflict, Event, Loan
from centralasia._schema import KINDS, Kind, cited_articles, kind_named, kind_of, references
from centralasia._values import Figure, Money

EPILOG = """\
examples:
  centralasia show Kyrgyzstan                 a record, with what refers to it and its sources
  centralasia search "debt trap"              records and article passages that match
  centralasia loans --debtor kg --sources     every debt figure for Kyrgyzstan, with its quote
  centralasia loans --rank share_of_gdp       the largest shares of GDP first
  centralasia corridors                       any kind of record as a table (see 'list')
  centralasia timeline --from 2013 --country Kazakhstan
  centralasia conflicts                       where the sources disagree
  centralasia export --format csv --out out/  every table as a CSV file
  centralasia cite kg-exim-2023               a record's quotes with their articles, to paste
  centralasia validate my-dataset/            check your own dataset, the causes first
  centralasia loans --json | jq .             any command's result as JSON

--json and --data PATH may be given before or after the command.

exit status:
  0  success
  1  no record matches a name, the dataset has problems, or the output cannot be written
  2  a usage error: an unknown option, kind, field or value, a date that is
     not EDTF, a window that ends before it begins, a --limit under 1
"""


class UsageError(Exception):
    """A request the command cannot carry out as asked: one line, exit code 2."""


def _positive(text: str) -> int:
    """Read a count of at least 1 (``--limit -1`` is a usage error, exit code 2)."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        msg = f"expected a whole number of at least 1, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return number


def _replacing(stream: object) -> None:
    """Make *stream* replace what its encoding cannot write (an ASCII terminal), not raise."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")


# Output ---------------------------------------------------------------------


def _print_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    notes: Sequence[Sequence[str]] = (),
) -> None:
    """
    Print *rows* aligned under *headers* on a terminal, tab-separated otherwise.

    *notes*, if given, holds for each row the lines printed, indented, under it.
    """
    terminal = sys.stdout.isatty()
    width = shutil.get_terminal_size().columns
    if terminal:
        widths = [max(len(row[n]) for row in (headers, *rows)) for n in range(len(headers))]
        # The last column takes what is left, and long cells are cut to fit.
        room = max(20, width - sum(widths[:-1]) - 2 * (len(widths) - 1))
        widths[-1] = min(widths[-1], room)
    for number, row in enumerate((headers, *rows)):
        cells = [" ".join(cell.split()) for cell in row]
        if not terminal:
            print("\t".join(cells))
        else:
            fitted = [_fit(cell, size) for cell, size in zip(cells, widths, strict=True)]
            print("  ".join(c.ljust(size) for c, size in zip(fitted, widths, strict=True)).rstrip())
            if number == 0:
                print("  ".join("-" * size for size in widths))
        for note in notes[number - 1] if notes and number else ():
            if terminal:
                wrapped = textwrap.wrap(note, width=max(40, width - 6), break_on_hyphens=False)
                print("    " + "\n      ".join(wrapped))
            else:
                print("    " + " ".join(note.split()))


def _fit(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _sources(record: Any) -> str:
    return ", ".join(article.id for article in cited_articles(record))


def _source_notes(record: Any) -> list[str]:
    """Return the lines ``--sources`` prints under a record: its quotes, then its inferences."""
    notes = [words.value(citation) for citation in getattr(record, "sources", ())]
    return notes + [words.value(inference) for inference in getattr(record, "inferred", ())]


def _source_dicts(record: Any) -> list[dict[str, str | None]]:
    return [
        {"article": citation.article.id, "title": citation.article.title,
         "quote": citation.quote}
        for citation in getattr(record, "sources", ())
    ]  # fmt: skip


# What a listing shows of each kind ------------------------------------------

Column = tuple[str, Callable[[Any], str]]


def _hints(cls: type[Any]) -> dict[str, Any]:
    """Return the type of each field of *cls*: ``X | None`` as ``X``, ``G[X]`` as ``G``."""
    hints = {}
    for name, hint in typing.get_type_hints(cls).items():
        bare = hint
        if typing.get_origin(hint) in {typing.Union, types.UnionType}:
            given = [member for member in typing.get_args(hint) if member is not type(None)]
            bare = given[0] if len(given) == 1 else hint
        hints[name] = typing.get_origin(bare) or bare
    return hints


def _field_column(name: str) -> Column:
    return name, lambda record: words.field(record, name)


def _columns(kind: Kind[Any]) -> list[Column]:
    """
    Return the columns that list records of *kind*: header and how to write a cell.

    In order: the id; the dates, in words; the codes the kind is found by
    (the keys before its name); kinds and roles; the records it refers to,
    by id; its figures, qualifiers in words; the articles it cites; and what
    it is, in words.
    """
    cls = kind.cls
    hints = _hints(cls)
    names = [attribute.name for attribute in attrs.fields(cls)]
    label = kind.label
    referring = {reference.field for reference in references(cls)}
    columns: list[Column] = [_field_column("id")]
    columns += [_field_column(name) for name in names if hints[name] is Date]
    columns += [_field_column(name) for name in kind.codes]
    columns += [
        _field_column(name)
        for name in names
        if isinstance(hints[name], type) and issubclass(hints[name], enum.Enum)
    ]
    columns += [_field_column(name) for name in names if name in referring]
    columns += [_field_column(name) for name in names if hints[name] is Figure]
    if "sources" in names:
        columns.append(("sources", _sources))
    if label is not None:
        columns.append(_field_column(label))
    return [(header.replace("_", " "), write) for header, write in columns]


def _rankable(cls: type[Any]) -> list[str]:
    """Return the fields of *cls* that hold a number or an amount, so rank records."""
    hints = _hints(cls)
    return [
        attribute.name
        for attribute in attrs.fields(cls)
        if hints[attribute.name] in {Figure, Money, Decimal, int, float}
    ]


def _ranked(records: Collection[Any], field: str | None) -> Collection[Any]:
    """Return *records* ranked by *field*, largest first, or as they are without one."""
    if field is None:
        return records
    kind = kind_of(records.record_type)
    valid = _rankable(kind.cls)
    if field not in valid:
        if not valid:
            msg = f"{kind.collection} have no figures to rank by (--rank {field})"
        else:
            msg = f"cannot rank {kind.collection} by {field!r}; rank by one of: {', '.join(valid)}"
        raise UsageError(msg)
    try:
        return records.rank(field)
    except ValueError as error:  # amounts in several currencies
        msg = f"cannot rank {kind.collection} by {field}: {error}"
        raise UsageError(msg) from None


def _filtered(
    dataset: Dataset, records: Collection[Any], criteria: Iterable[tuple[str, str]]
) -> Collection[Any]:
    """
    Return the *records* whose fields match every ``(field, value)`` criterion.

    A value given for a field that refers to records is first resolved to one,
    so a misspelt name is an error with suggestions, never an empty table.
    """
    cls = records.record_type
    targets = {reference.field: reference.targets for reference in references(cls)}
    for field, value in criteria:
        kinds = targets.get(field)
        wanted: object = value
        if kinds is not None and len(kinds) == 1:
            wanted = dataset.collections[kinds[0].collection].get(value)
        elif kinds is not None:
            wanted = dataset.record(value)
        try:
            records = records.where(**{field: wanted})
        except TypeError as error:
            msg = f"--where {field}={value}: {error}"
            raise UsageError(msg) from None
    return records


def _listing(
    records: Collection[Any], columns: Sequence[Column], arguments: argparse.Namespace
) -> None:
    """Print *records* as JSON or as a table of *columns*, each with its sources if asked."""
    with_sources: bool = getattr(arguments, "sources", False)
    if _json(arguments):
        _print_json([to_dict(record) for record in records])
        return
    _print_table(
        [header for header, _ in columns],
        [[write(record) for _, write in columns] for record in records],
        [_source_notes(record) for record in records] if with_sources else (),
    )


# Subcommands ----------------------------------------------------------------


def _json(arguments: argparse.Namespace) -> bool:
    return bool(getattr(arguments, "json", False))


def _show(dataset: Dataset, arguments: argparse.Namespace) -> None:
    record = dataset.record(arguments.key)
    profile = dataset.about(record)
    parts = words.parts(profile, empty=True)
    if _json(arguments):
        related = {name: [item.id for item in part] for name, part in parts if name != "articles"}
        _print_json({"record": to_dict(record), "kind": kind_of(type(record)).name,
                     "label": words.label(record), "related": related,
                     "articles": [article.id for article in profile.articles]})  # fmt: skip
        return
    print(f"{kind_of(type(record)).name} {record.id}")
    shown = list(words.shown_fields(record))
    if all(getattr(record, name) != words.label(record) for name in shown):
        print(f"  label: {words.label(record)}")  # an untitled article's one name
    for name in shown:
        print(f"  {name}: {words.field(record, name)}")
    for citation in getattr(record, "sources", ()):
        print(textwrap.fill(f"“{citation.quote}”", width=88, initial_indent="  source: ",
                            subsequent_indent="          ", break_on_hyphens=False))  # fmt: skip
        print(f"          — {citation.article.id}")
    for inference in getattr(record, "inferred", ()):
        print(textwrap.fill(words.value(inference), width=88, initial_indent="  inferred: ",
                            subsequent_indent="            ", break_on_hyphens=False))  # fmt: skip
    for name, part in parts:
        if part or name == "articles":
            print(f"  {name}: {', '.join(item.id for item in part) or '-'}")


def _search(dataset: Dataset, arguments: argparse.Namespace) -> None:
    limit: int = arguments.limit
    matches = [
        (match.score, kind_of(type(match.record)).name, match.record, match.key)
        for match in dataset.search(arguments.text, limit=limit)
    ]
    hits = dataset.find_text(arguments.text, limit=limit)
    if _json(arguments):
        records = [
            {"kind": kind, "id": record.id, "matched": key, "score": round(score, 1)}
            | ({"sources": _source_dicts(record)} if arguments.sources else {})
            for score, kind, record, key in matches
        ]
        _print_json({
            "records": records,
            "passages": [{"article": hit.article.id, "score": hit.score, "snippet": hit.snippet,
                          "start": hit.start, "end": hit.end} for hit in hits],
        })  # fmt: skip
        return
    print("Records:")
    _print_table(
        ["score", "kind", "id", "matched"],
        [[f"{score:.0f}", kind, record.id, key] for score, kind, record, key in matches],
        [_source_notes(record) for _, _, record, _ in matches] if arguments.sources else (),
    )
    print("\nArticle passages:")
    _print_table(["score", "article", "passage"],
                 [[f"{hit.score:.2f}", hit.article.id, hit.snippet] for hit in hits])  # fmt: skip


def _list(dataset: Dataset, arguments: argparse.Namespace) -> None:
    kind: Kind[Any] = arguments.kind
    records = _filtered(dataset, dataset.collections[kind.collection], arguments.where)
    _listing(_ranked(records, arguments.rank), _columns(kind), arguments)


def _owed_to(loan: Loan) -> str:
    """Return who a debt is owed to: the creditor by code or in the source's words, its lender."""
    creditor = loan.creditor.alpha_2 if loan.creditor is not None else str(loan.creditor_text)
    return creditor + (f" ({loan.lender.id})" if loan.lender is not None else "")


#: The columns of the ``loans`` table: the debtor by code, who the debt is owed
#: to (so a debt to foreign investors is told apart from one to China), and every
#: figure in words.
_LOAN_COLUMNS: tuple[Column, ...] = (
    ("id", lambda loan: loan.id),
    ("debtor", lambda loan: "+".join(country.alpha_2 for country in loan.debtors)),
    ("owed to", _owed_to),
    ("as of", lambda loan: words.field(loan, "as_of")),
    ("amount", lambda loan: words.figure(loan, "amount")),
    ("% GDP", lambda loan: words.figure(loan, "share_of_gdp")),
    ("% ext. debt", lambda loan: words.figure(loan, "share_of_external_debt")),
    ("% all debt", lambda loan: words.figure(loan, "share_of_total_debt")),
    ("per capita", lambda loan: words.figure(loan, "per_capita")),
    ("sources", _sources),
)


def _loans(dataset: Dataset, arguments: argparse.Namespace) -> None:
    given = {"debtors": arguments.debtor, "creditor": arguments.creditor,
             "lender": arguments.lender}  # fmt: skip
    # Names are resolved first: a misspelt name is an error, not an empty table.
    criteria = [(name, value) for name, value in given.items() if value is not None]
    loans: Collection[Loan] = _filtered(dataset, dataset.loans, [*criteria, *arguments.where])
    _listing(_ranked(loans, arguments.rank), _LOAN_COLUMNS, arguments)


def _timeline(dataset: Dataset, arguments: argparse.Namespace) -> None:
    start: Date | None = arguments.start
    end: Date | None = arguments.end
    if start is not None and end is not None and start.start > end.end:
        msg = f"the window is empty: --from {start} begins after --to {end} ends"
        raise UsageError(msg)
    country = None if arguments.country is None else dataset.countries.get(arguments.country)
    organization = (
        None if arguments.organization is None
        else dataset.organizations.get(arguments.organization)
    )  # fmt: skip
    events: Collection[Event] = dataset.timeline(
        start, end, country=country, organization=organization
    )
    columns: list[Column] = [
        ("date", lambda event: event.date.words),
        ("id", lambda event: event.id),
        ("what happened", lambda event: event.summary),
    ]
    _listing(events, columns, arguments)


def _conflicts(dataset: Dataset, arguments: argparse.Namespace) -> None:
    conflicts: Sequence[Conflict] = dataset.conflicts
    if arguments.country is not None:
        conflicts = dataset.conflicts.where(countries=dataset.countries.get(arguments.country))
    if _json(arguments):
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


def _export(dataset: Dataset, arguments: argparse.Namespace) -> None:
    try:
        ours = is_package_data(dataset)  # the bundled data's exports name its licence
        written = export_dataset(dataset, arguments.out, arguments.format,
                                 overwrite=arguments.force, package=ours)  # fmt: skip
    except FileExistsError as error:
        message = f"centralasia: {error.filename} exists; use --force to replace it"
        raise SystemExit(message) from None
    except (ImportError, ValueError) as error:  # an extra missing; a value too precise
        message = f"centralasia: {error}"
        raise SystemExit(message) from None
    if _json(arguments):
        _print_json([{"file": str(item.path), "table": item.table, "rows": item.rows}
                     for item in written])  # fmt: skip
        return
    _print_table(["file", "table", "rows"],
                 [[str(item.path), item.table or "", "" if item.rows is None else str(item.rows)]
                  for item in written])  # fmt: skip


def _cite(dataset: Dataset, arguments: argparse.Namespace) -> None:
    from centralasia._cite import cite  # noqa: PLC0415 - only this command pays for it

    records = [dataset.record(key) for key in arguments.keys] or list(dataset.articles)
    try:
        text = cite(records, arguments.format or ("csl-json" if _json(arguments) else "text"))
    except ValueError as error:  # a country cites no article
        message = f"centralasia: {error}"
        raise SystemExit(message) from None
    print(text.rstrip("\n"))


def _validate(arguments: argparse.Namespace) -> int:
    path: str | None = arguments.path or getattr(arguments, "data", None)
    if path is None:
        msg = "validate needs the PATH of a dataset (or --data PATH)"
        raise UsageError(msg)
    try:
        dataset = load(path)
    except DataError as error:
        if _json(arguments):
            _print_json([{"file": p.file, "record": p.record, "field": p.field,
                          "message": p.message, "consequence": p.consequence}
                         for p in error.problems])  # fmt: skip
        else:
            for problem in error.causes:
                print(problem)
            consequences = error.consequences
            if consequences and arguments.all:
                print(f"and {len(consequences)} problems that follow from these:")
                for problem in consequences:
                    print(f"  {problem}")
            elif consequences:
                print(f"and {len(consequences)} problems that follow from these "
                      "(--all lists them)")  # fmt: skip
        print(f"{tally(error)}, in {path}", file=sys.stderr)
        return 1
    counts = {name: len(collection) for name, collection in dataset.collections.items()}
    if _json(arguments):
        _print_json({"path": path, "valid": True, "records": counts})
    else:
        summary = ", ".join(f"{count} {stem}" for stem, count in counts.items())
        print(f"{path}: valid ({summary})")
    return 0


# Parsing --------------------------------------------------------------------


def _date(text: str) -> Date:
    try:
        return Date(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _kind(text: str) -> Kind[Any]:
    kind = kind_named(text.lower())
    if kind is None:
        names = ", ".join(kind.collection for kind in KINDS)
        msg = f"no kind of record is called {text!r}; the kinds are {names}"
        raise argparse.ArgumentTypeError(msg)
    return kind


def _criterion(text: str) -> tuple[str, str]:
    field, equals, value = text.partition("=")
    if not equals or not field.strip():
        msg = f"expected FIELD=VALUE, such as countries=kz, not {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return field.strip(), value


def _global_options() -> argparse.ArgumentParser:
    """
    Return the parent parser of the options every command takes, before or after its name.

    Their defaults are suppressed: an option given before the command stays
    set when the command's own parser, which has them too, does not see them.
    """
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                         help="print results as JSON")  # fmt: skip
    options.add_argument("--data", metavar="PATH", default=argparse.SUPPRESS,
                         help="query the dataset in PATH instead of the bundled one")  # fmt: skip
    return options


def _listing_options(*, rank: bool = True, where: bool = True) -> argparse.ArgumentParser:
    """Return the parent parser of the options of the commands that list records."""
    options = argparse.ArgumentParser(add_help=False)
    if where:
        options.add_argument(
            "--where", type=_criterion, action="append", default=[], metavar="FIELD=VALUE",
            help="only records whose FIELD matches VALUE, such as countries=kz "
                 "(repeat to narrow; a name is resolved, or suggestions are given)",
        )  # fmt: skip
    if rank:
        options.add_argument("--rank", metavar="FIELD",
                             help="largest first by FIELD, a figure such as amount or "
                                  "share_of_gdp; records without it are left out")  # fmt: skip
    options.add_argument("--sources", action="store_true",
                         help="print under each row the quotes it rests on, with their articles "
                              "(JSON always includes them)")  # fmt: skip
    return options


def parser() -> argparse.ArgumentParser:
    """Return the command's argument parser."""
    common = _global_options()
    command = argparse.ArgumentParser(
        prog="centralasia",
        description="China's relations with Central Asia as a source-cited dataset.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common],
    )
    commands = command.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(
        name: str, summary: str, example: str, *parents: argparse.ArgumentParser
    ) -> argparse.ArgumentParser:
        return commands.add_parser(
            name, help=summary, description=summary, epilog=f"example:\n  {example}",
            formatter_class=argparse.RawDescriptionHelpFormatter, parents=[common, *parents],
        )  # fmt: skip

    show = add("show", "show a record by id, code, name or alias, with its sources",
               "centralasia show 'Exim Bank'")  # fmt: skip
    show.add_argument("key", metavar="ID-OR-NAME")
    search = add("search", "find records and article passages matching TEXT, ranked",
                 "centralasia search 'Shanghai Cooperation Org'",
                 _listing_options(rank=False, where=False))  # fmt: skip
    search.add_argument("text", metavar="TEXT")
    search.add_argument(
        "--limit",
        type=_positive,
        default=5,
        help="how many records, and how many passages (default 5)",
    )
    loans = add("loans", "list debt figures with their sources",
                "centralasia loans --debtor Tajikistan --creditor China",
                _listing_options())  # fmt: skip
    loans.add_argument("--debtor", help="a country owing the debt (group figures included)")
    loans.add_argument("--creditor", help="the creditor country")
    loans.add_argument("--lender", help="the lending bank or organization")
    kinds = ", ".join(kind.collection for kind in KINDS)
    listing = add("list", f"list the records of one kind: {kinds}",
                  "centralasia list measurements --where countries=kz --rank value",
                  _listing_options())  # fmt: skip
    listing.add_argument("kind", type=_kind, metavar="KIND",
                         help="a kind of record, singular or plural")  # fmt: skip
    timeline = add("timeline", "list events in date order",
                   "centralasia timeline --from 2013 --to 2022 --country kz",
                   _listing_options(rank=False, where=False))  # fmt: skip
    timeline.add_argument("--from", dest="start", type=_date, metavar="DATE",
                          help="EDTF date: 2013, 2013-09, 2013-09-07")  # fmt: skip
    timeline.add_argument("--to", dest="end", type=_date, metavar="DATE")
    timeline.add_argument("--country", help="only events involving this country")
    timeline.add_argument("--organization", help="only events involving this organization")
    conflicts = add("conflicts", "list where the sources disagree, with each side's quote",
                    "centralasia conflicts --country Tajikistan")  # fmt: skip
    conflicts.add_argument("--country", help="only disagreements about this country")
    export = add("export", "write every table to PATH as CSV (plain or for Excel), a Data "
                 "Package, Parquet, SQLite, DuckDB or JSON; existing files are kept unless --force",
                 "centralasia export --format datapackage --out exported/")  # fmt: skip
    export.add_argument("--format", choices=FORMATS, required=True,
                        help="datapackage: CSV files and datapackage.json; excel-csv: CSV files "
                        "Excel opens by double-click; sqlite: one database file and its "
                        "Datasette metadata beside it; duckdb: one database file (the duckdb "
                        "extra); json: the data files, which 'load' reads back")  # fmt: skip
    export.add_argument("--out", required=True, metavar="PATH",
                        help="a directory, or the database file for sqlite and duckdb")  # fmt: skip
    export.add_argument("--force", action="store_true", help="replace files that exist")
    cite = add("cite", "cite records or articles: each quote with its article, or the "
               "articles for a reference manager",
               "centralasia cite --format bibtex > centralasia.bib")  # fmt: skip
    cite.add_argument("keys", nargs="*", metavar="ID-OR-NAME",
                      help="records or articles to cite (default: every article)")  # fmt: skip
    cite.add_argument("--format", choices=("text", "bibtex", "ris", "csl-json"),
                      help="text (the default, ready to paste), or bibtex, ris or csl-json, "
                      "which Zotero imports; --json means csl-json")  # fmt: skip
    validate = add("validate", "check a dataset directory and print every problem, with its "
                   "file, record and field, the causes first; exit 1 when there is one",
                   "centralasia validate my-dataset/")  # fmt: skip
    validate.add_argument("path", metavar="PATH", nargs="?",
                          help="a directory in the bundled data's format "
                               "(default: the --data PATH)")  # fmt: skip
    validate.add_argument("--all", action="store_true",
                          help="also list the problems that only follow from others")  # fmt: skip
    # A shortcut for each kind without a command of its own ("corridors", ...).
    for kind in KINDS:
        if kind.collection not in commands.choices:  # loans and conflicts have their own
            summary = f"list every {kind.name} record (same as 'list {kind.collection}')"
            example = f"centralasia {kind.collection} --sources"
            shortcut = add(kind.collection, summary, example, _listing_options())
            shortcut.set_defaults(command="list", kind=kind)
    return command


_HANDLERS: dict[str, Callable[[Dataset, argparse.Namespace], None]] = {
    "show": _show,
    "search": _search,
    "list": _list,
    "loans": _loans,
    "timeline": _timeline,
    "conflicts": _conflicts,
    "export": _export,
    "cite": _cite,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with *argv* (default: the process's arguments) and return its exit code."""
    _replacing(sys.stdout)
    _replacing(sys.stderr)
    arguments = parser().parse_args(argv)
    data: str | None = getattr(arguments, "data", None)
    try:
        if arguments.command == "validate":
            return _validate(arguments)
        _HANDLERS[arguments.command](load(data), arguments)
    except UsageError as error:
        print(f"centralasia: {error}", file=sys.stderr)
        return 2
    except NotFound as error:
        print(f"centralasia: {error}", file=sys.stderr)
        return 1
    except DataError as error:
        more = f" ({tally(error)}; run 'centralasia validate {data}')"
        print(f"centralasia: {data} is not a valid dataset: {error.causes[0]}"
              f"{more if len(error.problems) > 1 else ''}", file=sys.stderr)  # fmt: skip
        return 1
    except BrokenPipeError:  # pragma: no cover - `centralasia loans | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except OSError as error:
        print(f"centralasia: {error.strerror or error}: {error.filename or ''}", file=sys.stderr)
        return 1
    except ValueError as error:  # a value the command cannot use: an unknown category in --where
        print(f"centralasia: {_line(error)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # pragma: no cover - a person pressed Ctrl-C
        return 130
    except Exception as error:  # noqa: BLE001 - never a traceback (issue 22): one line, exit 1
        print(f"centralasia: {type(error).__name__}: {_line(error)}", file=sys.stderr)
        return 1
    return 0


def _line(error: BaseException) -> str:
    """Return *error*'s message on one line of a readable length."""
    return cut(" ".join(str(error).split()), 300)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
