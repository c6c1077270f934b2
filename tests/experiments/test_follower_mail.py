"""People who follow a social problem hear when an experiment on it starts, ends or stops."""

from django_scopes import scopes_disabled

from opencampus.agendas.models import Agenda, Follow
from opencampus.core.models import OutboxMessage
from opencampus.experiments.models import Experiment
from opencampus.experiments.services.experiments import set_experiment_status

Status = Experiment.Status


def follow(campus, agenda, person):
    with scopes_disabled():
        Follow.objects.create(campus=campus, agenda=agenda, user=person)


def mails(reason):
    with scopes_disabled():
        return list(OutboxMessage.objects.filter(reason=reason).order_by("pk"))


def test_completing_an_experiment_mails_the_problems_followers_with_its_results(
    campus, agenda, make_experiment, make_person, operator, in_campus
):
    follower = make_person(campus)
    follow(campus, agenda, follower)
    experiment = make_experiment(
        agenda=agenda, title_en="Shared compost", status=Status.RUNNING, results="Food waste fell by a fifth."
    )

    with in_campus():
        set_experiment_status(experiment=experiment, to_status=Status.COMPLETED, actor=operator)

    [mail] = mails("experiment.status_changed")
    assert (mail.to, mail.state != OutboxMessage.State.DRAFT) == (follower.email, True)
    assert mail.subject == "“Shared compost” is now completed"
    assert "was running and is now completed" in mail.body
    assert "Food waste fell by a fifth." in mail.body
    assert f"/c/{campus.slug}/experiments/{experiment.pk}/" in mail.body
    assert f"/c/{campus.slug}/agendas/{agenda.pk}/" in mail.body


def test_a_start_that_moves_the_problem_sends_only_the_problems_own_mail(
    campus, agenda, make_experiment, make_person, operator, in_campus
):
    follow(campus, agenda, make_person(campus))
    with scopes_disabled():
        Agenda.objects.filter(pk=agenda.pk).update(state=Agenda.State.ADOPTED)
    experiment = make_experiment(agenda=agenda)

    with in_campus():
        set_experiment_status(experiment=experiment, to_status=Status.RUNNING, actor=operator)

    assert len(mails("agenda.state_changed")) == 1
    assert mails("experiment.status_changed") == []


def test_a_hidden_experiment_tells_no_follower(
    campus, agenda, make_experiment, make_person, operator, in_campus
):
    follow(campus, agenda, make_person(campus))
    experiment = make_experiment(agenda=agenda, is_public=False)

    with in_campus():
        set_experiment_status(experiment=experiment, to_status=Status.RUNNING, actor=operator)

    assert mails("experiment.status_changed") == []
