"""
Citations for reference managers and for prose: BibTeX, RIS, CSL-JSON and text.

An article becomes a BibTeX entry, a RIS record or a CSL-JSON item, which
Zotero, JabRef, EndNote and Mendeley import; any record becomes a
ready-to-paste citation: each of its quotes with the article's authors,
title, publisher and date.  Only what an article states is written: many
have no title or date, and none is made up.  Authors are written as their
byline gives them (CSL-JSON's ``literal`` names): splitting a name into
family and given names would be a guess.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import typing
from collections.abc import Iterable, Iterator
from typing import Any, Literal

from centralasia._dates import Date, Precision
from centralasia._model import Article, Conflict
from centralasia._schema import cited_articles, kind_of

__all__ = ["cite"]

Style = Literal["text", "bibtex", "ris", "csl-json"]
STYLES: tuple[str, ...] = typing.get_args(Style)


def cite(records: object, format: Style = "text") -> str:  # noqa: A002 - the command's --format
    r"""
    Return a citation of a record, or of each record of an iterable, in *format*.

    - ``"text"``: ready to paste: each quote of a record, then its article's
      authors, title, publisher and date, and the record; an article's
      reference alone;
    - ``"bibtex"``, ``"ris"``, ``"csl-json"``: the articles the records
      cite, each once, for a reference manager (an article cites itself).

    >>> import centralasia as ca
    >>> print(ca.cite(ca.articles.get("walayat-alliance")))
    Ezba Walayat, “Enhancement of China and Central Asia's Alliance”, 14 June 2022.
    >>> print(ca.cite(ca.loans.get("kg-exim-2023"), "bibtex"))
    @misc{kaleji-debt-trap,
      author = {Vali Kaleji},
      publisher = {Central Asia-Caucasus Institute {\&} Silk Road Studies Program},
    }
    <BLANKLINE>

    Raises:
        ValueError: For an unknown *format*, or a reference manager's format
            for records that cite no article (countries are reference data).

    .. versionadded:: 0.1

    """
    if format not in STYLES:
        msg = f"unknown citation format {format!r}: choose one of {', '.join(STYLES)}"
        raise ValueError(msg)
    items = list(records) if isinstance(records, Iterable) else [records]
    if format == "text":
        return "\n\n".join(_text(item) for item in items)
    articles = list(dict.fromkeys(article for item in items for article in _articles(item)))
    if not articles:
        named = ", ".join(str(getattr(item, "id", item)) for item in items) or "nothing"
        msg = f"{named} cites no article: there is no reference to write"
        raise ValueError(msg)
    if format == "bibtex":
        return "\n".join(_bibtex(article) for article in articles)
    if format == "ris":
        return "".join(_ris(article) for article in articles)
    items_json = [_csl(article) for article in articles]
    return json.dumps(items_json, ensure_ascii=False, indent=2) + "\n"


def _articles(record: object) -> tuple[Article, ...]:
    """Return the articles *record* cites: itself for an article, its sides' for a conflict."""
    if isinstance(record, Article):
        return (record,)
    if isinstance(record, Conflict):
        return tuple(dict.fromkeys(a for side in record.records for a in _articles(side)))
    return cited_articles(record)


# Text.


def _names(names: tuple[str, ...]) -> str:
    if len(names) <= 2:  # noqa: PLR2004 - "A and B"
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def reference(article: Article) -> str:
    """Return the article as a reader's reference: authors, title, publisher, date."""
    parts = [_names(article.authors)] if article.authors else []
    parts.append(f"“{article.title}”" if article.title else "untitled article")
    if article.publisher:
        parts.append(article.publisher)
    parts.append(article.published.words if article.published else "n.d.")
    text = ", ".join(parts)
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _quoted(quote: str, article: Article, where: str) -> str:
    return f"“{quote}” — {reference(article)} ({where}, article {article.id})"


def _text(record: Any) -> str:
    """Return the ready-to-paste citation of *record*."""
    if isinstance(record, Article):
        return reference(record)
    kind = kind_of(type(record)).name
    record_id = getattr(record, "id", "")
    where = f"centralasia {kind} {record_id}"
    if isinstance(record, Conflict):
        sides = "\n".join(_text(side) for side in record.records)
        return f"{record.topic} ({where}): {record.description}\n{sides}"
    if not hasattr(record, "sources"):  # a country: reference data, quoted from no article
        source = getattr(record, "reference", "reference data")
        return f"{getattr(record, 'name', record_id)} ({where}): reference data from {source}."
    lines = [_quoted(c.quote, c.article, where) for c in record.sources]
    for inference in record.inferred:
        line = f"Inferred, not quoted: {inference.field}, from {inference.basis}"
        if inference.source is not None:
            source = inference.source
            line += " " + _quoted(source.quote, source.article, where)
        lines.append(line)
    return "\n".join(lines)


