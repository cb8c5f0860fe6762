"""`make build` (`python -m hub build`): validation runs once, a record's mistake is reported as
`make validate` reports it, a broken link or anchor in any written page stops it (found in
memory, the same lines as the checker that read the site back), and the site it writes is the
one `mkdocs build` writes, byte for byte."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import REPO, build_site, make_hub, run_hub
from hub import build, build_session, validate_links
from hub import config as hub_config

sys.path.insert(0, str(REPO / "tests" / "quality"))
import reference_check_links as reference  # noqa: E402

pytestmark = pytest.mark.slow
EPOCH = "1764633600"


def _count_validations(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    calls: list[Path] = []
    real = validate_links.validate

    def counting(root, *args, **kwargs):
        calls.append(Path(root))
        return real(root, *args, **kwargs)

    monkeypatch.setattr(validate_links, "validate", counting)  # hooks/site.py imports it at load
    return calls


def test_validation_runs_once_per_build_whatever_the_languages(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    hub = make_hub(tmp_path / "hub")
    calls = _count_validations(monkeypatch)
    assert build.run(hub) == 0
    assert len(calls) == 1
    assert (hub / "site" / "partners" / "index.html").is_file() and not (hub / "site.tmp").exists()
    # Without the hand-over, each language's build validates again: the seam counts them.
    languages = hub_config.load_or_raise(hub).all_languages
    monkeypatch.setattr(build_session, "hand_over_validation", lambda *a: None)
    assert build.run(hub) == 0
    assert len(calls) == 1 + 1 + len(languages)


def test_a_record_mistake_is_reported_as_make_validate_reports_it(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub")
    partners = hub / "partners.yaml"
    partners.write_text(partners.read_text().replace('country: "KE"', 'country: "KEN"'))
    built, validated = run_hub("build", cwd=hub), run_hub("validate", cwd=hub)
    assert built.returncode == validated.returncode == 1
    assert "partners.yaml:20:12: partners[2].country: 'KEN' is not a two-letter country code" in built.stderr
    assert built.stderr == validated.stderr.replace("`make validate`", "`make build`")
    assert not (hub / "site").exists() and not (hub / "site.tmp").exists()  # MkDocs never started


def test_a_broken_link_or_anchor_stops_the_build(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub")
    about = hub / "content" / "about.md"  # raw HTML: MkDocs' own check does not read it
    about.write_text(about.read_text(encoding="utf-8") + '\n\n<p><a href="../partners/no-such/">x</a>\n'
                     '<a href="../partners/#no-such-anchor">y</a> <span id="dup"></span>'
                     '<span id="dup"></span></p>\n', encoding="utf-8")
    result = run_hub("build", cwd=hub)
    assert result.returncode == 1, result.stderr
    expected = [b.format() for b in reference.check_site(hub / "site.tmp")]
    assert {line.split(": ", 1)[1] for line in expected if line.startswith("about/index.html:")} == {
        "'../partners/no-such/': no such file in the site",
        "'#dup': the id 'dup' is used twice on this page (first on line "
        + next(x for x in expected if "'#dup'" in x).split("first on line ")[1],
        "'../partners/#no-such-anchor': no element with id 'no-such-anchor' on partners/index.html"}
    assert "\n".join(expected) + f"\n{len(expected)} broken internal links in site.tmp\n" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (hub / "site").exists()  # all or nothing


def test_the_site_is_byte_identical_to_mkdocs_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    hub = make_hub(tmp_path / "hub")
    # the source language: what a bare `mkdocs build` builds
    result = run_hub("build", "--site-dir", "made", "--languages", "en",
                     "--timings", str(tmp_path / "t.json"), cwd=hub)
    assert result.returncode == 0, result.stderr
    assert "No broken internal links in made.tmp." in result.stderr
    assert "Built made/. CPU time" in result.stderr and "link check" in result.stderr
    assert build_site(hub, env={"SOURCE_DATE_EPOCH": EPOCH}).returncode == 0
    made = {p.relative_to(hub / "made"): p for p in (hub / "made").rglob("*") if p.is_file()}
    plain = {p.relative_to(hub / "site"): p for p in (hub / "site").rglob("*") if p.is_file()}
    assert made.keys() == plain.keys() and len(made) > 50
    assert [k for k in made if made[k].read_bytes() != plain[k].read_bytes()] == []


# A hook of the test hub, run after every other hook but hooks/links.py: a later hook that
# changes a page after its shell was filled in (the check must read what is written).
_LATE_HOOK = '''
import os
from mkdocs.plugins import event_priority


@event_priority(-50)
def on_post_page(output, page, config):
    lang = os.environ.get("HUB_LANG")
    if page.file.dest_uri == "partners/beta-university/index.html" and lang == "en":
        output = output.replace("</article>", '<a href="../no-such-late/">late</a><img alt="" '
                                'srcset="../../assets/images/favicon.png 1x, ../../no-such-2x.png 2x">'
                                "</article>", 1)
    if page.file.dest_uri == "partners/gamma-ngo/index.html" and lang == "fr":
        output = output.replace("</article>", '<a href="#no-such-fr-anchor">fr</a></article>', 1)
    if page.file.dest_uri.startswith("partners/") and lang == "en":  # in the navigation of every page
        output = output.replace('<nav class="md-nav md-nav--primary"',
                                '<a href="../../no-such-nav/">n</a><nav class="md-nav md-nav--primary"', 1)
    return output
'''


def test_broken_links_in_every_part_of_a_shell_drawn_page_are_found(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Record pages drawn from a page shell (hooks/record_shells.py): a broken link in the
    shell's fixed part (every partner page), in a page's own part (one per page), added by a
    later hook (in the content, a srcset, the navigation), and an anchor missing in a language's
    folder: `make build` reports each, with its line, as the checker reading the files back."""
    monkeypatch.setenv("HUB_PAGE_SHELLS_REPORT", "1")
    hub = make_hub(tmp_path / "hub")
    partner = hub / "overrides" / "hub" / "partner.html"
    partner.write_text(partner.read_text(encoding="utf-8").replace(
        "{% block hub_related %}",
        '{% block extrahead %}{{ super() }}<link rel="preload" as="style" href="../../no-such-fixed.css">'
        "{% endblock %}\n{% block hub_related %}"
        '<p><a href="../{{ record.id | e }}-gone/">own</a></p>', 1), encoding="utf-8")
    (hub / "hooks" / "late_test_hook.py").write_text(_LATE_HOOK, encoding="utf-8")
    config = hub / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - hooks/links.py", "  - hooks/late_test_hook.py\n  - hooks/links.py", 1), encoding="utf-8")
    result = run_hub("build", "--languages", "en,fr", cwd=hub)
    assert result.returncode == 1, result.stderr
    shells = next(line for line in result.stderr.splitlines() if "record pages from shells" in line)
    assert " partner 0" not in shells  # the partner pages were drawn from shells
    expected = [b.format() for b in reference.check_site(hub / "site.tmp")]
    shown = "\n".join(expected)
    partners = ("alpha-ministry", "beta-university", "gamma-ngo")
    for p in partners:  # the shell's fixed part and each page's own part, in both languages
        for prefix in ("", "fr/"):
            assert f"{prefix}partners/{p}/index.html:" in shown
            assert f"'../{p}-gone/': no such file in the site" in shown
    assert shown.count("'../../no-such-fixed.css': no such file in the site") == 2 * len(partners)
    for late in ("partners/beta-university/index.html:{}: '../no-such-late/': no such file in the site",
                 "partners/beta-university/index.html:{}: '../../no-such-2x.png': no such file in the site",
                 "fr/partners/gamma-ngo/index.html:{}: '#no-such-fr-anchor': no element with id "
                 "'no-such-fr-anchor' on fr/partners/gamma-ngo/index.html"):
        assert any(line.startswith(late.split("{}")[0]) and line.endswith(late.split("{}: ")[1])
                   for line in expected), late
    assert shown.count("'../../no-such-nav/'") >= len(partners)
    assert shown + f"\n{len(expected)} broken internal links in site.tmp\n" in result.stderr
    assert not (hub / "site").exists()
