"""
Dates of known precision, written as EDTF strings.

We parse a documented subset of the Library of Congress Extended Date/Time
Format (EDTF, ISO 8601-2) ourselves rather than through the ``edtf`` package:
that package imports in about 200 ms and parses one string in about 7 ms (it
builds a pyparsing grammar), which would dominate loading.  The test suite
checks every form we accept against ``edtf`` as an oracle.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from typing import TYPE_CHECKING, Any

from attrs import field
from dateutil.relativedelta import relativedelta

from centralasia._errors import wrong_type

if TYPE_CHECKING:  # the attrs plugin of mypy knows attrs.frozen, which this one wraps
    from attrs import frozen
else:  # attrs.frozen with each field's type checked and __init__ run once (issue 22)
    from centralasia._validators import frozen


__all__ = ["Date", "Precision", "as_date"]


class Precision(enum.IntEnum):
    """
    How precisely a source states a date, from finest to coarsest.

    .. versionadded:: 0.1
    """

    DAY = 1
    MONTH = 2
    SEASON = 3
    """A season, quarter, quadrimester or half of a year (EDTF codes 21-41)."""
    YEAR = 4


# EDTF level 2 "sub-year groupings": code -> (first month, number of months).
# Seasons 21-24 are the independent-of-location seasons of EDTF level 1.
# Winter runs from December into the next year's February.
_SUB_YEAR: dict[int, tuple[int, int]] = {
    21: (3, 3), 22: (6, 3), 23: (9, 3), 24: (12, 3),  # spring, summer, autumn, winter
    25: (3, 3), 26: (6, 3), 27: (9, 3), 28: (12, 3),  # northern hemisphere seasons
    29: (9, 3), 30: (12, 3), 31: (3, 3), 32: (6, 3),  # southern hemisphere seasons
    33: (1, 3), 34: (4, 3), 35: (7, 3), 36: (10, 3),  # quarters
    37: (1, 4), 38: (5, 4), 39: (9, 4),  # quadrimesters
    40: (1, 6), 41: (7, 6),  # semesters (halves)
}  # fmt: skip

# ASCII digits only: \d would take "٢٠٢٣", which no other tool reads as 2023.
_POINT = re.compile(
    r"(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?(?P<qualifier>[?~%])?"
)


@frozen
class _Point:
    """One end of a date: the first and last day it allows, and its precision."""

    start: dt.date
    end: dt.date
    precision: Precision
    approximate: bool
    uncertain: bool


def _parse_point(text: str) -> _Point:
    match = _POINT.fullmatch(text)
    if match is None:
        msg = f"{text!r} is not an EDTF date such as 2023, 2023-06 or 2023-06-30"
        raise ValueError(msg)
    year = int(match["year"])
    qualifier = match["qualifier"] or ""
    approximate, uncertain = qualifier in {"~", "%"}, qualifier in {"?", "%"}
    if match["month"] is None:
        start = dt.date(year, 1, 1)
        return _Point(start, dt.date(year, 12, 31), Precision.YEAR, approximate, uncertain)
    code = int(match["month"])
    if match["day"] is None and code in _SUB_YEAR:
        first_month, months = _SUB_YEAR[code]
        start = dt.date(year, first_month, 1)
        end = start + relativedelta(months=months, days=-1)
        return _Point(start, end, Precision.SEASON, approximate, uncertain)
    try:
        start = dt.date(year, code, int(match["day"] or 1))
    except ValueError:
        msg = f"{text!r} is not a calendar date"
        raise ValueError(msg) from None
    if match["day"] is not None:
        return _Point(start, start, Precision.DAY, approximate, uncertain)
    end = start + relativedelta(months=1, days=-1)
    return _Point(start, end, Precision.MONTH, approximate, uncertain)


_OPEN = ".."


def _open_point(day: dt.date, other_end: str) -> _Point:
    """Return the open end of an interval: unbounded, as precise as the other end."""
    other = _parse_point(other_end)
    return _Point(day, day, other.precision, approximate=False, uncertain=False)


@functools.lru_cache(maxsize=4096)
def _parse(text: str) -> tuple[_Point, _Point | None]:
    """Parse *text* into its first point and, for an interval, its second."""
    if not isinstance(text, str):
        msg = f"an EDTF date must be a string, not {type(text).__name__}"
        raise TypeError(msg)
    first, slash, second = text.partition("/")
    if not slash:
        return _parse_point(first), None
    if first == second == _OPEN:
        msg = f"{text!r} is open at both ends"
        raise ValueError(msg)
    begin = _open_point(dt.date.min, second) if first == _OPEN else _parse_point(first)
    end = _open_point(dt.date.max, first) if second == _OPEN else _parse_point(second)
    if end.end < begin.start:
        msg = f"{text!r} ends before it starts"
        raise ValueError(msg)
    return begin, end


def _other(method: str, other: object) -> Date:
    """Return *other*, the Date that *method* compares with, or raise TypeError naming it."""
    if not isinstance(other, Date):
        function = f"Date.{method}"
        raise wrong_type(function, "other", "a Date", other)
    return other


@functools.total_ordering
@frozen
class Date:
    """
    A date as precise as its source: a day, a month, a season, a year or an interval.

    *edtf* is the date in the Extended Date/Time Format: ``2023`` (a year),
    ``2023-06`` (a month), ``2024-01-01`` (a day), ``2023-40`` (the first half
    of 2023), ``2024-01/2024-04`` (an interval), ``2019/..`` (from 2019 on);
    a trailing ``~`` marks an approximate date, ``?`` an uncertain one.
    :attr:`start` and :attr:`end` are the first and last days the source's
    wording allows.

    Dates order by ``(start, end)``, so a date that ends before another
    starts sorts before it.  :meth:`before`, :meth:`after` and :meth:`during`
    compare the intervals themselves.

    >>> half = Date("2023-40")
    >>> half.start, half.end, half.precision.name
    (datetime.date(2023, 1, 1), datetime.date(2023, 6, 30), 'SEASON')
    >>> Date("2023").before(Date("2024-01-01"))
    True

    .. versionadded:: 0.1
    """

    edtf: str = field()
    """The date as its source gives it, in EDTF."""
    start: dt.date = field(init=False, repr=False, eq=False)
    """The first day the date allows."""
    end: dt.date = field(init=False, repr=False, eq=False)
    """The last day the date allows."""
    precision: Precision = field(init=False, repr=False, eq=False)
    """How precisely the source dates it; an interval has its coarser end's precision."""
    approximate: bool = field(init=False, repr=False, eq=False)
    """Whether the source marks it as approximate (``~``)."""
    uncertain: bool = field(init=False, repr=False, eq=False)
    """Whether the source marks it as uncertain (``?``)."""

    def __attrs_post_init__(self) -> None:
        first, second = _parse(self.edtf)
        last = second or first
        # attrs' own frozen classes set derived fields this way.
        setter = object.__setattr__
        setter(self, "start", first.start)
        setter(self, "end", last.end)
        setter(self, "precision", max(first.precision, last.precision))
        setter(self, "approximate", first.approximate or last.approximate)
        setter(self, "uncertain", first.uncertain or last.uncertain)

    @property
    def is_interval(self) -> bool:
        """Whether the source gave a range of two dates."""
        return "/" in self.edtf

    def before(self, other: Date) -> bool:
        """Return whether this date ends before *other* starts."""
        return self.end < _other("before", other).start

    def after(self, other: Date) -> bool:
        """Return whether this date starts after *other* ends."""
        return self.start > _other("after", other).end

    def during(self, other: Date) -> bool:
        """Return whether every day this date allows lies within *other*."""
        other = _other("during", other)
        return other.start <= self.start and self.end <= other.end

    def overlaps(self, other: Date) -> bool:
        """Return whether this date and *other* share at least one day."""
        other = _other("overlaps", other)
        return self.start <= other.end and other.start <= self.end

    def _key(self) -> tuple[dt.date, dt.date, str]:
        return (self.start, self.end, self.edtf)

    def __lt__(self, other: Any) -> bool:
        if not isinstance(other, Date):
            return NotImplemented
        return self._key() < other._key()

    def __str__(self) -> str:
        return self.edtf

    @property
    def words(self) -> str:
        """
        The date as a reader would say it, as precise as its source and no more.

        >>> [Date(edtf).words for edtf in ("2023-40", "2024-01/2024-04", "2012/..", "2023-12")]
        ['the first half of 2023', 'January to April 2024', 'from 2012 on', 'December 2023']

        .. versionadded:: 0.1
        """
        return in_words(self)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip
