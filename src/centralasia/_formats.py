"""
The formats a dataset is exported to, named once for the facade, the writers and the command.
"""

from __future__ import annotations

import typing
from typing import Literal

__all__ = ["FORMATS", "Format"]

#: A format :meth:`Dataset.export` writes.
Format = Literal["json", "csv", "excel-csv", "datapackage", "parquet", "sqlite", "duckdb"]
#: Every format, in the order the command's ``--format`` lists them.
FORMATS: tuple[str, ...] = typing.get_args(Format)
