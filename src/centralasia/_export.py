"""
Taking records elsewhere: dicts and JSON, CSV, a Data Package, SQLite, and the dispatcher.

:func:`to_dict` and :func:`to_json` give records in the shape of the data
files, through the one converter that reads them, so they load back.  The
tabular formats write the tables of :mod:`centralasia._tables`, whose
columns come from the model and never from the rows.  pandas and Parquet,
which need optional extras, are in :mod:`centralasia._arrow`.  Everything
here uses the standard library only, and is imported on use.
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

from attrs import frozen

from centralasia._dataset import Format
from centralasia._schema import KINDS, kind_of
from centralasia._tables import (
    LIST_DELIMITER,
    Column,
    ColumnType,
    Table,
    paused_gc,
    tables,
    values,
)

if TYPE_CHECKING:
    import sqlite3

    from centralasia._dataset import Dataset

__all__ = ["to_dict", "to_json"]

#: The formats :func:`export` writes.
FORMATS: tuple[str, ...] = typing.get_args(Format)
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
    from centralasia._converter import converter  # noqa: PLC0415 - cattrs is paid for on use

    unstructured = converter.unstructure(record)
    if not isinstance(unstructured, dict):
        msg = f"not a record: {record!r}"
        raise TypeError(msg)
    return unstructured


def to_json(records: object, *, indent: int | None = 2) -> str:
    """
    Return a record, or a collection of them, as JSON text.

    >>> import centralasia as ca
    >>> print(ca.to_json(ca.countries.get("KG"), indent=None)[:34])
    {"id": "kg", "name": "Kyrgyzstan",

    .. versionadded:: 0.1
    """
    if isinstance(records, Iterable):
        data: object = [to_dict(record) for record in records]
    else:
        data = to_dict(records)
    return json.dumps(data, ensure_ascii=False, indent=indent)


def collection_values(records: Iterable[Any], cls: type[Any]) -> tuple[Table, dict[str, list[Any]]]:
    """Return the table of the record class *cls* and its values for *records*."""
    from centralasia._tables import table_of  # noqa: PLC0415

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


def _csv_cells(table: Table, column: Column) -> Callable[[Any], str]:
    """Return how a cell of *column* is written: empty for a missing value."""
    if column.type is ColumnType.LIST:
        return _list_cell(f"{table.name}.{column.name}")
    texts: dict[ColumnType, Callable[[Any], str]] = {
        ColumnType.DECIMAL: lambda number: f"{number:f}",  # never an exponent: 1E+9
        ColumnType.DATE: dt.date.isoformat,
    }
    text = texts.get(column.type, str)
    return lambda value: "" if value is None else text(value)


def write_csv(table: Table, columns: Mapping[str, list[Any]], file: IO[str]) -> int:
    """Write *table*'s *columns* to *file* as CSV with a header row; return the row count."""
    writer = csv.writer(file)
    writer.writerow(table.column_names)
    cells = [list(map(_csv_cells(table, column), columns[column.name])) for column in table.columns]
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
    ColumnType.LIST: "list",
}


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": column.name,
        "type": FIELD_TYPES[column.type],
        "description": column.description,
    }
    constraints: dict[str, Any] = {}
    if not column.nullable and column.type is not ColumnType.LIST:
        constraints["required"] = True  # an empty list is an empty cell
    if column.categories:
        constraints["enum"] = list(column.categories)
    if column.type is ColumnType.LIST:
        field |= {"delimiter": LIST_DELIMITER, "itemType": "string"}
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


def _source_title(article: Any) -> str:
    """Name an article as the sources page does: by its title, else by its authors."""
    if article.title:
        return str(article.title)
    return f"Untitled article by {', '.join(article.authors) or 'an unnamed author'}"


