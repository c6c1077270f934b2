"""The demo's problem-to-impact chain: problems with their history, the 2nd phase's major
experiments, three years of supported projects, and the 2020 pilot's working groups."""

from collections import Counter

import pytest
from django.test import Client
from django_scopes import scopes_disabled

from opencampus.agendas.models import Agenda, District, StateChange, Theme
from opencampus.agendas.services.similarity import similar_agendas
from opencampus.demo.loader import load_demo
from opencampus.experiments.models import Experiment
from opencampus.experiments.services.progress import experiment_progress
from opencampus.programs.models import Participant
from opencampus.solvers.teams import Team, evaluate
from opencampus.workgroups.models import FormationRun, GroupMember, Trait, WorkingGroup
from opencampus.workgroups.services.formation import build_problem
from tests.demo.conftest import PASSWORD


@pytest.mark.django_db
def test_thirty_problems_under_the_second_phases_themes_in_seouls_districts(seoul):
    themes = Counter(Agenda.objects.filter(campus=seoul).values_list("theme__slug", flat=True))
    assert sum(themes.values()) == 30
    assert {"energy", "waste", "food"} <= set(themes)
    assert Theme.objects.filter(campus=seoul).count() == 6
    assert District.objects.filter(campus=seoul).count() == 25
    assert set(Agenda.objects.filter(campus=seoul).values_list("state", flat=True)) == set(
        Agenda.State.values
    )


@pytest.mark.django_db
def test_every_state_change_follows_the_previous_one_in_time(seoul):
    for agenda in Agenda.objects.filter(campus=seoul).prefetch_related("state_changes"):
        changes = list(agenda.state_changes.all())
        assert changes or agenda.state == Agenda.State.PROPOSED
        moments = [agenda.created, *(change.changed_at for change in changes)]
        assert moments == sorted(moments), agenda.title_en
        if changes:
            assert changes[-1].to_state == agenda.state
    assert StateChange.objects.filter(campus=seoul, explanation="").count() == 0


@pytest.mark.django_db
def test_one_duplicate_was_merged_and_its_twin_is_suggested_while_typing(seoul):
    merged = Agenda.objects.get(campus=seoul, merged_into__isnull=False)
    assert merged.state == Agenda.State.ARCHIVED
    twin = Agenda.objects.get(campus=seoul, title_en__startswith="Every summer, the same complaints")
    suggested = similar_agendas(campus=seoul, text="아파트 음식물 쓰레기 수거함 냄새 때문에 여름이 괴로워요")
    assert twin.pk in [match.agenda.pk for match in suggested[:2]]


@pytest.mark.django_db
def test_four_major_experiments_and_150_supported_projects_over_three_years(seoul):
    majors = Experiment.objects.filter(campus=seoul, is_major=True).prefetch_related("milestones")
    assert majors.count() == 4
    assert all(experiment.agenda_id and experiment.field_site_id for experiment in majors)
    assert all(0 < experiment_progress(experiment) <= 100 for experiment in majors)
    projects = Experiment.objects.filter(campus=seoul, kind=Experiment.Kind.PROJECT)
    years = Counter(start.year for start in projects.values_list("starts_on", flat=True))
    assert years == {2018: 50, 2019: 50, 2020: 50}


@pytest.mark.django_db
def test_the_pilot_cohort_was_formed_by_the_solver_without_isolating_anyone(seoul):
    run = FormationRun.objects.get(campus=seoul)
    assert run.applied_at.year == 2020
    assert {group.created.year for group in WorkingGroup.objects.filter(cohort=run.cohort)} == {2020}
    assert run.status in {"optimal", "feasible"}
    active = Participant.objects.filter(cohort=run.cohort, state=Participant.State.ACTIVE)
    grouped = GroupMember.objects.filter(group__cohort=run.cohort, participant__in=active)
    assert grouped.count() == active.count()
    assert Trait.objects.filter(participant__cohort=run.cohort, attribute="gender").count() == 30
    teams = {}
    for member in grouped.select_related("group"):
        teams.setdefault(member.group.agenda_id, []).append(member.participant_id)
    evaluation = evaluate(
        build_problem(run.cohort),
        [Team(option=option, members=tuple(members)) for option, members in teams.items()],
    )
    assert evaluation.violations == ()


@pytest.mark.django_db
def test_three_pilot_groups_run_an_experiment_shown_in_their_problems_lineage(seoul):
    groups = WorkingGroup.objects.filter(campus=seoul, experiments__isnull=False).distinct()
    assert groups.count() == 3
    group = groups.get(agenda__title_en__startswith="Community solar")
    experiment = group.experiments.get()
    page = Client().get(f"/c/seoul/agendas/{group.agenda_id}/story/", HTTP_ACCEPT_LANGUAGE="en")
    text = page.content.decode()
    assert page.status_code == 200
    assert experiment.title in text
    assert group.cohort.name in text


@pytest.mark.django_db
def test_loading_again_changes_nothing_in_the_chain(demo):
    with scopes_disabled():
        before = (Agenda.objects.count(), Experiment.objects.count(), WorkingGroup.objects.count())
    again = load_demo(password=PASSWORD)
    assert again.changed == 0, (again.created, again.updated)
    with scopes_disabled():
        assert (Agenda.objects.count(), Experiment.objects.count(), WorkingGroup.objects.count()) == before
