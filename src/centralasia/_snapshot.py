"""
A trusted snapshot of the bundled dataset, made when the wheel is built.

The checked load of the bundled JSON files (``_loader.read``) imports cattrs,
compiles its structuring functions and checks every reference and figure:
most of a first lookup's time.  ``hatch_build.py`` runs that load once, at
build time, and writes what it built beside the package: every record and
value as its class and its constructor's arguments, each object once, so
records that share a country or a citation still share it.  Reading it back
calls those constructors (their own validators run) with no cattrs at all.

The JSON files stay the one copy of the data: the snapshot is never
committed, and it carries a fingerprint of the files it was made from and of
the library's version, so a snapshot made from other data or by another
version is refused and the checked load runs instead.  It holds data only:
reading it constructs centralasia's own classes and runs no other code.
"""

from __future__ import annotations

import datetime as dt
import enum
import zlib
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from centralasia._collection import Collection
from centralasia._schema import KINDS
from centralasia._version import __version__

if TYPE_CHECKING:
    import pathlib

    from centralasia._dataset import Dataset

__all__ = ["FILE", "Snapshot", "fingerprint", "read", "write"]

#: What a snapshot holds: each collection by name, and the seeds' texts by file name.
Snapshot = tuple[dict[str, Collection[Any]], dict[str, str]]
#: The snapshot's name, beside this module in a built package.
FILE = "_bundled.snapshot"
#: The snapshot's first line begins so; the fingerprint follows.
_MAGIC = b"centralasia snapshot 1 "
#: How a JSON array in the snapshot begins: what the value it stands for is.
_TUPLE, _DECIMAL, _ENUM, _DATE, _OBJECT = range(5)


def fingerprint(data: pathlib.Path, seeds: pathlib.Path) -> bytes:
    """
    Return what identifies the bundled data: the version and every file the loader reads.

    Names and bytes only, never paths: the checkout's files and the wheel's
    copies of them give the same fingerprint.
    """
    # CRC-32 rather than a cryptographic hash: it tells an edited file from
    # its original, which is all it guards against, and zlib imports in well
    # under a millisecond where hashlib takes several.
    checksum = zlib.crc32(__version__.encode())
    files = [data / kind.file for kind in KINDS]
    files += sorted(path for path in seeds.iterdir() if path.is_file())
    for path in files:
        checksum = zlib.crc32(path.name.encode() + b"\0", checksum)
        checksum = zlib.crc32(path.read_bytes() if path.is_file() else b"\0missing", checksum)
    return f"{__version__} {checksum:08x}".encode()


class _Writer:
    """Turns records into JSON values: each object once, after the objects it holds."""

    def __init__(self) -> None:
        self.classes: list[str] = []
        self.objects: list[list[Any]] = []
        self._class_numbers: dict[type[Any], int] = {}
        self._numbers: dict[int, int] = {}

    def _class(self, cls: type[Any]) -> int:
        if cls not in self._class_numbers:
            self._class_numbers[cls] = len(self.classes)
            self.classes.append(f"{cls.__module__}:{cls.__qualname__}")
        return self._class_numbers[cls]

    def value(self, value: object) -> Any:
        """Return *value* as JSON: scalars as they are, anything else as a tagged array."""
        if value is None or type(value) in {str, int, bool}:
            return value
        if isinstance(value, tuple):
            return [_TUPLE, *map(self.value, value)]
        if isinstance(value, Decimal):
            return [_DECIMAL, str(value)]
        if isinstance(value, enum.Enum):
            return [_ENUM, self._class(type(value)), value.value]
        if type(value) is dt.date:
            return [_DATE, value.isoformat()]
        if attrs.has(type(value)):
            number = self._numbers.get(id(value))
            if number is None:  # the dataset keeps every object alive: ids stay unique
                fields = attrs.fields(type(value))  # type: ignore[arg-type]
                arguments = [self.value(getattr(value, f.name)) for f in fields if f.init]
                number = self._numbers[id(value)] = len(self.objects)
                self.objects.append([self._class(type(value)), *arguments])
            return [_OBJECT, number]
        msg = f"a snapshot cannot hold {type(value).__name__} {value!r}"
        raise TypeError(msg)


