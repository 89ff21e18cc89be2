"""
Taking records elsewhere: dicts and JSON, CSV, a Data Package, SQLite, DuckDB, the dispatcher.

:func:`to_dict` and :func:`to_json` give records in the shape of the data
files, through the one converter that reads them, so they load back.  The
tabular formats write the tables of :mod:`centralasia._tables`, whose
columns come from the model and never from the rows.  pandas and Parquet,
which need optional extras, are in :mod:`centralasia._arrow`.  Everything
here uses the standard library only (DuckDB, the ``duckdb`` extra, on use),
and is imported on use.
"""

from __future__ import annotations

import csv
import datetime as dt
import errno
import json
import os
import pathlib
import typing
from collections.abc import Callable, Iterable, Mapping
from typing import IO, TYPE_CHECKING, Any

import attrs
from attrs import frozen

from centralasia import _words as words
from centralasia._address import DOCUMENTATION
from centralasia._errors import wrong_type
from centralasia._formats import FORMATS, Format
from centralasia._gc import paused_gc
from centralasia._schema import KINDS, kind_of
from centralasia._seeds import FOLDER
from centralasia._tables import (
    DECIMAL_PRECISION,
    DECIMAL_SCALE,
    LIST_DELIMITER,
    Column,
    ColumnType,
    Table,
    table_of,
    tables,
    unfit_decimal,
    values,
)
from centralasia._validators import decimal_fits

if TYPE_CHECKING:
    import sqlite3

    from centralasia._dataset import Dataset

__all__ = ["to_dict", "to_json"]

#: The formats :func:`export` writes.
DESCRIPTOR = "datapackage.json"


def to_dict(record: object) -> dict[str, Any]:
    """
    Return *record* as a plain, JSON-ready dict, with other records given by id.

    This is the shape of a record in a data file, so :func:`centralasia.load`
    reads it back.

    >>> import centralasia as ca
    >>> ca.to_dict(ca.countries.get("KG"))["alpha_3"]
    'KGZ'

    .. versionadded:: 0.1
    """
    return _as_dict(record, "to_dict", "record")


def _as_dict(record: object, function: str, parameter: str) -> dict[str, Any]:
    from centralasia._converter import converter  # noqa: PLC0415 - cattrs is paid for on use

    unstructured = converter.unstructure(record) if attrs.has(type(record)) else None
    if not isinstance(unstructured, dict):
        raise wrong_type(function, parameter, "a record or records", record)
    return unstructured


#: The widest indent :func:`to_json` writes.
_MAX_INDENT = 64


def to_json(records: object, *, indent: int | None = 2) -> str:
    """
    Return a record, or a collection of them, as JSON text.

    >>> import centralasia as ca
    >>> print(ca.to_json(ca.countries.get("KG"), indent=None)[:34])
    {"id": "kg", "name": "Kyrgyzstan",

    .. versionadded:: 0.1
    """
    if indent is not None and type(indent) is not int:
        raise wrong_type("to_json", "indent", "an int or None", indent)
    if indent is not None and not 0 <= indent <= _MAX_INDENT:  # json.dumps overflows on 10**100
        msg = f"to_json(): indent must be from 0 to {_MAX_INDENT}, not {indent}"
        raise ValueError(msg)
    if isinstance(records, Iterable) and not isinstance(records, (str, bytes)):
        data: object = [_as_dict(record, "to_json", "records") for record in records]
    else:
        data = _as_dict(records, "to_json", "records")
    return json.dumps(data, ensure_ascii=False, indent=indent)


def collection_values(records: Iterable[Any], cls: type[Any]) -> tuple[Table, dict[str, list[Any]]]:
    """Return the table of the record class *cls* and its values for *records*."""
    table = table_of(cls)
    return table, values(table, {kind_of(cls).collection: records})


# CSV: one writer, for Collection.to_csv, the csv format and the Data Package.


def _list_cell(where: str) -> Callable[[tuple[str, ...]], str]:
    def cell(items: tuple[str, ...]) -> str:
        for item in items:
            if LIST_DELIMITER in item:
                msg = (
                    f"{where}: {item!r} holds {LIST_DELIMITER!r}, which separates list items in CSV"
                )
                raise ValueError(msg)
        return LIST_DELIMITER.join(items)

    return cell


def _json_list(items: tuple[str, ...]) -> str:
    return json.dumps(list(items), ensure_ascii=False, separators=(",", ":"))


