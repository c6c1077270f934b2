from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.park.models import TourSlot, VisitRequest
from tests.factories import TourSlotFactory, VisitRequestFactory

from .helpers import fresh, mails

State = VisitRequest.State


def url(campus, name, **kwargs):
    return campus_reverse(campus, f"visits_manage:{name}", **kwargs)


def in_english(client, user):
    user.preferred_language = "en"
    user.save(update_fields=["preferred_language"])
    client.force_login(user)


def pages(campus, visit, slot):
    return [
        url(campus, "list"),
        url(campus, "detail", pk=visit.pk),
        url(campus, "slots"),
        url(campus, "slot_create"),
        url(campus, "slot_edit", pk=slot.pk),
        url(campus, "stats"),
        url(campus, "stats_csv"),
    ]


def posts(campus, visit, slot):
    return [
        url(campus, "reminders"),
        url(campus, "confirm", pk=visit.pk),
        url(campus, "reschedule", pk=visit.pk),
        url(campus, "decline", pk=visit.pk),
        url(campus, "cancel", pk=visit.pk),
        url(campus, "check_in", pk=visit.pk),
        url(campus, "no_show", pk=visit.pk),
        url(campus, "slot_delete", pk=slot.pk),
    ]


# Who may come in


def test_anonymous_people_are_sent_to_login(client, campus, visit, slot):
    login = campus_reverse(campus, "people:login")
    for address in pages(campus, visit, slot) + posts(campus, visit, slot):
        response = client.post(address) if address in posts(campus, visit, slot) else client.get(address)
        assert response.status_code == 302, address
        assert response.url.startswith(login)
    assert fresh(visit).state == State.REQUESTED


@pytest.mark.parametrize("person", ["participant", "other_operator"])
def test_people_without_a_team_role_here_are_forbidden(client, campus, visit, slot, request, person):
    client.force_login(request.getfixturevalue(person))
    for address in pages(campus, visit, slot):
        assert client.get(address).status_code == 403, address
    for address in posts(campus, visit, slot):
        assert client.post(address, {"decline-note": "no"}).status_code == 403, address
    assert fresh(visit).state == State.REQUESTED
    assert mails(campus) == []


def test_another_campus_records_are_not_found(client, campus, operator, foreign_visit):
    client.force_login(operator)
    assert client.get(url(campus, "detail", pk=foreign_visit.pk)).status_code == 404
    assert client.get(url(campus, "slot_edit", pk=foreign_visit.slot_id)).status_code == 404
    assert client.post(url(campus, "cancel", pk=foreign_visit.pk)).status_code == 404
    assert client.post(url(campus, "slot_delete", pk=foreign_visit.slot_id)).status_code == 404
    assert "Busan Office" not in client.get(url(campus, "list")).content.decode()
    assert fresh(foreign_visit).state == State.CONFIRMED


# The list


def test_list_filters_by_state_kind_and_month_with_counts(client, campus, staff_member, visit, confirmed):
    in_english(client, staff_member)
    with scopes_disabled():
        VisitRequestFactory(campus=campus, institution="Seoul Science High", institution_kind="school")

    response = client.get(url(campus, "list"), {"state": "requested"})
    listed = {v.institution for v in response.context["visits"]}
    assert confirmed.institution not in listed
    assert visit.institution in listed
    assert "Requested (2)" in response.content.decode()

    response = client.get(url(campus, "list"), {"kind": "school"})
    assert [v.institution for v in response.context["visits"]] == ["Seoul Science High"]

    month = timezone.localtime(confirmed.slot.start).strftime("%Y-%m")
    response = client.get(url(campus, "list"), {"month": month, "state": "confirmed"})
    assert [v.pk for v in response.context["visits"]] == [confirmed.pk]

    response = client.get(url(campus, "list"), {"month": "2024-13"})
    assert "month" in response.context["filter_form"].errors


def test_list_costs_the_same_queries_with_one_or_three_requests(client, campus, staff_member, slot):
    client.force_login(staff_member)
    with scopes_disabled():
        VisitRequestFactory(campus=campus, state=State.CONFIRMED, slot=slot)
    with CaptureQueriesContext(connection) as one:
        assert client.get(url(campus, "list")).status_code == 200
    with scopes_disabled():
        VisitRequestFactory(campus=campus, state=State.CONFIRMED, slot=TourSlotFactory(campus=campus))
        VisitRequestFactory(campus=campus, institution_kind="school", country="JP")
    with CaptureQueriesContext(connection) as three:
        assert client.get(url(campus, "list")).status_code == 200
    assert len(one) == len(three)


