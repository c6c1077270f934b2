import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.core.models import ActivityLog, OutboxMessage
from opencampus.people.models import CampusRole
from tests.factories import UserFactory


def people_url(campus):
    return campus_reverse(campus, "people_manage:people")


def grant_url(campus):
    return campus_reverse(campus, "people_manage:grant_role")


def revoke_url(campus, user):
    return campus_reverse(campus, "people_manage:revoke_role", user_id=user.pk)


def roles_of(user, campus):
    with scopes_disabled():
        return set(CampusRole.objects.filter(user=user, campus=campus).values_list("role", flat=True))


# The list


def test_people_list_anonymous_goes_to_login(client, campus):
    response = client.get(people_url(campus))

    assert response.status_code == 302
    assert response.url.startswith(campus_reverse(campus, "people:login"))


def test_people_list_participant_is_forbidden(client, campus, participant):
    client.force_login(participant)

    assert client.get(people_url(campus)).status_code == 403


def test_people_list_operator_of_other_campus_is_forbidden(client, campus, other_operator):
    client.force_login(other_operator)

    assert client.get(people_url(campus)).status_code == 403


def test_people_list_staff_sees_people_with_their_roles(client, campus, staff_member, make_person):
    person = make_person(campus, "mentor", "reviewer", email="mentor@example.org")
    client.force_login(staff_member)

    response = client.get(people_url(campus))

    assert response.status_code == 200
    listed = {user: [grant.role for grant in user.roles_here] for user in response.context["people"]}
    assert listed[person] == ["mentor", "reviewer"]
    assert listed[staff_member] == ["staff"]
    assert b"mentor@example.org" in response.content


def test_people_list_leaves_out_people_without_a_role_here(
    client, campus, other_campus, staff_member, make_person
):
    elsewhere = make_person(other_campus, "operator")
    nowhere = UserFactory()
    client.force_login(staff_member)

    response = client.get(people_url(campus))

    people = list(response.context["people"])
    assert elsewhere not in people
    assert nowhere not in people


def test_people_list_shows_only_roles_held_here(client, campus, other_campus, staff_member, make_person):
    person = make_person(campus, "mentor")
    with scopes_disabled():
        CampusRole.objects.create(campus=other_campus, user=person, role="operator")
    client.force_login(staff_member)

    response = client.get(people_url(campus))

    listed = next(user for user in response.context["people"] if user == person)
    assert [grant.role for grant in listed.roles_here] == ["mentor"]


def test_people_list_search_matches_name_and_email(client, campus, staff_member, make_person):
    by_name = make_person(campus, "mentor", name_en="Hana Kim")
    by_email = make_person(campus, "mentor", email="hana.lee@example.org")
    other = make_person(campus, "mentor", name_en="Minho Park")
    client.force_login(staff_member)

    response = client.get(people_url(campus), {"q": "hana"})

    people = list(response.context["people"])
    assert by_name in people
    assert by_email in people
    assert other not in people


def test_people_list_filter_by_role(client, campus, staff_member, make_person):
    mentor = make_person(campus, "mentor")
    reviewer = make_person(campus, "reviewer")
    client.force_login(staff_member)

    response = client.get(people_url(campus), {"role": "mentor"})

    people = list(response.context["people"])
    assert people == [mentor]
    assert reviewer not in people


def test_people_list_paginates(client, campus, staff_member, make_person):
    for _ in range(31):
        make_person(campus, "participant")
    client.force_login(staff_member)

    first = client.get(people_url(campus), {"role": "participant"})
    second = client.get(people_url(campus), {"role": "participant", "page": 2})

    assert len(first.context["people"]) == 30
    assert "?role=participant&amp;page=2" in first.content.decode()
    assert len(second.context["people"]) == 1


def error_messages(response):
    return [message for message in response.context["messages"] if message.level_tag == "error"]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_people_list_queries_do_not_grow_with_people(client, campus, operator, make_person):
    client.force_login(operator)
    make_person(campus, "mentor", "reviewer")
    with_one = count_queries(client, people_url(campus))

    make_person(campus, "mentor", "participant")
    make_person(campus, "staff")
    with_three = count_queries(client, people_url(campus))

    assert with_one == with_three


def test_people_list_operator_sees_grant_and_revoke_but_staff_does_not(
    client, campus, operator, staff_member
):
    client.force_login(operator)
    as_operator = client.get(people_url(campus)).content
    client.force_login(staff_member)
    as_staff = client.get(people_url(campus)).content

    assert grant_url(campus).encode() in as_operator
    assert revoke_url(campus, staff_member).encode() in as_operator
    assert grant_url(campus).encode() not in as_staff
    assert revoke_url(campus, staff_member).encode() not in as_staff


# Granting


def test_grant_role_operator_grants_to_existing_account(client, campus, operator):
    person = UserFactory(email="mentor@example.org")
    client.force_login(operator)

    response = client.post(grant_url(campus), {"person": "Mentor@Example.org ", "role": "mentor"})

    assert response.status_code == 302
    assert response.url == people_url(campus)
    assert roles_of(person, campus) == {"mentor"}
    with scopes_disabled():
        entry = ActivityLog.objects.get(action="role.granted")
    assert entry.actor == operator
    assert entry.data == {"role": "mentor"}