def descriptor(dataset: Dataset) -> dict[str, Any]:
    """Return the ``datapackage.json`` descriptor of *dataset*'s tables, as CSV files."""
    import importlib.metadata  # noqa: PLC0415

    from centralasia import _bundled  # noqa: PLC0415

    package: dict[str, Any] = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "centralasia",
        "title": "centralasia: China's relations with Central Asia",
        "description": (
            "A typed, source-cited dataset: every figure with the article and the verbatim "
            "quote it comes from. One table per kind of record, and the citations and "
            "inferences of every record. Written by the centralasia library."
        ),
    }
    if dataset is _bundled._bundled:  # noqa: SLF001 - the licence is the package's own data's
        metadata = importlib.metadata.metadata("centralasia")
        package["version"] = metadata["Version"]
        licence = (metadata.get_all("License-Expression") or [None])[0]
        if licence:
            package["licenses"] = [
                {"name": licence, "path": f"https://spdx.org/licenses/{licence}.html"}
            ]
    package["sources"] = [{"title": _source_title(article)} for article in dataset.articles]
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


def _create(table: Table) -> str:
    lines = []
    for column in table.columns:
        line = f"{_quoted(column.name)} {SQL_TYPES[column.type]}"
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
        return [None if value is None else f"{value:f}" for value in cells]
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


def write_sqlite(dataset: Dataset, path: pathlib.Path) -> list[Written]:
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
                                  for column in table.columns), strict=True))  # fmt: skip
                marks = ", ".join("?" * len(table.columns))
                connection.executemany(
                    f"INSERT INTO {_quoted(table.name)} VALUES ({marks})",  # noqa: S608
                    rows,
                )
                written.append(Written(path, table.name, len(rows)))
            _full_text(connection)
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
        from centralasia._seeds import FOLDER  # noqa: PLC0415

        return [root / kind.file for kind in KINDS] + [root / FOLDER / name
                                                        for name in dataset.seeds]  # fmt: skip
    suffix = ".parquet" if format == "parquet" else ".csv"
    found = [root / f"{table.name}{suffix}" for table in tables()]
    return [*found, root / DESCRIPTOR] if format == "datapackage" else found


def _refuse_existing(paths: Iterable[pathlib.Path]) -> None:
    for path in paths:
        if path.exists():
            raise FileExistsError(
                errno.EEXIST, "exists; pass overwrite=True to replace it", str(path)
            )


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
        from centralasia._arrow import _pyarrow  # noqa: PLC0415

        _pyarrow()  # a missing extra is reported before anything is written
    if not overwrite:
        _refuse_existing(_targets(dataset, root, chosen))
    root.mkdir(parents=True, exist_ok=True)


def _write_json(dataset: Dataset, root: pathlib.Path) -> list[Written]:
    dataset.dump(root)
    collections = dataset.collections
    written = [Written(root / kind.file, kind.collection, len(collections[kind.collection]))
               for kind in KINDS]  # fmt: skip
    return written + [Written(path) for path in _targets(dataset, root, "json")[len(KINDS) :]]


def _write_tables(dataset: Dataset, root: pathlib.Path, chosen: Format) -> list[Written]:
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
        with target.open("w", encoding="utf-8", newline="") as file:
            written.append(Written(target, table.name, write_csv(table, columns, file)))
    if chosen == "datapackage":
        text = json.dumps(descriptor(dataset), ensure_ascii=False, indent=2) + "\n"
        (root / DESCRIPTOR).write_text(text, encoding="utf-8")
        written.append(Written(root / DESCRIPTOR))
    return written


def export(
    dataset: Dataset,
    path: str | os.PathLike[str],
    format: str,  # noqa: A002 - the command's --format
    *,
    overwrite: bool = False,
) -> list[Written]:
    """Write *dataset* to *path* in *format*; see :meth:`Dataset.export`."""
    if format not in FORMATS:
        msg = f"unknown format {format!r}: choose one of {', '.join(FORMATS)}"
        raise ValueError(msg)
    chosen = typing.cast("Format", format)
    root = pathlib.Path(path)
    if chosen == "sqlite":
        _database(root, overwrite=overwrite)
        with paused_gc():
            return write_sqlite(dataset, root)
    _directory(dataset, root, chosen, overwrite=overwrite)
    if chosen == "json":
        return _write_json(dataset, root)
    with paused_gc():
        return _write_tables(dataset, root, chosen)
