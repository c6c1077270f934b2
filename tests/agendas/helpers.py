from django_scopes import scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.core.models import ActivityLog, OutboxMessage


def public_url(campus, name, **kwargs):
    return campus_reverse(campus, f"agendas:{name}", **kwargs)


def manage_url(campus, name, **kwargs):
    return campus_reverse(campus, f"agendas_manage:{name}", **kwargs)


def fresh(record):
    with scopes_disabled():
        return type(record).objects.get(pk=record.pk)


def rows(model, **filters):
    with scopes_disabled():
        return list(model.objects.filter(**filters).order_by("pk"))


def mails(campus, **filters):
    with scopes_disabled():
        return list(OutboxMessage.objects.filter(campus=campus, **filters).order_by("pk"))


def actions(campus, prefix=""):
    with scopes_disabled():
        entries = ActivityLog.objects.filter(campus=campus, action__startswith=prefix).order_by("pk")
        return list(entries.values_list("action", flat=True))


def messages_of(response):
    return [str(message) for message in response.context["messages"]] if response.context else []
