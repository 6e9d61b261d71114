"""Two projects of the same name, as the facilitator sees them on the real server: numbered
"(1)", "(2)" with the file in small print, in the group report, and in the terminal's log."""

from __future__ import annotations

import shutil
import urllib.request
from pathlib import Path

from gpcheck.facilitator.context import project_labels
from gpcheck.facilitator.workshop import workshop
from gpcheck.i18n import Translator
from gpcheck.scoring import score
from tests.test_web_serve import _join
from tests.web_support import Server

NAME = "Gesunde Kita Hasenheide"
EXAMPLE = Path(__file__).parents[1] / "examples" / "workshop" / "gesunde-kita-hasenheide.yaml"


def _twin_server(tmp_path: Path, lang: str) -> Server:
    folder = tmp_path / "ws"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder)
    server = Server(folder, "--lang", lang).start()
    b = _join(server)
    b.post(b.url.replace(server.url[:-1], ""), {"name": NAME, "go": "next"})
    return server


def _fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as r:
        return r.read()


def test_the_facilitator_page_numbers_same_named_projects_and_shows_their_files(
    tmp_path: Path,
) -> None:
    server = _twin_server(tmp_path, "de")
    try:
        page = _fetch(server.facilitator).decode()
        assert f"{NAME} (1)" in page and f"{NAME} (2)" in page
        assert "gesunde-kita-hasenheide-2.yaml" in page
        assert "gesunde-kita-hasenheide.yaml" in page
        heat = page.split('<table class="heat">')[1]
        assert f"{NAME} (1)" in heat and f"{NAME} (2)" in heat
    finally:
        server.stop()
    assert f"{NAME} (gesunde-kita-hasenheide-2.yaml): 0 von 12" in server.output()


def test_the_group_report_numbers_same_named_projects_but_stays_anonymous(
    tmp_path: Path,
) -> None:
    server = _twin_server(tmp_path, "en")
    try:
        named = _fetch(server.facilitator + "/workshop.html").decode()
        anonymous = _fetch(server.facilitator + "/workshop.html?anonymous=1").decode()
    finally:
        server.stop()
    projects = named.split('id="projects"')[1]
    assert f"{NAME} (1)" in projects and f"{NAME} (2)" in projects
    assert NAME not in anonymous and "(2)" not in anonymous


def test_the_cli_group_report_numbers_same_named_projects(tmp_path: Path, catalogue) -> None:
    from gpcheck.assessment import load_assessment

    one = score(load_assessment(EXAMPLE, catalogue), catalogue)
    labels = project_labels(workshop([one, one]).projects, Translator("en"))
    assert labels == [f"{NAME} (1)", f"{NAME} (2)"]
    anonymous = project_labels(workshop([one, one], anonymous=True).projects, Translator("en"))
    assert anonymous == ["Project A", "Project B"]
