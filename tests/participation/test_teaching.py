"""An instructor confirms or declines engagements and keeps their weekly windows and absences."""

from datetime import time, timedelta

import pytest
from django.utils import timezone, translation
from django_scopes import scope, scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.core.models import ActivityLog
from opencampus.programs.models import Engagement, InstructorAbsence, InstructorAvailability
from opencampus.programs.services.teaching import (
    TeachingError,
    add_absence,
    add_availability,
    confirm_engagement,
    decline_engagement,
)

DASH = "\N{EN DASH}"


def url(campus, name, **kwargs):
    return campus_reverse(campus, f"participation:{name}", **kwargs)


@pytest.fixture
def coming(session_at):
    return session_at(timezone.now() + timedelta(days=4), title="Circular economy")


@pytest.fixture
def invited(coming, instructor, engage):
    return engage(coming, instructor)


def state_of(engagement):
    with scopes_disabled():
        engagement.refresh_from_db()
    return engagement.state


def test_the_teaching_page_lists_my_engagements_with_time_and_state(client, campus, invited, instructor):
    client.force_login(instructor)
    page = client.get(url(campus, "teaching")).content.decode()
    assert "Circular economy" in page
    assert "2020 pilot" in page
    assert "Invited" in page
    assert url(campus, "engagement_confirm", pk=invited.pk) in page


def test_an_instructor_confirms(client, campus, invited, instructor):
    client.force_login(instructor)
    response = client.post(url(campus, "engagement_confirm", pk=invited.pk))
    assert response.status_code == 302
    assert state_of(invited) == Engagement.State.CONFIRMED
    with scopes_disabled():
        assert ActivityLog.objects.filter(action="engagement.confirmed", actor=instructor).exists()
    # After a request the active language is the default (Korean) again: ask the service in English.
    with (
        translation.override("en"),
        scope(campus=campus),
        pytest.raises(TeachingError, match="cannot be confirmed"),
    ):
        confirm_engagement(engagement=invited, actor=instructor)


def test_declining_needs_a_reason_which_is_logged(client, campus, invited, instructor):
    client.force_login(instructor)
    address = url(campus, "engagement_decline", pk=invited.pk)
    response = client.post(address, {f"decline-{invited.pk}-reason": "  "})
    assert response.status_code == 400
    assert state_of(invited) == Engagement.State.INVITED

    response = client.post(address, {f"decline-{invited.pk}-reason": "Abroad that week"})
    assert response.status_code == 302
    assert state_of(invited) == Engagement.State.DECLINED
    with scopes_disabled():
        entry = ActivityLog.objects.get(action="engagement.declined")
    assert entry.data["reason"] == "Abroad that week"
    assert entry.data["from"] == "invited"


def test_a_session_that_has_begun_cannot_be_declined(campus, soon, instructor, engage):
    engagement = engage(soon, instructor, Engagement.State.CONFIRMED)
    with scope(campus=campus), pytest.raises(TeachingError, match="already begun"):
        decline_engagement(engagement=engagement, actor=instructor, reason="Ill")
    assert state_of(engagement) == Engagement.State.CONFIRMED


def test_only_the_invited_instructor_answers(client, campus, invited, make_person):
    other = make_person(campus, "instructor")
    client.force_login(other)
    assert client.post(url(campus, "engagement_confirm", pk=invited.pk)).status_code == 403
    with (
        translation.override("en"),
        scope(campus=campus),
        pytest.raises(TeachingError, match="Only the instructor invited"),
    ):
        confirm_engagement(engagement=invited, actor=other)
    assert state_of(invited) == Engagement.State.INVITED


def window(campus, instructor, weekday, start, end):
    with scope(campus=campus):
        return add_availability(
            instructor=instructor, campus=campus, weekday=weekday, starts_at=time(*start), ends_at=time(*end)
        )


