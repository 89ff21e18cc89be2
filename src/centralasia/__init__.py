"""
China's relations with Central Asia as a typed, source-cited dataset.

>>> import centralasia as ca
>>> ca.countries.get("KG").name
'Kyrgyzstan'

The collections ``countries``, ``loans``, ``corridors``, ``organizations``,
``articles``, ``events``, ``memberships``, ``finance``, ``measurements`` and
``conflicts`` of the bundled dataset are attributes of this module, read on
first use; so are its helpers ``about``, ``find_text``, ``members``,
``record`` and ``timeline`` (see :class:`Dataset`).

Importing the package imports nothing else: each public name is imported
from its private module on first use (PEP 562), so ``import centralasia``
stays as cheap as a script's start-up allows.
"""

from typing import TYPE_CHECKING, Any

from centralasia._version import __version__

#: Each public name and the private module that defines it.
_HOMES = {
    "Dataset": "_dataset", "load": "_dataset",
    "Date": "_dates", "Precision": "_dates",
    "DataError": "_errors", "NotFound": "_errors", "Problem": "_errors",
    "to_dict": "_export", "to_json": "_export",
    **dict.fromkeys(
        ("Article", "Citation", "Conflict", "Corridor", "CorridorKind", "Country", "Event",
         "Finance", "FinanceKind", "Loan", "Measurement", "Membership", "Money", "Organization",
         "OrganizationKind", "Participant", "Qualifier", "Role", "Span"),
        "_model",
    ),
    "Collection": "_query", "Match": "_query", "normalize": "_query",
    "Profile": "_relations",
    "TextHit": "_text",
}  # fmt: skip

__all__ = [
    "Article",
    "Citation",
    "Collection",
    "Conflict",
    "Corridor",
    "CorridorKind",
    "Country",
    "DataError",
    "Dataset",
    "Date",
    "Event",
    "Finance",
    "FinanceKind",
    "Loan",
    "Match",
    "Measurement",
    "Membership",
    "Money",
    "NotFound",
    "Organization",
    "OrganizationKind",
    "Participant",
    "Precision",
    "Problem",
    "Profile",
    "Qualifier",
    "Role",
    "Span",
    "TextHit",
    "__version__",
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
        globals()[name] = value  # later uses are plain attribute lookups
        return value
    if name.startswith("__"):
        raise AttributeError(name)
    from centralasia._dataset import bundled_attribute  # noqa: PLC0415

    value = bundled_attribute(name)
    globals()[name] = value  # the bundled dataset is immutable and loaded once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if TYPE_CHECKING:
    from centralasia._dataset import Dataset, load
    from centralasia._dates import Date, Precision
    from centralasia._errors import DataError, NotFound, Problem
    from centralasia._export import to_dict, to_json
    from centralasia._model import (
        Article,
        Citation,
        Conflict,
        Corridor,
        CorridorKind,
        Country,
        Event,
        Finance,
        FinanceKind,
        Loan,
        Measurement,
        Membership,
        Money,
        Organization,
        OrganizationKind,
        Participant,
        Qualifier,
        Role,
        Span,
    )
    from centralasia._query import Collection, Match, normalize
    from centralasia._relations import Profile
    from centralasia._text import TextHit

    # What __getattr__ gives for the bundled dataset, spelled out for type checkers.
    _bundled = load()
    articles = _bundled.articles
    countries = _bundled.countries
    organizations = _bundled.organizations
    corridors = _bundled.corridors
    memberships = _bundled.memberships
    events = _bundled.events
    loans = _bundled.loans
    finance = _bundled.finance
    measurements = _bundled.measurements
    conflicts = _bundled.conflicts
    about = _bundled.about
    find_text = _bundled.find_text
    members = _bundled.members
    record = _bundled.record
    timeline = _bundled.timeline
