"""Who may do what with experiments and supported projects (checked by every view).

The campus team does everything; the experiment's team — the active members of its working group,
or the representatives and managers of its organisation — keeps its texts, milestones and timeline
up to date. Anyone may read a public experiment; a hidden one is for the campus team, its team and
its working group's mentor.
"""

import rules

from opencampus.people.rules import is_campus_team, manages_organisation
from opencampus.workgroups.rules import is_group_member, is_group_mentor


@rules.predicate
def is_public_experiment(user, experiment):
    return experiment is not None and experiment.is_public


@rules.predicate
def is_experiment_team(user, experiment):
    """Read once per person and experiment: a page asks several times."""
    if experiment is None or not user.is_authenticated:
        return False
    answers = experiment.__dict__.setdefault("_team_answers", {})
    if user.pk not in answers:
        if experiment.working_group_id:
            answers[user.pk] = is_group_member(user, experiment.working_group_id)
        else:
            answers[user.pk] = manages_organisation(user, experiment.organisation)
    return answers[user.pk]


@rules.predicate
def mentors_experiment_group(user, experiment):
    """The mentor of the experiment's working group reads it, hidden or not (they don't edit it)."""
    if experiment is None or experiment.working_group_id is None:
        return False
    return is_group_mentor(user, experiment.working_group_id)


rules.add_perm("experiments.manage", is_campus_team)
rules.add_perm(
    "experiments.view_experiment",
    is_public_experiment | is_campus_team | is_experiment_team | mentors_experiment_group,
)
rules.add_perm("experiments.contribute", is_campus_team | is_experiment_team)
