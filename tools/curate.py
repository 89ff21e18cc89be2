"""
Curate an article: number a seed's lines, list what no record covers yet, account for sentences.

The records live once, in ``src/centralasia/data/*.json``.  Beside them,
``curation/<article-id>.json`` explains the numbers and dates of one article
that are not facts (a year in a publication line, an ordinal in an argument)::

    {"article": "<article-id>",
     "explained": [{"text": "<verbatim passage>", "reason": "<why it is no fact>"}]}

A passage that is one or more whole sentences also excludes them from the
sentence coverage: its reason, a sentence, says why they carry no checkable
claim (see ``exclusions``).

Run it from a clone with the package installed from that clone
(``pip install -e .``); every path is found from this file's place in the
repository::

    python tools/curate.py lines 003_97158e6490a113a8.txt
    python tools/curate.py uncovered kaleji-debt-trap
    python tools/curate.py coverage kaleji-debt-trap --open
    python tools/curate.py check

``docs/contributing.md`` gives the workflow.  ``tests/test_coverage.py``
imports this module, so the tool and the test match numbers, dates and names
in one way.
"""

from __future__ import annotations

import argparse
import collections
import functools
import itertools
import json
import os
import pathlib
import re
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import centralasia as ca

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "centralasia" / "data"
SEEDS = ROOT / "seeds"
CURATION = ROOT / "curation"

#: The kinds of mention, in the order they are reported; names are reported, never enforced.
KINDS = ("number", "date", "name")
ENFORCED = frozenset({"number", "date"})

# Number words, also plural or adverb ("decades", "firstly"), as whole words:
# "tension" holds no "ten".
WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    "hundred|thousand|million|billion|trillion|half|halves|quarter|first|second|third|fourth|"
    "fifth|sixth|seventh|eighth|ninth|tenth|decade|dozen"
)
NUMBER = re.compile(rf"\d[\d,.]*\d|\d|\b(?:{WORDS})(?:s|ly)?\b", flags=re.IGNORECASE)

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_SEASON = r"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)"
_YEAR = r"(?<![\w.,$])(?:1[5-9]\d\d|20\d\d)(?:s\b|(?![\w%]|[.,]\d))"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?\b"
_RELATIVE = r"(?:[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Pp]revious|[Cc]oming|[Ss]ame|[Ff]irst)"
# "early", "mid-", "by the end of", "the first half of", "spring": what narrows a year or month.
_PART = (
    r"(?:(?:the\s+)?(?:(?:very\s+)?(?:[Ee]arly|[Mm]id|[Ll]ate)|[Ee]nd|[Bb]eginning|[Ss]tart|"
    r"[Mm]iddle|[Tt]urn|(?:first|second|third|fourth|last|latter)\s+(?:half|quarter))"
    rf"(?:\s+of)?[\s-]+|(?:the\s+)?{_SEASON}(?:\s+of)?\s+)"
)
DATE = re.compile(
    "|".join((
        # October 30, 2024 / October 30 / 30 October 2024 / Tuesday, October 30
        rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?",
        rf"(?:{_WEEKDAY},?\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?",
        # early 2024, the first half of 2023, mid-June 2023, June 2023, spring 2022
        rf"{_PART}?{_MONTH}(?:\s+of)?,?\s+{_YEAR}",
        rf"{_PART}?{_YEAR}",
        rf"{_PART}{_MONTH}",
        # a month alone; "May" only after "in", else it is the verb
        rf"(?<=\b[Ii]n\s){_MONTH}|(?!May\b){_MONTH}\b",
        # last year, earlier this year, next spring, the same month
        rf"(?:(?:earlier|later)\s+)?\b{_RELATIVE}\s+(?:year|month|week|{_SEASON}|decade)\b",
        rf"\b(?:[Tt]oday|[Yy]esterday|[Tt]omorrow|{_WEEKDAY})\b",
        # recently, in recent years, the coming years, over the past 22 years, to date
        r"\b(?:[Rr]ecently|[Cc]urrently|[Nn]owadays|to\s+date)\b",
        r"\b(?:[Ii]n\s+)?(?:[Rr]ecent|(?:the\s+)?[Cc]oming)\s+(?:years|months|weeks|days)\b",
        rf"\b{_RELATIVE}\s+(?:few|several|[\w,.]+)\s+(?:years|months|weeks|days|decades)\b",
    ))
)  # fmt: skip

