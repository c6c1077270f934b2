"""The rules of ``experiments.rules`` as query filters, for pages that list many experiments in a
constant number of queries."""

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, Value

from opencampus.people.models import Membership
from opencampus.people.rules import is_campus_team
from opencampus.workgroups.membership import active_memberships, mentored_groups

MANAGER_ROLES = (Membership.Role.REPRESENTATIVE, Membership.Role.MANAGER)


def _in_group(viewer, group_field):
    return Exists(active_memberships(viewer).filter(group=OuterRef(group_field)))


def _mentors_group(viewer, group_field):
    return Exists(mentored_groups(viewer).filter(pk=OuterRef(group_field)))


def _manages(viewer, organisation_field):
    return Exists(
        Membership.objects.filter(
            organisation=OuterRef(organisation_field), user=viewer, role__in=MANAGER_ROLES
        )
    )


def visible_experiments(experiments, *, viewer, campus):
    """The ``experiments`` ``viewer`` may read: public ones, hidden ones of their own team, and hidden
    ones of a working group they mentor."""
    if is_campus_team(viewer, campus):
        return experiments
    if not viewer.is_authenticated:
        return experiments.filter(is_public=True)
    return experiments.filter(
        Q(is_public=True)
        | _in_group(viewer, "working_group")
        | _mentors_group(viewer, "working_group")
        | _manages(viewer, "organisation")
    )


def with_group_access(experiments, *, viewer, campus):
    """Annotate ``opens_group``: whether ``viewer`` may open the page of the experiment's working
    group (``workgroups.view_group``: the campus team, the group's active members and its mentor)."""
    if is_campus_team(viewer, campus):
        return experiments.annotate(
            opens_group=ExpressionWrapper(Q(working_group__isnull=False), output_field=BooleanField())
        )
    if not viewer.is_authenticated:
        return experiments.annotate(opens_group=Value(False))
    return experiments.annotate(
        opens_group=ExpressionWrapper(
            _in_group(viewer, "working_group") | _mentors_group(viewer, "working_group"),
            output_field=BooleanField(),
        )
    )
