"""
How records, collections, profiles, conflicts and search results show in a notebook.

:class:`~centralasia._shown.Shown` hands each to :func:`html` (Jupyter's
``_repr_html_``: a compact table, figures with their qualifiers and dates in
words and their quotes, each record linked to its page in the hosted
documentation) or :func:`pretty` (IPython's ``_repr_pretty_``: a few lines).
Every word comes from :mod:`centralasia._words`, every link from
:func:`centralasia.address`; every text is escaped.
"""

from __future__ import annotations

import html as markup
import typing
from collections.abc import Iterable, Sequence
from typing import Any

from centralasia import _words as words
from centralasia._address import address, passage_address
from centralasia._collection import Collection
from centralasia._lookup import Match
from centralasia._model import Citation, Conflict
from centralasia._relations import Profile
from centralasia._schema import attribute_types, kind_of
from centralasia._text import TextHit
from centralasia._values import Figure

__all__ = ["html", "pretty"]

#: The rows of a collection shown before "and N more": a screen's worth.
ROWS = 20
#: The lines of a collection's text display, and the width of each.
LINES = 10
WIDTH = 100


def _esc(text: object) -> str:
    return markup.escape(str(text), quote=True)


def _link(record: Any, text: str | None = None) -> str:
    """Return a link to *record*'s page in the hosted documentation, showing its label."""
    shown = words.label(record) if text is None else text
    title = f"{kind_of(type(record)).name} {record.id}"
    return f'<a href="{_esc(address(record))}" title="{_esc(title)}">{_esc(shown)}</a>'


def _figures(cls: type[Any]) -> list[str]:
    """Return the fields of the record class *cls* that hold a figure, in order."""
    return [
        name
        for name, found in attribute_types(cls).items()
        if typing.get_origin(found.element) is Figure or found.element is Figure
    ]


def _figure_words(record: Any) -> str:
    """Return a record's figures in words, each named: "amount: about 700 USD"."""
    return "; ".join(
        f"{words.field_name(name)}: {words.figure(record, name)}"
        for name in _figures(type(record))
        if getattr(record, name, None) is not None
    )


def _date_words(record: Any) -> str:
    date = kind_of(type(record)).date
    return words.field(record, date) if date is not None else ""


def _quote(citation: Citation) -> str:
    """Return a quote and its article, linked to the passage in the article's text."""
    where = _esc(passage_address(citation))
    return (f"<blockquote>“{_esc(citation.quote)}”</blockquote>"
            f'<p>— <a href="{where}">{_esc(words.label(citation.article))}</a></p>')  # fmt: skip


def _first_quote(record: Any) -> str:
    sources: Sequence[Citation] = getattr(record, "sources", ())
    if not sources:
        return ""
    more = f" (and {len(sources) - 1} more)" if len(sources) > 1 else ""
    return f"“{_esc(sources[0].quote)}” — {_esc(sources[0].article.id)}{more}"


