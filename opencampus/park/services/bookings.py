"""Booking a space: plan, request, block, approve, decline, cancel and move.

Every change runs in one transaction: the rules and conflicts are checked, then the
confirmed dates claim their spaces. On PostgreSQL the exclusion constraint on claims
turns a race lost to another request into ``BookingError``; on SQLite the IMMEDIATE
transaction (settings) serialises check-and-insert.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db import IntegrityError, OperationalError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opencampus.core.services.activity import log_activity
from opencampus.core.services.outbox import draft_mail
from opencampus.people.rules import is_campus_team

from ..models import Booking, Occurrence, Residency, SpaceClaim
from .booking_rules import booking_problems
from .conflicts import find_conflicts
from .recurrence import RecurrenceError, expand
from .tree import space_tree

Frequency = Booking.Frequency
DEADLOCK_DETECTED = "40P01"  # PostgreSQL's SQLSTATE


class BookingError(Exception):
    """A booking change that cannot be made; ``problems`` are sentences for people."""

    def __init__(self, problems, conflicts=()):
        self.problems = list(problems)
        self.conflicts = list(conflicts)
        super().__init__(" ".join(self.problems))


@dataclass
class BookingPlan:
    """What a request would do, before anything is saved: its dates, broken rules and conflicts."""

    dates: list
    problems: list
    conflicts: list = field(default_factory=list)

    @property
    def hard_conflicts(self):
        return [conflict for conflict in self.conflicts if conflict.hard]

    @property
    def soft_conflicts(self):
        return [conflict for conflict in self.conflicts if not conflict.hard]

    @property
    def colliding_dates(self):
        return {(conflict.start, conflict.end) for conflict in self.hard_conflicts}


@dataclass
class BookingResult:
    booking: Booking
    skipped: list
    soft_conflicts: list


def plan_booking(
    *,
    space,
    actor,
    start,
    end,
    attendees=1,
    organisation=None,
    frequency=Frequency.ONCE,
    interval=1,
    weekdays=(),
    until=None,
    count=None,
    is_blocking=False,
    now=None,
    tree=None,
):
    if end <= start:
        return BookingPlan([], [_("The end must come after the start.")])
    try:
        dates = expand(
            start=start,
            end=end,
            tz=space.campus.tz,
            frequency=frequency,
            interval=interval,
            weekdays=weekdays,
            until=until,
            count=count,
        )
    except RecurrenceError as error:
        return BookingPlan([], [str(error)])
    tree = tree or space_tree(space.campus)
    problems = booking_problems(
        space=space,
        actor=actor,
        intervals=dates,
        attendees=attendees,
        organisation=organisation,
        tree=tree,
        now=now,
        is_blocking=is_blocking,
    )
    return BookingPlan(dates, problems, find_conflicts(space=space, intervals=dates, tree=tree))


def _refuse_conflicts(conflicts):
    raise BookingError([conflict.describe() for conflict in conflicts], conflicts)


def _claim(occurrences, tree):
    """Hold each confirmed occurrence's space and the spaces inside it."""
    if not occurrences:
        return
    claims = [
        SpaceClaim(
            campus_id=occurrence.campus_id,
            occurrence=occurrence,
            space_id=space_id,
            start=occurrence.start,
            end=occurrence.end,
        )
        for occurrence in occurrences
        for space_id in tree.claimed_by(occurrence.space_id)
    ]
    if not _insert_claims(claims):
        space = occurrences[0].space
        conflicts = find_conflicts(
            space=space,
            intervals=[(occurrence.start, occurrence.end) for occurrence in occurrences],
            tree=tree,
            exclude_occurrences=[occurrence.pk for occurrence in occurrences],
        )
        raise BookingError(
            [_("Someone else booked one of these times a moment ago.")]
            + [conflict.describe() for conflict in conflicts if conflict.hard],
            conflicts,
        ) from None


