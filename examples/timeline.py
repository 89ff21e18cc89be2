"""
A timeline of China's relations with Central Asia, printed and drawn.

Each event is drawn as a span from the first to the last day its date allows,
so "2022" is a whole year wide and "7 June 2022" a single day: the chart shows
how precisely each source dates what it reports.  Open-ended dates ("since
2012") and uncertain ones (a year the article does not state) are hatched.  Writes ``timeline.png``
(needs matplotlib: ``pip install matplotlib``).

Run it with ``python examples/timeline.py [--from DATE] [--to DATE] [--country X] [--out DIR]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import pathlib
import textwrap

import centralasia as ca

OUTPUT = pathlib.Path(__file__).parent / "output"


def print_timeline(events: ca.Collection[ca.Event]) -> None:
    """Print each event with its date, its precision and its first source."""
    for event in events:
        precision = event.date.precision.name.lower()
        source = event.sources[0].article.id
        print(f"{event.date.edtf:<12} ({precision:<6}) {event.summary}  [{source}]")


def draw(events: ca.Collection[ca.Event], title: str, path: pathlib.Path) -> None:
    """Draw each event as a span over the days its date allows, labelled by its summary."""
    import matplotlib as mpl  # noqa: PLC0415 - an optional extra, needed only here

    mpl.use("Agg")
    import matplotlib.dates as mdates  # noqa: PLC0415
    import matplotlib.pyplot as plt  # noqa: PLC0415

    # An open-ended date ("since 2012", EDTF 2012/..; "by June 2022", ../2022-06) runs to
    # the chart's edge.
    last_day = max(event.date.end for event in events if event.date.end < dt.date.max)
    first_day = min(event.date.start for event in events if event.date.start > dt.date.min)
    figure, axis = plt.subplots(figsize=(15, 1.2 + 0.42 * len(events)))
    for row, event in enumerate(events):
        open_ended = event.date.end == dt.date.max or event.date.start == dt.date.min
        end = min(event.date.end, last_day)
        start = mdates.date2num(max(event.date.start, first_day))
        width = mdates.date2num(end + dt.timedelta(days=1)) - start
        inferred = any(inference.field == "date" for inference in event.inferred)
        hatch = "//" if open_ended or event.date.uncertain or inferred else None
        axis.broken_barh(
            [(start, width)], (row - 0.3, 0.6), facecolor="#4f81bd", edgecolor="white", hatch=hatch
        )
        axis.plot([start + width / 2], [row], marker="|", markersize=12, color="#1f3b63")
    labels = [textwrap.shorten(f"{event.date.words}: {event.summary}", 90) for event in events]
    axis.set_yticks(range(len(events)), labels, fontsize=8)
    axis.set_ylim(len(events) - 0.5, -0.5)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=16)
    axis.xaxis.set_major_locator(locator)
    axis.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    axis.grid(axis="x", alpha=0.3)
    axis.set_title(
        title + "\nbar width: how precisely the source dates the event;"
        " hatched: open-ended, uncertain, or inferred from context"
    )
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)


def main() -> None:
    """Print the timeline and draw it."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].strip())
    parser.add_argument("--from", dest="start", help="EDTF date, e.g. 2013")
    parser.add_argument("--to", dest="end", help="EDTF date, e.g. 2022-06")
    parser.add_argument("--country", help="only events involving this country")
    parser.add_argument(
        "--out", type=pathlib.Path, default=pathlib.Path(__file__).parent / "output"
    )
    arguments = parser.parse_args()
    country = ca.countries.get(arguments.country) if arguments.country else None
    events = ca.timeline(arguments.start, arguments.end, country=country)
    title = "China and Central Asia" + (f": {country.name}" if country else "")
    print(f"{title}, {len(events)} events in date order:\n")
    print_timeline(events)
    if not events:
        return
    if importlib.util.find_spec("matplotlib") is None:
        print("\nNo chart drawn: install matplotlib with pip install matplotlib.")
        return
    arguments.out.mkdir(parents=True, exist_ok=True)
    draw(events, title, arguments.out / "timeline.png")
    print(f"\nChart written to {arguments.out / 'timeline.png'}")


if __name__ == "__main__":
    main()
