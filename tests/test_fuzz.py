"""Corrupted datasets load as a valid dataset or raise DataError, never anything else."""

from __future__ import annotations

import contextlib
import json
import os
import pathlib
import queue
import random
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
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


# The seeded mutation fuzzer: each class of hostile input that issue 22 found, tried on a copy
# of the bundled dataset, in a subprocess so that a crash (a segfault in an extension) or a hang
# is counted rather than ending the run. Mutation n is seeded with n: any one can be replayed.

#: Strings that loaded and later broke something, or that a strict reading must refuse.
HOSTILE_STRINGS = [
    "\ud800", "a\x00b", "   ", "\t\n", "\u0662\u0660\u0662\u0663", "\uff15", " \u0665 ", "1_000",
    "+5", ".5", "5.", "1e999999999", "1e-999999999", "1e-10000000", "0.12345678901", "NaN",
    "../../x.txt", "/etc/passwd", "x" * 100_000, "kg", "loan:kg-exim-2023", "2023-13", "2023-02-30",
    "\u202e", "=1+1", "\ufeff", "2023/..", "../2023", "..",
]  # fmt: skip
#: Raw JSON spliced into a file: repeated keys, depth, huge numbers, NaN, escapes.
HOSTILE_JSON = [
    "[" * 100_000 + "]" * 100_000, "1" * 5000, "1e99999", "NaN", "Infinity", "-0", '"\\ud800"',
    '"\\udfff\\ud800"', '"\\u0000"', '{"id": "a", "id": "b"}', "[[[[[[[[[[[[]]]]]]]]]]]]", '""',
    "true", "{}", "[]", "null", "0.1", "1e-400",
]  # fmt: skip


