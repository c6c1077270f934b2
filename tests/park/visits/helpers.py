from django_scopes import scopes_disabled

from opencampus.core.models import OutboxMessage


def fresh(record):
    with scopes_disabled():
        return type(record).objects.get(pk=record.pk)


def mails(campus, **filters):
    with scopes_disabled():
        return list(OutboxMessage.objects.filter(campus=campus, **filters).order_by("pk"))