def _insert_claims(claims):
    """Whether the claims went in; False when another booking holds one of those times.

    PostgreSQL checks an exclusion constraint after inserting the row, so two requests inserting
    overlapping claims at the same moment can each wait for the other: it then aborts one of them
    as a deadlock, which loses the race just as a constraint violation does.
    """
    try:
        with transaction.atomic():
            SpaceClaim.objects.bulk_create(claims)
    except IntegrityError:
        return False
    except OperationalError as error:
        if getattr(error.__cause__, "sqlstate", None) != DEADLOCK_DETECTED:
            raise
        return False
    return True


def _release(occurrences):
    SpaceClaim.objects.filter(occurrence__in=occurrences).delete()


def _lock_quota(organisation):
    """Two members booking at once must not both fit into the last free hours."""
    if organisation is not None:
        list(Residency.objects.select_for_update().filter(organisation=organisation))


@transaction.atomic
def request_booking(
    *,
    space,
    actor,
    title,
    start,
    end,
    attendees=1,
    purpose="",
    organisation=None,
    frequency=Frequency.ONCE,
    interval=1,
    weekdays=(),
    until=None,
    count=None,
    skip_conflicts=False,
    is_blocking=False,
    now=None,
):
    """Book ``space``; a series may ``skip_conflicts`` and keep the colliding dates as skipped.

    The booking is confirmed at once unless the space needs approval and ``actor`` is not
    on the campus team. Raises ``BookingError`` with every problem found.
    """
    _lock_quota(organisation)
    tree = space_tree(space.campus)
    plan = plan_booking(
        space=space,
        actor=actor,
        start=start,
        end=end,
        attendees=attendees,
        organisation=organisation,
        frequency=frequency,
        interval=interval,
        weekdays=weekdays,
        until=until,
        count=count,
        is_blocking=is_blocking,
        now=now,
        tree=tree,
    )
    if plan.problems:
        raise BookingError(plan.problems)
    colliding = plan.colliding_dates
    if colliding and not (skip_conflicts and frequency != Frequency.ONCE):
        _refuse_conflicts(plan.hard_conflicts)
    if len(colliding) == len(plan.dates):
        raise BookingError(
            [_("Every date of the series collides with another booking.")], plan.hard_conflicts
        )
    team = is_campus_team(actor, space.campus)
    confirmed = is_blocking or team or not space.requires_approval
    state = Booking.State.CONFIRMED if confirmed else Booking.State.PENDING
    booking = Booking.objects.create(
        campus=space.campus,
        space=space,
        kind=Booking.Kind.BLOCKING if is_blocking else Booking.Kind.BOOKING,
        state=state,
        booked_by=actor,
        organisation=organisation,
        title=title,
        purpose=purpose,
        attendees=attendees,
        start=start,
        end=end,
        frequency=frequency,
        interval=interval,
        weekdays=",".join(str(day) for day in weekdays),
        until=until,
        count=count,
        decided_by=actor if confirmed else None,
        decided_at=timezone.now() if confirmed else None,
    )
    occurrences = Occurrence.objects.bulk_create(
        Occurrence(
            campus=space.campus,
            booking=booking,
            space=space,
            start=date_start,
            end=date_end,
            state=Occurrence.State.SKIPPED if (date_start, date_end) in colliding else state,
        )
        for date_start, date_end in plan.dates
    )
    if confirmed:
        _claim(
            [occurrence for occurrence in occurrences if occurrence.state == Occurrence.State.CONFIRMED], tree
        )
    skipped = [occurrence for occurrence in occurrences if occurrence.state == Occurrence.State.SKIPPED]
    log_activity(
        campus=space.campus,
        actor=actor,
        action="space.blocked" if is_blocking else f"booking.{state}",
        subject=booking,
        data={"space": space.slug, "dates": len(occurrences), "skipped": len(skipped)},
    )
    return BookingResult(booking, skipped, plan.soft_conflicts)


def block_space(*, space, actor, title, start, end, purpose="", skip_conflicts=False, **recurrence):
    """Keep ``space`` free (maintenance, a campus event): the team's confirmed, rule-free booking."""
    if not is_campus_team(actor, space.campus):
        raise BookingError([_("Only the campus team can block a space.")])
    return request_booking(
        space=space,
        actor=actor,
        title=title,
        start=start,
        end=end,
        purpose=purpose,
        skip_conflicts=skip_conflicts,
        is_blocking=True,
        **recurrence,
    )


