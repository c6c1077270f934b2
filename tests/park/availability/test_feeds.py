"""iCalendar feeds of a space and of a person, read back with the icalendar library."""

from datetime import UTC, timedelta

import pytest
from django.core import signing
from django.utils import timezone
from django_scopes import scopes_disabled
from icalendar import Calendar

from opencampus.core.links import campus_reverse
from opencampus.park.services.bookings import cancel_booking
from opencampus.park.services.calendar_feeds import FEED_SALT
from opencampus.people.services.feed_tokens import make_feed_token
from tests.factories import SpaceFactory


def events(response):
    calendar = Calendar.from_ical(response.content)
    return calendar, {str(event["summary"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def soon(campus):
    """``soon(5, "10:00")``: that time five days from today on the campus, as the ``book`` fixture wants."""

    def make(days, at):
        return f"{timezone.localdate(timezone=campus.tz) + timedelta(days=days)} {at}"

    return make


@pytest.fixture
def book_soon(book, soon):
    today = soon(0, "00:00")

    def make(actor, space, days, start, end, **options):
        return book(actor, space, soon(days, start), soon(days, end), now=today, **options)

    return make


def space_feed_url(space):
    return campus_reverse(space.campus, "availability:space_feed", space_slug=space.slug)


def personal_feed_url(campus, token):
    return campus_reverse(campus, "availability:personal_feed", token=token)


def test_a_space_feed_lists_what_holds_the_space_without_private_titles(
    client, building, room, desk, book, book_soon, staff_member, participant, at, soon
):
    booked = book_soon(participant, room, 5, "10:00", "12:00", title="Secret merger talks")
    book_soon(staff_member, building, 6, "09:00", "10:00", title="Open day")
    book_soon(staff_member, room, 7, "09:00", "10:00", title="Painting", blocking=True)
    book_soon(staff_member, desk, 8, "09:00", "10:00", title="Soldering")
    book(staff_member, room, soon(400, "09:00"), soon(400, "10:00"), title="Too far ahead")

    response = client.get(space_feed_url(room))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar, by_summary = events(response)
    assert sorted(by_summary) == ["Blocked: Painting", "Booked: Main hall", "Booked: Seminar room 1"]
    assert b"Secret merger talks" not in response.content
    assert str(calendar["X-WR-TIMEZONE"]) == "Asia/Seoul"
    assert "Seminar room 1" in str(calendar["X-WR-CALNAME"])
    event = by_summary["Booked: Seminar room 1"]
    with scopes_disabled():
        occurrence = booked.occurrences.get()
    assert str(event["uid"]) == f"occurrence-{occurrence.pk}@seoul.opencampus"
    start = at(soon(5, "10:00")).astimezone(UTC)
    assert event.decoded("dtstart") == start
    assert event.decoded("dtend") == at(soon(5, "12:00")).astimezone(UTC)
    assert f"DTSTART:{start:%Y%m%dT%H%M%SZ}".encode() in response.content


def test_a_space_feed_of_an_inactive_space_or_another_campus_is_not_found(
    client, make_space, other_campus, operator
):
    hidden = make_space(slug="old-wing", is_active=False)
    with scopes_disabled():
        foreign = SpaceFactory(campus=other_campus, slug="busan-room")

    assert client.get(space_feed_url(hidden)).status_code == 404
    wrong_campus = space_feed_url(hidden).replace("old-wing", foreign.slug)
    assert client.get(wrong_campus).status_code == 404
    client.force_login(operator)
    assert client.get(space_feed_url(hidden)).status_code == 200


def test_the_personal_feed_lists_the_persons_own_dates_with_their_states(
    client, campus, other_campus, make_space, room, book_soon, participant, make_person
):
    lab = make_space(slug="lab", name_en="Lab", requires_approval=True)
    book_soon(participant, lab, 5, "10:00", "11:00", title="Asked for")
    book_soon(participant, room, 6, "10:00", "11:00", title="Confirmed talk")
    dropped = book_soon(participant, room, 7, "10:00", "11:00", title="Called off")
    with scopes_disabled():
        cancel_booking(booking=dropped, actor=participant)
        elsewhere = SpaceFactory(campus=other_campus, bookable_by_public=True)
    book_soon(participant, elsewhere, 5, "10:00", "11:00", title="In Busan")
    book_soon(make_person(campus, "participant"), room, 8, "10:00", "11:00", title="Not mine")

    response = client.get(
        personal_feed_url(campus, make_feed_token(user=participant, campus=campus, salt=FEED_SALT))
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"] == "private, no-store"
    _calendar, by_summary = events(response)
    assert {summary: str(event["status"]) for summary, event in by_summary.items()} == {
        "Asked for": "TENTATIVE",
        "Confirmed talk": "CONFIRMED",
        "Called off": "CANCELLED",
    }


def test_a_forged_or_foreign_token_opens_no_feed(client, campus, other_campus, participant):
    foreign = make_feed_token(user=participant, campus=other_campus, salt=FEED_SALT)
    forged = signing.dumps({"user": participant.pk, "campus": campus.pk}, salt="another.salt", compress=True)
    wrong_shape = signing.dumps([participant.pk], salt=FEED_SALT)

    for token in (foreign, forged, wrong_shape, "nonsense"):
        assert client.get(personal_feed_url(campus, token)).status_code == 404, token


def test_the_feed_of_a_deactivated_person_is_gone(client, campus, participant):
    token = make_feed_token(user=participant, campus=campus, salt=FEED_SALT)
    participant.is_active = False
    participant.save(update_fields=["is_active"])

    assert client.get(personal_feed_url(campus, token)).status_code == 404


def test_the_page_with_the_personal_feed_address_needs_a_log_in(client, campus, participant):
    page = campus_reverse(campus, "availability:personal_feed_page")

    response = client.get(page)
    assert response.status_code == 302
    assert response["Location"].startswith(campus_reverse(campus, "people:login"))

    client.force_login(participant)
    response = client.get(page)
    assert response.status_code == 200
    address = response.context["feed_url"]
    assert address.startswith("http://testserver/c/seoul/availability/me/calendar/")
    assert "Anyone who has this address" in response.content.decode()
    assert client.get(address).status_code == 200


@pytest.fixture(autouse=True)
def _feeds_are_read_in_english(campus):
    """Calendar apps send no language: feeds speak the campus's default language."""
    campus.default_language = "en"
    campus.save(update_fields=["default_language"])
