"""
The data site: a page for every named record and an anchor for every other one.

Written from the bundled data and the schema on every build, at the addresses
:func:`centralasia.address` gives, into ``docs/data/`` (generated, not
committed):

- ``data/index``: what there is, and how addresses are made;
- ``data/<collection>``: every record of a kind; for kinds without pages of
  their own (loans, events, conflicts...) each record is an anchor here;
- ``data/<collection>/<id>``: a country, organization, corridor or article,
  with everything the dataset holds about it (:func:`centralasia.about`);
  an article's page shows its text with every cited passage highlighted.

As a Sphinx extension it also makes every record id in the rest of the
documentation (inline code, strings in examples) a link to its address,
registers every record's names with the search, and draws the debt charts
into the built HTML.
"""

from __future__ import annotations

import enum
import html
import inspect
import pathlib
import posixpath
import re
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

import attrs
from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.domains import Domain, ObjType
from sphinx.pycode import ModuleAnalyzer

import centralasia as ca

# key: "kind:id", as conflicts name records and as each record's block is marked.
from centralasia import _words as wording

# The documentation is the package's own: it reads the schema, as the package
# does, so that a new kind of record gets its pages without a change here.
from centralasia._address import (
    FOLDER,
    collection_address,
    has_page,
    passage_address,
    passage_anchor,
)
from centralasia._schema import KINDS, Kind, citations, kind_of
from centralasia._schema import written as key

#: Bar colours in the debt charts, by qualifier.
COLOURS = {
    ca.Qualifier.EXACT: "#1f5f99",
    ca.Qualifier.APPROXIMATE: "#7fb2e0",
    ca.Qualifier.ESTIMATED: "#a7c7e7",
    ca.Qualifier.AT_LEAST: "#a8441a",
    ca.Qualifier.MORE_THAN: "#c05a1b",
    ca.Qualifier.AT_MOST: "#b8860b",
    ca.Qualifier.LESS_THAN: "#d98c3a",
    ca.Qualifier.JUST_BELOW: "#e6a15c",
}


# -- Words -----------------------------------------------------------------------------------


def esc(text: object) -> str:
    """Escape *text* for HTML."""
    return html.escape(str(text), quote=True)


def _heading(text: str) -> str:
    """Escape *text* for a Markdown heading: every ASCII punctuation mark is literal."""
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", " ".join(text.split()))


#: The ends of elements that a reader sees as separate: the search reads raw HTML with its tags
#: removed, so a line break after each keeps "Countries" and "country kg" two words apart.
_BLOCK_END = re.compile(r"(</(?:p|dt|dd|th|td|tr|li|h2|nav|blockquote|figcaption|summary|"
                        r"details|figure|section|div|table|ul|ol|dl)>)(?=<)")  # fmt: skip


def _raw(fragment: str) -> str:
    """Wrap an HTML *fragment* in a MyST raw block, fenced so no backtick can close it."""
    fragment = _BLOCK_END.sub("\\1\n", fragment)
    run = max((len(found) for found in re.findall(r"`+", fragment)), default=0)
    fence = "`" * max(3, run + 1)
    return f"{fence}{{raw}} html\n{fragment}\n{fence}\n"


def member_docs(cls: type[enum.Enum]) -> dict[str, str]:
    """Return the docstrings of an enumeration's members, read from its source."""
    found = ModuleAnalyzer.for_module(cls.__module__).find_attr_docs()
    return {name: " ".join(lines).strip() for (owner, name), lines in found.items()
            if owner == cls.__name__}  # fmt: skip


def explanation(cls: type) -> str:
    """Return the body of a class's docstring, after its summary, as Markdown."""
    paragraphs = inspect.cleandoc(cls.__doc__ or "").split("\n\n")[1:]
    kept = [" ".join(paragraph.split()) for paragraph in paragraphs
            if not paragraph.lstrip().startswith((">>>", ".."))]  # fmt: skip
    text = "\n\n".join(kept)
    return re.sub(r":\w+:`~?([^`]+)`", r"`\1`", text).replace("``", "`")


def records(dataset: ca.Dataset) -> Iterator[Any]:
    """Yield every record of *dataset*, kind by kind in the schema's order."""
    for collection in dataset.collections.values():
        yield from collection


def relative(address: str, here: str) -> str:
    """Return *address* (relative to the root) as a link from the page *here* (a docname)."""
    path, _, fragment = address.partition("#")
    link = "" if path == here + ".html" else posixpath.relpath(path, posixpath.dirname(here) or ".")
    return link + (f"#{fragment}" if fragment else "")


# -- The site --------------------------------------------------------------------------------


@attrs.frozen
class Bar:
    """One bar of a debt chart."""

    panel: str
    label: str
    value: float
    qualifier: ca.Qualifier
    text: str


@attrs.define
class Passage:
    """A cited run of an article's text, and the records (with inferred fields) it supports."""

    anchor: str
    start: int
    end: int
    supports: list[tuple[Any, str | None]] = attrs.Factory(list)