def _mail_booker(booking, template, *, link="", occurrences=()):
    booker = booking.booked_by
    if booker is None or not booker.email:
        return
    draft_mail(
        campus=booking.campus,
        to=booker.email,
        recipient=booker,
        template=f"park/mail/{template}.txt",
        context={"booking": booking, "space": booking.space, "occurrences": occurrences, "link": link},
        language=booker.preferred_language,
        reason=f"booking.{template}",
    )


def _locked_pending(bookings):
    return list(
        Booking.objects.select_for_update(of=("self",))
        .select_related("space__campus", "campus", "booked_by")
        .filter(pk__in=[booking.pk for booking in bookings], state=Booking.State.PENDING)
        .order_by("start", "pk")
    )


@transaction.atomic
def approve_bookings(*, bookings, actor, note="", skip_conflicts=False, link=""):
    """Confirm pending requests; returns ``(approved, refused)``, refused as (booking, problems) pairs.

    A request whose dates now collide with a confirmed booking is refused unless
    ``skip_conflicts``, which confirms the free dates and marks the others skipped.
    """
    approved, refused, trees = [], [], {}
    for booking in _locked_pending(bookings):
        if booking.campus_id not in trees:
            trees[booking.campus_id] = space_tree(booking.campus)
        try:
            with transaction.atomic():
                approved.append(
                    _approve(booking, trees[booking.campus_id], actor, note, skip_conflicts, link)
                )
        except BookingError as error:
            refused.append((booking, error.problems))
    return approved, refused


def _approve(booking, tree, actor, note, skip_conflicts, link):
    pending = list(
        booking.occurrences.filter(state=Occurrence.State.PENDING).select_related("space", "campus")
    )
    conflicts = [
        conflict
        for conflict in find_conflicts(
            space=booking.space,
            intervals=[(occurrence.start, occurrence.end) for occurrence in pending],
            tree=tree,
            exclude_occurrences=[occurrence.pk for occurrence in pending],
        )
        if conflict.hard
    ]
    colliding = {(conflict.start, conflict.end) for conflict in conflicts}
    if colliding and not skip_conflicts:
        _refuse_conflicts(conflicts)
    if len(colliding) == len(pending):
        raise BookingError([_("Every date of the request collides with another booking.")], conflicts)
    for occurrence in pending:
        skip = (occurrence.start, occurrence.end) in colliding
        occurrence.state = Occurrence.State.SKIPPED if skip else Occurrence.State.CONFIRMED
    Occurrence.objects.bulk_update(pending, ["state"])
    _claim([occurrence for occurrence in pending if occurrence.state == Occurrence.State.CONFIRMED], tree)
    _decide(booking, Booking.State.CONFIRMED, actor, note)
    skipped = [occurrence for occurrence in pending if occurrence.state == Occurrence.State.SKIPPED]
    _mail_booker(booking, "booking_approved", link=link, occurrences=skipped)
    return booking


def _decide(booking, state, actor, note):
    booking.state, booking.decided_by, booking.decided_at, booking.decision_note = (
        state,
        actor,
        timezone.now(),
        note,
    )
    booking.save(update_fields=["state", "decided_by", "decided_at", "decision_note", "updated"])
    log_activity(campus=booking.campus, actor=actor, action=f"booking.{state}", subject=booking)


@transaction.atomic
def decline_bookings(*, bookings, actor, note="", link=""):
    """Decline pending requests; returns the declined bookings."""
    declined = _locked_pending(bookings)
    for booking in declined:
        booking.occurrences.filter(state=Occurrence.State.PENDING).update(state=Occurrence.State.DECLINED)
        _decide(booking, Booking.State.DECLINED, actor, note)
        _mail_booker(booking, "booking_declined", link=link)
    return declined


