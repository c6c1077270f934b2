"""Permission predicates for the park. Views check these; services check the booking rules."""

import rules

from opencampus.people.roles import Role, campus_of, roles_on
from opencampus.people.rules import is_campus_team


@rules.predicate
def is_active_space(user, space):
    return space is not None and space.is_active


@rules.predicate
def is_signed_in(user, obj=None):
    return user.is_authenticated and user.is_active


def acts_for_resident_organisation(user, campus):
    """Whether ``user`` belongs to an organisation holding a current residency on ``campus``."""
    if campus is None or not user.is_authenticated:
        return False
    cache = user.__dict__.setdefault("_resident_on", {})
    if campus.pk not in cache:
        from .models import Residency

        cache[campus.pk] = Residency.objects.filter(
            campus=campus,
            state__in=[Residency.State.RESIDENT, Residency.State.LEAVING],
            organisation__memberships__user=user,
        ).exists()
    return cache[campus.pk]


@rules.predicate
def may_book_space(user, space):
    """Who the space admits: the team always, then residents, participants or anyone signed in."""
    if space is None or not space.is_active or not space.is_bookable:
        return False
    if not user.is_authenticated or not user.is_active:
        return False
    held = roles_on(user, campus_of(space))
    if Role.OPERATOR in held or Role.STAFF in held:
        return True
    if space.bookable_by_public:
        return True
    if space.bookable_by_participants and Role.PARTICIPANT in held:
        return True
    return space.bookable_by_residents and (
        Role.RESIDENT in held or acts_for_resident_organisation(user, space.campus)
    )


@rules.predicate
def booked_it(user, booking):
    return booking is not None and user.is_authenticated and booking.booked_by_id == user.pk


rules.add_perm("park.view_space", is_active_space | is_campus_team)
rules.add_perm("park.book_space", may_book_space)
rules.add_perm("park.change_booking", booked_it | is_campus_team)
rules.add_perm("park.manage_spaces", is_campus_team)
rules.add_perm("park.manage_bookings", is_campus_team)
rules.add_perm("park.manage_trainings", is_campus_team)
rules.add_perm("park.manage_residents", is_campus_team)
rules.add_perm("park.manage_visits", is_campus_team)
