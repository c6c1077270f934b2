"""Who may do what with working groups (checked by every view).

The campus team manages formation; a participant ranks the problems offered to their own cohort
while they take part in it; a group's page is for its active members and the campus team (its
mentor reads it too, without working in it).
"""

import rules

from opencampus.people.rules import is_campus_team
from opencampus.programs.models import Participant

from .membership import active_memberships, mentored_groups

ACTIVE = Participant.State.ACTIVE


@rules.predicate
def takes_part_on_campus(user, campus):
    """Whether ``user`` is or was a participant of a cohort on ``campus``."""
    if campus is None or not user.is_authenticated:
        return False
    return Participant.objects.filter(campus=campus, user=user).exists()


@rules.predicate
def takes_part_in_cohort(user, cohort):
    if cohort is None or not user.is_authenticated:
        return False
    return Participant.objects.filter(cohort=cohort, user=user, state=ACTIVE).exists()


@rules.predicate
def is_group_member(user, group):
    if group is None or not user.is_authenticated:
        return False
    return active_memberships(user).filter(group=group).exists()


@rules.predicate
def is_group_mentor(user, group):
    """Whether ``user`` mentors ``group`` (a group or its id) in an open mentorship."""
    if group is None or not user.is_authenticated:
        return False
    return mentored_groups(user).filter(pk=getattr(group, "pk", group)).exists()


rules.add_perm("workgroups.manage", is_campus_team)
rules.add_perm("workgroups.view_mine", takes_part_on_campus)
rules.add_perm("workgroups.rank_problems", takes_part_in_cohort)
rules.add_perm("workgroups.view_group", is_campus_team | is_group_member | is_group_mentor)
rules.add_perm("workgroups.work_in_group", is_campus_team | is_group_member)
