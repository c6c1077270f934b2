"""Who may do what with social problems (checked by every view)."""

import rules

from opencampus.people.rules import is_campus_team

from .models import Agenda


@rules.predicate
def is_signed_in(user, obj=None):
    return user.is_authenticated and user.is_active


@rules.predicate
def is_proposer(user, agenda):
    return agenda is not None and user.is_authenticated and agenda.proposed_by_id == user.pk


@rules.predicate
def is_still_proposed(user, agenda):
    return agenda is not None and agenda.state == Agenda.State.PROPOSED and agenda.merged_into_id is None


rules.add_perm("agendas.manage", is_campus_team)
rules.add_perm("agendas.propose", is_signed_in)
rules.add_perm("agendas.take_part", is_signed_in)
rules.add_perm("agendas.change_agenda", (is_signed_in & is_proposer & is_still_proposed) | is_campus_team)
