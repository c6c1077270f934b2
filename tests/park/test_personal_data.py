"""The park's records join a person's data download, and leave with the account."""

from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.park.models import Booking, Occurrence, SpaceClaim, TrainingRecord, VisitRequest
from opencampus.park.services.bookings import request_booking
from opencampus.people.services.personal_data import delete_account, export_personal_data
from tests.factories import SpaceFactory, TrainingRecordFactory, VisitRequestFactory


@pytest.fixture
def person_with_park_records(campus, participant):
    with scopes_disabled():
        room = SpaceFactory(campus=campus, slug="seminar")
        start = datetime.combine(timezone.localdate() + timedelta(days=3), time(10), campus.tz)
        request_booking(
            space=room,
            actor=participant,
            title="Study group",
            purpose="Our reading list",
            start=start,
            end=start + timedelta(hours=1),
        )
        TrainingRecordFactory(training__campus=campus, user=participant, completed_on=date(2026, 1, 5))
        VisitRequestFactory(
            campus=campus, requested_by=participant, contact_name="Kim", contact_email=participant.email
        )
    return participant


def test_the_download_holds_bookings_trainings_and_visit_requests(person_with_park_records):
    data = export_personal_data(user=person_with_park_records)

    assert data["bookings"][0]["title"] == "Study group"
    assert data["bookings"][0]["dates"][0]["state"] == "confirmed"
    assert data["trainings"][0]["completed_on"] == "2026-01-05"
    assert data["visit_requests"][0]["contact_name"] == "Kim"


def test_deleting_the_account_frees_future_bookings_and_forgets_the_rest(campus, person_with_park_records):
    person = person_with_park_records
    email = person.email

    delete_account(user=person, campus=campus)

    with scopes_disabled():
        booking = Booking.objects.get(title="Study group")
        assert booking.state == Booking.State.CANCELLED
        assert booking.purpose == ""
        assert booking.occurrences.get().state == Occurrence.State.CANCELLED
        assert not SpaceClaim.objects.exists()
        assert not TrainingRecord.objects.exists()
        visit = VisitRequest.objects.get()
        assert (visit.contact_name, visit.requested_by) == ("", None)
        assert visit.contact_email != email
