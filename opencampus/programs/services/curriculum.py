"""Changes to a cohort's curriculum: its sessions, their materials and the weekly slots it meets in."""

from django.db import transaction
from django.utils.translation import gettext as _

from opencampus.core.services.activity import log_activity

from ..models import Session, Timetable, TimetableEntry


class CurriculumError(Exception):
    """A curriculum change that cannot be made; ``field`` names the input it is about, if any."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message, self.field = message, field


def comes_before(session, candidates):
    """Sessions in ``candidates`` that (transitively) come after ``session``: they cannot precede it."""
    edges = Session.after.through.objects.filter(to_session__cohort_id=session.cohort_id)
    followers_of = {}
    for follower, predecessor in edges.values_list("from_session_id", "to_session_id"):
        followers_of.setdefault(predecessor, []).append(follower)
    followers, stack = set(), [session.pk]
    while stack:
        for follower in followers_of.get(stack.pop(), ()):
            if follower not in followers:
                followers.add(follower)
                stack.append(follower)
    return [candidate for candidate in candidates if candidate.pk in followers or candidate.pk == session.pk]


@transaction.atomic
def save_session(*, session, actor, instructors, features, after):
    if session.pk:
        looping = comes_before(session, after)
        if looping:
            raise CurriculumError(
                _("“%(session)s” already comes before this session; it cannot also come after it.")
                % {"session": looping[0].title},
                field="after",
            )
    created = session.pk is None
    session.save()
    session.instructors.set(instructors)
    session.features.set(features)
    session.after.set(after)
    log_activity(
        campus=session.campus,
        actor=actor,
        action="session.created" if created else "session.changed",
        subject=session,
    )
    return session


def in_published_timetable(session):
    return TimetableEntry.objects.filter(
        session=session, timetable__state__in=[Timetable.State.PUBLISHED, Timetable.State.SUPERSEDED]
    ).exists()


@transaction.atomic
def delete_session(*, session, actor):
    if in_published_timetable(session):
        raise CurriculumError(
            _("“%(session)s” is in a published timetable; it stays in the record.")
            % {"session": session.title}
        )
    log_activity(campus=session.campus, actor=actor, action="session.deleted", data={"title": session.title})
    session.delete()


def save_slot(*, slot, actor):
    overlapping = slot.cohort.slots.filter(
        weekday=slot.weekday, starts_at__lt=slot.ends_at, ends_at__gt=slot.starts_at
    ).exclude(pk=slot.pk)
    if overlapping.exists():
        raise CurriculumError(_("This slot overlaps another slot on the same day."), field="starts_at")
    slot.save()
    log_activity(campus=slot.campus, actor=actor, action="cohort.slot_saved", subject=slot.cohort)
    return slot


def remove_slot(*, slot, actor):
    log_activity(campus=slot.campus, actor=actor, action="cohort.slot_removed", subject=slot.cohort)
    slot.delete()


def add_material(*, material, actor):
    material.save()
    log_activity(
        campus=material.campus, actor=actor, action="session.material_added", subject=material.session
    )
    return material


def remove_material(*, material, actor):
    log_activity(
        campus=material.campus, actor=actor, action="session.material_removed", subject=material.session
    )
    material.file.delete(save=False)
    material.delete()
