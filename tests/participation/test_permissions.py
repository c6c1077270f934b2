"""Every page and POST checks on the server who may use it; other campuses' records are never reached."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.core.models import ActivityLog
from opencampus.programs.models import (
    Attendance,
    Engagement,
    Feedback,
    InstructorAbsence,
    InstructorAvailability,
    SessionMaterial,
)
from tests.curriculum_helpers import held_session, join, make_cohort, mark


@pytest.fixture
def world(campus, cohort, member, soon, instructor, engage):
    """One of everything a page can point at, on this campus."""
    with scopes_disabled():
        material = SessionMaterial.objects.create(
            campus=campus, session=soon, title="Slides", file=ContentFile(b"slides", name="slides.pdf")
        )
        window = InstructorAvailability.objects.create(
            campus=campus, instructor=instructor, weekday=1, starts_at="10:00", ends_at="12:00"
        )
        absence = InstructorAbsence.objects.create(
            campus=campus,
            instructor=instructor,
            starts_at=timezone.now() + timedelta(days=20),
            ends_at=timezone.now() + timedelta(days=21),
        )
    return {
        "cohort": cohort,
        "session": soon,
        "material": material,
        "engagement": engage(soon, instructor),
        "window": window,
        "absence": absence,
    }


def participant_gets(campus, world):
    session = world["session"]
    return [
        campus_reverse(campus, "participation:home"),
        campus_reverse(campus, "participation:calendar"),
        campus_reverse(campus, "participation:check_in"),
        campus_reverse(campus, "participation:check_in_code", code="ABCDEF"),
        campus_reverse(campus, "participation:feedback", pk=session.pk),
        campus_reverse(campus, "participation:material", pk=world["material"].pk),
    ]


def participant_posts(campus, world):
    return participant_gets(campus, world)[2:5]


def teaching_gets(campus):
    return [campus_reverse(campus, "participation:teaching")]


def teaching_posts(campus, world):
    return [
        campus_reverse(campus, "participation:engagement_confirm", pk=world["engagement"].pk),
        campus_reverse(campus, "participation:engagement_decline", pk=world["engagement"].pk),
        campus_reverse(campus, "participation:availability_add"),
        campus_reverse(campus, "participation:availability_remove", pk=world["window"].pk),
        campus_reverse(campus, "participation:absence_add"),
        campus_reverse(campus, "participation:absence_remove", pk=world["absence"].pk),
    ]


def staff_gets(campus, world):
    cohort, session = world["cohort"].slug, world["session"].pk
    return [
        campus_reverse(campus, "attendance_manage:cohorts"),
        campus_reverse(campus, "attendance_manage:overview", cohort=cohort),
        campus_reverse(campus, "attendance_manage:session", cohort=cohort, pk=session),
        campus_reverse(campus, "attendance_manage:check_in_screen", cohort=cohort, pk=session),
        campus_reverse(campus, "attendance_manage:feedback", cohort=cohort, pk=session),
    ]


def staff_posts(campus, world):
    cohort, session = world["cohort"].slug, world["session"].pk
    return [
        campus_reverse(campus, "attendance_manage:session", cohort=cohort, pk=session),
        campus_reverse(campus, "attendance_manage:mark_absent", cohort=cohort, pk=session),
        campus_reverse(campus, "attendance_manage:open_check_in", cohort=cohort, pk=session),
        campus_reverse(campus, "attendance_manage:close_check_in", cohort=cohort, pk=session),
    ]


def post_data(world, member):
    engagement = world["engagement"].pk
    return {
        f"state-{member.pk}": "absent",
        "code": "ABCDEF",
        "rating": "1",
        f"decline-{engagement}-reason": "Taken over",
        "window-weekday": "3",
        "window-starts_at": "08:00",
        "window-ends_at": "09:00",
        "absence-starts_at": "2099-01-01T00:00",
        "absence-ends_at": "2099-01-02T00:00",
    }


def nothing_changed(world, member):
    with scopes_disabled():
        assert not Attendance.objects.filter(participant=member).exists()
        assert not Feedback.objects.exists()
        assert Engagement.objects.get(pk=world["engagement"].pk).state == Engagement.State.INVITED
        assert InstructorAvailability.objects.count() == 1
        assert InstructorAbsence.objects.count() == 1
        world["session"].refresh_from_db()
        assert world["session"].check_in_code == ""
        assert not ActivityLog.objects.exclude(action__startswith="role.").exists()


def test_anonymous_people_are_sent_to_log_in(client, campus, world, member):
    login = campus_reverse(campus, "people:login")
    pages = [*participant_gets(campus, world), *teaching_gets(campus), *staff_gets(campus, world)]
    for address in pages:
        response = client.get(address)
        assert response.status_code == 302, address
        assert response.url.startswith(login), address
    for address in [
        *participant_posts(campus, world),
        *teaching_posts(campus, world),
        *staff_posts(campus, world),
    ]:
        response = client.post(address, post_data(world, member))
        assert response.status_code == 302, address
        assert response.url.startswith(login), address
    nothing_changed(world, member)


def test_participants_may_not_use_the_staff_pages(client, campus, world, member):
    client.force_login(member.user)
    for address in staff_gets(campus, world):
        assert client.get(address).status_code == 403, address
    for address in staff_posts(campus, world):
        assert client.post(address, post_data(world, member)).status_code == 403, address
    nothing_changed(world, member)


def test_only_instructors_reach_teaching_and_only_their_own_records(
    client, campus, world, member, make_person
):
    client.force_login(member.user)
    for address in teaching_gets(campus):
        assert client.get(address).status_code == 403, address
    for address in teaching_posts(campus, world):
        assert client.post(address, post_data(world, member)).status_code == 403, address

    client.force_login(make_person(campus, "instructor"))
    for address in teaching_posts(campus, world)[:2] + teaching_posts(campus, world)[3::2]:
        assert client.post(address, post_data(world, member)).status_code == 403, address

    client.force_login(make_person(campus, "staff"))
    assert client.post(teaching_posts(campus, world)[0]).status_code == 403
    nothing_changed(world, member)


def test_people_outside_the_cohorts_may_not_use_participant_pages(client, campus, world, member, make_person):
    client.force_login(make_person(campus, "public"))
    for address in participant_gets(campus, world)[2:]:
        assert client.get(address).status_code == 403, address
    for address in participant_posts(campus, world):
        assert client.post(address, post_data(world, member)).status_code == 403, address

    other_cohort = join(make_cohort(campus, slug="citizens"), make_person(campus, "participant"))
    client.force_login(other_cohort.user)
    feedback = campus_reverse(campus, "participation:feedback", pk=world["session"].pk)
    material = campus_reverse(campus, "participation:material", pk=world["material"].pk)
    assert client.get(feedback).status_code == 403
    assert client.post(feedback, {"rating": "1"}).status_code == 403
    assert client.get(material).status_code == 403
    nothing_changed(world, member)


def test_staff_of_another_campus_are_refused(client, campus, world, member, other_operator, make_person):
    client.force_login(other_operator)
    pages = [*participant_gets(campus, world), *teaching_gets(campus), *staff_gets(campus, world)]
    for address in pages:
        assert client.get(address).status_code in (403, 404), address
    for address in [
        *participant_posts(campus, world),
        *teaching_posts(campus, world),
        *staff_posts(campus, world),
    ]:
        assert client.post(address, post_data(world, member)).status_code in (403, 404), address
    nothing_changed(world, member)


def test_records_of_another_campus_are_never_found(client, campus, other_campus, world, member, make_person):
    foreign_cohort = make_cohort(other_campus, slug="busan-pilot", name_en="Busan pilot")
    foreign_session = held_session(foreign_cohort, starts_at=timezone.now() - timedelta(minutes=5))
    foreign_member = join(foreign_cohort, member.user)
    mark(foreign_session, foreign_member)
    with scopes_disabled():
        foreign_material = SessionMaterial.objects.create(
            campus=other_campus, session=foreign_session, title="Busan", url="https://example.org/b"
        )
        foreign_engagement = Engagement.objects.create(
            campus=other_campus, session=foreign_session, instructor=member.user
        )
        foreign_window = InstructorAvailability.objects.create(
            campus=other_campus, instructor=member.user, weekday=1, starts_at="10:00", ends_at="12:00"
        )
    staff = make_person(campus, "staff", "instructor")
    client.force_login(staff)
    for address in [
        campus_reverse(campus, "attendance_manage:overview", cohort=foreign_cohort.slug),
        campus_reverse(
            campus, "attendance_manage:session", cohort=foreign_cohort.slug, pk=foreign_session.pk
        ),
        campus_reverse(
            campus, "attendance_manage:session", cohort=world["cohort"].slug, pk=foreign_session.pk
        ),
        campus_reverse(
            campus, "attendance_manage:feedback", cohort=world["cohort"].slug, pk=foreign_session.pk
        ),
    ]:
        assert client.get(address).status_code == 404, address
        assert client.post(address, {f"state-{foreign_member.pk}": "absent"}).status_code in (404, 405), (
            address
        )

    client.force_login(member.user)
    for address in [
        campus_reverse(campus, "participation:feedback", pk=foreign_session.pk),
        campus_reverse(campus, "participation:material", pk=foreign_material.pk),
    ]:
        assert client.get(address).status_code == 404, address
    for address in [
        campus_reverse(campus, "participation:engagement_confirm", pk=foreign_engagement.pk),
        campus_reverse(campus, "participation:availability_remove", pk=foreign_window.pk),
    ]:
        assert client.post(address).status_code == 404, address
    home = client.get(campus_reverse(campus, "participation:home")).content.decode()
    assert foreign_cohort.name_en not in home
    with scopes_disabled():
        assert Attendance.objects.get(participant=foreign_member).state == "present"
        assert Engagement.objects.get(pk=foreign_engagement.pk).state == Engagement.State.INVITED
        assert InstructorAvailability.objects.filter(pk=foreign_window.pk).exists()
