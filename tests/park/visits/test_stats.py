from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope, scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.park.models import VisitRequest, VisitSurvey
from opencampus.park.services.visit_stats import chart_bars, year_stats
from tests.factories import TourSlotFactory, VisitRequestFactory

State = VisitRequest.State


def visited(campus, when, *, kind="local_government", country="KR", group_size=20, headcount=None):
    with scopes_disabled():
        slot = TourSlotFactory(campus=campus, start=when, end=when + timedelta(hours=1))
        return VisitRequestFactory(
            campus=campus,
            state=State.VISITED,
            slot=slot,
            institution_kind=kind,
            country=country,
            group_size=group_size,
            headcount=headcount,
        )


@pytest.fixture
def season(campus):
    """Three visits in 2024 and one in 2023, plus visits that must not count."""
    visits = [
        visited(campus, datetime(2024, 3, 5, 2, tzinfo=UTC), headcount=18),
        visited(campus, datetime(2024, 3, 20, 2, tzinfo=UTC), kind="school", group_size=30),
        visited(
            campus, datetime(2024, 10, 1, 2, tzinfo=UTC), kind="overseas_body", country="JP", headcount=7
        ),
        visited(campus, datetime(2023, 6, 1, 2, tzinfo=UTC), headcount=40),
    ]
    with scopes_disabled():
        slot = TourSlotFactory(campus=campus, start=datetime(2024, 3, 9, 2, tzinfo=UTC))
        VisitRequestFactory(campus=campus, state=State.NO_SHOW, slot=slot, group_size=50)
        VisitRequestFactory(campus=campus, state=State.CONFIRMED, slot=slot, group_size=50)
        VisitSurvey.objects.create(campus=campus, visit=visits[0], rating=4, would_recommend=True)
        VisitSurvey.objects.create(campus=campus, visit=visits[1], rating=5, would_recommend=False)
    return visits


def test_year_stats_count_visited_groups_by_month_kind_and_country(campus, season, foreign_visit):
    with scope(campus=campus):
        stats = year_stats(campus=campus, year=2024)

    march, october = stats.months[2], stats.months[9]
    assert (march.institutions, march.visitors, march.estimated) == (2, 48, 1)
    assert (october.institutions, october.visitors) == (1, 7)
    assert sum(row.institutions for row in stats.months) == 3
    assert (stats.total.institutions, stats.total.visitors, stats.total.estimated) == (3, 55, 1)
    assert [(row.key, row.visitors) for row in stats.by_kind] == [
        ("school", 30),
        ("local_government", 18),
        ("overseas_body", 7),
    ]
    assert [(row.key, row.institutions, row.visitors) for row in stats.by_country] == [
        ("KR", 2, 48),
        ("JP", 1, 7),
    ]
    assert [(row.key, row.visitors) for row in stats.by_year] == [(2024, 55), (2023, 40)]
    assert stats.survey == {"count": 2, "average": 4.5, "recommend": 1}


def test_a_visit_counts_in_the_campus_month_not_the_utc_one(campus):
    # 31 December 16:00 UTC is already 1 January in Seoul.
    visited(campus, datetime(2024, 12, 31, 16, tzinfo=UTC), headcount=5)
    with scope(campus=campus):
        assert year_stats(campus=campus, year=2024).total.institutions == 0
        stats = year_stats(campus=campus, year=2025)
    assert stats.months[0].visitors == 5


def test_chart_bars_scale_to_the_busiest_month(campus, season):
    with scope(campus=campus):
        bars = chart_bars(year_stats(campus=campus, year=2024).months, height=200)
    assert len(bars) == 12
    assert bars[2].height == 200
    assert bars[2].y == 0
    assert bars[9].height == round(200 * 7 / 48, 1)
    assert bars[0].height == 0


def test_chart_of_an_empty_year_has_flat_bars(campus):
    with scope(campus=campus):
        bars = chart_bars(year_stats(campus=campus, year=2024).months)
    assert {bar.height for bar in bars} == {0}


def stats_url(campus, year=2024):
    return campus_reverse(campus, "visits_manage:stats") + f"?year={year}"


def test_stats_page_shows_the_year_chart_and_fallback_note(client, campus, staff_member, season):
    staff_member.preferred_language = "en"
    staff_member.save(update_fields=["preferred_language"])
    client.force_login(staff_member)

    response = client.get(stats_url(campus))

    assert response.status_code == 200
    page = response.content.decode()
    assert "<svg" in page
    assert "<title>March: 48 visitors</title>" in page
    assert "announced group size" in page
    assert "4.5 / 5" in page
    assert "Japan" in page


def test_stats_page_costs_the_same_queries_with_one_or_three_visits(client, campus, staff_member):
    client.force_login(staff_member)
    visited(campus, datetime(2024, 3, 5, 2, tzinfo=UTC))
    with CaptureQueriesContext(connection) as one:
        assert client.get(stats_url(campus)).status_code == 200
    visited(campus, datetime(2024, 4, 5, 2, tzinfo=UTC), kind="school", country="JP")
    visited(campus, datetime(2023, 5, 5, 2, tzinfo=UTC), kind="citizens_group", country="US", headcount=3)
    with CaptureQueriesContext(connection) as three:
        assert client.get(stats_url(campus)).status_code == 200
    assert len(one) == len(three)


def test_stats_csv_has_months_total_kinds_and_countries(client, campus, staff_member, season):
    staff_member.preferred_language = "en"
    staff_member.save(update_fields=["preferred_language"])
    client.force_login(staff_member)

    response = client.get(campus_reverse(campus, "visits_manage:stats_csv") + "?year=2024")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="visits-seoul-2024.csv"' in response["Content-Disposition"]
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "section,code,name,institutions,visitors"
    assert "month,2024-03,March,2,48" in lines
    assert "year,2024,2024,3,55" in lines
    assert "kind of institution,school,school,1,30" in lines
    assert "country,JP,Japan,1,7" in lines


def test_stats_with_a_year_out_of_range_falls_back_to_this_year(client, campus, staff_member):
    client.force_login(staff_member)
    for year in ("abc", "99999"):
        assert client.get(stats_url(campus, year)).status_code == 200
