"""The facilitator's live page and downloads, in-process; and that the folder `serve` writes
is a normal workshop folder for the CLI."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gpcheck.cli import app
from gpcheck.web.downloads import pdf_available
from tests.web_support import Participant, workshop


@pytest.fixture
def ws(tmp_path: Path, catalogue):
    return workshop(tmp_path / "ws", catalogue)


@pytest.fixture
def group(ws) -> list[Participant]:
    a, b = Participant(ws), Participant(ws)
    a.start("Bewegte Kita")
    a.save("c/participation", stage="3")
    a.save("c/empowerment", stage="0")
    b.start("Stadtteilmütter")
    for cid in ws.store.asked:
        b.save(f"c/{cid}", stage="1")
    b.get(f"/p/{b.token}/overview")
    b.post(f"/p/{b.token}/finish", b.hidden())
    return [a, b]


def _page(ws, query: str = "", part: str = "") -> str:
    viewer = Participant(ws)
    r = viewer.get(f"/f/{ws.keys.facilitator}{part}{query}")
    assert r.status_code == 200
    return r.text


def test_the_group_page_shows_who_is_where(ws, group) -> None:
    page = _page(ws)
    assert "2 projects, 1 finished" in page
    assert "Bewegte Kita" in page and "Stadtteilmütter" in page
    assert "2 of 12" in page and "12 of 12" in page


def test_the_group_page_shows_the_heat_map_and_distributions(ws, group) -> None:
    page = _page(ws)
    assert '<table class="heat">' in page
    assert page.count("shade-") >= 12
    assert page.count('<div class="card dist">') == 12
    assert "Topics for the next workshop" in page or "next" in page


def test_a_new_project_appears_in_the_live_part(ws, group) -> None:
    assert "Quartiersküche" not in _page(ws, part="/live")
    Participant(ws).start("Quartiersküche")
    live = _page(ws, part="/live")
    assert "Quartiersküche" in live
    assert "<html" not in live  # only the part that changes


def test_anonymous_mode_shows_no_name(ws, group) -> None:
    for part in ("", "/live"):
        page = _page(ws, "?anonymous=1", part)
        assert "Bewegte Kita" not in page and "Stadtteilmütter" not in page
        assert "bewegte-kita" not in page  # no file names or report links either
        assert "Project A" in page


def test_projector_mode_uses_large_type(ws, group) -> None:
    assert 'class="facilitator projector"' in _page(ws, "?projector=1")
    assert 'class="facilitator"' in _page(ws)


def test_the_group_report_downloads(ws, group) -> None:
    viewer = Participant(ws)
    fmt = "pdf" if pdf_available("en") else "html"
    r = viewer.get(f"/f/{ws.keys.facilitator}/workshop.{fmt}?anonymous=1")
    assert r.status_code == 200
    assert r.headers["content-disposition"] == f'attachment; filename="workshop-anonym.{fmt}"'
    html = viewer.get(f"/f/{ws.keys.facilitator}/workshop.html").text
    assert "Bewegte Kita" in html and "Stadtteilmütter" in html
    if fmt == "pdf":
        from pypdf import PdfReader

        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(r.content)).pages)
        assert "Bewegte Kita" not in text


def test_each_projects_report_downloads(ws, group) -> None:
    viewer = Participant(ws)
    r = viewer.get(f"/f/{ws.keys.facilitator}/report/stadtteilmuetter.html")
    assert r.status_code == 200
    assert "Stadtteilmütter" in r.text
    assert viewer.get(f"/f/{ws.keys.facilitator}/report/nope.html").status_code == 404


def test_a_broken_file_in_the_folder_is_named_not_fatal(ws, group) -> None:
    (ws.folder / "kaputt.yaml").write_text("gpcheck: 1\nproject: [\n")
    page = _page(ws)
    assert "kaputt.yaml" in page
    assert "Bewegte Kita" in page


def test_the_cli_reads_the_folder_serve_wrote(ws, group) -> None:
    run = CliRunner().invoke(app, ["workshop", str(ws.folder), "--lang", "en", "-f", "md"])
    assert run.exit_code == 0, run.output
    assert "Bewegte Kita" in run.output and "Stadtteilmütter" in run.output
    run = CliRunner().invoke(app, ["validate", str(ws.folder)])
    assert run.exit_code == 0, run.output


def test_an_empty_workshop_says_so(ws) -> None:
    assert "No project has answered yet." in _page(ws)


def test_the_group_page_asks_the_consistency_questions(ws, catalogue) -> None:
    p = Participant(ws)
    p.start("Starke Kinder")
    p.save("c/empowerment", stage=str(catalogue.get("empowerment").top))
    p.save("c/participation", stage="0")
    page = _page(ws)
    assert "Where could those you strengthen also share decisions?" in page


def test_the_facilitator_page_shows_the_join_code_and_a_qr_code(ws) -> None:
    ws.join_links = ("http://192.0.2.2:8765/",)
    page = _page(ws)
    assert ws.keys.join_code in page
    assert "http://192.0.2.2:8765/" in page
    assert '<svg viewBox="' in page and 'class="segno"' in page
    assert ws.keys.join_code not in _page(ws, part="/live")  # not in the refreshed part


def test_the_middle_stage_reads_as_words_not_a_fraction(ws, group) -> None:
    page = _page(ws)
    # Empowerment: stage 0 and stage 1 → the middle lies between them, said in words.
    assert "between 0 and 1 of 4" in page
    assert "of 4/4" not in page


def test_the_group_page_has_no_profile_column_that_would_rank_projects(ws, group) -> None:
    page = _page(ws)
    assert 'class="profile"' not in page and ">Profile<" not in page