#: What a spreadsheet runs as a formula when a cell starts with it (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _inert(text: str) -> str:
    """Return *text* as a spreadsheet shows it and never runs it: a leading ``'`` if needed."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _csv_cells(table: Table, column: Column, style: str) -> Callable[[Any], str]:
    """Return how a cell of *column* is written in *style*: empty for a missing value."""
    if column.type is ColumnType.LIST:
        listed = _json_list if style == "datapackage" else _list_cell(f"{table.name}.{column.name}")
        if style == "excel":
            return lambda items: _inert(listed(items))
        return listed
    texts: dict[ColumnType, Callable[[Any], str]] = {
        ColumnType.DECIMAL: lambda number: f"{number:f}",  # never an exponent: 1E+9
        ColumnType.DATE: dt.date.isoformat,
    }
    text = texts.get(column.type, str)
    if style == "excel" and column.type in {ColumnType.STRING, ColumnType.CATEGORY}:
        # Numbers are written by us ("-5" is a number, not a formula); text is anyone's.
        return lambda value: "" if value is None else _inert(str(value))
    return lambda value: "" if value is None else text(value)


def write_csv(
    table: Table, columns: Mapping[str, list[Any]], file: IO[str], style: str = "csv"
) -> int:
    """
    Write *table*'s *columns* to *file* as CSV with a header row; return the row count.

    *style* is ``"csv"`` (lists joined by ``;``), ``"datapackage"`` (lists as JSON
    arrays, so that an empty list is ``[]`` and no missing value) or ``"excel"``
    (every cell quoted, text that a spreadsheet would run as a formula made inert; the
    caller writes the byte order mark).
    """
    writer = csv.writer(file, quoting=csv.QUOTE_ALL) if style == "excel" else csv.writer(file)
    writer.writerow(table.column_names)
    cells = [list(map(_csv_cells(table, column, style), columns[column.name]))
             for column in table.columns]  # fmt: skip
    rows = list(zip(*cells, strict=True))
    writer.writerows(rows)
    return len(rows)


# The Data Package: the CSV files and a descriptor with a Table Schema for each.

FIELD_TYPES = {
    ColumnType.STRING: "string",
    ColumnType.CATEGORY: "string",
    ColumnType.INTEGER: "integer",
    ColumnType.DECIMAL: "number",
    ColumnType.DATE: "date",
    ColumnType.LIST: "array",  # a JSON array: ``[]`` is an empty list, an empty cell is missing
}


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": column.name,
        "type": FIELD_TYPES[column.type],
        "description": column.description,
    }
    constraints: dict[str, Any] = {}
    if not column.nullable:
        constraints["required"] = True
    if column.categories:
        constraints["enum"] = list(column.categories)
    # The items of a list of ids are checked as foreign keys in the table that lists them
    # one per row (``loan_debtors`` for ``loans.debtors``).
    if constraints:
        field["constraints"] = constraints
    return field


def _schema(table: Table) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [_field(column) for column in table.columns],
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
    }
    keys = [
        {"fields": [column.name], "reference": {"resource": column.references, "fields": ["id"]}}
        for column in table.columns
        if column.references is not None
    ]
    if keys:
        schema["foreignKeys"] = keys
    return schema


def descriptor(dataset: Dataset, *, ours: bool) -> dict[str, Any]:
    """Return the ``datapackage.json`` descriptor of *dataset*'s tables, as CSV files."""
    about = _package(ours=ours)
    package: dict[str, Any] = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "centralasia",
        "title": about["title"],
        "description": about["description"],
    }
    if "version" in about:
        package["version"] = about["version"]
    if "licence" in about:
        licence = about["licence"]
        package["licenses"] = [
            {"name": licence, "path": f"https://spdx.org/licenses/{licence}.html"}
        ]
    package["sources"] = [{"title": words.label(article)} for article in dataset.articles]
    package["resources"] = [
        {
            "name": table.name,
            "type": "table",
            "path": f"{table.name}.csv",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "description": table.description,
            "schema": _schema(table),
        }
        for table in tables()
    ]
    return package


# SQLite, with the standard library.

SQL_TYPES = {
    ColumnType.STRING: "TEXT",
    ColumnType.CATEGORY: "TEXT",
    ColumnType.INTEGER: "INTEGER",
    ColumnType.DECIMAL: "NUMERIC",  # whole numbers stay exact integers; others are REAL
    ColumnType.DATE: "TEXT",  # ISO 8601, as SQLite's date functions read them
    ColumnType.LIST: "TEXT",  # a JSON array, for json_each()
}
#: The full-text indexes: table -> indexed columns (Datasette finds ``<table>_fts``).
FULL_TEXT = {"articles": ("title", "text"), "citations": ("quote",)}


