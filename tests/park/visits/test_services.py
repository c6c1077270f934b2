from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from opencampus.core.models import ActivityLog
from opencampus.park.models import TourSlot, VisitRequest, VisitSurvey
from opencampus.park.services.visits import (
    VisitError,
    cancel_visit,
    check_in_visit,
    confirm_visit,
    decline_visit,
    delete_tour_slot,
    draft_visit_reminders,
    mark_no_show,
    request_visit,
    reschedule_visit,
    save_tour_slot,
    submit_survey,
)
from tests.factories import TourSlotFactory, VisitRequestFactory

from .helpers import fresh, mails

State = VisitRequest.State


def actions(visit):
    with scopes_disabled():
        return list(
            ActivityLog.objects.filter(object_id=str(visit.pk), action__startswith="visit.")
            .order_by("pk")
            .values_list("action", flat=True)
        )


def test_request_visit_saves_logs_and_drafts_the_receipt_in_the_request_language(campus):
    fields = {
        "institution": "Tokyo Metropolitan Government",
        "institution_kind": "overseas_body",
        "country": "JP",
        "contact_name": "Sato Aiko",
        "contact_email": "sato@example.jp",
        "group_size": 12,
        "language": "en",
        "preferred_dates": ["2031-05-02"],
    }
    with scope(campus=campus):
        visit = request_visit(campus=campus, fields=fields, base_url="https://park.example")

    assert visit.state == State.REQUESTED
    assert actions(visit) == ["visit.requested"]
    [mail] = mails(campus)
    assert (mail.to, mail.language, mail.state) == ("sato@example.jp", "en", "draft")
    assert "We received your visit request" in mail.subject
    assert f"https://park.example/c/seoul/visits/{visit.token}/" in mail.body


def test_confirm_places_the_group_and_drafts_the_confirmation(campus, visit, slot, staff_member):
    with scope(campus=campus):
        confirm_visit(visit=visit, slot=slot, actor=staff_member, note="Meet at gate 2")

    visit = fresh(visit)
    assert (visit.state, visit.slot_id, visit.staff_note) == (State.CONFIRMED, slot.pk, "Meet at gate 2")
    assert actions(visit) == ["visit.confirmed"]
    [mail] = mails(campus)
    assert mail.subject.startswith("Your visit to")
    assert "confirmed" in mail.subject
    assert "Meet at gate 2" in mail.body


def test_confirm_refuses_a_group_that_would_overfill_the_tour(campus, slot, confirmed, staff_member):
    with scopes_disabled():
        big = VisitRequestFactory(campus=campus, group_size=31)
    with scope(campus=campus), pytest.raises(VisitError, match="already confirmed"):
        confirm_visit(visit=big, slot=slot, actor=staff_member)

    assert fresh(big).state == State.REQUESTED
    assert mails(campus) == []


def test_confirm_fills_a_tour_exactly_to_capacity(campus, slot, confirmed, staff_member):
    with scopes_disabled():
        exact = VisitRequestFactory(campus=campus, group_size=30)
    with scope(campus=campus):
        confirm_visit(visit=exact, slot=slot, actor=staff_member)

    assert fresh(exact).state == State.CONFIRMED


def test_groups_that_left_a_tour_free_their_seats(campus, slot, confirmed, staff_member):
    with scope(campus=campus):
        cancel_visit(visit=confirmed, actor=staff_member)
        big = VisitRequestFactory(campus=campus, group_size=40)
        confirm_visit(visit=big, slot=slot, actor=staff_member)

    assert fresh(confirmed).slot is None
    assert fresh(big).state == State.CONFIRMED


def test_confirm_refuses_a_tour_that_has_started(campus, visit, staff_member):
    with scopes_disabled():
        started = TourSlotFactory(campus=campus, start=timezone.now() - timedelta(minutes=5))
    with scope(campus=campus), pytest.raises(VisitError, match="already started"):
        confirm_visit(visit=visit, slot=started, actor=staff_member)


