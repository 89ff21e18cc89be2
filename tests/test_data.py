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
from centralasia._schema import KINDS, kind_of

REPO = pathlib.Path(__file__).parent.parent
SEED_NAMES = sorted(path.name for path in (REPO / "seeds").iterdir())
#: The kinds whose records make claims: they cite sources and may infer fields.
CLAIMS = tuple(kind for kind in KINDS if "inferred" in attrs.fields_dict(kind.cls))


def _claims(dataset: ca.Dataset) -> list[Any]:
    return [record for kind in CLAIMS for record in getattr(dataset, kind.collection)]


def _citations(record: ca.Record) -> tuple[ca.Citation, ...]:
    """The citations of *record*, a claim: articles, countries and conflicts cite nothing."""
    assert not isinstance(record, ca.Article | ca.Country | ca.Conflict), record.id
    return record.sources


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

    def test_inference_sources_are_verbatim(self, dataset: ca.Dataset) -> None:
        """Where an inference names the passage it comes from, the passage is a verbatim quote."""
        sources = [
            inference.source
            for record in _claims(dataset)
            for inference in record.inferred
            if inference.source is not None
        ]

        assert sources
        for citation in sources:
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
        assert iso is not None

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
SCALES: dict[str | None, int | Decimal] = {None: 1, "%": Decimal("0.01"),
                                           " percent": Decimal("0.01"), " million": 10**6,
                                           " billion": 10**9}  # fmt: skip
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


def _quoted(record: ca.Record) -> str:
    return " ".join(citation.quote for citation in _citations(record))


def _date_fields(cls: type[Any]) -> tuple[str, ...]:
    hints = typing.get_type_hints(cls)
    return tuple(
        name for name in attrs.fields_dict(cls) if hints[name] in {ca.Date, ca.Date | None}
    )


#: Each claim kind's date fields, read from its annotations.
DATE_FIELDS = {kind.cls: _date_fields(kind.cls) for kind in CLAIMS}


def _quoted_years(record: ca.Record) -> set[int]:
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
        concessional = dataset.loans.get("kg-cn-bilateral-concessional")
        assert uzbek.amount is not None
        assert uzbek.share_of_external_debt is not None
        assert kyrgyz.amount is not None
        assert concessional.amount is not None

        assert ca.Qualifier.EXACT == uzbek.amount.qualifier
        assert ca.Qualifier.JUST_BELOW == uzbek.share_of_external_debt.qualifier
        assert ca.Qualifier.APPROXIMATE == kyrgyz.amount.qualifier
        assert ca.Qualifier.MORE_THAN == concessional.amount.qualifier

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
                assert _citations(record)

    def test_kind_matches_articles(self, dataset: ca.Dataset) -> None:
        """A within_source conflict cites one article, a between_sources one at least two."""
        for conflict in dataset.conflicts:
            articles = {c.article.id for record in conflict.records for c in _citations(record)}

            if conflict.kind is ca.ConflictKind.WITHIN_SOURCE:
                assert 1 == len(articles), conflict.id
            elif conflict.kind is ca.ConflictKind.BETWEEN_SOURCES:
                assert len(articles) >= 2, conflict.id

    @pytest.mark.parametrize(("conflict_id", "kind"), [
        ("tj-debt-to-china", "within_source"),
        ("kg-debt-to-china", "within_source"),
        ("tj-cn-share-of-foreign-debt", "between_sources"),
        ("kg-cn-share-of-foreign-debt", "between_sources"),
        ("ca-debt-to-china-regional-sum", "within_source"),
        ("wakhan-road-status", "within_source"),
        ("cn-military-presence-wakhan", "difference_in_kind"),
        ("ca-main-economic-partner-legiec", "within_source"),
        ("ca-main-economic-partner", "between_sources"),
        ("cn-ca-border-settlement-timing", "between_sources"),
        ("sco-founding-year", "between_sources"),
        ("sco-membership", "between_sources"),
    ])  # fmt: skip
    def test_disagreements_of_the_second_reading(
        self, dataset: ca.Dataset, conflict_id: str, kind: str
    ) -> None:
        """Each disagreement the second reading found (issue 15) is recorded with its kind."""
        assert ca.ConflictKind(kind) is dataset.conflicts.get(conflict_id).kind

    def test_main_partner_sides(self, dataset: ca.Dataset) -> None:
        """Legieć's two main-partner sentences, and Kaleji's 'supplanted', are sides."""
        within = dataset.conflicts.get("ca-main-economic-partner-legiec").of(ca.Statement)
        between = dataset.conflicts.get("ca-main-economic-partner").of(ca.Statement)

        assert {"cn-ca-most-important-economic-partner", "ru-ca-dominant-including-economic"} == {
            statement.id for statement in within}  # fmt: skip
        assert "cn-supplanted-ru-ca-primary-partner" in {statement.id for statement in between}

    @pytest.mark.parametrize(("conflict_id", "loan_id", "base"), [
        ("kg-debt-to-china", "kg-exim-2023", "foreign debt"),
        ("tj-debt-to-china", "tj-cn-2024-early", "external debt"),
    ])  # fmt: skip
    def test_arithmetic_is_written_out(
        self, dataset: ca.Dataset, conflict_id: str, loan_id: str, base: str
    ) -> None:
        """The total that a figure and its share imply, as users will work it out, is described."""
        loan = dataset.loans.get(loan_id)
        assert loan.amount is not None
        assert loan.share_of_external_debt is not None
        implied = loan.amount.value.amount / loan.share_of_external_debt.value / 10**9

        assert f"{base} of about US$ {implied:.2f} billion" in dataset.conflicts.get(
            conflict_id).description  # fmt: skip


