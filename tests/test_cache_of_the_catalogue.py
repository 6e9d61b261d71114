"""The catalogue is kept between runs, but only while it is certainly the same, and only a
cache file gpcheck wrote itself is ever loaded."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from gpcheck import catalogue, catalogue_cache
from gpcheck.catalogue_cache import cache_dir, cached_catalogue
from gpcheck.paths import criteria_dir


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("GPCHECK_NO_CACHE", raising=False)
    return tmp_path / "cache" / "gpcheck"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "criteria"
    shutil.copytree(criteria_dir(), copy)
    return copy


def cache_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("catalogue-*.pickle"))


def rename_first_criterion(folder: Path, old: str, new: str) -> None:
    [first] = folder.glob("01_*.yaml")
    text = first.read_text(encoding="utf-8")
    assert old in text
    first.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_second_load_comes_from_the_cache(cache, folder, monkeypatch) -> None:
    first = cached_catalogue(folder)
    assert len(cache_files(cache)) == 1
    assert cache_dir() == cache
    monkeypatch.setattr(catalogue, "load_catalogue", _must_not_load)
    second = cached_catalogue(folder)
    assert second.ref == first.ref
    assert [c.id for c in second] == [c.id for c in first]
    assert second.get("participation").name("de") == "Partizipation"


def _must_not_load(folder=None):
    raise AssertionError("loaded from the files although the cache was fresh")


def test_a_changed_criteria_file_is_read_again(cache, folder) -> None:
    assert cached_catalogue(folder).get("target_group").name("de") == "Zielgruppenbezug"
    rename_first_criterion(folder, "Zielgruppenbezug", "Zielgruppenbezug neu")
    assert cached_catalogue(folder).get("target_group").name("de") == "Zielgruppenbezug neu"
    assert len(cache_files(cache)) == 1  # one cache file per catalogue folder, replaced


def test_a_new_file_in_the_folder_is_noticed(cache, folder) -> None:
    from gpcheck.errors import GpcheckError

    cached_catalogue(folder)
    (folder / "13_broken.yaml").write_text("number: [\n", encoding="utf-8")
    with pytest.raises(GpcheckError):
        cached_catalogue(folder)


def test_a_corrupt_cache_file_is_ignored_and_replaced(cache, folder) -> None:
    cached_catalogue(folder)
    [path] = cache_files(cache)
    data = bytearray(path.read_bytes())
    data[-10] ^= 0xFF
    path.write_bytes(bytes(data))
    assert cached_catalogue(folder).get("participation").top == 6
    assert path.read_bytes() != bytes(data)


class _Planted:
    def __reduce__(self):
        return (Path.touch, (Path(os.environ["XDG_CACHE_HOME"]) / "pwned",))


def test_a_pickle_gpcheck_did_not_write_is_never_loaded(cache, folder) -> None:
    cached_catalogue(folder)
    [path] = cache_files(cache)
    head = catalogue_cache.MAGIC + b"\0" * 32
    key = catalogue_cache.cache_key(folder.resolve())
    path.write_bytes(head + key + pickle.dumps(_Planted()))
    assert cached_catalogue(folder).get("participation").top == 6
    assert not (cache.parent / "pwned").exists()


def test_a_cache_folder_others_can_write_to_is_not_used(cache, folder, monkeypatch) -> None:
    cached_catalogue(folder)
    cache.chmod(0o777)
    monkeypatch.setattr(catalogue_cache, "_read", _must_not_read)
    assert cached_catalogue(folder).get("participation").top == 6


def _must_not_read(*args):
    raise AssertionError("read a cache from a folder others can write to")


def test_an_unwritable_cache_location_still_works(tmp_path, folder, monkeypatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert cached_catalogue(folder).get("participation").top == 6


def test_no_cache_when_switched_off(cache, folder, monkeypatch) -> None:
    monkeypatch.setenv("GPCHECK_NO_CACHE", "1")
    cached_catalogue(folder)
    assert not cache.exists()


def test_the_cli_uses_the_cache_and_sees_a_changed_catalogue(cache, folder, cli) -> None:
    assert (
        "Zielgruppenbezug"
        in cli("criteria", "1", "--lang", "de", "--catalogue", str(folder)).stdout
    )
    assert len(cache_files(cache)) == 1
    rename_first_criterion(folder, "Zielgruppenbezug", "Bezug zur Zielgruppe")
    out = cli("criteria", "1", "--lang", "de", "--catalogue", str(folder)).stdout
    assert "Bezug zur Zielgruppe" in out


def test_the_schema_is_kept_and_follows_a_changed_catalogue(cache, folder, cli) -> None:
    before = cli("schema", "--catalogue", str(folder)).stdout
    assert cli("schema", "--catalogue", str(folder)).stdout == before
    assert len(list(cache.glob("schema-*.json"))) == 1
    [participation] = folder.glob("05_*.yaml")
    text = participation.read_text(encoding="utf-8")
    participation.write_text(text.replace("Partizipation", "Teilhabe", 1), encoding="utf-8")
    after = cli("schema", "--catalogue", str(folder)).stdout
    assert "Teilhabe" in after and after != before


def test_a_kept_schema_is_printed_without_loading_pydantic(cache) -> None:
    import subprocess
    import sys

    probe = (
        "import sys; sys.argv = ['gpcheck', 'schema']\n"
        "from gpcheck.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('pydantic' in sys.modules, file=sys.stderr)"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(cache.parent)}
    first = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    second = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert first.stdout == second.stdout and '"$schema"' in second.stdout
    assert second.stderr.strip().splitlines()[-1] == "False"


def test_a_change_in_gpchecks_code_gives_a_new_key(tmp_path, folder, monkeypatch) -> None:
    """The pickle holds gpcheck's own classes: changed models must never meet an old pickle."""
    code = tmp_path / "code"
    (code / "deep").mkdir(parents=True)
    (code / "deep" / "models.py").write_text("class Stage: ...\n")
    monkeypatch.setattr(catalogue_cache, "_PACKAGE", code)
    before = catalogue_cache.cache_key(folder)
    (code / "deep" / "models.py").write_text("class Stage:\n    hint = None\n")
    assert catalogue_cache.cache_key(folder) == before  # the code this process runs
    catalogue_cache._code_digest.cache_clear()  # as in the next run of gpcheck
    assert catalogue_cache.cache_key(folder) != before


def test_without_a_usable_home_folder_gpcheck_runs_without_a_cache(tmp_path) -> None:
    import subprocess
    import sys

    not_a_folder = tmp_path / "home"
    not_a_folder.write_text("a file, so nothing can be made inside it\n")
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_CACHE_HOME")}
    run = subprocess.run(
        [sys.executable, "-m", "gpcheck", "validate", "examples/bewegt-im-quartier.yaml"],
        capture_output=True,
        text=True,
        env={**env, "HOME": str(not_a_folder)},
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert run.returncode == 0, run.stderr
    assert "OK" in run.stdout


def test_cache_files_unused_for_a_month_are_cleared_away(cache, folder) -> None:
    cached_catalogue(folder)
    stale = cache / "catalogue-0123456789abcdef0123.pickle"
    stale.write_bytes(b"from a checkout that is gone")
    os.utime(stale, (1_000_000_000, 1_000_000_000))
    recent = cache / "catalogue-fedcba9876543210fedc.pickle"
    recent.write_bytes(b"from another checkout in use")
    rename_first_criterion(folder, "Zielgruppenbezug", "Zielgruppe")
    cached_catalogue(folder)  # writes the cache anew, and clears away on the way
    assert not stale.exists() and recent.exists()
