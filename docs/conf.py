"""Sphinx configuration for the centralasia documentation."""

from __future__ import annotations

import importlib.metadata
import os
import pathlib
import sys
from collections.abc import Mapping
from typing import Any

sys.path.insert(0, str(pathlib.Path(__file__).parent))

import _contents
import _generated
import _inventories

HERE = pathlib.Path(__file__).parent
# The "Dataset contents" page is generated from the data on every build.
_contents.write(HERE / "generated")
# So are the data dictionary and the sources page; the data site (docs/data/,
# one page or anchor per record, the conflicts page among them) is written by
# the _site extension when a build starts.
_generated.write(HERE / "generated")
# The conflicts page moved to data/conflicts (issue 17); a copy left by an older build
# would be a page in no table of contents, which fails the build.
(HERE / "generated" / "conflicts.md").unlink(missing_ok=True)

project = "centralasia"
author = "The centralasia developers"
copyright = "2026, the centralasia developers"
release = importlib.metadata.version("centralasia")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "_site",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "_contents.py", "_generated.py", "_inventories.py", "_site.py"]
myst_heading_anchors = 2

# Every reference must resolve (sphinx-build -n): type variables have no page.
nitpicky = True
TYPE_VARIABLES = ("centralasia._collection.T", "centralasia._collection.D", "T", "D", "R", "V",
                  "centralasia._lookup.T",
                  "centralasia._values.V", "centralasia._model.R", "centralasia._dataset.D",
                  "centralasia.strategies.T")  # fmt: skip
nitpick_ignore = [(role, name) for role in ("py:class", "py:obj") for name in TYPE_VARIABLES]

# Read the Docs has a network and uses the projects' own inventories; elsewhere
# the small vendored ones (docs/_inventories.py) are written and used.
intersphinx_mapping: Mapping[str, tuple[str, str | None]]
if os.environ.get("READTHEDOCS"):
    intersphinx_mapping = {
        project: (root, None) for project, (root, _) in _inventories.INVENTORIES.items()
    }
else:
    intersphinx_mapping = _inventories.write(HERE / "generated" / "inventories")

# The linkcheck builder checks internal links only: these machines have no network.
linkcheck_ignore = [r"https?://"]

autodoc_typehints = "description"
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

doctest_global_setup = """
import centralasia as ca
from decimal import Decimal
from centralasia import *
"""

html_theme = "furo"
html_static_path = ["_static"]
html_title = f"centralasia {release}"


def _public_bases(
    _app: object, _name: str, _obj: object, _options: object, bases: list[type]
) -> None:
    """Leave the notebook display mixin out of a class's bases: it is machinery, not API."""
    bases[:] = [base for base in bases if base.__module__ != "centralasia._shown"] or [object]


def setup(app: Any) -> None:
    """Connect the handlers above."""
    app.connect("autodoc-process-bases", _public_bases)
