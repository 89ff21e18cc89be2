"""Integrity of the bundled dataset, checked against the seeds and reference data."""

from __future__ import annotations

import datetime as dt
import pathlib
import re
import typing
from decimal import Decimal
from typing import Any

import attrs
import pycountry
import pytest

import centralasia as ca
from centralasia._bundled import location as _bundled_location
from centralasia._keys import record_keys as lookup_keys
from centralasia._schema import KINDS

REPO = pathlib.Path(__file__).parent.parent
SEED_NAMES = sorted(path.name for path in (REPO / "seeds").iterdir())
#: The kinds whose records make claims: they cite sources and may infer fields.
CLAIMS = tuple(kind for kind in KINDS if "inferred" in attrs.fields_dict(kind.cls))


def _claims(dataset: ca.Dataset) -> list[Any]:
    return [record for kind in CLAIMS for record in getattr(dataset, kind.collection)]


class TestArticles:
    def test_nine_articles(self, dataset: ca.Dataset) -> None:
        """The five seeds hold nine articles; the compilation seed holds five."""
        seeds = [article.seed for article in dataset.articles]

        assert 9 == len(dataset.articles)
        assert 5 == seeds.count("003_97158e6490a113a8.txt")
        assert set(SEED_NAMES) == set(seeds)

    def test_bundled_seeds_are_the_repository_seeds(self, dataset: ca.Dataset) -> None:
        """The package carries the seed files byte for byte (editable: the checkout's)."""
        _, bundled = _bundled_location()

        for name in SEED_NAMES:
            assert (REPO / "seeds" / name).read_bytes() == (bundled / name).read_bytes()
            assert (REPO / "seeds" / name).read_bytes() == dataset.seeds[name].encode()

    def test_text_traces_to_seed(self, dataset: ca.Dataset) -> None:
        """Every line of an article's text is a whole line of its seed, in order."""
        for article in dataset.articles:
            seed_text = (REPO / "seeds" / article.seed).read_text(encoding="utf-8")
            lines = seed_text.split("\n")
            expected = [
                lines[number - 1]
                for span in article.spans
                for number in range(span.first_line, span.last_line + 1)
            ]

            assert expected == article.text.removesuffix("\n").split("\n")

    def test_spans_do_not_overlap(self, dataset: ca.Dataset) -> None:
        """No line of a seed belongs to two articles' bodies or bios."""
        used: dict[tuple[str, int], str] = {}
        for article in dataset.articles:
            for span in article.spans + article.bio_spans:
                for number in range(span.first_line, span.last_line + 1):
                    assert (article.seed, number) not in used, used.get((article.seed, number))
                    used[(article.seed, number)] = article.id

    def test_boilerplate_is_not_body(self, dataset: ca.Dataset) -> None:
        """Photo credits, bios, comment forms and sign-ups stay out of the bodies."""
        for article in dataset.articles:
            for boilerplate in ("Photo by", "BIO", "Leave a Reply", "Sign up for", "written by"):
                assert boilerplate not in article.text, article.id

    def test_bios_kept_apart(self, dataset: ca.Dataset) -> None:
        """Author bios are a separate field."""
        bio = dataset.articles.get("kaleji-debt-trap").bio

        assert bio is not None
        assert bio.startswith("AUTHOR'S BIO: Vali Kaleji")


class TestCitations:
    def test_every_quote_is_verbatim(self, dataset: ca.Dataset) -> None:
        """Each quote occurs, character for character, in its article's text."""
        citations = [citation for record in _claims(dataset) for citation in record.sources]

        assert {kind.collection for kind in CLAIMS} >= {"loans", "statements"}
        assert citations
        for citation in citations:
            assert citation.quote in citation.article.text
            assert citation.article is dataset.articles.get(citation.article.id)

    def test_references_resolve_to_records(self, dataset: ca.Dataset) -> None:
        """References are the loaded records themselves, not copies."""
        for loan in dataset.loans:
            for country in (*loan.debtors, *filter(None, [loan.creditor])):
                assert country is dataset.countries.get(country.id)
            if loan.lender is not None:
                assert loan.lender is dataset.organizations.get(loan.lender.id)


