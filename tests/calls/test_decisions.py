from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.calls.models import Application
from opencampus.core.links import campus_reverse
from opencampus.core.models import ActivityLog, OutboxMessage
from tests.calls.decision_helpers import applicant, make_call, reload

State = Application.State


def url(campus, name, **kwargs):
    return campus_reverse(campus, f"calls_manage:{name}", **kwargs)


def confirm_url(call):
    return campus_reverse(call.campus, "calls:confirm", slug=call.slug)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def call(campus):
    return make_call(campus, places=2)


def staged(*items):
    with scopes_disabled():
        for application, state, rank in items:
            Application.objects.filter(pk=application.pk).update(pending_state=state, waitlist_rank=rank)


def send(client, call):
    return client.post(url(call.campus, "send_decisions", slug=call.slug))


def in_english(client, user):
    user.preferred_language = "en"
    user.save(update_fields=["preferred_language"])
    client.force_login(user)


@pytest.fixture
def round_sent(client, call, operator):
    """Decisions sent: two accepted, two on the waiting list; letters cleared from the outbox."""
    holders = [applicant(call, name=f"Holder {n}", language="en") for n in range(2)]
    queue = [applicant(call, name=f"Waiting {n}") for n in range(2)]
    staged(
        *((a, State.ACCEPTED, None) for a in holders),
        *((a, State.WAITLISTED, rank) for rank, a in enumerate(queue, start=1)),
    )
    client.force_login(operator)
    assert send(client, call).status_code == 302
    client.logout()
    with scopes_disabled():
        OutboxMessage.objects.all().delete()
    return holders, queue


# The team's decisions page


def test_decisions_pages_send_anonymous_people_to_login(client, campus, call):
    login = campus_reverse(campus, "people:login")
    for response in (
        client.get(url(campus, "decisions", slug=call.slug)),
        send(client, call),
        client.post(url(campus, "clear_staging", slug=call.slug)),
    ):
        assert response.status_code == 302
        assert response.url.startswith(login)


@pytest.mark.parametrize("person", ["participant", "other_operator"])
def test_decisions_pages_forbid_people_without_a_team_role_here(client, call, request, person):
    application = applicant(call)
    staged((application, State.ACCEPTED, None))
    client.force_login(request.getfixturevalue(person))

    assert client.get(url(call.campus, "decisions", slug=call.slug)).status_code == 403
    assert send(client, call).status_code == 403
    assert reload(application).state == State.ELIGIBLE


def test_another_campus_decisions_are_not_found(client, campus, other_campus, operator):
    foreign = make_call(other_campus, slug="foreign")
    client.force_login(operator)

    assert client.get(url(campus, "decisions", slug=foreign.slug)).status_code == 404
    assert client.post(url(campus, "send_decisions", slug=foreign.slug)).status_code == 404
    assert send(client, foreign).status_code == 403  # at the other campus's own address


def test_decisions_page_lists_staged_decisions_and_points_to_the_outbox(client, call, operator):
    accepted, waiting = applicant(call, name="Accepted Ahn"), applicant(call, name="Waiting Woo")
    staged((accepted, State.ACCEPTED, None), (waiting, State.WAITLISTED, 1))
    in_english(client, operator)

    response = client.get(url(call.campus, "decisions", slug=call.slug))

    assert response.context["staged"] == [accepted, waiting]
    assert "Accepted Ahn" in response.text
    assert "Waiting Woo" in response.text
    assert "data-confirm=" in response.text
    assert "wait as drafts in the outbox" in response.text
    assert campus_reverse(call.campus, "core_manage:outbox") in response.text


def test_sending_makes_drafts_and_logs_every_state_change(client, call, operator):
    accepted = applicant(call, language="en")
    waiting = applicant(call)
    rejected = applicant(call)
    staged((accepted, State.ACCEPTED, None), (waiting, State.WAITLISTED, 1), (rejected, State.REJECTED, None))
    in_english(client, operator)

    response = send(client, call)

    assert response.status_code == 302
    assert [reload(a).state for a in (accepted, waiting, rejected)] == [
        State.ACCEPTED,
        State.WAITLISTED,
        State.REJECTED,
    ]
    with scopes_disabled():
        drafts = list(OutboxMessage.objects.all())
        actions = set(ActivityLog.objects.filter(actor=operator).values_list("action", flat=True))
    assert len(drafts) == 3
    assert {message.state for message in drafts} == {OutboxMessage.State.DRAFT}
    assert mail.outbox == []
    assert {
        "application.accepted",
        "application.waitlisted",
        "application.rejected",
        "decisions.sent",
    } <= actions
    letter = next(message for message in drafts if message.to == accepted.applicant.email)
    assert "http://testserver" + confirm_url(call) in letter.body
    page = client.get(response.url)
    assert "drafts in the outbox" in page.text
    assert page.context["decided"][0].confirm_by is not None


