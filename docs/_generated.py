"""
Pages written from the model and the data on every build, so they cannot drift from them.

- ``dictionary.md``: every record class and field, with its type and meaning,
  read from the field docstrings in the source (a field without one fails
  the build);
- ``sources.md``: every article with its metadata and the records it supports.

The conflicts page is part of the data site (``_site.py``).
"""

from __future__ import annotations

import enum
import pathlib
import re
import types
import typing

import attrs
from sphinx.pycode import ModuleAnalyzer

import centralasia as ca
from centralasia._schema import KINDS

#: The collections whose records cite articles, read from the schema.
CITING = tuple(kind.collection for kind in KINDS if "sources" in attrs.fields_dict(kind.cls))
#: The classes of the data dictionary, by section, in reading order.
SECTIONS = (
    ("Records", (ca.Article, ca.Country, ca.Organization, ca.Corridor, ca.Membership, ca.Event,
                 ca.Loan, ca.Finance, ca.Measurement, ca.Statement, ca.Conflict)),
    ("Values", (ca.Citation, ca.Inference, ca.Ambiguity, ca.Money, ca.Figure, ca.Date,
                ca.Participant, ca.Span)),
)  # fmt: skip
DICTIONARY_INTRO = """\
Every class of the data model and every field, with its type and meaning. This page is
generated from the model's source when the documentation is built. Shares are fractions in
[0, 1] (0.278 is 27.8 percent); money is an exact decimal amount with an ISO 4217 currency;
dates are EDTF strings keeping their source's precision."""
SOURCES_INTRO = """\
The articles of the corpus, with their metadata as their texts state it, and the records each
one supports. Generated from the data when the documentation is built."""
ENUMS = (ca.Qualifier, ca.Role, ca.OrganizationKind, ca.CorridorKind, ca.FinanceKind,
         ca.LenderExtent, ca.ConflictKind, ca.Precision)  # fmt: skip


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _type(annotation: object) -> str:
    """Write a field's type as a reader would: ``Money | None``, ``tuple[Country, ...]``."""
    if annotation is type(None):
        return "None"
    if annotation is Ellipsis:
        return "..."
    arguments = typing.get_args(annotation)
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return " \\| ".join(_type(argument) for argument in arguments)
    if arguments:
        origin = typing.get_origin(annotation)
        name = getattr(origin, "__name__", str(origin))
        return f"{name}[{', '.join(_type(argument) for argument in arguments)}]"
    name = getattr(annotation, "__name__", str(annotation))
    if getattr(ca, name, None) is annotation:
        return f"{{class}}`~centralasia.{name}`"
    return name


def _markdown(docstring: str) -> str:
    """Turn a field docstring's reST into MyST for a table cell."""
    text = re.sub(r":attr:`([^`]+)`", r"`\1`", docstring)
    return _cell(text.replace("``", "`"))


def _docs(cls: type) -> dict[str, str]:
    found = ModuleAnalyzer.for_module(cls.__module__).find_attr_docs()
    mine = {name: lines for (owner, name), lines in found.items() if owner == cls.__name__}
    return {name: " ".join(lines) for name, lines in mine.items()}


def dictionary() -> str:
    """Return the data dictionary page as Markdown."""
    lines = ["# Data dictionary", "", DICTIONARY_INTRO, ""]
    for section, classes in SECTIONS:
        lines += [f"## {section}", ""]
        for cls in classes:
            docs = _docs(cls)
            summary = (cls.__doc__ or "").strip().split("\n\n")[0]
            lines += [f"### {cls.__name__}", "", _cell(summary), "",
                      f"See {{class}}`centralasia.{cls.__name__}`.", "",
                      "| Field | Type | Meaning |", "| --- | --- | --- |"]  # fmt: skip
            for field in attrs.fields(cls):
                if field.name.startswith("_"):
                    continue
                if field.name not in docs:
                    msg = f"{cls.__name__}.{field.name} has no docstring for the data dictionary"
                    raise ValueError(msg)
                meaning = _markdown(docs[field.name])
                lines.append(f"| `{field.name}` | {_type(field.type)} | {meaning} |")
            lines.append("")
    lines += ["## Enumerations", ""]
    for kind in ENUMS:
        docs = _docs(kind)
        lines += [f"### {kind.__name__}", "", _cell((kind.__doc__ or "").strip().split("\n\n")[0]),
                  "", "| Value | Meaning |", "| --- | --- |"]  # fmt: skip
        for member in kind:
            value = member.value if not isinstance(member, enum.IntEnum) else member.name
            lines.append(f"| `{value}` | {_markdown(docs.get(member.name, ''))} |")
        lines.append("")
    return "\n".join(lines)


def sources() -> str:
    """Return the sources page: each article, its metadata, and the records it supports."""
    dataset = ca.load()
    lines = ["# Sources", "", SOURCES_INTRO, ""]
    for article in dataset.articles:
        profile = dataset.about(article)
        byline = ", ".join(article.authors) or "author not stated"
        heading = article.title or f"Untitled article by {byline}"
        lines += [f"## {heading}", "",
                  f"- id: `{article.id}`",
                  f"- authors: {', '.join(article.authors) or 'not stated'}",
                  f"- published: {article.published or 'not stated'}",
                  f"- publisher: {article.publisher or 'not stated'}",
                  f"- seed: `seeds/{article.seed}`, lines "
                  + ", ".join(f"{s.first_line}-{s.last_line}" for s in article.spans),
                  ""]  # fmt: skip
        supported = [(stem, getattr(profile, stem)) for stem in CITING]
        total = sum(len(records) for _, records in supported)
        lines += [f"Supports {total} records:" if total else "Supports no records yet.", ""]
        for stem, records in supported:
            if records:
                ids = ", ".join(f"`{record.id}`" for record in records)
                lines.append(f"- {stem} ({len(records)}): {ids}")
        lines.append("")
    return "\n".join(lines)


def write(folder: pathlib.Path) -> None:
    """Write every generated page into *folder*."""
    folder.mkdir(exist_ok=True)
    for name, render in (("dictionary", dictionary), ("sources", sources)):
        (folder / f"{name}.md").write_text(render() + "\n", encoding="utf-8")
