"""The campus team's booking pages: the queue and its bulk decisions, every booking, blocking."""

import pytest

from opencampus.core.models import OutboxMessage
from opencampus.park.models import Booking, Occurrence, SpaceClaim
from opencampus.park.services.bookings import request_booking
from tests.factories import SpaceFactory

from .helpers import count_queries, messages_of, sign_in, url

PAGES = ["bookings_manage:queue", "bookings_manage:list", "bookings_manage:block"]


@pytest.fixture
def lab(campus):
    return SpaceFactory(campus=campus, slug="lab", name_en="Social Innovation Lab", requires_approval=True)


@pytest.fixture
def ask(book, lab, make_person, campus):
    """``ask(3, "10:00", "11:00")``: a request for the lab by a new participant."""

    def make(offset, start, end, title="Request", space=None, **options):
        return book(
            make_person(campus, "participant"), space or lab, offset, start, end, title=title, **options
        )

    return make


def decide(client, campus, bookings, decision, note=""):
    return client.post(
        url(campus, "bookings_manage:decide"),
        {"bookings": [booking.pk for booking in bookings], "decision": decision, "note": note},
        follow=True,
    )


# Who may come in


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_people_are_sent_to_log_in(client, campus, name):
    response = client.get(url(campus, name))

    assert response.status_code == 302
    assert response.url.startswith(url(campus, "people:login"))


@pytest.mark.parametrize("name", [*PAGES, "bookings_manage:decide"])
def test_participants_get_403(client, campus, participant, name):
    sign_in(client, participant)

    assert client.post(url(campus, name)).status_code == 403


@pytest.mark.parametrize("name", PAGES)
def test_the_team_gets_in(client, campus, staff_member, name):
    sign_in(client, staff_member)

    assert client.get(url(campus, name)).status_code == 200


def test_another_campus_operator_gets_403(client, campus, other_operator):
    sign_in(client, other_operator)

    assert client.get(url(campus, "bookings_manage:queue")).status_code == 403


# The queue


def test_the_queue_shows_requests_oldest_first_with_their_conflicts(
    client, campus, staff_member, lab, ask, book
):
    first = ask(3, "10:00", "12:00", title="First")
    second = ask(3, "11:00", "13:00", title="Second")
    book(staff_member, lab, 3, "12:30", "14:00", title="Repairs")
    sign_in(client, staff_member)

    response = client.get(url(campus, "bookings_manage:queue"))

    first_row, second_row = response.context["bookings"]
    assert [first_row, second_row] == [first, second]
    assert first_row.hard_conflicts == []
    assert "“Second”" in first_row.soft_conflicts[0]
    assert "Repairs" in second_row.hard_conflicts[0]
    assert "“First”" in second_row.soft_conflicts[0]


def test_the_queue_filters_by_space_and_dates(client, campus, staff_member, lab, ask, day):
    other = SpaceFactory(campus=campus, requires_approval=True)
    early = ask(3, "10:00", "11:00", title="Early")
    late = ask(20, "10:00", "11:00", title="Late")
    elsewhere = ask(3, "10:00", "11:00", title="Elsewhere", space=other)
    sign_in(client, staff_member)
    address = url(campus, "bookings_manage:queue")

    by_space = client.get(address, {"space": lab.pk})
    by_dates = client.get(address, {"date_from": day(10).isoformat(), "date_to": day(25).isoformat()})
    wrong = client.get(address, {"date_from": day(10).isoformat(), "date_to": day(5).isoformat()})

    assert list(by_space.context["bookings"]) == [early, late]
    assert list(by_dates.context["bookings"]) == [late]
    assert "The range ends before it starts." in wrong.text
    assert len(wrong.context["bookings"]) == 3
    assert elsewhere in wrong.context["bookings"]


