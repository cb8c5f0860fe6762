"""The languages in a browser: the switcher goes to the same page in the other language (a plain
link: it works with Material's scripts running and from `file://`), and the pages of every
language pass axe, a right-to-left language (Arabic) included: `dir="rtl"`, both palettes."""

from __future__ import annotations

from pathlib import Path

import pytest

from .quality_browser import serve
from .test_a11y import SCHEMES, audit, page_in

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def languages_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from languages_site import build_languages, with_translations

    hub = with_translations(tmp_path_factory.mktemp("languages-browser") / "hub")
    cfg = hub / "hub.yml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("languages: [en, fr, es, pt]",
                                                            "languages: [en, fr, ar]"), encoding="utf-8")
    done = build_languages(hub, hub / "site")
    assert done.returncode == 0, done.stderr[-3000:]
    return hub / "site"


@pytest.fixture(scope="module")
def languages_url(languages_site: Path):
    yield from serve(languages_site)


def test_the_switcher_goes_to_the_same_page(chromium_browser, languages_url: str) -> None:
    page = chromium_browser.new_page()
    try:
        page.goto(languages_url + "curriculum/sm-101/")
        page.get_by_role("link", name="Français", exact=True).click()
        page.wait_for_url(languages_url + "fr/curriculum/sm-101/")
        assert page.evaluate("document.documentElement.lang") == "fr"
        assert page.locator("h1").first.inner_text() == "Fondements de la médecine sociale"
        page.get_by_role("link", name="العربية").click()
        page.wait_for_url(languages_url + "ar/curriculum/sm-101/")
        page.get_by_role("link", name="English", exact=True).click()
        page.wait_for_url(languages_url + "curriculum/sm-101/")
        assert page.evaluate("document.documentElement.lang") == "en"
    finally:
        page.close()


def test_the_switcher_works_from_file(chromium_browser, languages_site: Path) -> None:
    page = chromium_browser.new_page()
    try:
        page.goto((languages_site / "fr" / "mission" / "index.html").as_uri())
        page.get_by_role("link", name="English", exact=True).click()
        page.wait_for_load_state("load")
        assert page.url == (languages_site / "mission" / "index.html").as_uri() or \
            page.url == (languages_site / "mission").as_uri() + "/"
    finally:
        page.close()


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_right_to_left_and_translated_pages_pass_axe(chromium_browser, languages_url: str,
                                                     scheme: str) -> None:
    def right_to_left_in_arabic(page, rel: str) -> None:
        if rel.startswith("ar/"):
            # Material writes the direction on <body>; the page reads right to left
            found = page.evaluate("[document.documentElement.lang, document.body.dir, getComputedStyle("
                                  "document.querySelector('.md-content')).direction]")
            assert found == ["ar", "rtl", "rtl"], rel

    pages = ("ar/", "ar/partners/alpha-ministry/", "ar/briefs/alpha-brief/", "fr/mission/",
             "fr/curriculum/sm-101/", "fr/partners/beta-university/", "translations/")
    with page_in(chromium_browser, scheme) as page:
        failures = audit(page, languages_url, pages, check=right_to_left_in_arabic)
    assert failures == {}


def test_a_french_query_finds_the_french_brief(chromium_browser, languages_url: str) -> None:
    """Search on /fr/ reads the French index (French stems): a French word the brief uses only in
    its translation, and another form of one of its words, find the French page, never the English."""
    from .test_search_readers import results

    page = chromium_browser.new_page()
    try:
        base = languages_url + "fr/"
        assert "briefs/alpha-brief" in results(page, base, "quokkaflux")
        assert "briefs/alpha-brief" in results(page, base, "réformes financées")  # plural forms
        english = results(page, languages_url, "quokkaflux")  # the English index has the word too
        assert all(not path.startswith("fr/") for path in english)
    finally:
        page.close()


@pytest.fixture(scope="module")
def spanish_url(tmp_path_factory: pytest.TempPathFactory):
    """The sample hub in English and Spanish, with the sample's Spanish translations (its brief on
    community health workers among them), over HTTP."""
    from languages_site import build_languages, sample_hub

    hub = sample_hub(tmp_path_factory.mktemp("spanish-browser") / "hub", "en", keep=("es",))
    assert (hub / "content" / "briefs" / "community-health-workers.es.md").is_file()
    done = build_languages(hub, hub / "site")
    assert done.returncode == 0, done.stderr[-3000:]
    yield from serve(hub / "site")


