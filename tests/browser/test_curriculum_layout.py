"""The curriculum's tables read well on a laptop (1366 px) and on a phone (390 px): the
"Modules by competency" matrix fits its scroll container, titles do not break inside a word,
marks are marks (with "covered" for screen readers, never a visible "●yes"), a list replaces
the matrix on a phone, module sessions fit, lesson notes have their own heading, and axe
finds nothing, in both palettes. On the repository's sample curriculum (14 modules, 10
competencies): the sizes that broke the layout."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WIDTHS = {"laptop": (1366, 900), "phone": (390, 844)}
MODULE = "curriculum/sm-101-foundations/"  # has lesson notes with headings

OVERFLOW = """() => ({doc: document.documentElement.scrollWidth, view: window.innerWidth,
  boxes: [...document.querySelectorAll('.hub-scroll')].filter(c => c.offsetParent).map(c => {
    const art = c.closest('article').getBoundingClientRect(), r = c.getBoundingClientRect();
    return {inside: r.left >= art.left - 1 && r.right <= art.right + 1,
            fits: c.querySelector('table').scrollWidth <= c.clientWidth}; })})"""

BROKEN_WORDS = """() => { const bad = [];
  for (const a of document.querySelectorAll('.hub-matrix th[scope=row] a, .hub-matrix thead span')) {
    const t = a.firstChild; let i = 0;
    for (const w of t.textContent.split(' ')) {
      const r = document.createRange(); r.setStart(t, i); r.setEnd(t, i + w.length);
      if (w && r.getClientRects().length > 1) bad.push(w);
      i += w.length + 1; } }
  return bad; }"""


@pytest.fixture(params=list(WIDTHS))
def sized(request: pytest.FixtureRequest, chromium_browser):  # type: ignore[no-untyped-def]
    width, height = WIDTHS[request.param]
    context = chromium_browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.form = request.param  # type: ignore[attr-defined]
    yield page
    context.close()


@pytest.mark.sample  # the shipped sample's curriculum
def test_competency_matrix_fits_and_reads(sized, quality_repo_url: str) -> None:  # type: ignore[no-untyped-def]
    page = sized
    page.goto(quality_repo_url + "curriculum/")
    layout = page.evaluate(OVERFLOW)
    assert layout["doc"] <= layout["view"], "the page scrolls sideways"
    assert all(b["inside"] for b in layout["boxes"]), layout
    wide, narrow = page.locator(".hub-matrix-wide"), page.locator(".hub-matrix-narrow")
    if page.form == "laptop":
        assert wide.is_visible() and not narrow.is_visible()
        assert all(b["fits"] for b in layout["boxes"]), "the matrix is cut off: it needs a sideways scroll"
        assert page.evaluate(BROKEN_WORDS) == []
        marks = page.locator(".hub-matrix td:has(.hub-matrix__mark)")
        assert marks.count() >= 14
        for i in range(marks.count()):
            cell = marks.nth(i)
            assert cell.locator(".hub-matrix__mark").get_attribute("aria-hidden") == "true"
            hidden = cell.locator(".hub-vh").bounding_box()
            assert cell.locator(".hub-vh").inner_text() == "covered" and hidden["width"] <= 1
        assert "yes" not in page.locator(".hub-matrix").inner_text()
    else:
        assert not wide.is_visible() and narrow.is_visible()
        items = narrow.locator(":scope > li")
        heads = page.locator(".hub-matrix thead th.hub-matrix__competency")
        assert items.count() == heads.count() >= 8
        assert items.first.locator("a").count() >= 1


@pytest.mark.sample  # the shipped sample's curriculum
def test_module_sessions_and_notes(sized, quality_repo_url: str) -> None:  # type: ignore[no-untyped-def]
    page = sized
    page.goto(quality_repo_url + MODULE)
    layout = page.evaluate(OVERFLOW)
    assert layout["doc"] <= layout["view"], "the page scrolls sideways"
    assert layout["boxes"] and all(b["inside"] and b["fits"] for b in layout["boxes"]), layout
    notes = page.locator("article h2#notes")
    assert notes.inner_text().strip() == "Notes for teachers"
    # the notes' own headings sit under it (h3), after the objectives
    after = page.evaluate("""() => { const h = document.getElementById('notes');
        const out = []; let e = h.nextElementSibling;
        while (e && e.tagName !== 'H2' && !e.classList.contains('hub-related')) {
          if (/^H[3-6]$/.test(e.tagName)) out.push(e.tagName); e = e.nextElementSibling; }
        return out; }""")
    assert after and set(after) == {"H3"}
    assert page.locator("article h2").all_inner_texts()[:2] == ["Learning objectives", "Notes for teachers"]


@pytest.mark.sample  # the shipped sample's curriculum
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_curriculum_tables_pass_axe(chromium_browser, quality_repo_url: str, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    found = {}
    for form, (width, height) in WIDTHS.items():
        context = chromium_browser.new_context(viewport={"width": width, "height": height},
                                               color_scheme=scheme)
        page = context.new_page()
        for rel in ("curriculum/", MODULE):
            page.goto(quality_repo_url + rel)
            page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
            result = Axe().run(page, options={"runOnly": {"type": "tag", "values": [
                "wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
            if result.response["violations"]:
                found[(form, rel)] = [(v["id"], [n["target"] for n in v["nodes"]][:3])
                                      for v in result.response["violations"]]
        context.close()
    assert found == {}
