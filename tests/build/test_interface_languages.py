"""The sample site built in French, Spanish and Portuguese (its hub.yml's language changed in a
temporary copy): the hub's own interface (listings, filters and facets, record pages' facts,
badges and notices, citations, feeds, the data page's field tables) speaks the build's language,
with the network's labels from hub.yml's `translations:`, and dates and numbers written for
the locale. The English build is covered by every other build test."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from conftest import build_site
from languages_site import sample_hub

MONTHS = {
    "en": "January|February|March|April|May|June|July|August|September|October|November|December",
    "fr": "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre",
    "es": "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre",
    "pt": "janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro",
}
# What readers see, per language: (listing words, a partner's facts, a brief's facts, the data page)
WORDS = {
    "fr": {"filter": "Filtrer par texte", "sort": "Trier par", "clear": "Effacer les filtres",
           "by_type": "Par type", "since": "Partenaire depuis", "ministry": "Ministère de la Santé",
           "region": "Région de l’OMS", "recommendations": "Recommandations", "cite": "Citer cette note",
           "genre": "[Note d’orientation]", "field": ["Champ", "Type", "Obligatoire"], "yes": "oui",
           "briefs": "Notes d’orientation", "topic": "Soins de santé primaires", "example": "Exemple",
           "hours": r"\d+,\d heures", "search": "Rechercher",
           "definition": "Définition", "date": r"\d{1,2} (?:%s) \d{4}"},
    "es": {"filter": "Filtrar por texto", "sort": "Ordenar por", "clear": "Borrar los filtros",
           "by_type": "Por tipo", "since": "Socia desde", "ministry": "Ministerio de Salud",
           "region": "Región de la OMS", "recommendations": "Recomendaciones", "cite": "Citar este informe",
           "genre": "[Informe de políticas]", "field": ["Campo", "Tipo", "Obligatorio"], "yes": "sí",
           "briefs": "Informes de políticas", "topic": "Atención primaria de salud", "example": "Ejemplo",
           "hours": r"\d+,\d horas", "search": "Búsqueda",
           "definition": "Definición", "date": r"\d{1,2} de (?:%s) de \d{4}"},
    "pt": {"filter": "Filtrar por texto", "sort": "Ordenar por", "clear": "Limpar os filtros",
           "by_type": "Por tipo", "since": "Parceiro desde", "ministry": "Ministério da Saúde",
           "region": "Região da OMS", "recommendations": "Recomendações", "cite": "Citar este resumo",
           "genre": "[Resumo de políticas]", "field": ["Campo", "Tipo", "Obrigatório"], "yes": "sim",
           "briefs": "Resumos de políticas", "topic": "Atenção primária à saúde", "example": "Exemplo",
           "hours": r"\d+,\d horas", "search": "Buscar",
           "definition": "Definição", "date": r"\d{1,2} de (?:%s) de \d{4}"},
}
# The English interface's own words, which no translated listing or record page may show
ENGLISH = ["Filter by text", "Sort by", "Clear filters", "Showing all", "By country", "All partners",
           "Partner since", "Cite this brief", "Download the citation", "None yet.", "Learning objectives",
           "Tier of government", "Newest first", "in the partner directory", " partners in "]


@pytest.fixture(scope="module", params=["fr", "es", "pt"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    lang = request.param
    hub = sample_hub(tmp_path_factory.mktemp(f"sample-{lang}") / "hub", lang)
    result = build_site(hub, env={"SOURCE_DATE_EPOCH": "1764633600"})
    assert result.returncode == 0, result.stderr
    return lang, hub / "site"


def visible(text: str) -> str:
    text = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", text)
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", text).split()))


def page(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def first(site: Path, folder: str) -> str:
    return sorted(p.parent.relative_to(site).as_posix() for p in (site / folder).glob("*/index.html"))[0]


def words(lang: str) -> dict:
    w = dict(WORDS[lang])
    w["date"] = w["date"] % MONTHS[lang]
    return w


def test_material_and_the_page_say_the_language(built: tuple[str, Path]) -> None:
    lang, site = built
    home = page(site, "index.html")
    assert f'<html lang="{lang}"' in home
    assert f'placeholder="{words(lang)["search"]}"' in home  # Material's own search box


def test_listings_filters_and_facets_are_translated(built: tuple[str, Path]) -> None:
    lang, site = built
    w = words(lang)
    partners = visible(page(site, "partners/index.html"))
    for key in ("filter", "sort", "clear", "by_type", "ministry", "region"):
        assert w[key] in partners, key
    briefs = visible(page(site, "briefs/index.html"))
    assert w["topic"] in briefs and re.search(w["date"], briefs)
    curriculum = visible(page(site, "curriculum/index.html"))
    assert re.search(w["hours"], curriculum)  # 97.5 hours, written for the locale
    for rel in ("partners/index.html", "briefs/index.html", "curriculum/index.html", "countries/index.html",
                "topics/index.html", "members/index.html"):
        text = visible(page(site, rel))
        assert not [e for e in ENGLISH if e in text], rel
    # the script's status sentences come from the page, translated
    form = re.search(r'<form class="hub-filter"[^>]*>', page(site, "partners/index.html")).group()
    assert "Showing" not in form and 'data-msg-some="' in form and "{shown}" in form


# The exchanges listing: its facets' names (in the filter summary) and the direction labels
EXCHANGES = {
    "fr": {"filters": "Filtrer par type, direction, thème", "south": "Sud-Sud", "status": "statut"},
    "es": {"filters": "Filtrar por tipo, dirección, tema", "south": "Sur-Sur", "status": "estado"},
    "pt": {"filters": "Filtrar por tipo, direção, tema", "south": "Sul-Sul", "status": "situação"},
}


def test_the_exchanges_listing_facets_and_directions_are_translated(built: tuple[str, Path]) -> None:
    lang, site = built
    w = EXCHANGES[lang]
    text = visible(page(site, "exchanges/index.html"))
    assert w["filters"] in text and w["status"] in text and w["south"] in text, text[:2000]
    for english in ("South-South", "Filter by", "kind, direction", "How the direction is derived"):
        assert english not in text, english
    # each exchange's months in the locale's words ("maio de 2027 a dezembro de 2027")
    assert re.search(rf"(?:{MONTHS[lang]})(?: de)? \d{{4}}", text), text[:2000]
    assert not re.search(rf"(?:{MONTHS['en']}) \d{{4}}", text)


def test_a_partner_page_is_translated(built: tuple[str, Path]) -> None:
    lang, site = built
    w = words(lang)
    text = visible(page(site, first(site, "partners") + "/index.html"))
    assert w["since"] in text and w["example"] in text
    assert re.search(rf"{w['since']} : (?:{MONTHS[lang]})(?: de)? \d{{4}}", text)  # "mars 2022"
    assert not [e for e in ENGLISH if e in text]


def test_a_brief_page_badges_notices_and_citation_are_translated(built: tuple[str, Path]) -> None:
    lang, site = built
    w = words(lang)
    rel = first(site, "briefs")
    text = visible(page(site, rel + "/index.html"))
    for key in ("recommendations", "cite", "genre", "example"):
        assert w[key] in text, key
    assert re.search(w["date"], text)
    assert not re.search(rf"\d{{2}} (?:{MONTHS['en']}) \d{{4}}", text)
    bib = page(site, rel + "/cite.bib")
    assert f"type = {{{w['genre'][1:-1]}}}" in bib


def test_the_feeds_speak_the_language(built: tuple[str, Path]) -> None:
    lang, site = built
    w = words(lang)
    rss, atom = page(site, "briefs.rss.xml"), page(site, "briefs.atom.xml")
    assert f"<language>{lang}</language>" in rss and f'xml:lang="{lang}"' in atom
    assert f": {w['briefs']}</title>" in rss
    assert f"<category>{w['topic']}</category>" in rss
    channel = rss.split("<item>")[0]  # the network's description from hub.yml's translations
    assert "<description>" in channel and "South-South" not in channel


def test_the_footer_and_description_use_the_networks_translated_words(built: tuple[str, Path]) -> None:
    lang, site = built
    home = page(site, "index.html")
    assert "CC BY 4.0" in home and "Sample partners and members are fictional" not in home
    listing = page(site, "partners/index.html")
    assert '<meta name="description" content="Partners, policy briefs' not in listing


def test_the_data_page_field_tables_are_translated(built: tuple[str, Path]) -> None:
    lang, site = built
    w = words(lang)
    text = page(site, "data/index.html")
    headers = [visible(h).split() for h in re.findall(r"(?s)<thead>.*?</thead>", text)]
    assert w["field"] in headers
    assert f"<td>{w['yes']}</td>" in text


def test_the_numbers_page_labels_are_translated(built: tuple[str, Path]) -> None:
    lang, site = built
    if not (site / "numbers" / "index.html").exists():
        pytest.skip("this hub has no numbers page")
    text = visible(page(site, "numbers/index.html"))
    assert words(lang)["definition"] in text and "Denominator" not in text and "Nothing to count" not in text
    # the exchanges' figures: titles and definitions (hub/numbers.py) in the build's language too
    assert "Direction of exchanges by year" not in text and "Each exchange once" not in text
    assert EXCHANGES[lang]["south"] in text
    # every figure (hub/numbers.py): titles, definitions, denominators, units, notes and row labels
    for english in ("Partners by", "Members by", "Brief authors by", "Briefs by tier", "Briefs by SDG",
                    "Curriculum hours by", "Records not updated", "Briefs past or near", "Past their review",
                    "Not yet due", "Each partner institution", "Each member who chose", "All hours of all",
                    "published briefs", "outside author", "Income groups: the", "income group (",
                    "WHO regions as of", "Number (partners)", "Number (hours)", "Low income",
                    "Not classified"):
        assert english not in text, english
    assert NUMBERS[lang] in text
    assert re.search(words(lang)["date"], text)  # the build's date, written for the locale


NUMBERS = {"fr": "Chaque institution partenaire, par le pays où elle est établie.",
           "es": "Cada institución socia, por el país en el que tiene su sede.",
           "pt": "Cada instituição parceira, pelo país onde está sediada."}
# mkdocs.yml's navigation titles, in the build's language (hub/nav_titles.py)
NAV = {"fr": ["Accueil", "À propos", "Données", "Contribuer"],
       "es": ["Inicio", "Acerca de", "Datos", "Contribuir"],
       "pt": ["Início", "Sobre", "Dados", "Contribuir"]}


def nav_titles(html: str) -> list[str]:
    nav = html.split('data-md-type="navigation"')[1].split('data-md-type="toc"')[0]
    return [" ".join(t.split()) for t in re.findall(r'class="md-ellipsis"[^>]*>([^<]*)<', nav)]


def test_the_navigation_titles_are_translated(built: tuple[str, Path]) -> None:
    lang, site = built
    for rel in ("index.html", "partners/index.html", "numbers/index.html"):
        shown = nav_titles(page(site, rel))
        assert all(t in shown for t in NAV[lang]), (rel, shown)
        assert not {"Home", "About", "Data", "Contribute"} & set(shown), (rel, shown)


def test_an_exchange_is_described_in_the_language(built: tuple[str, Path]) -> None:
    lang, site = built
    text = page(site, first(site, "exchanges") + "/index.html")
    description = html.unescape(re.search(r'<meta name="description" content="([^"]*)"', text).group(1))
    assert " between " not in description and " from " not in description, description
    assert re.search(r" entre .+, (?:depuis|desde) \d{4} ?: \w", description), description
    assert "World Bank" not in visible(text)  # the income classification's name, in the partners' facts
    assert "World Bank" not in visible(page(site, "exchanges/index.html"))


# Dates, lists and a chart's rows written for the locale (hub/numbers.py, hub/i18n.py: join_rows,
# join_units, join_and): the build's date is 2 December 2025 (SOURCE_DATE_EPOCH), so "more than
# 3 years" means before 2 December 2022.
LOCALE_TEXT = {
    "fr": {"definition": "Plus de 3 ans signifie avant le 2 décembre 2022.",
           "review": "est antérieure au 2 décembre 2025 (la date de cette construction du site)",
           "rows": "Notes datées d’avant le 2 décembre 2022 : # (#\xa0%)\u202f; Profils de membres dont le "
                   "consentement date d’avant le 2 décembre 2022 : # (#\xa0%).",
           "map": "Bangladesh : # partenaire(s), # membre(s), # note(s) et # module(s)",
           "exchange": " entre Inde et Bangladesh, depuis 2021"},
    "es": {"definition": "Más de 3 años significa antes del 2 de diciembre de 2022.",
           "review": "es anterior al 2 de diciembre de 2025 (la fecha de esta generación del sitio)",
           "rows": "Informes con fecha anterior al 2 de diciembre de 2022: # (#\xa0%); Perfiles de miembros "
                   "cuyo consentimiento es anterior al 2 de diciembre de 2022: # (#\xa0%).",
           "map": "Bangladés: # instituciones socias, # miembro(s), # informe(s) y # módulo(s)",
           "exchange": " entre India y Bangladés, desde 2021"},
    "pt": {"definition": "Mais de 3 anos significa antes de 2 de dezembro de 2022.",
           "review": "é anterior a 2 de dezembro de 2025 (a data desta geração do site)",
           "rows": "Resumos com data anterior a 2 de dezembro de 2022: # (#%); Perfis de membros cujo "
                   "consentimento é anterior a 2 de dezembro de 2022: # (#%).",
           "map": "Bangladesh: # parceiro(s), # membro(s), # resumo(s) e # módulo(s)",
           "exchange": " entre Índia e Bangladesh, desde 2021"},
}


def _exact(text: str) -> re.Pattern[str]:
    """`text` as written, each # any count and each "(s)" a plural ending (the sample's counts
    change; the words and separators must not)."""
    parts = (re.escape(part).replace(re.escape("(s)"), "s?") for part in text.split("#"))
    return re.compile(r"\d+".join(parts))


@pytest.mark.sample  # the shipped sample's countries and exchanges
def test_dates_lists_and_chart_rows_are_written_for_the_locale(built: tuple[str, Path]) -> None:
    lang, site = built
    want = LOCALE_TEXT[lang]
    numbers = page(site, "numbers/index.html")
    text = visible(numbers)
    assert want["definition"] in text and want["review"] in text, lang
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", text)  # no ISO date in what readers see
    desc = re.search(r'<desc id="records-not-updated-svg-desc">([^<]*)</desc>', numbers).group(1)
    assert _exact(want["rows"]).search(html.unescape(desc)), desc  # the chart's text alternative
    labels = re.findall(r'<a href="bd/" aria-label="([^"]*)"', page(site, "countries/index.html"))
    assert labels and _exact(want["map"]).fullmatch(html.unescape(labels[0])), labels
    exchanges = [html.unescape(re.search(r'<meta name="description" content="([^"]*)"', p.read_text(
        encoding="utf-8")).group(1)) for p in sorted((site / "exchanges").glob("*/index.html"))]
    assert any(want["exchange"] in d for d in exchanges), exchanges
