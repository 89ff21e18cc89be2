"""
Reading, checking and writing datasets; the bundled dataset, loaded once.

A dataset is a directory holding one JSON file per record type (an array of
records) and a ``seeds/`` folder with the texts the articles come from.
"""

from __future__ import annotations

import os
import threading
import types
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import field, frozen

from centralasia._errors import DataError, Problem
from centralasia._model import (
    Article,
    Conflict,
    Corridor,
    Country,
    Event,
    Finance,
    Loan,
    Measurement,
    Membership,
    Organization,
)
from centralasia._query import Collection

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

# json, pathlib and importlib.resources are imported where they are used:
# together they would double the cost of `import centralasia`.

__all__ = ["Dataset", "load"]

#: File name stem and record type of each collection, in loading order: a
#: file may refer only to records of the files before it.
FILES: tuple[tuple[str, type[Any]], ...] = (
    ("articles", Article),
    ("countries", Country),
    ("organizations", Organization),
    ("corridors", Corridor),
    ("memberships", Membership),
    ("events", Event),
    ("loans", Loan),
    ("finance", Finance),
    ("measurements", Measurement),
    ("conflicts", Conflict),
)
SEEDS = "seeds"


def _read_only(seeds: Mapping[str, str]) -> Mapping[str, str]:
    return types.MappingProxyType(dict(seeds))


@frozen
class Dataset:
    """
    A complete, checked set of records: articles, countries, loans and the rest.

    Each collection is an immutable :class:`Collection` in id order.
    :attr:`seeds` maps each seed file's name to its text.

    .. versionadded:: 0.1
    """

    articles: Collection[Article]
    countries: Collection[Country]
    organizations: Collection[Organization]
    corridors: Collection[Corridor]
    memberships: Collection[Membership]
    events: Collection[Event]
    loans: Collection[Loan]
    finance: Collection[Finance]
    measurements: Collection[Measurement]
    conflicts: Collection[Conflict]
    seeds: Mapping[str, str] = field(converter=_read_only)

    def dump(self, path: str | os.PathLike[str]) -> None:
        """
        Write the dataset to the directory *path*, creating it if needed.

        ``load(path)`` then gives back an equal dataset.

        .. versionadded:: 0.1
        """
        import json  # noqa: PLC0415
        import pathlib  # noqa: PLC0415

        from centralasia._converter import converter  # noqa: PLC0415

        root = pathlib.Path(path)
        (root / SEEDS).mkdir(parents=True, exist_ok=True)
        for name, text in self.seeds.items():
            (root / SEEDS / name).write_bytes(text.encode("utf-8"))
        for stem, _ in FILES:
            records = converter.unstructure(tuple(getattr(self, stem)))
            text = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
            (root / f"{stem}.json").write_text(text, encoding="utf-8")


def _read_seeds(root: Traversable, problems: list[Problem]) -> dict[str, str]:
    folder = root / SEEDS
    if not folder.is_dir():
        problems.append(Problem(SEEDS, "", "", "the seeds/ folder is missing"))
        return {}
    seeds: dict[str, str] = {}
    for entry in sorted(folder.iterdir(), key=lambda entry: entry.name):
        if entry.is_file():
            try:
                seeds[entry.name] = entry.read_bytes().decode("utf-8")
            except UnicodeDecodeError as exc:
                problems.append(Problem(f"{SEEDS}/{entry.name}", "", "", f"not UTF-8: {exc}"))
    return seeds


def _read_array(root: Traversable, file_name: str, problems: list[Problem]) -> list[Any]:
    import json  # noqa: PLC0415

    entry = root / file_name
    if not entry.is_file():
        problems.append(Problem(file_name, "", "", "the file is missing"))
        return []
    try:
        raw = json.loads(entry.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as exc:
        problems.append(Problem(file_name, "", "", f"not UTF-8: {exc}"))
        return []
    except json.JSONDecodeError as exc:
        problems.append(Problem(file_name, "", "", f"not valid JSON: {exc}"))
        return []
    if not isinstance(raw, list):
        message = f"expected a JSON array of records, got {type(raw).__name__}"
        problems.append(Problem(file_name, "", "", message))
        return []
    return raw


def _in_dependency_order(raws: list[Any], fields: tuple[str, ...]) -> list[tuple[int, Any]]:
    """
    Order records so that one referring to another of its file comes after it.

    Records keep their positions for error messages; a reference that cannot
    be ordered (a cycle, an unknown id) is left to fail when it is resolved.
    """
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


def read(root: Traversable) -> Dataset:
    """Read and check the dataset in *root*; raise :class:`DataError` listing every problem."""
    # Imported here so that importing the package does not import cattrs.
    from centralasia._converter import (  # noqa: PLC0415
        Registry,
        explain,
        self_references,
        structure_record,
    )

    if not root.is_dir():
        raise DataError([Problem(str(root), "", "", "not a directory")])
    problems: list[Problem] = []
    registry = Registry(_read_seeds(root, problems))
    collections: dict[str, Collection[Any]] = {}
    for stem, kind in FILES:
        file_name = f"{stem}.json"
        records: dict[str, Any] = {}
        if kind in registry.records:
            # Filled as the file loads, so records may refer to earlier ones of the file.
            registry.records[kind] = records
        raws = _read_array(root, file_name, problems)
        for position, raw in _in_dependency_order(raws, self_references(kind)):
            name = _record_name(raw, position)
            try:
                record = structure_record(raw, kind, registry)
            except Exception as exc:  # noqa: BLE001 - every error becomes a Problem
                problems += [
                    Problem(file_name, name, path, message)
                    for path, message in explain(exc, owner=kind)
                ]
                if kind in registry.invalid:
                    registry.invalid[kind].add(name)
                continue
            if record.id in records:
                problems.append(Problem(file_name, name, "id", f"duplicate id {record.id!r}"))
                continue
            records[record.id] = record
        collections[stem] = Collection(records.values(), kind.__name__.lower())
    if problems:
        raise DataError(problems)
    return Dataset(**collections, seeds=registry.seeds)


def load(path: str | os.PathLike[str] | None = None) -> Dataset:
    """
    Return the dataset in the directory *path*, or the bundled one.

    With no *path*, the dataset shipped inside the package is read on first
    use, checked, and cached; every later call returns the same object.

    Raises:
        DataError: If any file is missing, malformed or inconsistent; it
            lists every problem, and nothing is loaded.

    >>> load().countries.get("Kyrgyz Republic").alpha_3
    'KGZ'

    .. versionadded:: 0.1

    """
    if path is None:
        return bundled()
    import pathlib  # noqa: PLC0415

    return read(pathlib.Path(path))


_bundled: Dataset | None = None
_bundled_lock = threading.Lock()


def bundled() -> Dataset:
    """Return the bundled dataset, reading it exactly once even under threads."""
    global _bundled  # noqa: PLW0603 - the process-wide cache of the bundled data
    if _bundled is None:
        with _bundled_lock:
            if _bundled is None:
                from importlib.resources import files  # noqa: PLC0415

                _bundled = read(files("centralasia") / "data")
    return _bundled


_BUNDLED_NAMES = frozenset(stem for stem, _ in FILES)


def bundled_attribute(name: str) -> Any:
    """Give the package its ``ca.countries``, ``ca.loans``...: the bundled collections."""
    if name in _BUNDLED_NAMES:
        return getattr(bundled(), name)
    msg = f"module 'centralasia' has no attribute {name!r}"
    raise AttributeError(msg)
