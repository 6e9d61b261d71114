"""The built wheel carries the catalogue and templates, and works outside the checkout."""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    [whl] = out.glob("gpcheck-*.whl")
    return whl


def test_wheel_contains_criteria_and_report_templates(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    criteria = [n for n in names if n.startswith("gpcheck/_data/criteria/")]
    assert len(criteria) == 13
    assert any(n.startswith("gpcheck/_data/report_templates/") for n in names)
    assert "gpcheck/locale/de.toml" in names
    assert "gpcheck/_data/examples/workshop/jugend-macht-kiez.yaml" in names  # `gpcheck examples`


def test_installed_wheel_runs_from_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    # The dependencies come from the test environment (no network needed); gpcheck itself
    # comes only from the wheel, because the checkout is not on the path.
    site = Path(sysconfig.get_paths()["purelib"])
    [new_site] = (env_dir / "lib").glob("python3*/site-packages")
    (new_site / "deps.pth").write_text(f"{site}\n")
    run = subprocess.run(
        [env_dir / "bin" / "gpcheck", "criteria", "--json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    names = [c["name"]["de"] for c in json.loads(run.stdout)["criteria"]]
    assert names[0] == "Zielgruppenbezug" and names[-1] == "Belege für Wirkungen und Kosten"
    examples = subprocess.run(
        [env_dir / "bin" / "gpcheck", "examples", "ex"], cwd=tmp_path, capture_output=True
    )
    assert examples.returncode == 0
    assert (tmp_path / "ex" / "workshop" / "jugend-macht-kiez.yaml").is_file()
    where = subprocess.run(
        [python, "-c", "from gpcheck.paths import criteria_dir; print(criteria_dir())"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert str(new_site) in where.stdout
