"""Who may do what with calls and applications (checked by every view)."""

import rules

from opencampus.people.rules import is_campus_team, is_reviewer


@rules.predicate
def is_published_call(user, call):
    return call is not None and call.is_published


@rules.predicate
def is_own_application(user, application):
    return application is not None and user.is_authenticated and application.applicant_id == user.pk


rules.add_perm("calls.manage_calls", is_campus_team)
rules.add_perm("calls.view_call", is_published_call | is_campus_team)
rules.add_perm("calls.apply", rules.is_authenticated & is_published_call)
rules.add_perm("calls.view_application", is_own_application | is_campus_team)
rules.add_perm("calls.change_application", is_own_application)
rules.add_perm("calls.screen_application", is_campus_team)

# Review: operators and staff run it; reviewers see only their own reviews (the views filter by reviewer).
rules.add_perm("calls.manage_reviews", is_campus_team)
rules.add_perm("calls.review", is_reviewer)

# Decisions: an applicant answers an offered place on their own application only.
rules.add_perm("calls.confirm_place", is_own_application)
