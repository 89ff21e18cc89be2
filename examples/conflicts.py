"""
Where the sources disagree: every conflict record, each side with its own quote.

Nothing is averaged or picked: each version is a record of its own, and a
``Conflict`` names them and says how they differ.

Run it with ``python examples/conflicts.py [COUNTRY]``.
"""

from __future__ import annotations

import sys
import textwrap

import centralasia as ca


def main() -> None:
    """Print each disagreement, optionally only those about one country."""
    conflicts = ca.conflicts
    if len(sys.argv) > 1:
        conflicts = conflicts.where(countries=ca.countries.get(sys.argv[1]))
    print(f"Disagreements between or within the sources: {len(conflicts)}\n")
    for conflict in conflicts:
        print(f"== {conflict.topic} ({conflict.id})")
        print(textwrap.fill(conflict.description, width=96, initial_indent="   ",
                            subsequent_indent="   "))  # fmt: skip
        for record in conflict.records:
            print(f"   - {type(record).__name__.lower()} {record.id}:")
            if isinstance(record, ca.Article | ca.Country | ca.Conflict):
                continue  # only claims cite sources; the sides of a conflict are claims
            for citation in record.sources:
                article = citation.article
                byline = ", ".join(article.authors) or article.id
                text = f"“{citation.quote}” ({byline})"
                print(textwrap.fill(text, width=96, initial_indent=" " * 7,
                                    subsequent_indent=" " * 8))  # fmt: skip
        print()


if __name__ == "__main__":
    main()
