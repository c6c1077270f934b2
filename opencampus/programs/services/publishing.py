"""Publish a timetable version: book its rooms in the park, invite its instructors, announce it.

Publishing is one transaction: either every room is booked through the park's booking service
(with its no-double-booking guarantee) and the version becomes the published one, or nothing
changes. Sessions whose place is unchanged keep their booking; moved and removed ones give
theirs back first, so two sessions may swap rooms. An instructor is never engaged in two
sessions at once: publishing refuses a version that overlaps their sessions in other cohorts.
"""

from collections import defaultdict

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from opencampus.core.links import campus_reverse
from opencampus.core.services.activity import log_activity
from opencampus.core.services.outbox import draft_mail
from opencampus.park.models import Booking
from opencampus.park.services.bookings import BookingError, cancel_booking, request_booking
from opencampus.people.models import User

from ..models import Cohort, Engagement, Participant, Timetable, TimetableEntry
from .teaching import engaged_elsewhere, teaching_days
from .timetable_diff import Change, diff_timetables, placed_entries, same_place

DEFAULT_BASE_URL = "http://127.0.0.1:8000"


class PublishError(Exception):
    """Why a timetable version cannot be published; the text is for staff."""


@transaction.atomic
def publish_timetable(*, timetable, actor, base_url=DEFAULT_BASE_URL, now=None):
    """Make ``timetable`` the cohort's published version; returns the list of changes announced."""
    now = now or timezone.now()
    cohort = (
        Cohort.objects.select_for_update(of=("self",)).select_related("campus").get(pk=timetable.cohort_id)
    )
    timetable = Timetable.objects.select_for_update().get(pk=timetable.pk)
    if timetable.state != Timetable.State.DRAFT:
        raise PublishError(_("Only a draft can be published; this version is already frozen."))
    unplaced = [entry.session.title for entry in timetable.entries.filter(starts_at__isnull=True)]
    if unplaced:
        raise PublishError(
            _("Some sessions have no place yet: %(sessions)s. Change the curriculum and plan again.")
            % {"sessions": ", ".join(unplaced)}
        )
    current = cohort.timetables.filter(state=Timetable.State.PUBLISHED).first()
    changes = diff_timetables(current, timetable)
    _refuse_rewriting_the_past(changes, now)
    _refuse_double_engagements(cohort, timetable, changes, now)
    _rebook(cohort, current, timetable, actor, now)
    if current is not None:
        current.state = Timetable.State.SUPERSEDED
        current.save(update_fields=["state"])
    timetable.state = Timetable.State.PUBLISHED
    timetable.published_at, timetable.published_by = now, actor
    timetable.save(update_fields=["state", "published_at", "published_by"])
    invited = _sync_engagements(timetable, changes)
    log_activity(
        campus=cohort.campus,
        actor=actor,
        action="timetable.published",
        subject=timetable,
        data={"version": timetable.number, "changes": len(changes)},
    )
    _announce(cohort, timetable, changes, invited, first=current is None, base_url=base_url)
    return changes


def _refuse_rewriting_the_past(changes, now):
    past = [
        change.session.title
        for change in changes
        if (change.before and change.before.starts_at <= now)
        or (change.after and change.after.starts_at <= now)
    ]
    if past:
        raise PublishError(
            _("These sessions have begun or are in the past and cannot change: %(sessions)s.")
            % {"sessions": ", ".join(past)}
        )


def _refuse_double_engagements(cohort, timetable, changes, now):
    """An instructor this version engages must not be engaged elsewhere at the same time (another
    cohort may have published since this version was planned). Sessions begun are history."""
    moved = {change.session.pk for change in changes if change.kind == Change.MOVED}
    entries = list(
        timetable.entries.filter(starts_at__gt=now)
        .select_related("session")
        .prefetch_related("session__instructors")
    )
    declined = set(
        Engagement.objects.filter(
            session__in=[entry.session_id for entry in entries], state=Engagement.State.DECLINED
        ).values_list("session_id", "instructor_id")
    )
    ours = defaultdict(list)
    for entry in entries:
        for person in entry.session.instructors.all():
            # A declined engagement stays declined unless its session moves (then it is asked again).
            if (entry.session_id, person.pk) not in declined or entry.session_id in moved:
                ours[person.pk].append(entry)
    if not ours:
        return
    # Their rows locked in a fixed order, two cohorts published at once cannot both take the same hours.
    people = list(
        User.objects.select_for_update().filter(pk__in=ours).order_by("pk").values_list("pk", flat=True)
    )
    start = min(entry.starts_at for entry in entries)
    end = max(times[1] for entry in entries for times in teaching_days(entry))
    clashes = [
        _clash_text(cohort, person, entry, theirs)
        for person, theirs in engaged_elsewhere(cohort=cohort, people=people, start=start, end=end)
        for entry in ours[person]
        if _overlap(entry, theirs)
    ]
    if clashes:
        raise PublishError(
            _("An instructor cannot teach two sessions at once. %(clashes)s Plan again to find other times.")
            % {"clashes": " ".join(clashes)}
        )


