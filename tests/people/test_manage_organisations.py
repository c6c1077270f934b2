import pytest
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.core.models import ActivityLog
from opencampus.people.models import Membership, Organisation
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

REPRESENTATIVE = Membership.Role.REPRESENTATIVE
MANAGER = Membership.Role.MANAGER
MEMBER = Membership.Role.MEMBER


@pytest.fixture
def organisation(campus):
    return OrganisationFactory(
        campus=campus, slug="fab-lab", name_ko="팹랩", name_en="Fab Lab", kind="resident", category="makers"
    )


@pytest.fixture
def representative(organisation):
    return MembershipFactory(organisation=organisation, role=REPRESENTATIVE).user


def url(campus, name, **kwargs):
    return campus_reverse(campus, f"people_manage:{name}", **kwargs)


def list_url(campus):
    return url(campus, "organisations")


def new_url(campus):
    return url(campus, "new_organisation")


def edit_url(campus, organisation):
    return url(campus, "edit_organisation", slug=organisation.slug)


def members_url(campus, organisation):
    return url(campus, "members", slug=organisation.slug)


def role_url(campus, membership):
    return url(campus, "change_member_role", slug=membership.organisation.slug, membership_id=membership.pk)


def remove_url(campus, membership):
    return url(campus, "remove_member", slug=membership.organisation.slug, membership_id=membership.pk)


def organisation_data(**changes):
    data = {
        "slug": "energy-coop",
        "kind": "resident",
        "name_ko": "에너지협동조합",
        "name_en": "Energy Co-op",
        "category": "environment",
        "country": "KR",
        "description_ko": "",
        "description_en": "",
        "website": "",
        "email": "",
        "is_public": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def saved(organisation):
    with scopes_disabled():
        return Organisation.objects.get(pk=organisation.pk)


def roles_in(organisation):
    with scopes_disabled():
        return dict(Membership.objects.filter(organisation=organisation).values_list("user__email", "role"))


def error_messages(response):
    return [message for message in response.context["messages"] if message.level_tag == "error"]


def count_queries(client, address):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries)


# The list


def test_organisation_list_anonymous_goes_to_login(client, campus):
    response = client.get(list_url(campus))

    assert response.status_code == 302
    assert response.url.startswith(campus_reverse(campus, "people:login"))


def test_organisation_list_participant_is_forbidden(client, campus, participant):
    client.force_login(participant)

    assert client.get(list_url(campus)).status_code == 403


def test_organisation_list_representative_is_forbidden(client, campus, representative):
    client.force_login(representative)

    assert client.get(list_url(campus)).status_code == 403


def test_organisation_list_operator_of_other_campus_is_forbidden(client, campus, other_operator):
    client.force_login(other_operator)

    assert client.get(list_url(campus)).status_code == 403


def test_organisation_list_shows_public_and_hidden_with_member_counts(
    client, campus, other_campus, staff_member, organisation
):
    MembershipFactory.create_batch(2, organisation=organisation)
    hidden = OrganisationFactory(campus=campus, is_public=False)
    elsewhere = OrganisationFactory(campus=other_campus)
    client.force_login(staff_member)

    response = client.get(list_url(campus))

    counts = {item: item.member_count for item in response.context["organisations"]}
    assert counts == {organisation: 2, hidden: 0}
    assert elsewhere not in counts


def test_organisation_list_search_and_filters(client, campus, staff_member, organisation):
    youth = OrganisationFactory(campus=campus, name_en="Youth Hub", kind="resident", category="youth")
    partner = OrganisationFactory(campus=campus, name_en="Brainport", kind="partner", category="innovation")
    client.force_login(staff_member)

    def listed(**params):
        return set(client.get(list_url(campus), params).context["organisations"])

    assert listed(q="fab") == {organisation}
    assert listed(q="팹랩") == {organisation}
    assert listed(kind="partner") == {partner}
    assert listed(category="youth") == {youth}
    assert listed(kind="resident", category="makers") == {organisation}


def test_organisation_list_queries_do_not_grow_with_organisations(client, campus, operator):
    client.force_login(operator)
    MembershipFactory(organisation=OrganisationFactory(campus=campus))
    with_one = count_queries(client, list_url(campus))

    MembershipFactory.create_batch(2, organisation=OrganisationFactory(campus=campus))
    OrganisationFactory(campus=campus, is_public=False)
    with_three = count_queries(client, list_url(campus))

    assert with_one == with_three


# Creating


def test_new_organisation_operator_creates_and_logs(client, campus, operator):
    client.force_login(operator)

    response = client.post(new_url(campus), organisation_data())

    with scopes_disabled():
        created = Organisation.objects.get(campus=campus, slug="energy-coop")
        entry = ActivityLog.objects.get(action="organisation.created")
    assert response.status_code == 302
    assert response.url == members_url(campus, created)
    assert created.name_en == "Energy Co-op"
    assert created.category == "environment"
    assert entry.actor == operator


