"""Who may do what in participation: attendance, check-in, feedback, materials and teaching.

The campus team manages attendance; a participant reaches only their own cohorts and records;
an instructor only their own engagements, windows and absences. Registered by the views that
check them (``rules`` autodiscovers only ``rules.py``).
"""

import rules

from opencampus.people.roles import roles_on
from opencampus.people.rules import is_campus_team

from .models import Participant
from .services.session_times import published_entry
from .services.teaching import teaches_on


@rules.predicate
def holds_a_role_here(user, campus):
    return bool(roles_on(user, campus))


@rules.predicate
def takes_part_here(user, campus):
    """Whether ``user`` is or was a participant of a cohort on ``campus``."""
    if campus is None or not user.is_authenticated:
        return False
    return Participant.objects.filter(campus=campus, user=user).exists()


@rules.predicate
def takes_part_in_cohort_of(user, session):
    """Whether ``user`` is or was a participant of ``session``'s cohort."""
    if session is None or not user.is_authenticated:
        return False
    return Participant.objects.filter(cohort_id=session.cohort_id, user=user).exists()


@rules.predicate
def teaches_here(user, campus):
    if campus is None or not user.is_authenticated or not user.is_active:
        return False
    return teaches_on(user, campus)


@rules.predicate
def is_their_engagement(user, engagement):
    return engagement is not None and user.is_authenticated and engagement.instructor_id == user.pk


@rules.predicate
def is_their_teaching_time(user, window_or_absence):
    return (
        window_or_absence is not None and user.is_authenticated and window_or_absence.instructor_id == user.pk
    )


@rules.predicate
def teaches_session_of(user, material):
    return material is not None and material.session.instructors.filter(pk=user.pk).exists()


@rules.predicate
def may_read_as_participant(user, material):
    """Participants read the materials of their cohort's sessions once those have a time."""
    if material is None or not takes_part_in_cohort_of(user, material.session):
        return False
    return published_entry(material.session) is not None


rules.add_perm("programs.manage_attendance", is_campus_team)
rules.add_perm("programs.view_my_programs", holds_a_role_here | takes_part_here)
rules.add_perm("programs.check_in", takes_part_here)
rules.add_perm("programs.give_feedback", takes_part_in_cohort_of)
rules.add_perm("programs.read_material", is_campus_team | teaches_session_of | may_read_as_participant)
rules.add_perm("programs.teach", teaches_here)
rules.add_perm("programs.answer_engagement", is_their_engagement)
rules.add_perm("programs.change_teaching_time", is_their_teaching_time)