def test_the_queue_costs_the_same_queries_for_one_or_three_requests(
    client, campus, staff_member, lab, ask, book
):
    sign_in(client, staff_member)
    ask(3, "10:00", "11:00")
    book(staff_member, lab, 3, "10:45", "12:00")
    one = count_queries(client, url(campus, "bookings_manage:queue"))
    ask(5, "10:30", "11:30", frequency="daily", count=3)
    ask(5, "10:00", "11:00", space=SpaceFactory(campus=campus, parent=lab, requires_approval=True))
    book(staff_member, lab, 6, "11:00", "12:00")

    assert count_queries(client, url(campus, "bookings_manage:queue")) == one
    rows = client.get(url(campus, "bookings_manage:queue")).context["bookings"]
    assert [(len(row.hard_conflicts), len(row.soft_conflicts)) for row in rows] == [(1, 0), (1, 1), (0, 1)]


def test_approving_in_bulk_through_the_page(client, campus, staff_member, ask):
    requests = [ask(3, "10:00", "11:00"), ask(4, "10:00", "11:00")]
    sign_in(client, staff_member)

    response = decide(client, campus, requests, "approve", note="Keys at the front desk")

    assert "2 requests approved." in messages_of(response, "success")
    for booking in requests:
        booking.refresh_from_db()
        assert booking.state == Booking.State.CONFIRMED
        assert booking.decision_note == "Keys at the front desk"
    mails = OutboxMessage.objects.filter(reason="booking.booking_approved").order_by("pk")
    assert [mail.to for mail in mails] == [booking.booked_by.email for booking in requests]
    for mail, booking in zip(mails, requests, strict=True):
        assert f"http://testserver/c/seoul/bookings/{booking.pk}/" in mail.body


def test_a_request_that_collides_is_refused_with_its_problems(client, campus, staff_member, lab, ask, book):
    fits, collides = ask(3, "10:00", "11:00", title="Fits"), ask(5, "10:00", "11:00", title="Collides")
    book(staff_member, lab, 5, "10:30", "12:00", title="Repairs")
    sign_in(client, staff_member)

    response = decide(client, campus, [fits, collides], "approve")

    errors = messages_of(response, "error")
    assert "1 request approved." in messages_of(response, "success")
    assert errors[0].startswith("“Collides” was not approved:")
    assert "Repairs" in errors[0]
    collides.refresh_from_db()
    assert collides.state == Booking.State.PENDING


def test_approving_can_skip_the_colliding_dates(client, campus, staff_member, lab, ask, book):
    series = ask(3, "10:00", "11:00", frequency="daily", count=3)
    book(staff_member, lab, 4, "10:00", "11:00", title="Repairs")
    sign_in(client, staff_member)

    decide(client, campus, [series], "approve_skipping")

    assert list(series.occurrences.values_list("state", flat=True)) == ["confirmed", "skipped", "confirmed"]
    assert SpaceClaim.objects.filter(occurrence__booking=series).count() == 2


def test_declining_in_bulk_with_a_note(client, campus, staff_member, ask):
    requests = [ask(3, "10:00", "11:00"), ask(4, "10:00", "11:00")]
    sign_in(client, staff_member)

    response = decide(client, campus, requests, "decline", note="The lab is closed for renovation.")

    assert "2 requests declined." in messages_of(response, "success")
    assert set(Occurrence.objects.values_list("state", flat=True)) == {"declined"}
    mail = OutboxMessage.objects.filter(reason="booking.booking_declined").first()
    assert "The lab is closed for renovation." in mail.body


def test_deciding_without_a_choice_says_so(client, campus, staff_member):
    sign_in(client, staff_member)

    response = decide(client, campus, [], "approve")

    assert "Tick at least one request." in messages_of(response, "error")


def test_another_campus_request_cannot_be_decided(
    client, campus, other_campus, staff_member, make_person, at
):
    space = SpaceFactory(campus=other_campus, requires_approval=True)
    booking = request_booking(
        space=space,
        actor=make_person(other_campus, "participant"),
        title="Busan",
        start=at(3, "10:00"),
        end=at(3, "11:00"),
    ).booking
    sign_in(client, staff_member)

    response = decide(client, campus, [booking], "approve")

    assert messages_of(response, "error")
    booking.refresh_from_db()
    assert booking.state == Booking.State.PENDING