def test_slot_list_costs_the_same_queries_with_one_or_three_tours(client, campus, staff_member, confirmed):
    client.force_login(staff_member)
    with CaptureQueriesContext(connection) as one:
        assert client.get(url(campus, "slots")).status_code == 200
    with scopes_disabled():
        TourSlotFactory(campus=campus, guide=staff_member)
        TourSlotFactory(campus=campus, guide=staff_member)
    with CaptureQueriesContext(connection) as three:
        response = client.get(url(campus, "slots"))
    assert len(one) == len(three)
    [booked] = [s for s in response.context["slots"] if s.pk == confirmed.slot_id]
    assert (booked.booked, booked.groups) == (10, 1)


# Decisions


def test_staff_confirm_a_visit_into_a_tour(client, campus, staff_member, visit, slot):
    in_english(client, staff_member)
    page = client.get(url(campus, "detail", pk=visit.pk))
    assert "confirm" in page.context["forms"]
    assert "check_in" not in page.context["forms"]

    response = client.post(
        url(campus, "confirm", pk=visit.pk), {"confirm-slot": slot.pk, "confirm-note": "Gate 2"}
    )

    assert response.status_code == 302
    visit = fresh(visit)
    assert (visit.state, visit.slot_id, visit.staff_note) == (State.CONFIRMED, slot.pk, "Gate 2")
    assert [mail.reason for mail in mails(campus)] == ["visit.confirmed"]


def test_an_overfull_tour_is_refused_with_a_clear_message(client, campus, staff_member, slot, confirmed):
    in_english(client, staff_member)
    with scopes_disabled():
        big = VisitRequestFactory(campus=campus, group_size=35)

    response = client.post(url(campus, "confirm", pk=big.pk), {"confirm-slot": slot.pk})

    assert response.status_code == 400
    text = " ".join(str(message) for message in response.context["messages"])
    assert "takes 40 visitors and 10 are already confirmed" in text
    assert response.context["forms"]["confirm"]["slot"].value() == str(slot.pk)
    assert fresh(big).state == State.REQUESTED


def test_a_past_or_foreign_slot_is_not_offered(client, campus, staff_member, visit, foreign_visit):
    client.force_login(staff_member)
    with scopes_disabled():
        past = TourSlotFactory(campus=campus, start=timezone.now() - timedelta(days=1))
    response = client.post(url(campus, "confirm", pk=visit.pk), {"confirm-slot": past.pk})
    assert response.status_code == 400
    assert "slot" in response.context["forms"]["confirm"].errors
    response = client.post(url(campus, "confirm", pk=visit.pk), {"confirm-slot": foreign_visit.slot_id})
    assert "slot" in response.context["forms"]["confirm"].errors


def test_staff_reschedule_decline_and_check_in(client, campus, staff_member, confirmed):
    client.force_login(staff_member)
    with scopes_disabled():
        later = TourSlotFactory(campus=campus, start=timezone.now() + timedelta(days=30))

    client.post(url(campus, "reschedule", pk=confirmed.pk), {"reschedule-slot": later.pk})
    assert fresh(confirmed).slot_id == later.pk

    response = client.post(url(campus, "check_in", pk=confirmed.pk), {"check_in-headcount": "0"})
    assert response.status_code == 400
    assert "headcount" in response.context["forms"]["check_in"].errors

    client.post(url(campus, "check_in", pk=confirmed.pk), {"check_in-headcount": "8"})
    visit = fresh(confirmed)
    assert (visit.state, visit.headcount) == (State.VISITED, 8)
    assert visit.checked_in_at is not None
    assert [mail.reason for mail in mails(campus)] == ["visit.rescheduled", "visit.thanks"]

    response = client.post(url(campus, "decline", pk=confirmed.pk), {"decline-note": "too late"})
    assert response.status_code == 400
    assert fresh(confirmed).state == State.VISITED


def test_decline_needs_a_reason(client, campus, staff_member, visit):
    client.force_login(staff_member)
    response = client.post(url(campus, "decline", pk=visit.pk), {"decline-note": ""})
    assert response.status_code == 400
    client.post(url(campus, "decline", pk=visit.pk), {"decline-note": "Fully booked in May."})
    assert fresh(visit).state == State.DECLINED
    assert fresh(visit).staff_note == "Fully booked in May."


