"""Demo working groups: the 2020 pilot cohort ranks the seven problems offered to it, the
formation solver forms its groups, and three of them run an experiment in the autumn of 2020."""

import random
from datetime import date, datetime, time

from opencampus.people.models import User
from opencampus.programs.models import Cohort, Participant
from opencampus.workgroups.models import (
    AgendaChoice,
    CohortAgenda,
    FormationRun,
    FormationSettings,
    GroupNote,
    GroupTask,
    Trait,
    WorkingGroup,
)
from opencampus.workgroups.services.adjustment import rename_group, set_group_problem
from opencampus.workgroups.services.formation import apply_formation, run_formation

from .chain_content.pilot_groups import PILOT_GROUP_WORK, TRAIT_VALUES
from .experiments import agendas_by_title, create_experiment
from .problems import bilingual
from .programs import PILOT
from .specs import demo_email

SEED = 2020
RANKED = 5  # problems each participant ranks, of the seven offered
# Problems whose history says a working group experiments on them: a group must take each.
MUST_BE_TAKEN = [work.agenda for work in PILOT_GROUP_WORK if work.experiment]
GROUP_WORK_STARTS = date(2020, 9, 7)


def load(context):
    campus = context.campuses["seoul"]
    cohort = Cohort.objects.get(campus=campus, slug=PILOT)
    if WorkingGroup.objects.filter(cohort=cohort).exists():
        return
    staff = User.objects.get(email=demo_email("staff"))
    agendas = agendas_by_title(campus)
    offers = [
        CohortAgenda.objects.create(campus=campus, cohort=cohort, agenda=agendas[work.agenda], max_groups=1)
        for work in PILOT_GROUP_WORK
    ]
    participants = list(Participant.objects.filter(cohort=cohort).order_by("pk"))
    rank_problems(campus, participants, offers)
    give_traits(campus, participants)
    FormationSettings.objects.create(
        campus=campus, cohort=cohort, min_size=4, max_size=6, balance=["sector", "skill", "age"],
        no_isolation=["gender"], choices_open=False,
    )  # fmt: skip
    run = run_formation(cohort=cohort, actor=staff, time_limit=10)
    groups, _left_out = apply_formation(run=run, actor=staff)
    take_every_experimented_problem(groups, agendas, staff)
    for group in groups:
        work = next(work for work in PILOT_GROUP_WORK if agendas[work.agenda].pk == group.agenda_id)
        give_work(campus, group, work, agendas, staff)
    formed = datetime.combine(GROUP_WORK_STARTS, time(18), campus.tz)  # as if run in the first week
    FormationRun.objects.filter(pk=run.pk).update(created=formed, applied_at=formed)
    WorkingGroup.objects.filter(cohort=cohort).update(created=formed)
    context.tally.created[WorkingGroup._meta.label] += len(groups)


def rank_problems(campus, participants, offers):
    """Each participant ranks five problems; those a group experiments on are the most wanted."""
    rng = random.Random(SEED)
    weights = [3 if work.agenda in MUST_BE_TAKEN else rng.choice((1, 2)) for work in PILOT_GROUP_WORK]
    choices = []
    for participant in participants:
        remaining = list(zip(offers, weights, strict=True))
        for rank in range(1, RANKED + 1):
            offer, _weight = rng.choices(remaining, weights=[weight for _offer, weight in remaining])[0]
            remaining = [(other, weight) for other, weight in remaining if other is not offer]
            choices.append(AgendaChoice(campus=campus, participant=participant, offer=offer, rank=rank))
    AgendaChoice.objects.bulk_create(choices)


def give_traits(campus, participants):
    """Sector, skill, gender and age band in the proportions of ``TRAIT_VALUES``, shuffled."""
    rng = random.Random(f"{SEED}-traits")
    traits = []
    for attribute, values in TRAIT_VALUES.items():
        pool = [value.value for value in values for _n in range(value.weight)]
        rng.shuffle(pool)
        traits += [
            Trait(campus=campus, participant=participant, attribute=attribute, value=value)
            for participant, value in zip(participants, pool, strict=False)
        ]
    Trait.objects.bulk_create(traits)


def take_every_experimented_problem(groups, agendas, staff):
    """As staff would by hand: a problem a group must work on goes to a group whose problem is free."""
    taken = {group.agenda_id for group in groups}
    spare = [group for group in groups if group.agenda_id not in {agendas[key].pk for key in MUST_BE_TAKEN}]
    for key in MUST_BE_TAKEN:
        if agendas[key].pk not in taken:
            group = spare.pop()
            set_group_problem(group=group, agenda=agendas[key], actor=staff)
            group.agenda = agendas[key]


def give_work(campus, group, work, agendas, staff):
    rename_group(group=group, name=f"{work.name_ko} ({work.name_en})", actor=staff)
    members = list(group.members.select_related("participant").order_by("pk"))
    started = datetime.combine(GROUP_WORK_STARTS, time(19), campus.tz)
    GroupTask.objects.bulk_create(
        GroupTask(
            campus=campus,
            group=group,
            title=f"{task.title_ko} / {task.title_en}"[:200],
            assignee=members[number % len(members)].participant if members else None,
            created_by=staff,
            created=started,
        )
        for number, task in enumerate(work.tasks)
    )
    GroupNote.objects.bulk_create(
        GroupNote(
            campus=campus,
            group=group,
            author=members[number % len(members)].participant.user if members else staff,
            body=bilingual(note.body_ko, note.body_en),
            created=datetime.combine(GROUP_WORK_STARTS.replace(day=7 + 7 * number), time(21), campus.tz),
        )
        for number, note in enumerate(work.notes)
    )
    if work.experiment:
        create_experiment(
            campus, work.experiment, agenda=agendas[work.agenda], created_by=staff, working_group=group
        )
