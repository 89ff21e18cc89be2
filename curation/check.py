"""Check a curation staging file: quotes verbatim, and every number covered or explained."""

import json
import re
import sys
from pathlib import Path

WORDS = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fifteen|twenty|thirty|forty|fifty|sixty|hundred|thousand|million|billion|half|first|second|third|fourth|fifth|decade|dozen"


def texts(article_id):
    return Path(f"/tmp/article-{article_id}.txt").read_text(encoding="utf-8")


def main(path):
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    article = data["article"]
    text = texts(article)
    failures, quotes = [], []
    for section, records in data.items():
        if not isinstance(records, list) or section in ("conflicts_noted", "numbers_not_facts", "countries_needed"):
            continue
        for record in records:
            if not record.get("sources"):
                failures.append(f"{section}/{record.get('id')}: no sources")
            for source in record.get("sources", []):
                other, quote = (article, source) if isinstance(source, str) else (source["article"], source["quote"])
                if quote not in texts(other):
                    failures.append(f"{section}/{record.get('id')}: quote not verbatim in {other}: {quote!r}")
                if other == article:
                    quotes.append(quote)
    covered = []
    for passage in quotes + [item["text"] for item in data.get("numbers_not_facts", [])]:
        start = text.find(passage)
        while passage and start != -1:
            covered.append((start, start + len(passage)))
            start = text.find(passage, start + 1)
    for match in re.finditer(rf"\d[\d,.]*\d|\d|\b(?:{WORDS})\w*\b", text, flags=re.IGNORECASE):
        start, end = match.span()
        if any(lo <= start and end <= hi for lo, hi in covered):
            continue
        context = text[max(0, start - 30): end + 30].replace("\n", " ")
        failures.append(f"uncovered number {match.group(0)!r}: ...{context}...")
    for item in data.get("numbers_not_facts", []):
        if item["text"] not in text:
            failures.append(f"numbers_not_facts text not verbatim: {item['text']!r}")
    print("\n".join(failures) or "OK")
    print(f"{len(failures)} problem(s)")


if __name__ == "__main__":
    main(sys.argv[1])