def test_cancel_and_no_show(client, campus, staff_member, visit, confirmed):
    client.force_login(staff_member)
    client.post(url(campus, "cancel", pk=visit.pk), {"cancel-note": "They asked to cancel."})
    client.post(url(campus, "no_show", pk=confirmed.pk))
    assert fresh(visit).state == State.CANCELLED
    assert fresh(confirmed).state == State.NO_SHOW


def test_actions_answer_only_to_post(client, campus, staff_member, visit):
    client.force_login(staff_member)
    assert client.get(url(campus, "confirm", pk=visit.pk)).status_code == 405


def test_detail_shows_history_and_survey(client, campus, staff_member, confirmed):
    in_english(client, staff_member)
    client.post(url(campus, "check_in", pk=confirmed.pk), {"check_in-headcount": "9"})
    client.post(campus_reverse(campus, "visits:status", token=confirmed.token), {"rating": "4"})

    page = client.get(url(campus, "detail", pk=confirmed.pk)).content.decode()

    assert "visit.visited" in page
    assert "4 / 5" in page


# Reminders


def test_the_reminder_button_drafts_reminders(client, campus, staff_member, confirmed):
    in_english(client, staff_member)
    with scopes_disabled():
        TourSlot.objects.filter(pk=confirmed.slot_id).update(start=timezone.now() + timedelta(hours=20))

    response = client.post(url(campus, "reminders"), follow=True)

    assert "1 reminder drafted" in response.content.decode()
    assert fresh(confirmed).reminded_at is not None
    response = client.post(url(campus, "reminders"), follow=True)
    assert "No confirmed visit" in response.content.decode()


# Tour slots


def slot_answers(**changes):
    start = timezone.localtime() + timedelta(days=5)
    return {
        "start": start.strftime("%Y-%m-%dT10:00"),
        "end": start.strftime("%Y-%m-%dT11:30"),
        "capacity": "30",
        "language": "en",
        "guide": "",
        "note": "",
        **changes,
    }


def test_staff_create_a_tour_with_a_guide_of_the_team(client, campus, staff_member, participant):
    client.force_login(staff_member)
    form = client.get(url(campus, "slot_create")).context["form"]
    assert list(form.fields["guide"].queryset) == [staff_member]

    response = client.post(url(campus, "slot_create"), slot_answers(guide=participant.pk))
    assert response.status_code == 400
    assert "guide" in response.context["form"].errors

    response = client.post(url(campus, "slot_create"), slot_answers(guide=staff_member.pk))
    assert response.status_code == 302
    with scopes_disabled():
        slot = TourSlot.objects.get(campus=campus)
    assert (slot.capacity, slot.guide, slot.language) == (30, staff_member, "en")
    assert timezone.localtime(slot.start, campus.tz).hour == 10


def test_a_tour_must_end_after_it_starts(client, campus, staff_member):
    client.force_login(staff_member)
    start = (timezone.localtime() + timedelta(days=5)).strftime("%Y-%m-%dT10:00")
    response = client.post(url(campus, "slot_create"), slot_answers(end=start, start=start))
    assert response.status_code == 400
    assert "end" in response.context["form"].errors


def test_editing_capacity_below_confirmed_visitors_is_refused(client, campus, staff_member, confirmed):
    client.force_login(staff_member)
    slot = confirmed.slot
    start = timezone.localtime(slot.start).strftime("%Y-%m-%dT%H:%M")
    end = timezone.localtime(slot.end).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        url(campus, "slot_edit", pk=slot.pk), slot_answers(start=start, end=end, capacity="5")
    )
    assert response.status_code == 400
    assert "already confirmed" in str(response.context["form"].errors["capacity"])
    assert fresh(slot).capacity == 40


def test_a_tour_with_visits_is_not_deleted(client, campus, staff_member, confirmed, slot):
    client.force_login(staff_member)
    with scopes_disabled():
        empty = TourSlotFactory(campus=campus)
    client.post(url(campus, "slot_delete", pk=slot.pk))
    client.post(url(campus, "slot_delete", pk=empty.pk))
    with scopes_disabled():
        assert list(TourSlot.objects.filter(campus=campus)) == [slot]
