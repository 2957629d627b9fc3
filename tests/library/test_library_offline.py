"""The offline edition (file://, zips and ZIM) has no calendar file and no subscription link, and
still shows the next event and the library."""
from __future__ import annotations

import pytest
from libproject import EVENT_ID, RESOURCE_ID, TODAY, make_project

from sitebuild import build_site, soup


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory):
    project = make_project(tmp_path_factory.mktemp("library-offline") / "project")
    build = build_site(project / "site", project=project,
                       env={"KB_TODAY": TODAY, "KB_OFFLINE": "true", "KB_ONLY_LANG": "fr"})
    assert build.returncode == 0, build.log
    return build


def test_offline_edition_leaves_the_calendar_out(offline) -> None:
    assert list(offline.site.rglob("*.ics")) == []
    page = soup(offline.site / "networks" / "atn.html")
    box = page.select_one(".kb-next-event")
    assert box["data-next-event"] == EVENT_ID
    assert box.select_one("a[data-kb-calendar]") is None
    assert ".ics" not in str(page)
    assert soup(offline.site / "library.html").find(id=RESOURCE_ID) is not None
