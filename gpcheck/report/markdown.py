"""Escaping of user text for Markdown, so that it always renders as the literal text.

A note like `<img src=x>`, `[click](javascript:…)` or `| a | b |` must show up as typed, on
every common Markdown host (CommonMark, GitHub, GitLab). Backslash escapes work for any ASCII
punctuation in CommonMark; only characters that can start markup are escaped, so the Markdown
stays readable as plain text.
"""

from __future__ import annotations

import re

# Characters that can start inline markup anywhere in a line. `(`, `)` and `!` only matter
# after a `]` or a `[`, which are escaped, so they stay as typed (readable plain text).
_INLINE = re.compile(r"([\\`*_\[\]<>|~#])")
# An HTML entity such as &ouml; or &#60; would be decoded: escape its ampersand.
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# Markup that only counts at the start of a line: list markers followed by a space, and
# lines that are only `-`/`=` (rules, setext headings).
_LINE_START = re.compile(r"^(\s*)([-+]|\d{1,9}[.)])(?=\s|$)")
_RULE = re.compile(r"^(\s*)([-=])(?=[-=\s]*$)")


def text_lines(value: object) -> list[str]:
    """The lines of a text as the team typed them: trimmed, blank lines left out, so every
    format (HTML, PDF, Markdown) breaks the same text at the same places."""
    if value is None:
        return []
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return [line.strip() for line in text.split("\n") if line.strip()]


def md_escape(value: object, inline: bool = False, breaks: bool = False, indent: int = 0) -> str:
    """Escape text for Markdown; `inline` (table cells, headings) folds line breaks.

    `breaks` keeps the team's line breaks where Markdown would join them: each line but the
    last ends with a backslash (a CommonMark hard line break), and the next line is indented
    by `indent` spaces, so it stays inside a list item."""
    lines = [_escape_line(line) for line in text_lines(value)]
    if inline:
        return " ".join(lines)
    if breaks:
        return ("\\\n" + " " * indent).join(lines)
    return "\n".join(lines)


def _escape_line(line: str) -> str:
    line = _INLINE.sub(r"\\\1", line)
    line = _ENTITY.sub(r"\\&", line)
    line = _RULE.sub(r"\1\\\2", line)
    return _LINE_START.sub(_escape_start, line)


def _escape_start(match: re.Match[str]) -> str:
    lead, mark = match.group(1), match.group(2)
    if mark[-1] in ".)":  # `1.` or `1)` would start an ordered list
        return f"{lead}{mark[:-1]}\\{mark[-1]}"
    return f"{lead}\\{mark}"