def _quoted(name: str) -> str:
    # Field names such as "left" and "end" are SQL keywords: every name is quoted.
    return '"' + name.replace('"', '""') + '"'


#: The suffix of the text column that SQLite keeps beside each decimal column.
EXACT = "_exact"


def sql_columns(table: Table) -> list[tuple[str, Column]]:
    """Return the SQLite columns of *table* by name: its own, and ``_exact`` after a decimal."""
    found = []
    for column in table.columns:
        found.append((column.name, column))
        if column.type is ColumnType.DECIMAL:
            found.append((column.name + EXACT, column))
    return found


def _create(table: Table) -> str:
    lines = []
    for name, column in sql_columns(table):
        exact = name != column.name
        line = f"{_quoted(name)} {'TEXT' if exact else SQL_TYPES[column.type]}"
        if not column.nullable:  # a list is a JSON array, "[]" when empty
            line += " NOT NULL"
        if column.categories:
            allowed = ", ".join(f"'{category}'" for category in column.categories)
            line += f" CHECK ({_quoted(column.name)} IN ({allowed}))"
        lines.append(line)
    lines.append(f"PRIMARY KEY ({', '.join(map(_quoted, table.primary_key))})")
    lines += [
        f'FOREIGN KEY ({_quoted(column.name)}) REFERENCES {_quoted(column.references)} ("id")'
        for column in table.columns
        if column.references is not None
    ]
    return f"CREATE TABLE {_quoted(table.name)} (\n    " + ",\n    ".join(lines) + "\n)"


def _sql_values(column: Column, cells: list[Any]) -> list[Any]:
    if column.type is ColumnType.DECIMAL:  # as text: NUMERIC affinity keeps integers exact
        return [None if value is None else f"{value:f}" for value in cells]  # and _exact
    if column.type is ColumnType.DATE:
        return [None if value is None else value.isoformat() for value in cells]
    if column.type is ColumnType.LIST:
        # Lists repeat (a loan's debtors, its sources): each is encoded once.
        encoded: dict[tuple[str, ...], str] = {}
        return [encoded.get(value) or encoded.setdefault(value, json.dumps(value,
                ensure_ascii=False)) for value in cells]  # fmt: skip
    return cells


def _full_text(connection: sqlite3.Connection) -> None:
    """Index the articles' texts and the quotes as Datasette's ``enable-fts`` would."""
    for table, indexed in FULL_TEXT.items():
        names = ", ".join(map(_quoted, indexed))
        connection.execute(
            f"CREATE VIRTUAL TABLE {_quoted(table + '_fts')} USING fts5 ({names}, "
            f"tokenize='porter unicode61 remove_diacritics 2', content={_quoted(table)})"
        )
        connection.execute(
            f"INSERT INTO {_quoted(table + '_fts')} (rowid, {names}) "  # noqa: S608 - our names
            f"SELECT rowid, {names} FROM {_quoted(table)}"
        )


def write_sqlite(dataset: Dataset, path: pathlib.Path, *, ours: bool) -> list[Written]:
    """Write every table into a new SQLite database at *path*, with full-text indexes."""
    import sqlite3  # noqa: PLC0415 - paid for by a database's writer only

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.unlink(missing_ok=True)
    written = []
    connection = sqlite3.connect(partial)
    # No journal and no syncing: the file is new, and replaces *path* only once complete.
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    try:
        with connection:
            for table in tables():
                columns = values(table, dataset.collections)
                connection.execute(_create(table))
                rows = list(zip(*(_sql_values(column, columns[column.name])
                                  for _, column in sql_columns(table)), strict=True))  # fmt: skip
                marks = ", ".join("?" * len(sql_columns(table)))
                connection.executemany(
                    f"INSERT INTO {_quoted(table.name)} VALUES ({marks})",  # noqa: S608
                    rows,
                )
                written.append(Written(path, table.name, len(rows)))
            _full_text(connection)
    finally:
        connection.close()
    partial.replace(path)  # a reader never sees a half-written database
    meta = metadata_path(path)
    metadata = datasette_metadata(path, ours=ours)
    text = json.dumps(metadata, ensure_ascii=False, indent=2) + "\n"
    meta.write_text(text, encoding="utf-8")
    return [*written, Written(meta)]