_ORDINALS = ("first", "second", "third", "fourth")
_SOUTH = " (southern hemisphere)"
#: How sub-year groupings read, by code: ``{year}`` is the date's year and
#: ``{next}`` the following one, for the seasons that run into it.  Seasons
#: are named as the source codes them, so a southern spring stays "spring".
_SUB_YEAR_WORDS: dict[int, str] = {
    **dict.fromkeys((21, 25), "spring {year}"), **dict.fromkeys((22, 26), "summer {year}"),
    **dict.fromkeys((23, 27), "autumn {year}"), **dict.fromkeys((24, 28), "winter {year}–{next}"),
    29: "spring {year}" + _SOUTH, 30: "summer {year}–{next}" + _SOUTH,
    31: "autumn {year}" + _SOUTH, 32: "winter {year}" + _SOUTH,
    **{33 + n: f"the {_ORDINALS[n]} quarter of {{year}}" for n in range(4)},
    **{37 + n: f"the {_ORDINALS[n]} third of {{year}}" for n in range(3)},
    40: "the first half of {year}", 41: "the second half of {year}",
}  # fmt: skip
#: Sub-year groupings whose words are "<name> <year>", so that an interval
#: within one year can say the year once ("spring to autumn 2023").
_NAMED_SEASONS = frozenset({21, 22, 23, 25, 26, 27})