class TestCountries:
    def test_codes_match_iso_3166(self, dataset: ca.Dataset) -> None:
        """Codes and names agree with pycountry's ISO 3166-1 table."""
        for country in dataset.countries:
            entry = pycountry.countries.get(alpha_2=country.alpha_2)

            assert entry is not None, country.id
            assert entry.alpha_3 == country.alpha_3
            assert country.id == country.alpha_2.lower()
            names = {country.name, country.official_name, *country.aliases}
            assert {entry.name, getattr(entry, "common_name", None),
                    getattr(entry, "official_name", None)} & names, country.id  # fmt: skip

    def test_congo_is_no_key(self, dataset: ca.Dataset) -> None:
        """ISO's short name for CG, "Congo", names either Congo: a lookup by it names both."""
        iso = pycountry.countries.get(alpha_2="CG")

        assert "Congo" == iso.name
        assert iso.official_name == dataset.countries.get("cg").official_name
        with pytest.raises(ca.NotFound, match="'Democratic Republic of the Congo', 'Republic of"):
            dataset.countries.get("Congo")

    def test_central_asia_and_china(self, dataset: ca.Dataset) -> None:
        """The five Central Asian states and China are there."""
        codes = {country.alpha_2 for country in dataset.countries}

        assert {"CN", "KZ", "KG", "TJ", "TM", "UZ"} <= codes

    def test_keys_are_unambiguous(self, dataset: ca.Dataset) -> None:
        """No code, name or alias names two records."""
        for collection in (dataset.countries, dataset.organizations, dataset.corridors):
            seen: dict[str, str] = {}
            for record in collection:
                for key in lookup_keys(record):
                    owner = seen.setdefault(ca.normalize(key), record.id)
                    assert record.id == owner, key


NUMBER = re.compile(
    r"(?P<sign>-)?(?P<number>\d[\d,]*(?:\.\d+)?)(?P<unit>%| percent| million| billion)?"
)
SCALES = {None: 1, "%": Decimal("0.01"), " percent": Decimal("0.01"),
          " million": 10**6, " billion": 10**9}  # fmt: skip
WORDS = {"one": 1, "two": 2, "three": 3, "five": 5, "seven": 7, "third": 3, "fifth": 5}
WORD = re.compile(rf"\b(?P<word>{'|'.join(WORDS)})(?P<unit> million)?\b")
FRACTIONS = {"half": Decimal("0.5"), "one quarter": Decimal("0.25")}
YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def quoted_figures(quote: str) -> set[Decimal]:
    """Every figure a quote states: "US$ 3.3 billion", "27.8 percent", "-53%", "two", "half"."""
    figures = {
        Decimal(match["number"].replace(",", "")) * SCALES[match["unit"]]
        * (-1 if match["sign"] else 1)
        for match in NUMBER.finditer(quote)
    }  # fmt: skip
    figures |= {
        Decimal(WORDS[match["word"]]) * SCALES[match["unit"]]
        for match in WORD.finditer(quote.lower())
    }
    return figures | {value for word, value in FRACTIONS.items() if word in quote.lower()}


def _quoted(record: object) -> str:
    return " ".join(citation.quote for citation in record.sources)  # type: ignore[attr-defined]


def _date_fields(cls: type[Any]) -> tuple[str, ...]:
    hints = typing.get_type_hints(cls)
    return tuple(
        name for name in attrs.fields_dict(cls) if hints[name] in {ca.Date, ca.Date | None}
    )


#: Each claim kind's date fields, read from its annotations.
DATE_FIELDS = {kind.cls: _date_fields(kind.cls) for kind in CLAIMS}


