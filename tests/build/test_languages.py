"""The site in every language (hub.yml `languages: [en, fr, es, pt]`), read as a reader would:
the language of each page, the switcher to the same page, the notices on source text and on
outdated or unreviewed translations, the sitemaps, feeds, citations and search of each language,
the offline copy, and nothing withheld anywhere."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from hub.check_links import check_site
from hub.search_index import BuiltIndex
from languages_site import build_languages, edit_source_after_translation, with_translations

pytestmark = pytest.mark.slow
LANGS = ["en", "fr", "es", "pt"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    hub = with_translations(tmp_path_factory.mktemp("languages") / "hub")
    edit_source_after_translation(hub)
    out = hub / "site"
    done = build_languages(hub, out)
    assert done.returncode == 0, done.stderr[-3000:]
    return out


def _page(site: Path, lang: str, path: str) -> str:
    return (site / ("" if lang == "en" else lang) / path).read_text(encoding="utf-8")


def _pages(site: Path, lang: str) -> dict[str, Path]:
    root = site if lang == "en" else site / lang
    return {p.relative_to(root).as_posix(): p for p in root.rglob("*.html")
            if lang != "en" or p.relative_to(root).parts[0] not in LANGS[1:]}


def test_every_page_exists_in_every_language_with_its_language(site: Path) -> None:
    pages = {lang: set(_pages(site, lang)) for lang in LANGS}
    assert len(pages["en"]) > 30 and all(pages[lang] == pages["en"] for lang in LANGS)
    for lang in LANGS:
        for rel in ("index.html", "about/index.html", "partners/alpha-ministry/index.html"):
            assert re.search(rf'<html lang="{lang}"[^>]*>', _page(site, lang, rel)), (lang, rel)


def test_the_switcher_goes_to_the_same_page_in_each_language(site: Path) -> None:
    link_re = re.compile(r'<a href="([^"]+)" hreflang="([a-z]{2})" lang="\2">')
    for lang in LANGS:
        root = site if lang == "en" else site / lang
        for rel, path in _pages(site, lang).items():
            if rel == "404.html":
                continue
            html = path.read_text(encoding="utf-8")
            nav = re.search(r'<nav class="hub-languages".*?</nav>', html, re.S)
            assert nav, f"{lang}/{rel}: no language switcher"
            links = dict((code, href) for href, code in link_re.findall(nav.group(0)))
            assert sorted(links) == sorted(set(LANGS) - {lang}), (lang, rel)
            assert f'aria-current="page" lang="{lang}"' in nav.group(0)
            for code, href in links.items():
                target = (path.parent / href).resolve()
                if target.is_dir():
                    target = target / "index.html"
                want = (site if code == "en" else site / code) / rel
                assert target == want.resolve(), (lang, rel, code, href)
            assert root  # the page's own tree


def test_untranslated_text_is_shown_in_english_under_a_notice_in_the_readers_language(site: Path) -> None:
    html = _page(site, "es", "briefs/alpha-brief/index.html")  # no Spanish translation
    assert ('<p class="hub-notice hub-notice--translation hub-notice--source" role="note" '
            'data-search-exclude>'
            "Este texto aún "
            "no está traducido al español: se muestra en inglés.") in html
    assert re.search(r'<h1 id="brief-title"><span lang="en">Primary care: the alpha brief</span></h1>', html)
    assert re.search(r'<p class="hub-lead"><span lang="en">Primary care reform works when it is funded\.'
                     r'</span></p>', html)
    assert re.search(r'<div lang="en">\s*<h2 id="the-problem">The problem', html)
    assert "<title>Primary care: the alpha brief - " in html  # no mark-up inside <title>
    assert 'content="Primary care reform works when it is funded."' in html  # nor in attributes
    assert "\ue000" not in html and "\ue002" not in html
    partner = _page(site, "es", "partners/beta-university/index.html")
    assert '<h1 id="partner-title">Beta Example Medical University</h1>' in partner  # a name: not marked
    assert re.search(r'<div lang="en">\s*<p>Beta trains community-oriented doctors\.</p>', partner)


def test_a_translated_page_is_in_its_language_without_the_source_notice(site: Path) -> None:
    html = _page(site, "fr", "briefs/alpha-brief/index.html")
    assert '<h1 id="brief-title">Soins primaires : la note alpha</h1>' in html
    assert "Quokkaflux est un mot que seule cette note utilise." in html
    assert "Financer d’abord les <strong>soins primaires</strong>." in html  # (smarty quotes)
    assert "hub-notice--translation" not in html  # translated and reviewed
    # nothing of the page is marked English (the navigation's titles of untranslated pages are)
    rest = html.split('<nav class="hub-languages"')[1].split("</nav>", 1)[1].split("<footer")[0]
    rest = re.sub(r'class="md-ellipsis" lang="en">\s*(?:About the network|Governance)\s*<', "", rest)
    assert 'lang="en"' not in rest.replace('hreflang="en" lang="en"', "")
    mission = _page(site, "fr", "mission/index.html")
    assert "<h1>Mission, vision et valeurs</h1>" in mission and "Nous mettons en relation" in mission
    assert ('<p class="hub-notice hub-notice--translation hub-notice--unreviewed" role="note" '
            'data-search-exclude>Cette '
            "traduction n’a pas encore été relue.") in mission
    assert "hub-notice--source" not in mission and "Mission, vision et valeurs - " in mission


def test_an_outdated_translation_says_so_and_links_the_original(site: Path) -> None:
    html = _page(site, "fr", "curriculum/sm-101/index.html")
    assert ('<p class="hub-notice hub-notice--translation hub-notice--outdated" role="note" '
            'data-search-exclude>Cette '
            "traduction n’est peut-être plus à jour : le texte anglais a changé depuis sa traduction. "
            '<a href="../../../curriculum/sm-101/" hreflang="en">Lire l’original en anglais</a></p>'
            ) in html
    assert "Un court essai réflexif." in html and "Cours magistral" in html
    assert "hub-notice--unreviewed" not in html
    english = _page(site, "en", "curriculum/sm-101/index.html")
    assert "hub-notice" not in english.split("hub-facts")[0]
    assert "A short reflective essay on a case." in english


def test_sitemaps_list_every_language_of_each_page(site: Path) -> None:
    for lang in LANGS:
        xml = (site / ("" if lang == "en" else lang) / "sitemap.xml").read_text(encoding="utf-8")
        base = "https://fixture-network.example.net/"
        assert f"<loc>{base}{'' if lang == 'en' else lang + '/'}about/</loc>" in xml
        for code in LANGS:
            href = f"{base}{'' if code == 'en' else code + '/'}about/"
            assert f'<xhtml:link rel="alternate" hreflang="{code}" href="{href}"/>' in xml
        assert f'hreflang="x-default" href="{base}about/"' in xml


def test_feeds_citations_and_search_per_language(site: Path) -> None:
    rss = (site / "fr" / "briefs.rss.xml").read_text(encoding="utf-8")
    assert "<language>fr</language>" in rss and "<title>Soins primaires : la note alpha</title>" in rss
    assert "https://fixture-network.example.net/fr/briefs/alpha-brief/" in rss
    assert "<language>en</language>" in (site / "briefs.rss.xml").read_text(encoding="utf-8")
    bib = (site / "fr" / "briefs" / "alpha-brief" / "cite.bib").read_text(encoding="utf-8")
    assert "Soins primaires : la note alpha" in bib and "/fr/briefs/alpha-brief/" in bib
    for lang in LANGS:
        root = site / ("" if lang == "en" else lang)
        stub = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
        index = BuiltIndex.read(root)
        assert stub["config"]["lang"][0] == lang and index.manifest["lang"] == lang  # its stemmer
        locations = [d["location"] for d in index.pages()]
        assert not any(loc.split("/")[0] in LANGS for loc in locations), lang  # only its own pages
    fr = BuiltIndex.read(site / "fr")
    assert fr.pages_with("quokkaflux") & fr.pages_with("mot")
    assert not fr.pages_with("quokkaflux") & fr.pages_with("word")


def test_the_status_page_in_every_language(site: Path) -> None:
    for lang in LANGS:
        html = _page(site, lang, "translations/index.html")
        assert '<h2 id="lang-fr"><span lang="fr">Français</span> (fr)</h2>' in html
        assert {"en": "<p>1 reviewed, 2 not reviewed, 1 outdated,",
                "fr": "<p>Relus : 1 ; non relus : 2 ;",
                "es": "<p>Revisados: 1; sin revisar: 2;",
                "pt": "<p>Revistos: 1; não revistos: 2;"}[lang] in html
    assert "hidden-example" not in _page(site, "en", "translations/index.html")


def test_nothing_withheld_no_broken_link_no_translation_file_and_records_out_of_the_nav(site: Path) -> None:
    assert check_site(site) == []
    for lang in LANGS:
        for rel, path in _pages(site, lang).items():
            text = path.read_text(encoding="utf-8")
            assert "Quillon" not in text and "hidden-example" not in text, (lang, rel)
            assert "hub-csp-pending" not in text, (lang, rel)
        nav = _page(site, lang, "about/index.html").split('data-md-type="navigation"')[1].split(
            'data-md-type="toc"')[0]
        assert 'href="../partners/"' in nav and "alpha-ministry" not in nav, lang
    assert not [p for p in site.rglob("*.fr.*") if "lunr" not in p.name] and not list(site.rglob("*.yaml"))
    assert not (site / "fr" / "mission.fr").exists() and not (site / "briefs" / "alpha-brief.fr").exists()


def test_the_offline_copy_holds_every_language(tmp_path: Path) -> None:
    from conftest import run_hub

    hub = with_translations(tmp_path / "hub")
    out = tmp_path / "offline"
    done = build_languages(hub, out, "--offline", "--languages", "fr")
    assert done.returncode == 0, done.stderr[-3000:]
    page = (out / "fr" / "mission.html").read_text(encoding="utf-8")
    assert '<a href="../mission.html" hreflang="en" lang="en">English</a>' in page
    assert '<a href="mission.html" hreflang="fr"' not in page  # the current language is no link
    home = (out / "index.html").read_text(encoding="utf-8")
    assert '<a href="fr/index.html" hreflang="fr" lang="fr">Français</a>' in home
    assert check_site(out) == []
    zipped = run_hub("offline", "--site", str(out), "--out", str(tmp_path / "dist"), cwd=hub)
    assert zipped.returncode == 0, zipped.stderr
    names = zipfile.ZipFile(zipped.stdout.strip()).namelist()
    assert any(n.endswith("/fr/mission.html") for n in names)
    assert any(n.endswith("/fr/search/search_index.js") or n.endswith("/fr/search/search_index.json")
               for n in names)


def _titles(html: str, part: str = "navigation") -> list[tuple[str, str]]:
    """(lang attribute, text) of each title the theme shows in the page's navigation (or its
    "toc", or "header")."""
    if part == "header":
        block = html.split('class="md-header__topic"', 2)[2].split("</div>")[0]
    else:
        block = html.split(f'data-md-type="{part}"')[1]
        block = block.split('data-md-type="toc"')[0] if part == "navigation" else block.split("</nav>")[0]
    return [(lang, " ".join(text.split())) for lang, text in
            re.findall(r'class="md-ellipsis"(?: lang="([a-z]+)")?>([^<]*)<', block)]


def test_navigation_titles_are_translated_and_untranslated_titles_marked(site: Path) -> None:
    """mkdocs.yml's titles come from the catalogue; a page shown in English keeps its English title,
    marked lang="en" in the navigation, the header and (on its own page) its table of contents."""
    words = {"en": ["Home", "About", "Data", "Contribute"],
             "fr": ["Accueil", "À propos", "Données", "Contribuer"],
             "es": ["Inicio", "Acerca de", "Datos", "Contribuir"],
             "pt": ["Início", "Sobre", "Dados", "Contribuir"]}
    for lang in LANGS:
        shown = _titles(_page(site, lang, "partners/index.html"))
        assert [("", w) for w in words[lang]] == [t for t in shown if t[1] in words[lang]], (lang, shown)
        assert not {"Home", "Data", "Contribute"} & {text for _, text in shown} or lang == "en"
    english = dict((text, lang) for lang, text in _titles(_page(site, "en", "partners/index.html")))
    assert english["Mission, vision and values"] == "" and english["About the network"] == ""
    # French: the mission is translated (its title is French, unmarked); "About the network" is not
    fr = dict((text, lang) for lang, text in _titles(_page(site, "fr", "partners/index.html")))
    assert fr["Mission, vision et valeurs"] == "" and fr["About the network"] == "en"
    assert "Mission, vision and values" not in fr
    # Spanish: neither is translated; on the mission's own page, its header and contents too
    es = _page(site, "es", "mission/index.html")
    assert ("en", "Mission, vision and values") in _titles(es) and ("en", "About the network") in _titles(es)
    assert _titles(es, "header") == [("en", "Mission, vision and values")]
    assert _titles(es, "toc") and all(lang == "en" for lang, _ in _titles(es, "toc"))
    assert _titles(_page(site, "fr", "mission/index.html"), "header") == [("", "Mission, vision et valeurs")]
    assert all(lang == "" for lang, _ in _titles(_page(site, "fr", "mission/index.html"), "toc"))


def test_an_untranslated_pages_macros_write_in_its_language(site: Path) -> None:
    """The data page is not translated into Spanish: its English text is shown, marked, and what its
    macros write (the field tables) is English too, not Spanish words inside English text."""
    html = _page(site, "es", "data/index.html")
    block = html.split('<div lang="en">', 1)[1]
    assert "<th>Data set</th>" in block and "<th>Field</th>" in block
    assert "Conjunto de datos" not in html and "<th>Campo</th>" not in html
    assert "hub-notice--source" in html and '<html lang="es"' in html


def test_a_record_shown_in_english_marks_its_own_headings_in_the_contents(site: Path) -> None:
    html = _page(site, "es", "briefs/alpha-brief/index.html")  # no Spanish translation
    # the body's heading is English; the page's own headings (the interface's) are Spanish
    assert _titles(html, "toc") == [("", "Recomendaciones"), ("en", "The problem"), ("", "Referencias"),
                                    ("", "Citar este informe")]


def test_the_home_page_shown_in_english_has_one_title_marked_english(site: Path) -> None:
    """The home page's template shows its title and lead itself: marked lang="en", not repeated."""
    html = _page(site, "es", "index.html")
    assert '<h1 id="home-title"><span lang="en">Fixture Network Hub</span></h1>' in html
    assert '<p class="hub-home__lead"><span lang="en">A South-South collaboration' in html
    assert html.count("<h1") == 1 and "<title>Fixture Network Hub</title>" in html


