"""The public call pages: the list of calls and one call's page."""

import datetime
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.calls.models import Application
from opencampus.core.links import campus_reverse
from tests.factories import ApplicationFactory, CallFactory, MembershipFactory, OrganisationFactory

NOW = timezone.now()


@pytest.fixture(autouse=True)
def _english(client):
    client.cookies["opencampus_language"] = "en"


@pytest.fixture
def person(campus, make_person):
    return make_person(campus, "participant", preferred_language="en")


def make_call(campus, **fields):
    with scopes_disabled():
        return CallFactory(campus=campus, **fields)


def test_call_list_orders_open_then_upcoming_then_closed(client, campus):
    closed = make_call(campus, opens_at=NOW - timedelta(days=30), closes_at=NOW - timedelta(days=1))
    upcoming = make_call(campus, opens_at=NOW + timedelta(days=3), closes_at=NOW + timedelta(days=30))
    closing_late = make_call(campus, closes_at=NOW + timedelta(days=20))
    closing_soon = make_call(campus, closes_at=NOW + timedelta(days=2))
    make_call(campus, is_published=False, title_en="Secret draft call")

    response = client.get(campus_reverse(campus, "calls:list"))

    assert response.status_code == 200
    sections = {key: [call for call, _mine in rows] for key, _title, rows in response.context["sections"]}
    assert sections == {"open": [closing_soon, closing_late], "upcoming": [upcoming], "closed": [closed]}
    assert "Secret draft call" not in response.content.decode()


def test_call_list_shows_closing_time_in_campus_time_zone(client, campus):
    closes = datetime.datetime(2099, 3, 15, 9, 0, tzinfo=datetime.UTC)
    make_call(campus, closes_at=closes)

    response = client.get(campus_reverse(campus, "calls:list"))

    content = response.content.decode()
    assert "2099-03-15 18:00" in content  # 09:00 UTC is 18:00 in Seoul
    assert "Asia/Seoul" in content


def test_call_list_shows_only_this_campus(client, campus, other_campus):
    make_call(other_campus, title_ko="부산 모집", title_en="Busan call")

    response = client.get(campus_reverse(campus, "calls:list"))

    assert "Busan call" not in response.content.decode()
    assert "부산 모집" not in response.content.decode()


def count_list_queries(client, campus):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(campus_reverse(campus, "calls:list"))
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("signed_in", [False, True])
def test_call_list_queries_do_not_grow_with_calls(client, campus, person, signed_in):
    if signed_in:
        client.force_login(person)
    make_call(campus)
    with scopes_disabled():
        ApplicationFactory(call=make_call(campus), campus=campus, applicant=person)
    one = count_list_queries(client, campus)
    for _ in range(2):
        call = make_call(campus, opens_at=NOW + timedelta(days=2))
        with scopes_disabled():
            ApplicationFactory(call=call, campus=campus, applicant=person)
        make_call(campus, opens_at=NOW - timedelta(days=9), closes_at=NOW - timedelta(days=1))

    three = count_list_queries(client, campus)

    assert three == one


def test_call_page_shows_both_languages_and_facts(client, campus):
    call = make_call(
        campus,
        slug="pilot-2020",
        title_en="Top innovator course, pilot cohort",
        description_ko="사회혁신가 30명을 모집합니다.",
        description_en="We select about 30 social innovators.",
        target_en="the 2020 pilot cohort",
        places=30,
        allow_organisations=True,
    )

    response = client.get(campus_reverse(campus, "calls:detail", slug=call.slug))

    content = response.content.decode()
    assert response.status_code == 200
    assert "사회혁신가 30명을 모집합니다." in content
    assert "We select about 30 social innovators." in content
    assert "Asia/Seoul" in content
    assert "30 places" in content
    assert "on behalf of an organisation they represent or manage" in content
    assert f'href="{campus_reverse(campus, "calls:apply", slug=call.slug)}"' in content


def test_call_page_of_another_campus_is_not_found(client, campus, other_campus):
    make_call(other_campus, slug="busan-only")

    response = client.get(campus_reverse(campus, "calls:detail", slug="busan-only"))

    assert response.status_code == 404


@pytest.mark.parametrize("name", ["calls:detail", "calls:apply", "calls:application", "calls:status"])
def test_unpublished_call_is_not_found_for_a_signed_in_person(client, campus, person, name):
    call = make_call(campus, is_published=False)
    client.force_login(person)

    response = client.get(campus_reverse(campus, name, slug=call.slug))

    assert response.status_code == 404


def test_unpublished_call_page_is_not_found_for_anonymous(client, campus):
    call = make_call(campus, is_published=False)

    response = client.get(campus_reverse(campus, "calls:detail", slug=call.slug))

    assert response.status_code == 404


def test_unpublished_call_is_visible_to_the_team(client, campus, make_person):
    call = make_call(campus, is_published=False, title_en="Draft tender")
    client.force_login(make_person(campus, "staff", preferred_language="en"))

    response = client.get(campus_reverse(campus, "calls:detail", slug=call.slug))

    assert response.status_code == 200
    assert "only the campus team" in response.content.decode()


def test_call_page_shows_own_application_instead_of_apply(client, campus, person):
    call = make_call(campus)
    with scopes_disabled():
        ApplicationFactory(call=call, campus=campus, applicant=person, state=Application.State.SUBMITTED)
    client.force_login(person)

    response = client.get(campus_reverse(campus, "calls:detail", slug=call.slug))

    assert response.context["application"].applicant == person
    assert response.context["apply_form"] is None
    assert f'href="{campus_reverse(campus, "calls:status", slug=call.slug)}"' in response.content.decode()


def test_call_page_offers_only_organisations_the_person_acts_for(client, campus, person):
    call = make_call(campus, allow_organisations=True)
    with scopes_disabled():
        represented = OrganisationFactory(campus=campus, name_en="Zero Waste Lab")
        only_member = OrganisationFactory(campus=campus, name_en="Repair Club")
        MembershipFactory(organisation=represented, user=person, role="representative")
        MembershipFactory(organisation=only_member, user=person, role="member")
    client.force_login(person)

    response = client.get(campus_reverse(campus, "calls:detail", slug=call.slug))

    choices = dict(response.context["apply_form"].fields["applicant_as"].choices)
    assert set(choices) == {"self", str(represented.pk)}
