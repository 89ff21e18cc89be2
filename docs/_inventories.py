"""
Intersphinx inventories for offline builds: the objects our documentation links to.

The build machines here have no network, so Sphinx cannot download the
``objects.inv`` of Python, attrs, cattrs, dateutil and hypothesis.  This
module writes small inventories holding just the objects our pages and type
hints name, with the addresses of their real documentation.  On Read the Docs
(where ``READTHEDOCS`` is set) the projects' full inventories are used instead.
A name missing here makes the nitpicky build (``-n -W``) fail, so the list
cannot silently fall behind the code.
"""

from __future__ import annotations

import pathlib
import zlib

#: Project -> (documentation root, {(name, role): path relative to the root}).
INVENTORIES: dict[str, tuple[str, dict[tuple[str, str], str]]] = {
    "python": ("https://docs.python.org/3/", {
        ("decimal.Decimal", "py:class"): "library/decimal.html#decimal.Decimal",
        ("datetime.date", "py:class"): "library/datetime.html#datetime.date",
        ("enum.Enum", "py:class"): "library/enum.html#enum.Enum",
        ("enum.IntEnum", "py:class"): "library/enum.html#enum.IntEnum",
        ("collections.abc.Callable", "py:class"):
            "library/collections.abc.html#collections.abc.Callable",
        ("collections.abc.Iterable", "py:class"):
            "library/collections.abc.html#collections.abc.Iterable",
        ("collections.abc.Iterator", "py:class"):
            "library/collections.abc.html#collections.abc.Iterator",
        ("collections.abc.Mapping", "py:class"):
            "library/collections.abc.html#collections.abc.Mapping",
        ("collections.abc.Sequence", "py:class"):
            "library/collections.abc.html#collections.abc.Sequence",
        ("os.PathLike", "py:class"): "library/os.html#os.PathLike",
        ("pathlib.Path", "py:class"): "library/pathlib.html#pathlib.Path",
        ("sqlite3", "py:module"): "library/sqlite3.html#module-sqlite3",
        ("FileExistsError", "py:exception"): "library/exceptions.html#FileExistsError",
        ("typing.IO", "py:class"): "library/typing.html#typing.IO",
        ("typing.Any", "py:data"): "library/typing.html#typing.Any",
        ("csv", "py:module"): "library/csv.html#module-csv",
        ("json", "py:module"): "library/json.html#module-json",
        ("str", "py:class"): "library/stdtypes.html#str",
        ("int", "py:class"): "library/functions.html#int",
        ("float", "py:class"): "library/functions.html#float",
        ("bool", "py:class"): "library/functions.html#bool",
        ("tuple", "py:class"): "library/stdtypes.html#tuple",
        ("dict", "py:class"): "library/stdtypes.html#dict",
        ("list", "py:class"): "library/stdtypes.html#list",
        ("None", "py:data"): "library/constants.html#None",
        ("ValueError", "py:exception"): "library/exceptions.html#ValueError",
        ("LookupError", "py:exception"): "library/exceptions.html#LookupError",
        ("TypeError", "py:exception"): "library/exceptions.html#TypeError",
        ("ImportError", "py:exception"): "library/exceptions.html#ImportError",
    }),
    "attrs": ("https://www.attrs.org/en/stable/", {
        ("attrs.frozen", "py:function"): "api.html#attrs.frozen",
        ("attrs.field", "py:function"): "api.html#attrs.field",
        ("attrs.evolve", "py:function"): "api.html#attrs.evolve",
    }),
    "cattrs": ("https://catt.rs/en/stable/", {
        ("cattrs.Converter", "py:class"): "api/cattrs.html#cattrs.Converter",
    }),
    "dateutil": ("https://dateutil.readthedocs.io/en/stable/", {
        ("dateutil.relativedelta.relativedelta", "py:class"):
            "relativedelta.html#dateutil.relativedelta.relativedelta",
    }),
    "hypothesis": ("https://hypothesis.readthedocs.io/en/latest/", {
        ("hypothesis.strategies.SearchStrategy", "py:class"):
            "reference/strategies.html#hypothesis.strategies.SearchStrategy",
        ("hypothesis.strategies.composite", "py:function"):
            "reference/strategies.html#hypothesis.strategies.composite",
    }),
}  # fmt: skip


def write(directory: pathlib.Path) -> dict[str, tuple[str, str]]:
    """Write one ``objects.inv`` per project into *directory*; return an intersphinx mapping."""
    directory.mkdir(parents=True, exist_ok=True)
    mapping = {}
    for project, (root, objects) in INVENTORIES.items():
        header = (
            "# Sphinx inventory version 2\n"
            f"# Project: {project}\n# Version: \n"
            "# The remainder of this file is compressed using zlib.\n"
        )
        lines = "".join(
            f"{name} {role} 1 {path} -\n" for (name, role), path in sorted(objects.items())
        )
        path = directory / f"{project}.inv"
        path.write_bytes(header.encode() + zlib.compress(lines.encode()))
        mapping[project] = (root, str(path))
    return mapping
