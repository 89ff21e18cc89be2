"""Reader-facing wording: one home, and every front end agreeing with it (issue 21)."""

from __future__ import annotations

import html
import json
import pathlib
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from types import ModuleType
from typing import Any

import attrs
import pytest
from hypothesis import given

import centralasia as ca
from centralasia import _words as words
from centralasia import strategies
from centralasia._cli import main
from centralasia._export import export
from centralasia._schema import KINDS, Kind, attribute_types
from centralasia._tables import table_of, values


@pytest.fixture(name="site", scope="module")
def _site(docs_module: Callable[[str], ModuleType]) -> ModuleType:
    return docs_module("_site")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run the command with *argv* and return what it printed."""
    assert 0 == main(list(argv))
    return capsys.readouterr().out


class TestLabel:
    def test_untitled_article_has_one_name_everywhere(
        self,
        dataset: ca.Dataset,
        site: ModuleType,
        tmp_path: pathlib.Path,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """An untitled article is called the same in the exports, the site and the command."""
        article = dataset.articles.get("kaleji-debt-trap")
        export(dataset, tmp_path / "package", "datapackage")
        package = json.loads((tmp_path / "package" / "datapackage.json").read_text("utf-8"))
        page = site.Site(dataset).record_page(article)
        table = values(table_of(ca.Article), dataset.collections)
        labels = dict(zip(table["id"], table["label"], strict=True))

        assert "Untitled article by Vali Kaleji" == words.label(article)
        assert words.label(article) == labels[article.id]
        assert words.label(article) in [source["title"] for source in package["sources"]]
        assert page.text.splitlines()[4].startswith("# Untitled article by Vali Kaleji")
        assert "  label: Untitled article by Vali Kaleji" in run(capsys, "show", article.id)

    def test_authors_read_as_prose(self) -> None:
        """Two authors are joined by "and", three by commas and "and"; none is said so."""
        article = ca.articles[0]

        assert "A and B" == words.authors(attrs.evolve(article, authors=("A", "B")))
        assert "A, B and C" == words.authors(attrs.evolve(article, authors=("A", "B", "C")))
        assert "an unnamed author" == words.authors(attrs.evolve(article, authors=()))

    def test_every_kind_labels_by_a_field_it_has(self) -> None:
        """A kind's label field, and its codes, are fields of its class and keys it is found by."""
        for kind in KINDS:
            names = attrs.fields_dict(kind.cls)

            assert kind.label is None or kind.label in names, kind.name
            assert set(kind.codes) <= set(kind.keys) & set(names), kind.name

    def test_record_of_no_kind(self) -> None:
        """Something of no kind is labelled by the first label field it has, else its id."""
        assert "Here" == words.label(types.SimpleNamespace(id="x", name="Here"))
        assert "x" == words.label(types.SimpleNamespace(id="x", topic=""))


