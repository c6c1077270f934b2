"""Residency services: states, terms, spaces held, each change logged and mailed."""

from datetime import date

import pytest

from opencampus.core.models import ActivityLog, OutboxMessage
from opencampus.park.models import Residency
from opencampus.park.services.residencies import (
    ResidencyError,
    create_residency,
    set_residency_state,
    update_residency,
)
from tests.factories import MembershipFactory, OrganisationFactory, SpaceFactory

State = Residency.State


def test_residency_goes_from_applied_to_left(organisation, staff_member):
    residency = create_residency(organisation=organisation, actor=staff_member, starts_on=date(2026, 1, 1))

    for state in (State.RESIDENT, State.LEAVING, State.LEFT):
        residency = set_residency_state(residency=residency, state=state, actor=staff_member)
        assert Residency.objects.get(pk=residency.pk).state == state

    actions = ActivityLog.objects.filter(object_id=str(residency.pk)).values_list("action", flat=True)
    assert list(actions).count("residency.state_changed") == 3


def test_applied_residency_may_end_without_starting(organisation, staff_member):
    residency = create_residency(organisation=organisation, actor=staff_member, starts_on=date(2026, 1, 1))

    set_residency_state(residency=residency, state=State.LEFT, actor=staff_member)

    assert Residency.objects.get(pk=residency.pk).state == State.LEFT


@pytest.mark.parametrize(
    ("current", "wanted"),
    [
        (State.RESIDENT, State.APPLIED),
        (State.RESIDENT, State.LEFT),
        (State.LEFT, State.RESIDENT),
        (State.LEAVING, State.RESIDENT),
    ],
)
def test_residency_refuses_a_transition_out_of_order(residency, staff_member, current, wanted):
    Residency.objects.filter(pk=residency.pk).update(state=current)

    with pytest.raises(ResidencyError, match="cannot become"):
        set_residency_state(residency=residency, state=wanted, actor=staff_member)

    assert Residency.objects.get(pk=residency.pk).state == current


def test_becoming_resident_drafts_a_mail_to_each_representative(organisation, staff_member):
    representative = MembershipFactory(
        organisation=organisation, role="representative", user__preferred_language="en"
    ).user
    MembershipFactory(organisation=organisation, role="member")
    residency = create_residency(organisation=organisation, actor=staff_member, starts_on=date(2026, 1, 1))

    set_residency_state(
        residency=residency, state=State.RESIDENT, actor=staff_member, link="https://x.test/o/"
    )

    mails = list(OutboxMessage.objects.filter(reason="residency.resident"))
    assert [mail.to for mail in mails] == [representative.email]
    assert "resident" in mails[0].subject


def test_residency_holds_only_spaces_of_its_campus(organisation, staff_member, other_campus):
    foreign = SpaceFactory(campus=other_campus)

    with pytest.raises(ResidencyError, match="spaces of this campus"):
        create_residency(
            organisation=organisation, actor=staff_member, starts_on=date(2026, 1, 1), spaces=[foreign]
        )

    assert not Residency.objects.exists()


def test_organisation_holds_one_open_residency(residency, staff_member):
    with pytest.raises(ResidencyError, match="already has a residency"):
        create_residency(organisation=residency.organisation, actor=staff_member, starts_on=date(2027, 1, 1))


def test_term_must_end_after_it_starts(organisation, staff_member):
    with pytest.raises(ResidencyError, match="end after it starts"):
        create_residency(
            organisation=organisation,
            actor=staff_member,
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 1, 1),
        )


def test_update_logs_the_fields_and_spaces_that_changed(residency, staff_member, campus):
    other_room = SpaceFactory(campus=campus)

    changed = update_residency(
        residency=residency, actor=staff_member, monthly_fee=450000, note="", spaces=[other_room]
    )

    residency.refresh_from_db()
    assert changed
    assert residency.monthly_fee == 450000
    assert list(residency.spaces.all()) == [other_room]
    entry = ActivityLog.objects.get(action="residency.updated")
    assert entry.data == {"fields": ["monthly_fee", "spaces"]}


def test_update_without_changes_logs_nothing(residency, staff_member, room):
    changed = update_residency(
        residency=residency, actor=staff_member, monthly_fee=residency.monthly_fee, spaces=[room]
    )

    assert not changed
    assert not ActivityLog.objects.filter(action="residency.updated").exists()


def test_update_refuses_a_foreign_space(residency, staff_member, other_campus):
    with pytest.raises(ResidencyError):
        update_residency(residency=residency, actor=staff_member, spaces=[SpaceFactory(campus=other_campus)])


def test_another_organisation_may_hold_its_own_residency(residency, staff_member, campus):
    other = OrganisationFactory(campus=campus)

    create_residency(organisation=other, actor=staff_member, starts_on=date(2026, 1, 1), state=State.RESIDENT)

    assert Residency.objects.filter(state=State.RESIDENT).count() == 2
