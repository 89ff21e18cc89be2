"""Sphinx configuration for the centralasia documentation."""

from __future__ import annotations

import importlib.metadata
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))

import _contents

# The "Dataset contents" page is generated from the data on every build.
_contents.write(pathlib.Path(__file__).parent / "generated")

project = "centralasia"
author = "The centralasia developers"
copyright = "2026, the centralasia developers"
release = importlib.metadata.version("centralasia")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "_contents.py"]
myst_heading_anchors = 2

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
html_title = f"centralasia {release}"
