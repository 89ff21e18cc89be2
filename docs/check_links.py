"""
Check the built HTML: its internal links, and that every record of the data is where it should be.

Sphinx's ``linkcheck`` builder checks external addresses, which these machines
cannot reach; cross-references are checked by the nitpicky build (``-n``).  This
checks what is left, the site as rendered::

    python docs/check_links.py [docs/_build/html]

- every internal link and image leads to a page that exists, and to an anchor on it;
- every record is at its address (:func:`centralasia.address`): its page, or
  the anchor on its collection's page, marked as that record;
- every citation of the data is highlighted, word for word, on its article's
  page, where it links to the record it supports; and the record links back;
- every record's address is reached from the home page in three clicks;
- every record id shown as inline code is a link;
- a passage that an overlapping highlight splits into several marks is
  outlined whole when its address is followed (a ``:has(#anchor:target)`` rule);
- the search lists each record once: one entry of its own for a record on its
  collection's page, none beside the page of a record that has one.

Exits 1 listing each problem.
"""

from __future__ import annotations

import collections
import json
import pathlib
import sys
import urllib.parse
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from typing import Any

import centralasia as ca

# The docs are the package's own: they read its schema and its passage anchors.
from centralasia._address import passage_anchor
from centralasia._schema import citations as schema_citations
from centralasia._schema import written as key

#: Elements that have no end tag.
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})  # fmt: skip
#: How many clicks from the home page every record must be.
CLICKS = 3