class TestInferences:
    def test_prose_does_not_mark_inferences(self, dataset: ca.Dataset) -> None:
        """No summary or description says a field is inferred: the record's `inferred` says it."""
        for record in _claims(dataset):
            for name in ("summary", "description"):
                assert "inferred" not in getattr(record, name, "").lower(), record.id

    def test_group_names_are_read_as_members(self, dataset: ca.Dataset) -> None:
        """A record that gives "Central Asia" as the five states says it read them in."""
        five = {"kz", "kg", "tj", "tm", "uz"}
        for record in _claims(dataset):
            quoted = _quoted(record)
            inferred = {inference.field for inference in record.inferred}
            for name in ("countries", "debtors", "to_countries"):
                ids = {country.id for country in getattr(record, name, ())}
                if five <= ids and not all(
                    word in quoted for word in ("Kazakh", "Kyrgyz", "Tajik", "Turkmen", "Uzbek")
                ):
                    assert name in inferred, (record.id, name)


class TestSecondReading:
    """The items of issue 15, "The dataset, second reading", each as the data now holds it."""

    def test_exim_lending(self, dataset: ca.Dataset) -> None:
        """What the Exim Bank lends includes Kazakhstan's debt owed primarily to it."""
        lent = {
            loan.id: loan.lender_extent for loan in dataset.loans.where(lender="china-exim-bank")
        }

        assert ca.LenderExtent.PRIMARILY == lent["kz-cn-2024-01-01"]
        assert ca.LenderExtent.WHOLE == lent["kg-exim-2023"]

    def test_bilateral_concessional_loans(self, dataset: ca.Dataset) -> None:
        """Kyrgyz bilateral concessional loans name no creditor; "exceed" bounds both figures."""
        loan = dataset.loans.get("kg-cn-bilateral-concessional")

        assert None is loan.creditor
        assert loan.creditor_text
        assert {"amount": ca.Qualifier.MORE_THAN, "share_of_total_debt": ca.Qualifier.MORE_THAN
                } == {name: figure.qualifier for name, figure in loan.figures.items()}  # fmt: skip

    def test_turkmen_repayment_date(self, dataset: ca.Dataset) -> None:
        """The Turkmen repayment is dated by, not on, the day of the president's statement."""
        repaid = dataset.finance.get("tm-cn-loans-repaid")
        statement = dataset.events.get("berdymukhamedov-loans-repaid-2021-06-12").date

        assert repaid.period is not None
        assert statement != repaid.period
        assert statement.end == repaid.period.end
        assert "period" in {inference.field for inference in repaid.inferred}

    def test_wakhan_security_units_have_no_owner(self, dataset: ca.Dataset) -> None:
        """The Wakhan security units name no owner: no organization, no nationality."""
        units = dataset.measurements.get("cn-wakhan-security-units")

        assert () == units.organizations
        assert "chinese" not in units.quantity

    def test_tajik_debt_to_foreign_investors(self, dataset: ca.Dataset) -> None:
        """The US$ 3.3 billion owed to foreign investors is a loan in USD, an estimate."""
        loan = dataset.loans.get("tj-debt-to-foreign-investors")

        assert loan.amount is not None
        assert ca.Money(Decimal(3300000000), "USD") == loan.amount.value
        assert ca.Qualifier.ESTIMATED == loan.amount.qualifier
        assert (None, "foreign investors") == (loan.creditor, loan.creditor_text)

    def test_tajik_27_percent(self, dataset: ca.Dataset) -> None:
        """The Tajik "27 percent of its total GDP" is on the whole estimate, and exact."""
        whole = dataset.loans.get("tj-debt-to-foreign-investors")
        half = dataset.loans.get("tj-cn-half-of-foreign-debt")

        assert whole.share_of_gdp is not None
        assert Decimal("0.27") == whole.share_of_gdp.value
        assert ca.Qualifier.EXACT == whole.share_of_gdp.qualifier
        assert "share_of_gdp" in {inference.field for inference in whole.inferred}
        assert None is half.share_of_gdp

    def test_wakhan_road_section_is_the_authors(self, dataset: ca.Dataset) -> None:
        """The 49 km section is the authors' statement, not the governor's report."""
        section = dataset.measurements.get("wakhan-road-section-length")

        assert not any("governor" in citation.quote for citation in section.sources)
        assert "reported by" not in section.description
        assert ("wakhan-road",) == tuple(corridor.id for corridor in section.corridors)

    def test_gold_mines_status_is_quoted(self, dataset: ca.Dataset) -> None:
        """The gold mines' status, reinvigorated after the 2021 withdrawal, is in their quotes."""
        mines = dataset.sites.get("takhar-badakhshan-gold-mines")
        quoted = _quoted(mines)

        assert mines.status is not None
        assert "reinvigorat" in mines.status
        assert "reinvigorate" in quoted
        assert set(YEAR.findall(mines.status)) <= set(YEAR.findall(quoted))
        assert {"2021"} == set(YEAR.findall(mines.status))

    def test_aid_pledge_quote_carries_summit(self, dataset: ca.Dataset) -> None:
        """The US$ 500 million pledge quotes the January 2022 summit it was made at."""
        pledge = dataset.finance.get("cn-ca-aid-pledge-2022-01")

        assert any(
            "During a virtual summit in January 2022" in citation.quote
            and "US$ 500 million" in citation.quote
            for citation in pledge.sources
        )
        assert "period" in {inference.field for inference in pledge.inferred}

    def test_sco_founders(self, dataset: ca.Dataset) -> None:
        """The SCO's founding members are the Shanghai Five's, joining when it came into being."""
        sco = dataset.organizations.get("sco")
        founders = [m for m in dataset.memberships.where(organization="sco")
                    if m.role is ca.Role.FOUNDING_MEMBER]  # fmt: skip

        assert {"cn", "ru", "kz", "kg", "tj"} == {m.country.id for m in founders}
        assert "shanghai-five" == getattr(sco.predecessor, "id", None)
        for membership in founders:
            assert sco.founded == membership.joined
            assert {"role", "joined"} <= {inference.field for inference in membership.inferred}

    def test_shanghai_five_ends_as_sco_begins(self, dataset: ca.Dataset) -> None:
        """The Shanghai Five's members left it when it became the SCO, a date marked inferred."""
        sco = dataset.organizations.get("sco")
        five = dataset.memberships.where(organization="shanghai-five")

        assert {"cn", "ru", "kz", "kg", "tj"} == {m.country.id for m in five}
        for membership in five:
            assert sco.founded == membership.left
            assert "left" in {inference.field for inference in membership.inferred}

    @pytest.mark.parametrize(("year", "certain", "possible"), [
        ("1996", set(), set()),
        ("2002", set(), {"cn", "ru", "kz", "kg", "tj", "uz", "in", "pk", "ir", "by"}),
        ("2024", {"cn", "ru", "kz", "kg", "tj", "uz"}, {"in", "pk", "ir", "by"}),
    ])  # fmt: skip
    def test_sco_members_on_a_date(
        self, dataset: ca.Dataset, year: str, certain: set[str], possible: set[str]
    ) -> None:
        """Which SCO memberships certainly, or possibly, held in 1996, 2002 and 2024."""
        held = {m.country.id: m.held_on(ca.Date(year))
                for m in dataset.memberships.where(organization="sco")}  # fmt: skip

        assert certain == {country for country, answer in held.items() if answer is True}
        assert possible == {country for country, answer in held.items() if answer is None}

    def test_statements(self, dataset: ca.Dataset) -> None:
        """Claims with no figure and no date are statements, each about its countries."""
        countries = {s.id: {c.id for c in s.countries} for s in dataset.statements}

        assert {"cn", "tj"} == countries["tj-cn-primary-creditor"]
        assert {"cn", "ru"} <= countries["cn-supplanted-ru-ca-primary-partner"]
        assert {"kz"} == countries["kz-cn-debt-share-of-gdp-stable"]
        assert {"lk", "pk", "mn", "zm", "dj", "ke", "et"} <= countries[
            "debt-trap-impacted-countries"
        ]

    def test_congo_stays_ambiguous(self, dataset: ca.Dataset) -> None:
        """Kaleji's "Congo" is an ambiguity between the two Congos, resolved to neither."""
        impacted = dataset.statements.get("debt-trap-impacted-countries")
        (congo,) = impacted.ambiguities

        assert "Congo" == congo.text
        assert congo.text in _quoted(impacted)
        assert {"cg", "cd"} == {country.id for country in congo.candidates}
        assert not {"cg", "cd"} & {country.id for country in impacted.countries}


