from django_scopes import scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.core.models import ActivityLog
from opencampus.workgroups.models import FormationSettings, Trait


def manage_url(cohort, name="cohort", **kwargs):
    return campus_reverse(cohort.campus, f"workgroups_manage:{name}", cohort=cohort.slug, **kwargs)


def public_url(campus, name, **kwargs):
    return campus_reverse(campus, f"workgroups:{name}", **kwargs)


def actions(campus, prefix="workgroups."):
    with scopes_disabled():
        entries = ActivityLog.objects.filter(campus=campus, action__startswith=prefix).order_by("pk")
        return list(entries.values_list("action", flat=True))


def rows(model, **filters):
    with scopes_disabled():
        return list(model.objects.filter(**filters).order_by("pk"))


def set_formation(cohort, **fields):
    with scopes_disabled():
        FormationSettings.objects.update_or_create(
            cohort=cohort, defaults={"campus": cohort.campus, **fields}
        )


def give_trait(participant, attribute, value):
    with scopes_disabled():
        Trait.objects.create(
            campus=participant.campus, participant=participant, attribute=attribute, value=value
        )
