"""Shared fixtures and the Hypothesis profiles ("ci" runs more examples than "dev")."""

from __future__ import annotations

import importlib.util
import json
import os
import pathlib
import shutil
from collections.abc import Callable
from functools import cache
from importlib.resources import as_file
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

import centralasia as ca
from centralasia._bundled import location as _bundled_location

# "dev", the default (the README's test command), is quick and draws fresh examples each run;
# "ci", which .ci/run selects with HYPOTHESIS_PROFILE=ci, is thorough and draws the same ones
# every run (derandomize), so its figures, such as the fuzzing tally below, are reproducible.
settings.register_profile("ci", max_examples=100, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
settings.register_profile("dev", max_examples=30, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

REPO = pathlib.Path(__file__).parent.parent


@pytest.fixture(name="dataset", scope="session")
def _dataset() -> ca.Dataset:
    return ca.load()


@pytest.fixture(name="bundled_dir")
def _bundled_dir(tmp_path: pathlib.Path) -> pathlib.Path:
    """A writable copy of the bundled data directory."""
    target = tmp_path / "data"
    data, seeds = _bundled_location()
    with as_file(data) as source:
        shutil.copytree(source, target)
    if not (target / "seeds").is_dir():  # an editable install reads the checkout's seeds/
        with as_file(seeds) as source:
            shutil.copytree(source, target / "seeds")
    return target


@pytest.fixture(name="edit")
def _edit(bundled_dir: pathlib.Path) -> Callable[[str, Callable[[Any], Any]], pathlib.Path]:
    """Return a function that rewrites one JSON file of a copied dataset."""

    def edit(stem: str, change: Callable[[Any], Any]) -> pathlib.Path:
        path = bundled_dir / f"{stem}.json"
        raw = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps(change(raw), ensure_ascii=False), encoding="utf-8")
        return bundled_dir

    return edit


#: Corrupted datasets the fuzzing test tried, by outcome.
FUZZ_TALLY = pytest.StashKey[dict[str, int]]()


@pytest.fixture(name="docs_module", scope="session")
def _docs_module() -> Callable[[str], ModuleType]:
    """Return a function that imports ``docs/NAME.py`` (no package) once, by its file."""

    @cache
    def docs_module(name: str) -> ModuleType:
        path = pathlib.Path(__file__).parent.parent / "docs" / f"{name}.py"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    return docs_module


@pytest.fixture(name="fuzz_tally", scope="session")
def _fuzz_tally(request: pytest.FixtureRequest) -> dict[str, int]:
    return request.config.stash.setdefault(FUZZ_TALLY, {"loaded": 0, "refused": 0})


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    """Report how many corrupted datasets the fuzzing test tried."""
    tally = config.stash.get(FUZZ_TALLY, None)
    if tally and tally["loaded"] + tally["refused"]:
        terminalreporter.write_line(
            f"fuzzing: tried {tally['loaded'] + tally['refused']} corrupted datasets: "
            f"{tally['refused']} refused with DataError, {tally['loaded']} still valid"
        )
    if tally and "mutations" in tally:
        terminalreporter.write_line(
            f"mutation fuzzer: {tally['mutations']} tried, {tally['mutations loaded']} loaded and "
            f"exported, {tally['mutations refused']} refused with DataError, "
            f"{tally['mutations other']} other exceptions, {tally['mutations crashes']} crashes, "
            f"{tally['mutations hangs']} hangs"
        )


def outcome(call: Callable[[], object]) -> tuple[str, str]:
    """What a call does: ("ok", "") or the exception's type and message."""
    try:
        call()
    except Exception as error:  # noqa: BLE001 - the outcome is compared, whatever it is
        return type(error).__name__, str(error)
    return "ok", ""


@pytest.fixture(name="outcome", scope="session")
def _outcome() -> Callable[[Callable[[], object]], tuple[str, str]]:
    """Return :func:`outcome`, which tells what a call does, to compare two calls."""
    return outcome