def _strings(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Yield the path to every string in *value*, keys excluded."""
    if isinstance(value, str):
        yield path
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))


def _set_at(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    value[path[0]] = _set_at(value[path[0]], path[1:], new)
    return value


def _data_files(folder: pathlib.Path) -> list[pathlib.Path]:
    """The data files an earlier mutation left regular (never a pipe, which would block)."""
    return [
        path for path in sorted(folder.glob("*.json")) if path.is_file() and not path.is_symlink()
    ]


def _seed_files(folder: pathlib.Path) -> list[pathlib.Path]:
    seeds = folder / "seeds"
    if not seeds.is_dir() or seeds.is_symlink():  # never change the shared outside copy
        return []
    return [path for path in sorted(seeds.iterdir()) if path.is_file() and not path.is_symlink()]


def _mutate_value(rng: random.Random, folder: pathlib.Path, _outside: pathlib.Path) -> str:
    """Put a hostile string where a string was."""
    path = rng.choice(_data_files(folder))
    records = json.loads(path.read_text(encoding="utf-8"))
    places = list(_strings(records))
    if not places:
        return "value: none"
    place = rng.choice(places)
    path.write_text(json.dumps(_set_at(records, place, rng.choice(HOSTILE_STRINGS))),
                    encoding="utf-8")  # fmt: skip
    return f"value {path.name}"


def _mutate_json(rng: random.Random, folder: pathlib.Path, _outside: pathlib.Path) -> str:
    """Splice raw JSON in place of a value, or a key into an object."""
    path = rng.choice(_data_files(folder))
    text = path.read_text(encoding="utf-8")
    spot = rng.choice([n for n, char in enumerate(text) if char in ":[,"])
    if text[spot] == ":" and rng.random() < 0.3:  # repeat the key before the colon
        start = text.rfind('"', 0, text.rfind('"', 0, spot))
        addition = text[start:spot] + ': "repeated", '
        text = text[:start] + addition + text[start:]
    else:
        end = min((i for i in (text.find(",", spot + 1), text.find("}", spot + 1)) if i > 0),
                  default=len(text))  # fmt: skip
        text = text[: spot + 1] + rng.choice(HOSTILE_JSON) + text[end:]
    path.write_text(text, encoding="utf-8")
    return f"json {path.name}"


def _mutate_bytes(rng: random.Random, folder: pathlib.Path, _outside: pathlib.Path) -> str:
    """Truncate a file, flip a bit, or delete it."""
    path = rng.choice([*_data_files(folder), *_seed_files(folder)])
    content = path.read_bytes()
    action = rng.choice(["truncate", "flip", "delete"])
    if action == "truncate":
        path.write_bytes(content[: rng.randrange(max(len(content), 1))])
    elif action == "flip" and content:
        position = rng.randrange(len(content))
        flipped = bytes([content[position] ^ (1 << rng.randrange(8))])
        path.write_bytes(content[:position] + flipped + content[position + 1 :])
    else:
        path.unlink()
    return f"{action} {path.name}"


def _mutate_records(rng: random.Random, folder: pathlib.Path, _outside: pathlib.Path) -> str:
    """Drop, repeat or reshape a record, or one of its fields."""
    path = rng.choice(_data_files(folder))
    records = json.loads(path.read_text(encoding="utf-8"))
    index = rng.randrange(len(records)) if records else 0
    action = rng.choice(["drop", "repeat", "drop field", "null field", "list field", "add"])
    if not records or action == "add":
        records.append(rng.choice([None, 1, "x", [], {}, {"id": "x"}, {"id": [1]}, {"id": {}}]))
    elif action == "drop":
        del records[index]
    elif action == "repeat":
        records.insert(rng.randrange(len(records) + 1), records[index])
    elif isinstance(records[index], dict) and records[index]:
        field = rng.choice(sorted(records[index]))
        if action == "drop field":
            del records[index][field]
        else:
            records[index][field] = None if action == "null field" else [records[index][field]]
    path.write_text(json.dumps(records), encoding="utf-8")
    return f"{action} {path.name}"


def _mutate_files(rng: random.Random, folder: pathlib.Path, outside: pathlib.Path) -> str:
    """Put a folder, a pipe, a device, a loop or a link out where a file should be; add strays."""
    seeds = folder / "seeds"
    action = rng.choice(["folder", "fifo", "devnull", "loop", "outside", "dangling", "stray",
                         "seed outside", "seeds outside"])  # fmt: skip
    if action == "stray":
        (seeds / ".DS_Store").write_bytes(bytes(rng.randrange(256) for _ in range(64)))
        return action
    if action == "seeds outside":
        shutil.rmtree(seeds) if seeds.is_dir() and not seeds.is_symlink() else seeds.unlink()
        seeds.symlink_to(outside / "seeds")
        return action
    path = rng.choice(_seed_files(folder) if action == "seed outside" else _data_files(folder))
    path.unlink()
    if action == "folder":
        path.mkdir()
    elif action == "fifo":
        os.mkfifo(path)
    elif action == "devnull":
        path.symlink_to(os.devnull)
    elif action == "loop":
        path.symlink_to(path)
    elif action == "dangling":
        path.symlink_to(outside / "nowhere")
    else:
        source = outside / ("seeds" if action == "seed outside" else "") / path.name
        path.symlink_to(source)
    return f"{action} {path.name}"


MUTATIONS: list[Callable[[random.Random, pathlib.Path, pathlib.Path], str]] = [
    _mutate_value, _mutate_json, _mutate_bytes, _mutate_records, _mutate_files,
]  # fmt: skip


def _try(number: int, base: pathlib.Path, outside: pathlib.Path, work: pathlib.Path) -> str:
    """Apply mutation *number* to a copy of *base*; return its outcome."""
    rng = random.Random(number)  # noqa: S311 - reproducible mutations, not secrets
    folder = work / f"m{number}"
    shutil.copytree(base, folder, symlinks=True)
    try:
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            mutation = rng.choice(MUTATIONS)
            # A file that an earlier mutation broke or removed cannot take this one: skip it.
            with contextlib.suppress(ValueError, OSError, IndexError, TypeError, KeyError):
                mutation(rng, folder, outside)
        try:
            loaded = ca.load(folder)
        except ca.DataError as error:
            problems = error.problems
            if not problems or not all(p.file and p.message for p in problems):
                return "other: a DataError without its problems"
            if max(len(str(p)) for p in problems) > 1_000:
                return "other: a problem too long to read"
            return "refused"
        except Exception as error:  # noqa: BLE001 - the tally counts what should not happen
            return f"other: {type(error).__name__}: {str(error)[:200]}"
        # What loads is written: no export may crash, hang or raise anything undocumented.
        for fmt in ("csv", "sqlite", "json", "parquet"):
            try:
                loaded.export(work / f"out{number}{fmt}", fmt)
            except (ValueError, ImportError):  # documented refusals
                pass
            except Exception as error:  # noqa: BLE001 - the tally counts what should not happen
                return f"other: export {fmt}: {type(error).__name__}: {str(error)[:200]}"
        return "loaded"
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        for leftover in work.glob(f"out{number}*"):
            shutil.rmtree(leftover, ignore_errors=True) if leftover.is_dir() else leftover.unlink()


def _worker(first: int, last: int, base: str, outside: str, work: str) -> None:
    """Try mutations *first* to *last* - 1, printing each outcome as a line as it ends."""
    for number in range(first, last):
        outcome = _try(number, pathlib.Path(base), pathlib.Path(outside), pathlib.Path(work))
        print(json.dumps([number, outcome]), flush=True)  # noqa: T201 - the worker's report


#: Mutations tried: a fast sample by default, thousands in .ci/run (HYPOTHESIS_PROFILE=ci).
MUTATION_COUNT = 3000 if os.environ.get("HYPOTHESIS_PROFILE") == "ci" else 60
#: Seconds one mutation may take, load and exports, before it counts as a hang.
HANG = 60


def _pump(stream: Iterable[str], lines: queue.Queue[str]) -> None:
    """Put each line of *stream* on *lines*, then "" for its end."""
    for line in stream:
        lines.put(line)
    lines.put("")


def _next(lines: queue.Queue[str]) -> str | None:
    """Return the worker's next line, "" at its end, None if it says nothing for HANG seconds."""
    try:
        return lines.get(timeout=HANG)
    except queue.Empty:
        return None


def fuzz(count: int, folder: pathlib.Path) -> dict[str, Any]:
    """Try *count* mutations in subprocesses; return the tally and the failures."""
    base, outside, work = folder / "base", folder / "outside", folder / "work"
    work.mkdir()
    ca.load().dump(base)
    ca.load().dump(outside)
    tally: dict[str, Any] = {"loaded": 0, "refused": 0, "other": 0, "crashes": 0, "hangs": 0,
                             "failures": []}  # fmt: skip
    number = 0
    while number < count:
        batch = min(count, number + 200)
        command = [sys.executable, __file__, str(number), str(batch), str(base), str(outside),
                   str(work)]  # fmt: skip
        with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as worker:
            assert worker.stdout is not None
            lines: queue.Queue[str] = queue.Queue()
            reader = threading.Thread(target=_pump, args=(worker.stdout, lines))
            reader.start()
            done = number
            while (line := _next(lines)) not in {"", None}:
                finished, result = json.loads(line)
                done = finished + 1
                kind = result if result in {"loaded", "refused"} else "other"
                tally[kind] += 1
                if kind == "other":
                    tally["failures"].append((finished, result))
            if line is None:  # no word from the worker for HANG seconds
                worker.kill()
            code = worker.wait()
            reader.join()
        if done < batch:  # the mutation under way crashed the worker or hung
            tally["crashes" if code not in (0, -9) else "hangs"] += 1
            tally["failures"].append((done, f"exit code {code}"))
            done += 1
        number = done
    return tally


class TestMutationFuzzer:
    def test_tally(self, fuzz_tally: dict[str, int], tmp_path: pathlib.Path) -> None:
        """Every mutation loads and exports, or is one DataError: no other error, crash or hang."""
        tally = fuzz(MUTATION_COUNT, tmp_path)
        fuzz_tally["mutations"] = MUTATION_COUNT
        for outcome in ("loaded", "refused", "other", "crashes", "hangs"):
            fuzz_tally[f"mutations {outcome}"] = tally[outcome]

        assert [] == tally["failures"]
        assert MUTATION_COUNT == tally["loaded"] + tally["refused"]
        assert tally["loaded"]
        assert tally["refused"]


if __name__ == "__main__":  # a worker of the fuzzer
    _worker(int(sys.argv[1]), int(sys.argv[2]), *sys.argv[3:6])
