"""
The debt picture: what each Central Asian country owes China, as money and as shares.

Prints a table of every figure with its source and date, and draws the figures
to ``debt.png`` (needs matplotlib: ``pip install matplotlib``).  Each
bar is numbered; the numbered notes under the chart give its source, date and
quote.  Figures that the sources disagree about are drawn side by side and
marked, never merged.

Run it with ``python examples/debt.py [--out DIR]``.
"""

from __future__ import annotations

import argparse
import importlib.util
import pathlib
import textwrap
from decimal import Decimal

import centralasia as ca

OUTPUT = pathlib.Path(__file__).parent / "output"

CENTRAL_ASIA = ("kz", "kg", "tj", "tm", "uz")
#: Each panel of the chart: the loan's figure, a title, and the unit.
MEASURES = (
    ("amount", "Debt to China", "US$ billion"),
    ("share_of_gdp", "Share of GDP", "percent"),
    ("share_of_external_debt", "Share of external debt", "percent"),
    ("share_of_total_debt", "Share of all debt", "percent"),
)
#: The word a qualified figure is labelled with on the chart ("about 40").
MARKS = {ca.Qualifier.EXACT: "", ca.Qualifier.APPROXIMATE: "about ",
         ca.Qualifier.ESTIMATED: "est. ", ca.Qualifier.AT_LEAST: "at least ",
         ca.Qualifier.MORE_THAN: "over ", ca.Qualifier.AT_MOST: "up to ",
         ca.Qualifier.LESS_THAN: "under ", ca.Qualifier.JUST_BELOW: "just under "}  # fmt: skip


def value_of(loan: ca.Loan, attribute: str) -> Decimal | None:
    """Return the figure in the chart's unit: billions of dollars, or percent."""
    figure = loan.figures.get(attribute)
    if figure is None:
        return None
    value: ca.Money | Decimal = figure.value
    if isinstance(value, ca.Money):
        if value.currency != "USD":  # never convert silently
            return None
        return (value.amount / 1_000_000_000).normalize()
    return (value * 100).normalize()


def debt_figures() -> list[ca.Loan]:
    """Return each Central Asian country's own figures of debt to China, country by country."""
    figures: list[ca.Loan] = []
    for country in CENTRAL_ASIA:
        figures += ca.loans.where(debtor=country, creditor="cn").sort_by("as_of")
    return figures


def disputed(loans: list[ca.Loan]) -> set[str]:
    """Return the ids of loans that a conflict record names."""
    return {record.id for loan in loans for conflict in ca.about(loan).conflicts
            for record in conflict.of(ca.Loan)}  # fmt: skip


def label(loan: ca.Loan) -> str:
    """Name a figure by debtor, lender and date."""
    lender = f" ({loan.lender.acronym or loan.lender.name})" if loan.lender else ""
    when = loan.as_of.words if loan.as_of else "undated"
    return f"{loan.debtor.name if loan.debtor else '?'}{lender}, {when}"


def print_table(loans: list[ca.Loan], notes: dict[str, int], contested: set[str]) -> None:
    """Print one line per figure, with its note number and a mark for disputed ones."""
    print(f"{'note':>4}  {'debtor, date':<34} {'amount':>14}  {'% GDP':>9}  {'% ext. debt':>11}"
          f"  {'% all debt':>10}")  # fmt: skip
    for loan in loans:
        cells = []
        for attribute, _, unit in MEASURES:
            value = value_of(loan, attribute)
            figure = loan.figures.get(attribute)
            mark = "" if figure is None else MARKS[figure.qualifier]
            cells.append(
                "" if value is None else f"{mark}{value:f}{' bn' if unit != 'percent' else '%'}"
            )
        flag = " (disputed)" if loan.id in contested else ""
        print(f"[{notes[loan.id]:>2}]  {label(loan):<34} {cells[0]:>14}  {cells[1]:>9}  "
              f"{cells[2]:>11}  {cells[3]:>10}{flag}")  # fmt: skip


