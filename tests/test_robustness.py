"""Whatever bytes a file holds, loading it ends in an assessment or one GpcheckError."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gpcheck.assessment import load_assessment
from gpcheck.errors import GpcheckError
from gpcheck.scoring import score

YAMLISH = st.text(alphabet=string.printable + "äöüß&*|>-[]{}:#!%@`'\"", max_size=300)
SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _load(path, catalogue) -> None:
    try:
        result = score(load_assessment(path, catalogue), catalogue)
    except GpcheckError as exc:
        assert str(exc)
        return
    assert result.profile is None or 0 <= result.profile <= 100


@SETTINGS
@given(body=YAMLISH)
def test_random_text_never_crashes(tmp_path, catalogue, body) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_text(body, encoding="utf-8")
    _load(path, catalogue)


@SETTINGS
@given(body=st.binary(max_size=200))
def test_random_bytes_never_crash(tmp_path, catalogue, body) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_bytes(body)
    _load(path, catalogue)


@SETTINGS
@given(
    stage=st.one_of(st.integers(-3, 9), st.text(max_size=3), st.none(), st.booleans()),
    target=st.one_of(st.integers(-3, 9), st.none()),
    key=st.sampled_from(["1", "participation", "partizipation", "12", "13", "x", "'5'"]),
)
def test_random_answers_never_crash(tmp_path, catalogue, stage, target, key) -> None:
    path = tmp_path / "fuzz.yaml"
    answer = f"{{stage: {stage!r}, target: {target!r}}}".replace("None", "null")
    path.write_text(f"gpcheck: 1\nproject: {{name: X}}\ncriteria:\n  {key}: {answer}\n")
    _load(path, catalogue)


def test_deeply_nested_file_is_refused(tmp_path, catalogue) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("a: " + "[" * 20_000 + "]" * 20_000 + "\n")
    try:
        load_assessment(path, catalogue)
    except GpcheckError as exc:
        assert exc.key == "too_deep"
    else:
        raise AssertionError("a 20,000-deep file must be refused")
