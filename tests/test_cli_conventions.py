"""The command line behaves like other Unix tools: plain help, completion, clear language errors."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.cli_support import gpcheck

COMMANDS = [
    "score",
    "validate",
    "criteria",
    "init",
    "schema",
    "assess",
    "report",
    "doctor",
    "workshop",
    "consensus",
    "compare",
    "worksheet",
]


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_no_python_types(cli, command) -> None:
    result = cli(command, "--help")
    assert result.exit_code == 0, result.output
    for noise in ("<bool>", "<list[", "<int", "x>=0", "<str>", "<file>", "<path>"):
        assert noise not in result.stdout


def test_help_uses_the_conventional_names() -> None:
    text = gpcheck("score", "--help").stdout
    assert "Usage: gpcheck score [OPTIONS] PATH..." in text
    assert "  PATH...  " in text
    assert "-f, --format table|json|jsonl|csv" in text
    assert "-j, --jobs N" in text
    assert "  --strict  " in text  # a flag takes no value


def test_help_is_translated_with_the_language() -> None:
    text = gpcheck("init", "--help", GPCHECK_LANG="de").stdout
    assert text.startswith("Aufruf: gpcheck init [OPTIONEN] FILE")
    assert "Diese Hilfe zeigen und beenden." in text


def test_shell_completion_can_be_installed_and_shown(cli) -> None:
    text = cli("--help").stdout
    assert "--install-completion" in text and "--show-completion" in text
    # Run from bash, as a user would: typer finds the shell among the parent processes.
    script = subprocess.run(
        ["bash", "-c", f"{sys.executable} -m gpcheck --show-completion; true"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "_gpcheck_completion" in script.stdout, script.stderr


def test_completion_offers_the_commands() -> None:
    run = gpcheck(_GPCHECK_COMPLETE="complete_bash", COMP_WORDS="gpcheck sc", COMP_CWORD="1")
    assert "score" in run.stdout.split() and "schema" in run.stdout.split()


def test_an_unknown_environment_language_gets_one_warning_line() -> None:
    run = gpcheck("validate", "examples/bewegt-im-quartier.yaml", GPCHECK_LANG="fr")
    assert run.returncode == 0
    warnings = [ln for ln in run.stderr.splitlines() if "GPCHECK_LANG" in ln]
    assert warnings == [
        "gpcheck: GPCHECK_LANG=fr is not a language gpcheck speaks (de, en); continuing in English."
    ]


def test_an_unknown_environment_language_falls_back_to_the_locale() -> None:
    run = gpcheck("validate", "examples/bewegt-im-quartier.yaml", GPCHECK_LANG="fr", LANG="de_DE")
    assert "es geht auf Deutsch weiter" in run.stderr
    assert "in Ordnung" in run.stdout


def test_an_unknown_lang_option_is_refused_in_the_users_language() -> None:
    run = gpcheck("score", "--lang", "fr", "examples/", LANG="de_DE.UTF-8")
    assert run.returncode == 2
    assert run.stderr.strip() == (
        "gpcheck: --lang fr: gpcheck spricht de (Deutsch) und en (Englisch)"
    )
    english = gpcheck("--lang", "fr", "criteria")
    assert english.stderr.strip() == (
        "gpcheck: --lang fr: gpcheck speaks de (Deutsch) and en (English)"
    )


def test_help_does_not_load_rich() -> None:
    probe = (
        "import sys; sys.argv=['gpcheck','score','--help']\n"
        "from gpcheck.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('rich' in sys.modules, file=sys.stderr)"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stderr.strip().splitlines()[-1] == "False"
