import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone, translation
from django_scopes import scopes_disabled

from opencampus.calls.models import Application, ReviewPhase, SelectionQuota
from opencampus.calls.services.applications import withdraw_application
from opencampus.calls.services.decisions import (
    DecisionError,
    Links,
    confirm_place,
    decided_applications,
    decline_place,
    release_expired_places,
    send_decisions,
    staged_applications,
)
from opencampus.calls.services.selection import SelectionError, stage_selection
from opencampus.calls.services.states import ApplicationStateError
from opencampus.core.links import campus_reverse
from opencampus.core.models import ActivityLog, OutboxMessage
from tests.calls.decision_helpers import LINKS, applicant, make_call, reload, scored
from tests.factories import CallFactory

State = Application.State


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def call(campus):
    return make_call(campus, places=2)


@pytest.fixture
def reviewers(campus, make_person):
    return [make_person(campus, "reviewer") for _ in range(2)]


def staged(call, *items):
    """Stage ``(application, pending state, waitlist rank)`` by hand."""
    with scopes_disabled():
        for application, state, rank in items:
            Application.objects.filter(pk=application.pk).update(pending_state=state, waitlist_rank=rank)


def letters():
    with scopes_disabled():
        return list(OutboxMessage.objects.order_by("pk"))


def log_of(application, action):
    with scopes_disabled():
        return list(ActivityLog.objects.filter(object_id=str(application.pk), action=action).order_by("pk"))


def accepted_round(call, operator, *, waiting=2):
    """Two accepted applicants and ``waiting`` on the waiting list, decisions sent."""
    holders = [applicant(call, name=f"Holder {n}") for n in range(2)]
    queue = [applicant(call, name=f"Waiting {n}") for n in range(waiting)]
    staged(
        call,
        *((a, State.ACCEPTED, None) for a in holders),
        *((a, State.WAITLISTED, rank) for rank, a in enumerate(queue, start=1)),
    )
    with scopes_disabled():
        send_decisions(call=call, actor=operator, links=LINKS)
        OutboxMessage.objects.all().delete()
    return holders, queue


# Sending


def test_sending_changes_states_through_the_log_and_drafts_letters(call, operator):
    accepted = applicant(call, name="Kim", language="en", email="kim@example.org")
    waiting = applicant(call, name="Lee", language="ko")
    rejected = applicant(call, name="Park", language="en", state=State.SUBMITTED)
    staged(
        call,
        (accepted, State.ACCEPTED, None),
        (waiting, State.WAITLISTED, 1),
        (rejected, State.REJECTED, None),
    )
    now = timezone.now()

    with scopes_disabled():
        sent = send_decisions(call=call, actor=operator, links=LINKS, now=now)

    assert sent.counts == {"accepted": 1, "waitlisted": 1, "rejected": 1}
    assert [(reload(a).state, reload(a).pending_state) for a in (accepted, waiting, rejected)] == [
        (State.ACCEPTED, ""),
        (State.WAITLISTED, ""),
        (State.REJECTED, ""),
    ]
    assert reload(waiting).waitlist_rank == 1
    # Through set_application_state: one log entry per change; screening is optional.
    assert len(log_of(accepted, "application.accepted")) == 1
    assert log_of(rejected, "application.eligible") == []
    assert log_of(rejected, "application.rejected")[0].data["from"] == State.SUBMITTED
    deadline = now + timedelta(days=call.confirm_within_days)
    assert reload(accepted).confirm_by == deadline
    assert reload(waiting).confirm_by is None
    assert log_of(accepted, "application.accepted")[0].data["confirm_by"] == deadline.isoformat()
    drafts = letters()
    assert {message.state for message in drafts} == {OutboxMessage.State.DRAFT}
    assert mail.outbox == []
    by_to = {message.to: message for message in drafts}
    assert "Confirm or decline here" in by_to["kim@example.org"].body
    assert LINKS.confirm in by_to["kim@example.org"].body
    assert by_to[waiting.applicant.email].language == "ko"
    assert "1" in by_to[waiting.applicant.email].body
    assert LINKS.status in by_to[rejected.applicant.email].body
    assert "sorry" in by_to[rejected.applicant.email].body