# Every booking


def test_the_list_filters_by_state_kind_and_person(
    client, campus, staff_member, participant, room, ask, book
):
    confirmed = book(participant, room, 3, "10:00", "11:00", title="Confirmed one")
    pending = ask(3, "10:00", "11:00", title="Pending one")
    blocking = book(staff_member, room, 6, "10:00", "11:00", title="Repairs", is_blocking=True)
    sign_in(client, staff_member)
    address = url(campus, "bookings_manage:list")

    def listed(**filters):
        return list(client.get(address, filters).context["bookings"])

    assert set(listed()) == {confirmed, pending, blocking}
    assert listed(state="pending") == [pending]
    assert listed(kind="blocking") == [blocking]
    assert listed(person=participant.email.upper()) == [confirmed]
    assert listed(space=room.pk, state="confirmed", kind="booking") == [confirmed]


def test_the_list_costs_the_same_queries_for_one_or_three_bookings(
    client, campus, staff_member, participant, room, ask, book
):
    sign_in(client, staff_member)
    book(participant, room, 3, "10:00", "11:00")
    one = count_queries(client, url(campus, "bookings_manage:list"))
    ask(3, "10:00", "11:00")
    book(participant, room, 5, "10:00", "11:00", frequency="weekly", count=3)

    assert count_queries(client, url(campus, "bookings_manage:list")) == one


# Blocking


def test_blocking_a_space_through_the_page(client, campus, staff_member, room, day, at):
    sign_in(client, staff_member)
    data = {
        "space": room.pk,
        "title": "Floor polishing",
        "date": day(3).isoformat(),
        "whole_day": "on",
        "frequency": "weekly",
        "interval": "1",
        "count": "2",
    }

    checked = client.post(url(campus, "bookings_manage:block"), {**data, "check": "1"})
    response = client.post(url(campus, "bookings_manage:block"), {**data, "book": "1"}, follow=True)

    assert [row.state for row in checked.context["planned_dates"]] == ["free", "free"]
    blocking = Booking.objects.get()
    assert blocking.kind == Booking.Kind.BLOCKING
    assert blocking.state == Booking.State.CONFIRMED
    assert (blocking.start, blocking.end) == (at(3, "00:00"), at(4, "00:00"))
    assert blocking.occurrences.count() == 2
    assert "“Seminar room 1” is blocked: Floor polishing." in messages_of(response, "success")


def test_a_blocking_can_skip_confirmed_bookings(client, campus, staff_member, participant, room, book, day):
    book(participant, room, 4, "10:00", "11:00", title="Kept")
    sign_in(client, staff_member)
    data = {
        "space": room.pk,
        "title": "Painting",
        "date": day(3).isoformat(),
        "start_time": "09:00",
        "end_time": "18:00",
        "frequency": "daily",
        "interval": "1",
        "count": "3",
    }

    refused = client.post(url(campus, "bookings_manage:block"), {**data, "book": "1"})
    client.post(url(campus, "bookings_manage:block"), {**data, "skip_conflicts": "on", "book": "1"})

    assert refused.status_code == 400
    assert "Kept" in refused.text
    blocking = Booking.objects.get(title="Painting")
    assert list(blocking.occurrences.values_list("state", flat=True)) == ["confirmed", "skipped", "confirmed"]


def test_a_blocking_needs_times_or_the_whole_day(client, campus, staff_member, room, day):
    sign_in(client, staff_member)

    response = client.post(
        url(campus, "bookings_manage:block"),
        {
            "space": room.pk,
            "title": "Painting",
            "date": day(3).isoformat(),
            "frequency": "once",
            "interval": "1",
        },
    )

    assert response.status_code == 400
    assert "Give a time, or tick “the whole day”." in response.text
    assert 'value="Painting"' in response.text