def test_new_organisation_with_representative_makes_them_representative(client, campus, staff_member):
    person = UserFactory(email="chair@example.org")
    client.force_login(staff_member)

    client.post(new_url(campus), organisation_data(representative="CHAIR@example.org"))

    with scopes_disabled():
        created = Organisation.objects.get(slug="energy-coop")
    assert roles_in(created) == {person.email: REPRESENTATIVE}


def test_new_organisation_unknown_representative_keeps_values(client, campus, operator):
    client.force_login(operator)

    response = client.post(new_url(campus), organisation_data(representative="nobody@example.org"))

    assert response.status_code == 200
    assert "representative" in response.context["form"].errors
    content = response.content.decode()
    assert 'value="에너지협동조합"' in content
    assert 'value="nobody@example.org"' in content
    with scopes_disabled():
        assert not Organisation.objects.exists()


def test_new_organisation_without_a_name_is_an_error(client, campus, operator):
    client.force_login(operator)

    response = client.post(
        new_url(campus), organisation_data(name_ko="", name_en="", website="https://e.org")
    )

    assert response.status_code == 200
    assert "name_ko" in response.context["form"].errors
    assert 'value="https://e.org"' in response.content.decode()


def test_new_organisation_with_taken_slug_is_an_error(client, campus, operator, organisation):
    client.force_login(operator)

    response = client.post(new_url(campus), organisation_data(slug="fab-lab"))

    assert response.status_code == 200
    assert response.context["form"].has_error("slug")


def test_new_organisation_with_slug_used_on_other_campus_succeeds(client, campus, other_campus, operator):
    OrganisationFactory(campus=other_campus, slug="energy-coop")
    client.force_login(operator)

    response = client.post(new_url(campus), organisation_data())

    assert response.status_code == 302


def test_new_organisation_anonymous_goes_to_login(client, campus):
    response = client.post(new_url(campus), organisation_data())

    assert response.status_code == 302
    with scopes_disabled():
        assert not Organisation.objects.exists()


@pytest.mark.parametrize("who", ["participant", "representative", "other_operator"])
def test_new_organisation_outside_the_team_is_forbidden(client, campus, who, request):
    client.force_login(request.getfixturevalue(who))

    assert client.get(new_url(campus)).status_code == 403
    assert client.post(new_url(campus), organisation_data()).status_code == 403


# Editing


def test_edit_organisation_staff_changes_everything(client, campus, staff_member, organisation):
    client.force_login(staff_member)

    response = client.post(
        edit_url(campus, organisation),
        organisation_data(slug="seoul-fab-lab", kind="partner", name_en="Seoul Fab Lab", is_public=None),
    )

    changed = saved(organisation)
    assert response.status_code == 302
    assert response.url == url(campus, "edit_organisation", slug="seoul-fab-lab")
    assert (changed.slug, changed.kind, changed.name_en, changed.is_public) == (
        "seoul-fab-lab",
        "partner",
        "Seoul Fab Lab",
        False,
    )


def test_edit_organisation_form_shows_current_values(client, campus, operator, organisation):
    client.force_login(operator)

    response = client.get(edit_url(campus, organisation))

    assert response.status_code == 200
    assert 'value="Fab Lab"' in response.content.decode()


@pytest.mark.parametrize("role", [REPRESENTATIVE, MANAGER])
def test_edit_organisation_its_representative_or_manager_changes_details(client, campus, organisation, role):
    MembershipFactory(organisation=organisation, role=REPRESENTATIVE)
    editor = MembershipFactory(organisation=organisation, role=role).user
    client.force_login(editor)

    response = client.post(
        edit_url(campus, organisation),
        organisation_data(slug="hijacked", kind="partner", description_en="We make things."),
    )

    changed = saved(organisation)
    assert response.status_code == 302
    assert changed.description_en == "We make things."
    # Address name and kind stay with the campus team.
    assert (changed.slug, changed.kind) == ("fab-lab", "resident")


def test_edit_organisation_representative_of_another_organisation_is_forbidden(
    client, campus, organisation, representative
):
    other = OrganisationFactory(campus=campus)
    client.force_login(representative)

    assert client.get(edit_url(campus, other)).status_code == 403
    assert client.post(edit_url(campus, other), organisation_data(name_en="Mine")).status_code == 403


def test_edit_organisation_plain_member_is_forbidden(client, campus, organisation, representative):
    member = MembershipFactory(organisation=organisation, role=MEMBER).user
    client.force_login(member)

    assert client.get(edit_url(campus, organisation)).status_code == 403


def test_edit_organisation_anonymous_goes_to_login(client, campus, organisation):
    response = client.get(edit_url(campus, organisation))

    assert response.status_code == 302
    assert response.url.startswith(campus_reverse(campus, "people:login"))