def test_sending_skips_an_application_that_changed_meanwhile(call, operator):
    kept = applicant(call)
    withdrawn = applicant(call, state=State.WITHDRAWN)
    staged(call, (kept, State.ACCEPTED, None), (withdrawn, State.ACCEPTED, None))

    with scopes_disabled():
        sent = send_decisions(call=call, actor=operator, links=LINKS)

    assert sent.skipped == [withdrawn]
    assert reload(withdrawn).state == State.WITHDRAWN
    assert reload(withdrawn).pending_state == ""
    assert reload(kept).state == State.ACCEPTED
    assert len(letters()) == 1


def test_staged_and_decided_lists(call, operator):
    first, second = applicant(call), applicant(call)
    staged(call, (second, State.WAITLISTED, 1), (first, State.ACCEPTED, None))
    with scopes_disabled():
        assert staged_applications(call) == [first, second]
        send_decisions(call=call, actor=operator, links=LINKS)
        decided = decided_applications(call)

    assert decided == [first, second]
    assert decided[0].confirm_by is not None
    assert decided[1].confirm_by is None


# Confirming


def test_confirming_in_time_takes_the_place(call, operator):
    (holder, _other), _queue = accepted_round(call, operator)

    with scopes_disabled():
        confirm_place(application=holder, actor=holder.applicant)
        confirm_place(application=holder, actor=holder.applicant)  # a double click changes nothing more

    assert reload(holder).state == State.CONFIRMED
    assert reload(holder).confirm_by is None  # the deadline ends with the offer
    assert len(log_of(holder, "application.confirmed")) == 1


def test_confirming_after_the_deadline_is_refused(call, operator):
    (holder, _other), _queue = accepted_round(call, operator)
    deadline = reload(holder).confirm_by
    with scopes_disabled(), translation.override("en"), pytest.raises(DecisionError, match="deadline"):
        confirm_place(application=holder, actor=holder.applicant, now=deadline + timedelta(minutes=1))

    assert reload(holder).state == State.ACCEPTED


def test_only_an_offered_place_can_be_confirmed_or_declined(call):
    waiting = applicant(call, state=State.WAITLISTED)

    with scopes_disabled():
        with pytest.raises(DecisionError):
            confirm_place(application=waiting, actor=waiting.applicant)
        with pytest.raises(DecisionError):
            decline_place(application=waiting, actor=waiting.applicant, links=LINKS)

    assert reload(waiting).state == State.WAITLISTED


# Declining


def test_a_decline_offers_the_place_to_the_next_on_the_waiting_list(call, operator):
    (holder, _other), (first, second) = accepted_round(call, operator)

    with scopes_disabled():
        result = decline_place(application=holder, actor=holder.applicant, links=LINKS)

    assert reload(holder).state == State.DECLINED
    assert reload(holder).confirm_by is None
    assert result.offered == first
    promoted = reload(first)
    assert (promoted.state, promoted.waitlist_rank) == (State.ACCEPTED, None)
    assert promoted.confirm_by > timezone.now()
    assert (reload(second).state, reload(second).waitlist_rank) == (State.WAITLISTED, 2)
    entry = log_of(first, "application.accepted")[-1]
    assert entry.actor is None
    assert entry.data["waitlist_rank"] == 1
    assert entry.data["confirm_by"]
    (letter,) = letters()
    assert letter.to == first.applicant.email
    assert letter.state == OutboxMessage.State.DRAFT
    assert mail.outbox == []


def test_declining_twice_offers_only_one_place(call, operator):
    (holder, _other), (first, second) = accepted_round(call, operator)

    with scopes_disabled():
        decline_place(application=holder, actor=holder.applicant, links=LINKS)
        again = decline_place(application=holder, actor=holder.applicant, links=LINKS)

    assert again.offered is None
    assert reload(first).state == State.ACCEPTED
    assert reload(second).state == State.WAITLISTED


