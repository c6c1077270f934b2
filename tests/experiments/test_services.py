"""The experiment services: validation with clear messages, status changes moving the social
problem along, milestones, and updates whose pictures are told apart by their content."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.agendas.models import Agenda, StateChange
from opencampus.core.models import ActivityLog
from opencampus.experiments.models import Attachment, Experiment
from opencampus.experiments.services.errors import ExperimentError
from opencampus.experiments.services.experiments import (
    create_experiment,
    set_experiment_status,
    update_experiment,
)
from opencampus.experiments.services.milestones import add_milestone, set_milestone_progress
from opencampus.experiments.services.sites import delete_field_site
from opencampus.experiments.services.updates import MAX_FILE_BYTES, MAX_FILES, post_update
from tests.factories import FieldSiteFactory, WorkingGroupFactory

from .conftest import fresh, picture, text_file

Status = Experiment.Status
START = datetime.date(2026, 3, 2)


def actions(campus):
    with scopes_disabled():
        return list(ActivityLog.objects.filter(campus=campus).order_by("pk").values_list("action", flat=True))


def refusal(callable_, **kwargs):
    with pytest.raises(ExperimentError) as caught:
        callable_(**kwargs)
    return caught.value


def test_create_experiment_saves_and_logs(campus, operator, in_campus):
    with in_campus():
        experiment = create_experiment(
            campus=campus,
            actor=operator,
            title_en="Shared compost",
            starts_on=START,
            budget=Decimal(5_000_000),
        )

    assert fresh(experiment).status == Status.PLANNED
    assert fresh(experiment).created_by == operator
    assert actions(campus) == ["experiment.created"]


def test_create_experiment_with_the_end_before_the_start_is_refused(campus, operator, in_campus):
    with in_campus():
        error = refusal(
            create_experiment,
            campus=campus,
            actor=operator,
            title_en="Backwards",
            starts_on=START,
            ends_on=START - datetime.timedelta(days=1),
        )

    assert (error.field, str(error)) == ("ends_on", "The end date cannot be before the start date.")


def test_create_experiment_with_a_negative_budget_is_refused(campus, operator, in_campus):
    with in_campus():
        error = refusal(
            create_experiment,
            campus=campus,
            actor=operator,
            title_en="Debt",
            starts_on=START,
            budget=Decimal(-1),
        )

    assert (error.field, str(error)) == ("budget", "The budget cannot be negative.")


def test_create_experiment_with_a_group_and_an_organisation_is_refused(
    campus, operator, group, organisation, in_campus
):
    with in_campus():
        error = refusal(
            create_experiment,
            campus=campus,
            actor=operator,
            title_en="Two teams",
            starts_on=START,
            working_group=group,
            organisation=organisation,
        )

    assert error.field == "organisation"


def test_create_experiment_with_a_group_of_another_campus_is_refused(campus, other_campus, operator):
    with scopes_disabled():
        foreign = WorkingGroupFactory(cohort__track__campus=other_campus, campus=other_campus)
        error = refusal(
            create_experiment,
            campus=campus,
            actor=operator,
            title_en="Borrowed team",
            starts_on=START,
            working_group=foreign,
        )

    assert (error.field, str(error)) == ("working_group", "This belongs to another campus.")


def test_update_experiment_logs_the_changed_fields(make_experiment, operator, in_campus, campus):
    experiment = make_experiment(method="")

    with in_campus():
        update_experiment(experiment=experiment, actor=operator, method="Weigh the bins weekly.", lessons="")

    with scopes_disabled():
        entry = ActivityLog.objects.get(action="experiment.changed")
    assert entry.data == {"changed": ["method"]}


def test_set_experiment_status_follows_the_life_cycle(make_experiment, operator, in_campus, campus):
    experiment = make_experiment()

    with in_campus():
        set_experiment_status(experiment=experiment, to_status=Status.RUNNING, actor=operator)
        error = refusal(
            set_experiment_status, experiment=experiment, to_status=Status.PLANNED, actor=operator
        )

    assert fresh(experiment).status == Status.RUNNING
    assert str(error) == "The status cannot go from running to planned."


def test_set_experiment_status_completed_needs_results(make_experiment, operator, in_campus):
    experiment = make_experiment(status=Status.RUNNING, results="  ")

    with in_campus():
        error = refusal(
            set_experiment_status, experiment=experiment, to_status=Status.COMPLETED, actor=operator
        )

    assert (error.field, str(error)) == (
        "results",
        "A completed experiment needs its results: say what changed.",
    )
    assert fresh(experiment).status == Status.RUNNING


def test_set_experiment_status_completed_without_an_end_date_ends_today(make_experiment, operator, in_campus):
    experiment = make_experiment(status=Status.RUNNING, results="Food waste fell by a fifth.", ends_on=None)

    with in_campus():
        set_experiment_status(experiment=experiment, to_status=Status.COMPLETED, actor=operator)

    assert (fresh(experiment).status, fresh(experiment).ends_on) == (Status.COMPLETED, timezone.localdate())


def test_set_experiment_status_running_moves_an_adopted_problem_into_experiment(
    make_experiment, operator, agenda, in_campus
):
    with scopes_disabled():
        Agenda.objects.filter(pk=agenda.pk).update(state=Agenda.State.ADOPTED)
    experiment = make_experiment(agenda=agenda, title_ko="공동 퇴비", title_en="Shared compost")

    with in_campus():
        set_experiment_status(experiment=experiment, to_status=Status.RUNNING, actor=operator)

    assert fresh(agenda).state == Agenda.State.IN_EXPERIMENT
    with scopes_disabled():
        change = StateChange.objects.get(agenda=agenda)
    # In the campus's language (Korean), since it is public text kept as written.
    assert "공동 퇴비" in change.explanation
    assert change.changed_by == operator


def test_set_experiment_status_running_moves_the_working_groups_problem(
    make_experiment, operator, agenda, group, in_campus
):
    with scopes_disabled():
        Agenda.objects.filter(pk=agenda.pk).update(state=Agenda.State.ADOPTED)
        group.agenda = agenda
        group.save()
    experiment = make_experiment(working_group=group)

    with in_campus():
        set_experiment_status(experiment=experiment, to_status=Status.RUNNING, actor=operator)

    assert fresh(agenda).state == Agenda.State.IN_EXPERIMENT


def test_set_experiment_status_running_leaves_a_problem_not_adopted_alone(
    make_experiment, operator, agenda, in_campus
):
    experiment = make_experiment(agenda=agenda)

    with in_campus():
        set_experiment_status(experiment=experiment, to_status=Status.RUNNING, actor=operator)

    assert fresh(agenda).state == Agenda.State.PROPOSED
    with scopes_disabled():
        assert not StateChange.objects.filter(agenda=agenda).exists()


def test_add_milestone_with_weight_zero_or_progress_101_is_refused(make_experiment, operator, in_campus):
    experiment = make_experiment()

    with in_campus():
        weight = refusal(add_milestone, experiment=experiment, actor=operator, title_en="Survey", weight=0)
        progress = refusal(
            add_milestone, experiment=experiment, actor=operator, title_en="Survey", progress=101
        )

    assert (weight.field, progress.field) == ("weight", "progress")
    assert str(progress) == "Progress is a percentage from 0 to 100."


def test_set_milestone_progress_logs_the_experiments_new_progress(
    make_experiment, operator, in_campus, campus
):
    experiment = make_experiment(milestones=[(1, 0), (3, 0)])
    with scopes_disabled():
        milestone = experiment.milestones.order_by("pk").last()

    with in_campus():
        set_milestone_progress(milestone=milestone, progress=80, actor=operator)
        error = refusal(set_milestone_progress, milestone=milestone, progress=101, actor=operator)

    assert fresh(milestone).progress == 80
    assert str(error) == "Progress is a percentage from 0 to 100."
    with scopes_disabled():
        entry = ActivityLog.objects.get(action="experiment.milestone_progress")
    assert entry.data["experiment_progress"] == 60


def test_post_update_keeps_the_progress_of_the_moment_and_tells_pictures_by_content(
    make_experiment, member, in_campus
):
    experiment = make_experiment(milestones=[(1, 40)])
    files = [
        picture("bins.png"),
        picture("street.webp", "WEBP"),
        text_file("photo.jpg"),
        text_file("notes.txt"),
    ]

    with in_campus():
        update = post_update(
            experiment=experiment, author=member, happened_on=START, body="We placed the bins.", files=files
        )

    with scopes_disabled():
        attachments = list(Attachment.objects.filter(update=update).order_by("pk"))
    assert update.progress == 40
    assert [attachment.is_image for attachment in attachments] == [True, True, False, False]


def test_post_update_with_an_empty_text_is_refused(make_experiment, member, in_campus):
    experiment = make_experiment()

    with in_campus():
        error = refusal(
            post_update, experiment=experiment, author=member, happened_on=START, body=" \n ", files=[]
        )

    assert (error.field, str(error)) == ("body", "Say what happened.")


def test_post_update_with_too_big_a_file_is_refused(make_experiment, member, in_campus):
    experiment = make_experiment()
    big = text_file("survey.csv", b"x" * (MAX_FILE_BYTES + 1))

    with in_campus():
        error = refusal(
            post_update, experiment=experiment, author=member, happened_on=START, body="Data", files=[big]
        )

    assert error.field == "files"
    assert "survey.csv" in str(error)
    with scopes_disabled():
        assert not experiment.updates.exists()


def test_post_update_with_too_many_files_is_refused(make_experiment, member, in_campus):
    experiment = make_experiment()
    files = [text_file(f"part-{number}.txt") for number in range(MAX_FILES + 1)]

    with in_campus():
        error = refusal(
            post_update, experiment=experiment, author=member, happened_on=START, body="Data", files=files
        )

    assert str(error) == f"Attach at most {MAX_FILES} files to one update."


def test_delete_field_site_where_experiments_took_place_is_refused(
    campus, make_experiment, operator, in_campus
):
    with scopes_disabled():
        site = FieldSiteFactory(campus=campus)
    make_experiment(field_site=site)

    with in_campus():
        refusal(delete_field_site, site=site, actor=operator)

    assert fresh(site).pk == site.pk
