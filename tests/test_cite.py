"""Citations, each format read back by a library its users rely on rather than by our code."""

from __future__ import annotations

import json
import pathlib
import subprocess

import attrs
import pytest
from hypothesis import example, given

import centralasia as ca
from centralasia import strategies
from centralasia._cite import name_parts

ARTICLES = list(ca.load().articles)


def read_bibtex(text: str) -> list[tuple[str, dict[str, object]]]:
    """
    Read BibTeX as a reference manager does, with bibtexparser: each entry's key and fields.

    Names are split at the top level first, as BibTeX splits them (braces keep "A and B"
    whole), then every value is LaTeX-decoded with pylatexenc, bibtexparser's own decoder.
    """
    bibtexparser = pytest.importorskip("bibtexparser")
    from bibtexparser import middlewares  # noqa: PLC0415
    from pylatexenc.latex2text import LatexNodes2Text  # noqa: PLC0415

    library = bibtexparser.parse_string(text, append_middleware=[middlewares.SeparateCoAuthors()])
    assert [] == library.failed_blocks
    decode = LatexNodes2Text().latex_to_text
    entries = []
    for entry in library.entries:
        fields: dict[str, object] = {}
        for field in entry.fields:
            value = field.value
            fields[field.key] = (
                [decode(v) for v in value] if isinstance(value, list) else decode(value)
            )
        entries.append((entry.key, fields))
    return entries


class TestBibtex:
    def test_parsed(self) -> None:
        """bibtexparser reads an entry per article, with exactly the metadata it states."""
        entries = read_bibtex(ca.cite(ca.articles, "bibtex"))

        assert [article.id for article in ARTICLES] == [key for key, _ in entries]
        for article, (_, fields) in zip(ARTICLES, entries, strict=True):
            assert list(article.authors) == fields.pop("author")
            assert article.title == fields.pop("title", None)
            assert article.publisher == fields.pop("publisher", None)
            published = article.published
            assert (published and published.edtf) == fields.pop("date", None)
            assert (published and str(published.start.year)) == fields.pop("year", None)
            fields.pop("month", None)
            assert {} == fields  # nothing else, so nothing made up

    @given(strategies.articles())
    @example(ca.Article("a", "a.txt", (ca.Span(1, 1),), "text", title="Belt--Road ''debt''",
                        authors=("O'Neil", "A and B", "\\"),
                        publisher="Smith & Sons, 100%"))  # fmt: skip
    def test_any_article(self, article: ca.Article) -> None:
        """Any article's entry parses back to its title, authors and publisher."""
        ((_, fields),) = read_bibtex(ca.cite(article, "bibtex"))

        assert " ".join((article.title or "").split()) == fields.get("title", "")
        assert [" ".join(name.split()) for name in article.authors] == fields.get("author", [])
        assert " ".join((article.publisher or "").split()) == fields.get("publisher", "")


class TestRis:
    def test_parsed(self) -> None:
        """rispy reads a record per article, with its authors, title, publisher and year."""
        rispy = pytest.importorskip("rispy")
        records = rispy.loads(ca.cite(ca.articles, "ris"))

        assert [article.id for article in ARTICLES] == [record["id"] for record in records]
        for article, record in zip(ARTICLES, records, strict=True):
            assert "GEN" == record["type_of_reference"]
            assert [", ".join(filter(None, name_parts(name)[:2])) for name in article.authors] == (
                record["authors"]
            )
            assert article.title == record.get("title")
            assert article.publisher == record.get("publisher")
            assert (article.published and str(article.published.start.year)) == record.get("year")

    @given(strategies.articles())
    def test_any_article(self, article: ca.Article) -> None:
        """Any article's record parses back to its authors, title and publisher."""
        rispy = pytest.importorskip("rispy")
        (record,) = rispy.loads(ca.cite(article, "ris"))

        def spaced(text: str | None) -> str | None:
            return " ".join(text.split()) if text else None

        def ris(name: str) -> str | None:
            family, given, suffix = name_parts(name)
            return ", ".join(filter(None, (family, given, suffix))) if family else spaced(name)

        assert [ris(name) for name in article.authors] == record.get("authors", [])
        assert (spaced(article.title), spaced(article.publisher)) == (
            record.get("title"),
            record.get("publisher"),
        )

    def test_date(self) -> None:
        """A dated article's day is written as RIS writes dates."""
        rispy = pytest.importorskip("rispy")
        (record,) = rispy.loads(ca.cite(ca.articles.get("walayat-alliance"), "ris"))

        assert "2022/06/14/" == record["date"]


