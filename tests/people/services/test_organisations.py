import pytest
from django_scopes import scope, scopes_disabled

from opencampus.core.models import ActivityLog
from opencampus.people.models import Membership, Organisation
from opencampus.people.services.organisations import (
    OrganisationError,
    add_member,
    change_member_role,
    create_organisation,
    remove_member,
    update_organisation,
)
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

REPRESENTATIVE = Membership.Role.REPRESENTATIVE
MANAGER = Membership.Role.MANAGER
MEMBER = Membership.Role.MEMBER


@pytest.fixture
def organisation(campus):
    return OrganisationFactory(campus=campus, slug="fab-lab", name_ko="팹랩", name_en="Fab Lab")


def actions(campus):
    with scopes_disabled():
        return list(ActivityLog.objects.filter(campus=campus).values_list("action", flat=True))


def test_create_organisation_saves_and_logs(campus, operator):
    with scope(campus=campus):
        organisation = create_organisation(
            campus=campus,
            actor=operator,
            slug="energy-coop",
            kind=Organisation.Kind.RESIDENT,
            name_ko="에너지협동조합",
            category=Organisation.Category.ENVIRONMENT,
            is_public=False,
        )

    assert organisation.campus == campus
    assert organisation.name_ko == "에너지협동조합"
    assert organisation.is_public is False
    assert actions(campus) == ["organisation.created"]


def test_create_organisation_with_representative_adds_them(campus, operator):
    person = UserFactory()

    with scope(campus=campus):
        organisation = create_organisation(
            campus=campus,
            actor=operator,
            slug="youth-hub",
            kind="resident",
            name_en="Youth Hub",
            representative=person,
        )
        membership = Membership.objects.get(organisation=organisation)

    assert membership.user == person
    assert membership.role == REPRESENTATIVE
    assert membership.campus == campus


def test_create_organisation_without_a_name_is_refused(campus, operator):
    with scope(campus=campus), pytest.raises(OrganisationError) as raised:
        create_organisation(campus=campus, actor=operator, slug="nameless", kind="resident")

    assert raised.value.code == "no_name"
    with scopes_disabled():
        assert not Organisation.objects.filter(slug="nameless").exists()


def test_create_organisation_with_taken_slug_is_refused(campus, operator, organisation):
    with scope(campus=campus), pytest.raises(OrganisationError) as raised:
        create_organisation(campus=campus, actor=operator, slug="fab-lab", kind="resident", name_en="Other")

    assert raised.value.code == "slug_taken"


def test_create_organisation_with_slug_taken_on_other_campus_succeeds(
    campus, other_campus, other_operator, organisation
):
    with scope(campus=other_campus):
        created = create_organisation(
            campus=other_campus,
            actor=other_operator,
            slug="fab-lab",
            kind="resident",
            name_en="Fab Lab Busan",
        )

    assert created.campus == other_campus


def test_update_organisation_saves_and_logs_changed_fields(campus, operator, organisation):
    with scope(campus=campus):
        updated = update_organisation(
            organisation=organisation,
            actor=operator,
            name_en="Seoul Fab Lab",
            name_ko="팹랩",
            is_public=False,
        )
        entry = ActivityLog.objects.get(action="organisation.updated")

    assert updated.name_en == "Seoul Fab Lab"
    assert updated.is_public is False
    assert entry.data == {"fields": ["is_public", "name_en"]}


def test_update_organisation_without_changes_logs_nothing(campus, operator, organisation):
    with scope(campus=campus):
        update_organisation(organisation=organisation, actor=operator, name_en="Fab Lab")

    assert actions(campus) == []


def test_update_organisation_to_taken_slug_is_refused(campus, operator, organisation):
    OrganisationFactory(campus=campus, slug="taken")

    with scope(campus=campus), pytest.raises(OrganisationError):
        update_organisation(organisation=organisation, actor=operator, slug="taken")

    organisation.refresh_from_db()
    assert organisation.slug == "fab-lab"


