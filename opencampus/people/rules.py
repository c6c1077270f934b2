"""Permission predicates. Every view checks one of these on the server."""

import rules

from .roles import Role, campus_of, roles_on


def has_role(role):
    @rules.predicate(name=f"has_role_{role}")
    def predicate(user, obj=None):
        return role in roles_on(user, campus_of(obj))

    return predicate


is_operator = has_role(Role.OPERATOR)
is_staff = has_role(Role.STAFF)
is_reviewer = has_role(Role.REVIEWER)
is_mentor = has_role(Role.MENTOR)
is_participant = has_role(Role.PARTICIPANT)
is_resident = has_role(Role.RESIDENT)
is_partner = has_role(Role.PARTNER)
is_campus_team = is_operator | is_staff


@rules.predicate
def is_listed_organisation(user, organisation):
    return organisation is not None and organisation.is_public


@rules.predicate
def manages_organisation(user, organisation):
    if organisation is None or not user.is_authenticated:
        return False
    return organisation.memberships.filter(user=user, role__in=["representative", "manager"]).exists()


@rules.predicate
def belongs_to_organisation(user, organisation):
    if organisation is None or not user.is_authenticated:
        return False
    return organisation.memberships.filter(user=user).exists()


rules.add_perm("core.manage_campus", is_campus_team)
rules.add_perm("core.view_activity", is_operator)
rules.add_perm("core.manage_outbox", is_campus_team)
rules.add_perm("people.manage_roles", is_operator)
rules.add_perm("people.view_people", is_campus_team)
rules.add_perm("people.add_organisation", is_campus_team)
rules.add_perm("people.view_organisation", is_listed_organisation | is_campus_team | belongs_to_organisation)
rules.add_perm("people.change_organisation", is_campus_team | manages_organisation)
# Address name and kind shape links and other apps' rules: the team sets them, not the organisation.
rules.add_perm("people.classify_organisation", is_campus_team)