@attrs.frozen
class Page:
    """One generated page: its Markdown, and the names the search finds it by."""

    docname: str
    text: str
    #: (name, kind, anchor) for the search's object index.
    objects: tuple[tuple[str, str, str], ...] = ()


class Site:
    """Every generated page and chart of a dataset."""

    def __init__(self, dataset: ca.Dataset) -> None:
        self.dataset = dataset
        #: For each article, each cited passage by anchor: where it is, and what it supports.
        self.passages: dict[str, dict[str, Passage]] = {}
        for record in records(dataset):
            for citation, inferred in citations(record):
                found = self.passages.setdefault(citation.article.id, {})
                anchor = passage_anchor(citation)
                passage = found.setdefault(anchor, Passage(anchor, citation.start, citation.end))
                passage.supports.append((record, inferred))
        self.charts: dict[str, tuple[str, tuple[Bar, ...]]] = {}
        self._profiles: dict[str, ca.Profile] = {}

    def profile(self, record: Any) -> ca.Profile:
        """Return (once) everything the dataset holds about *record*."""
        found = self._profiles.get(key(record))
        if found is None:
            found = self._profiles[key(record)] = self.dataset.about(record)
        return found

    # -- Links --------------------------------------------------------------------------------

    def link(self, record: Any, here: str, text: str | None = None) -> str:
        """Return a link from the page *here* to *record*, showing *text* or its label."""
        target = relative(ca.address(record, ""), here)
        if not target:  # the page's own record
            shown = wording.label(record) if text is None else text
            return f'<strong class="ca-self">{esc(shown)}</strong>'
        title = f"{kind_of(type(record)).name} {record.id}"
        return (f'<a href="{esc(target)}" title="{esc(title)}">'
                f"{esc(wording.label(record) if text is None else text)}</a>")  # fmt: skip

    def id_link(self, record: Any, here: str) -> str:
        """Return a link from *here* to *record*, showing its id."""
        address = esc(relative(ca.address(record, ""), here))
        return f'<a class="ca-id" href="{address}">{esc(record.id)}</a>'

    def quote(self, citation: ca.Citation, here: str, inferred: str | None = None) -> str:
        """Return a citation: the quote, and a link to its passage in the article."""
        article = citation.article
        where = esc(relative(passage_address(citation, ""), here))
        what = (f'<p class="ca-inferred-from">The {esc(wording.field_name(inferred))} is inferred '
                "from this passage:</p>") if inferred else ""  # fmt: skip
        # An untitled article's label names its authors already: it is not said twice.
        named = (f"{esc(wording.authors(article))}, <cite>{esc(article.title)}</cite>"
                 if article.title else esc(wording.label(article)))  # fmt: skip
        return (f'<figure class="ca-quote">{what}<blockquote>{esc(citation.quote)}</blockquote>'
                f'<figcaption>— <a class="ca-passage-link" href="{where}">{named}, '
                f"in context</a></figcaption></figure>")  # fmt: skip

    def sources(self, record: Any, here: str) -> str:
        """Return the citations of *record*, with its inferences."""
        parts = [self.quote(citation, here) for citation in getattr(record, "sources", ())]
        for inference in getattr(record, "inferred", ()):
            if inference.source is not None:
                parts.append(self.quote(inference.source, here, inference.field))
            else:
                parts.append(f'<p class="ca-inferred">Not stated in the quotes: the '
                             f"{esc(wording.field_name(inference.field))}, from "
                             f"{esc(inference.basis)}.</p>")  # fmt: skip
        return "".join(parts)

    def sources_folded(self, record: Any, here: str) -> str:
        """Return the citations of a record's page, folded away when there are many."""
        count = sum(1 for _ in citations(record))
        if count <= 3:  # noqa: PLR2004 - a few quotes read at a glance
            return self.sources(record, here)
        return (f'<details class="ca-sources"><summary>{count} quotes name it</summary>'
                f"{self.sources(record, here)}</details>")  # fmt: skip

    def short_sources(self, record: Any, here: str) -> str:
        """Return links to the passages *record* cites, by article: "Kaleji, passages 1 2"."""
        by_article: dict[str, list[ca.Citation]] = {}
        for citation, _ in citations(record):
            found = by_article.setdefault(citation.article.id, [])
            if all(passage_anchor(other) != passage_anchor(citation) for other in found):
                found.append(citation)
        parts = []
        for cited in by_article.values():
            links = [(f'<a class="ca-passage-link" title="{esc(c.quote)}" '
                      f'href="{esc(relative(passage_address(c, ""), here))}">')
                     for c in cited]  # fmt: skip
            author = esc(wording.authors(cited[0].article))
            if len(cited) == 1:
                parts.append(f"{links[0]}{author}</a>")
            else:
                numbered = " ".join(f"{link}{number}</a>" for number, link in enumerate(links, 1))
                parts.append(f"{author}, passages {numbered}")
        return "; ".join(parts)

    # -- Values -------------------------------------------------------------------------------

    def value(self, record: Any, name: str, value: Any, here: str) -> str:
        """Return a field's value as HTML, records linked, dates and figures in words."""
        if isinstance(value, tuple):
            return ", ".join(self.value(record, name, item, here) for item in value)
        if attrs.has(type(value)) and any(kind.cls is type(value) for kind in KINDS):
            return self.link(value, here)
        if isinstance(value, ca.Date):
            return f'<span title="EDTF {esc(value.edtf)}">{esc(value.words)}</span>'
        if isinstance(value, ca.Figure):
            return esc(wording.figure(record, name))
        if isinstance(value, ca.LocalName):  # in words, with the language marked for readers
            language = esc(value.language)
            return f'<span lang="{language}">{esc(value.name)}</span> ({language})'
        if isinstance(value, ca.Ambiguity):  # in words, each candidate a link
            candidates = " or ".join(self.link(country, here) for country in value.candidates)
            return f"“{esc(value.text)}”: {candidates} ({esc(value.basis)})"
        return esc(wording.value(value))

    def facts(
        self, record: Any, here: str, *, only: Iterable[str] | None = None, shown: str = ""
    ) -> str:
        """Return *record*'s fields as a definition list: everything but its id and sources."""
        wanted = None if only is None else set(only)
        rows = []
        for name in wording.shown_fields(record):
            value = getattr(record, name)
            # The label is the block's heading: it is not repeated as a fact.
            if value == shown or (wanted is not None and name not in wanted):
                continue
            said = wording.field_name(name)
            rows.append(f"<dt>{esc(said[:1].upper() + said[1:])}</dt>"
                        f"<dd>{self.value(record, name, value, here)}</dd>")  # fmt: skip
        return f'<dl class="ca-facts">{"".join(rows)}</dl>' if rows else ""

    def key_facts(self, record: Any, here: str) -> str:
        """Return what a record says in numbers and dates: its figures and its date."""
        kind = kind_of(type(record))
        names = [field.name for field in attrs.fields(type(record))
                 if isinstance(getattr(record, field.name), ca.Figure)]  # fmt: skip
        if kind.date is not None:
            # A date such as status_as_of dates another field, which goes with it.
            names += [kind.date.removesuffix("_as_of"), kind.date]
        if hasattr(record, "unit"):
            names.append("unit")
        return self.facts(record, here, only=names)

    # -- Blocks -------------------------------------------------------------------------------

    def cite_line(self, record: Any) -> str:
        """Return the record's address to cite, in full."""
        return (f'<p class="ca-cite">Cite as <code>{esc(ca.address(record))}</code> '
                f"(<code>ca.address(…)</code> in Python).</p>")  # fmt: skip

    def related(self, record: Any, here: str) -> str:
        """Return the conflicts over *record* and the other records referring to it."""
        profile = self.profile(record)
        parts = []
        conflicts = list(profile.conflicts)
        if conflicts:
            links = "; ".join(
                f"{self.link(c, here)} ({esc(wording.value(c.kind))})" for c in conflicts
            )
            parts.append(f'<p class="ca-disputed"><strong>Disputed:</strong> {links}.</p>')
        others = [other for name, part in self.parts(profile) if name != "conflicts"
                  for other in part]  # fmt: skip
        if others:
            links = "; ".join(self.link(other, here) for other in others)
            parts.append(f'<p class="ca-related"><strong>Referred to by:</strong> {links}.</p>')
        return "".join(parts)

    def block(self, record: Any, here: str) -> str:
        """Return the block of a record that has no page: an anchor on its collection's page."""
        if isinstance(record, ca.Conflict):
            return self.conflict_block(record, here)
        kind = kind_of(type(record))
        return (f'<section class="ca-record" id="{esc(record.id)}" '
                f'data-record="{esc(key(record))}">'
                f'<h2 class="ca-record-title">{esc(wording.label(record))}</h2>'
                f'<p class="ca-meta"><span class="ca-kind">{esc(kind.name)}</span> '
                f'<a class="ca-id" href="#{esc(record.id)}">{esc(record.id)}</a></p>'
                f"{self.facts(record, here, shown=wording.label(record))}"
                f"{self.sources(record, here)}"
                f"{self.related(record, here)}{self.cite_line(record)}</section>")  # fmt: skip

    def conflict_block(self, conflict: ca.Conflict, here: str) -> str:
        """Return a conflict: its kind in words, and each side's figures, quote and article."""
        explained = member_docs(type(conflict.kind)).get(conflict.kind.name, "")
        countries = ", ".join(self.link(country, here) for country in conflict.countries)
        sides = "".join(
            f'<div class="ca-side"><p class="ca-side-head"><span class="ca-kind">'
            f"{esc(kind_of(type(side)).name)}</span> {self.link(side, here)} "
            f"{self.id_link(side, here)}</p>{self.key_facts(side, here)}"
            f"{self.sources(side, here)}</div>"
            for side in conflict.records
        )
        return (f'<section class="ca-record ca-conflict" id="{esc(conflict.id)}" '
                f'data-record="{esc(key(conflict))}">'
                f'<h2 class="ca-record-title">{esc(conflict.topic)}</h2>'
                f'<p class="ca-meta"><span class="ca-kind">conflict</span> '
                f'<a class="ca-id" href="#{esc(conflict.id)}">{esc(conflict.id)}</a> '
                f'<span class="ca-conflict-kind">{esc(wording.value(conflict.kind))}</span></p>'
                f'<p class="ca-explained"><strong>{esc(wording.value(conflict.kind).capitalize())}:'
                f"</strong> {esc(explained)}</p>"
                f"<p>{esc(conflict.description)}</p>"
                + (f"<p><strong>Countries:</strong> {countries}</p>" if countries else "")
                + f'<div class="ca-sides">{sides}</div>'
                + f"{self.cite_line(conflict)}</section>")  # fmt: skip

    # -- Parts of a page ----------------------------------------------------------------------

    def parts(self, profile: ca.Profile) -> list[tuple[str, Any]]:
        """Return the non-empty parts of a profile but its articles, in every front end's order."""
        return [(name, part) for name, part in wording.parts(profile) if name != "articles"]

    def table(self, heads: list[str], rows: list[list[str]], *, cards: bool = True) -> str:
        """Return a table whose cells name their column, to read as cards on a phone."""
        head = "".join(f'<th scope="col">{esc(name)}</th>' for name in heads)
        body = "".join(
            "<tr>" + "".join(f'<td data-label="{esc(name)}">{cell}</td>'
                             for name, cell in zip(heads, row, strict=True)) + "</tr>"
            for row in rows
        )  # fmt: skip
        kind = "ca-table" if cards else "ca-table ca-narrow"
        return (f'<div class="ca-table-wrap"><table class="{kind}"><thead><tr>{head}</tr>'
                f"</thead><tbody>{body}</tbody></table></div>")  # fmt: skip

    def loans_table(self, loans: Any, here: str) -> str:
        """Return debt figures as a table: figures, date, debtors and creditor, source."""
        rows = []
        for loan in loans.sort_by("as_of"):
            figures = "<br>".join(
                f"{esc(wording.field_name(name))}: "
                f"<strong>{self.value(loan, name, figure, here)}</strong>"
                for name, figure in loan.figures.items()
            )
            date = self.value(loan, "as_of", loan.as_of, here) if loan.as_of else "not dated"
            creditor = self.link(loan.creditor, here) if loan.creditor else esc(loan.creditor_text)
            if loan.lender is not None:
                extent = " mainly" if loan.lender_extent is ca.LenderExtent.PRIMARILY else ""
                creditor += f",{extent} through {self.link(loan.lender, here)}"
            debtors = ", ".join(self.link(debtor, here) for debtor in loan.debtors)
            # The sentence is one click away, in place, below what the figure is.
            said = (f'<details class="ca-said"><summary>The sentence</summary>'
                    f"{self.sources(loan, here)}</details>")  # fmt: skip
            what = (f"{self.id_link(loan, here)}<br>"
                    f'<span class="ca-muted">{esc(loan.description)}</span>{said}')  # fmt: skip
            rows.append([what, figures, date, f"{debtors} to {creditor}",
                         self.short_sources(loan, here)])  # fmt: skip
        return self.table(["Record", "Figures", "As of", "Owed by, to", "Source"], rows)

    def memberships_table(self, memberships: Any, here: str, record: Any) -> str:
        """Return memberships as a table: the other side, role, dates, source."""
        rows = []
        for membership in memberships.sort_by("joined"):
            if membership.country is record:
                other = self.link(membership.organization, here)
            elif membership.organization is record:
                other = self.link(membership.country, here)
            else:
                other = self.link(membership, here)
            joined, left = membership.joined, membership.left
            rows.append([
                other, esc(wording.value(membership.role)),
                self.value(membership, "joined", joined, here) if joined else "not stated",
                self.value(membership, "left", left, here) if left else "",
                self.short_sources(membership, here), self.id_link(membership, here),
            ])  # fmt: skip
        side = {ca.Country: "Organization", ca.Organization: "Member"}.get(
            type(record), "Membership"
        )
        heads = [side, "Role", "Joined", "Left", "Source", "Record"]
        return self.table(heads, rows)

    def timeline(self, events: Any, here: str) -> str:
        """Return events as a timeline, dates in words."""
        items = "".join(
            f'<li><span class="ca-date" title="EDTF {esc(event.date.edtf)}">'
            f"{esc(event.date.words)}</span> {self.link(event, here)} "
            f'<span class="ca-muted">({self.short_sources(event, here)})</span></li>'
            for event in events.sort_by("date")
        )
        return f'<ol class="ca-timeline">{items}</ol>'

    def conflict_list(self, conflicts: Any, here: str) -> str:
        """Return conflicts as a list: topic, kind and description."""
        items = "".join(
            f'<li>{self.link(conflict, here)} <span class="ca-conflict-kind">'
            f"{esc(wording.value(conflict.kind))}</span>: {esc(conflict.description)}</li>"
            for conflict in conflicts
        )
        return f'<ul class="ca-list">{items}</ul>'

    def record_list(self, part: Any, here: str) -> str:
        """Return any records as a list: a link, and their figures and date."""
        kind = kind_of(part.record_type)
        ordered = part.sort_by(kind.date) if kind.date else part
        items = "".join(
            f"<li>{self.link(record, here)} {self.id_link(record, here)}"
            f"{self.key_facts(record, here)}</li>"
            for record in ordered
        )
        return f'<ul class="ca-list">{items}</ul>'

    def section(self, name: str, part: Any, record: Any, here: str) -> str:
        """Return one part of a record's page as Markdown: a heading and its records."""
        title = wording.part_title(name)
        if name == "loans":
            body = self.loans_table(part, here) + self.chart(record, part, here)
        elif name == "memberships":
            body = self.memberships_table(part, here, record)
        elif name == "events":
            body = self.timeline(part, here)
        elif name == "conflicts":
            body = self.conflict_list(part, here)
        elif name == "articles":
            items = "".join(f"<li>{self.link(article, here)} by "
                            f"{esc(wording.authors(article))}</li>"
                            for article in part)  # fmt: skip
            body = f'<ul class="ca-list">{items}</ul>'
        else:
            body = self.record_list(part, here)
        return f"## {_heading(title)}\n\n{_raw(body)}\n"

    # -- Charts -------------------------------------------------------------------------------

    def chart(self, record: Any, loans: Any, here: str) -> str:
        """Return the figure of a chart of *loans* and remember to draw it (two loans at least)."""
        if len(loans) < 2:  # noqa: PLR2004 - one figure needs no chart
            return ""
        bars = []
        for loan in loans.sort_by("as_of"):
            when = loan.as_of.words if loan.as_of else "not dated"
            if len(loan.debtors) > 2:  # noqa: PLR2004 - two names read at a glance
                when += f", {len(loan.debtors)} countries together"
            elif record is None or len(loan.debtors) > 1:  # the debt page: every debtor named
                when += f", {wording.joined([debtor.name for debtor in loan.debtors])}"
            words = f"{when}: {loan.description}"
            words = words if len(words) <= 72 else words[:71] + "…"  # noqa: PLR2004
            for name, figure in loan.figures.items():
                value = figure.value
                if isinstance(value, ca.Money):
                    panel = f"{wording.field_name(name).capitalize()} (billion {value.currency})"
                    number = float(value.amount) / 1e9
                    if name == "per_capita":
                        panel, number = f"Per capita ({value.currency})", float(value.amount)
                    text = figure.describe()
                else:
                    panel, number = "Share (percent)", float(value * 100)
                    base = wording.field_name(name).removeprefix("share of ")
                    text = f"{figure.describe(percent=True)} of {base}"
                bars.append(Bar(panel, words, number, figure.qualifier, text))
        name = f"{record.id if record is not None else 'all'}-debt.svg"
        title = (
            f"Debt figures about {wording.label(record)}"
            if record is not None
            else "Every debt figure"
        )
        self.charts[posixpath.join(posixpath.dirname(here), name)] = (title, tuple(bars))
        described = "; ".join(f"{bar.label}: {bar.text}" for bar in bars)
        where = "in the table above" if record is not None else "below"
        return (f'<figure class="ca-chart"><img src="{esc(name)}" alt="Bar chart of the '
                f'{len(bars)} debt figures {where}. {esc(described)}." '
                f'loading="lazy"><figcaption>The figures {where} as their sources give them: '
                f"lighter bars are approximate or estimated, orange ones are bounds "
                f"(“at least”, “over”, “as much as”, “under”, “just under”). Figures of "
                f"different kinds, dates and sources are not comparable as a series."
                f"</figcaption></figure>")  # fmt: skip

    # -- Pages --------------------------------------------------------------------------------

    def header(self, record: Any, here: str) -> str:
        """Return the top of a record's page: its kind, id, facts and sources."""
        kind = kind_of(type(record))
        index = relative(f"{FOLDER}/index.html", here)
        crumbs = (f'<nav class="ca-crumbs"><a href="{esc(index)}">The data</a> › '
                  f'<a href="{esc(relative(collection_address(kind, ""), here))}">'
                  f"{esc(kind.collection_title)}</a></nav>")  # fmt: skip
        return (f'<div class="ca-record ca-page-record" id="record" '
                f'data-record="{esc(key(record))}">{crumbs}'
                f'<p class="ca-meta"><span class="ca-kind">{esc(kind.name)}</span> '
                f'<a class="ca-id" href="#record">{esc(record.id)}</a></p>'
                f"{self.facts(record, here, shown=wording.label(record))}"
                f"{self.sources_folded(record, here)}{self.cite_line(record)}</div>")  # fmt: skip

    def record_page(self, record: Any) -> Page:
        """Return the page of a named record: country, organization, corridor or article."""
        here = ca.address(record, "").removesuffix(".html")
        profile = self.profile(record)
        # Record pages are in no table of contents: listing hundreds of them in every
        # page's navigation would make the build quadratic. Their collection's page
        # links to each, so Sphinx is told they are orphans on purpose.
        text = [
            "---\norphan: true\n---\n",
            f"# {_heading(wording.label(record))}\n",
            _raw(self.header(record, here)),
        ]
        if isinstance(record, ca.Article):
            text += self.article_text(record, here)
        text += [self.section(name, part, record, here) for name, part in wording.parts(profile)]
        # The page is the search's one result for its record: its title is the name, and its
        # text holds the codes and aliases. An object per name listed the record once each.
        return Page(here, "\n".join(text))

    def article_text(self, article: ca.Article, here: str) -> list[str]:
        """Return an article's text with each cited passage highlighted, anchored and linked."""
        passages = list(self.passages.get(article.id, {}).values())
        count = len({key(record) for passage in passages for record, _ in passage.supports})
        intro = (f'<p class="ca-legend">{len(passages)} passages of this text support {count} '
                 'records: each is <mark class="ca-mark">highlighted</mark> and followed by the '
                 "ids of the records it supports. Darker highlights are where passages overlap."
                 "</p>")  # fmt: skip
        text = article.text
        bounds = {bound for passage in passages for bound in (passage.start, passage.end)}
        paragraphs, first = [], 0
        # Each line is a paragraph; each offset of the text, its end included, is on one line.
        for line in text.split("\n"):
            last = first + len(line)
            cuts = sorted({first, last, *(bound for bound in bounds if first < bound < last)})
            paragraph = self._paragraph(text, here, passages, cuts)
            if paragraph:
                paragraphs.append(f"<p>{paragraph}</p>")
            first = last + 1
        body = f'<div class="ca-article-text">{"".join(paragraphs)}</div>'
        # An overlapping highlight splits a passage into several marks: when its anchor is the
        # address's target, every mark of it is outlined, not only the one after the anchor.
        rules = ",\n".join(
            f".ca-article-text:has(#{passage.anchor}:target) "
            f'mark[data-passages~="{passage.anchor}"]'
            for passage in passages
        )
        outline = "outline: 2px solid var(--color-brand-primary);"
        style = f"<style>\n{rules} {{ {outline} }}\n</style>"
        parts = [f"## Text\n\n{_raw((style if passages else '') + intro + body)}\n"]
        if article.bio:
            bio = f'<p class="ca-bio">{esc(article.bio)}</p>'
            parts.append(f"## About the author\n\n{_raw(bio)}\n")
        return parts

    def _paragraph(self, text: str, here: str, passages: list[Passage], cuts: list[int]) -> str:
        """Return the HTML of the text from the first to the last of *cuts*, passages marked."""
        out = []
        for index, position in enumerate(cuts):
            # Where passages end, the records they support; where they begin, their anchors.
            out += [self._refs(passage, here) for passage in passages if passage.end == position]
            out += [f'<span class="ca-anchor" id="{passage.anchor}"></span>'
                    for passage in passages if passage.start == position]  # fmt: skip
            if index + 1 == len(cuts):
                break
            following = cuts[index + 1]
            segment = esc(text[position:following])
            covering = [passage.anchor for passage in passages
                        if passage.start <= position and following <= passage.end]  # fmt: skip
            if covering:
                out.append(f'<mark class="ca-mark ca-depth-{min(len(covering), 3)}" '
                           f'data-passages="{" ".join(covering)}">{segment}</mark>')  # fmt: skip
            else:
                out.append(segment)
        return "".join(out)

    def _refs(self, passage: Passage, here: str) -> str:
        """Return links to the records a passage supports, placed where it ends."""
        links = "".join(
            f'<a data-passage="{passage.anchor}" '
            f'href="{esc(relative(ca.address(record, ""), here))}" '
            f'title="{esc(kind_of(type(record)).name)}: {esc(wording.label(record))}'
            f'{esc(f" (its {wording.field_name(inferred)})") if inferred else ""}">'
            f"{esc(record.id)}</a>"
            for record, inferred in passage.supports
        )
        return f'<sup class="ca-refs">{links}</sup>'

    def collection_page(self, kind: Kind[Any], intro: str) -> Page:
        """Return the page of a collection: every record, or the anchor of each."""
        here = collection_address(kind, "").removesuffix(".html")
        collection = self.dataset.collections[kind.collection]
        text = [
            f"# {_heading(kind.collection_title)}\n",
            intro,
            "",
            explanation(kind.cls),
            "",
        ]
        if not collection:
            text.append("None yet.\n")
            return Page(here, "\n".join(text))
        if kind.cls is ca.Conflict:
            counts: dict[str, int] = {}
            for conflict in collection:
                counts[wording.value(conflict.kind)] = (
                    counts.get(wording.value(conflict.kind), 0) + 1
                )
            kinds = wording.joined([f"{n} {words}" for words, n in counts.items()])
            text.append(f"There are {len(collection)} conflicts: {kinds}.\n")
        if has_page(kind):
            by_label = sorted(collection, key=lambda record: wording.label(record).casefold())
            rows = [[self.link(record, here), self.id_link(record, here),
                     str(sum(len(part) for _, part in self.parts(self.profile(record))))]
                    for record in by_label]  # fmt: skip
            text.append(_raw(self.table(["Name", "Id", "Records about it"], rows, cards=False)))
            return Page(here, "\n".join(text))
        ordered = collection.sort_by(kind.date) if kind.date else collection
        if kind.cls is ca.Loan:
            text.append(_raw(self.chart(None, collection, here)))
        blocks = "".join(self.block(record, here) for record in ordered)
        objects = tuple((record.id, kind.name, record.id) for record in ordered)
        text.append(_raw(blocks))
        return Page(here, "\n".join(text), objects)

    def index_page(self, intros: dict[str, str]) -> Page:
        """Return the home of the data: every collection, and how addresses are made."""
        here = f"{FOLDER}/index"
        rows = [[(f'<a href="{esc(relative(collection_address(kind, ""), here))}">'
                  f"{esc(kind.collection_title)}</a> <code>{esc(kind.collection)}</code>"),
                 str(len(self.dataset.collections[kind.collection])),
                 esc(intros.get(kind.collection, ""))]
                for kind in KINDS]  # fmt: skip
        paged = [kind for kind in KINDS if has_page(kind)]
        firsts = [(kind, collection[0]) for kind in KINDS
                  if (collection := self.dataset.collections[kind.collection])]  # fmt: skip
        examples = [f"<li>{esc(kind.name)}: {self.link(first, here, ca.address(first, ''))}</li>"
                    for kind, first in firsts]  # fmt: skip
        toctree = "\n".join(kind.collection for kind in KINDS)
        text = f"""\
# The data, record by record

Every record of the dataset, readable without Python:
each figure with its quote and the article it comes from,
each date as precise as its source gives it,
and every disagreement between sources side by side.
Generated from the data when the documentation is built.

{_raw(self.table(["Collection", "Records", "What they are"], rows, cards=False))}

## Addresses

Every record has one address, which follows from its kind and its id
and stays the same from one release to the next.
The records of {wording.joined([f"`{kind.collection}`" for kind in paged])} have a page each,
`data/<collection>/<id>.html`;
every other record is an anchor, its id, on the page of its collection,
`data/<collection>.html#<id>`.
For example:

{_raw(f'<ul class="ca-list ca-examples">{"".join(examples)}</ul>')}

In Python, {{func}}`centralasia.address` gives a record's address,
to link to from a notebook or cite in a paper.
Each article's page highlights every passage that a record cites,
and each record links back to its passages.

```{{toctree}}
:hidden:

{toctree}
```
"""
        return Page(here, text)

    def pages(self) -> dict[str, Page]:
        """Return every page of the data site by docname."""
        docs = ModuleAnalyzer.for_module(ca.Dataset.__module__).find_attr_docs()
        intros = {name: " ".join(lines).strip() for (owner, name), lines in docs.items()
                  if owner == "Dataset"}  # fmt: skip
        found = [self.index_page(intros)]
        for kind in KINDS:
            found.append(self.collection_page(kind, intros.get(kind.collection, "")))
            if has_page(kind):
                found += [
                    self.record_page(record) for record in self.dataset.collections[kind.collection]
                ]
        return {page.docname: page for page in found}