# A name is a run of capitalised words ("Xi Jinping", "U.S.", "Export-Import Bank of China"),
# which lower-case joining words may link ("Belt and Road Initiative"); a possessive
# ends it ("Xi Jinping's BRI" is two names).
_WORD = r"(?<![\w’'.-])(?:(?:[A-Z]\.){2,}|[A-Z](?:[\w&+]|[-.’'](?=\w))*)"
_JOIN = r"(?:of|the|for|and|de|al|bin|on)"
WORD = re.compile(_WORD)
NAME = re.compile(rf"{_WORD}(?:(?<![’']s)[ \t]+(?:{_JOIN}[ \t]+)*{_WORD})*")
# Words that open a sentence and name nothing, though a title may capitalise them
# ("The Nation").  Any other word that opens a sentence is taken for a name only
# if the article also capitalises it inside a sentence: "China" is kept,
# "Allegations" and the heading "BACKGROUND:" are not.
_OPENER = re.compile(
    r"a|an|and|as|at|but|by|for|from|in|it|its|of|on|or|the|their|these|this|those|to|with",
    flags=re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"[’']s$")


class Mention(NamedTuple):
    """A number, date or name written in an article, at characters [start, end)."""

    kind: str
    start: int
    end: int
    text: str


def numbers(text: str) -> list[Mention]:
    """Return every run of digits and every number word of *text*."""
    return [Mention("number", m.start(), m.end(), m.group()) for m in NUMBER.finditer(text)]


def dates(text: str) -> list[Mention]:
    """Return every date expression of *text*: years, months, days, parts of them, "last year"."""
    return [Mention("date", m.start(), m.end(), m.group()) for m in DATE.finditer(text)]


def _opens_sentence(text: str, start: int) -> bool:
    """Tell whether the word at *start* opens a sentence, a line or a heading."""
    before = re.sub(r"(?:[^\S\n]|[*#\[(“”\"‘’)])+$", "", text[max(0, start - 100) : start])
    return not before or before[-1] in ".!?:;\n"


def names(text: str) -> list[Mention]:
    """Return every run of capitalised words of *text* that may be a name."""
    inside = {
        _POSSESSIVE.sub("", word.group())
        for word in WORD.finditer(text)
        if not _opens_sentence(text, word.start())
    }
    found = []
    for run in NAME.finditer(text):
        start, end = run.span()
        first = _POSSESSIVE.sub("", run.group().split()[0])
        if _opens_sentence(text, start) and (_OPENER.fullmatch(first) or first not in inside):
            rest = re.sub(rf"^\S+(?:\s+{_JOIN}\b)*\s*", "", run.group())
            start = end - len(rest)
        name = _POSSESSIVE.sub("", text[start:end])
        if name and name != "I":
            found.append(Mention("name", start, start + len(name), name))
    return found


def mentions(text: str) -> list[Mention]:
    """
    Return the numbers, dates and names of *text* in reading order.

    A number or month inside a date ("2023" and "first" in "the first half of
    2023", "May" in "May 14, 2024") is part of the date and not listed again; a
    date is covered only by a passage holding all of it, so a quote keeps the
    date's precision.
    """
    found_dates = dates(text)
    inside = [(date.start, date.end) for date in found_dates]
    found = [
        mention
        for mention in [*numbers(text), *map(functools.partial(_before_dates, inside), names(text))]
        if mention.text and not any(lo <= mention.start and mention.end <= hi for lo, hi in inside)
    ]
    return sorted([*found, *found_dates], key=lambda m: (m.start, KINDS.index(m.kind)))


def _before_dates(dates: list[tuple[int, int]], name: Mention) -> Mention:
    """Cut *name* where a date begins inside it ("Astana on Tuesday, May 14")."""
    end = min([lo for lo, _ in dates if name.start < lo < name.end], default=name.end)
    kept = re.sub(rf"(?:\s+{_JOIN})*\s*$", "", name.text[: end - name.start])
    return name._replace(end=name.start + len(kept), text=kept)


class Sentence(NamedTuple):
    """A sentence of an article (or a heading, a line on its own), at characters [start, end)."""

    start: int
    end: int
    text: str


