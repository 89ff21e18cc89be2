"""
How a record reads to a person: the one home of reader-facing wording.

The command, the data site, the citations, the exports' ``*_words`` and
``label`` columns and the notebook display all word records through this
module, so that a figure, a date, a name or an inference reads the same
everywhere (issue 21).  What it needs to know of each kind (the field that
labels it, its collection's title, its codes) is read from the schema, so a
new kind or field is worded without a change here.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import attrs

from centralasia._dates import Date
from centralasia._model import (
    Ambiguity,
    Article,
    Citation,
    Inference,
    Loan,
    Membership,
    Position,
)
from centralasia._schema import KINDS, kind_of
from centralasia._values import Figure, LocalName, Participant, Span

__all__ = [
    "authors",
    "field",
    "field_name",
    "figure",
    "joined",
    "label",
    "part_title",
    "parts",
    "shown_fields",
    "value",
]

_RECORD_CLASSES = frozenset(kind.cls for kind in KINDS)

#: Words a field name spells differently in prose.
_FIELD_WORDS = {"gdp": "GDP", "km": "(km)", "km2": "(km²)", "alpha": "ISO alpha"}

#: The fields a reader is never shown as a fact: they are the record's
#: address (``id``) or are shown apart (``sources``, ``inferred``).
_APART = frozenset({"id", "sources", "inferred"})


def joined(words: Sequence[str]) -> str:
    """Join *words* as prose: "a", "a and b", "a, b and c"."""
    if len(words) < 2:  # noqa: PLR2004 - one word or none needs no "and"
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def authors(article: Article) -> str:
    """Return an article's authors as prose, or "an unnamed author"."""
    return joined(article.authors) if article.authors else "an unnamed author"


def field_name(name: str) -> str:
    """Say a field's name in prose: ``share_of_gdp`` is "share of GDP"."""
    return " ".join(_FIELD_WORDS.get(word, word) for word in name.split("_"))


def label(record: Any) -> str:
    """
    Return what a person calls *record*: the field its kind is labelled by.

    An untitled article is named by its authors ("Untitled article by Vali
    Kaleji"), a membership by its country, organization and role, and a debt
    figure by who owes it to whom.  A record with nothing to call it by is
    called by its id.
    """
    if isinstance(record, Article) and not record.title:
        return f"Untitled article by {authors(record)}"
    if isinstance(record, Membership):
        body = record.organization.acronym or record.organization.name
        return f"{record.country.name} in {body} ({value(record.role)})"
    if isinstance(record, Loan):
        creditor = record.creditor.name if record.creditor else record.creditor_text
        lender = f" ({record.lender.acronym or record.lender.name})" if record.lender else ""
        debtors = joined([debtor.name for debtor in record.debtors])
        return f"Debt of {debtors} to {creditor}{lender}: {record.description}"
    names = (kind_of(type(record)).label,) if type(record) in _RECORD_CLASSES else _LABELS
    for name in names:
        found = getattr(record, name, None) if name else None
        if isinstance(found, str) and found:
            return found
    return str(record.id)


#: The fields that label records of some kind: what labels a record of no kind.
_LABELS = tuple(dict.fromkeys(kind.label for kind in KINDS if kind.label))


def _percent(record: Any, name: str) -> bool:
    """Whether the figure *name* of *record* is a share or a relative change: a percentage."""
    unit: str = getattr(record, "unit", None) or ""
    return name.startswith("share") or unit == "fraction" or unit.endswith("change")


def figure(record: Any, name: str) -> str:
    """
    Return the figure *name* of *record* in words: its qualifier, and its unit.

    A share (``share_of_gdp``) or a relative change is a percentage ("-53%"),
    and a record with a ``unit`` (a measurement) gives its figures in that unit.
    """
    found: Figure[Any] | None = getattr(record, name)
    if found is None:
        return ""
    if _percent(record, name):
        return found.describe(percent=True)
    unit: str | None = getattr(record, "unit", None)
    shown = found.describe()
    if unit == "year":  # a calendar year, written without a thousands separator
        return shown.replace(",", "")
    return shown if unit in {None, "count", "ordinal"} else f"{shown} {unit}"


