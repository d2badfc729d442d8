"""Dates stage: expression families a TimeML guideline audit found misread (centuries, military clock times,
compounds and names that hold a date word, holidays, sets, game periods, temperatures)."""
from __future__ import annotations

from datetime import date

import pytest

from conftest import ROOT, annotate
from pipeline.dates import DateTables
from test_dates import dates_in, timeml_dates, value_of

WED = date(2019, 6, 12)  # a Wednesday in ISO week 24


@pytest.fixture(scope="module")
def tables() -> DateTables:
    return DateTables(ROOT / "models" / "dates")


@pytest.mark.parametrize("text,expected", [
    ("the 1800s", "18"),
    ("the late 1800s", "18"),
    ("the mid-1800s", "18"),
    ("the early 1700s", "17"),
    ("the 1900s", "190"),  # the first decade as often as the century: left a decade
    ("the 2000s", "200"),
    ("the 1980s", "198"),
])
def test_dates_hundreds_name_a_century(tables, text, expected):
    """ "The 1800s" are the years 18xx, TimeML "18", not the decade 1800-1809."""
    assert value_of(tables, text, WED) == ("DATE", expected)


def test_dates_military_time_with_hours_is_a_clock_time(nlp):
    """ "At 0400 hours" is 4 a.m.; four digits and "hours" as the object of a verb stay a count."""
    found = timeml_dates(nlp, "Deputies found the car at 0400 hours. He later served 1200 hours of "
                              "community service.", "2016-09-14")
    assert found["0400 hours"] == ("TIME", "2016-09-14T04:00"), found
    assert found["1200 hours"] == ("DURATION", "PT1200H"), found


def test_dates_military_time_is_a_clock_time_the_spec_leaves_out(nlp):
    found = dates_in(annotate(nlp, "Deputies found the car at 0400 hours.", "2016-09-14"))
    assert found == {}, found


@pytest.mark.parametrize("text,expected", [
    ("Shares of the chipmaker fell 4 percent in after-hours trading.", {}),
    ("The stock jumped in after-hours trading Monday.", {"Monday": ("DATE", "2019-06-10")}),
    ("The crews logged 5,000 man-hours on the bridge.", {}),
])
def test_dates_a_unit_glued_to_another_word_is_no_duration(nlp, text, expected):
    """ "After-hours trading" is a market session, "man-hours" a measure: not the duration "hours"."""
    assert timeml_dates(nlp, text, "2019-06-12") == expected


@pytest.mark.parametrize("text,expected", [
    ("The Good Friday Agreement was signed in Belfast.", {}),
    ("Talks on the Good Friday Accords resumed.", {}),
    ("Churches held services on Good Friday.", {"Good Friday": ("DATE", "2019-04-19")}),
    ("Traffic rose over the Labor Day Weekend.", {"Labor Day Weekend": ("DATE", "2018-W35-WE")}),
    ("On Christmas Day President Obama called the troops.", {"Christmas Day": ("DATE", "2018-12-25")}),
])
def test_dates_a_holiday_inside_a_name_is_no_date(nlp, text, expected):
    """A holiday followed by a capitalized noun other than a time word names a treaty, not a day, unless a
    preposition of time puts it in the sentence as a date."""
    assert dates_in(annotate(nlp, text, "2019-06-12")) == expected


@pytest.mark.parametrize("text,published_at,expected", [
    ("The May Day protests turned violent.", "2019-06-12", {"May Day": ("DATE", "2019-05-01")}),
    ("Unions will march on May Day.", "2019-03-04", {"May Day": ("DATE", "2019-05-01")}),
    ("Super Tuesday follows on March 1.", "2016-02-02",
     {"Super Tuesday": ("DATE", "2016-03-01"), "March 1": ("DATE", "2016-03-01")}),
])
def test_dates_may_day_is_a_holiday(nlp, text, published_at, expected):
    """ "May Day" is May 1, not the month of May; "Super Tuesday" is the first Tuesday of March, not a
    weekday near the publication."""
    assert dates_in(annotate(nlp, text, published_at)) == expected