def test_confirm_refuses_another_campus_tour(campus, other_campus, visit, staff_member):
    with scopes_disabled():
        foreign = TourSlotFactory(campus=other_campus)
    with scope(campus=campus), pytest.raises(VisitError, match="another campus"):
        confirm_visit(visit=visit, slot=foreign, actor=staff_member)


def test_reschedule_moves_the_group_checks_capacity_and_resets_the_reminder(campus, confirmed, staff_member):
    with scopes_disabled():
        small = TourSlotFactory(campus=campus, capacity=5)
        later = TourSlotFactory(campus=campus, capacity=10, start=timezone.now() + timedelta(days=20))
        VisitRequest.objects.filter(pk=confirmed.pk).update(reminded_at=timezone.now())
    confirmed.refresh_from_db()
    with scope(campus=campus):
        with pytest.raises(VisitError, match="does not fit"):
            reschedule_visit(visit=confirmed, slot=small, actor=staff_member)
        reschedule_visit(visit=confirmed, slot=later, actor=staff_member)

    visit = fresh(confirmed)
    assert (visit.state, visit.slot_id, visit.reminded_at) == (State.CONFIRMED, later.pk, None)
    assert actions(visit) == ["visit.rescheduled"]
    [mail] = mails(campus)
    assert (mail.reason, mail.language) == ("visit.rescheduled", "ko")


def test_reschedule_only_moves_confirmed_visits(campus, visit, slot, staff_member):
    with scope(campus=campus), pytest.raises(VisitError):
        reschedule_visit(visit=visit, slot=slot, actor=staff_member)


def test_decline_needs_a_note_and_drafts_it_to_the_contact(campus, visit, staff_member):
    with scope(campus=campus):
        with pytest.raises(VisitError, match="why"):
            decline_visit(visit=visit, actor=staff_member, note="  ")
        decline_visit(visit=visit, actor=staff_member, note="We are closed for renovation in May.")

    assert fresh(visit).state == State.DECLINED
    [mail] = mails(campus)
    assert "closed for renovation" in mail.body


def test_check_in_records_the_headcount_and_drafts_the_survey_link(campus, confirmed, staff_member):
    moment = timezone.now()
    with scope(campus=campus):
        check_in_visit(
            visit=confirmed, headcount=9, actor=staff_member, base_url="https://x.example", now=moment
        )

    visit = fresh(confirmed)
    assert (visit.state, visit.headcount, visit.checked_in_at) == (State.VISITED, 9, moment)
    [mail] = mails(campus)
    assert f"https://x.example/c/seoul/visits/{visit.token}/" in mail.body


def test_check_in_needs_at_least_one_visitor(campus, confirmed, staff_member):
    with scope(campus=campus), pytest.raises(VisitError):
        check_in_visit(visit=confirmed, headcount=0, actor=staff_member)


def test_a_late_group_marked_as_not_come_can_still_check_in(campus, confirmed, staff_member):
    with scope(campus=campus):
        mark_no_show(visit=confirmed, actor=staff_member)
        assert fresh(confirmed).state == State.NO_SHOW
        check_in_visit(visit=confirmed, headcount=10, actor=staff_member)

    assert fresh(confirmed).state == State.VISITED


@pytest.mark.parametrize("state", [State.DECLINED, State.CANCELLED, State.VISITED])
def test_finished_visits_cannot_change(campus, slot, staff_member, state):
    with scopes_disabled():
        visit = VisitRequestFactory(campus=campus, state=state, slot=slot if state == State.VISITED else None)
    with scope(campus=campus), pytest.raises(VisitError):
        cancel_visit(visit=visit, actor=staff_member)
    with scope(campus=campus), pytest.raises(VisitError):
        mark_no_show(visit=visit, actor=staff_member)


def test_requested_visits_cannot_be_checked_in(campus, visit, staff_member):
    with scope(campus=campus), pytest.raises(VisitError, match="cannot become"):
        check_in_visit(visit=visit, headcount=3, actor=staff_member)


