"""`gpcheck.dates`: dates as people type them (used by the wizard, reusable by the web forms)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gpcheck import formatting
from gpcheck.dates import DateError, NoSuchDay, parse_date

TODAY = dt.date(2026, 12, 2)
DAY = dt.date(2027, 3, 31)


@pytest.mark.parametrize(
    "text", ["31.03.2027", "31.3.27", "2027-03-31", " 31. 3. 2027 ", "31. März 2027"]
)
def test_german_forms(text):
    assert parse_date(text, "de", TODAY) == DAY


@pytest.mark.parametrize(
    "text",
    ["2027-03-31", "31 March 2027", "March 31, 2027", "31 Mar 2027", "31/03/2027", "3/31/2027"],
)
def test_english_forms(text):
    assert parse_date(text, "en", TODAY) == DAY


def test_a_german_date_without_a_year_is_this_year():
    assert parse_date("24.12.", "de", TODAY) == dt.date(2026, 12, 24)


@pytest.mark.parametrize("text", ["03/04/2027", "31.02.2027", "2027-13-01", "morgen", "31.3.2027x"])
def test_nonsense_and_ambiguous_dates_are_refused(text):
    with pytest.raises(DateError):
        parse_date(text, "en", TODAY)


@pytest.mark.parametrize(
    ("text", "lang", "de", "en"),
    [
        ("31.2.27", "de", "31.02.2027", "31 February 2027"),
        ("2027-04-31", "en", "31.04.2027", "31 April 2027"),
        ("29 Feb 2027", "en", "29.02.2027", "29 February 2027"),
    ],
)
def test_a_day_missing_from_the_calendar_is_told_apart_and_named(text, lang, de, en):
    with pytest.raises(NoSuchDay) as caught:
        parse_date(text, lang, TODAY)
    assert (caught.value.shown("de"), caught.value.shown("en")) == (de, en)


@pytest.mark.parametrize("text", ["32.1.27", "1.13.27", "0.1.27", "2027-13-01", "morgen"])
def test_a_day_or_month_no_calendar_has_is_not_called_a_missing_day(text):
    with pytest.raises(DateError) as caught:
        parse_date(text, "de", TODAY)
    assert not isinstance(caught.value, NoSuchDay)


def test_empty_means_no_date():
    assert parse_date("  ", "de", TODAY) is None


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2999, 12, 31)))
def test_what_gpcheck_shows_is_read_back_as_the_same_date(day):
    for lang in ("de", "en"):
        assert parse_date(formatting.date(day, lang) or "", lang, TODAY) == day
