"""How a cohort's groups are formed: sizes and the attributes to balance or not to isolate."""

from django.db import transaction
from django.utils.translation import gettext as _

from opencampus.core.services.activity import log_activity

from ..models import FormationSettings, Trait
from .errors import WorkgroupError

LARGEST_GROUP = 30


def settings_of(cohort):
    """The cohort's settings, or unsaved defaults when the team has not set any."""
    found = FormationSettings.objects.filter(cohort=cohort).first()
    return found or FormationSettings(campus=cohort.campus, cohort=cohort)


def cohort_attributes(cohort):
    """The attribute names present in the traits of the cohort's participants, sorted."""
    return sorted(
        set(Trait.objects.filter(participant__cohort=cohort).values_list("attribute", flat=True).distinct())
    )


@transaction.atomic
def update_formation_settings(*, cohort, min_size, max_size, balance, no_isolation, actor):
    if min_size < 1:
        raise WorkgroupError(_("A group needs at least one member."), field="min_size")
    if max_size > LARGEST_GROUP:
        raise WorkgroupError(
            _("Groups may have at most %(most)s members.") % {"most": LARGEST_GROUP}, field="max_size"
        )
    if max_size < min_size:
        raise WorkgroupError(
            _("The largest group (%(largest)s) must not be smaller than the smallest (%(smallest)s).")
            % {"largest": max_size, "smallest": min_size},
            field="max_size",
        )
    known = set(cohort_attributes(cohort))
    for field, names in (("balance", balance), ("no_isolation", no_isolation)):
        unknown = [name for name in names if name not in known]
        if unknown:
            raise WorkgroupError(
                _("No participant has the attribute “%(name)s”.") % {"name": unknown[0]}, field=field
            )
    formation = settings_of(cohort)
    formation.min_size, formation.max_size = min_size, max_size
    formation.balance, formation.no_isolation = list(balance), list(no_isolation)
    formation.save()
    log_activity(
        campus=cohort.campus,
        actor=actor,
        action="workgroups.settings_changed",
        subject=cohort,
        data={
            "min_size": min_size,
            "max_size": max_size,
            "balance": formation.balance,
            "no_isolation": formation.no_isolation,
        },
    )
    return formation
