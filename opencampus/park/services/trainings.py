"""Machine trainings and who holds them: booking a space that requires one needs a record valid that day."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencampus.core.errors import RefusedInput
from opencampus.core.services.activity import log_activity
from opencampus.core.services.outbox import draft_mail
from opencampus.people.models import CampusRole, Membership

from ..models import Training, TrainingRecord

EDITABLE_FIELDS = ("slug", "name_ko", "name_en", "description_ko", "description_en", "valid_for_days")
RESERVED_SLUGS = frozenset({"new"})


class TrainingError(RefusedInput):
    """A change the rules of trainings do not allow; the message is for people, ``field`` names the input."""


def valid_training(*, user, training, on_date):
    """The record that lets ``user`` use ``training``'s machines on ``on_date``, or None.

    A record is valid from ``completed_on`` up to, not including, ``expires_on``.
    """
    if training is None or not user.is_authenticated:
        return None
    return (
        TrainingRecord.objects.filter(
            campus=training.campus_id,
            training=training,
            user=user,
            completed_on__lte=on_date,
            expires_on__gt=on_date,
        )
        .order_by("-expires_on", "pk")
        .first()
    )


def is_known_on(*, campus, user):
    """Whether ``user`` holds a role on ``campus`` or belongs to one of its organisations."""
    return (
        CampusRole.objects.filter(campus=campus, user=user).exists()
        or Membership.objects.filter(campus=campus, user=user).exists()
    )


def training_slug_is_taken(*, campus, slug, exclude=None):
    taken = Training.objects.filter(campus=campus, slug=slug)
    if exclude is not None and exclude.pk:
        taken = taken.exclude(pk=exclude.pk)
    return taken.exists()


def check_training_slug(*, campus, slug, training=None):
    if slug in RESERVED_SLUGS:
        raise TrainingError(
            _("This address name is used by the training pages; choose another."), field="slug"
        )
    if training_slug_is_taken(campus=campus, slug=slug, exclude=training):
        raise TrainingError(
            _("Another training of this campus already uses this address name."), field="slug"
        )


def _check_training(training, fields):
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not an editable training field: {', '.join(sorted(unknown))}")
    if not (training.name_ko or training.name_en):
        raise TrainingError(_("Give the training's name in Korean or in English."), field="name_ko")
    if training.valid_for_days < 1:
        raise TrainingError(_("A training is valid for at least one day."), field="valid_for_days")
    check_training_slug(campus=training.campus, slug=training.slug, training=training)


def create_training(*, campus, actor, **fields):
    training = Training(campus=campus, **fields)
    _check_training(training, fields)
    training.save()
    log_activity(campus=campus, actor=actor, action="training.created", subject=training)
    return training


def update_training(*, training, actor, **fields):
    """Change a training; records already given keep the validity they were given."""
    changed = sorted(name for name, value in fields.items() if getattr(training, name) != value)
    for name, value in fields.items():
        setattr(training, name, value)
    _check_training(training, fields)
    training.save()
    log_activity(
        campus=training.campus,
        actor=actor,
        action="training.changed",
        subject=training,
        data={"changed": changed},
    )
    return training


@transaction.atomic
def record_training(*, training, user, completed_on, actor, link=""):
    """Record that ``user`` completed ``training`` on ``completed_on``; tell them by mail (a draft)."""
    campus = training.campus
    if not is_known_on(campus=campus, user=user):
        raise TrainingError(
            _("This person holds no role on this campus and belongs to none of its organisations."),
            field="person",
        )
    if completed_on > timezone.localdate():
        raise TrainingError(_("The training cannot be completed in the future."), field="completed_on")
    record = TrainingRecord.objects.create(
        campus=campus,
        training=training,
        user=user,
        completed_on=completed_on,
        expires_on=training.expiry_for(completed_on),
        recorded_by=actor if actor is not None and actor.is_authenticated else None,
    )
    log_activity(
        campus=campus,
        actor=actor,
        action="training.recorded",
        subject=record,
        data={"training": training.slug, "completed_on": completed_on.isoformat()},
    )
    draft_mail(
        campus=campus,
        to=user.email,
        recipient=user,
        template="park/spaces/mail/training_recorded.txt",
        context={"person": user, "record": record, "training": training, "link": link},
        language=user.preferred_language,
        reason="training.recorded",
    )
    return record


def revoke_training(*, record, actor):
    """Withdraw a record (given by mistake, or the person may no longer use the machines)."""
    log_activity(
        campus=record.campus,
        actor=actor,
        action="training.revoked",
        subject=record,
        data={"training": record.training.slug, "user": record.user.email},
    )
    record.delete()


def holders_filter(on_date, prefix="records__"):
    """A ``Q`` for records valid on ``on_date``, e.g. to count a training's holders."""
    return Q(**{f"{prefix}completed_on__lte": on_date, f"{prefix}expires_on__gt": on_date})
