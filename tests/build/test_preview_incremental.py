"""The live preview's incremental rebuild serves the same site as a clean build.

After each edit of a sequence (a record changed, added, removed, renamed; a brief's partners
changed; a member withheld and shown again; a draft published; errors and their fixes), the
preview rebuilds the way `make serve` does (`preview_driver.py`: the same hooks, the same
address, drafts shown) and every file of its site folder must be byte for byte the file a
clean build of the same records writes: a page that shows the edited record and was not
rendered again, or a file left behind, fails the test. How fast it is is measured by
`make bench`, never here.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import make_hub

pytestmark = pytest.mark.slow
DRIVER = Path(__file__).with_name("preview_driver.py")
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1780000000", "NO_MKDOCS_2_WARNING": "1"}


class Preview:
    """One preview process, kept across edits as `mkdocs serve` is."""

    def __init__(self, hub: Path, site: Path) -> None:
        self.hub, self.site = hub, site
        self.proc = subprocess.Popen([sys.executable, str(DRIVER), str(hub), str(site)], cwd=hub, env=ENV,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True)

    def build(self, open_pages: tuple[str, ...] = ()) -> str:
        """One build; `open_pages`: output paths of the pages open in a browser, most recent first."""
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(" ".join(open_pages) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline().strip()
        assert line, "the preview process ended"
        return line

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait(timeout=120)


def _clean_build(hub: Path, site: Path) -> None:
    out = subprocess.run([sys.executable, str(DRIVER), str(hub), str(site)], cwd=hub, env=ENV, input="\n",
                         capture_output=True, text=True, timeout=600)
    assert out.stdout.strip() == "built full", out.stderr[-3000:]


def _pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _same_as_clean(hub: Path, site: Path, clean: Path) -> None:
    _clean_build(hub, clean)
    got, want = _tree(site), _tree(clean)
    assert sorted(got.keys() - want.keys()) == [], "left behind by the preview"
    assert sorted(want.keys() - got.keys()) == [], "missing from the preview"
    assert [p for p in sorted(want) if got[p] != want[p]] == [], "differ from a clean build"


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, count), encoding="utf-8")


NEW_PARTNER = """- id: delta-clinic
  example: true
  name: Delta Example Rural Clinic
  type: ngo
  country: "UY"
  website: https://example.org/delta
  focus: [primary-care]
  since: 2024-02-02
  description: Delta runs a rural clinic.
