"""
Where the hosted documentation shows each record: one stable address per record.

The address follows from a record's kind and id alone, read from the schema:
kinds whose records are found by a name (articles, countries, organizations,
corridors) have a page per record, ``data/<collection>/<id>.html``; every
other kind is an anchor on its collection's page, ``data/<collection>.html#<id>``.
The documentation's generator writes its pages at these addresses, so the two
cannot drift.
"""

from __future__ import annotations

from typing import Any

from centralasia._errors import wrong_type
from centralasia._model import Citation, Record
from centralasia._schema import Kind, kind_of

__all__ = [
    "DOCUMENTATION",
    "FOLDER",
    "address",
    "collection_address",
    "has_page",
    "passage_address",
    "passage_anchor",
]

#: The hosted documentation, latest version.
DOCUMENTATION = "https://centralasia.readthedocs.io/en/latest/"
#: The folder of the documentation that holds the data's pages.
FOLDER = "data"


def has_page(kind: Kind[Any]) -> bool:
    """Return whether each record of *kind* has a page of its own: it has a name to find it by."""
    return kind.keys != ("id",)


def _root(base: str) -> str:
    return base if not base or base.endswith("/") else base + "/"


def collection_address(kind: Kind[Any], base: str = DOCUMENTATION) -> str:
    """Return the address of the page listing every record of *kind*."""
    return f"{_root(base)}{FOLDER}/{kind.collection}.html"


def address(record: Record, base: str = DOCUMENTATION) -> str:
    """
    Return the address where the documentation shows *record*, to link to or cite.

    A country, organization, corridor or article has a page of its own; any
    other record is an anchor on the page of its collection.  The address
    depends only on the record's kind and id, so it stays the same from one
    release to the next.  With ``base=""`` it is relative to the root of the
    documentation.

    >>> import centralasia as ca
    >>> ca.address(ca.countries.get("Kyrgyzstan"))
    'https://centralasia.readthedocs.io/en/latest/data/countries/kg.html'
    >>> ca.address(ca.loans.get("kg-exim-2023"), base="")
    'data/loans.html#kg-exim-2023'

    Args:
        record: Any record of the dataset.
        base: The root of the documentation; a version other than ``latest``
            is ``https://centralasia.readthedocs.io/en/<version>/``.

    Raises:
        TypeError: If *record* is not a record (a :class:`Citation` is part of one),
            or *base* is not a string.

    .. versionadded:: 0.1

    """
    if not isinstance(base, str):
        raise wrong_type("address", "base", "a string", base)
    kind = kind_of(type(record))
    if has_page(kind):
        return f"{_root(base)}{FOLDER}/{kind.collection}/{record.id}.html"
    return f"{collection_address(kind, base)}#{record.id}"


def passage_anchor(citation: Citation) -> str:
    """Return the anchor of *citation*'s passage on its article's page, from the quote's offsets."""
    return f"q{citation.start}-{citation.end}"


def passage_address(citation: Citation, base: str = DOCUMENTATION) -> str:
    """Return the address of *citation*'s passage, highlighted in its article's text."""
    return f"{address(citation.article, base)}#{passage_anchor(citation)}"