def test_grant_role_drafts_a_notification_in_the_persons_language(client, campus, operator):
    person = UserFactory(email="mentor@example.org", name_en="Ada", preferred_language="en")
    client.force_login(operator)

    client.post(grant_url(campus), {"person": person.email, "role": "mentor"})

    with scopes_disabled():
        draft = OutboxMessage.objects.get(recipient=person)
    assert draft.state == OutboxMessage.State.DRAFT
    assert draft.language == "en"
    assert draft.subject == f"mentor on {campus.name_en}"
    assert f"http://testserver/c/{campus.slug}/" in draft.body
    assert mail.outbox == []


def test_grant_role_unknown_email_keeps_typed_values(client, campus, operator):
    client.force_login(operator)

    response = client.post(grant_url(campus), {"person": "nobody@example.org", "role": "reviewer"})

    assert response.status_code == 200
    assert "person" in response.context["form"].errors
    content = response.content.decode()
    assert 'value="nobody@example.org"' in content
    assert '<option value="reviewer" selected>' in content


def test_grant_role_already_held_is_an_error(client, campus, operator, make_person):
    mentor = make_person(campus, "mentor")
    client.force_login(operator)

    response = client.post(grant_url(campus), {"person": mentor.email, "role": "mentor"})

    assert response.status_code == 200
    assert "role" in response.context["form"].errors


def test_grant_role_anonymous_goes_to_login(client, campus):
    response = client.post(grant_url(campus), {"person": "x@example.org", "role": "staff"})

    assert response.status_code == 302
    assert response.url.startswith(campus_reverse(campus, "people:login"))


@pytest.mark.parametrize("method", ["get", "post"])
def test_grant_role_staff_is_forbidden(client, campus, staff_member, method):
    person = UserFactory()
    client.force_login(staff_member)

    response = getattr(client, method)(grant_url(campus), {"person": person.email, "role": "operator"})

    assert response.status_code == 403
    assert roles_of(person, campus) == set()


def test_grant_role_operator_of_other_campus_is_forbidden(client, campus, other_operator):
    person = UserFactory()
    client.force_login(other_operator)

    response = client.post(grant_url(campus), {"person": person.email, "role": "staff"})

    assert response.status_code == 403
    assert roles_of(person, campus) == set()


# Revoking


def test_revoke_role_operator_revokes(client, campus, operator, make_person):
    person = make_person(campus, "mentor", "reviewer")
    client.force_login(operator)

    response = client.post(revoke_url(campus, person), {"role": "mentor"})

    assert response.status_code == 302
    assert roles_of(person, campus) == {"reviewer"}
    with scopes_disabled():
        assert ActivityLog.objects.filter(action="role.revoked", actor=operator).exists()


def test_revoke_role_own_operator_role_is_refused(client, campus, operator):
    client.force_login(operator)

    response = client.post(revoke_url(campus, operator), {"role": "operator"}, follow=True)

    assert roles_of(operator, campus) == {"operator"}
    assert len(error_messages(response)) == 1


def test_revoke_role_another_operator_succeeds(client, campus, operator, make_person):
    colleague = make_person(campus, "operator")
    client.force_login(operator)

    client.post(revoke_url(campus, colleague), {"role": "operator"})

    assert roles_of(colleague, campus) == set()


def test_revoke_role_not_held_is_an_error(client, campus, operator, make_person):
    person = make_person(campus, "mentor")
    client.force_login(operator)

    response = client.post(revoke_url(campus, person), {"role": "staff"}, follow=True)

    assert roles_of(person, campus) == {"mentor"}
    assert len(error_messages(response)) == 1


def test_revoke_role_staff_is_forbidden(client, campus, staff_member, make_person):
    person = make_person(campus, "mentor")
    client.force_login(staff_member)

    response = client.post(revoke_url(campus, person), {"role": "mentor"})

    assert response.status_code == 403
    assert roles_of(person, campus) == {"mentor"}


def test_revoke_role_anonymous_goes_to_login(client, campus, make_person):
    person = make_person(campus, "mentor")

    response = client.post(revoke_url(campus, person), {"role": "mentor"})

    assert response.status_code == 302
    assert roles_of(person, campus) == {"mentor"}


def test_revoke_role_operator_of_other_campus_is_forbidden(client, campus, other_operator, make_person):
    person = make_person(campus, "mentor")
    client.force_login(other_operator)

    response = client.post(revoke_url(campus, person), {"role": "mentor"})

    assert response.status_code == 403
    assert roles_of(person, campus) == {"mentor"}


def test_revoke_role_person_without_role_here_is_not_found(
    client, campus, operator, other_campus, make_person
):
    elsewhere = make_person(other_campus, "mentor")
    client.force_login(operator)

    response = client.post(revoke_url(campus, elsewhere), {"role": "mentor"})

    assert response.status_code == 404
    assert roles_of(elsewhere, other_campus) == {"mentor"}


def test_revoke_role_person_of_this_campus_on_other_prefix_is_not_found(
    client, campus, other_campus, other_operator, make_person
):
    person = make_person(campus, "mentor")
    client.force_login(other_operator)

    response = client.post(revoke_url(other_campus, person), {"role": "mentor"})

    assert response.status_code == 404
    assert roles_of(person, campus) == {"mentor"}


def test_revoke_role_by_get_is_not_allowed(client, campus, operator, make_person):
    person = make_person(campus, "mentor")
    client.force_login(operator)

    assert client.get(revoke_url(campus, person)).status_code == 405
