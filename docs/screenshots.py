"""
Render pages of the built documentation to PNG with headless Chromium, to look at them.

Build the HTML first, then run::

    sphinx-build -n -W -b html docs docs/_build/html
    python docs/screenshots.py [--html docs/_build/html] [--out docs/_build/screenshots]

Needs Chromium (Debian: ``apt-get install chromium``).  Each page is rendered
at a desktop width (1280 pixels) and a phone's (390), up to a height limit,
one PNG per page and width, named like ``data-countries-kg-390.png``.
"""

from __future__ import annotations

import argparse
import pathlib
import shutil
import subprocess
import sys

HERE = pathlib.Path(__file__).parent
#: The pages a reader meets first: the home page, the API reference, the data
#: dictionary, and the data site's country, article and conflicts pages.
PAGES = (
    "index", "api", "generated/dictionary", "generated/sources", "howto/index", "data/index",
    "data/countries/kg", "data/articles/kaleji-debt-trap", "data/conflicts", "data/loans",
)  # fmt: skip
#: A desktop's width and a phone's, in CSS pixels.
WIDTHS = (1280, 390)


def browser() -> str:
    """Return the Chromium executable, or exit saying how to install it."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    sys.exit("screenshots.py: no Chromium found; install it (Debian: apt-get install chromium)")


def shoot(executable: str, page: pathlib.Path, png: pathlib.Path, width: int, height: int) -> None:
    """Render *page* to *png* at *width* pixels wide."""
    subprocess.run(
        [executable, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         f"--window-size={width},{height}", f"--screenshot={png}", page.resolve().as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip


def main() -> None:
    """Render every page of PAGES at every width of WIDTHS and say where the pictures are."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].strip())
    parser.add_argument("--html", type=pathlib.Path, default=HERE / "_build" / "html")
    parser.add_argument("--out", type=pathlib.Path, default=HERE / "_build" / "screenshots")
    parser.add_argument("--height", type=int, default=2400, help="pixels rendered per page")
    parser.add_argument("pages", nargs="*", default=PAGES, help="pages to render (default: all)")
    arguments = parser.parse_args()
    executable = browser()
    arguments.out.mkdir(parents=True, exist_ok=True)
    for name in arguments.pages:
        page = arguments.html / f"{name}.html"
        if not page.is_file():
            sys.exit(f"screenshots.py: {page} is missing; build the HTML first")
        for width in WIDTHS:
            png = arguments.out / f"{name.replace('/', '-')}-{width}.png"
            shoot(executable, page, png, width, arguments.height)
            print(f"{page} -> {png}")


if __name__ == "__main__":
    main()
