"""Hostile input: whatever the bytes, load() gives a dataset or one DataError naming the place."""

from __future__ import annotations

import json
import os
import pathlib
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

import centralasia as ca

Edit = Callable[[str, Callable[[Any], Any]], pathlib.Path]
LOAN = "uz-cn-2023-end"


def _problems(path: pathlib.Path | str) -> list[ca.Problem]:
    """Return the causes of the DataError that loading *path* raises."""
    with pytest.raises(ca.DataError) as caught:
        ca.load(path)
    return list(caught.value.causes)


def _loan(**fields: Any) -> Callable[[list[dict[str, Any]]], list[dict[str, Any]]]:
    def change(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        for record in records:
            if record["id"] == LOAN:
                record.update(fields)
        return records

    return change


def _replace(path: pathlib.Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


class TestStrictJSON:
    def test_duplicate_key(self, bundled_dir: pathlib.Path) -> None:
        """An object that repeats a key is refused: JSON readers differ on which value wins."""
        path = bundled_dir / "loans.json"
        _replace(path, '"id": "uz-cn-2023-end",', '"id": "uz-cn-2023-end", "id": "other",')

        problems = _problems(bundled_dir)

        assert [("loans.json", "")] == [(p.file, p.record) for p in problems]
        assert "'id' appears twice" in problems[0].message

    def test_deep_nesting(self, bundled_dir: pathlib.Path) -> None:
        """JSON nested a hundred thousand deep is refused, not a RecursionError."""
        (bundled_dir / "conflicts.json").write_text("[" * 100_000 + "]" * 100_000)

        problems = _problems(bundled_dir)

        assert ["conflicts.json"] == [p.file for p in problems]
        assert "nested too deeply" in problems[0].message

    @pytest.mark.parametrize("number", ["1" * 5000, "0." + "1" * 5000, "1e" + "1" * 100])
    def test_huge_number(self, bundled_dir: pathlib.Path, number: str) -> None:
        """A number longer than MAX_NUMBER characters is refused before Python converts it."""
        (bundled_dir / "conflicts.json").write_text(f"[{number}]")

        problems = _problems(bundled_dir)

        assert ["conflicts.json"] == [p.file for p in problems]
        assert f"a number of {len(number)} characters" in problems[0].message

    @pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
    def test_constants(self, bundled_dir: pathlib.Path, constant: str) -> None:
        """NaN and the infinities, which json.loads takes, are no JSON."""
        (bundled_dir / "conflicts.json").write_text(f"[{constant}]")

        problems = _problems(bundled_dir)

        assert [f"{constant} is not a JSON value"] == [p.message.split(": ")[-1] for p in problems]


class TestStrictValues:
    @pytest.mark.parametrize(
        "amount",
        ["1_000", "\uff15", " \u0665 ", "+5", ".5", "5.", "05", "1e999999999", "1e-999999999",
         "1e-10000000", "0.12345678901", "1" * 29, "1" * 60, " 5", "5 ", "0x10", "1e", ""],
    )  # fmt: skip
    def test_strict_decimals(self, edit: Edit, amount: str) -> None:
        """Only ASCII decimals that fit DECIMAL(38, 10), which every export writes, are read."""
        folder = edit("loans", _loan(amount={"value": {"amount": amount, "currency": "USD"}}))

        problems = _problems(folder)

        assert [(LOAN, "amount.value.amount")] == [(p.record, p.field) for p in problems]
        assert "decimal" in problems[0].message

    @pytest.mark.parametrize("amount", ["5", "0", "5.25", "1E+3", "1e3", "12.5e-3", 7, "1" * 28])
    def test_decimals_read(self, edit: Edit, amount: str | int) -> None:
        """Decimals in ASCII digits, with a point or an exponent, within the range are read."""
        folder = edit("loans", _loan(amount={"value": {"amount": amount, "currency": "USD"}}))

        loan = ca.load(folder).loans.get(LOAN)

        assert loan.amount is not None
        assert isinstance(loan.amount.value, ca.Money)
        assert Decimal(str(amount)) == loan.amount.value.amount

    @pytest.mark.parametrize("as_of", ["\u0662\u0660\u0662\u0663", "２０２３", "2023-\u0660\u0666"])
    def test_dates_in_ascii_digits(self, edit: Edit, as_of: str) -> None:
        """A date in other digits ("٢٠٢٣") is refused: no other tool reads it as 2023."""
        problems = _problems(edit("loans", _loan(as_of=as_of)))

        assert [(LOAN, "as_of")] == [(p.record, p.field) for p in problems]

    @pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "a\\u0000b"])
    def test_unwritable_text(self, bundled_dir: pathlib.Path, escape: str) -> None:
        """A lone surrogate or a NUL, which no export could write, is refused where it is."""
        _replace(bundled_dir / "loans.json", '"debt to China"', f'"debt to China{escape}"')

        problems = _problems(bundled_dir)

        assert [(LOAN, "description")] == [(p.record, p.field) for p in problems]
        assert "NUL or a lone surrogate" in problems[0].message
        problems[0].message.encode("utf-8")  # the message itself can be written

    @pytest.mark.parametrize("quote", [" ", "\n", "\t \u3000"])
    def test_blank_quote(self, edit: Edit, quote: str) -> None:
        """A quote of only spaces supports nothing and is refused, though it occurs in the text."""
        folder = edit("loans", _loan(sources=[{"article": "kaleji-debt-trap", "quote": quote}]))

        problems = _problems(folder)

        assert [(LOAN, "sources[0].quote")] == [(p.record, p.field) for p in problems]
        assert "blank" in problems[0].message

    def test_unhashable_id(self, edit: Edit) -> None:
        """A list or an object as an id is refused like any other wrong type."""
        folder = edit("organizations", lambda records: [{**records[0], "id": [1]}, *records[1:]])

        problems = _problems(folder)

        assert ("organizations.json", "#0", "id") == (
            problems[0].file, problems[0].record, problems[0].field)  # fmt: skip

    def test_long_values_are_cut(self, edit: Edit) -> None:
        """A 10 MB bad value gives a message of a readable length, not 10 MB."""
        folder = edit("loans", _loan(as_of="x" * 10_000_000, id="y" * 10_000_000))

        with pytest.raises(ca.DataError) as caught:
            ca.load(folder)

        assert len(str(caught.value)) < 2_000
        assert all(len(p.message) <= 300 and len(p.record) <= 60 for p in caught.value.problems)


