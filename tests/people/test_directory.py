"""The public directory of organisations and an organisation's page."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from tests.factories import MembershipFactory, OrganisationFactory


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