def _quoted_years(record: object) -> set[int]:
    return {int(year) for year in YEAR.findall(_quoted(record))}


class TestFigures:
    """Every amount, share, count and date is re-read from the record's own quotes."""

    @pytest.mark.parametrize("loan_id", [loan.id for loan in ca.load().loans])
    def test_loans(self, dataset: ca.Dataset, loan_id: str) -> None:
        loan = dataset.loans.get(loan_id)
        figures = quoted_figures(_quoted(loan))

        for money in (loan.amount, loan.per_capita):
            if money is not None:
                assert money.value.amount in figures
                assert "USD" == money.value.currency
        for share in (loan.share_of_gdp, loan.share_of_external_debt, loan.share_of_total_debt):
            if share is not None:
                assert share.value in figures

    @pytest.mark.parametrize("finance_id", [item.id for item in ca.load().finance])
    def test_finance(self, dataset: ca.Dataset, finance_id: str) -> None:
        finance = dataset.finance.get(finance_id)

        if finance.amount is not None:
            assert finance.amount.value.amount in quoted_figures(_quoted(finance))

    @pytest.mark.parametrize("measurement_id", [item.id for item in ca.load().measurements])
    def test_measurements(self, dataset: ca.Dataset, measurement_id: str) -> None:
        measurement = dataset.measurements.get(measurement_id)

        assert measurement.value.value in quoted_figures(_quoted(measurement))

    @pytest.mark.parametrize(("stem", "record_id", "field"), [
        (kind.collection, record.id, name)
        for kind in CLAIMS
        for record in getattr(ca.load(), kind.collection)
        for name in DATE_FIELDS[kind.cls]
        if getattr(record, name) is not None
    ])  # fmt: skip
    def test_dates(self, dataset: ca.Dataset, stem: str, record_id: str, field: str) -> None:
        """A date's years are in its quotes, or the record lists the date as inferred."""
        # An open start or end ("../2021-06-12") names no year.  An inference on a date
        # whose years the quotes do state is about how the quoted date is read (the day
        # is the statement's, not the repayment's; an interval spans two quoted years;
        # an undated mention is the dated summit), never about the year: so its basis or
        # passage names the quoted year it reads.
        record = getattr(dataset, stem).get(record_id)
        date = getattr(record, field)
        years = {point.year for point in (date.start, date.end)
                 if point not in {dt.date.min, dt.date.max}}  # fmt: skip
        inference = {item.field: item for item in record.inferred}.get(field)

        if not years <= _quoted_years(record):
            assert inference is not None, f"year {years} neither quoted nor listed as inferred"
        elif inference is not None:
            reading = f"{inference.basis} {inference.source.quote if inference.source else ''}"
            assert years & {int(year) for year in YEAR.findall(reading)}, inference.basis


class TestLoans:
    @pytest.mark.parametrize("loan_id", [loan.id for loan in ca.load().loans])
    def test_shares_name_their_base(self, dataset: ca.Dataset, loan_id: str) -> None:
        """A share is filed under the base its quote names, or its inference says why."""
        loan = dataset.loans.get(loan_id)
        quoted = _quoted(loan)
        inferred = {inference.field: inference.basis for inference in loan.inferred}
        bases = {
            "share_of_gdp": ("GDP",),
            "share_of_external_debt": ("external debt", "foreign debt"),
            "share_of_total_debt": ("total debt",),
        }

        for name, words in bases.items():
            if getattr(loan, name) is not None and not any(word in quoted for word in words):
                # Only an inference that names the base it takes the share to be of will do.
                assert any(word in inferred.get(name, "") for word in words), name

    def test_qualifiers_follow_wording(self, dataset: ca.Dataset) -> None:
        """Bounds and estimates are marked as the source words them."""
        uzbek = dataset.loans.get("uz-cn-2023-end")
        kyrgyz = dataset.loans.get("kg-cn-outstanding")

        assert ca.Qualifier.EXACT == uzbek.amount.qualifier
        assert ca.Qualifier.UPPER_BOUND == uzbek.share_of_external_debt.qualifier
        assert ca.Qualifier.APPROXIMATE == kyrgyz.amount.qualifier
        assert (
            ca.Qualifier.LOWER_BOUND
            == dataset.loans.get("kg-cn-bilateral-concessional").amount.qualifier
        )

    def test_dates_keep_precision(self, dataset: ca.Dataset) -> None:
        """'By the end of 2023' and 'as of January 1, 2024' stay different dates."""
        end_of_2023 = dataset.loans.get("uz-cn-2023-end").as_of
        new_year = dataset.loans.get("kz-cn-2024-01-01").as_of

        assert end_of_2023 is not None
        assert new_year is not None
        assert ca.Precision.MONTH == end_of_2023.precision
        assert ca.Precision.DAY == new_year.precision
        assert end_of_2023.before(new_year)


