"""Corrupted datasets load as a valid dataset or raise DataError, never anything else."""

from __future__ import annotations

import json
import pathlib
import tempfile
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import centralasia as ca
from centralasia import strategies

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


def _pick(draw: st.DrawFn, items: list[Any]) -> int:
    return draw(st.integers(0, len(items) - 1))


def _corrupt_records(draw: st.DrawFn, records: list[Any]) -> list[Any]:
    """Drop, duplicate, retype or re-field one record of *records*."""
    if not records:
        return [draw(JSON_VALUES)]
    index = _pick(draw, records)
    record = records[index]
    action = draw(st.sampled_from(["drop", "duplicate", "replace", "drop field",
                                   "retype field", "add field"]))  # fmt: skip
    if action == "drop":
        del records[index]
    elif action == "duplicate":
        records.insert(draw(st.integers(0, len(records))), json.loads(json.dumps(record)))
    elif action == "replace" or not isinstance(record, dict) or not record:
        records[index] = draw(JSON_VALUES)
    elif action == "add field":
        record[draw(st.text(min_size=1, max_size=8))] = draw(JSON_VALUES)
    else:
        field = draw(st.sampled_from(sorted(record)))
        if action == "drop field":
            del record[field]
        else:
            record[field] = draw(JSON_VALUES)
    return records


def _records(content: bytes) -> list[Any] | None:
    """Return the array in *content*, or None if an earlier corruption broke it."""
    try:
        records = json.loads(content)
    except ValueError:  # not UTF-8, or not JSON
        return None
    return records if isinstance(records, list) else None


@st.composite
def corruptions(draw: st.DrawFn, folder: pathlib.Path) -> str:
    """Corrupt one file of the dataset in *folder*; return what was done."""
    files = sorted(path for path in folder.rglob("*") if path.is_file())
    target = files[_pick(draw, files)]
    kind = draw(st.sampled_from(["records", "truncate", "flip byte", "delete", "any json"]))
    content = target.read_bytes()
    records = _records(content) if kind == "records" else None
    if records is not None:
        target.write_text(json.dumps(_corrupt_records(draw, records)), encoding="utf-8")
    elif kind == "truncate":
        target.write_bytes(content[: draw(st.integers(0, max(len(content) - 1, 0)))])
    elif kind == "flip byte" and content:
        position = draw(st.integers(0, len(content) - 1))
        flipped = content[position] ^ (1 << draw(st.integers(0, 7)))
        target.write_bytes(content[:position] + bytes([flipped]) + content[position + 1 :])
    elif kind == "delete":
        target.unlink()
    else:
        target.write_text(json.dumps(draw(JSON_VALUES)), encoding="utf-8")
    return f"{kind} {target.name}"


class TestCorruption:
    # Loading is cheap next to drawing a dataset: try three times the profile's examples.
    @settings(max_examples=settings().max_examples * 3)
    @given(strategies.datasets(max_records=3), st.data())
    def test_load_is_total(
        self, fuzz_tally: dict[str, int], dataset: ca.Dataset, data: st.DataObject
    ) -> None:
        """Loading a corrupted dataset gives a valid dataset or a DataError, never another error."""
        with tempfile.TemporaryDirectory() as name:
            folder = pathlib.Path(name)
            dataset.dump(folder)
            for _ in range(data.draw(st.integers(1, 3))):
                data.draw(corruptions(folder))
            try:
                loaded = ca.load(folder)
            except ca.DataError as error:
                fuzz_tally["refused"] += 1
                assert error.problems
                assert all(problem.file and problem.message for problem in error.problems)
            else:
                fuzz_tally["loaded"] += 1
                assert isinstance(loaded, ca.Dataset)
