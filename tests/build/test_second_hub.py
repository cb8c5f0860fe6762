"""A second, deliberately different network built with the same code: only its hub.yml and its
content differ (tests/fixtures/hub2). Spanish, its own vocabularies with module levels renamed
and in a non-alphabetical order, no member profiles, briefs without SDG targets or tiers, WHO
region hidden, income group relabelled, another licence and a site under a sub-path. If reuse
breaks (a word, a section or a label hard-coded for the first network), this goes red."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import REPO, build_site, make_hub, run_hub

HUB2 = REPO / "tests" / "fixtures" / "hub2"
SAMPLE_WORDS = ["Health Equity", "health-equity-hub", "CC BY 4.0", "creativecommons.org/licenses/by/4.0",
                "Young health professionals", "federal, provincial and local", "social-medicine",
                "WHO region", "Policy brief", "policy brief"]


@pytest.fixture(scope="module")
def hub2(tmp_path_factory: pytest.TempPathFactory) -> Path:
    hub = make_hub(tmp_path_factory.mktemp("hub2") / "hub", HUB2)
    result = build_site(hub, env={"SOURCE_DATE_EPOCH": "1764633600"})
    assert result.returncode == 0, result.stderr
    return hub


def text(hub: Path, rel: str) -> str:
    return (hub / "site" / rel).read_text(encoding="utf-8")


def visible(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", html)).split())


def test_every_internal_link_resolves_under_its_sub_path(hub2: Path) -> None:
    result = run_hub("check-links", str(hub2 / "site"), cwd=hub2)
    assert result.returncode == 0, result.stderr


def test_the_network_speaks_in_its_own_words(hub2: Path) -> None:
    home = text(hub2, "index.html")
    assert '<html lang="es"' in home
    assert "<title>Red Latinoamericana de Salud Mental Comunitaria</title>" in home
    nav = re.findall(r'class="md-nav__link[^"]*"[^>]*>\s*<span class="md-ellipsis">\s*([^<]+?)\s*</span>',
                     home)
    assert {"Instituciones", "Notas técnicas", "Formación", "Países", "Temas"} <= set(nav)
    for path in (hub2 / "site").rglob("*"):
        if path.suffix in (".html", ".xml", ".json", ".csv", ".bib", ".ris", ".txt"):
            body = path.read_text(encoding="utf-8")
            found = [w for w in SAMPLE_WORDS if w in (visible(body) if path.suffix == ".html" else body)]
            assert not found, (path.relative_to(hub2), found)


def test_a_switched_off_section_leaves_no_trace(hub2: Path) -> None:
    site = hub2 / "site"
    assert not (site / "members").exists()
    assert not (site / "data" / "members.json").exists()
    assert not (site / "data" / "schemas" / "members.schema.json").exists()
    assert "Integrantes" not in text(hub2, "index.html")
    assert "members" not in visible(text(hub2, "countries/index.html")).lower()


def test_exchanges_in_the_networks_words(hub2: Path) -> None:
    listing = visible(text(hub2, "exchanges/index.html"))
    assert "Córdoba y Oaxaca: acompañamiento comunitario" in listing and "Pasantía" in listing
    page = visible(text(hub2, "exchanges/cordoba-oaxaca/index.html"))
    assert "Argentina" in page and "México" in page and "Sur-Sur" in page  # names and labels in Spanish
    assert "Ingreso mediano alto" in page  # the network shows income groups (hub.yml facts), in Spanish
    assert "Intercambios" in visible(text(hub2, "partners/servicio-cordoba/index.html"))
    rows = json.loads(text(hub2, "data/exchanges.json"))
    assert [(r["id"], r["direction"]) for r in rows] == [("cordoba-oaxaca", "south-south")]


def test_the_numbers_page_switched_off_leaves_no_trace(hub2: Path) -> None:
    """hub2's hub.yml says `numbers: {enabled: false}`: no page, no navigation entry, no data file,
    no schema, no link to any of them."""
    site = hub2 / "site"
    assert not (site / "numbers").exists()
    for name in ("numbers.json", "numbers.csv", "schemas/numbers.schema.json"):
        assert not (site / "data" / name).exists(), name
    for page in site.rglob("*.html"):
        body = page.read_text(encoding="utf-8")
        assert "La red en cifras" not in body and "numbers/" not in body, page.relative_to(site)


def test_levels_follow_the_configured_order_not_the_alphabet(hub2: Path) -> None:
    page = text(hub2, "curriculum/index.html")
    order = [m for m in re.findall(r'href="(?:\.\./)?curriculum/([a-z-]+)/"|href="([a-z-]+)/"', page)]
    ids = [a or b for a, b in order if (a or b) in ("zz-escucha", "mm-red", "aa-supervision")]
    assert list(dict.fromkeys(ids)) == ["zz-escucha", "mm-red", "aa-supervision"]
    data = json.loads(text(hub2, "data/modules.json"))
    assert [m["level"] for m in data] == ["inicial", "avanzado", "experto"]


def test_facts_hidden_or_relabelled_and_optional_fields_left_out(hub2: Path) -> None:
    partner = visible(text(hub2, "partners/servicio-cordoba/index.html"))
    assert "Grupo de ingreso (Banco Mundial)" in partner and "Región de la OMS" not in partner
    assert "Provincial o estatal" in partner  # a tier of a government partner type of hub.yml
    brief = visible(text(hub2, "briefs/continuidad-de-cuidados/index.html"))
    assert "SDG" not in brief and "Tiers of government" not in brief
    assert "region" not in text(hub2, "partners/index.html").split('id="partner-list"')[0].lower().replace(
        "role=\"region\"", "")


def test_licence_feeds_and_citations_are_the_networks(hub2: Path) -> None:
    brief = text(hub2, "briefs/continuidad-de-cuidados/index.html")
    assert '"license":"https://creativecommons.org/licenses/by-sa/4.0/"' in brief
    assert "<title>Red Latinoamericana de Salud Mental Comunitaria: Notas técnicas</title>" in text(
        hub2, "briefs.rss.xml")
    assert "type = {Nota técnica}" in text(hub2, "briefs/continuidad-de-cuidados/cite.bib")
    assert "https://salud-mental.example.net/red/briefs/" in text(hub2, "briefs.atom.xml")


def test_a_hub_of_partners_only_builds_without_a_dangling_link(tmp_path: Path) -> None:
    """Every section but the partners switched off (briefs, curriculum, countries, topics
    too): no page, navigation entry, link, data file or feed of theirs is left behind."""
    hub = make_hub(tmp_path / "hub", HUB2)
    text = (hub / "hub.yml").read_text(encoding="utf-8")
    for section in ("briefs", "curriculum", "countries", "topics"):
        head = f"  {section}:\n"
        assert head in text
        text = text.replace(head, head + "    enabled: false\n", 1)
    (hub / "hub.yml").write_text(text, encoding="utf-8")
    data_page = "---\ntitle: Datos\nrender_macros: true\n---\n\n{{ data_sets() }}\n"
    (hub / "content" / "data.md").write_text(data_page, encoding="utf-8")
    result = build_site(hub)
    assert result.returncode == 0, result.stderr
    site = hub / "site"
    assert run_hub("check-links", str(site), cwd=hub).returncode == 0
    for gone in ("briefs", "curriculum", "countries", "topics", "briefs.rss.xml", "data/modules.json",
                 "data/briefs.json"):
        assert not (site / gone).exists(), gone
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Instituciones" in home and "Formación" not in home and "Notas técnicas" not in home
    partner = (site / "partners" / "servicio-cordoba" / "index.html").read_text(encoding="utf-8")
    assert "Argentina" in partner and "countries/ar/" not in partner and "topics/" not in partner


def test_the_interface_speaks_the_networks_language(hub2: Path) -> None:
    """hub.yml says `language: es`: the hub's own words are Spanish too, not only the network's
    (listings, filters, facts, citations, dates and numbers), with no English left."""
    partners = visible(text(hub2, "partners/index.html"))
    assert "Filtrar por texto" in partners and "Ordenar por" in partners and "Por tipo" in partners
    partner = visible(text(hub2, "partners/servicio-cordoba/index.html"))
    assert re.search(r"Socia desde : (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|"
                     r"noviembre|diciembre) de \d{4}", partner)
    brief = visible(text(hub2, "briefs/continuidad-de-cuidados/index.html"))
    assert "Recomendaciones" in brief and "Referencias" in brief and "Descargar la cita:" in brief
    assert re.search(r"\d{1,2} de [a-z]+ de \d{4}", brief)
    for rel in ("partners/index.html", "briefs/index.html", "curriculum/index.html", "countries/index.html",
                "partners/servicio-cordoba/index.html", "briefs/continuidad-de-cuidados/index.html"):
        shown = visible(text(hub2, rel))
        english = [w for w in ("Filter by", "Sort by", "Partner since", "Recommendations", "Cite this",
                               "None yet", "Showing all", "By country", " in all") if w in shown]
        assert not english, (rel, english)
