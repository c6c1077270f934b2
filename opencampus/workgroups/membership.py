"""Who counts as a member of a working group, and who mentors it: one definition for the rules and
the queries that decide, for many groups at once, which pages a person may open.

The mentors app sits above this one, so its mentorships are reached through reverse relations
(``WorkingGroup.mentee_rows`` → ``mentorships``), with their state names as plain strings.
"""

from opencampus.programs.models import Participant

from .models import GroupMember, WorkingGroup

# A published match until it ends: waiting for answers, active, or a change asked for.
OPEN_MENTORSHIP_STATES = ("proposed", "active", "change")


def active_memberships(user):
    """``user``'s memberships of groups in cohorts they still take part in."""
    return GroupMember.objects.filter(participant__user=user, participant__state=Participant.State.ACTIVE)


def mentored_groups(user):
    """The groups ``user`` mentors: an open mentorship of one of the group's mentee rows."""
    return WorkingGroup.objects.filter(
        mentee_rows__mentorships__mentor__user=user,
        mentee_rows__mentorships__state__in=OPEN_MENTORSHIP_STATES,
    )


def open_mentorships(group):
    """The open mentorships of ``group`` (one per matching round it takes part in), with the mentor."""
    mentee_model = WorkingGroup._meta.get_field("mentee_rows").related_model
    mentorship_model = mentee_model._meta.get_field("mentorships").related_model
    return (
        mentorship_model.objects.filter(mentee__group=group, state__in=OPEN_MENTORSHIP_STATES)
        .select_related("campus", "mentor__user", "mentee")
        .order_by("pk")
    )
