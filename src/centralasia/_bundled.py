"""
The dataset shipped inside the package: found, read once, and shared.
"""

from __future__ import annotations

import os
import pathlib
import threading
from typing import Any

from centralasia._dataset import Dataset, package_data, read
from centralasia._errors import DataError, Problem, wrong_type
from centralasia._schema import KINDS
from centralasia._seeds import FOLDER

__all__ = ["NAMES", "attribute", "bundled", "load", "location", "snapshot"]

_bundled: Dataset | None = None
_lock = threading.Lock()

#: The parts of the bundled dataset that the package gives as attributes (``ca.loans``).
NAMES = frozenset(
    [
        *(kind.collection for kind in KINDS),
        *("about", "export", "find_text", "members", "record", "search", "timeline"),
    ]
)


def bundled() -> Dataset:
    """Return the bundled dataset, reading it exactly once even under threads."""
    global _bundled  # noqa: PLW0603 - the process-wide cache of the bundled data
    if _bundled is None:
        with _lock:
            if _bundled is None:
                _bundled = _read()
    return _bundled


def _read() -> Dataset:
    """Read the bundled dataset: from the wheel's snapshot if it is there and current."""
    from centralasia import _snapshot  # noqa: PLC0415 - the first use pays, not the import

    data, seeds = location()
    found = _snapshot.read(pathlib.Path(__file__).parent / _snapshot.FILE, data, seeds)
    if found is None:
        return read(data, seeds, package=True)
    return package_data(*found)


def snapshot(path: pathlib.Path) -> None:
    """Write the bundled data, loaded the checked way, as a snapshot at *path* (hatch_build.py)."""
    from centralasia._snapshot import write  # noqa: PLC0415 - only the wheel's build writes one

    data, seeds = location()
    write(read(data, seeds, package=True), data, seeds, path)


def location() -> tuple[pathlib.Path, pathlib.Path]:
    """
    Return the bundled data folder and its seeds folder.

    A built package carries the seeds in ``data/seeds``; an editable install
    of a source checkout reads them from the checkout's top-level ``seeds/``,
    the one copy of the corpus.
    """
    # The package is always installed as files (a wheel is unpacked, never
    # imported from a zip), so a path will do; importlib.resources would cost
    # another 5 ms of imports on every first use.
    data = pathlib.Path(__file__).parent / "data"
    seeds = data / FOLDER
    checkout_seeds = pathlib.Path(__file__).resolve().parents[2] / FOLDER
    if not seeds.is_dir() and checkout_seeds.is_dir():
        return data, checkout_seeds
    return data, seeds


def attribute(name: str) -> Any:
    """Give the package ``ca.countries``, ``ca.about``...: the bundled dataset's parts."""
    if name in NAMES:
        return getattr(bundled(), name)  # the caller keeps it: later uses skip this
    msg = f"module 'centralasia' has no attribute {name!r}"
    raise AttributeError(msg)


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
    if not isinstance(path, (str, os.PathLike)):
        raise wrong_type("load", "path", "a path to a dataset folder, or None", path)
    if not os.fspath(path):  # pathlib.Path("") is the current folder: say which folder
        problem = Problem("''", "", "", "an empty path names no folder; give '.' for this one")
        raise DataError([problem])
    return read(path)