def print_notes(loans: list[ca.Loan], notes: dict[str, int]) -> None:
    """Print each figure's sources: the article, its date, and the quote."""
    for loan in loans:
        for citation in loan.sources:
            article = citation.article
            byline = ", ".join(article.authors) or "unknown author"
            title = f", “{article.title}”" if article.title else " (untitled)"
            published = f", {article.published}" if article.published else ""
            print(textwrap.fill(
                f"[{notes[loan.id]}] {byline}{title}{published}: "
                f"“{citation.quote}”", width=100, subsequent_indent="     "))  # fmt: skip


def draw(loans: list[ca.Loan], notes: dict[str, int], contested: set[str],
         path: pathlib.Path) -> None:  # fmt: skip
    """Draw one panel per measure, a bar per figure, numbered by note."""
    import matplotlib as mpl  # noqa: PLC0415 - an optional extra, needed only here

    mpl.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    # One row per figure, the same rows in every panel, so a figure's values line up.
    figure, axes = plt.subplots(1, len(MEASURES), figsize=(18, 1.5 + 0.45 * len(loans)),
                                sharey=True)  # fmt: skip
    for axis, (attribute, title, unit) in zip(axes, MEASURES, strict=True):
        rows = [(row, loan) for row, loan in enumerate(loans) if value_of(loan, attribute)]
        values = [float(value_of(loan, attribute) or 0) for _, loan in rows]
        qualifiers = [loan.figures[attribute].qualifier for _, loan in rows]
        bars = axis.barh(
            [row for row, _ in rows], values,
            color=["#c0504d" if loan.id in contested else "#4f81bd" for _, loan in rows],
            hatch=["//" if qualifier is not ca.Qualifier.EXACT else "" for qualifier in qualifiers],
        )  # fmt: skip
        marks = [MARKS[qualifier] for qualifier in qualifiers]
        axis.bar_label(bars, labels=[f"{mark}{value:g}" for mark, value in zip(marks, values,
                       strict=True)], fontsize=8, padding=2)  # fmt: skip
        axis.set_title(title)
        axis.set_xlabel(unit)
        axis.margins(x=0.3)
        axis.grid(axis="x", alpha=0.3)
    axes[0].set_yticks(range(len(loans)), [f"[{notes[loan.id]}] {label(loan)}" for loan in loans],
                       fontsize=8)  # fmt: skip
    axes[0].set_ylim(len(loans) - 0.5, -0.5)
    figure.suptitle("Central Asian debt to China, figure by figure, as the sources give them")
    figure.text(0.01, 0.01, "Red: the sources disagree (see conflicts). Hatched: an estimate or "
                "a bound (about, over, under). Numbers in brackets: the notes printed by "
                "examples/debt.py, each with its article and quote.", fontsize=8)  # fmt: skip
    figure.tight_layout(rect=(0, 0.04, 1, 0.95))
    figure.savefig(path, dpi=120)
    plt.close(figure)


def main() -> None:
    """Print the table and notes, and draw the chart."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].strip())
    parser.add_argument(
        "--out", type=pathlib.Path, default=pathlib.Path(__file__).parent / "output"
    )
    out: pathlib.Path = parser.parse_args().out
    loans = debt_figures()
    notes = {loan.id: number for number, loan in enumerate(loans, start=1)}
    contested = disputed(loans)
    print("What each Central Asian country owes China, figure by figure:\n")
    print_table(loans, notes, contested)
    print("\nSources:")
    print_notes(loans, notes)
    for conflict in {c.id: c for loan in loans for c in ca.about(loan).conflicts}.values():
        print(f"\nDisputed ({conflict.topic}): {conflict.description}")
    if importlib.util.find_spec("matplotlib") is None:
        print("\nNo chart drawn: install matplotlib with pip install matplotlib.")
        return
    out.mkdir(parents=True, exist_ok=True)
    draw(loans, notes, contested, out / "debt.png")
    print(f"\nChart written to {out / 'debt.png'}")


if __name__ == "__main__":
    main()