def test_two_declines_offer_two_different_places(call, operator):
    (one, two), (first, second) = accepted_round(call, operator)

    with scopes_disabled():
        offered = [
            decline_place(application=holder, actor=holder.applicant, links=LINKS).offered
            for holder in (one, two)
        ]

    assert offered == [first, second]


def test_no_place_is_offered_while_the_places_are_all_held(call, operator):
    (holder, _other), (first, _second) = accepted_round(call, operator)
    with scopes_disabled():
        call.places = 1
        call.save()

        result = decline_place(application=holder, actor=holder.applicant, links=LINKS)

    assert result.offered is None
    assert reload(first).state == State.WAITLISTED


def test_the_offer_skips_whoever_would_break_a_maximum(call, operator):
    holders = [applicant(call, field="digital"), applicant(call, field="energy")]
    digital = applicant(call, field="digital")
    food = applicant(call, field="food")
    staged(
        call,
        *((a, State.ACCEPTED, None) for a in holders),
        (digital, State.WAITLISTED, 1),
        (food, State.WAITLISTED, 2),
    )
    with scopes_disabled():
        send_decisions(call=call, actor=operator, links=LINKS)
        SelectionQuota.objects.create(
            campus=call.campus, call=call, question_key="field", value="digital", maximum=1
        )

        result = decline_place(application=holders[1], actor=holders[1].applicant, links=LINKS)

    assert result.offered == food
    assert reload(digital).state == State.WAITLISTED


# Withdrawing a place


@pytest.mark.parametrize("answered", [False, True])
def test_withdrawing_a_place_offers_it_to_the_next_on_the_waiting_list(call, operator, answered):
    (holder, _other), (first, second) = accepted_round(call, operator)
    with scopes_disabled():
        if answered:
            confirm_place(application=holder, actor=holder.applicant)
            holder = reload(holder)

        withdraw_application(application=holder, actor=holder.applicant, links=LINKS)

    assert holder.state == State.WITHDRAWN
    assert reload(holder).confirm_by is None
    assert (reload(first).state, reload(first).waitlist_rank) == (State.ACCEPTED, None)
    assert reload(first).confirm_by is not None
    assert reload(second).state == State.WAITLISTED
    assert log_of(first, "application.accepted")[-1].actor is None
    (letter,) = letters()
    assert letter.to == first.applicant.email
    assert LINKS.confirm in letter.body


def test_withdrawing_without_a_place_offers_nothing(call, operator):
    _holders, (first, second) = accepted_round(call, operator)

    with scopes_disabled():
        withdraw_application(application=first, actor=first.applicant, links=LINKS)

    assert reload(first).state == State.WITHDRAWN
    assert reload(second).state == State.WAITLISTED
    assert letters() == []


def test_withdrawing_twice_is_refused_and_offers_only_one_place(call, operator):
    (holder, _other), (first, second) = accepted_round(call, operator)

    with scopes_disabled():
        withdraw_application(application=holder, actor=holder.applicant, links=LINKS)
        with pytest.raises(ApplicationStateError):
            withdraw_application(application=holder, actor=holder.applicant, links=LINKS)

    assert reload(first).state == State.ACCEPTED
    assert reload(second).state == State.WAITLISTED


# Places not confirmed in time


def test_expired_places_are_released_and_offered_on(call, operator):
    (late, in_time), (first, second) = accepted_round(call, operator)
    deadline = reload(late).confirm_by
    with scopes_disabled():
        confirm_place(application=in_time, actor=in_time.applicant)
        later = deadline + timedelta(minutes=1)

        released = release_expired_places(call=call, links=LINKS, now=later)
        again = release_expired_places(call=call, links=LINKS, now=later)

    assert released.declined == [late]
    assert released.offered == [first]
    assert (again.declined, again.offered) == ([], [])
    assert (reload(late).state, reload(late).confirm_by) == (State.DECLINED, None)
    assert reload(in_time).state == State.CONFIRMED
    promoted = reload(first)
    assert promoted.state == State.ACCEPTED
    assert promoted.confirm_by == later + timedelta(days=call.confirm_within_days)
    assert reload(second).state == State.WAITLISTED
    (entry,) = log_of(late, "application.declined")
    assert entry.actor is None
    assert entry.data["confirm_by"] == deadline.isoformat()
    assert entry.data["reason"]
    assert len(log_of(call, "decisions.released")) == 1
    (letter,) = letters()
    assert letter.to == first.applicant.email
    assert letter.state == OutboxMessage.State.DRAFT


