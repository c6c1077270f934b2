"""Places not confirmed in time: the cron command, the task, and the applicant's page after it."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.calls.models import Application
from opencampus.calls.services.decisions import send_decisions
from opencampus.calls.tasks import release_expired_places
from opencampus.core.links import campus_reverse
from opencampus.core.models import ActivityLog, OutboxMessage
from tests.calls.decision_helpers import LINKS, applicant, make_call, reload

State = Application.State


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def decided_round(call, operator, *, holders=2, waiting=2):
    """``holders`` accepted and ``waiting`` on the waiting list, decisions sent, outbox emptied."""
    accepted = [applicant(call, name=f"Holder {n}") for n in range(holders)]
    queue = [applicant(call, name=f"Waiting {n}") for n in range(waiting)]
    with scopes_disabled():
        for application in accepted:
            Application.objects.filter(pk=application.pk).update(pending_state=State.ACCEPTED)
        for rank, application in enumerate(queue, start=1):
            Application.objects.filter(pk=application.pk).update(
                pending_state=State.WAITLISTED, waitlist_rank=rank
            )
        send_decisions(call=call, actor=operator, links=LINKS)
        OutboxMessage.objects.all().delete()
    return accepted, queue


def expire(*applications):
    with scopes_disabled():
        Application.objects.filter(pk__in=[a.pk for a in applications]).update(
            confirm_by=timezone.now() - timedelta(minutes=5)
        )


def letters():
    with scopes_disabled():
        return list(OutboxMessage.objects.order_by("pk"))


def test_the_command_releases_expired_places_on_every_campus(campus, other_campus, make_person):
    operator = make_person(campus, "operator")
    here = make_call(campus, slug="here", places=2)
    there = make_call(other_campus, slug="there", places=1)
    (late, in_time), (first, second) = decided_round(here, operator)
    (far_late,), (far_first,) = decided_round(there, operator, holders=1, waiting=1)
    expire(late, far_late)
    out = io.StringIO()

    call_command("release_expired_places", "--base-url", "https://campus.example/", stdout=out)

    assert [reload(a).state for a in (late, in_time, first, second)] == [
        State.DECLINED,
        State.ACCEPTED,
        State.ACCEPTED,
        State.WAITLISTED,
    ]
    assert (reload(far_late).state, reload(far_first).state) == (State.DECLINED, State.ACCEPTED)
    assert reload(first).confirm_by > timezone.now()
    with scopes_disabled():
        entry = ActivityLog.objects.get(action="application.declined", object_id=str(late.pk))
    assert entry.actor is None
    by_to = {letter.to: letter for letter in letters()}
    assert set(by_to) == {first.applicant.email, far_first.applicant.email}
    confirm = campus_reverse(campus, "calls:confirm", slug=here.slug)
    assert "https://campus.example" + confirm in by_to[first.applicant.email].body
    assert "2 places released, 2 offered" in out.getvalue()


def test_the_command_changes_nothing_before_the_deadline(campus, make_person):
    operator = make_person(campus, "operator")
    call = make_call(campus, places=2)
    holders, queue = decided_round(call, operator)
    out = io.StringIO()

    call_command("release_expired_places", stdout=out)
    call_command("release_expired_places", stdout=out)

    assert [reload(a).state for a in holders] == [State.ACCEPTED, State.ACCEPTED]
    assert [reload(a).state for a in queue] == [State.WAITLISTED, State.WAITLISTED]
    assert letters() == []
    assert "0 places released" in out.getvalue()


def test_the_command_runs_again_without_offering_twice(campus, make_person):
    operator = make_person(campus, "operator")
    call = make_call(campus, places=2)
    (late, _in_time), (first, second) = decided_round(call, operator)
    expire(late)

    call_command("release_expired_places", stdout=io.StringIO())
    call_command("release_expired_places", stdout=io.StringIO())

    assert reload(first).state == State.ACCEPTED
    assert reload(second).state == State.WAITLISTED
    assert len(letters()) == 1
    assert campus_reverse(campus, "calls:confirm", slug=call.slug) in letters()[0].body
    assert "http://127.0.0.1:8000" in letters()[0].body


def test_the_task_releases_one_call(campus, make_person):
    operator = make_person(campus, "operator")
    call = make_call(campus, places=2)
    other = make_call(campus, slug="other", places=1)
    (late, _in_time), (first, _second) = decided_round(call, operator)
    (untouched,), _queue = decided_round(other, operator, holders=1, waiting=1)
    expire(late, untouched)

    result = release_expired_places.enqueue(call.pk, "https://campus.example")

    assert result.return_value == {"declined": [late.pk], "offered": [first.pk]}
    assert reload(untouched).state == State.ACCEPTED
    assert "https://campus.example" in letters()[0].body


def test_a_released_place_can_no_longer_be_confirmed(client, campus, make_person):
    operator = make_person(campus, "operator")
    call = make_call(campus, places=2)
    (late, _in_time), _queue = decided_round(call, operator)
    expire(late)
    call_command("release_expired_places", stdout=io.StringIO())
    late.applicant.preferred_language = "en"
    late.applicant.save(update_fields=["preferred_language"])
    client.force_login(late.applicant)

    response = client.post(campus_reverse(campus, "calls:confirm", slug=call.slug), {"action": "confirm"})

    assert response.status_code == 200
    assert "There is no place offered to you to confirm." in response.text
    assert reload(late).state == State.DECLINED
