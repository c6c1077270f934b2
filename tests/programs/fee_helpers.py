"""Sessions held in a published timetable, instructors engaged in them, and their delivery."""

from datetime import timedelta

from django.utils import timezone
from django_scopes import scope, scopes_disabled

from opencampus.programs.models import Engagement, FeeRecord, Session
from opencampus.programs.services.teaching import record_delivery
from tests.curriculum_helpers import held_session


def engaged(
    cohort, person, *, days=1, kind=Session.Kind.LECTURE, title="Lecture", state="confirmed", **fields
):
    """``person`` engaged (confirmed by default) in a session of ``cohort`` that was held last week."""
    session = held_session(cohort, kind=kind, title=title, starts_at=timezone.now() - timedelta(days=10))
    with scopes_disabled():
        Session.objects.filter(pk=session.pk).update(days=days)
        session.entries.update(days=days)
        session.refresh_from_db()
        session.instructors.add(person)
        return Engagement.objects.create(
            campus=cohort.campus, session=session, instructor=person, state=state, **fields
        )


def deliver(engagement, actor):
    with scope(campus=engagement.campus):
        record_delivery(session=engagement.session, actor=actor)
    with scopes_disabled():
        return FeeRecord.objects.filter(engagement=engagement).first()


def fee_record(cohort, person, actor, **options):
    """A due fee record: ``person`` delivered a session of ``cohort``."""
    return deliver(engaged(cohort, person, **options), actor)
