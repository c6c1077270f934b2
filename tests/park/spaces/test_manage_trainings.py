from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.core.models import OutboxMessage
from opencampus.park.models import Training, TrainingRecord
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    TrainingFactory,
    TrainingRecordFactory,
    UserFactory,
)


def url(campus, name, **kwargs):
    return campus_reverse(campus, f"spaces_manage:{name}", **kwargs)


@pytest.fixture
def record(training, staff_member):
    with scopes_disabled():
        return TrainingRecordFactory(training=training, user=staff_member)


def pages(campus, training):
    return [
        url(campus, "trainings"),
        url(campus, "training_create"),
        url(campus, "training", slug=training.slug),
        url(campus, "training_edit", slug=training.slug),
    ]


def records(training):
    with scopes_disabled():
        return list(TrainingRecord.objects.filter(training=training))


# Who may come in


def test_anonymous_people_are_sent_to_login(client, campus, training, record):
    login = campus_reverse(campus, "people:login")
    revoke = url(campus, "training_revoke", slug=training.slug, pk=record.pk)
    for address in pages(campus, training):
        response = client.get(address)
        assert response.status_code == 302, address
        assert response.url.startswith(login), address
    assert client.post(revoke).url.startswith(login)
    assert records(training) == [record]


@pytest.mark.parametrize("person", ["participant", "other_operator"])
def test_people_without_a_team_role_here_are_forbidden(client, campus, training, record, request, person):
    client.force_login(request.getfixturevalue(person))
    for address in pages(campus, training):
        assert client.get(address).status_code == 403, address
    assert client.post(url(campus, "training_revoke", slug=training.slug, pk=record.pk)).status_code == 403
    assert (
        client.post(url(campus, "training", slug=training.slug), {"person": "x@example.org"}).status_code
        == 403
    )
    assert records(training) == [record]


def test_trainings_of_another_campus_are_not_found(client, campus, other_campus, operator):
    with scopes_disabled():
        foreign = TrainingFactory(campus=other_campus, slug="busan-laser")
        foreign_record = TrainingRecordFactory(training=foreign)
    client.force_login(operator)
    assert client.get(url(campus, "training", slug=foreign.slug)).status_code == 404
    assert client.get(url(campus, "training_edit", slug=foreign.slug)).status_code == 404
    assert (
        client.post(url(campus, "training_revoke", slug=foreign.slug, pk=foreign_record.pk)).status_code
        == 404
    )
    assert records(foreign) == [foreign_record]


def test_a_record_is_revoked_only_under_its_own_training(client, campus, operator, record):
    with scopes_disabled():
        other = TrainingFactory(campus=campus, slug="printer")
    client.force_login(operator)
    assert client.post(url(campus, "training_revoke", slug=other.slug, pk=record.pk)).status_code == 404


# The list


def test_list_counts_people_holding_a_valid_record(client, campus, staff_member, training, laser, sign_in):
    today = timezone.localdate()
    with scopes_disabled():
        holder = UserFactory()
        TrainingRecordFactory(training=training, user=holder, completed_on=today - timedelta(days=10))
        TrainingRecordFactory(training=training, user=holder, completed_on=today - timedelta(days=5))
        TrainingRecordFactory(training=training, completed_on=today - timedelta(days=400))
    sign_in(staff_member)
    response = client.get(url(campus, "trainings"))
    assert [t.holders for t in response.context["trainings"]] == [1]
    assert "Laser cutter" in response.content.decode()
    assert laser.slug in response.content.decode()


def test_list_query_count_does_not_grow_with_trainings(client, campus, staff_member):
    client.force_login(staff_member)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(campus, "trainings")).status_code == 200
        return len(queries)

    with scopes_disabled():
        TrainingRecordFactory(training=TrainingFactory(campus=campus))
    one = count()
    with scopes_disabled():
        for _ in range(2):
            TrainingRecordFactory(training=TrainingFactory(campus=campus))
    assert count() == one


def test_records_page_query_count_does_not_grow_with_records(client, campus, staff_member, training):
    client.force_login(staff_member)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(campus, "training", slug=training.slug)).status_code == 200
        return len(queries)

    with scopes_disabled():
        TrainingRecordFactory(training=training, recorded_by=staff_member)
    one = count()
    with scopes_disabled():
        for _ in range(2):
            TrainingRecordFactory(training=training, recorded_by=UserFactory())
    assert count() == one


# Creating and editing


def test_staff_add_and_edit_a_training(client, campus, staff_member):
    client.force_login(staff_member)
    data = {"slug": "cnc", "name_en": "CNC router", "valid_for_days": "90"}
    response = client.post(url(campus, "training_create"), data)
    assert response.status_code == 302
    assert response.url == url(campus, "training", slug="cnc")
    client.post(url(campus, "training_edit", slug="cnc"), {**data, "valid_for_days": "30"})
    with scopes_disabled():
        assert Training.objects.get(campus=campus, slug="cnc").valid_for_days == 30


def test_bad_training_input_keeps_what_was_typed(client, campus, staff_member, training, sign_in):
    sign_in(staff_member)
    data = {"slug": training.slug, "name_en": "Typed name", "valid_for_days": "0"}
    response = client.post(url(campus, "training_create"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="Typed name"' in page
    assert set(response.context["form"].errors) == {"slug", "valid_for_days"}


# Records


def test_staff_record_a_training_for_a_member_of_an_organisation(client, campus, staff_member, training):
    member = MembershipFactory(organisation=OrganisationFactory(campus=campus)).user
    client.force_login(staff_member)
    completed = timezone.localdate() - timedelta(days=2)
    response = client.post(
        url(campus, "training", slug=training.slug),
        {"person": member.email.upper(), "completed_on": completed.isoformat()},
    )
    assert response.status_code == 302
    [record] = records(training)
    assert (record.user, record.completed_on, record.expires_on) == (
        member,
        completed,
        completed + timedelta(180),
    )
    with scopes_disabled():
        assert OutboxMessage.objects.filter(
            campus=campus, recipient=member, reason="training.recorded"
        ).exists()


@pytest.mark.parametrize("who", ["stranger", "nobody"])
def test_recording_someone_unknown_here_is_refused(
    client, campus, staff_member, training, other_operator, who, sign_in
):
    email = other_operator.email if who == "stranger" else "nobody@example.org"
    sign_in(staff_member)
    response = client.post(
        url(campus, "training", slug=training.slug), {"person": email, "completed_on": "2025-01-10"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert (
        "holds no role on this campus" if who == "stranger" else "No account uses this e-mail address"
    ) in page
    assert f'value="{email}"' in page
    assert records(training) == []


def test_records_page_highlights_expired_records(client, campus, staff_member, training, sign_in):
    with scopes_disabled():
        TrainingRecordFactory(training=training, completed_on=date(2020, 1, 1))
        TrainingRecordFactory(training=training, completed_on=timezone.localdate())
    sign_in(staff_member)
    page = client.get(url(campus, "training", slug=training.slug)).content.decode()
    assert page.count('class="expired"') == 1
    assert "expired 2020-06-29" in page


def test_staff_revoke_a_record(client, campus, staff_member, training, record):
    client.force_login(staff_member)
    response = client.post(url(campus, "training_revoke", slug=training.slug, pk=record.pk))
    assert response.status_code == 302
    assert records(training) == []