class TestConflicts:
    def test_disagreements_are_records(self, dataset: ca.Dataset) -> None:
        """Known disagreements are Conflict records naming every side."""
        founding = dataset.conflicts.get("sco-founding-year")
        years = sorted(event.date.edtf for event in founding.of(ca.Event))
        # Kaleji's own Tajik figures, and Legieć's share against them, are two conflicts.
        tajik = {loan.id for conflict_id in ("tj-debt-to-china", "tj-cn-share-of-foreign-debt")
                 for loan in dataset.conflicts.get(conflict_id).of(ca.Loan)}  # fmt: skip

        assert ["2001", "2002"] == years
        assert {loan.id for loan in dataset.loans.where(debtor="tj")} == tajik
        assert {"tj-debt-to-foreign-investors", "tj-cn-half-of-foreign-debt",
                "tj-cn-2024-early"} == {loan.id for loan in dataset.conflicts.get(
                    "tj-debt-to-china").of(ca.Loan)}  # fmt: skip

    def test_every_version_is_linked(self, dataset: ca.Dataset) -> None:
        """Kyrgyz debt figures and SCO membership lists are disputes, each side its own record."""
        kyrgyz = dataset.conflicts.get("kg-debt-to-china")
        shares = dataset.conflicts.get("kg-cn-share-of-foreign-debt")
        members = dataset.conflicts.get("sco-membership")

        assert ["kg", "cn"] == [country.id for country in kyrgyz.countries]
        # Kaleji's own figures, and Legieć's share against them, are two conflicts.
        assert {loan.id for loan in dataset.loans.where(debtor="kg")} == {
            loan.id for conflict in (kyrgyz, shares) for loan in conflict.of(ca.Loan)}  # fmt: skip
        memberships = members.of(ca.Membership)
        assert {"cn", "ru", "kz", "kg", "tj", "uz", "in", "pk", "ir", "by"} == {
            m.country.id for m in memberships}  # fmt: skip
        assert {"usman-connectivity", "abazov-sco-education", "blank-sco-challenge",
                "walayat-alliance"} <= {citation.article.id for m in memberships
                                        for citation in m.sources}  # fmt: skip

    def test_disputed_fields_stay_open(self, dataset: ca.Dataset) -> None:
        """A date the sources disagree on spans every side on the record, marked inferred."""
        sco = dataset.organizations.get("SCO")
        sides = dataset.conflicts.get("sco-founding-year").of(ca.Event)

        assert sco.founded is not None
        assert "founded" in {inference.field for inference in sco.inferred}
        for event in sides:
            assert sco.founded.start <= event.date.start
            assert event.date.end <= sco.founded.end

    def test_every_side_cites_its_own_source(self, dataset: ca.Dataset) -> None:
        """Each record in a conflict keeps its own citations."""
        for conflict in dataset.conflicts:
            for record in conflict.records:
                assert record.sources
