"""A campus's records stay inside it: no page, form, admin or guessed id crosses over."""

import pytest
from django_scopes import scope, scopes_disabled
from django_scopes.exceptions import ScopeError

from opencampus.people.models import Organisation
from tests.factories import OrganisationFactory


def test_unknown_campus_is_404(client, db):
    response = client.get("/c/atlantis/")

    assert response.status_code == 404


def test_scoped_query_without_campus_scope_raises(campus):
    with pytest.raises(ScopeError):
        list(Organisation.objects.all())


def test_scope_returns_only_that_campuses_rows(campus, other_campus):
    with scopes_disabled():
        mine = OrganisationFactory(campus=campus)
        OrganisationFactory(campus=other_campus)

    with scope(campus=campus):
        assert list(Organisation.objects.all()) == [mine]


def test_other_campus_organisation_slug_is_404_under_this_campus(client, campus, other_campus):
    with scopes_disabled():
        theirs = OrganisationFactory(campus=other_campus, slug="their-lab")

    response = client.get(f"/c/{campus.slug}/organisations/{theirs.slug}/")

    assert response.status_code == 404


def test_directory_lists_only_this_campuses_organisations(client, campus, other_campus):
    with scopes_disabled():
        OrganisationFactory(campus=campus, name_ko="우리 단체")
        OrganisationFactory(campus=other_campus, name_ko="다른 도시 단체")

    response = client.get(f"/c/{campus.slug}/organisations/")

    assert "우리 단체" in response.text
    assert "다른 도시 단체" not in response.text


def test_operator_of_other_campus_gets_403_on_management(client, campus, other_operator):
    client.force_login(other_operator)

    response = client.get(f"/c/{campus.slug}/manage/")

    assert response.status_code == 403


def test_operator_reaches_own_management(client, campus, operator):
    client.force_login(operator)

    response = client.get(f"/c/{campus.slug}/manage/")

    assert response.status_code == 200


def test_anonymous_is_sent_to_campus_login_from_management(client, campus):
    response = client.get(f"/c/{campus.slug}/manage/")

    assert response.status_code == 302
    assert response.url.startswith(f"/c/{campus.slug}/login/?next=")


def test_participant_gets_403_on_management(client, campus, participant):
    client.force_login(participant)

    response = client.get(f"/c/{campus.slug}/manage/")

    assert response.status_code == 403
