"""Command `serve`: the live learning workshop in the browser (thin: options → gpcheck.web)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gpcheck.commands.common import HELP, CatalogueOption, LangOption, handles_errors, make_env


def register(app: typer.Typer) -> None:
    app.command("serve", help=HELP("serve.help"))(serve)


@handles_errors
def serve(
    folder: Annotated[
        Path,
        typer.Argument(metavar="WORKSHOP_DIR", help=HELP("serve.folder_help"), file_okay=False),
    ],
    criteria: Annotated[
        str | None,
        typer.Option("--criteria", metavar="ID,ID", help=HELP("serve.criteria_help")),
    ] = None,
    lan: Annotated[bool, typer.Option("--lan", help=HELP("serve.lan_help"))] = False,
    port: Annotated[
        int, typer.Option("--port", min=1, max=65535, help=HELP("serve.port_help"))
    ] = 8765,
    lang: LangOption = None,
    catalogue: CatalogueOption = None,
) -> None:
    from gpcheck.web.server import run

    env = make_env(lang, catalogue)
    cat = env.catalogue
    chosen = cat.select(criteria)
    run(folder, cat, chosen, env.t, lang=env.lang if env.chosen else None, lan=lan, port=port)
