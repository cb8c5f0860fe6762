"""Quality gates on the built sites (fixture and repository): no foreign scripts, no event
handlers, no unsafe URL schemes, a strict Content-Security-Policy on every page, and no
broken internal link or anchor."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from quality_scan import root_helpers, scan_files, scan_html, site_base_path

from hub.check_links import check_site
from hub.csp import MARKER, inline_scripts, sha256_source

pytestmark = pytest.mark.slow
SITES = ["fixture_site", "repo_site"]
CSP_RE = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


@pytest.fixture(params=SITES)
def site(request: pytest.FixtureRequest) -> Path:
    return request.getfixturevalue(request.param)


def test_no_foreign_script_handler_or_scheme(site: Path) -> None:
    assert scan_html(site) == []


def test_every_file_is_of_an_allowed_kind(site: Path) -> None:
    assert scan_files(site) == []
    assert any(site.rglob("*.svg")), "the scans must see the logos (SVG)"


def test_scanners_find_script_in_svg_and_files_of_other_kinds(fixture_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)
    (site / "assets" / "x.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
                                           "<script>alert(2)</script></svg>")
    (site / "briefs" / "y.xhtml").write_text('<html xmlns="http://www.w3.org/1999/xhtml">'
                                             '<a href="javascript:alert(3)">x</a></html>')
    (site / "briefs" / "z.php").write_text("<?php ?>")
    (site / "briefs" / "link.css").symlink_to(site / "index.html")
    found = "\n".join(scan_html(site))
    assert "assets/x.svg:1: event-handler attribute <svg onload='alert(1)'>" in found
    assert "assets/x.svg:1: inline <script> that the theme did not write: 'alert(2)'" in found
    assert "briefs/y.xhtml:1: <a href='javascript:alert(3)'>" in found
    assert scan_files(site) == ["briefs/link.css: a symbolic link",
                                "briefs/y.xhtml: a file of a kind the site does not publish (.xhtml)",
                                "briefs/z.php: a file of a kind the site does not publish (.php)"]


def test_every_page_has_a_strict_csp_that_allows_its_own_inline_scripts(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert MARKER not in html, page
        m = CSP_RE.search(html)
        assert m, f"{page}: no Content-Security-Policy meta tag"
        assert html.index(m.group(0)) < html.index("<script"), f"{page}: CSP after a script"
        directives = dict(d.strip().split(" ", 1) for d in m.group(1).split(";"))
        script_src = directives["script-src"].split()
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
        assert "*" not in script_src and not any(s.startswith(("http", "https:")) for s in script_src)
        assert directives["object-src"] == "'none'" and directives["base-uri"] == "'none'"
        for script in inline_scripts(html):
            assert sha256_source(script) in script_src, f"{page}: inline script not allowed"


def test_scanner_finds_what_it_must(fixture_site: Path, tmp_path: Path) -> None:
    """A test of the scan itself: planted problems are all found."""
    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)
    page = site / "partners" / "alpha-ministry" / "index.html"
    html = page.read_text(encoding="utf-8")
    html = html.replace("</article>", """
      <script>alert(1)</script><img src=x onerror=alert(1)>
      <a href="javascript:alert(1)">x</a><a href=" JaVaScRiPt:alert(1)">y</a>
      <script src="https://evil.example/x.js"></script><iframe src="data:text/html,x"></iframe>
      </article>""", 1)
    page.write_text(html, encoding="utf-8")
    found = "\n".join(scan_html(site))
    for what in ("inline <script> that the theme did not write", "onerror", "'javascript'",
                 "not one of the site's own assets", "<iframe> element", "scheme 'data'"):
        assert what in found, what
    assert found.count("scheme 'javascript'") == 2


def test_no_broken_internal_links(site: Path) -> None:
    broken = check_site(site, site_base_path(site))
    assert [b.format() for b in broken] == []


def test_link_checker_finds_broken_links_and_anchors(fixture_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)
    page = site / "briefs" / "index.html"
    html = page.read_text(encoding="utf-8").replace("</article>", """
      <a href="../partners/no-such-partner/">a</a>
      <a href="../partners/alpha-ministry/#no-such-anchor">b</a>
      <a href="#nowhere">c</a><img src="../assets/missing.png" alt="m">
      <a href="../partners/alpha-ministry/">fine</a><a href="https://example.org/x">external</a>
      </article>""", 1)
    page.write_text(html, encoding="utf-8")
    broken = {(b.url, b.reason.split(" ")[0]) for b in check_site(site)}
    assert broken == {("../partners/no-such-partner/", "no"), ("../assets/missing.png", "no"),
                      ("../partners/alpha-ministry/#no-such-anchor", "no"), ("#nowhere", "no")}


def test_check_links_command(fixture_site: Path, tmp_path: Path) -> None:
    ok = root_helpers().run_hub("check-links", str(fixture_site), cwd=tmp_path)
    assert ok.returncode == 0 and "No broken internal links" in ok.stderr
    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)
    (site / "index.html").write_text('<a href="gone/">x</a>', encoding="utf-8")
    bad = root_helpers().run_hub("check-links", str(site), cwd=tmp_path)
    assert bad.returncode == 1 and "index.html:1: 'gone/': no such file" in bad.stderr


def test_link_checker_refuses_a_duplicate_id(fixture_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)
    page = site / "briefs" / "alpha-brief" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert html.count('id="recommendations"') == 1
    page.write_text(html.replace("</article>", '<h2 id="recommendations">Recommendations</h2></article>', 1),
                    encoding="utf-8")
    (dup,) = check_site(site)
    assert (dup.page, dup.url) == ("briefs/alpha-brief/index.html", "#recommendations")
    assert dup.reason.startswith("the id 'recommendations' is used twice on this page (first on line ")
