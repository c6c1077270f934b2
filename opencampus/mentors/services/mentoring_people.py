"""Who is on which side of a mentorship: the mentor is the profile's person; the mentee is the
participant, or every active member of the working group (any of them acts for the group)."""

from opencampus.people.models import User
from opencampus.programs.models import Participant

from ..rules import is_mentee_person

MENTOR, MENTEE = "mentor", "mentee"


def side_of(mentorship, user):
    """``"mentor"``, ``"mentee"`` or None: where ``user`` stands in ``mentorship``."""
    if not user.is_authenticated:
        return None
    if mentorship.mentor.user_id == user.pk:
        return MENTOR
    if is_mentee_person(user, mentorship.mentee):
        return MENTEE
    return None


def requester_side(session):
    """The side that asked for ``session`` (None when the person has since been deleted)."""
    if session.requested_by_id is None:
        return None
    return MENTOR if session.requested_by_id == session.mentorship.mentor.user_id else MENTEE


def mentee_people(mentee):
    """The people who are the mentee now: the active participant, or the group's active members."""
    active = Participant.objects.filter(state=Participant.State.ACTIVE)
    if mentee.participant_id:
        active = active.filter(pk=mentee.participant_id)
    else:
        active = active.filter(group_memberships__group_id=mentee.group_id)
    return list(User.objects.filter(pk__in=active.values("user")).order_by("name_ko", "pk"))
