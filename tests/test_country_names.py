"""Countries' names in other languages: CLDR's, through tools/build_country_names.py."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import pathlib
import re
import subprocess
import sys
import tomllib
from importlib.resources import files
from types import ModuleType

import pytest
from babel.core import get_cldr_version

import centralasia as ca

REPO = pathlib.Path(__file__).parent.parent


@pytest.fixture(name="tool", scope="module")
def _tool() -> ModuleType:
    """The tool that writes the names, imported from tools/."""
    path = REPO / "tools" / "build_country_names.py"
    spec = importlib.util.spec_from_file_location("build_country_names", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(name="bundled")
def _bundled() -> str:
    """The bundled countries file, as text."""
    return (files("centralasia") / "data" / "countries.json").read_text(encoding="utf-8")


class TestCountryNames:
    def test_names_are_cldrs(self, tool: ModuleType) -> None:
        """Every country's names are those Babel's CLDR gives in the tool's languages."""
        for country in ca.countries:
            names = [{"language": n.language, "name": n.name} for n in country.names]

            assert tool.local_names(country.alpha_2) == names, country.id

    def test_languages_sorted(self, tool: ModuleType) -> None:
        """The languages, and so each country's names, are in the order of their tags."""
        assert sorted(tool.LANGUAGES) == list(tool.LANGUAGES)

    def test_reference_names_cldr_version(self) -> None:
        """Each country's reference names ISO 3166-1 and the CLDR version Babel has."""
        for country in ca.countries:
            assert country.reference.startswith("ISO 3166-1; "), country.id
            assert f"Unicode CLDR {get_cldr_version()} " in country.reference, country.id

    def test_oracle_pinned_to_the_version_the_data_names(self) -> None:
        """The test group pins the Babel the names were written with, and that one is installed."""
        with (REPO / "pyproject.toml").open("rb") as project:
            test_group = tomllib.load(project)["dependency-groups"]["test"]
        (pin,) = (r for r in test_group if isinstance(r, str) and r.startswith("babel"))
        pinned = pin.removeprefix("babel==")
        named = {country.reference.rpartition("(Babel ")[2].rstrip(")") for country in ca.countries}

        assert re.fullmatch(r"[0-9]+(\.[0-9]+)+", pinned), pin
        assert {pinned} == named
        assert pinned == importlib.metadata.version("babel")

    def test_file_is_what_the_tool_writes(self, tool: ModuleType, bundled: str) -> None:
        """Running the tool on the bundled file changes nothing, formatting included."""
        assert bundled == tool.render(bundled)

    def test_names_follow_aliases(self, bundled: str) -> None:
        """In the file, `names` comes right after `aliases` and before `reference`."""
        for country in json.loads(bundled):
            keys = list(country)

            assert ["aliases", "names", "reference"] == keys[-3:], country["id"]

    def test_ambiguous_name_left_out(self, tool: ModuleType) -> None:
        """A CLDR name that commonly names either Congo (Kazakh "Конго") is no name of ours."""
        cldr = tool._locale("kk").territories["CD"]
        names = {name["name"] for code in ("CD", "CG") for name in tool.local_names(code)}

        assert "Конго" == cldr
        assert cldr in tool.AMBIGUOUS
        assert cldr not in names
        with pytest.raises(ca.NotFound, match="Republic of the Congo"):
            ca.countries.get(cldr)

    def test_substituted_locale_refused(self, tool: ModuleType) -> None:
        """A language CLDR lacks is refused, not silently read in another script."""
        with pytest.raises(LookupError, match="kk_Cyrl"):
            tool._locale("kk-Latn")

    @pytest.mark.parametrize(
        ("key", "expected"),
        [
            ("Казахстан", "kz"),  # ru
            ("哈萨克斯坦", "kz"),  # zh
            ("哈薩克", "kz"),  # zh-Hant
            ("Түркмөнстан", "tm"),  # ky
            ("Кыргызстан", "kg"),  # ky, and Kyrgyzstan's own Russian usage
            ("Қазақстан", "kz"),  # kk
            ("Oʻzbekiston", "uz"),  # uz
            ("Ўзбекистон", "uz"),  # uz-Cyrl
            ("Соединённые Штаты", "us"),  # ru, with the ё CLDR leaves out
        ],
    )
    def test_get_by_local_name(self, key: str, expected: str) -> None:
        """`get` finds a country by its name in any of the languages."""
        assert expected == ca.countries.get(key).id

    @pytest.mark.parametrize(
        ("key", "expected"), [("O'zbekiston", "uz"), ("O’zbekiston", "uz"), ("Qozog'iston", "kz")]
    )
    def test_uzbek_apostrophe(self, key: str, expected: str) -> None:
        """Uzbek Latin's ʻ (U+02BB), as CLDR writes it, may be typed as a plain apostrophe."""
        assert expected == ca.countries.get(key).id

    @pytest.mark.parametrize(("query", "expected"), [("Киргизстан", "kg"), ("Таджикстан", "tj")])
    def test_search_misspelt_russian(self, query: str, expected: str) -> None:
        """`search` ranks the right country first for a misspelt Russian name."""
        assert expected == ca.countries.search(query)[0].record.id

    def test_lookup_does_not_import_babel(self) -> None:
        """Looking a country up by its Russian name imports no locale library."""
        code = (
            "import sys, centralasia as ca; "
            "print(ca.countries.get('Казахстан').id, 'babel' in sys.modules)"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True
        ).stdout.strip()

        assert "kz False" == out
