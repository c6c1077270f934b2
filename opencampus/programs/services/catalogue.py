"""Tracks and cohorts as the campus team creates and edits them; every change is logged."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from opencampus.core.services.activity import log_activity

from ..models import Cohort, Track
from .errors import AdmissionError
from .roster import active_count, lock_cohort

TRACK_FIELDS = ("slug", "kind", "name_ko", "name_en", "description_ko", "description_en", "is_active")
COHORT_FIELDS = (
    "track",
    "slug",
    "name_ko",
    "name_en",
    "starts_on",
    "ends_on",
    "weeks",
    "place",
    "size",
    "admission",
    "call",
    "registration_opens_at",
    "registration_closes_at",
    "completion_attendance",
    "completion_requires_presentation",
    "is_published",
)
# Taken by the team's pages (``tracks/new/``, ``cohorts/new/``).
RESERVED_SLUGS = frozenset({"new"})


def slug_problem(model, *, campus, slug, instance):
    if slug in RESERVED_SLUGS:
        return _("This address name is used by the pages themselves; choose another.")
    taken = model.objects.filter(campus=campus, slug=slug)
    if instance.pk:
        taken = taken.exclude(pk=instance.pk)
    if taken.exists():
        return _("Another one on this campus already uses this address name.")
    return None


def track_problems(track):
    """``[(field, message), …]`` that keep ``track`` from being saved."""
    problems = []
    if not (track.name_ko or track.name_en):
        problems.append(("name_ko", _("Give the name in Korean or in English.")))
    slug = slug_problem(Track, campus=track.campus, slug=track.slug, instance=track)
    if slug:
        problems.append(("slug", slug))
    return problems


def cohort_problems(cohort, *, previous_admission=None):
    """``[(field, message), …]`` that keep ``cohort`` from being saved.

    ``previous_admission`` is the admission before an edit: it may change only while nobody joined.
    """
    problems = []
    if not (cohort.name_ko or cohort.name_en):
        problems.append(("name_ko", _("Give the name in Korean or in English.")))
    slug = slug_problem(Cohort, campus=cohort.campus, slug=cohort.slug, instance=cohort)
    if slug:
        problems.append(("slug", slug))
    for field in ("track", "place", "call"):
        related = getattr(cohort, field) if getattr(cohort, f"{field}_id") else None
        if related is not None and related.campus_id != cohort.campus_id:
            problems.append((field, _("This belongs to another campus.")))
    if cohort.starts_on and cohort.ends_on and cohort.ends_on <= cohort.starts_on:
        problems.append(("ends_on", _("The cohort must end after it starts.")))
    if cohort.completion_attendance is not None and cohort.completion_attendance > 100:
        problems.append(("completion_attendance", _("A share of attendance is at most 100%.")))
    problems.extend(_window_problems(cohort))
    problems.extend(_roster_problems(cohort, previous_admission))
    return problems


def _window_problems(cohort):
    opens, closes = cohort.registration_opens_at, cohort.registration_closes_at
    if opens and closes and closes <= opens:
        return [("registration_closes_at", _("Registration must close after it opens."))]
    if cohort.admission != Cohort.Admission.SELECTION and not (opens and closes):
        field = "registration_closes_at" if opens else "registration_opens_at"
        return [(field, _("A cohort admitted first come or by lottery needs both registration dates."))]
    return []


def _roster_problems(cohort, previous_admission):
    if not cohort.pk:
        return []
    problems = []
    if (
        previous_admission
        and cohort.admission != previous_admission
        and (cohort.participants.exists() or cohort.registrations.exists())
    ):
        problems.append(
            (
                "admission",
                _("People already joined or registered; the way of admission can no longer change."),
            )
        )
    active = active_count(cohort)
    if cohort.size is not None and cohort.size < active:
        message = _("%(count)s people already take part; the cohort needs at least that many places.")
        problems.append(("size", message % {"count": active}))
    return problems


def _refuse(problems):
    if problems:
        field, message = problems[0]
        raise AdmissionError(message, field=field)


def _changed(instance, fields):
    return sorted(name for name, value in fields.items() if getattr(instance, name) != value)


def create_track(*, campus, actor, **fields):
    track = Track(campus=campus, **fields)
    _refuse(track_problems(track))
    track.save()
    log_activity(campus=campus, actor=actor, action="track.created", subject=track)
    return track


def update_track(*, track, actor, **fields):
    changed = _changed(track, fields)
    for name, value in fields.items():
        setattr(track, name, value)
    _refuse(track_problems(track))
    track.save()
    log_activity(
        campus=track.campus, actor=actor, action="track.changed", subject=track, data={"changed": changed}
    )
    return track


def create_cohort(*, campus, actor, **fields):
    cohort = Cohort(campus=campus, **fields)
    _refuse(cohort_problems(cohort))
    cohort.save()
    log_activity(campus=campus, actor=actor, action="cohort.created", subject=cohort)
    return cohort


@transaction.atomic
def update_cohort(*, cohort, actor, **fields):
    """Change ``cohort`` under its row lock, so its size never drops below a registration made meanwhile."""
    previous_admission = lock_cohort(cohort).admission
    changed = _changed(cohort, fields)
    for name, value in fields.items():
        setattr(cohort, name, value)
    _refuse(cohort_problems(cohort, previous_admission=previous_admission))
    cohort.save()
    log_activity(
        campus=cohort.campus, actor=actor, action="cohort.changed", subject=cohort, data={"changed": changed}
    )
    return cohort
