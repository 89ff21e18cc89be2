"""Shared fixtures and the Hypothesis profiles ("ci" runs more examples than "dev")."""

from __future__ import annotations

import json
import os
import pathlib
import shutil
from collections.abc import Callable
from importlib.resources import as_file, files
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

import centralasia as ca

settings.register_profile("ci", max_examples=200, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
settings.register_profile("dev", max_examples=30, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

REPO = pathlib.Path(__file__).parent.parent


@pytest.fixture(name="dataset", scope="session")
def _dataset() -> ca.Dataset:
    return ca.load()


@pytest.fixture(name="bundled_dir")
def _bundled_dir(tmp_path: pathlib.Path) -> pathlib.Path:
    """A writable copy of the bundled data directory."""
    target = tmp_path / "data"
    with as_file(files("centralasia") / "data") as source:
        shutil.copytree(source, target)
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
