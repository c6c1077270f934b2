"""Who may do what with tracks, cohorts and registrations (checked by every view)."""

import rules

from opencampus.people.rules import is_campus_team


@rules.predicate
def is_published_cohort(user, cohort):
    return cohort is not None and cohort.is_published


@rules.predicate
def is_signed_in(user, obj=None):
    return user.is_authenticated and user.is_active


rules.add_perm("programs.manage_cohorts", is_campus_team)
rules.add_perm("programs.view_cohort", is_published_cohort | is_campus_team)
rules.add_perm("programs.register", is_signed_in & is_published_cohort)
