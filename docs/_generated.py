"""
Pages written from the model and the data on every build, so they cannot drift from them.

- ``dictionary.md``: every record class and field, with its type and meaning,
  read from the field docstrings in the source (a field without one fails
  the build), and every table of the exports, column by column, read from
  the one tabular schema (``centralasia._tables``) the exports write;
- ``sources.md``: every article with its metadata and the records it supports.

The conflicts page is part of the data site (``_site.py``).
"""

from __future__ import annotations

import enum
import pathlib
import re
import types
import typing

import attrs
from sphinx.pycode import ModuleAnalyzer

import centralasia as ca
from centralasia import _arrow, _export, _tables
from centralasia import _words as wording
from centralasia._schema import KINDS

#: The collections whose records cite articles, read from the schema.
CITING = tuple(kind.collection for kind in KINDS if "sources" in attrs.fields_dict(kind.cls))
#: The classes of the data dictionary, by section, in reading order.
SECTIONS = (
    ("Records", (ca.Article, ca.Country, ca.Organization, ca.Corridor, ca.Membership, ca.Event,
                 ca.Loan, ca.Finance, ca.Measurement, ca.Statement, ca.Conflict)),
    ("Values", (ca.Citation, ca.Inference, ca.Ambiguity, ca.Money, ca.Figure, ca.Date,
                ca.Participant, ca.Span)),
)  # fmt: skip
DICTIONARY_INTRO = """\
Every class of the data model and every field, with its type and meaning. This page is
generated from the model's source when the documentation is built. Shares are fractions in
[0, 1] (0.278 is 27.8 percent); money is an exact decimal amount with an ISO 4217 currency;
dates are EDTF strings keeping their source's precision."""
SOURCES_INTRO = """\
The articles of the corpus, with their metadata as their texts state it, and the records each
one supports. Generated from the data when the documentation is built."""
TABLES_INTRO = """\
{meth}`Dataset.export() <centralasia.Dataset.export>` (and `centralasia export`) writes these
tables as CSV files (plain, or for Excel), a Data Package, Parquet files, or one SQLite or
DuckDB database;
{meth}`Collection.to_pandas() <centralasia.Collection.to_pandas>` gives a kind's table and
{meth}`Dataset.to_pandas() <centralasia.Dataset.to_pandas>` every table. Their columns are
derived from the model, never from the rows: a table has the same columns, in the same order,
whatever it holds. A date is its EDTF string,
then the first and last days it allows, its precision, and its words (`the first half of
2023`); money is an exact amount, then its currency; each figure's qualifier and its words
(`about 40%`) follow it; references are ids, and a list of them is also a table of its own, a
row per item with a foreign key to each side (`loan_debtors` for `loans.debtors`,
`conflict_records` for a conflict's sides); `label` says what a person calls each record;
`sources` lists the cited articles, whose quotes are in `citations`, one row per quote, and
`inferred` the fields whose basis is in `inferences`; both name their record by kind and id,
and again in the column of its kind (`loan`), a foreign key. Each type of column is written in
each format as follows."""
TYPE_WORDS = {
    _tables.ColumnType.STRING: "text",
    _tables.ColumnType.CATEGORY: "category",
    _tables.ColumnType.INTEGER: "integer",
    _tables.ColumnType.DECIMAL: "decimal",
    _tables.ColumnType.DATE: "date",
    _tables.ColumnType.LIST: "list",
}
CSV_WORDS = {
    _tables.ColumnType.STRING: "text",
    _tables.ColumnType.CATEGORY: "one of its values (SQLite checks it)",
    _tables.ColumnType.INTEGER: "digits",
    _tables.ColumnType.DECIMAL: "exact digits, no exponent",
    _tables.ColumnType.DATE: "`YYYY-MM-DD`",
    _tables.ColumnType.LIST: f"items joined by `{_tables.LIST_DELIMITER}`",
}
DECIMALS = (
    f"Decimals hold up to {_tables.DECIMAL_PRECISION} digits, {_tables.DECIMAL_SCALE} of them "
    "after the point. In pandas they are `float64`: the double nearest each exact decimal (exact "
    "for whole numbers below 2**53, otherwise within a relative 2**-53). In SQLite, whole "
    "numbers are exact integers and others are 8-byte floats, so every decimal column has a "
    f"`{_export.EXACT}` column of text beside it holding the exact decimal "
    f"(`amount{_export.EXACT}`). The Excel CSV files are the CSV files with a byte order "
    "mark, every cell quoted, and text "
    "that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a "
    "carriage return) preceded by `'`."
)
ENUMS = (ca.Qualifier, ca.Role, ca.OrganizationKind, ca.CorridorKind, ca.FinanceKind,
         ca.LenderExtent, ca.ConflictKind, ca.Precision)  # fmt: skip


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _type(annotation: object) -> str:
    """Write a field's type as a reader would: ``Money | None``, ``tuple[Country, ...]``."""
    if annotation is type(None):
        return "None"
    if annotation is Ellipsis:
        return "..."
    arguments = typing.get_args(annotation)
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return " \\| ".join(_type(argument) for argument in arguments)
    if arguments:
        origin = typing.get_origin(annotation)
        name = getattr(origin, "__name__", str(origin))
        return f"{name}[{', '.join(_type(argument) for argument in arguments)}]"
    name = getattr(annotation, "__name__", str(annotation))
    if getattr(ca, name, None) is annotation:
        return f"{{class}}`~centralasia.{name}`"
    return name


def _markdown(docstring: str) -> str:
    """Turn a field docstring's reST into MyST for a table cell."""
    text = re.sub(r":attr:`([^`]+)`", r"`\1`", docstring)
    return _cell(text.replace("``", "`"))


