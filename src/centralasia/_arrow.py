"""
The formats that need optional extras: pandas data frames and Parquet files.

pandas comes with the ``pandas`` extra, pyarrow with the ``parquet`` extra;
neither is a dependency of the library.  Both are imported here only, when a
frame or a file is asked for, and a missing one raises an ImportError that
names the extra to install.

pandas gets numbers as ``float64``, its own numeric type, which every pandas,
NumPy and plotting function takes: each value is the double nearest to the
exact decimal (a relative error under 2**-53, about 1.1e-16), and whole
numbers below 2**53 (about 9e15) are exact.  Parquet keeps the exact decimals,
as ``decimal128(38, 10)``.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import pathlib
from collections.abc import Iterable, Mapping
from typing import Any

from centralasia._gc import paused_gc
from centralasia._tables import (
    DECIMAL_PRECISION,
    DECIMAL_SCALE,
    Column,
    ColumnType,
    Table,
    unfit_decimal,
    values,
)
from centralasia._validators import decimal_fits

__all__ = [
    "PANDAS_DTYPES",
    "arrow_table",
    "arrow_type",
    "extra_module",
    "frame",
    "pyarrow_module",
    "write_parquet",
]


def extra_module(module: str, extra: str, purpose: str) -> Any:
    """Import the optional *module*, or say which extra of ours brings it."""
    import importlib  # noqa: PLC0415 - each extra is imported on first use only

    try:
        return importlib.import_module(module)
    except ImportError as error:
        msg = f"{purpose} needs {module}, which is an extra: pip install 'centralasia[{extra}]'"
        raise ImportError(msg, name=module) from error


def _pandas() -> Any:
    return extra_module("pandas", "pandas", "this")


def pyarrow_module() -> Any:
    return extra_module("pyarrow", "parquet", "Parquet")


_EPOCH = dt.date(1970, 1, 1).toordinal()
#: The pandas dtype of each type of column.
PANDAS_DTYPES = {
    ColumnType.STRING: "string",
    ColumnType.CATEGORY: "category",
    ColumnType.INTEGER: "Int64",
    ColumnType.DECIMAL: "float64",
    ColumnType.DATE: "datetime64[s]",  # seconds: nanoseconds, pandas' default, end in 2262
    ColumnType.LIST: "object",
}


def _series(pd: Any, column: Column, cells: list[Any]) -> Any:
    """Return *cells* as a pandas array of *column*'s dtype."""
    import numpy as np  # noqa: PLC0415 - pandas depends on it

    kind, dtype = column.type, PANDAS_DTYPES[column.type]
    if kind is ColumnType.DECIMAL:
        return np.array([math.nan if value is None else float(value) for value in cells], dtype)
    if kind is ColumnType.DATE:  # days since 1970 as integers: faster than dates for NumPy
        nat, epoch = np.iinfo(np.int64).min, _EPOCH
        days = [nat if day is None else day.toordinal() - epoch for day in cells]
        return np.array(days, dtype=np.int64).view("datetime64[D]").astype(dtype)
    if kind is ColumnType.CATEGORY:
        return pd.Categorical(cells, categories=list(column.categories), ordered=column.ordered)
    if kind is ColumnType.LIST:
        lists = np.empty(len(cells), dtype)
        for number, items in enumerate(cells):
            lists[number] = list(items)
        return lists
    return pd.array(cells, dtype=dtype)


def frame(table: Table, collections: Mapping[str, Iterable[Any]]) -> Any:
    """Return *table* as a data frame, its rows taken from *collections*."""
    pd = _pandas()  # before anything is built
    with paused_gc():
        columns = values(table, collections)
        data = {column.name: _series(pd, column, columns[column.name]) for column in table.columns}
        return pd.DataFrame(data, columns=list(table.column_names))


def arrow_type(column: Column) -> Any:
    """Return the ``pyarrow`` type of *column*."""
    return _arrow_type(pyarrow_module(), column)


def _arrow_type(pa: Any, column: Column) -> Any:
    return {
        ColumnType.STRING: pa.string(),
        ColumnType.CATEGORY: pa.dictionary(pa.int32(), pa.string(), ordered=column.ordered),
        ColumnType.INTEGER: pa.int64(),
        ColumnType.DECIMAL: pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE),
        ColumnType.DATE: pa.date32(),
        ColumnType.LIST: pa.list_(pa.string()),
    }[column.type]


def _arrow_array(pa: Any, table: Table, column: Column, cells: list[Any]) -> Any:
    kind = _arrow_type(pa, column)
    if column.type is ColumnType.CATEGORY:
        # Every category is in the dictionary, used or not: R's factor levels, pandas' categories.
        position = {category: number for number, category in enumerate(column.categories)}
        indices = pa.array([None if value is None else position[value] for value in cells],
                           type=pa.int32())  # fmt: skip
        return pa.DictionaryArray.from_arrays(indices, pa.array(column.categories, pa.string()),
                                              ordered=column.ordered)  # fmt: skip
    # Checked before pyarrow sees them: Decimal("1e-10000000") crashes the process in
    # pa.array (a segmentation fault, issue 22) rather than raising ArrowInvalid.
    if column.type is ColumnType.DECIMAL:
        unfit = next((value for value in cells if value is not None and not decimal_fits(value)),
                     None)  # fmt: skip
        if unfit is not None:
            raise unfit_decimal(table, column, unfit)
    return pa.array(cells, type=kind)


def arrow_table(table: Table, columns: dict[str, list[Any]]) -> Any:
    """Return *table*'s *columns* as a ``pyarrow.Table``, each field with its description."""
    pa = pyarrow_module()
    fields = [
        pa.field(column.name, _arrow_type(pa, column), nullable=column.nullable,
                 metadata={"description": column.description})
        for column in table.columns
    ]  # fmt: skip
    metadata = {"description": table.description, "primary_key": json.dumps(table.primary_key)}
    arrays = [_arrow_array(pa, table, column, columns[column.name]) for column in table.columns]
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields, metadata=metadata))


def write_parquet(table: Table, columns: dict[str, list[Any]], path: pathlib.Path) -> int:
    """Write *table*'s *columns* to the Parquet file *path*; return the row count."""
    pyarrow_module()
    import pyarrow.parquet as pq  # noqa: PLC0415 - the parquet extra, on use

    data = arrow_table(table, columns)
    pq.write_table(data, path, compression="zstd")
    return int(data.num_rows)
