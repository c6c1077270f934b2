"""The participant's home: timetable in campus time, materials, attendance, rate and reasons."""

from datetime import datetime, time, timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.programs.models import Attendance, Participant, Session, SessionMaterial, TimetableEntry
from tests.curriculum_helpers import join, make_cohort, mark
from tests.factories import SpaceFactory

DASH = "\N{EN DASH}"


def home(client, user, campus):
    client.force_login(user)
    response = client.get(campus_reverse(campus, "participation:home"))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def planned(campus, session_at, instructor, member):
    """Two lectures held (one attended, one missed), a two-day field study to come."""
    first_day = member.cohort.starts_on + timedelta(days=1)
    first = session_at(
        datetime.combine(first_day, time(19, 0), tzinfo=campus.tz), title="Why social innovation"
    )
    second = session_at(timezone.now() - timedelta(days=3), title="Mapping a problem")
    trip = session_at(timezone.now() + timedelta(days=5), title="Visit to Suwon")
    with scopes_disabled():
        room = SpaceFactory(campus=campus, name_en="Seminar room 2", name_ko="세미나실 2")
        TimetableEntry.objects.filter(session=first).update(room=room)
        TimetableEntry.objects.filter(session=trip).update(days=2)
        Session.objects.filter(pk=trip.pk).update(offsite=True, offsite_place="Suwon city hall")
        first.instructors.add(instructor)
        SessionMaterial.objects.create(
            campus=campus, session=first, title="Reading list", url="https://example.org/r"
        )
        SessionMaterial.objects.create(
            campus=campus, session=first, title="Slides", file=ContentFile(b"%PDF-1.4", name="slides.pdf")
        )
        Session.objects.create(campus=campus, cohort=member.cohort, title_en="Unplanned session")
    mark(first, member, Attendance.State.PRESENT)
    mark(second, member, Attendance.State.ABSENT)
    return first, second, trip


def test_the_timetable_shows_campus_times_places_instructors_materials_and_attendance(
    client, campus, member, planned, instructor
):
    first, _second, _trip = planned
    page = home(client, member.user, campus)

    assert f"{member.cohort.starts_on + timedelta(days=1):%Y-%m-%d (%a)}" in page
    assert f"19:00{DASH}22:00" in page
    assert "Seminar room 2" in page
    assert instructor.name_en in page
    assert 'href="https://example.org/r"' in page
    with scopes_disabled():
        slides = SessionMaterial.objects.get(title="Slides")
    assert campus_reverse(campus, "participation:material", pk=slides.pk) in page
    assert "Suwon city hall" in page
    assert "each of 2 days" in page
    assert "Unplanned session" not in page
    assert (
        page.index("Why social innovation") < page.index("Mapping a problem") < page.index("Visit to Suwon")
    )
    assert "My attendance" in page
    assert "50.0%" in page
    assert "(1 of 2 sessions; 80% needed to complete)" in page
    assert "Attendance 50% is below the 80% needed." in page
    assert "upcoming" in page
    assert page.count("Give feedback") == 1
    assert campus_reverse(campus, "participation:feedback", pk=first.pk) in page


def test_the_material_file_is_downloaded_through_the_check(client, campus, member, planned, make_person):
    with scopes_disabled():
        slides = SessionMaterial.objects.get(title="Slides")
    url = campus_reverse(campus, "participation:material", pk=slides.pk)
    client.force_login(member.user)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4"

    outsider = join(make_cohort(campus, slug="other"), make_person(campus, "participant"))
    client.force_login(outsider.user)
    assert client.get(url).status_code == 403


def test_a_participant_who_left_sees_their_record_up_to_then_read_only(client, campus, member, planned):
    with scopes_disabled():
        Participant.objects.filter(pk=member.pk).update(
            state=Participant.State.WITHDRAWN, left_on=timezone.localdate() - timedelta(days=1)
        )
    page = home(client, member.user, campus)
    assert "You left this cohort on" in page
    assert "Why social innovation" in page
    assert "Mapping a problem" in page
    assert "Visit to Suwon" not in page
    assert "Give feedback" not in page
    assert "Check in to a session" not in page


def test_a_late_joiner_sees_earlier_sessions_as_before_they_joined(
    client, campus, cohort, planned, make_person
):
    late = join(
        cohort, make_person(campus, "participant"), joined_on=timezone.localdate() - timedelta(days=5)
    )
    page = home(client, late.user, campus)
    assert "before you joined" in page
    assert "not recorded (counts as absent)" in page


def test_someone_of_the_campus_in_no_cohort_is_told_so(client, campus, make_person):
    page = home(client, make_person(campus, "public"), campus)
    assert "You do not take part in a programme on this campus." in page
    assert "Check in to a session" not in page


def test_an_instructor_finds_their_teaching_page(client, campus, instructor):
    page = home(client, instructor, campus)
    assert campus_reverse(campus, "participation:teaching") in page


def test_the_navigation_links_to_my_programmes(client, campus, member):
    assert campus_reverse(campus, "participation:home") in home(client, member.user, campus)


def test_the_header_links_my_programmes_only_for_people_of_the_campus(client, campus, member, make_person):
    home = campus_reverse(campus, "participation:home")
    client.force_login(member.user)
    assert f'href="{home}"' in client.get(campus_reverse(campus, "spaces:tree")).content.decode()
    client.force_login(make_person())
    assert f'href="{home}"' not in client.get(campus_reverse(campus, "spaces:tree")).content.decode()
