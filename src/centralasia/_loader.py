"""
Reading a dataset folder: every file checked, every problem collected, nothing half-loaded.

A dataset is a directory holding one JSON file per kind of record (an array
of records; see the schema) and a ``seeds/`` folder with the texts the
articles come from.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import frozen

from centralasia import _references
from centralasia._collection import Collection
from centralasia._converter import structure_record
from centralasia._errors import DataError, Problem, cut, shown
from centralasia._gc import paused_gc
from centralasia._model import Article
from centralasia._problems import explain
from centralasia._schema import KINDS, Kind, references
from centralasia._seeds import FOLDER, read_seeds, read_text

if TYPE_CHECKING:
    from collections.abc import Callable
    from importlib.resources.abc import Traversable

__all__ = ["MAX_NUMBER", "Loaded", "read"]

#: The longest number a data file may write, in characters; a longer one is refused
#: before Python converts it (a 5,000-digit integer takes time and raises ValueError).
MAX_NUMBER = 40


class _StrictJSONError(ValueError):
    """What strict JSON refuses and :func:`json.loads` takes: a repeated key, NaN, huge numbers."""


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping = dict(pairs)
    if len(mapping) != len(pairs):  # rare: find the repeated key only then
        seen: set[str] = set()
        repeated = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        msg = (
            f"the key {shown(repeated)} appears twice in one object (readers differ on which wins)"
        )
        raise _StrictJSONError(msg)
    return mapping


def _number(parse: Any) -> Any:
    def number(text: str) -> Any:
        if len(text) > MAX_NUMBER:
            msg = f"a number of {len(text)} characters; at most {MAX_NUMBER} are read"
            raise _StrictJSONError(msg)
        return parse(text)

    return number


def _constant(name: str) -> Any:
    msg = f"{name} is not a JSON value"
    raise _StrictJSONError(msg)


_STRICT: dict[str, Any] = {
    "object_pairs_hook": _object,
    "parse_int": _number(int),
    "parse_float": _number(float),
    "parse_constant": _constant,
}


@frozen
class Loaded:
    """A dataset directory once read and checked: its collections by name, and its seed texts."""

    collections: dict[str, Collection[Any]]
    seeds: Mapping[str, str]


def _read_array(root: Traversable, file_name: str) -> list[Any] | Problem:
    """Return the records of the file *file_name*, or the problem that stops its reading."""
    text = read_text(root / file_name, root, file_name)
    if isinstance(text, Problem):
        return text
    try:
        raw = json.loads(text, **_STRICT)
    except json.JSONDecodeError as exc:
        return Problem(file_name, "", "", f"not valid JSON: {exc}")
    except _StrictJSONError as exc:
        return Problem(file_name, "", "", f"not strict JSON: {exc}")
    except RecursionError:
        return Problem(file_name, "", "", "not strict JSON: arrays or objects nested too deeply")
    if not isinstance(raw, list):
        message = f"expected a JSON array of records, got {type(raw).__name__}"
        return Problem(file_name, "", "", message)
    return raw


_ARTICLES = next(kind for kind in KINDS if kind.cls is Article)


def _in_dependency_order(raws: list[Any], kind: Kind[Any]) -> list[tuple[int, Any]]:
    """
    Order records so that one referring to another of its own file comes after it.

    Records keep their positions for error messages, and their file order
    where nothing forces another; a reference that cannot be ordered (a
    cycle, an unknown id) is left to fail when it is resolved.  A depth-first
    walk places each record once, so ordering takes linear time: 16,000
    organizations chained through their predecessors took 283 s with the
    earlier waves (issue 22).
    """
    fields = [ref.field for ref in references(kind.cls) if ref.targets == (kind,)]
    numbered = list(enumerate(raws))
    if not fields:
        return numbered
    first: dict[str, int] = {}
    for position, raw in numbered:
        record_id = raw.get("id") if type(raw) is dict else None
        if type(record_id) is str:
            first.setdefault(record_id, position)

    def wanted(position: int) -> list[int]:
        raw = raws[position]
        if type(raw) is not dict:
            return []
        values = [raw.get(name) for name in fields]
        flat = [item for value in values for item in (value if type(value) is list else [value])]
        return [first[item] for item in flat if type(item) is str and item in first]

    return [numbered[position] for position in _depth_first(len(raws), wanted)]


def _depth_first(count: int, wanted: Callable[[int], list[int]]) -> list[int]:
    """Return the positions 0 to *count* - 1, each after those it *wanted*, cycles aside."""
    new, visiting, placed = 0, 1, 2
    state = [new] * count
    ordered: list[int] = []
    for start in range(count):
        if state[start] != new:
            continue
        state[start] = visiting
        stack = [(start, iter(wanted(start)))]
        while stack:
            position, pending = stack[-1]
            for needed in pending:
                if state[needed] == new:  # visiting: a cycle, left to resolution
                    state[needed] = visiting
                    stack.append((needed, iter(wanted(needed))))
                    break
            else:
                stack.pop()
                state[position] = placed
                ordered.append(position)
    return ordered


def _record_name(raw: object, position: int) -> str:
    record_id = raw.get("id") if isinstance(raw, dict) else None
    return readable(record_id, 60) if isinstance(record_id, str) and record_id else f"#{position}"


def readable(text: str, size: int | None = None) -> str:
    """Return *text* cut to a readable length, lone surrogates escaped so any terminal shows it."""
    text = cut(text) if size is None else cut(text, size)
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def read(root: Traversable, seeds: Traversable | None = None) -> Loaded:
    """
    Read and check the dataset in *root*; raise :class:`DataError` listing every problem.

    The articles' seed texts are read from *seeds*, by default ``root/seeds``.
    """
    with paused_gc():  # many records, no cycles: the collector's passes cost without gain
        return _read(root, seeds)


def _read(root: Traversable, seeds: Traversable | None) -> Loaded:
    try:
        present = root.is_dir()
    except OSError as exc:  # a name too long, a symlink loop
        raise DataError(
            [Problem(readable(str(root)), "", "", f"cannot be opened: {exc.strerror}")]
        ) from None
    if not present:
        raise DataError([Problem(readable(str(root)), "", "", "not a directory")])
    problems: list[Problem] = []
    # The articles come first: only the seeds they name are read.
    articles = _read_array(root, _ARTICLES.file)
    names = (
        []
        if isinstance(articles, Problem)
        else [raw.get("seed") for raw in articles if isinstance(raw, dict)]
    )
    folder = root / FOLDER if seeds is None else seeds
    texts = read_seeds(
        folder,
        [name for name in names if isinstance(name, str)],
        root if seeds is None else folder,
        problems,
    )
    registry = _references.Registry(texts)
    # The problems so far are seeds that could not be read: an article cut from
    # one of them fails as a consequence (issue 14: lead with the cause).
    registry.unread.update(problem.file for problem in problems)
    collections: dict[str, Collection[Any]] = {}
    with _references.using(registry):
        for kind in KINDS:
            # Filled as the file loads, so records may refer to earlier ones of the file.
            records = registry.records[kind.cls]
            raws = articles if kind is _ARTICLES else _read_array(root, kind.file)
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
                        Problem(
                            kind.file,
                            name,
                            readable(path),
                            readable(message),
                            consequence=consequence,
                        )
                        for path, message, consequence in explain(exc)
                    ]
                    registry.invalid[kind.cls].add(name)
                    continue
                if record.id in records:
                    problems.append(
                        Problem(kind.file, name, "id", f"duplicate id {shown(record.id)}")
                    )
                    continue
                records[record.id] = record
            collections[kind.collection] = Collection(records.values(), kind.cls)
    if problems:
        raise DataError(problems)
    return Loaded(collections, registry.seeds)
