from __future__ import annotations

import datetime as dt

import edtf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from centralasia import Date, Precision

YEARS = st.integers(1000, 2999)
WINTERS = (24, 28, 30)
# The edtf package clamps winter to December of the same year; we let it run
# into the next February, as the season does, so winters are checked apart.
SUB_YEAR_CODES = st.integers(21, 41).filter(lambda code: code not in WINTERS)
EDTF_POINTS = st.one_of(
    YEARS.map(str),
    st.builds("{}-{:02d}".format, YEARS, st.integers(1, 12)),
    st.builds("{}-{:02d}".format, YEARS, SUB_YEAR_CODES),
    st.dates(dt.date(1000, 1, 1), dt.date(2999, 12, 31)).map(dt.date.isoformat),
)
# The edtf package accepts only the level 1 seasons (21-24) inside intervals.
INTERVAL_POINTS = EDTF_POINTS.filter(lambda text: not text[5:7].isdigit() or int(text[5:7]) < 25)


class TestParsing:
    @pytest.mark.parametrize(
        ("text", "start", "end", "precision"),
        [
            ("2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31), Precision.YEAR),
            ("2023-40", dt.date(2023, 1, 1), dt.date(2023, 6, 30), Precision.SEASON),
            ("2023-41", dt.date(2023, 7, 1), dt.date(2023, 12, 31), Precision.SEASON),
            ("2023-34", dt.date(2023, 4, 1), dt.date(2023, 6, 30), Precision.SEASON),
            ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29), Precision.MONTH),
            ("2024-01-01", dt.date(2024, 1, 1), dt.date(2024, 1, 1), Precision.DAY),
            ("2024-01/2024-04", dt.date(2024, 1, 1), dt.date(2024, 4, 30), Precision.MONTH),
            ("2008/2021", dt.date(2008, 1, 1), dt.date(2021, 12, 31), Precision.YEAR),
        ],
    )
    def test_bounds(self, text: str, start: dt.date, end: dt.date, precision: Precision) -> None:
        """Start and end are the first and last days the wording allows."""
        date = Date(text)

        assert (start, end, precision) == (date.start, date.end, date.precision)

    @pytest.mark.parametrize("code", WINTERS)
    def test_winter_runs_into_next_year(self, code: int) -> None:
        """Winter is December to the following February."""
        date = Date(f"2023-{code}")

        assert (dt.date(2023, 12, 1), dt.date(2024, 2, 29)) == (date.start, date.end)

    def test_open_end(self) -> None:
        """'..' leaves an interval open at one end."""
        since, until = Date("2019/.."), Date("../2019-06")

        assert (dt.date(2019, 1, 1), dt.date.max) == (since.start, since.end)
        assert (dt.date.min, dt.date(2019, 6, 30)) == (until.start, until.end)
        assert Precision.MONTH == until.precision

    def test_qualifiers(self) -> None:
        """A trailing ~ marks an approximate date and ? an uncertain one."""
        assert (True, False) == (Date("2024~").approximate, Date("2024~").uncertain)
        assert (False, True) == (Date("2024?").approximate, Date("2024?").uncertain)
        assert (True, True) == (Date("2024%").approximate, Date("2024%").uncertain)
        assert (False, False) == (Date("2024").approximate, Date("2024").uncertain)

    @pytest.mark.parametrize(
        "text", ["", "23", "../..", "2023-13", "2023-02-30", "2023-6", "first half of 2023",
                 "2024/2023", "2023-42", "2023-06-01/2023-05-31", "2023/", " 2023"],
    )  # fmt: skip
    def test_rejects(self, text: str) -> None:
        """Strings that are not valid EDTF in our subset raise ValueError."""
        with pytest.raises(ValueError, match=r"EDTF|calendar|ends before|open at both ends"):
            Date(text)

    def test_rejects_non_strings(self) -> None:
        """Only strings are parsed."""
        with pytest.raises(TypeError):
            Date(2023)  # type: ignore[arg-type]


class TestAgainstEdtfPackage:
    @given(EDTF_POINTS)
    def test_same_bounds_as_edtf(self, text: str) -> None:
        """Every point we accept has the bounds the edtf package gives it."""
        reference = edtf.parse_edtf(text)
        date = Date(text)

        assert reference.lower_strict()[:3] == date.start.timetuple()[:3]
        assert reference.upper_strict()[:3] == date.end.timetuple()[:3]

    @given(INTERVAL_POINTS, INTERVAL_POINTS)
    def test_intervals_agree_with_edtf(self, first: str, second: str) -> None:
        """Valid intervals span from the first point's start to the second point's end."""
        if Date(second).end < Date(first).start:
            with pytest.raises(ValueError, match="ends before"):
                Date(f"{first}/{second}")
            return
        reference = edtf.parse_edtf(f"{first}/{second}")
        date = Date(f"{first}/{second}")

        assert reference.lower_strict()[:3] == date.start.timetuple()[:3]
        assert reference.upper_strict()[:3] == date.end.timetuple()[:3]


class TestOrdering:
    def test_interval_semantics(self) -> None:
        """A whole year is neither before nor after a day inside it: the day is during it."""
        year, day = Date("2023"), Date("2023-06-15")

        assert (False, False, True, True) == (
            year.before(day),
            year.after(day),
            day.during(year),
            year.overlaps(day),
        )
        assert Date("2023").before(Date("2024-01-01"))
        assert Date("2024-01-01").after(Date("2023-41"))

    @given(EDTF_POINTS, EDTF_POINTS)
    def test_before_implies_sorted_first(self, first: str, second: str) -> None:
        """A date that ends before another starts sorts before it, whatever the precisions."""
        a, b = Date(first), Date(second)
        if a.before(b):
            assert a < b
            assert sorted([b, a]) == [a, b]
        assert a.before(b) == b.after(a)

    @given(EDTF_POINTS, EDTF_POINTS)
    def test_total_order_is_consistent(self, first: str, second: str) -> None:
        """Exactly one of <, ==, > holds, and equality is equality of the EDTF string."""
        a, b = Date(first), Date(second)

        assert 1 == sum([a < b, a == b, a > b])
        assert (first == second) == (a == b)
        assert (a == b) <= (hash(a) == hash(b))