def _check_deadline(occurrence, actor, now):
    space = occurrence.space
    if is_campus_team(actor, space.campus):
        return
    if occurrence.start <= now:
        raise BookingError([_("This date has already begun.")])
    if occurrence.start - timedelta(hours=space.cancel_deadline_hours) < now:
        raise BookingError(
            [
                _("“%(space)s” bookings can be changed up to %(hours)d hours before they start.")
                % {"space": space.name, "hours": space.cancel_deadline_hours}
            ]
        )


def _active_future(booking, now):
    return list(
        booking.occurrences.select_for_update(of=("self",))
        .select_related("space", "campus")
        .filter(state__in=[Occurrence.State.PENDING, Occurrence.State.CONFIRMED], end__gt=now)
    )


@transaction.atomic
def cancel_booking(*, booking, actor, occurrence=None, now=None, link=""):
    """Cancel one date (``occurrence``) or every date still to come; returns the cancelled dates."""
    now = now or timezone.now()
    future = _active_future(booking, now)
    if occurrence is None:
        chosen = [item for item in future if item.start > now]
    else:
        chosen = [item for item in future if item.pk == occurrence.pk]
    if not chosen:
        raise BookingError([_("Nothing left to cancel.")])
    for item in chosen:
        _check_deadline(item, actor, now)
    _release(chosen)
    Occurrence.objects.filter(pk__in=[item.pk for item in chosen]).update(state=Occurrence.State.CANCELLED)
    if not booking.occurrences.filter(
        state__in=[Occurrence.State.PENDING, Occurrence.State.CONFIRMED]
    ).exists():
        booking.state = Booking.State.CANCELLED
        booking.save(update_fields=["state", "updated"])
    log_activity(
        campus=booking.campus,
        actor=actor,
        action="booking.cancelled",
        subject=booking,
        data={"dates": [item.start.isoformat() for item in chosen]},
    )
    if booking.booked_by_id != getattr(actor, "pk", None):
        _mail_booker(booking, "booking_cancelled", link=link, occurrences=chosen)
    return chosen


@transaction.atomic
def move_occurrence(*, occurrence, actor, start, end, now=None):
    """Move one date of a booking to another time in the same space, within the space's rules."""
    now = now or timezone.now()
    occurrence = (
        Occurrence.objects.select_for_update(of=("self",))
        .select_related("booking", "space__campus", "space__required_training")
        .get(pk=occurrence.pk)
    )
    booking, space = occurrence.booking, occurrence.space
    if not occurrence.is_active:
        raise BookingError([_("Only pending or confirmed dates can be moved.")])
    _check_deadline(occurrence, actor, now)
    team = is_campus_team(actor, space.campus)
    if space.requires_approval and not team and booking.kind == Booking.Kind.BOOKING:
        raise BookingError(
            [
                _("Bookings of “%(space)s” need approval; ask the campus team to move it.")
                % {"space": space.name}
            ]
        )
    if end <= start:
        raise BookingError([_("The end must come after the start.")])
    _lock_quota(booking.organisation)
    tree = space_tree(space.campus)
    problems = booking_problems(
        space=space,
        actor=actor,
        intervals=[(start, end)],
        attendees=booking.attendees,
        organisation=booking.organisation,
        tree=tree,
        now=now,
        moving=[occurrence],
        is_blocking=booking.kind == Booking.Kind.BLOCKING,
    )
    if problems:
        raise BookingError(problems)
    hard = [
        conflict
        for conflict in find_conflicts(
            space=space, intervals=[(start, end)], tree=tree, exclude_occurrences=[occurrence.pk]
        )
        if conflict.hard
    ]
    if hard:
        _refuse_conflicts(hard)
    old = (occurrence.start, occurrence.end)
    _release([occurrence])
    occurrence.start, occurrence.end = start, end
    occurrence.save(update_fields=["start", "end"])
    if occurrence.state == Occurrence.State.CONFIRMED:
        _claim([occurrence], tree)
    log_activity(
        campus=space.campus,
        actor=actor,
        action="booking.moved",
        subject=booking,
        data={"from": old[0].isoformat(), "to": start.isoformat()},
    )
    return occurrence
