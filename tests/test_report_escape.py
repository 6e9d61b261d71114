"""User text is shown as the literal text in HTML and Markdown reports, never as markup."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from gpcheck.assessment import load_assessment
from gpcheck.paths import templates_dir
from gpcheck.report.markdown import md_escape
from gpcheck.report.render import render_report
from gpcheck.scoring import score

EVIL = {
    "name": "Evil <script>alert(1)</script> Project",
    "organisation": "Org <img src=x onerror=alert(2)>",
    "location": "[click](javascript:alert(3))",
    "contact": "a | b | c",
    "assessor": "**Bold** _it_ `code` &amp; &lt;",
    "notes": "# Not a heading\n- not a list\n1. not ordered\n<b>raw</b> ](javascript:x) ---",
    "evidence": "<iframe src=http://127.0.0.1:9/>",
    "action": "Step | with | pipes <a href=javascript:alert(4)>x</a>",
    "owner": "Owner [x](javascript:alert(5))",
    "reason": "Reason <svg onload=alert(6)>",
}


def evil_file(tmp_path: Path) -> Path:
    data = {
        "gpcheck": 1,
        "language": "en",
        "project": {
            "name": EVIL["name"],
            "organisation": EVIL["organisation"],
            "location": EVIL["location"],
            "contact": EVIL["contact"],
            "assessors": [EVIL["assessor"]],
        },
        "criteria": {
            "target_group": {
                "stage": 1,
                "notes": EVIL["notes"],
                "evidence": [EVIL["evidence"]],
                "plan": [{"action": EVIL["action"], "owner": EVIL["owner"]}],
            },
            "multipliers": {"applicable": False, "reason": EVIL["reason"]},
        },
    }
    path = tmp_path / "evil.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


class _Collect(HTMLParser):
    """Tags, attributes and the visible text of an HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> _Collect:
    parser = _Collect()
    parser.feed(html)
    return parser


def flat(text: str) -> str:
    return " ".join(text.split())


def assert_no_markup_from_users(doc: _Collect, allowed_img: int = 0) -> None:
    names = [tag for tag, _ in doc.tags]
    for bad in ("script", "iframe", "b"):
        assert bad not in names
    assert names.count("img") == allowed_img
    svgs = [a for tag, a in doc.tags if tag == "svg"]
    assert all("onload" not in a for a in svgs)
    for _tag, attrs in doc.tags:
        for key, value in attrs.items():
            assert not key.startswith("on"), key
            assert "javascript" not in (value or "").lower()


def render(tmp_path: Path, catalogue, fmt: str) -> str:
    """The full report (with the criterion pages), so every user text is in it."""
    result = score(load_assessment(evil_file(tmp_path), catalogue), catalogue)
    return render_report(result, fmt, tmp_path, lang="en", full=True).read_text(encoding="utf-8")


def test_html_report_shows_user_text_literally(tmp_path: Path, catalogue) -> None:
    doc = parse(render(tmp_path, catalogue, "html"))
    assert_no_markup_from_users(doc)
    text = flat("".join(doc.text))
    for key, value in EVIL.items():
        if key != "notes":
            assert flat(value) in text, key
    for line in EVIL["notes"].splitlines():
        assert line in text


def test_markdown_report_shows_user_text_literally(tmp_path: Path, catalogue) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    source = render(tmp_path, catalogue, "md")
    html = markdown_it.MarkdownIt("commonmark").enable("table").render(source)
    doc = parse(html)
    assert_no_markup_from_users(doc, allowed_img=1)  # the chart, next to the report
    assert [a["src"] for t, a in doc.tags if t == "img"] == [
        "evil-script-alert-1-script-project.radar.svg"
    ]
    text = flat("".join(doc.text))
    for key in ("name", "organisation", "location", "contact", "assessor", "action", "owner"):
        assert flat(EVIL[key]) in text, key
    for line in EVIL["notes"].splitlines():
        assert line in text
    assert not [t for t, _ in doc.tags if t in ("h1", "ol")][1:]  # only the report's own h1


def test_markdown_tables_keep_their_columns_with_pipes_in_user_text(
    tmp_path: Path, catalogue
) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    html = (
        markdown_it.MarkdownIt("commonmark")
        .enable("table")
        .render(render(tmp_path, catalogue, "md"))
    )
    plan = html[html.rindex("<table>") :]
    rows = re.findall(r"<tr>(.*?)</tr>", plan, re.S)
    assert len(rows) == 5  # header, the step, three empty rows for new steps
    cells = re.findall(r"<td>(.*?)</td>", rows[1], re.S)
    assert len(cells) == 5
    assert flat("".join(parse(cells[2]).text)) == flat(EVIL["action"])
    assert all(len(re.findall(r"<td>", row)) == 5 for row in rows[2:])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<img src=x>", r"\<img src=x\>"),
        ("[a](javascript:b)", r"\[a\](javascript:b)"),
        ("| a |", r"\| a \|"),
        ("1. x", r"1\. x"),
        ("- x", r"\- x"),
        ("---", r"\---"),
        ("&ouml;", r"\&ouml;"),
        ("05.10.2026", "05.10.2026"),
        ("Größe – 3-4", "Größe – 3-4"),
        (None, ""),
    ],
)
def test_md_escape(text: str | None, expected: str) -> None:
    assert md_escape(text) == expected


def test_md_escape_inline_folds_lines() -> None:
    assert md_escape("a\n\n  b  \r\n", inline=True) == "a b"


@pytest.mark.parametrize("template", sorted(p.name for p in templates_dir().glob("*.md")))
def test_every_value_in_markdown_templates_goes_through_md(template: str) -> None:
    """A `{{ … }}` without |md would let user text through as Markdown."""
    source = (templates_dir() / template).read_text(encoding="utf-8")
    for expr in re.findall(r"\{\{(.*?)\}\}", source, re.S):
        assert re.search(r"\|\s*md(_url)?\b", expr) or re.match(r"\s*(stage_cell|cell)\(", expr), (
            f"{template}: {{{{{expr}}}}} is not escaped"
        )


def test_md_escape_with_breaks_keeps_each_line_inside_its_list_item() -> None:
    """A backslash at a line's end is a hard line break; the team's own backslash stays text."""
    text = "ends with \\\r\n\n- not a list\n# not a heading"
    lines = ["ends with \\\\\\", "  \\- not a list\\", "  \\# not a heading"]
    assert md_escape(text, breaks=True, indent=2) == "\n".join(lines)


def test_the_page_footer_drops_a_terminal_escape_from_the_project_name(tmp_path, catalogue):
    from gpcheck.report.templates import css_string

    assert css_string("Evil \x1b[31mROT\x1b[0m \x1b]0;pwned\x07\u202e") == '"Evil ROT "'
    path = tmp_path / "evil.yaml"
    path.write_text(
        'gpcheck: 1\nproject: {name: "Evil \\e[31mROT\\e[0m"}\ncriteria:\n  concept: {stage: 2}\n',
        encoding="utf-8",
    )
    result = score(load_assessment(path, catalogue), catalogue)
    html = render_report(result, "html", tmp_path, lang="en").read_text(encoding="utf-8")
    assert "31m" not in html and "\\1b" not in html
