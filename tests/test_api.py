"""The public surface: names, cheap import, typing marker, the installed wheel."""

from __future__ import annotations

import ast
import csv
import doctest
import inspect
import json
import os
import pathlib
import re
import subprocess
import sys
import venv
import zipfile
from collections.abc import Callable
from typing import Any

import pytest

import centralasia as ca

REPO = pathlib.Path(__file__).parent.parent


def _run(code: str, python: str = sys.executable) -> str:
    return subprocess.run(
        [python, "-c", code], check=True, capture_output=True, text=True
    ).stdout.strip()


class TestPublicNames:
    def test_star_import_is_all(self) -> None:
        """`from centralasia import *` gives exactly `__all__`, and every name resolves."""
        namespace: dict[str, object] = {}
        exec("from centralasia import *", namespace)  # noqa: S102 - the behaviour under test
        namespace.pop("__builtins__")

        assert sorted(ca.__all__) == sorted(namespace)
        assert sorted(ca.__all__) == ca.__all__

    def test_unknown_attribute(self) -> None:
        """Unknown module attributes raise AttributeError, as for any module."""
        with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
            _ = ca.nonsense

    def test_version(self) -> None:
        """The version is the installed distribution's."""
        from importlib.metadata import version  # noqa: PLC0415

        assert version("centralasia") == ca.__version__


class TestImport:
    def test_import_reads_no_data(self) -> None:
        """Importing the package reads no data file and imports neither cattrs nor json."""
        out = _run(
            "import sys, centralasia, centralasia._bundled as d; "
            "print(d._bundled is None, *(name in sys.modules for name in "
            "('cattrs', 'rapidfuzz', 'json', 'importlib.resources')))"
        )

        assert "True False False False False" == out

    def test_import_is_lazy(self) -> None:
        """`import centralasia` imports none of its machinery, nor attrs, until a name is used."""
        out = _run(
            "import sys, centralasia; print(sorted(m for m in sys.modules "
            "if m.startswith(('centralasia.', 'attr', 'cattrs'))))"
        )

        assert "['centralasia._version']" == out

    def test_every_name_has_a_home(self) -> None:
        """Each public name is imported from the private module that defines it."""
        from centralasia import _HOMES  # noqa: PLC0415

        assert set(ca.__all__) == {*_HOMES, "__version__"}
        for name, home in _HOMES.items():
            module = sys.modules[f"centralasia.{home}"] if name != "Record" else None
            value = getattr(ca, name)
            assert value is getattr(module or sys.modules["centralasia._model"], name)

    def test_first_use_loads(self) -> None:
        """Touching `ca.countries` loads the bundled data."""
        assert "Kazakhstan" == _run("import centralasia as ca; print(ca.countries.get('KZ').name)")