def test_sending_with_nothing_staged_says_so(client, call, operator):
    in_english(client, operator)

    response = client.get(send(client, call).url)

    assert "no staged decisions" in response.text
    with scopes_disabled():
        assert not OutboxMessage.objects.exists()


def test_taking_back_the_staged_decisions(client, call, operator):
    application = applicant(call)
    staged((application, State.ACCEPTED, None))
    client.force_login(operator)

    client.post(url(call.campus, "clear_staging", slug=call.slug))

    assert reload(application).pending_state == ""


def test_decisions_page_query_count_does_not_grow(client, call, operator):
    client.force_login(operator)
    address = url(call.campus, "decisions", slug=call.slug)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(address).status_code == 200
        return len(queries)

    first = applicant(call)
    staged((first, State.ACCEPTED, None))
    send(client, call)
    staged((applicant(call), State.WAITLISTED, 1))
    one = count()
    more = [applicant(call) for _ in range(2)]
    staged((more[0], State.WAITLISTED, 2), (more[1], State.REJECTED, None))
    with scopes_disabled():
        second = applicant(call)
    staged((second, State.ACCEPTED, None))
    send(client, call)
    staged(*((applicant(call), State.WAITLISTED, rank) for rank in (3, 4, 5)))

    assert count() == one


# The applicant's answer


def test_confirm_page_needs_login_and_the_own_application(client, call, round_sent, participant):
    (holder, _other), _queue = round_sent
    login = campus_reverse(call.campus, "people:login")

    assert client.get(confirm_url(call)).url.startswith(login)
    assert client.post(confirm_url(call), {"action": "confirm"}).url.startswith(login)
    client.force_login(participant)
    # Someone without an application is sent to the call's page; nobody else's place changes.
    response = client.post(confirm_url(call), {"action": "decline"})
    assert response.status_code == 302
    assert reload(holder).state == State.ACCEPTED


def test_confirming_from_the_page(client, call, round_sent):
    (holder, _other), _queue = round_sent
    in_english(client, holder.applicant)

    page = client.get(confirm_url(call))
    response = client.post(confirm_url(call), {"action": "confirm"})

    assert "Please confirm or decline it by" in page.text
    assert response.status_code == 302
    assert reload(holder).state == State.CONFIRMED
    with scopes_disabled():
        entry = ActivityLog.objects.get(action="application.confirmed")
    assert entry.actor == holder.applicant


def test_confirming_after_the_deadline_is_refused_with_a_clear_message(client, call, round_sent):
    (holder, _other), _queue = round_sent
    with scopes_disabled():
        Application.objects.filter(pk=holder.pk).update(confirm_by=timezone.now() - timedelta(hours=1))
    in_english(client, holder.applicant)

    page = client.get(confirm_url(call))
    response = client.post(confirm_url(call), {"action": "confirm"})

    assert "deadline to confirm has passed" in page.text
    assert response.status_code == 200
    assert "can no longer be confirmed" in response.text
    assert reload(holder).state == State.ACCEPTED


def test_declining_from_the_page_offers_the_place_to_the_next(client, call, round_sent):
    (holder, _other), (first, second) = round_sent
    client.force_login(holder.applicant)

    response = client.post(confirm_url(call), {"action": "decline"})

    assert response.status_code == 302
    assert reload(holder).state == State.DECLINED
    assert reload(first).state == State.ACCEPTED
    assert reload(second).state == State.WAITLISTED
    with scopes_disabled():
        (letter,) = OutboxMessage.objects.all()
    assert letter.to == first.applicant.email
    assert letter.state == OutboxMessage.State.DRAFT
    assert "waiting list" in letter.body or "대기" in letter.body


def test_a_waitlisted_applicant_has_no_place_to_confirm(client, call, round_sent):
    _holders, (first, _second) = round_sent
    client.force_login(first.applicant)

    response = client.get(confirm_url(call))
    refused = client.post(confirm_url(call), {"action": "confirm"})

    assert response.status_code == 302
    assert response.url == campus_reverse(call.campus, "calls:status", slug=call.slug)
    assert refused.status_code == 200
    assert reload(first).state == State.WAITLISTED


def test_unknown_action_changes_nothing(client, call, round_sent):
    (holder, _other), _queue = round_sent
    client.force_login(holder.applicant)

    response = client.post(confirm_url(call), {"action": "maybe"})

    assert response.status_code == 200
    assert reload(holder).state == State.ACCEPTED
