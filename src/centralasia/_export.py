"""
Taking records elsewhere: plain dicts and JSON, CSV, pandas.

Everything goes through the one converter that reads the data files, so an
exported record has exactly the shape of a record in a data file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import IO, Any

__all__ = ["to_dict", "to_json"]


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
    # Imported here, as everything in this module: exporting is paid for on use.
    from centralasia._converter import converter  # noqa: PLC0415

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
    import json  # noqa: PLC0415

    if isinstance(records, Iterable):
        data: object = [to_dict(record) for record in records]
    else:
        data = to_dict(records)
    return json.dumps(data, ensure_ascii=False, indent=indent)


def _flatten(row: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    """Flatten one unstructured record into CSV cells, nested keys joined by dots."""
    cells: dict[str, str] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            cells.update(_flatten(value, f"{name}."))
        elif isinstance(value, list) and any(isinstance(item, Mapping | list) for item in value):
            import json  # noqa: PLC0415

            cells[name] = json.dumps(value, ensure_ascii=False)
        elif isinstance(value, list):
            cells[name] = ";".join(str(item) for item in value)
        elif value is not None:  # an absent figure is an empty cell
            cells[name] = str(value)
    return cells


def _columns(records: list[Mapping[str, Any]], rows: list[dict[str, str]]) -> list[str]:
    """Return the columns in field order, a nested field's parts where the field is."""
    seen = list(dict.fromkeys(column for row in rows for column in row))
    columns: list[str] = []
    for field_name in dict.fromkeys(key for record in records for key in record):
        columns += [c for c in seen if c == field_name or c.startswith(f"{field_name}.")]
    return columns


def write_csv(records: Iterable[Mapping[str, Any]], file: IO[str]) -> None:
    """Write unstructured *records* to *file* as CSV with a header row."""
    import csv  # noqa: PLC0415

    records = list(records)
    rows = [_flatten(record) for record in records]
    writer = csv.DictWriter(file, fieldnames=_columns(records, rows), restval="")
    writer.writeheader()
    writer.writerows(rows)


def to_data_frame(records: Iterable[Mapping[str, Any]]) -> Any:
    """Return unstructured *records* as a ``pandas.DataFrame`` with the CSV's columns."""
    try:
        import pandas as pd  # noqa: PLC0415
    except ImportError as exc:
        msg = "to_pandas() needs pandas: pip install 'centralasia[pandas]'"
        raise ImportError(msg) from exc
    records = list(records)
    rows = [_flatten(record) for record in records]
    return pd.DataFrame(rows, columns=_columns(records, rows))
