"""Loading, dumping, and refusing bad data with a DataError that says where."""

from __future__ import annotations

import json
import pathlib
import re
import threading
from collections.abc import Callable
from importlib.resources import files
from typing import Any

import pytest

import centralasia as ca
from centralasia import _bundled, _loader
from centralasia._schema import kind_named

Edit = Callable[[str, Callable[[Any], Any]], pathlib.Path]


def _problems(path: pathlib.Path) -> list[ca.Problem]:
    with pytest.raises(ca.DataError) as caught:
        ca.load(path)
    return list(caught.value.problems)


def _set(record_id: str, **fields: Any) -> Callable[[list[dict[str, Any]]], list[dict[str, Any]]]:
    def change(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        for record in records:
            if record["id"] == record_id:
                record.update(fields)
        return records

    return change


def _invalid_reference(problem: ca.Problem) -> tuple[str, str] | None:
    """Return the file and id of the invalid record a knock-on problem names."""
    found = re.search(r"the (\w+) '([^']+)' is itself invalid", problem.message)
    kind = kind_named(found[1]) if found else None
    return None if found is None or kind is None else (kind.file, found[2])


class TestRoundTrip:
    def test_dump_then_load_is_equal(self, dataset: ca.Dataset, tmp_path: pathlib.Path) -> None:
        """load(dump(dataset)) gives an equal dataset."""
        dataset.dump(tmp_path / "new" / "dir")

        assert dataset == ca.load(tmp_path / "new" / "dir")

    def test_dump_is_stable(self, dataset: ca.Dataset, tmp_path: pathlib.Path) -> None:
        """Dumping a reloaded dataset writes the same bytes."""
        dataset.dump(tmp_path / "a")
        ca.load(tmp_path / "a").dump(tmp_path / "b")

        for first in sorted((tmp_path / "a").rglob("*.*")):
            second = tmp_path / "b" / first.relative_to(tmp_path / "a")
            assert first.read_bytes() == second.read_bytes()

    def test_json_is_equivalent(self, dataset: ca.Dataset, tmp_path: pathlib.Path) -> None:
        """Unstructured records are the bundled JSON, defaults filled in."""
        dataset.dump(tmp_path)
        dumped = json.loads((tmp_path / "loans.json").read_text(encoding="utf-8"))
        original = json.loads((files("centralasia") / "data" / "loans.json").read_text())

        assert len(original) == len(dumped)
        by_id = {record["id"]: record for record in dumped}
        for record in original:
            for key, value in record.items():
                assert value == by_id[record["id"]][key]

    def test_bundled_is_loaded_once(self) -> None:
        """The bundled dataset is one cached object."""
        assert ca.load() is ca.load()


class TestDataError:
    def test_names_file_record_and_field(self, edit: Edit) -> None:
        """A bad value is reported with its file, record id and field path."""
        # A loan no conflict names, so that its problem is the only one.
        path = edit("loans", _set("uz-cdb-2022", share_of_external_debt="1.3"))

        assert [("loans.json", "uz-cdb-2022", "share_of_external_debt")] == [
            (p.file, p.record, p.field) for p in _problems(path)]  # fmt: skip

    @pytest.mark.parametrize(
        ("stem", "change", "field", "message"),
        [
            (
                "loans",
                _set("uz-cn-2023-end", amount={"value": {"amount": "-5", "currency": "USD"}}),
                "amount.value.amount",
                ">= 0",
            ),
            (
                "loans",
                _set("uz-cn-2023-end", amount={"value": {"amount": "5", "currency": "XXY"}}),
                "amount.value.currency",
                "ISO 4217",
            ),
            (
                "loans",
                _set("uz-cn-2023-end", amount={"value": {"amount": 5.5, "currency": "USD"}}),
                "amount.value.amount",
                "decimal number written as a string",
            ),
            ("loans", _set("uz-cn-2023-end", as_of="end of 2023"), "as_of", "not an EDTF"),
            ("loans", _set("uz-cn-2023-end", as_of="2024/2023"), "as_of", "ends before"),
            ("loans", _set("uz-cn-2023-end", creditor="xx"), "creditor", "no country has the id"),
            ("loans", _set("uz-cn-2023-end", colour="red"), "", "unknown field(s): colour"),
            ("loans", _set("uz-cn-2023-end", description=7), "description", "expected a string"),
            ("loans", _set("uz-cn-2023-end", debtors="uz"), "debtors", "expected an array"),
            (
                "loans",
                _set(
                    "uz-cn-2023-end",
                    amount={"value": {"amount": "5", "currency": "USD"}, "qualifier": "roughly"},
                ),
                "amount.qualifier",
                "not a valid Qualifier",
            ),
            (
                "loans",
                _set("uz-cn-2023-end", amount={"qualifier": "approximate"}),
                "amount.value",
                "missing required field",
            ),
            (
                "loans",
                _set("uz-cn-2023-end", share_of_gdp={"value": "NaN"}),
                "share_of_gdp.value",
                "finite",
            ),
            (
                "conflicts",
                _set("tj-debt-to-china", records=["loan:tj-cn-2024-early", "debt:x"]),
                "records",
                "kind:id",
            ),
            (
                "measurements",
                _set("xinjiang-muslim-minorities-share", unit="USD"),
                "unit",
                "is a currency",
            ),
            (
                "loans",
                _set(
                    "uz-cn-2023-end",
                    sources=[{"article": "kaleji-debt-trap", "quote": "Uzbekistan owes nothing"}],
                ),
                "sources[0].quote",
                "does not occur",
            ),
            ("countries", _set("kz", alpha_2="kz"), "alpha_2", "must match"),
            (
                "articles",
                _set("kaleji-debt-trap", spans=[[15, 99]]),
                "spans",
                "past the end of the seed",
            ),
            (
                "articles",
                _set("kaleji-debt-trap", seed="missing.txt"),
                "seed",
                "not a file in the seeds/",
            ),
        ],
    )
    def test_bad_values(
        self, edit: Edit, stem: str, change: Callable[[Any], Any], field: str, message: str
    ) -> None:
        """Each kind of bad value gives a problem naming the field and what was expected."""
        problems = _problems(edit(stem, change))

        assert any(field == p.field and message in p.message for p in problems), problems
        assert not problems[0].consequence

    def test_reference_within_a_file(self, edit: Edit) -> None:
        """A record may refer to one later in its own file: files load in dependency order."""

        def add(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
            bank = next(record for record in records if record["id"] == "china-exim-bank")
            successor = {**bank, "id": "aaa-exim-successor", "predecessor": "china-exim-bank",
                         "name": "Successor", "acronym": None, "aliases": []}  # fmt: skip
            return [successor, *records]

        dataset = ca.load(edit("organizations", add))
        successor = dataset.organizations.get("aaa-exim-successor")

        assert dataset.organizations.get("china-exim-bank") is successor.predecessor

    def test_reference_cycle(self, edit: Edit) -> None:
        """Records that refer to each other in a cycle are refused, not looped over."""

        def cycle(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
            for record, other in zip(records, reversed(records), strict=True):
                record["predecessor"] = other["id"]
            return records

        problems = _problems(edit("organizations", cycle))

        assert {"predecessor"} == {p.field for p in problems if p.file == "organizations.json"}
        assert all("itself invalid" in p.message for p in problems if p.file == "loans.json")

    def test_missing_field(self, edit: Edit) -> None:
        """A missing required field is named."""

        def drop(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
            # A loan no conflict names, so that its problem is the only one.
            (loan,) = (record for record in records if record["id"] == "uz-cdb-2022")
            del loan["creditor"]
            return records

        problems = _problems(edit("loans", drop))

        assert [("creditor", "missing required field")] == [(p.field, p.message) for p in problems]

    def test_duplicate_id(self, edit: Edit) -> None:
        """Two records with one id are refused."""
        problems = _problems(edit("loans", lambda records: [*records, records[0]]))

        assert ["id"] == [p.field for p in problems]
        assert "duplicate id" in problems[0].message

    @pytest.mark.parametrize(
        ("content", "message"),
        [(b"\xff\xfe[]", "not UTF-8"), (b"[{]", "not valid JSON"), (b"", "not valid JSON"),
         (b'{"id": "x"}', "expected a JSON array")],
    )  # fmt: skip
    def test_broken_file(self, bundled_dir: pathlib.Path, content: bytes, message: str) -> None:
        """Files that are not UTF-8 JSON arrays are refused, naming the file."""
        (bundled_dir / "conflicts.json").write_bytes(content)

        problems = _problems(bundled_dir)

        assert [("conflicts.json", "")] == [(p.file, p.record) for p in problems]
        assert message in problems[0].message

    def test_missing_file(self, bundled_dir: pathlib.Path) -> None:
        """A missing file is named."""
        (bundled_dir / "conflicts.json").unlink()

        assert ["conflicts.json: the file is missing"] == [str(p) for p in _problems(bundled_dir)]

    def test_record_not_an_object(self, edit: Edit) -> None:
        """A record that is not an object is named by its position."""
        problems = _problems(edit("loans", lambda records: [*records, 42]))
        position = f"#{len(ca.load().loans)}"

        assert [(position, "expected an object, got int 42")] == [
            (p.record, p.message) for p in problems]  # fmt: skip

    def test_every_problem_at_once(self, edit: Edit) -> None:
        """All problems in all files are reported together."""
        edit("countries", _set("kz", alpha_3="kz"))
        edit("loans", _set("kg-exim-2023", as_of="soon"))
        path = edit("loans", _set("uz-cn-2023-end", share_of_gdp="2"))

        problems = _problems(path)
        direct = sorted((p.file, p.field) for p in problems if "itself invalid" not in p.message)
        knock_on = [p for p in problems if "itself invalid" in p.message]

        assert [("countries.json", "alpha_3"), ("loans.json", "as_of"),
                ("loans.json", "share_of_gdp")] == direct  # fmt: skip
        assert knock_on
        # A knock-on names a record reported with a problem of its own: one of the three,
        # or one that refers to them (a conflict names an event that names Kazakhstan).
        reported = {(p.file, p.record) for p in problems}
        for problem in knock_on:
            assert _invalid_reference(problem) in reported, problem.message

    def test_reference_to_invalid_record(self, edit: Edit) -> None:
        """A reference to a record that failed says so, rather than that it is missing."""
        problems = _problems(edit("countries", _set("kz", alpha_3="kz")))
        by_record = {(p.file, p.record, p.field): p.message for p in problems}

        assert "the country 'kz' is itself invalid" in by_record[
            "loans.json", "kz-cn-2024-01-01", "debtors"]  # fmt: skip

    def test_unreadable_file_is_the_cause(self, bundled_dir: pathlib.Path) -> None:
        """A file that is not JSON is the one cause; references to its records follow from it."""
        (bundled_dir / "articles.json").write_text("{", encoding="utf-8")

        with pytest.raises(ca.DataError) as caught:
            ca.load(bundled_dir)
        error = caught.value

        assert [("articles.json", False)] == [(p.file, p.consequence) for p in error.causes]
        assert len(error.consequences) > 100
        assert all(p.consequence for p in error.consequences)
        assert len(error.problems) == len(error.causes) + len(error.consequences)
        assert "the article 'kaleji-debt-trap' is unknown: articles.json could not be read" in {
            p.message for p in error.consequences}  # fmt: skip

    def test_message_leads_with_the_cause(self, bundled_dir: pathlib.Path) -> None:
        """The error's message lists the causes and counts what follows from them."""
        (bundled_dir / "articles.json").write_text("{", encoding="utf-8")

        with pytest.raises(ca.DataError) as caught:
            ca.load(bundled_dir)
        lines = str(caught.value).splitlines()

        assert 3 == len(lines)
        assert "1 problem in the data:" == lines[0]
        assert lines[1].startswith("  articles.json: not valid JSON")
        count = len(caught.value.consequences)
        assert f"and {count} problems that follow from it (see DataError.consequences)" == lines[2]

    def test_invalid_record_references_follow(self, edit: Edit) -> None:
        """References to a record that is itself invalid are consequences, its problem the cause."""
        problems = _problems(edit("countries", _set("kz", alpha_3="kz")))

        assert [("countries.json", "kz", "alpha_3")] == [
            (p.file, p.record, p.field) for p in problems if not p.consequence]  # fmt: skip
        # A reference to Kazakhstan says so; a conflict naming an event that names
        # Kazakhstan follows one step further, from that event's own problem.
        reported = {(p.file, p.record) for p in problems}
        for problem in (p for p in problems if p.consequence):
            assert "the country 'kz' is itself invalid" in problem.message or (
                _invalid_reference(problem) in reported), problem.message  # fmt: skip

    def test_missing_reference_is_a_cause(self, edit: Edit) -> None:
        """A reference to an id that no readable file has is a problem of its own."""
        problems = _problems(edit("loans", _set("uz-cn-2023-end", creditor="xx")))

        assert [False] == [p.consequence for p in problems if p.record == "uz-cn-2023-end"]

    @pytest.mark.parametrize("broken", ["folder", "file"])
    def test_unreadable_seeds_are_the_cause(self, bundled_dir: pathlib.Path, broken: str) -> None:
        """A missing seeds folder or an unreadable seed is the cause of its articles' problems."""
        seeds = bundled_dir / "seeds"
        if broken == "folder":
            for seed in seeds.iterdir():
                seed.unlink()
            seeds.rmdir()
        else:
            (seeds / ca.articles.get("kaleji-debt-trap").seed).write_bytes(b"\xff")

        with pytest.raises(ca.DataError) as caught:
            ca.load(bundled_dir)

        assert 1 == len(caught.value.causes)
        assert caught.value.causes[0].file.startswith("seeds")
        assert "kaleji-debt-trap" in {p.record for p in caught.value.consequences}

    def test_no_consequence_without_cause(self) -> None:
        """Problems all marked as consequences are still shown, as causes."""
        problem = ca.Problem("loans.json", "x", "creditor", "unknown", consequence=True)
        error = ca.DataError([problem])

        assert ((problem,), ()) == (error.causes, error.consequences)

    def test_message_lists_problems(self, edit: Edit) -> None:
        """The error's message is readable on its own."""
        path = edit("loans", _set("uz-cn-2023-end", share_of_gdp="2"))

        with pytest.raises(
            ca.DataError, match=r"loans\.json, record uz-cn-2023-end, field share_of_gdp"
        ):
            ca.load(path)

    def test_is_a_value_error(self) -> None:
        """DataError can be caught as ValueError."""
        assert issubclass(ca.DataError, ValueError)


class TestBundledCache:
    def test_threads_load_once(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Many threads touching the bundled data read it exactly once."""
        monkeypatch.setattr(_bundled, "_bundled", None)
        calls: list[None] = []
        real_read = _bundled._read  # the snapshot's or the checked load, whichever it takes

        def counting_read() -> ca.Dataset:
            calls.append(None)
            return real_read()

        monkeypatch.setattr(_bundled, "_read", counting_read)
        barrier = threading.Barrier(8)
        results: list[ca.Dataset] = []

        def touch() -> None:
            barrier.wait()
            results.append(_bundled.bundled())

        threads = [threading.Thread(target=touch) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        assert 1 == len(calls)
        assert 8 == len(results)
        assert all(result is results[0] for result in results)


class TestCollectorPaused:
    def test_paused_while_reading(
        self, bundled_dir: pathlib.Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Records are built with the cyclic collector off: its passes made loading quadratic."""
        import gc  # noqa: PLC0415

        seen = []
        real = _loader._read

        def watching(*arguments: Any) -> _loader.Loaded:
            seen.append(gc.isenabled())
            return real(*arguments)

        monkeypatch.setattr(_loader, "_read", watching)
        ca.load(bundled_dir)

        assert [False] == seen

    def test_collector_restored(self, bundled_dir: pathlib.Path) -> None:
        """Loading leaves the garbage collector as it found it, even when loading fails."""
        import gc  # noqa: PLC0415

        assert gc.isenabled()
        ca.load(bundled_dir)
        assert gc.isenabled()
        (bundled_dir / "loans.json").write_text("{", encoding="utf-8")
        with pytest.raises(ca.DataError):
            ca.load(bundled_dir)
        assert gc.isenabled()

        gc.disable()  # a caller's choice is kept
        try:
            with pytest.raises(ca.DataError):
                ca.load(bundled_dir)
            assert not gc.isenabled()
        finally:
            gc.enable()