class TestNames:
    @pytest.mark.parametrize(
        ("name", "parts"),
        [
            ("Vali Kaleji", ("Kaleji", "Vali", None)),
            ("Usman", ("Usman", None, None)),
            ("Aigerim  Turgunbaeva", ("Turgunbaeva", "Aigerim", None)),
            ("Maria Anna de la Cruz", ("de la Cruz", "Maria Anna", None)),
            ("Martin Luther King Jr.", ("King", "Martin Luther", "Jr.")),
            ("Central Asia-Caucasus Institute", (None, None, None)),
            ("Ministry of Finance", (None, None, None)),
        ],
    )
    def test_parts(self, name: str, parts: tuple[str | None, ...]) -> None:
        """A person's family name is the last word with its particles; an organization is whole."""
        assert parts == name_parts(name)

    def test_csl_names(self) -> None:
        """CSL-JSON names people by family and given name, and organizations literally."""
        article = attrs.evolve(ARTICLES[0], authors=("Vali Kaleji", "Asia Research Institute"))
        (item,) = json.loads(ca.cite(article, "csl-json"))

        assert [{"family": "Kaleji", "given": "Vali"}, {"literal": "Asia Research Institute"}] == (
            item["author"]
        )

    def test_ris_names(self) -> None:
        """RIS writes each person as "Last, First", and an organization whole."""
        article = attrs.evolve(ARTICLES[0], authors=("Rafis Abazov", "Usman", "Staff of X & Y"))
        lines = ca.cite(article, "ris").splitlines()

        assert ["AU  - Abazov, Rafis", "AU  - Usman", "AU  - Staff of X & Y"] == [
            line for line in lines if line.startswith("AU")
        ]


class TestPandoc:
    def test_bibliography_by_family_name(self, tmp_path: pathlib.Path) -> None:
        """pandoc's citeproc cites by family name and lists the articles in family-name order."""
        import pypandoc  # noqa: PLC0415 - the test group's pypandoc-binary ships pandoc

        bibliography = tmp_path / "centralasia.json"
        bibliography.write_text(ca.cite(ca.articles, "csl-json"), encoding="utf-8")
        document = tmp_path / "paper.md"
        document.write_text("---\nnocite: '@*'\n---\n\nSee [@kaleji-debt-trap].\n", "utf-8")
        rendered = subprocess.run(
            [pypandoc.get_pandoc_path(), "--citeproc", "--bibliography", str(bibliography),
             "--to", "plain", "--wrap", "none", str(document)],
            capture_output=True, text=True, check=True, timeout=60,
        ).stdout  # fmt: skip
        cited, *entries = [line for line in rendered.splitlines() if line]
        families = [name_parts(article.authors[0])[0] or "" for article in ARTICLES]

        assert "See (Kaleji, n.d.)." == cited
        assert sorted(families, key=str.casefold) == [entry.split(",")[0].split(".")[0]
                                                      for entry in entries]  # fmt: skip
        assert entries[0].startswith("Abazov, Rafis. n.d.")