class TestFiles:
    def test_long_path(self) -> None:
        """A path too long for the system is refused with a DataError naming it, cut."""
        problems = _problems("x" * 100_000)

        assert len(problems[0].file) <= 300
        assert "cannot be opened" in problems[0].message

    def test_unused_seed_files_are_not_read(self, bundled_dir: pathlib.Path) -> None:
        """A stray file in seeds/ (a .DS_Store, a folder, a pipe) is no part of the dataset."""
        (bundled_dir / "seeds" / ".DS_Store").write_bytes(b"\x00\xff\xfe")
        (bundled_dir / "seeds" / "notes").mkdir()
        os.mkfifo(bundled_dir / "seeds" / "pipe")  # reading it would block

        assert ca.load() == ca.load(bundled_dir)
        assert ".DS_Store" not in ca.load(bundled_dir).seeds

    @pytest.mark.parametrize("make", ["folder", "fifo", "device", "loop", "outside", "broken"])
    def test_data_file_that_is_no_file(
        self, bundled_dir: pathlib.Path, tmp_path: pathlib.Path, make: str
    ) -> None:
        """A folder, FIFO, device, symlink loop or link out where a data file should be is named."""
        target = bundled_dir / "conflicts.json"
        outside = tmp_path / "secret.json"
        outside.write_text('[{"secret": "do not echo"}]')
        target.unlink()
        if make == "folder":
            target.mkdir()
        elif make == "fifo":
            os.mkfifo(target)
        elif make == "device":
            target.symlink_to(os.devnull)
        elif make == "loop":
            target.symlink_to(target)
        elif make == "outside":
            target.symlink_to(outside)
        else:
            target.symlink_to(tmp_path / "nowhere.json")

        problems = _problems(bundled_dir)

        assert [("conflicts.json", "")] == [(p.file, p.record) for p in problems]
        assert "the file is missing" != problems[0].message
        assert "do not echo" not in str(problems)

    def test_seed_linked_outside(self, bundled_dir: pathlib.Path, tmp_path: pathlib.Path) -> None:
        """A seed that links to a file outside the dataset is not read: it is the cause."""
        seed = bundled_dir / "seeds" / ca.articles.get("kaleji-debt-trap").seed
        copy = tmp_path / "copy.txt"
        copy.write_bytes(seed.read_bytes())
        seed.unlink()
        seed.symlink_to(copy)

        with pytest.raises(ca.DataError) as caught:
            ca.load(bundled_dir)

        assert [f"seeds/{seed.name}"] == [p.file for p in caught.value.causes]
        assert "outside the dataset folder" in caught.value.causes[0].message

    def test_seeds_folder_linked_outside(
        self, bundled_dir: pathlib.Path, tmp_path: pathlib.Path
    ) -> None:
        """A seeds/ folder that links elsewhere reads none of its files."""
        seeds = bundled_dir / "seeds"
        seeds.rename(tmp_path / "elsewhere")
        seeds.symlink_to(tmp_path / "elsewhere")

        with pytest.raises(ca.DataError) as caught:
            ca.load(bundled_dir)

        assert {p.file for p in caught.value.causes} <= {f"seeds/{n}" for n in ca.load().seeds}
        assert all("outside" in p.message for p in caught.value.causes)

    def test_seed_with_a_nul(self, bundled_dir: pathlib.Path) -> None:
        """A seed holding a NUL is refused: no export could write its text."""
        seed = bundled_dir / "seeds" / ca.articles.get("kaleji-debt-trap").seed
        seed.write_bytes(seed.read_bytes() + b"\x00")

        with pytest.raises(ca.DataError) as caught:
            ca.load(bundled_dir)

        assert [f"seeds/{seed.name}: holds a NUL character"] == list(map(str, caught.value.causes))

    @pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
    def test_unreadable_file(self, bundled_dir: pathlib.Path) -> None:
        """A file without read permission is named, not a PermissionError."""
        (bundled_dir / "conflicts.json").chmod(0)

        problems = _problems(bundled_dir)

        assert ["conflicts.json"] == [p.file for p in problems]
        assert "cannot be read" in problems[0].message

    @pytest.mark.parametrize("seed", ["../../x.txt", "/etc/passwd", "a/b.txt", ".hidden", ""])
    def test_seed_names(self, edit: Edit, seed: str) -> None:
        """An article's seed is a file's own name, so neither loading nor dump leaves the folder."""
        folder = edit("articles", lambda records: [{**records[0], "seed": seed}, *records[1:]])

        problems = _problems(folder)

        assert ("articles.json", "seed") == (problems[0].file, problems[0].field)
        with pytest.raises(ValueError, match="'seed' must be a file's own name"):
            ca.Article(id="x", seed=seed, spans=(ca.Span(1, 1),), text="x")

    def test_seed_name_with_a_lone_surrogate(self, bundled_dir: pathlib.Path) -> None:
        """A seed named with a lone surrogate is the article's problem, never an encoding error."""
        path = bundled_dir / "articles.json"
        records = json.loads(path.read_text(encoding="utf-8"))
        records[0]["seed"] = "x\ud800.txt"
        path.write_text(json.dumps(records), encoding="utf-8")  # ASCII: written as "\\ud800"

        problems = _problems(bundled_dir)

        assert ("articles.json", "seed") == (problems[0].file, problems[0].field)

    def test_json_helpers_are_not_json(self) -> None:
        """The strict reading still reads what json.dumps writes."""
        from centralasia._loader import _STRICT  # noqa: PLC0415

        value: list[Any] = [{"a": [1, 2.5, None, True, "x", {"b": {}}]}]

        assert value == json.loads(json.dumps(value), **_STRICT)


