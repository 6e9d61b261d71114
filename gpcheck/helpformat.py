"""Conventional, plain `--help` pages, the same under every typer release we allow.

Typer's own help labels every value with its Python type (`<bool>` on flags, `<list[Path]>`,
`<int range> [x>=0]`) and pulls in rich's Markdown renderer on every `--help`. These command
classes write help the way Unix tools do — `-f, --format table|json`, `PATH...`, `N` — from
the plain click attributes of each parameter, and translate the few texts typer brings along.
"""

from __future__ import annotations

import enum
from typing import Any

from typer.core import TyperCommand, TyperGroup

from gpcheck.commands.common import HELP

# Options typer adds itself, with help texts from gpcheck's locale files.
_OWN_HELP = {
    "help": "app.help_help",
    "install_completion": "app.install_completion_help",
    "show_completion": "app.show_completion_help",
}


def _value_name(param: Any) -> str:
    """What an option's value looks like: its metavar, its choices, or a plain word.

    Typer keeps the parameter's type in `type_descriptor` (0.29) or click's `type` (older).
    """
    if param.metavar:
        return str(param.metavar)
    kind = getattr(param, "type_descriptor", None) or getattr(param, "type", None)
    choices = getattr(kind, "choices", None)
    if choices:
        return "|".join(str(getattr(c, "value", c)) for c in choices)
    annotation = getattr(kind, "annotation", None)
    name = getattr(kind, "name", "")
    if annotation is int or name in ("int", "int range", "integer", "integer range"):
        return "N"
    if name in ("directory", "file"):
        return "DIR" if name == "directory" else "FILE"
    if getattr(kind, "is_path", False) or name == "path":
        info = getattr(kind, "parameter_info", None) or kind
        if not getattr(info, "file_okay", True):
            return "DIR"
        return "PATH" if getattr(info, "dir_okay", True) else "FILE"
    return "TEXT"


def _argument_name(param: Any) -> str:
    name = str(param.metavar or param.name.upper())
    if not param.required and not name.startswith("["):
        name = f"[{name}]"
    if param.nargs != 1 and not name.endswith("..."):
        name += "..."
    return name


def _default(param: Any) -> str | None:
    if param.is_flag or not param.show_default or param.required:
        return None
    value = param.default
    if value is None or value == [] or callable(value):
        return None
    if isinstance(value, enum.Enum):
        value = value.value
    return HELP("app.default", value=value)


def _option_record(param: Any) -> tuple[str, str]:
    names = ", ".join(sorted(param.opts, key=len))
    if param.secondary_opts:
        names += " / " + ", ".join(param.secondary_opts)
    if not param.is_flag and not param.count:
        names += f" {_value_name(param)}"
    text = HELP(_OWN_HELP[param.name]) if param.name in _OWN_HELP else (param.help or "")
    default = _default(param)
    return names, f"{text}  [{default}]" if default else text


def _argument_record(param: Any) -> tuple[str, str]:
    return _argument_name(param), getattr(param, "help", None) or ""


class _PlainHelp:
    """Usage line and option list from click's attributes, never from Python types."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), HELP("app.usage") + " ")

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [HELP("app.options_metavar")]
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            if param.param_type_name == "argument":
                pieces.append(_argument_name(param))
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        params = [p for p in self.get_params(ctx) if not getattr(p, "hidden", False)]  # type: ignore[attr-defined]
        args = [_argument_record(p) for p in params if p.param_type_name == "argument"]
        opts = [_option_record(p) for p in params if p.param_type_name == "option"]
        if args:
            with formatter.section(HELP("app.arguments")):
                formatter.write_dl(args)
        if opts:
            with formatter.section(HELP("app.options")):
                formatter.write_dl(opts)


class PlainCommand(_PlainHelp, TyperCommand):
    """A gpcheck command with conventional help."""


class PlainGroup(_PlainHelp, TyperGroup):
    """The `gpcheck` group: conventional help, then the list of commands."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [HELP("app.options_metavar"), HELP("app.command_metavar")]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=500)))
        if rows:
            with formatter.section(HELP("app.commands")):
                formatter.write_dl(rows)
