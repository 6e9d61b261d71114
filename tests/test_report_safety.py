"""A PDF report fetches nothing: no network, no local file outside report_templates/."""

from __future__ import annotations

import http.server
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from gpcheck.assessment import load_assessment
from gpcheck.paths import templates_dir
from gpcheck.report.pdf import allowed_path, html_to_pdf, url_fetcher
from gpcheck.report.render import render_report
from gpcheck.scoring import score

pypdf = pytest.importorskip("pypdf")
MARKER = "gpcheck-secret-7f3a9c"


class _Server(http.server.ThreadingHTTPServer):
    hits: list[str]


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server on 127.0.0.1 that records every request it gets."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            body = b"body { color: red }" if self.path.endswith(".css") else MARKER.encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    with urllib.request.urlopen(f"{base}/probe", timeout=5) as response:  # the server works
        assert response.read() == MARKER.encode()
    hits.clear()
    yield base, hits
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(MARKER, encoding="utf-8")
    return path


def attachments(pdf: bytes, tmp_path: Path) -> dict:
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    reader = pypdf.PdfReader(path)
    annots = [
        a.get_object().get("/Subtype") for p in reader.pages for a in (p.get("/Annots") or [])
    ]
    assert "/FileAttachment" not in annots
    return dict(reader.attachments)


def test_a_report_with_urls_in_user_text_fetches_nothing(server, secret, catalogue, tmp_path):
    base, hits = server
    data = {
        "gpcheck": 1,
        "project": {"name": f"Project {base}/name.png"},
        "criteria": {
            "concept": {
                "stage": 2,
                "notes": f'<img src="{base}/n.png"> '
                f'<a rel="attachment" href="{secret.as_uri()}">x</a>',
                "evidence": [
                    f"{base}/evidence.pdf",
                    f'<link rel="stylesheet" href="{base}/x.css">',
                ],
                "plan": [{"action": f"<a rel=attachment href={base}/plan>see</a>"}],
            }
        },
    }
    src = tmp_path / "a.yaml"
    src.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = score(load_assessment(src, catalogue), catalogue)
    pdf = render_report(result, "pdf", tmp_path, lang="en").read_bytes()
    assert hits == []
    assert attachments(pdf, tmp_path) == {}
    assert MARKER.encode() not in pdf


def test_the_pdf_renderer_refuses_every_url_outside_the_templates(server, secret, tmp_path):
    """Even hostile markup (were it ever to reach the HTML) loads nothing and attaches nothing."""
    base, hits = server
    html = f"""<!DOCTYPE html><html><head>
    <link rel="stylesheet" href="{base}/style.css">
    <style>@import url("{base}/import.css");
    body {{ background: url("{secret.as_uri()}"); }}</style>
    <link rel="attachment" href="{secret.as_uri()}">
    <link rel="attachment" href="{base}/link-attachment">
    </head><body>
    <p>Hallo Größe</p>
    <img src="{base}/img.png"> <img src="{secret.as_uri()}">
    <a rel="attachment" href="{secret.as_uri()}">local</a>
    <a rel="attachment" href="{base}/remote">remote</a>
    <a rel="attachment" href="/etc/hostname">relative</a>
    <a rel="attachment" href="../pyproject.toml">up</a>
    <object data="{base}/object"></object><embed src="{base}/embed">
    <svg><image href="{base}/svg-image.png" width="10" height="10"/></svg>
    </body></html>"""
    pdf = html_to_pdf(html)
    assert hits == []
    assert attachments(pdf, tmp_path) == {}
    assert MARKER.encode() not in pdf
    assert b"[tool" not in pdf  # pyproject.toml was not attached


def test_the_fetcher_serves_template_assets_and_nothing_else(secret, tmp_path):
    css = templates_dir() / "report.css"
    assert allowed_path(css.as_uri()) == css.resolve()
    response = url_fetcher().fetch(css.as_uri())
    assert b"@page" in response.read()
    outside = [
        secret.as_uri(),
        css.as_uri().replace("report.css", "../pyproject.toml"),
        (templates_dir() / "missing.css").as_uri(),
        templates_dir().as_uri(),  # a folder
        "http://127.0.0.1:9/report.css",
        "https://example.org/",
        "data:text/plain,hello",
        f"file://otherhost{css}",
        "ftp://127.0.0.1/x",
    ]
    for url in outside:
        assert allowed_path(url) is None, url
        with pytest.raises(ValueError):
            url_fetcher().fetch(url)


def test_a_symlink_out_of_the_asset_folder_is_refused(secret, tmp_path):
    root = tmp_path / "assets"
    root.mkdir()
    (root / "link.txt").symlink_to(secret)
    (root / "ok.txt").write_text("ok", encoding="utf-8")
    assert allowed_path((root / "ok.txt").as_uri(), root) == (root / "ok.txt").resolve()
    assert allowed_path((root / "link.txt").as_uri(), root) is None
