"""The participant's home and the team's overview read a cohort in a fixed number of queries:
300 participants with 16 weeks of sessions cost what 3 participants with 2 sessions cost."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.people.models import User
from opencampus.programs.models import Attendance, Participant, Session, SessionMaterial, TimetableEntry
from tests.curriculum_helpers import make_cohort, published_timetable
from tests.factories import password_hash


def build(campus, instructor, *, slug, participants, weeks):
    """A cohort of ``participants`` with one lecture a week, all held, everyone marked, by bulk inserts."""
    cohort = make_cohort(campus, slug=slug, starts_on=timezone.localdate() - timedelta(weeks=weeks + 1))
    first = timezone.now() - timedelta(weeks=weeks)
    with scopes_disabled():
        timetable = published_timetable(cohort)
        sessions = Session.objects.bulk_create(
            Session(campus=campus, cohort=cohort, title_en=f"{slug} week {week}", position=week)
            for week in range(weeks)
        )
        TimetableEntry.objects.bulk_create(
            TimetableEntry(
                campus=campus,
                timetable=timetable,
                session=session,
                starts_at=first + timedelta(weeks=week),
                ends_at=first + timedelta(weeks=week, hours=3),
                week=week + 1,
            )
            for week, session in enumerate(sessions)
        )
        for session in sessions:
            session.instructors.add(instructor)
        SessionMaterial.objects.bulk_create(
            SessionMaterial(campus=campus, session=session, title="Reading", url="https://example.org/")
            for session in sessions
        )
        users = User.objects.bulk_create(
            User(email=f"{slug}-{n}@example.org", name_en=f"{slug} {n}", password=password_hash())
            for n in range(participants)
        )
        members = Participant.objects.bulk_create(
            Participant(campus=campus, cohort=cohort, user=user, source="call", joined_on=cohort.starts_on)
            for user in users
        )
        Attendance.objects.bulk_create(
            Attendance(
                campus=campus,
                session=session,
                participant=member,
                state="present" if (member.pk + session.pk) % 5 else "absent",
                via="staff",
                marked_at=timezone.now(),
            )
            for session in sessions
            for member in members
        )
    return cohort, members[0].user


def queries(client, user, address):
    """Queries of the second request: the first fills process-wide caches (content types, templates)."""
    client.force_login(user)
    client.get(address)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(address)
    assert response.status_code == 200
    return len(captured), response


@pytest.fixture
def cohorts(campus, instructor):
    return build(campus, instructor, slug="small", participants=3, weeks=2), build(
        campus, instructor, slug="large", participants=300, weeks=16
    )


def test_the_participant_home_does_not_grow_with_the_cohort(client, campus, cohorts):
    (_small, small_member), (_large, large_member) = cohorts
    address = campus_reverse(campus, "participation:home")
    small, _response = queries(client, small_member, address)
    large, response = queries(client, large_member, address)
    assert large == small
    assert response.content.decode().count("large week") == 16


def test_the_staff_overview_does_not_grow_with_the_cohort(client, campus, cohorts, staff_member):
    (small_cohort, _member), (large_cohort, _other) = cohorts
    small, _response = queries(
        client, staff_member, campus_reverse(campus, "attendance_manage:overview", cohort=small_cohort.slug)
    )
    large, response = queries(
        client, staff_member, campus_reverse(campus, "attendance_manage:overview", cohort=large_cohort.slug)
    )
    assert large == small
    assert response.content.decode().count('<th scope="row">large ') == 300