def _docs(cls: type) -> dict[str, str]:
    found = ModuleAnalyzer.for_module(cls.__module__).find_attr_docs()
    mine = {name: lines for (owner, name), lines in found.items() if owner == cls.__name__}
    return {name: " ".join(lines) for name, lines in mine.items()}


def dictionary() -> str:
    """Return the data dictionary page as Markdown."""
    lines = ["# Data dictionary", "", DICTIONARY_INTRO, ""]
    for section, classes in SECTIONS:
        lines += [f"## {section}", ""]
        for cls in classes:
            docs = _docs(cls)
            summary = (cls.__doc__ or "").strip().split("\n\n")[0]
            lines += [f"### {cls.__name__}", "", _cell(summary), "",
                      f"See {{class}}`centralasia.{cls.__name__}`.", "",
                      "| Field | Type | Meaning |", "| --- | --- | --- |"]  # fmt: skip
            for field in attrs.fields(cls):
                if field.name.startswith("_"):
                    continue
                if field.name not in docs:
                    msg = f"{cls.__name__}.{field.name} has no docstring for the data dictionary"
                    raise ValueError(msg)
                meaning = _markdown(docs[field.name])
                lines.append(f"| `{field.name}` | {_type(field.type)} | {meaning} |")
            lines.append("")
    lines += ["## Enumerations", ""]
    for kind in ENUMS:
        docs = _docs(kind)
        lines += [f"### {kind.__name__}", "", _cell((kind.__doc__ or "").strip().split("\n\n")[0]),
                  "", "| Value | Meaning |", "| --- | --- |"]  # fmt: skip
        for member in kind:
            value = member.value if not isinstance(member, enum.IntEnum) else member.name
            lines.append(f"| `{value}` | {_markdown(docs.get(member.name, ''))} |")
        lines.append("")
    return "\n".join(lines) + "\n" + tables()


def _column_type(column: _tables.Column) -> str:
    """Write a column's type as the tables section does: ``decimal``, ``id of loans``..."""
    if column.references:
        words = f"id of {{ref}}`{column.references} <table-{column.references}>`"
    elif column.categories:
        words = "category: " + ", ".join(f"`{value}`" for value in column.categories)
    else:
        words = TYPE_WORDS[column.type]
    return (
        words if column.nullable or column.type is _tables.ColumnType.LIST else f"{words}, required"
    )


def _formats() -> list[str]:
    """Return the table of how each type of column is written in each format."""
    lines = ["| Type | CSV | Data Package | pandas | Parquet | SQLite | DuckDB |",
             "| --- | --- | --- | --- | --- | --- | --- |"]  # fmt: skip
    for kind, words in TYPE_WORDS.items():
        column = _tables.Column("x", kind, "", lambda row: row, categories=("a",))
        package, sql = _export.FIELD_TYPES[kind], _export.SQL_TYPES[kind]
        listed = " (JSON: `[]` when empty)" if kind is _tables.ColumnType.LIST else ""
        lines.append(f"| {words} | {CSV_WORDS[kind]} | `{package}`{listed} | "
                     f"`{_arrow.PANDAS_DTYPES[kind]}` | `{_arrow.arrow_type(column)}` | "
                     f"`{sql}` | `{_export.DUCKDB_TYPES[kind]}` |")  # fmt: skip
    return lines


def tables() -> str:
    """Return the tables section of the data dictionary: every column of every table."""
    lines = ["## Tables", "", TABLES_INTRO, "", *_formats(), "",
             DECIMALS, ""]  # fmt: skip
    for table in _tables.tables():
        key = ", ".join(f"`{name}`" for name in table.primary_key)
        lines += [f"(table-{table.name})=", f"### {table.name}", "", _cell(table.description), "",
                  f"Primary key: {key}.", "", "| Column | Type | Meaning |",
                  "| --- | --- | --- |"]  # fmt: skip
        lines += [f"| `{column.name}` | {_column_type(column)} | {_cell(column.description)} |"
                  for column in table.columns]  # fmt: skip
        lines.append("")
    return "\n".join(lines)


def sources() -> str:
    """Return the sources page: each article, its metadata, and the records it supports."""
    dataset = ca.load()
    lines = ["# Sources", "", SOURCES_INTRO, ""]
    for article in dataset.articles:
        profile = dataset.about(article)
        lines += [f"## {wording.label(article)}", "",
                  f"- id: `{article.id}`",
                  f"- authors: {', '.join(article.authors) or 'not stated'}",
                  f"- published: {article.published or 'not stated'}",
                  f"- publisher: {article.publisher or 'not stated'}",
                  f"- seed: `seeds/{article.seed}`, lines "
                  + ", ".join(f"{s.first_line}-{s.last_line}" for s in article.spans),
                  ""]  # fmt: skip
        supported = [(stem, getattr(profile, stem)) for stem in CITING]
        total = sum(len(records) for _, records in supported)
        lines += [f"Supports {total} records:" if total else "Supports no records yet.", ""]
        for stem, records in supported:
            if records:
                ids = ", ".join(f"`{record.id}`" for record in records)
                lines.append(f"- {stem} ({len(records)}): {ids}")
        lines.append("")
    return "\n".join(lines)


def write(folder: pathlib.Path) -> None:
    """Write every generated page into *folder*."""
    folder.mkdir(exist_ok=True)
    for name, render in (("dictionary", dictionary), ("sources", sources)):
        (folder / f"{name}.md").write_text(render() + "\n", encoding="utf-8")
