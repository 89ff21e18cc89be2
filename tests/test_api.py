"""The public surface: names, cheap import, typing marker, the installed wheel."""

from __future__ import annotations

import doctest
import json
import os
import pathlib
import re
import subprocess
import sys
import venv
import zipfile
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


class TestReadme:
    def test_ci_runs_the_readme_test_command(self) -> None:
        """.ci/run calls exactly the test command the README gives."""
        readme = (REPO / "README.md").read_text(encoding="utf-8")
        ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
        commands = [line for line in readme.splitlines() if line.endswith("python -m pytest")]

        assert 1 == len(commands)
        assert commands[0] in ci.splitlines()

    def test_readme_examples_run(
        self, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The README's doctest gives the output it shows; its one-liners all run."""
        readme = (REPO / "README.md").read_text(encoding="utf-8")
        blocks = [block.split("```")[0] for block in readme.split("```python\n")[1:]]
        (example,) = (block for block in blocks if ">>>" in block)
        parser = doctest.DocTestParser()
        test = parser.get_doctest(example, {}, "README.md", "README.md", 0)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)

        runner.run(test)

        assert (0, len(test.examples)) == tuple(runner.summarize(verbose=False))
        assert len(test.examples) > 3
        monkeypatch.chdir(tmp_path)  # the one-liners write loans.csv
        for block in blocks:
            if ">>>" not in block:
                exec(compile(block, "README.md", "exec"), {})  # noqa: S102 - our own README
        assert (tmp_path / "loans.csv").read_text(encoding="utf-8").startswith("id,")


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
