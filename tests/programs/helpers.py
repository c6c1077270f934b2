from django_scopes import scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.core.models import ActivityLog, OutboxMessage
from opencampus.people.models import CampusRole
from opencampus.programs.models import Participant, Registration


def fresh(record):
    with scopes_disabled():
        return type(record).objects.get(pk=record.pk)


def mails(campus, **filters):
    with scopes_disabled():
        return list(OutboxMessage.objects.filter(campus=campus, **filters).order_by("pk"))


def actions(campus, prefix=""):
    with scopes_disabled():
        entries = ActivityLog.objects.filter(campus=campus, action__startswith=prefix).order_by("pk")
        return list(entries.values_list("action", flat=True))


def roles(campus, user):
    with scopes_disabled():
        return set(CampusRole.objects.filter(campus=campus, user=user).values_list("role", flat=True))


def participants(cohort, **filters):
    with scopes_disabled():
        return list(
            Participant.objects.filter(cohort=cohort, **filters).select_related("user").order_by("pk")
        )


def registrations(cohort, **filters):
    with scopes_disabled():
        return list(
            Registration.objects.filter(cohort=cohort, **filters).select_related("user").order_by("pk")
        )


def manage_url(campus, name, **kwargs):
    return campus_reverse(campus, f"programs_manage:{name}", **kwargs)


def public_url(campus, name, **kwargs):
    return campus_reverse(campus, f"programs:{name}", **kwargs)