class TestFigures:
    def test_relative_change_reads_as_a_percentage_everywhere(
        self, dataset: ca.Dataset, site: ModuleType, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A relative change of -0.53 reads "-53%" in the command, the exports and the site."""
        change = dataset.measurements.get("cn-kg-trade-change-2020-h1")
        table = values(table_of(ca.Measurement), dataset.collections)
        row = list(table["id"]).index(change.id)
        shown = run(capsys, "show", change.id)
        listed = run(capsys, "measurements", "--where", f"id={change.id}")
        html = site.Site(dataset).value(change, "value", change.value, "data/measurements")

        assert Decimal("-0.53") == change.value.value
        assert "-53%" == words.figure(change, "value")
        assert "  value: -53%" in shown.splitlines()
        assert "-53%" in listed.split("\t")
        assert "-53%" == table["value_words"][row]
        assert "-53%" == html

    @given(strategies.datasets())
    def test_shares_are_percentages(self, dataset: ca.Dataset) -> None:
        """Every share of a loan reads as a percentage, and its amounts never do."""
        for loan in dataset.loans:
            for name, figure in loan.figures.items():
                said = words.figure(loan, name)

                assert said.endswith("%") == name.startswith("share"), (name, said)
                assert figure.describe(percent=name.startswith("share")) == said


class TestValues:
    def test_no_raw_reprs_in_show(
        self, dataset: ca.Dataset, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`show` words inferences, local names and ambiguities: never a class's repr."""
        shown = [
            record
            for collection in dataset.collections.values()
            for record in collection
            if getattr(record, "inferred", ())
            or getattr(record, "names", ())
            or getattr(record, "ambiguities", ())
        ]
        for record in shown:
            out = run(capsys, "show", record.id)

            for name in ("Inference(", "LocalName(", "Ambiguity(", "Citation(", "Participant("):
                assert name not in out, (record.id, name)
        kyrgyzstan = run(capsys, "show", "kg")
        assert "Кыргызстан (ky)" in kyrgyzstan

    def test_inference_in_words(self, dataset: ca.Dataset) -> None:
        """An inference reads as its field, its basis and, where it has one, its passage."""
        record = next(r for r in dataset.organizations if r.inferred)
        inference = record.inferred[0]
        said = words.value(inference)

        assert said.startswith(f"{words.field_name(inference.field)} is inferred: ")
        assert inference.basis in said
        assert (inference.source is None) == (" — " not in said)


class TestProfileParts:
    def test_every_part_is_shown_everywhere(
        self, dataset: ca.Dataset, site: ModuleType, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Every part of a Profile appears in `show`, `show --json`, the site and a notebook."""
        names = [field.name for field in attrs.fields(ca.Profile) if field.name != "record"]
        pages = site.Site(dataset)
        for name in names:
            # A record of a kind with a page, with something in this part.
            record = next(
                record
                for kind in KINDS
                if kind.has_page
                for record in dataset.collections[kind.collection]
                if getattr(dataset.about(record), name)
            )
            part = getattr(dataset.about(record), name)
            out = run(capsys, "show", record.id)
            shown = json.loads(run(capsys, "--json", "show", record.id))
            page = pages.record_page(record).text
            listed = shown["articles"] if name == "articles" else shown["related"][name]

            assert f"  {name}: {', '.join(item.id for item in part)}" in out.splitlines()
            assert [item.id for item in part] == listed
            assert f"## {words.part_title(name)}" in page
            assert all(item.id in page for item in part), name
            notebook = dataset.about(record)._repr_html_()
            assert html.escape(words.part_title(name)) in notebook
            assert all(html.escape(ca.address(item)) in notebook for item in part), name

    def test_kyrgyzstan_shows_its_statements(
        self, dataset: ca.Dataset, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`show kg` lists the statements about Kyrgyzstan, in text and in JSON."""
        statements = [s.id for s in dataset.about(dataset.countries.get("kg")).statements]
        shown = json.loads(run(capsys, "--json", "show", "kg"))

        assert statements
        assert statements == shown["related"]["statements"]
        assert f"  statements: {', '.join(statements)}" in run(capsys, "show", "kg").splitlines()


class TestLoans:
    def test_creditor_and_per_capita_columns(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The loans table says who each debt is owed to, and gives per-capita figures."""
        out = run(capsys, "loans", "--rank", "share_of_gdp")
        header, *lines = (line.split("\t") for line in out.splitlines())
        rows = {row[0]: dict(zip(header, row, strict=True)) for row in lines}
        investors = ca.loans.get("tj-debt-to-foreign-investors")
        outstanding = ca.loans.get("kg-cn-outstanding")

        assert investors.creditor is None
        assert investors.creditor_text == rows[investors.id]["owed to"]
        assert "CN" == rows[outstanding.id]["owed to"]
        assert words.figure(outstanding, "per_capita") == rows[outstanding.id]["per capita"]
        assert rows[outstanding.id]["per capita"].endswith("USD")


def _figure_fields(cls: type[Any]) -> list[str]:
    return [
        name
        for name, found in attribute_types(cls).items()
        if typing.get_origin(found.element) is ca.Figure
    ]


class TestFrontEndsAgree:
    @pytest.mark.parametrize(
        "kind", [kind for kind in KINDS if _figure_fields(kind.cls)], ids=lambda kind: kind.name
    )
    def test_figures_read_alike(
        self,
        dataset: ca.Dataset,
        site: ModuleType,
        kind: Kind[Any],
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """The command's listing, the exports' words columns and the site word each figure alike."""
        header, *rows = (line.split("\t") for line in run(capsys, "list", kind.name).splitlines())
        table = values(table_of(kind.cls), dataset.collections)
        pages = site.Site(dataset)
        for name in _figure_fields(kind.cls):
            column = header.index(name.replace("_", " "))
            listed = {row[0]: row[column] for row in rows}
            exported = dict(zip(table["id"], table[f"{name}_words"], strict=True))
            on_site = {
                record.id: html.unescape(pages.value(record, name, getattr(record, name), ""))
                for record in dataset.collections[kind.collection]
                if getattr(record, name) is not None
            }

            assert {key: said or "" for key, said in exported.items()} == listed, name
            assert {key: said for key, said in exported.items() if said is not None} == on_site

    def test_citations_name_records_and_fields_alike(self, dataset: ca.Dataset) -> None:
        """A pasted citation names a record by its label, an inferred field in prose."""
        country = dataset.countries.get("kg")
        inferred = [
            (record, inference.field)
            for collection in dataset.collections.values()
            for record in collection
            for inference in getattr(record, "inferred", ())
            if "_" in inference.field
        ]

        assert ca.cite(country).startswith(f"{words.label(country)} (centralasia country kg)")
        assert inferred
        for record, field in inferred:
            assert f"Inferred, not quoted: {words.field_name(field)}, from" in ca.cite(record)