def _point_words(text: str, *, year: bool = True) -> str:
    """Return one end of a date in words; without *year*, leave its year out."""
    match = _POINT.fullmatch(text)
    if match is None:  # pragma: no cover - Date has parsed it already
        return text
    number, month, day = int(match["year"]), match["month"], match["day"]
    shown = str(number) if year else ""
    if month is None:
        words = shown
    elif day is not None:
        words = f"{int(day)} {_MONTHS[int(month) - 1]} {shown}"
    elif int(month) in _SUB_YEAR:
        words = _SUB_YEAR_WORDS[int(month)].format(year=shown, next=number + 1)
    else:
        words = f"{_MONTHS[int(month) - 1]} {shown}"
    words = words.strip()
    qualifier = match["qualifier"] or ""
    if qualifier in {"~", "%"}:
        words = f"about {words}"
    if qualifier in {"?", "%"}:
        words = f"{words} (uncertain)"
    return words


def _interval_words(first: str, second: str) -> str:
    """Return a closed interval in words, saying the year once when both ends share it."""
    if first == second:
        return _point_words(first)
    start, end = _POINT.fullmatch(first), _POINT.fullmatch(second)
    if start is None or end is None:  # pragma: no cover - Date has parsed it already
        return f"{first} to {second}"
    if start["year"] == end["year"] and not start["qualifier"] and end["month"] is not None:
        if start["day"] is not None and end["day"] is not None and start["month"] == end["month"]:
            return f"{int(start['day'])} to {_point_words(second)}"  # 1 to 15 January 2024
        month = int(start["month"] or 0)
        if start["day"] is not None or 1 <= month <= 12 or month in _NAMED_SEASONS:  # noqa: PLR2004
            return f"{_point_words(first, year=False)} to {_point_words(second)}"
    return f"{_point_words(first)} to {_point_words(second)}"


def in_words(date: Date) -> str:
    """Return *date* as a reader would say it: "the first half of 2023", "from 2012 on"."""
    first, slash, second = date.edtf.partition("/")
    if not slash:
        return _point_words(first)
    if second == _OPEN:
        return f"from {_point_words(first)} on"
    if first == _OPEN:
        return f"until {_point_words(second)}"
    return _interval_words(first, second)


def as_date(value: object, function: str, parameter: str) -> Date | None:
    """
    Return the date parameter *parameter* of *function* as a :class:`Date`, or ``None``.

    A date parameter takes a :class:`Date`, an EDTF string (``"2023-06"``),
    a year as an int (``2023`` is ``"2023"``, the whole year) or a
    :class:`datetime.date` (that day; a datetime's time is dropped).
    """
    if value is None or isinstance(value, Date):
        return value
    text: str | None = None
    if isinstance(value, str):
        text = value
    elif isinstance(value, int) and not isinstance(value, bool):
        text = f"{value:04d}" if 1 <= value <= 9999 else f"year {value}"  # noqa: PLR2004
    elif isinstance(value, dt.date):
        text = value.isoformat()[:10]
    if text is None:
        msg = (
            f"{function}(): {parameter} must be a Date, an EDTF string such as '2023-06', "
            f"a year (int) or a datetime.date, not {type(value).__name__}"
        )
        raise TypeError(msg)
    try:
        return Date(text)
    except ValueError as error:
        msg = f"{function}(): {parameter}: {error}"
        raise ValueError(msg) from None
