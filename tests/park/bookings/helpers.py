from django.db import connection
from django.test.utils import CaptureQueriesContext

from opencampus.core.links import campus_reverse


def url(campus, name, **kwargs):
    return campus_reverse(campus, name, **kwargs)


def sign_in(client, user):
    user.preferred_language = "en"
    user.save(update_fields=["preferred_language"])
    client.force_login(user)
    return client


def messages_of(response, level=None):
    return [str(message) for message in response.context["messages"] if level in (None, message.level_tag)]


def count_queries(client, address):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries)
