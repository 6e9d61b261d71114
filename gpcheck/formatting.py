"""Numbers, dates and the few result lines every output words the same way (reports,
hand-outs, the terminal): the profile out of 100, the Good-Practice line, the version note."""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gpcheck.catalogue import Catalogue
    from gpcheck.i18n import Translator
    from gpcheck.scoring import GoodPractice, Result


def number(value: float | None, lang: str, missing: str | None = None) -> str | None:
    """43.5 → "43,5" in German; whole numbers without decimals; None → `missing`."""
    if value is None:
        return missing
    text = f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
    return text.replace(".", ",") if lang == "de" else text


def date(value: dt.date | None, lang: str) -> str | None:
    """20.11.2026 in German, 2026-11-20 in English."""
    if value is None:
        return None
    return value.strftime("%d.%m.%Y") if lang == "de" else value.isoformat()


def signed(value: float, lang: str) -> str:
    """+1, −2, ±0 (for changes)."""
    if value == 0:
        return "±0"
    return ("+" if value > 0 else "−") + str(number(abs(value), lang))


def whole(value: float) -> str:
    """67.5 → "68": half rounds up (not to even), as people round by hand; the exact value
    is first cut to 9 decimals so that 67.4999999… from a mean counts as 67.5."""
    return str(math.floor(round(value, 9) + 0.5))


def profile_of_100(value: float | None, t: Translator, missing: str = "—") -> str:
    """The profile for people: a whole number out of 100 ("68 von 100"), shown next to the
    stages it comes from; the exact value stays in the result (and JSON/CSV)."""
    return missing if value is None else t("gp.profile_of", n=whole(value))


def good_practice_line(gp: GoodPractice, catalogue: Catalogue, t: Translator) -> str | None:
    """The Good-Practice line in words, never a verdict: when the rule holds, what that means
    and whom to talk to; else which base criteria in view are strengths and how many further
    ones there are. Base criteria out of the session's scope, or missing, are not mentioned;
    with none in view there is nothing to say (None)."""
    names = [catalogue.get(cid).name(t.lang) for cid in gp.base_strong]
    if gp.holds:
        return t("gp.holds", base=", ".join(names), further=len(gp.further_strong))
    if not gp.base:
        return None
    base = t("gp.base_strong", n=len(gp.base_strong), total=len(gp.base))
    if names:
        base += " " + t("gp.base_names", names=", ".join(names))
    return f"{base} · {t('gp.further_strong', n=len(gp.further_strong))}"


def older_catalogue_note(result: Result, t: Translator) -> str | None:
    """Said once where a file pinned to an older catalogue version is scored with this one."""
    old = result.older_catalogue
    return None if old is None else version_note(old, result.catalogue.ref, t)


def version_note(old: str, new: str, t: Translator) -> str:
    """ "Answered against version 1 of the catalogue, scored with version 2" (or both refs
    in full when the catalogues themselves differ)."""
    (old_id, _, old_version), (new_id, _, new_version) = old.rpartition("@"), new.rpartition("@")
    if old_id == new_id:
        return t("gp.older_catalogue", old=old_version, new=new_version)
    return t("gp.other_catalogue", old=old, new=new)
