"""Permission predicates for certificates. Views check these; the services check them again."""

import rules

from opencampus.people.rules import is_campus_team


@rules.predicate
def is_signed_in(user, obj=None):
    return user.is_authenticated and user.is_active


rules.add_perm("certificates.manage", is_campus_team)
# Signed-in people see their own certificates; the views look records up by holder.
rules.add_perm("certificates.view_own", is_signed_in)