def field(record: Any, name: str) -> str:
    """Return the field *name* of *record* in words; a figure with its qualifier and unit."""
    if isinstance(getattr(record, name), Figure):
        return figure(record, name)
    return value(getattr(record, name))


def value(item: object) -> str:
    """
    Return any value of a record's field in words: records by id, dates in words.

    Enumerations read as words ("between sources"), a name in another
    language with its language ("Казахстан (ru)"), an inference with its
    basis, and a citation as its quote and article.
    """
    if isinstance(item, tuple):
        return ", ".join(map(value, item))
    if item is None:
        return ""
    if isinstance(item, enum.Enum):
        return str(item.value).replace("_", " ")
    if type(item) in _RECORD_CLASSES:
        return str(item.id)  # type: ignore[attr-defined]
    write = _WORDING.get(type(item))
    return str(item) if write is None else write(item)


def _position(role: Position) -> str:
    """Return a person's role in words: "then President (Turkmenistan), 12 June 2021"."""
    words = f"{role.former} {role.title}" if role.former else role.title
    where = [record.name for record in (role.organization, role.country) if record]
    if where:
        words += " (" + ", ".join(where) + ")"
    return words + (f", {role.as_of.words}" if role.as_of else "")


def _inference(item: Inference) -> str:
    said = f"{field_name(item.field)} is inferred: {item.basis}"
    return said + (f", from {value(item.source)}" if item.source is not None else "")


#: How each kind of value inside a record reads, by its type (records, values frozen).
_WORDING: dict[type[Any], Callable[[Any], str]] = {
    Date: lambda date: date.words,
    Figure: lambda figure: figure.describe(),
    Participant: lambda person: person.name + (f" ({person.role})" if person.role else ""),
    Position: _position,
    LocalName: lambda local: f"{local.name} ({local.language})",
    Span: lambda span: f"lines {span.first_line}–{span.last_line}",
    Citation: lambda citation: f"“{citation.quote}” — {citation.article.id}",
    Inference: _inference,
    Ambiguity: lambda ambiguity: (
        f"“{ambiguity.text}”: {' or '.join(country.id for country in ambiguity.candidates)} "
        f"({ambiguity.basis})"
    ),
}


def shown_fields(record: Any) -> Iterator[str]:
    """
    Yield the fields of *record* a reader is shown as facts, in order.

    Its id, sources and inferences are shown apart; long texts (``repr=False``:
    an article's body and bio) are not facts; empty fields and enumerations
    left at their default say nothing.
    """
    for attribute in attrs.fields(type(record)):
        item = getattr(record, attribute.name)
        hidden = attribute.name in _APART or attribute.repr is False
        default = isinstance(item, enum.Enum) and item is attribute.default
        if not (hidden or default or item is None or item in ((), "")):
            yield attribute.name


#: The parts of a profile shown first, in this order: what a reader looks for
#: first about a country.  The others follow in the schema's order, articles last.
_FIRST = ("loans", "corridors", "memberships", "events", "conflicts")


def parts(profile: Any, *, empty: bool = False) -> list[tuple[str, Any]]:
    """
    Return every part of a :class:`~centralasia.Profile` to show, by name.

    Read from the profile's fields, so a part added to it is shown by every
    front end; those of :data:`_FIRST` first, then the rest, articles last;
    with *empty*, the empty parts too.
    """
    names = [item.name for item in attrs.fields(type(profile)) if item.name != "record"]
    ordered = [name for name in _FIRST if name in names]
    ordered += [name for name in names if name not in ordered and name != "articles"]
    ordered += ["articles"] if "articles" in names else []
    found = [(name, getattr(profile, name)) for name in ordered]
    return [(name, part) for name, part in found if empty or part]


def part_title(name: str) -> str:
    """Return the title of the part *name* of a profile: its collection's title."""
    if name == "articles":
        return "Articles that speak of it"
    kind = next((kind for kind in KINDS if kind.collection == name), None)
    return kind.collection_title if kind is not None else name.capitalize()
