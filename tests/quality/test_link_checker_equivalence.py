"""The link checker of `make build` (pages read in memory by a fast reader) finds exactly what
the checker it replaced found (html.parser over every file read back from disk, kept as
tests/quality/reference_check_links.py): the same ids and links on every page of the fixture
and sample sites, on odd markup, and the same broken links, anchors and repeated ids."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import reference_check_links as reference

from hub.check_links import LinkIndex, _parse_reference, _read_fast, check_site, read_page

pytestmark = pytest.mark.slow


def _refs(refs) -> tuple:
    return refs.ids, refs.links, refs.first_line, refs.duplicates


def _reference_refs(text: str) -> tuple:
    parser = reference._PageParser()
    parser.feed(text)
    parser.close()
    return parser.ids, parser.links, parser.first_line, parser.duplicates


@pytest.fixture(params=["fixture_site", "repo_site"])
def site(request: pytest.FixtureRequest) -> Path:
    return request.getfixturevalue(request.param)


def test_every_page_reads_the_same_as_with_html_parser(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    fast = 0
    for page in pages:
        text = page.read_text(encoding="utf-8", errors="replace")
        assert _refs(read_page(text)) == _reference_refs(text), page
        fast += _read_fast(text, {}) is not None
    assert fast == len(pages)  # the theme's and the hub's markup never needs the slow path


def _shown(broken) -> list[str]:
    return [b.format() for b in broken]


def test_whole_sites_give_the_same_verdict(site: Path) -> None:
    assert _shown(check_site(site)) == _shown(reference.check_site(site))


ODD_MARKUP = {
    "comment hides a link": '<p>a</p><!-- <a href="gone/">x</a> --><a href="#top" id="top">t</a>',
    "comment closed by -- >": '<!-- a -- ><a href="x/">x</a>',
    "script text is not markup": '<script>var s = "<a href=\\"gone/\\" id=\\"z\\">";</script><a id="z">',
    "style text is not markup": '<style>a[href="<a href=x>"] {}</style><a href="y/">',
    "upper-case script end": '<SCRIPT>"<a href=q>"</Script ><a href="r/">',
    "self-closing script": '<script src="s.js"/><a href="t/">',
    "quoted >": '<div title="a > <a href=gone>"><a href="fine/">f</a></div>',
    "single quotes and bare values": "<a href='a/' id=b>x</a><img src=c.png alt=''>",
    "entities": '<a href="a/?x=1&amp;y=2#s&eacute;">x</a><h2 id="caf&eacute;">c</h2>',
    "upper-case names": '<A HREF="up/" ID="Up">x</A>',
    "spaces around =": '<a href = "sp/" id =x>x</a>',
    "tag across lines": '<p>\n<a\nclass="c"\nhref="multi/">m</a>\n<span id="later">l</span>',
    "anchor names": '<a name="n1">a</a><span name="not-an-id">b</span><a href="#n1">c</a>',
    "canonical link": '<link rel="canonical" href="https://x.org/"><link rel="icon" href="i.png">',
    "srcset": '<img src="a.png" srcset="a.png 1x, b.png 2x , ,c.png 3x" alt="">',
    "duplicate ids": '<h2 id="d">1</h2>\n<h2 id="d">2</h2>\n<p id="d">3</p>',
    "attribute without value": '<a href>x</a><input id>',
    "doctype and bogus comment": '<!doctype html><!x-y <a href="gone/">><a href="z/">',
    "end tag swallows a tag": '</p <a href="gone/">><a href="z/">',
    "lone <": '<p>1 < 2 and 3<4</p><a href="lt/">',
    "empty and blank": '<a href="">e</a><a href="  sp/  ">s</a>',
    "data attribute names": '<div data-href="no/" data-id="no" data="obj.svg" poster="p.png">',
    "unclosed comment": '<a href="a/"><!-- <a href="b/">',
    "unclosed tag": '<a href="a/"><a href="b/"',
    "processing instruction": '<?xml version="1.0"?><a href="a/">',
    "marked section": '<![CDATA[ <a href="x/"> ]]><a href="a/">',
    "unclosed script": '<a href="a/"><script>"<a href=b>"',
    "junk after attributes": '<a href="a/" "junk>x</a><a href="b/">',
    "slash in tag": '<a/href="a/"/id="s">x</a><br/><a href="b/"/>',
    "carriage returns": '<p>\r\n<a href="cr/">x</a>\r<span id="cr">y</span>',
}


# Markup the fast reader leaves to html.parser (it would guess where something ends).
SLOW_PATH = {"unclosed comment", "unclosed tag", "processing instruction", "marked section",
             "unclosed script"}


@pytest.mark.parametrize("name", ODD_MARKUP)
def test_odd_markup_reads_the_same_as_with_html_parser(name: str) -> None:
    text = ODD_MARKUP[name].replace("\r\n", "\n").replace("\r", "\n")  # as a file reader sees it
    assert _refs(read_page(text)) == _reference_refs(text)
    assert (_read_fast(text, {}) is None) == (name in SLOW_PATH)  # the fast reader's own verdict
    assert _refs(_parse_reference(text)) == _reference_refs(text)


def _break(site: Path) -> None:
    """Broken links, a broken anchor, a repeated id and a link outside the site, on two pages."""
    page = site / "briefs" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", """
      <a href="../partners/no-such-partner/">a</a>
      <a href="../partners/alpha-ministry/#no-such-anchor">b</a>
      <a href="#nowhere">c</a><img src="../assets/missing.png" alt="m">
      <a href="../partners/alpha-ministry/">fine</a><a href="https://example.org/x">external</a>
      <a href="../../outside/">outside</a><a href="/elsewhere/">absolute</a>
      <a href="../partners/no-such-partner/">again, another line</a>
      </article>""", 1), encoding="utf-8")
    brief = site / "briefs" / "alpha-brief" / "index.html"
    brief.write_text(brief.read_text(encoding="utf-8").replace(
        "</article>", '<h2 id="recommendations">Again</h2><a href="../#gone">up</a></article>', 1),
        encoding="utf-8")


def test_broken_links_anchors_and_ids_found_alike_in_memory_and_on_disk(fixture_site: Path,
                                                                        tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)
    _break(site)
    expected = _shown(reference.check_site(site))
    reasons = {(b.url, b.reason.split(" ")[0]) for b in reference.check_site(site)}
    assert {("../partners/no-such-partner/", "no"), ("../partners/alpha-ministry/#no-such-anchor", "no"),
            ("#nowhere", "no"), ("../assets/missing.png", "no"), ("../../outside/", "no"),
            ("/elsewhere/", "no"), ("#recommendations", "the"), ("../#gone", "no")} == reasons
    assert _shown(check_site(site)) == expected  # from disk
    index = LinkIndex()  # in memory, as during `make build`: every page but the 404 page
    for page in sorted(site.rglob("*.html")):
        if page.name != "404.html":
            index.add(page.relative_to(site).as_posix(), page.read_text(encoding="utf-8"))
    assert _shown(index.broken(site)) == expected


def test_a_page_in_memory_but_not_written_is_no_target(fixture_site: Path, tmp_path: Path) -> None:
    """What counts is the written site: a link to a page that was rendered but not written
    (or removed after the build, as the offline build removes 404.html) is broken."""
    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)
    index = LinkIndex()
    index.add("ghost/index.html", '<a href="../index.html">home</a><h2 id="g">g</h2>')
    index.add("index.html", (site / "index.html").read_text(encoding="utf-8")
              + '<a href="ghost/#g">ghost</a>')
    (site / "index.html").write_text(
        (site / "index.html").read_text(encoding="utf-8") + '<a href="ghost/#g">ghost</a>', encoding="utf-8")
    found = [(b.page, b.url, b.reason) for b in index.broken(site)]
    assert found == [("index.html", "ghost/#g", "no such file in the site")]


def test_links_between_language_trees_are_checked_like_any_other(tmp_path: Path) -> None:
    """A page of one language linking to the same page in another language (a language
    switcher): found when that page and its anchor exist, broken otherwise, in memory and on
    disk alike. (One build per language must check the links of the combined site.)"""
    pages = {
        "partners/a/index.html": '<h1 id="t">A</h1><a href="../../fr/partners/a/#t">fr</a>'
                                 '<a href="../../fr/partners/b/">fr b</a>'
                                 '<a href="../../fr/partners/a/#x">x</a>',
        "fr/partners/a/index.html": '<h1 id="t">A</h1><a href="../../../partners/a/#t">en</a>',
    }
    for rel, html in pages.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(html, encoding="utf-8")
    index = LinkIndex()
    for rel, html in pages.items():
        index.add(rel, html)
    expected = _shown(reference.check_site(tmp_path))
    assert expected == [
        "partners/a/index.html:1: '../../fr/partners/a/#x': no element with id 'x' "
        "on fr/partners/a/index.html",
        "partners/a/index.html:1: '../../fr/partners/b/': no such file in the site"]
    assert _shown(index.broken(tmp_path)) == _shown(check_site(tmp_path)) == expected


# Pages cut where Material's page has its landmarks (hub.check_links._CUTS), with a landmark
# where a cut would split something: the page must read as html.parser reads it, every time.
_HEADER = '<header class="md-header"><a href="../" id="logo">l</a>\n'
_TITLE = '<div class="md-header__title">{title}</div>\n'
_TAIL = '</article>\n<footer><a href="../../">up</a></footer><a id="end" href="#logo">e</a>'
PIECES = {
    "plain": _HEADER + _TITLE + '<div class="md-container"><a href="n/">n</a>\n'
             '<article class="md-content__inner"><h2 id="x">x</h2>{body}' + _TAIL,
    "landmark in a comment": _HEADER + '<!-- <div class="md-header__title"> -->\n' + _TITLE
                             + '<article class="md-content__inner">{body}' + _TAIL,
    "landmark in a script": _HEADER + _TITLE + '<script>var h = \'<div class="md-container">\';</script>'
                            + '<article class="md-content__inner">{body}' + _TAIL,
    "landmark in an attribute": '<p title=\'<header class="md-header">\' id="p">q</p>' + _HEADER + _TITLE
                                + '<article class="md-content__inner">{body}' + _TAIL,
    "comment across a cut": _HEADER + '<!-- open\n' + _TITLE + ' close --><a href="c/">c</a>'
                            + '<article class="md-content__inner">{body}' + _TAIL,
    "repeated id across pieces": _HEADER + '<h2 id="x">0</h2>' + _TITLE
                                 + '<article class="md-content__inner"><h2 id="x">x</h2>{body}' + _TAIL,
    "two article ends": _HEADER + _TITLE + '<article class="md-content__inner">{body}</article>'
                        '<a id="mid" href="m/">m</a>\n' + _TAIL,
    "unclosed tag before a cut": _HEADER + '<a href="u/"' + _TITLE + '<article class="md-content__inner">'
                                 '{body}' + _TAIL,
}


def _summary_of(text: str) -> tuple:
    """What the verdict keeps of a page, as html.parser reads it: its ids and anchors, whether
    an id is used twice, its distinct links."""
    ids, links, _, duplicates = _reference_refs(text)
    return ids, bool(duplicates), {url.strip() for _, url in links}


def _pieces_summary(pieces) -> tuple:
    from hub.check_links import _summary

    ids, repeated, shared, others = _summary(pieces)
    return ids, repeated, set().union(*shared, others)


@pytest.mark.parametrize("name", PIECES)
def test_pages_read_in_pieces_read_as_with_html_parser(name: str) -> None:
    """Three pages sharing their pieces but the title and the body, read with one cache: the
    first reads each piece, the second remembers the recurring ones, the third reuses them."""
    from hub.check_links import _PIECES, _read_pieces

    cache: dict = {}
    for k in range(3):
        text = PIECES[name].format(title=f"Page {k}", body=f'<p id="b{k}">\n<a href="p{k}/#x">b</a></p>')
        assert _refs(read_page(text, cache)) == _reference_refs(text), (name, k)
        pieces = _read_pieces(text, cache)
        # A cut inside a comment, script, tag or attribute: the page is read whole, nothing reused.
        whole = {"landmark in a comment", "landmark in a script", "landmark in an attribute",
                 "comment across a cut", "unclosed tag before a cut"}
        assert (pieces is None) == (name in whole), name
        if pieces is not None:
            assert _pieces_summary(pieces) == _summary_of(text), (name, k)
    if name not in whole:
        assert cache[_PIECES][0], name  # recurring pieces were remembered and reused


def test_site_pages_are_read_in_pieces_and_reused_alike(site: Path) -> None:
    """Every page of a built site read with one cache (as `make build` does) gives what
    html.parser gives, and the recurring pieces (head, header, sidebar, footer) were reused."""
    from hub.check_links import _PIECES, _read_pieces

    cache: dict = {}
    for _ in range(2):
        for page in sorted(site.rglob("*.html")):
            text = page.read_text(encoding="utf-8", errors="replace")
            pieces = _read_pieces(text, cache)
            assert pieces is not None, page
            assert _pieces_summary(pieces) == _summary_of(text), page
    assert len(cache[_PIECES][0]) > 5