@pytest.mark.parametrize("text,published_at,expected", [
    ("The board will publish the rule in the new year.", "2024-12-18", {"the new year": ("DATE", "2025")}),
    ("Sales slowed in the new year, the retailer said.", "2025-01-08", {"the new year": ("DATE", "2025")}),
    ("The law takes effect in the New Year.", "2024-12-18", {"the New Year": ("DATE", "2025")}),
])
def test_dates_the_new_year_is_the_year_nearest_its_first_day(nlp, text, published_at, expected):
    """ "The new year" said in December is the next year, said in January the one just begun; the
    model's "year" alone read as the duration P1Y."""
    assert dates_in(annotate(nlp, text, published_at)) == expected


@pytest.mark.parametrize("text,expected", [
    ("The retrial begins a week from Monday.", {"a week from Monday": ("DATE", "2019-06-24")}),
    ("The vote is two weeks from tomorrow.", {"two weeks from tomorrow": ("DATE", "2019-06-27")}),
    ("The curfew stays for two weeks from Monday.", {"two weeks": ("DURATION", "P2W"),
                                                      "Monday": ("DATE", "2019-06-17")}),
])
def test_dates_an_amount_from_a_day_is_one_date(nlp, text, expected):
    """ "A week from Monday" is one date, the coming Monday and seven days; "for two weeks from Monday"
    is a length of time and its start."""
    assert dates_in(annotate(nlp, text, "2019-06-12")) == expected


@pytest.mark.parametrize("text,expected", [
    ("The pantry opens every Saturday morning.", {"every Saturday morning": ("SET", "XXXX-WXX-6TMO")}),
    ("The club meets every Friday night.", {"every Friday night": ("SET", "XXXX-WXX-5TNI")}),
    ("Visits are allowed every weekend.", {"every weekend": ("SET", "XXXX-WXX-WE")}),
    ("The boy visits every other weekend.", {"every other weekend": ("SET", "P2W")}),
    ("Inmates are allowed two phone calls a week.", {}),
    ("The commission holds three meetings a month.", {}),
    ("The strike lasted a week.", {"a week": ("DURATION", "P1W")}),
])
def test_dates_recurring_days_weekends_and_rates(nlp, text, expected):
    """Sets keep their part of the day and a weekend is the weekend of each week; "two phone calls a
    week" is a rate, which TimeBank mostly leaves untagged, not the duration P1W."""
    assert timeml_dates(nlp, text, "2019-06-12") == expected


@pytest.mark.parametrize("text,published_at,expected", [
    ("Jones scored 15 points in the fourth quarter.", "2014-06-02", {}),
    ("The Chiefs trailed 10-0 in the first half.", "2020-11-01", {}),
    ("Bryant scored 22 points in the second half Monday night.", "2009-02-09",
     {"Monday night": ("TIME", "2009-02-09TNI")}),
    ("The Dow fell 50 points in the fourth quarter.", "2014-06-02", {"the fourth quarter": ("DATE", "2013-Q4")}),
    ("Tech stocks led the market in the first half.", "2020-11-01", {"the first half": ("DATE", "2020-H1")}),
])
def test_dates_a_game_period_is_no_quarter_of_the_year(nlp, text, published_at, expected):
    """A yearless quarter or half in a sentence with a sports-only word is a game period; a market's
    "points" or "led" are no such word."""
    assert timeml_dates(nlp, text, published_at) == expected


@pytest.mark.parametrize("text,expected", [
    ("Temperatures climbed into the 90s on Sunday.", {"Sunday": ("DATE", "2014-06-01")}),
    ("Temperatures reached the mid-90s Tuesday.", {"Tuesday": ("DATE", "2014-05-27")}),
    ("Lows will be in the 60s tonight.", {"tonight": ("TIME", "2014-06-02TNI")}),
    ("Crime fell sharply in the 90s.", {"the 90s": ("DATE", "199")}),
])
def test_dates_temperatures_are_no_decades(nlp, text, expected):
    """ "Into the 90s" in a sentence about temperatures is a band of degrees, not the 1990s."""
    assert timeml_dates(nlp, text, "2014-06-02") == expected
