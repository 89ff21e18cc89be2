"""The wheel's trusted snapshot of the bundled data: the checked load's dataset, or none."""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys
import zipfile
from typing import Any

import pytest

import centralasia as ca
from centralasia import _bundled, _snapshot
from centralasia._dataset import is_package_data, package_data, read
from centralasia._dates import Date
from centralasia._schema import KINDS, attribute_types, kind_of, references

REPO = pathlib.Path(__file__).parent.parent


@pytest.fixture(name="checked", scope="module")
def _checked() -> ca.Dataset:
    """The bundled data loaded the checked way, never from a snapshot."""
    return read(*_bundled.location(), package=True)


def _load(path: pathlib.Path, data: pathlib.Path, seeds: pathlib.Path) -> ca.Dataset | None:
    """The dataset of the snapshot at *path*, as the bundled load makes it, or None."""
    found = _snapshot.read(path, data, seeds)
    return None if found is None else package_data(*found)


@pytest.fixture(name="snapshot")
def _snapshot_file(checked: ca.Dataset, tmp_path: pathlib.Path) -> pathlib.Path:
    """A snapshot of the bundled data, as the wheel's build hook writes it."""
    path = tmp_path / _snapshot.FILE
    _snapshot.write(checked, *_bundled.location(), path)
    return path


def _referents(dataset: ca.Dataset, record: Any) -> list[tuple[Any, Any]]:
    """Each record *record* refers to, with the record of that id in *dataset*'s collection."""
    pairs = []
    for reference in references(type(record)):
        value = getattr(record, reference.field)
        for item in value if isinstance(value, tuple) else (value,):
            if item is not None:
                collection = getattr(dataset, kind_of(type(item)).collection)
                pairs.append((item, collection.get(item.id)))
    return pairs


