"""The `centralasia validate` command."""

from __future__ import annotations

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
