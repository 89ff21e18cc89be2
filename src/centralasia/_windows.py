"""
Date windows: which records :meth:`Collection.between` keeps, through an index by start date.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from typing import Any

from centralasia._criteria import attribute_of, category
from centralasia._dates import Date
from centralasia._schema import Kind

__all__ = ["DateIndex", "date_attribute", "index_dates", "within"]

#: A date attribute's index: the sorted start days and the positions of their records.
DateIndex = tuple[list[dt.date], tuple[int, ...]]


def date_attribute(kind: Kind[Any], attribute: str | None) -> str:
    """Return the date attribute records of *kind* are dated by: *attribute*, or their main date."""
    if attribute is not None:
        if category(attribute_of(kind, attribute)) != "date":
            msg = f"{kind.name} records' {attribute!r} is not a date"
            raise TypeError(msg)
        return attribute
    if kind.date is None:
        msg = f"{kind.name} records have no date; name one with attribute="
        raise TypeError(msg)
    return kind.date


def index_dates(items: Sequence[Any], name: str) -> DateIndex:
    """Return the index of the dated *items* by the start of their date *name*."""
    dated = []
    for number, item in enumerate(items):
        date = getattr(item, name)
        if date is not None:
            dated.append((date.start, number))
    dated.sort()
    return [start for start, _ in dated], tuple(number for _, number in dated)


def within(
    items: Sequence[Any],
    index: DateIndex,
    name: str,
    window: tuple[Date | None, Date | None],
    *,
    partly: bool,
) -> list[int]:
    """Return, in order, the positions of *items* whose date *name* is within *window*."""
    first_date, last_date = window
    window_start = None if first_date is None else first_date.start
    window_end = None if last_date is None else last_date.end
    starts, numbers = index
    # Candidates by start date through the index; their ends are checked.
    last = len(starts) if window_end is None else bisect.bisect_right(starts, window_end)
    first = 0 if window_start is None or partly else bisect.bisect_left(starts, window_start)
    kept = []
    for number in numbers[first:last]:
        date: Date = getattr(items[number], name)
        if partly:
            inside = window_start is None or date.end >= window_start
        else:
            inside = window_end is None or date.end <= window_end
        if inside:
            kept.append(number)
    return sorted(kept)
