"""Who may do what in the mentor network (checked by every view).

The campus team runs the network, matching and fees. The public sees the mentors who chose to be
listed; participants, mentors and the team see the whole directory. A mentorship and its sessions
are for the mentor, the mentee (the participant, or the working group's active members) and the
campus team, who see activity but never the mentor's private notes.
"""

import rules

from opencampus.people.rules import is_campus_team
from opencampus.programs.models import Participant
from opencampus.workgroups.membership import active_memberships

from .models import MentorProfile


@rules.predicate
def is_active_mentor(user, obj=None):
    campus = getattr(obj, "campus", obj)
    if campus is None or not user.is_authenticated:
        return False
    return MentorProfile.objects.filter(campus=campus, user=user, state=MentorProfile.State.ACTIVE).exists()


@rules.predicate
def takes_part_on_campus(user, obj=None):
    campus = getattr(obj, "campus", obj)
    if campus is None or not user.is_authenticated:
        return False
    return Participant.objects.filter(campus=campus, user=user, state=Participant.State.ACTIVE).exists()


@rules.predicate
def is_listed_mentor(user, profile):
    return profile is not None and profile.is_listed and profile.state == MentorProfile.State.ACTIVE


@rules.predicate
def owns_profile(user, profile):
    return profile is not None and user.is_authenticated and profile.user_id == user.pk


def is_mentee_person(user, mentee):
    """Whether ``user`` is the mentee: the participant, or an active member of the group."""
    if mentee is None or not user.is_authenticated:
        return False
    if mentee.participant_id:
        return mentee.participant.user_id == user.pk and mentee.participant.state == Participant.State.ACTIVE
    return active_memberships(user).filter(group_id=mentee.group_id).exists()


@rules.predicate
def is_the_mentor(user, mentorship):
    return mentorship is not None and user.is_authenticated and mentorship.mentor.user_id == user.pk


@rules.predicate
def is_the_mentee(user, mentorship):
    return mentorship is not None and is_mentee_person(user, mentorship.mentee)


sees_full_directory = is_campus_team | is_active_mentor | takes_part_on_campus

rules.add_perm("mentors.manage", is_campus_team)
rules.add_perm("mentors.view_directory", rules.always_allow)
rules.add_perm("mentors.view_full_directory", sees_full_directory)
rules.add_perm("mentors.view_mentor", is_listed_mentor | sees_full_directory | owns_profile)
rules.add_perm("mentors.edit_profile", owns_profile)
rules.add_perm("mentors.view_mentorship", is_campus_team | is_the_mentor | is_the_mentee)
rules.add_perm("mentors.work_in_mentorship", is_the_mentor | is_the_mentee)

# The mentoring page: one's mentees as a mentor, one's mentor as a mentee.
rules.add_perm("mentors.view_my_mentoring", is_active_mentor | takes_part_on_campus)
