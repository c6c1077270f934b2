"""Forming a cohort's working groups with the team solver, and applying a run's proposal.

The solver runs inside the operator's request for now (``TIME_LIMIT`` seconds at most); moving
it to the Tasks API is the next step once runs take longer than a page may wait.
"""

import string
from collections import defaultdict

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from opencampus.agendas.models import Agenda
from opencampus.core.services.activity import log_activity
from opencampus.programs.models import Participant
from opencampus.solvers.teams import (
    Option,
    Person,
    TeamProblem,
    TeamProblemError,
    problem_to_json,
    result_to_json,
    solve,
)

from ..models import AgendaChoice, CohortAgenda, FormationRun, GroupMember, Trait, WorkingGroup
from .errors import WorkgroupError
from .formation_settings import settings_of
from .solver_messages import problem_error_message

TIME_LIMIT = 10.0
WORKERS = 4
NAME_MAX = WorkingGroup._meta.get_field("name").max_length


def active_ids(cohort):
    return list(
        Participant.objects.filter(cohort=cohort, state=Participant.State.ACTIVE)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def rankings_of(cohort):
    """``{participant id: [agenda id, …]}``, first choice first."""
    ranked = defaultdict(list)
    choices = AgendaChoice.objects.filter(participant__cohort=cohort).order_by("participant", "rank")
    for participant_id, agenda_id in choices.values_list("participant_id", "offer__agenda_id"):
        ranked[participant_id].append(agenda_id)
    return ranked


def traits_of(cohort):
    """``{participant id: {attribute: value}}``."""
    found = defaultdict(dict)
    for participant_id, attribute, value in Trait.objects.filter(participant__cohort=cohort).values_list(
        "participant_id", "attribute", "value"
    ):
        found[participant_id][attribute] = value
    return found


def build_problem(cohort):
    """The solver's instance: active participants (ids) with their traits and rankings, the
    offered problems (agenda ids) and the cohort's settings."""
    formation = settings_of(cohort)
    ranked, held = rankings_of(cohort), traits_of(cohort)
    people = tuple(
        Person(id=pk, attributes=held.get(pk, {}), ranking=tuple(ranked.get(pk, ())))
        for pk in active_ids(cohort)
    )
    options = tuple(
        Option(id=agenda_id, max_teams=max_groups)
        for agenda_id, max_groups in CohortAgenda.objects.filter(cohort=cohort)
        .order_by("pk")
        .values_list("agenda_id", "max_groups")
    )
    return TeamProblem(
        people=people,
        options=options,
        min_size=formation.min_size,
        max_size=formation.max_size,
        balance=tuple(formation.balance),
        no_isolation=tuple(formation.no_isolation),
    )


def refusal(error):
    """A ``TeamProblemError`` as a ``WorkgroupError`` in the operator's language."""
    return WorkgroupError(problem_error_message(error.code, error.fields))


def run_formation(*, cohort, actor, time_limit=TIME_LIMIT):
    """Solve and store the run; a cohort the sizes or data cannot split raises ``WorkgroupError``."""
    problem = build_problem(cohort)
    try:
        result = solve(problem, time_limit=time_limit, workers=WORKERS)
    except TeamProblemError as error:
        raise refusal(error) from error
    run = FormationRun.objects.create(
        campus=cohort.campus,
        cohort=cohort,
        started_by=actor,
        instance=problem_to_json(problem),
        result=result_to_json(result),
        status=result.status,
        worst_score=result.worst,
        bound=result.bound,
        greedy_worst_score=result.greedy_worst,
        seconds=round(result.seconds, 3),
    )
    log_activity(
        campus=cohort.campus,
        actor=actor,
        action="workgroups.formation_run",
        subject=cohort,
        data={"run": run.pk, "status": run.status, "worst": run.worst_score, "bound": run.bound},
    )
    return run


def group_names(options, titles):
    """Names for teams working on ``options`` (agenda ids, in plan order): "<title> A", "<title> B"…"""
    used = defaultdict(int)
    names = []
    for option in options:
        suffix = string.ascii_uppercase[used[option] % 26] * (1 + used[option] // 26)
        used[option] += 1
        title = titles.get(option) or _("Group")
        names.append(f"{title[: NAME_MAX - len(suffix) - 1]} {suffix}")
    return names


def busy_groups(cohort):
    """The cohort's groups that hold work: notes, tasks, files or experiments."""
    return (
        WorkingGroup.objects.filter(cohort=cohort)
        .filter(
            Q(notes__isnull=False)
            | Q(tasks__isnull=False)
            | Q(files__isnull=False)
            | Q(experiments__isnull=False)
        )
        .distinct()
        .order_by("name")
    )


@transaction.atomic
def apply_formation(*, run, actor):
    """Replace the cohort's groups by the run's proposal. Returns ``(groups, left_out)``: people
    of the proposal who no longer take part are left out."""
    cohort = run.cohort
    teams = run.result.get("teams") or []
    if not teams:
        raise WorkgroupError(_("This run proposes no groups."))
    busy = list(busy_groups(cohort).values_list("name", flat=True))
    if busy:
        raise WorkgroupError(
            _(
                "These groups already hold notes, tasks, files or experiments and cannot be replaced: "
                "%(groups)s. Adjust the groups by hand instead."
            )
            % {"groups": ", ".join(busy)}
        )
    offered = set(CohortAgenda.objects.filter(cohort=cohort).values_list("agenda_id", flat=True))
    if any(team["option"] not in offered for team in teams):
        raise WorkgroupError(
            _("A problem of this run is no longer offered to the cohort: run the formation again.")
        )
    WorkingGroup.objects.filter(cohort=cohort).delete()
    active = set(active_ids(cohort))
    agendas = Agenda.objects.in_bulk({team["option"] for team in teams})
    names = group_names(
        [team["option"] for team in teams], {pk: agenda.title for pk, agenda in agendas.items()}
    )
    groups, members, left_out = [], [], 0
    for team, name in zip(teams, names, strict=True):
        group = WorkingGroup.objects.create(
            campus=cohort.campus, cohort=cohort, name=name, agenda=agendas[team["option"]], formed_by=run
        )
        groups.append(group)
        for participant_id in team["members"]:
            if participant_id in active:
                members.append(GroupMember(campus=cohort.campus, group=group, participant_id=participant_id))
            else:
                left_out += 1
    GroupMember.objects.bulk_create(members)
    run.applied_at = timezone.now()
    run.save(update_fields=["applied_at"])
    log_activity(
        campus=cohort.campus,
        actor=actor,
        action="workgroups.formation_applied",
        subject=cohort,
        data={"run": run.pk, "groups": len(groups), "members": len(members), "left_out": left_out},
    )
    return groups, left_out
