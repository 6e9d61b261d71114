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


def md_escape(value: object, inline: bool = False) -> str:
    """Escape text for Markdown; `inline` (table cells, headings) also folds line breaks."""
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    lines = [_escape_line(line.strip()) for line in text.split("\n")]
    lines = [line for line in lines if line]
    return (" " if inline else "\n").join(lines)


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
