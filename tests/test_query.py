from __future__ import annotations

import pytest

import centralasia as ca


class TestNormalize:
    def test_case_accents_quotes_spaces(self) -> None:
        """Keys ignore case, accents, typographic apostrophes and extra spaces."""
        assert "cote d'ivoire" == ca.normalize("  CÔTE   d’Ivoire ")


class TestGet:
    @pytest.mark.parametrize(
        "key", ["kg", "KG", "KGZ", "kgz", "Kyrgyzstan", "KYRGYZSTAN", "Kyrgyz Republic",
                "  kyrgyz   republic ", "Kirghizia"],
    )  # fmt: skip
    def test_country_keys(self, dataset: ca.Dataset, key: str) -> None:
        """Countries are found by id, ISO codes, name, official name and alias."""
        assert "kg" == dataset.countries.get(key).id

    @pytest.mark.parametrize(
        "key", ["china-exim-bank", "Exim Bank", "EXIM BANK", "Export-Import Bank of China",
                "China Export-Import Bank"],
    )  # fmt: skip
    def test_organization_keys(self, dataset: ca.Dataset, key: str) -> None:
        """Organizations are found by id, acronym, name and alias."""
        assert "china-exim-bank" == dataset.organizations.get(key).id

    def test_accents_and_quotes(self, dataset: ca.Dataset) -> None:
        """Accented and typographic spellings find the plain record."""
        assert "cn" == dataset.countries.get("People’s Republic of China").id
        assert "tj" == dataset.countries.get("Tâjikistan").id

    def test_module_level_collections(self) -> None:
        """`ca.countries` is the bundled dataset's collection."""
        assert ca.load().countries is ca.countries

    def test_miss_suggests(self, dataset: ca.Dataset) -> None:
        """A miss raises NotFound, a LookupError, suggesting the closest names."""
        with pytest.raises(LookupError) as caught:
            dataset.countries.get("Kirgizstan")

        assert isinstance(caught.value, ca.NotFound)
        assert "Kyrgyzstan" in caught.value.suggestions
        assert "did you mean 'Kyrgyzstan'" in str(caught.value)

    def test_default(self, dataset: ca.Dataset) -> None:
        """With a default, a miss returns it instead of raising."""
        assert None is dataset.countries.get("Atlantis", None)


class TestCollection:
    def test_sequence(self, dataset: ca.Dataset) -> None:
        """A collection is a sized, indexable sequence in id order."""
        ids = [country.id for country in dataset.countries]

        assert sorted(ids) == ids
        assert len(ids) == len(dataset.countries)
        assert dataset.countries[0] is dataset.countries.get(ids[0])
        assert dataset.countries.get("kz") in dataset.countries

    def test_read_only(self, dataset: ca.Dataset) -> None:
        """Collections cannot be changed."""
        with pytest.raises(AttributeError):
            dataset.countries._items = ()  # type: ignore[misc]
        with pytest.raises(TypeError):
            dataset.countries[0] = dataset.countries[1]  # type: ignore[index]
