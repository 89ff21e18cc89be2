"""
Check every internal link of the built HTML: the page exists and so does the anchor.

Sphinx's ``linkcheck`` builder checks external addresses, which these machines
cannot reach; cross-references are checked by the nitpicky build (``-n``).  This
checks what is left, the links as rendered::

    python docs/check_links.py [docs/_build/html]

Exits 1 listing each broken link.
"""

from __future__ import annotations

import pathlib
import sys
import urllib.parse
from html.parser import HTMLParser


class _Page(HTMLParser):
    """The ids a page defines and the links it makes."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"] or "")
        if tag == "a" and found.get("href"):
            self.links.append(found["href"] or "")


def read(path: pathlib.Path) -> _Page:
    """Parse the HTML page at *path*."""
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def broken_links(root: pathlib.Path) -> list[str]:
    """Return a line for each internal link of the site under *root* that leads nowhere."""
    pages = {path.resolve(): read(path) for path in root.rglob("*.html")}
    broken = []
    for path, page in pages.items():
        for link in page.links:
            parts = urllib.parse.urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith("mailto:"):
                continue  # external: not checkable here
            target = (
                (path.parent / urllib.parse.unquote(parts.path)).resolve() if parts.path else path
            )
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(root.resolve())}: {link} (no such file)")
            elif parts.fragment and target in pages and parts.fragment not in pages[target].ids:
                broken.append(f"{path.relative_to(root.resolve())}: {link} (no such anchor)")
    return broken


def main() -> None:
    """Check the site named on the command line and exit 1 if a link is broken."""
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "docs/_build/html")
    broken = broken_links(root)
    for line in broken:
        print(line)
    pages = sum(1 for _ in root.rglob("*.html"))
    print(f"{len(broken)} broken internal links in {pages} pages under {root}")
    sys.exit(1 if broken else 0)


if __name__ == "__main__":
    main()