def test_update_organisation_removing_both_names_is_refused(campus, operator, organisation):
    with scope(campus=campus), pytest.raises(OrganisationError):
        update_organisation(organisation=organisation, actor=operator, name_ko="", name_en="")


def test_add_member_saves_and_logs(campus, operator, organisation):
    person = UserFactory()

    with scope(campus=campus):
        membership = add_member(organisation=organisation, user=person, role=REPRESENTATIVE, actor=operator)
        entry = ActivityLog.objects.get(action="organisation.member_added")

    assert membership.role == REPRESENTATIVE
    assert entry.data == {"person": person.pk, "role": "representative"}


def test_add_member_first_without_representative_is_refused(campus, operator, organisation):
    with scope(campus=campus), pytest.raises(OrganisationError) as raised:
        add_member(organisation=organisation, user=UserFactory(), role=MEMBER, actor=operator)

    assert raised.value.code == "no_representative"
    with scopes_disabled():
        assert not Membership.objects.exists()


def test_add_member_twice_is_refused(campus, operator, organisation):
    membership = MembershipFactory(organisation=organisation, role=REPRESENTATIVE)

    with scope(campus=campus), pytest.raises(OrganisationError):
        add_member(organisation=organisation, user=membership.user, role=MEMBER, actor=operator)


def test_add_member_with_unknown_role_is_refused(campus, operator, organisation):
    with scope(campus=campus), pytest.raises(OrganisationError):
        add_member(organisation=organisation, user=UserFactory(), role="chair", actor=operator)


def test_change_member_role_saves_and_logs(campus, operator, organisation):
    MembershipFactory(organisation=organisation, role=REPRESENTATIVE)
    membership = MembershipFactory(organisation=organisation, role=MEMBER)

    with scope(campus=campus):
        changed = change_member_role(membership=membership, role=MANAGER, actor=operator)
        entry = ActivityLog.objects.get(action="organisation.member_role_changed")

    assert changed.role == MANAGER
    assert entry.data == {"person": membership.user_id, "from": "member", "to": "manager"}


def test_change_member_role_of_last_representative_is_refused(campus, operator, organisation):
    representative = MembershipFactory(organisation=organisation, role=REPRESENTATIVE)

    with scope(campus=campus), pytest.raises(OrganisationError):
        change_member_role(membership=representative, role=MANAGER, actor=operator)

    representative.refresh_from_db()
    assert representative.role == REPRESENTATIVE


def test_change_member_role_of_one_of_two_representatives_succeeds(campus, operator, organisation):
    first = MembershipFactory(organisation=organisation, role=REPRESENTATIVE)
    MembershipFactory(organisation=organisation, role=REPRESENTATIVE)

    with scope(campus=campus):
        change_member_role(membership=first, role=MEMBER, actor=operator)

    first.refresh_from_db()
    assert first.role == MEMBER


def test_remove_member_deletes_and_logs(campus, operator, organisation):
    MembershipFactory(organisation=organisation, role=REPRESENTATIVE)
    membership = MembershipFactory(organisation=organisation, role=MEMBER)

    with scope(campus=campus):
        remove_member(membership=membership, actor=operator)
        remaining = Membership.objects.filter(organisation=organisation).count()

    assert remaining == 1
    assert actions(campus) == ["organisation.member_removed"]


def test_remove_member_last_representative_with_members_is_refused(campus, operator, organisation):
    representative = MembershipFactory(organisation=organisation, role=REPRESENTATIVE)
    MembershipFactory(organisation=organisation, role=MANAGER)

    with scope(campus=campus), pytest.raises(OrganisationError):
        remove_member(membership=representative, actor=operator)

    with scopes_disabled():
        assert Membership.objects.filter(pk=representative.pk).exists()


def test_remove_member_last_representative_as_last_member_succeeds(campus, operator, organisation):
    representative = MembershipFactory(organisation=organisation, role=REPRESENTATIVE)

    with scope(campus=campus):
        remove_member(membership=representative, actor=operator)

    with scopes_disabled():
        assert not Membership.objects.exists()