def test_a_spanish_query_finds_the_spanish_brief(chromium_browser, spanish_url: str) -> None:
    """Search on /es/ reads the Spanish index (Spanish stems): a word only the translation has, and
    another form of one of its words, find the Spanish brief; results are Spanish pages only (the
    helper refuses a result outside /es/), and the English index has no Spanish page."""
    from .test_search_readers import results

    page = chromium_browser.new_page()
    try:
        base = spanish_url + "es/"
        brief = "briefs/community-health-workers"
        assert brief in results(page, base, "voluntariado")  # the English brief says "volunteer"
        assert brief in results(page, base, "supervisiones")  # the brief says "supervisión"
        english = results(page, spanish_url, "remuneration")
        assert brief in english and all(not path.startswith("es/") for path in english)
    finally:
        page.close()


# Pages a reader on a phone opens (found overflowing in Spanish: the numbers page's tables, whose
# headings did not wrap, and the partners' sort menu, as wide as its longest option)
PHONE_PAGES = ["es/", "es/partners/", "es/numbers/", "es/briefs/community-health-workers/", "es/curriculum/",
               "es/curriculum/ghs-102-primary-health-care/", "es/members/", "es/exchanges/", "es/data/",
               "es/countries/", "es/translations/", "numbers/", "partners/"]
_WIDER = """() => { const vw = document.documentElement.clientWidth;
  return [...document.querySelectorAll('.md-content *')].filter(e => e.getBoundingClientRect().right > vw + 1
    && ![...e.children].some(c => c.getBoundingClientRect().right > vw + 1))
    .map(e => e.tagName.toLowerCase() + ': ' + (e.textContent || '').trim().slice(0, 40)).slice(0, 3); }"""


@pytest.fixture
def phone(chromium_browser):
    """A page in a 390 px wide browser window, closed after the test."""
    context = chromium_browser.new_context(viewport={"width": 390, "height": 844})
    yield context.new_page()
    context.close()


def test_a_phone_reader_never_scrolls_sideways(phone, spanish_url: str) -> None:
    wide = {}
    for rel in PHONE_PAGES:
        phone.goto(spanish_url + rel)
        if phone.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth"):
            wide[rel] = phone.evaluate(_WIDER)
    assert wide == {}


def test_a_modules_hours_stay_on_one_line_on_a_phone(phone, spanish_url: str) -> None:
    """"4,5 h" in the curriculum's listing never breaks between the number and its unit."""
    phone.goto(spanish_url + "es/curriculum/")
    lines = phone.evaluate("[...document.querySelectorAll('.hub-item__meta')].map(m => [...m.childNodes]"
                           ".filter(n => /\\d h$/.test(n.textContent.trim())).map(n => { const r = "
                           "document.createRange(); r.selectNodeContents(n); "
                           "return r.getClientRects().length; })).flat()")
    assert len(lines) > 10 and set(lines) == {1}, lines


def test_the_charts_labels_stay_readable_on_a_phone(phone, spanish_url: str) -> None:
    """The numbers page's bar charts shrink to the phone's width; their words stay about 10 px high."""
    phone.goto(spanish_url + "es/numbers/")
    sizes = phone.evaluate("[...document.querySelectorAll('.hub-chart .hub-chart__label')]"
                           ".map(t => t.getBoundingClientRect().height)")
    assert sizes and min(sizes) >= 10.5, sorted(sizes)[:3]  # 9 px boxes (7 px letters) before


_AFTER = "sel => [...document.querySelectorAll(sel)].map(a => getComputedStyle(a, '::after').content)"


def test_printed_links_show_their_address_once(chromium_browser, spanish_url: str) -> None:
    """On paper a link prints its address after it, except where its text is the address already
    (the citation, a partner's web site): not twice."""
    page = chromium_browser.new_page()
    try:
        page.goto(spanish_url + "es/briefs/community-health-workers/")
        page.emulate_media(media="print")
        cite = page.evaluate(_AFTER, ".hub-cite__apa a[href^='http']")
        assert cite and all("http" not in c and "attr" not in c for c in cite), cite
        page.goto(spanish_url + "es/partners/example-gh-hospital/")
        page.emulate_media(media="print")
        site = page.evaluate(_AFTER, ".hub-dl dd > a[href^='http']")
        assert site and all("http" not in c and "attr" not in c for c in site), site
        page.goto(spanish_url + "es/about/")
        page.emulate_media(media="print")
        other = page.evaluate(_AFTER, ".md-content a[href='https://kiwix.org']")
        assert other and all(c.startswith('" <') for c in other), other  # other links still print it
    finally:
        page.close()