class TestThirdReading:
    """Issue 24: no record says more than its source, and the disagreements found are recorded."""

    def test_bri_keys_are_its_own(self, dataset: ca.Dataset) -> None:
        """The BRI is found only by names its quotes give it; the NSREB is a record of its own."""
        bri = dataset.organizations.get("bri")
        quotes = " ".join(citation.quote for citation in bri.sources)

        for alias in bri.aliases:
            assert alias in quotes
        for name in ("New Silk Road Economic Belt", "NSREB", "New Silk Road Initiative"):
            assert name not in bri.aliases
        assert "Economic Belt of the Silk Road" in bri.aliases
        assert "nsreb" == dataset.organizations.get("NSREB").id
        assert None is dataset.organizations.get("New Silk Road Initiative", None)

    @pytest.mark.parametrize(
        ("kind", "record_id", "fields"),
        [("organizations", "kz-central-bank", {"name", "country"}),
         ("corridors", "tm-china-loan-pipeline", {"countries"}),
         ("corridors", "wakhan-road", {"status"}),
         ("memberships", "uz-sco", {"role"})],
    )  # fmt: skip
    def test_unstated_fields_are_marked(
        self, dataset: ca.Dataset, kind: str, record_id: str, fields: set[str]
    ) -> None:
        """A field the quotes do not state is marked inferred, with its basis."""
        record = dataset.collections[kind].get(record_id)

        assert fields <= {inference.field for inference in record.inferred}

    def test_the_estimate_is_the_amounts(self, dataset: ca.Dataset) -> None:
        """'an estimated US$ 3.3 billion ... 27 percent': only the amount is estimated."""
        loan = dataset.loans.get("tj-debt-to-foreign-investors")

        assert loan.amount is not None
        assert loan.share_of_gdp is not None
        assert ca.Qualifier.ESTIMATED is loan.amount.qualifier
        assert ca.Qualifier.EXACT is loan.share_of_gdp.qualifier

    def test_reconciled_is_no_conflict(self, dataset: ca.Dataset) -> None:
        """Ali reconciles the 'first public expression' with the earlier meetings: no conflict."""
        assert None is dataset.conflicts.get("cn-public-security-concerns-pakistan", None)

    def test_exim_share_is_a_floor(self, dataset: ca.Dataset) -> None:
        """The Exim Bank's 36.7% is a floor on China's share, which fits 'about 50%'."""
        conflict = dataset.conflicts.get("kg-cn-share-of-foreign-debt")
        exim = dataset.loans.get("kg-exim-2023")

        assert exim.lender is not None
        assert "china-exim-bank" == exim.lender.id
        assert "floor" in conflict.description
        assert "86 percent" in conflict.description

    def test_conflicts_list_the_records_they_name(self, dataset: ca.Dataset) -> None:
        """Every record a conflict's description names, as '(kind id)', is one of its sides."""
        kinds = "|".join(kind.name for kind in KINDS if kind.cls is not ca.Conflict)
        named = re.compile(rf"\((?:{kinds}) ([a-z0-9-]+)")
        for conflict in dataset.conflicts:
            sides = {record.id for record in conflict.records}
            for record_id in named.findall(conflict.description):
                assert record_id in sides, (conflict.id, record_id)

    def test_bases_carry_their_functions(self, dataset: ca.Dataset) -> None:
        """The bases' measurement quotes the reconnaissance sentence its conflict relies on."""
        bases = dataset.measurements.get("cn-military-bases-central-asia")
        conflict = dataset.conflicts.get("cn-military-presence-wakhan")

        assert "reconnaissance" in conflict.description
        assert any("reconnaissance" in citation.quote for citation in bases.sources)

    def test_legiec_region_reading_is_ambiguous(self, dataset: ca.Dataset) -> None:
        """Legieć's region includes Afghanistan: reading it as the five states is ambiguous."""
        legiec = dataset.articles.get("legiec-perspectives")
        readings = [
            inference
            for collection in (dataset.events, dataset.measurements, dataset.statements)
            for record in collection
            if legiec in [citation.article for citation in record.sources]
            for inference in record.inferred
            if "five Central Asian states" in inference.basis
        ]

        assert readings
        assert all("ambiguous" in inference.basis for inference in readings)

    @pytest.mark.parametrize(
        ("conflict_id", "kind", "side"),
        [("uz-sco-role", ca.ConflictKind.BETWEEN_SOURCES, "statement:uz-sco-founder-reading"),
         ("ru-dominance-security-culture", ca.ConflictKind.BETWEEN_SOURCES,
          "statement:ru-ca-hegemony-declining"),
         ("cn-ca-heads-of-state-summit-2022", ca.ConflictKind.DIFFERENCE_IN_KIND,
          "event:cn-ca-virtual-summit-2022-01"),
         ("ca-main-economic-partner", ca.ConflictKind.BETWEEN_SOURCES,
          "statement:cn-ca-dominant-economic-force")],
    )  # fmt: skip
    def test_new_disagreements(
        self, dataset: ca.Dataset, conflict_id: str, kind: ca.ConflictKind, side: str
    ) -> None:
        """The disagreements of the third reading are recorded, each with its kind and sides."""
        conflict = dataset.conflicts.get(conflict_id)

        assert kind is conflict.kind
        assert side in [f"{kind_of(type(r)).name}:{r.id}" for r in conflict.records]