@pytest.fixture(name="wheel", scope="module")
def _wheel(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    """Build the wheel from the source tree."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out),
         str(REPO)], check=True, capture_output=True,
    )  # fmt: skip
    (wheel,) = out.glob("centralasia-*.whl")
    return wheel


class TestWheel:
    def test_contents(self, wheel: pathlib.Path) -> None:
        """The wheel carries the data, the seeds and py.typed, and no tests."""
        names = set(zipfile.ZipFile(wheel).namelist())
        seeds = sorted(path.name for path in (REPO / "seeds").iterdir())
        data = sorted(path.name for path in (REPO / "src/centralasia/data").glob("*.json"))

        assert "centralasia/py.typed" in names
        assert {f"centralasia/data/{name}" for name in data} <= names
        assert {f"centralasia/data/seeds/{name}" for name in seeds} <= names
        assert not [name for name in names if name.startswith("tests/")]

    def test_installs_and_loads(self, wheel: pathlib.Path, tmp_path: pathlib.Path) -> None:
        """Installed into a fresh virtual environment, the wheel loads its data."""
        venv.create(tmp_path / "venv", with_pip=True)
        python = str(tmp_path / "venv" / ("Scripts" if os.name == "nt" else "bin") / "python")
        subprocess.run(
            [python, "-m", "pip", "install", "--quiet", str(wheel)], check=True, capture_output=True
        )

        out = _run(
            "import json, centralasia as ca; "
            "print(json.dumps([len(ca.articles), len(ca.loans), ca.__file__]))",
            python,
        )
        articles, loans, location = json.loads(out)

        assert (len(ca.articles), len(ca.loans)) == (articles, loans)
        assert str(tmp_path / "venv") in location


def _finds_kyrgyzstan(value: Any, _printed: str, _folder: pathlib.Path) -> None:
    assert ca.countries.get("kg") is value


def _every_tajik_figure_with_its_quote(value: Any, _printed: str, _folder: pathlib.Path) -> None:
    tj, cn = ca.countries.get("tj"), ca.countries.get("cn")
    expected = [loan for loan in ca.loans if loan.debtor is tj and loan.creditor is cn]
    assert expected == list(value)
    assert value
    for loan in value:
        assert loan.sources
        assert all(c.quote in c.article.text for c in loan.sources), loan.id


def _ranked_where_given(value: Any, _printed: str, _folder: pathlib.Path) -> None:
    cn = ca.countries.get("cn")
    shares = [loan.share_of_gdp.value for loan in value]
    owed = {loan for loan in ca.loans if loan.creditor is cn and loan.share_of_gdp is not None}
    assert owed == set(value)
    assert sorted(shares, reverse=True) == shares
    assert len(shares) > 1


def _routes_through_uzbekistan(value: Any, _printed: str, _folder: pathlib.Path) -> None:
    uz = ca.countries.get("uz")
    assert [c for c in ca.corridors if uz in c.countries] == list(value)
    assert value


def _sco_members_in_2003(value: Any, _printed: str, _folder: pathlib.Path) -> None:
    sco, on = ca.organizations.get("sco"), ca.Date("2003")
    assert {"cn", "kz", "kg", "ru", "tj", "uz"} <= {m.country.id for m in value}
    assert all(m.organization is sco and m.held_on(on) is not False for m in value)


def _any_kind_ranked(value: Any, _printed: str, _folder: pathlib.Path) -> None:
    assert any("military base" in ca.normalize(c.quote) for c in value.sources)


def _full_text_ranked(value: Any, _printed: str, _folder: pathlib.Path) -> None:
    assert "debt-trap" in ca.normalize(value) or "debt trap" in ca.normalize(value)


def _events_in_date_order(value: Any, _printed: str, _folder: pathlib.Path) -> None:
    kz = ca.countries.get("kz")
    assert value
    assert all(kz in event.countries for event in value)
    assert sorted(value, key=lambda event: event.date) == list(value)
    assert all(event.date.overlaps(ca.Date("2013/2022")) for event in value)


def _disagreements_over_tajikistan(value: Any, _printed: str, _folder: pathlib.Path) -> None:
    tj = ca.countries.get("tj")
    assert [c for c in ca.conflicts if tj in c.countries] == list(value)
    assert value


def _everything_about_kyrgyzstan(value: Any, _printed: str, _folder: pathlib.Path) -> None:
    kg = ca.countries.get("kg")
    assert [loan for loan in ca.loans if kg in loan.debtors] == list(value)
    assert value


def _loans_as_csv(_value: Any, _printed: str, folder: pathlib.Path) -> None:
    with (folder / "loans.csv").open(encoding="utf-8", newline="") as written:
        rows = list(csv.DictReader(written))
    assert [loan.id for loan in ca.loans] == [row["id"] for row in rows]


def _a_data_package(value: Any, _printed: str, folder: pathlib.Path) -> None:
    descriptor = json.loads((folder / "out" / "datapackage.json").read_text(encoding="utf-8"))
    assert (folder / "out" / "datapackage.json").resolve() in {p.resolve() for p in value}
    assert "loans" in {resource["name"] for resource in descriptor["resources"]}


def _quote_and_article(_value: Any, printed: str, _folder: pathlib.Path) -> None:
    (source,) = ca.loans.get("kg-exim-2023").sources
    assert source.quote in printed
    assert all(author in printed for author in source.article.authors)


#: Each statement of the README's question block, the comment it carries, and the check that
#: its result is what the comment promises.
README_PROMISES: dict[str, tuple[str, Callable[[Any, str, pathlib.Path], None]]] = {
    'ca.countries.search("Kirgizstan")[0].record': ("fuzzy: finds Kyrgyzstan", _finds_kyrgyzstan),
    'ca.loans.where(debtor="Tajikistan", creditor="China")': (
        "every figure, each with its quote", _every_tajik_figure_with_its_quote),
    'ca.loans.where(creditor="cn").rank("share_of_gdp")': (
        "the ranking, where sources give it", _ranked_where_given),
    'ca.corridors.where(countries="uz")': ("routes through Uzbekistan", _routes_through_uzbekistan),
    'ca.members("Shanghai Cooperation Organization", on="2003")': ("", _sco_members_in_2003),
    'ca.search("military base")[0].record': ("records of any kind, ranked", _any_kind_ranked),
    'ca.find_text("debt trap")[0].snippet': ("ranked full-text search", _full_text_ranked),
    'ca.timeline("2013", "2022", country="Kazakhstan")': (
        "events, in date order", _events_in_date_order),
    'ca.conflicts.where(countries="tj")': (
        "where the sources disagree", _disagreements_over_tajikistan),
    'ca.about("Kyrgyzstan").loans': ("everything about one record", _everything_about_kyrgyzstan),
    'with open("loans.csv", "w", newline="") as out:\n    ca.loans.to_csv(out)': (
        "or .to_pandas(): typed columns", _loans_as_csv),
    'ca.export("out/", "datapackage")': ('or "csv", "parquet", "sqlite", "json"', _a_data_package),
    'print(ca.cite(ca.loans.get("kg-exim-2023")))': (
        "the quote and its article, to paste", _quote_and_article),
}  # fmt: skip


class TestReadme:
    def test_ci_runs_the_readme_test_command(self) -> None:
        """.ci/run calls exactly the test command the README gives."""
        readme = (REPO / "README.md").read_text(encoding="utf-8")
        ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
        commands = [line for line in readme.splitlines() if line.endswith("python -m pytest")]

        assert 1 == len(commands)
        assert commands[0] in ci.splitlines()

    def test_readme_doctest(self) -> None:
        """The README's doctest gives the output it shows."""
        (example,) = (block for block in _readme_blocks() if ">>>" in block)
        parser = doctest.DocTestParser()
        test = parser.get_doctest(example, {}, "README.md", "README.md", 0)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)

        runner.run(test)

        assert (0, len(test.examples)) == tuple(runner.summarize(verbose=False))
        assert len(test.examples) > 3

    def test_every_one_liner_has_its_promise_checked(self) -> None:
        """Each statement of the README's question block is one that this test checks."""
        checked = [(code, comment) for code, (comment, _) in README_PROMISES.items()]

        assert checked == _readme_statements()

    @pytest.mark.parametrize(
        ("code", "promise"),
        [(code, promise) for code, (_, promise) in README_PROMISES.items()],
        ids=[code[:40] for code in README_PROMISES],
    )
    def test_one_liner_keeps_its_promise(
        self,
        code: str,
        promise: Callable[[Any, str, pathlib.Path], None],
        tmp_path: pathlib.Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """Each README one-liner runs and gives what its comment says it gives."""
        monkeypatch.chdir(tmp_path)  # the one-liners write loans.csv and out/
        tree = ast.parse(code)
        namespace: dict[str, Any] = {"ca": ca}
        value = None
        if isinstance(tree.body[-1], ast.Expr):
            expression = ast.Expression(tree.body[-1].value)
            value = eval(compile(expression, "README.md", "eval"), namespace)  # noqa: S307 - our README
        else:
            exec(compile(tree, "README.md", "exec"), namespace)  # noqa: S102 - our own README

        promise(value, capsys.readouterr().out, tmp_path)


def _readme_blocks() -> list[str]:
    """The README's Python code blocks."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return [block.split("```")[0] for block in readme.split("```python\n")[1:]]


def _readme_statements() -> list[tuple[str, str]]:
    """Each statement of the README's question block, with its first line's comment."""
    (block,) = (block for block in _readme_blocks() if ">>>" not in block)
    lines = block.splitlines()
    statements = []
    for node in ast.parse(block).body[1:]:  # the first is `import centralasia as ca`
        source = ast.get_source_segment(block, node)
        assert source is not None
        source = re.sub(r" *#[^\n]*", "", source)  # comments inside a statement: a with block's
        comment = lines[node.lineno - 1].partition("#")[2].strip()
        statements.append((source, comment))
    return statements


class TestDir:
    def test_fresh_interpreter_lists_the_public_api(self) -> None:
        """In a fresh interpreter `dir(ca)` is exactly the public API, nothing private."""
        from centralasia._bundled import NAMES  # noqa: PLC0415

        listed = json.loads(_run("import json, centralasia as ca; print(json.dumps(dir(ca)))"))

        assert sorted({*ca.__all__, *NAMES, "strategies"}) == listed
        assert {"countries", "loans", "about", "search", "strategies"} <= set(listed)
        assert not {"Any", "TYPE_CHECKING", "_HOMES", "annotations"} & set(listed)

    def test_after_use_too(self) -> None:
        """Using names (which caches them in the module) does not change `dir(ca)`."""
        before = dir(ca)
        _ = ca.countries, ca.Loan, ca.search

        assert before == dir(ca)

    def test_every_listed_name_resolves(self) -> None:
        """Every name `dir(ca)` lists is an attribute, `ca.strategies` without importing it."""
        assert "<module 'centralasia.strategies'" in _run(
            "import centralasia as ca; print(repr(ca.strategies))"
        )
        for name in dir(ca):
            assert getattr(ca, name) is not None

    def test_api_reference_names_everything(self) -> None:
        """docs/api.rst documents every public name, the bundled collections and helpers too."""
        from centralasia._bundled import NAMES  # noqa: PLC0415

        text = (REPO / "docs" / "api.rst").read_text(encoding="utf-8")
        documented = set(re.findall(r"ca\.(\w+)|:: (\w+)|\b(\w+)$", text, flags=re.MULTILINE))
        names = {name for group in documented for name in group if name}
        members = {name for line in text.splitlines() if ":members:" in line
                   for name in re.findall(r"\w+", line.split(":members:")[1])}  # fmt: skip

        assert set() == ({*ca.__all__, *NAMES} - {"__version__"}) - names - members


class TestReprs:
    @pytest.mark.parametrize(
        "make",
        [
            ca.load,
            lambda: ca.loans,
            lambda: ca.events,
            lambda: ca.loans[:0],
            lambda: ca.about("kg"),
            lambda: ca.about("kaleji-debt-trap"),
            lambda: ca.countries.search("Kirgizstan")[0],
            lambda: ca.search("military base")[0],
            lambda: ca.search("debt")[-1],
            lambda: ca.find_text("debt trap")[0],
            lambda: ca.find_text("china")[-1],
        ],
    )
    def test_fit_in_two_lines(self, make: Any) -> None:
        """Datasets, collections, profiles, matches and hits show in a line or two, not pages."""
        shown = repr(make())

        assert "\n" not in shown
        assert len(shown) <= 200, shown

    def test_dataset_counts(self) -> None:
        """A dataset's repr counts each collection."""
        shown = repr(ca.load())

        assert shown.startswith("<Dataset: ")
        assert f"{len(ca.loans)} loans" in shown

    def test_collection_names_its_first_ids(self) -> None:
        """A collection's repr gives its count and its first ids, not only a count."""
        assert "<Collection of 2 loans: kg-exim-2023, kz-cn-2024-01-01>" == repr(
            ca.loans.where(lender="Exim Bank")
        )
        assert "<Collection of 1 loan: kg-exim-2023>" == repr(
            ca.loans.where(lender="Exim Bank")[:1]
        )
        assert repr(ca.loans).endswith(", …>")
        assert "<Collection of 0 loans>" == repr(ca.loans[:0])

    def test_profile_counts_its_parts(self) -> None:
        """A profile's repr names its record and counts the parts that are not empty."""
        shown = repr(ca.about("china-exim-bank"))

        assert shown.startswith("<Profile of organization 'china-exim-bank': ")
        assert "2 loans" in shown


class TestSlices:
    def test_slice_is_a_collection(self) -> None:
        """A slice of a collection is a collection of the same kind, in the same order."""
        part = ca.loans[1:4]

        assert isinstance(part, ca.Collection)
        assert ca.Loan is part.record_type
        assert list(ca.loans)[1:4] == list(part)

    def test_filters_compose_on_a_slice(self) -> None:
        """Filters on a slice keep only what the slice holds, and resolve names as before."""
        part = ca.loans[:6]
        expected = [loan for loan in part if ca.countries.get("kg") in loan.debtors]

        assert expected == list(part.where(debtors="Kyrgyzstan"))
        assert list(part.where(debtors="kg").sort_by("as_of")) == list(
            part.sort_by("as_of").where(debtors="kg").sort_by("as_of")
        )
        with pytest.raises(ca.NotFound):
            part[:0].where(debtors="Kirgizstan")


def _public_callables() -> dict[str, Any]:
    """Every public function, and the public methods of a dataset, a collection and values."""
    dataset = ca.load()
    public = {name: getattr(ca, name) for name in ca.__all__}
    found = {name: value for name, value in public.items()
             if callable(value) and not isinstance(value, type)}  # fmt: skip
    owners = ((ca.Dataset, dataset), (ca.Collection, dataset.loans), (ca.Date, ca.Date("2023")),
              (ca.Membership, dataset.memberships.get("uz-sco")),
              (ca.Figure, dataset.loans.get("kg-exim-2023").amount))  # fmt: skip
    for owner, instance in owners:
        for name, _ in inspect.getmembers(owner, inspect.isfunction):
            if not name.startswith("_") and name not in {"count", "index"}:  # Sequence's own
                found[f"{owner.__name__}.{name}"] = getattr(instance, name)
    return found


#: Values of the wrong type for any parameter.
WRONG = [object(), 10**100, [1], b"x", 1.5]


#: A valid value for each parameter name, to give the others while one is wrong.
VALID: dict[str, Any] = {"path": None, "format": "csv", "key": "kyrgyzstan", "query": "debt",
                         "other": ca.Date("2020"), "date": ca.Date("2020"), "text": "x",
                         "record": None, "records": None, "attribute": "as_of",
                         "organization": "sco", "country": "kg"}  # fmt: skip


class TestWrongTypes:
    @pytest.mark.parametrize(("name", "function"), sorted(_public_callables().items()))
    def test_wrong_types_are_type_errors(
        self, name: str, function: Any, tmp_path: pathlib.Path
    ) -> None:
        """Each parameter given a value of the wrong type raises TypeError naming the parameter."""
        signature = inspect.signature(function)
        valid = VALID | {"path": tmp_path / "out", "record": ca.countries.get("kg"),
                         "records": [ca.loans.get("kg-exim-2023")]}  # fmt: skip
        variadic = (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
        named = [parameter for parameter in signature.parameters.values()
                 if parameter.kind not in variadic]  # fmt: skip
        for parameter in named:
            if parameter.name == "default":  # returned as given, whatever it is
                continue
            others = {other.name: valid[other.name] for other in named
                      if other is not parameter and other.default is other.empty}  # fmt: skip
            for value in WRONG:
                try:
                    function(**others, **{parameter.name: value})
                except TypeError as error:
                    assert parameter.name in str(error), (name, parameter.name, value)
                except (ValueError, LookupError):  # a year out of range, an unknown name
                    pass
                else:  # only an int where an int is due (a limit of 10**100 is all)
                    if type(value) is not int or "int" not in str(parameter.annotation):
                        pytest.fail(f"{name}({parameter.name}={value!r}) was accepted")

    @pytest.mark.parametrize("value", WRONG)
    def test_wrong_criteria(self, value: object) -> None:
        """A criterion of where() given a value of no matching type is a TypeError or no match."""
        try:
            found = ca.loans.where(debtor=value)
        except (TypeError, ValueError, LookupError) as error:
            assert "debtor" in str(error) or isinstance(error, LookupError)
        else:
            assert 0 == len(found)
