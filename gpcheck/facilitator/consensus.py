"""Several raters of one project: where they agree, where to talk first, and the agreed file.

Pure, no I/O. Each team member rates into their own file; `panel()` lines the votes up per
criterion, `take_median()` is the non-interactive choice, and `consensus_assessment()` builds
a normal assessment file that records every rater's stage and how each stage was reached:
`agreed` (everyone gave it), `chosen` (by the team, with its reason) or `median` (taken over
without a discussion – the outputs show it as "not yet discussed", never as agreed).
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Literal

from gpcheck.assessment import Agreement, Answer, Assessment, PlanStep, Project
from gpcheck.catalogue import Catalogue, Criterion
from gpcheck.errors import ExitCode, GpcheckError

NA: Literal["n/a"] = "n/a"
DISCUSS_SPREAD = 2  # ratings this many stages apart (or more): talk before choosing
Vote = int | Literal["n/a"] | None  # a stage, "does not apply", or not rated
Status = Literal["agreed", "choose", "discuss", "unrated"]


@dataclass(frozen=True, slots=True)
class CriterionVotes:
    """One criterion: each rater's vote, in rater order."""

    criterion: Criterion
    votes: tuple[Vote, ...]

    @property
    def id(self) -> str:
        return self.criterion.id

    @property
    def stages(self) -> list[int]:
        return [v for v in self.votes if isinstance(v, int)]

    @property
    def spread(self) -> int | None:
        """Highest minus lowest stage given; None when no one gave a stage."""
        stages = self.stages
        return max(stages) - min(stages) if stages else None

    @property
    def status(self) -> Status:
        """agreed: everyone gave the same answer; discuss: 2+ stages apart, or some say the
        criterion does not apply while others rate it; choose: the rest; unrated: nobody rated."""
        given = [v for v in self.votes if v is not None]
        if not given:
            return "unrated"
        if len(given) == len(self.votes) and len(set(given)) == 1:
            return "agreed"
        has_na = NA in given
        if (has_na and self.stages) or (self.spread or 0) >= DISCUSS_SPREAD:
            return "discuss"
        return "choose"

    @property
    def agreed(self) -> Vote:
        return self.votes[0] if self.status == "agreed" else None


@dataclass(frozen=True, slots=True)
class Panel:
    raters: tuple[str, ...]
    assessments: tuple[Assessment, ...]
    rows: tuple[CriterionVotes, ...]  # catalogue order

    def open_rows(self) -> tuple[CriterionVotes, ...]:
        """The criteria someone has to decide (not agreed, not unrated)."""
        return tuple(r for r in self.rows if r.status in ("choose", "discuss"))


def rater_names(sources: Sequence[tuple[str, Assessment]]) -> tuple[str, ...]:
    """Each file's `project.assessors`, else its file name without suffix; made unique."""
    names: list[str] = []
    for path, assessment in sources:
        base = ", ".join(assessment.project.assessors) or PurePath(path).stem
        name, n = base, 2
        while name in names:
            name, n = f"{base} ({n})", n + 1
        names.append(name)
    return tuple(names)


def panel(sources: Sequence[tuple[str, Assessment]], catalogue: Catalogue) -> Panel:
    """Line up the raters' files (path, assessment) of one project, criterion by criterion."""
    if len(sources) < 2:
        raise GpcheckError(
            "facilitator.consensus_too_few", n=len(sources), exit_code=ExitCode.USAGE
        )
    _check_same_project(sources)
    assessments = tuple(a for _, a in sources)
    rows = tuple(
        CriterionVotes(c, tuple(_vote(a.criteria.get(c.id)) for a in assessments))
        for c in catalogue
    )
    return Panel(rater_names(sources), assessments, rows)


def _check_same_project(sources: Sequence[tuple[str, Assessment]]) -> None:
    first_path, first = sources[0]
    for path, assessment in sources[1:]:
        if _norm(assessment.project.name) != _norm(first.project.name):
            raise GpcheckError(
                "facilitator.consensus_projects",
                path=path,
                field="project.name",
                name=assessment.project.name,
                other=first.project.name,
                other_path=first_path,
            )


def _norm(name: str) -> str:
    return " ".join(name.casefold().split())


def _vote(answer: Answer | None) -> Vote:
    if answer is None:
        return None
    return answer.stage if answer.applicable else NA


def median_vote(row: CriterionVotes) -> Vote:
    """The non-interactive choice: "does not apply" if more raters say so than give a stage,
    else the median stage – the lower middle one for an even count (the cautious choice)."""
    stages = row.stages
    na = sum(1 for v in row.votes if v == NA)
    if not stages or na > len(stages):
        return NA if na else None
    return int(statistics.median_low(stages))


