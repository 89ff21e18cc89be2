"""The public surface: names, cheap import, typing marker, the installed wheel."""

from __future__ import annotations

import doctest
import json
import os
import pathlib
import subprocess
import sys
import venv
import zipfile

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