# -- Drawing ---------------------------------------------------------------------------------


def draw(title: str, bars: tuple[Bar, ...], path: pathlib.Path) -> None:
    """Draw the debt chart *bars* of the record called *title* as an SVG file at *path*."""
    import matplotlib as mpl  # noqa: PLC0415 - only the HTML build draws

    mpl.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    # The same data gives the same file, so rebuilds change nothing.
    plt.rcParams.update({"svg.hashsalt": "centralasia", "svg.fonttype": "none",
                         "font.family": "sans-serif", "font.size": 10})  # fmt: skip
    panels = list(dict.fromkeys(bar.panel for bar in bars))
    sizes = [sum(1 for bar in bars if bar.panel == panel) + 0.6 for panel in panels]
    # Narrow, with each bar's label above it: legible on a phone without zooming.
    figure, axes = plt.subplots(
        len(panels), 1, figsize=(5.2, 0.62 * sum(sizes) + 0.6),
        gridspec_kw={"height_ratios": sizes}, squeeze=False,
    )  # fmt: skip
    for axis, panel in zip(axes[:, 0], panels, strict=True):
        rows = [bar for bar in bars if bar.panel == panel]
        places = list(range(len(rows)))
        axis.barh(places, [bar.value for bar in rows], height=0.42,
                  color=[COLOURS[bar.qualifier] for bar in rows])  # fmt: skip
        for place, bar in zip(places, rows, strict=True):
            axis.text(0, place - 0.26, bar.label, fontsize=8.5, va="bottom", color="#444")
            axis.annotate(bar.text, (bar.value, place), xytext=(4, 0), textcoords="offset points",
                          va="center", fontsize=9)  # fmt: skip
        axis.set_yticks([])
        axis.set_ylim(len(rows) - 0.5, -0.85)
        axis.set_xlim(0, max(bar.value for bar in rows) * 1.7 or 1)
        axis.set_xlabel(panel)
        axis.spines[["top", "right", "left"]].set_visible(False)
    axes[0, 0].set_title(title, loc="left", fontsize=10.5)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, format="svg", metadata={"Date": None}, facecolor="white")
    plt.close(figure)