def _overlap(entry, other):
    return any(
        start < other_end and other_start < end
        for start, end in teaching_days(entry)
        for other_start, other_end in teaching_days(other)
    )


def _when(entry, tz):
    start, end = timezone.localtime(entry.starts_at, tz), timezone.localtime(entry.ends_at, tz)
    text = f"{formats.date_format(start, 'Y-m-d H:i')}\N{EN DASH}{formats.time_format(end, 'H:i')}"
    if entry.days > 1:
        text += " " + ngettext("(%(days)d day)", "(%(days)d days)", entry.days) % {"days": entry.days}
    return text


def _clash_text(cohort, person, entry, other):
    instructor = next(user for user in entry.session.instructors.all() if user.pk == person)
    return _(
        "%(person)s teaches “%(other)s” of %(cohort)s at %(other_time)s, which overlaps “%(session)s” at "
        "%(time)s."
    ) % {
        "person": instructor,
        "other": other.session.title,
        "cohort": other.session.cohort.name,
        "other_time": _when(other, cohort.campus.tz),
        "session": entry.session.title,
        "time": _when(entry, cohort.campus.tz),
    }


def _rebook(cohort, current, timetable, actor, now):
    old, new = placed_entries(current), placed_entries(timetable)
    for session_id, before in old.items():
        after = new.get(session_id)
        if before.booking_id and (after is None or not same_place(before, after)):
            _give_back(before.booking, actor, now)
    entries = list(new.values())
    for entry in entries:
        before = old.get(entry.session_id)
        if before is not None and same_place(before, entry):
            entry.booking_id = before.booking_id
        elif entry.room_id is not None:
            entry.booking = _book(cohort, entry, actor, now)
    TimetableEntry.objects.bulk_update(entries, ["booking"])


def _give_back(booking, actor, now):
    if booking.state in (Booking.State.CONFIRMED, Booking.State.PENDING):
        cancel_booking(booking=booking, actor=actor, now=now)


def _book(cohort, entry, actor, now):
    recurrence = {}
    if entry.days > 1:
        recurrence = {"frequency": Booking.Frequency.DAILY, "count": entry.days}
    try:
        return request_booking(
            space=entry.room,
            actor=actor,
            title=f"{cohort.name} · {entry.session.title}"[:200],
            purpose=entry.session.get_kind_display(),
            start=entry.starts_at,
            end=entry.ends_at,
            attendees=cohort.size,
            now=now,
            **recurrence,
        ).booking
    except BookingError as error:
        raise PublishError(
            _("“%(session)s” cannot be booked in “%(room)s”: %(problem)s Plan again to find another place.")
            % {"session": entry.session.title, "room": entry.room.name, "problem": error}
        ) from error


def _sync_engagements(timetable, changes):
    """One engagement per instructor and session; a moved session asks its instructors again."""
    moved = {change.session.pk for change in changes if change.kind == Change.MOVED}
    invited = []
    for entry in placed_entries(timetable).values():
        instructors = list(entry.session.instructors.all())
        Engagement.objects.filter(session=entry.session).exclude(instructor__in=instructors).exclude(
            state=Engagement.State.DELIVERED
        ).delete()
        for instructor in instructors:
            engagement, created = Engagement.objects.get_or_create(
                session=entry.session, instructor=instructor, defaults={"campus": timetable.campus}
            )
            if not created and entry.session_id in moved and engagement.state != Engagement.State.INVITED:
                engagement.state = Engagement.State.INVITED
                engagement.save(update_fields=["state", "updated"])
            if created or entry.session_id in moved:
                invited.append((instructor, entry))
    return invited


def _announce(cohort, timetable, changes, invited, *, first, base_url):
    if not changes and not invited:
        return
    home = base_url.rstrip("/") + campus_reverse(cohort.campus, "participation:home")
    teaching = base_url.rstrip("/") + campus_reverse(cohort.campus, "participation:teaching")
    with timezone.override(cohort.campus.tz):
        for participant in Participant.objects.filter(
            cohort=cohort, state=Participant.State.ACTIVE
        ).select_related("user"):
            _mail(
                cohort,
                participant.user,
                "timetable_published" if first else "timetable_changed",
                {"timetable": timetable, "changes": changes, "link": home},
            )
        by_instructor = {}
        for instructor, entry in invited:
            by_instructor.setdefault(instructor, []).append(entry)
        for instructor, entries in by_instructor.items():
            _mail(cohort, instructor, "teaching_invitation", {"entries": entries, "link": teaching})


def _mail(cohort, user, template, context):
    if not user.email:
        return
    draft_mail(
        campus=cohort.campus,
        to=user.email,
        recipient=user,
        template=f"programs/mail/{template}.txt",
        context={"cohort": cohort, "person": user, **context},
        language=user.preferred_language,
        reason=f"programs.{template}",
    )
