"""The public list: filters, order, merged problems left out, other campuses never shown."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from opencampus.agendas.models import Agenda, Endorsement
from tests.factories import DistrictFactory, ThemeFactory, UserFactory

from .helpers import public_url


def endorse(agenda, count):
    with scopes_disabled():
        for _ in range(count):
            Endorsement.objects.create(campus=agenda.campus, agenda=agenda, user=UserFactory())


def listed(response):
    return [agenda.pk for agenda in response.context["agendas"]]


def test_list_shows_this_campus_problems_newest_first_with_counts(client, campus, other_campus, make_agenda):
    older, newer = make_agenda(title_en="Older"), make_agenda(title_en="Newer")
    make_agenda(title_en="Busan problem", on=other_campus)
    endorse(older, 2)

    response = client.get(public_url(campus, "list"))

    assert listed(response) == [newer.pk, older.pk]
    assert [agenda.endorsement_count for agenda in response.context["agendas"]] == [0, 2]
    assert "Busan problem" not in response.content.decode()


def test_list_sorted_by_endorsements(client, campus, make_agenda):
    quiet, popular = make_agenda(), make_agenda()
    endorse(popular, 3)
    endorse(quiet, 1)
    newest = make_agenda()

    response = client.get(public_url(campus, "list"), {"sort": "endorsed"})

    assert listed(response) == [popular.pk, quiet.pk, newest.pk]


def test_list_filters_by_theme_state_district_goal_and_words(
    client, campus, make_agenda, theme, district, goal_11
):
    wanted = make_agenda(title_en="Alley rubbish", theme=theme, district=district, state="adopted")
    with scopes_disabled():
        wanted.sdg_goals.add(goal_11)
        other_theme = ThemeFactory(campus=campus)
    make_agenda(title_en="Alley rubbish", theme=other_theme, district=district, state="adopted")
    make_agenda(title_en="Alley rubbish", theme=theme, district=district, state="proposed")
    make_agenda(title_en="Park lights", theme=theme, district=district, state="adopted")

    response = client.get(
        public_url(campus, "list"),
        {"theme": theme.pk, "state": "adopted", "district": district.pk, "goal": goal_11.pk, "q": "RUBBISH"},
    )

    assert listed(response) == [wanted.pk]


def test_list_filter_of_another_campus_is_ignored(client, campus, other_campus, make_agenda):
    with scopes_disabled():
        foreign_district = DistrictFactory(campus=other_campus)
    mine = make_agenda()

    response = client.get(public_url(campus, "list"), {"district": foreign_district.pk, "state": "nonsense"})

    assert listed(response) == [mine.pk]


def test_list_leaves_out_merged_problems(client, campus, make_agenda):
    kept = make_agenda()
    merged = make_agenda(state=Agenda.State.ARCHIVED, merged_into=kept)

    response = client.get(public_url(campus, "list"))

    assert listed(response) == [kept.pk]
    assert merged.pk not in listed(response)


def test_list_escapes_titles(client, campus, make_agenda):
    make_agenda(title_en="<script>alert(1)</script>")

    content = client.get(public_url(campus, "list")).content.decode()

    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_list_is_paginated_and_keeps_filters(client, campus, make_agenda):
    for _ in range(21):
        make_agenda(state="proposed")

    response = client.get(public_url(campus, "list"), {"state": "proposed"})

    assert len(response.context["agendas"]) == 20
    assert "?state=proposed&amp;page=2" in response.content.decode()


@pytest.mark.parametrize("signed_in", [False, True])
def test_list_reads_a_constant_number_of_queries(
    client, campus, make_agenda, theme, district, goal_11, make_person, signed_in
):
    if signed_in:
        client.force_login(make_person(campus))

    def make(count):
        for _ in range(count):
            agenda = make_agenda(theme=theme, district=district)
            endorse(agenda, 2)
            with scopes_disabled():
                agenda.sdg_goals.add(goal_11)

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(public_url(campus, "list")).status_code == 200
        return len(queries)

    make(1)
    one = count_queries()
    make(4)
    five = count_queries()

    assert one == five
