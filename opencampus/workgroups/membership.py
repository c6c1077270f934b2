"""Who counts as a member of a working group: one definition for the rules and the queries that
decide, for many groups at once, which pages a person may open."""

from opencampus.programs.models import Participant

from .models import GroupMember


def active_memberships(user):
    """``user``'s memberships of groups in cohorts they still take part in."""
    return GroupMember.objects.filter(participant__user=user, participant__state=Participant.State.ACTIVE)