def metadata_path(database: pathlib.Path) -> pathlib.Path:
    """Return where the Datasette metadata of *database* is written: ``NAME.metadata.json``."""
    return database.with_name(f"{database.stem}.metadata.json")


#: Units of columns, by the suffix of their names, as Datasette's ``units`` (Pint) name them.
UNITS = {"_km": "km"}


def _package(*, ours: bool) -> dict[str, Any]:
    """Return the title, description and, if *ours* (the package's data), version and licence."""
    import importlib.metadata  # noqa: PLC0415 - its import costs milliseconds: on use only

    package: dict[str, Any] = {
        "title": "centralasia: China's relations with Central Asia",
        "description": (
            "A typed, source-cited dataset: every figure with the article and the verbatim "
            "quote it comes from. One table per kind of record, and the citations and "
            "inferences of every record. Written by the centralasia library."
        ),
    }
    if ours:  # the licence is the package's own data's, never a user's
        metadata = importlib.metadata.metadata("centralasia")
        package["version"] = metadata["Version"]
        licence = (metadata.get_all("License-Expression") or [None])[0]
        if licence:
            package["licence"] = licence
    return package


def datasette_metadata(database: pathlib.Path, *, ours: bool) -> dict[str, Any]:
    """
    Return Datasette's metadata for the SQLite export at *database* (*ours*: of our data).

    Titles and descriptions of the database, its tables and columns come from
    the model's docstrings; each record table is labelled by its ``label`` column;
    a column's unit is Datasette's (Pint) name for it.
    """
    package = _package(ours=ours)
    named = {table.name for table in tables() if table.kind is not None}
    described: dict[str, Any] = {}
    for table in tables():
        about: dict[str, Any] = {"description": table.description}
        columns = {}
        for name, column in sql_columns(table):
            columns[name] = column.description if name == column.name else (
                f"`{column.name}` exactly, as decimal text (`{column.name}` is a number: "
                "exact when whole, else the nearest double)."
            )  # fmt: skip
        about["columns"] = columns
        units = {name: unit for name, _ in sql_columns(table)
                 for suffix, unit in UNITS.items() if name.endswith(suffix)}  # fmt: skip
        if units:
            about["units"] = units
        if table.name in named:
            about["label_column"] = "label"
        elif table.name not in {"citations", "inferences"}:
            about["hidden"] = True
        described[table.name] = about
    found: dict[str, Any] = {"title": package["title"], "description": package["description"]}
    if "version" in package:  # the package's own data: its source and licence are ours
        found |= {"source": f"centralasia {package['version']}", "source_url": DOCUMENTATION}
    if "licence" in package:
        found["license"] = package["licence"]
        found["license_url"] = f"https://spdx.org/licenses/{package['licence']}.html"
    found["databases"] = {database.stem: {
        "title": package["title"], "description": package["description"], "tables": described,
    }}  # fmt: skip
    return found


# DuckDB, the duckdb extra: one database with every table, its keys and exact decimals.

DUCKDB_TYPES = {
    ColumnType.STRING: "VARCHAR",
    ColumnType.CATEGORY: "VARCHAR",
    ColumnType.INTEGER: "BIGINT",
    ColumnType.DECIMAL: f"DECIMAL({DECIMAL_PRECISION}, {DECIMAL_SCALE})",
    ColumnType.DATE: "DATE",
    ColumnType.LIST: "VARCHAR[]",
}


def _duckdb_create(table: Table) -> str:
    lines = []
    for column in table.columns:
        line = f"{_quoted(column.name)} {DUCKDB_TYPES[column.type]}"
        if not column.nullable:
            line += " NOT NULL"
        if column.categories:
            allowed = ", ".join(f"'{category}'" for category in column.categories)
            line += f" CHECK ({_quoted(column.name)} IN ({allowed}))"
        lines.append(line)
    lines.append(f"PRIMARY KEY ({', '.join(map(_quoted, table.primary_key))})")
    lines += [
        f'FOREIGN KEY ({_quoted(column.name)}) REFERENCES {_quoted(column.references)} ("id")'
        for column in table.columns
        if column.references is not None
    ]
    return f"CREATE TABLE {_quoted(table.name)} (\n    " + ",\n    ".join(lines) + "\n)"


def _exact_decimal(table: Table, column: Column) -> Callable[[Any], str | None]:
    """Return a decimal as text, refusing one that DECIMAL(38, 10) would round."""

    def text(value: Any) -> str | None:
        if value is None:
            return None
        if not decimal_fits(value):
            raise unfit_decimal(table, column, value)
        return f"{value:f}"

    return text