# The sentence rule (chosen over pysbd, silent since 2021, and over NLTK's Punkt, which needs
# trained data, so that a reader can check each split by eye and a test pins it on the seeds):
# a sentence ends at ".", "!" or "?" (with any closing quote, bracket or "**" after it) that is
# followed by a space and a capital, a digit or an opening quote or bracket; and at a line break
# after such a mark, a colon or a heading ("## Flashback").  Any other line break is inside a
# sentence: the seeds break some across a blank line ("the New Silk Road" / "Initiative is").
# A period is no end after an abbreviation of the seeds ("U.S.", "e.g.", "i.e.") or a title
# ("Dr.", "Mr."), nor after a single initial ("A."); one inside a number ("3.775") is followed
# by no space.  "km" takes no period in the seeds, so it needs no rule.
_END = re.compile(r"[.!?][”\"’)\]*]*(?=[^\S\n]+[A-Z0-9“\"‘(\[*#])|\n")
_LINE_END = re.compile(r"(?:^#.*|[.!?:][”\"’)\]*]*)[^\S\n]*$")
ABBREVIATIONS = ("U.S.", "U.K.", "e.g.", "i.e.", "Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "St.", "No.")
_INITIAL = re.compile(r"(?:^|[\s(“\"])[A-Z]\.$")


def _ends(text: str, end: re.Match[str]) -> bool:
    """Tell whether the mark or line break *end* ends a sentence of *text*."""
    if end.group() == "\n":
        line = text[text.rfind("\n", 0, end.start()) + 1 : end.start()]
        return bool(_LINE_END.search(line))
    return not (
        text[: end.start() + 1].endswith(ABBREVIATIONS)
        or _INITIAL.search(text, max(0, end.start() - 2), end.start() + 1)
    )


def sentences(text: str) -> list[Sentence]:
    """Return the sentences of *text* in reading order, by the rule written above."""
    ends = [end.end() for end in _END.finditer(text) if _ends(text, end)]
    found = []
    for start, end in itertools.pairwise([0, *ends, len(text)]):
        stripped = text[start:end].strip()
        if stripped:
            first = start + text[start:end].index(stripped)
            found.append(Sentence(first, first + len(stripped), stripped))
    return found


def _objects(value: Any) -> Iterator[dict[str, Any]]:
    """Yield every JSON object in *value*, however deeply nested."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _objects(item)
    elif isinstance(value, list):
        for item in value:
            yield from _objects(item)


def _data_files(data: pathlib.Path) -> Iterator[Any]:
    for path in sorted(data.glob("*.json")):
        yield json.loads(path.read_text(encoding="utf-8"))


@functools.cache
def citations(data: pathlib.Path = DATA) -> dict[str, tuple[str, ...]]:
    """
    Return every quote in the data files, by article id.

    A quote is any ``{"article": ..., "quote": ...}`` object at any depth
    (a record's ``sources``, an inference's ``source``...), so no record kind
    or field is missed.
    """
    quotes: dict[str, list[str]] = {}
    for objects in map(_objects, _data_files(data)):
        for obj in objects:
            if isinstance(obj.get("article"), str) and isinstance(obj.get("quote"), str):
                quotes.setdefault(obj["article"], []).append(obj["quote"])
    return {article: tuple(found) for article, found in quotes.items()}


@functools.cache
def record_names(data: pathlib.Path = DATA) -> frozenset[str]:
    """Return every name, official name, acronym and alias in the data files, case-folded."""
    known: set[str] = set()
    for objects in map(_objects, _data_files(data)):
        for obj in objects:
            for key in ("name", "official_name", "acronym"):
                if isinstance(obj.get(key), str):
                    known.add(obj[key].casefold())
            known.update(alias.casefold() for alias in obj.get("aliases") or ())
    return frozenset(known)


def explanation_path(article_id: str, curation: pathlib.Path = CURATION) -> pathlib.Path:
    """Return the path of the file explaining *article_id*'s numbers and dates."""
    return curation / f"{article_id}.json"


def explanations(article_id: str, curation: pathlib.Path = CURATION) -> list[dict[str, str]]:
    """
    Return the explained passages of *article_id*.

    A missing or malformed file explains nothing; :func:`explanation_problems`
    says what is wrong with it.
    """
    try:
        content = json.loads(explanation_path(article_id, curation).read_text(encoding="utf-8"))
        return [item for item in content["explained"] if isinstance(item.get("text"), str)]
    except (OSError, ValueError, LookupError, TypeError, AttributeError):
        return []


def _spans(text: str, passages: Iterable[str]) -> list[tuple[int, int]]:
    """Return where each of *passages* occurs in *text*, every occurrence."""
    spans = []
    for passage in passages:
        start = text.find(passage)
        while passage and start != -1:
            spans.append((start, start + len(passage)))
            start = text.find(passage, start + 1)
    return spans


def _covered_name(name: str, known: frozenset[str]) -> bool:
    """Tell whether *name* is a record's name, or names joined by "and" ("Russia and China")."""
    parts = re.split(r"\s+and\s+", name)
    covered = {0}  # how many leading parts are known names, joined by "and" as needed
    for end in range(1, len(parts) + 1):
        if any(
            _POSSESSIVE.sub("", " and ".join(parts[start:end])).casefold() in known
            for start in covered
        ):
            covered.add(end)
    return len(parts) in covered


def uncovered(
    article: ca.Article,
    data: pathlib.Path = DATA,
    curation: pathlib.Path = CURATION,
    *,
    passages: Sequence[str] | None = None,
) -> list[Mention]:
    """
    Return the mentions of *article*'s text that nothing covers.

    A mention is covered when it lies inside a quote of the article (in any
    data file) or inside one of its explained passages (or of *passages*, if
    given); a name also when it is a record's name, acronym or alias.
    """
    explained = (
        [item["text"] for item in explanations(article.id, curation)]
        if passages is None
        else list(passages)
    )
    spans = _spans(article.text, [*citations(data).get(article.id, ()), *explained])
    known = record_names(data)
    return [
        mention
        for mention in mentions(article.text)
        if not any(lo <= mention.start and mention.end <= hi for lo, hi in spans)
        and not (mention.kind == "name" and _covered_name(mention.text, known))
    ]


#: How a sentence is accounted for, in the order they are counted.
SUPPORTED, EXPLAINED, OPEN = "supported", "explained", "open"
# A claim put in someone's mouth ("X has warned", "according to Y"): a statement with its speaker.
# ("states" and "state" are left out: in the seeds they are the nouns, "Central Asian states").
ATTRIBUTION = re.compile(
    r"\b(?:according to|said|says|stated|warned|warns|claimed|claims|argued|argues|dismiss|"
    r"dismisses|dismissed|told|announced|declared|proclaims|proclaimed|insisted|stressed|"
    r"emphasi[sz]ed|pointed out|believes|believe|acknowledged|demonstrates|allegations|"
    r"ha(?:s|ve)(?: long)? (?:expressed|highlighted))\b",
    flags=re.IGNORECASE,
)
# A reason is a sentence of its own: a capital, at least four words, a full stop.
_REASON = re.compile(r"[A-Z“\"'‘(][^\n]*\S(?:\s+\S+){3,}[.)]")


def _whole(text: str, passage: str, found: list[Sentence]) -> list[list[Sentence]]:
    """Return, for each occurrence of *passage* that is whole sentences, those sentences."""
    starts = {sentence.start for sentence in found}
    ends = {sentence.end for sentence in found}
    return [
        [sentence for sentence in found if lo <= sentence.start and sentence.end <= hi]
        for lo, hi in _spans(text, [passage])
        if lo in starts and hi in ends
    ]


def exclusions(
    article: ca.Article, curation: pathlib.Path = CURATION
) -> list[tuple[dict[str, str], list[Sentence]]]:
    """
    Return the explained passages of *article* that are whole sentences, each with them.

    An explained passage that starts and ends where sentences do says that
    those sentences carry no checkable claim; a shorter one only explains the
    numbers and dates it holds.
    """
    found = sentences(article.text)
    excluded = []
    for item in explanations(article.id, curation):
        covered = [s for whole in _whole(article.text, item["text"], found) for s in whole]
        if covered:
            excluded.append((item, covered))
    return excluded


def sentence_coverage(
    article: ca.Article,
    data: pathlib.Path = DATA,
    curation: pathlib.Path = CURATION,
) -> list[tuple[Sentence, str]]:
    """
    Return each sentence of *article* with how it is accounted for.

    A sentence is :data:`SUPPORTED` when a quote of the article (in any data
    file) overlaps it, :data:`EXPLAINED` when an explained passage holds it
    whole, and :data:`OPEN` otherwise.
    """
    quoted = _spans(article.text, citations(data).get(article.id, ()))
    excluded = {sentence for _, covered in exclusions(article, curation) for sentence in covered}
    return [
        (
            sentence,
            SUPPORTED
            if any(lo < sentence.end and sentence.start < hi for lo, hi in quoted)
            else EXPLAINED
            if sentence in excluded
            else OPEN,
        )
        for sentence in sentences(article.text)
    ]


def short(passage: str, width: int = 70) -> str:
    """Return *passage* cut to *width* characters, with "..." where it was cut."""
    return passage if len(passage) < width else passage[: width - 3] + "..."


def exclusion_problems(
    article: ca.Article,
    data: pathlib.Path = DATA,
    curation: pathlib.Path = CURATION,
) -> list[str]:
    """
    Return what is wrong with the sentences *article*'s explanation file excludes.

    An excluded sentence must need its exclusion (no quote overlaps it), its
    reason must be a sentence, and it may hide no checkable fact: each of its
    numbers and dates is explained by a shorter passage of its own or quoted,
    and it puts no claim in anyone's mouth (that is a statement with its
    speaker).
    """
    path = _shown(explanation_path(article.id, curation))
    quoted = _spans(article.text, citations(data).get(article.id, ()))
    partial = [
        item["text"]
        for item in explanations(article.id, curation)
        if not _whole(article.text, item["text"], sentences(article.text))
    ]
    open_mentions = uncovered(article, data, curation, passages=partial)
    problems = []
    for item, covered in exclusions(article, curation):
        shown = short(item["text"])
        if not _REASON.fullmatch(item.get("reason", "").strip()):
            problems.append(f"{path}: the reason for {shown!r} is not a sentence")
        for sentence in covered:
            if any(lo < sentence.end and sentence.start < hi for lo, hi in quoted):
                problems.append(f"{path}: a record quotes {shown!r}; drop its exclusion")
            hidden = [
                m.text
                for m in open_mentions
                if m.kind in ENFORCED and sentence.start <= m.start and m.end <= sentence.end
            ]
            if hidden:
                problems.append(f"{path}: {shown!r} hides {', '.join(map(repr, hidden))}")
            said = ATTRIBUTION.search(sentence.text)
            if said:
                problems.append(
                    f"{path}: {shown!r} attributes a claim ({said.group()!r}): make it a statement"
                )
    return problems


def _shown(path: pathlib.Path) -> pathlib.Path:
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def explanation_problems(
    articles: Iterable[ca.Article],
    curation: pathlib.Path = CURATION,
    *,
    every_file: bool = True,
) -> list[str]:
    """
    Return what is wrong with the explanation files of *articles*.

    Each article needs a file, and with *every_file* each file an article;
    each passage must occur in its article's text, hold a number or date or
    be whole sentences, and give a reason.
    """
    texts = {article.id: article.text for article in articles}
    problems = [
        f"{_shown(path)}: there is no article {path.stem!r}"
        for path in sorted(curation.glob("*.json"))
        if every_file and path.stem not in texts
    ]
    for article_id, text in texts.items():
        path = explanation_path(article_id, curation)
        if not path.is_file():
            empty = json.dumps({"article": article_id, "explained": []})
            problems.append(f"{_shown(path)}: missing; start it as {empty}")
            continue
        try:
            content = json.loads(path.read_text(encoding="utf-8"))
            if content != {"article": article_id, "explained": content["explained"]}:
                problems.append(
                    f"{_shown(path)}: must hold 'article': {article_id!r} and 'explained'"
                )
            for item in content["explained"]:
                passage, reason = item["text"], item["reason"]
                if passage not in text:
                    problems.append(f"{_shown(path)}: passage not in the article: {passage!r}")
                elif not any(mention.kind in ENFORCED for mention in mentions(passage)) and not (
                    _whole(text, passage, sentences(text))
                ):
                    # Nor is it whole sentences (see `exclusions`).
                    problems.append(f"{_shown(path)}: passage holds no number or date: {passage!r}")
                if not reason.strip():
                    problems.append(f"{_shown(path)}: no reason given for {passage!r}")
        except (ValueError, LookupError, TypeError, AttributeError) as error:
            problems.append(
                f"{_shown(path)}: not in the shape shown in tools/curate.py ({error!r})"
            )
    return problems


def load() -> ca.Dataset:
    """
    Load this repository's data and seeds with the library's own checks.

    ``centralasia.load(folder)`` reads the seeds from ``folder/seeds``, while
    the repository keeps its one copy at the top, so the files are put side by
    side in a temporary folder first.
    """
    import centralasia as ca  # noqa: PLC0415 - `lines` works without the package

    with tempfile.TemporaryDirectory() as folder:
        copy = pathlib.Path(folder) / "data"
        shutil.copytree(DATA, copy, ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(SEEDS, copy / "seeds", dirs_exist_ok=True)
        return ca.load(copy)


def seed_line(article: ca.Article, offset: int) -> int:
    """Return the line of the seed file where *offset* of *article*'s text lies."""
    line = article.text.count("\n", 0, offset)
    for span in article.spans:
        size = span.last_line - span.first_line + 1
        if line < size:
            return span.first_line + line
        line -= size
    return article.spans[-1].last_line


def context(text: str, mention: Mention, width: int = 40) -> str:
    """Return *mention* in brackets with *width* characters of *text* either side, on one line."""
    before = text[max(0, mention.start - width) : mention.start]
    after = text[mention.end : mention.end + width]
    return " ".join(f"…{before}[{mention.text}]{after}…".split())


def _report(article: ca.Article, found: list[Mention], kinds: Sequence[str]) -> None:
    """Print *found*: each number and date where it stands, each name once with its count."""
    shown = [mention for mention in found if mention.kind in kinds]
    counts = ", ".join(f"{sum(m.kind == kind for m in shown)} {kind}s" for kind in kinds)
    print(f"{article.id} ({article.seed}, lines {_lines(article)}): not covered: {counts}")
    times = collections.Counter(mention.text for mention in shown if mention.kind == "name")
    listed: set[str] = set()
    for mention in shown:
        if mention.kind == "name":
            if mention.text in listed:
                continue  # a name is listed once, where it first stands
            listed.add(mention.text)
        line = seed_line(article, mention.start)
        count = f"x{times[mention.text]}" if mention.kind == "name" else ""
        print(f"  {mention.kind:<6} line {line:<4} {count:>3}  {context(article.text, mention)}")


def _lines(article: ca.Article) -> str:
    return ", ".join(f"{span.first_line}-{span.last_line}" for span in article.spans)


def _dataset_or_exit() -> ca.Dataset:
    import centralasia as ca  # noqa: PLC0415 - `lines` works without the package

    try:
        return load()
    except ca.DataError as error:
        # The message lists the problems to fix and counts those that follow from them.
        print(f"{DATA.relative_to(ROOT)}: {error}")
        raise SystemExit(1) from None


def command_lines(seed: str) -> int:
    """Print the seed file *seed* with line numbers and the article each line belongs to."""
    path = SEEDS / pathlib.Path(seed).name
    if not path.is_file():
        known = ", ".join(sorted(p.name for p in SEEDS.iterdir()))
        print(f"no seed {seed!r} in {SEEDS.relative_to(ROOT)}/; there are: {known}")
        return 2
    owners: dict[int, str] = {}
    for article in json.loads((DATA / "articles.json").read_text(encoding="utf-8")):
        if article.get("seed") == path.name:
            for field, label in (("spans", ""), ("bio_spans", " (bio)")):
                for first, last in article.get(field) or ():
                    owners.update(dict.fromkeys(range(first, last + 1), article["id"] + label))
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines[-1] == "":
        del lines[-1]  # the file's last line ends with a line break, as is usual
    for number, line in enumerate(lines, start=1):
        print(f"{number:>4}  {owners.get(number, '-'):<32}  {line}")
    return 0


def _chosen_articles(dataset: ca.Dataset, article_ids: Sequence[str]) -> list[ca.Article] | None:
    """Return the articles *article_ids* name (all if none), or None, saying which are unknown."""
    unknown = [key for key in article_ids if dataset.articles.get(key, None) is None]
    if unknown:
        known = ", ".join(article.id for article in dataset.articles)
        print(f"no article {', '.join(map(repr, unknown))}; there are: {known}")
        return None
    return [dataset.articles.get(key) for key in article_ids] or list(dataset.articles)


def command_uncovered(article_ids: Sequence[str], kinds: Sequence[str]) -> int:
    """Report what no quote or explanation covers; return 1 if a number or date is uncovered."""
    dataset = _dataset_or_exit()
    chosen = _chosen_articles(dataset, article_ids)
    if chosen is None:
        return 2
    problems = explanation_problems(chosen, every_file=not article_ids)
    for problem in problems:
        print(problem)
    failed = bool(problems)
    for article in chosen:
        found = uncovered(article)
        _report(article, found, kinds)
        failed |= any(mention.kind in ENFORCED for mention in found)
    return 1 if failed else 0


def command_check() -> int:
    """Validate the data, the explanation files and the coverage of every article."""
    dataset = _dataset_or_exit()
    counts = ", ".join(f"{len(c)} {name}" for name, c in dataset.collections.items())
    print(f"{DATA.relative_to(ROOT)}: valid ({counts})")
    problems = explanation_problems(dataset.articles)
    for problem in problems:
        print(problem)
    failed = bool(problems)
    unnamed = collections.Counter[str]()
    for article in dataset.articles:
        found = uncovered(article)
        if any(mention.kind in ENFORCED for mention in found):
            failed = True
            _report(article, found, sorted(ENFORCED, key=KINDS.index))
        unnamed.update(mention.text for mention in found if mention.kind == "name")
    print(
        f"{len(unnamed)} different names in no quote: see `uncovered --kind name` (never failing)"
    )
    print("check failed" if failed else "check passed")
    return 1 if failed else 0


def command_coverage(article_ids: Sequence[str], *, show_open: bool) -> int:
    """Print each article's share of sentences accounted for; return 1 below 100% or on problems."""
    dataset = _dataset_or_exit()
    chosen = _chosen_articles(dataset, article_ids)
    if chosen is None:
        return 2
    failed = False
    totals = collections.Counter[str]()
    for article in chosen:
        counted = sentence_coverage(article)
        states = collections.Counter(state for _, state in counted)
        totals.update(states)
        done = len(counted) - states[OPEN]
        print(
            f"{article.id:<28} {done:>3}/{len(counted):<3} sentences accounted for "
            f"({_percent(done, len(counted))}): {states[SUPPORTED]} supported by records, "
            f"{states[EXPLAINED]} explained"
        )
        problems = exclusion_problems(article)
        for problem in problems:
            print(f"  {problem}")
        failed |= bool(problems) or bool(states[OPEN])
        for sentence, state in counted if show_open else ():
            if state == OPEN:
                line = seed_line(article, sentence.start)
                print(f"  open line {line:<4} {' '.join(sentence.text.split())}")
    done, total = totals[SUPPORTED] + totals[EXPLAINED], sum(totals.values())
    print(f"{'all':<28} {done:>3}/{total:<3} sentences accounted for ({_percent(done, total)})")
    return 1 if failed else 0


def _percent(part: int, whole: int) -> str:
    # Floored, so that 99.96% never reads as 100%.
    return f"{part * 1000 // max(whole, 1) / 10:.1f}%"


def parser() -> argparse.ArgumentParser:
    """Return the command-line parser."""
    parser = argparse.ArgumentParser(
        prog="python tools/curate.py",
        description=__doc__.strip().splitlines()[0],
        epilog="See docs/contributing.md for the workflow.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    lines = commands.add_parser(
        "lines", help="print a seed file with line numbers, to choose an article's spans"
    )
    lines.add_argument("seed", metavar="SEED", help="a file name in seeds/")
    found = commands.add_parser(
        "uncovered",
        help="list the numbers, dates and names of articles that no quote or explanation "
        "covers; exit 1 when a number or date is uncovered",
    )
    found.add_argument("articles", nargs="*", metavar="ARTICLE-ID", help="default: every article")
    found.add_argument(
        "--kind", choices=KINDS, action="append", help="report only this kind (repeatable)"
    )
    coverage = commands.add_parser(
        "coverage",
        help="print each article's share of sentences that a record quotes or an explained "
        "passage excludes; exit 1 below 100%% or when an exclusion is unsound",
    )
    coverage.add_argument(
        "articles", nargs="*", metavar="ARTICLE-ID", help="default: every article"
    )
    coverage.add_argument(
        "--open", action="store_true", help="list each sentence not yet accounted for"
    )
    commands.add_parser(
        "check",
        help="validate the data files, the explanation files and every article's coverage; "
        "exit 1 on any problem",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command that *argv* names and return its exit status."""
    arguments = parser().parse_args(argv)
    if arguments.command == "lines":
        return command_lines(arguments.seed)
    if arguments.command == "uncovered":
        return command_uncovered(arguments.articles, arguments.kind or KINDS)
    if arguments.command == "coverage":
        return command_coverage(arguments.articles, show_open=arguments.open)
    return command_check()


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # piped into head or less: stop quietly (Python docs, "SIGPIPE")
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
