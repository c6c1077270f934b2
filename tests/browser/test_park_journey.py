"""The park's main journeys in a real browser: a resident books the Lab, staff approve; a
school asks for a tour, staff confirm it and the confirmation waits in the outbox."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from opencampus.core.models import OutboxMessage
from opencampus.park.models import Booking, SpaceClaim, VisitRequest
from tests.factories import (
    PASSWORD,
    CampusFactory,
    CampusRoleFactory,
    MembershipFactory,
    OrganisationFactory,
    ResidencyFactory,
    SpaceFactory,
    TourSlotFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def park():
    with scopes_disabled():
        campus = CampusFactory(slug="seoul", name_ko="서울혁신파크", name_en="Seoul Innovation Park")
        lab = SpaceFactory(
            campus=campus,
            slug="innovation-lab",
            name_ko="사회혁신랩",
            name_en="Social Innovation Lab",
            capacity=30,
            requires_approval=True,
            bookable_by_public=False,
            bookable_by_participants=False,
        )
        resident = UserFactory(email="resident@example.org", preferred_language="en")
        village_lab = OrganisationFactory(campus=campus, name_en="Village Lab")
        MembershipFactory(organisation=village_lab, user=resident)
        ResidencyFactory(organisation=village_lab, monthly_booking_hours=20)
        staff = UserFactory(email="staff@example.org", preferred_language="en")
        CampusRoleFactory(campus=campus, user=staff, role="staff")
        slot = TourSlotFactory(campus=campus, start=timezone.now() + timedelta(days=12), capacity=40)
    return campus, lab, slot


def log_in(page, email):
    page.goto("/c/seoul/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("header a[href='/c/seoul/me/']")).to_be_visible()


def log_out(page):
    page.locator("header form[action='/c/seoul/logout/'] button").click()
    expect(page.locator("header a[href='/c/seoul/login/']")).to_be_visible()


def test_a_resident_books_the_lab_on_behalf_of_the_organisation_and_staff_approve(park, page, screenshot):
    campus, _lab, _slot = park
    day = (timezone.now().astimezone(campus.tz) + timedelta(days=5)).date()
    log_in(page, "resident@example.org")

    page.locator("header a[href='/c/seoul/spaces/']").click()
    page.get_by_role("link", name="Social Innovation Lab").first.click()
    page.locator(".space-actions a.button").click()
    page.locator("#id_title").fill("Neighbourhood energy workshop")
    page.locator("#id_attendees").fill("12")
    page.locator("#id_date").fill(day.isoformat())
    page.locator("#id_start_time").fill("10:00")
    page.locator("#id_end_time").fill("12:00")
    page.locator("#id_organisation").select_option(label="Village Lab")
    page.locator("button[name=check]").click()
    expect(page.locator("main")).to_contain_text("free")
    screenshot(page, "park-booking-checked")
    page.locator("button[name=book]").click()
    expect(page.locator(".messages")).to_contain_text("awaiting approval")
    screenshot(page, "park-booking-requested")
    log_out(page)

    log_in(page, "staff@example.org")
    page.goto("/c/seoul/manage/bookings/")
    page.get_by_label(re.compile("Neighbourhood energy workshop")).check()
    page.locator("#id_decision").select_option("approve")
    page.locator("#id_note").fill("Welcome — the projector is in the cupboard.")
    screenshot(page, "park-booking-queue")
    page.get_by_role("button", name="Apply to the chosen requests").click()
    expect(page.locator(".messages")).to_contain_text("1 request approved.")

    with scopes_disabled():
        booking = Booking.objects.get(title="Neighbourhood energy workshop")
        assert booking.state == Booking.State.CONFIRMED
        assert booking.organisation.name_en == "Village Lab"
        assert SpaceClaim.objects.filter(occurrence__booking=booking).count() == 1
        assert OutboxMessage.objects.filter(
            reason="booking.booking_approved", to="resident@example.org"
        ).exists()
    assert page.csp_violations == []


def test_a_school_asks_for_a_tour_and_staff_confirm_it(park, page, screenshot):
    _campus, _lab, slot = park
    page.goto("/c/seoul/")
    page.locator("header button[value=en]").click()
    page.locator("header a[href='/c/seoul/visits/']").click()
    page.locator("#id_institution").fill("Eunpyeong Middle School")
    page.locator("#id_institution_kind").select_option("school")
    page.locator("#id_contact_name").fill("Lee Jiwon")
    page.locator("#id_contact_email").fill("teacher@school.example")
    page.locator("#id_group_size").fill("400")
    page.locator("#id_preferred_date_1").fill((timezone.localdate() + timedelta(days=12)).isoformat())
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Send the request").click()
    expect(page.locator("#id_group_size")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_institution")).to_have_value("Eunpyeong Middle School")
    screenshot(page, "park-visit-too-large")
    page.locator("#id_group_size").fill("32")
    page.get_by_role("button", name="Send the request").click()
    expect(page.locator("main")).to_contain_text("Eunpyeong Middle School")
    screenshot(page, "park-visit-received")

    log_in(page, "staff@example.org")
    page.goto("/c/seoul/manage/visits/")
    page.get_by_role("link", name="Eunpyeong Middle School").click()
    page.locator("form[action$='/confirm/'] select").select_option(str(slot.pk))
    page.get_by_role("button", name="Confirm the visit").click()
    expect(page.locator(".messages")).to_be_visible()
    screenshot(page, "park-visit-confirmed")

    with scopes_disabled():
        visit = VisitRequest.objects.get(institution="Eunpyeong Middle School")
        assert visit.state == VisitRequest.State.CONFIRMED
        assert visit.slot == slot
        assert OutboxMessage.objects.filter(
            to="teacher@school.example", reason__contains="confirmed"
        ).exists()
    assert page.csp_violations == []
