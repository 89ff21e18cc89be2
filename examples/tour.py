"""
A short tour of centralasia: a few records, each with the sentence it comes from.

Run it with ``python examples/tour.py``.
"""

from __future__ import annotations

import textwrap
from decimal import Decimal

import centralasia as ca


def percent(share: Decimal) -> str:
    """Write a fraction as a percentage without rounding it: 0.278 is 27.8%."""
    return f"{(share * 100).normalize():f}%"


def describe(loan: ca.Loan) -> str:
    """Return one line naming the debtor, the figures with their qualifiers, and the date."""
    who = loan.debtor.name if loan.debtor else " + ".join(c.alpha_2 for c in loan.debtors)
    if loan.lender is not None:
        who += f" to {loan.lender.name}"
    figures = []
    if loan.amount is not None:
        figures.append(f"{loan.amount} ({loan.amount_qualifier.value})")
    if loan.share_of_gdp is not None:
        qualifier = loan.share_of_gdp_qualifier.value
        figures.append(f"{percent(loan.share_of_gdp)} of GDP ({qualifier})")
    if loan.share_of_external_debt is not None:
        qualifier = loan.share_of_external_debt_qualifier.value
        figures.append(f"{percent(loan.share_of_external_debt)} of external debt ({qualifier})")
    if loan.share_of_total_debt is not None:
        qualifier = loan.share_of_total_debt_qualifier.value
        figures.append(f"{percent(loan.share_of_total_debt)} of total debt ({qualifier})")
    when = "undated"
    if loan.as_of is not None:
        when = f"as of {loan.as_of} (precision: {loan.as_of.precision.name.lower()})"
    return f"{who}: {'; '.join(figures)}, {when}"


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
    counts = {"articles": ca.articles, "countries": ca.countries, "debt figures": ca.loans}
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

    bank = ca.organizations.get("Exim Bank")
    print(f"\n{bank.name} ({bank.acronym}), a {bank.kind.value}:")
    show_sources(bank)


if __name__ == "__main__":
    main()
