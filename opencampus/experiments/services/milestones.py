"""Milestones: the weighted steps an experiment's progress is rolled up from."""

from django.utils.translation import gettext_lazy as _

from opencampus.core.services.activity import log_activity

from ..models import Milestone
from .errors import refuse
from .progress import experiment_progress

MILESTONE_FIELDS = ("title_ko", "title_en", "weight", "progress", "due_on")
MAX_WEIGHT = 1000


def progress_problem(progress):
    if progress is None or not 0 <= progress <= 100:
        return _("Progress is a percentage from 0 to 100.")
    return None


def milestone_problems(milestone):
    """``[(field, message), …]`` that keep ``milestone`` from being saved."""
    problems = []
    if not (milestone.title_ko.strip() or milestone.title_en.strip()):
        problems.append(("title_ko", _("Give the title in Korean or in English.")))
    if milestone.weight is None or not 1 <= milestone.weight <= MAX_WEIGHT:
        problems.append(
            ("weight", _("The weight is a whole number from 1 to %(most)s.") % {"most": MAX_WEIGHT})
        )
    problem = progress_problem(milestone.progress)
    if problem:
        problems.append(("progress", problem))
    return problems


def _log(milestone, actor, action, **data):
    log_activity(
        campus=milestone.campus,
        actor=actor,
        action=action,
        subject=milestone.experiment,
        data={"milestone": milestone.pk, **data},
    )


def add_milestone(*, experiment, actor, title_ko="", title_en="", weight=1, progress=0, due_on=None):
    milestone = Milestone(
        campus=experiment.campus,
        experiment=experiment,
        title_ko=title_ko,
        title_en=title_en,
        weight=weight,
        progress=progress,
        due_on=due_on,
    )
    refuse(milestone_problems(milestone))
    milestone.save()
    _log(milestone, actor, "experiment.milestone_added", weight=weight, progress=progress)
    return milestone


def update_milestone(*, milestone, actor, **fields):
    changed = sorted(name for name, value in fields.items() if getattr(milestone, name) != value)
    for name, value in fields.items():
        setattr(milestone, name, value)
    refuse(milestone_problems(milestone))
    milestone.save()
    _log(milestone, actor, "experiment.milestone_changed", changed=changed)
    return milestone


def set_milestone_progress(*, milestone, progress, actor):
    """Set a milestone's progress; the log keeps the experiment's progress that results."""
    problem = progress_problem(progress)
    refuse([("progress", problem)] if problem else [])
    previous, milestone.progress = milestone.progress, progress
    milestone.save(update_fields=["progress"])
    _log(
        milestone,
        actor,
        "experiment.milestone_progress",
        **{
            "from": previous,
            "to": progress,
            "experiment_progress": experiment_progress(milestone.experiment),
        },
    )
    return milestone
