"""The rules a space sets for its bookings, checked on the server for every date of a request.

The campus team books outside the booking window, length limit, training and quota (they
run the machines and the events); opening hours, closed days and capacity hold for everyone.
"""

from collections import defaultdict
from datetime import time, timedelta
from decimal import Decimal

from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from opencampus.people.models import Membership
from opencampus.people.rules import is_campus_team, is_participant

from ..models import ClosedDay, OpeningHours, Residency
from ..rules import may_book_space
from .conflicts import describe_interval
from .quota_usage import booked_hours, month_bounds
from .trainings import valid_training

MAX_LISTED_DATES = 5


def hours_between(start, end):
    return Decimal((end - start).total_seconds()) / 3600


def current_residency(organisation):
    return (
        Residency.objects.filter(
            organisation=organisation, state__in=[Residency.State.RESIDENT, Residency.State.LEAVING]
        )
        .order_by("-starts_on")
        .first()
    )


def effective_hours(space, tree):
    """Opening hours by weekday, from the space or its nearest ancestor that has any; None: always open."""
    lineage = [space.pk, *tree.ancestors(space.pk)]
    by_space = defaultdict(lambda: defaultdict(list))
    for hours in OpeningHours.objects.filter(space_id__in=lineage):
        by_space[hours.space_id][hours.weekday].append((hours.opens, hours.closes))
    for space_id in lineage:
        if space_id in by_space:
            return by_space[space_id]
    return None


def closed_dates(space, tree, first, last):
    lineage = [space.pk, *tree.ancestors(space.pk)]
    days = ClosedDay.objects.filter(
        Q(space_id__in=lineage) | Q(space__isnull=True), campus=space.campus, date__range=(first, last)
    )
    return {day.date: day.reason for day in days}


def _within_hours(hours, start, end):
    if hours is None:
        return True
    if start.date() != end.date() and end.time() != time(0):
        return False
    end_time = end.time() if end.time() != time(0) else time.max
    return any(opens <= start.time() and end_time <= closes for opens, closes in hours[start.weekday()])


def _listed(problems_by_date, message):
    """One message naming the first few dates a rule fails on."""
    if not problems_by_date:
        return []
    shown = ", ".join(problems_by_date[:MAX_LISTED_DATES])
    more = len(problems_by_date) - MAX_LISTED_DATES
    if more > 0:
        shown += " " + _("and %(count)d more") % {"count": more}
    return [message % {"dates": shown}]


def booking_problems(
    *, space, actor, intervals, attendees, organisation, tree, now=None, moving=(), is_blocking=False
):
    """Everything that stops ``actor`` booking ``space`` for ``intervals``, in words; empty if nothing."""
    now = now or timezone.now()
    team = is_campus_team(actor, space.campus)
    if not is_blocking and not may_book_space(actor, space):
        return [_("You may not book “%(space)s”.") % {"space": space.name}]
    problems = []
    if space.capacity and attendees > space.capacity:
        problems.append(
            _("“%(space)s” holds %(capacity)d people; you asked for %(attendees)d.")
            % {"space": space.name, "capacity": space.capacity, "attendees": attendees}
        )
    tz = space.campus.tz
    local = [(start.astimezone(tz), end.astimezone(tz)) for start, end in intervals]
    if not is_blocking:
        problems += _hours_problems(space, tree, local)
    if team or is_blocking:
        return problems
    problems += _window_problems(space, local, now.astimezone(tz))
    if space.required_training_id:
        problems += _training_problems(space, actor, local)
    if organisation is None and _books_only_as_resident(space, actor):
        problems.append(_("Choose the organisation you book for: its hours count against its monthly quota."))
    problems += _organisation_problems(space, actor, organisation, local, moving)
    return problems


def _books_only_as_resident(space, actor):
    return not space.bookable_by_public and not (
        space.bookable_by_participants and is_participant(actor, space)
    )


def _hours_problems(space, tree, local):
    hours = effective_hours(space, tree)
    closed = closed_dates(space, tree, local[0][0].date(), local[-1][1].date())
    outside, shut = [], []
    for start, end in local:
        if start.date() in closed:
            shut.append(f"{formats.date_format(start, 'SHORT_DATE_FORMAT')} {closed[start.date()]}".strip())
        elif not _within_hours(hours, start, end):
            outside.append(describe_interval(start, end, space.campus.tz))
    return _listed(shut, _("The space is closed on %(dates)s.")) + _listed(
        outside, _("Outside the opening hours: %(dates)s.")
    )


def _window_problems(space, local, now):
    problems = []
    earliest = now + timedelta(hours=space.min_notice_hours)
    latest = now.date() + timedelta(days=space.max_days_ahead)
    if local[0][0] < now:
        problems.append(_("The booking starts in the past."))
    elif local[0][0] < earliest:
        problems.append(
            _("“%(space)s” must be booked at least %(hours)d hours ahead.")
            % {"space": space.name, "hours": space.min_notice_hours}
        )
    if local[-1][0].date() > latest:
        problems.append(
            _("“%(space)s” can be booked at most %(days)d days ahead (until %(date)s).")
            % {
                "space": space.name,
                "days": space.max_days_ahead,
                "date": formats.date_format(latest, "SHORT_DATE_FORMAT"),
            }
        )
    longest = space.max_duration_minutes
    if longest and any((end - start) > timedelta(minutes=longest) for start, end in local):
        problems.append(
            _("A booking of “%(space)s” may last at most %(minutes)d minutes.")
            % {"space": space.name, "minutes": longest}
        )
    return problems


def _training_problems(space, actor, local):
    training = space.required_training
    missing = [
        formats.date_format(start, "SHORT_DATE_FORMAT")
        for start, _end in local
        if valid_training(user=actor, training=training, on_date=start.date()) is None
    ]
    if not missing:
        return []
    return _listed(
        missing,
        _("Booking “%(space)s” needs a valid “%(training)s” training; you have none valid on %%(dates)s.")
        % {"space": space.name, "training": training.name},
    )


def _organisation_problems(space, actor, organisation, local, moving):
    if organisation is None:
        return []
    if not Membership.objects.filter(organisation=organisation, user=actor).exists():
        return [_("You are not a member of “%(organisation)s”.") % {"organisation": organisation.name}]
    residency = current_residency(organisation)
    if residency is None:
        return [_("“%(organisation)s” is not a resident organisation.") % {"organisation": organisation.name}]
    campus = space.campus
    asked = defaultdict(Decimal)
    for start, end in local:
        asked[month_bounds(campus=campus, month=start.date())] += hours_between(start, end)
    for moved in moving:
        month = moved.start.astimezone(campus.tz).date()
        asked[month_bounds(campus=campus, month=month)] -= hours_between(moved.start, moved.end)
    problems = []
    for (month_start, month_end), hours in sorted(asked.items()):
        used = booked_hours(organisation=organisation, month_start=month_start, month_end=month_end)
        if used + hours > residency.monthly_booking_hours:
            problems.append(
                _(
                    "“%(organisation)s” may book %(quota)d hours in %(month)s; %(used)s are booked "
                    "and this asks for %(asked)s more."
                )
                % {
                    "organisation": organisation.name,
                    "quota": residency.monthly_booking_hours,
                    "month": formats.date_format(month_start, "YEAR_MONTH_FORMAT"),
                    "used": _hours_text(used),
                    "asked": _hours_text(hours),
                }
            )
    return problems


def _hours_text(hours):
    return f"{hours.normalize():f}"
