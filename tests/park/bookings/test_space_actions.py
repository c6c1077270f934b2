"""The booking links on a space's page."""

from tests.factories import SpaceFactory, UserFactory

from .helpers import sign_in, url


def test_people_who_may_book_get_the_booking_link(client, room, participant):
    sign_in(client, participant)

    response = client.get(url(room.campus, "spaces:detail", slug=room.slug))

    assert "Book this space" in response.text
    assert url(room.campus, "bookings:new", space_slug=room.slug) in response.text
    assert url(room.campus, "availability:week", space_slug=room.slug) in response.text


def test_others_see_the_week_but_no_booking_link(client, campus):
    space = SpaceFactory(campus=campus, bookable_by_public=False)
    sign_in(client, UserFactory())

    response = client.get(url(campus, "spaces:detail", slug=space.slug))

    assert "Book this space" not in response.text
    assert url(campus, "availability:week", space_slug=space.slug) in response.text