# What readers met walking the site in each language (the end of the exchanges heading and the map
# caption of /countries/; the status page's title, and its words for a member, a partner, "missing", a brief)
JOURNEY_WORDS = {
    "fr": (" entre pays", "Carte des échanges entre les pays du portail", "Traductions",
           ("membre", "partenaire", "manquant", "note")),
    "es": (" entre países", "Mapa de los intercambios entre los países del portal", "Traducciones",
           ("miembro", "institución socia", "faltante", "informe")),
    "pt": (" entre países", "Mapa dos intercâmbios entre os países do portal", "Traduções",
           ("membro", "parceiro", "em falta", "resumo")),
}


def test_the_countries_page_names_the_exchanges_in_the_language(site: Path) -> None:
    for lang, (heading, caption, _, _) in JOURNEY_WORDS.items():
        html = _page(site, lang, "countries/index.html")
        assert re.search(f'<h2 id="exchanges">[^<]+{heading}</h2>', html) and caption in html, lang
        assert "between countries" not in html and "Map of the exchanges" not in html, lang


def test_the_status_page_names_kinds_and_states_in_the_language(site: Path) -> None:
    for lang, (_, _, title, (member, partner, missing, brief)) in JOURNEY_WORDS.items():
        html = _page(site, lang, "translations/index.html")
        assert f'<h1 id="translations-title">{title}</h1>' in html and f"<title>{title} - " in html, lang
        cells = re.findall(r"<tr><td>([^<]*)<code>([^<]*)</code></td><td>([^<]*)</td>", html)
        assert (f"{member} ", "ben-example", missing) in cells, (lang, cells[:3])
        assert (f"{brief} ", "beta-brief", missing) in cells, (lang, cells[:3])
        assert (f"{partner} ", "beta-university", missing) in cells, (lang, cells[:3])
        english = {"brief ", "partner ", "member ", "missing", "outdated", "unreviewed", "reviewed"}
        assert not english & {c for cell in cells for c in (cell[0], cell[2])}, lang


def test_search_snippets_show_the_page_not_the_translation_notice(site: Path) -> None:
    """The notice above a page shown untranslated ("not translated yet...") would open every such
    result's snippet: it is not indexed."""
    for lang in LANGS[1:]:
        notice = re.search(r'<p class="hub-notice hub-notice--translation[^>]*>([^<]{20})',
                           _page(site, lang, "partners/beta-university/index.html")).group(1)
        pages = BuiltIndex.read(site / lang).pages()
        snippet = next(p["text"] for p in pages if p["location"] == "partners/beta-university/")
        assert snippet and notice not in snippet, (lang, snippet)
        assert not [p["location"] for p in pages if notice in p["text"]], lang


def test_the_spanish_filter_status_reads_right_for_one_result(site: Path) -> None:
    """"Se muestran 1 de 18" is wrong Spanish; "Mostrando 1 de 18" reads right for any count."""
    html = _page(site, "es", "partners/index.html")
    assert 'data-msg-some="Mostrando {shown} de ' in html and "Se muestran {shown}" not in html
