"""The interface's translations: the message catalogues are complete and current (a new string
in a template, a fuzzy or untranslated entry, a placeholder lost in translation all fail), and
messages, plurals, dates, numbers, country names and hub.yml's labels follow the build's
language, with English (the source) unchanged."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURE, REPO
from hub import config, i18n, i18n_messages
from hub.countries import country
from hub.render_error_page import render_error_page

LANGS = ["es", "fr", "pt"]


@pytest.fixture(autouse=True)
def english_after():
    yield
    i18n.use("en")


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """The templates, the data layer and the catalogues, to break one of them."""
    for part in ("overrides", "hooks"):
        shutil.copytree(REPO / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")  # the navigation's titles
    return tmp_path


def po(root: Path, lang: str) -> Path:
    return root / "hooks" / "hub" / "locales" / lang / "LC_MESSAGES" / "hub.po"


def found(root: Path) -> list[str]:
    return [p.format() for p in i18n_messages.check(root)]


# --- the catalogues ------------------------------------------------------------------------------


def test_french_spanish_and_portuguese_are_complete_and_current() -> None:
    assert i18n.languages() == LANGS
    assert found(REPO) == []


def test_the_catalogues_have_every_string_of_the_templates() -> None:
    pot = i18n_messages.extract(REPO)
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in pot if m.id}
    # one string of each kind of source: a listing, a record page's facts, a facet (Python), a
    # plural, the error page, the data page's field tables, the feeds' and maps' nouns
    assert {"Filter by text", "Partner since", "Tier of government", "%(num)s partner",
            "The preview cannot be built yet", "Required", "Cite this brief", "dd MMMM y"} <= ids


def test_a_new_string_in_a_template_is_reported(copy: Path) -> None:
    page = copy / "overrides" / "hub" / "topics.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "{% block hub_related %}", "{% block hub_related %}<p>{{ _('A brand new sentence') }}</p>"),
        encoding="utf-8")
    assert sorted(found(copy)) == [
        f"hooks/hub/locales/{lang}/LC_MESSAGES/hub.po:1:1: 'A brand new sentence' (used in "
        "overrides/hub/topics.html) is not in the catalogue; run `make messages`, then translate it"
        for lang in LANGS]


def test_make_messages_adds_the_new_string_untranslated_and_keeps_the_rest(copy: Path) -> None:
    page = copy / "overrides" / "hub" / "topics.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "{% block hub_related %}", "{% block hub_related %}{{ _('A brand new sentence') }}"),
        encoding="utf-8")
    i18n_messages.update(copy)
    problems = found(copy)
    assert len(problems) == 3 and all("'A brand new sentence' is not translated" in p for p in problems)
    assert 'msgstr "Filtrer par texte"' in po(copy, "fr").read_text(encoding="utf-8")
    before = po(copy, "fr").read_bytes()
    i18n_messages.update(copy)
    assert po(copy, "fr").read_bytes() == before  # deterministic: a second run changes nothing


@pytest.mark.parametrize("old, new, expected", [
    ('msgid "Filter by text"\nmsgstr "Filtrer par texte"', 'msgid "Filter by text"\nmsgstr ""',
     "'Filter by text' is not translated; write its translation in msgstr"),
    ('msgid "Filter by text"\nmsgstr "Filtrer par texte"',
     '#, fuzzy\nmsgid "Filter by text"\nmsgstr "Filtrer par texte"',
     "'Filter by text' is marked fuzzy; check the translation, then remove the `#, fuzzy` line"),
    ('msgstr "Logo de %(name)s"', 'msgstr "Logo de %(nom)s"',
     "'Logo of %(name)s': the translation has the placeholders ['nom'], the English ['name']; keep every "
     "%(name)s of the English exactly as it is; translate the words around them"),
    ('msgstr[1] "%(num)s partenaires"', 'msgstr[1] "partenaires"',
     "'%(num)s partner': the translation has the placeholders [], the English ['num']"),
    ('msgstr "Filtrer par texte"', 'msgstr "Filtrer <img src=x onerror=alert(1)>"',
     "'Filter by text': the translation has < or >, the English has not; write the text only; links and "
     "code come from the placeholders"),
    ('msgid "Filter by text"\nmsgstr "Filtrer par texte"',
     'msgid "Filter by texts"\nmsgstr "Filtrer par texte"',
     "'Filter by texts' is no longer used by the code; run `make messages` (it removes it)"),
])
def test_a_broken_catalogue_is_reported_where_it_is_wrong(copy: Path, old: str, new: str,
                                                         expected: str) -> None:
    path = po(copy, "fr")
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = next(i for i, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if ln.startswith("msgid") and new.split("msgid ")[-1].split("\n")[0] in ln) \
        if "msgid" in new else None
    problems = [p for p in found(copy) if "/fr/" in p and "Filter by text' (used in" not in p]
    assert any(expected in p for p in problems), problems
    hit = next(p for p in problems if expected in p)
    assert hit.startswith("hooks/hub/locales/fr/LC_MESSAGES/hub.po:")
    if line is not None:
        assert hit.startswith(f"hooks/hub/locales/fr/LC_MESSAGES/hub.po:{line}:1: ")


def test_the_make_target_checks_and_updates() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "python -m hub messages --write" in makefile
    check = makefile[makefile.index("\ncheck:"):makefile.index("\nsecurity:")]
    assert "python -m hub messages" in check


# --- messages, plurals, numbers, dates ----------------------------------------------------------


def test_english_is_the_source_unchanged() -> None:
    i18n.use("en")
    assert i18n.gettext("Filter by text") == "Filter by text"
    assert i18n.ngettext("%(num)s partner", "%(num)s partners", 1) == "1 partner"
    assert i18n.ngettext("%(num)s hour", "%(num)s hours", 1.5) == "1.5 hours"
    assert i18n.date_long(dt.date(2024, 8, 5)) == "05 August 2024"  # as strftime('%d %B %Y') said
    assert i18n.month_year(dt.date(2022, 3, 1)) == "March 2022"
    assert i18n.date_apa(dt.date(2024, 8, 5)) == "2024, August 5"
    assert i18n.join_and(["partners", "members", "briefs"]) == "partners, members and briefs"


@pytest.mark.parametrize("lang, text, one, two, date, month, number", [
    ("fr", "Filtrer par texte", "1 partenaire", "2 partenaires", "5 août 2024", "mars 2022", "1\u202f234,5"),
    ("es", "Filtrar por texto", "1 institución socia", "2 instituciones socias", "5 de agosto de 2024",
     "marzo de 2022", "1.234,5"),
    ("pt", "Filtrar por texto", "1 parceiro", "2 parceiros", "5 de agosto de 2024", "março de 2022",
     "1.234,5"),
])
def test_messages_dates_and_numbers_follow_the_language(lang, text, one, two, date, month, number) -> None:
    i18n.use(lang)
    assert i18n.gettext("Filter by text") == text
    assert i18n.ngettext("%(num)s partner", "%(num)s partners", 1) == one
    assert i18n.ngettext("%(num)s partner", "%(num)s partners", 2) == two
    assert i18n.date_long(dt.date(2024, 8, 5)) == date
    assert i18n.month_year(dt.date(2022, 3, 1)) == month
    assert i18n.number(1234.5) == number


def test_french_plural_rules_and_percentages() -> None:
    i18n.use("fr")
    assert i18n.ngettext("%(num)s country", "%(num)s countries", 0) == "0 pays"
    assert i18n.ngettext("%(num)s hour", "%(num)s hours", 0) == "0 heure"  # French: 0 is singular
    assert i18n.ngettext("%(num)s hour", "%(num)s hours", 97.5) == "97,5 heures"
    assert i18n.percent(0.25) == "25\xa0%"
    assert i18n.percent(0.125, 1) == "12,5\xa0%"
    i18n.use("en")
    assert i18n.percent(0.125, 1) == "12.5%"
    i18n.use("fr")
    assert i18n.join_and(["a", "b", "c"]) == "a, b et c"


def test_a_language_without_a_catalogue_reads_english_with_its_own_numbers() -> None:
    i18n.use("de")
    assert i18n.gettext("Filter by text") == "Filter by text"
    assert i18n.number(1234.5) == "1.234,5"
    i18n.use("pt-BR")  # a regional variant uses its language's catalogue
    assert i18n.gettext("Filter by text") == "Filtrar por texto"


def test_country_names_and_derived_facts_follow_the_language() -> None:
    i18n.use("en")
    assert country("NP").name == "Nepal" and country("NP").who_region_label == "South-East Asia Region"
    i18n.use("fr")
    assert country("NP").name == "Népal"
    assert country("NP").who_region_label == "Région de l’Asie du Sud-Est"
    assert country("NP").income_group_label == "Revenu intermédiaire, tranche inférieure"
    i18n.use("es")
    assert country("PE").name == "Perú"
    i18n.use("pt")
    assert country("DE").name == "Alemanha"


def test_the_preview_error_page_speaks_the_build_language() -> None:
    i18n.use("fr")
    page = render_error_page(["hub.yml:3:1: <bad>"])
    assert '<html lang="fr">' in page
    assert "<title>Aperçu interrompu : corrigez les fiches</title>" in page
    assert "<h1>L’aperçu ne peut pas encore être construit</h1>" in page
    assert "<pre>hub.yml:3:1: &lt;bad&gt;</pre>" in page  # the messages themselves, escaped
    i18n.use("en")
    assert '<html lang="en">' in render_error_page(["x"])


# --- hub.yml: the network's words in other languages ---------------------------------------------


def test_hub_yml_labels_follow_the_language_and_fall_back_to_the_source() -> None:
    cfg = config.load_or_raise(REPO)
    i18n.use("fr")
    assert cfg.labels("partner_types")["ministry"] == "Ministère de la Santé"
    assert cfg.section("briefs").title == "Notes d’orientation"
    assert cfg.shown_facts.who_region.label == "Région de l’OMS"
    i18n.use("de")  # no translation: the source words
    assert cfg.labels("partner_types")["ministry"] == "Ministry of health"
    assert cfg.section("briefs").title == "Policy briefs"


def test_a_label_left_out_of_a_translation_stays_in_the_source_language(tmp_path: Path) -> None:
    text = (FIXTURE / "hub.yml").read_text(encoding="utf-8")
    word = next(iter(config.load_or_raise(FIXTURE).vocabularies.topics))
    text += f"\ntranslations:\n  fr:\n    vocabularies:\n      topics:\n        {word}: \"Mot traduit\"\n"
    (tmp_path / "hub.yml").write_text(text, encoding="utf-8")
    cfg = config.load_or_raise(tmp_path)
    i18n.use("fr")
    labels = cfg.labels("topics")
    assert labels[word] == "Mot traduit"
    others = [k for k in labels if k != word]
    assert others and all(labels[k] == cfg.vocabularies.topics[k].label for k in others)


@pytest.mark.parametrize("extra, expected", [
    ("      topics:\n        no-such-topic: \"Sujet\"\n",
     "translations.fr.vocabularies.topics.no-such-topic: 'no-such-topic' is not a word of topics"),
    ("      topicz:\n        x: \"Sujet\"\n",
     "translations.fr.vocabularies.topicz: 'topicz' is not a vocabulary; did you mean 'topics'?"),
])
def test_a_translation_of_an_unknown_word_is_located(tmp_path: Path, extra: str, expected: str) -> None:
    text = (FIXTURE / "hub.yml").read_text(encoding="utf-8")
    text += "\ntranslations:\n  fr:\n    vocabularies:\n" + extra
    (tmp_path / "hub.yml").write_text(text, encoding="utf-8")
    _, problems = config.load(tmp_path)
    line = len(text.splitlines())  # the word (or the first word of the unknown vocabulary)
    assert [p.format() for p in problems][0].startswith(f"hub.yml:{line}:")
    assert expected in problems[0].format()


def test_a_misspelt_section_of_a_translation_is_located(tmp_path: Path) -> None:
    text = (FIXTURE / "hub.yml").read_text(encoding="utf-8")
    text += "\ntranslations:\n  fr:\n    sections:\n      partner: {title: \"Partenaires\"}\n"
    (tmp_path / "hub.yml").write_text(text, encoding="utf-8")
    _, problems = config.load(tmp_path)
    assert len(problems) == 1
    assert problems[0].format().startswith(f"hub.yml:{len(text.splitlines())}:")
    assert "translations.fr.sections" in problems[0].format()


def test_the_colour_scheme_button_speaks_the_build_language() -> None:
    """mkdocs.yml's palette toggle names (the header button's label and tooltip) are messages of
    the catalogue, shown translated in another language's build (hooks/languages.py)."""
    from hub.nav_titles import palette_names, read_palette, translate_palette

    palette = read_palette(REPO / "mkdocs.yml")
    assert palette_names(palette) == ["Switch to dark mode", "Switch to light mode"]
    assert {"Switch to dark mode", "Switch to light mode"} <= {m.id for m in i18n_messages.extract(REPO)}
    translate_palette(palette, "es")
    assert palette_names(palette) == ["Cambiar al modo oscuro", "Cambiar al modo claro"]