#: The source words each qualifier stands for, read off CURATION.md: "at least" is not "over",
#: "as much as" is not "under", "just under" is neither. Longer phrases first: "just under" is
#: read before "under".
QUALIFIER_WORDS: dict[ca.Qualifier, tuple[str, ...]] = {
    ca.Qualifier.APPROXIMATE: ("about", "around", "roughly", "approximately"),
    ca.Qualifier.ESTIMATED: ("an estimated", "estimated"),
    ca.Qualifier.AT_LEAST: ("at least", "no fewer than"),
    ca.Qualifier.MORE_THAN: ("more than", "over", "exceeds", "exceed"),
    ca.Qualifier.AT_MOST: ("as much as", "up to"),
    ca.Qualifier.JUST_BELOW: ("just under", "almost", "nearly"),
    ca.Qualifier.LESS_THAN: ("less than", "under", "below"),
}
#: A qualifying word directly before a number ("over 21", "almost one quarter", "exceed US$ 2").
_QUALIFIED_NUMBER = re.compile(
    r"\b(?P<word>"
    + "|".join(sorted((w for ws in QUALIFIER_WORDS.values() for w in ws), key=len, reverse=True))
    + r")\s+(?:US\$\s*)?(?:[0-9]|one\b|two\b|three\b|half\b)",
    re.IGNORECASE,
)
#: Records whose quotes hold a qualified number that is not one of their figures, and why.
_OTHER_NUMBERS = {
    "tj-cn-half-of-foreign-debt": '"an estimated US$ 3.3 billion" is the whole debt, not the half',
    "cn-share-of-ca-imports": '"about" governs the 22% and the 21%, not the 38%',
}


