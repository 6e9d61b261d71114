"""The assessment file: the contract between the wizard, batch users and the reports.

Loading goes file → YAML (fast C loader) → criterion keys resolved (id, alias or number) →
strict pydantic model → checks against the catalogue (stage ranges). Each problem becomes a
GpcheckError naming the file, line, column and field as the user wrote it; a file with several
problems raises them together (GpcheckErrors), so one run shows every mistake.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    ValidationError,
    model_validator,
)
from pydantic_core import PydanticCustomError

from gpcheck.atomic import write_atomic
from gpcheck.catalogue import Catalogue
from gpcheck.errors import GpcheckError, GpcheckErrors, all_errors
from gpcheck.file_rules import (
    ANSWER_PROBLEMS,
    answer_problem,
    check_stages,
    located_error,
    resolve_keys,
)
from gpcheck.yamlfile import key_ref, load_mapping, locator, read_text

FORMAT_VERSION = 1
# Generous for real use, small enough that no accepted file takes minutes or gigabytes to
# render: a field of free text, and the items of one list (evidence, steps, assessors, raters).
MAX_TEXT = 5_000
MAX_ITEMS = 100
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
NonEmpty = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT)
]
StageNo = Annotated[int, Strict(), Field(ge=0)]
Flag = Annotated[bool, Strict()]


def _items(item: Any) -> Any:
    return Annotated[list[item], Field(max_length=MAX_ITEMS)]


def _format_version(value: Any) -> Any:
    """`gpcheck: 1` exactly: not `true` or `1.0`, which Python would call equal to 1."""
    if type(value) is not int:
        raise PydanticCustomError("literal_error", "must be 1", {"expected": "1"})
    return value


Agreement = Literal["agreed", "chosen", "median"]  # how a consensus file's stage was reached
CatalogueRef = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]*@[0-9]+$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class PlanStep(_Strict):
    """One improvement step the team plans."""

    action: NonEmpty
    owner: NonEmpty | None = None
    due: dt.date | None = None


class Answer(_Strict):
    """The answer for one criterion."""

    applicable: Flag = True
    stage: StageNo | None = None
    target: StageNo | None = None
    reason: NonEmpty | None = None
    notes: Text | None = None
    evidence: _items(NonEmpty) = []
    plan: _items(PlanStep) = []
    ratings: dict[NonEmpty, StageNo] | None = Field(
        default=None, max_length=MAX_ITEMS, description="consensus files: each rater's stage"
    )
    agreement: Agreement | None = Field(
        default=None,
        description="consensus files: how the stage was reached – agreed (everyone gave it), "
        "chosen (by the team) or median (taken over undiscussed: discuss first)",
    )
    agreement_note: Text | None = Field(
        default=None, description="consensus files: the team's reason for a chosen stage"
    )

    @model_validator(mode="before")
    @classmethod
    def _older_agreement(cls, data: Any) -> Any:
        """Files written before `agreement` named how the stage was reached hold a sentence
        there; they still load: how the stage was reached is read from the sentence they wrote
        (a median taken over, or everyone's same answer), else it was chosen, with the sentence
        as the team's note."""
        if not isinstance(data, dict):
            return data
        text = data.get("agreement")
        if not isinstance(text, str) or text in ("agreed", "chosen", "median"):
            return data
        from gpcheck.i18n import LANGUAGES, Translator

        data = dict(data)
        unanimous = {
            Translator(lang)("facilitator.consensus.reason_unanimous") for lang in LANGUAGES
        }
        if "--take median" in text:
            data["agreement"] = "median"
        elif text.strip() in unanimous:
            data["agreement"] = "agreed"
        else:
            data["agreement"] = "chosen"
            data.setdefault("agreement_note", text)
        return data

    @model_validator(mode="after")
    def _applicable_rules(self) -> Answer:
        problem = answer_problem(self.applicable, self.stage, self.target, self.reason)
        if problem is not None:
            raise PydanticCustomError(problem, ANSWER_PROBLEMS[problem])
        return self


class Project(_Strict):
    name: NonEmpty
    organisation: NonEmpty | None = None
    location: NonEmpty | None = None
    contact: NonEmpty | None = None
    assessors: _items(NonEmpty) = []
    date: dt.date | None = None


class Progress(_Strict):
    """Where the wizard stopped, so that `--resume` continues there."""

    current: Text | None = None
    finished: bool = False


class Assessment(_Strict):
    gpcheck: Annotated[Literal[1], BeforeValidator(_format_version)]
    catalogue: CatalogueRef | None = None
    language: Literal["de", "en"] | None = None
    project: Project
    scope: _items(Text) | None = Field(default=None, description="criteria asked (ids)")
    criteria: dict[str, Answer] = {}
    progress: Progress | None = None


def load_assessment(path: Path, catalogue: Catalogue) -> Assessment:
    """Read, validate and check one assessment file against the catalogue.

    A file with several problems raises one GpcheckErrors naming each, in file order.
    """
    path = Path(path)
    text = read_text(path)
    return assessment_from(path, text, load_mapping(path, text), catalogue)


def assessment_from(path: Path, text: str, raw: dict[Any, Any], catalogue: Catalogue) -> Assessment:
    """`load_assessment` for a file already read (`text`) and parsed (`raw`)."""
    try:
        return parse_assessment(raw, catalogue)
    except GpcheckError as exc:
        where = locator(text)
        found = []
        for problem in all_errors(exc):
            line, column = where(getattr(problem, "loc", ())) or (1, 1)
            found.append(problem.located(path, line, column))
        found.sort(key=lambda e: (e.line or 0, e.column or 0))
        raise (found[0] if len(found) == 1 else GpcheckErrors(found)) from None


def parse_assessment(raw: dict[Any, Any], catalogue: Catalogue) -> Assessment:
    """Validate already-loaded data; errors carry `.loc` (the path as written) for locating.

    Every problem is collected (unknown keys, every pydantic error, every stage out of range),
    so that a hand-filled file needs one run, not one run per mistake.
    """
    problems: list[GpcheckError] = []
    data, written = resolve_keys(raw, catalogue, problems)
    assessment = None
    try:
        assessment = Assessment.model_validate(data)
    except ValidationError as exc:
        seen: set[tuple[Any, ...]] = set()
        for err in exc.errors():
            if err["loc"] not in seen:
                seen.add(err["loc"])
                problems.append(_from_pydantic(err, written))
    check_stages(data.get("criteria"), catalogue, written, problems)
    if problems:
        raise problems[0] if len(problems) == 1 else GpcheckErrors(problems)
    assert assessment is not None  # no problem means the model validated
    return assessment


def _from_pydantic(err: Any, written: dict[str, str]) -> GpcheckError:
    loc = list(err["loc"])
    if len(loc) >= 2 and loc[0] == "criteria":
        loc[1] = written.get(loc[1], loc[1])
    if err["type"] == "extra_forbidden":
        loc[-1] = key_ref(str(loc[-1]))
    field = _dotted(loc)
    params = {k: v for k, v in (err.get("ctx") or {}).items() if isinstance(v, str | int | float)}
    value = err.get("input")
    params.setdefault("value", _short(value) if isinstance(value, str | int | float) else "")
    exc = located_error(f"v.{err['type']}", tuple(loc), field, **params)
    exc.raw = err["msg"]
    return exc


def _short(value: str | int | float) -> str | int | float:
    """A wrong value quoted in an error line, cut to a readable length; yes/no as YAML
    writes them (`true`), not as Python does (`True`)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return value if len(text) <= 40 else text[:37] + "…"


def _dotted(loc: list[Any]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def redacted(assessment: Assessment) -> Assessment:
    """A copy to share outside the team: no names of people and no free text.

    Kept: the project's name, organisation and location, the date, and per criterion whether
    it applies, the stage, the target and each step's due date. Dropped: contact, assessors,
    notes, evidence, reasons, the team's agreement notes, step actions and owners; raters become
    #1, #2. How a consensus stage was reached (agreed, chosen, median) is kept.
    The copy is for rendering only (a step's action is empty), never for saving.
    """
    project = assessment.project.model_copy(update={"contact": None, "assessors": []})
    criteria = {cid: _redacted_answer(answer) for cid, answer in assessment.criteria.items()}
    return assessment.model_copy(update={"project": project, "criteria": criteria})


def _redacted_answer(answer: Answer) -> Answer:
    steps = [step.model_copy(update={"action": "", "owner": None}) for step in answer.plan]
    ratings = answer.ratings and {f"#{i}": s for i, s in enumerate(answer.ratings.values(), 1)}
    update = {"reason": None, "notes": None, "evidence": [], "agreement_note": None}
    return answer.model_copy(update={**update, "plan": steps, "ratings": ratings})


def dump_assessment(assessment: Assessment) -> str:
    """YAML text of an assessment, in the documented field order, without empty defaults."""
    data = assessment.model_dump(mode="python", exclude_defaults=True)
    data = {"gpcheck": FORMAT_VERSION, **data}
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def save_assessment(path: Path, assessment: Assessment) -> None:
    """Write the assessment atomically."""
    write_atomic(Path(path), dump_assessment(assessment))


def new_assessment(catalogue: Catalogue, name: str, language: str | None = None) -> Assessment:
    return Assessment(
        gpcheck=FORMAT_VERSION,
        catalogue=catalogue.ref,
        language=language,
        project=Project(name=name),
    )
