"""Who may do what with calls and applications (checked by every view)."""

import rules

from opencampus.people.rules import is_campus_team


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
