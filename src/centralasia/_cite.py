"""
Citations for reference managers and for prose: BibTeX, RIS, CSL-JSON and text.

An article becomes a BibTeX entry, a RIS record or a CSL-JSON item, which
Zotero, JabRef, EndNote and Mendeley import; any record becomes a
ready-to-paste citation: each of its quotes with the article's authors,
title, publisher and date.  Only what an article states is written: many
have no title or date, and none is made up.

Reference managers sort and cite by family name, so a person's byline name is
split as :func:`name_parts` says (the last word, with any lower-case particle
before it, is the family name): CSL-JSON ``family`` and ``given``, RIS
"Family, Given".  An organization's name (one holding a word such as
"Institute" or "&") is kept whole, CSL-JSON's ``literal``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import typing
from collections.abc import Iterable, Iterator
from typing import Any, Literal

from centralasia import _words as words
from centralasia._dates import Date, Precision
from centralasia._errors import wrong_type
from centralasia._model import Article, Conflict
from centralasia._schema import KINDS, cited_articles, kind_of

__all__ = ["cite"]

Style = Literal["text", "bibtex", "ris", "csl-json"]
STYLES: tuple[str, ...] = typing.get_args(Style)


_RECORD_CLASSES = frozenset(kind.cls for kind in KINDS)


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
    if not isinstance(format, str):
        raise wrong_type("cite", "format", "a format name such as 'bibtex'", format)
    if format not in STYLES:
        msg = f"unknown citation format {format!r}: choose one of {', '.join(STYLES)}"
        raise ValueError(msg)
    items = list(records) if isinstance(records, Iterable) else [records]
    for item in items:
        if type(item) not in _RECORD_CLASSES:
            raise wrong_type("cite", "records", "a record or records", item)
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


# Names.

#: Words that make an author an organization, whose name is never split.
ORGANIZATION_WORDS = frozenset({
    "agency", "association", "bank", "board", "center", "centre", "commission", "committee",
    "council", "department", "editors", "foundation", "fund", "group", "institute",
    "institution", "ministry", "news", "office", "organisation", "organization", "program",
    "programme", "secretariat", "service", "staff", "university", "&",
})  # fmt: skip
#: Lower-case words that belong to the family name that follows them ("van", "de", "al").
PARTICLES = frozenset({
    "al", "bin", "da", "das", "de", "del", "della", "den", "der", "di", "do", "dos", "du", "el",
    "ibn", "la", "le", "ten", "ter", "van", "von",
})  # fmt: skip
#: What may follow a family name without being it.
SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})


def name_parts(name: str) -> tuple[str | None, str | None, str | None]:
    """
    Return an author's byline name as its family name, given names and suffix.

    The family name is the last word, with any lower-case particles before it;
    a single word is a family name alone.  An organization's name is not split:
    it comes back as ``(None, None, None)``, to be written whole.

    >>> name_parts("Vali Kaleji"), name_parts("Usman"), name_parts("Ludwig van Beethoven")
    (('Kaleji', 'Vali', None), ('Usman', None, None), ('van Beethoven', 'Ludwig', None))
    """
    words = name.split()
    if not words or any(word.casefold().strip(".,") in ORGANIZATION_WORDS for word in words):
        return None, None, None
    suffix = None
    if len(words) > 2 and words[-1] in SUFFIXES:  # noqa: PLR2004 - a given name, a family name
        suffix = words.pop()
    start = len(words) - 1
    while start > 1 and words[start - 1] in PARTICLES:
        start -= 1
    given = " ".join(words[:start]) or None
    return " ".join(words[start:]), given, suffix


# Text.


def _names(names: tuple[str, ...]) -> str:
    # A reference's own style, with the serial comma of bibliographies ("A, B, and C"), not
    # the prose of _words.authors: a citation is pasted into a paper.
    if len(names) <= 2:  # noqa: PLR2004 - "A and B"
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def reference(article: Article) -> str:
    """Return the article as a reader's reference: authors, title, publisher, date."""
    parts = [_names(article.authors)] if article.authors else []
    # The authors lead the reference, so an untitled article's title slot needs no byline.
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
        return f"{words.label(record)} ({where}): reference data from {source}."
    lines = [_quoted(c.quote, c.article, where) for c in record.sources]
    for inference in record.inferred:
        line = f"Inferred, not quoted: {words.field_name(inference.field)}, from {inference.basis}"
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


def _ris_name(name: str) -> str:
    """Return *name* as RIS writes authors: "Family, Given", or an organization whole."""
    family, given, suffix = name_parts(name)
    if family is None:
        return " ".join(name.split())
    return ", ".join(part for part in (family, given, suffix) if part)


def _ris(article: Article) -> str:
    lines = [("TY", "GEN"), ("ID", article.id)]
    lines += [("AU", _ris_name(name)) for name in article.authors]
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


def _csl_name(name: str) -> dict[str, str]:
    """Return *name* as a CSL name: family and given, or an organization's ``literal``."""
    family, given, suffix = name_parts(name)
    if family is None:
        return {"literal": " ".join(name.split())}
    parts = {"family": family, "given": given, "suffix": suffix}
    return {key: value for key, value in parts.items() if value}


def _csl(article: Article) -> dict[str, Any]:
    item: dict[str, Any] = {"id": article.id, "type": "document"}
    if article.authors:
        item["author"] = [_csl_name(name) for name in article.authors]
    if article.title:
        item["title"] = article.title
    if article.publisher:
        item["publisher"] = article.publisher
    if article.published:
        item["issued"] = _csl_date(article.published)
    return item
