"""Write the "Dataset contents" page from the bundled data, so it cannot drift from it."""

from __future__ import annotations

import pathlib

import attrs

import centralasia as ca
from centralasia._schema import KINDS

COLLECTIONS = (
    ("articles", "Articles"), ("countries", "Countries"), ("organizations", "Organizations"),
    ("corridors", "Corridors and infrastructure"), ("memberships", "Memberships"),
    ("events", "Events"), ("loans", "Debt figures"), ("finance", "Finance"),
    ("measurements", "Other figures"), ("statements", "Statements"),
    ("conflicts", "Conflicts"),
)  # fmt: skip
#: The collections whose records cite articles, read from the schema.
CITING = tuple(kind.collection for kind in KINDS if "sources" in attrs.fields_dict(kind.cls))


def _label(record: object) -> str:
    for name in ("title", "name", "summary", "topic", "description"):
        value = getattr(record, name, None)
        if value:
            return str(value).replace("|", "\\|").replace("\n", " ")
    if isinstance(record, ca.Article):
        return "(untitled) by " + ", ".join(record.authors)
    return ""


def _count(dataset: ca.Dataset, record: object) -> int | str:
    """Citations of a record; records citing an article; records on the sides of a conflict."""
    if isinstance(record, ca.Country):
        return f"reference data ({record.reference})"
    if isinstance(record, ca.Article):
        profile = dataset.about(record)
        return sum(len(getattr(profile, stem)) for stem in CITING)
    if isinstance(record, ca.Conflict):
        return f"{record.kind.value}, {len(record.records)}"
    return len(getattr(record, "sources", ()))


def render() -> str:
    """Return the page as Markdown."""
    dataset = ca.load()
    lines = [
        "# Dataset contents",
        "",
        "Generated from the bundled data when the documentation is built.",
        "",
        "| Type | Records |",
        "| --- | ---: |",
    ]
    lines += [f"| {title} | {len(getattr(dataset, stem))} |" for stem, title in COLLECTIONS]
    for stem, title in COLLECTIONS:
        records = getattr(dataset, stem)
        lines += ["", f"## {title}", ""]
        if not records:
            lines.append("None yet.")
            continue
        counted = {"articles": "records citing it", "countries": "source",
                   "conflicts": "kind, records in dispute"}.get(stem, "citations")  # fmt: skip
        lines += [f"| id | what | {counted} |", "| --- | --- | ---: |"]
        lines += [
            f"| `{record.id}` | {_label(record)} | {_count(dataset, record)} |"
            for record in records
        ]
    return "\n".join(lines) + "\n"


def write(folder: pathlib.Path) -> None:
    """Write the page into *folder* as ``contents.md``."""
    folder.mkdir(exist_ok=True)
    (folder / "contents.md").write_text(render(), encoding="utf-8")
