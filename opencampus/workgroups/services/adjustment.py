"""The operator's hand adjustments to a cohort's groups, and the live score of the result."""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from opencampus.core.services.activity import log_activity
from opencampus.programs.models import Participant
from opencampus.solvers.teams import Team, TeamProblemError, evaluate

from ..models import CohortAgenda, GroupMember, WorkingGroup
from .errors import WorkgroupError
from .formation import build_problem, busy_groups
from .solver_messages import Names, finding_message, problem_error_message

NAME_MAX = WorkingGroup._meta.get_field("name").max_length
ACTIVE = Participant.State.ACTIVE


@transaction.atomic
def move_member(*, cohort, participant, group, actor):
    """Put ``participant`` in ``group``, or out of every group when ``group`` is None."""
    if participant.cohort_id != cohort.pk:
        raise WorkgroupError(_("This person is not a participant of the cohort."), field="participant")
    if group is not None and group.cohort_id != cohort.pk:
        raise WorkgroupError(_("This group belongs to another cohort."), field="group")
    if group is not None and participant.state != ACTIVE:
        raise WorkgroupError(_("People who left the cohort cannot join a group."), field="participant")
    current = GroupMember.objects.filter(participant=participant).first()
    if current is not None and group is not None and current.group_id == group.pk:
        return
    if current is not None:
        current.delete()
    if group is not None:
        GroupMember.objects.create(campus=cohort.campus, group=group, participant=participant)
    log_activity(
        campus=cohort.campus,
        actor=actor,
        action="workgroups.member_moved",
        subject=participant,
        data={"group": group.pk if group is not None else None},
    )


def _clean_name(name):
    name = " ".join(name.split())
    if not name:
        raise WorkgroupError(_("Give the group a name."), field="name")
    if len(name) > NAME_MAX:
        raise WorkgroupError(
            _("A group name has at most %(most)s characters.") % {"most": NAME_MAX}, field="name"
        )
    return name


def _check_agenda(cohort, agenda):
    if agenda is not None and not CohortAgenda.objects.filter(cohort=cohort, agenda=agenda).exists():
        raise WorkgroupError(_("This problem is not offered to the cohort."), field="agenda")


def _save_name(group, name):
    try:
        with transaction.atomic():
            group.save()
    except IntegrityError:
        raise WorkgroupError(
            _("The cohort already has a group called “%(name)s”.") % {"name": name}, field="name"
        ) from None


@transaction.atomic
def create_group(*, cohort, name, agenda, actor):
    name = _clean_name(name)
    _check_agenda(cohort, agenda)
    group = WorkingGroup(campus=cohort.campus, cohort=cohort, name=name, agenda=agenda)
    _save_name(group, name)
    log_activity(campus=cohort.campus, actor=actor, action="workgroups.group_created", subject=group)
    return group


@transaction.atomic
def rename_group(*, group, name, actor):
    name = _clean_name(name)
    old, group.name = group.name, name
    _save_name(group, name)
    log_activity(
        campus=group.campus, actor=actor, action="workgroups.group_renamed", subject=group, data={"from": old}
    )
    return group


@transaction.atomic
def set_group_problem(*, group, agenda, actor):
    _check_agenda(group.cohort, agenda)
    group.agenda = agenda
    group.save(update_fields=["agenda"])
    log_activity(
        campus=group.campus,
        actor=actor,
        action="workgroups.group_problem_changed",
        subject=group,
        data={"agenda": agenda.pk if agenda is not None else None},
    )
    return group


@transaction.atomic
def delete_group(*, group, actor):
    """Delete a group with no members and no work (notes, tasks, files, experiments)."""
    if group.members.exists():
        raise WorkgroupError(
            _("Move the members out of “%(name)s” before deleting it.") % {"name": group.name}
        )
    if busy_groups(group.cohort).filter(pk=group.pk).exists():
        raise WorkgroupError(
            _("“%(name)s” holds notes, tasks, files or experiments and is kept.") % {"name": group.name}
        )
    log_activity(
        campus=group.campus,
        actor=actor,
        action="workgroups.group_deleted",
        subject=group.cohort,
        data={"group": group.pk, "name": group.name},
    )
    group.delete()


@dataclass
class LiveScore:
    """The score of the groups as they stand: per group id, worst and mean, and what breaks the
    rules, in words. ``refusal`` says why nothing could be scored."""

    scores: dict = field(default_factory=dict)
    worst: int | None = None
    mean: float | None = None
    problems: list = field(default_factory=list)
    refusal: str = ""


def live_score(*, cohort, groups, names):
    """Score ``groups`` (with ``members`` prefetched, each with its participant) by the solver's
    own definition. Empty groups and people who left are not scored."""
    problem = build_problem(cohort)
    scored = [group for group in groups if any(m.participant.state == ACTIVE for m in group.members.all())]
    teams = [
        Team(
            option=group.agenda_id,
            members=tuple(m.participant_id for m in group.members.all() if m.participant.state == ACTIVE),
        )
        for group in scored
    ]
    try:
        evaluation = evaluate(problem, teams)
    except TeamProblemError as error:
        return LiveScore(refusal=problem_error_message(error.code, error.fields))
    names = Names(people=names.people, problems=names.problems, teams=[group.name for group in scored])
    return LiveScore(
        scores={group.pk: team for group, team in zip(scored, evaluation.teams, strict=True)},
        worst=evaluation.worst,
        mean=evaluation.mean,
        problems=[finding_message(v.code, v.fields, names) for v in evaluation.violations],
    )
