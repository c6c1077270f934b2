"""The course's main journey in a real browser: staff plan the timetable and publish it, a
participant checks in with the code on the screen, staff issue the certificate once the course
is over, and anyone verifies it — on its public page and by pasting the signed credential."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from opencampus.park.models import Booking
from opencampus.programs.models import (
    Attendance,
    CohortSlot,
    InstructorAvailability,
    Session,
    TimetableEntry,
)
from tests.browser.test_park_journey import log_in, log_out
from tests.curriculum_helpers import join, make_cohort
from tests.factories import CampusFactory, CampusRoleFactory, SpaceFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
MINUTES = 45


def session_start(campus):
    """About twenty minutes from now, so check-in (open from 30 minutes before) works at once;
    after 23:25 the next day's first minutes, so the session never crosses midnight."""
    soon = timezone.now().astimezone(campus.tz) + timedelta(minutes=20)
    soon = soon.replace(second=0, microsecond=0) + timedelta(minutes=5 - soon.minute % 5)
    if soon.time() > time(23, 25):
        soon = datetime.combine(soon.date() + timedelta(days=1), time(0, 5), campus.tz)
    return soon


@pytest.fixture
def course():
    with scopes_disabled():
        campus = CampusFactory(slug="seoul", name_ko="서울혁신파크", name_en="Seoul Innovation Park")
        SpaceFactory(campus=campus, slug="lab", name_en="Social Innovation Lab", capacity=30)
        start = session_start(campus)
        end = start + timedelta(minutes=MINUTES)
        cohort = make_cohort(
            campus,
            starts_on=start.date() - timedelta(days=start.weekday()),
            ends_on=start.date() + timedelta(days=7),
            size=10,
            completion_requires_presentation=False,
        )
        cohort.weeks = 1
        cohort.save()
        CohortSlot.objects.create(
            campus=campus, cohort=cohort, weekday=start.weekday(), starts_at=start.time(), ends_at=end.time()
        )
        staff = UserFactory(email="staff@example.org", preferred_language="en")
        CampusRoleFactory(campus=campus, user=staff, role="staff")
        teacher = UserFactory(email="teacher@example.org", preferred_language="en", name_en="Minjae Choi")
        CampusRoleFactory(campus=campus, user=teacher, role="instructor")
        InstructorAvailability.objects.create(
            campus=campus,
            instructor=teacher,
            weekday=start.weekday(),
            starts_at=start.time(),
            ends_at=end.time(),
        )
        session = Session.objects.create(
            campus=campus, cohort=cohort, title_en="Opening lecture", duration_minutes=MINUTES
        )
        session.instructors.set([teacher])
        learner = UserFactory(email="jia@example.org", preferred_language="en", name_en="Jia Yoon")
        CampusRoleFactory(campus=campus, user=learner, role="participant")
        join(cohort, learner)
    return cohort, session


def test_plan_publish_check_in_certify_and_verify(course, page, screenshot):
    cohort, session = course
    log_in(page, "staff@example.org")

    page.goto(f"/c/seoul/manage/curriculum/{cohort.slug}/")
    page.get_by_role("button", name="Plan the timetable").click()
    expect(page.get_by_test_id("solver")).to_contain_text("Planner: optimal")
    expect(page.locator("main")).to_contain_text("Social Innovation Lab")
    page.get_by_role("button", name="Publish: book the rooms and announce").click()
    expect(page.locator("main")).to_contain_text("Version 1 is published")
    screenshot(page, "published")
    with scopes_disabled():
        entry = TimetableEntry.objects.get(session=session, timetable__state="published")
        assert entry.booking.state == Booking.State.CONFIRMED

    page.goto(f"/c/seoul/manage/attendance/{cohort.slug}/sessions/{session.pk}/")
    page.get_by_role("button", name="Open check-in").click()
    code = page.locator(".check-in-code").inner_text().strip()
    expect(page.locator(".check-in-qr svg")).to_be_visible()
    screenshot(page, "check-in-screen")
    log_out(page)

    log_in(page, "jia@example.org")
    page.goto("/c/seoul/my-programs/check-in/")
    page.locator("#id_code").fill(code.lower())
    page.get_by_role("button", name="Check in").click()
    expect(page.locator("main")).to_contain_text("You are checked in to “Opening lecture”")
    with scopes_disabled():
        assert Attendance.objects.get(session=session).state == Attendance.State.PRESENT
    log_out(page)

    # The course is over: its one session now lies in the past, as time would have it.
    with scopes_disabled():
        TimetableEntry.objects.filter(pk=entry.pk).update(
            starts_at=entry.starts_at - timedelta(days=2), ends_at=entry.ends_at - timedelta(days=2)
        )

    log_in(page, "staff@example.org")
    page.goto(f"/c/seoul/manage/certificates/{cohort.slug}/")
    page.get_by_role("button", name="Issue 1 certificate to everyone who completed").click()
    expect(page.locator("main")).to_contain_text("Jia Yoon")
    screenshot(page, "issued")
    log_out(page)

    log_in(page, "jia@example.org")
    page.goto("/c/seoul/certificates/mine/")
    jwt_link = page.get_by_role("link", name=".jwt")
    credential = page.request.get(jwt_link.get_attribute("href")).text()
    page.locator("li", has_text="Public verification page:").get_by_role("link").click()
    expect(page.locator("main")).to_contain_text("Valid.")
    log_out(page)

    page.goto("/c/seoul/certificates/verify/")
    page.get_by_role("button", name="English").click()
    page.locator("#id_credential").fill(credential)
    page.get_by_role("button", name="Check the credential").click()
    expect(page.locator(".verification-result")).to_contain_text("Valid.")
    expect(page.locator(".verification-result")).to_contain_text("Jia Yoon")
    screenshot(page, "verified")
    assert page.csp_violations == []
