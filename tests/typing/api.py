"""Calls a user would write; mypy --strict must accept them as typed."""

from __future__ import annotations

import pathlib
from decimal import Decimal

import centralasia as ca

dataset: ca.Dataset = ca.load()
kyrgyzstan: ca.Country = dataset.countries.get("KG")
maybe: ca.Country | None = dataset.countries.get("Atlantis", None)
loans: list[ca.Loan] = [loan for loan in dataset.loans if loan.debtor is kyrgyzstan]
shares: list[Decimal] = [loan.share_of_gdp.value for loan in loans if loan.share_of_gdp is not None]
amounts: list[ca.Money] = [loan.amount.value for loan in loans if loan.amount is not None]
record: ca.Record = dataset.record("sco")
profile: ca.Profile = dataset.about(record)
members: list[ca.Membership] = list(profile.memberships)
sides: tuple[ca.Loan, ...] = dataset.conflicts.get("tj-debt-to-china").of(ca.Loan)
words: str = ca.Date("2023-40").words
page: str = ca.address(kyrgyzstan)
anchor: str = ca.address(loans[0], base="")
quotes: list[str] = [citation.quote for loan in loans for citation in loan.sources]
titles: list[str | None] = [citation.article.title for loan in loans for citation in loan.sources]
money = ca.Money(Decimal(3775000000), "USD")
half = ca.Date("2023-40")
earlier: bool = half.before(ca.Date("2024-01-01"))
try:
    dataset.countries.get("Kirgizstan")
except ca.NotFound as error:
    suggestions: tuple[str, ...] = error.suggestions
try:
    ca.load("my-data")
except ca.DataError as error:
    problems: tuple[ca.Problem, ...] = error.problems
    causes: tuple[ca.Problem, ...] = error.causes
    consequences: tuple[ca.Problem, ...] = error.consequences
    follows: bool = problems[0].consequence
found: tuple[ca.Match[ca.Record], ...] = ca.search("military base")
field: str = found[0].field
by_year: ca.Collection[ca.Event] = ca.timeline(2020, 2024, country="kz")
founders: ca.Collection[ca.Membership] = ca.members("sco", on=1996)
written: tuple[pathlib.Path, ...] = dataset.export("exported", "datapackage", overwrite=True)
database: tuple[pathlib.Path, ...] = ca.export("centralasia.db", "sqlite")
reference: str = ca.cite(dataset.loans.get("kg-exim-2023"), "bibtex")
references: str = ca.cite(dataset.articles, "csl-json")
