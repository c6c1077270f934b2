"""Selection through a call: confirming a place joins the cohort, withdrawing leaves it."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from opencampus.calls.models import Application
from opencampus.calls.services.applications import withdraw_application
from opencampus.calls.services.decisions import confirm_place
from opencampus.calls.services.states import set_application_state
from opencampus.programs.models import Participant
from opencampus.programs.services.admission import admit_confirmed_applicant, fill_from_call
from opencampus.programs.services.errors import AdmissionError
from tests.factories import ApplicationFactory, CallFactory, ParticipantFactory

from .helpers import actions, fresh, participants, roles

State = Application.State


@pytest.fixture
def call(campus):
    with scopes_disabled():
        return CallFactory(campus=campus, places=30)


@pytest.fixture
def cohort(make_cohort, call):
    return make_cohort(call=call)


def application(call, state, **fields):
    with scopes_disabled():
        return ApplicationFactory(
            call=call,
            campus=call.campus,
            state=state,
            submitted_at=timezone.now(),
            confirm_by=timezone.now() + timedelta(days=3) if state == State.ACCEPTED else None,
            **fields,
        )


def test_confirming_a_place_makes_the_applicant_a_participant_with_the_role(
    campus, call, cohort, make_cohort, django_capture_on_commit_callbacks
):
    first_come = make_cohort("first_come", call=call)
    accepted = application(call, State.ACCEPTED)

    with django_capture_on_commit_callbacks(execute=True), scope(campus=campus):
        confirm_place(application=accepted, actor=accepted.applicant)

    [joined] = participants(cohort)
    assert (joined.user, joined.source, joined.state) == (accepted.applicant, "call", "active")
    assert joined.application_id == accepted.pk
    assert joined.joined_on == timezone.localdate(timezone.now(), campus.tz)
    assert participants(first_come) == []
    assert "participant" in roles(campus, accepted.applicant)
    assert actions(campus, "participant.") == ["participant.joined"]
    assert actions(campus, "role.") == ["role.granted"]


def test_the_joining_day_is_the_campus_day(campus, call, cohort):
    campus.time_zone = "Pacific/Kiritimati"  # UTC+14: noon in UTC is already tomorrow there
    campus.save(update_fields=["time_zone"])
    confirmed = application(call, State.CONFIRMED)

    with scope(campus=campus):
        admit_confirmed_applicant(
            application=confirmed, actor=None, now=datetime(2027, 3, 1, 12, 0, tzinfo=UTC)
        )

    assert participants(cohort)[0].joined_on == date(2027, 3, 2)


def test_a_participant_role_already_held_is_not_granted_again(campus, call, cohort, make_person):
    person = make_person(campus, "participant")
    confirmed = application(call, State.CONFIRMED, applicant=person)

    with scope(campus=campus):
        admit_confirmed_applicant(application=confirmed, actor=person)
        admit_confirmed_applicant(application=confirmed, actor=person)

    assert len(participants(cohort)) == 1
    assert actions(campus, "role.") == []


def test_withdrawing_a_confirmed_application_withdraws_the_participant(
    campus, call, cohort, django_capture_on_commit_callbacks
):
    confirmed = application(call, State.CONFIRMED)
    with scopes_disabled():
        joined = ParticipantFactory(
            cohort=cohort, user=confirmed.applicant, application=confirmed, source="call",
            joined_on=timezone.localdate() - timedelta(days=3),
        )  # fmt: skip

    with django_capture_on_commit_callbacks(execute=True), scope(campus=campus):
        withdraw_application(application=confirmed, actor=confirmed.applicant)

    joined = fresh(joined)
    assert (joined.state, joined.left_on) == ("withdrawn", timezone.localdate(timezone.now(), campus.tz))
    assert joined.leave_reason  # stated even though the applicant gave no reason


def test_the_reason_logged_with_the_withdrawal_becomes_the_leave_reason(
    campus, call, cohort, staff_member, django_capture_on_commit_callbacks
):
    confirmed = application(call, State.CONFIRMED)
    with django_capture_on_commit_callbacks(execute=True), scope(campus=campus):
        admit_confirmed_applicant(application=confirmed, actor=staff_member)
        set_application_state(
            application=confirmed, state=State.WITHDRAWN, actor=staff_member, reason="Moved to Busan"
        )

    [left] = participants(cohort)
    assert (left.state, left.leave_reason) == (Participant.State.WITHDRAWN, "Moved to Busan")


def test_fill_from_call_adds_earlier_confirmations_once(campus, call, make_cohort, staff_member):
    confirmed = [application(call, State.CONFIRMED) for _ in range(2)]
    application(call, State.ACCEPTED)
    application(call, State.WAITLISTED)
    cohort = make_cohort(call=call)  # created after the confirmations

    with scope(campus=campus):
        first = fill_from_call(cohort=cohort, actor=staff_member)
        second = fill_from_call(cohort=cohort, actor=staff_member)

    assert sorted(p.user_id for p in first) == sorted(a.applicant_id for a in confirmed)
    assert second == []
    assert len(participants(cohort)) == 2
    assert {p.source for p in participants(cohort)} == {"call"}
    assert actions(campus, "cohort.") == ["cohort.filled_from_call"]


def test_fill_from_call_does_not_bring_back_someone_who_left(campus, call, cohort, staff_member):
    confirmed = application(call, State.CONFIRMED)
    with scopes_disabled():
        ParticipantFactory(
            cohort=cohort, user=confirmed.applicant, state="withdrawn", left_on=timezone.localdate()
        )

    with scope(campus=campus):
        assert fill_from_call(cohort=cohort, actor=staff_member) == []


def test_fill_from_call_needs_a_cohort_filled_by_a_call(campus, make_cohort, staff_member):
    without_call = make_cohort()
    with scope(campus=campus), pytest.raises(AdmissionError, match="filled through a call"):
        fill_from_call(cohort=without_call, actor=staff_member)
