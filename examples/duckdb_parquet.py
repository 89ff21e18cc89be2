"""
The data in DuckDB, through Parquet: debt figures joined to countries, summed by debtor.

Exports every table to Parquet files (amounts as exact decimals), asks DuckDB
for the loans joined to the countries and summed by debtor, checks the answer
against the library's own, and lists the quotes behind one debtor's figures
from the citations table.  The sum checks the join, and is no debt total: the
figures overlap (a bank's share is part of the whole).  Needs pyarrow
(``pip install 'centralasia[parquet]'``) and DuckDB (``pip install duckdb``);
without them it says so and stops.

Run it with ``python examples/duckdb_parquet.py [--out DIR]``.
"""

from __future__ import annotations

import argparse
import importlib.util
import pathlib
import sys
from decimal import Decimal

import centralasia as ca

#: Each single debtor's debt figures, in each currency: how many, the largest, their sum.
TOTALS = """
SELECT countries.name AS debtor, loans.amount_currency AS currency,
       count(*) AS figures, max(loans.amount) AS largest, sum(loans.amount) AS total
FROM 'loans.parquet' AS loans
JOIN 'countries.parquet' AS countries ON countries.id = loans.debtors[1]
WHERE len(loans.debtors) = 1 AND loans.amount IS NOT NULL
GROUP BY ALL
ORDER BY total DESC
"""
#: The quotes behind one debtor's figures, from the citations table.
QUOTES = """
SELECT loans.id, loans.amount, loans.amount_qualifier, citations.article, citations.quote
FROM 'loans.parquet' AS loans
JOIN 'citations.parquet' AS citations
  ON citations.record_kind = 'loan' AND citations.record_id = loans.id
WHERE loans.debtors = [?] AND loans.amount IS NOT NULL
ORDER BY loans.amount DESC
"""


def own_answer() -> dict[tuple[str, str], tuple[int, Decimal, Decimal]]:
    """Return the library's own answer: each single debtor's figures, largest and sum."""
    amounts: dict[tuple[str, str], list[Decimal]] = {}
    for loan in ca.loans:
        if loan.debtor is not None and loan.amount is not None:
            key = (loan.debtor.name, loan.amount.value.currency)
            amounts.setdefault(key, []).append(loan.amount.value.amount)
    return {key: (len(found), max(found), sum(found, Decimal(0))) for key, found in amounts.items()}


def main() -> int:
    """Export to Parquet, query it with DuckDB, and compare with the library's answer."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=pathlib.Path,
                        default=pathlib.Path(__file__).parent / "output")  # fmt: skip
    out: pathlib.Path = parser.parse_args().out / "parquet"
    missing = [name for name in ("pyarrow", "duckdb") if importlib.util.find_spec(name) is None]
    if missing:
        print(f"Skipped: this example needs {' and '.join(missing)}: "
              "pip install 'centralasia[parquet]' duckdb")  # fmt: skip
        return 0
    import duckdb  # noqa: PLC0415 - optional, checked above

    written = ca.export(out, "parquet", overwrite=True)
    print(f"Wrote {len(written)} Parquet files to {out}\n")
    database = duckdb.connect()
    database.execute(f"SET file_search_path = '{out}'")
    rows = database.sql(TOTALS).fetchall()
    print(f"{'debtor':<12} {'currency':<8} figures {'largest':>15} {'sum':>15}")
    for debtor, currency, figures, largest, total in rows:
        print(f"{debtor:<12} {currency:<8} {figures:>7} {largest:>15,.0f} {total:>15,.0f}")
    answer = {(debtor, currency): (figures, largest, total)
              for debtor, currency, figures, largest, total in rows}  # fmt: skip
    same = answer == own_answer()
    print(f"\nDuckDB's answer equals the library's own, exactly: {same}")
    print("(The sum checks the join: the figures overlap, so it is no debt total.)")
    print("\nKyrgyzstan's figures, each with its quote:")
    for loan, amount, qualifier, article, quote in database.execute(QUOTES, ["kg"]).fetchall():
        print(f"- {loan}: {amount:,.0f} ({qualifier}), {article}: “{quote}”")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