def write(dataset: Dataset, data: pathlib.Path, seeds: pathlib.Path, path: pathlib.Path) -> None:
    """Write *dataset*, loaded the checked way from *data* and *seeds*, as a snapshot at *path*."""
    import json  # noqa: PLC0415 - only the build writes

    writer = _Writer()
    # Every collection of the schema, whatever kinds it holds.
    collections = {
        kind.collection: [writer.value(record)[1] for record in getattr(dataset, kind.collection)]
        for kind in KINDS
    }
    document = {"classes": writer.classes, "objects": writer.objects,
                "collections": collections, "seeds": dict(dataset.seeds)}  # fmt: skip
    body = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
    path.write_bytes(_MAGIC + fingerprint(data, seeds) + b"\n" + body)


def _refuse(path: pathlib.Path, made: str) -> None:
    import warnings  # noqa: PLC0415 - only a refusal pays for it

    message = (
        f"centralasia: the snapshot {path} ({made}) was not made from these data files "
        f"by centralasia {__version__}; reading the data files the checked way instead"
    )
    warnings.warn(message, RuntimeWarning, stacklevel=4)


def _class(name: str) -> type[Any]:
    """Return the class *name* names, one of centralasia's own and nothing else."""
    import sys  # noqa: PLC0415 - already loaded by Python's start-up: free

    module, _, qualname = name.partition(":")
    if module.partition(".")[0] != "centralasia" or module not in sys.modules:
        msg = f"a snapshot may hold only centralasia's classes, not {name}"
        raise TypeError(msg)
    found = getattr(sys.modules[module], qualname)
    if not isinstance(found, type) or not (attrs.has(found) or issubclass(found, enum.Enum)):
        msg = f"a snapshot may hold only records, values and enums, not {name}"
        raise TypeError(msg)
    return found


def read(path: pathlib.Path, data: pathlib.Path, seeds: pathlib.Path) -> Snapshot | None:
    """
    Return the collections and seeds of the snapshot at *path*, or None if it is absent or refused.

    A snapshot that was made from other files than *data* and *seeds* hold,
    or by another version of the library, is refused with a warning.
    """
    try:
        blob = path.read_bytes()
    except FileNotFoundError:  # an editable install, or a build without the hook
        return None
    header, _, body = blob.partition(b"\n")
    made = header.removeprefix(_MAGIC)
    if made == header:
        _refuse(path, "no fingerprint")
        return None
    if made != fingerprint(data, seeds):
        _refuse(path, made.decode(errors="replace"))
        return None
    import json  # noqa: PLC0415 - json is needed only here, never at import

    return _Reader(json.loads(body)).read()


class _Reader:
    """Builds the records of a snapshot's JSON document, each object after those it holds."""

    def __init__(self, document: dict[str, Any]) -> None:
        self._document = document
        self._classes = [_class(name) for name in document["classes"]]
        # Each class's constructor arguments, in the order the writer wrote them.
        self._names = [[f.alias for f in attrs.fields(cls) if f.init] if attrs.has(cls) else []
                       for cls in self._classes]  # fmt: skip
        self._built: list[Any] = []

    def _value(self, encoded: Any) -> Any:
        if type(encoded) is not list:
            return encoded
        tag = encoded[0]
        if tag == _OBJECT:
            return self._built[encoded[1]]
        if tag == _TUPLE:
            return tuple(map(self._value, encoded[1:]))
        if tag == _DECIMAL:
            return Decimal(encoded[1])
        if tag == _ENUM:
            return self._classes[encoded[1]](encoded[2])
        return dt.date.fromisoformat(encoded[1])

    def read(self) -> Snapshot:
        """Return the collections and seeds: every object built by its own constructor."""
        for number, *arguments in self._document["objects"]:
            values = map(self._value, arguments)
            arguments_of = dict(zip(self._names[number], values, strict=True))
            self._built.append(self._classes[number](**arguments_of))
        built = self._built
        collections = {
            kind.collection: Collection(
                [built[n] for n in self._document["collections"][kind.collection]], kind.cls
            )
            for kind in KINDS
        }
        return collections, self._document["seeds"]