"""


def _edits(hub: Path) -> list[tuple[str, Callable[[], None], str]]:
    partners, members = hub / "partners.yaml", hub / "members.yaml"
    briefs = hub / "content" / "briefs"

    def rename_brief() -> None:
        (briefs / "beta-brief.md").rename(briefs / "beta-renamed.md")

    def add_partner() -> None:
        partners.write_text(partners.read_text(encoding="utf-8") + NEW_PARTNER, encoding="utf-8")

    def remove_partner() -> None:
        text = partners.read_text(encoding="utf-8")
        partners.write_text(text.replace(NEW_PARTNER, ""), encoding="utf-8")

    consent = "consent: {public: %s, date: 2024-03-01}"
    alpha, gamma = briefs / "alpha-brief.md", briefs / "gamma-draft.md"
    module = hub / "curriculum" / "modules" / "sm-101.yaml"

    def edit(path: Path, old: str, new: str):
        return lambda: _edit(path, old, new)

    def move_back_and_remove() -> None:
        _edit(members, "affiliation: delta-clinic", "affiliation: alpha-ministry")
        remove_partner()

    inc = "incremental"
    return [
        ("a partner's name changed", edit(partners, "name: Alpha Example Ministry of Health",
                                          "name: Alpha Example Ministry of Public Health"), inc),
        ("a partner added (in a new country)", add_partner, inc),
        ("a member's affiliation changed",
         edit(members, "affiliation: alpha-ministry", "affiliation: delta-clinic"), inc),
        ("the member moved back, the partner removed", move_back_and_remove, inc),
        ("a brief renamed", rename_brief, inc),
        ("a brief's partners changed",
         edit(alpha, "partners: [alpha-ministry]", "partners: [alpha-ministry, beta-university]"), inc),
        ("a module's hours changed", edit(module, "duration_hours: 3", "duration_hours: 5"), inc),
        # a draft (shown by the preview only) about a country that no published record concerns:
        # the country has no page yet, so its name is not a link; once published, it has one
        ("a draft brief's country changed", edit(gamma, 'countries: ["NP"]', 'countries: ["UY"]'), inc),
        ("a draft brief published", edit(gamma, "status: draft", "status: published"), inc),
        ("a withheld member gives consent", edit(members, consent % "false", consent % "true"), inc),
        ("and withdraws it: no trace stays", edit(members, consent % "true", consent % "false"), inc),
        # the error page replaces the site; the last good one is kept aside, and after the fix
        # only what changed since that build is rendered again
        ("an error", edit(alpha, "beta-university]", "beta-universty]"), "failed"),
        ("another error while the first is still there",
         edit(partners, "city: Kisumu\n", "city: Kisumu\n  tier: nowhere\n"), "failed"),
        ("one fixed, one left", edit(alpha, "beta-universty]", "beta-university]"), "failed"),
        ("the other fixed (and the city edited)",
         edit(partners, "city: Kisumu\n  tier: nowhere\n", "city: Kisumu Town\n"), inc),
        ("after the fix, an edit", edit(partners, "city: Kisumu", "city: Kisumu West"), inc),
        # the records of partners.yaml that did not change are kept from the last reading, the
        # edited one is checked again (hub.load_records._list_file): its mistakes, and those it
        # makes with the others, are still every mistake a full validation finds
        ("a duplicate id in the edited partner",
         edit(partners, "- id: gamma-ngo", "- id: beta-university"), "failed"),
        ("fixed, and its name edited",
         edit(partners, GAMMA % "- id: beta-university",
              (GAMMA % "- id: gamma-ngo").replace("Collective", "Cooperative")), inc),
        ("a withheld member named in a partner",
         edit(partners, "Beta trains community-oriented doctors.",
              "Beta trains doctors with Quillon Withheld."), "failed"),
        ("the name removed", edit(partners, "with Quillon Withheld.", "with nurses."), inc),
    ]


GAMMA = "%s\n  example: true\n  name: Gamma Example Health Collective"


# Edits that add, remove or rename no page: their pages are rendered and shown first, before
# the whole-site steps (hooks/preview_early.py); the others go to the incremental build only.
EARLY = {"a partner's name changed", "a member's affiliation changed", "a brief's partners changed",
         "a module's hours changed", "a draft brief's country changed",
         "the other fixed (and the city edited)",
         "after the fix, an edit", "fixed, and its name edited", "the name removed"}
# The page open in the browser during an edit: it is rendered (and shown) first.
OPEN = {"a partner's name changed": "partners/alpha-ministry/index.html",
        "a brief's partners changed": "briefs/alpha-brief/index.html",
        "a module's hours changed": "curriculum/sm-101/index.html"}


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Preview]:
    """The preview of a fresh copy of the fixture hub, after its first build (a full one)."""
    started = Preview(make_hub(tmp_path / "hub"), tmp_path / "preview-site")
    try:
        assert started.build() == "built full"
        yield started
    finally:
        started.close()


def test_the_preview_after_each_edit_is_a_clean_build(preview: Preview, tmp_path: Path) -> None:
    hub, site, clean = preview.hub, preview.site, tmp_path / "clean-site"
    before = _pages(site)  # the pages of the last build that succeeded
    for what, edit, kind in _edits(hub):
        edit()
        said = preview.build(("about/index.html", OPEN[what]) if what in OPEN else ("about/index.html",))
        assert said.startswith("built " + kind) or said == kind, (what, said)
        if kind == "failed":
            assert "cannot be built" in (site / "index.html").read_text(encoding="utf-8")
            continue
        if kind == "incremental":  # it rendered some pages again, not all
            n, total = map(int, re.search(r"(\d+) of (\d+) pages", said).groups())
            assert 0 < n < total / 2, (what, said)
            # the pages shown before the build finished were already the final ones
            assert "early-differs" not in said, (what, said)
            early = int(re.search(r"(\d+) early", said).group(1))
            assert (early > 0) == (what in EARLY), (what, said)
            if early:  # every page the edit changed was among them: no reader saw a stale page
                shown = re.search(r"early-pages:(\S+)", said).group(1).split(",")
                after = _pages(site)
                stale = [p for p in after if before.get(p) != after[p] and p not in shown]
                assert stale == [], what
                if what in OPEN:
                    assert shown[0] == OPEN[what], (what, shown)
        before = _pages(site)
        _same_as_clean(hub, site, clean)


def test_a_template_edit_rebuilds_everything(preview: Preview, tmp_path: Path) -> None:
    hub, site, clean = preview.hub, preview.site, tmp_path / "clean-site"
    _edit(hub / "overrides" / "hub" / "partner.html", "{% extends", "{#- edited -#}\n{% extends")
    assert preview.build() == "built full"
    _edit(hub / "partners.yaml", "city: Kisumu", "city: Kisumu West")
    assert preview.build().startswith("built incremental")
    _edit(hub / "mkdocs.yml", "site_name:", "# edited\nsite_name:")
    assert preview.build() == "built full"
    _same_as_clean(hub, site, clean)
