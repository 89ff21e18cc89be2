"""
China's relations with Central Asia as a typed, source-cited dataset.

>>> import centralasia as ca
>>> ca.countries.get("KG").name
'Kyrgyzstan'

The collections ``articles``, ``countries``, ``organizations``, ``people``,
``corridors``, ``sites``, ``memberships``, ``events``, ``loans``, ``finance``,
``measurements``, ``statements`` and ``conflicts`` of the bundled dataset are
attributes of this module, read on first use; so are its helpers ``about``,
``export``, ``find_text``, ``members``, ``record``, ``search`` and ``timeline``
(see :class:`Dataset`).

Importing the package imports nothing else: each public name is imported
from its private module on first use (PEP 562), so ``import centralasia``
stays as cheap as a script's start-up allows.
"""

from typing import TYPE_CHECKING, Any

from centralasia._version import __version__

#: Each public name and the private module that defines it.
_HOMES = {
    "address": "_address",
    "Collection": "_collection", "Match": "_lookup",
    "Dataset": "_dataset", "load": "_bundled",
    "Date": "_dates", "Precision": "_dates",
    "AmbiguousKey": "_errors", "DataError": "_errors", "NotFound": "_errors",
    "Problem": "_errors",
    "cite": "_cite",
    "to_dict": "_export", "to_json": "_export",
    "normalize": "_keys",
    **dict.fromkeys(
        ("Ambiguity", "Article", "Citation", "Conflict", "ConflictKind", "Corridor",
         "CorridorKind", "Country", "Event", "Finance", "FinanceKind", "Inference",
         "LenderExtent", "Loan", "Measurement", "Membership", "Organization",
         "OrganizationKind", "Person", "Position", "Record", "Role", "Site", "SiteKind",
         "Statement"),
        "_model",
    ),
    "Profile": "_relations",
    "TextHit": "_text",
    **dict.fromkeys(
        ("Figure", "LocalName", "Money", "Participant", "Qualifier", "Span"), "_values"
    ),
}  # fmt: skip

__all__ = [
    "Ambiguity",
    "AmbiguousKey",
    "Article",
    "Citation",
    "Collection",
    "Conflict",
    "ConflictKind",
    "Corridor",
    "CorridorKind",
    "Country",
    "DataError",
    "Dataset",
    "Date",
    "Event",
    "Figure",
    "Finance",
    "FinanceKind",
    "Inference",
    "LenderExtent",
    "Loan",
    "LocalName",
    "Match",
    "Measurement",
    "Membership",
    "Money",
    "NotFound",
    "Organization",
    "OrganizationKind",
    "Participant",
    "Person",
    "Position",
    "Precision",
    "Problem",
    "Profile",
    "Qualifier",
    "Record",
    "Role",
    "Site",
    "SiteKind",
    "Span",
    "Statement",
    "TextHit",
    "__version__",
    "address",
    "cite",
    "load",
    "normalize",
    "to_dict",
    "to_json",
]


def __getattr__(name: str) -> Any:
    """Import a public name on first use; give the bundled dataset's parts (``ca.loans``)."""
    import importlib  # noqa: PLC0415 - already loaded by Python's start-up: free

    home = _HOMES.get(name)
    if home is not None:
        value = getattr(importlib.import_module(f"centralasia.{home}"), name)
    elif name == "strategies":  # a public submodule; it imports hypothesis
        value = importlib.import_module("centralasia.strategies")
    elif name.startswith("_"):  # private modules are imported, never looked up here
        raise AttributeError(name)
    else:
        bundled = importlib.import_module("centralasia._bundled")
        value = bundled.attribute(name)  # the bundled dataset is immutable and loaded once
    globals()[name] = value  # later uses are plain attribute lookups
    return value


def __dir__() -> list[str]:
    """List the public API: the names of ``__all__`` and the bundled dataset's parts."""
    from centralasia._bundled import NAMES  # noqa: PLC0415 - not on import: start-up stays cheap

    return sorted({*__all__, *NAMES, "strategies"})


if TYPE_CHECKING:
    # The "X as X" form marks each name as re-exported (PEP 484), for strict type checkers.
    from centralasia import strategies as strategies
    from centralasia._address import address as address
    from centralasia._bundled import load as load
    from centralasia._cite import cite as cite
    from centralasia._collection import Collection as Collection
    from centralasia._dataset import Dataset as Dataset
    from centralasia._dates import Date as Date
    from centralasia._dates import Precision as Precision
    from centralasia._errors import AmbiguousKey as AmbiguousKey
    from centralasia._errors import DataError as DataError
    from centralasia._errors import NotFound as NotFound
    from centralasia._errors import Problem as Problem
    from centralasia._export import to_dict as to_dict
    from centralasia._export import to_json as to_json
    from centralasia._keys import normalize as normalize
    from centralasia._lookup import Match as Match
    from centralasia._model import (
        Ambiguity as Ambiguity,
    )
    from centralasia._model import (
        Article as Article,
    )
    from centralasia._model import (
        Citation as Citation,
    )
    from centralasia._model import (
        Conflict as Conflict,
    )
    from centralasia._model import (
        ConflictKind as ConflictKind,
    )
    from centralasia._model import (
        Corridor as Corridor,
    )
    from centralasia._model import (
        CorridorKind as CorridorKind,
    )
    from centralasia._model import (
        Country as Country,
    )
    from centralasia._model import (
        Event as Event,
    )
    from centralasia._model import (
        Finance as Finance,
    )
    from centralasia._model import (
        FinanceKind as FinanceKind,
    )
    from centralasia._model import (
        Inference as Inference,
    )
    from centralasia._model import (
        LenderExtent as LenderExtent,
    )
    from centralasia._model import (
        Loan as Loan,
    )
    from centralasia._model import (
        Measurement as Measurement,
    )
    from centralasia._model import (
        Membership as Membership,
    )
    from centralasia._model import (
        Organization as Organization,
    )
    from centralasia._model import (
        OrganizationKind as OrganizationKind,
    )
    from centralasia._model import (
        Person as Person,
    )
    from centralasia._model import (
        Position as Position,
    )
    from centralasia._model import (
        Record as Record,
    )
    from centralasia._model import (
        Role as Role,
    )
    from centralasia._model import (
        Site as Site,
    )
    from centralasia._model import (
        SiteKind as SiteKind,
    )
    from centralasia._model import (
        Statement as Statement,
    )
    from centralasia._relations import Profile as Profile
    from centralasia._text import TextHit as TextHit
    from centralasia._values import Figure as Figure
    from centralasia._values import LocalName as LocalName
    from centralasia._values import Money as Money
    from centralasia._values import Participant as Participant
    from centralasia._values import Qualifier as Qualifier
    from centralasia._values import Span as Span

    # What __getattr__ gives for the bundled dataset, spelled out for type checkers.
    _data = load()
    articles = _data.articles
    countries = _data.countries
    organizations = _data.organizations
    people = _data.people
    corridors = _data.corridors
    sites = _data.sites
    memberships = _data.memberships
    events = _data.events
    loans = _data.loans
    finance = _data.finance
    measurements = _data.measurements
    statements = _data.statements
    conflicts = _data.conflicts
    about = _data.about
    export = _data.export
    find_text = _data.find_text
    members = _data.members
    record = _data.record
    search = _data.search
    timeline = _data.timeline
