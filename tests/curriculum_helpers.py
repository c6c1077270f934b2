"""Build cohorts whose sessions have been held, for tests of attendance, completion and certificates.

Everything is created through the real models; the times are in the past unless told otherwise.
"""

from datetime import date, timedelta

from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.programs.models import (
    Attendance,
    Cohort,
    Participant,
    Session,
    Timetable,
    TimetableEntry,
    Track,
)

MONDAY = date(2030, 3, 4)  # far enough ahead that every session planned from it is still to come


def make_cohort(campus, *, slug="pilot", size=30, starts_on=None, **fields):
    starts_on = starts_on or date.today() - timedelta(weeks=17)
    with scopes_disabled():
        track, _created = Track.objects.get_or_create(
            campus=campus,
            slug="top-innovators",
            defaults={
                "kind": Track.Kind.TOP_INNOVATOR,
                "name_ko": "탑 혁신가 과정",
                "name_en": "Top innovators",
            },
        )
        return Cohort.objects.create(
            campus=campus,
            track=track,
            slug=slug,
            name_ko=fields.pop("name_ko", "2020 시범 과정"),
            name_en=fields.pop("name_en", "2020 pilot"),
            starts_on=starts_on,
            ends_on=fields.pop("ends_on", starts_on + timedelta(weeks=16)),
            size=size,
            **fields,
        )


def published_timetable(cohort):
    with scopes_disabled():
        timetable = cohort.timetables.filter(state=Timetable.State.PUBLISHED).first()
        if timetable is None:
            number = cohort.timetables.count() + 1
            timetable = Timetable.objects.create(
                campus=cohort.campus,
                cohort=cohort,
                number=number,
                state=Timetable.State.PUBLISHED,
                solver_status="optimal",
                published_at=timezone.now(),
            )
        return timetable


def held_session(cohort, *, kind=Session.Kind.LECTURE, starts_at=None, minutes=180, title="Session"):
    """A session of ``cohort`` placed in its published timetable, by default ended a week ago."""
    starts_at = starts_at or timezone.now() - timedelta(days=7)
    with scopes_disabled():
        session = Session.objects.create(
            campus=cohort.campus, cohort=cohort, kind=kind, title_en=title, duration_minutes=minutes
        )
        TimetableEntry.objects.create(
            campus=cohort.campus,
            timetable=published_timetable(cohort),
            session=session,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(minutes=minutes),
            week=1,
        )
    return session


def join(cohort, user, *, joined_on=None, source=Participant.Source.CALL):
    with scopes_disabled():
        return Participant.objects.create(
            campus=cohort.campus,
            cohort=cohort,
            user=user,
            source=source,
            joined_on=joined_on or cohort.starts_on,
        )


def mark(session, participant, state=Attendance.State.PRESENT, *, presented=False, reason=""):
    with scopes_disabled():
        return Attendance.objects.update_or_create(
            session=session,
            participant=participant,
            defaults={
                "campus": session.campus,
                "state": state,
                "presented": presented,
                "reason": reason,
                "via": Attendance.Via.STAFF,
                "marked_at": timezone.now(),
            },
        )[0]


def completed_participant(cohort, user):
    """``user`` joins ``cohort`` and completes it: a lecture and a presentation held, both attended."""
    participant = join(cohort, user)
    lecture = held_session(cohort, title="Lecture", starts_at=timezone.now() - timedelta(days=14))
    presentation = held_session(cohort, kind=Session.Kind.PRESENTATION, title="Results")
    mark(lecture, participant)
    mark(presentation, participant, presented=True)
    return participant