def test_nothing_is_released_before_the_deadline(call, operator):
    (holder, other), (first, _second) = accepted_round(call, operator)

    with scopes_disabled():
        released = release_expired_places(call=call, links=LINKS, now=reload(holder).confirm_by)

    assert released.declined == []
    assert [reload(a).state for a in (holder, other, first)] == [
        State.ACCEPTED,
        State.ACCEPTED,
        State.WAITLISTED,
    ]


def test_every_expired_place_is_offered_while_the_waiting_list_lasts(call, operator):
    holders, (first,) = accepted_round(call, operator, waiting=1)
    later = reload(holders[0]).confirm_by + timedelta(days=1)

    with scopes_disabled():
        released = release_expired_places(call=call, links=LINKS, now=later)

    assert released.declined == holders
    assert released.offered == [first]
    assert reload(first).state == State.ACCEPTED


def test_offer_letters_link_to_the_base_url(call):
    links = Links.for_call(call, "https://campus.example/")

    assert links.confirm == "https://campus.example" + campus_reverse(
        call.campus, "calls:confirm", slug=call.slug
    )
    assert links.status == "https://campus.example" + campus_reverse(
        call.campus, "calls:status", slug=call.slug
    )


def test_staging_and_sending_end_to_end(call, reviewers, operator):
    best = scored(call, reviewers, [9, 9])
    second = scored(call, reviewers, [8, 8])
    third = scored(call, reviewers, [7, 7], state=State.SUBMITTED)
    with scopes_disabled():
        stage_selection(call=call, places=1, waitlist_size=1, actor=operator)
        assert not letters()
        send_decisions(call=call, actor=operator, links=LINKS)

    assert [reload(a).state for a in (best, second, third)] == [
        State.ACCEPTED,
        State.WAITLISTED,
        State.REJECTED,
    ]
    assert len(letters()) == 3


@pytest.mark.django_db(transaction=True)
def test_concurrent_declines_never_offer_one_place_twice(campus, make_person):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are tested on PostgreSQL; SQLite serialises writers anyway")
    call = make_call(campus, places=2)
    operator = make_person(campus, "operator")
    holders, queue = accepted_round(call, operator)
    barrier = threading.Barrier(2)
    offered = []

    def decline(holder):
        try:
            barrier.wait()
            with scopes_disabled():
                offered.append(decline_place(application=holder, actor=holder.applicant, links=LINKS).offered)
        finally:
            connection.close()

    threads = [threading.Thread(target=decline, args=(holder,)) for holder in holders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(item.pk for item in offered) == sorted(item.pk for item in queue)


def test_a_running_phase_without_decision_rights_locks_staging_and_sending(campus, operator):
    with scopes_disabled():
        call = CallFactory(campus=campus)
        phase = ReviewPhase.objects.create(
            campus=campus,
            call=call,
            name_en="First reading",
            starts_at=timezone.now() - timedelta(days=1),
            ends_at=timezone.now() + timedelta(days=1),
        )

        with pytest.raises(SelectionError, match="locked"):
            stage_selection(call=call, places=1, waitlist_size=0, actor=operator)
        with pytest.raises(DecisionError, match="locked"):
            send_decisions(call=call, actor=operator, links=LINKS)

        phase.can_change_decisions = True
        phase.save()
        sent = send_decisions(call=call, actor=operator, links=LINKS)
        assert sent.total == 0
