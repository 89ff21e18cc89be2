"""
Merge the per-article curation files in ``curation/`` into the bundled data.

Each ``curation/<article-id>.json`` holds the records one article supports
(see ``curation/INSTRUCTIONS.md``).  A record several articles support under
one id is merged: an organization or corridor pools its sources and aliases
and takes each field from whichever article states it; any other record
(an event, a membership) must state the same facts in every file, and only
its sources are pooled.  Different facts under one id are a clash.  A field
of an organization or corridor that the articles state differently (the
SCO's founding year) is left empty on the merged record and printed, so that
the disagreement is recorded as a Conflict by hand rather than settled here.

Running it again changes nothing: the merge starts from the data files, and
a disputed field is emptied again because the files that state it still
disagree.  A field emptied by hand, with no two files disagreeing, would be
filled again.

Run ``python tools/merge_curation.py`` and review ``git diff`` before committing.
"""

from __future__ import annotations

import json
import pathlib
import sys
from typing import Any

ROOT = pathlib.Path(__file__).parent.parent
CURATION = ROOT / "curation"
DATA = ROOT / "src" / "centralasia" / "data"

#: Records merged by id across articles; every other kind must have unique ids.
SHARED = ("organizations", "corridors")
#: Fields pooled when several articles state them.
POOLED = ("aliases", "sources")


def _citations(article: str, sources: list[Any]) -> list[dict[str, str]]:
    return [
        {"article": article, "quote": source} if isinstance(source, str) else source
        for source in sources
    ]


def _pool(existing: dict[str, Any], new: dict[str, Any], key: str) -> None:
    """Add to *existing*'s list under *key* the items of *new*'s it does not hold yet."""
    pooled = existing.get(key, [])
    existing[key] = pooled + [item for item in new[key] if item not in pooled]


def _merge(existing: dict[str, Any], new: dict[str, Any], disagreements: list[str]) -> None:
    for key, value in new.items():
        if key in POOLED:
            _pool(existing, new, key)
        elif existing.get(key) in (None, [], "") and key not in existing.get("_disputed", []):
            existing[key] = value
        elif value not in (None, [], "") and value != existing[key]:
            disagreements.append(f"{existing['id']}.{key}: {existing[key]!r} vs {value!r}")
            existing.setdefault("_disputed", []).append(key)
            existing[key] = None


def _organization(record: dict[str, Any]) -> dict[str, Any]:
    return {key: record.get(key) for key in (
        "id", "name", "kind", "sources", "acronym", "aliases", "country", "founded", "predecessor",
    )}  # fmt: skip


def _corridor(record: dict[str, Any]) -> dict[str, Any]:
    return {key: record.get(key) for key in (
        "id", "name", "kind", "countries", "sources", "aliases", "status", "status_as_of",
        "length_km",
    )}  # fmt: skip


def _event(record: dict[str, Any]) -> dict[str, Any]:
    fields = ("id", "date", "summary", "sources", "countries", "organizations", "corridors")
    event = {key: record.get(key) or [] for key in fields}
    event["date"], event["summary"] = record["date"], record["summary"]
    event["people"] = [
        {"name": person["name"], "role": person.get("role")} for person in record.get("people", [])
    ]
    return event


def _finance(record: dict[str, Any], countries: set[str]) -> dict[str, Any]:
    senders = record.get("from") or []
    return {
        "id": record["id"],
        "kind": record["kind"],
        "description": record["description"],
        "sources": record["sources"],
        "from_countries": [s for s in senders if s in countries],
        "from_organizations": [s for s in senders if s not in countries],
        "to_countries": record.get("to") or [],
        "recipients_text": record.get("to_text"),
        "amount": record.get("amount"),
        "amount_qualifier": record.get("amount_qualifier") or "exact",
        "period": record.get("period"),
    }


def _measurement(record: dict[str, Any]) -> dict[str, Any]:
    keep = ("id", "quantity", "value", "unit", "description", "sources", "qualifier",
            "countries", "organizations", "as_of")  # fmt: skip
    measurement = {key: record.get(key) for key in keep}
    measurement["qualifier"] = measurement["qualifier"] or "exact"
    measurement["countries"] = measurement["countries"] or []
    measurement["organizations"] = measurement["organizations"] or []
    return measurement


def _facts(record: dict[str, Any]) -> dict[str, Any]:
    """What a record states, apart from who states it."""
    return {key: value for key, value in _strip_none(record).items() if key != "sources"}


def _strip_none(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if value is not None and key != "_disputed"}


def main() -> int:
    """Merge the curation files into the data files; return 1 if any id clashes."""
    data = {stem: json.loads((DATA / f"{stem}.json").read_text(encoding="utf-8"))
            for stem in ("countries", "organizations", "corridors", "memberships", "events",
                         "loans", "finance", "measurements")}  # fmt: skip
    by_id = {stem: {record["id"]: record for record in records} for stem, records in data.items()}
    country_ids = set(by_id["countries"])
    disagreements: list[str] = []
    clashes: list[str] = []
    shapers = {"organizations": _organization, "corridors": _corridor, "events": _event,
               "measurements": _measurement}  # fmt: skip
    for path in sorted(CURATION.glob("*.json")):
        staged = json.loads(path.read_text(encoding="utf-8"))
        article = staged["article"]
        for needed in staged.get("countries_needed", []):
            code = needed["alpha_2"]
            by_id["countries"].setdefault(code.lower(), {
                "id": code.lower(), "name": needed["name"], "alpha_2": code,
                "alpha_3": needed.get("alpha_3"), "aliases": [],
            })  # fmt: skip
        for stem in ("organizations", "corridors", "memberships", "events", "loans", "finance",
                     "measurements"):  # fmt: skip
            for record in staged.get(stem, []):
                if stem == "finance":
                    shaped = _finance(record, country_ids)
                else:
                    shaped = shapers.get(stem, dict)(record)
                shaped["sources"] = _citations(article, record["sources"])
                known = by_id[stem].get(shaped["id"])
                if known is None:
                    by_id[stem][shaped["id"]] = shaped
                elif stem in SHARED:
                    _merge(known, shaped, disagreements)
                elif _facts(known) == _facts(shaped):
                    _pool(known, shaped, "sources")
                else:
                    clashes.append(f"{stem}/{shaped['id']} in {path.name}")
    for stem, records in by_id.items():
        text = json.dumps([_strip_none(r) for r in records.values()], ensure_ascii=False, indent=2)
        (DATA / f"{stem}.json").write_text(text + "\n", encoding="utf-8")
    print("\n".join(f"disagreement (record as a Conflict): {d}" for d in disagreements))
    print("\n".join(f"id clash (rename one): {c}" for c in clashes))
    return 1 if clashes else 0


if __name__ == "__main__":
    sys.exit(main())
