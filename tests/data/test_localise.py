"""Localised names and collation used by the directories and tools."""
from kb.localise import collate, country_name, language_name


def test_country_names_come_from_cldr_in_each_language():
    """Australia is named in the reader's language."""
    assert [country_name("AU", lang) for lang in ("en", "fr", "es", "ar")] == \
        ["Australia", "Australie", "Australia", "أستراليا"]


def test_norway_code_gives_norway():
    """NO is Norway, not a boolean."""
    assert country_name("NO", "fr") == "Norvège"


def test_accented_names_sort_with_their_base_letter():
    """French: É sorts with E, not after Z."""
    assert collate(["Zambie", "Égypte", "Espagne", "Allemagne"], key=str, lang="fr") == \
        ["Allemagne", "Égypte", "Espagne", "Zambie"]


def test_spanish_n_tilde_is_its_own_letter():
    """Spanish: ñ comes after n and before o."""
    assert collate(["Oman", "Ñandú", "Nepal"], key=str, lang="es") == ["Nepal", "Ñandú", "Oman"]


def test_arabic_names_sort_by_alphabet_with_hamza_forms_together():
    """Arabic: أ and إ sort as alef, before ل and م."""
    assert collate(["مصر", "ليبيا", "إيطاليا", "أستراليا"], key=str, lang="ar") == \
        ["أستراليا", "إيطاليا", "ليبيا", "مصر"]


def test_language_names_are_localised():
    """The name of French in Arabic comes from CLDR."""
    assert language_name("fr", "ar") == "الفرنسية"
