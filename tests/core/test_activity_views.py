import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.core.models import ActivityLog
from opencampus.core.services.activity import log_activity

pytestmark = pytest.mark.django_db


def log(campus, actor, action, subject=None, at=None):
    with scopes_disabled():
        entry = log_activity(campus=campus, actor=actor, action=action, subject=subject)
        if at is not None:
            ActivityLog.objects.filter(pk=entry.pk).update(created=at)
    return entry


def activity_url(campus, query=""):
    return campus_reverse(campus, "core_manage:activity") + (f"?{query}" if query else "")


def test_activity_anonymous_redirects_to_login(client, campus):
    response = client.get(activity_url(campus))

    assert response.status_code == 302
    assert response.url.startswith(campus_reverse(campus, "people:login"))


@pytest.mark.parametrize("person", ["staff_member", "participant", "other_operator"])
def test_activity_not_operator_here_is_forbidden(client, campus, request, person):
    client.force_login(request.getfixturevalue(person))

    response = client.get(activity_url(campus))

    assert response.status_code == 403


def test_activity_lists_newest_first_with_actor_and_record(client, campus, operator, staff_member):
    released = log(
        campus,
        staff_member,
        "outbox.released",
        subject=campus,
        at=datetime.datetime(2020, 8, 1, tzinfo=datetime.UTC),
    )
    log(campus, operator, "outbox.edited", at=datetime.datetime(2020, 9, 1, tzinfo=datetime.UTC))
    client.force_login(operator)

    response = client.get(activity_url(campus))

    assert response.status_code == 200
    assert [entry.action for entry in response.context["entries"]] == ["outbox.edited", "outbox.released"]
    assert staff_member.email in response.text
    assert released.object_repr in response.text


def test_activity_leaves_out_other_campus(client, campus, other_campus, operator, other_operator):
    log(campus, operator, "outbox.edited")
    log(other_campus, other_operator, "outbox.discarded")
    client.force_login(operator)

    response = client.get(activity_url(campus))

    assert [entry.action for entry in response.context["entries"]] == ["outbox.edited"]
    assert other_operator.email not in response.text


def test_activity_shows_time_in_campus_time_zone(client, campus, operator):
    campus.time_zone = "America/New_York"
    campus.save()
    log(campus, operator, "outbox.edited", at=datetime.datetime(2020, 8, 1, 0, 30, tzinfo=datetime.UTC))
    client.force_login(operator)

    response = client.get(activity_url(campus))

    assert "2020-07-31 20:30" in response.text
    assert "America/New_York" in response.text


def test_activity_filters_by_action(client, campus, operator):
    log(campus, operator, "outbox.edited")
    log(campus, operator, "outbox.released")
    client.force_login(operator)

    response = client.get(activity_url(campus, "action=outbox.released"))

    assert [entry.action for entry in response.context["entries"]] == ["outbox.released"]
    assert dict(response.context["filter_form"].fields["action"].choices).keys() >= {
        "outbox.edited",
        "outbox.released",
    }


def test_activity_filters_by_actor_email(client, campus, operator, make_person):
    kim = make_person(campus, "staff", email="kim@innovationpark.example")
    log(campus, kim, "outbox.released")
    log(campus, operator, "outbox.edited")
    client.force_login(operator)

    response = client.get(activity_url(campus, "actor=KIM@innovation"))

    assert [entry.actor for entry in response.context["entries"]] == [kim]


def test_activity_unknown_action_filter_shows_everything(client, campus, operator):
    log(campus, operator, "outbox.edited")
    client.force_login(operator)

    response = client.get(activity_url(campus, "action=no.such.action"))

    assert len(response.context["entries"]) == 1


def test_activity_query_count_does_not_grow_with_entries(client, campus, operator, make_person):
    client.force_login(operator)
    log(campus, make_person(campus, "staff"), "outbox.released", subject=campus)
    with CaptureQueriesContext(connection) as one:
        client.get(activity_url(campus))
    log(campus, make_person(campus, "staff"), "outbox.discarded", subject=campus)
    log(campus, make_person(campus, "staff"), "outbox.edited", subject=campus)
    with CaptureQueriesContext(connection) as three:
        response = client.get(activity_url(campus))

    assert len(response.context["entries"]) == 3
    assert len(three) == len(one)


def test_activity_paginates(client, campus, operator):
    for _number in range(51):
        log(campus, operator, "outbox.edited")
    client.force_login(operator)

    response = client.get(activity_url(campus, "action=outbox.edited&page=2"))

    assert len(response.context["entries"]) == 1
    assert response.context["query_string"] == "action=outbox.edited"


# the dashboard links the log for operators only


def test_dashboard_links_activity_for_operator(client, campus, operator):
    client.force_login(operator)

    response = client.get(campus_reverse(campus, "core_manage:dashboard"))

    assert activity_url(campus) in response.text


def test_dashboard_hides_activity_from_staff(client, campus, staff_member):
    client.force_login(staff_member)

    response = client.get(campus_reverse(campus, "core_manage:dashboard"))

    assert response.status_code == 200
    assert activity_url(campus) not in response.text