class TestSnapshot:
    def test_equal_record_for_record_and_index_for_index(
        self, checked: ca.Dataset, snapshot: pathlib.Path
    ) -> None:
        """The snapshot loads into the checked dataset: records, references, indexes, searches."""
        loaded = _load(snapshot, *_bundled.location())

        assert loaded is not None
        assert checked == loaded
        assert is_package_data(loaded)
        assert dict(checked.seeds) == dict(loaded.seeds)
        for kind in KINDS:
            ours, theirs = getattr(checked, kind.collection), getattr(loaded, kind.collection)
            assert list(ours) == list(theirs)
            assert ours._lookup_index() == theirs._lookup_index()
            assert ours._key_field_index() == theirs._key_field_index()
            for name, attribute in attribute_types(kind.cls).items():
                assert ours._attribute_index(name) == theirs._attribute_index(name), name
                if attribute.element is Date:
                    assert list(ours.between(attribute=name)) == list(
                        theirs.between(attribute=name)
                    )
            for record in theirs:
                # Shared, as the checked load shares them: a reference is the dataset's record.
                assert all(item is found for item, found in _referents(loaded, record))
        for query in ("debt trap", "Kirgizstan", '"foreign debt"'):
            assert checked.search(query, limit=None) == loaded.search(query, limit=None)
            assert checked.find_text(query, limit=None) == loaded.find_text(query, limit=None)
        assert checked.about("kg") == loaded.about("kg")

    def test_refused_when_made_from_other_data(self, edit: Any, tmp_path: pathlib.Path) -> None:
        """A snapshot of other data files is refused with a warning, and nothing is read from it."""

        def change(loans: list[dict[str, Any]]) -> list[dict[str, Any]]:
            return [{**loan, "description": "changed"} for loan in loans]

        folder = edit("loans", change)
        other = read(folder)
        path = tmp_path / "other.snapshot"
        _snapshot.write(other, folder, folder / "seeds", path)

        with pytest.warns(RuntimeWarning, match="not made from these data files"):
            assert _snapshot.read(path, *_bundled.location()) is None
        assert _load(path, folder, folder / "seeds") == other

    def test_refused_when_made_by_another_version(
        self, checked: ca.Dataset, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A snapshot written by another version of the library is refused with a warning."""
        path = tmp_path / "old.snapshot"
        with monkeypatch.context() as patched:
            patched.setattr(_snapshot, "__version__", "0.0.1")
            _snapshot.write(checked, *_bundled.location(), path)

        with pytest.warns(RuntimeWarning, match=r"\(0\.0\.1 [0-9a-f]{8}\)"):
            assert _snapshot.read(path, *_bundled.location()) is None

    def test_refused_when_not_a_snapshot(self, tmp_path: pathlib.Path) -> None:
        """A file that is no snapshot is refused with a warning, and nothing is read from it."""
        path = tmp_path / "garbage.snapshot"
        path.write_bytes(b"[1, 2, 3]\n")

        with pytest.warns(RuntimeWarning, match="no fingerprint"):
            assert _snapshot.read(path, *_bundled.location()) is None

    def test_missing_is_quiet(self, tmp_path: pathlib.Path) -> None:
        """With no snapshot (an editable install), there is nothing to read and no warning."""
        assert _snapshot.read(tmp_path / "none.snapshot", *_bundled.location()) is None

    def test_every_file_counts(self, bundled_dir: pathlib.Path) -> None:
        """Changing, adding or removing a data file or a seed changes the fingerprint."""
        before = _snapshot.fingerprint(bundled_dir, bundled_dir / "seeds")
        (bundled_dir / "seeds" / "extra.txt").write_text("more", encoding="utf-8")
        added = _snapshot.fingerprint(bundled_dir, bundled_dir / "seeds")
        (bundled_dir / "loans.json").unlink()
        removed = _snapshot.fingerprint(bundled_dir, bundled_dir / "seeds")

        assert len({before, added, removed}) == 3
        assert before.startswith(ca.__version__.encode())

    def test_bundled_falls_back_to_the_checked_load(
        self, checked: ca.Dataset, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A refused snapshot leaves the bundled data to the checked load, loudly."""
        stale = tmp_path / "stale.snapshot"
        stale.write_bytes(b"centralasia snapshot 1 0.0.1 00000000\n")
        monkeypatch.setattr(_snapshot, "FILE", str(stale))  # an absolute path replaces the name

        with pytest.warns(RuntimeWarning, match="checked way"):
            assert checked == _bundled._read()


@pytest.fixture(name="unpacked", scope="module")
def _unpacked(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    """The wheel built from the source tree, unpacked as an installer would."""
    out = tmp_path_factory.mktemp("snapshot-wheel")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out),
         str(REPO)], check=True, capture_output=True,
    )  # fmt: skip
    (wheel,) = out.glob("centralasia-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(out / "site")
    return out / "site"


class TestWheel:
    def test_the_wheel_reads_its_snapshot_without_cattrs(self, unpacked: pathlib.Path) -> None:
        """The built wheel holds a current snapshot: its first lookup imports no cattrs."""
        code = (
            "import json, sys, centralasia as ca; kg = ca.countries.get('KG'); "
            "print(json.dumps([ca.__file__, 'cattrs' in sys.modules, kg.name, "
            "[len(c) for c in ca.load().collections.values()]]))"
        )
        out = subprocess.run(
            [sys.executable, "-W", "error", "-c", code], check=True, capture_output=True,
            text=True, env={"PYTHONPATH": str(unpacked), "PATH": ""},
        ).stdout  # fmt: skip
        location, cattrs, name, sizes = json.loads(out)

        assert (unpacked / "centralasia" / _snapshot.FILE).is_file()
        assert str(unpacked) in location
        assert not cattrs
        assert "Kyrgyzstan" == name
        assert [len(c) for c in ca.load().collections.values()] == sizes

    def test_editable_sources_have_no_snapshot(self) -> None:
        """The source tree holds no snapshot: the JSON files stay the one copy of the data."""
        assert not list((REPO / "src").rglob(_snapshot.FILE))
