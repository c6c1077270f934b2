"""The raw-data administration: operators see only the campuses they operate."""

from django_scopes import scopes_disabled

from opencampus.programs.models import Cohort, Track
from tests.factories import OrganisationFactory, UserFactory


def organisations(campus, other_campus):
    with scopes_disabled():
        return OrganisationFactory(campus=campus), OrganisationFactory(campus=other_campus)


def test_admin_changelist_shows_operator_only_their_campus(client, campus, other_campus, operator):
    mine, theirs = organisations(campus, other_campus)
    client.force_login(operator)

    response = client.get("/admin/people/organisation/")

    assert response.status_code == 200
    assert mine.name_ko in response.text
    assert theirs.name_ko not in response.text


def test_admin_change_page_of_other_campus_record_is_unreachable(client, campus, other_campus, operator):
    _, theirs = organisations(campus, other_campus)
    client.force_login(operator)

    response = client.get(f"/admin/people/organisation/{theirs.pk}/change/", follow=True)

    assert theirs.name_ko not in response.text
    assert response.redirect_chain[-1][0] == "/admin/"


def test_admin_delete_of_other_campus_record_is_refused(client, campus, other_campus, operator):
    _, theirs = organisations(campus, other_campus)
    client.force_login(operator)

    client.post(f"/admin/people/organisation/{theirs.pk}/delete/", {"post": "yes"})

    with scopes_disabled():
        assert type(theirs).objects.filter(pk=theirs.pk).exists()


def test_admin_hides_people_from_operators(client, campus, operator):
    client.force_login(operator)

    response = client.get("/admin/people/user/")

    assert response.status_code == 403


def test_admin_refuses_participants(client, campus, participant):
    client.force_login(participant)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_admin_refuses_anonymous(client, db):
    response = client.get("/admin/people/organisation/")

    assert response.status_code == 302


def test_platform_administrator_sees_every_campus(client, campus, other_campus):
    mine, theirs = organisations(campus, other_campus)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.get("/admin/people/organisation/")

    assert mine.name_ko in response.text
    assert theirs.name_ko in response.text


def test_admin_index_asks_for_the_operators_campuses_once(client, campus, operator):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(operator)

    with CaptureQueriesContext(connection) as context:
        response = client.get("/admin/")

    assert response.status_code == 200
    assert sum("campusrole" in query["sql"].lower() for query in context.captured_queries) == 1


def test_admin_lists_cohorts_of_the_operators_campus_only(client, campus, other_campus, operator):
    with scopes_disabled():
        for place, name in ((campus, "2020 파일럿"), (other_campus, "부산 1기")):
            track = Track.objects.create(campus=place, slug="top", name_ko="탑 이노베이터 과정")
            Cohort.objects.create(
                campus=place,
                track=track,
                slug="c",
                name_ko=name,
                starts_on="2020-08-01",
                ends_on="2020-11-30",
                size=30,
            )
    client.force_login(operator)

    response = client.get("/admin/programs/cohort/")

    assert response.status_code == 200
    assert "2020 파일럿" in response.text
    assert "부산 1기" not in response.text