class TestCslJson:
    def test_rendered(self) -> None:
        """citeproc-py reads the items and renders each with a CSL style, as an editor would."""
        citeproc = pytest.importorskip("citeproc")
        from citeproc.source.json import CiteProcJSON  # noqa: PLC0415

        items = json.loads(ca.cite(ca.articles, "csl-json"))
        style = pathlib.Path(citeproc.__file__).parent / "data/styles/harvard-cite-them-right.csl"
        bibliography = citeproc.CitationStylesBibliography(
            citeproc.CitationStylesStyle(str(style), validate=False),
            CiteProcJSON(items), citeproc.formatter.plain,
        )  # fmt: skip
        for item in items:
            bibliography.register(citeproc.Citation([citeproc.CitationItem(item["id"])]))
        rendered = [str(entry) for entry in bibliography.bibliography()]

        assert len(ARTICLES) == len(rendered)
        for article, text in zip(ARTICLES, rendered, strict=True):
            families = [name_parts(name)[0] for name in article.authors]
            for part in (*families, article.title, article.publisher):
                assert part is None or part in text
            if article.published is None:
                assert "(no date)" in text

    def test_types_are_csl(self) -> None:
        """Every item's type is one of the types of the CSL schema that citeproc-py ships."""
        citeproc = pytest.importorskip("citeproc")
        schema = pathlib.Path(citeproc.__file__).parent / "data/schema/schemas/styles"
        types = (schema / "csl-types.rnc").read_text(encoding="utf-8")

        for item in json.loads(ca.cite(ca.articles, "csl-json")):
            assert f'"{item["type"]}"' in types
            assert {"id", "type", "author"} <= set(item)

    @given(strategies.dates())
    def test_dates(self, date: ca.Date) -> None:
        """A date's CSL parts are its first and last days, as precise as the source."""
        article = ca.Article("a", "a.txt", (ca.Span(1, 1),), "text", published=date)
        (item,) = json.loads(ca.cite(article, "csl-json"))
        parts = item["issued"]["date-parts"]

        assert date.start.year == parts[0][0]
        assert date.end.year == parts[-1][0]
        assert len(parts[0]) == {ca.Precision.YEAR: 1, ca.Precision.DAY: 3}.get(date.precision, 2)


class TestText:
    def test_record(self) -> None:
        """A record's citation holds each quote, its article's authors and publisher, and the id."""
        loan = ca.loans.get("kg-exim-2023")
        text = ca.cite(loan)

        assert f"“{loan.sources[0].quote}”" in text
        assert "Vali Kaleji, untitled article, Central Asia-Caucasus Institute" in text
        assert "centralasia loan kg-exim-2023, article kaleji-debt-trap" in text

    def test_article(self) -> None:
        """An article's citation is its reference: authors, title, date, as stated."""
        expected = "Ezba Walayat, “Enhancement of China and Central Asia's Alliance”, 14 June 2022."

        assert expected == ca.cite(ca.articles.get("walayat-alliance"))
        assert "Usman, untitled article, n.d." == ca.cite(ca.articles.get("usman-connectivity"))

    def test_conflict(self) -> None:
        """A conflict's citation gives its description and every side's quote."""
        conflict = ca.conflicts.get("tj-debt-to-china")
        text = ca.cite(conflict)

        assert conflict.description in text
        for side in conflict.records:
            assert not isinstance(side, ca.Article | ca.Country | ca.Conflict)  # claims cite
            assert side.sources[0].quote in text

    def test_inferred_fields(self) -> None:
        """An inferred field is cited with its basis, apart from the quotes."""
        event = ca.events[0]
        inference = ca.Inference("date", "the byline's date for 'this year'", event.sources[0])
        inferred = attrs.evolve(event, inferred=(inference,))
        text = ca.cite(inferred)

        assert "Inferred, not quoted: date, from the byline's date for 'this year'" in text

    def test_country(self) -> None:
        """A country is reference data: its text says so, and it has no reference to export."""
        assert "reference data from ISO 3166-1" in ca.cite(ca.countries.get("kg"))
        with pytest.raises(ValueError, match="cites no article"):
            ca.cite(ca.countries.get("kg"), "bibtex")

    def test_unknown_format(self) -> None:
        """An unknown format is refused, naming the known ones."""
        with pytest.raises(ValueError, match="csl-json"):
            ca.cite(ca.articles[0], "mla")  # type: ignore[arg-type]

    def test_records_cite_their_articles(self) -> None:
        """A record's reference entries are its articles', each once."""
        conflict = ca.conflicts.get("tj-debt-to-china")
        items = json.loads(ca.cite(conflict, "csl-json"))

        sides = [side for side in conflict.records if not isinstance(side, ca.Conflict)]
        claims = [side for side in sides if not isinstance(side, ca.Article | ca.Country)]
        cited = [c.article.id for side in claims for c in side.sources]

        assert len(conflict.records) == len(claims)

        assert list(dict.fromkeys(cited)) == [item["id"] for item in items]