# -- Writing ---------------------------------------------------------------------------------


def write(source: pathlib.Path, site: Site) -> dict[str, Page]:
    """Write the site's pages under the documentation's *source* folder; remove stale ones."""
    pages = site.pages()
    folder = source / FOLDER
    for docname, page in pages.items():
        path = source / f"{docname}.md"
        text = page.text.rstrip("\n") + "\n"
        # Unchanged pages keep their time stamps, so Sphinx does not read them again.
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for path in folder.rglob("*.md"):
        if path.relative_to(source).with_suffix("").as_posix() not in pages:
            path.unlink()
    return pages


# -- The Sphinx extension --------------------------------------------------------------------


class DataDomain(Domain):
    """Records as objects of the search index, found by id, name, code and alias."""

    name = "data"
    label = "centralasia data"
    object_types = {kind.name: ObjType(kind.name) for kind in KINDS}  # noqa: RUF012 - Sphinx's API
    initial_data: ClassVar[dict[str, Any]] = {"objects": {}}

    def clear_doc(self, docname: str) -> None:
        """Forget the records of a page read again."""
        self.data["objects"].pop(docname, None)

    def merge_domaindata(self, docnames: Any, otherdata: dict[str, Any]) -> None:
        """Take the records of the pages another process read."""
        for docname in docnames:
            if docname in otherdata["objects"]:
                self.data["objects"][docname] = otherdata["objects"][docname]

    def get_type_name(self, type: ObjType, primary: bool = False) -> str:  # noqa: A002, FBT001, FBT002
        """Name a record's kind in the search results as the schema does: "country"."""
        del primary
        return str(type.lname)

    def resolve_any_xref(self, *_: Any) -> list[Any]:
        """Resolve nothing: records are linked by address, not by role."""
        return []

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        """Yield each record's names, for the search."""
        for docname, objects in self.data["objects"].items():
            for name, kind, anchor in objects:
                yield name, name, kind, docname, anchor, 1