def test_weekly_windows_may_touch_but_not_overlap(campus, instructor):
    window(campus, instructor, 1, (10, 0), (12, 0))
    window(campus, instructor, 1, (12, 0), (14, 0))
    window(campus, instructor, 2, (11, 0), (13, 0))
    with pytest.raises(TeachingError) as error:
        window(campus, instructor, 1, (11, 30), (12, 30))
    assert str(error.value) == (
        f"This overlaps your window Tuesday 10:00{DASH}12:00. Remove that one first, or choose other hours."
    )
    with pytest.raises(TeachingError, match="must end after it starts"):
        window(campus, instructor, 3, (14, 0), (14, 0))
    with scopes_disabled():
        assert InstructorAvailability.objects.count() == 3


def test_another_instructors_window_does_not_count_as_overlap(campus, instructor, make_person):
    window(campus, instructor, 1, (10, 0), (12, 0))
    window(campus, make_person(campus, "instructor"), 1, (10, 0), (12, 0))


def test_windows_and_absences_through_the_page(client, campus, instructor):
    client.force_login(instructor)
    response = client.post(
        url(campus, "availability_add"),
        {"window-weekday": "4", "window-starts_at": "18:00", "window-ends_at": "21:00"},
    )
    assert response.status_code == 302
    response = client.post(
        url(campus, "availability_add"),
        {"window-weekday": "4", "window-starts_at": "20:00", "window-ends_at": "22:00"},
    )
    assert response.status_code == 400
    assert f"This overlaps your window Friday 18:00{DASH}21:00." in response.content.decode()

    start = timezone.localdate() + timedelta(days=10)
    response = client.post(
        url(campus, "absence_add"),
        {"absence-starts_at": f"{start}T00:00", "absence-ends_at": f"{start}T00:00", "absence-reason": "x"},
    )
    assert response.status_code == 400
    assert "The absence must end after it starts." in response.content.decode()
    response = client.post(
        url(campus, "absence_add"),
        {
            "absence-starts_at": f"{start}T00:00",
            "absence-ends_at": f"{start + timedelta(days=7)}T00:00",
            "absence-reason": "Conference",
        },
    )
    assert response.status_code == 302
    with scopes_disabled():
        absence = InstructorAbsence.objects.get()
        assert timezone.localtime(absence.starts_at, campus.tz).hour == 0
        window_pk = InstructorAvailability.objects.get().pk
    page = client.get(url(campus, "teaching")).content.decode()
    assert f"Friday 18:00{DASH}21:00" in page
    assert "Conference" in page

    assert client.post(url(campus, "availability_remove", pk=window_pk)).status_code == 302
    assert client.post(url(campus, "absence_remove", pk=absence.pk)).status_code == 302
    with scopes_disabled():
        assert not InstructorAvailability.objects.exists()
        assert not InstructorAbsence.objects.exists()


def test_absences_are_for_the_future_and_do_not_overlap(campus, instructor):
    now = timezone.now()

    def absent(start, end):
        with scope(campus=campus):
            return add_absence(instructor=instructor, campus=campus, starts_at=start, ends_at=end, now=now)

    with pytest.raises(TeachingError, match="already over"):
        absent(now - timedelta(days=3), now - timedelta(days=1))
    absent(now + timedelta(days=1), now + timedelta(days=3))
    with pytest.raises(TeachingError, match="You already said you cannot teach from"):
        absent(now + timedelta(days=2), now + timedelta(days=4))


def test_someone_elses_window_cannot_be_removed(client, campus, instructor, make_person):
    theirs = window(campus, make_person(campus, "instructor"), 0, (9, 0), (10, 0))
    client.force_login(instructor)
    assert client.post(url(campus, "availability_remove", pk=theirs.pk)).status_code == 403
    with scopes_disabled():
        assert InstructorAvailability.objects.filter(pk=theirs.pk).exists()


def test_any_engagement_opens_the_teaching_page_without_the_role(client, campus, coming, make_person, engage):
    guest = make_person(campus, "public")
    client.force_login(guest)
    assert client.get(url(campus, "teaching")).status_code == 403
    engage(coming, guest)
    assert client.get(url(campus, "teaching")).status_code == 200
