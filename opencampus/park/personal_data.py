"""The park's part of a person's data download and of an account's deletion."""

from django.db.models import Q
from django.utils import timezone

from .models import Booking, Occurrence, SpaceClaim, TrainingRecord, VisitRequest

ACTIVE = (Occurrence.State.PENDING, Occurrence.State.CONFIRMED)


def _iso(value):
    return value.isoformat() if value is not None else None


def collect(sender, *, user, **kwargs):
    bookings = (
        Booking.objects.filter(booked_by=user)
        .select_related("campus", "space", "organisation")
        .prefetch_related("occurrences")
        .order_by("pk")
    )
    return {
        "bookings": [
            {
                "campus": booking.campus.slug,
                "space": booking.space.slug,
                "kind": booking.kind,
                "state": booking.state,
                "title": booking.title,
                "purpose": booking.purpose,
                "attendees": booking.attendees,
                "organisation": booking.organisation.slug if booking.organisation else None,
                "dates": [
                    {"start": _iso(date.start), "end": _iso(date.end), "state": date.state}
                    for date in booking.occurrences.all()
                ],
            }
            for booking in bookings
        ],
        "trainings": [
            {
                "campus": record.campus.slug,
                "training": record.training.slug,
                "completed_on": record.completed_on.isoformat(),
                "expires_on": record.expires_on.isoformat(),
            }
            for record in TrainingRecord.objects.filter(user=user).select_related("campus", "training")
        ],
        "visit_requests": [
            {
                "campus": visit.campus.slug,
                "institution": visit.institution,
                "contact_name": visit.contact_name,
                "contact_email": visit.contact_email,
                "contact_phone": visit.contact_phone,
                "group_size": visit.group_size,
                "state": visit.state,
                "created": _iso(visit.created),
            }
            for visit in VisitRequest.objects.filter(requested_by=user).select_related("campus")
        ],
    }


def erase(sender, *, user, email, **kwargs):
    """Free the person's future bookings, drop their trainings, and blank their visit contacts.

    Past bookings stay (a space's history and the organisations' quotas count them) under the
    anonymised account, without their free-text purpose.
    """
    future = Occurrence.objects.filter(booking__booked_by=user, state__in=ACTIVE, start__gt=timezone.now())
    SpaceClaim.objects.filter(occurrence__in=future).delete()
    future.update(state=Occurrence.State.CANCELLED)
    mine = Booking.objects.filter(booked_by=user)
    mine.exclude(occurrences__state__in=ACTIVE).update(state=Booking.State.CANCELLED)
    mine.update(purpose="")
    TrainingRecord.objects.filter(user=user).delete()
    VisitRequest.objects.filter(Q(requested_by=user) | Q(contact_email__iexact=email)).update(
        requested_by=None, contact_name="", contact_email=user.email, contact_phone=""
    )
