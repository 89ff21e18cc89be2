"""The `centralasia` command: every subcommand, piped, on a terminal and as JSON."""

from __future__ import annotations

import csv
import io
import json
import pathlib
import subprocess
import sys

import pytest

import centralasia as ca
from centralasia._cli import main


class TestValidate:
    def test_valid_dataset(
        self, bundled_dir: pathlib.Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A valid dataset exits 0 and says so."""
        assert 0 == main(["validate", str(bundled_dir)])
        assert "valid (9 articles" in capsys.readouterr().out

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
        for citation in loan.sources:
            assert " ".join(citation.quote.split()[:6]) in " ".join(out.split())
            assert citation.article.id in out

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--json prints the record as the data files hold it, with its relations."""
        _, out, _ = run(capsys, "--json", "show", "sco")
        shown = json.loads(out)

        assert ca.to_dict(ca.organizations.get("sco")) == shown["record"]
        assert [m.id for m in ca.members("sco")] == shown["related"]["memberships"]

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


class TestConflicts:
    def test_each_side_quoted(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Each disagreement prints its description and every side with its source."""
        _, out, _ = run(capsys, "conflicts", "--country", "Tajikistan")

        for conflict in ca.conflicts.where(countries="tj"):
            assert f"{conflict.id}: {conflict.topic}" in out
            for record in conflict.records:
                assert record.id in out


class TestExport:
    @pytest.mark.parametrize("form", ["json", "csv"])
    def test_every_collection(
        self, capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path, form: str
    ) -> None:
        """Export writes one file per collection, holding every record."""
        code, out, _ = run(capsys, "export", "--format", form, "--out", str(tmp_path))

        assert 0 == code
        for stem in ("articles", "countries", "loans", "conflicts"):
            path = tmp_path / f"{stem}.{form}"
            assert str(path) in out
            text = path.read_text(encoding="utf-8")
            if form == "json":
                rows = json.loads(text)
            else:
                rows = list(csv.DictReader(io.StringIO(text, newline="")))
            assert [record.id for record in getattr(ca, stem)] == [row["id"] for row in rows]

    def test_own_data(self, capsys: pytest.CaptureFixture[str], bundled_dir: pathlib.Path) -> None:
        """--data queries a user's dataset; an invalid one is a one-line error."""
        for stem in ("loans", "conflicts"):  # conflicts name loans
            (bundled_dir / f"{stem}.json").write_text("[]", encoding="utf-8")
        assert "[]" == run(capsys, "--json", "--data", str(bundled_dir), "loans")[1].strip()

        (bundled_dir / "loans.json").write_text("{", encoding="utf-8")
        code, _, err = run(capsys, "--data", str(bundled_dir), "loans")
        assert 1 == code
        assert "centralasia validate" in err


class TestHelp:
    def test_examples_in_help(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--help lists every subcommand with an example."""
        with pytest.raises(SystemExit):
            main(["--help"])
        out = capsys.readouterr().out

        for command in ("show", "search", "loans", "timeline", "conflicts", "export", "validate"):
            assert f"centralasia {command}" in out


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
            if isinstance(item, (ca.Collection, tuple)):
                stack.extend(item)
            elif hasattr(type(item), "__attrs_attrs__"):
                stack.extend(getattr(item, field.name) for field in type(item).__attrs_attrs__)

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
