"""
Reading a dataset folder: every file checked, every problem collected, nothing half-loaded.

A dataset is a directory holding one JSON file per kind of record (an array
of records; see the schema) and a ``seeds/`` folder with the texts the
articles come from.
"""

from __future__ import annotations

import gc
import json
from typing import TYPE_CHECKING, Any

from centralasia import _references
from centralasia._collection import Collection
from centralasia._converter import structure_record
from centralasia._dataset import Dataset
from centralasia._errors import DataError, Problem
from centralasia._problems import explain
from centralasia._schema import KINDS, Kind, references
from centralasia._seeds import FOLDER, read_seeds

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["read"]


def _read_array(root: Traversable, file_name: str) -> list[Any] | Problem:
    """Return the records of the file *file_name*, or the problem that stops its reading."""
    entry = root / file_name
    if not entry.is_file():
        return Problem(file_name, "", "", "the file is missing")
    try:
        raw = json.loads(entry.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as exc:
        return Problem(file_name, "", "", f"not UTF-8: {exc}")
    except json.JSONDecodeError as exc:
        return Problem(file_name, "", "", f"not valid JSON: {exc}")
    if not isinstance(raw, list):
        message = f"expected a JSON array of records, got {type(raw).__name__}"
        return Problem(file_name, "", "", message)
    return raw


def _in_dependency_order(raws: list[Any], kind: Kind[Any]) -> list[tuple[int, Any]]:
    """
    Order records so that one referring to another of its own file comes after it.

    Records keep their positions for error messages; a reference that cannot
    be ordered (a cycle, an unknown id) is left to fail when it is resolved.
    """
    fields = [ref.field for ref in references(kind.cls) if ref.targets == (kind,)]
    numbered = list(enumerate(raws))
    if not fields:
        return numbered

    def wanted(raw: Any) -> set[str]:
        if not isinstance(raw, dict):
            return set()
        values = [raw.get(name) for name in fields]
        flat = [
            item for value in values for item in (value if isinstance(value, list) else [value])
        ]
        return {item for item in flat if isinstance(item, str)}

    present = {raw.get("id") for raw in raws if isinstance(raw, dict)}
    ordered: list[tuple[int, Any]] = []
    placed: set[Any] = set()
    waiting = numbered
    while waiting:
        ready = [(n, raw) for n, raw in waiting if wanted(raw) & present <= placed]
        if not ready:  # a cycle: keep file order and let resolution report it
            ready = waiting
        ordered += ready
        placed |= {raw.get("id") for _, raw in ready if isinstance(raw, dict)}
        done = {position for position, _ in ready}
        waiting = [(position, raw) for position, raw in waiting if position not in done]
    return ordered


def _record_name(raw: object, position: int) -> str:
    record_id = raw.get("id") if isinstance(raw, dict) else None
    return record_id if isinstance(record_id, str) and record_id else f"#{position}"


def read(root: Traversable, seeds: Traversable | None = None) -> Dataset:
    """
    Read and check the dataset in *root*; raise :class:`DataError` listing every problem.

    The articles' seed texts are read from *seeds*, by default ``root/seeds``.
    """
    # Loading makes many objects and no reference cycles. With the cyclic
    # collector on, each of its passes rescans every record built so far, and
    # large loads grow faster than linearly (measured with bench/run.py: 17
    # times the time for 10 times the records, against 10 times with it
    # paused), so it is paused meanwhile and restored however reading ends.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read(root, seeds)
    finally:
        if collecting:
            gc.enable()


def _read(root: Traversable, seeds: Traversable | None) -> Dataset:
    if not root.is_dir():
        raise DataError([Problem(str(root), "", "", "not a directory")])
    problems: list[Problem] = []
    registry = _references.Registry(read_seeds(root / FOLDER if seeds is None else seeds, problems))
    # The problems so far are seeds that could not be read: an article cut from
    # one of them fails as a consequence (issue 14: lead with the cause).
    registry.unread.update(problem.file for problem in problems)
    collections: dict[str, Collection[Any]] = {}
    with _references.using(registry):
        for kind in KINDS:
            # Filled as the file loads, so records may refer to earlier ones of the file.
            records = registry.records[kind.cls]
            raws = _read_array(root, kind.file)
            if isinstance(raws, Problem):
                problems.append(raws)
                registry.unread.add(kind.file)
                raws = []
            for position, raw in _in_dependency_order(raws, kind):
                name = _record_name(raw, position)
                try:
                    record = structure_record(raw, kind.cls)
                except Exception as exc:  # noqa: BLE001 - every error becomes a Problem
                    problems += [
                        Problem(kind.file, name, path, message, consequence=consequence)
                        for path, message, consequence in explain(exc)
                    ]
                    registry.invalid[kind.cls].add(name)
                    continue
                if record.id in records:
                    problems.append(Problem(kind.file, name, "id", f"duplicate id {record.id!r}"))
                    continue
                records[record.id] = record
            collections[kind.collection] = Collection(records.values(), kind.cls)
    if problems:
        raise DataError(problems)
    return Dataset(**collections, seeds=registry.seeds)
