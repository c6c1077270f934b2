"""Experiments and supported projects as the campus team and their teams create and change them;
every change is logged."""

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from opencampus.agendas.models import Agenda
from opencampus.agendas.services.links import DEFAULT_BASE_URL
from opencampus.agendas.services.notices import tell_followers
from opencampus.agendas.services.states import set_agenda_state
from opencampus.core.links import campus_reverse
from opencampus.core.services.activity import log_activity

from ..models import Experiment
from .errors import ExperimentError, refuse

Status = Experiment.Status

# What the campus team sets on its pages; the status changes only through ``set_experiment_status``.
EXPERIMENT_FIELDS = (
    "kind",
    "is_major",
    "title_ko",
    "title_en",
    "theme",
    "agenda",
    "working_group",
    "organisation",
    "field_site",
    "starts_on",
    "ends_on",
    "budget",
    "hypothesis",
    "method",
    "results",
    "lessons",
    "is_public",
)
# What the experiment's own team keeps up to date.
TEAM_FIELDS = ("hypothesis", "method", "results", "lessons")
CAMPUS_LINKS = ("theme", "agenda", "working_group", "organisation", "field_site")

TRANSITIONS = {
    Status.PLANNED: (Status.RUNNING, Status.STOPPED),
    Status.RUNNING: (Status.COMPLETED, Status.STOPPED),
    Status.COMPLETED: (),
    Status.STOPPED: (),
}
RESULTS_NEEDED = _("A completed experiment needs its results: say what changed.")


def problem_of(experiment):
    """The social problem an experiment works on: its own, else its working group's."""
    if experiment.agenda_id:
        return experiment.agenda
    if experiment.working_group_id:
        return experiment.working_group.agenda
    return None


def experiment_problems(experiment):
    """``[(field, message), …]`` that keep ``experiment`` from being saved."""
    problems = []
    if not (experiment.title_ko.strip() or experiment.title_en.strip()):
        problems.append(("title_ko", _("Give the title in Korean or in English.")))
    for field in CAMPUS_LINKS:
        related = getattr(experiment, field) if getattr(experiment, f"{field}_id") else None
        if related is not None and related.campus_id != experiment.campus_id:
            problems.append((field, _("This belongs to another campus.")))
    if experiment.working_group_id and experiment.organisation_id:
        problems.append(
            ("organisation", _("The team is a working group or an organisation, not both: choose one."))
        )
    if experiment.starts_on and experiment.ends_on and experiment.ends_on < experiment.starts_on:
        problems.append(("ends_on", _("The end date cannot be before the start date.")))
    if experiment.budget is not None and experiment.budget < 0:
        problems.append(("budget", _("The budget cannot be negative.")))
    if experiment.status == Status.COMPLETED and not experiment.results.strip():
        problems.append(("results", RESULTS_NEEDED))
    return problems


def _changed(instance, fields):
    return sorted(name for name, value in fields.items() if getattr(instance, name) != value)


def create_experiment(*, campus, actor, **fields):
    experiment = Experiment(campus=campus, created_by=actor, **fields)
    refuse(experiment_problems(experiment))
    experiment.save()
    log_activity(campus=campus, actor=actor, action="experiment.created", subject=experiment)
    return experiment


def update_experiment(*, experiment, actor, **fields):
    changed = _changed(experiment, fields)
    for name, value in fields.items():
        setattr(experiment, name, value)
    refuse(experiment_problems(experiment))
    experiment.save()
    log_activity(
        campus=experiment.campus,
        actor=actor,
        action="experiment.changed",
        subject=experiment,
        data={"changed": changed},
    )
    return experiment


def allowed_statuses(experiment):
    return TRANSITIONS[experiment.status]


@transaction.atomic
def set_experiment_status(*, experiment, to_status, actor, base_url=DEFAULT_BASE_URL):
    """planned → running → completed or stopped (a planned one may also be called off).

    A completed or stopped experiment without an end date ends today. When it starts running, the
    social problem it works on moves from adopted to in experiment, with the experiment named
    (its followers' mails link to ``base_url``).
    """
    current = Experiment.objects.select_for_update().get(pk=experiment.pk)
    experiment.status = current.status
    if to_status not in allowed_statuses(experiment):
        raise ExperimentError(
            _("The status cannot go from %(from)s to %(to)s.")
            % {"from": Status(experiment.status).label, "to": dict(Status.choices).get(to_status, to_status)},
            field="status",
        )
    if to_status == Status.COMPLETED and not experiment.results.strip():
        raise ExperimentError(RESULTS_NEEDED, field="results")
    from_status, experiment.status = experiment.status, to_status
    if to_status in (Status.COMPLETED, Status.STOPPED) and experiment.ends_on is None:
        experiment.ends_on = max(timezone.localdate(), experiment.starts_on)
    experiment.save(update_fields=["status", "ends_on"])
    log_activity(
        campus=experiment.campus,
        actor=actor,
        action="experiment.status_changed",
        subject=experiment,
        data={"from": from_status, "to": to_status},
    )
    moved_problem = to_status == Status.RUNNING and _take_problem_into_experiment(experiment, actor, base_url)
    if not moved_problem:  # a problem that moved on has told its followers already
        _tell_problem_followers(experiment, from_status, base_url)
    return experiment


def _tell_problem_followers(experiment, from_status, base_url):
    agenda = problem_of(experiment)
    if agenda is None or not experiment.is_public:
        return
    tell_followers(
        agenda=agenda,
        template="experiments/mail/status_changed.txt",
        context={
            "experiment": experiment,
            "old_status": Status(from_status).label,
            "experiment_link": base_url.rstrip("/")
            + campus_reverse(experiment.campus, "experiments:detail", pk=experiment.pk),
        },
        reason="experiment.status_changed",
        base_url=base_url,
    )


def _take_problem_into_experiment(experiment, actor, base_url):
    agenda = problem_of(experiment)
    if agenda is None:
        return False
    agenda.refresh_from_db(fields=["state"])
    if agenda.state != Agenda.State.ADOPTED:
        return False
    # The explanation is public text kept as written: in the campus's language, not the actor's.
    with translation.override(experiment.campus.default_language):
        if experiment.kind == Experiment.Kind.PROJECT:
            text = gettext("The supported project “%(title)s” has started.")
        else:
            text = gettext("The experiment “%(title)s” has started.")
        explanation = text % {"title": experiment.title}
    set_agenda_state(
        agenda=agenda,
        to_state=Agenda.State.IN_EXPERIMENT,
        explanation=explanation,
        actor=actor,
        base_url=base_url,
    )
    return True
