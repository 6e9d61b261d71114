"""The one rule per destination for user text: terminal, rich markup, documents, CSV."""

from gpcheck.sanitize import csv_cell, document, markup, printable


def test_escape_sequences_become_visible_in_the_terminal() -> None:
    assert printable("a\x1b[31mred\x07") == "a\\x1b[31mred\\x07"


def test_c1_controls_and_bidi_overrides_become_visible() -> None:
    assert printable("x\x9by\u202ez") == "x\\x9by\\u202ez"


def test_tabs_and_newlines_stay_unless_asked() -> None:
    assert printable("a\tb\nc") == "a\tb\nc"
    assert printable("a\nb", keep_newlines=False) == "a b"


def test_rich_markup_is_shown_literally() -> None:
    from rich.console import Console

    console = Console(record=True, width=80, color_system=None)
    console.print(markup("[/bold] [link=https://x.example]click[/link] \x1b]8;;"))
    assert console.export_text().strip() == "[/bold] [link=https://x.example]click[/link] \\x1b]8;;"


def test_documents_drop_controls_and_bidi_but_keep_layout() -> None:
    assert document("a\x00b\u202ec\td\ne") == "abc\td\ne"


def test_csv_formula_cells_get_an_apostrophe() -> None:
    for text in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert str(csv_cell(text)).startswith("'")
    assert csv_cell("Nordstadt") == "Nordstadt"
    assert csv_cell(-12.5) == -12.5
    assert csv_cell(None) is None


def test_documents_and_file_names_drop_whole_terminal_sequences() -> None:
    from gpcheck.filenames import slug
    from gpcheck.sanitize import document

    pasted = "\x1b[31mROT\x1b[0m Kiez \x1b]0;title\x07ok \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\"
    assert document(pasted) == "ROT Kiez ok link"
    assert slug(pasted) == "rot-kiez-ok-link"
    assert "[31m" not in document("\x9b31mA") and document("\x9b31mA") == "A"
