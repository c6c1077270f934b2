"""The experiments' steps in a social problem's story: experiments on the problem directly or
through their working group, results of completed ones, only what the viewer may see."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from opencampus.agendas.lineage import lineage
from opencampus.experiments.lineage import experiment_steps
from opencampus.experiments.models import Experiment

from .conftest import fresh, url

Status = Experiment.Status
START = datetime.date(2026, 3, 2)


@pytest.fixture
def group_on_agenda(group, agenda):
    with scopes_disabled():
        group.agenda = agenda
        group.save()
    return group


def steps_for(agenda, viewer, in_campus):
    with in_campus():
        return experiment_steps(agenda, viewer=viewer)


def test_lineage_includes_the_experiments_steps(agenda, make_experiment, in_campus):
    make_experiment(agenda=agenda, title_en="Shared compost")

    with in_campus():
        steps = [step for step in lineage(agenda, viewer=AnonymousUser()) if step.kind == "experiment"]

    assert [step.title for step in steps] == ["Shared compost"]


def test_steps_describe_an_experiment_on_the_problem(campus, agenda, make_experiment, in_campus):
    experiment = make_experiment(
        agenda=agenda,
        kind=Experiment.Kind.PROJECT,
        title_en="Repair café",
        status=Status.RUNNING,
        starts_on=START,
        hypothesis="Repairing together " * 30,
        milestones=[(1, 50), (1, 51)],
    )

    (step,) = steps_for(agenda, AnonymousUser(), in_campus)

    assert (step.kind, step.kind_label, step.title, step.status) == (
        "experiment",
        "supported project",
        "Repair café",
        "running",
    )
    assert (step.url, step.date, step.progress, step.parent_url) == (
        url(campus, "experiments:detail", pk=experiment.pk),
        START,
        51,
        "",
    )
    assert len(step.summary) == 200
    assert step.summary.endswith("…")


def test_steps_include_experiments_of_the_problems_working_groups(
    agenda, group_on_agenda, make_experiment, in_campus
):
    make_experiment(working_group=group_on_agenda, title_en="Group's pilot")
    make_experiment(title_en="Unrelated")

    steps = steps_for(agenda, AnonymousUser(), in_campus)

    assert [step.title for step in steps] == ["Group's pilot"]


def test_steps_link_the_working_group_only_for_those_who_may_open_it(
    campus, agenda, group_on_agenda, make_experiment, member, outsider, staff_member, in_campus
):
    make_experiment(working_group=group_on_agenda)
    group_url = url(campus, "workgroups:group", pk=group_on_agenda.pk)

    parents = {
        name: steps_for(agenda, viewer, in_campus)[0].parent_url
        for name, viewer in [
            ("anonymous", AnonymousUser()),
            ("outsider", outsider),
            ("member", member),
            ("staff", staff_member),
        ]
    }

    assert parents == {"anonymous": "", "outsider": "", "member": group_url, "staff": group_url}


def test_steps_show_hidden_experiments_only_to_their_team_and_staff(
    agenda,
    group_on_agenda,
    make_experiment,
    member,
    outsider,
    staff_member,
    organisation,
    org_manager,
    in_campus,
):
    make_experiment(working_group=group_on_agenda, is_public=False, title_en="Group's hidden pilot")
    make_experiment(
        agenda=agenda, organisation=organisation, is_public=False, title_en="Organisation's hidden pilot"
    )

    def titles(viewer):
        return sorted(step.title for step in steps_for(agenda, viewer, in_campus))

    assert titles(AnonymousUser()) == []
    assert titles(outsider) == []
    assert titles(member) == ["Group's hidden pilot"]
    assert titles(org_manager) == ["Organisation's hidden pilot"]
    assert titles(staff_member) == ["Group's hidden pilot", "Organisation's hidden pilot"]


def test_steps_add_the_results_of_a_completed_experiment(campus, agenda, make_experiment, in_campus):
    experiment = make_experiment(
        agenda=agenda,
        title_en="Shared compost",
        status=Status.COMPLETED,
        starts_on=START,
        ends_on=datetime.date(2026, 9, 30),
        results="Food waste fell by a fifth.",
    )
    make_experiment(agenda=agenda, status=Status.STOPPED, results="Stopped early.")

    steps = steps_for(agenda, AnonymousUser(), in_campus)

    results = [step for step in steps if step.kind == "result"]
    assert len(results) == 1
    (result,) = results
    experiment_url = url(campus, "experiments:detail", pk=experiment.pk)
    assert (result.kind_label, result.title, result.date, result.summary, result.parent_url) == (
        "result",
        "Results of Shared compost",
        datetime.date(2026, 9, 30),
        "Food waste fell by a fifth.",
        experiment_url,
    )
    assert result.url == experiment_url + "#results"


def test_steps_read_a_constant_number_of_queries(agenda, group_on_agenda, make_experiment, member, in_campus):
    def add():
        make_experiment(
            working_group=group_on_agenda,
            status=Status.COMPLETED,
            results="It worked.",
            ends_on=START,
            starts_on=START,
            milestones=[(1, 100), (2, 50)],
        )

    def queries():
        viewer = fresh(member)  # as on a new request: roles not read yet
        with in_campus(), CaptureQueriesContext(connection) as captured:
            steps = experiment_steps(agenda, viewer=viewer)
        return len(captured), len(steps)

    add()
    one = queries()
    add()
    add()
    three = queries()

    assert (one[1], three[1]) == (2, 6)
    assert one[0] == three[0]


def test_agenda_pages_tell_the_experiment_and_its_results(client, campus, agenda, make_experiment):
    experiment = make_experiment(
        agenda=agenda,
        title_en="Shared compost",
        status=Status.COMPLETED,
        starts_on=START,
        ends_on=datetime.date(2026, 9, 30),
        results="Food waste fell by a fifth.",
    )

    detail = client.get(url(campus, "agendas:detail", pk=agenda.pk)).content.decode()
    story = client.get(url(campus, "agendas:story", pk=agenda.pk)).content.decode()

    for page in (detail, story):
        assert url(campus, "experiments:detail", pk=experiment.pk) in page
        assert "Results of Shared compost" in page
