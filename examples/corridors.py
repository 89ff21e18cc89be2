"""
Corridors and routes: which link which countries, what kind they are, and their status.

Run it with ``python examples/corridors.py [COUNTRY]``; with a country, only
the routes through it.
"""

from __future__ import annotations

import sys
import textwrap

import centralasia as ca


def describe(corridor: ca.Corridor) -> str:
    """Return the route as its countries in order, with kind, length and status."""
    route = " → ".join(country.name for country in corridor.countries) or "no country named"
    parts = [corridor.kind.value.replace("_", " ")]
    if corridor.length_km is not None:
        parts.append(f"{corridor.length_km:,} km")
    if corridor.status:
        as_of = f" (as of {corridor.status_as_of})" if corridor.status_as_of else ""
        parts.append(f"status: {corridor.status}{as_of}")
    return f"{corridor.name}: {route}\n    {'; '.join(parts)}"


def main() -> None:
    """Print every corridor, or those through the country named on the command line."""
    corridors = ca.corridors
    if len(sys.argv) > 1:
        country = ca.countries.get(sys.argv[1])
        corridors = corridors.where(countries=country)
        print(f"Routes through {country.name}: {len(corridors)}\n")
    else:
        print(f"All {len(corridors)} routes, corridors and sites in the dataset:\n")
    for corridor in corridors:
        print(describe(corridor))
        for citation in corridor.sources:
            text = f"“{citation.quote}” ({citation.article.id})"
            print(textwrap.fill(text, width=96, initial_indent="    source: ",
                                subsequent_indent=" " * 6))  # fmt: skip
        print()
    links = {
        (first.name, second.name)
        for corridor in corridors
        for first, second in zip(corridor.countries, corridor.countries[1:], strict=False)
    }
    print("Direct links along the routes:", "; ".join(f"{a}–{b}" for a, b in sorted(links)) or "-")


if __name__ == "__main__":
    main()
