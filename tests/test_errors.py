"""The public exceptions cross processes: they pickle and unpickle equal."""

from __future__ import annotations

import concurrent.futures
import pathlib
import pickle

import pytest

import centralasia as ca


def _load(path: str) -> ca.Dataset:
    return ca.load(path)


class TestPickling:
    @pytest.mark.parametrize(
        "error",
        [
            ca.DataError([ca.Problem("loans.json", "x", "as_of", "bad"),
                          ca.Problem("conflicts.json", "y", "records", "then", consequence=True)]),
            ca.DataError([]),
            ca.NotFound("country", "Kirgizstan", ["Kyrgyzstan"]),
            ca.NotFound("record", "zz"),
        ],
    )  # fmt: skip
    def test_round_trip(self, error: Exception) -> None:
        """DataError and NotFound unpickle equal, with the same message and parts."""
        again = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes

        assert error == again
        assert str(error) == str(again)
        assert hash(error) == hash(again)
        assert vars(error) == vars(again)

    def test_unequal(self) -> None:
        """Errors with other problems or keys are not equal."""
        assert ca.NotFound("country", "a") != ca.NotFound("country", "b")
        assert ca.DataError([ca.Problem("a", "", "", "x")]) != ca.DataError([])
        assert ca.NotFound("country", "a") != ValueError("a")

    def test_across_a_process_pool(self, tmp_path: pathlib.Path) -> None:
        """A worker's DataError reaches the caller as itself, not as a BrokenProcessPool."""
        with concurrent.futures.ProcessPoolExecutor(max_workers=1) as pool:
            future = pool.submit(_load, str(tmp_path))
            with pytest.raises(ca.DataError) as caught:
                future.result(timeout=120)

        assert "articles.json: the file is missing" in str(caught.value)
