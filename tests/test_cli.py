"""The `centralasia` command: every subcommand, piped, on a terminal and as JSON."""

from __future__ import annotations

import csv
import io
import json
import os
import pathlib
import re
import shlex
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import attrs
import pytest

import centralasia as ca
from centralasia._cli import main
from centralasia._schema import KINDS

REPO = pathlib.Path(__file__).parent.parent
Edit = Callable[[str, Callable[[Any], Any]], pathlib.Path]


class TestValidate:
    def test_valid_dataset(
        self, bundled_dir: pathlib.Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A valid dataset exits 0 and says so."""
        assert 0 == main(["validate", str(bundled_dir)])
        assert f"valid ({len(ca.articles)} articles" in capsys.readouterr().out

    def test_every_problem_printed(
        self, bundled_dir: pathlib.Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Each problem is printed on its own line, and the exit code is 1."""
        (bundled_dir / "conflicts.json").write_text("{", encoding="utf-8")
        loans = json.loads((bundled_dir / "loans.json").read_text(encoding="utf-8"))
        loans[0]["share_of_external_debt"] = "7.6"
        (bundled_dir / "loans.json").write_text(json.dumps(loans), encoding="utf-8")

        code = main(["validate", str(bundled_dir)])
        captured = capsys.readouterr()

        assert 1 == code
        assert 2 == len(captured.out.splitlines())
        assert "conflicts.json: not valid JSON" in captured.out
        assert "loans.json, record central-asia-cn-2023h1, field share_of_external_debt" in (
            captured.out)  # fmt: skip
        assert "2 problems" in captured.err

    def test_not_a_directory(
        self, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A path that is not a directory is one clear problem."""
        assert 1 == main(["validate", str(tmp_path / "nowhere")])
        assert "not a directory" in capsys.readouterr().out

    def test_python_dash_m(self, bundled_dir: pathlib.Path) -> None:
        """`python -m centralasia validate` runs the same command."""
        result = subprocess.run(
            [sys.executable, "-m", "centralasia", "validate", str(bundled_dir)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip

        assert 0 == result.returncode, result.stderr
        assert str(bundled_dir) in result.stdout

    def test_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without a command, usage is printed and the exit code is 2."""
        with pytest.raises(SystemExit) as caught:
            main([])

        assert 2 == caught.value.code
        assert "usage: centralasia" in capsys.readouterr().err

    def test_cause_first(
        self, bundled_dir: pathlib.Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A file that is not JSON is reported first, and what follows from it is counted."""
        (bundled_dir / "articles.json").write_text("{", encoding="utf-8")

        code = main(["validate", str(bundled_dir)])
        out, err = capsys.readouterr()
        lines = out.splitlines()

        assert 1 == code
        assert 2 == len(lines)
        assert lines[0].startswith("articles.json: not valid JSON")
        assert re.fullmatch(r"and \d+ problems that follow from these \(--all lists them\)",
                            lines[1])  # fmt: skip
        assert re.match(r"1 problem, and \d+ that follow from it, in ", err)

    def test_all_lists_consequences(
        self, bundled_dir: pathlib.Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--all lists every consequence after the causes, each saying what it follows from."""
        (bundled_dir / "articles.json").write_text("{", encoding="utf-8")
        with pytest.raises(ca.DataError) as caught:
            ca.load(bundled_dir)

        main(["validate", "--all", str(bundled_dir)])
        lines = capsys.readouterr().out.splitlines()

        consequences = caught.value.consequences
        assert 2 + len(consequences) == len(lines)
        assert [f"  {problem}" for problem in consequences] == lines[2:]
        reasons = ("articles.json could not be read", "is itself invalid")
        assert all(any(reason in line for reason in reasons) for line in lines[2:])

    def test_json_marks_consequences(
        self, bundled_dir: pathlib.Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--json lists every problem, each saying whether it is a consequence."""
        (bundled_dir / "articles.json").write_text("{", encoding="utf-8")

        main(["validate", str(bundled_dir), "--json"])
        problems = json.loads(capsys.readouterr().out)

        assert [("articles.json", False)] == [
            (p["file"], p["consequence"]) for p in problems if not p["consequence"]]  # fmt: skip
        assert len(problems) > 100

    def test_path_from_data(
        self, bundled_dir: pathlib.Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """validate checks the --data PATH when given no PATH of its own."""
        assert 0 == main(["--data", str(bundled_dir), "validate"])
        assert "valid (" in capsys.readouterr().out

    def test_no_path(self, capsys: pytest.CaptureFixture[str]) -> None:
        """validate without a PATH or --data is a one-line usage error."""
        code, out, err = run(capsys, "validate")

        assert (2, "") == (code, out)
        assert ["centralasia: validate needs the PATH of a dataset (or --data PATH)"] == (
            err.splitlines())  # fmt: skip


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command in-process; return its exit code, output and errors."""
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


class TestShow:
    def test_country(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A record found by name prints its fields and what refers to it."""
        code, out, _ = run(capsys, "show", "Kyrgyz Republic")

        assert 0 == code
        assert out.startswith("country kg\n")
        assert "alpha_3: KGZ" in out
        for loan in ca.loans.where(debtors="kg"):
            assert loan.id in out

    def test_sources_are_quoted(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A claim prints every quote it rests on and the article it is from."""
        _, out, _ = run(capsys, "show", "kg-exim-2023")
        loan = ca.loans.get("kg-exim-2023")

        assert "amount: 1,700,000,000 USD" in out
        assert "share_of_external_debt: 36.7%" in out
        for citation in loan.sources:
            assert " ".join(citation.quote.split()[:6]) in " ".join(out.split())
            assert citation.article.id in out

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--json prints the record as the data files hold it, with its relations."""
        _, out, _ = run(capsys, "--json", "show", "sco")
        shown = json.loads(out)

        assert ca.to_dict(ca.organizations.get("sco")) == shown["record"]
        assert [m.id for m in ca.members("sco")] == shown["related"]["memberships"]

    def test_dates_in_words(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Dates are shown as a reader says them, not as EDTF codes."""
        _, out, _ = run(capsys, "show", "central-asia-cn-2023h1")

        assert "as_of: the first half of 2023" in out
        assert "2023-40" not in out

    def test_not_found(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown name exits 1 with one line saying what was meant."""
        code, out, err = run(capsys, "show", "Kirgizstan Republik")

        assert 1 == code
        assert "" == out
        assert 1 == len(err.splitlines())
        assert "Kyrgyzstan" in err


class TestSearch:
    def test_records_and_passages(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Search prints matching records, best first, then article passages."""
        _, out, _ = run(capsys, "--json", "search", "Kirgizstan")
        found = json.loads(out)

        assert "kg" == found["records"][0]["id"]
        for passage in found["passages"]:
            article = ca.articles.get(passage["article"])
            assert "kirg" in ca.normalize(article.text[passage["start"] : passage["end"]])

    def test_every_collection(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Records of every kind are searched, not only the named ones."""
        _, out, _ = run(capsys, "search", "kg-exim-2023", "--json")

        assert {"kind": "loan", "id": "kg-exim-2023"}.items() <= json.loads(out)["records"][
            0
        ].items()

    def test_sources(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--sources gives each record found with its quotes, in a table and in JSON."""
        _, out, _ = run(capsys, "search", "Exim Bank", "--sources")
        _, as_json, _ = run(capsys, "search", "Exim Bank", "--sources", "--json")
        bank = ca.organizations.get("china-exim-bank")

        for citation in bank.sources:
            assert f"    “{citation.quote}” — {citation.article.id}" in out.splitlines()
        found = json.loads(as_json)["records"][0]
        assert [{"article": c.article.id, "title": c.article.title, "quote": c.quote}
                for c in bank.sources] == found["sources"]  # fmt: skip

    def test_plain_when_piped(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Piped output is tab-separated, one result a line."""
        _, out, _ = run(capsys, "search", "debt trap")

        assert "score\tarticle\tpassage" in out
        assert "\tkaleji-debt-trap\t" in out


class TestLoans:
    def test_filters(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Filters by debtor, creditor and lender give what the query helpers give."""
        _, out, _ = run(
            capsys, "--json", "loans", "--debtor", "Kyrgyzstan", "--lender", "Exim Bank"
        )
        loans = ca.loans.where(debtors="kg", lender=ca.organizations.get("Exim Bank"))

        assert [loan.id for loan in loans] == [row["id"] for row in json.loads(out)]

    def test_table_on_a_terminal(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """On a terminal the table is aligned under a ruled header, qualifiers marked."""
        monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
        _, out, _ = run(capsys, "loans", "--debtor", "kg")
        lines = out.splitlines()

        assert lines[0].startswith("id ")
        assert set(lines[1]) <= {"-", " "}
        assert lines[1].index(" ") == len(max((line.split()[0] for line in lines), key=len))
        assert "over 2,000,000,000 USD" in out  # "exceed US$ 2 billion"
        assert "about 40%" in out  # "around 40 percent of its total GDP"

    def test_misspelt_debtor(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A debtor that names no country is an error, not an empty table."""
        code, _, err = run(capsys, "loans", "--debtor", "Atlantis")

        assert 1 == code
        assert "no country matches 'Atlantis'" in err

    def test_dates_and_shares_in_words(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The table gives dates as a reader says them and shares as percentages."""
        _, out, _ = run(capsys, "loans", "--debtor", "kz")
        rows = {line.split("\t")[0]: line.split("\t") for line in out.splitlines()}

        assert "the first half of 2023" == rows["central-asia-cn-2023h1"][3]
        assert "7.6%" == rows["central-asia-cn-2023h1"][6]
        assert "2023-40" not in out

    def test_sources_under_each_row(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--sources prints, under each row, every quote it rests on and its article."""
        _, out, _ = run(capsys, "loans", "--debtor", "kg", "--sources")
        lines = out.splitlines()

        for loan in ca.loans.where(debtors="kg"):
            row = next(n for n, line in enumerate(lines) if line.startswith(f"{loan.id}\t"))
            quotes = [f"    “{c.quote}” — {c.article.id}" for c in loan.sources]
            assert quotes == lines[row + 1 : row + 1 + len(quotes)]

    def test_sources_wrapped_on_a_terminal(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """On a terminal a quote is wrapped under its row, never breaking an article's id."""
        monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
        monkeypatch.setenv("COLUMNS", "60")
        _, out, _ = run(capsys, "loans", "--debtor", "kg", "--sources")
        loan = ca.loans.get("kg-exim-2023")

        assert " ".join(loan.sources[0].quote.split()) in " ".join(out.split())
        assert all(len(line) <= 60 for line in out.splitlines() if line.startswith("    "))
        assert "— kaleji-debt-trap" in out

    def test_json_includes_sources(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Each loan in JSON carries its quotes and articles."""
        _, out, _ = run(capsys, "loans", "--debtor", "kg", "--sources", "--json")

        for row in json.loads(out):
            loan = ca.loans.get(row["id"])
            assert [{"article": c.article.id, "quote": c.quote} for c in loan.sources] == (
                row["sources"])  # fmt: skip


class TestRank:
    def test_largest_first(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--rank gives Collection.rank's order: largest first, records without it left out."""
        _, out, _ = run(capsys, "loans", "--creditor", "cn", "--rank", "share_of_gdp", "--json")

        expected = ca.loans.where(creditor="cn").rank("share_of_gdp")
        assert [loan.id for loan in expected] == [row["id"] for row in json.loads(out)]

    def test_any_kind(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Any kind with figures is ranked by one of them."""
        _, out, _ = run(capsys, "measurements", "--rank", "value", "--json")

        assert [m.id for m in ca.measurements.rank("value")] == [
            row["id"] for row in json.loads(out)]  # fmt: skip

    def test_unknown_field(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown field is a one-line usage error naming the fields to rank by."""
        code, out, err = run(capsys, "loans", "--rank", "size")

        assert (2, "") == (code, out)
        valid = "amount, share_of_gdp, share_of_external_debt, share_of_total_debt, per_capita"
        assert [f"centralasia: cannot rank loans by 'size'; rank by one of: {valid}"] == (
            err.splitlines())  # fmt: skip

    def test_field_without_figures(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A field that is not a figure is a usage error, even though the records have it."""
        code, _, err = run(capsys, "loans", "--rank", "description")

        assert 2 == code
        assert "rank by one of: amount" in err

    def test_kind_without_figures(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Ranking a kind that has no figures is a usage error saying so."""
        code, _, err = run(capsys, "list", "articles", "--rank", "published")

        assert 2 == code
        assert "articles have no figures to rank by" in err

    def test_currencies_differ(self, capsys: pytest.CaptureFixture[str], edit: Edit) -> None:
        """Amounts in several currencies cannot be ranked: a usage error, not a traceback."""

        def in_yuan(loans: list[dict[str, Any]]) -> list[dict[str, Any]]:
            loans[0]["amount"] = {"value": {"amount": "5", "currency": "CNY"}}
            return loans

        path = edit("loans", in_yuan)
        code, _, err = run(capsys, "loans", "--data", str(path), "--rank", "amount")

        assert 2 == code
        assert "cannot rank loans by amount: cannot order amounts in different currencies" in err


class TestTimeline:
    def test_window_and_country(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The timeline subcommand gives Dataset.timeline's events, in date order."""
        _, out, _ = run(capsys, "--json", "timeline", "--from", "2013", "--to", "2022",
                        "--country", "kz")  # fmt: skip

        expected = ca.timeline("2013", "2022", country="kz")
        assert [event.id for event in expected] == [row["id"] for row in json.loads(out)]

    def test_bad_date(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A date that is not EDTF is a usage error, exit code 2, saying why."""
        with pytest.raises(SystemExit) as caught:
            main(["timeline", "--from", "May 2013"])

        assert 2 == caught.value.code
        assert "not an EDTF date" in capsys.readouterr().err

    def test_reversed_window(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A window that ends before it begins is a one-line usage error, not an empty table."""
        code, out, err = run(capsys, "timeline", "--from", "2024", "--to", "2020")

        assert (2, "") == (code, out)
        assert ["centralasia: the window is empty: --from 2024 begins after --to 2020 ends"] == (
            err.splitlines())  # fmt: skip

    def test_one_period_window(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A window within one year, from its end to its start, is reversed too."""
        code, _, _ = run(capsys, "timeline", "--from", "2020-06", "--to", "2020-05")

        assert 2 == code

    def test_misspelt_country(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A country that names nothing is an error with suggestions, not an empty table."""
        code, out, err = run(capsys, "timeline", "--country", "Kazakstan")

        assert (1, "") == (code, out)
        assert "no country matches 'Kazakstan'; did you mean 'Kazakhstan'" in err

    def test_dates_in_words(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Each event's date is given as a reader says it."""
        _, out, _ = run(capsys, "timeline", "--from", "2020", "--to", "2020")

        expected = ca.timeline("2020", "2020")
        assert [[event.date.words, event.id] for event in expected] == [
            line.split("\t")[:2] for line in out.splitlines()[1:]]  # fmt: skip
        assert "the first half of 2020" in out

    def test_sources(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--sources prints each event's quotes under it."""
        _, out, _ = run(capsys, "timeline", "--from", "2022", "--to", "2022", "--sources")

        for event in ca.timeline("2022", "2022"):
            for citation in event.sources:
                assert f"    “{citation.quote}” — {citation.article.id}" in out.splitlines()


class TestConflicts:
    def test_each_side_quoted(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Each disagreement prints its description and every side with its source."""
        _, out, _ = run(capsys, "conflicts", "--country", "Tajikistan")

        for conflict in ca.conflicts.where(countries="tj"):
            assert f"{conflict.id}: {conflict.topic}" in out
            for record in conflict.records:
                assert record.id in out

    def test_misspelt_country(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A country that names nothing is an error with suggestions."""
        code, _, err = run(capsys, "conflicts", "--country", "Tadjikistan")

        assert 1 == code
        assert "did you mean 'Tajikistan'" in err


class TestList:
    @pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
    def test_every_kind(self, capsys: pytest.CaptureFixture[str], kind: Any) -> None:
        """Every kind of the schema is listed, named in the plural or the singular."""
        _, plural, _ = run(capsys, "list", kind.collection, "--json")
        _, singular, _ = run(capsys, "list", kind.name.upper(), "--json")

        expected = [ca.to_dict(record) for record in ca.load().collections[kind.collection]]
        assert expected == json.loads(plural) == json.loads(singular)

    @pytest.mark.parametrize(
        "kind", [kind for kind in KINDS if kind.collection not in {"loans", "conflicts"}],
        ids=lambda kind: kind.name,
    )  # fmt: skip
    def test_shortcut(self, capsys: pytest.CaptureFixture[str], kind: Any) -> None:
        """Each kind without a command of its own has one, the same as `list KIND`."""
        _, listed, _ = run(capsys, "list", kind.collection, "--sources")
        code, shortcut, _ = run(capsys, kind.collection, "--sources")

        assert 0 == code
        assert listed == shortcut

    @pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
    def test_table(self, capsys: pytest.CaptureFixture[str], kind: Any) -> None:
        """The table has a row per record, its id first, and shows no EDTF code of a date."""
        _, out, _ = run(capsys, "list", kind.collection)
        lines = out.splitlines()
        records = ca.load().collections[kind.collection]

        assert "id" == lines[0].split("\t")[0]
        assert [record.id for record in records] == [line.split("\t")[0] for line in lines[1:]]
        if kind.date is not None:
            dated = [record for record in records if getattr(record, kind.date) is not None]
            assert all(getattr(record, kind.date).words in out for record in dated)

    def test_countries(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Countries are listed with their codes and names."""
        _, out, _ = run(capsys, "countries")

        assert "id\talpha 2\talpha 3\tname" == out.splitlines()[0]
        assert "kg\tKG\tKGZ\tKyrgyzstan" in out.splitlines()

    def test_figures_in_words(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Figures carry their qualifiers and units in words; shares are percentages."""
        _, out, _ = run(capsys, "measurements")
        column = out.splitlines()[0].split("\t").index("value")
        values = {line.split("\t")[0]: line.split("\t")[column] for line in out.splitlines()}

        assert "just under 25%" == values["sco-astana-summit-2024-education-agreements-share"]
        assert "-53%" == values["cn-kg-trade-change-2020-h1"]
        assert "99 years" == values["hambantota-lease-term"]
        assert "over 30,000 people" == values["chinese-migrants-kg-2018"]
        assert "2035" == values["kg-foreign-debt-payoff-year"]

    def test_unknown_kind(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A kind the schema does not have is a usage error naming the kinds."""
        with pytest.raises(SystemExit) as caught:
            main(["list", "projects"])

        assert 2 == caught.value.code
        assert "the kinds are " + ", ".join(kind.collection for kind in KINDS) in (
            capsys.readouterr().err)  # fmt: skip


class TestWhere:
    def test_filters(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--where keeps the records Collection.where keeps, a name resolved first."""
        _, out, _ = run(capsys, "measurements", "--where", "countries=Kazakhstan", "--json")

        expected = ca.measurements.where(countries="kz")
        assert [m.id for m in expected] == [row["id"] for row in json.loads(out)]

    def test_repeated(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Repeated criteria narrow the list: a record must match them all."""
        _, out, _ = run(capsys, "events", "--where", "countries=kz", "--where", "countries=cn",
                        "--json")  # fmt: skip

        expected = ca.events.where(countries="kz").where(countries="cn")
        assert [e.id for e in expected] == [row["id"] for row in json.loads(out)]
        assert len(expected) < len(ca.events.where(countries="kz"))

    def test_misspelt_name(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A name that matches no record is an error with suggestions, not an empty table."""
        code, out, err = run(capsys, "events", "--where", "countries=Kazakstan")

        assert (1, "") == (code, out)
        assert "no country matches 'Kazakstan'; did you mean 'Kazakhstan'" in err

    def test_unknown_field(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A field the records do not have is a one-line usage error naming theirs."""
        code, _, err = run(capsys, "corridors", "--where", "colour=red")

        assert 2 == code
        assert 1 == len(err.splitlines())
        assert "corridor records have no attribute 'colour'; they have id, name" in err

    def test_malformed(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A criterion without '=' is a usage error showing the form."""
        with pytest.raises(SystemExit) as caught:
            main(["events", "--where", "countries"])

        assert 2 == caught.value.code
        assert "expected FIELD=VALUE" in capsys.readouterr().err


class TestExport:
    @pytest.mark.parametrize("form", ["json", "csv", "datapackage", "parquet", "sqlite"])
    def test_every_format(
        self, capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path, form: str
    ) -> None:
        """Export writes every table in each format, and lists each file with its rows."""
        out_path = tmp_path / ("out.db" if form == "sqlite" else "out")
        code, out, _ = run(capsys, "export", "--format", form, "--out", str(out_path))

        assert 0 == code
        assert f"{out_path}" in out
        listed = {line.split("\t")[1]: line.split("\t")[2] for line in out.splitlines()[1:]}
        assert str(len(ca.loans)) == listed["loans"]
        if form == "csv":
            rows = list(csv.DictReader(io.StringIO((out_path / "loans.csv").read_text("utf-8"))))
            assert [loan.id for loan in ca.loans] == [row["id"] for row in rows]
        if form == "json":
            assert ca.load() == ca.load(out_path)

    def test_refuses_to_overwrite(
        self, capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
    ) -> None:
        """A second export into the same place fails with one line, unless --force."""
        arguments = ("export", "--format", "sqlite", "--out", str(tmp_path / "ca.db"))
        assert 0 == run(capsys, *arguments)[0]

        with pytest.raises(SystemExit, match="exists; use --force to replace it") as refused:
            main(list(arguments))
        assert 0 == run(capsys, *arguments, "--force")[0]
        assert "centralasia:" in str(refused.value.code)

    def test_json_listing(self, capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path) -> None:
        """With --json, the listing is JSON: each file, its table and its rows."""
        code, out, _ = run(capsys, "--json", "export", "--format", "csv", "--out", str(tmp_path))
        listing = {item["table"]: item["rows"] for item in json.loads(out)}

        assert 0 == code
        assert len(ca.articles) == listing["articles"]
        assert sum(len(loan.sources) for loan in ca.loans) <= listing["citations"]

    def test_own_data(self, capsys: pytest.CaptureFixture[str], bundled_dir: pathlib.Path) -> None:
        """--data queries a user's dataset; an invalid one is a one-line error."""
        for stem in ("loans", "conflicts"):  # conflicts name loans
            (bundled_dir / f"{stem}.json").write_text("[]", encoding="utf-8")
        assert "[]" == run(capsys, "--json", "--data", str(bundled_dir), "loans")[1].strip()

        (bundled_dir / "loans.json").write_text("{", encoding="utf-8")
        code, _, err = run(capsys, "--data", str(bundled_dir), "loans")
        assert 1 == code
        assert f"{bundled_dir} is not a valid dataset: loans.json: not valid JSON" in err


class TestGlobalOptions:
    @pytest.mark.parametrize(
        "argv",
        [["show", "sco"], ["search", "Kirgizstan"], ["loans", "--debtor", "tj"],
         ["list", "corridors"], ["countries"], ["timeline", "--from", "2020"],
         ["conflicts"], ["validate"]],
        ids=lambda argv: argv[0],
    )  # fmt: skip
    def test_anywhere(
        self, capsys: pytest.CaptureFixture[str], bundled_dir: pathlib.Path, argv: list[str]
    ) -> None:
        """--json and --data are taken before or after the command, with the same result."""
        data = ["--data", str(bundled_dir)]
        before = run(capsys, "--json", *data, *argv)
        after = run(capsys, *argv, "--json", *data)
        mixed = run(capsys, "--json", *argv, *data)

        assert 0 == before[0]
        assert before == after == mixed
        json.loads(before[1])

    def test_export_anywhere(
        self, capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
    ) -> None:
        """export takes --json after its own options too."""
        _, out, _ = run(capsys, "export", "--format", "json", "--out", str(tmp_path), "--json")

        assert len(KINDS) == len([item for item in json.loads(out) if item["table"]])

    def test_data_after_command(
        self, capsys: pytest.CaptureFixture[str], bundled_dir: pathlib.Path
    ) -> None:
        """--data after the command queries that dataset, not the bundled one."""
        for stem in ("loans", "conflicts"):  # conflicts name loans
            (bundled_dir / f"{stem}.json").write_text("[]", encoding="utf-8")

        assert "[]" == run(capsys, "loans", "--data", str(bundled_dir), "--json")[1].strip()

    def test_before_is_kept(
        self, capsys: pytest.CaptureFixture[str], bundled_dir: pathlib.Path
    ) -> None:
        """An option given before the command is not reset by the command's own parser."""
        (bundled_dir / "conflicts.json").write_text("[]", encoding="utf-8")

        assert "[]" == run(capsys, "--data", str(bundled_dir), "--json", "conflicts")[1].strip()

    def test_invalid_data_leads_with_cause(
        self, capsys: pytest.CaptureFixture[str], bundled_dir: pathlib.Path
    ) -> None:
        """An unparsable file in --data is one line naming it first, consequences counted."""
        (bundled_dir / "articles.json").write_text("{", encoding="utf-8")

        code, out, err = run(capsys, "countries", "--data", str(bundled_dir))

        assert (1, "") == (code, out)
        assert 1 == len(err.splitlines())
        assert err.startswith(f"centralasia: {bundled_dir} is not a valid dataset: "
                              "articles.json: not valid JSON")  # fmt: skip
        assert re.search(r"\(1 problem, and \d+ that follow from it; run 'centralasia validate",
                         err)  # fmt: skip


class TestCite:
    def test_record(self, capsys: pytest.CaptureFixture[str]) -> None:
        """cite prints a record's quotes with their article, ready to paste."""
        code, out, _ = run(capsys, "cite", "kg-exim-2023")

        assert 0 == code
        assert ca.loans.get("kg-exim-2023").sources[0].quote in out
        assert "Vali Kaleji" in out

    def test_every_article_as_bibtex(self, capsys: pytest.CaptureFixture[str]) -> None:
        """With no key, cite gives every article, here as BibTeX entries."""
        _, out, _ = run(capsys, "cite", "--format", "bibtex")

        assert [f"@misc{{{article.id}," for article in ca.articles] == [
            line for line in out.splitlines() if line.startswith("@")
        ]

    def test_json_is_csl(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--json gives CSL-JSON, which is JSON."""
        _, out, _ = run(capsys, "--json", "cite", "walayat-alliance")

        assert "walayat-alliance" == json.loads(out)[0]["id"]

    def test_country_has_no_reference(self) -> None:
        """A country cites no article: asking for its BibTeX is a one-line error."""
        with pytest.raises(SystemExit, match="cites no article"):
            main(["cite", "kg", "--format", "ris"])


class TestHelp:
    def test_examples_in_help(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--help lists every subcommand with an example."""
        with pytest.raises(SystemExit):
            main(["--help"])
        out = capsys.readouterr().out

        for command in (
            "show",
            "search",
            "loans",
            "timeline",
            "conflicts",
            "export",
            "validate",
            "cite",
        ):
            assert f"centralasia {command}" in out

    def test_exit_codes(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--help documents the exit codes."""
        with pytest.raises(SystemExit):
            main(["--help"])
        out = capsys.readouterr().out

        assert re.search(r"exit status:\n  0  success\n  1  .*\n  2  a usage error", out)

    def test_every_kind_in_help(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--help names every kind of record, each listable by its own command or `list`."""
        with pytest.raises(SystemExit):
            main(["--help"])
        out = capsys.readouterr().out

        for kind in KINDS:
            assert re.search(rf"^    {kind.collection}\b", out, re.MULTILINE)

    def test_documented_commands_run(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Every command line in the README and the documentation runs and exits 0."""
        pages = [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]
        lines = [
            line.split(" #")[0]
            for page in pages
            for block in re.findall(
                r"```console\n(.*?)```", page.read_text(encoding="utf-8"), re.DOTALL
            )
            for line in block.splitlines()
            if line.startswith("centralasia ")
        ]

        assert len(lines) >= 6
        for line in lines:
            assert (line, 0) == (line, main(shlex.split(line)[1:]))
        capsys.readouterr()


class TestSafety:
    def test_no_mutable_containers_reachable(self) -> None:
        """Nothing reachable from the bundled dataset is a list, dict or set."""
        seen: set[int] = set()
        stack: list[object] = [ca.load()]
        while stack:
            item = stack.pop()
            if id(item) in seen:
                continue
            seen.add(id(item))
            assert not isinstance(item, (list, dict, set, bytearray)), type(item)
            cls = type(item)
            if isinstance(item, (ca.Collection, tuple)):
                stack.extend(item)
            elif attrs.has(cls):
                stack.extend(getattr(item, field.name) for field in attrs.fields(cls))

        assert len(seen) > 100

    def test_seeds_mapping_is_read_only(self) -> None:
        """The seed texts of the bundled dataset cannot be replaced."""
        with pytest.raises(TypeError):
            ca.load().seeds["x"] = "y"  # type: ignore[index]

    def test_loading_executes_nothing(self) -> None:
        """The loader never unpickles or evaluates data."""
        source = "".join(
            path.read_text(encoding="utf-8")
            for path in pathlib.Path(ca.__file__).parent.glob("*.py")
        )

        for forbidden in ("pickle", "eval(", "exec(", "yaml.load", "marshal"):
            assert forbidden not in source


#: Command lines the reliability test of issue 22 found tracebacks with, and their neighbours.
HOSTILE_LINES = [
    ["search", "debt", "--limit", "-1"], ["search", "debt", "--limit", "0"],
    ["search", "debt", "--limit", "x"], ["search", "debt", "--limit", "9" * 400],
    ["search", "\ud800"], ["search", ""], ["show", "\ud800"], ["show", "x" * 100_000],
    ["loans", "--where", "amount.qualifier=nonsense"], ["list", "loans", "--where", "=x"],
    ["list", "loans", "--where", "x"], ["list", "loans", "--rank", "nonsense"],
    ["list", "corridors", "--where", "status=\x00"], ["timeline", "--from", "٢٠٢٣"],
    ["timeline", "--from", "2023", "--to", "2001"], ["timeline", "--from", "9" * 5000],
    ["cite", "nonsense"], ["cite", "kg", "--format", "nonsense"], ["list", "nonsense"],
    ["validate"], ["validate", "x" * 100_000], ["validate", ""], ["--data", "\ud800", "loans"],
    ["export", "--format", "csv"], ["export", "--format", "nonsense", "--out", "x"],
    ["loans", "--sources"], ["conflicts", "--json"], ["nonsense"], [],
]  # fmt: skip


class TestNoTraceback:
    @pytest.mark.parametrize("line", HOSTILE_LINES)
    def test_one_line_and_an_exit_code(
        self,
        line: list[str],
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        tmp_path: pathlib.Path,
    ) -> None:
        """Each command line ends with a documented exit code and no traceback."""
        monkeypatch.chdir(tmp_path)
        try:
            code = main(line)
        except SystemExit as stop:  # argparse's usage errors and --help
            code = stop.code  # type: ignore[assignment]
        captured = capsys.readouterr()

        assert code in {0, 1, 2}
        assert "Traceback" not in captured.err
        if code and line[:1] != ["validate"]:  # validate reports its problems below its tally
            assert captured.err.startswith(("centralasia: ", "usage: "))

    def test_usage_errors_exit_2(self) -> None:
        """A --limit under 1 is a usage error."""
        with pytest.raises(SystemExit) as stop:
            main(["search", "debt", "--limit", "-1"])

        assert 2 == stop.value.code

    def test_ascii_terminal(self) -> None:
        """On a terminal that only writes ASCII, what it cannot encode is replaced."""
        done = subprocess.run(
            [sys.executable, "-m", "centralasia", "loans", "--sources"],
            capture_output=True, check=False, timeout=120,
            env={**os.environ, "PYTHONIOENCODING": "ascii"},
        )  # fmt: skip

        assert (0, b"") == (done.returncode, done.stderr)
        assert b"?" in done.stdout

    @pytest.mark.parametrize("fmt", ["sqlite", "csv", "json"])
    def test_unwritable_output(
        self, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str], fmt: str
    ) -> None:
        """Exporting under a file (no folder can be made there) is one line and exit code 1."""
        blocker = tmp_path / "file"
        blocker.write_text("x")

        code = main(["export", "--format", fmt, "--out", str(blocker / "out"), "--force"])

        assert 1 == code
        assert ["centralasia: is a file, not a folder: " + str(blocker)] == (
            capsys.readouterr().err.splitlines()
        )
        assert not (blocker.parent / "out").exists()
