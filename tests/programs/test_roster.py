"""The campus team's roster actions: withdrawing a participant and adding a late joiner."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from opencampus.programs.services.errors import AdmissionError
from opencampus.programs.services.registration import register
from opencampus.programs.services.roster import add_late_joiner, withdraw_participant
from tests.factories import ParticipantFactory

from .helpers import actions, fresh, participants, registrations, roles

TODAY = timezone.localdate


@pytest.fixture
def cohort(make_cohort):
    return make_cohort(size=2)


@pytest.fixture
def member(cohort):
    with scopes_disabled():
        return ParticipantFactory(cohort=cohort, joined_on=TODAY() - timedelta(days=10))


def test_withdraw_records_the_day_and_reason(campus, member, staff_member):
    left_on = TODAY() - timedelta(days=2)
    with scope(campus=campus):
        withdraw_participant(participant=member, left_on=left_on, reason=" Found a job ", actor=staff_member)

    member = fresh(member)
    assert (member.state, member.left_on, member.leave_reason) == ("withdrawn", left_on, "Found a job")
    assert actions(campus, "participant.") == ["participant.withdrawn"]


@pytest.mark.parametrize(
    ("days_after_joining", "reason", "message"),
    [(-1, "Moved", "cannot leave before"), (0, "   ", "Say why")],
)
def test_withdraw_refuses_bad_input(campus, member, staff_member, days_after_joining, reason, message):
    left_on = member.joined_on + timedelta(days=days_after_joining)
    with scope(campus=campus), pytest.raises(AdmissionError, match=message):
        withdraw_participant(participant=member, left_on=left_on, reason=reason, actor=staff_member)
    assert fresh(member).state == "active"


def test_withdraw_refuses_a_second_time(campus, member, staff_member):
    with scope(campus=campus):
        withdraw_participant(participant=member, left_on=TODAY(), reason="Moved", actor=staff_member)
        with pytest.raises(AdmissionError, match="already left"):
            withdraw_participant(participant=member, left_on=TODAY(), reason="Again", actor=staff_member)
    assert fresh(member).leave_reason == "Moved"


def test_a_late_joiner_gets_a_place_and_the_participant_role(campus, cohort, make_person, staff_member):
    person = make_person(campus, "public")
    with scope(campus=campus):
        joined = add_late_joiner(cohort=cohort, user=person, joined_on=TODAY(), actor=staff_member)

    assert (joined.source, joined.state, joined.joined_on) == ("late", "active", TODAY())
    assert "participant" in roles(campus, person)
    assert actions(campus, "participant.") == ["participant.joined"]


def test_late_joining_refuses_a_person_of_another_campus(
    campus, cohort, other_campus, make_person, staff_member
):
    stranger = make_person(other_campus, "participant")
    with scope(campus=campus), pytest.raises(AdmissionError, match="no role on this campus") as refused:
        add_late_joiner(cohort=cohort, user=stranger, joined_on=TODAY(), actor=staff_member)
    assert refused.value.field == "person"
    assert participants(cohort) == []


def test_late_joining_refuses_a_full_cohort(campus, cohort, member, make_person, staff_member):
    with scopes_disabled():
        ParticipantFactory(cohort=cohort)
    person = make_person(campus, "public")
    with scope(campus=campus), pytest.raises(AdmissionError, match="cohort is full"):
        add_late_joiner(cohort=cohort, user=person, joined_on=TODAY(), actor=staff_member)


def test_a_withdrawn_place_is_free_again(campus, cohort, member, make_person, staff_member):
    with scopes_disabled():
        ParticipantFactory(cohort=cohort)
    person = make_person(campus, "public")
    with scope(campus=campus):
        withdraw_participant(participant=member, left_on=TODAY(), reason="Moved", actor=staff_member)
        add_late_joiner(cohort=cohort, user=person, joined_on=TODAY(), actor=staff_member)
    assert len(participants(cohort, state="active")) == 2


def test_late_joining_refuses_someone_on_the_roster_or_after_the_end(campus, cohort, member, staff_member):
    with scopes_disabled():
        member.user.campus_roles.create(campus=campus, role="public")
    with scope(campus=campus):
        with pytest.raises(AdmissionError, match="already takes part"):
            add_late_joiner(cohort=cohort, user=member.user, joined_on=TODAY(), actor=staff_member)
        withdraw_participant(participant=member, left_on=TODAY(), reason="Moved", actor=staff_member)
        with pytest.raises(AdmissionError, match="cannot join again"):
            add_late_joiner(cohort=cohort, user=member.user, joined_on=TODAY(), actor=staff_member)


def test_late_joining_refuses_a_day_after_the_cohort_ends(campus, cohort, make_person, staff_member):
    person = make_person(campus, "public")
    with scope(campus=campus), pytest.raises(AdmissionError, match="nobody can join after") as refused:
        add_late_joiner(
            cohort=cohort, user=person, joined_on=cohort.ends_on + timedelta(days=1), actor=staff_member
        )
    assert refused.value.field == "joined_on"


def test_a_late_joiner_on_the_waiting_list_leaves_it(campus, make_cohort, make_person, staff_member):
    cohort = make_cohort("first_come", size=1)
    first, waiting = make_person(campus, "public"), make_person(campus, "public")
    with scope(campus=campus):
        register(cohort=cohort, user=first)
        register(cohort=cohort, user=waiting)
        cohort.size = 2
        cohort.save(update_fields=["size"])
        add_late_joiner(cohort=cohort, user=waiting, joined_on=TODAY(), actor=staff_member)

    assert [r.state for r in registrations(cohort)] == ["admitted", "admitted"]


@pytest.mark.django_db(transaction=True)
def test_two_late_joiners_at_once_never_overfill_the_cohort(campus, make_cohort, make_person, staff_member):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are tested on PostgreSQL; SQLite serialises writers anyway")
    cohort = make_cohort(size=1)
    people = [make_person(campus, "public") for _ in range(2)]
    barrier = threading.Barrier(2)
    outcomes = []

    def join(person):
        try:
            barrier.wait()
            with scopes_disabled():
                add_late_joiner(cohort=cohort, user=person, joined_on=TODAY(), actor=staff_member)
            outcomes.append("joined")
        except AdmissionError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=join, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["joined", "refused"]
    assert len(participants(cohort)) == 1
