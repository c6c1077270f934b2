"""The week grid and free-room pages: who may see them, what they show, and their queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.park.models import Feature
from tests.factories import SpaceFactory


@pytest.fixture(autouse=True)
def _english(campus):
    campus.default_language = "en"
    campus.save(update_fields=["default_language"])


def week_url(space, day="2030-03-05"):
    return campus_reverse(space.campus, "availability:week", space_slug=space.slug) + f"?date={day}"


def find_url(campus, query=""):
    return campus_reverse(campus, "availability:find") + query


# The week grid


def test_anyone_may_see_the_week_of_an_active_space(client, room, book, participant):
    book(participant, room, "2030-03-05 10:00", "2030-03-05 11:00", title="Private title")

    response = client.get(week_url(room))

    assert response.status_code == 200
    page = response.content.decode()
    assert '<th scope="col">' in page
    assert '<th scope="row">10:00</th>' in page
    assert "Private title" not in page
    assert "Booked" in page
    assert "?date=2030-02-25" in page
    assert "?date=2030-03-11" in page
    new_booking = campus_reverse(room.campus, "bookings:new", space_slug=room.slug)
    assert f'href="{new_booking}?date=2030-03-05&amp;start=11:00"' in page
    assert f'href="{new_booking}?date=2030-03-05&amp;start=10:00"' not in page


def test_the_booker_sees_their_title(client, room, book, participant):
    book(participant, room, "2030-03-05 10:00", "2030-03-05 11:00", title="Private title")
    client.force_login(participant)

    assert "Private title" in client.get(week_url(room)).content.decode()


def test_an_inactive_space_is_found_only_by_the_campus_team(client, make_space, participant, staff_member):
    hidden = make_space(slug="old-wing", is_active=False)

    assert client.get(week_url(hidden)).status_code == 404
    client.force_login(participant)
    assert client.get(week_url(hidden)).status_code == 404
    client.force_login(staff_member)
    assert client.get(week_url(hidden)).status_code == 200


def test_a_space_of_another_campus_is_not_found(client, campus, other_campus, other_operator):
    with scopes_disabled():
        foreign = SpaceFactory(campus=other_campus, slug="busan-room")
    client.force_login(other_operator)

    address = campus_reverse(campus, "availability:week", space_slug=foreign.slug)
    assert client.get(address).status_code == 404


def test_a_bad_date_shows_the_current_week(client, room):
    assert client.get(week_url(room, day="tuesday")).status_code == 200


def count_queries(client, address):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


def test_the_week_page_takes_the_same_queries_for_one_booking_and_three(
    client, building, room, desk, book, staff_member, participant
):
    client.force_login(participant)
    book(participant, room, "2030-03-05 10:00", "2030-03-05 11:00")
    one = count_queries(client, week_url(room))
    book(staff_member, building, "2030-03-06 10:00", "2030-03-06 11:00")
    book(staff_member, desk, "2030-03-07 10:00", "2030-03-07 11:00")

    assert count_queries(client, week_url(room)) == one


# Finding a free room


def test_anyone_may_search_and_is_asked_to_log_in_to_book(client, campus, room, building):
    response = client.get(find_url(campus, "?date=2030-03-05&start=13:00&end=18:00&people=10"))

    assert response.status_code == 200
    assert [found.space for found in response.context["results"]] == [room, building]
    assert "Log in to book" in response.content.decode()


def test_the_empty_page_shows_the_form_without_results(client, campus):
    response = client.get(find_url(campus))

    assert response.status_code == 200
    assert response.context["results"] is None


def test_a_weekday_and_part_of_the_day_search_the_next_one(client, campus, room, building, participant):
    client.force_login(participant)

    response = client.get(find_url(campus, "?weekday=1&part=afternoon&people=5"))

    chosen = response.context["chosen"]
    assert chosen["date"].weekday() == 1
    assert (chosen["start"].hour, chosen["end"].hour) == (13, 18)
    assert [found.space for found in response.context["results"]] == [room, building]
    new_booking = campus_reverse(campus, "bookings:new", space_slug=room.slug)
    assert f'href="{new_booking}?date={chosen["date"]:%Y-%m-%d}&amp;start=13:00&amp;end=18:00"' in (
        response.content.decode()
    )


def test_bad_input_is_explained_and_kept(client, campus):
    response = client.get(find_url(campus, "?date=2030-03-05&start=18:00&end=13:00&people=0"))

    assert response.context["results"] is None
    form = response.context["form"]
    page = response.content.decode()
    assert "The end must come after the start." in page
    assert "people" in form.errors
    assert 'value="2030-03-05"' in page
    assert 'value="18:00"' in page


def test_half_a_quick_search_is_explained(client, campus):
    response = client.get(find_url(campus, "?weekday=1&people=2"))

    assert response.context["form"].has_error("__all__")
    assert "Choose both a weekday and a part of the day, or neither." in response.content.decode()


def test_the_search_filters_by_feature_address_name(client, campus, make_space):
    with scopes_disabled():
        projector = Feature.objects.create(campus=campus, slug="projector", name_en="Projector")
    equipped = make_space(name_en="Equipped")
    equipped.features.add(projector)
    make_space(name_en="Bare")

    response = client.get(find_url(campus, "?date=2030-03-05&start=13:00&end=18:00&feature=projector"))

    assert [found.space for found in response.context["results"]] == [equipped]


def test_the_search_page_takes_the_same_queries_for_one_space_and_three(
    client, campus, make_space, participant
):
    client.force_login(participant)
    address = find_url(campus, "?date=2030-03-05&start=13:00&end=18:00&people=2")
    make_space(name_en="First")
    one = count_queries(client, address)
    make_space(name_en="Second")
    make_space(name_en="Third")

    assert count_queries(client, address) == one