# BibTeX.

_LATEX = str.maketrans({
    # Each escape is braced whole, as BibTeX wants special characters in names.
    "\\": r"{\textbackslash}", "{": r"{\{}", "}": r"{\}}", "&": r"{\&}", "%": r"{\%}",
    "$": r"{\$}", "#": r"{\#}", "_": r"{\_}", "~": r"{\textasciitilde}",
    "^": r"{\textasciicircum}",
})  # fmt: skip


#: Pairs that TeX typesets as one character ("--" as an en dash, "''" as a closing quote).
_LIGATURES = re.compile(r"(?<=-)(?=-)|(?<=')(?=')|(?<=`)(?=`)|(?<=[?!])(?=`)")


def _latex(text: str) -> str:
    """Escape *text* for a BibTeX value: special characters, and ligatures kept apart."""
    return _LIGATURES.sub("{}", " ".join(text.split()).translate(_LATEX))


def _author(name: str) -> str:
    # A name holding " and " would be read as two: braces keep it whole.
    return f"{{{_latex(name)}}}" if " and " in f" {name} " else _latex(name)


def _date_parts(date: Date) -> Iterator[tuple[str, int]]:
    """Yield the year, and the month where the date gives one, if they are certain."""
    if date.is_interval or date.start.year != date.end.year:
        return
    yield "year", date.start.year
    if date.precision <= Precision.MONTH:
        yield "month", date.start.month
        if date.precision is Precision.DAY:
            yield "day", date.start.day


def _bibtex(article: Article) -> str:
    fields: list[tuple[str, str]] = []
    if article.authors:
        fields.append(("author", " and ".join(map(_author, article.authors))))
    if article.title:
        fields.append(("title", _latex(article.title)))
    if article.publisher:
        fields.append(("publisher", _latex(article.publisher)))
    if article.published:
        # biblatex and Zotero read an EDTF date; BibTeX styles read year and month.
        fields.append(("date", article.published.edtf))
        parts = dict(_date_parts(article.published))
        fields += [(name, str(parts[name])) for name in ("year", "month") if name in parts]
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields)
    return f"@misc{{{article.id},\n{body}}}\n"


# RIS.


def _ris(article: Article) -> str:
    lines = [("TY", "GEN"), ("ID", article.id)]
    lines += [("AU", " ".join(name.split())) for name in article.authors]
    if article.title:
        lines.append(("TI", " ".join(article.title.split())))
    if article.publisher:
        lines.append(("PB", " ".join(article.publisher.split())))
    if article.published:
        parts = dict(_date_parts(article.published))
        if "year" in parts:
            lines.append(("PY", str(parts["year"])))
            month, day = parts.get("month"), parts.get("day")
            lines.append(("DA", f"{parts['year']}/{month or 0:02d}/{day or 0:02d}/"
                                .replace("/00", "/")))  # fmt: skip
    return "".join(f"{tag}  - {value}\n" for tag, value in lines) + "ER  - \n"


# CSL-JSON.


def _csl_date(date: Date) -> dict[str, Any]:
    """Return *date* as a CSL date: its first and last days, as precise as the source."""
    if date.start == dt.date.min or date.end == dt.date.max:  # open-ended: in words
        return {"literal": date.words}

    def parts(day: dt.date) -> list[int]:
        if date.precision is Precision.YEAR:
            return [day.year]
        if date.precision is Precision.DAY:
            return [day.year, day.month, day.day]
        return [day.year, day.month]  # a month, or a season's first and last months

    first, last = parts(date.start), parts(date.end)
    found: dict[str, Any] = {"date-parts": [first] if first == last else [first, last]}
    if date.approximate:
        found["circa"] = True
    return found


def _csl(article: Article) -> dict[str, Any]:
    item: dict[str, Any] = {"id": article.id, "type": "document"}
    if article.authors:
        item["author"] = [{"literal": name} for name in article.authors]
    if article.title:
        item["title"] = article.title
    if article.publisher:
        item["publisher"] = article.publisher
    if article.published:
        item["issued"] = _csl_date(article.published)
    return item
