"""Dates as people type them, for the wizard and the web forms (no I/O, no locale lookups).

German users write `31.03.2027` or `31.3.27`; everybody may write ISO `2027-03-31`. English
users also write `31 March 2027`, `March 31, 2027` or `31/03/2027`. A slash date whose day and
month could be swapped (`03/04/2027`) is refused rather than guessed, so no date is silently
wrong.
"""

from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DOTTED = re.compile(r"^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{2}|\d{4})?$")
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
_DAY_MONTH = re.compile(r"^(\d{1,2})\.?\s+([a-zäöü]+)\.?,?\s+(\d{2}|\d{4})$")
_MONTH_DAY = re.compile(r"^([a-zäöü]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{2}|\d{4})$")
_MONTHS = {
    "en": "january february march april may june july august september october november december",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
}


class DateError(ValueError):
    """The text is not a date this parser understands (or is ambiguous)."""


class NoSuchDay(DateError):
    """A date written correctly that is not in the calendar (31 February, 29.2. of a year
    that is not a leap year): the user is told that this day does not exist, not how to
    write a date."""

    def __init__(self, year: int, month: int, day: int) -> None:
        super().__init__(f"{year:04d}-{month:02d}-{day:02d}")
        self.year, self.month, self.day = year, month, day

    def shown(self, lang: str) -> str:
        """The day as gpcheck writes dates (31.02.2027), in English with the month's name
        (31 February 2027), since the ISO form of a day that does not exist reads oddly."""
        if lang == "de":
            return f"{self.day:02d}.{self.month:02d}.{self.year}"
        return f"{self.day} {_MONTHS['en'].split()[self.month - 1].title()} {self.year}"


def _month(word: str, lang: str) -> int:
    for names in (_MONTHS[lang], _MONTHS["en"]):
        for number, name in enumerate(names.split(), start=1):
            if len(word) >= 3 and name.startswith(word):
                return number
    raise DateError(word)


def _year(text: str | None, today: dt.date) -> int:
    if text is None:
        return today.year
    year = int(text)
    return 2000 + year if len(text) == 2 else year


def _make(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        if dt.MINYEAR <= year <= dt.MAXYEAR and 1 <= month <= 12 and 1 <= day <= 31:
            raise NoSuchDay(year, month, day) from None  # a month too short for the day
        raise DateError(str(exc)) from None


def parse_date(text: str, lang: str, today: dt.date | None = None) -> dt.date | None:
    """The date in `text`, None when it is empty; DateError when it cannot be read.

    `today` decides the century of two-digit years (always 20xx) and the year when a German
    date leaves it out (`31.3.`).
    """
    value = " ".join(text.strip().lower().split())
    if not value:
        return None
    today = today or dt.date.today()
    lang = "de" if lang == "de" else "en"
    if m := _ISO.match(value):
        return _make(int(m[1]), int(m[2]), int(m[3]))
    if lang == "de" and (m := _DOTTED.match(value)):
        return _make(_year(m[3], today), int(m[2]), int(m[1]))
    if m := _SLASHED.match(value):
        return _slashed(int(m[1]), int(m[2]), _year(m[3], today))
    if m := _DAY_MONTH.match(value):
        return _make(_year(m[3], today), _month(m[2], lang), int(m[1]))
    if m := _MONTH_DAY.match(value):
        return _make(_year(m[3], today), _month(m[1], lang), int(m[2]))
    if lang == "en" and (m := _DOTTED.match(value)) and m[3]:
        return _make(_year(m[3], today), int(m[2]), int(m[1]))
    raise DateError(text)


def _slashed(first: int, second: int, year: int) -> dt.date:
    """Day first (as in Britain and Germany) unless that is impossible; refuse when both
    readings are valid and differ."""
    if first == second or second > 12:
        return _make(year, first if second > 12 else second, second if second > 12 else first)
    if first > 12:
        return _make(year, second, first)
    raise DateError("ambiguous")