#: Where each record id (and "kind:id") leads, relative to the root; filled when the build starts.
_TARGETS: dict[str, str] = {}
_PAGES: dict[str, Page] = {}
_SITE: list[Site] = []


def _build_started(app: Sphinx) -> None:
    dataset = ca.load()
    site = Site(dataset)
    _SITE[:] = [site]
    _PAGES.clear()
    _PAGES.update(write(pathlib.Path(app.srcdir), site))
    _TARGETS.clear()
    # Named kinds first: a bare id that two kinds share leads where ca.record() would.
    for kind in sorted(KINDS, key=lambda kind: not has_page(kind)):
        for record in dataset.collections[kind.collection]:
            _TARGETS.setdefault(record.id, ca.address(record, ""))
            _TARGETS[key(record)] = ca.address(record, "")


def _page_read(app: Sphinx, _: nodes.document) -> None:
    docname = app.env.docname
    page = _PAGES.get(docname)
    if page is not None:
        app.env.get_domain("data").data["objects"][docname] = page.objects


def _inside(node: nodes.Node, *kinds: type[nodes.Node]) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, kinds):
            return True
        parent = parent.parent
    return False


def _link_literals(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Make each inline ``id`` that names a record a link to its address."""
    if app.builder.format != "html":
        return
    for literal in list(doctree.findall(nodes.literal)):
        target = _TARGETS.get(literal.astext())
        if target is None or _inside(
            literal, nodes.reference, nodes.title, addnodes.desc_signature
        ):
            continue
        link = nodes.reference("", "", literal.deepcopy(), internal=True,
                               refuri=relative(target, docname), classes=["ca-id"])  # fmt: skip
        literal.replace_self(link)


_PRE = re.compile(r"<pre>.*?</pre>", re.DOTALL)
_STRING = re.compile(r"""(["']|&quot;|&#39;|&#x27;)([a-z0-9:-]+)\1""")


def _link_strings(
    app: Sphinx, pagename: str, _: str, context: dict[str, Any], doctree: Any
) -> None:
    """Make each string in an example that is a record id a link to its address."""
    body = context.get("body")
    if app.builder.format != "html" or doctree is None or not body:
        return

    def text(match: re.Match[str]) -> str:
        target = _TARGETS.get(match[2])
        if target is None:
            return match[0]
        return f'<a class="ca-id" href="{esc(relative(target, pagename))}">{match[0]}</a>'

    def block(match: re.Match[str]) -> str:
        # Only the text between tags: never an attribute.
        parts = re.split(r"(<[^>]*>)", match[0])
        return "".join(part if part.startswith("<") else _STRING.sub(text, part) for part in parts)

    context["body"] = _PRE.sub(block, body)


def _draw_charts(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html" or not _SITE:
        return
    for path, (title, bars) in _SITE[0].charts.items():
        draw(title, bars, pathlib.Path(app.outdir) / path)


def setup(app: Sphinx) -> dict[str, Any]:
    """Generate the data site and link record ids: the Sphinx extension's entry point."""
    app.add_domain(DataDomain)
    app.connect("builder-inited", _build_started)
    app.connect("doctree-read", _page_read)
    app.connect("doctree-resolved", _link_literals)
    app.connect("html-page-context", _link_strings)
    app.connect("build-finished", _draw_charts)
    app.add_css_file("site.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
