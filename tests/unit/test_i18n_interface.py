"""The interface words that are not in templates: the navigation's titles written in mkdocs.yml,
the translation notices and the numbers page's figures are messages of the catalogue, shown in
the build's language (English, the source, unchanged)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import REPO
from hub import i18n, i18n_messages, nav_titles
from hub.localize import notice

LANGS = ["es", "fr", "pt"]
NAV = {"en": ["Home", "About", "Data", "Contribute"], "fr": ["Accueil", "À propos", "Données", "Contribuer"],
       "es": ["Inicio", "Acerca de", "Datos", "Contribuir"], "pt": ["Início", "Sobre", "Dados", "Contribuir"]}


@pytest.fixture(autouse=True)
def english_after():
    yield
    i18n.use("en")


def test_the_navigation_titles_of_mkdocs_yml_are_extracted() -> None:
    nav = nav_titles.read_nav(REPO / "mkdocs.yml")
    assert nav_titles.titles(nav) == NAV["en"]  # a section's entry is named by hub.yml, not here
    pot = i18n_messages.extract(REPO)
    for title in NAV["en"]:
        assert ("mkdocs.yml", None) in pot[title].locations, title
    assert ("mkdocs.yml", None) not in pot["Partners"].locations


def test_a_new_navigation_title_is_reported_until_translated(tmp_path: Path) -> None:
    for part in ("overrides", "hooks"):
        shutil.copytree(REPO / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - Contribute: contribute.md\n" in text
    (tmp_path / "mkdocs.yml").write_text(text.replace(
        "  - Contribute: contribute.md\n", "  - Contribute: contribute.md\n  - Events:\n      - events.md\n"),
        encoding="utf-8")
    assert sorted(p.format() for p in i18n_messages.check(tmp_path)) == [
        f"hooks/hub/locales/{lang}/LC_MESSAGES/hub.po:1:1: 'Events' (used in mkdocs.yml) is not in the "
        "catalogue; run `make messages`, then translate it" for lang in LANGS]
    i18n_messages.update(tmp_path)
    assert all("'Events' is not translated" in p.format() for p in i18n_messages.check(tmp_path))


def _nav() -> list:
    """Navigation items as MkDocs makes them: a page's `title` is its own only when the nav gave it."""
    home = SimpleNamespace(title="Home", children=None)
    mission = SimpleNamespace(children=None)  # its title comes from the page itself
    about = SimpleNamespace(title="About", children=[mission])
    partners = SimpleNamespace(title="Partenaires", children=None)  # hub.yml's section title
    return [home, about, partners, SimpleNamespace(title="Data", children=None)]


@pytest.mark.parametrize("lang", ["en", *LANGS])
def test_the_navigation_titles_follow_the_build_language(lang: str) -> None:
    i18n.use(lang)
    items = _nav()
    nav_titles.translate(items, set(NAV["en"]))
    assert [i.title for i in items] == [NAV[lang][0], NAV[lang][1], "Partenaires", NAV[lang][2]]
    assert "title" not in vars(items[1].children[0])


@pytest.mark.parametrize("lang, source, outdated, original, languages", [
    ("fr", "Ce texte n’est pas encore traduit en français : il est affiché en anglais.",
     "Cette traduction n’est peut-être plus à jour : le texte anglais a changé depuis sa traduction.",
     "Lire l’original en anglais", "Langues"),
    ("es", "Este texto aún no está traducido al español: se muestra en inglés.",
     "Es posible que esta traducción no esté actualizada: el texto en inglés ha cambiado desde que se "
     "tradujo.",
     "Leer el original en inglés", "Idiomas"),
    ("pt", "Este texto ainda não foi traduzido para o português: é apresentado em inglês.",
     "Esta tradução pode estar desatualizada: o texto em inglês mudou desde que foi traduzido.",
     "Ler o original em inglês", "Idiomas"),
    # no catalogue: English words, and the languages named in English (no mix of two languages)
    ("ar", "This text has not been translated into Arabic yet: it is shown in English.",
     "This translation may be out of date: the English text has changed since it was translated.",
     "Read the English original", "Languages"),
])
def test_the_notices_come_from_the_catalogue(lang, source, outdated, original, languages) -> None:
    i18n.use(lang)
    assert notice("source", lang, "en") == source
    assert notice("outdated", lang, "en") == outdated
    assert notice("original", lang, "en") == original
    assert notice("languages", lang, "en") == languages
    assert notice("unreviewed", lang, "en") != "This translation has not been reviewed yet." or lang == "ar"


def test_the_notices_are_no_longer_a_dictionary_of_their_own() -> None:
    import hub.localize

    assert not hasattr(hub.localize, "NOTICES")
    pot = i18n_messages.extract(REPO)
    assert ("hooks/hub/localize.py", None) in pot["This translation has not been reviewed yet."].locations


def test_the_numbers_figures_follow_the_build_language() -> None:
    from hub import config
    from hub.numbers import figures
    from hub.validate_links import validate

    config.load_or_raise(REPO)
    cat, _ = validate(REPO)
    assert cat is not None
    today = dt.date(2026, 1, 1)
    english = {f.id: f for f in figures(cat, today)}
    i18n.use("fr")
    french = {f.id: f for f in figures(cat, today)}
    assert english.keys() == french.keys()
    assert english["partners-by-income"].title.startswith("Partners by income group")
    assert french["partners-by-income"].title.startswith("Partenaires par groupe de revenu (Banque mondiale")
    assert french["hours-by-level"].title == "Heures du programme par niveau"
    assert french["briefs-review"].rows[0].label == "Date de révision dépassée"
    assert french["partners-by-income"].unit == "partenaires"
    for fid, f in french.items():  # no English sentence left: every text differs from the English one
        e = english[fid]
        assert f.title != e.title and f.definition != e.definition and f.denominator != e.denominator, fid
        assert f.unit != e.unit or f.unit == "modules", fid
        assert f.summary.count("Nothing to count yet") == 0, fid