def _json_cells(table: Table, column: Column) -> Callable[[Any], Any]:
    if column.type is ColumnType.DECIMAL:
        return _exact_decimal(table, column)
    if column.type is ColumnType.DATE:
        return lambda value: None if value is None else value.isoformat()
    if column.type is ColumnType.LIST:
        return list
    return lambda value: value


def _waves(table: Table, rows: list[tuple[Any, ...]]) -> list[list[tuple[Any, ...]]]:
    """
    Split *rows* into waves, each referring only to rows of *table* in earlier waves.

    DuckDB checks a foreign key to the table itself (a predecessor) against the rows
    there before the statement, and a collection is in id order, not reference order.
    """
    own = [index for index, column in enumerate(table.columns) if column.references == table.name]
    if not own:
        return [rows] if rows else []
    key = table.column_names.index("id")
    known = {row[key] for row in rows}
    placed: set[Any] = set()
    waves = []
    left = rows
    while left:
        wave = [row for row in left
                if all(row[index] is None or row[index] in placed or row[index] not in known
                       for index in own)]  # fmt: skip
        if not wave:  # pragma: no cover - frozen records cannot refer to each other in a cycle
            wave = left
        waves.append(wave)
        placed |= {row[key] for row in wave}
        left = [row for row in left if row[key] not in placed]
    return waves


def write_duckdb(dataset: Dataset, path: pathlib.Path) -> list[Written]:
    """Write every table into a new DuckDB database at *path*, with its keys."""
    import tempfile  # noqa: PLC0415 - paid for by this writer only

    from centralasia._arrow import extra_module  # noqa: PLC0415 - pandas and pyarrow on use

    duckdb = extra_module("duckdb", "duckdb", "write a DuckDB database")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.unlink(missing_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as scratch:
        connection = duckdb.connect(str(partial))
        try:
            for table in tables():
                columns = values(table, dataset.collections)
                connection.execute(_duckdb_create(table))
                # DuckDB reads JSON lines far faster than it runs one INSERT per row, and
                # casts the decimals' text exactly.
                cells = [list(map(_json_cells(table, column), columns[column.name]))
                         for column in table.columns]  # fmt: skip
                rows = list(zip(*cells, strict=True))
                typed = ", ".join(
                    f"{_quoted(column.name)}: '"
                    + ("VARCHAR" if column.type in {ColumnType.DECIMAL, ColumnType.DATE}
                       else DUCKDB_TYPES[column.type]) + "'"
                    for column in table.columns
                )  # fmt: skip
                cast = ", ".join(
                    f"CAST({_quoted(column.name)} AS {DUCKDB_TYPES[column.type]})"
                    for column in table.columns
                )
                for number, wave in enumerate(_waves(table, rows)):
                    lines = pathlib.Path(scratch, f"{table.name}.{number}.jsonl")
                    with lines.open("w", encoding="utf-8") as file:
                        file.writelines(
                            json.dumps(dict(zip(table.column_names, row, strict=True)),
                                       ensure_ascii=False) + "\n"
                            for row in wave
                        )  # fmt: skip
                    connection.execute(
                        f"INSERT INTO {_quoted(table.name)} SELECT {cast} FROM read_json("  # noqa: S608
                        f"?, format = 'newline_delimited', columns = {{{typed}}})",
                        [str(lines)],
                    )
                written.append(Written(path, table.name, len(rows)))
        finally:
            connection.close()
    partial.replace(path)  # a reader never sees a half-written database
    return written


# The dispatcher.


@frozen
class Written:
    """One file written and, for a table, its name and how many rows it has."""

    path: pathlib.Path
    table: str | None = None
    rows: int | None = None


def _targets(dataset: Dataset, root: pathlib.Path, format: Format) -> list[pathlib.Path]:  # noqa: A002
    """Return every file *format* writes under the directory *root*."""
    if format == "json":
        return [root / kind.file for kind in KINDS] + [root / FOLDER / name
                                                        for name in dataset.seeds]  # fmt: skip
    suffix = ".parquet" if format == "parquet" else ".csv"  # and excel-csv
    found = [root / f"{table.name}{suffix}" for table in tables()]
    return [*found, root / DESCRIPTOR] if format == "datapackage" else found


def _refuse_existing(paths: Iterable[pathlib.Path]) -> None:
    for path in paths:
        if path.exists():
            raise FileExistsError(
                errno.EEXIST, "exists; pass overwrite=True to replace it", str(path)
            )


def _refuse_file_as_folder(root: pathlib.Path) -> None:
    """Refuse *root* under an existing file: no folder can be made there, --force or not."""
    for parent in root.parents:
        if parent.exists():
            if not parent.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, "is a file, not a folder", str(parent))
            return


