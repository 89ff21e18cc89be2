"""
Write each country's names in other languages into ``src/centralasia/data/countries.json``.

The names are the Unicode CLDR's territory names, read through Babel, for
Russian and Chinese and for the official languages of the five Central Asian
states.  Each country gets a ``names`` list right after its ``aliases``, sorted
by language tag, and its ``reference`` says which CLDR and Babel versions the
names come from.  A language CLDR has no name in is left out and printed, and
so is a name that commonly names more than one country (``AMBIGUOUS``).
Every other field, and the file's formatting, stay as they are.

Run with ``python tools/build_country_names.py`` after upgrading Babel and
review ``git diff``; the test suite fails when the data and Babel's CLDR
disagree.  Running it again changes nothing.
"""

from __future__ import annotations

import importlib.metadata
import json
import pathlib
from typing import Any

from babel import Locale
from babel.core import get_cldr_version

TARGET = pathlib.Path(__file__).parent.parent / "src" / "centralasia" / "data" / "countries.json"

#: The languages, as BCP 47 tags spelt like CLDR's locales, sorted.  Where CLDR
#: has several scripts for a language, the bare tag is its default script:
#: - kk is Cyrillic, the script in official use; CLDR has no Latin Kazakh yet
#:   (Babel reads "kk-Latn" as Cyrillic), and kk-Arab (Kazakh in Xinjiang,
#:   new in CLDR 46) is left out: its names look unreviewed (Russia: حەسەي).
#: - uz is Latin, Uzbekistan's official script; uz-Cyrl is added because much
#:   of the Uzbek press and older documents still use Cyrillic.  uz-Arab (the
#:   Uzbek of Afghanistan) has one territory name in CLDR and is left out.
#: - zh is Simplified (mainland China); zh-Hant is added for sources from
#:   Taiwan, Hong Kong and older print, whose names differ in more than script
#:   (哈薩克 against 哈萨克斯坦), so no character conversion would find them.
#: ky, tg (Cyrillic) and tk (Latin) have one script each in CLDR.
LANGUAGES = ("kk", "ky", "ru", "tg", "tk", "uz", "uz-Cyrl", "zh", "zh-Hant")

#: CLDR names left out because in common use they name more than one country, so that a
#: lookup by one never silently picks a country.  CLDR's Kazakh calls the Democratic
#: Republic of the Congo plain "Конго", which Russian and Kazakh texts use for either Congo,
#: as English uses "Congo" (Kaleji's text leaves its "Congo" unresolved; issue 15).
AMBIGUOUS = frozenset({"Конго"})

#: Country.reference's default: where the codes and English names come from.
CODES_REFERENCE = "ISO 3166-1"
_NAMES_FROM = "; names in other languages: "


def _locale(language: str) -> Locale:
    """Return Babel's locale for the tag *language*, refusing any it would substitute."""
    locale = Locale.parse(language, sep="-")
    # Babel answers a locale it lacks with a likely one ("kk-Latn" gives kk_Cyrl).
    if str(locale) != language.replace("-", "_"):
        msg = f"CLDR has no locale {language!r}; Babel offers {str(locale)!r}"
        raise LookupError(msg)
    return locale


def local_names(alpha_2: str) -> list[dict[str, str]]:
    """Return CLDR's names of the territory *alpha_2*: one per language, none ambiguous."""
    names = ((language, _locale(language).territories.get(alpha_2)) for language in LANGUAGES)
    return [
        {"language": language, "name": name}
        for language, name in names
        if name and name not in AMBIGUOUS
    ]


def source() -> str:
    """Return the CLDR and Babel versions the names come from, as the reference says them."""
    return f"Unicode CLDR {get_cldr_version()} (Babel {importlib.metadata.version('babel')})"


def _with_names(country: dict[str, Any]) -> dict[str, Any]:
    """Return *country* with fresh names after its aliases and a reference naming their source."""
    names = local_names(country["alpha_2"])
    updated: dict[str, Any] = {}
    for key, value in country.items():
        if key not in {"names", "reference"}:
            updated[key] = value
        if key == "aliases":
            updated["names"] = names
    updated.setdefault("names", names)
    # Drop the names' part of an earlier run's reference, keep what precedes it.
    codes = country.get("reference", CODES_REFERENCE).split(_NAMES_FROM)[0]
    updated["reference"] = codes + _NAMES_FROM + source()
    return updated


def render(text: str) -> str:
    """Return the countries file *text* with every country's names and reference rewritten."""
    countries = [_with_names(country) for country in json.loads(text)]
    return json.dumps(countries, ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    text = TARGET.read_text(encoding="utf-8")
    for country in json.loads(text):
        found = {name["language"] for name in local_names(country["alpha_2"])}
        for language in sorted(set(LANGUAGES) - found):
            print(f"no unambiguous CLDR {language} name for {country['alpha_2']}: left out")
    TARGET.write_text(render(text), encoding="utf-8", newline="\n")
    print(f"wrote {TARGET} ({source()})")
