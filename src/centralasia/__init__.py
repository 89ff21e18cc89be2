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
"""

from typing import TYPE_CHECKING

from centralasia._dataset import Dataset, load
from centralasia._dataset import bundled_attribute as __getattr__
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
from centralasia._version import __version__

if TYPE_CHECKING:
    # What the module's __getattr__ gives, spelled out for type checkers.
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