def _figures(record: Any) -> list[ca.Figure[Any]]:
    return [
        value
        for value in (getattr(record, a.name) for a in attrs.fields(type(record)))
        if isinstance(value, ca.Figure)
    ]


class TestQualifiers:
    """Each figure's qualifier is the one its source's words give (issue 23)."""

    def test_every_qualifier_has_its_words(self) -> None:
        assert set(ca.Qualifier) - {ca.Qualifier.EXACT} == set(QUALIFIER_WORDS)

    def test_a_qualified_figure_is_worded_so_in_its_quotes(self, dataset: ca.Dataset) -> None:
        """A figure that is not exact has one of its qualifier's words before a number."""
        checked = 0
        for record in _claims(dataset):
            words = {
                match["word"].lower()
                for citation in record.sources
                for match in _QUALIFIED_NUMBER.finditer(citation.quote)
            }
            for figure in _figures(record):
                if figure.qualifier is not ca.Qualifier.EXACT:
                    checked += 1
                    assert words & set(QUALIFIER_WORDS[figure.qualifier]), (record.id, figure)
        assert checked >= 20

    def test_no_qualified_number_is_read_as_exact(self, dataset: ca.Dataset) -> None:
        """Quotes with a qualified number have a figure so qualified, or say why not."""
        for record in _claims(dataset):
            figures = _figures(record)
            matches = [m for c in record.sources for m in _QUALIFIED_NUMBER.finditer(c.quote)]
            if not figures or not matches or record.id in _OTHER_NUMBERS:
                continue
            for match in matches:
                qualifiers = {q for q, ws in QUALIFIER_WORDS.items() if match["word"].lower() in ws}
                assert qualifiers & {figure.qualifier for figure in figures}, (record.id, match[0])

    def test_the_exceptions_are_still_needed(self, dataset: ca.Dataset) -> None:
        """Every listed exception holds a qualified number and only exact figures."""
        records = {record.id: record for record in _claims(dataset)}
        for record_id in _OTHER_NUMBERS:
            record = records[record_id]
            assert any(_QUALIFIED_NUMBER.search(c.quote) for c in record.sources), record_id
            assert {ca.Qualifier.EXACT} == {f.qualifier for f in _figures(record)}, record_id

    @pytest.mark.parametrize(
        ("qualifier", "value", "words"),
        [
            (ca.Qualifier.AT_LEAST, Decimal(3), "at least 3"),
            (ca.Qualifier.MORE_THAN, Decimal(3), "over 3"),
            (ca.Qualifier.AT_MOST, Decimal("0.6"), "as much as 60%"),
            (ca.Qualifier.LESS_THAN, Decimal("0.01"), "less than 1%"),
            (ca.Qualifier.JUST_BELOW, Decimal("0.13"), "just under 13%"),
        ],
    )
    def test_bounds_read_as_the_source_says(
        self, qualifier: ca.Qualifier, value: Decimal, words: str
    ) -> None:
        percent = words.endswith("%")
        assert words == ca.Figure(value, qualifier).describe(percent=percent)

    def test_the_bundled_bounds_read_as_their_sources(self, dataset: ca.Dataset) -> None:
        """The three the fact-checker found: "at least three", "as much as 60%", "just under 13"."""
        shown = {
            "sco-countries-funding-digital-education": "at least 3",
            "xinjiang-muslim-minorities-share": "as much as 60%",
            "ca-share-of-chinese-trade": "less than 1%",
        }
        for record_id, words in shown.items():
            measurement = dataset.measurements.get(record_id)
            assert words == measurement.value.describe(percent=measurement.unit == "fraction")
        uzbek = dataset.loans.get("uz-cn-2023-end")
        assert uzbek.share_of_external_debt is not None
        assert "just under 13%" == uzbek.share_of_external_debt.describe(percent=True)