# Reminders


def test_reminders_go_once_to_confirmed_visits_of_the_next_two_days(campus, staff_member):
    now = timezone.now()
    with scopes_disabled():
        soon = TourSlotFactory(campus=campus, start=now + timedelta(days=1))
        later = TourSlotFactory(campus=campus, start=now + timedelta(days=3))
        due = VisitRequestFactory(campus=campus, state=State.CONFIRMED, slot=soon, language="en")
        VisitRequestFactory(campus=campus, state=State.CONFIRMED, slot=later)
        VisitRequestFactory(campus=campus, state=State.REQUESTED)
        VisitRequestFactory(
            campus=campus, state=State.CONFIRMED, slot=soon, reminded_at=now - timedelta(hours=1)
        )

    with scope(campus=campus):
        assert draft_visit_reminders(campus=campus, now=now) == 1
        assert draft_visit_reminders(campus=campus, now=now) == 0

    assert fresh(due).reminded_at == now
    [mail] = mails(campus)
    assert mail.to == due.contact_email
    assert mail.subject.startswith("Reminder")


def test_reminders_leave_other_campuses_alone(campus, other_campus, foreign_visit):
    now = timezone.now()
    with scopes_disabled():
        TourSlot.objects.filter(pk=foreign_visit.slot_id).update(start=now + timedelta(hours=5))
    with scope(campus=campus):
        assert draft_visit_reminders(campus=campus, now=now) == 0
    assert fresh(foreign_visit).reminded_at is None


def test_the_reminder_command_covers_every_campus(campus, other_campus, foreign_visit, confirmed, capsys):
    now = timezone.now()
    with scopes_disabled():
        TourSlot.objects.filter(pk__in=[foreign_visit.slot_id, confirmed.slot_id]).update(
            start=now + timedelta(hours=5), end=now + timedelta(hours=6)
        )

    call_command("send_visit_reminders", "--base-url", "https://park.example")

    assert fresh(foreign_visit).reminded_at is not None
    assert fresh(confirmed).reminded_at is not None
    assert "2 visit reminders drafted." in capsys.readouterr().out
    assert len(mails(campus)) == len(mails(other_campus)) == 1
    assert "https://park.example/c/seoul/visits/" in mails(campus)[0].body


# Survey


def test_the_survey_is_answered_once_after_the_visit(campus, confirmed, staff_member):
    with scope(campus=campus):
        with pytest.raises(VisitError):
            submit_survey(visit=confirmed, rating=5)
        check_in_visit(visit=confirmed, headcount=10, actor=staff_member)
        submit_survey(visit=confirmed, rating=4, most_useful="The Fab Lab", would_recommend=True)
        with pytest.raises(VisitError):
            submit_survey(visit=confirmed, rating=1)

    with scopes_disabled():
        assert VisitSurvey.objects.get(visit=confirmed).rating == 4


# Tour slots


def test_slot_capacity_cannot_drop_below_the_confirmed_visitors(campus, slot, confirmed, staff_member):
    slot.capacity = 9
    with scope(campus=campus), pytest.raises(VisitError, match="10 visitors"):
        save_tour_slot(slot=slot, actor=staff_member)
    slot.capacity = 10
    with scope(campus=campus):
        save_tour_slot(slot=slot, actor=staff_member)
    assert fresh(slot).capacity == 10


def test_a_slot_with_visits_cannot_be_deleted(campus, slot, confirmed, staff_member):
    with scope(campus=campus), pytest.raises(VisitError):
        delete_tour_slot(slot=slot, actor=staff_member)
    with scope(campus=campus):
        cancel_visit(visit=confirmed, actor=staff_member)
        delete_tour_slot(slot=slot, actor=staff_member)
    with scopes_disabled():
        assert not TourSlot.objects.filter(pk=slot.pk).exists()