def _table(heads: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """Return an HTML table of *rows*, whose cells are HTML already."""
    head = "".join(f"<th>{_esc(name)}</th>" for name in heads)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _records_table(records: Sequence[Any], *, kinds: bool) -> str:
    """Return records as rows: id, label, date, figures in words and the first quote."""
    rows = [
        [
            *([_esc(kind_of(type(record)).name)] if kinds else []),
            _link(record, record.id),
            _esc(words.label(record)),
            _esc(_date_words(record)),
            _esc(_figure_words(record)),
            _first_quote(record),
        ]
        for record in records[:ROWS]
    ]
    heads = [*(["kind"] if kinds else []), "id", "label", "date", "figures", "quote"]
    more = len(records) - ROWS
    return _table(heads, rows) + (f"<p>… and {more} more</p>" if more > 0 else "")


def _heading(record: Any, intro: str) -> str:
    """Return a record's heading: its label linked to its page, its kind and id."""
    kind = kind_of(type(record)).name
    return (f"<p>{_esc(intro)}<strong>{_link(record)}</strong> <small>{_esc(kind)} "
            f"<code>{_esc(record.id)}</code></small></p>")  # fmt: skip


def _record(record: Any) -> str:
    """Return a record: its label linked, its facts in words, its quotes and inferences."""
    facts = _table(
        ["field", "value"],
        [[_esc(words.field_name(name)), _esc(words.field(record, name))]
         for name in words.shown_fields(record)],
    )  # fmt: skip
    quotes = "".join(_quote(citation) for citation in getattr(record, "sources", ()))
    inferred = "".join(
        f"<p><em>{_esc(words.value(inference))}</em></p>"
        for inference in getattr(record, "inferred", ())
    )
    sides = ""
    if isinstance(record, Conflict):
        sides = "<p><strong>The sides</strong></p>" + _records_table(record.records, kinds=True)
    return f"{_heading(record, '')}{facts}{sides}{quotes}{inferred}"


def _profile(profile: Profile) -> str:
    """Return a profile: the record, then every part with each record linked."""
    record = profile.record
    parts = "".join(
        f"<p><strong>{_esc(words.part_title(name))}</strong> ({len(part)}): "
        + ", ".join(f"{_link(item)} <code>{_esc(item.id)}</code>" for item in part)
        + "</p>"
        for name, part in words.parts(profile)
    )
    return _heading(record, "Everything about ") + (parts or "<p>Nothing refers to it.</p>")


def html(item: object) -> str:
    """Return *item* as HTML for a notebook: a record, collection, profile or search result."""
    if isinstance(item, Collection):
        kind = kind_of(item.record_type)
        count = f"{len(item)} {kind.name if len(item) == 1 else kind.collection}"
        body = f"<p><strong>{_esc(count)}</strong></p>" + _records_table(item, kinds=False)
    elif isinstance(item, Profile):
        body = _profile(item)
    elif isinstance(item, Match):
        record = item.record
        body = _table(
            ["score", "kind", "id", "label", "matched"],
            [[f"{item.score:.0f}", _esc(kind_of(type(record)).name), _link(record, record.id),
              _esc(words.label(record)), f"{_esc(item.field)}: {_esc(item.key)}"]],
        )  # fmt: skip
    elif isinstance(item, TextHit):
        body = _table(
            ["score", "article", "passage"],
            [[f"{item.score:.2f}", _link(item.article), _esc(item.snippet)]],
        )
    else:
        body = _record(item)
    return f'<div class="centralasia">{body}</div>'


def _record_lines(record: Any) -> list[str]:
    lines = [f"{kind_of(type(record)).name} {record.id}: {words.label(record)}"]
    date = kind_of(type(record)).date
    names = [*_figures(type(record)), *([date] if date else [])]
    lines += [f"  {words.field_name(name)}: {words.field(record, name)}"
              for name in names if getattr(record, name, None) is not None]  # fmt: skip
    sources: Sequence[Citation] = getattr(record, "sources", ())
    if sources:
        lines.append(f"  source: {words.value(sources[0])}")
    return lines


def _clipped(line: str) -> str:
    """Return *line* cut to :data:`WIDTH` characters, an ellipsis marking the cut."""
    return line if len(line) <= WIDTH else line[: WIDTH - 1] + "…"


def pretty(item: object) -> str:
    """Return *item* as a few lines of text, for IPython's pretty printer."""
    if isinstance(item, Collection):
        kind = kind_of(item.record_type)
        lines = [f"{len(item)} {kind.name if len(item) == 1 else kind.collection}"]
        lines += [_clipped(f"  {record.id}: {words.label(record)}") for record in item[:LINES]]
        lines += [f"  … and {len(item) - LINES} more"] if len(item) > LINES else []
    elif isinstance(item, Profile):
        record = item.record
        lines = [
            f"Everything about {kind_of(type(record)).name} {record.id}: {words.label(record)}"
        ]
        lines += [f"  {name} ({len(part)}): {', '.join(other.id for other in part)}"
                  for name, part in words.parts(item)]  # fmt: skip
    elif isinstance(item, Match):
        lines = [f"{item.score:.0f} {_record_lines(item.record)[0]} (matched {item.field})"]
    elif isinstance(item, TextHit):
        lines = [f"{item.score:.2f} {item.article.id}: {item.snippet}"]
    else:
        lines = _record_lines(item)
    return "\n".join(lines)