def test_edit_organisation_operator_of_other_campus_is_forbidden(
    client, campus, other_operator, organisation
):
    client.force_login(other_operator)

    assert client.get(edit_url(campus, organisation)).status_code == 403


def test_edit_organisation_of_other_campus_is_not_found(client, campus, other_campus, operator):
    elsewhere = OrganisationFactory(campus=other_campus, slug="busan-only")
    client.force_login(operator)

    assert client.get(edit_url(campus, elsewhere)).status_code == 404


def test_edit_organisation_on_other_campus_prefix_is_not_found(
    client, campus, other_campus, other_operator, organisation
):
    client.force_login(other_operator)

    assert client.get(edit_url(other_campus, organisation)).status_code == 404


def test_edit_organisation_to_taken_slug_is_an_error(client, campus, operator, organisation):
    OrganisationFactory(campus=campus, slug="taken")
    client.force_login(operator)

    response = client.post(edit_url(campus, organisation), organisation_data(slug="taken", name_en="Renamed"))

    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
    assert 'value="Renamed"' in response.content.decode()
    assert saved(organisation).slug == "fab-lab"


def test_edit_organisation_keeping_own_slug_is_fine(client, campus, operator, organisation):
    client.force_login(operator)

    response = client.post(edit_url(campus, organisation), organisation_data(slug="fab-lab"))

    assert response.status_code == 302


def test_edit_organisation_bad_country_is_an_error(client, campus, operator, organisation):
    client.force_login(operator)

    response = client.post(edit_url(campus, organisation), organisation_data(slug="fab-lab", country="K1"))

    assert "country" in response.context["form"].errors


# Members


def test_members_list_representative_sees_members(client, campus, organisation, representative):
    member = MembershipFactory(organisation=organisation, role=MEMBER).user
    client.force_login(representative)

    response = client.get(members_url(campus, organisation))

    assert response.status_code == 200
    listed = [membership.user for membership in response.context["memberships"]]
    assert listed == [representative, member]


def test_members_list_queries_do_not_grow_with_members(client, campus, operator, organisation):
    client.force_login(operator)
    MembershipFactory(organisation=organisation, role=REPRESENTATIVE)
    with_one = count_queries(client, members_url(campus, organisation))

    MembershipFactory.create_batch(2, organisation=organisation)
    with_three = count_queries(client, members_url(campus, organisation))

    assert with_one == with_three


def test_members_list_anonymous_goes_to_login(client, campus, organisation):
    response = client.get(members_url(campus, organisation))

    assert response.status_code == 302
    assert response.url.startswith(campus_reverse(campus, "people:login"))


@pytest.mark.parametrize("who", ["participant", "other_operator"])
def test_members_list_outside_team_and_organisation_is_forbidden(client, campus, organisation, who, request):
    client.force_login(request.getfixturevalue(who))

    assert client.get(members_url(campus, organisation)).status_code == 403


def test_members_list_on_other_campus_prefix_is_not_found(
    client, campus, other_campus, other_operator, organisation
):
    client.force_login(other_operator)

    assert client.get(members_url(other_campus, organisation)).status_code == 404


def test_add_member_by_email(client, campus, operator, organisation, representative):
    person = UserFactory(email="new@example.org")
    client.force_login(operator)

    response = client.post(members_url(campus, organisation), {"person": "new@example.org", "role": MANAGER})

    assert response.status_code == 302
    assert roles_in(organisation)[person.email] == MANAGER
    with scopes_disabled():
        assert ActivityLog.objects.filter(action="organisation.member_added", actor=operator).exists()


def test_add_member_unknown_email_keeps_values(client, campus, operator, organisation):
    client.force_login(operator)

    response = client.post(
        members_url(campus, organisation), {"person": "ghost@example.org", "role": MANAGER}
    )

    assert response.status_code == 200
    assert "person" in response.context["form"].errors
    content = response.content.decode()
    assert 'value="ghost@example.org"' in content
    assert '<option value="manager" selected>' in content


def test_add_member_first_one_must_be_representative(client, campus, operator, organisation):
    person = UserFactory()
    client.force_login(operator)

    response = client.post(members_url(campus, organisation), {"person": person.email, "role": MEMBER})

    assert response.status_code == 200
    assert response.context["form"].has_error(NON_FIELD_ERRORS, code="no_representative")
    assert roles_in(organisation) == {}


def test_add_member_already_a_member_is_an_error(client, campus, operator, organisation, representative):
    client.force_login(operator)

    response = client.post(
        members_url(campus, organisation), {"person": representative.email, "role": MEMBER}
    )

    assert response.status_code == 200
    assert "person" in response.context["form"].errors


