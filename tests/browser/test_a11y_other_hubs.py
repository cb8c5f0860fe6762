"""axe-core (WCAG 2.1 AA) on the pages of the two hubs that are not the fixture network: the
second network (tests/fixtures/hub2: Spanish, no members, facts hidden) and an empty hub as
`make adopt` leaves it (every listing in its empty state). Light palette only: the palettes
themselves are audited on the fixture network (test_a11y.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_a11y import audit, page_in

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HUB2_PAGES = ["", "partners/", "partners/servicio-cordoba/", "briefs/", "briefs/veintiun-autores/",
              "curriculum/", "curriculum/mm-red/", "countries/", "countries/ar/", "topics/", "data/"]
EMPTY_PAGES = ["", "partners/", "members/", "briefs/", "curriculum/", "countries/", "topics/", "data/"]


def _built(tmp: Path, records: Path | None, empty: bool = False) -> Path:
    from hub.adopt import _empty_sample

    from .quality_browser import root_helpers

    h = root_helpers()
    hub = h.make_hub(tmp / "hub", records)
    if empty:
        import shutil

        shutil.copy2(h.REPO / "hub.yml", hub / "hub.yml")
        _empty_sample(hub)
    result = h.build_site(hub)
    assert result.returncode == 0, result.stderr
    return hub / "site"


@pytest.fixture(scope="module")
def hub2_url(tmp_path_factory: pytest.TempPathFactory):
    from .quality_browser import root_helpers, serve

    yield from serve(_built(tmp_path_factory.mktemp("hub2"), root_helpers().REPO / "tests/fixtures/hub2"))


@pytest.fixture(scope="module")
def empty_url(tmp_path_factory: pytest.TempPathFactory):
    from .quality_browser import serve

    yield from serve(_built(tmp_path_factory.mktemp("empty"), None, empty=True))


@pytest.fixture
def light_page(chromium_browser):
    with page_in(chromium_browser, "light") as page:
        yield page


@pytest.mark.parametrize("which, pages", [("hub2", HUB2_PAGES), ("empty", EMPTY_PAGES)])
def test_other_hubs_pass_axe(light_page, request: pytest.FixtureRequest, which: str,
                             pages: list[str]) -> None:
    assert audit(light_page, request.getfixturevalue(f"{which}_url"), pages) == {}
