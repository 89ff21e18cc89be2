"""
Render pages of the built documentation to PNG with headless Chromium, to look at them.

Build the HTML first, then run::

    sphinx-build -n -W -b html docs docs/_build/html
    python docs/screenshots.py [--html docs/_build/html] [--out docs/_build/screenshots]

Needs Chromium (Debian: ``apt-get install chromium``).  Pages are rendered at a
desktop width, full height up to a limit, one PNG per page.
"""

from __future__ import annotations

import argparse
import pathlib
import shutil
import subprocess
import sys

HERE = pathlib.Path(__file__).parent
#: The pages a reader meets first: the home page, the API reference, the data dictionary.
PAGES = ("index", "api", "generated/dictionary", "generated/sources", "howto/index")


def browser() -> str:
    """Return the Chromium executable, or exit saying how to install it."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    sys.exit("screenshots.py: no Chromium found; install it (Debian: apt-get install chromium)")


def shoot(executable: str, page: pathlib.Path, png: pathlib.Path, height: int) -> None:
    """Render *page* to *png* at 1280 pixels wide."""
    subprocess.run(
        [executable, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         f"--window-size=1280,{height}", f"--screenshot={png}", page.resolve().as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip


def main() -> None:
    """Render every page of PAGES and say where the pictures are."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].strip())
    parser.add_argument("--html", type=pathlib.Path, default=HERE / "_build" / "html")
    parser.add_argument("--out", type=pathlib.Path, default=HERE / "_build" / "screenshots")
    parser.add_argument("--height", type=int, default=2400, help="pixels rendered per page")
    arguments = parser.parse_args()
    executable = browser()
    arguments.out.mkdir(parents=True, exist_ok=True)
    for name in PAGES:
        page = arguments.html / f"{name}.html"
        if not page.is_file():
            sys.exit(f"screenshots.py: {page} is missing; build the HTML first")
        png = arguments.out / f"{name.replace('/', '-')}.png"
        shoot(executable, page, png, arguments.height)
        print(f"{page} -> {png}")


if __name__ == "__main__":
    main()
