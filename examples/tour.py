"""
A short tour of centralasia: a few records, each with the sentence it comes from.

Run it with ``python examples/tour.py``.
"""

from __future__ import annotations

import textwrap
from typing import Any

import centralasia as ca

#: How each share of a loan reads, by field.
SHARES = {"share_of_gdp": "of GDP", "share_of_external_debt": "of external debt",
          "share_of_total_debt": "of total debt"}  # fmt: skip


def describe(loan: ca.Loan) -> str:
    """Return one line naming the debtor, the figures with their qualifiers, and the date."""
    who = loan.debtor.name if loan.debtor else " + ".join(c.alpha_2 for c in loan.debtors)
    if loan.lender is not None:
        extent = " primarily" if loan.lender_extent is ca.LenderExtent.PRIMARILY else ""
        who += f",{extent} to {loan.lender.name}"
    elif loan.creditor is None:
        who += f", to {loan.creditor_text}"
    figures = []
    for name, figure in loan.figures.items():
        if name in SHARES:
            figures.append(f"{figure.describe(percent=True)} {SHARES[name]}")
        elif name == "per_capita":
            figures.append(f"{figure.describe()} per person")
        else:
            figures.append(figure.describe())
    when = "undated" if loan.as_of is None else loan.as_of.words
    return f"{who}: {'; '.join(figures)} ({when})"


def show_sources(record: ca.Loan | ca.Organization) -> None:
    """Print each citation of *record*: the quote and the article it is from."""
    for citation in record.sources:
        article = citation.article
        byline = ", ".join(article.authors) or "unknown author"
        print(textwrap.fill(f"“{citation.quote}”", width=88, initial_indent="    ",
                            subsequent_indent="     "))  # fmt: skip
        title = f", {article.title}" if article.title else " (untitled)"
        print(f"      — {byline}{title} ({article.seed})")


def main() -> None:
    """Print the tour."""
    counts: dict[str, ca.Collection[Any]] = {
        "articles": ca.articles,
        "countries": ca.countries,
        "debt figures": ca.loans,
    }
    summary = ", ".join(f"{len(records)} {name}" for name, records in counts.items())
    print(f"centralasia {ca.__version__}: {summary}\n")

    kyrgyzstan = ca.countries.get("Kyrgyz Republic")
    print(f"Lookup by any name: {kyrgyzstan.name} ({kyrgyzstan.alpha_2}, {kyrgyzstan.alpha_3})")
    try:
        ca.countries.get("Kirgizstan")
    except ca.NotFound as error:
        print(f"A misspelling says what it found: {error}\n")

    print("What Central Asian states owe China, as the sources put it:")
    for loan in ca.loans:
        print(f"\n  {describe(loan)}")
        show_sources(loan)
        for inference in loan.inferred:  # what the quotes do not state, and why it is read so
            print(textwrap.fill(f"inferred {inference.field}: {inference.basis}", width=88,
                                initial_indent="    ", subsequent_indent="      "))  # fmt: skip

    bank = ca.organizations.get("Exim Bank")
    print(f"\n{bank.name} ({bank.acronym}), a {bank.kind.value}:")
    show_sources(bank)


if __name__ == "__main__":
    main()
