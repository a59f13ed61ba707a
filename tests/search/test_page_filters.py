"""The results page's own filters write what Django's would, only faster."""

from __future__ import annotations

import datetime

import pytest
from django.template.defaultfilters import date as django_date
from django.urls import reverse

from search.templatetags.pages import article_page, day_month_year


@pytest.mark.parametrize(
    "day",
    [datetime.date(2023, 10, 5), datetime.date(1987, 3, 31), datetime.date(999, 12, 1)],
)
def test_a_date_is_written_as_django_writes_it(day):
    assert day_month_year(day) == django_date(day, "j M Y")


def test_an_article_link_is_the_article_page():
    assert article_page(42) == reverse("article", args=[42]) == "/articles/42/"
