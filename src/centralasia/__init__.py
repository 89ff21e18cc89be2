"""
China's relations with Central Asia as a typed, source-cited dataset.

>>> import centralasia as ca
>>> ca.countries.get("KG").name
'Kyrgyzstan'

The collections ``countries``, ``loans``, ``corridors``, ``organizations``,
``articles``, ``events``, ``memberships``, ``finance``, ``measurements`` and
``conflicts`` of the bundled dataset are
attributes of this module, read on first use.
"""

from centralasia._dataset import Dataset, load
from centralasia._dataset import bundled_attribute as __getattr__
from centralasia._dates import Date, Precision
from centralasia._errors import DataError, NotFound, Problem
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
from centralasia._query import Collection, normalize
from centralasia._version import __version__

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
    "Measurement",
    "Membership",
    "Money",
    "NotFound",
    "Organization",
    "OrganizationKind",
    "Participant",
    "Precision",
    "Problem",
    "Qualifier",
    "Role",
    "Span",
    "__version__",
    "load",
    "normalize",
]