@dataclass(frozen=True, slots=True)
class Decision:
    """The answer for one criterion, how it was reached (recorded as `agreement`) and, for a
    stage the team chose, its reason (`agreement_note`)."""

    vote: int | Literal["n/a"]
    how: Agreement
    note: str | None = None


def take_median(p: Panel) -> dict[str, Decision]:
    """The non-interactive choice: the median vote for every criterion someone has to decide,
    recorded as `median` – provisional, still to be discussed."""
    out = {}
    for row in p.open_rows():
        vote = median_vote(row)
        if vote is not None:
            out[row.id] = Decision(vote, "median")
    return out


def consensus_assessment(
    p: Panel,
    decisions: Mapping[str, Decision],
    catalogue: Catalogue,
    *,
    not_applicable_reason: str,
) -> Assessment:
    """The agreed assessment: where all raters agree their answer is taken over (`agreed`),
    the open criteria as decided; undecided and unrated ones are left out.
    `not_applicable_reason` is written when "does not apply" was decided and no rater gave a
    reason (the file format requires one)."""
    criteria = {}
    for row in p.rows:
        decision = decisions.get(row.id)
        if row.status == "agreed":
            decision = Decision(row.votes[0], "agreed")  # type: ignore[arg-type]
        if decision is not None:
            criteria[row.id] = _answer(p, row, decision, not_applicable_reason)
    first = p.assessments[0]
    return Assessment(
        gpcheck=1,
        catalogue=catalogue.ref,
        language=first.language,
        project=_project(p),
        scope=_scope(p.assessments),
        criteria=criteria,
    )


def _answer(
    p: Panel, row: CriterionVotes, decision: Decision, not_applicable_reason: str
) -> Answer:
    answers = [a.criteria.get(row.id) for a in p.assessments]
    given = [(name, a) for name, a in zip(p.raters, answers, strict=True) if a is not None]
    ratings = {name: v for name, v in zip(p.raters, row.votes, strict=True) if isinstance(v, int)}
    notes = "\n".join(f"{name}: {a.notes.strip()}" for name, a in given if a.notes) or None
    evidence = list(dict.fromkeys(e for _, a in given for e in a.evidence))
    common = {
        "notes": notes,
        "evidence": evidence,
        "plan": _plan([a for _, a in given]),
        "ratings": ratings or None,
        "agreement": decision.how,
        "agreement_note": decision.note,
    }
    if decision.vote == NA:
        reason = next((a.reason for _, a in given if a.reason), None) or decision.note
        return Answer(applicable=False, reason=reason or not_applicable_reason, **common)
    targets = [a.target for _, a in given if a.target is not None and a.target > decision.vote]
    return Answer(stage=decision.vote, target=min(targets) if targets else None, **common)


def _plan(answers: list[Answer]) -> list[PlanStep]:
    """Every rater's steps, each action once (the first rater's owner and date kept)."""
    seen: dict[str, PlanStep] = {}
    for answer in answers:
        for step in answer.plan:
            seen.setdefault(_norm(step.action), step)
    return list(seen.values())


def _project(p: Panel) -> Project:
    first = p.assessments[0].project
    projects = [a.project for a in p.assessments]
    dates = [pr.date for pr in projects if pr.date is not None]

    def first_given(field: str) -> str | None:
        return next((getattr(pr, field) for pr in projects if getattr(pr, field)), None)

    return Project(
        name=first.name,
        organisation=first_given("organisation"),
        location=first_given("location"),
        contact=first_given("contact"),
        assessors=_people(p),
        date=max(dates) if dates else None,
    )


def _people(p: Panel) -> list[str]:
    """The people the raters' files name. A file that names nobody adds no one: its file
    name is not a person. Which file gave which stage stays in each criterion's `ratings`."""
    people = [who for assessment in p.assessments for who in assessment.project.assessors]
    return list(dict.fromkeys(people))


def _scope(assessments: Sequence[Assessment]) -> list[str] | None:
    """The union of the raters' scopes, if every rater worked on a chosen set of criteria."""
    if any(a.scope is None for a in assessments):
        return None
    return list(dict.fromkeys(cid for a in assessments for cid in a.scope or []))


def earlier_decisions(p: Panel, draft: Assessment) -> dict[str, Decision]:
    """The team's choices saved when an earlier session was stopped (`draft`), for the same
    project: each one still open whose raters' stages are the same as then. A criterion a
    rater has changed since is asked again."""
    if _norm(draft.project.name) != _norm(p.assessments[0].project.name):
        return {}
    out = {}
    for row in p.open_rows():
        answer = draft.criteria.get(row.id)
        if answer is None or answer.agreement != "chosen":
            continue
        now = {name: v for name, v in zip(p.raters, row.votes, strict=True) if isinstance(v, int)}
        if (answer.ratings or {}) == now:
            vote = answer.stage if answer.applicable else NA
            if vote is not None:
                out[row.id] = Decision(vote, "chosen", answer.agreement_note)
    return out