def _database(root: pathlib.Path, *, overwrite: bool) -> None:
    """Refuse a database path that is a directory, or that exists unless *overwrite*."""
    if root.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a directory, not a database file", str(root))
    if not overwrite:
        _refuse_existing([root])


def _directory(dataset: Dataset, root: pathlib.Path, chosen: Format, *, overwrite: bool) -> None:
    """Make the directory *root*, having refused to replace any file unless *overwrite*."""
    if root.exists() and not root.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "is a file, not a directory", str(root))
    if chosen == "parquet":
        from centralasia._arrow import pyarrow_module  # noqa: PLC0415 - the parquet extra

        pyarrow_module()  # a missing extra is reported before anything is written
    if not overwrite:
        _refuse_existing(_targets(dataset, root, chosen))
    root.mkdir(parents=True, exist_ok=True)


def _write_json(dataset: Dataset, root: pathlib.Path) -> list[Written]:
    dataset.dump(root)
    collections = dataset.collections
    written = [Written(root / kind.file, kind.collection, len(collections[kind.collection]))
               for kind in KINDS]  # fmt: skip
    return written + [Written(path) for path in _targets(dataset, root, "json")[len(KINDS) :]]


def _write_tables(
    dataset: Dataset, root: pathlib.Path, chosen: Format, *, ours: bool
) -> list[Written]:
    """Write a file per table, Parquet or CSV, and a Data Package's descriptor if asked."""
    written = []
    for table in tables():
        columns = values(table, dataset.collections)
        if chosen == "parquet":
            from centralasia._arrow import write_parquet  # noqa: PLC0415 - the parquet extra

            target = root / f"{table.name}.parquet"
            written.append(Written(target, table.name, write_parquet(table, columns, target)))
            continue
        target = root / f"{table.name}.csv"
        style = {"excel-csv": "excel", "datapackage": "datapackage"}.get(chosen, "csv")
        # Excel reads a CSV file as UTF-8 only after a byte order mark.
        encoding = "utf-8-sig" if chosen == "excel-csv" else "utf-8"
        with target.open("w", encoding=encoding, newline="") as file:
            written.append(Written(target, table.name, write_csv(table, columns, file, style)))
    if chosen == "datapackage":
        text = json.dumps(descriptor(dataset, ours=ours), ensure_ascii=False, indent=2) + "\n"
        (root / DESCRIPTOR).write_text(text, encoding="utf-8")
        written.append(Written(root / DESCRIPTOR))
    return written


def export(
    dataset: Dataset,
    path: str | os.PathLike[str],
    format: str,  # noqa: A002 - the command's --format
    *,
    overwrite: bool = False,
    package: bool = False,
) -> list[Written]:
    """Write *dataset* to *path* in *format*; see :meth:`Dataset.export` (*package*: it is ours)."""
    ours = package
    if type(overwrite) is not bool:  # "no" is true: it would overwrite
        raise wrong_type("export", "overwrite", "True or False", overwrite)
    if not isinstance(format, str):
        raise wrong_type("export", "format", "a format name such as 'csv'", format)
    if not isinstance(path, (str, os.PathLike)):
        raise wrong_type("export", "path", "a path", path)
    if format not in FORMATS:
        msg = f"unknown format {format!r}: choose one of {', '.join(FORMATS)}"
        raise ValueError(msg)
    chosen = typing.cast("Format", format)
    root = pathlib.Path(path)
    _refuse_file_as_folder(root)
    if chosen == "sqlite":
        _database(root, overwrite=overwrite)
        if not overwrite:
            _refuse_existing([metadata_path(root)])
        with paused_gc():
            return write_sqlite(dataset, root, ours=ours)
    if chosen == "duckdb":
        _database(root, overwrite=overwrite)
        with paused_gc():
            return write_duckdb(dataset, root)
    _directory(dataset, root, chosen, overwrite=overwrite)
    if chosen == "json":
        return _write_json(dataset, root)
    with paused_gc():
        return _write_tables(dataset, root, chosen, ours=ours)
