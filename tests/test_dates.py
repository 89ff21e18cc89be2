from __future__ import annotations

import datetime as dt
import re

import edtf
import pytest
from hypothesis import given
from hypothesis import strategies as st

import centralasia as ca
from centralasia import Date, Precision, strategies
from centralasia._dates import as_date
from centralasia._schema import attribute_types

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


def _all_dates(dataset: ca.Dataset) -> set[str]:
    """Every date of the bundled data, in any date field, as EDTF."""
    found = set()
    for collection in dataset.collections.values():
        dated = [
            name
            for name, attribute in attribute_types(collection.record_type).items()
            if attribute.element is Date
        ]
        for record in collection:
            found |= {getattr(record, name).edtf for name in dated if getattr(record, name)}
    return found


def _point_parts(text: str) -> tuple[str, str | None, str | None, str]:
    year, _, rest = text.rstrip("?~%").partition("-")
    month, _, day = rest.partition("-")
    return year, month or None, day or None, text[len(text.rstrip("?~%")) :]


def _check_words(edtf: str) -> None:
    """The words of *edtf* keep every number and mark it carries, and no EDTF code."""
    words = Date(edtf).words
    first, slash, second = edtf.partition("/")
    points = [point for point in (first, second) if point and point != ".."]
    expected = set()
    for point in points:
        year, month, day, _ = _point_parts(point)
        expected.add(str(int(year)))
        if day is not None:
            expected.add(str(int(day)))
            assert MONTHS[int(month or 0) - 1] in words
        elif month is not None and int(month) <= 12:
            assert MONTHS[int(month) - 1] in words
        elif month is not None:
            assert SEASON_WORDS[int(month)] in words
            if int(month) in {24, 28, 30}:  # winters (and the southern summer) reach next year
                expected.add(str(int(year) + 1))
        assert ("about" in words) == any(_point_parts(p)[3] in {"~", "%"} for p in points)
        assert ("(uncertain)" in words) == any(_point_parts(p)[3] in {"?", "%"} for p in points)

    assert expected == set(re.findall(r"\d+", words))
    assert not {"/", "..", "~", "?", "%", "-"} & set(words.replace("..", "/"))
    assert words.startswith("from ") == (bool(slash) and second == "..")
    assert words.startswith("until ") == (bool(slash) and first == "..")


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
SEASON_WORDS = {
    **dict.fromkeys((21, 25, 29), "spring"), **dict.fromkeys((22, 26, 30), "summer"),
    **dict.fromkeys((23, 27, 31), "autumn"), **dict.fromkeys((24, 28, 32), "winter"),
    33: "first quarter", 34: "second quarter", 35: "third quarter", 36: "fourth quarter",
    37: "first third", 38: "second third", 39: "third third",
    40: "first half", 41: "second half",
}  # fmt: skip


@st.composite
def _marked(draw: st.DrawFn) -> str:
    """Draw any date form: strategies.dates(), with marks and open ends added."""
    date = draw(strategies.dates())
    mark = st.sampled_from(["", "", "?", "~", "%"])
    first, slash, second = date.edtf.partition("/")
    first += draw(mark)
    if not slash:
        return draw(st.sampled_from([first, f"{first}/..", f"../{first}"]))
    return f"{first}/{second}{draw(mark)}"


class TestWords:
    @pytest.mark.parametrize(
        ("edtf", "words"),
        [
            ("1996", "1996"),
            ("2023-12", "December 2023"),
            ("2021-06-12", "12 June 2021"),
            ("2024-01-01", "1 January 2024"),
            ("2020-40", "the first half of 2020"),
            ("2023-41", "the second half of 2023"),
            ("2023-34", "the second quarter of 2023"),
            ("2023-37", "the first third of 2023"),
            ("2023-21", "spring 2023"),
            ("2023-24", "winter 2023–2024"),
            ("2023-29", "spring 2023 (southern hemisphere)"),
            ("2024-10?", "October 2024 (uncertain)"),
            ("2024-10-30?", "30 October 2024 (uncertain)"),
            ("2024~", "about 2024"),
            ("2024%", "about 2024 (uncertain)"),
            ("2008/2021", "2008 to 2021"),
            ("2001/2002", "2001 to 2002"),
            ("2024-01/2024-04", "January to April 2024"),
            ("2022-01/2022-04", "January to April 2022"),
            ("2023-11/2024-02", "November 2023 to February 2024"),
            ("2024-01-01/2024-01-15", "1 to 15 January 2024"),
            ("2024-01-01/2024-04-15", "1 January to 15 April 2024"),
            ("2023-21/2023-23", "spring to autumn 2023"),
            ("2023-33/2023-35", "the first quarter of 2023 to the third quarter of 2023"),
            ("2024-01?/2024-04", "January 2024 (uncertain) to April 2024"),
            ("2012/..", "from 2012 on"),
            ("2017/..", "from 2017 on"),
            ("../2019-06", "until June 2019"),
        ],
    )
    def test_table(self, edtf: str, words: str) -> None:
        """Each EDTF form reads as a reader would say it, with the year once where it is shared."""
        assert words == Date(edtf).words

    @given(_marked())
    def test_every_form_keeps_its_numbers_and_marks(self, edtf: str) -> None:
        """Any date's words keep its years, days, months or seasons and marks, and no EDTF code."""
        _check_words(edtf)

    def test_every_bundled_date(self, dataset: ca.Dataset) -> None:
        """Every date in the bundled data reads in words, without an EDTF code."""
        dates = _all_dates(dataset)

        assert {"2012/..", "2024-10?", "2020-40", "2024-01/2024-04"} <= dates
        for text in dates:
            _check_words(text)


class TestAsDate:
    @pytest.mark.parametrize(
        ("value", "edtf"),
        [("2023-06", "2023-06"), (2023, "2023"), (dt.date(2023, 6, 1), "2023-06-01"),
         (dt.datetime(2023, 6, 1, 12, 30, tzinfo=dt.UTC), "2023-06-01"),
         (Date("2023-40"), "2023-40")],
    )  # fmt: skip
    def test_accepted(self, value: object, edtf: str) -> None:
        """A date parameter takes a Date, an EDTF string, a year or a datetime.date."""
        assert Date(edtf) == as_date(value, "f", "start")

    @pytest.mark.parametrize("value", [2023.0, True, b"2023", ["2023"]])
    def test_wrong_types(self, value: object) -> None:
        """Anything else is a TypeError naming the function and the parameter."""
        with pytest.raises(TypeError, match=r"^timeline\(\): start must be a Date"):
            as_date(value, "timeline", "start")

    @pytest.mark.parametrize("value", ["first half of 2023", 0, 10000, "2023-13"])
    def test_bad_values(self, value: object) -> None:
        """A value of the right type that is no date is a ValueError naming the parameter."""
        with pytest.raises(ValueError, match=r"^timeline\(\): end: "):
            as_date(value, "timeline", "end")