class _Page(HTMLParser):
    """The ids, records, links, images, highlighted passages and inline code of a page."""

    def __init__(self) -> None:
        super().__init__()
        #: Each id, and the record (``kind:id``) its element is marked as, or "".
        self.ids: dict[str, str] = {}
        #: Every record an element is marked as.
        self.records: set[str] = set()
        #: Each link: its address, the record whose element holds it, and its passage.
        self.links: list[tuple[str, str, str]] = []
        self.images: list[str] = []
        #: The highlighted text of each passage, by anchor.
        self.marked: dict[str, list[str]] = collections.defaultdict(list)
        #: The text of each inline code element, and whether it is inside a link.
        self.code: list[tuple[str, bool]] = []
        #: The elements open: tag, record, and whether it is a link.
        self._open: list[tuple[str, str, bool]] = []
        #: How many mark elements each passage is split into, by anchor.
        self.fragments: collections.Counter[str] = collections.Counter()
        #: The text of the page's style elements.
        self.styles: list[str] = []
        self._marks: list[list[str]] = []
        self._code: list[str] | None = None
        self._style = False

    def _record(self) -> str:
        return self._open[-1][1] if self._open else ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        record = found.get("data-record") or self._record()
        if found.get("data-record"):
            self.records.add(found["data-record"])
        if found.get("id"):
            self.ids.setdefault(found["id"], found.get("data-record", ""))
        if tag == "a" and found.get("href"):
            self.links.append((found["href"], record, found.get("data-passage", "")))
        if tag == "img" and found.get("src"):
            self.images.append(found["src"])
        if tag == "mark":
            self._marks.append(found.get("data-passages", "").split())
            self.fragments.update(self._marks[-1])
        self._style = tag == "style"
        if tag == "code" and self._code is None:
            self._code = []
        if tag not in VOID:
            self._open.append((tag, record, tag == "a" and bool(found.get("href"))))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self._marks:
            self._marks.pop()
        if tag == "code" and self._code is not None:
            inside_link = any(link for _, _, link in self._open)
            self.code.append(("".join(self._code), inside_link))
            self._code = None
        names = [name for name, _, _ in self._open]
        if tag in names:
            del self._open[len(names) - 1 - names[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        if self._style:
            self.styles.append(data)
            self._style = False
        for passages in self._marks:
            for anchor in passages:
                self.marked[anchor].append(data)
        if self._code is not None:
            self._code.append(data)


def read(path: pathlib.Path) -> _Page:
    """Parse the HTML page at *path*."""
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def site(root: pathlib.Path) -> dict[pathlib.Path, _Page]:
    """Parse every page of the site under *root*, by resolved path."""
    return {path.resolve(): read(path) for path in sorted(root.rglob("*.html"))}


def _target(path: pathlib.Path, link: str) -> tuple[pathlib.Path, str] | None:
    """Return the file and anchor an internal *link* on the page *path* leads to, or None."""
    parts = urllib.parse.urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith("mailto:"):
        return None  # external: not checkable here
    target = (path.parent / urllib.parse.unquote(parts.path)).resolve() if parts.path else path
    if target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def location(root: pathlib.Path, record: Any) -> tuple[pathlib.Path, str]:
    """Return the file and anchor of *record*'s address in the site under *root*."""
    path, _, fragment = ca.address(record, "").partition("#")
    return (root / path).resolve(), fragment


def citations(record: Any) -> Iterator[ca.Citation]:
    """Yield every citation of *record*: its sources, and the passages its inferences cite."""
    for citation, _ in schema_citations(record):
        yield citation


def broken_links(pages: dict[pathlib.Path, _Page], root: pathlib.Path) -> list[str]:
    """Return a line for each internal link or image of the site that leads nowhere."""
    broken = []
    for path, page in pages.items():
        links = [link for link, _, _ in page.links] + page.images
        for link in links:
            found = _target(path, link)
            if found is None:
                continue
            target, fragment = found
            where = path.relative_to(root.resolve())
            if not target.exists():
                broken.append(f"{where}: {link} (no such file)")
            elif fragment and target in pages and fragment not in pages[target].ids:
                broken.append(f"{where}: {link} (no such anchor)")
    return broken


def misplaced_records(
    pages: dict[pathlib.Path, _Page], root: pathlib.Path, records: Iterable[Any]
) -> list[str]:
    """Return a line for each record that is not at its address, marked as itself."""
    problems = []
    for record in records:
        path, fragment = location(root, record)
        page = pages.get(path)
        where = ca.address(record, "")
        if page is None:
            problems.append(f"{key(record)}: {where} (no such page)")
        elif fragment and page.ids.get(fragment) != key(record):
            problems.append(f"{key(record)}: {where} (no element marked as the record)")
        elif not fragment and key(record) not in page.records:
            problems.append(f"{key(record)}: {where} (the page is not marked as the record)")
    return problems


def unhighlighted_citations(
    pages: dict[pathlib.Path, _Page], root: pathlib.Path, records: Iterable[Any]
) -> list[str]:
    """Return a line for each citation not highlighted on its article's page or not linked."""
    problems = []
    for record in records:
        path, fragment = location(root, record)
        here = pages.get(path)
        for citation in citations(record):
            article, _ = location(root, citation.article)
            anchor = passage_anchor(citation)
            page = pages.get(article)
            what = f"{key(record)} cites {citation.article.id}#{anchor}"
            if page is None or anchor not in page.ids:
                problems.append(f"{what}: no such passage")
                continue
            # The marks leave out the line breaks, which end paragraphs.
            if "".join(page.marked.get(anchor, [])) != citation.quote.replace("\n", ""):
                problems.append(f"{what}: the passage is not highlighted as quoted")
            forward = {_target(article, link) for link, _, passage in page.links
                       if passage == anchor}  # fmt: skip
            if (path, fragment) not in forward:
                problems.append(f"{what}: the passage does not link to the record")
            back = {_target(path, link) for link, owner, _ in (here.links if here else ())
                    if owner == key(record)}  # fmt: skip
            if (article, anchor) not in back:
                problems.append(f"{what}: the record does not link to the passage")
    return problems


def reached(pages: dict[pathlib.Path, _Page], root: pathlib.Path) -> dict[tuple[Any, str], int]:
    """Return every page and anchor the links reach from the home page, with the clicks it takes."""
    home = (root / "index.html").resolve()
    found: dict[tuple[Any, str], int] = {(home, ""): 0}
    frontier = [home]
    for clicks in range(1, CLICKS + 1):
        following = []
        for path in frontier:
            for link, _, _ in pages[path].links:
                target = _target(path, link)
                if target is None or target[0] not in pages:
                    continue
                for place in (target, (target[0], "")):
                    if place not in found:
                        found[place] = clicks
                        if place[1] == "" and place[0] != path:
                            following.append(place[0])
        frontier = list(dict.fromkeys(following))
    return found


def unreachable_records(
    pages: dict[pathlib.Path, _Page], root: pathlib.Path, records: Iterable[Any]
) -> list[str]:
    """Return a line for each record whose address is not reached in CLICKS clicks from home."""
    found = reached(pages, root)
    return [f"{key(record)}: {ca.address(record, '')} is more than {CLICKS} clicks from home"
            for record in records if location(root, record) not in found]  # fmt: skip


def unlinked_ids(
    pages: dict[pathlib.Path, _Page], root: pathlib.Path, records: Iterable[Any]
) -> list[str]:
    """Return a line for each record id shown as inline code that is not a link."""
    ids = {record.id for record in records}
    problems = []
    for path, page in pages.items():
        where = path.relative_to(root.resolve())
        if where.parts[0] in {"_modules", "_sources"}:  # source code, not documentation
            continue
        problems += [f"{where}: `{text}` is not a link" for text, linked in page.code
                     if text in ids and not linked]  # fmt: skip
    return problems


def split_passages_not_outlined(pages: dict[pathlib.Path, _Page], root: pathlib.Path) -> list[str]:
    """Return a line for each passage split into marks that is not outlined whole when targeted."""
    problems = []
    for path, page in pages.items():
        styles = "".join(page.styles)
        for anchor, count in page.fragments.items():
            rule = f':has(#{anchor}:target) mark[data-passages~="{anchor}"]'
            if count > 1 and rule not in styles:
                where = path.relative_to(root.resolve())
                problems.append(f"{where}#{anchor}: {count} marks, not outlined together")
    return problems


def duplicate_search_results(root: pathlib.Path) -> list[str]:
    """Return a line for each record the search would list twice, from ``searchindex.js``."""
    path = root / "searchindex.js"
    if not path.is_file():
        return [f"{path.name}: missing"]
    text = path.read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    data = {number for number, name in index["objtypes"].items() if name.startswith("data:")}
    seen: collections.Counter[tuple[str, str]] = collections.Counter()
    problems = []
    for entries in index["objects"].values():
        for document, kind, _, anchor, name in entries:
            if str(kind) not in data:
                continue
            docname = index["docnames"][document]
            seen[docname, anchor or name] += 1
            if docname.count("/") > 1:  # data/<collection>/<id>: the page is the result
                problems.append(f"{docname}: {name} listed beside the record's own page")
    problems += [f"{docname}#{anchor}: listed {count} times"
                 for (docname, anchor), count in seen.items() if count > 1]  # fmt: skip
    return problems


def main() -> None:
    """Check the site named on the command line and exit 1 if anything is wrong."""
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "docs/_build/html")
    pages = site(root)
    everything = [record for collection in ca.load().collections.values() for record in collection]
    checks = {
        "broken internal links": broken_links(pages, root),
        "records not at their address": misplaced_records(pages, root, everything),
        "citations not highlighted and linked both ways": unhighlighted_citations(
            pages, root, everything
        ),
        f"records more than {CLICKS} clicks from home": unreachable_records(
            pages, root, everything
        ),
        "record ids that are not links": unlinked_ids(pages, root, everything),
        "split passages not outlined whole": split_passages_not_outlined(pages, root),
        "records listed more than once by the search": duplicate_search_results(root),
    }
    cited = sum(1 for record in everything for _ in citations(record))
    for problems in checks.values():
        for line in problems:
            print(line)
    for name, problems in checks.items():
        print(f"{len(problems)} {name}")
    print(f"checked {len(pages)} pages under {root}: {len(everything)} records, {cited} citations")
    sys.exit(1 if any(checks.values()) else 0)


if __name__ == "__main__":
    main()
