"""The participant's timetable as an iCalendar feed: signed address, stable UIDs, moved events."""

from datetime import UTC, timedelta

import pytest
from django.core import signing
from django.utils import timezone
from django_scopes import scopes_disabled
from icalendar import Calendar

from opencampus.core.links import campus_reverse
from opencampus.people.services.feed_tokens import make_feed_token
from opencampus.programs.models import Participant, Session, Timetable, TimetableEntry
from opencampus.programs.services.timetable_feed import FEED_SALT
from tests.factories import SpaceFactory

START = (timezone.now() + timedelta(days=3)).replace(microsecond=0, second=0)


def feed_url(campus, token):
    return campus_reverse(campus, "participation:feed", token=token)


def events(response):
    calendar = Calendar.from_ical(response.content)
    return calendar, {str(event["summary"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def field_study(campus, cohort, session_at):
    session = session_at(START, title="Fab City field study")
    with scopes_disabled():
        Session.objects.filter(pk=session.pk).update(
            kind=Session.Kind.FIELD_STUDY, offsite=True, offsite_place="Seoul Innovation Park, Fab Lab"
        )
        TimetableEntry.objects.filter(session=session).update(days=3)
    return session


@pytest.fixture
def lecture(campus, session_at, instructor):
    session = session_at(START + timedelta(days=7), title="Energy transition")
    with scopes_disabled():
        room = SpaceFactory(campus=campus, name_en="Seminar room 1", name_ko="세미나실 1")
        TimetableEntry.objects.filter(session=session).update(room=room)
        session.instructors.add(instructor)
        session.goals_en = "Read a city's energy balance."
        session.save()
    return session


def test_the_feed_lists_my_sessions_with_stable_uids(
    client, campus, member, field_study, lecture, instructor
):
    response = client.get(feed_url(campus, make_feed_token(user=member.user, campus=campus, salt=FEED_SALT)))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"] == "private, no-store"
    calendar, by_summary = events(response)
    assert sorted(by_summary) == ["Energy transition · 2020 pilot", "Fab City field study · 2020 pilot"]
    assert str(calendar["X-WR-TIMEZONE"]) == "Asia/Seoul"

    trip = by_summary["Fab City field study · 2020 pilot"]
    assert str(trip["uid"]) == f"session-{field_study.pk}@seoul.opencampus"
    assert trip.decoded("dtstart").astimezone(UTC) == START
    assert trip.decoded("dtend").astimezone(UTC) == START + timedelta(hours=3)
    assert trip["rrule"]["FREQ"] == ["DAILY"]
    assert trip["rrule"]["COUNT"] == [3]
    assert str(trip["location"]) == "Seoul Innovation Park, Fab Lab"
    assert b"TZID=Asia/Seoul" in response.content

    talk = by_summary["Energy transition · 2020 pilot"]
    assert str(talk["location"]) == "Seminar room 1"
    assert "rrule" not in talk
    assert f"Instructors: {instructor.name_en}" in str(talk["description"])
    assert "Read a city's energy balance." in str(talk["description"])


def test_a_new_timetable_version_moves_the_event_under_the_same_uid(client, campus, cohort, member, lecture):
    url = feed_url(campus, make_feed_token(user=member.user, campus=campus, salt=FEED_SALT))
    _calendar, before = events(client.get(url))
    with scopes_disabled():
        first = Timetable.objects.get(cohort=cohort, state=Timetable.State.PUBLISHED)
        first.state = Timetable.State.SUPERSEDED
        first.save()
        second = Timetable.objects.create(
            campus=campus,
            cohort=cohort,
            number=2,
            state="published",
            solver_status="optimal",
            published_at=timezone.now(),
        )
        moved = START + timedelta(days=8)
        TimetableEntry.objects.create(
            campus=campus,
            timetable=second,
            session=lecture,
            starts_at=moved,
            ends_at=moved + timedelta(hours=3),
            week=2,
        )
    _calendar, after = events(client.get(url))

    old, new = before["Energy transition · 2020 pilot"], after["Energy transition · 2020 pilot"]
    assert str(old["uid"]) == str(new["uid"])
    assert (old["sequence"], new["sequence"]) == (1, 2)
    assert new.decoded("dtstart").astimezone(UTC) == moved


def test_sessions_without_a_published_time_and_other_cohorts_stay_out(
    client, campus, cohort, member, lecture, make_person
):
    with scopes_disabled():
        Session.objects.create(campus=campus, cohort=cohort, title_en="Not planned yet")
    _calendar, by_summary = events(
        client.get(feed_url(campus, make_feed_token(user=member.user, campus=campus, salt=FEED_SALT)))
    )
    assert list(by_summary) == ["Energy transition · 2020 pilot"]

    outsider = make_person(campus, "participant")
    _calendar, theirs = events(
        client.get(feed_url(campus, make_feed_token(user=outsider, campus=campus, salt=FEED_SALT)))
    )
    assert theirs == {}


def test_a_participant_who_left_no_longer_gets_the_sessions(client, campus, member, lecture):
    with scopes_disabled():
        Participant.objects.filter(pk=member.pk).update(state="withdrawn", left_on=timezone.localdate())
    _calendar, by_summary = events(
        client.get(feed_url(campus, make_feed_token(user=member.user, campus=campus, salt=FEED_SALT)))
    )
    assert by_summary == {}


def test_a_bad_or_foreign_token_is_not_found(client, campus, other_campus, member, lecture):
    assert client.get(feed_url(campus, "not-a-token")).status_code == 404
    foreign = make_feed_token(user=member.user, campus=other_campus, salt=FEED_SALT)
    assert client.get(feed_url(campus, foreign)).status_code == 404
    park_token = signing.dumps({"user": member.user.pk, "campus": campus.pk}, salt="opencampus.park.calendar")
    assert client.get(feed_url(campus, park_token)).status_code == 404
    forged = signing.dumps({"user": member.user.pk, "campus": campus.pk}, salt=FEED_SALT, key="wrong key")
    assert client.get(feed_url(campus, forged)).status_code == 404


def test_the_feed_address_page_needs_a_log_in(client, campus, member):
    page = campus_reverse(campus, "participation:calendar")
    assert client.get(page).status_code == 302
    client.force_login(member.user)
    response = client.get(page)
    assert response["Referrer-Policy"] == "no-referrer"
    assert make_feed_token(user=member.user, campus=campus, salt=FEED_SALT) in response.content.decode()
