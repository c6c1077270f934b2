"""The public directory of organisations and an organisation's page."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.park.models import Booking, Occurrence
from tests.factories import (
    ApplicationFactory,
    CallFactory,
    MembershipFactory,
    OrganisationFactory,
    ResidencyFactory,
    SpaceFactory,
)


@pytest.fixture(autouse=True)
def _english():
    """The directory is checked in the campus's own language, Korean."""


def queries_for(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_directory_runs_same_queries_for_one_and_three_organisations(client, campus):
    url = f"/c/{campus.slug}/organisations/"
    with scopes_disabled():
        OrganisationFactory(campus=campus)
    one = queries_for(client, url)
    with scopes_disabled():
        OrganisationFactory.create_batch(2, campus=campus)

    assert queries_for(client, url) == one


def test_directory_hides_unlisted_organisations(client, campus):
    with scopes_disabled():
        OrganisationFactory(campus=campus, name_ko="숨은 단체", is_public=False)

    response = client.get(f"/c/{campus.slug}/organisations/")

    assert "숨은 단체" not in response.text


def test_directory_searches_both_languages_and_filters_category(client, campus):
    with scopes_disabled():
        OrganisationFactory(
            campus=campus,
            name_ko="햇빛 발전 협동조합",
            name_en="Sunlight Power Co-op",
            category="environment",
        )
        OrganisationFactory(
            campus=campus, name_ko="청년 문화 공간", name_en="Youth Culture Space", category="culture_arts"
        )

    by_english = client.get(f"/c/{campus.slug}/organisations/?q=sunlight")
    by_category = client.get(f"/c/{campus.slug}/organisations/?category=culture_arts")

    assert "햇빛 발전 협동조합" in by_english.text
    assert "청년 문화 공간" not in by_english.text
    assert "청년 문화 공간" in by_category.text
    assert "햇빛 발전 협동조합" not in by_category.text


def test_organisation_page_lists_only_members_who_opted_in(client, campus):
    with scopes_disabled():
        organisation = OrganisationFactory(campus=campus)
        MembershipFactory(organisation=organisation, user__name_ko="공개 회원", is_listed=True)
        MembershipFactory(organisation=organisation, user__name_ko="비공개 회원", is_listed=False)

    response = client.get(f"/c/{campus.slug}/organisations/{organisation.slug}/")

    assert "공개 회원" in response.text
    assert "비공개 회원" not in response.text


def test_unlisted_organisation_page_is_403_to_public(client, campus, participant):
    with scopes_disabled():
        organisation = OrganisationFactory(campus=campus, is_public=False)
    client.force_login(participant)

    response = client.get(f"/c/{campus.slug}/organisations/{organisation.slug}/")

    assert response.status_code == 403


def test_unlisted_organisation_page_opens_to_its_members_and_staff(client, campus, staff_member):
    with scopes_disabled():
        organisation = OrganisationFactory(campus=campus, is_public=False)
        member = MembershipFactory(organisation=organisation).user

    client.force_login(member)
    assert client.get(f"/c/{campus.slug}/organisations/{organisation.slug}/").status_code == 200
    client.force_login(staff_member)
    assert client.get(f"/c/{campus.slug}/organisations/{organisation.slug}/").status_code == 200


def test_unlisted_organisation_page_sends_anonymous_to_login(client, campus):
    with scopes_disabled():
        organisation = OrganisationFactory(campus=campus, is_public=False)

    response = client.get(f"/c/{campus.slug}/organisations/{organisation.slug}/")

    assert response.status_code == 302


def test_campus_list_and_home_render(client, campus, other_campus):
    listing = client.get("/")
    home = client.get(f"/c/{campus.slug}/")

    assert campus.name_ko in listing.text
    assert other_campus.name_ko in listing.text
    assert home.status_code == 200


def resident(campus, space_name, **organisation_fields):
    residency = ResidencyFactory(organisation__campus=campus, **organisation_fields)
    residency.spaces.set([SpaceFactory(campus=campus, name_ko=space_name)])
    return residency


def test_directory_runs_same_queries_for_one_and_three_residents(client, campus):
    url = f"/c/{campus.slug}/organisations/"
    with scopes_disabled():
        resident(campus, "공간 1")
    one = queries_for(client, url)
    with scopes_disabled():
        resident(campus, "공간 2")
        resident(campus, "공간 3")

    assert queries_for(client, url) == one
    assert queries_for(client, url + "?residents=1") == one


def test_directory_filters_residents_and_shows_their_spaces(client, campus):
    with scopes_disabled():
        resident(campus, "3층 사무실", organisation__name_ko="입주 단체")
        resident(campus, "떠난 방", organisation__name_ko="떠난 단체", state="left")
        OrganisationFactory(campus=campus, name_ko="협력 기관", kind="partner")

    everyone = client.get(f"/c/{campus.slug}/organisations/")
    residents = client.get(f"/c/{campus.slug}/organisations/?residents=1")

    assert "협력 기관" in everyone.text
    assert "떠난 단체" in everyone.text
    assert "떠난 방" not in everyone.text
    assert "입주 단체" in residents.text
    assert "3층 사무실" in residents.text
    assert "협력 기관" not in residents.text
    assert "떠난 단체" not in residents.text
    assert 'name="residents" value="1" checked' in residents.text


def test_directory_shows_the_other_language_name_muted(client, campus):
    with scopes_disabled():
        OrganisationFactory(campus=campus, name_ko="햇빛 발전 협동조합", name_en="Sunlight Power Co-op")

    response = client.get(f"/c/{campus.slug}/organisations/")

    assert '<span lang="en">Sunlight Power Co-op</span>' in response.text


def test_organisation_page_shows_spaces_upcoming_bookings_and_calls(client, campus):
    now = timezone.now()
    with scopes_disabled():
        residency = resident(campus, "메이커 스페이스")
        organisation = residency.organisation
        space = residency.spaces.get()
        for title, state, start in [
            ("다가오는 워크숍", "confirmed", now + timedelta(days=3)),
            ("지난 워크숍", "confirmed", now - timedelta(days=3)),
            ("취소된 워크숍", "cancelled", now + timedelta(days=4)),
            ("승인 대기 워크숍", "pending", now + timedelta(days=5)),
        ]:
            booking = Booking.objects.create(
                campus=campus,
                space=space,
                organisation=organisation,
                title=title,
                state=state,
                start=start,
                end=start + timedelta(hours=2),
            )
            Occurrence.objects.create(
                campus=campus, booking=booking, space=space, start=start, end=booking.end, state=state
            )
        ApplicationFactory(
            call=CallFactory(campus=campus, title_ko="선정된 공모"),
            organisation=organisation,
            state="accepted",
        )
        ApplicationFactory(
            call=CallFactory(campus=campus, title_ko="떨어진 공모"),
            organisation=organisation,
            state="rejected",
        )

    response = client.get(f"/c/{campus.slug}/organisations/{organisation.slug}/")

    text = response.text
    assert "메이커 스페이스" in text
    assert "다가오는 워크숍" in text
    assert "지난 워크숍" not in text
    assert "취소된 워크숍" not in text
    assert "승인 대기 워크숍" not in text
    assert "선정된 공모" in text
    assert "떨어진 공모" not in text