def test_add_member_by_participant_is_forbidden(client, campus, participant, organisation, representative):
    person = UserFactory()
    client.force_login(participant)

    response = client.post(members_url(campus, organisation), {"person": person.email, "role": MEMBER})

    assert response.status_code == 403
    assert person.email not in roles_in(organisation)


def test_change_member_role_by_representative(client, campus, organisation, representative):
    membership = MembershipFactory(organisation=organisation, role=MEMBER)
    client.force_login(representative)

    response = client.post(role_url(campus, membership), {"role": MANAGER})

    assert response.status_code == 302
    assert response.url == members_url(campus, organisation)
    assert roles_in(organisation)[membership.user.email] == MANAGER


def test_change_member_role_of_last_representative_is_refused(client, campus, operator, organisation):
    only = MembershipFactory(organisation=organisation, role=REPRESENTATIVE)
    MembershipFactory(organisation=organisation, role=MEMBER)
    client.force_login(operator)

    response = client.post(role_url(campus, only), {"role": MEMBER}, follow=True)

    assert len(error_messages(response)) == 1
    assert roles_in(organisation)[only.user.email] == REPRESENTATIVE


def test_change_member_role_unknown_role_is_an_error(client, campus, operator, organisation, representative):
    membership = MembershipFactory(organisation=organisation, role=MEMBER)
    client.force_login(operator)

    response = client.post(role_url(campus, membership), {"role": "chair"}, follow=True)

    assert len(error_messages(response)) == 1
    assert roles_in(organisation)[membership.user.email] == MEMBER


def test_change_member_role_of_another_organisations_member_is_not_found(
    client, campus, operator, organisation, representative
):
    elsewhere = MembershipFactory(organisation=OrganisationFactory(campus=campus), role=MEMBER)
    client.force_login(operator)
    address = url(campus, "change_member_role", slug=organisation.slug, membership_id=elsewhere.pk)

    response = client.post(address, {"role": MANAGER})

    assert response.status_code == 404
    assert roles_in(elsewhere.organisation)[elsewhere.user.email] == MEMBER


def test_change_member_role_by_get_is_not_allowed(client, campus, operator, organisation, representative):
    with scopes_disabled():
        membership = Membership.objects.get(user=representative)
    client.force_login(operator)

    assert client.get(role_url(campus, membership)).status_code == 405


def test_remove_member_by_manager(client, campus, organisation, representative):
    manager = MembershipFactory(organisation=organisation, role=MANAGER).user
    membership = MembershipFactory(organisation=organisation, role=MEMBER)
    client.force_login(manager)

    response = client.post(remove_url(campus, membership))

    assert response.status_code == 302
    assert membership.user.email not in roles_in(organisation)
    with scopes_disabled():
        assert ActivityLog.objects.filter(action="organisation.member_removed", actor=manager).exists()


def test_remove_member_last_representative_is_refused(client, campus, operator, organisation, representative):
    MembershipFactory(organisation=organisation, role=MEMBER)
    with scopes_disabled():
        membership = Membership.objects.get(user=representative)
    client.force_login(operator)

    response = client.post(remove_url(campus, membership), follow=True)

    assert len(error_messages(response)) == 1
    assert roles_in(organisation)[representative.email] == REPRESENTATIVE


def test_remove_member_self_leaves_and_is_sent_home(client, campus, organisation, representative):
    manager = MembershipFactory(organisation=organisation, role=MANAGER)
    client.force_login(manager.user)

    response = client.post(remove_url(campus, manager))

    assert response.status_code == 302
    assert response.url == campus_reverse(campus, "core:home")
    assert manager.user.email not in roles_in(organisation)


def test_remove_member_by_plain_member_is_forbidden(client, campus, organisation, representative):
    member = MembershipFactory(organisation=organisation, role=MEMBER)
    client.force_login(member.user)

    response = client.post(remove_url(campus, member))

    assert response.status_code == 403
    assert member.user.email in roles_in(organisation)


def test_remove_member_operator_of_other_campus_is_forbidden(
    client, campus, other_operator, organisation, representative
):
    member = MembershipFactory(organisation=organisation, role=MEMBER)
    client.force_login(other_operator)

    response = client.post(remove_url(campus, member))

    assert response.status_code == 403
    assert member.user.email in roles_in(organisation)


def test_remove_member_on_other_campus_prefix_is_not_found(
    client, campus, other_campus, other_operator, organisation, representative
):
    member = MembershipFactory(organisation=organisation, role=MEMBER)
    client.force_login(other_operator)

    response = client.post(
        url(other_campus, "remove_member", slug=organisation.slug, membership_id=member.pk)
    )

    assert response.status_code == 404
    assert member.user.email in roles_in(organisation)


def test_members_list_of_empty_organisation_proposes_representative(client, campus, operator, organisation):
    client.force_login(operator)

    response = client.get(members_url(campus, organisation))

    assert response.context["form"]["role"].value() == REPRESENTATIVE