class TestScale:
    def test_dependency_order_is_linear(self) -> None:
        """A chain of 100,000 predecessors, each later in the file, orders in one pass."""
        from centralasia._loader import _in_dependency_order  # noqa: PLC0415
        from centralasia._schema import kind_named  # noqa: PLC0415

        kind = kind_named("organization")
        assert kind is not None
        count = 100_000
        raws = [{"id": f"o{n}", "predecessor": f"o{n + 1}" if n + 1 < count else None}
                for n in range(count)]  # fmt: skip

        ordered = _in_dependency_order(raws, kind)

        assert list(range(count - 1, -1, -1)) == [position for position, _ in ordered]

    def test_cycles_and_duplicates_keep_every_record(self) -> None:
        """A cycle, a self-reference, an unknown or a repeated id leave every record in once."""
        from centralasia._loader import _in_dependency_order  # noqa: PLC0415
        from centralasia._schema import kind_named  # noqa: PLC0415

        kind = kind_named("organization")
        assert kind is not None
        raws: list[Any] = [
            {"id": "a", "predecessor": "b"}, {"id": "b", "predecessor": "a"},
            {"id": "c", "predecessor": "c"}, {"id": "d", "predecessor": "zz"},
            {"id": "a", "predecessor": None}, [1], {"id": ["x"], "predecessor": {"y": 1}},
            {"id": "e", "predecessor": "d"},
        ]  # fmt: skip

        ordered = _in_dependency_order(raws, kind)

        assert list(range(len(raws))) == sorted(position for position, _ in ordered)
        positions = [position for position, _ in ordered]
        assert positions.index(3) < positions.index(7)
